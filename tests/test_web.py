"""The web app in a real browser: Debian's chromium driven by Playwright against a real
``sitrep serve`` on 127.0.0.1 over the demo database (plus one hostile article).

Screenshots go to ``build/screenshots/`` (or ``$SITREP_SCREENSHOTS``).
"""

from __future__ import annotations

import json
import math
import os
import subprocess
import sys
import unicodedata
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from sitrep.api.launch import running_server

ROOT = Path(__file__).resolve().parents[1]
SHOTS = Path(os.environ.get("SITREP_SCREENSHOTS", ROOT / "build" / "screenshots"))
PAYLOAD = '<script>window.__pwned = 1</script> and <img src=x onerror="window.__pwned = 2"> in Herat'
# Where the seeds' places are on the globe (GeoNames), to check the map draws them there.
TRUE_PLACES = {"herat": (34.348, 62.200), "kandahar": (31.613, 65.710), "ghazni": (33.549, 68.421)}


def _plain(text: str) -> str:
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()


def _sitrep(*args: str) -> None:
    subprocess.run([sys.executable, "-m", "sitrep", *args], check=True, capture_output=True, timeout=600)


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """`sitrep demo`, then `sitrep run` of a hostile article into it, then `sitrep serve`."""
    tmp = tmp_path_factory.mktemp("web")
    db = tmp / "demo.db"
    _sitrep("demo", "--db", str(db))
    hostile = tmp / "hostile.jsonl"
    record = {
        "id": "hostile",
        "title": PAYLOAD,
        "outlet": '<img src=x onerror="window.__pwned = 3">',
        "published": "2021-08-13",
        "text": f"{PAYLOAD}.\n\nThe Taliban captured Herat on Thursday, <b>residents</b> said.",
    }
    hostile.write_text(json.dumps(record) + "\n", encoding="utf-8")
    _sitrep("run", str(hostile), "--db", str(db))
    with running_server(db) as base:
        yield base


def api(base: str, path: str) -> Any:
    with urllib.request.urlopen(base + path, timeout=10) as r:
        return json.loads(r.read())


def open_page(page: Any, url: str) -> None:
    page.goto(url)
    page.wait_for_selector("body[data-ready='1']", timeout=20_000)


