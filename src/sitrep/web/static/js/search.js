// The search page: events whose place, actor or articles match, and the matching articles.
import { articleLine, el, enc, fail, getJSON, kindLabel, show, twinUrl } from "./dom.js";
import { followList } from "./follow.js";

const q = new URLSearchParams(location.search).get("q") || "";
// Once, not in render(): a reload in place must not overwrite what the reader is typing.
const input = document.querySelector("header .search input");
if (input) input.value = q;

async function render() {
  if (!q.trim()) {
    show(el("h1", {}, "Search"), el("p", {}, "Type a place, an actor or words from an article in the box above."));
    return;
  }
  const [events, articles] = await Promise.all([getJSON(twinUrl()), getJSON(`/api/articles?q=${enc(q)}`)]);
  show(
    el("h1", {}, `Search: “${q}”`),
    el("h2", {}, `Events (${events.total})`),
    el("ul", { class: "results events" }, events.items.map((e) => el("li", {},
      el("a", { href: `/events/${enc(e.id)}` }, `${kindLabel(e.kind)} — ${(e.place && e.place.name) || "?"}`),
      ` · ${(e.date && e.date.value) || "undated"} · ${e.status}`,
      e.evidence_text ? el("div", { class: "muted" }, e.evidence_text) : null))),
    events.next_offset ? el("p", { class: "muted" }, `First ${events.items.length} shown.`) : null,
    el("h2", {}, `Articles (${articles.total})`),
    el("ul", { class: "results articles" }, articles.items.map((a) => el("li", {}, articleLine(a.id, a)))),
    el("p", {}, el("a", { href: `/?q=${enc(q)}` }, "Show these events on the map")),
  );
}

followList(render).catch(fail);
