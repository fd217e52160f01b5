"""A whole war's toll (#25): "The war has killed more than 10,000 people", "some 2 million
died in the civil war" tell a country's history, at no town the story is about."""

from __future__ import annotations

import re

from sitrep.rxfactor import compiled

# The war itself as the one that kills or drives out: "the conflict has killed", "the
# insurgency has killed ... and displaced".
_WAR_SUBJECT = compiled(
    r"\b(?:war|wars|insurgency|conflict|uprising|rebellion|civil war|violence|fighting|crisis)(?:\s+between\s+[^,.;]{3,60}?)?(?:\s*,[^,.;]{3,60},)?\s+(?:that\s+|which\s+)?"
    r"(?:(?:in|on|against|with|between)\s+(?:the\s+)?(?-i:[A-Z])[\w'’-]+(?:\s+(?:and\s+)?(?-i:[A-Z])[\w'’-]+)?\s+)?(?:has|have|had)\s+(?:so far\s+|already\s+|now\s+)?"
    r"(?:(?:killed|displaced)\s+[^.;]{0,60}?\s+and\s+)?$",
    re.IGNORECASE,
)
_WAR_TOLL = compiled(
    r"\s+(?:[\w'’-]+\s+){0,3}?(?:in|during|throughout|since)\s+(?:the|its|their|a|two)\s+(?:[\w'’,-]+\s+){0,3}?(?:civil\s+)?(?:wars?|conflict|insurgency|uprising|rebellion)\b"
    # "more than 1,500 people killed in attacks so far this year": the year's count of many attacks
    r"|\s+(?:[\w'’-]+\s+){0,3}?in\s+(?:[\w-]+\s+){0,2}?(?:attacks|violence|bombings|raids|clashes)\s+(?:so\s+far\s+|since\s+the\s+start\s+of\s+)?(?:this|the\s+past|the\s+last)\s+(?:year|months)\b"
    # "at least 462 people have been killed since the disputed Nov. 28 election": a land's crisis, no town's
    r"|\s+(?:[\w'’-]+\s+){0,3}?since\s+(?:the|a|last\s+\w+['’]s)\s+(?:[\w'’.,-]+\s+){0,4}?(?:elections?|vote|polls|coup|referendum)\b",
    re.IGNORECASE,
)


def war_tally(sentence: str, start: int, end: int) -> bool:
    """Whether the death at ``start:end`` is a war's running tally told with the war as its
    subject ("The war, which erupted in April 2023, has killed tens of thousands"): no event."""
    word = sentence[start:end].lower()
    if word.startswith(("fight", "violence", "conflict")) and _TOLL_BEFORE.search(sentence, max(0, start - 40), start):
        return war_toll(sentence, start, end)  # "Thousands ... killed in the fighting": the war's, no day's fighting
    return word.startswith(("kill", "displac", "uproot")) and _WAR_SUBJECT.search(sentence, max(0, start - 160), start) is not None


def war_toll(sentence: str, start: int, end: int) -> bool:
    """Whether the death at ``start:end`` is a whole war's toll ("some 2 million people died in the
    north-south civil war"): a country's history, at no town the story is about."""
    word = sentence[start:end].lower()
    if word.startswith(("kill", "displac", "uproot", "forced")) and _WAR_SUBJECT.search(sentence, max(0, start - 160), start):
        return True  # "Boko Haram's insurgency has killed more than 20,000 people and displaced some 2 million"
    if word.startswith(("die", "kill")) and _IN_THE_FIGHTING.match(sentence, end) and _THOUSANDS.search(sentence, max(0, start - 80), start):
        return True  # "Thousands of people are believed to have been killed in the fighting": the war's dead
    if word.startswith(("fight", "violence", "conflict")) and (toll := _TOLL_BEFORE.search(sentence, max(0, start - 40), start)) is not None:
        return war_toll(sentence, toll.start(), toll.start() + len(toll.group(1)))  # (and "the fighting" they died in is the war)
    return word.startswith(("die", "kill", "dead", "death")) and bool(_WAR_TOLL.match(sentence, end))


