// The stories page: every story with its span of days and its articles.
import { el, enc, fail, getJSON, show, twinUrl } from "./dom.js";
import { followList } from "./follow.js";

async function render() {
  const page = await getJSON(twinUrl());
  show(
    el("h1", {}, `Stories (${page.total})`),
    el("table", {},
      el("thead", {}, el("tr", {}, el("th", {}, "Story"), el("th", {}, "Days"), el("th", {}, "Articles"), el("th", {}, "Events"))),
      el("tbody", {}, page.items.map((s) => el("tr", {},
        el("td", {}, el("a", { href: `/stories/${enc(s.id)}` }, s.title || `story ${s.id}`)),
        el("td", {}, [s.first_date, s.last_date].filter(Boolean).join(" → ")),
        el("td", {}, String(s.articles)),
        el("td", {}, String(s.events)))))),
  );
}

followList(render).catch(fail);
