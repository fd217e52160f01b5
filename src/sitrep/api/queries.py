"""Read-only SQL behind the JSON API: filtered, paged, parameterised (no text is ever spliced in)."""

from __future__ import annotations

import hashlib
import json
import sqlite3
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sitrep.store.db import plain_query
from sitrep.store.rows import ARTICLE_FROM, ARTICLE_SELECT, LATEST, brief, row_to_dict

MAX_LIMIT = 500
# The map draws every point at once; beyond this it says the set was cut and asks for a filter.
MAX_POINTS = 50_000


class Reader:
    """One read-only SQLite connection per server thread, to a database opened with ``mode=ro``."""

    def __init__(self, path: str | Path) -> None:
        """Remember the database; connections open lazily, one per thread."""
        self.path = Path(path)
        self._local = threading.local()
        # (largest article pk, article count), shared by the threads: one count per new article commit.
        self._articles: tuple[Any, int] = (None, 0)

    def conn(self) -> sqlite3.Connection:
        """This thread's connection (read-only: the API can never change the database)."""
        conn = getattr(self._local, "conn", None)
        if conn is None:
            conn = self.open()
            self._local.conn = conn
        return conn

    def open(self) -> sqlite3.Connection:
        """A new read-only connection of the caller's own (a stream's, read from several threads in turn)."""
        conn = sqlite3.connect(
            f"{self.path.resolve().as_uri()}?mode=ro", uri=True, check_same_thread=False
        )
        conn.row_factory = sqlite3.Row
        conn.execute("PRAGMA query_only = ON")
        return conn

    def version(self) -> dict[str, Any]:
        """What the database holds now (``read_version``), read again only after another process commits.

        ``PRAGMA data_version`` changes on this connection whenever any other connection
        commits, and reads no table: a poll between two commits is a dictionary look-up.
        The answer is kept per connection (per thread), so no thread answers from another's.
        """
        conn = self.conn()
        # Read before the version itself: a commit landing in between makes the next poll
        # read again (harmless), never keeps an older answer.
        data_version = conn.execute("PRAGMA data_version").fetchone()[0]
        kept = getattr(self._local, "version", None)
        if kept is not None and kept[0] == data_version:
            return dict(kept[1])
        out, self._articles = read_version(conn, self._articles)
        self._local.version = (data_version, out)
        return dict(out)


# One statement, so one snapshot. Each part is a look-up at one end of a b-tree (the largest
# rowid or key; the last finished run, walked back from the newest) but two: the events are
# counted over the leaf pages of their smallest index (cells counted, no row decoded: 5 us for
# 2,600 events), and the articles' ids, a scan of their index, only when an article was
# added since the last count (CASE evaluates the branch it takes only).
_VERSION_SQL = """SELECT
    (SELECT max(pk) FROM articles),
    (SELECT max(mention_pk) FROM event_mentions),
    (SELECT max(rowid) FROM consolidated_events),
    (SELECT count(*) FROM consolidated_events),
    CASE WHEN (SELECT max(pk) FROM articles) IS ? THEN ? ELSE (SELECT count(DISTINCT id) FROM articles) END,
    (SELECT finished_at FROM runs WHERE finished_at IS NOT NULL ORDER BY id DESC LIMIT 1)"""


def read_version(
    conn: sqlite3.Connection, counted: tuple[Any, int] = (None, 0)
) -> tuple[dict[str, Any], tuple[Any, int]]:
    """A stamp of the articles and events the database holds, their counts, and its last finished run.

    The stamp changes whenever a commit adds articles or consolidated events: a new
    article's row, a new mention taken in (mention rows only grow), a block of events
    written again (its rows get rowids above the others') or another count. What it cannot
    see costs no new event: the block holding the last rowids written again, as many
    events as before, from old mentions alone. A run that adds nothing leaves it as it was
    (``last_run`` says when it ended), so a page polling it reloads nothing. The same file
    gives the same stamp in every worker process.

    ``counted`` is (largest article pk, article count) from an earlier call: articles are
    only ever added, so the count stands while that pk does. Returns the version and the
    pair for the next call.
    """
    row = conn.execute(_VERSION_SQL, counted).fetchone()
    article_pk, mention_pk, event_rowid, events, articles, last_run = row
    marks = f"{article_pk}:{mention_pk}:{event_rowid}:{events}:{articles}"
    stamp = hashlib.blake2b(marks.encode(), digest_size=8).hexdigest()
    out = {"stamp": stamp, "events": int(events), "articles": int(articles), "last_run": last_run}
    return out, (article_pk, int(articles))


