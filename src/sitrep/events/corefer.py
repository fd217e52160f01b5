"""One record per real event within an article: mentions of one happening joined.

An article tells its main event many times: "a 15-year-old was shot dead by
police", "the shooting", "after the killing", "the teenager's death". Each
sentence's trigger gives a mention; mentions of one kind family whose places
and dates can be the same happening are one event. A mention that gives a day
of its own different from the event's day, or a place of its own away from the
event's place, is another event (two bombings in two cities are two).

The joined event keeps the fullest mention (a day of its own, a place of its
own, the finest place) as its lead; the others' sentences follow as evidence
and fill what the lead lacks (a toll).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from sitrep.events.agree import (
    bare_toll,
    dates_agree,
    elsewhere,
    far_apart,
    finer,
    overnight_retold,
    places_agree,
    story_town_apart,
    two_states,
)
from sitrep.events.lexicon import fast_cues
from sitrep.events.places import country_name
from sitrep.events.responders import responders
from sitrep.events.wartoll import whole_war_toll
from sitrep.model import Event
from sitrep.rxfactor import compiled

# Generic words for violence ("the attack", "killed", "the fighting") can retell any
# violent event told before; a specific kind (a surrender, an air strike) only its own.
_GENERIC = {"attack.civilians", "clash.armed"}
_VIOLENT = {"attack", "clash"}
# "The camp was bombed" retells "planes dropped four bombs" or "shells hit the camp": a
# bombing is the generic word for either; an air strike and a shelling stay two.
_BOMBING = "attack.bombing"
_STRIKES = {"attack.airstrike", "attack.shelling"}
_RETOLD_NOUN = fast_cues()["retold_noun_after"]
_ATTACKERS_BEFORE = fast_cues()["attackers_before"]
_RAIDERS = compiled(r"\b(?:attackers|assailants|gunmen|raiders|killers|perpetrators)\b", re.IGNORECASE)


def _retells_other(lead: Event, e: Event) -> bool:
    """Whether ``e``'s sentence names its act as a kind ``lead`` is not: "21 were killed in the
    strikes near Khost" retells the missile strikes, not the embassy bombings told beside them."""
    ev = e.evidence[0]
    m = _RETOLD_NOUN.match(str(ev["text"]), ev["trigger"]["end"] - ev["start"])
    if m is None:
        return False
    return (m.group("strike") is not None and lead.kind in (_BOMBING, _SUICIDE)) or (m.group("bombing") is not None and lead.kind in _STRIKES)

_REMOTE = {"attack.airstrike", "attack.shelling"}
_SUICIDE = "attack.suicide"
_AMBUSH = compiled(r"\bin\s+an?\s+(?:[\w-]+\s+)?ambush\b", re.IGNORECASE)
# A bomb set off by hand is no bomb dropped or fired: "detonated his explosives", "a car bomb".
_PLANTED = compiled(r"\b(?:detonat\w*|blew (?:himself|herself|themselves) up|(?:car|truck) bombs?)\b", re.IGNORECASE)
# A riot's mob attacks and a protest's forms are one unrest, and the shops looted in a riot
# are part of it (ACLED codes looting apart only when no riot holds it).
_UNREST = {"protest", "riot"}
# A general strike is a walkout of its own, not the riot told beside it.
_STRIKE = compiled(r"\b(?:general|nationwide|national) strikes?\b", re.IGNORECASE)
_PART_OF_RIOT = {"looting"}
_STATED = ("text", "context")
# "another bombing", "a second attack": the text says it is not the one told.
_ANOTHER = compiled(
    # ("this second attack", "It was the second attack on Americans in seven months": the one just told, counted)
    r"(?<!\bthis )(?<!\bthat )(?<!\bwas the )(?<!\bis the )(?<!\bmarks the )(?<!\bmarked the )\b(?:another|second|third|new|fresh|separate|further|more(?!\s+than\b))\s+"
    # "a third soldier was wounded", "The second bomber detonated his explosives": another victim or doer of the same blast
    r"(?!(?:[\w-]+\s+)?(?:soldiers?|persons?|people|man|men|woman|women|child(?:ren)?|victims?|officers?|policem[ae]n|civilians?|members?|journalists?|bombers?|attackers?|gunm[ae]n|assailants?)\b)"
    r"(?:[\w-]+\s+){0,2}$",
    re.IGNORECASE,
)

