"""Where an event happened: which of the places an article names can be a scene, and which one.

A sentence names places for many reasons besides the scene: the speaker ("Brussels
condemns", "Khartoum reported"), someone's office ("the U.S. ambassador", "German news
agency DPA"), a distance ("95 miles from Kabul") or a street ("Snyder Ave."). Those are
set aside first; then the scene is the clause's place nearest the trigger, else the
sentence's, else the place the last sentences were about, else the article's main place.
"""

from __future__ import annotations

import re
from typing import Any

from sitrep.events.clauses import aside_of, quoted_apart
from sitrep.events.lexicon import cues
from sitrep.events.places import attributive, is_capital
from sitrep.events.refplaces import STREET_AFTER as _STREET_AFTER
from sitrep.events.refplaces import STREET_WORDS as _STREET_WORDS
from sitrep.events.refplaces import reference
from sitrep.model import Event, Place
from sitrep.rxfactor import compiled

# "planned in Syria, organised in Belgium": where the act was readied, not where it struck.
_PLOTTED_IN, _COMPARED_SINCE = cues()["plotted_in"], cues()["compared_since"]
_CARE_IN = cues()["care_in"]  # ("flown to a hospital in Djibouti": care, not the scene)
_ORIGIN_FROM = cues()["origin_from"]  # ("militants from Chechnya": whence, not where)
RANK = {"landmark": 0, "city": 1, "admin2": 2, "admin1": 3, "region": 4, "country": 5, "continent": 6}

# A place that speaks is a government or an office (metonymy): "Brussels condemns",
# "Khartoum reported fresh clashes", "The United States issued a statement".
_SPEAKS_AFTER = compiled(
    r"(?:,[^,.;]{1,60},)?\s+(?:(?:has|have|had|also|again|then|quickly|strongly|publicly|officially|swiftly)\s+){0,2}"
    r"(?:condemn(?:s|ed)?|said|says|denie[sd]|accus(?:es|ed)|urg(?:es|ed)|warn(?:s|ed)|issued|reported|reports|"
    r"announc(?:es|ed)|insist(?:s|ed)|claim(?:s|ed)|reject(?:s|ed)|welcom(?:es|ed)|demand(?:s|ed)|blam(?:es|ed)|"
    r"submitted|respond(?:s|ed)|vow(?:s|ed)|protests|protested to|summoned|recalled its|expelled|complained)\b"
)
_BLAMED_BEFORE = compiled(r"\b(?:accus(?:e|es|ed|ing)|blam(?:e|es|ed|ing)|condemn(?:s|ed|ing)?)\s+$", re.IGNORECASE)
_ADDRESSED_BEFORE = compiled(r"\b(?:asking|asked|urging|urged|calling on|called on|pressing|pressed|demanding that|telling|told)\s+$", re.IGNORECASE)
# "NATO warned Belgrade that it was ready to act": a government warned, not a scene.
_WARNED_BEFORE = compiled(r"\b(?:warn(?:s|ed|ing)|caution(?:s|ed|ing)|assur(?:es|ed|ing)|reassur(?:es|ed|ing)|inform(?:s|ed|ing))\s+$", re.IGNORECASE)
# A country that acts is the doer, not the scene: "Sudan bombed the camp", "Israel has
# pounded Gaza" (its forces did it; where is said elsewhere).
DOER_GAP = r"\s+(?:(?:has|have|had|also|then|again|reportedly|allegedly|repeatedly|on \w+|late \w+|\w+ly)\s+){0,3}"
_ACTS_AFTER = compiled(
    DOER_GAP + r"(?:bomb(?:ed|s)|shell(?:ed|s)|attack(?:ed|s)|invaded|invades|struck|strikes|launched|fired|raided|"
    r"seized|captured|occupied|hit|pounded|targeted|killed|deployed|sent troops)\b"
)
# "Moscow sent troops", "Washington invaded": a capital for its government (not "the Paris attacks").
_CAPITAL_ACTS_AFTER = compiled(
    r"\s+(?:has\s+|had\s+|have\s+)?(?:sent|invaded|bombed|shelled|attacked|struck|launched|deployed|ordered|seized|captured|occupied|annexed|dispatched|withdrew|recalled|evacuated|closed)\b"
)
_BARE_SUBJECT_BEFORE = compiled(
    r"(?:^|[.;:!?\"“”]\s*|,\s+|\b(?:and|but|while|as|after|when|although|though|because|since|whereas|so|if|which|who|that)\s+)$", re.IGNORECASE
)
_SUBJECT_BEFORE = compiled(
    r"(?:^|[.;:!?\"“”]\s*|,\s+|\b(?:and|but|while|as|after|when|although|though|because|since|whereas|so|if|which|who|that)\s+)(?:the\s+)?$",
    re.IGNORECASE,
)
# A place that names someone's office or origin, not where anything happened: "the U.S.
# ambassador", "German news agency DPA", "Sudan's President Omar al-Bashir".
_OFFICE_AFTER = compiled(
    r"(?:['’]s)?\s+(?:[A-Z][\w.-]*\s+)?(?:ambassadors?|embassy|embassies|envoys?|spokes(?:man|woman|person)|news agency|"
    r"agency|advocacy group|state department|foreign ministry|foreign minister|defen[cs]e ministry|ministry|officials?|"
    r"diplomats?|newspapers?|television|broadcaster|president|prime minister|government|parliament|lawmakers|leaders?|"
    r"airlines?|airways|(?:state\s+)?highway\s+patrol|state\s+police|police\s+department|sheriff['’]s\s+(?:office|department)|"
    r"department\s+of\s+(?:corrections|criminal\s+justice|public\s+safety))\b",
    re.IGNORECASE,
)

