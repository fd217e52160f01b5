"""Time expressions: found, normalised against the publication date, stored."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from sitrep.evaluate.times import evaluate_times
from sitrep.model import Article
from sitrep.pipeline import extract
from sitrep.times import find_times
from tests.conftest import EVAL, SEEDS, need_shared

THURSDAY = date(2021, 8, 12)


def _values(text: str, anchor: date | None = THURSDAY) -> dict[str, str]:
    return {t.text: t.value for t in find_times(text, anchor)}


@pytest.mark.parametrize(
    "text, span, value",
    [
        ("The Taliban took Herat on Thursday.", "Thursday", "2021-08-12"),
        ("Fighters entered the city on Wednesday evening.", "Wednesday evening", "2021-08-11"),
        ("The talks will resume on Monday.", "Monday", "2021-08-16"),
        ("A soldier was killed on 13 July 2021.", "13 July 2021", "2021-07-13"),
        ("The offensive began in May.", "May", "2021-05"),
        ("Fighting has raged since May.", "May", "2021-05"),
        ("Officials said so yesterday.", "yesterday", "2021-08-11"),
        ("A force searched a compound last night.", "last night", "2021-08-11TNI"),
        ("Forces detained a leader during an overnight operation.", "overnight", "2021-08-11TNI"),
        ("Troops arrived last week.", "last week", "2021-W31"),
        ("Profit fell in the third quarter.", "the third quarter", "2021-Q3"),
        ("It ends a 20-year occupation.", "20-year", "P20Y"),
        ("Kabul could fall within the next 24 to 48 hours.", "the next 24 to 48 hours", "PT48H"),
        ("The city is now under Taliban control.", "now", "PRESENT_REF"),
        ("Attacks grew in the early 1990s.", "the early 1990s", "199"),
        # The small hours of the day after the story's: the night after, not six days before.
        ("The commissioner arrived at about 12:30 a. m. Friday.", "Friday", "2021-08-13"),
        ("The commissioner arrived shortly after midnight Friday.", "Friday", "2021-08-13"),
        ("The commissioner arrived on Friday.", "Friday", "2021-08-06"),
    ],
)
def test_expressions_and_values(text: str, span: str, value: str) -> None:
    assert _values(text).get(span) == value


def test_no_false_hits_on_words_that_look_like_dates() -> None:
    found = _values("We may march on. March on, they said, as May Smith spoke; 3,000 troops and 2000 troops.")
    assert not found


def test_numeric_dates_follow_the_outlet_convention() -> None:
    assert _values("Signed on 03/04/2021.")["03/04/2021"] == "2021-04-03"
    assert {t.value for t in find_times("Signed on 03/04/2021.", THURSDAY, day_first=False)} == {"2021-03-04"}


def test_without_a_day_anchor_relative_dates_stay_unresolved() -> None:
    values = _values("The Taliban took Herat on Thursday.", None)
    assert values["Thursday"] == "XXXX-WXX-4"


def test_seed_dates(seeds: dict[str, Article]) -> None:
    later = {(t.text, t.value) for t in seeds["003"].times}
    assert ("Wednesday evening", "2021-08-11") in later
    assert ("13 July 2021", "2021-07-13") in later
    assert seeds["003"].published is not None and seeds["003"].published.value == "2021-08-12"
    first = seeds["000"]
    assert first.published is not None and first.published.value.startswith("2021-08")
    # 000 gives no day: its weekdays wait for the story to date them, nothing is invented.
    assert ("Thursday", "XXXX-WXX-4") in {(t.text, t.value) for t in first.times}


def test_quality_floor_on_timebank() -> None:
    result = evaluate_times(need_shared(EVAL / "times.dev.jsonl"))
    row = result["rows"]["all"]
    assert row["recall"] >= 0.9 and row["value_accuracy"] >= 0.85


def test_isaf_yesterday_read_against_the_dateline() -> None:
    # Word-pasted releases break lines with U+2028 and hard-wrap sentences; the
    # dateline must still be found and "yesterday" resolved against it.
    row = evaluate_times(need_shared(EVAL / "events_isaf.dev.jsonl"))["rows"]["yesterday"]
    assert row["dated"] >= 0.9 * row["n"]
    assert row["accuracy_dated"] >= 0.78


def test_hard_wrapped_release_is_one_paragraph() -> None:
    from sitrep.clean import clean
    from sitrep.model import RawArticle

    text = (
        "NEWS RELEASE\u2028ISAF Joint Command - Afghanistan\u2028\u2028For Immediate Release\u2028\u2028"
        "Kabul, Afghanistan (Dec. 9, 2009) - An international security force conducted\u2028an air strike "
        "near a Taliban training\u2028camp in Konar province\u2028yesterday.\nThe strike is under review."
    )
    article = extract(clean(RawArticle(id="r", source="r", text=text)))
    assert article.paragraphs[0].endswith("camp in Konar province yesterday.")
    assert [t.value for t in article.times if t.text == "yesterday"] == ["2009-12-08"]
    assert "For Immediate Release" not in " ".join(article.paragraphs) + (article.title or "")


def test_times_are_stored(tmp_path: Path) -> None:
    from sitrep.pipeline import run
    from sitrep.store import Store

    need_shared(SEEDS)
    with Store(tmp_path / "s.db") as store:
        run([SEEDS], store, max_bytes=1 << 24)
        later = next(a["id"] for a in store.articles() if a["id"].startswith("003"))
        assert any(t["value"] == "2021-08-11" for t in store.times(later))


def test_a_weekday_before_a_full_date_keeps_its_year() -> None:
    """"on Easter Sunday, April 8, 2012" in a story of 2013 is 2012-04-08, not 2013-04-08."""
    from sitrep.clean import clean
    from sitrep.model import RawArticle
    from sitrep.pipeline import extract

    text = "Simpson shot Flynn twice in the head on Easter Sunday, April 8, 2012, killing her."
    art = extract(clean(RawArticle(id="t", source="t", text=text, published="2013-09-26"), assume_clean=True))
    assert [(t.text, t.value) for t in art.times] == [("Sunday, April 8, 2012", "2012-04-08")]


def test_a_house_number_is_no_year() -> None:
    from sitrep.clean import clean
    from sitrep.model import RawArticle
    from sitrep.pipeline import extract

    text = "All three live in a fifth-floor apartment inside 1800 Pitkin Ave. in Brooklyn, police said in 2013."
    art = extract(clean(RawArticle(id="t", source="t", text=text, published="2013-04-18"), assume_clean=True))
    assert [t.value for t in art.times] == ["2013"]


def test_a_day_in_a_passage_that_opened_on_its_month_and_year_takes_that_year() -> None:
    refs = find_times(
        "In November 1973, students barricaded themselves inside. On Nov. 17 the police moved in with tanks.",
        date(2008, 12, 15),
    )
    assert [r.value for r in refs] == ["1973-11", "1973-11-17"]
    # An attributive year lends nothing: "the August 1988 cease-fire ... invasion of Kuwait on Aug. 2".
    refs = find_times("Talks followed the August 1988 cease-fire. Iraq invaded Kuwait on Aug. 2.", date(1990, 8, 15))
    assert refs[-1].value == "1990-08-02"


def test_a_day_four_months_ahead_in_a_past_sentence_is_last_year() -> None:
    """News tells what happened: "on Sept. 10 ... had notified" in a May report is last
    September; a day a few weeks ahead (a payment date) is still this year's."""
    may = date(2013, 5, 15)
    assert _values("On Sept. 10, the agency had notified the embassy in Cairo.", may) == {"Sept. 10": "2012-09-10"}
    assert _values("The dividend is payable July 15 to holders of record.", may) == {"July 15": "2013-07-15"}


def test_days_the_calendar_names_are_read_with_the_year_the_text_gives_or_the_nearest() -> None:
    from datetime import date

    from sitrep.times import find_times

    def values(text: str, anchor: date) -> list[str]:
        return [t.value for t in find_times(text, anchor)]

    assert values("The rebels seized four towns on New Year's Day.", date(1994, 1, 9)) == ["1994-01-01"]
    assert values("Aceh was hit by the Boxing Day earthquake and tsunami in 2004.", date(2012, 12, 30))[:1] == ["2004-12-26"]
    assert values("He was killed on Christmas Eve 1989.", date(1990, 1, 3)) == ["1989-12-24"]
