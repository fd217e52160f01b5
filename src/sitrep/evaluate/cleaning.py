"""Score cleaning on ``cleaning_text`` and ``cleaning_html`` gold files."""

from __future__ import annotations

import gzip
import json
import time
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from sitrep.clean import clean
from sitrep.encoding import decode_bytes
from sitrep.errors import InputRejected
from sitrep.evaluate.shingles import Match, aggregate, match
from sitrep.model import RawArticle


def _records(path: Path) -> Iterator[dict[str, Any]]:
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                yield json.loads(line)


def _raw_of(record: dict[str, Any], base: Path) -> RawArticle:
    rid = str(record["id"])
    if "html_file" in record:
        data = (base / record["html_file"]).read_bytes()
        if data[:2] == b"\x1f\x8b":
            data = gzip.decompress(data)
        html = decode_bytes(data, f"{base / record['html_file']}", html=True)
        return RawArticle(id=rid, source=rid, html=html, url=record.get("url"))
    return RawArticle(id=rid, source=rid, text=record["raw"], url=record.get("url"))


def evaluate_cleaning(path: Path, *, limit: int | None = None) -> dict[str, Any]:
    """Body extraction quality per corpus and overall (ScrapingHub shingle metric).

    Only the page goes in (raw text or HTML, and its URL): the gold title and
    date stay out, as they would for a page met in the wild.
    """
    by_corpus: dict[str, list[Match]] = defaultdict(list)
    failures = 0
    started = time.perf_counter()
    for i, record in enumerate(_records(path)):
        if limit is not None and i >= limit:
            break
        try:
            body = clean(_raw_of(record, path.parent)).text
        except InputRejected:
            body, failures = "", failures + 1
        by_corpus[str(record.get("corpus") or "all")].append(match(record["clean"], body))
    elapsed = time.perf_counter() - started
    rows = {c: aggregate(ms) for c, ms in sorted(by_corpus.items())}
    rows["all"] = aggregate(m for ms in by_corpus.values() for m in ms)
    return {
        "task": "cleaning",
        "file": str(path),
        "metric": "ScrapingHub word 4-gram shingles; P and R averaged per article; F1 of the averages",
        "rows": rows,
        "failures": failures,
        "seconds": round(elapsed, 2),
    }


def format_table(result: dict[str, Any]) -> str:
    """The metrics as an aligned text table."""
    out = [f"{'corpus':<14}{'n':>6}{'precision':>11}{'recall':>9}{'F1':>8}"]
    for name, row in result["rows"].items():
        out.append(
            f"{name:<14}{int(row['n']):>6}{row['precision']:>11.4f}{row['recall']:>9.4f}{row['f1']:>8.4f}"
        )
    out.append(f"({result['failures']} pages with no text found; {result['seconds']} s)")
    return "\n".join(out)
