"""Finding time expressions: the registered patterns run over a text, longest match first."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from datetime import date, timedelta

# Registration order is priority: the absolute patterns first, then the relative ones.
import sitrep.times.absolute
import sitrep.times.relative  # noqa: F401
from sitrep.model import TimeRef
from sitrep.rxfactor import compiled
from sitrep.times.patterns import (
    _DIGIT_BIT,
    _FUTURE,
    _PATTERNS,
    _QUARTER_VALUE,
    _WORD_BITS,
    YEAR_AGO,
    Ctx,
    _num,
    _Pattern,
)

_SENTENCE = compiled(r"[^.!?\n]*(?:[.!?]+|\n|$)")


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
        # "Student leaders said they would march again on Friday": the day a past telling looks
        # ahead to (only right after "would": "said on Monday they would" keeps Monday past).
        return self.cache[i] or _WOULD_BEFORE.search(self.text, max(self.starts[i], offset - 40), offset) is not None


_WOULD_BEFORE = compiled(r"\bwould\s+(?!have\b)(?:[\w-]+\s+){1,4}$")


_CHUNK_END = compiled(r"\n|(?<=[.!?])\s+(?=[A-Z\"“])")
_LOWER_WORD = compiled(r"[a-z]+")
_HAS_DIGIT = compiled(r"\d")


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


def _runs(need: int, chunks: list[tuple[int, int, int]]) -> list[tuple[int, int]]:
    """The runs of adjacent chunks that hold every word bit of ``need``."""
    out: list[tuple[int, int]] = []
    run_start = run_end = -1
    for start, end, mask in chunks:
        if mask & need == need:
            if run_start < 0:
                run_start = start
            run_end = end
            continue
        if run_start >= 0:
            out.append((run_start, run_end))
            run_start = -1
    if run_start >= 0:
        out.append((run_start, run_end))
    return out


def _matches(text: str, pat: _Pattern, runs: list[tuple[int, int]]) -> Iterator[re.Match[str]]:
    """The pattern's matches, searched only in the runs of chunks that meet its needs."""
    for run_start, run_end in runs:
        yield from pat.fast.finditer_as_written(text, run_start, run_end)


def find_times(text: str, anchor: date | None, *, day_first: bool = True) -> list[TimeRef]:
    """Time expressions in ``text``, normalised against ``anchor`` (the publication date).

    ``day_first`` reads 03/04/2021 as 3 April (the outlet's convention, not a guess).
    Overlapping matches: the longest wins, then the earliest.
    """
    tense = _Tense(text)
    found: list[tuple[int, int, str, str]] = []
    chunks = _chunks(text)
    held = 0
    for _, _, mask in chunks:
        held |= mask
    for pat in _PATTERNS:
        if pat.mask & held != pat.mask:
            continue  # a word it needs is nowhere in the text
        handler = pat.handler
        for m in _matches(text, pat, _runs(pat.mask, chunks)):
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
    _narrative_year(out, text)
    _counted_from_told(out)
    return out


_HAS_YEAR = compiled(r"\b(?:1[89]|20)\d\d\b")
# How far a month written with its year ("In November 1973") lends that year to a day of the
# same month written without one.
_NARRATIVE_REACH = 400
_SENTENCE_END = compiled(r"[.!?;]\s")
_WHEN = compiled(r",\s+when\b")  # ("the 1991 Gulf War, when ... began bombing on Jan. 17"; not "approved in 1987 ... through Sept. 29")


# "In November 1973, ...": a month and year that open a passage (not "the August 1988 cease-fire").
_FRAME_BEFORE = compiled(r"\b(?:in|during)\s+(?:early\s+|late\s+|mid-?)?$", re.IGNORECASE)
_MONTH_WORD = compiled(r"\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}\b|\b\d{1,2}\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)")


