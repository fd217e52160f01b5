"""Consolidation: the seeds as events, sources counted once, conflicts, control, stable ids, exports."""

from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from sitrep.cli import main
from sitrep.consolidate.control import control_on
from sitrep.consolidate.mention import ArticleInfo, make_mention
from sitrep.consolidate.merge import cluster
from sitrep.consolidate.record import record
from sitrep.evaluate.consolidation import evaluate_consolidation
from sitrep.pipeline import consolidate_store, run
from sitrep.records import Conflict, ControlChange
from sitrep.store import Store
from sitrep.store import consolidated as sql
from tests.conftest import EVAL, SEEDS, need_shared

MB = 20 * 1024 * 1024


@pytest.fixture(scope="module")
def seeds_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    need_shared(SEEDS)
    db = tmp_path_factory.mktemp("c") / "seeds.db"
    with Store(db) as store:
        run([SEEDS], store, max_bytes=MB)
    return db


def _events(db: Path) -> list[dict[str, Any]]:
    with Store(db) as store:
        return list(sql.consolidated(store.conn))


def _find(events: list[dict[str, Any]], kind: str, place: str) -> list[dict[str, Any]]:
    return [
        e
        for e in events
        if e["kind"] == kind and place in ((e.get("place") or {}).get("name") or "")
    ]


def test_fall_of_herat_is_one_event_with_afp_counted_once(seeds_db: Path) -> None:
    herat = _find(_events(seeds_db), "territory.capture", "Her")
    assert len(herat) == 1
    e = herat[0]
    assert sorted(a[:3] for a in e["articles"]) == ["000", "003"]
    assert e["independent_sources"] == 1 and e["originators"] == ["wire:AFP"]
    assert e["status"] == "single" and e["date"]["value"] == "2021-08-12"
    assert e["actor1"]["name"] == "Taliban"
    assert e["material"] is True and e["background"] is False
    # Every mention says why it joined, and the evidence names each article.
    assert {m["article_id"][:3] for m in e["mentions"]} == {"000", "003"}
    assert all(m["why"] for m in e["mentions"])
    assert all(ev["article_id"] and ev["text"] for ev in e["evidence"])


def test_ghazni_confirmed_and_kandahar_claimed(seeds_db: Path) -> None:
    events = _events(seeds_db)
    ghazni = _find(events, "territory.capture", "Ghazni")
    assert len(ghazni) == 1 and ghazni[0]["modality"] == "confirmed"
    assert "source:interior ministry" in ghazni[0]["accounts"]["confirmed"]
    # "The fall of Ghazni" names no taker; the Taliban are the one the articles' captures name.
    assert ghazni[0]["actor1"] == {**ghazni[0]["actor1"], "name": "Taliban", "how": "context"}
    kandahar = [
        e
        for e in _find(events, "territory.capture", "Kandah")
        if e["date"]["value"] == "2021-08-12"
    ]
    assert len(kandahar) == 1 and kandahar[0]["modality"] == "claimed"
    assert [a[:3] for a in kandahar[0]["articles"]] == ["003"]


def test_provincial_capitals_conflict_is_an_update(seeds_db: Path) -> None:
    with Store(seeds_db) as store:
        conflicts = list(sql.all_conflicts(store.conn))
    capitals = [c for c in conflicts if "provincial capitals" in c["fact"]]
    assert len(capitals) == 1
    c = capitals[0]
    assert c["kind"] == "update"
    assert [(v["value"], v["article_id"][:3]) for v in c["values"]] == [(10, "000"), (12, "003")]
    assert all(v["evidence"]["text"] for v in c["values"])


def test_control_on_the_day(seeds_db: Path) -> None:
    with Store(seeds_db) as store:
        rows = control_on(sql.control_rows(store.conn, "2021-08-12"), "2021-08-12")
    held = {r.place["name"]: r for r in rows if r.holder == "Taliban"}
    names = " ".join(held)
    for town in ("Her", "Ghazni", "Kandah", "Qala"):
        assert town in names, (town, names)
    kandahar = next(r for n, r in held.items() if n.startswith("Kandah"))
    assert kandahar.modality == "claimed"
    # The jail the Taliban overran on Wednesday is not the city: the city is claimed on the 12th.
    assert kandahar.since == "2021-08-12"
    jail = [e for e in _find(_events(seeds_db), "territory.capture", "Kandah") if e["place"].get("site")]
    assert [e["place"]["site"] for e in jail] == ["jail"]
    assert jail[0]["date"]["value"] == "2021-08-11"
    # Nobody held anything before the fighting the seeds report.
    with Store(seeds_db) as store:
        assert control_on(sql.control_rows(store.conn, "2021-07-31"), "2021-07-31") == []


