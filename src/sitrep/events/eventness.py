"""Whether a trigger tells a happening a crisis map should show.

Words of violence are common in news that has none: "killed by a hit-and-run
driver", "died after falling 150 metres", "a heart attack", "shooting for a 2011
release", "attacks targeting an Internet Explorer flaw", "the driver fled the
scene". Each test here reads the words around one trigger; the cue patterns live in
``data/events/cues.tsv`` with their sources.
"""

from __future__ import annotations

import re

from sitrep.events.lexicon import cues, fast_cues
from sitrep.events.storykind import StoryKind
from sitrep.rxfactor import compiled

# Run on lower-cased text: these tests read every sentence with a trigger (lowercue.py).
_CUES = fast_cues()
_PLAIN = cues()  # (cues read as they are, on the sentence as written)
# "killed in a car accident", "died in a boating accident".
_ACCIDENT = _CUES["accident_after"]
_INDUSTRIAL = _CUES["industrial_accident"]
_ARMED_CAUSE = _CUES["armed_cause"]
# "arrested three times since October": a count of past happenings, none of them told.
_TIMES_OVER = _CUES["times_over_after"]
# "four prior arrests", "previous attacks on the camp".
_PRIOR_BEFORE = _CUES["prior_before"]
_HARM_ONLY = _CUES["harm_only"]
_NONVIOLENT = _CUES["nonviolent_cause"]
_VIOLENT = _CUES["violent_cause"]
_NOT_VIOLENCE_BEFORE = _CUES["not_violence_before"]
_NOT_VIOLENCE_AFTER = _CUES["not_violence_after"]
_FIGURATIVE_OBJECT = _CUES["figurative_object_after"]
_FICTION = _CUES["fiction_after"]
_LIFE_STAGE = _CUES["life_stage_after"]
_CAMPAIGN = _CUES["campaign_after"]
_CONTROLLED = _CUES["controlled_detonation_before"]
_LEGAL_BEFORE = _CUES["legal_before"]
_COLLECTIVE = _CUES["collective_before"]
_HEDGE = _CUES["hedge_before"]
_UNREAL = _CUES["unreal_before"]
_FIGURATIVE = _CUES["figurative_after"]
_ARMED = _CUES["armed_words"]
_SIEGE_OBJECT = _CUES["siege_object_after"]
# What troops fight to do: "fought to retake Kunduz" is a battle, "fighting to tighten gun laws" is not.
_MILITARY_AIM = compiled(r"\s+to\s+(?:re-?take|re-?capture|capture|seize|hold|defend|repel|push|drive|take|control|regain|reach|break|enter|clear|oust|dislodge|storm)\b", re.IGNORECASE)
_SPORTS_AMBIGUOUS = _CUES["sports_ambiguous"]
_CRISIS = _CUES["crisis_words"]
_SURNAME = _CUES["surname_trigger"]
_ROUTINE_AFTER = _CUES["routine_release_after"]
_ROUTINE_BEFORE = _CUES["routine_release_before"]
_CAPTIVE = _CUES["captive_words"]
_SPEECH_DENOUNCE = _CUES["speech_denounce_before"]
_LONE_ACT = _CUES["lone_act_protest_before"]
_WEAPON_TRADE = _CUES["weapon_trade_before"]
_WEAPON_NOUN = _CUES["weapon_noun"]
_ABSTRACT_TARGET = _CUES["abstract_target_after"]
_SERIES_BEFORE = _CUES["series_before"]
_RALLY_SUPPORT = _CUES["rally_support_after"]
_UNIT_AFTER = _CUES["unit_after"]
_VERB_BEFORE = _CUES["verb_before"]
_FOUND_BOMB = _CUES["found_bomb_after"]
_STATISTIC = _CUES["statistic_after"]
_TALLY_OF = _CUES["tally_of_after"]
_TEST_BLAST = _CUES["test_blast"]
_BODIES_LAY = _CUES["bodies_lay_after"]
_RUNNING_SINCE = _CUES["running_since_before"]
_BLAST_SUBJECT = _CUES["blast_subject_before"]
_BACKED_BY = _CUES["backed_by_before"]
_ARMS_ACT_AFTER = compiled(r"\s+(?:strikes?|fire|shelling|barrages?|bombardments?|attacks?|raids?)\b", re.IGNORECASE)
_ASPECT_OF = _CUES["aspect_of_before"]
_PERIOD_TOLD = _CUES["period_told"]
_TOPIC_BEFORE = _CUES["topic_before"]
_NOT_CORPSES = _CUES["not_corpses_before"]
_GENERIC = _CUES["generic_after"]
_PAIR_OPENS = compiled(r"[\"'“‘(]?[\w-]+\s+and\s+")  # "Kidnappings and murders have fallen"
_GENERIC_OBJECT = _CUES["generic_object_after"]
_GENERIC_SUBJECT = _CUES["generic_subject_before"]
_ADJECTIVE = _CUES["adjective_after"]
_SHOWING = _CUES["showing_after"]
_HAZARD = _CUES["hazard_words"]
_ROUTINE_ARREST = _CUES["routine_arrest_after"]
_DISASTER = _CUES["disaster_displacement"]
_RESCUE = _CUES["rescue_words"]
_KIN_BEFORE = _CUES["kin_before"]
_NOT_LIVING = _CUES["not_living_before"]
_MODAL_AFTER = _CUES["modal_after"]
_ARMED_MARCH = _CUES["armed_march_before"]
_NOT_POLITICAL_DEAL = _CUES["not_political_agreement"]
_COUNTED_CASES = _CUES["counted_cases_before"]
_CASUALTY = _CUES["casualty_words"]
_DISASTER_FIGURATIVE = _CUES["disaster_figurative"]
_NO_CASUALTIES = _CUES["no_casualties"]
_HABITUAL = _CUES["habitual_after"]
_PERFECT_BEFORE = _CUES["perfect_before"]
_CARE_BEFORE = _CUES["care_before"]
_HURT_TAKEN = _CUES["hurt_taken_after"]
_OF_THE_VICTIMS = _PLAIN["of_the_victims_opening"]
# (cues of the review of 1990s wire stories and TimeBank, 2026-12-05)
_THING_DIED, _NEGATED_FUTURE, _WHERE_THE, _DESIGNED_TO, _CAPABILITY, _RAIDERS, _PUNISHED_FOR, _SPAN_OF_YEARS, _GETAWAY = (
    _CUES[n] for n in ("thing_died_before", "negated_future_before", "where_the_before", "designed_to_after", "capability_before", "raiders_before", "punished_for_before", "span_of_years_after", "getaway_before")
)
_THE_OR_NONE = compiled(r"(?:^|\b[Tt]he\s+(?:most\s+)?(?:\w+ly\s+)?(?:(?:sick|dead|injured|elderly)\s+and\s+)?)$")
# The armed subject that opens a sentence, which its participles go on telling of.
_ARMED_SUBJECT = compiled(r"\s*(?:[\w()'’-]+\s+){0,3}?(?:fighters|troops|soldiers|militants|militiamen|insurgents|rebels|jihadists|forces|gunmen)\b", re.IGNORECASE)
_MONTH_BEFORE = compiled(r"(?:\b\d{1,2}(?:st|nd|rd|th)?|\b(?:in|since|until|by|early|late|mid|last|next|this|of))[\s-]+$", re.IGNORECASE)
_PARTY_BEFORE = compiled(r"\b(?:National|Popular|Orthodox|Democratic|Republican|People's|Patriotic|Conservative|Liberal|Socialist|Unity|Freedom)\s+$")
_SCORE = compiled(r"\b\d{1,3}-\d{1,3}\b(?!-)")
_DETERMINED = compiled(r"(?:\b(?:the|a|an|this|that|these|those|his|her|their|its|our|\d+)|['’]s)\s+(?:[\w-]+\s+)?$", re.IGNORECASE)
_YEAR_AFTER = compiled(r"\s+(?:in|on)\s+(?:(?:early|late|mid-?)\s*)?(?:[A-Z][a-z]+\s+(?:\d{1,2},?\s+)?)?(?:1[89]|20)\d\d\b")
# "offensive" as a noun ("launched an offensive against"), not an adjective ("offensive linemen").
_OFFENSIVE_NOUN = compiled(r"\s*(?:$|[,.;:)\"'’”-]|(?:against|on|in|into|to|by|was|were|is|are|has|had|that|which|aimed|began|begun|started|continued|launched|ended|stalled|resumed|killed|left|of|from|near|around|across|since|would|will|could)\b)", re.IGNORECASE)
_DETERMINER_BEFORE = compiled(r"(?:\b(?:the|an|its|their|this|that|his|her|our|new|major|military|ground|air|final|latest|spring|summer|winter|autumn)|['’]s)\s+$", re.IGNORECASE)
_FALL_SUBJECT = compiled(r"\b(?:city|town|village|capital|district|base|province|region|garrison|stronghold|airport|[A-Z][\w-]+)\s+(?:(?:had|has|have|also|finally|quickly|then)\s+)?$")  # a verb of capture after a town: "Herat fell to the Taliban", "the city fell"
# A short phrase opened by a quote just before the trigger and closed right after it.
_A_BUILDING = compiled(r"\s+(?:the|a|an)\s+(?:[\w'’-]+\s+){0,5}?(?:school|church|mosque|hotel|hospital|house|home|offices?|parliament|embassy|consulate|bank|shops?|mall|theat(?:re|er)|university|college|court(?:house)?)\b", re.IGNORECASE)
_QUOTED_TERM = compiled(r"[\"“](?:[\w'’-]+\s+){1,2}$")
_QUOTE_CLOSE = compiled(r"[,.]?[\"”]")
# A harm done by people is violence, whatever the story's lead says of accidents: "Kaltezas,
# who was killed by an officer during a demonstration in 1985" beside "an accidental ricochet".
_BY_FORCE = compiled(r"\s+by\s+(?:an?\s+|the\s+|two\s+|three\s+|riot\s+)?(?:police(?:m[ae]n)?|officers?|cops?|guards?|soldiers|troops|gunmen|assailants?|attackers?|a mob|mobs?)\b", re.IGNORECASE)
_RALLY_AROUND = compiled(r"\s+(?:around|behind)\s+(?!the\s+(?:capitol|parliament|building|square|embassy|palace|ministry)\b)", re.IGNORECASE)
_ESCAPEE_BEFORE = compiled(r"\b(?:convict|fugitive|rapist|inmate|prisoner|escapee|killer|murderer)s?,?\s+(?:who\s+was\s+|was\s+|were\s+|had\s+been\s+)?$", re.IGNORECASE)
# A quake or a blaze as the subject of the damage: "the 7.7 magnitude quake damaged".
_QUAKE_BEFORE = compiled(r"\b(?:(?:earth)?quakes?|tremors?|aftershocks?|blazes?|fires?|flames|explosions? at (?:a|the) (?:plant|factory|mine))\s+(?:(?:has|have|had|also|badly|severely|partially|completely|heavily)\s+)*$", re.IGNORECASE)
_WITHDRAWN_BY = compiled(r"\b(?:which|that)\s+(?:[A-Z][\w.'’-]*\s+){1,4}$")  # "a tax rise, which President Ivan Duque withdrew"
_WITHDRAWN_THING = compiled(  # what is withdrawn when no force pulls back: "withdrew a tsunami alert", "withdrew its ambassador"
    r"\s+(?:(?:a|an|the|its|their|his|her)\s+)?(?:[\w-]+\s+){0,2}?(?:alert|warning|statement|bill|nomination|offer|request|proposal|"
    r"application|support|candidacy|complaint|lawsuit|suit|motion|plea|charges?|ambassadors?|envoys?|funding|name|report|remarks?|"
    r"invitation|permit|licen[cs]e|resolution|membership|recognition|endorsement|consent|objection|bid)\b",
    re.IGNORECASE,
)
# Triggers whose sense a neighbouring word can turn away from violence.
_TURNABLE = ("attack", "arrest", "shoot", "shot", "rall", "assault", "releas", "take", "took", "taking", "fight", "battl", "shell", "blast", "beat", "bomb", "explo", "brawl", "murder", "sexual", "rape", "stabb", "assassin")