# A country read from an adjective ("English", "Lebanese") that goes with a noun after it.
_ADJECTIVE = compiled(r"(?:ish|ese|ian|ean|an|i|ic)$")
_NOUN_AFTER = compiled(r"\s+[a-z]")


# A country's forces are a doer, not a scene: "Sudan Armed Forces planes dropped bombs in the
# region", "U.S. troops"; a town's police are at home ("Kabul police"), so countries only.
_FORCES_AFTER = compiled(
    r"(?:['’]s)?\s+(?:armed forces|army|military|air ?force|navy|troops|soldiers|security forces|defen[cs]e forces|forces|warplanes|jets|militia)\b",
    re.IGNORECASE,
)
_ITS_ATTACKS_AFTER = compiled(r"['’]s\s+(?:[\w\"“”'-]+\s+){0,3}?(?:attacks?|strikes?|air ?strikes?|bombings?|bombardment|offensive|invasion|assaults?|shelling|raids?|incursion)\b", re.IGNORECASE)
_ITS_PEOPLE_AFTER = compiled(r"['’]s\s+(?:[\w-]+\s+)?(?:rebels|separatists|guerrillas|insurgents|militants|fighters|militias|warlords|leaders|leadership)\b", re.IGNORECASE)
_COMPOUND_AFTER = compiled(r"-(?:led|backed|based|born|made|brokered|sponsored|funded|trained|allied|aligned|supported|owned|run|controlled)\b", re.IGNORECASE)
_AFFILIATION_BEFORE = compiled(r"\b(?:according to|said|says|told|wrote)\s+(?:[A-Z][\w.'’-]+\s+){1,3}(?:of|from|at)\s+(?:the\s+)?$|\b(?:told|telling|briefed|briefing)\s+(?:reporters|journalists|a\s+(?:news|press)\s+conference|lawmakers|parliament)\s+(?:in|at)\s+(?:the\s+)?$|\b(?:news|press)\s+(?:conference|briefing)\s+in\s+$|\bspeaking\s+(?:to\s+(?:reporters|journalists)\s+)?in\s+$")
# Where a person comes from is no scene: "a 25-year-old born in Idlib", "a native of Molenbeek".
_BIOGRAPHY_BEFORE = compiled(
    r"\b(?:born|raised|grew up|native of|hails? from|hailing from|originally from|a resident of|(?:who|had|has|have)\s+(?:(?:also|once|previously|long|briefly)\s+)?lived|"
    # "a student from California", "a 23-year-old man of Schenectady": where someone is from
    # (one person: "residents of Lagos protested" protested in Lagos)
    r"(?:an?|the|his|her)\s+(?:[\w-]+\s+)?(?:student|resident|native|man|woman|boy|girl|teen(?:ager)?|citizen|national|tourist|"
    r"mother|father|son|daughter|\d+-year-old)\s+(?:from|of)"
    # "Ahmad al-Mohammad, 25, from Idlib": a name, its age, its home
    r"|,\s*\d{1,2},\s+(?:from|of)|\d+-year-old\s+(?:[A-Z][\w'’-]+\s+){1,3}(?:from|of))\s+(?:in\s+)?(?:the\s+)?$",
    re.IGNORECASE,
)
# "the suspect, identified as 23-year old Vishwanand Subryan of Schenectady": his home town.
_IDENTIFIED_BEFORE = compiled(r"\b(?:identified as|named as)\s+(?:[\w'’.-]+,?\s+){1,5}(?:of|from)\s+$")
# "a California State University design student": a school someone belongs to, not a scene.
_MEMBER_AFTER = compiled(
    r"(?:\s+State)?\s+(?:University|College)\s+(?:[a-z]+\s+){0,2}(?:students?|professors?|graduates?|alumn[ia]e?|researchers?|lecturers?|freshman|sophomore|junior|senior)\b"
)


