"""The Views page (issue #30) in a real browser: Debian's chromium (Playwright) on a real
``sitrep serve`` over databases that ``sitrep run`` made.

What the page draws adds up: the stacked bars plus the events it says are outside them make
/api/events' total for the same filter, the ranked lists and the choropleth hold every event,
and the provinces are counted as SQL counts them. A filter changed in the address or on the
page changes every view alike; the map's header links to the views with its filter and back.
Hostile names (an actor, a province) stay text. Nothing sticks out sideways at 390 or 1400 px.
The eval set (``../shared``, read at test time, never copied) makes the richer database.
Screenshots go to ``build/screenshots/views-*.png``.
"""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest

from sitrep.api.launch import running_server
from sitrep.web import STATIC
from sitrep.web.build_areas import cut_arcs, topology
from tests.conftest import EVAL, SEEDS, need_shared, new_page
from tests.test_web import api, open_page, shot
from tests.test_web_layout import overflow

HOSTILE_ACTOR = '<img src=x onerror="window.__pwned = 1">Militia'
HOSTILE_ADMIN1 = "<script>window.__pwned = 2</script>Province"
HOSTILE_ARTICLE = {
    "id": "hostile-views",
    "title": '<script>window.__pwned = 3</script> Herat <img src=x onerror="window.__pwned = 4">',
    "outlet": "<b>Outlet</b>",
    "published": "2021-08-13",
    "text": "The Taliban captured Herat on Thursday, residents said.\n\n"
    "Fighters attacked a police post in Kandahar on Thursday, killing three officers, officials said.",
}


def _run(db: Path, *inputs: Path) -> None:
    cmd = [sys.executable, "-m", "sitrep", "run", "--quiet", "--db", str(db), *map(str, inputs)]
    subprocess.run(cmd, check=True, capture_output=True, timeout=600)


@pytest.fixture(scope="module")
def eval_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The events eval set (45 articles: Greece, the US, Gaza, Sudan...) through ``sitrep run``."""
    db = tmp_path_factory.mktemp("views-eval") / "eval.db"
    _run(db, need_shared(EVAL / "events_articles.dev.jsonl"))
    return db


@pytest.fixture(scope="module")
def eval_site(eval_db: Path) -> Iterator[str]:
    with running_server(eval_db) as base:
        yield base


@pytest.fixture(scope="module")
def seeds_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seeds and a hostile article; then one event's actor and province made hostile."""
    tmp = tmp_path_factory.mktemp("views-seeds")
    hostile = tmp / "hostile.jsonl"
    hostile.write_text(json.dumps(HOSTILE_ARTICLE) + "\n", encoding="utf-8")
    db = tmp / "seeds.db"
    _run(db, need_shared(SEEDS), hostile)
    with sqlite3.connect(db) as conn:
        conn.execute(
            "UPDATE consolidated_events SET actor1 = ?, admin1 = ? WHERE id = (SELECT min(id) FROM consolidated_events)",
            (HOSTILE_ACTOR, HOSTILE_ADMIN1),
        )
    return db


@pytest.fixture(scope="module")
def seeds_site(seeds_db: Path) -> Iterator[str]:
    with running_server(seeds_db) as base:
        yield base


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    p = new_page(browser, 1400, 900)
    yield p
    p.close()


def open_views(page: Any, url: str) -> None:
    """Open the Views page and wait for its choropleth."""
    open_page(page, url)
    page.wait_for_selector("#views-map[data-areas]", timeout=20_000)


def drawn(page: Any) -> dict[str, Any]:
    """What the page shows, as numbers: bars, notes, lists and the map's counts."""
    found: dict[str, Any] = page.evaluate(
        """() => {
          const sum = (sel, attr) => [...document.querySelectorAll(sel)].reduce((a, n) => a + Number(n.dataset[attr]), 0);
          const fig = (m) => document.querySelector(`figure.stacked[data-measure="${m}"]`);
          const m = document.querySelector('#views-map').dataset;
          return {
            total: Number(document.querySelector('.summary .total').dataset.total),
            bars: sum('figure.stacked[data-measure="events"] rect.bar', 'value'),
            figTotal: fig('events') ? Number(fig('events').dataset.total) : null,
            deathBars: sum('figure.stacked[data-measure="fatalities"] rect.bar', 'value'),
            outside: document.querySelector('p.outside[data-measure="events"]')?.textContent || '',
            families: [...document.querySelectorAll('figure.stacked[data-measure="events"] rect.bar')].map((r) => r.dataset.family),
            countries: sum('ol.countries > li', 'events'),
            provinces: sum('ol.provinces > li', 'events'),
            actors: sum('ol.actors > li', 'events'),
            provinceRows: [...document.querySelectorAll('ol.provinces > li.item')].map((li) => [li.dataset.key, Number(li.dataset.events)]),
            areas: [...document.querySelectorAll('#views-map path.area')].map((p) => [p.dataset.cc, p.dataset.admin1, Number(p.dataset.events)]),
            map: {areas: Number(m.areas), matched: Number(m.matched), unmatched: Number(m.unmatched), countryOnly: Number(m.countryOnly)},
            bin: document.querySelector('section.time')?.dataset.bin || null,
          };
        }"""
    )
    return found


