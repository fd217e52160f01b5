"""The gazetteer index: load it once, look names up, read entries.

The index (built by :mod:`sitrep.places.build`) is a marisa trie of name keys,
memory-mapped, plus flat typed columns read with :mod:`array`: loading costs a
few tens of milliseconds and the pages the OS shares between processes.
"""

from __future__ import annotations

import json
import sys
from array import array
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import marisa_trie

from sitrep.errors import SitrepError

# ``feat`` holds the feature index in its low bits, then flags.
FEATURE_MASK, KNOWN, CAPITAL = 63, 64, 128
INDEX_DIR = Path(__file__).resolve().parent.parent / "data" / "gazetteer" / "index"
FEATURES = ("country", "admin1", "admin2", "city", "landmark", "region", "continent")

# How a key names an entry (lower is stronger): its own name, an alternate name,
# a curated alias, an alias that only counts in its exact case ("US"), a demonym.
KIND_NAME, KIND_ALT, KIND_ALIAS, KIND_EXACT, KIND_DEMONYM = 0, 1, 2, 3, 4
# Flags of a key that is also a common given name or surname (US Census lists).
PERSON_GIVEN, PERSON_SURNAME = 1, 2


@dataclass(frozen=True, slots=True)
class Entry:
    """One gazetteer entry."""

    rid: int
    geonameid: int | None
    name: str
    lat: float
    lon: float
    population: int
    feature: str
    capital: bool
    country_code: str
    admin1_key: str
    admin1: str
    admin2: str