_WAR_THAT_HAS = _PLAIN["war_that_has_before"]
_PERFECT_JUST_BEFORE = _PLAIN["perfect_just_before"]
_MANY_SINCE = _PLAIN["many_since_after"]
_PROMPTED_BEFORE = _PLAIN["prompted_before"]
# A weapon in someone's hands, and what would make it an attack all the same.
_HELD_BEFORE = _PLAIN["held_weapon_before"]
_THROWN = _PLAIN["thrown_words"]
# What a cordon was for, or a crowd came to do, in its own clause.
_CORDON_ARREST = _PLAIN["cordon_arrest_after"]
_CHEERED = _PLAIN["cheered_after"]
_FORCES_ONLY = frozenset({"troops", "soldiers"})


def _violence_told(rest: str, sentence: str) -> bool:
    """Whether violence is told beside a harm; troops at rescue work tell none ("Soldiers and
    police are leading rescue operations after a quake hit Aceh, leaving 24 dead")."""
    hits = {m.group(0).lower() for m in _VIOLENT.finditer(rest)}
    return bool(hits) and not (hits <= _FORCES_ONLY and _RESCUE.search(sentence))


def _no_disaster(sentence: str, start: int, end: int) -> bool:
    """Whether a hazard's word tells no disaster to map: no one harmed in its sentence, arms
    behind it (a bombing, arson: the violent kinds tell those), or the word used of something else."""
    if not _CASUALTY.search(_NO_CASUALTIES.pattern.sub(" ", sentence)) or _ARMED_CAUSE.search(sentence):
        return True  # "The quake hit at a depth of 80 km"; "a drone strike set fire to the refinery"
    return bool(_DISASTER_FIGURATIVE.search(sentence, max(0, start - 30), min(len(sentence), end + 30)))


