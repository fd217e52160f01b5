"""SQL for consolidation: which blocks changed, their mentions, and the events, conflicts and control."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator
from typing import Any

from sitrep.families import block_family_sql
from sitrep.records import ControlChange
from sitrep.store.schema import EVENT_WORDS

Block = tuple[str, str]  # (block family, country_code or ''): see sitrep.families
_FAMILY = block_family_sql("e.family")

_LATEST = "a.version = (SELECT max(b.version) FROM articles AS b WHERE b.id = a.id)"


def all_blocks(conn: sqlite3.Connection) -> list[Block]:
    """Every (family, country) that holds a mention in a latest article version, or an event."""
    rows = conn.execute(
        f"""SELECT DISTINCT {_FAMILY}, coalesce(e.country_code, '') FROM events AS e
            JOIN articles AS a ON a.pk = e.article_pk WHERE {_LATEST}
            UNION SELECT family, country_code FROM consolidated_events"""
    ).fetchall()
    return sorted((str(r[0]), str(r[1])) for r in rows)


def changed_blocks(conn: sqlite3.Connection) -> list[Block]:
    """Blocks with mentions no event holds yet, or events holding mentions of superseded versions."""
    rows = conn.execute(
        f"""SELECT DISTINCT {_FAMILY}, coalesce(e.country_code, '') FROM events AS e
            JOIN articles AS a ON a.pk = e.article_pk
            LEFT JOIN event_mentions AS em ON em.mention_pk = e.pk
            WHERE em.mention_pk IS NULL AND {_LATEST}
            UNION
            SELECT DISTINCT ce.family, ce.country_code FROM event_mentions AS em
            JOIN consolidated_events AS ce ON ce.id = em.event_id
            JOIN events AS e ON e.pk = em.mention_pk
            JOIN articles AS a ON a.pk = e.article_pk
            WHERE NOT ({_LATEST})"""
    ).fetchall()
    return sorted((str(r[0]), str(r[1])) for r in rows)


_MENTION_COLUMNS = """e.pk, e.rank, e.json, a.pk AS article_pk, a.id AS article_id, a.outlet,
                   a.published, a.published_precision, a.wire, c.group_pk, c.copy_of_pk,
                   c.relation, sm.story_id,
                   (SELECT f.date FROM events AS f WHERE f.article_pk = a.pk
                    AND f.date_precision = 'day' ORDER BY f.rank LIMIT 1) AS focal_date,
                   (SELECT f.family || '|' || coalesce(f.geonameid, f.place_name, '') || '|'
                           || coalesce(f.date, '') FROM events AS f WHERE f.article_pk = a.pk
                    ORDER BY f.rank LIMIT 1) AS lead"""
_MENTION_JOINS = """FROM events AS e JOIN articles AS a ON a.pk = e.article_pk
            LEFT JOIN copies AS c ON c.article_pk = a.pk
            LEFT JOIN story_members AS sm ON sm.article_pk = a.pk"""


def block_mentions(conn: sqlite3.Connection, block: Block) -> Iterator[sqlite3.Row]:
    """The block's mentions in latest versions, with what consolidation needs of their articles."""
    family, country = block
    where = "e.country_code = ?" if country else "(e.country_code IS NULL OR e.country_code = '')"
    params: list[Any] = [family, country] if country else [family]
    yield from conn.execute(
        f"SELECT {_MENTION_COLUMNS} {_MENTION_JOINS} WHERE {_FAMILY} = ? AND {where} AND {_LATEST}",
        params,
    )


def _chunks(values: list[Any], size: int = 500) -> Iterator[list[Any]]:
    for i in range(0, len(values), size):
        yield values[i : i + size]


