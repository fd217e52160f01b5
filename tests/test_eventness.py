"""Words of violence in news that tells none: no event on the map (#25)."""

from __future__ import annotations

import json
from typing import Any

import pytest

from sitrep.clean import clean
from sitrep.evaluate.articles import annotate_record, material
from sitrep.model import Event, RawArticle
from sitrep.pipeline import extract
from tests.conftest import EVAL, need_shared


def _annotate(text: str, published: str = "2009-01-07", title: str | None = None) -> list[Event]:
    raw = RawArticle(id="t", source="t", text=text, published=published, title=title)
    return [e for e in extract(clean(raw, assume_clean=True)).events if e.layer == "material"]


def _story(rid: str) -> dict[str, Any]:
    path = need_shared(EVAL / "stories.dev.jsonl")
    row = next(json.loads(line) for line in path.open(encoding="utf-8") if f'"id": "{rid}"' in line)
    return {"id": row["id"], "text": row["text"], "published": row.get("published"), "title": row.get("title")}


def _material(rid: str) -> list[Event]:
    return [e for e in annotate_record(_story(rid)) if material(e.kind)]


def test_a_hit_and_run_story_has_no_attack() -> None:
    # "She died at the hospital" takes the story's cause (a hit-and-run), told in its headline.
    assert [e.kind for e in _material("ecb+/21_1ecbplus")] == []


def test_an_earthquake_story_has_no_attack() -> None:
    kinds = [e.kind for e in _material("ecb+/37_5ecbplus")]
    # The quake itself is a disaster (#25); nothing in the story is violence.
    assert kinds and set(kinds) == {"disaster"}


def test_a_software_patch_story_has_no_release_or_capture() -> None:
    assert [e.kind for e in _material("ecb+/27_12ecb")] == []


def test_a_conviction_recalls_the_killing_at_its_own_year() -> None:
    events = _material("ecb+/45_11ecbplus")
    assert events, "the 2012 shooting death is a real event, recalled"
    assert all(e.background for e in events)
    assert {str((e.date or {}).get("value")) for e in events} == {"2012"}


def test_harm_beside_violence_stays_an_event() -> None:
    # A crash named beside gunmen does not make the killing an accident.
    events = _annotate("Four passengers were killed by gunmen after a car crash blocked the road near Kandahar.")
    assert any(e.family == "attack" for e in events)


def test_one_person_fleeing_is_no_displacement_but_a_crowd_is() -> None:
    one = _annotate("The driver fled the scene in Kabul, police said.")
    many = _annotate("Thousands of residents fled Kunduz as the fighting spread.")
    assert not any(e.family == "displacement" for e in one)
    assert any(e.family == "displacement" for e in many)


def test_a_heart_attack_and_a_film_shoot_are_no_violence() -> None:
    assert _annotate("The former minister died of a heart attack in Athens on Tuesday.") == []
    assert _annotate("The director said shooting for the film would begin in Athens next week.") == []


def test_the_issues_words_that_tell_no_happening() -> None:
    # Each failure class the issue names, in a sentence of its own.
    cases = {
        "The boy's relatives fought to keep him in Kenya.": "clash",
        "The tourist said she was surrounded by two drunks outside a bar in Mombasa.": "siege",
        '"They practically kidnapped my son," the woman told reporters in Nairobi.': "abduction",
        '"We cannot stop mobilizing," the opposition leader said in Nairobi on Monday.': "deployment",
        "Military planning was built around the possibility of a ground assault on Khartoum.": "attack",
        "A decade ago, planners in Washington studied an attack on the plant.": "attack",
    }
    for text, family in cases.items():
        assert not any(e.family == family for e in _annotate(text, "1998-08-18")), text


def test_armed_men_still_fight_mobilise_and_surround() -> None:
    assert any(e.family == "clash" for e in _annotate("Government troops fought to retake Kunduz from the Taliban on Monday."))
    assert any(e.family == "deployment" for e in _annotate("The army is mobilizing reservists near the border with Eritrea."))
    assert any(e.family == "siege" for e in _annotate("Rebels surrounded the town of Goma on Tuesday."))


def test_the_fight_of_a_boxing_report_is_no_clash() -> None:
    text = (
        "Klitschko (58-3, 51 KO) bombed Thompson with a vicious right hand in the fifth round. "
        "The heavyweight champion defended his belt against the mandatory challenger, his opponent "
        "since the title fight was set in the stadium. After the fight, the crowd sang."
    )
    assert _annotate(text, "2012-07-07") == []


def test_offensive_as_an_adjective_and_fall_to_a_record_are_no_events() -> None:
    assert _annotate("His trouble began with the fifth offensive play of the game in Denver.") == []
    assert _annotate("Thompson fell to 36-3 after the loss in Bern.") == []
    assert any(e.family == "clash" for e in _annotate("The army launched an offensive against rebels in Kidal on Monday."))
    assert any(e.family == "territory" for e in _annotate("Kunduz fell to the Taliban on Sunday."))


def test_a_trial_for_rape_does_not_date_the_rape() -> None:
    events = _annotate("Nichols was being tried for rape in March 2005 when he overpowered a deputy in Atlanta.")
    assert not any(e.kind == "attack.sexual" for e in events)


def test_routine_and_refused_releases_and_an_agencys_protest_are_no_events() -> None:
    assert not any(e.family == "release" for e in _annotate("She was given a summons and released in Brooklyn."))
    assert not any(e.family == "release" for e in _annotate("The suspect was released on bail in Athens on Monday."))
    assert not any(e.family == "release" for e in _annotate("They threw bottles when the police would not release her in Athens."))
    text = 'The UN, which said the school in Jabaliya was clearly marked, said it was "strongly protesting these killings".'
    assert not any(e.family == "protest" for e in _annotate(text))
    assert any(e.family == "release" for e in _annotate("Rebels released 20 hostages in Kidal on Monday."))


def test_lives_lost_rockets_fired_and_bases_captured_are_read() -> None:
    lost = _annotate("Five Israeli soldiers lost their lives on Wednesday in Gaza.")
    attacks = [e for e in lost if e.family == "attack"]
    assert attacks and all("Israel" not in (e.actor1 or {}).get("name", "") for e in attacks)  # the dead are no doers
    assert any(e.kind == "attack.shelling" for e in _annotate("Hamas fired more than 30 into Israel yesterday, wounding a baby in Sderot."))
    assert any(e.family == "territory" for e in _annotate("Satellite images show air bases recently captured by government forces in Kordofan."))


@pytest.mark.parametrize(
    "text, kinds",
    [
        # A vigil told as silent is its own protest, beside the riot of that day and town.
        ("Youths threw petrol bombs at police in Athens on Saturday. Students held a silent vigil in Athens on Saturday.", ["riot", "protest"]),
        # A vigil that turned into a riot is the riot.
        ("A candlelit vigil in Athens on Saturday turned into a riot as youths threw petrol bombs at police.", ["riot"]),
        ("Youths threw petrol bombs at police in Athens on Saturday. That's when the peaceful protest got out of hand.", ["riot"]),
    ],
)
def test_a_peaceful_protest_is_not_the_riot_beside_it(text: str, kinds: list[str]) -> None:
    assert [e.kind for e in _annotate(text, "2008-12-14")] == kinds


