"""Copy detection, wire provenance and version diffs, on the seeds and the stories eval file."""

from __future__ import annotations

import json
import re
import sqlite3
import subprocess
import sys
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from sitrep.clean.meta import wires_in
from sitrep.copies import CopyLinker, fingerprint, overlap, paragraphs_of, relation, signature
from sitrep.diff import diff_texts, format_diff
from sitrep.model import Article
from sitrep.pipeline import link_articles, run
from sitrep.store import Store
from tests.conftest import EVAL, SEEDS, need_shared


@pytest.fixture(scope="module")
def seed_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The two seeds run through the whole pipeline into a real database file."""
    need_shared(SEEDS)
    db = tmp_path_factory.mktemp("copies") / "seeds.db"
    with Store(db) as store:
        run([SEEDS], store, max_bytes=20 * 1024 * 1024)
    return db


def _rows(db: Path) -> dict[str, dict[str, Any]]:
    with Store(db) as store:
        return {row["id"][:3]: row for row in store.articles()}


def _article(article_id: str, text: str, outlet: str | None = None) -> Article:
    return Article(
        id=article_id,
        source=article_id,
        kind="text",
        raw=text,
        outlet=outlet,
        paragraphs=paragraphs_of(text),
    )


def _stories() -> list[dict[str, Any]]:
    path = need_shared(EVAL / "stories.dev.jsonl")
    return [json.loads(line) for line in path.open(encoding="utf-8")]


# -- seeds --------------------------------------------------------------------


def test_seed_003_carries_000s_wire_copy(seed_db: Path) -> None:
    rows = _rows(seed_db)
    assert rows["000"]["copy_of"] is None
    assert rows["003"]["copy_of"] == rows["000"]["id"]
    copy = rows["003"]["copy"]
    assert copy["relation"] == "update"  # carries most of 000 and adds its own reporting
    assert copy["group"] == rows["000"]["id"]
    paragraphs = paragraphs_of(rows["003"]["text"])
    shared = " ".join(paragraphs[i] for i in copy["shared_paragraphs"])
    own = " ".join(paragraphs[i] for i in copy["own_paragraphs"])
    # The wire paragraphs both carry, and The Journal's own additions.
    assert "Mirwais Stanikzai" in shared and "heavily fortified jail" in shared
    assert "Camp Bastion" in own and "Masoom Jan" in own and "600 troops" in own
    assert rows["000"]["wire"] == ["AFP"] and rows["003"]["wire"] == ["AFP"]


def test_rerun_links_nothing_twice(seed_db: Path) -> None:
    with Store(seed_db) as store:
        report = run([SEEDS], store, max_bytes=20 * 1024 * 1024)
        n = store.conn.execute("SELECT count(*) FROM copies").fetchone()[0]
    assert report.unchanged == 2 and report.copies == 0 and n == 1


def test_export_gives_copy_of(seed_db: Path) -> None:
    out = subprocess.run(
        [sys.executable, "-m", "sitrep.cli", "export", "--db", str(seed_db)],
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    rows = {json.loads(line)["id"][:3]: json.loads(line) for line in out.stdout.splitlines()}
    assert rows["003"]["copy_of"] == rows["000"]["id"] and rows["000"]["copy_of"] is None
    assert "version_of" in rows["003"] and "story_id" in rows["003"]


# -- detection on real text ---------------------------------------------------


def _link(tmp_path: Path, articles: list[Article]) -> dict[str, dict[str, Any]]:
    with Store(tmp_path / "c.db") as store:
        store.add_articles(articles)
        link_articles(store, [a.id for a in articles])
        return {row["id"]: row for row in store.articles()}


def test_trimmed_extended_and_duplicate_reprints_are_found(tmp_path: Path) -> None:
    need_shared(SEEDS)
    text = "\n\n".join(paragraphs_of(_seed_text("000")))
    paragraphs = paragraphs_of(text)
    own = "The outlet's own correspondent in Kabul said the roads to the airport were jammed all night long."
    articles = [
        _article("orig", text),
        _article("trim", "\n\n".join(paragraphs[:9])),
        _article("extra", "\n\n".join([*paragraphs, own])),
        _article("dup", text.replace("Taliban", "Taleban", 1)),
    ]
    rows = _link(tmp_path, articles)
    assert rows["orig"]["copy_of"] is None
    assert {k: rows[k]["copy"]["relation"] for k in ("trim", "extra", "dup")} == {
        "trim": "trimmed",
        "extra": "duplicate",
        "dup": "duplicate",
    }
    assert all(rows[k]["copy_of"] == "orig" for k in ("trim", "extra", "dup"))
    # The added paragraph is the reprint's own reporting.
    assert rows["extra"]["copy"]["own_paragraphs"] == [len(paragraphs)]


def _seed_text(number: str) -> str:
    from sitrep.ingest import read_paths
    from sitrep.pipeline import clean_all

    path = next(SEEDS.glob(f"{number}_*.txt"))
    article = next(clean_all(list(read_paths([path]))))
    assert isinstance(article, Article)
    return article.text


def test_unrelated_articles_sharing_boilerplate_are_not_copies(tmp_path: Path) -> None:
    docs = [r for r in _stories() if r["corpus"] == "basil"][:30]
    boilerplate = (
        "Sign up for our newsletter to get the day's top stories delivered to your inbox every "
        "morning, and follow us on social media for breaking news alerts around the clock."
    )
    articles = [_article(r["id"], f"{r['text']}\n\n{boilerplate}") for r in docs]
    rows = _link(tmp_path, articles)
    cluster = {r["id"]: r["cluster"] for r in docs}
    linked = [(k, v["copy_of"]) for k, v in rows.items() if v["copy_of"]]
    assert all(cluster[a] == cluster[b] for a, b in linked), linked


def test_stories_file_copies_never_cross_clusters(tmp_path: Path) -> None:
    docs = _stories()
    rows = _link(tmp_path, [_article(r["id"], r["text"]) for r in docs])
    cluster = {r["id"]: r["cluster"] for r in docs}
    linked = [(k, v["copy_of"]) for k, v in rows.items() if v["copy_of"]]
    assert len(linked) >= 20  # ECB+ holds many reprints of the same wire stories
    assert [p for p in linked if cluster[p[0]] != cluster[p[1]]] == []


def test_groups_are_stars_not_chains(tmp_path: Path) -> None:
    t1, t2, t3, t4 = [r["text"] for r in _stories() if r["corpus"] == "basil"][:4]
    # x shares its second half with y, y its second half with z: x and z share nothing.
    x, y, z = f"{t1}\n\n{t2}", f"{t2}\n\n{t3}", f"{t3}\n\n{t4}"
    rows = _link(tmp_path, [_article("x", x), _article("y", y), _article("z", z)])
    assert rows["y"]["copy_of"] == "x"
    assert rows["z"]["copy_of"] == "y"
    # z never matched x itself, so it does not join x's group by chaining through y.
    assert rows["z"]["copy"]["group"] != "x"


def test_overlap_is_exact_containment() -> None:
    long = " ".join(f"word{i}" for i in range(200))
    short = " ".join(f"word{i}" for i in range(50, 100))
    o = overlap(fingerprint(short), fingerprint(long))
    assert o.containment == 1.0 and 0.2 < o.coverage < 0.3
    assert relation(o) == "trimmed"
    assert relation(overlap(fingerprint("one two three"), fingerprint(long))) is None


def test_minhash_agreement_estimates_jaccard() -> None:
    texts = [r["text"] for r in _stories() if r["corpus"] == "basil"][:2]
    a, b = (fingerprint(t).shingles for t in texts)
    half = len(a) // 2
    # Sets with a known Jaccard similarity: a, and a's first half plus as much of b.
    mixed = np.unique(np.concatenate([a[:half], b[: len(a) - half]]))
    jaccard = len(np.intersect1d(a, mixed)) / len(np.union1d(a, mixed))
    sig_a, sig_m = signature(a), signature(mixed)
    # The share of permutations that agree estimates the Jaccard similarity (a hash that
    # never wraps picks the same smallest shingle in every permutation: all agree or none).
    assert abs(float((sig_a == sig_m).mean()) - jaccard) < 0.12, jaccard


def test_upgrade_rebuilds_copy_keys_and_relinks(tmp_path: Path) -> None:
    need_shared(SEEDS)
    db = tmp_path / "old.db"
    with Store(db) as store:
        store.add_articles([_article("a", _seed_text("000")), _article("b", _seed_text("003"))])
        link_articles(store, ["a", "b"])
    # Back to version 11 (copy_prints as it was, keys a wrong hash wrote, members without terms).
    conn = sqlite3.connect(db, isolation_level=None)
    conn.executescript(
        """DELETE FROM schema_migrations WHERE version >= 12; DELETE FROM copy_keys;
           ALTER TABLE story_members DROP COLUMN terms; ALTER TABLE rejections DROP COLUMN stage; DROP TABLE pending_consolidation;
           ALTER TABLE runs DROP COLUMN status; ALTER TABLE runs DROP COLUMN pid; ALTER TABLE runs DROP COLUMN host;
           DROP TABLE fetched;
           INSERT INTO copy_keys VALUES (1, 1), (1, 2); DROP TABLE copy_prints;
           CREATE TABLE copy_prints (article_pk INTEGER PRIMARY KEY, shingles BLOB NOT NULL,
                                     lengths BLOB NOT NULL);
           INSERT INTO copy_prints SELECT pk, x'', x'' FROM articles;"""
    )
    conn.close()
    with Store(db) as store:
        assert store.needs_linking
        assert store.conn.execute("SELECT count(*) FROM copy_keys").fetchone()[0] == 0
        link_articles(store, [])
        rows = {row["id"]: row for row in store.articles()}
        keys = store.conn.execute("SELECT count(DISTINCT article_pk) FROM copy_keys").fetchone()[0]
    assert rows["b"]["copy_of"] == "a" and rows["a"]["copy_of"] is None
    assert keys == 2


def test_linker_skips_what_it_has_seen(tmp_path: Path) -> None:
    need_shared(SEEDS)
    with Store(tmp_path / "s.db") as store:
        store.add_articles([_article("a", _seed_text("000")), _article("b", _seed_text("003"))])
        pks = store.latest_pks(["a", "b"])
        with store.transaction() as conn:
            linker = CopyLinker(conn)
            assert linker.link(pks["a"]) is None
            link = linker.link(pks["b"])
            assert link is not None and link.copy_of == pks["a"]
            assert linker.link(pks["b"]) is None


# -- wire provenance ------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "wires"),
    [
        ("KABUL (Reuters) - The Taliban said", ["Reuters"]),
        ("a security source told AFP on Thursday.", ["AFP"]),
        ("The fighting went on.\n\n- Agencies", ["agencies"]),
        ("The fighting went on (with agencies).", ["agencies"]),
        ("US intelligence agencies said the city would fall.", []),
        ("The AP reported that Reuters had the figure.", ["AP", "Reuters"]),
    ],
)
def test_wire_agencies(text: str, wires: list[str]) -> None:
    assert sorted(wires_in(text)) == sorted(wires)


# -- diffs ----------------------------------------------------------------------


def test_seed_diff_lists_003s_additions_and_000s_lone_paragraphs() -> None:
    need_shared(SEEDS)
    d = diff_texts(_seed_text("000"), _seed_text("003"))
    added = " ".join(p.b_text or "" for p in d.pieces if p.kind == "added")
    removed = " ".join(p.a_text or "" for p in d.pieces if p.kind == "removed")
    for fact in ("Kandahar is completely conquered", "3,000 troops", "600 troops", "Qala-i-Naw", "Masoom Jan", "Camp Bastion"):  # fmt: skip
        assert fact in added, fact
    for lone in ("Ghulam Farooq Majroh", "Ismail Khan", "around 40 of their colleagues"):
        assert lone in removed, lone
    count = next(p for p in d.pieces if p.kind == "changed" and "provincial capitals" in (p.b_text or ""))
    words = [w for s in count.sentences for w in s.words]
    assert ("-", "10") in words and ("+", "12") in words
    text = format_diff(d)
    assert "adds" in text and "{+12+}" in text


def test_diff_finds_moved_paragraphs() -> None:
    paragraphs = [f"Paragraph number {n} says something rather different from the others, {n} times." for n in ("one", "two", "three", "four")]  # fmt: skip
    moved = [paragraphs[3], paragraphs[0], paragraphs[1], paragraphs[2]]
    d = diff_texts("\n\n".join(paragraphs), "\n\n".join(moved))
    assert d.summary()["moved"] == 1 and d.summary()["same"] == 4
    assert [p.a for p in d.pieces if p.moved] == [3]


def test_diff_command_json_and_errors(seed_db: Path) -> None:
    rows = _rows(seed_db)
    out = subprocess.run(
        [sys.executable, "-m", "sitrep.cli", "diff", "--db", str(seed_db), rows["003"]["id"], "--json"],
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    data = json.loads(out.stdout)
    assert data["a"]["id"] == rows["000"]["id"] and data["b"]["outlet"] == "The Journal"
    assert data["summary"]["added"] >= 10 and data["summary"]["removed"] >= 5
    bad = subprocess.run(
        [sys.executable, "-m", "sitrep.cli", "diff", "--db", str(seed_db), "no-such-id", "x"],
        capture_output=True, text=True,
    )  # fmt: skip
    assert bad.returncode != 0 and "no-such-id" in bad.stderr


def test_linking_reads_no_stored_text_back(tmp_path: Path) -> None:
    """The fingerprint and terms come from their per-article stages (#27): storing the
    seeds never selects an article's text from the database again."""
    need_shared(SEEDS)
    statements: list[str] = []
    with Store(tmp_path / "t.db") as store:
        store.conn.set_trace_callback(statements.append)
        report = run([SEEDS], store, max_bytes=20 * 1024 * 1024)
    assert report.new == 2 and report.copies == 1
    reads = [s for s in statements if re.match(r"\s*SELECT\b[^;]*\btext\b[^;]*\bFROM articles", s, re.S | re.I)]
    assert reads == []
