"""One event mention as consolidation sees it: its kind, place, date span, actors and origin."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from sitrep.events.corefer import opens_elsewhere
from sitrep.rxfactor import compiled

# Finest first: a mention at a city is more precise than one at its province.
PLACE_RANK = {
    "city": 0,
    "landmark": 0,
    "admin3": 0,
    "admin2": 1,
    "admin1": 2,
    "region": 3,
    "country": 4,
}
DATE_RANK = {"day": 0, "week": 1, "month": 2, "quarter": 3, "season": 3, "year": 4}
# How strongly a mention vouches for its event: the event takes its strongest mention's.
MODALITY_STRENGTH = {
    "confirmed": 6, "asserted": 5, "reported": 4, "claimed": 3, "planned": 2, "hypothetical": 1, "denied": 0,
}  # fmt: skip

# A date written out with its day and month (or an ISO date), as opposed to "on Thursday".
_EXPLICIT_DATE = compiled(
    r"\d{1,2}(?:st|nd|rd|th)?\s+[A-Z][a-z]{2,}|[A-Z][a-z]{2,}\.?\s+\d{1,2}\b|\d{4}-\d{2}-\d{2}"
)
_NAME = compiled(r"\b[A-Z][\w'’-]+")
# "in Dzadran district, Paktiya province": a district the gazetteer may not know, named anyway.
_DISTRICT = compiled(r"\b([A-Z][\w'’-]+(?:[ -][A-Z][\w'’-]+)?) district\b")
_WORD = compiled(r"[^\W\d_]{3,}|\d+")
# Words every event sentence shares: they say nothing about whether two sentences tell one story.
_STOP = frozenset(
    [
        "the",
        "and",
        "that",
        "with",
        "from",
        "for",
        "was",
        "were",
        "has",
        "have",
        "had",
        "been",
        "said",
        "also",
        "this",
        "their",
        "they",
        "its",
        "his",
        "her",
        "which",
        "who",
        "after",
        "into",
        "over",
        "about",
        "than",
        "more",
        "not",
        "but",
        "are",
        "will",
        "would",
        "could",
        "can",
        "when",
        "while",
        "where",
        "there",
        "other",
        "some",
        "into",
        "per",
        "cent",
    ]
)
# Words in a source's description that do not tell one source from another.
_GENERIC_SOURCE = frozenset(
    [
        "a",
        "an",
        "the",
        "of",
        "in",
        "from",
        "to",
        "and",
        "senior",
        "top",
        "local",
        "official",
        "officials",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "source",
        "sources",
        "security",
        "member",
        "members",
        "person",
        "people",
        "correspondent",
        "reporter",
        "told",
        "said",
        "witness",
        "witnesses",
        "resident",
        "residents",
        "report",
        "reports",
        "media",
        "medium",
        "statement",
        "one",
        "two",
        "second",
        "another",
        "anonymous",
        "unnamed",
    ]
)


def sentence_words(text: str) -> frozenset[str]:
    """The content words of an evidence sentence, for telling reprinted sentences apart."""
    return frozenset(w for w in (m.group().lower() for m in _WORD.finditer(text)) if w not in _STOP)


def similarity(a: frozenset[str], b: frozenset[str]) -> float:
    """Jaccard similarity of two word sets (0 when either is empty)."""
    if not a or not b:
        return 0.0
    inter = len(a & b)
    return inter / (len(a) + len(b) - inter)


def date_span(value: str | None, precision: str | None) -> tuple[date, date] | None:
    """The first and last day a TimeML-style date value can mean, or None when it names no span."""
    if not value:
        return None
    try:
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            d = date.fromisoformat(value)
            return d, d
        m = re.fullmatch(r"(\d{4})-W(\d{2})", value)
        if m:
            start = date.fromisocalendar(int(m[1]), int(m[2]), 1)
            return start, start + timedelta(days=6)
        m = re.fullmatch(r"(\d{4})-(\d{2})", value)
        if m:
            y, mo = int(m[1]), int(m[2])
            nxt = date(y + mo // 12, mo % 12 + 1, 1)
            return date(y, mo, 1), nxt - timedelta(days=1)
        m = re.fullmatch(r"(\d{4})-Q([1-4])", value)
        if m:
            y, q = int(m[1]), int(m[2])
            end = date(y + 1, 1, 1) if q == 4 else date(y, 3 * q + 1, 1)
            return date(y, 3 * q - 2, 1), end - timedelta(days=1)
        m = re.fullmatch(r"(\d{4})", value)
        if m:
            return date(int(m[1]), 1, 1), date(int(m[1]), 12, 31)
    except ValueError:
        return None
    return None


def actor_side(actor: dict[str, Any] | None) -> str | None:
    """Who an actor stands for when telling whether two reports contradict each other.

    A country's army, police, government and officials are one side; an unnamed
    armed group is nobody in particular (it contradicts no one).
    """
    if not actor or not actor.get("name"):
        return None
    name = str(actor["name"])
    if name.startswith("Unidentified"):
        return None
    if actor.get("type") in ("state", "official") and actor.get("country_code"):
        return f"state:{actor['country_code']}"
    return name


def source_key(who: str | None) -> str | None:
    """A source's description reduced to who it is ("Taliban spokesman" -> "taliban"); None if generic."""
    if not who:
        return None
    plain = re.sub(r"['’]s\b", "", who.lower())
    words = [w for w in re.findall(r"\w+", plain) if w not in _GENERIC_SOURCE]
    return " ".join(words) or None