def article_mentions(conn: sqlite3.Connection, block: Block, article_pks: list[int]) -> list[sqlite3.Row]:
    """The block's mentions in the given stored versions (no event holds them yet)."""
    family, country = block
    where = "e.country_code = ?" if country else "(e.country_code IS NULL OR e.country_code = '')"
    out: list[sqlite3.Row] = []
    for chunk in _chunks(article_pks):
        marks = ",".join("?" * len(chunk))
        params: list[Any] = [family, *([country] if country else []), *chunk]
        out.extend(
            conn.execute(
                f"SELECT {_MENTION_COLUMNS} {_MENTION_JOINS} WHERE {_FAMILY} = ? AND {where} "
                f"AND e.article_pk IN ({marks})",
                params,
            ).fetchall()
        )
    return out


def event_mention_rows(conn: sqlite3.Connection, event_ids: list[str]) -> list[sqlite3.Row]:
    """The mentions the given events hold, with their event id (``event_id``)."""
    out: list[sqlite3.Row] = []
    for chunk in _chunks(event_ids):
        marks = ",".join("?" * len(chunk))
        out.extend(
            conn.execute(
                f"SELECT {_MENTION_COLUMNS}, em.event_id AS held_by, em.why AS held_why {_MENTION_JOINS} "
                f"JOIN event_mentions AS em ON em.mention_pk = e.pk WHERE em.event_id IN ({marks})",
                chunk,
            ).fetchall()
        )
    return out


def mention_json(conn: sqlite3.Connection, pks: list[int]) -> dict[int, str]:
    """The stored EVENT json of the given mentions, by pk."""
    out: dict[int, str] = {}
    for chunk in _chunks(pks):
        marks = ",".join("?" * len(chunk))
        out.update((int(r[0]), str(r[1])) for r in conn.execute(f"SELECT pk, json FROM events WHERE pk IN ({marks})", chunk))
    return out


def blocks_of_articles(conn: sqlite3.Connection, article_pks: list[int]) -> list[Block]:
    """The blocks the given stored versions' mentions fall in."""
    found: set[Block] = set()
    for chunk in _chunks(article_pks):
        marks = ",".join("?" * len(chunk))
        rows = conn.execute(
            f"SELECT DISTINCT {_FAMILY}, coalesce(e.country_code, '') FROM events AS e "
            f"WHERE e.article_pk IN ({marks})",
            chunk,
        ).fetchall()
        found.update((str(r[0]), str(r[1])) for r in rows)
    return sorted(found)


def superseded_blocks(conn: sqlite3.Connection, article_pks: list[int]) -> list[Block]:
    """Blocks whose events hold mentions of earlier versions of the given stored versions."""
    found: set[Block] = set()
    for chunk in _chunks(article_pks):
        marks = ",".join("?" * len(chunk))
        rows = conn.execute(
            f"""SELECT DISTINCT ce.family, ce.country_code FROM articles AS new
                JOIN articles AS old ON old.id = new.id AND old.version < new.version
                JOIN events AS e ON e.article_pk = old.pk
                JOIN event_mentions AS em ON em.mention_pk = e.pk
                JOIN consolidated_events AS ce ON ce.id = em.event_id
                WHERE new.pk IN ({marks})""",
            chunk,
        ).fetchall()
        found.update((str(r[0]), str(r[1])) for r in rows)
    return sorted(found)


def block_size(conn: sqlite3.Connection, block: Block) -> int:
    """Mentions the block's events hold (0 for a block with no events yet)."""
    row = conn.execute(
        "SELECT coalesce(sum(mentions), 0) FROM consolidated_events WHERE family = ? AND country_code = ?",
        block,
    ).fetchone()
    return int(row[0])


def events_in_window(
    conn: sqlite3.Connection, block: Block, days: list[str], coarse: list[str], undated: bool
) -> list[str]:
    """Ids of the block's events dated between the first and last of ``days`` (ISO days), or
    to one of the ``coarse`` months or years, or (with ``undated``) to nothing."""
    rows = conn.execute(
        f"""SELECT id FROM consolidated_events WHERE family = ? AND country_code = ?
            AND ((date >= ? AND date <= ?) OR date IN ({",".join("?" * len(coarse)) or "NULL"})
                 {"OR date IS NULL" if undated else ""})""",
        [*block, days[0], days[-1], *coarse],
    ).fetchall()
    return [str(r[0]) for r in rows]


