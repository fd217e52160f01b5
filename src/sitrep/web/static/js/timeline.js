// A timeline of events per day, drawn as SVG bars, with a brush: drag across days to
// choose a range (or type the dates), click without dragging or press Clear to drop it.
import { el } from "./dom.js";

const SVG = "http://www.w3.org/2000/svg";
const DAY = 86400000;
const HEIGHT = 90;
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

export class Timeline {
  /** container: where to draw; onChange({start, end} | null) when the brushed range changes. */
  constructor(container, onChange) {
    this.onChange = onChange;
    this.range = null;
    this.items = [];
    this.svg = svg("svg", { role: "img", "aria-label": "events per day; drag to choose days" });
    this.startInput = el("input", { type: "date", "aria-label": "first day", class: "start", onchange: () => this.typed() });
    this.endInput = el("input", { type: "date", "aria-label": "last day", class: "end", onchange: () => this.typed() });
    this.label = el("span", { class: "label" });
    container.replaceChildren(
      el("div", { class: "row" }, el("strong", {}, "Timeline"), "from", this.startInput, "to", this.endInput,
        el("button", { type: "button", class: "clear", onclick: () => this.set(null) }, "Clear"), this.label),
      this.svg,
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
    if (days.length) {
      let lo = Infinity;
      let hi = -Infinity;
      for (const d of days) { if (d < lo) lo = d; if (d > hi) hi = d; }
      this.t0 = lo - DAY;
      this.t1 = hi + DAY;
    } else {
      this.t0 = this.t1 = null;
    }
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
    const width = this.svg.getBoundingClientRect().width || 600;
    this.width = width;
    this.svg.setAttribute("viewBox", `0 0 ${width} ${HEIGHT}`);
    this.svg.replaceChildren();
    if (this.t0 === null || this.t0 === undefined) {
      this.label.textContent = "no dated events";
      return;
    }
    const counts = new Map();
    let coarse = 0;
    for (const it of this.items) {
      if (!it.span) continue;
      if (it.span[0] !== it.span[1]) { coarse += 1; continue; }
      counts.set(it.span[0], (counts.get(it.span[0]) || 0) + 1);
    }
    const max = Math.max(1, ...counts.values());
    const dayWidth = this.x(this.t0 + DAY) - this.x(this.t0);
    for (const [day, n] of counts) {
      const ms = toMs(day);
      const h = ((HEIGHT - AXIS - 4) * n) / max;
      const inside = !this.range || (day >= this.range.start && day <= this.range.end);
      const bar = svg("rect", {
        class: inside ? "bar" : "bar out", x: this.x(ms) + 0.5, y: HEIGHT - AXIS - h,
        width: Math.max(1, dayWidth - 1), height: h, "data-day": day, "data-count": n,
      });
      const tip = svg("title");
      tip.textContent = `${day}: ${n} event${n === 1 ? "" : "s"}`;
      bar.append(tip);
      this.svg.append(bar);
    }
    const ticks = Math.min(8, Math.max(2, Math.round(width / 110)));
    for (let i = 0; i <= ticks; i += 1) {
      const ms = this.msAt((i / ticks) * (width - 1));
      const t = svg("text", { class: "axis", x: Math.min(width - 60, this.x(ms) + 2), y: HEIGHT - 3 });
      t.textContent = toIso(ms);
      this.svg.append(t);
    }
    if (this.range) {
      const a = this.x(toMs(this.range.start));
      const b = this.x(toMs(this.range.end) + DAY);
      this.svg.append(svg("rect", { class: "brush", x: a, y: 0, width: Math.max(1, b - a), height: HEIGHT - AXIS }));
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
    if (!rect) { rect = svg("rect", { class: "brush", y: 0, height: HEIGHT - AXIS }); this.svg.append(rect); }
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
