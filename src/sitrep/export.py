"""Write what a database holds in the formats analysts use."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Iterator
from typing import Any, TextIO

from sitrep.errors import UsageError
from sitrep.events.lexicon import layer_of

ARTICLE_COLUMNS = [
    "id",
    "version",
    "url",
    "outlet",
    "language",
    "published",
    "published_how",
    "title",
    "standfirst",
    "byline",
    "dateline",
    "wire",
    "headings",
    "captions",
    "story_id",
    "copy_of",
    "version_of",
    "source",
    "content_hash",
    "stored_at",
    "text",
]


def _flat(row: dict[str, Any]) -> dict[str, Any]:
    out = dict(row)
    pub = out.get("published")
    out["published"] = pub["value"] if isinstance(pub, dict) else pub
    out["published_how"] = pub["how"] if isinstance(pub, dict) else None
    for key in ("wire", "headings", "captions", "removed"):
        if isinstance(out.get(key), list):
            out[key] = " | ".join(out[key])
    return out


class _Counted:
    """Items passed through as they are taken, counted: what a writer reports it wrote."""

    def __init__(self, items: Iterable[Any]) -> None:
        self.items, self.n = items, 0

    def __iter__(self) -> Iterator[Any]:
        for item in self.items:
            self.n += 1
            yield item


def _jsonl_text(items: Iterable[dict[str, Any]]) -> Iterator[str]:
    for item in items:
        yield json.dumps(item, ensure_ascii=False) + "\n"


def _csv_text(items: Iterable[dict[str, Any]], columns: list[str]) -> Iterator[str]:
    """The header line, then one line per item (csv's quoting, "\r\n" endings)."""
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=columns, extrasaction="ignore")
    writer.writeheader()
    for item in items:
        yield _drain(buf)
        writer.writerow(item)
    yield _drain(buf)


def _drain(buf: io.StringIO) -> str:
    text = buf.getvalue()
    buf.seek(0)
    buf.truncate()
    return text


def _geojson_text(features: Iterable[dict[str, Any]]) -> Iterator[str]:
    # One FeatureCollection, feature by feature: a large database never sits in memory.
    yield '{"type": "FeatureCollection", "features": [\n'
    for n, feature in enumerate(features):
        yield (",\n" if n else "") + json.dumps(feature, ensure_ascii=False)
    yield "\n]}\n"


def _jsonl(items: Iterable[dict[str, Any]], out: TextIO) -> int:
    counted = _Counted(items)
    out.writelines(_jsonl_text(counted))
    return counted.n


def _csv(items: Iterable[dict[str, Any]], out: TextIO, columns: list[str]) -> int:
    counted = _Counted(items)
    out.writelines(_csv_text(counted, columns))
    return counted.n


def _geojson(features: Iterable[dict[str, Any]], out: TextIO) -> int:
    counted = _Counted(features)
    out.writelines(_geojson_text(counted))
    return counted.n


def _feature(props: dict[str, Any], feature_id: str | None = None) -> dict[str, Any]:
    """A GeoJSON point feature from flat properties with ``latitude`` and ``longitude`` (null if unplaced)."""
    lat, lon = props.get("latitude"), props.get("longitude")
    geometry = (
        {"type": "Point", "coordinates": [lon, lat]}
        if lat is not None and lon is not None
        else None
    )
    feature: dict[str, Any] = {"type": "Feature", "geometry": geometry, "properties": props}
    if feature_id is not None:
        feature["id"] = feature_id
    return feature


def _unsupported(what: str, fmt: str, allowed: str, why: str = "") -> UsageError:
    return UsageError(f"--what {what} can be written as {allowed}, not {fmt}{why}")


def write_articles(rows: Iterable[dict[str, Any]], fmt: str, out: TextIO) -> int:
    """Write article rows as ``jsonl`` or ``csv``; returns how many were written."""
    if fmt == "jsonl":
        return _jsonl(({k: v for k, v in row.items() if k != "raw"} for row in rows), out)
    if fmt == "csv":
        return _csv((_flat(row) for row in rows), out, ARTICLE_COLUMNS)
    raise _unsupported(
        "articles",
        fmt,
        "jsonl or csv",
        ": geojson and acled describe events, which need the extraction stages",
    )


EVENT_COLUMNS = [
    "id", "kind", "layer", "acled_event_type", "acled_sub_event_type", "plover_type", "actor1", "actor2",
    "place", "geonameid", "latitude", "longitude", "country_code", "admin1", "place_precision",
    "date", "date_precision", "modality", "status", "independent_sources", "articles",
    "first_reported", "last_reported", "fatalities", "fatalities_low", "fatalities_high",
    "conflicts", "evidence",
]  # fmt: skip


def _event_flat(e: dict[str, Any]) -> dict[str, Any]:
    place, when = e.get("place") or {}, e.get("date") or {}
    acled, plover, rng = (
        e.get("acled") or {},
        e.get("plover") or {},
        e.get("fatalities_range") or {},
    )
    evidence = (e.get("evidence") or [{}])[0]
    return {
        "id": e["id"], "kind": e["kind"], "layer": layer_of(e["kind"]),
        "acled_event_type": acled.get("event_type"), "acled_sub_event_type": acled.get("sub_event_type"),
        "plover_type": plover.get("type"),
        "actor1": (e.get("actor1") or {}).get("name"), "actor2": (e.get("actor2") or {}).get("name"),
        "place": place.get("name"), "geonameid": place.get("geonameid"),
        "latitude": place.get("lat"), "longitude": place.get("lon"),
        "country_code": place.get("country_code"), "admin1": place.get("admin1"),
        "place_precision": place.get("precision"),
        "date": when.get("value"), "date_precision": when.get("precision"),
        "modality": e["modality"], "status": e["status"], "independent_sources": e["independent_sources"],
        "articles": " | ".join(e.get("articles") or []),
        "first_reported": e.get("first_reported"), "last_reported": e.get("last_reported"),
        "fatalities": e.get("fatalities"), "fatalities_low": rng.get("low"), "fatalities_high": rng.get("high"),
        "conflicts": len(e.get("conflicts") or []), "evidence": evidence.get("text"),
    }  # fmt: skip


