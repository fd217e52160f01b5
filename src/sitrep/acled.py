"""Consolidated events as ACLED rows: ACLED's columns, codes and a note in ACLED's style."""

from __future__ import annotations

import hashlib
import re
import time
import unicodedata
from datetime import date
from functools import lru_cache
from importlib import resources
from typing import Any

from sitrep.consolidate.mention import date_span
from sitrep.rxfactor import compiled

COLUMNS = [
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
    "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2",
    "interaction", "civilian_targeting", "iso", "region", "country", "admin1", "admin2", "admin3",
    "location", "latitude", "longitude", "geo_precision", "source", "source_scale", "notes",
    "fatalities", "tags", "timestamp",
]  # fmt: skip

_TIME_PRECISION = {"day": 1, "week": 2, "month": 3, "quarter": 3, "season": 3, "year": 3}
_DISORDER = {
    "Battles": "Political violence",
    "Explosions/Remote violence": "Political violence",
    "Violence against civilians": "Political violence",
    "Riots": "Political violence",
    "Protests": "Demonstrations",
    "Strategic developments": "Strategic developments",
}
# What the actor did, for the note ("the Taliban captured Herat").
_VERBS = {
    "territory.capture": "captured", "territory.regain": "regained control of",
    "territory.handover": "handed over", "clash.armed": "clashed with {actor2} in",
    "attack.airstrike": "carried out an air or drone strike in", "attack.shelling": "shelled",
    "attack.bombing": "detonated an explosive device in", "attack.suicide": "carried out a suicide bombing in",
    "attack.grenade": "threw a grenade in", "attack.civilians": "attacked civilians in",
    "attack.sexual": "committed sexual violence in", "abduction": "abducted people in",
    "detention.arrest": "arrested people in", "protest": "protested in",
    "protest.intervention": "protested in", "protest.excessive": "protested in",
    "riot": "rioted in", "riot.mob": "engaged in mob violence in", "looting": "looted or destroyed property in",
    "agreement": "reached an agreement in", "deployment": "deployed to", "release": "released people in",
    "displacement": "were displaced in", "group.change": "changed its activity in",
    "weapons.disrupted": "disrupted weapons use in", "restriction": "imposed restrictions in",
}  # fmt: skip
_ACLED_VERBS = {  # when sitrep has no verb for a kind, ACLED's sub-event type says it
    "Other": "was involved in an event in",
}
# Who did it when no one is named: the family decides (displaced people are not an armed group).
_SUBJECTS = {
    "attack": "an unidentified armed group", "clash": "an unidentified armed group",
    "territory": "an unidentified armed group", "abduction": "an unidentified armed group",
    "displacement": "civilians", "protest": "protesters", "riot": "rioters",
}  # fmt: skip
_MODALITY_NOTE = {
    "claimed": "This is a claim by {who}; it has not been confirmed.",
    "denied": "This was denied.",
    "reported": "Reported by {who}.",
    "confirmed": "Confirmed by {who}.",
}


@lru_cache(maxsize=1)
def countries() -> dict[str, dict[str, Any]]:
    """ISO codes, name and ACLED region per ISO 3166 alpha-2 code (the shipped countries.tsv)."""
    out: dict[str, dict[str, Any]] = {}
    text = (resources.files("sitrep") / "data" / "countries.tsv").read_text(encoding="utf-8")
    for line in text.splitlines():
        if not line or line.startswith("#"):
            continue
        iso2, iso3, numeric, name, region = line.split("\t")
        out[iso2] = {"iso3": iso3, "numeric": int(numeric), "name": name, "region": region}
    return out


def event_id_cnty(event: dict[str, Any]) -> str:
    """ACLED's event id shape (country letters + number), stable for a sitrep event id."""
    cc = (event.get("place") or {}).get("country_code") or ""
    prefix = countries().get(cc, {}).get("iso3", "XXX")
    number = int(hashlib.sha1(event["id"].encode()).hexdigest()[:10], 16) % 10**9
    return f"{prefix}{number}"


def _inter(actor: dict[str, Any] | None) -> int:
    value = (actor or {}).get("inter")
    return int(value) if isinstance(value, int) else 0


_ARTICLE = compiled(r"^(?:A|An|The)\b")
_PLURAL = compiled(r"(?:[^s]s|\bpolice|\bpeople|\bmedia)$")


def _who(event: dict[str, Any]) -> str:
    """Who stands behind the account: a named source, else (for a claim) the claimant, else the wire."""
    named = [str(s["who"]) for s in event.get("sources") or [] if s.get("who")]
    if named:
        who = named[0]
        # "A security source" mid-sentence is "a security source"; "spokesman" is "a spokesman";
        # names keep their capitals.
        if _ARTICLE.match(who):
            return who[0].lower() + who[1:]
        if not who[:1].islower() or who.startswith(("a ", "an ", "the ")) or _PLURAL.search(who):
            return who  # names keep their capitals; "local officials" and "police" take no "a"
        return f"a {who}"
    actor = (event.get("actor1") or {}).get("name")
    if event.get("modality") in ("claimed", "denied") and actor and not str(actor).startswith("Unidentified"):
        return str(actor)  # "the Taliban said ...": the claim is theirs, the wire only carries it
    vias = [s.get("via") for s in event.get("sources") or [] if s.get("via")]
    if vias and event.get("modality") == "claimed":
        return f"carried by {vias[0]}"  # the wire carries the claim; it does not make it
    return str(vias[0]) if vias else "a source"


