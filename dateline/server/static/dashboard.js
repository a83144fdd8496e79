/* dateline dashboard: the map and the timeline of the filtered events, and filtering without reloads.
 *
 * The page comes rendered from the server (filters, totals, counts, the list). This script adds:
 *  - a Leaflet map over Natural Earth country boundaries (served by this server, no tiles, no CDN) with
 *    the events of /api/geojson: coloured by type, sized by fatalities, drawn by place precision (a town
 *    is a filled dot, a province a dashed disc, a country a hollow dashed ring), clustered by screen
 *    distance (a cluster is a pie of its types with the count);
 *  - a timeline of /api/timeline (counts per day, week, month or year): drag across it to filter by
 *    dates, which also zooms the timeline in on them;
 *  - filtering in place: a changed filter, a brushed range, a count or a paging link fetches the same page
 *    for the new URL and swaps in its results, so the URL always holds the filters (back/forward work).
 * Text from the database is only ever set with textContent (never as HTML).
 */
(function () {
  "use strict";

  const CLUSTER_PX = 44;      // points closer than this on screen join one cluster
  const DATE_KEYS = ["since", "until"];

  const mapBox = document.getElementById("map");
  if (!mapBox || typeof L === "undefined" || !window.datelineMap) return;
  const base = window.datelineMap;
  const colourOf = base.palette(JSON.parse(mapBox.dataset.types || "[]"));
  const radiusOf = base.radiusOf;
  const precisionStyle = base.precisionStyle;

  function el(tag, attrs, text) {
    const node = document.createElement(tag);
    Object.entries(attrs || {}).forEach(([k, v]) => node.setAttribute(k, v));
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  function currentParams() {
    return new URLSearchParams(window.location.search);
  }

  function filterParams(params, dropDates) {
    const kept = new URLSearchParams();
    params.forEach((value, key) => {
      if (!value || key === "offset" || key === "limit" || key === "bin") return;
      if (dropDates && DATE_KEYS.includes(key)) return;
      kept.set(key, value);
    });
    return kept;
  }

  function paintSwatches(root) {
    root.querySelectorAll("[data-type]").forEach((node) => {
      node.style.setProperty("--type-colour", colourOf(node.dataset.type));
    });
  }

  /* ---------------------------------------------------------------- map */

  const map = base.worldMap(mapBox).setView([20, 10], 2);

  const eventLayer = L.layerGroup().addTo(map);
  let points = [];

  function popupOf(events) {
    const box = el("div", { class: "popup" });
    events.slice(0, 12).forEach((p) => {
      const item = el("div", { class: "popup-event" });
      const head = el("div");
      const swatch = el("span", { class: "swatch", "data-type": p.event_type });
      swatch.style.setProperty("--type-colour", colourOf(p.event_type));
      head.appendChild(swatch);
      head.appendChild(el("a", { href: "/events/" + encodeURIComponent(p.id) }, p.event_type));
      head.appendChild(el("span", { class: "muted" }, " " + (p.date || "undated")));
      item.appendChild(head);
      const place = [p.location_name, p.country_code].filter(Boolean).join(", ");
      item.appendChild(el("div", {}, (place || "no place") + (p.resolution ? " (" + p.resolution + ")" : "")));
      const figures = [];
      if (p.dead !== null && p.dead !== undefined) figures.push(p.dead + " dead");
      if (p.injured) figures.push(p.injured + " injured");
      figures.push(p.modality);
      item.appendChild(el("div", { class: "muted" }, figures.join(" · ")));
      if (p.summary) item.appendChild(el("div", { class: "popup-summary" }, p.summary));
      box.appendChild(item);
    });
    if (events.length > 12) box.appendChild(el("div", { class: "muted" }, "and " + (events.length - 12) + " more"));
    return box;
  }

  function singleMarker(p) {
    const colour = colourOf(p.event_type);
    const style = precisionStyle(p.resolution, colour);
    const marker = L.circleMarker(p.latlng, {
      radius: radiusOf(p.dead) + style.extra, color: style.color, weight: style.weight,
      dashArray: style.dashArray, fillColor: style.fillColor, fillOpacity: style.fillOpacity,
      className: "ev-marker ev-prec-" + (p.resolution || "unknown"),
    });
    marker.bindPopup(() => popupOf([p]), { maxWidth: 320 });
    return marker;
  }

  function pie(members) {
    const counts = new Map();
    members.forEach((p) => counts.set(p.event_type, (counts.get(p.event_type) || 0) + 1));
    let at = 0;
    const stops = [];
    [...counts.entries()].sort((a, b) => b[1] - a[1]).forEach(([type, n]) => {
      const to = at + (100 * n) / members.length;
      stops.push(colourOf(type) + " " + at.toFixed(2) + "% " + to.toFixed(2) + "%");
      at = to;
    });
    return "conic-gradient(" + stops.join(", ") + ")";
  }

  function clusterMarker(members) {
    let lat = 0, lng = 0;
    members.forEach((p) => { lat += p.latlng.lat; lng += p.latlng.lng; });
    const centre = L.latLng(lat / members.length, lng / members.length);
    const size = Math.round(26 + 8 * Math.log10(members.length));
    const icon = L.divIcon({ className: "ev-cluster", iconSize: [size, size],
      html: '<span class="ring"></span><span class="count"></span>' });
    const marker = L.marker(centre, { icon: icon, keyboard: true, title: members.length + " events" });
    marker.on("add", () => {
      const node = marker.getElement();
      node.querySelector(".ring").style.background = pie(members);
      node.querySelector(".count").textContent = String(members.length);
    });
    marker.on("click", () => {
      const bounds = L.latLngBounds(members.map((p) => p.latlng));
      const samePlace = bounds.getNorthEast().equals(bounds.getSouthWest(), 1e-6);
      if (samePlace || map.getZoom() >= map.getMaxZoom()) {
        L.popup({ maxWidth: 320, maxHeight: 300 }).setLatLng(centre).setContent(popupOf(members)).openOn(map);
      } else {
        map.fitBounds(bounds, { padding: [40, 40], maxZoom: map.getMaxZoom() });
      }
    });
    return marker;
  }

  // greedy clustering in screen pixels at the current zoom: the biggest events seed the clusters
  function drawMarkers() {
    eventLayer.clearLayers();
    const zoom = map.getZoom();
    const seeds = [];
    const order = points.slice().sort((a, b) => (b.dead || 0) - (a.dead || 0));
    order.forEach((p) => {
      const at = map.project(p.latlng, zoom);
      const near = seeds.find((s) => s.at.distanceTo(at) < CLUSTER_PX);
      if (near) near.members.push(p); else seeds.push({ at: at, members: [p] });
    });
    seeds.forEach((s) => eventLayer.addLayer(s.members.length === 1 ? singleMarker(s.members[0]) : clusterMarker(s.members)));
    mapBox.dataset.markers = String(seeds.length);
  }
  map.on("zoomend", drawMarkers);

  function loadMap(params, fit) {
    const query = filterParams(params, false).toString();
    mapBox.dataset.state = "loading";
    return fetch("/api/geojson" + (query ? "?" + query : "")).then((r) => r.json()).then((body) => {
      points = body.data.features.filter((f) => f.geometry).map((f) => {
        const p = Object.assign({}, f.properties);
        p.latlng = L.latLng(f.geometry.coordinates[1], f.geometry.coordinates[0]);
        return p;
      });
      if (fit && points.length) {
        const bounds = L.latLngBounds(points.map((p) => p.latlng));
        map.fitBounds(bounds.pad(0.3), { maxZoom: 6, animate: false });
      }
      drawMarkers();
      mapBox.dataset.located = String(points.length);
      mapBox.dataset.state = "ready";
    });
  }

  base.addLegend(map);

  /* ----------------------------------------------------------- timeline */

  const svg = document.getElementById("timeline-chart");
  const note = document.getElementById("timeline-note");
  const binSelect = document.getElementById("timeline-bin");
  const clearDates = document.getElementById("timeline-clear");
  const SVG_NS = "http://www.w3.org/2000/svg";
  let timelineBins = [];

  function svgEl(tag, attrs) {
    const node = document.createElementNS(SVG_NS, tag);
    Object.entries(attrs).forEach(([k, v]) => node.setAttribute(k, v));
    return node;
  }

  function drawTimeline(body, params) {
    const data = body.data;
    timelineBins = data.bins;
    while (svg.firstChild) svg.removeChild(svg.firstChild);
    const width = svg.clientWidth || 600, height = 90, bottom = 16, top = 12;
    const since = params.get("since") || "", until = params.get("until") || "";
    const apart = [];
    if (data.coarse) apart.push(data.coarse + " dated only to a month or year");
    if (data.undated) apart.push(data.undated + " undated");
    note.textContent = "events per " + data.bin + (apart.length ? " (not shown: " + apart.join(", ") + ")" : "")
      + " · drag to choose dates";
    clearDates.hidden = !(since || until);
    svg.dataset.bins = String(data.bins.length);
    if (!data.bins.length) {
      const t = svgEl("text", { x: 8, y: 40, class: "axis" });
      t.textContent = "no event dated to the day";
      svg.appendChild(t);
      return;
    }
    const most = Math.max(1, ...data.bins.map((b) => b.count));
    const step = width / data.bins.length;
    data.bins.forEach((b, i) => {
      const h = b.count ? Math.max(2, ((height - bottom - top) * b.count) / most) : 0;
      const inRange = (!since || b.end >= since) && (!until || b.start <= until + "~");
      const w = Math.max(1, Math.min(step - 1, step * 0.85, 48));  // a gap between bars, none too wide
      const bar = svgEl("rect", { x: i * step + (step - w) / 2, y: height - bottom - h, width: w, height: h,
        class: "bar" + (inRange ? "" : " outside"), "data-start": b.start, "data-count": b.count });
      const tip = svgEl("title", {});
      tip.textContent = b.start + (b.end !== b.start ? " – " + b.end : "") + ": " + b.count + " events, " + b.dead + " dead";
      bar.appendChild(tip);
      svg.appendChild(bar);
    });
    const label = (x, text, anchor) => {
      const t = svgEl("text", { x: x, y: height - 3, class: "axis", "text-anchor": anchor });
      t.textContent = text;
      svg.appendChild(t);
    };
    label(2, data.bins[0].start, "start");
    if (data.bins.length > 1) label(width - 2, data.bins[data.bins.length - 1].end, "end");
    const max = svgEl("text", { x: 2, y: 10, class: "axis" });
    max.textContent = "max " + most;
    svg.appendChild(max);
    svg.appendChild(svgEl("rect", { class: "brush", x: 0, y: 0, width: 0, height: height - bottom, visibility: "hidden" }));
  }

  function loadTimeline(params) {
    // the brushed range is part of the query: brushing zooms the axis in (years, then weeks, then days);
    // "all dates" zooms back out
    const query = filterParams(params, false);
    query.set("bin", binSelect.value);
    return fetch("/api/timeline?" + query.toString()).then((r) => r.json()).then((body) => {
      drawTimeline(body, params);
      svg.dataset.state = "ready";
    });
  }

  // brushing: drag across the bars; the bins under the drag become since/until
  let dragFrom = null;
  function binAt(x) {
    const width = svg.clientWidth || 600;
    const i = Math.floor((x / width) * timelineBins.length);
    return Math.max(0, Math.min(timelineBins.length - 1, i));
  }
  function svgX(event) {
    return event.clientX - svg.getBoundingClientRect().left;
  }
  svg.addEventListener("pointerdown", (event) => {
    if (!timelineBins.length) return;
    dragFrom = svgX(event);
    svg.setPointerCapture(event.pointerId);
  });
  svg.addEventListener("pointermove", (event) => {
    if (dragFrom === null) return;
    const brush = svg.querySelector(".brush");
    const x = svgX(event);
    brush.setAttribute("x", Math.min(dragFrom, x));
    brush.setAttribute("width", Math.abs(x - dragFrom));
    brush.setAttribute("visibility", "visible");
  });
  svg.addEventListener("pointerup", (event) => {
    if (dragFrom === null) return;
    const a = binAt(Math.min(dragFrom, svgX(event))), b = binAt(Math.max(dragFrom, svgX(event)));
    dragFrom = null;
    const params = filterParams(currentParams(), true);
    params.set("since", timelineBins[a].start);
    params.set("until", timelineBins[b].end);
    navigate(params, true);
  });
  clearDates.addEventListener("click", () => navigate(filterParams(currentParams(), true), true));
  binSelect.addEventListener("change", () => {
    const params = currentParams();
    if (binSelect.value === "auto") params.delete("bin"); else params.set("bin", binSelect.value);
    history.replaceState(null, "", "?" + params.toString());
    loadTimeline(currentParams());
  });

  /* ------------------------------------------------ filtering in place */

  const form = document.getElementById("filters");
  let results = document.getElementById("results");

  function pageParams(params) {
    const out = new URLSearchParams();
    params.forEach((value, key) => { if (value) out.set(key, value); });
    const bin = currentParams().get("bin");
    if (bin && !out.has("bin")) out.set("bin", bin);
    return out;
  }

  function navigate(params, push) {
    const query = pageParams(params).toString();
    const url = window.location.pathname + (query ? "?" + query : "");
    document.body.dataset.state = "loading";
    return fetch(url, { headers: { Accept: "text/html" } }).then((r) => {
      if (!r.ok) { window.location.href = url; return null; }
      return r.text();
    }).then((html) => {
      if (html === null) return null;
      const page = new DOMParser().parseFromString(html, "text/html");
      form.replaceChildren(...page.getElementById("filters").childNodes);
      const fresh = page.getElementById("results");
      results.replaceWith(fresh);
      results = fresh;
      paintSwatches(results);
      if (push) history.pushState(null, "", url); else history.replaceState(null, "", url);
      const now = currentParams();
      return Promise.all([loadMap(now, true), loadTimeline(now)]);
    }).then(() => { document.body.dataset.state = "ready"; });
  }

  function formParams() {
    const params = new URLSearchParams();
    new FormData(form).forEach((value, key) => { if (value) params.set(key, value); });
    return params;
  }

  form.addEventListener("submit", (event) => { event.preventDefault(); navigate(formParams(), true); });
  form.addEventListener("change", (event) => {
    if (event.target.tagName === "SELECT" || event.target.type === "date") navigate(formParams(), true);
  });
  document.addEventListener("click", (event) => {
    const link = event.target.closest("#results a[data-set], #results .paging a[rel]");
    if (!link || event.ctrlKey || event.metaKey || event.shiftKey) return;
    event.preventDefault();
    navigate(new URL(link.href).searchParams, true);
  });
  window.addEventListener("popstate", () => navigate(currentParams(), false));

  /* --------------------------------------------------------------- start */

  const start = currentParams();
  if (start.get("bin")) binSelect.value = start.get("bin");
  paintSwatches(document);
  Promise.all([loadMap(start, true), loadTimeline(start)]).then(() => { document.body.dataset.state = "ready"; });
  window.addEventListener("resize", () => loadTimeline(currentParams()));
})();