def test_police_closing_streets_deploy_and_do_not_riot() -> None:
    events = _annotate("Overnight, police barricaded Snyder Avenue in front of the 67th precinct in East Flatbush.", "2013-03-12")
    assert [e.family for e in events] == ["deployment"]
    events = _annotate("Youths set up burning barricades in Exarchia and threw stones at riot police in Athens.", "2008-12-12")
    assert any(e.family == "riot" for e in events)


def test_a_political_report_argues_and_idioms_hurt_no_one() -> None:
    text = (
        "Republicans in Congress battled back and forth over the bill in Washington, and the Senate "
        "campaign of the governor stormed ahead. Democrats said the nominee would fight liberal attacks "
        "in the election; voters in the primary polls took a shot at the administration."
    )
    assert _annotate(text, "2013-01-10") == []
    assert _annotate("She has taken to Facebook to blast her sister in Wyoming.", "2013-09-01") == []
    assert _annotate("Democrats have been fighting to tighten gun laws in Washington.", "2013-01-10") == []
    assert any(e.family == "clash" for e in _annotate("Troops fought to retake Kunduz on Sunday."))
    assert any(e.family == "attack" and e.modality == "planned" for e in _annotate("Militants planned to attack the base in Kandahar on Monday."))


def test_grenades_in_a_haul_are_no_grenade_attack() -> None:
    events = _annotate("In the car, police found automatic weapons, dynamite, hand grenades and ammunition in Munich.", "2015-11-20")
    assert [e.family for e in events] == ["weapons"]


def _kinds(text: str, published: str) -> list[str]:
    """The material kinds a text tells, in order."""
    return [e.kind for e in _annotate(text, published) if e.layer == "material"]


