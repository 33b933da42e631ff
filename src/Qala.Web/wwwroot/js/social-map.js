// Draws the social infrastructure map of <div id="social-map">: the page names its JSON endpoints and texts in data-
// attributes, so no inline script is needed. Without a tile server the map is district outlines on a plain background.
(function () {
  'use strict';
  const element = document.getElementById('social-map');
  if (!element || !window.L) {
    return;
  }
  // A view before any layer: Leaflet cannot project vector layers on a map without one. Kazakhstan until the data comes.
  const map = window.L.map(element, { preferCanvas: true }).setView([48, 68], 4);
  if (element.dataset.tiles) {
    window.L.tileLayer(element.dataset.tiles, { attribution: element.dataset.attribution || '', maxZoom: 19 }).addTo(map);
  }
  const number = new Intl.NumberFormat(document.documentElement.lang || undefined, { maximumFractionDigits: 0 });
  function format(text, values) {
    return text.replace(/\{(\d+)\}/g, function (_, i) { return values[Number(i)]; });
  }
  function shade(share) {
    if (share === null || share === undefined) { return '#bbbbbb'; }
    return share >= 0.9 ? '#198754' : share >= 0.7 ? '#ffc107' : '#dc3545';
  }
  function colour(facility) {
    if (facility.state === 'Planned') { return '#6c757d'; }
    if (facility.state === 'UnderConstruction') { return '#fd7e14'; }
    return facility.load !== null && facility.load > 1 ? '#dc3545' : '#198754';
  }
  fetch(element.dataset.url, { credentials: 'same-origin' }).then(function (r) { return r.json(); }).then(function (data) {
    const bounds = window.L.latLngBounds([]);
    data.districts.forEach(function (d) {
      const layer = window.L.geoJSON(d.geometry, { style: { color: '#333', weight: 1, fillColor: shade(d.share), fillOpacity: 0.25 } })
        .bindTooltip(d.name + (d.share === null ? '' : ': ' + Math.round(d.share * 100) + '%'))
        .addTo(map);
      bounds.extend(layer.getBounds());
    });
    const segments = [];
    for (let i = 0; i + 3 < data.streets.length; i += 4) {
      segments.push([[data.streets[i], data.streets[i + 1]], [data.streets[i + 2], data.streets[i + 3]]]);
    }
    if (segments.length > 0) {
      window.L.polyline(segments, { color: '#9a9a9a', weight: 1, interactive: false }).addTo(map);
    }
    data.facilities.forEach(function (f) {
      window.L.circleMarker([f.lat, f.lon], { radius: 6, color: '#222', weight: 1, fillColor: colour(f), fillOpacity: 0.9 })
        .bindTooltip(f.name + ' · ' + f.capacity + (f.enrolment === null ? '' : ' / ' + f.enrolment))
        .addTo(map);
      bounds.extend([f.lat, f.lon]);
    });
    data.worst.forEach(function (p) {
      window.L.circleMarker([p.lat, p.lon], { radius: 4, color: '#6f42c1', weight: 1, fillOpacity: 0.6 }).addTo(map);
      bounds.extend([p.lat, p.lon]);
    });
    if (bounds.isValid()) {
      map.fitBounds(bounds, { padding: [20, 20] });
    }
  });
  const result = document.getElementById('what-if-result');
  let marker = null;
  map.on('click', function (event) {
    const capacity = document.getElementById('what-if-capacity').value || '100';
    const url = element.dataset.whatIfUrl + '&lat=' + event.latlng.lat + '&lon=' + event.latlng.lng + '&capacity=' + encodeURIComponent(capacity);
    if (marker) { map.removeLayer(marker); }
    marker = window.L.circleMarker(event.latlng, { radius: 8, color: '#0b5ed7', weight: 3, fillOpacity: 0.2 }).addTo(map);
    fetch(url, { credentials: 'same-origin' }).then(function (r) { return r.json(); }).then(function (gain) {
      result.textContent = gain.tooFar
        ? format(element.dataset.textTooFar, [number.format(gain.maxSnapDistance)])
        : format(element.dataset.textGain, [number.format(gain.coveredGain)]) + ' ' +
          format(element.dataset.textShortage, [number.format(gain.shortageBefore), number.format(gain.shortageAfter)]);
    });
  });
})();
