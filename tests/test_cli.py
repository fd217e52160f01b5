"""The sitrep command end to end: a real SQLite file, real files, the installed entry point."""

from __future__ import annotations

import csv
import gzip
import io
import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from sitrep.cli import main
from tests.conftest import EVAL, SEEDS, need_shared


def invoke(*args: str, input: str | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args), input=input, catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def test_help_lists_commands() -> None:
    code, out, _ = invoke("--help")
    assert code == 0
    for command in ("demo", "run", "annotate", "export", "eval"):
        assert command in out


def test_demo_builds_database_and_reports(tmp_path: Path) -> None:
    db = tmp_path / "demo.db"
    code, out, err = invoke("demo", "--db", str(db))
    assert code == 0, err
    assert "Taliban claim to capture Kandahar" in out
    assert "The Journal" in out
    assert str(db) in out
    # The main events, with place, date, modality and who says so.
    assert "territory.capture by Taliban at Kandah" in out and "2021-08-12 claimed" in out
    assert "confirmed (the interior ministry via AFP)" in out
    with sqlite3.connect(db) as conn:
        assert conn.execute("select count(*) from articles").fetchone()[0] == 2


def test_run_is_idempotent_and_versions_changes(tmp_path: Path) -> None:
    need_shared(SEEDS)
    db = tmp_path / "s.db"
    code, out, _ = invoke("run", str(SEEDS), "--db", str(db))
    assert code == 0
    assert out.startswith("2 new")
    code, out, _ = invoke("run", str(SEEDS), "--db", str(db))
    assert code == 0
    assert "0 new, 0 new versions, 2 unchanged" in out
    # The same id with changed text becomes a new version; the first stays.
    changed = tmp_path / "000_a590446ecc86677d.txt"
    changed.write_text(
        (SEEDS / "000_a590446ecc86677d.txt").read_text("utf-8")
        + "\n\nA new paragraph at the end of the story was added later.\n"
    )
    code, out, _ = invoke("run", str(changed), "--db", str(db))
    assert "1 new versions" in out
    with sqlite3.connect(db) as conn:
        rows = conn.execute("select id, version from articles order by id, version").fetchall()
    assert rows == [
        ("000_a590446ecc86677d.txt", 1),
        ("000_a590446ecc86677d.txt", 2),
        ("003_148240228117d87a.txt", 1),
    ]


def test_bad_inputs_are_named_and_the_rest_goes_on(tmp_path: Path) -> None:
    need_shared(SEEDS)
    corpus = tmp_path / "in"
    corpus.mkdir()
    (corpus / "empty.txt").write_bytes(b"")
    (corpus / "image.html").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    with gzip.open(corpus / "seed.txt.gz", "wb") as fh:
        fh.write((SEEDS / "003_148240228117d87a.txt").read_bytes())
    (corpus / "records.jsonl").write_text(
        '{"id": "ok", "text": "The Taliban took the city of Herat on Thursday, officials said."}\n'
        "{not json\n"
        '{"id": "no-body"}\n',
        encoding="utf-8",
    )
    db = tmp_path / "x.db"
    code, out, err = invoke("run", str(corpus), "--db", str(db))
    assert code == 1
    assert "empty.txt" in err and "image.html" in err
    assert "records.jsonl:2" in err and "records.jsonl:3" in err
    assert out.startswith("2 new")
    # Nothing stored is lost by a later run with bad input.
    code, _, _ = invoke("run", str(tmp_path / "missing.txt"), "--db", str(db))
    assert code == 1
    with sqlite3.connect(db) as conn:
        assert conn.execute("select count(*) from articles").fetchone()[0] == 2
        assert conn.execute("select count(*) from rejections").fetchone()[0] >= 5


def test_annotate_one_line_per_input_line(tmp_path: Path) -> None:
    need_shared(SEEDS)
    text = (SEEDS / "003_148240228117d87a.txt").read_text("utf-8")
    lines = [
        json.dumps({"id": "a", "text": text, "url": "https://www.thejournal.ie/x"}),
        "broken",
        json.dumps({"id": "b", "text": "Kabul fell on Sunday.", "published": "2021-08-15"}),
    ]
    src = tmp_path / "in.jsonl"
    src.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    code, _, err = invoke("annotate", "--input", str(src), "--output", str(out))
    assert code == 1 and "in.jsonl:2" in err
    rows = [json.loads(x) for x in out.read_text("utf-8").splitlines()]
    assert [r.get("id") for r in rows] == ["a", None, "b"]
    assert rows[0]["title"].startswith("Taliban claim to capture Kandahar")
    assert rows[0]["published"]["value"] == "2021-08-12"
    assert "error" in rows[1]
    assert rows[2]["published"] == {
        "value": "2021-08-15",
        "how": "input",
        "precision": "day",
        "evidence": None,
    }


def test_annotate_assume_clean_offsets_refer_to_input() -> None:
    text = "We need your help now\n\nHerat fell."
    code, out, _ = invoke(
        "annotate",
        "--input",
        "-",
        "--output",
        "-",
        "--assume-clean",
        input=json.dumps({"id": "x", "text": text}) + "\n",
    )
    assert code == 0
    assert json.loads(out)["text"] == text


def test_export_articles_jsonl_and_csv(tmp_path: Path) -> None:
    db = tmp_path / "d.db"
    invoke("demo", "--db", str(db))
    code, out, _ = invoke("export", "--db", str(db), "--what", "articles", "--format", "jsonl")
    assert code == 0
    rows = [json.loads(x) for x in out.splitlines()]
    assert {r["id"] for r in rows} == {"000_a590446ecc86677d.txt", "003_148240228117d87a.txt"}
    assert all("story_id" in r and "copy_of" in r and "version_of" in r for r in rows)
    code, out, _ = invoke("export", "--db", str(db), "--what", "articles", "--format", "csv")
    table = list(csv.DictReader(io.StringIO(out)))
    assert len(table) == 2 and table[0]["title"]
    code, _, err = invoke("export", "--db", str(db), "--what", "articles", "--format", "geojson")
    assert code == 2 and "jsonl or csv" in err


def test_eval_cleaning_prints_table() -> None:
    path = need_shared(EVAL / "cleaning_text.dev.jsonl")
    code, out, _ = invoke("eval", str(path), "--task", "cleaning", "--limit", "20", "--json")
    assert code == 0
    result = json.loads(out)
    assert 0.5 < result["rows"]["all"]["f1"] <= 1.0


def test_usage_error_exit_code_2() -> None:
    code, _, _ = invoke("run", "--db")
    assert code == 2


def test_console_script_installed() -> None:
    exe = Path(sys.executable).with_name("sitrep")
    if not exe.exists():
        pytest.skip("the sitrep console script is not installed in this environment")
    out = subprocess.run([str(exe), "--help"], capture_output=True, text=True, check=True).stdout
    assert "sitrep" in out


def test_eval_on_a_file_of_another_shape_names_the_file_and_the_reason(tmp_path: Path) -> None:
    wrong = tmp_path / "notes.jsonl"
    wrong.write_text('{"id": "1", "text": "Police arrested two men."}\n{broken\n', encoding="utf-8")
    for task in ("consolidation", "stories", "times"):
        result = CliRunner().invoke(main, ["eval", str(wrong), "--task", task])
        assert result.exit_code == 2, (task, result.output)
        assert str(wrong) in result.output and "not a gold file" in result.output
