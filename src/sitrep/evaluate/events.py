"""Score event extraction on the shared event files (ACLED notes, ISAF releases, PLOVER).

Every record goes through the same path as ``annotate --assume-clean``: the text
as given, then places, times, quantities and events. The file's shape says which
scoring applies:

- ACLED (``gold.sub_event_type``): the first event's ACLED type and sub-type,
  admin1, date and actor1, and fatalities where the gold has any. ``admin1`` is
  compared as written, folding only case and accents ("Khowst" is not "Khost":
  an analyst's join on the name fails); ``admin1_lenient`` also accepts another
  romanisation of the same name, and ``admin1_lenient_or_point`` an area that
  holds the gold point whatever its name. Actor names match when equal after
  dropping year ranges ("(2021-)"), or when one is the other plus a unit
  ("... Air Force"). ``admin2`` is compared as written over the records whose
  gold has one.
- ISAF (``gold.start_date``): the kind of some event is consistent with the
  label; every gold province is among the events' admin1 (``province``: as
  written, folding only case and accents; ``province_lenient``: any
  romanisation); the gold start date is among the events' dates.
- PLOVER (``gold.event``): the first event's PLOVER type, with the file's 2016
  draft names read as today's (DEMAND is REQUEST, DISAPPROVE and INVESTIGATE
  are ACCUSE, FIGHT is ASSAULT).
- Seeds (``seeds.gold.json``): the seed articles go through the whole path
  (cleaning included); a gold event is found when an event of one of its
  articles has the same kind family, a place within 25 km (or the same
  admin1 for an area), the same date (when the gold gives one) and the same
  modality. Events whose evidence lies outside the body are counted as
  invented.
"""

from __future__ import annotations

import json
import re
import time
from collections import Counter
from difflib import SequenceMatcher
from functools import lru_cache
from pathlib import Path
from typing import Any

from sitrep.clean import clean
from sitrep.evaluate.places import Where
from sitrep.model import Article, Event, RawArticle
from sitrep.pipeline import extract
from sitrep.places.names import fold, key_of, tokenize
from sitrep.rxfactor import compiled


def written_key(name: str) -> str:
    """A name as written, with only case and accents folded ("Kandahār" == "kandahar",
    "Khowst" != "Khost", "Ma'rib" != "Marib")."""
    return " ".join(fold(name).split())


def place_key(name: str) -> str:
    """A spelling-insensitive key for comparing admin1 names ("Kandahār" == "kandahar")."""
    return key_of(tokenize(name)).replace(" ", "")


PLOVER_2016 = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE", "FIGHT": "ASSAULT"}
ISAF_CONSISTENT = {
    "detention": {"Arrests"},
    "airstrike": {"Air/drone strike"},
    "insurgentskilled": {"Armed clash", "Attack", "Air/drone strike"},
    "captureandkill": {"Arrests", "Armed clash", "Attack"},
    "civiliancasualty": {
        "Armed clash", "Attack", "Air/drone strike", "Shelling/artillery/missile attack",
        "Remote explosive/landmine/IED", "Suicide bomb", "Grenade", "Mob violence",
        "Excessive force against protesters", "Violent demonstration", "Sexual violence",
        "Abduction/forced disappearance",
    },
}  # fmt: skip
_YEARS = compiled(r"\s*\(\d{4}-(?:\d{4})?\)")


def _article(rec: dict[str, Any], published: str | None = None) -> Article:
    raw = RawArticle(id=str(rec["id"]), source=str(rec["id"]), text=rec["text"], published=published)
    return extract(clean(raw, assume_clean=True))


def actor_match(predicted: str | None, gold: str | None) -> bool:
    """ACLED actor names equal after dropping year ranges, or one the other plus a unit."""
    if not predicted or not gold:
        return not predicted and not gold
    p = _YEARS.sub("", predicted).strip().lower()
    g = _YEARS.sub("", gold).strip().lower()
    return p == g or g.startswith(p + " ") or p.startswith(g + " ")


_AREA_WORDS = compiled(
    r"\b(?:rayon|province|region|state|governorate|oblast|department|district|county|prefecture|"
    r"sheng|shi|shahri|special city|metropolitan city|republic(?: of)?|muhafazat|do)\b",
    re.IGNORECASE,
)
_ARTICLE = compiled(r"^\s*(?:al|an|ar|as|ash|ad|at|az|el)[\s-]+", re.IGNORECASE)  # assimilates: "Al Najaf" == "An Najaf"


def area_key(name: str) -> str:
    """``place_key`` without the area word ("Tartar Rayon" == "Tartar")."""
    return place_key(_AREA_WORDS.sub(" ", _ARTICLE.sub("al ", name))) or place_key(name)