# "Europe 1, a French radio network", "France 24 reported": a channel named by a place and a number.
_BROADCASTER_AFTER = compiled(r"\s+\d{1,2}(?=\s*[,.;:)]|\s+(?:radio|tv|television|channel|news|reported|said|says|reports)\b)", re.IGNORECASE)
# Between a home town and the area that holds it: ", " or " in north-east ".
_HOME_AREA_GAP = compiled(
    r",?\s+(?:and|or)\s+|,\s*|\s+in\s+(?:the\s+)?(?:(?:far\s+)?(?:(?:north|south)(?:-?(?:east|west))?(?:ern)?|east(?:ern)?|west(?:ern)?|central)\s+)?",
    re.IGNORECASE,
)
# "a small-time criminal and Brussels bar owner": where someone keeps a shop or lives, not a scene.
_A_BEFORE = compiled(r"\b(?:an?|and)\s+$", re.IGNORECASE)
_OWNER_AFTER = compiled(r"\s+(?:[a-z]+\s+)?(?:owner|native|resident|shopkeeper|landlord)s?\b")
# "rushed to Hennepin County Medical Center where she died": a hospital's name, not the scene.
_HOSPITAL_AFTER = compiled(r"\s+(?:County\s+)?(?:Medical Cent(?:er|re)|General Hospital|Hospital|Infirmary|Trauma Cent(?:er|re))\b")
# "Taban Deng, the governor of Unity state, accused Khartoum": an office's seat, not a scene.
_OFFICE_OF_BEFORE = compiled(
    r"\b(?:governor|mayor|president|prime minister|premier|emir|minister|commissioner|senator|ambassador|envoy|police chief)\s+of\s+(?:the\s+)?$",
    re.IGNORECASE,
)
_OFFICE_ASIDE = compiled(r"(?:\s+(?:state|province|county|region|district))?\s*[,)]")
_NEAR_BEFORE = compiled(r"\b(?:areas?|regions?|zones?|parts?|towns?|villages?)\s+(?:near|close to|bordering|along)\s+(?:the\s+)?(?:border\s+with\s+)?(?:the\s+)?$", re.IGNORECASE)


def scenes(text: str, places: list[Place]) -> list[Place]:
    """The body places that may be where something happened, in text order.

    A town name the article also uses as a street ("Snyder Ave.") is that street
    throughout ("at Church and Snyder"): one sense per name in one article.
    """
    streets = {p.name for p in places if p.feature == "city" and _STREET_AFTER.match(text, p.end)}
    out: list[Place] = []
    home_end = -1
    for p in places:
        if p.feature == "city" and p.name in streets:
            continue
        if (
            p.feature == "country" and not p.adjectival and p.text.lower() != p.name.lower()
            and _ADJECTIVE.search(p.text) and _NOUN_AFTER.match(text, p.end)
        ):  # fmt: skip
            continue  # "an extra English class": a language or a people's adjective, no place

        if _SPEAKS_AFTER.match(text, p.end) and _SUBJECT_BEFORE.search(text[max(0, p.start - 12) : p.start]):
            continue
        if _ADDRESSED_BEFORE.search(text, max(0, p.start - 20), p.start) and re.match(r"\s+to\b", text[p.end : p.end + 4]):
            continue  # "banners asking Kuala Lumpur to be truthful": a government addressed, not a scene
        if p.feature in ("country", "city") and _WARNED_BEFORE.search(text, max(0, p.start - 20), p.start) and re.match(r"\s+(?:that|not|it|of|against)\b", text[p.end : p.end + 9]):
            continue  # "warned Belgrade that it was ready to act": a government warned
        if _BLAMED_BEFORE.search(text, max(0, p.start - 20), p.start) and re.match(r"\s+(?:of|for)\b", text[p.end : p.end + 5]):
            continue  # "accused Khartoum of carrying out the attack": a government blamed, not a scene
        if p.feature == "country" and _ACTS_AFTER.match(text, p.end) and _SUBJECT_BEFORE.search(text[max(0, p.start - 12) : p.start]):
            continue
        if (
            p.feature == "city" and _CAPITAL_ACTS_AFTER.match(text, p.end) and _BARE_SUBJECT_BEFORE.search(text[max(0, p.start - 12) : p.start])
            and is_capital(p.name, p.geonameid)
        ):  # fmt: skip
            continue  # "when Moscow sent troops back into the region": the government, not the scene
        if _OFFICE_AFTER.match(text, p.end) and p.feature != "landmark":
            continue
        if _OFFICE_OF_BEFORE.search(text, max(0, p.start - 30), p.start) and _OFFICE_ASIDE.match(text, p.end):
            continue  # (only in an aside: "the mayor of Kandahar was killed" may well be in Kandahar)
        if p.feature == "country" and (_FORCES_AFTER.match(text, p.end) or _ITS_ATTACKS_AFTER.match(text, p.end)):
            continue  # "Israel's attacks against three UN schools": the doer's name, not the scene
        if _ITS_PEOPLE_AFTER.match(text, p.end):
            continue  # "demanding talks with Chechnya's rebels": whose rebels, not where
        if p.feature == "country" and _NEAR_BEFORE.search(text, max(0, p.start - 40), p.start):
            continue  # "fighting rebels in areas near South Sudan": the other side of that border
        if p.feature in ("country", "continent", "region") and (_BROADCASTER_AFTER.match(text, p.end) or (p.feature != "country" and text.startswith(("'s ", "’s "), p.end))):
            continue  # "a journalist with Europe 1", "told France 24": a broadcaster's name; "Latin America's oldest insurgency": whose
        if _HOSPITAL_AFTER.match(text, p.end) and p.feature != "landmark":
            continue
        if _COMPOUND_AFTER.match(text, p.end):
            continue  # "US-led forces", "Iranian-backed militia": who, not where
        if _AFFILIATION_BEFORE.search(text, max(0, p.start - 80), p.start):
            continue  # "according to Danny Gold of Metropolis": where the speaker works
        if (
            _BIOGRAPHY_BEFORE.search(text, max(0, p.start - 50), p.start) or _MEMBER_AFTER.match(text, p.end)
            or (_A_BEFORE.search(text, max(0, p.start - 6), p.start) and _OWNER_AFTER.match(text, p.end))
            or _IDENTIFIED_BEFORE.search(text, max(0, p.start - 80), p.start) or _CARE_IN.search(text, max(0, p.start - 120), p.start)
            or ("from" in text[max(0, p.start - 60) : p.start] and _ORIGIN_FROM.search(text, max(0, p.start - 70), p.start))
        ):  # fmt: skip
            home_end = p.end
            continue  # "born in Idlib": the bomber's birthplace, not the blast's
        if _HOME_AREA_GAP.fullmatch(text, home_end, p.start):
            home_end = p.end  # (and the next of a list: "workers from Indonesia, Pakistan, Bangladesh, and Nepal")
            continue  # "of Schenectady, New York", "from South Shields in north-east England": home too
        out.append(p)
    return out


