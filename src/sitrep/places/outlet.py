"""Where an article's outlet is: place names hidden in its URL.

Local news names its town in the domain ("springfieldnewssun.com",
"gainesville.com") and often its state in the path ("/news/content/oh/"). Those
names never show in the text, yet they are the best clue for which Springfield
a story means. They become context-only mentions: they steer the article's focus
and are never output as places.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from sitrep.places.gazetteer import KIND_ALT, Gazetteer
from sitrep.places.recognize import Mention

_LABEL = re.compile(r"[a-z]+")
_SKIP_HOST = frozenset({"www", "com", "org", "net", "edu", "gov", "co", "uk", "news", "article", "articles"})
MIN_LEN = 6
# Newspaper words that are also towns somewhere ("Herald", "Tribune", "Courier").
_PAPER = frozenset(
    ["herald", "tribune", "gazette", "courier", "record", "journal", "dispatch", "observer", "chronicle", "bulletin", "review", "standard", "telegraph", "inquirer", "enquirer", "sentinel", "examiner", "register", "monitor", "independent", "guardian", "express", "mirror", "times", "online", "reporter", "leader", "citizen", "pioneer", "clarion", "beacon", "ledger", "patriot", "republican", "democrat", "advocate", "intelligencer"]
)


def url_mentions(url: str | None, gaz: Gazetteer) -> list[Mention]:
    """Context-only mentions for the places named in ``url``."""
    if not url:
        return []
    try:
        parts = urlsplit(url)
    except ValueError:
        return []
    out: list[Mention] = []
    for label in _LABEL.findall((parts.hostname or "").lower()):
        if label in _SKIP_HOST:
            continue
        out.extend(_in_label(label, gaz))
    for segment in parts.path.lower().split("/")[:6]:
        if len(segment) == 2 and segment.isalpha():
            rid = gaz.admin1_rid(f"US.{segment.upper()}")
            if rid is not None:
                out.append(_mention(f"us-state {segment}", [(rid, 0)]))
        elif segment.isalpha() and len(segment) >= MIN_LEN:
            out.extend(_in_label(segment, gaz))
    return out


def _in_label(label: str, gaz: Gazetteer) -> list[Mention]:
    out = []
    i = 0
    while i <= len(label) - MIN_LEN:
        best = None
        for key in gaz.trie.prefixes(label[i:]):
            if len(key) >= MIN_LEN and " " not in key and gaz.commonness(key) < 4.5 and key not in _PAPER:
                entries = [
                    (r, k) for r, k in gaz.lookup(key)
                    if k != KIND_ALT and (gaz.feature(r) in ("admin1", "admin2") or gaz.pop[r] >= 5000)
                ]
                if entries and (best is None or len(key) > len(best[0])):
                    best = (key, entries)
        if best:
            out.append(_mention(best[0], best[1]))
            i += len(best[0])
        else:
            i += 1
    return out


def _mention(key: str, entries: list[tuple[int, int]]) -> Mention:
    return Mention(0, 0, key, f"url:{key}", entries, 0, 0, context_only=True)
