"""The day a story has reached (#25): a sentence with no day of its own takes the day the
sentences before gave, or the day the narrative has moved on to."""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from typing import Any

from sitrep.clean.meta import dateline_day
from sitrep.events.agree import places_agree
from sitrep.events.dating import _WEEKDAYS, _YEAR, aside_event, series, told, told_day
from sitrep.model import Article, Event, Place, TimeRef
from sitrep.rxfactor import compiled


def _moved_on(
    previous: list[tuple[int, int]], events: list[Event], times: list[TimeRef], dateline: tuple[int, int] | None,
    latest: str | None, text: str | None,
) -> dict[str, Any] | None:  # fmt: skip
    """The last day the sentence just before names, when it tells no event of its own and the
    sentence before it does: the day the narrative has moved on to. Not a day something was
    said ("the army said on Tuesday"), nor one that opens a span ("since Saturday")."""
    if text is None or len(previous) < 2:
        return None
    lo, hi = previous[-1]
    if any(lo <= e.evidence[0]["start"] < hi for e in events):
        return None
    days = [
        t for t in times
        if lo <= t.start and t.end <= hi and t.value[:1].isdigit() and len(t.value) >= 10 and "W" not in t.value
        and not (dateline and dateline[0] <= t.start < dateline[1]) and not (latest and t.value[:10] > latest)
        and not told(text[lo:hi], t.start - lo, t.end - lo) and not _SINCE.search(text, max(lo, t.start - 24), t.start)
    ]  # fmt: skip
    if not days:
        return None
    return {"value": days[-1].value[:10], "precision": "day", "how": "context", "text": days[-1].text}


# A day carried over from another event is not one to carry again: "7 day(s) before" is a day
# counted from the sentence's own ("a week since the shooting"), not a day the story told.
_APART = compiled(r"^\d+ day\(s\) (?:before|after)$")


# Families whose events one narrative carries a day between: a vigil, the riot it became and
# the arrests that followed; a shelling and the clash around it. A shooting recalled in the
# sentence before does not date the riot told after it.
_STRAND = {"protest": "unrest", "riot": "unrest", "detention": "unrest", "looting": "unrest", "deployment": "unrest",
           "attack": "violence", "clash": "violence", "abduction": "violence", "territory": "violence", "force": "violence"}  # fmt: skip


def strand(family: str) -> str:
    """The narrative strand a family belongs to (``_STRAND``), else the family itself."""
    return _STRAND.get(family, family)


_SINCE = compiled(r"\b(?:since|(?:began|started|erupted|broke out|flared up)(?:\s+(?:in|on))?)\s+(?:early\s+|late\s+|mid-?)?$", re.IGNORECASE)


# "The shooting on Saturday sparked five days of riots": a cause at the head of a wave that
# has run since, not the day the story has reached.
_SPARKED_SPAN = compiled(
    r"\s+(?:[\w'’,-]+\s+){0,8}?(?:sparked|triggered|unleashed|ignited|provoked|touched off|set off)\s+(?:[\w'’-]+\s+){0,3}?(?:days|nights|weeks|months)\s+of\b",
    re.IGNORECASE,
)


def opens_span(e: Event) -> bool:
    """Whether the event's day opens a span ("uprooted since June", "fighting began in July", "the
    shooting on Saturday sparked five days of riots"): no time for the next sentence."""
    sentence, said = e.evidence[0]["text"], str((e.date or {}).get("text") or "\0")
    at = sentence.find(said)
    if at >= 0 and _SINCE.search(sentence, max(0, at - 24), at):
        return True
    end = e.evidence[0]["trigger"]["end"] - e.evidence[0]["start"]
    return end >= 0 and _SPARKED_SPAN.match(sentence, end) is not None


def sentence_day(times: list[TimeRef], span: tuple[int, int], dateline: tuple[int, int] | None) -> dict[str, Any] | None:
    """The first day the sentence at ``span`` names (not the dateline's), as a text date."""
    for t in times:
        in_span = span[0] <= t.start and t.end <= span[1] and not (dateline and dateline[0] <= t.start < dateline[1])
        if in_span and t.value[:1].isdigit() and len(t.value) >= 10 and "W" not in t.value:
            return {"value": t.value[:10], "precision": "day", "how": "text", "text": t.text}
    return None


