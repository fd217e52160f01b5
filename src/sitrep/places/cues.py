"""Country cues: group and force names that tie a story to a country ("QSD", "FARDC").

An ACLED-style note often names one obscure village and the group that fought there; the
group says which country the village is in. Each cue occurrence counts towards the focus
country like a demonym does. The table is ``data/gazetteer/cues.tsv``, one row per group,
each with its source.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from sitrep.rxfactor import compiled

CUES_FILE = Path(__file__).resolve().parent.parent / "data" / "gazetteer" / "cues.tsv"


@lru_cache(maxsize=1)
def _table() -> tuple[re.Pattern[str], tuple[tuple[str, ...], ...]]:
    patterns: list[str] = []
    countries: list[tuple[str, ...]] = []
    for line in CUES_FILE.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        pattern, codes, *_ = line.split("\t")
        patterns.append(f"(?P<c{len(patterns)}>{pattern})")
        countries.append(tuple(codes.split()))
    # Every cue opens with a capital (or "al-"): the lookahead skips other positions at once.
    regex = compiled(r"(?<![\w-])(?=[A-Z]|al[- ])(?:" + "|".join(patterns) + r")(?![\w-])")
    return regex, tuple(countries)


def country_cues(text: str) -> list[dict[str, float]]:
    """One country distribution per cue found in ``text``, in text order."""
    regex, countries = _table()
    out: list[dict[str, float]] = []
    for m in regex.finditer(text):
        codes = countries[int((m.lastgroup or "c0")[1:])]
        out.append({cc: 1.0 / len(codes) for cc in codes})
    return out
