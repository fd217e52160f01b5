"""Who did it to whom: the actors of one event mention, in ACLED's names.

Actor names come from a readable dictionary (``data/actors/actors.tsv``). Before the
trigger is the subject (actor1), after it the object (actor2), swapped for a passive
("was arrested by police"); the speaker is not the agent; unnamed attackers stay
unnamed ("Unidentified Armed Group"); a state is the doer only when the text says its
forces (or the state itself: "Israel bombed") did it; crowds are protesters or rioters.
"""

from __future__ import annotations

import re
from typing import Any

from sitrep.events.actor_scan import actor_matches, demonym_before, forces_told
from sitrep.events.clauses import RELATIVE_ASIDE, shared_subject
from sitrep.events.lexicon import Kind, Lexicon, cues
from sitrep.events.places import country_name
from sitrep.events.scene import DOER_GAP
from sitrep.model import Place
from sitrep.rxfactor import compiled

# Actor types that carry arms: a clash needs one of them on a side.
ARMED = {"state", "rebel", "militia", "unidentified", "external", "identity"}

PASSIVE_BEFORE = compiled(
    r"\b(?:was|were|been|being|is|are|got|get)\s+(?:(?:\w+ly|also|then|later|subsequently|all|both)\s+)*$"
    r"|\b(?:was|were)\s+(?:\w+ly\s+)?(?:\w+ed|shot|beaten|hit|set on fire)\b[^.;,]{0,40}?\band\s+(?:then\s+)?$",
    re.IGNORECASE,
)


_INNER_PASSIVE = compiled(r"\b(?:bombs?|shells?|missiles?|rockets?|mortars?|grenades?|explosives?)\s+(?:[\w-]+\s+)?(?:was|were|been|being)\s", re.IGNORECASE)


# "struck Hamas targets": whom a strike verb names inside its trigger is hit, not the striker.
_STRUCK = compiled(r"(?:struck|hit|pounded)\s", re.IGNORECASE)
_VICTIM_BEFORE = compiled(
    r"\b(?:killed|killing|kills|wounded|wounding|injured|injuring|neutrali[sz]ed|neutrali[sz]ing)\s+"
    r"(?:(?!(?:when|as|after|while|before|by|in|and|but|because|during|since)\b)[\w,-]+\s+){0,3}$"
    # "killed 41 people, including soldiers and members of a civilian militia": the dead, listed
    # ("neutralized five PKK terrorists": the Turkish forces' word for killing or capturing them)
    r"|\b(?:killed|killing|kills|wounded|wounding|injured|injuring)\s+[^.;:]{0,40}?\bincluding\s+(?:(?!(?:when|as|after|while|before|by|in|but|because|during|since)\b)[\w,-]+\s+){0,6}$",
    re.IGNORECASE,
)
_THEN_THEY = compiled(r"\b(?:before|until|after|when|while)\s+(?:they|he|she|it|we)\b", re.IGNORECASE)
_HOSTAGE = compiled(r"hostages?\b", re.IGNORECASE)
_TOOK_BEFORE = compiled(r"\b(?:took|taken|taking|takes|take|holding|held|holds|hold|seized)\s+(?:[\w,'’-]+\s+){0,6}$", re.IGNORECASE)
_NONE_BEFORE = compiled(r"\b(?:no|without|nor)\s+$", re.IGNORECASE)
_SAYS_AFTER = compiled(r"\s+(?:said|say|says|told|reported|confirmed|announced)\b", re.IGNORECASE)
# "killed a shopkeeper and police found his body": the next clause's subject is no target.
_NEW_SUBJECT = (cues()["new_subject_before"], cues()["new_subject_verb_after"], cues()["reported_subject_before"])
# ("kidnapped and presumed killed by Khmer Rouge guerrillas": both participles' doer)
_BY_NEXT = compiled(r"\s+(?:and\s+(?:\w+\s+)?(?:\w+ed|shot|slain|beaten)\s+)?by\s", re.IGNORECASE)
_NOUN_BY = compiled(r"\s+(?:by|of)\s|\s+(?:held|taken|seized|kidnapped)\s+by\s", re.IGNORECASE)  # ("hostages held by gunmen")
# Nouns of an act whose "by" names the doer ("the shooting by police", "raids by the army").
_DOER_NOUNS = ("ing", "strike", "strikes", "raid", "raids", "attack", "attacks", "assault", "assaults", "bombardment", "bombardments", "hostages")
_BY = compiled(r"^\s*(?:\w+\s+){0,3}?by\s+(?:the\s+|a\s+|an\s+)?(?:(?-i:[A-Z])[\w-]*\s+)?$|^\s*by\s", re.IGNORECASE)


