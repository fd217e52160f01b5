"""The trigger and actor prefilters find exactly what the plain patterns find (#25 speed)."""

from __future__ import annotations

import json
import re

from sitrep.events.lexicon import load
from sitrep.events.prefilter import openings
from sitrep.sentences import split_sentences
from tests.conftest import EVAL, need_shared


def _texts() -> list[str]:
    path = need_shared(EVAL / "events_articles.dev.jsonl")
    return [json.loads(line)["text"] for line in path.open(encoding="utf-8")]


def test_openings_are_read_from_patterns() -> None:
    assert openings(r"(?<![\w-])(?:shell(?:ed|ing)|air ?strikes?)(?![\w-])") == frozenset({"she", "air"})
    assert openings(r"(?:\d+|a total of \d+) projectiles") is None  # a digit opens it: always run
    assert openings(r"(?:U\.S\.|UN) forces") == frozenset({"u", "un"})


def test_actor_scanner_finds_what_the_whole_alternation_finds() -> None:
    lex = load()
    full = re.compile(r"(?<![\w-])(?:" + "|".join(lex.actors._groups) + r")(?![\w-])", re.IGNORECASE)
    for text in _texts():
        want = [(m.start(), m.end(), m.lastgroup) for m in full.finditer(text)]
        assert [(m.start(), m.end(), m.lastgroup) for m in lex.actors.finditer(text)] == want


def test_trigger_starts_hold_every_trigger_match() -> None:
    lex = load()
    for text in _texts():
        for a, b in split_sentences(text):
            sentence = text[a:b]
            starts = lex.trigger_starts.of(sentence)
            for i, (_, regex) in enumerate(lex.triggers):
                if i in lex.trigger_starts.always:
                    continue
                for m in regex.finditer(sentence):
                    assert m.start() in starts.get(i, []), (regex.pattern[:60], m.group())
