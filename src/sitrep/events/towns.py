"""One event per town when a sentence lists its scenes: "the blasts at the U.S. embassies in
Nairobi and Dar es Salaam, Tanzania" tells two bombings, one in each city (as ACLED codes them),
and the sentence's toll is theirs together, so neither keeps it."""

from __future__ import annotations

import copy
import hashlib
import re
from dataclasses import replace
from typing import Any

from sitrep.events.actors import unnamed_doer
from sitrep.events.lexicon import Lexicon
from sitrep.events.places import country_name
from sitrep.events.refplaces import reference
from sitrep.events.scene import LIST_GAP
from sitrep.events.scene import LOCATIVE as _LOCATIVE
from sitrep.model import Event, Place
from sitrep.rxfactor import compiled

_PRECISION = {"city": "city", "landmark": "city", "admin2": "admin2", "admin1": "admin1", "country": "country", "region": "country", "continent": "country"}


def place_json(p: Place, how: str | None) -> dict[str, Any]:
    """An event's place as stored: the gazetteer entry, its precision and how it was found."""
    precision = _PRECISION.get(p.feature, "country")
    if p.feature == "region" and p.admin1:
        precision = "admin1"  # "the Swat Valley": an area inside a province, not the whole country
    if how == "article" and precision == "city":
        precision = "admin1"  # the article's main place stands in: claim no more than its area
    out = {
        "name": p.name, "geonameid": p.geonameid, "lat": p.lat, "lon": p.lon,
        "country_code": p.country_code, "admin1": p.admin1, "admin2": p.admin2,
        "precision": precision, "text": p.text, "feature": p.feature,
    }  # fmt: skip
    if how:
        out["how"] = how
    return out


_TOWNS = ("city", "landmark", "admin2")
# A province joined by "and" is a scene of its own too ("Khartoum and Khost"), never one
# after a bare comma (that is the town's province).
_SCENES = (*_TOWNS, "admin1")
# "struck a plant in Khartoum and training camps near Khost": two targets, each with its town.
_NP_GAP = compiled(r"^\s*,?\s+and\s+(?:(?:the|a|an|two|three|several|other)\s+)?(?:[\w-]+\s+){0,3}?(?:in|near|at|outside|around)\s+(?:the\s+)?$")

# "shelled Sarajevo and the eastern enclaves of Srebrenica and Gorazde": towns named by what they are.
_OF_GAP = compiled(r"^\s*,?\s+and\s+(?:the\s+)?(?:[\w-]+\s+){0,3}?(?:enclaves?|towns?|cities|city|villages?|suburbs?|districts?|ports?)\s+of\s+$")
# "broke out Friday in Pakistan, where thousands burned flags in Islamabad and in Peshawar"
_WHERE = compiled(r",\s+where\b")

_OPENS = compiled(r"\W*(?:in|across|throughout)\s+(?:the\s+)?$", re.IGNORECASE)
_BETWEEN = compiled(r"\b(?:between|from)\s+(?:the\s+)?$", re.IGNORECASE)


