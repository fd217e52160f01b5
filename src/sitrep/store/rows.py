"""Conversion between ``Article`` objects, database rows and API dicts."""

from __future__ import annotations

import hashlib
import json
import sqlite3
from typing import Any

from sitrep.model import Article, Event, Place, Quantity, TimeRef

# Columns written from an Article; the Store adds id/version bookkeeping.
ARTICLE_COLUMNS = (
    "id", "version", "version_of", "content_hash", "source", "kind", "url", "outlet",
    "language", "published", "published_how", "published_precision", "published_evidence",
    "title", "standfirst", "byline", "dateline", "text", "headings", "captions", "removed",
    "wire", "raw", "stored_at", "run_id",
)  # fmt: skip

# Everything but the raw input, which can be large and is only wanted one at a time.
SELECT_COLUMNS = tuple(c for c in ARTICLE_COLUMNS if c != "raw")

# The latest version of each article (alias ``a``).
LATEST = "a.version = (SELECT max(b.version) FROM articles AS b WHERE b.id = a.id)"
# Each article with the copy verdict of copy detection, when it has one, and its story: the
# columns ``row_to_dict`` reads, for every query that gives articles out (store, export, API).
ARTICLE_SELECT = ", ".join(f"a.{c}" for c in SELECT_COLUMNS) + (
    ", a.pk AS pk, o.id AS copy_of_id, c.relation AS copy_relation,"
    " c.containment AS copy_containment, c.coverage AS copy_coverage,"
    " c.shared_paragraphs AS copy_shared, c.same_outlet AS copy_same_outlet, g.id AS copy_group,"
    " m.story_id AS story_pk"
)
ARTICLE_FROM = (
    "articles AS a LEFT JOIN copies AS c ON c.article_pk = a.pk"
    " LEFT JOIN articles AS o ON o.pk = c.copy_of_pk LEFT JOIN articles AS g ON g.pk = c.group_pk"
    " LEFT JOIN story_members AS m ON m.article_pk = a.pk"
)
# The parts of the article shape a list leaves out (``brief``): its text and what was kept apart.
TEXT_FIELDS = ("text", "headings", "captions", "removed", "raw")

_JSON_COLUMNS = ("headings", "captions", "removed", "wire")


def version_key(article_id: str, version: int) -> str:
    """The key naming one version of an article: ``ID@N``."""
    return f"{article_id}@{version}"


def content_hash_of(article: Article) -> str:
    """The article's own ``content_hash``, or one made from its raw input and metadata.

    Articles built by hand (tests, scripts) may lack the hash that ingest
    normally carries over; hashing what they hold keeps re-adding idempotent.
    """
    if article.content_hash:
        return article.content_hash
    published = article.published.value if article.published else None
    h = hashlib.sha256()
    for part in (article.kind, article.raw, article.url, article.outlet, published, article.title):
        h.update((part or "").encode("utf-8", "surrogatepass"))
        h.update(b"\x00")
    return h.hexdigest()


PLACE_COLUMNS = (
    "start", "end", "text", "name", "geonameid", "lat", "lon", "country_code", "admin1",
    "feature", "adjectival", "field",
)


def place_row(place: Place) -> tuple[Any, ...]:
    """The values for ``PLACE_COLUMNS`` of one place."""
    return (
        place.start, place.end, place.text, place.name, place.geonameid, place.lat, place.lon,
        place.country_code, place.admin1, place.feature, int(place.adjectival), place.field,
    )


TIME_COLUMNS = ("start", "end", "text", "value", "type", "field")

QUANTITY_COLUMNS = (
    "start", "end", "text", "value", "low", "high", "approx", "unit", "category", "fatality", "field",
)  # fmt: skip

EVENT_COLUMNS = (
    "rank", "event_id", "kind", "family", "acled_event_type", "acled_sub_event_type",
    "plover_type", "plover_mode", "actor1", "actor2", "place_name", "geonameid", "lat", "lon",
    "country_code", "admin1", "place_precision", "date", "date_precision", "modality",
    "fatalities", "evidence_start", "evidence_end", "json",
)  # fmt: skip

# Columns (after article_pk) of the tables that hold what extraction found in an article.
EXTRACT_COLUMNS = {
    "places": PLACE_COLUMNS, "times": TIME_COLUMNS, "quantities": QUANTITY_COLUMNS,
    "events": EVENT_COLUMNS,
}  # fmt: skip
# Integer columns that read back as booleans.
BOOL_COLUMNS = frozenset({"adjectival", "approx"})


