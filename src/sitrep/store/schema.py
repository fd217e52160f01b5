"""Applying the database schema: the migrations of ``migrations.py``, in order.

Each migration is ``(version, SQL)``. ``migrate`` applies the ones a database
lacks, in order, each inside its own transaction together with its row in
``schema_migrations``, so a crash leaves the database at a known version.

To change the schema, append a migration; never edit one that has shipped.
Later stages (stories, copies, events) add their tables the same way.

Conventions, chosen so that the file reads well in Datasette and plain sqlite3:
every table has an ``INTEGER PRIMARY KEY`` (stable row ids, which an
external-content FTS index needs: VACUUM may renumber implicit rowids), times
are ISO 8601 UTC text, and lists are JSON text.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from datetime import UTC, datetime

from sitrep.store.migrations import EVENT_WORDS, LATEST_VERSION, MIGRATIONS

__all__ = ["EVENT_WORDS", "LATEST_VERSION", "MIGRATIONS", "current_version", "migrate", "split_statements", "utc_now"]


def utc_now() -> str:
    """The current time as ISO 8601 UTC text with milliseconds."""
    return datetime.now(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def split_statements(sql: str) -> Iterator[str]:
    """Split a script into statements, keeping trigger bodies whole.

    ``executescript`` would be simpler but commits on its own, which would
    break the one-transaction-per-migration guarantee.
    """
    pending = ""
    for piece in sql.split(";"):
        pending += piece + ";"
        if sqlite3.complete_statement(pending):
            statement = pending.strip()
            pending = ""
            if _has_code(statement):
                yield statement
    if _has_code(pending.rstrip(";")):
        raise ValueError(f"incomplete SQL statement in migration: {pending.strip()[:80]!r}")


def _has_code(sql: str) -> bool:
    lines = (line.split("--", 1)[0].strip() for line in sql.splitlines())
    return any(line and line != ";" for line in lines)


def current_version(conn: sqlite3.Connection) -> int:
    """The highest migration applied to the database, 0 for a fresh one."""
    exists = conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'"
    ).fetchone()
    if not exists:
        return 0
    row = conn.execute("SELECT max(version) FROM schema_migrations").fetchone()
    return int(row[0] or 0)


def migrate(
    conn: sqlite3.Connection,
    *,
    target: int = LATEST_VERSION,
) -> list[int]:
    """Apply the migrations above the database's version up to ``target``.

    ``conn`` must be in autocommit mode (``isolation_level=None``) so that the
    transactions here are the only ones. Returns the versions applied.
    """
    applied: list[int] = []
    for version, sql in MIGRATIONS:
        if version > target:
            break
        # IMMEDIATE takes the write lock before re-reading the version, so two
        # processes opening the same new file cannot both apply a migration.
        conn.execute("BEGIN IMMEDIATE")
        try:
            if current_version(conn) >= version:
                conn.execute("COMMIT")
                continue
            for statement in split_statements(sql):
                conn.execute(statement)
            conn.execute(
                "INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)",
                (version, utc_now()),
            )
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        applied.append(version)
    return applied
