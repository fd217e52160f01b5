"""Take the README's screenshots: the demo database served by `sitrep serve`, shown in
Debian's chromium (Playwright, executable_path). Writes docs/screenshots/*.png.

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
            page = browser.new_page(viewport={"width": 1400, "height": 850})

            def shoot(path: str, name: str, wait: str = "body[data-ready='1']") -> None:
                page.goto("about:blank")
                page.goto(base + path)
                page.wait_for_selector(wait)
                page.wait_for_timeout(400)
                page.screenshot(path=str(OUT / f"{name}.png"))

            shoot("/", "map")
            herat = page.evaluate(
                "() => fetch('/api/events?q=Herat&kind=territory.capture').then((r) => r.json())"
                ".then((p) => p.items.find((e) => e.place.name.startsWith('Her')).id)"
            )
            shoot(f"/#event={herat}", "event-panel", ".side .event-panel")
            shoot("/stories/1", "story")
            browser.close()
    print(f"screenshots in {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
