"""Counts behind the Views page (``/api/stats``): events and fatalities over time by kind
family, by country, by province (admin1) and by actor, for any filter of ``/api/events``.

Every count is a GROUP BY in SQLite over the rows ``/api/events`` would list, so the parts add
up to its ``total``: the time bins plus the events left out of them (undated, dated more
coarsely than a bin, or outside the dense part of the dates) make the total, and so do the
countries, the provinces and the actors (the first ``TOP_ACTORS`` by events, or by
fatalities, plus the others together).

The bins follow the span of the dates: days up to ``DAY_SPAN`` days, weeks (from Monday) up
to ``WEEK_SPAN``, months up to ``MONTH_SPAN``, years beyond. The span is the dense part of the
dates (at least 95% of them, as the map's timeline opens on): one article from 1946 among a
week of 2009 does not turn the days into decades; it is counted as an earlier event.
"""

from __future__ import annotations

import sqlite3
from collections import defaultdict
from datetime import date, timedelta
from typing import Any

from sitrep.acled import countries
from sitrep.api.queries import EventFilter, _where

DAY_SPAN = 60  # days: daily bins up to two months
WEEK_SPAN = 3 * 366  # weekly up to three years
MONTH_SPAN = 25 * 366  # monthly up to 25 years, yearly beyond
TOP_ACTORS = 15
# The event's own family (the first part of its kind), as /api/points gives it.
FAMILY_SQL = "substr(kind, 1, instr(kind || '.', '.') - 1)"
_RANK = {"day": 0, "week": 1, "month": 2, "year": 3}


def first_day(value: str | None) -> tuple[date, str] | None:
    """The first day a YYYY, YYYY-MM or YYYY-MM-DD date covers, and its precision (None if undated)."""
    if not value:
        return None
    try:
        if len(value) >= 10:
            return date.fromisoformat(value[:10]), "day"
        if len(value) == 7:
            return date(int(value[:4]), int(value[5:7]), 1), "month"
        if len(value) == 4:
            return date(int(value), 1, 1), "year"
    except ValueError:
        return None
    return None


