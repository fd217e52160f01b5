"""Wire copy: which articles reprint, trim or update another article's text.

Each article gets a fingerprint: the hashed word 5-grams ("shingles") of every
paragraph, a MinHash signature of them cut into LSH bands, and one key per long
sentence. Band keys find near-duplicates whose wording drifted a little; sentence
keys find a short story contained in a long update, which Jaccard-based LSH
misses because the long text dilutes the overlap. Every candidate is then
verified by exact shingle containment in both directions, so an LSH accident
never becomes a copy, and boilerplate shared by unrelated articles stays far
below the thresholds.

Groups are stars, not chains: an article joins the group of the earliest stored
article it matches *directly*, never the group of something that matched
something that matched it.
"""

from __future__ import annotations

import hashlib
import re
import sqlite3
import unicodedata
import zlib
from collections import OrderedDict
from dataclasses import dataclass, field
from typing import Literal

import numpy as np

from sitrep.store import copies as sql

SHINGLE = 5
PERMUTATIONS = 128
# 32 bands of 4 rows: a pair with Jaccard 0.4 shares a band with probability ~0.56,
# one with 0.6 with ~0.98; containment is caught by the sentence keys instead.
BANDS, ROWS = 32, 4
# A sentence must be this long to be a key: short ones ("He said.") recur by chance.
SENTENCE_WORDS = 8
# The smaller text must have this share of its shingles in the other to be a copy.
MIN_CONTAINMENT = 0.4
MIN_SHARED = 15
# A paragraph carries the other's copy when this share of its shingles is found there.
PARAGRAPH_SHARED = 0.5

Relation = Literal["duplicate", "update", "trimmed", "reprint"]

_WORD = re.compile(r"\w+")
_SENTENCE_END = re.compile(r"(?<=[.!?…])[\"'”’»)]*\s+|\n+")
_PARAGRAPHS = re.compile(r"\n\s*\n")
_MASK32 = np.uint64(0xFFFFFFFF)
_RNG = np.random.default_rng(20210812)  # fixed: stored band keys must not change between runs
_A = _RNG.integers(1, 2**32, size=PERMUTATIONS, dtype=np.uint64) | np.uint64(1)
_B = _RNG.integers(0, 2**32, size=PERMUTATIONS, dtype=np.uint64)


def words(text: str) -> list[str]:
    """Lower-case word tokens, with typographic variants (curly quotes, ligatures) folded."""
    return _WORD.findall(unicodedata.normalize("NFKC", text).lower())


def paragraphs_of(text: str) -> list[str]:
    """The paragraphs of a clean text (blank-line separated), as ``Article.text`` joins them."""
    return [p for p in _PARAGRAPHS.split(text) if p.strip()]


def _shingles(tokens: list[str]) -> set[int]:
    if not tokens:
        return set()
    if len(tokens) < SHINGLE:
        return {zlib.crc32(" ".join(tokens).encode())}
    return {
        zlib.crc32(" ".join(tokens[i : i + SHINGLE]).encode())
        for i in range(len(tokens) - SHINGLE + 1)
    }


def _key(prefix: bytes, data: bytes) -> int:
    """A signed 64-bit key, as SQLite stores integers."""
    return int.from_bytes(hashlib.blake2b(prefix + data, digest_size=8).digest(), "big", signed=True)


@dataclass(slots=True)
class Fingerprint:
    """What copy detection keeps of one text: shingles per paragraph and index keys."""

    paragraphs: list[frozenset[int]]
    shingles: frozenset[int]
    keys: list[int] = field(default_factory=list)


def fingerprint(text: str) -> Fingerprint:
    """Shingles, LSH band keys and long-sentence keys of a clean text."""
    paragraphs = [frozenset(_shingles(words(p))) for p in paragraphs_of(text)]
    shingles: frozenset[int] = frozenset().union(*paragraphs) if paragraphs else frozenset()
    keys = band_keys(shingles) + sentence_keys(text)
    return Fingerprint(paragraphs, shingles, list(dict.fromkeys(keys)))


def band_keys(shingles: frozenset[int]) -> list[int]:
    """MinHash the shingles with universal hashing and key each band of the signature."""
    if not shingles:
        return []
    x = np.fromiter(shingles, dtype=np.uint64, count=len(shingles))
    # (a*x + b) mod 2^64, top 32 bits: multiply-shift hashing, one row per permutation.
    signature = (((_A[:, None] * x[None, :] + _B[:, None]) >> np.uint64(32)) & _MASK32).min(axis=1)
    rows = signature.astype(np.uint32).reshape(BANDS, ROWS)
    return [_key(b"b%d:" % i, rows[i].tobytes()) for i in range(BANDS)]


def sentence_keys(text: str) -> list[int]:
    """One key per sentence of at least ``SENTENCE_WORDS`` words, in text order."""
    keys = []
    for sentence in _SENTENCE_END.split(text):
        tokens = words(sentence)
        if len(tokens) >= SENTENCE_WORDS:
            keys.append(_key(b"s:", " ".join(tokens).encode()))
    return keys


@dataclass(slots=True)
class Overlap:
    """How much two texts share, measured on exact shingles."""

    shared: int
    containment: float  # share of the first text's shingles found in the second
    coverage: float  # share of the second text's shingles found in the first
    shared_paragraphs: list[int]  # paragraphs of the first text that carry the second's copy


