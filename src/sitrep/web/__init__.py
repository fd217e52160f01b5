"""The web pages over the JSON API: a map with a timeline, views (counts), events, stories, conflicts, control, search.

Each page is a small HTML shell with no data in it; its script fetches the page's JSON
twin (the API call it names in ``<link rel="alternate">``) and builds the page with DOM
calls and ``textContent`` only, so article text can never become markup. The same route
answers with the twin itself when asked for JSON (``?format=json`` or ``Accept: application/json``).
Scripts, styles and the basemap come from the package (``static/``), never from a CDN.
The map and the list pages follow the database: they poll ``/api/version`` and reload
their data in place when another process (``sitrep run``) has added events.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from pathlib import Path
from urllib.parse import quote, unquote, urlencode

from fastapi import FastAPI, Request
from fastapi.responses import HTMLResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.types import ASGIApp, Receive, Scope, Send

STATIC = Path(__file__).parent / "static"

_VENDOR_CSS = ("leaflet.css", "MarkerCluster.css")
_VENDOR_JS = ("leaflet.js", "leaflet.markercluster.js", "topojson-client.min.js")
_NAV = (("/", "Map"), ("/views", "Views"), ("/stories", "Stories"), ("/conflicts", "Conflicts"), ("/control", "Control"))


def _shell(page: str, title: str, twin: str, *, maps: bool) -> str:
    """The HTML of one page: fixed markup, the twin's URL escaped, no article data at all."""
    e = html.escape
    css = "".join(f'<link rel="stylesheet" href="/static/vendor/{f}">' for f in _VENDOR_CSS) if maps else ""
    js = "".join(f'<script src="/static/vendor/{f}"></script>' for f in _VENDOR_JS) if maps else ""
    nav = "".join(f'<a href="{href}">{label}</a>' for href, label in _NAV)
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{e(title)} · sitrep</title>
{css}<link rel="stylesheet" href="/static/sitrep.css">
<link rel="icon" href="/static/favicon.svg">
<link rel="alternate" type="application/json" href="{e(twin)}">
</head><body data-page="{e(page)}">
<header><a class="brand" href="/">sitrep</a><nav>{nav}</nav>
<form class="search" action="/search" role="search"><input name="q" type="search" placeholder="Search places, actors, articles" aria-label="Search"></form>
<a class="twin" href="{e(twin)}" title="This page's data as JSON">JSON</a></header>
<main id="main" class="page-{e(page)}"><p class="loading">Loading…</p></main>
{js}<script type="module" src="/static/js/{e(page)}.js"></script>
</body></html>"""


def _wants_json(request: Request) -> bool:
    if request.query_params.get("format") == "json":
        return True
    accept = request.headers.get("accept", "")
    return "application/json" in accept and "text/html" not in accept


# Parameters of the page itself, not of its JSON twin: ``poll`` is how often (seconds) the
# page asks ``/api/version`` whether the database changed (``static/js/follow.js``).
_PAGE_ONLY = frozenset({"format", "poll"})


def _query(request: Request) -> str:
    return urlencode([(k, v) for k, v in request.query_params.multi_items() if k not in _PAGE_ONLY])


class _Twin(Response):
    """The page's JSON twin, answered on the page's own route by the API's endpoint."""

    def __init__(self, app: ASGIApp, path: str, query: str) -> None:
        super().__init__()
        self.target, self.path, self.query = app, path, query

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        inner = dict(scope, path=self.path, raw_path=self.path.encode(), query_string=self.query.encode())
        await self.target(inner, receive, send)


def add_pages(app: FastAPI) -> None:
    """Serve the pages and the static files (scripts, styles, vendored Leaflet, basemap) on ``app``."""
    app.mount("/static", StaticFiles(directory=STATIC), name="static")

    def page(
        path: str, name: str, title: str, twin: Callable[[dict[str, str]], str], maps: bool = False
    ) -> None:
        async def handler(request: Request) -> Response:
            path = twin(dict(request.path_params))
            query = _query(request)
            if _wants_json(request):
                return _Twin(app.router, unquote(path), query)
            return HTMLResponse(_shell(name, title, path + ("?" + query if query else ""), maps=maps))

        handler.__name__ = f"page_{name}"
        app.add_api_route(path, handler, methods=["GET"], include_in_schema=False)

    def seg(value: str) -> str:
        return quote(value, safe="")

    page("/", "map", "Map", lambda p: "/api/points", maps=True)
    page("/events/{event_id:path}", "event", "Event", lambda p: f"/api/events/{seg(p['event_id'])}")
    page("/articles/{article_id:path}", "article", "Article", lambda p: f"/api/articles/{seg(p['article_id'])}")
    page("/stories", "stories", "Stories", lambda p: "/api/stories")
    page("/stories/{story_id}", "story", "Story", lambda p: f"/api/stories/{seg(p['story_id'])}")
    page("/conflicts", "conflicts", "Conflicts", lambda p: "/api/conflicts")
    page("/control", "control", "Control", lambda p: "/api/control", maps=True)
    page("/search", "search", "Search", lambda p: "/api/events")
    page("/views", "views", "Views", lambda p: "/api/stats", maps=True)
