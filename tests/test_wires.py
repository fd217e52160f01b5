"""Wire credits, sources by name, tolls over time and the ACLED export (issue #26).

Most checks run on ``tests/fixtures/wires/stories.jsonl``: invented AP, Xinhua, Reuters,
AFP and New York Times style stories whose only credit is their dateline (see the
README beside it), run end to end into a real SQLite file.
"""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from sitrep.clean import clean
from sitrep.clean.meta import closing_credit, dateline_at
from sitrep.cli import main
from sitrep.consolidate.mention import ArticleInfo, make_mention
from sitrep.consolidate.merge import cluster
from sitrep.consolidate.record import record
from sitrep.ingest import read_paths
from sitrep.model import Article, RawArticle
from tests.conftest import EVAL, need_shared

CORPUS = Path(__file__).parent / "fixtures" / "wires" / "stories.jsonl"
# The agency each story of the corpus credits, by the archive's id prefix (the corpus README).
CREDITED = {"APW": "AP", "XIN": "Xinhua", "RTR": "Reuters", "AFP": "AFP", "LOC": "agencies"}
# An article id as the archives write them ("APW19980808.0022"): never a source's name.
ARTICLE_ID = re.compile(r"[A-Z]{3}\d{8}\.\d{4}")


def _invoke(*args: str) -> str:
    result = CliRunner().invoke(main, list(args), catch_exceptions=False)
    assert result.exit_code == 0, result.stderr
    return result.stdout


@pytest.fixture(scope="module")
def corpus_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("wires") / "wires.db"
    _invoke("run", str(CORPUS), "--db", str(db))
    return db


@pytest.fixture(scope="module")
def events(corpus_db: Path) -> list[dict[str, Any]]:
    out = _invoke("export", "--db", str(corpus_db), "--what", "events")
    return [json.loads(line) for line in out.splitlines()]


@pytest.fixture(scope="module")
def articles(corpus_db: Path) -> dict[str, dict[str, Any]]:
    out = _invoke("export", "--db", str(corpus_db), "--what", "articles")
    return {a["id"]: a for a in map(json.loads, out.splitlines())}


def _at(events: list[dict[str, Any]], family: str, place: str) -> dict[str, Any]:
    (found,) = [
        e
        for e in events
        if e["family"] == family
        and (e.get("place") or {}).get("name") == place
        and e.get("fatalities_range")
    ]
    return found


# -- datelines ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "dateline", "wire"),
    [
        ("NAIROBI, Kenya (AP) _ A truck bomb exploded", "NAIROBI, Kenya (AP) _", "AP"),
        ("WASHINGTON (AP) -- The United States offered", "WASHINGTON (AP) --", "AP"),
        ("THE HAGUE, Netherlands (AP)_ The World Court", "THE HAGUE, Netherlands (AP)_", "AP"),
        ("NICOSIA, August 8 (Xinhua) -- Cyprus said", "NICOSIA, August 8 (Xinhua) --", "Xinhua"),
        ("(Reuters) - The Taliban said", "(Reuters) -", "Reuters"),
        ("(AFP) - Police said", "(AFP) -", "AFP"),
        ("Denver (AP) – Colorado's top cop", "Denver (AP) –", "AP"),
        ("MANDERA, Kenya _ Gunmen attacked", "MANDERA, Kenya _", None),
        ("NEWARK, N.J. _ A new task force", "NEWARK, N.J. _", None),
        (
            "KABUL, Afghanistan (Jan. 25, 2013) - An Afghan",
            "KABUL, Afghanistan (Jan. 25, 2013) -",
            None,
        ),
        ("ISIOLO, Kenya (AP) --", "ISIOLO, Kenya (AP) --", "AP"),
        ("ATHENS, Feb 13 - Greek lawmakers on Monday", "ATHENS, Feb 13 -", None),
        ("NEW YORK, Feb. 13 - Police said", "NEW YORK, Feb. 13 -", None),
    ],
)
def test_dateline_forms_and_their_credit(text: str, dateline: str, wire: str | None) -> None:
    found = dateline_at(text)
    assert found is not None and (found.text, found.wire) == (dateline, wire)


