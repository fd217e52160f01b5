// The story page: its articles, grouped by whose copy they carry, and for each later
// version what it adds, drops and rewords compared with the copy it carries.
import { articleLine, el, enc, fail, getJSON, kindLabel, show, twinUrl } from "./dom.js";

function wordDiff(words) {
  return words.map(([op, text]) => (op === "+" ? el("ins", {}, text) : op === "-" ? el("del", {}, text) : text))
    .flatMap((node, i) => (i ? [" ", node] : [node]));
}

function diffView(d) {
  const parts = [];
  const s = d.summary;
  parts.push(el("p", { class: "muted" }, `${s.added} paragraphs added, ${s.removed} dropped, ${s.changed} reworded, ${s.moved} moved, ${s.same} the same.`));
  const added = d.paragraphs.filter((p) => p.kind === "added");
  const removed = d.paragraphs.filter((p) => p.kind === "removed");
  const changed = d.paragraphs.filter((p) => p.kind === "changed");
  if (added.length) parts.push(el("h3", {}, "What this version adds"), ...added.map((p) => el("p", { class: "added" }, p.b_text)));
  if (removed.length) parts.push(el("h3", {}, "What it drops"), ...removed.map((p) => el("p", { class: "removed" }, p.a_text)));
  if (changed.length) {
    parts.push(el("details", {}, el("summary", {}, `Reworded paragraphs (${changed.length})`),
      ...changed.map((p) => el("p", { class: "changed" }, ...(p.sentences || []).flatMap((x) =>
        x.words && x.words.length ? [...wordDiff(x.words), " "] : [x.b_text || x.a_text || "", " "])))));
  }
  return parts;
}

async function main() {
  const story = await getJSON(twinUrl());
  document.title = `${story.title || "Story"} · sitrep`;
  const byId = Object.fromEntries(story.articles.map((a) => [a.id, a]));
  const root = (a) => { let r = a; const seen = new Set(); while (r.copy_of && byId[r.copy_of] && !seen.has(r.id)) { seen.add(r.id); r = byId[r.copy_of]; } return r.id; };
  const groups = new Map();
  for (const a of story.articles) { const k = root(a); if (!groups.has(k)) groups.set(k, []); groups.get(k).push(a); }
  const diffs = el("div", { class: "diffs" });
  show(
    el("h1", {}, story.title || `Story ${story.id}`),
    el("p", { class: "muted" }, `${story.articles.length} articles · ${[story.first_date, story.last_date].filter(Boolean).join(" → ")} · ${story.events.length} events`),
    el("h2", {}, `Copy groups (${groups.size})`),
    [...groups.values()].map((members) => el("div", { class: "group" },
      el("ul", { class: "plain" }, members.map((a) => el("li", {}, articleLine(a.id, a),
        a.copy_of ? el("span", { class: "badge" }, `${(a.copy && a.copy.relation) || "copy"} of ${a.copy_of}`) : el("span", { class: "badge" }, "original")))))),
    el("h2", {}, "Versions"),
    diffs,
    el("h2", {}, "Events"),
    el("ul", {}, story.events.map((e) => el("li", {}, el("a", { href: `/events/${enc(e.id)}` }, `${kindLabel(e.kind)} — ${(e.place && e.place.name) || "?"}`),
      ` · ${(e.date && e.date.value) || "undated"} · ${e.status}`))),
  );
  const later = story.articles.filter((a) => a.copy_of && byId[a.copy_of]);
  if (!later.length) diffs.append(el("p", { class: "muted" }, "No article in this story carries another's copy."));
  for (const a of later) {
    const box = el("section", { class: "version", id: `diff-${a.id}` }, el("h3", {}, articleLine(a.id, a), " compared with ", articleLine(a.copy_of, byId[a.copy_of])));
    diffs.append(box);
    try {
      box.append(...diffView(await getJSON(`/api/diff?b=${enc(a.id)}&a=${enc(a.copy_of)}`)));
    } catch (e) {
      box.append(el("p", { class: "error" }, String(e.message)));
    }
  }
  document.body.dataset.ready = "1";
}

main().catch(fail);
