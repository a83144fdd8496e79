/* dateline maps: what the dashboard's map and an event's map share (window.datelineMap).
 * A Leaflet map over Natural Earth country boundaries served by this server (no tiles, no CDN), the
 * colour of each PLOVER type, the size of a marker by its dead and its look by the place's precision.
 */
(function () {
  "use strict";

  // PLOVER types in the ontology's order (the page gives the list): cooperation in greens and blues,
  // verbal conflict in oranges, material conflict in reds and purples
  const PALETTE = ["#1b9e77", "#66a61e", "#2ca25f", "#74c476", "#2171b5", "#6baed6", "#9ecae1",
    "#fdae6b", "#e6550d", "#fd8d3c", "#a63603", "#756bb1", "#e7298a", "#8c6bb1", "#6a3d9a", "#d62728"];
  const OTHER = "#777777";

  function palette(types) {
    return (type) => {
      const i = types.indexOf(type);
      return i >= 0 && i < PALETTE.length ? PALETTE[i] : OTHER;
    };
  }

  function radiusOf(dead) {
    return Math.min(28, 5 + 3 * Math.sqrt(Math.max(0, dead || 0)));
  }

  // how a marker shows where the place is known to: a town, a province, only the country
  function precisionStyle(resolution, colour) {
    if (resolution === "country") {
      return { color: colour, weight: 2.5, dashArray: "2 5", fillColor: colour, fillOpacity: 0.06, extra: 8 };
    }
    if (resolution === "admin1" || resolution === "admin2") {
      return { color: colour, weight: 2, dashArray: "5 3", fillColor: colour, fillOpacity: 0.35, extra: 3 };
    }
    return { color: "#ffffff", weight: 1.2, fillColor: colour, fillOpacity: 0.9, extra: 0 };
  }

  // world-atlas is cut for spherical projections: a ring that crosses the antimeridian (Russia, Fiji)
  // jumps from +180 to -180 and Leaflet would draw that jump as a line across the world; unwrapped, the
  // ring runs on past 180 instead. Antarctica (ISO numeric 010) circles the pole and is left out.
  const ANTARCTICA = "010";

  function unwrap(ring) {
    let shift = 0, previous = null;
    return ring.map(([lon, lat]) => {
      let x = lon + shift;
      if (previous !== null && x - previous > 180) { shift -= 360; x -= 360; }
      else if (previous !== null && x - previous < -180) { shift += 360; x += 360; }
      previous = x;
      return [x, lat];
    });
  }

  function countries(topo) {
    const collection = topojson.feature(topo, topo.objects.countries);
    collection.features = collection.features.filter((f) => f.id !== ANTARCTICA && f.geometry).map((f) => {
      const g = f.geometry;
      const polygons = g.type === "Polygon" ? [g.coordinates] : g.coordinates;
      const fixed = polygons.map((polygon) => polygon.map(unwrap));
      return Object.assign({}, f, { geometry: { type: "MultiPolygon", coordinates: fixed } });
    });
    return collection;
  }

  // a map with the country boundaries of box.dataset.world drawn under everything else
  function worldMap(box, options) {
    const map = L.map(box, Object.assign({ worldCopyJump: true, minZoom: 1, maxZoom: 13, zoomSnap: 0.5 }, options || {}));
    map.attributionControl.setPrefix(false);
    map.attributionControl.addAttribution("Boundaries: Natural Earth");
    map.createPane("countries").style.zIndex = 200;
    fetch(box.dataset.world).then((r) => r.json()).then((topo) => {
      L.geoJSON(countries(topo), { pane: "countries", interactive: false,
        style: { color: "#9aa5b1", weight: 0.6, fillColor: "#f1f0ea", fillOpacity: 1 } }).addTo(map);
      box.dataset.basemap = "ready";
    }).catch(() => { box.dataset.basemap = "failed"; });
    return map;
  }

  function addLegend(map) {
    const legend = L.control({ position: "bottomleft" });
    legend.onAdd = () => {
      const box = document.createElement("div");
      box.className = "legend";
      [["town", "ev-prec-city"], ["province", "ev-prec-admin1"], ["country only", "ev-prec-country"]].forEach(([label, cls]) => {
        const row = document.createElement("div");
        const dot = document.createElement("span");
        dot.className = "legend-dot " + cls;
        row.appendChild(dot);
        row.appendChild(document.createTextNode(label));
        box.appendChild(row);
      });
      const note = document.createElement("div");
      note.className = "muted";
      note.textContent = "size: dead · colour: type";
      box.appendChild(note);
      return box;
    };
    legend.addTo(map);
  }

  window.datelineMap = { palette, radiusOf, precisionStyle, worldMap, addLegend };
})();
