"""Runs the stages over a corpus: ingest -> clean -> store, counting what was rejected.

Per-article stages are pure functions of one article (plus read-only resources),
so they can run in a process pool or on Ray unchanged; what is learned across
the corpus is gathered in a first pass: recurring chrome lines over the raw
articles, before any of them is cleaned, and each outlet's home area over the
places of the clean ones, before events are read.
"""

from __future__ import annotations

import logging
import os
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

from sitrep.clean import ChromeModel, clean
from sitrep.errors import InputRejected
from sitrep.model import Article, RawArticle
from sitrep.store import Store

if TYPE_CHECKING:
    from sitrep.consolidate import ConsolidationReport
    from sitrep.places import OutletHomes

log = logging.getLogger(__name__)


@dataclass(slots=True)
class RunReport:
    """What one run did: counts of articles by outcome, and every rejection with its reason."""

    new: int = 0
    unchanged: int = 0
    versions: int = 0
    rejected: list[InputRejected] = field(default_factory=list)
    article_ids: list[str] = field(default_factory=list)
    copies: int = 0
    events: int = 0
    conflicts: int = 0

    @property
    def counts(self) -> dict[str, int]:
        """The counts as a plain dict (stored with the run)."""
        return {
            "new": self.new,
            "unchanged": self.unchanged,
            "version": self.versions,
            "rejected": len(self.rejected),
            "copies": self.copies,
            "events": self.events,
            "conflicts": self.conflicts,
        }


def split(
    items: Iterable[RawArticle | InputRejected],
) -> tuple[list[RawArticle], list[InputRejected]]:
    """Separate what ingest read from what it rejected."""
    raws: list[RawArticle] = []
    rejected: list[InputRejected] = []
    for item in items:
        (rejected if isinstance(item, InputRejected) else raws).append(item)  # type: ignore[arg-type]
    return raws, rejected


def learn_chrome(raws: Iterable[RawArticle]) -> ChromeModel:
    """First pass: count lines per outlet so that recurring ones are known as chrome."""
    model = ChromeModel()
    for raw in raws:
        model.observe(raw)
    return model


def clean_all(
    raws: Iterable[RawArticle], *, chrome: ChromeModel | None = None, assume_clean: bool = False
) -> Iterator[Article | InputRejected]:
    """Clean each article; one that cannot be cleaned becomes a rejection, the rest go on."""
    for raw in raws:
        try:
            yield clean(raw, chrome=chrome, assume_clean=assume_clean)
        except InputRejected as err:
            yield err
        except Exception as err:
            log.debug("cleaning %s failed", raw.source, exc_info=True)
            yield InputRejected(f"cleaning failed: {type(err).__name__}: {err}", source=raw.source)


_DATELINE_CUE = "In "


def _titled(dateline: str) -> str:
    """A dateline's place words in title case ("GAZA CITY (AP) --" -> "Gaza City (AP) --"),
    so that they read as names; same length, so offsets hold."""
    head, sep, rest = dateline.partition("(")
    return re.sub(r"[A-Z][A-Z'’.-]+", lambda m: m.group(0).capitalize(), head) + sep + rest


def _fields(article: Article) -> list[tuple[str, str]]:
    """The texts of an article that are read, body first so that its offsets stay as they are."""
    fields = [
        ("text", article.text),
        ("title", article.title or ""),
        ("standfirst", article.standfirst or ""),
        # "KABUL, Afghanistan (AP) _": where the story was filed, usually where it happened.
        # "In " marks it as a place (a bare "Gaza City" opening a text is a weak name); the
        # offsets are shifted back in ``locate``.
        ("dateline", _DATELINE_CUE + _titled(article.dateline) if article.dateline else ""),
    ]
    return fields + [(f"caption:{i}", c) for i, c in enumerate(article.captions)]


def locate(article: Article, *, home: str | None = None) -> Article:
    """The places stage alone: title, standfirst and captions are read in the body's context.

    ``home`` is the outlet's home admin1 key, where ``learn_homes`` found one.
    """
    from sitrep.places import find_places_in

    article.places = find_places_in(_fields(article), url=article.url, home=home)
    for p in article.places:
        if p.field == "dateline":
            p.start, p.end = p.start - len(_DATELINE_CUE), p.end - len(_DATELINE_CUE)
    return article


