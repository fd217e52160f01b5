"""The shapes the JSON API answers with, declared for ``/openapi.json``.

The routes answer with JSON the store already holds (consolidated events are kept as JSON
and sent as they are), so these models document the responses rather than validate them:
validating every event of a page again would cost more than reading it. A test holds the
two together: every field a real response carries is declared here.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field


class _Open(BaseModel):
    # Documented fields; a newer field the store adds is passed through, not dropped.
    model_config = ConfigDict(extra="allow")


class Actor(_Open):
    """Who did it, or to whom: ACLED's actor name, its type and country."""

    name: str
    type: str | None = None
    inter: int | None = None
    country_code: str | None = None
    text: str | None = None  # the words the article names them by
    how: str | None = None  # "unnamed": the text names no doer; "context": named in another sentence


class Place(_Open):
    """Where it happened, as the article spells it, with its gazetteer point."""

    name: str | None = None
    geonameid: int | None = None
    lat: float | None = None
    lon: float | None = None
    country_code: str | None = None
    admin1: str | None = None
    admin2: str | None = None
    precision: str | None = None
    feature: str | None = None
    site: str | None = None  # a site within the place the gazetteer lacks ("the jail")


class EventDate(_Open):
    """When it happened: YYYY-MM-DD, YYYY-MM or YYYY, and which of them."""

    value: str
    precision: str | None = None


class Acled(_Open):
    """ACLED's event type and sub-event type."""

    event_type: str | None = None
    sub_event_type: str | None = None


class Plover(_Open):
    """PLOVER's event type and mode."""

    type: str | None = None
    mode: str | None = None


class Event(_Open):
    """A consolidated event: one real-world happening, however many articles tell it."""

    id: str
    kind: str
    family: str
    acled: Acled | None = None
    plover: Plover | None = None
    layer: str
    material: bool
    background: bool = False
    actor1: Actor | None = None
    actor2: Actor | None = None
    place: Place | None = None
    date: EventDate | None = None
    modality: str
    fatalities: int | None = None
    fatalities_range: list[int] | None = None
    articles: list[str]
    stories: list[int] = []
    independent_sources: int
    originators: list[str] = []
    accounts: dict[str, list[str]] = {}
    first_reported: str | None = None
    last_reported: str | None = None
    status: str
    conflicts: list[str] = []
    evidence_text: str | None = None


class Evidence(_Open):
    """A sentence an event was read from, with offsets into its article's text."""

    article_id: str
    start: int
    end: int
    text: str
    trigger: dict[str, Any] | None = None  # the words that told the event: start, end, text
    marks: list[dict[str, Any]] = []  # what else the sentence gave: times, places, numbers, actors


class Mention(_Open):
    """One article's telling of the event, and why it joined the event."""

    id: str
    article_id: str
    rank: int
    modality: str
    originator: str | None = None
    outlet: str | None = None
    why: str


class Source(_Open):
    """Who says so, by which channel, carried by which wire."""

    who: str | None = None
    channel: str | None = None
    via: str | None = None
    articles: list[str] = []
    outlets: list[str] = []


class EventDetail(Event):
    """One event with its mentions, evidence, sources and quantities."""

    mentions: list[Mention]
    evidence: list[Evidence]
    sources: list[Source] = []
    sources_named: dict[str, dict[str, Any]] = {}
    quantities: list[dict[str, Any]] = []


class Page(_Open):
    """A page of a longer list: ``next_offset`` is null on the last page."""

    total: int
    limit: int
    offset: int
    next_offset: int | None = None


class EventPage(Page):
    """A page of consolidated events, earliest first."""

    items: list[Event]


class Points(_Open):
    """Every matching event with a point, as compact rows in the order of ``fields``."""

    fields: list[str]
    total: int
    truncated: bool
    rows: list[list[Any]]


class Published(_Open):
    """A publication date and how it was found (text, html-meta, input or inferred)."""

    value: str
    how: str
    precision: str = "day"
    evidence: str | None = None


class CopyVerdict(_Open):
    """Whose wire copy an article carries, and which of its paragraphs are shared or its own."""

    of: str
    relation: str | None = None
    containment: float | None = None
    coverage: float | None = None
    group: str | None = None
    same_outlet: bool = False
    shared_paragraphs: list[int] = []
    own_paragraphs: list[int] = []


class Article(_Open):
    """An article's latest version in the one article shape that annotate, export and the API
    all give, less its text parts (text, headings, captions, removed): a list's item."""

    id: str
    version: int
    version_of: str | None = None
    url: str | None = None
    outlet: str | None = None
    language: str | None = None
    published: Published | None = None
    title: str | None = None
    standfirst: str | None = None
    byline: str | None = None
    dateline: str | None = None
    wire: list[str] = []
    story_id: int | None = None
    copy_of: str | None = None
    copy_: CopyVerdict | None = Field(default=None, alias="copy")
    source: str | None = None
    kind: str | None = None
    content_hash: str | None = None
    stored_at: str | None = None
    run_id: int | None = None


