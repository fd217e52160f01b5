"""Intake: every kind of input a run takes, as one stream of raw articles and rejections.

Files and folders (``sitrep.ingest``: text, HTML, JSONL, gzip; web archives, feeds and URL
lists sniffed from their content), URLs (fetched; a feed's items followed), and ``-`` for
JSONL on stdin.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator

from sitrep.errors import InputRejected
from sitrep.ingest import read_jsonl_stream, read_paths
from sitrep.intake.urls import is_url
from sitrep.intake.web import Web
from sitrep.model import RawArticle

__all__ = ["read_inputs"]


def read_inputs(paths: Iterable[str], *, max_bytes: int, web: Web) -> Iterator[RawArticle | InputRejected]:
    """Each input in the order given; consecutive URLs are fetched together (concurrently)."""
    urls: list[str] = []
    for given in paths:
        if is_url(given):
            urls.append(given.strip())
            continue
        if urls:
            yield from web.urls(urls)
            urls = []
        if given == "-":
            yield from read_jsonl_stream(sys.stdin.buffer, "<stdin>", max_bytes=max_bytes)
        else:
            yield from read_paths([given], max_bytes=max_bytes, lists=web.lists)
    if urls:
        yield from web.urls(urls)
