"""The date of one event mention: its own date in the text, the date carried over, or the day of publication.

Which of a sentence's dates belongs to which event matters most for a true map:
"On Wednesday, two officers involved in Saturday's shooting were arrested" holds
an arrest on Wednesday and a shooting on Saturday, not two events on Wednesday;
"the Aug. 7 bombings" in a story of Aug. 18 is a bombing of Aug. 7; "the UN on
Friday condemned the bombing" dates the condemnation, not the bombing.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from sitrep.clean.meta import dateline_day
from sitrep.events.clauses import aside_of
from sitrep.events.clauses import clause as clause_of
from sitrep.events.lexicon import cues
from sitrep.model import Article, Event, TimeRef
from sitrep.rxfactor import compiled

# The words between a telling and its date: "said Tuesday", "on Friday strongly condemned".
_TELLING = r"(?:confirmed|said|says|announced|reported|stated|told|condemned|denied|accused|warned|urged|blamed|insisted|added|declared|vowed|demanded|rejected|criticized|criticised|protested|met|expressed|explained|noted|argued|claimed|tweeted|wrote)"
# Whom or where it was told: "told The Age last night", "said in a statement on Friday".
_AUDIENCE = (
    r"(?:\s+(?:(?-i:[A-Z][\w.'’&-]*)|the|reporters|journalists|lawmakers|parliament|state\s+(?:TV|television|media|radio)))+"
    r"|\s+(?:in|at|during|to)\s+(?:a|an|the|his|her|their)\s+(?:[\w-]+\s+)?"
    r"(?:statement|news\s+conference|press\s+conference|briefing|interview|speech|address|post|letter|release)"
)
_TELLING_BEFORE = compiled(rf"\b(?:{_TELLING}(?:\s+\w+)?|(?:told|said|says|announced|stated|added|declared|wrote)(?:{_AUDIENCE}))\s+(?:on\s+)?$", re.IGNORECASE)
_TELLING_AFTER = compiled(rf"\s*(?:,\s*)?(?:(?:the\s+)?(?!(?:that|when|as|after|before|while)\b)[\w.'’-]+\s+){{0,2}}?(?:\w+ly\s+)?{_TELLING}\b|\s+that\b", re.IGNORECASE)
# A date written onto an event noun: "Saturday's shooting", "the Dec. 6 killing", "last month's
# attack", "the October shooting"; up to three words between ("Wednesday's massive general strike").
_POSSESSIVE = compiled(r"^['’]s(?:\s+[\w-]+){0,3}?\s+$")
_ATTRIBUTIVE = compiled(r"^(?:\s+[\w-]+){0,3}?\s+$")
# A date after an event noun, joined by "of": "the shootings of May 2014", "the massacre in
# Tunisia of July this year" (not "on": "condemned the attack on Tuesday" dates the telling).
_OF_DATE = compiled(r"^(?:\s+(?:in|at|near)\s+(?:the\s+)?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,3})?\s+of\s+$")
_WORD = compiled(r"[\w'’-]*")
_YEAR_OR_MONTH = compiled(r"\d{4}(?:-\d\d)?")
# A noun told as what came before or after the sentence's act, its place, then its own month or year.
_AFTER_NOUN = compiled(r"\b(?:after|before|following)\s+(?:the\s+|an?\s+)?(?:[\w-]+\s+){0,4}$", re.IGNORECASE)
_PLACE_THEN_IN = compiled(r"\s+(?:in|at|near)\s+(?:[\w'’.-]+\s+){1,3}?in\s+")
_THE_NOUN = compiled(r"\b(?:the|these|those)\s+(?:[\w-]+\s+){0,3}$", re.IGNORECASE)
# Prepositional phrases of a noun, no verb in them: "of a 15-year-old boy, Alexandros Grigoropoulos, by police".
_AGO_GAP = compiled(r"(?:,?\s+(?:of|by|in|at|near)(?:\s+(?!(?:was|were|is|are|has|have|had|who|which|that|when|after|before|and|but|said|says)\b)(?![\w-]+ed\b)[\w'’-]+,?){1,5})+\s+$")
_DETERMINER = compiled(r"\b(?:the|this|that|its|his|her|their|a)\s+$", re.IGNORECASE)
# Words that open a new phrase: the date then belongs to what comes before them.
_PHRASE_WORDS = frozenset(
    [
        "after",
        "before",
        "since",
        "following",
        "over",
        "of",
        "in",
        "at",
        "on",
        "for",
        "to",
        "from",
        "that",
        "and",
        "but",
        "or",
        "when",
        "while",
        "as",
        "by",
        "with",
        "was",
        "were",
        "is",
        "are",
        "has",
        "have",
        "had",
        "been",
        "be",
        "will",
        "would",
        "could",
    ]
)
NUMBERS = {w: i for i, w in enumerate(["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"])}
_ORDINALS = {w: i for i, w in enumerate(["zeroth", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "eleventh", "twelfth"])}
# "eight days of riots", "after 11 days of a punishing offensive": a wave told by its length
# began that many days before; "the third night of rioting" began two days before.
_SPELL = compiled(r"\b(?P<n>\d{1,2}|[a-z]+)\s+(?P<unit>days?|nights?|weeks?)\s+of\s+(?:[\w-]+\s+){0,3}$", re.IGNORECASE)
_NTH = compiled(r"\b(?:the|a)\s+(?P<n>\d{1,2}(?:st|nd|rd|th)|[a-z]+)\s+(?:straight\s+|consecutive\s+|successive\s+)?(?P<unit>day|night|week)\s+of\s+(?:[\w-]+\s+){0,3}$", re.IGNORECASE)
_YEAR = compiled(r"(?:1[89]|20)\d\d")
# "in the 12 days of the offensive", "the past five days of fighting": days counted up to and
# including the day told, so the first is one fewer back ("after five days of riots" ended before).
_SPELL_SO_FAR = compiled(r"\b(?:the|these|its|their)\s+(?:past\s+|last\s+|first\s+)?$", re.IGNORECASE)
# A wave's first day ("after five days of riots"): the wave's, not a day the story goes on in.
_SERIES = compiled(r"\b(?:days?|nights?|weeks?)\s+of\b|-(?:day|night|week)\b", re.IGNORECASE)
_ENDING_SPAN = compiled(r"\b(?:end(?:ing|ed|s)?|to\s+end)\s+(?:a|an|the)\s+(?P<n>\d{1,2}|[a-z]+)-(?P<unit>day|night|week)\s+(?:[\w-]+\s+){0,2}$", re.IGNORECASE)


def series(date: dict[str, Any] | None) -> bool:
    """Whether a date is a wave's first day read from its length (``series_start``)."""
    return bool(date and _SERIES.search(str(date.get("text") or "")))