def no_happening(family: str, sentence: str, start: int, end: int, lead: str = "", sports: bool | StoryKind = False) -> bool:
    """Whether the material trigger at ``start:end`` of ``sentence`` tells no event to map.

    ``lead`` is the story's headline and first sentence: a harm told with no cause of its
    own ("She died at the hospital") takes the story's ("Woman killed in hit-and-run").
    """
    word = sentence[start:end]
    if _ACCIDENT.match(sentence, end) or _TIMES_OVER.match(sentence, end):
        return True
    if sentence.rstrip().rstrip("\"'”’)").endswith("?"):
        return True  # "Was it because of a protest, or ...?": a question asserts no happening
    if _PRIOR_BEFORE.search(sentence, max(0, start - 40), start) or _COUNTED_CASES.search(sentence, max(0, start - 70), start):
        return True  # ("four prior arrests", "1,200 incidents of sexual violence": many, none told)
    if recalled_cause(sentence, start, end):
        return True  # "protests against a police killing": the killing is known, not the day's
    if _GONE_TO.search(sentence, max(0, start - 30), start):
        return True  # "he had gone to fight with IS in Syria": what someone went off to do, no happening of a day
    if fled_cause(sentence, start, end):
        return True  # "refugees who fled the fighting": what they ran from, not the day's event
    if start > 0 and end < len(sentence) and sentence[start - 1] in "\"“'‘" and sentence[end] in "\"”'’" and " " not in word:
        return True  # 'whether his kitchen blender would be next to "attack" him': a word in scare quotes
    if _QUOTE_CLOSE.match(sentence, end) and _QUOTED_TERM.search(sentence, max(0, start - 25), start):
        return True  # 'women's bodies resist pregnancy from a “legitimate rape,” comments': a phrase quoted as a term
    lowered = word.lower()
    if lowered.startswith(("fight", "fought", "battl", "wag")) and _WAR_LEVEL.match(sentence, end):
        return True  # "battled two civil wars over five decades", "fought alongside the south during its civil war"
    said = re.match(r"\s+(?:said|says|told|added|argued|asked|noted|contended|did not|didn't|has|had)\b", sentence[end:])
    if _SURNAME.fullmatch(word) and (said or (start > 0 and not _title_case(sentence) and sentence[start - 1] not in "\"'“‘(")):
        return True  # "public defender Peter Lynch said": a name, not a lynching
    if _SPORTS_AMBIGUOUS.match(lowered) and sports and not _CRISIS.search(sentence[:start] + " " + sentence[end:]):
        return True  # "led a powerful attack", "beat a two-seeded team", "the fight" in a sports report
    if isinstance(sports, StoryKind) and sports.quiet and not _CRISIS.search(sentence[:start] + " " + sentence[end:]):
        return True  # "the explosion of digital technology", "service that can't be beaten" in a story of no violence
    if lowered == "offensive" and not _OFFENSIVE_NOUN.match(sentence, end) and not _DETERMINER_BEFORE.search(sentence, max(0, start - 30), start):
        return True  # "offensive linemen", "the fifth offensive play"
    if lowered.startswith(("fell to", "fall to", "fallen to", "falls to")) and (
        not _FALL_SUBJECT.search(sentence, max(0, start - 40), start) or re.match(r"\s*(?:\d|his|her|their|its|the ground|the floor|death)", sentence[end:])
    ):
        return True  # "fell to 36-3", "fall to his death": no town changed hands
    if _HEDGE.search(sentence, max(0, start - 40), start) or _UNREAL.search(sentence, max(0, start - 80), start):
        return True  # "practically kidnapped", "the possibility of a ground assault"
    if family not in ("siege", "territory") and _HABITUAL.match(sentence, end) and _PERFECT_BEFORE.search(sentence, max(0, start - 40), start):
        return True  # "insurgents have carried out bombings there for more than a decade": a habit of years
    if family == "disaster":
        return _no_disaster(sentence, start, end)
    if _HARM_ONLY.fullmatch(word) and _CARE_BEFORE.search(sentence, max(0, start - 40), start):
        return True  # "a truce to evacuate wounded and civilians": people cared for, no new harm
    if _HARM_ONLY.fullmatch(word) and _HURT_TAKEN.match(sentence, end) and _THE_OR_NONE.search(sentence, max(0, start - 30), start):
        return True  # "Wounded sailors were flown to a hospital in Djibouti": the attack's hurt, cared for
    armed = bool(_ARMED.search(sentence))
    if family == "territory" and lowered.startswith(("entered", "marched into")) and not _ARMED.search(sentence, max(0, start - 100), start):
        return True  # "the President entered Parliament", "protesters marched into Belgrade": no armed men taking it
    if lowered.startswith(("fight", "fought", "battl")) and _FIGURATIVE.match(sentence, end) and not (
        armed and lowered.startswith(("fight", "fought")) and _MILITARY_AIM.match(sentence, end)
    ):
        return True  # "relatives fought to keep him", "fighting for custody" (troops fighting to retake a town fight)
    if family == "release" and (_ROUTINE_AFTER.match(sentence, end) or _ROUTINE_BEFORE.search(sentence, max(0, start - 40), start)):
        return True  # "released on bail", "given a summons and released": no prisoner release
    if family == "release" and lowered.startswith("releas") and not _CAPTIVE.search(sentence[max(0, start - 100) : start] + " " + sentence[end : end + 60]):
        return True  # "The $30 book, released Tuesday": no one held is let go
    if family == "protest" and lowered.removeprefix("to ").startswith(("denounc", "decr")) and _SPEECH_DENOUNCE.search(sentence, max(0, start - 120), start):
        return True  # "scheduled a news conference to denounce it": words, no crowd
    if family == "protest" and lowered.startswith("protest") and _LONE_ACT.search(sentence, max(0, start - 60), start):
        return True  # "resigned in protest last month": one person's act, no crowd
    if (lowered.endswith("operation") or lowered.startswith(("merg", "renam"))) and not armed:
        return True  # "the operation would be more challenging than previous searches", two firms' merger
    if lowered.startswith("withdr") and (_WITHDRAWN_THING.match(sentence, end) or _WITHDRAWN_BY.search(sentence, max(0, start - 50), start)):
        return True  # "issued and then withdrew a tsunami alert": a notice taken back, no force
    if lowered.startswith(("mobili", "deploy")) and not armed:
        return True  # "we cannot stop mobilizing": supporters, not troops
    if lowered.startswith(("surround", "besieg", "encircl")) and not armed and not _SIEGE_OBJECT.match(sentence, end):
        return True  # "surrounded by two drunks"
    if lowered.endswith("operation") and _PROMPTED_BEFORE.search(sentence, max(0, start - 40), start):
        return True  # "took several people hostage ..., prompting a large security operation": the response
    if lowered.startswith(("surround", "encircl")) and _CORDON_ARREST.match(sentence, end):
        return True  # "special forces surrounded the clinic and detained the 60-year-old": an arrest's cordon
    if lowered.startswith("gather") and _CHEERED.match(sentence, end):
        return True  # "Crowds gathered outside the clinic and applauded as police vans drove away"
    if lowered.startswith(_TURNABLE) and (
        _NOT_VIOLENCE_BEFORE.search(sentence, max(0, start - 24), start) or _NOT_VIOLENCE_AFTER.match(sentence, end)
    ):
        return True  # "a heart attack", "cardiac arrest", "shooting for a 2011 release"
    if lowered.startswith(("captur", "seiz", "took", "take", "won", "win")) and _FIGURATIVE_OBJECT.match(sentence, end):
        return True  # "captured Europe's wariness", "captured 30 seats"
    if lowered.startswith("detonat") and (_CONTROLLED.search(sentence, max(0, start - 50), start) or "controlled" in sentence.lower()):
        return True  # "Police detonated a suspicious package": made safe, no attack
    if _FICTION.match(sentence, end):
        return True  # "the Iran hostage drama 'Argo'"
    if _LIFE_STAGE.match(sentence, end):
        return True  # "his father was shot and killed when Mr. McCulloch was 12": years back, undated
    if lowered in ("fight", "battle", "war") and _DETERMINER_BEFORE.search(sentence, max(0, start - 20), start) and _CAMPAIGN.match(sentence, end):
        return True  # "the fight against so-called Islamic State will dominate talks"
    if lowered.startswith("rall") and (_RALLY_AROUND.match(sentence, end) or _RALLY_SUPPORT.match(sentence, end)):
        return True  # "calling all Americans to rally around service members", "to rally Arab public opinion behind Baghdad": support, no rally
    if lowered.endswith("ing") and lowered.startswith(("arrest", "strik")) and _ADJECTIVE.match(sentence, end):
        return True  # "arresting images", "striking photos": how something looks
    if lowered.startswith("demonstrat") and _SHOWING.match(sentence, end):
        return True  # "demonstrating commitment", "demonstrated how": showing, no crowd
    if family == "territory" and lowered.startswith("recaptur") and _ESCAPEE_BEFORE.search(sentence, max(0, start - 40), start):
        return True  # "a convicted rapist recaptured after eight days on the run": an arrest (told as one), no town
    if family == "territory" and (_HAZARD.search(sentence, max(0, start - 80), start) or (lowered.startswith("storm") and _A_BUILDING.match(sentence, end))):
        return True  # "tsunamis ... swept into towns": a hazard, no force; "stormed the Government Girls Science Secondary School": a raid, no territory
    if family in ("riot", "looting") and lowered.startswith(("damag", "demolish", "destroy")) and (
        _HAZARD.search(sentence, max(0, start - 80), start) or _QUAKE_BEFORE.search(sentence, max(0, start - 60), start)
    ):
        return True  # "the 7.7 magnitude quake damaged 42 buildings", "a blaze demolished the warehouse"
    if family == "detention" and _ROUTINE_ARREST.match(sentence, end):
        return True  # "arrested on suspicion of drunken driving": no crisis event
    if lowered.startswith("blast") and re.search(r"\bto\s+$", sentence[max(0, start - 5) : start]):
        return True  # "has taken to Facebook to blast her sister": criticism, no explosion
    if lowered == "died" and _YEAR_AFTER.match(sentence, end) and not _VIOLENT.search(sentence):
        return True  # "Niyazov died in 2006", "who died in 2006 after 21 years in power": a life, not an attack
    if lowered == "bodies" and _NOT_CORPSES.search(sentence, max(0, start - 30), start):
        return True  # "19 state legislative bodies", "international bodies": institutions, not the dead
    if _GENERIC_OBJECT.match(sentence, end) or _GENERIC_SUBJECT.search(sentence, max(0, start - 50), start):
        return True  # "troops fighting abroad", "to detain and to deport every illegal alien", "all people arrested"
    if _GENERIC.match(sentence, end) and (not sentence[:start].strip(" \"'“‘(") or _PAIR_OPENS.fullmatch(sentence, 0, start)):
        return True  # "Rape is an evil act.", "Violence is never the answer": a kind of act, no happening
    if _HARM_ONLY.fullmatch(word):
        # "killed by a hit-and-run driver", "a tsunami that killed 170,000": a harm with a
        # cause that is no violence, unless violence is told beside it.
        rest = sentence[:start] + " " * (end - start) + sentence[end:]
        if not _violence_told(rest, sentence) and not _BY_FORCE.match(sentence, end) and (
            _NONVIOLENT.search(sentence) or (_NONVIOLENT.search(lead) and not _violence_told(lead, lead))
        ):
            return True
    if family == "attack" and _INDUSTRIAL.search(sentence) and not _ARMED_CAUSE.search(sentence):
        return True  # "An explosion at a chemical plant in Tianjin killed 50": an industrial accident
    if _TOPIC_BEFORE.search(sentence, max(0, start - 60), start):
        return True  # "his controversial comments on rape": a topic, not a happening
    if lowered.startswith(("assault", "attack")) and _ABSTRACT_TARGET.match(sentence, end):
        return True  # "another assault on the law", "an attack on democracy"
    if _WEAPON_NOUN.match(lowered) and _WEAPON_TRADE.search(sentence, max(0, start - 110), start):
        return True  # "accused of supplying missiles, landmines and mortars": goods, not fire
    if lowered.startswith("fle") and re.match(r"\s+(?:from\s+)?the\s+(?:scene|accident|crash)", sentence[end:]):
        return True  # "fleeing the scene": a driver or a suspect getting away
    if family == "looting" and _DISASTER.search(sentence) and not _VIOLENT.search(sentence) and not _ARMED.search(sentence):
        return True  # "an earthquake ... destroyed buildings": no looting or arson
    if lowered == "demonstrated" and re.search(r"\b(?:be|been|being|was|were|is|are)\s+$", sentence[max(0, start - 8) : start]):
        return True  # "products will be demonstrated": things are shown, people demonstrate
    if _HARM_ONLY.fullmatch(word) and _KIN_BEFORE.search(sentence, max(0, start - 40), start) and not _VIOLENT.search(sentence):
        return True  # "after his father died": a family's loss, no violence
    if _HARM_ONLY.fullmatch(word) and _NOT_LIVING.search(sentence, max(0, start - 50), start) and not _VIOLENT.search(sentence):
        return True  # "a state-run business that eventually died"
    if _MODAL_AFTER.match(sentence[end:]) and not _DETERMINED.search(sentence[max(0, start - 30) : start]):
        return True  # "rape can lead to pregnancy": a kind of act, no happening
    if family == "detention" and _NONVIOLENT.search(sentence) and not _VIOLENT.search(sentence):
        return True  # "the driver fled the accident scene but was apprehended": a traffic case
    if word.startswith("March") and (_MONTH_BEFORE.search(sentence, max(0, start - 12), start) or re.match(r"\s*\d", sentence[start + 5 :])):
        return True  # "spotted objects on 28 March in a new search area": the month, no march
    if lowered.startswith(("beat", "defeat", "rout", "crush", "edg")) and _SCORE.search(sentence):
        return True  # "the Tar Heels beat visiting Evansville, 91-73": a game
    if lowered.startswith("with ") and sentence[:start].rstrip().lower().endswith("armed"):
        return True  # "people armed with explosives were stopped": carried, not set off
    if family == "abduction" and _PERFECT_JUST_BEFORE.search(sentence, max(0, start - 20), start) and _MANY_SINCE.match(sentence, end):
        return True  # "bandits have kidnapped hundreds of students in northern Nigeria since December": a count of many
    if _SERIES_BEFORE.search(sentence, max(0, start - 60), start) and _PERIOD_TOLD.search(sentence):
        return True  # "over the past year, with near-daily Israeli raids and a string of Palestinian attacks"
    if lowered.endswith("s") and _TALLY_OF.match(sentence, end) and _PERIOD_TOLD.search(sentence, end):
        return True  # "the killings of 11 young women over the past six years": a tally, none of them told
    if not lowered.endswith(("ed", "ing", "s")) and _UNIT_AFTER.match(sentence, end) and not _VERB_BEFORE.search(sentence, max(0, start - 12), start):
        return True  # "Army air assault units", "attack helicopters": a kind of unit or weapon
    if lowered.startswith("bomb") and not lowered.startswith("bombing") and _FOUND_BOMB.match(sentence, end):
        return True  # "the bomb found at the farm was meant for a target in Belfast": found, not set off
    if family == "attack" and lowered.startswith(("blast", "explo", "detonat", "bomb")) and _TEST_BLAST.search(sentence):
        return True  # "the blasts at the Pokhran test range": a weapons test, no attack
    if lowered.endswith("bodies") and _BODIES_LAY.match(sentence, end):
        return True  # "The bodies still lay in the streets on Wednesday": killed before, no attack that day
    if (
        (_WEAPON_NOUN.fullmatch(lowered) or lowered.startswith(("tank", "helicopter", "warplane", "aircraft", "gunship")))
        and _BACKED_BY.search(sentence, max(0, start - 40), start) and not _ARMS_ACT_AFTER.match(sentence, end)
    ):  # fmt: skip
        return True  # "troops backed by tanks and artillery stormed the palace": the storming's arms, no shelling
    if lowered.endswith(("operation", "operations", "campaign")) and _ASPECT_OF.search(sentence, max(0, start - 50), start):
        return True  # "the military phase of the operation was nearly over": the known operation, no new one
    if family in ("riot", "looting") and _BLAST_SUBJECT.search(sentence, max(0, start - 100), start):
        return True  # "The blast set fire to nearby office buildings": the bombing's damage, no riot
    if family == "riot" and lowered.startswith(("set", "torch", "burn")) and _RAIDERS.search(sentence, max(0, start - 150), start):
        return True  # "The attackers ... cut the throats of villagers and set houses on fire": the attack's, no riot
    if lowered in ("died", "dies", "dying", "die") and _THING_DIED.search(sentence, max(0, start - 40), start):
        return True  # "as the craze died, Coleco failed to come up with another winner": a fad, no one dead
    if family == "attack" and " to " in sentence[:start] and _CAPABILITY.search(sentence, 0, start):
        return True  # "Iraq is believed to have the ability to deliver chemical weapons in artillery shells or ... missiles"
    if _RUNNING_SINCE.search(sentence, 0, start):
        return True  # "Since Thursday, at least 23 Palestinians have been killed": a running toll of days
    if _STATISTIC.match(sentence, end):
        return True  # "arrests were made in about 55 percent of robbery cases": a statistic
    if lowered.startswith(("displac", "uproot")) and _WAR_THAT_HAS.search(sentence, max(0, start - 100), start):
        return True  # "a wave of violence that has displaced nearly two million people": the war's count, no day's flight
    if lowered.startswith("grenade") and _HELD_BEFORE.search(sentence, max(0, start - 50), start) and not _THROWN.search(sentence):
        return True  # "threatened staff with a handgun and a grenade": a weapon held, not thrown
    near, after = sentence[max(0, start - 24) : start], sentence[end : end + 90]  # (cheap looks before the cues)
    if (
        (" be " in near and _NEGATED_FUTURE.search(sentence, max(0, start - 24), start)) or ("where" in near and _WHERE_THE.search(sentence, max(0, start - 16), start))
        or (" to" in after[:24] and _DESIGNED_TO.match(sentence, end)) or (sentence.lstrip().startswith("Of ") and _OF_THE_VICTIMS.match(sentence))
        or (family in ("attack", "clash", "riot") and (" last " in after or " past " in after) and _SPAN_OF_YEARS.match(sentence, end))
        or (lowered in ("cache", "caches") and _CUES["cache_unfound_before"].search(sentence, max(0, start - 60), start))
        or (lowered.endswith("ing") and _PUNISHED_FOR.search(sentence, max(0, start - 60), start) and not _OWN_DAY_AFTER.match(sentence, end))
    ):  # fmt: skip
        # "would not be attacked", "near where the offensive was taking place", "the operation designed to confront", "Of the eight
        # victims, three were stabbed", "slayings ... over the last five years", "the location of a cache", "punishment for seizing Kuwait"
        return True
    if re.search(r"\bwould(?: not)? be\s+$", sentence[max(0, start - 16) : start]) and re.match(r"[^.;]{0,40}?\bif\b", sentence[end:]):
        return True  # "would be arrested if she continued to flout a court order": a condition
    if word.startswith("Rall") and (re.match(r"\s+(?:party|Party|\()", sentence[end:]) or _PARTY_BEFORE.search(sentence, max(0, start - 30), start)):
        return True  # "the hard-right Popular Orthodox Rally party", "the National Rally": a party
    if lowered.startswith("fought") and (
        re.match(r"\s+for\s+(?:the\s+)?(?-i:[A-Z])", sentence[end:]) or re.search(r"\b(?:had|has|have)\s+$", sentence[max(0, start - 6) : start])
    ):
        return True  # "he has fought for the Islamic State in Syria": a career, no battle
    if family in ("force", "territory") and lowered.startswith("surrender") and re.match(r"\s+(?:for questioning|to (?:the )?(?:police|authorities|investigators|FBI)|himself|herself|(?:his|her|their) (?:passports?|licen[cs]es?|seats?|titles?|lead))\b", sentence[end:]):
        return True  # "his brother, who surrendered for questioning": a person turning himself in, no force
    if family == "force" and re.match(r"\s+(?:on foot|the scene|from (?:the )?(?:scene|police|officers|deputies|guards|authorities|jail|prison)|police|officers|arrest|custody)\b", sentence[end:]):
        return True  # "drove off before fleeing on foot": a suspect's escape, no force withdrawing
    if family == "agreement" and _NOT_POLITICAL_DEAL.search(sentence):
        return True  # "signed a plea agreement", "a new deal to broadcast highlights"
    if lowered.startswith(("explo", "blast", "fire")) and _DISASTER.search(lead) and not _ARMED.search(sentence) and not re.search(r"\bbomb|attack|militant|rebel", sentence, re.IGNORECASE):
        return True  # "an explosion hit a petrochemical plant" in an earthquake story
    if family == "protest" and lowered.startswith("march") and (
        _ARMED_MARCH.search(sentence, max(0, start - 80), start)
        or (lowered.startswith("marching") and sentence[:start].rstrip().endswith(",") and _ARMED_SUBJECT.match(sentence))
    ):
        # "fighters from the Islamic State ... marching in Raqqa", "M23 rebels seized Goma ...,
        # marching through the streets": a parade of force, no protest
        return True
    if family == "deployment" and (
        _RESCUE.search(sentence) or (_DISASTER.search(sentence) and not _VIOLENT.search(sentence) and not _ARMED.search(sentence))
    ):
        return True  # "soldiers deployed in rescue operations" after a quake: relief, no force
    if (
        family in ("displacement", "evacuation") and (_DISASTER.search(sentence) or _NONVIOLENT.search(sentence) or _DISASTER.search(lead))
        and not _VIOLENT.search(sentence) and not _ARMED.search(sentence)
    ):  # fmt: skip
        return True  # "displaced by the earthquake and tsunami", a hit-and-run car that fled: no conflict
    # "The driver fled the scene": one person getting away is no displacement; nor raiders' getaway ("killed five before fleeing").
    return family == "displacement" and lowered.startswith("fle") and (
        (not _COLLECTIVE.search(sentence, max(0, start - 60), start) and "home" not in sentence[end : end + 30])
        or bool(_GETAWAY.search(sentence, max(0, start - 12), start) and (_RAIDERS.search(sentence, 0, start) or sentence.startswith("They ")) and "home" not in sentence[end : end + 30])
    )  # fmt: skip


