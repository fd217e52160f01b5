"""Stories: articles about the same real-world happening, clustered incrementally.

One pass, never a re-clustering: a new article is turned into a term vector
(words, word pairs, capitalised names, years and numbers; title and lead count
more), weighted by running IDF over everything stored; candidate stories come
from an inverted index on each story's strongest centroid terms, within a time
window when both sides are dated; the article joins the most similar story if
the cosine with its centroid reaches ``THRESHOLD``, else it founds a new one.
An article that carries another's wire copy joins that article's story outright.

A centroid drifts: once one article about a similar but different happening
joins (the 12th Doctor's casting in the story of the 11th's), the articles like
it follow. So after each join a story of at most ``SPLIT_MAX_MEMBERS`` articles
is checked locally: its members are split in two by average-link clustering,
and when both parts hold ``SPLIT_MIN_PART`` articles and their average cosine
is below ``SPLIT_BELOW``, the part without the founder becomes a story of its
own. The work is bounded by the one story touched; nothing else is reclustered.

The state lives in the database (``stories``, ``story_terms``, ``term_df``), so
adding one article to a large store reads a few dozen stories, not all of them.
Tuned on the stories dev file (ECB+, BASIL, WikiRef) with one parameter set.
"""

from __future__ import annotations

import json
import math
import sqlite3
from collections import Counter, defaultdict
from datetime import date

import numpy as np

from sitrep.rxfactor import compiled
from sitrep.store import consolidated as consolidated_sql

THRESHOLD = 0.12  # join the best story at or above this cosine
W_TITLE, W_LEAD, W_BODY = 3.0, 2.0, 1.0
LEAD_CHARS, BODY_CHARS = 500, 6000
W_ENTITY, W_YEAR, W_NUMBER, W_PAIR = 2.0, 1.0, 1.5, 0.5
DOC_TERMS = 150  # terms kept per article vector
CENTROID_TERMS = 150  # terms kept per story centroid
INDEX_TERMS = 150  # of those, the ones a story is found by
QUERY_TERMS = 20  # article terms used to look stories up
MAX_CANDIDATES = 40
WINDOW_DAYS = 30
SPLIT_BELOW = 0.25  # split a story whose two halves are less alike than this (average cosine)
SPLIT_MIN_PART = 4  # ... when each half holds at least this many articles
SPLIT_MAX_MEMBERS = 60  # larger stories are settled: no split check
# A story is checked for a split at every second member up to this size and at every
# SPLIT_EVERY-th past it, not at each: the check reads every member (its cost grows with the
# cube of the size), and one article more seldom turns a story in two.
SPLIT_EVERY_FROM = 16
SPLIT_EVERY = 4

_STOP = frozenset(
    ["a", "about", "above", "according", "across", "after", "again", "against", "ago", "all", "almost", "also", "although", "always", "am", "among", "an", "and", "another", "any", "are", "around", "as", "at", "away", "back", "be", "became", "because", "been", "before", "being", "below", "between", "both", "but", "by", "came", "can", "cannot", "could", "did", "do", "does", "doing", "done", "down", "during", "each", "early", "either", "else", "even", "ever", "every", "few", "first", "for", "former", "from", "further", "get", "gets", "got", "had", "has", "have", "having", "he", "her", "here", "hers", "herself", "him", "himself", "his", "how", "however", "i", "if", "in", "including", "into", "is", "it", "its", "itself", "just", "last", "late", "later", "least", "less", "like", "made", "make", "many", "may", "me", "might", "more", "most", "mostly", "much", "must", "my", "near", "nearly", "neither", "never", "new", "next", "no", "nor", "not", "now", "of", "off", "often", "on", "once", "one", "only", "or", "other", "others", "our", "ours", "out", "over", "own", "per", "put", "rather", "really", "said", "same", "say", "says", "see", "seen", "several", "she", "should", "since", "so", "some", "still", "such", "than", "that", "the", "their", "theirs", "them", "themselves", "then", "there", "these", "they", "this", "those", "though", "three", "through", "thus", "to", "today", "told", "too", "toward", "two", "under", "until", "up", "upon", "us", "use", "used", "very", "via", "was", "way", "we", "week", "well", "were", "what", "when", "where", "whether", "which", "while", "who", "whom", "whose", "why", "will", "with", "within", "without", "would", "year", "years", "yet", "you", "your", "yours", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "mr", "mrs", "ms", "dr", "percent", "people", "time"]
)
_WORD = compiled(r"[a-z][a-z0-9]+(?:['’-][a-z0-9]+)*")
# Capitalised words in a row ("Ismail Khan", "Bank of England"); a full stop ends a name.
_TOKEN = r"[A-Z][a-zA-Z0-9&'’-]*(?:\.[A-Za-z0-9]+)*"
_NAME = compiled(rf"\b{_TOKEN}(?:[ \t]+(?:of[ \t]+)?{_TOKEN})*")
_YEAR = compiled(r"\b(1[89]\d\d|20\d\d)\b")
_NUMBER = compiled(r"\b\d+(?:[.,:-]\d+)*\b")