_RENEWED = compiled(r"\b(?:new|fresh|further|renewed|more(?!\s+than\b))\s+(?:[\w-]+\s+){0,2}$", re.IGNORECASE)


# "held a silent vigil", "gathered peacefully": a protest told as peaceful is not the riot.
_PEACEFUL = compiled(r"\b(?:silent|peaceful(?:ly)?|quiet(?:ly)?|without incident)\b", re.IGNORECASE)

_TURNED = compiled(
    r"\b(?:planned|turned|turning|got out of hand|broke away|broke off|degenerated|escalated|descended|spiral+ed|became (?:violent|unruly)|marred)\b",
    re.IGNORECASE,
)


def _peaceful(e: Event) -> bool:
    """Whether the protest's own words say it was peaceful ("a silent vigil", "marched peacefully")."""
    ev = e.evidence[0]
    at, end = ev["trigger"]["start"] - ev["start"], ev["trigger"]["end"] - ev["start"]
    if _TURNED.search(ev["text"]):
        return False  # "the peaceful protest got out of hand", "broke away from a planned peaceful vigil"
    return bool(_PEACEFUL.search(ev["text"], max(0, at - 25), min(len(ev["text"]), end + 25)))


def _strike(e: Event) -> bool:
    return e.family == "protest" and bool(_STRIKE.search(str(e.evidence[0]["trigger"]["text"])))


def same_kind(lead: Event, e: Event) -> bool:
    """Whether ``e`` can retell ``lead``: the same kind, or a generic word for its violence."""
    if _strike(lead) != _strike(e):
        return False  # a general strike is its own event, whatever march or riot is told beside it
    return (
        lead.kind == e.kind
        or (e.kind in _GENERIC and lead.family in _VIOLENT and e.family in _VIOLENT)
        or (lead.family == e.family and lead.family in _UNREST)
        # "a candlelit vigil ... turned into a riot": one night's unrest is one event, a riot
        or (
            {lead.family, e.family} == {"protest", "riot"} and not any(_STRIKE.search(str(x.evidence[0]["trigger"]["text"])) for x in (lead, e))
            and not any(x.family == "protest" and (_peaceful(x) or x.kind == "protest.excessive") for x in (lead, e))  # (nor fire on a rally and the riot after it)
        )
        or (e.kind in _PART_OF_RIOT and lead.family == "riot")
        or (lead.family in ("riot", "clash") and bare_toll(e) and not str(e.evidence[0]["trigger"]["text"]).lower().startswith("kill"))  # "rioters attacked a police station" then "Fifty police officers were injured"
        or {lead.kind, e.kind} == {_BOMBING, _SUICIDE}  # "A suicide car bomber blew himself up ..." then "The blast ..."
        # "A missile strike on a train station" then "when the rockets hit": the fire told before, named again
        or ({lead.kind, e.kind} == _REMOTE and _DEFINITE_BEFORE.search(str(e.evidence[0]["text"]), 0, e.evidence[0]["trigger"]["start"] - e.evidence[0]["start"]) is not None)
        # "killed 12 soldiers in an ambush" then "rebels detonated explosives and opened fire": the ambush's means
        or (lead.family in _VIOLENT and e.family == "attack" and _AMBUSH.search(str(lead.evidence[0]["text"])) is not None)
        # "attacked a Somali army base" then "detonated a car bomb at the gate of the base": the assault's means
        or (lead.family in _VIOLENT and e.family in _VIOLENT and _same_target(str(lead.evidence[0]["text"]), str(e.evidence[0]["text"])))
        # "killed 15 soldiers in an attack on an army post" then "stormed the post": the attack told again
        or (lead.family in _VIOLENT and e.family == "territory" and bool((e.place or {}).get("site")) and _same_target(str(lead.evidence[0]["text"]), str(e.evidence[0]["text"])))
        # "took control of Goma" then "prisoners escaped during the fighting": the battle for the town
        or (lead.family == "territory" and e.kind == "clash.armed" and str(e.evidence[0]["trigger"]["text"]).lower() == "fighting" and _DEFINITE_BEFORE.search(str(e.evidence[0]["text"]), 0, e.evidence[0]["trigger"]["start"] - e.evidence[0]["start"]) is not None)
        or (
            _BOMBING in (lead.kind, e.kind) and {lead.kind, e.kind} - {_BOMBING} <= _REMOTE
            and not any(x.kind == _BOMBING and _PLANTED.search(str(x.evidence[0]["trigger"]["text"])) for x in (lead, e))
        )
    )