def outside_events(stats: dict[str, Any]) -> int:
    return sum(int(stats["time"][k]["events"]) for k in ("undated", "coarse", "earlier", "later"))


def assert_adds_up(page: Any, site: str, query: str) -> dict[str, Any]:
    """Every view of the page holds /api/events' total for the page's filter."""
    shown = drawn(page)
    total = api(site, f"/api/events?limit=1{'&' + query if query else ''}")["total"]
    stats = api(site, f"/api/stats{'?' + query if query else ''}")
    assert shown["total"] == total
    assert shown["bars"] == shown["figTotal"]
    assert shown["bars"] + outside_events(stats) == total, (shown["bars"], stats["time"])
    if outside_events(stats):
        assert "Not in the bars" in shown["outside"]
    assert shown["countries"] == shown["provinces"] == shown["actors"] == total
    assert shown["map"]["matched"] + shown["map"]["unmatched"] + shown["map"]["countryOnly"] == total
    return shown


def test_the_views_add_up_to_the_events_total(eval_site: str, page: Any) -> None:
    open_views(page, eval_site + "/views")
    shown = assert_adds_up(page, eval_site, "")
    assert shown["bin"] == "month" and shown["bars"] > 50
    assert len(set(shown["families"])) >= 5, "the eval set holds many kinds"
    assert shown["deathBars"] > 0
    assert shown["map"]["areas"] >= 8, "provinces of Greece, the US, Gaza, Sudan... are coloured"
    # A stacked bar's pieces take the family colours of the map's legend.
    colours = page.evaluate(
        """async () => { const { familyColour } = await import('/static/js/legend.js');
             return [...document.querySelectorAll('figure.stacked rect.bar')].slice(0, 30)
               .map((r) => [r.getAttribute('fill'), familyColour(r.dataset.family)]); }"""
    )
    assert colours and all(a == b for a, b in colours), colours
    shot(page, "views-1400")
    assert page.errors == []


def test_a_filter_changes_every_view_alike(eval_site: str, page: Any) -> None:
    open_views(page, eval_site + "/views?kind=attack")
    shown = assert_adds_up(page, eval_site, "kind=attack")
    assert set(shown["families"]) == {"attack"}
    # On the page: a status, then a date range, each a new address and the same sums.
    page.locator("select.status").select_option("single")
    page.wait_for_url("**status=single**")
    page.wait_for_selector("#views-map[data-areas]")
    assert_adds_up(page, eval_site, "kind=attack&status=single")
    open_views(page, eval_site + "/views?start=2008-12-01&end=2009-01-31")
    shown = assert_adds_up(page, eval_site, "start=2008-12-01&end=2009-01-31")
    assert shown["bin"] == "day"
    assert page.locator("input.start").input_value() == "2008-12-01"
    page.locator("input.end").fill("2008-12-31")
    page.locator("input.end").dispatch_event("change")
    page.wait_for_url("**end=2008-12-31**")
    page.wait_for_selector("#views-map[data-areas]")
    narrower = assert_adds_up(page, eval_site, "start=2008-12-01&end=2008-12-31")
    assert narrower["total"] < shown["total"]
    # Ranked by fatalities: the same rows, another order.
    page.locator("select.rank").select_option("fatalities")
    deaths = page.locator("ol.countries > li.item").evaluate_all("(ls) => ls.map((l) => Number(l.dataset.fatalities))")
    assert deaths == sorted(deaths, reverse=True)
    assert page.errors == []


def test_province_counts_match_sql(eval_site: str, eval_db: Path, page: Any) -> None:
    open_views(page, eval_site + "/views?layer=all")
    shown = assert_adds_up(page, eval_site, "layer=all")
    with sqlite3.connect(eval_db) as conn:
        rows = conn.execute("SELECT country_code, coalesce(admin1, ''), count(*) FROM consolidated_events GROUP BY 1, 2").fetchall()
    sql = {f"{cc}|{a1}": n for cc, a1, n in rows}
    for key, n in shown["provinceRows"]:
        assert sql[key] == n, key
    # Each coloured area holds the events of the provinces it stands for.
    assert shown["areas"]
    for cc, names, n in shown["areas"]:
        assert n == sum(sql[f"{cc}|{name}"] for name in names.split("|")), (cc, names)
    with_province = sum(n for k, n in sql.items() if not k.endswith("|"))
    assert shown["map"]["matched"] + shown["map"]["unmatched"] == with_province
    # A province no area stands for is named under the map, never dropped silently.
    if shown["map"]["unmatched"]:
        assert page.locator(".unmatched-note").is_visible()
    assert page.errors == []


