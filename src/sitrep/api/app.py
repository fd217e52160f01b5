"""The JSON API over a sitrep database: events, articles, stories, diffs, conflicts, control.

Read-only (the database is opened with ``mode=ro``), parameterised SQL, bounded
pages, one error shape for every error (``{"error": {"status", "code", "message"}}``),
and a strict Content-Security-Policy on every response, errors and 500s included
(``sitrep.api.shape``). Every parameter is checked to its range (``sitrep.api.validate``)
and request heads to their size (``sitrep.api.limits``). The OpenAPI description is
at ``/openapi.json``, Swagger UI over it at ``/docs`` (``sitrep.api.docs``, vendored files:
nothing is loaded from a CDN). ``/api/export`` downloads what ``/api/events`` lists, in
``sitrep export``'s formats (``sitrep.api.download``), ``/api/stats`` counts them for the
Views page (``sitrep.api.stats``). ``/api/version`` is the cheap stamp a
page polls to follow the database while another process (``sitrep run``) adds to it.
"""

from __future__ import annotations

import json
import os
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Annotated, Any

import anyio.to_thread
from fastapi import Depends, FastAPI, HTTPException, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, StreamingResponse
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.responses import Response
from starlette.types import ASGIApp

from sitrep import __version__
from sitrep.api import download as dl
from sitrep.api import models as m
from sitrep.api import queries as q
from sitrep.api import stats as st
from sitrep.api import validate as v
from sitrep.api.docs import add_docs
from sitrep.api.limits import RequestLimits
from sitrep.api.shape import CSP, SecurityHeaders, error_response
from sitrep.consolidate.control import control_on
from sitrep.diff import diff_texts
from sitrep.store import consolidated as sql
from sitrep.web import add_pages

__all__ = ["CSP", "app_from_env", "create_app", "event_filter"]

THREADS = int(os.environ.get("SITREP_THREADS", "4"))

Limit = Annotated[int, Query(ge=1, le=q.MAX_LIMIT, description=f"page size, at most {q.MAX_LIMIT}")]
Offset = Annotated[int, Query(ge=0, le=10_000_000)]


class _Api(FastAPI):
    """FastAPI with the request limits and the security headers around its whole stack."""

    def build_middleware_stack(self) -> ASGIApp:
        """FastAPI's stack inside ours.

        ``add_middleware`` would put them inside Starlette's server-error middleware, whose
        500 answer would then go out without the security headers.
        """
        return SecurityHeaders(RequestLimits(super().build_middleware_stack()))


def _or_404(found: dict[str, Any] | None, message: str) -> dict[str, Any]:
    if found is None:
        raise HTTPException(404, message)
    return found


def _raw_page(items: list[str], total: int, limit: int, offset: int) -> Response:
    """A page whose items are JSON texts already (from SQLite): joined, never parsed again."""
    nxt = offset + limit if offset + limit < total else None
    head = json.dumps({"total": total, "limit": limit, "offset": offset, "next_offset": nxt})
    return Response(f'{head[:-1]}, "items": [{",".join(items)}]}}', media_type="application/json")


def _page(items: list[Any], total: int, limit: int, offset: int) -> dict[str, Any]:
    nxt = offset + limit if offset + limit < total else None
    return {"items": items, "total": total, "limit": limit, "offset": offset, "next_offset": nxt}


def event_filter(
    bbox: Annotated[str | None, Query(description="west,south,east,north")] = None,
    start: Annotated[str | None, Query(description="first day (YYYY[-MM[-DD]])")] = None,
    end: Annotated[str | None, Query(description="last day (YYYY[-MM[-DD]])")] = None,
    kind: Annotated[str | None, Query(max_length=64, description="sitrep kind or family (kinds.tsv)")] = None,
    acled_type: Annotated[
        str | None, Query(max_length=80, description="ACLED event or sub-event type")
    ] = None,
    actor: Annotated[str | None, Query(max_length=200)] = None,
    status: Annotated[str | None, Query(pattern="^(single|corroborated|disputed)$")] = None,
    modality: Annotated[str | None, Query(pattern=f"^({'|'.join(v.MODALITIES)})$")] = None,
    story: v.StoryFilter = None,
    layer: Annotated[
        str, Query(pattern="^(material|speech|all)$", description="material events (default), speech acts, or all")
    ] = "material",
    q_: Annotated[
        str | None, Query(alias="q", max_length=200, description="words of the place, actors, kind or evidence sentences")
    ] = None,
) -> q.EventFilter:
    """The event filters shared by ``/api/events``, ``/api/points``, ``/api/stats`` and ``/api/export``, checked."""
    start, end = v.day_range(start, end)
    return q.EventFilter(
        bbox=v.bbox(bbox), start=start, end=end, kind=v.kind(kind), acled_type=v.acled_type(acled_type),
        actor=actor, status=status, modality=modality, story=story, q=q_ if q_ and q_.strip() else None,
        layer=layer,
    )  # fmt: skip


