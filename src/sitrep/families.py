"""Which event families consolidation may merge: one real happening told as different kinds.

"Israeli shelling hit the school", "the attack on the school", "clashes near the school":
one report's shelling is another's attack or clash. Attacks and armed clashes are one
block ("violence"), so consolidation can join them when place, day and sentence agree;
so are protests and riots ("unrest": one report's vigil is another's riot, the vigil that
turned into one). Every other family is its own block; riots stay apart from attacks
(ACLED's Riots are another event type), as do arrests and the rest.
"""

from __future__ import annotations

# Families (the part of a kind before the dot) that share a consolidation block.
_BLOCKS = {"attack": "violence", "clash": "violence", "protest": "unrest", "riot": "unrest"}


def block_family(family: str) -> str:
    """The consolidation block a family belongs to."""
    return _BLOCKS.get(family, family)


def block_family_sql(column: str) -> str:
    """An SQL expression for ``block_family`` of a family column."""
    cases = " ".join(f"WHEN '{f}' THEN '{b}'" for f, b in sorted(_BLOCKS.items()))
    return f"(CASE {column} {cases} ELSE {column} END)"
