"""More passages of 1990s-style wire copy written for sitrep's tests (#25 probe of fifteen
1990s stories: Budyonnovsk, Burundi 1993, Racak, Bombay 1992, Oklahoma City): Reuters' old
credit "(Reuter)" opens a dateline, a bureau next door does not pull a story home, a capital
warned is a government, and a riot's dead are the riot's."""

from __future__ import annotations

from sitrep.clean import clean
from sitrep.model import Event, RawArticle
from sitrep.pipeline import extract


def _material(text: str, published: str) -> list[Event]:
    events = extract(clean(RawArticle(id="p", source="p", text=text, published=published))).events
    return [e for e in events if e.layer == "material" and e.modality != "hypothetical"]


def _where(events: list[Event], family: str) -> list[str]:
    return [str((e.place or {}).get("name")) for e in events if e.family == family]


def test_reuter_credit_opens_a_dateline_whose_town_holds_the_story() -> None:
    text = (
        "KIZLYAR, Russia, Jan 11 (Reuter) - Chechen gunmen holding hostages in a hospital in this southern town released some of them on Thursday. "
        "Officials in Chechnya said talks would go on.\n\n"
        "Relatives of the hostages gathered outside the town administration on Wednesday, demanding talks with Chechnya's rebels. "
        "Chechnya's separatists have fought Russian troops in Chechnya since December 1994."
    )
    article = extract(clean(RawArticle(id="r", source="r", text=text, published="1996-01-11")))
    assert [p.name for p in article.places if p.field == "dateline"][:1] == ["Kizlyar"], [(p.name, p.field) for p in article.places]
    events = [e for e in article.events if e.layer == "material"]
    assert _where(events, "protest") == ["Kizlyar"], [(e.kind, (e.place or {}).get("name")) for e in events]


def test_a_bureau_next_door_does_not_pull_the_story_home() -> None:
    text = (
        "NAIROBI, March 3 (Xinhua) -- Thousands of Somalis have fled into Kenya to escape fighting in Somalia, according to reports reaching here today.\n\n"
        "Aid workers in Nairobi said more than 20,000 Somalis had crossed into Kenya since Sunday. "
        "The fighting in Mogadishu had spread to Baidoa and Kismayo in southern Somalia, they said, and militias hold most of Somalia. "
        "Mogadishu has had no government since 1991.\n\n"
        "Many of the refugees told relief workers that gunmen had attacked their villages. "
        "\"The gunmen came to our village on Saturday and started shooting,\" said a woman who reached the border with her children."
    )
    events = _material(text, "1993-03-03")
    shooting = [e for e in events if "started shooting" in e.evidence[0]["text"]]
    assert shooting and all((e.place or {}).get("country_code") == "SO" for e in shooting), [(e.kind, e.place) for e in shooting]


def test_a_capital_warned_that_something_will_follow_is_a_government_not_a_scene() -> None:
    text = (
        "Mourners in Kosovo on Sunday buried 40 people who monitors say were killed by Serbian police, as NATO warned Belgrade that it was ready to act. "
        "NATO generals were due in Belgrade this week. Serbian police shelled hills in Kosovo on Sunday.\n\n"
        "\"They had no guns,\" a woman said. Many villagers who had returned on Saturday fled again into the woods."
    )
    events = _material(text, "1999-01-17")
    assert _where(events, "displacement") == ["Kosovo"], [(e.kind, (e.place or {}).get("name")) for e in events]


def test_a_riot_s_dead_are_the_riot_s_and_troops_called_in_are_deployed() -> None:
    text = (
        "CALCUTTA, Dec 10 (Reuter) - Troops were called into Calcutta on Tuesday after rioting there killed more than 30 people. "
        "In Ahmedabad, four days of rioting that has killed at least 50 people went on on Wednesday. "
        "The state governor called out the army in Surat on Wednesday."
    )
    events = _material(text, "1992-12-10")
    assert not [e for e in events if e.kind == "attack.civilians"], [(e.kind, e.evidence[0]["trigger"]["text"]) for e in events]
    assert sorted(_where(events, "deployment")) == ["Calcutta", "Surat"], [(e.kind, (e.place or {}).get("name")) for e in events]

