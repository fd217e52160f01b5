"""Tests of the SQLite store, each on a real database file in tmp_path."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from sitrep.errors import StoreError
from sitrep.model import Article, Published, RawArticle
from sitrep.store import LATEST_VERSION, MIGRATIONS, Store, migrate, plain_query, schema
from sitrep.store import db as store_db

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
SEEDS = SHARED / "seeds"


def make_article(
    article_id: str,
    text: str,
    *,
    title: str | None = None,
    outlet: str | None = "The Journal",
) -> Article:
    """An Article as cleaning would make it, its hash carried over from the RawArticle."""
    raw = RawArticle(id=article_id, source=f"{article_id}.txt", text=text, title=title)
    paragraphs = [p.strip() for p in text.split("\n\n") if p.strip()]
    return Article(
        id=article_id,
        source=raw.source,
        kind="text",
        raw=text,
        outlet=outlet,
        published=Published("2021-08-12", "text", "day", "on Thursday"),
        title=title,
        paragraphs=paragraphs,
        headings=["Fighting"],
        captions=["A photo caption"],
        removed=["4 min read"],
        wire=["AFP"],
        content_hash=raw.content_hash,
    )


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "sitrep.db"


@pytest.fixture
def store(db_path: Path) -> Iterator[Store]:
    with Store(db_path) as s:
        yield s


@pytest.fixture
def seed_texts() -> list[str]:
    files = sorted(SEEDS.glob("*.txt")) if SEEDS.is_dir() else []
    if not files:
        pytest.skip(f"seed articles not found in {SEEDS} (the shared folder is absent)")
    return [f.read_text(encoding="utf-8") for f in files]


# -- adding and versions ------------------------------------------------------


def test_adding_the_same_article_twice_stores_it_once(store: Store) -> None:
    article = make_article("a1", "The Taliban took Herat on Thursday.", title="Herat falls")
    assert store.add_article(article) == "new"
    before = store.counts()
    assert store.add_article(article) == "unchanged"
    assert store.counts() == before == {"articles": 1, "versions": 1, "rejections": 0, "runs": 0}


def test_changed_content_is_a_new_version(store: Store) -> None:
    store.add_article(make_article("a1", "First draft about Herat.", title="Herat"))
    assert store.add_article(make_article("a1", "Updated story about Kandahar.")) == "version"

    latest = list(store.articles())
    assert [(a["id"], a["version"], a["version_of"]) for a in latest] == [("a1", 2, "a1@1")]
    assert latest[0]["text"] == "Updated story about Kandahar."

    every = list(store.articles(all_versions=True))
    assert [(a["version"], a["version_of"]) for a in every] == [(1, None), (2, "a1@1")]
    assert store.counts()["articles"] == 1
    assert store.counts()["versions"] == 2

    first = store.get_article("a1", version=1)
    assert first is not None and first["text"] == "First draft about Herat."
    current = store.get_article("a1")
    assert current is not None and current["version"] == 2
    assert store.get_article("a1", version=3) is None
    assert store.get_article("nope") is None


def test_content_seen_at_an_earlier_version_is_unchanged(store: Store) -> None:
    store.add_article(make_article("a1", "one"))
    store.add_article(make_article("a1", "two"))
    assert store.add_article(make_article("a1", "one")) == "unchanged"
    assert store.counts()["versions"] == 2


def test_article_dict_extends_to_json(store: Store, seed_texts: list[str]) -> None:
    article = make_article("seed0", seed_texts[0], title="Taliban seizes Herat")
    store.add_article(article)
    stored = store.get_article("seed0")
    assert stored is not None
    for key, value in article.to_json().items():
        assert stored[key] == value, key
    assert stored["story_id"] is None and stored["copy_of"] is None
    assert stored["source"] == "seed0.txt"
    assert stored["content_hash"] == article.content_hash
    assert stored["stored_at"].endswith("Z")
    assert stored["raw"] == seed_texts[0]
    listed = next(store.articles())
    assert "raw" not in listed
    assert {k: v for k, v in stored.items() if k != "raw"} == listed


def test_articles_come_in_id_order(store: Store) -> None:
    for article_id in ("c", "a", "b"):
        store.add_article(make_article(article_id, f"text {article_id}"))
    assert [a["id"] for a in store.articles()] == ["a", "b", "c"]


def test_article_without_hash_gets_one(store: Store) -> None:
    article = Article(id="h", source="h.txt", kind="text", raw="body", paragraphs=["body"])
    assert store.add_article(article) == "new"
    assert store.add_article(article) == "unchanged"
    stored = store.get_article("h")
    assert stored is not None and len(stored["content_hash"]) == 64


def test_add_articles_batches_and_counts(store: Store, seed_texts: list[str]) -> None:
    articles = [make_article(f"s{i}", text) for i, text in enumerate(seed_texts)]
    articles.append(make_article("s0", "a later edit of the first seed"))
    assert store.add_articles(articles, batch_size=2) == {
        "new": len(seed_texts),
        "unchanged": 0,
        "version": 1,
    }
    again = store.add_articles(articles)
    assert again == {"new": 0, "unchanged": len(articles), "version": 0}


# -- errors keep what was stored ----------------------------------------------


def test_error_mid_batch_keeps_earlier_batches(store: Store) -> None:
    store.add_article(make_article("before", "stored before the batch"))

    def feed() -> Iterator[Article]:
        for i in range(5):
            yield make_article(f"b{i}", f"batch text {i}")
        raise RuntimeError("the reader broke")

    with pytest.raises(RuntimeError):
        store.add_articles(feed(), batch_size=2)
    ids = [a["id"] for a in store.articles()]
    # Batches (b0, b1) and (b2, b3) committed; b4's batch never completed.
    assert ids == ["b0", "b1", "b2", "b3", "before"]


def test_failed_write_rolls_back_its_own_batch_only(store: Store) -> None:
    store.add_article(make_article("ok", "fine"))
    bad = make_article("bad", "text")
    bad.title = {"not": "a string"}  # type: ignore[assignment]
    with pytest.raises(StoreError, match="'bad'"):
        store.add_articles([make_article("x", "rolled back with the batch"), bad])
    with pytest.raises(StoreError):
        store.add_article(bad)
    assert [a["id"] for a in store.articles()] == ["ok"]
    # The connection is usable after the failure.
    assert store.add_article(make_article("after", "still works")) == "new"


# -- search -------------------------------------------------------------------


def test_search_finds_body_and_title_words(store: Store, seed_texts: list[str]) -> None:
    store.add_article(make_article("seed0", seed_texts[0], title="Seizure of a western city"))
    store.add_article(make_article("other", "Floods in the south.", title="Weather report"))

    by_body = store.search("Ghazni")
    assert [r["id"] for r in by_body] == ["seed0"]
    assert "[Ghazni]" in by_body[0]["snippet"]

    by_title = store.search("weather")
    assert [r["id"] for r in by_title] == ["other"]
    assert store.search("nothinglikethis") == []


def test_search_is_in_bm25_order(store: Store) -> None:
    store.add_article(make_article("once", "Herat " + "filler words about other matters " * 20))
    store.add_article(make_article("often", "Herat Herat Herat. The fighting in Herat."))
    store.add_article(make_article("never", "Kabul only."))
    results = store.search("herat")
    assert [r["id"] for r in results] == ["often", "once"]
    assert results[0]["rank"] <= results[1]["rank"]
    assert len(store.search("herat", limit=1)) == 1


def test_search_sees_latest_versions_only(store: Store) -> None:
    store.add_article(make_article("a1", "The old text mentioned Ghazni."))
    store.add_article(make_article("a1", "The new text mentions Kandahar."))
    assert store.search("ghazni") == []
    assert [(r["id"], r["version"]) for r in store.search("kandahar")] == [("a1", 2)]


@pytest.mark.parametrize("query", ['"unclosed', "AND", "herat AND", "nosuchcolumn:herat", "(a"])
def test_malformed_search_raises_store_error(store: Store, query: str) -> None:
    store.add_article(make_article("a", "Herat"))
    with pytest.raises(StoreError, match="not a valid search") as info:
        store.search(query)
    assert not isinstance(info.value, sqlite3.Error)


def test_plain_query_makes_any_text_searchable(store: Store) -> None:
    store.add_article(make_article("a", "Herat's governor AND the police surrendered."))
    assert [r["id"] for r in store.search(plain_query("Herat's \"governor AND"))] == ["a"]
    assert store.search("   ") == []


# -- runs and rejections ------------------------------------------------------


def test_runs_and_rejections(store: Store) -> None:
    run_id = store.start_run(["in/a.txt", "in/b.jsonl"])
    store.add_article(make_article("a", "text"))
    store.add_rejection(run_id, "in/b.jsonl:3", "E105", "not valid JSON")
    store.finish_run(run_id, {"new": 1, "rejected": 1})
    assert store.counts() == {"articles": 1, "versions": 1, "rejections": 1, "runs": 1}
    stored = store.get_article("a")
    assert stored is not None and stored["run_id"] == run_id

    row = store.conn.execute("SELECT * FROM runs WHERE id = ?", (run_id,)).fetchone()
    assert json.loads(row["inputs"]) == ["in/a.txt", "in/b.jsonl"]
    assert json.loads(row["counts"]) == {"new": 1, "rejected": 1}
    assert row["finished_at"] >= row["started_at"]

    with pytest.raises(StoreError, match="no run 999"):
        store.finish_run(999, {})
    with pytest.raises(StoreError):
        store.add_rejection(999, "x", "E100", "no such run")


# -- opening, migrations, the file itself -------------------------------------


def test_wal_mode_and_pragmas(store: Store) -> None:
    assert store.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert store.conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert store.conn.execute("PRAGMA synchronous").fetchone()[0] == 1  # NORMAL
    assert store.conn.execute("PRAGMA busy_timeout").fetchone()[0] > 0
    assert store.schema_version == LATEST_VERSION


def test_reopening_keeps_data(db_path: Path) -> None:
    with Store(db_path) as s:
        s.add_article(make_article("a", "kept across opens", title="Kept"))
    with Store(db_path) as s:
        assert [a["id"] for a in s.articles()] == ["a"]
        assert s.add_article(make_article("a", "kept across opens", title="Kept")) == "unchanged"
        assert [r["id"] for r in s.search("kept")] == ["a"]
        applied = s.conn.execute("SELECT count(*) FROM schema_migrations").fetchone()[0]
        assert applied == len(MIGRATIONS)


def test_older_schema_is_upgraded(db_path: Path) -> None:
    conn = sqlite3.connect(db_path, isolation_level=None)
    assert migrate(conn, target=LATEST_VERSION - 1) == list(range(1, LATEST_VERSION))
    conn.close()
    with Store(db_path) as s:
        assert s.schema_version == LATEST_VERSION
        versions = [r[0] for r in s.conn.execute("SELECT version FROM schema_migrations")]
        assert versions == list(range(1, LATEST_VERSION + 1))


def test_articles_stored_before_fts_are_indexed_on_upgrade(db_path: Path) -> None:
    conn = sqlite3.connect(db_path, isolation_level=None)
    migrate(conn, target=1)
    conn.execute(
        "INSERT INTO articles (id, version, content_hash, source, kind, text, raw, stored_at) "
        "VALUES ('old', 1, 'h', 'old.txt', 'text', 'Stored before search existed', '', 'now')"
    )
    conn.close()
    with Store(db_path) as s:
        assert [r["id"] for r in s.search("search")] == ["old"]


def test_failed_migration_leaves_previous_version(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    Store(db_path).close()
    broken = (LATEST_VERSION + 1, "CREATE TABLE half (x); SELECT no_such_function();")
    monkeypatch.setattr(schema, "MIGRATIONS", [*MIGRATIONS, broken])
    conn = sqlite3.connect(db_path, isolation_level=None)
    with pytest.raises(sqlite3.OperationalError):
        migrate(conn, target=LATEST_VERSION + 1)
    assert schema.current_version(conn) == LATEST_VERSION
    assert conn.execute("SELECT name FROM sqlite_master WHERE name = 'half'").fetchone() is None
    conn.close()


def test_newer_schema_is_refused(db_path: Path) -> None:
    Store(db_path).close()
    conn = sqlite3.connect(db_path)
    with conn:
        conn.execute("INSERT INTO schema_migrations VALUES (?, 'later')", (LATEST_VERSION + 5,))
    conn.close()
    with pytest.raises(StoreError, match="newer than this sitrep knows"):
        Store(db_path)


def test_file_that_is_not_a_database(tmp_path: Path) -> None:
    path = tmp_path / "notes.db"
    path.write_text("just some text, certainly not SQLite\n" * 100)
    with pytest.raises(StoreError, match="not a SQLite database"):
        Store(path)
    assert path.read_text().startswith("just some text")


def test_other_applications_database_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE articles (whatever TEXT)")
    conn.close()
    with pytest.raises(StoreError, match="not made by sitrep"):
        Store(path)


def test_directory_is_refused(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="directory"):
        Store(tmp_path)


def test_missing_folders_are_created(tmp_path: Path) -> None:
    with Store(tmp_path / "a" / "b" / "x.db") as s:
        assert s.counts()["articles"] == 0


def test_missing_fts5_is_reported(db_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(store_db, "fts5_available", lambda: False)
    with pytest.raises(StoreError, match="FTS5"):
        Store(db_path)


def test_plain_sqlite_reads_the_tables(db_path: Path) -> None:
    with Store(db_path) as s:
        s.add_article(make_article("a", "one"))
        s.add_article(make_article("a", "two"))
        s.add_rejection(s.start_run(["x"]), "x", "E101", "empty")
    conn = sqlite3.connect(db_path)
    conn.row_factory = sqlite3.Row
    names = {r["name"] for r in conn.execute("SELECT name FROM sqlite_master")}
    expected = {"articles", "articles_fts", "articles_latest", "runs", "rejections"}
    assert expected | {"schema_migrations"} <= names
    row = conn.execute("SELECT * FROM articles_latest").fetchone()
    assert (row["id"], row["version"], row["version_of"], row["text"]) == ("a", 2, "a@1", "two")
    assert json.loads(row["wire"]) == ["AFP"]
    assert row["published"] == "2021-08-12" and row["published_how"] == "text"
    assert conn.execute("SELECT count(*) FROM articles").fetchone()[0] == 2
    assert conn.execute("SELECT reason FROM rejections").fetchone()[0] == "empty"
    conn.close()


def test_two_stores_on_one_file(db_path: Path) -> None:
    with Store(db_path) as one, Store(db_path) as two:
        one.add_article(make_article("a", "from one"))
        assert two.add_article(make_article("a", "from one")) == "unchanged"
        assert two.add_article(make_article("b", "from two")) == "new"
        assert [a["id"] for a in one.articles()] == ["a", "b"]