def legal_reference(text: str, start: int) -> bool:
    """Whether the trigger at ``start`` names what someone is charged with or convicted of
    ("convicted of murder", "a trial for rape"): an earlier event recalled by a court act."""
    return bool(_LEGAL_BEFORE.search(text, max(0, start - 100), start))  # (a list of charges runs long)


def _title_case(sentence: str) -> bool:
    """A headline written in title case ("Rioters In Greece Attack Police Station")."""
    words = [w for w in sentence.split() if w[:1].isalpha()]
    return len(words) >= 3 and sum(w[:1].isupper() for w in words) >= 0.6 * len(words)


# A definite event named by its place or name: "the Sandy Hook school shooting", "the Connecticut shooting".
_NAMED_BEFORE = compiled(
    r"\b[Tt]he\s+(?:[A-Z][\w.'’-]*\s+){1,5}(?:(?:school|elementary|mass|fatal|deadly|terror(?:ist)?|bomb|gun|shopping|movie|theater|theatre|church|marathon)\s+){0,2}"
    r"(?:$|((?:shootings?|massacres?|attacks?|bombings?|killings?)\s+(?:in which|that|which)\s+(?:[\w-]+\s+){0,4}$))"
)
_EVENT_NOUN = compiled(r"shootings?|massacres?|attacks?|bombings?|killings?|blasts?|explosions?|riots?|rampage|siege|stabbings?|fall of|capture of|seizure of|arrests?|detention")
# A cause may also be a doer's strikes ("retaliation for French airstrikes"); not a named event
# ("the Israeli shelling" names its doer, not a known event).
_CAUSE_NOUN = compiled(_EVENT_NOUN.pattern + r"|(?:air ?|air-)?strikes?|raids?|shelling|bombardments?|offensives?|crackdowns?|incursions?|invasions?")