ARSON = compiled(r"\b(?:set|setting|torch|burn|vandal)", re.IGNORECASE)


# "march" in lower case only: "On 9 March 2022" is a date, not a march.
_CROWD_CONTEXT = compiled(r"\b(?:(?i:demonstrat\w*|protest\w*|rall(?:y|ies)|riot\w*)|march(?:ed|es|ing|ers)?)\b")


# The places of the last text read that may own an actor, and those outside a name: one pass
# per article rather than one per event (an article has some 20 events and 25 places).
_last_split: tuple[str, list[Place], int, list[Place], list[Place]] | None = None


def _owning_places(text: str, places: list[Place]) -> tuple[list[Place], list[Place]]:
    """The places not after "pro-"/"anti-" (owners of a force) and those not inside a name."""
    global _last_split
    last = _last_split
    if last is None or last[0] is not text or last[1] is not places or last[2] != len(places):
        owners = [p for p in places if not _SIDE_BEFORE.search(text, max(0, p.start - 5), p.start)]
        unnamed = [p for p in places if not _IN_NAME.search(text, max(0, p.start - 30), p.start)]
        last = (text, places, len(places), owners, unnamed)
        _last_split = last
    return last[3], last[4]


# A second verb of the clause's subject ("stormed a police station and killed"), and an actor
# named as what an earlier verb took ("a police station", "the army base").
_BACKED_BY = compiled(r"\b(?:backed|supported|aided|escorted|accompanied|covered)\s+by\s+(?:[\w-]+\s+){0,2}(?:and\s+(?:[\w-]+\s+){0,2})?$|\bwith\s+the\s+(?:help|support|backing)\s+of\s+(?:[\w-]+\s+){0,2}$", re.IGNORECASE)
_BESIDE = compiled(r"\b(?:outside|near|in front of|behind|beside|opposite|around|close to|next to)\s+(?:a|an|the)\s+$")  # (not "at": "fired shells at a police station")
_SITE_NOUN = compiled(r"\s+(?:station|post|headquarters|base|barracks|compound|checkpoint)s?\b")
_AND_THEN = compiled(r"\band\s+(?:then\s+|later\s+)?$", re.IGNORECASE)
_OBJECT_BEFORE = compiled(r"(?:\b[a-z]+ed|\b(?:hit|struck|took|overran|against|at|on|into|inside|near|outside))\s+(?:a|an|the)\s+$|\b(?:rounded|lined|picked|dragged|pulled|singled)\s+(?:up|out|off)\s+(?:(?:hundreds|dozens|scores|thousands|some|several|about|\d[\d,]*)\s+(?:of\s+)?)?$|\b(?:dragged|pulled|grabbed|hauled|led)\s+(?:[A-Z][\w-]*\s+)?$")  # ("dragged Fatah men out")


