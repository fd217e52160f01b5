"""Which state a place was in on a day: a state that split from another was its parent before.

The gazetteer knows today's borders; a 1955 war in southern Sudan or a 1990 battle in
Eritrea happened in Sudan and Ethiopia. ``data/gazetteer/independence.tsv`` lists the
splits, with the first day of independence and a source per row.
"""

from __future__ import annotations

from functools import cache
from importlib import resources
from typing import Any


@cache
def _splits() -> dict[str, tuple[str, str]]:
    """code -> (the state it split from, its first day of independence)."""
    text = (resources.files("sitrep") / "data" / "gazetteer" / "independence.tsv").read_text(encoding="utf-8")
    out: dict[str, tuple[str, str]] = {}
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            code, parent, since, _source = line.split("\t", 3)
            out[code] = (parent, since)
    return out


def state_then(code: str | None, day: str | None) -> str | None:
    """The state holding a place of today's ``code`` on ``day`` (an ISO date, month or year).

    A date that only names the year or month of independence stays with today's state: it
    may fall on either side.
    """
    split = _splits().get(code or "")
    while split is not None and day and day < split[1][: len(day)]:
        code = split[0]
        split = _splits().get(code)
    return code


def place_then(place: dict[str, Any] | None, date: dict[str, Any] | None) -> dict[str, Any] | None:
    """``place`` with the country it was in on the event's date."""
    if not place or not date or not date.get("value"):
        return place
    code = place.get("country_code")
    then = state_then(code, str(date["value"]))
    return place if then == code else {**place, "country_code": then}
