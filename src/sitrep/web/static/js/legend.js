// What the map's marks mean: every kind family has a colour (sitrep.css, `.fam-*`) and a
// glyph drawn here as an SVG path (no icon font, no CDN), a marker's ring says how well the
// event is sourced, a cluster's colour how many events it holds. The glyphs are <symbol>s
// of one hidden sprite; markers and the legend <use> them.
import { cls, el } from "./dom.js";

const SVG = "http://www.w3.org/2000/svg";

// Path builders on a 16 x 16 box.
const f = (n) => Number(n.toFixed(2));
const poly = (...pts) => `M${pts.map(([x, y]) => `${f(x)} ${f(y)}`).join("L")}Z`;
const rect = (x, y, w, h) => poly([x, y], [x + w, y], [x + w, y + h], [x, y + h]);
const circle = (cx, cy, r) => `M${f(cx - r)} ${f(cy)}a${f(r)} ${f(r)} 0 1 0 ${f(2 * r)} 0a${f(r)} ${f(r)} 0 1 0 ${f(-2 * r)} 0Z`;
const ring = (cx, cy, r, w) => circle(cx, cy, r) + circle(cx, cy, r - w);
function star(n, outer, inner, turn = 0) {
  const pts = [];
  for (let i = 0; i < 2 * n; i += 1) {
    const a = ((i / (2 * n)) + turn) * 2 * Math.PI - Math.PI / 2;
    const r = i % 2 ? inner : outer;
    pts.push([8 + r * Math.cos(a), 8 + r * Math.sin(a)]);
  }
  return poly(...pts);
}
const regular = (n, r, turn = 0) => star(n / 2, r, r, turn);
/** A bar of width w from (x1, y1) to (x2, y2). */
function bar(x1, y1, x2, y2, w) {
  const len = Math.hypot(x2 - x1, y2 - y1);
  const [nx, ny] = [(-(y2 - y1) / len) * (w / 2), ((x2 - x1) / len) * (w / 2)];
  return poly([x1 + nx, y1 + ny], [x2 + nx, y2 + ny], [x2 - nx, y2 - ny], [x1 - nx, y1 - ny]);
}
const arrowRight = poly([2, 6.3], [8.5, 6.3], [8.5, 3], [14, 8], [8.5, 13], [8.5, 9.7], [2, 9.7]);

/** Family -> [what it means, glyph path (even-odd filled)]. Unknown families draw as "other". */
export const FAMILIES = {
  attack: ["attacks: bombing, shelling, air strikes", star(8, 7.4, 3.2)],
  clash: ["armed clashes", bar(3, 3, 13, 13, 2.8) + bar(13, 3, 3, 13, 2.8)],
  territory: ["territory captured, regained, handed over", rect(3, 1.5, 1.7, 13) + poly([4.7, 1.5], [13.5, 4.6], [4.7, 7.8])],
  force: ["forces retreat or surrender", poly([13.5, 6.3], [7.5, 6.3], [7.5, 3], [2, 8], [7.5, 13], [7.5, 9.7], [13.5, 9.7])],
  siege: ["sieges", ring(8, 8, 6.8, 2.2) + circle(8, 8, 2)],
  weapons: ["weapons seized or disrupted", poly([8, 1], [10.6, 5], [10.6, 11.5], [12.5, 15], [3.5, 15], [5.4, 11.5], [5.4, 5])],
  abduction: ["abductions, disappearances", regular(3, 7, 0.5)],
  riot: ["riots, mob violence", "M8 1C8.6 4.6 13 6.2 13 10.4A5 5 0 0 1 3 10.4C3 7.9 4.5 6.7 5.2 4.4C6.6 5.6 7 6.8 7.2 8C8.3 6 8.4 3.6 8 1Z"],
  protest: ["protests", rect(2.5, 2, 11, 7) + rect(7.1, 9, 1.8, 6)],
  looting: ["looting, destruction of property", regular(6, 7, 1 / 12) + regular(6, 3.4, 1 / 12)],
  detention: ["arrests, detentions", rect(2, 2, 12, 1.8) + rect(2, 12.2, 12, 1.8) + rect(3.2, 3.8, 1.8, 8.4) + rect(7.1, 3.8, 1.8, 8.4) + rect(11, 3.8, 1.8, 8.4)],
  release: ["releases", poly([8, 1.5], [13.5, 7.5], [10, 7.5], [10, 14.5], [6, 14.5], [6, 7.5], [2.5, 7.5])],
  deployment: ["deployments, troop movements", poly([1.5, 3], [4.5, 3], [9.5, 8], [4.5, 13], [1.5, 13], [6.5, 8]) + poly([7, 3], [10, 3], [15, 8], [10, 13], [7, 13], [12, 8])],
  evacuation: ["evacuations", arrowRight],
  displacement: ["people displaced", poly([1, 8], [5, 3.5], [5, 6.5], [11, 6.5], [11, 3.5], [15, 8], [11, 12.5], [11, 9.5], [5, 9.5], [5, 12.5])],
  agreement: ["agreements, ceasefires", poly([1.8, 8.4], [4, 6.2], [6.6, 8.8], [12.2, 3.2], [14.4, 5.4], [6.6, 13.2])],
  disaster: ["disasters with casualties: quakes, floods, fires, collapses", poly([8, 1.2], [15, 14.2], [1, 14.2]) + rect(7.1, 5.2, 1.8, 5) + rect(7.1, 11.2, 1.8, 1.8)],
  group: ["armed groups formed, split, renamed", circle(4, 5, 2.3) + circle(12, 5, 2.3) + circle(8, 11.5, 2.3)],
  restriction: ["curfews, closures, restrictions", circle(8, 8, 7) + rect(3.5, 6.6, 9, 2.8)],
  other: ["other events", circle(8, 8, 3.6)],
  negotiation: ["talks, offers (speech act)", "M2 2.5H14V10.5H8L4 14V10.5H2Z"],
  threaten: ["threats (speech act)", rect(6.7, 1.5, 2.6, 8.5) + circle(8, 13, 1.6)],
  demand: ["demands (speech act)", poly([1.5, 6], [5.5, 6], [13.5, 1.8], [13.5, 14.2], [5.5, 10], [1.5, 10])],
  accuse: ["accusations (speech act)", regular(3, 7, 0.25)],
  reject: ["rejections (speech act)", rect(2, 6.4, 12, 3.2)],
  sanction: ["sanctions (speech act)", rect(2.5, 7, 11, 8) + "M4.7 7V5a3.3 3.3 0 0 1 6.6 0V7H9.5V5a1.5 1.5 0 0 0-3 0V7Z"],
  support: ["statements of support (speech act)", "M8 14.5L2.2 8.4A3.4 3.4 0 0 1 8 3.9A3.4 3.4 0 0 1 13.8 8.4Z"],
  aid: ["aid (speech act)", rect(6.4, 2, 3.2, 12) + rect(2, 6.4, 12, 3.2)],
  cooperate: ["cooperation (speech act)", ring(5.6, 8, 4.4, 1.7) + ring(10.4, 8, 4.4, 1.7)],
  concession: ["concessions (speech act)", poly([8, 14.5], [13.5, 8.5], [10, 8.5], [10, 1.5], [6, 1.5], [6, 8.5], [2.5, 8.5])],
};