def id_taken(conn: sqlite3.Connection, event_id: str) -> bool:
    """Whether an event id is in use."""
    return conn.execute("SELECT 1 FROM consolidated_events WHERE id = ?", (event_id,)).fetchone() is not None


def previous_assignment(conn: sqlite3.Connection, block: Block) -> dict[tuple[str, str], str]:
    """``(article id, mention id) -> event id`` as the block's events stood before."""
    rows = conn.execute(
        """SELECT a.id, e.event_id, em.event_id FROM consolidated_events AS ce
           JOIN event_mentions AS em ON em.event_id = ce.id
           JOIN events AS e ON e.pk = em.mention_pk
           JOIN articles AS a ON a.pk = e.article_pk
           WHERE ce.family = ? AND ce.country_code = ?""",
        block,
    ).fetchall()
    return {(str(r[0]), str(r[1])): str(r[2]) for r in rows}


def replace_block(
    conn: sqlite3.Connection,
    block: Block,
    events: list[dict[str, Any]],
    mentions: list[tuple[int, str, str]],
    conflicts: list[dict[str, Any]],
    only: list[str] | None = None,
) -> None:
    """Swap a block's events, mention assignments and conflicts for freshly consolidated ones
    (with ``only``, just the events of those ids; the block's others stay).

    The API's indexes of the block (stories, articles, words) are swapped with them.
    """
    if only is None:
        old = conn.execute(
            "SELECT id, rowid FROM consolidated_events WHERE family = ? AND country_code = ?", block
        ).fetchall()
    else:
        old = [
            row
            for chunk in _chunks(only)
            for row in conn.execute(
                f"SELECT id, rowid FROM consolidated_events WHERE id IN ({','.join('?' * len(chunk))})", chunk
            ).fetchall()
        ]
    for i in range(0, len(old), 500):
        chunk = [r[0] for r in old[i : i + 500]]
        rowids = [r[1] for r in old[i : i + 500]]
        marks = ",".join("?" * len(chunk))
        for table in ("event_mentions", "conflicts", "event_stories", "event_articles"):
            conn.execute(f"DELETE FROM {table} WHERE event_id IN ({marks})", chunk)
        conn.execute(f"DELETE FROM event_summaries WHERE id IN ({marks})", chunk)
        conn.execute(f"DELETE FROM events_fts WHERE rowid IN ({marks})", rowids)
        conn.execute(f"DELETE FROM consolidated_events WHERE id IN ({marks})", chunk)
    conn.executemany(
        """INSERT INTO consolidated_events (id, family, country_code, kind, acled_event_type,
               acled_sub_event_type, actor1, actor2, place_name, geonameid, lat, lon, admin1,
               place_precision, date, date_precision, modality, status, independent_sources,
               articles, mentions, first_reported, last_reported, fatalities, json)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
        [_event_row(block, e) for e in events],
    )
    conn.executemany(
        "INSERT OR REPLACE INTO event_summaries (id, summary) VALUES (?, ?)",
        [(e["id"], _dumps(summary(e))) for e in events],
    )
    conn.executemany(
        "INSERT OR IGNORE INTO event_stories (story_id, event_id) VALUES (?, ?)",
        [(s, e["id"]) for e in events for s in e.get("stories") or []],
    )
    conn.executemany(
        "INSERT OR IGNORE INTO event_articles (article_id, event_id) VALUES (?, ?)",
        [(a, e["id"]) for e in events for a in e.get("articles") or []],
    )
    for chunk in _chunks([e["id"] for e in events]):
        conn.execute(
            f"""INSERT INTO events_fts (rowid, words) SELECT rowid, {EVENT_WORDS}
                FROM consolidated_events WHERE id IN ({",".join("?" * len(chunk))})""",
            chunk,
        )
    conn.executemany(
        "INSERT OR REPLACE INTO event_mentions (mention_pk, event_id, why) VALUES (?, ?, ?)",
        mentions,
    )
    conn.executemany(
        "INSERT OR REPLACE INTO conflicts (id, event_id, fact, kind, json) VALUES (?, ?, ?, ?, ?)",
        [(c["id"], c["event_id"], c["fact"], c["kind"], _dumps(c)) for c in conflicts],
    )


def restory_events(conn: sqlite3.Connection, article_pks: list[int]) -> None:
    """After articles moved to another story: the events holding them list their stories anew."""
    marks = ",".join("?" * len(article_pks))
    events = [
        r[0]
        for r in conn.execute(
            f"""SELECT DISTINCT ea.event_id FROM event_articles AS ea
                JOIN articles AS a ON a.id = ea.article_id WHERE a.pk IN ({marks})""",
            article_pks,
        )
    ]
    for i in range(0, len(events), 500):
        chunk = events[i : i + 500]
        marks = ",".join("?" * len(chunk))
        conn.execute(f"DELETE FROM event_stories WHERE event_id IN ({marks})", chunk)
        conn.execute(
            f"""INSERT OR IGNORE INTO event_stories (story_id, event_id)
                SELECT sm.story_id, ea.event_id FROM event_articles AS ea
                JOIN articles AS a ON a.id = ea.article_id
                JOIN story_members AS sm ON sm.article_pk = a.pk
                WHERE ea.event_id IN ({marks}) AND {_LATEST}""",
            chunk,
        )
        stories = """json((SELECT json_group_array(story_id) FROM (SELECT story_id FROM event_stories
                      WHERE event_id = {table}.id ORDER BY story_id)))"""
        conn.execute(
            f"""UPDATE consolidated_events SET json = json_set(json, '$.stories',
                {stories.format(table="consolidated_events")}) WHERE id IN ({marks})""",
            chunk,
        )
        conn.execute(
            f"""UPDATE event_summaries SET summary = json_set(summary, '$.stories',
                {stories.format(table="event_summaries")}) WHERE id IN ({marks})""",
            chunk,
        )


def summary(e: dict[str, Any]) -> dict[str, Any]:
    """An event as a list shows it: without evidence, mentions, sources and quantities,
    with its first evidence sentence as ``evidence_text``."""
    out = {k: v for k, v in e.items() if k not in ("evidence", "mentions", "sources", "quantities")}
    out["evidence_text"] = ((e.get("evidence") or [{}])[0]).get("text")
    return out


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


def _event_row(block: Block, e: dict[str, Any]) -> tuple[Any, ...]:
    acled, place, when = e.get("acled") or {}, e.get("place") or {}, e.get("date") or {}
    return (
        e["id"], block[0], block[1], e["kind"], acled.get("event_type"), acled.get("sub_event_type"),
        (e.get("actor1") or {}).get("name"), (e.get("actor2") or {}).get("name"),
        place.get("name"), place.get("geonameid"), place.get("lat"), place.get("lon"),
        place.get("admin1"), place.get("precision"), when.get("value"), when.get("precision"),
        e["modality"], e["status"], e["independent_sources"], len(e["articles"]), len(e["mentions"]),
        e.get("first_reported"), e.get("last_reported"), e.get("fatalities"), _dumps(e),
    )  # fmt: skip


def events_of_kinds(
    conn: sqlite3.Connection, kinds: Iterable[str], countries: Iterable[str] | None = None
) -> list[dict[str, Any]]:
    """Consolidated events of the given kinds, as stored (only in ``countries``, when given)."""
    kinds = list(kinds)
    marks = ",".join("?" * len(kinds))
    query = f"SELECT json FROM consolidated_events WHERE kind IN ({marks})"
    args: list[str] = kinds
    if countries is not None:
        wanted = sorted(set(countries))
        query += f" AND country_code IN ({','.join('?' * len(wanted))})"
        args = [*kinds, *wanted]
    return [json.loads(r[0]) for r in conn.execute(query, args)]


def replace_control(
    conn: sqlite3.Connection, rows: list[ControlChange], countries: Iterable[str] | None = None
) -> None:
    """Store the control changes afresh: all of them, or those of ``countries`` only."""
    if countries is None:
        conn.execute("DELETE FROM control")
    else:
        wanted = sorted(set(countries))
        conn.execute(f"DELETE FROM control WHERE coalesce(country_code, '') IN ({','.join('?' * len(wanted))})", wanted)
    conn.executemany(
        """INSERT INTO control (place_key, place_name, geonameid, lat, lon, country_code, admin1,
               holder, lost_by, since, event_id, kind, modality, json)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
        [
            (
                r.place_key,
                r.place.get("name"),
                r.place.get("geonameid"),
                r.place.get("lat"),
                r.place.get("lon"),
                r.place.get("country_code"),
                r.place.get("admin1"),
                r.holder,
                r.lost_by,
                r.since,
                r.event_id,
                r.kind,
                r.modality,
                _dumps(r.to_json()),
            )
            for r in rows
        ],
    )


