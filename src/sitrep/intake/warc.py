"""Web archives (WARC and ARC, gzip or not): their HTML responses as articles.

Each ``response`` record with an HTML body becomes one article whose id and URL are the
record's target URI (canonical form) and whose fallback date is the capture's; requests,
metadata, redirects and non-HTML bodies are skipped silently (a CC-NEWS file is mostly
those), bodies over the size cap and undecodable ones are named.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import IO

from sitrep.encoding import decode_bytes
from sitrep.errors import InputRejected, OversizedInput
from sitrep.intake.urls import canonical
from sitrep.model import RawArticle


def read_warc(stream: IO[bytes], source: str, *, max_bytes: int) -> Iterator[RawArticle | InputRejected]:
    """The HTML responses of a WARC/ARC stream, in file order."""
    from warcio.archiveiterator import ArchiveIterator  # loads only when an archive comes
    from warcio.exceptions import ArchiveLoadFailed

    n = 0
    try:
        for record in ArchiveIterator(stream, arc2warc=True):
            if record.rec_type != "response" or record.http_headers is None:
                continue
            n += 1
            url = record.rec_headers.get_header("WARC-Target-URI") or ""
            where = f"{source}#{n} {url}"
            status = record.http_headers.get_statuscode() or ""
            ctype = (record.http_headers.get_header("Content-Type") or "").lower()
            if not status.startswith("2") or ("html" not in ctype and ctype):
                continue
            body = record.content_stream().read(max_bytes + 1)
            if len(body) > max_bytes:
                yield OversizedInput(f"response is over the limit of {max_bytes:,} bytes", source=where)
                continue
            try:
                html = decode_bytes(body, where, html=True)
            except InputRejected as exc:
                yield exc
                continue
            date = record.rec_headers.get_header("WARC-Date")
            yield RawArticle(id=canonical(url), source=where, html=html, url=url, published=(date or "")[:10] or None)
    except (ArchiveLoadFailed, OSError, EOFError, ValueError) as exc:
        yield InputRejected(f"is not a readable web archive after {n} responses ({exc})", source=source)
