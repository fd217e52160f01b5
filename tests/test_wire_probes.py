"""Wire stories written for sitrep's tests (#25), in the style of the crime and police news
that ECB+ topics hold: an arrest's cordon, a cheering crowd, a finder of bodies and a suspect's
past arrests are no events of their own."""

from __future__ import annotations

from sitrep.clean import clean
from sitrep.model import Event, RawArticle
from sitrep.pipeline import extract

_MAFIA = """Italian police arrest fugitive Mafia boss after decades on the run

PALERMO, Sicily (Reuters) - Italian police on Monday arrested the country's most wanted Mafia boss, who had been on the run for 30 years, at a private clinic in Palermo where he was being treated, officials said.

Carabinieri special forces surrounded the clinic early in the morning and detained the 60-year-old without a struggle, the prosecutor's office said. A man who drove him to the clinic was also arrested.

The boss was convicted in absentia of dozens of murders, including the 1992 bombings that killed anti-Mafia prosecutors Giovanni Falcone and Paolo Borsellino.

Prime Minister Giorgia Meloni hailed the arrest as "a great victory for the state" and flew to Palermo to congratulate the officers.

Crowds gathered outside the clinic and applauded as police vans drove away. Investigators later searched an apartment in the nearby town of Campobello di Mazara where they believe he had been hiding."""

_MURDERS = """Man charged in double killing in Massachusetts

WORCESTER, Mass. (AP) — A 28-year-old man has been charged with murder in the stabbing deaths of a mother and her teenage son, whose bodies were found in their home on Sunday, prosecutors said Monday.

Jonathan Reyes of Worcester was arrested late Sunday in Springfield after a brief police chase, Worcester County District Attorney Joseph Early Jr. said.

Police found the bodies of 47-year-old Denise Collins and her 16-year-old son, Ethan, after a neighbor called 911 to report a fire at the house on Elm Street. Firefighters quickly put out the blaze, which investigators believe was set to cover up the killings.

Reyes, who had dated Collins until last year, was ordered held without bail at his arraignment Monday in Worcester District Court. He pleaded not guilty.

Early said Reyes had been arrested twice before on domestic assault charges."""


def _material(text: str, published: str = "2015-06-10") -> list[Event]:
    article = extract(clean(RawArticle(id="w", source="w", text=text, published=published)))
    return [e for e in article.events if e.layer == "material"]


def test_an_arrest_s_cordon_and_the_crowd_that_cheered_it_are_the_arrest_only() -> None:
    told = [(e.family, (e.place or {}).get("name"), (e.date or {}).get("value")) for e in _material(_MAFIA)]
    assert ("detention", "Palermo", "2015-06-08") in told
    assert not [t for t in told if t[0] in ("siege", "protest")], told


def test_whoever_found_the_bodies_did_not_kill() -> None:
    killings = [e for e in _material(_MURDERS) if e.family == "attack"]
    assert killings and all((e.actor1 or {}).get("type") != "state" for e in killings)


def test_a_suspect_s_arrests_twice_before_are_no_event() -> None:
    arrests = [e for e in _material(_MURDERS) if e.family == "detention"]
    assert [(e.place or {}).get("name") for e in arrests] == ["Springfield"]
