"""Clean an HTML news page: trafilatura for the main content, news-page rules on top.

trafilatura (one pass, ``fast``, no comments) finds the article region. Around that
one pass this module adds only cheap lxml work: it reads the page's metadata
(title, standfirst, site name, date), sets captions apart, mends markup that makes
trafilatura drop the lead paragraph, and afterwards drops the lines of the extract
that are page chrome (share lines, appeals, sign-ups, live-blog furniture, the
headline repeated) into ``removed``.
"""

from __future__ import annotations

import re
from typing import Any, cast

import trafilatura
from lxml.html import HtmlElement

from sitrep.clean.chrome import chrome_reason
from sitrep.clean.html_meta import (
    caption_texts,
    mend_tree,
    page_meta,
    parse_html,
    strip_tags,
)
from sitrep.errors import InputRejected
from sitrep.model import Article, Block, BlockKind, Published, RawArticle
from sitrep.rxfactor import compiled

_SPACES = compiled(r"\s+")
_WORD = compiled(r"\w+")

# Lines news pages print around the story that the shared chrome lexicon does not
# know: reprint and print tools, mail-this-article widgets, live-blog furniture.
_EXTRA_CHROME: list[tuple[str, re.Pattern[str]]] = [
    ("newsletter", compiled(r"^(.{1,40} newsletter|thanks? (you )?for (signing up|subscribing)!?"
                              r"|keep an eye on your inbox.*|there was an error processing your "
                              r"subscription\.?|you('re| are) (now )?subscribed.*|sorry!?)$",
                              re.I)),
    ("tools", compiled(r"^(order reprints?|print article|print this( article| page)?|"
                         r"reprints?|license this (article|content))$", re.I)),
    ("mail widget", compiled(r"^(this article has been sent to|an error has occurred,? "
                               r"please try again( later)?|thank you)\.?!?$", re.I)),
    ("live blog", compiled(r"^((last )?updated:? ?(at )?\d{1,2}[:.]\d{2}( ?[ap]\.?m\.?)?"
                             r"( [A-Z]{2,4})?|key events|show key events only|"
                             r"please turn on javascript.*|live updates?|live)$", re.I)),
    ("related", compiled(r"^(also on [\w.]+|related( articles?| stories| coverage)?:?|"
                           r"read more:?|more on this( story)?:?|recommended:?|"
                           r"you (may|might) also like:?)(\s.{0,160})?$", re.I)),
    ("share line", compiled(r"^like this story\?.{0,40}share it.{0,40}$", re.I)),
    ("contact line", compiled(r"^(write to|contact|email|reach) .{1,80}\bat\s+\S+@\S+$", re.I)),
    ("usage notice", compiled(r"^this copy is for your personal,? non-commercial use only\b.*",
                                re.I)),
]

_MIN_CHARS = 250

# "By Jane Doe", "5:45 AM PST 11/19/2019 by Patrick Shanley", "Posted by ... on ...".
_NAME = r"[A-Z][\w.'’-]+(\s+[A-Z][\w.'’-]+){0,3}"
_BYLINE = compiled(
    rf"^((?i:posted|written|words|reporting)\s+)?(?i:by)\s+{_NAME}(\s*[,|–—-]\s*[A-Z0-9].{{0,60}})?$"
    rf"|^.{{0,40}}\d.{{0,40}}\bby\s+{_NAME}\s*$"
)


def _norm(text: str) -> str:
    return _SPACES.sub(" ", text).strip()


def _key(text: str) -> str:
    return " ".join(_WORD.findall(text.lower()))


def _why_chrome(line: str) -> str | None:
    reason = chrome_reason(line)
    if reason:
        return reason
    for why, pattern in _EXTRA_CHROME:
        if pattern.match(line):
            return why
    return None


def _body_lines(body: Any) -> list[tuple[str, str]]:
    """(kind, text) for each block of trafilatura's XML body, in order."""
    out: list[tuple[str, str]] = []

    def add(kind: str, el: Any) -> None:
        # <lb/> marks a hard break: each side is its own line for chrome tests.
        for lb in el.iter("lb"):
            lb.tail = "\n" + (lb.tail or "")
        # Blocks nested in a block (a list in a list item) start their own line.
        for inner in el.iterdescendants("item", "list", "p", "head", "quote"):
            inner.text = "\n" + (inner.text or "")
            inner.tail = "\n" + (inner.tail or "")
        for piece in "".join(el.itertext()).split("\n"):
            piece = _norm(piece)
            if piece:
                out.append((kind, piece))

    def loose(text: str | None) -> None:
        # trafilatura leaves some text as bare tails between blocks (unwrapped headings).
        piece = _norm(text or "")
        if piece:
            out.append(("paragraph", piece))

    loose(body.text)
    for el in body:
        tag = el.tag
        if tag == "head":
            add("heading", el)
        elif tag == "list":
            # Direct items only: a nested list is part of its parent item's text.
            for item in el.findall("item") or [el]:
                add("paragraph", item)
        elif tag == "table":
            for row in el.iter("row"):
                cells = [_norm(" ".join(c.itertext())) for c in row.iter("cell")]
                line = " | ".join(c for c in cells if c)
                if line:
                    out.append(("paragraph", line))
        else:
            add("paragraph", el)
        loose(el.tail)
    return out


