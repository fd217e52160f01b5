"""The records consolidation makes (#27): one real-world event, a conflict among its reports,
and a change of hands of a place.

Each is a slotted dataclass with one ``to_json``, the shape export, the API and the store
give (CONTRACT ``EVENT`` plus the consolidated fields): its fields in order, but for the
event, whose toll, count of sources and layer flag are worked out among them. What the store
keeps as JSON is read back with ``from_json``. Nested parts an event shares with the per-article ``Event`` (actors,
place, date, sources, evidence) stay in their CONTRACT dict shape.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass(slots=True)
class ConsolidatedEvent:
    """One real-world event, read from every report of it (CONTRACT ``EVENT`` in ``export --what events``).

    ``originators`` are the independent accounts (wire copy counted once), ``accounts`` who
    claims, confirms, denies or asserts it, ``mentions`` the per-article events it gathers.
    """

    id: str
    kind: str
    family: str
    acled: dict[str, Any] | None
    plover: dict[str, Any] | None
    layer: str
    background: bool
    actor1: dict[str, Any] | None
    actor2: dict[str, Any] | None
    place: dict[str, Any] | None
    date: dict[str, Any] | None
    modality: str
    sources: list[dict[str, Any]]
    fatalities_range: dict[str, Any] | None
    quantities: list[dict[str, Any]]
    evidence: list[dict[str, Any]]
    articles: list[str]
    stories: list[int]
    originators: list[str]
    accounts: dict[str, list[str]]
    first_reported: str | None
    last_reported: str | None
    mentions: list[dict[str, Any]]
    status: str = "single"
    conflicts: list[str] = field(default_factory=list)

    @property
    def material(self) -> bool:
        """A happening the map shows, not a speech act."""
        return self.layer == "material"

    @property
    def fatalities(self) -> int | None:
        """The best figure of the reports' death tolls (None when none gives one)."""
        return self.fatalities_range["best"] if self.fatalities_range else None

    @property
    def independent_sources(self) -> int:
        """How many independent accounts tell it."""
        return len(self.originators)

    def to_json(self) -> dict[str, Any]:
        """The event as export and the API give it."""
        return {
            "id": self.id,
            "kind": self.kind,
            "family": self.family,
            "acled": self.acled,
            "plover": self.plover,
            "layer": self.layer,
            "material": self.material,
            "background": self.background,
            "actor1": self.actor1,
            "actor2": self.actor2,
            "place": self.place,
            "date": self.date,
            "modality": self.modality,
            "sources": self.sources,
            "fatalities": self.fatalities,
            "fatalities_range": self.fatalities_range,
            "quantities": self.quantities,
            "evidence": self.evidence,
            "articles": self.articles,
            "stories": self.stories,
            "independent_sources": self.independent_sources,
            "originators": self.originators,
            "accounts": self.accounts,
            "first_reported": self.first_reported,
            "last_reported": self.last_reported,
            "mentions": self.mentions,
            "status": self.status,
            "conflicts": self.conflicts,
        }


@dataclass(slots=True)
class ConflictValue:
    """One report's reading of a disputed fact, with the sentence it came from."""

    value: Any
    article_id: str
    published: str | None
    evidence: dict[str, Any]

    def to_json(self) -> dict[str, Any]:
        """CONTRACT ``{value, article_id, evidence}``, with the report's publication day."""
        return asdict(self)

    @classmethod
    def from_json(cls, d: dict[str, Any]) -> ConflictValue:
        """The value as ``to_json`` wrote it."""
        return cls(d["value"], d["article_id"], d.get("published"), d.get("evidence") or {})


@dataclass(slots=True)
class Conflict:
    """A fact an event's reports disagree on: an ``update`` when the later report revises the
    earlier, a ``contradiction`` when reports of the same time differ."""

    id: str
    event_id: str
    fact: str
    context: str
    kind: str
    values: list[ConflictValue]

    def to_json(self) -> dict[str, Any]:
        """CONTRACT ``{fact, values, kind}`` with the conflict's and its event's ids (fields in order)."""
        return asdict(self)

    @classmethod
    def from_json(cls, d: dict[str, Any]) -> Conflict:
        """The conflict as ``to_json`` wrote it."""
        return cls(d["id"], d["event_id"], d["fact"], d.get("context") or "", d["kind"], [ConflictValue.from_json(v) for v in d["values"]])


@dataclass(slots=True)
class ControlChange:
    """A place changing hands on a day: who holds it since, whom it was lost by, and the event
    and accounts that tell it (``how`` says how the holder was read)."""

    place_key: str
    place: dict[str, Any]
    holder: str | None
    lost_by: str | None
    since: str
    since_precision: str
    event_id: str
    kind: str
    modality: str
    status: str | None
    sources: list[str]
    articles: list[str]
    how: str

    def to_json(self) -> dict[str, Any]:
        """The change as export and the API give it (its fields in order)."""
        return asdict(self)

    @classmethod
    def from_json(cls, d: dict[str, Any]) -> ControlChange:
        """The change as ``to_json`` wrote it."""
        return cls(
            d["place_key"], d["place"], d.get("holder"), d.get("lost_by"), d["since"], d.get("since_precision") or "day",
            d["event_id"], d["kind"], d["modality"], d.get("status"), d.get("sources") or [], d.get("articles") or [], d.get("how") or "",
        )
