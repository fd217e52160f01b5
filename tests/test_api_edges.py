"""The JSON API's edges (issue #28): every odd request is a 4xx in the one error shape,
with the security headers, never a 500 and never a 200 for nonsense.

A tiny corpus of our own (article ids holding "/", "%", "?", "#", spaces, bidi marks and
other scripts) goes through ``sitrep run`` into a real SQLite file; ``sitrep serve`` serves
it on 127.0.0.1 (``running_server``). The limits on a request's head that only the HTTP
protocol can enforce are checked on uvicorn servers started with ``uvicorn_options()``.
"""

from __future__ import annotations

import http.client
import inspect
import json
import select
import socket
import sqlite3
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any, NamedTuple
from urllib.parse import quote, urlencode, urlsplit

import pytest
import uvicorn

from sitrep.api import create_app
from sitrep.api.launch import free_port, running_server
from sitrep.api.limits import MAX_HEADERS, MAX_TARGET, uvicorn_options

ODD_IDS = [
    "a/b",
    "https://news.example.com/2021/08/herat?x=1#top",
    "100% sure? #1 été \u202eevil\u202c",
    "../../etc/passwd",
    "/lead and trail/",
    "literal%2Fslash",
    "日本語 記事",
]
# One text per id (text repeated across a corpus is cleaned away as boilerplate); the
# second carries the first's copy, so a story and a diff join two odd ids.
TEXTS = [
    "The Taliban captured Herat on Thursday, officials said.\n\nFighting continued in Kandahar, "
    "where 12 people were killed in clashes between the Taliban and government forces.",
    "The Taliban captured Herat on Thursday, officials said.\n\nFighting continued in Kandahar, "
    "where 12 people were killed in clashes between the Taliban and government forces.\n\n"
    "Protesters gathered in Kabul on Friday.",
    "A suicide bomber killed 5 people in Kandahar on Wednesday, police said.",
    "Police arrested 14 protesters in Mazar-i-Sharif on Tuesday after a march against the governor.",
    "An airstrike hit a market in Lashkar Gah on Monday, killing 3 civilians, residents said.",
    "Gunmen abducted two aid workers near Jalalabad on Sunday, the provincial spokesman said.",
    "Fighters shelled the outskirts of Ghazni overnight, and families fled towards the city centre.",
]
CODES = {400: "bad_request", 404: "not_found", 405: "method_not_allowed", 414: "uri_too_long",
         422: "invalid_parameter", 431: "headers_too_large", 500: "internal_error"}  # fmt: skip


class Answer(NamedTuple):
    status: int
    headers: dict[str, str]
    body: bytes


def _corpus(path: Path) -> None:
    with path.open("w", encoding="utf-8") as f:
        for i, (article_id, text) in enumerate(zip(ODD_IDS, TEXTS, strict=True)):
            record = {"id": article_id, "title": f"Report {i}", "outlet": f"Outlet {i}",
                      "published": f"2021-08-1{i % 3 + 2}", "text": text}  # fmt: skip
            f.write(json.dumps(record) + "\n")


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    tmp = tmp_path_factory.mktemp("edges")
    corpus, out = tmp / "odd.jsonl", tmp / "odd.db"
    _corpus(corpus)
    cmd = [sys.executable, "-m", "sitrep", "run", "--db", str(out), str(corpus)]
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr[-2000:]  # every odd id must be taken in
    return out


@pytest.fixture(scope="module")
def server(db: Path) -> Iterator[str]:
    with running_server(db) as base:
        yield base


def _thread_server(app: Any, http: str) -> tuple[uvicorn.Server, threading.Thread, str]:
    port = free_port()
    options = {**uvicorn_options(), "http": f"sitrep.api.limits:{http}"}
    srv = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="critical", **options))
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    for _ in range(200):
        if srv.started:
            break
        time.sleep(0.05)
    assert srv.started, "the server did not start"
    return srv, thread, f"http://127.0.0.1:{port}"


@pytest.fixture(scope="module", params=["LimitedHttpTools", "LimitedH11"])
def limited(request: pytest.FixtureRequest, db: Path) -> Iterator[tuple[str, str]]:
    """uvicorn with ``uvicorn_options()`` (the protocol ``sitrep serve`` is to use), per protocol."""
    if request.param == "LimitedHttpTools":
        pytest.importorskip("httptools")
    srv, thread, base = _thread_server(create_app(db), request.param)
    yield base, request.param
    srv.should_exit = True
    thread.join(timeout=5)


