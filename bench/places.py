"""Geoparser speed, load time and memory on the LGL texts.

    python bench/places.py [--repeat N]

Prints articles/s for sitrep's geoparser and, in the same process on the same
texts, for a baseline that takes every capitalised gazetteer match and its most
populous reading (no context): the ratio says what the context costs. Index load
time is measured in a fresh interpreter; peak memory is this process's maximum
resident set after the runs.
"""

from __future__ import annotations

import json
import resource
import subprocess
import sys

from _common import eval_file, parse_repeat, timed
from sitrep.places import find_places
from sitrep.places.gazetteer import load
from sitrep.places.names import tokenize
from sitrep.places.recognize import candidates


def baseline(text: str) -> list[tuple[int, int, int]]:
    """Capitalised gazetteer matches, each read as its most populous entry."""
    gaz = load()
    out = []
    for m in candidates(text, gaz, tokenize(text)):
        rid = max((r for r, _ in m.entries), key=lambda r: gaz.pop[r])
        out.append((m.start, m.end, rid))
    return out


def main() -> int:
    """Print the figures."""
    repeat = parse_repeat(__doc__)
    path = eval_file("places.dev.jsonl")
    if path is None:
        return 1
    texts = [r["text"] for r in map(json.loads, path.open(encoding="utf-8")) if r["corpus"] == "lgl"]
    cold = subprocess.run(
        [sys.executable, "-c", "import time; t = time.perf_counter(); "
         "from sitrep.places.gazetteer import Gazetteer; g = Gazetteer(); "
         "print(time.perf_counter() - t)"],
        capture_output=True, text=True, check=True,
    )
    load()
    results = {}
    for name, fn in (("sitrep", find_places), ("baseline", baseline)):
        results[name] = len(texts) / timed(lambda fn=fn: [fn(t) for t in texts], repeat)
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"LGL texts: {len(texts)}, mean {sum(map(len, texts)) / len(texts):.0f} chars")
    print(f"index load (fresh interpreter): {float(cold.stdout):.3f} s")
    print(f"sitrep geoparser: {results['sitrep']:.0f} articles/s")
    print(f"baseline (lookup + population): {results['baseline']:.0f} articles/s")
    print(f"ratio sitrep/baseline: {results['sitrep'] / results['baseline']:.2f}")
    print(f"peak resident memory: {rss:.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