# Words of violence that tell no happening to map, each found reading real articles (#25).
NO_EVENT = [
    ("supplied weapons", "Last week, Khartoum accused South Sudan of supplying anti-aircraft and anti-tank missiles, ammunition, landmines and mortars to the insurgents.", "2011-11-11"),
    ("drink-driver", "A driver has been charged with DWI and criminally negligent homicide after police say he struck and killed a woman in Queens last night.", "2013-09-14"),
    ("assault on the law", "Sen. Barbara Boxer said Thursday's actions were another assault on the law.", "2008-02-15"),
    ("release date", "McG made the announcement in Dubai over the weekend, stating that the project was shooting for a 2011 release date.", "2008-05-05"),
    ("a life", "Turkmenistan's late ruler, Saparmurat Niyazov, who died in 2006 after 21 years in power, was buried in Kipchak.", "2008-09-26"),
    ("attacks on character", "On Sunday, Robert Gibbs, a political adviser to President Obama, criticized such attacks on “character and faith.”", "2012-08-22"),
    ("comments on rape", "Romney called on Missouri Rep. Todd Akin to give up his bid for Senate over his controversial comments on rape.", "2012-08-22"),
    ("bodies not found", "This is not a prayer for the dead because we have not found bodies.", "2014-03-20"),
    ("worth fighting for", "They tell poor children their plight is not worth fighting for.", "2014-03-20"),
    ("a fall in metres", "On Friday, 36-year-old Duncan Raite died after slipping and falling about 60 metres (200 feet) from a ridge.", "2013-09-15"),
    ("Lynch said", "Lynch said his client had a revolver when the police arrived.", "2008-03-01"),
    ("boxing talk", "With no earth-shaking upset on the horizon in the division, I'd prefer to see them both take farewell fights in the ring.", "2012-07-07"),
    ("political brawl", "As the partisan brawl over Medicare continued on Tuesday, the Obama campaign said the plan would end Medicare.", "2012-09-20"),
    ("a question", "“Was it because of a protest, or was it because of guys out for a walk one night who decided they’d go kill some Americans?", "2012-09-20"),
    ("nuclear bomb", "“Every day that passes, Iran gets closer and closer to a nuclear bomb,” Netanyahu says.", "2012-09-20"),
    ("class explosion", "Beck told winding tales of the supposed great middle class explosion of the 1920s.", "2012-09-20"),
    ("released information", "The frustrations have been fueled by the slow pace with which the authorities have released information.", "2012-09-20"),
    ("a role taken over", "He will take over for Matt Smith, the 12th Doctor, who is leaving during the 2013 Christmas Special.", "2013-08-05"),
    ("a remake shot", "Capaldi was in Prague shooting a BBC remake of the Three Musketeers.", "2013-08-05"),
    ("injured running back", "Injured Saints RB Reggie Bush to miss last 2 games. The running back was sidelined after the NFC matchup.", "2008-12-16"),
    ("chip deal", "Chip designer AMD has signed an agreement to acquire SeaMicro, a startup that builds servers from low-power processors.", "2012-03-01"),
    ("killed by a motorist", "A woman walking outside the Sam's Club in Bloomington was struck and killed by a motorist.", "2008-03-01"),
    ("blood-alcohol", "A man accused of running down and killing a woman had a blood-alcohol level five times the legal limit.", "2008-03-01"),
    ("a death in a year", "Saparmurat Niyazov died in 2006.", "2008-09-26"),
    ("legislative bodies", "Republicans picked up 19 state legislative bodies in the November election in Wisconsin.", "2010-11-05"),
    ("a kind of act", "Rape is an evil act, the senator said in Missouri.", "2012-08-21"),
    ("a dairy taken over", "They formed a joint venture to take over the equipment and operations of Mat Maid in Palmer, Alaska.", "2013-08-24"),
    ("fighting abroad", "At a ceremony in Shelton, he praised the audience for paying tribute to troops fighting abroad.", "2008-11-11"),
    ("every alien", "Gov. Rick Perry of Texas said he would back a policy to detain and to deport every illegal alien.", "2011-11-29"),
    ("arresting images", "Among the many arresting images from Paris was that of a distraught father.", "2015-11-16"),
    ("demonstrating commitment", "The Chargers won the award for demonstrating commitment and dedication to unique ideas.", "2009-01-06"),
    ("a tsunami swept in", "Japan's Meteorological Agency said tsunamis 10 to 40 centimeters in height swept into towns along the coast.", "2009-01-04"),
    ("drunken driving", "Chargers tackle Jamal Williams was arrested in San Diego on suspicion of drunken driving.", "2009-01-06"),
    ("took over policing", "Capt. Ron Johnson, who took over policing of the town of Ferguson, stopped by to greet the attorney general.", "2014-08-20"),
    ("arresting looking", "There is something seductive about an arresting looking leading man from London.", "2013-08-05"),
    ("a wording released", "The final wording won't be released until the board approves the resolution in Washington.", "2010-07-14"),
    ("failing sobriety tests", "Jackson was arrested by the California Highway Patrol in San Diego early Tuesday after failing sobriety tests.", "2009-01-06"),
    ("an election boycotted", "But opposition groups boycotted the election in Turkmenistan.", "2008-12-14"),
    ("displaced by a quake", "Almost 600,000 have been displaced, or evacuated, because of the earthquake and tsunami in Japan.", "2011-03-20"),
    ("a car that fled", "She was hit by a 2013 Toyota Camry in Richmond Hill, which then fled, police said.", "2013-09-14"),
    ("a show off air", "The show went off air in 1989 in Britain.", "2013-08-05"),
    ("a hotel room taken over", "The next night, 15 giggling girls took over our hotel room in Denver.", "2008-08-28"),
    ("rescue deployment", "Soldiers and police have been deployed in rescue operations in Aceh, officials said.", "2013-07-03"),
    ("a confession released", "Police in Albany have released an alleged confession from Timmons.", "2008-06-01"),
    ("engaged in mining", "Coal mining operations engaged in mountaintop removal in Kentucky.", "2009-04-28"),
    ("active shooting", "The bill provides better training for active shooting situations in Newtown.", "2013-01-16"),
    ("presumed lost", "All 239 of the passengers and crew onboard MH370 are presumed to have lost their lives in Malaysia.", "2014-03-24"),
    ("a bomb scare", "There had been a bomb scare at the hotel in Paris earlier in the day.", "2015-11-14"),
    ("guilty on charges", "An Oklahoma man was found guilty Thursday on two first-degree murder charges in Crawford County.", "2013-09-26"),
    ("assault weapons", "Connecticut debated a broader assault weapons ban.", "2013-04-02"),
    ("a quake destroyed buildings", "A 6.1-magnitude earthquake which hit Aceh on Tuesday killed at least one person and destroyed buildings.", "2013-07-02"),
    ("a sentence for assault", "He returned to prison in June 1999 in Texas to serve a life sentence for aggravated sexual assault.", "2009-11-30"),
    ("fire battled", "The fire was set at the entrance of the church in Wasilla and was battled by firefighters for eight hours.", "2008-12-14"),
    ("attacks thwarted", "Five attacks have been thwarted in France since this summer.", "2015-11-20"),
    ("products demonstrated", "These new products will be demonstrated in Samsung's booth at the Mobile World Congress in Barcelona.", "2014-02-24"),
    ("a father died", "Ryan, who was raised in Janesville after his father died, defended his budget.", "2012-04-25"),
    ("demolished later", "Cabrini-Green, a public housing project in Chicago so violent it would later be mostly demolished.", "2008-08-25"),
    ("difficult to evacuate", "It is difficult to evacuate them due to traffic jams in Aceh.", "2013-07-02"),
    ("fighting discrimination", "Supporters say it could remove a valuable weapon for fighting all sorts of discrimination in Washington.", "2011-03-29"),
    ("a driver apprehended", "The driver fled the accident scene in Richmond Hill but was apprehended by police officers.", "2013-09-13"),
    ("died after slipping", "On Friday, Duncan Rait died after slipping and falling about 200ft from a ridge near the Tasman Glacier.", "2013-09-13"),
    ("rape can", "The fact is, rape can lead to pregnancy, he said in Missouri.", "2012-08-21"),
    ("assuming arson", "I'm assuming it's arson or vandalism in Palmer.", "2012-08-07"),
    ("a business died", "Mat Maid became a state-run business in Alaska that eventually died.", "2012-08-07"),
    ("a proposal shot down", "The senator shot down the proposal in Washington.", "2014-07-18"),
    ("fighters marching", "The image shows fighters from the Islamic State of Iraq and the Levant marching in Raqqa, Syria.", "2014-01-20"),
    ("drink-driving", "Vincent Jackson has been arrested in San Diego on suspicion of drink- driving.", "2009-01-06"),
    ("results demonstrate", "These results demonstrate we really don't need any outside investment, the director said in London.", "2007-05-01"),
    ("threatening to kill", "An officer was suspended in St. Louis for threatening to kill one of the demonstrators.", "2014-08-20"),
    ("plot further attacks", "Terrorists plot further attacks of the kind we saw in Algeria.", "2013-01-20"),
    ("a plot foiled", "Police foiled a plot to attack the embassy in Nairobi.", "2014-01-20"),
    ("protested that", "In Islamabad, Prime Minister Nawaz Sharif protested that the missiles crossed Pakistani airspace.", "1998-08-21"),
    ("a film shot", "She shot the film in Paris last year.", "2013-09-27"),
    ("photos shot", "He shot photos of the protest in Cairo.", "2013-09-27"),
    ("a plea agreement", "Tom Kirsch said she has signed a plea agreement with federal prosecutors in Washington.", "2013-02-15"),
    ("a broadcast deal", "The BBC has agreed a new deal to broadcast Premier League highlights in England.", "2013-06-01"),
    ("a title role", "Actor Matt Smith will take over the title role in London.", "2009-01-04"),
    ("agreed with that", "People are engaged in this election and I think everybody has agreed with that, in Princeton.", "2008-10-01"),
    ("including attacks", "Schengen rules permit states to reintroduce border checks in emergencies, including terrorist attacks, in Brussels.", "2015-11-20"),
    ("never an arrest", "The curious thing is that there was never an arrest made in that fire in Anchorage.", "2012-11-20"),
    ("stormed back", "Grimm stormed back, leaned into him in New York City.", "2014-04-25"),
    ("should pull out", "There are those who think we should pull out of Afghanistan.", "2010-07-02"),
    ("charged over involvement", "Belgian prosecutors say five people have now been charged on suspicion of involvement with the Paris attacks.", "2015-11-20"),
    ("28 March in", "A number of search planes spotted objects on 28 March in a new search area off Perth.", "2014-03-30"),
    ("suing for assault", "A member of the staff ended up suing her for assault in Rancho Mirage.", "2013-07-01"),
    ("a game won 91-73", "Hansbrough scored 20 points Thursday night, and the Tar Heels beat visiting Evansville, 91-73.", "2008-12-19"),
    ("when he was a child", "His father, a police officer, was shot and killed while on duty when Mr. McCulloch was a child, in St. Louis.", "2014-08-20"),
    ("an assault conviction", "Comeaux was serving a life sentence for a 1998 aggravated sexual assault conviction in Brazos County.", "2009-11-30"),
    ("taking part in murders", "He is accused of taking part in \"terrorist murders\" and helping Abdelsam escape, in Molenbeek.", "2015-11-20"),
    ("gathered to watch", "80,000 people who had gathered to watch France play Germany in Saint-Denis cheered.", "2015-11-14"),
    ("jail and released", "The player was taken to the San Diego County Jail and released.", "2009-01-06"),
    ("died while climbing", "Robert Buckley, 32, died while climbing to a hut on Mount Sefton in New Zealand on Saturday.", "2013-09-14"),
    ("an analysis released", "An updated flight path analysis released by the Australian Transport Safety Bureau in Canberra sets out the conclusions.", "2014-06-26"),
    ("an offer accepted", "He has accepted an offer from Manchester City.", "2008-09-01"),
    ("armed with explosives", "Police stopped people armed with explosives from flying out of Kuala Lumpur.", "2014-03-20"),
    ("would be arrested if", "California prosecutors had said the actress would be arrested if she continued to flout a court order.", "2013-05-09"),
    ("a missing flight's dead", "The families of passengers on missing Malaysian Airlines flight MH370 have been told they were killed, in Beijing.", "2014-03-24"),
    ("a party named Rally", "George Kirtsos ran for office with the hard-right Popular Orthodox Rally party in Athens.", "2012-06-01"),
    ("dogs died", "It was not coincidence that her dogs died in the fire in Anchorage.", "2012-11-20"),
    ("swept into the corner", "It's all been swept into the corner where we won't notice.", "2014-02-24"),
    ("going to kill", "The youths were shouting they were going to kill them, in Athens.", "2008-12-11"),
    ("a partnership yielded", "The corporate partnership has yielded a mixed bag in the United States.", "2014-01-01"),
    ("fought for a group", "He has fought for the Islamic State in Syria.", "2015-11-20"),
    ("fighting extremism", "France is more involved in fighting Islamist extremism abroad.", "2015-11-20"),
    ("new bodies", "The Doctor can regenerate into new bodies in Britain.", "2013-08-05"),
    ("energy released", "This latest quake was 8000 times larger than the Christchurch quake in terms of the energy released.", "2011-03-12"),
    ("pulled over for speeding", "He said the blood was drawn well after Williams' arrest, meaning he could have been intoxicated when officers pulled him over for speeding in San Diego.", "2009-04-01"),
    ("rape exceptions", "The vote puts the party at odds with Mr. Romney, who supports rape and incest exceptions, in Missouri.", "2012-08-21"),
    ("surrendered for questioning", "Mostefai's brother, who surrendered for questioning in a suburb of Paris, said he had broken off ties.", "2015-11-16"),
    ("fans overtook turnstiles", "Creighton fans overtook the turnstiles in St. Louis Friday afternoon.", "2013-03-08"),
    ("a beat writer", "Beat writer Larry Holder puts this in a one liner, in Biloxi.", "2008-12-20"),
    ("want to see disarmed", "Young people want to see the police disarmed in Athens.", "2008-12-14"),
    ("sporting rights ceded", "AC Milan communicates it has ceded definitely the sporting rights of Andriy Shevchenko to Chelsea.", "2006-05-31"),
    ("a climber's death", "Other climbers attempted to rescue Rait by taking him down the glacier, but he died on the way down, in New Zealand.", "2013-09-16"),
    ("a coach taking over", "Sixers' Coach Jim O'Brien was fired today and taking over will be former Portland Trailblazers Coach Maurice Cheeks.", "2005-05-23"),
    ("in the case of rape", "Akin prompted outrage with his response to a question about supporting abortion in the case of rape, in Missouri.", "2012-08-21"),
    ("protested, saying", "Scotto protested, saying he was asking a valid question, in Brooklyn.", "2014-04-25"),
    ("years later be killed", "Ray would years later be killed by a scorned lover in Oxford.", "2008-01-01"),
    ("stormed in", "When they stormed in, glass shattered in Paris.", "2015-11-16"),
    ("a list of convictions", "Comeaux was serving a life sentence for indecency with a child, aggravated sexual assault and two counts of aggravated assault with a deadly weapon, it said.", "2008-02-15"),
    ("a failure to arrest", "Belgium's government has raised its terror threat level because of the failure so far to arrest Abdeslam.", "2015-11-23"),
    ("can be freed", "Surely Michelle Obama can finally be freed from the clutches of US Weekly.", "2012-09-05"),
    ("an interview released", "Jesse Hughes told Vice in an interview released on Wednesday that he wanted to play again.", "2015-11-26"),
    ("the fall of a dictatorship", "Since the fall of a military dictatorship in 1974, Greek politics has been dominated by three families.", "2012-05-06"),
    ("arrest a trend", "The Fish and Wildlife Service is not the agency to arrest global warming.", "2008-05-15"),
    ("a search operation", "He said the operation would be more challenging than previous searches because it was being conducted in the Indian Ocean.", "2014-03-20"),
    ("a business's operation", "A Wasilla woman lied to the U.S. Department of Agriculture during the operation of the now-defunct Mat-Su Farm.", "2013-08-24"),
    ("a quake's damage", "Manrosan said that the 7.7 magnitude quake damaged 42 government office buildings, 2 roads, 14 hotels and over 1,600 houses in Papua.", "2009-09-02"),
    ("a blaze's damage", "Alaska lost part of its history on Tuesday, when a pre-dawn blaze demolished the old Matanuska Maid Dairy warehouse building in Palmer.", "2012-08-07"),
    ("fired from a job", "O'Brien, fired on June 8, is seeking up to $6 million in a breach-of-contract suit against Ohio State.", "2005-06-20"),
    ("dodging arrest", "Lindsay Lohan checked into California's Betty Ford Center rehab facility late Thursday, dodging arrest.", "2013-05-03"),
    ("a bombing range", "The Department of Defense might not understand why a plant should be considered when expanding a bombing range.", "2008-12-11"),
    ("a word in scare quotes", 'The congressman joked on Twitter, asking whether his kitchen blender would be next to "attack" him.', "2011-06-01"),
    ("have a blast", "I'm excited because I know what's coming and he's going to have a blast.", "2013-08-04"),
    ("led to more arrests", "Oklahoma and Nebraska said the influx had led to more arrests, more impounded vehicles and higher jail and court costs.", "2014-12-18"),
    ("a firms' merger", "Though the exact contours of the merger and its implications in India are not known, both are expected to maintain their portfolios.", "2011-08-01"),
    ("ships for a search", "A total of eight ships will also be deployed in the search for the plane near Perth.", "2014-03-28"),
    ("can also be arrested", "We must ensure that those who have committed the crimes can also be arrested if they should leave the territory.", "2015-11-16"),
    ("the cost of arrests", "Police are spending more time and money making arrests, housing inmates and seizing drugs in Colorado.", "2014-12-19"),
    ("a phrase quoted as a term", "Mr. Akin said over the weekend that women’s bodies will resist getting pregnant from a “legitimate rape,” comments that have been widely condemned.", "2012-08-21"),
    ("sentenced to life for a list", "He was sentenced to life in prison for indecency with a child, aggravated sexual assault and two counts of aggravated assault with a deadly weapon.", "2009-12-01"),
    ("market rallies", "Initial market rallies quickly reversed, suggesting that the election had not been enough.", "2012-06-18"),
    ("kept in custody", "Hamza Attou and Mohammed Amri will be kept in custody for another month.", "2015-11-26"),
    ("a drink-driving arrest", "Vincent Jackson, arrested Jan. 6 in Clairemont on suspicion of driving under the influence.", "2009-04-01"),
    ("become a suicide bomber", "The aim is to figure out what led this man to become a suicide bomber, the official said.", "2015-11-20"),
    ("a losing battle", "In the 1950s, dairy operators fought a losing battle against the importation of reconstituted milk.", "2012-08-07"),
    ("an arrest warrant", "There is an international arrest warrant out for Salah Abdeslam.", "2015-11-20"),
    ("a reporter's beat", "Oh, it's been so long since we were on the rehab beat!", "2007-07-24"),
    ("a player's transfer", "After Liverpool and Chelsea had reached an agreement, the player travelled down to London where he passed his medical before agreeing personal terms.", "2011-01-31"),
    ("inspiring acts of violence", "Isis, which has long focused on inspiring random acts of violence, has changed.", "2015-11-16"),
    ("released after a check-up", "They were released after a medical examination.", "2013-09-16"),
    ("beat up on a department", 'She argued that the administration should not give Congress ammunition to "beat up" on her department.', "2013-05-13"),
    ("a channel renamed", "Versus was renamed NBC Sports Network at the start of this year.", "2012-08-15"),
    ("a detention prolonged", "The Belgian federal prosecutor has prolonged the detention of Abraimi Lazez, a Moroccan from Molenbeek, for one month.", "2015-11-27"),
    ("a dairy taken over by the state", "It was taken over by the state in the mid-1980s after its private owner went bankrupt.", "2012-08-08"),
    ("clubs agreed", "The 20 Premier League clubs have agreed, in principle, to introduce radical new cost controls.", "2012-09-13"),
    ("loans released", "The historic vote paves the way for Greece's European partners and the IMF to release €130 billion in new rescue loans.", "2012-02-21"),
    ("butterflies released", "Thousands of butterflies were then released into the air.", "2013-07-06"),
    ("rally around veterans", "Mrs. Obama launched Joining Forces, calling all Americans to rally around service members and veterans.", "2012-09-05"),
    ("deployed in the search", "A total of 34 aircraft and 40 ships have been deployed in the search.", "2014-03-12"),
    ("an inevitable consequence", "Mr Gunness said civilian deaths were an inevitable consequence of attacking a crowded place like Gaza.", "2009-01-07"),
    ("making more arrests", "Law enforcement agencies have long said they are making more marijuana arrests in Colorado.", "2014-12-19"),
    ("a book released", "The $30 book, released Tuesday by Crown Publishers, traces how a city kid from Chicago became a political spouse.", "2009-03-20"),
    ("pressure released", "The company told Jiji News that pressure in the reactor vessel is rising and that it intends to release it.", "2011-03-12"),
    ("a named shooting recalled", "Lawmakers met in Hartford on Monday. After the Newtown shooting, LaPierre announced a plan to put armed guards in every school.", "2013-04-02"),
    ("a named shooting in which people died", "NRA officials spoke in Washington on Tuesday. The NRA took criticism following the Connecticut shooting in which 26 people were killed.", "2013-04-02"),
    ("a proxy war fought", "Kiir calls them smoke screens to mask Khartoum's support of the armed dissident groups that are fighting its proxy war against the Republic of South Sudan.", "2011-11-11"),
    ("in the event of an attack", "The officer expressed concerns with the ability to defend the post in Benghazi in the event of a coordinated attack.", "2013-05-13"),
    ("fighters marching under a long name", "The image posted on Tuesday shows fighters from the al-Qaida linked Islamic State of Iraq and the Levant (ISIL) marching in Raqqa, Syria.", "2014-01-15"),
    ("an alert withdrawn", "Around 14,000 people flooded into camps on high ground in the aftermath of Sunday's quakes after authorities issued and then withdrew a tsunami alert.", "2011-04-04"),
    ("a passport surrendered", "Jackson will be free to go after he surrenders his passport.", "2013-02-21"),
    ("riots of a decade", "Cowan's selection is a step forward for a state that has a troubled history with race relations, exploding in the South Boston busing riots in the 1970s.", "2013-01-30"),
    ("a stadium crush", "The Football Association has banned English clubs from playing in Europe following the Heysel stadium tragedy two days ago in which 39 fans died.", "1985-05-31"),
    ("positions taken up", "SWAT teams took positions outside the historic concert hall in Paris on Friday.", "2015-11-14"),
    ("a website hijacked", "Hackers hijacked the ministry's website in Cairo on Monday.", "2011-03-08"),
    ("a message hijacked", "The party's message was hijacked by extremists in Berlin.", "2011-03-08"),
    ("civil wars battled", "The tribes of the south and the mainly Arab north battled two civil wars over more than five decades.", "2011-11-10"),
    ("fought during a civil war", "Many residents of Blue Nile fought alongside the south during its civil war with the north.", "2011-11-10"),
    ("the fighting refugees fled", "The camp holds 24,000 refugees who have fled the heavy fighting of Sudan's South Kordofan region.", "2011-11-14"),
    ("gone to fight", "Prosecutors said they were aware he had gone to fight with IS in Syria but did not know he had returned.", "2015-11-20"),
    ("an endgame", "The regime's endgame is to either capture the oilfields along the border, an analyst said.", "2011-11-10"),
    ("a meeting held", "The meeting was held in Cairo on Monday.", "2013-03-12"),
    ("a flight missing", "Air France flight 447 went missing in 2009 on route from Rio de Janeiro to Paris, killing all 228 aboard.", "2014-03-20"),
    ("a store attacked night after night", "Maria Kostas runs a shoe shop in central Kisumu that has been repeatedly attacked and looted.", "2017-08-20"),
    ("a fire fought", "The blaze at the warehouse in Palmer was out by noon, after fire crews attacked it from two sides.", "2012-08-08"),
    ("engaged to marry", "They were engaged a year later in Chicago and married in 1992.", "2012-08-08"),
    ("money withdrawn", "A company owned by the minister's in-laws withdrew dozens of millions from a bank in Nicosia on March 12.", "2013-03-20"),
    ("a call to denounce words", "“Mitt Romney should do the right thing and denounce this dangerous language.”", "2012-08-22"),
    ("a mood captured", "The European Parliament's president captured Europe's wariness toward the new prime minister in Athens.", "2015-01-30"),
    ("a film", "Obama announced the Iran hostage drama Argo as the Best Picture winner in Hollywood.", "2013-02-25"),
    ("a campaign named", "The fight against so-called Islamic State will dominate talks in Washington on Tuesday.", "2015-11-23"),
    ("a device made safe", "Police detonated a suspicious package near the station in Nairobi on Sunday.", "2017-08-21"),
    ("an aim, not an attack", "The protesters used laser pointers to target police officers in Kisumu for attack.", "2017-08-20"),
    ("a resignation in protest", "The party's political director in Athens resigned in protest on Monday.", "2008-12-08"),
    ("a post quit in protest", "Two ministers quit their posts in Athens in protest on Monday.", "2008-12-08"),
]


