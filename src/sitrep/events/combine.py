"""Sentence-level readings of the triggers found in one sentence (#25).

A protest the police break up is one event, not two; "killed" in a sentence about an air
strike is that strike's toll; tear gas alone, with no gathering, is no event.
"""

from __future__ import annotations

import re

from sitrep.events.agree import TOLL_TRIGGER
from sitrep.events.apart import apart_at, days_apart
from sitrep.events.clauses import finite, subordinate
from sitrep.events.dating import series
from sitrep.events.lexicon import Kind, Lexicon, fast_cues
from sitrep.lowercue import LowerCue
from sitrep.model import Event, TimeRef
from sitrep.rxfactor import compiled

_GATHERING = compiled(r"\W*(?:[\w-]+\s+){0,3}?(?:to\s+)?(?:disperse|break up)\b|\s+(?:at|on|into)\s+(?:[\w-]+\s+){0,3}?(?:supporters|crowds?|mourners|students|youths|worshippers|gathering|rally|march)\b", re.IGNORECASE)
_DISPERSE = compiled(r"\b(?:dispers\w*|break up|broke up)\b", re.IGNORECASE)
_SPECIFIC = {"attack.airstrike", "attack.shelling", "attack.bombing", "attack.suicide", "attack.grenade"}
_APART = compiled(r"\b(?:shortly|soon|just|hours|days|weeks|a day|a week|one day|two days|a few days)\s+(?:after|before)\b", re.IGNORECASE)
# "Heavy clashes continued in the north": a fight with a verb of its own.
_GOES_ON = fast_cues()["fight_goes_on_after"]
# "Fighting in the city has killed thousands": the killing is the fight's toll.
_FIGHT_KILLS = fast_cues()["fight_kills_after"]
# "In a separate attack, gunmen ambushed a police patrol": the opener names the happening the
# sentence goes on to tell, not another one.
_OPENER = compiled(r"\s*(?:in|during)\s+(?:an?|another)\s+(?:(?:separate|different|second|third|later|earlier|similar|new|related|other)\s+)?(?P<noun>attack|assault|incident|raid)\b", re.IGNORECASE)
_FORCE_WORD = compiled(r"beat(?:en)?|clubbed|kicked|whipped", re.IGNORECASE)
_ON_CROWD = compiled(r"\s+(?:[\w-]+\s+){0,3}?(?:demonstrators|protesters|protestors|marchers|crowds?|rallies)\b", re.IGNORECASE)
_ARMED_WITH = compiled(r"\barmed\s+with\s+(?:[\w-]+,?\s+(?:(?:and|or)\s+)?)*$", re.IGNORECASE)
_ROUNDED = compiled(r"(?:rounded|rounding|round(?:s|ed)?|herded|lined)\s+up\b", re.IGNORECASE)
_IN_RIOTS = compiled(r"\s+(?:in|during)\s+(?:the\s+)?(?:(?:[\w-]+\s+){1,3}of\s+)?(?:[\w-]+\s+)?(?:riots?|rioting|disturbances|unrest|violence|mob violence)\b", re.IGNORECASE)
_AIRCRAFT = compiled(r"(?:helicopter )?gunships?|warplanes?|fighter jets?|helicopters?|drones?|aircraft", re.IGNORECASE)
_SUPPORTED_BY = compiled(r"\b(?:backed|supported|escorted|accompanied|aided|covered)\s+by\s+(?:[\w-]+\s+){0,2}$", re.IGNORECASE)
_AFTER_THE_DEED = compiled(r"\b(?:before|and(?:\s+then)?|then)\s+$", re.IGNORECASE)
_KILLED_AND_SEIZED = compiled(r"\bkill\w*\s+[^.;]{0,60}?\band\s+seiz", re.IGNORECASE)
_TRIED_TO = compiled(r"\b(?:tried|trying|attempted|attempting|sought|seeking)\s+to\s+$", re.IGNORECASE)
_TAKEN = compiled(r"\b(?:took|take|takes|taking|taken|seized|seizing|holding|held|hold)\b", re.IGNORECASE)
_ARREST_WORD = compiled(r"\b(?:arrest|detain)\w*", re.IGNORECASE)


# Families beside which a hazard's word is no disaster of its own: "39 died when a wall collapsed
# during riots", "protesters marched in solidarity with the victims of the building collapse".
_NOT_BESIDE = frozenset({"attack", "clash", "riot", "protest", "territory", "abduction", "looting", "force", "siege"})


