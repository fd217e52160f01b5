"""The JSON API under load: filtered event queries from 50 concurrent clients on loopback.

    python bench/api.py [--events 100000] [--clients 50] [--seconds 30] [--seed 1]

A database of synthetic consolidated events (kinds, towns in 12 countries, two years of
days, actors, statuses, a story each, evidence sentences; each event's JSON as
``sitrep run`` writes it) is written to a real SQLite file. ``sitrep serve`` then runs
in its own process on 127.0.0.1, and closed-loop clients (each sends its next request
when the last answer is in, over a kept-alive HTTP/1.1 connection) ask for random
filtered pages of ``/api/events``: a bounding box with a date range, a kind with a
date range, a status in a box, an actor, a story, words, and ``/api/points`` for a
box. Printed: requests, errors, throughput, p50/p90/p99/max latency per query shape
and overall.

Baseline in the same run: the same queries answered in this process straight from
SQLite (``sitrep.api.queries``, one connection, no HTTP, one at a time): the server's
throughput over HTTP is given as a ratio to that rate.
"""

from __future__ import annotations

import argparse
import asyncio
import random
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from sitrep.api import queries as q
from sitrep.api.launch import running_server
from sitrep.store import Store
from sitrep.store.consolidated import replace_block

KINDS = [
    ("territory.capture", "territory", "Battles", "Non-state actor overtakes territory"),
    ("clash.armed", "clash", "Battles", "Armed clash"),
    ("attack.airstrike", "attack", "Explosions/Remote violence", "Air/drone strike"),
    ("attack.bombing", "attack", "Explosions/Remote violence", "Remote explosive/landmine/IED"),
    ("attack.shelling", "attack", "Explosions/Remote violence", "Shelling/artillery/missile attack"),
    ("protest", "protest", "Protests", "Peaceful protest"),
    ("detention.arrest", "detention", "Strategic developments", "Arrests"),
    ("deployment", "deployment", "Strategic developments", "Other"),
]
ACTORS = ["Taliban", "Islamic State", "Al Shabaab", "Protesters", "Military Forces of Afghanistan",
          "Police Forces of Somalia", "Civilians", "Wagner Group", "Hamas", "Military Forces of Israel"]  # fmt: skip
# (country code, centre lat, centre lon, spread in degrees)
COUNTRIES = [("AF", 34.0, 66.0, 3.0), ("SO", 5.0, 46.0, 3.0), ("SY", 35.0, 38.5, 1.5), ("IQ", 33.0, 44.0, 2.0),
             ("YE", 15.5, 47.5, 2.0), ("ML", 16.0, -2.0, 3.0), ("NG", 10.0, 8.0, 3.0), ("UA", 48.5, 34.0, 3.0),
             ("SD", 14.0, 30.0, 3.0), ("CD", -2.0, 27.0, 3.0), ("MM", 20.0, 96.0, 2.5), ("PS", 31.5, 34.45, 0.2)]  # fmt: skip
DAY0 = 18_800  # 2021-06-21 as days since the epoch
DAYS = 730
STATUS = ["single"] * 6 + ["corroborated"] * 3 + ["disputed"]


def _day(n: int) -> str:
    return time.strftime("%Y-%m-%d", time.gmtime((DAY0 + n) * 86400))


