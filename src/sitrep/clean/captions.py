"""Image captions in text dumped from a page, and the slugs and credits around them."""

from __future__ import annotations

import re

from sitrep.clean.chrome import SLUG_PREFIX
from sitrep.clean.lowered import lowered
from sitrep.rxfactor import compiled

_AGENCIES = (
    r"Getty(?: Images)?|AFP(?: via Getty Images)?|Reuters|AP(?: Photo)?|EPA(?:-EFE)?|"
    r"Alamy(?: Stock Photo)?|Shutterstock|PA(?: Media| Wire)?|Bloomberg|Anadolu(?: Agency)?|"
    r"Xinhua|dpa|SOPA Images|NurPhoto|Sipa|Rex Features|AAP|Handout|Supplied|File"
)
# A credit closing a caption: "[Getty]", "(AFP)", "Alamy Stock Photo", "Photo: Name/Reuters".
_CREDIT_END = compiled(
    rf"(\[\s*(?:{_AGENCIES})[^\]]*\]|\(\s*(?:{_AGENCIES}|photo[^)]*|image[^)]*|credit[^)]*)\)"
    rf"|(?:^|[.|/]\s*)(?:{_AGENCIES})(?:\s*/\s*[\w .'-]+)?\.?"
    r"|(?:photograph|photo|image|picture|credit)s?\s*:\s*[^.]{2,60}\.?)\s*$",
    re.I,
)
_CREDIT_LOW = lowered(_CREDIT_END)
# The same credit twice at the end, as page dumps print it: "Alamy Stock Photo Alamy Stock Photo".
_DOUBLED = compiled(r"(\b[\w][\w .&'/-]{2,40}?)(?:\s+\1)+\s*$")


# The last word of every name in _AGENCIES: a credit with no bracket, colon or
# slash ("... Alamy Stock Photo", "... Getty Images.") ends with one of them.
_AGENCY_ENDS = (
    "getty", "images", "afp", "reuters", "ap", "photo", "epa", "efe", "alamy", "shutterstock",
    "pa", "media", "wire", "bloomberg", "anadolu", "agency", "xinhua", "features", "handout",
    "supplied", "file",
)  # fmt: skip


def credit_end(line: str) -> bool:
    """Whether ``line`` ends with a photo credit."""
    # A credit is short and anchored at the end: looking at the tail keeps this cheap.
    tail = line[-120:].lower()
    end = tail.rstrip()
    if not end:
        return False
    # Most lines of prose: without a closing bracket, a "Photo:" or an
    # "Agency/Name", only a bare agency name at the very end can be a credit.
    bare = end[-1] not in "])" and ":" not in end and "/" not in end
    if bare and not end.removesuffix(".").endswith(_AGENCY_ENDS):
        return False
    return bool(_CREDIT_LOW.search(tail))


def as_caption(line: str, *, near_image: bool = False) -> str | None:
    """The caption ``line`` holds, with any file-name slug and doubled credit removed.

    A line is a caption when it ends with a photo credit, or when it stands next to
    image chrome ("Click here to enlarge image") and is too short to be prose.
    """
    text = line.strip()
    slug = SLUG_PREFIX.match(text)
    if slug:
        text = text[slug.end() :]
    words = text.count(" ") + 1
    if not text or words > 80:
        return None
    head, tail = text[:-120], text[-120:]
    last = tail.rsplit(None, 1)[-1]
    if tail.count(last) > 1:
        # Only a tail whose last word recurs can end in a doubled credit; the
        # backtracking pattern is not worth running on the others.
        text = (head + _DOUBLED.sub(r"\1", tail)).strip()
    if credit_end(text):
        return text
    if slug and words >= 3:
        return text
    if near_image and words <= 25 and not text.endswith((".", "!", "?")):
        return text
    return None
