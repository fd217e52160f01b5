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
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import suppress
from dataclasses import dataclass, field
from datetime import date
from itertools import chain, islice
from typing import TYPE_CHECKING, Any

from sitrep.clean import ChromeModel, clean
from sitrep.engine.hooks import checkpoint
from sitrep.errors import InputRejected
from sitrep.hygiene import shown
from sitrep.limits import ARTICLE_SECONDS, BATCH, SAMPLE
from sitrep.model import Article, RawArticle
from sitrep.store import Store

if TYPE_CHECKING:
    from sitrep.consolidate import ConsolidationReport
    from sitrep.intake.web import Web
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
    web: Any = None  # sitrep.intake.Web: what fetching did, when the run fetched

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
    # "(Xinhua)", "(AP)": the agency, blanked (not the town of Xinhua); same length.
    rest = re.sub(r"^[^)]*", lambda m: " " * len(m.group()), rest)
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
    if homes is None:
        locate(article)
    else:
        from sitrep.places import outlet_key

        home = homes.home(outlet_key(article.url, article.outlet))
        if home:
            locate(article, home=home)
    return read_events(article)


def read_events(article: Article) -> Article:
    """Times, quantities and events of an article whose places are found."""
    from sitrep.quantities import find_quantities
    from sitrep.times import find_times

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
    """The day the article's relative dates hang on: its dateline's ("KABUL, Afghanistan, Sept. 27 —"),
    else the publication day (None unless known to the day)."""
    from sitrep.clean.meta import dateline_day

    pub = article.published
    if pub is None or pub.precision != "day":
        return None
    try:
        return dateline_day(article.dateline or "", pub.value[:10]) or date.fromisoformat(pub.value[:10])
    except ValueError:
        return None


def link_articles(
    store: Store, article_ids: Iterable[str], articles: Mapping[str, Article] | None = None
) -> int:
    """Cross-article stages for newly stored articles: copies, then stories. Returns copies found.

    Only the given articles are looked at (plus, once, those an upgraded
    database held before it had copy tables), earliest published first, so
    that an original is stored before the reprints that point to it. ``articles``
    (by id) carry the fingerprints and terms their stages computed, so that the
    stored texts are not read back and tokenised again.
    """
    from sitrep.copies import CopyLinker
    from sitrep.store import copies as copy_sql
    from sitrep.stories import StoryLinker, TermCounts

    pks = list(store.latest_pks(article_ids).values())
    with store.transaction() as conn:
        if store.needs_linking:
            pks = [*copy_sql.unscanned(conn), *pks]
            store.needs_linking = False
        linker = CopyLinker(conn)
        stories = StoryLinker(conn, store.caches.setdefault("term_counts", TermCounts()))
        found = 0
        by_pk = {
            pk: articles[article_id]
            for article_id, pk in store.latest_pks(articles or {}).items()
            if articles and article_id in articles
        }
        for pk in copy_sql.in_published_order(conn, list(dict.fromkeys(pks))):
            done = by_pk.get(pk)
            link = linker.link(pk, fp=done.fingerprint if done else None)
            found += link is not None
            copy_of = link.copy_of if link else copy_sql.copy_of_pk(conn, pk)
            stories.link(pk, copy_of=copy_of, raw=done.terms if done else None)
        stories.flush()
    return found


def consolidate_store(store: Store, *, everything: bool = False) -> ConsolidationReport:
    """Merge the database's event mentions into events, conflicts and control (changed blocks only)."""
    from sitrep.consolidate import consolidate

    with store.transaction() as conn:
        if everything or store.upgraded:
            # A database just upgraded may hold versions no pass has marked: look at every block.
            done = consolidate(conn, everything=everything)
            store.upgraded = False  # this pass took in whatever the upgrade left: the next ones are incremental
        else:
            pending = [int(r[0]) for r in conn.execute("SELECT article_pk FROM pending_consolidation")]
            done = consolidate(conn, articles=pending)
        checkpoint("consolidating")
        conn.execute("DELETE FROM pending_consolidation")
        return done




@dataclass(slots=True)
class Progress:
    """Where a run is, for a progress display: called after each stored batch."""

    done: int = 0
    set_aside: int = 0


def _raws(items: Iterable[RawArticle | InputRejected], report: RunReport) -> Iterator[RawArticle]:
    """The stream's articles; what intake rejected goes to the report as it passes."""
    for item in items:
        if isinstance(item, InputRejected):
            report.rejected.append(item)
        else:
            yield item


def run(
    paths: Iterable[str | os.PathLike[str]],
    store: Store,
    *,
    max_bytes: int,
    extra: Iterable[RawArticle | InputRejected] = (),
    workers: int = 1,
    on_batch: Callable[[Progress], None] | None = None,
    article_seconds: float | None = None,
    batch: int = BATCH,
    refetch: bool = False,
    rate: float | None = None,
) -> RunReport:
    """The whole pipeline on files and folders into ``store``; idempotent on the same input.

    Streams: articles are read, run through the per-article stages (in ``workers``
    processes) and stored ``BATCH`` at a time, one transaction a batch with their copies
    and stories; an article a stage fails on is set aside with the stage and the reason
    and the run goes on. Consolidation runs once at the end, over the blocks that changed.
    """
    from sitrep.intake.web import Web

    path_list = [os.fspath(p) for p in paths]
    run_id = store.start_run([shown(p) for p in path_list])
    report = RunReport()
    web = Web(store, max_bytes=max_bytes, refetch=refetch, rate=rate)
    report.web = web
    try:
        _run(
            path_list, store, report, max_bytes=max_bytes, extra=extra, workers=workers, on_batch=on_batch,
            article_seconds=ARTICLE_SECONDS if article_seconds is None else article_seconds, batch=batch, web=web,
        )  # fmt: skip
        web.save()  # the feeds' validators, now that what they listed is stored
    except BaseException as err:
        # What was committed stays (whole batches); the run is closed with why it stopped,
        # and a rerun completes the rest. The error itself goes on to the caller.
        status = "interrupted" if isinstance(err, KeyboardInterrupt | SystemExit) else "failed"
        with suppress(Exception):
            store.finish_run(run_id, report.counts, status=status)
        raise
    finally:
        web.close()
    for rejected in report.rejected:
        store.add_rejection(run_id, rejected.source or "", rejected.code, rejected.reason, rejected.stage)
    store.finish_run(run_id, report.counts)
    return report


