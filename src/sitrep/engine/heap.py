"""Give freed heap memory back to the system between batches.

CPython frees objects to glibc's malloc, which keeps the pages for reuse: after a batch of
big texts and their events the process holds some 100 MB it no longer uses, and its resident
size grows with the corpus though nothing is kept. ``malloc_trim`` returns those pages
(measured: peak 477 -> 411 MB on 10,000 articles, the same speed). A no-op where the C
library has no such call (macOS, musl).
"""

from __future__ import annotations

import ctypes
import ctypes.util
from collections.abc import Callable
from functools import lru_cache


@lru_cache(maxsize=1)
def _malloc_trim() -> Callable[[int], int] | None:
    name = ctypes.util.find_library("c")
    if not name:
        return None
    try:
        fn = ctypes.CDLL(name).malloc_trim
    except (OSError, AttributeError):
        return None
    fn.argtypes, fn.restype = [ctypes.c_size_t], ctypes.c_int
    return fn


def trim() -> bool:
    """Return the heap's free pages to the system; whether the C library could."""
    fn = _malloc_trim()
    if fn is None:
        return False
    fn(0)
    return True
