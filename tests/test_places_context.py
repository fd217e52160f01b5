"""Words before a name that say a place follows ("the port of Mokha") (#25)."""

from __future__ import annotations

import pytest

from sitrep.places import find_places


@pytest.mark.parametrize(
    ("text", "name", "country"),
    [
        ("Forces loyal to the government captured the port of Mokha after weeks of fighting.", "Mokha", "YE"),
        ("Three men living in the Brussels suburb of Molenbeek were detained after raids.", "Molenbeek", "BE"),
    ],
)
def test_a_small_place_named_after_port_of_or_suburb_of_is_found(text: str, name: str, country: str) -> None:
    found = [(p.name, p.country_code) for p in find_places(text)]
    assert (name, country) in found


def test_a_name_with_no_such_word_before_it_stays_unread() -> None:
    # The same small-place spelling with nothing saying it is a place is not one.
    assert not [p for p in find_places("They ordered Mokha coffee at the cafe.") if p.country_code == "YE"]


@pytest.mark.parametrize(
    "text",
    [
        "Boko Haram militants stormed the town of Baga in northeast Nigeria on Saturday.",
        "Boko Haram militants stormed the town of Baga on Saturday, killing at least 16 people.",
    ],
)
def test_a_small_namesake_abroad_is_no_pin_when_the_text_says_another_country(text: str) -> None:
    # The gazetteer knows only Baga in Spain and in India: a wrong point is worse than none.
    assert [p.name for p in find_places(text) if p.country_code in ("ES", "IN")] == []


def test_a_town_put_in_a_state_of_its_own_country_stays() -> None:
    assert "Hanover" in [p.name for p in find_places("The man was arrested in Hanover, New Hampshire, on Friday.")]


@pytest.mark.parametrize(
    ("text", "name", "country"),
    [
        # Talodi and Gedera, as other romanisations spell them; a day after the name is no surname.
        ("Sudanese forces fought rebels five kilometres south of the town of Taludi Thursday.", "Taludi", "SD"),
        ("Militants fired rockets into Israel, one landing at Gadera, wounding a baby.", "Gadera", "IL"),
    ],
)
def test_a_town_spelt_with_other_vowels_is_read_in_a_country_the_text_names(text: str, name: str, country: str) -> None:
    assert (name, country) in [(p.name, p.country_code) for p in find_places(text)]


@pytest.mark.parametrize(
    "text",
    [
        # No country named: no reading of another spelling anywhere.
        "Rebels fought government forces near the town of Taludi on Thursday.",
        # A firm in a Latin-script country is no respelt town there (Sudley, Virginia).
        "In the United States, Obama was offered a permanent job at Sidley.",
        # A vowel that no romanisation swaps ("Leros" is not Louros, Greece).
        "Greek records from Leros suggested he arrived on 3 October.",
    ],
)
def test_another_spelling_needs_a_named_country_that_romanises_its_names(text: str) -> None:
    assert [p.name for p in find_places(text) if p.name in ("Taludi", "Sidley", "Leros")] == []


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # a town's name before a name that owns something is a person's or a body's, however big the town
        ("About 200 Ukrainians rallied in Nicosia to protest against Vladimir Putin's invasion.", "Vladimir"),
        ("Ukrainian forces fired mortars at the positions of the Luhansk People's Republic near Troitske.", "Luhansk"),
    ],
)
def test_a_town_before_a_possessive_name_is_no_place(text: str, name: str) -> None:
    assert name not in [p.name for p in find_places(text)]


def test_the_partners_of_a_law_firm_are_no_towns() -> None:
    text = "On behalf of Newman, Anzalone & Newman, LLP. A woman was struck by a car in Queens on Friday."
    assert [p.name for p in find_places(text)] == ["Queens"]
    # a town before a firm's trading name is still the town: "workers at a plant in Sheffield"
    assert "Sheffield" in [p.name for p in find_places("Workers at Sheffield Forgemasters Ltd protested in Sheffield.")]


def test_a_unit_named_for_a_town_is_no_place() -> None:
    """"the Azov regiment said": a unit's name, not the town of Azov in Russia (its fight was in Mariupol)."""
    names = [p.name for p in find_places("In the port of Mariupol, Russian forces resumed their assault on the plant, the Azov regiment said.")]
    assert "Mariupol" in names and "Azov" not in names
    assert "Azov" in [p.name for p in find_places("Shells hit the Russian port of Azov on Monday.")]


def test_the_town_named_after_town_of_is_the_scene_not_its_area() -> None:
    """"the northern Gaza town of Beit Hanoun": the strike hit the town; "Kani Masi town of Duhok"
    (an ACLED note's order) is Kani Masi, in Duhok."""
    from tests.annotate import material_events

    (strike, *_) = material_events("An Israeli airstrike hit a school in the northern Gaza town of Beit Hanoun on Thursday, killing 15 people.", "2014-07-24")
    assert (strike.place or {}).get("name") == "Beit Hanoun"
    (attack,) = material_events("On 13 June 2022, PKK militants attacked a Turkish army base in Kani Masi town of Duhok.", "2022-06-14")
    assert (attack.place or {}).get("name") == "Kani Masi"


def test_a_day_named_for_a_town_is_no_place() -> None:
    assert [p.name for p in find_places("The two men were arrested on Valentine's Day in Brooklyn.")] == ["Brooklyn"]


def test_a_small_towns_name_that_questions_why_is_a_person() -> None:
    assert not find_places("Whitmire questioned why several prisons stopped searching visitors.")
    assert [p.name for p in find_places("Residents of Whitmire questioned why the plant closed.")] == ["Whitmire"]
