"""Sentence boundaries for news English: abbreviations, initials and quotes kept whole.

pysbd handles these cases too, but at about a millisecond a paragraph it would
dominate the per-article budget; news needs a short rule set: a boundary is
sentence punctuation (with any closing quotes or brackets after it), space,
then a capital, digit or opening quote, unless the word before is a title or
abbreviation ("Gen.", "Lt. Col.", "Jan.", "No.") or an initial ("J. Smith").
"U.S." and other dotted abbreviations end a sentence only before a word that
commonly starts one. A line break always ends a sentence, and so do a wire
dateline ("KABUL, Afghanistan (May 24, 2011) -") and a run of three or more
spaces before a capital, which is where flattened text lost a line break.
A run-on of more than ``MAX_SENTENCE`` characters is cut at a comma or space.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from sitrep.rxfactor import compiled

# Lower-case, without the final dot.
ABBREVIATIONS = frozenset(
    ["mr", "mrs", "ms", "dr", "gen", "lt", "col", "maj", "capt", "cpt", "sgt", "cpl", "pvt", "adm", "brig", "cmdr", "cdr", "gov", "sen", "rep", "rev", "st", "jr", "sr", "prof", "pres", "supt", "insp", "det", "amb", "hon", "fr", "sgt.maj", "no", "nos", "vol", "vols", "op", "art", "fig", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "inc", "corp", "co", "ltd", "bros", "dept", "univ", "assn", "est", "approx", "ave", "blvd", "rd", "mt", "ft", "vs", "v", "al", "etc"]
)
# After a dotted abbreviation ("U.S.") these words start a new sentence.
_STARTERS = frozenset(
    ["the", "a", "an", "he", "she", "it", "they", "we", "i", "this", "that", "these", "those", "there", "but", "and", "however", "in", "on", "at", "after", "before", "when", "while", "his", "her", "their", "its", "our", "officials", "police", "president"]
)
_BOUNDARY = compiled(r"[.!?…]+[\"'”’»)\]]*(?=\s+[\"'“‘«(\[]?[A-Z0-9])|\n+")
# A dateline stands apart from the header before it and the sentence after it.
_DATELINE = compiled(
    r"\b[A-Z][A-Z.'-]{2,}(?:[ ][A-Z][A-Z.'-]+)*,?[ ]*(?:[A-Z][\w.'-]+(?:[ ][A-Z][\w.'-]+)*[ ]*)?"
    r"\([ ]*[A-Z][a-z]{2,}\.?[ ]+[0-3]?\d(?:[,.][ ]*(?:19|20)\d\d)?[ ]*\)[ ]*(?:[-–—:]+[ ]*)?"
)
_LAYOUT_GAP = compiled(r"[ \t]{3,}(?=[\"'“‘(]?[A-Z])")
# Characters a sentence may hold: the longest news sentences run to some 600.
MAX_SENTENCE = 2000
_LAST_WORD = compiled(r"([A-Za-z][A-Za-z.]*)\.$")
_SPACED_AM = compiled(r"\b[ap]\.\s[m]\.$", re.IGNORECASE)
# What goes on after a clock time's "a.m.": a time zone, a day, "local time".
_AFTER_CLOCK = compiled(
    r"\s+[\"'“‘(]?(?:[A-Z]{2,4}\b|(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\b"
    r"|(?:Local|Today|Tomorrow|Yesterday|Tonight|Eastern|Pacific|Central|Mountain|Greenwich|Moscow|Beijing|Baghdad|Kabul|Jakarta)\b)"
)


def split_sentences(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` offsets of the sentences of ``text``, trimmed of surrounding space."""
    out: list[tuple[int, int]] = []
    cuts = {m.end() for m in _LAYOUT_GAP.finditer(text)} if "   " in text or "\t" in text else set()
    for m in _DATELINE.finditer(text):
        cuts.update(m.span())
    ordered = sorted(cuts)
    start = 0
    for m in _BOUNDARY.finditer(text):
        end = m.end()
        if m.group()[0] != "\n" and m.group()[0] == "." and not _ends_sentence(text, start, m):
            continue
        _cut(out, text, start, end, ordered)
        start = end
    _cut(out, text, start, len(text), ordered)
    return out


def _cut(out: list[tuple[int, int]], text: str, start: int, end: int, cuts: list[int]) -> None:
    """Add ``text[start:end]``, split at the layout cuts (sorted) that fall inside it."""
    for c in cuts[bisect_right(cuts, start) : bisect_left(cuts, end)]:
        _add(out, text, start, c)
        start = c
    _add(out, text, start, end)


def _ends_sentence(text: str, start: int, m: re.Match[str]) -> bool:
    head = text[max(start, m.start() - 30) : m.start() + 1]
    w = _LAST_WORD.search(head)
    if not w:
        return True
    word = w.group(1)
    lower = word.lower()
    if lower in ABBREVIATIONS:
        return False
    if len(word) == 1 and word.isupper():
        return False  # an initial: "J. Smith", "Lt. Col. A. Karimi"
    if lower in ("a.m", "p.m") or (lower == "m" and _SPACED_AM.search(head)):
        # "at 3 a.m. EDT", "at 10 a.m. Monday" go on; "three explosions at 3 p.m. Yida is a
        # camp" is a new sentence ("a. m.", as some corpora space it, alike).
        return _AFTER_CLOCK.match(text, m.end()) is None
    if "." in word:
        # "U.S.": a boundary only before a word that starts sentences.
        nxt = re.match(r"\s+[\"'“‘]?([A-Za-z]+)", text[m.end() : m.end() + 30])
        return nxt is not None and nxt.group(1).lower() in _STARTERS
    return True


def _add(out: list[tuple[int, int]], text: str, start: int, end: int) -> None:
    while end - start > MAX_SENTENCE:
        # A run-on "sentence" (a table, a list, a text without stops) is cut at a clause or
        # word break before the limit, so that the work per sentence stays bounded.
        window = text[start + MAX_SENTENCE // 2 : start + MAX_SENTENCE]
        at = max(window.rfind("; "), window.rfind(", "))
        at = at if at >= 0 else window.rfind(" ")
        cut = start + MAX_SENTENCE // 2 + at + 1 if at >= 0 else start + MAX_SENTENCE
        _trim(out, text, start, cut)
        start = cut
    _trim(out, text, start, end)


def _trim(out: list[tuple[int, int]], text: str, start: int, end: int) -> None:
    s = start
    while s < end and text[s].isspace():
        s += 1
    e = end
    while e > s and text[e - 1].isspace():
        e -= 1
    if e > s:
        out.append((s, e))
