// A timeline of events per day, drawn as SVG bars, with a brush: drag across days to
// choose a range (or type the dates), click without dragging or press Clear to drop it.
// It opens on the dense part of the dates (denseWindow): a lone event decades earlier does
// not squeeze the rest into a sliver; such outliers are named at the edge ("1 earlier event
// (1946)"), and "All dates" (or that note) widens the timeline to every dated event.
import { el } from "./dom.js";

const SVG = "http://www.w3.org/2000/svg";
const DAY = 86400000;
const AXIS = 16;

function svg(tag, attrs = {}) {
  const node = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  return node;
}

const toMs = (iso) => Date.parse(`${iso}T00:00:00Z`);
const toIso = (ms) => new Date(ms).toISOString().slice(0, 10);

/** The days an event's date covers: [first, last] as YYYY-MM-DD, or null when undated. */
export function span(date) {
  if (!date) return null;
  const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/.exec(date);
  if (!m) return null;
  if (m[3]) return [`${m[1]}-${m[2]}-${m[3]}`, `${m[1]}-${m[2]}-${m[3]}`];
  if (m[2]) {
    const last = new Date(Date.UTC(Number(m[1]), Number(m[2]), 0)).getUTCDate();
    return [`${m[1]}-${m[2]}-01`, `${m[1]}-${m[2]}-${String(last).padStart(2, "0")}`];
  }
  return [`${m[1]}-01-01`, `${m[1]}-12-31`];
}

/**
 * The dense part of sorted day stamps (ms), as [first, last]: at least 95% of the days (all
 * but one when there are fewer than 40), leaving out the ends farthest from the middle half
 * of the dates (more than three interquartile ranges, a month at least, from it), farthest
 * first; then padded by a twentieth of its width (two days at least) within the data.
 * A lone article from 1946 among a week of 2009 is left out; a steady spread of dates is not.
 */
export function denseWindow(days) {
  const n = days.length;
  const q = (p) => days[Math.round(p * (n - 1))];
  const [q1, q3] = [q(0.25), q(0.75)];
  const reach = 3 * Math.max(q3 - q1, 30 * DAY);
  let [i, j] = [0, n - 1];
  for (let budget = Math.max(1, Math.floor(0.05 * n)); budget > 0 && i < j; budget -= 1) {
    const below = q1 - reach - days[i];
    const above = days[j] - (q3 + reach);
    if (below <= 0 && above <= 0) break;
    if (below >= above) i += 1; else j -= 1;
  }
  const pad = Math.max(2 * DAY, 0.05 * (days[j] - days[i]));
  const first = Math.max(days[0], days[i] - pad);
  const last = Math.min(days[n - 1], days[j] + pad);
  return [Math.floor(first / DAY) * DAY, Math.floor(last / DAY) * DAY];
}

function years(list) {
  const ys = list.map((s) => s.slice(0, 4)).sort();
  return ys[0] === ys[ys.length - 1] ? ys[0] : `${ys[0]}–${ys[ys.length - 1]}`;
}

export class Timeline {
  /** container: where to draw; onChange({start, end} | null) when the brushed range changes. */
  constructor(container, onChange) {
    this.container = container;
    this.onChange = onChange;
    this.range = null;
    this.items = [];
    this.full = false; // the reader widened the timeline to every dated event
    this.svg = svg("svg", { role: "img", "aria-label": "events per day; drag to choose days" });
    this.startInput = el("input", { type: "date", "aria-label": "first day", class: "start", onchange: () => this.typed() });
    this.endInput = el("input", { type: "date", "aria-label": "last day", class: "end", onchange: () => this.typed() });
    this.label = el("span", { class: "label" });
    this.widenButton = el("button", { type: "button", class: "widen", hidden: true, onclick: () => this.widen(!this.full) });
    this.earlier = el("button", { type: "button", class: "outliers earlier", hidden: true, onclick: () => this.widen(true) });
    this.later = el("button", { type: "button", class: "outliers later", hidden: true, onclick: () => this.widen(true) });
    container.replaceChildren(
      el("div", { class: "row" },
        el("strong", {}, "Timeline"),
        el("span", { class: "days" }, el("label", {}, "from ", this.startInput), el("label", {}, " to ", this.endInput)),
        el("button", { type: "button", class: "clear", onclick: () => this.set(null) }, "Clear"),
        this.widenButton, this.label),
      el("div", { class: "plot" }, this.svg, this.earlier, this.later),
    );
    this.svg.addEventListener("pointerdown", (e) => this.down(e));
    this.svg.addEventListener("pointermove", (e) => this.move(e));
    this.svg.addEventListener("pointerup", (e) => this.up(e));
    new ResizeObserver(() => this.draw()).observe(this.svg);
  }