def control_rows(conn: sqlite3.Connection, until: str | None = None) -> list[ControlChange]:
    """Stored control changes on or before ``until`` (all when None)."""
    if until is None:
        rows = conn.execute("SELECT json FROM control ORDER BY since, pk")
    else:
        rows = conn.execute(
            "SELECT json FROM control WHERE since <= ? ORDER BY since, pk", (until,)
        )
    return [ControlChange.from_json(json.loads(r[0])) for r in rows]


def consolidated(conn: sqlite3.Connection) -> Iterator[dict[str, Any]]:
    """Every consolidated event, earliest first."""
    for r in conn.execute("SELECT json FROM consolidated_events ORDER BY date, id"):
        yield json.loads(r[0])


def all_conflicts(conn: sqlite3.Connection) -> Iterator[dict[str, Any]]:
    """Every conflict found, grouped by event."""
    for r in conn.execute("SELECT json FROM conflicts ORDER BY event_id, fact"):
        yield json.loads(r[0])


def latest_day(conn: sqlite3.Connection) -> str | None:
    """The last day any control change happened (what 'now' means for a control view)."""
    row = conn.execute("SELECT max(since) FROM control").fetchone()
    return row[0] if row and row[0] else None


def stories(conn: sqlite3.Connection) -> list[dict[str, Any]]:
    """Every story with its articles (latest versions) and how many consolidated events it holds."""
    events: dict[int, int] = {}
    for (doc,) in conn.execute("SELECT json FROM consolidated_events"):
        for sid in json.loads(doc).get("stories") or []:
            events[sid] = events.get(sid, 0) + 1
    members: dict[int, list[str]] = {}
    for sid, aid in conn.execute(
        f"""SELECT sm.story_id, a.id FROM story_members AS sm JOIN articles AS a ON a.pk = sm.article_pk
            WHERE {_LATEST} ORDER BY a.published, a.id"""
    ):
        members.setdefault(int(sid), []).append(str(aid))
    out = []
    for r in conn.execute("SELECT id, title, first_date, last_date FROM stories ORDER BY id"):
        ids = members.get(int(r[0]), [])
        if ids:
            out.append({
                "id": int(r[0]), "title": r[1], "first_date": r[2], "last_date": r[3],
                "articles": len(ids), "article_ids": ids, "events": events.get(int(r[0]), 0),
            })  # fmt: skip
    return out


def outlets(conn: sqlite3.Connection) -> dict[str, str]:
    """Article id -> outlet name, where the outlet is known."""
    rows = conn.execute("SELECT id, outlet FROM articles WHERE outlet IS NOT NULL")
    return {str(r[0]): str(r[1]) for r in rows}
