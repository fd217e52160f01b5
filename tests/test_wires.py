"""Wire credits, sources by name, tolls over time and the ACLED export (issue #26).

Most checks run on ``tests/fixtures/wires/stories.jsonl``: invented AP, Xinhua, Reuters,
AFP and New York Times style stories whose only credit is their dateline (see the
README beside it), run end to end into a real SQLite file.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from sitrep.clean import clean
from sitrep.clean.meta import closing_credit, dateline_at
from sitrep.ingest import read_paths
from sitrep.model import Article, RawArticle
from tests.conftest import EVAL, need_shared

CORPUS = Path(__file__).parent / "fixtures" / "wires" / "stories.jsonl"
# The agency each story of the corpus credits, by the archive's id prefix (the corpus README).
CREDITED = {"APW": "AP", "XIN": "Xinhua", "RTR": "Reuters", "AFP": "AFP", "LOC": "agencies"}
# An article id as the archives write them ("APW19980808.0022"): never a source's name.
ARTICLE_ID = re.compile(r"[A-Z]{3}\d{8}\.\d{4}")


# -- datelines ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "dateline", "wire"),
    [
        ("NAIROBI, Kenya (AP) _ A truck bomb exploded", "NAIROBI, Kenya (AP) _", "AP"),
        ("WASHINGTON (AP) -- The United States offered", "WASHINGTON (AP) --", "AP"),
        ("THE HAGUE, Netherlands (AP)_ The World Court", "THE HAGUE, Netherlands (AP)_", "AP"),
        ("NICOSIA, August 8 (Xinhua) -- Cyprus said", "NICOSIA, August 8 (Xinhua) --", "Xinhua"),
        ("(Reuters) - The Taliban said", "(Reuters) -", "Reuters"),
        ("(AFP) - Police said", "(AFP) -", "AFP"),
        ("Denver (AP) – Colorado's top cop", "Denver (AP) –", "AP"),
        ("MANDERA, Kenya _ Gunmen attacked", "MANDERA, Kenya _", None),
        ("NEWARK, N.J. _ A new task force", "NEWARK, N.J. _", None),
        (
            "KABUL, Afghanistan (Jan. 25, 2013) - An Afghan",
            "KABUL, Afghanistan (Jan. 25, 2013) -",
            None,
        ),
        ("ISIOLO, Kenya (AP) --", "ISIOLO, Kenya (AP) --", "AP"),
    ],
)
def test_dateline_forms_and_their_credit(text: str, dateline: str, wire: str | None) -> None:
    found = dateline_at(text)
    assert found is not None and (found.text, found.wire) == (dateline, wire)


@pytest.mark.parametrize(
    "text",
    [
        "THE TALIBAN HAS claimed to have captured Kandahar",
        "BREAKING — Troops enter the city",
        "Kenya (formerly British East Africa) is",
        "The men (AP) said nothing",
        "Police said the blast (file) was heard",
    ],
)
def test_no_dateline(text: str) -> None:
    assert dateline_at(text) is None


@pytest.mark.parametrize(
    ("line", "wire"),
    [
        ("- Agencies", "agencies"),
        ("(Reuters)", "Reuters"),
        ("With AFP", "AFP"),
        ("Top stories", None),
    ],
)
def test_closing_credits(line: str, wire: str | None) -> None:
    assert closing_credit(line) == wire


def test_every_corpus_story_credits_its_agency_and_no_dateline_is_a_title() -> None:
    for raw in read_paths([CORPUS]):
        assert isinstance(raw, RawArticle)
        article = clean(raw)
        prefix = raw.id[:3]
        if prefix in CREDITED:
            assert article.wire[:1] == [CREDITED[prefix]], (raw.id, article.wire)
        if prefix != "LOC":
            # Every story but the local paper's opens with a dateline, kept apart from the body.
            assert article.dateline and dateline_at(article.dateline), raw.id
            assert not article.text.startswith(article.dateline), raw.id
        assert article.title is None or dateline_at(article.title) is None, raw.id
    # A headline above a dateline on a line of its own is the title.
    (raw,) = [
        r for r in read_paths([CORPUS]) if isinstance(r, RawArticle) and r.id == "APW20190305.0033"
    ]
    article = clean(raw)
    assert (
        article.title == raw.text.splitlines()[0] and article.dateline == raw.text.splitlines()[2]
    )


def test_aquaint_wire_stories_credit_ap_and_keep_the_dateline_apart() -> None:
    path = need_shared(EVAL / "times.dev.jsonl")
    checked = 0
    for line in path.read_text("utf-8").splitlines():
        rec = json.loads(line)
        if not rec["id"].startswith(("APW", "NYT")):
            continue
        first = rec["text"].split("\n", 1)[0]
        found = dateline_at(first)
        if found is None:
            continue  # a story that opens with no dateline ("MALAYSIA's aggressive move")
        article = clean(RawArticle(id=rec["id"], source=rec["id"], text=rec["text"]))
        assert isinstance(article, Article)
        assert article.dateline == found.text, rec["id"]
        assert article.title != found.text and not article.text.startswith(found.text), rec["id"]
        if rec["id"].startswith("APW"):
            assert article.wire[:1] == ["AP"], (rec["id"], article.wire)
        checked += 1
    assert checked >= 15
