"""Polite fetching: robots.txt, a per-host pace and cap, retries, a size cap, conditional GET.

A crisis analyst's tool fetches from the outlets it reads every 15 minutes; it must not be
the client those outlets block. So: a User-Agent that names sitrep; robots.txt obeyed (and
its Crawl-delay); at most ``per_host`` requests at once to one host and no faster than
``rate`` a second; timeouts; retries with backoff on 429 and 5xx (Retry-After honoured);
redirects followed to a limit; bodies over the size cap abandoned; ETag / Last-Modified
sent back so that a feed polled again costs a 304. Results come back in request order.
"""

from __future__ import annotations

import threading
import time
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from urllib.robotparser import RobotFileParser

import httpx

from sitrep import __version__
from sitrep.intake.urls import host
from sitrep.limits import FETCH_CONNECTIONS, FETCH_PER_HOST, FETCH_RATE

USER_AGENT = f"sitrep/{__version__} (crisis news event extraction; +https://github.com/sitrep-project/sitrep)"
_RETRY_STATUS = frozenset({429, 500, 502, 503, 504})


@dataclass(slots=True)
class Request:
    """One URL to fetch, with the validators of its last fetch (for a conditional GET)."""

    url: str
    etag: str | None = None
    last_modified: str | None = None


@dataclass(slots=True)
class Result:
    """What a fetch gave: a body, a 304, or the reason it failed (``error``)."""

    url: str
    final_url: str = ""
    status: int = 0
    body: bytes = b""
    content_type: str = ""
    etag: str | None = None
    last_modified: str | None = None
    error: str | None = None
    seconds: float = 0.0

    @property
    def not_modified(self) -> bool:
        """The server said nothing changed since the validators sent."""
        return self.status == 304


