"""How soon `sitrep watch` brings what a site publishes to the API and to an open map page.

    python bench/watch.py [--every 10] [--add 5]

A real local news site (tests/local_site.py) serves 20 articles of the stories dev file with an
RSS, an Atom and a JSON feed; `sitrep watch` polls the three every N seconds into a fresh
database, `sitrep serve` serves it, and Debian's chromium (Playwright) holds the map page open
(polling the version stamp every 2 s). Then the site publishes conflict articles of the events
dev file; printed: the seconds until /api/events counts more events, and until the page shows
"N new events", against the poll interval (the aim: within one interval).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from _common import eval_file

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.local_site import Site, articles_from, serving

from sitrep.api.launch import running_server


def _total(base: str) -> int:
    with urllib.request.urlopen(f"{base}/api/events?limit=1&layer=all", timeout=10) as r:
        return int(json.loads(r.read())["total"])


def main() -> int:
    """Print the latencies."""
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--every", type=float, default=10.0)
    ap.add_argument("--add", type=int, default=5)
    args = ap.parse_args()
    stories, events = eval_file("stories.dev.jsonl"), eval_file("events_articles.dev.jsonl")
    if stories is None or events is None:
        return 0
    from playwright.sync_api import sync_playwright

    site = Site(articles_from(str(stories), 20))
    later = articles_from(str(events), args.add)
    with serving(site), tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "w.db"
        feeds = [f"{site.base}/feed.xml", f"{site.base}/atom.xml", f"{site.base}/feed.json"]
        cmd = [sys.executable, "-m", "sitrep", "watch", *feeds, "--db", str(db), "--every", f"{args.every:g}s", "--per-host-rate", "0"]
        watch = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
        assert watch.stdout is not None
        try:
            print(watch.stdout.readline().strip())
            with running_server(db) as base, sync_playwright() as pw:
                browser = pw.chromium.launch(executable_path="/usr/bin/chromium", args=["--headless", "--no-sandbox", "--disable-gpu"])
                page = browser.new_page(viewport={"width": 1400, "height": 900})
                page.goto(f"{base}/?poll=2")
                page.wait_for_selector("body[data-ready='1']", timeout=30_000)
                before = _total(base)
                for article in later:
                    site.add(article)
                t0 = time.monotonic()
                api_at = page_at = None
                while time.monotonic() - t0 < 3 * args.every + 30 and (api_at is None or page_at is None):
                    if api_at is None and _total(base) > before:
                        api_at = time.monotonic() - t0
                    if page_at is None and page.locator(".follow-notice").is_visible():
                        page_at = time.monotonic() - t0
                    time.sleep(0.2)
                notice = page.locator(".follow-notice .show").inner_text() if page_at is not None else "(no notice)"
                page.screenshot(path=str(Path(tempfile.gettempdir()) / "watch.png"))
                browser.close()
                after = _total(base)
            print(watch.stdout.readline().strip())
        finally:
            watch.terminate()
            watch.wait(10)
    print(f"{len(later)} articles published; events {before} -> {after}")
    print(f"/api/events counts them after {api_at if api_at is None else round(api_at, 1)} s; the map page says "
          f"{notice!r} after {page_at if page_at is None else round(page_at, 1)} s (poll interval {args.every:g} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
