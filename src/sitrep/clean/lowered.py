"""Case-insensitive cue patterns that run on lower-cased text.

Python's regex engine gives up most of its search shortcuts under
``re.IGNORECASE``: a cue list such as "reply|comments|read more|..." runs
several times slower with it than without. Cleaning lower-cases each line once
and runs the cue patterns, compiled from lower-cased sources, on that copy.
"""

from __future__ import annotations

import re

from sitrep.rxfactor import compiled


def lower_source(pattern: str) -> str:
    """``pattern`` with its literals lower-cased; escapes such as ``\\S`` or ``\\W`` keep their case."""
    out: list[str] = []
    escaped = False
    for ch in pattern:
        out.append(ch if escaped else ch.lower())
        escaped = not escaped and ch == "\\"
    return "".join(out)


def lowered(pattern: str | re.Pattern[str]) -> re.Pattern[str]:
    """Compile a case-insensitive ``pattern`` to match lower-cased text, without ``re.I``.

    Matching ``lowered(p)`` against ``text.lower()`` finds what ``compiled(p, re.I)``
    finds in ``text`` (a class such as ``[A-Z]`` becomes ``[a-z]``, which is what it
    matched under ``re.I`` once the text is lower case).
    """
    source = pattern.pattern if isinstance(pattern, re.Pattern) else pattern
    return compiled(lower_source(source))
