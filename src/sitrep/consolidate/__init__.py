"""Consolidation: event mentions from every article become one record per real-world event.

Mentions are merged within a block (one event family in one country: events of
different families or countries never merge), most precise first (see ``merge``).
Each event counts its independent sources (reprints of one wire story once; a
claimant and a confirmer apart), gets a status, and lists the facts its reports
disagree on (``record``). Capture, hand-over, regain and retreat events give who
holds which place since when (``control``).

Re-running after new articles arrive re-clusters only the blocks that changed and
gives each new event the id of the old event it shares most mentions with, so ids
stay stable while events grow.
"""

from __future__ import annotations

import json
import sqlite3
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from sitrep.consolidate.control import CONTROL_KINDS, control_changes
from sitrep.consolidate.mention import ArticleInfo, Mention, make_mention
from sitrep.consolidate.merge import COPY_SLACK, Cluster, cluster, rebuilt
from sitrep.consolidate.record import record
from sitrep.families import block_family
from sitrep.store import consolidated as sql


@dataclass(slots=True)
class ConsolidationReport:
    """What one consolidation pass did."""

    blocks: int = 0
    mentions: int = 0
    events: int = 0
    conflicts: int = 0
    control_changes: int = 0

    def to_json(self) -> dict[str, Any]:
        """The report's counts as a dict."""
        return {
            "blocks": self.blocks, "mentions": self.mentions, "events": self.events,
            "conflicts": self.conflicts, "control_changes": self.control_changes,
        }  # fmt: skip


def _info(row: sqlite3.Row, cache: dict[int, ArticleInfo]) -> ArticleInfo:
    pk = int(row["article_pk"])
    info = cache.get(pk)
    if info is None:
        info = ArticleInfo(
            pk=pk,
            id=row["article_id"],
            outlet=row["outlet"],
            published=row["published"],
            published_precision=row["published_precision"],
            wire=json.loads(row["wire"] or "[]"),
            copy_group=int(row["group_pk"]) if row["group_pk"] is not None else pk,
            copy_of=row["copy_of_pk"],
            copy_relation=row["relation"],
            story_id=row["story_id"],
            focal_date=row["focal_date"],
            lead=row["lead"],
        )
        cache[pk] = info
    return info


# A block that holds fewer mentions than this is clustered anew whenever it changes (the
# result does not depend on the order articles came in); a bigger one grows in place: new
# mentions join the events of their days, so adding an article costs what it names.
REBUILD_BELOW = 300
# The block families whose events change who holds a town.
CONTROL_FAMILIES = frozenset(block_family(k.split(".")[0]) for k in CONTROL_KINDS)


def _ids(
    clusters: list[Cluster], before: dict[tuple[str, str], str], taken: Callable[[str], bool]
) -> list[str]:
    """An id per cluster: the old event's it shares most mentions with, else one from its founder."""
    order = sorted(range(len(clusters)), key=lambda i: -len(clusters[i].mentions))
    ids = [""] * len(clusters)
    used: set[str] = set()
    for i in order:
        votes = Counter(
            before[(m.article.id, m.id)]
            for m in clusters[i].mentions
            if (m.article.id, m.id) in before
        )
        chosen = next((old for old, _ in votes.most_common() if old not in used), None)
        if chosen is None:
            base = f"ev{clusters[i].founder.id}"
            chosen, n = base, 1
            while chosen in used or taken(chosen):
                n += 1
                chosen = f"{base}-{n}"
        used.add(chosen)
        ids[i] = chosen
    return ids


def _write(
    conn: sqlite3.Connection, block: sql.Block, clusters: list[Cluster], ids: list[str], only: list[str] | None
) -> None:
    events: list[dict[str, Any]] = []
    conflicts: list[dict[str, Any]] = []
    assigned: list[tuple[int, str, str]] = []
    for event_id, c in zip(ids, clusters, strict=True):
        unread = [m for m in c.mentions if m.parsed is None]
        texts = sql.mention_json(conn, [m.pk for m in unread])
        for m in unread:
            m.parsed = json.loads(texts[m.pk])
        event, found = record(event_id, c)
        for m in unread:
            m.parsed = None  # one event's mentions parsed at a time
        events.append(event.to_json())
        conflicts.extend(cf.to_json() for cf in found)
        assigned.extend((m.pk, event_id, m.why) for m in c.mentions)
    sql.replace_block(conn, block, events, assigned, conflicts, only=only)


