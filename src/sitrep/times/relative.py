"""Dates relative to the publication day ("yesterday", "on Thursday", "last week", "two days ago"),
durations and sets. Registered after the absolute ones: registration order is priority."""

from __future__ import annotations

import re
from datetime import date, timedelta

from sitrep.rxfactor import compiled
from sitrep.times.absolute import _ymd
from sitrep.times.patterns import (
    _DAY,
    _MON,
    _NUM,
    _UNIT_WORDS,
    _WD,
    _WEEKDAY_WORDS,
    _YEAR,
    SEASONS,
    UNITS,
    WEEKDAYS,
    YEAR_AGO,
    Ctx,
    _mon,
    _nearest_year,
    _num,
    _quarter_of,
    _shift_months,
    _week,
    pattern,
)

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
_NAME_BEFORE = compiled(r"\b(?:Bloody|Free|Super|Black|Good|Easter|Palm|Holy|Ash|Cyber|Fat|Maundy|Whit|Low|Orthodox)\s$")
_NAME_AFTER = compiled(r"\s(?:Times|Telegraph|Herald|Express|Mirror|Post|Mail|World|Independent|Tribune|Star|Night Live|Magazine|Review|Observer|newspapers?|edition|supplement)\b")


def _named_day(text: str, start: int, end: int) -> bool:
    """A weekday inside a name, not a date: "Free Sunday newspapers", "Bloody Sunday",
    "Super Tuesday", "the Sunday Times"."""
    return bool(_NAME_BEFORE.search(text, max(0, start - 12), start)) or bool(_NAME_AFTER.match(text, end))


@pattern(r"\b(?:(?P<rel>last|next|this|past|coming|on|since|by|until|from|before|after)\s+)?" + _WD + r"(?:\s+(?P<part>morning|afternoon|evening|night))?\b(?:\s*,?\s*(?:" + _MON + r"\s+" + _DAY + r"(?:,?\s+" + _YEAR + r"\b)?))?", 0, needs=(_WEEKDAY_WORDS,))
def _weekday(m: re.Match[str], c: Ctx) -> tuple[str, str] | None:
    if not m["rel"] and not m["mon"] and not m["part"] and _named_day(m.string, m.start("wd"), m.end("wd")):
        return None
    if m["mon"]:
        mo, d = _mon(m["mon"]), int(m["day"])
        # "Sunday, April 8, 2012": the year written out wins over the nearest one.
        y = int(m["year"]) if m["year"] else (_nearest_year(c.anchor, mo, d, c.future) if c.anchor else None)
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
    if delta == 6 and not rel and _SMALL_HOURS.search(m.string, max(0, m.start() - 30), m.start()):
        # "about 12:30 a.m. Tuesday" in Monday's story: the night after, updated past midnight.
        return (c.anchor + timedelta(days=1)).isoformat(), "date"
    return back.isoformat(), "date"


_SMALL_HOURS = compiled(r"\b(?:(?:12|[1-4])(?::\d\d)?\s*a\.\s?m\.|(?:shortly |just )?after midnight)\s*$", re.IGNORECASE)


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


@pattern(r"\b(?:about\s+|nearly\s+|almost\s+|some\s+|more than\s+)?" + _NUM + r"\s+(?P<unit>years?|months?|weeks?|days?|decades?)\s+(?P<dir>ago|earlier|before(?!\s+\w)|later|from now|hence)\b", needs=("ago earlier before later now hence", "year years month months week weeks day days decade decades"))
def _ago(m: re.Match[str], c: Ctx) -> tuple[str, str] | None:
    # "two days before the attacks" counts from the attacks, not from the story's day: only a
    # "before" that ends the phrase ("two days before,") is read.
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
