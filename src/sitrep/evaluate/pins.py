"""Score the map a whole corpus gives (``sitrep eval --task map``): one pin per real event.

The file's articles are written as one JSONL corpus and go through ``sitrep
run`` into a fresh database, as a user's would; the consolidated events are
what ``export --what events`` writes. A pin (a consolidated material event) is
right when its family, place and date match a gold event of one of its
articles (the per-article rules of ``sitrep.evaluate.articles``); it is
counted for the real-world event (gold slug) it matches best.

- pin precision: right pins / material pins;
- events found: slugs with at least one right pin / all slugs;
- pins per event: right pins / slugs found (1.0 is one pin per event);
- one pin: slugs told by two or more articles that have exactly one right pin,
  over all such slugs (and, beside it, over those found).
"""

from __future__ import annotations

import json
import tempfile
import time
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

from sitrep.evaluate.articles import GOLD_FAMILY, date_ok, haversine_km, matches, material, records


def _consolidated(recs: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """``sitrep run`` on the records as one JSONL corpus; the consolidated events."""
    from sitrep.pipeline import run
    from sitrep.store import Store
    from sitrep.store import consolidated as sql

    with tempfile.TemporaryDirectory(prefix="sitrep-map-") as tmp:
        corpus = Path(tmp) / "corpus.jsonl"
        with corpus.open("w", encoding="utf-8") as out:
            for r in recs:
                row = {
                    "id": r["id"],
                    "text": r["text"],
                    "published": r.get("published"),
                    "title": r.get("title"),
                }
                out.write(json.dumps(row, ensure_ascii=False) + "\n")
        with Store(Path(tmp) / "map.db") as store:
            run([corpus], store, max_bytes=50 * 1024 * 1024)
            return list(sql.consolidated(store.conn))


# The heading a kind ACLED files under two is first filed under: mob violence is a riot.
_OWN_FAMILY = {"riot.mob": "riot", "protest.excessive": "protest", "restriction": "other", "other": "other"}


def _own_family(kind: str) -> str | None:
    families = GOLD_FAMILY.get(kind, frozenset())
    return next(iter(families)) if len(families) == 1 else _OWN_FAMILY.get(kind)


def _closeness(pin: dict[str, Any], gold: dict[str, Any]) -> tuple[bool, bool, float]:
    """Which gold event a pin that matches several is the pin of: the one of its day, then the
    one its kind is filed under (a mob-violence pin is the riots', not the shooting's that
    sparked them), then the nearest."""
    place = pin.get("place") or {}
    km = (
        haversine_km(float(place["lat"]), float(place["lon"]), gold["lat"], gold["lon"])
        if gold.get("lat") is not None
        else 0.0
    )
    return (not date_ok(pin.get("date"), gold), gold.get("family") != _own_family(pin["kind"]), km)


def evaluate_map(path: Path, *, limit: int | None = None) -> dict[str, Any]:
    """Pin precision, events found, pins per event and one-pin share of the corpus's map."""
    recs = records(path, limit)
    gold_by_article = {str(r["id"]): r.get("events") or [] for r in recs}
    articles_of: dict[str, set[str]] = defaultdict(set)
    for rid, golds in gold_by_article.items():
        for g in golds:
            articles_of[g["event"]].add(rid)
    started = time.perf_counter()
    events = _consolidated(recs)
    elapsed = time.perf_counter() - started
    pins = [e for e in events if material(e["kind"])]
    per_slug: Counter[str] = Counter()
    right = 0
    wrong_examples: list[dict[str, Any]] = []
    for pin in pins:
        candidates = [
            g for aid in pin.get("articles") or [] for g in gold_by_article.get(aid, [])
            if matches(pin["kind"], pin.get("place"), pin.get("date"), g)
        ]  # fmt: skip
        if candidates:
            right += 1
            per_slug[min(candidates, key=lambda g: _closeness(pin, g))["event"]] += 1
        elif len(wrong_examples) < 400:
            ev = (pin.get("evidence") or [{}])[0]
            wrong_examples.append({
                "kind": pin["kind"], "place": (pin.get("place") or {}).get("name"),
                "date": (pin.get("date") or {}).get("value"), "articles": len(pin.get("articles") or []),
                "evidence": ev.get("text"),
            })  # fmt: skip
    slugs = set(articles_of)
    multi = {s for s in slugs if len(articles_of[s]) > 1}
    found = set(per_slug)
    one = sum(1 for s in multi if per_slug.get(s) == 1)
    multi_found = multi & found
    return {
        "articles": len(recs),
        "pins": len(pins),
        "speech_act_events": len(events) - len(pins),
        "right_pins": right,
        "pin_precision": round(right / len(pins), 4) if pins else 0.0,
        "real_events": len(slugs),
        "events_found": len(found),
        "found_share": round(len(found) / len(slugs), 4) if slugs else 0.0,
        "pins_per_event": round(right / len(found), 2) if found else 0.0,
        "multi_article_events": len(multi),
        "one_pin": round(one / len(multi), 4) if multi else 0.0,
        "one_pin_of_found": round(one / len(multi_found), 4) if multi_found else 0.0,
        "seconds": round(elapsed, 2),
        "wrong_pins": wrong_examples,
    }


def format_table(result: dict[str, Any]) -> str:
    """A readable table of the map scores."""
    return "\n".join([
        f"articles: {result['articles']}  material pins: {result['pins']}  speech-act events (kept apart): {result['speech_act_events']}",
        f"pin precision:  {result['pin_precision']:.4f}  ({result['right_pins']} of {result['pins']} pins match a gold event of their articles)",
        f"events found:   {result['found_share']:.4f}  ({result['events_found']} of {result['real_events']} real-world events)",
        f"pins per event: {result['pins_per_event']:.2f}  (right pins per event found)",
        f"one pin:        {result['one_pin']:.4f}  of {result['multi_article_events']} events told by 2+ articles "
        f"({result['one_pin_of_found']:.4f} of those found)",
        f"time: {result['seconds']} s (sitrep run on the corpus)",
    ])  # fmt: skip