# A relative clause about someone, running up to a day: the day is theirs, not the story's.
_WHO_ASIDE = compiled(r",\s+(?:who|which)\s+(?:[^,;.]|\.(?=\s*\d|\w))*$", re.IGNORECASE)


def context_date(
    previous: list[tuple[int, int]], events: list[Event], times: list[TimeRef], dateline: tuple[int, int] | None,
    family: str | None = None, latest: str | None = None, text: str | None = None,
) -> dict[str, Any] | None:  # fmt: skip
    """The date the previous sentences gave, for a sentence that gives none.

    "In Kandahar last night, a force searched a compound. During the search it
    detained two men": the detention is last night too, not the release's date.
    The last event of the previous two sentences speaks first (of the same strand as
    ``family``, when given), unless the sentence just before tells no event but moves the
    story on to a later day; where they hold none, the last day named in the sentence
    just before (not the dateline, nor a day after ``latest``, the story's own).
    """
    if not previous:
        return None
    # A new paragraph after one on the past ("... killed hundreds in the camps in June. / There was
    # fresh fighting in the mountains") is back in the story's present: no month-old day goes on.
    new_paragraph = text is not None and latest is not None and "\n" in text[previous[-1][1] : previous[-1][1] + 4]
    moved = _moved_on(previous, events, times, dateline, latest, text)
    for e in reversed(events):
        if e.evidence[0]["start"] < previous[0][0]:
            break
        if (family is not None and strand(e.family) != strand(family)) or aside_event(e) or e.modality in ("planned", "hypothetical"):
            continue  # (not a rally called for Thursday: no day the story has reached)
        if _APART.match(str((e.date or {}).get("text") or "")):
            continue
        if e.date and e.date["how"] == "text" and latest and _flashback(str(e.date["value"]), latest) and e.evidence[0]["start"] >= previous[-1][0] and _BEGAN.search(str(e.evidence[0]["text"])):
            return None  # "Israel began its offensive on Wednesday after ...": the story's past; the next sentence is back in its present
        if e.date and e.date["how"] in ("text", "context", "lead") and not series(e.date) and not opens_span(e) and len(str(e.date["value"])) >= 7:
            if new_paragraph and _weeks_before(str(e.date["value"]), str(latest)):
                return None
            if moved is not None and moved["value"] > str(e.date["value"])[:10]:
                # "On Monday a group marched ... Tuesday the crowd was calm, but on Wednesday it
                # became unruly. The night began with a vigil": Wednesday's, not Monday's.
                return moved
            if len(previous) > 1 and e.evidence[0]["start"] < previous[-1][0] and (later := _later_next(events, previous[-1], str(e.date["value"]))):
                # "Police attacked villages on Thursday. Thousands protested in Pristina on Friday.
                # Dozens of protesters were injured": the story moved on to Friday.
                return later
            return {**e.date, "how": "context"}
        return None
    lo, hi = previous[-1]
    # "Memorial for Gray, who was fatally wounded Saturday, turned ugly": Saturday is the aside's.
    asides = {str(e.date["value"]) for e in events if e.date and e.evidence[0]["start"] >= lo and aside_event(e)}
    days = [
        t for t in times
        if lo <= t.start and t.end <= hi and t.value[:1].isdigit() and len(t.value) >= 10 and "W" not in t.value
        and not (dateline and dateline[0] <= t.start < dateline[1])
        and not (latest and t.value[:10] > latest)  # "sentencing is set for Nov. 8": no past event's day
        and t.value[:10] not in asides
        and not (text is not None and told(text[lo:hi], t.start - lo, t.end - lo))  # "the army said on Tuesday"
        and not (text is not None and _WHO_ASIDE.search(text, lo, t.start))  # "Rice, who arrived in Jerusalem on Saturday": hers
    ]  # fmt: skip
    if not days or (new_paragraph and _weeks_before(days[-1].value[:10], str(latest))):
        return None
    return {
        "value": days[-1].value[:10],
        "precision": "day",
        "how": "context",
        "text": days[-1].text,
    }


