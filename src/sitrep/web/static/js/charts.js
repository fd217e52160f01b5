// Charts of the Views page, in SVG built with createElementNS: bars over time stacked by kind
// family (the map's colours: legend.js) and ranked bars. Names from the data go in as text
// (textContent, <title> elements), never as markup.
import { el } from "./dom.js";
import { drawnAs, familyColour } from "./legend.js";

const SVG = "http://www.w3.org/2000/svg";
const HEIGHT = 190;
const PAD = { left: 44, right: 8, top: 8, bottom: 20 };

/** An SVG element with attributes and children (nodes, or strings as text nodes). */
export function svg(tag, attrs = {}, ...children) {
  const node = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) if (v !== null && v !== undefined) node.setAttribute(k, String(v));
  for (const c of children.flat()) if (c !== null && c !== undefined) node.append(c instanceof Node ? c : document.createTextNode(String(c)));
  return node;
}

/** How a bin is named: its day, "week of" its Monday, its month or its year. */
export function binLabel(start, size) {
  if (size === "year") return start.slice(0, 4);
  if (size === "month") return start.slice(0, 7);
  if (size === "week") return `week of ${start}`;
  return start;
}

/** A round number at or above v, for the top of an axis. */
export function niceMax(v) {
  if (v <= 5) return Math.max(1, Math.ceil(v));
  const p = 10 ** Math.floor(Math.log10(v));
  return [1, 2, 2.5, 5, 10].map((m) => m * p).find((x) => x >= v);
}

const fmt = (n) => Number(n).toLocaleString("en");
const compact = new Intl.NumberFormat("en", { notation: "compact", maximumFractionDigits: 1 });
const plural = (n, one, many = `${one}s`) => `${fmt(n)} ${n === 1 ? one : many}`;
const short = (n) => (n >= 10000 ? compact.format(n) : fmt(n));
export { fmt, plural };

/** A legend chip in a family's colour (sitrep.css's `.fam-*`, the map's palette). */
export function chip(family) {
  return el("span", { class: `chip fam-${drawnAs(family)}`, "aria-hidden": "true" });
}

/**
 * Bars of `measure` ("events" or "fatalities") per time bin, stacked by family (most events
 * at the bottom), with a y axis, a few dates and a legend; drawn again to its width.
 * `time`: /api/stats' time part. The node says what it holds: data-total (the bars' sum).
 */