def test_records_read_back_as_they_were_written(seeds_db: Path) -> None:
    # Control changes and conflicts are typed records; what the store keeps is their to_json.
    with Store(seeds_db) as store:
        changes = sql.control_rows(store.conn)
        conflicts = list(sql.all_conflicts(store.conn))
        events = {e["id"]: e for e in sql.consolidated(store.conn)}
    assert changes and conflicts
    for change in changes:
        assert ControlChange.from_json(change.to_json()) == change
        assert change.event_id in events and events[change.event_id]["kind"] == change.kind
    for stored in conflicts:
        conflict = Conflict.from_json(stored)
        assert conflict.to_json() == stored
        assert conflict.id in events[conflict.event_id]["conflicts"]
        assert {v.article_id for v in conflict.values} <= set(events[conflict.event_id]["articles"])


def test_ids_stay_stable_as_articles_arrive(tmp_path: Path) -> None:
    need_shared(SEEDS)
    first = tmp_path / "in"
    first.mkdir()
    shutil.copy(SEEDS / "000_a590446ecc86677d.txt", first)
    db = tmp_path / "s.db"
    with Store(db) as store:
        run([first], store, max_bytes=MB)
    before = {e["id"]: e for e in _events(db)}
    herat_before = _find(list(before.values()), "territory.capture", "Her")[0]
    with Store(db) as store:
        run([SEEDS], store, max_bytes=MB)
        again = consolidate_store(store)
    after = {e["id"]: e for e in _events(db)}
    herat_after = _find(list(after.values()), "territory.capture", "Her")[0]
    assert herat_after["id"] == herat_before["id"]
    assert len(herat_after["articles"]) == 2
    # Every event 000 alone gave still exists under its id (003 only adds to them or founds new ones).
    assert set(before) <= set(after)
    # Nothing changed since the last pass: nothing is redone.
    assert again.blocks == 0


def _info(
    pk: int, published: str, copy_of: int | None = None, wire: list[str] | None = None
) -> ArticleInfo:
    return ArticleInfo(
        pk=pk, id=f"a{pk}", outlet=f"outlet{pk}", published=published, published_precision="day",
        wire=wire or [], copy_group=copy_of or pk, copy_of=copy_of, copy_relation=None, story_id=1,
    )  # fmt: skip


_KABUL = {"name": "Kabul", "geonameid": 1138958, "lat": 34.5, "lon": 69.2, "country_code": "AF",
          "admin1": "Kabul", "precision": "city"}  # fmt: skip
_KABUL_PROVINCE = {**_KABUL, "geonameid": 1138957, "precision": "admin1"}
_HERAT = {"name": "Herat", "geonameid": 1140026, "lat": 34.3, "lon": 62.2, "country_code": "AF",
          "admin1": "Herat", "precision": "city"}  # fmt: skip
_TALIBAN = {"name": "Taliban", "type": "rebel", "inter": 2}
_ARMY = {
    "name": "Military Forces of Afghanistan",
    "type": "state",
    "inter": 1,
    "country_code": "AF",
}


def _mention(pk: int, info: ArticleInfo, text: str, **kw: Any) -> Any:
    data = {
        "id": f"m{pk}", "kind": kw.get("kind", "attack.bombing"), "family": kw.get("kind", "attack.bombing").split(".")[0],
        "place": kw.get("place", _KABUL), "date": kw.get("date"), "modality": kw.get("modality", "asserted"),
        "actor1": kw.get("actor1"), "actor2": kw.get("actor2"), "sources": kw.get("sources", []),
        "fatalities": kw.get("fatalities"), "quantities": kw.get("quantities", []),
        "evidence": [{"article_id": info.id, "start": 0, "end": len(text), "text": text}],
    }  # fmt: skip
    return make_mention(pk, 0, data, info)


def _day(value: str, text: str = "") -> dict[str, Any]:
    return {"value": value, "precision": "day" if len(value) == 10 else "month", "text": text}


def test_a_month_only_report_cannot_bridge_two_days() -> None:
    a, b, c = _info(1, "2021-08-10"), _info(2, "2021-08-12"), _info(3, "2021-08-20")
    ms = [
        _mention(
            1,
            a,
            "A car bomb exploded near the ministry in Kabul on Tuesday",
            date=_day("2021-08-10"),
        ),
        _mention(
            2, b, "Another blast hit a market in western Kabul on Thursday", date=_day("2021-08-12")
        ),
        _mention(
            3, c, "Bombings shook the Afghan capital Kabul several times this month", date=_day("2021-08")
        ),
    ]
    clusters = cluster(ms)
    assert len(clusters) == 2
    assert sorted(len(x.mentions) for x in clusters) == [1, 2]


