"""Whole per-article path speed: clean, places, times, quantities and events.

    python bench/extract.py [--repeat N]

Runs on the texts of the three event dev files in ../shared/eval (ACLED notes,
ISAF press releases, PLOVER sentences) taken as clean text, as `sitrep eval
--task events --assume-clean` does, and on the two seeds through the full
plain-text cleaner. The issue's aim is 150 articles/s on one core.

Whole articles (#25): the 45 full news articles of events_articles.dev.jsonl
(0.5 to 8 KB) through the path ``sitrep annotate`` takes, cleaning included,
with their published dates; the aim there is 60 articles/s on one core. Beside
it, as a baseline run in this process, the plain-text cleaner alone on the same
texts, and the share of the time each stage takes.
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
    whole = eval_file("events_articles.dev.jsonl")
    if whole is None:
        return 1
    recs = [json.loads(line) for line in whole.open(encoding="utf-8")]
    raws = [RawArticle(id=r["id"], source=r["id"], text=r["text"], published=r.get("published"), title=r.get("title")) for r in recs]
    kb = sum(len(r.text.encode()) for r in raws) / len(raws) / 1024
    cleaning = timed(lambda: [clean(r) for r in raws], repeat)
    total = timed(lambda: [extract(clean(r)) for r in raws], repeat)
    print(
        f"events_articles.dev.jsonl (whole articles, {kb:.1f} KB each): {len(raws)} articles, "
        f"{len(raws) / total:.0f} articles/s; cleaning alone {len(raws) / cleaning:.0f} articles/s "
        f"(the whole path takes {total / cleaning:.1f}x the cleaning)"
    )
    _stages(raws)
    seeds = sorted((SHARED / "seeds").glob("*.txt"))
    raws = [RawArticle(id=p.name, source=str(p), text=p.read_text(encoding="utf-8")) for p in seeds]
    rate = len(raws) / timed(lambda: [extract(clean(r)) for r in raws], repeat)
    print(f"seeds (full cleaning): {len(raws)} articles, {rate:.0f} articles/s")
    return 0


def _stages(raws: list[RawArticle]) -> None:
    """The share of the whole-article time each stage takes (one profiled pass)."""
    import cProfile
    import pstats

    prof = cProfile.Profile()
    prof.enable()
    for r in raws:
        extract(clean(r))
    prof.disable()
    stats = pstats.Stats(prof).stats  # type: ignore[attr-defined]
    total = sum(tt for (_, _, _), (_, _, tt, _, _) in stats.items())
    wanted = {"clean": "clean/__init__.py", "places": "places/__init__.py", "times": "times.py", "quantities": "quantities.py", "events": "events/extract.py"}
    names = {"clean": "clean", "places": "find_places", "times": "find_times", "quantities": "find_quantities", "events": "find_events"}
    shares = []
    for stage, file in wanted.items():
        cum = max((ct for (f, _, fn), (_, _, _, ct, _) in stats.items() if f.endswith(file) and fn == names[stage]), default=0.0)
        shares.append(f"{stage} {cum / total:.0%}")
    print("  share of the time: " + ", ".join(shares))


if __name__ == "__main__":
    sys.exit(main())
