"""A country's independence happens at its capital (#25): "South Sudan became its own country
in July" is pinned at Juba, as the independence was declared there, not at the middle of the
country, where no one was.
"""

from __future__ import annotations

import re

from sitrep.events.places import country_name
from sitrep.events.towns import place_json
from sitrep.model import Event, Place
from sitrep.places.gazetteer import load
from sitrep.places.sovereignty import place_then
from sitrep.rxfactor import compiled

# The trigger words of a new state (data/events/triggers.tsv, kind "other").
_INDEPENDENCE = compiled(r"independen|own country|separate country|seceded|split (?:off|away)", re.IGNORECASE)


# "the French capital", "the Afghan capital": a country's adjective before "capital".
_CAPITAL_AFTER = compiled(r"\s+capital\b(?!\s+(?:punishment|city\s+of|of\s+(?!the\b)))", re.IGNORECASE)


def at_the_capital(events: list[Event], places: list[Place]) -> None:
    """Move a country's independence from the country's middle to its capital: the country
    named last before the trigger in the sentence (the new state, not the one it left). An
    event placed only at a country whose sentence names "the French capital" is at Paris."""
    for e in events:
        ev = e.evidence[0]
        trig = ev["trigger"]
        here = e.place or {}
        if here.get("feature") == "country" and e.layer == "material":
            said = str(ev["text"])
            named = next((p for p in places if ev["start"] <= p.start < ev["end"] and p.adjectival and p.country_code == here.get("country_code") and _CAPITAL_AFTER.match(said, p.end - ev["start"])), None)
            if named is not None:
                _move_to_capital(e, named)  # "the French capital yesterday woke to the reality of 128 people dead"
                continue
        if e.kind != "other" or not _INDEPENDENCE.search(str(trig["text"])):
            continue
        owner = next(
            (p for p in reversed(places) if ev["start"] <= p.start and p.end <= trig["start"] and p.feature == "country" and not p.adjectival),
            None,
        )
        if owner is None or (here.get("country_code") == owner.country_code and here.get("feature") not in ("country", "continent", "region")):
            continue  # (a town of the new state the text names stays: "declared independence in Pristina")
        _move_to_capital(e, owner)


def _move_to_capital(e: Event, owner: Place) -> None:
    """Place ``e`` at the capital of ``owner``'s country (told by ``owner``'s words)."""
    if owner.country_code is not None:
        gaz = load()
        rid = gaz.capital_rid(owner.country_code)
        if rid is None:
            return
        c = gaz.entry(rid)
        capital = Place(
            start=owner.start, end=owner.end, text=owner.text, name=c.name, geonameid=c.geonameid, lat=c.lat, lon=c.lon,
            country_code=c.country_code, admin1=c.admin1, admin2=c.admin2, feature=c.feature,
        )  # fmt: skip
        e.place = place_json(capital, None)


def in_the_state_then(e: Event) -> None:
    """The event's place and the actors of its country coded to the state the place was in on
    the event's day: "the army regained Bentiu" in 2007 is Sudan's army, at a town then in Sudan."""
    before = (e.place or {}).get("country_code")
    e.place = place_then(e.place, e.date)
    after = (e.place or {}).get("country_code")
    if after and (before == after or not before):
        # "Police seized a car bomb in a town bordering Northern Ireland", then placed by the
        # sentences after it: the police of the land it was placed in, not "of Unknown".
        before, old, new = None, "Unknown", country_name(after)
    elif not before or not after:
        return
    else:
        old, new = country_name(before), country_name(after)
    for side in ("actor1", "actor2"):
        actor = getattr(e, side)
        if actor and actor.get("country_code") == before and (before is not None or str(actor.get("name")).endswith((" of Unknown", "(Unknown)"))):
            # Only the state's name the coding gave ("Military Forces of South Sudan", "Civilians
            # (South Sudan)"), not a group's own name ("Kosovo Liberation Army").
            name = re.sub(rf"(?<=\bof ){re.escape(old)}\b|(?<=\(){re.escape(old)}(?=\))", new, str(actor["name"]))
            setattr(e, side, {**actor, "name": name, "country_code": after})
