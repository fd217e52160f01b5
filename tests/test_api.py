"""The JSON API: a real uvicorn server on 127.0.0.1 over a real database of the seeds."""

from __future__ import annotations

import hashlib
import json
import socket
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import uvicorn
from click.testing import CliRunner

from sitrep.api import create_app
from sitrep.cli import main
from sitrep.pipeline import run
from sitrep.store import Store
from tests.conftest import SEEDS, need_shared

HOSTILE = "<script>alert(1)</script> and <img src=x onerror=alert(2)> in Herat"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    need_shared(SEEDS)
    tmp = tmp_path_factory.mktemp("api")
    hostile = tmp / "hostile.jsonl"
    hostile.write_text(
        json.dumps(
            {
                "id": "hostile",
                "title": HOSTILE,
                "published": "2021-08-13",
                "text": f"{HOSTILE}.\n\nThe Taliban captured Herat on Thursday.",
            }
        )
        + "\n",
        encoding="utf-8",
    )
    db = tmp / "seeds.db"
    with Store(db) as store:
        run([SEEDS, hostile], store, max_bytes=20 * 1024 * 1024)
    port = _free_port()
    config = uvicorn.Config(create_app(db), host="127.0.0.1", port=port, log_level="warning")
    srv = uvicorn.Server(config)
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    for _ in range(100):
        if srv.started:
            break
        time.sleep(0.05)
    assert srv.started, "the server did not start"
    yield f"http://127.0.0.1:{port}", db
    srv.should_exit = True
    thread.join(timeout=5)


def get(base: str, path: str) -> tuple[int, dict[str, Any], dict[str, str]]:
    try:
        with urllib.request.urlopen(base + path, timeout=10) as r:
            return r.status, json.loads(r.read()), dict(r.headers)
    except urllib.error.HTTPError as e:
        return e.code, json.loads(e.read()), dict(e.headers)


def test_health_and_openapi(server: tuple[str, Path]) -> None:
    base, _ = server
    code, body, headers = get(base, "/api/health")
    assert code == 200 and body["articles"] == 3 and body["events"] > 10
    assert "default-src 'self'" in headers["content-security-policy"]
    assert headers["x-content-type-options"] == "nosniff"
    code, spec, _ = get(base, "/openapi.json")
    assert code == 200
    for path in (
        "/api/events",
        "/api/events/{event_id}",
        "/api/articles",
        "/api/stories",
        "/api/conflicts",
        "/api/control",
        "/api/diff",
    ):
        assert path in spec["paths"], path


def test_events_filtered_by_place_kind_and_words(server: tuple[str, Path]) -> None:
    base, _ = server
    code, body, _ = get(base, "/api/events?bbox=61.5,33.8,62.8,34.8&kind=territory")
    assert code == 200 and body["total"] >= 1
    assert all(
        61.5 <= e["place"]["lon"] <= 62.8 and e["family"] == "territory" for e in body["items"]
    )
    herat = next(e for e in body["items"] if e["kind"] == "territory.capture")
    assert "evidence" not in herat and herat["evidence_text"]
    code, body, _ = get(base, "/api/events?q=Kandahar")
    assert code == 200 and body["total"] >= 1
    code, body, _ = get(base, "/api/events?status=single&start=2021-08-12&end=2021-08-12&limit=2")
    assert code == 200 and len(body["items"]) <= 2 and body["next_offset"] in (2, None)
    assert all(
        e["status"] == "single" and e["date"]["value"] == "2021-08-12" for e in body["items"]
    )


def test_one_event_carries_its_evidence_and_conflicts(server: tuple[str, Path]) -> None:
    base, _ = server
    _, body, _ = get(base, "/api/events?kind=siege&q=Mazar")
    siege = next(e for e in body["items"] if e["conflicts"])
    code, event, _ = get(base, f"/api/events/{siege['id']}")
    assert (
        code == 200 and len(event["mentions"]) >= 2 and all(ev["text"] for ev in event["evidence"])
    )
    assert event["conflicts"][0]["kind"] == "update"
    assert [v["value"] for v in event["conflicts"][0]["values"]] == [10, 12]


