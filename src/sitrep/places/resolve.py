"""Pick the gazetteer entry each mention names.

Each candidate entry gets a score from readable parts: a prior from its feature
type and population, the words around the mention ("Kandahar province", "the
city of"), containment hints ("Gainesville, Ga.", "Andar district, Ghazni
province"), the article's focus (countries and admin1 areas its mentions point
to), and nearness to the other places it names. Then one name keeps one reading
per article unless its own context says otherwise.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict

from sitrep.places.gazetteer import CAPITAL, KIND_ALT, KNOWN, Gazetteer
from sitrep.places.nearness import Near
from sitrep.places.recognize import Mention
from sitrep.rxfactor import compiled

# Weights, fitted by coordinate ascent on the dev geoparsing corpora (bench/tune_places.py).
PARAMS: dict[str, float] = {
    "country": 9.0, "continent": 8.5, "admin1": 7.5, "a1_area": 0.5, "a1_area_pop": 3_000_000.0, "landmark": 8.0, "region": 7.5,
    "admin2": 4.0, "pop": 1.0, "capital": 0.75, "alt": 2.0,
    "focus_cc": 4.0, "focus_a1": 3.0, "contained": 5.0, "hint": 4.0, "same_name_city": 2.5,
    "near100": 2.0, "near300": 1.2, "near1000": 0.4, "url_cc": 1.0, "url_a1": 4.0,
    "list": 2.0, "admin2_bare": 3.0, "state_named_town": 2.0, "home": 5.0, "demonym_focus": 0.5,
    "stray_pop": 1000000.0, "cue_stray_pop": 50000.0, "cue_stray_km": 2500.0, "cue_focus": 1.0, "stray_votes": 2.0, "stray_share": 0.6, "stray_km": 1000.0,
}
_GENERIC = compiled(
    r"\b(?:county|district|parish|borough|municipality|municipio|province|region|department|"
    r"prefecture|city of|city and|shire|oblast|raion|rayon|powiat|kreis|landkreis|arrondissement)\b",
    re.IGNORECASE,
)


# Small enough never to outweigh a feature or a context score: it only orders equals.
_COUNTRY_TIE = 0.001


def prior(gaz: Gazetteer, rid: int, kind: int) -> float:
    """Score of an entry before context: feature type, population, capital status."""
    feature = gaz.feature(rid)
    if feature == "city":
        p = PARAMS["pop"] * math.log10(gaz.pop[rid] + 10)
        if gaz.feat[rid] & CAPITAL:
            p += PARAMS["capital"]
    elif feature == "admin2":
        p = PARAMS["admin2"] + min(2.0, math.log10(gaz.pop[rid] + 10) / 3)
        if not _GENERIC.search(gaz.names[rid]):
            # A district named after its town ("Albany", WA): the town stands for it.
            p -= PARAMS["admin2_bare"]
    elif feature == "admin1":
        # Of areas of one name, a populous one is meant (Florida, US, not the Puerto Rican municipio).
        p = PARAMS["admin1"] + (PARAMS["a1_area"] if gaz.area_population(rid) >= PARAMS["a1_area_pop"] else 0.0)
    else:
        p = PARAMS.get(feature, 5.0)
        if feature == "country":
            # Countries of one name or people ("American": the United States and the Northern
            # Mariana Islands) tie on feature: the populous one is meant, as for towns.
            p += _COUNTRY_TIE * math.log10(gaz.pop[rid] + 10)
    if kind == KIND_ALT:
        p -= PARAMS["alt"]
    return p


def _softmax(scores: dict[int, float]) -> dict[int, float]:
    top = max(scores.values())
    ex = {k: math.exp(v - top) for k, v in scores.items()}
    total = sum(ex.values())
    return {k: v / total for k, v in ex.items()}


def _km(gaz: Gazetteer, a: int, b: int) -> float:
    la1, lo1, la2, lo2 = map(math.radians, (gaz.lat[a], gaz.lon[a], gaz.lat[b], gaz.lon[b]))
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 12742.0 * math.asin(min(1.0, math.sqrt(h)))


def resolve(
    text: str, mentions: list[Mention], gaz: Gazetteer, *, home: str | None = None,
    cues: list[dict[str, float]] | None = None,
) -> dict[int, int]:  # fmt: skip
    """Chosen record id per mention index.

    ``home`` is the outlet's home admin1 key (``OutletHomes``): entries inside it gain.
    ``cues`` are the country cues of the text (``places.cues``): they count towards the
    focus country as demonyms do.
    """
    cues = cues or []
    if not mentions:
        return {}
    base: list[dict[int, float]] = []
    for m in mentions:
        s: dict[int, float] = {}
        for rid, kind in m.entries:
            v = prior(gaz, rid, kind)
            feature = gaz.feature(rid)
            if m.type_hint:
                if feature == m.type_hint:
                    v += PARAMS["hint"]
                elif feature in ("city", "admin1", "admin2"):
                    v -= PARAMS["hint"] / 2
            s[rid] = max(s.get(rid, -99.0), v)
        _same_name_city(gaz, s, {rid for rid, kind in m.entries if kind == KIND_ALT})
        if home:
            _home(gaz, s, m, home)
        base.append(s)
    _containment(text, mentions, base, gaz)
    scores = [dict(s) for s in base]
    url_cc, url_a1 = _url_focus(gaz, mentions, base)
    for _ in range(2):
        shares = _shares(gaz, scores)
        picks = {i: max(s, key=s.__getitem__) for i, s in enumerate(scores)}
        listed = _list_features(text, mentions, picks, gaz)
        totals = _totals(shares, mentions, cues)
        near = Near(gaz, _picked_by(gaz, picks, mentions), PARAMS)
        scores = []
        for i, s in enumerate(base):
            focus_cc, focus_a1 = _focus(shares, mentions, i, cues, totals)
            new: dict[int, float] = {}
            for rid, v in s.items():
                cc = gaz.country(rid)
                v += PARAMS["focus_cc"] * focus_cc.get(cc, 0.0)
                a1 = gaz.admin1_key(rid)
                if a1 and gaz.feature(rid) not in ("admin1", "country"):
                    v += PARAMS["focus_a1"] * focus_a1.get(a1, 0.0)
                    v += PARAMS["url_a1"] * url_a1.get(a1, 0.0)
                elif a1 and gaz.feature(rid) == "admin1" and not mentions[i].context_only:
                    # The outlet's own state, named bare, is the state ("Minnesota" in a Minnesota paper).
                    v += PARAMS["url_a1"] * url_a1.get(a1, 0.0)
                if not mentions[i].context_only:
                    v += PARAMS["url_cc"] * url_cc.get(cc, 0.0)
                v += near.bonus(gaz, rid, mentions[i].key)
                if gaz.feature(rid) in listed[i]:
                    v += PARAMS["list"]
                new[rid] = v
            scores.append(new)
    # One sense per name per article, unless a mention's own context picked another.
    by_key: dict[str, dict[int, float]] = defaultdict(lambda: defaultdict(float))
    for m, s in zip(mentions, scores, strict=True):
        if m.type_hint or m.context_only:
            continue  # "Kandahar province" says nothing about what a bare "Kandahar" means
        for rid, v in s.items():
            by_key[m.key][rid] += v
    out: dict[int, int] = {}
    for i, (m, s) in enumerate(zip(mentions, scores, strict=True)):
        own = max(s, key=s.__getitem__)
        if m.type_hint or m.demonym or m.context_only:
            out[i] = own
        else:
            pooled = by_key[m.key]
            out[i] = max(pooled, key=pooled.__getitem__)
        m.scores = s
    moved = _towns_of_country(text, gaz, mentions, out)
    strays = set(_strays(text, gaz, mentions, out, cues)) - moved.keys()
    out.update(moved)
    for i in strays | set(_contradicted(text, gaz, mentions, out, strays)):
        del out[i]
    return out


# "Baga in northeast Nigeria", "Baga, Nigeria": the area the text puts the town in.
_PUT_IN = compiled(
    r",\s*|\s+in\s+(?:the\s+)?(?:(?:far|north|south|east|west|north-?east|north-?west|south-?east|south-?west|"
    r"northern|southern|eastern|western|central|north-?eastern|north-?western|south-?eastern|south-?western)\s+)?",
    re.IGNORECASE,
)


# "the northern Mozambique town of Palma", "Sudan's western town of Geneina": the country a
# text puts the town in, told before it.
_TOWN_OF = compiled(
    r"(?:['’]s)?\s+(?:(?!(?:and|or|but|the|a|an|in|of|to|from|near|with|by|at|on|as)\b)[\w-]+\s+){0,2}"
    r"(?:town|city|village|port|capital|enclave)\s+of\s+",
    re.IGNORECASE,
)


def _towns_of_country(text: str, gaz: Gazetteer, mentions: list[Mention], picks: dict[int, int]) -> dict[int, int]:
    """A town the text calls a country's ("the Mozambique town of Palma") read as a namesake
    abroad (Palma on Majorca), the gazetteer lacking the real one: that country, for it and
    for every other mention of its name, however large the namesake."""
    out: dict[int, int] = {}
    for i, rid in picks.items():
        j = i - 1
        if (
            j in picks and not mentions[i].context_only and gaz.feature(picks[j]) == "country"
            and gaz.feature(rid) in ("city", "landmark") and gaz.country(rid) != (cc := gaz.country(picks[j]))
            and cc in gaz.country_rid and _TOWN_OF.fullmatch(text, mentions[j].end, mentions[i].start)
        ):  # fmt: skip
            out[i] = gaz.country_rid[cc]
            out.update((k, gaz.country_rid[cc]) for k, other in picks.items() if other == rid and mentions[k].key == mentions[i].key and not mentions[k].type_hint)
    return out


def _contradicted(text: str, gaz: Gazetteer, mentions: list[Mention], picks: dict[int, int], strays: set[int]) -> list[int]:
    """Small towns the text puts in another country, or a province of one: "Baga in northeast
    Nigeria" read as Bagà in Catalonia, the gazetteer lacking the Nigerian town."""
    out = []
    for i, rid in picks.items():
        j = i + 1
        if j not in picks or j in strays or mentions[i].context_only or mentions[j].context_only or mentions[j].demonym:
            continue  # ("In Gorazde, Serb forces shelled": an adjective that opens the next clause puts no town anywhere)
        area = picks[j]
        if gaz.feature(area) not in ("country", "admin1") or gaz.feature(rid) not in ("city", "landmark") or gaz.pop[rid] >= PARAMS["cue_stray_pop"]:
            continue
        # (Another country only: a namesake in the wrong state is still the right country's.)
        if _PUT_IN.fullmatch(text[mentions[i].end : mentions[j].start]) and gaz.country(rid) != gaz.country(area):
            out.append(i)
    return out