@dataclass(slots=True)
class EventFilter:
    """What ``/api/events`` can filter on."""

    bbox: tuple[float, float, float, float] | None = None  # west, south, east, north
    start: str | None = None
    end: str | None = None
    kind: str | None = None
    acled_type: str | None = None
    actor: str | None = None
    status: str | None = None
    modality: str | None = None
    story: int | None = None
    q: str | None = None
    # "material" (the map's default: happenings), "speech" (speech acts, an opt-in layer) or "all".
    layer: str = "material"


def _speech_kinds() -> list[str]:
    """The kinds that are speech acts (``kinds.tsv``'s layer column)."""
    from sitrep.events.lexicon import load

    return sorted(name for name, kind in load().kinds.items() if kind.layer == "speech")


def _where(f: EventFilter) -> tuple[str, list[Any]]:
    clauses: list[str] = []
    params: list[Any] = []
    if f.bbox:
        west, south, east, north = f.bbox
        clauses.append("lat BETWEEN ? AND ? AND lon BETWEEN ? AND ?")
        params += [south, north, west, east]
    if f.start:
        clauses.append("date >= ?")
        params.append(f.start)
    if f.end:
        # Dates are digits and dashes, all below "~": "2021-08~" is after every day of August
        # and before September, so a range ending in a month or day keeps what is dated within
        # it, even to the month only ("2021-08" <= "2021-08-12~"), and the date index still works.
        clauses.append("date <= ?")
        params.append(f.end + "~")
    if f.kind:
        clauses.append("(kind = ? OR kind LIKE ? ESCAPE '\\')")
        params += [f.kind, f.kind.replace("%", "\\%").replace("_", "\\_") + ".%"]
    if f.acled_type:
        clauses.append("(acled_event_type = ? OR acled_sub_event_type = ?)")
        params += [f.acled_type, f.acled_type]
    if f.actor:
        clauses.append("(actor1 = ? OR actor2 = ?)")
        params += [f.actor, f.actor]
    if f.status:
        clauses.append("status = ?")
        params.append(f.status)
    if f.modality:
        clauses.append("modality = ?")
        params.append(f.modality)
    if f.layer in ("material", "speech"):
        speech = _speech_kinds()
        marks = ", ".join("?" for _ in speech)
        clauses.append(f"kind {'NOT ' if f.layer == 'material' else ''}IN ({marks})")
        params += speech
    if f.story is not None:
        clauses.append("id IN (SELECT event_id FROM event_stories WHERE story_id = ?)")
        params.append(f.story)
    if f.q and plain_query(f.q):
        # Words of the event: place, province, actors, kind and its evidence sentences.
        clauses.append("rowid IN (SELECT rowid FROM events_fts WHERE events_fts MATCH ?)")
        params.append(plain_query(f.q))
    return (" WHERE " + " AND ".join(clauses)) if clauses else "", params


def events_json(
    conn: sqlite3.Connection, f: EventFilter, limit: int, offset: int
) -> tuple[list[str], int]:
    """A page of matching event summaries (earliest first) as JSON texts, and how many match.

    A summary is the event without evidence, mentions, sources and quantities, with its
    first evidence sentence as ``evidence_text`` (stored ready-made at consolidation).
    """
    where, params = _where(f)
    total = conn.execute(f"SELECT count(*) FROM consolidated_events{where}", params).fetchone()[0]
    rows = conn.execute(
        f"""SELECT s.summary FROM (SELECT id, date FROM consolidated_events{where}
                                   ORDER BY date, id LIMIT ? OFFSET ?) AS page
            JOIN event_summaries AS s ON s.id = page.id ORDER BY page.date, page.id""",
        [*params, limit, offset],
    )
    return [r[0] for r in rows], int(total)


def events(
    conn: sqlite3.Connection, f: EventFilter, limit: int, offset: int
) -> tuple[list[dict[str, Any]], int]:
    """A page of event summaries matching the filter (earliest first) and how many match."""
    texts, total = events_json(conn, f, limit, offset)
    return [json.loads(t) for t in texts], total


def export_events(
    conn: sqlite3.Connection, f: EventFilter, limit: int
) -> tuple[Iterator[dict[str, Any]], int]:
    """Every matching event whole (as ``sitrep export`` writes it), earliest first, at most
    ``limit``, and how many match.

    Call inside a read transaction: the count and the rows then come from one snapshot,
    whatever another process commits meanwhile.
    """
    where, params = _where(f)
    total = conn.execute(f"SELECT count(*) FROM consolidated_events{where}", params).fetchone()[0]
    rows = conn.execute(
        f"SELECT json FROM consolidated_events{where} ORDER BY date, id LIMIT ?", [*params, limit]
    )
    return (json.loads(r[0]) for r in rows), int(total)


POINT_FIELDS = ("id", "lat", "lon", "date", "date_precision", "kind", "family", "status", "place", "actor1")


