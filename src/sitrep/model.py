"""The records that flow through sitrep's stages.

Data flows one way: ingest makes a ``RawArticle``; cleaning turns it into an
``Article``; later stages add to the ``Article``. All are slotted dataclasses so
that a million of them stay cheap and a typo in a field name fails loudly.
"""

from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass, field
from typing import Any, Literal

PublishedHow = Literal["text", "html-meta", "input", "inferred"]
BlockKind = Literal[
    "title", "standfirst", "byline", "dateline", "paragraph", "heading", "caption", "chrome"
]


@dataclass(slots=True)
class RawArticle:
    """One article as read from the input, before any cleaning.

    Exactly one of ``text`` and ``html`` is set. ``source`` names where it came
    from (a path, or ``path:line`` for JSONL) so that every message can name it.
    """

    id: str
    source: str
    text: str | None = None
    html: str | None = None
    url: str | None = None
    outlet: str | None = None
    published: str | None = None
    title: str | None = None

    @property
    def kind(self) -> Literal["text", "html"]:
        """Whether the article came in as plain text or as HTML."""
        return "html" if self.html is not None else "text"

    @property
    def content(self) -> str:
        """The raw text or HTML as given."""
        return self.html if self.html is not None else (self.text or "")

    @property
    def content_hash(self) -> str:
        """A stable hash of the raw content and the metadata given with it."""
        h = hashlib.sha256()
        for part in (self.kind, self.content, self.url, self.outlet, self.published, self.title):
            h.update((part or "").encode("utf-8", "surrogatepass"))
            h.update(b"\x00")
        return h.hexdigest()


@dataclass(slots=True)
class Published:
    """A publication date and how it was found."""

    value: str
    how: PublishedHow
    precision: Literal["day", "month", "year"] = "day"
    evidence: str | None = None


@dataclass(slots=True)
class Block:
    """One line or paragraph of the input with the role cleaning gave it."""

    kind: BlockKind
    text: str
    why: str = ""


@dataclass(slots=True)
class Place:
    """A place named in the article text, resolved to a gazetteer entry.

    ``name`` is the place as the article spells it, else the gazetteer's English
    conventional name (an admin1 area always by its official short name, as ``admin1``).
    ``admin1`` and ``admin2`` are the areas holding it, named as ACLED and the region
    write them ("" where unknown). ``adjectival`` marks a demonym read as its country
    ("Iranian border" -> Iran). ``field`` says which text the offsets refer to: "text"
    (the body), "title", "standfirst", "dateline" (a wire dateline kept apart from the
    body), or "caption:N" (the N-th caption, from 0).
    """

    start: int
    end: int
    text: str
    name: str
    geonameid: int | None
    lat: float
    lon: float
    country_code: str
    admin1: str
    feature: str
    adjectival: bool = False
    score: float = 0.0
    field: str = "text"
    admin2: str = ""

    @property
    def entry(self) -> int | tuple[float, float]:
        """The gazetteer entry named, however spelt: its GeoNames id, else (a curated place:
        "Yida", "the Yida refugee camp") its point."""
        return self.geonameid if self.geonameid is not None else (self.lat, self.lon)

    def to_json(self) -> dict[str, Any]:
        """The CONTRACT's ``places`` item."""
        d = asdict(self)
        d["score"] = round(self.score, 3)
        return d


@dataclass(slots=True)
class TimeRef:
    """A time expression in the article text and its TimeML-style value.

    ``value`` is anchored on the publication date: 2021-08-12, 2021-W32, 2021-Q3,
    2021-08, 2021, P20Y, PT48H, PRESENT_REF. ``type`` is date, time, duration or set.
    """

    start: int
    end: int
    text: str
    value: str
    type: str
    field: str = "text"

    def to_json(self) -> dict[str, Any]:
        """The CONTRACT's ``times`` item (``field`` as for places)."""
        return asdict(self)


