"""Fit the geoparser's resolution weights on a places gold file by coordinate ascent.

    python bench/tune_places.py ../shared/eval/places.dev.jsonl [--folds 2] [--write]

Recognition runs once per article; each trial only re-runs resolution, scored as
the share of gold toponyms (with coordinates, among those found) within 161 km,
averaged over corpora so that neither dominates. ``--folds`` reports the
held-out score of weights fitted on the other folds (split by article id), the
honest number; ``--write`` prints the weights fitted on the whole file for
``resolve.PARAMS``.
"""

from __future__ import annotations

import argparse
import hashlib
import importlib
import json
import sys
from collections import defaultdict
from pathlib import Path
from typing import Any

from sitrep.evaluate.places import KM_BAR, km
from sitrep.places import find_places
from sitrep.places.gazetteer import load
from sitrep.places.names import tokenize
from sitrep.places.outlet import OutletHomes, outlet_key, url_mentions
from sitrep.places.recognize import Mention, candidates, select

# The module, not the function the package re-exports under a similar name.
R = importlib.import_module("sitrep.places.resolve")

STEPS = (0.5, 0.8, 1.25, 2.0)


def prepare(path: Path) -> list[tuple[str, str, str, list[Mention], list[tuple[int, float, float]], str | None]]:
    """Per article: id, corpus, text, mentions, (mention index, gold lat, gold lon), and
    its outlet's home area as a first pass over the file learns it (as `sitrep run` does)."""
    gaz = load()
    out = []
    records = [json.loads(line) for line in path.open(encoding="utf-8")]
    homes = OutletHomes(gaz)
    for rec in records:
        homes.observe(outlet_key(rec.get("url")), find_places(rec["text"], gaz, url=rec.get("url")))
    for rec in records:
        text = rec["text"]
        toks = tokenize(text)
        ms = select(text, toks, candidates(text, gaz, toks), gaz) + url_mentions(rec.get("url"), gaz)
        golds = []
        used: set[int] = set()
        for g in rec["toponyms"]:
            if g.get("lat") is None:
                continue
            hit = next((i for i, m in enumerate(ms) if i not in used and m.start < g["end"] and g["start"] < m.end), None)
            if hit is not None:
                used.add(hit)
                golds.append((hit, g["lat"], g["lon"]))
        out.append((rec["id"], rec["corpus"], text, ms, golds, homes.home(outlet_key(rec.get("url")))))
    return out


def score(data: list[Any]) -> float:
    """Mean over corpora of accuracy within 161 km over found toponyms."""
    gaz = load()
    right: dict[str, int] = defaultdict(int)
    total: dict[str, int] = defaultdict(int)
    for _id, corpus, text, ms, golds, home in data:
        if not golds:
            continue
        picks = R.resolve(text, ms, gaz, home=home)
        for i, lat, lon in golds:
            rid = picks[i]
            total[corpus] += 1
            right[corpus] += km(lat, lon, float(gaz.lat[rid]), float(gaz.lon[rid])) <= KM_BAR
    return sum(right[c] / total[c] for c in total) / max(1, len(total))


def fit(data: list[Any], rounds: int = 3) -> tuple[dict[str, float], float]:
    """Coordinate ascent from the current weights."""
    best = score(data)
    for _ in range(rounds):
        improved = False
        for name in list(R.PARAMS):
            start = R.PARAMS[name]
            for f in STEPS:
                R.PARAMS[name] = start * f if start else f - 0.5
                s = score(data)
                if s > best + 1e-4:
                    best, start, improved = s, R.PARAMS[name], True
            R.PARAMS[name] = start
        if not improved:
            break
    return dict(R.PARAMS), best


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("path", type=Path)
    ap.add_argument("--folds", type=int, default=0)
    ap.add_argument("--write", action="store_true")
    args = ap.parse_args()
    data = prepare(args.path)
    initial = dict(R.PARAMS)
    print(f"start: {score(data):.4f}", file=sys.stderr)
    if args.folds:
        held = []
        for k in range(args.folds):
            R.PARAMS.update(initial)
            fold = [d for d in data if int(hashlib.sha1(d[0].encode()).hexdigest(), 16) % args.folds == k]
            rest = [d for d in data if d not in fold]
            fit(rest)
            held.append(score(fold))
            print(f"fold {k}: held-out {held[-1]:.4f}", file=sys.stderr)
        print(f"cross-validated: {sum(held) / len(held):.4f}")
        R.PARAMS.update(initial)
    params, best = fit(data)
    print(f"fitted on all: {best:.4f}")
    if args.write:
        print(json.dumps({k: round(v, 3) for k, v in params.items()}))


if __name__ == "__main__":
    main()
