// The article page: the cleaned text (as text, whatever it holds), its copy verdict and events.
import { articleLine, el, enc, fail, getJSON, show, twinUrl } from "./dom.js";

async function main() {
  const a = await getJSON(twinUrl());
  document.title = `${a.title || a.id} · sitrep`;
  const pub = a.published;
  const meta = [a.outlet, pub && pub.value && `published ${pub.value}${pub.how ? ` (${pub.how})` : ""}`,
    a.wire && a.wire.length && `wire: ${a.wire.join(", ")}`, a.byline, a.dateline].filter(Boolean);
  show(
    el("h1", {}, a.title || a.id),
    el("p", { class: "muted" }, meta.join(" · ")),
    a.standfirst ? el("p", { class: "standfirst" }, el("strong", {}, a.standfirst)) : null,
    a.copy_of ? el("p", { class: "group" }, `Carries the copy of `, el("a", { href: `/articles/${enc(a.copy_of)}` }, a.copy_of),
      ` (${(a.copy && a.copy.relation) || "copy"}). `, el("a", { href: `/stories/${enc(a.story_id)}#diff-${enc(a.id)}` }, "What this version adds")) : null,
    a.story_id !== null && a.story_id !== undefined ? el("p", {}, "Story: ", el("a", { href: `/stories/${enc(a.story_id)}` }, `story ${a.story_id}`)) : null,
    el("div", { class: "article-text" }, (a.text || "").split(/\n{2,}/).map((para) => el("p", {}, para))),
    a.captions && a.captions.length ? [el("h2", {}, "Captions"), el("ul", {}, a.captions.map((c) => el("li", {}, c)))] : null,
    el("h2", {}, `Events (${(a.events || []).length})`),
    el("ul", {}, (a.events || []).map((id) => el("li", {}, el("a", { href: `/events/${enc(id)}` }, id)))),
    el("p", { class: "muted" }, "Source: ", a.url ? el("a", { href: a.url, rel: "noopener noreferrer nofollow" }, a.url) : "no URL given",
      " · ", articleLine(a.id, {})),
  );
  document.body.dataset.ready = "1";
}

main().catch(fail);
