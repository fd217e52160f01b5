"""The map page in headless Chromium: time until 10k events are on the map.

    python bench/web.py [--events 10000] [--baseline 100] [--repeat 3]

A synthetic database (bench/api.py's generator) is served by ``sitrep serve`` on
127.0.0.1; Debian's chromium, driven by Playwright, opens ``/`` and waits until the page
says it is ready (points fetched, markers clustered, timeline drawn, basemap drawn).
Printed: the best of ``--repeat`` loads for the big database and, as the baseline in the
same run, for a small one (``--baseline`` events), and their ratio.
"""

from __future__ import annotations

import argparse
import random
import shutil
import sys
import tempfile
import time
from pathlib import Path

from sitrep.api.launch import running_server

sys.path.insert(0, str(Path(__file__).parent))
from api import build  # bench/ is not a package: its scripts import each other by path

ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]  # fmt: skip


def load_times(browser: object, base: str, repeat: int) -> list[float]:
    out = []
    for _ in range(repeat):
        page = browser.new_page(viewport={"width": 1400, "height": 850})  # type: ignore[attr-defined]
        t = time.perf_counter()
        page.goto(base + "/")
        page.wait_for_selector("body[data-ready='1']", timeout=60_000)
        out.append(time.perf_counter() - t)
        page.close()
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--events", type=int, default=10_000)
    ap.add_argument("--baseline", type=int, default=100)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if not chromium:
        print("Debian's chromium is not installed (apt-get install -y chromium)", file=sys.stderr)
        return 2
    from playwright.sync_api import sync_playwright

    results = {}
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=chromium, args=ARGS)
        for n in (args.baseline, args.events):
            db = Path(tmp) / f"web-{n}.db"
            build(db, n, random.Random(1))
            with running_server(db) as base:
                load_times(browser, base, 1)  # warm the server's caches and the browser's
                results[n] = load_times(browser, base, args.repeat)
        browser.close()
    for n, times in results.items():
        print(f"map page, {n:>6} events: best {min(times):.2f} s, worst {max(times):.2f} s over {len(times)} loads")
    ratio = min(results[args.events]) / min(results[args.baseline])
    print(f"ratio {args.events} / {args.baseline} events: {ratio:.1f}x (aim: under 2 s for 10k)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