@dataclass(slots=True)
class Quantity:
    """A number in the text with what it counts.

    ``value`` is the figure a cautious analyst would code ("several" -> 3, "a dozen"
    -> 12), None for a vague plural that gives no figure ("dozens", "hundreds of":
    only ``low``/``high``, 24-99 and 200-999); ``low``/``high`` bound it (None where open: "more than 40"
    has low 40 and no high). ``unit`` is the thing counted or the measure
    ("troops", "provincial capitals", "miles", "%", "USD"); ``category`` is
    count, distance, mass, area, volume, money or percent; ``fatality`` is
    killed, injured or casualties where the clause says so.
    """

    start: int
    end: int
    text: str
    value: float | int | None
    low: float | int | None
    high: float | int | None
    approx: bool
    unit: str | None
    category: str
    fatality: str | None = None
    field: str = "text"

    def to_json(self) -> dict[str, Any]:
        """The CONTRACT's ``quantities`` item, extended with offsets and the reading."""
        return asdict(self)


@dataclass(slots=True)
class Event:
    """One event mention read from one clause of one article (CONTRACT ``EVENT``).

    Nested parts are plain dicts in the CONTRACT's shape so that they serialise
    as they are: ``acled``, ``plover``, ``actor1``/``actor2``, ``place``, ``date``,
    ``sources``, ``quantities`` and ``evidence`` (the sentence, with the trigger's
    offsets inside the article text).
    """

    id: str
    kind: str
    family: str
    acled: dict[str, str] | None
    plover: dict[str, str | None] | None
    actor1: dict[str, Any] | None
    actor2: dict[str, Any] | None
    place: dict[str, Any] | None
    date: dict[str, Any] | None
    modality: str
    sources: list[dict[str, Any]] = field(default_factory=list)
    fatalities: int | None = None
    quantities: list[dict[str, Any]] = field(default_factory=list)
    evidence: list[dict[str, Any]] = field(default_factory=list)
    # "material" (a happening the map shows) or "speech" (a speech act, an opt-in layer).
    layer: str = "material"
    # A mention of an earlier event recalled in passing ("the Aug. 7 bombings", "since the shooting").
    background: bool = False

    def to_json(self) -> dict[str, Any]:
        """The CONTRACT's EVENT object (with ``family`` and ``layer`` added, ``material`` said)."""
        d = asdict(self)
        d["material"] = self.layer == "material"
        return d


@dataclass(slots=True)
class Article:
    """A cleaned article: metadata, body and the parts kept apart from it."""

    id: str
    source: str
    kind: Literal["text", "html"]
    raw: str
    url: str | None = None
    outlet: str | None = None
    language: str | None = "en"
    published: Published | None = None
    title: str | None = None
    standfirst: str | None = None
    byline: str | None = None
    dateline: str | None = None
    paragraphs: list[str] = field(default_factory=list)
    headings: list[str] = field(default_factory=list)
    captions: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    wire: list[str] = field(default_factory=list)
    blocks: list[Block] = field(default_factory=list)
    content_hash: str = ""
    verbatim: str | None = None
    places: list[Place] = field(default_factory=list)
    times: list[TimeRef] = field(default_factory=list)
    quantities: list[Quantity] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    # Set by the engine's per-article stages for the cross-article ones (copies, stories),
    # so that no later stage reads the text back or tokenises it again; never exported.
    fingerprint: Any = field(default=None, repr=False, compare=False)
    terms: dict[str, float] | None = field(default=None, repr=False, compare=False)

    @property
    def text(self) -> str:
        """The clean body: paragraphs (headings among them) joined by a blank line.

        With ``--assume-clean`` the input text is the body exactly as given, so
        that offsets refer to it.
        """
        if self.verbatim is not None:
            return self.verbatim
        return "\n\n".join(self.paragraphs)

    def to_json(self) -> dict[str, Any]:
        """The CONTRACT's annotate/export shape of the article."""
        return {
            "id": self.id,
            "url": self.url,
            "outlet": self.outlet,
            "language": self.language,
            "published": asdict(self.published) if self.published else None,
            "title": self.title,
            "standfirst": self.standfirst,
            "byline": self.byline,
            "dateline": self.dateline,
            "text": self.text,
            "headings": list(self.headings),
            "captions": list(self.captions),
            "removed": list(self.removed),
            "wire": list(self.wire),
        }
