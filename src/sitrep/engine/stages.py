"""The per-article stages, declared: what each needs and what it sets, checked before a run.

A stage is a pure function of one article plus the run's read-only context (the chrome
model and outlet homes learned from the corpus sample, the gazetteer). Each declares the
fields it ``requires`` and ``assigns`` (spaCy's habit), so a list in the wrong order is
refused before anything runs, and an exception is pinned on the stage that raised it.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from sitrep.errors import UsageError
from sitrep.model import Article, RawArticle


@dataclass(slots=True)
class Context:
    """What every per-article stage may read: learned once per run, never written by a stage."""

    chrome: Any = None  # sitrep.clean.ChromeModel
    homes: dict[str, str] = field(default_factory=dict)  # outlet key -> home admin1 key
    assume_clean: bool = False
    # Seconds an article may spend in the per-article stages (None: no limit); ``engine.budget``.
    budget: float | None = None
    # A test hook: "stage=article-id" makes that stage raise on that article, so that the
    # set-aside path is exercised on a real run (SITREP_TEST_RAISE).
    fail_on: tuple[str, str] | None = None


@dataclass(frozen=True, slots=True)
class Stage:
    """One per-article step: ``run(item, context)`` returns the item with ``assigns`` set."""

    name: str
    run: Callable[[Any, Context], Any]
    requires: frozenset[str]
    assigns: frozenset[str]


# What an input record holds before any stage ran.
INPUT_FIELDS = frozenset({"raw"})


def check_order(stages: Sequence[Stage], given: frozenset[str] = INPUT_FIELDS) -> None:
    """Refuse a stage list where a stage needs a field no earlier stage sets."""
    have = set(given)
    names: set[str] = set()
    for stage in stages:
        if stage.name in names:
            raise UsageError(f"stage {stage.name!r} is listed twice")
        names.add(stage.name)
        missing = sorted(stage.requires - have)
        if missing:
            raise UsageError(
                f"stage {stage.name!r} needs {', '.join(missing)}, which no stage before it sets"
            )
        have |= stage.assigns


def _clean(raw: RawArticle, ctx: Context) -> Article:
    from sitrep.clean import clean

    return clean(raw, chrome=ctx.chrome, assume_clean=ctx.assume_clean)


def _places(article: Article, ctx: Context) -> Article:
    from sitrep.pipeline import locate
    from sitrep.places import outlet_key

    return locate(article, home=ctx.homes.get(outlet_key(article.url, article.outlet) or ""))


def _relocate(article: Article, ctx: Context) -> Article:
    # A sample article was located before the homes were known: again only if its outlet has one.
    from sitrep.places import outlet_key

    return _places(article, ctx) if ctx.homes.get(outlet_key(article.url, article.outlet) or "") else article


def _extract(article: Article, ctx: Context) -> Article:
    from sitrep.pipeline import read_events

    return read_events(article)


def _fingerprint(article: Article, ctx: Context) -> Article:
    from sitrep.copies import fingerprint

    article.fingerprint = fingerprint(article.text)
    return article


def _terms(article: Article, ctx: Context) -> Article:
    from sitrep.stories import features

    article.terms = dict(features(article.title, article.text))
    return article


CLEAN = Stage("clean", _clean, frozenset({"raw"}), frozenset({"text", "title", "published", "outlet"}))
PLACES = Stage("places", _places, frozenset({"text", "outlet"}), frozenset({"places"}))
EXTRACT = Stage(
    "extract", _extract, frozenset({"text", "published", "places"}),
    frozenset({"times", "quantities", "events"}),
)  # fmt: skip
FINGERPRINT = Stage("fingerprint", _fingerprint, frozenset({"text"}), frozenset({"fingerprint"}))
TERMS = Stage("terms", _terms, frozenset({"text", "title"}), frozenset({"terms"}))

RELOCATE = Stage("places", _relocate, frozenset({"text", "outlet", "places"}), frozenset({"places"}))

# The per-article path of ``sitrep run``, in order.
PER_ARTICLE: tuple[Stage, ...] = (CLEAN, PLACES, EXTRACT, FINGERPRINT, TERMS)
# The learning sample's path: cleaned and located first (for the outlets' homes), then the rest.
SAMPLE_FIRST: tuple[Stage, ...] = (CLEAN, PLACES)
SAMPLE_THEN: tuple[Stage, ...] = (RELOCATE, EXTRACT, FINGERPRINT, TERMS)


def fail_on_from_env() -> tuple[str, str] | None:
    """The test hook's setting (``SITREP_TEST_RAISE=stage=article-id``), if any."""
    value = os.environ.get("SITREP_TEST_RAISE", "")
    stage, sep, article_id = value.partition("=")
    return (stage, article_id) if sep and stage and article_id else None
