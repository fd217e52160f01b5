"""The person a killing was done to, named again: one killing, however often retold (#25).

"Two officers shot and killed 16-year-old Kimani Gray on Saturday night ... Gray, 16, was shot
eleven times after police said he pulled out a revolver." The second sentence has no day of its
own; the last sentence's day ("tonight", a riot's) is not its day. Its victim, named by surname,
is the first killing's, so it is that killing, on its day and at its place.
"""

from __future__ import annotations

import re
from typing import Any

from sitrep.model import Event
from sitrep.rxfactor import compiled

# "Gray, 16, was shot", "Grigoropoulos was killed": a name as the subject of a passive harm.
_NAMED_BEFORE = compiled(
    r"\b([A-Z][a-z'’-]+(?:\s+[A-Z][a-z'’-]+)?)(?:,\s*(?:a\s+)?\d{1,3}(?:-year-old)?,)?\s+(?:was|were|had\s+been|has\s+been)\s+(?:\w+ly\s+)?$"
)
# "killed Alexandros Grigoropoulos", "shot 16-year-old Kimani Gray": a name as the object.
_NAMED_AFTER = compiled(r"\s+(?:(?:a|the)\s+)?(?:\d{1,3}-year-old\s+)?(?:[a-z]+\s+)?([A-Z][a-z'’-]+(?:\s+[A-Z][a-z'’-]+)+)")
_HARM = compiled(r"(?:fatally\s+)?(?:shot|killed|slain|murdered|stabbed|beaten)\b", re.IGNORECASE)
_KILLING = compiled(r"kill|shot|shoot|slain|murder|dead|died|stabb", re.IGNORECASE)
_DIED = compiled(r"(?:died|succumbed)\b", re.IGNORECASE)
_PRONOUN_BEFORE = compiled(r"\b(?:he|she)\s+(?:later\s+|then\s+|subsequently\s+|eventually\s+)?$", re.IGNORECASE)
# "the shooting", "this killing", "the fatal police shooting", "the one-week anniversary of the
# shooting": the killing the story is about, named again by a noun.
_DEFINITE_BEFORE = compiled(r"\b(?:the|this)\s+(?:(?:fatal|deadly|police|latest|recent|\w+'s?)\s+){0,2}$", re.IGNORECASE)
_KILLING_NOUN = compiled(r"(?:shooting|killing|slaying|murder)\b", re.IGNORECASE)
_ANNIVERSARY = compiled(r"\b(?:anniversary\s+of|(?:to\s+)?(?:mark|marking|commemorat\w+))\s+(?:the|this)\s+(?:\w+\s+){0,2}$", re.IGNORECASE)
# The victim the story is about, named by a definite noun, and the shots that struck them.
_DEFINITE_VICTIM = compiled(r"\bthe\s+(?:\d{1,3}-year-old\s+)?(?:teen|teenager|boy|girl|youth|schoolboy|schoolgirl|student|victim)\b", re.IGNORECASE)
_SHOTS = compiled(r"(?:fatally\s+)?(?:shot|killed|slain|opened fire|fired|shooting)\b", re.IGNORECASE)
_VICTIM_BEFORE = compiled(r"\bthe\s+(?:\d{1,3}-year-old\s+)?(?:teen|teenager|boy|girl|youth|schoolboy|schoolgirl|student|victim)\s+(?:who\s+was\s+)?$", re.IGNORECASE)
_NOT_NAMES = {"The", "A", "An", "He", "She", "They", "It", "Police", "Officers", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"}


def victim(sentence: str, start: int, end: int) -> str | None:
    """The surname of the person the harm at ``start:end`` was done to, when the sentence names one
    ("" for "he later died": the person the story is about)."""
    if _DIED.match(sentence, start) and _PRONOUN_BEFORE.search(sentence, max(0, start - 30), start):
        return ""
    if not _HARM.match(sentence, start):
        return None
    m = _NAMED_BEFORE.search(sentence, max(0, start - 60), start) or _NAMED_AFTER.match(sentence, end)
    if m is None:
        return None
    name = m.group(1).split()
    return name[-1] if name[-1] not in _NOT_NAMES and name[0] not in _NOT_NAMES else None


def definite_killing(sentence: str, start: int) -> bool:
    """Whether the trigger at ``start`` is a killing named again by a definite noun ("this shooting")."""
    return bool(_KILLING_NOUN.match(sentence, start) and _DEFINITE_BEFORE.search(sentence, max(0, start - 40), start))


def marked(sentence: str, start: int) -> bool:
    """Whether the trigger at ``start`` is an event a vigil or an anniversary marks: told before, not on the sentence's day."""
    return bool(_ANNIVERSARY.search(sentence, max(0, start - 60), start))


def killing_of(events: list[Event], surname: str, told_before: str) -> Event | None:
    """The killing (not any attack; recalled or not) the article told before with its own day whose sentence names ``surname``;
    else, when all such killings told before are of one day and ``told_before`` (the text
    before) names the person, the first of them ("officers shot and killed a 16-year-old ...
    Peaceful protest for Kimani Gray")."""
    dated = [
        e for e in events
        if e.family == "attack" and e.layer == "material" and (e.date or {}).get("how") == "text"
        and len(str((e.date or {}).get("value"))) == 10 and _KILLING.search(str(e.evidence[0]["trigger"]["text"]))
    ]  # fmt: skip
    named = compiled(rf"\b{re.escape(surname)}\b") if surname else None
    first = next((e for e in dated if named and named.search(e.evidence[0]["text"])), None)
    if first is None and dated and len({str((e.date or {})["value"]) for e in dated}) == 1 and (named is None or named.search(told_before)):
        first = dated[0]
    return first


def retold_killing(events: list[Event], event: Event, sentence: str, start: int, end: int, told_before: str) -> dict[str, Any] | None:
    """The day of the killing ``event`` retells, when its victim is named or a definite noun names
    it again ("this shooting"), and it has no day of its own ("On Saturday, the anniversary of the
    shooting": Saturday is the anniversary's)."""
    if event.family != "attack":
        return None
    # "sister of the teen killed by police, was arrested on Wednesday": a victim named by the
    # killing, whatever day the sentence tells.
    anniversary = marked(sentence, start) or bool(_SHOTS.match(sentence, start) and _VICTIM_BEFORE.search(sentence, max(0, start - 40), start))
    if (event.date or {}).get("how") not in ("context", "lead", "published") and not anniversary:
        return None
    surname = victim(sentence, start, end)
    if surname is None and (definite_killing(sentence, start) or (_SHOTS.match(sentence, start) and _DEFINITE_VICTIM.search(sentence))):
        # the story's killing, when all killings told before are of one day: "this shooting",
        # "whether the teen had his back to the police when they opened fire"
        surname = ""
    first = killing_of(events, surname, told_before) if surname is not None else None
    return {**first.date, "how": "context"} if first is not None and first.date else None
