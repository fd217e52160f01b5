"""Per-line features the body finder's model reads.

Each line is described by cheap facts about itself (length, function words,
punctuation, chrome, repeats), about where it sits (position in the page, side
of the headline, prose before and after it) and by the same facts of its
neighbours, because a line is body mostly when the lines around it are. The
training script (``bench/tune_text.py``) and the runtime share this module, so
the weights always meet the features they were fitted on.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence

import numpy as np

from sitrep.clean.lines import Line
from sitrep.clean.lowered import lowered
from sitrep.rxfactor import compiled

_DIGIT = compiled("[0-9]")
_TOKEN = compiled(r"\w+")
_TOKEN_ASCII = compiled(r"[a-z0-9_]+")  # the same on a lower-cased ASCII line, faster
# Furniture of comment threads, bylines and teaser lists in a handful of
# languages; one alternation, so a line costs one search.
_CUES = lowered(
    r"\b(?:reply|replies|says:|said on|posted (?:by|on|in)|written by|comments?|log ?in|sign ?up"
    r"|read more|more from|related|you may also|recommended|trending|popular|tags?:|filed under"
    r"|newsletter|subscribe|follow us|share|advertisement|cookie|privacy|terms of"
    r"|all rights|about the author|leer más|lire aussi|weiterlesen|mehr zum thema"
    r"|ler mais|leggi anche|читайте также)\b"
)
_DATE = lowered(
    r"\b(?:\d{1,2}:\d{2}|(?:19|20)\d\d|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)"
    r"|\b\d+\s*(?:min|hours?|days?|weeks?)\s+ago\b"
)
# A commenter's signature line ("Alex on May 3, 2019 at 6:34 am said:").
_COMMENT_HEAD = lowered(
    r"\b(?:said|says|wrote|replied|sagt|schreibt|dice|dit|escribió|disse)\s*:?\s*$"
    r"|\b\d{1,2}:\d{2}\s*(?:am|pm)\b|^reply$|^(?:\d+\s+)?(?:repl(?:y|ies)|likes?|upvotes?)$"
)
# The same three ways, each where it can match: a sign-off only in the last few
# characters of a (normalised: single spaces, trimmed) line, a clock time only
# where there is a colon, a tally anchored at the start.
_SIGN_OFF = lowered(r"\b(?:said|says|wrote|replied|sagt|schreibt|dice|dit|escribió|disse)\s*:?\s*$")
_CLOCK = lowered(r"\b\d{1,2}:\d{2}\s*(?:am|pm)\b")
_TALLY = lowered(r"^reply$|^(?:\d+\s+)?(?:repl(?:y|ies)|likes?|upvotes?)$")


def _comment_head(low: str) -> bool:
    """Whether a normalised lower-cased line matches ``_COMMENT_HEAD``, found the cheap way."""
    return bool(
        _SIGN_OFF.search(low, max(0, len(low) - 16))
        or (":" in low and _CLOCK.search(low))
        or _TALLY.match(low)
    )


# Headings that close an article: what follows them is seldom its body.
_END_MARK = lowered(
    r"^(?:\d+\s+)?(?:related(?: articles| posts| stories| content| news| reading)?|you (?:may|might)"
    r" also (?:like|enjoy)|more (?:from|stories|articles|news|on|in)\b.*|recommended(?: for you)?"
    r"|read (?:more|next|also)|about the author|(?:user |reader )?comments?|responses?"
    r"|leave a (?:reply|comment)|join the (?:discussion|conversation)|\d+ thoughts on .*|tags?"
    r"|popular(?: posts| stories| now)?|trending(?: now)?|most (?:read|popular|viewed)|see also"
    r"|further reading|latest(?: news| posts| stories)?|leggi anche|lire aussi|à lire aussi"
    r"|mehr zum thema|weitere artikel|noticias relacionadas|te puede interesar|leia também"
    r"|читайте также|похожие (?:статьи|новости))\W*$"
)
# The heading that opens a page's comment section ("Comments", "[ 167 comments ]",
# "Top Rated Comments", "Leave a Reply"): the article comes before it, never after.
_COMMENTS_START = lowered(
    r"^\W*(?:\d+\s+)?(?:(?:top(?:[- ]rated)?|latest|newest|all|show|view|read|user|reader|\d+)\s+)?"
    r"(?:comments?|responses?|replies|discussion)\W*$"
    r"|^\W*(?:leave a (?:reply|comment)|join the (?:discussion|conversation)|\d+ thoughts on .*"
    r"|post a comment|add a comment|kommentare|commentaires|comentarios|comentários|commenti"
    r"|комментарии)\W*$"
)
# An author's bio line at the foot of a post ("Jane Roe is a reporter at ...").
_BIO = compiled(
    r"^(?!(?:The|This|That|It|A|An|He|She|They|We|There|Our|His|Her)\b)"
    r"(?:[A-Z][\w'’.-]+,?\s){1,4}(?:is|was|has been|holds|serves as|joined|covers|writes)\b"
    r".{0,80}\b(?i:writer|editor|journalist|reporter|correspondent|contributor|columnist|author"
    r"|analyst|expert|manager|professor|director|founder|ceo|cto|consultant|specialist"
    r"|marketing|freelance|enthusiast|graduate|degree|mba|phd)\b",
)
_BULLET = compiled(r"^(?:[-•*·▪►→✓✔]|\d{1,2}[.)]\s)")
_SEPARATOR = compiled(r"\s[|•·»/]\s")
_TITLE_CUT = compiled(r"\s+[|–—-]\s+|\s+::\s+")

BASE_NAMES = (
    "logw", "w_ge10", "w_ge25", "w_le3", "stop", "terminal", "sentence", "chrome",
    "repeated", "digits", "caps", "commas", "gap", "ellipsis", "bullet", "separator",
    "cue", "date", "allcaps", "url", "title_overlap", "comment_head", "end_mark", "bio",
)
_CONTEXT = (-2, -1, 1, 2)
_CONTEXT_BASE = ("logw", "sentence", "chrome", "repeated", "cue", "w_le3", "comment_head")
FEATURE_NAMES: tuple[str, ...] = (
    *BASE_NAMES,
    *(f"{n}@{d:+d}" for d in _CONTEXT for n in _CONTEXT_BASE),
    "win_sentence", "win_logw", "win_chrome", "pos", "prose_before", "prose_after",
    "is_headline", "after_headline", "head_dist", "no_headline", "in_run", "run_edge",
    "rel_len", "after_end", "comment_heads_before",
)
# Hinges on a few of the features above let the linear model bend: (feature, knots).
_HINGES = (
    ("logw", (1.8, 2.7, 3.4)),
    ("stop", (0.25, 0.4)),
    ("pos", (0.2, 0.5, 0.8)),
    ("prose_before", (0.02, 0.3, 0.7, 0.98)),
    ("prose_after", (0.02, 0.3, 0.7, 0.98)),
    ("rel_len", (0.1, 0.3, 0.6)),
    ("win_sentence", (0.2, 0.5, 0.8)),
    ("win_chrome", (0.1, 0.3)),
    ("win_logw", (1.5, 2.5, 3.2)),
    ("head_dist", (-1.0, 0.5, 1.5, 2.5)),
)
_CROSSES = (
    ("sentence", "after_headline"),
    ("sentence", "no_headline"),
    ("sentence", "after_end"),
    ("logw", "in_run"),
    ("logw", "after_end"),
    ("comment_head", "after_end"),
    ("win_sentence", "in_run"),
    ("sentence", "repeated"),
)
_BASIC_NAMES = FEATURE_NAMES
FEATURE_NAMES = (
    *FEATURE_NAMES,
    *(f"{n}>{k}" for n, ks in _HINGES for k in ks),
    *(f"{a}*{b}" for a, b in _CROSSES),
)
_HINGE_COLS = np.array([_BASIC_NAMES.index(n) for n, ks in _HINGES for _ in ks])
_HINGE_KNOTS = np.array([k for _, ks in _HINGES for k in ks], dtype=float)
_CROSS_A = np.array([_BASIC_NAMES.index(a) for a, _ in _CROSSES])
_CROSS_B = np.array([_BASIC_NAMES.index(b) for _, b in _CROSSES])
_CTX_INDEX = [BASE_NAMES.index(n) for n in _CONTEXT_BASE]


def _title_words(lines: Sequence[Line], title: str | None) -> set[str]:
    if title is None:
        if not lines:
            return set()
        # The first line of a page dump is usually the HTML <title>: keep its first part.
        title = _TITLE_CUT.split(lines[0].text)[0] if lines[0].words < 40 else ""
    return {t.lower() for t in _TOKEN.findall(title) if not t.isdigit()}


def _base(line: Line, repeats: int, title: set[str]) -> list[float]:
    text = line.text
    w = line.words
    # Long lines are prose or not by their length alone; the costly pattern
    # checks only run on the head of a line, or only on short lines.
    head = text[:160]
    short = w <= 20
    low = line.low
    if title and w < 40:
        tokens = set((_TOKEN_ASCII if low.isascii() else _TOKEN).findall(low))
    else:
        tokens = set()
    overlap = len(tokens & title) / len(title) if tokens and title else 0.0
    return [
        math.log1p(w),
        1.0 if w >= 10 else 0.0,
        1.0 if w >= 25 else 0.0,
        1.0 if w <= 3 else 0.0,
        line.stop_ratio,
        1.0 if line.terminal else 0.0,
        1.0 if line.sentence_like else 0.0,
        1.0 if line.chrome else 0.0,
        1.0 if repeats > 1 else 0.0,
        len(_DIGIT.findall(head)) / len(head),
        sum(map(str.isupper, [t[0] for t in head.split()])) / min(w, 25) if w else 0.0,
        min(text.count(",") / (w + 1), 1.0),
        1.0 if line.gap_before else 0.0,
        # A teaser's cut-off: "…", "...", also bracketed as WordPress writes it ("[…]").
        1.0 if text.rstrip(" ])»›").endswith(("...", "…")) else 0.0,
        1.0 if _BULLET.match(text) else 0.0,
        1.0 if short and _SEPARATOR.search(text) else 0.0,
        1.0 if short and _CUES.search(low) else 0.0,
        1.0 if w < 25 and _DATE.search(low) else 0.0,
        1.0 if w >= 2 and text.isupper() else 0.0,
        1.0 if "http" in text or "www." in text or "@" in text else 0.0,
        overlap,
        1.0 if w < 25 and _comment_head(low) else 0.0,
        1.0 if w <= 8 and _END_MARK.match(low) else 0.0,
        1.0 if w < 90 and _BIO.match(head) else 0.0,
    ]


def best_run(values: Sequence[float]) -> tuple[int, int]:
    """Indices ``(start, end)`` (end exclusive) of the run with the largest sum."""
    best, best_start, best_end = float("-inf"), 0, 0
    acc, start = 0.0, 0
    for i, v in enumerate(values):
        if acc <= 0:
            acc, start = v, i
        else:
            acc += v
        if acc > best:
            best, best_start, best_end = acc, start, i + 1
    return best_start, best_end


def comments_start(lines: Sequence[Line]) -> int | None:
    """Index of the heading that opens the comment section, once some prose came before."""
    prose = False
    for i, line in enumerate(lines):
        if prose and line.words <= 8 and _COMMENTS_START.match(line.low):
            return i
        prose = prose or line.sentence_like
    return None


def prose_value(line: Line, repeats: int) -> float:
    """The hand-set evidence of the first body finder: prose for, furniture against."""
    w = line.words
    if line.chrome:
        return -6.0 - 0.5 * w
    if repeats > 1 and w < 40:
        return -2.0
    if w == 0:
        return -1.5
    if line.sentence_like:
        return max(w - 10.0, 0.5)
    if w >= 12 and line.stop_ratio >= 0.2:
        return 0.7 * (w - 10.0)
    return -1.0


def _headline(base: np.ndarray, lines: Sequence[Line], given: bool) -> int | None:
    """Index of the article's headline line: the first short line echoing the title."""
    start = 0 if given else 1
    for i in range(start, len(lines)):
        if base[i, 20] >= 0.7 and lines[i].words <= 40 and not lines[i].chrome:
            return i
    return None


