"""Find place-name mentions in text: a trie pass over the words, then context filters."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from sitrep.places.gazetteer import (
    KIND_ALT,
    KIND_DEMONYM,
    KIND_EXACT,
    PERSON_GIVEN,
    PERSON_SURNAME,
    Gazetteer,
)
from sitrep.places.names import Token, key_of, tokenize
from sitrep.places.not_places import (
    inside_firm_names,
    inside_group_names,
    inside_not_places,
    not_places,
)
from sitrep.places.persons import person_keys
from sitrep.places.variants import respelt
from sitrep.places.vocab import (
    CONNECTORS,
    HEAD_WORDS,
    NOT_ALONE,
    PLACE_MODIFIERS,
    PLACE_PREPS,
    SPEECH,
    TITLES,
    TYPE_AFTER,
)
from sitrep.places.vocab import capitalised as _capitalised
from sitrep.places.vocab import sentence_initial as _sentence_initial
from sitrep.rxfactor import compiled

MAX_WORDS = 8
# "the port of Mokha", "the outskirts of Gao": the word before "of" says a place follows.
_TYPE_OF = {
    "city": "city", "town": "city", "village": "city", "capital": "city", "port": "city", "suburb": "city",
    "outskirts": "city", "province": "admin1", "district": "admin2",
}
# Verbs after "the X" that make X an agent, not a place ("the Ins said", "the Ins has").
_AGENT_VERBS = frozenset({"was", "were", "is", "are", "has", "had", "have", "will", "would", "announced", "reported", "denied", "confirmed"})
_APPOSITION = compiled(
    r",\s+(?:the|a|an|his|her)\s+(?:[\w.'’-]+\s+){0,2}?(?:"
    r"ambassador|envoy|president|minister|spokes(?:man|woman|person)|official|leader|commander|general|"
    r"secretary|director|chief|governor|senator|mayor|suspect|victim|lawyer|judge|prosecutor|officer|"
    r"diplomat|chairman|head|founder|owner|professor|reporter|correspondent)\b",
    re.IGNORECASE,
)
_WEAPON_AFTER = frozenset({
    "helicopter", "helicopters", "gunship", "gunships", "jet", "jets", "fighter", "fighters", "bomber", "bombers", "missile",
    "missiles", "rocket", "rockets", "tank", "tanks", "rifle", "rifles", "drone", "drones", "aircraft", "warplane", "warplanes",
})
# "The Falcon 50 jet", "a Tupolev 154 airliner": a model's name and number, not the state Falcon.
_MODEL_AFTER = compiled(r"\s+\d{1,4}[A-Z]?\s+(?:jets?|aircraft|planes?|airliners?|helicopters?|bombers?|fighters?|tanks?|rifles?|missiles?)\b", re.IGNORECASE)
_AIRLINE_WORDS = frozenset({"Air", "Airlines", "Airline", "Airways"})
_AIR_BASE = compiled(r"\s+(?:Base|Force|Field|Station|Strip|Port|Defen[cs]e)\b")
_WEAPON_BRACKET = compiled(r"\)\s+(?:missiles?|rockets?|launchers?|systems?)\b", re.IGNORECASE)
_WATER_AFTER = frozenset({"River", "Sea", "Lake", "Canal", "Creek", "Strait", "Lagoon", "Estuary"})
_NAME_TAILS = frozenset({"point", "bay", "beach", "hill", "hills", "island", "falls", "harbor", "harbour", "junction", "creek", "ridge", "valley", "springs", "heights", "park", "gardens", "cove"})
_QUARTER_WORDS = frozenset({"district", "area", "neighborhood", "neighbourhood", "quarter", "suburb", "township", "village", "camp", "slum", "market"})
# "shortly before midnight ..., or early Saturday morning Beijing time", "5 a.m. Moscow time": a clock's zone.
_CLOCK_BEFORE = compiled(r"\b(?:a\.m\.|p\.m\.|am|pm|midnight|noon|morning|evening|afternoon|night|dawn|\d{1,2}[:.]\d\d|\d{4}|GMT)\W*$", re.IGNORECASE)
_FEATURE_HEADS = frozenset({"Lake", "Mount", "Mt", "River", "Gulf", "Bay", "Cape", "Strait", "Straits", "Lac", "Mont", "Monte", "Rio"})
_VESSEL_BEFORE = compiled(
    r"\b(?:ship|vessel|(?:super)?tanker|freighter|yacht|trawler|dhow|ferry|liner|frigate|warship|destroyer|cruiser|"
    r"corvette|carrier|submarine|gunboat|aircraft carrier)s?,?\s+(?:the\s+)?(?:(?:INS|USS|HMS|MV|MS|SS|RFS|HMAS|HMCS)\s+)?$",
    re.IGNORECASE,
)
# The gaps allowed between the words of one name.
_GAP_OK = compiled(r"^(?:[ \u00a0]|\s?-\s?|\.\s?|['’]\s)$")



@dataclass(slots=True)
class Mention:
    """A candidate place-name span with the gazetteer entries it may name."""

    start: int
    end: int
    text: str
    key: str
    entries: list[tuple[int, int]]  # (record id, how the key names it)
    first: int  # token index
    last: int  # token index, exclusive
    sentence_initial: bool = False
    type_hint: str | None = None  # "admin1", "city", ... from the words around it
    prep_before: bool = False
    demonym: bool = False
    context_only: bool = False  # a clue from outside the text (the URL): steers, never output
    scores: dict[int, float] = field(default_factory=dict)


def _gap(text: str, a: Token, b: Token) -> str:
    return text[a.end : b.start]


def candidates(text: str, gaz: Gazetteer, tokens: list[Token] | None = None, respell: bool = True) -> list[Mention]:
    """Longest gazetteer matches, left to right, on capitalised words; with ``respell``, also a
    town the text spells another way in a place's slot (:mod:`sitrep.places.variants`)."""
    toks = tokens if tokens is not None else tokenize(text)
    out: list[Mention] = []
    i, n = 0, len(toks)
    while i < n:
        if not _capitalised(toks[i]):
            i += 1
            continue
        best: tuple[int, str, list[tuple[int, int]]] | None = None
        j = i + 1
        lower = False
        while j <= n and j - i <= MAX_WORDS:
            last = toks[j - 1]
            if j - 1 > i:
                if not _GAP_OK.match(_gap(text, toks[j - 2], last)):
                    break
                if not (_capitalised(last) or last.key in CONNECTORS or last.izafe):
                    # lower-case words of a curated name: "the Beach refugee camp"
                    if not gaz.has_prefix(key_of(toks[i:j])):
                        break
                    lower = True
            if last.izafe and j - 1 > i:
                stem = key_of(toks[i : j - 1])
            else:
                stem = key_of(toks[i:j])
                if _capitalised(last) or lower:
                    hits = gaz.lookup(stem)
                    if lower:  # (only a curated name holds lower-case words; "Kitaf wa Al Boqee" stays Kitaf)
                        hits = [h for h in hits if gaz.feature(h[0]) in ("landmark", "region")]
                    if hits:
                        best = (j, stem, hits)
            if not gaz.has_prefix(stem + " "):
                break
            j += 1
        if best is None:
            i += 1
            continue
        j, key, hits = best
        start, end = toks[i].start, toks[j - 1].end
        raw = text[start:end]
        # An abbreviation written with stops keeps its last stop ("U.S.", "W.Va.").
        if end < len(text) and text[end] == "." and (len(toks[j - 1].raw) <= 3):
            gaps = [_gap(text, toks[k], toks[k + 1]) for k in range(i, j - 1)]
            if j - i > 1 and all(g.strip() == "." for g in gaps):
                end += 1
                raw = text[start:end]
        with_stop = raw + "." if text[end : end + 1] == "." and not raw.endswith(".") else raw
        exact = [h for h in hits if h[1] != KIND_EXACT or raw in exact_forms() or with_stop in exact_forms()]
        if with_stop != raw and any(h[1] == KIND_EXACT and with_stop in exact_forms() for h in exact):
            end, raw = end + 1, with_stop
        if exact:
            out.append(Mention(start, end, raw, key, exact, i, j))
        i = j
    if respell:
        out = sorted([*out, *_respelt(text, toks, out, gaz)], key=lambda m: m.start)
    for m in out:
        _context(text, toks, m)
    return out