_A_TARGET = compiled(r"\b(?:an?|one|the\s+main)\s+(?:[\w-]+\s+){0,3}?(base|camp|barracks|checkpoint|outpost|post|garrison|compound|hotel|convoy|patrol|hospital|school|market)\b", re.IGNORECASE)


def _same_target(told: str, retold: str) -> bool:
    """Whether a sentence names again, as "the base", the target a sentence before told as "a ... base"."""
    return any(re.search(rf"\bthe\s+(?:[A-Z][\w'’-]*\s+){{0,2}}{m.group(1).lower()}\b", retold, re.IGNORECASE) for m in _A_TARGET.finditer(told))


def _own_place(e: Event, text: str = "") -> dict[str, Any] | None:
    if e.place and e.place.get("how") == "context" and text and _named_again(text, e):
        return None  # "the airstrike" named again: the place the last sentences were about is not its own
    return e.place if e.place and e.place.get("how") in (None, "context") else None


def _named_again(text: str, e: Event) -> bool:
    """A definite noun for the event ("the airstrike", "this attack"), not a verb."""
    trig = e.evidence[0]["trigger"]
    return not str(trig["text"]).lower().endswith("ed") and bool(_BACK.search(text, max(0, trig["start"] - 20), trig["start"]))


def _own_date(e: Event) -> dict[str, Any] | None:
    return e.date if e.date and e.date.get("how") in _STATED else None


def _after_told(told: dict[str, Any] | None, carried: dict[str, Any]) -> bool:
    """Whether a day carried over from the sentences before lies after the day the event was
    told on ("Yesterday, the police explained that officers shot ..."): it happened by then."""
    return bool(told and told.get("how") == "told" and carried.get("how") == "context" and str(carried.get("value")) > str(told.get("value")))


def _other_toll(e: Event, members: list[Event]) -> bool:
    """Whether ``e`` counts dead the event's toll does not (more than half as many again, or
    less): another killing, not the same one told again ("at least 30", "42" may be one)."""
    toll = next((m.fatalities for m in members if m.fatalities), None)
    return bool(e.fatalities and toll and max(e.fatalities, toll) >= 1.5 * min(e.fatalities, toll))


def _unnamed(actor: dict[str, Any] | None) -> bool:
    return actor is None or actor.get("how") in ("unnamed", "context")


def _two_tolls_two_towns(own: dict[str, Any] | None, e: Event, joined: list[Event]) -> bool:
    """A town the text names with its own count of dead, and another named town told before
    with another count: two happenings, however near the towns lie (Khan Younis and Rafah)."""
    if own is None or own.get("how") is not None or own.get("feature") != "city" or not e.fatalities:
        return False
    return any(
        x.place is not None and x.place.get("how") is None and x.place.get("feature") == "city"
        and x.place.get("geonameid") != own.get("geonameid") and x.fatalities and x.fatalities != e.fatalities
        for x in joined
    )  # fmt: skip


