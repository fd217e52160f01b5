"""Word lists in patterns, factored by their first letter (#25 speed).

Python's ``re`` tries the alternatives of a group one by one at every place it looks: a cue
of 200 words ("rebounds|assists|free throws|...") costs some 200 first-letter checks at
each word of a story. Written as ``r(?:ebounds|...)|a(?:ssists|...)|...``, it costs one
per letter that opens a word of the list, and finds the same matches: two alternatives that
open with different letters never match at one place, so their order does not matter, and
within a letter the file's order is kept. Alternatives that do not open with a plain letter
or digit ("(?:a|the)", "\\w+") stay where they are, and none is moved across them.
"""

from __future__ import annotations

import re

# Fewer alternatives than this gain nothing worth the rewrite.
_MIN_ALTERNATIVES = 6
_QUANTIFIERS = "?*+{"


def compiled(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """``re.compile`` of ``pattern`` factored (``factor``): the same matches, found faster.
    Every pattern of the package is compiled here."""
    written = pattern
    if not flags & re.VERBOSE:
        pattern = factor(pattern, bool(flags & re.IGNORECASE))
    out = re.compile(pattern, flags)
    if pattern != written:
        REWRITTEN[out] = written
    return out


# Each pattern compiled here that the rewrite changed, with its source as written: the tests
# run both over real text and expect the same matches.
REWRITTEN: dict[re.Pattern[str], str] = {}


def factor(pattern: str, ignorecase: bool = False) -> str:
    """``pattern`` with each non-capturing group of many alternatives (and a top-level
    alternation) factored by first letter, or ``pattern`` itself where a rewrite could change
    what it means (numbered groups that would move, back references, conditionals, verbose
    mode). ``ignorecase``: the pattern is run ignoring case, so "NFL" and "nba" open alike."""
    if re.search(r"\\\d|\(\?P=|\(\?\(|\(\?[a-zA-Z]*x", pattern):
        return pattern
    if (flags := re.match(r"\(\?([a-zA-Z]+)\)", pattern)) and "i" in flags.group(1):
        ignorecase = True  # "(?i)" at the start: the whole pattern ignores case
    try:
        out, end = _alternatives(pattern, 0, ignorecase, factorable=True)
    except _Unreadable:
        return pattern
    return out if end == len(pattern) else pattern


class _Unreadable(Exception):
    """A pattern the rewrite does not read (left as written)."""


# What opens a group: non-capturing, named, a lookaround, flags scoped to it, or inline flags.
_OPENER = re.compile(r"\((?:\?:|\?P<\w+>|\?[=!]|\?<[=!]|\?[a-zA-Z-]+:|\?[a-zA-Z]+\))?")


# A group with flags of its own, "(?-i:[A-Z][a-z]+)": its letters match as those flags say.
_SCOPED = re.compile(r"\(\?([a-zA-Z]*)(?:-([a-zA-Z]+))?:")


def _scoped(opener: str, ic: bool) -> bool:
    """Whether case is ignored inside a group that opens with ``opener``."""
    m = _SCOPED.fullmatch(opener)
    if m is None:
        return ic
    if "i" in (m.group(2) or ""):
        return False
    return ic or "i" in m.group(1)


def _atom_end(p: str, i: int) -> int:
    """The end of the escape or character class starting at ``i``."""
    if p[i] == "\\":
        if i + 1 >= len(p):
            raise _Unreadable
        return i + 2
    j = i + 1
    if j < len(p) and p[j] == "^":
        j += 1
    if j < len(p) and p[j] == "]":
        j += 1  # a "]" first in a class is a literal
    while j < len(p) and p[j] != "]":
        j += 2 if p[j] == "\\" else 1
    if j >= len(p):
        raise _Unreadable
    return j + 1


def _alternatives(p: str, i: int, ic: bool, factorable: bool) -> tuple[str, int]:
    """Read alternatives from ``i`` up to the ``)`` that closes them (or the end), each group
    inside rewritten; factored where ``factorable``. The text and where it stopped."""
    alts: list[str] = []
    while True:
        part, i = _alternative(p, i, ic)
        alts.append(part)
        if i < len(p) and p[i] == "|":
            i += 1
            continue
        break
    if not factorable or len(alts) < _MIN_ALTERNATIVES or any(_captures(a) for a in alts):
        return "|".join(alts), i
    return "|".join(_grouped(alts, ic)), i


def _alternative(p: str, i: int, ic: bool) -> tuple[str, int]:
    """One alternative: what stands up to a ``|`` or ``)`` of its own level."""
    out: list[str] = []
    while i < len(p) and p[i] not in "|)":
        if p[i] == "(":
            opener = _OPENER.match(p, i).group()  # type: ignore[union-attr]
            if opener.endswith(")"):  # inline flags, "(?i)": no group
                out.append(opener)
                i += len(opener)
                continue
            body, j = _alternatives(p, i + len(opener), _scoped(opener, ic), factorable=_SCOPED.fullmatch(opener) is not None)
            if j >= len(p) or p[j] != ")":
                raise _Unreadable
            out.append(opener + body + ")")
            i = j + 1
        elif p[i] in "\\[":
            j = _atom_end(p, i)
            out.append(p[i:j])
            i = j
        else:
            out.append(p[i])
            i += 1
    return "".join(out), i


def _captures(alt: str) -> bool:
    """Whether an alternative holds a group that numbers (moving it would renumber groups)."""
    return bool(re.search(r"(?<!\\)\((?!\?)|\(\?P<", alt))


def _head(alt: str, ic: bool) -> str | None:
    """The plain letter or digit an alternative opens with, or None."""
    if len(alt) < 1 or not alt[0].isalnum() or not alt[0].isascii():
        return None
    if len(alt) > 1 and alt[1] in _QUANTIFIERS:
        return None  # "s?he": may open with the next letter
    return alt[0].lower() if ic else alt[0]


def _grouped(alts: list[str], ic: bool) -> list[str]:
    """The alternatives, runs of plain-letter openings grouped by letter, in file order."""
    out: list[str] = []
    run: dict[str, list[str]] = {}

    def flush() -> None:
        for head, members in run.items():
            if len(members) == 1:
                out.append(members[0])
            else:
                out.append(head + "(?:" + "|".join(m[1:] for m in members) + ")")
        run.clear()

    for a in alts:
        head = _head(a, ic)
        if head is None:
            flush()
            out.append(a)
        else:
            run.setdefault(head, []).append(a)
    flush()
    return out