def _later_next(events: list[Event], sentence: tuple[int, int], day: str) -> dict[str, Any] | None:
    """The day of an event of the sentence just before that lies after ``day``, told there."""
    for e in reversed(events):
        if e.evidence[0]["start"] < sentence[0]:
            break
        value = str((e.date or {}).get("value") or "")
        if (e.date or {}).get("how") == "text" and len(value) >= 10 and value[:10] > day[:10]:
            return {**(e.date or {}), "how": "context"}
    return None


# "Nearby streets are barricaded", "the protesters are still marching": told as now.
_PRESENT = compiled(r"\b(?:is|are|am)\s+(?:still\s+|now\s+|being\s+)*(?:[\w-]+\s+)?$", re.IGNORECASE)


# "one of the towns the rebels had held": the earlier act told in the past perfect, this one later.
_HAD_DONE = compiled(r"\bhad\s+(?:been\s+|already\s+)?(?:\w+ed|held|taken|seized|overrun|won|lost|fought|beaten|shot|struck|fled|kept|driven)\b", re.IGNORECASE)


_ISO_DAY = compiled(r"\d{4}-\d\d-\d\d")
_DID = compiled(r"\w+ed\b")  # (an act told in the simple past, not a noun: "the four murder victims" are the recalled day's)


def still_now(date: dict[str, Any] | None, sentence: str, trigger: int, today: str | None) -> dict[str, Any] | None:
    """A day carried over from the sentences before, unless the trigger at ``trigger`` is told in
    the present and that day lies a month or more before the story's (``today``): after a
    paragraph on November 1973, "Nearby streets are barricaded with burnt cars" is today's; or
    the sentence tells the carried day's act in the past perfect, and that day lies days before
    the story's and this act is told in the simple past: after "seized four towns on New Year's
    Day", "soldiers executed five rebels in one of the towns the rebels had held" is later."""
    if date is None or today is None:
        return date
    value = str(date.get("value") or "")
    had = _HAD_DONE.search(sentence)
    if had and not had.start() < trigger <= had.end() + 20 and _DID.match(sentence, trigger) and _ISO_DAY.fullmatch(value) and _ISO_DAY.match(today) and (dt.date.fromisoformat(today[:10]) - dt.date.fromisoformat(value)).days > 3:
        return None
    if not _PRESENT.search(sentence, max(0, trigger - 30), trigger):
        return date
    return None if value[:7] < _month_before(today) else date


def _month_before(today: str) -> str:
    y, m = int(today[:4]), int(today[5:7])
    return f"{y - 1}-12" if m == 1 else f"{y}-{m - 1:02d}"


def narrative_day(
    text: str, times: list[TimeRef], sentences: list[tuple[int, int]], n: int, lead: dict[str, Any],
    today: str | None, line: tuple[int, int] | None, events: list[Event] = (),  # type: ignore[assignment]
) -> dict[str, Any] | None:  # fmt: skip
    """The day the story has moved on to by sentence ``n``, when later than its lead's: after
    "Tuesday the crowd was calm, but on Wednesday part of it became unruly", an undated
    "Protesters began throwing bricks" some sentences on is Wednesday's, not Saturday's
    shooting's. The last day named in the five sentences before (not a telling's, "said
    Tuesday"), or the day of an event dated in the eight before, whichever is latest."""
    lo = sentences[max(0, n - 8)][0]
    told_last: list[tuple[int, dict[str, Any]]] = [
        (e.evidence[0]["trigger"]["start"], e.date) for e in events
        if e.layer == "material" and e.date and e.date.get("how") in ("text", "context") and len(str(e.date.get("value"))) == 10
        and e.evidence[0]["start"] >= lo and not series(e.date) and not aside_event(e) and not told_day(e)
    ]  # fmt: skip
    for a, b in sentences[max(0, n - 5) : n]:
        for t in times:
            if not (a <= t.start and t.end <= b) or not t.value[:1].isdigit() or len(t.value) < 10 or "W" in t.value:
                continue
            if (line and line[0] <= t.start < line[1]) or (today and t.value[:10] > today):
                continue
            if not told(text[a:b], t.start - a, t.end - a):
                told_last.append((t.start, {"value": t.value[:10], "precision": "day", "text": t.text}))
    if not told_last:
        return None
    day = max(told_last, key=lambda x: (str(x[1]["value"]), x[0]))[1]
    if str(day["value"]) <= str(lead["value"]) or (today and str(day["value"]) > today):
        return None
    return {**day, "how": "context"}