def test_actors_that_contradict_do_not_merge_and_containment_needs_evidence() -> None:
    a, b, c = _info(1, "2021-08-12"), _info(2, "2021-08-12"), _info(3, "2021-08-12")
    day = _day("2021-08-12")
    ms = [
        _mention(
            1,
            a,
            "Taliban fighters attacked a checkpoint in Kabul",
            kind="clash.armed",
            date=day,
            actor1=_TALIBAN,
        ),
        _mention(
            2,
            b,
            "Soldiers attacked an outpost in Kabul",
            kind="clash.armed",
            date=day,
            actor1=_ARMY,
        ),
        # The province holds the city, but nothing else ties this report to either clash.
        _mention(
            3,
            c,
            "Fighting raged across the province overnight",
            kind="clash.armed",
            date=day,
            place=_KABUL_PROVINCE,
        ),
    ]
    assert len(cluster(ms)) == 3


_GREECE = {"name": "Greece", "geonameid": 390903, "lat": 39.0, "lon": 22.0, "country_code": "GR", "admin1": None,
           "precision": "country", "feature": "country"}  # fmt: skip


def test_a_countrys_general_strike_told_by_two_reports_is_one_event() -> None:
    a, b, c = _info(1, "2008-12-11"), _info(2, "2008-12-11"), _info(3, "2008-12-11")
    day = _day("2008-12-10")
    ms = [
        _mention(1, a, "A general strike paralysed Greece last night, shutting schools and grounding flights",
                 kind="protest", place=_GREECE, date=day),
        _mention(2, b, "One day after Wednesday's massive general strike over pension reform shut down the country, "
                 "thousands marched again", kind="protest", place=_GREECE, date=day),
        # A march on the same day in the same country is no strike: it stays its own event.
        _mention(3, c, "Thousands of students marched against the government across Greece", kind="protest",
                 place=_GREECE, date=day),
    ]  # fmt: skip
    assert sorted(len(x.mentions) for x in cluster(ms)) == [1, 2]


def test_a_nations_riots_of_one_day_told_by_two_stories_are_one_event() -> None:
    """Riots placed only at the country, on one day, by reports the stories stage keeps apart: one
    wave, one pin; the country's riots of another day stay their own."""
    a, b, c = _info(1, "2008-12-11"), _info(2, "2008-12-12"), _info(3, "2008-12-20")
    b.story_id, c.story_id = 2, 3
    ms = [
        _mention(1, a, "Greeks reacted with fury to a report on the schoolboy whose death triggered riots across the country",
                 kind="riot", place=_GREECE, date=_day("2008-12-06")),
        _mention(2, b, "The government came under fire over its handling of the riots that swept the nation",
                 kind="riot", place=_GREECE, date=_day("2008-12-06")),
        _mention(3, c, "Fresh riots broke out in several Greek cities as students defied the curfew",
                 kind="riot", place=_GREECE, date=_day("2008-12-19")),
    ]  # fmt: skip
    assert sorted(len(x.mentions) for x in cluster(ms)) == [1, 2]


_JABALIYA = {"name": "Jabaliya", "geonameid": 281141, "lat": 31.53, "lon": 34.48, "country_code": "PS",
             "admin1": "Gaza Strip", "precision": "city", "feature": "city"}  # fmt: skip
_GAZA = {"name": "Gaza", "geonameid": 281133, "lat": 31.50, "lon": 34.47, "country_code": "PS",
         "admin1": "Gaza Strip", "precision": "city", "feature": "city"}  # fmt: skip


def test_what_an_article_tells_as_a_separate_incident_joins_no_event_holding_its_other_mention() -> None:
    a, b = _info(1, "2009-01-07"), _info(2, "2009-01-07")
    day = _day("2009-01-06", "Tuesday")
    ms = [
        _mention(1, a, "A mortar strike killed 40 Palestinians sheltering in a UN school in Gaza on Tuesday",
                 kind="attack.shelling", place=_GAZA, date=day),
        _mention(2, b, "Israeli shells killed 42 people who had sought refuge in a UN school in Gaza on Tuesday",
                 kind="attack.shelling", place=_GAZA, date=day),
        _mention(3, b, "In a separate incident, seven UN staff were injured when a strike hit a nearby building in Gaza",
                 kind="attack.airstrike", place=_GAZA, date=day),
    ]  # fmt: skip
    assert sorted(len(x.mentions) for x in cluster(ms)) == [1, 2]


def test_one_strikes_many_dead_told_by_two_reports_is_one_event_whatever_they_call_it() -> None:
    a, b, c, d = _info(1, "2009-01-07"), _info(2, "2009-01-07"), _info(3, "2009-01-07"), _info(4, "2009-01-07")
    day = _day("2009-01-06")
    israel = {"name": "Military Forces of Israel", "type": "state", "inter": 1, "country_code": "IL"}
    ms = [
        _mention(1, a, "An Israeli mortar strike killed about 42 Palestinians sheltering in a UN school in Jabaliya on Tuesday",
                 kind="attack.shelling", place=_JABALIYA, date=day, actor1=israel, fatalities=42),
        # Another report: another word for the attack, the city next door, the doer misread.
        _mention(2, b, "No militants were inside the school attacked in Gaza, leaving 40 people dead, the UN says",
                 kind="attack.civilians", place=_GAZA, date=day, actor1=_TALIBAN, fatalities=40),
        # Three dead in another school that day: another strike.
        _mention(3, c, "Hours earlier three cousins died when the Israelis bombed another UN school in Gaza City",
                 kind="attack.bombing", place=_GAZA, date=day, actor1=israel, fatalities=3),
        # The same toll on another day is another strike.
        _mention(4, d, "An air strike on a house in Jabaliya killed 41 people on Sunday",
                 kind="attack.airstrike", place=_JABALIYA, date=_day("2009-01-04"), actor1=israel, fatalities=41),
    ]  # fmt: skip
    groups = sorted(sorted(m.pk for m in x.mentions) for x in cluster(ms))
    assert groups == [[1, 2], [3], [4]]


