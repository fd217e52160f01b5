"""Whether two mentions' places and days can be one happening's (#25): the same place, one
within the other, or towns that touch; the same day at the coarser of the two precisions."""

from __future__ import annotations

import math
import re
from datetime import date
from typing import Any

from sitrep.model import Event
from sitrep.rxfactor import compiled

# Places from the finest to the coarsest.
RANK = {
    "landmark": 0,
    "city": 1,
    "admin2": 2,
    "admin1": 3,
    "region": 4,
    "country": 5,
    "continent": 6,
}


def km(a: dict[str, Any], b: dict[str, Any]) -> float:
    """Great-circle distance between two places in kilometres."""
    p1, p2 = math.radians(a["lat"]), math.radians(b["lat"])
    dl = math.radians(b["lon"] - a["lon"])
    h = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


def places_agree(a: dict[str, Any] | None, b: dict[str, Any] | None) -> bool:
    """Whether two places can be where one happening was: the same, one within the other, or near."""
    if a is None or b is None:
        return True
    if a.get("geonameid") is not None and a.get("geonameid") == b.get("geonameid"):
        return True
    coarse = max((a, b), key=lambda p: RANK.get(p.get("feature") or "", 5))
    if coarse.get("feature") in ("region", "continent") and not coarse.get("country_code"):
        return True  # "Violent protests in Europe" retold as protests in Athens
    if a.get("country_code") != b.get("country_code"):
        return False
    fine = b if coarse is a else a
    if coarse.get("feature") in ("country", "region", "continent"):
        return True
    if (
        coarse.get("feature") == "admin1"
        and coarse.get("admin1")
        and coarse.get("admin1") == fine.get("admin1")
    ):
        return True
    if a.get("lat") is None or b.get("lat") is None:
        return False
    # Two towns the text names are two scenes unless they touch ("a school in Jabalya" and "a
    # school in Khan Younis", 24 km apart, are two shellings); a landmark or district may lie
    # farther out from the town it belongs to.
    both_named = a.get("how") is None and b.get("how") is None
    both_towns = a.get("feature") == b.get("feature") == "city" and both_named
    # (two camps or sites the text names are two scenes too, unless one is named for the
    # other's town: "Herat airport" and "Herat"; "the Beach refugee camp" and "the Bureij
    # refugee camp", 11 km apart, are two shellings)
    two_sites = both_named and {a.get("feature"), b.get("feature")} <= {"city", "landmark"} and not named_for(a, b)
    return km(a, b) <= (10.0 if both_towns or two_sites else 30.0)


def named_for(a: dict[str, Any], b: dict[str, Any]) -> bool:
    """Whether one place's name holds the other's ("Kabul airport", "Kabul")."""
    na, nb = str(a.get("name") or "").lower(), str(b.get("name") or "").lower()
    return bool(na and nb) and (na in nb or nb in na)


def dates_agree(a: dict[str, Any] | None, b: dict[str, Any] | None) -> bool:
    """Whether two days the text gives can be one happening's (equal to the coarser precision)."""
    if a is None or b is None:
        return True
    va, vb = str(a.get("value") or ""), str(b.get("value") or "")
    n = min(len(va), len(vb))
    return va[:n] == vb[:n]


def far_apart(a: dict[str, Any] | None, b: dict[str, Any] | None, days: int = 5) -> bool:
    """Whether two days the text gives lie ``days`` or more apart (at month precision or coarser:
    whether they disagree)."""
    if a is None or b is None:
        return False
    va, vb = str(a.get("value") or ""), str(b.get("value") or "")
    try:
        return abs((date.fromisoformat(va[:10]) - date.fromisoformat(vb[:10])).days) >= days
    except ValueError:
        return not dates_agree(a, b)


def finer(a: dict[str, Any], b: dict[str, Any]) -> bool:
    """Whether place ``a`` is of a finer kind than ``b`` (a town than a province)."""
    return RANK.get(a.get("feature") or "", 5) < RANK.get(b.get("feature") or "", 5)


def two_states(a: Any, b: Any) -> bool:
    """Whether two mentions' doers are two states' forces ("government troops fled", "Belgium
    withdrew its contingent"): a withdrawal each, not one."""
    x, y = a.actor1 or {}, b.actor1 or {}
    return x.get("type") == y.get("type") == "state" and bool(x.get("country_code")) and bool(y.get("country_code")) and x["country_code"] != y["country_code"]


# "Clashes were also reported in the western region of Darfur": more of the kind, elsewhere.
# ("Troops also clashed", "Clashes were also reported"; not "which also wounded 100", "also condemned the attacks")
_ALSO_BEFORE = compiled(r"(?<!\bwhich )(?<!\bthat )(?<!\bwho )\balso\s+(?:[a-z]+\s+)?$")
_ALSO_AFTER = compiled(r"\s+(?:were|was|have|has|had)\s+also\b")


def elsewhere(text: str, trigger: dict[str, Any], own: dict[str, Any] | None, held: dict[str, Any] | None) -> bool:
    """Whether a mention told "also" at a place of its own other than ``held`` (the place of
    the happening told before) is another happening of the kind, however the places nest."""
    if own is None or held is None or own.get("how") is not None or own.get("geonameid") == held.get("geonameid"):
        return False
    return _ALSO_BEFORE.search(text, max(0, trigger["start"] - 20), trigger["start"]) is not None or _ALSO_AFTER.match(text, trigger["end"]) is not None


_THE_OVERNIGHT = compiled(r"\bthe\s+overnight\s+(?:[\w-]+\s+)?$", re.IGNORECASE)


def overnight_retold(text: str, trigger: dict[str, Any], held: dict[str, Any] | None, own: dict[str, Any] | None) -> bool:
    """Whether "the overnight attack" retells the happening told "early Wednesday": the night
    before the day is the same night, a day apart on the calendar."""
    if held is None or own is None or not _THE_OVERNIGHT.search(text, max(0, trigger["start"] - 30), trigger["start"]):
        return False
    try:
        return (date.fromisoformat(str(held.get("value"))[:10]) - date.fromisoformat(str(own.get("value"))[:10])).days == 1
    except ValueError:
        return False


TOLL_TRIGGER = compiled(r"^(?:killed|kill(?:ing|s)?|died|dead body|bodies|found dead|injur(?:ed|ing)|wounded)$", re.IGNORECASE)


def bare_toll(f: Event) -> bool:
    """A "were killed" or "wounded" event with no doer named."""
    unnamed = f.actor1 is None or f.actor1.get("how") == "unnamed"
    return unnamed and f.kind == "attack.civilians" and bool(TOLL_TRIGGER.match(f.evidence[0]["trigger"]["text"]))


_DEFINITE = compiled(r"\b(?:the|this|that|these|those)\s+(?:[\w-]+\s+){0,2}$", re.IGNORECASE)


def story_town_apart(lead: Event, e: Event, own: dict[str, Any]) -> bool:
    """Whether ``lead``, placed only at the story's town, tells a new happening there ("a shell
    hit a house") that ``e``, named in another town far from it, cannot retell; a definite noun
    ("the attack") may still retell what was told before."""
    held = lead.place or {}
    if held.get("how") != "article" or held.get("feature") != "city" or own.get("feature") != "city" or places_agree(held, own):
        return False
    return not any(_DEFINITE.search(str(x.evidence[0]["text"]), 0, x.evidence[0]["trigger"]["start"] - x.evidence[0]["start"]) for x in (lead, e))
