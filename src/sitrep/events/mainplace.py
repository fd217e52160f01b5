"""The article's main place (#25): the place named most, or the dateline's town where the
body names none finer in its country; where an event the text does not place happened."""

from __future__ import annotations

import math
import re
from collections import Counter

from sitrep.events.places import is_bureau, is_capital
from sitrep.events.scene import RANK, country_of
from sitrep.model import Place
from sitrep.rxfactor import compiled


def focus(places: list[Place]) -> Place | None:
    """The article's main place: the most mentioned, ties to the smaller feature."""
    named = [p for p in places if not p.adjectival and p.feature != "continent"]
    if not named:
        named = [p for p in places if p.feature == "country"]
    if not named:
        return None
    counts = Counter(p.entry for p in named)
    top = max(named, key=lambda p: (counts[p.entry], -RANK.get(p.feature, 5), -p.start))
    if top.feature in ("country", "region"):
        # "Greece" named most, "Athens" twice: the story happens in Athens.
        inside = [p for p in named if p.feature in ("landmark", "city", "admin2", "admin1") and p.country_code == top.country_code]
        if inside:
            city = max(inside, key=lambda p: (counts[p.entry], -RANK.get(p.feature, 5), -p.start))
            if counts[city.entry] >= 2:
                return city
    return top


def filed_from(main: Place | None, places: list[Place]) -> Place | None:
    """The article's main place, or the dateline's town where the body names none finer in
    its country ("KABUL, Afghanistan (AP) _ A suicide bomber struck a market")."""
    filed = next((p for p in places if p.field == "dateline" and not p.adjectival), None)
    if filed is None:
        return main
    told = [p for p in places if p.field == "text" and not p.adjectival]
    inside = [p for p in told if p.country_code == filed.country_code and p.feature in ("landmark", "city", "admin2", "admin1")]
    if (
        filed.feature == "city" and main is not None and main.country_code == filed.country_code and inside and is_capital(filed.name, filed.geonameid)
        and not any(_near(p, filed) or p.admin1 == filed.admin1 for p in inside)
    ):  # (a reporter in the capital tells of the provinces; one filing from elsewhere is at the scene)
        # "ABUJA (Reuters) - Gunmen kidnapped 317 girls ... in Zamfara state": the story is in
        # Zamfara, not where it was filed; a town named once, in a province named too: the province
        first = inside[0]
        once = sum(1 for p in inside if p.entry == first.entry) == 1
        return next((p for p in inside if once and p.feature == "admin1" and first.feature != "admin1" and p.admin1 == first.admin1), first)
    if main is None or (
        main.country_code == filed.country_code and RANK.get(filed.feature, 5) < RANK.get(main.feature, 5)
        and (main.feature != "admin1" or filed.admin1 == main.admin1 or not is_bureau(filed.name, filed.geonameid))
    ):  # ("BANGKOK (Xinhua) -- ... in Narathiwat province": a bureau in the capital, outside the province)
        return filed
    if main.country_code == filed.country_code and filed.feature == "city" and not _near(main, filed) and not (told[0].entry == main.entry and sum(p.entry == main.entry for p in told) >= 2):
        # (unless the lead names it first: "BAGHDAD (AP) - Marines fought their way into the
        # heart of Fallujah ...; In Baghdad, a car bomb ...": the story is Fallujah's)
        # "BAGHDAD (Reuters) - A car bomb exploded in Sadr City ... north of Baghdad ... near
        # Mosul ... to retake Mosul": the dateline's town, with the body's mentions of it and
        # its districts, outweighs a town named as often elsewhere.
        counts = Counter(p.entry for p in told)
        if sum(1 for p in told if _near(p, filed)) + 1 >= counts[main.entry]:
            return filed
    if main.country_code != filed.country_code and main.feature == "country" and filed.feature == "city" and not is_capital(filed.name, filed.geonameid):
        # "KRAMATORSK, Ukraine (AP) - A missile strike ... Russia denied ...": a land named as a
        # side, however often, is not where a reporter filing from a town abroad tells of.
        return filed
    if main.country_code != filed.country_code:
        # "SANAA, Yemen (Reuters) - air strikes hit ... Hajjah province ... a missile at the
        # Saudi city of Najran": a place of the dateline's country named as often as the one
        # abroad is where the story happens.
        counts = Counter(p.entry for p in told)
        home = [p for p in told if p.country_code == filed.country_code and p.feature in ("landmark", "city", "admin2", "admin1")]
        if filed.feature in ("landmark", "city", "admin2", "admin1"):
            home.append(filed)  # ("QANA, Lebanon (AP)" and Beirut named once: the dateline's town, on a tie)
        if home:
            best = max(home, key=lambda p: (counts[p.entry] + (p.entry == filed.entry), p is filed, -RANK.get(p.feature, 5), -p.start))
            # (the dateline naming the same town counts as one mention more: Sanaa twice and in
            # the dateline outweighs Jizan, the Saudi city a missile was fired at, three times)
            # (unless the land abroad is named more: "KIGALI (Xinhua) --
            # Burundians have fled into Rwanda ... the coup in Burundi ... in Bujumbura ... the
            # northern Burundian provinces of Kirundo, Ngozi": a bureau telling of next door)
            lands = Counter(p.country_code for p in told)
            if counts[best.entry] + (best.entry == filed.entry) >= counts[main.entry] and lands[main.country_code] <= lands[filed.country_code] + 1:
                return best
    return main


