"""What every answer of ``sitrep serve`` carries: the one error shape and the security headers.

Shared by the app (its exception handlers and middleware) and by the HTTP protocol in
``sitrep.api.limits``, which answers requests too malformed or too large to reach the app:
both say the same thing in the same shape.
"""

from __future__ import annotations

import json

from fastapi.responses import JSONResponse
from starlette.types import ASGIApp, Message, Receive, Scope, Send

CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'"
CODES = {
    400: "bad_request",
    404: "not_found",
    405: "method_not_allowed",
    414: "uri_too_long",
    422: "invalid_parameter",
    431: "headers_too_large",
    500: "internal_error",
}
SECURITY_HEADERS = (
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"cross-origin-resource-policy", b"same-origin"),
)


def error_document(status: int, message: str) -> dict[str, dict[str, object]]:
    """``{"error": {"status", "code", "message"}}``: the body of every error answer."""
    return {"error": {"status": status, "code": CODES.get(status, "error"), "message": message}}


def error_bytes(status: int, message: str) -> bytes:
    """The error body as compact JSON bytes, byte for byte what ``error_response`` sends."""
    return json.dumps(error_document(status, message), separators=(",", ":")).encode()


def error_response(status: int, message: str) -> JSONResponse:
    """An error answer in the one shape (the security headers are added on the way out)."""
    return JSONResponse(error_document(status, message), status_code=status)


class SecurityHeaders:
    """Security headers on every response (a plain ASGI middleware: no per-request task).

    It wraps the whole app, outside Starlette's server-error middleware, so a 500 carries
    them too.
    """

    def __init__(self, app: ASGIApp) -> None:
        """Wrap ``app``."""
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Pass the request on; add the headers to the response's start."""
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = [*message.get("headers", []), *SECURITY_HEADERS]
            await send(message)

        await self.app(scope, receive, with_headers)