def _one_disaster(found: list[tuple[Kind, int, int]], sentence: str) -> list[tuple[Kind, int, int]]:
    """One disaster a sentence ("a quake sparked a tsunami that killed 170,000": one chain of
    harm), the first told; none beside violence or a crowd, which tell the sentence's event
    (a bare toll, "killing 34", is the disaster's own)."""
    if any(k.family in _NOT_BESIDE and not TOLL_TRIGGER.match(sentence[s:e]) for k, s, e in found):
        return [h for h in found if h[0].family != "disaster"]
    out: list[tuple[Kind, int, int]] = []
    last: tuple[int, int] | None = None
    for h in sorted(found, key=lambda h: h[1]):
        if h[0].family == "disaster":
            if last is not None and _CHAIN.fullmatch(sentence, last[1], h[1]):
                continue  # "a quake ... sparked a tsunami", "the earthquake and tsunami": one chain of harm
            last = (h[1], h[2])
        out.append(h)
    return out


# What joins a hazard to the next one it set off: "a quake off Aceh triggered a tsunami", "the
# quake-triggered tsunami", "the earthquake and tsunami", "The tsunami ... was triggered by a quake".
_CHAIN = compiled(
    r"(?:-(?:triggered|induced|caused|generated|spawned)\s+"
    r"|\s+and\s+(?:(?:the|a|an|ensuing|resulting|subsequent)\s+)?"
    r"|[^.;]{0,60}?\b(?:sparked|triggered|caused|set\s+off|unleashed|generated|sparking|triggering|causing|setting\s+off|unleashing|generating|followed\s+by)\s+(?:[\w,-]+\s+){0,3}?"
    r"|[^.;]{0,80}?\b(?:was|were)\s+(?:triggered|caused|sparked|set\s+off|generated)\s+by\s+(?:[\w.,-]+\s+){0,3}?)",
    re.IGNORECASE,
)


_PURPOSE_BEFORE = compiled(r"\b(?:to|in)\s+$", re.IGNORECASE)


