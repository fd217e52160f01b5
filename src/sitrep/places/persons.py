"""Words an article uses as people's names, so that a town's namesake is read as the person
("Andy Trapani", "Jackson was arrested", "Mitt Romney said")."""

from __future__ import annotations

from sitrep.places.gazetteer import Gazetteer
from sitrep.places.names import Token
from sitrep.places.vocab import HEAD_WORDS, PLACE_MODIFIERS, PLACE_PREPS, ROLES, TITLES
from sitrep.places.vocab import capitalised as _capitalised
from sitrep.places.vocab import sentence_initial as _sentence_initial
from sitrep.rxfactor import compiled


def _small_town(gaz: Gazetteer, key: str) -> bool:
    """Whether every place a key names is a town of under 20,000 (a surname's likelier reading)."""
    entries = gaz.lookup(key)
    return bool(entries) and all(gaz.feature(rid) == "city" and gaz.pop[rid] < 20_000 for rid, _ in entries)


# A line written in title case, as headlines are: every word capitalised but these.
_LINE = compiled(r"[^\n]+")
_WORD = compiled(r"[^\W\d_][\w'’-]*")
_SMALL_WORDS = frozenset({"a", "an", "and", "as", "at", "by", "for", "from", "in", "of", "on", "or", "the", "to", "with", "vs"})


def _headlines(text: str) -> list[tuple[int, int]]:
    """The spans of lines written in title case ("Bosnian Serbs Overrun Srebrenica; Thousands
    Flee"): there a capital tells no name, so "Overrun" is no given name before a town."""
    out = []
    for line in _LINE.finditer(text):
        if len(line.group()) > 150:
            continue  # (a paragraph, not a headline)
        words = [w for w in _WORD.findall(line.group()) if w not in _SMALL_WORDS]
        if len(words) >= 3 and all(w[0].isupper() for w in words):
            out.append(line.span())
    return out


