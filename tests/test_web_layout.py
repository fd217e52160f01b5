"""The map pages' layout (issue #30) in a real browser: Debian's chromium (Playwright) on a
real ``sitrep serve`` over a database that ``sitrep run`` made of the seed articles.

From a phone (390 px) to a wide screen (1400 px): nothing sticks out sideways, the map keeps
most of the height and Leaflet's idea of its size is the box's, the side panel is a drawer on
narrow screens; every kind family has a colour and a glyph in the legend; the event list
holds no stray "null"; the export links carry the page's filters. The timeline test runs on
its own corpus, written at test time: articles of the shared events eval set (read from
``../shared``, never copied into the repository) and one article from 1946.
Screenshots go to ``build/screenshots/layout-*.png``.
"""

from __future__ import annotations

import csv
import io
import json
import re
import subprocess
import sys
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, quote, urlsplit

import pytest

from sitrep.api.launch import running_server
from tests.conftest import EVAL, SEEDS, need_shared, new_page
from tests.test_web import ROOT, SHOTS, api, open_page

NARROW = ((390, 844), (800, 900))
# The 1946 article: one capture, dated to the day, decades before the rest of its corpus.
OLD = {
    "id": "tabriz-1946",
    "title": "Iranian army enters Tabriz",
    "outlet": "Archive",
    "published": "1946-05-01",
    "text": "Iranian troops captured the city of Tabriz on Wednesday, May 1, 1946, officials said.\n\n"
    "The army took control of the government buildings in the city, residents told reporters. "
    "Shops stayed closed and the streets were quiet in the evening, they said.",
}


def _run(db: Path, *inputs: Path) -> None:
    cmd = [sys.executable, "-m", "sitrep", "run", "--quiet", "--db", str(db), *map(str, inputs)]
    subprocess.run(cmd, check=True, capture_output=True, timeout=600)


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """``sitrep serve`` over a database of the seed articles made by ``sitrep run``."""
    db = tmp_path_factory.mktemp("layout") / "seeds.db"
    _run(db, need_shared(SEEDS))
    with running_server(db) as base:
        yield base


