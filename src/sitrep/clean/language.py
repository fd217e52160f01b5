"""Which language a page is written in, from its function words.

jusText (installed with trafilatura) ships stop-word lists for 100 languages;
counting which list a page's words hit most is enough to know the language and
to get the list that tells running prose from labels, with no model to load.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from functools import lru_cache
from itertools import islice

import justext

from sitrep.rxfactor import compiled

# jusText's list names for the ISO 639-1 codes we report; others report no code.
_ISO = {
    "Afrikaans": "af", "Albanian": "sq", "Arabic": "ar", "Armenian": "hy", "Azerbaijani": "az",
    "Basque": "eu", "Belarusian": "be", "Bengali": "bn", "Bosnian": "bs", "Bulgarian": "bg",
    "Catalan": "ca", "Croatian": "hr", "Czech": "cs", "Danish": "da", "Dutch": "nl",
    "English": "en", "Estonian": "et", "Finnish": "fi", "French": "fr", "Galician": "gl",
    "Georgian": "ka", "German": "de", "Greek": "el", "Hebrew": "he", "Hindi": "hi",
    "Hungarian": "hu", "Icelandic": "is", "Indonesian": "id", "Irish": "ga", "Italian": "it",
    "Kazakh": "kk", "Korean": "ko", "Kurdish": "ku", "Latvian": "lv", "Lithuanian": "lt",
    "Macedonian": "mk", "Malay": "ms", "Norwegian_Bokmal": "nb", "Persian": "fa",
    "Polish": "pl", "Portuguese": "pt", "Romanian": "ro", "Russian": "ru", "Serbian": "sr",
    "Slovak": "sk", "Slovenian": "sl", "Spanish": "es", "Swahili": "sw", "Swedish": "sv",
    "Tagalog": "tl", "Tamil": "ta", "Turkish": "tr", "Ukrainian": "uk", "Urdu": "ur",
    "Uzbek": "uz", "Vietnamese": "vi", "Welsh": "cy",
}
# How many tokens the guess reads: enough for any page, cheap for a long one.
SAMPLE = 1500
_TOKEN = compiled(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
_CJK = compiled(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")


_NAMES = tuple(sorted(_ISO))


@lru_cache(maxsize=1)
def _index() -> dict[str, tuple[int, ...]]:
    """Each stop word with the languages (indices into ``_NAMES``) whose list holds it."""
    langs: dict[str, list[int]] = {}
    for k, name in enumerate(_NAMES):
        for word in justext.get_stoplist(name):
            langs.setdefault(word, []).append(k)
    return {w: tuple(v) for w, v in langs.items()}


@lru_cache(maxsize=64)
def stoplist(name: str) -> frozenset[str]:
    """The stop words of a jusText language name ("English"); empty if unknown."""
    try:
        return frozenset(justext.get_stoplist(name))
    except (ValueError, KeyError, OSError):
        return frozenset()


def is_cjk(text: str) -> str | None:
    """``"ja"`` or ``"zh"`` for text written mostly in Chinese or Japanese script, else None."""
    head = text[:20000]
    if not head.isascii() and _CJK.search(head) and len(_CJK.findall(head)) > 200:
        return "ja" if re.search(r"[\u3040-\u30ff]", head) else "zh"
    return None


def guess_words(words: Iterable[str]) -> tuple[str | None, frozenset[str]]:
    """The ISO code and stop words of the language lower-cased ``words`` are most likely in."""
    index = _index()
    counts = [0] * len(_NAMES)
    hits: list[tuple[int, ...]] = []
    # Count each distinct word once and weigh it by its frequency: a page has
    # far fewer distinct words than tokens, and most stop words sit in many lists.
    for word, freq in Counter(words).items():
        langs = index.get(word)
        if langs:
            hits.append(langs)
            for k in langs:
                counts[k] += freq
    top = max(counts)
    if not top:
        return None, frozenset()
    # A tie goes to the language whose stop word came first, as it always has.
    best = next(k for langs in hits for k in langs if counts[k] == top)
    name = _NAMES[best]
    return _ISO.get(name), stoplist(name)


def guess(text: str, sample: int = SAMPLE) -> tuple[str | None, frozenset[str]]:
    """The ISO code and stop words of the language ``text`` is most likely in.

    Looks at up to ``sample`` tokens. CJK text (no spaces, no stop-word lists
    here) gives ``("zh"|"ja", empty set)``; text with no stop-word hits gives
    ``(None, empty set)``.
    """
    cjk = is_cjk(text)
    if cjk is not None:
        return cjk, frozenset()
    return guess_words(islice(_TOKEN.findall(text[: sample * 12].lower()), sample))
