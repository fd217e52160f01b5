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
import sqlite3
import unicodedata
import zlib
from dataclasses import dataclass, field
from typing import Literal

import numpy as np

from sitrep.rxfactor import compiled
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
# A candidate must share this many index keys (bands or long sentences) to be verified.
MIN_KEYS = 2
# A paragraph carries the other's copy when this share of its shingles is found there.
PARAGRAPH_SHARED = 0.5

Relation = Literal["duplicate", "update", "trimmed", "reprint"]

_WORD = compiled(r"\w+")
_SENTENCE_END = compiled(r"(?<=[.!?…])[\"'”’»)]*\s+|\n+")
_PARAGRAPHS = compiled(r"\n\s*\n")
_MASK32 = np.uint64(0xFFFFFFFF)
_RNG = np.random.default_rng(20210812)  # fixed: stored band keys must not change between runs
# Full 64-bit multipliers: with a < 2**32 the product of a 32-bit shingle never wraps, the
# "hash" is monotone in the shingle, and every permutation picks the same minimum.
_A = _RNG.integers(1, 2**64, size=PERMUTATIONS, dtype=np.uint64) | np.uint64(1)
_B = _RNG.integers(0, 2**64, size=PERMUTATIONS, dtype=np.uint64)
_BAND_MIX = _RNG.integers(1, 2**63, size=ROWS, dtype=np.uint64) | np.uint64(1)
_BAND_SALT = _RNG.integers(1, 2**63, size=BANDS, dtype=np.uint64)


def words(text: str) -> list[str]:
    """Lower-case word tokens, with typographic variants (curly quotes, ligatures) folded."""
    if not text.isascii():
        text = unicodedata.normalize("NFKC", text)
    return _WORD.findall(text.lower())


def paragraphs_of(text: str) -> list[str]:
    """The paragraphs of a clean text (blank-line separated), as ``Article.text`` joins them."""
    return [p for p in _PARAGRAPHS.split(text) if p.strip()]


# Odd multipliers combining a window's token hashes into one shingle hash (wrapping uint64).
_WINDOW = np.array([0x9E3779B97F4A7C15, 0xC2B2AE3D27D4EB4F, 0x165667B19E3779F9, 0x27D4EB2F165667C5, 0xFF51AFD7ED558CCD], dtype=np.uint64)[:SHINGLE]  # fmt: skip


# Token -> crc32: news vocabulary repeats, and a dict lookup is cheaper than hashing.
_TOKEN_HASH: dict[str, int] = {}
_TOKEN_CACHE = 500_000


_U32 = np.dtype("<u4")
_EMPTY = np.zeros(0, dtype=_U32)


def _paragraph_windows(paragraph_tokens: list[list[str]]) -> list[np.ndarray]:
    """Each paragraph's shingles (hashed word 5-grams inside it), unsorted, with repeats.

    A paragraph too short for one 5-gram is one shingle: its whole wording.
    """
    flat = [t for tokens in paragraph_tokens for t in tokens]
    windows = _EMPTY
    if len(flat) >= SHINGLE:
        cache = _TOKEN_HASH
        if len(cache) > _TOKEN_CACHE:
            cache.clear()
        h = np.array(
            [cache[t] if t in cache else cache.setdefault(t, zlib.crc32(t.encode())) for t in flat],
            dtype=np.uint64,
        )
        n = len(flat) - SHINGLE + 1
        acc = np.zeros(n, dtype=np.uint64)
        for j in range(SHINGLE):
            acc += h[j : j + n] * _WINDOW[j]
        windows = (acc >> np.uint64(32)).astype(_U32)
    out: list[np.ndarray] = []
    start = 0
    for tokens in paragraph_tokens:
        end = start + len(tokens)
        if len(tokens) >= SHINGLE:
            out.append(windows[start : end - SHINGLE + 1])
        elif tokens:
            out.append(np.array([zlib.crc32(" ".join(tokens).encode())], dtype=_U32))
        else:
            out.append(_EMPTY)
        start = end
    return out