def _against_cues(gaz: Gazetteer, mentions: list[Mention], picks: dict[int, int], counted: list[int], cues: list[dict[str, float]]) -> list[int]:
    """In a short text, a small town abroad that every group named contradicts: "Boko Haram
    militants stormed the town of Baga" read as Bagà in Catalonia (the gazetteer lacks the
    Nigerian town). Its country is named by nothing else in the text."""
    lands = {cc for cue in cues for cc in cue}
    capitals = [r for r in (gaz.capital_rid(cc) for cc in lands) if r is not None]
    if not capitals:
        return []
    out = []
    for i in counted:
        rid = picks[i]
        cc = gaz.country(rid)
        if (
            cc not in lands and gaz.feature(rid) in ("city", "landmark") and gaz.pop[rid] < PARAMS["cue_stray_pop"]
            and not any(gaz.country(picks[j]) == cc for j in counted if j != i)
            # (a group strikes across a border: Hamas rockets on Sderot; not across a continent)
            and min(_km(gaz, rid, c) for c in capitals) > PARAMS["cue_stray_km"]
        ):  # fmt: skip
            out.append(i)
    return out


# Between a country and a place it holds: "Yemen's capital, ", "Sudan's western town of ".
_OWNED_NEXT = compiled(r"['’]s\s+(?:[\w-]+\s+){0,3}?(?:capital|city|town|province|port|region|state)(?:\s+of)?,?\s*")