@dataclass(slots=True)
class ArticleInfo:
    """What consolidation needs of the article a mention came from."""

    pk: int
    id: str
    outlet: str | None
    published: str | None
    published_precision: str | None
    wire: list[str]
    copy_group: int  # the copy group's centre pk; the article's own pk when it carries no copy
    copy_of: int | None
    copy_relation: str | None
    story_id: int | None
    # The day of the article's leading dated event: what an undated mention in it most likely means.
    focal_date: str | None = None
    # The article's main (first) event as "family|place|date": two reports with the same lead
    # are about the same happening, so their background sentences may be one event too.
    lead: str | None = None


@dataclass(slots=True)
class Mention:
    """One stored event mention (a row of ``events``) with what merging compares."""

    pk: int
    id: str
    rank: int
    article: ArticleInfo
    # The mention's EVENT json: read from the store only while its event is written, so that a
    # block of many thousand mentions holds what merging compares, not every mention's json.
    parsed: dict[str, Any] | None
    place: dict[str, Any]  # what merging reads of the place: its point, feature, name and text
    kind: str
    family: str
    place_key: str | None
    place_rank: int
    country: str
    admin1: str | None
    span: tuple[date, date] | None
    date_rank: int
    side1: str | None
    side2: str | None
    words: frozenset[str]
    originator: str
    modality: str
    explicit_date: bool = False  # the date is written out ("4 February 2022"), not relative
    # The date is the sentence's own or the report's publication day, not one carried over
    # from the sentence before or guessed from the article's lead.
    own_date: bool = False
    names: frozenset[str] = frozenset()  # capitalised words after the sentence's first
    districts: frozenset[str] = frozenset()  # the districts the sentence names, lower case
    # The article's other sentences that tell this event again (joined at extraction):
    # a reprint of any of them is a reprint of the event.
    retold: tuple[frozenset[str], ...] = ()
    toll: int | None = None  # the dead the mention counts, when it gives a number
    another: bool = False  # its sentence says it is another happening than one its article told
    why: str = ""
    held_by: str | None = None  # the event that holds it already (when events grow in place)

    @property
    def data(self) -> dict[str, Any]:
        """The mention's EVENT json (loaded for writing its event, or given as a dict)."""
        if self.parsed is None:
            raise RuntimeError(f"mention {self.pk}: its json is read only while its event is written")
        return self.parsed

    @property
    def order(self) -> tuple[Any, ...]:
        """Most precise first, then earliest reported: the order mentions found events in."""
        return (
            self.date_rank, self.place_rank, self.article.published or "9999",
            self.article.id, self.rank,
        )  # fmt: skip


