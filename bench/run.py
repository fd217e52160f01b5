"""End to end: ``sitrep run`` on full-length articles into a fresh SQLite file, as a user runs it.

    python bench/run.py [--scale N ...] [--workers 1,2] [--limit N] [--no-add-one] [--steps]

The corpus: the full articles of ../shared/eval/stories.dev.jsonl (ECB+, BASIL, WikiRef news)
and cleaning_text.dev.jsonl (raw web pages), or, with ``--scale N``, N articles replicated
from them with new ids and light edits (a changed number, a sentence added, the date moved
by a day or two) so that copies and stories stay realistic. Each run is the real command in
its own process (``sitrep run FILE --db DB --workers W --quiet``); printed: articles/s, the
peak memory of its largest process, and the ratio to the baseline measured in this process,
a plain ``\\w+`` tokenising pass over the same texts (the floor any pipeline pays). After the
largest run, the time to add one more article to that database (in a warm process, as a
long-running intake would). ``--steps`` also times each step in this process (one worker).
The aims (#27): 150 articles/s with 2 workers, 1.7x one worker; memory < 1.5 GB at 100k and
within 1.2x of 10k; adding one article to the 100k database < 200 ms.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from _common import eval_file

_LAUNCH = (
    "import resource, subprocess, sys\n"
    "rc = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL).returncode\n"
    "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, rc)\n"
)


def _base_rows() -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    for name, field in (("stories.dev.jsonl", "text"), ("cleaning_text.dev.jsonl", "raw")):
        path = eval_file(name)
        if path is None:
            continue
        for line in path.open(encoding="utf-8"):
            r = json.loads(line)
            if r.get(field):
                rows.append({"id": r["id"], "text": r[field], "title": r.get("title"), "published": r.get("published")})
    return rows


def _edited(row: dict[str, Any], k: int, rng: random.Random) -> dict[str, Any]:
    """Replica ``k`` of a row: a new id, a number changed, a sentence added, the date moved."""
    text = row["text"]
    numbers = list(re.finditer(r"\b\d{1,3}\b", text))
    if numbers:
        m = rng.choice(numbers)
        text = f"{text[: m.start()]}{int(m.group()) + k}{text[m.end() :]}"
    text += f"\n\nThis report was updated ({k})."
    published = row.get("published")
    if published and len(published) >= 10 and k % 3 == 0:
        day = int(published[8:10])
        published = f"{published[:8]}{max(1, min(28, day + rng.choice((-1, 1)))):02d}{published[10:]}"
    return {**row, "id": f"{row['id']}~{k}", "text": text, "published": published}


def corpus(n: int | None, limit: int | None) -> list[dict[str, Any]]:
    """The base rows, or ``n`` rows replicated from them."""
    base = _base_rows()
    if limit:
        base = base[:limit]
    if not n or not base:
        return base
    rng = random.Random(27)
    return [base[i] if i < len(base) else _edited(base[i % len(base)], i // len(base), rng) for i in range(n)]


def baseline(rows: list[dict[str, Any]]) -> float:
    """Articles/s of a plain ``\\w+`` tokenising pass over the texts."""
    word = re.compile(r"\w+")
    t = time.perf_counter()
    for r in rows:
        word.findall(r["text"])
    return len(rows) / (time.perf_counter() - t)


def sitrep_run(path: Path, db: Path, workers: int) -> tuple[float, float]:
    """Seconds and peak MB of ``sitrep run`` in its own process."""
    cmd = [sys.executable, "-m", "sitrep.cli", "run", str(path), "--db", str(db), "--workers", str(workers), "--quiet"]
    t = time.perf_counter()
    out = subprocess.run([sys.executable, "-c", _LAUNCH, *cmd], capture_output=True, text=True, check=True).stdout
    seconds = time.perf_counter() - t
    kb, rc = out.split()
    if rc not in ("0", "1"):
        raise SystemExit(f"sitrep run failed with exit code {rc}")
    return seconds, int(kb) / 1024


def add_one(db: Path, rows: list[dict[str, Any]], tmp: Path) -> float:
    """Milliseconds to add one new article to ``db`` in a warm process (best of 3)."""
    from sitrep.pipeline import run
    from sitrep.store import Store

    rng = random.Random(1)
    best = float("inf")
    with Store(db) as store:
        for k in range(4):
            one = tmp / f"one{k}.jsonl"
            one.write_text(json.dumps(_edited(rows[k], 10_000 + k, rng)) + "\n", "utf-8")
            t = time.perf_counter()
            run([one], store, max_bytes=50 * 1024 * 1024)
            if k:  # the first warms the process (gazetteer, lexicons)
                best = min(best, time.perf_counter() - t)
    return best * 1000


def steps(rows: list[dict[str, Any]], tmp: Path) -> dict[str, float]:
    """Seconds per step of one in-process, one-worker run: the per-article stages, storing
    with copies and stories (per batch), and consolidation."""
    import sitrep.engine.local as local
    import sitrep.pipeline as pipeline
    from sitrep.store import Store

    spent: dict[str, float] = {}

    def timed(name: str, fn: Any) -> Any:
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            t = time.perf_counter()
            try:
                return fn(*args, **kwargs)
            finally:
                spent[name] = spent.get(name, 0.0) + time.perf_counter() - t

        return wrapper

    path = tmp / "steps.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), "utf-8")
    saved = (local.process, pipeline._store_batch, pipeline.consolidate_store)
    local.process = timed("per-article stages", local.process)
    pipeline._store_batch = timed("store + copies + stories", pipeline._store_batch)
    pipeline.consolidate_store = timed("consolidation", pipeline.consolidate_store)
    try:
        t = time.perf_counter()
        with Store(tmp / "steps.db") as store:
            pipeline.run([path], store, max_bytes=50 * 1024 * 1024)
        spent["total"] = time.perf_counter() - t
    finally:
        local.process, pipeline._store_batch, pipeline.consolidate_store = saved
    return spent


def main() -> int:
    """Print articles/s, peak memory and the add-one time for each size and worker count."""
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--scale", type=int, nargs="*", default=[0], help="corpus sizes (0: the dev files as they are)")
    ap.add_argument("--workers", default="1,2", help="worker counts to run, comma-separated")
    ap.add_argument("--limit", type=int, default=0, help="only the first N base articles")
    ap.add_argument("--no-add-one", action="store_true", help="skip the add-one timing")
    ap.add_argument("--steps", action="store_true", help="also time each step in this process (one worker)")
    args = ap.parse_args()
    workers = [int(w) for w in args.workers.split(",")]
    with tempfile.TemporaryDirectory(prefix="sitrep-bench-") as tmp_name:
        tmp = Path(tmp_name)
        last_db: Path | None = None
        rows: list[dict[str, Any]] = []
        for n in args.scale:
            rows = corpus(n or None, args.limit or None)
            if not rows:
                return 1
            path = tmp / f"corpus{n}.jsonl"
            path.write_text("".join(json.dumps(r) + "\n" for r in rows), "utf-8")
            floor = baseline(rows)
            kb = sum(len(r["text"].encode()) for r in rows) / len(rows) / 1024
            print(f"{len(rows)} articles ({kb:.1f} KB each); baseline \\w+ pass {floor:.0f} articles/s")
            one: float | None = None
            for w in workers:
                db = tmp / f"run{n}-{w}.db"
                seconds, mb = sitrep_run(path, db, w)
                rate = len(rows) / seconds
                if one is None:
                    one = rate
                print(
                    f"  --workers {w}: {rate:.0f} articles/s ({seconds:.1f} s, {floor / rate:.0f}x the baseline's time, "
                    f"{rate / one:.2f}x one worker), peak memory {mb:.0f} MB"
                )
                last_db = db
        if args.steps and rows:
            spent = steps(rows, tmp)
            total = spent.pop("total")
            print("  steps (one worker, in this process): " + ", ".join(f"{k} {100 * v / total:.0f}%" for k, v in spent.items()))
        if last_db is not None and not args.no_add_one:
            print(f"adding one article to the {len(rows)}-article database: {add_one(last_db, rows, tmp):.0f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