def learn_homes(articles: Iterable[Article]) -> OutletHomes:
    """First places pass over a corpus: each outlet's home area, from the places its articles name."""
    from sitrep.places import OutletHomes, outlet_key
    from sitrep.places.gazetteer import load

    homes = OutletHomes(load())
    for article in articles:
        homes.observe(outlet_key(article.url, article.outlet), article.places)
    return homes


def extract(article: Article, *, homes: OutletHomes | None = None) -> Article:
    """Per-article extraction on the clean text: places, times, quantities and events.

    Without ``homes`` the places are found here; with it, they are taken as
    found by the first pass (``locate``) and found again only where the
    article's outlet has a home area.
    """
    from sitrep.quantities import find_quantities
    from sitrep.times import find_times

    if homes is None:
        locate(article)
    else:
        from sitrep.places import outlet_key

        home = homes.home(outlet_key(article.url, article.outlet))
        if home:
            locate(article, home=home)
    fields = _fields(article)
    anchor = _anchor(article)
    article.times = []
    article.quantities = []
    for name, text in fields:
        times = find_times(text, anchor)
        for t in times:
            t.field = name
        article.times.extend(times)
        # Numbers the times stage read ("24 to 48 hours", "2021") are not counts.
        for q in find_quantities(text, skip=[(t.start, t.end) for t in times]):
            q.field = name
            article.quantities.append(q)
    from sitrep.events import find_events

    article.events = find_events(article)
    return article


def _anchor(article: Article) -> date | None:
    """The publication day the article's relative dates hang on (None unless known to the day)."""
    pub = article.published
    if pub is None or pub.precision != "day":
        return None
    try:
        return date.fromisoformat(pub.value[:10])
    except ValueError:
        return None


def link_articles(store: Store, article_ids: Iterable[str]) -> int:
    """Cross-article stages for newly stored articles: copies, then stories. Returns copies found.

    Only the given articles are looked at (plus, once, those an upgraded
    database held before it had copy tables), earliest published first, so
    that an original is stored before the reprints that point to it.
    """
    from sitrep.copies import CopyLinker
    from sitrep.store import copies as copy_sql
    from sitrep.stories import StoryLinker

    pks = list(store.latest_pks(article_ids).values())
    with store.transaction() as conn:
        if store.needs_linking:
            pks = [*copy_sql.unscanned(conn), *pks]
            store.needs_linking = False
        linker = CopyLinker(conn)
        stories = StoryLinker(conn)
        found = 0
        for pk in copy_sql.in_published_order(conn, list(dict.fromkeys(pks))):
            link = linker.link(pk)
            found += link is not None
            stories.link(pk, copy_of=link.copy_of if link else copy_sql.copy_of_pk(conn, pk))
    return found


def consolidate_store(store: Store, *, everything: bool = False) -> ConsolidationReport:
    """Merge the database's event mentions into events, conflicts and control (changed blocks only)."""
    from sitrep.consolidate import consolidate

    with store.transaction() as conn:
        return consolidate(conn, everything=everything)


def run(
    paths: Iterable[str | os.PathLike[str]],
    store: Store,
    *,
    max_bytes: int,
    extra: Iterable[RawArticle | InputRejected] = (),
) -> RunReport:
    """The whole pipeline on files and folders into ``store``; idempotent on the same input."""
    from sitrep.ingest import read_paths

    path_list = [os.fspath(p) for p in paths]
    run_id = store.start_run(path_list)
    report = RunReport()
    raws, rejected = split([*read_paths(path_list, max_bytes=max_bytes), *extra])
    report.rejected.extend(rejected)
    chrome = learn_chrome(raws)
    articles: list[Article] = []
    for item in clean_all(raws, chrome=chrome):
        if isinstance(item, InputRejected):
            report.rejected.append(item)
        else:
            articles.append(locate(item))
    homes = learn_homes(articles)
    articles = [extract(a, homes=homes) for a in articles]
    fresh: list[str] = []
    for article in articles:
        outcome = store.add_article(article)
        report.article_ids.append(article.id)
        if outcome == "new":
            report.new += 1
        elif outcome == "unchanged":
            report.unchanged += 1
        else:
            report.versions += 1
        if outcome != "unchanged":
            fresh.append(article.id)
    report.copies = link_articles(store, fresh)
    done = consolidate_store(store)
    report.events, report.conflicts = done.events, done.conflicts
    for err in report.rejected:
        store.add_rejection(run_id, err.source or "", err.code, err.reason)
    store.finish_run(run_id, report.counts)
    return report