def _near(a: Place, b: Place) -> bool:
    """Whether town ``a`` is town ``b`` or one of its districts (within about 15 km)."""
    if a.geonameid is not None and a.geonameid == b.geonameid:
        return True
    if a.feature not in ("city", "landmark", "admin2") or a.country_code != b.country_code:
        return False
    dy, dx = (a.lat - b.lat) * 111.0, (a.lon - b.lon) * 111.0 * math.cos(math.radians(b.lat))
    return dx * dx + dy * dy <= 15.0 * 15.0


def country_named(places: list[Place], everywhere: list[Place], place: Place | None) -> Place | None:
    """The country holding ``place`` as the body names it as a scene, else as the dateline or
    title does, else as any mention does ("Myanmar security forces shot dead 38")."""
    return country_of(places, place) or country_of([p for p in everywhere if p.field in ("dateline", "title")], place) or country_of(everywhere, place)


# "in eastern Ukraine", "in northern Mozambique": a part of a country named by its side.
_SIDE = compiled(r"\b(north|south|east|west|north-?east|north-?west|south-?east|south-?west)(?:ern)?\s+$", re.IGNORECASE)


def dateline_side(text: str, place: Place, here: Place | None) -> Place | None:
    """The dateline's town, where ``place`` is the town's country named by the side of it that
    holds the town: "A missile strike on a train station in eastern Ukraine" under a KRAMATORSK
    dateline is at Kramatorsk. Not under a capital's dateline: a reporter in Kyiv or Moscow
    tells of the whole land ("in southern Russia" is not Moscow)."""
    if here is None or here.feature != "city" or place.feature != "country" or place.country_code != here.country_code or is_capital(here.name, here.geonameid):
        return None
    side = _SIDE.search(text, max(0, place.start - 16), place.start)
    if side is None:
        return None
    word = side.group(1).lower()
    north = here.lat - place.lat
    east = (here.lon - place.lon) * math.cos(math.radians(place.lat))
    wanted = [("north" in word, north), ("south" in word, -north), ("east" in word, east), ("west" in word, -east)]
    return here if all(d >= 1.0 for told, d in wanted if told) else None


# "flew journalists into the town yesterday", "bombed the town": the town is the dateline's
# ("HALABJA, Iraqi Kurdistan —"), not a land or a capital the story names more often.
_THE_TOWN = compiled(r"\b(?:in|into|inside|around|outside|near|bombed|shelled|attacked|entered|gassed)\s+the\s+town\b(?!\s+of\b)(?![^\"“”]*[\"”])", re.IGNORECASE)


def dateline_town(sentence: str, here: Place | None, context: Place | None) -> bool:
    """Whether "the town" the sentence tells of is the dateline's own (``here``, a town that is
    no capital), the sentences before having named no other town."""
    return (
        here is not None and here.feature == "city" and not is_capital(here.name, here.geonameid)
        and (context is None or context.geonameid == here.geonameid or context.feature not in ("city", "landmark"))
        and _THE_TOWN.search(sentence) is not None
    )  # fmt: skip

