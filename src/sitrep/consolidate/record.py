"""One consolidated event from its mentions: fields, sources counted honestly, status, conflicts."""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from typing import Any

from sitrep.consolidate.mention import DATE_RANK, MODALITY_STRENGTH, Mention
from sitrep.consolidate.merge import Cluster

# Units that measure (distance, time, share) rather than count what happened: two reports
# giving different distances usually measure different things, not the same thing twice.
_MEASURES = re.compile(
    r"^(?:km|kms|kilomet(?:er|re)s?|miles?|met(?:er|re)s?|feet|hours?|days?|weeks?|months?|years?|"
    r"minutes?|per ?cent|percent|%|dollars?|euros?|pounds?)$",
    re.IGNORECASE,
)


def _modality(mentions: list[Mention]) -> str:
    positive = [m.modality for m in mentions if m.modality != "denied"]
    if not positive:
        return "denied"
    return max(positive, key=lambda x: MODALITY_STRENGTH.get(x, 0))


def _most_common(values: list[Any]) -> Any:
    counted = Counter(v for v in values if v is not None)
    return counted.most_common(1)[0][0] if counted else None


def _actor(mentions: list[Mention], role: str, kind: str) -> dict[str, Any] | None:
    """The actor most mentions name in ``role``, as its fullest mention gives it.

    A non-state capture ("the fall of Ghazni", confirmed by the interior ministry) is
    never led by the state: a state actor1 there is the confirming source misread.
    """
    named: list[dict[str, Any]] = [
        m.data[role] for m in mentions if (m.data.get(role) or {}).get("name")
    ]
    if kind == "territory.capture" and role == "actor1":
        named = [a for a in named if a.get("type") not in ("state", "official")]
    name = _most_common([a["name"] for a in named if not a["name"].startswith("Unidentified")])
    name = name or _most_common([a["name"] for a in named])
    if name is None:
        return None
    same = [a for a in named if a["name"] == name]
    # A report that names the actor outweighs one that read it from context ("how").
    actor = next((a for a in same if a.get("how") != "context"), same[0])
    return {k: actor.get(k) for k in ("name", "type", "inter", "country_code", "how") if k in actor}


def _date(mentions: list[Mention]) -> dict[str, Any] | None:
    dated = [m for m in mentions if (m.data.get("date") or {}).get("value")]
    if not dated:
        return None
    finest = min(m.date_rank for m in dated)
    values = [m.data["date"]["value"] for m in dated if m.date_rank == finest]
    value = _most_common(values)
    precision = next(
        m.data["date"].get("precision") for m in dated if m.data["date"]["value"] == value
    )
    return {"value": value, "precision": precision}


def _place(c: Cluster) -> dict[str, Any] | None:
    for m in c.mentions:
        if m.place_key == c.place_key and m.data.get("place"):
            p = m.data["place"]
            keep = (
                "name",
                "geonameid",
                "lat",
                "lon",
                "country_code",
                "admin1",
                "precision",
                "feature",
            )
            out = {k: p.get(k) for k in keep}
            if p.get("site"):
                out["site"] = p["site"]
            return out
    return None


def _published(m: Mention) -> str:
    return m.article.published or ""


def _later(a: Mention, b: Mention) -> bool:
    """Whether b's report is known to come after a's (a later day, a new version, or a copy's update)."""
    if b.article.copy_of == a.article.pk or (
        b.article.id == a.article.id and b.article.pk > a.article.pk
    ):
        return True
    pa, pb = a.article, b.article
    if pa.published and pb.published and pa.published_precision == pb.published_precision == "day":
        return bool(pb.published[:10] > pa.published[:10])
    if pa.published and pb.published and len(pa.published) >= 10 and len(pb.published) >= 10:
        return bool(pb.published > pa.published)
    return False


def _value_entry(m: Mention, value: Any) -> dict[str, Any]:
    ev = (m.data.get("evidence") or [{}])[0]
    return {
        "value": value,
        "article_id": m.article.id,
        "published": m.article.published,
        "evidence": {k: ev.get(k) for k in ("start", "end", "text")},
    }


