"""Size limits on a request's head, answered in the API's error shape at every layer.

A request whose target (path and query) is over ``MAX_TARGET`` bytes is a 414, one whose
header lines are over ``MAX_HEADERS`` bytes a 431, both as ``{"error": ...}`` JSON with the
security headers. Two layers enforce them:

* ``RequestLimits``, an ASGI middleware in the app: whatever server runs the app, a head
  that reached it whole is checked there.
* The HTTP protocol classes here, for ``sitrep serve`` to hand to uvicorn
  (``uvicorn_options()``): they stop reading a head as soon as it passes the limits, so a
  50 MB header is never buffered, and they answer what the parser itself rejects (a
  malformed request line, a header with a control character, a target over 64 KB that
  httptools cannot parse) in the same JSON shape instead of uvicorn's plain-text 400.

These subclass uvicorn's own protocols and override their hooks (``on_url``,
``on_header``, ``send_400_response``: uvicorn internals, not a documented API); a test
drives each one over a socket, so an uvicorn upgrade that moves them fails there.

What stays the server's alone: under plain uvicorn (without ``uvicorn_options()``)
httptools buffers a head of any size and answers a target over 64 KB, or any head it
cannot parse, with its own plain-text 400 (no JSON, no security headers) before the app
is called. Under ``LimitedH11`` a head that arrives complete in one read is parsed whole
(h11 bounds only an incomplete one) and then refused by ``RequestLimits``. A client that
sends its head slowly is only cut off by the operating system; uvicorn has no head timeout.
"""

from __future__ import annotations

import asyncio
import sys
from http import HTTPStatus
from typing import Any

import h11
from starlette.types import ASGIApp, Receive, Scope, Send
from uvicorn.protocols.http.h11_impl import H11Protocol

from sitrep.api.shape import SECURITY_HEADERS, error_bytes, error_response

MAX_TARGET = 8 * 1024  # path and query as sent (percent-encoded); ids are short, filters shorter
MAX_HEADERS = 16 * 1024  # all header lines, "name: value\r\n" each
# The whole head (request line and headers) a protocol buffers before it gives up.
MAX_HEAD = MAX_TARGET + MAX_HEADERS + 1024

_TARGET = (414, f"the request target (path and query) is over {MAX_TARGET} bytes")
_HEADERS = (431, f"the request headers are over {MAX_HEADERS} bytes")
_HEAD = (431, f"the request line and headers are over {MAX_HEAD} bytes")
_INVALID = (400, "invalid HTTP request: its request line or a header cannot be parsed")


def over_limits(scope: Scope) -> tuple[int, str] | None:
    """The (status, message) a request head that reached the app is refused with, or None."""
    path = scope.get("raw_path") or scope["path"].encode()
    if len(path) + 1 + len(scope.get("query_string", b"")) > MAX_TARGET:
        return _TARGET
    if sum(len(name) + len(value) + 4 for name, value in scope["headers"]) > MAX_HEADERS:
        return _HEADERS
    return None


class RequestLimits:
    """Refuse an oversized request head with a JSON 414 or 431 before any route sees it."""

    def __init__(self, app: ASGIApp) -> None:
        """Wrap ``app``."""
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Answer the refusal, or pass the request on."""
        refusal = over_limits(scope) if scope["type"] == "http" else None
        if refusal is not None:
            response = error_response(*refusal)
            response.headers["connection"] = "close"  # uvicorn then ends the connection
            await response(scope, receive, send)
            return
        await self.app(scope, receive, send)


def _refusal_bytes(status: int, message: str, default_headers: list[tuple[bytes, bytes]]) -> bytes:
    """A whole HTTP/1.1 error response that closes the connection, in the API's shape."""
    body = error_bytes(status, message)
    headers = [
        *default_headers,  # uvicorn's Server and Date, as on every other answer
        (b"content-type", b"application/json"),
        (b"content-length", str(len(body)).encode()),
        (b"connection", b"close"),
        *SECURITY_HEADERS,
    ]
    head = f"HTTP/1.1 {status} {HTTPStatus(status).phrase}\r\n".encode()
    return head + b"".join(k + b": " + v + b"\r\n" for k, v in headers) + b"\r\n" + body


LINGER_SECONDS = 2.0
LINGER_BYTES = 1 << 20


class _Refusal:
    """One refusal per connection, then a lingering close.

    Closing a socket while the client is still sending (the rest of a 50 MB header) makes
    the kernel reset the connection, and a reset can drop our answer before the client
    reads it. So the answer goes out, then our side half-closes and what still arrives
    is dropped unread, until the client closes, 2 s pass or 1 MB more came.
    """

    def __init__(self) -> None:
        """Nothing refused yet."""
        self.sent = False
        self.dropped = 0

    def send(self, protocol: Any, status: int, message: str) -> None:
        """Answer ``status`` in the API's shape (once) on ``protocol``'s connection, then half-close."""
        if self.sent:
            return
        self.sent = True
        transport: asyncio.Transport = protocol.transport
        transport.write(_refusal_bytes(status, message, protocol.server_state.default_headers))
        # An earlier pipelined request still answering would write after the half-close (an
        # error): close at once then, as uvicorn does.
        busy = protocol.cycle is not None and not protocol.cycle.response_complete
        if transport.can_write_eof() and not busy:
            transport.write_eof()
            asyncio.get_running_loop().call_later(LINGER_SECONDS, transport.close)
        else:
            transport.close()

    def drop(self, data: bytes, transport: asyncio.Transport) -> bool:
        """Whether ``data`` came after the refusal (then it is dropped)."""
        if not self.sent:
            return False
        self.dropped += len(data)
        if self.dropped > LINGER_BYTES:
            transport.close()
        return True


