"""Score events on whole articles (``events_articles.dev.jsonl``), one article at a time.

Every record goes through the path ``sitrep annotate`` takes (cleaning included,
with the record's publication date and title). A *material* event (speech acts
aside) is right when its kind family, place and date match a gold event of that
article:

- family: our kind read in the gold's families (``GOLD_FAMILY``);
- place: within 50 km of the gold point for a site or town, 250 km for a
  province, the same country for a country or region;
- date: equal to the gold's precision (a month-precise gold is met by any day
  of that month, never by a coarser guess).

Predictions and gold events are paired one to one (a maximum matching), so a
second output of one gold event counts against precision. The table also says
why the unmatched outputs missed (no gold of that family, wrong place, wrong
date) so that a change can be aimed.
"""

from __future__ import annotations

import json
import math
import time
from collections import Counter
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from sitrep.model import Event

# Our kinds read in the gold file's families; a kind ACLED itself files under two
# headings (mob violence, force used on protesters) matches either.
GOLD_FAMILY: dict[str, frozenset[str]] = {
    **{k: frozenset({"violence"}) for k in (
        "attack.suicide", "attack.airstrike", "attack.shelling", "attack.grenade", "attack.bombing",
        "attack.sexual", "abduction", "attack.civilians", "clash.armed",
    )},
    "protest.excessive": frozenset({"violence", "protest"}),
    "riot.mob": frozenset({"riot", "violence"}),
    "riot": frozenset({"riot"}),
    "protest.intervention": frozenset({"protest"}),
    "protest": frozenset({"protest"}),
    "detention.arrest": frozenset({"arrest"}),
    "release": frozenset({"release"}),
    "territory.capture": frozenset({"capture"}),
    "territory.regain": frozenset({"capture"}),
    "territory.handover": frozenset({"capture"}),
    "force.surrender": frozenset({"retreat"}),
    "force.retreat": frozenset({"retreat"}),
    "siege": frozenset({"siege"}),
    "looting": frozenset({"looting"}),
    "weapons.disrupted": frozenset({"weapons"}),
    "deployment": frozenset({"deployment"}),
    "evacuation": frozenset({"evacuation"}),
    "displacement": frozenset({"displacement"}),
    "agreement": frozenset({"agreement"}),
    "disaster": frozenset({"disaster"}),
    "group.change": frozenset({"other"}),
    "restriction": frozenset({"other", "arrest"}),
    "other": frozenset({"other", "disaster"}),
}  # fmt: skip

_KM_BY_PRECISION = {"site": 50.0, "city": 50.0, "admin1": 250.0}
_DATE_LEN = {"day": 10, "month": 7, "year": 4}


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(a)))


def _country_codes() -> dict[str, str]:
    """Country names (GeoNames and ACLED spellings, lower case) to ISO alpha-2 codes."""
    from importlib import resources

    from sitrep.events.places import _ACLED_NAMES

    out: dict[str, str] = {}
    path = resources.files("sitrep") / "data" / "countries.tsv"
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or not line.strip():
            continue
        cols = line.split("\t")
        out[cols[3].lower()] = cols[0]
    for code, name in _ACLED_NAMES.items():
        out[name.lower()] = code
    return out


_COUNTRIES: dict[str, str] = {}


def country_code(name: str | None) -> str | None:
    """The ISO code of a gold country name ("Palestine" -> "PS"), None when unknown."""
    if not _COUNTRIES:
        _COUNTRIES.update(_country_codes())
    return _COUNTRIES.get((name or "").lower())


def material(kind: str) -> bool:
    """Whether a kind is a material event the map shows (not a speech act: ``kinds.tsv``)."""
    from sitrep.events.lexicon import layer_of

    return layer_of(kind) == "material"


def family_ok(kind: str, gold: dict[str, Any]) -> bool:
    """Whether our kind reads as the gold event's family."""
    return gold["family"] in GOLD_FAMILY.get(kind, frozenset())


def place_ok(place: dict[str, Any] | None, gold: dict[str, Any]) -> bool:
    """Whether a predicted place meets the gold's: distance by precision, or the same country."""
    if not place or place.get("lat") is None:
        return False
    limit = _KM_BY_PRECISION.get(gold.get("place_precision") or "")
    if limit is not None and gold.get("lat") is not None:
        return (
            haversine_km(float(place["lat"]), float(place["lon"]), gold["lat"], gold["lon"])
            <= limit
        )
    code = country_code(gold.get("country"))
    return code is not None and place.get("country_code") == code


def date_ok(date: dict[str, Any] | None, gold: dict[str, Any]) -> bool:
    """Whether a predicted date equals the gold's to the gold's precision.

    A coarser date counts only for a recalled event, as the file's README says ("a recalled
    event that the text dates only to a year or month may be given at that precision"):
    "rebels have been fighting since June" read as June 2011 for a war that began on
    5 June 2011. A story's own events must be dated to the gold's precision.
    """
    if not date or not date.get("value") or not gold.get("date"):
        return False
    n = _DATE_LEN.get(gold.get("date_precision") or "day", 10)
    value = str(date["value"])
    if len(value) < n and gold.get("background") and len(value) in (4, 7):
        return str(gold["date"]).startswith(value)
    return len(value) >= n and value[:n] == str(gold["date"])[:n]


def matches(
    kind: str, place: dict[str, Any] | None, date: dict[str, Any] | None, gold: dict[str, Any]
) -> bool:
    """Family, place and date all agree with one gold event."""
    return family_ok(kind, gold) and place_ok(place, gold) and date_ok(date, gold)


