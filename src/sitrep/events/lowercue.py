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
    (not ignore-case, an upper-case escape such as ``\\S``, an inline flag group or a named group)."""
    if not words.flags & re.IGNORECASE or re.search(r"\\[A-Z]|\(\?[a-zA-Z-]*[-i]|\(\?P", words.pattern):
        return None  # (named groups too: their names would be lower-cased)
    try:
        return re.compile(re.sub(r"(?<!\\)[A-Z]", lambda m: m.group().lower(), words.pattern), words.flags & ~re.IGNORECASE)
    except re.error:
        return None


class LowerCue:
    """A cue pattern that answers ``search``, ``match``, ``fullmatch`` and ``finditer`` as the pattern does."""

    __slots__ = ("_low", "pattern")

    def __init__(self, pattern: re.Pattern[str]) -> None:
        self.pattern = pattern
        self._low = lowered(pattern)

    def search(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        """As ``re.Pattern.search``."""
        low = _lower(text) if self._low is not None else None
        return self.pattern.search(text, pos, endpos) if low is None or self._low is None else self._low.search(low, pos, endpos)

    def match(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        """As ``re.Pattern.match``."""
        low = _lower(text) if self._low is not None else None
        return self.pattern.match(text, pos, endpos) if low is None or self._low is None else self._low.match(low, pos, endpos)

    def fullmatch(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        """As ``re.Pattern.fullmatch``."""
        low = _lower(text) if self._low is not None else None
        return self.pattern.fullmatch(text, pos, endpos) if low is None or self._low is None else self._low.fullmatch(low, pos, endpos)

    def finditer(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> Iterator[re.Match[str]]:
        """As ``re.Pattern.finditer``."""
        low = _lower(text) if self._low is not None else None
        return self.pattern.finditer(text, pos, endpos) if low is None or self._low is None else self._low.finditer(low, pos, endpos)
