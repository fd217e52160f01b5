"""Cheap lxml work around trafilatura's pass: parsing, page metadata, captions, mending.

Everything here reads or edits the parsed tree directly with a few XPath queries,
so the HTML path costs one trafilatura pass plus a small, fixed amount.
"""

from __future__ import annotations

import html as htmllib
import json
import re
from datetime import date
from typing import Any

from lxml import etree
from lxml.html import HtmlElement

from sitrep.rxfactor import compiled

_SPACES = compiled(r"\s+")
_TAGS = compiled(r"<(script|style|noscript)\b.*?</\1\s*>|<!--.*?-->|<[^>]*>", re.I | re.S)
_SEPARATORS = compiled(r"\s+[|\-–—:·•»]\s+|\s+::\s+")
_ISO_DATE = compiled(r"^(\d{4})-(\d{2})-(\d{2})")
_ARTICLE_TYPES = {"newsarticle", "article", "reportagenews", "blogposting", "analysisnewsarticle",
                  "opinionnewsarticle", "webpage", "liveblogposting", "report"}
_CAPTION_CLASS = compiled(r"(^|[\s_-])(wp-caption-text|caption|image-caption|img-caption|"
                            r"media-caption|photo-caption)($|[\s_-])", re.I)
_INLINE = {"a", "em", "strong", "b", "i", "u", "span", "sup", "sub", "small", "abbr", "cite",
           "code", "q", "s", "mark", "time", "font"}
_LEADING_TEXT_MIN = 40


def norm(text: str) -> str:
    """Collapse whitespace runs and trim."""
    return _SPACES.sub(" ", text).strip()


def parse_html(html: str) -> HtmlElement | None:
    """Parse with trafilatura's own loader (same tree as the baseline); ``None`` if hopeless."""
    from trafilatura.utils import load_html  # untyped; imported here to keep the cast local

    try:
        tree = load_html(html)
    except (etree.LxmlError, ValueError, TypeError, RecursionError, MemoryError):
        return None
    return tree if isinstance(tree, HtmlElement) else None


def strip_tags(html: str) -> str:
    """Text of markup lxml cannot parse: tags, scripts and styles dropped, entities decoded."""
    text = _TAGS.sub("\n", html)
    return htmllib.unescape(text)


def _meta_map(tree: HtmlElement) -> dict[str, str]:
    out: dict[str, str] = {}
    for el in tree.iterfind(".//meta"):
        key = (el.get("property") or el.get("name") or el.get("itemprop") or "").strip().lower()
        content = el.get("content")
        if key and content and key not in out:
            out[key] = norm(content)
    return out


def _ld_objects(tree: HtmlElement) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for script in tree.iterfind('.//script[@type="application/ld+json"]'):
        try:
            data = json.loads(script.text or "")
        except (ValueError, RecursionError):
            continue
        stack = [data]
        while stack and len(out) < 50:
            item = stack.pop()
            if isinstance(item, list):
                stack.extend(item)
            elif isinstance(item, dict):
                out.append(item)
                if isinstance(item.get("@graph"), list):
                    stack.extend(item["@graph"])
    return out


def _ld_article(objects: list[dict[str, Any]]) -> dict[str, Any]:
    for obj in objects:
        kind = obj.get("@type")
        kinds = kind if isinstance(kind, list) else [kind]
        if any(isinstance(k, str) and k.lower() in _ARTICLE_TYPES for k in kinds):
            return obj
    return {}


def strip_site_suffix(title: str, site: str | None) -> str:
    """Drop a trailing (or leading) " | Site" / " - Site" part from a page title."""
    parts = _SEPARATORS.split(title)
    if len(parts) < 2:
        return title
    site_key = _squash(site or "")

    def names_site(part: str) -> bool:
        key = _squash(part)
        return bool(site_key and key and (key in site_key or site_key in key))

    def looks_like_site(part: str, rest: list[str]) -> bool:
        # Without a declared site name only a short tail shorter than the headline goes.
        return len(part.split()) <= 4 and len(part) < 40 and len(" ".join(rest)) > len(part)

    before = len(parts)
    if names_site(parts[0]):
        parts.pop(0)
    while len(parts) > 1 and names_site(parts[-1]):
        parts.pop()
    if len(parts) == before:
        while len(parts) > 1 and looks_like_site(parts[-1], parts[:-1]):
            parts.pop()
    # Cut the original so that separators inside the headline ("Brexit: what next") stay.
    start = title.find(parts[0])
    end = title.find(parts[-1], max(start, 0)) + len(parts[-1])
    return norm(title[start:end]) if 0 <= start < end else " ".join(parts)