def story_day(article: Article) -> str | None:
    """The story's own day (ISO): its dateline's ("KABUL, Afghanistan, Sept. 27 —" in a paper of
    the 28th), else the day of publication; None unless known to the day."""
    if article.published is None or len(article.published.value) < 10:
        return None
    day = dateline_day(article.dateline or "", article.published.value[:10])
    return day.isoformat() if day else article.published.value[:10]


def lead_day(events: list[Event]) -> dict[str, Any] | None:
    """The day the article's first material event dated by its own words happened on."""
    return next(
        (
            e.date for e in events
            if e.layer == "material" and e.date and e.date["how"] == "text" and len(e.date["value"]) == 10 and not series(e.date)
            and not told_day(e) and not aside_event(e) and not opens_span(e)  # ("killed since the assault began 12 days ago")
            and not _APART.match(str(e.date.get("text") or ""))  # ("a week after they seized Aleppo": the day of an event recalled)
        ),
        None,
    )


# "In Chechnya, Russian warplanes bombed the village of Vedeno": a sentence that opens on a place.
# ("In the besieged eastern enclave of Gorazde, Serb forces shelled the town center")
_OPENS_ON_PLACE = compiled(r"\s*(?:In|At|Near|Outside|Elsewhere in)\s+(?:the\s+)?(?:[a-z][\w-]*\s+){0,4}?[A-Z][^,;.]{1,40},\s")


_SPREAD_TO = compiled(r"\s*(?:[\w-]+\s+){0,2}?(?:unrest|violence|rioting|riots|protests|fighting|clashes|looting|demonstrations)\s+(?:also\s+)?(?:spread|spilled)\s+(?:over\s+)?(?:to|into)\b", re.IGNORECASE)


def new_scene(sentence: str, s_start: int, places: list[Place], events: list[Event]) -> bool:
    """Whether a sentence opens on a place other than where the last material event was ("In
    Chechnya, warplanes bombed Vedeno" after a raid in Budyonnovsk): a roundup's new item, which
    takes no day from the sentences before."""
    if sentence.lstrip().startswith(("Elsewhere,", "Elsewhere ")) or _SPREAD_TO.match(sentence):
        return True  # "Elsewhere, a U.S. soldier was killed ...", "Unrest also spread to Solo": another item of the day's roundup
    m = _OPENS_ON_PLACE.match(sentence)
    if m is None:
        return False
    opened = [p for p in places if s_start <= p.start < s_start + m.end()]
    last = next((e for e in reversed(events) if e.layer == "material" and e.place), None)
    if not opened or last is None:
        return False
    return not any(places_agree({"geonameid": p.geonameid, "feature": p.feature, "country_code": p.country_code, "admin1": p.admin1, "lat": p.lat, "lon": p.lon, "name": p.name}, last.place) for p in opened)


