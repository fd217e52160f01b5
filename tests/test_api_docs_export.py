"""Issue #30 (API side): unknown parameters are a 422, ``/docs`` runs from vendored files under
the app's CSP, and ``/api/export`` downloads what ``/api/events`` lists in ``sitrep export``'s
formats.

The seeds go through ``sitrep run`` into a real SQLite file; ``sitrep serve`` serves it on
127.0.0.1 (``running_server``); ``sitrep export`` writes the same database for comparison;
``/docs`` is opened in Debian's chromium (Playwright) with every request recorded.
"""

from __future__ import annotations

import csv
import io
import json
import re
import subprocess
import sys
import threading
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any, NamedTuple
from urllib.parse import urlencode

import pytest

from sitrep.api.launch import running_server
from sitrep.api.shape import CSP
from tests.conftest import SEEDS, need_shared


class Answer(NamedTuple):
    status: int
    headers: dict[str, str]
    body: bytes


def fetch(base: str, path: str) -> Answer:
    try:
        with urllib.request.urlopen(base + path, timeout=30) as r:
            return Answer(r.status, {k.lower(): v for k, v in r.headers.items()}, r.read())
    except urllib.error.HTTPError as e:
        return Answer(e.code, {k.lower(): v for k, v in e.headers.items()}, e.read())