def combine(found: list[tuple[Kind, int, int]], lex: Lexicon, sentence: str) -> list[tuple[Kind, int, int]]:
    """Sentence-level readings of a sentence's triggers: a protest the police break up is one
    event, not two; "killed" beside a strike is its toll."""
    # "Troops backed by helicopter gunships were pursuing the attackers": aircraft along, no strike told.
    found = [h for h in found if not (_AIRCRAFT.fullmatch(sentence, h[1], h[2]) and _SUPPORTED_BY.search(sentence, max(0, h[1] - 40), h[1]))]
    # "Hutu militiamen armed with machetes and grenades killed 300": the arms carried, the killing told.
    found = [h for h in found if not (h[0].name == "attack.grenade" and _ARMED_WITH.search(sentence, max(0, h[1] - 50), h[1]))]
    if any(k.family == "disaster" for k, _, _ in found):
        found = _one_disaster(found, sentence)
    names = {k.name for k, _, _ in found}
    out = list(found)
    if "protest" in names and "protest.intervention" in names and any(k.name == "protest" and _TRIED_TO.search(sentence, max(0, s - 30), s) for k, s, _ in found):
        # "police detained dozens of exiles who tried to march on the UN office": the march was
        # stopped before it began; the arrests are what happened.
        out = [(lex.kinds["detention.arrest"], m.start(), m.end()) if k.name == "protest.intervention" and (m := _ARREST_WORD.search(sentence, s, e)) else (k, s, e) for k, s, e in out]
    elif "protest" in names and "protest.intervention" in names:
        out = [h for h in out if h[0].name != "protest.intervention"]
        out = [(lex.kinds["protest.intervention"], s, e) if k.name == "protest" else (k, s, e) for k, s, e in out]
    if names & {"protest", "protest.intervention"} and "protest.excessive" in names:
        out = [h for h in out if h[0].name not in {"protest", "protest.intervention"}]
    if "protest.excessive" in names:
        # "Security forces shot dead 18 people as police opened fire on crowds protesting": the
        # dead are the protest's, one event of force against protesters.
        # ("a similar protest in Athens ended in clashes in which a protester was killed": the clashes too.)
        out = [h for h in out if h[0].name not in ("attack.civilians", "clash.armed") or days_apart(sentence, h[1]) is not None]
    if "protest" in names and "riot" in names:
        out = [h for h in out if h[0].name != "protest"]
    if sum(1 for k, _, _ in out if k.family == "protest") > 1:
        # "demonstrated outside the U.S. Embassy ... to protest against the NATO missile attack": what they did it for, one protest
        first = min(s for k, s, _ in out if k.family == "protest")
        out = [h for h in out if not (h[0].family == "protest" and h[1] > first and _PURPOSE_BEFORE.search(sentence, max(0, h[1] - 12), h[1]))]
    if "territory.capture" in names and "attack.civilians" in names:
        # "Gunmen stormed the village, killing five": one storming read as an attack, not a capture.
        out = [h for h in out if h[0].name != "territory.capture" or not sentence[h[1] : h[2]].lower().startswith("storm")]
    # (An attack the rules above folded into another kind no longer opens the sentence.)
    attack_at = min((s for k, s, _ in out if k.name.startswith("attack.")), default=None)
    if names & {"abduction", "looting", "riot"} and attack_at is not None:
        # "killed 30 people in an attack on a village, burning homes and abducting women": the
        # abduction or arson told as a participle of the attack is part of it (ACLED codes the attack).
        first = attack_at
        out = [
            h for h in out
            if not (h[1] > first and (
                (h[0].name in ("abduction", "looting") and sentence[h[1] : h[2]].split()[0].lower().endswith("ing"))
                or (h[0].name == "riot" and sentence[h[1] : h[2]].lower().startswith(("setting", "torching", "burning")))
            ))
        ]  # fmt: skip
    if "riot" in names:
        # "Rioters burned shops, and police arrested 20 youths": the arrests are told apart from the riot.
        out = [
            (lex.kinds["detention.arrest"], m.start(), m.end()) if k.name == "protest.intervention" and (m := _ARREST_WORD.search(sentence, s, e)) else (k, s, e)
            for k, s, e in out
        ]
    elif "protest.intervention" in names and not names & {"protest", "riot"}:
        # "police used tear gas" alone, with no protest named, is not an event of its own;
        # "police forces arrested a journalist" is an arrest.
        kept = []
        for k, s, e in out:
            if k.name != "protest.intervention" or _GATHERING.match(sentence, e, e + 80) or _DISPERSE.search(sentence, s, e):
                kept.append((k, s, e))  # "fired tear gas to disperse opposition supporters": a gathering broken up
            elif m := _ARREST_WORD.search(sentence, s, e):
                kept.append((lex.kinds["detention.arrest"], m.start(), m.end()))  # the actor stays outside
        out = kept
    if names & _SPECIFIC:
        # "killed" in a sentence about a strike is that strike's toll, not a second attack.
        # (Not one told as days apart: "the blast came a day after a string of attacks killed 50";
        # but a strike told on the same far day is its own: "came a day after insurgents shelled Aleppo, killing three".)
        # Nor one that comes "shortly after" the strike: "The attack on Yida camp comes shortly
        # after reports of aerial bombardments in Upper Nile".
        strikes = [a for k, a, _ in found if k.name in _SPECIFIC]
        out = [
            h for h in out
            if h[0].name not in {"attack.civilians", "clash.armed"}
            or (days_apart(sentence, h[1]) is not None and not any(apart_at(sentence, a) == apart_at(sentence, h[1]) for a in strikes))
            or (h[0].name == "clash.armed" and _GOES_ON.match(sentence, h[2]))
            or any(_APART.search(sentence, h[2], a) or (_OTHER_CLAUSE.search(sentence, h[2], a) and sentence[h[1] : h[2]].endswith("ed")) for a in strikes if a > h[2])
        ]  # fmt: skip
    if (opener := _OPENER.match(sentence)) is not None and any(k.family in ("attack", "clash") and s > opener.end() for k, s, _ in found):
        out = [h for h in out if not (h[0].name in ("attack.civilians", "clash.armed") and h[1] == opener.start("noun"))]
    if names & {"clash.armed", "riot", "riot.mob"} and "attack.civilians" in names:
        # "Fighting in the city has killed thousands since December": one fight and its toll;
        # "after rioting there killed more than 70 people": one riot and its dead.
        tolls = {m.end() for k, _, b in found if k.name in ("clash.armed", "riot", "riot.mob") and (m := _FIGHT_KILLS.match(sentence, b, b + 160))}
        out = [h for h in out if not (h[0].name == "attack.civilians" and h[1] in tolls)]
    if names & {"protest", "protest.intervention"} and "attack.civilians" in names:
        # "Police beat hundreds of demonstrators with truncheons as they tried to break up a rally":
        # force used on the protest is the protest's intervention, not an attack of its own.
        beaten = [h for h in out if h[0].name == "attack.civilians" and _FORCE_WORD.fullmatch(sentence, h[1], h[2]) and _ON_CROWD.match(sentence, h[2])]
        if beaten:
            out = [(lex.kinds["protest.intervention"], s, e) if k.name == "protest" else (k, s, e) for k, s, e in out if (k, s, e) not in beaten]
    if names & {"abduction", "detention.arrest"} and attack_at is not None:
        # "rounded up the residents and opened fire": the round-up is the massacre's first act.
        out = [h for h in out if not (h[0].name in ("abduction", "detention.arrest") and _ROUNDED.match(sentence, h[1]) and h[1] < attack_at <= h[2] + 120)]
    if "release" in names and "abduction" in names:
        # "Twelve hostages were freed": the hostages are the ones released, no new kidnapping.
        frees = [a for k, a, _ in found if k.name == "release"]
        out = [
            h for h in out
            if not (h[0].name == "abduction" and sentence[h[1] : h[2]].lower() in ("hostage", "hostages") and any(abs(a - h[1]) < 60 for a in frees) and not _TAKEN.search(sentence, max(0, h[1] - 50), h[1]))
        ]  # (not "took two officers hostage ... and then escaped")
    if names & {"riot", "riot.mob"}:
        # "More than 70 people were killed in riots": the riot's dead, not a second attack.
        out = [h for h in out if not (h[0].name == "attack.civilians" and _IN_RIOTS.match(sentence, h[2]))]
    if "force.retreat" in names and any(k.family == "attack" for k in (h[0] for h in found)):
        # "killing whole families ... before fleeing with several young women": the attackers
        # leaving, part of the attack, no force withdrawing.
        out = [h for h in out if not (h[0].name == "force.retreat" and _AFTER_THE_DEED.search(sentence, max(0, h[1] - 12), h[1]))]
    fleeing = any(k.name == "force.retreat" and sentence[a:b].lower().startswith("fle") for k, a, b in found)
    if "weapons.disrupted" in names and names & {"attack.civilians", "clash.armed"} and _KILLED_AND_SEIZED.search(sentence):
        # "it had killed 57 soldiers and seized weapons and vehicles": the spoils of the attack, no haul by forces.
        out = [h for h in out if not (h[0].name == "weapons.disrupted" and sentence[h[1] : h[2]].lower().startswith("seiz"))]
    if "weapons.disrupted" in names:
        # "they found automatic weapons, dynamite, hand grenades and ammunition": the grenades
        # are in the haul, not thrown.
        hauls = [a for k, a, _ in found if k.name == "weapons.disrupted"]
        out = [h for h in out if not (h[0].name in ("attack.grenade", "attack.bombing") and any(0 < h[1] - a < 120 for a in hauls))]
    if "restriction" in names and ("displacement" in names or fleeing):
        # "ordered to leave their homes or forced to flee the fighting": people displaced.
        out = [h for h in out if h[0].name != "restriction"]
    mobs = [h for h in out if h[0].name == "riot.mob"]
    if mobs and all(sentence[s:e].lower().startswith("set ") and any(k.name == "attack.civilians" and a < s for k, a, _ in out) for _, s, e in mobs):
        # "Gunmen attacked two police stations and set them on fire": the attack's arson, no mob
        out = [h for h in out if h[0].name != "riot.mob"]
    elif "riot.mob" in names:
        # "a mob beat and killed him": one mob; but "opened fire, killing 40, before he was beaten
        # to death by survivors": the killing of the main clause is the gunman's, the mob's came after.
        told_after = all(_BEFORE_MOB.search(sentence, max(0, h[1] - 40), h[1]) for h in out if h[0].name == "riot.mob")
        out = [h for h in out if h[0].name not in {"attack.civilians", "riot"} or (told_after and not subordinate(sentence, h[1]))]
    # The main clause's event first ("the military arrested two villagers after they were
    # attacked": an arrest), then the most specific reading, then position.
    main = [h for h in out if not subordinate(sentence, h[1])]
    lead = min(main, key=lambda h: h[1]) if main else None
    # A sentence led by a verb of saying-and-doing ("blamed Israel for the bombing",
    # "demanded the withdrawal of") is about that act; the violence it names is its object.
    speech_lead = lead if lead and lead[0].family in _SPEECH_ACTS and finite(sentence, lead[1], lead[2]) else None
    out.sort(key=lambda h: (subordinate(sentence, h[1]), h is not speech_lead, h[0].priority, h[1]))
    return out


