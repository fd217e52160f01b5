"""Clean an article given as plain text dumped from a page.

The body finder (``region.body_mask``) says which lines are article text; this
module reads the news structure around it: the headline, the standfirst under
it, bylines and datelines, captions (kept apart), in-body subheadings, and the
chrome it removed, each with the reason.
"""

from __future__ import annotations

import re

from sitrep.clean.captions import as_caption
from sitrep.clean.chrome import SLUG_PREFIX
from sitrep.clean.corpus import ChromeModel
from sitrep.clean.lines import Line, read_lines
from sitrep.clean.meta import date_from_lines, dateline_at
from sitrep.clean.region import body_mask
from sitrep.model import Article, Block, BlockKind, RawArticle
from sitrep.rxfactor import compiled

_BYLINE = compiled(r"^(by|written by|words by|reporting by|von|par|por)\s+\S.{0,80}$", re.I)
_DATEISH = compiled(
    r"^\W*(last\s+updated?|updated|published|first published|posted)\b.{0,80}$"
    r"|^\W*\d{1,2}\s+\w{3,9}\s+\d{4}\b.{0,30}$|^\W*\w{3,9}\.?\s+\d{1,2},?\s+\d{4}\b.{0,30}$",
    re.I,
)
_META_CHROME = {"read time"}
_IMAGE_CHROME = {"image chrome"}


def _headline_like(line: Line) -> bool:
    text = line.text
    return (
        not line.chrome
        and 3 <= line.words <= 30
        and not text.endswith((".", ",", ";", ":"))
        and not _BYLINE.match(text)
        and not _DATEISH.match(text)
        and dateline_at(text) is None  # "ISIOLO, Kenya (AP) --" on a line of its own is no headline
    )


def _only_dateline(text: str) -> bool:
    found = dateline_at(text)
    return found is not None and not text[found.end :].strip()


def _is_meta(line: Line) -> bool:
    """A byline, a date line or a read time: what sits between a standfirst and the body."""
    return bool(
        (line.chrome in _META_CHROME) or _BYLINE.match(line.text) or _DATEISH.match(line.text)
    )


def _heading_like(lines: list[Line], i: int, spaced: bool) -> bool:
    line = lines[i]
    if line.chrome or line.words == 0 or line.words > 12 or line.text.endswith((".", ",", ";")):
        return False
    if spaced:
        # In text with blank lines between paragraphs a subheading stands alone.
        nxt = lines[i + 1] if i + 1 < len(lines) else None
        return line.gap_before and (nxt is None or nxt.gap_before)
    return line.text[:1].isupper()


# Texts of at most this many lines are kept whole when no line of them looks like a body.
SHORT_NOTE_LINES = 3