def test_articles_stories_diff_and_control(server: tuple[str, Path]) -> None:
    base, _ = server
    code, body, _ = get(base, "/api/articles?q=Kandahar")
    assert code == 200 and {a["id"][:3] for a in body["items"]} >= {"000", "003"}
    code, art, _ = get(base, "/api/articles/003_148240228117d87a.txt")
    assert code == 200 and art["copy_of"] == "000_a590446ecc86677d.txt" and art["events"]
    code, diff, _ = get(base, "/api/diff?b=003_148240228117d87a.txt")
    assert code == 200 and diff["a"]["id"].startswith("000") and diff["summary"]["added"] > 0
    code, stories, _ = get(base, "/api/stories")
    seeds_story = next(
        s for s in stories["items"] if "003_148240228117d87a.txt" in s["article_ids"]
    )
    code, story, _ = get(base, f"/api/stories/{seeds_story['id']}")
    assert code == 200 and len(story["articles"]) >= 2 and story["events"]
    code, control, _ = get(base, "/api/control?on=2021-08-12")
    held = {p["place"]["name"]: p["holder"] for p in control["places"]}
    assert any(name.startswith("Her") and who == "Taliban" for name, who in held.items())


def test_one_article_shape_leaves_annotate_export_and_the_api(server: tuple[str, Path], tmp_path: Path) -> None:
    base, db = server
    seed = SEEDS / "003_148240228117d87a.txt"  # the later report, which carries 000's wire copy
    given = tmp_path / "seed.jsonl"
    given.write_text(json.dumps({"id": seed.name, "text": seed.read_text(encoding="utf-8")}) + "\n", encoding="utf-8")
    runner = CliRunner()
    annotated = json.loads(runner.invoke(main, ["annotate", "--input", str(given), "--output", "-"], catch_exceptions=False).stdout)
    out = runner.invoke(main, ["export", "--db", str(db), "--what", "articles", "--format", "jsonl"], catch_exceptions=False).stdout
    exported = {a["id"]: a for a in map(json.loads, out.splitlines())}[seed.name]
    _, listed, _ = get(base, "/api/articles?limit=100")
    item = next(a for a in listed["items"] if a["id"] == seed.name)
    _, detail, _ = get(base, f"/api/articles/{seed.name}")
    _, story, _ = get(base, f"/api/stories/{exported['story_id']}")
    in_story = next(a for a in story["articles"] if a["id"] == seed.name)
    _, event, _ = get(base, f"/api/events/{detail['events'][0]}")
    named = event["sources_named"][seed.name]
    # One shape: annotate's article part is export's; a list leaves out only the text parts;
    # the detail adds only the ids of its events.
    assert set(annotated) - {"places", "times", "quantities", "events"} < set(exported)
    assert set(detail) == set(exported) | {"events"}
    text_parts = {"text", "headings", "captions", "removed"}
    for brief in (item, in_story, named):
        assert set(brief) == set(exported) - text_parts
    # ... and the same values: the date with how it was found, the copy verdict.
    assert isinstance(exported["published"], dict) and exported["published"]["value"].startswith("2021-08")
    for shape in (annotated, item, in_story, named, detail):
        assert shape["published"] == exported["published"]
        assert shape["title"] == exported["title"] and shape["wire"] == exported["wire"]
    for shape in (item, in_story, named, detail):
        assert shape["copy"] == exported["copy"] and shape["copy"]["of"] == "000_a590446ecc86677d.txt"
    assert detail["text"] == exported["text"] == annotated["text"]


@pytest.mark.parametrize(
    ("path", "status"),
    [
        ("/api/events?limit=100000", 422),
        ("/api/events?bbox=1,2,3", 422),
        ("/api/events?start=yesterday", 422),
        ("/api/events?status=rumoured", 422),
        ("/api/events/no-such-event", 404),
        ("/api/articles/no-such-article", 404),
        ("/api/control?on=12/08/2021", 422),
        ("/api/nothing-here", 404),
    ],
)
def test_every_error_has_one_shape(server: tuple[str, Path], path: str, status: int) -> None:
    code, body, headers = get(server[0], path)
    assert code == status
    assert set(body) == {"error"} and body["error"]["status"] == status and body["error"]["message"]
    assert "default-src 'self'" in headers["content-security-policy"]


