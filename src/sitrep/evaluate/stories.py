"""Score story clustering on ``stories`` gold files with B-cubed precision, recall and F1.

Every record goes the way a database takes it: cleaned (as given,
``--assume-clean``), stored in a temporary SQLite file, then linked (copies and
stories) in one stream, the corpora mixed, earliest published first. Stories
read titles, texts and dates only, so the extraction stages are skipped here.
The story ids the store gives are scored per corpus against the gold ``cluster``.
"""

from __future__ import annotations

import json
import tempfile
import time
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

from sitrep.clean import clean
from sitrep.model import RawArticle
from sitrep.pipeline import link_articles
from sitrep.store import Store


def bcubed(predicted: dict[str, str], gold: dict[str, str]) -> tuple[float, float, float]:
    """B-cubed precision, recall and F1 of a clustering (item -> cluster) against gold."""
    items = [i for i in gold if i in predicted]
    if not items:
        return 0.0, 0.0, 0.0
    by_pred: defaultdict[str, Counter[str]] = defaultdict(Counter)
    for i in items:
        by_pred[predicted[i]][gold[i]] += 1
    pred_size = Counter(predicted[i] for i in items)
    gold_size = Counter(gold[i] for i in items)
    precision = recall = 0.0
    for i in items:
        both = by_pred[predicted[i]][gold[i]]
        precision += both / pred_size[predicted[i]]
        recall += both / gold_size[gold[i]]
    p, r = precision / len(items), recall / len(items)
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def _raw(rec: dict[str, Any]) -> RawArticle:
    return RawArticle(
        id=str(rec["id"]),
        source=str(rec["id"]),
        text=rec["text"],
        url=rec.get("url"),
        outlet=rec.get("outlet"),
        published=rec.get("published"),
        title=rec.get("title"),
    )


def evaluate_stories(path: Path, *, limit: int | None = None) -> dict[str, Any]:
    """B-cubed P/R/F1 per corpus of the stories the store builds from the file's records."""
    records = [json.loads(line) for line in path.open(encoding="utf-8") if line.strip()][:limit]
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="sitrep-eval-") as tmp, Store(Path(tmp) / "stories.db") as store:
        store.add_articles(clean(_raw(rec), assume_clean=True) for rec in records)
        link_articles(store, [str(rec["id"]) for rec in records])
        predicted = {row["id"]: row["story_id"] for row in store.articles()}
    elapsed = time.perf_counter() - started
    rows: dict[str, dict[str, float]] = {}
    corpora = sorted({rec.get("corpus") or "all" for rec in records})
    for corpus in [*corpora, "all"] if len(corpora) > 1 else corpora:
        gold = {str(r["id"]): str(r["cluster"]) for r in records if corpus in ("all", r.get("corpus") or "all")}
        p, r, f = bcubed({k: str(v) for k, v in predicted.items() if k in gold}, gold)
        rows[corpus] = {
            "n": len(gold),
            "gold_clusters": len(set(gold.values())),
            "predicted": len({predicted[k] for k in gold if k in predicted}),
            "precision": round(p, 4),
            "recall": round(r, 4),
            "f1": round(f, 4),
        }
    return {
        "task": "stories",
        "file": str(path),
        "metric": "B-cubed P/R/F1 per corpus (all corpora clustered together in one stream)",
        "rows": rows,
        "documents_per_second": round(len(records) / elapsed, 1) if elapsed else None,
    }


def format_table(result: dict[str, Any]) -> str:
    """The metrics as an aligned text table."""
    out = [f"{'corpus':<12}{'n':>5}{'gold':>6}{'found':>7}{'P':>8}{'R':>8}{'F1':>8}"]
    for name, r in result["rows"].items():
        out.append(
            f"{name:<12}{int(r['n']):>5}{int(r['gold_clusters']):>6}{int(r['predicted']):>7}"
            f"{r['precision']:>8.4f}{r['recall']:>8.4f}{r['f1']:>8.4f}"
        )
    out.append(f"({result['documents_per_second']} documents/s, clean, store, copies and stories)")
    return "\n".join(out)
