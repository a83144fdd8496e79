/* dateline event page: a small map of the event's place, drawn as on the dashboard (mapbase.js). */
(function () {
  "use strict";
  const box = document.getElementById("event-map");
  if (!box || typeof L === "undefined" || !window.datelineMap) return;
  const base = window.datelineMap;
  const d = box.dataset;
  const latlng = L.latLng(parseFloat(d.lat), parseFloat(d.lon));
  const colour = base.palette(JSON.parse(d.types || "[]"))(d.type);
  const style = base.precisionStyle(d.resolution, colour);
  const zoom = { country: 3, admin1: 5, admin2: 5 }[d.resolution] || 6;  // wide enough to show borders
  const map = base.worldMap(box, { scrollWheelZoom: false }).setView(latlng, zoom);
  L.circleMarker(latlng, {
    radius: base.radiusOf(parseInt(d.dead || "0", 10)) + style.extra, color: style.color, weight: style.weight,
    dashArray: style.dashArray, fillColor: style.fillColor, fillOpacity: style.fillOpacity,
    className: "ev-marker ev-prec-" + (d.resolution || "unknown"),
  }).addTo(map);
  base.addLegend(map);
  box.dataset.state = "ready";
})();
