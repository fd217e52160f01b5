"""What one version of a story adds, drops, rewords and moves compared with another.

Paragraphs are paired one to one by shared word pairs (bigrams), most similar
first, so a paragraph that moved and was reworded is still found; pairs whose
order disagrees with the longest run in order are "moved". Inside a reworded
paragraph the same pairing runs over sentences, and a reworded sentence shows
its word changes the way ``git diff --word-diff`` does.
"""

from __future__ import annotations

import difflib
import textwrap
from bisect import bisect_left
from dataclasses import asdict, dataclass, field
from itertools import pairwise
from typing import Any, Literal

from sitrep.copies import paragraphs_of, words
from sitrep.sentences import split_sentences

# Below this similarity two paragraphs (or sentences) are different texts.
PAIR_SIMILARITY = 0.33

Kind = Literal["same", "changed", "added", "removed"]


@dataclass(slots=True)
class Piece:
    """One paragraph or sentence of the comparison: kept, reworded, added or dropped."""

    kind: Kind
    a: int | None  # index in A (None when added)
    b: int | None  # index in B (None when removed)
    a_text: str | None
    b_text: str | None
    similarity: float = 0.0
    moved: bool = False
    # For a reworded sentence: ("=", words) kept, ("-", words) only in A, ("+", words) only in B.
    words: list[tuple[str, str]] = field(default_factory=list)
    sentences: list[Piece] = field(default_factory=list)


@dataclass(slots=True)
class Diff:
    """The comparison of text A with text B, paragraph by paragraph."""

    pieces: list[Piece]
    a: dict[str, Any] = field(default_factory=dict)  # what is known of A (id, title, outlet, ...)
    b: dict[str, Any] = field(default_factory=dict)

    def count(self, kind: Kind, *, moved: bool | None = None) -> int:
        """How many paragraphs are of ``kind`` (and moved, or not, when ``moved`` is given)."""
        return sum(1 for p in self.pieces if p.kind == kind and (moved is None or p.moved == moved))

    def summary(self) -> dict[str, int]:
        """Paragraph counts: kept unchanged, reworded, moved, added by B, dropped from A."""
        return {
            "a_paragraphs": sum(1 for p in self.pieces if p.a is not None),
            "b_paragraphs": sum(1 for p in self.pieces if p.b is not None),
            "same": self.count("same"),
            "changed": self.count("changed"),
            "moved": sum(1 for p in self.pieces if p.moved),
            "added": self.count("added"),
            "removed": self.count("removed"),
        }

    def to_json(self) -> dict[str, Any]:
        """The diff as a JSON-ready dict (what ``sitrep diff --json`` prints)."""
        return {
            "a": self.a,
            "b": self.b,
            "summary": self.summary(),
            "paragraphs": [asdict(p) for p in self.pieces],
        }


def _bigrams(text: str) -> frozenset[str]:
    tokens = words(text)
    if len(tokens) < 2:
        return frozenset(tokens)
    return frozenset(f"{x} {y}" for x, y in pairwise(tokens))


def _similarity(x: frozenset[str], y: frozenset[str]) -> float:
    """Dice on word pairs, or the smaller text's containment when it is long enough."""
    if not x or not y:
        return 0.0
    shared = len(x & y)
    dice = 2 * shared / (len(x) + len(y))
    small = min(len(x), len(y))
    # A paragraph split in two, or one grown by a clause, is still the same paragraph.
    contained = 0.8 * shared / small if small >= 6 else 0.0
    return max(dice, contained)


def _pair(a: list[str], b: list[str]) -> list[tuple[int, int, float]]:
    """One-to-one pairs ``(i, j, similarity)``, most similar first, above the threshold."""
    ga, gb = [_bigrams(t) for t in a], [_bigrams(t) for t in b]
    ta, tb = [words(t) for t in a], [words(t) for t in b]
    # Inverted index on bigrams: only texts sharing a word pair are compared.
    where: dict[str, list[int]] = {}
    for j, g in enumerate(gb):
        for w in g:
            where.setdefault(w, []).append(j)
    scored = []
    for i, g in enumerate(ga):
        near = {j for w in g for j in where.get(w, ())}
        for j in near:
            s = 1.0 if ta[i] == tb[j] else _similarity(g, gb[j])
            if s >= PAIR_SIMILARITY:
                scored.append((s, i, j))
    scored.sort(key=lambda t: (-t[0], abs(t[1] - t[2]), t[1]))
    used_a: set[int] = set()
    used_b: set[int] = set()
    pairs = []
    for s, i, j in scored:
        if i not in used_a and j not in used_b:
            used_a.add(i)
            used_b.add(j)
            pairs.append((i, j, s))
    return sorted(pairs, key=lambda t: t[1])


def _in_order(pairs: list[tuple[int, int, float]]) -> set[int]:
    """The B indices of the longest run of pairs whose A order matches B order."""
    tails: list[int] = []
    tail_at: list[int] = []
    back: list[int] = [-1] * len(pairs)
    for k, (i, _, _) in enumerate(pairs):
        pos = bisect_left(tails, i)
        if pos == len(tails):
            tails.append(i)
            tail_at.append(k)
        else:
            tails[pos] = i
            tail_at[pos] = k
        back[k] = tail_at[pos - 1] if pos else -1
    keep: set[int] = set()
    k = tail_at[-1] if tail_at else -1
    while k >= 0:
        keep.add(pairs[k][1])
        k = back[k]
    return keep