def _conflict(
    event_id: str, fact: str, readings: list[tuple[Mention, Any]], context: str
) -> dict[str, Any] | None:
    """A conflict when the articles' readings of one fact differ; labelled update or contradiction."""
    by_article: dict[int, tuple[Mention, Any]] = {}
    for m, value in readings:
        by_article.setdefault(m.article.pk, (m, value))
    distinct = {str(v) for _, v in by_article.values()}
    if len(distinct) < 2:
        return None
    items = sorted(by_article.values(), key=lambda mv: (_published(mv[0]), mv[0].article.id))
    ordered = all(
        _later(a, b) or _later(b, a)
        for i, (a, va) in enumerate(items)
        for b, vb in items[i + 1 :]
        if str(va) != str(vb)
    )
    if ordered:
        # The latest report's figure is the current one.
        items.sort(key=lambda mv: sum(_later(o, mv[0]) for o, _ in items))
    digest = hashlib.sha1(f"{event_id}\x00{fact}".encode()).hexdigest()[:12]
    return {
        "id": f"cf{digest}",
        "event_id": event_id,
        "fact": fact,
        "context": context,
        "kind": "update" if ordered else "contradiction",
        "values": [_value_entry(m, v) for m, v in items],
    }


def _approx_equal(a: dict[str, Any], b: dict[str, Any]) -> bool:
    if a["value"] == b["value"]:
        return True
    if a.get("approx") or b.get("approx"):
        hi = max(a["value"], b["value"])
        return bool(abs(a["value"] - b["value"]) <= 0.5 * hi)
    return False


def conflicts_of(event_id: str, c: Cluster, event: dict[str, Any]) -> list[dict[str, Any]]:
    """Facts the event's reports disagree on: counts, death tolls, and (for reprints) the date."""
    place = (event.get("place") or {}).get("name") or "an unknown place"
    context = f"{event['kind']} at {place}"
    out: list[dict[str, Any]] = []
    counts: dict[str, list[tuple[Mention, dict[str, Any]]]] = {}
    for m in c.mentions:
        for q in m.data.get("quantities") or []:
            unit = str(q.get("unit") or "").strip().lower()
            if (
                not unit
                or q.get("fatality")
                or _MEASURES.match(unit)
                or not isinstance(q.get("value"), int | float)
            ):
                continue
            counts.setdefault(unit, []).append((m, q))
    for unit, readings in sorted(counts.items()):
        firsts: dict[int, tuple[Mention, dict[str, Any]]] = {}
        for m, q in readings:
            firsts.setdefault(m.article.pk, (m, q))
        qs = list(firsts.values())
        if len(qs) > 1 and any(not _approx_equal(a[1], b[1]) for a in qs for b in qs):
            found = _conflict(
                event_id, f"number of {unit}", [(m, q["value"]) for m, q in qs], context
            )
            if found:
                out.append(found)
    deaths = [(m, m.data["fatalities"]) for m in c.mentions if m.data.get("fatalities") is not None]
    found = _conflict(event_id, "fatalities", deaths, context)
    if found:
        out.append(found)
    if c.date_disputed:
        # Only dates the reports state count: a publication day standing in for one is no claim.
        days = [
            (m, m.data["date"]["value"])
            for m in c.mentions
            if m.date_rank == 0 and m.data["date"].get("how") in ("text", "context")
        ]
        found = _conflict(event_id, "date", days, context)
        if found:
            out.append(found)
    return out


def _fatalities(mentions: list[Mention]) -> dict[str, int] | None:
    """Best (the most conservative figure more than one source gives, else the lowest), low, high."""
    by_source: dict[int, set[str]] = {}
    for m in mentions:
        n = m.data.get("fatalities")
        if isinstance(n, int):
            by_source.setdefault(n, set()).add(m.originator)
    if not by_source:
        return None
    corroborated = [n for n, who in by_source.items() if len(who) > 1]
    best = min(corroborated) if corroborated else min(by_source)
    return {"best": best, "low": min(by_source), "high": max(by_source)}


