"""What every bench script needs: the shared eval data, a repeat option, best-of-N timing."""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from pathlib import Path

SHARED = Path(__file__).resolve().parents[1].parent / "shared"


def timed(fn: Callable[[], object], repeat: int) -> float:
    """Best wall time of ``repeat`` runs of ``fn`` (the least disturbed run)."""
    best = float("inf")
    for _ in range(max(1, repeat)):
        t = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t)
    return best


def parse_repeat(doc: str | None, default: int = 3) -> int:
    """The ``--repeat N`` option every bench script takes."""
    ap = argparse.ArgumentParser(description=doc)
    ap.add_argument("--repeat", type=int, default=default, help="timed passes; the best counts")
    return int(ap.parse_args().repeat)


def eval_file(name: str) -> Path | None:
    """``../shared/eval/NAME``, or None after saying on stderr that it is absent."""
    path = SHARED / "eval" / name
    if not path.exists():
        print(f"{path} is absent: the benchmark reads the shared eval data", file=sys.stderr)
        return None
    return path
