"""Unrest and attack copy of the 2010s (#25): stories written for sitrep's tests in the style of
the wire and web reports a review of 25 random stories.dev events read against their sentences
(Athens austerity riots, the Paris attacks). Each test holds a rule one of them broke."""

from __future__ import annotations

from sitrep.clean import clean
from sitrep.model import Event, RawArticle
from sitrep.pipeline import extract


def _material(text: str, published: str) -> list[Event]:
    events = extract(clean(RawArticle(id="u", source="u", text=text, published=published))).events
    return [e for e in events if e.layer == "material" and e.modality != "hypothetical"]


_ATHENS = """ATHENS, Feb 13 - Greek lawmakers on Monday approved harsh new austerity cuts demanded by the country's lenders, after riots in Athens and other cities left dozens of buildings burned.

Sunday's clashes erupted after more than 80,000 protesters marched to parliament to rally against the cuts.

Violence was also reported in several other cities, the worst in central Volos where the town hall was damaged.

Security forces fired volleys of tear gas at rioters, who attacked them with firebombs and chunks of marble.

Forty police officers were injured and at least 60 protesters were taken to hospital."""


def test_riots_told_after_the_day_of_a_vote_are_the_day_before_s_and_one_riot() -> None:
    # "approved on Monday ..., after riots": the riots came before Monday, on the Sunday the
    # next sentence names; the riot, the rioters' firebombs and the injured are one event at
    # Athens, not a riot, an attack by the security forces and an attack on the police, and
    # the town an aside names "also" is not where the story goes on.
    events = _material(_ATHENS, "2012-02-13")
    athens = [e for e in events if (e.place or {}).get("name") == "Athens"]
    assert athens and {e.family for e in athens} == {"riot"}, [(e.kind, e.evidence[0]["text"][:60]) for e in athens]
    lead = athens[0]
    assert lead.evidence[0]["start"] == 0 and (lead.date or {}).get("value") == "2012-02-12", lead.date
    assert all((e.actor1 or {}).get("type") == "rioters" for e in athens), [e.actor1 for e in athens]
    assert not any((e.place or {}).get("name") == "Volos" and "Sunday" in e.evidence[0]["text"] for e in events)


def test_the_noun_who_stands_for_is_the_doer_not_the_sentence_s_subject() -> None:
    # "fired tear gas at rioters, who attacked them": the rioters attacked, not the forces.
    text = "Police fired tear gas at rioters, who attacked them with firebombs in Athens on Sunday."
    events = _material(text, "2012-02-13")
    assert events
    assert all((e.actor1 or {}).get("type") not in ("state", "police") for e in events), [e.actor1 for e in events]


_PARIS = """PARIS, Nov 14 - Gunmen and suicide bombers attacked restaurants, a concert hall and a football stadium in Paris on Friday night, killing at least 128 people.

A few streets away, diners on the terrace of a pizzeria in rue de la Fontaine au Roi were also fired on, with the loss of at least five lives.

The gunmen then drove south-east to launch another attack, this time on La Belle Equipe bar in Rue de Charonne, killing 19."""


def test_a_street_or_a_bar_named_like_a_town_is_not_that_town() -> None:
    # "rue de la Fontaine au Roi" is a Paris street, not the town of Fontaine; "La Belle
    # Equipe bar" is a bar, not La Belle in Florida.
    events = _material(_PARIS, "2015-11-14")
    assert events
    assert {(e.place or {}).get("country_code") for e in events} == {"FR"}, [(e.place or {}).get("name") for e in events]
    assert not any((e.place or {}).get("name") in ("Fontaine", "La Belle") for e in events)


def test_where_someone_went_later_is_not_where_it_happened() -> None:
    # "escaped from the abductors, the guests were returning to Gusau": Gusau is where they
    # were going, not where they escaped (on the road in Sokoto state the sentence before told).
    text = (
        "Gunmen abducted 40 wedding guests on a road in Sokoto state on Saturday. Twenty of them escaped from the abductors, "
        "the guests were returning to Gusau after attending a wedding in Sokoto."
    )
    events = _material(text, "2022-06-12")
    assert any(e.family == "release" for e in events)
    assert not any((e.place or {}).get("name") == "Gusau" for e in events), [e.place for e in events]


def test_across_the_country_is_the_unrest_s_not_the_shooting_that_unleashed_it() -> None:
    # "The shooting unleashed a wave of unrest across the country": the wave is nationwide; the
    # shooting, told the sentence before, stays one event in Athens (no second one at Greece).
    text = (
        "ATHENS, Greece (AP) — Police shot dead a 15-year-old boy in the Exarchia district of Athens on Saturday. "
        "The shooting unleashed a wave of unrest across the country."
    )
    shootings = [e for e in _material(text, "2008-12-11") if e.family == "attack"]
    assert [(e.place or {}).get("name") for e in shootings] == ["Athens"], [e.place for e in shootings]