def _exclusive_cumsum(values: np.ndarray) -> np.ndarray:
    """Per row, the sum of the rows before it (sequential, as a running total adds)."""
    out = np.zeros_like(values)
    if len(values) > 1:
        np.cumsum(values[:-1], axis=0, out=out[1:])
    return out


def line_features(lines: Sequence[Line], title: str | None = None) -> np.ndarray:
    """One feature row per line (an ``n x len(FEATURE_NAMES)`` array), in that order.

    Only the per-line facts are read line by line; everything built from them
    (neighbours, windows, positions, hinges, crosses) is whole-column arithmetic,
    which is what makes the plain-text path fast.
    """
    n = len(lines)
    if not n:
        return np.zeros((0, len(FEATURE_NAMES)))
    counts = Counter(line.text for line in lines)
    tw = _title_words(lines, title)
    base = np.array([_base(line, counts[line.text], tw) for line in lines], dtype=float)
    run_a, run_b = best_run([prose_value(line, counts[line.text]) for line in lines])
    head = _headline(base, lines, title is not None)

    words = np.array([line.words for line in lines], dtype=float)
    prose = words * base[:, 6]
    total_prose = float(prose.sum()) or 1.0
    before = _exclusive_cumsum(prose)
    through = before + prose
    idx = np.arange(n, dtype=float)

    ctx = base[:, _CTX_INDEX]
    pad = np.zeros((2, len(_CTX_INDEX)))
    padded = np.vstack((pad, ctx, pad))
    neighbours = [padded[2 + d : 2 + d + n] for d in _CONTEXT]

    sums = np.vstack((np.zeros((1, 3)), np.cumsum(base[:, [6, 0, 7]], axis=0)))
    ii = np.arange(n)
    lo, hi = np.maximum(0, ii - 5), np.minimum(n, ii + 6)
    windows = (sums[hi] - sums[lo]) / (hi - lo)[:, None]

    if head is None:
        heads = np.tile([0.0, 0.0, 0.0, 1.0], (n, 1))
    else:
        dist = idx - head
        heads = np.column_stack(
            (dist == 0, dist > 0, np.copysign(np.log1p(np.abs(dist)), dist), np.zeros(n))
        ).astype(float)
    inside = (ii >= run_a) & (ii < run_b)
    edge = np.minimum(np.abs(ii - run_a), np.abs(ii - run_b + 1))
    # Closing headings count only once some prose came (menus carry "Comments" too),
    # and only for the lines after them.
    ends = (base[:, 22] != 0) & (through > 0)
    after_end = np.concatenate(([False], np.cumsum(ends)[:-1] > 0))
    heads_before = _exclusive_cumsum((base[:, 21] != 0).astype(float))
    rest = np.column_stack(
        (
            idx / n,
            before / total_prose,
            (total_prose - through) / total_prose,
            heads,
            inside,
            np.log1p(edge) * np.where(inside, 1.0, -1.0),
            words / (words.max() or 1.0),
            after_end,
            np.log1p(heads_before),
        )
    )
    basic = np.hstack((base, *neighbours, windows, rest))
    hinges = np.maximum(0.0, basic[:, _HINGE_COLS] - _HINGE_KNOTS)
    crosses = basic[:, _CROSS_A] * basic[:, _CROSS_B]
    return np.hstack((basic, hinges, crosses))