def actors(
    text: str, lex: Lexicon, kind: Kind, clause: tuple[int, int], start: int, end: int,
    places: list[Place], country: str | None, sentence: tuple[int, int] | None = None,
) -> tuple[dict[str, Any] | None, dict[str, Any] | None]:  # fmt: skip
    """The doer (actor1) and the one done to (actor2) of the event at ``start:end``, read
    from its clause (in ``sentence``, where given); ``country`` is where it happened, for the
    names ACLED gives by country."""
    own_lo, hi = clause
    lo = shared_subject(text, own_lo, start, sentence)
    mentions: list[dict[str, Any]] = []
    # "pro-Russian separatists" are not Russia's: a "pro-" or "anti-" country owns no one.
    owners, unnamed = _owning_places(text, places)
    for m in actor_matches(lex, text, lo, hi, sentence):
        if m.start() < lo or m.end() > hi or _NONE_BEFORE.search(text, max(lo, m.start() - 8), m.start()):
            continue  # (outside the clause, or "No militants were inside the school": no one)
        group = m.lastgroup or "a0"
        entry = lex.actor_rows[int(group[1:])]
        own = demonym_before(owners, m.start(), text=text) or _possessor(text, owners, m.start()) or _country_after(text, places, m.end()) or (
            forces_told(text, owners, m.start()) if entry.type == "state" and m.start() - lo <= 12 else None  # (a clause's opening subject)
        ) or country
        if "{Place}" in entry.name:
            # "Kaduna militiamen": ACLED's "Kaduna Communal Militia (Nigeria)", if Kaduna is a place.
            opener = next((p for p in places if p.start == m.start() and not p.adjectival), None)
            if opener is None:
                continue
            # "Niger militiamen" in a Nigerian village: Niger State's militia, not the country's.
            own = country if opener.feature == "country" and country else (opener.country_code or own)
            name = entry.name.replace("{Place}", m.group().split()[0]).replace("{country}", country_name(own) if own else "Unknown")
        elif entry.name == "{Name}":
            name = re.sub(r"^[Tt]he\s+", "", m.group())  # a movement named by its own words
        elif entry.type == "unidentified" and entry.name.startswith("Unidentified Armed Group"):
            name = unnamed_doer(lex, own, text[lo:hi])  # "unknown attackers" in Guatemala: ACLED's "Unidentified Gang"
        else:
            name = entry.name.replace("{country}", country_name(own) if own else "Unknown")
        mentions.append({"name": name, "text": m.group(), "type": entry.type, "inter": entry.inter, "country_code": own, "start": m.start(), "end": m.end()})
    # "JNIM militants", "Taliban fighters": one actor, the named one.
    merged: list[dict[str, Any]] = []
    for a in mentions:
        if merged and (a["start"] - merged[-1]["end"] <= 1 or (text[merged[-1]["end"] : a["start"]] in (" of the ", " of ") and merged[-1]["type"] == "unidentified")):  # ("the rebels of the RUF")
            if merged[-1]["type"] in ("unidentified", "civilians") and a["type"] not in ("unidentified", "civilians"):
                merged[-1] = a
            elif merged[-1]["type"] == "official" and a["type"] == "state":
                # "government helicopters": the state's forces, of the government's country.
                merged[-1] = {**a, "start": merged[-1]["start"], "text": f'{merged[-1]["text"]} {a["text"]}'}
            continue
        merged.append(a)
    mentions = merged
    # The speaker is not the agent ("the interior ministry confirmed the fall of Ghazni"),
    # unless the report goes on with a pronoun for them ("the Taliban said they had overrun").
    mentions = [a for a in mentions if not _speaker(text, a["end"], start)]
    # "troops backed by helicopters took control of Matta": the backers are neither doer nor target.
    mentions = [a for a in mentions if not _BACKED_BY.search(text, max(lo, a["start"] - 50), a["start"])]
    # "fired on a crowd outside a police station": where it was, not whom it was done to.
    mentions = [a for a in mentions if not (_SITE_NOUN.match(text, a["end"]) and _BESIDE.search(text, max(lo, a["start"] - 20), a["start"]))]
    # "The army said it had killed 15 militants in air strikes": the militants are the dead.
    before = [a for a in mentions if a["end"] <= start and not _VICTIM_BEFORE.search(text, max(lo, a["start"] - 90), a["start"])]
    # "took hundreds of diplomats and officials hostage": whom they took are the hostages.
    held = [a for a in before if _TOOK_BEFORE.search(text, max(lo, a["start"] - 60), a["start"])] if _HOSTAGE.match(text, start) else []
    before = [a for a in before if a not in held]
    # "Turkey, which backs some rebel groups, has sent reinforcements": the relative clause's
    # words are not the doer; the name it hangs on is.
    shut = [m.span() for m in RELATIVE_ASIDE.finditer(text, lo, start + 12) if m.end() <= start]  # (its look past the comma)
    before = [a for a in before if not any(x <= a["start"] and a["end"] <= y for x, y in shut)]
    if (hung := next((a for a in mentions if _HUNG_ON.fullmatch(text, a["end"], own_lo)), None) if lo < own_lo else None) is not None:
        before = [hung]  # "fired tear gas at rioters, who attacked them": the noun "who" stands for did it
    if before and _SUBORDINATE.search(text, before[-1]["end"], start):
        # "fighters were inching closer to government positions after a car bomb damaged ...":
        # the bomb's clause begins at "after"; no one before it set the bomb.
        before = []
    after = [
        a for a in mentions if a["start"] >= end and not _SAYS_AFTER.match(text, a["end"])  # ", officials said"
        and not _NEW_SUBJECT[2].search(text, end, a["start"])  # ("called the killing barbaric and said the police and army had")
        and not _THEN_THEY.search(text, end, a["start"])  # ("killing 58 tourists before they were killed by police")
        and not ((sub := _NEW_SUBJECT[0].search(text, max(end, a["start"] - 14), a["start"])) and _NEW_SUBJECT[1].match(text, a["end"]) and not any(0 <= sub.start() - b["end"] <= 2 for b in mentions))
    ]  # fmt: skip
    # ("Israeli troops and tanks moved into": the doer's name runs into the trigger.)
    within = [a for a in mentions if (start <= a["start"] or a["start"] < start < a["end"]) and a["end"] <= end]
    # "Russian warplanes conducted airstrikes": the trigger names who acts.
    subject: dict[str, Any] | None = before[-1] if before else (within[0] if within and not (within[0]["start"] > start and _STRUCK.match(text, start)) else None)
    if lo < own_lo and hung is None:
        first = next((a for a in before if a["start"] < own_lo and a["type"] in ARMED), None)  # the first clause's armed subject: both verbs'
        subject = first or (subject if subject is not None and subject["start"] >= own_lo else None)
    if within and within[0]["start"] <= start and within[0]["type"] in ARMED and not (before and before[-1]["type"] in ARMED):
        subject = within[0]  # "the government said its troops had entered": the trigger opens on its doer
    if before and subject is before[-1] and _AND_THEN.search(text, max(lo, start - 12), start) and _OBJECT_BEFORE.search(text, max(lo, subject["start"] - 40), subject["start"]):
        # "Gunmen stormed a police station and killed four officers": the station's police are
        # what the first verb took; the doer of both verbs is the clause's subject.
        subject = next((a for a in reversed(before[:-1]) if not _OBJECT_BEFORE.search(text, max(lo, a["start"] - 20), a["start"])), None)
    if before and _TRAILING.search(text, max(lo, start - 3), start) and _HARM_PARTICIPLE.match(text, start):
        # "Security forces opened fire on demonstrators, killing 15": the clause's armed subject
        # kills, not whom it fired on; with none, the doer goes unnamed.
        subject = next((a for a in before if a["type"] in ARMED), None)
    if kind.family == "abduction" and _ENDING_IT.search(text, max(lo, start - 40), start):
        subject = None  # "commandos stormed a school, ending a three-day hostage crisis": they ended it, the hostage-takers held it
    # "soldiers killed 22 suspected cartel gunmen": the trigger names whom it was done to.
    named = [a for a in within if a["start"] > start and a is not subject]  # not the trigger itself ("protesters")
    obj: dict[str, Any] | None = after[0] if after else (named[-1] if before and named else held[0] if held else None)
    if subject is None and kind.family in ("clash", "riot") and len(after) >= 2 and _BETWEEN.match(text, end, after[0]["start"]) and _AND.fullmatch(text, after[0]["end"], after[1]["start"]):
        subject, obj = after[0], after[1]  # "clashes between police and protesters": both sides
    participle = not text[start:end].split(" ")[0].lower().endswith("ing")  # "was sending" is not passive
    # "a Brooklyn teenager shot and killed by police": a reduced relative, passive all the same.
    reduced = kind.family in ("attack", "abduction", "detention") and bool(after and _BY_NEXT.match(text, end) and _BY.match(text[end : after[0]["start"]]) and text[start:end].split(" ")[-1].lower().endswith(("ed", "shot", "slain", "beaten", "hit", "struck")))
    if kind.family in ("attack", "abduction", "detention") and text[start:end].lower().endswith(_DOER_NOUNS) and after and _BY.match(text[end : after[0]["start"]]) and _NOUN_BY.match(text, end):
        # "the killing by police of a 15-year-old boy", "air strikes by the army on RSF positions": a noun's "by" names its doer.
        subject, obj = after[0], (after[1] if len(after) > 1 else None)
    elif _INNER_PASSIVE.search(text, start, end):
        # "four bombs were dropped": the trigger is its own passive clause; who is named before
        # it ("aid workers said that") did nothing; the doer is the one "by" names, if any.
        by = next((a for a in after if _BY.search(text[end : a["start"]])), None)
        subject, obj = by, (None if obj is by else obj)
    elif participle and (reduced or (subject and PASSIVE_BEFORE.search(text[subject["end"] : start])) or (not subject and PASSIVE_BEFORE.search(text[max(lo, start - 20) : start]))):
        by = next((a for a in after if _BY.search(text[end : a["start"]])), None)
        subject, obj = by, subject
    armed_arson = (
        kind.name == "riot" and subject is not None and subject["type"] in ARMED
        and bool(ARSON.search(text, start, end)) and not _CROWD_CONTEXT.search(text, lo, hi)
    )  # fmt: skip
    # "police barricaded Snyder Avenue": forces closing a street do not riot.
    forces_barricade = kind.name == "riot" and subject is not None and subject["type"] == "state" and text[start:end].lower().startswith("barricad")
    if kind.family in ("protest", "riot") and kind.name not in ("protest.excessive",) and not armed_arson and not forces_barricade:
        crowd = "Rioters" if kind.family == "riot" else "Protesters"
        if subject and subject["type"] in ("protesters", "rioters") and subject["type"] != crowd.lower():
            # "demonstrators blocked the road with burning tyres": ACLED's rioters, as the kind says.
            home = subject.get("country_code")
            subject = {**subject, "name": f"{crowd} ({country_name(home) if home else 'Unknown'})", "type": crowd.lower(), "inter": 5 if crowd == "Rioters" else 6}
        if not subject or subject["type"] not in ("protesters", "rioters"):
            home = country
            if crowd == "Protesters" and (abroad := _nationals(text, places, lo, start)) and abroad != country:
                home = abroad  # "30 Ukrainian citizens staged a protest" in San Jose: Ukraine's protesters
            place_country = country_name(home) if home else "Unknown"
            said = subject["text"] if subject and subject["type"] not in ARMED else None  # "sparked by police": not the crowd's words
            subject = {"name": f"{crowd} ({place_country})", "text": said, "type": crowd.lower(), "inter": 5 if crowd == "Rioters" else 6, "country_code": home}
    planter = next(
        (a for a in mentions if _PLANTED_BY.search(text, max(lo, a["start"] - 40), a["start"]) or _PLANTED_AFTER.match(text, a["end"])),
        None,
    )
    if planter is not None and kind.family == "attack" and planter is not subject:
        # "an IED planted by an unknown armed group exploded targeting a QSD vehicle"
        subject, obj = planter, (obj if obj is not planter else None)
    if kind.name in ("displacement", "evacuation") and subject is None:
        # "20 civilians were evacuated from Mariupol": the displaced are the actor ACLED codes.
        people = obj if obj and obj["type"] == "civilians" else None
        subject = people or {"name": f"Civilians ({country_name(country) if country else 'Unknown'})", "text": None, "type": "civilians", "inter": 7, "country_code": country}
        obj = obj if obj is not people else None
    if kind.name == "displacement" and subject is not None and subject["type"] == "civilians" and (home := _origin(text, places, lo, hi)):
        # "refugees from Ukraine arrived in Poland": ACLED codes Ukraine's civilians.
        subject = {**subject, "name": f"Civilians ({country_name(home)})", "country_code": home}
    if (
        kind.name == "attack.civilians" and subject is not None and _FOUND_DEAD.fullmatch(text[start:end])
        and (subject["type"] == "civilians" or _FINDER_BEFORE.search(text, max(0, start - 40), start))
    ):  # fmt: skip
        # "Rescue workers pulled more bodies from the rubble", "Police found the bodies of a
        # mother and her son": who found them did not do it.
        subject = None
    if kind.name == "attack.civilians" and subject is not None and _LOST_LIVES.match(text[start:end]):
        subject, obj = None, subject  # "Five Israeli soldiers lost their lives": the dead are the victims
    if ((kind.family == "attack" and kind.name not in _PERPETRATED) or kind.name == "abduction") and subject is not None and subject["type"] == "civilians":
        # "Three people also died in an air strike", "The civilian death toll rose as missiles
        # exploded": civilians fire no missiles and fly no jets; they are the dead ("a woman he
        # took hostage": the taken, not who took her).
        subject, obj = None, (subject if kind.name == "abduction" else obj or subject)
    if kind.name in _PLANTED and subject is not None and subject["type"] == "civilians":
        # "2 children were wounded by a bomb", "a villager stepped on a landmine": the victims.
        subject, obj = None, subject
    if kind.family == "clash" and subject is None and obj is not None and not (
        obj["type"] == "civilians" and (_HARM_GAP.search(text, end, obj["start"]) or (obj["end"] <= start and PASSIVE_BEFORE.search(text, max(lo, start - 20), start)))
    ):
        # "Clashes in Aden killed 40 people": the people are the dead, not a side ("a convoy
        # carrying people was ambushed": the people were set upon, no side either).
        subject, obj = obj, None
    own = demonym_before(unnamed, start, 2) or _owner_before(text, unnamed, start)
    if subject is None and own and own not in _NO_STATE_FORCES and (kind.name in _FORCE_KINDS or (kind.name == "attack.bombing" and text[start:end].lower().startswith("bombs "))):
        # "Iraqi airstrikes killed ...", "Turkish shelling hit ...", "Israeli bombs hit a school": that state's forces.
        subject = {"name": f"Military Forces of {country_name(own)}", "text": None, "type": "state", "inter": 1, "country_code": own}
    if subject is None and kind.family in ("attack", "clash", "territory") and (state := _doer_country(text, unnamed, lo, start)):
        # "Israel bombed a UN school": the state's forces did it, as the text says.
        subject = {"name": f"Military Forces of {country_name(state)}", "text": None, "type": "state", "inter": 1, "country_code": state}
    if subject is None and kind.family in ("attack", "clash") and (own := _force_owner(text, unnamed, lo, start)):
        # "An Israeli strike on a school killed 40": the strike's owner did it, not someone unnamed.
        subject = {"name": f"Military Forces of {country_name(own)}", "text": None, "type": "state", "inter": 1, "country_code": own}
    if subject is None and kind.name in _PERPETRATED and (kind.name in _PLANTED or not (obj and obj["type"] not in ("civilians",))):
        # "two women were kidnapped": someone did it, and the text does not say who.
        subject = {"name": unnamed_doer(lex, country, text[lo:hi]), "text": None, "type": "unidentified", "inter": 3, "country_code": country, "how": "unnamed"}
    for actor in (subject, obj):
        if actor:
            actor.pop("start", None)
            actor.pop("end", None)
    return subject, obj