  /** items: [{span: [first, last] | null}], already filtered by everything but the brush. */
  setData(items) {
    this.items = items;
    const days = [];
    for (const it of items) if (it.span && it.span[0] === it.span[1]) days.push(toMs(it.span[0]));
    if (!days.length) for (const it of items) if (it.span) days.push(toMs(it.span[0]), toMs(it.span[1]));
    days.sort((a, b) => a - b);
    this.all = days.length ? [days[0], days[days.length - 1]] : null;
    this.dense = days.length ? denseWindow(days) : null;
    this.frame();
  }

  /** Show every dated event (true) or the dense part (false). */
  widen(full) {
    this.full = full;
    this.frame();
  }

  /** The days shown (t0..t1) and the events outside them, named at the edges. */
  frame() {
    const shown = this.full ? this.all : this.dense;
    if (!shown) {
      this.t0 = this.t1 = null;
    } else {
      this.t0 = shown[0] - DAY;
      this.t1 = shown[1] + DAY;
    }
    const before = [];
    const after = [];
    if (shown) {
      const [first, last] = [toIso(this.t0), toIso(this.t1)];
      // Events dated to the day only: the others are not drawn as bars anyway (the label counts them).
      for (const it of this.items) {
        if (!it.span || it.span[0] !== it.span[1]) continue;
        if (it.span[0] < first) before.push(it.span[0]);
        else if (it.span[0] > last) after.push(it.span[0]);
      }
    }
    const say = (list, word) => `${list.length} ${word} event${list.length === 1 ? "" : "s"} (${years(list)})`;
    this.earlier.hidden = !before.length;
    this.later.hidden = !after.length;
    if (before.length) { this.earlier.textContent = `‹ ${say(before, "earlier")}`; this.earlier.title = "Show every date"; }
    if (after.length) { this.later.textContent = `${say(after, "later")} ›`; this.later.title = "Show every date"; }
    const dense = this.dense && this.all && (this.dense[0] !== this.all[0] || this.dense[1] !== this.all[1]);
    this.widenButton.hidden = !dense;
    this.widenButton.textContent = this.full ? "Dense dates" : "All dates";
    this.widenButton.setAttribute("aria-pressed", String(this.full));
    Object.assign(this.container.dataset, {
      first: shown ? toIso(shown[0]) : "", last: shown ? toIso(shown[1]) : "",
      full: this.full ? "1" : "0", earlier: String(before.length), later: String(after.length),
    });
    this.draw();
  }

  x(ms) {
    return ((ms - this.t0) / (this.t1 + DAY - this.t0)) * this.width;
  }

  msAt(x) {
    const ms = this.t0 + (x / this.width) * (this.t1 + DAY - this.t0);
    return Math.floor(ms / DAY) * DAY;
  }