def _narrative_year(refs: list[TimeRef], text: str) -> None:
    """A day written without its year in a passage that has just opened on its month and year
    takes that year: "In November 1973, students barricaded themselves ... on Nov. 17 the
    police moved in with tanks" is 17 November 1973, not the November before the story."""
    told: TimeRef | None = None
    year: TimeRef | None = None  # a year written alone, lent only within its sentence
    for r in refs:
        if not r.value[:4].isdigit():
            continue
        if _HAS_YEAR.search(r.text):
            if (len(r.value) == 7 and _FRAME_BEFORE.search(text, max(0, r.start - 20), r.start)) or (len(r.value) == 10 and _MONTH_WORD.search(r.text)):
                told, year = r, None
            elif len(r.value) == 4:
                year = r
            continue
        if (
            told is not None and len(told.value) == 7 and len(r.value) == 7 and r.value[:4] != told.value[:4] and r.start - told.end <= 200
            and not _SENTENCE_END.search(text, told.end, r.start)
        ):  # fmt: skip
            # ("in September 1982, after ... in the wake of Israel's invasion of Lebanon in June": June 1982)
            r.value = told.value[:4] + r.value[4:]
            continue
        if year is not None and len(r.value) == 10 and _MONTH_WORD.search(r.text) and r.value[:4] != year.value and r.start - year.end <= 120 and not _SENTENCE_END.search(text, year.end, r.start) and _WHEN.search(text, year.end, r.start):
            # ("since the 1991 Gulf War, when a U.S.-led coalition began bombing on Jan. 17": that year's)
            r.value = year.value + r.value[4:]
            continue
        if (
            told is not None and r.start - told.end <= _NARRATIVE_REACH and len(r.value) == 10
            and _MONTH_WORD.search(r.text) and r.value[:4] != told.value[:4]
            and (r.value[5:7] == told.value[5:7] if len(told.value) == 7 else 0 <= _days(told.value, told.value[:4] + r.value[4:]) <= 62)
        ):  # fmt: skip
            # ("The uprising began on Jan. 1, 1994 ... a cease-fire on Jan. 12": the days that
            # follow the day just told, in its year)
            r.value = told.value[:4] + r.value[4:]


# "Eight days later", "three weeks earlier": a count from a day, not an "ago" from the story's.
_COUNTED = compiled(r"(?:(?:about|nearly|almost|some|more than)\s+)?(?P<num>\d+|a|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+(?P<unit>days?|weeks?)\s+(?P<dir>later|earlier)", re.IGNORECASE)


def _counted_from_told(refs: list[TimeRef]) -> None:
    """A day counted from the day the text has just told: "On Nov. 22, Muslim mobs burned
    churches ... Eight days later, Christian mobs in Kupang retaliated" is 30 November."""
    told: TimeRef | None = None
    for r in refs:
        m = _COUNTED.fullmatch(r.text)
        if m is not None and told is not None and r.start - told.end <= _NARRATIVE_REACH and (n := _num(m["num"])):
            step = timedelta(days=n * (7 if m["unit"].lower().startswith("week") else 1))
            day = date.fromisoformat(told.value) + (step if m["dir"].lower() == "later" else -step)
            r.value = day.isoformat() if m["unit"].lower().startswith("day") else f"{day.isocalendar()[0]}-W{day.isocalendar()[1]:02d}"
        if len(r.value) == 10 and r.value[:4].isdigit() and r.value[4] == "-":
            told = r


def _days(a: str, b: str) -> int:
    """Days from ISO day ``a`` to ISO day ``b`` (-1 where ``b`` is no real day)."""
    try:
        return (date.fromisoformat(b) - date.fromisoformat(a)).days
    except ValueError:
        return -1


_LEAD = compiled(r"^(?:(?:in|on|of|since|by|until|from|during|before|after|for|at|within|,)\s+)+", re.IGNORECASE)


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    m = _LEAD.match(text[start:end])
    if m and m.end() < end - start:
        start += m.end()
    while end > start and text[end - 1] in " ,.;:" and not text[start:end].endswith(("Jan.", "Feb.", "Aug.", "Sept.", "Oct.", "Nov.", "Dec.")):
        end -= 1
    return start, end