_DOER_GAP = compiled(DOER_GAP + "$", re.IGNORECASE)
_BETWEEN = compiled(r"\s+(?:[\w-]+\s+){0,2}?between\s+(?:the\s+)?(?:[\w-]+\s+){0,2}?", re.IGNORECASE)
_AND = compiled(r"\s+and\s+(?:the\s+)?(?:[\w-]+\s+){0,2}?", re.IGNORECASE)


def _doer_country(text: str, places: list[Place], lo: int, start: int) -> str | None:
    """The country named as the subject just before the trigger ("Sudan bombed", "Israel has struck")."""
    for p in places:
        state = p.feature == "country" and not p.adjectival
        # "when the Israelis bombed the school": a people named for its state is its forces.
        people = p.adjectival and text[p.start : p.end].endswith("s") and text[max(lo, p.start - 4) : p.start].lower() == "the "
        if lo <= p.start and p.end <= start and (state or people) and _DOER_GAP.fullmatch(text, p.end, start):
            return p.country_code
    return None


# A trigger that opens its own subordinate clause: "... after a massive car bomb damaged ...".
_SUBORDINATE = compiled(
    r"\b(?:after|before|when|while|since|following|until|because|(?:in )?(?:retaliation|revenge|reprisal|response) for|to avenge|over|against|about|"
    r"in connection with|linked to|responsible for|blamed for|suspected in|wanted (?:for|in)|questioning (?:about|over))"
    r"\s+(?:a|an|the|last\s+\w+['’]s)(?:\s+[\w.'’-]+){0,3}\s*$",
    re.IGNORECASE,
)


