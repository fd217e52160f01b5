"""A hostile corpus, generated here (#28): each bad input is named with its reason or stored
safely, no input hangs a run, a run killed with SIGKILL is completed by a rerun, exit codes
mean one thing each, and the per-article stages never raise on arbitrary text."""

from __future__ import annotations

import gzip
import json
import os
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sitrep.cli import main
from sitrep.engine import PER_ARTICLE, Context, Engine
from sitrep.errors import InputRejected, StageFailed
from sitrep.ingest import read_paths
from sitrep.model import Article, RawArticle
from sitrep.store.snapshot import differences, snapshot
from tests.conftest import EVAL, need_shared

REPORT = (
    "Taliban fighters captured the city of Herat on Thursday after weeks of fighting, officials said.\n\n"
    "The militants also took Ghazni, a provincial capital on the highway south of Kabul."
)


def _run(*args: str, env: dict[str, str] | None = None, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    cmd = [sys.executable, "-m", "sitrep", "run", *args, "--quiet"]
    return subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, env=env)


def _rejects(paths: list[Path], **kw: Any) -> dict[str, str]:
    return {e.source or "": e.reason for e in read_paths(paths, **kw) if isinstance(e, InputRejected)}


# -- intake ---------------------------------------------------------------------------------


def test_a_fifo_is_named_and_skipped_given_or_in_a_folder(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.txt")
    (tmp_path / "ok.txt").write_text(REPORT, encoding="utf-8")
    found = list(read_paths([tmp_path / "pipe.txt", tmp_path]))
    reasons = [e.reason for e in found if isinstance(e, InputRejected)]
    assert reasons == ["is not a regular file (a FIFO); skipped"] * 2
    assert [r.id for r in found if isinstance(r, RawArticle)] == ["ok.txt"]


def test_links_that_lead_nowhere_say_so(tmp_path: Path) -> None:
    os.symlink(tmp_path / "b.txt", tmp_path / "a.txt")
    os.symlink(tmp_path / "a.txt", tmp_path / "b.txt")
    os.symlink(tmp_path / "gone.txt", tmp_path / "dangling.txt")
    got = _rejects([tmp_path / "a.txt", tmp_path / "dangling.txt", tmp_path / "missing.txt"])
    assert got == {
        str(tmp_path / "a.txt"): "is a symbolic link loop",
        str(tmp_path / "dangling.txt"): "is a symbolic link to nothing",
        str(tmp_path / "missing.txt"): "does not exist",
    }


def test_a_gzip_of_blank_lines_stops_at_the_line_cap(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import sitrep.ingest

    monkeypatch.setattr(sitrep.ingest, "MAX_LINES", 1000)
    path = tmp_path / "bomb.jsonl.gz"
    with gzip.open(path, "wb") as fh:
        fh.write(json.dumps({"id": "first", "text": REPORT}).encode() + b"\n" + b"\n" * 50_000)
    found = list(read_paths([path]))
    assert [r.id for r in found if isinstance(r, RawArticle)] == ["first"]
    assert [e.reason for e in found if isinstance(e, InputRejected)] == [
        "holds more than 1,000 lines; the rest is skipped (split the file)"
    ]


def test_a_file_name_that_is_not_utf8_is_stored_under_a_safe_name(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / os.fsdecode(b"r\xe9port\xff.txt")).write_text(REPORT, encoding="utf-8")
    db = tmp_path / "s.db"
    done = _run(str(folder), "--db", str(db))
    assert done.returncode == 0, done.stderr
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT id FROM articles").fetchall() == [("r\\xe9port\\xff.txt",)]


def test_metadata_loses_control_and_bidi_characters_the_text_keeps_its_own(tmp_path: Path) -> None:
    src = tmp_path / "a.jsonl"
    record = {
        "id": "evil\u202egpj.exe", "title": "Herat\x00 falls\u2066", "outlet": "Wire\x07 Service",
        "text": REPORT + " \u200fمرحبا\u200f",
    }  # fmt: skip
    src.write_text(json.dumps(record) + "\n", encoding="utf-8")
    db = tmp_path / "s.db"
    assert _run(str(src), "--db", str(db)).returncode == 0
    with sqlite3.connect(db) as conn:
        row = conn.execute("SELECT id, title, outlet, text FROM articles").fetchone()
    assert row[:3] == ("evilgpj.exe", "Herat falls", "Wire Service")
    assert "\u200f" in row[3]  # a right-to-left mark belongs to Arabic prose


def test_junk_is_rejected_as_too_short_and_a_one_line_report_is_kept(tmp_path: Path) -> None:
    src = tmp_path / "a.jsonl"
    rows = [{"id": "shell", "html": "<html><body><nav>Home</nav></body></html>"}, {"id": "hi", "text": "Hi."},
            {"id": "flash", "text": "Kabul fell on Sunday."}]  # fmt: skip
    src.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    db = tmp_path / "s.db"
    done = _run(str(src), "--db", str(db))
    assert done.returncode == 1
    assert "a.jsonl:2 at clean: too short to be an article: 1 word after cleaning (at least 4 needed) [E107]" in done.stderr
    assert "a.jsonl:1" in done.stderr
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT id, text FROM articles").fetchall() == [("flash", "Kabul fell on Sunday.")]


# -- bounded time ---------------------------------------------------------------------------


def test_an_article_past_its_time_budget_is_set_aside_and_the_next_goes_on() -> None:
    huge = RawArticle(id="huge", source="huge.txt", text="Kabul Herat Kandahar Ghazni fighters attacked " * 20_000)
    fine = RawArticle(id="fine", source="fine.txt", text=REPORT)
    list(Engine(1).map([fine], PER_ARTICLE, Context()))  # what loads once loads outside the budget
    t = time.monotonic()
    done = list(Engine(1).map([huge, fine], PER_ARTICLE, Context(budget=2)))
    assert time.monotonic() - t < 30
    assert isinstance(done[0], StageFailed) and "longer than the article time limit of 2 s of CPU" in done[0].reason
    assert isinstance(done[1], Article) and done[1].events


def test_a_long_run_on_line_is_cut_into_bounded_sentences() -> None:
    from sitrep.sentences import MAX_SENTENCE, split_sentences

    text = "fighters attacked the town, " * 5000
    spans = split_sentences(text)
    assert max(b - a for a, b in spans) <= MAX_SENTENCE
    assert "".join(text[a:b] for a, b in spans).replace(" ", "") == text.replace(" ", "")


# -- exit codes -----------------------------------------------------------------------------


def test_exit_codes_mean_one_thing_each(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    good = tmp_path / "good.txt"
    good.write_text(REPORT, encoding="utf-8")
    runner = CliRunner()
    assert runner.invoke(main, ["run", str(good), "--db", str(tmp_path / "a.db"), "--quiet"]).exit_code == 0
    missing = runner.invoke(main, ["run", str(good), str(tmp_path / "nope.txt"), "--db", str(tmp_path / "a.db"), "--quiet"])
    assert missing.exit_code == 1 and "nope.txt: does not exist" in missing.output
    assert runner.invoke(main, ["run", str(good)]).exit_code == 2  # no --db

    import sitrep.pipeline

    def broken(*_: Any, **__: Any) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(sitrep.pipeline, "consolidate_store", broken)
    crashed = runner.invoke(main, ["run", str(good), "--db", str(tmp_path / "b.db"), "--quiet"])
    assert crashed.exit_code == 3 and "No space left on device" in crashed.output
    with sqlite3.connect(tmp_path / "b.db") as conn:
        assert conn.execute("SELECT status FROM runs").fetchall() == [("failed",)]


def test_a_writer_locked_out_exits_3_and_a_rerun_completes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import sitrep.store.db

    monkeypatch.setattr(sitrep.store.db, "BUSY_TIMEOUT_SECONDS", 0.5)
    good = tmp_path / "good.txt"
    good.write_text(REPORT, encoding="utf-8")
    db = tmp_path / "s.db"
    runner = CliRunner()
    assert runner.invoke(main, ["run", str(good), "--db", str(db), "--quiet"]).exit_code == 0
    second = tmp_path / "second.txt"
    second.write_text(REPORT.replace("Herat", "Kandahar"), encoding="utf-8")
    holder = sqlite3.connect(db, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        locked = runner.invoke(main, ["run", str(second), "--db", str(db), "--quiet"])
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert locked.exit_code == 3 and "locked" in locked.output
    again = runner.invoke(main, ["run", str(second), "--db", str(db), "--quiet"])
    assert again.exit_code == 0 and "1 new" in again.output


# -- kill -9 and rerun ----------------------------------------------------------------------


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, frozenset[tuple[object, ...]]]]:
    """30 full articles from the dev file as JSONL, and what an uninterrupted run stores."""
    with need_shared(EVAL / "events_articles.dev.jsonl").open(encoding="utf-8") as fh:
        rows = [json.loads(line) for line in fh][:30]
    tmp = tmp_path_factory.mktemp("kill")
    src = tmp / "corpus.jsonl"
    keep = ("id", "text", "title", "published", "url", "outlet")
    src.write_text("".join(json.dumps({k: r[k] for k in keep if r.get(k)}) + "\n" for r in rows), encoding="utf-8")
    db = tmp / "ref.db"
    assert _run(str(src), "--db", str(db), "--batch", "7").returncode == 0
    with sqlite3.connect(db) as conn:
        return src, snapshot(conn)


@pytest.mark.parametrize("point", ["stored:2", "linking:3", "consolidating:1"])
def test_a_run_killed_mid_way_is_completed_by_a_rerun(
    corpus: tuple[Path, dict[str, frozenset[tuple[object, ...]]]], tmp_path: Path, point: str
) -> None:
    src, reference = corpus
    db = tmp_path / "s.db"
    killed = _run(str(src), "--db", str(db), "--batch", "7", env={**os.environ, "SITREP_TEST_KILL": point})
    assert killed.returncode == -9
    with sqlite3.connect(db) as conn:
        assert differences(reference, snapshot(conn))  # the kill left work undone
    assert _run(str(src), "--db", str(db), "--batch", "7").returncode == 0
    with sqlite3.connect(db) as conn:
        assert differences(reference, snapshot(conn)) == {}
        assert conn.execute("SELECT status FROM runs ORDER BY id").fetchall() == [("interrupted",), ("done",)]


def test_a_running_run_is_not_closed_by_a_second_one(tmp_path: Path) -> None:
    from sitrep.store import Store

    with Store(tmp_path / "s.db") as first, Store(tmp_path / "s.db") as second:
        a = first.start_run(["x"])
        b = second.start_run(["y"])  # this very process is alive: a's row stays "running"
        rows = dict(second.conn.execute("SELECT id, status FROM runs").fetchall())
    assert rows == {a: "running", b: "running"}


# -- property: the per-article stages never raise ---------------------------------------------

# Arbitrary characters (any code point a UTF-8 file can hold) mixed with the words and marks
# the stages look for, so that the generated texts reach their rules, not only the first check.
_PIECES = st.one_of(
    st.text(alphabet=st.characters(codec="utf-8"), max_size=6),
    st.sampled_from(list(" .,;:!?\n\t\"'()-–—0123456789")),
    st.sampled_from(["Kabul", "Herat", "Taliban", "killed", "attacked", "on Monday", "12", "Aug.", "U.S.", "(AP)", "said"]),
)
_TEXT = st.lists(_PIECES, max_size=80).map("".join)


def _offsets_hold(article: Article) -> None:
    fields = {"text": article.text, "title": article.title or "", "standfirst": article.standfirst or ""}
    for item in [*article.places, *article.times, *article.quantities]:
        body = fields.get(item.field)
        if body is not None:
            assert 0 <= item.start <= item.end <= len(body) and body[item.start : item.end] == item.text, item
    for event in article.events:
        for ev in event.evidence:
            if ev.get("field", "text") == "text":
                assert article.text[ev["start"] : ev["end"]] == ev["text"]
                trigger = ev["trigger"]
                assert ev["start"] <= trigger["start"] <= trigger["end"] <= ev["end"]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=_TEXT, title=st.one_of(st.none(), _TEXT), html=st.booleans())
def test_per_article_stages_never_raise_and_keep_offsets(text: str, title: str | None, html: bool) -> None:
    raw = RawArticle(id="p", source="prop", text=None if html else text, html=f"<p>{text}</p>" if html else None, title=title)
    done = next(Engine(1).map([raw], PER_ARTICLE, Context()))
    assert not isinstance(done, StageFailed), done.reason
    if isinstance(done, Article):
        _offsets_hold(done)


def test_stages_keep_going_while_another_thread_holds_no_alarm() -> None:
    # Outside the main thread no SIGALRM budget applies (it could not fire there): the stages
    # still run to the end.
    out: list[Any] = []
    worker = threading.Thread(
        target=lambda: out.extend(Engine(1).map([RawArticle(id="a", source="a", text=REPORT)], PER_ARTICLE, Context(budget=0.001)))
    )
    worker.start()
    worker.join(60)
    assert isinstance(out[0], Article)
