"""Score time expressions on ``times`` gold files (TimeBank with its creation dates).

Spans: a predicted DATE that overlaps a gold DATE is a hit. Values: over the
hits, the share whose value equals the gold value exactly.
"""

from __future__ import annotations

import json
import time
from collections import Counter
from datetime import date
from pathlib import Path
from typing import Any

from sitrep.times import find_times


def evaluate_times(path: Path, *, limit: int | None = None) -> dict[str, Any]:
    """DATE span precision/recall and value accuracy over found DATEs."""
    records = [json.loads(line) for line in path.open(encoding="utf-8") if line.strip()][:limit]
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


def format_table(result: dict[str, Any]) -> str:
    """The metrics as an aligned text table."""
    out = [f"{'corpus':<10}{'n':>5}{'P':>8}{'R':>8}{'F1':>8}{'value acc':>11}"]
    for name, r in result["rows"].items():
        out.append(
            f"{name:<10}{int(r['n']):>5}{r['precision']:>8.4f}{r['recall']:>8.4f}{r['f1']:>8.4f}"
            f"{r['value_accuracy']:>11.4f}"
        )
    out.append(f"({result['documents_per_second']} documents/s)")
    return "\n".join(out)
