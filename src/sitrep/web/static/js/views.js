// The Views page: what the map's filter holds, counted (/api/stats, the page's JSON twin):
// events and fatalities over time stacked by kind family, ranked by country, province and
// actor, and a choropleth of events per province. The filters are the map's, in the page's
// address (kind, status, start, end, layer, q, actor...): the header's Map link and "Map
// with these filters" carry them back. Everything from the data goes in as text.
import { choropleth } from "./choropleth.js";
import { binLabel, plural, rankedList, stackedBars } from "./charts.js";
import { el, fail, fill, getJSON, show, twinUrl } from "./dom.js";
import { followList } from "./follow.js";
import { FAMILIES } from "./legend.js";
import { span } from "./timeline.js";

const params = new URLSearchParams(location.search);
params.delete("poll");
params.delete("format");
const query = params.toString();
const mapHref = `/${query ? `?${query}` : ""}`;
const BIN_WORDS = { day: "days", week: "weeks (from Monday)", month: "months", year: "years" };
let measure = "events"; // what the ranked lists rank by: events or fatalities

// The header's links keep the filter: the map with it, and this page itself.
for (const a of document.querySelectorAll('header nav a[href="/"], header a.brand')) a.setAttribute("href", mapHref);

/** Go to this page with `changes` applied to its filter (empty values drop the parameter). */
function refilter(changes) {
  const next = new URLSearchParams(params);
  for (const [k, v] of Object.entries(changes)) if (v) next.set(k, v); else next.delete(k);
  const q = next.toString();
  location.search = q ? `?${q}` : "";
}

function filterBar() {
  const kind = params.get("kind") || "";
  const families = Object.keys(FAMILIES).filter((f) => f !== "other").sort();
  if (kind && !families.includes(kind)) families.unshift(kind);
  const kindSel = el("select", { class: "family", "aria-label": "kind family", onchange: () => refilter({ kind: kindSel.value }) },
    el("option", { value: "" }, "all kinds"), families.map((f) => el("option", { value: f }, f)));
  kindSel.value = kind;
  const statusSel = el("select", { class: "status", "aria-label": "status", onchange: () => refilter({ status: statusSel.value }) },
    el("option", { value: "" }, "any status"), ["single", "corroborated", "disputed"].map((s) => el("option", { value: s }, s)));
  statusSel.value = params.get("status") || "";
  // A start or end of a month or a year shows as its first or last day (the API reads them alike).
  const day = (value, end) => (value && span(value) ? span(value)[end ? 1 : 0] : "");
  const start = el("input", { type: "date", class: "start", "aria-label": "first day", value: day(params.get("start"), false), onchange: () => refilter({ start: start.value }) });
  const end = el("input", { type: "date", class: "end", "aria-label": "last day", value: day(params.get("end"), true), onchange: () => refilter({ end: end.value }) });
  const speech = el("input", { type: "checkbox", class: "speech", "aria-label": "show speech acts", onchange: () => refilter({ layer: speech.checked ? "all" : "" }) });
  speech.checked = params.get("layer") === "all";
  const rank = el("select", { class: "rank", "aria-label": "rank the lists by", onchange: () => { measure = rank.value; drawLists(); } },
    el("option", { value: "events" }, "events"), el("option", { value: "fatalities" }, "fatalities"));
  rank.value = measure;
  return el("div", { class: "filters" },
    el("label", {}, el("span", { class: "what" }, "Kind "), kindSel),
    el("label", {}, el("span", { class: "what" }, "Status "), statusSel),
    el("label", { class: "days" }, "from ", start), el("label", { class: "days" }, "to ", end),
    el("label", { title: "talks, demands, accusations, threats, offers" }, speech, " speech acts"),
    el("label", {}, "rank by ", rank),
    el("a", { class: "to-map", href: mapHref }, "← Map with these filters"));
}

/** The filter in words, from the page's address. */
function filterWords() {
  const parts = [];
  if (params.get("kind")) parts.push(`kind ${params.get("kind")}`);
  if (params.get("status")) parts.push(`status ${params.get("status")}`);
  if (params.get("start") || params.get("end")) parts.push(`days ${params.get("start") || "…"} to ${params.get("end") || "…"}`);
  for (const k of ["q", "actor", "acled_type", "modality", "story", "bbox"]) if (params.get(k)) parts.push(`${k} “${params.get(k)}”`);
  const layer = params.get("layer");
  parts.push(layer === "all" ? "speech acts included" : layer === "speech" ? "speech acts only" : "no speech acts");
  return parts.join(" · ");
}