def test_death_tolls_from_independent_reports_of_one_day_contradict() -> None:
    a, b, c = _info(1, "2021-08-12"), _info(2, "2021-08-12"), _info(3, "2021-08-12")
    day = _day("2021-08-12")
    text = "A suicide bomber killed {} people at a mosque in Herat on Thursday, officials said"
    ms = [
        _mention(
            1, a, text.format(12), kind="attack.suicide", date=day, place=_HERAT, fatalities=12
        ),
        _mention(
            2, b, text.format(20), kind="attack.suicide", date=day, place=_HERAT, fatalities=20
        ),
        _mention(
            3, c, text.format(12), kind="attack.suicide", date=day, place=_HERAT, fatalities=12
        ),
    ]
    (one,) = cluster(ms)
    event, conflicts = record("ev1", one)
    assert event.fatalities_range == {"best": 12, "low": 12, "high": 20}
    assert event.fatalities == 12 and event.to_json()["fatalities"] == 12
    assert [c.kind for c in conflicts] == ["contradiction"]
    assert event.status == "disputed" and event.conflicts == [conflicts[0].id]


def test_a_later_day_revises_rather_than_contradicts() -> None:
    a, b = _info(1, "2021-08-12"), _info(2, "2021-08-13")
    text = "A suicide bomber killed {} people at a mosque in Herat on Thursday"
    ms = [
        _mention(i, info, text.format(toll), kind="attack.suicide", date=_day("2021-08-12"), place=_HERAT, fatalities=toll)
        for i, info, toll in ((1, a, 12), (2, b, 31))
    ]
    (one,) = cluster(ms)
    event, conflicts = record("ev1", one)
    assert [(c.fact, c.kind) for c in conflicts] == [("fatalities", "update")]
    assert [v["value"] for v in conflicts[0].to_json()["values"]] == [12, 31]
    assert event.status == "corroborated"


def test_reprints_count_once_and_a_denial_disputes() -> None:
    wire, reprint, other = (
        _info(1, "2021-08-12", wire=["AFP"]),
        _info(2, "2021-08-12", copy_of=1),
        _info(3, "2021-08-12"),
    )
    day = _day("2021-08-12")
    text = "The Taliban captured the city of Herat after government forces withdrew"
    ms = [
        _mention(1, wire, text, kind="territory.capture", date=day, place=_HERAT, actor1=_TALIBAN),
        _mention(
            2, reprint, text, kind="territory.capture", date=day, place=_HERAT, actor1=_TALIBAN
        ),
    ]
    (one,) = cluster(ms)
    event, _ = record("ev1", one)
    assert event.independent_sources == 1 and event.status == "single"
    denial = _mention(
        3, other, "The defence ministry denied that Herat had fallen to the Taliban", kind="territory.capture",
        date=day, place=_HERAT, actor1=_TALIBAN, modality="denied", sources=[{"who": "the defence ministry"}],
    )  # fmt: skip
    (one,) = cluster([*ms, denial])
    event, _ = record("ev1", one)
    assert event.independent_sources == 2 and event.status == "disputed"
    assert event.accounts["denied"] == ["source:defence ministry"]
    assert event.modality == "asserted"


def test_acled_rows_are_not_merged_across_events() -> None:
    path = need_shared(EVAL / "events_acled.dev.jsonl")
    result = evaluate_consolidation(path, limit=500)
    assert result["rows"] == 500 and result["events"] > 400
    # Each row is its own ACLED event: a wrong merge of two rows' own events must stay rare.
    assert result["wrong_main_merges"] <= 0.01 * result["rows"], result["examples"]
    # Background sentences several notes recall (a day carried over, a district for a
    # village) keep rows apart too; only word-for-word identical notes may still meet.
    assert result["wrong_merges_distinct_text"] == 0, result["examples"]


def _export(db: Path, *args: str) -> str:
    result = CliRunner().invoke(main, ["export", "--db", str(db), *args], catch_exceptions=False)
    assert result.exit_code == 0, result.stderr
    return result.stdout


