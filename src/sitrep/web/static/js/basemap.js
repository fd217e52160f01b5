// The offline basemap, all served from the package: country borders (Natural Earth via
// world-atlas), the lines between provinces and states (Natural Earth admin-1, simplified by
// build_basemap.py) from zoom 4, and the names of populated places (GeoNames, from the
// gazetteer) that appear as one zooms in, capitals first, never overlapping. Online tiles
// only when the page is given a tile URL (`data-tiles` or `window.SITREP_TILES`).
// Nothing here takes a click: the markers above stay clickable. Names go in as text.
/* global L, topojson */

const VENDOR = "/static/vendor";
const ADMIN1_FROM = 4; // below this zoom provinces are noise
const LABEL_FONT = { capital: [700, 13], big: [600, 12], town: [400, 11] };
const DOT = 6; // the place's dot, px
const GAP = 3; // between the dot and the name, px
const SPACE = 3; // kept free around each label, px
// How far past the view the vector layers are drawn (a share of its size): a drag of up to
// that much shows no blank edge before Leaflet redraws them when the map stops.
const PADDING = 0.5;

/** A pane of its own at `z` (Leaflet: tiles 200, overlays 400, markers 600), never hit by the pointer. */
function pane(map, name, z) {
  const node = map.getPane(name) || map.createPane(name);
  node.style.zIndex = String(z);
  node.style.pointerEvents = "none";
  return node;
}

/**
 * Chromium keeps a stale, partial raster of a large SVG when a zoom animation starts right
 * after it is drawn: the control page drew the borders at zoom 3 and flew to its places (zoom
 * 7), and most of the basemap stayed unpainted, cut to a rectangle that a drag then showed
 * elsewhere (control.js now sets its first view without an animation; a reader's zooms still
 * animate). Leaflet's stylesheet gives every renderer SVG `will-change: transform`, which is
 * what pins that raster; the basemap's SVGs go without the hint: still moved and scaled the
 * same way, only rasterized afresh when they change.
 */
function freshRaster(renderer) {
  const fix = () => { if (renderer._container) renderer._container.style.willChange = "auto"; };
  renderer.on("add", fix);
  fix();
  return renderer;
}

/** Add the basemap under everything else on `map`; resolves once the country borders are drawn. */
export async function addBasemap(map) {
  const state = { map, ready: null };
  window.sitrepBasemap = state; // for the browser tests and the console
  pane(map, "basemap", 250).classList.add("basemap-pane");
  pane(map, "basemap-admin1", 260);
  pane(map, "basemap-labels", 450);
  const response = await fetch(`${VENDOR}/countries-50m.json`);
  const topo = await response.json();
  const countries = topojson.feature(topo, topo.objects.countries);
  L.geoJSON(countries, {
    pane: "basemap",
    renderer: freshRaster(L.svg({ pane: "basemap", padding: PADDING })),
    interactive: false,
    style: (f) => ({
      className: `country c-${String(f.id || "").replace(/[^0-9A-Za-z]/g, "")}`,
      color: "#7d8a99",
      weight: 0.6,
      fillColor: "#f3f1ea",
      fillOpacity: 1,
    }),
  }).addTo(map);
  if (map.attributionControl) {
    map.attributionControl.addAttribution("Borders, provinces: Natural Earth · Places: GeoNames (CC BY 4.0)");
  }
  const tiles = tileLayer(map);
  if (tiles) state.tiles = tiles.addTo(map);
  // Provinces and names are fetched and drawn once the page has put its own data on the map
  // (it marks <body data-ready>) and the browser is idle: their 2 MB never delay that, nor
  // the page's own requests.
  state.ready = pageReady().then(idle).then(() => addDetail(map, state)).then(() => { map.getContainer().dataset.basemap = "ready"; });
  state.ready.catch((e) => console.error("basemap", e));
}

/** Resolves after the next frame is painted. */
function nextFrame() {
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
}

/** Resolves when the browser has a moment with nothing else to do (at most `wait` ms later). */
function idle(wait = 1000) {
  return new Promise((resolve) => (window.requestIdleCallback ? requestIdleCallback(() => resolve(), { timeout: wait }) : setTimeout(resolve, 50)));
}

