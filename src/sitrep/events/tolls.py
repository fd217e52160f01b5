"""Death tolls: the figure a sentence gives an event, tolls told in the sentences after it, and coded totals.

A toll ("killing 12", "one of them died") belongs to the act that caused it; a toll
sentence with no act of its own ("The death toll rose to 40.") is the previous act's.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from sitrep.events.agree import TOLL_TRIGGER, bare_toll, places_agree
from sitrep.events.combine import year_clause
from sitrep.events.corefer import opens_elsewhere
from sitrep.events.lexicon import Kind, cues
from sitrep.events.wartoll import span_tally, tells_war_toll
from sitrep.lowercue import LowerCue
from sitrep.model import Event, Place, Quantity, TimeRef
from sitrep.rxfactor import compiled

_VIOLENT_FAMILIES = {"attack", "clash", "riot", "territory", "protest"}


# One death told without a number. The singular verb ("was", "died") and article carry
# the count, so the victim may be any noun phrase ("1 imam and religious scholar was shot
# and killed", "the head of the defense group was killed", "killing a minor").
_DEATH = r"(?:killed|shot dead|shot and killed|stabbed to death|beaten to death|found dead|murdered|lynched|hacked to death|executed|burnt to death|burned to death)"


# "Another soldier was killed": one more death (not "another 20 people", which a count tells).
_ANOTHER_ONE = r"another(?!\s+(?:\d|two|three|four|five|six|seven|eight|nine|ten|dozen|hundred|several|few|many|couple)\b)"


_KILLED_ONE = LowerCue(compiled(
    r"\b(?:a|an|one|1|the|" + _ANOTHER_ONE + r")\s+(?:[\w'-]+\s+){0,5}?(?:was|has been|had been)\s+(?:(?!were\b|and\b|or\b)\w+\s+){0,4}?" + _DEATH + r"\b"
    r"|\b(?:a|an|one|1|the)\s+(?:[\w'-]+\s+){0,4}?[\w'-]+\s+(?:subsequently\s+|later\s+|then\s+)?(?:died|succumbed)\b"
    r"|\b(?:killed|shot dead|murdered|lynched|stabbed to death|beat to death|beating to death|executed|hacked to death|killing|shot and killed|shooting dead)"
    r"\s+(?:a|an|one|the)\s+(?!number\b|total\b|few\b|dozen\b|couple\b|group\b|family\b|crew\b)(?:[\w'-]+\s+){0,4}?[\w'-]+\b(?!\s+(?:and|including)\b)"
    r"|\b(?:he|she)\s+(?:was\s+)?(?:killed|died)\b|\bkilling (?:one|another|him|her)\b",
    re.IGNORECASE,
), needs=compiled(r"kill|dead|death|murder|lynch|execut|died|succumb", re.IGNORECASE))  # (every branch holds one)


_KILLED_BOTH = LowerCue(compiled(r"\bboth\b[^.;]{0,40}?\b(?:were|was)\s+(?:\w+\s+){0,2}?(?:killed|shot dead|murdered|lynched|executed)\b", re.IGNORECASE), needs=compiled("both", re.IGNORECASE))




_TOTAL_LINE = compiled(r"\s*(\d+) fatalit(?:y|ies)(?: (?:reported|in total|total))?\.?\s*$", re.IGNORECASE)


_FATALITIES_CODED = compiled(r"\bfatalities (?:were |are )?coded as (\d+)", re.IGNORECASE)


def _toll(text: str, span: tuple[int, int], quantities: list[Quantity]) -> int | None:
    sentence = text[span[0] : span[1]]
    coded = _FATALITIES_CODED.search(sentence)
    if coded:
        return int(coded.group(1))
    killed = [q for q in quantities if span[0] <= q.start and q.end <= span[1] and q.fatality == "killed" and q.value is not None]
    if killed:
        return int(sum(q.low if q.low is not None else q.value for q in killed if q.value is not None))
    return _killed_words(sentence)


def carry_tolls(
    events: list[Event], text: str, sentences: list[tuple[int, int]], quantities: list[Quantity], places: Sequence[Place] = (),
    times: Sequence[TimeRef] = (),
) -> list[Event]:
    """Deaths told in the sentences after a violent event are that event's toll.

    "JNIM militants attacked a police station ... At least 2 policemen were
    killed." The second sentence is no second attack: its dead go to the first
    event, and its bare "killed" event is dropped. A new violent event with an
    actor of its own, a paragraph break or three sentences end the search.
    """
    index = {span[0]: i for i, span in enumerate(sentences)}
    by_sentence: dict[int, list[Event]] = {}
    for e in events:
        by_sentence.setdefault(index.get(e.evidence[0]["start"], -1), []).append(e)
    dropped: set[str] = set()
    for e in events:
        if e.fatalities is not None and e.family in _VIOLENT_FAMILIES and e.id not in dropped:
            dropped.update(f.id for f in _disputed(e, by_sentence.get(index.get(e.evidence[0]["start"], -2) + 1, []), text, sentences, index, places))
        if e.fatalities is not None or e.family not in _VIOLENT_FAMILIES or e.id in dropped:
            continue
        i = index.get(e.evidence[0]["start"], -1)
        if i >= 0 and _KILL_WORD.search(text, sentences[i][0], sentences[i][1]) and opens_elsewhere(text, sentences[i][0]):
            continue  # "In an earlier airstrike, three cousins ... were killed": its own dead, not the school's 42 told next
        for k in range(i + 1, min(i + 4, len(sentences))):
            if "\n\n" in text[sentences[k - 1][1] : sentences[k][0]] and not (
                (bare := by_sentence.get(k, [])) and all(_is_toll(f, e) for f in bare)
                and not any(sentences[k][0] <= p.start < sentences[k][1] for p in places)
                and sum(sentences[k][0] <= q.start < sentences[k][1] and q.fatality == "killed" for q in quantities) <= 1
            ):  # (a paragraph of its dead or hurt alone, one count and no place of its own: "At least 12 people were killed, according to hospital officials")
                break
            if tells_war_toll(text[sentences[k][0] : sentences[k][1]]) or span_tally(text[sentences[k][0] : sentences[k][1]]):
                break  # "The war has killed more than 10,000 people", "200,000 killed in the past month": no one attack's dead
            if _other_years(e, times, sentences[k]):
                break  # "the deaths of 1.7 million Cambodians when the group held power in the late 1970s": another time's dead
            home = (e.place or {}).get("country_code")
            if home and any(sentences[k][0] <= p.start < sentences[k][1] and not p.adjectival and p.country_code and p.country_code != home for p in places):
                break  # "as they did during Rwanda, where close to a million people were massacred": another country's dead
            # "Fifty police officers were injured and 70 protesters were hospitalized" after a
            # riot: the crowd named again is the riot's, no event of its own to stop at.
            here = [f for f in by_sentence.get(k, []) if not (e.family in _CROWD_FAMILIES and f.family in _CROWD_FAMILIES and _CROWD_NOUN.fullmatch(f.evidence[0]["trigger"]["text"]))]
            tolls = [f for f in here if _is_toll(f, e)]
            if any(f.family in _VIOLENT_FAMILIES and f not in tolls for f in here):
                break
            toll = _toll(text, sentences[k], quantities)
            if toll is not None:
                e.fatalities = toll
                dropped.update(f.id for f in tolls)
                break
            hurt = [f for f in tolls if _HURT_WORD.fullmatch(f.evidence[0]["trigger"]["text"])]
            if k == i + 1 and hurt and len(hurt) == len(here) and not _KILL_WORD.search(text, sentences[k][0], sentences[k][1]):
                # "At least 50 people were injured, including several journalists": its hurt, no attack of their own
                e.actor2 = e.actor2 or next((f.actor2 for f in hurt if f.actor2), None)
                dropped.update(f.id for f in hurt)
                break
    return [e for e in events if e.id not in dropped]


_CUMULATIVE = compiled(r"\b(?:since|so far|in total|altogether|to date)\b|\bthis (?:year|month|week)\b", re.IGNORECASE)  # ("800 killed since the fighting began")
_SEAT_BEFORE = cues()["speaker_seat_before"]
_TOLD_DEAD = compiled(r"\b(?:been|were|was)\s+$")
_ANOTHER_SOURCE = compiled(r"\b(?:said|says|put the (?:toll|figure|number)|according to|reported)\b", re.IGNORECASE)


def _disputed(e: Event, nxt: list[Event], text: str, sentences: list[tuple[int, int]], index: dict[int, int], places: Sequence[Place]) -> list[Event]:
    """The bare tolls of the sentence right after ``e``'s that only give another source's count of
    its dead ("State media said 10 were killed in the riots. The government-in-exile said at least
    30 Tibetans had been killed"): the same happening disputed, joined to it (their sentence kept
    as its evidence), not a second event."""
    if not nxt or not all(
        bare_toll(f) and f.fatalities is not None and f.fatalities != e.fatalities
        and _TOLD_DEAD.search(str(f.evidence[0]["text"]), 0, f.evidence[0]["trigger"]["start"] - f.evidence[0]["start"])
        for f in nxt
    ):  # (the dead told again in the passive: "had been killed"; not "groups had killed 15 ... across the country")
        return []
    a, b = sentences[index[nxt[0].evidence[0]["start"]]]
    said = _ANOTHER_SOURCE.search(text, a, b)
    seat = -1  # (where the last speaker's seat ended: "in Dharamsala, India,")
    for p in sorted((p for p in places if a <= p.start < b and not p.adjectival), key=lambda p: p.start):
        if _SEAT_BEFORE.search(text, max(a, p.start - 50), p.start) or text[seat : p.start] == ", ":
            seat = p.end
        else:
            return []  # a place of its own: another town's dead ("the government-in-exile in Dharamsala" is a speaker's seat)
    if said is None or _CUMULATIVE.search(text, a, b):
        return []
    e.evidence.extend(f.evidence[0] for f in nxt)
    return nxt


def _other_years(e: Event, times: Sequence[TimeRef], span: tuple[int, int]) -> bool:
    """Whether the sentence at ``span`` dates what it tells to years other than the event's
    (a day of the same year may be the toll's own: "by Thursday the toll had risen to 12")."""
    year = str((e.date or {}).get("value") or "")[:4]
    if len(year) < 4:
        return False
    told = [str(t.value)[:4] for t in times if span[0] <= t.start < span[1] and t.type == "date" and t.value]
    return any(not (year.startswith(v) or v.startswith(year)) for v in told)


_CROWD_FAMILIES = ("riot", "protest", "clash")
_CROWD_NOUN = compiled(r"(?:protest[eo]rs|demonstrators|rioters|marchers|crowds?)", re.IGNORECASE)
_HURT_WORD = compiled(r"injur(?:ed|ing|ies|y)|wounded|wounding|hurt", re.IGNORECASE)
_KILL_WORD = compiled(r"\b(?:killing|killed|kills|dead|died|deaths)\b", re.IGNORECASE)


def _toll_to_its_clause(mine: list[Event]) -> None:
    """"Marines battled insurgents in Fallujah, and a car bomb in Baghdad killed 10": the dead
    are those of the event told last before the killing word, not of every event of the sentence."""
    violent = [e for e in mine if e.family in ("attack", "clash") and e.fatalities]
    if len({e.evidence[0]["trigger"]["start"] for e in violent}) < 2 or len({e.fatalities for e in violent}) != 1:
        return
    ev = violent[0].evidence[0]
    kill = _KILL_WORD.search(str(ev["text"]))
    if kill is None:
        return
    at = ev["start"] + kill.start()
    before = [e for e in violent if e.evidence[0]["trigger"]["start"] <= at]
    if not before:
        return
    owner = max(before, key=lambda e: e.evidence[0]["trigger"]["start"])
    sentence, s_start = str(ev["text"]), ev["start"]
    when = {year_clause(sentence, e.evidence[0]["trigger"]["start"] - s_start) for e in violent}
    if len(when) == 1 and all((e.place or {}).get("name") == (owner.place or {}).get("name") for e in violent):
        return  # one scene and time: the toll is the scene's, whichever word told it
    for e in violent:
        if e is not owner:
            e.fatalities = None


def _unrest_after_killing(mine: list[Event]) -> None:
    """"Police shot dead a student on Saturday, and riots broke out that night": the dead are the
    shooting's; the unrest told after it carries no second count of them."""
    for e in mine:
        if e.family in ("riot", "protest") and e.kind != "protest.excessive" and e.fatalities is not None and any(
            a.family == "attack" and a.fatalities == e.fatalities and a.evidence[0]["trigger"]["start"] < e.evidence[0]["trigger"]["start"]
            for a in mine
        ):
            e.fatalities = None


_RIOT_PARTICIPLE = compiled(r"(?:,|\band)\s+$")


def _riot_participles(events: list[Event], n_before: int) -> None:
    """"Thousands clashed with police, setting fire to vehicles and attacking bystanders": the
    crowd's attack told as a participle of the riot is the riot itself, not a second event
    (nor one by the police its sentence named last)."""
    mine = events[n_before:]
    riot = next((e for e in mine if e.family == "riot"), None)
    if riot is None:
        return
    for e in mine:
        ev = e.evidence[0]
        at = ev["trigger"]["start"] - ev["start"]
        if (
            e.kind == "attack.civilians" and str(ev["trigger"]["text"]).lower().endswith("ing") and e.fatalities is None
            and ev["trigger"]["start"] > riot.evidence[0]["trigger"]["start"] and _RIOT_PARTICIPLE.search(ev["text"], max(0, at - 6), at)
        ):  # fmt: skip
            events.remove(e)


def _abduction_beside_killing(mine: list[Event]) -> None:
    """"Insurgents killed 30 people in an attack on a village, abducting women": the dead are the
    attack's; the abduction told beside it carries no second count of them."""
    acts = {e.fatalities for e in mine if e.family in ("attack", "clash") and e.fatalities}
    for e in mine:
        if e.kind == "abduction" and e.fatalities in acts:
            e.fatalities = None


def toll_into_act(events: list[Event], n_before: int) -> None:
    """In one sentence, "were killed" is the toll of the clash, attack or blast it names.

    "Four soldiers were killed when the Taliban clashed with the army": the
    clash is the event; its dead and its victims come from the bare toll, which
    is dropped.
    """
    _participle_tolls(events, n_before)
    _riot_participles(events, n_before)
    mine = events[n_before:]
    _abduction_beside_killing(mine)
    _unrest_after_killing(mine)
    _toll_to_its_clause(mine)
    toll = mine[0] if mine and bare_toll(mine[0]) else next((e for e in mine if _the_dead(e) or (bare_toll(e) and _killed_in(e, mine))), None)
    if len(mine) < 2 or toll is None:
        return
    act = next((e for e in mine if e is not toll and e.family in ("attack", "clash", "riot") and not bare_toll(e)), None)  # ("killed in Friday's riots")
    if act is None:
        return
    if act.fatalities is None:
        act.fatalities = toll.fatalities
    if toll is not mine[0] and not _the_dead(toll):
        pass  # "killed in clashes between Serb police and ethnic Albanians": the act's sides stand
    elif _the_dead(toll):
        # "Five people died when police clashed with protesters": the act's sides stand, but
        # "Three people also died in an air strike": the dead are no side of the strike.
        # (A clash's dead named as a side are read off by the readings of the article.)
        if act.family == "attack" and act.actor1 is not None and toll.actor1 is not None and act.actor1["name"] == toll.actor1["name"]:
            act.actor1, act.actor2 = None, act.actor2 or toll.actor1
    elif act.actor1 is not None and toll.actor2 is not None and act.actor1["name"] == toll.actor2["name"]:
        # "a man was killed in a drive-by shooting": the man is the victim, not the shooter.
        act.actor1, act.actor2 = toll.actor1, toll.actor2
    elif act.actor2 is None and toll.actor2 is not None:
        act.actor2 = toll.actor2
    events.remove(toll)


_IN_THE_ACT = compiled(r"\s+(?:in|during)\s+(?:the\s+|[\w'’]+\s+){0,3}")


def _killed_in(toll: Event, mine: list[Event]) -> bool:
    """"10 people were killed in Friday's riots": the toll names the act it happened in; "Ethnic
    rioting in Xinjiang killed 140 people", "a brawl at a toy factory ..., where two workers were
    killed": the act told just before is the toll's subject or its scene."""
    ev = toll.evidence[0]
    t0, t1 = ev["trigger"]["start"] - ev["start"], ev["trigger"]["end"] - ev["start"]
    for e in mine:
        if e is toll or e.evidence[0]["start"] != ev["start"]:
            continue
        a0, a1 = e.evidence[0]["trigger"]["start"] - ev["start"], e.evidence[0]["trigger"]["end"] - ev["start"]
        if _IN_THE_ACT.fullmatch(ev["text"], t1, a0) or (a1 <= t0 and _ACT_THEN_TOLL.fullmatch(ev["text"], a1, t0)):
            return True
    return False


# the act, a phrase of where, then its toll: " in China's far western Xinjiang region " ("rioting ... killed"),
# " last month at a toy factory in Guangdong province, where two Uighur workers were "
_ACT_THEN_TOLL = compiled(r"(?:\s+(?:in|at|on|near|across|outside)\s+[^,.;]{1,60}?)?\s+|[^.;]{0,80}?,\s+where\s+[^,.;]{0,50}?\s+(?:were|was|had\s+been)\s+")


_HARM_PARTICIPLE = compiled(r"(?:killing|wounding|injuring)$", re.IGNORECASE)
_TOLL_OWNERS = ("attack", "clash", "riot")
_FORCED_PROTESTS = ("protest.excessive", "protest.intervention")


def _participle_tolls(events: list[Event], n_before: int) -> None:
    """"Security forces opened fire on demonstrators, killing 15": the killing is the toll of
    the act the clause tells, by the same doer (or an unnamed one), not a second event."""
    mine = events[n_before:]
    for i, f in enumerate(mine):
        ev = f.evidence[0]
        head = ev["text"][: ev["trigger"]["start"] - ev["start"]].rstrip()
        if i == 0 or f.kind != "attack.civilians" or not _HARM_PARTICIPLE.match(ev["trigger"]["text"]) or not head.endswith(","):
            continue
        unnamed = f.actor1 is None or f.actor1.get("how") == "unnamed"
        act = next(
            (e for e in reversed(mine[:i]) if (e.family in _TOLL_OWNERS or e.kind in _FORCED_PROTESTS) and e in events
             and (unnamed or (e.actor1 or {}).get("name") == f.actor1["name"])),  # type: ignore[index]
            None,
        )  # fmt: skip
        if act is None:
            continue
        if act.fatalities is None:
            act.fatalities = f.fatalities
        events.remove(f)


def _the_dead(f: Event) -> bool:
    """"Twelve people died": the people named are the dead, told as a toll."""
    return f.kind == "attack.civilians" and f.evidence[0]["trigger"]["text"].lower() == "died" and (f.actor1 or {}).get("type") == "civilians"


def _is_toll(f: Event, e: Event) -> bool:
    """Whether ``f`` only tells the toll of ``e``: a bare "were killed", or "the blast" again."""
    if f.actor1 is not None and f.actor1.get("how") != "unnamed":
        return False
    if f.place and e.place and f.place.get("how") is None and e.place.get("how") is None and not places_agree(f.place, e.place):
        return False  # "... an artillery shell hit a UN school in Khan Younis": another town's blast
    ev = f.evidence[0]
    trigger = ev["trigger"]["text"]
    generic = f.kind in ("attack.civilians", "clash.armed") and bool(TOLL_TRIGGER.match(trigger))
    # "killed in the attack": the attack already told.
    before = (" " + ev["text"][: ev["trigger"]["start"] - ev["start"]]).rstrip().lower()
    if before.endswith((" a", " an", " another")):
        return False  # "An airstrike in Zeitun left one militant dead": a new strike, not the last one's toll
    again = f.family == e.family and before.endswith((" the", " this", " that"))
    return generic or again or (f.family == e.family and f.kind == e.kind)


def coded_totals(events: list[Event], text: str, sentences: list[tuple[int, int]]) -> None:
    """A note's own total ("2 fatalities.") is the toll of its first violent event."""
    first = next((e for e in events if e.family in _VIOLENT_FAMILIES), None)
    if first is None:
        return
    for a, b in sentences:
        m = _TOTAL_LINE.match(text, a, b)
        if m and a > first.evidence[0]["start"]:
            first.fatalities = int(m.group(1))
            return
        coded = _CODED_SPLIT.search(text, a, b)
        if coded and a >= first.evidence[0]["start"]:
            # "Unclear fatalities coded as 12 and split between 2 locations": this one's share.
            total, parts, first_part = int(coded.group(1)), coded.group(2), coded.group(3)
            first.fatalities = int(first_part) if first_part else total // _number(parts) if parts else total
            return


def _number(word: str) -> int:
    return int(word) if word.isdigit() else {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6}.get(word.lower(), 1)


_CODED_SPLIT = compiled(
    r"\bfatalities (?:were |are |was )?coded as (\d+)"
    r"(?:[^.]{0,40}?\b(?:split|spread|divided) (?:between|across|among|over) (\d+|two|three|four|five|six) (?:\w+ )?(?:locations|events|villages|places|areas)"
    r"(?:\s*\((\d+)\s*,)?)?",
    re.IGNORECASE,
)


def toll_of(kind: Kind, sentence: str, quantities: list[Quantity], s_start: int = 0) -> int | None:
    """The deaths a violent event's own sentence gives (which starts at ``s_start`` in the text
    the quantities' offsets count in): a counted toll, else one told in words."""
    if kind.family not in _VIOLENT_FAMILIES and kind.name not in ("abduction", "riot.mob", "disaster"):
        return None
    if _WAR_TOLL.search(sentence) or tells_war_toll(sentence):
        return None  # "Some 2 million people died in the north-south civil war": a war's, no event's
    killed = [q for q in quantities if q.fatality == "killed" and q.value is not None]
    # "a 1991-94 war that killed about 30,000 people", "the death toll from the unrest rose to at
    # least 24": a war's dead and many days', no one event's
    killed = [
        q for q in killed
        if not any(x.search(sentence, max(0, q.start - s_start - 160), max(0, q.start - s_start)) for x in (_WAR_THAT, _CAMPAIGN_TOLL))
    ]  # fmt: skip
    if len(killed) > 1:
        # "Five soldiers lost their lives, bringing to 10 the number killed": a running total, not more dead
        killed = [q for q in killed if not _RUNNING_TO.search(sentence, max(0, q.start - s_start - 40), max(0, q.start - s_start))] or killed
    if len(killed) > 1 and (more := [q for q in killed if _MORE_AFTER.match(sentence, q.end - s_start)]) and len(more) < len(killed):
        # "pulled three more bodies from the rubble, raising the death toll from Wednesday's bombing
        # to 81": the added dead are in the total the sentence gives
        killed = [q for q in killed if q not in more]
    if len(killed) > 1 and _OTHER_COUNT.search(sentence, max(0, killed[0].end - s_start), max(0, killed[-1].start - s_start)):
        # "Officials gave a toll of 98 dead but hospital workers said more than 200 had been
        # killed": two counts of the same dead; the lower, as ACLED codes a dispute.
        return int(min(q.low if q.low is not None else q.value for q in killed if q.value is not None))
    if killed:
        # ACLED codes the lower bound of a range ("1-3 killed" is 1).
        return int(sum(q.low if q.low is not None else q.value for q in killed if q.value is not None))
    return _killed_words(sentence)


_MORE_AFTER = compiled(r"\s+more\b", re.IGNORECASE)
_CAMPAIGN_TOLL = compiled(
    r"\b(?:death\s+)?toll\s+(?:from|in|of)\s+(?:the\s+)?(?:[\w-]+\s+){0,2}?(?:unrest|protests|demonstrations|violence|fighting|war|conflict|crackdown|uprising)\s+"
    r"(?:has\s+|had\s+)?(?:rose|risen|climbed|reached|stood|stands|jumped|rises|climbs)\s+to\s+(?:at\s+least\s+|more\s+than\s+|nearly\s+|over\s+|about\s+)?$"
    # ("after days of clashes between police and students ..., in which at least 105 people have been killed")
    r"|\b(?:days|weeks|months)\s+of\s+(?:[\w-]+\s+){0,2}?(?:clashes|protests|unrest|violence|fighting|riots|rioting)\b[^.;]{0,120}?\b(?:in|during)\s+which\s+(?:at\s+least\s+|more\s+than\s+|nearly\s+|over\s+)?$",
    re.IGNORECASE,
)
_WAR_THAT = compiled(r"\b(?:war|conflict|insurgency|genocide|uprising)\s+(?:that|which)\s+(?:has\s+|had\s+)?(?:killed|left)\s+(?:[\w-]+\s+){0,3}$", re.IGNORECASE)
# Another source's count of the same dead: "98 dead but hospital workers said more than 200".
_OTHER_COUNT = compiled(r"\b(?:but|while|whereas|although|though|however)\b[^.;]{0,60}?\b(?:said|say|says|put|puts|gave|give|reported|estimated|claimed|counted)\b|\b(?:other|another|unofficial|independent)\s+(?:sources?|estimates?|reports?|tolls?|counts?)\b", re.IGNORECASE)
# "bringing to 10 the number", "raising the toll to 42": a running total after a count.
_RUNNING_TO = compiled(r"\b(?:bringing|raising|taking|pushing|putting)\s+(?:the\s+(?:[\w-]+\s+){0,3})?to\s+(?:about\s+|at\s+least\s+|more\s+than\s+|over\s+|nearly\s+|almost\s+)?$", re.IGNORECASE)
# A toll over a whole war or decades, which no one event on the map carries.
_WAR_TOLL = LowerCue(compiled(
    r"\b(?:died|killed|dead|deaths|lives)\b[^.;]{0,60}?\b(?:in|during|of|over) the (?:[\w-]+ ){0,3}?(?:civil )?(?:war|conflict|insurgency|decades)\b(?![- ](?:torn|zone|crimes?))"
    r"|\bsince (?:19|20)\d\d\b|\bover (?:the (?:past|last) )?(?:\w+ )?decades\b",
    re.IGNORECASE,
))


def _killed_words(sentence: str) -> int | None:
    """Deaths told without a number: "a man was killed" (1), "both were killed" (2)."""
    if _KILLED_BOTH.search(sentence):
        return 2
    for m in _KILLED_ONE.finditer(sentence):
        # "gathered over the murder of a young woman", "accused of killing a teen": the death
        # that caused the event, not one in it.
        if not _DEATH_CAUSE.search(sentence, max(0, m.start() - 40), m.start()):
            return 1
    return None


_DEATH_CAUSE = compiled(r"\b(?:after|over the|following|accused of|against the|(?:murder|death|killing) of|who had been)\s+(?:[\w'-]+\s+){0,5}$", re.IGNORECASE)


# "at least 35 people were killed across Lebanon, including 16 in the southern port of Tyre".
_SHARE_BEFORE = compiled(
    r"\bincluding\s+(?:at\s+least\s+|some\s+|about\s+)?(?P<n>\d[\d,]*|two|three|four|five|six)\s+"
    r"(?:[\w-]+\s+){0,2}?(?:in|at)\s+(?:the\s+)?(?:[\w-]+\s+){0,3}?$",
    re.IGNORECASE,
)


def town_share(text: str, place_start: int, s_start: int) -> int | None:
    """The part of a wider toll a sentence gives the town at ``place_start`` ("35 killed across
    Lebanon, including 16 in Tyre": Tyre's 16), or None: a toll of several places is not one town's."""
    m = _SHARE_BEFORE.search(text, max(s_start, place_start - 80), place_start)
    return None if m is None else _number(m.group("n").replace(",", ""))
