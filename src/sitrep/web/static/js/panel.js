// The event panel: one consolidated event with its evidence sentences (trigger, places and
// dates marked), every source named, its accounts, figures and conflicts. Used by the map's
// side panel and by the event page.
import { articleLine, cls, dateLabel, el, enc, highlighted, kindLabel } from "./dom.js";

function actorName(actor) {
  return actor ? actor.name : null;
}

function facts(ev) {
  const rows = [];
  const add = (label, ...value) => {
    if (value.some((v) => v !== null && v !== undefined && v !== "")) rows.push(el("dt", {}, label), el("dd", {}, ...value));
  };
  add("When", dateLabel(ev.date && ev.date.value, ev.date && ev.date.precision), ev.date && ev.date.precision ? ` · ${ev.date.precision}` : "");
  const place = ev.place || {};
  add("Where", place.name, place.admin1 && place.admin1 !== place.name ? `, ${place.admin1}` : "", place.country_code ? ` (${place.country_code})` : "",
    place.precision ? el("span", { class: "muted" }, ` · ${place.precision}`) : null);
  add("Who", actorName(ev.actor1));
  add("Against", actorName(ev.actor2));
  if (ev.acled) add("ACLED", [ev.acled.event_type, ev.acled.sub_event_type].filter(Boolean).join(" / "));
  if (ev.plover) add("PLOVER", [ev.plover.type, ev.plover.mode].filter(Boolean).join(" / "));
  const fr = ev.fatalities_range;
  if (fr) add("Fatalities", `best ${fr.best ?? "?"}, low ${fr.low ?? "?"}, high ${fr.high ?? "?"}`);
  else if (ev.fatalities !== null && ev.fatalities !== undefined) add("Fatalities", String(ev.fatalities));
  add("Sources", `${ev.independent_sources} independent (${(ev.originators || []).join(", ")})`);
  for (const [modality, who] of Object.entries(ev.accounts || {})) add(`${modality} by`, who.join(", "));
  add("Reported", [ev.first_reported, ev.last_reported].filter(Boolean).join(" → "));
  return el("dl", { class: "facts" }, rows);
}

function evidence(ev) {
  const named = ev.sources_named || {};
  return (ev.evidence || []).map((item) =>
    el(
      "blockquote",
      { class: "evidence" },
      el("div", { class: "sentence" }, highlighted(item.text || "", item.start, item.trigger, item.marks)),
      el("div", { class: "src" }, articleLine(item.article_id, named[item.article_id])),
    ),
  );
}

function conflicts(ev) {
  if (!ev.conflicts || !ev.conflicts.length) return [];
  return [
    el("h3", {}, "Figures that disagree"),
    ...ev.conflicts.map((c) =>
      el(
        "div",
        { class: "group" },
        el("span", { class: `badge ${cls(c.kind)}` }, c.kind),
        " ",
        el("strong", {}, c.fact),
        el(
          "ul",
          {},
          (c.values || []).map((v) =>
            el("li", {}, el("strong", {}, String(v.value)), " — ", el("a", { href: `/articles/${enc(v.article_id)}` }, v.article_id),
              v.published ? ` (${v.published})` : "", v.evidence ? el("div", { class: "muted" }, v.evidence.text) : null),
          ),
        ),
      ),
    ),
  ];
}

/** The panel for one event (the JSON of /api/events/{id}). */
export function renderEvent(ev, { heading = "h2" } = {}) {
  const named = ev.sources_named || {};
  const title = `${kindLabel(ev.kind)} — ${(ev.place && ev.place.name) || "unknown place"}`;
  return el(
    "section",
    { class: "event-panel", dataset: { eventId: ev.id } },
    el(heading, {}, title),
    el("div", {},
      el("span", { class: `badge st-${cls(ev.status)}` }, ev.status),
      el("span", { class: "badge" }, ev.modality),
      el("span", { class: "badge" }, `${ev.articles.length} article${ev.articles.length === 1 ? "" : "s"}`),
      el("a", { href: `/events/${enc(ev.id)}` }, "event page"), " · ",
      el("a", { href: `/api/events/${enc(ev.id)}` }, "JSON"),
    ),
    facts(ev),
    el("h3", {}, "Evidence"),
    ...evidence(ev),
    ...conflicts(ev),
    el("h3", {}, "Articles"),
    el("ul", { class: "plain articles" }, (ev.articles || []).map((id) => el("li", {}, articleLine(id, named[id])))),
    el(
      "details",
      {},
      el("summary", {}, `Why these ${ev.mentions.length} mentions were merged`),
      el("ul", {}, (ev.mentions || []).map((m) => el("li", {}, `${m.article_id} #${m.rank} (${m.modality}, ${m.originator}): ${m.why}`))),
    ),
  );
}