def _rebuild(conn: sqlite3.Connection, block: sql.Block, cache: dict[int, ArticleInfo]) -> int:
    """Cluster the block's mentions anew; the number of mentions."""
    shared: dict[Any, Any] = {}
    mentions = [
        make_mention(int(r["pk"]), int(r["rank"]), r["json"], _info(r, cache), shared)
        for r in sql.block_mentions(conn, block)
    ]
    clusters = cluster(mentions)
    before = sql.previous_assignment(conn, block)
    own = set(before.values())
    _write(conn, block, clusters, _ids(clusters, before, lambda i: i not in own and sql.id_taken(conn, i)), None)
    return len(mentions)


def _window(mentions: list[Mention]) -> tuple[list[str], list[str], bool]:
    """The days, months and years the new mentions' events may lie in (see ``COPY_SLACK``)."""
    spans = [m.span for m in mentions if m.span]
    if not spans:
        return ["9999", "0000"], [], True
    lo = min(s[0] for s in spans) - COPY_SLACK
    hi = max(s[1] for s in spans) + COPY_SLACK
    coarse: set[str] = set()
    day = date(lo.year, lo.month, 1)
    while day <= hi:
        coarse.update((f"{day.year:04d}", f"{day.year:04d}-{day.month:02d}"))
        day = date(day.year + (day.month == 12), day.month % 12 + 1, 1)
    return [lo.isoformat(), hi.isoformat()], sorted(coarse), len(spans) < len(mentions)


def _grow(conn: sqlite3.Connection, block: sql.Block, article_pks: list[int], cache: dict[int, ArticleInfo]) -> int:
    """Add new articles' mentions to the block's events of their days; the number added."""
    shared: dict[Any, Any] = {}
    new = [
        make_mention(int(r["pk"]), int(r["rank"]), r["json"], _info(r, cache), shared)
        for r in sql.article_mentions(conn, block, article_pks)
    ]
    if not new:
        return 0
    days, coarse, undated = _window(new)
    held: list[Mention] = []
    for r in sql.event_mention_rows(conn, sql.events_in_window(conn, block, days, coarse, undated)):
        m = make_mention(int(r["pk"]), int(r["rank"]), r["json"], _info(r, cache), shared)
        m.held_by, m.why = str(r["held_by"]), str(r["held_why"])
        held.append(m)
    clusters = cluster(new, rebuilt(held))
    grown = [c for c in clusters if any(m.held_by is None for m in c.mentions)]
    ids = [
        next((m.held_by for m in c.mentions if m.held_by), None) or "" for c in grown
    ]
    fresh = [i for i, x in enumerate(ids) if not x]
    for i, chosen in zip(fresh, _ids([grown[i] for i in fresh], {}, lambda i: sql.id_taken(conn, i)), strict=True):
        ids[i] = chosen
    _write(conn, block, grown, ids, [x for x in ids if sql.id_taken(conn, x)])
    return len(new)


def consolidate(
    conn: sqlite3.Connection, *, everything: bool = False, articles: list[int] | None = None
) -> ConsolidationReport:
    """Consolidate the blocks that changed since the last pass (all blocks with ``everything``).

    ``articles`` are the stored versions added since the last pass, when the caller knows
    them: then only their blocks are looked at, and a big block grows in place.
    """
    report = ConsolidationReport()
    superseded: set[sql.Block] = set()
    if everything:
        blocks = sql.all_blocks(conn)
    elif articles is not None:
        superseded = set(sql.superseded_blocks(conn, articles))
        blocks = sorted(set(sql.blocks_of_articles(conn, articles)) | superseded)
    else:
        blocks = sql.changed_blocks(conn)
    cache: dict[int, ArticleInfo] = {}
    # Who holds a town is read country by country (an unnamed taker is the one taking that
    # country's towns around then): only the countries whose control blocks changed are redone.
    control: set[str] = set()
    for block in blocks:
        cache.clear()  # what one block read of its articles: held for the block, not the pass
        size = sql.block_size(conn, block) if articles is not None and block not in superseded else 0
        if size >= REBUILD_BELOW:
            report.mentions += _grow(conn, block, articles or [], cache)
        else:
            report.mentions += _rebuild(conn, block, cache)
        report.blocks += 1
        if block[0] in CONTROL_FAMILIES:
            control.add(block[1])
    if everything:
        sql.replace_control(conn, control_changes(sql.events_of_kinds(conn, CONTROL_KINDS)))
    elif control:
        rows = control_changes(sql.events_of_kinds(conn, CONTROL_KINDS, control))
        sql.replace_control(conn, rows, control)
    counts = conn.execute(
        "SELECT (SELECT count(*) FROM consolidated_events), (SELECT count(*) FROM conflicts), "
        "(SELECT count(*) FROM control)"
    ).fetchone()
    report.events, report.conflicts, report.control_changes = (int(x) for x in counts)
    return report
