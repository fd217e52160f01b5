"""The readable data files behind event extraction, loaded once and compiled.

``data/events/kinds.tsv`` (our kinds with their ACLED and PLOVER names, in
priority order), ``data/events/triggers.tsv`` (patterns per kind) and
``data/events/labels.tsv`` (tags that open coded notes, "Looting:", with their
kind), ``data/actors/actors.tsv`` (who acts, with ACLED-style names and interaction
codes) ``data/actors/unnamed.tsv`` (the name of a perpetrator the text leaves unnamed)
``data/actors/successions.tsv`` (actors that became another from a date on) and
``data/actors/theatres.tsv`` (forces coded under a coalition in some countries). Analysts extend the files; nothing here needs to change.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from sitrep.events.prefilter import Scanner, Starts
from sitrep.lowercue import LowerCue, lowered
from sitrep.rxfactor import compiled


@dataclass(frozen=True, slots=True)
class Kind:
    """An event kind and its counterparts in ACLED and PLOVER."""

    name: str
    family: str
    acled_type: str | None
    acled_sub: str | None
    plover_type: str | None
    plover_mode: str | None
    priority: int
    layer: str = "material"  # or "speech": a speech act, kept off the map by default

    def acled(self) -> dict[str, str] | None:
        """The CONTRACT's ``acled`` pair, or None where ACLED has no counterpart."""
        if self.acled_type and self.acled_sub:
            return {"event_type": self.acled_type, "sub_event_type": self.acled_sub}
        return None

    def plover(self) -> dict[str, str | None] | None:
        """The CONTRACT's ``plover`` pair, or None where PLOVER has no counterpart."""
        return {"type": self.plover_type, "mode": self.plover_mode} if self.plover_type else None


@dataclass(frozen=True, slots=True)
class ActorEntry:
    """One row of the actor dictionary."""

    name: str
    type: str
    inter: int


@dataclass(frozen=True, slots=True)
class Lexicon:
    """Compiled kinds, triggers and actors."""

    kinds: dict[str, Kind]
    triggers: list[tuple[Kind, re.Pattern[str]]]
    actors: Scanner
    actor_rows: list[ActorEntry]
    labels: dict[str, Kind] = field(default_factory=dict)
    # country -> (name, cue that must occur in the clause, or None) in file order
    unnamed: dict[str, list[tuple[str, re.Pattern[str] | None]]] = field(default_factory=dict)
    successions: dict[str, tuple[str, str, str, int]] = field(default_factory=dict)
    theatres: dict[tuple[str, str], tuple[str, str, int, str]] = field(default_factory=dict)
    # Where in a sentence each trigger pattern can start (by the openings of its words).
    trigger_starts: Starts = field(default_factory=lambda: Starts([]))
    # Each trigger pattern for lower-cased text, where it can be (lowercue.py): faster.
    triggers_low: list[re.Pattern[str] | None] = field(default_factory=list)


def _rows(package: str, name: str) -> list[list[str]]:
    text = (resources.files("sitrep") / "data" / package / name).read_text(encoding="utf-8")
    out = []
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        out.append(line.split("\t"))
    return out


@lru_cache(maxsize=1)
def cues() -> dict[str, re.Pattern[str]]:
    """The eventness cue patterns of ``data/events/cues.tsv`` by name, compiled."""
    out: dict[str, re.Pattern[str]] = {}
    for name, flags, pattern, *_ in _rows("events", "cues.tsv"):
        out[name] = compiled(pattern, re.IGNORECASE if flags == "i" else 0)
    return out


@lru_cache(maxsize=1)
def fast_cues() -> dict[str, LowerCue]:
    """The cues of ``cues()``, run on lower-cased text (lowercue.py): same answers, faster. A
    cue ``X.needs`` is the words every match of ``X`` holds; ``X`` is tried only where they are."""
    every = cues()
    return {name: LowerCue(pattern, every.get(name + ".needs")) for name, pattern in every.items() if not name.endswith(".needs")}


def _dash(value: str) -> str | None:
    return None if value in ("-", "") else value


def layer_of(kind: str) -> str:
    """Whether a kind is a material event ("material") or a speech act ("speech")."""
    k = load().kinds.get(kind)
    return k.layer if k else "material"


@lru_cache(maxsize=1)
def load() -> Lexicon:
    """The shipped lexicon, compiled once per process."""
    kinds: dict[str, Kind] = {}
    for i, row in enumerate(_rows("events", "kinds.tsv")):
        name, family, a_type, a_sub, p_type, p_mode = row[:6]
        layer = row[7] if len(row) > 7 else "material"
        kinds[name] = Kind(name, family, _dash(a_type), _dash(a_sub), _dash(p_type), _dash(p_mode), i, layer)
    patterns: dict[str, list[str]] = {}
    for kind, pattern in (r[:2] for r in _rows("events", "triggers.tsv")):
        if kind not in kinds:
            raise ValueError(f"triggers.tsv: unknown kind {kind!r}")
        patterns.setdefault(kind, []).append(f"(?:{pattern})")
    triggers = [
        (kinds[k], compiled(r"(?<![\w-])(?:" + "|".join(p) + r")(?![\w-])", re.IGNORECASE))
        for k, p in sorted(patterns.items(), key=lambda kv: kinds[kv[0]].priority)
    ]
    rows: list[ActorEntry] = []
    groups = []
    for i, (pattern, name, typ, inter) in enumerate(r[:4] for r in _rows("actors", "actors.tsv")):
        rows.append(ActorEntry(name, typ, int(inter)))
        # Patterns without lower-case letters are acronyms: matched exactly ("IS", "AA").
        flags = "" if re.search(r"[a-z]", pattern) else "(?-i:"
        body = f"{flags}{pattern})" if flags else f"(?:{pattern})"
        groups.append(f"(?P<a{i}>{body})")
    actors = Scanner(groups)
    labels: dict[str, Kind] = {}
    for label, kind in (r[:2] for r in _rows("events", "labels.tsv")):
        if kind not in kinds:
            raise ValueError(f"labels.tsv: unknown kind {kind!r}")
        labels[label.strip().lower()] = kinds[kind]
    unnamed: dict[str, list[tuple[str, re.Pattern[str] | None]]] = {}
    for r in _rows("actors", "unnamed.tsv"):
        cue = compiled(rf"\b(?:{r[2].strip()})\b", re.IGNORECASE) if len(r) > 2 and r[2].strip() else None
        unnamed.setdefault(r[0].strip().upper(), []).append((r[1].strip(), cue))
    successions = {r[0]: (r[1], r[2], r[3], int(r[4])) for r in _rows("actors", "successions.tsv")}
    theatres = {(r[0], cc): (r[2], r[3], int(r[4]), r[5] if len(r) > 5 else "") for r in _rows("actors", "theatres.tsv") for cc in r[1].split()}
    starts = Starts([r for _, r in triggers])
    return Lexicon(kinds, triggers, actors, rows, labels, unnamed, successions, theatres, starts, [lowered(rx) for _, rx in triggers])
