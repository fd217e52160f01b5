"""Fit the body finder's line model on the dev half of the text-cleaning gold.

Dev-only tool: needs numpy and scikit-learn, which the package does not depend
on. Lines are labelled from the gold body (a line is body when most of its word
4-grams occur in the gold), a logistic regression is fitted over
``region_features.line_features``, and the weights go to
``src/sitrep/data/models/region_lr.json`` for pure-Python inference.

    .venv/bin/python bench/tune_text.py [--gold PATH] [--folds 5] [--write]

Prints 5-fold cross-validated scores (folds by page: fit on 4/5, score the other
1/5) next to in-sample ones; the cross-validated figure is the honest one.
"""

from __future__ import annotations

import argparse
import bisect
import json
import sys
import time
from pathlib import Path
from typing import Any

import numpy as np
from sklearn.linear_model import LogisticRegression

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from sitrep.clean import clean, region  # noqa: E402
from sitrep.clean.lines import Line, read_lines  # noqa: E402
from sitrep.clean.region_features import (  # noqa: E402
    FEATURE_NAMES,
    STAGE2_NAMES,
    context_features,
    line_features,
)
from sitrep.evaluate.shingles import _TOKEN_RE, Match, aggregate, match  # noqa: E402
from sitrep.model import RawArticle  # noqa: E402

GOLD = ROOT.parent / "shared" / "eval" / "cleaning_text.dev.jsonl"
MODEL = ROOT / "src" / "sitrep" / "data" / "models" / "region_lr.json"


def label(line: Line, gold_grams: set[tuple[str, ...]], gold_text: str) -> tuple[int, int]:
    """(is body, token count) of one line against the gold body's 4-grams."""
    toks = _TOKEN_RE.findall(line.text)
    if len(toks) < 4:
        return (1 if toks and " ".join(toks) in gold_text else 0), len(toks)
    grams = [tuple(toks[i : i + 4]) for i in range(len(toks) - 3)]
    hit = sum(1 for g in grams if g in gold_grams)
    return (1 if hit * 2 > len(grams) else 0), len(toks)


