"""Take the README's screenshots: the demo database served by `sitrep serve`, shown in
Debian's chromium (Playwright, executable_path). Writes docs/screenshots/*.png: the map, an
event's panel, a story, the Views page (whole) and the map over Afghanistan at zoom 7 with the
offline basemap's province lines and place names.

    .venv/bin/python scripts/screenshots.py
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

from sitrep.api.launch import running_server

OUT = Path(__file__).resolve().parents[1] / "docs" / "screenshots"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]  # fmt: skip


def main() -> int:
    chromium = shutil.which("chromium")
    if not chromium:
        print("Debian's chromium is not installed (apt-get install -y chromium)", file=sys.stderr)
        return 2
    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "demo.db"
        subprocess.run([sys.executable, "-m", "sitrep", "demo", "--db", str(db)], check=True, capture_output=True)
        with running_server(db) as base, sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=chromium, args=ARGS)
            page = browser.new_page(viewport={"width": 1280, "height": 760})

            def shoot(path: str, name: str, wait: str = "body[data-ready='1']", whole: bool = False) -> None:
                page.goto("about:blank")
                page.goto(base + path)
                page.wait_for_selector(wait)
                page.wait_for_timeout(400)
                page.screenshot(path=str(OUT / f"{name}.png"), full_page=whole)

            shoot("/", "map")
            herat = page.evaluate(
                "() => fetch('/api/events?q=Herat&kind=territory.capture').then((r) => r.json())"
                ".then((p) => p.items.find((e) => e.place.name.startsWith('Her')).id)"
            )
            shoot(f"/#event={herat}", "event-panel", ".side .event-panel")
            shoot("/stories/1", "story")
            # The whole Views page, a little smaller (under 300 KB).
            wide = page
            page = browser.new_page(viewport={"width": 1200, "height": 760}, device_scale_factor=0.8)
            shoot("/views", "views", "#views-map[data-basemap='ready']", whole=True)
            page.close()
            page = wide
            # The map over Afghanistan at zoom 7: Kabul, Herat, Kandahar, Ghazni named, provinces drawn.
            page.goto("about:blank")
            page.goto(base + "/")
            page.wait_for_selector("#map[data-basemap='ready']", timeout=20_000)
            page.evaluate("() => window.sitrepBasemap.map.setView([33.5, 65.5], 7, {animate: false})")
            page.wait_for_timeout(900)
            page.screenshot(path=str(OUT / "map-afghanistan.png"))
            browser.close()
    print(f"screenshots in {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
