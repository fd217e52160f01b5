"""The actor names of a text, scanned once a sentence and kept while its events are read."""

from __future__ import annotations

import re
from bisect import bisect_left

from sitrep.events.lexicon import Lexicon

# The actor names of the last text read: an article's events are read one after another,
# and scanning the whole text once costs less than scanning each event's clause.
# One tuple, replaced whole, so that threads reading other texts never see a mix.
# A sentence is read once, and only one with an event in it (the whole text, where the caller
# gives no sentence): a name never runs across two sentences.
_last: tuple[str, Lexicon, dict[tuple[int, int], tuple[list[re.Match[str]], list[int]]]] | None = None


def actor_matches(lex: Lexicon, text: str, lo: int, hi: int, chunk: tuple[int, int] | None) -> list[re.Match[str]]:
    """The actor names of ``text`` that start in ``lo:hi`` (an event's clause) of ``chunk``."""
    global _last
    last = _last
    if last is None or last[0] is not text or last[1] is not lex:
        last = (text, lex, {})
        _last = last
    key = chunk or (0, len(text))
    if key not in last[2]:
        found = lex.actors.finditer(text, *key)
        last[2][key] = (found, [m.start() for m in found])
    found, starts = last[2][key]
    return found[bisect_left(starts, lo) : bisect_left(starts, hi)]
