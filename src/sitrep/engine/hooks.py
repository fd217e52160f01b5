"""Test hooks that make a real run fail where a test needs it to, set by environment variables.

``SITREP_TEST_KILL=point:n`` kills the process with SIGKILL (no cleanup, as ``kill -9``) the
n-th time it passes ``point`` (``stored`` after a batch commits, ``linking`` inside a batch's
transaction, ``consolidating`` inside the consolidation's), so that the crash-and-rerun path
is tested on real runs at known places. Unset, a checkpoint costs one dict lookup.
"""

from __future__ import annotations

import os
import signal
from collections import Counter

_PASSED: Counter[str] = Counter()


def _target() -> tuple[str, int] | None:
    point, _, n = os.environ.get("SITREP_TEST_KILL", "").partition(":")
    return (point, int(n) if n.isdigit() else 1) if point else None


def checkpoint(point: str) -> None:
    """Pass the named point; die here if SITREP_TEST_KILL asks for it."""
    target = _target()
    if target is None or target[0] != point:
        return
    _PASSED[point] += 1
    if _PASSED[point] >= target[1]:
        os.kill(os.getpid(), signal.SIGKILL)