class Gazetteer:
    """Read-only access to the built index."""

    def __init__(self, folder: Path = INDEX_DIR) -> None:
        try:
            meta = json.loads((folder / "meta.json").read_text())
            strings = json.loads((folder / "strings.json").read_text(encoding="utf-8"))
            self.trie = marisa_trie.Trie()
            self.trie.mmap(str(folder / "keys.marisa"))
            raw = (folder / "columns.bin").read_bytes()
            given = (folder / "given_names.txt").read_text().split()
        except (OSError, ValueError) as exc:
            raise SitrepError(
                f"gazetteer index missing or unreadable in {folder}: {exc}; "
                "rebuild it with `python -m sitrep.places.build`"
            ) from exc
        cols: dict[str, array[Any]] = {}
        for name, (code, offset, length) in meta["layout"].items():
            col: array[Any] = array(code)
            col.frombytes(raw[offset : offset + length * col.itemsize])
            if meta["byteorder"] != sys.byteorder:
                col.byteswap()
            cols[name] = col
        self.gid, self.lat, self.lon = cols["gid"], cols["lat"], cols["lon"]
        self.pop, self.feat, self.cc = cols["pop"], cols["feat"], cols["cc"]
        self.a1, self.a2 = cols["a1"], cols["a2"]
        self.offsets, self.postings, self.zipf = cols["offsets"], cols["postings"], cols["zipf"]
        self.person = cols["person"]
        self.given_names = frozenset(given)
        self.names: list[str] = strings["names"]
        self.countries: list[str] = strings["countries"]
        self.admin1_table: list[list[Any]] = strings["admin1"]
        self.admin2_names: list[str] = strings["admin2"]
        self.meta = meta
        self._a1_rid: dict[str, int] = {}
        self._a1_named: dict[tuple[str, str], str] = {}
        self.country_rid: dict[str, int] = {}
        self._capitals: dict[str, int] | None = None
        self._area_pop: list[int] | None = None
        for rid in range(len(self.feat)):
            if self.feat[rid] & FEATURE_MASK == 0:
                self.country_rid[self.countries[self.cc[rid]]] = rid

    def __len__(self) -> int:
        return len(self.names)

    def capital_rid(self, country_code: str) -> int | None:
        """The record of a country's capital city (the most populous one flagged so), if any."""
        if self._capitals is None:
            capitals: dict[str, int] = {}
            for rid in range(len(self.feat)):
                if self.feat[rid] & CAPITAL and self.feat[rid] & FEATURE_MASK == 3:
                    cc = self.countries[self.cc[rid]]
                    if cc not in capitals or self.pop[rid] > self.pop[capitals[cc]]:
                        capitals[cc] = rid
            self._capitals = capitals
        return self._capitals.get(country_code)

    def lookup(self, key: str) -> list[tuple[int, int]]:
        """Entries named by ``key``: (record id, how the key names it)."""
        kid = self.trie.get(key)
        if kid is None:
            return []
        return [(p >> 3, p & 7) for p in self.postings[self.offsets[kid] : self.offsets[kid + 1]]]

    def has_prefix(self, prefix: str) -> bool:
        """Whether some key starts with ``prefix``."""
        return next(self.trie.iterkeys(prefix), None) is not None

    def commonness(self, key: str) -> float:
        """How common ``key`` is as an English word (wordfreq Zipf scale, 0 if unknown)."""
        kid = self.trie.get(key)
        return 0.0 if kid is None else self.zipf[kid] / 10

    def person_flags(self, key: str) -> int:
        """PERSON_GIVEN / PERSON_SURNAME bits of a key (0 if neither or unknown)."""
        kid = self.trie.get(key)
        return 0 if kid is None else self.person[kid]

    def feature(self, rid: int) -> str:
        """Feature class of an entry."""
        return FEATURES[self.feat[rid] & FEATURE_MASK]

    def country(self, rid: int) -> str:
        """ISO country code of an entry ("" for continents and multi-country regions)."""
        return str(self.countries[self.cc[rid]])

    def admin1_key(self, rid: int) -> str:
        """The entry's admin1 as "CC.code" ("" if none)."""
        return str(self.admin1_table[self.a1[rid]][0])

    def area_population(self, rid: int) -> int:
        """The people of the towns inside the entry's admin1 area: how much an area of that
        name is talked of ("Florida" the state of 20 million, not the Puerto Rican municipio)."""
        if self._area_pop is None:
            city = FEATURES.index("city")
            area = [0] * len(self.admin1_table)
            for a1, feat, pop in zip(self.a1, self.feat, self.pop, strict=True):
                if feat & FEATURE_MASK == city:
                    area[a1] += pop
            self._area_pop = area
        return int(self._area_pop[self.a1[rid]])

    def admin1_rid(self, key: str) -> int | None:
        """Record id of the admin1 entry with this "CC.code" key (None if unknown)."""
        if not self._a1_rid:
            self._a1_rid = {str(row[0]): int(row[2]) for row in self.admin1_table if row[0]}
        return self._a1_rid.get(key)

    def admin1_key_named(self, country_code: str, name: str) -> str | None:
        """The "CC.code" key of the admin1 area called ``name`` in a country (None if unknown)."""
        if not self._a1_named:
            for row in self.admin1_table:
                if row[0]:
                    self._a1_named.setdefault((str(row[0]).split(".")[0], str(row[1])), str(row[0]))
        return self._a1_named.get((country_code, name))

    def entry(self, rid: int) -> Entry:
        """The full entry for a record id."""
        gid = self.gid[rid]
        a1 = self.admin1_table[self.a1[rid]]
        feature = self.feature(rid)
        return Entry(
            rid=rid,
            geonameid=gid if gid > 0 else None,
            name=self.names[rid],
            lat=round(float(self.lat[rid]), 5),
            lon=round(float(self.lon[rid]), 5),
            population=self.pop[rid],
            feature=feature,
            capital=bool(self.feat[rid] & CAPITAL),
            country_code=self.country(rid),
            admin1_key=str(a1[0]),
            admin1=str(a1[1]) if feature not in ("country", "continent") else "",
            admin2=self.admin2_names[self.a2[rid]],
        )


@lru_cache(maxsize=1)
def load() -> Gazetteer:
    """The shipped gazetteer, loaded once per process."""
    return Gazetteer()
