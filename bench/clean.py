"""Cleaning speed: the HTML path against trafilatura alone, and the plain-text path.

    python bench/clean.py [--repeat N]

The plain-text path runs first, on the seed articles (the aim: 500 articles/s on
one core) and on the cleaning_text pages. Then both HTML extractors run in this
process on the same pages (the ScrapingHub pages of
../shared/eval/cleaning_html.dev.jsonl), so the ratio is fair whatever the machine.
"""

from __future__ import annotations

import gzip
import json
import sys

from _common import SHARED, eval_file, parse_repeat, timed
from sitrep.clean import clean
from sitrep.encoding import decode_bytes
from sitrep.model import RawArticle


def main() -> int:
    """Print articles/s for the plain-text path, pages/s for the HTML path and trafilatura."""
    repeat = parse_repeat(__doc__)
    gold = eval_file("cleaning_html.dev.jsonl")
    if gold is None:
        return 2

    # The plain-text path first: it is what `sitrep run` does on text, where
    # trafilatura is never imported and no parsed pages are held in memory.
    seeds = [
        RawArticle(id=p.name, source=p.name, text=p.read_text("utf-8"))
        for p in sorted((SHARED / "seeds").glob("*.txt"))
    ] * 100
    clean(seeds[0])  # warm caches (stop lists, lexicons, the line model) outside the timing
    t_seeds = timed(lambda: [clean(r) for r in seeds], repeat)
    print(
        f"plain-text path    {len(seeds) / t_seeds:8.1f} articles/s  (seed articles, {len(seeds)} runs)"
    )
    text_gold = SHARED / "eval" / "cleaning_text.dev.jsonl"
    texts = [
        RawArticle(id=r["id"], source=r["id"], text=r["raw"])
        for r in map(json.loads, text_gold.open(encoding="utf-8"))
    ]
    t_texts = timed(lambda: [clean(r) for r in texts], 1)
    size = sum(len(r.text or "") for r in texts) / len(texts) / 1024
    print(
        f"plain-text path    {len(texts) / t_texts:8.1f} pages/s  (cleaning_text pages, mean {size:.0f} KB)"
    )

    import trafilatura

    pages: list[RawArticle] = []
    for line in gold.open(encoding="utf-8"):
        rec = json.loads(line)
        data = gzip.decompress((gold.parent / rec["html_file"]).read_bytes())
        html = decode_bytes(data, rec["id"], html=True)
        pages.append(RawArticle(id=rec["id"], source=rec["id"], html=html, url=rec.get("url")))

    def ours() -> None:
        for p in pages:
            clean(p)

    def theirs() -> None:
        for p in pages:
            trafilatura.extract(p.html, url=p.url, favor_precision=True)

    ours()  # warm caches outside the timing
    t_ours, t_theirs = timed(ours, repeat), timed(theirs, repeat)
    n = len(pages)
    print(f"HTML path          {n / t_ours:8.1f} pages/s  ({n} pages)")
    print(f"trafilatura alone  {n / t_theirs:8.1f} pages/s")
    print(f"ratio (ours / trafilatura): {t_theirs / t_ours:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
