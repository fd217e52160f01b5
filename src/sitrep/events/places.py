"""Country names for actor names (in ACLED's spelling where it differs from GeoNames), and capitals."""

from __future__ import annotations

from functools import lru_cache

from sitrep.model import Place
from sitrep.rxfactor import compiled

# ACLED writes these countries differently from GeoNames.
_ACLED_NAMES = {
    "CD": "Democratic Republic of Congo", "CG": "Republic of Congo", "PS": "Palestine",
    "KR": "South Korea", "KP": "North Korea", "RU": "Russia", "SY": "Syria", "IR": "Iran",
    "LA": "Laos", "VN": "Vietnam", "BO": "Bolivia", "VE": "Venezuela", "TZ": "Tanzania",
    "MD": "Moldova", "TR": "Turkey", "CI": "Ivory Coast", "CV": "Cape Verde", "SZ": "eSwatini",
    "MM": "Myanmar", "US": "United States", "GB": "United Kingdom", "CZ": "Czech Republic",
    "MK": "North Macedonia", "TL": "East Timor", "BN": "Brunei", "FM": "Micronesia", "NL": "Netherlands",
}  # fmt: skip


@lru_cache(maxsize=512)
def country_name(code: str) -> str:
    """The country's name for an ISO alpha-2 code (ACLED's spelling where it has one)."""
    if code in _ACLED_NAMES:
        return _ACLED_NAMES[code]
    from sitrep.places.gazetteer import load

    gaz = load()
    rid = gaz.country_rid.get(code)
    return gaz.names[rid] if rid is not None else code


@lru_cache(maxsize=512)
def is_capital(name: str, geonameid: int | None) -> bool:
    """Whether the gazetteer entry named ``name`` with this GeoNames id is a national capital."""
    from sitrep.places.gazetteer import load

    gaz = load()
    return geonameid is not None and any(
        gaz.entry(rid).geonameid == geonameid and gaz.entry(rid).capital for rid, _ in gaz.lookup(name.lower())
    )


def is_bureau(name: str, geonameid: int | None) -> bool:
    """Whether a dateline's town is where agencies keep a bureau: a national capital or a city
    of a million or more ("YANGON", "KARACHI"), not a town a reporter travelled to."""
    from sitrep.places.gazetteer import load

    gaz = load()
    return geonameid is not None and any(
        (e := gaz.entry(rid)).geonameid == geonameid and (e.capital or e.population >= 1_000_000) for rid, _ in gaz.lookup(name.lower())
    )


# "U.S. troops", "U.S.-led forces": a country's name used as a modifier names whose, not where.
_MODIFIES = compiled(
    r"(?:-[a-z]|\s+(?!(?:and|or|but|nor|on|in|at|to|for|from|with|by|of|as|has|have|had|is|are|was|were|will|would|"
    r"could|can|may|said|says|say|which|who|that|this|these|since|after|before|over|under|into|against|the|a|an|while|where|"
    r"when|last|earlier|later|itself|alone|again|also|did|does|do|not|if|than|until|about|through|during|because)\b)[a-z])"
    # "U.S. Army Black Hawk helicopters", "the U.S. Embassy in Nairobi": a state's body, capitalised
    r"|\s+(?:Army|Navy|Air\s+Force|Marines?|Rangers|Special\s+Forces|Coast\s+Guard|National\s+Guard|Embassy|Consulate|Congress|Senate|"
    r"State\s+Department|Defen[cs]e\s+(?:Department|Ministry)|Foreign\s+Ministry|Justice\s+Department|Treasury|Ambassador|Secretary|President)\b"
)


def attributive(text: str, p: Place) -> bool:
    """Whether a country's name stands before a noun as a modifier ("U.S. troops", "U.S.-led"):
    it tells whose troops, not where the story happens."""
    return p.feature == "country" and not p.adjectival and _MODIFIES.match(text, p.end) is not None