def _told_in_another_land(text: str, lead: Event, place: dict[str, Any]) -> bool:
    """Whether a happening its sentence places nowhere finer, set in the story's country, which
    that sentence names, lies in another country than ``place``: bombs dropped "across the
    border with South Sudan" on a camp are not the clashes in Talodi, Sudan, told that day."""
    held = lead.place or {}
    if held.get("how") != "article" or not held.get("country_code") or held.get("country_code") == place.get("country_code"):
        return False
    land = country_name(str(held["country_code"]))
    said = str(lead.evidence[0]["text"])
    return bool(land) and re.search(rf"\b{re.escape(land)}\b", said) is not None


# "bombed another UN school", "attacked a second convoy": the target says it is another one.
_ANOTHER_AFTER = compiled(r"\s+(?:[\w-]+\s+){0,2}?(?:another|a second|a third|a separate|a different)\b", re.IGNORECASE)
# "Elsewhere, ...", "In a separate attack, ...": the sentence opens on another happening.
_ELSEWHERE = compiled(
    r"\s*(?:elsewhere|separately|in (?:a|an|another) (?:separate|different|second|later|earlier) [\w-]+"
    r"|earlier (?:on )?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|today),)",  # ("Earlier Monday, troops shot dead a gunman")
    re.IGNORECASE,
)


def opens_elsewhere(text: str, pos: int = 0) -> bool:
    """Whether the sentence at ``pos`` opens on another happening ("Elsewhere, ...", "In an
    earlier airstrike, ...", "In a separate incident, ...")."""
    return _ELSEWHERE.match(text, pos) is not None


_DEFINITE_BEFORE = compiled(r"\bthe\s+(?:[\w-]+\s+){0,2}$", re.IGNORECASE)


def _another(text: str, e: Event) -> bool:
    ev = e.evidence[0]
    trig = ev["trigger"]
    return bool(
        _ANOTHER.search(text[max(0, trig["start"] - 30) : trig["start"]])
        or _ANOTHER_AFTER.match(text, trig["end"], trig["end"] + 40)
        or (_ELSEWHERE.match(str(ev.get("text") or "")) is not None and not _DEFINITE_BEFORE.search(text, max(0, trig["start"] - 30), trig["start"]))
    )  # ("Earlier Saturday, Hollande called the attacks an act of war": the attacks told before)


# "640 Palestinians killed since the assault began": a campaign's running toll, not one strike.
_SINCE_AFTER = compiled(r"\s+(?:[\w-]+\s+){0,3}?(?:since|so far|to date|in total|altogether)\b", re.IGNORECASE)
# "had killed 15 members of the security forces across the country": a tally over many places.
_ACROSS_AFTER = compiled(r"[^.;]{0,60}?\b(?:across|throughout|all over) the country\b", re.IGNORECASE)
# "shot dead at least 38 people ..., as soldiers opened fire on crowds in several cities".
_SEVERAL_AFTER = compiled(r"[^;\n]{0,220}?\bin (?:several|many|various|a number of|at least (?:\w+|\d+)|(?:two|three|four|five|six|\d+)) (?:other )?(?:cities|towns)\b", re.IGNORECASE)


# "The rebels used suicide boats packed with explosives in the attack near Trincomalee": the
# means of a violent event told before, named again.
_IN_THE_ATTACK = compiled(r"\b(?:in|during|for)\s+the\s+(?:attack|assault|ambush|raid|fighting|clash(?:es)?|battle)\b", re.IGNORECASE)


def _told_as_part_of(e: Event, lead: Event) -> bool:
    """Whether ``e`` retells a part of the violent event ``lead`` ("used suicide boats in the attack"),
    or the harm done to a crowd at its protest ("Police used tear gas ..., and dozens of protesters
    were injured": the protest's, one event)."""
    if e.kind in _GENERIC and lead.family in ("protest", "riot") and (e.actor2 or {}).get("type") in ("protesters", "rioters"):
        return True
    if e.family in ("looting", "territory") and lead.family in _VIOLENT:
        ev = e.evidence[0]
        m = _ATTACKERS_BEFORE.search(str(ev["text"]), 0, ev["trigger"]["start"] - ev["start"])  # "The attackers ... set fire to houses"
        return m is not None and (e.family == "looting" or _RAIDERS.search(m.group()) is not None)  # "... stormed the village" (not "the rebels took the town")
    return e.family in _VIOLENT and lead.family in _VIOLENT and bool(_IN_THE_ATTACK.search(str(e.evidence[0]["text"])))