def sitrep(*args: str) -> None:
    done = subprocess.run([sys.executable, "-m", "sitrep", *args], capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr[-2000:]


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    need_shared(SEEDS)
    out = tmp_path_factory.mktemp("docs_export") / "seeds.db"
    sitrep("run", "--db", str(out), str(SEEDS))
    return out


@pytest.fixture(scope="module")
def server(db: Path) -> Iterator[str]:
    with running_server(db) as base:
        yield base


def error(answer: Answer, status: int) -> str:
    """The message of an error answer in the one shape, with the CSP."""
    assert answer.status == status, (answer.status, answer.body[:300])
    body = json.loads(answer.body)
    assert set(body) == {"error"} and set(body["error"]) == {"status", "code", "message"}, body
    assert body["error"]["status"] == status
    assert answer.headers["content-security-policy"] == CSP
    message: str = body["error"]["message"]
    return message


def query_names(spec: dict[str, Any], path: str) -> set[str]:
    return {p["name"] for p in spec["paths"][path]["get"]["parameters"] if p["in"] == "query"}


# -- 1. Unknown and repeated parameters ------------------------------------------------------


@pytest.mark.parametrize("route", ["/api/events", "/api/points", "/api/export", "/api/articles", "/api/control"])
def test_an_unknown_parameter_is_a_422_naming_what_the_route_takes(server: str, route: str) -> None:
    spec = json.loads(fetch(server, "/openapi.json").body)
    message = error(fetch(server, route + "?colour=red"), 422)
    assert "colour" in message
    for name in query_names(spec, route):
        assert re.search(rf"\b{name}\b", message), (name, message)


@pytest.mark.parametrize(
    "path", ["/api/events?status=single&status=disputed", "/api/export?format=csv&format=acled", "/api/stories?limit=1&limit=2"]
)
def test_a_repeated_parameter_is_a_422_too(server: str, path: str) -> None:
    name = path.split("?")[1].split("=")[0]
    assert "more than once" in error(fetch(server, path), 422) and name in error(fetch(server, path), 422)


def test_a_day_no_calendar_has_stays_a_400(server: str) -> None:
    assert "start" in error(fetch(server, "/api/events?start=2021-02-30"), 400)
    assert "start" in error(fetch(server, "/api/export?start=2021-02-30"), 400)


# -- 2. /docs ---------------------------------------------------------------------------------


def test_docs_names_only_same_origin_files_under_the_apps_csp(server: str) -> None:
    page = fetch(server, "/docs")
    assert page.status == 200 and page.headers["content-type"].startswith("text/html")
    assert page.headers["content-security-policy"] == CSP
    html = page.body.decode()
    scripts = re.findall(r"<script\b([^>]*)>(.*?)</script>", html, re.S)
    assert scripts and all('src="/' in attrs and not body.strip() for attrs, body in scripts), scripts
    refs = re.findall(r'(?:src|href)="([^"]*)"', html)
    assert refs and all(ref.startswith("/") or ref == "data:," for ref in refs), refs
    for ref in (r for r in refs if r.startswith("/")):
        got = fetch(server, ref)
        assert got.status == 200 and len(got.body) > 100, ref
        assert got.headers["content-security-policy"] == CSP, ref
    # The licence travels with the vendored files.
    assert b"Apache License" in fetch(server, "/docs/static/swagger-ui/LICENSE").body


def test_without_its_files_docs_is_a_404_and_the_api_still_serves(db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """An install that left the package data out: the server starts, /docs says what is missing."""
    import time

    import uvicorn

    from sitrep.api import create_app, docs
    from sitrep.api.launch import free_port

    monkeypatch.setattr(docs, "STATIC", tmp_path / "nothing")
    port = free_port()
    srv = uvicorn.Server(uvicorn.Config(create_app(db), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    try:
        for _ in range(200):
            if srv.started:
                break
            time.sleep(0.05)
        base = f"http://127.0.0.1:{port}"
        assert fetch(base, "/api/health").status == 200
        assert "not installed" in error(fetch(base, "/docs"), 404)
    finally:
        srv.should_exit = True
        thread.join(timeout=5)


# Collects what the CSP refused, from the page's first script on.
_CSP_WATCH = """window.__csp = [];
document.addEventListener("securitypolicyviolation",
  (e) => window.__csp.push(e.violatedDirective + " " + e.blockedURI));"""


def test_docs_render_the_operations_in_chromium_with_nothing_leaving_the_machine(server: str, browser: Any) -> None:
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    requests: list[str] = []
    elsewhere: list[str] = []
    problems: list[str] = []

    def guard(route: Any) -> None:
        # Anything not for our server is refused here, so it is seen and never sent.
        if route.request.url.startswith(server + "/"):
            route.continue_()
        else:
            elsewhere.append(route.request.url)
            route.abort()

    page.route("**/*", guard)
    page.add_init_script(_CSP_WATCH)
    page.on("request", lambda r: requests.append(r.url))
    page.on("console", lambda m: problems.append(f"console {m.type}: {m.text}") if m.type in ("error", "warning") else None)
    page.on("pageerror", lambda e: problems.append(f"page error: {e}"))
    try:
        page.goto(server + "/docs")
        page.get_by_text("/api/events", exact=True).first.wait_for(timeout=20_000)
        spec = json.loads(fetch(server, "/openapi.json").body)
        for path in ("/api/export", "/api/points", "/api/control"):
            assert page.get_by_text(path, exact=True).first.is_visible(), path
        operations = sum(len(ops) for ops in spec["paths"].values())
        assert page.locator(".opblock").count() == operations
        # "Try it out" on /api/health: Swagger UI's own request, to our server, answered.
        page.locator("#operations-default-health_api_health_get .opblock-summary").click()
        page.get_by_role("button", name="Try it out").click()
        page.get_by_role("button", name="Execute").click()
        page.locator(".live-responses-table .response .response-col_status").first.wait_for(timeout=10_000)
        assert page.locator(".live-responses-table .response .response-col_status").first.inner_text().strip() == "200"
        violations = page.evaluate("window.__csp")
    finally:
        page.close()
    assert elsewhere == [], elsewhere
    assert requests and all(url.startswith(server + "/") for url in requests), requests
    assert server + "/openapi.json" in requests and server + "/api/health" in requests
    assert violations == [] and problems == [], (violations, problems)


# -- 3. /api/export ---------------------------------------------------------------------------


def cli_export(db: Path, fmt: str, tmp_path: Path) -> bytes:
    out = tmp_path / f"cli.{fmt}"
    sitrep("export", "--db", str(db), "--what", "events", "--format", fmt, "--output", str(out))
    return out.read_bytes()


def csv_rows(body: bytes, *, drop: str | None = None) -> tuple[list[str], list[dict[str, str]]]:
    reader = csv.DictReader(io.StringIO(body.decode("utf-8"), newline=""))
    rows = [{k: v for k, v in row.items() if k != drop} for row in reader]
    return list(reader.fieldnames or []), rows


def events_listed(server: str, query: dict[str, str]) -> list[dict[str, Any]]:
    """Every event /api/events lists for a filter (all pages)."""
    out: list[dict[str, Any]] = []
    offset: int | None = 0
    while offset is not None:
        page = json.loads(fetch(server, "/api/events?" + urlencode({**query, "limit": 500, "offset": offset})).body)
        out += page["items"]
        offset = page["next_offset"]
    return out


@pytest.mark.parametrize(("fmt", "ext", "media"), [("csv", "csv", "text/csv"), ("acled", "acled.csv", "text/csv"),
                                                   ("geojson", "geojson", "application/geo+json")])  # fmt: skip
def test_the_whole_export_is_what_sitrep_export_writes(server: str, db: Path, tmp_path: Path, fmt: str, ext: str, media: str) -> None:
    # sitrep export writes every layer: so does /api/export with layer=all.
    got = fetch(server, f"/api/export?format={fmt}&layer=all")
    assert got.status == 200, got.body[:300]
    assert got.headers["content-type"].startswith(media)
    assert got.headers["content-disposition"] == f"attachment; filename=sitrep-events.{ext}"
    assert got.headers["x-sitrep-truncated"] == "false"
    assert got.headers["content-security-policy"] == CSP
    cli = cli_export(db, fmt, tmp_path)
    if fmt != "acled":
        assert got.body == cli  # byte for byte
        return
    from sitrep import acled

    # ACLED's timestamp column is the time of writing: every other column is the same.
    head, rows = csv_rows(got.body, drop="timestamp")
    cli_head, cli_rows = csv_rows(cli, drop="timestamp")
    assert head == cli_head == acled.COLUMNS
    assert rows == cli_rows and len(rows) > 5


FILTERS = [
    {"kind": "territory"},
    {"q": "Kandahar"},
    {"status": "single", "start": "2021-08-12", "end": "2021-08-12"},
    {"bbox": "61.5,33.8,62.8,34.8"},
    {"layer": "all", "acled_type": "Strategic developments"},
    {},  # the default layer: material events, as the map shows
]


@pytest.mark.parametrize("query", FILTERS, ids=lambda f: urlencode(f) or "default")
def test_a_filtered_export_holds_exactly_what_events_lists(server: str, db: Path, tmp_path: Path, query: dict[str, str]) -> None:
    listed = events_listed(server, query)
    assert listed, f"{query} matches nothing in the seeds: no test"
    got = fetch(server, "/api/export?" + urlencode({**query, "format": "csv"}))
    head, rows = csv_rows(got.body)
    assert [r["id"] for r in rows] == [e["id"] for e in listed]  # the same events, the same order
    assert got.headers["x-sitrep-total"] == str(len(listed))
    # Each row is the row sitrep export writes for that event.
    cli_head, cli_rows = csv_rows(cli_export(db, "csv", tmp_path))
    by_id = {r["id"]: r for r in cli_rows}
    assert head == cli_head and all(r == by_id[r["id"]] for r in rows)
    # ACLED: the rows of those events that have an ACLED type, and no others.
    from sitrep import acled

    _, acled_rows = csv_rows(fetch(server, "/api/export?" + urlencode({**query, "format": "acled"})).body)
    expected = [acled.event_id_cnty(e) for e in listed if (e.get("acled") or {}).get("event_type")]
    assert [r["event_id_cnty"] for r in acled_rows] == expected


@pytest.mark.parametrize("query", [{"layer": "all"}, {"kind": "territory"}, {"q": "Herat"}], ids=urlencode)
def test_the_geojson_export_parses_with_one_feature_per_event(server: str, query: dict[str, str]) -> None:
    got = fetch(server, "/api/export?" + urlencode({**query, "format": "geojson"}))
    doc = json.loads(got.body)
    listed = events_listed(server, query)
    assert doc["type"] == "FeatureCollection" and len(doc["features"]) == len(listed) > 0
    assert [f["id"] for f in doc["features"]] == [e["id"] for e in listed]
    for feature in doc["features"]:
        props = feature["properties"]
        if feature["geometry"] is not None:
            assert feature["geometry"]["coordinates"] == [props["longitude"], props["latitude"]]


def test_a_capped_export_says_it_was_cut(server: str) -> None:
    total = len(events_listed(server, {"layer": "all"}))
    got = fetch(server, "/api/export?format=csv&layer=all&limit=3")
    assert len(csv_rows(got.body)[1]) == 3
    assert got.headers["x-sitrep-truncated"] == "true" and got.headers["x-sitrep-total"] == str(total)
    doc = json.loads(fetch(server, "/api/export?format=geojson&layer=all&limit=2").body)
    assert len(doc["features"]) == 2
    assert "limit" in error(fetch(server, "/api/export?limit=100001"), 422)
    assert "limit" in error(fetch(server, "/api/export?limit=0"), 422)


def test_a_download_closes_its_source_when_the_client_goes_away() -> None:
    """Else its connection, and its read transaction, would stay open until a garbage collection."""
    import asyncio

    from starlette.requests import ClientDisconnect

    from sitrep.api.download import _Download

    closed: list[bool] = []

    def source() -> Iterator[bytes]:
        try:
            while True:
                yield b"x" * 1024
        finally:
            closed.append(True)

    async def receive() -> dict[str, Any]:
        await asyncio.sleep(3600)
        return {"type": "http.disconnect"}

    async def send(message: dict[str, Any]) -> None:
        if message["type"] == "http.response.body":
            raise OSError("the client went away")

    response = _Download(source(), media_type="text/csv")
    raised: list[BaseException] = []

    def serve() -> None:
        try:
            asyncio.run(response({"type": "http", "asgi": {"spec_version": "2.4"}}, receive, send))  # type: ignore[arg-type]
        except BaseException as exc:
            raised.append(exc)

    # A thread of its own: Playwright's sync API keeps an event loop running in this one.
    thread = threading.Thread(target=serve)
    thread.start()
    thread.join(timeout=30)
    assert len(raised) == 1 and isinstance(raised[0], ClientDisconnect), raised
    assert closed == [True]


@pytest.mark.parametrize(
    ("path", "word"),
    [("/api/export?format=xml", "format"), ("/api/export?format=jsonl", "format"), ("/api/export?format=", "format"),
     ("/api/export?format=CSV", "format"), ("/api/export?bbox=1,2,3", "bbox"), ("/api/export?kind=zzz", "kind"),
     ("/api/export?layer=rumour", "layer")],
)  # fmt: skip
def test_an_unknown_format_or_a_bad_filter_is_a_422(server: str, path: str, word: str) -> None:
    assert word in error(fetch(server, path), 422)


def test_openapi_declares_the_export_its_media_types_and_the_events_filters(server: str) -> None:
    spec = json.loads(fetch(server, "/openapi.json").body)
    op = spec["paths"]["/api/export"]["get"]
    assert {"text/csv", "application/geo+json"} <= set(op["responses"]["200"]["content"])
    assert op["responses"]["422"]["content"]["application/json"]["schema"]["$ref"].endswith("/Error")
    fmt = next(p for p in op["parameters"] if p["name"] == "format")
    assert set(fmt["schema"]["enum"]) == {"csv", "acled", "geojson"}
    # The filters are /api/events' own: the two cannot drift apart.
    assert query_names(spec, "/api/export") - {"format", "limit"} == query_names(spec, "/api/events") - {"limit", "offset"}