@lru_cache(maxsize=4096)
def admin1_keys(name: str, country: str | None) -> frozenset[str]:
    """Keys under which a gold admin1 may appear: its own spelling, and the gazetteer's
    name for it ("Parwan" -> "Parvan", "Wien" -> "Vienna"), looked up in its country."""
    from sitrep.places import find_places

    keys = {area_key(name)}
    found = find_places(f"{name}, {country}" if country else name)
    codes = {p.country_code for p in found if p.feature == "country" and p.start > 0}
    for p in found:
        if p.start == 0 and (not codes or p.country_code in codes):
            if p.feature == "admin1":
                keys.add(area_key(p.name))
            elif p.admin1 and p.text == name and SequenceMatcher(None, area_key(p.name), area_key(name)).ratio() >= 0.8:
                # "Duhok": the city of Dihok, seat of the governorate the gazetteer calls Dahuk.
                keys.add(area_key(p.admin1))
    return frozenset(keys)


def _admin1_of(event: Event | None) -> str:
    """The admin1 name an event gives ("" if none)."""
    if event is None or not event.place:
        return ""
    place = event.place
    return str(place.get("admin1") or (place.get("name") if place.get("feature") == "admin1" else "") or "")


def _admin1_written(event: Event | None, gold: str | None) -> bool:
    """The event's admin1 is the gold's as written (case and accents folded)."""
    if not gold:
        return True
    got = _admin1_of(event)
    return bool(got) and written_key(got) == written_key(gold)


def _admin1_match(event: Event | None, gold: str | None, country: str | None = None) -> bool:
    """Lenient: the event's admin1 is the gold's in any romanisation."""
    if not gold:
        return True
    got = _admin1_of(event)
    if not got:
        return False
    key = area_key(got)
    return any(key == k or _transliterated(key, k) for k in admin1_keys(gold, country))


def _transliterated(a: str, b: str) -> bool:
    """Two romanisations of one name ("Hiraan" / "Hiiraan", "Kirovograd" / "Kirovohrad"):
    the same opening and nearly the same letters, so "Henan" / "Hunan" stay apart."""
    return min(len(a), len(b)) >= 5 and abs(len(a) - len(b)) <= 2 and a[:3] == b[:3] and SequenceMatcher(None, a, b).ratio() >= 0.8


def evaluate_events(path: Path, *, limit: int | None = None) -> dict[str, Any]:
    """Metrics for the event file at ``path`` (ACLED, ISAF, PLOVER or seeds gold shape)."""
    if path.suffix == ".json":
        from sitrep.evaluate.seeds import evaluate_seed_events

        return evaluate_seed_events(path)
    records = [json.loads(line) for line in path.open(encoding="utf-8") if line.strip()][:limit]
    gold0 = records[0]["gold"] if records else {}
    started = time.perf_counter()
    if "sub_event_type" in gold0:
        result = _acled(records)
    elif "start_date" in gold0:
        result = _isaf(records)
    else:
        result = _plover(records)
    elapsed = time.perf_counter() - started
    result.update(task="events", file=str(path), records=len(records))
    result["articles_per_second"] = round(len(records) / elapsed, 1) if elapsed else 0.0
    return result


@lru_cache(maxsize=1)
def _where() -> Where:
    from sitrep.places.gazetteer import load

    return Where(load())


def _admin1_holds(event: Event | None, lat: float | None, lon: float | None) -> bool:
    """Whether the event's admin1 is the area holding the gold point: names differ between
    GeoNames and ACLED ("Vienna" / "Wien", "Eastern Province" / "Ituri" since 2015), areas do not."""
    if event is None or not event.place or lat is None or lon is None:
        return False
    where = _where()
    area = where.area(lat, lon)
    if area is None:
        return False
    cc = str(event.place.get("country_code") or "")
    name = _admin1_of(event)
    rid = where.gaz.admin1_rid(area[1])
    # By name: ACLED joins several GeoNames areas into one ("Macedonia-Thrace"), so one name
    # may stand for several keys.
    return bool(name) and cc == area[0] and rid is not None and where.gaz.names[rid] == name