_SUPERLATIVE_BEFORE = compiled(r"\b(?:deadliest|bloodiest|worst|biggest|largest|heaviest|fiercest|most\s+(?:deadly|lethal|serious|violent|devastating))\s+(?:[\w-]+\s+)?$", re.IGNORECASE)


def _cumulative(text: str, e: Event) -> bool:
    ev = e.evidence[0]
    trig = ev["trigger"]
    if e.kind in _GENERIC and (_ACROSS_AFTER.match(text, trig["end"], trig["end"] + 80) or _SEVERAL_AFTER.match(text, trig["end"], ev["end"])):
        return True
    if e.kind in _GENERIC and _SINCE_AFTER.match(text, trig["end"], trig["end"] + 40) and not _SUPERLATIVE_BEFORE.search(text, max(0, trig["start"] - 30), trig["start"]):
        return True  # (not "the deadliest attack on the capital since 1994": this attack, measured)
    # "The war has killed more than 10,000 people": the whole war's toll, no one strike's.
    return whole_war_toll(str(ev["text"]), trig["start"] - ev["start"], trig["end"] - ev["start"])


# "A SAF spokesman denied the attack occurred", "denied any bombing": a denial of an event
# told before, not a denied event of its own.
_BACK = compiled(r"\b(?:the|any|this|that|such|these|those)\s+(?:[\w-]+\s+)?$", re.IGNORECASE)


def _refers_back(text: str, e: Event) -> bool:
    trig = e.evidence[0]["trigger"]
    m = _BACK.search(text, max(0, trig["start"] - 20), trig["start"])
    # "denied any bombing in South Sudan": whatever bombing was told, wherever the denial places it.
    return m is not None and ((e.place or {}).get("how") is not None or m.group().lower().startswith("any"))


def referent(earlier: list[Event], e: Event, anywhere: bool = False) -> Event | None:
    """The event told before that a definite noun ("the attack", "the strikes") names again:
    the last of a kind it can retell, at a place that can be its own (at any place with
    ``anywhere``: the noun's sentence names no place of its own), dated by the text."""
    if e.family not in (*_VIOLENT, "territory", "force"):
        return None  # "the protests" of a wave name the wave, not its last night
    for lead in reversed(earlier):
        if lead.layer != "material" or not same_kind(lead, e) or _retells_other(lead, e) or not (anywhere or places_agree(lead.place, e.place)):
            continue
        if ((lead.date or {}).get("how") in ("text", "lead") or (lead.date is None and e.date is None)) and not lead.background:
            return lead  # (an undated story: the first telling, undated too)
    return None


_SERIES = compiled(r"\b(?:days?|nights?|weeks?)\s+of\b", re.IGNORECASE)  # as sitrep.events.dating.series
_YEAR_WRITTEN = compiled(r"\b(?:1[89]|20)\d\d\b")
_RECENT = compiled(r"\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|yesterday|tonight|last night|this morning|overnight)\b", re.IGNORECASE)


def _other_side_abroad(lead: Event, e: Event, own_place: dict[str, Any]) -> bool:
    """Whether ``e``, told in a town of another land than the one ``lead`` is placed in by the
    story's town, is done by a named doer of another kind (a state's forces, a militia): the
    other side's act, not the lead's."""
    there = (lead.place or {}).get("country_code")
    a, b = lead.actor1 or {}, e.actor1 or {}
    return (
        own_place.get("how") is None and bool(there) and own_place.get("country_code") not in (None, "", there)
        and not _unnamed(lead.actor1) and not _unnamed(e.actor1) and a.get("name") != b.get("name") and a.get("type") != b.get("type")
    )  # fmt: skip