class _Refused(Exception):
    """Raised inside a parser callback to stop parsing a head that is over a limit."""


class LimitedH11(H11Protocol):
    """uvicorn's h11 protocol whose parse failures answer in the API's JSON shape.

    h11 itself bounds the head (``h11_max_incomplete_event_size``, set by ``uvicorn_options``)
    and then raises an error hinting 431; uvicorn turns every parse error into
    ``send_400_response``, called while that error is being handled.
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        """As uvicorn's, plus the connection's refusal."""
        super().__init__(*args, **kwargs)
        self._refused = _Refusal()

    def data_received(self, data: bytes) -> None:
        """Feed h11, unless the connection was refused already."""
        if not self._refused.drop(data, self.transport):
            super().data_received(data)

    def send_400_response(self, msg: str) -> None:
        """Answer a request h11 could not parse (or would not buffer)."""
        exc = sys.exception()
        too_large = isinstance(exc, h11.RemoteProtocolError) and exc.error_status_hint == 431
        status, message = _HEAD if too_large else _INVALID
        self._refused.send(self, status, message)


try:
    from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol
except ImportError:  # no httptools: uvicorn_options() picks LimitedH11
    HttpToolsProtocol = None  # type: ignore[assignment, misc]

if HttpToolsProtocol is not None:

    class LimitedHttpTools(HttpToolsProtocol):
        """uvicorn's httptools protocol with head limits and parse failures in the API's shape.

        httptools has no size limit of its own (it keeps appending to the URL and to a header
        value), so the bytes of each head are counted as they arrive.
        """

        def __init__(self, *args: Any, **kwargs: Any) -> None:
            """As uvicorn's, plus the counts of the head being read."""
            super().__init__(*args, **kwargs)
            self._refused = _Refusal()
            self._limit: tuple[int, str] | None = None  # the limit a parser callback hit
            self._head_bytes = 0  # received since the last head ended (a body is not counted)
            self._header_bytes = 0
            self._in_body = False

        def data_received(self, data: bytes) -> None:
            """Feed the parser; refuse a head that is still incomplete past ``MAX_HEAD``."""
            if self._refused.drop(data, self.transport):
                return
            if not self._in_body:
                self._head_bytes += len(data)
            super().data_received(data)
            if not self._in_body and self._head_bytes > MAX_HEAD:
                self._refuse(*(_TARGET if len(self.url) > MAX_TARGET else _HEAD))

        def on_message_begin(self) -> None:
            """A new request: nothing of it counted yet."""
            super().on_message_begin()
            self._limit, self._header_bytes = None, 0

        def on_url(self, url: bytes) -> None:
            """Collect the target (it arrives in pieces); stop at ``MAX_TARGET``."""
            super().on_url(url)
            if len(self.url) > MAX_TARGET:
                # Before httptools.parse_url, which fails on targets over 64 KB with a plain 400.
                self._limit = _TARGET
                raise _Refused

        def on_header(self, name: bytes, value: bytes) -> None:
            """Collect one header; stop once all of them pass ``MAX_HEADERS``."""
            self._header_bytes += len(name) + len(value) + 4
            if self._header_bytes > MAX_HEADERS:
                self._limit = _HEADERS
                raise _Refused
            super().on_header(name, value)

        def on_headers_complete(self) -> None:
            """The head is whole: what follows is its body, not counted."""
            self._in_body, self._head_bytes = True, 0
            super().on_headers_complete()

        def on_message_complete(self) -> None:
            """The request is whole: the next bytes start another head."""
            super().on_message_complete()
            self._in_body, self._head_bytes = False, 0

        def send_400_response(self, msg: str) -> None:
            """Called by uvicorn on any parse failure, ours (a limit) included."""
            self._refuse(*(self._limit or _INVALID))

        def _refuse(self, status: int, message: str) -> None:
            self._refused.send(self, status, message)


def uvicorn_options() -> dict[str, Any]:
    """Keyword arguments for ``uvicorn.run`` / ``uvicorn.Config`` that enforce the head limits.

    The protocol is named by import string so that ``--workers`` processes load it too.
    WebSockets are off: the API has none, and an upgrade request is then answered as the
    plain GET it also is (in the API's shape), not by uvicorn's own handshake refusal.
    """
    http = "LimitedHttpTools" if HttpToolsProtocol is not None else "LimitedH11"
    return {"http": f"sitrep.api.limits:{http}", "h11_max_incomplete_event_size": MAX_HEAD, "ws": "none"}
