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
from dataclasses import dataclass
from typing import Any

from sitrep.consolidate.control import CONTROL_KINDS, control_changes
from sitrep.consolidate.mention import ArticleInfo, Mention, make_mention
from sitrep.consolidate.merge import Cluster, cluster
from sitrep.consolidate.record import record
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


def _ids(clusters: list[Cluster], before: dict[tuple[str, str], str], taken: set[str]) -> list[str]:
    """An id per cluster: the old event's it shares most mentions with, else one from its founder."""
    order = sorted(range(len(clusters)), key=lambda i: -len(clusters[i].mentions))
    ids = [""] * len(clusters)
    used = set(taken)
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
            while chosen in used:
                n += 1
                chosen = f"{base}-{n}"
        used.add(chosen)
        ids[i] = chosen
    return ids


def consolidate(conn: sqlite3.Connection, *, everything: bool = False) -> ConsolidationReport:
    """Consolidate the blocks that changed since the last pass (all blocks with ``everything``)."""
    report = ConsolidationReport()
    blocks = sql.all_blocks(conn) if everything else sql.changed_blocks(conn)
    cache: dict[int, ArticleInfo] = {}
    for block in blocks:
        mentions: list[Mention] = [
            make_mention(int(r["pk"]), int(r["rank"]), json.loads(r["json"]), _info(r, cache))
            for r in sql.block_mentions(conn, block)
        ]
        clusters = cluster(mentions)
        ids = _ids(clusters, sql.previous_assignment(conn, block), sql.taken_ids(conn, block))
        events: list[dict[str, Any]] = []
        conflicts: list[dict[str, Any]] = []
        assigned: list[tuple[int, str, str]] = []
        for event_id, c in zip(ids, clusters, strict=True):
            event, found = record(event_id, c)
            events.append(event)
            conflicts.extend(found)
            assigned.extend((m.pk, event_id, m.why) for m in c.mentions)
        sql.replace_block(conn, block, events, assigned, conflicts)
        report.blocks += 1
        report.mentions += len(mentions)
    if blocks:
        rows = control_changes(sql.events_of_kinds(conn, CONTROL_KINDS))
        sql.replace_control(conn, rows)
    counts = conn.execute(
        "SELECT (SELECT count(*) FROM consolidated_events), (SELECT count(*) FROM conflicts), "
        "(SELECT count(*) FROM control)"
    ).fetchone()
    report.events, report.conflicts, report.control_changes = (int(x) for x in counts)
    return report
