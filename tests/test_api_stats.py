"""``/api/stats`` (issue #30, the Views page): counts of /api/events' filter, in SQL.

Its bins, countries, provinces and actors each add up to /api/events' total for the same
filter; it refuses unknown parameters as the other routes do and is described in the OpenAPI
spec. Served by ``sitrep serve`` over a database that ``sitrep run`` made of the events eval
set (read from ``../shared``, never copied into the repository); the binning rules are
checked on made-up dates.
"""

from __future__ import annotations

import json
import subprocess
import sys
import urllib.error
import urllib.request
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from sitrep.api.launch import running_server
from sitrep.api.stats import bin_size, bin_start, dense_window, first_day, next_bin
from tests.conftest import EVAL, need_shared

FILTERS = [
    "", "layer=all", "kind=attack", "layer=all&kind=protest", "status=corroborated", "start=2009-01",
    "start=2008-12-01&end=2009-01-31", "q=Gaza", "layer=speech", "kind=riot&status=single", "end=2008",
]  # fmt: skip


def get(base: str, path: str) -> tuple[int, Any]:
    try:
        with urllib.request.urlopen(base + path, timeout=30) as r:
            return r.status, json.loads(r.read())
    except urllib.error.HTTPError as e:
        return e.code, json.loads(e.read())


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The events eval set (45 articles, several countries) through ``sitrep run``."""
    source = need_shared(EVAL / "events_articles.dev.jsonl")
    out = tmp_path_factory.mktemp("stats") / "eval.db"
    cmd = [sys.executable, "-m", "sitrep", "run", "--quiet", "--db", str(out), str(source)]
    subprocess.run(cmd, check=True, capture_output=True, timeout=600)
    return out


@pytest.fixture(scope="module")
def server(db: Path) -> Iterator[str]:
    with running_server(db) as base:
        yield base


def outside(time: dict[str, Any], what: str) -> int:
    return sum(int(time[k][what]) for k in ("undated", "coarse", "earlier", "later"))


@pytest.mark.parametrize("query", FILTERS, ids=[q or "none" for q in FILTERS])
def test_every_breakdown_adds_up_to_the_events_total(server: str, query: str) -> None:
    status, stats = get(server, f"/api/stats?{query}")
    assert status == 200, stats
    _, events = get(server, f"/api/events?limit=1&{query}")
    total = events["total"]
    assert stats["total"] == total
    time = stats["time"]
    in_bins = sum(sum(b["events"].values()) for b in time["bins"])
    assert in_bins + outside(time, "events") == total
    deaths = sum(sum(b["fatalities"].values()) for b in time["bins"])
    assert deaths + outside(time, "fatalities") == stats["fatalities"]
    assert sum(c["events"] for c in stats["countries"]) == total
    assert sum(a["events"] for a in stats["admin1"]) == total
    assert sum(a["fatalities"] for a in stats["admin1"]) == stats["fatalities"]
    for measure in ("events", "fatalities"):
        ranked = stats["actors"][measure]
        assert len(ranked["items"]) <= 15
        assert sum(a["events"] for a in ranked["items"]) + ranked["others"]["events"] == total
        values = [a[measure] for a in ranked["items"]]
        assert values == sorted(values, reverse=True)
    if time["bins"]:
        starts = [b["start"] for b in time["bins"]]
        assert starts[0] == time["first"] and starts[-1] == time["last"]
        assert starts == sorted(starts) and len(set(starts)) == len(starts)
        assert set(time["families"]) == {f for b in time["bins"] for f in b["events"]}


def test_the_eval_set_is_counted_as_sql_counts_it(server: str, db: Path) -> None:
    import sqlite3

    _, stats = get(server, "/api/stats?layer=all")
    with sqlite3.connect(db) as conn:
        rows = conn.execute(
            "SELECT country_code, admin1, count(*) FROM consolidated_events GROUP BY 1, 2"
        ).fetchall()
        actors = dict(conn.execute("SELECT coalesce(actor1, ''), count(*) FROM consolidated_events GROUP BY 1").fetchall())
    assert {(a["country_code"] or "", a["admin1"] or ""): a["events"] for a in stats["admin1"]} == {
        (cc or "", a1 or ""): n for cc, a1, n in rows
    }
    assert len({c["country_code"] for c in stats["countries"]}) >= 5, "the eval set spans several countries"
    for a in stats["actors"]["events"]["items"]:
        assert actors[a["name"] or ""] == a["events"]
    assert stats["countries"][0]["country"], "countries are named"
    # Several months of dates, with a far outlier (1955): months, the outlier counted apart.
    assert stats["time"]["bin"] == "month" and stats["time"]["earlier"]["events"] >= 1


def test_a_narrow_filter_bins_by_day_or_week(server: str) -> None:
    _, one_month = get(server, "/api/stats?start=2008-12-01&end=2009-01-31")
    assert one_month["time"]["bin"] == "day"
    _, gaza = get(server, "/api/stats?q=Gaza")
    assert gaza["time"]["bin"] in ("day", "week")


@pytest.mark.parametrize("path", ["/api/stats?colour=red", "/api/stats?limit=5", "/api/stats?kind=attack&kind=riot"])
def test_unknown_or_repeated_parameters_are_a_422(server: str, path: str) -> None:
    status, body = get(server, path)
    assert status == 422, body
    message = body["error"]["message"]
    assert "more than once" in message if "kind=riot" in path else "layer" in message and "status" in message


@pytest.mark.parametrize(("path", "code"), [("/api/stats?kind=nothing", 422), ("/api/stats?start=2021-02-30", 400), ("/api/stats?status=maybe", 422)])
def test_bad_filters_are_refused_as_by_api_events(server: str, path: str, code: int) -> None:
    assert get(server, path)[0] == code
    assert get(server, path.replace("/api/stats?", "/api/events?"))[0] == code


def test_openapi_declares_the_stats_and_its_filters(server: str) -> None:
    from sitrep.api import models as m
    from tests.test_api import _undeclared

    _, spec = get(server, "/openapi.json")
    op = spec["paths"]["/api/stats"]["get"]
    assert op["responses"]["200"]["content"]["application/json"]["schema"]["$ref"].endswith("/Stats")
    names = {p["name"] for p in op["parameters"]}
    events = {p["name"] for p in spec["paths"]["/api/events"]["get"]["parameters"]}
    assert names == events - {"limit", "offset"}
    _, body = get(server, "/api/stats?layer=all")
    assert _undeclared(m.Stats, m.Stats.model_validate(body)) == []


def test_bins_follow_the_span_of_the_dates() -> None:
    d = date.fromisoformat
    assert first_day("2021-08") == (d("2021-08-01"), "month")
    assert first_day("2021") == (d("2021-01-01"), "year")
    assert first_day(None) is None and first_day("garbage") is None
    assert bin_size(d("2021-01-01"), d("2021-03-01")) == "day"  # 59 days
    assert bin_size(d("2021-01-01"), d("2021-06-01")) == "week"
    assert bin_size(d("2019-01-01"), d("2021-12-31")) == "week"
    assert bin_size(d("2015-01-01"), d("2021-12-31")) == "month"
    assert bin_size(d("1950-01-01"), d("2021-12-31")) == "year"
    assert bin_start(d("2021-08-12"), "week") == d("2021-08-09")  # a Monday
    assert next_bin(d("2021-12-01"), "month") == d("2022-01-01")
    week = [d("2009-01-03")] * 5 + [d("2009-01-06")] * 5
    assert dense_window(sorted([d("1946-05-01"), *week])) == (d("2009-01-03"), d("2009-01-06"))
    steady = [d("2020-01-01").fromordinal(d("2020-01-01").toordinal() + i) for i in range(365)]
    assert dense_window(steady) == (steady[0], steady[-1])