def event_row(rank: int, e: Event) -> tuple[Any, ...]:
    """The values for ``EVENT_COLUMNS`` of one event: columns to query by, plus the whole event."""
    acled, plover, place, date = e.acled or {}, e.plover or {}, e.place or {}, e.date or {}
    ev = e.evidence[0] if e.evidence else {}
    return (
        rank, e.id, e.kind, e.family, acled.get("event_type"), acled.get("sub_event_type"),
        plover.get("type"), plover.get("mode"), (e.actor1 or {}).get("name"), (e.actor2 or {}).get("name"),
        place.get("name"), place.get("geonameid"), place.get("lat"), place.get("lon"),
        place.get("country_code"), place.get("admin1"), place.get("precision"),
        date.get("value"), date.get("precision"), e.modality, e.fatalities,
        ev.get("start"), ev.get("end"), json.dumps(e.to_json(), ensure_ascii=False),
    )  # fmt: skip


def quantity_row(q: Quantity) -> tuple[Any, ...]:
    """The values for ``QUANTITY_COLUMNS`` of one quantity."""
    return (
        q.start, q.end, q.text, q.value, q.low, q.high, int(q.approx), q.unit, q.category,
        q.fatality, q.field,
    )  # fmt: skip


def time_row(t: TimeRef) -> tuple[Any, ...]:
    """The values for ``TIME_COLUMNS`` of one time expression."""
    return (t.start, t.end, t.text, t.value, t.type, t.field)


def _dumps(value: list[str]) -> str:
    return json.dumps(value, ensure_ascii=False)


def article_row(
    article: Article,
    *,
    version: int,
    content_hash: str,
    stored_at: str,
    run_id: int | None,
) -> tuple[Any, ...]:
    """The values for ``ARTICLE_COLUMNS``, in order, for one version of an article."""
    pub = article.published
    return (
        article.id,
        version,
        version_key(article.id, version - 1) if version > 1 else None,
        content_hash,
        article.source,
        article.kind,
        article.url,
        article.outlet,
        article.language,
        pub.value if pub else None,
        pub.how if pub else None,
        pub.precision if pub else None,
        pub.evidence if pub else None,
        article.title,
        article.standfirst,
        article.byline,
        article.dateline,
        article.text,
        _dumps(article.headings),
        _dumps(article.captions),
        _dumps(article.removed),
        _dumps(article.wire),
        article.raw,
        stored_at,
        run_id,
    )


def _copy(row: sqlite3.Row) -> dict[str, Any] | None:
    """The copy verdict joined to an article row: what it reprints and which paragraphs."""
    if row["copy_of_id"] is None:
        return None
    shared = json.loads(row["copy_shared"])
    paragraphs = len([p for p in row["text"].split("\n\n") if p.strip()])
    return {
        "of": row["copy_of_id"],
        "relation": row["copy_relation"],
        "containment": row["copy_containment"],
        "coverage": row["copy_coverage"],
        "group": row["copy_group"],
        "same_outlet": bool(row["copy_same_outlet"]),
        "shared_paragraphs": shared,
        "own_paragraphs": [i for i in range(paragraphs) if i not in set(shared)],
    }


def brief(article: dict[str, Any]) -> dict[str, Any]:
    """The article shape without its text parts (``TEXT_FIELDS``): what a list of articles gives."""
    return {k: v for k, v in article.items() if k not in TEXT_FIELDS}


def row_to_dict(row: sqlite3.Row) -> dict[str, Any]:
    """The one article shape that leaves sitrep: ``Article.to_json()``'s fields plus the store's
    own (version, story, copy verdict, source, run); export, the API and ``Store`` all give it."""
    keys = row.keys()
    published = None
    if row["published"] is not None:
        published = {
            "value": row["published"],
            "how": row["published_how"],
            "precision": row["published_precision"],
            "evidence": row["published_evidence"],
        }
    out: dict[str, Any] = {
        "id": row["id"],
        "url": row["url"],
        "outlet": row["outlet"],
        "language": row["language"],
        "published": published,
        "title": row["title"],
        "standfirst": row["standfirst"],
        "byline": row["byline"],
        "dateline": row["dateline"],
        "text": row["text"],
    }
    for column in _JSON_COLUMNS:
        out[column] = json.loads(row[column])
    copy = _copy(row) if "copy_of_id" in keys else None
    version_of = row["version_of"]
    if version_of is None and copy and copy["same_outlet"] and copy["relation"] != "reprint":
        # The same outlet's text again under another id (a new URL): a version of it.
        version_of = copy["of"]
    out.update(
        version=row["version"],
        version_of=version_of,
        story_id=row["story_pk"] if "story_pk" in keys else None,
        copy_of=copy["of"] if copy else None,
        copy=copy,
        source=row["source"],
        kind=row["kind"],
        content_hash=row["content_hash"],
        stored_at=row["stored_at"],
        run_id=row["run_id"],
    )
    if "raw" in keys:
        out["raw"] = row["raw"]
    return out
