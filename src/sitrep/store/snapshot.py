"""What a database holds, free of row keys and clocks: two runs over the same input compare equal.

Used to check that a run killed at any point and then rerun ends where an uninterrupted run
ends (``bench/kill.py``, ``tests/test_hostile.py``).
"""

from __future__ import annotations

import sqlite3
from collections import defaultdict

_QUERIES = {
    "articles": "SELECT id, version, content_hash, title, published, outlet FROM articles",
    "copies": """
        SELECT a.id, a.version, b.id, b.version, g.id, c.relation, round(c.containment, 6)
        FROM copies c JOIN articles a ON a.pk = c.article_pk JOIN articles b ON b.pk = c.copy_of_pk
        JOIN articles g ON g.pk = c.group_pk""",
    "consolidated_events": "SELECT id, json FROM consolidated_events",
    "event_mentions": """
        SELECT m.event_id, a.id, a.version, e.rank, m.why
        FROM event_mentions m JOIN events e ON e.pk = m.mention_pk JOIN articles a ON a.pk = e.article_pk""",
    "conflicts": "SELECT id, event_id, fact, kind, json FROM conflicts",
    "control": "SELECT place_key, holder, lost_by, since, event_id, kind, modality, json FROM control",
    "events": "SELECT a.id, a.version, e.rank, e.event_id, e.json FROM events e JOIN articles a ON a.pk = e.article_pk",
}


def snapshot(conn: sqlite3.Connection) -> dict[str, frozenset[tuple[object, ...]]]:
    """Each table's rows as a set of tuples naming articles by id and version, not by key;
    stories as the sets of article versions they hold (their numbers depend on the order of
    creation only)."""
    out = {name: frozenset(tuple(r) for r in conn.execute(sql)) for name, sql in _QUERIES.items()}
    members: dict[int, set[tuple[object, ...]]] = defaultdict(set)
    for story, article_id, version, how in conn.execute(
        "SELECT s.story_id, a.id, a.version, s.how FROM story_members s JOIN articles a ON a.pk = s.article_pk"
    ):
        members[story].add((article_id, version, how))
    out["stories"] = frozenset(tuple(sorted(m, key=repr)) for m in members.values())
    return out


def differences(a: dict[str, frozenset[tuple[object, ...]]], b: dict[str, frozenset[tuple[object, ...]]]) -> dict[str, tuple[int, int]]:
    """Per table, rows only in ``a`` and only in ``b`` (tables that agree are left out)."""
    return {k: (len(a[k] - b[k]), len(b[k] - a[k])) for k in a if a[k] != b.get(k)}
