"""Reading articles from files, folders, JSONL and gzip into RawArticles.

Nothing here raises for a bad input: each rejection is yielded as an
InputRejected instance naming the input (``path`` or ``path:LINE``), so that
one broken file or line never stops a run and the caller can report it.
"""

from __future__ import annotations

import datetime as dt
import errno
import gzip
import json
import os
import stat
import zlib
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import IO, Any, Literal, cast

from sitrep.encoding import (
    SNIFF_BYTES,
    binary_reason,
    decode_bytes,
    decode_cp1252,
    looks_html,
    repair_text,
)
from sitrep.errors import BadRecord, BinaryInput, EmptyInput, InputRejected, OversizedInput
from sitrep.hygiene import clean_field, shown
from sitrep.intake.sniff import sniff
from sitrep.limits import MAX_LINES, MAX_STREAM_BYTES
from sitrep.model import RawArticle
from sitrep.rxfactor import compiled

__all__ = ["DEFAULT_MAX_BYTES", "decode_bytes", "read_jsonl_stream", "read_paths"]

DEFAULT_MAX_BYTES = 20 * 1024 * 1024

Kind = Literal["text", "html", "jsonl"]
_KINDS: dict[str, Kind] = {".txt": "text", ".html": "html", ".htm": "html", ".jsonl": "jsonl"}
_GZIP_MAGIC = b"\x1f\x8b"
_CHUNK = 1 << 16
# Reading errors of a file or of a gzip stream that is cut short or corrupt.
_READ_ERRORS = (OSError, EOFError, zlib.error)

_ISO_EXTENDED = compiled(
    r"(\d{4})(?:-(\d{2})(?:-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?"
    r"(?:Z|[+-]\d{2}(?::?\d{2})?)?)?)?)?"
)
_ISO_BASIC = compiled(
    r"(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})?(?:[.,]\d+)?(?:Z|[+-]\d{2}(?:\d{2})?)?)?"
)


def read_paths(
    paths: Iterable[str | os.PathLike[str]], *, max_bytes: int = DEFAULT_MAX_BYTES, lists: Lists | None = None
) -> Iterator[RawArticle | InputRejected]:
    """Read every article under ``paths`` (files, folders, gzip), in a stable order.

    Rejections (a missing path, a binary or oversized file, a bad JSONL line)
    are yielded, not raised. What a file holds is sniffed from its first bytes: a web
    archive gives its HTML responses; a feed, an OPML or a list of URLs goes to ``lists``
    (which fetches what it lists; without it such a file is named and skipped).
    """
    for given in paths:
        path = Path(given)
        source = shown(given)
        try:
            mode = path.stat().st_mode
        except OSError as exc:
            yield InputRejected(_missing(path, exc), source=source)
            continue
        if stat.S_ISDIR(mode):
            yield from _read_dir(path, max_bytes, lists)
        elif stat.S_ISREG(mode):
            yield from _read_file(path, source, _kind_of(path.name), max_bytes, lists)
        else:
            yield InputRejected(f"is not a regular file ({_file_type(mode)}); skipped", source=source)


def _missing(path: Path, exc: OSError) -> str:
    """Why a path that cannot be stat'ed is not read: missing, a dangling link, a link loop, ..."""
    if exc.errno == errno.ELOOP:
        return "is a symbolic link loop"
    if isinstance(exc, FileNotFoundError):
        return "is a symbolic link to nothing" if path.is_symlink() else "does not exist"
    return f"cannot be read ({exc.strerror or exc})"


def _file_type(mode: int) -> str:
    for test, name in (
        (stat.S_ISFIFO, "a FIFO"), (stat.S_ISSOCK, "a socket"), (stat.S_ISCHR, "a character device"),
        (stat.S_ISBLK, "a block device"),
    ):  # fmt: skip
        if test(mode):
            return name
    return "not a file or folder"


