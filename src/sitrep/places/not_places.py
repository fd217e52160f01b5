"""Names that news uses for groups and things, not places (``data/gazetteer/not_places.txt``):
"Boko Haram", "Hezbollah", "Ins" read as no town, alone or inside a longer name; the
partners' names of a firm ("Newman, Anzalone & Newman, LLP"); and the names that open an
armed group's or a party's ("the Tupac Amaru Revolutionary Movement")."""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

from sitrep.places.names import Token, key_of, tokenize
from sitrep.rxfactor import compiled


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


# A firm's legal form after its name: "Newman, Anzalone & Newman, LLP", "Sheffield Forgemasters Ltd".
_FIRM_FORM = compiled(r",?\s+(?:LLP|L\.L\.P\.|LLC|L\.L\.C\.|Inc\b\.?|Ltd\b\.?|PLC|plc|P\.C\.|P\.A\.|GmbH|S\.A\.|& Co\b\.?|& Sons\b)")
# What joins the names of a firm's partners.
_PARTNER_GAP = compiled(r",\s+|\s+&\s+|\s+and\s+|\s+")


def inside_firm_names(text: str, toks: list[Token]) -> set[int]:
    """Token indices of a firm's name before its legal form: a partner named Newman is no town."""
    out: set[int] = set()
    if not any(f in text for f in ("LLP", "L.L.P", "LLC", "L.L.C", "Inc", "Ltd", "PLC", "plc", "P.C.", "P.A.", "GmbH", "S.A.", "& Co", "& Sons")):
        return out
    ends = {t.end: i for i, t in enumerate(toks)}
    for m in _FIRM_FORM.finditer(text):
        i = ends.get(m.start())
        while i is not None and i >= 0 and toks[i].raw[:1].isupper():
            out.add(i)
            if i == 0 or not _PARTNER_GAP.fullmatch(text, toks[i - 1].end, toks[i].start):
                break
            i -= 1
    return out


# What closes the name of an armed group or a party: "Tupac Amaru Revolutionary Movement",
# "Kurdistan Workers Party", "Moro Islamic Liberation Front".
_GROUP_HEAD = compiled(
    r"(?:\s+(?:Revolutionary|Liberation|Resistance|Patriotic|Islamic|Democratic|Popular|People['’]s|Workers['’]?|Salvation|Independence|National|Freedom))*"
    r"\s+(?:Movement|Front|Army|Party|Brigades?|Organi[sz]ation|Guerrillas|Militia)\b"
)


def inside_group_names(text: str, toks: list[Token]) -> set[int]:
    """Token indices of the capitalised words that open a group's or a party's name."""
    out: set[int] = set()
    if not any(h in text for h in ("Movement", "Front", "Army", "Party", "Brigade", "Organi", "Guerrillas", "Militia")):
        return out
    for i, tok in enumerate(toks):
        if tok.raw[:1].isupper() and _GROUP_HEAD.match(text, tok.end):
            j = i
            while j >= 0 and toks[j].raw[:1].isupper():
                out.add(j)
                if j == 0 or text[toks[j - 1].end : toks[j].start] != " ":
                    break
                j -= 1
    return out