def _key(prefix: bytes, data: bytes) -> int:
    """A signed 64-bit key, as SQLite stores integers."""
    return int.from_bytes(hashlib.blake2b(prefix + data, digest_size=8).digest(), "big", signed=True)


@dataclass(slots=True)
class Fingerprint:
    """What copy detection keeps of one text: its shingles, index keys and paragraphs' shingles."""

    shingles: np.ndarray  # the whole text's, sorted and unique
    keys: list[int] = field(default_factory=list)
    # Per paragraph, unsorted: only a new text's are ever looked at, and only when it
    # turns out to be a copy, so sorting them waits until then.
    windows: list[np.ndarray] = field(default_factory=list)

    @property
    def paragraphs(self) -> list[np.ndarray]:
        """Each paragraph's shingles, sorted and unique."""
        return [np.unique(w) for w in self.windows]

    def to_blob(self) -> bytes:
        """The shingles as stored: a little-endian uint32 array, sorted."""
        return self.shingles.astype(_U32).tobytes()

    @classmethod
    def from_blob(cls, shingles: bytes) -> Fingerprint:
        """A stored fingerprint read back (without index keys or paragraphs)."""
        return cls(np.frombuffer(shingles, dtype=_U32))


def fingerprint(text: str) -> Fingerprint:
    """Shingles, LSH band keys and long-sentence keys of a clean text."""
    tokens: list[list[str]] = []
    sentence_keys: list[int] = []
    for paragraph in paragraphs_of(text):
        ptokens: list[str] = []
        for sentence in _SENTENCE_END.split(paragraph):
            stokens = words(sentence)
            # A long sentence is a key of its own: it finds a short text inside a long one.
            if len(stokens) >= SENTENCE_WORDS:
                sentence_keys.append(_key(b"s:", " ".join(stokens).encode()))
            ptokens += stokens
        tokens.append(ptokens)
    windows = _paragraph_windows(tokens)
    shingles = np.unique(np.concatenate(windows)) if windows else _EMPTY
    keys = band_keys(shingles) + sentence_keys
    return Fingerprint(shingles, list(dict.fromkeys(keys)), windows)


def signature(shingles: np.ndarray) -> np.ndarray:
    """The MinHash signature of a non-empty shingle set: one minimum per hash permutation.

    Two sets agree on a permutation's minimum with probability equal to their Jaccard similarity.
    """
    x = shingles.astype(np.uint64)
    # (a*x + b) mod 2^64, top 32 bits: multiply-shift hashing, one row per permutation.
    hashed: np.ndarray = ((_A[:, None] * x[None, :] + _B[:, None]) >> np.uint64(32)) & _MASK32
    minima: np.ndarray = hashed.min(axis=1)
    return minima


def band_keys(shingles: np.ndarray) -> list[int]:
    """MinHash the shingles with universal hashing and key each band of the signature."""
    if not len(shingles):
        return []
    rows = signature(shingles).reshape(BANDS, ROWS)
    # Each band's rows and its number folded into one 64-bit key (wrapping arithmetic).
    keys = (rows * _BAND_MIX[None, :]).sum(axis=1, dtype=np.uint64) + _BAND_SALT
    return [int(k) for k in keys.view(np.int64)]


@dataclass(slots=True)
class Overlap:
    """How much two texts share, measured on exact shingles."""

    shared: int
    containment: float  # share of the first text's shingles found in the second
    coverage: float  # share of the second text's shingles found in the first
    shared_paragraphs: list[int]  # paragraphs of the first text that carry the second's copy