def _run(
    path_list: list[str], store: Store, report: RunReport, *, max_bytes: int,
    extra: Iterable[RawArticle | InputRejected], workers: int, on_batch: Callable[[Progress], None] | None,
    article_seconds: float, batch: int, web: Web,
) -> None:  # fmt: skip
    from sitrep.engine import PER_ARTICLE, Context, Engine, check_order
    from sitrep.engine.heap import trim
    from sitrep.engine.stages import SAMPLE_FIRST, SAMPLE_THEN, fail_on_from_env
    from sitrep.intake.inputs import read_inputs

    stream = _raws(chain(read_inputs(path_list, max_bytes=max_bytes, web=web), extra), report)
    check_order(PER_ARTICLE)
    check_order(SAMPLE_THEN, given=frozenset().union(*(st.assigns for st in SAMPLE_FIRST), {"raw"}))
    engine = Engine(workers, ahead=2 * batch)
    # The learning passes see the first SAMPLE articles: chrome over the raw texts, then
    # outlet homes over the places of the clean ones (which go on from there).
    sample = list(islice(stream, SAMPLE))
    ctx = Context(chrome=learn_chrome(sample), fail_on=fail_on_from_env(), budget=article_seconds)
    _warm_up()
    # What an earlier run stored with this very content is not processed again (a rerun after
    # a crash or a set-aside redoes only the rest), but it still teaches chrome and homes.
    stored = store.stored_already(sample)
    located = deque(engine.map((r for r in sample if r.id not in stored), SAMPLE_FIRST, ctx))
    del sample
    homes = learn_homes(a for a in located if isinstance(a, Article))
    _observe_stored(homes, store, stored.values())
    ctx.homes = homes.homes()
    _count_unchanged(report, stored)
    stream = _not_stored(stream, store, report)
    results = chain(
        engine.map(_drain(located), SAMPLE_THEN, ctx),
        engine.map(stream, PER_ARTICLE, ctx),
    )
    progress = Progress()
    it = iter(results)
    while items := list(islice(it, max(1, batch))):
        _store_batch(store, items, report)
        trim()  # what the batch's texts and events took is free now: give it back
        checkpoint("stored")
        progress.done += len(items)
        progress.set_aside = len(report.rejected)
        if on_batch is not None:
            on_batch(progress)
    done = consolidate_store(store)
    report.events, report.conflicts = done.events, done.conflicts


def _warm_up() -> None:
    """Load the shared resources before any article's time budget runs (and before the
    workers fork, so that they share them)."""
    from sitrep.events.lexicon import load as lexicon
    from sitrep.places.gazetteer import load as gazetteer

    gazetteer()
    lexicon()


def _drain(items: deque[Any]) -> Iterator[Any]:
    """The items, each let go of as it is taken (the sample is not held for the whole run)."""
    while items:
        yield items.popleft()


def _count_unchanged(report: RunReport, stored: Mapping[str, Any]) -> None:
    report.unchanged += len(stored)
    report.article_ids.extend(stored)


def _not_stored(raws: Iterable[RawArticle], store: Store, report: RunReport) -> Iterator[RawArticle]:
    """The raws not stored before with the same content (those are counted as unchanged)."""
    it = iter(raws)
    while chunk := list(islice(it, 256)):
        stored = store.stored_already(chunk)
        _count_unchanged(report, stored)
        yield from (r for r in chunk if r.id not in stored)


def _observe_stored(homes: OutletHomes, store: Store, rows: Iterable[Mapping[str, Any]]) -> None:
    """Count stored articles' places towards their outlets' homes, as if located now."""
    from types import SimpleNamespace

    from sitrep.places import outlet_key

    for row in rows:
        places = [SimpleNamespace(**p) for p in store.places_of(int(row["pk"]))]
        homes.observe(outlet_key(row["url"], row["outlet"]), places)  # type: ignore[arg-type]


def _store_batch(store: Store, batch: list[Article | InputRejected], report: RunReport) -> None:
    """Store a batch and link its new articles into copies and stories, in one transaction."""
    from sitrep.errors import StageFailed, StoreError

    fresh: dict[str, Article] = {}
    with store.transaction():
        for item in batch:
            if isinstance(item, InputRejected):
                report.rejected.append(item)
                continue
            try:
                outcome = store.add_in_batch(item)
            except StoreError as err:
                report.rejected.append(StageFailed(err.reason, source=item.source, stage="store"))
                continue
            report.article_ids.append(item.id)
            if outcome == "new":
                report.new += 1
            elif outcome == "unchanged":
                report.unchanged += 1
            else:
                report.versions += 1
            if outcome != "unchanged":
                fresh[item.id] = item
        checkpoint("linking")
        report.copies += link_articles(store, list(fresh), fresh)