def ask(base: str, path: str, method: str = "GET", headers: dict[str, str] | None = None) -> Answer:
    """One request, the path sent exactly as given (http.client encodes nothing)."""
    url = urlsplit(base)
    conn = http.client.HTTPConnection(url.hostname or "", url.port, timeout=20)
    try:
        conn.request(method, path, headers=headers or {})
        r = conn.getresponse()
        return Answer(r.status, {k.lower(): v for k, v in r.getheaders()}, r.read())
    finally:
        conn.close()


def ok(answer: Answer) -> Any:
    assert answer.status == 200, (answer.status, answer.body[:300])
    return json.loads(answer.body)


def assert_secured(answer: Answer) -> None:
    h = answer.headers
    assert "default-src 'self'" in h.get("content-security-policy", ""), h
    assert "frame-ancestors 'none'" in h["content-security-policy"]
    assert h.get("x-content-type-options") == "nosniff"
    assert h.get("referrer-policy") == "no-referrer"
    assert h.get("cross-origin-resource-policy") == "same-origin"


def assert_error(answer: Answer, status: int | tuple[int, ...], *words: str) -> dict[str, Any]:
    """A 4xx (or the given status) in the one shape, with the security headers."""
    statuses = (status,) if isinstance(status, int) else status
    assert answer.status in statuses, (answer.status, answer.body[:300])
    assert answer.headers.get("content-type", "").startswith("application/json"), answer.headers
    body = json.loads(answer.body)
    assert set(body) == {"error"} and set(body["error"]) == {"status", "code", "message"}, body
    err: dict[str, Any] = body["error"]
    assert err["status"] == answer.status and err["code"] == CODES[answer.status], err
    assert isinstance(err["message"], str) and err["message"].strip(), err
    for word in words:
        assert word in err["message"], (word, err["message"])
    assert_secured(answer)
    return err