_IN_THE_FIGHTING = compiled(r"\s+(?:in|during)\s+the\s+(?:[\w-]+\s+)?(?:fighting|violence|conflict)\b", re.IGNORECASE)
_TOLL_BEFORE = compiled(r"\b(killed|died)\s+(?:in|during)\s+the\s+(?:[\w-]+\s+)?$", re.IGNORECASE)
_THOUSANDS = compiled(r"\b(?:thousands|tens\s+of\s+thousands|hundreds\s+of\s+thousands)\b", re.IGNORECASE)


_TOLL_WORD = compiled(r"\b(?:killed|killing|died|dead|deaths?|displaced)\b", re.IGNORECASE)


_A_WAR = compiled(r"\b(?:wars?|insurgency|conflict|uprising|rebellion)\b", re.IGNORECASE)


def whole_war_toll(sentence: str, start: int, end: int) -> bool:
    """Whether the death at ``start:end`` is a whole war's toll told with the war named ("The war
    has killed more than 10,000 people"), not "the fighting has killed 12", which may be one clash's."""
    return war_toll(sentence, start, end) and _A_WAR.search(sentence, max(0, start - 80), end + 80) is not None


def tells_war_toll(sentence: str) -> bool:
    """Whether the sentence tells a whole war's toll ("The war has killed more than 10,000 people")."""
    return any(whole_war_toll(sentence, m.start(), m.end()) for m in _TOLL_WORD.finditer(sentence))


# The dead of a span, counted over many happenings: "as many as 200,000 people have been killed in the
# past month"; "more than 500 have died since the fighting began" (dated to the war's start, not
# given to one attack told before it).
_PAST_SPAN = compiled(
    r"\b(?:killed|died|dead|deaths)\b[^.;]{0,40}?\b(?:in|over|during|within)\s+the\s+(?:past|last)\s+(?:[\w-]+\s+)?(?:days?|weeks?|months?|years?|hours)\b",
    re.IGNORECASE,
)
_SINCE_SPAN = compiled(
    r"\b(?:killed|died|dead|deaths)\b[^.;]{0,40}?\bsince\s+(?:then|the\s+(?:start|beginning|outbreak)\s+of|(?:the\s+)?(?:[\w-]+\s+){0,5}?"
    r"(?:began|started|erupted|broke\s+out|(?:was|were)\s+(?:announced|held|declared|published)))",
    re.IGNORECASE,
)


# "More than 60,000 people have been killed since the army canceled elections in January 1992":
# the dead of years, no day's event.
# ("has killed 2,600 and displaced 670,000 since 2017": the dead and the uprooted of years; not
# "uprooted since June", one season's displacement, which the gold dates to its start)
_SINCE_A_YEAR = compiled(r"(?:killed|died|displaced|uprooted)\b[^.;]{0,80}?\bsince\b[^.;]{0,80}?\b(?:19|20)\d\d\b", re.IGNORECASE)
_PERFECT_BEFORE = compiled(r"\b(?:have|has|had)\s+(?:been\s+)?$|\b(?:have|has|had)\s+(?:been\s+)?(?:killed|forced)\b[^.;]{0,50}\band\s+$", re.IGNORECASE)


def span_tally(sentence: str, at: int | None = None) -> bool:
    """Whether the death trigger ``at`` counts the dead of the past days or months ("200,000 people
    have been killed in the past month") or of years ("have been killed since ... 1992"): many
    happenings' dead, no event; with no ``at``, whether
    the sentence counts the dead of a span at all (the past month's, or since a war began)."""
    if at is not None:
        perfect = _PERFECT_BEFORE.search(sentence, max(0, at - 80), at) is not None
        return _PAST_SPAN.match(sentence, at) is not None or (perfect and _SINCE_A_YEAR.match(sentence, at) is not None)
    return _PAST_SPAN.search(sentence) is not None or _SINCE_SPAN.search(sentence) is not None