def _respelt(text: str, toks: list[Token], found: list[Mention], gaz: Gazetteer) -> list[Mention]:
    """One-word towns the text spells otherwise than the gazetteer, in a country it names."""
    covered = {k for m in found for k in range(m.first, m.last)}
    countries = {gaz.country(rid) for m in found for rid, _ in m.entries if gaz.feature(rid) == "country"}
    return [Mention(toks[k].start, toks[k].end, toks[k].raw, toks[k].key, hits, k, k + 1) for k, hits in respelt(text, toks, covered, countries, gaz)]


@lru_cache(maxsize=1)
def exact_forms() -> frozenset[str]:
    """Aliases that count only as written ("US", "Ga.", "Ill."), from aliases.tsv."""
    path = resources.files("sitrep") / "data" / "gazetteer" / "aliases.tsv"
    out = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) >= 4 and parts[3] == "exact" and not line.startswith("#"):
            out.add(parts[0])
            out.add(parts[0].replace(". ", "."))
    return frozenset(out)


# A town's apposition after its name, and a bearing before it: place words.
_TOWN_APPOSITION = compiled(r",\s+the\s+(?:[\w'’-]+\s+){0,3}?(?:city|town|capital|port|village)\b(?!['’]s|\s+of\b)")
_OF_NEXT = compiled(r"\s+of\s")
_DIRECTION_OF = compiled(r"\b(?:north|south|east|west|northeast|northwest|southeast|southwest|north-east|north-west|south-east|south-west)\s+of\s+$", re.IGNORECASE)


