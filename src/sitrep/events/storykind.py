"""What kind of story an article is, read over its whole text: sports, technology, business or
politics (whose "attacks" and "releases" are play and products), quiet (a long story naming
next to no violence) or thin (a long page naming violence only in passing). Each is read only
when a trigger asks, and at most once an article (``StoryKind``)."""

from __future__ import annotations

import re
from typing import Any

from sitrep.events.lexicon import fast_cues
from sitrep.lowercue import lowered

_CUES = fast_cues()
_SPORTS = _CUES["sports_words"]
_TECH = _CUES["tech_words"]
_POLITICS = _CUES["politics_words"]
_CRISIS = _CUES["crisis_words"]
_LEISURE = _CUES["leisure_words"]


def _lowered(words: re.Pattern[str]) -> re.Pattern[str]:
    """The case-insensitive ``words`` as a case-sensitive pattern for lower-cased text (run over a
    whole story, an ignore-case alternation is some four times slower), or ``words`` as it is."""
    return lowered(words) or words


_SPORTS_LOW, _TECH_LOW, _POLITICS_LOW, _CRISIS_LOW, _LEISURE_LOW = map(
    _lowered, (_SPORTS.pattern, _TECH.pattern, _POLITICS.pattern, _CRISIS.pattern, _LEISURE.pattern)
)


def _distinct(words: re.Pattern[str], lowered: str, enough: int) -> int:
    """How many distinct words of ``words`` the lower-cased text holds, counting no further than
    ``enough``."""
    seen: set[str] = set()
    for m in words.finditer(lowered):
        seen.add(m.group())
        if len(seen) >= enough:
            break
    return len(seen)


class StoryKind:
    """Whether a story reads as sports, technology, business or politics (``sports_story``),
    read only when a trigger that such a story uses for play asks: most articles never do."""

    __slots__ = ("_quiet", "_text", "_thin", "_value")

    def __init__(self, text: str) -> None:
        self._text = text
        self._value: bool | None = None
        self._quiet: bool | None = None
        self._thin: bool | None = None

    def __bool__(self) -> bool:
        if self._value is None:
            self._value = sports_story(self._text)
        return self._value

    @property
    def quiet(self) -> bool:
        """Whether the story is long and names next to no violence or unrest (``quiet_story``)."""
        if self._quiet is None:
            self._quiet = quiet_story(self._text)
        return self._quiet

    @property
    def thin(self) -> bool:
        """Whether the story is long and names violence or unrest only in passing (``thin_story``)."""
        if self._thin is None:
            self._thin = thin_story(self._text)
        return self._thin


# A story this long that names fewer distinct words of violence or unrest than this is about
# something else (a campaign, a product, a recipe): every full crisis report of the dev files
# names three or more; one-event notes are shorter and never judged this way.
_QUIET_LENGTH = 1500
_QUIET_WORDS = 2


# A long page naming this many distinct words of games, books, food, travel or code, and no
# more than _LEISURE_CRISIS words of violence, is a review, a blog or a manual.
_LEISURE_WORDS = 6
_LEISURE_CRISIS = 4


def quiet_story(text: str) -> bool:
    """Whether a text is a full story (over 1,500 characters) that names fewer than two distinct
    words of violence or unrest, or few of them and many of games, books, food, travel or code:
    its "attacks", "explosions" and "retreats" are talk, markets, play and holidays, unless their
    own sentence names violence."""
    if len(text) <= _QUIET_LENGTH:
        return False
    low = text.lower()
    crisis = _distinct(_CRISIS_LOW, low, _LEISURE_CRISIS + 1)
    return crisis < _QUIET_WORDS or (crisis <= _LEISURE_CRISIS and _distinct(_LEISURE_LOW, low, _LEISURE_WORDS) >= _LEISURE_WORDS)


# A page this long with fewer words of violence or unrest than this per thousand characters
# names them in passing: an essay, a review, a guide (the non-news pages of the cleaning dev
# files name 0.2 to 1.2), while every full crisis report of the dev files names 2.3 or more.
_THIN_LENGTH = 3000
_THIN_PER_KB = 1.5


def thin_story(text: str) -> bool:
    """Whether a text is long (over 3,000 characters) and names words of violence or unrest
    fewer than 1.5 times a thousand characters: its acts are told in passing ("Following a
    gruesome murder, the island's true nature is revealed", "the blast radius of an error")."""
    if len(text) <= _THIN_LENGTH:
        return False
    enough = len(text) * _THIN_PER_KB / 1000
    return all(hits < enough for hits, _ in enumerate(_CRISIS_LOW.finditer(text.lower()), 1))


def sports_story(text: str) -> bool:
    """Whether a text reads as a sports, technology, business or political report: four or more
    distinct words of one of them (five for politics, and then only with few words of violence
    in the whole story). Such a story's fights, attacks and releases are play, products and
    arguments, unless a sentence names violence."""
    low = text.lower()
    if any(_distinct(words, low, 4) >= 4 for words in (_SPORTS_LOW, _TECH_LOW)):
        return True
    return _distinct(_POLITICS_LOW, low, 5) >= 5 and _distinct(_CRISIS_LOW, low, 4) < 4


# The lead of a story: its first sentences, where a page that names violence only in passing
# may still tell its news ("Angry relatives ... have clashed with police outside Malaysia's embassy").
_LEAD = 3


def in_passing(story: StoryKind, place: dict[str, Any] | None, n_sentence: int, dated: bool) -> bool:
    """Whether a material event of a thin story is told in passing: outside the lead with no
    day in its sentence, or with no place of its own there (a book review's "gruesome murder")."""
    return story.thin and not (place and not place.get("how") and (n_sentence < _LEAD or dated))
