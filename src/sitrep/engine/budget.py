"""A per-article time budget: a stage that runs past it sets the article aside, the run goes on.

The budget is CPU time (ITIMER_PROF, SIGPROF), not wall time: on a machine busy with other
work an article takes longer by the clock but not by the CPU, and a budget by the clock set
legitimate articles aside at random (one of 11 kill trials on a loaded machine lost one that
way). The signal interrupts pure-Python work at the next bytecode, so a quadratic loop over a
5 MB one-line article stops on time. It only exists in a process's main thread on POSIX; the
engine's workers and a one-process run both run stages there. Elsewhere no budget applies.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType


class OverBudget(BaseException):
    """Raised inside a stage when the article's time is up.

    A BaseException, so that a stage's broad ``except Exception`` (trafilatura's many
    error types) cannot swallow it.
    """


def _raise(signum: int, frame: FrameType | None) -> None:
    raise OverBudget


@contextmanager
def budget(seconds: float | None) -> Iterator[None]:
    """Raise ``OverBudget`` in the body once it has used ``seconds`` of CPU time (no-op where not possible)."""
    if not seconds or seconds <= 0 or not hasattr(signal, "setitimer") or threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGPROF, _raise)
    signal.setitimer(signal.ITIMER_PROF, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_PROF, 0)
        signal.signal(signal.SIGPROF, previous)
