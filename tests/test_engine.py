"""The engine: declared stages, per-article set-asides, reruns that redo only what failed, workers."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from sitrep.cli import main
from sitrep.engine import PER_ARTICLE, Context, Engine, check_order
from sitrep.engine.stages import CLEAN, EXTRACT, PLACES
from sitrep.errors import StageFailed, UsageError
from sitrep.model import Article, RawArticle
from tests.conftest import EVAL, need_shared


def _corpus(tmp_path: Path, n: int) -> tuple[Path, list[str]]:
    rows = [json.loads(line) for line in need_shared(EVAL / "stories.dev.jsonl").open(encoding="utf-8")][:n]
    path = tmp_path / "corpus.jsonl"
    path.write_text("".join(json.dumps({k: r.get(k) for k in ("id", "text", "title", "published")}) + "\n" for r in rows), "utf-8")
    return path, [r["id"] for r in rows]


def test_the_run_order_is_checked_before_anything_runs() -> None:
    check_order(PER_ARTICLE)
    with pytest.raises(UsageError, match="'extract' needs places"):
        check_order((CLEAN, EXTRACT, PLACES))
    with pytest.raises(UsageError, match="listed twice"):
        check_order((CLEAN, PLACES, PLACES))


def test_a_stage_that_raises_sets_one_article_aside_and_a_rerun_redoes_only_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    corpus, ids = _corpus(tmp_path, 12)
    db = tmp_path / "run.db"
    monkeypatch.setenv("SITREP_TEST_RAISE", f"extract={ids[4]}")
    first = CliRunner().invoke(main, ["run", str(corpus), "--db", str(db)])
    assert first.exit_code == 1
    assert "11 new" in first.output and "1 rejected (1 at extract)" in first.output
    assert f"{corpus}:5 at extract: extract failed: RuntimeError" in first.output
    with sqlite3.connect(db) as conn:
        stored = {r[0] for r in conn.execute("SELECT id FROM articles")}
        aside = conn.execute("SELECT source, code, stage FROM rejections").fetchall()
    assert stored == set(ids) - {ids[4]}
    assert aside == [(f"{corpus}:5", "E106", "extract")]
    monkeypatch.delenv("SITREP_TEST_RAISE")
    again = CliRunner().invoke(main, ["run", str(corpus), "--db", str(db)])
    assert again.exit_code == 0, again.output
    assert "1 new, 0 new versions, 11 unchanged, 0 rejected" in again.output


def test_a_bug_in_a_stage_is_the_article_s_not_the_run_s() -> None:
    raws = [RawArticle(id=f"a{i}", source=f"s{i}", text="Police arrested 12 protesters in Athens on Monday.") for i in range(3)]
    done = list(Engine(1).map(raws, PER_ARTICLE, Context(fail_on=("places", "a1"))))
    assert [type(x) for x in done] == [Article, StageFailed, Article]
    failed = done[1]
    assert isinstance(failed, StageFailed) and failed.stage == "places" and failed.source == "s1"


def test_two_workers_store_what_one_does(tmp_path: Path) -> None:
    corpus, _ = _corpus(tmp_path, 30)
    out = {}
    for workers in (1, 2):
        db = tmp_path / f"w{workers}.db"
        result = CliRunner().invoke(main, ["run", str(corpus), "--db", str(db), "--workers", str(workers), "--quiet"])
        assert result.exit_code == 0, result.output
        with sqlite3.connect(db) as conn:
            out[workers] = (
                conn.execute("SELECT id, content_hash FROM articles ORDER BY pk").fetchall(),
                conn.execute("SELECT count(*), group_concat(kind) FROM (SELECT kind FROM consolidated_events ORDER BY id)").fetchall(),
                conn.execute("SELECT article_pk, story_id FROM story_members ORDER BY article_pk").fetchall(),
            )
    assert out[1] == out[2]
    assert out[1][1][0][0] > 0


def _dev_split(tmp_path: Path, split: int) -> tuple[Path, Path]:
    rows = [json.loads(line) for line in need_shared(EVAL / "events_articles.dev.jsonl").open(encoding="utf-8")]
    out = []
    for name, part in (("a", rows[:split]), ("b", rows[split:])):
        path = tmp_path / f"{name}.jsonl"
        path.write_text("".join(json.dumps({k: r.get(k) for k in ("id", "text", "title", "published")}) + "\n" for r in part), "utf-8")
        out.append(path)
    return out[0], out[1]


def _where(place: dict[str, Any] | None) -> str:
    # The spot, not the label: a block grown in place may name it as another article wrote it
    # ("Khan Younis", "Khan Yunis").
    return "-" if not place or place.get("lat") is None else f"{place['lat']:.1f},{place['lon']:.1f}"


def _events(db: Path) -> list[tuple[str, str, str, tuple[str, ...]]]:
    from sitrep.store import Store
    from sitrep.store import consolidated as sql

    with Store(db) as store:
        return sorted(
            (e["kind"], _where(e.get("place")), str((e.get("date") or {}).get("value")), tuple(sorted(e["articles"])))
            for e in sql.consolidated(store.conn)
        )


def test_a_big_block_grows_in_place_much_as_it_would_be_rebuilt(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import sitrep.consolidate
    from sitrep.pipeline import run
    from sitrep.store import Store

    a, b = _dev_split(tmp_path, 30)
    for name in ("rebuilt", "grown"):
        if name == "grown":
            monkeypatch.setattr(sitrep.consolidate, "REBUILD_BELOW", 1)
        with Store(tmp_path / f"{name}.db") as store:
            run([a], store, max_bytes=1 << 26)
            run([b], store, max_bytes=1 << 26)
            unheld = store.conn.execute(
                "SELECT count(*) FROM events AS e LEFT JOIN event_mentions AS em ON em.mention_pk = e.pk WHERE em.mention_pk IS NULL"
            ).fetchone()[0]
            assert unheld == 0, f"{name}: {unheld} mentions no event holds"
    rebuilt, grown = _events(tmp_path / "rebuilt.db"), _events(tmp_path / "grown.db")
    # Growing in place depends on the order articles came in, as a rebuild does not; on these
    # 45 articles that moves a handful of the 265 events.
    assert abs(len(grown) - len(rebuilt)) <= 5
    assert len(set(grown) & set(rebuilt)) >= 0.95 * len(rebuilt)


def test_articles_stored_but_not_consolidated_are_taken_in_by_the_next_run(tmp_path: Path) -> None:
    from sitrep.pipeline import clean_all, extract, run
    from sitrep.store import Store

    a, b = _dev_split(tmp_path, 10)
    with Store(tmp_path / "k.db") as store:
        # As a run killed after storing its batches and before consolidating them.
        raws = [RawArticle(id=r["id"], source=r["id"], text=r["text"], published=r.get("published")) for r in map(json.loads, a.open())]
        for article in clean_all(raws):
            assert isinstance(article, Article)
            store.add_article(extract(article))
        assert store.conn.execute("SELECT count(*) FROM consolidated_events").fetchone()[0] == 0
        report = run([b], store, max_bytes=1 << 26)
        held = store.conn.execute(
            "SELECT count(DISTINCT e.article_pk) FROM events AS e JOIN event_mentions AS em ON em.mention_pk = e.pk"
        ).fetchone()[0]
        assert report.new == 35 and held >= 40


def test_after_an_upgrade_pass_the_next_runs_are_incremental(tmp_path: Path) -> None:
    from sitrep.pipeline import run
    from sitrep.store import Store

    a, b = _dev_split(tmp_path, 40)
    with Store(tmp_path / "u.db") as store:
        store.upgraded = True  # as a database a migration just touched
        run([a], store, max_bytes=1 << 26)
        assert not store.upgraded
        report = run([a, b], store, max_bytes=1 << 26)
        assert (report.new, report.unchanged) == (5, 40)


def test_the_heap_is_given_back_between_batches() -> None:
    import ctypes.util

    from sitrep.engine.heap import trim

    # glibc (every Linux CI) has malloc_trim; elsewhere the call is a harmless no-op
    has = bool(ctypes.util.find_library("c")) and hasattr(ctypes.CDLL(ctypes.util.find_library("c")), "malloc_trim")
    assert trim() is has