@pytest.mark.parametrize(("why", "text", "published"), NO_EVENT, ids=[c[0] for c in NO_EVENT])
def test_words_of_violence_that_tell_no_event(why: str, text: str, published: str) -> None:
    assert _kinds(text, published) == [], why


# The same words where they do tell an event: the cues above must not take these away.
EVENT = [
    ("a roadside bomb set off", "Militants detonated a roadside bomb as an army convoy passed near Kandahar on Sunday.", "2015-11-16", ["attack.bombing"]),
    ("suicide belts", "Six of the attackers detonated their suicide belts in Paris on Friday.", "2015-11-15", ["attack.suicide"]),
    ("an explosive vest", "One attacker detonated his explosive vest outside a stadium in Paris on Friday.", "2015-11-15", ["attack.suicide"]),
    ("a street protest to denounce", "Residents took to the streets in Jena to denounce coronavirus restrictions.", "2021-03-14", ["protest"]),
    ("the streets taken in protest", "Hundreds of students took to the streets of Athens in protest on Saturday.", "2008-12-08", ["protest"]),
    ("a walkout in protest", "Ministers quit in protest on Monday while thousands protested outside parliament in Athens.", "2008-12-08", ["protest"]),
    ("a town captured", "Kurdish fighters captured the town of Tal Abyad on Monday.", "2015-06-17", ["territory.capture"]),
    ("a fight against a group in a town", "Kurdish forces fought against Islamic State in Raqqa on Monday.", "2015-06-17", ["clash.armed"]),
    ("troops engaging rebels", "Government troops engaged rebels near Kidal on Friday.", "2012-08-04", ["clash.armed"]),
    ("troops withdrawn", "Russia withdrew its troops from the town of Kherson on Friday.", "2022-11-12", ["force.retreat"]),
    ("shelled again and again on one day", "Troops repeatedly shelled the town of Kidal on Friday.", "2017-08-20", ["attack.shelling"]),
    ("a shop stormed", "A group of Crips stormed a McDonald's on Utica Ave. in Flatbush on Saturday.", "2013-03-12", ["riot.mob"]),
    ("a parliament stormed", "Protesters stormed the parliament in Colombo on Saturday.", "2022-07-10", ["riot"]),
    ("demonstrating against", "Thousands were demonstrating against the government in Cairo on Tuesday.", "2013-07-02", ["protest"]),
    ("a post taken over", "Rebels took over a military post near Kidal on Tuesday.", "2013-07-02", ["territory.capture"]),
    ("a bomb went off", "A bomb went off in a market in Peshawar on Tuesday.", "2013-09-14", ["attack.bombing"]),
    ("fled fighting and floods", "Thousands fled the floods and the fighting in Kunduz.", "2013-09-14", ["displacement"]),
    ("goods boycotted", "Shopkeepers boycotted Israeli goods in Ramallah.", "2013-09-14", ["protest"]),
    ("troops engaged", "Government troops engaged the rebels near Kidal on Tuesday.", "2013-09-26", ["clash.armed"]),
    ("a murder", "The murder of three aid workers in Kabul on Tuesday shocked the country.", "2013-09-26", ["attack.civilians"]),
    ("lives lost in an ambush", "Five soldiers lost their lives in a Taliban ambush in Helmand on Tuesday.", "2013-09-26", ["clash.armed"]),
    ("a car bomb's driver arrested", "Police arrested the driver of the car bomb in Kabul.", "2013-09-13", ["detention.arrest"]),
    ("rockets fell", "Rockets fell on Sderot, killing two people.", "2013-09-13", ["attack.shelling"]),
    ("a helicopter shot down", "Rebels shot down a helicopter over Donetsk on Tuesday.", "2014-07-18", ["attack.shelling"]),
    ("a drone downed", "Houthi forces downed a US drone over Sanaa.", "2019-06-20", ["attack.shelling"]),
    ("thousands marched", "Thousands marched in Cairo against the government.", "2014-01-20", ["protest"]),
    ("a town stormed", "Taliban fighters stormed the town of Kunduz.", "2015-09-28", ["territory.capture"]),
    ("students protested to demand", "Students protested to demand the release of their teacher in Dhaka.", "2018-08-04", ["protest"]),
    ("a woman shot", "The man shot the woman twice in the head in Tulsa.", "2013-09-27", ["attack.civilians"]),
    ("the bombing people fled", "Many walked for seven days to flee indiscriminate bombing in South Kordofan.", "2011-11-14", ["displacement"]),
    ("put into a police car", "His sister tried to cross Church Avenue in Brooklyn and was put into a police car.", "2013-03-13", ["detention.arrest"]),
    ("held since Monday", "The two officers have each been held in Athens since Monday.", "2008-12-11", ["detention.arrest"]),
    ("rampaged through a store", "A group of youths rampaged through a Rite Aid store in Brooklyn on Monday night.", "2013-03-12", ["riot.mob"]),
    ("fled as bombs fell", "Civilians fled as bombs fell on a camp in Unity state on Thursday.", "2011-11-11", ["attack.bombing", "displacement"]),
    ("fought in a war's week", "Rebels fought government troops in Kismayo on Tuesday in the bloodiest week of the civil war.", "2011-11-11", ["clash.armed"]),
    ("a ceasefire signed", "The two sides signed a ceasefire agreement in Doha on Tuesday.", "2015-11-20", ["agreement"]),
    ("arrests including women", "Police arrested ten people, including two women, in Paris on Friday.", "2015-11-20", ["detention.arrest"]),
    ("the Women's March", "Thousands joined the Women's March in Washington.", "2017-01-21", ["protest"]),
    ("troops beat back", "Government troops beat back a rebel assault on Kidal.", "2014-08-20", ["clash.armed"]),
    ("gathered to protest", "Hundreds gathered to protest in Cairo.", "2013-07-02", ["protest"]),
    ("an armed clash", "An armed clash broke out between the army and rebels near Kidal on Tuesday.", "2013-07-02", ["clash.armed"]),
    ("hostages released", "The hostages were released in Mali on Friday.", "2015-11-20", ["release"]),
    ("thousands rallied", "Thousands rallied in Athens on Sunday.", "2013-04-18", ["protest"]),
    ("rebels fought troops", "Rebels fought government troops in Aleppo on Tuesday.", "2013-04-18", ["clash.armed"]),
    ("swept into a town", "The Taliban swept into Kunduz on Monday.", "2013-04-18", ["territory.capture"]),
    ("bodies found", "Police found three bodies in Kandahar on Monday.", "2011-03-12", ["attack.civilians"]),
    ("rebels surrendered", "The rebels surrendered to the army in Homs on Tuesday.", "2015-11-20", ["force.surrender"]),
    ("rebels overtook a town", "Rebels overtook the town of Kidal on Friday.", "2013-03-08", ["territory.capture"]),
    ("control ceded", "The army ceded control of Kidal to the rebels.", "2013-03-08", ["territory.handover"]),
    ("militants disarmed", "Police disarmed the militants in Kidal on Friday.", "2013-03-08", ["weapons.disrupted"]),
    ("troops stormed a town", "Troops stormed the town of Kidal on Friday.", "2014-04-25", ["territory.capture"]),
    ("a district taken over", "Taliban fighters took over the district in Helmand on Friday.", "2014-04-25", ["territory.capture"]),
    ("the fall of a town", "The fall of Kunduz to the Taliban on Monday shocked Kabul.", "2015-09-29", ["territory.capture"]),
    ("prisoners released on video", "The prisoners were released from a jail in Kabul on Monday, a video shows.", "2015-09-29", ["release"]),
    ("an arrest after a failed attack", "Police arrested two men in Kabul on Monday after a failed attack.", "2015-09-29", ["detention.arrest", "attack.civilians"]),
    ("an operation by troops", "An operation by Afghan troops cleared the village of Shah Wali Kot on Monday.", "2013-08-24", ["clash.armed"]),
    ("rioters' damage", "Rioters damaged 42 government office buildings in Jayapura on Monday.", "2012-08-07", ["riot.mob"]),
    ("fired on a day", "Gunmen fired on a bus in Kabul on June 8.", "2005-06-20", ["attack.civilians"]),
    ("armed groups merged", "The two rebel groups merged in Idlib on Monday.", "2013-08-04", ["group.change"]),
    ("a blast hit", "A blast hit Kabul on Monday.", "2013-08-04", ["attack.bombing"]),
    ("a venue stormed by gunmen", "The Bataclan concert venue in Paris was stormed by several gunmen on Friday.", "2015-11-14", ["attack.civilians"]),
    ("stun grenades in battles", "Riot police used stun grenades and tear gas during running battles in Athens on Monday.", "2011-06-29", ["clash.armed"]),
    ("grenades hurled", "Militants hurled grenades at a police post in Kabul on Monday.", "2015-11-14", ["attack.grenade"]),
    ("rallies in a city", "Thousands joined rallies in Athens on Sunday.", "2012-08-21", ["protest"]),
    ("the women's bodies found", "The women's bodies were found in Kabul on Monday.", "2012-08-21", ["attack.civilians"]),
    ("in custody after a shooting", "Two men are in custody after a shooting in Brooklyn on Monday.", "2015-11-26", ["detention.arrest", "attack.civilians"]),
    ("beaten at the end", "Police said he was beaten.", "2015-08-10", ["attack.civilians"]),
    ("rebels' agreement", "Rebels reached an agreement with the government in Doha on Monday.", "2015-08-10", ["agreement"]),
    ("a targeted strike", "On Oct. 8, it conducted a targeted strike against militants in Raqqa, Syria.", "2015-11-20", ["attack.airstrike"]),
    ("a dockers' strike", "A strike by dockworkers shut the port of Piraeus on Monday.", "2015-11-20", ["protest"]),
    ("a town taken over by the Taliban", "Kunduz was taken over by the Taliban on Monday.", "2014-03-25", ["territory.capture"]),
    ("hostages released", "The rebels released 20 hostages in Kidal on Monday.", "2012-02-21", ["release"]),
    ("a town recaptured", "Government forces recaptured Baytown on Monday.", "2009-12-03", ["territory.regain"]),
    ("a venue stormed", "Armed assailants stormed the concert venue in Paris on Friday and more than 100 people died.", "2015-11-16", ["attack.civilians"]),
    ("an ID released, a killing kept", "Police Release ID Of Woman Killed In Parking Lot.", "2008-07-21", ["attack.civilians"]),
    ("the dead are no mob", "Paris woke on Saturday to the reality of 128 people dead and the challenge of how to respond to the deadliest attack on France since the second world war.", "2015-11-15", ["attack.civilians"]),
    ("residents who attack are a mob", "Residents attacked two shops in Kibera on Saturday.", "2015-11-15", ["riot.mob"]),
    ("a war's battle in a town", "Rebels fought a bloody battle in Kadugli on Thursday.", "2011-11-11", ["clash.armed"]),
    ("fighting as a cause is no mob", "Hundreds of thousands of civilians have been uprooted in South Kordofan since June as a result of fighting.", "2011-11-10", ["displacement", "clash.armed"]),
    ("a bomb found", "Police found a bomb near the market in Kabul on Monday.", "2015-11-10", ["weapons.disrupted"]),
    ("grenades discovered", "Police were investigating the discovery on Sunday of two unexploded hand grenades outside a television station in Athens.", "2015-11-16", ["weapons.disrupted"]),
    ("men with rifles are no mob", "Three men with assault rifles attacked people during a concert at the Bataclan music hall in Paris on Friday.", "2015-11-15", ["attack.civilians"]),
    ("murder victims' families are no mob", "Nichols escaped from custody at the Fulton County Courthouse in Atlanta on March 11, 2005. Family members of the four murder victims expressed outrage that Nichols had escaped the death penalty.", "2008-12-13", ["release", "attack.civilians"]),
    ("the wounded are no mob", "The Israeli attack on the Fakhora school in Jabaliya on Tuesday, which also wounded around 100 people, was the deadliest single strike of the offensive so far.", "2009-01-07", ["attack.civilians"]),
    ("troops withdraw", "Troops withdrew from Kunduz on Monday.", "2011-04-04", ["force.retreat"]),
    ("a tanker hijacked", "Pirates hijacked a tanker off the coast of Somalia on Tuesday.", "2011-03-08", ["abduction"]),
    ("a bus hijacked", "Gunmen hijacked a bus carrying 30 passengers near Quetta on Monday.", "2011-03-08", ["abduction"]),
    ("a vigil gathered peacefully", "Hundreds of schoolchildren holding candles gathered peacefully outside the parliament building in Athens.", "2008-12-14", ["protest"]),
    ("heavy fighting with no sides named", "Heavy fighting broke out on Thursday near the Donetsk airport.", "2014-07-18", ["clash.armed"]),
    ("prisoners released", "Israel released 200 Palestinian prisoners in Ramallah on Monday.", "2011-10-19", ["release"]),
    ("a named shooting told with its day", "The Newtown shooting on Friday killed 26 people.", "2012-12-16", ["attack.civilians"]),
    ("an airliner shot down", "The airliner was shot down over Donetsk, killing all 298 aboard.", "2014-07-18", ["attack.shelling"]),
    ("a town stormed", "Taliban fighters stormed the town of Ghazni on Thursday.", "2021-08-13", ["territory.capture"]),
    ("mortars fired", "Rebels fired mortars at the base in Kadugli on Tuesday.", "2011-11-11", ["attack.shelling"]),
    ("bodies found", "Rescuers found bodies in the rubble of the mosque in Kabul on Monday.", "2014-03-20", ["attack.civilians"]),
    ("a car bomb", "A car bomb exploded in Kabul on Monday.", "2012-09-20", ["attack.bombing"]),
    ("a town taken over", "The Taliban took over Kunduz on Monday.", "2015-09-29", ["territory.capture"]),
    ("bodies counted", "Two bodies were found in Herat on Monday.", "2014-03-20", ["attack.civilians"]),
    ("a death by a bomb", "Three soldiers died in 2006 in Helmand after a roadside bomb.", "2008-01-05", ["attack.bombing"]),
]