def test_hostile_text_is_data_and_the_database_is_never_written(server: tuple[str, Path]) -> None:
    base, db = server
    before = hashlib.sha256(db.read_bytes()).hexdigest()
    code, art, headers = get(base, "/api/articles/hostile")
    assert code == 200 and headers["content-type"] == "application/json"
    assert HOSTILE in art["text"]
    # Query text with SQL and FTS syntax in it is only ever a parameter.
    for q in ("'; DROP TABLE articles; --", '" OR 1=1', "NEAR(", "%_"):
        code, _, _ = get(base, "/api/events?q=" + urllib.request.quote(q))
        assert code == 200, q
    assert hashlib.sha256(db.read_bytes()).hexdigest() == before


def test_the_map_shows_material_events_and_speech_acts_on_request(server: tuple[str, Path]) -> None:
    from sitrep.events.lexicon import layer_of

    base, _ = server
    _, material, _ = get(base, "/api/events?limit=500")
    _, speech, _ = get(base, "/api/events?layer=speech&limit=500")
    _, every, _ = get(base, "/api/events?layer=all&limit=500")
    assert material["total"] > 0 and speech["total"] > 0
    assert material["total"] + speech["total"] == every["total"]
    assert all(layer_of(e["kind"]) == "material" for e in material["items"])
    assert all(layer_of(e["kind"]) == "speech" for e in speech["items"])
    code, _, _ = get(base, "/api/events?layer=rumour")
    assert code == 422


def _undeclared(model: Any, value: Any, where: str = "") -> list[str]:
    """Fields a real response carries that the declared model does not name (recursively)."""
    from pydantic import BaseModel

    out: list[str] = [f"{where}.{k}" for k in (value.model_extra or {})] if isinstance(value, BaseModel) else []
    if isinstance(value, BaseModel):
        for name in type(value).model_fields:
            out += _undeclared(None, getattr(value, name), f"{where}.{name}")
    elif isinstance(value, list):
        for item in value[:20]:
            out += _undeclared(None, item, f"{where}[]")
    return out


def test_openapi_declares_what_each_route_answers(server: tuple[str, Path]) -> None:
    from sitrep.api import models as m

    base, _ = server
    _, spec, _ = get(base, "/openapi.json")
    for path in ("/api/events", "/api/events/{event_id}", "/api/articles", "/api/articles/{article_id}",
                 "/api/stories", "/api/stories/{story_id}", "/api/conflicts", "/api/control", "/api/points", "/api/health"):  # fmt: skip
        ok = spec["paths"][path]["get"]["responses"]["200"]["content"]["application/json"]["schema"]
        assert "$ref" in ok, f"{path} documents no response model"
    assert spec["paths"]["/api/events/{event_id}"]["get"]["responses"]["404"]["content"]["application/json"]["schema"]["$ref"].endswith("/Error")
    # The declared models hold every field real responses carry.
    _, events, _ = get(base, "/api/events?limit=50")
    event_id = events["items"][0]["id"]
    _, article_list, _ = get(base, "/api/articles")
    story_id = article_list["items"][0]["story_id"]
    answers = [
        (m.EventPage, events),
        (m.EventDetail, get(base, f"/api/events/{event_id}")[1]),
        (m.ArticlePage, article_list),
        (m.ArticleDetail, get(base, f"/api/articles/{article_list['items'][0]['id']}")[1]),
        (m.StoryPage, get(base, "/api/stories")[1]),
        (m.StoryDetail, get(base, f"/api/stories/{story_id}")[1]),
        (m.ConflictPage, get(base, "/api/conflicts")[1]),
        (m.Control, get(base, "/api/control")[1]),
        (m.Points, get(base, "/api/points")[1]),
        (m.Health, get(base, "/api/health")[1]),
    ]
    for model, body in answers:
        assert _undeclared(model, model.model_validate(body)) == [], model.__name__