_SPEAKER_GAP = compiled(
    r"^[^.;]{0,40}?\b(?:said|says|told|tweeted|confirmed|announced|reported|claimed|stated|added)\b(?!\s+to\b)(?!\s+(?:\w+\s+)?(?:responsibility|credit)\b)(?!\s+(?:\w+\s+){0,3}?(?:that\s+)?(?:they|it|he|she|we|its|their)\b)"
    # "U.S. officials blame bin Laden for the embassy attacks": who blames is no doer.
    r"|^[^.;]{0,40}?\b(?:blam(?:e|es|ed|ing)|accus(?:e|es|ed|ing)|condemn(?:s|ed|ing)?|denounc(?:e|es|ed|ing)|held\s+\S+\s+responsible|hold\s+\S+\s+responsible)\b"
    # "Hospital officials put the toll at 31 dead": who counts the dead is no doer.
    r"|^[^.;]{0,20}?\b(?:put|puts|putting|raised|revised|gave|give|estimated|estimate|counted)\s+(?:the\s+|a\s+|its\s+|their\s+)?(?:death\s+|casualty\s+|final\s+)?(?:toll|number|figure|count)\b"
    # "Police said they ... were investigating whether the attack was linked": who looks into it is no doer.
    r"|^[^.;]{0,80}?\b(?:investigat\w*|looking\s+into|probing|examining|checking|trying\s+to\s+determine)\s+(?:whether|if|how|why|who)\b"
)