# "..., killing at least 40, before he was beaten to death by survivors": the mob came after.
_BEFORE_MOB = compiled(r"\b(?:before|until)\s+(?:[\w-]+\s+){0,4}$", re.IGNORECASE)
_SPEECH_ACTS = {"concession", "restriction", "accuse", "demand", "reject", "agreement", "negotiation", "threaten", "sanction", "support", "cooperate", "aid"}


# "The December 6 killing ... unleashed a wave of unrest", "the killing has sparked the worst
# rioting in decades": the unrest began with its cause.
_SPARKED = compiled(
    r"\b(?:sparked|triggered|unleashed|ignited|provoked|touched off|set off)\s+(?:[\w'’-]+\s+){0,6}?$", re.IGNORECASE
)
_CAUSE_FAMILIES = ("attack", "clash")


def sparked_day(events: list[Event], sentence: str, s_start: int) -> None:
    """Date unrest the sentence says an event sparked to that event's day, when the unrest
    has no day of its own ("a wave of unrest" has no "Friday" in it)."""
    for e in events:
        if e.family not in ("riot", "protest") or (e.date or {}).get("how") == "text":
            continue
        at = e.evidence[0]["trigger"]["start"] - s_start
        m = _SPARKED.search(sentence, max(0, at - 60), at)
        if m is None:
            continue
        causes = [
            c for c in events
            if c.family in _CAUSE_FAMILIES and c.date and c.date.get("how") in ("text", "context") and len(str(c.date.get("value"))) == 10
            and c.evidence[0]["trigger"]["end"] - s_start <= m.start()
        ]  # fmt: skip
        if causes:
            day = max(causes, key=lambda c: c.evidence[0]["trigger"]["end"]).date or {}
            e.date = {**day, "how": "context"}
    # "whose killing by police sparked five days of rioting": the wave began on the day of the
    # killing the sentence leaves undated.
    for e in events:
        if e.family not in ("riot", "protest") or not series(e.date):
            continue
        at = e.evidence[0]["trigger"]["start"] - s_start
        sparked = _SPARKED.search(sentence, max(0, at - 60), at)
        if sparked is None:
            continue
        for c in events:
            if c.family in _CAUSE_FAMILIES and (c.date or {}).get("how") in ("published", "lead", None) and c.evidence[0]["trigger"]["end"] - s_start <= sparked.start():
                c.date = {**(e.date or {}), "how": "context"}


