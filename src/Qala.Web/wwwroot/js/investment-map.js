// Draws the business development map of <div id="investment-map">: asks /api/v1/investment/map for the clusters and
// points of the viewport whenever it moves, with the page's filters (data-query); texts come in data- attributes, so
// no inline script is needed. Without a tile server the points lie on a plain background.
(function () {
  'use strict';
  const element = document.getElementById('investment-map');
  if (!element || !window.L) {
    return;
  }
  const data = element.dataset;
  // SVG, not canvas: a viewport holds at most a few hundred markers, and each stays an element one can focus and click.
  const map = window.L.map(element).setView([48, 68], 5);
  if (data.tiles) {
    window.L.tileLayer(data.tiles, { attribution: data.attribution || '', maxZoom: 19 }).addTo(map);
  }
  const layer = window.L.layerGroup().addTo(map);
  const number = new Intl.NumberFormat(document.documentElement.lang || undefined, { maximumFractionDigits: 0 });
  const stages = {};
  (data.stages || '').split('|').forEach(function (pair) {
    const at = pair.indexOf('=');
    if (at > 0) { stages[pair.slice(0, at)] = pair.slice(at + 1); }
  });
  const sectors = {};
  (data.sectors || '').split('|').forEach(function (pair) {
    const at = pair.indexOf('=');
    if (at > 0) { sectors[pair.slice(0, at)] = pair.slice(at + 1); }
  });
  const kinds = { Zone: data.textZone, Participant: data.textParticipant, Project: data.textProject, Ppp: data.textPpp };
  const colours = { Zone: '#0b5ed7', Participant: '#198754', Project: '#fd7e14', Ppp: '#6f42c1' };
  const exportLink = document.getElementById('map-export');

  // A popup built from DOM nodes: names come from the registry and are never parsed as HTML.
  function popup(point) {
    const box = document.createElement('div');
    const title = document.createElement(point.url ? 'a' : 'strong');
    title.textContent = point.name;
    if (point.url) { title.href = point.url; }
    box.appendChild(title);
    const lines = [kinds[point.kind] + (point.zone ? ' · ' + point.zone : '')];
    if (point.pppSector) { lines.push(data.textSector + ': ' + (sectors[point.pppSector] || point.pppSector)); }
    const stage = point.stage || point.pppStage;
    if (stage) { lines.push(data.textStage + ': ' + (stages[stage] || stage)); }
    if (point.plannedJobs !== null && point.plannedJobs !== undefined) { lines.push(data.textJobs + ': ' + number.format(point.plannedJobs)); }
    if (point.actualJobs !== null && point.actualJobs !== undefined) { lines.push(data.textActualJobs + ': ' + number.format(point.actualJobs)); }
    if (point.investment !== null && point.investment !== undefined) { lines.push(data.textInvestment + ': ' + number.format(point.investment)); }
    if (point.contractValue !== null && point.contractValue !== undefined) { lines.push(data.textContract + ': ' + number.format(point.contractValue)); }
    if (point.obligations !== null && point.obligations !== undefined) { lines.push(data.textObligations + ': ' + number.format(point.obligations)); }
    lines.forEach(function (text) {
      const line = document.createElement('div');
      line.className = 'small';
      line.textContent = text;
      box.appendChild(line);
    });
    return box;
  }

  function bbox() {
    const b = map.getBounds();
    const clamp = function (v, limit) { return Math.max(-limit, Math.min(limit, v)); };
    return [clamp(b.getWest(), 180), clamp(b.getSouth(), 90), clamp(b.getEast(), 180), clamp(b.getNorth(), 90)]
      .map(function (v) { return v.toFixed(5); }).join(',');
  }

  let request = 0;
  function load() {
    const mine = ++request;
    const box = bbox();
    if (exportLink) { exportLink.href = exportLink.dataset.base + '&bbox=' + box; }
    const url = data.api + '?bbox=' + box + '&zoom=' + map.getZoom() + (data.query ? '&' + data.query : '');
    fetch(url, { credentials: 'same-origin' }).then(function (r) { return r.ok ? r.json() : null; }).then(function (answer) {
      if (!answer || mine !== request) { return; }
      layer.clearLayers();
      answer.clusters.forEach(function (c) {
        const size = 14 + Math.min(26, Math.log2(c.count) * 4);
        const icon = window.L.divIcon({ className: 'map-cluster', html: '<span>' + number.format(c.count) + '</span>', iconSize: [size * 2, size * 2] });
        window.L.marker([c.latitude, c.longitude], { icon: icon, title: data.textPoints.replace('{0}', number.format(c.count)) })
          .on('click', function () { map.setView([c.latitude, c.longitude], Math.min(map.getZoom() + 2, 18)); })
          .addTo(layer);
      });
      answer.points.forEach(function (p) {
        window.L.circleMarker([p.latitude, p.longitude], {
          radius: p.kind === 'Zone' ? 9 : 6, color: '#222', weight: 1, fillColor: colours[p.kind] || '#6c757d', fillOpacity: 0.9,
        }).bindPopup(popup(p)).addTo(layer);
      });
    });
  }

  map.on('moveend', load);
  load();
})();
