// The map page: every event with coordinates as a marker (colour and glyph by kind family,
// ring by status: legend.js), clustered when dense; a timeline whose brush filters the map;
// filters by family and status; a side panel (a drawer on narrow screens: layout.js)
// listing the events in view, or one event with its evidence; links to export what the
// filters hold (export.js). It follows the database (follow.js): new events join the map in
// place, keeping the reader's view, filters and selection, and a notice says how many there are.
/* global L */
import { addBasemap } from "./basemap.js";
import { cls, el, enc, fail, fill, getJSON, kindLabel, show, twinUrl } from "./dom.js";
import { ExportLinks, exportQuery } from "./export.js";
import { Notice, follow, readVersion } from "./follow.js";
import { dropdown, keepSized, layoutChanged, sidePanel } from "./layout.js";
import { addSprite, drawnAs, glyph, legendContent } from "./legend.js";
import { renderEvent } from "./panel.js";
import { Timeline, inRange, span } from "./timeline.js";

const LIST_MAX = 200;

function clusterIcon(cluster, isLit) {
  const children = cluster.getAllChildMarkers();
  const places = [...new Set(children.map((m) => m.options.place || "?"))];
  const n = cluster.getChildCount();
  // The places in the cluster, as a tooltip (set as an attribute: text, never markup).
  const title = `${places.slice(0, 4).join(", ")}${places.length > 4 ? ", …" : ""} (${n} events)`;
  const node = el("span", { title }, String(n));
  const size = n < 10 ? 28 : n < 100 ? 34 : 42;
  const fresh = children.some((m) => isLit(m.options.eventId)) ? " fresh" : "";
  return L.divIcon({ html: node, className: `cluster${n >= 100 ? " big" : ""}${fresh}`, iconSize: L.point(size, size) });
}