def _sources(mentions: list[Mention]) -> list[dict[str, Any]]:
    out: dict[tuple[Any, ...], dict[str, Any]] = {}
    for m in mentions:
        for s in m.data.get("sources") or []:
            key = (s.get("who"), s.get("channel"), s.get("via"))
            entry = out.setdefault(key, {**s, "articles": []})
            if m.article.id not in entry["articles"]:
                entry["articles"].append(m.article.id)
    return list(out.values())


def record(event_id: str, c: Cluster) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """The consolidated EVENT for a cluster, and the conflicts among its reports."""
    ms = sorted(c.mentions, key=lambda m: (_published(m), m.article.id, m.rank))
    # A reprint that dropped the agency's credit is still the agency's copy.
    wire_of_group = {m.article.copy_group: m.originator for m in ms if m.originator.startswith("wire:")}
    for m in ms:
        if m.originator.startswith("copy:") and m.article.copy_group in wire_of_group:
            m.originator = wire_of_group[m.article.copy_group]
    lead = next((m for m in ms if m.kind == c.kind), ms[0])
    originators = sorted({m.originator for m in ms})
    articles = list(dict.fromkeys(m.article.id for m in ms))
    published = sorted(p for p in (m.article.published for m in ms) if p)
    event: dict[str, Any] = {
        "id": event_id,
        "kind": c.kind,
        "family": lead.family,
        "acled": lead.data.get("acled"),
        "plover": lead.data.get("plover"),
        "actor1": _actor(ms, "actor1", c.kind),
        "actor2": _actor(ms, "actor2", c.kind),
        "place": _place(c),
        "date": _date(ms),
        "modality": _modality(ms),
        "sources": _sources(ms),
        "fatalities": None,
        "fatalities_range": _fatalities(ms),
        "quantities": _quantities(ms),
        "evidence": [
            {**(m.data.get("evidence") or [{}])[0], "article_id": m.article.id} for m in ms
        ],
        "articles": articles,
        "stories": sorted({m.article.story_id for m in ms if m.article.story_id is not None}),
        "independent_sources": len(originators),
        "originators": originators,
        # Who claims it, who confirms it, who denies it (and who merely asserts or reports it).
        "accounts": {
            modality: sorted({m.originator for m in ms if m.modality == modality})
            for modality in sorted({m.modality for m in ms})
        },
        "first_reported": published[0] if published else None,
        "last_reported": published[-1] if published else None,
        "mentions": [
            {
                "id": m.id,
                "article_id": m.article.id,
                "rank": m.rank,
                "modality": m.modality,
                "originator": m.originator,
                "why": m.why,
            }
            for m in ms
        ],
    }
    rng = event["fatalities_range"]
    event["fatalities"] = rng["best"] if rng else None
    conflicts = conflicts_of(event_id, c, event)
    denied = any(m.modality == "denied" for m in ms) and any(m.modality != "denied" for m in ms)
    if denied or any(cf["kind"] == "contradiction" for cf in conflicts):
        event["status"] = "disputed"
    elif len(originators) > 1:
        event["status"] = "corroborated"
    else:
        event["status"] = "single"
    event["conflicts"] = [cf["id"] for cf in conflicts]
    return event, conflicts


def _quantities(mentions: list[Mention]) -> list[dict[str, Any]]:
    seen: dict[tuple[Any, Any], dict[str, Any]] = {}
    for m in mentions:
        for q in m.data.get("quantities") or []:
            key = (q.get("value"), str(q.get("unit") or "").lower())
            seen.setdefault(
                key, {k: q.get(k) for k in ("value", "unit", "approx", "fatality", "text")}
            )
    return list(seen.values())


def date_rank_of(event: dict[str, Any]) -> int:
    """How precise an event's date is (0 = a day)."""
    return DATE_RANK.get(str((event.get("date") or {}).get("precision")), 5)