@pytest.mark.parametrize(
    "text",
    [
        "THE TALIBAN HAS claimed to have captured Kandahar",
        "BREAKING — Troops enter the city",
        "KABUL - The Taliban said",
        "UPDATE, Feb 13 - Police said",
        "Kenya (formerly British East Africa) is",
        "The men (AP) said nothing",
        "Police said the blast (file) was heard",
    ],
)
def test_no_dateline(text: str) -> None:
    assert dateline_at(text) is None


@pytest.mark.parametrize(
    ("line", "wire"),
    [
        ("- Agencies", "agencies"),
        ("(Reuters)", "Reuters"),
        ("With AFP", "AFP"),
        ("Top stories", None),
    ],
)
def test_closing_credits(line: str, wire: str | None) -> None:
    assert closing_credit(line) == wire


def test_every_corpus_story_credits_its_agency_and_no_dateline_is_a_title() -> None:
    for raw in read_paths([CORPUS]):
        assert isinstance(raw, RawArticle)
        article = clean(raw)
        prefix = raw.id[:3]
        if prefix in CREDITED:
            assert article.wire[:1] == [CREDITED[prefix]], (raw.id, article.wire)
        if prefix != "LOC":
            # Every story but the local paper's opens with a dateline, kept apart from the body.
            assert article.dateline and dateline_at(article.dateline), raw.id
            assert not article.text.startswith(article.dateline), raw.id
        assert article.title is None or dateline_at(article.title) is None, raw.id
    # A headline above a dateline on a line of its own is the title.
    (raw,) = [
        r for r in read_paths([CORPUS]) if isinstance(r, RawArticle) and r.id == "APW20190305.0033"
    ]
    article = clean(raw)
    assert (
        article.title == raw.text.splitlines()[0] and article.dateline == raw.text.splitlines()[2]
    )


def test_aquaint_wire_stories_credit_ap_and_keep_the_dateline_apart() -> None:
    path = need_shared(EVAL / "times.dev.jsonl")
    checked = 0
    for line in path.read_text("utf-8").splitlines():
        rec = json.loads(line)
        if not rec["id"].startswith(("APW", "NYT")):
            continue
        first = rec["text"].split("\n", 1)[0]
        found = dateline_at(first)
        if found is None:
            continue  # a story that opens with no dateline ("MALAYSIA's aggressive move")
        article = clean(RawArticle(id=rec["id"], source=rec["id"], text=rec["text"]))
        assert isinstance(article, Article)
        assert article.dateline == found.text, rec["id"]
        assert article.title != found.text and not article.text.startswith(found.text), rec["id"]
        if rec["id"].startswith("APW"):
            assert article.wire[:1] == ["AP"], (rec["id"], article.wire)
        checked += 1
    assert checked >= 15


# -- sources counted and named, end to end --------------------------------------------------


def test_five_ap_and_two_xinhua_stories_count_each_agency_once(
    events: list[dict[str, Any]], articles: dict[str, dict[str, Any]]
) -> None:
    bombing = _at(events, "attack", "Isiolo")
    carried = sorted(bombing["articles"])
    assert [a[:3] for a in carried] == ["APW"] * 5 + ["XIN"] * 2
    originators = bombing["originators"]
    assert originators.count("wire:AP") == 1 and originators.count("wire:Xinhua") == 1
    # Beside the two agencies only the named sources they quote count.
    assert all(o.startswith("source:") for o in originators if not o.startswith("wire:"))
    assert bombing["independent_sources"] == len(originators) < len(carried)
    # Every article of the event goes by its agency's name.
    assert {m["article_id"][:3]: m["outlet"] for m in bombing["mentions"]} == {
        "APW": "AP",
        "XIN": "Xinhua",
    }
    for e in events:
        shown = json.dumps(
            [e["originators"], e["accounts"], [m["originator"] for m in e["mentions"]]]
        )
        assert not ARTICLE_ID.search(shown), shown
    # No title is a dateline.
    for a in articles.values():
        assert a["title"] is None or dateline_at(a["title"]) is None, a