def _speaker(text: str, mention_end: int, trigger_start: int) -> bool:
    """Whether a mention before the trigger is the one who speaks of it."""
    return mention_end <= trigger_start and bool(_SPEAKER_GAP.match(text[mention_end:trigger_start]))


_PERIOD = compiled(r"\s\((\d{4})-(\d{4})?\)$")


def succeeded(lex: Lexicon, actor: dict[str, Any] | None, date: dict[str, Any] | None) -> dict[str, Any] | None:
    """The actor under the name it had on the event's date ("Taliban" -> the state's forces after
    15 Aug 2021); a government period the event falls outside of is dropped from the name (Israeli
    troops in 2008 are not "Military Forces of Israel (2021-)")."""
    if actor is None:
        return actor
    period = _PERIOD.search(str(actor.get("name") or ""))
    if date is None:
        # No day to tell which government's forces: the name without a period ("Military
        # Forces of Israel", not "(2021-)" for an undated recalled bombing).
        return {**actor, "name": actor["name"][: period.start()]} if period else actor
    year = str(date.get("value") or "")[:4]
    if period and year.isdigit() and (year < period.group(1) or (period.group(2) and year > period.group(2))):
        return {**actor, "name": actor["name"][: period.start()]}
    if actor["name"] not in lex.successions:
        return actor
    since, name, typ, inter = lex.successions[actor["name"]]
    if date["value"][:10] < since:
        return actor
    return {**actor, "name": name, "type": typ, "inter": inter}


