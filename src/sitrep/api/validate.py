"""Checks on the API's parameters beyond their types: real days, boxes on the globe, known
kinds, integers SQLite can hold, and no unknown or repeated query parameters.

A value of the wrong form or out of its range is a 422 (as FastAPI's own checks answer),
and so is a parameter the route does not take or takes once (the message names the ones
it takes); a well-formed value that names nothing real (30 February) or contradicts
another (a start after the end) is a 400.
"""

from __future__ import annotations

import calendar
from datetime import date
from functools import lru_cache
from typing import Annotated, Any

from fastapi import HTTPException, Path, Query, Request

from sitrep.rxfactor import compiled

MAX_ID = 2**63 - 1  # SQLite's largest integer: a larger one cannot even be bound as a parameter
MODALITIES = ("asserted", "claimed", "confirmed", "denied", "reported", "planned", "hypothetical")

# [0-9], not \d: \d also takes other scripts' digits ("٢٠٢١"), which no stored date holds.
_DAY = compiled(r"([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?")
_FULL_DAY = compiled(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")

StoryFilter = Annotated[
    int | None, Query(ge=0, le=MAX_ID, description="only what this story holds (a story id)")
]
StoryId = Annotated[int, Path(ge=0, le=MAX_ID, description="a story id")]


def day_span(value: str, name: str) -> tuple[date, date]:
    """The first and last day a YYYY, YYYY-MM or YYYY-MM-DD value covers.

    Raises HTTPException: 422 when the form is wrong, 400 when no such day exists.
    """
    m = _DAY.fullmatch(value)
    if m is None:
        raise HTTPException(422, f"{name} wants YYYY, YYYY-MM or YYYY-MM-DD, not {value[:40]!r}")
    year, month, day = (int(g) if g else None for g in m.groups())
    assert year is not None  # the pattern always takes the year
    # "is None", not "or": month 00 and day 00 are no defaults, they are errors.
    try:
        first = date(year, 1 if month is None else month, 1 if day is None else day)
        last_month = 12 if month is None else month
        last_day = calendar.monthrange(year, last_month)[1] if day is None else day
        last = date(year, last_month, last_day)
    except ValueError as err:  # year 0, month 13, 30 February
        raise HTTPException(400, f"{name}={value!r} is no calendar date: {err}") from None
    return first, last


def one_day(value: str, name: str) -> str:
    """A YYYY-MM-DD value that is a real day (``date.fromisoformat`` also takes "20210812")."""
    if not _FULL_DAY.fullmatch(value):
        raise HTTPException(422, f"{name} wants YYYY-MM-DD, not {value[:40]!r}")
    day_span(value, name)
    return value


def day_range(start: str | None, end: str | None) -> tuple[str | None, str | None]:
    """``start`` and ``end`` checked each, and the start not after the end."""
    first = day_span(start, "start")[0] if start is not None else None
    last = day_span(end, "end")[1] if end is not None else None
    if first is not None and last is not None and first > last:
        raise HTTPException(400, f"start={start!r} is after end={end!r}")
    return start, end


def bbox(value: str | None) -> tuple[float, float, float, float] | None:
    """``west,south,east,north`` in degrees, on the globe, south <= north and west <= east."""
    if value is None:
        return None
    try:
        west, south, east, north = (float(x) for x in value.split(","))
    except ValueError:
        raise HTTPException(422, "bbox wants west,south,east,north in degrees") from None
    # Written so that NaN fails every test (each comparison with NaN is false).
    if not (-180 <= west <= 180 and -180 <= east <= 180 and -90 <= south <= 90 and -90 <= north <= 90):
        raise HTTPException(422, "bbox is outside the globe (longitudes -180..180, latitudes -90..90)")
    if not south <= north:
        raise HTTPException(422, "bbox has south > north")
    if not west <= east:
        # The query is one longitude range; a box across the antimeridian is two requests.
        raise HTTPException(422, "bbox has west > east: ask for a box across the antimeridian as two boxes")
    return west, south, east, north


@lru_cache(maxsize=1)
def _kinds() -> tuple[frozenset[str], tuple[str, ...], frozenset[str]]:
    from sitrep.events.lexicon import load

    kinds = load().kinds.values()
    families = tuple(sorted({k.family for k in kinds}))
    acled = {t for k in kinds for t in (k.acled_type, k.acled_sub) if t}
    return frozenset({k.name for k in kinds} | set(families)), families, frozenset(acled)


def kind(value: str | None) -> str | None:
    """A kind or family of the shipped lexicon (``kinds.tsv``), or None."""
    if value is not None and value not in _kinds()[0]:
        families = ", ".join(_kinds()[1])
        raise HTTPException(422, f"kind {value[:64]!r} is no sitrep kind or family (families: {families})")
    return value


def acled_type(value: str | None) -> str | None:
    """An ACLED event type or sub-event type some sitrep kind maps to, or None."""
    if value is not None and value not in _kinds()[2]:
        raise HTTPException(422, f"acled_type {value[:80]!r} is no ACLED event or sub-event type sitrep codes")
    return value


def _query_names(request: Request, path: str) -> frozenset[str]:
    """The query parameters a route declares, read once from the app's OpenAPI description."""
    cache: dict[str, frozenset[str]] = getattr(request.app.state, "query_names", None) or {}
    if path not in cache:
        spec: dict[str, Any] = request.app.openapi()
        ops = spec.get("paths", {}).get(path, {})
        cache[path] = frozenset(
            p["name"] for op in ops.values() for p in op.get("parameters", []) if p.get("in") == "query"
        )
        request.app.state.query_names = cache
    return cache[path]


async def known_parameters(request: Request) -> None:
    """Refuse (422) a query parameter an /api/ route does not take, or one given twice.

    FastAPI ignores both: ``/api/control?day=2021-02-30`` would answer for the latest day,
    and ``status=single&status=disputed`` with the last value alone. 422, as for any other
    parameter the route cannot take: the request is well-formed, its parameters are not.
    """
    path = getattr(request.scope.get("route"), "path_format", "")
    if not path.startswith("/api/"):
        return  # the pages pass their query on to their /api/ twin, checked there
    names = _query_names(request, path)
    seen: set[str] = set()
    for key, _ in request.query_params.multi_items():
        if key not in names:
            takes = ", ".join(sorted(names)) or "no parameters"
            raise HTTPException(422, f"unknown parameter {key[:40]!r}: {path} takes {takes}")
        if key in seen:
            raise HTTPException(422, f"parameter {key[:40]!r} is given more than once")
        seen.add(key)