def _acled(records: list[dict[str, Any]]) -> dict[str, Any]:
    hits: Counter[str] = Counter()
    fatal_n = admin2_n = 0
    confusion: Counter[tuple[str, str]] = Counter()
    for rec in records:
        g = rec["gold"]
        events = _article(rec).events
        first = events[0] if events else None
        acled = first.acled if first and first.acled else {}
        hits["event_type"] += acled.get("event_type") == g["event_type"]
        hits["sub_event_type"] += acled.get("sub_event_type") == g["sub_event_type"]
        if acled.get("sub_event_type") != g["sub_event_type"]:
            confusion[(g["sub_event_type"], acled.get("sub_event_type") or "-")] += 1
        hits["admin1"] += _admin1_written(first, g.get("admin1"))
        by_name = _admin1_match(first, g.get("admin1"), g.get("country"))
        hits["admin1_lenient"] += by_name
        hits["admin1_lenient_or_point"] += by_name or _admin1_holds(first, g.get("latitude"), g.get("longitude"))
        if g.get("admin2"):
            admin2_n += 1
            got2 = str(((first.place or {}).get("admin2") if first else "") or "")
            hits["admin2"] += bool(got2) and written_key(got2) == written_key(g["admin2"])
        hits["date"] += bool(first and first.date and first.date["value"] == g["event_date"])
        hits["actor1"] += actor_match((first.actor1 or {}).get("name") if first else None, g.get("actor1"))
        if g.get("fatalities"):
            fatal_n += 1
            hits["fatalities"] += bool(first and first.fatalities == g["fatalities"])
    n = len(records) or 1
    keys = ("event_type", "sub_event_type", "admin1", "admin1_lenient", "admin1_lenient_or_point", "date", "actor1")
    rows = {k: hits[k] / n for k in keys}
    rows["admin2"] = hits["admin2"] / admin2_n if admin2_n else 0.0
    rows["fatalities"] = hits["fatalities"] / fatal_n if fatal_n else 0.0
    return {
        "corpus": "acled",
        "metric": "first event's field == gold (admin1 as written, case and accents folded; "
        "*_lenient: any romanisation, or the area holding the gold point; admin2 as written and fatalities over "
        "records whose gold has any)",
        "rows": rows,
        "fatalities_n": fatal_n,
        "most_confused": [f"{g} -> {p}: {c}" for (g, p), c in confusion.most_common(12)],
    }


def _province_key(name: str) -> str:
    """The key of a province as the geoparser spells it ("wardak" -> "Vardak" -> "vardak")."""
    from sitrep.places import find_places

    for p in find_places(f"{name.title()} province, Afghanistan"):
        if p.feature == "admin1":
            return place_key(p.name)
    return place_key(name)


def _isaf(records: list[dict[str, Any]]) -> dict[str, Any]:
    hits: Counter[str] = Counter()
    for rec in records:
        g = rec["gold"]
        events = _article(rec).events
        subs = {e.acled["sub_event_type"] for e in events if e.acled}
        labels = [t for label in g["event_type"] for t in label.split(";") if t]
        hits["kind"] += all(bool(subs & ISAF_CONSISTENT.get(t, set())) for t in labels)
        named = {_admin1_of(e) for e in events} - {""}
        provinces = [p for p in g["province"] if p]
        written = {written_key(a) for a in named}
        hits["province"] += all(written_key(p) in written for p in provinces)
        admin1 = {area_key(a) for a in named}
        hits["province_lenient"] += all(bool(({_province_key(p)} | admin1_keys(p.title(), "Afghanistan")) & admin1) for p in provinces)
        hits["start_date"] += g["start_date"] in {e.date["value"] for e in events if e.date}
    n = len(records) or 1
    return {
        "corpus": "isaf",
        "metric": "kind consistent with the label; every gold province among events' admin1 (as written, case "
        "and accents folded; *_lenient: any romanisation); gold start date among events' dates",
        "rows": {k: hits[k] / n for k in ("kind", "province", "province_lenient", "start_date")},
    }


def _plover(records: list[dict[str, Any]]) -> dict[str, Any]:
    right = 0
    confusion: Counter[tuple[str, str]] = Counter()
    for rec in records:
        gold = PLOVER_2016.get(rec["gold"]["event"], rec["gold"]["event"])
        events = [e for e in _article(rec).events if e.plover]
        got = events[0].plover["type"] if events and events[0].plover else None
        right += got == gold
        if got != gold:
            confusion[(gold, got or "-")] += 1
    return {
        "corpus": "plover",
        "metric": "first event's PLOVER type == gold (2016 names mapped)",
        "rows": {"plover_type": right / (len(records) or 1)},
        "most_confused": [f"{g} -> {p}: {c}" for (g, p), c in confusion.most_common(12)],
    }


def format_table(result: dict[str, Any]) -> str:
    """The metrics as an aligned text table."""
    out = [f"{result['corpus']} ({result['records']} records): {result['metric']}"]
    for name, value in result["rows"].items():
        out.append(f"  {name:<24}{value:>8.4f}")
    for line in result.get("details", []):
        out.append(f"  {line}")
    if result.get("most_confused"):
        out.append("  most confused (gold -> predicted):")
        out += [f"    {line}" for line in result["most_confused"]]
    out.append(f"({result['articles_per_second']} articles/s)")
    return "\n".join(out)
