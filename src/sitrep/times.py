"""Time expressions: found in text and normalised to TimeML-style values.

Values are anchored on the article's publication date, the way a reader who
knows the date reads them: "on Thursday" in a report published on Thursday
12 August 2021 is 2021-08-12; "last week" is 2021-W31; "the third quarter" is
2021-Q3; "now" is PRESENT_REF. A bare weekday or month resolves backwards in a
past-tense sentence (news reports what happened) and forwards in a future-tense
one ("will meet on Monday"). Day-month order for numeric dates is a setting of
the outlet, never guessed per string.

Patterns are ordered regular expressions, not a parser: fast, readable, and
each one says what it reads. Types follow CONTRACT: date, time, duration, set.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, timedelta

from sitrep.model import TimeRef

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
_FUTURE = re.compile(
    r"\b(?:will|shall|'ll|going to(?! (?:the|a|an|any|great|extraordinary|extreme|such|some|his|her|their|its|school|work|court|war|jail|prison)\b)|plans? to|planned (?:to|for)|scheduled|set to|expected to|is to|are to|(?:is|are) due to|would|(?<!the )next(?! (?:day|night|morning|evening|afternoon|time))|upcoming|coming)\b",
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
        # but a date a few months ahead (a payment date, a deadline) still wins.
        cost = float(abs(gap))
        if future and gap < 0:
            cost += 300
        elif not future and gap > 0:
            cost += 90
        if best is None or cost < best[0]:
            best = (cost, y)
    return best[1] if best else None


# "a year earlier" means the period the text is about, a year before: a quarter in
# earnings news ("1988-Q3"), else the year. Resolved after the pass, in text order.
YEAR_AGO = "\x00year-ago"
_QUARTER_VALUE = re.compile(r"^(\d{4})-(Q\d|H\d)$")

Handler = Callable[[re.Match[str], Ctx], tuple[str, str] | None]


@dataclass(frozen=True, slots=True)
class _Pattern:
    regex: re.Pattern[str]
    handler: Handler
    # Necessary conditions, checked per chunk of text before the regex runs there:
    # one bit per word list (and one for "a digit occurs"); a chunk is searched
    # only when its bits cover all of these.
    mask: int


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
        _PATTERNS.append(_Pattern(re.compile(regex, flags), fn, mask))
        return fn

    return wrap


_MONTH_WORDS = " ".join(MONTHS)
_FULL_MONTHS = " ".join(m for m in MONTHS if len(m) > 3 or m == "may")
_WEEKDAY_WORDS = " ".join(WEEKDAYS)
_UNIT_WORDS = " ".join(UNITS)


# -- absolute dates -------------------------------------------------------------


@pattern(r"\b(?P<y>(?:19|20)\d\d)-(?P<m>[01]\d)-(?P<d>[0-3]\d)\b", digit=True)
def _iso(m: re.Match[str], c: Ctx) -> tuple[str, str] | None:
    return f"{m['y']}-{m['m']}-{m['d']}", "date"


@pattern(r"\b" + _MON + r"\s+" + _DAY + r",?\s+" + _YEAR + r"\b", needs=(_MONTH_WORDS,), digit=True)
def _mdy(m: re.Match[str], c: Ctx) -> tuple[str, str] | None:
    return _ymd(int(m["year"]), _mon(m["mon"]), int(m["day"]))


@pattern(r"\b" + _DAY + r"\s+(?:of\s+)?" + _MON + r",?\s+" + _YEAR + r"\b", needs=(_MONTH_WORDS,), digit=True)
def _dmy(m: re.Match[str], c: Ctx) -> tuple[str, str] | None:
    return _ymd(int(m["year"]), _mon(m["mon"]), int(m["day"]))


@pattern(r"\b(?P<a>[0-3]?\d)[/.](?P<b>[0-3]?\d)[/.](?P<y>(?:19|20)\d\d)\b", digit=True)
def _numeric(m: re.Match[str], c: Ctx) -> tuple[str, str] | None:
    a, b = int(m["a"]), int(m["b"])
    day, month = (a, b) if c.day_first else (b, a)
    return _ymd(int(m["y"]), month, day)


def _ymd(y: int, mo: int, d: int) -> tuple[str, str] | None:
    try:
        date(y, mo, d)
    except ValueError:
        return None
    return f"{y:04d}-{mo:02d}-{d:02d}", "date"


@pattern(r"\b(?:(?P<wd2>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),?\s+)?" + _MON + r"\s+" + _DAY + r"\b(?!\s*(?:,\s*)?(?:1[6-9]|20)\d\d)(?![:\d])", needs=(_MONTH_WORDS,), digit=True)
def _md(m: re.Match[str], c: Ctx) -> tuple[str, str] | None:
    if m["mon"] in ("May", "March") and not m["wd2"] and int(m["day"]) > 31:
        return None
    mo, d = _mon(m["mon"]), int(m["day"])
    if not 1 <= d <= 31:
        return None
    y = _nearest_year(c.anchor, mo, d, c.future)
    if y is None:
        return f"XXXX-{mo:02d}-{d:02d}", "date"
    return _ymd(y, mo, d)


@pattern(r"\b" + _DAY + r"\s+" + _MON + r"\b(?!,?\s*(?:1[6-9]|20)\d\d)", needs=(_MONTH_WORDS,), digit=True)
def _dm(m: re.Match[str], c: Ctx) -> tuple[str, str] | None:
    mo, d = _mon(m["mon"]), int(m["day"])
    if not 1 <= d <= 31:
        return None
    y = _nearest_year(c.anchor, mo, d, c.future)
    return _ymd(y, mo, d) if y else (f"XXXX-{mo:02d}-{d:02d}", "date")


@pattern(r"\b(?P<mon>January|February|March|April|May|June|July|August|September|October|November|December)\s+(?P<rel>last|this|next)\s+year\b", 0, needs=(_FULL_MONTHS, "year"))
def _month_of_rel_year(m: re.Match[str], c: Ctx) -> tuple[str, str] | None:
    if c.anchor is None:
        return None
    step = {"last": -1, "this": 0, "next": 1}[m["rel"]]
    return f"{c.anchor.year + step}-{_mon(m['mon']):02d}", "date"


@pattern(r"\b(?:(?P<pos>early|mid|late|the end of|end of|the beginning of)[- ]?)?" + _MON + r",?\s+(?:of\s+)?" + _YEAR + r"\b", needs=(_MONTH_WORDS,), digit=True)
def _my(m: re.Match[str], c: Ctx) -> tuple[str, str] | None:
    return f"{m['year']}-{_mon(m['mon']):02d}", "date"


@pattern(
    r"\b(?:(?P<rel>last|next|this|past|coming|early|mid|late|since|until|in|by|from|during)[- ]?)\s*"
    r"(?P<mon>January|February|March|April|May|June|July|August|September|October|November|December)\b",
    0,
    needs=(_FULL_MONTHS,),
)
def _month_rel(m: re.Match[str], c: Ctx) -> tuple[str, str] | None:
    mo = _mon(m["mon"])
    rel = m["rel"].lower()
    future = c.future or rel in ("next", "coming", "until")
    if rel in ("last", "past", "since", "from"):
        future = False
    if c.anchor is None:
        return f"XXXX-{mo:02d}", "date"
    if rel == "this":
        return f"{c.anchor.year}-{mo:02d}", "date"
    if rel == "last":
        # "last April" in October is this April; "last February" in March is a year back.
        return f"{c.anchor.year - (0 if mo < c.anchor.month - 1 else 1)}-{mo:02d}", "date"
    if rel == "next":
        return f"{c.anchor.year + (1 if mo <= c.anchor.month else 0)}-{mo:02d}", "date"
    y = _nearest_year(c.anchor, mo, None, future)
    return f"{y}-{mo:02d}", "date"


@pattern(r"\b(?P<mon>January|February|April|June|July|August|September|October|November|December)\b", 0, needs=(_FULL_MONTHS,))
def _month(m: re.Match[str], c: Ctx) -> tuple[str, str] | None:
    mo = _mon(m["mon"])
    if c.anchor is None:
        return f"XXXX-{mo:02d}", "date"
    return f"{_nearest_year(c.anchor, mo, None, c.future)}-{mo:02d}", "date"


_UNITS_W = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
_TEENS_W = ["ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"]
_TENS_W = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
_TWO_DIGITS = (
    r"(?:(?:" + "|".join(_TENS_W) + r")(?:[- ](?:" + "|".join(_UNITS_W) + r"))?|" + "|".join(_TEENS_W) + r")"
)
_SPOKEN_YEAR = r"(?P<spoken>(?:nineteen|eighteen)[- ]" + _TWO_DIGITS + r"|two thousand(?:(?: and)? (?:" + "|".join(_UNITS_W + _TEENS_W) + r"))?)"


def _spoken(words: str) -> int | None:
    """ "nineteen ninety-six" -> 1996, "two thousand and one" -> 2001 (broadcast transcripts)."""
    w = words.lower().replace("-", " ").split()
    small = {x: i + 1 for i, x in enumerate(_UNITS_W)} | {x: i + 10 for i, x in enumerate(_TEENS_W)}
    tens = {x: (i + 2) * 10 for i, x in enumerate(_TENS_W)}
    if w[:2] == ["two", "thousand"]:
        rest = [x for x in w[2:] if x != "and"]
        return 2000 + (small.get(rest[0], 0) if rest else 0)
    if w[0] not in ("nineteen", "eighteen"):
        return None
    century = 1900 if w[0] == "nineteen" else 1800
    rest = w[1:]
    if rest and rest[0] in tens:
        return century + tens[rest[0]] + (small.get(rest[1], 0) if len(rest) > 1 else 0)
    if rest and rest[0] in small:
        return century + small[rest[0]]
    return None


@pattern(r"\b(?:(?P<mon>January|February|March|April|May|June|July|August|September|October|November|December)\s+|the year\s+)?" + _SPOKEN_YEAR + r"\b", needs=("nineteen eighteen thousand",))
def _spoken_year(m: re.Match[str], c: Ctx) -> tuple[str, str] | None:
    y = _spoken(m["spoken"])
    if y is None:
        return None
    return (f"{y}-{_mon(m['mon']):02d}" if m["mon"] else str(y)), "date"


@pattern(r"\b(?:the\s+)?(?:(?P<pos>early|mid|late)[- ])?(?P<dec>(?:1[6-9]|20)\d0)'?s\b", digit=True)
def _decade(m: re.Match[str], c: Ctx) -> tuple[str, str] | None:
    return m["dec"][:3], "date"


@pattern(r"\b(?:the\s+)?(?P<word>twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)\b", needs=("twenties thirties forties fifties sixties seventies eighties nineties",))
def _decade_word(m: re.Match[str], c: Ctx) -> tuple[str, str] | None:
    digit = ["twenties", "thirties", "forties", "fifties", "sixties", "seventies", "eighties", "nineties"].index(m["word"].lower()) + 2
    return f"19{digit}", "date"


@pattern(r"\b(?:the\s+)?(?P<n>\d{1,2})(?:st|nd|rd|th)[- ]century\b", needs=("century",), digit=True)
def _century(m: re.Match[str], c: Ctx) -> tuple[str, str] | None:
    return f"{int(m['n']) - 1:02d}", "date"


@pattern(r"\b(?P<fy>fiscal|FY)\s*" + _YEAR + r"\b", needs=("fiscal fy",), digit=True)
def _fiscal(m: re.Match[str], c: Ctx) -> tuple[str, str] | None:
    return m["year"], "date"


@pattern(r"\b(?P<q>first|second|third|fourth|1st|2nd|3rd|4th)[- ]quarter\s+(?:of\s+)?" + _YEAR + r"\b", needs=("quarter",), digit=True)
def _quarter_year(m: re.Match[str], c: Ctx) -> tuple[str, str] | None:
    return f"{m['year']}-Q{ORDINALS[m['q'].lower()]}", "date"


@pattern(r"\b(?:the\s+)?(?:(?P<mod>fiscal|latest|current|year-earlier|year-ago)\s+)?(?P<q>first|second|third|fourth|1st|2nd|3rd|4th)[- ](?:fiscal[- ])?quarter\b", needs=("quarter",))
def _quarter(m: re.Match[str], c: Ctx) -> tuple[str, str] | None:
    q = ORDINALS[m["q"].lower()]
    if c.anchor is None:
        return f"XXXX-Q{q}", "date"
    y = c.anchor.year
    if (m["mod"] or "").lower() in ("year-earlier", "year-ago") or (q > _quarter_of(c.anchor) and not c.future):
        y -= 1
    return f"{y}-Q{q}", "date"


@pattern(r"\b(?:in\s+|of\s+|since\s+|by\s+|until\s+|from\s+|during\s+|before\s+|after\s+|early\s+|late\s+|mid-|the\s+year\s+|spring\s+|summer\s+|fall\s+|winter\s+|,\s+)?" + _YEAR + r"\b(?!\s*(?:troops|soldiers|people|men|women|years|km|miles|kilometres|metres|feet|dollars|tons|tonnes|members|fighters|cases)\b)(?![,.]\d)", digit=True)
def _year(m: re.Match[str], c: Ctx) -> tuple[str, str] | None:
    y = int(m["year"])
    if c.anchor is not None and y > c.anchor.year + 30:
        return None
    return m["year"], "date"


# -- relative to the anchor -------------------------------------------------------


@pattern(r"\b(?P<pre>late\s+|early\s+)?(?P<w>today|yesterday|tomorrow|tonight)(?:\s+(?P<part>morning|afternoon|evening|night))?\b", needs=("today yesterday tomorrow tonight",))
def _deictic(m: re.Match[str], c: Ctx) -> tuple[str, str] | None:
    if c.anchor is None:
        return None
    w = m["w"].lower()
    d = c.anchor + timedelta(days={"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}[w])
    return d.isoformat(), "date"


@pattern(r"\b(?:(?:last|late last|early last)\s+night|overnight)\b", needs=("night overnight",))
def _last_night(m: re.Match[str], c: Ctx) -> tuple[str, str] | None:
    """"last night" and a past "overnight" are the night before the publication day (TIMEX3 ``TNI``)."""
    if c.anchor is None or (m.group().lower() == "overnight" and c.future):
        return None
    return f"{(c.anchor - timedelta(days=1)).isoformat()}TNI", "time"


# Words that make a weekday part of a name ("Bloody Sunday", "Super Tuesday", "Free Sunday
# newspapers"). A bare capitalised word is not enough: "in Kabul Sunday" is a date.
_NAME_BEFORE = re.compile(r"\b(?:Bloody|Free|Super|Black|Good|Easter|Palm|Holy|Ash|Cyber|Fat|Maundy|Whit|Low|Orthodox)\s$")
_NAME_AFTER = re.compile(r"\s(?:Times|Telegraph|Herald|Express|Mirror|Post|Mail|World|Independent|Tribune|Star|Night Live|Magazine|Review|Observer|newspapers?|edition|supplement)\b")


def _named_day(text: str, start: int, end: int) -> bool:
    """A weekday inside a name, not a date: "Free Sunday newspapers", "Bloody Sunday",
    "Super Tuesday", "the Sunday Times"."""
    return bool(_NAME_BEFORE.search(text, max(0, start - 12), start)) or bool(_NAME_AFTER.match(text, end))


@pattern(r"\b(?:(?P<rel>last|next|this|past|coming|on|since|by|until|from|before|after)\s+)?" + _WD + r"(?:\s+(?P<part>morning|afternoon|evening|night))?\b(?:\s*,?\s*(?:" + _MON + r"\s+" + _DAY + r"))?", 0, needs=(_WEEKDAY_WORDS,))
def _weekday(m: re.Match[str], c: Ctx) -> tuple[str, str] | None:
    if not m["rel"] and not m["mon"] and not m["part"] and _named_day(m.string, m.start("wd"), m.end("wd")):
        return None
    if m["mon"]:
        mo, d = _mon(m["mon"]), int(m["day"])
        y = _nearest_year(c.anchor, mo, d, c.future) if c.anchor else None
        return _ymd(y, mo, d) if y else (f"XXXX-{mo:02d}-{d:02d}", "date")
    if c.anchor is None:
        return f"XXXX-WXX-{WEEKDAYS[m['wd'].lower()] + 1}", "date"
    target = WEEKDAYS[m["wd"].lower()]
    rel = (m["rel"] or "").lower()
    delta = (c.anchor.weekday() - target) % 7
    back = c.anchor - timedelta(days=delta)
    future = c.future or rel in ("next", "coming", "until")
    if rel in ("last", "past", "since"):
        future = False
    if rel == "last" and delta == 0:
        back -= timedelta(days=7)
    if future:
        ahead = (target - c.anchor.weekday()) % 7 or (7 if rel == "next" else 0)
        return (c.anchor + timedelta(days=ahead)).isoformat(), "date"
    return back.isoformat(), "date"


@pattern(r"\b(?:(?P<pre>earlier|later)\s+)?(?P<rel>last|next|this|past|coming|the current|the previous|the following|the latest|the same)\s+(?P<unit>week|weekend|month|year|quarter|summer|spring|fall|autumn|winter)\b", needs=("last next this past coming current previous following latest same", "week weekend month year quarter summer spring fall autumn winter"))
def _rel_unit(m: re.Match[str], c: Ctx) -> tuple[str, str] | None:
    if c.anchor is None:
        return None
    rel = m["rel"].lower().replace("the ", "")
    step = {"last": -1, "past": -1, "previous": -1, "next": 1, "coming": 1, "following": 1}.get(rel, 0)
    return _unit_value(c.anchor, m["unit"].lower(), step, latest=rel == "latest"), "date"


def _unit_value(a: date, unit: str, step: int, latest: bool = False) -> str:
    if unit == "week":
        return _week(a + timedelta(weeks=step))
    if unit == "weekend":
        return _week(a + timedelta(weeks=step)) + "-WE"
    if unit == "month":
        y, mo = _shift_months(a, step)
        return f"{y}-{mo:02d}"
    if unit == "year":
        return str(a.year + step)
    if unit == "quarter":
        q = _quarter_of(a) + step - (1 if latest else 0)
        y = a.year + (q - 1) // 4
        return f"{y}-Q{(q - 1) % 4 + 1}"
    season = SEASONS[unit]
    return f"{a.year + step}-{season}"


@pattern(r"\b(?:the\s+)?(?P<unit>weekend|quarter|year|month|week)(?=\s|[,.;:])(?!\s+(?:of|before|after|ago|earlier|later|old)\b)", needs=("weekend quarter year month week",))
def _the_unit(m: re.Match[str], c: Ctx) -> tuple[str, str] | None:
    # Only "the quarter", "the year", "the weekend": a bare "year" is a unit, not a time.
    if not m.group(0).lower().startswith("the ") or c.anchor is None:
        return None
    unit = m["unit"].lower()
    if unit == "quarter":
        return _unit_value(c.anchor, "quarter", 0, latest=True), "date"
    if unit == "weekend":
        return _unit_value(c.anchor, "weekend", -1 if not c.future else 0), "date"
    return _unit_value(c.anchor, unit, 0), "date"


@pattern(r"\b(?:the\s+)?(?:current|full|whole|entire|this)\s+(?:fiscal\s+)?year\b|\bthe\s+fiscal\s+year\b", needs=("year",))
def _this_year(m: re.Match[str], c: Ctx) -> tuple[str, str] | None:
    return (str(c.anchor.year), "date") if c.anchor else None


@pattern(r"\b(?:the\s+)?(?:latest|current|year-earlier|year-ago|comparable|same)\s+(?:period|quarter)\b", needs=("period quarter",))
def _latest_period(m: re.Match[str], c: Ctx) -> tuple[str, str] | None:
    if c.anchor is None:
        return None
    text = m.group(0).lower()
    q = _unit_value(c.anchor, "quarter", 0, latest=True)
    if "year-" in text:
        y, qq = q.split("-")
        q = f"{int(y) - 1}-{qq}"
    return q, "date"


@pattern(r"\b(?:about\s+|nearly\s+|almost\s+|some\s+|more than\s+)?" + _NUM + r"\s+(?P<unit>years?|months?|weeks?|days?|decades?)\s+(?P<dir>ago|earlier|before|later|from now|hence)\b", needs=("ago earlier before later now hence", "year years month months week weeks day days decade decades"))
def _ago(m: re.Match[str], c: Ctx) -> tuple[str, str] | None:
    n = _num(m["num"])
    unit = m["unit"].lower().rstrip("s")
    back = m["dir"].lower() in ("ago", "earlier", "before")
    if c.anchor is None:
        return None
    if n is None:
        return ("PAST_REF" if back else "FUTURE_REF"), "date"
    sign = -1 if back else 1
    if unit == "year":
        if n == 1 and back:
            return YEAR_AGO, "date"
        return str(c.anchor.year + sign * n), "date"
    if unit == "decade":
        return str(c.anchor.year + sign * 10 * n)[:3], "date"
    if unit == "month":
        y, mo = _shift_months(c.anchor, sign * n)
        return f"{y}-{mo:02d}", "date"
    if unit == "week":
        return _week(c.anchor + timedelta(weeks=sign * n)), "date"
    return (c.anchor + timedelta(days=sign * n)).isoformat(), "date"


@pattern(r"\b(?:a\s+)?year[- ](?:earlier|ago)\b", needs=("year",))
def _year_ago(m: re.Match[str], c: Ctx) -> tuple[str, str] | None:
    return (YEAR_AGO, "date") if c.anchor else None


@pattern(r"\b(?P<w>now|currently|current|at present|presently|nowadays|these days|at the moment|at this time|right now)\b", needs=("now currently current present presently nowadays days moment time",))
def _present(m: re.Match[str], c: Ctx) -> tuple[str, str] | None:
    return "PRESENT_REF", "date"


@pattern(r"\b(?P<w>recently|recent|the past|previously|formerly|in the past|lately|once|earlier|in recent years|recent years)\b", needs=("recently recent past previously formerly lately once earlier years",))
def _past(m: re.Match[str], c: Ctx) -> tuple[str, str] | None:
    w = m["w"].lower()
    if w in ("once", "earlier"):
        return None
    return "PAST_REF", "date"


@pattern(r"\b(?P<w>the future|in the future|soon|future|eventually|one day|in the coming (?:days|weeks|months|years)|coming (?:days|weeks|months|years))\b", needs=("future soon eventually day coming",))
def _future(m: re.Match[str], c: Ctx) -> tuple[str, str] | None:
    return "FUTURE_REF", "date"


@pattern(r"\b(?:(?P<pos>earlier|later)\s+)?this\s+(?P<unit>morning|afternoon|evening)\b", needs=("this", "morning afternoon evening"))
def _this_part(m: re.Match[str], c: Ctx) -> tuple[str, str] | None:
    return (c.anchor.isoformat(), "date") if c.anchor else None


@pattern(r"\b(?:this|last|next)\s+(?P<season>spring|summer|fall|autumn|winter)\b|\bthis\s+past\s+(?P<season2>spring|summer|fall|autumn|winter)\b", needs=("spring summer fall autumn winter",))
def _season(m: re.Match[str], c: Ctx) -> tuple[str, str] | None:
    if c.anchor is None:
        return None
    text = m.group(0).lower()
    season = SEASONS[(m["season"] or m["season2"]).lower()]
    y = c.anchor.year + (1 if text.startswith("next") else -1 if text.startswith("last") else 0)
    return f"{y}-{season}", "date"


# -- durations and sets -----------------------------------------------------------


@pattern(r"\b(?:(?:for|about|nearly|almost|some|more than|over|at least|the past|the last|the next|within the next|within)\s+)?" + _NUM + r"(?:\s+to\s+(?P<num2>\d+))?[- ](?P<unit>years?|months?|weeks?|days?|hours?|minutes?|decades?)(?:-long|-old)?\b(?!\s+(?:ago|earlier|later|before|from now))", needs=(_UNIT_WORDS,))
def _duration(m: re.Match[str], c: Ctx) -> tuple[str, str] | None:
    n = _num(m["num2"] or m["num"])
    unit = m["unit"].lower()
    if m.group(0).lower().endswith("-old"):
        return None
    code = UNITS[unit]
    amount = "X" if n is None else str(n)
    if code == "DE":
        return f"P{amount if n is None else n * 10}Y", "duration"
    if unit.startswith(("hour", "minute")):
        return f"PT{amount}{code}", "duration"
    return f"P{amount}{code}", "duration"


@pattern(r"\b(?:every|each)\s+(?P<unit>day|week|month|year|morning|night|evening)\b|\b(?P<adv>daily|weekly|monthly|annually|yearly|nightly)\b", needs=("every each daily weekly monthly annually yearly nightly",))
def _set(m: re.Match[str], c: Ctx) -> tuple[str, str] | None:
    unit = (m["unit"] or m["adv"]).lower()
    code = {"day": "P1D", "daily": "P1D", "morning": "P1D", "night": "P1D", "nightly": "P1D", "evening": "P1D",
            "week": "P1W", "weekly": "P1W", "month": "P1M", "monthly": "P1M", "year": "P1Y",
            "annually": "P1Y", "yearly": "P1Y"}[unit]
    return code, "set"


_SENTENCE = re.compile(r"[^.!?\n]*(?:[.!?]+|\n|$)")


class _Tense:
    """Whether the sentence around an offset speaks of the future, read once per sentence."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.spans = [(m.start(), m.end()) for m in _SENTENCE.finditer(text) if m.end() > m.start()]
        self.starts = [s for s, _ in self.spans]
        self.cache: dict[int, bool] = {}

    def future(self, offset: int) -> bool:
        i = bisect_right(self.starts, offset) - 1
        if i < 0:
            return False
        if i not in self.cache:
            s, e = self.spans[i]
            self.cache[i] = bool(_FUTURE.search(self.text, s, e))
        return self.cache[i]


