"""Patterns factored by first letter find what they find as written (#25 speed)."""

from __future__ import annotations

import importlib
import json
import pkgutil
import re

import sitrep
from sitrep.rxfactor import REWRITTEN, compiled, factor
from tests.conftest import EVAL, SEEDS, need_shared


def test_a_word_list_is_grouped_by_first_letter_in_file_order() -> None:
    assert factor(r"\b(?:rebounds|assists|referee|arena|dunks?|rounds?)\b") == r"\b(?:r(?:ebounds|eferee|ounds?)|a(?:ssists|rena)|dunks?)\b"


def test_short_lists_and_lists_with_numbered_groups_are_left_as_written() -> None:
    assert factor(r"\b(?:kill|killed|bomb)\b") == r"\b(?:kill|killed|bomb)\b"
    with_group = r"(?:ab|(ac)|ad|ae|af|ag)"
    assert factor(with_group) == with_group  # moving "(ac)" would renumber it
    assert factor(r"(?:a|b|c|d|e|f)\1") == r"(?:a|b|c|d|e|f)\1"  # a back reference


def test_no_alternative_moves_across_one_that_opens_otherwise() -> None:
    # "\w+" can match where "bomb" does: "bomb" must stay after it, "arms" before it.
    out = factor(r"(?:arms|bombs|amok|\w+|bomb|ash|boat)")
    assert out == r"(?:a(?:rms|mok)|bombs|\w+|b(?:omb|oat)|ash)"
    for text in ("bomb", "ash arms bombs", "amok boat"):
        assert [m.span() for m in re.finditer(out, text)] == [m.span() for m in re.finditer(r"(?:arms|bombs|amok|\w+|bomb|ash|boat)", text)]


def test_a_letter_with_a_quantifier_opens_nothing_fixed() -> None:
    written = r"(?:s?he|sea|sun|sand|soil|sky|star)"
    out = factor(written)
    assert out.startswith("(?:s?he|s(?:ea|un|and|oil|ky|tar)")
    assert re.fullmatch(out, "he") and re.fullmatch(out, "she")


def test_ignoring_case_groups_letters_of_both_cases() -> None:
    out = factor(r"\b(?:NFL|nba|Nhl|fifa|UEFA|ufc)\b", ignorecase=True)
    assert out == r"\b(?:n(?:FL|ba|hl)|fifa|u(?:EFA|fc))\b"
    pattern = compiled(r"\b(?:NFL|nba|Nhl|fifa|UEFA|ufc)\b", re.IGNORECASE)
    assert [m.group() for m in pattern.finditer("the nfl, the NBA and UFC")] == ["nfl", "NBA", "UFC"]
    assert REWRITTEN[pattern] == r"\b(?:NFL|nba|Nhl|fifa|UEFA|ufc)\b"


def test_classes_escapes_and_nested_groups_are_read_whole() -> None:
    written = r"(?P<n>[|)](?:alpha|ant|bee|bat|[(]x|\)y|\|z|cat))"
    out = factor(written)
    assert re.compile(out).groupindex == re.compile(written).groupindex
    for text in ("|alpha", ")bat", "|(x", "|)y", "||z", ")cat"):
        assert re.fullmatch(out, text) and re.fullmatch(written, text)
    assert factor(r"[unclosed") == r"[unclosed"


def _every_module() -> None:
    for info in pkgutil.walk_packages(sitrep.__path__, "sitrep."):
        if info.name.endswith("__main__") or ".engine.ray" in info.name:
            continue
        try:
            importlib.import_module(info.name)
        except ImportError:
            continue  # an optional dependency (ray) that is not installed


def test_every_rewritten_pattern_of_the_package_finds_what_it_finds_as_written() -> None:
    """All patterns the package compiles (code, cues, triggers, actors), run as written and
    as factored over the whole dev articles and the seeds: the same matches and groups."""
    from sitrep.events.lexicon import fast_cues, load

    _every_module()
    load()
    fast_cues()
    from sitrep.clean import clean
    from sitrep.model import RawArticle
    from sitrep.pipeline import extract

    lines = need_shared(EVAL / "events_articles.dev.jsonl").read_text(encoding="utf-8").splitlines()
    texts = [json.loads(line)["text"] for line in lines[:8]]
    texts += [p.read_text(encoding="utf-8") for p in sorted(need_shared(SEEDS).glob("*.txt"))]
    notes = need_shared(EVAL / "events_acled.dev.jsonl").read_text(encoding="utf-8").splitlines()
    texts.append("\n".join(json.loads(line)["text"] for line in notes[:100]))
    for i, text in enumerate(texts):
        extract(clean(RawArticle(id=str(i), source=str(i), text=text)))  # (patterns built as names are met)
    assert len(REWRITTEN) > 300  # the cue lists, the triggers and the code's own patterns
    for pattern, written in list(REWRITTEN.items()):
        plain = re.compile(written, pattern.flags)
        assert plain.groupindex == pattern.groupindex and plain.groups == pattern.groups, written
        for text in texts:
            ours = [(m.span(), m.groups()) for m in pattern.finditer(text)]
            assert ours == [(m.span(), m.groups()) for m in plain.finditer(text)], written
            if pattern.flags & re.IGNORECASE:
                continue
            low = text.lower()  # (the lowered cues run on lower-cased text)
            assert [m.span() for m in pattern.finditer(low)] == [m.span() for m in plain.finditer(low)], written


def test_a_group_with_its_own_case_flag_keeps_its_letters_as_written() -> None:
    written = r"(?:(?-i:(?:Liberation|Revolutionary|Republican|Resistance|Freedom|Free|Popular)) (?:Army|Front))"
    pattern = compiled(written, re.IGNORECASE)
    assert pattern.search("the Afghanistan Freedom Front") is not None
    assert pattern.search("the afghanistan freedom front") is None  # case matters inside (?-i:...)
    assert factor(r"(?i)(?:NFL|nba|Nhl|fifa|UEFA|ufc)") == r"(?i)(?:n(?:FL|ba|hl)|fifa|u(?:EFA|fc))"
    assert factor(r"(?i:NFL|nba|Nhl|fifa|UEFA|ufc)") == r"(?i:n(?:FL|ba|hl)|fifa|u(?:EFA|fc))"
