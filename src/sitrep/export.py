"""Write what a database holds in the formats analysts use."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable
from typing import Any, TextIO

from sitrep.errors import UsageError

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


def write_articles(rows: Iterable[dict[str, Any]], fmt: str, out: TextIO) -> int:
    """Write article rows as ``jsonl`` or ``csv``; returns how many were written."""
    n = 0
    if fmt == "jsonl":
        for row in rows:
            row = {k: v for k, v in row.items() if k != "raw"}
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
            n += 1
    elif fmt == "csv":
        writer = csv.DictWriter(out, fieldnames=ARTICLE_COLUMNS, extrasaction="ignore")
        writer.writeheader()
        for row in rows:
            writer.writerow(_flat(row))
            n += 1
    else:
        raise UsageError(
            f"--what articles can be written as jsonl or csv, not {fmt}: "
            "geojson and acled describe events, which need the extraction stages"
        )
    return n


EVENT_COLUMNS = [
    "id", "kind", "acled_event_type", "acled_sub_event_type", "plover_type", "actor1", "actor2",
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
        "id": e["id"], "kind": e["kind"],
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


def _feature(e: dict[str, Any]) -> dict[str, Any]:
    place = e.get("place") or {}
    lat, lon = place.get("lat"), place.get("lon")
    geometry = (
        {"type": "Point", "coordinates": [lon, lat]}
        if lat is not None and lon is not None
        else None
    )
    props = _event_flat(e)
    props["sources"] = e.get("sources") or []
    return {"type": "Feature", "id": e["id"], "geometry": geometry, "properties": props}


def write_events(
    events: Iterable[dict[str, Any]],
    fmt: str,
    out: TextIO,
    *,
    outlets: dict[str, str] | None = None,
) -> int:
    """Write consolidated events as jsonl, csv, geojson or acled (CSV in ACLED's columns)."""
    n = 0
    if fmt == "jsonl":
        for e in events:
            out.write(json.dumps(e, ensure_ascii=False) + "\n")
            n += 1
    elif fmt == "csv":
        writer = csv.DictWriter(out, fieldnames=EVENT_COLUMNS)
        writer.writeheader()
        for e in events:
            writer.writerow(_event_flat(e))
            n += 1
    elif fmt == "geojson":
        # One FeatureCollection, streamed feature by feature: a large database never sits in memory.
        out.write('{"type": "FeatureCollection", "features": [\n')
        for e in events:
            out.write((",\n" if n else "") + json.dumps(_feature(e), ensure_ascii=False))
            n += 1
        out.write("\n]}\n")
    elif fmt == "acled":
        from sitrep import acled

        writer = csv.DictWriter(out, fieldnames=acled.COLUMNS)
        writer.writeheader()
        for e in events:
            row = acled.row(e, outlets or {})
            if row is not None:
                writer.writerow(row)
                n += 1
    else:  # pragma: no cover - click restricts the choices
        raise UsageError(f"events cannot be written as {fmt}")
    return n


CONFLICT_COLUMNS = ["id", "event_id", "fact", "context", "kind", "values"]


def write_conflicts(conflicts: Iterable[dict[str, Any]], fmt: str, out: TextIO) -> int:
    """Write conflicts as jsonl (CONTRACT: fact, values with article and evidence, kind) or csv."""
    n = 0
    if fmt == "jsonl":
        for c in conflicts:
            out.write(json.dumps(c, ensure_ascii=False) + "\n")
            n += 1
    elif fmt == "csv":
        writer = csv.DictWriter(out, fieldnames=CONFLICT_COLUMNS, extrasaction="ignore")
        writer.writeheader()
        for c in conflicts:
            values = " | ".join(f"{v['value']} ({v['article_id']})" for v in c["values"])
            writer.writerow({**c, "values": values})
            n += 1
    else:
        raise UsageError(f"--what conflicts can be written as jsonl or csv, not {fmt}")
    return n


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
    n = 0
    if fmt == "jsonl":
        for r in rows:
            out.write(json.dumps(r, ensure_ascii=False) + "\n")
            n += 1
    elif fmt == "csv":
        writer = csv.DictWriter(out, fieldnames=CONTROL_COLUMNS)
        writer.writeheader()
        for r in rows:
            writer.writerow(_control_flat(r))
            n += 1
    elif fmt == "geojson":
        out.write('{"type": "FeatureCollection", "features": [\n')
        for r in rows:
            flat = _control_flat(r)
            lat, lon = flat["latitude"], flat["longitude"]
            geometry = (
                {"type": "Point", "coordinates": [lon, lat]}
                if lat is not None and lon is not None
                else None
            )
            feature = {"type": "Feature", "geometry": geometry, "properties": flat}
            out.write((",\n" if n else "") + json.dumps(feature, ensure_ascii=False))
            n += 1
        out.write("\n]}\n")
    else:
        raise UsageError(f"--what control can be written as jsonl, csv or geojson, not {fmt}")
    return n


STORY_COLUMNS = ["id", "title", "first_date", "last_date", "articles", "article_ids", "events"]


def write_stories(stories: Iterable[dict[str, Any]], fmt: str, out: TextIO) -> int:
    """Write stories (their articles and how many consolidated events they hold) as jsonl or csv."""
    n = 0
    if fmt == "jsonl":
        for s in stories:
            out.write(json.dumps(s, ensure_ascii=False) + "\n")
            n += 1
    elif fmt == "csv":
        writer = csv.DictWriter(out, fieldnames=STORY_COLUMNS)
        writer.writeheader()
        for s in stories:
            writer.writerow({**s, "article_ids": " | ".join(s["article_ids"])})
            n += 1
    else:
        raise UsageError(f"--what stories can be written as jsonl or csv, not {fmt}")
    return n
