"""Copy detection at scale: quality and speed on a synthetic wire corpus built from the dev texts.

    python bench/copies.py [--n 100000] [--seed 1]

The corpus: originals (the dev texts of ../shared/eval, then mixtures of their
paragraphs) and, for most originals, derived articles of the kinds wire copy
takes: a reprint (typography restyled, a word changed, an outlet's own
paragraph and footer added), a trimmed reprint (the first paragraphs only), an
update (paragraphs dropped, reworded and added), and unrelated articles that
share a boilerplate footer with them. Everything goes into a real SQLite store;
then copy detection links each article in order.

Printed: precision and recall of the links (a link is right when both articles
come from one original; recall counts derived articles linked to their family),
the time and peak memory for the whole corpus, the time to add one more article
to the full database, and the same quality figures for a baseline in the same
run: MinHash LSH with Jaccard >= 0.5 verification and connected components
(the text-dedup recipe), on the same signatures.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import resource
import statistics
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

from _common import eval_file
from sitrep.copies import CopyLinker, band_keys, fingerprint, overlap, paragraphs_of
from sitrep.model import Article
from sitrep.store import Store

FOOTERS = [
    "Follow us on social media for the latest updates and sign up for our daily newsletter today.",
    "This article was produced with the help of wire services and edited by our news desk staff.",
    "Support our journalism: become a member and get unlimited access to every story we publish.",
]


def _pool() -> list[str]:
    texts: list[str] = []
    for name, key in (("stories.dev.jsonl", "text"), ("cleaning_text.dev.jsonl", "clean"), ("times.dev.jsonl", "text")):
        path = eval_file(name)
        if path is None:
            sys.exit(1)
        for line in path.open(encoding="utf-8"):
            text = json.loads(line).get(key) or ""
            if len(text.split()) >= 120:
                texts.append("\n\n".join(p.strip() for p in re.split(r"\n+", text) if p.strip()))
    return texts


def _distinct(texts: list[str]) -> list[str]:
    """The texts with reprints among them dropped (the dev files hold real wire copies)."""
    kept: list[str] = []
    prints: list = []
    where: dict[int, list[int]] = defaultdict(list)
    for text in texts:
        fp = fingerprint(text)
        near = {k for key in fp.keys for k in where.get(key, ())}
        if any(overlap(fp, prints[k], paragraphs=False).shared >= 0.1 * min(len(fp.shingles), len(prints[k].shingles)) for k in near):
            continue
        for key in fp.keys:
            where[key].append(len(kept))
        kept.append(text)
        prints.append(fp)
    return kept


def _restyle(p: str, rng: random.Random) -> str:
    p = p.replace('"', "\u201c", 1).replace("'", "\u2019")
    words = p.split()
    if len(words) > 12 and rng.random() < 0.5:
        words[rng.randrange(len(words))] = rng.choice(["reportedly", "officials", "the", "on Monday"])
    return " ".join(words)


def build(n: int, seed: int) -> list[tuple[str, str, int]]:
    """``(id, text, family)`` for n articles; a family is an original and what derives from it."""
    rng = random.Random(seed)
    pool = _distinct(_pool())
    rng.shuffle(pool)
    # Originals come from one half; the other half fills updates, mixtures and unrelated
    # articles, so that no "unrelated" article really reprints an original.
    pool, filler = pool[: len(pool) // 2], pool[len(pool) // 2 :]
    # Fresh text is made of sentences drawn across the filler texts: it reads like news
    # but reprints nothing (two fresh texts share a sentence at most, by chance).
    sentences = [x for t in filler for x in re.split(r"(?<=[.!?])\s+", t.replace("\n\n", " ")) if 8 <= len(x.split()) <= 40]

    def fresh(n_paragraphs: int) -> list[str]:
        return [" ".join(rng.sample(sentences, rng.randint(1, 3))) for _ in range(n_paragraphs)]

    out: list[tuple[str, str, int]] = []
    family = 0
    while len(out) < n:
        original = pool[family] if family < len(pool) else "\n\n".join(fresh(rng.randint(6, 14)))
        ps = paragraphs_of(original)
        out.append((f"o{family}", original, family))
        for k in range(rng.choice([0, 1, 2, 3, 4, 6])):
            kind = rng.choice(["reprint", "trim", "update", "unrelated"])
            if kind == "reprint":
                new = [_restyle(p, rng) for p in ps]
                new += fresh(1)
                text = "\n\n".join([*new, rng.choice(FOOTERS)])
                out.append((f"r{family}.{k}", text, family))
            elif kind == "trim" and len(ps) >= 4:
                cut = max(2, int(len(ps) * rng.uniform(0.4, 0.7)))
                out.append((f"t{family}.{k}", "\n\n".join(ps[:cut]), family))
            elif kind == "update":
                kept = [p for p in ps if rng.random() > 0.2] or ps[:1]
                kept = [_restyle(p, rng) if rng.random() < 0.3 else p for p in kept]
                for _ in range(max(1, len(ps) // 4)):
                    kept.insert(rng.randrange(len(kept) + 1), fresh(1)[0])
                out.append((f"u{family}.{k}", "\n\n".join(kept), family))
            else:
                # Unrelated text that shares only a footer with the reprints.
                text = "\n\n".join([*fresh(rng.randint(5, 10)), rng.choice(FOOTERS)])
                out.append((f"x{family}.{k}", text, -1 - len(out)))
        family += 1
    return out[:n]


def _score(links: dict[str, str], corpus: list[tuple[str, str, int]]) -> tuple[float, float]:
    fam = {i: f for i, _, f in corpus}
    right = sum(1 for a, b in links.items() if fam[a] == fam[b])
    seen: set[int] = set()
    expected = 0
    for _i, _, f in corpus:
        if f >= 0:
            expected += f in seen
            seen.add(f)
    found = sum(1 for a, b in links.items() if fam[a] == fam[b] and fam[a] >= 0)
    return right / max(1, len(links)), found / max(1, expected)


def baseline(corpus: list[tuple[str, str, int]]) -> tuple[dict[str, str], float]:
    """MinHash LSH, Jaccard >= 0.5 verification, connected components (union-find)."""
    t = time.perf_counter()
    parent = list(range(len(corpus)))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    buckets: dict[int, list[int]] = defaultdict(list)
    shingles = []
    for k, (_, text, _) in enumerate(corpus):
        fp = fingerprint(text)
        shingles.append(set(fp.shingles.tolist()))
        for key in band_keys(fp.shingles):
            for other in buckets[key]:
                a, b = shingles[k], shingles[other]
                if len(a & b) >= 0.5 * len(a | b):
                    parent[find(k)] = find(other)
            buckets[key].append(k)
    seconds = time.perf_counter() - t
    links = {}
    first: dict[int, int] = {}
    for k in range(len(corpus)):
        root = find(k)
        if root in first:
            links[corpus[k][0]] = corpus[first[root]][0]
        else:
            first[root] = k
    return links, seconds


def main() -> int:
    """Build the corpus, run copy detection into a store, print quality and speed."""
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=100_000, help="articles in the synthetic corpus")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--no-baseline", action="store_true")
    args = ap.parse_args()
    corpus = build(args.n, args.seed)
    print(f"corpus: {len(corpus)} articles, {len({f for _, _, f in corpus if f >= 0})} families")
    with tempfile.TemporaryDirectory() as tmp:
        store = Store(Path(tmp) / "copies.db")
        t0 = time.perf_counter()
        store.add_articles(Article(id=i, source=i, kind="text", raw=text, paragraphs=paragraphs_of(text)) for i, text, _ in corpus)
        t1 = time.perf_counter()
        pks = store.latest_pks(i for i, _, _ in corpus)
        inv = {pk: i for i, pk in pks.items()}
        links: dict[str, str] = {}
        with store.transaction() as conn:
            linker = CopyLinker(conn)
            for i, _, _ in corpus:
                link = linker.link(pks[i])
                if link:
                    links[i] = inv[link.copy_of]
        t2 = time.perf_counter()
        precision, recall = _score(links, corpus)
        rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"sitrep: precision {precision:.4f}, recall {recall:.4f}, {len(links)} links")
        print(f"  store {t1 - t0:.1f} s + copy detection {t2 - t1:.1f} s = {t2 - t0:.1f} s "
              f"({len(corpus) / (t2 - t1):.0f} articles/s detection); peak RSS {rss:.0f} MB")
        extra = build(args.n + 20, args.seed + 1)[-20:]
        times = []
        for i, text, _ in extra:
            t = time.perf_counter()
            store.add_article(Article(id=f"new-{i}", source=i, kind="text", raw=text, paragraphs=paragraphs_of(text)))
            with store.transaction() as conn:
                CopyLinker(conn).link(store.latest_pks([f"new-{i}"])[f"new-{i}"])
            times.append((time.perf_counter() - t) * 1000)
        print(f"  adding one article to {len(corpus)}: median {statistics.median(times):.1f} ms, max {max(times):.1f} ms (store + link)")
        store.close()
    if not args.no_baseline:
        # The baseline keeps every shingle set in memory: it runs on the first 10k only,
        # and sitrep's links among those (which only point backwards) are scored beside it.
        subset = corpus[:10_000]
        ids = {i for i, _, _ in subset}
        base_links, seconds = baseline(subset)
        bp, br = _score(base_links, subset)
        sp, sr = _score({a: b for a, b in links.items() if a in ids}, subset)
        print(f"on the first {len(subset)} articles: sitrep precision {sp:.4f}, recall {sr:.4f}; "
              f"baseline (MinHash LSH, Jaccard 0.5, connected components) precision {bp:.4f}, "
              f"recall {br:.4f} ({seconds:.1f} s in memory)")
        print(f"ratio: recall {sr / max(br, 1e-9):.2f}x the baseline's, precision {sp / max(bp, 1e-9):.2f}x")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