# What happened during another dated event shares its day.
_DURING = compiled(r"\s+(?:[\w-]+\s+){0,3}?(?:during|over the course of|amid|in the course of)\s+(?:the\s+)?$", re.IGNORECASE)
# What marred another dated event happened during it: "a Monday evening vigil marred by an unruly
# mob" (the mob is Monday's, not the Wednesday a later clause of the sentence tells).
_MARRED_BY = compiled(
    r"\s+(?:[\w-]+\s+){0,4}?(?:marred|disrupted|interrupted|punctuated|overshadowed|broken\s+up|met)\s+(?:by|with)\s+"
    r"(?:an?|some|several|dozens\s+of|hundreds\s+of)\s+(?:[\w-]+\s+){0,3}$",
    re.IGNORECASE,
)
_SUPER = r"(?:deadliest|bloodiest|worst|biggest|largest|heaviest|fiercest|strongest|greatest|highest|longest|most\s+\w+)"
# "the deadliest attack since January", "the worst violence since 2003": a comparison.
FOUNDED = compiled(r"\b(?:founded|formed|created|established|born|set up)\s+(?:in\s+)?$", re.IGNORECASE)
_SINCE_SUPERLATIVE = compiled(r"\b" + _SUPER + r"\b[^.;]{0,60}?\bsince\s+(?:the\s+)?(?:[\w'’-]+\s+){0,10}?(?:in\s+|on\s+)?$", re.IGNORECASE)
# A day inside a "since" clause with a verb of its own: when something else began.
_SINCE_CLAUSE = compiled(r"\bsince\s+(?:the\s+|a\s+|its\s+|their\s+)?(?:[\w-]+\s+){1,3}?(?:began|started|broke out|erupted|was launched|took office|came to power)\s+(?:on\s+|in\s+)?$", re.IGNORECASE)
# (but a toll or a fight told "since the conflict began on December 27" spans from that day)
_SPANS_SINCE = compiled(r"(?:kill|died|dead|death|toll|casualt|wound|injur|fight|bombard|assault|offensive|war|conflict|violence|clash)", re.IGNORECASE)
_SUPERLATIVE = compiled(r"\b" + _SUPER + r"\b[^.;,]{0,60}$", re.IGNORECASE)
# A relative clause about a place or a person tells of something else that happened there.
# Another clause told in the past perfect: what had happened before the sentence's event.
_HAD = compiled(r"\b(?:had|'d)\s+(?:(?:already|earlier|first|previously|just)\s+)?(?:been\s+)?[a-z]+(?:ed|en|wn|ught|ung|ook|eft|ost|ld|id|ent)\b")
_WHO_DID = compiled(r"\b(?:who|whom)\s+(?:had\s+|have\s+|has\s+)?[a-z]+(?:ed|ew|ame|ent|ook|aw)\b", re.IGNORECASE)
_RELATIVE = compiled(r",\s+(?:where|who|whose)$", re.IGNORECASE)  # ("militants from Chechnya, whose fighters invaded Dagestan in August")
# "the battle for the town, which the rebels seized on Thursday": the seizure's day. (Not a
# verb of the noun's own course: "the protests, which began on Thursday".)
_WHICH = compiled(r",\s+which$", re.IGNORECASE)
_OWN_COURSE = compiled(r"\s*(?:(?:has|have|had)\s+(?:been\s+)?)?(?:began|begun|started|erupted|broke out|took place|happened|occurred|continued|lasted|flared|spread|ended|was|were|is|are|struck|hit|rocked|shook|jolted|tore|ripped|killed|flattened)\b", re.IGNORECASE)
# A date written onto a telling: "a November 9 press conference", "his Tuesday statement".
_TELLING_NOUN = compiled(r"(?:['’]s)?\s+(?:(?:press|news)\s+(?:conference|briefing|release)|statement|speech|interview|meeting|briefing|hearing|session|summit|address|report|letter|broadcast|editorial|column|vote|deadline)\b", re.IGNORECASE)
# Another event told in the passive after this one, with the date after it: "a vigil for Kimani
# Gray, 16, killed by police bullets on Saturday", "the march for a boy who was shot by police
# on Saturday": the day is the killing's. ", killing 15 on Saturday" (active) stays the act's.
_PASSIVE_BEFORE = compiled(r"(?:,\s+(?:\d{1,3},\s+)?|\b(?:was|were|been|being)\s+(?:\w+ly\s+)?)$", re.IGNORECASE)
_PARTICIPLE = compiled(r"(?:\w+ly\s+)?(?:killed|shot|slain|wounded|injured|hurt|struck|beaten|stabbed|murdered|attacked|assassinated|executed|gunned)\b", re.IGNORECASE)
# A day a plan is set for is the planned thing's ("elections planned for January").
_PLANNED_FOR = compiled(r"\b(?:planned|scheduled|set|slated|due|to be held|to take place)\s+(?:for|on|in)\s+(?:early\s+|late\s+|mid-?)?$", re.IGNORECASE)
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