/** A marker's icon: a div (colour and ring from sitrep.css) holding the family's glyph. */
const GlyphIcon = L.DivIcon.extend({
  createIcon(old) {
    const node = L.DivIcon.prototype.createIcon.call(this, old);
    node.append(glyph(this.options.family));
    return node;
  },
});
const icons = new Map(); // one icon per family and status, shared by the markers
function iconFor(family, status) {
  const key = `${drawnAs(family)} ${cls(status)}`;
  if (!icons.has(key)) {
    icons.set(key, new GlyphIcon({ className: `ev fam-${drawnAs(family)} st-${cls(status)}`, iconSize: [18, 18], family }));
  }
  return icons.get(key);
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
  addSprite();
  const filters = el("div", { class: "filters" });
  const mapBox = el("div", { id: "map" });
  const sideBody = el("div", { class: "side-body", "aria-live": "polite" });
  const side = el("aside", { class: "side", id: "side" }, sideBody);
  const timeBox = el("div", { class: "timeline" });
  const main = show(filters, mapBox, side, timeBox);
  let inView = 0; // how many events the list would show
  const panel = sidePanel(main, side, { label: (open) => (open ? "Hide list" : `List (${inView})`) });
  panel.button.title = "The events in the map's view";

  // Everything around the map is built before the map measures its box (and keepSized
  // tells it of every change after).
  const familySel = el("select", { "aria-label": "kind family", class: "family" });
  const statusSel = el("select", { "aria-label": "status", class: "status" }, el("option", { value: "" }, "any status"),
    ["single", "corroborated", "disputed"].map((s) => el("option", { value: s }, s)));
  const count = el("span", { class: "count" });
  const truncated = el("span", { class: "error" });
  // Speech acts (talks, demands, accusations) are an opt-in layer: the API's `layer` filter.
  const params = new URLSearchParams(location.search);
  const speech = el("input", { type: "checkbox", class: "speech", "aria-label": "show speech acts" });
  speech.checked = params.get("layer") === "all";
  speech.addEventListener("change", () => {
    if (speech.checked) params.set("layer", "all"); else params.delete("layer");
    const q = params.toString();
    location.search = q ? `?${q}` : "";
  });
  const legend = dropdown("legend-box", "Legend");
  const exportBox = dropdown("export-box", "Export");
  filters.append(el("label", {}, el("span", { class: "what" }, "Kind "), familySel), el("label", {}, el("span", { class: "what" }, "Status "), statusSel),
    el("label", { title: "talks, demands, accusations, threats, offers" }, speech, " speech acts"),
    legend, exportBox, count, truncated, panel.button);

  let range = null;
  const timeline = new Timeline(timeBox, (r) => { range = r; apply(false); });

  const map = L.map(mapBox, { minZoom: 2, maxZoom: 12, zoomSnap: 0.5, worldCopyJump: true }).setView([30, 40], 3);
  window.sitrepMap = map; // for the browser tests and the console
  keepSized(map);
  const basemap = addBasemap(map).catch((e) => console.error("basemap", e));
  const exporter = new ExportLinks(new URL(twinUrl(), location.origin).search, map,
    () => ({ family: familySel.value, status: statusSel.value, range }));
  exportBox.querySelector(".menu").append(exporter.node);

  // The version first: a commit landing before the points are read is then seen by the first poll.
  const first = await readVersion();
  let points = [];
  let byId = new Map(); // id -> point; a point is kept (with its marker) while its row is unchanged
  let known = new Set(); // ids the reader has seen: at load, then at each dismissal of the notice
  let fresh = new Set(); // ids new since then
  let lit = false; // whether the new pins are highlighted
  const isLit = (id) => lit && fresh.has(id);

  function makePoint(row, at, key) {
    const p = {
      key, id: row[at.id], lat: row[at.lat], lon: row[at.lon], date: row[at.date], precision: row[at.date_precision],
      kind: row[at.kind], family: row[at.family], status: row[at.status], place: row[at.place], actor1: row[at.actor1],
    };
    p.span = span(p.date);
    const title = `${p.place || "?"} — ${kindLabel(p.kind)} — ${p.date || "undated"}`;
    p.marker = L.marker([p.lat, p.lon], {
      icon: iconFor(p.family, p.status),
      title, alt: title, keyboard: true, place: p.place, eventId: p.id, riseOnHover: true,
    });
    p.marker.on("click", () => select(p.id));
    // A marker's element is made anew each time it joins the map: its marks go with it.
    p.marker.on("add", () => {
      const node = p.marker.getElement();
      if (!node) return;
      Object.assign(node.dataset, { eventId: p.id, family: p.family || "", status: p.status || "" });
      node.classList.toggle("selected", p.id === selected);
      node.classList.toggle("fresh", isLit(p.id));
    });
    return p;
  }

  /** Take a /api/points answer; return the ids whose rows changed. */
  function load(data) {
    const at = Object.fromEntries(data.fields.map((f, i) => [f, i]));
    const next = new Map();
    const changed = [];
    for (const row of data.rows) {
      const key = JSON.stringify(row);
      const old = byId.get(row[at.id]);
      if (old && old.key !== key) changed.push(old.id);
      next.set(row[at.id], old && old.key === key ? old : makePoint(row, at, key));
    }
    byId = next;
    points = [...next.values()];
    truncated.textContent = data.truncated ? `showing ${data.rows.length} of ${data.total}: filter to see the rest` : "";
    mapBox.dataset.points = String(points.length);
    return changed;
  }

  const clusters = L.markerClusterGroup({
    chunkedLoading: true, maxClusterRadius: 40, showCoverageOnHover: false, spiderfyOnMaxZoom: true,
    iconCreateFunction: (c) => clusterIcon(c, isLit),
  });
  window.sitrepClusters = clusters; // the markers on the map, for the browser tests
  map.on("moveend", () => listInView());

  /** The family choices and legend for the points held; the reader's choice stays chosen. */
  function families() {
    const chosen = familySel.value;
    const counts = new Map();
    for (const p of points) if (p.family) counts.set(p.family, (counts.get(p.family) || 0) + 1);
    const names = [...counts.keys()].sort();
    if (chosen && !names.includes(chosen)) names.push(chosen);
    fill(familySel, el("option", { value: "" }, "all kinds"), names.map((f) => el("option", { value: f }, f)));
    familySel.value = chosen;
    fill(legend.querySelector(".menu"), legendContent(counts, speech.checked));
  }

  let visible = [];
  let onMap = new Set(); // the markers in the cluster group now
  let selected = null;
  familySel.addEventListener("change", () => apply(true));
  statusSel.addEventListener("change", () => apply(true));

  // The header's Views link counts what the map shows: the page's filter and the reader's choices.
  const viewsLinks = document.querySelectorAll('header nav a[href^="/views"]');
  const twinQuery = new URL(twinUrl(), location.origin).search;
  function linkViews() {
    const q = exportQuery(twinQuery, "csv", { family: familySel.value, status: statusSel.value, range });
    q.delete("format");
    for (const a of viewsLinks) a.setAttribute("href", `/views${q.toString() ? `?${q}` : ""}`);
  }

  function apply(redrawTimeline) {
    const fam = familySel.value;
    const st = statusSel.value;
    const base = points.filter((p) => (!fam || p.family === fam) && (!st || p.status === st));
    if (redrawTimeline) timeline.setData(base);
    visible = base.filter((p) => inRange(p.span, range));
    // Only what changed leaves or joins the clusters: a reload keeps open clusters as they are.
    const next = new Set(visible.map((p) => p.marker));
    const gone = [...onMap].filter((m) => !next.has(m));
    const added = [...next].filter((m) => !onMap.has(m));
    if (gone.length) clusters.removeLayers(gone);
    if (added.length) clusters.addLayers(added);
    onMap = next;
    count.textContent = `${visible.length} of ${points.length} events`;
    mapBox.dataset.visible = String(visible.length);
    exporter.update(visible.length);
    linkViews();
    listInView();
  }

  function listInView() {
    if (selected) return;
    const bounds = map.getBounds();
    const here = visible.filter((p) => bounds.contains([p.lat, p.lon]));
    inView = here.length;
    panel.relabel();
    // fill, not replaceChildren: the "and N more" line is absent (null) under LIST_MAX.
    fill(sideBody,
      el("h2", {}, `${here.length} event${here.length === 1 ? "" : "s"} in view`),
      el("p", { class: "muted" }, "Click a marker or an entry for its evidence and sources."),
      el("ul", { class: "plain event-list" }, here.slice(0, LIST_MAX).map((p) =>
        el("li", { class: isLit(p.id) ? "fresh" : null }, el("button", { type: "button", onclick: () => select(p.id, true) },
          el("span", { class: `sw ev fam-${drawnAs(p.family)} st-${cls(p.status)}` }, glyph(p.family)), " ",
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
    const chosen = byId.get(id);
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
    if (panel.isDrawer()) panel.open();
    fill(sideBody, el("p", { class: "loading" }, "Loading…"));
    await showEvent(id);
  }

  async function showEvent(id) {
    try {
      const ev = await getJSON(`/api/events/${enc(id)}`, { cache: "no-store" });
      if (selected !== id) return;
      const scrolled = side.scrollTop;
      fill(sideBody,
        el("button", { type: "button", class: "back", onclick: () => { selected = null; mark(null); history.replaceState(null, "", location.pathname + location.search); listInView(); } }, "← events in view"),
        renderEvent(ev),
      );
      side.scrollTop = scrolled;
      history.replaceState(null, "", `${location.pathname}${location.search}#event=${enc(id)}`);
    } catch (e) {
      fill(sideBody, el("p", { class: "error" }, String(e.message)));
    }
  }

  /** Mark (or unmark) the new pins, their clusters and list entries. */
  function light(on) {
    lit = on;
    for (const p of visible) p.marker.getElement()?.classList.toggle("fresh", isLit(p.id));
    clusters.refreshClusters();
    listInView();
  }

  const notice = first && new Notice(first, {
    onShow: () => {
      light(true);
      // Asked for: if none of the new pins is in view, go to them (else the view stays).
      const here = visible.filter((p) => fresh.has(p.id));
      const bounds = map.getBounds();
      if (here.length && !here.some((p) => bounds.contains([p.lat, p.lon]))) {
        map.fitBounds(L.latLngBounds(here.map((p) => [p.lat, p.lon])).pad(0.3), { maxZoom: 7 });
      }
    },
    onDismiss: () => {
      known = new Set(byId.keys());
      fresh = new Set();
      light(false);
    },
  });

  /** Another process committed: read the points again and put the new ones on the map in place. */
  async function reload(version) {
    const changed = load(await getJSON(twinUrl(), { cache: "no-store" }));
    fresh = new Set(points.filter((p) => !known.has(p.id)).map((p) => p.id));
    families();
    const scrolled = side.scrollTop; // the list in view is built again: the reader keeps their place in it
    apply(true);
    side.scrollTop = scrolled;
    if (lit) clusters.refreshClusters();
    if (selected && changed.includes(selected)) await showEvent(selected);
    const onIt = visible.filter((p) => fresh.has(p.id)).length;
    notice.update(version, `${onIt} of them on the map with these filters; click to highlight them`);
  }

  load(await getJSON(twinUrl()));
  known = new Set(byId.keys());
  families();
  // Open on the events without an animation, so clusters are built once, at the final zoom.
  if (points.length) map.fitBounds(L.latLngBounds(core(points).map((p) => [p.lat, p.lon])).pad(0.15), { maxZoom: 7, animate: false });
  // Clusters join the map after the first view is set: a zoom under them starts their
  // animations, which block spiderfying for a moment.
  clusters.addTo(map);
  timeline.setData(points);
  apply(false);
  layoutChanged(); // the filters and the timeline are filled: the map checks its size
  if (notice) {
    // A map control: Leaflet keeps it clear of the zoom buttons and the attribution.
    const Control = L.Control.extend({ options: { position: "topright" }, onAdd: () => notice.node });
    new Control().addTo(map);
    L.DomEvent.disableClickPropagation(notice.node);
    L.DomEvent.disableScrollPropagation(notice.node);
  }
  await basemap;
  const wanted = /#event=([^&]+)/.exec(location.hash);
  if (wanted) await select(decodeURIComponent(wanted[1]), true);
  document.body.dataset.ready = "1";
  if (first) follow(first, reload);
}

main().catch(fail);