def _stem(w: str) -> str:
    """Plural to singular, lightly: "provinces" and "province" are one term."""
    if len(w) > 4 and w.endswith("ies"):
        return w[:-3] + "y"
    if len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "us", "is")):
        return w[:-1]
    return w


def features(title: str | None, text: str) -> defaultdict[str, float]:
    """Weighted term counts of an article: words, pairs (B:), names (E:), years (Y:), numbers (N:)."""
    title = title or ""
    if title and text.startswith(title):
        text = text[len(title) :]
    counts: defaultdict[str, float] = defaultdict(float)
    parts = ((title, W_TITLE), (text[:LEAD_CHARS], W_LEAD), (text[LEAD_CHARS:BODY_CHARS], W_BODY))
    for part, weight in parts:
        if not part:
            continue
        prev = None
        for token in _WORD.findall(part.lower()):
            if token in _STOP or len(token) <= 2:
                prev = None
                continue
            token = _stem(token)
            counts[token] += weight
            if prev:
                counts[f"B:{prev} {token}"] += weight * W_PAIR
            prev = token
        for m in _NAME.finditer(part):
            name = m.group(0).rstrip(".'’-")
            before = part[max(0, m.start() - 3) : m.start()].rstrip(" ")
            # One capitalised word opening a sentence is no name.
            if (not before or before[-1] in '.!?"“”\n:') and " " not in name:
                continue
            name = name.lower()
            if name not in _STOP and len(name) >= 3:
                counts[f"E:{name}"] += weight * W_ENTITY
        for year in _YEAR.findall(part):
            counts[f"Y:{year}"] += weight * W_YEAR
        for number in _NUMBER.findall(part):
            if not _YEAR.fullmatch(number):
                counts[f"N:{number}"] += weight * W_NUMBER
    return counts


def _day(value: str | None) -> int | None:
    if not value or len(value) < 10:
        return None
    try:
        return date.fromisoformat(value[:10]).toordinal()
    except ValueError:
        return None


def _sublinear(x: float) -> float:
    return (1.0 + math.log(x)) if x >= 1 else x


def _two_groups(sim: np.ndarray) -> tuple[list[list[int]], float]:
    """Average-link agglomerative clustering of a similarity matrix down to two groups,
    and the average similarity between them."""
    groups: list[list[int]] = [[i] for i in range(len(sim))]
    total = sim.astype(float).copy()  # summed similarity between groups
    np.fill_diagonal(total, -np.inf)
    sizes = np.ones(len(sim))
    alive = np.ones(len(sim), dtype=bool)
    while len([g for g in groups if g]) > 2:
        avg = np.where(alive[:, None] & alive[None, :], total / np.outer(sizes, sizes), -np.inf)
        np.fill_diagonal(avg, -np.inf)
        i, j = divmod(int(np.argmax(avg)), len(sim))
        groups[i] += groups[j]
        groups[j] = []
        total[i, :] += total[j, :]
        total[:, i] += total[:, j]
        total[i, i] = -np.inf
        sizes[i] += sizes[j]
        alive[j] = False
    a, b = (k for k in range(len(groups)) if groups[k])
    return [groups[a], groups[b]], float(total[a, b] / (sizes[a] * sizes[b]))


