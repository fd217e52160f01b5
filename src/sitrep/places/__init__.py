"""Places: an offline geoparser over a GeoNames gazetteer shipped with the package.

``find_places(text)`` finds place names (a trie pass over the words, filtered by
context) and resolves each to one gazetteer entry (priors, containment hints,
the article's focus, nearness). See ``gazetteer``, ``recognize`` and ``resolve``.
"""

from __future__ import annotations

from sitrep.model import Place
from sitrep.places.cues import country_cues
from sitrep.places.gazetteer import KIND_DEMONYM, KIND_EXACT, Entry, Gazetteer, load
from sitrep.places.names import Token, key_of, tokenize
from sitrep.places.outlet import OutletHomes, outlet_key, url_mentions
from sitrep.places.recognize import Mention, candidates, select
from sitrep.places.resolve import resolve as resolve_mentions
from sitrep.places.vocab import CONNECTORS
from sitrep.rxfactor import compiled

__all__ = ["OutletHomes", "find_places", "find_places_in", "outlet_key"]

_OUT_FEATURE = {"continent": "region"}


def find_places(
    text: str, gaz: Gazetteer | None = None, *, url: str | None = None, home: str | None = None
) -> list[Place]:
    """Every place named in ``text``, resolved, in text order.

    ``url``, where known, adds the outlet's town and state as context; so does
    ``home``, the outlet's admin1 key as learned by ``OutletHomes``.
    """
    g = gaz if gaz is not None else load()
    tokens = tokenize(text)
    mentions = select(text, tokens, candidates(text, g, tokens), g)
    mentions += url_mentions(url, g)
    picks = resolve_mentions(text, mentions, g, home=home, cues=country_cues(text))
    out: list[Place] = []
    for i, m in enumerate(mentions):
        if m.context_only or i not in picks:
            continue
        e = g.entry(picks[i])
        out.append(
            Place(
                start=m.start,
                end=m.end,
                text=m.text,
                name=display_name(text, tokens, m, e),
                geonameid=e.geonameid,
                lat=e.lat,
                lon=e.lon,
                country_code=e.country_code,
                admin1=e.admin1,
                admin2=e.admin2 if e.feature in ("city", "admin2", "landmark") else "",
                feature=_OUT_FEATURE.get(e.feature, e.feature),
                adjectival=m.demonym,
                score=m.scores.get(picks[i], 0.0),
            )
        )
    return capitals(text, out, g)


# "the Afghan capital": a country's capital named by its office. Not "the Afghan capital of
# Kabul" or "the Afghan capital, Kabul" (the town is named), nor money ("the Greek capital markets").
_THE_CAPITAL = compiled(
    r"\b[Tt]he\s+[A-Z][\w-]+\s+(?P<word>capital)(?:\s+city)?\b"
    r"(?!\s+(?:of|markets?|gains?|requirements?|flight|controls?|expenditures?|spending|base|ratios?|reserves?|injections?|account|costs?|investment|punishment|letters?)\b)(?!,\s+[A-Z])"
)


def capitals(text: str, places: list[Place], g: Gazetteer) -> list[Place]:
    """``places`` with "the Greek capital" read as Athens: the capital city of the demonym's country."""
    if "capital" not in text:
        return places
    found: list[Place] = []
    for m in _THE_CAPITAL.finditer(text):
        start = m.start("word")
        # "the Afghan capital", "the French capital": the demonym's country. (A bare "the capital"
        # is left alone: which country's, the text says elsewhere.)
        owner = next((p for p in places if m.start() <= p.start and p.end <= start and p.feature == "country" and p.country_code), None)
        code = owner.country_code if owner else None
        rid = g.capital_rid(code) if code else None
        if rid is None:
            continue
        e = g.entry(rid)
        found.append(
            Place(
                start=start, end=m.end("word"), text=text[start : m.end("word")], name=e.name, geonameid=e.geonameid,
                lat=e.lat, lon=e.lon, country_code=e.country_code, admin1=e.admin1, admin2=e.admin2, feature=e.feature,
            )
        )  # fmt: skip
    return sorted(places + found, key=lambda p: p.start) if found else places


_WORD = compiled(r"[^\W\d_]+")
_LOWER_INSIDE = CONNECTORS | {"i", "e", "ye", "yi"}
_PLAIN_QUOTES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'"})


def display_name(text: str, tokens: list[Token], m: Mention, e: Entry) -> str:
    """The name to show for a place: as the article spells it ("Mazar-i-Sharif", "Lashkar
    Gah"), else the gazetteer's English conventional name with no transliteration marks.

    The gazetteer's name is shown for an abbreviation ("U.S.", "Ga."), a demonym ("Afghan"),
    and an admin1 area, which is always named as ACLED and the region name it ("Wardak" for
    "Vardak province") so that a province and the towns inside it agree. A name written in
    capitals ("KABUL" in a dateline) is shown in ordinary case.
    """
    kind = next((k for rid, k in m.entries if rid == e.rid), KIND_EXACT)
    if m.demonym or kind in (KIND_DEMONYM, KIND_EXACT) or e.feature == "admin1" or not 0 < m.last <= len(tokens):
        return e.name
    # Typographic apostrophes are typography, not spelling: "Martyrs’ Square" -> "Martyrs' Square".
    written = " ".join(text[m.start : tokens[m.last - 1].end].split()).translate(_PLAIN_QUOTES)
    if not written or written[:1].islower():
        return e.name
    if written.isupper() and len(written) > 3:
        if key_of(tokenize(e.name)) == m.key:
            return e.name
        words = list(_WORD.finditer(written.lower()))
        out = list(written.lower())
        for i, w in enumerate(words):
            if i == 0 or w.group() not in _LOWER_INSIDE:
                out[w.start()] = out[w.start()].upper()
        return "".join(out)
    return written


def find_places_in(
    fields: list[tuple[str, str]],
    gaz: Gazetteer | None = None,
    *,
    url: str | None = None,
    home: str | None = None,
) -> list[Place]:
    """Places in several texts of one article (body, title, captions), resolved together.

    Each place's ``field`` names its text and its offsets refer to that text; the
    texts share one context, so a caption's "Kandahar province" helps the body.
    """
    parts: list[str] = []
    spans: list[tuple[str, int, int]] = []
    pos = 0
    for name, text in fields:
        if not text:
            continue
        spans.append((name, pos, pos + len(text)))
        parts.append(text)
        pos += len(text) + 2
    out: list[Place] = []
    for place in find_places("\n\n".join(parts), gaz, url=url, home=home):
        for name, start, end in spans:
            if start <= place.start < end:
                place.start -= start
                place.end -= start
                place.field = name
                out.append(place)
                break
    return out
