"""Time-expression speed: sitrep against dateparser's search_dates on the same texts.

    python bench/times.py [--repeat N]

Both run in this process on the TimeBank texts of ../shared/eval/times.dev.jsonl,
each anchored on the document's creation date, so the ratio is fair whatever the
machine. dateparser is a benchmark-only dependency (pip install dateparser).
"""

from __future__ import annotations

import json
import sys
from datetime import date, datetime

from _common import eval_file, parse_repeat, timed
from sitrep.times import find_times


def main() -> int:
    """Print documents/s for each and the ratio."""
    repeat = parse_repeat(__doc__)
    path = eval_file("times.dev.jsonl")
    if path is None:
        return 1
    docs = [(r["text"], date.fromisoformat(r["dct"])) for r in map(json.loads, path.open(encoding="utf-8"))]
    ours = len(docs) / timed(lambda: [find_times(text, anchor) for text, anchor in docs], repeat)
    print(f"TimeBank documents: {len(docs)}")
    print(f"sitrep find_times: {ours:.0f} documents/s")
    try:
        from dateparser.search import search_dates
    except ImportError:
        print("dateparser is not installed: pip install dateparser for the baseline")
        return 0
    sample = docs[: max(20, len(docs) // 4)]
    def baseline() -> None:
        for text, anchor in sample:
            base = datetime.combine(anchor, datetime.min.time())
            search_dates(text, languages=["en"], settings={"RELATIVE_BASE": base})

    theirs = len(sample) / timed(baseline, 1)
    print(f"dateparser search_dates: {theirs:.1f} documents/s (on {len(sample)} documents)")
    print(f"ratio sitrep/dateparser: {ours / theirs:.0f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