_CHUNK_END = re.compile(r"\n|(?<=[.!?])\s+(?=[A-Z\"“])")
_LOWER_WORD = re.compile(r"[a-z]+")
_HAS_DIGIT = re.compile(r"\d")


def _chunks(text: str) -> list[tuple[int, int, int]]:
    """Lines and sentences of ``text`` with the bits of the pattern words they hold."""
    out = []
    start = 0
    bits = _WORD_BITS
    for m in (*_CHUNK_END.finditer(text), None):
        end = m.end() if m else len(text)
        if end > start:
            piece = text[start:end]
            mask = _DIGIT_BIT if _HAS_DIGIT.search(piece) else 0
            for w in set(_LOWER_WORD.findall(piece.lower())):
                mask |= bits.get(w, 0)
            out.append((start, end, mask))
        start = end
    return out


def _matches(text: str, pat: _Pattern, chunks: list[tuple[int, int, int]]) -> Iterator[re.Match[str]]:
    """The pattern's matches, searched only in runs of chunks that meet its needs."""
    need = pat.mask
    run_start = run_end = -1
    for start, end, mask in chunks:
        if mask & need == need:
            if run_start < 0:
                run_start = start
            run_end = end
            continue
        if run_start >= 0:
            yield from pat.regex.finditer(text, run_start, run_end)
            run_start = -1
    if run_start >= 0:
        yield from pat.regex.finditer(text, run_start, run_end)


