"""The SQLite store: one file holding articles, their versions, runs and rejections.

The connection runs in autocommit mode and every write goes through
``Store.transaction`` (``BEGIN IMMEDIATE`` ... ``COMMIT``), so what a write
committed survives any later error, and an error rolls back only its own
transaction.
"""

from __future__ import annotations

import functools
import json
import os
import re
import sqlite3
from collections.abc import Iterable, Iterator
from contextlib import contextmanager, suppress
from itertools import islice
from pathlib import Path
from types import TracebackType
from typing import Any, Literal

from sitrep.errors import StoreError
from sitrep.model import Article, RawArticle
from sitrep.store.rows import (
    ARTICLE_COLUMNS,
    ARTICLE_FROM,
    ARTICLE_SELECT,
    BOOL_COLUMNS,
    EXTRACT_COLUMNS,
    LATEST,
    article_row,
    content_hash_of,
    event_row,
    place_row,
    quantity_row,
    row_to_dict,
    time_row,
)
from sitrep.store.runs import RunLog
from sitrep.store.schema import LATEST_VERSION, current_version, migrate, utc_now

Outcome = Literal["new", "unchanged", "version"]


def _extracted(article: Article) -> list[tuple[str, list[tuple[Any, ...]]]]:
    """What the per-article extraction stages found, as rows per table."""
    return [
        ("places", [place_row(p) for p in article.places]),
        ("times", [time_row(t) for t in article.times]),
        ("quantities", [quantity_row(q) for q in article.quantities]),
        ("events", [event_row(i, e) for i, e in enumerate(article.events)]),
    ]


def _number(value: Any) -> Any:
    """REAL columns hold counts: 3000.0 reads back as 3000."""
    return int(value) if isinstance(value, float) and value.is_integer() else value


def _quoted(columns: tuple[str, ...]) -> list[str]:
    # "end" is an SQL keyword.
    return [f'"{c}"' if c == "end" else c for c in columns]

# Long enough to wait out another process's batch commit, short enough to
# report a stuck lock instead of hanging.
BUSY_TIMEOUT_SECONDS = 30.0


SNIPPET_START, SNIPPET_END, SNIPPET_ELLIPSIS = "[", "]", "…"
_SNIPPET_TOKENS = 16
# bm25 weights for (title, text): a word in the title says more about the article.
_BM25_WEIGHTS = (3.0, 1.0)

# The first migration with a cross-article table (copies).
_FIRST_LINKED = 8

@functools.cache
def fts5_available() -> bool:
    """Whether this Python's SQLite library was built with FTS5."""
    probe = sqlite3.connect(":memory:")
    try:
        probe.execute("CREATE VIRTUAL TABLE probe USING fts5(x)")
        return True
    except sqlite3.OperationalError:
        return False
    finally:
        probe.close()


def plain_query(text: str) -> str:
    """Turn free text into an FTS5 query that matches all its words, never a syntax error.

    Each word becomes a quoted string, so punctuation and words such as ``AND``
    or ``NEAR`` lose their FTS5 meaning. For a search box that takes what
    people type.
    """
    words = re.findall(r"\w+", text)
    return " ".join(f'"{w}"' for w in words)


def _explain_fts_error(error: sqlite3.Error) -> str:
    """SQLite's complaint about an FTS5 query, in the searcher's terms."""
    message = str(error).removeprefix("fts5: ")
    if message.startswith("no such column: "):
        # FTS5 reads "word:" and "-word" as column filters.
        name = message.removeprefix("no such column: ")
        return f"there is no field {name!r} to search in (fields: title, text)"
    return message.replace('near ""', "at the end")


