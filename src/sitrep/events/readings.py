"""Readings over the whole article, once each sentence's events are found.

A protest is "with intervention" only when forces act in its sentence or the next; one
told with a riot near it is part of the riot; a crowd that fights is a mob, not an armed
clash; who fled what is displacement, not the fighting; a sentence with no place of its
own takes the place of the event it goes on from.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from sitrep.events.actors import ARMED, unnamed_doer
from sitrep.events.agree import TOLL_TRIGGER
from sitrep.events.attribution import NON_STATE
from sitrep.events.lexicon import Kind, Lexicon, fast_cues
from sitrep.events.places import country_name
from sitrep.model import Event
from sitrep.rxfactor import compiled

_CUES = fast_cues()


def retype(event: Event, kind: Kind) -> None:
    """Give an event another kind (its family, layer, ACLED and PLOVER codes with it)."""
    event.kind, event.family, event.layer = kind.name, kind.family, kind.layer
    event.acled, event.plover = kind.acled(), kind.plover()


# Forces that break a protest up, told anywhere in the text ("11 people were arrested by the police").
_FORCES = compiled(r"\b(?:police|policemen|officers|authorities|security forces|gendarm\w*|soldiers|troops|riot squad)\b", re.IGNORECASE)
_BROKEN_UP = compiled(
    r"\b(?:(?:were|was|been|being|got) (?:\w+ )?(?:arrested|detained|dispersed|evicted|removed|beaten)|arrested|detained|"
    r"dispersed|made (?:\w+ ){0,2}arrests?|evict(?:ed)?|forcibly removed?|used force|tear ?gas(?:es)?|pepper spray|batons?|beat up)\b",
    re.IGNORECASE,
)


_UNOPPOSED = compiled(
    r"\b(?:no (?:clash(?:es)?|fighting|confrontations?|resistance) (?:was |were )?(?:reported|took place)|clashes were not reported|"
    r"without (?:a |any )?(?:fight(?:ing)?|confrontations?|clash(?:es)?|resistance|a shot)|peacefully|unopposed|"
    r"after (?:the )?(?:\w+ ){0,3}(?:forces|fighters|troops|militants) (?:had )?(?:left|withdrew|pulled out))\b",
    re.IGNORECASE,
)
_TAKE_VERB = compiled(r"\b(?:took|taken|captured|seized|entered|overran)\b", re.IGNORECASE)
_DISAPPEARED = compiled(r"\bwhereabouts (?:remain(?:ed|s)?|are|were|is|was) (?:still )?unknown\b|\bforcibly disappeared\b", re.IGNORECASE)
# Words of armed force in a story: its bare "clashes" are fighting, not a brawl ("Clashes were
# continuing in Zeitun, and there were reports of airstrikes").
_WEAPONS = compiled(
    r"\b(?:gun\w*|shot|shoot\w*|fired|firearms?|rifles?|armed|militants?|insurgents?|rebels?|fighters|troops|soldiers|army|military|"
    r"air ?-?strikes?|air raids?|shelling|artillery|mortars?|rockets?|missiles?|warplanes)\b",
    re.IGNORECASE,
)
_ONE_PERSON = compiled(r"^(?:a|an|one|the)\s", re.IGNORECASE)


def _crowd(actor: dict[str, Any]) -> bool:
    """Rioters, protesters, or several civilians acting together ("residents", not "a man")."""
    if actor["type"] in ("rioters", "protesters"):
        return True  # ("protesters attacked the embassies ..., setting fires and looting": a riot)
    return actor["type"] == "civilians" and not _ONE_PERSON.match(actor.get("text") or "a")


_FIREARM = compiled(r"\b(?:opened fire|shot|shooting|gun\w*|rifles?|pistols?|fired)\b", re.IGNORECASE)
_FEW_BEFORE = compiled(r"\b(?:a|an|one|two|three|lone|single)\s+(?:[\w-]+\s+)?$", re.IGNORECASE)


# Armed men told before the crowd the doer was read from: "gunmen ... rounded up the residents and opened fire".
_RAIDERS = compiled(r"\b(?:gunmen|attackers|assailants|armed men|militants|insurgents|rebels|terrorists|raiders|militiamen)\b", re.IGNORECASE)


def _raiders_first(e: Event) -> bool:
    """Whether armed men are named before the crowd read as the doer: the crowd is their victims."""
    said, who = e.evidence[0]["text"], str((e.actor1 or {}).get("text") or "")
    at = said.find(who) if who else -1
    return at > 0 and _RAIDERS.search(said, 0, at) is not None


# The crowd is angry at the killing, not its doer: "youth angry at the Dec. 6 killing of Alexandros Grigoropoulos".
_ANGRY_AT = compiled(r"\b(?:angry|angered|outraged|furious|incensed|enraged|protesting|mourning)\s+(?:at|over|by|about|against)?\s*(?:the\s+)?(?:[\w.'’-]+\s+){0,3}$", re.IGNORECASE)


def _angry_at(e: Event) -> bool:
    """Whether the trigger is what the crowd read as its doer is angry at."""
    ev = e.evidence[0]
    head = ev["trigger"]["start"] - ev["start"]
    return _ANGRY_AT.search(ev["text"], max(0, head - 60), head) is not None


# A movement that speaks of "its forces": "The Rwandan Patriotic Front said its forces had captured".
_ORG_SAID_ITS = compiled(
    r"\b(?:The\s+)?((?!The\b)(?:[A-Z][\w'’-]+\s+){1,5}(?:Front|Movement|Army|Alliance|Brigades?|Union|Organi[sz]ation|Tigers|Party))\s+(?:said|says|claimed|reported)\s+(?:that\s+)?its\s+(?:forces|fighters|troops|men|guerrillas|units)\b"
)
_OWN_MEN = ("forces", "fighters", "troops", "men", "guerrillas", "units", "its forces", "its troops", "its fighters")


def _few(e: Event) -> bool:
    """Whether the doer is one, two or three people with a gun ("Two students ... opened fire"): a shooting, no mob."""
    said, who = e.evidence[0]["text"], str((e.actor1 or {}).get("text") or "")
    at = said.find(who) if who else -1
    return at >= 0 and bool(_FIREARM.search(said)) and bool(_FEW_BEFORE.search(said, max(0, at - 30), at) or _FEW_BEFORE.search(said, at, at + len(who.split(" ")[0]) + 1))


# A clash whose sides go unnamed but whose dead are counted is fighting, not a brawl.
_DEATHS = compiled(r"\b(?:killed|died|dead|deaths?|killing)\b", re.IGNORECASE)
# ... unless the sides are two groups of a dispute: "a clash between two groups over a land dispute".
_FEUD = compiled(r"\b(?:groups|disputes?|factional|feuds?|rival|supporters|villagers|families|clans)\b", re.IGNORECASE)


_ON_A_CROWD = compiled(r"\s+(?:on|at|into)\s+(?:a|the)\s+(?:[\w-]+\s+)?crowds?\b", re.IGNORECASE)
_CROWD_WORDS = compiled(r"\b(?:villagers|people|residents|locals|youths|neighbou?rs|students|crowds?|mourners|strikers)\b", re.IGNORECASE)


_FLED_FROM = compiled(r"\b(?:fled|flee(?:s|ing)?|escap(?:ed|ing)|amid|since|(?:displaced|uprooted|driven out|forced out|forced from their homes|chased) by|caught (?:up )?in|from|as a result of|because of|due to|owing to|caused by)\s+(?:the\s+)?(?:[\w-]+\s+)?$", re.IGNORECASE)


def _fled_from(e: Event) -> bool:
    """ "people who have fled fighting", "displaced since fighting erupted": the fighting is a war
    the crowd ran from."""
    ev = e.evidence[0]
    return bool(_FLED_FROM.search(ev["text"], 0, ev["trigger"]["start"] - ev["start"]))


# What befell a crowd that is the harmed, not the doer: "128 people dead", "three people were taken into custody".
_HARMED_AFTER = compiled(r"\s+(?:(?:were|was|have been|had been|are|is)\s+)?(?:dead|killed|died|injured|wounded|hurt|taken|arrested|detained|held|missing|displaced)\b", re.IGNORECASE)


# A crowd that carries guns is an armed group: "three men with assault rifles attacked".
_ARMED_WITH = compiled(
    r"(?:\s+(?:in|of)\s+(?:[\w-]+\s+){0,2}?[\w-]+,)?\s+(?:(?:who\s+were\s+)?armed\s+with|with|carrying|wielding|brandishing)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:rifles?|guns?|firearms|weapons|pistols?|handguns?|kalashnikovs?|AK-47s?|machine\s*-?guns?|explosives?|grenades?|suicide\s+vests?|bombs?)\b",
    re.IGNORECASE,
)


# "the men inside opened fire on the guards": people who shoot are armed, no mob.
_GUNFIRE = compiled(r"(?:opened|open|opening)\s+fire|shot|shoot|fired|gunned|machine-?gunned", re.IGNORECASE)


def _armed_crowd(e: Event) -> bool:
    """Whether the crowd read as the doer is told carrying guns or bombs."""
    ev = e.evidence[0]
    words = (e.actor1 or {}).get("text") or ""
    at = ev["text"].find(words) if words else -1
    return at >= 0 and bool(_ARMED_WITH.match(ev["text"], at + len(words)))


# "which also wounded around 100 people": the people are whom the attack hurt.
_HARMED_BEFORE = compiled(r"\b(?:wound(?:ed|ing)|kill(?:ed|ing)|injur(?:ed|ing)|hurt(?:ing)?|maim(?:ed|ing))\s+(?:[\w-]+\s+){0,3}$", re.IGNORECASE)
_VICTIMS_AFTER = compiled(r"\s+(?:victims?|survivors?)\b", re.IGNORECASE)


def _crowd_harmed(e: Event) -> bool:
    """Whether the crowd an attack's doer was read from is its victims or lies far from the
    trigger: "the reality of 128 people dead and ... the deadliest attack on France"."""
    ev = e.evidence[0]
    words = (e.actor1 or {}).get("text") or ""
    head = ev["trigger"]["start"] - ev["start"]
    at = ev["text"].rfind(words, 0, head) if words else -1
    if _VICTIMS_AFTER.match(ev["text"], ev["trigger"]["end"] - ev["start"]):
        return True  # "family members of the four murder victims": the murder is someone else's
    return at >= 0 and (
        head - at > 80 or bool(_HARMED_AFTER.match(ev["text"], at + len(words))) or bool(_HARMED_BEFORE.search(ev["text"], max(0, at - 40), at))
    )


def _crowd_fight(e: Event) -> bool:
    """A clash of a crowd of civilians with state forces or each other (no armed group in it)."""
    if _fled_from(e) or (e.actor1 is None and _SET_UPON.search(e.evidence[0]["text"], 0, e.evidence[0]["trigger"]["start"] - e.evidence[0]["start"])):
        return False  # "people who have fled fighting": the crowd ran from it ("people were ambushed": set upon)
    sides = [a for a in (e.actor1, e.actor2) if a]
    crowd = [a for a in sides if a["type"] == "civilians" and _crowd(a) and _CROWD_WORDS.search(a.get("text") or "")]
    if e.actor2 in crowd and e.actor2 is not None and _harmed_after(e, e.actor2) and not _FEUD.search(e.evidence[0]["text"]):
        return False  # "clashes killed 40 people": the people are the dead
    if any(_dead_before(e, a) for a in crowd):
        return False  # "300 people have been killed since the offensive began": the dead, no side
    return bool(crowd) and all(a in crowd or a["type"] == "state" for a in sides)


_HARM_VERB = compiled(r"\b(?:kill(?:ed|ing|s)?|wound(?:ed|ing|s)?|injur(?:ed|ing|es)|left)\b", re.IGNORECASE)


_DIED_AFTER = compiled(r"\s+(?:(?:were|was|have been|had been)\s+)?(?:killed|died|dead|wounded|injured)\b", re.IGNORECASE)


def _dead_before(e: Event, actor: dict[str, Any]) -> bool:
    """Whether the people named before the trigger are told dead or hurt: "40 people died in clashes"."""
    ev = e.evidence[0]
    head = ev["trigger"]["start"] - ev["start"]
    at = ev["text"].rfind(actor.get("text") or "\x00", 0, head)
    return at >= 0 and bool(_DIED_AFTER.match(ev["text"], at + len(actor.get("text") or "")))


_CROWDS = ("protesters", "rioters")
# "clashes over teenager's shooting", "clashes after the police killing of a student".
_OVER_KILLING = compiled(r"\s+(?:over|against|in protest at|after|following)\s+(?:the\s+|a\s+|an\s+)?(?:[\w'’-]+\s+){0,3}?(?:shooting|killing|death|murder)\b", re.IGNORECASE)
# "as a general strike paralysed Greece": a strike stays a strike beside a riot.
_WALKOUT = compiled(r"\b(?:general|nationwide|national) strikes?\b", re.IGNORECASE)


def _crowd_against_forces(e: Event) -> bool:
    """A clash of protesters or rioters with state forces."""
    sides = [a for a in (e.actor1, e.actor2) if a]
    types = {a["type"] for a in sides}
    return "state" in types and bool(types & set(_CROWDS)) and types <= {*_CROWDS, "state"}


def _crowd_beside(e: Event, events: list[Event]) -> Event | None:
    """The riot of the same sentence whose crowd is the clash's unnamed side, when the clash
    names state forces only ("pitching bricks in furious clashes with cops")."""
    sides = [a for a in (e.actor1, e.actor2) if a]
    if len(sides) != 1 or sides[0]["type"] != "state":
        return None
    at = e.evidence[0]["start"]
    return next((o for o in events if o.kind == "riot" and o.evidence[0]["start"] == at and o.actor1 and o.actor1["type"] in _CROWDS), None)


def _harmed_after(e: Event, actor: dict[str, Any]) -> bool:
    """Whether the people named after the trigger are the ones it killed or wounded."""
    ev = e.evidence[0]
    tail = ev["trigger"]["end"] - ev["start"]
    at = ev["text"].find(actor.get("text") or "\x00", tail)
    return at >= 0 and bool(_HARM_VERB.search(ev["text"], tail, at))


def context_takers(events: list[Event]) -> None:
    """A capture told without its taker ("the fall of Ghazni") is the one taker the article names.

    Only when every capture with a named taker in the article names the same armed
    group; the actor says it was read from the article (``how``: ``context``).
    """
    takers = {
        e.actor1["name"]: e.actor1 for e in events
        if e.kind == "territory.capture" and e.actor1 and e.actor1.get("type") in ARMED
        and e.actor1.get("how") != "unnamed" and e.modality not in ("denied", "hypothetical")
    }  # fmt: skip
    if len(takers) != 1:
        return
    taker = next(iter(takers.values()))
    for e in events:
        if e.kind == "territory.capture" and (e.actor1 is None or e.actor1.get("how") == "unnamed"):
            e.actor1 = {**taker, "text": None, "how": "context"}
            if e.actor2 and e.actor2.get("name") == taker["name"]:
                e.actor2 = None


_FORMAL_PROTEST = _CUES["formal_protest_before"]
# "Sharif protested that the missiles crossed Pakistani airspace", "protested to the UN": words.
_PROTEST_THAT = compiled(r"\s+(?:that\b|to\s+(?:the\s+)?[A-Z])|,\s+saying\b")
# A strike is a protest of its own, whatever rioting is told beside it ("a nationwide strike paralysed Greece").
_PEACEFUL = compiled(r"\b(?:peaceful(?:ly)?|silent|candle-?lit|candlelight|sit-down|calm(?:ly)?|(?:general|nationwide|national|labou?r) strikes?|walk-?outs?)\b", re.IGNORECASE)


# Words only armed forces' fighting goes by: "the deadliest strike of the offensive so far"
# is no brawl, whoever the sentence names.
_MILITARY_WORD = compiled(r"\b(?:offensive|operation|ambush\w*|engag\w+|fire-?fights?|gun ?battles?|shoot-?outs?|exchange\w* (?:of )?fire|counter-?attack\w*|repuls\w+|repelled|skirmish\w*|security operation)\b", re.IGNORECASE)


# "Heavy fighting broke out near the airport": the words of war, not of a brawl.
_HEAVY_BEFORE = compiled(r"\b(?:heavy|heavier|fierce|intense|renewed|sporadic|bitter|ferocious|pitched|running street|(?:days?|weeks?|months?|years?)\s+of)\s+$", re.IGNORECASE)
# "Fighting raged in Malakal", "fighting flared in the Orasje pocket": a war's fighting goes on, a brawl does not rage.
_RAGED_AFTER = compiled(r"\s+(?:has\s+|had\s+|have\s+|was\s+|is\s+)?(?:rag(?:ed|es|ing)|continu(?:ed|es|ing)\s+to\s+rage|flar(?:ed|es|ing)|intensif(?:ied|ies|ying)|escalat(?:ed|es|ing))\b", re.IGNORECASE)


def _heavy_fighting(e: Event) -> bool:
    ev = e.evidence[0]
    head = ev["trigger"]["start"] - ev["start"]
    return bool(_HEAVY_BEFORE.search(ev["text"], max(0, head - 20), head) or _RAGED_AFTER.match(ev["text"], ev["trigger"]["end"] - ev["start"]))


def _intervention_near(e: Event, text: str, intervention: re.Pattern[str]) -> bool:
    """Whether forces broke the protest up in its sentence or the next: an arrest in another
    city three paragraphs on is not this march's."""
    ev = e.evidence[0]
    window = text[ev["start"] : ev["end"] if _NEW_SCENE.match(text, ev["end"]) else ev["end"] + 300]
    # (not suspects held "in connection with the bombing" the mourners marched over)
    told = any(not _SUSPECTS_AFTER.search(window, m.end(), m.end() + 70) for m in intervention.finditer(window))
    return told or bool(_FORCES.search(window) and any(not _SUSPECTS_AFTER.search(window, m.end(), m.end() + 70) for m in _BROKEN_UP.finditer(window)))


