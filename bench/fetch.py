"""Fetching: a local news site of full articles, fetched by sitrep's polite fetcher and by `sitrep run`.

    python bench/fetch.py [--pages 200] [--connections 8]

A real HTTP server on 127.0.0.1 (tests/local_site.py) serves the stories dev file's full
articles as pages with an RSS feed. Printed: the baseline (urllib, one connection, one page
after the other, in this process); the Fetcher over the same pages with N connections (pages/s
and the ratio to the baseline); then the whole `sitrep run FEED` into a fresh database (pages/s
end to end) and the share of its time that fetching alone takes. No pacing (--per-host-rate 0):
the server is local, and the aim is the tool's own cost.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from _common import eval_file

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.local_site import Site, articles_from, serving

from sitrep.intake.fetch import Fetcher, Request


def main() -> int:
    """Print the figures."""
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--pages", type=int, default=200)
    ap.add_argument("--connections", type=int, default=8)
    args = ap.parse_args()
    path = eval_file("stories.dev.jsonl")
    if path is None:
        return 0
    site = Site(articles_from(str(path), args.pages))
    with serving(site):
        urls = [f"{site.base}/news/{i}.html" for i in range(len(site.articles))]
        t = time.perf_counter()
        for url in urls:
            with urllib.request.urlopen(url) as response:
                response.read()
        base = time.perf_counter() - t
        print(f"baseline (urllib, 1 connection): {len(urls) / base:.0f} pages/s")
        with Fetcher(max_bytes=20 << 20, connections=args.connections, per_host=args.connections, rate=0) as fetcher:
            t = time.perf_counter()
            results = list(fetcher.fetch_all(Request(u) for u in urls))
            took = time.perf_counter() - t
        assert all(r.error is None for r in results)
        print(f"Fetcher ({args.connections} connections, robots.txt checked): {len(urls) / took:.0f} pages/s ({base / took:.2f}x baseline)")
        with tempfile.TemporaryDirectory() as tmp:
            t = time.perf_counter()
            done = subprocess.run(
                [sys.executable, "-m", "sitrep", "run", f"{site.base}/feed.xml", "--db", f"{tmp}/f.db", "--quiet", "--per-host-rate", "0"],
                capture_output=True, text=True,
            )  # fmt: skip
            run = time.perf_counter() - t
        print(f"sitrep run FEED (whole pipeline): {len(urls) / run:.1f} pages/s, rc {done.returncode}; "
              f"fetching alone is {took / run:.0%} of it ({done.stderr.strip().splitlines()[-1] if done.stderr.strip() else ''})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
