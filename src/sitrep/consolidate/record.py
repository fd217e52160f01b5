"""One consolidated event from its mentions: fields, sources counted honestly, status, conflicts."""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from functools import lru_cache
from importlib import resources
from typing import Any

from sitrep.consolidate.mention import DATE_RANK, MODALITY_STRENGTH, Mention
from sitrep.consolidate.merge import Cluster
from sitrep.quantities import VAGUE
from sitrep.records import Conflict, ConflictValue, ConsolidatedEvent
from sitrep.rxfactor import compiled

# Units that measure (distance, time, share) rather than count what happened: two reports
# giving different distances usually measure different things, not the same thing twice.
_MEASURES = compiled(
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
                "admin2",
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


# "the toll rose to 257", "has climbed to 140", "now stands at 90": a figure told as risen.
_RISEN = compiled(
    r"\b(?:rose|risen|rises|rising|climbed|climbs|jumped|increased|mounted|reached|revised(?: up(?:ward)?)?|"
    r"(?:now )?stands at|stood at)\s+(?:to\s+)?(?:at least\s+|more than\s+|nearly\s+|some\s+)?"
    r"(?P<n>\d[\d,]*)",
    re.IGNORECASE,
)


def _told_as_risen(m: Mention, value: Any) -> bool:
    """Whether the mention's sentences say its figure is a toll that rose to ``value``."""
    for ev in m.data.get("evidence") or []:
        for found in _RISEN.finditer(str(ev.get("text") or "")):
            if found.group("n").replace(",", "") == str(value):
                return True
    return False


def _revises(a: Mention, va: Any, b: Mention, vb: Any, b_risen: bool) -> bool:
    """Whether b's figure revises a's: b is known to be later, or says its higher toll rose to it."""
    if _later(a, b):
        return True
    higher = isinstance(va, int | float) and isinstance(vb, int | float) and vb > va
    return higher and b_risen and not _later(b, a)


def _value_entry(m: Mention, value: Any) -> ConflictValue:
    ev = (m.data.get("evidence") or [{}])[0]
    return ConflictValue(value, m.article.id, m.article.published, {k: ev.get(k) for k in ("start", "end", "text")})


def _conflict(
    event_id: str, fact: str, readings: list[tuple[Mention, Any]], context: str
) -> Conflict | None:
    """A conflict when the articles' readings of one fact differ; labelled update or contradiction."""
    by_article: dict[int, tuple[Mention, Any]] = {}
    for m, value in readings:
        by_article.setdefault(m.article.pk, (m, value))
    distinct = {str(v) for _, v in by_article.values()}
    if len(distinct) < 2:
        return None
    items = sorted(by_article.values(), key=lambda mv: (_published(mv[0]), mv[0].article.id))
    risen = {m.pk: _told_as_risen(m, v) for m, v in items}
    # Reports that disagree are an update when every pair that differs is ordered in time
    # (a later day, a new version, a copy's update, or a toll told as risen); reports of
    # the same time that disagree are a contradiction.
    ordered = all(
        _revises(a, va, b, vb, risen[b.pk]) or _revises(b, vb, a, va, risen[a.pk])
        for i, (a, va) in enumerate(items)
        for b, vb in items[i + 1 :]
        if str(va) != str(vb)
    )
    if ordered:
        # The latest report's figure is the current one.
        items.sort(key=lambda mv: sum(_revises(o, vo, mv[0], mv[1], risen[mv[0].pk]) for o, vo in items))
    digest = hashlib.sha1(f"{event_id}\x00{fact}".encode()).hexdigest()[:12]
    return Conflict(f"cf{digest}", event_id, fact, context, "update" if ordered else "contradiction", [_value_entry(m, v) for m, v in items])


def _approx_equal(a: dict[str, Any], b: dict[str, Any]) -> bool:
    if a["value"] == b["value"]:
        return True
    if a.get("approx") or b.get("approx"):
        hi = max(a["value"], b["value"])
        return bool(abs(a["value"] - b["value"]) <= 0.5 * hi)
    return False


def conflicts_of(event_id: str, c: Cluster, event: ConsolidatedEvent) -> list[Conflict]:
    """Facts the event's reports disagree on: counts, death tolls, and (for reprints) the date."""
    place = (event.place or {}).get("name") or "an unknown place"
    context = f"{event.kind} at {place}"
    out: list[Conflict] = []
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


def _vague_tolls(m: Mention) -> list[dict[str, Any]]:
    """The vague death counts a mention gives ("killing dozens"): their words and range, no figure."""
    out = []
    for q in m.data.get("quantities") or []:
        if q.get("fatality") != "killed" or q.get("value") is not None:
            continue
        words = " ".join(str(q.get("text") or "").lower().split())
        key = words if words in VAGUE else words.removesuffix(" of")
        if key in VAGUE:
            _, low, high = VAGUE[key]
            out.append({"text": key, "low": low, "high": high})
    return out


def _fatalities(mentions: list[Mention], who: dict[int, str]) -> dict[str, Any] | None:
    """The toll: best (the latest corroborated figure), low and high, and any vague counts.

    A figure is corroborated when two or more independent sources give it. The best is
    the corroborated figure reported last (a toll that rose over days is its latest
    count); with no corroborated figure, the figure of the latest report (the most
    conservative where reports of that time differ). Vague counts ("dozens") keep their
    range and never stand as a figure: with nothing else the best is None.
    """
    by_value: dict[int, set[str]] = {}
    latest: dict[int, tuple[str, bool]] = {}
    for m in mentions:
        n = m.data.get("fatalities")
        if isinstance(n, int):
            by_value.setdefault(n, set()).add(who[m.pk])
            when = (str(m.article.published or "")[:10], _told_as_risen(m, n))
            latest[n] = max(latest.get(n, when), when)
    vague = [v for m in mentions for v in _vague_tolls(m)]
    if not by_value and not vague:
        return None
    out: dict[str, Any]
    if by_value:
        corroborated = [n for n, sources in by_value.items() if len(sources) > 1]
        pool = corroborated or list(by_value)
        best = max(pool, key=lambda n: (latest[n], -n))
        out = {"best": best, "low": min(by_value), "high": max(by_value)}
    else:
        highs = [v["high"] for v in vague]
        out = {
            "best": None,
            "low": min(v["low"] for v in vague),
            "high": None if None in highs else max(h for h in highs if h is not None),
        }
    if vague:
        out["vague"] = list({v["text"]: v for v in vague}.values())
    return out


def _credit(m: Mention) -> str | None:
    """The name an article goes by as a source: its outlet, else the agency it credits."""
    return m.article.outlet or (m.article.wire[0] if m.article.wire else None)


def _sources(mentions: list[Mention]) -> list[dict[str, Any]]:
    out: dict[tuple[Any, ...], dict[str, Any]] = {}
    for m in mentions:
        for s in m.data.get("sources") or []:
            key = (s.get("who"), s.get("channel"), s.get("via"))
            entry = out.setdefault(key, {**s, "articles": [], "outlets": []})
            if m.article.id not in entry["articles"]:
                entry["articles"].append(m.article.id)
            name = _credit(m)
            if name and name not in entry["outlets"]:
                entry["outlets"].append(name)
    return list(out.values())


@lru_cache(maxsize=1)
def _country_words() -> dict[str, tuple[str, ...]]:
    """Per country code, the lower-case words that name it or its people ("kenya", "kenyan")."""
    out: dict[str, list[str]] = {}
    base = resources.files("sitrep") / "data"
    for line in (base / "countries.tsv").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            parts = line.split("\t")
            out.setdefault(parts[0], []).append(parts[3].lower())
    for line in (base / "gazetteer" / "demonyms.tsv").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            parts = line.split("\t")
            for field in parts[1:3]:
                out.setdefault(parts[0], []).extend(w.lower() for w in field.split("|") if w)
    # Longest first, so that "south korean" goes before "korean".
    return {cc: tuple(sorted(set(ws), key=len, reverse=True)) for cc, ws in out.items()}


_RELATIVE = compiled(r"^(?:which|who|whom|that|whose|as|while)\s+")


def _source_key(key: str, country: str) -> str:
    """One named source however it is introduced: "kenya interior ministry" and "interior
    ministry" in an event in Kenya are one ministry; "which kenyan government" is "government"."""
    plain = _RELATIVE.sub("", key)
    for words in _country_words().get(country, ()):
        # "of Afghanistan" names whose forces ("military forces of afghanistan"): keep it.
        plain = re.sub(rf"(?:^|(?<!\bof)\s){re.escape(words)}(?=\s|$)", " ", plain)
    plain = " ".join(plain.split())
    return plain or key


def originators(ms: list[Mention], country: str = "") -> dict[int, str]:
    """Who each mention's account comes from (by mention pk), so that copies count once.

    A named source counts as itself; an agency's copy as the agency (a reprint that
    dropped the credit too); other accounts as the outlet that wrote them, one per copy
    group, by its name. An account whose outlet is unknown is an "unnamed" outlet
    (numbered when there are several): never an article id.
    """
    wire_of_group = {m.article.copy_group: m.originator for m in ms if m.originator.startswith("wire:")}
    outlet_of_group: dict[int, str] = {}
    for m in ms:
        if m.article.outlet:
            outlet_of_group.setdefault(m.article.copy_group, m.article.outlet)
    who: dict[int, str] = {}
    unnamed: list[int] = []
    for m in ms:
        o = m.originator
        group = m.article.copy_group
        if o.startswith("source:"):
            who[m.pk] = "source:" + _source_key(o.split(":", 1)[1], country)
        elif o.startswith("wire:"):
            who[m.pk] = o
        elif group in wire_of_group:
            who[m.pk] = wire_of_group[group]
        elif group in outlet_of_group:
            who[m.pk] = f"outlet:{outlet_of_group[group]}"
        else:
            if group not in unnamed:
                unnamed.append(group)
            who[m.pk] = f"unnamed:{group}"
    for pk, o in who.items():
        if o.startswith("unnamed:"):
            n = unnamed.index(int(o.split(":", 1)[1])) + 1
            who[pk] = "outlet:unnamed" + (f" {n}" if len(unnamed) > 1 else "")
    return who


def record(event_id: str, c: Cluster) -> tuple[ConsolidatedEvent, list[Conflict]]:
    """The consolidated event for a cluster, and the conflicts among its reports."""
    ms = sorted(c.mentions, key=lambda m: (_published(m), m.article.id, m.rank))
    place = _place(c)
    who = originators(ms, str((place or {}).get("country_code") or ""))
    lead = next((m for m in ms if m.kind == c.kind), ms[0])
    published = sorted(p for p in (m.article.published for m in ms) if p)
    event = ConsolidatedEvent(
        id=event_id,
        kind=c.kind,
        family=lead.family,
        acled=lead.data.get("acled"),
        plover=lead.data.get("plover"),
        layer=lead.data.get("layer") or "material",
        # Recalled in passing by every report (none tells it as news of its days).
        background=all(bool(m.data.get("background")) for m in ms),
        actor1=_actor(ms, "actor1", c.kind),
        actor2=_actor(ms, "actor2", c.kind),
        place=place,
        date=_date(ms),
        modality=_modality(ms),
        sources=_sources(ms),
        fatalities_range=_fatalities(ms, who),
        quantities=_quantities(ms),
        evidence=[{**(m.data.get("evidence") or [{}])[0], "article_id": m.article.id} for m in ms],
        articles=list(dict.fromkeys(m.article.id for m in ms)),
        stories=sorted({m.article.story_id for m in ms if m.article.story_id is not None}),
        originators=sorted({who[m.pk] for m in ms}),
        # Who claims it, who confirms it, who denies it (and who merely asserts or reports it).
        accounts={
            modality: sorted({who[m.pk] for m in ms if m.modality == modality})
            for modality in sorted({m.modality for m in ms})
        },
        first_reported=published[0] if published else None,
        last_reported=published[-1] if published else None,
        mentions=[
            {
                "id": m.id,
                "article_id": m.article.id,
                "rank": m.rank,
                "modality": m.modality,
                "originator": who[m.pk],
                "outlet": _credit(m),
                "why": m.why,
            }
            for m in ms
        ],
    )
    conflicts = conflicts_of(event_id, c, event)
    denied = any(m.modality == "denied" for m in ms) and any(m.modality != "denied" for m in ms)
    if denied or any(cf.kind == "contradiction" for cf in conflicts):
        event.status = "disputed"
    elif event.independent_sources > 1:
        event.status = "corroborated"
    event.conflicts = [cf.id for cf in conflicts]
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
