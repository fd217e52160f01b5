"""The state's forces that answer an attack told beside it (#25): they are not its doers."""

from __future__ import annotations

import re

from sitrep.model import Event
from sitrep.rxfactor import compiled

# ("police stormed the hall", "police said they had killed four suspected assassins": the answer to the attack)
_RESPONSE = compiled(r"\b(?:assault|raid|storm|operation|counter|rescue)\w*", re.IGNORECASE)
_THE_ATTACKERS = compiled(r"\b(?:killed|shot|shot dead|captured|arrested)\s+(?:\w+\s+){0,2}?(?:suspected\s+)?(?:assassins|attackers|assailants|gunmen|hostage-takers|kidnappers)\b", re.IGNORECASE)


def responders(event: Event, other: Event) -> bool:
    """The state's own forces at home, told beside an attack by someone unnamed: "the security forces
    are staging an assault" in Paris answer the attacks; they are not the attackers."""
    actor, place = other.actor1 or {}, event.place or {}
    if event.family == "attack" and (actor.get("type") == "official" or (event.kind == "attack.airstrike" and actor.get("type") not in ("state", "external"))):
        return True  # a government named in the story bombs no one; only a state's forces strike from the air
    home = event.family == "attack" and actor.get("type") == "state" and actor.get("country_code") is not None and actor.get("country_code") == place.get("country_code")
    # Police who shot someone did the shooting; police who stormed the hall answered the attack.
    told = other.evidence[0]
    return home and (
        event.kind not in ("attack.civilians", other.kind) or bool(_RESPONSE.search(str(told["trigger"]["text"])))
        or _THE_ATTACKERS.search(str(told["text"])) is not None
    )
