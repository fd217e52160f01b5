"""Chrome learned across a corpus: a line many articles of one outlet print is furniture.

Counts are kept per outlet over distinct headlines, so the five updates of one
story (which share most paragraphs) count once, and wire copy reprinted by many
outlets never counts: only repetition inside one outlet's pages does.
"""

from __future__ import annotations

import hashlib
from collections import Counter, defaultdict
from urllib.parse import urlsplit

from sitrep.model import RawArticle
from sitrep.rxfactor import compiled

_NORM = compiled(r"\W+")


def _line_key(line: str) -> str:
    norm = _NORM.sub(" ", line.lower()).strip()
    return hashlib.blake2b(norm.encode("utf-8"), digest_size=8).hexdigest()


class ChromeModel:
    """Per-outlet document frequencies of short lines, and the verdict drawn from them."""

    def __init__(self, *, min_docs: int = 3, min_share: float = 0.3, max_words: int = 60) -> None:
        self.min_docs = min_docs
        self.min_share = min_share
        self.max_words = max_words
        self._docs: Counter[str] = Counter()
        self._lines: defaultdict[str, Counter[str]] = defaultdict(Counter)
        self._seen: set[tuple[str, str]] = set()

    @staticmethod
    def key(raw: RawArticle) -> str:
        """The outlet an article is grouped under: the one given, else its URL's host."""
        if raw.outlet:
            return raw.outlet.strip().lower()
        if raw.url:
            host = urlsplit(raw.url).hostname or ""
            return host.removeprefix("www.")
        return ""

    def observe(self, raw: RawArticle) -> None:
        """Count the lines of one plain-text article under its outlet."""
        outlet = self.key(raw)
        if not outlet or raw.text is None:
            return
        lines = [ln.strip() for ln in raw.text.split("\n") if ln.strip()]
        headline = _line_key(raw.title or (lines[0] if lines else ""))
        if (outlet, headline) in self._seen:
            return
        self._seen.add((outlet, headline))
        self._docs[outlet] += 1
        keys = {_line_key(ln) for ln in lines if len(ln.split()) <= self.max_words}
        self._lines[outlet].update(keys)

    def is_chrome(self, outlet: str, line: str) -> bool:
        """Whether ``line`` recurs in enough of ``outlet``'s articles to be its chrome."""
        if not outlet or len(line.split()) > self.max_words:
            return False
        docs = self._docs.get(outlet, 0)
        if docs < self.min_docs:
            return False
        count = self._lines[outlet].get(_line_key(line), 0)
        return count >= self.min_docs and count >= self.min_share * docs