def originator(data: dict[str, Any], info: ArticleInfo) -> str:
    """Who a mention's account comes from, so that reprints of one account count once.

    A named source counts as itself (a Taliban spokesman and the interior ministry
    are two); a claim with no named source is the claiming actor's; an unattributed
    account is its wire agency's, else its copy group's, else its outlet's.
    """
    for s in data.get("sources") or []:
        key = source_key(s.get("who"))
        if key:
            return f"source:{key}"
    if data.get("modality") in ("claimed", "denied"):
        actor = (data.get("actor1") or {}).get("name")
        if actor and not str(actor).startswith("Unidentified"):
            return f"source:{str(actor).lower()}"
    if info.wire:
        return f"wire:{info.wire[0]}"
    vias = [s.get("via") for s in data.get("sources") or [] if s.get("via")]
    if vias:
        return f"wire:{vias[0]}"
    if info.copy_group != info.pk:
        return f"copy:{info.copy_group}"
    return f"outlet:{info.outlet or info.id}"


# How many days before the day it was told of an event may have happened, for merging (as the
# day of publication: "yesterday, the police explained" a shooting of the night before).
_TOLD_BEFORE = 1


def _reported_span(when: dict[str, Any]) -> tuple[date, date] | None:
    """The days a mention's date can mean: a day the text gives is that day; the day of
    publication, which the text did not give, is that day or the one before (a morning
    paper reports yesterday's shelling); the day it was told of, that day or the one before."""
    span = date_span(when.get("value"), when.get("precision"))
    if span and when.get("how") == "published" and span[0] == span[1]:
        return (span[0] - timedelta(days=1), span[1])
    if span and when.get("how") == "told" and span[0] == span[1]:
        # The day it was told of ("Yesterday, the police explained that officers shot ..."):
        # it happened by then, most often the day before.
        return (span[0] - timedelta(days=_TOLD_BEFORE), span[1])
    return span


def _fallback_span(info: ArticleInfo) -> tuple[date, date] | None:
    """For a mention with no date: the article's publication span, else its leading event's day."""
    if info.published:
        span = date_span(info.published[:10], info.published_precision)
        if span:
            return span
    return date_span(info.focal_date, "day")


def make_mention(
    pk: int, rank: int, data: dict[str, Any] | str, info: ArticleInfo, shared: dict[Any, Any] | None = None
) -> Mention:
    """A ``Mention`` from a stored EVENT json and its article.

    Given as text (as stored), the json is not kept: the writer reads it again for the event
    (``Mention.parsed``). ``shared`` (one dict for a block) gives reprints of one sentence one
    set of its words and one place, not one each: a block holds forty reprints of a wire sentence.
    """
    parsed: dict[str, Any] | None = None
    if isinstance(data, str):
        data = json.loads(data)
    else:
        parsed = data
    assert isinstance(data, dict)
    memo: dict[Any, Any] = {} if shared is None else shared
    place = data.get("place") or {}
    slim = {k: place.get(k) for k in ("lat", "lon", "feature", "name", "text")}
    place_key = ("p", repr(sorted(slim.items())))
    slim = memo.setdefault(place_key, slim)
    gid = place.get("geonameid")
    name = place.get("name")
    if gid:
        key: str | None = f"g{gid}"
    elif place.get("lat") is not None and place.get("lon") is not None:
        # A curated place (a camp, a base) has no GeoNames id: its point names it, not its
        # spelling ("Yida" and "Yida Refugee Camp" are one camp).
        key = f"p{float(place['lat']):.3f},{float(place['lon']):.3f}"
    else:
        key = f"n{str(name).lower()}" if name else None
    if key and place.get("site"):
        key += f"/{place['site']}"  # the jail in Kandahar is not Kandahar
    when = data.get("date") or {}
    evidence = (data.get("evidence") or [{}])[0]
    text = str(evidence.get("text") or "")
    return Mention(
        pk=pk,
        id=str(data.get("id") or pk),
        rank=rank,
        article=info,
        parsed=parsed,
        place=slim,
        kind=str(data["kind"]),
        family=str(data.get("family") or data["kind"].split(".")[0]),
        place_key=key,
        place_rank=PLACE_RANK.get(str(place.get("precision") or place.get("feature")), 5)
        if key
        else 6,
        country=str(place.get("country_code") or ""),
        admin1=place.get("admin1"),
        span=_reported_span(when) or _fallback_span(info),
        date_rank=DATE_RANK.get(str(when.get("precision")), 5),
        side1=actor_side(data.get("actor1")),
        side2=actor_side(data.get("actor2")),
        words=_shared(memo, ("w", text), sentence_words),
        originator=originator(data, info),
        modality=str(data.get("modality") or "asserted"),
        explicit_date=bool(_EXPLICIT_DATE.search(str(when.get("text") or ""))),
        own_date=bool(when.get("value")) and when.get("how") != "context",
        names=_shared(memo, ("n", text), lambda t: frozenset(w.lower() for w in _NAME.findall(t)[1:])),
        districts=_shared(memo, ("d", text), lambda t: frozenset(d.lower() for d in _DISTRICT.findall(t))),
        retold=tuple(
            _shared(memo, ("w", str(ev.get("text") or "")), sentence_words) for ev in (data.get("evidence") or [])[1:6]
        ),
        toll=data["fatalities"] if isinstance(data.get("fatalities"), int) else None,
        another=_another(text, evidence),
    )


