"""A progress display for long runs: articles done, articles/s, and how many were set aside.

Shown on a terminal only (tqdm on stderr); quiet when stderr is a pipe or a file, or
when asked, so that logs and scripts see only the final line.
"""

from __future__ import annotations

import shutil
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any


@contextmanager
def bar(*, enabled: bool = True) -> Iterator[Callable[[Any], None]]:
    """A callback for ``pipeline.run``'s ``on_batch``: updates a bar, or does nothing."""
    if not enabled or not sys.stderr.isatty():
        yield lambda _progress: None
        return
    from tqdm import tqdm

    # A terminal that reports no size (a pty under `script`) would hide the bar: assume one.
    size = shutil.get_terminal_size((100, 20))
    with tqdm(
        unit=" articles", file=sys.stderr, ncols=size.columns or 100, nrows=size.lines or 20, smoothing=0.1
    ) as shown:

        def update(progress: Any) -> None:
            shown.update(progress.done - shown.n)
            shown.set_postfix(set_aside=progress.set_aside, refresh=False)

        yield update