@pytest.mark.parametrize(("why", "text", "published", "kinds"), EVENT, ids=[c[0] for c in EVENT])
def test_the_same_words_still_tell_events(why: str, text: str, published: str, kinds: list[str]) -> None:
    assert _kinds(text, published) == kinds, why


def test_a_death_told_with_its_bombing_stays_an_event() -> None:
    kept = _kinds("Rebels launched an assault on the town of Kunduz on Monday; a journalist who died in 2006 when a car bomb exploded in Kabul was honoured.", "2010-01-12")
    assert "attack.bombing" in kept


def test_a_stormed_town_is_the_town() -> None:
    town = _annotate("Taliban fighters stormed the town of Ghazni on Thursday.", "2021-08-13")
    assert [(e.place or {}).get("name") for e in town if e.layer == "material"] == ["Ghazni"]


def test_a_workers_strike_is_no_air_strike() -> None:
    assert "attack.airstrike" not in _kinds("Workers launched a strike on Monday in Athens.", "2015-11-20")


def test_a_convict_recaptured_is_an_arrest_not_a_town_retaken() -> None:
    kinds = _kinds("Comeaux, a convicted rapist recaptured last month after eight days on the run in Baytown, was jailed.", "2009-12-03")
    assert "detention.arrest" in kinds and "territory.regain" not in kinds