/** Resolves when <body data-ready> is set (or after a few seconds, for a page that never sets it). */
function pageReady(wait = 5000) {
  return new Promise((resolve) => {
    if (document.body.dataset.ready) { resolve(); return; }
    const watch = new MutationObserver(() => { if (document.body.dataset.ready) done(); });
    const timer = setTimeout(() => done(), wait);
    function done() { watch.disconnect(); clearTimeout(timer); resolve(); }
    watch.observe(document.body, { attributes: true, attributeFilter: ["data-ready"] });
  });
}

async function addDetail(map, state) {
  const [admin1, places] = await Promise.all(["admin1-lines.json", "places.json"].map(async (f) => (await fetch(`${VENDOR}/${f}`)).json()));
  state.provinces = new Provinces(admin1);
  state.labels = new PlaceLabels(places);
  const offline = L.layerGroup([state.provinces, state.labels]);
  if (!state.tiles) {
    state.provinces.addTo(map);
    await nextFrame(); // two pieces of work, a frame apart: the map stays responsive between them
    offline.addTo(map); // the names (the provinces are on already)
    return;
  }
  // With tiles the names and provinces would be drawn twice: they become the other choice.
  L.control.layers({ "Online tiles": state.tiles, "Offline names and provinces": offline }, null, { position: "topleft" }).addTo(map);
}

/** The lines between provinces, each shown from the zoom where its areas are big enough. */
const Provinces = L.Layer.extend({
  initialize(topo) {
    // Decoded one zoom at a time, when first needed: a world view needs none of them.
    this._byZoom = topo.objects.admin1.geometries.map((g) => [g.properties.z, null, () => topojson.feature(topo, g)]);
    this._renderer = freshRaster(L.svg({ pane: "basemap-admin1", padding: PADDING }));
  },
  onAdd(map) {
    map.on("zoomend", this._update, this);
    this._update();
  },
  onRemove(map) {
    map.off("zoomend", this._update, this);
    for (const entry of this._byZoom) if (entry[1]) map.removeLayer(entry[1]);
  },
  _update() {
    const map = this._map;
    const zoom = map.getZoom();
    for (const entry of this._byZoom) {
      const [z, layer, shape] = entry;
      const wanted = zoom >= Math.max(z, ADMIN1_FROM);
      if (wanted && !layer) {
        entry[1] = L.geoJSON(shape(), {
          pane: "basemap-admin1", renderer: this._renderer, interactive: false,
          style: { className: "admin1", color: "#8b95a3", weight: 0.8, opacity: 0.9, dashArray: "4 3", fill: false },
        });
      }
      if (entry[1] && wanted !== map.hasLayer(entry[1])) {
        if (wanted) entry[1].addTo(map); else map.removeLayer(entry[1]);
      }
    }
  },
});

/** Boxes ({x, y, w, h}, container pixels) in a coarse grid, to ask fast what a new box would hit. */
class Boxes {
  constructor(cell = 64) { this.cell = cell; this.cells = new Map(); }
  _keys(b, pad) {
    const c = this.cell;
    const keys = [];
    for (let i = Math.floor((b.x - pad) / c); i <= Math.floor((b.x + b.w + pad) / c); i++) {
      for (let j = Math.floor((b.y - pad) / c); j <= Math.floor((b.y + b.h + pad) / c); j++) keys.push(`${i},${j}`);
    }
    return keys;
  }
  add(b) { for (const k of this._keys(b, 0)) { if (!this.cells.has(k)) this.cells.set(k, []); this.cells.get(k).push(b); } }
  hits(b, pad = 0) {
    return this._keys(b, pad).some((k) => (this.cells.get(k) || []).some((o) =>
      b.x < o.x + o.w + pad && o.x < b.x + b.w + pad && b.y < o.y + o.h + pad && o.y < b.y + b.h + pad));
  }
}

/**
 * Names of populated places, most important first (the file's order: capitals, then by
 * population); each from its own zoom, placed greedily (right of its dot, else left, above,
 * below) where it overlaps no name, no dot and no marker already there, at most `cap` to a
 * view. Plain DOM text in a pane under the markers, hidden while a zoom animates and placed
 * again when the map stops or the markers change.
 */