def _context(text: str, toks: list[Token], m: Mention) -> None:
    m.sentence_initial = _sentence_initial(text, m.start)
    m.demonym = all(kind == KIND_DEMONYM for _, kind in m.entries)
    if m.last < len(toks):
        nxt = toks[m.last]
        if _gap(text, toks[m.last - 1], nxt) == " " and nxt.raw in ("camp", "camps", "refugee") and (nxt.raw != "refugee" or (m.last + 1 < len(toks) and toks[m.last + 1].raw.startswith("camp"))):
            m.type_hint = "city"  # "the Bureij refugee camp": a camp is named for its town
        elif nxt.key in TYPE_AFTER and _gap(text, toks[m.last - 1], nxt).strip() == "" and not _OF_NEXT.match(text, nxt.end):
            # ("the Mozambique town of Palma": the town is the one after "of")
            m.type_hint = TYPE_AFTER[nxt.key]
            if (m.type_hint in ("admin1", "admin2") and nxt.raw.islower()) or nxt.raw in ("Province", "District", "Prefecture"):
                m.end = nxt.end  # "Kandahar province" is one place
                m.text = text[m.start : m.end]
    if m.type_hint is None and _TOWN_APPOSITION.match(text, m.end):
        m.type_hint = "city"  # "Stepanakert, the enclave's main city"
    if m.first > 0:
        prev = toks[m.first - 1]
        gap = _gap(text, prev, toks[m.first])
        if (prev.key in PLACE_PREPS and prev.raw.islower() and gap.strip() in ("", "the")) or _DIRECTION_OF.search(text, max(0, m.start - 24), m.start):
            m.prep_before = True  # ("15 km south of Stepanakert": a place, however far)
        if prev.key == "of" and m.first > 1 and toks[m.first - 2].raw.lower() in _TYPE_OF:
            m.type_hint = _TYPE_OF[toks[m.first - 2].raw.lower()]  # (raw: the key of "port" is "pt")


def _given_and_surname(text: str, toks: list[Token], m: Mention, gaz: Gazetteer, starts: dict[int, Mention]) -> bool:
    """Whether the one-word mention is a given name with a surname after it, or a surname with
    a given name before it, each standing alone as a name (no country or province)."""
    pairs = []
    if m.first > 0 and (m.first - 1) in starts:
        pairs.append((toks[m.first - 1], toks[m.first], starts[m.first - 1]))
    if m.last < len(toks) and m.last in starts:
        pairs.append((toks[m.last - 1], toks[m.last], starts[m.last]))
    for given, surname, other in pairs:
        if (
            text[given.end : surname.start] == " " and _capitalised(given) and _capitalised(surname)
            and other.last - other.first == 1 and not _area(other, gaz)
            and gaz.person_flags(given.key) & PERSON_GIVEN and gaz.person_flags(surname.key) & PERSON_SURNAME
        ):  # fmt: skip
            return True
    return False


