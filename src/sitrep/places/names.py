"""Place-name keys: one spelling-insensitive form shared by the gazetteer and the text scan.

Transliterated names come in many spellings: Mazar-i-Sharif / Mazar-e Sharif,
Qala-i-Naw / Qal'ah-ye Now / Qala i Naw, Lashkar Gah / Lashkargah. Rather than
listing every variant, both the gazetteer names and the words of an article are
reduced to the same key: diacritics and apostrophes dropped, hyphens split, the
Persian izafe connector ("i", "e", "ye") dropped between words, a word-final
"ah" read as "a" and "aw" as "ow". Multi-word names are also indexed joined up
("lashkarga"), so a name written as one word still matches.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from sitrep.rxfactor import compiled

# Letters NFKD does not decompose into a base letter and a mark.
_SPECIAL = str.maketrans(
    {"ø": "o", "Ø": "O", "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE", "ß": "ss", "đ": "d",
     "Đ": "D", "ł": "l", "Ł": "L", "ı": "i", "þ": "th", "Þ": "Th", "ð": "d", "Ð": "D",
     "ħ": "h", "Ħ": "H"}
)
_APOSTROPHES = "'’‘`ʻʼʿʾ´"
_IZAFE = frozenset({"i", "e", "ye", "yi"})
# Spelled-out and abbreviated forms of the same generic word key alike.
_GENERIC = {"saint": "st", "sainte": "ste", "mount": "mt", "fort": "ft", "port": "pt"}
_TOKEN = compiled(r"[^\W\d_]+(?:[" + _APOSTROPHES + r"][^\W\d_]+)*")


def fold(text: str) -> str:
    """Lower-case ASCII-ish form: diacritics stripped, special letters spelled out."""
    if text.isascii():
        return text.lower()  # nothing to strip: most words of English news
    text = unicodedata.normalize("NFKD", text.translate(_SPECIAL))
    return "".join(ch for ch in text if not unicodedata.combining(ch)).lower()


_QUOTES = str.maketrans(
    {"’": "'", "‘": "'", "ʼ": "'", "`": "'", "´": "'", "ʻ": "", "ʿ": "", "ʾ": "", "ə": "e", "Ə": "E"}
)


def ascii_name(text: str) -> str:
    """A Latin-script name in ASCII with its case kept ("Herāt" -> "Herat", "Şāʻdah" ->
    "Sadah"): diacritics stripped, special letters spelled out, the ʿayn and hamza letters
    of transliterations dropped, typographic apostrophes made plain, symbols dropped."""
    text = unicodedata.normalize("NFKD", text.translate(_SPECIAL))
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).translate(_QUOTES)
    # Symbols GeoNames marks names with ("Kisela Voda †") are no part of the name.
    return " ".join("".join(ch for ch in text if ch.isascii() or ch.isalpha()).split())


@lru_cache(maxsize=1 << 16)
def canon_word(word: str) -> str:
    """The key form of one word (cached: news repeats its words)."""
    w = fold(word)
    for a in _APOSTROPHES:
        w = w.replace(a, "")
    w = _GENERIC.get(w, w)
    if len(w) > 3 and w.endswith("ah"):
        w = w[:-1]
    if len(w) > 2 and w.endswith("aw"):
        w = w[:-2] + "ow"
    return w


@dataclass(slots=True)
class Token:
    """One word of a text: its key form and where it stands."""

    key: str
    start: int
    end: int
    raw: str
    izafe: bool  # a lower-case connector word that keys skip between two words


def tokenize(text: str) -> list[Token]:
    """Words of ``text`` with offsets and key forms."""
    out: list[Token] = []
    append = out.append
    for m in _TOKEN.finditer(text):
        raw = m.group()
        if raw[-2:] in ("'s", "’s") and len(raw) > 3:
            raw = raw[:-2]  # possessive: "Afghanistan's"
        key, izafe = _word(raw)
        if key:
            start = m.start()
            append(Token(key, start, start + len(raw), raw, izafe))
    return out


@lru_cache(maxsize=1 << 16)
def _word(raw: str) -> tuple[str, bool]:
    key = canon_word(raw)
    return key, raw.islower() and key in _IZAFE


def key_of(tokens: list[Token]) -> str:
    """Key of a run of tokens: izafe connectors inside the run are skipped."""
    if not tokens:
        return ""
    words = [tokens[0].key]
    words.extend(t.key for t in tokens[1:-1] if not t.izafe)
    if len(tokens) > 1:
        words.append(tokens[-1].key)
    return " ".join(words)


def name_keys(name: str) -> list[str]:
    """Every key a gazetteer name is indexed under (its key and the joined-up form)."""
    tokens = tokenize(name)
    if not tokens:
        return []
    key = key_of(tokens)
    keys = [key]
    if " " in key:
        joined = key.replace(" ", "")
        if len(joined) >= 6:
            keys.append(joined)
    return keys
