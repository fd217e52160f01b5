"""Who holds which place since when, by whose account: read from territory and retreat events.

A capture or regain hands the place to its doer; a hand-over to whoever receives it;
a retreat from a place takes it from the retreating side (a retreat *to* a place,
"police retreated to the governor's office", changes nothing). Where a report does
not say who took a place ("the fall of Ghazni"), the holder is the armed group named
in the event, else the one behind most captures in that country within a month;
the row says so (``how``). Plans, hypotheses and denials change no one's control.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace
from datetime import date, timedelta
from typing import Any

from sitrep.consolidate.mention import MODALITY_STRENGTH, date_span
from sitrep.records import ControlChange
from sitrep.rxfactor import compiled

CONTROL_KINDS = ("territory.capture", "territory.regain", "territory.handover", "force.retreat")
_NO_CHANGE = frozenset({"planned", "hypothetical", "denied"})
_ARMED = frozenset({"rebel", "militia", "identity", "external"})
_HOLDERS = _ARMED | {"state", "official"}  # who can hold a town (civilians and protesters do not)
_RETREAT_TO = compiled(r"^\W*(?:back\s+)?(?:to|towards|toward|into)\b", re.IGNORECASE)
_CONTEXT_WINDOW = timedelta(days=31)


def _armed(actor: dict[str, Any] | None) -> str | None:
    if actor and actor.get("name") and actor.get("type") in _ARMED:
        return str(actor["name"])
    return None


def _named(actor: dict[str, Any] | None) -> str | None:
    if actor and actor.get("name") and not str(actor["name"]).startswith("Unidentified"):
        return str(actor["name"])
    return None


def _retreats_to(event: dict[str, Any]) -> bool:
    """Whether every account says the side withdrew *to* the place rather than from it."""
    found = False
    for ev in event.get("evidence") or []:
        trigger = ev.get("trigger") or {}
        text, start = ev.get("text") or "", ev.get("start")
        if start is None or trigger.get("end") is None:
            continue
        after = text[trigger["end"] - start :]
        if not _RETREAT_TO.match(after):
            return False
        found = True
    return found


def _day(event: dict[str, Any]) -> tuple[str, str] | None:
    d = event.get("date") or {}
    span = date_span(d.get("value"), d.get("precision"))
    if span is None:
        return None
    return span[0].isoformat(), str(d.get("precision"))


def control_changes(events: list[dict[str, Any]]) -> list[ControlChange]:
    """Control rows (one per change of hands) from consolidated events of ``CONTROL_KINDS``."""
    usable = [
        e for e in events
        if e["kind"] in CONTROL_KINDS and e["modality"] not in _NO_CHANGE and e.get("place") and _day(e)
        and not e["place"].get("site")  # a jail or a checkpoint taken does not take the town
    ]  # fmt: skip
    # Who takes places in each country, month by month: the fallback for an unnamed taker.
    takers: dict[str, list[tuple[date, str]]] = {}
    for e in usable:
        who = (
            _named(e.get("actor1"))
            if e["kind"] != "territory.handover"
            else _named(e.get("actor2"))
        )
        if e["kind"] in ("territory.capture", "territory.regain") and who:
            day = date.fromisoformat(_day(e)[0])  # type: ignore[index]
            takers.setdefault(str(e["place"].get("country_code")), []).append((day, who))
    rows: list[ControlChange] = []
    for e in usable:
        since, precision = _day(e)  # type: ignore[misc]
        place = e["place"]
        holder = lost_by = None
        how = "actor1"
        if e["kind"] == "force.retreat":
            # A retreat says who left, not who came: it takes the place from its doer only when
            # the report gives the day and the town ("retreated across the country" does not).
            precise = precision == "day" and place.get("precision") in ("city", "landmark")
            lost_by = _named(e.get("actor1"))
            if not precise or not lost_by or _retreats_to(e):
                continue
            how = "retreat"
        elif e["kind"] == "territory.handover":
            lost_by = _named(e.get("actor1"))
            holder = _named(e.get("actor2"))
            how = "actor2"
        else:
            holder = _named(e.get("actor1"))
            if holder and (e.get("actor1") or {}).get("how") == "context":
                how = "inferred from the article's other captures"
            loser = e.get("actor2") if (e.get("actor2") or {}).get("type") in _HOLDERS else None
            lost_by = _named(loser) if _named(loser) != holder else None
            if holder is None and _armed(e.get("actor2")):
                holder, lost_by, how = _armed(e.get("actor2")), None, "actor2"
        if holder is None and e["kind"] != "force.retreat":
            day = date.fromisoformat(since)
            near = Counter(
                who for d, who in takers.get(str(place.get("country_code")), [])
                if abs((d - day).days) <= _CONTEXT_WINDOW.days and who != lost_by
            )  # fmt: skip
            if near:
                holder, how = near.most_common(1)[0][0], "inferred from the captures around it"
        gid = place.get("geonameid")
        rows.append(ControlChange(
            place_key=f"g{gid}" if gid else f"n{str(place.get('name')).lower()}", place=place, holder=holder,
            lost_by=lost_by, since=since, since_precision=precision, event_id=e["id"], kind=e["kind"],
            modality=e["modality"], status=e.get("status"), sources=e.get("originators") or [],
            articles=e.get("articles") or [], how=how,
        ))  # fmt: skip
    return rows


def _strength(row: ControlChange) -> tuple[int, int, str]:
    # A change with a holder outranks a bare retreat on the same day; then the stronger account.
    return (row.holder is not None, MODALITY_STRENGTH.get(row.modality, 0), row.since)


def control_on(rows: list[ControlChange], day: str) -> list[ControlChange]:
    """Who holds each place on ``day`` (ISO date): the latest change on or before it, per place."""
    current: dict[str, ControlChange] = {}
    for row in sorted(rows, key=lambda r: (r.since, _strength(r))):
        if row.since > day:
            continue
        prev = current.get(row.place_key)
        if prev and prev.since == row.since and _strength(prev) > _strength(row):
            continue
        if prev and prev.holder == row.holder and row.holder is not None:
            # The same hands again: keep the first day it changed, take the stronger account.
            if MODALITY_STRENGTH.get(row.modality, 0) > MODALITY_STRENGTH.get(prev.modality, 0):
                current[row.place_key] = replace(row, since=prev.since)
            continue
        current[row.place_key] = row
    return sorted(current.values(), key=lambda r: (str(r.place.get("name")), r.since))
