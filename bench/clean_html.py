"""Benchmark the HTML cleaning path against trafilatura alone on the same pages.

    python bench/clean_html.py [--repeat N] [--eval-dir DIR]

Loads the ScrapingHub pages of ``cleaning_html.dev.jsonl`` once, then times
``sitrep.clean.html.clean_html`` and ``trafilatura.extract(html, favor_precision=True)``
in the same process on the same decoded strings, and prints pages/s, the speed
ratio and the shingle P/R/F1 of each.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
import time
from collections.abc import Callable
from pathlib import Path

import trafilatura
from charset_normalizer import from_bytes

from sitrep.clean.html import clean_html
from sitrep.errors import InputRejected
from sitrep.evaluate.shingles import aggregate, match
from sitrep.model import RawArticle

DEFAULT_EVAL = Path(__file__).resolve().parents[2] / "shared" / "eval"
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([\w.:-]+)""", re.I)


def decode(data: bytes) -> str:
    """Decode page bytes: declared charset first, then UTF-8, then charset_normalizer."""
    m = _CHARSET.search(data[:8192])
    if m:
        try:
            return data.decode(m.group(1).decode("ascii"))
        except (LookupError, UnicodeDecodeError):
            pass
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        best = from_bytes(data).best()
        return str(best) if best is not None else data.decode("utf-8", "replace")


def load(eval_dir: Path) -> list[tuple[RawArticle, str]]:
    """The eval pages as (RawArticle, gold body) pairs."""
    out = []
    with (eval_dir / "cleaning_html.dev.jsonl").open(encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            html = decode(gzip.decompress((eval_dir / rec["html_file"]).read_bytes()))
            raw = RawArticle(id=rec["id"], source=rec["html_file"], html=html, url=rec["url"])
            out.append((raw, rec["clean"]))
    return out


def _sitrep(raw: RawArticle) -> str:
    try:
        return clean_html(raw).text
    except InputRejected:
        return ""


def _trafilatura(raw: RawArticle) -> str:
    return trafilatura.extract(raw.html, favor_precision=True) or ""


def _time(fn: Callable[[RawArticle], str], pages: list[tuple[RawArticle, str]],
          repeat: int) -> tuple[float, list[str]]:
    outs: list[str] = []
    start = time.perf_counter()
    for _ in range(repeat):
        outs = [fn(raw) for raw, _ in pages]
    return time.perf_counter() - start, outs


def main() -> int:
    """Run the benchmark and print the table."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--repeat", type=int, default=3, help="timed passes over the pages")
    ap.add_argument("--eval-dir", type=Path, default=DEFAULT_EVAL)
    args = ap.parse_args()
    if not (args.eval_dir / "cleaning_html.dev.jsonl").is_file():
        print(f"eval data not found: {args.eval_dir}/cleaning_html.dev.jsonl is absent; "
              "this benchmark needs ../shared/eval (or --eval-dir)", file=sys.stderr)
        return 2
    pages = load(args.eval_dir)
    repeat = max(1, args.repeat)
    # One untimed pass each: both sides pay one-off costs (lxml, htmldate and
    # dateparser tables) that a long run amortises.
    _time(_sitrep, pages, 1)
    _time(_trafilatura, pages, 1)
    rows = {}
    for name, fn in (("sitrep clean_html", _sitrep), ("trafilatura favor_precision", _trafilatura)):
        seconds, outs = _time(fn, pages, repeat)
        scores = aggregate(match(gold, out) for (_, gold), out in zip(pages, outs, strict=True))
        rows[name] = (len(pages) * repeat / seconds, scores)
    print(f"{len(pages)} pages x {repeat} passes")
    print(f"{'':30s} {'pages/s':>9s} {'P':>7s} {'R':>7s} {'F1':>7s}")
    for name, (rate, s) in rows.items():
        print(f"{name:30s} {rate:9.1f} {s['precision']:7.4f} {s['recall']:7.4f} {s['f1']:7.4f}")
    ours, theirs = (rows[k][0] for k in rows)
    print(f"speed ratio (sitrep / trafilatura): {ours / theirs:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