def _dated(t: TimeRef) -> bool:
    """A calendar date of month precision or finer (not a week, a duration or a set)."""
    return t.value[:1].isdigit() and len(t.value) >= 7 and "W" not in t.value


def attached(text: str, t: TimeRef, start: int) -> bool:
    """Whether the date ``t`` is written onto the event noun at ``start`` ("Saturday's shooting",
    "the shootings of May 2014", "the massacre in Tunisia of July this year")."""
    if t.start > start:
        end = start + len(_WORD.match(text, start).group())  # type: ignore[union-attr]
        if t.start - end <= 40 and _OF_DATE.match(text[end : t.start]):
            return True
        if text[end : t.start] == " in " and _YEAR_OR_MONTH.fullmatch(t.value) and _THE_NOUN.search(text, max(0, start - 40), start):
            return True  # "since the Madrid bombings in 2004": the bombings' year ("for rape in 2005": the trial's)
        if _PLACE_THEN_IN.fullmatch(text, end, t.start) and _YEAR_OR_MONTH.fullmatch(t.value) and _AFTER_NOUN.search(text, max(0, start - 50), start):
            return True  # "after a series of apartment bombings in Russian cities in September": the bombings' month
        # "the killing of a boy by police eight days ago": "ago" closes the noun's own phrase.
        return t.text.lower().endswith(" ago") and t.start - end <= 70 and bool(_DETERMINER.search(text, max(0, start - 8), start)) and bool(_AGO_GAP.match(text, end, t.start))
    if start - t.end > 40:
        return False
    gap = text[t.end : start]
    if _POSSESSIVE.match(gap):
        words = gap[2:].split()
    elif _ATTRIBUTIVE.match(gap) and _DETERMINER.search(text, max(0, t.start - 8), t.start):
        words = gap.split()
    else:
        return False
    return not any(w.lower() in _PHRASE_WORDS for w in words)