BIG = "99999999999999999999999"
EDGES = [
    # Integers past SQLite's int64 (once a 500), negative, not integers; every route that takes one.
    ("/api/events?story=" + BIG, 422, "story"),
    ("/api/points?story=" + BIG, 422, "story"),
    ("/api/articles?story=" + BIG, 422, "story"),
    ("/api/events?story=9223372036854775808", 422, "story"),
    ("/api/events?story=-1", 422, "story"),
    ("/api/articles?story=abc", 422, "story"),
    ("/api/stories/" + BIG, 422, "story_id"),
    ("/api/stories/-1", 422, "story_id"),
    ("/api/stories/1.5", 422, "story_id"),
    ("/api/stories/abc", 422, "story_id"),
    ("/api/events?limit=0", 422, "limit"),
    ("/api/events?limit=-1", 422, "limit"),
    ("/api/events?limit=501", 422, "limit"),
    ("/api/events?limit=" + BIG, 422, "limit"),
    ("/api/events?offset=-1", 422, "offset"),
    ("/api/events?offset=" + BIG, 422, "offset"),
    ("/api/points?limit=0", 422, "limit"),
    ("/api/points?limit=50001", 422, "limit"),
    ("/api/articles?limit=-5", 422, "limit"),
    ("/api/articles?offset=" + BIG, 422, "offset"),
    ("/api/stories?limit=100000", 422, "limit"),
    ("/api/conflicts?offset=-1", 422, "offset"),
    # Days: the form is a 422, a day no calendar has a 400, both naming the parameter.
    ("/api/events?start=2021-13-45", 400, "start"),
    ("/api/events?end=2021-02-30", 400, "end"),
    ("/api/events?start=2021-00", 400, "start"),
    ("/api/events?end=2021-01-00", 400, "end"),
    ("/api/events?start=0000", 400, "start"),
    ("/api/events?start=2021-02-29", 400, "start"),
    ("/api/points?end=2021-04-31", 400, "end"),
    ("/api/events?start=2021-08-13&end=2021-08-12", 400, "start"),
    ("/api/events?start=2021-8-1", 422, "start"),
    ("/api/events?start=" + quote("٢٠٢١"), 422, "start"),
    ("/api/events?end=", 422, "end"),
    ("/api/control?on=2021-02-30", 400, "on"),
    ("/api/control?on=20210812", 422, "on"),
    ("/api/control?on=2021-08", 422, "on"),
    ("/api/control?day=2021-02-30", 422, "day"),
    # Boxes.
    ("/api/events?bbox=1,2,3", 422, "bbox"),
    ("/api/events?bbox=1,2,3,4,5", 422, "bbox"),
    ("/api/events?bbox=a,b,c,d", 422, "bbox"),
    ("/api/events?bbox=", 422, "bbox"),
    ("/api/events?bbox=nan,0,1,1", 422, "bbox"),
    ("/api/events?bbox=0,0,inf,1", 422, "bbox"),
    ("/api/points?bbox=0,0,181,1", 422, "bbox"),
    ("/api/points?bbox=0,-91,1,0", 422, "bbox"),
    ("/api/events?bbox=0,10,1,5", 422, "south > north"),
    ("/api/events?bbox=10,0,-10,1", 422, "west > east"),
    # Values outside their set.
    ("/api/events?status=rumoured", 422, "status"),
    ("/api/events?layer=rumour", 422, "layer"),
    ("/api/points?modality=zzz", 422, "modality"),
    ("/api/events?kind=zzz", 422, "kind"),
    ("/api/events?kind=%00", 422, "kind"),
    ("/api/points?acled_type=Nonsense", 422, "acled_type"),
    ("/api/events?q=" + "a" * 201, 422, "q"),
    ("/api/events?actor=" + "a" * 201, 422, "actor"),
    # Parameters a route does not take (the message names those it takes), or takes once.
    ("/api/events?status=single&status=disputed", 422, "status"),
    ("/api/events?limit=5&limit=6", 422, "limit"),
    ("/api/articles?story=1&story=2", 422, "story"),
    ("/api/events?foo=bar", 422, "foo"),
    ("/api/stories?q=Herat", 422, "takes limit, offset"),
    ("/api/health?x=1", 422, "no parameters"),
    ("/api/events?=1", 422, "unknown parameter"),
    # Nothing there.
    ("/api/events/no-such-event", 404, "no-such-event"),
    ("/api/articles/no-such-article", 404, "no-such-article"),
    ("/api/articles/%00", 404, "no article"),
    ("/api/articles/", 404, "no article"),
    ("/api/stories/9223372036854775807", 404, "no story"),
    ("/api/diff?b=no-such-article", 404, "no-such-article"),
    ("/api/nothing-here", 404, ""),
]


@pytest.mark.parametrize(("path", "status", "word"), EDGES)
def test_every_edge_is_a_4xx_in_the_one_shape(server: str, path: str, status: int, word: str) -> None:
    assert_error(ask(server, path), status, word)


@pytest.mark.parametrize(("method", "path"), [("POST", "/api/events"), ("DELETE", "/api/articles/a%2Fb"),
                                              ("PUT", "/api/stories/1"), ("PATCH", "/api/control")])  # fmt: skip
def test_other_methods_are_405(server: str, method: str, path: str) -> None:
    assert_error(ask(server, path, method), 405)


def test_the_largest_integer_sqlite_holds_is_an_empty_answer_not_a_crash(server: str) -> None:
    for route in ("/api/events", "/api/points", "/api/articles"):
        assert ok(ask(server, f"{route}?story=9223372036854775807"))["total"] == 0, route
    assert ok(ask(server, "/api/events?start=2024-02-29&end=2024-02"))["total"] == 0


def test_ids_with_any_character_round_trip(server: str) -> None:
    """Listed in /api/articles, then opened by the id percent-encoded: the same article."""
    listed = ok(ask(server, "/api/articles?limit=500"))
    ids = {a["id"] for a in listed["items"]}
    # Ingest drops control and bidi characters from ids (an id shown alone must not spoof).
    assert ids == {i.replace("\u202e", "").replace("\u202c", "") for i in ODD_IDS}
    for article_id in ids:
        article = ok(ask(server, "/api/articles/" + quote(article_id, safe="")))
        assert article["id"] == article_id and article["text"], article_id
    # The same ids as query values, and inside events, stories and diffs.
    copy = next(a for a in listed["items"] if a["copy_of"])
    diff = ok(ask(server, "/api/diff?" + urlencode({"b": copy["id"], "a": copy["copy_of"]})))
    assert diff["a"]["id"] == copy["copy_of"] and diff["b"]["id"] == copy["id"]
    events = ok(ask(server, "/api/events?layer=all&limit=500"))["items"]
    assert events, "the corpus tells no event"
    for event in events:
        detail = ok(ask(server, "/api/events/" + quote(event["id"], safe="")))
        assert set(detail["sources_named"]) == set(detail["articles"]) <= ids
    story = ok(ask(server, f"/api/stories/{copy['story_id']}"))
    assert {copy["id"], copy["copy_of"]} <= {a["id"] for a in story["articles"]}