# "a suspect arrested in Pakistan": a country right after the trigger is its scene, even one
# other than the story's.
_RIGHT_AFTER = compiled(
    r"\s+(?:in|inside|into|on|over)\s+(?:neighbou?ring\s+|(?:southern|northern|eastern|western|central|(?:north|south)-?(?:east|west)ern)\s+)?", re.IGNORECASE
)  # ("shot down over eastern Ukraine")


# A country a few words after the trigger, with "in": "hit Islamic State in Syria overnight".
_LOCATIVE_AFTER = compiled(r"\s+(?:[\w'’-]+\s+){1,5}?(?:in|inside|across|into)\s+(?:the\s+)?(?:southern\s+|northern\s+|eastern\s+|western\s+|central\s+)?", re.IGNORECASE)


# "the bombing of the American Embassy in Nairobi", "an attack on a police station in Mombasa":
# the target's town is the event's, wherever else the sentence goes.
_THE = compiled(r"\s+(?:the\s+)?")
_TARGET_IN = compiled(
    r"\s+(?:of|on|at|against)\s+(?:the|a|an|two|three)\s+(?:[\w.'’-]+\s+){0,4}?(?:in|near|outside)\s+(?:the\s+)?(?:(?:city|town|village|capital)\s+of\s+)?",
    re.IGNORECASE,
)


_IN_THE = compiled(r"\bin\s+(?:the\s+)?$")


