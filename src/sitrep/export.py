"""Write what a database holds in the formats analysts use."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable
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


def _jsonl(items: Iterable[dict[str, Any]], out: TextIO) -> int:
    n = 0
    for item in items:
        out.write(json.dumps(item, ensure_ascii=False) + "\n")
        n += 1
    return n


def _csv(items: Iterable[dict[str, Any]], out: TextIO, columns: list[str]) -> int:
    writer = csv.DictWriter(out, fieldnames=columns, extrasaction="ignore")
    writer.writeheader()
    n = 0
    for item in items:
        writer.writerow(item)
        n += 1
    return n


def _geojson(features: Iterable[dict[str, Any]], out: TextIO) -> int:
    # One FeatureCollection, streamed feature by feature: a large database never sits in memory.
    out.write('{"type": "FeatureCollection", "features": [\n')
    n = 0
    for feature in features:
        out.write((",\n" if n else "") + json.dumps(feature, ensure_ascii=False))
        n += 1
    out.write("\n]}\n")
    return n


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


def write_events(
    events: Iterable[dict[str, Any]],
    fmt: str,
    out: TextIO,
    *,
    outlets: dict[str, str] | None = None,
) -> int:
    """Write consolidated events as jsonl, csv, geojson or acled (CSV in ACLED's columns)."""
    if fmt == "jsonl":
        return _jsonl(events, out)
    if fmt == "csv":
        return _csv((_event_flat(e) for e in events), out, EVENT_COLUMNS)
    if fmt == "geojson":
        return _geojson((_event_feature(e) for e in events), out)
    if fmt == "acled":
        from sitrep import acled

        rows = (acled.row(e, outlets or {}) for e in events)
        return _csv((r for r in rows if r is not None), out, acled.COLUMNS)
    raise _unsupported("events", fmt, "jsonl, csv, geojson or acled")


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
