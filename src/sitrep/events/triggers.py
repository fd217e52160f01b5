"""The trigger words of one sentence (#25): where each kind's pattern matches, overlaps resolved.

The patterns of ``data/events/triggers.tsv`` run only where a word opens as they must
(``prefilter.Starts``), case-sensitively on the lower-cased sentence where they can
(``lowercue.lowered``): the same matches, several times faster than ignore-case runs.
"""

from __future__ import annotations

from sitrep.events.lexicon import Kind, Lexicon


def triggers_of(sentence: str, lex: Lexicon) -> list[tuple[Kind, int, int]]:
    """The triggers of a sentence: (kind, start, end), leftmost first per pattern, overlaps
    resolved by the order of kinds.tsv (a haul holds its weapon)."""
    hits: list[tuple[Kind, int, int]] = []
    starts = lex.trigger_starts.of(sentence)
    low = sentence.lower()  # (the patterns run faster case-sensitively on it, at the same places)
    same = len(low) == len(sentence)
    for i in lex.trigger_starts.always:
        kind, regex = lex.triggers[i]
        rx, said = (lex.triggers_low[i], low) if same and lex.triggers_low[i] is not None else (regex, sentence)
        hits.extend((kind, m.start(), m.end()) for m in rx.finditer(said))  # type: ignore[union-attr]
    for i, positions in starts.items():
        # Only where a word opens as the pattern must; leftmost and non-overlapping, as finditer.
        kind, regex = lex.triggers[i]
        rx, said = (lex.triggers_low[i], low) if same and lex.triggers_low[i] is not None else (regex, sentence)
        end = 0
        for at in positions:
            if at >= end and (m := rx.match(said, at)) is not None:  # type: ignore[union-attr]
                hits.append((kind, m.start(), m.end()))
                end = m.end()
    # Overlapping triggers: the kind listed first in kinds.tsv wins, but a haul ("found an unexploded bomb") holds its weapon.
    hits = [h for h in hits if h[0].family == "weapons" or not any(w[0].family == "weapons" and w[1] <= h[1] and h[2] <= w[2] for w in hits)]
    hits.sort(key=lambda h: (h[0].priority, h[1]))
    kept: list[tuple[Kind, int, int]] = []
    for h in hits:
        if all(h[2] <= k[1] or h[1] >= k[2] for k in kept):
            kept.append(h)
    return kept
