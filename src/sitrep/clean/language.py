"""Which language a page is written in, from its function words.

jusText (installed with trafilatura) ships stop-word lists for 100 languages;
counting which list a page's words hit most is enough to know the language and
to get the list that tells running prose from labels, with no model to load.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache
from itertools import islice

import justext

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
_TOKEN = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")


@lru_cache(maxsize=1)
def _index() -> dict[str, tuple[str, ...]]:
    langs: dict[str, list[str]] = {}
    for name in sorted(_ISO):
        for word in justext.get_stoplist(name):
            langs.setdefault(word, []).append(name)
    return {w: tuple(v) for w, v in langs.items()}


@lru_cache(maxsize=64)
def stoplist(name: str) -> frozenset[str]:
    """The stop words of a jusText language name ("English"); empty if unknown."""
    try:
        return frozenset(justext.get_stoplist(name))
    except (ValueError, KeyError, OSError):
        return frozenset()


def guess(text: str, sample: int = 1500) -> tuple[str | None, frozenset[str]]:
    """The ISO code and stop words of the language ``text`` is most likely in.

    Looks at up to ``sample`` tokens. CJK text (no spaces, no stop-word lists
    here) gives ``("zh"|"ja", empty set)``; text with no stop-word hits gives
    ``(None, empty set)``.
    """
    head = text[:20000]
    if not head.isascii() and _CJK.search(head) and len(_CJK.findall(head)) > 200:
        return ("ja" if re.search(r"[\u3040-\u30ff]", head) else "zh"), frozenset()
    index = _index()
    # Count each distinct word once and weigh it by its frequency: a page has
    # far fewer distinct words than tokens, and most stop words sit in many lists.
    tokens = Counter(islice(_TOKEN.findall(text[: sample * 12].lower()), sample))
    counts: Counter[str] = Counter()
    for word, freq in tokens.items():
        for lang in index.get(word, ()):
            counts[lang] += freq
    if not counts:
        return None, frozenset()
    name = counts.most_common(1)[0][0]
    return _ISO.get(name), stoplist(name)