def place_of(
    text: str, places: list[Place], clause: tuple[int, int], sentence: tuple[int, int], start: int, end: int,
    home: str | None = None,
) -> Place | None:  # fmt: skip
    """The event's place: the clause's, else the sentence's, nearest the trigger.

    Outside its clause, a country other than the article's (``home``) is no scene: "the
    Sudan government lied about the bombing, adding that such a lie disturbs the United
    States" is no bombing in the United States.
    """
    # "Afghanistan's second largest city, Kandahar": the city named, not the country that owns it.
    near = [q for q in places if sentence[0] <= q.start < sentence[1] + 60]  # (not every pair of the article's)
    # "in Indonesia's Aceh province": the province, not the country that holds it.
    owners = {id(p) for p in near if p.start < sentence[1] for q in near if 0 < q.start - p.end < 60 and (
        _OWNS_NAMED.fullmatch(text, p.end, q.start) or ((m := _TOWN_OF.search(text, max(0, p.start - 30), q.start)) is not None and m.start() <= p.start)
        or (p.feature in ("country", "admin1") and q.feature not in ("country", p.feature) and q.country_code == p.country_code and (p.feature == "country" or q.admin1 == p.admin1) and _OWNS_NEXT.fullmatch(text, p.end, q.start))
    )}  # fmt: skip
    places = [p for p in places if id(p) not in owners]
    # Areas the sentence names ("(Minas Gerais)", "Kharkiv region") vouch for places inside them.
    # (Not one they came from: "crossed from Abkhazia ... and took control of the town of Zugdidi".)
    areas = {p.name for p in places if sentence[0] <= p.start < sentence[1] and p.feature == "admin1" and not text.endswith(("from ", "from the "), max(0, p.start - 9), p.start)}
    # "arrested in Pakistan", "fighting in South Kordofan": the place right after the trigger.
    right = next(
        (
            p for p in places
            if not p.adjectival and end < p.start <= end + 60
            and (
                _RIGHT_AFTER.fullmatch(text, end, p.start) or _TARGET_IN.fullmatch(text, end, p.start)
                # "Hamas fired more than 30 into Israel": the trigger ends on its locative
                or (text[start:end].lower().endswith((" into", " in", " on")) and _THE.fullmatch(text, end, p.start))
            )
        ),
        None,
    )  # fmt: skip
    if right is not None and not reference(text, right):
        return right
    # "a week after the Paris attacks, ministers met in Brussels": a town naming the event
    # ("the Paris attacks", "the 2004 Madrid train bombings") is its scene, not the sentence's
    # other places. (Not a country: "the U.S. strikes" names the doer.)
    named = next(
        (
            p for p in places
            if sentence[0] <= p.start and p.end < start <= p.end + 30 and not p.adjectival
            and p.feature not in ("country", "continent", "region")
            and _NAMES_EVENT_AFTER.fullmatch(text, p.end, start)
            and _NAMES_EVENT_BEFORE.search(text, max(sentence[0], p.start - 40), p.start)
        ),
        None,
    )  # fmt: skip
    if named is not None and not reference(text, named):
        return named
    # "as it did in Rwanda, where close to a million people were massacred": the country (or a town,
    # an area: "in the Swat Valley, where 700 have been killed") the relative "where" stands for.
    where = next((
        p for p in places
        if sentence[0] <= p.start and p.end < start <= p.end + 80 and (p.feature != "country" or p.country_code != home) and not p.adjectival and is_where_of(text, p, start)
        and not (p.feature == "country" and attributive(text, p))  # ("the U.S. Embassy, where the demonstrators had gathered": the embassy's)
    ), None)  # fmt: skip
    # ("Ferguson, Mo., where", "the city of Solo in central Java, where": the town the area qualifies)
    abroad = next((q for q in places if where is not None and q.end < where.start and _QUALIFIES.fullmatch(text, q.end, where.start)), where)
    if abroad is not None and (home or abroad.feature != "country"):
        return abroad
    said = text[sentence[0] : sentence[1]]
    for lo, hi in (clause, sentence):
        if (lo, hi) == sentence and (m := _UNKNOWN_IN.match(text, end, sentence[1])) and m.start(1) < clause[1] and not any(p.start < m.end() and m.start(1) < p.end for p in places):
            return None  # "Clashes were continuing in Zeitun, and ... airstrikes on Rafah": a place the gazetteer lacks, not the next clause's
        inside = [
            p for p in places
            if lo <= p.start and p.end <= hi and not p.adjectival and not reference(text, p)
            and not aside_of(said, p.start - sentence[0], p.end - sentence[0], start - sentence[0])
            and not quoted_apart(said, p.start - sentence[0], p.end - sentence[0], start - sentence[0])
            and not speaker_seat(text, p, start)
            and not (attributive(text, p) and text[max(0, p.start - 4) : p.start].lower() == "the ")  # ("the U.S. ultimatum": whose, not where)
            and not (p.feature == "country" and _DOER_ON_ACT.fullmatch(text, p.end, start) and _ACT_OWNER_BEFORE.search(text, max(0, p.start - 10), p.start) and not text[start:end].lower().endswith("ed"))
            and not _PLOTTED_IN.search(text, max(sentence[0], p.start - 50), p.start)
            and not (p.start > end and _COMPARED_SINCE.search(text, end, p.start))
        ]  # fmt: skip
        listed = _listed(text, [p for p in inside if p.feature == "country"], end, sentence[0])
        inside = [p for p in inside if p not in listed]
        if (lo, hi) == sentence and home:
            # Unless it is where the trigger's object was: "air strikes hit Islamic State in Syria".
            inside = [
                p for p in inside
                if not (p.feature == "country" and p.country_code != home and not _LOCATIVE_AFTER.fullmatch(text, end, p.start) and not (
                    clause[0] <= p.start < start and _IN_THE.search(text, max(0, p.start - 8), p.start)
                ))  # ("attacked the Chinese Embassy in the Federal Republic of Yugoslavia with missiles")
            ]  # fmt: skip
        if inside:
            # Consistent with the named areas, then the smallest feature, then the nearest
            # to the trigger (after it preferred).
            def score(p: Place) -> tuple[bool, bool, bool, int, int]:
                dist = p.start - end if p.start >= end else (start - p.end) + 30
                outside = bool(areas) and p.feature != "admin1" and p.admin1 not in areas
                # "A U.S. drone strike killed ... in Yemen": a country named on the act is its doer's.
                owner = p.feature == "country" and p.end <= start and bool(_ON_THE_ACT.fullmatch(text, p.end, start))
                # "rockets fired from Gaza hit Sderot": the place fired from is not where they struck.
                origin = bool(_FIRED_FROM.search(text, max(0, p.start - 40), p.start))
                return (outside, owner or origin, _where_told(text, p, sentence[0], start), RANK.get(p.feature, 5), dist)

            return min(inside, key=score)
    return None


