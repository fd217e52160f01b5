"""Running tallies of a wave of unrest (#25): "more than 200 people have been arrested" counts
the arrests of every day since the unrest began, not an arrest on the day of the story.

Such a tally is put on the day the wave began, when the article tells that day (a riot dated
by "the December 6 killing unleashed a wave of unrest"), so that the tallies of many reports of
one wave join one pin; the article's own day is never that of a tally.
"""

from __future__ import annotations

import re
from typing import Any

from sitrep.model import Event
from sitrep.rxfactor import compiled

# "more than 200 people", "over 50 arrests", "hundreds of protesters": a count of many.
_MANY = compiled(
    r"\b(?:(?:more than|over|at least|nearly|almost|some|about|around)\s+\d[\d,]*|\d{2,}[\d,]*|hundreds|dozens|scores|thousands)\b[^.;]{0,50}$",
    re.IGNORECASE,
)
# "have been arrested", "has detained", "and more than 200 people arrested" after "have been smashed".
_PERFECT = compiled(r"\b(?:have|has)\s+(?:\w+\s+){0,2}?(?:been\s+)?$|\b(?:have|has)\s+been\s+[^.;]{0,80}$", re.IGNORECASE)
_TALLY_WORD = compiled(r"(?:arrest|detain)", re.IGNORECASE)
# "over 50 arrests have been made": the noun, then its perfect.
_PERFECT_AFTER = compiled(r"\s+(?:have|has)\s+(?:now\s+|also\s+|so far\s+)?been\s+(?:made|carried out)\b", re.IGNORECASE)


def tally(e: Event) -> bool:
    """Whether ``e`` is a running tally of arrests: a count of many, told in the perfect."""
    ev = e.evidence[0]
    return e.family == "detention" and told_as_tally(ev["text"], ev["trigger"]["start"] - ev["start"], str(ev["trigger"]["text"]))


def told_as_tally(sentence: str, start: int, trigger: str) -> bool:
    """Whether the arrest trigger ``trigger`` at ``start`` of ``sentence`` is a running tally
    ("more than 200 people have been arrested", "over 50 arrests have been made"): the
    country's, when no place is named."""
    if not _TALLY_WORD.match(trigger):
        return False
    perfect = _PERFECT.search(sentence, max(0, start - 120), start) or _PERFECT_AFTER.match(sentence, start + len(trigger))
    return bool(_MANY.search(sentence, max(0, start - 60), start)) and bool(perfect)


def wave_start(events: list[Event], today: str | None) -> dict[str, Any] | None:
    """The first day of the article's wave of unrest: its earliest riot or protest of a day,
    within a month before ``today`` (not the 1973 uprising a story recalls)."""
    days = [
        e.date for e in events
        if e.family in ("riot", "protest") and e.layer == "material" and e.modality not in ("planned", "hypothetical")
        and e.date and e.date.get("how") in ("text", "context") and len(str(e.date.get("value"))) == 10
        and (today is None or _within_month(str(e.date["value"]), today))
    ]  # fmt: skip
    return min(days, key=lambda d: str(d["value"])) if days else None


def _within_month(day: str, today: str) -> bool:
    y, m = int(today[:4]), int(today[5:7])
    before = f"{y - 1}-12{today[7:10]}" if m == 1 else f"{y}-{m - 1:02d}{today[7:10]}"
    return before <= day <= today


def date_tallies(events: list[Event], today: str | None) -> None:
    """Put each running tally of arrests on the day its wave of unrest began, when told."""
    start = wave_start(events, today)
    if start is None:
        return
    for e in events:
        if tally(e) and e.date and (
            str(e.date.get("value")) > str(start["value"])
            # "Since the shooting, over 50 arrests have been made": not on the day of the cause
            or (e.date.get("how") in ("context", "lead") and str(e.date.get("value")) < str(start["value"]))
        ):
            e.date = {**start, "how": "context"}


# "have been arrested", "has been detained": done some time before the telling, day untold.
_PERFECT_JUST_BEFORE = compiled(r"\b(?:have|has)\s+(?:now\s+|also\s+|since\s+)?been\s+$", re.IGNORECASE)
_CAUSES = ("attack", "clash")


def after_its_cause(events: list[Event], today: str | None) -> None:
    """An arrest told in the perfect with no day of its own, beside the event it followed from
    ("The two officers involved in the boy's shooting have been arrested", a week on): some day
    between that event and the story's, known to the month, not the day of the story."""
    if today is None or len(today) < 10:
        return
    for e in events:
        ev = e.evidence[0]
        at = ev["trigger"]["start"] - ev["start"]
        if e.family != "detention" or e.layer != "material" or (e.date or {}).get("how") == "text" or tally(e):
            continue
        if not _PERFECT_JUST_BEFORE.search(ev["text"], max(0, at - 30), at):
            continue
        causes = [
            str(c.date["value"]) for c in events
            if c.family in _CAUSES and any(x["start"] == ev["start"] for x in c.evidence) and c.date and len(str(c.date.get("value"))) == 10
        ]  # fmt: skip
        if causes and min(causes) < _days_before(today, 1) and min(causes)[:7] == today[:7]:
            e.date = {"value": today[:7], "precision": "month", "how": "context", "text": None}


def _days_before(today: str, n: int) -> str:
    from datetime import date, timedelta

    return (date.fromisoformat(today[:10]) - timedelta(days=n)).isoformat()


# "a series of bombings", "a spate of attacks", "a string of killings": many happenings told at once.
_SERIES_OF = compiled(r"\b(?:series|string|spate|spree|wave|rash|chain)\s+of\s+(?:[\w-]+\s+){0,2}$", re.IGNORECASE)


def undated_series(sentence: str, start: int, date: dict[str, Any] | None) -> bool:
    """Whether the trigger at ``start`` names many happenings ("a series of bombings in Atlanta")
    with no day of their own: no one event to pin (each is told, and dated, on its own)."""
    return (date or {}).get("how") != "text" and bool(_SERIES_OF.search(sentence, max(0, start - 50), start))