def shot(page: Any, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"))


def map_items(page: Any) -> list[dict[str, Any]]:
    """Markers and clusters on screen: title, centre in pixels, and the lat/lon the map puts there."""
    items: list[dict[str, Any]] = page.evaluate(
        """() => {
          const map = window.sitrepMap, box = map.getContainer().getBoundingClientRect();
          return [...document.querySelectorAll('.leaflet-marker-icon')].map((node) => {
            const r = node.getBoundingClientRect();
            const x = r.left + r.width / 2, y = r.top + r.height / 2;
            const ll = map.containerPointToLatLng([x - box.left, y - box.top]);
            const span = node.querySelector('span[title]');
            return {title: node.title || (span ? span.title : ''), x, y, lat: ll.lat, lon: ll.lng,
                    cluster: node.classList.contains('cluster'), event: node.dataset.eventId || null};
          });
        }"""
    )
    return items


def _km(a: tuple[float, float], b: tuple[float, float]) -> float:
    la1, lo1, la2, lo2 = (math.radians(v) for v in (*a, *b))
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 6371 * 2 * math.asin(math.sqrt(h))


def only_place(item: dict[str, Any], place: str) -> bool:
    """A marker of `place`, or a cluster led by `place` (with places inside it, if any)."""
    return _plain(item["title"]).startswith(place)


def test_map_shows_the_seed_events_where_they_belong(site: str, page: Any) -> None:
    open_page(page, site + "/")
    page.wait_for_timeout(500)
    shot(page, "map")
    assert page.errors == []
    total = len(api(site, "/api/points")["rows"])
    assert page.locator("#map").get_attribute("data-visible") == str(total)
    items = map_items(page)
    afghanistan = page.locator("path.c-004").bounding_box()
    assert afghanistan, "the basemap has no Afghanistan"
    for place, truth in TRUE_PLACES.items():
        found = [i for i in items if only_place(i, place)]
        assert found, f"no marker for {place} among {[i['title'] for i in items]}"
        for item in found:
            assert _km((item["lat"], item["lon"]), truth) < 25, (place, item)
            assert afghanistan["x"] <= item["x"] <= afghanistan["x"] + afghanistan["width"]
            assert afghanistan["y"] <= item["y"] <= afghanistan["y"] + afghanistan["height"]
    # Kind sets the fill: captures and sieges are drawn in different colours.
    colours = page.evaluate(
        """() => Object.fromEntries(['territory', 'siege'].map((f) => {
             const n = document.querySelector('.leaflet-marker-icon.fam-' + f) || document.querySelector('.legend .fam-' + f);
             return [f, getComputedStyle(n).backgroundColor];
           }))"""
    )
    assert colours["territory"] != colours["siege"]


def test_speech_acts_are_an_opt_in_layer_of_the_map(site: str, page: Any) -> None:
    open_page(page, site + "/")
    page.wait_for_timeout(300)
    material = len(api(site, "/api/points")["rows"])
    everything = len(api(site, "/api/points?layer=all")["rows"])
    assert everything > material, "the seeds hold speech acts (offers, demands) besides material events"
    assert page.locator("#map").get_attribute("data-visible") == str(material)
    page.locator("input.speech").check()
    page.wait_for_url("**/?layer=all")
    page.wait_for_timeout(500)
    assert page.locator("#map").get_attribute("data-visible") == str(everything)
    assert page.locator("input.speech").is_checked()
    assert page.errors == []


def _open_event(page: Any, place: str, kind: str) -> None:
    """Click through clusters at `place` until the marker of `kind` there can be clicked."""
    markers = page.locator(".leaflet-marker-icon.ev")
    clusters = page.locator(".leaflet-marker-icon.cluster span[title]")
    for _ in range(6):
        for i in range(markers.count()):
            title = _plain(markers.nth(i).get_attribute("title") or "")
            if title.startswith(place) and kind in title:
                markers.nth(i).click()
                page.wait_for_selector(".side .event-panel")
                return
        at = [i for i in range(clusters.count()) if place in _plain(clusters.nth(i).get_attribute("title") or "")]
        assert at, f"neither a {kind} marker nor a cluster at {place}"
        clusters.nth(at[0]).click()
        page.wait_for_timeout(800)  # the zoom or spiderfy animation
    raise AssertionError(f"could not reach the {kind} marker at {place}")


def test_clicking_herat_shows_its_evidence_and_both_articles(site: str, page: Any) -> None:
    open_page(page, site + "/")
    _open_event(page, "herat", "territory capture")
    panel = page.locator(".side .event-panel")
    assert "Herat" in _plain(panel.locator("h2").inner_text()).title()
    evidence = panel.locator("blockquote.evidence")
    assert evidence.count() >= 2
    assert any("herat" in _plain(t) for t in evidence.all_inner_texts())
    assert panel.locator("mark.trigger").count() >= 2
    assert panel.locator("mark.place").count() >= 1
    seeds = [a for a in api(site, "/api/articles")["items"] if a["id"] != "hostile"]
    assert len(seeds) == 2
    links = panel.locator(".articles a").evaluate_all("(ns) => ns.map((n) => n.getAttribute('href'))")
    for art in seeds:
        assert f"/articles/{art['id']}" in links, (art["id"], links)
    shot(page, "event-panel")
    assert page.errors == []


def test_timeline_brush_filters_the_map(site: str, page: Any) -> None:
    open_page(page, site + "/")
    points = api(site, "/api/points")
    at = {f: i for i, f in enumerate(points["fields"])}
    days = sorted({r[at["date"]] for r in points["rows"] if r[at["date"]] and len(r[at["date"]]) == 10})
    assert len(days) >= 2, days
    day = days[0]
    # Events whose dates cover that day: that day itself, or only a month/year around it.
    expected = [r for r in points["rows"] if r[at["date"]] and day.startswith(r[at["date"]])]
    assert 0 < len(expected) < len(points["rows"])
    bar = page.locator(f'.timeline rect.bar[data-day="{day}"]').bounding_box()
    assert bar, f"no bar for {day}"
    y = bar["y"] + bar["height"] / 2
    page.mouse.move(bar["x"] + 2, y)
    page.mouse.down()
    page.mouse.move(bar["x"] + bar["width"] / 2, y, steps=4)
    page.mouse.move(bar["x"] + bar["width"] - 2, y, steps=4)
    page.mouse.up()
    page.wait_for_timeout(500)
    assert page.locator(".timeline input.start").input_value() == day
    assert page.locator("#map").get_attribute("data-visible") == str(len(expected))
    shown = {_plain(i["title"]).split(" (")[0] for i in map_items(page)}
    places = {_plain(r[at["place"]] or "") for r in expected}
    gone = {_plain(r[at["place"]] or "") for r in points["rows"]} - places
    for item in shown:
        assert not any(item.startswith(g) for g in gone if g), (item, gone)
    shot(page, "timeline-brushed")
    page.locator(".timeline button.clear").click()
    assert page.locator("#map").get_attribute("data-visible") == str(len(points["rows"]))


def test_search_finds_kandahar(site: str, page: Any) -> None:
    open_page(page, site + "/")
    page.fill("header .search input", "Kandahar")
    page.press("header .search input", "Enter")
    page.wait_for_selector("body[data-ready='1']")
    assert "/search?q=Kandahar" in page.url
    events = page.locator("ul.results.events li")
    assert events.count() >= 1
    assert any("kandahar" in _plain(t) for t in events.all_inner_texts())
    articles = page.locator("ul.results.articles li").all_inner_texts()
    assert any("kandahar" in _plain(t) for t in articles), articles
    shot(page, "search")
    page.locator("ul.results.events li a").first.click()
    page.wait_for_selector("body[data-ready='1'] .event-panel")
    assert page.locator(".event-panel blockquote.evidence").count() >= 1


def test_story_page_shows_copy_groups_and_what_the_update_adds(site: str, page: Any) -> None:
    story = next(s for s in api(site, "/api/stories")["items"] if s["articles"] >= 2)
    open_page(page, f"{site}/stories/{story['id']}")
    assert page.locator(".group").count() >= 1
    added = page.locator(".version p.added").all_inner_texts()
    assert any("kandahar" in _plain(t) for t in added)
    assert any("camp bastion" in _plain(t) for t in added)
    shot(page, "story")
    assert page.errors == []


def test_article_page_tells_its_date_how_it_was_found_and_whose_copy_it_carries(site: str, page: Any) -> None:
    art = api(site, "/api/articles/003_148240228117d87a.txt")
    open_page(page, f"{site}/articles/{art['id']}")
    meta = page.locator("main p.muted").first.inner_text()
    assert f"published {art['published']['value']} ({art['published']['how']})" in meta
    group = page.locator("main p.group").inner_text()
    assert art["copy"]["of"] in group and f"({art['copy']['relation']})" in group
    open_page(page, f"{site}/stories/{art['story_id']}")
    badges = page.locator(".badge").all_inner_texts()
    assert f"{art['copy']['relation']} of {art['copy']['of']}" in badges
    assert page.errors == []


def test_conflicts_and_control_pages(site: str, page: Any) -> None:
    open_page(page, site + "/conflicts")
    text = page.locator("main").inner_text()
    assert "provincial capitals" in text and "10" in text and "12" in text
    open_page(page, site + "/control?on=2021-08-12")
    rows = page.locator("table.control tbody tr").all_inner_texts()
    assert any("herat" in _plain(r) and "taliban" in _plain(r) for r in rows), rows
    assert page.locator(".leaflet-marker-icon.holder").count() >= 1
    shot(page, "control")
    open_page(page, site + "/control?on=2021-08-01")
    after = page.locator("table.control tbody tr").all_inner_texts()
    assert not any("herat" in _plain(r) and "taliban" in _plain(r) for r in after), after


def test_hostile_article_renders_as_text_and_runs_nothing(site: str, page: Any) -> None:
    with urllib.request.urlopen(site + "/articles/hostile", timeout=10) as r:
        assert "script-src 'self'" in r.headers["content-security-policy"]
        shell = r.read().decode()
    assert "__pwned" not in shell  # the page shell carries no article data at all
    open_page(page, site + "/articles/hostile")
    assert page.locator("main h1").inner_text() == PAYLOAD
    assert "<b>residents</b>" in page.locator("main .article-text").inner_text()
    assert page.locator("main script, main img, main b").count() == 0
    open_page(page, site + "/search?q=Herat")
    assert PAYLOAD in page.locator("ul.results.articles").inner_text()
    for event_id in api(site, "/api/articles/hostile")["events"]:
        open_page(page, f"{site}/events/{event_id}")
        assert page.locator("main img, main script").count() == 0
    shot(page, "hostile")
    assert page.evaluate("() => window.__pwned") is None
    assert page.dialogs == [] and page.errors == []


def test_every_page_has_a_json_twin(site: str) -> None:
    for path, key in (("/", "rows"), ("/stories", "items"), ("/conflicts", "items"),
                      ("/control?on=2021-08-12", "places"), ("/search?q=Kandahar", "items")):  # fmt: skip
        req = urllib.request.Request(site + path, headers={"Accept": "application/json"})
        with urllib.request.urlopen(req, timeout=10) as r:
            assert r.headers["content-type"].startswith("application/json"), path
            assert key in json.loads(r.read()), path
        with urllib.request.urlopen(site + path, timeout=10) as r:
            assert r.headers["content-type"].startswith("text/html"), path
            assert 'rel="alternate" type="application/json"' in r.read().decode()


def test_page_scripts_never_write_markup() -> None:
    """Data reaches pages as text only: no script of ours writes HTML from a string."""
    scripts = sorted((ROOT / "src" / "sitrep" / "web" / "static" / "js").glob("*.js"))
    assert scripts
    for path in scripts:
        code = "\n".join(line.split("//", 1)[0] for line in path.read_text().splitlines())
        for sink in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(", "new Function"):
            assert sink not in code, f"{path.name} uses {sink}"
