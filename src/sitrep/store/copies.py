"""SQL for copy detection: the key index, candidate lookup and copy verdicts."""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from typing import Any


@dataclass(slots=True)
class StoredText:
    """What copy detection needs of a stored article version."""

    pk: int
    id: str
    text: str
    outlet: str | None
    published: str | None


def _rows_in(
    conn: sqlite3.Connection, sql: str, values: list[int], *extra: Any
) -> list[sqlite3.Row]:
    """Rows of ``sql`` with its ``{marks}`` standing for one placeholder per value."""
    if not values:
        return []
    marks = ",".join("?" * len(values))
    return conn.execute(sql.format(marks=marks), [*values, *extra]).fetchall()


def texts(conn: sqlite3.Connection, pks: list[int]) -> dict[int, StoredText]:
    """Stored versions by pk, with their text, outlet and publication date."""
    rows = _rows_in(
        conn, "SELECT pk, id, text, outlet, published FROM articles WHERE pk IN ({marks})", pks
    )
    return {r[0]: StoredText(r[0], r[1], r[2], r[3], r[4]) for r in rows}


def heads(conn: sqlite3.Connection, pks: list[int]) -> dict[int, tuple[str, str | None]]:
    """``(id, outlet)`` of stored versions by pk: what linking needs when the text's stage ran."""
    rows = _rows_in(conn, "SELECT pk, id, outlet FROM articles WHERE pk IN ({marks})", pks)
    return {int(r[0]): (r[1], r[2]) for r in rows}


def candidates(conn: sqlite3.Connection, keys: list[int], *, limit: int) -> list[tuple[int, int]]:
    """Indexed versions sharing keys with ``keys``: ``(pk, hits)``, most hits first.

    Only latest versions are in the index (``retire_versions`` takes older ones out).
    """
    rows = _rows_in(
        conn,
        """SELECT article_pk, count(*) AS hits FROM copy_keys WHERE key IN ({marks})
           GROUP BY article_pk ORDER BY hits DESC, article_pk LIMIT ?""",
        keys,
        limit,
    )
    return [(int(r[0]), int(r[1])) for r in rows]


def earlier_versions(conn: sqlite3.Connection, article_id: str, pk: int) -> list[int]:
    """The other indexed versions of an article (their texts are read only if there are any)."""
    rows = conn.execute(
        """SELECT a.pk FROM articles AS a JOIN copy_prints AS s ON s.article_pk = a.pk
           WHERE a.id = ? AND a.pk != ?""",
        (article_id, pk),
    ).fetchall()
    return [int(r[0]) for r in rows]


def remove_keys(conn: sqlite3.Connection, pk: int, keys: list[int]) -> None:
    """Take one stored version out of the key index (its verdict stays)."""
    conn.executemany(
        "DELETE FROM copy_keys WHERE key = ? AND article_pk = ?", [(k, pk) for k in keys]
    )


def add_print(conn: sqlite3.Connection, pk: int, keys: list[int], shingles: bytes) -> None:
    """Index one stored version under its copy keys and keep its shingles."""
    conn.executemany(
        "INSERT OR IGNORE INTO copy_keys (key, article_pk) VALUES (?, ?)", [(k, pk) for k in keys]
    )
    conn.execute(
        "INSERT OR REPLACE INTO copy_prints (article_pk, shingles) VALUES (?, ?)",
        (pk, shingles),
    )


def prints(conn: sqlite3.Connection, pks: list[int]) -> dict[int, bytes]:
    """Stored shingle blobs by pk."""
    rows = _rows_in(
        conn, "SELECT article_pk, shingles FROM copy_prints WHERE article_pk IN ({marks})", pks
    )
    return {int(r[0]): r[1] for r in rows}


def is_indexed(conn: sqlite3.Connection, pk: int) -> bool:
    """Whether a stored version has been through copy detection already."""
    row = conn.execute("SELECT 1 FROM copy_prints WHERE article_pk = ?", (pk,)).fetchone()
    return row is not None


def in_published_order(conn: sqlite3.Connection, pks: list[int]) -> list[int]:
    """``pks`` ordered as copy detection must see them: earliest published first, undated last."""
    rows = _rows_in(
        conn,
        "SELECT pk FROM articles WHERE pk IN ({marks}) ORDER BY published IS NULL, published, pk",
        pks,
    )
    return [int(r[0]) for r in rows]


def unscanned(conn: sqlite3.Connection) -> list[int]:
    """Latest versions copy detection has not seen, earliest published first (undated last)."""
    rows = conn.execute(
        """SELECT a.pk FROM articles AS a
           WHERE a.version = (SELECT max(b.version) FROM articles AS b WHERE b.id = a.id)
             AND NOT EXISTS (SELECT 1 FROM copy_prints AS s WHERE s.article_pk = a.pk)
           ORDER BY a.published IS NULL, a.published, a.pk"""
    ).fetchall()
    return [int(r[0]) for r in rows]


def group_of(conn: sqlite3.Connection, pk: int) -> int:
    """The copy group a stored version belongs to: its group's first article, or itself."""
    row = conn.execute("SELECT group_pk FROM copies WHERE article_pk = ?", (pk,)).fetchone()
    return int(row[0]) if row else pk


def set_copy(
    conn: sqlite3.Connection,
    pk: int,
    *,
    copy_of: int,
    group: int,
    relation: str,
    containment: float,
    coverage: float,
    shared_paragraphs: list[int],
    same_outlet: bool,
) -> None:
    """Record that stored version ``pk`` carries the copy of ``copy_of``."""
    conn.execute(
        """INSERT OR REPLACE INTO copies (article_pk, copy_of_pk, group_pk, relation, containment,
               coverage, shared_paragraphs, same_outlet) VALUES (?, ?, ?, ?, ?, ?, ?, ?)""",
        (
            pk, copy_of, group, relation, round(containment, 4), round(coverage, 4),
            json.dumps(shared_paragraphs), int(same_outlet),
        ),
    )  # fmt: skip


def clear_copy(conn: sqlite3.Connection, pk: int) -> None:
    """Forget the copy verdict of stored version ``pk``, if it has one."""
    conn.execute("DELETE FROM copies WHERE article_pk = ?", (pk,))


def copy_of(conn: sqlite3.Connection, pk: int) -> dict[str, Any] | None:
    """The copy verdict of one stored version, as the export shows it, or ``None``."""
    row = conn.execute(
        """SELECT o.id, c.relation, c.containment, c.coverage, c.shared_paragraphs,
                  c.same_outlet, g.id
           FROM copies AS c JOIN articles AS o ON o.pk = c.copy_of_pk
           JOIN articles AS g ON g.pk = c.group_pk WHERE c.article_pk = ?""",
        (pk,),
    ).fetchone()
    if row is None:
        return None
    return {
        "of": row[0],
        "relation": row[1],
        "containment": row[2],
        "coverage": row[3],
        "shared_paragraphs": json.loads(row[4]),
        "same_outlet": bool(row[5]),
        "group": row[6],
    }


def copy_of_pk(conn: sqlite3.Connection, pk: int) -> int | None:
    """The stored version whose copy ``pk`` carries, if copy detection found one."""
    row = conn.execute("SELECT copy_of_pk FROM copies WHERE article_pk = ?", (pk,)).fetchone()
    return int(row[0]) if row else None
