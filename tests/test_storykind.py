"""Long pages that name violence only in passing (essays, reviews, guides: raw pages of
cleaning_text.dev) put nothing on the map, while the news in them and every crisis report of
the dev files still does (#25)."""

from __future__ import annotations

import json
from typing import Any

import pytest

from sitrep.clean import clean
from sitrep.events.storykind import thin_story
from sitrep.model import Event, RawArticle
from sitrep.pipeline import extract
from tests.conftest import EVAL, need_shared

# A travel insurance guide ("terrorist attacks"), an essay on Plato ("being tortured"), a year in
# mathematics ("she died at age 40"), a book column ("a gruesome murder"), science fiction
# novels ("a fight with two police officers"), a GraphQL guide ("the blast radius of errors"), a
# backpacking diary ("a landmine museum").
_ESSAYS = ("0070", "0160", "0428", "0461", "4371", "5422", "5565")


def _pages() -> dict[str, dict[str, Any]]:
    path = need_shared(EVAL / "cleaning_text.dev.jsonl")
    return {r["id"]: r for r in map(json.loads, path.open(encoding="utf-8"))}


def _material(r: dict[str, Any]) -> list[Event]:
    raw = RawArticle(id=r["id"], source=r["id"], text=r["raw"], published=r.get("published"), url=r.get("url"))
    return [e for e in extract(clean(raw)).events if e.layer == "material"]


@pytest.mark.parametrize("page", _ESSAYS)
def test_an_essay_that_names_violence_in_passing_maps_nothing(page: str) -> None:
    r = _pages()[page]
    told = [(e.kind, e.evidence[0]["text"][:80]) for e in _material(r)]
    assert not told, (r["url"], told)


def test_news_told_with_its_day_and_place_in_a_thin_page_stays() -> None:
    r = _pages()["5422"]
    body = clean(RawArticle(id=r["id"], source=r["id"], text=r["raw"])).text
    news = "Police said gunmen attacked a market in Kano on Friday, killing 12 people."
    for text in (f"{body}\n\n{news}", f"{news}\n\n{body}"):
        assert thin_story(text)
        article = extract(clean(RawArticle(id="t", source="t", text=text, published="2019-11-15"), assume_clean=True))
        events = [e for e in article.events if e.layer == "material"]
        assert [(e.family, (e.place or {}).get("name")) for e in events] == [("attack", "Kano")]
    assert [(e.family, (e.place or {}).get("name")) for e in events] == [("attack", "Kano")]


def test_a_news_page_keeps_its_stabbing() -> None:
    page = next(r for i, r in _pages().items() if i.startswith("e372e42c0a"))
    assert ("attack", "Berlin") in [(e.family, (e.place or {}).get("name")) for e in _material(page)]


def test_no_crisis_report_of_the_dev_files_is_thin() -> None:
    path = need_shared(EVAL / "events_articles.dev.jsonl")
    rows = [json.loads(line) for line in path.open(encoding="utf-8")]
    texts = [clean(RawArticle(id=r["id"], source=r["id"], text=r["text"], title=r.get("title"))).text for r in rows]
    assert sum(len(t) > 3000 for t in texts) >= 20
    assert not [r["id"] for r, t in zip(rows, texts, strict=True) if thin_story(t)]
