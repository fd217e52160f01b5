"""Quantities: numbers tied to what they count, with bounds and fatality readings."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from sitrep.model import Article
from sitrep.quantities import find_quantities
from sitrep.times import find_times
from tests.conftest import SEEDS, need_shared


def _read(text: str) -> list[tuple[str, float | int | None, str | None, str | None]]:
    skip = [(t.start, t.end) for t in find_times(text, date(2021, 8, 12))]
    return [(q.text, q.value, q.unit, q.fatality) for q in find_quantities(text, skip)]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("The US will deploy around 3,000 troops.", [("around 3,000", 3000, "troops", None)]),
        ("They have taken 10 provincial capitals.", [("10", 10, "provincial capitals", None)]),
        (
            "hundreds of prisoners were freed and around 40 of their colleagues surrendered",
            [("hundreds of", None, "prisoners", None), ("around 40", 40, "colleagues", None)],
        ),
        ("Two soldiers were killed and five others wounded.", [("Two", 2, "soldiers", "killed"), ("five", 5, "others", "injured")]),
        ("The blast killed 12 people and injured 30 more.", [("12", 12, "people", "killed"), ("30", 30, None, "injured")]),
        ("The death toll rose to 48.", [("48", 48, None, "killed")]),
        ("Twenty-five civilians died.", [("Twenty-five", 25, "civilians", "killed")]),
        ("It lies 95 miles (150 kilometres) from Kabul.", [("95", 95, "miles", None), ("150", 150, "kilometres", None)]),
        ("The bill was $2.5 billion.", [("$2.5 billion", 2_500_000_000, "USD", None)]),
        ("Hundreds of thousands have been displaced.", [("Hundreds of thousands", None, None, None)]),
        ("Turnout rose 10% on 2019.", [("10", 10, "%", None)]),
    ],
)
def test_quantities_and_what_they_count(text: str, expected: list[tuple[str, float, str | None, str | None]]) -> None:
    assert _read(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "It was one of the largest US bases.",
        "No one was hurt.",
        "A 25-year-old man was arrested.",
        "Covid-19 cases rose in the 2014 elections.",
        "Release 2011-07-S-001 was issued.",
        "The score was 2-1 at half time.",
        "Members of Barrio 18 were held.",
        "Fighting resumed within the next 24 to 48 hours of a 20-year occupation.",
    ],
)
def test_numbers_that_are_not_quantities(text: str) -> None:
    assert _read(text) == []


def test_bounds_and_approximation() -> None:
    (more,) = find_quantities("more than 40 people")
    assert (more.low, more.high, more.approx) == (40, None, False)
    (nearly,) = find_quantities("nearly 100 homes")
    assert (nearly.low, nearly.high, nearly.approx) == (None, 100, True)
    (rng,) = find_quantities("between 20 and 30 people")
    assert (rng.low, rng.high) == (20, 30)
    (several,) = find_quantities("killed several insurgents")
    assert (several.value, several.approx, several.fatality) == (3, True, "killed")


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [
        ("Gunmen raided the village, killing dozens of people.", 24, 99),
        ("Scores of militants were killed in the strikes.", 40, 199),
        ("The floods killed hundreds of people.", 200, 999),
    ],
)
def test_vague_plurals_keep_their_range_and_give_no_figure(text: str, low: int, high: int) -> None:
    # "killing dozens" is no 24 killed: the count is vague, only its range is known.
    (q,) = find_quantities(text)
    assert (q.value, q.low, q.high, q.approx, q.fatality) == (None, low, high, True, "killed")


def test_seed_counts_differ_between_versions(seeds: dict[str, Article]) -> None:
    counts = {}
    for name, article in seeds.items():
        capitals = [q for q in article.quantities if q.unit == "provincial capitals" and q.field == "text"]
        counts[name] = [q.value for q in capitals]
        troops = {q.value: q.approx for q in article.quantities if q.unit == "troops"}
        if name.startswith("003"):
            assert troops == {3000: True, 600: False}
    assert counts == {"000": [10], "003": [12]}


def test_quantities_are_stored(tmp_path: Path) -> None:
    from sitrep.pipeline import run
    from sitrep.store import Store

    need_shared(SEEDS)
    with Store(tmp_path / "s.db") as store:
        run([SEEDS], store, max_bytes=1 << 24)
        later = next(a["id"] for a in store.articles() if a["id"].startswith("003"))
        rows = store.quantities(later)
    troops = [r for r in rows if r["unit"] == "troops"]
    assert {r["value"] for r in troops} == {3000, 600}
    assert all(isinstance(r["approx"], bool) for r in rows)


def test_counts_in_a_list_share_the_verb() -> None:
    found = find_quantities("5 soldiers, between 35 and 45 militants, and 3 civilians were killed, 10 soldiers wounded")
    assert [(q.value, q.fatality) for q in found] == [(5, "killed"), (35, "killed"), (3, "killed"), (10, "injured")]
    # A breakdown after "including" is not counted twice; the second "and" closes it.
    found = find_quantities("7 people including 5 Koglweogo, 1 VDP, and 1 civilian and 20 militants were killed.")
    assert sum(q.value for q in found if q.fatality == "killed" and q.value) == 27
    # A verb before the list counts every member, unless a member has its own verb.
    found = find_quantities("ADF rebels killed 8 civilians in Mbakira village and 7 civilians in Chavinyungu village.")
    assert [(q.value, q.fatality) for q in found] == [(8, "killed"), (7, "killed")]
    found = find_quantities("They shot dead one soldier and one police officer.")
    assert [q.fatality for q in found] == ["killed", "killed"]
    found = find_quantities("Police killed 2 soldiers in Kabul and 5 soldiers were arrested in Herat.")
    assert [q.fatality for q in found] == ["killed", None]
    # A name inside the counted phrase does not end it.
    (three,) = find_quantities("the army killed three suspected JNIM militants")
    assert (three.unit, three.fatality) == ("suspected JNIM militants", "killed")
    # Killers are not the killed.
    (troops, civilians) = find_quantities("a column of 150 troops killed two civilians")
    assert troops.fatality is None and civilians.fatality == "killed"


def test_a_toll_that_rose_or_stood_counts_the_dead() -> None:
    from sitrep.quantities import find_quantities

    q = find_quantities("The death toll from Friday's bomb blast at the embassy here has risen to 201, officials said.")
    assert [(x.value, x.fatality) for x in q] == [(201, "killed")]
    q = find_quantities("In Tanzania, the toll from the blast stood at 10.")
    assert [(x.value, x.fatality) for x in q] == [(10, "killed")]
    assert [x.fatality for x in find_quantities("Prices rose to 201 dollars.")] == [None]


def test_a_people_counted_by_its_plural_is_a_toll() -> None:
    from sitrep.quantities import find_quantities

    def dead(text: str) -> list[tuple[float, str | None]]:
        return [(q.value, q.fatality) for q in find_quantities(text)]

    assert dead("Serb police shelled the village, killing 12 ethnic Albanians.") == [(12, "killed")]
    assert dead("The blast killed three Israelis and wounded two.") == [(3, "killed"), (2, "injured")]
    assert dead("Militiamen hacked to death 40 Tutsi villagers.") == [(40, "killed")]
    assert dead("The airline sold 12 Boeings last year.") == [(12, None)]


def test_an_age_is_no_count_of_dead() -> None:
    text = "Abed Sultan and his cousins, labourers aged 22, died. Seven children aged from one to 12 were killed."
    assert [q.fatality for q in find_quantities(text) if q.value in (22, 12)] == []
    assert [q.value for q in find_quantities(text) if q.fatality == "killed"] == [7]


def test_an_age_in_apposition_is_no_count_of_dead() -> None:
    # "Alexis Grigoropoulos, 15, was killed": fifteen is his age (a count after a name stays one).
    assert not [q for q in find_quantities("Alexis Grigoropoulos, 15, was killed by a police bullet in Exarchia.") if q.value == 15]
    assert [q for q in find_quantities("Police said 15 people were killed in Exarchia.") if q.value == 15]


@pytest.mark.parametrize(
    ("text", "figure", "fatality"),
    [
        ("Clashes with riot police left more than 60 people injured and at least fifteen arrested.", "more than 60", "injured"),
        ("The bombing left 12 people dead and 30 injured.", "12", "killed"),
        ("The storm left 3,000 people homeless.", "3,000", None),
        ("The blast left five people dead.", "five", "killed"),
    ],
)
def test_what_an_event_left_is_dead_only_where_the_text_says_so(text: str, figure: str, fatality: str | None) -> None:
    q = next(q for q in find_quantities(text) if q.text == figure)
    assert q.fatality == fatality