def test_hostile_names_stay_text(seeds_site: str, page: Any) -> None:
    open_views(page, seeds_site + "/views")
    assert page.evaluate("() => window.__pwned") is None
    assert page.locator("ol.actors").inner_text().count("Militia") >= 1
    actors = page.locator("ol.actors li .name").all_inner_texts()
    assert HOSTILE_ACTOR in actors
    provinces = page.locator("ol.provinces li .name").all_inner_texts()
    assert any(HOSTILE_ADMIN1 in p for p in provinces)
    assert page.locator("main img, main script").count() == 0
    assert HOSTILE_ADMIN1 in page.locator(".unmatched-note").inner_text()
    assert_adds_up(page, seeds_site, "")
    # The hostile actor as a filter: a link to the views of its events, still text.
    page.locator("ol.actors a", has_text="Militia").click()
    page.wait_for_selector("#views-map[data-areas]")
    assert parse_qs(urlsplit(page.url).query)["actor"] == [HOSTILE_ACTOR]
    assert drawn(page)["total"] == 1
    assert page.evaluate("() => window.__pwned") is None
    assert page.errors == [] and page.dialogs == []


@pytest.mark.parametrize(("width", "height"), [(390, 844), (1400, 900)], ids=["390x844", "1400x900"])
def test_nothing_sticks_out_sideways(eval_site: str, browser: Any, width: int, height: int) -> None:
    page = browser.new_page(viewport={"width": width, "height": height})
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    open_views(page, eval_site + "/views?layer=all")
    page.wait_for_timeout(300)
    assert overflow(page) == []
    bars = page.locator("figure.stacked").first.bounding_box()
    assert bars and bars["width"] <= width
    if width < 400:
        shot(page, "views-390")
    assert errors == []
    page.close()


def test_the_map_links_to_its_views_and_back(seeds_site: str, page: Any) -> None:
    open_page(page, seeds_site + "/")
    link = page.locator('header nav a[href^="/views"]')
    assert link.get_attribute("href") == "/views"
    family = api(seeds_site, "/api/stats")["time"]["families"][0]
    page.locator("select.family").select_option(family)
    page.locator("select.status").select_option("single")
    href = link.get_attribute("href")
    assert parse_qs(urlsplit(href).query) == {"kind": [family], "status": ["single"]}
    link.click()
    page.wait_for_selector("#views-map[data-areas]")
    shown = assert_adds_up(page, seeds_site, f"kind={family}&status=single")
    assert set(shown["families"]) <= {family}
    back = page.locator("a.to-map")
    assert parse_qs(urlsplit(back.get_attribute("href")).query) == {"kind": [family], "status": ["single"]}
    assert page.locator('header nav a:text-is("Map")').get_attribute("href") == back.get_attribute("href")
    back.click()
    page.wait_for_selector("body[data-ready='1']")
    points = api(seeds_site, f"/api/points?kind={family}&status=single")
    assert page.locator("#map").get_attribute("data-visible") == str(len(points["rows"]))
    assert page.errors == []


# -- the areas' topology (build_areas), on small shapes ----------------------------------------


def _square(x: float, y: float) -> list[tuple[float, float]]:
    return [(x, y), (x + 1, y), (x + 1, y + 1), (x, y + 1), (x, y)]


def test_neighbours_share_one_arc() -> None:
    arcs, rings = cut_arcs([_square(0, 0), _square(1, 0)])
    shared = [i for i in rings[0] if (~i if i < 0 else i) in {~j if j < 0 else j for j in rings[1]}]
    assert len(shared) == 1, (arcs, rings)
    assert sorted(arcs[~shared[0] if shared[0] < 0 else shared[0]]) == [(1, 0), (1, 1)]
    # An island alone is one closed arc.
    arcs, rings = cut_arcs([_square(5, 5)])
    assert len(arcs) == 1 and arcs[0][0] == arcs[0][-1]


def test_areas_topology_names_each_area() -> None:
    areas = {("AA", "West"): [[_square(0, 0)]], ("AA", "East"): [[_square(1, 0)]]}
    topo = topology(areas, "test", also={("AA", "East"): {"Far East", "=Oriente"}})
    props = [g["properties"] for g in topo["objects"]["admin1"]["geometries"]]
    assert {"cc": "AA", "name": "East", "also": ["Far East"], "ne": "Oriente"} in props
    assert {"cc": "AA", "name": "West"} in props
    assert len(topo["arcs"]) == 3  # the shared side once, and each square's other three sides


def test_shipped_areas_are_small_and_name_the_provinces() -> None:
    path = STATIC / "vendor" / "admin1-areas.json"
    assert path.stat().st_size < 1_500_000
    topo = json.loads(path.read_text(encoding="utf-8"))
    names = {(g["properties"]["cc"], g["properties"]["name"]) for g in topo["objects"]["admin1"]["geometries"]}
    assert len(names) > 3000
    for province in ("Kandahar", "Kabul", "Herat", "Ghazni", "Helmand"):
        assert ("AF", province) in names
    assert ("GR", "Attica") in names and ("PS", "Gaza Strip") in names
