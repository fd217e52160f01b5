"""Score time expressions on ``times`` gold files (TimeBank with its creation dates).

Spans: a predicted DATE that overlaps a gold DATE is a hit. Values: over the
hits, the share whose value equals the gold value exactly.

ISAF press releases (``events_isaf``) are scored on one question: does
"yesterday", read against the release's own dateline through the whole clean
and extract path, give the gold ``start_date``?
"""

from __future__ import annotations

import json
import time
from collections import Counter
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from sitrep.times import find_times


def evaluate_times(path: Path, *, limit: int | None = None) -> dict[str, Any]:
    """DATE span precision/recall and value accuracy over found DATEs (or the ISAF check)."""
    records = [json.loads(line) for line in path.open(encoding="utf-8") if line.strip()][:limit]
    if records and "start_date" in (records[0].get("gold") or {}):
        return evaluate_yesterday(path, records)
    tp = fp = fn = right = 0
    misses: Counter[str] = Counter()
    started = time.perf_counter()
    for rec in records:
        anchor = date.fromisoformat(rec["dct"][:10]) if rec.get("dct") else None
        predicted = [t for t in find_times(rec["text"], anchor) if t.type == "date"]
        used: set[int] = set()
        for g in rec["timexes"]:
            if g["type"] != "DATE":
                continue
            hit = next(
                (i for i, p in enumerate(predicted) if i not in used and p.start < g["end"] and g["start"] < p.end),
                None,
            )
            if hit is None:
                fn += 1
                misses[g["text"].lower()] += 1
                continue
            used.add(hit)
            tp += 1
            right += predicted[hit].value == g["value"]
        # Predictions overlapping a gold TIME/DURATION/SET are not counted as false hits.
        others = [g for g in rec["timexes"] if g["type"] != "DATE"]
        for i, p in enumerate(predicted):
            if i not in used and not any(p.start < g["end"] and g["start"] < p.end for g in others):
                fp += 1
    elapsed = time.perf_counter() - started
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    return {
        "task": "times",
        "file": str(path),
        "metric": "DATE span overlap P/R/F1; exact value accuracy over found DATEs",
        "rows": {
            "all": {
                "n": len(records),
                "precision": precision,
                "recall": recall,
                "f1": 2 * precision * recall / (precision + recall) if precision + recall else 0.0,
                "value_accuracy": right / tp if tp else 0.0,
            }
        },
        "most_missed": misses.most_common(10),
        "documents_per_second": round(len(records) / elapsed, 1) if elapsed else 0.0,
    }


def evaluate_yesterday(path: Path, records: list[dict[str, Any]]) -> dict[str, Any]:
    """Share of releases saying "yesterday" whose resolved value is the gold start date."""
    from sitrep.clean import clean
    from sitrep.model import RawArticle
    from sitrep.pipeline import extract

    n = dated = right = gold_two_back = 0
    started = time.perf_counter()
    for rec in records:
        if "yesterday" not in rec["text"].lower():
            continue
        n += 1
        article = extract(clean(RawArticle(id=rec["id"], source=rec["id"], text=rec["text"])))
        found = [t for t in article.times if "yesterday" in t.text.lower() and t.value]
        published = article.published
        if published is not None and published.precision == "day":
            dated += 1
            gold = rec["gold"]["start_date"]
            right += bool(found) and found[0].value[:10] == gold
            # Releases whose gold is two days before the dateline (the event of an
            # earlier sentence, or a release dated a day after it was written).
            day = date.fromisoformat(published.value[:10])
            gold_two_back += gold == (day - timedelta(days=2)).isoformat()
    elapsed = time.perf_counter() - started
    return {
        "task": "times",
        "file": str(path),
        "metric": 'releases saying "yesterday": value == gold start_date',
        "rows": {
            "yesterday": {
                "n": n,
                "dated": dated,
                "accuracy": right / n if n else 0.0,
                "accuracy_dated": right / dated if dated else 0.0,
                "gold_two_days_back": gold_two_back,
            }
        },
        "documents_per_second": round(n / elapsed, 1) if elapsed else 0.0,
    }


def format_table(result: dict[str, Any]) -> str:
    """The metrics as an aligned text table."""
    if "yesterday" in result["rows"]:
        r = result["rows"]["yesterday"]
        return "\n".join(
            [
                f"releases saying 'yesterday':       {r['n']}",
                f"with a day-precise dateline:       {r['dated']}",
                f"value == gold start_date:          {r['accuracy']:.4f} of all, {r['accuracy_dated']:.4f} of dated",
                f"gold two days before the dateline: {r['gold_two_days_back']}",
                f"({result['documents_per_second']} documents/s)",
            ]
        )
    out = [f"{'corpus':<10}{'n':>5}{'P':>8}{'R':>8}{'F1':>8}{'value acc':>11}"]
    for name, r in result["rows"].items():
        out.append(
            f"{name:<10}{int(r['n']):>5}{r['precision']:>8.4f}{r['recall']:>8.4f}{r['f1']:>8.4f}"
            f"{r['value_accuracy']:>11.4f}"
        )
    out.append(f"({result['documents_per_second']} documents/s)")
    return "\n".join(out)
