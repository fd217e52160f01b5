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