/** The family whose colour and glyph a kind family is drawn with. */
export function drawnAs(family) {
  const key = cls(family);
  return Object.hasOwn(FAMILIES, key) ? key : "other";
}

const colours = new Map();
/**
 * A family's colour as the map draws it: the palette is sitrep.css's `.fam-*` backgrounds
 * (one place for it), read once per family from a hidden probe. For charts (SVG fills).
 */
export function familyColour(family) {
  const key = drawnAs(family);
  if (!colours.has(key)) {
    const probe = el("span", { class: `fam-${key}`, "aria-hidden": "true" });
    Object.assign(probe.style, { position: "absolute", visibility: "hidden" }); // CSSOM: the CSP forbids style attributes
    document.body.append(probe);
    colours.set(key, getComputedStyle(probe).backgroundColor);
    probe.remove();
  }
  return colours.get(key);
}

function svgNode(tag, attrs = {}) {
  const node = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  return node;
}

/** Put the glyph sprite in the page once (hidden); markers and the legend refer to it. */
export function addSprite() {
  if (document.getElementById("glyphs")) return;
  const sprite = svgNode("svg", { id: "glyphs", class: "sprite", "aria-hidden": "true", width: 0, height: 0 });
  for (const [family, [, d]] of Object.entries(FAMILIES)) {
    const symbol = svgNode("symbol", { id: `g-${family}`, viewBox: "0 0 16 16" });
    symbol.append(svgNode("path", { d, "fill-rule": "evenodd" }));
    sprite.append(symbol);
  }
  document.body.append(sprite);
}

/** A family's glyph: a small SVG using the sprite's symbol. */
export function glyph(family) {
  const node = svgNode("svg", { class: "glyph", viewBox: "0 0 16 16", "aria-hidden": "true", focusable: "false" });
  node.append(svgNode("use", { href: `#g-${drawnAs(family)}` }));
  return node;
}

/** A marker's face as the legend shows it: the family's colour and glyph, the status ring. */
export function swatch(family, status = "single") {
  return el("span", { class: `sw ev fam-${drawnAs(family)} st-${cls(status)}`, dataset: { family: family || "" } }, glyph(family));
}

const STATUSES = [
  ["single", "one source (thin white ring)"],
  ["corroborated", "corroborated: independent sources agree (green ring)"],
  ["disputed", "disputed: sources disagree (dashed red ring)"],
];

/**
 * The legend's content: the families on the map (with how many events each), the status
 * rings, the cluster colours. `speechShown`: whether the speech-act layer is on.
 */
export function legendContent(counts, speechShown) {
  const names = [...counts.keys()].sort();
  return [
    el("h3", {}, "Kinds of event"),
    names.length
      ? el("ul", { class: "plain families legend" }, names.map((name) =>
        el("li", { class: "family", dataset: { family: name }, title: drawnAs(name) === cls(name) ? FAMILIES[drawnAs(name)][0] : `${name}: drawn as other events` },
          swatch(name), el("span", { class: "name" }, name), el("span", { class: "muted" }, ` ${counts.get(name)}`))))
      : el("p", { class: "muted" }, "no events on the map"),
    el("p", { class: "muted note" }, speechShown
      ? "Speech acts (talks, demands, accusations) are shown: untick “speech acts” to hide them."
      : "Speech acts (talks, demands, accusations) are hidden: tick “speech acts” to show them."),
    el("h3", {}, "Ring: how it is sourced"),
    el("ul", { class: "plain statuses" }, STATUSES.map(([status, meaning]) =>
      el("li", { class: "status", dataset: { status } }, swatch("other", status), el("span", {}, meaning)))),
    el("h3", {}, "Clusters: nearby events"),
    el("ul", { class: "plain clusters" },
      el("li", {}, el("span", { class: "sw cluster" }, el("span", {}, "12")), el("span", {}, "fewer than 100 events (click to open)")),
      el("li", {}, el("span", { class: "sw cluster big" }, el("span", {}, "250")), el("span", {}, "100 events or more")),
      el("li", {}, el("span", { class: "sw cluster fresh-key" }, el("span", {}, "3")), el("span", {}, "holds new events (orange halo)"))),
  ];
}
