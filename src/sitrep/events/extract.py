"""Events from one article: trigger, kind, actors, place, date, modality, sources, evidence.

Per sentence of the body (never captions or chrome), trigger patterns from the
lexicon propose kinds; overlapping triggers go to the kind listed first in
``kinds.tsv``. Each event is read from its clause: actors before the trigger
are the subject (actor1), after it the object (actor2), swapped for a passive
("was arrested by police"); the place is the clause's place nearest the
trigger, else the sentence's, else the article's main place at a coarser
precision; the date is the clause's or sentence's date, else the publication
date with ``how`` saying so. Attribution ("said", "according to", "told AFP")
and modal cues ("claimed", "confirmed", "denied", "will", "could") give the
modality and the sources.
"""

from __future__ import annotations

import hashlib
import re

from sitrep.events.actors import actors, succeeded, theatre, unnamed_doer
from sitrep.events.agree import TOLL_TRIGGER, bare_toll
from sitrep.events.apart import (
    after_day,
    anniversary,
    apart_at,
    apart_between,
    days_apart,
    shifted,
    some_time_before,
)
from sitrep.events.attribution import modality_of, reported_as, sources_of
from sitrep.events.camps import camp_in, camp_told, the_camp
from sitrep.events.claims import claimed_doers
from sitrep.events.clauses import clause as clause_of
from sitrep.events.combine import combine, setting_day, sparked_day, that_day, when_day, year_clause
from sitrep.events.corefer import one_per_event, referent
from sitrep.events.dating import FOUNDED, attached, day_apart, event_date
from sitrep.events.eventness import legal_reference, named_event, no_happening, recalled_cause
from sitrep.events.lexicon import Kind, Lexicon, fast_cues, load
from sitrep.events.mainplace import country_named, dateline_side, dateline_town, filed_from
from sitrep.events.mainplace import focus as main_place
from sitrep.events.places import attributive, is_capital
from sitrep.events.readings import article_readings, context_takers, retype
from sitrep.events.referred import arrests_at_their_attack, recalls_back
from sitrep.events.refplaces import beside_only, reference
from sitrep.events.reread import reread
from sitrep.events.scene import (
    context_place,
    country_of,
    forces_home,
    is_where_of,
    origin_of,
    place_of,
    scenes,
    street_told,
)
from sitrep.events.sites import SITE_AFTER, unknown_site
from sitrep.events.statehood import at_the_capital, in_the_state_then
from sitrep.events.storyday import (
    ahead,
    before_story,
    context_date,
    dateline,
    lead_day,
    narrative_day,
    new_scene,
    recalled,
    recalled_undated,
    sentence_day,
    still_now,
    story_day,
)
from sitrep.events.storykind import StoryKind, in_passing
from sitrep.events.tallies import after_its_cause, date_tallies, told_as_tally, undated_series
from sitrep.events.tolls import (
    carry_tolls,
    coded_totals,
    toll_into_act,
    toll_of,
    town_share,
)
from sitrep.events.towns import coordinated, each_town, place_json
from sitrep.events.triggers import triggers_of
from sitrep.events.victims import marked, retold_killing
from sitrep.events.wartoll import span_tally, war_tally, war_toll
from sitrep.model import Article, Event, Place, Quantity, TimeRef
from sitrep.rxfactor import compiled
from sitrep.sentences import split_sentences

# "the shooting", "their attack": a noun that recalls an event the reader knows of.
_DEFINITE = compiled(
    r"(?:\b(?:the|this|that|its|their|his|her)|(?<!the\s)\b(?-i:[A-Z])[\w-]+(?:'s|’s|'|’))\s+(?:(?!(?:was|were|is|are|been|being|be|has|have|had|and|or|who|which|did|got)\b)[\w-]+\s+){0,2}$",
    re.IGNORECASE,
)
_CUES = fast_cues()  # eventness cues with their sources (data/events/cues.tsv)
# "the shooting location", "local shooting victims", "the bombing site": the noun names
# something of an event told elsewhere, not a new happening.
_RECALLED_AFTER = _CUES["recalled_after"]
_EVENT_SITE = _CUES["event_site_after"]
_REFERENCE_POINT = _CUES["reference_point_before"]
_AND_VERB = compiled(r"\s*,?\s+and\s+(?:the\s+)?[\w-]+\s+(?:[a-z]+ed|spread|went|began|broke|hit|struck|swept)\b")  # a clause of its own
# A place of the noun's own, right after it: "the attacks in Paris", "the bombing at the embassy" ("the bombing killed 17 civilians in the village of Urus-Martan": where its dead were, its own)
_OWN_PLACE = compiled(r"\s+(?:(?:on|at|against|of)\s+(?:(?:the|a|an)\s+)?(?:[\w'’-]+\s+){0,3}?|(?:killed|wounded|injured)\s+(?:[\w,'’-]+\s+){0,4}?)?(?:in|at|near|on|outside|inside|across)\s|\s+(?:of\s+)?(?-i:[A-Z])", re.IGNORECASE)
# A verb in the past, not a noun a determiner names again: "the man shot the woman".
_PAST = compiled(r"(?:ed|\b(?:shot|hit|struck|fought|beat|took|blew|threw|stole|overran|fled|led|stormed|seized|withdrew|swept|overtook|broke|drove|burnt|slew|sank|tore|found|sent|held|caught|brought|set|put|fell|flew|began|made|kept|lost|won|hid|blown))$", re.IGNORECASE)


