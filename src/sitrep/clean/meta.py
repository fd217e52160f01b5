"""Publication date, outlet and wire agencies, read from what an article says."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from sitrep.model import Published
from sitrep.rxfactor import compiled

_MONTHS = {
    m: i + 1
    for i, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ]
    )
    for m in names
}
_MON = r"(?P<mon>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_DATE_FORMS = [
    compiled(rf"\b{_DAY}\s+{_MON},?\s+{_YEAR}\b", re.I),  # 12 Aug 2021
    compiled(rf"\b{_MON}\s+{_DAY}[,.]?\s+{_YEAR}\b", re.I),  # Aug. 12, 2021 (or the typo "Aug. 12. 2021")
    compiled(r"\b(?P<year>(?:19|20)\d\d)-(?P<mnum>[01]\d)-(?P<day>[0-3]\d)\b"),  # 2021-08-12
    compiled(r"\b(?P<a>[0-3]?\d)[/.](?P<b>[01]?\d)[/.](?P<year>(?:19|20)\d\d)\b"),  # 11/20/2019
]
_MONTH_YEAR = compiled(rf"\b{_MON}\s+{_YEAR}\b", re.I)
# Words that say a date on the line is when the article was published or updated.
_PUBLISH_CUE = compiled(
    r"^\W*(last\s+updated?|updated(\s+on)?|published(\s+on)?|first\s+published(\s+on)?|posted(\s+on)?|date)\b",
    re.I,
)
# "KABUL, Afghanistan (Jan. 25, 2013) -" : a wire dateline opening the first paragraph.
_DATELINE = compiled(
    r"^[A-Z][A-Za-z .'-]{2,40}(,\s*[A-Z][\w .'-]{2,40})?\s*\((?P<date>[^)]{6,30})\)"
)


def parse_date(text: str) -> date | None:
    """The first full calendar date written in ``text`` ("12 Aug 2021", "Jan. 25, 2013" ...)."""
    for form in _DATE_FORMS:
        for m in form.finditer(text):
            d = _to_date(m)
            if d is not None:
                return d
    return None


def _to_date(m: re.Match[str]) -> date | None:
    groups = m.groupdict()
    try:
        year = int(groups["year"])
        if groups.get("mon"):
            month = _MONTHS[groups["mon"].lower().rstrip(".")]
            day = int(groups["day"])
        elif groups.get("mnum"):
            month, day = int(groups["mnum"]), int(groups["day"])
        else:
            a, b = int(groups["a"]), int(groups["b"])
            # Only the unambiguous case: one part cannot be a month.
            if a > 12 >= b:
                day, month = a, b
            elif b > 12 >= a:
                month, day = a, b
            else:
                return None
        return date(year, month, day)
    except (KeyError, ValueError):
        return None


def date_from_lines(lines: Iterable[str]) -> Published | None:
    """A publication date stated in the article's own lines, or ``None``.

    A line that says "Published", "Updated" or "LAST UPDATE" wins; then a wire
    dateline ("KABUL, Afghanistan (Jan. 25, 2013)"); then a short line that is
    nothing but a date (a byline's date).
    """
    cued: Published | None = None
    dateline: Published | None = None
    bare: Published | None = None
    # Unicode line and paragraph separators (U+2028/9) end lines too.
    lines = [part.strip() for ln in lines for part in ln.splitlines()]
    for line in lines:
        if cued is None and _PUBLISH_CUE.search(line) and len(line) < 200:
            d = parse_date(line)
            if d:
                cued = Published(d.isoformat(), "text", "day", line.strip())
        if dateline is None and (m := _DATELINE.match(line)):
            d = parse_date(m.group("date")) or _yearless(m.group("date"), lines)
            if d:
                dateline = Published(d.isoformat(), "text", "day", m.group(0))
        if dateline is None and (m := _HEADLINE_DATE.match(line)):
            d = _yearless(m.group("date"), lines)
            if d:
                dateline = Published(d.isoformat(), "text", "day", m.group(0))
        if bare is None and len(line.split()) <= 12:
            d = parse_date(line)
            if d:
                bare = Published(d.isoformat(), "text", "day", line.strip())
    return cued or dateline or bare


# "May 2: Afghan-ISAF Operations in Kabul": a release headline that opens with its day.
_HEADLINE_DATE = compiled(rf"^(?P<date>{_MON}\s+[0-3]?\d):\s", re.I)
_YEAR_MONTH = compiled(r"\b(?P<y>(?:19|20)\d\d)-(?P<m>0[1-9]|1[0-2])\b")
_MONTH_DAY = compiled(rf"^\s*{_MON}\s+(?P<day>[0-3]?\d)\s*$", re.I)


def _yearless(text: str, lines: list[str]) -> date | None:
    """A dateline's "(Sept. 21)" dated by a year-month the same article states ("2010-09-CA-223")."""
    m = _MONTH_DAY.match(text)
    if not m:
        return None
    month = _MONTHS[m.group("mon").lower().rstrip(".")]
    for line in lines:
        for ym in _YEAR_MONTH.finditer(line):
            if int(ym.group("m")) in (month, month % 12 + 1, (month - 2) % 12 + 1):
                year = int(ym.group("y")) + (1 if month == 1 and ym.group("m") == "12" else 0)
                try:
                    return date(year, month, int(m.group("day")))
                except ValueError:
                    return None
    return None


# "KABUL, Afghanistan, Sept. 27 —": a dateline that carries the day it was written.
_DATELINE_DAY = compiled(rf"\b{_MON}\s+{_DAY}\b", re.I)


def dateline_day(dateline: str, published: str) -> date | None:
    """The day a dateline gives ("KABUL, Afghanistan, Sept. 27 —", "BEIJING, July 28 (Xinhua)")
    in the year of ``published`` (an ISO day), where it is that day or up to three before: a
    paper of the 28th prints the 27th's story, whose "today" is the 27th."""
    m = _DATELINE_DAY.search(dateline.partition("(")[0])
    if m is None:
        return None
    try:
        pub = date.fromisoformat(published[:10])
        day = date(pub.year, _MONTHS[m.group("mon").lower().rstrip(".")], int(m.group("day")))
        if day > pub:
            day = date(pub.year - 1, day.month, day.day)
    except ValueError:
        return None
    return day if 0 <= (pub - day).days <= 3 else None


def month_from_text(text: str) -> Published | None:
    """A month the article names in brackets, "(August 2021)", as an inferred date.

    Only a month: a day is never invented where the text does not give one.
    """
    m = re.search(rf"\(\s*{_MON}\s+{_YEAR}\s*\)", text, re.I)
    if not m:
        return None
    month = _MONTHS[m.group("mon").lower().rstrip(".")]
    return Published(f"{m.group('year')}-{month:02d}", "inferred", "month", m.group(0))


_OUTLET_IN_TEXT = [
    # "Support from readers like you keeps The Journal open."
    compiled(
        r"\bkeeps?\s+(?P<name>(?:The\s+)?[A-Z][\w&'.-]*(?:\s+[A-Z][\w&'.-]*){0,4})\s+(?:open|free|going|alive|independent)\b"
    ),
    # "Copyright © 2019 CBS Interactive Inc." / "© 2021 The Journal"
    compiled(
        r"(?:©|\(c\)|copyright)\s*(?:©\s*)?(?:(?:19|20)\d\d\s*[-–]?\s*(?:(?:19|20)\d\d)?\s*)?(?P<name>(?:The\s+)?[A-Z][\w&'.-]*(?:\s+[A-Z][\w&'.-]*){0,4})",
        re.I,
    ),
]
_TRAIL = compiled(
    r"[\s,.]*(All Rights Reserved|Ltd|Limited|Inc|LLC|plc|Media Group)?[\s,.]*$", re.I
)


def outlet_from_text(lines: Iterable[str]) -> str | None:
    """The outlet an article names itself ("keeps The Journal open"), or ``None``."""
    for line in lines:
        if len(line) > 400:
            continue
        for pattern in _OUTLET_IN_TEXT:
            m = pattern.search(line)
            if m:
                name = re.split(r"\s+all\s+rights", m.group("name"), flags=re.I)[0]
                name = _TRAIL.sub("", name).strip()
                if name and name.lower() not in {"all", "the", "copyright"}:
                    return name
    return None


# (name, a literal that must appear, the pattern that confirms it): the literal test
# is a cheap filter, so a body is scanned by a regex only for agencies it names.
_WIRES = [
    ("AFP", "AFP", compiled(r"\bAFP\b")),
    ("AFP", "Agence France", compiled(r"Agence France[- ]Presse")),
    ("AP", "Associated Press", compiled(r"\bAssociated Press\b")),
    ("Reuters", "Reuters", compiled(r"\bReuters\b")),
    ("AP", "AP", compiled(r"\bAP\b.{0,6}(Photo|\))|\(AP\)|\btold AP\b|\b[Tt]he AP\b|\bAP (?:reported|said)\b")),
    ("dpa", "dpa", compiled(r"\bdpa\b")),
    ("Xinhua", "Xinhua", compiled(r"\bXinhua\b")),
    ("ANI", "ANI", compiled(r"\(ANI\)|\btold ANI\b")),
    ("PTI", "PTI", compiled(r"\(PTI\)|\btold PTI\b")),
    ("EFE", "EFE", compiled(r"\bEFE\b")),
    ("Anadolu", "Anadolu", compiled(r"\bAnadolu (Agency|Ajansı)\b")),
    ("UPI", "UPI", compiled(r"\bUPI\b")),
    ("PA Media", "PA", compiled(r"\bPA Media\b|\(PA\)")),
    ("Kyodo", "Kyodo", compiled(r"\bKyodo\b")),
    ("Yonhap", "Yonhap", compiled(r"\bYonhap\b")),
    ("TASS", "TASS", compiled(r"\bTASS\b")),
    ("Interfax", "Interfax", compiled(r"\bInterfax\b")),
    # "- Agencies" or "(with agencies)" closing a piece; never "intelligence agencies".
    (
        "agencies",
        "gencies",
        compiled(
            r"^[ \t]*(?:[-–—][ \t]*)?\(?(?:with |additional reporting by |wire )?agencies\)?\.?[ \t]*$"
            r"|\((?:with )?agencies\)|[-–—][ \t]*agencies[ \t]*$",
            re.I | re.M,
        ),
    ),
]


def wires_in(text: str) -> list[str]:
    """The news agencies the text cites or credits (wire copy it carries), in a fixed order."""
    found = {name for name, lit, pattern in _WIRES if lit in text and pattern.search(text)}
    return [name for name in dict.fromkeys(n for n, _, _ in _WIRES) if name in found]


# -- wire datelines ---------------------------------------------------------------------------
# The agency a dateline's brackets credit, as ``wire`` names it.
_CREDITS = {
    "ap": "AP", "associated press": "AP", "reuters": "Reuters", "reuter": "Reuters", "afp": "AFP", "xinhua": "Xinhua",
    "dpa": "dpa", "upi": "UPI", "ani": "ANI", "pti": "PTI", "efe": "EFE", "kyodo": "Kyodo",
    "yonhap": "Yonhap", "tass": "TASS", "itar-tass": "TASS", "interfax": "Interfax",
    "anadolu": "Anadolu", "aa": "Anadolu", "pa": "PA Media", "ians": "IANS", "bernama": "Bernama",
    "apa": "APA", "ips": "IPS", "agencies": "agencies",
}  # fmt: skip
# Words in capitals that open a line but name no place ("BREAKING —", "UPDATE:").
_NOT_A_PLACE = frozenset(
    ["breaking", "update", "updated", "exclusive", "watch", "live", "analysis", "opinion", "editorial",
     "comment", "review", "note", "photo", "video", "correction", "clarification", "advisory", "urgent",
     "flash", "bulletin", "editor"]
)  # fmt: skip
_WEEKDAYS = frozenset(["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"])
_CITY_CAPS = r"[A-Z][A-Z.'’-]+(?:[ ][A-Z][A-Z.'’-]+){0,3}"  # NAIROBI, THE HAGUE, O'SMACH, ST. LOUIS
_CITY_TITLE = r"[A-Z][a-z.'’-]+(?:[ ][A-Z][a-z.'’-]+){0,3}"  # Nairobi, New York
# , Kenya / , N.J. / , Puerto Rico / , Democratic Republic of Congo / , Bosnia and Herzegovina
_REGION = r",[ ]*[A-Z][\w.'’-]*(?:[ ](?:(?:of|and|the|del|de)[ ])?[A-Z][\w.'’-]*){0,4}"
# AFP's web copy: "Kano (Nigeria) (AFP) -", the land in brackets before the credit
_PAREN_REGION = r"[ ]+\([A-Z][\w.'’-]*(?:[ ](?:(?:of|and|the)[ ])?[A-Z][\w.'’-]*){0,3}\)(?=[ ]*\()"
_WHEN = (
    r",?[ ]*(?i:jan|feb|mar|apr|may|jun|jul|aug|sept?|oct|nov|dec)[a-z]*\.?[ ]+[0-3]?\d"
    r"(?:,[ ]*(?:19|20)\d\d)?"
)  # , August 8 / , Aug. 8, 1998 (Xinhua's date sits outside the brackets)
_CREDIT = r"\([ ]*(?P<credit>[A-Za-z][A-Za-z&.'-]*(?:[ /][A-Za-z][A-Za-z&.'-]*){0,3})[ ]*\)"
_PAREN_DATE = r"\([ ]*(?P<date>[A-Z][a-z]{2,}\.?[ ]+[0-3]?\d(?:[,.][ ]*(?:19|20)\d\d)?)[ ]*\)"
_SEP = r"[ ]*(?P<sep>_+|-{1,2}|–|—|:)"
_DSEP = _SEP.replace("<sep>", "<dsep>")
_WIRE_DATELINE = compiled(
    # "NAIROBI, Kenya (AP) _", "NICOSIA, August 8 (Xinhua) --", "Nairobi (AFP) -", "(Reuters) -"
    rf"^(?P<where>(?:{_CITY_CAPS}|{_CITY_TITLE})(?:{_REGION}|{_PAREN_REGION})?(?:{_WHEN})?[ ]*)?{_CREDIT}{_SEP}?[ ]*"
    # "KABUL, Afghanistan (Jan. 25, 2013) -": a dated dateline
    rf"|^(?P<dwhere>(?:{_CITY_CAPS}|{_CITY_TITLE})(?:{_REGION})?)[ ]*{_PAREN_DATE}{_DSEP}?[ ]*"
    # "WASHINGTON _", "MANDERA, Kenya —": a newspaper's dateline in capitals, no credit
    rf"|^(?P<cwhere>{_CITY_CAPS}(?:{_REGION})?(?:{_WHEN})?)[ ]*(?P<csep>_+|--|–|—)[ ]*"
    # "ATHENS, Feb 13 - ": a single hyphen only after a day, which no headline in capitals has
    rf"|^(?P<hwhere>{_CITY_CAPS}(?:{_REGION})?{_WHEN})[ ]+-[ ]+"
    # "Belfast, July 21": a paper's dateline on a line of its own, under "From Our Correspondent"
    rf"|^(?P<lwhere>(?:{_CITY_CAPS}|{_CITY_TITLE})(?:{_REGION})?{_WHEN})[ ]*$"
)
_WHEN_RE = compiled(_WHEN, re.IGNORECASE)
_LEDE = compiled(r"\s*[A-Z0-9\"“‘'(]")


@dataclass(frozen=True, slots=True)
class Dateline:
    """A story's opening dateline: its words, the agency it credits (if any) and where the story starts."""

    text: str
    wire: str | None
    credit: str | None
    end: int


def dateline_at(text: str) -> Dateline | None:
    """The wire or newspaper dateline opening ``text`` ("NAIROBI, Kenya (AP) _ ..."), or ``None``.

    Forms: "CITY, Country (AP) _", "CITY (AP) --", "CITY, Month D (Xinhua) --", "(Reuters) -",
    "City (AFP) -", "CITY, Country (Jan. 25, 2013) -", and a credit-less "CITY _" or
    "CITY, Country —" in capitals. Brackets that hold anything but a credit or a date
    ("Kenya (formerly ...)"), or capitals that name no place ("BREAKING —"), are no dateline.
    """
    m = _WIRE_DATELINE.match(text)
    if m is None:
        return None
    credit = m.group("credit")
    where = m.group("where") or m.group("dwhere") or m.group("cwhere") or m.group("hwhere") or m.group("lwhere") or ""
    if credit is not None:
        words = credit.replace("/", " ").split()
        # A credit is short and looks like one: an agency we know or a name in capitals
        # ("(CNN)"); "(the capital)" or "(file)" are not.
        if not any(w.lower() in _CREDITS for w in [credit.lower(), *[w.lower() for w in words]]) and not (
            credit.isupper() and len(credit) <= 8
        ):
            return None
        if where and m.group("sep") is None:
            return None  # "Nairobi (CNN) reported": the brackets sit inside a sentence
    elif m.group("cwhere") is not None or m.group("hwhere") is not None or m.group("lwhere") is not None:
        first = where.split(",")[0].strip()
        if first.lower().rstrip(".") in _NOT_A_PLACE or len(first) < 3:
            return None
        if m.group("lwhere") is not None and ("," not in where or first.lower() in _WEEKDAYS):
            return None
    if where and _WHEN_RE.fullmatch(where.strip(" ,")):
        return None
    rest = text[m.end() :]
    if rest.strip() and not _LEDE.match(rest):
        return None  # what follows must open a sentence (or the line ends with the dateline)
    wire = _credit_wire(credit) if credit else None
    return Dateline(text[: m.end()].strip(), wire, credit, m.end())


def _credit_wire(credit: str) -> str | None:
    """The agency a dateline credit names: "AP" -> "AP", "AP/Reuters" -> "AP"; None for "(CNN)"."""
    whole = _CREDITS.get(credit.lower().strip())
    if whole:
        return whole
    for part in re.split(r"[/ ]+|\band\b", credit):
        name = _CREDITS.get(part.lower().strip())
        if name:
            return name
    return None


# A closing credit on a line of its own: "- Agencies", "(Reuters)", "— AP", "With AFP".
_CLOSING_CREDIT = compiled(
    r"^[ \t]*[-–—(]*[ \t]*(?:(?:with|additional reporting by|source|sources|via)[: ]+)?"
    r"(?P<credit>[A-Za-z][A-Za-z&.' -]{1,40}?)[ \t]*\)?\.?[ \t]*$",
    re.IGNORECASE,
)


def closing_credit(line: str) -> str | None:
    """The agency a closing line credits ("- Agencies", "(AFP)", "With Reuters"), or ``None``."""
    if len(line) > 60:
        return None
    m = _CLOSING_CREDIT.match(line)
    if not m:
        return None
    credit = m.group("credit").strip()
    names = [_CREDITS.get(p.lower()) for p in re.split(r"\s*(?:,|/|\band\b|&)\s*", credit) if p]
    if names and all(names):
        return names[0]
    return None