def series_start(text: str, start: int, anchor: dict[str, Any] | None, inclusive: bool = False) -> dict[str, Any] | None:
    """The first day of a wave told by its length before the noun at ``start`` ("five days of rioting");
    ``inclusive`` where the anchor is the wave's last day, not the day after it."""
    if not anchor or len(str(anchor.get("value") or "")) != 10:
        return None
    before = text[max(0, start - 60) : start]
    n: int | None = None
    m = _SPELL.search(before)
    if m is not None:
        word = m.group("n").lower()
        n = int(word) if word.isdigit() else NUMBERS.get(word)
        if n and n > 1 and m.group("unit").lower().startswith(("day", "night")) and _SPELL_SO_FAR.search(before, 0, m.start()):
            n -= 1
    if not n and (m := _ENDING_SPAN.search(before)) is not None:
        # "ending a three-day hostage crisis" on Friday: days counted to the last, which is that day
        word = m.group("n").lower()
        n = (int(word) if word.isdigit() else NUMBERS.get(word) or 0) - (1 if m.group("unit").lower() in ("day", "night") else 0)
    if not n:
        m = _NTH.search(before)
        if m is not None:
            word = m.group("n").lower()
            k = int(word[:-2]) if word[:1].isdigit() else _ORDINALS.get(word)
            n = k - 1 if k else None
    if m is None or not n:
        return None
    days = n * (7 if m.group("unit").lower().startswith("week") else 1) - (1 if inclusive and n > 1 else 0)
    first = dt.date.fromisoformat(str(anchor["value"])) - dt.timedelta(days=days)
    return {"value": first.isoformat(), "precision": "day", "how": "text", "text": m.group(0).strip()}


def passive_between(text: str, trigger: tuple[int, int], other: tuple[int, int], t: TimeRef) -> bool:
    """Whether another event told in the passive (``other``) lies just before the date ``t``, with
    ``trigger`` not between them, so that the date is that event's."""
    if not (other[1] <= t.start and t.start - other[1] <= 50) or other[0] <= trigger[0] < t.end:
        return False
    # The trigger before the other event, or after the date: "Memorial for Kimani Gray, who was
    # fatally wounded by police Saturday, turned ugly as mourners clashed with cops".
    lo, hi = (trigger[1], t.start) if trigger[1] <= other[0] else (other[0], trigger[0])
    if any(c in text[lo:hi] for c in ".;") or not _PARTICIPLE.match(text, other[0], other[1]):
        return False
    if trigger[0] > other[0]:  # only an aside about someone: "uprooted since June by fighting" is the fighting's day too
        return bool(_ASIDE_BEFORE.search(text, max(0, other[0] - 40), other[0]))
    return bool(_PASSIVE_BEFORE.search(text, max(0, other[0] - 16), other[0]))


# "Gray, who was fatally wounded by police Saturday", "Gray, 16, killed by police on Saturday".
_ASIDE_BEFORE = compiled(r",\s+(?:(?:who|whom|where)\s+(?:[\w-]+\s+){0,5}|(?:\d{1,3},\s+)?)$", re.IGNORECASE)


def aside_event(e: Event) -> bool:
    """Whether the event is told in the passive in an aside about someone ("Memorial for Kimani
    Gray, who was fatally wounded by police Saturday, turned ugly"): background to the
    sentence's own event, so its day is not the story's."""
    ev = e.evidence[0]
    at = ev["trigger"]["start"] - ev["start"]
    return bool(_PARTICIPLE.match(ev["text"], at) and _ASIDE_BEFORE.search(ev["text"], max(0, at - 40), at))


def told_day(e: Event) -> bool:
    """Whether the event's day is the day something was said ("Yesterday, the police explained
    that officers shot ..."): the story's day, maybe not the event's."""
    sentence = e.evidence[0]["text"]
    at = sentence.find(str((e.date or {}).get("text") or "\0"))
    return at >= 0 and told(sentence, at, at + len(str((e.date or {}).get("text"))))


_OPENING = compiled(r"^\W*(?:(?:on|late|early|by|earlier|later|and|but)\s+)*$", re.IGNORECASE)


def told(sentence: str, start: int, end: int) -> bool:
    """Whether the time expression at ``start:end`` of ``sentence`` dates a telling ("said today")."""
    if _TELLING_BEFORE.search(sentence, max(0, start - 40), start):
        return True
    m = _TELLING_AFTER.match(sentence, end)
    if m is None or sentence.startswith(",", m.end()):
        # ("Two years before, he said, an officer arrested him": an aside; the day is what was said)
        return False
    # "On Friday, the UN said": the telling's day; "shelled the camp on Thursday, the UN said"
    # and "When the attack came at 3.45pm on Tuesday, Mr Ging said": the day of what was said.
    return "," not in m.group(0) or bool(_OPENING.match(sentence[:start]))


