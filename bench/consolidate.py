"""Consolidation at scale: time and merge quality on synthetic event mentions in a real SQLite store.

    python bench/consolidate.py [--mentions 10000 100000] [--seed 1]

The corpus: true events (a kind, a town in one of 12 countries, a day, a doer) each
reported by 1-8 articles. A report may give only the month, only the province, no
doer, or a paraphrase instead of the wire sentence; a third of the reports are
reprints of an earlier report's sentence (a copy group). Towns, days and doers are
drawn from small pools so that different events often share two of the three.
Articles and their mentions are written to a real store; the timed part is one
full consolidation pass (reading the mentions back, merging, writing events,
conflicts and control), then one more article's pass.

Printed per size: the pass's time, mentions/s, and the pairwise precision/recall
of the merge against the true events; the same for a baseline in the same run:
GDELT-style de-duplication, which merges mentions with identical kind, place,
date and actor (exact fields only).
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
import time
from collections import defaultdict
from itertools import combinations
from pathlib import Path
from typing import Any

from sitrep.consolidate import consolidate
from sitrep.store import Store

KINDS = [
    ("territory.capture", "territory", "captured the town of"), ("clash.armed", "clash", "clashed with troops near"),
    ("attack.airstrike", "attack", "carried out an air strike on"), ("attack.bombing", "attack", "set off a roadside bomb in"),
    ("protest", "protest", "marched through the centre of"), ("detention.arrest", "detention", "arrested dozens in"),
]  # fmt: skip
ACTORS = [
    {"name": "Taliban", "type": "rebel", "inter": 2}, {"name": "Islamic State", "type": "rebel", "inter": 2},
    {"name": "Al Shabaab", "type": "rebel", "inter": 2}, {"name": "Protesters", "type": "protesters", "inter": 6},
]  # fmt: skip
WORDS = [
    "local",
    "residents",
    "said",
    "fighting",
    "heavy",
    "overnight",
    "officials",
    "reported",
    "early",
    "morning",
    "witnesses",
    "many",
    "fled",
    "area",
]


def _world(n_mentions: int, rng: random.Random) -> list[dict[str, Any]]:
    """Articles, each with one mention, and the true event each mention reports."""
    countries = [f"C{i}" for i in range(12)]
    towns = {
        c: [(i * 100 + j, f"Town{i}_{j}", f"Prov{i}_{j % 8}") for j in range(60)]
        for i, c in enumerate(countries)
    }
    mentions: list[dict[str, Any]] = []
    event = 0
    while len(mentions) < n_mentions:
        kind, family, verb = rng.choice(KINDS)
        country = rng.choice(countries)
        gid, town, province = rng.choice(towns[country])
        day = f"2021-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        actor = rng.choice(ACTORS)
        wire = f"{actor['name']} {verb} {town} on {day}, {' '.join(rng.sample(WORDS, 6))}"
        reports = []
        for _ in range(rng.randint(1, 8)):
            place = {"name": town, "geonameid": gid + 10_000, "country_code": country, "admin1": province,
                     "precision": "city", "lat": 1.0, "lon": 1.0}  # fmt: skip
            date = {"value": day, "precision": "day", "text": "on Thursday"}
            text = (
                wire
                if reports and rng.random() < 0.33
                else f"{' '.join(rng.sample(WORDS, 7))} {town} {verb}"
            )
            reprint = bool(reports) and text == wire
            if rng.random() < 0.15:
                date = {"value": day[:7], "precision": "month", "text": "this month"}
            if rng.random() < 0.1:
                place = {
                    **place,
                    "name": province,
                    "geonameid": hash(province) % 10**6 + 10**7,
                    "precision": "admin1",
                }
            reports.append({
                "event": event, "kind": kind, "family": family, "place": place, "date": date,
                "actor1": None if rng.random() < 0.1 else actor, "text": text, "reprint": reprint,
            })  # fmt: skip
        mentions.extend(reports)
        event += 1
    return mentions[:n_mentions]


def _store(path: Path, mentions: list[dict[str, Any]]) -> Store:
    store = Store(path)
    with store.transaction() as conn:
        for i, m in enumerate(mentions):
            conn.execute(
                """INSERT INTO articles (pk, id, version, content_hash, source, kind, raw, stored_at,
                       published, published_precision, wire)
                   VALUES (?, ?, 1, ?, 'bench', 'text', '', '2021', ?, 'day', '[]')""",
                (i + 1, f"a{i}", f"h{i}", m["date"]["value"][:7] + "-28"),
            )
            m["pk"] = i + 1
            event = {
                "id": f"m{i}", "kind": m["kind"], "family": m["family"], "place": m["place"], "date": m["date"],
                "actor1": m["actor1"], "actor2": None, "modality": "asserted", "sources": [], "fatalities": None,
                "quantities": [], "acled": None, "plover": None,
                "evidence": [{"article_id": f"a{i}", "start": 0, "end": len(m["text"]), "text": m["text"]}],
            }  # fmt: skip
            conn.execute(
                """INSERT INTO events (article_pk, rank, event_id, kind, family, country_code, date,
                       date_precision, modality, json) VALUES (?, 0, ?, ?, ?, ?, ?, ?, 'asserted', ?)""",
                (i + 1, f"m{i}", m["kind"], m["family"], m["place"]["country_code"], m["date"]["value"],
                 m["date"]["precision"], json.dumps(event)),
            )  # fmt: skip
        # Reprints carry the copy of their event's first report (the copy group's centre).
        first: dict[int, int] = {}
        for m in mentions:
            first.setdefault(m["event"], m["pk"])
        conn.executemany(
            "INSERT INTO copies (article_pk, copy_of_pk, group_pk, relation, containment, coverage)"
            " VALUES (?, ?, ?, 'reprint', 1, 1)",
            [(m["pk"], first[m["event"]], first[m["event"]]) for m in mentions if m["reprint"]],
        )
    return store


def _pairs(groups: dict[Any, list[int]]) -> set[tuple[int, int]]:
    out: set[tuple[int, int]] = set()
    for members in groups.values():
        if len(members) <= 200:
            out.update(combinations(sorted(members), 2))
        else:  # keep the pair count bounded: a giant false cluster still counts its sampled pairs
            out.update(combinations(sorted(members)[:200], 2))
    return out


def _quality(predicted: dict[Any, list[int]], truth: dict[Any, list[int]]) -> tuple[float, float]:
    p, t = _pairs(predicted), _pairs(truth)
    hit = len(p & t)
    return (hit / len(p) if p else 1.0), (hit / len(t) if t else 1.0)


def bench(n: int, seed: int) -> dict[str, Any]:
    """One size: time, throughput and pairwise quality, ours and the exact-field baseline's."""
    rng = random.Random(seed)
    mentions = _world(n, rng)
    truth: dict[Any, list[int]] = defaultdict(list)
    with tempfile.TemporaryDirectory() as tmp:
        store = _store(Path(tmp) / "b.db", mentions)
        for m in mentions:
            truth[m["event"]].append(m["pk"])
        started = time.perf_counter()
        with store.transaction() as conn:
            report = consolidate(conn, everything=True)
        took = time.perf_counter() - started
        ours: dict[Any, list[int]] = defaultdict(list)
        for pk, event_id in store.conn.execute("SELECT mention_pk, event_id FROM event_mentions"):
            ours[event_id].append(pk)
        # One more report of an existing event: the pass redoes its block only.
        extra = [{**mentions[0], "text": "a late report " + mentions[0]["text"]}]
        i = len(mentions)
        with store.transaction() as conn:
            conn.execute(
                "INSERT INTO articles (pk, id, version, content_hash, source, kind, raw, stored_at, published,"
                " published_precision, wire) VALUES (?, ?, 1, 'x', 'bench', 'text', '', '2021', ?, 'day', '[]')",
                (i + 1, f"a{i}", extra[0]["date"]["value"][:7] + "-28"),
            )
            row = store.conn.execute("SELECT json FROM events WHERE article_pk = 1").fetchone()
            conn.execute(
                "INSERT INTO events (article_pk, rank, event_id, kind, family, country_code, date, date_precision,"
                " modality, json) SELECT ?, 0, 'late', kind, family, country_code, date, date_precision, modality, ?"
                " FROM events WHERE article_pk = 1",
                (i + 1, row[0]),
            )
        started = time.perf_counter()
        with store.transaction() as conn:
            consolidate(conn)
        add_one = time.perf_counter() - started
        store.close()
    started = time.perf_counter()
    base: dict[Any, list[int]] = defaultdict(list)
    for m in mentions:
        key = (
            m["kind"],
            m["place"]["geonameid"],
            m["date"]["value"],
            (m["actor1"] or {}).get("name"),
        )
        base[key].append(m["pk"])
    base_took = time.perf_counter() - started
    p, r = _quality(ours, truth)
    bp, br = _quality(base, truth)
    return {
        "mentions": n, "true_events": len(truth), "events": report.events, "seconds": round(took, 2),
        "mentions_per_second": round(n / took), "add_one_seconds": round(add_one, 3),
        "precision": round(p, 4), "recall": round(r, 4),
        "baseline": {"events": len(base), "seconds": round(base_took, 3), "precision": round(bp, 4), "recall": round(br, 4)},
    }  # fmt: skip


def main() -> None:
    """Run the sizes asked for and print one line of JSON each."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--mentions", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    for n in args.mentions:
        print(json.dumps(bench(n, args.seed)), flush=True)
    sys.exit(0)


if __name__ == "__main__":
    main()
