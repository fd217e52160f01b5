"""How near a candidate place lies to the places the article's other names were read as
(#27: a latitude-sorted search per pass, not a distance to every place per candidate)."""

from __future__ import annotations

import bisect
import math
from collections import defaultdict

from sitrep.places.gazetteer import Gazetteer


class Near:
    """Bonus for being near the places the other mentions were read as (other names than
    the mention's). The places sorted by latitude, in radians and with their cosines, once
    per pass: the nearest search runs for every candidate of every name."""

    def __init__(self, gaz: Gazetteer, picked: dict[int, set[str]], params: dict[str, float]) -> None:
        self.params = params
        self.rows = sorted((math.radians(gaz.lat[o]), math.radians(gaz.lon[o]), math.cos(math.radians(gaz.lat[o])), o) for o in picked)
        self.lats = [row[0] for row in self.rows]
        self.alone: dict[str, set[int]] = defaultdict(set)  # what a name leaves out: its own reading only
        for o, keys in picked.items():
            if len(keys) == 1:
                self.alone[next(iter(keys))].add(o)
        self.memo: dict[tuple[int, str], float] = {}

    def bonus(self, gaz: Gazetteer, rid: int, key: str) -> float:
        """The bonus for reading this mention (name ``key``) as ``rid``."""
        if gaz.feature(rid) not in ("city", "landmark", "admin2"):
            return 0.0
        got = self.memo.get((rid, key))
        if got is None:
            got = self.memo[(rid, key)] = _bonus(self.nearest_km(gaz, rid, self.alone.get(key, set())), self.params)
        return got

    def nearest_km(self, gaz: Gazetteer, rid: int, skip: set[int]) -> float:
        """The distance to the nearest place not in ``skip`` (haversine, inlined), or to one within 100 km."""
        la1, lo1 = math.radians(gaz.lat[rid]), math.radians(gaz.lon[rid])
        c1 = math.cos(la1)
        best_h = math.inf
        lats, rows, sin = self.lats, self.rows, math.sin
        hi = bisect.bisect_left(lats, la1)
        lo = hi - 1
        # Outward from rid's latitude, the nearer side first: the latitude gap only grows.
        while lo >= 0 or hi < len(rows):
            if hi < len(rows) and (lo < 0 or lats[hi] - la1 <= la1 - lats[lo]):
                la2, lo2, c2, o = rows[hi]
                hi += 1
            else:
                la2, lo2, c2, o = rows[lo]
                lo -= 1
            d = sin((la2 - la1) / 2) ** 2  # h is at least this
            if abs(la2 - la1) > 0.16 or d > best_h:
                break  # every place left is farther than ~1,000 km north or south, or than the best
            if o in skip:
                continue
            h = d + c1 * c2 * sin((lo2 - lo1) / 2) ** 2
            if h < best_h:
                best_h = h
                if _haversine_km(h) < 100:
                    break  # the best bonus (``_bonus``): no nearer place adds to it
        return math.inf if best_h == math.inf else _haversine_km(best_h)


def _haversine_km(h: float) -> float:
    return 12742.0 * math.asin(min(1.0, math.sqrt(h)))


def _bonus(best: float, params: dict[str, float]) -> float:
    if best < 100:
        return params["near100"]
    if best < 300:
        return params["near300"]
    if best < 1000:
        return params["near1000"]
    return 0.0