# "Marines battled insurgents in Fallujah on Tuesday, and a car bomb in Baghdad killed 10": the
# fight told in a clause of its own before the strike is an event of its own.
_OTHER_CLAUSE = compiled(r"(?:,\s+(?:and|while|but|as|meanwhile)|;)\s+(?:[\w'’-]+\s+){0,3}?(?:an?|the|two|three|several)\s", re.IGNORECASE)


# "sporadic riots overnight, when a few hundred youths attacked a government building":
# the "when" clause tells the time of what it follows.
_WHEN = compiled(r",\s+when\s+", re.IGNORECASE)


# "since 1999, when Moscow sent troops back": the "when" clause happened in the year before it.
_YEAR_WHEN = compiled(
    r"\b(?:in|since|of)\s+(?:(?P<month>January|February|March|April|May|June|July|August|September|October|November|December)\s+)?"
    r"(?P<year>(?:19|20)\d\d)$"
)
_MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december")


def year_clause(sentence: str, at: int) -> str | None:
    """The year a ", when" clause holding offset ``at`` is told in ("since February 1994, when a
    shell killed 68 people"), or None: an event of another time than the sentence's own."""
    for m in _WHEN.finditer(sentence, 0, at):
        y = _YEAR_WHEN.search(sentence, max(0, m.start() - 30), m.start())
        if y is not None and m.end() <= at:
            return y.group(0)
    return None


