"""What page chrome looks like, line by line.

One question is answered here: is this line furniture of the page (navigation,
share buttons, appeals, comment widgets, read times, photo credits, file-name
slugs) rather than part of the article? ``chrome_reason`` gives the reason, or
``None``. The lexicon of whole-line labels is a data file analysts can extend.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from sitrep.clean.lowered import lower_source, lowered
from sitrep.rxfactor import compiled

_STRIP = " \t\u00a0|•·»«›‹>-–—:*#|/\\()[]{}"
_COUNT = compiled(r"^\(?\d+\)?\s+|\s+\(?\d+\)?$")


@lru_cache(maxsize=1)
def labels() -> frozenset[str]:
    """The whole-line chrome labels shipped in ``data/lexicons/chrome_labels.txt``."""
    text = (resources.files("sitrep") / "data" / "lexicons" / "chrome_labels.txt").read_text(
        encoding="utf-8"
    )
    out = set()
    for line in text.splitlines():
        line = line.split("#", 1)[0].strip().lower() if not line.startswith("#") else ""
        if line:
            out.add(line)
    return frozenset(out)


def _label_key(line: str) -> str:
    key = line.strip().strip(_STRIP).lower()
    key = _COUNT.sub("", key).strip(_STRIP)
    return key


# Each pattern is matched against the whole stripped line; the name is the reason.
_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    (
        "read time",
        compiled(
            r"^(\d+\s*(-|to)\s*)?\d+\s*(min|mins|minute|minutes)\.?\s*(read|watch|listen)(ing)?( time)?$",
            re.I,
        ),
    ),
    ("read time", compiled(r"^(reading|read) time:?\s*\d+\s*(min|mins|minutes)\.?$", re.I)),
    (
        "image chrome",
        compiled(r"^(click|tap)\s+(here\s+)?to\s+(enlarge|expand|view|zoom)\b.*$", re.I),
    ),
    (
        "image chrome",
        compiled(r"^(view|see|open)\s+(image|photo|gallery|slideshow)s?\b.{0,40}$", re.I),
    ),
    ("image chrome", compiled(r"^(image|photo|picture)\s+\d+\s+(of|/)\s+\d+$", re.I)),
    (
        "share line",
        compiled(
            r"^(share|tweet|email|print|save)(\s*(this|the)?\s*(article|story|post|page))?(\s*(on|via|to)\s+\w+)?\s*[:!]?$",
            re.I,
        ),
    ),
    (
        "share line",
        compiled(
            r"^((facebook|twitter|x|linkedin|whatsapp|email|reddit|pinterest|telegram|messenger|copy link|print)\s*[,|/·•]?\s*){2,}$",
            re.I,
        ),
    ),
    (
        "share count",
        compiled(r"^\d[\d,.]*\s*(k\s*)?(shares?|comments?|views?|likes?|reactions?)$", re.I),
    ),
    ("follow line", compiled(r"^(follow|like)\s+(us|me|@?\w+)\s+(on|at)\s+.{1,60}$", re.I)),
    (
        "appeal",
        compiled(
            r"^(we need your help|support (us|our journalism|independent journalism)|please (donate|contribute|support)|become a (member|supporter|subscriber)|donate( now| today)?|make a (donation|contribution)|subscribe (now|today|to)\b).{0,120}$",
            re.I,
        ),
    ),
    (
        "appeal",
        compiled(r".{0,80}\b(support from readers|readers like you|reader[- ]funded)\b.*", re.I),
    ),
    (
        "newsletter",
        compiled(
            r"^(sign up|subscribe|register)\b.{0,80}\b(newsletter|inbox|email|updates|alerts)\b.{0,80}$",
            re.I,
        ),
    ),
    (
        "comments",
        compiled(
            r"^(\d+\s+)?(readers?'?\s+)?comments?(\s*\(\d+\))?$|^(your voice|readers? comments|leave a comment.*|view comments|show comments|join the (conversation|discussion)|comments? (are|is) (closed|open)|be the first to comment.*)$",
            re.I,
        ),
    ),
    (
        "comments",
        compiled(
            r"^(this is your comments community|please familiarise yourself with our comments policy|please help us understand how this comment|thank you for the feedback|your feedback has been sent|submit a report|report (this )?comment|comments policy|community guidelines).*$",
            re.I,
        ),
    ),
    (
        "cookie notice",
        compiled(
            r".{0,40}\b(we use cookies|this (web)?site uses cookies|by continuing to (use|browse)|accept (all )?cookies)\b.*",
            re.I,
        ),
    ),
    ("copyright", compiled(r"^(©|\(c\)|copyright\b|all rights reserved).{0,160}$", re.I)),
    (
        "credit line",
        compiled(
            r"^(photo|image|picture|video|graphic|illustration)s?\s*(credit)?\s*[:/]\s*.{1,80}$",
            re.I,
        ),
    ),
    (
        "credit line",
        compiled(
            r"^(getty images|afp|reuters|ap|alamy stock photo|shutterstock|epa|pa media)(\s*/\s*\w+)*$",
            re.I,
        ),
    ),
    (
        "advertisement",
        compiled(
            r"^(advertisement|sponsored|ad|story continues below( advertisement)?|article continues below( advertisement)?|continue reading (below|the main story))$",
            re.I,
        ),
    ),
    ("javascript", compiled(r"^(please )?(enable|turn on) javascript\b.*$", re.I)),
    ("slug", compiled(r"^[a-z0-9]+(-[a-z0-9]+){5,}$")),
]

# A file-name slug glued in front of a caption ("members-of-afghan-...-reutersd Members ...").
SLUG_PREFIX = compiled(r"^([a-z0-9]+(?:-[a-z0-9]+){5,})\s+(?=\S)")


# Cues of a donation or subscription appeal; two in one line make it an appeal, so a
# business story that mentions "advertising revenue" once is left alone.
_APPEAL_CUES = compiled(
    r"\b(our (journalism|reporting|mission|newsroom|work)|independent,? (unbiased )?(news|journalism)"
    r"|advertising revenue|contribute|donat(e|ion)|support (us|our)|readers like you|subscri(be|ption)"
    r"|paywall|free to read|something you value|keeps? [A-Z][\w ]{1,30} (open|free|going))\b",
    re.I,
)
_APPEAL_LOW = lowered(_APPEAL_CUES)
# The word each appeal cue starts with. A line whose words (as ``lines`` reads
# them: letters, joined across an apostrophe) hold none of these, and that has
# no apostrophe to join a cue to its neighbour, has no cue.
_APPEAL_FIRST = frozenset(
    (
        "our", "independent", "advertising", "contribute", "donate", "donation", "support",
        "readers", "subscribe", "subscription", "paywall", "free", "something", "keep", "keeps",
    )
)  # fmt: skip


def appeal_cues(line: str, low: str | None = None) -> int:
    """How many distinct appeal cues ("our journalism", "contribute" ...) ``line`` has.

    ``low`` is ``line.lower()`` when the caller has it already.
    """
    low = line.lower() if low is None else low
    first = _APPEAL_LOW.search(low)
    if first is None:  # most lines: one failed search, no set to build
        return 0
    return len({first.group(0)} | {m.group(0) for m in _APPEAL_LOW.finditer(low, first.end())})


# Most patterns only match a short line; those ending in an unbounded ".*" can match a
# long one, so prose paragraphs (most lines of an article) are tried against those alone.
_SHORT_LINE = 200
_LONG_PATTERNS = [(r, p) for r, p in _PATTERNS if p.pattern.endswith((".*", ".*$"))]


# A pattern that floats (".{0,80}\bcue ...") is tried at every offset of the line,
# which costs more than all the anchored ones together; each runs only on lines
# holding one of its words. (Keyed by a piece of the pattern; every floating
# pattern needs an entry.)
_FLOATING_NEEDLES = {
    "support from readers": ("reader",),
    "we use cookies": ("cookies", "by continuing to"),
}


@dataclass(frozen=True, slots=True)
class _Pass:
    """The chrome patterns compiled for one pass over a line (see ``_one_pass``)."""

    folded: re.Pattern[str] | None  # case-insensitive, anchored: run on the lower-cased line
    exact: re.Pattern[str] | None  # case-sensitive: run on the line as printed
    floating: tuple[tuple[int, re.Pattern[str], tuple[str, ...]], ...]  # index, pattern, needles
    reasons: tuple[str, ...]

    def first(self, line: str, low: str) -> int | None:
        """Index of the first pattern in table order that matches, or None."""
        hits = [k for k in (_first(self.folded, low), _first(self.exact, line)) if k is not None]
        for k, pattern, needles in self.floating:
            earlier = not hits or k < min(hits)
            if earlier and any(n in low for n in needles) and pattern.match(low):
                hits.append(k)
        return min(hits) if hits else None


def _one_pass(patterns: list[tuple[str, re.Pattern[str]]]) -> _Pass:
    """All ``patterns`` as two alternations, tried in order: one pass per line, not one per pattern.

    Most lines are prose and fail every pattern; a single compiled alternation
    fails them far faster. The case-insensitive patterns run on the lower-cased
    line (see ``lowered``), the others on the line as printed.
    """

    def alternation(indices: list[int], low: bool) -> re.Pattern[str] | None:
        parts = [
            f"(?P<p{k}>{lower_source(patterns[k][1].pattern) if low else patterns[k][1].pattern})"
            for k in indices
        ]
        return compiled("|".join(parts)) if parts else None

    def needles(source: str) -> tuple[str, ...]:
        return next(v for key, v in _FLOATING_NEEDLES.items() if key in source)

    floats = [k for k, (_, p) in enumerate(patterns) if p.pattern.startswith(".{")]
    folded = [k for k, (_, p) in enumerate(patterns) if p.flags & re.I and k not in floats]
    exact = [k for k, (_, p) in enumerate(patterns) if not p.flags & re.I]
    floating = tuple((k, lowered(patterns[k][1]), needles(patterns[k][1].pattern)) for k in floats)
    return _Pass(
        alternation(folded, True),
        alternation(exact, False),
        floating,
        tuple(r for r, _ in patterns),
    )


_SHORT_ONE = _one_pass(_PATTERNS)
_LONG_ONE = _one_pass(_LONG_PATTERNS)


def _first(pattern: re.Pattern[str] | None, text: str) -> int | None:
    m = pattern.match(text) if pattern is not None else None
    return int(m.lastgroup[1:]) if m is not None and m.lastgroup is not None else None


def chrome_reason(
    line: str, low: str | None = None, words: Sequence[str] | None = None
) -> str | None:
    """Why ``line`` is page chrome ("share line", "appeal" ...), or ``None`` if it is not.

    ``low`` is ``line.lower()`` and ``words`` its words (``lines.read_lines``
    reads both) when the caller has them already.
    """
    stripped = line.strip()
    if not stripped:
        return None
    if len(stripped) < 60 and _label_key(stripped) in labels():
        return "label"
    if len(stripped) > 400:
        return None
    low = stripped.lower() if low is None or len(low) != len(line) else low.strip()
    one = _SHORT_ONE if len(stripped) <= _SHORT_LINE else _LONG_ONE
    k = one.first(stripped, low)
    if k is not None:
        return one.reasons[k]
    if words is not None and _APPEAL_FIRST.isdisjoint(words) and "'" not in low and "’" not in low:
        return None
    if appeal_cues(stripped, low) >= 2:
        return "appeal"
    return None