const PlaceLabels = L.Layer.extend({
  initialize(data) {
    const at = Object.fromEntries(data.fields.map((f, i) => [f, i]));
    this._places = data.places.map((r) => ({
      name: String(r[at.name]), lat: +r[at.lat], lon: +r[at.lon], zoom: +r[at.zoom], capital: r[at.capital] === 1,
    }));
    this._widths = new Map();
    this._nodes = [];
  },
  onAdd(map) {
    this._box = L.DomUtil.create("div", "place-labels leaflet-zoom-hide", map.getPane("basemap-labels"));
    this._box.setAttribute("aria-hidden", "true"); // the names are a picture of the map, not content
    const family = getComputedStyle(map.getContainer()).fontFamily || "sans-serif";
    this._fonts = Object.fromEntries(Object.entries(LABEL_FONT).map(([k, [w, px]]) => [k, { css: `${w} ${px}px ${family}`, px }]));
    map.on("moveend resize viewreset", this._schedule, this);
    // Markers come and go (clusters split and merge, the page follows the database): names move off them.
    this._watch = new MutationObserver(() => {
      clearTimeout(this._later);
      this._later = setTimeout(() => this._schedule(), 120);
    });
    this._watch.observe(map.getPane("markerPane"), { childList: true, subtree: true, attributeFilter: ["style"] });
    this._draw();
  },
  onRemove(map) {
    map.off("moveend resize viewreset", this._schedule, this);
    this._watch.disconnect();
    clearTimeout(this._later);
    L.DomUtil.remove(this._box);
    this._nodes = [];
  },
  _schedule() {
    if (this._pending) return;
    this._pending = requestAnimationFrame(() => { this._pending = null; if (this._map) this._draw(); });
  },
  _style(p) {
    return p.capital ? "capital" : p.zoom <= 5 ? "big" : "town";
  },
  _width(text, font) {
    const key = `${font.css}|${text}`;
    let w = this._widths.get(key);
    if (w === undefined) {
      this._ctx = this._ctx || document.createElement("canvas").getContext("2d");
      this._ctx.font = font.css;
      w = Math.ceil(this._ctx.measureText(text).width) + 1;
      this._widths.set(key, w);
    }
    return w;
  },
  /**
   * The marker icons on the map, as boxes in container pixels: where Leaflet put them
   * (DomUtil.getPosition), not where a cluster animation has them in passing.
   */
  _markers() {
    const map = this._map;
    const out = [];
    for (const node of map.getPane("markerPane").children) {
      const at = L.DomUtil.getPosition(node);
      if (!at || !node.offsetWidth) continue;
      const pt = map.layerPointToContainerPoint(at);
      const x = pt.x + (parseFloat(node.style.marginLeft) || 0);
      const y = pt.y + (parseFloat(node.style.marginTop) || 0);
      out.push({ x, y, w: node.offsetWidth, h: node.offsetHeight });
    }
    return out;
  },
  /** The names to show in this view: {p, style, text box, dot (null when a marker covers the place)}. */
  _choose() {
    const map = this._map;
    const zoom = map.getZoom();
    const size = map.getSize();
    const bounds = map.getBounds();
    const [west, east, south, north] = [bounds.getWest(), bounds.getEast(), bounds.getSouth(), bounds.getNorth()];
    const cap = Math.max(20, Math.min(150, Math.round((size.x * size.y) / 7000)));
    const markers = this._markers();
    const blocked = new Boxes();
    for (const m of markers) blocked.add(m);
    const taken = new Boxes(); // names and dots placed so far
    const inside = (b) => b.x >= 0 && b.y >= 0 && b.x + b.w <= size.x && b.y + b.h <= size.y;
    const chosen = [];
    for (const p of this._places) {
      if (p.zoom > zoom || p.lat < south || p.lat > north) continue;
      // The world repeats sideways: the copy of the place that is in view, if any.
      const lon = [p.lon, p.lon - 360, p.lon + 360].find((x) => x >= west && x <= east);
      if (lon === undefined) continue;
      const pt = map.latLngToContainerPoint([p.lat, lon]);
      if (pt.x < 0 || pt.y < 0 || pt.x > size.x || pt.y > size.y) continue;
      const style = this._style(p);
      const font = this._fonts[style];
      const h = font.px + 4;
      const w = this._width(p.name, font);
      // A marker on the place: the name goes beside the marker, and the dot under it is left out.
      const under = markers.find((m) => pt.x >= m.x && pt.x <= m.x + m.w && pt.y >= m.y && pt.y <= m.y + m.h);
      const dot = under ? null : { x: pt.x - DOT / 2, y: pt.y - DOT / 2, w: DOT, h: DOT };
      const a = under || { x: dot.x - GAP + 1, y: dot.y - 1, w: DOT + 2 * GAP - 2, h: DOT + 2 };
      const spots = [
        { x: a.x + a.w + 1, y: pt.y - h / 2 }, { x: a.x - 1 - w, y: pt.y - h / 2 },
        { x: pt.x - w / 2, y: a.y - h }, { x: pt.x - w / 2, y: a.y + a.h },
      ];
      if (dot && taken.hits(dot, 1)) continue;
      const spot = spots.map((s) => ({ x: Math.round(s.x), y: Math.round(s.y), w, h }))
        .find((b) => inside(b) && !taken.hits(b, SPACE) && !blocked.hits(b, 1));
      if (!spot) continue;
      taken.add(spot);
      if (dot) taken.add(dot);
      chosen.push({ p, style, box: spot, dot });
      if (chosen.length >= cap) break;
    }
    return chosen;
  },
  _draw() {
    const map = this._map;
    const chosen = this._choose();
    while (this._nodes.length < chosen.length) this._nodes.push(this._makeNodes());
    this._nodes.forEach(([label, dot], i) => {
      const c = chosen[i];
      label.style.display = c ? "" : "none";
      dot.style.display = c && c.dot ? "" : "none";
      if (!c) return;
      const font = this._fonts[c.style];
      label.className = `place-label ${c.style}`;
      label.textContent = c.p.name; // text, never markup
      Object.assign(label.style, { font: font.css, lineHeight: `${c.box.h}px`, width: `${c.box.w}px`, height: `${c.box.h}px` });
      L.DomUtil.setPosition(label, map.containerPointToLayerPoint([c.box.x, c.box.y]));
      if (c.dot) {
        dot.style.background = c.style === "capital" ? "#1d232b" : "#5d6875";
        L.DomUtil.setPosition(dot, map.containerPointToLayerPoint([c.dot.x, c.dot.y]));
      }
    });
    this._box.dataset.count = String(chosen.length);
    // What is named now, for the browser tests and the console.
    this.shown = chosen.map(({ p }) => ({ name: p.name, lat: p.lat, lon: p.lon, capital: p.capital }));
  },
  _makeNodes() {
    const label = L.DomUtil.create("div", "place-label", this._box);
    Object.assign(label.style, {
      position: "absolute", left: "0", top: "0", boxSizing: "border-box", whiteSpace: "nowrap",
      textAlign: "center", color: "#1d232b", pointerEvents: "none",
      textShadow: "0 0 2px #fff, 0 0 2px #fff, 0 0 3px #fff, 0 0 4px #f3f1ea",
    });
    const dot = L.DomUtil.create("div", "place-dot", this._box);
    Object.assign(dot.style, {
      position: "absolute", left: "0", top: "0", width: `${DOT}px`, height: `${DOT}px`, boxSizing: "border-box",
      borderRadius: "50%", border: "1px solid #fff", pointerEvents: "none",
    });
    return [label, dot];
  },
});