def _strong(m: Mention, gaz: Gazetteer) -> bool:
    """Named as a country, admin1, continent or curated place, or a city of 100k+."""
    for rid, kind in m.entries:
        if kind == KIND_ALT:
            continue
        feature = gaz.feature(rid)
        if feature in ("country", "admin1", "continent", "landmark", "region"):
            return True
        if feature == "city" and gaz.pop[rid] >= 100_000:
            return True
    return False


def _area(m: Mention, gaz: Gazetteer) -> bool:
    """Named as a country, admin1 area or continent (never a person's name in news)."""
    return any(
        gaz.feature(rid) in ("country", "admin1", "continent") and kind != KIND_ALT for rid, kind in m.entries
    )



def select(text: str, toks: list[Token], mentions: list[Mention], gaz: Gazetteer) -> list[Mention]:
    """The candidates that read as places in their context."""
    persons = person_keys(text, toks, gaz)
    starts = {m.first: m for m in mentions}
    inside = inside_not_places(toks) | inside_firm_names(text, toks)
    # "the Tupac Amaru Revolutionary Movement": a town's name opening a group's is the group's,
    # there and wherever else the article uses it ("Tupac Amaru prisoners"); a country stays.
    grouped = inside_group_names(text, toks)
    groups = {m.key for m in mentions if not m.demonym and not _area(m, gaz) and any(i in grouped for i in range(m.first, m.last))}
    return [
        m
        for m in mentions
        if _keep(text, toks, m, gaz, persons, starts)
        and not (m.type_hint is None and any(i in inside for i in range(m.first, m.last)))
        and not (m.type_hint is None and m.key in groups)
    ]


# What a leader's name heads: "the Bush administration", "the Clinton years".
_TENURE = frozenset({"administration", "administrations", "presidency", "era", "doctrine", "years", "cabinet"})
# Lower-case links inside a Romance name: "Stade de France", "Plaza del Sol".
_NAME_LINKS = frozenset({"de", "du", "des", "del", "della", "di", "da", "do", "dos", "das"})
# Words after a name that make it a family's or an armed unit's, not a town's ("the Azov regiment"),
# (or a people's: "members of Kibaki's Kikuyu tribe", "the Kikuyu ethnic group")
_KIN = frozenset({"family", "families", "clan", "clans", "brothers", "household", "regiment", "battalion", "battalions", "brigade", "brigades", "legion", "tribe", "tribes", "tribesmen", "tribespeople", "ethnic"})
# Arabic name particles after a given name: "Hassan Abu Askar", "Osama bin Laden".
_NAME_PARTICLE = frozenset({"abu", "bin", "ibn", "ben", "bint"})
# Lower-case particles inside personal names, before the surname.
_PARTICLES_BEFORE = frozenset({"arap", "bin", "ibn", "bint", "abu", "al", "el", "van", "von", "da", "di", "du", "dos", "das", "del", "della", "ould", "wa", "ag", "ter", "ten"})
# The Arabic article joined to a name by a hyphen: "Souk el-Gharb", "Ramlet al-Baida".
_ARABIC_ARTICLES = frozenset({"al", "el", "ad", "ed", "ar", "er", "as", "es", "ash", "esh", "at", "an", "az", "ez"})
_AGE_AFTER = compiled(r",\s*\d{1,2},")
# A city that opens a clause and decides or speaks is its government: "Tel Aviv decided to allow".
_GOVERNMENT_VERB = compiled(
    r"\s+(?:(?:has|had|also|later|then|quickly|swiftly)\s+)?(?:decided|announced|agreed|accused|warned|insisted|denied|rejected|responded|retaliated|"
    r"threatened|vowed|urged|demanded|blamed|condemned|refused|approved|authori[sz]ed|insists|denies|says|said|wants|hopes|fears)\b"
)
_SUBJECT_OPENING = compiled(r"(?:^|[.;:!?]\s+|,\s+|\b(?:and|but|while|that|as)\s+)$")