def recalled(date: dict[str, Any] | None, article: Article, days: int = 2) -> bool:
    """Whether an event happened before the story's days: ended more than two days (or
    ``days``) before publication ("the Aug. 7 bombings" in a story of Aug. 18, "the 2006
    Lebanon war")."""
    pub = article.published
    if not date or pub is None or len(pub.value) < 10 or not str(date.get("value") or "")[:4].isdigit():
        return False
    value = str(date["value"])
    try:
        published = dt.date.fromisoformat(pub.value[:10])
        if len(value) >= 10:
            last = dt.date.fromisoformat(value[:10])
        elif len(value) == 7:
            y, m = int(value[:4]), int(value[5:7])
            last = dt.date(y + m // 12, m % 12 + 1, 1) - dt.timedelta(days=1)
        else:
            last = dt.date(int(value[:4]), 12, 31)
    except ValueError:
        return False
    return (published - last).days > days


def recalled_undated(date: dict[str, Any] | None, article: Article) -> bool:
    """With no publication date, whether an event dated by a year the text writes lies two years
    or more before the year the story tells most ("In 1962, ... police killed nine people" in a
    story whose dates are of 2015): a recalled event, not the story's news."""
    if article.published is not None or not date or date.get("how") != "text" or not str(date.get("value") or "")[:4].isdigit():
        return False
    years = Counter(int(t.value[:4]) for t in article.times if t.field == "text" and t.type == "date" and t.value[:4].isdigit())
    if not years:
        return False
    story = max(years, key=lambda y: (years[y], y))
    return story >= int(str(date["value"])[:4]) + 2


def ahead(date: dict[str, Any] | None, article: Article) -> dict[str, Any] | None:
    """A planned event's weekday is the coming one: "rallies are planned for Monday"."""
    pub = article.published
    if (
        not date
        or date.get("how") != "text"
        or pub is None
        or len(date["value"]) != 10
        or len(pub.value) < 10
    ):
        return date
    if (date.get("text") or "").split()[0].lower().rstrip(".,") not in _WEEKDAYS:
        return date
    day, published = dt.date.fromisoformat(date["value"]), dt.date.fromisoformat(pub.value[:10])
    if day >= published:
        return date
    return {**date, "value": (day + dt.timedelta(days=7)).isoformat()}


def before_story(date: dict[str, Any] | None, article: Article) -> dict[str, Any] | None:
    """A day without its year that falls after the story cannot be a told happening's: "the
    Sept. 11 attack, which killed four Americans" in a story of May 2013 is September 2012."""
    pub = article.published
    if not date or date.get("how") != "text" or pub is None or len(pub.value) < 10 or _YEAR.search(str(date.get("text") or "")):
        return date
    value = str(date["value"])
    if len(value) not in (7, 10) or not value[:4].isdigit() or value[: len(value)] <= pub.value[: len(value)]:
        return date
    if len(value) == 10 and (dt.date.fromisoformat(value) - dt.date.fromisoformat(pub.value[:10])).days <= 1:
        return date  # "tonight", a dateline a day ahead: the story's own day
    if len(value) == 10 and any(d in str(date.get("text") or "").lower() for d in _WEEKDAYS):
        # "the bombing on Tuesday" read as a coming Tuesday: the Tuesday before the story
        day, story = dt.date.fromisoformat(value), dt.date.fromisoformat(pub.value[:10])
        while day > story:
            day -= dt.timedelta(days=7)
        return {**date, "value": day.isoformat()}
    return {**date, "value": f"{int(value[:4]) - 1}{value[4:]}"}


def dateline(article: Article) -> tuple[int, int] | None:
    """Where the publication date's own words stand in the text, if they do."""
    pub = article.published
    if pub is None or not pub.evidence:
        return None
    at = article.text.find(pub.evidence.strip())
    return (at, at + len(pub.evidence.strip())) if at >= 0 else None


_BEGAN = compiled(r"\b(?:began|started|launched|erupted|broke out)\b", re.IGNORECASE)


def _weeks_before(value: str, latest: str) -> bool:
    """Whether a day, month or year ends three weeks or more before the story's day ``latest``."""
    try:
        year = int(value[:4])
        month = int(value[5:7]) if len(value) >= 7 else 12
        last = dt.date.fromisoformat(value[:10]) if len(value) >= 10 else dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)
        return (dt.date.fromisoformat(latest[:10]) - last).days >= 21
    except ValueError:
        return False


def _flashback(value: str, latest: str) -> bool:
    """Whether a day lies more than two days before the story's day ``latest``."""
    try:
        return len(value) >= 10 and (dt.date.fromisoformat(latest[:10]) - dt.date.fromisoformat(value[:10])).days > 2
    except ValueError:
        return False