def _strays(text: str, gaz: Gazetteer, mentions: list[Mention], picks: dict[int, int], cues: list[dict[str, float]]) -> list[int]:
    """Mentions whose only reading is a small place far from everything else the article names.

    In an article about Syria, "Karama" read as a hamlet in Australia, "SARS" as a village
    in Perm, "Colonia" as a department of Uruguay: the gazetteer lacks the real place (or
    it is no place), and a wrong point is worse than none.
    """
    counted = [i for i, m in enumerate(mentions) if not m.context_only and i in picks]
    if len(counted) + len(cues) < 3:
        return _against_cues(gaz, mentions, picks, counted, cues)
    votes: dict[str, float] = defaultdict(float)
    for i in counted:
        cc = gaz.country(picks[i])
        if cc:
            votes[cc] += PARAMS["demonym_focus"] if mentions[i].demonym else 1.0
    for cue in cues:
        for k, v in cue.items():
            votes[k] += v * PARAMS["cue_focus"]
    total = sum(votes.values())
    # How often each name is read as each place: counted once, not per mention (a long
    # text naming one town thousands of times stays linear).
    readings = Counter((mentions[j].key, picks[j]) for j in counted)
    ccs = {j: gaz.country(picks[j]) for j in counted}
    out = []
    for i in counted:
        rid = picks[i]
        feature = gaz.feature(rid)
        if feature not in ("city", "admin2", "admin1", "landmark") or mentions[i].demonym:
            continue
        if feature == "admin1" and (mentions[i].type_hint or len({r for r, _ in mentions[i].entries}) < 2):
            continue  # "Minnesota", "Kermanshah province": a state's own unambiguous name
        cc = gaz.country(rid)
        own = PARAMS["demonym_focus"] if mentions[i].demonym else 1.0
        rest = {k: v - (own if k == cc else 0.0) for k, v in votes.items()}
        top = max(rest, key=rest.__getitem__)
        by_name = any(r == rid and kind != KIND_ALT for r, kind in mentions[i].entries)
        big = feature == "city" and (gaz.pop[rid] >= PARAMS["stray_pop"] or bool(gaz.feat[rid] & (CAPITAL | KNOWN)))
        if big and by_name and not any(gaz.country(r) == top for r, _ in mentions[i].entries):
            continue  # a big, capital or well-known city ("Doha", "Geneva" in an Afghan story) is
            # no accident, unless it is an old name ("Molotov" for Perm) or the article's
            # country has a namesake ("Athens" in a Georgia paper)
        namesakes = readings[(mentions[i].key, rid)]
        if top != cc and not by_name and votes.get(cc, 0.0) <= namesakes and rest[top] >= PARAMS["stray_votes"]:
            # Only an alternate name ("Yida" for Jeddah, "Zeitoun" for a Turkish village) and
            # nothing else in the article is in that country: a namesake, not the scene.
            out.append(i)
            continue
        alone = votes.get(cc, 0.0) <= namesakes and not big  # nothing else named in that country
        if top == cc or rest[top] < PARAMS["stray_votes"] or (rest[top] / max(total - own, 1e-9) < PARAMS["stray_share"] and not alone):
            continue
        nxt = i + 1
        if nxt in picks and gaz.country(picks[nxt]) == cc and text[mentions[i].end : mentions[nxt].start].strip() in (",", "("):
            continue  # "Lyon, France": the text itself says where it is
        prv = i - 1
        if prv in picks and gaz.country(picks[prv]) == cc and gaz.feature(picks[prv]) == "country" and _OWNED_NEXT.fullmatch(text, mentions[prv].end, mentions[i].start):
            continue  # "In Yemen's capital, San'a": the text says so too
        # Far from all of them: stop at the first one near enough (not the nearest of all). (A
        # people named is no place near it: "Portuguese, French and Lebanese nationals" vouch for
        # no "Bra barracks" in Italy.)
        if not any(_km(gaz, rid, picks[j]) <= PARAMS["stray_km"] for j in counted if j != i and (ccs[j] == top or (alone and ccs[j] != cc and not mentions[j].demonym))):
            out.append(i)
    return out


