"""Days that open a span, and acts told in the perfect after their cause (#25)."""

from __future__ import annotations

from tests.annotate import material_events


def test_a_toll_since_the_offensive_began_lends_its_first_day_to_no_later_strike() -> None:
    text = (
        "More than 300 people have been killed since the offensive began nine days ago. Doctors said the hospital "
        "was overwhelmed. At least eight members of one family were killed in an air strike on their home in Sirte."
    )
    events = material_events(text, "2011-09-20")
    strike = next(e for e in events if e.kind == "attack.airstrike")
    assert (strike.date or {}).get("value") == "2011-09-20"
    # The people killed are the dead, not a crowd that fought: no mob violence.
    assert not any(e.family == "riot" for e in events)


def test_an_arrest_told_in_the_perfect_days_after_its_cause_is_known_to_the_month() -> None:
    text = (
        "Two police officers shot dead a 17-year-old student in Marseille on Saturday. Police said on Friday that "
        "they had questioned witnesses. The two officers involved in the shooting have been arrested."
    )
    arrest = next(e for e in material_events(text, "2010-03-12") if e.family == "detention")
    assert arrest.date is not None and (arrest.date["value"], arrest.date["precision"]) == ("2010-03", "month")


def test_an_arrest_the_text_dates_keeps_its_day() -> None:
    text = "Two police officers shot dead a student in Marseille on Saturday. The two officers were arrested on Monday."
    arrest = next(e for e in material_events(text, "2010-03-12") if e.family == "detention")
    assert (arrest.date or {}).get("value") == "2010-03-08"


def test_riots_that_night_are_on_the_killing_s_day_and_carry_none_of_its_dead() -> None:
    text = "Two police officers shot dead a 17-year-old student in Marseille on Saturday, and riots broke out that night."
    events = material_events(text, "2010-03-12")
    riot = next(e for e in events if e.family == "riot")
    shooting = next(e for e in events if e.family == "attack")
    assert ((riot.date or {}).get("value"), riot.fatalities) == ("2010-03-06", None)
    assert shooting.fatalities == 1


def test_a_killing_that_sparked_days_of_rioting_is_on_the_first_day_of_the_rioting() -> None:
    text = "Initial results from the post-mortem on a student whose killing by police sparked three days of rioting in Lyon show he died from a ricochet."
    events = material_events(text, "2010-03-12")
    assert {e.family: (e.date or {}).get("value") for e in events} == {"riot": "2010-03-09", "attack": "2010-03-09"}


def test_another_soldier_killed_is_one_more_death_and_another_twenty_are_twenty() -> None:
    (one,) = material_events("Another soldier was killed in Fallujah on Tuesday.", "2004-11-10")
    (many,) = material_events("Another 20 people were killed in Fallujah on Tuesday.", "2004-11-10")
    assert (one.fatalities, many.fatalities) == (1, 20)


def test_a_count_of_incidents_is_a_tally_not_an_event() -> None:
    assert material_events("The UN recorded 1,200 incidents of sexual violence in Darfur last year.", "2012-10-10") == []
    assert material_events("Human Rights Watch documented 30 cases of torture by police in Cairo.", "2012-10-10") == []
    # One case told is an event.
    assert [e.kind for e in material_events("Militants attacked a checkpoint in Kabul on Monday.", "2012-10-10")] != []
