"""Clauses inside a sentence: where one clause ends, whether a trigger is subordinate or finite.

Cheap surface cues, not a parser: a semicolon, a dash, a comma before "while",
"but", "after" ... or a full stop that does not end an abbreviation ends a clause.
"""

from __future__ import annotations

import re
from functools import lru_cache

from sitrep.lowercue import LowerCue
from sitrep.rxfactor import compiled

# A full stop inside a sentence ends a clause unless it ends an abbreviation ("Dec. 19", "U.S. forces").
CLAUSE_BREAK = compiled(
    r";|\s[—–]\s|,\s+(?:while|but|whereas|as|after|before|and|which|when|where|who|whose)\b|"
    # "The fall of Palmyra comes days after the militants captured Ramadi": two happenings
    r"\s(?:comes?|came)\s+(?:(?:just|only|some|about|a|an|two|three|four|five|several|few|\d+)\s+)*(?:days?|weeks?|hours?|months?)\s+(?=after\b|before\b)|(?<!\b[A-Z])(?<!\b[A-Z][a-z])(?<!\b[A-Z][a-z]{2})\.\s"
)
_SUBORDINATOR = LowerCue(compiled(
    r"\b(?:after|before|following|since|because|when|while|whereas|until)\b", re.IGNORECASE
))
_SUBORDINATOR_BREAK = LowerCue(compiled(r"\b(?:after|before|when|while|whereas|as)\s*$", re.IGNORECASE))


@lru_cache(maxsize=2048)
def _breaks(sentence: str) -> tuple[tuple[int, int], ...]:
    # Found once per sentence: every trigger, actor and date of a sentence asks for its clause.
    return tuple(m.span() for m in CLAUSE_BREAK.finditer(sentence))


# A parenthetical set off by a pair of dashes: "the parents of Ramarley Graham — an unarmed
# teenager fatally shot by police in the Bronx last year — were waiting". Brackets are left
# alone: they mostly gloss the place or day told ("Uberaba (Minas Gerais)", "Friday (Nov. 13)").
_ASIDE = compiled(r"\s[—–]\s[^—–]{3,200}?\s[—–]\s|\s--\s.{3,200}?\s--\s")


@lru_cache(maxsize=2048)
def asides(sentence: str) -> tuple[tuple[int, int], ...]:
    """The spans of the sentence's parentheticals set off by dash pairs."""
    return tuple(m.span() for m in _ASIDE.finditer(sentence))


def aside_of(sentence: str, start: int, end: int, trigger: int, relative: bool = False) -> bool:
    """Whether ``start:end`` sits in a parenthetical that does not hold the trigger at ``trigger``:
    what the aside tells is about someone else ("shot ... in the Bronx last year"). With
    ``relative``, a relative clause set off by commas counts too ("The Houthis, who seized Sanaa
    in September, said they had fired a missile": September is the seizure's day, though a place
    there may be the main clause's: "who had sought refuge in a school in Gaza City, died")."""
    # (Not one of the noun's own course: "The war, which began in April 1992, has killed": the war's.)
    spans = asides(sentence) + (tuple(m.span() for m in RELATIVE_ASIDE.finditer(sentence) if not _OWN_COURSE.match(sentence, m.end(1))) if relative else ())
    return any(a <= start and end <= b and not a <= trigger < b for a, b in spans)


# A quotation: ``...'' (the old wire style), “...” or "...".
_QUOTATION = compiled(r"``[^`]*?''|“[^”]*”|\"[^\"]*\"")


def quoted_apart(sentence: str, start: int, end: int, trigger: int) -> bool:
    """Whether ``start:end`` sits in a quotation just before the trigger at ``trigger``, the
    act that said it: what the crowd chanted ("Freedom for Kosovo," the protesters chanted in
    Athens) is not where it stood."""
    return any(
        m.start() <= start and end <= m.end() and 0 <= trigger - m.end() <= _SAID_BY
        for m in _QUOTATION.finditer(sentence)
    )


# How far after a quotation the act that said it opens ("'', the protesters").
_SAID_BY = 25


