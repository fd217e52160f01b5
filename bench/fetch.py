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
    # Every tenth page forbidden by robots.txt (20 of 200): the feed run names them.
    site = Site(articles_from(str(path), args.pages), forbidden=set(range(0, args.pages, 10)))
    with serving(site):
        urls = [f"{site.base}/news/{i}.html" for i in range(len(site.articles)) if i not in site.forbidden]
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
            cmd = [sys.executable, "-m", "sitrep", "run", f"{site.base}/feed.xml", f"{site.base}/atom.xml", "--db", f"{tmp}/f.db", "--quiet", "--per-host-rate", "0"]
            t = time.perf_counter()
            done = subprocess.run(cmd, capture_output=True, text=True)
            run = time.perf_counter() - t
            pages = sum(n for p, n in site.hits.items() if p.startswith("/news/"))
            again = subprocess.run(cmd, capture_output=True, text=True)
            pages_again = sum(n for p, n in site.hits.items() if p.startswith("/news/")) - pages
        named = done.stderr.count("forbidden by robots.txt")
        print(f"sitrep run RSS+ATOM (whole pipeline): {done.stdout.strip()} (rc {done.returncode}); {named} named as forbidden by robots.txt")
        print(f"  {len(urls) / run:.1f} pages/s end to end; fetching alone is {took / run:.0%} of it")
        print(f"  polled again: {again.stdout.strip()} (rc {again.returncode}); {pages_again} pages fetched, feeds answered 304: {dict(site.not_modified)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
