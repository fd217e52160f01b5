// "Export": download the events of the map's current filters from /api/export, as CSV,
// ACLED CSV or GeoJSON. The links carry the page's own query (what it sent to /api/points:
// the speech-act layer, q, actor...) plus what the reader chose on the page (kind family,
// status, the timeline's days and, if asked, the map's view), built with URLSearchParams.
import { el } from "./dom.js";
import { span } from "./timeline.js";

export const FORMATS = [
  ["csv", "CSV", "sitrep's columns, one event a row"],
  ["acled", "ACLED CSV", "ACLED's columns (event types, actors, interaction codes)"],
  ["geojson", "GeoJSON", "points with the event's fields, for GIS tools"],
];

/** The later of two day bounds (YYYY[-MM[-DD]]), compared by the first day each covers. */
function later(a, b) {
  if (!a) return b;
  if (!b) return a;
  return span(a)[0] >= span(b)[0] ? a : b;
}

/** The earlier of two end bounds, compared by the last day each covers. */
function earlier(a, b) {
  if (!a) return b;
  if (!b) return a;
  return span(a)[1] <= span(b)[1] ? a : b;
}

/**
 * The query of /api/export for `format`: `base` (the page's twin query) with the reader's
 * choices on top. choices: {family, status, range: {start, end} | null, bbox: [w, s, e, n] | null}.
 */
export function exportQuery(base, format, { family = "", status = "", range = null, bbox = null } = {}) {
  const q = new URLSearchParams(base);
  q.delete("limit"); // the map's cap on points is not the export's
  q.set("format", format);
  // A kind already in the page's address is as narrow as the family or narrower: it stays.
  if (family && !q.get("kind")) q.set("kind", family);
  if (status && !q.get("status")) q.set("status", status);
  if (range) {
    const start = range.start && range.start !== "0000-01-01" ? range.start : null;
    const end = range.end && range.end !== "9999-12-31" ? range.end : null;
    const s = later(q.get("start"), start);
    const e = earlier(q.get("end"), end);
    if (s) q.set("start", s);
    if (e) q.set("end", e);
  }
  if (bbox) q.set("bbox", bbox.map((v) => v.toFixed(4)).join(","));
  return q;
}

/** The map's view as west,south,east,north on the globe (one longitude range). */
export function viewBox(map) {
  const b = map.getBounds();
  const centre = b.getCenter();
  const shift = map.wrapLatLng(centre).lng - centre.lng; // a view of a world copy
  const clamp = (v, lo, hi) => Math.max(lo, Math.min(hi, v));
  return [
    clamp(b.getWest() + shift, -180, 180), clamp(b.getSouth(), -90, 90),
    clamp(b.getEast() + shift, -180, 180), clamp(b.getNorth(), -90, 90),
  ];
}

/**
 * The Export menu's content. `choices()` answers the reader's current choices (as for
 * exportQuery, without bbox); call `update(count)` when they change.
 */
export class ExportLinks {
  constructor(base, map, choices) {
    this.base = base;
    this.map = map;
    this.choices = choices;
    this.links = FORMATS.map(([format, label, title]) =>
      el("a", { class: `export-link ${format}`, href: `/api/export?format=${format}`, download: "", title, dataset: { format } }, label));
    this.inView = el("input", { type: "checkbox", class: "export-in-view", onchange: () => this.update() });
    this.note = el("p", { class: "muted note" });
    this.node = el("div", { class: "export-menu" },
      el("ul", { class: "plain" }, this.links.map((a) => el("li", {}, a))),
      el("label", {}, this.inView, " only what the map shows now"),
      this.note);
    map.on("moveend", () => { if (this.inView.checked) this.update(); });
  }

  update(count = this.count) {
    this.count = count;
    const chosen = { ...this.choices(), bbox: this.inView.checked ? viewBox(this.map) : null };
    const queries = this.links.map((a) => exportQuery(this.base, a.dataset.format, chosen));
    this.links.forEach((a, i) => { a.href = `/api/export?${queries[i]}`; });
    // What the files hold, said from the query itself (the page's own filters included).
    const q = queries[0];
    const parts = [];
    if (q.get("kind")) parts.push(`kind ${q.get("kind")}`);
    if (q.get("status")) parts.push(`status ${q.get("status")}`);
    if (q.get("start") || q.get("end")) parts.push(`days ${q.get("start") || "…"} to ${q.get("end") || "…"}`);
    if (q.get("bbox")) parts.push("in the map's view");
    for (const key of ["q", "actor", "acled_type", "modality", "story"]) if (q.get(key)) parts.push(`${key} “${q.get(key)}”`);
    parts.push(q.get("layer") === "all" ? "speech acts included" : q.get("layer") === "speech" ? "speech acts only" : "no speech acts");
    const n = count === undefined ? "" : `${count} event${count === 1 ? "" : "s"} on the map now. `;
    this.note.textContent = `${n}The files hold the events that match: ${parts.join(" · ")}.`;
  }
}
