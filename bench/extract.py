"""Whole per-article path speed: clean, places, times, quantities and events.

    python bench/extract.py [--repeat N]

Runs on the texts of the three event dev files in ../shared/eval (ACLED notes,
ISAF press releases, PLOVER sentences) taken as clean text, as `sitrep eval
--task events --assume-clean` does, and on the two seeds through the full
plain-text cleaner. The issue's aim is 150 articles/s on one core.
"""

from __future__ import annotations

import json
import sys

from _common import SHARED, eval_file, parse_repeat, timed
from sitrep.clean import clean
from sitrep.model import RawArticle
from sitrep.pipeline import extract


def main() -> int:
    """Print articles/s for each corpus."""
    repeat = parse_repeat(__doc__)
    for name in ("events_acled.dev.jsonl", "events_isaf.dev.jsonl", "events_plover.dev.jsonl"):
        path = eval_file(name)
        if path is None:
            return 1
        raws = [RawArticle(id=r["id"], source=r["id"], text=r["text"]) for r in map(json.loads, path.open(encoding="utf-8"))]
        rate = len(raws) / timed(lambda batch=raws: [extract(clean(r, assume_clean=True)) for r in batch], repeat)
        events = sum(len(extract(clean(r, assume_clean=True)).events) for r in raws)
        print(f"{name}: {len(raws)} articles, {rate:.0f} articles/s, {events} events")
    seeds = sorted((SHARED / "seeds").glob("*.txt"))
    raws = [RawArticle(id=p.name, source=str(p), text=p.read_text(encoding="utf-8")) for p in seeds]
    rate = len(raws) / timed(lambda: [extract(clean(r)) for r in raws], repeat)
    print(f"seeds (full cleaning): {len(raws)} articles, {rate:.0f} articles/s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