def _squash(text: str) -> str:
    return re.sub(r"\W+", "", text.lower())


def _text_of(el: HtmlElement) -> str:
    return norm(" ".join(el.itertext()))


def _iso_day(value: object) -> str | None:
    if not isinstance(value, str):
        return None
    m = _ISO_DATE.match(value.strip())
    if not m:
        return None
    try:
        day = date.fromisoformat(m.group(0))
    except ValueError:
        return None
    # Placeholder dates ("0001-01-01") and far futures are template defaults, not dates.
    return m.group(0) if 1990 <= day.year <= date.today().year + 1 else None


def _date(
    meta: dict[str, str], ld: dict[str, Any], tree: HtmlElement, url: str | None
) -> str | None:
    for value in (meta.get("article:published_time"), ld.get("datePublished"),
                  meta.get("datepublished"), meta.get("og:published_time"),
                  meta.get("publish-date"), meta.get("pubdate"), meta.get("date")):
        day = _iso_day(value)
        if day:
            return day
    try:
        from htmldate import find_date

        found = find_date(tree, extensive_search=False, original_date=True, url=url)
    except Exception:  # htmldate walks arbitrary markup; a date is never worth a crash
        return None
    return _iso_day(found)


def page_meta(tree: HtmlElement, url: str | None) -> dict[str, Any]:
    """Title, title variants, standfirst, outlet and date the page declares about itself."""
    meta = _meta_map(tree)
    ld = _ld_article(_ld_objects(tree))
    site = meta.get("og:site_name")
    publisher = ld.get("publisher")
    if not site and isinstance(publisher, dict) and isinstance(publisher.get("name"), str):
        site = norm(publisher["name"])
    if site:
        # "The Jerusalem Post | JPost.com": the first name is the outlet's.
        site = re.split(r"\s+[|–—]\s+", site)[0] or None
    h1 = next((t for t in (_text_of(e) for e in tree.iterfind(".//h1")) if t), None)
    title_el = tree.find(".//title")
    page_title = _text_of(title_el) if title_el is not None else ""
    headline = ld.get("headline") if isinstance(ld.get("headline"), str) else None
    candidates = [meta.get("og:title"), meta.get("twitter:title"), headline, h1, page_title]
    variants = [strip_site_suffix(norm(c), site) for c in candidates if c]
    title = variants[0] if variants else None
    description = ld.get("description") if isinstance(ld.get("description"), str) else None
    standfirst = next((norm(d) for d in (meta.get("og:description"), meta.get("description"),
                                         meta.get("twitter:description"), description) if d), None)
    return {
        "title": title,
        "titles": list(dict.fromkeys(variants + [norm(c) for c in candidates if c])),
        "standfirst": standfirst,
        "outlet": site,
        "date": _date(meta, ld, tree, url),
    }


def caption_texts(tree: HtmlElement) -> list[str]:
    """Text of figcaptions and caption-classed elements, in page order, without repeats."""
    out: list[str] = []
    seen: set[str] = set()
    for el in tree.xpath('//figcaption|//*[contains(@class, "caption")]'):
        if el.tag == "figcaption" or _CAPTION_CLASS.search(el.get("class") or ""):
            text = _text_of(el)
            if text and len(text) < 600 and text not in seen:
                seen.add(text)
                out.append(text)
    # A caption inside a caption (a credit span) repeats text: keep the outer one only.
    return [t for t in out if not any(t != o and t in o for o in out)]


def mend_tree(tree: HtmlElement) -> None:
    """Wrap the loose leading text of a ``<br>``-broken container in a <p>.

    Sites that write the body as bare text in a ``<div>``, broken by ``<br>`` and
    images, lose the first paragraph in trafilatura: the text after each ``<br>``
    is kept, the text before the first one is not. Only such containers are
    touched: adding a <p> elsewhere can move trafilatura's choice of main node.
    """
    for div in list(tree.iter("div", "section", "article", "td")):
        text = div.text
        if not text or len(text.strip()) < _LEADING_TEXT_MIN or div.find("br") is None:
            continue
        para = etree.Element("p")
        para.text = text
        div.text = None
        # The inline elements that continue the sentence go into the paragraph too.
        while len(div) and isinstance(div[0].tag, str) and div[0].tag in _INLINE:
            para.append(div[0])
        div.insert(0, para)