def test_a_toll_rising_over_days_is_an_update_and_the_latest_corroborated_figure_is_best(
    events: list[dict[str, Any]], corpus_db: Path
) -> None:
    bombing = _at(events, "attack", "Isiolo")
    conflicts = {
        c["id"]: c
        for c in map(
            json.loads,
            _invoke("export", "--db", str(corpus_db), "--what", "conflicts").splitlines(),
        )
    }
    (toll,) = [conflicts[i] for i in bombing["conflicts"] if conflicts[i]["fact"] == "fatalities"]
    assert toll["kind"] == "update"
    days = [v["published"] for v in toll["values"]]
    values = [v["value"] for v in toll["values"]]
    assert days == sorted(days) and values == sorted(values) and len(set(days)) == 3
    rng = bombing["fatalities_range"]
    assert (rng["low"], rng["high"]) == (values[0], values[-1])
    assert bombing["fatalities"] == rng["best"] == values[-1]
    assert bombing["status"] == "corroborated"


def test_same_day_tolls_that_disagree_contradict(
    events: list[dict[str, Any]], corpus_db: Path
) -> None:
    attack = _at(events, "clash", "Mandera")
    conflicts = [
        c
        for c in map(
            json.loads,
            _invoke("export", "--db", str(corpus_db), "--what", "conflicts").splitlines(),
        )
        if c["id"] in attack["conflicts"]
    ]
    (toll,) = conflicts
    assert toll["kind"] == "contradiction" and len({v["published"] for v in toll["values"]}) == 1
    assert attack["status"] == "disputed"
    # The figure two independent reports give is the best; the other is kept as the high.
    values = [v["value"] for v in toll["values"]]
    assert attack["fatalities"] == max(set(values), key=values.count)
    assert attack["fatalities_range"]["high"] == max(values)


def test_killing_dozens_is_a_range_never_a_figure(events: list[dict[str, Any]]) -> None:
    raid = _at(events, "attack", "Garissa")
    assert raid["fatalities"] is None
    rng = raid["fatalities_range"]
    assert rng["best"] is None and rng["vague"] == [{"text": "dozens", "low": 24, "high": 99}]
    assert (rng["low"], rng["high"]) == (24, 99)


# -- ACLED CSV ------------------------------------------------------------------------------


def _acled(db: Path) -> list[dict[str, str]]:
    out = _invoke("export", "--db", str(db), "--what", "events", "--format", "acled")
    return list(csv.DictReader(io.StringIO(out)))


def test_acled_rows_of_the_corpus(corpus_db: Path, events: list[dict[str, Any]]) -> None:
    rows = _acled(corpus_db)
    assert rows
    for r in rows:
        assert r["source"] and not ARTICLE_ID.search(r["source"]), r["source"]
        if r["sub_event_type"] == "Arrests":
            assert r["civilian_targeting"] == "", r
        if r["event_type"] == "Violence against civilians":
            assert r["civilian_targeting"] == "Civilian targeting", r
    (bombing,) = [
        r
        for r in rows
        if r["location"] == "Isiolo" and r["event_type"] == "Explosions/Remote violence"
    ]
    assert bombing["source"] == "AP; Xinhua" and bombing["geo_precision"] == "1"
    assert bombing["fatalities"] == str(_at(events, "attack", "Isiolo")["fatalities"])
    # "a village near Garissa": near the town, not in it; "dozens" coded as ACLED codes it.
    (raid,) = [
        r
        for r in rows
        if r["location"] == "Garissa" and r["event_type"] == "Violence against civilians"
    ]
    assert raid["geo_precision"] == "2" and raid["fatalities"] == "12"
    assert "dozens" in raid["notes"]
    (arrest,) = [r for r in rows if r["sub_event_type"] == "Arrests"]
    assert set(arrest["source"].split("; ")) == {"AFP", "Reuters"}


