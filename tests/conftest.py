"""Shared fixtures: the seeds and eval files live in ../shared, beside the repository."""

from __future__ import annotations

import json
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