class ArticleDetail(Article):
    """One article in the whole article shape: its clean text, the parts kept apart from it, and
    the ids of its consolidated events."""

    text: str
    headings: list[str] = []
    captions: list[str] = []
    removed: list[str] = []
    events: list[str] = []


class ArticlePage(Page):
    """A page of articles (without text)."""

    items: list[Article]


class _StoryHead(_Open):
    """What every story answer carries: its id, title, days and articles' ids."""

    id: int
    title: str | None = None
    first_date: str | None = None
    last_date: str | None = None
    article_ids: list[str] = []


class Story(_StoryHead):
    """Articles about one happening, and how many events they tell."""

    articles: int
    events: int = 0


class StoryPage(Page):
    """A page of stories."""

    items: list[Story]


class StoryDetail(_StoryHead):
    """One story with its articles and events."""

    articles: list[Article]
    events: list[Event]


class ConflictValue(_Open):
    """One report's figure, with the sentence that gives it."""

    value: Any
    article_id: str
    published: str | None = None
    evidence: dict[str, Any] | None = None


class Conflict(_Open):
    """A fact the reports disagree on: an update (a later figure) or a contradiction."""

    id: str
    event_id: str | None = None
    fact: str
    context: str | None = None
    kind: str
    values: list[ConflictValue]


class ConflictPage(Page):
    """A page of conflicts."""

    items: list[Conflict]


class Control(_Open):
    """Who holds which place on a day."""

    on: str | None = None
    places: list[dict[str, Any]]


class Health(_Open):
    """The server is up; what its database holds."""

    ok: bool
    version: str
    articles: int
    events: int
    conflicts: int


class Version(_Open):
    """What the database holds now: a stamp that changes with every commit of new events or articles.

    The stamp is opaque: compare it with the last one seen; ``events`` and ``articles``
    say how much there is (the same counts as ``/api/health``).
    """

    stamp: str
    events: int
    articles: int
    last_run: str | None = None  # when the last finished run ended (ISO 8601 UTC), null before any


class StatsPart(_Open):
    """How many events, and how many deaths they report (the sum of their fatalities)."""

    events: int
    fatalities: int


class StatsBin(_Open):
    """One bin of the time chart: events and fatalities per kind family (only those with any)."""

    start: str  # its first day, YYYY-MM-DD
    events: dict[str, int]
    fatalities: dict[str, int]


class StatsTime(_Open):
    """Events over time: every bin from ``first`` to ``last`` (null when nothing is dated), and
    the events outside them: undated, dated more coarsely than a bin (a month in a chart of
    weeks), or before or after the dense part of the dates the bins cover."""

    bin: str | None = None  # day, week (from Monday), month or year
    first: str | None = None
    last: str | None = None
    families: list[str]  # the families in the bins, most events first
    bins: list[StatsBin]
    undated: StatsPart
    coarse: StatsPart
    earlier: StatsPart
    later: StatsPart


class StatsCountry(StatsPart):
    """A country's events (country_code null: placed in no country)."""

    country_code: str | None = None
    country: str | None = None


class StatsAdmin1(StatsPart):
    """A province's events (admin1 null: placed in the country only), at their mean point."""

    country_code: str | None = None
    admin1: str | None = None
    lat: float | None = None
    lon: float | None = None


class StatsActor(StatsPart):
    """An actor1's events, named as the data writes it (null: no actor named)."""

    name: str | None = None


class StatsOthers(StatsPart):
    """The actors after the first ones, together: how many, their events and fatalities."""

    groups: int


class StatsTop(_Open):
    """The first actors of a ranking, and the others together."""

    items: list[StatsActor]
    others: StatsOthers


class StatsActors(_Open):
    """The actors (actor1) with the most events, and those with the most fatalities."""

    events: StatsTop
    fatalities: StatsTop


class Stats(_Open):
    """The counts of /api/events' filter: each breakdown adds up to ``total`` events."""

    total: int
    fatalities: int
    time: StatsTime
    countries: list[StatsCountry]
    admin1: list[StatsAdmin1]
    actors: StatsActors


class ErrorBody(BaseModel):
    """What went wrong: the HTTP status, a short code and a message for people."""

    status: int
    code: str
    message: str


class Error(BaseModel):
    """The one shape of every error."""

    error: ErrorBody


ERRORS: dict[int | str, dict[str, Any]] = {
    400: {"model": Error, "description": "a day no calendar has, or a start after the end"},
    404: {"model": Error, "description": "not found"},
    414: {"model": Error, "description": "the path and query are over 8 KB"},
    422: {"model": Error, "description": "a parameter is invalid, unknown to the route or repeated"},
    431: {"model": Error, "description": "the request headers are over 16 KB"},
}
