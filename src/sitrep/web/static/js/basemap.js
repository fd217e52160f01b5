// The offline basemap: Natural Earth country borders (world-atlas, vendored) as SVG paths.
/* global L, topojson */

/** Add country borders under everything else on `map`; resolves when drawn. */
export async function addBasemap(map) {
  const response = await fetch("/static/vendor/countries-50m.json");
  const topo = await response.json();
  const countries = topojson.feature(topo, topo.objects.countries);
  const pane = map.createPane("basemap");
  pane.classList.add("basemap-pane");
  L.geoJSON(countries, {
    pane: "basemap",
    interactive: false,
    style: (f) => ({
      className: `country c-${String(f.id || "").replace(/[^0-9A-Za-z]/g, "")}`,
      color: "#7d8a99",
      weight: 0.6,
      fillColor: "#f3f1ea",
      fillOpacity: 1,
    }),
  }).addTo(map);
  map.attributionControl.addAttribution("Borders: Natural Earth via world-atlas");
}