def create_app(db: str | Path) -> FastAPI:
    """The API app for one database file (which must exist)."""
    path = Path(db)
    if not path.is_file():
        raise FileNotFoundError(f"{db}: no such database file")
    reader = q.Reader(path)
    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        # Few threads, taken in turn: forty threads fighting over one GIL answer some
        # requests late (a long latency tail); a short queue answers them in order.
        anyio.to_thread.current_default_thread_limiter().total_tokens = THREADS
        yield

    app = _Api(
        lifespan=lifespan,
        # Unknown and repeated query parameters are refused before any other check.
        dependencies=[Depends(v.known_parameters)],
        title="sitrep",
        version=__version__,
        description="Consolidated events, their evidence and sources, from a sitrep database (read-only).",
        # The stock docs pages load their scripts from a CDN and start them inline: ours
        # (add_docs) serve vendored files under the app's CSP.
        docs_url=None,
        redoc_url=None,
    )

    @app.exception_handler(StarletteHTTPException)
    async def _http_error(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        return error_response(exc.status_code, str(exc.detail))

    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, exc: RequestValidationError) -> JSONResponse:
        parts = [f"{'.'.join(str(x) for x in e['loc'][1:])}: {e['msg']}" for e in exc.errors()]
        return error_response(422, "; ".join(parts) or "invalid request")

    @app.exception_handler(Exception)
    async def _crash(request: Request, exc: Exception) -> JSONResponse:
        return error_response(500, f"{type(exc).__name__} while answering {request.url.path}")

    @app.get("/api/health", summary="Is the server up, and what does the database hold", responses={200: {"model": m.Health}})
    def health() -> dict[str, Any]:
        conn = reader.conn()
        counts = conn.execute(
            "SELECT (SELECT count(DISTINCT id) FROM articles), (SELECT count(*) FROM consolidated_events),"
            " (SELECT count(*) FROM conflicts)"
        ).fetchone()
        return {
            "ok": True,
            "version": __version__,
            "articles": counts[0],
            "events": counts[1],
            "conflicts": counts[2],
        }

    @app.get(
        "/api/version",
        summary="A stamp that changes whenever another process commits events or articles (poll it)",
        responses={200: {"model": m.Version}, **m.ERRORS},
    )
    def version() -> JSONResponse:
        # no-cache: a poll must reach the server, not a cache's copy of the last answer.
        return JSONResponse(reader.version(), headers={"Cache-Control": "no-cache"})

    @app.get(
        "/api/events",
        summary="Consolidated events, filtered and paged (earliest first)",
        responses={200: {"model": m.EventPage}, **m.ERRORS},
    )
    def list_events(
        f: Annotated[q.EventFilter, Depends(event_filter)], limit: Limit = 100, offset: Offset = 0
    ) -> Response:
        items, total = q.events_json(reader.conn(), f, limit, offset)
        return _raw_page(items, total, limit, offset)

    @app.get(
        "/api/points",
        summary="Every matching event with coordinates, as compact rows (what the map draws)",
        responses={200: {"model": m.Points}, **m.ERRORS},
    )
    def list_points(
        f: Annotated[q.EventFilter, Depends(event_filter)],
        limit: Annotated[int, Query(ge=1, le=q.MAX_POINTS)] = q.MAX_POINTS,
    ) -> Response:
        rows, total = q.points_json(reader.conn(), f, limit)
        head = json.dumps({"fields": q.POINT_FIELDS, "total": total, "truncated": total > len(rows)})
        return Response(f'{head[:-1]}, "rows": [{",".join(rows)}]}}', media_type="application/json")

    @app.get(
        "/api/stats",
        summary="Counts of the events of a filter: over time by kind family, by country, province and actor",
        description="Takes /api/events' filters (material events unless `layer` says otherwise) and counts"
        " the matching events and their fatalities in SQL: per time bin (days, weeks, months or years"
        " as the span of the dates asks) and kind family, per country, per province (admin1) and per"
        f" actor1 (the {st.TOP_ACTORS} with most events, and with most fatalities, then the others together). Each breakdown"
        " adds up to `total`, /api/events' total for the same filter. What the Views page draws.",
        responses={200: {"model": m.Stats}, **m.ERRORS},
    )
    def event_stats(f: Annotated[q.EventFilter, Depends(event_filter)]) -> dict[str, Any]:
        return st.stats(reader.conn(), f)

    @app.get(
        "/api/export",
        summary="The events of a filter as a file: CSV, ACLED CSV or GeoJSON (what sitrep export writes)",
        description="Takes /api/events' filters (layer too: material events unless asked) and"
        f" writes the matching events, earliest first, at most {dl.MAX_EXPORT:,} of them, as an"
        " attachment. The same writers as `sitrep export --what events`: the same columns.",
        response_class=StreamingResponse,
        responses=dl.RESPONSES,
    )
    def export_events(
        f: Annotated[q.EventFilter, Depends(event_filter)],
        format_: Annotated[
            dl.ExportFormat,
            Query(alias="format", description="csv (sitrep's columns), acled (ACLED's columns) or geojson"),
        ] = "csv",
        limit: Annotated[
            int, Query(ge=1, le=dl.MAX_EXPORT, description=f"at most this many events (cap {dl.MAX_EXPORT:,})")
        ] = dl.MAX_EXPORT,
    ) -> StreamingResponse:
        return dl.export_response(reader, f, format_, limit)

    # ":path" here and for articles: an id may hold "/" (sent as %2F, which the server
    # decodes before routing), and any id must be reachable.
    @app.get(
        "/api/events/{event_id:path}",
        summary="One event with its mentions, evidence, sources and conflicts",
        responses={200: {"model": m.EventDetail}, **m.ERRORS},
    )
    def one_event(event_id: str) -> dict[str, Any]:
        return _or_404(q.event(reader.conn(), event_id), f"no event {event_id!r}")

    @app.get(
        "/api/articles",
        summary="Articles (latest versions, without text), paged",
        responses={200: {"model": m.ArticlePage}, **m.ERRORS},
    )
    def list_articles(
        story: v.StoryFilter = None,
        q_: Annotated[str | None, Query(alias="q", max_length=200)] = None,
        limit: Limit = 100,
        offset: Offset = 0,
    ) -> dict[str, Any]:
        items, total = q.articles(
            reader.conn(), story, q_ if q_ and q_.strip() else None, limit, offset
        )
        return _page(items, total, limit, offset)

    @app.get(
        "/api/articles/{article_id:path}",
        summary="One article with its text, copy verdict and events",
        responses={200: {"model": m.ArticleDetail}, **m.ERRORS},
    )
    def one_article(article_id: str) -> dict[str, Any]:
        return _or_404(q.article(reader.conn(), article_id), f"no article {article_id!r}")

    @app.get(
        "/api/stories",
        summary="Stories with their articles, paged",
        responses={200: {"model": m.StoryPage}, **m.ERRORS},
    )
    def list_stories(limit: Limit = 100, offset: Offset = 0) -> dict[str, Any]:
        stories = sql.stories(reader.conn())
        return _page(stories[offset : offset + limit], len(stories), limit, offset)

    @app.get(
        "/api/stories/{story_id}",
        summary="One story: its articles, which carries whose copy, its events",
        responses={200: {"model": m.StoryDetail}, **m.ERRORS},
    )
    def one_story(story_id: v.StoryId) -> dict[str, Any]:
        conn = reader.conn()
        story = next((s for s in sql.stories(conn) if s["id"] == story_id), None)
        if story is None:
            raise HTTPException(404, f"no story {story_id}")
        arts, _ = q.articles(conn, story_id, None, q.MAX_LIMIT, 0)
        events, _ = q.events(conn, q.EventFilter(story=story_id), q.MAX_LIMIT, 0)
        return {**story, "articles": arts, "events": events}

    @app.get(
        "/api/diff",
        summary="What article b adds, drops, rewords and moves compared with a",
        responses=m.ERRORS,
    )
    def diff(
        b: Annotated[str, Query(description="the later article")],
        a: Annotated[
            str | None, Query(description="the earlier one (default: the article b copies)")
        ] = None,
    ) -> dict[str, Any]:
        conn = reader.conn()
        later = _or_404(q.article(conn, b), f"no article {b!r}")
        a = a or later.get("copy_of")
        if a is None:
            raise HTTPException(422, f"{b!r} carries no other article's copy: give a as well")
        earlier = _or_404(q.article(conn, a), f"no article {a!r}")
        out = diff_texts(earlier["text"], later["text"]).to_json()
        for side, art in (("a", earlier), ("b", later)):
            out[side] = {k: art.get(k) for k in ("id", "title", "outlet", "published")}
        return out

    @app.get(
        "/api/conflicts",
        summary="Facts the reports disagree on, paged",
        responses={200: {"model": m.ConflictPage}, **m.ERRORS},
    )
    def list_conflicts(limit: Limit = 100, offset: Offset = 0) -> dict[str, Any]:
        found = list(sql.all_conflicts(reader.conn()))
        return _page(found[offset : offset + limit], len(found), limit, offset)

    @app.get(
        "/api/control",
        summary="Who holds which place on a day (default: the last day known)",
        responses={200: {"model": m.Control}, **m.ERRORS},
    )
    def control(
        on: Annotated[str | None, Query(description="YYYY-MM-DD")] = None,
    ) -> dict[str, Any]:
        conn = reader.conn()
        if on is not None:
            v.one_day(on, "on")
        day = on or sql.latest_day(conn)
        rows = control_on(sql.control_rows(conn, day), day) if day else []
        return {"on": day, "places": [r.to_json() for r in rows]}

    add_docs(app)
    add_pages(app)
    return app


def app_from_env() -> FastAPI:
    """The app for the database named by ``$SITREP_DB`` (how ``serve --workers`` starts each worker)."""
    db = os.environ.get("SITREP_DB")
    if not db:
        raise RuntimeError("SITREP_DB is not set: name the database to serve")
    return create_app(db)
