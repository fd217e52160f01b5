"""The body finder on the two seed pages and on the dev half of the text-cleaning gold."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from sitrep.clean.lines import Line, read_lines
from sitrep.clean.region import body_mask

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
needs_shared = pytest.mark.skipif(
    not SHARED.is_dir(), reason=f"evaluation data not present at {SHARED}"
)


def _kept(raw: str) -> tuple[list[str], list[bool]]:
    lines = read_lines(raw)[1]
    return [ln.text for ln in lines], body_mask(lines)


def test_empty_and_menu_only() -> None:
    assert body_mask([]) == []
    menu = "\n".join(["Home", "News", "Sport", "Weather", "Contact us"])
    texts, mask = _kept(menu)
    assert len(texts) == 5
    assert not any(mask)


@needs_shared
@pytest.mark.parametrize("name", ["000_a590446ecc86677d.txt", "003_148240228117d87a.txt"])
def test_seed_body_kept_and_comments_out(name: str) -> None:
    gold = json.loads((SHARED / "eval" / "seeds.gold.json").read_text("utf-8"))["articles"][name]
    texts, mask = _kept((SHARED / "seeds" / name).read_text("utf-8"))
    first, last = texts.index(gold["body_first"]), texts.index(gold["body_last"])
    chrome = set(gold["chrome"]) | set(gold["captions"])
    for i in range(first, last + 1):
        if texts[i] not in chrome:
            assert mask[i], f"body line dropped: {texts[i][:80]!r}"
    for heading in gold["headings"]:
        assert mask[texts.index(heading)], heading
    # Nothing after the body: 003's comment widget, 000's page end.
    assert not any(mask[last + 1 :])


@needs_shared
def test_seed_003_comment_section_out() -> None:
    texts, mask = _kept((SHARED / "seeds" / "003_148240228117d87a.txt").read_text("utf-8"))
    start = texts.index("Readers Comments")
    assert not any(mask[start:])


@needs_shared
def test_dev_f1_floor() -> None:
    from sitrep.evaluate.shingles import aggregate, match

    path = SHARED / "eval" / "cleaning_text.dev.jsonl"
    if not path.is_file():
        pytest.skip(f"{path} not present")
    matches = []
    for row in map(json.loads, path.open(encoding="utf-8")):
        texts, mask = _kept(row["raw"])
        pred = "\n\n".join(t for t, k in zip(texts, mask, strict=True) if k)
        matches.append(match(row["clean"], pred))
    assert aggregate(matches)["f1"] >= 0.92


def test_feature_rows_match_names() -> None:
    from sitrep.clean.region_features import FEATURE_NAMES, line_features

    raw = "A title | Site\n\nA title\n\nThe first sentence of the story runs on for a while here.\n\nHome"
    lines = read_lines(raw)[1]
    rows = line_features(lines)
    assert rows.shape == (len(lines), len(FEATURE_NAMES)) and len(lines) == 4
    hinges = [i for i, n in enumerate(FEATURE_NAMES) if ">" in n]
    assert hinges and all(r[i] >= 0.0 for r in rows for i in hinges)


def _dev_rows(prefixes: tuple[str, ...]) -> list[dict[str, str]]:
    path = SHARED / "eval" / "cleaning_text.dev.jsonl"
    if not path.is_file():
        pytest.skip(f"{path} not present")
    rows = [r for r in map(json.loads, path.open(encoding="utf-8")) if r["id"].startswith(prefixes)]
    assert len(rows) == len(prefixes)
    return rows


@needs_shared
def test_short_post_wins_over_its_longer_comment_thread() -> None:
    from sitrep.evaluate.shingles import match

    # A news brief with a long reader thread, and a blog post with a longer one:
    # the thread scores higher as prose, but the article is what precedes it.
    for row in _dev_rows(("232a43fb", "ac3c0355")):
        texts, mask = _kept(row["raw"])
        m = match(row["clean"], "\n\n".join(t for t, k in zip(texts, mask, strict=True) if k))
        assert m.precision >= 0.9 and m.recall >= 0.8, (row["id"][:8], m)


@needs_shared
def test_headline_not_taken_from_below_a_long_first_paragraph() -> None:
    from sitrep.clean import clean
    from sitrep.model import RawArticle

    # The first paragraph lost its full stop (Portuguese) or has no spaces to count
    # words by (Japanese); a short line after it must not become the headline and
    # push the paragraph out of the body.
    for row in _dev_rows(("b3c19dd5", "85439e26")):
        art = clean(RawArticle(id=row["id"], source=row["id"], text=row["raw"]))
        first = row["clean"].split("\n")[0].strip()
        assert first[:40] in art.text, row["id"][:8]
        assert art.title is None or first[:40] not in art.title


def _dev_lines() -> list[Line]:
    path = SHARED / "eval" / "cleaning_text.dev.jsonl"
    if not path.is_file():
        pytest.skip(f"{path} not present")
    rows = map(json.loads, path.open(encoding="utf-8"))
    return [ln for row in rows for ln in read_lines(row["raw"])[1]]


@needs_shared
def test_cue_patterns_on_lowered_lines_find_what_ignorecase_finds() -> None:
    import re

    from sitrep.clean import captions, chrome
    from sitrep.clean import region_features as rf

    read = _dev_lines()
    lines = [ln.text for ln in read]
    assert len(lines) > 20000
    cues = [rf._CUES, rf._DATE, rf._COMMENT_HEAD, rf._END_MARK, rf._COMMENTS_START]
    for fast in cues:
        slow = re.compile(fast.pattern, re.I)
        found = [bool(fast.search(t.lower())) for t in lines]
        assert found == [bool(slow.search(t)) for t in lines], fast.pattern[:40]
        assert any(found)
    slow_credit = captions._CREDIT_END
    assert [captions.credit_end(t) for t in lines] == [
        bool(slow_credit.search(t[-120:])) for t in lines
    ]

    # The one-pass chrome matcher gives the reason the first matching pattern gives.
    def slow_reason(line: str) -> str | None:
        if len(line) < 60 and chrome._label_key(line) in chrome.labels():
            return "label"
        if len(line) > 400:
            return None
        patterns = chrome._PATTERNS if len(line) <= 200 else chrome._LONG_PATTERNS
        reason = next((r for r, p in patterns if p.match(line)), None)
        cues = {m.group(0).lower() for m in chrome._APPEAL_CUES.finditer(line)}
        return reason or ("appeal" if len(cues) >= 2 else None)

    reasons = [chrome.chrome_reason(t) for t in lines]
    assert reasons == [slow_reason(t) for t in lines]
    # ... and so does the cheaper check on lines already read (lower case, words).
    assert [ln.chrome for ln in read] == reasons
    assert {"label", "appeal", "share line", "comments"} <= set(reasons)


def test_credit_end_finds_every_form_of_credit_and_no_plain_sentence() -> None:
    from sitrep.clean.captions import credit_end

    credits = [
        "Fighters patrol in Herat. Getty Images",
        "A man walks past a checkpoint (AFP)",
        "Smoke rises over the city [Reuters]",
        "Photo: Jane Doe/Reuters",
        "Jane Doe/AP",
        "Picture: John Smith",
        "A market in Kabul. EPA-EFE",
        "Alamy Stock Photo",
        "(Photo by Jane Doe)",
        "Credit: Rex Features",
        "Residents flee. AFP via Getty Images.",
    ]
    prose = [
        "The city fell to the Taliban on Thursday.",
        "Taliban fighters, AFP reported, entered the city",
        "He said the road to the airport was cheap",
    ]
    assert [credit_end(t) for t in credits] == [True] * len(credits)
    assert [credit_end(t) for t in prose] == [False] * len(prose)


def test_a_story_on_one_line_is_its_own_body() -> None:
    """Feed items and pasted stories come as one long line: there is no page to weigh them
    against, so their prose is kept (LGL and GeoVirus texts are all like that)."""
    import json

    from sitrep.clean import clean
    from sitrep.model import RawArticle
    from tests.conftest import EVAL, need_shared

    path = need_shared(EVAL / "places.dev.jsonl")
    records = [json.loads(line) for line in path.open(encoding="utf-8")]
    short = [r for r in records if r["text"].count("\n") <= 1]
    assert len(short) >= 500
    for r in short:
        article = clean(RawArticle(id=r["id"], source=r["id"], text=r["text"], url=r.get("url")))
        assert len(article.text) >= 0.5 * len(r["text"]), r["id"]
