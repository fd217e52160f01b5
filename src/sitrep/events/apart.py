"""Events told days apart from the sentence's own (#25): "the blast came a day after a string of
attacks killed 50" tells two events on two days."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from sitrep.events.dating import NUMBERS
from sitrep.lowercue import LowerCue
from sitrep.model import Event, TimeRef
from sitrep.rxfactor import compiled

# (Run on lower-cased text, and only where "day" or "week" is: searched before every trigger.)
_DAY_OR_WEEK = compiled(r"day|week", re.IGNORECASE)
_DAYS_APART = LowerCue(compiled(
    # (Not across a comma that closes the phrase: "On the night of July 1, two days after the
    # commission announced its decision, arsonists set fire to ten churches": July 1 is the fires')
    r"\b(?P<n>a|one|two|three|four|five|six|\d)\s+(?P<unit>days?|weeks?)\s+(?P<rel>after|before)\s+(?:[\w'’-]+\s+){0,12}?$",
    re.IGNORECASE,
), needs=_DAY_OR_WEEK)

# "the one-week anniversary of the shooting", "vigils to mark a week since the police shooting".
_ANNIVERSARY = LowerCue(compiled(
    r"\b(?P<n>a|one|two|three|four|five|six|\d)[- ](?P<unit>days?|weeks?)\s+(?:anniversary\s+of|since)\s+(?:the\s+)?(?:[\w'’-]+\s+){0,3}?$",
    re.IGNORECASE,
), needs=_DAY_OR_WEEK)


def _apart(sentence: str, start: int) -> re.Match[str] | None:
    return _DAYS_APART.search(sentence, max(0, start - 100), start) or _ANNIVERSARY.search(sentence, max(0, start - 60), start)


def anniversary(sentence: str, start: int) -> bool:
    """Whether the trigger at ``start`` is the event an anniversary counts from, whatever day the
    sentence names ("On Saturday, the one-week anniversary of the shooting": not Saturday's)."""
    return _ANNIVERSARY.search(sentence, max(0, start - 60), start) is not None


def apart_at(sentence: str, start: int) -> int | None:
    """Where the words that set the trigger at ``start`` days apart begin ("a day after"), or None."""
    m = _apart(sentence, start)
    return None if m is None else m.start()


def days_apart(sentence: str, start: int) -> int | None:
    """Days from the sentence's own event to the one whose trigger is at ``start``, when the text
    tells them apart: "the blast came a day after a string of attacks killed 50" (-1), "the
    one-week anniversary of the shooting" (-7)."""
    m = _apart(sentence, start)
    if m is None:
        return None
    word = m.group("n").lower()
    n = int(word) if word.isdigit() else ({"a": 1, "one": 1} | NUMBERS).get(word, 0)
    days = n * (7 if m.group("unit").lower().startswith("week") else 1)
    return -days if "rel" not in m.groupdict() or m.group("rel").lower() == "after" else days


def shifted(date: dict[str, Any] | None, days: int) -> dict[str, Any] | None:
    """A day ``days`` away from ``date`` (a day), told by the text ("a day after")."""
    if not date or len(str(date.get("value") or "")) != 10:
        return None
    day = dt.date.fromisoformat(str(date["value"])) + dt.timedelta(days=days)
    return {"value": day.isoformat(), "precision": "day", "how": "text", "text": f"{abs(days)} day(s) {'before' if days < 0 else 'after'}"}


_SOME_TIME_AFTER = compiled(
    r"\b(?:shortly|soon|just|hours|days|weeks|a few days)\s+after\s+(?:[\w'’,-]+\s+){0,8}?$", re.IGNORECASE
)


def some_time_before(sentence: str, start: int, date: dict[str, Any] | None) -> dict[str, Any] | None:
    """The month of an earlier event the sentence's own came "shortly after" or "days after" (the
    trigger at ``start``), by an unknown number of days: not the story's day (``date``), but the
    month of a few days before it ("captured Ramadi" days before the fall of Palmyra on 21 May).
    None when the sentence tells no such event or no day to count back from."""
    m = _SOME_TIME_AFTER.search(sentence, max(0, start - 90), start)
    if m is None or not date or len(str(date.get("value") or "")) != 10:
        return None
    month = (dt.date.fromisoformat(str(date["value"])) - dt.timedelta(days=3)).isoformat()[:7]
    return {"value": month, "precision": "month", "how": "text", "text": m.group().split(" after")[0] + " after"}


# "a day after", "two weeks before": what the sentence tells past it is another day's.
# ("The massacre came less than a month after 64 people were killed in a similar attack": not its dead)
_APART_SPAN = compiled(
    r"\b(?:(?:(?:less|more)\s+than|nearly|almost|about|just|only|barely)\s+)?(?:a|one|two|three|four|five|six|\d+|several|a\s+few)\s+(?:days?|weeks?|nights?|months?|years?)\s+(?:after|before)\b"
    r"|\b(?:hours|days|weeks|months)\s+(?:after|before)\b",
    re.IGNORECASE,
)


def apart_between(sentence: str, a: int, b: int) -> bool:
    """Whether words that set another day ("a day after") stand between offsets ``a`` and ``b``
    of ``sentence``: "Rioters burned malls on Thursday, a day after security forces shot dead
    six students": the six are not the riot's dead."""
    return a < b and _APART_SPAN.search(sentence, a, b) is not None


# "protesters detained after Monday's violent demonstration", "died after Sunday's raid": held or
# killed on the day of what they followed, not the day the story is printed.
_AFTER_DAYS = compiled(r"\s+(?:(?:late|early|soon|shortly|hours|just)\s+)?after\s+(?:the\s+)?(?P<day>(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|last\s+night)['’]s\s+(?:[\w-]+\s+){0,3}?[\w-]+")


def after_day(events: list[Event], sentence: str, s_start: int, times: list[TimeRef]) -> None:
    """Date an arrest or a death told "after Monday's demonstration" to that Monday, when the
    text gives it no day of its own."""
    for e in events:
        if e.family not in ("detention", "attack") or (e.date or {}).get("how") == "text":
            continue
        m = _AFTER_DAYS.match(sentence, e.evidence[0]["trigger"]["end"] - s_start)
        day = next((t for t in times if m is not None and t.start == s_start + m.start("day") and len(t.value) == 10 and t.value[:1].isdigit()), None)
        if day is not None:
            e.date = {"value": day.value, "precision": "day", "how": "context", "text": day.text}
