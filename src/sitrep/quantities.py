"""Quantities: numbers in digits and words tied to the thing they count.

"around 3,000 troops", "hundreds of prisoners", "10 provincial capitals", "two
soldiers", "95 miles", "$2.5 billion", "40%". Each quantity has a value (None for a
vague plural such as "dozens" or "hundreds of", which gives only a range), a
low/high range, whether it is approximate, the unit or thing counted, a category,
and for deaths and injuries a fatality reading ("killed", "injured",
"casualties") that the events stage sums into fatalities.

One compiled regex finds number phrases; the thing counted is the short noun
phrase after them, read with a closed list of function words. Spans that the
times stage already read ("24 to 48 hours", "2021") are skipped by the caller
passing them in ``skip``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace

from sitrep.lowercue import LowerCue
from sitrep.model import Quantity
from sitrep.rxfactor import compiled

_UNITS_W = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
_TEENS_W = ["ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"]
_TENS_W = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
WORD_VALUES: dict[str, int] = {w: i + 1 for i, w in enumerate(_UNITS_W)}
WORD_VALUES |= {w: i + 10 for i, w in enumerate(_TEENS_W)}
WORD_VALUES |= {w: (i + 2) * 10 for i, w in enumerate(_TENS_W)}
SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000,
          "trillion": 1_000_000_000_000, "m": 1_000_000, "mn": 1_000_000, "bn": 1_000_000_000,
          "k": 1_000}

# Vague counts: (value a cautious analyst codes, low, high). "several" as 3 is the
# common coding convention (ISAF press-release datasets; ACLED codes "several"
# fatalities only where no figure exists, a rule left to the events stage). A plural of
# a magnitude ("dozens", "scores", "hundreds") gives no figure at all: its value is None
# and only its range is kept, so that "killing dozens" never becomes 24 killed.
VAGUE: dict[str, tuple[int | None, int, int | None]] = {
    "a couple of": (2, 2, 2),
    "a pair of": (2, 2, 2),
    "a few": (3, 2, 5),
    "a handful of": (3, 2, 9),
    "several": (3, 3, 9),
    "multiple": (2, 2, None),
    "numerous": (4, 4, None),
    "a dozen": (12, 12, 12),
    "half a dozen": (6, 6, 6),
    "dozens": (None, 24, 99),
    "scores": (None, 40, 199),
    "hundreds": (None, 200, 999),
    "thousands": (None, 2000, 9999),
    "tens of thousands": (None, 20_000, 99_999),
    "hundreds of thousands": (None, 200_000, 999_999),
    "millions": (None, 2_000_000, None),
}

# Words before a number that make it approximate or a bound: (approx, bound).
MODIFIERS: dict[str, tuple[bool, str | None]] = {
    "about": (True, None), "around": (True, None), "approximately": (True, None),
    "roughly": (True, None), "some": (True, None), "an estimated": (True, None),
    "estimated": (True, None), "nearly": (True, "high"), "almost": (True, "high"),
    "close to": (True, "high"), "up to": (False, "high"), "as many as": (False, "high"),
    "at most": (False, "high"), "fewer than": (False, "high"), "less than": (False, "high"),
    "under": (False, "high"), "at least": (False, "low"), "more than": (False, "low"),
    "over": (False, "low"), "upwards of": (False, "low"), "in excess of": (False, "low"),
    "no fewer than": (False, "low"), "no less than": (False, "low"), "just over": (True, "low"),
    "just under": (True, "high"), "only": (False, None), "exactly": (False, None),
}

MEASURES: dict[str, str] = {
    **dict.fromkeys(["mile", "miles", "kilometre", "kilometres", "kilometer", "kilometers", "km", "kms", "metre", "metres", "meter", "meters", "m", "yards", "yard", "feet", "foot", "ft"], "distance"),
    **dict.fromkeys(["kilogram", "kilograms", "kg", "kgs", "tonne", "tonnes", "ton", "tons", "pounds", "lbs", "grams"], "mass"),
    **dict.fromkeys(["hectares", "hectare", "acres", "acre"], "area"),
    **dict.fromkeys(["litres", "liters", "gallons", "barrels"], "volume"),
    **dict.fromkeys(["dollars", "euros", "pounds-sterling", "rupees", "afghanis", "yuan", "rubles", "roubles"], "money"),
    **dict.fromkeys(["percent", "per-cent", "%"], "percent"),
}
_CURRENCY = {"$": "USD", "US$": "USD", "£": "GBP", "€": "EUR", "¥": "JPY", "₹": "INR"}

DEATH = compiled(
    r"\b(?:killed|dead|died|dying|deaths?|fatalities|fatally|slain|perished|executed|massacred|"
    r"lost their lives|shot dead|bodies|beheaded|lynched|murdered|assassinated|drowned|martyred)\b",
    re.IGNORECASE,
)
INJURY = compiled(r"\b(?:wounded|injured|injuries|hurt|wounding|injuring|maimed)\b", re.IGNORECASE)
_TOLL_RISE = compiled(r"\b(?:risen|rose|climbed|jumped|increased|reached|stood|stands|now stands|is now)\s+(?:to|at)?\s*(?:at least\s+|more than\s+)?$", re.IGNORECASE)
_PARENT_OF = compiled(r"\b(?:mother|father|parent|mom|dad|grandmother|grandfather)\s+of\s+$", re.IGNORECASE)
_TOLL_RAISED = compiled(r"\b(?:raising|raised|bringing|brought|pushing|pushed|lifting|lifted|taking|took)\s+the\s+(?:death\s+)?toll\b[^.;]{0,60}?\bto\s+(?:at least\s+|more than\s+|about\s+|nearly\s+|over\s+)?$", re.IGNORECASE)
_TOLL_WORD = compiled(r"\b(?:death\s+)?toll\b", re.IGNORECASE)
_DEATH_BEFORE = compiled(
    r"\b(?:killing|killed|kill|kills|left|leaving|toll (?:\w+ )?(?:to|of|at)|claimed the lives of|"
    r"the deaths of|deaths of|death of|bodies of|executed|shot dead|massacred|slaughtered|murdered|beheaded|decapitated|"
    r"(?:slit|slitting|slashed|cut|cutting) (?:the )?throats of|"
    r"(?:hacked|stabbed|beaten|burned|burnt|clubbed|stoned|shot|starved|tortured) to death)\s*$",
    re.IGNORECASE,
)
_OTHERS_AFTER = compiled(r"\s+others?\b", re.IGNORECASE)
_KILLING_ONE_AND = compiled(r"\b(?:killing|killed|kills)\s+[^.;,]{1,80}?\s+and\s+(?:at\s+least\s+|some\s+)?$", re.IGNORECASE)
_INJURY_BEFORE = compiled(r"\b(?:wounding|wounded|injuring|injured|hurt|hurting|maiming)\s*$", re.IGNORECASE)
_CASUALTY = compiled(r"^casualt(?:y|ies)$", re.IGNORECASE)
_AGENT = compiled(
    r"\s+(?:\d|a|an|the|one|two|three|four|five|six|seven|eight|nine|ten|several|dozens|scores|hundreds|"
    r"at least|his|her|their|another|some|many|civilians|people|soldiers|villagers)\b",
    re.IGNORECASE,
)
_PASSIVE = compiled(r"\b(?:was|were|been|being|are|is|be|got)\s+(?:\w+\s+){0,2}$", re.IGNORECASE)

PEOPLE = frozenset(
    ["people", "persons", "person", "civilians", "civilian", "soldiers", "soldier", "forces", "troops", "troop", "servicemen", "policemen", "police", "officers", "officer", "insurgents", "insurgent", "militants", "militant", "fighters", "fighter", "rebels", "rebel", "members", "member", "children", "child", "kids", "women", "woman", "men", "man", "girls", "girl", "boys", "boy", "students", "student", "protesters", "protestors", "demonstrators", "workers", "worker", "villagers", "residents", "resident", "passengers", "pilgrims", "worshippers", "guards", "guard", "commanders", "commander", "leaders", "leader", "officials", "official", "journalists", "journalist", "staff", "colleagues", "prisoners", "prisoner", "inmates", "detainees", "suspects", "suspect", "migrants", "refugees", "farmers", "miners", "marines", "personnel", "recruits", "cadets", "agents", "gunmen", "attackers", "bombers", "infants", "babies", "teenagers", "youths", "elders", "relatives", "victims", "patients", "doctors", "nurses", "teachers", "employees", "contractors", "diplomats", "citizens", "nationals", "tourists", "others", "individuals", "taliban", "jihadists", "extremists", "terrorists", "combatants", "casualties", "dead", "wounded", "injured",
     "sailors", "seamen", "airmen", "crew", "crewmen", "militiamen", "fishermen", "guardsmen", "tribesmen", "herdsmen", "clansmen",
     "gendarmes", "guerrillas", "hostages", "monks", "priests", "nuns", "pupils", "schoolchildren", "schoolgirls", "schoolboys",
     "toddlers", "adults", "survivors", "visitors", "spectators", "conscripts", "mercenaries", "jihadis", "paramilitaries",
     # kin counted as the dead are: "three cousins who had taken refuge in a UN school were killed"
     "cousins", "brothers", "sisters", "sons", "daughters", "siblings", "nephews", "nieces", "grandchildren", "parents",
     # the trades and the bystanders of rural and street violence: "killed three peasants"
     "peasants", "bystanders", "shoppers", "traders", "merchants", "vendors", "shopkeepers", "labourers", "laborers", "drivers",
     "motorists", "settlers", "herders", "nomads", "worshipers", "mourners", "rioters", "looters", "firefighters", "rescuers", "policewomen"]
)

# A people named by its plural ("12 ethnic Albanians", "three Israelis", "40 Tutsis", "Kurds",
# "Serbs", "Chechens", "Sudanese"): counted people, as "villagers" are.
_GROUP_PLURAL = compiled(r"[A-Z][a-z]+(?:ans|is|ese|ites|ds|bs|ts|ks|ims|ews|us|ils|urs|khs|ens)$")

# Words that end a counted noun phrase (function words, auxiliaries, reporting verbs).
_STOP = frozenset(
    ["a", "an", "the", "this", "that", "these", "those", "of", "in", "on", "at", "to", "from", "by", "for", "with", "without", "into", "onto", "over", "under", "near", "since", "during", "after", "before", "between", "among", "across", "along", "around", "about", "against", "and", "or", "but", "nor", "as", "than", "then", "so", "if", "while", "when", "where", "which", "who", "whom", "whose", "what", "why", "how", "is", "are", "was", "were", "be", "been", "being", "am", "have", "has", "had", "do", "does", "did", "will", "would", "shall", "should", "may", "might", "can", "could", "must", "said", "says", "say", "told", "tells", "according", "it", "its", "it's", "their", "his", "her", "our", "my", "your", "they", "them", "he", "she", "we", "i", "you", "there", "here", "not", "no", "also", "just", "only", "still", "yet", "already", "more", "most", "less", "least", "per", "each", "every", "some", "any", "all", "both", "either", "neither", "other", "another", "such", "very", "too", "up", "down", "out", "off",
     # Times of day after the count ("killed at least 45 Palestinians overnight") are no part of it.
     "overnight", "today", "tonight", "yesterday", "earlier", "later", "recently", "again", "last", "next", "this"]
)
_WORD_NUM = "|".join(sorted([*_TENS_W, *_TEENS_W, *_UNITS_W], key=len, reverse=True))
_COMPOUND = rf"(?:(?:{'|'.join(_TENS_W)})[- ](?:{'|'.join(_UNITS_W)})|{_WORD_NUM})"
_DIGITS = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_SCALE = r"(?:\s*(?:hundred|thousand|million|billion|trillion)\b|(?:bn|mn|m|k)\b)"
_VAGUE = "|".join(
    re.escape(v) + (r"(?:\s+of\b)?" if v.endswith("s") else "") for v in sorted(VAGUE, key=len, reverse=True)
)
_MOD = "|".join(re.escape(m) for m in sorted(MODIFIERS, key=len, reverse=True))
_NUMBER = (
    rf"(?:(?P<cur>US\$|[$£€¥₹])\s?)?"
    rf"(?P<num>{_DIGITS}|(?:{_COMPOUND}|a hundred|a thousand|a million)\b)(?P<scale>{_SCALE}(?:\s+(?:thousand|million))?)?"
)
_QUANTITY = compiled(
    rf"(?<![\w.,/#$£€-])(?:(?P<mod>{_MOD})\s+)?"
    rf"(?:(?P<vague>{_VAGUE})|{_NUMBER}(?:\s*(?P<sep>-|–|to|and|or)\s*(?:{_NUMBER.replace('?P<', '?P<hi_')}))?)"
    rf"(?![\w,]*\d)(?!-[a-zA-Z]*\d)",
    re.IGNORECASE,
)
_QUANTITY_FAST = LowerCue(_QUANTITY)  # (found on lower-cased text: several times faster)
_BETWEEN = compiled(r"\bbetween\s+$", re.IGNORECASE)
# (an abbreviation is one word: "Eighteen U.S. soldiers were killed")
_WORD = compiled(r"\s*(?:of\s+(?:the|their|his|her|its|our|these|those|them)\s+)?((?:[A-Z]\.){2,}|[A-Za-z][\w'’]*(?:-[\w'’]+)*|%)")
_PERCENT = compiled(r"\s*(?:%|per ?cent\b|percent\b)", re.IGNORECASE)
_NOT_AFTER = compiled(r"(?:\s*(?:a\.?m\b|p\.?m\b|GMT|UTC|hrs\b|h\d\d)|-?(?:year|month|week|day|hour|minute)s?-old|\s*(?:st|nd|rd|th)\b|:\d|/\d)", re.IGNORECASE)
_GLUED = compiled(r"[A-Za-z]+")
_NAME_BEFORE = compiled(r"(?<![.!?:;\n]\s)(?<!^)\b[A-Z][a-z]+\s$")
# "labourers aged 22", "at the age of 15": an age, not a count.
_NAME_COMMA_BEFORE = compiled(r"\b[A-Z][\w'’.-]*\)?,\s+$")
# After an age in apposition: a comma, or a dash or a line end in a list of names ("Brahim
# Abdeslam, 31 - named as attacker who died near Bataclan").
_AGE_CLOSE = compiled(r",|[ \t]*(?:[-–—][ \t]|\n)")
_AGED_BEFORE = compiled(r"\b(?:aged|ages|age of|age)\s+(?:between\s+|from\s+)?$", re.IGNORECASE)
_PRONOUN_ONE = compiled(r"\b(?:no|the|this|that|every|any|each|which|someone|anyone|no-one|little)\s+$", re.IGNORECASE)


def _number(num: str, scale: str | None) -> float | None:
    num = num.lower().replace(",", "")
    if num.startswith("a "):
        value: float = SCALES[num[2:]]
    elif num[0].isdigit():
        value = float(num)
    elif "-" in num or " " in num:
        tens, units = re.split(r"[- ]", num)
        value = WORD_VALUES[tens] + WORD_VALUES[units]
    else:
        found = WORD_VALUES.get(num)
        if found is None:
            return None
        value = found
    for word in (scale or "").lower().split():
        value *= SCALES[word.strip()]
    return value


def _clean_value(v: float | None) -> float | int | None:
    if v is None:
        return None
    return int(v) if v == int(v) else v


_PEOPLE_AHEAD = compiled(r"(?:\s+[A-Z][\w'-]*){0,2}\s+(?:" + "|".join(sorted(PEOPLE, key=len, reverse=True)) + r")\b")


def _thing(text: str, pos: int) -> tuple[str | None, int]:
    """The short noun phrase after a number and where it ends."""
    words: list[str] = []
    end = pos
    i = pos
    partitive = False
    while len(words) < 5:
        m = _WORD.match(text, i)
        if not m:
            break
        word = m.group(1)
        if m.group(0).lstrip().lower().startswith("of "):
            if words:
                break
            partitive = True
        lower = word.lower()
        if lower in _STOP or lower in WORD_VALUES or (words and DEATH.fullmatch(lower) and lower not in PEOPLE):
            break
        # "three suspected JNIM militants": a name inside the phrase does not end it.
        name_after = words and word[0].isupper() and not words[-1][0].isupper() and lower not in PEOPLE and not _GROUP_PLURAL.match(word)
        if name_after and not _PEOPLE_AHEAD.match(text, m.end()):
            break
        words.append(word)
        end = m.end()
        i = m.end()
        if lower in MEASURES or (lower in PEOPLE and words[-1][0].islower()):
            break
    if partitive and not words:
        return None, pos
    return (" ".join(words) if words else None), end


def _category(unit: str | None, currency: str | None) -> str:
    if currency:
        return "money"
    if unit is None:
        return "count"
    head = unit.split()[-1].lower()
    return MEASURES.get(head, "count")


def _fatality(text: str, q_start: int, q_end: int, unit: str | None) -> str | None:
    """Whether the quantity counts dead, injured or casualties, from its clause."""
    if _PARENT_OF.search(text, max(0, q_start - 24), q_start):
        return None  # "Zurana Horton, 34, a mother of 12, was fatally shot": her children, not the dead
    head = unit.split()[-1].lower() if unit else None
    if head and _CASUALTY.match(head):
        return "casualties"
    if head in {"dead", "death", "deaths", "fatality", "fatalities", "bodies", "lives"}:
        return "killed"
    if head in {"wounded", "injured", "injuries"}:
        return "injured"
    if head is not None and head not in PEOPLE and not head.endswith(("ers", "ists", "ians", "ees")) and not _GROUP_PLURAL.match(unit.split()[-1] if unit else ""):
        return None
    if _OTHERS_AFTER.match(text, q_end) and _KILLING_ONE_AND.search(text, max(0, q_start - 100), q_start):
        return "killed"  # "killing Hamas military chief Salah Shehadeh and 14 other people"
    before = text[max(0, q_start - 40) : q_start]
    before = re.split(r"[.;:!?]|\band\b", before)[-1]
    if (m := _DEATH_BEFORE.search(before)) and not m.group().lower().startswith(("left", "leaving")):
        return "killed"
    if m:
        # "left five dead", but "left more than 60 people injured", "left 3,000 homeless"
        tail = text[q_end : q_end + 40]
        said = DEATH.search(tail), INJURY.search(tail)
        if said[1] and (not said[0] or said[1].start() < said[0].start()):
            return "injured"
        return "killed" if said[0] or not re.match(r"\s+(?:[\w-]+\s+){0,2}?(?:homeless|stranded|without|jobless|unemployed|displaced|in need|missing|trapped|unaccounted|marooned)\b", tail) else None
    if "toll" in text[max(0, q_start - 120) : q_start] and _TOLL_RAISED.search(text, max(0, q_start - 120), q_start):
        return "killed"  # "raising the death toll from Wednesday's bombing to 81"
    if _TOLL_RISE.search(before) and _TOLL_WORD.search(text, max(0, q_start - 120), q_start):
        return "killed"  # "the death toll from Friday's blast at the embassy has risen to 201"
    if _INJURY_BEFORE.search(before):
        return "injured"
    # A parenthesis ("4 volunteer fighters (VDP) were killed") does not end the clause.
    window = re.sub(r"\s*\([^()]{0,40}\)", "", text[q_end : q_end + 90])[:60]
    after = re.split(r"[.;:!?()]|,\s*(?:and|while|but|as)\b|\band\s+\d", window)[0]
    after = after[:45]
    d, w = DEATH.search(after), INJURY.search(after)
    if d and _AGENT.match(text, q_end + d.end()) and not _PASSIVE.search(after[: d.start()]):
        # "150 troops killed two civilians": the troops did the killing.
        d = None
    if d and (not w or d.start() < w.start()):
        return "killed"
    if w:
        return "injured"
    return None


def find_quantities(text: str, skip: Iterable[tuple[int, int]] = ()) -> list[Quantity]:
    """Every quantity in ``text``; numbers inside the ``skip`` spans (times) are left out."""
    skipped = sorted(skip)
    out: list[Quantity] = []
    thing_ends: list[int] = []
    for m in _QUANTITY_FAST.finditer_as_written(text):
        start, end = m.span()
        if any(s < end and start < e for s, e in skipped):
            continue
        if _NOT_AFTER.match(text, end):
            continue
        glued = _GLUED.match(text, end)
        if glued and glued.group().lower() not in MEASURES and text[end - 1].isdigit():
            continue  # an identifier ("1199SEIU", "F16s")
        if text[start].isdigit() and _NAME_BEFORE.search(text[max(0, start - 30) : start]):
            continue  # part of a name ("Barrio 18", "Route 66")
        if _AGED_BEFORE.search(text, max(0, start - 16), start):
            continue  # an age ("cousins aged 22 died"), not how many
        if _AGE_CLOSE.match(text, end) and end - start <= 3 and text[start:end].isdigit() and _NAME_COMMA_BEFORE.search(text, max(0, start - 40), start):
            continue  # an age in apposition ("Alexis Grigoropoulos, 15, was killed"), not fifteen dead
        num = m.group("num")
        vague = m.group("vague")
        if num and num.lower() == "one" and (_PRONOUN_ONE.search(text[max(0, start - 12) : start]) or text[end : end + 4].lower() == " of "):
            continue
        if num and re.fullmatch(r"(?:1[89]|20)\d\d", num) and not m.group("scale") and not m.group("cur"):
            continue  # a year the times stage did not claim ("the 2014 elections")
        mod = (m.group("mod") or "").lower()
        approx, bound = MODIFIERS.get(mod, (False, None))
        metres = False
        if vague:
            key = " ".join(vague.lower().split())
            value, low, high = VAGUE[key] if key in VAGUE else VAGUE[key.removesuffix(" of")]
            approx = True
            val: float | int | None = value
            lo: float | int | None = low
            hi: float | int | None = high
        else:
            scale = m.group("scale")
            if scale and scale.strip().lower() in {"m", "k", "mn", "bn"} and not m.group("cur"):
                # "5m" without a currency is five metres; "10k" a distance run.
                if scale.strip().lower() != "m":
                    continue
                scale, metres = None, True
            val = _clean_value(_number(num, scale))
            if val is None:
                continue
            lo = hi = val
            if m.group("hi_num"):
                hi = _clean_value(_number(m.group("hi_num"), m.group("hi_scale") or m.group("scale")))
                if (hi is None or hi <= val) and m.group("sep") in {"-", "–"}:
                    continue  # a score or an identifier ("2-1"), not a range
                if hi is None or hi <= val:
                    # "10 to 12" is a range; "2-1" or "4 or 3" are not.
                    end = m.start("sep") if m.group("sep") else end
                    while end > start and text[end - 1].isspace():
                        end -= 1
                    hi = val
                elif m.group("sep") in {"and"} and not _BETWEEN.search(text[max(0, start - 10) : start]):
                    end = m.end("num") + (len(m.group("scale") or ""))
                    hi = val
            if bound == "low":
                hi = None
            elif bound == "high":
                lo = None
        if mod in {"more than", "over", "upwards of", "in excess of", "at least", "no fewer than", "no less than"}:
            hi = None
        unit: str | None
        currency = _CURRENCY.get((m.group("cur") or "").upper()) if not vague else None
        pm = _PERCENT.match(text, end)
        if metres:
            unit, end_thing = "m", end
        elif pm:
            unit, end_thing = "%", end + pm.end()
        else:
            unit, end_thing = _thing(text, end)
        if currency and (unit is None or unit.lower() not in MEASURES):
            unit, end_thing = currency, end
        if num and unit is None and not mod and not currency and val is not None and val < 10 and not num[0].isdigit():
            # A bare word number with nothing counted ("one said") is seldom a quantity.
            fat = _fatality(text, start, end, None)
            if fat is None:
                continue
        category = "percent" if unit == "%" else _category(unit, currency)
        thing_ends.append(end_thing)
        out.append(
            Quantity(
                start=start,
                end=end,
                text=text[start:end],
                value=val,
                low=lo,
                high=hi,
                approx=approx,
                unit=unit,
                category=category,
                fatality=_fatality(text, start, end_thing, unit) if category == "count" else None,
            )
        )
    return _share_fatality(text, out, thing_ends)


_LIST_JOIN = compiled(r"^\s*(?P<j>,\s*and|,|and)\s+(?:(?:between|at least|around|about|some|nearly|over)\s+)?$")
# "killed 8 civilians in Mbakira village and 7 civilians in ...": the same count in two places.
_PLACE_JOIN = compiled(r"^\s+(?:in|at|near)\s+[^,.;:()]{1,40}?\s+(?P<j>and)\s+$")
_OWN_VERB = compiled(r"\s+(?:\w+ly\s+)?(?:were|was|are|is|had|have|has|got|went|fled|remain(?:ed)?)\b")
_SUB_COUNT = compiled(r"^\s*,?\s*(?:including|among them|of whom|of them)\s+$")


def _share_fatality(text: str, out: list[Quantity], ends: list[int]) -> list[Quantity]:
    """A list of counts ending in "were killed" counts dead in every member.

    "5 soldiers, between 35 and 45 militants, and 3 civilians were killed": all
    three are dead. Members after "including" break a total down and are not
    counted again, up to an "and" that closes the inner list ("7 people
    including 5 Koglweogo, 1 VDP, and 1 civilian and 20 militants").
    """
    i = 0
    while i < len(out):
        members, subs, joins = [i], set(), [""]
        j = i
        while j + 1 < len(out) and out[j].category == "count" == out[j + 1].category:
            gap = text[ends[j] : out[j + 1].start]
            sub = _SUB_COUNT.match(gap)
            m = _LIST_JOIN.match(gap) or (_PLACE_JOIN.match(gap) if out[j].unit == out[j + 1].unit else None)
            if not (m or sub):
                break
            joins.append("including" if sub else m.group("j").replace(" ", "") if m else "")
            j += 1
            members.append(j)
        last = out[members[-1]]
        first = out[members[0]]
        if len(members) > 1 and last.fatality is None and first.fatality in ("killed", "injured"):
            # "shot dead one soldier and one police officer": the verb before counts them all.
            for idx in members[1:]:
                own_verb = _OWN_VERB.match(text, ends[idx])  # "and 5 soldiers were arrested"
                if out[idx].fatality is None and joins[members.index(idx)] != "including" and not own_verb:
                    out[idx] = replace(out[idx], fatality=first.fatality)
        elif len(members) > 1 and last.fatality in ("killed", "injured"):
            inside = False
            for k, idx in enumerate(members):
                join = joins[k]
                if join == "including":
                    inside = True
                elif inside and join == "and" and ",and" in joins[:k]:
                    inside = False  # the second "and" closes the breakdown
                if inside:
                    subs.add(idx)
            for idx in members:
                q = out[idx]
                if q.fatality is None or idx in subs:
                    out[idx] = replace(q, fatality=None if idx in subs else last.fatality)
        i = members[-1] + 1
    return out