def points_json(conn: sqlite3.Connection, f: EventFilter, limit: int) -> tuple[list[str], int]:
    """Every matching event with coordinates as a compact JSON array (``POINT_FIELDS``)."""
    where, params = _where(f)
    where += (" AND " if where else " WHERE ") + "lat IS NOT NULL AND lon IS NOT NULL"
    total = conn.execute(f"SELECT count(*) FROM consolidated_events{where}", params).fetchone()[0]
    rows = conn.execute(
        # The event's own family (from its kind), not its consolidation block ("violence").
        "SELECT json_array(id, lat, lon, date, date_precision, kind,"
        " substr(kind, 1, instr(kind || '.', '.') - 1), status, place_name, actor1)"
        f" FROM consolidated_events{where} ORDER BY date, id LIMIT ?",
        [*params, limit],
    )
    return [r[0] for r in rows], int(total)


def _marks(conn: sqlite3.Connection, pk: int, start: int, end: int) -> list[dict[str, Any]]:
    """The places and times the extractors found inside one evidence sentence."""
    rows = conn.execute(
        """SELECT 'place' AS what, start, "end", text, name AS value FROM places
             WHERE article_pk = ? AND field = 'text' AND start >= ? AND "end" <= ?
           UNION ALL
           SELECT 'time', start, "end", text, value FROM times
             WHERE article_pk = ? AND field = 'text' AND start >= ? AND "end" <= ?
           ORDER BY 2""",
        (pk, start, end, pk, start, end),
    )
    return [dict(r) for r in rows]


def event(conn: sqlite3.Connection, event_id: str) -> dict[str, Any] | None:
    """One event with its mentions, evidence (places and times marked) and its conflicts.

    ``sources_named`` maps each article id to the article (the shape without text: title,
    outlet, date, wire, url, copy verdict), so a page can name every source without another request.
    """
    row = conn.execute("SELECT json FROM consolidated_events WHERE id = ?", (event_id,)).fetchone()
    if row is None:
        return None
    out: dict[str, Any] = json.loads(row[0])
    named: dict[str, Any] = {}
    pks: dict[str, int] = {}
    for aid in out.get("articles") or []:
        found = _latest(conn, " AND a.id = ?", [aid])
        if found:
            named[aid] = brief(found[0])
            pks[aid] = conn.execute("SELECT max(pk) FROM articles WHERE id = ? AND version = ?", (aid, found[0]["version"])).fetchone()[0]
    for ev in out.get("evidence") or []:
        pk = pks.get(ev.get("article_id"))
        ev["marks"] = _marks(conn, pk, ev["start"], ev["end"]) if pk is not None else []
    out["sources_named"] = named
    out["conflicts"] = [
        json.loads(r[0])
        for r in conn.execute(
            "SELECT json FROM conflicts WHERE event_id = ? ORDER BY fact", (event_id,)
        )
    ]
    return out


def _latest(conn: sqlite3.Connection, where: str, params: list[Any], tail: str = "") -> list[dict[str, Any]]:
    """Latest article versions in the one article shape (``store.rows.row_to_dict``)."""
    sql = f"SELECT {ARTICLE_SELECT} FROM {ARTICLE_FROM} WHERE {LATEST}{where}{tail}"
    return [row_to_dict(row) for row in conn.execute(sql, params)]


def articles(
    conn: sqlite3.Connection, story: int | None, q: str | None, limit: int, offset: int
) -> tuple[list[dict[str, Any]], int]:
    """A page of latest article versions in the article shape without text (``brief``),
    optionally of one story or matching a query."""
    extra, params = "", list[Any]()
    if story is not None:
        extra += " AND m.story_id = ?"
        params.append(story)
    if q and plain_query(q):
        extra += " AND a.pk IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?)"
        params.append(plain_query(q))
    total = conn.execute(
        f"SELECT count(*) FROM articles AS a LEFT JOIN story_members AS m ON m.article_pk = a.pk WHERE {LATEST}{extra}", params
    ).fetchone()[0]
    items = _latest(conn, extra, [*params, limit, offset], " ORDER BY a.published, a.id LIMIT ? OFFSET ?")
    return [brief(a) for a in items], int(total)


def article(conn: sqlite3.Connection, article_id: str) -> dict[str, Any] | None:
    """The latest version of one article in the whole article shape (its text, the parts kept
    apart, its copy verdict), with the ids of its consolidated events."""
    found = _latest(conn, " AND a.id = ?", [article_id])
    if not found:
        return None
    out = found[0]
    out["events"] = [
        r[0]
        for r in conn.execute(
            """SELECT DISTINCT em.event_id FROM event_mentions AS em JOIN events AS e ON e.pk = em.mention_pk
               JOIN articles AS a ON a.pk = e.article_pk WHERE a.id = ?
               AND a.version = (SELECT max(b.version) FROM articles AS b WHERE b.id = a.id)""",
            (article_id,),
        )
    ]
    return out