# "violent protests against a police killing", "riots over the shooting of a teenager": the
# killing is the unrest's cause, told as known, not a new happening of the day.
_CAUSE_BEFORE = compiled(
    r"\b(?:protests?|protesters|riots?|rioting|rallies|demonstrations?|demonstrators|unrest|anger|outrage|fury|vigils?)\s+(?:(?:enraged|angered|angry|outraged|incensed|furious|sparked)\s+)?"
    r"(?:against|over|at|about|sparked by|triggered by|prompted by|provoked by)\s+(?:the|a|an|his|her|their|last\s+\w+['’]s)\s+(?:[\w-]+\s+){0,2}$"
    # "students set fire to the offices to protest the fall of Goma": what they protest, told as known
    r"|\bto\s+(?:protest|denounce|condemn|mourn|decry)\s+(?:against\s+)?(?:the|a|an|his|her|their)\s+(?:[\w-]+\s+){0,2}$"
    # "the attacks were retaliation for French airstrikes", "in response to rocket attacks by Hamas":
    # the act answered is the reason given, told as known
    r"|\b(?:retaliation|revenge|reprisals?|response|vengeance)\s+(?:for|to|against)\s+(?:(?:the|a|an|his|her|their|its|[\w-]+['’]s)\s+)?(?:[\w-]+\s+){0,2}$"
    r"|\bto\s+avenge\s+(?:the|a|an|his|her|their|its)\s+(?:[\w-]+\s+){0,2}$",
    re.IGNORECASE,
)
# "to mark a week since the police shooting": told as before the sentence's time.
_SINCE_BEFORE = compiled(r"\bsince\s+(?:the|his|her|their)\s+(?:[\w-]+\s+){0,2}$", re.IGNORECASE)
_DECADE = compiled(r"\b(?:in|during|of|throughout) the (?:(?:early|mid|late)[- ])?(?:1[89]|20)\d0s\b")
# "the killing on Saturday of a teenager": the cause has a day of its own in the sentence.
_OWN_DAY_AFTER = compiled(
    r"\s+(?:(?:on|last|late|early)\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|yesterday|\d)"
)


