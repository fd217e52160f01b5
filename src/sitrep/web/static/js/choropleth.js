// The Views page's map: events per province (admin1) as a choropleth over the offline
// basemap. The areas are Natural Earth's admin-1 polygons (static/vendor/admin1-areas.json,
// built by build_basemap.py), each named as the events name their province (country code and
// admin-1 name; an area Natural Earth draws for several of them says so). A province of the
// events that no area stands for is never dropped: it is named in a note and drawn as a
// dashed circle at the mean point of its events. Names go in as text, never as markup.
/* global L, topojson */
import { addBasemap } from "./basemap.js";
import { svg, fmt, plural } from "./charts.js";
import { el, fill } from "./dom.js";
import { keepSized } from "./layout.js";

// ColorBrewer "Reds" (its five darker steps: the lightest is lost on the basemap's land).
export const RAMP = ["#fcbba1", "#fc9272", "#fb6a4a", "#de2d26", "#a50f15"];

/** Class ranges [lo, hi] for counts: one class per value when there are few, else quantiles (at most RAMP.length). */
export function classes(values) {
  const all = values.filter((v) => v > 0).sort((a, b) => a - b);
  const distinct = [...new Set(all)];
  if (distinct.length <= RAMP.length) return distinct.map((v) => [v, v]);
  const uppers = [...new Set(RAMP.map((_, i) => all[Math.ceil(((i + 1) * all.length) / RAMP.length) - 1]))];
  let lo = all[0];
  return uppers.map((hi) => { const range = [lo, hi]; lo = hi + 1; return range; });
}

/** The colour of a count under the class ranges. */
export function colourOf(value, ranges) {
  const i = ranges.findIndex(([, hi]) => value <= hi);
  const k = i < 0 ? ranges.length - 1 : i;
  // Fewer classes than colours: spread them over the ramp, darkest for the most.
  const step = ranges.length > 1 ? (RAMP.length - 1) / (ranges.length - 1) : 0;
  return RAMP[Math.round(k * step) + (ranges.length === 1 ? RAMP.length - 1 : 0)];
}

const key = (cc, name) => `${cc || ""}|${name || ""}`;

/**
 * Match /api/stats' admin1 rows to the areas: {areas: [{geometry, names, events, fatalities}],
 * unmatched: rows no area stands for, countryOnly: rows without a province}.
 */
export function matchAreas(topo, rows) {
  const geometries = topo.objects.admin1.geometries;
  const index = new Map();
  geometries.forEach((g, i) => {
    const p = g.properties;
    for (const name of [p.name, ...(p.also || [])]) index.set(key(p.cc, name), i);
  });
  const found = new Map();
  const unmatched = [];
  const countryOnly = [];
  for (const row of rows) {
    if (!row.admin1) { countryOnly.push(row); continue; }
    const i = index.get(key(row.country_code, row.admin1));
    if (i === undefined) { unmatched.push(row); continue; }
    if (!found.has(i)) found.set(i, { geometry: geometries[i], names: [], events: 0, fatalities: 0 });
    const area = found.get(i);
    area.names.push(row.admin1);
    area.events += row.events;
    area.fatalities += row.fatalities;
  }
  return { areas: [...found.values()], unmatched, countryOnly };
}

function legend(ranges) {
  return el("div", { class: "ramp-legend" }, el("span", { class: "muted" }, "Events per province: "),
    ranges.map(([lo, hi]) => el("span", { class: "step" },
      svg("svg", { class: "ramp-chip", viewBox: "0 0 12 12", "aria-hidden": "true" }, svg("rect", { width: 12, height: 12, fill: colourOf(hi, ranges) })),
      ` ${lo === hi ? fmt(lo) : `${fmt(lo)}–${fmt(hi)}`}`)),
    el("span", { class: "step" }, svg("svg", { class: "ramp-chip", viewBox: "0 0 12 12", "aria-hidden": "true" },
      svg("circle", { cx: 6, cy: 6, r: 5, fill: "none", stroke: "#444", "stroke-dasharray": "2 1.5" })), " province without an area"));
}