def test_fans_carrying_signs_at_a_game_are_no_protest() -> None:
    game = (
        "Tyler Hansbrough scored 20 points and grabbed 9 rebounds as North Carolina beat Evansville in the NCAA game, "
        "and the coach praised the team's season. Students who carried small signs saying Tyler 2,291 cheered the record."
    )
    street = "Students who carried small signs saying No to cuts marched in Athens on Monday."
    assert "protest" not in _kinds(game, "2008-12-01")
    assert "protest" in _kinds(street, "2008-12-01")


def test_a_killing_dated_by_a_time_of_someones_life_is_years_back_not_today() -> None:
    from tests.annotate import material_events

    text = (
        "Critics in Ferguson said the prosecutor could not be impartial because his father, a police officer, "
        "was shot and killed while on duty when Mr. Walsh was 12."
    )
    assert material_events(text, "2014-08-20") == []
    # A day of its own, whatever comes after: the shooting is told.
    told = material_events("Police shot and killed a man in Ferguson on Saturday when he was 20 feet from the store.", "2014-08-20")
    assert [(e.kind, (e.date or {}).get("value")) for e in told] == [("attack.civilians", "2014-08-16")]


def test_resources_spent_on_arrests_or_deportations_tell_no_arrest() -> None:
    from tests.annotate import material_events

    assert material_events(
        "Sheriffs in Nebraska say they must dedicate more resources to handling drug-related arrests.", "2014-12-18"
    ) == []
    assert material_events(
        "The new rule in Texas lets officials focus resources on deporting people convicted of serious crimes.", "2014-12-18"
    ) == []


