"""Case-insensitive cue patterns run case-sensitively on lower-cased text (#25 speed).

Python's ``re`` runs an ignore-case alternation of many words three to five times slower
than the same alternation written in lower case over lower-cased text, and the eventness
tests run such cues over every sentence with a trigger. A ``LowerCue`` answers as the
pattern would, at the text's own positions: lower-casing keeps the length of almost all
text, and where it does not (a few Unicode letters), the ignore-case pattern runs.
Matches are of the lower-cased text, so a caller reads their positions, not their words.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator

from sitrep.rxfactor import compiled

# The last texts lowered: a sentence and its story are tested by many cues in turn. A tuple,
# replaced whole, so that threads reading other texts never see a mix.
_last: tuple[tuple[str, str], ...] = ()


def _lower(text: str) -> str | None:
    global _last
    for seen, known in _last:  # (a plain loop: called some 2,000 times an article)
        if seen is text:
            low = known
            break
    else:
        low = text.lower()
        _last = ((text, low), *_last[:3])
    return low if len(low) == len(text) else None


def lowered(words: re.Pattern[str]) -> re.Pattern[str] | None:
    """``words`` as a case-sensitive pattern for lower-cased text, or None where it cannot be
    (not ignore-case, an upper-case escape such as ``\\S``, an inline flag group or a group
    named with a capital, whose name would change)."""
    if not words.flags & re.IGNORECASE or re.search(r"\\[A-Z]|\(\?[a-zA-Z-]*[-i]|\(\?P[<=][^>)]*[A-Z]", words.pattern):
        return None
    try:
        return compiled(re.sub(r"\(\?P(?=[<=])|(?<!\\)[A-Z]", lambda m: m.group() if m.group().startswith("(") else m.group().lower(), words.pattern), words.flags & ~re.IGNORECASE)
    except re.error:
        return None


class LowerCue:
    """A cue pattern that answers ``search``, ``match``, ``fullmatch`` and ``finditer`` as the pattern does."""

    __slots__ = ("_last", "_low", "_needs", "_needs_low", "pattern")

    def __init__(self, pattern: re.Pattern[str], needs: re.Pattern[str] | None = None) -> None:
        self.pattern = pattern
        self._low = lowered(pattern)
        # A cheap pattern that every match of ``pattern`` holds ("convicted", "charged" for a
        # charge): where it is not found, the costly pattern is not tried.
        if needs is not None and (needs.flags ^ pattern.flags) & re.IGNORECASE:
            raise ValueError(f"the needed words {needs.pattern!r} must ignore case as the cue does")
        self._needs = needs
        self._needs_low = lowered(needs) if needs is not None else None
        # The last search and its answer: the tests of one sentence ask the same cue the same
        # question for each trigger in it. A tuple, replaced whole (threads never see a mix).
        self._last: tuple[str, int, int, re.Match[str] | None] | None = None

    def _absent(self, text: str, low: str | None, pos: int, endpos: int) -> bool:
        """Whether the needed words are missing from ``text[pos:endpos]``."""
        if self._needs is None:
            return False
        if self._needs_low is not None and (low is not None or (low := _lower(text)) is not None):
            return self._needs_low.search(low, pos, endpos) is None
        return self._needs.search(text, pos, endpos) is None

    def search(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        """As ``re.Pattern.search``."""
        last = self._last
        if last is not None and last[0] is text and last[1] == pos and last[2] == endpos:
            return last[3]
        low = _lower(text) if self._low is not None else None
        if self._absent(text, low, pos, endpos):
            found = None
        else:
            found = self.pattern.search(text, pos, endpos) if low is None or self._low is None else self._low.search(low, pos, endpos)
        self._last = (text, pos, endpos, found)
        return found

    def match(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        """As ``re.Pattern.match``."""
        low = _lower(text) if self._low is not None else None
        if self._absent(text, low, pos, endpos):
            return None
        return self.pattern.match(text, pos, endpos) if low is None or self._low is None else self._low.match(low, pos, endpos)

    def fullmatch(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        """As ``re.Pattern.fullmatch``."""
        low = _lower(text) if self._low is not None else None
        if self._absent(text, low, pos, endpos):
            return None
        return self.pattern.fullmatch(text, pos, endpos) if low is None or self._low is None else self._low.fullmatch(low, pos, endpos)

    def finditer_as_written(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> Iterator[re.Match[str]]:
        """As ``re.Pattern.finditer``, each match of ``text`` itself (its groups as written):
        found on the lower-cased text, then matched again where it starts."""
        low = _lower(text) if self._low is not None else None
        if low is None or self._low is None:
            yield from self.pattern.finditer(text, pos, endpos)
            return
        for found in self._low.finditer(low, pos, endpos):
            m = self.pattern.match(text, found.start(), endpos)
            if m is not None:  # (always: the same pattern at the same place)
                yield m

    def finditer(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> Iterator[re.Match[str]]:
        """As ``re.Pattern.finditer``."""
        low = _lower(text) if self._low is not None else None
        if self._absent(text, low, pos, endpos):
            return iter(())
        return self.pattern.finditer(text, pos, endpos) if low is None or self._low is None else self._low.finditer(low, pos, endpos)