def test_a_slash_id_is_reached_encoded_and_unencoded(server: str) -> None:
    assert ok(ask(server, "/api/articles/a%2Fb"))["id"] == "a/b"
    assert ok(ask(server, "/api/articles/a/b"))["id"] == "a/b"
    # Encoded once only: "%2F" in an id is the three characters, not a slash.
    assert ok(ask(server, "/api/articles/literal%252Fslash"))["id"] == "literal%2Fslash"
    assert_error(ask(server, "/api/articles/literal%2Fslash"), 404)


# Values no parameter should answer with a 500 to, whatever it is.
GARBAGE = ["", "%20", "-1", "0", "1e309", BIG, "%00", "%27", "%22%20OR%201%3D1", "NEAR(", "*", "%ED%A0%80",
           "%FF%FE", "2021-02-30", "..%2F..", "%E2%80%AE", "a" * 300]  # fmt: skip
PARAMETERS = {
    "/api/events": ["bbox", "start", "end", "kind", "acled_type", "actor", "status", "modality",
                    "story", "layer", "q", "limit", "offset"],
    "/api/points": ["bbox", "start", "end", "kind", "story", "q", "limit"],
    "/api/articles": ["story", "q", "limit", "offset"],
    "/api/stories": ["limit", "offset"],
    "/api/conflicts": ["limit", "offset"],
    "/api/control": ["on"],
    "/api/diff": ["b", "a"],
}  # fmt: skip


def test_no_value_of_any_parameter_is_a_500(server: str) -> None:
    for route, names in PARAMETERS.items():
        for name in names:
            for value in GARBAGE:
                answer = ask(server, f"{route}?{name}={value}")
                assert answer.status < 500, (route, name, value, answer.body[:300])
                if answer.status >= 400:
                    assert_error(answer, answer.status)
                else:
                    assert_secured(answer)
    for value in GARBAGE:
        for route in ("/api/events/", "/api/articles/", "/api/stories/"):
            answer = ask(server, route + value)
            assert answer.status < 500, (route, value, answer.body[:300])
            assert_secured(answer)


