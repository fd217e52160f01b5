"""Absolute dates: "12 August 2021", "Aug. 12", "2021", "the 1990s", "the third quarter of 2021"."""

from __future__ import annotations

import re
from datetime import date

from sitrep.times.patterns import (
    _DAY,
    _FULL_MONTHS,
    _MON,
    _MONTH_WORDS,
    _YEAR,
    ORDINALS,
    Ctx,
    _mon,
    _nearest_year,
    _quarter_of,
    pattern,
)

# -- absolute dates -------------------------------------------------------------


@pattern(r"\b(?P<y>(?:19|20)\d\d)-(?P<m>[01]\d)-(?P<d>[0-3]\d)\b", digit=True)
def _iso(m: re.Match[str], c: Ctx) -> tuple[str, str] | None:
    return f"{m['y']}-{m['m']}-{m['d']}", "date"


@pattern(r"\b" + _MON + r"\s+" + _DAY + r",?\s+" + _YEAR + r"\b", needs=(_MONTH_WORDS,), digit=True)
def _mdy(m: re.Match[str], c: Ctx) -> tuple[str, str] | None:
    return _ymd(int(m["year"]), _mon(m["mon"]), int(m["day"]))


# "on June 27 last year", "on 27 June of last year" (#25: a day of a year told by its distance)
@pattern(r"\b(?:" + _MON + r"\s+" + _DAY + r"|" + _DAY.replace("day>", "day2>") + r"\s+(?:of\s+)?" + _MON.replace("mon>", "mon2>") + r"),?\s+(?:of\s+)?(?P<rel>last|this|next)\s+year\b", needs=(_MONTH_WORDS, "year"), digit=True)
def _md_rel_year(m: re.Match[str], c: Ctx) -> tuple[str, str] | None:
    if c.anchor is None:
        return None
    step = {"last": -1, "this": 0, "next": 1}[m["rel"]]
    return _ymd(c.anchor.year + step, _mon(m["mon"] or m["mon2"]), int(m["day"] or m["day2"]))


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


# Days named by the calendar ("seized four towns on New Year's Day"), the nearest such day.
_HOLIDAYS = {"new year's day": (1, 1), "new year's eve": (12, 31), "christmas eve": (12, 24), "christmas day": (12, 25), "boxing day": (12, 26)}


# (the year may close the noun the day names: "the Boxing Day earthquake and tsunami in 2004")
@pattern(
    r"\b(?P<h>New\s+Year['’]s\s+(?:Day|Eve)|Christmas\s+(?:Eve|Day)|Boxing\s+Day)\b(?:,?\s+" + _YEAR + r"\b|(?=[\"”]?\s+(?:[\w-]+\s+){1,4}in\s+(?P<later>(?:1[6-9]|20)\d\d)\b))?",
    needs=("new christmas boxing",),
)
def _holiday(m: re.Match[str], c: Ctx) -> tuple[str, str] | None:
    mo, d = _HOLIDAYS[re.sub(r"\s+", " ", m["h"].lower().replace("’", "'"))]
    y = int(m["year"] or m["later"]) if (m["year"] or m["later"]) else _nearest_year(c.anchor, mo, d, c.future)
    return _ymd(y, mo, d) if y is not None else None


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


@pattern(r"\b(?P<mon>January|February|March|April|May|June|July|August|September|October|November|December)\s+(?:of\s+)?(?P<rel>last|this|next)\s+year\b", 0, needs=(_FULL_MONTHS, "year"))
def _month_of_rel_year(m: re.Match[str], c: Ctx) -> tuple[str, str] | None:
    if c.anchor is None:
        return None
    step = {"last": -1, "this": 0, "next": 1}[m["rel"]]
    return f"{c.anchor.year + step}-{_mon(m['mon']):02d}", "date"


@pattern(r"\b(?:(?P<pos>early|mid|late|the end of|end of|the beginning of)[- ]?)?" + _MON + r",?\s+(?:of\s+)?" + _YEAR + r"\b", needs=(_MONTH_WORDS,), digit=True)
def _my(m: re.Match[str], c: Ctx) -> tuple[str, str] | None:
    return f"{m['year']}-{_mon(m['mon']):02d}", "date"


@pattern(
    # (the word opening a sentence too: "Last May, rioting in Jakarta killed some 1,200 people")
    r"\b(?:(?P<rel>(?i:last|next|this|past|coming|early|mid|late|since|until|in|by|from|during))[- ]?)\s*"
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


@pattern(r"\b(?:in\s+|of\s+|since\s+|by\s+|until\s+|from\s+|during\s+|before\s+|after\s+|early\s+|late\s+|mid-|the\s+year\s+|spring\s+|summer\s+|fall\s+|winter\s+|,\s+)?" + _YEAR + r"\b(?!\s*(?:troops|soldiers|people|men|women|years|km|miles|kilometres|metres|feet|dollars|tons|tonnes|members|fighters|cases)\b)(?![,.]\d)"
         # "1800 Pitkin Ave.": a house number, no year
         r"(?!\s+(?:[A-Z][\w'’-]*\s+){1,3}(?:Ave|Avenue|St|Street|Road|Rd|Blvd|Boulevard|Lane|Ln|Drive|Dr|Place|Pl|Way|Court|Ct|Terrace|Highway)\b)", digit=True)
def _year(m: re.Match[str], c: Ctx) -> tuple[str, str] | None:
    y = int(m["year"])
    if c.anchor is not None and y > c.anchor.year + 30:
        return None
    return m["year"], "date"