# "refugees who have fled the heavy fighting", "walked for days to flee indiscriminate
# bombing": the violence people ran from, an ongoing cause, not a happening of the day.
_FLED_FROM = compiled(
    r"\b(?:fle(?:e|es|eing|d)|escap(?:e|es|ed|ing))\s+(?:from\s+)?(?:the\s+|an?\s+|renewed\s+)?"
    r"(?:(?!(?:as|when|after|before|while|because|during|amid|and|but)\b)[\w'’-]+\s+){0,3}$",
    re.IGNORECASE,
)
_FLED_NOUN = compiled(r"fighting|bombings?|bombardments?|shelling|air ?strikes|attacks|clashes|violence|raids|killings")


# "he had gone to fight with IS in Syria": what someone went off to do, not a happening of a day.
_GONE_TO = compiled(r"\b(?:gone|go|goes|going|went|travell?ed|travell?ing|left|headed|sent|volunteered)\s+(?:abroad\s+|overseas\s+|there\s+|back\s+)?to\s+$", re.IGNORECASE)
# A whole war as the object or frame of the fighting: a war is no event a map can place in a day.
_WAR_LEVEL = compiled(
    r"(?:\s+(?:(?:a|an|the|two|three|four|several|many|two\s+long|decades-long|long|bloody|brutal|bitter|disastrous|costly|\d+-year|(?:19|20)\d\d[-–](?:\d\d){1,2})\s+){0,3}(?:civil\s+|border\s+|liberation\s+)?wars?\b"
    r"|\s+(?:[\w'’-]+\s+){0,5}?(?:during|throughout|in)\s+(?:the|its|their|a|his|her)\s+(?:[\w'’-]+\s+){0,3}?(?:civil\s+)?wars?\b|\s+since\s+(?:19|20)\d\d\b)",  # ("fighting since 1996")
    re.IGNORECASE,
)


