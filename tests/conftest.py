"""Shared fixtures: the seeds and eval files live in ../shared, beside the repository."""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
SEEDS = SHARED / "seeds"
EVAL = SHARED / "eval"


def need_shared(path: Path) -> Path:
    """Skip the test, saying why, when the shared data it reads is absent."""
    if not path.exists():
        pytest.skip(f"{path} is absent: the shared seeds/eval data sit beside the repository in CI")
    return path


@pytest.fixture(scope="session")
def seeds_gold() -> dict[str, Any]:
    """What a careful analyst reads out of the seeds."""
    data: dict[str, Any] = json.loads(need_shared(EVAL / "seeds.gold.json").read_text("utf-8"))
    return data


@pytest.fixture(scope="session")
def seeds() -> dict[str, Any]:
    """The seed articles cleaned and extracted, keyed by their number ("000", "003")."""
    from sitrep.ingest import read_paths
    from sitrep.model import Article
    from sitrep.pipeline import clean_all, extract

    need_shared(SEEDS)
    out: dict[str, Article] = {}
    for a in clean_all(list(read_paths([SEEDS]))):
        assert isinstance(a, Article)
        out[a.id[:3]] = extract(a)
    return out


CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]  # fmt: skip


def chromium_path() -> str:
    """Debian's chromium: a failure in CI (scripts/test installs it), a skip elsewhere."""
    for name in ("chromium", "chromium-browser"):
        found = shutil.which(name)
        if found:
            return found
    if os.environ.get("CI"):
        pytest.fail("Debian's chromium is missing: scripts/test installs it (apt-get install -y chromium)")
    pytest.skip("Debian's chromium is not installed (apt-get install -y chromium)")


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    """One headless Chromium for every browser test of the session (launching costs ~1 s)."""
    executable = chromium_path()
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield b
        b.close()


def new_page(browser: Any, width: int = 1400, height: int = 850) -> Any:
    """A page of ``browser`` that records its script errors (``errors``) and dismisses and
    records any dialog (``dialogs``): hostile text must raise neither."""
    p = browser.new_page(viewport={"width": width, "height": height})
    p.errors = []
    p.dialogs = []
    p.on("pageerror", lambda e: p.errors.append(str(e)))
    p.on("dialog", lambda d: (p.dialogs.append(d.message), d.dismiss()))
    return p


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    """A 1400x850 page, closed after the test."""
    p = new_page(browser)
    yield p
    p.close()
