"""A given name before a surname the story uses for a person is no town (#25)."""

from __future__ import annotations

from sitrep.places import find_places


def test_a_given_name_before_a_known_surname_is_no_town() -> None:
    text = (
        "Peterson was found guilty because jurors believed he had a motive to kill his wife. His conduct after "
        "Laci Peterson's disappearance was suspicious, and the defence offered explanations for Laci's disappearance."
    )
    assert "Laci" not in {p.name for p in find_places(text)}


def test_a_street_named_after_a_town_keeps_the_town() -> None:
    text = "The road is closed from Elkview Drive to Garnett Ridge Drive. Flooding hit Elkview on Friday."
    assert "Elkview" in {p.name for p in find_places(text)}