def test_acled_rows_of_the_demo(tmp_path: Path) -> None:
    from importlib import resources

    db = tmp_path / "demo.db"
    demo = resources.files("sitrep") / "data" / "demo"
    _invoke("run", str(demo), "--db", str(db))
    events = {
        e["id"]: e
        for e in map(
            json.loads, _invoke("export", "--db", str(db), "--what", "events").splitlines()
        )
    }
    rows = _acled(db)
    assert rows
    for r in rows:
        assert r["source"] and ".txt" not in r["source"], r["source"]
        if r["event_type"] in ("Strategic developments", "Battles", "Protests"):
            assert r["civilian_targeting"] == "", r
    by_precision: dict[str, set[str]] = {}
    for e in events.values():
        place = e.get("place") or {}
        by_precision.setdefault(str(place.get("precision")), set()).add(str(place.get("name")))
    for r in rows:
        if r["location"] in by_precision.get("country", set()):
            assert r["geo_precision"] == "3", r
    assert sum(r["geo_precision"] == "1" for r in rows) > len(rows) / 2


def test_acled_admin2_comes_from_the_place() -> None:
    from sitrep.acled import row

    event: dict[str, Any] = {
        "id": "ev1", "kind": "attack.bombing", "family": "attack",
        "acled": {"event_type": "Explosions/Remote violence", "sub_event_type": "Remote explosive/landmine/IED"},
        "place": {"name": "Isiolo", "country_code": "KE", "admin1": "Isiolo", "admin2": "Isiolo North",
                  "precision": "city", "lat": 0.35, "lon": 37.58},
        "date": {"value": "2019-03-04", "precision": "day"}, "modality": "asserted",
        "evidence": [{"text": "A truck bomb exploded at a market in Isiolo on Monday."}],
        "originators": ["wire:AP"], "articles": ["a1"], "mentions": [{"article_id": "a1", "outlet": "AP"}],
    }  # fmt: skip
    out = row(event, {}, stamp=0)
    assert out is not None and out["admin2"] == "Isiolo North" and out["source"] == "AP"
    del event["place"]["admin2"]
    out = row(event, {}, stamp=0)
    assert out is not None and out["admin2"] == ""


@pytest.mark.parametrize(
    ("sentence", "precision", "grade"),
    [
        ("A bomb exploded at a market in Garissa on Monday.", "city", 1),
        ("Gunmen raided a village near Garissa on Wednesday.", "city", 2),
        ("About 200 people rallied outside the county offices in Garissa.", "city", 1),
        ("Militants shelled a hamlet in the Garissa countryside.", "city", 2),
        ("Police clashed with herders 30 km north of Garissa.", "city", 2),
        ("Herders clashed in Garissa district.", "admin2", 2),
        ("Fighting spread across Garissa county.", "admin1", 3),
        ("Troops deployed across Kenya.", "country", 3),
    ],
)
def test_acled_geo_precision(sentence: str, precision: str, grade: int) -> None:
    from sitrep.acled import geo_precision

    name = "Kenya" if precision == "country" else "Garissa"
    event = {"place": {"name": name, "precision": precision}, "evidence": [{"text": sentence}]}
    assert geo_precision(event) == grade


# -- tolls over time, unit by unit ----------------------------------------------------------

_ISIOLO = {"name": "Isiolo", "geonameid": 187896, "lat": 0.35, "lon": 37.58, "country_code": "KE",
           "admin1": "Isiolo", "precision": "city"}  # fmt: skip


def _info(pk: int, published: str | None, outlet: str | None = None, wire: list[str] | None = None,
          copy_of: int | None = None) -> ArticleInfo:  # fmt: skip
    return ArticleInfo(
        pk=pk, id=f"APW2019030{pk}.00{pk}0", outlet=outlet, published=published,
        published_precision="day" if published else None, wire=wire or [],
        copy_group=copy_of or pk, copy_of=copy_of, copy_relation=None, story_id=1,
    )  # fmt: skip


def _mention(pk: int, info: ArticleInfo, text: str, toll: int | None, **kw: Any) -> Any:
    data = {
        "id": f"m{pk}", "kind": "attack.bombing", "family": "attack", "place": _ISIOLO,
        "date": {"value": "2019-03-04", "precision": "day", "text": "on Monday"}, "modality": "asserted",
        "actor1": None, "actor2": None, "sources": kw.get("sources", []), "fatalities": toll,
        "quantities": kw.get("quantities", []),
        "evidence": [{"article_id": info.id, "start": 0, "end": len(text), "text": text}],
    }  # fmt: skip
    return make_mention(pk, 0, data, info)


