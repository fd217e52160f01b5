// The control view: who holds which place on a chosen day, by whose account, on a map and in
// a table. Laid out like the map page (layout.js): the map sized to its box, the table in a
// side panel that is a drawer on narrow screens.
/* global L */
import { addBasemap } from "./basemap.js";
import { el, enc, fail, getJSON, show, twinUrl } from "./dom.js";
import { keepSized, sidePanel } from "./layout.js";

const PALETTE = ["#c0392b", "#2471a3", "#27ae60", "#8e44ad", "#d35400", "#16a085", "#7d6608", "#2c3e50"];

async function main() {
  const params = new URLSearchParams(location.search);
  const data = await getJSON(twinUrl());
  const mapBox = el("div", { id: "map" });
  const dayInput = el("input", { type: "date", value: data.on || "", "aria-label": "day" });
  const form = el("form", { class: "day" }, el("label", {}, "Who holds what on ", dayInput), el("button", { type: "submit" }, "Show"));
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    params.set("on", dayInput.value);
    location.search = params.toString();
  });
  const holders = [...new Set(data.places.map((p) => p.holder || "unknown"))].sort();
  const colour = (h) => PALETTE[holders.indexOf(h || "unknown") % PALETTE.length];
  const side = el("aside", { class: "side" }, el("div", { class: "side-body" },
    el("h1", {}, data.on ? `Control on ${data.on}` : "No control changes known"),
    el("p", { class: "legend" }, holders.map((h) => el("span", {}, el("span", { class: "sw", dataset: { holder: h } }), h))),
    el("table", { class: "control" },
      el("thead", {}, el("tr", {}, el("th", {}, "Place"), el("th", {}, "Held by"), el("th", {}, "Since"), el("th", {}, "By whose account"))),
      el("tbody", {}, data.places.map((p) => el("tr", {},
        el("td", {}, (p.place && p.place.name) || p.place_key),
        el("td", {}, p.holder || "?", p.lost_by ? el("div", { class: "muted" }, `from ${p.lost_by}`) : null),
        el("td", {}, p.since || "", el("div", { class: "muted" }, p.since_precision || "")),
        el("td", {}, (p.sources || []).join(", "), el("div", {}, el("a", { href: `/events/${enc(p.event_id)}` }, `${p.kind} (${p.status}, ${p.modality})`)))))))));
  const filters = el("div", { class: "filters" }, form);
  const main = show(filters, mapBox, side);
  const panel = sidePanel(main, side, { label: (open) => (open ? "Hide table" : `Table · ${data.places.length} places`) });
  filters.append(panel.button);
  // Legend swatches take their colour from the palette through the CSSOM (no inline style markup).
  for (const sw of side.querySelectorAll(".sw")) sw.style.background = colour(sw.dataset.holder);
  const map = L.map(mapBox, { minZoom: 2, maxZoom: 12, zoomSnap: 0.5 }).setView([30, 40], 3);
  window.sitrepMap = map; // for the browser tests and the console
  keepSized(map);
  const located = data.places.filter((p) => p.place && p.place.lat !== null && p.place.lat !== undefined);
  // The first view is set without an animation and before the borders are drawn: an animated
  // zoom right after drawing them left parts of the basemap unpainted in Chromium.
  if (located.length) {
    map.fitBounds(L.latLngBounds(located.map((p) => [p.place.lat, p.place.lon])).pad(0.3), { maxZoom: 7, animate: false });
  }
  for (const p of located) {
    const title = `${p.place.name}: ${p.holder || "?"} since ${p.since || "?"}`;
    const marker = L.marker([p.place.lat, p.place.lon], {
      icon: L.divIcon({ className: "holder", iconSize: [14, 14] }), title, alt: title,
    }).addTo(map);
    marker.getElement().style.background = colour(p.holder);
    marker.on("click", () => { location.href = `/events/${enc(p.event_id)}`; });
  }
  await addBasemap(map);
  document.body.dataset.ready = "1";
}

main().catch(fail);