def notes(event: dict[str, Any]) -> str:
    """A note in ACLED's style, written from the event's fields and evidence."""
    when = event.get("date") or {}
    span = when.get("value")
    try:
        day = date.fromisoformat(span) if span and len(span) == 10 else None
    except ValueError:
        day = None
    month = date_span(span, when.get("precision")) if span and not day else None
    if day:
        on = f"On {day.day} {day:%B %Y}"
    elif month and when.get("precision") == "month":
        on = f"In {month[0]:%B %Y}"
    else:
        on = f"In {span}" if span else "On an unknown date"
    if day and when.get("precision") != "day":
        on = f"Around {day.day} {day:%B %Y}"
    named = (event.get("actor1") or {}).get("name")
    if named and str(named).startswith("Unidentified"):
        named = None  # "an unidentified armed group", as ACLED's notes write it
    actor1 = named or _SUBJECTS.get(event.get("family") or "", "unidentified actors")
    actor2 = (event.get("actor2") or {}).get("name") or "another group"
    place = event.get("place") or {}
    where = place.get("name") or "an unknown location"
    if place.get("precision") == "city" and place.get("admin1") and place["admin1"] != where:
        where = f"{where} ({place['admin1']})"
    if place.get("site"):
        where = f"the {place['site']} in {where}"  # "captured the jail in Kandahar"
    verb = _VERBS.get(event["kind"]) or _ACLED_VERBS.get(
        str((event.get("acled") or {}).get("sub_event_type")), "acted in"
    )
    text = f"{on}, {actor1} {verb.format(actor2=actor2)} {where}."
    modality = event.get("modality")
    if modality in _MODALITY_NOTE:
        who = _who(event)
        note = _MODALITY_NOTE[modality]
        if who.startswith("carried by "):
            note = note.replace("by {who}", "{who}")
        text += " " + note.format(who=who)
    rng = event.get("fatalities_range")
    if rng and rng.get("best") is not None and rng["low"] != rng["high"]:
        text += f" Reports give {rng['low']} to {rng['high']} fatalities; the latest corroborated figure is coded."
    elif rng and rng.get("best") is None and rng.get("vague"):
        words = " or ".join(v["text"] for v in rng["vague"])
        text += f" Reports give {words} of fatalities, no figure; {fatalities(event)} is coded."
    n = event.get("independent_sources") or 0
    k = len(event.get("articles") or [])
    text += f" [{k} report{'s' if k != 1 else ''}, {n} independent source{'s' if n != 1 else ''}]"
    return text


def _source(event: dict[str, Any], outlets: dict[str, str]) -> tuple[str, str]:
    """ACLED's ``source``: the outlets and agencies that carried the reports, by name, joined by "; "."""
    wires = sorted(
        {o.split(":", 1)[1] for o in event.get("originators") or [] if o.startswith("wire:")}
    )
    names: list[str] = list(wires)
    credit = {m.get("article_id"): m.get("outlet") for m in event.get("mentions") or []}
    for article in event.get("articles") or []:
        name = outlets.get(article) or credit.get(article)
        if name and name not in names and name != "agencies":
            names.append(name)
    if "agencies" in wires and len(names) > 1:
        names.remove("agencies")  # "- Agencies" says no more than the agencies named
    scale = "International" if wires else "Other"
    return "; ".join(names), scale


# Where the event was, in ACLED's three grades: 1 the town or village itself; 2 near a
# town, or a part of a region (a district) named; 3 only a larger area (a province, a
# country, a region).
_GEO_BY_PRECISION = {
    "landmark": 1, "site": 1, "city": 1, "admin3": 1, "admin2": 2, "admin1": 3, "region": 3,
    "country": 3, "continent": 3,
}  # fmt: skip
# "a village near Garissa", "on the outskirts of Dresden", "between Agadez and Dirkou",
# "20 km north of Mosul": near the town, not in it ("outside the embassy in Nicosia" is in it).
_NEAR = compiled(
    r"\b(?:near(?:by)?|outside|close to|outskirts of|vicinity of|not far from|between|"
    r"(?:north|south|east|west)(?:-?(?:east|west))?(?:ern)?\s+of|"
    r"\d+\s*(?:km|kilomet(?:er|re)s|miles?)\s+(?:\w+\s+)?(?:of|from))\s+(?:the\s+)?(?:[\w'-]+\s+){0,3}$",
    re.IGNORECASE,
)
_IN_AT = compiled(r"\b(?:in|at)\s+$", re.IGNORECASE)
# "Aleppo countryside", "Srinagar district": an area around the town, not the town.
_AREA_AFTER = compiled(
    r"(?:['’]s)?\s+(?:countryside|district|region|area|outskirts|suburbs|environs|rural area)\b",
    re.IGNORECASE,
)


