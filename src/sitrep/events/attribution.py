"""Who tells an event, and how sure: the modality of a mention and its sources.

Modal cues before the trigger make it planned ("will deploy", "rallies are planned for"),
hypothetical ("could attack", "the end game is to capture", a question) or claimed,
confirmed, denied; attribution ("said", "according to", "told AFP") gives the sources
and makes an asserted event reported.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from sitrep.events.lexicon import Kind, Lexicon
from sitrep.lowercue import LowerCue
from sitrep.model import Article
from sitrep.rxfactor import compiled

# Actor types that are no state: their "arrest" of someone is an abduction, their claim a claim.
NON_STATE = {"rebel", "militia", "unidentified", "identity"}
# "after", "since": the clause presupposes its event; a telling before it is not about it.
_PRESUPPOSED = compiled(r"\b(?:after|before|since|following|when)\b", re.IGNORECASE)


_DENIED = LowerCue(compiled(r"\b(?:denied|denies|deny|denying|rejected (?:the |these |such )?(?:claims?|reports?)|dismissed (?:the |these )?(?:claims?|reports?)|false|untrue)\b", re.IGNORECASE))


_CLAIMED = LowerCue(compiled(r"\b(?:claim(?:ed|s|ing)?|boasted|tweeted|said on twitter|in a tweet)\b", re.IGNORECASE))


_CONFIRMED = LowerCue(compiled(r"\b(?:confirm(?:ed|s|ing)?|verified)\b", re.IGNORECASE))


# A known event as the object of another verb: "respond to this attack", "investigate the bombing".
_KNOWN_NOUN = LowerCue(compiled(r"\b(?:to|for|into|against|over|after|about|on)\s+(?:this|that|these|those|the|its|their)\s+(?:[\w-]+\s+)?$", re.IGNORECASE))
_PLANNED = LowerCue(compiled(
    r"\b(?:will|shall|'ll|going to(?! (?:the|a|an|any|great|extraordinary|extreme|such|some|his|her|their|its|school|work|court|war|jail|prison)\b)|plans? to|planning to|planned to|intends? to|is to|are to|set to|"
    r"expected to|preparing to|prepares to|would (?:send|deploy|help)|to (?:deploy|send|help|evacuate)|"
    r"(?:have|has|had) (?:authori[sz]ed|ordered|approved))\s+(?:\w+\s+){0,4}$"
    # "said the military would be deployed": the passive of a plan, right before its verb
    r"|\b(?:would|will|shall)\s+(?:also\s+|soon\s+|now\s+)?be\s+$"
    # "the sick and wounded at Vukovar hospital were to be evacuated": a plan told in the past
    r"|\b(?:was|were)\s+to\s+be\s+$"
    # "pledged to join road-blocking protests across the province this summer": a promise
    # (but "the kidnappers kept their promise to kill him": done)
    r"|\b(?<!kept their )(?<!kept his )(?<!kept her )(?<!kept its )(?:pledg(?:e|es|ed|ing)|promis(?:e|es|ed|ing)|vow(?:s|ed|ing)?)\s+to\s+(?:[\w'’-]+\s+){0,5}$",
    re.IGNORECASE,
))


# "A new candlelit vigil is planned for Sunday", "rallies are scheduled for Monday".
_PLANNED_AFTER = LowerCue(compiled(r"(?:\s+[\w-]+){0,3}?\s+(?:is|are|was|were|has been|have been)\s+(?:also\s+)?(?:planned|scheduled|expected|called|set|due)\b", re.IGNORECASE))


_HYPOTHETICAL = LowerCue(compiled(
    # ("capable of deploying 200,000 troops", "the ability to launch missiles", "it is better to
    # withdraw": a means or a wish, no happening)
    r"\b(?:could|might|may|considering|consider|mulling|weighing|if|threaten(?:ed|s)? to|possible|possibly|risk of|"
    r"capable of|capability to|capacity to|ability to|(?:better|best|wiser) to|rather than|instead of|meant to|(?:anyone|anybody|whoever)\s+(?:caught|found|seen)|to\s+(?:coordinate|plan|prepare|organi[sz]e|authori[sz]e|approve|sanction))\s+(?:\w+\s+){0,4}$",
    re.IGNORECASE,
))


_WOULD_NEXT = compiled(r"\bwould\s+(?:(?:also|again|then|now|soon)\s+)?$", re.IGNORECASE)
_WOULD = compiled(r"\b(?:would|will|'d)\s+(?:\w+\s+){0,3}$", re.IGNORECASE)
_IF_AFTER = compiled(r"[^.;]{0,60}?\b(?:if|unless)\b", re.IGNORECASE)


_IMAGINED = LowerCue(compiled(r"^\W*(?:imagine|suppose|picture|what if|hypothetically|in theory)\b", re.IGNORECASE))


# "how many kids will you kill", "would they attack": a question asks, it does not tell.
_QUESTION = LowerCue(compiled(r"\b(?:will|would|can|could|should|do|does|did|must)\s+(?:you|we|they|i|he|she|it)\s+(?:\w+\s+){0,2}$", re.IGNORECASE))


# "students announced new rallies on Monday", "unions called a general strike for Friday", "called
# for a million-man rally".
_ANNOUNCED = LowerCue(compiled(
    r"\b(?:announced|announce|called|calling|call|organi[sz]ed|organi[sz]ing|planned|planning|scheduled|promised|vowed|urged|"
    r"prepar(?:e|es|ed|ing) for)\s+"
    r"(?:for\s+)?(?:(?:new|more|further|fresh|another|a|an|the|nationwide|mass|general|large|two|three|several|daily|week|weeks|days|of|\w+(?:-\w+)+)\s+){0,4}$",
    re.IGNORECASE,
))


# "the regime's end game is to capture", "failed to force them to surrender", "willing to join":
# a goal, not a happening (a plan, "will deploy", "plans to", is read before this).
_INFINITIVE = LowerCue(compiled(
    r"\b(?:wants?|wanted|wish(?:es|ed)?|willing|hop(?:e|es|ed|ing)|seek(?:s|ing)?|sought|aim(?:s|ed|ing)?|goal|game|endgame|end-game|"
    r"intend(?:s|ed)?|intention|needs?|needed|unable|able|fail(?:s|ed)?|refus(?:e|es|ed|ing)|ready|urg(?:e|es|ed|ing)|"
    r"call(?:s|ed|ing)? (?:on|for)|pressure|efforts?|bid|vow(?:s|ed)?|demand(?:s|ed|ing)?|ask(?:s|ed|ing)?|wait(?:s|ed|ing)?|offer(?:s|ed|ing)?|"
    # ("more determined to fight these invaders", "had been fighting to regain control", "tried to storm")
    r"determined|resolved|prepared|fighting|battling|struggl(?:e|es|ed|ing)|try|tries|tried|trying|attempt(?:s|ed|ing)?)\b"
    r"(?:\s+[\w'’-]+){0,5}?\s+to\s+(?:(?:either|not|also)\s+)?(?:(?:make|carry\s+out|conduct|stage)\s+(?:an?\s+|the\s+|some\s+)?)?$",
    re.IGNORECASE,
))


_SAID = LowerCue(compiled(
    r"\b(?:said|says|say|told|tells|stated|announced|reported|according to|quoted|tweeted|added|"
    r"explained|insisted|claimed|confirmed|denied|wrote|posted)\b",
    re.IGNORECASE,
))


_ACCORDING = compiled(r"\baccording to\s+(?P<who>(?:an?\s+|the\s+)?[\w'’ -]{2,60}?)(?=[,.;]|$)", re.IGNORECASE)


_WHO_SAID = compiled(  # (starts at a word: a start inside one made it four times slower)
    r"(?<![\w'’-])(?P<who>(?:an?\s+|the\s+)?(?:[A-Z][\w'’-]*\s+|[a-z][\w'’-]*\s+){0,6}?(?:spokes(?:man|woman|person)|official|officials|source|sources|minister|ministry|governor|commander|resident|residents|police|army|military|president|government|witness(?:es)?|statement|negotiator|member|[A-Z][a-z]+ [A-Z][a-z]+))"
    r"(?:,?\s+[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,2})?\s*,?\s+(?:said|says|told|tweeted|confirmed|claimed|denied|added|wrote|announced|reported|stated)\b"
)


_SAID_WHO = compiled(
    r"\b(?:said|says|told|added|confirmed|claimed|tweeted)\s+(?P<who>(?:an?\s+|the\s+)?(?:[\w'’-]+\s+){0,5}?(?:spokes(?:man|woman|person)|official|source|minister|governor|commander|resident|president|negotiator|[A-Z][a-z]+ [A-Z][a-z]+))\b"
)


_CHANNEL = compiled(r"\b(?P<c>twitter|tweet(?:ed)?|in a statement|statement|press conference|on television|on facebook|telegram|told reporters)\b", re.IGNORECASE)


_TOLD_AGENCY = compiled(r"\btold (?P<a>AFP|Reuters|AP|the Associated Press|Al Jazeera|the BBC|BBC|CNN|dpa|Xinhua|TOLOnews)\b")


def reported_as(text: str, sentence: str, s_start: int, start: int, lex: Lexicon) -> str:
    """The modality of an event someone is said to report.

    Background in an "after ..." clause is the sentence's own presupposition,
    not the news reported (asserted); an armed group speaking of its own war is
    making a claim (claimed); anyone else reports it (reported).
    """
    said = _SAID.search(sentence)
    if said is None:
        return "reported"
    verb = s_start + said.start()
    if verb < start and _PRESUPPOSED.search(text[verb:start]):
        return "asserted"
    subject = text[max(s_start, verb - 60) : verb]
    for m in lex.actors.finditer(subject):
        entry = lex.actor_rows[int((m.lastgroup or "a0")[1:])]
        if entry.type in NON_STATE:
            return "claimed"
    return "reported"


def modality_of(text: str, sentence: str, s_start: int, start: int, end: int, kind: Kind) -> str:
    """How the text tells the event at ``start:end``: asserted, planned, hypothetical,
    denied, confirmed or claimed (``reported_as`` refines an asserted one that has a source)."""
    before = text[max(s_start, start - 60) : start]
    if re.search(r"\bwill\b", text[start:end]):
        return "planned"  # the trigger holds its own future ("troops will move to")
    if _DENIED.search(sentence):
        return "denied"
    if _IMAGINED.match(sentence):
        return "hypothetical"  # "Imagine a situation where someone says we're going to bomb Sydney"
    if kind.family == "protest" and _ANNOUNCED.search(before):
        return "planned"
    if _QUESTION.search(before):
        return "hypothetical"
    plan, goal = _PLANNED.search(before), _INFINITIVE.search(before)
    if goal and plan and goal.start() < plan.start():
        return "hypothetical"  # "the end game is to capture": a goal, though "is to" reads as a plan
    if plan and _KNOWN_NOUN.search(before, plan.start()):
        plan = None  # "will respond to this second attack": the plan is the response; the attack happened
    if _WOULD.search(before) and _IF_AFTER.match(text, end):
        return "hypothetical"  # "NATO warned it would respond with air strikes if the Serbs did not withdraw": a condition
    if plan or _PLANNED_AFTER.match(text, end) or (kind.name in ("negotiation.offer",) and re.search(r"\b(?:will|would)\b", before)) or (
        kind.family == "protest" and _WOULD_NEXT.search(before)
    ):  # ("Student leaders said they would march again on Friday")
        return "planned"
    if _HYPOTHETICAL.search(before) or _INFINITIVE.search(before):
        return "hypothetical"
    if _CONFIRMED.search(sentence):
        return "confirmed"
    if _CLAIMED.search(sentence):
        return "claimed"
    return "asserted"


def sources_of(sentence: str, article: Article) -> list[dict[str, Any]]:
    """Who the sentence says told it ("said a police spokesman", "according to", "told AFP")."""
    found = _source_of(sentence, article.wire[0] if article.wire else None)
    return [dict(found)] if found else []


@lru_cache(maxsize=4096)
def _source_of(sentence: str, wire: str | None) -> tuple[tuple[str, str | None], ...]:
    # Read once per sentence: a sentence with several events names the same source for each.
    if not _SAID.search(sentence):
        return ()
    who = None
    for regex in (_ACCORDING, _WHO_SAID, _SAID_WHO):
        m = regex.search(sentence)
        if m:
            who = " ".join(m.group("who").split()).strip(" ,")
            break
    channel = _CHANNEL.search(sentence)
    told = _TOLD_AGENCY.search(sentence)
    via = told.group("a") if told else wire
    return (("who", who), ("channel", _channel_name(channel.group("c")) if channel else None), ("via", via))


def _channel_name(c: str) -> str:
    c = c.lower()
    if "tweet" in c or "twitter" in c:
        return "Twitter"
    if "statement" in c:
        return "statement"
    return c