def test_who_a_camp_shelters_is_no_flight_of_the_day() -> None:
    from tests.annotate import material_events

    events = material_events(
        "Aid workers on Friday condemned the bombing of a camp in Ethiopia sheltering more than 9,000 people fleeing "
        "the war in neighbouring Sudan.",
        "2011-11-12",
    )
    assert [e.family for e in events] == ["attack"]
    told = material_events("Thousands of civilians fleeing the fighting crossed into Ethiopia on Friday.", "2011-11-12")
    assert [(e.family, (e.place or {}).get("name")) for e in told] == [("displacement", "Ethiopia")]


def test_what_people_want_to_see_done_is_no_happening() -> None:
    from tests.annotate import material_events

    assert material_events("Students in Athens want to see the officers punished and the riot police disarmed.", "2008-12-13") == []
    assert [e.family for e in material_events("Police disarmed the gunmen in Athens on Friday.", "2008-12-13")] == ["weapons"]


def test_a_bomb_that_hits_a_market_or_shatters_windows_is_a_bombing_not_a_computer_attack() -> None:
    from tests.annotate import material_events

    for text in ("A bomb hit a crowded market in Peshawar on Tuesday.", "A car bomb in Peshawar shattered windows and products on Tuesday."):
        assert [(e.kind, (e.place or {}).get("name")) for e in material_events(text, "2009-10-30")] == [("attack.bombing", "Peshawar")]
    assert material_events("Hackers in Peshawar attacked a flaw in Internet Explorer on Tuesday.", "2009-10-30") == []