def read_jsonl_stream(
    stream: IO[bytes], source: str, *, max_bytes: int = DEFAULT_MAX_BYTES
) -> Iterator[RawArticle | InputRejected]:
    """Read JSONL records from a byte stream, one line at a time.

    Each broken line is yielded as BadRecord (or OversizedInput) naming
    ``source:LINE``; the following lines are still read. Past ``MAX_LINES`` lines
    (blank ones too) or ``MAX_STREAM_BYTES`` bytes (after decompression) the rest of
    the stream is skipped, saying so: a small gzip of blank lines unpacks to gigabytes.
    """
    lineno = 0
    total = 0
    while True:
        if lineno >= MAX_LINES or total > MAX_STREAM_BYTES:
            what = f"{MAX_LINES:,} lines" if lineno >= MAX_LINES else f"{MAX_STREAM_BYTES:,} bytes"
            yield OversizedInput(f"holds more than {what}; the rest is skipped (split the file)", source=source)
            return
        try:
            line = stream.readline(max_bytes + 1)
        except _READ_ERRORS as exc:
            yield InputRejected(f"cannot be read after line {lineno} ({exc})", source=source)
            return
        if not line:
            return
        lineno += 1
        total += len(line)
        where = f"{source}:{lineno}"
        if len(line) > max_bytes and not line.endswith(b"\n"):
            size = len(line)
            try:
                size += _skip_rest_of_line(stream, MAX_STREAM_BYTES - total)
                total += size - len(line)
            except _READ_ERRORS as exc:
                yield InputRejected(f"cannot be read ({exc})", source=where)
                return
            yield OversizedInput(
                f"line is {size:,} bytes, over the limit of {max_bytes:,} bytes", source=where
            )
            continue
        if lineno == 1 and line.startswith(b"\xef\xbb\xbf"):
            line = line[3:]
        if not line.strip():
            continue
        try:
            yield _parse_record(line, where, max_bytes)
        except InputRejected as exc:
            yield exc


def _skip_rest_of_line(stream: IO[bytes], limit: int = MAX_STREAM_BYTES) -> int:
    skipped = 0
    while skipped <= limit:
        chunk = stream.readline(_CHUNK)
        skipped += len(chunk)
        if not chunk or chunk.endswith(b"\n"):
            return skipped
    return skipped


# Files read for what they hold, not by a fixed kind: archives, feeds and lists.
_SNIFFED = (".warc", ".arc", ".xml", ".rss", ".atom", ".json", ".opml", ".csv")
_LIST_NAMES = {"feed": "feed", "jsonfeed": "JSON Feed", "opml": "feed list (OPML)", "urllist": "list of URLs"}
# What reads a feed, OPML or URL list: (kind, bytes, source) -> the articles it fetches.
Lists = Callable[[str, bytes, str], Iterator[RawArticle | InputRejected]]


def _is_sniffed(name: str) -> bool:
    inner = name[:-3] if name.lower().endswith(".gz") else name
    return inner.lower().endswith(_SNIFFED)


def _kind_of(name: str) -> Kind | None:
    inner = name[:-3] if name.lower().endswith(".gz") else name
    return _KINDS.get(os.path.splitext(inner)[1].lower())


def _walk(directory: Path) -> Iterator[Path | InputRejected]:
    """Files under ``directory`` sorted by path; hidden entries skipped.

    Symlinked folders are not followed, so a link cycle cannot loop forever.
    """
    try:
        entries = sorted(os.scandir(directory), key=lambda e: e.name)
    except OSError as exc:
        yield InputRejected(f"cannot be listed ({exc.strerror or exc})", source=shown(directory))
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        try:
            if entry.is_dir(follow_symlinks=False):
                yield from _walk(Path(entry.path))
                continue
            mode = entry.stat().st_mode  # follows a link to a file, as reading it will
        except OSError as exc:
            if _kind_of(entry.name) is not None:
                yield InputRejected(_missing(Path(entry.path), exc), source=shown(entry.path))
            continue
        if stat.S_ISREG(mode):
            yield Path(entry.path)
        elif not stat.S_ISDIR(mode) and _kind_of(entry.name) is not None:
            # A FIFO named like an article would block the reader forever: named and skipped.
            yield InputRejected(f"is not a regular file ({_file_type(mode)}); skipped", source=shown(entry.path))