# "bombed another UN school", "a second blast", "In a separate incident": the sentence says its
# happening is not the one its article told before.
_ANOTHER_BEFORE = compiled(
    # (not "a second round of bombs", "a second day of clashes": more of the same happening;
    # nor "another of the bombers", "another figure who killed": someone else in it)
    r"\b(?:another|a second|a third|a separate)\s+(?!(?:[\w-]+\s+)?(?:rounds?|waves?|days?|nights?|times?|volleys?|salvos?|barrages?|of|who|which|that)\b)"
    r"(?:(?!(?:of|who|which|that)\b|[\w-]*(?:er|ers|man|men)\b)[\w-]+\s+){0,2}$",
    re.IGNORECASE,
)
# Who did it, named by the act: "a third suicide bomber" is one more of the same attack's.
_AGENT_NOUN = compiled(r"(?:er|ers|man|men|ist|ists)$", re.IGNORECASE)
_ANOTHER_AFTER = compiled(
    # a place the act hit: "bombed another UN school", "shelled another village" (not "a fight
    # with another inmate", "captured another facilitator": someone else, the same happening)
    r"\s+(?:[\w-]+\s+){0,2}?(?:another|a second|a third|a separate)\s+(?:[\w.-]+\s+){0,2}?"
    r"(?:schools?|houses?|homes?|buildings?|villages?|towns?|camps?|mosques?|churches?|hospitals?|clinics?|markets?|compounds?|neighbou?rhoods?|districts?|cities|city|bases?|checkpoints?)\b",
    re.IGNORECASE,
)


def _another(text: str, evidence: dict[str, Any]) -> bool:
    trigger = evidence.get("trigger") or {}
    if not isinstance(trigger, dict) or "start" not in trigger or "start" not in evidence:
        return opens_elsewhere(text)
    at, end = int(trigger["start"]) - int(evidence["start"]), int(trigger["end"]) - int(evidence["start"])
    before = not _AGENT_NOUN.search(str(trigger.get("text") or "")) and _ANOTHER_BEFORE.search(text, max(0, at - 30), max(0, at))
    return bool(opens_elsewhere(text) or before or _ANOTHER_AFTER.match(text, end, end + 40))


def _shared(memo: dict[Any, Any], key: tuple[str, str], make: Any) -> frozenset[str]:
    """``make(text)`` for the text of ``key``, one object for every mention of the pass that asks."""
    got = memo.get(key)
    if got is None:
        got = memo[key] = make(key[1])
    return got  # type: ignore[no-any-return]