_FLED_TO = compiled(r"\b(?:fled|escaped|flew|fleeing|went\s+into\s+exile|sought\s+refuge|took\s+refuge)\s+(?:to|in|into)\s+(?:the\s+)?(?:neighbou?ring\s+)?$", re.IGNORECASE)
# "killed in a raid in the city in January, after which he boasted of being able to travel to Syria": where someone went later
_GONE_TO = compiled(r"\b(?:travel(?:l?ed|l?ing|s)?|left|head(?:ed|ing)|escape|return(?:ed|ing)?)\s+(?:to|for)\s+(?:the\s+)?$", re.IGNORECASE)
_CAPITAL_OF = compiled(r"\s+capital\b", re.IGNORECASE)
# ("fighting in the capital", "control of the capital"; not "50 km north of the capital", "the capital of Darfur")
_THE_CAPITAL = compiled(
    r"(?<![\w-])(?<!north )(?<!south )(?<!east )(?<!west )(?<!miles )(?<!km )(?<!outskirts )(?<!kilometers )(?<!kilometres )"
    r"(?:in|into|inside|across|throughout|through|around|of|for|on|at|over|stormed|attacked|shelled|entered|took|seized|captured)\s+the\s+capital\b"
    r"(?!\s+(?:of|markets?|gains?|punishment|city\s+of)\b)"
)


