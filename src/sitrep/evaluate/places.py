"""Score the geoparser on ``places`` gold files (LGL, GeoVirus, ...).

Recognition: a predicted span that overlaps a gold span is a hit (each span
matched once). Resolution: over the hits whose gold has coordinates, the share
within 161 km (100 miles, the field's usual bar), also over all gold toponyms
with coordinates, and the median error in km. A second, area-aware figure also
counts a country or admin1 reading whose area holds the gold point (read off the
nearest gazetteer place): corpora put the centre of a country in different places.

Corpora differ on demonyms: LGL marks "American" as a toponym, GeoVirus never
does. A corpus whose gold marks no demonym at all is scored without our
adjectival readings (they are still output); the table says which policy applied.
"""

from __future__ import annotations

import json
import math
import statistics
import time
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from sitrep.model import Place
from sitrep.places import OutletHomes, find_places, outlet_key
from sitrep.places.gazetteer import KIND_DEMONYM, Gazetteer, load
from sitrep.places.names import key_of, tokenize

KM_BAR = 161.0


def _records(path: Path) -> Iterator[dict[str, Any]]:
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                yield json.loads(line)


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in km."""
    la1, lo1, la2, lo2 = map(math.radians, (lat1, lon1, lat2, lon2))
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 12742.0 * math.asin(min(1.0, math.sqrt(h)))


def _is_demonym(text: str, gaz: Gazetteer) -> bool:
    hits = gaz.lookup(key_of(tokenize(text)))
    return bool(hits) and all(kind == KIND_DEMONYM for _, kind in hits)


class Where:
    """Which country and admin1 area a point lies in: those of the nearest gazetteer place."""

    def __init__(self, gaz: Gazetteer) -> None:
        self.gaz = gaz
        self.grid: dict[tuple[int, int], list[int]] = defaultdict(list)
        for rid in range(len(gaz)):
            if gaz.feature(rid) == "city":
                self.grid[(math.floor(gaz.lat[rid]), math.floor(gaz.lon[rid]))].append(rid)

    def area(self, lat: float, lon: float) -> tuple[str, str] | None:
        best, best_d = None, 150.0
        for dy in (-1, 0, 1):
            for dx in (-1, 0, 1):
                for rid in self.grid.get((math.floor(lat) + dy, math.floor(lon) + dx), ()):
                    d = km(lat, lon, self.gaz.lat[rid], self.gaz.lon[rid])
                    if d < best_d:
                        best, best_d = rid, d
        if best is None:
            return None
        return self.gaz.country(best), self.gaz.admin1_key(best)


class _Tally:
    def __init__(self) -> None:
        self.tp = self.fp = self.fn = 0
        self.right = self.judged = self.gold_coords = 0
        self.right_area = 0
        self.errors: list[float] = []
        self.n = 0

    def row(self) -> dict[str, float]:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        return {
            "n": self.n,
            "precision": p,
            "recall": r,
            "f1": 2 * p * r / (p + r) if p + r else 0.0,
            "acc161_found": self.right / self.judged if self.judged else 0.0,
            "acc161_all": self.right / self.gold_coords if self.gold_coords else 0.0,
            "acc_area_found": self.right_area / self.judged if self.judged else 0.0,
            "median_km": statistics.median(self.errors) if self.errors else 0.0,
        }


def evaluate_places(path: Path, *, limit: int | None = None) -> dict[str, Any]:
    """Recognition and resolution scores per corpus and overall."""
    gaz = load()
    records = list(_records(path))[:limit]
    annotates_demonyms: dict[str, bool] = defaultdict(bool)
    for rec in records:
        corpus = str(rec.get("corpus") or "all")
        if any(_is_demonym(t["text"], gaz) for t in rec["toponyms"]):
            annotates_demonyms[corpus] = True
    tallies: dict[str, _Tally] = defaultdict(_Tally)
    where = Where(gaz)
    started = time.perf_counter()
    # Two passes, as `sitrep run` does: the first learns each outlet's home area
    # from the file's own articles (never from the gold), the second uses it.
    homes = OutletHomes(gaz)
    first: list[list[Place]] = []
    for rec in records:
        first.append(find_places(rec["text"], gaz, url=rec.get("url")))
        homes.observe(outlet_key(rec.get("url")), first[-1])
    for rec, predicted in zip(records, first, strict=True):
        corpus = str(rec.get("corpus") or "all")
        home = homes.home(outlet_key(rec.get("url")))
        if home:
            predicted = find_places(rec["text"], gaz, url=rec.get("url"), home=home)
        if not annotates_demonyms[corpus]:
            predicted = [p for p in predicted if not p.adjectival]
        for t in (tallies[corpus], tallies["all"]):
            _score(t, rec["toponyms"], predicted, where)
    elapsed = time.perf_counter() - started
    return {
        "task": "places",
        "file": str(path),
        "metric": "span overlap P/R/F1; share of resolved toponyms within 161 km; median km",
        "rows": {c: tallies[c].row() for c in sorted(tallies, key=lambda c: (c == "all", c))},
        "demonyms_scored": {c: annotates_demonyms[c] for c in sorted(annotates_demonyms)},
        "outlet_homes": len(homes.homes()),
        "articles_per_second": round(len(records) / elapsed, 1) if elapsed else 0.0,
    }


def _score(t: _Tally, gold: list[dict[str, Any]], predicted: list[Place], where: Where) -> None:
    t.n += 1
    used: set[int] = set()
    for g in gold:
        has = g.get("lat") is not None and g.get("lon") is not None
        t.gold_coords += has
        hit = next(
            (i for i, p in enumerate(predicted) if i not in used and p.start < g["end"] and g["start"] < p.end),
            None,
        )
        if hit is None:
            t.fn += 1
            continue
        used.add(hit)
        t.tp += 1
        if has:
            err = km(g["lat"], g["lon"], predicted[hit].lat, predicted[hit].lon)
            t.errors.append(err)
            t.judged += 1
            t.right += err <= KM_BAR
            t.right_area += err <= KM_BAR or _inside(predicted[hit], g["lat"], g["lon"], where)
    t.fp += len(predicted) - len(used)


def _inside(p: Place, lat: float, lon: float, where: Where) -> bool:
    """A country or admin1 reading whose area holds the gold point (the centre conventions of
    corpora differ: GeoVirus puts China at 35N 103E, GeoNames at 35N 105E)."""
    if p.feature not in ("country", "admin1"):
        return False
    area = where.area(lat, lon)
    if area is None:
        return False
    if p.feature == "country":
        return area[0] == p.country_code
    return area[0] == p.country_code and where.gaz.entry(where.gaz.admin1_rid(area[1]) or 0).admin1 == p.admin1


def format_table(result: dict[str, Any]) -> str:
    """The metrics as an aligned text table."""
    out = [
        f"{'corpus':<10}{'n':>5}{'P':>8}{'R':>8}{'F1':>8}{'acc@161 found':>15}{'acc@161 all':>13}"
        f"{'median km':>11}{'area-aware':>12}"
    ]
    for name, r in result["rows"].items():
        out.append(
            f"{name:<10}{int(r['n']):>5}{r['precision']:>8.4f}{r['recall']:>8.4f}{r['f1']:>8.4f}"
            f"{r['acc161_found']:>15.4f}{r['acc161_all']:>13.4f}{r['median_km']:>11.1f}"
            f"{r['acc_area_found']:>12.4f}"
        )
    policy = ", ".join(f"{c}: {'scored' if v else 'not annotated'}" for c, v in result["demonyms_scored"].items())
    out.append(
        f"(demonyms {policy}; {result['outlet_homes']} outlet home areas learned from the file; "
        f"{result['articles_per_second']} articles/s)"
    )
    out.append(
        "(area-aware: acc@161 found, also counting a country/admin1 reading whose area holds the gold point)"
    )
    return "\n".join(out)
