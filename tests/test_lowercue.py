"""Cues run on lower-cased text answer as the ignore-case pattern does (#25 speed)."""

from __future__ import annotations

import json
import re

from sitrep.events.lexicon import cues, fast_cues
from sitrep.events.lowercue import LowerCue, lowered
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
        for text in texts[:15]:
            assert [m.span() for m in fast[name].finditer(text)] == [m.span() for m in pattern.finditer(text)], name