def overlap(a: Fingerprint, b: Fingerprint, *, paragraphs: bool = True) -> Overlap:
    """Exact containment of ``a`` in ``b`` and of ``b`` in ``a`` (and, unless told not to,
    which paragraphs of ``a`` carry ``b``'s copy)."""
    shared = int(np.intersect1d(a.shingles, b.shingles, assume_unique=True).size)
    containment = shared / len(a.shingles) if len(a.shingles) else 0.0
    coverage = shared / len(b.shingles) if len(b.shingles) else 0.0
    carried: list[int] = []
    if paragraphs and shared and a.windows:
        sets = a.paragraphs
        sizes = np.array([len(p) for p in sets], dtype=np.int64)
        # One membership test for all paragraphs, then each paragraph's hits by prefix sums.
        hits = np.concatenate([[0], np.cumsum(np.isin(np.concatenate(sets), b.shingles))])
        ends = np.cumsum(sizes)
        found = hits[ends] - hits[ends - sizes]
        carried = [int(i) for i in np.flatnonzero((sizes > 0) & (found >= PARAGRAPH_SHARED * sizes))]
    return Overlap(shared, containment, coverage, carried)


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
    linked is revisited. Candidates are verified on their stored shingles, and the
    new version's fingerprint comes from its stage, so no stored text is read or
    tokenised again (but an earlier version's, when a new one replaces it in the index).
    """

    def __init__(self, conn: sqlite3.Connection, *, max_candidates: int = 20) -> None:
        self.conn = conn
        self.max_candidates = max_candidates

    def _fingerprints(self, pks: list[int]) -> dict[int, Fingerprint]:
        return {pk: Fingerprint.from_blob(blob) for pk, blob in sql.prints(self.conn, pks).items()}

    def link(self, pk: int, *, fp: Fingerprint | None = None) -> CopyLink | None:
        """Index stored version ``pk`` and record the copy it carries, if any.

        ``fp`` is the version's fingerprint when its stage computed it (else it is
        computed from the stored text). Runs inside the caller's transaction. A
        version indexed before is left as it is (running twice changes nothing).
        """
        if sql.is_indexed(self.conn, pk):
            return None
        # The text is read back only when no stage fingerprinted it (an upgraded database).
        head = sql.heads(self.conn, [pk]).get(pk)
        if head is None:
            return None
        article_id, outlet = head
        if fp is None:
            stored = sql.texts(self.conn, [pk]).get(pk)
            fp = fingerprint(stored.text if stored else "")
        # An article's new version replaces its old one in the index: a text is
        # never a copy of its own past, and old wording should not attract matches.
        for old in sql.texts(self.conn, sql.earlier_versions(self.conn, article_id, pk)).values():
            sql.remove_keys(self.conn, old.pk, fingerprint(old.text).keys)
        found = sql.candidates(self.conn, fp.keys, limit=self.max_candidates)
        # One shared key is chance (a stock sentence); a copy shares several.
        found = [(c, hits) for c, hits in found if hits >= min(MIN_KEYS, len(fp.keys))]
        others = self._fingerprints([c for c, _ in found])
        best: tuple[tuple[bool, int], int, Overlap, Relation] | None = None
        for cpk, _hits in found:
            if cpk not in others:
                continue
            o = overlap(fp, others[cpk], paragraphs=False)
            rel = relation(o)
            if rel is None:
                continue
            # A group's centre first (stars, not chains), then the most shared text.
            rank = (sql.group_of(self.conn, cpk) == cpk, o.shared)
            if best is None or rank > best[0]:
                best = (rank, cpk, o, rel)
        sql.add_print(self.conn, pk, fp.keys, fp.to_blob())
        if best is None:
            # A text linked before an index rebuild may no longer match: its old verdict goes.
            sql.clear_copy(self.conn, pk)
            return None
        _, copy_of, o, rel = best
        o = overlap(fp, others[copy_of])
        group = self._group(fp, copy_of)
        other = sql.heads(self.conn, [copy_of]).get(copy_of)
        same_outlet = bool(outlet and other and other[1] and outlet.lower() == other[1].lower())
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
            o = overlap(fp, centre, paragraphs=False)
            if o.shared >= MIN_SHARED and max(o.containment, o.coverage) >= MIN_CONTAINMENT / 2:
                return root
        return copy_of
