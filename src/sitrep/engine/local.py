"""The local engine: the declared stages over a stream of articles, in one process or a pool.

Results come back in input order whatever the number of workers, so a run's output
does not depend on it. An exception in a stage sets that one article aside as a
``StageFailed`` naming the stage and the reason (datatrove's habit); the others go on.
With workers, at most a few batches are in flight, so memory stays flat however long
the stream.
"""

from __future__ import annotations

import logging
import multiprocessing as mp
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from itertools import islice
from typing import Any

from sitrep.engine.budget import OverBudget, budget
from sitrep.engine.heap import trim
from sitrep.engine.stages import Context, Stage
from sitrep.errors import InputRejected, StageFailed
from sitrep.model import Article, RawArticle

log = logging.getLogger(__name__)

# Articles sent to a worker at a time: enough to pay for the trip, few enough to keep order cheap.
CHUNK = 8


def process(item: Any, stages: Sequence[Stage], ctx: Context) -> Article | InputRejected:
    """One article through ``stages``; a stage's exception becomes the article's rejection
    (an item set aside before comes through as it is)."""
    if isinstance(item, InputRejected):
        return item
    source = getattr(item, "source", None) or getattr(item, "id", "?")
    stage = stages[0] if stages else None
    try:
        with budget(ctx.budget):
            for stage in stages:
                try:
                    if ctx.fail_on is not None and ctx.fail_on == (stage.name, getattr(item, "id", None)):
                        raise RuntimeError(f"SITREP_TEST_RAISE asked {stage.name} to fail here")
                    item = stage.run(item, ctx)
                except InputRejected as err:
                    if not isinstance(err, StageFailed):
                        err.stage = stage.name
                    return err
                except Exception as err:  # any bug in a stage is one article's, not the run's
                    log.debug("stage %s failed on %s", stage.name, source, exc_info=True)
                    return StageFailed(f"{stage.name} failed: {type(err).__name__}: {err}", source=source, stage=stage.name)
    except OverBudget:
        name = stage.name if stage is not None else "?"
        return StageFailed(
            f"{name} took longer than the article time limit of {ctx.budget:g} s of CPU (--article-timeout)",
            source=source, stage=name,
        )  # fmt: skip
    return item  # type: ignore[no-any-return]


_WORKER: tuple[Sequence[Stage], Context] | None = None


def _init(stages: Sequence[Stage], ctx: Context) -> None:
    global _WORKER
    _WORKER = (stages, ctx)


_DONE = [0]
# A worker gives its freed heap back every this many chunks (``engine.heap``).
TRIM_EVERY = 16


def _work(chunk: list[Any]) -> list[Article | InputRejected]:
    assert _WORKER is not None
    stages, ctx = _WORKER
    out = [process(item, stages, ctx) for item in chunk]
    _DONE[0] += 1
    if _DONE[0] % TRIM_EVERY == 0:
        trim()
    return out


def _chunks(items: Iterable[Any], size: int) -> Iterator[list[Any]]:
    it = iter(items)
    while chunk := list(islice(it, size)):
        yield chunk


class Engine:
    """Runs per-article stages with ``workers`` processes (1: in this process)."""

    def __init__(self, workers: int = 1, *, ahead: int = 0) -> None:
        self.workers = max(1, workers)
        # Articles the workers may run ahead of the reader: at least a stored batch, so that
        # they keep going while the writer stores and links one.
        self.ahead = max(ahead, 4 * CHUNK * self.workers)

    def map(self, items: Iterable[Any], stages: Sequence[Stage], ctx: Context) -> Iterator[Article | InputRejected]:
        """Each item through the stages, results in input order."""
        if self.workers == 1:
            for item in items:
                yield process(item, stages, ctx)
            return
        # fork shares the loaded gazetteer (memory-mapped) and lexicons with the workers.
        method = "fork" if "fork" in mp.get_all_start_methods() else "spawn"
        with mp.get_context(method).Pool(self.workers, initializer=_init, initargs=(tuple(stages), ctx)) as pool:
            pending: deque[Any] = deque()
            window = -(-self.ahead // CHUNK)
            for chunk in _chunks(items, CHUNK):
                pending.append(pool.apply_async(_work, (chunk,)))
                while len(pending) >= window:
                    yield from pending.popleft().get()
            while pending:
                yield from pending.popleft().get()


__all__ = ["CHUNK", "Engine", "RawArticle", "process"]