def find_events(article: Article, lexicon: Lexicon | None = None) -> list[Event]:
    """The events of one article, the most important first (the lead sentence's main event)."""
    lex = lexicon or load()
    text = article.text
    named = [p for p in article.places if p.field == "text"]
    places = scenes(text, named)  # where something may have happened; ``named`` also names doers
    times = [t for t in article.times if t.field == "text" and t.type in ("date", "time")]
    quantities = [q for q in article.quantities if q.field == "text"]
    named_here = [p for p in places if not reference(text, p)]
    plain = [p for p in named_here if not attributive(text, p)]  # ("U.S. troops": whose, not where)
    here = next((p for p in article.places if p.field == "dateline" and not p.adjectival and p.feature != "country"), None)
    # Where the body names a country only as whose ("U.S. air strikes"), the dateline's town is the story's.
    focus = filed_from(main_place(plain if any(not p.adjectival for p in plain) else [] if here is not None else named_here), [p for p in article.places if p.field != "text" or not attributive(text, p)])
    headings = {h.strip() for h in article.headings}
    events: list[Event] = []
    previous: list[tuple[int, int]] = []  # the last body sentences, for a place carried over
    sentences = list(split_sentences(text))
    story = " ".join([article.title or "", *(text[a:b] for a, b in sentences[:2])])  # what the story is about
    sports = StoryKind(f"{article.title or ''} {text}")
    line = dateline(article)
    today = story_day(article)  # (the dateline's day, "KABUL, Afghanistan, Sept. 27 —", else the publication's)
    tagged: dict[str, Kind] = {}  # events whose kind a note's tag decided
    shared: set[str] = set()  # events of one sentence told in several towns at once
    for n_sentence, (s_start, s_end) in enumerate(sentences):
        sentence = text[s_start:s_end]
        if sentence.strip() in headings:
            continue  # a heading ("Prison raids") names a topic, not an event
        label = _LABEL.match(sentence)
        tag = lex.labels.get(label.group(1).lower()) if label else None
        found = triggers_of(sentence, lex)
        if tag and label:
            found = [h for h in found if h[1] >= label.end()]
        prior = previous
        previous = [*previous, (s_start, s_end)][-2:]
        if not found and not tag:
            continue
        context = context_place(text, places, prior, events, focus)
        earlier = context_date(prior, events, times, line, latest=today, text=text)
        n_before = len(events)
        found = [
            h for h in combine(found, lex, sentence)
            if not _NOT_AN_EVENT.search(sentence[max(0, h[1] - 70) : h[1]])
            and not (h[0].family == "release" and _DOCUMENT_BEFORE.search(sentence[max(0, h[1] - 60) : h[1]]))
        ]  # fmt: skip
        seen: dict[tuple[str, object, int | None, str | bool | None], Event] = {}
        for kind, t_start, t_end in found:
            a, b = clause_of(sentence, t_start, t_end)
            start, end = s_start + t_start, s_start + t_end
            clause = (s_start + a, s_start + b)
            if (
                " the " in sentence[max(0, t_start - 40) : t_start] and (anchor := _TIME_ANCHOR.search(sentence, max(0, t_start - 40), t_start)) and any(e.family == kind.family and e.layer == "material" for e in events)
                and not any(s_start + anchor.start() <= p.start < start for p in places) and not _PAST.search(sentence, t_start, t_end)
            ):  # fmt: skip
                continue  # "arrested 90 minutes after the blast": the blast told before, a time counted from it (not "after the Nairobi blast on Friday")
            place = place_of(text, places, clause, (s_start, s_end), start, end, focus.country_code if focus else None)
            written_on = place is not None and bool(_THE_BEFORE.search(text, max(s_start, place.start - 12), place.start))
            if (
                place is not None and place.end <= start and any(s_start + te <= place.start for _, ts, te in found if ts != t_start and not TOLL_TRIGGER.match(sentence[ts:te]))
                and not (written_on and _NOUN_GAP.fullmatch(sentence, place.end - s_start, t_start))  # (but "since the Madrid bombings": Madrid's)
            ):  # fmt: skip
                # "missiles struck a plant in Khartoum, in retaliation for the bombings of embassies
                # in East Africa": Khartoum is the strike's; the bombings' place comes after them.
                # (A toll told first is the same happening's: "39 died when a wall collapsed in
                # Brussels during riots before the final against Juventus (Turin)".)
                after = [p for p in places if p.start >= end]
                place = place_of(text, after, clause, (s_start, s_end), start, end, focus.country_code if focus else None) or place
            if (
                place is not None and place.feature in ("country", "region") and not (clause[0] <= place.start < clause[1])
                and context is not None and context.country_code == place.country_code
            ):  # fmt: skip
                # "youths threw molotov cocktails outside parliament, as a general strike paralysed
                # Greece": the country is another clause's; the town the story is in is the scene.
                place = None
            if here is not None and (place is None or (place.feature in ("admin1", "country") and place.country_code == here.country_code)) and (_HERE.search(sentence) or dateline_town(sentence, here, context)):
                # "the blast at the U.S. embassy here", "the main street of this market town ... in
                # 30 years of violence in Northern Ireland": the town the story was filed from
                place = here
            if place is not None and (side := dateline_side(text, place, here)) is not None:
                place = side  # "a train station in eastern Ukraine" under a KRAMATORSK dateline
            if place is not None and place.feature == "country" and (camp := the_camp(text, places, place)):
                place = camp  # "attacked a refugee camp in South Sudan" in a story about the Yida camp
            if place is None and (camp := camp_told(text, places, (s_start, s_end))):
                place = camp  # "arrived at the camp as a second round of bombs hit": the camp told of
            fleeing = kind.family == "displacement" or sentence[t_start:t_end].lower().startswith("fle")
            if fleeing and (camp := camp_in(text, places, (s_start, s_end))):
                place = camp  # refugees "who have fled fighting in South Kordofan ... at the Yida camp"
            elif not fleeing and place is not None and (_FLED_TO.search(text, max(s_start, place.start - 40), place.start) or (place.start > end and _GONE_TO.search(text, max(end, place.start - 30), place.start))):
                place = None  # "Kabbah, who fled to neighboring Guinea last year when soldiers ousted him in a coup": a refuge, not the scene
            if place is not None and end <= place.start and written_on and any(ts != t_start and k.layer == "material" and _NOUN_GAP.fullmatch(sentence, place.end - s_start, ts) for k, ts, _ in found):
                # "the deadliest attack on EU soil since the Madrid bombings in 2004": a town written
                # onto another event's noun after this one is that event's place, not this one's.
                place = None
            if place is not None and place.end <= t_start + s_start and recalls_back(text, start, place, found, s_start, clause):
                # "arrested in Karachi on Aug. 7, the day of the attacks", "detained in Peshawar for
                # questioning about the bombings": the place and day are the arrest's; the attacks
                # are told elsewhere, unless the sentence dates them ("the Aug. 7 bombings").
                if not any(attached(text, t, start) for t in times):
                    continue
                place = None
            if (at := apart_at(sentence, t_start)) is not None and at <= 12 and place is not None and 0 < sentence.find(",", t_end) <= place.start - s_start:
                # "Almost a week after the deadliest attack on EU soil, ministers were summoned to
                # Brussels": the main clause's place is the meeting's, not the attack's.
                place = None
            if place is not None and place.start >= end and _LATER_CLAUSE.search(text, end, place.start):
                place = None  # "arrested since Wednesday, hours after a jury in Simi Valley acquitted the officers": the verdict's town
            if at is not None and place is not None and place.start < s_start + at:
                # "the violence in Yida came one day after bombings in another region of South
                # Sudan": the other day's event is at a place told after "after", else in the country.
                later = [p for p in places if s_start + at <= p.start < s_end]
                told, place = place, (place_of(text, later, clause, (s_start, s_end), start, end, focus.country_code if focus else None) if later else None)
                if place is None:
                    place = country_of(places, told)
            if place is not None and place.start >= clause[1] and _AND_VERB.match(text, clause[1], place.start):
                # "a day after security forces shot dead six students at Trisakti University, and looting spread to the port of Tangerang": the next clause's
                mine = [p for p in places if p.end <= clause[1] and (at is None or p.start >= s_start + at)]
                place = place_of(text, mine, clause, (s_start, s_end), start, end, focus.country_code if focus else None) if mine else (country_of(places, place) if at is not None else None)
            key = (
                kind.family, (place.geonameid or (place.name, place.lat, place.lon)) if place else None, days_apart(sentence, t_start),
                year_clause(sentence, t_start)
                or (_ANOTHER_ONE.search(sentence, max(0, t_start - 25), t_start) is not None and not sentence[t_start:t_end].endswith("ed")),
            )  # ("a vigil on Monday; a second protest the next night": the text counts two; "another injured" is a victim)
            if key in seen and not (bare_toll(seen[key]) and not TOLL_TRIGGER.match(sentence[t_start:t_end])):
                continue  # one event per kind family and place in a sentence, unless it was only a toll
            others = [(s_start + ts, s_start + te) for k, ts, te in found if (ts, te) != (t_start, t_end)]
            fallback, how = (None if beside_only(text, places, (s_start, s_end)) else (context or focus)), ("context" if context else "article")
            if context is not None and focus is not None and (_RUNNING_TOLL.search(sentence, t_start) or street_told(sentence, context, focus)):
                fallback, how = focus, "article"  # "800 killed since the fighting began": the story's war, not the last sentence's town
            if place is None and fallback is not None and (far := country_named(places, article.places, fallback)) and any(p.geonameid == fallback.geonameid and reference(text, p) for p in places if s_start <= p.start < s_end):
                fallback, how = far, "country"  # "the headquarters of Myagdi district, about 200 km west of Kathmandu": not in Kathmandu
            if ((place is None or place.feature == "country") and (cap := here or focus) is not None and cap.feature == "city" and _CAPITAL_OF.search(sentence) and is_capital(cap.name, cap.geonameid) and any(
                p.adjectival and p.country_code == cap.country_code and _CAPITAL_OF.match(text, p.end) for p in places if s_start <= p.start < s_end
            )) or ((place is None or sentence.startswith(" the capital ", t_end)) and (cap := here if here is None or focus is None or focus.country_code == here.country_code else focus) is not None and cap.feature == "city" and _THE_CAPITAL.search(text, *clause) and is_capital(cap.name, cap.geonameid)):  # fmt: skip
                place = cap  # "in the Afghan capital" under KABUL, "fought for the capital" under KHARTOUM: the town (not "independence from Indonesia")
            site = unknown_site(sentence, named, s_start, country_of(places, here or focus or context), country_named(places, article.places, context or focus), place is not None) if place is None or place.feature in ("country", "region") else None
            toll_of_war = place is None and (war_toll(sentence, t_start, t_end) or _SINCE_YEARS.search(sentence) is not None)
            if place is None and (
                toll_of_war or _NATIONWIDE.match(sentence, t_start) or told_as_tally(sentence, t_start, sentence[t_start:t_end]) or ((across := _ACROSS.search(sentence, t_end, t_end + 80)) and not any(t_end <= ts < across.start() for _, ts, _ in found)) or _SEVERAL_TOWNS.search(sentence, t_end)
            ) and (country := country_named(places, article.places, (focus or context) if toll_of_war else (context or focus))) is not None:
                # a war's toll, a general strike, a running tally of arrests: the country's, not
                # the town the story is about; "the war" is the story's, not that of the town
                # abroad the last sentence told of (a missile fired at a Saudi city in a Yemen story)
                fallback, how = country, "country"
            if site is not None:  # "bombing the South Sudanese area of Guffa": a place the gazetteer lacks; its country, not the
                # last sentence's town; after the trigger in another land, not the main clause's ("the Lebanese village of Janta")
                fallback, how, place = site[0], "country", None if place is not None and place.start < s_start + t_start and place.country_code != site[0].country_code and text.find(site[1], s_start + t_end, clause[1]) >= 0 else place
            event = _event(
                article, lex, kind, sentence, (s_start, s_end), (start, end), clause, place,
                fallback, how, times, quantities, named, others, text,
            )  # fmt: skip
            if event.actor1 and event.actor1.get("type") == "unidentified" and (origin := origin_of(text, places, (s_start, s_end))) and origin.country_code:
                # "Militants fired rockets from Gaza into Israel": the unnamed doers are of where they fired from.
                event.actor1 = {**event.actor1, "name": unnamed_doer(lex, origin.country_code, sentence), "country_code": origin.country_code}
            if (home := forces_home(places, event.actor1, event.place)) is not None:
                event.place = place_json(home, "country")  # "Dutch police said they had detained him": in the Netherlands
            if site is not None and event.place is not None:
                event.place["site"] = site[1].lower()  # one unnamed-by-the-gazetteer site: not merged with a town
            abroad = place is not None and place.feature == "country" and focus is not None and place.country_code != focus.country_code and is_where_of(text, place, start)
            if abroad and (event.date or {}).get("how") != "text":
                continue  # "as it did in Rwanda, where a million were massacred": told of another land with no day, nothing to place in time
            if toll_of_war and (event.date or {}).get("how") != "text" and (year := next((t for t in times if s_start <= t.start < s_end and _YEAR_ONLY.fullmatch(t.value) and not FOUNDED.search(text, max(s_start, t.start - 20), t.start)), None)):
                # "have fought since 1983 ..., and 70,000 have died in the conflict": the war's, from its start
                event.date, event.background = {"value": year.value, "precision": "year", "how": "text", "text": year.text}, True
            elif toll_of_war and (event.date or {}).get("how") != "text" and _WAR_SO_FAR.match(sentence, t_end):
                continue  # "More than 20,000 people have been killed in the insurgency": a war's count so far, no day's event
            elif span_tally(sentence, t_start) or (undated_series(sentence, t_start, event.date) and days_apart(sentence, t_start) is None) or (toll_of_war and war_tally(sentence, t_start, t_end)):
                continue  # "as many as 200,000 people have been killed in the past month": many happenings' dead
            elif earlier and (event.date is None or event.date["how"] == "published") and not toll_of_war and not (
                event.date and not _THE_BEFORE.search(sentence, max(0, t_start - 8), t_start) and new_scene(sentence, s_start, places, events[:n_before])
            ):  # (not a definite noun's: "In Tanzania, the toll from the blast" retells Friday's)
                event.date = still_now(context_date(prior, events[:n_before], times, line, event.family, today, text), sentence, t_start, today) or event.date
                # "A second protest followed the next night": the night after the day carried over
                event.date = day_apart(text, clause, (s_start, s_end), (start, end), event.date)
            if (apart := days_apart(sentence, t_start)) is not None and (
                (event.date or {}).get("how") != "text" or anniversary(sentence, t_start) or (at is not None and 0 <= sentence.find(str((event.date or {}).get("text") or "\0")) < at)
            ):  # ("The bodies still lay in the streets on Wednesday, two weeks after rebels swept into the capital": Wednesday is the bodies')
                # "The blast came a day after a string of attacks killed 50": the day before the blast's.
                own = next(
                    (
                        e.date for e in events[n_before:]
                        if e.date and e.date.get("how") in ("text", "lead", "context") and days_apart(sentence, e.evidence[0]["trigger"]["start"] - s_start) is None
                    ),
                    None,
                ) or sentence_day(times, (s_start, s_end), line) or event.date  # fmt: skip
                event.date = shifted(own, apart) or event.date
            if (retold := retold_killing(events[:n_before], event, sentence, t_start, t_end, text[:s_start])) is not None:
                event.date = retold  # "Gray, 16, was shot eleven times": the killing told before, on its day
            elif event.family == "attack" and apart is None and marked(sentence, t_start):
                continue  # "a vigil to mark the shooting" of a day the article does not tell: not the vigil's day
            if event.layer == "material" and (event.date or {}).get("how") != "text" and (before := some_time_before(sentence, t_start, event.date)):
                event.date = before  # "comes shortly after reports of aerial bombardments in Upper Nile": some day before
            if event.layer == "material" and (event.date is None or event.date.get("how") in ("context", "published", "lead")) and named_event(sentence, t_start, t_end):
                continue  # "following the Connecticut shooting": a named event told long before, not the last sentence's day
            borrowed = retold is None and event.background and (event.date is None or event.date.get("how") in ("context", "published"))
            if borrowed and (ref := referent(events[:n_before], event)):
                event.date = {**ref.date, "how": "context"} if ref.date else None  # "condemned the attack": told before
            elif borrowed and not _OWN_PLACE.match(text, end, end + 60) and (ref := referent(events[:n_before], event, anywhere=True)) and ref.place:
                # "flee after the attacks, also lived in Molenbeek": the attacks told before, not the town named
                event.place, event.date = {**ref.place, "how": "context"}, ({**ref.date, "how": "context"} if ref.date else None)
            if not event.background and (event.date or {}).get("how") == "published" and (lead := lead_day(events)):
                # A sentence without a day of its own, after none of its strand: the story's
                # day, which its lead event gives ("Rioters attacked ... on Saturday. Police
                # arrested 20 youths."), firmer than the day of publication.
                event.date = narrative_day(text, times, sentences, n_sentence, lead, today, line, events) or {**lead, "how": "lead"}
            if event.background and (event.date or {}).get("how") == "published" and event.layer == "material":
                if _CONDEMNED.search(sentence, max(0, t_start - 60), t_start) and not any(e.layer == "material" for e in events[:n_before]):
                    # "The UN on Friday condemned the aerial bombing of a refugee camp", first told:
                    # the story's news, on the day of publication or the one before.
                    event.background = False
                else:
                    continue  # a recalled event with no date of its own: nothing the map can place in time
            if (
                event.family == "displacement" and not any(end <= t.start < clause[1] for t in times) and not _DAY_WORDS.search(sentence, t_end)
                and (
                    (_WHO_BEFORE.search(sentence, max(0, t_start - 30), t_start) and not sentence[t_start:t_end].lower().endswith("ing"))
                    or _SHELTERS_BEFORE.search(sentence, max(0, t_start - 50), t_start)
                )
            ):  # fmt: skip
                # "refugees who fled violence in Sudan are living in the camp", "a camp sheltering
                # 20,000 civilians fleeing conflict": who they are, not a day's event
                continue
            if event.layer == "material" and legal_reference(text, start) and not any(attached(text, t, start) for t in times):
                continue  # "tried for rape in March 2005": the day is the trial's; the rape is told undated
            if event.layer == "material" and no_happening(event.family, sentence, t_start, t_end, story, sports) and not (
                recalled_cause(sentence, t_start, t_end) and any(s_start <= t.start < s_end and attached(text, t, start) for t in times)
            ):  # "protests at the killing of a boy eight days ago": a cause told with a day of its own
                continue  # "killed in a car accident", "a heart attack", "the driver fled": no event to map
            if event.modality == "hypothetical" and event.layer == "material":
                continue  # "could attack", "the goal is to capture": no happening to map
            if event.layer == "material" and in_passing(sports, event.place, n_sentence, any(s_start <= t.start < s_end for t in times)):
                continue  # "Following a gruesome murder, the island's true nature is revealed" in a book review
            seen.setdefault(key, event)
            events.append(event)
            if event.layer == "material" and place is not None:
                towns = each_town(lex, event, coordinated(text, places, place, (s_start, s_end), start))
                if towns:
                    shared.update(e.id for e in (event, *towns))
                events.extend(towns)
        toll_into_act(events, n_before)
        sparked_day(events[n_before:], sentence, s_start)
        when_day(events[n_before:], sentence, s_start, times)
        after_day(events[n_before:], sentence, s_start, times)
        that_day(events[n_before:], sentence, s_start)
        setting_day(events[n_before:], sentence, s_start)
        if tag and label:
            if len(events) == n_before:
                # Only the tag says what happened: the event stands on the sentence after it.
                t_start, t_end = s_start + label.start(1), s_start + label.end(1)
                clause = (s_start + label.end(), s_end)
                place = place_of(text, places, clause, (s_start, s_end), t_end, t_end)
                event = _event(
                    article, lex, tag, sentence, (s_start, s_end), (t_start, t_end), clause, place,
                    context or focus, "context" if context else "article", times, quantities, named, [], text,
                )  # fmt: skip
                if event.actor1 is None:
                    event.actor1, event.actor2 = event.actor2, None
                events.append(event)
            tagged[events[n_before].id] = tag
    events = carry_tolls(events, text, sentences, quantities, named, times)
    for e in events:
        if e.id in shared:
            e.fatalities = None  # a toll told for several towns at once, or carried to them, is none of theirs
    coded_totals(events, text, sentences)
    date_tallies(events, today)  # "more than 200 people have been arrested": since the wave began
    events = article_readings(events, text, lex)
    claimed_doers(text, events, lex, places)  # "Islamic State claimed responsibility for the attack"
    at_the_capital(events, places)  # "South Sudan became its own country": at Juba
    arrests_at_their_attack(events, focus)  # "arrested three suspects in connection with the market bombing"
    context_takers(events)
    for e in events:
        if e.id in tagged and e.kind != tagged[e.id].name:
            retype(e, tagged[e.id])
    events = one_per_event(events, text, (lambda d: recalled(d, article, 31)) if article.published else None)
    after_its_cause(events, today)  # "the officers involved in the shooting have been arrested": this month
    for e in events:
        e.background = recalled(e.date, article) or recalled_undated(e.date, article)
        in_the_state_then(e)  # a 1955 war in today's South Sudan: in Sudan then, and Sudan's army
        here = (e.place or {}).get("country_code")
        if e.actor1 and e.actor1.get("how") == "unnamed" and here and e.actor1.get("country_code") != here:
            # The event's place narrowed to a town of another country (East Africa -> Nairobi):
            # its unnamed doer is that country's.
            e.actor1 = {**e.actor1, "name": unnamed_doer(lex, here, e.evidence[0]["text"]), "country_code": here}
    return events


