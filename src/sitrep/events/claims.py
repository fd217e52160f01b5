"""Claims of responsibility (#25): "Islamic State claimed responsibility for the attack" names
the doer of an attack the article told before without one.

ACLED codes the group that claims an attack as its actor; so does sitrep, marking the actor
``"how": "claimed"``. Only an unnamed doer is replaced: an attack the text already gives to
someone keeps its doer.
"""

from __future__ import annotations

from sitrep.events.actors import actors
from sitrep.events.lexicon import Lexicon
from sitrep.model import Event, Place
from sitrep.rxfactor import compiled

# "claimed responsibility for the attack", "has claimed both attacks", "claimed credit for
# Thursday's bombing" (not "claimed the lives of"): what was claimed, and how many.
_CLAIM = compiled(
    r"\b(?:has\s+|have\s+|had\s+)?claimed\s+(?:(?:responsibility|credit)\s+for\s+)?"
    r"(?P<ref>(?:the|both|these|those|its|their|all|[A-Z]\w+['’]s)\s+(?:[\w-]+\s+){0,2}?)"
    r"(?P<noun>attacks?|bombings?|blasts?|explosions?|assaults?|ambush(?:es)?|killings?|strikes?|raids?|kidnappings?|abductions?|massacres?|shootings?)\b"
)
_SENTENCE_END = compiled(r"[.!?][\"”’)]?\s+")
# Doers a claim cannot name: nobody in particular, or the people harmed.
_NO_CLAIMANT = frozenset({"unidentified", "civilians", "protesters", "rioters"})


def claimed_doers(text: str, events: list[Event], lex: Lexicon, places: list[Place]) -> None:
    """Give the attacks a later sentence says a group claimed that group as their doer."""
    if "claimed" not in text:
        return
    kind = lex.kinds["attack.bombing"]
    for m in _CLAIM.finditer(text):
        start = _sentence_start(text, m.start())
        told = [
            e for e in events
            if e.evidence[0]["start"] < start and e.family == "attack" and e.layer == "material" and not e.background
        ]  # fmt: skip
        if not told:
            continue
        ref, noun = m.group("ref").lower(), m.group("noun").lower()
        if ref.startswith("both"):
            claimed = told[-2:]
        elif noun.endswith("s") and not noun.endswith("ss"):
            day = (told[-1].date or {}).get("value")
            claimed = [e for e in told if (e.date or {}).get("value") == day]
        else:
            claimed = told[-1:]
        country = (claimed[-1].place or {}).get("country_code")
        doer, _ = actors(text, lex, kind, (start, m.start()), m.start(), m.start() + 1, places, country)
        if doer is None or doer.get("type") in _NO_CLAIMANT or not doer.get("text"):
            continue  # "No group has claimed the blast", "a man claimed the attack"
        for e in claimed:
            if e.actor1 is None or e.actor1.get("type") == "unidentified":
                e.actor1 = {**doer, "how": "claimed"}


def _sentence_start(text: str, pos: int) -> int:
    """Where the sentence holding ``pos`` begins (after the last sentence end before it)."""
    start = max(text.rfind("\n", 0, pos) + 1, 0)
    for m in _SENTENCE_END.finditer(text, start, pos):
        start = m.end()
    return start
