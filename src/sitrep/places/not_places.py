"""Names that news uses for groups and things, not places (``data/gazetteer/not_places.txt``):
"Boko Haram", "Hezbollah", "Ins" read as no town, alone or inside a longer name."""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

from sitrep.places.names import Token, key_of, tokenize


@lru_cache(maxsize=1)
def not_places() -> frozenset[str]:
    """Keys of names that news uses for groups and things, not places (data file)."""
    path = resources.files("sitrep") / "data" / "gazetteer" / "not_places.txt"
    lines = path.read_text(encoding="utf-8").splitlines()
    return frozenset(key_of(tokenize(ln)) for ln in lines if ln.strip() and not ln.startswith("#"))


@lru_cache(maxsize=1)
def _not_place_phrases() -> dict[str, set[int]]:
    """First word of each multi-word not-place name, with the name lengths in words."""
    out: dict[str, set[int]] = {}
    for key in not_places():
        words = key.split()
        if len(words) > 1:
            out.setdefault(words[0], set()).add(len(words))
    return out


def inside_not_places(toks: list[Token]) -> set[int]:
    """Token indices inside a multi-word not-place name ("Haram" in "Boko Haram militants")."""
    phrases = _not_place_phrases()
    out: set[int] = set()
    for i, tok in enumerate(toks):
        for n in phrases.get(tok.key, ()):
            if key_of(toks[i : i + n]) in not_places():
                out.update(range(i, i + n))
    return out