def _tells_own(e: Event) -> bool:
    """Whether a mention's sentence gives its own place or day."""
    return (e.place is not None and e.place.get("how") is None) or (e.date or {}).get("how") == "text"


def one_per_event(events: list[Event], text: str, recalled: Callable[[dict[str, Any] | None], bool] | None = None) -> list[Event]:
    """Join the mentions of one happening in one article; the article's order of events kept.

    A mention with no day of its own is not joined to a happening the article recalls from
    long before (``recalled`` says which days are a month or more before the story's), unless
    it is the story's first. With no publication date (``recalled`` None), a mention dated by
    a year written out joins no undated event: the story's own time is unknown, not 1985: "Protesters threw petrol bombs
    at the courthouse" is today's, not the 1985 demonstration told a sentence before."""
    clusters: list[list[int]] = []
    place_of: list[dict[str, Any] | None] = []
    date_of: list[dict[str, Any] | None] = []
    order = sorted(range(len(events)), key=lambda i: events[i].evidence[0]["trigger"]["start"])
    for i in order:
        e = events[i]
        if e.modality == "planned" or (e.modality == "denied" and not _refers_back(text, e) and _tells_own(e)):
            # (a denial that names no place or day of its own is of the happening just told: "denied that
            # his forces were responsible and suggested the Government had shelled its own people")
            clusters.append([i])
            place_of.append(_own_place(e, text))
            date_of.append(_own_date(e))
            continue
        own_place, own_date = _own_place(e, text), _own_date(e)
        home = None
        another = _another(text, e)
        # "more clashes", "fresh riots": more than the days before, not other than the headline's.
        renewed = another and _RENEWED.search(text, max(0, e.evidence[0]["trigger"]["start"] - 30), e.evidence[0]["trigger"]["start"]) is not None
        if not _cumulative(text, e):
            # A riot told in the same sentence first: "pitching bricks ... in furious clashes with cops".
            riots = [c for c in range(len(clusters)) if _one_sentence_riot(events[clusters[c][0]], e)]
            for c in [*riots, *range(len(clusters) - 1, -1, -1)]:
                lead = events[clusters[c][0]]
                if (another and not (renewed and lead.evidence[0]["start"] == 0)) or elsewhere(text, e.evidence[0]["trigger"], own_place, place_of[c]):
                    continue  # "fresh riots" are other than the riots told before, but the headline's ("more clashes"); "also reported in Darfur"
                if not (same_kind(lead, e) or c in riots or _told_as_part_of(e, lead)) or lead.modality in ("denied", "planned") or _retells_other(lead, e) or (e.family == "force" and two_states(lead, e)):
                    continue
                if _cumulative(text, lead) and lead.evidence[0]["start"] != e.evidence[0]["start"]:
                    # "shot dead 38 ... in several cities": a tally of many towns takes no one town's
                    # dead told after it (its own sentence's offensive is the tally's: "600 killed so
                    # far in the 12 days of the offensive")
                    continue
                if own_place is not None and own_place.get("how") is None and (lead.place or {}).get("how") == "context" and _ELSEWHERE.match(str(lead.evidence[0].get("text") or "")):
                    continue  # "In an earlier airstrike, three cousins ... were killed", placed only by the sentences before: "42 killed in the Jabaliya school" retells another
                stormed = lead.family in _VIOLENT and e.family == "territory"  # (the post attacked, then stormed: same_kind)
                if (lead.place or {}).get("site") != (e.place or {}).get("site") and not stormed and not ((e.place or {}).get("site") is None and (own_place is None or own_place.get("feature") in ("country", "admin1"))):
                    continue  # the jail taken in a town is not the town taken (a mention placed nowhere finer may retell either)
                if any(events[k].evidence[0]["trigger"]["start"] == e.evidence[0]["trigger"]["start"] for k in clusters[c]):
                    continue  # "airstrikes on Khan Younis and Rafah": one trigger told in two towns is two scenes, however near
                held = date_of[c]
                if own_date is not None and held is None and _other_toll(e, [events[k] for k in clusters[c]]) and not _IN_THE_ATTACK.search(str(e.evidence[0]["text"])):
                    # ("Nine soldiers were also killed in the clashes Saturday": the clashes told before, the other side's dead)
                    continue  # "a tank fired on a building, killing four, on Monday" is not the undated strike that killed 40
                if own_date is None and _SERIES.search(str((held or {}).get("text") or "")) and not _SERIES.search(str((e.date or {}).get("text") or "")):
                    continue  # "five days of rioting" began on the 6th; petrol bombs told undated are not its first day
                if c > 0 and own_date is None and held is not None and (
                    recalled(held) if recalled is not None else bool(_YEAR_WRITTEN.search(str(held.get("text") or "")))
                ):
                    continue  # (the story's first event may be an old one: a trial retells its killing)
                if own_date is not None and date_of[c] is None and (
                    (recalled is not None and recalled(own_date))
                    or (_YEAR_WRITTEN.search(str(own_date.get("text") or "")) and (recalled is None or _RECENT.search(str(lead.evidence[0]["text"]))))
                    or ((lead.date or {}).get("how") == "lead" and far_apart(lead.date, own_date) and lead.evidence[0]["start"] != e.evidence[0]["start"])  # (Sunday's rockets, the story's news, are not the raid of July 12)
                ):  # fmt: skip
                    # "In November 1973, students barricaded themselves" is not today's barricades;
                    # with no publication date, "the shooting on Saturday" is not the killing "in 1985"
                    continue
                if _two_tolls_two_towns(own_place, e, [events[k] for k in clusters[c]]) or ((e.place or {}).get("how") == "context" == (lead.place or {}).get("how") and not places_agree(e.place, lead.place)):
                    continue  # "air strikes on Khan Younis killed 45"; "In Rafah, a strike killed 12": two strikes (each told after its town)
                if place_of[c] is None and own_place is not None and (_other_side_abroad(lead, e, own_place) or _told_in_another_land(text, lead, own_place) or story_town_apart(lead, e, own_place)):
                    continue  # Israeli shells on Qana (the story's town) and Hezbollah's rockets into Kiryat Shemona; bombs dropped "across the border with
                    # South Sudan" and a killing in Sudan; "a shell hit a house" in the Fallujah story and an attack in Mosul: two happenings each
                if places_agree(place_of[c], own_place) and (dates_agree(date_of[c], own_date) or overnight_retold(text, e.evidence[0]["trigger"], date_of[c], own_date)):
                    home = c
                    break
        if home is None:
            clusters.append([i])
            place_of.append(own_place)
            date_of.append(own_date)
            continue
        clusters[home].append(i)
        # The event's place and day narrow to the finest the mentions give.
        here, day = place_of[home], date_of[home]
        if own_place and (here is None or (finer(own_place, here) and not (own_place.get("how") == "context" and here.get("how") is None and here.get("feature") == "city"))):
            # (a place carried over from the sentence before does not narrow a town the text gave
            # the event to a site in it: "killed dozens of fighters" after a sentence on Nasser Hospital)
            place_of[home] = own_place
        if own_date and (day is None or len(str(own_date["value"])) > len(str(day["value"]))):
            date_of[home] = own_date
    position = {i: k for k, i in enumerate(order)}
    keep: dict[int, Event] = {}
    for c, members in enumerate(clusters):
        # The article's first-told mention stays the event (its kind and actors were
        # read first and most fully); the others fill the day, place and toll it lacks.
        first = min(members)
        event = events[first]
        for i in sorted(members, key=lambda k: position[k]):
            if i == first:
                continue
            other = events[i]
            if event.fatalities is None and other.fatalities is not None:
                event.fatalities = other.fatalities
            if _unnamed(event.actor1) and not _unnamed(other.actor1) and (other.actor1 or {}).get("type") != "civilians" and not responders(event, other):
                event.actor1 = other.actor1  # "They (the Taliban) entered the city": the doer
            if event.actor2 is None and other.actor2 is not None and other.actor2.get("name") != (event.actor1 or {}).get("name"):
                event.actor2 = other.actor2
            event.evidence.extend(other.evidence[:1])
        if event.actor1 and event.actor2 and event.actor1.get("type") == "state" and event.actor1.get("name") == event.actor2.get("name"):
            event.actor2 = None  # one force told twice ("officers shot him ... at the cops"), not two sides
        best_date, best_place = date_of[c], place_of[c]
        if _own_date(event) is None and best_date is not None and not _after_told(event.date, best_date):
            event.date = {**best_date}
        if event.date and event.date.get("how") == "context":
            # The same day told by a mention's own words or its report's day is firmer
            # than one carried over from the sentence before.
            firm = [
                events[i].date
                for i in members
                if (events[i].date or {}).get("how") in ("text", "published", "lead")
            ]
            event.date = next(
                ({**d} for d in firm if d and d.get("value") == event.date.get("value")), event.date
            )
        if best_place is not None and (_own_place(event) is None or finer(best_place, event.place or {})):
            # "Greece rocked by more clashes" then "clashes in Athens": the clashes were in Athens.
            if (event.place or {}).get("feature") in ("admin1", "region", "country") and best_place.get("feature") in ("city", "landmark", "admin2"):
                # "Shelling killed five in the Kharkiv region"; "Two women were killed ... in Kupiansk": the town's own dead
                town = next((f for i in members if events[i] is not event and (f := events[i].fatalities) is not None and (events[i].place or {}).get("geonameid") == best_place.get("geonameid") and not (events[i].place or {}).get("how")), None)
                event.fatalities = town if town is not None and (event.fatalities is None or town <= event.fatalities) else event.fatalities
            event.place = {**best_place}
        riot = next((events[i] for i in members if events[i].family == "riot"), None)
        if event.family in ("protest", "clash") and riot is not None:
            # The protest became the riot told with it: ACLED's violent demonstration.
            event.kind, event.family, event.layer = riot.kind, riot.family, riot.layer
            event.acled, event.plover, event.actor1 = riot.acled, riot.plover, riot.actor1
        keep[first] = event
    return _same_key_join([keep[i] for i in sorted(keep)])