/**
 * Draw the choropleth of `rows` (/api/stats' admin1) into `box`; `countries`: code -> name.
 * Resolves once the areas are drawn. The map's box says what it shows: data-areas (areas
 * coloured), data-matched and data-unmatched (events), data-country-only.
 */
export async function choropleth(box, rows, countries) {
  const name = (cc) => countries.get(cc) || cc || "no country";
  const mapNode = el("div", { class: "views-map", id: "views-map" });
  const notes = el("div", { class: "map-notes" });
  box.replaceChildren(mapNode, notes);
  const map = L.map(mapNode, { minZoom: 1, maxZoom: 10, zoomSnap: 0.5, worldCopyJump: true }).setView([25, 20], 2);
  window.sitrepViewsMap = map; // for the browser tests and the console
  keepSized(map);
  addBasemap(map).catch((e) => console.error("basemap", e));
  const response = await fetch("/static/vendor/admin1-areas.json");
  const topo = await response.json();
  const { areas, unmatched, countryOnly } = matchAreas(topo, rows);
  const ranges = classes(areas.map((a) => a.events));
  const shapes = topojson.feature(topo, { type: "GeometryCollection", geometries: areas.map((a) => a.geometry) });
  const layers = [];
  shapes.features.forEach((feature, i) => {
    const area = areas[i];
    const p = feature.properties;
    const layer = L.geoJSON(feature, {
      style: { className: "area", color: "#6b2a1f", weight: 0.7, opacity: 0.8, fillColor: colourOf(area.events, ranges), fillOpacity: 0.78 },
    });
    const shared = p.also && p.also.length ? el("div", { class: "muted" }, `Natural Earth draws ${p.ne || "one area"} for ${[p.name, ...p.also].join(", ")}`) : null;
    layer.bindTooltip(el("div", {},
      el("strong", {}, `${area.names.join(", ")}, ${name(p.cc)}`), el("br"),
      `${plural(area.events, "event")} · ${plural(area.fatalities, "fatality", "fatalities")}`, shared), { sticky: true });
    layer.eachLayer((l) => l.on("add", () => {
      const node = l.getElement && l.getElement();
      if (node) Object.assign(node.dataset, { cc: p.cc, admin1: area.names.join("|"), events: String(area.events) });
    }));
    layers.push(layer.addTo(map));
  });
  const biggest = Math.max(1, ...unmatched.map((r) => r.events));
  for (const row of unmatched) {
    if (row.lat === null || row.lon === null) continue;
    const circle = L.circleMarker([row.lat, row.lon], {
      className: "unmatched", radius: 5 + 12 * Math.sqrt(row.events / biggest), color: "#444", weight: 1.2, dashArray: "3 2", fillColor: "#999", fillOpacity: 0.25,
    });
    circle.bindTooltip(el("div", {}, el("strong", {}, `${row.admin1}, ${name(row.country_code)}`), el("br"),
      `${plural(row.events, "event")}: no area on this map stands for this province (drawn at its events' mean point)`), { sticky: true });
    layers.push(circle.addTo(map));
  }
  const group = L.featureGroup(layers);
  if (layers.length) map.fitBounds(group.getBounds().pad(0.2), { maxZoom: 7, animate: false });
  const count = (list) => list.reduce((a, r) => a + r.events, 0);
  Object.assign(mapNode.dataset, {
    areas: String(areas.length), matched: String(count(areas)), unmatched: String(count(unmatched)), countryOnly: String(count(countryOnly)),
  });
  fill(notes,
    ranges.length ? legend(ranges) : el("p", { class: "muted" }, "No event is placed in a province."),
    unmatched.length ? el("p", { class: "note unmatched-note" },
      `${plural(count(unmatched), "event")} in ${plural(unmatched.length, "province")} no area on this map stands for (dashed circles): `,
      unmatched.map((r) => `${r.admin1} (${name(r.country_code)}) ${fmt(r.events)}`).join("; "), ".") : null,
    countryOnly.length ? el("p", { class: "note country-only-note muted" },
      `${plural(count(countryOnly), "event")} placed in a country but no province: `,
      countryOnly.map((r) => `${name(r.country_code)} ${fmt(r.events)}`).join("; "), ".") : null,
  );
  return map;
}