def _event_feature(e: dict[str, Any]) -> dict[str, Any]:
    props = _event_flat(e)
    props["sources"] = e.get("sources") or []
    return _feature(props, e["id"])


def _event_records(
    events: Iterable[dict[str, Any]], fmt: str, outlets: dict[str, str] | None
) -> Iterable[dict[str, Any]]:
    """What one line (or feature) of ``fmt`` is made of: the event, its flat row, its feature, its ACLED row."""
    if fmt == "jsonl":
        return events
    if fmt == "csv":
        return (_event_flat(e) for e in events)
    if fmt == "geojson":
        return (_event_feature(e) for e in events)
    if fmt == "acled":
        from sitrep import acled

        rows = (acled.row(e, outlets or {}) for e in events)
        return (r for r in rows if r is not None)
    raise _unsupported("events", fmt, "jsonl, csv, geojson or acled")


def _event_text(records: Iterable[dict[str, Any]], fmt: str) -> Iterator[str]:
    if fmt == "jsonl":
        return _jsonl_text(records)
    if fmt == "geojson":
        return _geojson_text(records)
    if fmt == "acled":
        from sitrep import acled

        return _csv_text(records, acled.COLUMNS)
    return _csv_text(records, EVENT_COLUMNS)


def event_text(
    events: Iterable[dict[str, Any]], fmt: str, *, outlets: dict[str, str] | None = None
) -> Iterator[str]:
    """What ``write_events`` writes, in pieces of a line (feature) or so each, for a stream to send.

    Raises UsageError, before any event is read, for a format events cannot be written as.
    """
    return _event_text(_event_records(events, fmt, outlets), fmt)


def write_events(
    events: Iterable[dict[str, Any]],
    fmt: str,
    out: TextIO,
    *,
    outlets: dict[str, str] | None = None,
) -> int:
    """Write consolidated events as jsonl, csv, geojson or acled (CSV in ACLED's columns).

    Returns how many lines (features) were written: for acled, the events with an ACLED type.
    """
    records = _Counted(_event_records(events, fmt, outlets))
    out.writelines(_event_text(records, fmt))
    return records.n


CONFLICT_COLUMNS = ["id", "event_id", "fact", "context", "kind", "values"]


def write_conflicts(conflicts: Iterable[dict[str, Any]], fmt: str, out: TextIO) -> int:
    """Write conflicts as jsonl (CONTRACT: fact, values with article and evidence, kind) or csv."""
    if fmt == "jsonl":
        return _jsonl(conflicts, out)
    if fmt == "csv":
        flat = (
            {**c, "values": " | ".join(f"{v['value']} ({v['article_id']})" for v in c["values"])}
            for c in conflicts
        )
        return _csv(flat, out, CONFLICT_COLUMNS)
    raise _unsupported("conflicts", fmt, "jsonl or csv")


CONTROL_COLUMNS = ["place", "geonameid", "latitude", "longitude", "country_code", "admin1", "holder",
                   "lost_by", "since", "modality", "status", "how", "event_id", "sources"]  # fmt: skip


def _control_flat(r: dict[str, Any]) -> dict[str, Any]:
    p = r["place"]
    return {
        "place": p.get("name"), "geonameid": p.get("geonameid"), "latitude": p.get("lat"),
        "longitude": p.get("lon"), "country_code": p.get("country_code"), "admin1": p.get("admin1"),
        "holder": r["holder"], "lost_by": r["lost_by"], "since": r["since"], "modality": r["modality"],
        "status": r.get("status"), "how": r["how"], "event_id": r["event_id"],
        "sources": " | ".join(r.get("sources") or []),
    }  # fmt: skip


def write_control(rows: Iterable[dict[str, Any]], fmt: str, out: TextIO) -> int:
    """Write who holds which place (one row per place) as jsonl, csv or geojson."""
    if fmt == "jsonl":
        return _jsonl(rows, out)
    if fmt == "csv":
        return _csv((_control_flat(r) for r in rows), out, CONTROL_COLUMNS)
    if fmt == "geojson":
        return _geojson((_feature(_control_flat(r)) for r in rows), out)
    raise _unsupported("control", fmt, "jsonl, csv or geojson")


STORY_COLUMNS = ["id", "title", "first_date", "last_date", "articles", "article_ids", "events"]


def write_stories(stories: Iterable[dict[str, Any]], fmt: str, out: TextIO) -> int:
    """Write stories (their articles and how many consolidated events they hold) as jsonl or csv."""
    if fmt == "jsonl":
        return _jsonl(stories, out)
    if fmt == "csv":
        return _csv(
            ({**s, "article_ids": " | ".join(s["article_ids"])} for s in stories),
            out,
            STORY_COLUMNS,
        )
    raise _unsupported("stories", fmt, "jsonl or csv")