@pytest.fixture(scope="module")
def outlier_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A week of Gaza reporting from January 2009 (the events eval set) and one article from 1946."""
    tmp = tmp_path_factory.mktemp("outlier")
    source = need_shared(EVAL / "events_articles.dev.jsonl").read_text(encoding="utf-8").splitlines()
    gaza = [line for line in source if re.fullmatch(r"ecb\+/41_\d+ecb", json.loads(line)["id"])]
    assert len(gaza) >= 5, "the events eval set should hold the Gaza school shelling articles"
    corpus = tmp / "corpus.jsonl"
    corpus.write_text("\n".join([*gaza, json.dumps(OLD)]) + "\n", encoding="utf-8")
    db = tmp / "outlier.db"
    _run(db, corpus)
    with running_server(db) as base:
        yield base


def shot(page: Any, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"layout-{name}.png"))


def overflow(page: Any) -> list[str]:
    """What sticks out of the viewport sideways: the document's width, then each visible element's right edge."""
    found: list[str] = page.evaluate(
        """() => {
          const out = [];
          const w = window.innerWidth;
          if (document.documentElement.scrollWidth > w) out.push(`document ${document.documentElement.scrollWidth} > ${w}`);
          for (const node of document.querySelectorAll('body *')) {
            const r = node.getBoundingClientRect();
            if (!r.width || !r.height) continue;
            if (node.closest('.leaflet-pane, svg.sprite')) continue;  // map content pans under the box that clips it
            if (!node.checkVisibility({visibilityProperty: true, contentVisibilityAuto: true})) continue;
            if (r.right > w + 0.5) out.push(`${node.tagName}.${node.className.baseVal ?? node.className} right ${r.right} > ${w}`);
          }
          return out;
        }"""
    )
    return found


def map_box(page: Any) -> dict[str, Any]:
    box: dict[str, Any] = page.evaluate(
        """() => {
          const m = window.sitrepMap, node = m.getContainer(), r = node.getBoundingClientRect(), size = m.getSize();
          const t = document.querySelector('.timeline');
          return {top: r.top, bottom: r.bottom, height: r.height, client: [node.clientWidth, node.clientHeight],
                  leaflet: [size.x, size.y], timelineTop: t ? t.getBoundingClientRect().top : null,
                  viewport: [innerWidth, innerHeight]};
        }"""
    )
    return box


def drawer_shown(page: Any) -> bool:
    shown: bool = page.evaluate(
        """() => {
          const side = document.querySelector('.side'), r = side.getBoundingClientRect(), s = getComputedStyle(side);
          return s.display !== 'none' && s.visibility !== 'hidden' && r.width > 0 && r.left < innerWidth - 10 && r.right <= innerWidth + 0.5;
        }"""
    )
    return shown


def open_menu(page: Any, name: str) -> None:
    """Open a drop-down of the filters bar (a click elsewhere may have closed it)."""
    if not page.locator(f"details.{name}").evaluate("(n) => n.open"):
        page.locator(f"details.{name} > summary").click()


def settle(page: Any) -> None:
    page.wait_for_timeout(450)  # the drawer's slide (0.2 s) and a frame for the map's size check


@pytest.mark.parametrize(("width", "height"), NARROW, ids=[f"{w}x{h}" for w, h in NARROW])
def test_narrow_screens_keep_the_map_and_put_the_list_in_a_drawer(site: str, browser: Any, width: int, height: int) -> None:
    page = new_page(browser, width, height)
    open_page(page, site + "/")
    settle(page)
    assert overflow(page) == []
    box = map_box(page)
    assert box["height"] >= 0.6 * height, box
    assert box["leaflet"] == box["client"], box
    assert not drawer_shown(page), "the drawer starts closed on a narrow screen"
    toggle = page.locator("button.panel-toggle")
    assert toggle.get_attribute("aria-expanded") == "false"
    if width < 400:
        shot(page, f"map-{width}")
    toggle.click()
    settle(page)
    assert drawer_shown(page) and toggle.get_attribute("aria-expanded") == "true"
    assert page.locator(".side .event-list li").count() >= 1
    assert overflow(page) == []
    if width < 400:
        shot(page, f"drawer-{width}")
    page.locator(".side .drawer-close").click()
    settle(page)
    assert not drawer_shown(page)
    # A marker chosen on the map opens the drawer on its evidence; Escape closes it.
    toggle.click()
    settle(page)
    page.locator(".side .event-list li button").first.click()
    page.wait_for_selector(".side .event-panel")
    settle(page)
    assert drawer_shown(page) and overflow(page) == []
    if width < 400:
        shot(page, f"event-{width}")
    page.keyboard.press("Escape")
    settle(page)
    assert not drawer_shown(page)
    assert map_box(page)["leaflet"] == map_box(page)["client"]
    # The control page is laid out the same way.
    open_page(page, site + "/control?on=2021-08-12")
    settle(page)
    assert overflow(page) == []
    box = map_box(page)
    assert box["height"] >= 0.6 * height and box["leaflet"] == box["client"], box
    assert not drawer_shown(page)
    page.locator("button.panel-toggle").click()
    settle(page)
    assert drawer_shown(page) and page.locator("table.control tbody tr").count() >= 1
    assert overflow(page) == []
    if width < 400:
        shot(page, f"control-{width}")
    assert page.errors == []
    page.close()


def test_the_list_pages_fit_a_phone(site: str, browser: Any) -> None:
    event = api(site, "/api/events?limit=1")["items"][0]["id"]
    story = api(site, "/api/stories?limit=1")["items"][0]["id"]
    article = api(site, "/api/articles?limit=1")["items"][0]["id"]
    page = new_page(browser, 360, 800)
    ones = [f"/stories/{quote(str(story), safe='')}", f"/events/{quote(event, safe='')}", f"/articles/{quote(article, safe='')}"]
    for path in ["/stories", "/conflicts", "/search?q=Kandahar", *ones]:
        open_page(page, site + path)
        assert overflow(page) == [], path
    assert page.errors == []
    page.close()


def test_the_map_is_sized_to_its_box_on_a_wide_screen(site: str, browser: Any) -> None:
    page = new_page(browser, 1400, 900)
    open_page(page, site + "/")
    settle(page)
    box = map_box(page)
    assert box["bottom"] <= box["timelineTop"] + 0.5, "the map's box runs under the timeline"
    assert box["leaflet"] == box["client"], box
    assert drawer_shown(page), "the list is a column beside the map on a wide screen"
    assert overflow(page) == []
    # The events the list counts "in view" are where the reader sees the map, not under the timeline.
    seen = page.evaluate(
        """() => { const m = window.sitrepMap, box = m.getContainer(), b = m.getBounds();
             const inView = window.sitrepClusters.getLayers().filter((l) => b.contains(l.getLatLng()));
             return {n: inView.length, outside: inView.map((l) => m.latLngToContainerPoint(l.getLatLng()))
               .filter((p) => p.x < 0 || p.y < 0 || p.x > box.clientWidth || p.y > box.clientHeight).length}; }"""
    )
    assert seen["n"] >= 1 and seen["outside"] == 0, seen
    listed = page.locator(".side-body h2").inner_text()
    assert listed.startswith(f"{seen['n']} event"), (listed, seen)
    shot(page, "map-1400")
    # Hiding the list widens the map; Leaflet hears of it.
    page.locator("button.panel-toggle").click()
    settle(page)
    wider = map_box(page)
    assert wider["client"][0] > box["client"][0] and wider["leaflet"] == wider["client"]
    page.locator("button.panel-toggle").click()
    settle(page)
    # A window resized, across the drawer's width and back.
    for size in ({"width": 1000, "height": 700}, {"width": 850, "height": 800}, {"width": 1400, "height": 900}):
        page.set_viewport_size(size)
        settle(page)
        now = map_box(page)
        assert now["leaflet"] == now["client"], (size, now)
        assert now["bottom"] <= now["timelineTop"] + 0.5
    page.locator(".side .event-list li button").first.click()
    page.wait_for_selector(".side .event-panel")
    settle(page)
    shot(page, "drawer-1400")
    open_page(page, site + "/control?on=2021-08-12")
    settle(page)
    box = map_box(page)
    assert box["leaflet"] == box["client"] and box["bottom"] <= 900.5
    assert overflow(page) == []
    shot(page, "control-1400")
    assert page.errors == []
    page.close()


def _families() -> set[str]:
    from sitrep.events.lexicon import load

    return {kind.family for kind in load().kinds.values()}


def test_every_family_has_a_colour_and_a_glyph_in_the_code() -> None:
    css = (ROOT / "src" / "sitrep" / "web" / "static" / "sitrep.css").read_text()
    legend = (ROOT / "src" / "sitrep" / "web" / "static" / "js" / "legend.js").read_text()
    coloured = set(re.findall(r"\.fam-([a-z]+) \{ background: #[0-9a-f]{6}; \}", css))
    drawn = set(re.findall(r"^  ([a-z]+): \[\"", legend, re.M))
    assert _families() <= coloured, _families() - coloured
    assert _families() <= drawn, _families() - drawn


def test_the_legend_gives_every_family_a_colour_and_a_shape(site: str, browser: Any) -> None:
    page = new_page(browser, 1400, 900)
    open_page(page, site + "/")
    assert not page.locator("input.speech").is_checked(), "speech acts are off by default"
    material = {r[api(site, "/api/points")["fields"].index("family")] for r in api(site, "/api/points")["rows"]}
    # With the speech acts shown: the families of both layers.
    open_page(page, site + "/?layer=all")
    points = api(site, "/api/points?layer=all")
    families = {r[points["fields"].index("family")] for r in points["rows"]}
    assert families > material, "the seeds hold speech acts"
    open_menu(page, "legend-box")
    entries = page.evaluate(
        """() => [...document.querySelectorAll('.legend-box li.family')].map((li) => {
             const sw = li.querySelector('.sw'), use = sw.querySelector('svg.glyph use');
             const symbol = use && document.querySelector(use.getAttribute('href'));
             const path = symbol && symbol.querySelector('path');
             const box = path && path.getBBox();
             return {family: li.dataset.family, colour: getComputedStyle(sw).backgroundColor,
                     glyph: path ? path.getAttribute('d') : '', area: box ? box.width * box.height : 0,
                     ink: getComputedStyle(sw).color};
           })"""
    )
    assert {e["family"] for e in entries} == families
    grey = "rgb(119, 119, 119)"  # .ev's fallback: a family without a colour of its own
    for e in entries:
        assert e["colour"] not in (grey, "rgba(0, 0, 0, 0)", ""), e
        assert e["glyph"] and e["area"] > 20, e
    assert len({(e["colour"], e["glyph"]) for e in entries}) == len(entries), "two families look the same"
    assert len({e["glyph"] for e in entries}) == len(entries), "two families share a glyph"
    legend = page.locator(".legend-box .menu").inner_text()
    for words in ("corroborated", "disputed", "one source", "Clusters", "100 events or more", "Speech acts"):
        assert words in legend, words
    assert page.locator(".legend-box li.status").count() == 3
    shot(page, "legend-1400")
    # Every marker on the map wears its family's glyph.
    bare = page.evaluate("() => [...document.querySelectorAll('.leaflet-marker-icon.ev')].filter((n) => !n.querySelector('svg.glyph use')).length")
    assert bare == 0
    # The speech-act toggle takes them off again.
    page.locator("input.speech").uncheck()
    page.wait_for_url(re.compile(r"/\??$"))
    page.wait_for_selector("body[data-ready='1']")
    assert page.locator("#map").get_attribute("data-visible") == str(len(api(site, "/api/points")["rows"]))
    assert page.errors == []
    page.close()


def test_no_stray_null_in_the_event_list(site: str, browser: Any) -> None:
    page = new_page(browser, 1400, 900)
    for path in ("/", "/?layer=all"):
        open_page(page, site + path)
        settle(page)
        items = page.locator(".side .event-list li")
        assert items.count() >= 1
        text = page.locator(".side").inner_text()
        assert not re.search(r"\b(null|undefined|NaN)\b", text), text[-300:]
        assert not re.search(r"\b(null|undefined)\b", page.locator("main").inner_text())
        # Nothing after the list but the list's own note.
        last = page.evaluate("() => { const b = document.querySelector('.side-body'); const n = b.lastChild; return [n.nodeType, n.textContent]; }")
        assert last[0] == 1, last
    page.locator(".side .event-list li button").first.click()
    page.wait_for_selector(".side .event-panel")
    assert not re.search(r"\b(null|undefined)\b", page.locator(".side").inner_text())
    page.close()


def test_the_timeline_opens_on_the_dense_dates(outlier_site: str, browser: Any) -> None:
    points = api(outlier_site, "/api/points")
    at = points["fields"].index("date")
    days = sorted(r[at] for r in points["rows"] if r[at] and len(r[at]) == 10)
    assert days[0] == "1946-05-01" and days[1] >= "2008", days[:3]
    page = new_page(browser, 1400, 900)
    open_page(page, outlier_site + "/")
    timeline = page.locator(".timeline")
    first, last = timeline.get_attribute("data-first"), timeline.get_attribute("data-last")
    assert first and last and "2008" <= first <= days[1] and last == days[-1]
    inside = [d for d in days if first <= d <= last]
    assert len(inside) >= 0.95 * len(days), (first, last, len(inside), len(days))
    earlier = page.locator(".timeline button.outliers.earlier")
    assert earlier.is_visible() and earlier.inner_text() == "‹ 1 earlier event (1946)"
    # The bars fill the timeline: the earliest dense day is near the left edge, not squeezed right.
    bars = page.evaluate(
        """() => { const s = document.querySelector('.timeline svg').getBoundingClientRect();
                   return [...document.querySelectorAll('.timeline rect.bar')].map((b) => {
                     const r = b.getBoundingClientRect(); return [b.dataset.day, (r.left - s.left) / s.width]; }); }"""
    )
    assert "1946-05-01" not in {d for d, _ in bars}
    assert min(x for _, x in bars) < 0.1, bars
    shot(page, "timeline-dense-1400")
    # The reader can widen it to every date, and go back.
    earlier.click()
    assert timeline.get_attribute("data-first") == "1946-05-01" and timeline.get_attribute("data-full") == "1"
    assert page.locator('.timeline rect.bar[data-day="1946-05-01"]').count() == 1
    assert earlier.is_hidden()
    page.locator(".timeline button.widen").click()
    assert timeline.get_attribute("data-first") == first
    # The rule itself, on made-up dates: a steady spread loses nothing; far ends go, within 5%.
    checks = page.evaluate(
        """async () => {
          const { denseWindow } = await import('/static/js/timeline.js');
          const D = 86400000, t = Date.UTC(2024, 0, 1);
          const span = (xs) => { const [a, b] = denseWindow(xs.slice().sort((p, q) => p - q)); return [(a - t) / D, (b - t) / D]; };
          const steady = Array.from({length: 365}, (_, i) => t + i * D);
          const week = Array.from({length: 10}, (_, i) => t + (i % 7) * D);
          const many = Array.from({length: 1000}, (_, i) => t + (i % 20) * D);
          const far = Array.from({length: 20}, (_, i) => t - (3000 + i * 200) * D);
          return {steady: span(steady), lone: span([...week, t - 20000 * D]), many: span([...many, ...far]),
                  tooMany: span([...many, ...far, ...far, ...far])};
        }"""
    )
    assert checks["steady"] == [0, 364]
    assert checks["lone"][0] >= -3 and checks["lone"][1] <= 9, checks
    assert checks["many"][0] >= -3, checks  # 20 far days of 1020: under 5%, left out
    assert checks["tooMany"][0] < -3000, checks  # 60 of 1060: more than 5%, kept
    assert page.errors == []
    page.close()


def _query(href: str) -> dict[str, list[str]]:
    parts = urlsplit(href)
    assert parts.path == "/api/export", href
    return parse_qs(parts.query)


def test_the_export_links_carry_the_current_filters(site: str, browser: Any) -> None:
    page = new_page(browser, 1400, 900)
    open_page(page, site + "/?layer=all")
    open_menu(page, "export-box")
    links = page.locator(".export-box a.export-link")
    assert links.all_inner_texts() == ["CSV", "ACLED CSV", "GeoJSON"]
    hrefs = links.evaluate_all("(ns) => ns.map((n) => n.getAttribute('href'))")
    assert [_query(h) for h in hrefs] == [{"format": [f], "layer": ["all"]} for f in ("csv", "acled", "geojson")]
    assert all(a.get_attribute("download") is not None for a in links.all())
    # The reader filters: a family, a status, days on the timeline, the map's view.
    page.select_option("select.family", "territory")
    page.select_option("select.status", "single")
    page.fill(".timeline input.start", "2021-08-11")
    page.fill(".timeline input.end", "2021-08-12")
    page.locator(".timeline input.end").dispatch_event("change")
    open_menu(page, "export-box")
    q = _query(links.first.get_attribute("href") or "")
    assert q == {"format": ["csv"], "layer": ["all"], "kind": ["territory"], "status": ["single"],
                 "start": ["2021-08-11"], "end": ["2021-08-12"]}  # fmt: skip
    page.locator(".export-box input.export-in-view").check()
    q = _query(links.nth(2).get_attribute("href") or "")
    assert q["format"] == ["geojson"] and q["kind"] == ["territory"]
    west, south, east, north = (float(v) for v in q["bbox"][0].split(","))
    assert -180 <= west < east <= 180 and -90 <= south < north <= 90
    assert west < 62.2 < east and south < 34.35 < north  # Herat is in view
    shot(page, "export-1400")
    # Where the server already answers /api/export, the file holds the events on the map.
    page.locator(".export-box input.export-in-view").uncheck()
    page.fill(".timeline input.start", "")
    page.fill(".timeline input.end", "")
    page.locator(".timeline input.end").dispatch_event("change")
    open_menu(page, "export-box")
    href = links.first.get_attribute("href") or ""
    visible = int(page.locator("#map").get_attribute("data-visible") or "0")
    try:
        with urllib.request.urlopen(site + href, timeout=20) as r:
            rows = list(csv.DictReader(io.StringIO(r.read().decode("utf-8"))))
    except urllib.error.HTTPError as e:
        if e.code != 404:
            raise
    else:
        assert len(rows) == visible > 0
    assert page.errors == []
    page.close()