# Typography an outlet's style changes without changing a word.
_FOLD = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'", "–": "-", "—": "-", "\u00a0": " "})


def _word_diff(a: str, b: str) -> list[tuple[str, str]]:
    wa, wb = a.split(), b.split()
    out: list[tuple[str, str]] = []
    key_a = [w.translate(_FOLD).lower() for w in wa]
    key_b = [w.translate(_FOLD).lower() for w in wb]
    matcher = difflib.SequenceMatcher(None, key_a, key_b, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            out.append(("=", " ".join(wb[j1:j2])))
            continue
        if i2 > i1:
            out.append(("-", " ".join(wa[i1:i2])))
        if j2 > j1:
            out.append(("+", " ".join(wb[j1:j2])))
    return out


def _compare(a: list[str], b: list[str], *, sentences: bool) -> list[Piece]:
    pairs = _pair(a, b)
    ordered = _in_order(pairs)
    by_b = {j: (i, s) for i, j, s in pairs}
    paired_a = {i for i, _, _ in pairs}
    pieces: list[Piece] = []
    # Dropped A texts go where they stood: before the B text paired with the next A text.
    pending = [i for i in range(len(a)) if i not in paired_a]
    for j, text in enumerate(b):
        if j in by_b:
            i, s = by_b[j]
            while pending and pending[0] < i and j in ordered:
                k = pending.pop(0)
                pieces.append(Piece("removed", k, None, a[k], None))
            same = words(a[i]) == words(text)
            piece = Piece("same" if same else "changed", i, j, a[i], text, round(s, 3), j not in ordered)
            if not same:
                if sentences:
                    piece.sentences = _compare(_sentences(a[i]), _sentences(text), sentences=False)
                else:
                    piece.words = _word_diff(a[i], text)
            pieces.append(piece)
        else:
            pieces.append(Piece("added", None, j, None, text))
    pieces.extend(Piece("removed", k, None, a[k], None) for k in pending)
    return pieces


def _sentences(paragraph: str) -> list[str]:
    return [paragraph[s:e] for s, e in split_sentences(paragraph)]


def diff_texts(a: str, b: str) -> Diff:
    """Compare two clean texts paragraph by paragraph, and reworded ones sentence by sentence."""
    return Diff(_compare(paragraphs_of(a), paragraphs_of(b), sentences=True))


def _wrap(text: str, indent: str, width: int) -> list[str]:
    return textwrap.wrap(text, width, initial_indent=indent, subsequent_indent=indent) or [indent]


def _render_words(parts: list[tuple[str, str]]) -> str:
    marks = {"=": "{}", "-": "[-{}-]", "+": "{{+{}+}}"}
    return " ".join(marks[op].format(text) for op, text in parts)


def format_diff(d: Diff, *, width: int = 100) -> str:
    """The diff as text for a terminal: a summary, then added, dropped, reworded and moved parts."""
    lines = []
    for side in ("a", "b"):
        meta = getattr(d, side)
        pub = meta.get("published")
        label = ", ".join(str(x) for x in (meta.get("outlet"), pub) if x)
        lines.append(f"{side.upper()}: {meta.get('id', '?')}" + (f"  ({label})" if label else ""))
        if meta.get("title"):
            lines.append(f"   {meta['title']}")
    s = d.summary()
    kept = s["same"] + s["changed"]
    lines.append(
        f"\nB keeps {kept} of A's {s['a_paragraphs']} paragraphs ({s['same']} unchanged, "
        f"{s['changed']} reworded, {s['moved']} moved), adds {s['added']} and drops {s['removed']}."
    )
    sections: list[tuple[str, list[Piece]]] = [
        ("Added in B", [p for p in d.pieces if p.kind == "added"]),
        ("Only in A (dropped by B)", [p for p in d.pieces if p.kind == "removed"]),
        ("Reworded", [p for p in d.pieces if p.kind == "changed"]),
        ("Moved unchanged", [p for p in d.pieces if p.kind == "same" and p.moved]),
    ]
    for title, pieces in sections:
        if not pieces:
            continue
        lines.append(f"\n{title} ({len(pieces)}):")
        for p in pieces:
            if p.kind == "added":
                lines.extend(_wrap(f"+ B¶{p.b}  {p.b_text}", "  ", width))
            elif p.kind == "removed":
                lines.extend(_wrap(f"- A¶{p.a}  {p.a_text}", "  ", width))
            elif p.kind == "same":
                lines.extend(_wrap(f"A¶{p.a} -> B¶{p.b}  {p.b_text}", "  ", width))
            else:
                moved = ", moved" if p.moved else ""
                lines.append(f"  ~ A¶{p.a} -> B¶{p.b} (similarity {p.similarity:.2f}{moved})")
                for sp in p.sentences:
                    if sp.kind == "added":
                        lines.extend(_wrap(f"+ {sp.b_text}", "      ", width))
                    elif sp.kind == "removed":
                        lines.extend(_wrap(f"- {sp.a_text}", "      ", width))
                    elif sp.kind == "changed":
                        lines.extend(_wrap(f"~ {_render_words(sp.words)}", "      ", width))
    return "\n".join(lines)