def _home(gaz: Gazetteer, s: dict[int, float], m: Mention, home: str) -> None:
    """Readings inside the outlet's home area gain, unless named only by an alternate
    name (a Virginia hamlet once called "Nebraska" is not what a paper means by it)."""
    named = {rid for rid, kind in m.entries if kind != KIND_ALT}
    for rid in s:
        if rid in named and gaz.feature(rid) != "country" and gaz.admin1_key(rid) == home:
            s[rid] += PARAMS["home"]


_LIST_GAP = frozenset({",", "and", ", and", "or", ", or", "&"})


def _list_features(text: str, mentions: list[Mention], picks: dict[int, int], gaz: Gazetteer) -> list[set[str]]:
    """Per mention, the feature types its list neighbours were read as ("Ohio, Utah, Washington")."""
    out: list[set[str]] = [set() for _ in mentions]
    for i in range(len(mentions) - 1):
        a, b = mentions[i], mentions[i + 1]
        if a.context_only or b.context_only or text[a.end : b.start].strip() not in _LIST_GAP:
            continue
        out[i].add(gaz.feature(picks[i + 1]))
        out[i + 1].add(gaz.feature(picks[i]))
    return out


def _same_name_city(gaz: Gazetteer, s: dict[int, float], alt: set[int]) -> None:
    """A bare name shared by an admin1 area and a city inside it (Kandahar), or by
    an admin1 area and its country's capital (Washington), means the city."""
    admin1s = {gaz.admin1_key(r) for r in s if gaz.feature(r) == "admin1"}
    if not admin1s:
        return
    countries = {k.split(".")[0] for k in admin1s}
    for r in s:
        if gaz.feature(r) != "city" or r in alt:
            continue
        capital = bool(gaz.feat[r] & CAPITAL) and gaz.country(r) in countries
        # Only a city big enough to be what people mean by the shared name.
        if (gaz.admin1_key(r) in admin1s and gaz.pop[r] >= 50_000) or capital:
            s[r] += PARAMS["same_name_city"]
        elif gaz.country(r) in countries and gaz.admin1_key(r) not in admin1s and gaz.pop[r] < 100_000:
            # A small town named after another state of its country (Kansas, Illinois).
            s[r] -= PARAMS["state_named_town"]