  draw() {
    const box = this.svg.getBoundingClientRect();
    const width = box.width || 600;
    const height = box.height || 90;
    this.width = width;
    this.height = height;
    this.svg.setAttribute("viewBox", `0 0 ${width} ${height}`);
    this.svg.replaceChildren();
    if (this.t0 === null || this.t0 === undefined) {
      this.label.textContent = "no dated events";
      return;
    }
    const counts = new Map();
    let coarse = 0;
    const [first, last] = [toIso(this.t0), toIso(this.t1)];
    for (const it of this.items) {
      if (!it.span) continue;
      if (it.span[0] !== it.span[1]) { coarse += 1; continue; }
      if (it.span[0] < first || it.span[0] > last) continue;
      counts.set(it.span[0], (counts.get(it.span[0]) || 0) + 1);
    }
    const max = Math.max(1, ...counts.values());
    const dayWidth = this.x(this.t0 + DAY) - this.x(this.t0);
    for (const [day, n] of counts) {
      const ms = toMs(day);
      const h = ((height - AXIS - 4) * n) / max;
      const inside = !this.range || (day >= this.range.start && day <= this.range.end);
      const bar = svg("rect", {
        class: inside ? "bar" : "bar out", x: this.x(ms) + 0.5, y: height - AXIS - h,
        width: Math.max(1, dayWidth - 1), height: h, "data-day": day, "data-count": n,
      });
      const tip = svg("title");
      tip.textContent = `${day}: ${n} event${n === 1 ? "" : "s"}`;
      bar.append(tip);
      this.svg.append(bar);
    }
    const ticks = Math.min(8, Math.max(1, Math.floor(width / 95)));
    for (let i = 0; i < ticks; i += 1) {
      const ms = this.msAt((i / ticks) * (width - 1));
      const t = svg("text", { class: "axis", x: Math.min(width - 64, this.x(ms) + 2), y: height - 3 });
      t.textContent = toIso(ms);
      this.svg.append(t);
    }
    if (this.range) {
      const a = Math.max(-1, this.x(toMs(this.range.start)));
      const b = Math.min(width + 1, this.x(toMs(this.range.end) + DAY));
      if (b > a) this.svg.append(svg("rect", { class: "brush", x: a, y: 0, width: Math.max(1, b - a), height: height - AXIS }));
    }
    const shown = this.range ? `${this.range.start} to ${this.range.end}` : "all days";
    this.label.textContent = `${shown}${coarse ? ` · ${coarse} dated only to a month or year` : ""}`;
  }

  pos(e) {
    const box = this.svg.getBoundingClientRect();
    return Math.max(0, Math.min(box.width - 1, e.clientX - box.left));
  }

  down(e) {
    if (this.t0 === null || this.t0 === undefined) return;
    this.svg.setPointerCapture(e.pointerId);
    this.drag = { from: this.pos(e), to: this.pos(e) };
  }

  move(e) {
    if (!this.drag) return;
    this.drag.to = this.pos(e);
    const a = Math.min(this.drag.from, this.drag.to);
    const b = Math.max(this.drag.from, this.drag.to);
    let rect = this.svg.querySelector("rect.brush");
    if (!rect) { rect = svg("rect", { class: "brush", y: 0, height: this.height - AXIS }); this.svg.append(rect); }
    rect.setAttribute("x", a);
    rect.setAttribute("width", Math.max(1, b - a));
  }

  up(e) {
    if (!this.drag) return;
    this.drag.to = this.pos(e);
    const { from, to } = this.drag;
    this.drag = null;
    if (Math.abs(to - from) < 3) return this.set(null);
    const a = this.msAt(Math.min(from, to));
    const b = this.msAt(Math.max(from, to));
    this.set({ start: toIso(a), end: toIso(b) });
  }

  typed() {
    const start = this.startInput.value;
    const end = this.endInput.value;
    if (!start && !end) return this.set(null);
    this.set({ start: start || "0000-01-01", end: end || "9999-12-31" });
  }

  /** Choose a range ({start, end} as YYYY-MM-DD, inclusive) or null for every day. */
  set(range) {
    this.range = range;
    this.startInput.value = range && range.start !== "0000-01-01" ? range.start : "";
    this.endInput.value = range && range.end !== "9999-12-31" ? range.end : "";
    this.draw();
    this.onChange(range);
  }
}

/** Does an event whose date covers `sp` fall in the brushed range (any overlap counts)? */
export function inRange(sp, range) {
  if (!range) return true;
  if (!sp) return false;
  return sp[0] <= range.end && sp[1] >= range.start;
}