# "The rebels have been fighting since 1983": a campaign of years, the country's, not a town's.
_RUNNING_TOLL = compiled(r"(?:killed|died|dead)\b[^.;]{0,40}?\bsince\s+(?:the\s+)?(?:[\w-]+\s+){0,5}?(?:began|started|erupted|broke out)\b", re.IGNORECASE)
_WAR_SO_FAR = compiled(r"\s+(?:in|during|since the start of)\s+(?:the|this|a|its)\s+(?:[\w-]+\s+){0,2}?(?:insurgency|war|conflict|fighting|uprising|rebellion|revolt|violence)\b", re.IGNORECASE)
_YEAR_ONLY = compiled(r"(?:1[89]|20)\d\d")
_SINCE_YEARS = compiled(r"\b(?:has|have|had)\s+been\s+\w+ing\b[^.;]{0,80}?\bsince\s+(?:19|20)\d\d\b", re.IGNORECASE)
# "had killed 15 members of the security forces across the country": a tally over the country.
# (the nearest event noun's: "The shooting unleashed a wave of unrest across the country" is the unrest's)
_ACROSS = compiled(r"\b(?:across|throughout|around|all over) the country\b", re.IGNORECASE)
# "shot dead at least 38 people ..., as soldiers opened fire on crowds in several cities": many towns' tally.
_SEVERAL_TOWNS = compiled(r"\bin (?:several|many|various|a number of|at least (?:\w+|\d+)|(?:two|three|four|five|six|\d+)) (?:other )?(?:cities|towns)\b", re.IGNORECASE)
_NATIONWIDE = compiled(r"(?:general|nationwide|national) strikes?\b", re.IGNORECASE)
# "condemned the aerial bombing of a camp": the act a condemnation names.
_CONDEMNED = compiled(r"\b(?:condemn|denounc|deplor|decri)\w*\s+(?:the\s+|this\s+|an?\s+|last\s+\w+['’]s\s+)?(?:[\w-]+\s+){0,3}$", re.IGNORECASE)
# "Looting: On 15 January 2022, ..." : a coded note's tag (data/events/labels.tsv).
_LABEL = compiled(r"^\s*([A-Z][A-Za-z/ -]{1,40}?)\s*:\s")