_WHERE_AFTER = compiled(
    r",\s+where\s+[^,;.:!?\"“”]*"
    # "Stepanakert, the enclave's main city, which has been shelled": the place undergoes it
    r"|,\s+(?:(?:the|a|an|its|their)\s+[^,;.:!?]{1,40},\s+)?which\s+(?:(?:has|had|have)\s+been|was|were|is|are)\s+(?:(?:repeatedly|heavily|also|frequently|badly|again)\s+)?"
)


_QUALIFIES = compiled(r"\s*,\s*|\s+in\s+(?:(?:north|south|east|west)(?:ern|-?(?:east|west)(?:ern)?)?\s+|central\s+)?", re.IGNORECASE)


def is_where_of(text: str, p: Place, start: int) -> bool:
    """Whether the trigger at ``start`` lies in a "where" clause told of the place ``p``."""
    return p.end < start <= p.end + 80 and bool(_WHERE_AFTER.fullmatch(text, p.end, start))
# A capitalised name right after the trigger's locative that ends its clause ("continuing in
# Zeitun, and ..."), not a month or a day.
_UNKNOWN_IN = compiled(
    r"\s+(?:(?:[a-z]+\s+){0,2}?)(?:in|near|outside|around|inside)\s+(?:the\s+)?"
    r"(?!(?:January|February|March|April|May|June|July|August|September|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b)"
    r"([A-Z][a-z][\w'’-]*)(?=\s*(?:,\s*(?:and|while|but|whereas)\b|;|\.))"
)


# Between the town and the trigger, at most two lower-case modifiers ("train", "suicide"),
# no office ("the U.S. embassy bombings" happened at the embassy, wherever that was).
_NAMES_EVENT_AFTER = compiled(r"\s+(?:(?!embassy\b|embassies\b|consulate\b)[a-z][\w-]*\s+){0,2}")
# Before the town, a determiner, a year or a possessive: "the Paris attacks", "2004 Madrid bombings", "last month's Mombasa blast" (a town that opens a clause is a doer: "Tel Aviv strikes").
_NAMES_EVENT_BEFORE = compiled(r"(?:\b(?:[Tt]he|[Tt]his|[Tt]hese|[Tt]hose|[Ll]ast|[Rr]ecent)|\b\d{4}|['’]s)\s+(?:[a-z][\w-]*\s+){0,2}$")
_OWNS_NAMED = compiled(r"['’]s\s+(?:[\w-]+\s+){0,3}?(?:city|town|port|capital|province|region|district|village|camp)(?:\s*,)?\s+", re.IGNORECASE)
_OWNS_NEXT = compiled(r"['’]s\s+(?:(?-i:[a-z])[\w-]*\s+){0,2}")
# "the northern Gaza town of Beit Hanoun": the town named, not its area (but "Kani Masi town of Duhok" is Kani Masi).
_TOWN_OF = compiled(r"(?<=\b[Tt]he\s)(?:[\w-]+\s+){0,2}?\S+\s+(?:border\s+|coastal\s+|frontier\s+|refugee\s+)?(?:city|town|port|village|camp|suburb)\s+of\s+$")
_FIRED_FROM = compiled(r"\b(?:fired|launched|shot|lobbed|flown|flew|took off)\s+(?:[\w-]+\s+){0,3}?from\s+(?:the\s+)?(?:[\w-]+\s+){0,2}?$", re.IGNORECASE)
def country_of(places: list[Place], place: Place | None) -> Place | None:
    """The country the article names that holds ``place``."""
    return next((p for p in places if place is not None and p.feature == "country" and p.country_code == place.country_code), None)