def build(path: Path, n: int, rng: random.Random) -> None:
    """Write ``n`` synthetic consolidated events (and their towns) into a fresh store at ``path``."""
    towns = []
    for cc, lat, lon, spread in COUNTRIES:
        for i in range(150):
            towns.append((cc, f"Town {cc}-{i}", lat + rng.uniform(-spread, spread), lon + rng.uniform(-spread, spread)))
    blocks: dict[tuple[str, str], list[dict[str, Any]]] = defaultdict(list)
    for i in range(n):
        kind, family, etype, sub = rng.choice(KINDS)
        cc, town, lat, lon = rng.choice(towns)
        day = _day(rng.randrange(DAYS))
        precision = "day" if rng.random() < 0.85 else "month"
        date = day if precision == "day" else day[:7]
        actor1, actor2 = rng.sample(ACTORS, 2)
        status = rng.choice(STATUS)
        arts = [f"art-{rng.randrange(n * 2)}.txt" for _ in range(rng.randint(1, 4))]
        evidence = [
            {"article_id": a, "start": 0, "end": 120, "trigger": {"start": 12, "end": 20, "text": "captured"},
             "text": f"{actor1} fighters captured {town} on {day} after clashes with {actor2}, officials said ({j})."}
            for j, a in enumerate(arts)
        ]  # fmt: skip
        event = {
            "id": f"ev{i:016x}", "kind": kind, "family": family,
            "acled": {"event_type": etype, "sub_event_type": sub}, "plover": {"type": "COERCE", "mode": "seize"},
            "actor1": {"name": actor1, "type": "rebel", "inter": 2, "country_code": cc},
            "actor2": {"name": actor2, "type": "state", "inter": 1, "country_code": cc},
            "place": {"name": town, "geonameid": None, "lat": lat, "lon": lon, "country_code": cc,
                      "admin1": f"{cc} province", "precision": "city", "feature": "city"},
            "date": {"value": date, "precision": precision}, "modality": "asserted", "sources": [],
            "fatalities": rng.choice([None, 0, 1, 3, 12]), "fatalities_range": None, "quantities": [],
            "evidence": evidence, "articles": sorted(set(arts)), "stories": [i % 5000],
            "independent_sources": len(set(arts)), "originators": [f"outlet:{a}" for a in arts],
            "accounts": {"asserted": [f"outlet:{a}" for a in arts]}, "first_reported": day, "last_reported": day,
            "mentions": [{"id": f"m{i}-{j}", "article_id": a, "rank": j, "modality": "asserted",
                          "originator": f"outlet:{a}", "why": "founded the event"} for j, a in enumerate(arts)],
            "status": status,
        }  # fmt: skip
        blocks[(family, cc)].append(event)
    with Store(path) as store, store.transaction():
        for block, events in blocks.items():
            replace_block(store.conn, block, events, [], [])
    with Store(path) as store:
        store.conn.execute("ANALYZE")


def queries(rng: random.Random, count: int) -> list[tuple[str, dict[str, Any], str]]:
    """Random filtered requests: (shape, parameters, path)."""
    out = []
    for _ in range(count):
        cc, lat, lon, _ = rng.choice(COUNTRIES)
        w = rng.uniform(0.5, 2.5)
        box = f"{lon - w:.3f},{lat - w:.3f},{lon + w:.3f},{lat + w:.3f}"
        a = rng.randrange(DAYS - 60)
        start, end = _day(a), _day(a + rng.choice([1, 7, 30, 60]))
        kind = rng.choice(KINDS)
        shape = rng.choice(["bbox+dates", "bbox+dates", "kind+dates", "status+bbox", "actor+dates", "story", "words", "points"])
        params: dict[str, Any] = {
            "bbox+dates": {"bbox": box, "start": start, "end": end},
            "kind+dates": {"kind": rng.choice([kind[0], kind[1]]), "start": start, "end": end},
            "status+bbox": {"status": rng.choice(["corroborated", "disputed"]), "bbox": box},
            "actor+dates": {"actor": rng.choice(ACTORS), "start": start, "end": end},
            "story": {"story": rng.randrange(5000)},
            "words": {"q": f"Town {cc}-{rng.randrange(150)}"},
            "points": {"bbox": box, "start": start, "end": end},
        }[shape]
        params["limit"] = 50
        path = ("/api/points?" if shape == "points" else "/api/events?") + urlencode(params)
        out.append((shape, params, path))
    return out


def direct(db: Path, work: list[tuple[str, dict[str, Any], str]]) -> dict[str, list[float]]:
    """The baseline: each query answered straight from SQLite in this process."""
    reader = q.Reader(db)
    conn = reader.conn()
    times: dict[str, list[float]] = defaultdict(list)
    for shape, params, _ in work:
        p = dict(params)
        limit = p.pop("limit")
        box = p.pop("bbox", None)
        f = q.EventFilter(bbox=tuple(float(x) for x in box.split(",")) if box else None, **p)  # type: ignore[arg-type]
        t = time.perf_counter()
        if shape == "points":
            q.points_json(conn, f, limit)
        else:
            q.events_json(conn, f, limit, 0)
        times[shape].append(time.perf_counter() - t)
    return times