def overlap(a: Fingerprint, b: Fingerprint) -> Overlap:
    """Exact containment of ``a`` in ``b`` and of ``b`` in ``a``."""
    shared = len(a.shingles & b.shingles)
    containment = shared / len(a.shingles) if a.shingles else 0.0
    coverage = shared / len(b.shingles) if b.shingles else 0.0
    paragraphs = [
        i
        for i, p in enumerate(a.paragraphs)
        if p and len(p & b.shingles) >= PARAGRAPH_SHARED * len(p)
    ]
    return Overlap(shared, containment, coverage, paragraphs)


def relation(o: Overlap) -> Relation | None:
    """What the first text is to the second, or ``None`` when it is not a copy.

    ``duplicate``: the same text (either way, 90%); ``trimmed``: the first is a
    part of the second; ``update``: the first carries most of the second and adds
    its own; ``reprint``: they share most of the smaller text's copy, each with
    text of its own.
    """
    if o.shared < MIN_SHARED or max(o.containment, o.coverage) < MIN_CONTAINMENT:
        return None
    if o.containment >= 0.9 and o.coverage >= 0.9:
        return "duplicate"
    if o.containment >= 0.9:
        return "trimmed"
    if o.coverage >= 0.5:
        return "update"
    return "reprint"


@dataclass(slots=True)
class CopyLink:
    """One article version found to carry another's copy."""

    pk: int
    copy_of: int
    group: int
    relation: Relation
    overlap: Overlap
    same_outlet: bool


class CopyLinker:
    """Links newly stored article versions to the stored article whose copy each carries.

    Incremental: a new version is fingerprinted, looked up in the key index, and
    verified against at most ``max_candidates`` stored texts; nothing already
    linked is revisited. Recently seen fingerprints are cached, so a batch of
    related articles is not re-read from the database.
    """

    def __init__(
        self, conn: sqlite3.Connection, *, max_candidates: int = 20, cache_size: int = 4096
    ) -> None:
        self.conn = conn
        self.max_candidates = max_candidates
        self.cache_size = cache_size
        self._cache: OrderedDict[int, Fingerprint] = OrderedDict()

    def _fingerprints(self, pks: list[int]) -> dict[int, tuple[Fingerprint, sql.StoredText | None]]:
        missing = [pk for pk in pks if pk not in self._cache]
        stored = sql.texts(self.conn, missing)
        out: dict[int, tuple[Fingerprint, sql.StoredText | None]] = {}
        for pk in pks:
            if pk in self._cache:
                self._cache.move_to_end(pk)
                out[pk] = (self._cache[pk], stored.get(pk))
            elif pk in stored:
                fp = fingerprint(stored[pk].text)
                self._remember(pk, fp)
                out[pk] = (fp, stored[pk])
        return out

    def _remember(self, pk: int, fp: Fingerprint) -> None:
        self._cache[pk] = fp
        if len(self._cache) > self.cache_size:
            self._cache.popitem(last=False)

    def link(self, pk: int) -> CopyLink | None:
        """Index stored version ``pk`` and record the copy it carries, if any.

        Runs inside the caller's transaction. A version indexed before is left
        as it is (running twice changes nothing).
        """
        if sql.is_indexed(self.conn, pk):
            return None
        me = sql.texts(self.conn, [pk]).get(pk)
        if me is None:
            return None
        fp = fingerprint(me.text)
        found = sql.candidates(self.conn, fp.keys, exclude_id=me.id, limit=self.max_candidates)
        others = self._fingerprints([c for c, _ in found])
        best: tuple[tuple[bool, int], int, Overlap, Relation] | None = None
        for cpk, _hits in found:
            if cpk not in others:
                continue
            o = overlap(fp, others[cpk][0])
            rel = relation(o)
            if rel is None:
                continue
            # A group's centre first (stars, not chains), then the most shared text.
            rank = (sql.group_of(self.conn, cpk) == cpk, o.shared)
            if best is None or rank > best[0]:
                best = (rank, cpk, o, rel)
        sql.add_keys(self.conn, pk, fp.keys)
        self._remember(pk, fp)
        if best is None:
            return None
        _, copy_of, o, rel = best
        group = self._group(fp, copy_of)
        other = others[copy_of][1] or sql.texts(self.conn, [copy_of]).get(copy_of)
        same_outlet = bool(me.outlet and other and other.outlet and me.outlet.lower() == other.outlet.lower())
        link = CopyLink(pk, copy_of, group, rel, o, same_outlet)
        sql.set_copy(
            self.conn,
            pk,
            copy_of=copy_of,
            group=group,
            relation=rel,
            containment=o.containment,
            coverage=o.coverage,
            shared_paragraphs=o.shared_paragraphs,
            same_outlet=same_outlet,
        )
        return link

    def _group(self, fp: Fingerprint, copy_of: int) -> int:
        """The group to join: the match's group only if this text also matches its centre."""
        root = sql.group_of(self.conn, copy_of)
        if root == copy_of:
            return root
        centre = self._fingerprints([root]).get(root)
        if centre is not None:
            o = overlap(fp, centre[0])
            if o.shared >= MIN_SHARED and max(o.containment, o.coverage) >= MIN_CONTAINMENT / 2:
                return root
        return copy_of
