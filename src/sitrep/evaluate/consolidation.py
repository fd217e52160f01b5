"""Score consolidation on ACLED rows: which rows the merged events join, and whether they should.

Each row of ``events_acled`` is a distinct ACLED event. The rows run as one corpus;
two rows may end up in one consolidated event only when they share the date, the
location and the sub-event type (ACLED codes one event per such triple). Every event
that joins rows differing in any of these counts as a wrong merge.
"""

from __future__ import annotations

import json
import tempfile
import time
from itertools import combinations
from pathlib import Path
from typing import Any

from sitrep.clean import clean
from sitrep.model import RawArticle
from sitrep.pipeline import consolidate_store, extract, link_articles
from sitrep.store import Store
from sitrep.store import consolidated as sql


def _same_acled_event(a: dict[str, Any], b: dict[str, Any]) -> bool:
    near = (
        a.get("latitude") is not None and b.get("latitude") is not None
        and abs(a["latitude"] - b["latitude"]) < 0.01 and abs(a["longitude"] - b["longitude"]) < 0.01
    )  # fmt: skip
    same_place = near or (a.get("location") and a.get("location") == b.get("location"))
    return bool(
        a.get("event_date") == b.get("event_date")
        and same_place
        and a.get("sub_event_type") == b.get("sub_event_type")
    )


def evaluate_consolidation(path: Path, *, limit: int | None = None) -> dict[str, Any]:
    """Run the file's rows as one corpus through the store and consolidation, and score the merges."""
    records = [json.loads(line) for line in path.open(encoding="utf-8") if line.strip()][:limit]
    gold = {str(r["id"]): r.get("gold") or {} for r in records}
    texts = {str(r["id"]): " ".join(str(r["text"]).split()) for r in records}
    started = time.perf_counter()
    with (
        tempfile.TemporaryDirectory(prefix="sitrep-eval-") as tmp,
        Store(Path(tmp) / "c.db") as store,
    ):
        articles = []
        for rec in records:
            raw = RawArticle(
                id=str(rec["id"]),
                source=str(rec["id"]),
                text=rec["text"],
                published=rec.get("published"),
            )
            articles.append(extract(clean(raw, assume_clean=True)))
        store.add_articles(articles)
        link_articles(store, list(gold))
        report = consolidate_store(store)
        events = list(sql.consolidated(store.conn))
    elapsed = time.perf_counter() - started
    multi = [e for e in events if len(e["articles"]) > 1]
    wrong, pairs, wrong_pairs, wrong_main = 0, 0, 0, 0
    # ACLED sometimes codes one note once per place it names, word for word the same:
    # no reading of the text can part those rows, so they are counted apart too.
    wrong_distinct, wrong_main_distinct = 0, 0
    examples: list[dict[str, Any]] = []

    def differ(a: str, b: str) -> bool:
        return not _same_acled_event(gold[a], gold[b])

    def distinct(a: str, b: str) -> bool:
        return differ(a, b) and texts[a] != texts[b]

    for e in multi:
        bad = False
        for a, b in combinations(e["articles"], 2):
            pairs += 1
            if differ(a, b):
                wrong_pairs += 1
                bad = True
        wrong_distinct += any(distinct(a, b) for a, b in combinations(e["articles"], 2))
        # Each row's own event is its first mention; the rest are background the note recalls.
        mains = {m["article_id"] for m in e["mentions"] if m.get("rank") == 0}
        main_bad = any(differ(a, b) for a, b in combinations(sorted(mains), 2))
        wrong_main += main_bad
        wrong_main_distinct += any(distinct(a, b) for a, b in combinations(sorted(mains), 2))
        if bad:
            wrong += 1
            if len(examples) < 5:
                examples.append({"event": e["id"], "kind": e["kind"], "rows": e["articles"]})
    return {
        "task": "consolidation",
        "file": str(path),
        "rows": len(records),
        "mentions": report.mentions,
        "events": len(events),
        "events_joining_rows": len(multi),
        "row_pairs_merged": pairs,
        "wrong_merges": wrong,
        "wrong_main_merges": wrong_main,
        "wrong_row_pairs": wrong_pairs,
        "wrong_merges_distinct_text": wrong_distinct,
        "wrong_main_merges_distinct_text": wrong_main_distinct,
        "examples": examples,
        "rows_per_second": round(len(records) / elapsed, 1) if elapsed else None,
    }


def format_table(result: dict[str, Any]) -> str:
    """The counts as aligned text."""
    keys = (
        "rows", "mentions", "events", "events_joining_rows", "row_pairs_merged", "wrong_merges",
        "wrong_row_pairs", "wrong_main_merges", "wrong_merges_distinct_text",
        "wrong_main_merges_distinct_text",
    )  # fmt: skip
    out = [f"{k:<32}{result[k]:>8}" for k in keys]
    out.append("wrong_merges: events joining rows that differ in date, location or sub-event type")
    out.append("wrong_main_merges: the same, counting only each row's own (first) event")
    out.append("..._distinct_text: the same, leaving out rows whose notes are word for word the same")
    for ex in result["examples"]:
        out.append(f"  e.g. {ex['event']} {ex['kind']}: {', '.join(ex['rows'])}")
    out.append(
        f"({result['rows_per_second']} rows/s: clean, extract, store, copies, stories, consolidation)"
    )
    return "\n".join(out)