def _cosine(a: dict[str, float], b: dict[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(x * b.get(t, 0.0) for t, x in a.items())


class TermCounts:
    """Document frequencies read from the store, kept from one batch's linking to the next.

    Valid while the store holds ``n`` story members: a rolled-back batch or another
    process's writes change that count, and the counts are read afresh. Bounded, as the
    vocabulary of a big corpus is."""

    __slots__ = ("df", "n")
    LIMIT = 300_000

    def __init__(self) -> None:
        self.n = -1
        self.df: dict[str, int] = {}


class StoryLinker:
    """Places newly stored articles into stories, reading and writing the store's story state.

    Document frequencies and story centroids read during one linking pass are
    cached in memory; every change is written through, inside the caller's
    transaction.
    """

    def __init__(self, conn: sqlite3.Connection, counts: TermCounts | None = None) -> None:
        self.conn = conn
        row = conn.execute("SELECT count(*) FROM story_members").fetchone()
        self.n = int(row[0])
        self.counts = counts if counts is not None else TermCounts()
        if self.counts.n != self.n or len(self.counts.df) > TermCounts.LIMIT:
            self.counts.df = {}
        self.counts.n = self.n
        self._df = self.counts.df
        # Document frequencies counted in memory, written once a batch (``flush``): a word
        # 300 articles of a batch use is one write, not 300.
        self._pending: Counter[str] = Counter()
        self._centroids: dict[int, tuple[dict[str, float], int]] = {}

    def _load_df(self, terms: list[str]) -> None:
        missing = [t for t in terms if t not in self._df]
        for i in range(0, len(missing), 500):
            chunk = missing[i : i + 500]
            marks = ",".join("?" * len(chunk))
            found = dict(self.conn.execute(f"SELECT term, df FROM term_df WHERE term IN ({marks})", chunk).fetchall())
            for t in chunk:
                self._df[t] = int(found.get(t, 0))

    def _idf(self, term: str) -> float:
        return math.log((self.n + 1) / (self._df.get(term, 0) + 1)) + 1.0

    def _vector(self, raw: dict[str, float]) -> dict[str, float]:
        v = {t: _sublinear(x) * self._idf(t) for t, x in raw.items()}
        top = sorted(v.items(), key=lambda kv: -kv[1])[:DOC_TERMS]
        norm = math.sqrt(sum(x * x for _, x in top)) or 1.0
        return {t: x / norm for t, x in top}

    def _centroid(self, story: int, stored: str) -> dict[str, float]:
        """The unit vector of a story's stored centroid (JSON term counts), decoded only when
        not cached: most candidates were read before in the pass."""
        cached = self._centroids.get(story)
        if cached and self.n <= cached[1] * 1.05:
            return cached[0]
        tf: dict[str, float] = json.loads(stored)
        self._load_df(list(tf))
        v = {t: x * self._idf(t) for t, x in tf.items()}
        norm = math.sqrt(sum(x * x for x in v.values())) or 1.0
        unit = {t: x / norm for t, x in v.items()}
        self._centroids[story] = (unit, self.n)
        return unit

    def _candidates(self, vector: dict[str, float], day: int | None) -> list[tuple[int, str, str | None, str | None]]:
        query = list(vector.items())[:QUERY_TERMS]
        if not query:
            return []
        values = ",".join("(?, ?)" for _ in query)
        rows = self.conn.execute(
            f"""WITH q(term, w) AS (VALUES {values})
                SELECT s.id, s.centroid, s.first_date, s.last_date
                FROM q JOIN story_terms AS t ON t.term = q.term JOIN stories AS s ON s.id = t.story_id
                GROUP BY s.id ORDER BY sum(q.w) DESC, s.id LIMIT ?""",
            [x for pair in query for x in pair] + [MAX_CANDIDATES],
        ).fetchall()
        out = []
        for story, centroid, first, last in rows:
            f, la = _day(first), _day(last)
            if day is not None and f is not None and la is not None and (day - la > WINDOW_DAYS or f - day > WINDOW_DAYS):
                continue
            out.append((int(story), centroid, first, last))  # (JSON: ``_centroid`` decodes it if need be)
        return out

    def link(self, pk: int, *, copy_of: int | None = None, raw: dict[str, float] | None = None) -> int:
        """Put stored version ``pk`` into a story (its copy's, the most similar, or a new one).

        ``raw`` is the version's term counts (``features``) when its stage computed them.
        """
        seen = self.conn.execute("SELECT story_id FROM story_members WHERE article_pk = ?", (pk,)).fetchone()
        if seen:
            return int(seen[0])
        if raw is None:
            row = self.conn.execute("SELECT title, text, published FROM articles WHERE pk = ?", (pk,)).fetchone()
            title, published = row[0], row[2]
            raw = features(title, row[1])
        else:
            row = self.conn.execute("SELECT title, published FROM articles WHERE pk = ?", (pk,)).fetchone()
            title, published = row[0], row[1]
        self.n += 1
        self.counts.n = self.n
        terms = list(raw)
        self._load_df(terms)
        for t in terms:
            self._df[t] += 1
        self._pending.update(terms)
        vector = self._vector(raw)
        day = _day(published)
        story, how, score = None, "founded", None
        if copy_of is not None:
            found = self.conn.execute("SELECT story_id FROM story_members WHERE article_pk = ?", (copy_of,)).fetchone()
            if found:
                story, how = int(found[0]), "copy"
        if story is None:
            best, best_score = None, -1.0
            for sid, stored, _, _ in self._candidates(vector, day):
                s = _cosine(vector, self._centroid(sid, stored))
                if s > best_score:
                    best, best_score = sid, s
            if best is not None and best_score >= THRESHOLD:
                story, how, score = best, "similar", round(best_score, 4)
        if story is None:
            cur = self.conn.execute("INSERT INTO stories (title) VALUES (?)", (title,))
            assert cur.lastrowid is not None
            story = int(cur.lastrowid)
        size = self._add(story, raw, vector, published if day is not None else None)
        member_terms = {t: round(_sublinear(raw[t]), 4) for t in vector}
        self.conn.execute(
            "INSERT INTO story_members (article_pk, story_id, how, score, terms) VALUES (?, ?, ?, ?, ?)",
            (pk, story, how, score, json.dumps(member_terms)),
        )
        if how != "founded" and (size % 2 == 0 if size <= SPLIT_EVERY_FROM else size % SPLIT_EVERY == 0):
            self._split(story)
        return int(self.conn.execute("SELECT story_id FROM story_members WHERE article_pk = ?", (pk,)).fetchone()[0])

    def flush(self) -> None:
        """Write the document frequencies counted since the last flush (inside the caller's
        transaction, before it commits)."""
        if self._pending:
            self.conn.executemany(
                "INSERT INTO term_df (term, df) VALUES (?, ?) ON CONFLICT(term) DO UPDATE SET df = df + excluded.df",
                list(self._pending.items()),
            )
            self._pending.clear()

    def _split(self, story: int) -> int | None:
        """Split ``story`` in two when its members form two groups unlike each other; the new story's id."""
        rows = self.conn.execute(
            """SELECT m.article_pk, m.terms, m.how, a.title, a.published FROM story_members AS m
               JOIN articles AS a ON a.pk = m.article_pk WHERE m.story_id = ? ORDER BY m.article_pk""",
            (story,),
        ).fetchall()
        if not 2 * SPLIT_MIN_PART <= len(rows) <= SPLIT_MAX_MEMBERS or any(r[1] is None for r in rows):
            return None
        tfs: list[dict[str, float]] = [json.loads(r[1]) for r in rows]
        index: dict[str, int] = {}
        for tf in tfs:
            for t in tf:
                index.setdefault(t, len(index))
        self._load_df(list(index))
        m = np.zeros((len(rows), len(index)))
        for i, tf in enumerate(tfs):
            for t, x in tf.items():
                m[i, index[t]] = x * self._idf(t)
        m /= np.maximum(np.linalg.norm(m, axis=1, keepdims=True), 1e-12)
        parts, between = _two_groups(m @ m.T)
        if min(len(p) for p in parts) < SPLIT_MIN_PART or between >= SPLIT_BELOW:
            return None
        # The founder's part keeps the story; the other part founds one.
        founder = next((i for i, r in enumerate(rows) if r[2] == "founded"), 0)
        moved = parts[1] if founder in parts[0] else parts[0]
        kept = [i for i in range(len(rows)) if i not in set(moved)]
        first = min(moved)
        cur = self.conn.execute("INSERT INTO stories (title) VALUES (?)", (rows[first][3],))
        assert cur.lastrowid is not None
        new = int(cur.lastrowid)
        self.conn.executemany(
            "UPDATE story_members SET story_id = ? WHERE article_pk = ?", [(new, rows[i][0]) for i in moved]
        )
        for sid, members in ((story, kept), (new, moved)):
            self._rebuild(sid, [tfs[i] for i in members], [rows[i][4] for i in members])
        consolidated_sql.restory_events(self.conn, [int(rows[i][0]) for i in moved])
        return new

    def _rebuild(self, story: int, tfs: list[dict[str, float]], published: list[str | None]) -> None:
        """A story's centroid, dates and index terms made anew from its members."""
        total: defaultdict[str, float] = defaultdict(float)
        for tf in tfs:
            for t, x in tf.items():
                total[t] += x
        ranked = sorted(total.items(), key=lambda kv: -kv[1] * self._idf(kv[0]))
        days = sorted(p[:10] for p in published if p and _day(p) is not None)
        self.conn.execute(
            "UPDATE stories SET centroid = ?, first_date = ?, last_date = ?, articles = ? WHERE id = ?",
            (
                json.dumps({t: round(x, 4) for t, x in ranked[:CENTROID_TERMS]}),
                days[0] if days else None, days[-1] if days else None, len(tfs), story,
            ),
        )  # fmt: skip
        self.conn.executemany(
            "INSERT OR IGNORE INTO story_terms (term, story_id) VALUES (?, ?)",
            [(t, story) for t, _ in ranked[:INDEX_TERMS]],
        )
        self._centroids.pop(story, None)

    def _add(self, story: int, raw: dict[str, float], vector: dict[str, float], published: str | None) -> int:
        """Add an article's terms and day to ``story``; its number of articles now."""
        row = self.conn.execute(
            "SELECT centroid, first_date, last_date, articles FROM stories WHERE id = ?", (story,)
        ).fetchone()
        tf: dict[str, float] = json.loads(row[0])
        for t in vector:
            x = raw[t]
            tf[t] = tf.get(t, 0.0) + _sublinear(x)
        self._load_df(list(tf))
        ranked = sorted(tf.items(), key=lambda kv: -kv[1] * self._idf(kv[0]))
        tf = dict(ranked[:CENTROID_TERMS])
        first, last = row[1], row[2]
        if published:
            day = published[:10]
            first = day if first is None else min(first, day)
            last = day if last is None else max(last, day)
        self.conn.execute(
            "UPDATE stories SET centroid = ?, first_date = ?, last_date = ?, articles = articles + 1 WHERE id = ?",
            (json.dumps({t: round(x, 4) for t, x in tf.items()}), first, last, story),
        )
        self.conn.executemany(
            "INSERT OR IGNORE INTO story_terms (term, story_id) VALUES (?, ?)",
            [(t, story) for t, _ in ranked[:INDEX_TERMS]],
        )
        self._centroids.pop(story, None)
        return int(row[3]) + 1
