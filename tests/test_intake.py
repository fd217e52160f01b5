"""Intake from the web (#29), against a real local site on 127.0.0.1: feeds, URL lists, robots.txt,
conditional GET, retries, redirects, size and type limits, web archives, stdin and watch."""

from __future__ import annotations

import io
import json
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from sitrep.intake.fetch import Fetcher, Request
from sitrep.intake.sniff import sniff
from sitrep.intake.urls import canonical
from tests.conftest import EVAL, need_shared
from tests.local_site import Site, articles_from, serving


@pytest.fixture
def site() -> Iterator[Site]:
    """30 full articles of the stories dev file as pages, 3 of them forbidden by robots.txt."""
    arts = articles_from(str(need_shared(EVAL / "stories.dev.jsonl")), 30)
    with serving(Site(arts, forbidden={4, 14, 24})) as s:
        yield s


def _run(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    cmd = [sys.executable, "-m", "sitrep", "run", *args, "--quiet", "--per-host-rate", "0"]
    return subprocess.run(cmd, capture_output=True, text=True, timeout=300, input=stdin)


def _ids(db: Path) -> list[str]:
    with sqlite3.connect(db) as conn:
        return sorted(r[0] for r in conn.execute("SELECT id FROM articles"))


def test_a_feed_url_stores_the_allowed_pages_and_a_second_poll_asks_only_the_feed(site: Site, tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    first = _run(f"{site.base}/feed.xml", "--db", str(db))
    assert first.returncode == 1  # the 3 forbidden pages are named
    assert first.stderr.count("forbidden by robots.txt") == 3
    assert all(f"/news/{i}.html" in first.stderr for i in (4, 14, 24))
    assert len(_ids(db)) == 27 and site.hits["/news/4.html"] == 0
    with sqlite3.connect(db) as conn:
        title, url, outlet = conn.execute("SELECT title, url, outlet FROM articles WHERE id = ?", (f"{site.base}/news/0.html",)).fetchone()
    assert title == site.articles[0]["title"] and url == f"{site.base}/news/0.html" and outlet
    pages = sum(n for p, n in site.hits.items() if p.startswith("/news/"))
    second = _run(f"{site.base}/feed.xml", "--db", str(db))
    assert second.returncode == 0 and "0 new" in second.stdout
    assert site.not_modified["/feed.xml"] == 1
    assert sum(n for p, n in site.hits.items() if p.startswith("/news/")) == pages  # nothing fetched again
    assert len(_ids(db)) == 27


def test_two_feeds_listing_the_same_pages_fetch_and_store_each_once(site: Site, tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    done = _run(f"{site.base}/feed.xml", f"{site.base}/atom.xml", "--db", str(db))
    assert "27 new, 0 new versions" in done.stdout and done.stderr.count("forbidden by robots.txt") == 3
    assert site.hits["/news/0.html"] == 1


def test_atom_and_json_feeds_give_the_same_pages_as_rss(site: Site, tmp_path: Path) -> None:
    rss, atom, jsonfeed = tmp_path / "rss.db", tmp_path / "atom.db", tmp_path / "json.db"
    _run(f"{site.base}/feed.xml", "--db", str(rss))
    _run(f"{site.base}/atom.xml", "--db", str(atom))
    (tmp_path / "feed.txt").write_bytes(site.json_feed())  # a JSON Feed saved under a misleading name
    _run(str(tmp_path / "feed.txt"), "--db", str(jsonfeed))
    assert _ids(rss) == _ids(atom) == _ids(jsonfeed) and len(_ids(rss)) == 27


def test_a_url_list_names_each_failure_and_stores_the_rest(site: Site, tmp_path: Path) -> None:
    urls = ["/redirect/3", "/flaky", "/throttled", "/image.png", "/big", "/missing.html", "/redirect/9", "/news/5.html?utm_campaign=x"]
    listing = tmp_path / "urls.txt"
    listing.write_text("".join(f"{site.base}{u}\n" for u in urls), encoding="utf-8")
    db = tmp_path / "s.db"
    done = _run(str(listing), "--db", str(db), "--max-mb", "1")
    assert done.returncode == 1
    err = done.stderr
    assert f"{site.base}/image.png: is not HTML (image/png)" in err
    assert f"{site.base}/big: too big" in err
    assert f"{site.base}/missing.html: HTTP 404" in err
    assert f"{site.base}/redirect/9: too many redirects" in err
    # Redirected, retried after two 503s, retried after a 429's Retry-After: stored.
    stored = _ids(db)
    assert f"{site.base}/redirect/3" in stored and f"{site.base}/flaky" in stored and f"{site.base}/throttled" in stored
    assert f"{site.base}/news/5.html" in stored  # tracking parameters dropped from the id
    assert site.hits["/flaky"] == 3 and site.hits["/throttled"] == 2


def test_a_slow_page_times_out_with_its_name(site: Site) -> None:
    with Fetcher(max_bytes=1 << 20, timeout=1, retries=0) as fetcher:
        result = fetcher.fetch(Request(f"{site.base}/slow"))
    assert result.error == "timed out"


def test_a_web_archive_gives_the_same_articles_as_fetching(site: Site, tmp_path: Path) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    fetched = tmp_path / "fetched.db"
    _run(f"{site.base}/feed.xml", "--db", str(fetched))
    archive = tmp_path / "crawl.warc.gz"
    with archive.open("wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        for i in range(len(site.articles)):
            if i in site.forbidden:
                continue
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
            record = writer.create_warc_record(f"{site.base}/news/{i}.html", "response", payload=io.BytesIO(site.page(i)), http_headers=headers)
            writer.write_record(record)
        # A request record and an image response, as a crawl holds: skipped.
        writer.write_record(writer.create_warc_record(f"{site.base}/news/0.html", "request", payload=io.BytesIO(b"GET / HTTP/1.1\r\n\r\n")))
        image = StatusAndHeaders("200 OK", [("Content-Type", "image/png")], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(f"{site.base}/logo.png", "response", payload=io.BytesIO(b"\x89PNG"), http_headers=image))
    from_warc = tmp_path / "warc.db"
    done = _run(str(archive), "--db", str(from_warc))
    assert done.returncode == 0, done.stderr
    with sqlite3.connect(fetched) as a, sqlite3.connect(from_warc) as b:
        texts_a = dict(a.execute("SELECT id, text FROM articles").fetchall())
        texts_b = dict(b.execute("SELECT id, text FROM articles").fetchall())
    assert texts_a == texts_b and len(texts_a) == 27


def test_stdin_takes_jsonl(tmp_path: Path) -> None:
    with need_shared(EVAL / "events_articles.dev.jsonl").open(encoding="utf-8") as fh:
        rows = [json.loads(line) for line in fh][:3]
    lines = "".join(json.dumps({"id": r["id"], "text": r["text"]}) + "\n" for r in rows)
    db = tmp_path / "s.db"
    done = _run("-", "--db", str(db), stdin=lines)
    assert done.returncode == 0, done.stderr
    assert _ids(db) == sorted(r["id"] for r in rows)


def test_watch_picks_up_what_a_feed_adds_between_polls(site: Site, tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    feeds = tmp_path / "feeds.opml"
    feeds.write_text(f'<opml version="2.0"><body><outline xmlUrl="{site.base}/feed.xml"/></body></opml>', encoding="utf-8")
    cmd = [sys.executable, "-m", "sitrep", "watch", str(feeds), "--db", str(db), "--every", "4s", "--polls", "2", "--per-host-rate", "0"]
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    assert proc.stdout is not None
    first = proc.stdout.readline()
    site.add({**site.articles[0], "title": "Added while watching", "id": "added"})
    out, err = proc.communicate(timeout=120)
    assert "poll 1: 27 new articles" in first and "3 failed" in first
    assert "poll 2: 1 new articles" in out, (out, err)
    assert f"{site.base}/news/30.html" in _ids(db)


@pytest.mark.parametrize(
    ("head", "name", "kind"),
    [
        (b"WARC/1.0\r\nWARC-Type: warcinfo\r\n", "x.gz", "warc"),
        (b'<?xml version="1.0"?><rss version="2.0"><channel>', "x.txt", "feed"),
        (b'<?xml version="1.0"?>\n<feed xmlns="http://www.w3.org/2005/Atom">', "feed", "feed"),
        (b'{"version": "https://jsonfeed.org/version/1.1", "items": []}', "f.json", "jsonfeed"),
        (b'<opml version="2.0"><body>', "subs.xml", "opml"),
        (b"https://a.example/1\nhttps://b.example/2\n", "list.txt", "urllist"),
        (b"url,title\nhttps://a.example/1,One\n", "l.csv", "urllist"),
        (b'{"id": "a", "text": "x"}\n', "a.txt", "jsonl"),
        (b"<!doctype html><html><body><p>Hi</p>", "a.txt", "html"),
        (b"KABUL (AP) - Taliban fighters took Herat.", "a.txt", "text"),
    ],
)
def test_inputs_are_told_by_content(head: bytes, name: str, kind: str) -> None:
    assert sniff(head, name) == kind


def test_canonical_urls_drop_what_does_not_name_the_page() -> None:
    assert canonical("HTTPS://WWW.Example.com:443/a?utm_source=x&id=3&fbclid=z#top") == "https://www.example.com/a?id=3"


@pytest.mark.parametrize(
    ("url", "reason"),
    [
        ("http://[::1", "is not a valid URL"),
        ("https://", "is not a valid URL (no host)"),
        ("http://127.0.0.1:1/x", "cannot connect (ConnectError)"),
        ("http://" + "a" * 300 + ".com/", "cannot connect (UnicodeError)"),
    ],
)
def test_hostile_urls_are_named_not_crashed_on(url: str, reason: str) -> None:
    from sitrep.intake.web import Web

    web = Web(None, max_bytes=1 << 20, rate=0)
    try:
        got = list(web.urls([url]))
    finally:
        web.close()
    assert len(got) == 1 and got[0].source == url and got[0].reason.startswith(reason)  # type: ignore[union-attr]