def theatre(lex: Lexicon, actor: dict[str, Any] | None, country: str | None, date: dict[str, Any] | None = None) -> dict[str, Any] | None:
    """The actor under the coalition ACLED codes it as in this country (US forces in Syria), from
    the day that coalition's war there began (US Marines in Baghdad in 2003 are US forces)."""
    if actor is None or country is None or (actor["name"], country) not in lex.theatres:
        return actor
    name, typ, inter, since = lex.theatres[(actor["name"], country)]
    day = str((date or {}).get("value") or "")
    if since and day[:1].isdigit() and day < since[: len(day)]:
        return actor
    return {**actor, "name": name, "type": typ, "inter": inter}


def unnamed_doer(lex: Lexicon, country: str | None, clause: str = "") -> str:
    """ACLED's name for a perpetrator the text does not name, in ``country`` (a row may
    need a cue in the clause: Brazil's drive-by shootings are a gang's or a police militia's)."""
    for name, cue in lex.unnamed.get(country or "", ()):
        if cue is None or cue.search(clause):
            return name.replace("{country}", country_name(country or ""))
    return f"Unidentified Armed Group ({country_name(country) if country else 'Unknown'})"


_FORCE_KINDS = {"attack.airstrike", "attack.shelling"}
_TRAILING = compiled(r",\s*$")
_SIDE_BEFORE = compiled(r"\b(?:pro|anti)-$", re.IGNORECASE)
_HARM_PARTICIPLE = compiled(r"(?:killing|wounding|injuring|leaving)\b", re.IGNORECASE)
_HARM_GAP = compiled(r"\b(?:kill(?:ed|ing|s)?|wound(?:ed|ing|s)?|injur(?:ed|ing|es)|left)\b", re.IGNORECASE)
_LOST_LIVES = compiled(r"lost (?:their|his|her) li(?:ves|fe)", re.IGNORECASE)
_FOUND_DEAD = compiled(r"(?:bodies|dead bod(?:y|ies)|found dead)", re.IGNORECASE)
_FINDER_BEFORE = compiled(r"\b(?:found|find|discovered|recovered|pulled|retrieved|exhumed|located|unearthed)\b", re.IGNORECASE)


# A bomb's or grenade's named target is no doer: "an IED exploded targeting a QSD vehicle".
_PLANTED = {"attack.bombing", "attack.grenade", "attack.suicide"}


_PLANTED_BY = compiled(
    r"\b(?:(?:planted|placed|laid|left|thrown|hurled|detonated|set off|claimed|dropped|fired|launched)\s+(?:\w+\s+){0,1}"
    r"|(?:IEDs?|bombs?|(?:land)?mines?|explosives?|(?:explosive )?devices?|grenades?)\s+)by\s+(?:an?\s+|the\s+)?$",
    re.IGNORECASE,
)


_PLANTED_AFTER = compiled(r"-(?:planted|laid)\b", re.IGNORECASE)  # "a Houthi-planted landmine"


_ENDING_IT = compiled(r"\b(?:end(?:ing|ed)?|to\s+end|freeing|to\s+free|rescu(?:e|ed|ing))\s+(?:[\w-]+\s+){0,3}$", re.IGNORECASE)
_HUNG_ON = compiled(r"\s*,?\s*who\s*")
# Violence whose doer ACLED names "Unidentified Armed Group (country)" when the text does not.
_PERPETRATED = {"attack.civilians", "attack.bombing", "attack.grenade", "attack.suicide", "attack.sexual", "abduction"}


_FROM_ORIGIN = compiled(r"\b(?:from|fleeing|fled)\s+(?:the\s+)?$", re.IGNORECASE)


_DISPLACED = compiled(r"\s+(?:refugees|nationals|citizens|migrants|asylum[- ]seekers|evacuees)\b", re.IGNORECASE)