def event_date(
    times: list[TimeRef], clause: tuple[int, int], span: tuple[int, int], trigger: tuple[int, int],
    article: Article, others: list[tuple[int, int]], definite: bool, text: str | None = None,
) -> dict[str, Any] | None:  # fmt: skip
    """The date of the event whose trigger is at ``trigger`` (offsets in the article text).

    A date written onto the trigger wins; dates written onto another event's noun
    or another event's clause are not this one's; of the rest, the clause's first,
    else the sentence's; a telling's date ("said Tuesday") only when nothing else
    is there and the trigger is not a definite noun ("the bombing") that recalls an
    earlier event. Without one, the publication date, saying so. ``text`` is the
    article's text, when the caller holds it (it is joined anew on each read).
    """
    text = article.text if text is None else text
    date = _own_date(times, clause, span, trigger, article, others, definite, text)
    # A wave's length counts back from the story's day, not from a day its sentence recalls.
    pub = article.published
    anchor = {"value": pub.value[:10]} if pub is not None and len(pub.value) >= 10 else date
    own_at = text.find(str((date or {}).get("text") or "\0"), trigger[1], span[1])
    if date is None or date.get("how") == "published" or own_at >= 0:
        # "a Monday evening vigil ...; a second protest the next night; another on Wednesday": the
        # night after the day the sentence told before it (the vigil's), not after a later one.
        told = [t for t in times if span[0] <= t.start and t.end <= trigger[0] and _dated(t) and len(t.value) >= 10]
        base = {**_json(told[-1]), "how": "text"} if told else None
        moved = day_apart(text, clause, span, trigger, base)
        if moved is not None and moved is not base:
            return moved
    if date is not None and date.get("how") == "published" and (day := _STORY_DAY.search(text, *clause)) is not None:
        return {**date, "how": "text", "text": day.group()}  # "had shelled Mekele earlier in the day": the story's day, told
    if date is not None and date.get("how") == "text" and date.get("precision") in ("year", "month") and pub is not None and str(date["value"]) < pub.value[: len(str(date["value"]))]:
        # "In 2005, the deaths of two boys set off three weeks of rioting": the wave of that
        # year, not three weeks back from the story's day.
        return day_apart(text, clause, span, trigger, date)
    # "145 were killed in 12 days of fighting before the government declared a cease-fire on Jan. 12":
    # the days up to that day, not to the story's.
    until = next((t for t in times if trigger[1] < t.start < span[1] and _dated(t) and len(t.value) == 10 and _UNTIL_DAY.fullmatch(text, trigger[1], t.start)), None)
    if (nth := _FOR_NTH.search(text, max(span[0], trigger[0] - 120), min(span[1], trigger[1] + 80))) and ";" not in text[min(nth.start(), trigger[0]) : max(nth.end(), trigger[1])] and (
        nth.start() >= trigger[1] or re.search(r"\bas\b", text[nth.end() : trigger[0]])
    ) and not (date and _YEAR.search(str(date.get("text") or ""))):  # "Looting flared across Los Angeles for a third day
        # today", "shook Kigali for a third straight day as rebels battled": since two days before (not a note's dated day)
        told_with = _DAY_NAME.match(text, nth.end())
        base = date if told_with and date and len(str(date.get("value") or "")) == 10 else anchor
        word = nth.group("n").lower()
        if (k := int(word[:-2]) if word[:1].isdigit() else _ORDINALS.get(word, 0)) > 1 and base:
            first = dt.date.fromisoformat(str(base["value"])[:10]) - dt.timedelta(days=k - 1)
            return {"value": first.isoformat(), "precision": "day", "how": "text", "text": nth.group(0).strip()}
    return series_start(text, trigger[0], {"value": until.value} if until else anchor, inclusive=until is not None) or day_apart(text, clause, span, trigger, date)


_UNTIL_DAY = compiled(r"\s+(?:before|until|that ended|ending)\s+[^.;,]{0,80}?\b(?:on|in)\s+")


_STORY_DAY = compiled(r"\b(?:earlier|later)\s+in\s+the\s+day\b|\b(?:earlier|later)\s+today\b", re.IGNORECASE)
# "where, the night before, a group rampaged", "47 arrests the previous night", "captured the
# next day": a day counted from the day the sentence tells (a phrase closed there, not "the
# day before the attacks", which counts from the attacks).
_DAY_APART = compiled(
    r"\b(?:(?:the|a)\s+(?P<back>(?:night|day|evening)\s+(?:before|earlier))|the\s+previous\s+(?P<prev>night|day|evening)"
    r"|the\s+(?P<next>next|following)\s+(?:day|morning|night|evening))\b(?!\s+(?:the|a|an|his|her|their|its|this|that|last|yesterday|\w+['’]s|[A-Z]\w*|\d)\b)",
    re.IGNORECASE,
)