_SAID = "A truck bomb exploded at a market in Isiolo on Monday, killing {} people."
_ROSE = "The death toll from Monday's truck bomb at a market in Isiolo rose to {}."


def test_a_toll_that_rose_is_an_update_even_undated() -> None:
    # No publication dates: the later report says its toll rose.
    a, b = _info(1, None, "The Star"), _info(2, None, "Daily Nation")
    ms = [_mention(1, a, _SAID.format(75), 75), _mention(2, b, _ROSE.format(257), 257)]
    (one,) = cluster(ms)
    event, conflicts = record("ev1", one)
    assert [(c.fact, c.kind) for c in conflicts] == [("fatalities", "update")]
    assert [v.value for v in conflicts[0].values] == [75, 257]
    assert event.fatalities_range == {"best": 257, "low": 75, "high": 257}
    # Two undated reports that simply differ still contradict.
    ms = [_mention(1, a, _SAID.format(75), 75), _mention(2, b, _SAID.format(80), 80)]
    (one,) = cluster(ms)
    assert [c.kind for c in record("ev1", one)[1]] == ["contradiction"]


def test_the_best_toll_is_the_latest_corroborated_figure() -> None:
    infos = [
        _info(1, "2019-03-04", "The Star"), _info(2, "2019-03-04", "Daily Nation"),
        _info(3, "2019-03-06", "The Star"), _info(4, "2019-03-06", "Daily Nation"),
        _info(5, "2019-03-07", "The Standard"),
    ]  # fmt: skip
    tolls = [75, 75, 257, 257, 300]
    ms = [
        _mention(i + 1, info, _SAID.format(n), n)
        for i, (info, n) in enumerate(zip(infos, tolls, strict=True))
    ]
    (one,) = cluster(ms)
    event, conflicts = record("ev1", one)
    # 300 comes from one outlet only: 257, which two give, is the latest corroborated figure.
    assert event.fatalities_range == {"best": 257, "low": 75, "high": 300}
    assert [c.kind for c in conflicts] == ["update"]


def test_accounts_without_outlet_or_wire_are_unnamed_outlets_and_copies_count_once() -> None:
    first, reprint, other = (
        _info(1, "2019-03-04"),
        _info(2, "2019-03-04", copy_of=1),
        _info(3, "2019-03-04"),
    )
    text = _SAID.format(75)
    ms = [
        _mention(1, first, text, 75),
        _mention(2, reprint, text, 75),
        _mention(3, other, text, 75),
    ]
    (one,) = cluster(ms)
    event, _ = record("ev1", one)
    assert event.originators == ["outlet:unnamed 1", "outlet:unnamed 2"]
    assert event.independent_sources == 2
    assert not any(ARTICLE_ID.search(m["originator"]) for m in event.mentions)


def test_one_source_named_two_ways_counts_once() -> None:
    a, b = _info(1, "2019-03-06", wire=["AP"]), _info(2, "2019-03-06", wire=["Xinhua"])
    ms = [
        _mention(1, a, _SAID.format(257) + " Kenya's interior ministry said.", 257,
                 sources=[{"who": "Kenya's interior ministry", "via": "AP"}]),
        _mention(2, b, _SAID.format(257) + " the interior ministry said.", 257,
                 sources=[{"who": "the interior ministry", "via": "Xinhua"}]),
    ]  # fmt: skip
    (one,) = cluster(ms)
    event, _ = record("ev1", one)
    assert event.originators == ["source:interior ministry"]
    assert event.sources[0]["outlets"] == ["AP"] and event.sources[1]["outlets"] == ["Xinhua"]



def test_a_state_named_by_its_forces_keeps_its_country() -> None:
    from sitrep.consolidate.record import _source_key

    assert _source_key("military forces of afghanistan", "AF") == "military forces of afghanistan"
    assert _source_key("kenya interior ministry", "KE") == "interior ministry"
