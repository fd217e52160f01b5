"""The words place recognition reads around a name: connectors inside names, the words
that mark a place, a title or a role, and the heads of organisation names (#27 split
from ``recognize.py``, shared with ``persons.py``)."""

from __future__ import annotations

from sitrep.places.names import Token
from sitrep.rxfactor import compiled

# Lower-case words allowed inside a multi-word name ("Bosnia and Herzegovina").
CONNECTORS = frozenset(
    ["of", "the", "and", "de", "del", "della", "di", "da", "do", "dos", "das", "du", "des", "la", "le", "les", "el", "al", "am", "an", "der", "den", "y", "sur", "upon", "on", "en", "au", "aux", "es", "et", "im", "bei", "ad", "as", "ash", "ar", "az", "ez", "ed", "er", "at", "ath", "adh", "ul", "ud", "ut", "uz", "ibn", "bin"]
)
# Words that say the word before them is a place or the head of a name.
TYPE_AFTER = {
    "province": "admin1", "provinces": "admin1", "prefecture": "admin1", "state": "admin1", "governorate": "admin1",
    "oblast": "admin1", "region": "admin1", "district": "admin2", "county": "admin2",
    "city": "city", "town": "city", "village": "city", "airport": "landmark",
}
# Prepositions and directions that put a place after them ("in Kabul", "north of Herat").
PLACE_PREPS = frozenset(
    ["in", "near", "outside", "from", "to", "at", "across", "around", "towards", "toward", "into", "via", "through", "throughout", "between", "within", "inside", "north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest", "northern", "southern", "eastern", "western", "central"]
)
# Titles before a name make it a person ("Gen. Washington", "President Lincoln").
TITLES = frozenset(
    ["mr", "mrs", "ms", "miss", "dr", "sen", "senator", "rep", "gov", "governor", "gen", "general", "president", "judge", "justice", "officer", "sgt", "sergeant", "capt", "captain", "lt", "col", "colonel", "maj", "major", "coach", "rev", "reverend", "father", "sister", "brother", "deputy", "detective", "trooper", "pastor", "prof", "professor", "chief", "lord", "lady", "sir", "king", "queen", "prince", "princess", "commissioner", "mayor", "secretary", "minister", "spokesman", "spokeswoman", "attorney", "councilman", "councilwoman", "councilor", "chairman", "president's", "st"]
)
# Lower-case roles before a full name make it a person ("protester Paris Kyriakides").
ROLES = frozenset(
    ["protester", "protestor", "demonstrator", "student", "resident", "witness", "officer", "policeman", "soldier", "activist", "lawyer", "spokesman", "spokeswoman", "correspondent", "reporter", "photographer", "journalist", "teacher", "doctor", "nurse", "victim", "suspect", "shopkeeper", "owner", "farmer", "worker", "commander", "leader", "father", "mother", "son", "daughter", "brother", "sister", "uncle", "aunt", "cousin", "wife", "husband", "friend", "neighbour", "neighbor", "analyst", "official", "councilman", "councilwoman", "pastor", "priest", "imam"]
)
# Capitalised words that may follow a place inside an organisation or title and
# still leave the place a place ("Gainesville Police", "Herat Governor").
HEAD_WORDS = frozenset(
    ["police", "department", "dept", "county", "city", "state", "province", "district", "township", "borough", "village", "town", "university", "college", "school", "schools", "academy", "high", "middle", "elementary", "hospital", "medical", "center", "centre", "clinic", "airport", "airfield", "base", "station", "times", "post", "herald", "tribune", "journal", "news", "daily", "gazette", "star", "record", "register", "dispatch", "courier", "sun", "press", "observer", "chronicle", "bulletin", "review", "standard", "telegraph", "inquirer", "enquirer", "council", "board", "commission", "court", "jail", "prison", "fire", "sheriff", "sheriff's", "government", "governor", "ministry", "army", "navy", "force", "forces", "police'", "mall", "park", "square", "street", "road", "avenue", "river", "lake", "valley", "bay", "harbor", "harbour", "port", "bridge", "dam", "hall", "church", "cathedral", "mosque", "temple", "library", "museum", "zoo", "stadium", "arena", "league", "club", "team", "chamber", "area", "region", "metro", "metropolitan", "international", "regional", "national", "public", "federal", "health", "emergency", "water", "power", "electric", "gas", "railway", "rail", "highway", "interstate", "route", "freeway", "hotel", "club's", "men", "women", "airlines", "airways", "bank", "fc", "united", "republic"]
)
# Direction and size words may stand before a place without making it a surname.
PLACE_MODIFIERS = frozenset(
    ["north", "south", "east", "west", "northern", "southern", "eastern", "western", "central", "upper", "lower", "greater", "downtown", "metro", "old", "new", "mid", "northeast", "northwest", "southeast", "southwest", "midtown", "inner", "outer", "rural", "urban", "suburban", "coastal"]
)
NOT_ALONE = PLACE_MODIFIERS | frozenset(
    ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "christmas", "easter", "passover", "ramadan", "eid", "highway", "interstate", "route", "street", "avenue", "road", "lake", "river", "mount", "rue", "boulevard", "calle", "avenida", "rua", "quai", "strasse", "piazza", "gulf"]
)
SPEECH = frozenset(["said", "says", "told", "added", "asked", "explained", "noted", "wrote", "stated", "according"])
_SENT_END = compiled(r"(?:^|[.!?:;\"“”'‘’(\[\n]\s*)$")


def capitalised(tok: Token) -> bool:
    """Whether the word opens with a capital."""
    return tok.raw[:1].isupper()


def sentence_initial(text: str, start: int) -> bool:
    """Whether a word at ``start`` opens a sentence (or a quote, a bracket, a line)."""
    return bool(_SENT_END.search(text[max(0, start - 4) : start]))