def test_exports(seeds_db: Path) -> None:
    events = [json.loads(x) for x in _export(seeds_db, "--what", "events").splitlines()]
    assert events and all(
        {"articles", "independent_sources", "first_reported", "last_reported", "status"} <= set(e)
        for e in events
    )
    geo = json.loads(_export(seeds_db, "--what", "events", "--format", "geojson"))
    herat = next(
        f
        for f in geo["features"]
        if f["properties"]["kind"] == "territory.capture"
        and f["properties"]["place"].startswith("Her")
    )
    lon, lat = herat["geometry"]["coordinates"]
    assert abs(lat - 34.35) < 0.2 and abs(lon - 62.2) < 0.2
    conflicts = [json.loads(x) for x in _export(seeds_db, "--what", "conflicts").splitlines()]
    assert all({"fact", "values", "kind"} <= set(c) for c in conflicts)
    control = list(
        csv.DictReader(
            io.StringIO(
                _export(seeds_db, "--what", "control", "--on", "2021-08-12", "--format", "csv")
            )
        )
    )
    assert any(r["holder"] == "Taliban" and r["place"].startswith("Her") for r in control)
    stories = [json.loads(x) for x in _export(seeds_db, "--what", "stories").splitlines()]
    assert len(stories) == 1 and stories[0]["articles"] == 2 and stories[0]["events"] > 0


def test_acled_export_opens_in_pandas_with_acleds_columns_and_types(seeds_db: Path) -> None:
    pd = pytest.importorskip(
        "pandas", reason="pandas comes with the dev tools (scripts/test installs it)"
    )
    from sitrep.acled import COLUMNS

    frame = pd.read_csv(io.StringIO(_export(seeds_db, "--what", "events", "--format", "acled")))
    assert list(frame.columns) == COLUMNS
    assert len(frame) > 5
    for column in (
        "year",
        "time_precision",
        "inter1",
        "inter2",
        "interaction",
        "iso",
        "geo_precision",
        "fatalities",
        "timestamp",
    ):
        assert pd.api.types.is_integer_dtype(frame[column]), column
    for column in ("latitude", "longitude"):
        assert pd.api.types.is_float_dtype(frame[column]), column
    assert pd.to_datetime(frame["event_date"], format="%Y-%m-%d").notna().all()
    herat = frame[
        (frame["sub_event_type"] == "Non-state actor overtakes territory")
        & frame["location"].str.startswith("Her")
    ]
    assert len(herat) == 1
    row = herat.iloc[0]
    assert row["country"] == "Afghanistan" and row["iso"] == 4 and row["region"] == "South Asia"
    assert row["event_id_cnty"].startswith("AFG") and row["actor1"] == "Taliban"
    assert row["notes"].startswith("On 12 August 2021, Taliban captured Her")
    assert row["notes"].endswith("[2 reports, 1 independent source]")
    assert "AFP" in row["source"]
    # A claim names its claimant, not the wire that carried it; the jail is no city.
    kandahar = frame[
        (frame["sub_event_type"] == "Non-state actor overtakes territory")
        & frame["location"].str.startswith("Kandah")
    ]
    notes = sorted(kandahar["notes"])
    assert notes[0].startswith("On 11 August 2021, Taliban captured the jail in Kandah"), notes
    assert notes[1].startswith("On 12 August 2021, Taliban captured Kandah"), notes
    assert all("This is a claim by Taliban; it has not been confirmed." in n for n in notes), notes


def test_bad_control_day_is_a_usage_error(seeds_db: Path) -> None:
    result = CliRunner().invoke(
        main, ["export", "--db", str(seeds_db), "--what", "control", "--on", "12/08/2021"]
    )
    assert result.exit_code == 2 and "YYYY-MM-DD" in result.stderr


def test_other_reports_need_more_than_kind_day_and_place() -> None:
    day = _day("2022-03-26")
    a, b, c, d = (_info(k, "2022-03-26") for k in (1, 2, 3, 4))
    # Two notes on two bombings each end "Two soldiers were injured.": too short to say
    # it is one event, so each stays with its own note.
    short = [
        _mention(1, a, "Two soldiers were injured.", kind="attack.civilians", date=day),
        _mention(2, b, "Two soldiers were injured.", kind="attack.civilians", date=day),
    ]
    assert len(cluster(short)) == 2
    # Two arrests in one province on one day, told in unlike sentences: the province
    # is too coarse to make them one; the same words in a third report still join.
    province = [
        _mention(3, c, "Militia forces detained two children in a village near the border for unknown reasons",
                 kind="detention.arrest", date=day, place=_KABUL_PROVINCE, actor1=_TALIBAN),
        _mention(4, d, "Militia forces detained eight civilians trying to cross the highway to the south",
                 kind="detention.arrest", date=day, place=_KABUL_PROVINCE, actor1=_TALIBAN),
    ]  # fmt: skip
    assert len(cluster(province)) == 2
    again = _mention(5, _info(5, "2022-03-27"),
                     "Militia forces detained two children in a village near the border, for unknown reasons",
                     kind="detention.arrest", date=day, place=_KABUL_PROVINCE, actor1=_TALIBAN)  # fmt: skip
    assert sorted(len(x.mentions) for x in cluster([*province, again])) == [1, 2]
    # A short sentence whose doer is the event's still joins it: another outlet's
    # "The Taliban captured Herat." is the same capture.
    herat = [
        _mention(6, _info(6, "2021-08-12"), "Taliban fighters took over Herat, Afghanistan's third-largest city, after weeks of siege",
                 kind="territory.capture", date=_day("2021-08-12"), place=_HERAT, actor1=_TALIBAN),
        _mention(7, _info(7, "2021-08-12"), "The Taliban captured Herat.",
                 kind="territory.capture", date=_day("2021-08-12"), place=_HERAT, actor1=_TALIBAN),
    ]  # fmt: skip
    assert len(cluster(herat)) == 1