# "a poll released Sunday", "an autopsy of the teen was released": a document, not a prisoner.
_DOCUMENT_BEFORE = _CUES["document_before"]
_NOT_AN_EVENT = _CUES["not_an_event"]




# "here" outside quotes: the dateline's town ("the blast at the U.S. embassy here").
# Up to two words between a town and the noun it is written onto ("the Madrid train bombings"),
# none of them a preposition ("shelled Tal Shanan in Al Hasakeh countryside with artillery").
_NOUN_GAP = compiled(r"(?:['’]s)?\s+(?:(?!(?:with|in|on|at|of|by|for|from|to|and|or|as|after|before|during|near|into|amid|against|over)\b|[\w-]+ed\b)[a-z][\w-]*\s+){0,2}")
_TIME_ANCHOR = compiled(r"\b(?:minutes?|hours?|days?|weeks?)\s+(?:after|before)\s+the\s+(?:[\w'’-]+\s+){0,2}$", re.IGNORECASE)
_LATER_CLAUSE = compiled(r"\b(?:(?:a|one|two|three|several|a few|\d+)\s+)?(?:hours?|minutes?|shortly|moments?|soon)\s+(?:after|before)\s", re.IGNORECASE)
_THE_BEFORE = compiled(r"\bthe\s+$", re.IGNORECASE)
_ANOTHER_ONE = compiled(r"\b(?:another|a\s+second|a\s+third|a\s+separate)\s+(?:[\w-]+\s+)?$", re.IGNORECASE)
_HERE = compiled(r"\b(?:(?<!reaching )(?<!reached )(?<!received )(?<!reported )(?<!announced )(?<!quoted )(?<!said )(?<!says )(?<!told )here|(?:in|of|at|near|outside|into)\s+this\s+(?:[\w-]+\s+){0,2}?(?:city|capital|town|port|village))\b(?![^\"“”]*[\"”])", re.IGNORECASE)
_DAY_WORDS = compiled(r"\b(?:(?:earlier|later|that|the same|the previous|the next)\s+(?:that\s+)?(?:day|morning|afternoon|evening|night)|today|yesterday|tonight|last night|this morning)\b", re.IGNORECASE)
_SHELTERS_BEFORE = compiled(r"\b(?:sheltering|housing|hosting|home to|filled with|full of|crowded with)\s+(?:[\w,-]+\s+){1,5}$", re.IGNORECASE)
_WHO_BEFORE = compiled(r"\bwho\s+(?:(?:had|have|has|recently|earlier|already|previously)\s+)*(?:been\s+)?$", re.IGNORECASE)