def forces_home(places: list[Place], actor: dict[str, Any] | None, place: dict[str, Any] | None) -> Place | None:
    """The country of the police that acted, when the event's place was only carried over from
    other sentences and lies in another country: "Dutch police said they had detained Abdeslam"
    in a story about Saint-Denis was in the Netherlands. (Police act at home; an army abroad.)"""
    if not actor or not str(actor.get("name") or "").startswith("Police Forces of") or not actor.get("text") or (place or {}).get("how") not in ("context", "article"):
        return None
    home = actor.get("country_code")
    if not home or home == (place or {}).get("country_code"):
        return None
    return next((p for p in places if p.feature == "country" and p.country_code == home), None)


def origin_of(text: str, places: list[Place], sentence: tuple[int, int]) -> Place | None:
    """The place a strike was fired or launched from ("rockets fired from Gaza"), if the sentence names one."""
    return next(
        (p for p in places if sentence[0] <= p.start < sentence[1] and not p.adjectival and _FIRED_FROM.search(text, max(0, p.start - 40), p.start)),
        None,
    )


_ON_THE_ACT = compiled(r"(?:['’]s)?\s+(?:[\w-]+\s+){0,2}")
# "killed in U.S. air strikes on Wednesday" (under a BAGHDAD dateline): a country written onto
# the act's noun names its doer, never its scene.
_DOER_ON_ACT = compiled(r"(?:['’]s)?\s+(?:(?!(?:and|or|but|on|in|at|to|for|from|with|by|of|as|since|after|before|over|under|into|against|the|a|an|while|where|when|has|have|had|is|are|was|were|will|would)\b)[a-z][\w-]*\s+){0,2}")
_ACT_OWNER_BEFORE = compiled(r"\b(?:the|a|an|in|by|of|from|after|during|with|since|before|amid)\s+$", re.IGNORECASE)
# "Doctors in Gaza said ... died when bombs hit a school in Jabaliya": where the speakers are.
_SPEAKERS_IN = compiled(r"^\W*(?:[\w'’.-]+\s+){1,4}?(?:in|from|at)\s+(?:the\s+)?$")
_SAID_AFTER = compiled(r"^\s*(?:[\w'’-]+\s+){0,2}?(?:said|say|says|told|reported|report|reports|confirmed|announced|stated)\b")


def _where_told(text: str, p: Place, sentence_start: int, trigger: int) -> bool:
    """Whether the place names where the sentence's speakers are, before what they tell."""
    return p.end <= trigger and bool(
        _SPEAKERS_IN.match(text[sentence_start : p.start]) and _SAID_AFTER.match(text[p.end : trigger])
    )


LIST_GAP = compiled(r"^(?:,\s*|\s+and\s+|,\s*and\s+|,\s*as well as\s+|\s+as well as\s+|\s+or\s+)(?:the\s+)?$")
# Words that open a list of scenes: "in Turkey, Germany and Spain", "spread to neighbouring Turkey".
LOCATIVE = compiled(
    r"\b(?:in|at|outside|inside|across|near|throughout|(?:spread|spreads|spreading|extended|extends)\s+(?:\w+\s+)?to)\s+(?:the\s+)?(?:neighbou?ring\s+)?$",
    re.IGNORECASE,
)


_OPENS_LIST = compiled(r"\W*(?:in|across|throughout)\s+(?:the\s+)?$", re.IGNORECASE)


def _listed(text: str, countries: list[Place], trigger_end: int = -1, sentence_start: int = 0) -> list[Place]:
    """Countries named in a list of three or more ("Turkey, Germany, Spain ... and the
    Netherlands"): what spread to many places happened in none of them in particular,
    unless the list is the trigger's own scenes, opened just after it ("protests spread to
    Turkey, Germany ...", "protests were held in Turkey, Germany and Spain") or at the
    sentence's start ("In Turkey, Germany and Spain, police arrested ...") - not "the
    attacks, ... a manhunt that has stretched across France, Belgium and Germany"."""
    runs: list[list[Place]] = []
    for p in sorted(countries, key=lambda p: p.start):
        if runs and LIST_GAP.match(text[runs[-1][-1].end : p.start]):
            runs[-1].append(p)
        else:
            runs.append([p])
    # "protests in Turkey, Germany and Spain": a list opened as scenes is each of them.
    def own(run: list[Place]) -> bool:
        first = run[0].start
        if not LOCATIVE.search(text, max(0, first - 40), first):
            return False
        return (0 <= trigger_end <= first and first - trigger_end <= 30) or bool(_OPENS_LIST.match(text, sentence_start, first))

    return [p for run in runs if len(run) >= 3 and not own(run) for p in run]