def max_matching(n_left: int, edges: dict[int, list[int]]) -> dict[int, int]:
    """A maximum one-to-one matching (left -> right) by augmenting paths."""
    right_of: dict[int, int] = {}
    left_of: dict[int, int] = {}

    def augment(u: int, seen: set[int]) -> bool:
        for v in edges.get(u, []):
            if v in seen:
                continue
            seen.add(v)
            if v not in left_of or augment(left_of[v], seen):
                left_of[v] = u
                right_of[u] = v
                return True
        return False

    for u in range(n_left):
        augment(u, set())
    return right_of


def why_missed(
    kind: str,
    place: dict[str, Any] | None,
    date: dict[str, Any] | None,
    golds: list[dict[str, Any]],
) -> str:
    """The nearest reason an output matched no gold event (for aiming changes)."""
    fam = [g for g in golds if family_ok(kind, g)]
    if not fam:
        return "no gold event of that family"
    if not any(place_ok(place, g) for g in fam):
        return "place" if place else "no place"
    if not any(place_ok(place, g) and date_ok(date, g) for g in fam):
        return "date"
    return "duplicate"


def records(path: Path, limit: int | None = None) -> list[dict[str, Any]]:
    """The file's records, in order."""
    return [json.loads(line) for line in path.open(encoding="utf-8") if line.strip()][:limit]


def annotate_record(rec: dict[str, Any]) -> list[Event]:
    """The events ``sitrep annotate`` gives for one record (the whole path, cleaning included)."""
    from sitrep.model import Article, RawArticle
    from sitrep.pipeline import clean_all, extract

    raw = RawArticle(
        id=str(rec["id"]), source=str(rec["id"]), text=rec["text"],
        published=rec.get("published"), title=rec.get("title"),
    )  # fmt: skip
    for item in clean_all([raw]):
        if isinstance(item, Article):
            return extract(item).events
    return []


def score(
    predictions: Iterable[tuple[str, list[dict[str, Any]]]],
    gold_of: Callable[[str], list[dict[str, Any]]],
) -> dict[str, Any]:
    """Pair each record's material predictions (kind, place, date dicts) with its gold events."""
    right = outputs = gold_total = found = 0
    missed: Counter[str] = Counter()
    by_family: dict[str, Counter[str]] = {}
    for rid, preds in predictions:
        golds = gold_of(rid)
        gold_total += len(golds)
        mat = [p for p in preds if material(p["kind"])]
        outputs += len(mat)
        edges = {
            i: [j for j, g in enumerate(golds) if matches(p["kind"], p["place"], p["date"], g)]
            for i, p in enumerate(mat)
        }
        pairing = max_matching(len(mat), edges)
        right += len(pairing)
        found += len(set(pairing.values()))
        for i, p in enumerate(mat):
            fam = sorted(GOLD_FAMILY.get(p["kind"], frozenset({"other"})))[0]
            c = by_family.setdefault(fam, Counter())
            c["output"] += 1
            if i in pairing:
                c["right"] += 1
            else:
                missed[why_missed(p["kind"], p["place"], p["date"], golds)] += 1
        for j, g in enumerate(golds):
            by_family.setdefault(g["family"], Counter())["gold"] += 1
            if j in pairing.values():
                by_family[g["family"]]["found"] += 1
    return {
        "material_events": outputs,
        "right": right,
        "gold_events": gold_total,
        "found": found,
        "precision": round(right / outputs, 4) if outputs else 0.0,
        "recall": round(found / gold_total, 4) if gold_total else 0.0,
        "missed_outputs": dict(missed.most_common()),
        "by_family": {k: dict(v) for k, v in sorted(by_family.items())},
    }


def evaluate_articles(path: Path, *, limit: int | None = None) -> dict[str, Any]:
    """Per-article precision and recall of material events on whole articles."""
    recs = records(path, limit)
    gold = {str(r["id"]): r.get("events") or [] for r in recs}
    started = time.perf_counter()
    preds: list[tuple[str, list[dict[str, Any]]]] = []
    speech = 0
    for rec in recs:
        events = annotate_record(rec)
        speech += sum(not material(e.kind) for e in events)
        preds.append(
            (str(rec["id"]), [{"kind": e.kind, "place": e.place, "date": e.date} for e in events])
        )
    elapsed = time.perf_counter() - started
    result = score(preds, lambda rid: gold[rid])
    result.update({
        "articles": len(recs),
        "speech_acts": speech,
        "material_per_article": round(result["material_events"] / len(recs), 2) if recs else 0.0,
        "seconds": round(elapsed, 2),
        "articles_per_second": round(len(recs) / elapsed, 1) if elapsed else 0.0,
    })  # fmt: skip
    return result


def format_table(result: dict[str, Any]) -> str:
    """A readable table of the per-article scores."""
    lines = [
        f"articles: {result['articles']}  gold events: {result['gold_events']}  "
        f"material events output: {result['material_events']} ({result['material_per_article']} per article)  "
        f"speech acts (kept apart): {result['speech_acts']}",
        f"precision: {result['precision']:.4f}  ({result['right']} right of {result['material_events']})",
        f"recall:    {result['recall']:.4f}  ({result['found']} of {result['gold_events']} gold events found)",
        "unmatched outputs by nearest reason: "
        + ", ".join(f"{k} {v}" for k, v in result["missed_outputs"].items()),
        "by family (gold family): output / right / gold / found",
    ]
    for fam, c in result["by_family"].items():
        lines.append(
            f"  {fam:<13} {c.get('output', 0):>4} {c.get('right', 0):>4} {c.get('gold', 0):>4} {c.get('found', 0):>4}"
        )
    lines.append(
        f"time: {result['seconds']} s ({result['articles_per_second']} articles/s, whole path)"
    )
    return "\n".join(lines)
