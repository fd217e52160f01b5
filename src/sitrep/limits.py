"""The bounds every run keeps to, in one place (the README's "Limits" lists them)."""

from __future__ import annotations

# Articles stored (and linked into copies and stories) per transaction: a run killed
# mid-way loses at most one batch, which a rerun redoes.
BATCH = 500
# Articles the corpus-wide learning passes (chrome lines, outlet homes) look at: the first
# ones of the stream, so that memory does not grow with the corpus.
SAMPLE = 2000
# CPU seconds one article may spend in the per-article stages (a 3 KB article takes ~30 ms).
ARTICLE_SECONDS = 10.0
# Caps on one JSONL file or stream (after decompression): a small gzip of blank lines
# unpacks to gigabytes.
MAX_LINES = 10_000_000
MAX_STREAM_BYTES = 8 * 1024**3
# Fetching (#29): connections in all, at once to one host, and requests a second to one host
# (robots.txt's Crawl-delay slows it further); 0 for no pacing (a local mirror).
FETCH_CONNECTIONS = 8
FETCH_PER_HOST = 4
FETCH_RATE = 4.0
# An article's title and body hold at least this many words (runs of characters with a
# letter): below it, what came in was a page's shell, a stray line or markup.
MIN_WORDS = 4
