"""The pattern registry of the times stage: word lists, the reading context, and ``pattern``."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from sitrep.lowercue import LowerCue
from sitrep.rxfactor import compiled

MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9,
    "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}
WEEKDAYS = {"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6}
NUMBERS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "hundred": 100, "several": None, "few": None,
    "a few": None, "couple": 2, "a couple of": 2,
}
ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4}
SEASONS = {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}
PARTS = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "overnight": "NI"}
UNITS = {
    "year": "Y", "years": "Y", "month": "M", "months": "M", "week": "W", "weeks": "W",
    "day": "D", "days": "D", "hour": "H", "hours": "H", "minute": "M", "minutes": "M",
    "decade": "DE", "decades": "DE", "century": "CE", "centuries": "CE", "quarter": "Q", "quarters": "Q",
}

_MON = r"(?P<mon>Jan(?:uary|\.)?|Feb(?:ruary|\.)?|Mar(?:ch|\.)?|Apr(?:il|\.)?|May|June?|July?|Aug(?:ust|\.)?|Sept?(?:ember|\.)?|Oct(?:ober|\.)?|Nov(?:ember|\.)?|Dec(?:ember|\.)?)"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:1[6-9]|20)\d\d)"
_WD = r"(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_NUM = r"(?P<num>\d+(?:\.\d+)?|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|a hundred|several|a few|few|a couple of)"
_FUTURE = compiled(
    r"\b(?:will|shall|'ll|going to(?! (?:the|a|an|any|great|extraordinary|extreme|such|some|his|her|their|its|school|work|court|war|jail|prison)\b)|plans? to|planned (?:to|for)|scheduled|set to|expected to|is to|are to|(?:is|are) due to|(?<!the )next(?! (?:day|night|morning|evening|afternoon|time))|upcoming|coming)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class Ctx:
    """What a pattern needs to read a match: the anchor and the sentence's tense."""

    anchor: date | None
    future: bool
    day_first: bool


def _mon(s: str) -> int:
    return MONTHS[s.lower().rstrip(".")]


def _num(s: str) -> int | None:
    s = s.lower()
    if s[0].isdigit():
        return int(float(s))
    return NUMBERS.get(s)


def _week(d: date) -> str:
    y, w, _ = d.isocalendar()
    return f"{y}-W{w:02d}"


def _quarter_of(d: date) -> int:
    return (d.month - 1) // 3 + 1


def _shift_months(d: date, months: int) -> tuple[int, int]:
    m = d.year * 12 + d.month - 1 + months
    return m // 12, m % 12 + 1


def _nearest_year(anchor: date | None, month: int, day: int | None, future: bool) -> int | None:
    """The year that puts month(/day) nearest the anchor; the tense breaks near-ties.

    News dates without a year are within a few months of publication either way:
    "payable Dec. 15" in October is this December, "in February" in October is
    next February only if the sentence looks forward.
    """
    if anchor is None:
        return None
    best: tuple[float, int] | None = None
    for y in (anchor.year - 1, anchor.year, anchor.year + 1):
        try:
            d = date(y, month, day or 15)
        except ValueError:
            continue
        gap = (d - anchor).days
        if day is None and y == anchor.year and month == anchor.month:
            gap = 0
        # A forward-looking sentence looks forward; otherwise news reports the past,
        # but a date up to about three months ahead (a payment date, a deadline) still wins.
        cost = float(abs(gap))
        if future and gap < 0:
            cost += 300
        elif not future and gap > 0:
            cost += 150
        if best is None or cost < best[0]:
            best = (cost, y)
    return best[1] if best else None


# "a year earlier" means the period the text is about, a year before: a quarter in
# earnings news ("1988-Q3"), else the year. Resolved after the pass, in text order.
YEAR_AGO = "\x00year-ago"
_QUARTER_VALUE = compiled(r"^(\d{4})-(Q\d|H\d)$")

Handler = Callable[[re.Match[str], Ctx], tuple[str, str] | None]


@dataclass(frozen=True, slots=True)
class _Pattern:
    regex: re.Pattern[str]
    handler: Handler
    # Necessary conditions, checked per chunk of text before the regex runs there:
    # one bit per word list (and one for "a digit occurs"); a chunk is searched
    # only when its bits cover all of these.
    mask: int
    # The regex run on lower-cased text, its matches given as written (lowercue.py): faster.
    fast: LowerCue


_PATTERNS: list[_Pattern] = []
_DIGIT_BIT = 1
_WORD_BITS: dict[str, int] = {}
_NEED_LISTS: list[str] = ["<digit>"]


def pattern(
    regex: str, flags: int = re.IGNORECASE, *, needs: tuple[str, ...] = (), digit: bool = False
) -> Callable[[Handler], Handler]:
    """Register a handler for a regular expression (order of registration is priority).

    ``needs`` are space-separated word lists (lower case); a chunk of text is only
    searched when it holds a word of each list (and a digit, with ``digit``).
    Scanning 33 patterns over every word start dominates the cost; most chunks
    hold none of a pattern's words, so this makes the pass several times faster
    without changing what is found.
    """

    def wrap(fn: Handler) -> Handler:
        mask = _DIGIT_BIT if digit else 0
        for words in needs:
            bit = 1 << len(_NEED_LISTS)  # bit 0 is the digit; lists count from 1
            _NEED_LISTS.append(words)
            for w in words.split():
                _WORD_BITS[w] = _WORD_BITS.get(w, 0) | bit
            mask |= bit
        pattern = compiled(regex, flags)
        _PATTERNS.append(_Pattern(pattern, fn, mask, LowerCue(pattern)))
        return fn

    return wrap


_MONTH_WORDS = " ".join(MONTHS)
_FULL_MONTHS = " ".join(m for m in MONTHS if len(m) > 3 or m == "may")
_WEEKDAY_WORDS = " ".join(WEEKDAYS)
_UNIT_WORDS = " ".join(UNITS)