def _read_dir(directory: Path, max_bytes: int, lists: Lists | None) -> Iterator[RawArticle | InputRejected]:
    for item in _walk(directory):
        if isinstance(item, InputRejected):
            yield item
            continue
        kind = _kind_of(item.name)
        # Only known article files, archives and lists: a folder of articles also holds images, notes, etc.
        if kind is not None or _is_sniffed(item.name):
            yield from _read_file(item, shown(item), kind, max_bytes, lists)


def _read_file(
    path: Path, source: str, kind: Kind | None, max_bytes: int, lists: Lists | None = None
) -> Iterator[RawArticle | InputRejected]:
    name = shown(path.name)
    article_id = name[:-3] if name.lower().endswith(".gz") else name
    compressed = False
    try:
        with open(path, "rb") as fh:
            compressed = fh.peek(2)[:2] == _GZIP_MAGIC
            reader = gzip.GzipFile(fileobj=fh, mode="rb") if compressed else fh
            stream = cast(IO[bytes], reader)
            head = reader.peek(SNIFF_BYTES)
            sniffed = sniff(head, name) if kind != "html" else "html"
            if sniffed == "warc":
                from sitrep.intake.warc import read_warc

                fh.seek(0)  # warcio reads each record's own gzip member
                yield from read_warc(fh, source, max_bytes=max_bytes)
                return
            if kind == "jsonl" or sniffed == "jsonl":
                yield from _read_jsonl_file(head, stream, source, max_bytes)
                return
            if sniffed in ("feed", "jsonfeed", "opml", "urllist"):
                listed = stream.read(max_bytes + 1)
                if len(listed) > max_bytes:
                    raise OversizedInput(f"is a list over the limit of {max_bytes:,} bytes", source=source)
                if lists is None:
                    raise InputRejected(f"is a {_LIST_NAMES[sniffed]}: `sitrep run` fetches what it lists", source=source)
                yield from lists(sniffed, listed, source)
                return
            if not compressed:
                size = os.fstat(fh.fileno()).st_size
                if size > max_bytes:
                    raise OversizedInput(
                        f"is {size:,} bytes, over the limit of {max_bytes:,} bytes", source=source
                    )
            data = stream.read(max_bytes + 1)
    except InputRejected as exc:
        yield exc
        return
    except _READ_ERRORS as exc:
        what = "is not a readable gzip file" if compressed else "cannot be read"
        yield InputRejected(f"{what} ({getattr(exc, 'strerror', None) or exc})", source=source)
        return
    if len(data) > max_bytes:
        # Decompression stops here, so a gzip bomb costs at most max_bytes of memory.
        how = "decompresses to" if compressed else "is"
        yield OversizedInput(
            f"{how} more than {max_bytes:,} bytes, over the limit of {max_bytes:,} bytes",
            source=source,
        )
        return
    try:
        yield _article_from_bytes(data, article_id, source, kind)
    except InputRejected as exc:
        yield exc


def _read_jsonl_file(
    head: bytes, stream: IO[bytes], source: str, max_bytes: int
) -> Iterator[RawArticle | InputRejected]:
    # Valid JSONL never holds raw NULs or control bytes, so a binary file is
    # rejected once rather than as thousands of "not valid JSON" lines.
    reason = binary_reason(head)
    if reason is not None:
        yield BinaryInput(f"looks binary ({reason})", source=source)
        return
    empty = True
    for result in read_jsonl_stream(stream, source, max_bytes=max_bytes):
        empty = False
        yield result
    if empty:
        yield EmptyInput("holds no JSONL records", source=source)