STAGE2_NAMES: tuple[str, ...] = (
    "s", "s@-1", "s@+1", "s@-2", "s@+2", "s@-3", "s@+3", "win5", "win10", "win25",
    "in_run", "run_edge", "in_run_eager", "pos_before", "pos_after", "logw", "sentence",
)


def context_features(lines: Sequence[Line], scores: Sequence[float]) -> np.ndarray:
    """Second-stage features: a line's first-stage log-odds next to its neighbours'.

    The first stage judges each line with a narrow view; here the verdicts on
    the lines around it (near and far), and whether it sits in the best run of
    them, let isolated mistakes be outvoted.
    """
    n = len(scores)
    s = np.clip(np.asarray(scores, dtype=float), -6.0, 6.0)
    listed = s.tolist()
    run_a, run_b = best_run(listed)
    eager_a, eager_b = best_run([v + 1.0 for v in listed])
    prefix = np.concatenate(([0.0], np.cumsum(s)))
    pos_prefix = np.concatenate(([0.0], np.cumsum(np.maximum(s, 0.0))))
    total_pos = float(pos_prefix[-1]) or 1.0
    ii = np.arange(n)

    def win(h: int) -> np.ndarray:
        lo, hi = np.maximum(0, ii - h), np.minimum(n, ii + h + 1)
        return np.asarray((prefix[hi] - prefix[lo]) / (hi - lo))

    padded = np.concatenate((np.full(3, -6.0), s, np.full(3, -6.0)))
    inside = (ii >= run_a) & (ii < run_b)
    edge = np.minimum(np.abs(ii - run_a), np.abs(ii - run_b + 1))
    words = np.array([line.words for line in lines], dtype=float)
    return np.column_stack(
        (
            s,
            *(padded[3 + d : 3 + d + n] for d in (-1, 1, -2, 2, -3, 3)),
            win(5),
            win(10),
            win(25),
            inside,
            np.log1p(edge) * np.where(inside, 1.0, -1.0),
            (ii >= eager_a) & (ii < eager_b),
            pos_prefix[:-1] / total_pos,
            (total_pos - pos_prefix[1:]) / total_pos,
            np.log1p(words),
            [1.0 if line.sentence_like else 0.0 for line in lines],
        )
    ).astype(float)