# A relative clause set off by commas and closed before the main verb: "Turkey, which backs
# some rebel groups, has sent reinforcements": the main clause goes on after it.
# (an abbreviation's period is no clause's end: "who says Kibaki stole the Dec. 27 vote, called")
RELATIVE_ASIDE = compiled(r",\s+(?:which|who|whose)(\s+)(?:[^,;.]|\.(?=\s*\d|\w)){3,120}?,\s+(?=(?:has|have|had|is|are|was|were|will|would|also|then|later|now|said|says|say|told|[a-z]+ed)\b)")


_OWN_COURSE = compiled(r"(?:(?:has|have|had)\s+(?:been\s+)?)?(?:began|begun|started|erupted|broke out|flared|ended|lasted)\b", re.IGNORECASE)


def clause(sentence: str, t_start: int, t_end: int) -> tuple[int, int]:
    """The span of the clause around ``t_start:t_end`` inside ``sentence``."""
    start, end = 0, len(sentence)
    for b_start, b_end in _breaks(sentence):
        if b_end <= t_start:
            if (m := RELATIVE_ASIDE.match(sentence, b_start)) is not None and m.end() <= t_start:
                continue  # the trigger is the main clause's, after the aside
            start = b_end
        elif b_start >= t_end:
            end = b_start
            break
    return start, end


# "Security forces launched a sweep ..., and killed 15 rebels": a verb coordinated right after
# ", and" shares the subject of the clause before it.
_AND_OPENS = compiled(r",\s+and(?:\s+then|\s+later)?\s*$", re.IGNORECASE)
_PAST_VERB = compiled(
    r"(?:[a-z]+ed|shot|struck|hit|fought|took|overran|beat|set|threw|blew|stole|burnt)\s+"  # (and its object: "killed 15 rebels", "defused it")
    r"(?:the|a|an|\d[\d,]*|one|two|three|four|five|six|seven|eight|nine|ten|dozens|scores|hundreds|several|some|it|them|him|her|his|their|its|at least|more than|about|nearly|up to)\b"
)


_WHO_OPENS = compiled(r"\bwho\s*$")


def shared_subject(text: str, lo: int, start: int, sentence: tuple[int, int] | None) -> int:
    """Where the doer of the trigger at ``start`` is read from: its clause's start ``lo``, or the
    sentence's start for a verb coordinated right after ", and" (both verbs' subject is told there)
    or opening a "who" clause (the doer is the noun the clause hangs on)."""
    if sentence is not None and lo > sentence[0] and not text[lo:start].strip() and _WHO_OPENS.search(text, max(sentence[0], lo - 8), lo):
        return sentence[0]  # "The rebels of the Revolutionary United Front, who swept into the capital": the one "who" stands for
    if sentence is None or lo <= sentence[0] or text[lo:start].strip() or not _PAST_VERB.match(text, start):
        return lo
    return sentence[0] if _AND_OPENS.search(text, max(sentence[0], lo - 16), lo) else lo


def subordinate(sentence: str, pos: int) -> bool:
    """Whether the trigger at ``pos`` sits in a clause opened by "after", "when", ...

    Only up to the last comma: in "following a clash with the TNLA, the military
    abducted three locals" the abduction is the main clause.
    """
    a, _ = clause(sentence, pos, pos)
    if _SUBORDINATOR_BREAK.search(sentence[:a]):
        return True
    return bool(_SUBORDINATOR.search(sentence[a:pos].rsplit(",", 1)[-1]))


def finite(sentence: str, start: int, end: int) -> bool:
    """Whether a trigger reads as the clause's own verb, not "supported by", "to demand",
    "a man accused of" or "investigated a house"."""
    word = sentence[start:end].lower()
    if re.match(r"\s+by\b", sentence[end : end + 4]) or re.search(
        r"\bto\s+$", sentence[max(0, start - 4) : start]
    ):
        return False
    if word.startswith(("investigat", "probe", "inquiry")):
        return False
    if word.startswith("accused") and re.match(r"\s+of\b", sentence[end : end + 4]):
        return bool(
            re.search(
                r"\b(?:has|have|had|was|were|is|are|been)\s+$", sentence[max(0, start - 8) : start]
            )
        )
    return True