def _extract(tree: HtmlElement, url: str | None, recall: bool = False) -> list[tuple[str, str]]:
    doc = trafilatura.bare_extraction(
        tree, url=url, fast=True, include_comments=False, include_tables=True, favor_recall=recall
    )
    body = getattr(doc, "body", None) if doc is not None else None
    return _body_lines(body) if body is not None else []


def _chars(lines: list[tuple[str, str]]) -> int:
    return sum(len(t) for _, t in lines)


def clean_html(raw: RawArticle) -> Article:
    """Turn an HTML page into an Article: body, title, standfirst, captions, chrome cut.

    Raises ``InputRejected`` only when the page holds no extractable text at all.
    """
    html = raw.html or ""
    if not html.strip():
        raise InputRejected("empty HTML", source=raw.source)
    meta: dict[str, Any] = {}
    captions: list[str] = []
    lines: list[tuple[str, str]] = []
    tree = parse_html(html)
    if tree is not None:
        try:
            # Metadata and captions first: trafilatura prunes the tree it is given.
            meta = page_meta(tree, raw.url)
            captions = caption_texts(tree)
            mend_tree(tree)
            lines = _extract(tree, raw.url)
            if _chars(lines) < _MIN_CHARS:
                # A short extract is usually a missed region, not a short story.
                again = parse_html(html)
                if again is not None:
                    wider = _extract(again, raw.url, recall=True)
                    if _chars(wider) > _chars(lines):
                        lines = wider
        except Exception:  # trafilatura and lxml raise many types on hostile markup
            lines = []
    if not lines:
        text = strip_tags(html)
        lines = [("paragraph", p) for p in (_norm(x) for x in text.split("\n")) if p]
    title = raw.title or cast("str | None", meta.get("title"))
    article = Article(
        id=raw.id,
        source=raw.source,
        kind="html",
        raw=html,
        url=raw.url,
        outlet=raw.outlet or cast("str | None", meta.get("outlet")),
        title=title,
        standfirst=cast("str | None", meta.get("standfirst")),
        content_hash=raw.content_hash,
    )
    if raw.published:
        article.published = Published(raw.published[:10], "input")
    elif meta.get("date"):
        article.published = Published(cast(str, meta["date"]), "html-meta")
    _fill(article, lines, meta, captions)
    if not article.paragraphs:
        raise InputRejected("no article text found in the HTML", source=raw.source)
    return article


def _fill(article: Article, lines: list[tuple[str, str]], meta: dict[str, Any],
          captions: list[str]) -> None:
    titles = {k for k in (_key(t) for t in [article.title or "", *meta.get("titles", [])]) if k}
    standfirst_key = _key(article.standfirst or "")
    url_key = _key(article.url or "")
    caption_keys = {_key(c) for c in captions}
    keys = [_key(text) for _, text in lines]
    # What a page prints above its own headline (teasers, a promo strip) is not the story.
    top = next((i for i, k in enumerate(keys) if k in titles), 0)
    if 2 * sum(len(t) for _, t in lines[:top]) > sum(len(t) for _, t in lines[top:]):
        top = 0
    if article.title:
        article.blocks.append(Block("title", article.title))
    in_lead = True
    for i, ((kind, text), key) in enumerate(zip(lines, keys, strict=True)):
        if not key:
            continue
        role, why = _role(kind, text, key, in_lead)
        if i < top:
            role, why = "chrome", "above headline"
        elif key in titles or (in_lead and kind == "heading" and
                               any(len(t) > 20 and key.startswith(t) for t in titles)):
            role, why = "title", "headline repeated"
        elif in_lead and kind == "heading" and key == standfirst_key:
            role, why = "standfirst", "standfirst in body"
        elif url_key and key == url_key:
            # The page printing its own address (print view, share box) is chrome;
            # other bare links may be the content (a list of offers).
            role, why = "chrome", "own url"
        elif key in caption_keys:
            role, why = "caption", "caption"
        if role == "chrome":
            article.removed.append(text)
        elif role == "byline" and article.byline is None:
            article.byline = text
        elif role in ("paragraph", "heading"):
            article.paragraphs.append(text)
            if role == "heading":
                article.headings.append(text)
            elif len(key.split()) >= 20:
                in_lead = False
        if role != "caption":
            article.blocks.append(Block(role, text, why))
    article.captions = [c for c in captions if _key(c)]
    article.blocks.extend(Block("caption", c) for c in article.captions)


def _role(kind: str, text: str, key: str, in_lead: bool) -> tuple[BlockKind, str]:
    """The role of one extracted line judged on its own text."""
    if in_lead and len(key.split()) <= 12 and _BYLINE.match(text):
        return "byline", "byline"
    why = _why_chrome(text)
    if why:
        return "chrome", why
    return ("heading" if kind == "heading" else "paragraph"), ""