def when_day(events: list[Event], sentence: str, s_start: int, times: list[TimeRef] | None = None) -> None:
    """Date an event told in a ", when ..." clause to the event the clause follows, when that
    event's day is written onto it and differs from the one the sentence opened on; or to the
    year or day the clause follows ("since 1999, when Moscow sent troops back", "since the
    conflict erupted on Wednesday, when guerrillas captured two soldiers")."""
    for m in _WHEN.finditer(sentence):
        y = _YEAR_WHEN.search(sentence, max(0, m.start() - 30), m.start())
        ref = next((t for t in times or () if t.end == s_start + m.start() and len(t.value) == 10 and t.value[:1].isdigit()), None)
        if y is None and ref is not None:
            on_day = {"value": ref.value, "precision": "day", "how": "text", "text": ref.text}
            for e in events:
                own = str((e.date or {}).get("text") or "")
                if e.evidence[0]["trigger"]["start"] - s_start >= m.end() and (not own or sentence.find(own, m.end()) < 0):
                    e.date = dict(on_day)
            continue
        if y is not None:
            month = y.group("month")
            value = y.group("year") + (f"-{_MONTHS.index(month.lower()) + 1:02d}" if month else "")
            in_year = {"value": value, "precision": "month" if month else "year", "how": "text", "text": y.group(0)}
            for e in events:
                own = str((e.date or {}).get("text") or "")
                if e.evidence[0]["trigger"]["start"] - s_start >= m.end() and (not own or sentence.find(own, m.end()) < 0):
                    e.date = dict(in_year)
            continue
        told = [e for e in events if e.evidence[0]["trigger"]["end"] - s_start <= m.start() and (e.date or {}).get("how") == "text"]
        if not told:
            continue
        day = max(told, key=lambda e: e.evidence[0]["trigger"]["end"]).date or {}
        for e in events:
            said = str((e.date or {}).get("text") or "")
            after = e.evidence[0]["trigger"]["start"] - s_start >= m.end()
            # (A day told inside the "when" clause is the event's own.)
            if after and e.date and e.date.get("how") in ("text", "context") and said != day.get("text") and sentence.find(said, m.end()) < 0:
                e.date = {**day, "how": "context"}


# "... on Saturday, and riots broke out that night": the day the sentence told before.
_THAT_DAY = LowerCue(compiled(r"\b(?:(?:later|early|late)\s+)?(?:that|the same)\s+(?:day|night|evening|afternoon|morning)\b|\bhours later\b", re.IGNORECASE))


def that_day(events: list[Event], sentence: str, s_start: int) -> None:
    """Date an event told "that night" or "the same day" to the day of the event told before
    it in the sentence, when the event has no day of its own."""
    m = _THAT_DAY.search(sentence)
    if m is None:
        return
    told = [e for e in events if e.evidence[0]["trigger"]["end"] - s_start <= m.start() and (e.date or {}).get("how") == "text" and len(str((e.date or {}).get("value"))) == 10]
    if not told:
        return
    day = max(told, key=lambda e: e.evidence[0]["trigger"]["end"]).date or {}
    for e in events:
        if e not in told and (e.date or {}).get("how") in ("published", "lead", None) and e.evidence[0]["trigger"]["start"] - s_start > told[0].evidence[0]["trigger"]["start"] - s_start:
            e.date = {**day, "how": "context"}


_SETTING_BEFORE = fast_cues()["setting_before"]


def setting_day(events: list[Event], sentence: str, s_start: int) -> None:
    """Date an act told as another's setting ("the March 1994 shooting of a judge at a protest
    rally in Lyon") to the day of the act told before it, when it has none of its own."""
    dated = [e for e in events if (e.date or {}).get("how") == "text"]
    for e in events:
        at = e.evidence[0]["trigger"]["start"] - s_start
        if (e.date or {}).get("how") == "text" or not _SETTING_BEFORE.search(
            sentence, max(0, at - 60), at
        ):
            continue
        before = [d for d in dated if 0 < at - (d.evidence[0]["trigger"]["end"] - s_start) <= 80]
        if before:
            e.date = {
                **(max(before, key=lambda d: d.evidence[0]["trigger"]["end"]).date or {}),
                "how": "context",
            }

