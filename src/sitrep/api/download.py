"""``/api/export``: the events of a filter as a download, in ``sitrep export``'s formats.

The text comes from the writers of ``sitrep export --what events`` (``sitrep.export.event_text``),
so a column can never differ between the two, and the filter is ``/api/events``'s own
dependency, so their parameters cannot drift apart. The body is streamed in chunks of
about 64 KB from a connection of its own, inside one read transaction: the counts in the
headers and the rows are one snapshot, whatever ``sitrep run`` commits meanwhile. At most
``MAX_EXPORT`` events go out; ``X-Sitrep-Truncated: true`` says the filter matched more.
"""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Generator, Iterator
from typing import Any, Literal

from fastapi.responses import StreamingResponse
from starlette.types import Send

from sitrep.api import models as m
from sitrep.api import queries as q
from sitrep.export import event_text
from sitrep.store import consolidated as sql

# A cap, not a page: what one download holds (about 100-200 MB of GeoJSON at most).
MAX_EXPORT = 100_000
CHUNK = 64 * 1024  # characters per chunk sent: a line per send would cost a thread hop each

ExportFormat = Literal["csv", "acled", "geojson"]
CSV_TYPE = "text/csv; charset=utf-8"
GEOJSON_TYPE = "application/geo+json"
# format -> (media type, file name extension)
FORMATS: dict[str, tuple[str, str]] = {
    "csv": (CSV_TYPE, "csv"),
    "acled": (CSV_TYPE, "acled.csv"),
    "geojson": (GEOJSON_TYPE, "geojson"),
}
HEADERS = {
    "Content-Disposition": "attachment; filename=sitrep-events.<csv|acled.csv|geojson>",
    "X-Sitrep-Total": "how many events match the filter",
    "X-Sitrep-Truncated": "true when more events match than the file holds (limit, at most 100,000)",
}

# What OpenAPI says /api/export answers: a file in one of three media types, or the error shape.
RESPONSES: dict[int | str, dict[str, Any]] = {
    200: {
        "description": "The matching events as a file (earliest first): csv (`sitrep export --format csv`"
        " columns), acled (ACLED's columns; events without an ACLED type are left out) or GeoJSON"
        " (a FeatureCollection of points, null geometry where unplaced).",
        "content": {
            "text/csv": {"schema": {"type": "string", "description": "a header line, then a line per event"}},
            GEOJSON_TYPE: {"schema": {"type": "object", "description": "a GeoJSON FeatureCollection"}},
        },
        "headers": {name: {"description": text, "schema": {"type": "string"}} for name, text in HEADERS.items()},
    },
    **m.ERRORS,
}


class _Download(StreamingResponse):
    """A streamed response that closes its source however the stream ends.

    When the client goes away mid-file, Starlette drops the iterator without closing it;
    left to the garbage collector, its connection would hold a read transaction open (and
    the WAL unable to checkpoint) for an unknown while.
    """

    def __init__(self, source: Generator[bytes, None, None], **kwargs: Any) -> None:
        """Stream ``source`` (each step in a worker thread)."""
        super().__init__(source, **kwargs)
        self.source = source

    async def stream_response(self, send: Send) -> None:
        """Send the chunks; close the source after, sent or not."""
        try:
            await super().stream_response(send)
        finally:
            # No step runs now: a cancelled worker-thread step is waited for, not abandoned.
            with contextlib.suppress(ValueError):  # "generator already executing", to be safe
                self.source.close()


def _chunks(pieces: Iterator[str], conn: sqlite3.Connection) -> Generator[bytes, None, None]:
    """The pieces joined into chunks of about ``CHUNK`` characters; the connection closed at the end.

    A sync generator: Starlette runs each step in a worker thread, so a long export never
    holds the event loop, and other requests are answered between its chunks.
    """
    try:
        buf: list[str] = []
        size = 0
        for piece in pieces:
            buf.append(piece)
            size += len(piece)
            if size >= CHUNK:
                yield "".join(buf).encode()
                buf, size = [], 0
        yield "".join(buf).encode()
    finally:
        conn.close()  # also when the client went away (_Download closes the generator then)


def export_response(reader: q.Reader, f: q.EventFilter, fmt: str, limit: int) -> StreamingResponse:
    """The events matching ``f`` (at most ``limit``) as a streamed download in ``fmt``."""
    media_type, ext = FORMATS[fmt]
    conn = reader.open()
    try:
        conn.execute("BEGIN")  # one snapshot for the count, the outlets and the rows (WAL)
        events, total = q.export_events(conn, f, limit)
        outlets = sql.outlets(conn) if fmt == "acled" else None
        pieces = event_text(events, fmt, outlets=outlets)
    except BaseException:
        conn.close()
        raise
    headers = {
        "Content-Disposition": f"attachment; filename=sitrep-events.{ext}",
        "X-Sitrep-Total": str(total),
        "X-Sitrep-Truncated": "true" if total > limit else "false",
        # A download is a copy of one moment: a cache must not answer for a later one.
        "Cache-Control": "no-store",
    }
    return _Download(_chunks(pieces, conn), media_type=media_type, headers=headers)
