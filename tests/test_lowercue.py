"""Cues run on lower-cased text answer as the ignore-case pattern does (#25 speed)."""

from __future__ import annotations

import json
import re

from sitrep.events.lexicon import cues, fast_cues
from sitrep.lowercue import LowerCue, lowered
from tests.conftest import EVAL, need_shared


def test_a_lower_cue_finds_what_the_pattern_finds_at_the_same_places() -> None:
    pattern = re.compile(r"\b(?:car|road) (?:crash|accident)s?\b|\bDUI\b", re.IGNORECASE)
    cue = LowerCue(pattern)
    text = "He died in a Road Accident after a DUI stop; another car crash followed."
    assert [m.span() for m in cue.finditer(text)] == [m.span() for m in pattern.finditer(text)]
    assert cue.search(text, 20) is not None and cue.search(text, 20).span() == pattern.search(text, 20).span()  # type: ignore[union-attr]
    assert cue.match(text, 13) is not None and cue.match(text, 14) is None
    assert cue.fullmatch("ROAD ACCIDENT") is not None


def test_text_whose_lower_case_is_longer_runs_the_ignore_case_pattern() -> None:
    pattern = re.compile(r"crash", re.IGNORECASE)
    text = "İstanbul: a CRASH on the bridge"  # "İ".lower() is two characters
    assert len(text.lower()) != len(text)
    assert LowerCue(pattern).search(text).span() == pattern.search(text).span()  # type: ignore[union-attr]


def test_patterns_that_cannot_be_lowered_are_run_as_written() -> None:
    assert lowered(re.compile(r"\bMarch\b")) is None  # case matters
    assert lowered(re.compile(r"\S+ attack", re.IGNORECASE)) is None  # an upper-case escape
    assert lowered(re.compile(r"(?P<Who>police) fired", re.IGNORECASE)) is None  # a named group
    assert LowerCue(re.compile(r"\bMarch\b")).search("a march in March").span() == (11, 16)  # type: ignore[union-attr]


def test_every_cue_answers_as_written_on_the_dev_sentences() -> None:
    lines = need_shared(EVAL / "events_articles.dev.jsonl").read_text(encoding="utf-8").splitlines()
    texts = [json.loads(line)["text"] for line in lines]
    fast = fast_cues()
    for name, pattern in cues().items():
        if name.endswith(".needs"):
            continue
        for text in texts[:15]:
            assert [m.span() for m in fast[name].finditer(text)] == [m.span() for m in pattern.finditer(text)], name


def test_a_cue_that_needs_words_is_tried_only_where_they_are() -> None:
    cue = LowerCue(re.compile(r"\bconvicted of (?:\w+ )*$", re.IGNORECASE), needs=re.compile("convict", re.IGNORECASE))
    text = "He was Convicted of murder in the shooting"
    assert cue.search(text, 0, 27).span() == (7, 27)  # type: ignore[union-attr]
    assert cue.search(text, 10, 27) is None  # "convict" is not in the window
    assert list(cue.finditer("a shooting in the city")) == []


def test_every_match_of_a_cue_holds_the_words_it_needs() -> None:
    # A ``X.needs`` cue must be a necessary condition, or a reading would be lost: checked at
    # every word start of the whole-article dev file and of 120 stories (the cues run before triggers).
    texts = [json.loads(line)["text"] for line in need_shared(EVAL / "events_articles.dev.jsonl").read_text(encoding="utf-8").splitlines()]
    texts += [json.loads(line)["text"] for line in need_shared(EVAL / "stories.dev.jsonl").read_text(encoding="utf-8").splitlines()[:120]]
    every = cues()
    needing = [n for n in every if n + ".needs" in every]
    assert needing
    for name in needing:
        pattern, needs = every[name], every[name + ".needs"]
        found = 0
        for text in texts:
            for word in re.finditer(r" (?=\w)", text):
                m = pattern.search(text, max(0, word.end() - 100), word.end())
                if m is not None:
                    found += 1
                    assert needs.search(text, m.start(), m.end()), (name, m.group())
        assert found > 20, name  # the check saw the cue at work


def test_named_groups_in_lower_case_are_lowered_and_matches_keep_the_text_as_written() -> None:
    pattern = re.compile(r"(?P<num>\d+) (?P<unit>Troops|soldiers)\b", re.IGNORECASE)
    assert lowered(pattern) is not None  # the names stay as they are
    cue = LowerCue(pattern)
    found = list(cue.finditer_as_written("Some 3000 TROOPS and 40 Soldiers, then 7 soldiers", 5, 40))
    assert [(m.span(), m.group("unit")) for m in found] == [((5, 16), "TROOPS"), ((21, 32), "Soldiers")]
