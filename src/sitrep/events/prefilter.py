"""Which trigger patterns can match a sentence at all, read from the words it holds.

Every trigger pattern starts at a word start. The first letters its branches can open
with ("kill", "shel", "air") are read once from the compiled pattern; a sentence none
of whose words opens that way cannot match it, and the pattern is not run on it. A
pattern whose opening cannot be read (it starts with ``\\w`` or a wide class) is always run.
"""

from __future__ import annotations

import re
from re import _constants as C  # type: ignore[attr-defined]
from re import _parser as P  # type: ignore[attr-defined]
from typing import Any

from sitrep.rxfactor import compiled

_DEPTH = 3  # letters of a word's opening compared
# The most alternatives a character class may offer before the opening counts as unreadable.
_MAX_CLASS = 6


def openings(pattern: str) -> frozenset[str] | None:
    """The lower-case openings (up to three letters) every match of ``pattern`` starts with,
    or None when they cannot be read."""
    try:
        tree = P.parse(pattern, re.IGNORECASE)
    except re.error:
        return None
    out = _seq(list(tree), {""})
    if out is None:
        return None
    # Words are read as runs of letters: an opening stops at its first other character ("u.s").
    cut = {re.match(r"[^\W\d_]*", o).group() for o in out}  # type: ignore[union-attr]
    return None if "" in cut else frozenset(cut)


def _seq(items: list[Any], heads: set[str]) -> set[str] | None:
    """Extend each head (an opening read so far) over the items in order."""
    for op, av in items:
        todo = {h for h in heads if len(h) < _DEPTH}
        if not todo:
            break
        if op in (C.AT, C.ASSERT, C.ASSERT_NOT):
            continue  # zero-width
        nxt = _node(op, av)
        if nxt is None:
            # Unreadable from here: what was read so far is the opening.
            return heads if "" not in todo else None
        heads = {h for h in heads if len(h) >= _DEPTH} | {(h + n)[:_DEPTH] for h in todo for n in nxt}
    return heads


def _node(op: Any, av: Any) -> set[str] | None:
    """The strings (up to three letters) one node can start with; "" when it can be empty."""
    if op is C.LITERAL:
        return {chr(av).lower()}
    if op is C.IN:
        chars: set[str] = set()
        for kind, value in av:
            if kind is C.LITERAL:
                chars.add(chr(value).lower())
            else:
                return None
        return chars if len(chars) <= _MAX_CLASS else None
    if op is C.SUBPATTERN:
        return _seq(list(av[-1]), {""})
    if op is C.BRANCH:
        out: set[str] = set()
        for branch in av[1]:
            got = _seq(list(branch), {""})
            if got is None:
                return None
            out |= got
        return out
    if op in (C.MAX_REPEAT, C.MIN_REPEAT):
        low, _high, body = av
        got = _seq(list(body), {""})
        if got is None:
            return None
        return got | ({""} if low == 0 else set())
    return None


# Where a name can start: after no word character or hyphen, at anything but a space.
_STARTS = compiled(r"(?<![\w-])[^\s-]")


class Scanner:
    """``finditer`` for a big alternation of names (the actors), trying at each word start
    only the names that can open there: the same matches, found without trying every
    name at every word."""

    def __init__(self, groups: list[str], flags: int = re.IGNORECASE) -> None:
        self._groups = groups
        self._flags = flags
        self._always: list[int] = []
        self._by_open: dict[str, list[int]] = {}
        for i, g in enumerate(groups):
            opens = openings(g)
            if opens is None:
                self._always.append(i)
            else:
                for o in opens:
                    self._by_open.setdefault(o, []).append(i)
        self._by_key: dict[str, re.Pattern[str] | None] = {}
        self._by_set: dict[tuple[int, ...], re.Pattern[str]] = {}

    def _regex(self, key: str) -> re.Pattern[str] | None:
        if key in self._by_key:
            return self._by_key[key]
        idx = set(self._always)
        for n in range(1, len(key) + 1):
            idx.update(self._by_open.get(key[:n], ()))
        members = tuple(sorted(idx))  # the file's order: the first name listed wins, as before
        if not members:
            self._by_key[key] = None
            return None
        rx = self._by_set.get(members)
        if rx is None:
            rx = compiled(r"(?:" + "|".join(self._groups[i] for i in members) + r")(?![\w-])", self._flags)
            self._by_set[members] = rx
        self._by_key[key] = rx
        return rx

    def finditer(self, text: str, start: int = 0, stop: int | None = None) -> list[re.Match[str]]:
        """The non-overlapping matches of the whole alternation, left to right, that start in
        ``start:stop`` (a match may run past ``stop``)."""
        out: list[re.Match[str]] = []
        pos = 0
        for s in _STARTS.finditer(text, start, len(text) if stop is None else stop):
            at = s.start()
            if at < pos:
                continue
            rx = self._regex(text[at : at + _DEPTH].lower())
            if rx is None:
                continue
            m = rx.match(text, at)
            if m is not None:
                out.append(m)
                pos = m.end()
        return out


class Starts:
    """Per pattern of a list, the word starts of a sentence where it can match at all."""

    def __init__(self, patterns: list[re.Pattern[str]]) -> None:
        self.always = [i for i, p in enumerate(patterns) if openings(p.pattern) is None]
        self._cache: dict[str, tuple[int, ...]] = {}
        self._by_open: dict[str, list[int]] = {}
        for i, p in enumerate(patterns):
            for o in openings(p.pattern) or ():
                self._by_open.setdefault(o, []).append(i)

    def of(self, sentence: str) -> dict[int, list[int]]:
        """Pattern index -> the positions (ascending) where it may start."""
        out: dict[int, list[int]] = {}
        lowered = sentence.lower()
        by_open = self._by_open
        cache = self._cache
        for s in _STARTS.finditer(sentence):
            at = s.start()
            key = lowered[at : at + _DEPTH]
            members = cache.get(key)
            if members is None:
                # The patterns a word's first letters can open, worked out once per prefix:
                # news repeats its words, so most word starts are a dictionary hit.
                found: dict[int, None] = {}
                for n in range(1, len(key) + 1):
                    for i in by_open.get(key[:n], ()):
                        found.setdefault(i)
                members = cache[key] = tuple(found)
            for i in members:
                out.setdefault(i, []).append(at)
        return out