class Fetcher:
    """Fetches URLs politely over ``connections`` threads sharing one HTTP client."""

    def __init__(
        self, *, max_bytes: int, connections: int = FETCH_CONNECTIONS, per_host: int = FETCH_PER_HOST, rate: float = FETCH_RATE,
        timeout: float = 20.0, retries: int = 3, redirects: int = 5, backoff: float = 0.5,
        transport: httpx.BaseTransport | None = None,
    ) -> None:  # fmt: skip
        self.max_bytes = max_bytes
        self.connections = max(1, connections)
        self.per_host = max(1, per_host)
        self.interval = 1.0 / rate if rate > 0 else 0.0
        self.retries = retries
        self.backoff = backoff
        limits = httpx.Limits(max_connections=self.connections, max_keepalive_connections=self.connections)
        self.client = httpx.Client(
            headers={"User-Agent": USER_AGENT}, timeout=timeout, follow_redirects=True,
            max_redirects=redirects, limits=limits, transport=transport,
        )  # fmt: skip
        self._lock = threading.Lock()
        self._robots: dict[str, RobotFileParser | str | None] = {}
        self._robots_locks: dict[str, threading.Lock] = {}
        self._slots: dict[str, threading.Semaphore] = {}
        self._next: dict[str, float] = {}
        self._delay: dict[str, float] = {}

    def close(self) -> None:
        """Close the connection pool."""
        self.client.close()

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def fetch_all(self, requests: Iterable[Request]) -> Iterator[Result]:
        """Fetch each request (``connections`` at a time); results in request order."""
        with ThreadPoolExecutor(self.connections, thread_name_prefix="fetch") as pool:
            pending: deque[Future[Result]] = deque()
            for request in requests:
                pending.append(pool.submit(self.fetch, request))
                while len(pending) >= 4 * self.connections:
                    yield pending.popleft().result()
            while pending:
                yield pending.popleft().result()

    def fetch(self, request: Request) -> Result:
        """One URL: robots first, then the paced, retried, size-capped GET."""
        t = time.perf_counter()
        result = self._fetch(request)
        result.seconds = time.perf_counter() - t
        return result

    def _fetch(self, request: Request) -> Result:
        url = request.url
        if not url.lower().startswith(("http://", "https://")):
            return Result(url, error="is not an http(s) URL")
        try:
            if not httpx.URL(url).host or not host(url):
                return Result(url, error="is not a valid URL (no host)")
        except (httpx.InvalidURL, ValueError) as exc:  # an IPv6 bracket left open, a label over 63 characters
            return Result(url, error=f"is not a valid URL ({exc})")
        refused = self._robots_refusal(url)
        if refused:
            return Result(url, error=refused)
        headers = {}
        if request.etag:
            headers["If-None-Match"] = request.etag
        if request.last_modified:
            headers["If-Modified-Since"] = request.last_modified
        attempt = 0
        while True:
            result, wait = self._attempt(url, headers)
            if wait is None or attempt >= self.retries:
                return result
            attempt += 1
            time.sleep(min(30.0, max(wait, self.backoff * 2 ** (attempt - 1))))

    def _attempt(self, url: str, headers: dict[str, str]) -> tuple[Result, float | None]:
        """One GET; the result and, when worth retrying, how long to wait first."""
        name = host(url)
        with self._slot(name):
            try:
                with self.client.stream("GET", url, headers=headers) as response:
                    result = Result(
                        url, str(response.url), response.status_code,
                        content_type=response.headers.get("content-type", "").lower(),
                        etag=response.headers.get("etag"), last_modified=response.headers.get("last-modified"),
                    )  # fmt: skip
                    if response.status_code in _RETRY_STATUS:
                        result.error = f"HTTP {response.status_code}"
                        return result, _retry_after(response.headers.get("retry-after"))
                    if response.status_code == 304:
                        return result, None
                    if response.status_code >= 400:
                        result.error = f"HTTP {response.status_code}"
                        return result, None
                    declared = response.headers.get("content-length", "")
                    if declared.isdigit() and int(declared) > self.max_bytes:
                        result.error = f"too big ({int(declared):,} bytes, over the limit of {self.max_bytes:,})"
                        return result, None
                    body = bytearray()
                    for chunk in response.iter_bytes():
                        body += chunk
                        if len(body) > self.max_bytes:
                            result.error = f"too big (over the limit of {self.max_bytes:,} bytes)"
                            return result, None
                    result.body = bytes(body)
                    return result, None
            except httpx.TooManyRedirects:
                return Result(url, error="too many redirects"), None
            except httpx.TimeoutException:
                return Result(url, error="timed out"), 0.0
            except httpx.TransportError as exc:
                return Result(url, error=f"cannot connect ({type(exc).__name__})"), 0.0
            except httpx.HTTPError as exc:
                return Result(url, error=f"failed ({type(exc).__name__}: {exc})"), None
            except (OSError, ValueError) as exc:  # raised below httpx: a name IDNA cannot encode
                return Result(url, error=f"cannot connect ({type(exc).__name__}: {exc})"), None

    def _slot(self, name: str) -> _Slot:
        with self._lock:
            slot = self._slots.setdefault(name, threading.Semaphore(self.per_host))
        return _Slot(self, name, slot)

    def _pace(self, name: str) -> None:
        """Wait until this host may be asked again (the rate, or robots' Crawl-delay)."""
        interval = max(self.interval, self._delay.get(name, 0.0))
        with self._lock:
            now = time.monotonic()
            at = max(now, self._next.get(name, 0.0))
            self._next[name] = at + interval
        if at > now:
            time.sleep(at - now)

    def _robots_refusal(self, url: str) -> str | None:
        """Why robots.txt keeps this URL out (None: allowed)."""
        name = host(url)
        with self._lock:
            lock = self._robots_locks.setdefault(name, threading.Lock())
        with lock:  # one robots.txt request per host, the others wait for it
            if name not in self._robots:
                self._robots[name] = self._load_robots(url)
        robots = self._robots[name]
        if isinstance(robots, str):
            return robots
        return None if robots is None or robots.can_fetch(USER_AGENT, url) else "forbidden by robots.txt"

    def _load_robots(self, url: str) -> RobotFileParser | str | None:
        """The host's robots.txt: its rules, None (no rules: everything allowed), or why the
        host is off limits. RFC 9309: a 4xx means no rules; a 5xx or no answer means the whole
        site is off limits for now (said as such, not as a robots ban)."""
        scheme = url.split(":", 1)[0].lower()
        robots_url = f"{scheme}://{host(url)}/robots.txt"
        try:
            response = self.client.get(robots_url)
        except httpx.TimeoutException:
            return "timed out (asking for robots.txt)"
        except (httpx.HTTPError, OSError, ValueError) as exc:  # a host name IDNA cannot encode, too
            return f"cannot connect ({type(exc).__name__})"
        if 400 <= response.status_code < 500:
            return None
        if response.status_code >= 500:
            return f"robots.txt answers HTTP {response.status_code}: the site is off limits for now"
        parser = RobotFileParser(robots_url)
        parser.parse(response.text[:500_000].splitlines())
        delay = parser.crawl_delay(USER_AGENT)
        if delay:
            self._delay[host(url)] = min(float(delay), 30.0)
        return parser


class _Slot:
    """A host's concurrency slot, paced on entry."""

    def __init__(self, fetcher: Fetcher, name: str, semaphore: threading.Semaphore) -> None:
        self.fetcher, self.name, self.semaphore = fetcher, name, semaphore

    def __enter__(self) -> None:
        self.semaphore.acquire()
        self.fetcher._pace(self.name)

    def __exit__(self, *exc: object) -> None:
        self.semaphore.release()


def _retry_after(value: str | None) -> float:
    """Seconds a 429/503's Retry-After asks for (0 when absent or a date)."""
    if value and value.strip().isdigit():
        return float(value.strip())
    return 0.0