export function stackedBars(time, measure, label) {
  const families = time.families;
  const stacks = time.bins.map((b) => families.map((f) => (b[measure] && b[measure][f]) || 0));
  const sums = stacks.map((s) => s.reduce((a, b) => a + b, 0));
  const byFamily = families.map((_, i) => stacks.reduce((a, s) => a + s[i], 0));
  const total = sums.reduce((a, b) => a + b, 0);
  const plot = svg("svg", { class: "stacked-bars", role: "img", "aria-label": label, height: HEIGHT });
  const box = el("figure", { class: "stacked", dataset: { measure, total: String(total), bins: String(time.bins.length) } },
    plot,
    el("figcaption", { class: "legend-row" }, families.map((f, i) => (byFamily[i] ? el("span", { class: "key", dataset: { family: f } },
      chip(f), ` ${f} `, el("span", { class: "muted" }, fmt(byFamily[i]))) : null))));
  let drawnAt = -1;

  function draw() {
    const width = Math.floor(plot.getBoundingClientRect().width);
    if (!width || width === drawnAt) return;
    drawnAt = width;
    plot.setAttribute("viewBox", `0 0 ${width} ${HEIGHT}`);
    const n = Math.max(1, time.bins.length);
    const inner = width - PAD.left - PAD.right;
    const bw = inner / n;
    const top = niceMax(Math.max(0, ...sums));
    const y = (v) => HEIGHT - PAD.bottom - (v / top) * (HEIGHT - PAD.top - PAD.bottom);
    const parts = [];
    for (const v of [0, top / 2, top]) {
      if (v !== Math.round(v)) continue;
      parts.push(svg("line", { class: "grid", x1: PAD.left, x2: width - PAD.right, y1: y(v), y2: y(v) }));
      parts.push(svg("text", { class: "axis", x: PAD.left - 4, y: y(v) + 3, "text-anchor": "end" }, compact.format(v)));
    }
    const gap = bw > 4 ? 1 : 0;
    time.bins.forEach((b, i) => {
      const x = PAD.left + i * bw;
      let at = 0;
      const g = svg("g", { class: "bin" });
      g.dataset.start = b.start;
      g.dataset.value = String(sums[i]);
      const said = families.map((f, k) => (stacks[i][k] ? `${f} ${fmt(stacks[i][k])}` : null)).filter(Boolean);
      g.append(svg("title", {}, `${binLabel(b.start, time.bin)}: ${plural(sums[i], measure === "events" ? "event" : "fatality", measure === "events" ? "events" : "fatalities")}${said.length ? ` (${said.join(", ")})` : ""}`));
      g.append(svg("rect", { class: "hit", x, y: PAD.top, width: bw, height: HEIGHT - PAD.top - PAD.bottom }));
      families.forEach((f, k) => {
        const v = stacks[i][k];
        if (!v) return;
        const r = svg("rect", { class: "bar", x: x + gap / 2, width: Math.max(0.5, bw - gap), y: y(at + v), height: Math.max(0.5, y(at) - y(at + v)), fill: familyColour(f) });
        Object.assign(r.dataset, { family: f, value: String(v), start: b.start });
        g.append(r);
        at += v;
      });
      parts.push(g);
    });
    // A few dates under the bars, spaced to fit.
    const every = Math.max(1, Math.ceil(n / Math.max(1, Math.floor(inner / 96))));
    for (let i = 0; i < n; i += every) {
      const x = PAD.left + i * bw;
      if (x > width - 60) break;
      parts.push(svg("text", { class: "axis", x, y: HEIGHT - 5 }, binLabel(time.bins[i].start, time.bin === "week" ? "day" : time.bin)));
    }
    parts.push(svg("line", { class: "base", x1: PAD.left, x2: width - PAD.right, y1: y(0), y2: y(0) }));
    plot.replaceChildren(...parts);
  }
  new ResizeObserver(draw).observe(plot);
  requestAnimationFrame(draw);
  box.draw = draw;
  return box;
}

/**
 * A ranked list with a bar per row: rows [{key, label, events, fatalities, href?}] ranked by
 * `measure`, the first `top` shown and the rest as one "others" row (or `others`, when the
 * server already cut the list: {groups, events, fatalities}).
 */
export function rankedList(rows, measure, { top = 15, others = null, name = "rows" } = {}) {
  const sorted = rows.slice().sort((a, b) => b[measure] - a[measure] || b.events - a.events || String(a.label).localeCompare(String(b.label)));
  const shown = sorted.slice(0, top);
  let rest = others;
  if (!rest && sorted.length > top) {
    const tail = sorted.slice(top);
    rest = { groups: tail.length, events: tail.reduce((a, r) => a + r.events, 0), fatalities: tail.reduce((a, r) => a + r.fatalities, 0) };
  }
  const max = Math.max(1, ...shown.map((r) => r[measure]));
  const row = (label, r, cls, href) => el("li", { class: cls, dataset: { key: r.key ?? "", events: String(r.events), fatalities: String(r.fatalities) } },
    el("span", { class: "name", title: label }, href ? el("a", { href }, label) : label),
    barOf(r[measure] / max),
    el("span", { class: "value" }, el("strong", {}, fmt(r[measure])), el("span", { class: "muted" },
      measure === "events" ? ` · ${short(r.fatalities)} ${r.fatalities === 1 ? "fatality" : "fatalities"}` : ` · ${short(r.events)} ${r.events === 1 ? "event" : "events"}`)));
  return el("ol", { class: `ranked ${name}`, dataset: { measure } },
    shown.map((r) => row(r.label, r, "item", r.href)),
    rest && rest.groups ? row(`Others (${fmt(rest.groups)})`, { ...rest, key: "" }, "others", null) : null);
}

function barOf(share) {
  const node = svg("svg", { class: "rank-bar", "aria-hidden": "true", preserveAspectRatio: "none", viewBox: "0 0 100 10" });
  node.append(svg("rect", { x: 0, y: 0, height: 10, width: Math.max(0.5, 100 * share) }));
  return node;
}
