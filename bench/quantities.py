"""Quantity speed: sitrep against quantulum3's parser on the same texts.

    python bench/quantities.py [--repeat N]

Both run in this process on the ACLED notes of ../shared/eval/events_acled.dev.jsonl
(short event descriptions full of counts), so the ratio is fair whatever the
machine. quantulum3 is a benchmark-only dependency (pip install -e '.[bench]').
"""

from __future__ import annotations

import json
import sys

from _common import eval_file, parse_repeat, timed
from sitrep.quantities import find_quantities


def main() -> int:
    """Print notes/s for each and the ratio."""
    repeat = parse_repeat(__doc__)
    path = eval_file("events_acled.dev.jsonl")
    if path is None:
        return 1
    texts = [r["text"] for r in map(json.loads, path.open(encoding="utf-8"))]
    ours = len(texts) / timed(lambda: [find_quantities(t) for t in texts], repeat)
    found = sum(len(find_quantities(t)) for t in texts)
    print(f"ACLED notes: {len(texts)}")
    print(f"sitrep find_quantities: {ours:.0f} notes/s ({found} quantities)")
    try:
        from quantulum3 import classifier, parser
    except ImportError:
        print("quantulum3 is not installed: pip install -e '.[bench]' for the baseline")
        return 0
    # Its pickled disambiguation model only loads under the scikit-learn it was
    # pickled with; the rule-based fallback is what runs without scikit-learn.
    classifier.USE_CLF = False
    sample = texts[: max(50, len(texts) // 8)]
    parser.parse(sample[0])  # loads its unit tables once, outside the timing
    theirs = len(sample) / timed(lambda: [parser.parse(t) for t in sample], 1)
    print(f"quantulum3 parse: {theirs:.1f} notes/s (on {len(sample)} notes)")
    print(f"ratio sitrep/quantulum3: {ours / theirs:.0f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