def person_keys(text: str, toks: list[Token], gaz: Gazetteer) -> set[str]:
    """Words the article uses as surnames: after a given name or a title ("Andy Trapani")."""
    out: set[str] = set()
    caps = [t.raw[:1].isupper() for t in toks]  # (once: this loop reads each word thrice)
    n = len(toks)
    headline = _headlines(text)
    for i in [j for j in range(n - 1) if caps[j + 1] and not any(a <= toks[j].start < b for a, b in headline)]:
        a, b = toks[i], toks[i + 1]
        if text[a.end : b.start] not in (" ", ". "):
            continue
        c = toks[i + 2] if i + 2 < n else None
        full = c is not None and caps[i + 2] and text[b.end : c.start] == " "
        if caps[i] and a.key in _PARTICLES:
            out.add(b.key)  # "also known as Abu Hassan": a name, not the Indian town
        elif caps[i] and text[a.end : b.start] == " " and not a.raw.isupper() and a.key not in TITLES and _SURNAME_END.search(b.raw) and not gaz.lookup(b.key) and not (c is not None and caps[i + 2] and text[b.end : c.start] == " "):
            out.update((a.key, b.key))  # "seized Milan Kovacevic, the hospital director": a given name and a surname
        elif caps[i] and ((a.key in gaz.given_names and not a.raw.isupper()) or a.key in TITLES):
            out.add(b.key)
            if full and a.key in TITLES and c is not None:
                out.add(c.key)  # "Officer Jovaniel Cordova": the surname after an unknown given name
        elif a.key in ROLES and a.raw.islower() and full and c is not None:
            out.update((b.key, c.key))  # "protester Paris Kyriakides"
        elif (
            _capitalised(a) and not a.raw.isupper() and a.key not in PLACE_MODIFIERS and a.key not in TITLES
            and a.key not in _OPENERS and not b.raw.isupper() and text[a.end : b.start] == " " and _SPEAKS.match(text, b.end)
        ):  # fmt: skip
            out.add(b.key)  # "Mitt Romney said": a full name that speaks, so "Romney" is him
        elif (
            _capitalised(a) and not a.raw.isupper() and len(a.raw) > 2 and not gaz.lookup(a.key) and a.key not in TITLES
            and a.key not in PLACE_MODIFIERS and a.key not in _OPENERS and not _sentence_initial(text, a.start)
            and text[a.end : b.start] == " " and not b.raw.isupper() and _small_town(gaz, b.key)
            and not (c is not None and _capitalised(c) and text[b.end : c.start] == " ")
        ):  # fmt: skip
            out.add(b.key)  # "against Mitt Romney": an unknown word before a small town's name is a given name
    for m in _WONDERS.finditer(text) if any(w in text for w in _WONDER_WORDS) else ():
        # "Whitmire questioned why several prisons stopped searching visitors": a small town's
        # name alone as the one who questions, wonders or asks is a surname.
        k = next((i for i in range(n) if toks[i].end == m.start()), None)
        if k is not None and _capitalised(toks[k]) and not toks[k].raw.isupper() and _small_town(gaz, toks[k].key) and not (k and caps[k - 1]) and not (k and toks[k - 1].key in PLACE_PREPS | {"of", "from"}):
            out.add(toks[k].key)
    # Only around the verbs that tell of a person (a scan of the text, not a test per word).
    if _PERSON_HINT.search(text):
        ends = {tok.end: i for i, tok in enumerate(toks)}
        starts = {tok.start: i for i, tok in enumerate(toks)}
        for m in _PERSON_PASSIVE_AT.finditer(text):
            k = ends.get(m.start())
            if k is None:
                continue
            tok, prev = toks[k], (toks[k - 1] if k else None)
            if (
                _capitalised(tok) and not tok.raw.isupper()
                and (prev is None or not ((_capitalised(prev) and (prev.key in PLACE_MODIFIERS or gaz.lookup(prev.key))) or prev.key in PLACE_PREPS or prev.key in ("from", "of")))
            ):  # fmt: skip
                # "Jackson was arrested": no town is arrested, sentenced or born ("a man from
                # Palestine was arrested", "New Zealand has been suspended" are other readings).
                out.add(tok.key)
        for m in _PERSON_OBJECT.finditer(text):
            j = starts.get(m.end())
            if j is not None and _capitalised(toks[j]) and not (j + 1 < n and toks[j + 1].raw in _PERSON_NOUNS and text[toks[j].end : toks[j + 1].start] == " "):
                # "Simpson shot Flynn twice": whom one shoots or arrests is a person (not the
                # town of "the killing of Detroit teenager", which tells whose teenager)
                out.add(toks[j].key)
    if "named" in text or "called" in text:
        starts = {tok.start: i for i, tok in enumerate(toks)}
        for m in _NAMED_PERSON.finditer(text):
            j = starts.get(m.end())
            if j is not None and _capitalised(toks[j]):
                out.add(toks[j].key)  # "their son, whom the couple had named Conner": a person
    # "Laci Peterson", "Peterson" alone a person: "Laci's disappearance" is hers ("Drive" of "Elkview Drive" is never alone).
    pairs = [(j, toks[j], toks[j + 1]) for j in range(n - 1) if caps[j] and caps[j + 1] and toks[j + 1].key in out and text[toks[j].end : toks[j + 1].start] == " "]
    alone = {toks[j].key for j in range(n) if toks[j].key in out and not (j and caps[j - 1] and text[toks[j - 1].end : toks[j].start] == " ")} if pairs else set()
    out.update(
        a.key for _, a, b in pairs
        if b.key in alone and b.key not in HEAD_WORDS and gaz.commonness(b.key) < 4.0 and not a.raw.isupper()
        and a.key not in PLACE_MODIFIERS | TITLES | _OPENERS and (not gaz.lookup(a.key) or _small_town(gaz, a.key))
    )  # fmt: skip
    return out