_SUSPECTS_AFTER = compiled(r"\b(?:in connection with|suspected of|on suspicion of|for (?:their|his|her) (?:role|part) in)\b", re.IGNORECASE)


def _riot_near(e: Event, text: str, riot: re.Pattern[str]) -> bool:
    """Whether a protest turned violent: a riot or clash told in its sentence or the next.

    In a whole article about a week of riots, the peaceful vigil of one evening is
    still a protest; in a one-event note the next sentence is the rest of the note.
    """
    ev = e.evidence[0]
    if _PEACEFUL.search(ev["text"]):
        return False
    # (Not the next sentence's when it opens on another town: "Demonstrations were also held in
    # Mombasa. In Eldoret, protesters set fire to a police station.")
    window = text[ev["start"] : ev["end"] if _NEW_SCENE.match(text, ev["end"]) else ev["end"] + 300]
    # Nor a riot of another year told after it ("Sixty-seven Jews were killed in Arab riots in the city in 1929").
    own = str((e.date or {}).get("value") or "")[:4]
    return any(
        own in years or not years
        for m in (*riot.finditer(window), *re.finditer(r"\bclash(?:ed|es)\b", window))
        if (years := set(_YEAR_TOLD.findall(window, max(0, window.rfind(". ", 0, m.start())), max(m.end(), window.find(".", m.end()))))) is not None
    )


