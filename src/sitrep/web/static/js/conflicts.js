// The conflicts page: every fact the reports disagree on, each value with its article and sentence.
import { cls, el, enc, fail, getJSON, show, twinUrl } from "./dom.js";
import { followList } from "./follow.js";

async function render() {
  const page = await getJSON(twinUrl());
  show(
    el("h1", {}, `Conflicting figures (${page.total})`),
    el("p", { class: "muted" }, "An update is a later report revising a figure; a contradiction is reports of the same time disagreeing."),
    page.items.length ? null : el("p", {}, "No conflicts found."),
    page.items.map((c) => el("section", { class: "group conflict" },
      el("h2", {}, el("span", { class: `badge ${cls(c.kind)}` }, c.kind), " ", c.fact, c.context ? el("span", { class: "muted" }, ` — ${c.context}`) : null),
      c.event_id ? el("p", {}, el("a", { href: `/events/${enc(c.event_id)}` }, "the event")) : null,
      el("table", {}, el("thead", {}, el("tr", {}, el("th", {}, "Value"), el("th", {}, "Article"), el("th", {}, "Published"), el("th", {}, "Sentence"))),
        el("tbody", {}, (c.values || []).map((v) => el("tr", {},
          el("td", {}, el("strong", {}, String(v.value))),
          el("td", {}, el("a", { href: `/articles/${enc(v.article_id)}` }, v.article_id)),
          el("td", {}, v.published || ""),
          el("td", {}, v.evidence ? v.evidence.text : "")))))),
    ),
  );
}

followList(render).catch(fail);
