"""The engine: declared stages, per-article set-asides, reruns that redo only what failed, workers."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

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