_GAP_WORDS = compiled(r"\s+(?:[A-Za-z-]+\s+){0,4}")


def day_apart(
    text: str, clause: tuple[int, int], span: tuple[int, int], trigger: tuple[int, int], date: dict[str, Any] | None
) -> dict[str, Any] | None:  # fmt: skip
    """``date`` moved a day back or on when the trigger's clause counts from the day its sentence
    tells (its own, or the one carried over from the sentences before)."""
    if date and date.get("precision") in ("month", "day") and date.get("how") == "text" and (m := _MONTHS_APART.search(text, max(span[0], trigger[0] - 160), trigger[0])):
        if text.find(str(date.get("text") or "\0"), span[0], m.start()) < 0:  # ("in September 1996, two months after the Tigers overran": July)
            return date
        word = m.group("n").lower()
        n = int(word) if word.isdigit() else ({"a": 1, "one": 1} | NUMBERS).get(word, 0)
        year, month = int(str(date["value"])[:4]), int(str(date["value"])[5:7])
        k = year * 12 + month - 1 + (n if m.group("rel").lower() == "before" else -n)
        return {**date, "value": f"{k // 12:04d}-{k % 12 + 1:02d}", "precision": "month", "text": f"{n} month(s) {m.group('rel').lower()}"}
    if not date or date.get("precision") != "day" or date.get("how") not in ("text", "told", "context"):
        return date
    # Before the trigger in its clause ("where, the night before, a group rampaged"), or right
    # after it ("was captured the next day").
    m = _DAY_APART.search(text, max(span[0], clause[0], trigger[0] - 80), trigger[0])
    if m is None:
        m = _DAY_APART.search(text, trigger[1], min(span[1], trigger[1] + 45))
        if m is not None and not _GAP_WORDS.fullmatch(text, trigger[1], m.start()):
            m = None
    said = str(date.get("text") or "").lower()
    if m is None or said in text[min(m.start(), trigger[0]) : max(m.end(), trigger[1])].lower():
        return date  # ("the day before, on Monday, gunmen attacked": Monday is the attack's own)
    try:
        day = dt.date.fromisoformat(str(date["value"]))
    except ValueError:
        return date
    day += dt.timedelta(days=1 if m.group("next") else -1)
    # (marked as counted apart, as ``apart`` does, so that the next sentences do not take it up)
    return {**date, "value": day.isoformat(), "how": "text", "text": "1 day(s) after" if m.group("next") else "1 day(s) before"}


_FOR_NTH = compiled(r"\bfor\s+(?:a|the)\s+(?P<n>\d{1,2}(?:st|nd|rd|th)|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth)\s+(?:straight\s+|consecutive\s+|successive\s+|running\s+)?(?:day|night)\b", re.IGNORECASE)
_DAY_NAME = compiled(r"\s+(?:on\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b")
_MONTHS_APART = compiled(r"\b(?P<n>a|one|two|three|four|five|six|seven|eight|nine|ten|eleven|\d{1,2})\s+months?\s+(?P<rel>after|before)\s+(?:[\w'’,.-]+\s+){0,20}?$", re.IGNORECASE)
_TOLL_UPDATE = cues()["toll_update_before"]
# ", after riots in Athens left stores looted": told after the main clause's day, an earlier one
_AFTER_CLAUSE = compiled(r",\s+(?:just\s+|shortly\s+|soon\s+)?(?:after|following)\s+[^.;:,]*$", re.IGNORECASE)
_WHILE_CLAUSE = compiled(r"[^.;]*?,\s+(?:while|even as|just as)\s+[^.;,]*", re.IGNORECASE)
_OWN_PHRASE = compiled(r"\s+(?:[\w'’.-]+\s+){0,4}?(?:in|on)\s+")


