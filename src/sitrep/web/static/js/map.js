// The map page: every event with coordinates as a marker (fill by kind family, ring by
// status), clustered when dense; a timeline whose brush filters the map; filters by family
// and status; a side panel listing the events in view, or one event with its evidence.
/* global L */
import { addBasemap } from "./basemap.js";
import { cls, el, enc, fail, getJSON, kindLabel, show, twinUrl } from "./dom.js";
import { renderEvent } from "./panel.js";
import { Timeline, inRange, span } from "./timeline.js";

const LIST_MAX = 200;

function clusterIcon(cluster) {
  const children = cluster.getAllChildMarkers();
  const places = [...new Set(children.map((m) => m.options.place || "?"))];
  const n = cluster.getChildCount();
  // The places in the cluster, as a tooltip (set as an attribute: text, never markup).
  const title = `${places.slice(0, 4).join(", ")}${places.length > 4 ? ", …" : ""} (${n} events)`;
  const node = el("span", { title }, String(n));
  const size = n < 10 ? 28 : n < 100 ? 34 : 42;
  return L.divIcon({ html: node, className: `cluster${n >= 100 ? " big" : ""}`, iconSize: L.point(size, size) });
}

/**
 * Where the map opens: the points within 1500 km of their median, when that holds most of
 * them, so one far-off mention (an evacuation "to the United States") does not zoom out to the globe.
 */
function core(points) {
  const median = (xs) => xs.slice().sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const centre = L.latLng(median(points.map((p) => p.lat)), median(points.map((p) => p.lon)));
  const near = points.filter((p) => centre.distanceTo([p.lat, p.lon]) < 1.5e6);
  return near.length >= 0.7 * points.length ? near : points;
}