def test_a_borrowed_day_joins_another_report_only_when_both_lead_with_one_event() -> None:
    from dataclasses import replace

    # Two notes on two strikes in two towns both recall one background sentence, with
    # the day carried over from the sentence before: nothing of its own says it is one
    # event, so each stays with its note. Two reports that lead with the same
    # happening share it.
    carried = {**_day("2022-02-28"), "how": "context"}
    text = "The MCC, a US aid agency, agreed to provide a $500 million infrastructure grant to Nepal"
    a = replace(_info(1, "2022-02-28"), lead="protest|g1|2022-02-28")
    b = replace(_info(2, "2022-02-28"), lead="protest|g2|2022-02-28")
    same = replace(b, lead=a.lead)
    for info_b, expected in ((b, 2), (same, 1)):
        ms = [_mention(k, info, text, kind="aid", date=carried) for k, info in ((1, a), (2, info_b))]
        assert len(cluster(ms)) == expected
    # The same sentence with its own day still joins across reports.
    own = _day("2022-02-28")
    ms = [_mention(k, info, text, kind="aid", date=own) for k, info in ((1, a), (2, b))]
    assert len(cluster(ms)) == 1


def test_a_district_the_gazetteer_lacks_still_parts_two_districts() -> None:
    # "Dzadran district, Paktiya province" falls back to the province; the arrest in
    # Gardez, Paktiya, the same day is another operation. Naming Gardez joins it.
    day = _day("2012-10-06")
    gardez = {**_KABUL, "name": "Gardez", "geonameid": 1141089, "admin1": "Paktia", "text": "Gardez district"}
    paktia = {**gardez, "name": "Paktia", "geonameid": 1131461, "precision": "admin1", "text": "Paktiya province"}
    first = _mention(1, _info(1, "2012-10-06"), "An Afghan-led security force arrested a Taliban senior leader in Gardez district, Paktiya province, today",
                     kind="detention.arrest", date=day, place=gardez, actor1=_ARMY)  # fmt: skip
    for district, expected in (("Dzadran", 2), ("Gardez", 1)):
        other = _mention(2, _info(2, "2012-10-06"), f"An Afghan and coalition force arrested a Taliban senior leader in {district} district, Paktiya province, today",
                         kind="detention.arrest", date=day, place=paktia, actor1=_ARMY)  # fmt: skip
        assert len(cluster([first, other])) == expected, district


def test_events_follow_an_article_moved_to_another_story(tmp_path: Path) -> None:
    need_shared(SEEDS)
    with Store(tmp_path / "m.db") as store:
        run([SEEDS], store, max_bytes=MB)
        ids = [r["id"] for r in store.articles()]
        pk = store.latest_pks([i for i in ids if i.startswith("003")]).popitem()[1]
        with store.transaction() as conn:
            new = conn.execute("INSERT INTO stories (title) VALUES ('split off')").lastrowid
            old = conn.execute("SELECT story_id FROM story_members WHERE article_pk = ?", (pk,)).fetchone()[0]
            conn.execute("UPDATE story_members SET story_id = ? WHERE article_pk = ?", (new, pk))
            sql.restory_events(conn, [pk])
        events = list(sql.consolidated(store.conn))
        listed = {tuple(r) for r in store.conn.execute("SELECT story_id, event_id FROM event_stories")}
    herat = _find(events, "territory.capture", "Her")[0]
    # Herat's fall is in both articles, now in two stories; 003's own events only in its new one.
    assert herat["stories"] == sorted([old, new])
    own = [e for e in events if all(a.startswith("003") for a in e["articles"])]
    assert own and all(e["stories"] == [new] for e in own)
    assert all((new, e["id"]) in listed and (old, e["id"]) not in listed for e in own)