def _fold(text: str) -> str:
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()


def geo_precision(event: dict[str, Any]) -> int:
    """ACLED's geo_precision for the event's place (1 town, 2 near a town or a district, 3 larger).

    A town is 1 unless the sentence puts the event near it ("a village near Garissa") or
    in the area around it ("Aleppo countryside", "Shwebo district"): then 2.
    """
    place = event.get("place") or {}
    grade = _GEO_BY_PRECISION.get(str(place.get("precision") or place.get("feature")), 3)
    if grade != 1 or not place.get("name"):
        return grade
    name = _fold(str(place["name"]))
    for ev in event.get("evidence") or []:
        text = _fold(str(ev.get("text") or ""))
        for m in re.finditer(re.escape(name), text):
            before = text[max(0, m.start() - 60) : m.start()]
            if (_NEAR.search(before) and not _IN_AT.search(before)) or _AREA_AFTER.match(text, m.end()):
                return 2
    return grade


# Violence against civilians is ACLED's civilian targeting; so is an explosion, a shelling
# or a mob that targets civilians. Arrests, captures, protests and battles are not.
_TARGETING_TYPES = {"Violence against civilians", "Explosions/Remote violence", "Riots"}


def civilian_targeting(event: dict[str, Any], inter2: int) -> str:
    """"Civilian targeting" for violence aimed at civilians, else empty."""
    acled = event.get("acled") or {}
    if acled.get("event_type") == "Violence against civilians":
        return "Civilian targeting"
    if acled.get("event_type") in _TARGETING_TYPES and inter2 == 7:
        return "Civilian targeting"
    return ""


# ACLED's codebook figures for vague death counts: "dozens" is coded 12, "scores" 20,
# "hundreds" 100, "thousands" 1000 (the smallest count the word can mean).
_ACLED_VAGUE = {
    "dozens": 12, "scores": 20, "hundreds": 100, "thousands": 1000, "tens of thousands": 10000,
    "hundreds of thousands": 100000, "millions": 1000000,
}  # fmt: skip


def fatalities(event: dict[str, Any]) -> int:
    """The fatalities column: the event's best figure; for vague counts only, ACLED's figure."""
    if isinstance(event.get("fatalities"), int):
        return int(event["fatalities"])
    vague = ((event.get("fatalities_range") or {}).get("vague")) or []
    coded = [_ACLED_VAGUE.get(v.get("text"), v.get("low") or 0) for v in vague]
    return min(coded) if coded else 0


def row(
    event: dict[str, Any], outlets: dict[str, str], *, stamp: int | None = None
) -> dict[str, Any] | None:
    """One ACLED row for an event that has an ACLED type (None for the rest, e.g. a siege)."""
    acled = event.get("acled") or {}
    if not acled.get("event_type"):
        return None
    place = event.get("place") or {}
    country = countries().get(place.get("country_code") or "", {})
    when = event.get("date") or {}
    value = str(when.get("value") or "")
    inter1, inter2 = _inter(event.get("actor1")), _inter(event.get("actor2"))
    pair = sorted(x for x in (inter1, inter2) if x)
    interaction = int("".join(map(str, pair))) if len(pair) == 2 else (pair[0] * 10 if pair else 0)
    source, scale = _source(event, outlets)
    tags = [f"sitrep modality={event.get('modality')}", f"status={event.get('status')}"]
    return {
        "event_id_cnty": event_id_cnty(event),
        "event_date": value if len(value) == 10 else (value + "-01" if len(value) == 7 else value),
        "year": int(value[:4]) if value[:4].isdigit() else None,
        "time_precision": _TIME_PRECISION.get(str(when.get("precision")), 3),
        "disorder_type": _DISORDER.get(acled["event_type"], ""),
        "event_type": acled["event_type"],
        "sub_event_type": acled.get("sub_event_type") or "",
        "actor1": (event.get("actor1") or {}).get("name") or "",
        "assoc_actor_1": "",
        "inter1": inter1,
        "actor2": (event.get("actor2") or {}).get("name") or "",
        "assoc_actor_2": "",
        "inter2": inter2,
        "interaction": interaction,
        "civilian_targeting": civilian_targeting(event, inter2),
        "iso": country.get("numeric", 0),
        "region": country.get("region", ""),
        "country": country.get("name", ""),
        "admin1": place.get("admin1") or "",
        "admin2": place.get("admin2") or "",
        "admin3": "",
        "location": place.get("name") or "",
        "latitude": place.get("lat"),
        "longitude": place.get("lon"),
        "geo_precision": geo_precision(event),
        "source": source,
        "source_scale": scale,
        "notes": notes(event),
        "fatalities": fatalities(event),
        "tags": "; ".join(tags),
        "timestamp": stamp if stamp is not None else int(time.time()),
    }
