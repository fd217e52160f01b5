"""Feeds, feed lists and URL lists: the links they give, with what each item says of itself.

RSS 0.9x/1.0/2.0 and Atom go through feedparser (it reads the broken ones too); JSON Feed is
plain JSON; OPML and URL lists (one per line, or a CSV with a ``url`` column) are read here.
An item's title, date and the feed's outlet travel with its link as metadata.
"""

from __future__ import annotations

import csv
import html
import io
import json
import re
from dataclasses import dataclass
from datetime import UTC, datetime
from time import struct_time
from typing import Any
from urllib.parse import urljoin

from sitrep.intake.urls import is_url
from sitrep.rxfactor import compiled


@dataclass(frozen=True, slots=True)
class Item:
    """One link to fetch, with the metadata its feed gave."""

    url: str
    title: str | None = None
    published: str | None = None
    outlet: str | None = None


@dataclass(slots=True)
class Feed:
    """A parsed feed: its title and items (``error`` when nothing could be read)."""

    title: str | None
    items: list[Item]
    error: str | None = None


def parse_feed(data: bytes, base: str = "") -> Feed:
    """The items of an RSS or Atom feed (links made absolute against ``base``)."""
    import feedparser  # loads only when a feed comes

    parsed: Any = feedparser.parse(data)
    title = _text(parsed.feed.get("title"))
    items = []
    for entry in parsed.entries:
        link = entry.get("link") or next((lk.get("href") for lk in entry.get("links", []) if lk.get("href")), None)
        if not link:
            continue
        items.append(Item(urljoin(base, link), _text(entry.get("title")), _date(entry.get("published_parsed") or entry.get("updated_parsed")), title))
    if not items and parsed.get("bozo") and not parsed.entries:
        return Feed(title, [], f"not a readable feed ({type(parsed.get('bozo_exception')).__name__})")
    return Feed(title, items)


def parse_json_feed(data: bytes, base: str = "") -> Feed:
    """The items of a JSON Feed (https://jsonfeed.org/version/1.1)."""
    try:
        doc = json.loads(data.decode("utf-8", "replace"))
    except ValueError as exc:
        return Feed(None, [], f"not a readable JSON Feed ({exc})")
    if not isinstance(doc, dict) or not isinstance(doc.get("items"), list):
        return Feed(None, [], "not a JSON Feed (no items list)")
    title = _text(doc.get("title"))
    items = []
    for entry in doc["items"]:
        if isinstance(entry, dict) and isinstance(link := entry.get("url") or entry.get("external_url"), str):
            published = entry.get("date_published")
            items.append(Item(urljoin(base, link), _text(entry.get("title")), published if isinstance(published, str) else None, title))
    return Feed(title, items)


_XML_URL = compiled(r"""\bxmlUrl\s*=\s*["']([^"']+)["']""", re.IGNORECASE)


def parse_opml(data: bytes) -> list[str]:
    """The feed URLs an OPML subscription list holds."""
    return [html.unescape(u) for u in _XML_URL.findall(data.decode("utf-8", "replace")) if is_url(html.unescape(u))]


def parse_url_list(data: bytes) -> list[str]:
    """The URLs of a list: one per line, or the ``url`` column of a CSV (else each line's first URL)."""
    text = data.decode("utf-8", "replace").lstrip("\ufeff")
    lines = text.splitlines()
    if lines and "url" in [c.strip().lower() for c in lines[0].split(",")]:
        rows = csv.DictReader(io.StringIO(text))
        key = next(k for k in rows.fieldnames or [] if k.strip().lower() == "url")
        return [r[key].strip() for r in rows if r.get(key) and is_url(r[key])]
    out = []
    for line in lines:
        m = re.search(r"https?://[^\s,\"']+", line)
        if m:
            out.append(m.group(0))
    return out


def _text(value: object) -> str | None:
    return html.unescape(value).strip() or None if isinstance(value, str) else None


def _date(value: struct_time | None) -> str | None:
    if value is None:
        return None
    try:
        return datetime(*value[:6], tzinfo=UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    except (TypeError, ValueError):
        return None