def test_one_happening_told_as_shelling_and_as_attack_is_one_event() -> None:
    a, b, c = _info(1, "2009-01-07"), _info(2, "2009-01-07"), _info(3, "2009-01-07")
    day = _day("2009-01-06", "Tuesday")
    israel = {"name": "Military Forces of Israel", "type": "state", "inter": 1, "country_code": "IL"}
    ms = [
        _mention(1, a, "Israeli tanks shelled a UN school in Kabul on Tuesday, killing 40 people who had sought shelter",
                 kind="attack.shelling", date=day, actor1=israel),
        _mention(2, b, "The attack on the school in Kabul on Tuesday killed 40 Palestinians seeking shelter there",
                 kind="attack.civilians", date=day, actor1=israel),
        # Two coders' notes that each write the day out and record a clash and an airstrike: two events.
        _mention(3, c, "On 6 January 2009, Israeli troops clashed with militants at the UN school in Kabul",
                 kind="clash.armed", date={**day, "text": "6 January 2009"}, actor1=israel, actor2=_TALIBAN),
    ]  # fmt: skip
    clusters = cluster(ms[:2])
    assert len(clusters) == 1 and {m.kind for m in clusters[0].mentions} == {"attack.shelling", "attack.civilians"}
    first = _mention(4, a, "On 6 January 2009, Israeli aircraft struck the UN school in Kabul, killing 40 people",
                     kind="attack.airstrike", date={**day, "text": "6 January 2009"}, actor1=israel)  # fmt: skip
    assert len(cluster([first, ms[2]])) == 2


_FLATBUSH = {"name": "East Flatbush", "geonameid": 5115843, "lat": 40.6537, "lon": -73.9302, "country_code": "US",
             "admin1": "New York", "precision": "city", "feature": "city"}  # fmt: skip
_BROOKLYN = {"name": "Brooklyn", "geonameid": 5110302, "lat": 40.6501, "lon": -73.9496, "country_code": "US",
             "admin1": "New York", "precision": "admin1", "feature": "city", "how": "article"}  # fmt: skip
_JABALIYA = {"name": "Jabaliya", "geonameid": None, "lat": 31.528, "lon": 34.483, "country_code": "PS",
             "admin1": "Gaza Strip", "precision": "city", "feature": "city"}  # fmt: skip
_GAZA_CITY = {"name": "Gaza City", "geonameid": None, "lat": 31.502, "lon": 34.467, "country_code": "PS",
              "admin1": "Gaza Strip", "precision": "city", "feature": "city"}  # fmt: skip


_ISRAEL = {"name": "Israel", "geonameid": 294640, "lat": 31.5, "lon": 34.75, "country_code": "IL",
           "admin1": "", "precision": "country", "feature": "country"}  # fmt: skip


@pytest.mark.parametrize(
    "published, day, kind, first, second",
    [
        # A night's riot placed in a quarter by one report and in its borough by another.
        ("2013-03-12", ("2013-03-11", "Monday"), "riot",
         ("A vigil in East Flatbush turned into a riot on Monday night", _FLATBUSH),
         ("Stores were looted as the riot spread", _BROOKLYN)),
        # Rockets told as landing "in Israel": one pin at the country, not two stacked on its centre point.
        ("2009-01-07", ("2009-01-06", "Tuesday"), "attack.shelling",
         ("At least five rockets fired from Gaza landed in Israel on Tuesday", _ISRAEL),
         ("Militants kept up their barrage on Tuesday, one projectile wounding a baby in Israel", _ISRAEL)),
    ],
    ids=["riot in a quarter and its borough", "strikes placed only at the country"],
)
def test_one_storys_reports_of_one_days_happening_are_one_event_and_two_stories_two(
    published: str, day: tuple[str, str], kind: str, first: tuple[str, dict[str, Any]], second: tuple[str, dict[str, Any]]
) -> None:
    """Two reports of one story, one kind and one day join however they word and place it; the
    same two reports in two different stories stay apart: nothing says they retell one event."""
    a, b = _info(1, published), _info(2, published)
    date = _day(*day)
    ms = [
        _mention(1, a, first[0], kind=kind, place=first[1], date=date),
        _mention(2, b, second[0], kind=kind, place=second[1], date=date),
    ]
    assert len(cluster(ms)) == 1
    b.story_id = 2
    ms[1] = _mention(2, b, second[0], kind=kind, place=second[1], date=date)
    assert len(cluster(ms)) == 2


def test_one_storys_strikes_in_neighbouring_towns_stay_apart() -> None:
    a, b = _info(1, "2009-01-07"), _info(2, "2009-01-07")
    day = _day("2009-01-06", "Tuesday")
    ms = [
        _mention(1, a, "Tank shells hit a UN school in Jabaliya on Tuesday, killing 40", kind="attack.shelling", place=_JABALIYA, date=day),
        _mention(2, b, "Shelling hit a house in Gaza City on Tuesday", kind="attack.shelling", place=_GAZA_CITY, date=day),
    ]
    assert len(cluster(ms)) == 2


