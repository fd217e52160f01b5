"""Score the events of the two seed articles against ``seeds.gold.json``.

The seeds are raw pages, so they go through the whole path: cleaning, places,
times, quantities, events. The gold's kind names are illustrative, so a kind
matches on its family ("territory.capture" -> "territory") or on its last part
("detention.release" -> our "release").
"""

from __future__ import annotations

import json
import math
import time
from importlib import resources
from pathlib import Path
from typing import Any

from sitrep.evaluate.events import place_key
from sitrep.model import Article, Event

_KM = 25.0


def _seed_articles(gold_path: Path, names: list[str]) -> dict[str, Article]:
    """The seed articles named in the gold, read beside it (../seeds) or from the package."""
    from sitrep.ingest import read_paths
    from sitrep.model import RawArticle
    from sitrep.pipeline import clean_all, extract

    shared = gold_path.resolve().parent.parent / "seeds"
    paths = [shared / n for n in names]
    if not all(p.exists() for p in paths):
        demo = resources.files("sitrep") / "data" / "demo"
        paths = [Path(str(demo / n)) for n in names]
    out: dict[str, Article] = {}
    raws = [r for r in read_paths(paths) if isinstance(r, RawArticle)]
    for a in clean_all(raws):
        if isinstance(a, Article):
            out[a.id[:3]] = extract(a)
    return out


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(h))


def kind_match(event: Event, gold_kind: str) -> bool:
    """Same family, or our kind is the gold kind's last part ("detention.release" ~ "release")."""
    family = gold_kind.split(".")[0]
    return event.family == family or event.kind == gold_kind or event.kind == gold_kind.split(".")[-1]


def place_match(event: Event, gold_place: dict[str, Any] | None) -> bool:
    """Within 25 km of a gold point, or the same admin1 for a gold area."""
    if gold_place is None:
        return True
    got = event.place
    if not got:
        return False
    if gold_place.get("lat") is not None:
        return _km(float(got["lat"]), float(got["lon"]), gold_place["lat"], gold_place["lon"]) <= _KM
    return bool(got.get("admin1")) and place_key(str(got["admin1"])) == place_key(gold_place["admin1"])


def _why_not(event: Event, g: dict[str, Any], gold_place: dict[str, Any] | None) -> list[str]:
    out = []
    if not kind_match(event, g["kind"]):
        out.append("kind")
    if not place_match(event, gold_place):
        out.append("place")
    if g.get("date") and (event.date or {}).get("value") != g["date"]:
        out.append("date")
    if event.modality != g["modality"]:
        out.append("modality")
    return out


def _in_body(event: Event, article: Article) -> bool:
    """The evidence sentence is body text, not a heading, caption or chrome line."""
    headings = {h.strip() for h in article.headings}
    for ev in event.evidence:
        sentence = str(ev.get("text", "")).strip()
        if sentence in headings or any(sentence and sentence in c for c in article.captions + article.removed):
            return False
    return True


def evaluate_seed_events(path: Path) -> dict[str, Any]:
    """Gold seed events found (kind family, place, date, modality all right) and events invented."""
    gold = json.loads(path.read_text(encoding="utf-8"))
    started = time.perf_counter()
    articles = _seed_articles(path, sorted(gold["articles"]))
    places = {p["text"]: p for p in gold["places"]}
    found, details = 0, []
    for g in gold["events"]:
        candidates = [e for k in g["in"] if k in articles for e in articles[k].events]
        gp = places.get(g.get("place", ""))
        misses = [(_why_not(e, g, gp), e) for e in candidates]
        best = min(misses, key=lambda m: len(m[0]), default=(["no event"], None))
        if not best[0]:
            found += 1
        else:
            e = best[1]
            got = f"{e.kind} @ {(e.place or {}).get('name')} {(e.date or {}).get('value')} {e.modality}" if e else "-"
            details.append(f"missed {g['id']}: wrong {', '.join(best[0])} (closest: {got})")
    invented = [
        f"not body text: {e.kind} from {e.evidence[0].get('text', '')[:60]!r}"
        for a in articles.values()
        for e in a.events
        if not _in_body(e, a)
    ]
    elapsed = time.perf_counter() - started
    total = len(gold["events"])
    return {
        "task": "events",
        "corpus": "seeds",
        "file": str(path),
        "records": total,
        "metric": "gold events found with the right kind family, place, date and modality",
        "rows": {
            "found": found / (total or 1),
            "found_n": float(found),
            "invented": float(len(invented)),
            "events_total": float(sum(len(a.events) for a in articles.values())),
        },
        "details": details + invented,
        "articles_per_second": round(len(articles) / elapsed, 1) if elapsed else 0.0,
    }