/**
 * The tile layer the page asks for, if any: `window.SITREP_TILES` or a `data-tiles` attribute
 * (on <html>, <body> or any element of the page), as a URL template `https://host/{z}/{x}/{y}.png` or,
 * from `window.SITREP_TILES`, `{url, attribution, maxZoom, subdomains}`. Never by default.
 */
function tileLayer(map) {
  const holder = document.querySelector("[data-tiles]");
  const given = window.SITREP_TILES ?? (holder && holder.dataset.tiles);
  if (!given) return null;
  const conf = typeof given === "string" ? { url: given } : given;
  const url = String(conf.url || "");
  let parsed = null;
  try { parsed = new URL(url.replace(/\{[a-z]+\}/g, "0"), location.href); } catch { parsed = null; }
  if (!parsed || !/^https?:$/.test(parsed.protocol) || !["{z}", "{x}", "{y}"].every((k) => url.includes(k))) {
    console.error("basemap: ignoring tile URL (http(s), with {z}, {x} and {y}):", url);
    return null;
  }
  // Leaflet writes attributions as HTML: the configured text goes in with every markup character escaped.
  const text = String(conf.attribution || parsed.host || "tiles").replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
  pane(map, "basemap-tiles", 255); // over the country fills (the fallback when tiles fail), under the rest
  return L.tileLayer(url, {
    pane: "basemap-tiles",
    attribution: text,
    maxZoom: Number(conf.maxZoom) || 19,
    subdomains: conf.subdomains || "abc",
    crossOrigin: false,
  });
}