def _own_date(
    times: list[TimeRef], clause: tuple[int, int], span: tuple[int, int], trigger: tuple[int, int],
    article: Article, others: list[tuple[int, int]], definite: bool, text: str,
) -> dict[str, Any] | None:  # fmt: skip
    s0 = span[0]
    sentence = text[span[0] : span[1]]
    for t in times:
        # A year written onto the noun dates it too: "the 2004 Madrid bombings".
        if span[0] <= t.start and (_dated(t) or _YEAR.fullmatch(t.value)) and attached(text, t, trigger[0]):
            return _json(t)
        if trigger[1] <= t.start < span[1] and _dated(t) and text.endswith(", ", 0, trigger[0]) and text.endswith("ing", 0, trigger[1]) and _OWN_PHRASE.fullmatch(text, trigger[1], t.start):
            return _json(t)  # "launched their offensive in October ..., capturing Kisangani in March": March
        if t.start > trigger[1] and text[trigger[1] : t.start].isspace() and t.text.lower() in ("overnight", "last night") and _dated(t):
            return _json(t)  # "sporadic riots overnight": the night's, not the calm Sunday the sentence opened on
        if (
            trigger[1] <= t.start < span[1] and _dated(t) and _DURING.match(text, trigger[1], t.start)
            and any(attached(text, t, o[0]) for o in others)
        ):  # fmt: skip
            return _json(t)  # "86 arrests over the course of Saturday's protests": Saturday's
        if span[0] <= t.start < trigger[0] and _dated(t) and any(
            o[1] <= trigger[0] and attached(text, t, o[0]) and _MARRED_BY.match(text, o[1], trigger[0]) for o in others
        ):
            return _json(t)  # "a Monday evening vigil marred by an unruly mob": Monday's

    def own(t: TimeRef) -> bool:
        if any(attached(text, t, o[0]) for o in others) or (text.startswith(("'s ", "’s "), t.end) and not attached(text, t, trigger[0])):
            return False  # ("violence over last week's disputed election": the election's week)
        if aside_of(sentence, t.start - s0, t.end - s0, trigger[0] - s0, relative=True) or FOUNDED.search(text, max(s0, t.start - 20), t.start):
            return False  # "— an unarmed teenager shot in the Bronx last year —", "the group, founded in 1983,": someone else's day
        if ((sup := _SINCE_SUPERLATIVE.search(text, max(s0, t.start - 150), t.start)) and text.rfind("since", sup.start(), t.start) > trigger[1]) or (
            _YEAR.fullmatch(t.value) and _SUPERLATIVE.search(text, max(s0, t.start - 70), t.start)
        ):
            return False  # "the deadliest attack since January", "their biggest victory this year": a yardstick
        if (
            (since := _SINCE_CLAUSE.search(text, max(s0, t.start - 60), t.start)) is not None and not since.start() < trigger[0] < t.start
            and not _SPANS_SINCE.match(text, trigger[0], trigger[1])
        ):  # fmt: skip
            return False  # "seized Kherson, the first city to fall since the invasion began on Feb. 24": the invasion's day
        if definite and t.end <= trigger[0] and t.start - s0 > 20 and not any(c.isdigit() for c in t.text) and not attached(text, t, trigger[0]):
            # "attended a memorial service on Sunday for the 10 people killed in the blast": a day
            # told before a noun that recalls the blast is the memorial's (a day opening the
            # sentence, "On Sunday, the attack killed five", or a date written out still dates it).
            return False
        if t.end <= trigger[0] and not text.startswith(",", t.end) and _AFTER_CLAUSE.search(text, max(t.end, trigger[0] - 120), trigger[0]) and not attached(text, t, trigger[0]):
            return False  # "Lawmakers on Monday approved the cuts, after riots in Athens": the riots came before Monday
        if t.start >= trigger[1] and _TOLL_UPDATE.search(text, max(s0, trigger[0] - 60), trigger[0]):
            return False  # "The death toll from the bombing here rose to 96 on Saturday": the count's day
        if (plan := _PLANNED_FOR.search(text, max(s0, t.start - 40), t.start)) is not None and not (0 <= plan.start() - trigger[1] < 25):
            return False  # "condemned the bombing and vowed attacks would not derail elections planned for January"
        if _TELLING_NOUN.match(text, t.end) and _DETERMINER.search(text, max(0, t.start - 8), t.start):
            return False  # "In a November 9 press conference, Kiir ... the bombing on Tuesday": the conference's day
        if any(passive_between(text, trigger, o, t) for o in others):
            return False
        if t.start > trigger[1] and "who" in text[trigger[1] : t.start] and _WHO_DID.search(text, trigger[1], t.start):
            return False  # "took place last week, the survivors told aid workers who reached the town on Wednesday"
        if clause[0] <= t.start and t.end <= clause[1]:
            return True
        if t.end <= trigger[0] and _WHILE_CLAUSE.fullmatch(text, t.end, trigger[0]):
            return True  # "pounded Beirut on Saturday, while Hezbollah fired rockets into Israel": the same day
        a, _ = clause_of(sentence, t.start - s0, t.end - s0)
        if _HAD.search(sentence, a, t.start - s0):
            return False  # "retook Leego, which the militants had seized last month": the seizure's, earlier
        if _RELATIVE.search(sentence, max(0, a - 8), a) or (_WHICH.search(sentence, max(0, a - 8), a) and not _OWN_COURSE.match(sentence, a)):
            return False  # "a vigil in Brooklyn, where Kimani Gray was shot Saturday": the shooting's day
        if all(t.end <= o[0] for o in others):
            return True  # "On 27 January, X looted ... and vandalized ...": the opening date covers all
        a, b = clause_of(sentence, t.start - s0, t.end - s0)
        return not any(a <= o[0] - s0 and o[1] - s0 <= b for o in others)

    for lo, hi in (clause, span):
        inside = [t for t in times if lo <= t.start and t.end <= hi and _dated(t) and own(t)]
        said = [t for t in inside if told(sentence, t.start - s0, t.end - s0)]
        rest = [t for t in inside if t not in said]
        if rest:
            later = [t for t in rest if t.start >= trigger[1]]  # ("seized eight soldiers on Jan. 8 and freed them on Wednesday", "missing since ... overran Mazar on Saturday")
            if later and rest[0].end <= trigger[0] and _AND_VERB.search(text, rest[0].end, trigger[0]):
                return _json(later[0])
            return _json(rest[0])
        if said and not definite:
            years = [t for t in times if clause[0] <= t.start and t.end <= clause[1] and _YEAR.fullmatch(t.value) and own(t)]
            if years and not told(sentence, years[0].start - s0, years[0].end - s0):
                return _json(years[0])  # "said Thursday ... an aid worker kidnapped nearly three years ago": the act's year
            # The telling's day, the best the sentence gives; marked so that a mention
            # of the same event with a day of its own ("shot on Saturday") wins.
            return {**_json(said[0]), "how": "told"}
    for lo, hi in (clause, span):
        # "last week": the month the week lies in, when it lies in one (never the story's day).
        weeks = [t for t in times if lo <= t.start and t.end <= hi and _WEEK.fullmatch(t.value) and own(t)]
        if weeks and not told(sentence, weeks[0].start - s0, weeks[0].end - s0) and (month := _week_month(weeks[0].value)):
            return {"value": month, "precision": "month", "how": "text", "text": weeks[0].text}
        # Only a year ("this year", "since 1955", "in 2009"): the year, not another day; the
        # clause's year before a week of the sentence's other clause ("students who took to the
        # streets this week ... Kaltezas, who was killed in 1985").
        years = [t for t in times if lo <= t.start and t.end <= hi and _YEAR.fullmatch(t.value) and own(t)]
        if years and not told(sentence, years[0].start - s0, years[0].end - s0):
            return _json(years[0])
    # "bands of youths looted shops on Thursday night, and the police arrested more than 100
    # people": a main clause joined by ", and" with no day of its own shares the one before it.
    joined = text.rfind(", and ", s0, trigger[0])
    if joined >= 0 and not _SUBORDINATE.search(text, joined, trigger[0]):
        before = [t for t in times if s0 <= t.start and t.end <= joined and _dated(t) and not _SINCE_CLAUSE.search(text, max(s0, t.start - 60), t.start)]
        if before and not _SUBORDINATE.search(text, before[-1].end, joined) and not told(sentence, before[-1].start - s0, before[-1].end - s0):
            return _json(before[-1])
    if (pub := article.published) is None:
        return None
    precision = pub.precision if pub.precision in ("day", "month", "year") else "month"  # (a paper of the 23rd prints "NICOSIA, July 22" news)
    day = dateline_day(article.dateline or "", pub.value[:10]) if len(pub.value) >= 10 else None
    return {"value": day.isoformat() if day else pub.value[:10], "precision": precision, "how": "published"}


_AND_VERB = compiled(r"\b(?:and\s+(?:then\s+|later\s+)?(?:\w+ed\s+)?|(?:since|when|after)\s+(?:[\w'’-]+\s+){0,4})$")
_SUBORDINATE = compiled(r"\b(?:after|before|since|when|while|until|which|who|whom|where|said|says|told|ago|earlier|later|then|next|previous)\b", re.IGNORECASE)


_WEEK = compiled(r"\d{4}-W\d\d")


def _week_month(value: str) -> str | None:
    """The month an ISO week lies in ("2015-W20" -> "2015-05"); of one that spans two, the
    month that holds most of its days (its Thursday's)."""
    return dt.date.fromisocalendar(int(value[:4]), int(value[6:8]), 4).isoformat()[:7]


def _json(t: TimeRef) -> dict[str, Any]:
    v = t.value[:10]
    return {
        "value": v,
        "precision": {10: "day", 7: "month"}.get(len(v), "year"),
        "how": "text",
        "text": t.text,
    }