class Store(RunLog):
    """A sitrep database: opens or creates the file and brings its schema up to date."""

    def __init__(self, path: str | os.PathLike[str]) -> None:
        """Open (or create) the database at ``path``, in WAL mode, and migrate it.

        Raises ``StoreError`` when the file is not a SQLite database, belongs
        to another application, or has a newer schema than this code knows.
        """
        self.path = os.fspath(path)
        self._run_id: int | None = None
        # Set when an upgrade added cross-article tables to a database that already
        # held articles: the next run links those articles too.
        self.needs_linking = False
        # What the cross-article linkers read from this store and keep from one batch to the
        # next (document frequencies), each checking on use that the store has not moved on.
        self.caches: dict[str, Any] = {}
        if not fts5_available():
            raise StoreError(
                f"SQLite {sqlite3.sqlite_version} in this Python lacks FTS5, which search needs; "
                "use a Python whose sqlite3 module has FTS5 (python.org and most Linux builds do)",
                source=self.path,
            )
        self.conn = self._connect()
        try:
            self._prepare()
        except BaseException:
            self.conn.close()
            raise

    def _connect(self) -> sqlite3.Connection:
        if self.path != ":memory:":
            target = Path(self.path)
            if target.is_dir():
                raise StoreError("is a directory, not a database file", source=self.path)
            try:
                target.parent.mkdir(parents=True, exist_ok=True)
            except OSError as e:
                raise StoreError(
                    f"cannot create the database's folder: {e}", source=self.path
                ) from e
        try:
            conn = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT_SECONDS, isolation_level=None)
        except sqlite3.Error as e:
            raise StoreError(f"cannot open the database: {e}", source=self.path) from e
        conn.row_factory = sqlite3.Row
        return conn

    def _prepare(self) -> None:
        conn = self.conn
        try:
            # The first read of the file: where a file that is no database fails.
            objects = conn.execute("SELECT name FROM sqlite_master").fetchall()
        except sqlite3.DatabaseError as e:
            raise StoreError(
                f"not a SQLite database ({e}); give --db a new file name or a sitrep database",
                source=self.path,
            ) from e
        try:
            conn.execute("PRAGMA journal_mode = WAL").fetchone()
            conn.execute("PRAGMA synchronous = NORMAL")
            # 64 MB of page cache (the default is 2 MB): copy and story lookups touch
            # index pages all over a large file.
            conn.execute("PRAGMA cache_size = -65536")
            conn.execute("PRAGMA foreign_keys = ON")
            conn.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT_SECONDS * 1000)}")
            version = current_version(conn)
        except sqlite3.Error as e:
            raise StoreError(f"cannot set up the database: {e}", source=self.path) from e
        if version == 0 and objects:
            raise StoreError(
                "this SQLite database was not made by sitrep (it has tables but no "
                "schema_migrations); give --db a new file name",
                source=self.path,
            )
        if version > LATEST_VERSION:
            raise StoreError(
                f"the database has schema version {version}, newer than this sitrep knows "
                f"({LATEST_VERSION}); upgrade sitrep to open it",
                source=self.path,
            )
        try:
            applied = migrate(conn)
        except sqlite3.Error as e:
            raise StoreError(f"cannot migrate the database: {e}", source=self.path) from e
        self.needs_linking = version > 0 and any(v >= _FIRST_LINKED for v in applied)
        # An older database upgraded just now may lack a stage's rows for stored articles.
        self.upgraded = version > 0 and bool(applied)

    def close(self) -> None:
        """Close the database; calling it twice is harmless."""
        # Closed already, or read-only: optimize is only a hint, so never fail on it.
        with suppress(sqlite3.Error):
            self.conn.execute("PRAGMA optimize")
        self.conn.close()

    def __enter__(self) -> Store:
        """Use the store in a ``with`` block that closes it."""
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        """Close the store."""
        self.close()

    def __repr__(self) -> str:
        return f"Store({self.path!r})"

    @property
    def schema_version(self) -> int:
        """The highest migration applied to this database."""
        return current_version(self.conn)

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """A write transaction: commits on success, rolls back on any exception.

        Nested use joins the outer transaction, so helpers can call each other.
        """
        if self.conn.in_transaction:
            yield self.conn
            return
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield self.conn
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        self.conn.execute("COMMIT")

    # -- articles ---------------------------------------------------------

    def add_article(self, article: Article) -> Outcome:
        """Store an article in its own transaction.

        Returns "new" for an id not seen before, "unchanged" when this
        ``content_hash`` is already stored under the id (at any version), and
        "version" when the content differs: it is stored as the next version,
        with ``version_of`` = ``ID@N`` naming the previous one.
        """
        try:
            with self.transaction():
                return self._insert(article)
        except sqlite3.Error as e:
            raise StoreError(
                f"cannot store article {article.id!r}: {e}", source=article.source
            ) from e

    def stored_already(self, raws: Iterable[RawArticle]) -> dict[str, dict[str, Any]]:
        """Those of ``raws`` stored before with this very content: id -> their url, outlet
        and pk. None after an upgrade, when stored articles may lack a newer stage's rows."""
        if self.upgraded:
            return {}
        out: dict[str, dict[str, Any]] = {}
        for raw in raws:
            row = self.conn.execute(
                "SELECT pk, url, outlet FROM articles WHERE id = ? AND content_hash = ?",
                (raw.id, raw.content_hash),
            ).fetchone()
            if row:
                out[raw.id] = dict(row)
        return out

    def places_of(self, pk: int) -> list[dict[str, Any]]:
        """The places stored for one stored version (by its row key)."""
        rows = self.conn.execute("SELECT * FROM places WHERE article_pk = ?", (pk,)).fetchall()
        return [dict(r) for r in rows]

    def add_in_batch(self, article: Article) -> Outcome:
        """Store one article inside the caller's transaction, all or nothing (a savepoint):
        a failure undoes only this article and raises ``StoreError`` naming it."""
        self.conn.execute("SAVEPOINT one_article")
        try:
            outcome = self._insert(article)
        except (sqlite3.Error, ValueError, TypeError) as e:
            self.conn.execute("ROLLBACK TO one_article")
            self.conn.execute("RELEASE one_article")
            raise StoreError(f"cannot store article {article.id!r}: {e}", source=article.source) from e
        self.conn.execute("RELEASE one_article")
        return outcome

    def add_articles(self, articles: Iterable[Article], *, batch_size: int = 500) -> dict[str, int]:
        """Store many articles, ``batch_size`` per transaction; returns counts per outcome.

        An error (from the store or from the iterable) rolls back only the
        batch in progress; earlier batches stay committed, and since adding is
        idempotent, running again completes the job.
        """
        totals = {"new": 0, "unchanged": 0, "version": 0}
        it = iter(articles)
        while batch := list(islice(it, max(1, batch_size))):
            done = dict.fromkeys(totals, 0)
            current = batch[0]
            try:
                with self.transaction():
                    for current in batch:
                        done[self._insert(current)] += 1
            except sqlite3.Error as e:
                raise StoreError(
                    f"cannot store article {current.id!r}: {e}", source=current.source
                ) from e
            for key, n in done.items():
                totals[key] += n
        return totals

    def _insert(self, article: Article) -> Outcome:
        # Runs inside the caller's transaction; IMMEDIATE locking makes this
        # read-then-write safe against another process adding the same id.
        content_hash = content_hash_of(article)
        seen = self.conn.execute(
            "SELECT pk FROM articles WHERE id = ? AND content_hash = ?", (article.id, content_hash)
        ).fetchone()
        if seen:
            # Stored before an extraction stage existed (an older database): fill it in.
            for table, rows in _extracted(article):
                if rows and not self.conn.execute(
                    f"SELECT 1 FROM {table} WHERE article_pk = ? LIMIT 1", (seen[0],)
                ).fetchone():
                    self._insert_rows(table, seen[0], rows)
            return "unchanged"
        latest = self.conn.execute(
            "SELECT max(version) FROM articles WHERE id = ?", (article.id,)
        ).fetchone()[0]
        version = (latest or 0) + 1
        row = article_row(
            article,
            version=version,
            content_hash=content_hash,
            stored_at=utc_now(),
            run_id=self._run_id,
        )
        placeholders = ", ".join("?" * len(ARTICLE_COLUMNS))
        cur = self.conn.execute(
            f"INSERT INTO articles ({', '.join(ARTICLE_COLUMNS)}) VALUES ({placeholders})", row
        )
        if cur.lastrowid is not None:
            for table, rows in _extracted(article):
                self._insert_rows(table, cur.lastrowid, rows)
            self.conn.execute("INSERT OR IGNORE INTO pending_consolidation (article_pk) VALUES (?)", (cur.lastrowid,))
        return "new" if version == 1 else "version"

    def _insert_rows(self, table: str, article_pk: int, rows: list[tuple[Any, ...]]) -> None:
        """Rows of a per-article table (``places``, ``times``) for one stored version."""
        if rows:
            columns = EXTRACT_COLUMNS[table]
            self.conn.executemany(
                f"INSERT INTO {table} (article_pk, {', '.join(_quoted(columns))}) "
                f"VALUES (?, {', '.join('?' * len(columns))})",
                [(article_pk, *row) for row in rows],
            )

    def _select_rows(self, table: str, article_id: str, version: int | None) -> list[dict[str, Any]]:
        """A per-article table's rows for one article (latest version unless ``version``)."""
        columns = EXTRACT_COLUMNS[table]
        cond = LATEST if version is None else "a.version = ?"
        args: tuple[Any, ...] = (article_id,) if version is None else (article_id, version)
        rows = self.conn.execute(
            f"SELECT {', '.join('x.' + c for c in _quoted(columns))} FROM {table} AS x "
            f"JOIN articles AS a ON a.pk = x.article_pk WHERE a.id = ? AND {cond} "
            f"ORDER BY {'x.rank' if table == 'events' else 'x.field, x.start'}",
            args,
        ).fetchall()
        return [{c: (bool(r[c]) if c in BOOL_COLUMNS else _number(r[c])) for c in columns} for r in rows]

    def latest_pks(self, article_ids: Iterable[str]) -> dict[str, int]:
        """The row key (``pk``) of the latest stored version of each article id given."""
        out: dict[str, int] = {}
        for article_id in article_ids:
            row = self.conn.execute(
                "SELECT pk FROM articles WHERE id = ? ORDER BY version DESC LIMIT 1", (article_id,)
            ).fetchone()
            if row:
                out[article_id] = int(row[0])
        return out

    def places(self, article_id: str, version: int | None = None) -> list[dict[str, Any]]:
        """The places found in one article (its latest version unless ``version`` is given)."""
        return self._select_rows("places", article_id, version)

    def times(self, article_id: str, version: int | None = None) -> list[dict[str, Any]]:
        """The time expressions found in one article (its latest version unless ``version``)."""
        return self._select_rows("times", article_id, version)

    def quantities(self, article_id: str, version: int | None = None) -> list[dict[str, Any]]:
        """The quantities found in one article (its latest version unless ``version``)."""
        return self._select_rows("quantities", article_id, version)

    def events(self, article_id: str, version: int | None = None) -> list[dict[str, Any]]:
        """The events found in one article, main event first, each as ``annotate`` prints it."""
        return [json.loads(r["json"]) for r in self._select_rows("events", article_id, version)]

    def articles(self, *, all_versions: bool = False) -> Iterator[dict[str, Any]]:
        """Stored articles in id order: the latest version of each, or every version.

        Streams from the database, so a large store does not fill memory. The
        raw input is left out; ``get_article`` has it.
        """
        where = "" if all_versions else f"WHERE {LATEST}"
        cursor = self.conn.execute(
            f"SELECT {ARTICLE_SELECT} FROM {ARTICLE_FROM} {where} ORDER BY a.id, a.version"
        )
        try:
            for row in cursor:
                yield row_to_dict(row)
        finally:
            cursor.close()

    def get_article(self, article_id: str, version: int | None = None) -> dict[str, Any] | None:
        """One article (the latest version unless ``version`` is given), with its raw input."""
        if version is None:
            sql = f"SELECT {ARTICLE_SELECT}, a.raw FROM {ARTICLE_FROM} WHERE a.id = ? AND {LATEST}"
            row = self.conn.execute(sql, (article_id,)).fetchone()
        else:
            sql = f"SELECT {ARTICLE_SELECT}, a.raw FROM {ARTICLE_FROM} WHERE a.id = ? AND a.version = ?"
            row = self.conn.execute(sql, (article_id, version)).fetchone()
        return row_to_dict(row) if row else None

    def search(self, query: str, limit: int = 20) -> list[dict[str, Any]]:
        """Full-text search over titles and texts of the latest versions, best match first.

        ``query`` is FTS5 syntax (words, "a phrase", AND/OR/NOT, prefix*);
        ``plain_query`` makes safe syntax from free text. Each result is an
        article dict plus ``snippet`` (matches in [brackets]) and ``rank``
        (bm25: lower is better). A malformed query raises ``StoreError``.
        """
        if not query.strip() or limit <= 0:
            return []
        w_title, w_text = _BM25_WEIGHTS
        sql = f"""
            SELECT {ARTICLE_SELECT},
                   snippet(articles_fts, -1, ?, ?, ?, {_SNIPPET_TOKENS}) AS snippet,
                   bm25(articles_fts, {w_title}, {w_text}) AS rank
            FROM articles_fts JOIN articles AS a ON a.pk = articles_fts.rowid
            LEFT JOIN copies AS c ON c.article_pk = a.pk LEFT JOIN articles AS o ON o.pk = c.copy_of_pk
            LEFT JOIN articles AS g ON g.pk = c.group_pk
            LEFT JOIN story_members AS m ON m.article_pk = a.pk
            WHERE articles_fts MATCH ? AND {LATEST}
            ORDER BY rank, a.id
            LIMIT ?
        """
        params = (SNIPPET_START, SNIPPET_END, SNIPPET_ELLIPSIS, query, limit)
        try:
            rows = self.conn.execute(sql, params).fetchall()
        except sqlite3.OperationalError as e:
            raise StoreError(
                f"{query!r} is not a valid search: {_explain_fts_error(e)}. Write words, "
                '"a phrase", AND / OR / NOT between terms, or a prefix such as herat*'
            ) from e
        results = []
        for row in rows:
            item = row_to_dict(row)
            item["snippet"] = row["snippet"]
            item["rank"] = row["rank"]
            results.append(item)
        return results

    def counts(self) -> dict[str, int]:
        """How many articles (distinct ids), versions, rejections and runs are stored."""
        row = self.conn.execute(
            """SELECT (SELECT count(DISTINCT id) FROM articles),
                      (SELECT count(*) FROM articles),
                      (SELECT count(*) FROM rejections),
                      (SELECT count(*) FROM runs)"""
        ).fetchone()
        return dict(zip(("articles", "versions", "rejections", "runs"), row, strict=True))