def test_one_storys_killing_by_one_doer_in_a_quarter_and_its_borough_is_one_event() -> None:
    """The police shooting of one teenager, placed in East Flatbush by one report and in
    Brooklyn by another of the same story: one pin. Without a doer both name, two."""
    a, b = _info(1, "2013-03-11"), _info(2, "2013-03-11")
    day = _day("2013-03-09", "Saturday")
    police = {"name": "Police Forces of United States", "type": "state", "inter": 1, "country_code": "US"}
    brooklyn = {k: v for k, v in _BROOKLYN.items() if k != "how"} | {"precision": "city"}  # as the text names it
    ms = [
        _mention(1, a, "Two plainclothes officers fatally shot a 16-year-old in East Flatbush on Saturday night", kind="attack.civilians", place=_FLATBUSH, date=day, actor1=police),
        _mention(2, b, "The teenager was killed by police bullets in Brooklyn on Saturday", kind="attack.civilians", place=brooklyn, date=day, actor1=police),
    ]
    assert len(cluster(ms)) == 1
    ms[1] = _mention(2, b, "The teenager was killed by police bullets in Brooklyn on Saturday", kind="attack.civilians", place=brooklyn, date=day)
    assert len(cluster(ms)) == 2


def test_control_redone_for_the_countries_that_changed_equals_a_full_rebuild(tmp_path: Path) -> None:
    """A second run redoes control only where its blocks changed; the table it leaves is the one
    a rebuild from every event gives (#27)."""
    path = need_shared(EVAL / "events_acled.dev.jsonl")
    rows = [json.loads(line) for line in path.open(encoding="utf-8")]
    taken = [r for r in rows if r["gold"]["sub_event_type"] in ("Non-violent transfer of territory", "Government regains territory", "Non-state actor overtakes territory")]
    others = [r for r in rows if r not in taken][:40]
    first, second = tmp_path / "a.jsonl", tmp_path / "b.jsonl"
    for out, part in ((first, taken[::2] + others[:20]), (second, taken[1::2] + others[20:])):
        out.write_text("".join(json.dumps({"id": r["id"], "text": r["text"]}) + "\n" for r in part), encoding="utf-8")
    db = tmp_path / "c.db"
    with Store(db) as store:
        run([first], store, max_bytes=MB)
        run([second, SEEDS], store, max_bytes=MB)
        table = "SELECT place_key, holder, lost_by, since, event_id, kind, json FROM control ORDER BY 1, 4, 5"
        incremental = store.conn.execute(table).fetchall()
        countries = {r[0] for r in store.conn.execute("SELECT DISTINCT country_code FROM control")}
        consolidate_store(store, everything=True)
        assert len(countries) >= 3 and incremental == store.conn.execute(table).fetchall()


def test_an_event_told_of_on_a_day_joins_the_same_event_dated_the_day_before() -> None:
    # "Yesterday, the police explained that officers shot ..." (told on the 10th) and "shot dead
    # on Saturday night" (the 9th): one shooting; one on Thursday the 7th stays another.
    a, b = _info(1, "2013-03-11"), _info(2, "2013-03-11")
    ms = [
        _mention(1, a, "Police officers shot dead a 16-year-old boy in Kabul on Saturday night", kind="attack.civilians", date={**_day("2013-03-09", "Saturday night"), "how": "text"}),
        _mention(2, b, "Yesterday, the police explained that officers shot and killed the 16-year-old boy in Kabul", kind="attack.civilians", date={**_day("2013-03-10", "Yesterday"), "how": "told"}),
        _mention(3, b, "A gunman shot a shopkeeper dead in Kabul on Thursday", kind="attack.civilians", date={**_day("2013-03-07", "Thursday"), "how": "text"}),
    ]
    assert sorted(len(x.mentions) for x in cluster(ms)) == [1, 2]


@pytest.mark.parametrize(
    ("sentence", "trigger", "another"),
    [
        ("Hours earlier, three young men died when the Israelis bombed another UN school in Gaza City.", "bombed", True),
        ("In a separate attack earlier in the day, three Palestinians were killed in an air strike.", "air strike", True),
        # someone else in the same happening, or more of it
        ("Two inmates were killed after a fight with another inmate in Port Harcourt.", "fight", False),
        ("A third suicide bomber blew himself up at a McDonald's down the street.", "blew himself up", False),
        ("Our reporter arrived at the camp as a second round of bombs hit.", "bombs", False),
    ],
)
def test_a_sentence_that_says_its_happening_is_another_one(sentence: str, trigger: str, another: bool) -> None:
    at = sentence.index(trigger)
    data = {
        "id": "m1", "kind": "attack.bombing", "family": "attack", "place": _GAZA, "date": _day("2009-01-06"),
        "modality": "asserted", "evidence": [{"article_id": "a1", "start": 100, "end": 100 + len(sentence), "text": sentence,
                                              "trigger": {"start": 100 + at, "end": 100 + at + len(trigger), "text": trigger}}],
    }  # fmt: skip
    assert make_mention(1, 0, data, _info(1, "2009-01-07")).another is another