def fled_cause(sentence: str, start: int, end: int) -> bool:
    """Whether the violence noun at ``start:end`` is what people fled ("fled the fighting in
    South Kordofan"), with no day of its own: the displacement's cause, not the day's event."""
    return (
        _FLED_NOUN.fullmatch(sentence[start:end].lower()) is not None
        and bool(_FLED_FROM.search(sentence, max(0, start - 60), start))
        and not _OWN_DAY_AFTER.match(sentence, end)
    )


def recalled_cause(sentence: str, start: int, end: int) -> bool:
    """Whether the event noun at ``start:end`` is the cause of unrest the sentence tells, with no
    day of its own: "violent protests against a police killing continued"."""
    return (
        (_CAUSE_NOUN.fullmatch(word := sentence[start:end].lower()) is not None or _CAUSE_NOUN.fullmatch(word.rsplit(None, 1)[-1]) is not None)
        and bool(_CAUSE_BEFORE.search(sentence, max(0, start - 90), start))
        and not _OWN_DAY_AFTER.match(sentence, end)
    )


def named_event(sentence: str, start: int, end: int) -> bool:
    """Whether the trigger at ``start:end`` is a noun naming a known event: "after the Newtown
    shooting", or one told as before the sentence's time ("a week since the police shooting")."""
    if _EVENT_NOUN.fullmatch(sentence[start:end].lower()) and _SINCE_BEFORE.search(sentence, max(0, start - 60), start):
        return True
    if _DECADE.search(sentence):
        return True  # "the South Boston busing riots in the 1970s": told of a decade, no day to map
    m = _NAMED_BEFORE.search(sentence, 0, start)
    return m is not None and (m.group(1) is not None or _EVENT_NOUN.fullmatch(sentence[start:end].lower()) is not None)
