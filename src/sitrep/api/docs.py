"""``/docs``: Swagger UI over the app's OpenAPI description, from files the package ships.

FastAPI's stock page loads Swagger UI from a CDN and starts it with an inline script; the
app's Content-Security-Policy (``script-src 'self'``) refuses both, and nothing may leave
the machine anyway. This page names same-origin files only: Swagger UI's dist (vendored in
``static/swagger-ui/``, Apache-2.0, see ``static/README.md``) and ``static/docs.js``,
which starts it. The CSP stays as strict as on every other answer.
"""

from __future__ import annotations

import html
from pathlib import Path

from fastapi import FastAPI
from fastapi.responses import HTMLResponse, Response
from fastapi.staticfiles import StaticFiles

from sitrep.api.shape import error_response

STATIC = Path(__file__).parent / "static"
PREFIX = "/docs/static"
VENDORED = ("swagger-ui/swagger-ui-bundle.js", "swagger-ui/swagger-ui.css")


def docs_html(spec_url: str, title: str) -> str:
    """The page: fixed markup naming the vendored files and the description's URL (escaped)."""
    e = html.escape
    # rel=icon data:, so the browser asks for no /favicon.ico (img-src allows data:).
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{e(title)} API</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="{PREFIX}/{VENDORED[1]}">
</head><body>
<div id="swagger-ui" data-spec="{e(spec_url)}"></div>
<script src="{PREFIX}/{VENDORED[0]}"></script>
<script src="{PREFIX}/docs.js"></script>
</body></html>"""


def add_docs(app: FastAPI) -> None:
    """Serve ``/docs`` and its static files on ``app`` (whose own ``docs_url`` is None)."""
    spec = app.openapi_url or "/openapi.json"
    # check_dir=False: an install without the files (package data left out) still serves
    # the API; /docs then says what is missing instead of the server failing to start.
    app.mount(PREFIX, StaticFiles(directory=STATIC, check_dir=False), name="docs-static")
    page = docs_html(spec, app.title)
    installed = all((STATIC / name).is_file() for name in (*VENDORED, "docs.js"))

    @app.get("/docs", include_in_schema=False)
    def docs() -> Response:
        if not installed:
            return error_response(404, f"Swagger UI's files are not installed (sitrep/api/static); the description is at {spec}")
        return HTMLResponse(page)