def clean_text(raw: RawArticle, *, chrome: ChromeModel | None = None) -> Article:
    """Split a plain-text article into headline, standfirst, body, captions and chrome."""
    text = raw.text or ""
    language, lines = read_lines(text)
    outlet_key = ChromeModel.key(raw)
    if chrome is not None:
        for line in lines:
            if not line.chrome and chrome.is_chrome(outlet_key, line.text):
                line.chrome = "recurring line"
    keep = body_mask(lines, title=raw.title)
    kept = [i for i, k in enumerate(keep) if k]
    if not kept and len(lines) <= SHORT_NOTE_LINES:
        # A note of a line or two ("Kabul fell on Sunday.") is all report: there is no page
        # around it to strip, and dropping it would store an empty article.
        kept = [i for i, ln in enumerate(lines) if ln.words and ln.chrome != "recurring line"]
    last = kept[-1] if kept else -1
    roles: dict[int, tuple[BlockKind, str]] = {}
    captions: dict[int, str] = {}

    # Captions: in the head above the body and inside the body, never the sidebars.
    for i in range(0, last + 1):
        near = any(0 <= j < len(lines) and lines[j].chrome in _IMAGE_CHROME for j in (i - 1, i + 1))
        if lines[i].chrome and lines[i].chrome not in ("slug",):
            continue
        cap = as_caption(lines[i].text, near_image=near)
        if cap is not None:
            captions[i] = cap
            roles[i] = ("caption", cap)

    # The first line of prose: the headline sits above it, the standfirst may be it.
    # (A long line is prose even when the page dump lost its last full stop.)
    prose = [
        i
        for i in kept
        if i not in captions and lines[i].words >= 6 and (lines[i].terminal or lines[i].words >= 40)
    ]
    p0 = prose[0] if prose else (kept[0] if kept else len(lines))
    title = raw.title
    title_at: int | None = None
    # Nor is it below a long kept paragraph (one that lost its full stop, or has
    # no spaces to count words by, as in Chinese or Japanese).
    floor = next((i for i in kept if i not in captions and len(lines[i].text.encode()) >= 150), p0)
    for i in range(min(p0, floor) - 1, -1, -1):
        if raw.title is not None:
            if lines[i].text == raw.title:
                title_at = i
                break
        elif i not in captions and _headline_like(lines[i]):
            title_at, title = i, lines[i].text
            break
    if title_at is not None and title is not None:
        roles[title_at] = ("title", title)

    # A standfirst: the sentence under the headline, parted from the body by a byline,
    # a date or a read time (a caption alone does not part them: it may sit in the body).
    standfirst = None
    start = title_at if title_at is not None else -1
    if (
        title_at is not None
        and len(prose) > 1
        and p0 > title_at
        and any(_is_meta(lines[j]) for j in range(p0 + 1, prose[1]))
    ):
        standfirst = lines[p0].text
        roles[p0] = ("standfirst", standfirst)
        start = p0

    byline = dateline = None
    for i in range(start + 1, p0 if standfirst is None else prose[1]):
        if i in roles:
            continue
        if byline is None and _BYLINE.match(lines[i].text):
            byline = lines[i].text
            roles[i] = ("byline", byline)
        elif dateline is None and _DATEISH.match(lines[i].text):
            dateline = lines[i].text
            roles[i] = ("dateline", dateline)
        elif _only_dateline(lines[i].text):
            # A wire dateline on a line of its own ("ISIOLO, Kenya (AP) --") is the story's
            # dateline, more so than a date line above it.
            dateline = lines[i].text
            roles[i] = ("dateline", dateline)
    body = [i for i in kept if i > start and i not in roles]

    spaced = any(line.gap_before for line in lines[1:])
    headings: list[str] = []
    paragraphs: list[str] = []
    for i in body:
        paragraphs.append(lines[i].text)
        if len(paragraphs) > 0 and _heading_like(lines, i, spaced) and i != body[-1]:
            headings.append(lines[i].text)
            roles[i] = ("heading", lines[i].text)
        else:
            roles[i] = ("paragraph", lines[i].text)

    removed: list[str] = []
    blocks: list[Block] = []
    for i, line in enumerate(lines):
        kind, value = roles.get(i, ("chrome", line.text))
        # A caption glued to an image's file-name slug: the line as printed is chrome,
        # the sentence after the slug is the caption.
        slugged = kind == "caption" and SLUG_PREFIX.match(line.text) is not None
        if kind in ("chrome", "dateline") or slugged:
            removed.append(line.text)
        blocks.append(Block(kind, value, "slug removed" if slugged else line.chrome or ""))

    head = [ln.text for ln in lines[: (body[0] if body else len(lines))]]
    published = date_from_lines(head + [lines[i].text for i in body[:2]])
    return Article(
        id=raw.id,
        source=raw.source,
        kind="text",
        raw=text,
        url=raw.url,
        outlet=raw.outlet,
        language=language,
        published=published,
        title=title,
        standfirst=standfirst,
        byline=byline,
        dateline=dateline,
        paragraphs=paragraphs,
        headings=headings,
        captions=[captions[i] for i in sorted(captions)],
        removed=removed,
        blocks=blocks,
        content_hash=raw.content_hash,
    )