def _containment(text: str, mentions: list[Mention], base: list[dict[int, float]], gaz: Gazetteer) -> None:
    """ "X, Y" and "X (Y)": X inside Y, and Y read as the area that contains X."""
    for i in range(len(mentions) - 1):
        a = mentions[i]
        for j in (i + 1, i + 2):
            b = mentions[j] if j < len(mentions) else None
            if b is None or a.context_only or b.context_only:
                continue
            gap = text[a.end : b.start]
            if j == i + 1:
                if gap.strip() not in (",", "(", "in") or len(gap) > 4:
                    continue
            elif not _PAREN_LIST.fullmatch(gap):
                continue  # "Asara village (Gwadabawa, Sokoto)": the village is in Sokoto too
            areas = [r for r in base[j] if gaz.feature(r) in ("admin1", "country", "admin2")]
            if not areas:
                continue
            best_pair: tuple[int, int] | None = None
            for r in base[i]:
                for area in areas:
                    if _inside(gaz, r, area):
                        pair = (r, area)
                        if best_pair is None or base[i][r] + base[j][area] > base[i][best_pair[0]] + base[j][best_pair[1]]:
                            best_pair = pair
            if best_pair:
                base[i][best_pair[0]] += PARAMS["contained"]
                base[j][best_pair[1]] += PARAMS["contained"]


# Between a place and the second name of the bracket after it: " (Gwadabawa, " or " village (Djibo, ".
_PAREN_LIST = compiled(r"[\w ]{0,12}\(\s*[^(),]{1,40},\s*")


def _inside(gaz: Gazetteer, r: int, area: int) -> bool:
    if r == area:
        return False
    feature = gaz.feature(area)
    if feature == "country":
        return gaz.country(r) == gaz.country(area) and gaz.feature(r) != "country"
    if feature == "admin1":
        return gaz.admin1_key(r) == gaz.admin1_key(area) and gaz.feature(r) not in ("admin1", "country")
    if feature == "admin2":
        return gaz.feature(r) == "city" and gaz.a2[r] == gaz.a2[area] and gaz.admin1_key(r) == gaz.admin1_key(area)
    return False


Shares = list[tuple[dict[str, float], dict[str, float]]]