def test_a_long_target_and_large_headers_get_json_from_the_app(server: str) -> None:
    """Heads that reach the app whole (under the server's own limits) are refused by it."""
    long_target = ask(server, "/api/events?q=" + "a" * MAX_TARGET)
    assert "target" in assert_error(long_target, 414, str(MAX_TARGET))["message"]
    assert long_target.headers.get("connection") == "close"
    headers = {f"x-filler-{i}": "a" * 1000 for i in range(MAX_HEADERS // 1000 + 1)}
    assert_error(ask(server, "/api/health", headers=headers), 431, str(MAX_HEADERS))
    # Just under the limits, the same requests are answered.
    assert_error(ask(server, "/api/events?q=" + "a" * (MAX_TARGET - 200)), 422, "q")
    ok(ask(server, "/api/health", headers={"x-filler": "a" * (MAX_HEADERS - 1000)}))


def _raw(base: str, head: bytes, stream: int = 0) -> Answer:
    """Send ``head`` (then up to ``stream`` more header bytes) on a socket; read the answer.

    Streaming stops as soon as the server answers: it stops reading a head that is too large.
    """
    url = urlsplit(base)
    with socket.create_connection((url.hostname, url.port), timeout=20) as s:
        s.sendall(head)
        sent = 0
        while sent < stream and not select.select([s], [], [], 0)[0]:
            try:
                s.sendall(b"a" * 65536)
            except OSError:  # the server closed the connection: its answer is waiting
                break
            sent += 65536
        data = b""
        while b"\r\n\r\n" not in data or len(data) < data.index(b"\r\n\r\n") + 4 + _length(data):
            chunk = s.recv(65536)
            if not chunk:
                break
            data += chunk
    assert sent < stream or not stream, "the server read the whole oversized head"
    head_bytes, _, body = data.partition(b"\r\n\r\n")
    lines = head_bytes.decode("latin-1").split("\r\n")
    status = int(lines[0].split()[1])
    headers = {k.lower(): v.strip() for k, _, v in (line.partition(":") for line in lines[1:])}
    if "content-length" in headers:
        # Pipelined requests: the next answer may arrive in the same read; it is not this body.
        body = body[: int(headers["content-length"])]
    return Answer(status, headers, body)


def _length(data: bytes) -> int:
    for line in data.split(b"\r\n\r\n")[0].split(b"\r\n"):
        if line.lower().startswith(b"content-length:"):
            return int(line.split(b":")[1])
    return 0


def test_oversized_and_malformed_heads_get_json_from_the_protocol(limited: tuple[str, str]) -> None:
    base, protocol = limited
    # 100 KB of query: httptools cannot even parse a target over 64 KB; h11 may see the
    # whole head at once (then the app answers 414) or in pieces (then it gives up: 431).
    long_query = b"GET /api/events?x=" + b"a" * 100_000 + b" HTTP/1.1\r\nHost: x\r\n\r\n"
    assert_error(_raw(base, long_query), 414 if protocol == "LimitedHttpTools" else (414, 431))
    # A 50 MB header: refused after a few dozen KB, never buffered.
    huge = _raw(base, b"GET /api/health HTTP/1.1\r\nHost: x\r\nX-Big: ", stream=50_000_000)
    assert_error(huge, 431)
    many = b"".join(b"X-%d: aaaaaaaaaaaaaaaaaaaa\r\n" % i for i in range(2000))
    assert_error(_raw(base, b"GET /api/health HTTP/1.1\r\nHost: x\r\n" + many + b"\r\n"), 431)
    # What the parser rejects is a 400 in the same shape, not uvicorn's plain text.
    for bad in (b"GARBAGE\r\n\r\n", b"GET /api/he\x01alth HTTP/1.1\r\nHost: x\r\n\r\n",
                b"GET /api/health HTTP/1.1\r\nBad Header\r\n\r\n"):  # fmt: skip
        assert_error(_raw(base, bad), 400, "invalid HTTP request")
    # A WebSocket upgrade is an ordinary GET here (the API has no WebSockets).
    upgrade = (b"GET /api/events?foo=1 HTTP/1.1\r\nHost: x\r\nConnection: Upgrade\r\nUpgrade: websocket\r\n"
               b"Sec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n")  # fmt: skip
    assert_error(_raw(base, upgrade), 422, "foo")
    # And ordinary requests, two pipelined on one connection, are answered as ever.
    two = b"GET /api/health HTTP/1.1\r\nHost: x\r\n\r\n"
    assert ok(_raw(base, two + two))["ok"] is True


def test_sitrep_serve_uses_the_protocol_limits(server: str) -> None:
    """``sitrep serve`` itself refuses a 100 KB target and a 50 MB header in JSON."""
    from sitrep import cli

    if "uvicorn_options" not in inspect.getsource(cli._serve):
        pytest.skip("sitrep serve does not pass sitrep.api.limits.uvicorn_options() to uvicorn yet")
    assert_error(_raw(server, b"GET /api/events?x=" + b"a" * 100_000 + b" HTTP/1.1\r\nHost: x\r\n\r\n"), 414)
    assert_error(_raw(server, b"GET /api/health HTTP/1.1\r\nHost: x\r\nX-Big: ", stream=50_000_000), 431)


def test_a_crash_is_a_500_in_the_one_shape_with_the_security_headers(tmp_path: Path) -> None:
    """No route should crash; if one does, it still answers in the shape, secured."""
    empty = tmp_path / "empty.db"
    sqlite3.connect(empty).close()  # a database without sitrep's tables: every query fails
    srv, thread, base = _thread_server(create_app(empty), "LimitedH11")
    try:
        err = assert_error(ask(base, "/api/health"), 500)
        assert "OperationalError" in err["message"]
    finally:
        srv.should_exit = True
        thread.join(timeout=5)
