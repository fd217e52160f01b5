"""One helper for the event tests: the material events sitrep reads from a text as written."""

from __future__ import annotations

from sitrep.clean import clean
from sitrep.model import Event, RawArticle
from sitrep.pipeline import extract


def material_events(text: str, published: str) -> list[Event]:
    """The material events of ``text`` published on ``published`` (the text taken as clean)."""
    raw = RawArticle(id="t", source="t", text=text, published=published)
    return [e for e in extract(clean(raw, assume_clean=True)).events if e.layer == "material"]