def dense_window(days: list[date]) -> tuple[date, date]:
    """The dense part of sorted days: at least 95% of them (all but one under 40), dropping the
    ends farthest (over three interquartile ranges, a month at least) from the middle half.

    The rule of the map's timeline (``denseWindow`` in ``static/js/timeline.js``), unpadded.
    """
    n = len(days)
    ords = [d.toordinal() for d in days]
    q1, q3 = ords[round(0.25 * (n - 1))], ords[round(0.75 * (n - 1))]
    reach = 3 * max(q3 - q1, 30)
    i, j = 0, n - 1
    budget = max(1, n // 20)
    while budget > 0 and i < j:
        below, above = q1 - reach - ords[i], ords[j] - (q3 + reach)
        if below <= 0 and above <= 0:
            break
        if below >= above:
            i += 1
        else:
            j -= 1
        budget -= 1
    return days[i], days[j]


def bin_size(first: date, last: date) -> str:
    """day, week, month or year: the bin for dates from ``first`` to ``last``."""
    span = (last - first).days
    if span <= DAY_SPAN:
        return "day"
    if span <= WEEK_SPAN:
        return "week"
    return "month" if span <= MONTH_SPAN else "year"


def bin_start(day: date, size: str) -> date:
    """The first day of the bin holding ``day``."""
    if size == "week":
        return day - timedelta(days=day.weekday())
    if size == "month":
        return day.replace(day=1)
    if size == "year":
        return day.replace(month=1, day=1)
    return day


def next_bin(start: date, size: str) -> date:
    """The first day of the bin after the one starting on ``start``."""
    if size == "day":
        return start + timedelta(days=1)
    if size == "week":
        return start + timedelta(days=7)
    if size == "month":
        return date(start.year + start.month // 12, start.month % 12 + 1, 1)
    return date(start.year + 1, 1, 1)


def _part() -> dict[str, Any]:
    return {"events": 0, "fatalities": 0}


def _time(rows: list[tuple[str, str | None, int, int]]) -> dict[str, Any]:
    """Bins of (family, date, events, fatalities) rows, and what falls outside them."""
    dated = [(fam, first_day(d), n, k) for fam, d, n, k in rows]
    days = sorted(day for _, fd, n, _ in dated if fd and fd[1] == "day" for day in [fd[0]] * n)
    if not days:  # no event dated to the day: the months and years place the bins
        days = sorted(day for _, fd, n, _ in dated if fd for day in [fd[0]] * n)
    out: dict[str, Any] = {"bin": None, "first": None, "last": None, "families": [], "bins": []}
    outside = {k: _part() for k in ("undated", "coarse", "earlier", "later")}
    out.update(outside)
    if not days:
        for _, _, n, k in dated:
            outside["undated"]["events"] += n
            outside["undated"]["fatalities"] += k
        return out
    lo, hi = dense_window(days)
    size = bin_size(lo, hi)
    first, last = bin_start(lo, size), bin_start(hi, size)
    events: dict[date, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    deaths: dict[date, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    by_family: dict[str, int] = defaultdict(int)
    for fam, fd, n, k in dated:
        if fd is None:
            where = "undated"
        elif _RANK[fd[1]] > _RANK[size]:  # a month in a chart of weeks or days
            where = "coarse"
        else:
            start = bin_start(fd[0], size)
            where = "earlier" if start < first else "later" if start > last else ""
            if not where:
                events[start][fam] += n
                deaths[start][fam] += k
                by_family[fam] += n
                continue
        outside[where]["events"] += n
        outside[where]["fatalities"] += k
    bins = []
    at = first
    while at <= last:
        bins.append({"start": at.isoformat(), "events": dict(events.get(at, {})), "fatalities": {
            f: v for f, v in deaths.get(at, {}).items() if v}})  # fmt: skip
        at = next_bin(at, size)
    out.update(bin=size, first=first.isoformat(), last=last.isoformat(), bins=bins,
               families=sorted(by_family, key=lambda f: (-by_family[f], f)))  # fmt: skip
    return out


def _top(rows: list[tuple[str | None, int, int]]) -> dict[str, Any]:
    """The first TOP_ACTORS actors of a ranking, and the others together."""
    rest = rows[TOP_ACTORS:]
    return {
        "items": [{"name": a or None, "events": n, "fatalities": k} for a, n, k in rows[:TOP_ACTORS]],
        "others": {"groups": len(rest), "events": sum(r[1] for r in rest), "fatalities": sum(r[2] for r in rest)},
    }


def _add(table: dict[Any, tuple[int, int]], key: Any, events: int, deaths: int) -> None:
    was = table[key]
    table[key] = (was[0] + events, was[1] + deaths)


def stats(conn: sqlite3.Connection, f: EventFilter) -> dict[str, Any]:
    """What ``/api/stats`` answers for a filter: totals, time bins, countries, provinces, actors.

    One scan of the table: the rows are grouped once by family, date, country, province and
    actor in SQL (a scan reads the events' wide rows, so one is worth five), then summed up
    each way here.
    """
    where, params = _where(f)
    rows = conn.execute(
        f"SELECT {FAMILY_SQL}, date, country_code, admin1, actor1, count(*), coalesce(sum(fatalities), 0),"
        f" sum(lat), sum(lon), count(lat) FROM consolidated_events{where} GROUP BY 1, 2, 3, 4, 5",
        params,
    ).fetchall()
    zero = (0, 0, 0.0, 0.0, 0)
    by_time: dict[tuple[str, str | None], tuple[int, int]] = defaultdict(lambda: (0, 0))
    by_country: dict[str, tuple[int, int]] = defaultdict(lambda: (0, 0))
    by_admin1: dict[tuple[str, str], tuple[int, int, float, float, int]] = defaultdict(lambda: zero)
    by_actor: dict[str, tuple[int, int]] = defaultdict(lambda: (0, 0))
    total = deaths = 0
    for fam, day, cc, a1, actor, n, k, lat, lon, located in rows:
        total, deaths = total + n, deaths + k
        _add(by_time, (fam, day), n, k)
        _add(by_country, cc or "", n, k)
        _add(by_actor, actor or "", n, k)
        e, d, la, lo, c = by_admin1[(cc or "", a1 or "")]
        by_admin1[(cc or "", a1 or "")] = (e + n, d + k, la + (lat or 0.0), lo + (lon or 0.0), c + located)
    names = countries()
    actors = [(a or None, n, k) for a, (n, k) in by_actor.items()]
    ranked = {
        "events": sorted(actors, key=lambda r: (-r[1], r[0] or "")),
        "fatalities": sorted(actors, key=lambda r: (-r[2], -r[1], r[0] or "")),
    }
    return {
        "total": total,
        "fatalities": deaths,
        "time": _time([(fam, day, n, k) for (fam, day), (n, k) in by_time.items()]),
        "countries": [
            {"country_code": cc or None, "country": names.get(cc, {}).get("name"), "events": n, "fatalities": k}
            for cc, (n, k) in sorted(by_country.items(), key=lambda kv: (-kv[1][0], kv[0]))
        ],
        "admin1": [
            {"country_code": cc or None, "admin1": a1 or None, "events": n, "fatalities": k,
             "lat": round(la / c, 4) if c else None, "lon": round(lo / c, 4) if c else None}
            for (cc, a1), (n, k, la, lo, c) in sorted(by_admin1.items(), key=lambda kv: (-kv[1][0], kv[0]))
        ],
        "actors": {measure: _top(ranked_rows) for measure, ranked_rows in ranked.items()},
    }