# A person given a name: the name is the person's ("a son named Conner"; "a town named Conner" is a place).
_NAMED_PERSON = compiled(
    r"\b(?:whom\s+(?:\w+\s+){0,4}|(?:son|daughter|boy|girl|baby|child|infant|man|woman|wife|husband|brother|sister|"
    r"nephew|niece|friend|suspect|teen|teenager|student|dog|puppy)\s+(?:was\s+|is\s+)?)(?:named|called|nicknamed|christened)\s+(?=[A-Z])"
)


# Nouns a town's name qualifies: "the killing of Detroit teenager Kiara Thomas".
_PERSON_NOUNS = frozenset(
    ["teenager", "teen", "man", "woman", "boy", "girl", "student", "resident", "residents", "police", "officer", "officers",
     "native", "youth", "mother", "father", "family", "couple", "pastor", "doctor", "nurse", "soldier", "soldiers", "men",
     "women", "child", "children", "activist", "journalist", "reporter", "worker", "workers", "teacher", "priest", "cop"]
)
# Verbs whose direct object is a person, never a town.
_PERSON_OBJECT = compiled(r"\b(?:shot|stabbed|murdered|kidnapped|abducted|arrested|detained|beheaded|raped|strangled|assassinated|(?:death|murder|killing|funeral|body) of) (?=[A-Z])")
_PERSON_HINT = compiled(r"\b(?:was|is|been|be|died|death|murder|killing|funeral|body|shot|stabbed|murdered|kidnapped|abducted|arrested|detained|beheaded|raped|strangled|assassinated)\b")
# What only a person undergoes: a name before it is a person's, however the gazetteer reads it.
_PERSON_PASSIVE_AT = compiled(
    r"\s+(?:was|is|has been|had been|will be)\s+(?:arrested|charged|detained|sentenced|convicted|indicted|jailed|"
    r"imprisoned|born|elected|re-elected|appointed|married|acquitted|hospitali[sz]ed|stabbed|fined|suspended|"
    r"fired|traded|drafted|sworn in|questioned|interrogated|extradited|deported|pardoned|paroled|killed|shot|"
    r"wounded|injured|kidnapped|abducted|found (?:not )?guilty)\b"
    r"|\s+died\s+(?:trying|while|after|of|in\s+(?:hospital|his|her)|at\s+(?:the\s+)?(?:age|hospital|scene))\b"
)


# A verb of saying right after a two-word name: the name is a person's ("Mitt Romney said";
# not "the governor of Unity State, said", an apposition; not "Although Israel said").
# Words that open an Arabic or Persian name ("Abu Hassan", "Umm Kulthum", "Mullah Omar").
_PARTICLES = frozenset(["abu", "umm", "ibn", "bint", "mullah", "haji", "hajji", "ayatollah"])
# Endings of Slavic, Georgian, Armenian and Turkish surnames: the word before is a given name.
_SURNAME_END = compiled(r"[a-z](?:vi[cć]|ić|ov|ev|ova|eva|enko|ski|sky|dze|shvili|yan|oglu)$")
_OPENERS = frozenset(["the", "a", "an", "this", "that", "its", "his", "her", "their", "although", "but", "and", "when", "while", "as", "after", "before", "if", "because", "though", "meanwhile", "still", "yet", "so", "then", "now", "today", "later", "earlier"])
_SPEAKS = compiled(
    r"\s+(?:said|says|told|added|argued|spoke|stated|wrote|insisted|noted|explained|warned|tweeted|replied|claimed)\b"
)
# A verb of wondering with the question after it: only a person questions why.
_WONDER_WORDS = ("question", "wonder", "asked", "asks", "demanded to know")  # (a cheap test before the scan)
_WONDERS = compiled(r"(?<=\w)\s+(?:questioned|wondered|asked|asks|wonders|questions|demanded to know)\s+(?:why|whether|how|if|what|who)\b")