def _settle_short(labs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Keep a short line's body label only next to a long body line.

    A one-word line ("Research") is found somewhere in most gold bodies; only
    when the nearest longer line before or after it is body is it likely part
    of the article (a subheading, a list item).
    """
    out = list(labs)
    long_idx = [i for i, (_, n) in enumerate(labs) if n >= 4]
    for i, (y, n) in enumerate(labs):
        if n >= 4 or not y:
            continue
        k = bisect.bisect_left(long_idx, i)
        near = [long_idx[j] for j in (k - 1, k) if 0 <= j < len(long_idx)]
        if not any(labs[j][0] for j in near):
            out[i] = (0, n)
    return out


def load(path: Path) -> list[dict[str, Any]]:
    """Rows of the gold file with their lines, features and labels."""
    rows = [json.loads(x) for x in path.open(encoding="utf-8")]
    for r in rows:
        lines = read_lines(r["raw"])[1]
        gtoks = _TOKEN_RE.findall(r["clean"])
        grams = {tuple(gtoks[i : i + 4]) for i in range(len(gtoks) - 3)}
        gtext = " " + " ".join(gtoks) + " "
        labs = [label(ln, grams, gtext) for ln in lines]
        labs = _settle_short(labs)
        r["lines"] = lines
        r["X"] = np.array(line_features(lines, None), dtype=float).reshape(-1, len(FEATURE_NAMES))
        r["y"] = np.array([a for a, _ in labs], dtype=int)
        ntok = np.array([b for _, b in labs], dtype=float)
        # Each page weighs the same, as in the metric; inside it lines weigh by length.
        r["w"] = (ntok + 2) / (ntok.sum() + 2 * len(lines) + 1) * 100
    return rows


Model = tuple[np.ndarray, float, np.ndarray, float]


def _lr(X: np.ndarray, y: np.ndarray, w: np.ndarray, c: float) -> tuple[np.ndarray, float]:
    """Logistic regression on standardised columns, mapped back to raw ones."""
    mu, sd = X.mean(0), X.std(0) + 1e-9
    lr = LogisticRegression(C=c, max_iter=3000)
    lr.fit((X - mu) / sd, y, sample_weight=w)
    coef = lr.coef_[0] / sd
    return coef, float(lr.intercept_[0] - (coef * mu).sum())


def _stack(rows: list[dict[str, Any]], key: str) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    return (
        np.vstack([r[key] for r in rows]),
        np.concatenate([r["y"] for r in rows]),
        np.concatenate([r["w"] for r in rows]),
    )


def _stage2(r: dict[str, Any], s1: np.ndarray) -> np.ndarray:
    z = context_features(r["lines"], [float(v) for v in s1])
    return np.array(z, dtype=float).reshape(-1, len(STAGE2_NAMES))


def fit(rows: list[dict[str, Any]], c: float, inner: int = 4) -> Model:
    """Both stages over ``rows``; stage 2 learns from out-of-fold stage-1 scores."""
    coef1, b1 = _lr(*_stack(rows, "X"), c)
    for k in range(inner):
        part = [r for i, r in enumerate(rows) if i % inner != k]
        ck, bk = _lr(*_stack(part, "X"), c)
        for i, r in enumerate(rows):
            if i % inner == k:
                r["Z"] = _stage2(r, r["X"] @ ck + bk)
    coef2, b2 = _lr(*_stack(rows, "Z"), c)
    return coef1, b1, coef2, b2


def predict(r: dict[str, Any], m: Model) -> np.ndarray:
    """Final log-odds of one page's lines."""
    coef1, b1, coef2, b2 = m
    return np.asarray(_stage2(r, r["X"] @ coef1 + b1) @ coef2 + b2)


def pipeline_scores(rows: list[dict[str, Any]], m: Model) -> list[Match]:
    """Shingle matches of the whole cleaner on ``rows`` with model ``m`` in place of the shipped one."""
    coef1, b1, coef2, b2 = m
    stages = ((tuple(map(float, coef1)), float(b1)), (tuple(map(float, coef2)), float(b2)))
    shipped = region._model
    region._model = lambda: stages  # type: ignore[assignment]
    try:
        return [
            match(
                r["clean"],
                clean(RawArticle(id=r["id"], source=r["id"], text=r["raw"], url=r.get("url"))).text,
            )
            for r in rows
        ]
    finally:
        region._model = shipped  # type: ignore[assignment]


def score(rows: list[dict[str, Any]], key: str, **kw: float) -> dict[str, float]:
    """Shingle P/R/F1 of the bodies the smoothing keeps from ``r[key]`` log-odds."""
    ms = []
    for r in rows:
        mask = region.smooth_mask(r["lines"], [float(v) for v in r[key]], **kw)
        pred = "\n\n".join(ln.text for ln, k in zip(r["lines"], mask, strict=True) if k)
        ms.append(match(r["clean"], pred))
    return aggregate(ms)


def report(name: str, rows: list[dict[str, Any]], key: str, **kw: float) -> float:
    """Print overall and per-corpus scores; return overall F1."""
    parts = [("all", rows)] + [
        (c, [r for r in rows if r["corpus"] == c]) for c in sorted({r["corpus"] for r in rows})
    ]
    out = []
    for tag, rs in parts:
        s = score(rs, key, **kw)
        out.append(f"{tag} P {s['precision']:.4f} R {s['recall']:.4f} F1 {s['f1']:.4f}")
    print(f"{name}: " + " | ".join(out))
    return score(rows, key, **kw)["f1"]


def main() -> None:
    """Cross-validate, fit on everything, optionally write the model."""
    ap = argparse.ArgumentParser()
    ap.add_argument("--gold", type=Path, default=GOLD)
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--c", type=float, default=0.3)
    ap.add_argument("--write", action="store_true")
    ap.add_argument("--dump", type=Path, help="pickle the rows with their scores here")
    ap.add_argument("--grid", action="store_true", help="try smoothing settings on CV output")
    ap.add_argument(
        "--pipeline",
        action="store_true",
        help="also score the whole cleaner (sitrep.clean.clean) on each held-out fold",
    )
    args = ap.parse_args()

    t0 = time.time()
    rows = load(args.gold)
    print(f"{len(rows)} pages, {sum(len(r['y']) for r in rows)} lines, {time.time() - t0:.1f}s")
    rng = np.random.default_rng(13)
    order = rng.permutation(len(rows))
    fold = {int(i): k % args.folds for k, i in enumerate(order)}
    held: list[Match] = []
    for k in range(args.folds):
        model = fit([r for i, r in enumerate(rows) if fold[i] != k], args.c)
        for i, r in enumerate(rows):
            if fold[i] == k:
                r["cv"] = predict(r, model)
        if args.pipeline:
            held.extend(pipeline_scores([r for i, r in enumerate(rows) if fold[i] == k], model))
    model = fit(rows, args.c)
    for r in rows:
        r["ins"] = predict(r, model)

    if args.grid:
        for bias in (-1.0, -0.5, 0.0, 0.5, 1.0):
            for clip in (2.0, 4.0, 8.0):
                for drop in (-99.0, -3.0, -1.5):
                    f = score(rows, "cv", bias=bias, clip=clip, drop=drop)["f1"]
                    print(f"bias {bias} clip {clip} drop {drop}: cv F1 {f:.4f}")
    report("in-sample", rows, "ins")
    report(f"{args.folds}-fold CV", rows, "cv")
    if held:
        s = aggregate(held)
        print(
            f"{args.folds}-fold CV, whole cleaner (what `sitrep eval` scores on unseen pages): "
            f"P {s['precision']:.4f} R {s['recall']:.4f} F1 {s['f1']:.4f}"
        )
    coef1, b1, coef2, b2 = model
    for names, coef in ((FEATURE_NAMES, coef1), (STAGE2_NAMES, coef2)):
        top = sorted(zip(names, coef, strict=True), key=lambda t: -abs(t[1]))[:12]
        print("top weights:", ", ".join(f"{n} {v:+.2f}" for n, v in top))
    if args.dump:
        import pickle

        keep = ("id", "corpus", "url", "raw", "clean", "y", "cv", "ins")
        with args.dump.open("wb") as fh:
            pickle.dump([{k: r[k] for k in keep} for r in rows], fh)
    if args.write:
        MODEL.parent.mkdir(parents=True, exist_ok=True)
        data = {
            "about": "Logistic regression over sitrep.clean.region_features; bench/tune_text.py",
            "features": list(FEATURE_NAMES),
            "weights": [round(float(v), 5) for v in coef1],
            "intercept": round(b1, 5),
            "stage2_features": list(STAGE2_NAMES),
            "stage2_weights": [round(float(v), 5) for v in coef2],
            "stage2_intercept": round(b2, 5),
        }
        MODEL.write_text(json.dumps(data, indent=1) + "\n", encoding="utf-8")
        print(f"wrote {MODEL}")


if __name__ == "__main__":
    main()