def test_this_second_attack_that_a_government_will_respond_to_is_the_one_just_told() -> None:
    from tests.annotate import material_events

    events = material_events(
        "Warplanes bombed a refugee camp near Yida on Thursday, killing 12 people. "
        "It is unclear how the government in Juba will respond to this second attack within its borders.",
        "2011-11-11",
    )
    assert [(e.kind, e.modality, (e.place or {}).get("name")) for e in events] == [("attack.airstrike", "asserted", "Yida")]
    assert len(events[0].evidence) == 2


def test_every_charge_of_a_list_is_a_charge_not_an_event() -> None:
    # "convicted of X and aggravated assault": the second charge is no new assault either.
    events = _annotate("He was in prison in Texas after being convicted of robbery of a store and aggravated assault with a deadly weapon.", "2009-12-10")
    assert [e for e in events if material(e.kind)] == []
    # A clause of its own after "and" is still an event.
    told = _annotate("He was charged with murder and police attacked the protesters in Dallas.", "2009-12-10")
    assert [e.family for e in told if material(e.kind)] == ["attack"]


def test_fighting_a_law_and_posing_as_refugees_are_no_events() -> None:
    fights = _annotate("The Justice Department is fighting the law in Arizona, which has not taken effect yet.", "2011-11-29")
    assert [e for e in fights if material(e.kind)] == []
    posing = _annotate("The two men had passed through Greece posing as migrants fleeing the Syrian war, prosecutors said.", "2015-11-17")
    assert [e for e in posing if e.family == "displacement"] == []
    cyber = _annotate("During a visit to the listening station in Cheltenham, he said spending on fighting cybercrime would double.", "2015-11-17")
    assert [e for e in cyber if material(e.kind)] == []
    # Troops fighting rebels still fight.
    assert [e.family for e in _annotate("Troops are fighting the rebels in the hills near Kadugli.", "2011-11-29") if material(e.kind)] == ["clash"]
