"""URLs as inputs: telling one from a path, and one canonical form per page.

Two links to one page differ by scheme or host case, a default port, a fragment or the
tracking parameters a feed or a newsletter adds (``utm_source``, ``fbclid``); stored under
one canonical form, a page already stored is not fetched again.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from courlan import normalize_url

from sitrep.rxfactor import compiled

_URL = compiled(r"^https?://[^\s/$.?#][^\s]*$", re.IGNORECASE)


def is_url(value: str) -> bool:
    """Whether an input names an http(s) URL rather than a path."""
    return bool(_URL.match(value.strip()))


def canonical(url: str) -> str:
    """The URL's canonical form: lower-case scheme and host, no default port, no fragment,
    no tracking parameters (the URL as given when it cannot be parsed)."""
    try:
        return str(normalize_url(url.strip(), strict=True))
    except (ValueError, TypeError):
        return url.strip()


def host(url: str) -> str:
    """The host and port a URL is fetched from (the unit of politeness)."""
    return urlsplit(url).netloc.lower()