def find_times(text: str, anchor: date | None, *, day_first: bool = True) -> list[TimeRef]:
    """Time expressions in ``text``, normalised against ``anchor`` (the publication date).

    ``day_first`` reads 03/04/2021 as 3 April (the outlet's convention, not a guess).
    Overlapping matches: the longest wins, then the earliest.
    """
    tense = _Tense(text)
    found: list[tuple[int, int, str, str]] = []
    chunks = _chunks(text)
    for pat in _PATTERNS:
        handler = pat.handler
        for m in _matches(text, pat, chunks):
            start, end = m.span()
            # Keep leading prepositions out of the span, as TimeML does ("on Thursday" -> "Thursday"
            # would lose the weekday's reading; the value is what matters, the span starts at the word).
            future = tense.future(start)
            got = handler(m, Ctx(anchor, future, day_first))
            if got is None:
                continue
            start, end = _trim(text, start, end)
            found.append((start, end, got[0], got[1]))
    found.sort(key=lambda t: (t[0], -(t[1] - t[0])))
    out: list[TimeRef] = []
    last_end = -1
    for start, end, value, kind in sorted(found, key=lambda t: (-(t[1] - t[0]), t[0])):
        if any(not (end <= r.start or start >= r.end) for r in out):
            continue
        out.append(TimeRef(start, end, text[start:end], value, kind))
        last_end = max(last_end, end)
    out.sort(key=lambda r: r.start)
    period: str | None = None
    for r in out:
        if r.value == YEAR_AGO:
            q = _QUARTER_VALUE.match(period or "")
            if q:
                r.value = f"{int(q[1]) - 1}-{q[2]}"
            else:
                r.value = str(anchor.year - 1) if anchor else "PAST_REF"
        elif _QUARTER_VALUE.match(r.value):
            period = r.value
    return out


_LEAD = re.compile(r"^(?:(?:in|on|of|since|by|until|from|during|before|after|for|at|within|,)\s+)+", re.IGNORECASE)


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    m = _LEAD.match(text[start:end])
    if m and m.end() < end - start:
        start += m.end()
    while end > start and text[end - 1] in " ,.;:" and not text[start:end].endswith(("Jan.", "Feb.", "Aug.", "Sept.", "Oct.", "Nov.", "Dec.")):
        end -= 1
    return start, end
