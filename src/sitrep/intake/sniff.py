"""What an input holds, read from its first bytes rather than its name.

A ``.txt`` may be a list of URLs, a ``.xml`` an RSS feed, a ``.gz`` a WARC; a URL may answer
with a feed, a page or an image. The name only breaks ties.
"""

from __future__ import annotations

import json
import re
from typing import Literal

Sniffed = Literal["warc", "feed", "jsonfeed", "opml", "urllist", "jsonl", "html", "text"]

_WARC = re.compile(rb"^\s*(?:WARC/\d|filedesc://)")
_FEED = re.compile(rb"<(?:rss|feed|rdf:RDF)\b", re.IGNORECASE)
_OPML = re.compile(rb"<opml\b", re.IGNORECASE)
_HTML = re.compile(rb"<(?:!doctype html|html|head|body|article|div|p)\b", re.IGNORECASE)
_URL_LINE = re.compile(rb"^\s*(?:https?://\S+)\s*(?:,.*)?$", re.IGNORECASE)


def sniff(head: bytes, name: str = "") -> Sniffed:
    """The kind of content whose first bytes (a few KB, decompressed) are ``head``."""
    text = head.lstrip(b"\xef\xbb\xbf")
    if _WARC.match(text):
        return "warc"
    start = text[:1024]
    if _OPML.search(start):
        return "opml"
    if _FEED.search(start) and (text.lstrip()[:5] == b"<?xml" or not _HTML.search(start)):
        return "feed"
    stripped = text.lstrip()
    if stripped[:1] == b"{":
        first = stripped.split(b"\n", 1)[0]
        if b"jsonfeed.org/version" in stripped[:600]:
            return "jsonfeed"
        try:
            json.loads(first)
            return "jsonl"
        except ValueError:
            if name.lower().endswith((".jsonl", ".jsonl.gz")):
                return "jsonl"
    if _urllist(text, name):
        return "urllist"
    if _HTML.search(start):
        return "html"
    return "text"


def _urllist(text: bytes, name: str) -> bool:
    """One URL per line (a CSV with a ``url`` column counts): most non-blank lines are URLs."""
    lines = [ln for ln in text.splitlines()[:50] if ln.strip()]
    if len(lines) > 1 and name.lower().endswith(".csv") and b"url" in lines[0].lower():
        lines = lines[1:]
    if not lines:
        return False
    urls = sum(1 for ln in lines if _URL_LINE.match(ln) or (b"," in ln and re.search(rb"(?:^|,)\s*https?://", ln)))
    return urls >= max(1, int(0.8 * len(lines)))