def coordinated(
    text: str, places: list[Place], place: Place, sentence: tuple[int, int], trigger: int | None = None
) -> list[Place]:
    """The other towns named with the scene in one list ("the embassies in Nairobi and Dar es
    Salaam, Tanzania"): each is a scene of its own. A country after a town is the town's
    ("Dar es Salaam, Tanzania"), not another scene; "between A and B" is one road. A list of
    countries before the trigger (at ``trigger``) is its scenes only when it opens the sentence
    ("In Turkey, Germany and Spain, police arrested ..."), not when it belongs to an earlier
    verb ("protests spread to Turkey, Germany ..., dozens of arrests")."""
    country = place.feature == "country"
    if country and _WHERE.match(text, place.end):
        # The towns the clause names are the scenes (each_town moves the event to the first).
        return [p for p in places if place.end < p.start < sentence[1] and p.feature in _TOWNS and p.country_code == place.country_code and not p.adjectival and not reference(text, p)][:8]
    if (place.feature not in _SCENES and not country) or _BETWEEN.search(text, max(0, place.start - 12), place.start):
        return []
    named = sorted(
        (p for p in places if sentence[0] <= p.start < sentence[1] and not p.adjectival and not reference(text, p)),
        key=lambda p: p.start,
    )
    # Each item with the end of its qualifier: "Nairobi, Kenya" ends after "Kenya".
    # A bare comma between two names is a qualifier ("East Flatbush, Brooklyn") unless a
    # list goes on after the second ("Athens, Thessaloniki and Patras").
    items: list[tuple[Place, int]] = []
    for k, p in enumerate(named):
        nxt = named[k + 1] if k + 1 < len(named) else None
        goes_on = nxt is not None and nxt.feature in _TOWNS and bool(LIST_GAP.match(text[p.end : nxt.start]))
        if (
            items and items[-1][0].feature in _TOWNS and text[items[-1][1] : p.start].strip() == ","
            and (p.feature not in _TOWNS or not goes_on)
        ):  # fmt: skip
            items[-1] = (items[-1][0], p.end)
            continue
        items.append((p, p.end))
    at = next((i for i, (p, _) in enumerate(items) if p is place), None)
    if at is None:
        return []
    out: list[Place] = []
    for step in (1, -1):
        i = at
        while 0 <= i + step < len(items) and len(out) < 8:
            (_, a_end), (b, _) = sorted((items[i], items[i + step]), key=lambda x: x[0].start)
            q = items[i + step][0]
            gap = text[a_end : b.start]
            joined = bool(LIST_GAP.match(gap)) and gap.strip() != ","
            if q.geonameid == place.geonameid or not (
                (q.feature in _TOWNS and (LIST_GAP.match(gap) or _NP_GAP.match(gap) or _OF_GAP.match(gap)))
                or (q.feature in _SCENES and (joined or _NP_GAP.match(gap)))
                or (country and q.feature == "country" and (joined or gap.strip() == ","))  # no country qualifies a country
                # "camps in Afghanistan and a chemical plant in Khartoum": two targets, each placed
                or (q.feature == "country" and bool(_NP_GAP.match(gap)) and q.start < place.start
                    and bool(_LOCATIVE.search(text, max(0, q.start - 14), q.start)))
            ):
                break
            out.append(q)
            i += step
    if out and country:
        # Countries are two scenes only where a place is meant ("the embassies in Kenya and
        # Tanzania"), never as doers ("the U.S. and Britain struck") or sides ("between ...").
        first = min([place, *out], key=lambda p: p.start)
        if not _LOCATIVE.search(text, max(0, first.start - 40), first.start) or _BETWEEN.search(text, max(0, first.start - 12), first.start):
            return []
        if trigger is not None and trigger > max(p.end for p in [place, *out]) and not _OPENS.match(text, sentence[0], first.start):
            return []
    if out and _BETWEEN.search(text, max(0, min(p.start for p in [place, *out]) - 12), min(p.start for p in [place, *out])):
        return []  # "fighting between Sudan and South Sudan": one conflict, both sides
    return out


def each_town(lex: Lexicon, event: Event, towns: list[Place]) -> list[Event]:
    """One event per town of a listed scene ("blasts in Nairobi and Dar es Salaam"); the
    sentence's toll is all of theirs together, so none of them keeps it."""
    if not towns:
        return []
    event.fatalities = None
    if (event.place or {}).get("feature") == "country" and all(t.feature in _TOWNS and t.country_code == event.place["country_code"] for t in towns):  # type: ignore[index]
        event.place, towns = place_json(towns[0], None), towns[1:]  # (a land's towns named after it: the towns are the scenes)
    out = []
    for t in towns:
        digest = hashlib.sha1(f"{event.id}\x00{t.geonameid or t.name}".encode()).hexdigest()[:16]
        copied = replace(event, id=digest, place=place_json(t, None), evidence=copy.deepcopy(event.evidence))
        for side in ("actor1", "actor2"):
            actor = getattr(copied, side)
            if actor and actor.get("how") == "unnamed" and actor.get("country_code") != t.country_code:
                # The unnamed doer is the town's country's: bombers in Tanzania, not Kenya's.
                setattr(copied, side, {**actor, "name": unnamed_doer(lex, t.country_code), "country_code": t.country_code})
            elif actor and actor.get("text") is None and actor.get("country_code") not in (None, t.country_code):
                # A crowd named by the kind alone is the place's: the protesters in Germany are
                # "Protesters (Germany)", not the first country's.
                old, new = f"({country_name(actor['country_code'])})", f"({country_name(t.country_code)})"
                if str(actor.get("name", "")).endswith(old):
                    setattr(copied, side, {**actor, "name": actor["name"][: -len(old)] + new, "country_code": t.country_code})
        out.append(copied)
    return out
