"""Where an article's outlet is: place names hidden in its URL.

Local news names its town in the domain ("springfieldnewssun.com",
"gainesville.com") and often its state in the path ("/news/content/oh/"). Those
names never show in the text, yet they are the best clue for which Springfield
a story means. They become context-only mentions: they steer the article's focus
and are never output as places.

Where the URL names a town but not its state ("gainesvilleregister.com"), the
outlet's other articles do: a local paper names its own state's towns in most
stories. ``OutletHomes`` learns that home area from a corpus, in a first pass;
the resolver then favours readings inside it.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from urllib.parse import urlsplit

from sitrep.model import Place
from sitrep.places.gazetteer import KIND_ALT, Gazetteer
from sitrep.places.recognize import Mention
from sitrep.rxfactor import compiled

_LABEL = compiled(r"[a-z]+")
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


def outlet_key(url: str | None, outlet: str | None = None) -> str | None:
    """What identifies an outlet across its articles: its web host without "www.", else its name."""
    if url:
        try:
            host = (urlsplit(url).hostname or "").lower()
        except ValueError:
            host = ""
        if host:
            return host.removeprefix("www.")
    return (outlet.strip().lower() or None) if outlet else None


# Which resolved places say where an outlet is: a country or region says too little,
# and a demonym ("Texan") is not a place the story happened in.
_HOME_FEATURES = frozenset({"city", "admin2", "admin1", "landmark"})


class OutletHomes:
    """Each outlet's home admin1 area, learned from the places its articles name.

    An outlet gets a home once it has ``min_articles`` articles and one admin1
    area holds a place in at least ``min_share`` of them; national and wire
    outlets, whose stories range widely, get none.
    """

    def __init__(self, gaz: Gazetteer, *, min_articles: int = 3, min_share: float = 0.5) -> None:
        self.gaz = gaz
        self.min_articles = min_articles
        self.min_share = min_share
        self._articles: Counter[str] = Counter()
        self._areas: defaultdict[str, Counter[str]] = defaultdict(Counter)

    def observe(self, outlet: str | None, places: Iterable[Place]) -> None:
        """Count one article of ``outlet`` and the admin1 areas its places lie in."""
        if not outlet:
            return
        self._articles[outlet] += 1
        areas = {
            self.gaz.admin1_key_named(p.country_code, p.admin1)
            for p in places
            if p.feature in _HOME_FEATURES and p.admin1 and not p.adjectival
        }
        self._areas[outlet].update(a for a in areas if a)

    def home(self, outlet: str | None) -> str | None:
        """The outlet's home admin1 key ("US.TX"), or None if its articles show none."""
        n = self._articles.get(outlet or "", 0)
        if n < self.min_articles or not self._areas[outlet or ""]:
            return None
        # A tie goes to the alphabetically first key, so that no run depends on hash order.
        area, count = min(self._areas[outlet or ""].items(), key=lambda item: (-item[1], item[0]))
        return area if count / n >= self.min_share else None

    def homes(self) -> dict[str, str]:
        """Every outlet that has a home, with it."""
        return {o: h for o in self._articles if (h := self.home(o))}

