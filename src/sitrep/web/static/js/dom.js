// DOM helpers for every page. Article text is hostile: it only ever reaches the page
// through text nodes (textContent / createTextNode), never through innerHTML.

/** Build an element: el("a", {href: "/x", class: "y"}, "text", child, ...). */
export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key === "class") node.className = value;
    else if (key === "dataset") Object.assign(node.dataset, value);
    else if (key.startsWith("on")) {
      // Handlers only as functions: a string here would be code from data.
      if (typeof value === "function") node.addEventListener(key.slice(2), value);
    }
    else if (key === "href" || key === "src") node.setAttribute(key, safeUrl(value));
    else node.setAttribute(key, String(value));
  }
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

/** Links from the data (article URLs) may only be http(s) or this site's own paths. */
export function safeUrl(value) {
  const s = String(value);
  if (s.startsWith("/") && !s.startsWith("//")) return s;
  try {
    const u = new URL(s, location.origin);
    return u.protocol === "http:" || u.protocol === "https:" ? u.href : "#";
  } catch {
    return "#";
  }
}

/** A class-name fragment from data: letters, digits, dash and underscore only. */
export function cls(value) {
  return String(value ?? "").toLowerCase().replace(/[^a-z0-9_-]/g, "");
}

/** GET a JSON twin; throws an Error carrying the API's error message. `init`: more fetch options. */
export async function getJSON(url, init = {}) {
  const response = await fetch(url, { ...init, headers: { Accept: "application/json" } });
  const body = await response.json().catch(() => null);
  if (!response.ok) {
    const message = body && body.error ? body.error.message : response.statusText;
    throw new Error(`${response.status}: ${message}`);
  }
  return body;
}

/**
 * Replace a node's children with `children` (nodes or text), skipping null, undefined and
 * false: replaceChildren itself would write them out as the text "null".
 */
export function fill(node, ...children) {
  const kept = children.flat(Infinity).filter((n) => n !== null && n !== undefined && n !== false);
  node.replaceChildren(...kept.map((n) => (n instanceof Node ? n : document.createTextNode(String(n)))));
  return node;
}

/** Replace the page's main content. */
export function show(...nodes) {
  return fill(document.getElementById("main"), ...nodes);
}

/** Show an error where the page would be. */
export function fail(error) {
  show(el("p", { class: "error" }, String(error.message || error)));
}

/** The page's JSON twin, as named in its <link rel="alternate">. */
export function twinUrl() {
  const link = document.querySelector('link[rel="alternate"][type="application/json"]');
  return link ? link.getAttribute("href") : null;
}

export const enc = encodeURIComponent;

/** "territory.capture" -> "territory capture". */
export function kindLabel(kind) {
  return String(kind || "event").replace(/[._]/g, " ");
}

/** A date with its precision, as a reader wants it. */
export function dateLabel(value, precision) {
  if (!value) return "undated";
  if (precision && precision !== "day" && precision !== "month" && precision !== "year") {
    return `${value} (${precision})`;
  }
  return value;
}

/** One line naming an article: title, outlet, date. */
export function articleLine(id, info) {
  const parts = [];
  if (info && info.outlet) parts.push(info.outlet);
  if (info && info.wire && info.wire.length) parts.push(`wire: ${info.wire.join(", ")}`);
  if (info && info.published && info.published.value) parts.push(info.published.value);
  return el(
    "span",
    {},
    el("a", { href: `/articles/${enc(id)}` }, (info && info.title) || id),
    parts.length ? el("span", { class: "muted" }, ` — ${parts.join(" · ")}`) : null,
  );
}

/**
 * A sentence with spans marked: the trigger, places and times (offsets in the article).
 * Overlapping spans keep the first in priority order (trigger, then places, then times).
 */
export function highlighted(text, start, trigger, marks) {
  const spans = [];
  if (trigger && trigger.end > trigger.start) spans.push({ s: trigger.start, e: trigger.end, what: "trigger", title: "trigger" });
  for (const m of marks || []) spans.push({ s: m.start, e: m.end, what: m.what, title: `${m.what}: ${m.value}` });
  const taken = [];
  for (const span of spans) {
    const s = span.s - start;
    const e = span.e - start;
    if (s < 0 || e > text.length || s >= e) continue;
    if (taken.some((t) => s < t.e && t.s < e)) continue;
    taken.push({ ...span, s, e });
  }
  taken.sort((a, b) => a.s - b.s);
  const out = document.createDocumentFragment();
  let at = 0;
  for (const t of taken) {
    out.append(document.createTextNode(text.slice(at, t.s)));
    out.append(el("mark", { class: cls(t.what), title: t.title }, text.slice(t.s, t.e)));
    at = t.e;
  }
  out.append(document.createTextNode(text.slice(at)));
  return out;
}