def _origin(text: str, places: list[Place], lo: int, hi: int) -> str | None:
    """The country displaced people come from: "refugees from Ukraine", "Ukrainian refugees"."""
    for p in places:
        inside = lo <= p.start and p.end <= hi and (p.feature == "country" or p.adjectival)
        if inside and (_FROM_ORIGIN.search(text, max(lo, p.start - 12), p.start) or (p.adjectival and _DISPLACED.match(text, p.end))):
            return p.country_code
    return None


_NATIONALS = compiled(r"\s+(?:citizens|nationals|expatriates|diaspora|community|refugees|migrants|students|workers)\b", re.IGNORECASE)


_COUNTED = compiled(r"\b(?:\d[\d,]*|dozens|hundreds|thousands|several|many|some)(?:\s+of)?\s+$", re.IGNORECASE)


def _nationals(text: str, places: list[Place], lo: int, start: int) -> str | None:
    """The country of a crowd named by its nationality before the trigger: "30 Ukrainian
    citizens", "about 200 Ukrainians" (a diaspora protest abroad)."""
    for p in places:
        if p.adjectival and lo <= p.start and p.end <= start:
            plural = p.text.endswith("s") and bool(_COUNTED.search(text, max(lo, p.start - 20), p.start))
            if plural or _NATIONALS.match(text, p.end):
                return p.country_code
    return None


# "the government of Sudan", "military aircraft from Sudan": whose they are, said after them.
_OF_COUNTRY = compiled(r"\s+(?:[\w-]+\s+){0,2}?(?:of|from)\s+(?:the\s+)?$")


def _country_after(text: str, places: list[Place], pos: int) -> str | None:
    for p in places:
        if p.feature == "country" and not p.adjectival and 0 < p.start - pos <= 30 and _OF_COUNTRY.fullmatch(text, pos, p.start):
            return p.country_code
    return None


# "U.S. cruise missiles", "Israeli F-16 jets": whose weapons, a word or two before them.
_WEAPON_GAP = compiled(r"(?:-led\s+(?:[\w-]+\s+){0,2}|\s+(?:[\w-]+\s+){1,2})")


# "the Stade de France bombings", "the Bank of England raid": a country inside a name owns nothing.
_IN_NAME = compiled(r"\b[A-Z][\w'’-]*\s+(?:de|du|des|del|della|di|of)\s+(?:the\s+)?$")


def _owner_before(text: str, places: list[Place], pos: int) -> str | None:
    for p in places:
        if (p.adjectival or p.feature == "country") and p.end < pos and _WEAPON_GAP.fullmatch(text, p.end, pos):
            return p.country_code
    return None


# "its troops", and "The Israeli military said troops came under fire": the speaker's own forces.
_ITS = compiled(r"\b(?:its|their)\s+(?:own\s+)?$|\b(?:said|says)\s+(?:that\s+)?$", re.IGNORECASE)


_FORCE_AFTER = compiled(r"\s+(?:army|military|government|forces|police|troops|authorities|ministry|navy|air force)\b", re.IGNORECASE)


def _possessor(text: str, places: list[Place], pos: int) -> str | None:
    """The country "its" or "their" stands for before a mention ("Russia said its forces",
    "Israel's ability ... even as its forces"): the last country the sentence named before it."""
    if not _ITS.search(text, max(0, pos - 12), pos):
        return None
    lo = max(text.rfind(". ", 0, pos), pos - 160)
    named = [
        p for p in places
        if p.feature == "country" and lo <= p.start and p.end <= pos
        and (not p.adjectival or _FORCE_AFTER.match(text, p.end))  # "The Israeli army said its troops": Israel's
    ]  # fmt: skip
    return named[-1].country_code if named else None


# A state's armed act named by its adjective: "an Israeli strike", "a US drone raid", "Russian shelling".
_FORCE_NOUN = compiled(
    r"(?:-led)?\s+(?:(?:air|aerial|missile|drone|rocket|artillery|military|army|naval|ground|tank|helicopter|navy)\s+)?"
    r"(?:strikes?|air ?strikes?|raids?|bombardments?|bombing|shelling|offensive|incursions?|assaults?|barrage|gunfire|fire|missiles?|rockets?)\b",
    re.IGNORECASE,
)


# Peoples whose armed acts are not a state army's (ACLED names their groups): "a Palestinian rocket attack".
_NO_STATE_FORCES = {"PS"}


def _force_owner(text: str, places: list[Place], lo: int, start: int) -> str | None:
    """The country whose forces' act is named before the trigger in its clause ("an Israeli strike ... killed")."""
    for p in places:
        if p.adjectival and lo <= p.start and p.end < start and p.country_code not in _NO_STATE_FORCES:
            m = _FORCE_NOUN.match(text, p.end)
            if m and m.end() <= start:
                return p.country_code
    return None