def _article_from_bytes(data: bytes, article_id: str, source: str, kind: Kind | None) -> RawArticle:
    # Files named with an extension we do not know (only ever given explicitly) are sniffed.
    is_html = kind == "html" if kind is not None else looks_html(data)
    text = decode_bytes(data, source, html=is_html)
    if is_html:
        return RawArticle(id=article_id, source=source, html=text)
    return RawArticle(id=article_id, source=source, text=text)


def _parse_record(line: bytes, where: str, max_bytes: int) -> RawArticle:
    try:
        decoded = line.decode("utf-8")
    except UnicodeDecodeError:
        # JSON's syntax is ASCII, so a legacy Western file still parses; its
        # strings get the same mojibake repair as everything else.
        decoded = decode_cp1252(line)
    try:
        record = json.loads(decoded)
    except json.JSONDecodeError as exc:
        raise BadRecord(f"not valid JSON ({exc.msg} at column {exc.colno})", source=where) from None
    except RecursionError:
        raise BadRecord("not valid JSON (nested too deeply)", source=where) from None
    if not isinstance(record, dict):
        raise BadRecord(f"not a JSON object (got {_json_type(record)})", source=where)
    article_id = _record_id(record, where)
    text = _optional_str(record, "text", where)
    html = _optional_str(record, "html", where)
    if text is None and html is None:
        raise BadRecord("has neither 'text' nor 'html'", source=where)
    # With both given, the text wins: it is what --assume-clean takes as the body.
    field, content = ("text", text) if text and text.strip() else ("html", html)
    if not content or not content.strip():
        raise BadRecord(f"'{field}' is empty", source=where)
    size = len(content.encode("utf-8", "surrogatepass"))
    if size > max_bytes:
        raise OversizedInput(
            f"'{field}' is {size:,} bytes, over the limit of {max_bytes:,} bytes", source=where
        )
    published = _optional_str(record, "published", where) or None
    if published is not None and not is_iso_date(published):
        raise BadRecord(f"published is not an ISO 8601 date: {published!r}", source=where)
    title = _optional_str(record, "title", where)
    return RawArticle(
        id=article_id,
        source=where,
        text=repair_text(content) if field == "text" else None,
        html=repair_text(content) if field == "html" else None,
        url=_optional_str(record, "url", where) or None,
        outlet=_optional_str(record, "outlet", where) or None,
        published=published,
        title=repair_text(title) if title else None,
    )


def _record_id(record: dict[str, Any], where: str) -> str:
    if "id" not in record or record["id"] is None:
        raise BadRecord("has no 'id'", source=where)
    value = record["id"]
    # bool is an int in Python but never a meaningful id.
    if isinstance(value, bool) or not isinstance(value, str | int):
        raise BadRecord(f"'id' must be a string or integer, got {_json_type(value)}", source=where)
    # Control and bidi characters go: an id is shown alone, where "evil\u202egpj.exe" spoofs.
    article_id = clean_field(str(value)) or ""
    if not article_id:
        raise BadRecord("'id' is empty", source=where)
    return article_id


def _optional_str(record: dict[str, Any], key: str, where: str) -> str | None:
    value = record.get(key)
    if value is None or isinstance(value, str):
        return value
    raise BadRecord(f"'{key}' must be a string, got {_json_type(value)}", source=where)


def _json_type(value: object) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int | float):
        return "number"
    if isinstance(value, str):
        return "string"
    return "array" if isinstance(value, list) else "object"


def is_iso_date(value: str) -> bool:
    """A calendar date (year, year-month, or full date, optionally with a time)."""
    value = value.strip()
    match = _ISO_EXTENDED.fullmatch(value) or _ISO_BASIC.fullmatch(value)
    if match is None:
        return False
    year, month, day, hour, minute, second = (int(g or 0) for g in match.groups())
    try:
        dt.date(year, month or 1, day or 1)
        # A leap second (":60") is valid ISO 8601 but not a valid datetime.time.
        dt.time(hour, minute, min(second, 59))
    except ValueError:
        return False
    return True
