"""The seeds, cleaned, against what an analyst reads out of them (seeds.gold.json)."""

from __future__ import annotations

from typing import Any

import pytest

from sitrep.clean import clean
from sitrep.ingest import read_paths
from sitrep.model import Article, RawArticle
from tests.conftest import SEEDS, need_shared

SEED_IDS = ["000_a590446ecc86677d.txt", "003_148240228117d87a.txt"]


@pytest.fixture(scope="module")
def cleaned() -> dict[str, Article]:
    need_shared(SEEDS)
    raws = [r for r in read_paths([SEEDS]) if isinstance(r, RawArticle)]
    assert sorted(r.id for r in raws) == SEED_IDS
    return {r.id: clean(r) for r in raws}


@pytest.mark.parametrize("seed", SEED_IDS)
def test_title_standfirst_headings(
    cleaned: dict[str, Article], seeds_gold: dict[str, Any], seed: str
) -> None:
    gold, art = seeds_gold["articles"][seed], cleaned[seed]
    assert art.title == gold["title"]
    assert art.standfirst == gold["standfirst"]
    assert art.headings == gold["headings"]


@pytest.mark.parametrize("seed", SEED_IDS)
def test_first_and_last_body_paragraphs(
    cleaned: dict[str, Article], seeds_gold: dict[str, Any], seed: str
) -> None:
    gold, art = seeds_gold["articles"][seed], cleaned[seed]
    assert art.paragraphs[0] == gold["body_first"]
    assert art.paragraphs[-1] == gold["body_last"]


@pytest.mark.parametrize("seed", SEED_IDS)
def test_every_chrome_line_removed(
    cleaned: dict[str, Article], seeds_gold: dict[str, Any], seed: str
) -> None:
    gold, art = seeds_gold["articles"][seed], cleaned[seed]
    body = art.text
    for line in gold["chrome"]:
        assert line not in art.paragraphs, line
        assert line not in body, line
        assert line in art.removed, line
    # Nothing of the headline block leaks into the body either.
    assert art.title not in art.paragraphs
    assert art.standfirst not in art.paragraphs


@pytest.mark.parametrize("seed", SEED_IDS)
def test_captions_kept_apart(
    cleaned: dict[str, Article], seeds_gold: dict[str, Any], seed: str
) -> None:
    gold, art = seeds_gold["articles"][seed], cleaned[seed]
    assert art.captions == gold["captions"]
    for caption in gold["captions"]:
        assert caption not in art.text


def test_003_date_and_outlet(cleaned: dict[str, Article], seeds_gold: dict[str, Any]) -> None:
    gold, art = (
        seeds_gold["articles"]["003_148240228117d87a.txt"],
        cleaned["003_148240228117d87a.txt"],
    )
    assert art.outlet == gold["outlet"]
    assert art.published is not None
    assert art.published.value == gold["published"]["value"]
    assert art.published.how == "text"


def test_000_date_is_inferred_to_the_month_only(cleaned: dict[str, Article]) -> None:
    art = cleaned["000_a590446ecc86677d.txt"]
    assert art.outlet is None
    assert art.published is not None
    # The text gives "(August 2021)" and "on Thursday": the month is known, the day is not.
    assert (art.published.value, art.published.how, art.published.precision) == (
        "2021-08",
        "inferred",
        "month",
    )


@pytest.mark.parametrize("seed", SEED_IDS)
def test_wire_agency_named(
    cleaned: dict[str, Article], seeds_gold: dict[str, Any], seed: str
) -> None:
    assert cleaned[seed].wire == seeds_gold["articles"][seed]["wire"]


def test_body_keeps_every_paragraph_between_first_and_last(cleaned: dict[str, Article]) -> None:
    # Every paragraph of the seed that is neither chrome, caption nor headline block stays.
    art = cleaned["003_148240228117d87a.txt"]
    raw = (SEEDS / "003_148240228117d87a.txt").read_text("utf-8")
    start = raw.index("THE TALIBAN HAS claimed")
    end = raw.index("Your Voice")
    # Paragraphs as printed, with runs of spaces (no-break ones too) folded as cleaning does.
    expected = [" ".join(p.split()) for p in raw[start:end].split("\n\n") if p.strip()]
    expected = [p for p in expected if not p.startswith("members-of-afghan")]
    assert art.paragraphs == expected


def test_assume_clean_keeps_text_as_given() -> None:
    text = "Line one.\n\nWe need your help now\n\nLine three."
    art = clean(RawArticle(id="x", source="x", text=text), assume_clean=True)
    assert art.text == text