async def _client(host: str, port: int, work: list[tuple[str, dict[str, Any], str]], until: float,
                  rng: random.Random, times: dict[str, list[float]], errors: list[str]) -> None:  # fmt: skip
    reader, writer = await asyncio.open_connection(host, port)
    try:
        while time.perf_counter() < until:
            shape, _, path = rng.choice(work)
            t = time.perf_counter()
            writer.write(f"GET {path} HTTP/1.1\r\nHost: {host}\r\nAccept: application/json\r\n\r\n".encode())
            head = await reader.readuntil(b"\r\n\r\n")
            status = int(head.split(b" ", 2)[1])
            length = 0
            for line in head.split(b"\r\n"):
                if line.lower().startswith(b"content-length:"):
                    length = int(line.split(b":", 1)[1])
            body = await reader.readexactly(length)
            times[shape].append(time.perf_counter() - t)
            if status != 200:
                errors.append(f"{status} {path}: {body[:200]!r}")
    finally:
        writer.close()


async def load(port: int, work: list[tuple[str, dict[str, Any], str]], clients: int, seconds: float,
               seed: int) -> tuple[dict[str, list[float]], list[str], float]:  # fmt: skip
    times: dict[str, list[float]] = defaultdict(list)
    errors: list[str] = []
    t0 = time.perf_counter()
    until = t0 + seconds
    await asyncio.gather(*[
        _client("127.0.0.1", port, work, until, random.Random(seed * 1000 + i), times, errors) for i in range(clients)
    ])  # fmt: skip
    return times, errors, time.perf_counter() - t0


def pct(xs: list[float], p: float) -> float:
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(p * len(xs)))] * 1000 if xs else float("nan")


def report(title: str, times: dict[str, list[float]]) -> None:
    print(f"\n{title}")
    print(f"  {'shape':<13}{'n':>8}{'p50 ms':>9}{'p90 ms':>9}{'p99 ms':>9}{'max ms':>9}")
    everything = [x for xs in times.values() for x in xs]
    for shape, xs in [*sorted(times.items()), ("all", everything)]:
        print(f"  {shape:<13}{len(xs):>8}{pct(xs, .5):>9.1f}{pct(xs, .9):>9.1f}{pct(xs, .99):>9.1f}{max(xs) * 1000:>9.1f}")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--events", type=int, default=100_000)
    ap.add_argument("--clients", type=int, default=50)
    ap.add_argument("--seconds", type=float, default=30.0)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--workers", type=int, default=1, help="sitrep serve --workers")
    ap.add_argument("--db", type=Path, help="keep the synthetic database here (default: a temporary file)")
    args = ap.parse_args()
    rng = random.Random(args.seed)
    with tempfile.TemporaryDirectory() as tmp:
        db = args.db or Path(tmp) / "bench-api.db"
        if not db.exists():
            t = time.perf_counter()
            build(db, args.events, rng)
            print(f"built {args.events} synthetic events in {time.perf_counter() - t:.1f} s ({db.stat().st_size / 1e6:.0f} MB)")
        work = queries(random.Random(args.seed + 1), 2000)  # the same queries whether built now or not
        base = direct(db, work)
        report("baseline: the same queries straight from SQLite in this process (no HTTP)", base)
        with running_server(db, workers=args.workers) as url:
            port = int(url.rsplit(":", 1)[1])
            times, errors, took = asyncio.run(load(port, work, args.clients, args.seconds, args.seed))
        n = sum(len(x) for x in times.values())
        report(f"sitrep serve --workers {args.workers}: {args.clients} clients for {took:.1f} s: {n} requests, {n / took:.0f}/s, {len(errors)} errors", times)
        for e in errors[:5]:
            print("  error:", e)
        every = [x for xs in times.values() for x in xs]
        every_base = [x for xs in base.values() for x in xs]
        direct_rate = len(every_base) / sum(every_base)
        print(f"\nthroughput: server {n / took:.0f}/s over HTTP vs {direct_rate:.0f}/s straight from SQLite on one"
              f" connection ({n / took / direct_rate:.2f}x); p50 {pct(every, .5):.1f} ms, p99 {pct(every, .99):.1f} ms"
              f" (aim < 100 ms), {len(errors)} errors")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
