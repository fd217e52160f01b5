"""The web app follows the database (issue #29): a real ``sitrep serve`` over a database that
``sitrep run`` keeps adding to from another process, and Debian's chromium (Playwright) on
its map page polling fast (``?poll=1``).

The seed articles make the first database; records of the shared events eval set, copied
to a temporary JSONL at test time, are the articles that arrive while the page is open.
A screenshot of the page after the update goes to ``$SITREP_FOLLOW_SHOT`` (default
``build/screenshots/follow.png``).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from sitrep.api.launch import running_server
from tests.conftest import EVAL, SEEDS, need_shared
from tests.test_api import _undeclared, get
from tests.test_web import SHOTS, api, open_page

SHOT = Path(os.environ.get("SITREP_FOLLOW_SHOT", SHOTS / "follow.png"))
LATER = 10  # records of the events eval set that arrive while the page is open


def _run(db: Path, *inputs: Path) -> None:
    """``sitrep run`` in its own process, as another terminal would."""
    cmd = [sys.executable, "-m", "sitrep", "run", "--quiet", "--db", str(db), *map(str, inputs)]
    subprocess.run(cmd, check=True, capture_output=True, timeout=600)


def _later_articles(tmp: Path, start: int = 0, count: int = LATER) -> Path:
    """Some real articles (the shared events eval set), copied to a JSONL for this test only."""
    source = need_shared(EVAL / "events_articles.dev.jsonl")
    lines = source.read_text(encoding="utf-8").splitlines()[start : start + count]
    out = tmp / f"later-{start}.jsonl"
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return out


@pytest.fixture
def seeded(tmp_path: Path) -> Path:
    """A database of the seed articles alone, made by ``sitrep run``."""
    db = tmp_path / "follow.db"
    _run(db, need_shared(SEEDS))
    return db


def _ids(points: dict[str, Any]) -> set[str]:
    at = points["fields"].index("id")
    return {row[at] for row in points["rows"]}


def test_version_stamp_changes_with_new_events_and_only_then(seeded: Path, tmp_path: Path) -> None:
    from sitrep.api import models as m

    with running_server(seeded) as base:
        code, first, headers = get(base, "/api/version")
        assert code == 200 and headers["cache-control"] == "no-cache"  # a poll must reach the server
        assert _undeclared(m.Version, m.Version.model_validate(first)) == []
        _, spec, _ = get(base, "/openapi.json")
        ok = spec["paths"]["/api/version"]["get"]["responses"]["200"]["content"]["application/json"]
        assert ok["schema"]["$ref"].endswith("/Version")
        health = api(base, "/api/health")
        assert (first["events"], first["articles"]) == (health["events"], health["articles"])
        assert first["last_run"]
        # Every route read first: a cursor left open would hold its thread on an old snapshot.
        for path in ("/api/points", "/api/events", "/api/articles", "/api/stories", "/api/conflicts"):
            api(base, path)
        assert {api(base, "/api/version")["stamp"] for _ in range(20)} == {first["stamp"]}

        # A run that adds nothing: the stamp stays; only last_run moves on.
        _run(seeded, SEEDS)
        same = api(base, "/api/version")
        assert (same["stamp"], same["events"]) == (first["stamp"], first["events"])
        assert same["last_run"] > first["last_run"]

        # A run that adds articles and events: every thread answers the new stamp and counts.
        _run(seeded, _later_articles(tmp_path))
        after = [api(base, "/api/version") for _ in range(20)]
        assert {v["stamp"] for v in after} == {after[0]["stamp"]} != {first["stamp"]}
        now = after[0]
        assert now["events"] > first["events"] and now["articles"] == first["articles"] + LATER
        assert now["events"] == api(base, "/api/health")["events"] == api(base, "/api/events?layer=all")["total"]

        code, err, headers = get(base, "/api/version?since=1")
        assert code == 422 and set(err) == {"error"} and err["error"]["code"] == "invalid_parameter"
        assert "since" in err["error"]["message"] and "default-src 'self'" in headers["content-security-policy"]


def _state(page: Any) -> dict[str, Any]:
    state: dict[str, Any] = page.evaluate(
        """() => ({
          marker: window.__marker ?? null,
          stamp: document.body.dataset.stamp, follow: document.body.dataset.follow,
          points: Number(document.querySelector('#map').dataset.points),
          visible: Number(document.querySelector('#map').dataset.visible),
          onMap: window.sitrepClusters.getLayers().map((m) => m.options.eventId),
          centre: window.sitrepMap.getCenter(), zoom: window.sitrepMap.getZoom(),
          status: document.querySelector('select.status').value,
          selected: document.querySelector('.side .event-panel')?.dataset.eventId ?? null,
        })"""
    )
    return state


def test_the_map_takes_in_new_events_without_a_reload(seeded: Path, tmp_path: Path, browser: Any) -> None:
    later = _later_articles(tmp_path)
    with running_server(seeded) as base:
        page = browser.new_page(viewport={"width": 1400, "height": 850})
        errors: list[str] = []
        page.on("pageerror", lambda e: errors.append(str(e)))
        open_page(page, base + "/?poll=1")
        before = api(base, "/api/version")
        points = api(base, "/api/points")
        assert page.locator("body").get_attribute("data-stamp") == before["stamp"]
        # The reader's state: a filter, a chosen event, a view; and a mark a reload would wipe.
        page.select_option("select.status", "single")
        page.locator(".side .event-list li button").first.click()
        page.wait_for_selector(".side .event-panel")
        page.wait_for_timeout(1200)  # the reveal's pan or zoom, and a poll or two: nothing changes
        page.evaluate("() => { window.__marker = 1; }")
        was = _state(page)
        assert was["points"] == len(points["rows"]) and page.locator(".follow-notice").is_hidden()

        _run(seeded, later)
        after = api(base, "/api/version")
        new_points = api(base, "/api/points")
        added = _ids(new_points) - _ids(points)
        assert after["stamp"] != before["stamp"]
        assert added, "the later articles should put new events on the map"
        page.wait_for_function(f"() => document.body.dataset.stamp === {json.dumps(after['stamp'])}", timeout=20_000)

        now = _state(page)
        assert now["marker"] == 1, "the page was reloaded"
        notice = page.locator(".follow-notice")
        assert notice.is_visible()
        new = after["events"] - before["events"]
        assert new > 0 and notice.get_attribute("data-new") == str(new)
        assert notice.locator(".show").inner_text() == f"{new} new event{'' if new == 1 else 's'}"
        assert now["points"] == len(new_points["rows"]) > was["points"]
        singles = [r for r in new_points["rows"] if r[new_points["fields"].index("status")] == "single"]
        at = new_points["fields"].index("id")
        assert now["visible"] == len(singles) and set(now["onMap"]) == {r[at] for r in singles}
        # View, filter and selection are the reader's still.
        assert (now["centre"], now["zoom"], now["status"], now["selected"]) == (
            was["centre"], was["zoom"], "single", was["selected"])  # fmt: skip
        page.select_option("select.status", "")
        page.wait_for_timeout(300)
        assert set(_state(page)["onMap"]) == _ids(new_points) >= added

        # "Show" lights the new pins (going to them if none is in view); the map stays usable.
        notice.locator(".show").click()
        page.wait_for_timeout(1200)
        lit = page.locator(".leaflet-marker-icon.fresh")
        assert lit.count() >= 1
        lit_ids = page.locator(".leaflet-marker-icon.ev.fresh").evaluate_all("(ns) => ns.map((n) => n.dataset.eventId)")
        assert set(lit_ids) <= added
        SHOT.parent.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SHOT))
        # The notice sits clear of the zoom buttons and of the attribution.
        box = notice.bounding_box()
        for control in (".leaflet-control-zoom", ".leaflet-control-attribution"):
            other = page.locator(control).bounding_box()
            assert box and other
            apart = (box["x"] >= other["x"] + other["width"] or other["x"] >= box["x"] + box["width"]
                     or box["y"] >= other["y"] + other["height"] or other["y"] >= box["y"] + box["height"])  # fmt: skip
            assert apart, (control, box, other)
        notice.locator(".dismiss").click()
        assert notice.is_hidden() and page.locator(".leaflet-marker-icon.fresh").count() == 0

        # A hidden tab stops asking; shown again, it asks at once.
        asked: list[str] = []
        page.on("request", lambda r: asked.append(r.url) if "/api/version" in r.url else None)
        page.evaluate(
            """() => { Object.defineProperty(document, 'visibilityState', {configurable: true, get: () => 'hidden'});
                     document.dispatchEvent(new Event('visibilitychange')); }"""
        )
        page.wait_for_timeout(300)  # a poll already on its way when the tab hid ends, and asks no more
        assert page.locator("body").get_attribute("data-follow") == "paused"
        asked.clear()
        page.wait_for_timeout(2500)
        assert asked == []
        page.evaluate(
            """() => { Object.defineProperty(document, 'visibilityState', {configurable: true, get: () => 'visible'});
                     document.dispatchEvent(new Event('visibilitychange')); }"""
        )
        page.wait_for_timeout(300)
        assert len(asked) >= 1 and page.locator("body").get_attribute("data-follow") == "on"
        assert errors == [] and page.evaluate("() => window.__marker") == 1
        page.close()


def test_a_list_page_follows_too(seeded: Path, tmp_path: Path, browser: Any) -> None:
    with running_server(seeded) as base:
        page = browser.new_page()
        open_page(page, base + "/stories?poll=1")
        stories = api(base, "/api/stories")["total"]
        before = api(base, "/api/version")
        page.evaluate("() => { window.__marker = 1; }")
        _run(seeded, _later_articles(tmp_path, count=3))
        after = api(base, "/api/version")
        page.wait_for_function(f"() => document.body.dataset.stamp === {json.dumps(after['stamp'])}", timeout=20_000)
        now = api(base, "/api/stories")["total"]
        assert now > stories and page.locator("main h1").inner_text() == f"Stories ({now})"
        assert page.locator(".follow-notice").get_attribute("data-new") == str(after["events"] - before["events"])
        assert page.evaluate("() => window.__marker") == 1
        page.close()