# A place that names a war or a campaign ("to protest the Gaza offensive") is its topic, not a scene.
_NAMES_A_WAR = compiled(r"\s+(?:offensive|war|conflict|crisis|campaign|invasion|blockade|siege|operation)\b", re.IGNORECASE)


def context_place(
    text: str, places: list[Place], previous: list[tuple[int, int]], events: list[Event], main: Place | None
) -> Place | None:
    """The place the previous two sentences were about, below country level.

    A sentence without a place of its own ("soldiers laid down their arms")
    usually goes on about the place just named: the last event's own place
    there, else the last place named.
    """
    if not previous:
        return None
    lo, hi = previous[0][0], previous[-1][1]
    # A town the last sentence opens on is what the story turned to ("Hebron, where ... has been a flashpoint.").
    opener = next((p for p in places if previous[-1][0] <= p.start <= previous[-1][0] + 2 and p.feature in ("city", "landmark") and not p.adjectival), None)
    for e in reversed(events):
        ev = e.evidence[0]
        if ev["start"] < lo or (opener is not None and ev["start"] < previous[-1][0]):
            break
        # "the deadliest since the 2004 Madrid bombings" in a story from Paris: a recalled
        # event abroad is not what the next sentences go on about.
        if e.background and main is not None and e.place and e.place.get("country_code") != main.country_code:
            continue
        if e.layer == "material" and e.place and not e.place.get("how") and e.place.get("feature") in ("city", "landmark", "admin2", "admin1") and not _NAMES_A_WAR.match(text, e.evidence[0]["trigger"]["start"] - 1):
            # (a material event's: "providing support to refugees who fled South Kordofan" is no scene,
            # nor is a war or campaign named: "to protest the Gaza offensive")
            own = next((p for p in places if p.geonameid == e.place["geonameid"] and p.name == e.place["name"]), None)
            if own is not None:
                return own
        if e.layer == "material" and (e.place or {}).get("how") == "article":
            return None  # the last sentence's event was at the story's place; a town it named for another thing is not the scene
    named = [
        p for p in places
        if lo <= p.start and p.end <= hi and not p.adjectival and p.feature in ("city", "landmark", "admin2", "admin1")
        and not reference(text, p) and not _NAMES_A_WAR.match(text, p.end)
    ]  # fmt: skip
    # "Violence was also reported in six other cities, the worst in central Volos": an aside about
    # elsewhere, the story goes back to its own town after it; nor a speaker's seat ("Officials in Chechnya said").
    named = [p for p in named if not _ELSEWHERE.search(text, max(lo, p.start - 80), p.start) and not _SEAT_BEFORE.search(text, max(lo, p.start - 80), p.start)]
    # A place abroad is more likely a misread name ("La Mariposa park") than the scene.
    named = [p for p in named if main is None or p.country_code == main.country_code]
    return named[-1] if named else None


_ELSEWHERE = compiled(r"\b(?:also|elsewhere)\b[^.;]*?\b(?:other|several|many)\s+(?:[\w-]+\s+)?(?:cities|towns|places|provinces|regions|parts)\b", re.IGNORECASE)
# A street address with no town: "near the corner of Gratiot Avenue and Seven Mile Road".
_STREET = compiled(
    r"\b(?:corner|intersection|block) of\b|\b(?-i:[A-Z])[\w'’-]+ (?:" + "|".join(map(re.escape, _STREET_WORDS)) + r")(?!\w)", re.IGNORECASE
)


def street_told(sentence: str, context: Place | None, main: Place | None) -> bool:
    """Whether a sentence that gives a street address and no town is in the story's town
    rather than in the town the sentence before named: local news names the streets of its
    dateline ("Kiara Thomas was shot ... near the corner of Gratiot Avenue", after an arrest in
    Warren, is a Detroit shooting)."""
    return (
        context is not None and main is not None and context.feature == main.feature == "city"
        and context.geonameid != main.geonameid and _STREET.search(sentence) is not None
    )  # fmt: skip


_SEAT_BEFORE = cues()["speaker_seat_before"]
_SPEECH_AFTER, _OPENING_IN = cues()["speech_after"], cues()["speaker_opening_in"]


def speaker_seat(text: str, p: Place, trigger: int) -> bool:
    """Whether ``p`` is where a speaker sits, told before what they say happened ("Government
    officials in Kinshasa denied the town had fallen and said fighting was continuing")."""
    if not _SEAT_BEFORE.search(text, max(0, p.start - 50), p.start) and not _OPENING_IN.search(text, max(0, p.start - 4), p.start):
        return False
    m = _SPEECH_AFTER.match(text, p.end)
    return m is not None and m.end() <= trigger
