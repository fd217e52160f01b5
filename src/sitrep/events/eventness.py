"""Whether a trigger tells a happening a crisis map should show.

Words of violence are common in news that has none: "killed by a hit-and-run
driver", "died after falling 150 metres", "a heart attack", "shooting for a 2011
release", "attacks targeting an Internet Explorer flaw", "the driver fled the
scene". Each test here reads the words around one trigger; the cue patterns live in
``data/events/cues.tsv`` with their sources.
"""

from __future__ import annotations

from sitrep.events.lexicon import cues

_CUES = cues()
# "killed in a car accident", "died in a boating accident".
_ACCIDENT = _CUES["accident_after"]
# "arrested three times since October": a count of past happenings, none of them told.
_TIMES_OVER = _CUES["times_over_after"]
# "four prior arrests", "previous attacks on the camp".
_PRIOR_BEFORE = _CUES["prior_before"]
_HARM_ONLY = _CUES["harm_only"]
_NONVIOLENT = _CUES["nonviolent_cause"]
_VIOLENT = _CUES["violent_cause"]
_NOT_VIOLENCE_BEFORE = _CUES["not_violence_before"]
_NOT_VIOLENCE_AFTER = _CUES["not_violence_after"]
_LEGAL_BEFORE = _CUES["legal_before"]
_COLLECTIVE = _CUES["collective_before"]
_HEDGE = _CUES["hedge_before"]
_UNREAL = _CUES["unreal_before"]
_FIGURATIVE = _CUES["figurative_after"]
_ARMED = _CUES["armed_words"]
_SIEGE_OBJECT = _CUES["siege_object_after"]
# Triggers whose sense a neighbouring word can turn away from violence.
_TURNABLE = ("attack", "arrest", "shoot", "assault", "releas", "take", "took", "taking", "fight", "battl")


def no_happening(family: str, sentence: str, start: int, end: int, lead: str = "") -> bool:
    """Whether the material trigger at ``start:end`` of ``sentence`` tells no event to map.

    ``lead`` is the story's headline and first sentence: a harm told with no cause of its
    own ("She died at the hospital") takes the story's ("Woman killed in hit-and-run").
    """
    word = sentence[start:end]
    if _ACCIDENT.match(sentence, end) or _TIMES_OVER.match(sentence, end):
        return True
    if _PRIOR_BEFORE.search(sentence, max(0, start - 40), start):
        return True
    lowered = word.lower()
    if _HEDGE.search(sentence, max(0, start - 40), start) or _UNREAL.search(sentence, max(0, start - 80), start):
        return True  # "practically kidnapped", "the possibility of a ground assault"
    armed = bool(_ARMED.search(sentence))
    if lowered.startswith(("fight", "fought", "battl")) and _FIGURATIVE.match(sentence, end) and not (
        armed and lowered.startswith(("fight", "fought")) and sentence[end : end + 4] == " to "
    ):
        return True  # "relatives fought to keep him", "fighting for custody" (troops fighting to retake a town fight)
    if lowered.startswith("mobili") and not armed:
        return True  # "we cannot stop mobilizing": supporters, not troops
    if lowered.startswith(("surround", "besieg")) and not armed and not _SIEGE_OBJECT.match(sentence, end):
        return True  # "surrounded by two drunks"
    if lowered.startswith(_TURNABLE) and (
        _NOT_VIOLENCE_BEFORE.search(sentence, max(0, start - 24), start) or _NOT_VIOLENCE_AFTER.match(sentence, end)
    ):
        return True  # "a heart attack", "cardiac arrest", "shooting for a 2011 release"
    if _HARM_ONLY.fullmatch(word):
        # "killed by a hit-and-run driver", "a tsunami that killed 170,000": a harm with a
        # cause that is no violence, unless violence is told beside it.
        rest = sentence[:start] + " " * (end - start) + sentence[end:]
        if not _VIOLENT.search(rest) and (
            _NONVIOLENT.search(sentence) or (_NONVIOLENT.search(lead) and not _VIOLENT.search(lead))
        ):
            return True
    # "The driver fled the scene": one person getting away is no displacement.
    return (
        family == "displacement" and lowered.startswith("fle")
        and not _COLLECTIVE.search(sentence, max(0, start - 60), start) and "home" not in sentence[end : end + 30]
    )  # fmt: skip


def legal_reference(text: str, start: int) -> bool:
    """Whether the trigger at ``start`` names what someone is charged with or convicted of
    ("convicted of murder", "a trial for rape"): an earlier event recalled by a court act."""
    return bool(_LEGAL_BEFORE.search(text, max(0, start - 70), start))