_YEAR_TOLD = compiled(r"\b(?:1[89]|20)\d\d\b")
_NEW_SCENE = compiled(r"\s*(?:In|At|Near|Outside)\s+(?:the\s+)?(?:[A-Z][\w'’.-]*\s+){0,3}?[A-Z][\w'’.-]*\s*,|\s*(?:Elsewhere|Separately|Meanwhile)\b")


class _Once:
    """A yes-or-no worked out on first use (``bool()``), then kept."""

    __slots__ = ("_ask", "_value")

    def __init__(self, ask: Callable[[], bool]) -> None:
        self._ask = ask
        self._value: bool | None = None

    def __bool__(self) -> bool:
        if self._value is None:
            self._value = self._ask()
        return self._value


def article_readings(events: list[Event], text: str, lex: Lexicon) -> list[Event]:
    """Readings that need more than one sentence or the actors found.

    A protest that the police break up in the next sentence is a protest with
    intervention; one where stones fly is a violent demonstration; an "attack"
    on armed men is a clash; an attack by residents or a crowd is mob violence.
    """
    # Each whole-text test is made once, and only when an event of its kind asks for it; a kind's
    # trigger pattern runs case-sensitively on the lower-cased text where it can (faster, same answer).
    low = text.lower()
    regex = {k.name: r for k, r in lex.triggers}
    fast = {k.name: (f, low) if f is not None and len(low) == len(text) else (r, text) for (k, r), f in zip(lex.triggers, lex.triggers_low, strict=True)}

    def told(kind: str) -> bool:
        pattern, said = fast[kind]
        return pattern.search(said) is not None

    has_riot = _Once(lambda: told("riot") or bool(re.search(r"\bclash(?:ed|es)\b", text) and any(e.family == "protest" for e in events)))
    has_intervention = _Once(lambda: told("protest.intervention") or (bool(_FORCES.search(text)) and bool(_BROKEN_UP.search(text))))
    demonstration = _Once(lambda: told("protest"))
    disappeared = _Once(lambda: bool(_DISAPPEARED.search(text)))
    for e in events:
        if e.actor1 and e.actor1["type"] == "state" and (e.actor1.get("text") or "").lower() in _OWN_MEN and (org := _ORG_SAID_ITS.search(e.evidence[0]["text"])):
            # "The Rwandan Patriotic Front said its forces had captured the town": the front's forces, not the state's
            e.actor1 = {"name": org.group(1), "text": org.group(1), "type": "rebel", "inter": 2, "country_code": e.actor1.get("country_code")}
        same_police = bool(e.actor1 and e.actor2 and e.actor1["name"] == e.actor2["name"] and e.actor1["name"].startswith("Police Forces"))
        if e.actor1 and e.actor2 and e.actor1["type"] == "state" and (
            same_police or (e.actor2.get("text") or "").lower() == (e.actor1.get("text") or "-").lower() in ("police", "the police", "cops", "officers")
        ):
            # "Police struggled to control a crowd at a vigil for a boy killed by police", "officers shot him because he
            # pointed a gun at the cops": one police force, told twice, not two sides.
            e.actor2 = None
        if e.family in ("detention", "weapons") and e.actor1 and e.actor1["type"] == "civilians":
            # "23 people arrested and dozens of weapons seized": the people are the held, not who held them.
            e.actor1, e.actor2 = None, e.actor2 or e.actor1
        if e.kind == "clash.armed" and e.actor1 and e.actor1["type"] == "civilians" and _dead_before(e, e.actor1):
            # "At least 40 people died in clashes": the people are the dead, not a side.
            e.actor1, e.actor2 = e.actor2, None
        if e.kind == "territory.capture" and (m := _UNOPPOSED.search(text, e.evidence[0]["start"], (end := e.evidence[0]["start"] + len(e.evidence[0]["text"])) + 200)) and (
            m.start() < end or not _TAKE_VERB.search(text, end, m.start())
        ):  # (its own sentence or a note's next: "took San Pedro without a fight" is not how Yamoussoukro fell)
            # "took control of Shirey village ... without confrontation": a handover.
            retype(e, lex.kinds["territory.handover"])
        elif e.kind == "detention.arrest" and (disappeared or (e.actor1 and e.actor1["type"] in NON_STATE)):
            # An armed group's "arrest", or one after which nobody knows where the person is.
            retype(e, lex.kinds["abduction"])
        elif e.kind == "weapons.disrupted" and e.actor1 and e.actor1["type"] in ("rioters", "protesters"):
            retype(e, lex.kinds["looting"])  # "a mob stormed a police station and seized weapons": a looting, no seizure by forces
        elif e.kind == "riot" and not demonstration:
            # Rioters with no demonstration to be part of ("rioters clashed with soldiers during a raid").
            retype(e, lex.kinds["riot.mob"])
        elif e.kind == "protest" and re.fullmatch(r"protest(?:ed|s|ing)?", e.evidence[0]["trigger"]["text"], re.IGNORECASE) and (
            _FORMAL_PROTEST.search(text, max(0, e.evidence[0]["trigger"]["start"] - 80), e.evidence[0]["trigger"]["start"])
            or _PROTEST_THAT.match(text, e.evidence[0]["trigger"]["end"])
        ):
            # "The UN protested at a complete absence of accountability": a government's or an
            # agency's protest is a complaint (PLOVER ACCUSE), no crowd in the street.
            retype(e, lex.kinds["accuse"])
            e.actor1 = None
        elif e.kind in ("protest", "protest.intervention") and e.modality != "planned" and not _WALKOUT.search(e.evidence[0]["trigger"]["text"]) and has_riot and _riot_near(e, text, regex["riot"]):
            retype(e, lex.kinds["riot"])
            if e.actor1 and e.actor1["type"] == "protesters":
                e.actor1 = {**e.actor1, "name": e.actor1["name"].replace("Protesters", "Rioters"), "type": "rioters", "inter": 5}
        elif e.kind == "protest" and has_intervention and _intervention_near(e, text, regex["protest.intervention"]):
            retype(e, lex.kinds["protest.intervention"])
        elif e.kind == "clash.armed" and _crowd_against_forces(e):
            # "police clashed with protesters": a demonstration turned violent, not a battle.
            crowd = e.actor1 if e.actor1 and e.actor1["type"] in _CROWDS else e.actor2
            other = e.actor2 if crowd is e.actor1 else e.actor1
            retype(e, lex.kinds["riot"])
            country = (crowd or {}).get("country_code") or (e.place or {}).get("country_code")
            e.actor1 = {"name": f"Rioters ({country_name(country) if country else 'Unknown'})", "text": (crowd or {}).get("text"), "type": "rioters", "inter": 5, "country_code": country}
            e.actor2 = other
        elif e.kind == "clash.armed" and e.actor1 and e.actor1["type"] in _CROWDS and not (e.actor2 and e.actor2["type"] in ARMED) and demonstration:
            # "youths attacked a government building" in a story of demonstrations: the riot's.
            retype(e, lex.kinds["riot"])
        elif e.kind == "clash.armed" and (crowd_event := _crowd_beside(e, events)) is not None:
            # "Protesters poured into the streets, pitching bricks in furious clashes with cops":
            # the crowd of the sentence's riot fought the police, one riot.
            other = e.actor1 if e.actor1 and e.actor1["type"] == "state" else e.actor2
            retype(e, lex.kinds["riot"])
            e.actor1, e.actor2 = crowd_event.actor1, other
        elif e.kind == "clash.armed" and not any(a and a["type"] in ARMED for a in (e.actor1, e.actor2)) and _OVER_KILLING.match(text, e.evidence[0]["trigger"]["end"]):
            # "Greece rocked by more clashes over teenager's shooting": anger at a killing, unrest.
            retype(e, lex.kinds["riot" if demonstration else "riot.mob"])
            country = (e.place or {}).get("country_code")
            e.actor1 = {"name": f"Rioters ({country_name(country) if country else 'Unknown'})", "text": None, "type": "rioters", "inter": 5, "country_code": country}
        elif e.kind == "clash.armed" and _crowd_fight(e):
            # "police forces and villagers clashed", "a group of people clashed with soldiers":
            # a crowd fighting is mob violence by rioters, whoever they fought.
            crowd = e.actor1 if e.actor1 and e.actor1["type"] == "civilians" else e.actor2
            other = e.actor2 if crowd is e.actor1 else e.actor1
            retype(e, lex.kinds["riot.mob"])
            country = (crowd or {}).get("country_code") or (e.place or {}).get("country_code")
            e.actor1 = {"name": f"Rioters ({country_name(country) if country else 'Unknown'})", "text": (crowd or {}).get("text"), "type": "rioters", "inter": 5, "country_code": country}
            e.actor2 = other
        elif (
            e.kind == "clash.armed" and not any(a and a["type"] in ARMED for a in (e.actor1, e.actor2))
            and not (e.actor1 is None and _DEATHS.search(e.evidence[0]["text"]) and not _FEUD.search(e.evidence[0]["text"]))
            and not _WEAPONS.search(text) and not _fled_from(e) and not _MILITARY_WORD.search(e.evidence[0]["trigger"]["text"]) and not _heavy_fighting(e)
        ):  # fmt: skip
            # "members of two rival parties clashed", "villagers fought over water": no armed side.
            retype(e, lex.kinds["riot.mob"])
            country = (e.place or {}).get("country_code")
            e.actor1 = {"name": f"Rioters ({country_name(country) if country else 'Unknown'})", "text": None, "type": "rioters", "inter": 5, "country_code": country}
        elif e.kind == "attack.civilians":
            if e.actor2 and e.actor2["type"] in ARMED and e.actor1 and e.actor1["type"] in ARMED:
                retype(e, lex.kinds["clash.armed"])
            elif e.actor1 and (_crowd(e.actor1) or e.actor1["name"].startswith("Settlers")) and not TOLL_TRIGGER.match(e.evidence[0]["trigger"]["text"]) and not _GUNFIRE.match(e.evidence[0]["trigger"]["text"]) and not _crowd_harmed(e) and not _armed_crowd(e) and not _few(e) and not _raiders_first(e):
                # ("more than 40 people died": the people are the dead, not a mob)
                retype(e, lex.kinds["riot.mob"])
                country = e.actor1.get("country_code")
                name = e.actor1["name"].split(" (")[-1].rstrip(")")
                e.actor1 = {**e.actor1, "name": f"Rioters ({name})", "type": "rioters", "inter": 5, "country_code": country}
            elif e.actor1 and _crowd(e.actor1) and e.actor1["type"] == "civilians" and (_crowd_harmed(e) or _armed_crowd(e) or _raiders_first(e) or _angry_at(e)):
                # The people the sentence names are the dead or the held: the doer is unnamed.
                country = e.actor1.get("country_code")
                e.actor1 = {"name": unnamed_doer(lex, country, e.evidence[0]["text"]), "text": None, "type": "unidentified", "inter": 3, "country_code": country, "how": "unnamed"}
            elif e.actor1 and e.actor1["type"] == "state" and _ON_A_CROWD.match(text, e.evidence[0]["trigger"]["end"]) and demonstration:
                # "police opened fire on a crowd of about 1,000" in a story of protests: force
                # against the protesters.
                retype(e, lex.kinds["protest.excessive"])
        if e.kind == "riot.mob" and not (e.actor1 or {}).get("text") and e.evidence[0]["trigger"]["text"].lower().startswith("beat") and _ONE_DOER.search(
            e.evidence[0]["text"], 0, e.evidence[0]["trigger"]["start"] - e.evidence[0]["start"]
        ):
            # "He beat a deputy guarding him": one man's assault, no mob.
            retype(e, lex.kinds["attack.civilians"])
            e.actor1 = None
        elif e.kind == "clash.armed" and e.actor1 is None and (e.actor2 or {}).get("type") == "civilians" and _SET_UPON.search(e.evidence[0]["text"], 0, e.evidence[0]["trigger"]["start"] - e.evidence[0]["start"]):
            retype(e, lex.kinds["attack.civilians"])  # "a convoy carrying people was ambushed": an attack on them
    return events


_SET_UPON = compiled(r"\b(?:was|were|been)\s+$")
# One person as the subject just before the verb: "He beat", "Nichols then beat".
_ONE_DOER = compiled(r"(?:\b(?:[Hh]e|[Ss]he)|\b[A-Z][a-z]+)\s+(?:(?:then|later|allegedly|also|reportedly)\s+)?$")