async function main() {
  const filters = el("div", { class: "filters" });
  const mapBox = el("div", { id: "map" });
  const side = el("aside", { class: "side", "aria-live": "polite" });
  const timeBox = el("div", { class: "timeline" });
  show(filters, mapBox, side, timeBox);

  const map = L.map(mapBox, { minZoom: 2, maxZoom: 12, zoomSnap: 0.5, worldCopyJump: true }).setView([30, 40], 3);
  window.sitrepMap = map; // for the browser tests and the console
  const basemap = addBasemap(map).catch((e) => console.error("basemap", e));

  const data = await getJSON(twinUrl());
  const at = Object.fromEntries(data.fields.map((f, i) => [f, i]));
  const points = data.rows.map((r) => ({
    id: r[at.id], lat: r[at.lat], lon: r[at.lon], date: r[at.date], precision: r[at.date_precision],
    kind: r[at.kind], family: r[at.family], status: r[at.status], place: r[at.place], actor1: r[at.actor1],
  }));
  for (const p of points) {
    p.span = span(p.date);
    const title = `${p.place || "?"} — ${kindLabel(p.kind)} — ${p.date || "undated"}`;
    p.marker = L.marker([p.lat, p.lon], {
      icon: L.divIcon({ className: `ev fam-${cls(p.family)} st-${cls(p.status)}`, iconSize: [14, 14] }),
      title, alt: title, keyboard: true, place: p.place, riseOnHover: true,
    });
    p.marker.on("click", () => select(p.id));
    p.marker.on("add", () => {
      const node = p.marker.getElement();
      if (node) Object.assign(node.dataset, { eventId: p.id, family: p.family || "", status: p.status || "" });
    });
  }

  const clusters = L.markerClusterGroup({
    chunkedLoading: true, maxClusterRadius: 40, showCoverageOnHover: false, spiderfyOnMaxZoom: true,
    iconCreateFunction: clusterIcon,
  });
  map.on("moveend", () => listInView());

  // Filters: family and status selects, built from the data (values go in as text).
  const families = [...new Set(points.map((p) => p.family).filter(Boolean))].sort();
  const familySel = el("select", { "aria-label": "kind family", class: "family" }, el("option", { value: "" }, "all kinds"),
    families.map((f) => el("option", { value: f }, f)));
  const statusSel = el("select", { "aria-label": "status", class: "status" }, el("option", { value: "" }, "any status"),
    ["single", "corroborated", "disputed"].map((s) => el("option", { value: s }, s)));
  const count = el("span", { class: "count" });
  const legend = el("span", { class: "legend" }, families.map((f) => el("span", {}, el("span", { class: `sw fam-${cls(f)}` }), f)));
  // Speech acts (talks, demands, accusations) are an opt-in layer: the API's `layer` filter.
  const params = new URLSearchParams(location.search);
  const speech = el("input", { type: "checkbox", class: "speech", "aria-label": "show speech acts" });
  speech.checked = params.get("layer") === "all";
  speech.addEventListener("change", () => {
    if (speech.checked) params.set("layer", "all"); else params.delete("layer");
    const q = params.toString();
    location.search = q ? `?${q}` : "";
  });
  filters.append(el("label", {}, "Kind ", familySel), el("label", {}, "Status ", statusSel),
    el("label", { title: "talks, demands, accusations, threats, offers" }, speech, " speech acts"), legend, count);
  if (data.truncated) filters.append(el("span", { class: "error" }, `showing ${data.rows.length} of ${data.total}: filter to see the rest`));

  let range = null;
  let visible = [];
  let selected = null;
  const timeline = new Timeline(timeBox, (r) => { range = r; apply(false); });
  familySel.addEventListener("change", () => apply(true));
  statusSel.addEventListener("change", () => apply(true));

  function apply(redrawTimeline) {
    const fam = familySel.value;
    const st = statusSel.value;
    const base = points.filter((p) => (!fam || p.family === fam) && (!st || p.status === st));
    if (redrawTimeline) timeline.setData(base);
    visible = base.filter((p) => inRange(p.span, range));
    clusters.clearLayers();
    clusters.addLayers(visible.map((p) => p.marker));
    count.textContent = `${visible.length} of ${points.length} events`;
    mapBox.dataset.visible = String(visible.length);
    listInView();
  }

  function listInView() {
    if (selected) return;
    const bounds = map.getBounds();
    const here = visible.filter((p) => bounds.contains([p.lat, p.lon]));
    side.replaceChildren(
      el("h2", {}, `${here.length} event${here.length === 1 ? "" : "s"} in view`),
      el("p", { class: "muted" }, "Click a marker or an entry for its evidence and sources."),
      el("ul", { class: "plain event-list" }, here.slice(0, LIST_MAX).map((p) =>
        el("li", {}, el("button", { type: "button", onclick: () => select(p.id, true) },
          el("span", { class: `badge fam-${cls(p.family)}` }, " "), " ",
          el("strong", {}, p.place || "?"), ` · ${kindLabel(p.kind)} · ${p.date || "undated"}`,
          el("span", { class: "muted" }, ` · ${p.status}`))))),
      here.length > LIST_MAX ? el("p", { class: "muted" }, `and ${here.length - LIST_MAX} more: zoom in or filter`) : null,
    );
  }

  function mark(id) {
    for (const p of visible) p.marker.getElement()?.classList.toggle("selected", p.id === id);
  }

  async function select(id, reveal = false) {
    selected = id;
    const chosen = points.find((p) => p.id === id);
    // From the list or a link: bring the marker out of its cluster so the reader sees where it is.
    if (reveal && chosen && clusters.hasLayer(chosen.marker)) {
      const parent = clusters.getVisibleParent(chosen.marker);
      if (parent && parent !== chosen.marker && parent.getChildCount() <= 12) {
        // A small cluster opens where it is, keeping the map's context.
        map.once("moveend", () => { parent.spiderfy(); setTimeout(() => mark(id), 300); });
        map.panTo(chosen.marker.getLatLng(), { animate: false });
      } else {
        clusters.zoomToShowLayer(chosen.marker, () => mark(id));
      }
    }
    mark(id);
    side.replaceChildren(el("p", { class: "loading" }, "Loading…"));
    try {
      const ev = await getJSON(`/api/events/${enc(id)}`);
      if (selected !== id) return;
      side.replaceChildren(
        el("button", { type: "button", class: "back", onclick: () => { selected = null; history.replaceState(null, "", location.pathname + location.search); listInView(); } }, "← events in view"),
        renderEvent(ev),
      );
      history.replaceState(null, "", `${location.pathname}${location.search}#event=${enc(id)}`);
    } catch (e) {
      side.replaceChildren(el("p", { class: "error" }, String(e.message)));
    }
  }

  // Open on the events without an animation, so clusters are built once, at the final zoom.
  if (points.length) map.fitBounds(L.latLngBounds(core(points).map((p) => [p.lat, p.lon])).pad(0.15), { maxZoom: 7, animate: false });
  // Clusters join the map after the first view is set: a zoom under them starts their
  // animations, which block spiderfying for a moment.
  clusters.addTo(map);
  timeline.setData(points);
  apply(false);
  await basemap;
  const wanted = /#event=([^&]+)/.exec(location.hash);
  if (wanted) await select(decodeURIComponent(wanted[1]), true);
  document.body.dataset.ready = "1";
}

main().catch(fail);
