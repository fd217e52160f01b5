"""Merge event mentions into events: one pass, most precise mentions first, no chaining.

A mention joins the best-matching event it agrees with on every count:
- kind: the same kind, or the family's generic kind ("negotiation" and "negotiation.offer");
- place: the same place, or one inside the other (a city in its province, anything in
  its country). A mention at a coarser or finer place than the event's must also share
  both actors or much of its sentence, so that "fighting in Afghanistan" does not swallow
  whichever clash in Afghanistan came first;
- date: the spans both give overlap ("August 2021" holds 12 August). Two reprints of
  one wire sentence may disagree on the day (each resolved "Thursday" from its own
  publication date): they merge, and the disagreement becomes a conflict;
- actors: the doers do not contradict (the Taliban and the army are two sides; an
  unnamed armed group contradicts no one);
- names: two sentences from different articles that write their dates out, share a
  template and each name a place or person the other does not ("airstrikes in Gire
  Orte" / "in Gire Amediye") tell two events the gazetteer resolves to one town.
- toll: reports of one day that count the same many dead (five or more, within a tenth) at
  one place, or one inside the other, tell one strike whatever kind each calls it and
  whoever each names as its doer ("a mortar strike killed 42 in Jabaliya", "a school
  attacked in Gaza, leaving 40 dead").
Otherwise the mention founds an event. Each mention keeps the reason it joined.
The event's date span narrows to what all its mentions allow, so a month-only mention
cannot bridge two different days.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta

from sitrep.consolidate.mention import Mention, similarity

# Kinds one happening may be told as (sitrep.families puts them in one block).
_VIOLENT = ("attack.", "clash.")
_UNREST = ("protest", "riot")

# A city's unrest of one night is one event however finely reports place it ("East Flatbush",
# "Brooklyn", "New York"); a war's strikes in neighbouring towns on one day are many.
_ONE_A_NIGHT = {"protest", "riot", "detention"}
# Two towns this close can be one scene (sitrep.events.agree.places_agree says the same).
SCENE_KM = 10.0
# A sentence this close to one already in the event is the same sentence reprinted.
COPY_SIMILARITY = 0.7
# ... when it has this many content words: "Two soldiers were injured." recurs by chance.
COPY_MIN_WORDS = 6
# A mention at another level of place (province vs city) needs this much of a sentence in common
# when it shares no actor with the event.
CROSS_LEVEL_SIMILARITY = 0.3
# A mention with no place joins only an event that carries (nearly) its sentence.
NO_PLACE_SIMILARITY = 0.6
# Two dated sentences this alike that name different places or people are one template told twice.
TEMPLATE_SIMILARITY = 0.3
# Sentences per event compared against a new mention: bounded so that a big event costs no more.
MAX_SENTENCES = 12
# Two towns this close can be one scene told at different grain (a quarter and its city).
NEAR_KM = 15.0
# Reports of one day's strike that count this many dead, give or take a tenth, count one strike's dead.
SAME_TOLL_MIN = 5
# Reprints with different days are still looked for this far apart.
COPY_SLACK = timedelta(days=7)


@dataclass(slots=True)
class Cluster:
    """An event being built: its mentions and what a newcomer must agree with."""

    founder: Mention
    kind: str
    place_key: str | None
    place_rank: int
    country: str
    admin1: str | None
    span: tuple[date, date] | None
    mentions: list[Mention] = field(default_factory=list)
    sides1: Counter[str] = field(default_factory=Counter)
    sides2: Counter[str] = field(default_factory=Counter)
    # (content words, copy group, whether the date was written out, names, article) of some sentences
    sentences: list[tuple[frozenset[str], int, bool, frozenset[str], int]] = field(default_factory=list)
    date_disputed: bool = False
    own_dated: bool = False  # some mention gives the date in its own sentence
    leads: set[str] = field(default_factory=set)  # the lead events of its articles
    indexed: set[tuple[str, str]] = field(default_factory=set)

    def add(self, m: Mention) -> None:
        """Take a mention in, narrowing the date span and refining kind and place."""
        self.mentions.append(m)
        self.own_dated = self.own_dated or m.own_date
        if m.article.lead:
            self.leads.add(m.article.lead)
        if m.side1:
            self.sides1[m.side1] += 1
        if m.side2:
            self.sides2[m.side2] += 1
        for words in (m.words, *m.retold):
            if len(self.sentences) < MAX_SENTENCES and len(words) >= COPY_MIN_WORDS:
                self.sentences.append((words, m.article.copy_group, m.explicit_date, m.names, m.article.pk))
        if ("." not in self.kind and "." in m.kind) or (self.kind.startswith("protest") and m.kind.startswith("riot")):
            self.kind = m.kind  # the finer kind; a protest some report tells as a riot was a violent one
        if m.place_key and m.place_rank < self.place_rank:
            self.place_key, self.place_rank, self.admin1 = m.place_key, m.place_rank, m.admin1
        if m.span and self.span:
            lo, hi = max(self.span[0], m.span[0]), min(self.span[1], m.span[1])
            if lo <= hi:
                self.span = (lo, hi)
            else:
                self.date_disputed = True
        elif m.span:
            self.span = m.span


def _kind_fits(a: str, b: str) -> bool:
    if a == b:
        return True
    if a.startswith(_VIOLENT) and b.startswith(_VIOLENT):
        return True  # "the shelling of the school", "the attack on the school": one happening
    if a.startswith(_UNREST) and b.startswith(_UNREST):
        return True  # "a candlelit vigil", "the riot it became": one night's unrest
    return _kind_fits_generic(a, b)


def _kind_fits_generic(a: str, b: str) -> bool:
    # A family's generic kind ("siege", "negotiation") is its own family name.
    return ("." not in a and b.startswith(a + ".")) or ("." not in b and a.startswith(b + "."))


def _place_fit(m: Mention, c: Cluster) -> str | None:
    """How the mention's place relates to the event's: 'same', 'within', or None when they differ."""
    if m.place_key is None or c.place_key is None:
        return "same" if m.place_key is None and c.place_key is None else None
    if m.place_key == c.place_key:
        return "same"
    if m.country != c.country:
        return None
    if m.place_rank == 0 and c.place_rank == 0 and _km(m, c.founder) <= NEAR_KM:
        # "East Flatbush", "Brooklyn", "New York City": a quarter, its borough and its city
        # are separate entries of the gazetteer but can be one scene (the sentence must agree).
        return "within"
    fine, coarse = (m, c) if m.place_rank < c.place_rank else (c, m)
    if coarse.place_rank >= 4:  # a country holds every place in it
        return "within"
    if _one_disaster(m, c) and m.admin1 and m.admin1 == c.admin1:
        return "within"  # a quake felt in Takengon and in Banda Aceh: one province's disaster
    if coarse.place_rank >= 2 and coarse.admin1 and coarse.admin1 == fine.admin1:
        return "within"
    return None


def _km(a: Mention, b: Mention) -> float:
    pa, pb = a.place, b.place
    if pa.get("lat") is None or pb.get("lat") is None:
        return math.inf
    p1, p2 = math.radians(float(pa["lat"])), math.radians(float(pb["lat"]))
    dl = math.radians(float(pb["lon"]) - float(pa["lon"]))
    h = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


def _spans_meet(a: tuple[date, date] | None, b: tuple[date, date] | None, slack: timedelta) -> bool:
    if a is None or b is None:
        return True
    return a[0] - slack <= b[1] and b[0] - slack <= a[1]


def _contradicts(m: Mention, c: Cluster) -> bool:
    if not m.side1 or not c.sides1:
        return False
    return m.side1 not in c.sides1 and m.side1 not in c.sides2


def _best_copy(m: Mention, c: Cluster) -> tuple[float, float]:
    """The highest sentence similarity with the event, and with a reprint that may differ on the day.

    Reprints of one wire sentence may resolve "on Thursday" to different days, but
    not "On 4 February 2022": two sentences that write their dates out and differ
    are two events told alike.
    """
    if len(m.words) < COPY_MIN_WORDS:
        return 0.0, 0.0
    best = reprint = 0.0
    for words, group, explicit, names, article in c.sentences:
        # Any sentence of the article that retells the event may be the reprinted one.
        s = max(similarity(mine, words) for mine in (m.words, *m.retold))
        template = s >= TEMPLATE_SIMILARITY and explicit and m.explicit_date and article != m.article.pk
        if template and names - m.names and m.names - names:
            # "On 22 May 2022, ... airstrikes in Gire Orte" and "... in Gire Amediye": one
            # template, two places the gazetteer cannot tell apart; two events.
            return -1.0, -1.0
        best = max(best, s)
        if group == m.article.copy_group and not (explicit and m.explicit_date):
            reprint = max(reprint, s)
    return best, reprint


def _one_disaster(m: Mention, c: Cluster) -> bool:
    """A disaster told by another mention of that day (or year, when that is all either
    gives): a quake, a flood, a storm strikes a whole area, and its towns' tolls are one event's."""
    if m.family != "disaster" or c.founder.family != "disaster" or m.span is None or c.span is None:
        return False
    # Days meet days (a day, or the night between two), and a month or year told of long ago
    # meets the year it lies in ("the 2004 tsunami", "in December 2004"); a day never a year.
    short = [(s[1] - s[0]).days <= 1 for s in (m.span, c.span)]
    return m.span == c.span or (short[0] == short[1] and _spans_meet(m.span, c.span, timedelta(0)))


def _town(m: Mention) -> bool:
    """Placed at a town (its own, or the report's main town standing in)."""
    return m.place.get("feature") in ("city", "landmark")


_NATIONWIDE = frozenset({"general", "nationwide", "national"})


def _general_strike(m: Mention) -> bool:
    """A general or nationwide strike placed at its country."""
    return m.family == "protest" and bool({"strike", "strikes"} & m.words) and bool(_NATIONWIDE & m.words) and m.place.get("feature") == "country"


def _same_story(m: Mention, c: Cluster) -> bool:
    story = m.article.story_id
    return story is not None and any(x.article.story_id == story for x in c.mentions)


def _country_level(m: Mention) -> bool:
    """Placed at a country, nothing finer."""
    return m.place.get("feature") == "country"


def _same_day(m: Mention, c: Cluster) -> bool:
    """Both give one day, the same (a day borrowed from the report's lead counts)."""
    return m.span is not None and c.span is not None and m.span[0] == m.span[1] and m.span == c.span


def _one_scene(m: Mention, c: Cluster) -> bool:
    """A quarter and its city, told by reports of one story with the same doer: "East Flatbush"
    and "Brooklyn" for the police shooting of one teenager (towns as close as the quarters of
    one city, as within an article; strikes by different hands in two villages stay two)."""
    return m.place_rank == c.place_rank == 0 and _km(m, c.founder) <= SCENE_KM and bool(m.side1 and m.side1 in c.sides1)


def _other_district(m: Mention, c: Cluster) -> bool:
    """Whether the coarser of the two names a district that is not the finer one's place.

    "in Dzadran district, Paktiya province" falls back to the province when the
    gazetteer lacks Dzadran; it must not then join an arrest in Gardez, Paktiya.
    """
    fine, coarse = (m, c.founder) if m.place_rank < c.place_rank else (c.founder, m)
    if not coarse.districts:
        return False
    place = fine.place
    here = " ".join(str(place.get(k) or "") for k in ("name", "text")).lower()
    return not any(d in here for d in coarse.districts)


def _same_toll(m: Mention, c: Cluster) -> bool:
    """Violence on one day at one place (or within it) with the same many dead ("a mortar strike
    that killed about 40 in a UN school" in Jabaliya, "a school attacked in Gaza, leaving 40 dead"):
    one strike told by two reports, whatever kind of attack each calls it."""
    if m.toll is None or m.toll < SAME_TOLL_MIN or not (m.kind.startswith(_VIOLENT) and c.kind.startswith(_VIOLENT)):
        return False
    if m.span is None or c.span is None or (m.span[1] - m.span[0]).days > 1 or not _spans_meet(m.span, c.span, timedelta(0)):
        return False  # (a day, or the night between two)
    t = c.founder.toll  # (not any toll the event gathered: a report of three strikes brings three)
    return t is not None and t >= SAME_TOLL_MIN and abs(m.toll - t) <= max(2, 0.1 * max(m.toll, t))


def judge(m: Mention, c: Cluster) -> tuple[float, str] | None:
    """Whether ``m`` may join ``c``: a score (higher is better) and the reason, or None."""
    if not _kind_fits(m.kind, c.kind):
        return None
    fit = _place_fit(m, c)
    # (the same many dead on that day: one strike, though one report gets its doer wrong)
    if fit is None or (_contradicts(m, c) and not _same_toll(m, c)):
        return None
    sim, copy_sim = _best_copy(m, c)
    if sim < 0:
        return None
    if m.another and any(x.article.pk == m.article.pk for x in c.mentions):
        # "three young men died when the Israelis bombed another UN school": its article told it
        # apart from the one this event already holds.
        return None
    reasons = []
    if not _spans_meet(m.span, c.span, timedelta(0)):
        # Only the same wire sentence in one copy group may disagree on the day.
        if copy_sim < COPY_SIMILARITY:
            return None
        reasons.append("the same wire sentence with another date")
    # With no date to compare, only the same article (or a reprint of its sentence) can tell.
    undated = (m.span is None or c.span is None) and copy_sim < COPY_SIMILARITY
    elsewhere = all(x.article.pk != m.article.pk for x in c.mentions)
    # Reports of one story (the stories stage) that name the very town and day for one kind
    # of happening retell one event, however differently they word it.
    retold = (
        elsewhere and _town(m) and _town(c.founder) and _same_story(m, c) and _same_day(m, c)
        and (fit == "same" or (m.kind == c.kind and (m.family in _ONE_A_NIGHT or _one_scene(m, c))))
    ) or (
        # Reports of one story that can place one kind of happening on one day only at the
        # country ("rockets fired from Gaza landed in Israel today"): one pin at the country,
        # not one per report stacked on the same point.
        elsewhere and m.kind == c.kind and _country_level(m) and _country_level(c.founder) and _same_day(m, c)
        and (_same_story(m, c) or m.kind.startswith(_UNREST))  # (a nation's unrest of one day is one wave)
        and _general_strike(m) == _general_strike(c.founder)  # a march is no general strike
    ) or (
        elsewhere and _same_toll(m, c)
    ) or (
        _one_disaster(m, c) and fit is not None
    ) or (
        # A country's general strike on one day is one event, however each report words it.
        elsewhere and _general_strike(m) and _general_strike(c.founder) and m.country == c.founder.country
        and _spans_meet(m.span, c.span, timedelta(0))
    )  # fmt: skip
    if undated and elsewhere:
        return None
    if (
        not (m.own_date and c.own_dated) and copy_sim < COPY_SIMILARITY and elsewhere and not retold
        and (m.article.lead is None or m.article.lead not in c.leads)
    ):  # fmt: skip
        # A day borrowed from the sentence before or the article's lead, in another report
        # that is no reprint: "The MCC agreed to a $500 million grant" recalled by two notes
        # on two strikes, or "on the same day, airstrikes in the same area" next to another
        # village's airstrike. Only reports that lead with the same event share it.
        return None
    shared_actor = bool(m.side1 and m.side1 in c.sides1) or bool(m.side2 and m.side2 in c.sides2)
    if m.place_key is None and sim < NO_PLACE_SIMILARITY:
        return None
    if copy_sim < COPY_SIMILARITY and elsewhere:
        # Another report, not a reprint: kind, day and place alone cannot tell its event
        # from another like it ("Two soldiers were injured." in two notes on two
        # bombings), so a sentence too short to compare joins only when its doer is the
        # event's ("The Taliban captured Herat on Thursday."), and a place as coarse as
        # a province needs the sentences to agree too.
        if len(m.words) < COPY_MIN_WORDS and not (m.side1 and m.side1 in c.sides1) and not retold:
            return None
        if max(m.place_rank, c.place_rank) >= 2 and sim < CROSS_LEVEL_SIMILARITY and not retold:
            return None
    if fit == "within" and elsewhere and _other_district(m, c) and not _one_disaster(m, c):
        return None
    cross_kind = m.kind != c.kind and not _kind_fits_generic(m.kind, c.kind)
    if (
        cross_kind and elsewhere and copy_sim < COPY_SIMILARITY
        and ((fit != "same" and not retold) or (m.explicit_date and c.founder.explicit_date))
    ):  # fmt: skip
        # Another report's attack joining a clash, a shelling joining an attack: the same
        # happening only at the very place, and not between two notes that each write
        # their date out (coders who record a clash and an airstrike mean two events).
        return None
    both_actors = bool(m.side1 and m.side1 in c.sides1 and m.side2 and m.side2 in c.sides2)
    if fit == "within" and not both_actors and sim < CROSS_LEVEL_SIMILARITY and not retold:
        return None
    score = 2.0 * sim + (1.0 if fit == "same" else 0.0) + (0.5 if shared_actor else 0.0)
    if m.span and c.span and m.span == c.span:
        score += 0.5
    if sim >= COPY_SIMILARITY:
        reasons.append(f"the same sentence ({sim:.2f} of its words)")
    reasons.append(f"{m.kind} as {c.kind}" if m.kind != c.kind else f"same kind {m.kind}")
    reasons.append(
        "same place" if fit == "same" else "place within the event's place (or holding it)"
    )
    if m.span and c.span:
        reasons.append("date agrees" if m.span == c.span else "date span overlaps")
    if shared_actor:
        reasons.append("shared actor")
    return score, "; ".join(reasons)


class _Index:
    """Clusters by place key and month, so that a mention is compared with few events."""

    def __init__(self) -> None:
        self.buckets: dict[tuple[str, str], list[Cluster]] = {}

    @staticmethod
    def months(span: tuple[date, date] | None, slack: timedelta) -> list[str]:
        if span is None:
            return ["-"]
        lo, hi = span[0] - slack, span[1] + slack
        out: list[str] = []
        y, mo = lo.year, lo.month
        while (y, mo) <= (hi.year, hi.month) and len(out) < 14:
            out.append(f"{y:04d}-{mo:02d}")
            y, mo = (y + 1, 1) if mo == 12 else (y, mo + 1)
        return out

    @staticmethod
    def cell(m: Mention, dlat: int = 0, dlon: int = 0) -> str | None:
        """A town's square of the grid (0.1 degree, some 11 km), for the towns near it."""
        lat, lon = m.place.get("lat"), m.place.get("lon")
        if m.place_rank != 0 or lat is None or lon is None:
            return None
        return f"g{math.floor(float(lat) * 10) + dlat}:{math.floor(float(lon) * 10) + dlon}"

    @staticmethod
    def keys_of(c: Cluster) -> list[str]:
        keys = [f"p{c.place_key}"]
        if (cell := _Index.cell(c.founder)) is not None and c.place_rank == 0:
            keys.append(cell)
        if c.admin1:
            keys.append(f"a{c.admin1}")
            if c.place_rank >= 2:
                keys.append(f"A{c.admin1}")
        if c.place_rank >= 4:
            keys.append("C")
        keys.extend(f"s{side}" for side in c.sides1)
        return keys

    @staticmethod
    def lookups(m: Mention) -> list[str]:
        if m.place_key is None:
            return ["pNone"]
        keys = [f"p{m.place_key}", "C"]
        keys.extend(k for d in range(9) if (k := _Index.cell(m, d // 3 - 1, d % 3 - 1)) is not None)
        if m.place_rank >= 2 and m.admin1:
            keys.append(f"a{m.admin1}")
        elif m.admin1:
            keys.append(f"A{m.admin1}")
            if m.family == "disaster":
                keys.append(f"a{m.admin1}")  # (the province's other towns the disaster struck)
        if m.place_rank >= 4 and m.side1:
            keys.append(f"s{m.side1}")
        if m.place_rank >= 4 and m.side2:
            keys.append(f"s{m.side2}")
        return keys

    def add(self, c: Cluster) -> None:
        for month in self.months(c.span, timedelta(0)):
            for key in self.keys_of(c):
                if (key, month) not in c.indexed:
                    c.indexed.add((key, month))
                    self.buckets.setdefault((key, month), []).append(c)

    def candidates(self, m: Mention) -> Iterator[Cluster]:
        seen: set[int] = set()
        for month in self.months(m.span, COPY_SLACK):
            for key in self.lookups(m):
                for c in self.buckets.get((key, month), ()):
                    if id(c) not in seen:
                        seen.add(id(c))
                        yield c


def rebuilt(held: Iterable[Mention]) -> list[Cluster]:
    """Events as they were: each group of mentions one event held, added in the order that
    founded it (the first mention is the founder, as when it was made)."""
    out: list[Cluster] = []
    for group in held_groups(held):
        first = group[0]
        c = Cluster(
            founder=first, kind=first.kind, place_key=first.place_key, place_rank=first.place_rank,
            country=first.country, admin1=first.admin1, span=first.span,
        )  # fmt: skip
        for m in group:
            c.add(m)
        out.append(c)
    return out


def held_groups(held: Iterable[Mention]) -> list[list[Mention]]:
    """Mentions grouped by the event that holds them (``Mention.held_by``), each in order."""
    groups: dict[str, list[Mention]] = {}
    for m in sorted(held, key=lambda m: m.order):
        groups.setdefault(m.held_by or "", []).append(m)
    return list(groups.values())


def cluster(mentions: Iterable[Mention], existing: Iterable[Cluster] = ()) -> list[Cluster]:
    """Merge the mentions of one block (one family in one country) into events; with
    ``existing``, the new mentions join those events or found new ones (returned after them)."""
    index = _Index()
    clusters: list[Cluster] = list(existing)
    for c in clusters:
        index.add(c)
    for m in sorted(mentions, key=lambda m: m.order):
        best: tuple[float, str, Cluster] | None = None
        for c in index.candidates(m):
            verdict = judge(m, c)
            if verdict and (best is None or verdict[0] > best[0]):
                best = (verdict[0], verdict[1], c)
        if best is None:
            c = Cluster(
                founder=m, kind=m.kind, place_key=m.place_key, place_rank=m.place_rank,
                country=m.country, admin1=m.admin1, span=m.span,
            )  # fmt: skip
            m.why = "founded the event"
            c.add(m)
            clusters.append(c)
            index.add(c)
        else:
            m.why = best[1]
            best[2].add(m)
            index.add(best[2])
    return clusters