def _url_focus(gaz: Gazetteer, mentions: list[Mention], base: list[dict[int, float]]) -> tuple[dict[str, float], dict[str, float]]:
    """Countries and admin1 areas the outlet's URL points to (share over its clues)."""
    clues = [s for m, s in zip(mentions, base, strict=True) if m.context_only]
    cc: dict[str, float] = defaultdict(float)
    a1: dict[str, float] = defaultdict(float)
    for c, a in _shares(gaz, clues):
        for k, v in c.items():
            cc[k] += v / len(clues)
        for k, v in a.items():
            a1[k] += v / len(clues)
    return cc, a1


def _shares(gaz: Gazetteer, scores: list[dict[int, float]]) -> Shares:
    """Per mention: how likely it points into each country and admin1 area."""
    out: Shares = []
    for s in scores:
        cc: dict[str, float] = defaultdict(float)
        a1: dict[str, float] = defaultdict(float)
        for rid, p in _softmax(s).items():
            c = gaz.country(rid)
            if c:
                cc[c] += p
            k = gaz.admin1_key(rid)
            if k:
                a1[k] += p
        out.append((cc, a1))
    return out


class _Share:
    """``_focus``'s shares, each worked out when asked for: a mention asks only about its
    candidates' areas, not every area the article names."""

    def __init__(self, all_: dict[str, float], own: dict[str, float], n: float) -> None:
        self._all, self._own, self._n = all_, own, n

    def get(self, k: str, default: float = 0.0) -> float:
        v = self._all.get(k)
        return default if v is None else (v - self._own.get(k, 0.0)) / self._n


def _focus(
    shares: Shares, mentions: list[Mention], i: int, cues: list[dict[str, float]] = [],  # noqa: B006 (read only)
    totals: _Totals | None = None,
) -> tuple[_Share, _Share]:  # fmt: skip
    """Share of the *other* names of the article (and its country cues) that point to each
    country and admin1 area. ``totals`` (``_totals``) makes it a subtraction per name."""
    if totals is None:
        totals = _totals(shares, mentions, cues)
    cc_all, a1_all, n_all, by_key = totals
    cc_key, a1_key, n_key = by_key[mentions[i].key]
    n = n_all - n_key
    if not n:
        return _Share({}, {}, 1.0), _Share({}, {}, 1.0)
    return _Share(cc_all, cc_key, n), _Share(a1_all, a1_key, n)


_Sums = tuple[dict[str, float], dict[str, float], float]
_Totals = tuple[dict[str, float], dict[str, float], float, dict[str, _Sums]]


def _totals(shares: Shares, mentions: list[Mention], cues: list[dict[str, float]]) -> _Totals:
    """The focus sums over all names and cues, and per name key (what ``_focus`` leaves out)."""
    cc: dict[str, float] = defaultdict(float)
    a1: dict[str, float] = defaultdict(float)
    n = 0.0
    for cue in cues:
        n += 1
        for k, v in cue.items():
            cc[k] += v * PARAMS["cue_focus"]
    by_key: dict[str, tuple[dict[str, float], dict[str, float], list[float]]] = {}
    for j, (c, a) in enumerate(shares):
        # "Russian forces shelled Donetsk": a demonym often names who acted, not where.
        w = PARAMS["demonym_focus"] if mentions[j].demonym else 1.0
        kc, ka, kn = by_key.setdefault(mentions[j].key, (defaultdict(float), defaultdict(float), [0.0]))
        n += 1
        kn[0] += 1
        for k, v in c.items():
            cc[k] += v * w
            kc[k] += v * w
        for k, v in a.items():
            a1[k] += v * w
            ka[k] += v * w
    return cc, a1, n, {key: (kc, ka, kn[0]) for key, (kc, ka, kn) in by_key.items()}


def _picked_by(gaz: Gazetteer, picks: dict[int, int], mentions: list[Mention]) -> dict[int, set[str]]:
    """The places the mentions were read as (continents aside), with the names read as each."""
    out: dict[int, set[str]] = defaultdict(set)
    for j, rid in picks.items():
        if gaz.feature(rid) != "continent":
            out[rid].add(mentions[j].key)
    return out