def _event(
    article: Article, lex: Lexicon, kind: Kind, sentence: str, span: tuple[int, int],
    trigger: tuple[int, int], clause: tuple[int, int], place: Place | None, fallback: Place | None,
    how: str, times: list[TimeRef], quantities: list[Quantity], places: list[Place],
    others: list[tuple[int, int]], text: str,
) -> Event:  # fmt: skip
    s_start, s_end = span
    start, end = trigger
    if place is None and fallback is not None and how == "article" and not fallback.country_code:
        fallback = None  # a story about the Indian Ocean or "Europe": no pin for a protest told in it
    where_json = place_json(place, None) if place else (place_json(fallback, how) if fallback else None)
    where = place or fallback
    country = where.country_code if where else None
    # A disaster has no doer and no side it strikes (the annotation rules: actor null).
    actor1, actor2 = actors(text, lex, kind, clause, start, end, places, country, span) if kind.family != "disaster" else (None, None)
    kind = reread(lex, kind, text, clause, start, end, places, actor1, actor2)
    definite = (
        bool(_DEFINITE.search(text, max(s_start, start - 30), start)) and not any(_PAST.search(w) for w in text[start:end].split())
    ) or bool(_RECALLED_AFTER.match(text, end)) or legal_reference(text, start)
    date = event_date(times, clause, span, trigger, article, others, definite, text)
    if date and date.get("how") == "text" and _EVENT_SITE.match(text, end) and not any(attached(text, t, start) for t in times):
        date = None  # "visited the blast site on Saturday": the visit's day, not the blast's (told elsewhere)
    actor1, actor2 = (theatre(lex, succeeded(lex, a, date), country, date) for a in (actor1, actor2))
    in_sentence = [q for q in quantities if s_start <= q.start and q.end <= s_end and not apart_between(text, end, q.start)]
    fatalities = None if _REFERENCE_POINT.search(text, max(s_start, start - 60), start) else toll_of(kind, sentence, in_sentence, s_start)  # ("minutes after the Nairobi blast")
    if fatalities is not None and place is not None and (share := town_share(text, place.start, s_start)) is not None:
        fatalities = min(share, fatalities)
    modality = modality_of(text, sentence, s_start, start, end, kind)
    date = ahead(date, article) if modality == "planned" else date if modality == "hypothetical" else before_story(date, article)
    sources = sources_of(sentence, article)
    if modality == "asserted" and sources:
        modality = reported_as(text, sentence, s_start, start, lex)
    site = SITE_AFTER.match(text, end, s_end) if kind.family == "territory" and where_json else None
    if site and where_json:
        # "overran the heavily fortified jail" in Kandahar: the jail changed hands, not the city.
        where_json["site"] = site.group(1).lower()
    digest = hashlib.sha1(f"{article.id}\x00{kind.name}\x00{start}".encode()).hexdigest()[:16]
    return Event(
        id=digest,
        kind=kind.name,
        family=kind.family,
        acled=kind.acled(),
        plover=kind.plover(),
        actor1=actor1,
        actor2=actor2,
        place=where_json,
        date=date,
        modality=modality,
        sources=sources,
        fatalities=fatalities,
        quantities=[
            {"value": q.value, "unit": q.unit, "approx": q.approx, "fatality": q.fatality, "text": q.text}
            for q in in_sentence
            if q.unit or q.fatality
        ],
        evidence=[{"article_id": article.id, "start": s_start, "end": s_end, "text": sentence, "trigger": {"start": start, "end": end, "text": text[start:end]}}],
        layer=kind.layer,
        background=definite,
    )