def _person_or_family(text: str, toks: list[Token], m: Mention, nxt: Token | None) -> bool:
    """A person's name ("Abed Sultan, 20,", "Hassan Abu Askar") or a family ("the Daya family"),
    not the place."""
    if _AGE_AFTER.match(text, toks[m.last - 1].end):
        return True
    if nxt is None or text[toks[m.last - 1].end : nxt.start] != " ":
        return False
    if nxt.key in _KIN:
        return True
    return nxt.key in _NAME_PARTICLE and _capitalised(nxt)


def _keep(
    text: str, toks: list[Token], m: Mention, gaz: Gazetteer, persons: set[str], starts: dict[int, Mention]
) -> bool:
    prev = toks[m.first - 1] if m.first > 0 else None
    nxt = toks[m.last] if m.last < len(toks) else None
    strong = _strong(m, gaz)
    single = m.last - m.first == 1
    if single and m.key in NOT_ALONE:
        return False
    # Part of a hyphenated name that is not a place ("Wal-Mart", "Webb-Lawton").
    if nxt is not None and text[toks[m.last - 1].end : nxt.start] == "-" and _capitalised(nxt) and m.last not in starts:
        return False
    if prev is not None and text[prev.end : toks[m.first].start] == "-" and _capitalised(prev) and len(prev.raw) > 1:
        return False
    next_name = (
        nxt is not None
        and _capitalised(nxt)
        and text[toks[m.last - 1].end : nxt.start] == " "
        and nxt.key not in HEAD_WORDS
        and nxt.key not in NOT_ALONE  # ("the town of Talodi Thursday": a day, not a surname)
        and not (m.last in starts and _strong(starts[m.last], gaz))
    )
    if m.demonym:
        return True
    if _person_or_family(text, toks, m, nxt):
        return False
    if not any(gaz.feature(rid) == "country" and kind != KIND_ALT for rid, kind in m.entries) and _GOVERNMENT_VERB.match(text, toks[m.last - 1].end) and _SUBJECT_OPENING.search(text, max(0, toks[m.first].start - 12), toks[m.first].start):
        return False  # "Tel Aviv decided to allow a corridor", "Moscow said": a government speaking (a country stays: "its forces")
    # "Secretary of State Hillary Clinton", "the Bush administration": a title or a leader's
    # name, not the small towns so named.
    if single and not _area(m, gaz) and not strong and (
        (m.key in TITLES and m.key != "st" and _capitalised(toks[m.first]))
        or (nxt is not None and nxt.key in _TENURE and text[toks[m.last - 1].end : nxt.start] == " ")
    ):  # fmt: skip
        return False
    # "Stade de France", "Gare du Nord": the first word of a longer name the gazetteer lacks.
    if (
        single and nxt is not None and nxt.raw in _NAME_LINKS and m.last + 1 < len(toks)
        and _capitalised(toks[m.last + 1]) and text[toks[m.last - 1].end : nxt.start] == " " and not _area(m, gaz)
    ):  # fmt: skip
        return False
    # "the La Belle Equipe bar": an article before a name that opens with its own is a venue's.
    # ("launch another attack, this time on La Belle Equipe bar": another capitalised word goes on with it)
    if ((prev is not None and prev.raw == "the") or next_name) and toks[m.first].raw in ("La", "Le", "Les", "El", "Il", "Los", "Las") and not strong:
        return False
    # "Lake Victoria", "Mount Elgon": a lake or mountain the gazetteer lacks, not the state or
    # town that shares the rest of its name (a whole name it holds, "Lake Chad", is read whole).
    if prev is not None and prev.raw in _FEATURE_HEADS and text[prev.end : toks[m.first].start] == " ":
        return False
    # "two U.S. Army Black Hawk helicopters", "Scud missiles": a weapon's model, not the small town so named.
    if single and m.key in _NAME_TAILS and prev is not None and _capitalised(prev) and text[prev.end : toks[m.first].start] == " ":
        return False  # "the U.S. Embassy compound at Mamba Point": the tail of a longer name, not a town called Point
    if single and nxt is not None and nxt.raw in ("Center", "Centre") and text[toks[m.last - 1].end : nxt.start] == " " and not strong and not _area(m, gaz):
        return False  # "police headquarters at Parker Center": a building named after someone, not the town Parker
    if nxt is not None and (nxt.raw.lower() in _WEAPON_AFTER or _MODEL_AFTER.match(text, toks[m.last - 1].end)) and text[toks[m.last - 1].end : nxt.start] == " " and not strong and not _area(m, gaz):
        return False
    if nxt is not None and nxt.key == "time" and text[toks[m.last - 1].end : nxt.start] == " " and _CLOCK_BEFORE.search(text, max(0, toks[m.first].start - 16), toks[m.first].start):
        return False  # "early Saturday morning Beijing time": a clock's zone, not where anything happened
    # "the southern bank of the Sunzha River": a river or a sea the gazetteer lacks, not the town so named.
    if nxt is not None and nxt.raw in _WATER_AFTER and text[toks[m.last - 1].end : nxt.start] == " " and not _area(m, gaz):
        return False
    # "a Saudi supertanker, the Sirius Star", "the frigate INS Tabar": a vessel's name; right after
    # the vessel ("the missile frigate Linyi", "the US warship Vincennes"), even a city's.
    if (vessel := _VESSEL_BEFORE.search(text, max(0, toks[m.first].start - 40), toks[m.first].start)) and (not strong or "," not in vessel.group()):
        return False
    # "an Iran Air Airbus", "Malaysia Airlines flight MH17", "Air France": an airline, not where its plane was
    if (nxt is not None and nxt.raw in _AIRLINE_WORDS and text[toks[m.last - 1].end : nxt.start] == " " and not _AIR_BASE.match(text, nxt.end)) or (
        prev is not None and prev.raw == "Air" and text[prev.end : toks[m.first].start] == " "
    ):
        return False
    # "an SA-11 (Buk) missile", "the Vietnam War": a weapon's or a war's name, not the town or land
    if (text[toks[m.first].start - 1 : toks[m.first].start] == "(" and _WEAPON_BRACKET.match(text, toks[m.last - 1].end)) or (
        nxt is not None and nxt.raw == "War" and text[toks[m.last - 1].end : nxt.start] == " "
    ):
        return False
    # "stormed a McDonald's": a shop named after someone, not the town.
    if (
        prev is not None and prev.key in ("a", "an", "the") and text.startswith(("'s", "’s"), toks[m.last - 1].end)
        and not _area(m, gaz)
    ):  # fmt: skip
        return False
    # A lower-case name particle after a name: a surname ("Daniel arap Moi", "Osama bin Laden").
    if (
        prev is not None and m.first > 1 and prev.key in _PARTICLES_BEFORE and not _capitalised(prev)
        and _capitalised(toks[m.first - 2]) and text[toks[m.first - 2].end : toks[m.first].start] == f" {text[prev.start : prev.end]} "
        and not _area(m, gaz)
    ):  # fmt: skip
        return False
    # "Souk el-Gharb", "Ramlet al-Baida": the tail of a longer Arabic name the gazetteer lacks
    # (or a person's, "Mohammed al-Baida"), not the town or province named by the tail alone.
    if (
        prev is not None and m.first > 1 and prev.key in _ARABIC_ARTICLES and not _capitalised(prev)
        and text[prev.end : toks[m.first].start] == "-" and _capitalised(toks[m.first - 2])
        and text[toks[m.first - 2].end : prev.start] == " "
    ):  # fmt: skip
        return False
    # Titles and given names before it: a person ("Gen. Washington", "Denzel Washington").
    if prev is not None and text[prev.end : toks[m.first].start] in (" ", ". "):
        if prev.key in TITLES and _capitalised(prev):
            return False
        if (
            _capitalised(prev)
            and not _sentence_initial(text, prev.start)
            and prev.key not in PLACE_MODIFIERS
            and prev.key not in CONNECTORS
            and text[prev.end : toks[m.first].start] == " "
            and (m.first - 1) not in starts
        ):
            return False
        if (
            len(prev.raw) == 1 and prev.raw.isupper() and text[prev.end : toks[m.first].start] == ". "
            and m.first > 1 and _capitalised(toks[m.first - 2]) and text[toks[m.first - 2].end : prev.start] == " "
            and not _area(m, gaz)
        ):  # fmt: skip
            return False  # a middle initial before it: "George W. Bush", "John F. Kennedy"
    context = m.prep_before or m.type_hint is not None
    flags = gaz.person_flags(m.key) if single else 0
    if single and not _area(m, gaz) and _given_and_surname(text, toks, m, gaz, starts):
        return False  # "George Bush": a given name and a surname, though each names a town
    # A capitalised word after it that is not a place head: a name ("Jordan Peterson"); a
    # known first or last name after even a big town's name makes a person ("Hassan Omar").
    if next_name and single and (not strong or flags & PERSON_GIVEN or text.startswith(("'s", "’s"), nxt.end)):  # type: ignore[union-attr]
        return False  # (even a big town's name before "Putin's": "Vladimir Putin's invasion")
    if next_name and single and not _area(m, gaz) and (
        (m.last + 1 < len(toks) and toks[m.last + 1].key in _QUARTER_WORDS)
        or re.search(rf"\b{re.escape(toks[m.first].raw)} {re.escape(nxt.raw)} (?:{'|'.join(_QUARTER_WORDS)})\b", text) is not None  # type: ignore[union-attr]
    ):  # fmt: skip
        # "the Batu Merah district" of Ambon (and "a bus terminal in Batu Merah" after it): a
        # two-word name the gazetteer lacks, not the town Batu
        return False
    if (
        single and nxt is not None and _capitalised(nxt) and text[toks[m.last - 1].end : nxt.start] == " "
        and gaz.person_flags(nxt.key) and nxt.key not in HEAD_WORDS and gaz.commonness(nxt.key) < 4.0
        and not (m.last in starts and _strong(starts[m.last], gaz))
        and not _area(m, gaz)
    ):  # fmt: skip
        return False
    # "the Immigration and Naturalization Service (INS)": an agency's initials, not a town.
    name = text[toks[m.first].start : toks[m.last - 1].end]
    # "Bushnell, the ambassador, was injured": a name with its role in apposition is a person.
    if single and not _area(m, gaz) and _APPOSITION.match(text, toks[m.last - 1].end):
        return False
    # "the Ins said": a small town's name after "the" is an agency's or a thing's.
    if (
        single and prev is not None and prev.key == "the" and not _strong(m, gaz)
        and nxt is not None and (nxt.key in SPEECH or nxt.key in _AGENT_VERBS)
        and all(gaz.feature(rid) == "city" and gaz.pop[rid] < 20_000 for rid, _ in m.entries)
    ):  # fmt: skip
        return False
    # "a SWAT team": short capitals amid lower-case words are initials, unless they name a
    # country or a province ("the DRC", "UAE").
    if (
        single and name.isupper() and len(name) <= 4 and not _area(m, gaz)
        and nxt is not None and text[nxt.start : nxt.end].islower()
    ):  # fmt: skip
        return False
    if (
        name.isupper() and len(name) <= 6 and text[toks[m.first].start - 1 : toks[m.first].start] == "("
        and text[toks[m.last - 1].end : toks[m.last - 1].end + 1] == ")" and not _area(m, gaz)
    ):  # fmt: skip
        return False
    if m.key in not_places() and m.type_hint is None:
        return False
    # Known only as another spelling of a small place, and nothing says it is a place.
    if not context and all(k == KIND_ALT and gaz.pop[r] < 50_000 for r, k in m.entries):
        return False
    if single and m.key in persons and (not context or text.startswith(("'s", "’s"), toks[m.last - 1].end)):
        return False  # (a person's name after "of" is still his: "because of Romney's criticism")
    if not strong and not context and flags & PERSON_GIVEN:
        return False
    if flags and not context and nxt is not None and nxt.key in SPEECH and not _area(m, gaz):
        return False  # "Nelson said"
    if m.first > 1 and toks[m.first - 2].key == "according" and flags and not _area(m, gaz):
        return False  # "according to Taylor"
    if single and m.sentence_initial and gaz.commonness(m.key) >= 5.0 and not _area(m, gaz):
        return False  # "Man arrested ..."
    common = gaz.commonness(m.key)
    if common >= 4.0 and not strong and (m.sentence_initial or not context):
        return False
    return not (m.sentence_initial and common >= 3.5 and not strong and not m.prep_before)
