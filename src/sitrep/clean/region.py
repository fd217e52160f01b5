"""Find the article's body among the lines of a page.

A small logistic model (weights in ``data/models/region_lr.json``, fitted by
``bench/tune_text.py``) gives every line the log-odds that it is body text,
from its own features and its neighbours'. The body is then the run of lines
with the largest total log-odds (a maximum-subarray pass, as in "body text
extraction"), so a subheading or a list inside an article stays when prose
surrounds it, and teasers and comment threads outside the run go; inside the
run, lines the model is sure are furniture still go.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from functools import lru_cache
from importlib import resources

import numpy as np

from sitrep.clean.lines import Line
from sitrep.clean.region_features import (
    FEATURE_NAMES,
    STAGE2_NAMES,
    best_run,
    comments_start,
    context_features,
    line_features,
)

__all__ = ["best_run", "body_mask", "log_odds", "smooth_mask"]


_Stage = tuple[np.ndarray, float]
# Up to this many lines, a text is read whole when the model finds no body in it.
SHORT_TEXT = 2


@lru_cache(maxsize=1)
def _model() -> tuple[_Stage, _Stage]:
    path = resources.files("sitrep") / "data" / "models" / "region_lr.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    if tuple(data["features"]) != FEATURE_NAMES or tuple(data["stage2_features"]) != STAGE2_NAMES:
        # Weights fitted on another feature set would score nonsense: fail loudly.
        raise RuntimeError("region_lr.json does not match region_features; rerun tune_text.py")
    return (
        (np.array(data["weights"], dtype=float), float(data["intercept"])),
        (np.array(data["stage2_weights"], dtype=float), float(data["stage2_intercept"])),
    )


def _apply(stage: _Stage, rows: np.ndarray) -> list[float]:
    weights, intercept = stage
    return (rows @ weights + intercept).tolist()  # type: ignore[no-any-return]


def log_odds(lines: Sequence[Line], title: str | None = None) -> list[float]:
    """Per line, the model's log-odds that it is article body text.

    Two stacked logistic models: the first reads each line and its close
    neighbours, the second the first one's verdicts across the page.
    """
    first, second = _model()
    scores = _apply(first, line_features(lines, title))
    return _apply(second, context_features(lines, scores))


def smooth_mask(
    lines: Sequence[Line],
    scores: Sequence[float],
    *,
    bias: float = 0.5,
    clip: float = 4.0,
    drop: float = -3.0,
) -> list[bool]:
    """Keep the best-scoring run of lines, less chrome and lines scored below ``drop``.

    ``clip`` bounds each line's say, so one long teaser cannot drag the run
    across a gap of furniture; ``bias`` shifts how eager the run is to grow.
    """
    values = [max(-clip, min(clip, s + bias)) for s in scores]
    # A page without a single sentence (a menu, a link list) has no article body.
    if not values or max(values) <= 0 or not any(ln.sentence_like for ln in lines):
        return [False] * len(lines)
    start, end = best_run(values)
    cut = comments_start(lines)
    if cut is not None and start > cut:
        # The best run is a comment thread: a long one outweighs a short post,
        # but the article is whatever scores best before the thread opens.
        a, b = best_run(values[:cut])
        if sum(values[a:b]) > 0:
            start, end = a, b
    return [start <= i < end and not ln.chrome and scores[i] > drop for i, ln in enumerate(lines)]


def body_mask(lines: Sequence[Line], *, title: str | None = None) -> list[bool]:
    """For each line, whether it belongs to the article body (chrome lines are False)."""
    mask = smooth_mask(lines, log_odds(lines, title))
    if len(lines) <= SHORT_TEXT:
        # A text of a line or two (a feed item, a story pasted as one line) has no page
        # around it for the model to weigh it against: its prose is the body.
        mask = [m or (ln.words >= 25 and ln.stop_ratio >= 0.15 and not ln.chrome) for m, ln in zip(mask, lines, strict=True)]
    return mask
