// The place picker of the suggestion form (<div id="point-map">) and the place shown on a suggestion's handling page
// (the same element with data-point="lat,lon"). The page names the outlines' URL, the tile server and the inputs in
// data- attributes, so no inline script is needed. The map appears only when it has something to draw — tiles or
// district outlines —; the coordinate inputs work without it.
(function () {
  'use strict';
  const element = document.getElementById('point-map');
  if (!element) {
    return;
  }
  const latitude = element.dataset.latitude ? document.getElementById(element.dataset.latitude) : null;
  const longitude = element.dataset.longitude ? document.getElementById(element.dataset.longitude) : null;
  const clear = document.getElementById('clear-point');
  function typed(input) {
    const value = input && input.value.trim() !== '' ? Number(input.value.trim().replace(',', '.')) : NaN;
    return Number.isFinite(value) ? value : null;
  }
  function point() {
    if (element.dataset.point) {
      const parts = element.dataset.point.split(',').map(Number);
      return [parts[0], parts[1]];
    }
    const lat = typed(latitude);
    const lon = typed(longitude);
    return lat !== null && lon !== null && Math.abs(lat) <= 90 && Math.abs(lon) <= 180 ? [lat, lon] : null;
  }
  function showClear() {
    if (clear) {
      clear.hidden = point() === null;
    }
  }
  if (clear) {
    clear.addEventListener('click', function () {
      latitude.value = '';
      longitude.value = '';
      latitude.dispatchEvent(new Event('change'));
    });
  }
  showClear();
  if (!window.L) {
    [latitude, longitude].forEach(function (input) { if (input) { input.addEventListener('change', showClear); } });
    return;
  }
  const map = window.L.map(element).setView([48, 68], 4);
  let drawable = false;
  if (element.dataset.tiles) {
    window.L.tileLayer(element.dataset.tiles, { attribution: element.dataset.attribution || '', maxZoom: 19 }).addTo(map);
    drawable = true;
  }
  let marker = null;
  function place() {
    const at = point();
    if (marker) {
      map.removeLayer(marker);
      marker = null;
    }
    if (at) {
      marker = window.L.circleMarker(at, { radius: 8, color: '#0d3b66', weight: 2, fillColor: '#f4a261', fillOpacity: 0.9 }).addTo(map);
    }
    showClear();
    return at;
  }
  function reveal(bounds) {
    element.hidden = false;
    map.invalidateSize();
    const at = place();
    if (at && (!bounds || !bounds.isValid() || !bounds.contains(at))) {
      map.setView(at, 15);
    } else if (bounds && bounds.isValid()) {
      map.fitBounds(bounds, { padding: [10, 10] });
    }
  }
  if (!element.dataset.point) {
    map.on('click', function (event) {
      latitude.value = event.latlng.lat.toFixed(6);
      longitude.value = event.latlng.lng.toFixed(6);
      place();
    });
    [latitude, longitude].forEach(function (input) { input.addEventListener('change', place); });
  }
  if (!element.dataset.outlines) {
    if (drawable) {
      reveal(null);
    }
    return;
  }
  fetch(element.dataset.outlines, { credentials: 'same-origin' }).then(function (r) { return r.json(); }).then(function (data) {
    const bounds = window.L.latLngBounds([]);
    data.districts.forEach(function (d) {
      const layer = window.L.geoJSON(d.geometry, { style: { color: '#333', weight: 1, fillOpacity: 0.05 }, interactive: false }).addTo(map);
      layer.bindTooltip(d.name, { permanent: true, direction: 'center', className: 'point-map-label' });
      bounds.extend(layer.getBounds());
    });
    if (drawable || data.districts.length > 0) {
      reveal(bounds);
    }
  });
}());
