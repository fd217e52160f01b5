"""Another spelling of a town the gazetteer lacks as written: "the town of Taludi" (Talodi),
"at Gadera" (Gedera).

Names of Arabic, Persian or Pashto towns reach English in many romanisations, which differ
mostly in their vowels. A capitalised word in a place's slot ("in X", "the town of X") that
names nothing is looked up again with one of its vowel runs spelt otherwise, keeping its
consonants; a reading counts only in a country the text names itself whose names English
romanises from another script (``romanised.tsv``), so that a misspelt word, a surname or a firm
("at Sidley") cannot put a pin in a country no one mentioned or in Sudley, Virginia.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache
from importlib import resources

from sitrep.places.gazetteer import KIND_ALT, Gazetteer
from sitrep.places.names import Token
from sitrep.places.not_places import not_places
from sitrep.places.vocab import NOT_ALONE, capitalised

_VOWELS = frozenset("aeiou")
# Vowel runs that romanisations write for one sound ("Gadera" and "Gedera"; "Taludi", "Talodi";
# "Yunis", "Younis"; "Beit", "Bayt"): a run is only swapped for one of its own class.
_EQUIVALENT = (
    frozenset({"a", "e", "aa"}),
    frozenset({"o", "u", "ou", "oo"}),
    frozenset({"i", "e", "ee", "ie", "ea"}),
    frozenset({"ei", "ai", "ay", "ey", "ae"}),
)
# Bounds the trie walk of one word (each step is a prefix check of a few microseconds).
_MAX_STEPS = 3000
# The words before a name that say a place stands there.
_SLOT_BEFORE = frozenset({"in", "at", "near", "outside", "of", "from", "into", "around", "toward", "towards"})
_TYPE_OF = frozenset({"town", "city", "village", "district", "suburb", "camp", "outskirts", "area"})


@lru_cache(maxsize=1)
def romanised() -> frozenset[str]:
    """Countries whose towns English spells from another script (``romanised.tsv``)."""
    text = resources.files("sitrep").joinpath("data/gazetteer/romanised.tsv").read_text(encoding="utf-8")
    return frozenset(ln.split("\t")[0] for ln in text.splitlines() if ln.strip() and not ln.startswith("#"))


def _parts(key: str) -> list[str | None]:
    """The word as consonant runs (kept) and vowel runs (None: any run may stand there)."""
    out: list[str | None] = []
    run = ""
    for ch in key:
        if ch in _VOWELS:
            if run:
                out.append(run)
                run = ""
            if not out or out[-1] is not None:
                out.append(None)
        else:
            run += ch
    if run:
        out.append(run)
    return out


def spellings(key: str, gaz: Gazetteer) -> list[str]:
    """Keys the gazetteer holds that spell ``key`` with other vowels (``key`` itself left out)."""
    parts = _parts(key)
    runs = _vowel_runs(key)
    found: list[str] = []
    steps = 0

    def walk(i: int, prefix: str, changed: bool) -> Iterator[str]:
        # (one vowel run spelt otherwise: "Taludi" is Talodi, but "Leros" is not Lauris)
        nonlocal steps
        steps += 1
        if steps > _MAX_STEPS:
            return
        if i == len(parts):
            yield prefix
            return
        part = parts[i]
        own = runs[sum(1 for p in parts[:i] if p is None)] if part is None else part
        for piece in (part,) if part is not None else ((own,) if changed else _swaps(own)):
            nxt = prefix + piece
            if gaz.has_prefix(nxt):
                yield from walk(i + 1, nxt, changed or piece != own)

    for cand in walk(0, "", False):
        if cand != key and gaz.lookup(cand):
            found.append(cand)
    return found


def _swaps(run: str) -> tuple[str, ...]:
    """The run and the runs of its classes."""
    out = [run]
    for cls in _EQUIVALENT:
        if run in cls:
            out.extend(sorted(cls - set(out)))
    return tuple(out)


def _vowel_runs(key: str) -> list[str]:
    """The word's vowel runs in order ("taludi": a, u, i)."""
    out: list[str] = []
    prev = False
    for ch in key:
        vowel = ch in _VOWELS
        if vowel and prev:
            out[-1] += ch
        elif vowel:
            out.append(ch)
        prev = vowel
    return out


def in_slot(text: str, toks: list[Token], k: int) -> bool:
    """Whether the word at ``k`` stands where a place does: "in X", "the town of X"."""
    if k == 0:
        return False
    prev = toks[k - 1]
    if prev.raw not in _SLOT_BEFORE or text[prev.end : toks[k].start] != " ":
        return False
    if prev.raw == "of":
        return k > 1 and toks[k - 2].raw.lower() in _TYPE_OF
    return True


def readings(key: str, gaz: Gazetteer, countries: set[str]) -> list[tuple[int, int]]:
    """Towns and sites of the named ``countries`` another spelling of ``key`` names, as
    alternate-name entries (the weaker kind of reading)."""
    out: list[tuple[int, int]] = []
    for cand in spellings(key, gaz):
        for rid, _ in gaz.lookup(cand):
            cc = gaz.country(rid)
            if gaz.feature(rid) in ("city", "landmark") and cc in countries and cc in romanised() and (rid, KIND_ALT) not in out:
                out.append((rid, KIND_ALT))
    return out


def respelt(text: str, toks: list[Token], covered: set[int], countries: set[str], gaz: Gazetteer) -> Iterator[tuple[int, list[tuple[int, int]]]]:
    """The one-word names outside ``covered`` (token indexes) that stand in a place's slot and
    name a town of ``countries`` spelt otherwise: (token index, readings)."""
    if not countries:
        return
    for k, t in enumerate(toks):
        if k in covered or not capitalised(t) or len(t.key) < 4 or t.raw.isupper() or not in_slot(text, toks, k):
            continue
        if k + 1 < len(toks) and capitalised(toks[k + 1]) and text[t.end : toks[k + 1].start] == " " and toks[k + 1].key not in NOT_ALONE:
            continue  # (one word alone: a longer name is another's)
        if t.key in gaz.given_names or t.key in not_places():
            continue
        if hits := readings(t.key, gaz, countries):
            yield k, hits
