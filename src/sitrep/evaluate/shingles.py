"""The ScrapingHub article-extraction-benchmark metric: word 4-gram shingles.

Precision and recall are computed per article on shingle counts normalised by
the article's total, averaged over articles (precision only over articles with
a prediction, recall only over articles with a gold body), and F1 is taken from
the two averages, exactly as the benchmark's ``evaluate.py`` does.
"""

from __future__ import annotations

import re
import statistics
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from sitrep.rxfactor import compiled

_TOKEN_RE = compiled(r"\w+", re.UNICODE)


def shingles(text: str, n: int = 4) -> Counter[tuple[str, ...]]:
    """Count the word n-grams of ``text`` (one short shingle for short texts)."""
    tokens = _TOKEN_RE.findall(text or "")
    out: Counter[tuple[str, ...]] = Counter()
    for i in range(max(1, len(tokens) - n + 1)):
        gram = tuple(tokens[i : i + n])
        if gram:
            out[gram] += 1
    return out


@dataclass(frozen=True, slots=True)
class Match:
    """Normalised true positives, false positives and false negatives of one article."""

    tp: float
    fp: float
    fn: float

    @property
    def precision(self) -> float:
        """Share of predicted shingles that are in the gold body."""
        if self.fp == self.fn == 0:
            return 1.0
        if self.tp == self.fp == 0:
            return 0.0
        return self.tp / (self.tp + self.fp)

    @property
    def recall(self) -> float:
        """Share of gold shingles that were predicted."""
        if self.fp == self.fn == 0:
            return 1.0
        if self.tp == self.fn == 0:
            return 0.0
        return self.tp / (self.tp + self.fn)


def match(gold: str, pred: str, n: int = 4) -> Match:
    """Compare one predicted body with its gold body."""
    g, p = shingles(gold, n), shingles(pred, n)
    tp = fp = fn = 0.0
    for key in g.keys() | p.keys():
        gc, pc = g.get(key, 0), p.get(key, 0)
        tp += min(gc, pc)
        fp += max(0, pc - gc)
        fn += max(0, gc - pc)
    total = tp + fp + fn
    if total > 0:
        tp, fp, fn = tp / total, fp / total, fn / total
    return Match(tp, fp, fn)


def aggregate(matches: Iterable[Match]) -> dict[str, float]:
    """Average precision and recall over articles; F1 from the averages."""
    ms = list(matches)
    precisions = [m.precision for m in ms if m.tp + m.fp > 0]
    recalls = [m.recall for m in ms if m.tp + m.fn > 0]
    p = statistics.fmean(precisions) if precisions else 0.0
    r = statistics.fmean(recalls) if recalls else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": p, "recall": r, "f1": f1, "n": float(len(ms))}
