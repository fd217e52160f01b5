"""URLs, feeds and lists into raw articles, with what the database already knows.

A URL given to ``sitrep run`` (or listed in a URL list or an OPML) is always asked again, with
the validators of its last fetch, so that a feed polled again costs a 304; what it answers is
sniffed: a feed gives its items' links, a page is an article. An item link whose page is
stored already (same canonical URL) is not fetched again unless ``refetch``. Validators are
saved only when the run has stored what the feed gave (``save``): a run killed before that
asks the feed in full again, and nothing it listed is lost.
"""

from __future__ import annotations

import sqlite3
from collections import Counter
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from sitrep.encoding import SNIFF_BYTES, decode_bytes
from sitrep.errors import InputRejected
from sitrep.ingest import is_iso_date
from sitrep.intake.feeds import Item, parse_feed, parse_json_feed, parse_opml, parse_url_list
from sitrep.intake.fetch import Fetcher, Request, Result
from sitrep.intake.sniff import sniff
from sitrep.intake.urls import canonical
from sitrep.model import RawArticle
from sitrep.store.schema import utc_now

if TYPE_CHECKING:
    from sitrep.store import Store

_FEEDS = ("feed", "jsonfeed")


class Web:
    """Fetches for one run: given URLs, feeds and lists; counts what it did in ``stats``."""

    def __init__(
        self, store: Store | None, *, max_bytes: int, refetch: bool = False, rate: float | None = None,
        fetcher: Fetcher | None = None,
    ) -> None:  # fmt: skip
        self.store = store
        self.max_bytes = max_bytes
        self.refetch = refetch
        self._fetcher = fetcher
        self.rate = rate
        self.stats: Counter[str] = Counter()
        self.seconds = 0.0
        self._validators: dict[str, tuple[str | None, str | None]] = {}
        self._seen: set[str] = set()  # canonical URLs this run already asked (two feeds list one page)

    @property
    def fetcher(self) -> Fetcher:
        """The HTTP side, made on first use (a run of local files opens no client)."""
        if self._fetcher is None:
            self._fetcher = (
                Fetcher(max_bytes=self.max_bytes) if self.rate is None else Fetcher(max_bytes=self.max_bytes, rate=self.rate)
            )
        return self._fetcher

    def close(self) -> None:
        """Close the connection pool, if one was opened."""
        if self._fetcher is not None:
            self._fetcher.close()

    def urls(self, urls: Iterable[str], source: str | None = None) -> Iterator[RawArticle | InputRejected]:
        """Given URLs: each asked (conditionally), its answer read as a feed or a page."""
        requests = [Request(u, *self._known(canonical(u))) for u in dict.fromkeys(urls)]
        for result in self._fetch(requests):
            yield from self._answer(result, None, allow_feed=True)

    def lists(self, kind: str, data: bytes, source: str) -> Iterator[RawArticle | InputRejected]:
        """A feed, JSON Feed, OPML or URL list read from a file (``ingest.Lists``)."""
        if kind == "opml":
            yield from self.urls(parse_opml(data), source)
        elif kind == "urllist":
            yield from self.urls(parse_url_list(data), source)
        else:
            feed = parse_json_feed(data) if kind == "jsonfeed" else parse_feed(data)
            if feed.error:
                yield InputRejected(feed.error, source=source)
            yield from self._items(feed.items)

    def save(self) -> None:
        """Keep the validators of the feeds this run read, now that their items are stored."""
        if self.store is None or not self._validators:
            return
        with self.store.transaction() as conn:
            conn.executemany(
                "INSERT OR REPLACE INTO fetched (url, etag, last_modified, fetched_at) VALUES (?, ?, ?, ?)",
                [(url, etag, modified, utc_now()) for url, (etag, modified) in self._validators.items()],
            )
        self._validators.clear()

    def _known(self, url: str) -> tuple[str | None, str | None]:
        if self.store is None or self.refetch:
            return None, None
        row = self.store.conn.execute("SELECT etag, last_modified FROM fetched WHERE url = ?", (url,)).fetchone()
        return (row[0], row[1]) if row else (None, None)

    def _stored(self, url: str) -> bool:
        if self.store is None or self.refetch:
            return False
        try:
            return self.store.conn.execute("SELECT 1 FROM articles WHERE id = ? LIMIT 1", (url,)).fetchone() is not None
        except sqlite3.Error:
            return False

    def _items(self, items: list[Item]) -> Iterator[RawArticle | InputRejected]:
        todo: dict[str, Item] = {}
        for item in items:
            key = canonical(item.url)
            if key in todo or key in self._seen:
                continue
            if self._stored(key):
                self.stats["already stored"] += 1
                continue
            todo[key] = item
            self._seen.add(key)
        by_url = {i.url: i for i in todo.values()}
        for result in self._fetch([Request(i.url) for i in todo.values()]):
            yield from self._answer(result, by_url.get(result.url), allow_feed=False)

    def _fetch(self, requests: list[Request]) -> Iterator[Result]:
        for result in self.fetcher.fetch_all(requests):
            self.seconds += result.seconds
            yield result

    def _answer(self, result: Result, item: Item | None, *, allow_feed: bool) -> Iterator[RawArticle | InputRejected]:
        url = result.url
        if result.error:
            self.stats["failed"] += 1
            yield InputRejected(result.error, source=url)
            return
        if result.not_modified:
            self.stats["not modified"] += 1
            return
        self.stats["fetched"] += 1
        kind = sniff(result.body[:SNIFF_BYTES], url)
        if kind in _FEEDS and allow_feed:
            self._validators[canonical(url)] = (result.etag, result.last_modified)
            feed = parse_json_feed(result.body, result.final_url) if kind == "jsonfeed" else parse_feed(result.body, result.final_url)
            if feed.error:
                yield InputRejected(feed.error, source=url)
            yield from self._items(feed.items)
            return
        if kind in ("opml", "urllist") and allow_feed:
            urls = parse_opml(result.body) if kind == "opml" else parse_url_list(result.body)
            yield from self._items([Item(u) for u in urls])
            return
        html = "html" in result.content_type or kind == "html"
        if not html and not result.content_type.startswith("text/plain"):
            yield InputRejected(f"is not HTML ({result.content_type.split(';')[0] or 'no content type'})", source=url)
            return
        try:
            text = decode_bytes(result.body, url, html=html)
        except InputRejected as exc:
            yield exc
            return
        meta = item or Item(url)
        published = meta.published if meta.published and is_iso_date(meta.published) else None
        yield RawArticle(
            id=canonical(meta.url), source=url, html=text if html else None, text=None if html else text,
            url=canonical(result.final_url or url), outlet=meta.outlet, published=published, title=meta.title,
        )  # fmt: skip