def _one_sentence_riot(lead: Event, e: Event) -> bool:
    """Two riot readings of one sentence, or a riot and a crowd's clash told with it."""
    return (
        {lead.family, e.family} <= {"riot", "clash"} and "riot" in (lead.family, e.family)
        and lead.evidence[0]["start"] == e.evidence[0]["start"] and _crowd_clash(lead) and _crowd_clash(e)
    )  # fmt: skip


def _crowd_clash(e: Event) -> bool:
    """A riot, or a clash with no side but state forces and crowds ("pitching bricks ... in furious
    clashes with cops"): a part of the riot its sentence tells, not a battle of its own."""
    if e.family == "riot":
        return True
    return not any(a and a.get("type") in ("rebel", "militia", "unidentified", "external", "identity") for a in (e.actor1, e.actor2))


def _same_key_join(events: list[Event]) -> list[Event]:
    """Events of one kind at one place on one day are one event on the map, however told."""
    seen: dict[tuple[Any, ...], Event] = {}
    out: list[Event] = []
    for e in events:
        place, day = e.place or {}, e.date or {}
        key = (
            e.kind,
            place.get("geonameid") or place.get("name"),
            place.get("site"),
            day.get("value"),
            e.modality == "denied",
        )
        if key[1] is None or key[3] is None:
            out.append(e)
            continue
        if key in seen:
            first = seen[key]
            first.evidence.extend(e.evidence[:1])
            if first.fatalities is None:
                first.fatalities = e.fatalities
            continue
        seen[key] = e
        out.append(e)
    return out
