"""A real local news site on 127.0.0.1 for the intake tests and bench/fetch.py.

Pages are full articles (texts the caller passes, e.g. from ../shared/eval) wrapped in HTML
with page chrome; an RSS feed, an Atom feed and a JSON Feed list them; robots.txt forbids
some; there are redirects, a slow page, a page that fails twice with 503 before it answers,
a 429 with Retry-After, an oversized page and an image. Feeds answer a conditional GET with
304 and count every request, so a test can see what was asked.
"""

from __future__ import annotations

import hashlib
import html
import json
import threading
import time
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass
class Site:
    """What the site serves and what it was asked."""

    articles: list[dict[str, str]]
    forbidden: set[int] = field(default_factory=set)
    base: str = ""
    hits: Counter[str] = field(default_factory=Counter)
    not_modified: Counter[str] = field(default_factory=Counter)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def add(self, article: dict[str, str]) -> None:
        """Publish one more article (the feeds list it from now on)."""
        with self.lock:
            self.articles.append(article)

    def page(self, i: int) -> bytes:
        a = self.articles[i]
        paras = "".join(f"<p>{html.escape(p)}</p>" for p in a["text"].split("\n") if p.strip())
        return (
            f"<!doctype html><html><head><title>{html.escape(a['title'])} | Local Wire</title>"
            f'<meta property="og:site_name" content="Local Wire">'
            f'<meta property="article:published_time" content="{a["published"]}"></head><body>'
            f'<nav><a href="/">Home</a> <a href="/world">World</a> <a href="/login">Log in</a></nav>'
            f"<article><h1>{html.escape(a['title'])}</h1>{paras}</article>"
            f"<footer>Copyright Local Wire. All rights reserved.</footer></body></html>"
        ).encode()

    def rss(self) -> bytes:
        items = "".join(
            f"<item><title>{html.escape(a['title'])}</title><link>{self.base}/news/{i}.html?utm_source=rss</link>"
            f"<pubDate>{formatdate(_epoch(a['published']), usegmt=True)}</pubDate></item>"
            for i, a in enumerate(self.articles)
        )
        return f'<?xml version="1.0"?><rss version="2.0"><channel><title>Local Wire</title>{items}</channel></rss>'.encode()

    def atom(self) -> bytes:
        entries = "".join(
            f'<entry><title>{html.escape(a["title"])}</title><link href="{self.base}/news/{i}.html"/>'
            f"<id>{i}</id><updated>{a['published']}T08:00:00Z</updated></entry>"
            for i, a in enumerate(self.articles)
        )
        return f'<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Local Wire Atom</title>{entries}</feed>'.encode()

    def json_feed(self) -> bytes:
        items = [{"id": str(i), "url": f"{self.base}/news/{i}.html", "title": a["title"], "date_published": f"{a['published']}T08:00:00Z"}
                 for i, a in enumerate(self.articles)]  # fmt: skip
        return json.dumps({"version": "https://jsonfeed.org/version/1.1", "title": "Local Wire JSON", "items": items}).encode()

    def robots(self) -> bytes:
        return ("User-agent: *\n" + "".join(f"Disallow: /news/{i}.html\n" for i in sorted(self.forbidden))).encode()


def _epoch(day: str) -> float:
    return time.mktime(time.strptime(day[:10], "%Y-%m-%d")) + 8 * 3600


def _handler(site: Site) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"
        # Headers and body leave in one write, without Nagle's wait: on a kept-alive
        # connection split writes stall ~40 ms on the client's delayed ACK.
        wbufsize = 1 << 16
        disable_nagle_algorithm = True

        def log_message(self, *args: object) -> None:
            pass

        def do_GET(self) -> None:
            path = self.path.split("?", 1)[0]
            with site.lock:
                site.hits[path] += 1
                n = site.hits[path]
            if path == "/robots.txt":
                return self._send(200, site.robots(), "text/plain")
            if path in ("/feed.xml", "/atom.xml", "/feed.json"):
                body = {"/feed.xml": site.rss, "/atom.xml": site.atom, "/feed.json": site.json_feed}[path]()
                tag = '"' + hashlib.sha1(body).hexdigest()[:16] + '"'
                if self.headers.get("If-None-Match") == tag:
                    site.not_modified[path] += 1
                    return self._send(304, b"", None, {"ETag": tag})
                kind = "application/feed+json" if path.endswith("json") else "application/rss+xml"
                return self._send(200, body, kind, {"ETag": tag})
            if path.startswith("/news/") and path.endswith(".html"):
                i = int(path[6:-5])
                if 0 <= i < len(site.articles):
                    return self._send(200, site.page(i), "text/html; charset=utf-8")
            if path.startswith("/redirect/"):
                hops = int(path.rsplit("/", 1)[1])
                target = f"/redirect/{hops - 1}" if hops > 1 else "/news/0.html"
                return self._send(302, b"", None, {"Location": target})
            if path == "/slow":
                time.sleep(3)
                return self._send(200, site.page(0), "text/html")
            if path == "/flaky":
                return self._send(503, b"busy", "text/plain") if n <= 2 else self._send(200, site.page(1), "text/html")
            if path == "/throttled":
                return self._send(429, b"slow down", "text/plain", {"Retry-After": "1"}) if n == 1 else self._send(200, site.page(2), "text/html")
            if path == "/big":
                return self._send(200, b"<html><body><p>" + b"x " * 3_000_000 + b"</p></body></html>", "text/html")
            if path == "/image.png":
                return self._send(200, b"\x89PNG\r\n\x1a\n" + b"\0" * 100, "image/png")
            return self._send(404, b"not found", "text/plain")

        def _send(self, status: int, body: bytes, ctype: str | None, headers: dict[str, str] | None = None) -> None:
            self.send_response(status)
            if ctype:
                self.send_header("Content-Type", ctype)
            for k, v in (headers or {}).items():
                self.send_header(k, v)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if body:
                self.wfile.write(body)

    return Handler


@contextmanager
def serving(site: Site) -> Iterator[Site]:
    """Serve ``site`` on a free port of 127.0.0.1 (``site.base`` is set); stop after."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(site))
    server.daemon_threads = True
    site.base = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield site
    finally:
        server.shutdown()
        server.server_close()


def articles_from(path: str, n: int) -> list[dict[str, str]]:
    """``n`` full articles (id, title, text, published day) from a shared eval JSONL."""
    out = []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            r = json.loads(line)
            text = r.get("text") or ""
            if len(text) < 400:
                continue
            title = r.get("title") or text.split(". ")[0][:90]
            out.append({"id": str(r["id"]), "title": title, "text": text, "published": (r.get("published") or "2021-08-12")[:10]})
            if len(out) == n:
                break
    return out
