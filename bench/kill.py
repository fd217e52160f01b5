"""Kill -9 trials: a run killed at a random point, then rerun, must end as an uninterrupted run.

    python bench/kill.py [--articles 3000] [--trials 20] [--workers 2] [--seed 1]

The corpus is bench/run.py's: full-length articles replicated with light edits (so that
copies and stories are realistic). One uninterrupted ``sitrep run`` gives the reference; each
trial starts ``sitrep run`` on a fresh database, sends SIGKILL after a random time within the
reference's duration (or, for one trial in four, at a named checkpoint inside a batch's or the
consolidation's transaction, SITREP_TEST_KILL), then reruns it to the end and compares
articles, copies, stories, events, consolidated events, mentions, conflicts and control with
the reference (``sitrep.store.snapshot``). Printed per trial: where it was killed, what the
database held then, and whether the rerun matches; the `runs` rows are checked too.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from run import corpus
from sitrep.store.snapshot import differences, snapshot


def _run(src: Path, db: Path, workers: int, env: dict[str, str] | None = None, kill_after: float | None = None) -> tuple[int, float]:
    cmd = [sys.executable, "-m", "sitrep", "run", str(src), "--db", str(db), "--workers", str(workers), "--quiet"]
    t = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env, start_new_session=True)
    if kill_after is not None:
        try:
            proc.wait(timeout=kill_after)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)  # the workers too, as a machine that dies
    rc = proc.wait()
    return rc, time.perf_counter() - t


def _held(db: Path) -> str:
    if not db.exists():
        return "no database"
    with sqlite3.connect(db) as conn:
        n = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
        ev = conn.execute("SELECT count(*) FROM consolidated_events").fetchone()[0]
    return f"{n} articles, {ev} consolidated"


def main() -> int:
    """Run the trials; exit 1 if any rerun differs from the reference."""
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--articles", type=int, default=3000)
    ap.add_argument("--trials", type=int, default=20)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    rng = random.Random(args.seed)
    rows = corpus(args.articles, None)
    if not rows:
        return 0
    tmp = Path(tempfile.mkdtemp(prefix="sitrep-kill-"))
    src = tmp / "corpus.jsonl"
    src.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    ref_db = tmp / "ref.db"
    rc, took = _run(src, ref_db, args.workers)
    reference = snapshot(sqlite3.connect(ref_db))
    print(f"reference: {len(rows)} articles, rc={rc}, {took:.1f} s, {_held(ref_db)}")
    batches = -(-len(rows) // 500)
    failed = 0
    for trial in range(1, args.trials + 1):
        db = tmp / f"t{trial}.db"
        env = dict(os.environ)
        if trial % 4 == 0:
            point = rng.choice(["linking", "stored", "consolidating"])
            n = 1 if point == "consolidating" else rng.randint(1, batches)
            env["SITREP_TEST_KILL"] = f"{point}:{n}"
            where = f"checkpoint {point}:{n}"
            rc1, _ = _run(src, db, args.workers, env=env)
        else:
            at = rng.uniform(0.5, 0.7 * took)  # within the run, which a busy machine makes slower or faster
            where = f"after {at:.1f} s"
            rc1, _ = _run(src, db, args.workers, kill_after=at)
        held = _held(db)
        rc2, t2 = _run(src, db, args.workers)
        with sqlite3.connect(db) as conn:
            diff = differences(reference, snapshot(conn))
            runs = conn.execute("SELECT status, count(*) FROM runs GROUP BY status").fetchall()
        ok = not diff and rc2 == 0
        failed += not ok
        print(
            f"trial {trial:2}: killed {where} (rc {rc1}) holding {held}; rerun rc {rc2} in {t2:.1f} s; "
            f"runs {dict(runs)}; {'same as uninterrupted' if ok else f'DIFFERENT {diff}'}"
        )
        db.unlink()
    print(f"{args.trials - failed} of {args.trials} reruns ended as the uninterrupted run ({tmp})")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