function outsideNote(time, what) {
  const word = (n) => (what === "events" ? plural(n, "event") : plural(n, "fatality", "fatalities"));
  const parts = [];
  if (time.undated[what]) parts.push(`${word(time.undated[what])} undated`);
  if (time.coarse[what]) parts.push(`${word(time.coarse[what])} dated only to a ${time.bin === "month" ? "year" : "month or year"}`);
  if (time.earlier[what]) parts.push(`${word(time.earlier[what])} before ${time.first}`);
  if (time.later[what]) parts.push(`${word(time.later[what])} after ${binLabel(time.last, time.bin)}`);
  return parts.length ? el("p", { class: "note outside muted", dataset: { measure: what } }, `Not in the bars: ${parts.join("; ")}.`) : null;
}

function timeSection(stats) {
  const time = stats.time;
  if (!time.bin) return el("section", { class: "time" }, el("h2", {}, "Over time"), el("p", { class: "muted" }, "No dated events."));
  return el("section", { class: "time", dataset: { bin: time.bin } },
    el("h2", {}, "Events over time"),
    el("p", { class: "muted" }, `By ${BIN_WORDS[time.bin]}, ${binLabel(time.first, time.bin === "week" ? "day" : time.bin)} to ${binLabel(time.last, time.bin)}; stacked by kind family (the map's colours).`),
    stackedBars(time, "events", "events per time bin, stacked by kind family"),
    outsideNote(time, "events"),
    el("h2", {}, "Fatalities over time"),
    stats.fatalities
      ? [stackedBars(time, "fatalities", "fatalities per time bin, stacked by kind family"), outsideNote(time, "fatalities")]
      : el("p", { class: "muted no-fatalities" }, "The events report no fatalities."));
}

let lists = null;
let current = null;

function drawLists() {
  if (!lists || !current) return;
  const stats = current;
  const withCountry = (cc) => stats.countries.find((c) => c.country_code === cc)?.country || cc || "no country";
  const countries = stats.countries.map((c) => ({ key: c.country_code || "", label: c.country || c.country_code || "No country", events: c.events, fatalities: c.fatalities }));
  const provinces = stats.admin1.map((a) => ({
    key: `${a.country_code || ""}|${a.admin1 || ""}`, events: a.events, fatalities: a.fatalities,
    label: a.admin1 ? `${a.admin1}, ${withCountry(a.country_code)}` : `${withCountry(a.country_code)} (no province)`,
  }));
  const ranked = stats.actors[measure];
  const actors = ranked.items.map((a) => ({
    key: a.name || "", events: a.events, fatalities: a.fatalities,
    label: a.name || "No actor named", href: a.name ? `/views?${new URLSearchParams({ ...Object.fromEntries(params), actor: a.name })}` : null,
  }));
  const by = measure === "events" ? "events" : "fatalities";
  fill(lists,
    el("section", { class: "rank-box countries" }, el("h2", {}, "By country"), rankedList(countries, measure, { name: "countries" })),
    el("section", { class: "rank-box provinces" }, el("h2", {}, "By province (admin1)"), rankedList(provinces, measure, { name: "provinces" })),
    el("section", { class: "rank-box actors" }, el("h2", {}, "By actor (actor1)"),
      el("p", { class: "muted" }, `The 15 with most ${by}, as the data names them; click one to filter by it.`),
      rankedList(actors, measure, { others: ranked.others, name: "actors" })));
}

async function render() {
  const stats = await getJSON(twinUrl());
  current = stats;
  lists = el("div", { class: "rank-grid" });
  const mapBox = el("section", { class: "map-box" });
  show(
    filterBar(),
    el("h1", {}, "Views"),
    el("p", { class: "summary" }, el("strong", { class: "total", dataset: { total: String(stats.total) } }, plural(stats.total, "event")),
      ` · ${plural(stats.fatalities, "fatality", "fatalities")} reported · `, el("span", { class: "muted" }, filterWords())),
    timeSection(stats),
    lists,
    el("section", { class: "choropleth" }, el("h2", {}, "Events per province"), mapBox),
  );
  drawLists();
  await choropleth(mapBox, stats.admin1, new Map(stats.countries.map((c) => [c.country_code, c.country])));
}

followList(render).catch(fail);
