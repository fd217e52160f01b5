"""Lines of a text-dumped page and the cheap features cleaning decides on."""

from __future__ import annotations

from dataclasses import dataclass
from itertools import chain, islice

from sitrep.clean.chrome import chrome_reason
from sitrep.clean.language import SAMPLE, guess_words, is_cjk
from sitrep.rxfactor import compiled

_WORD = compiled(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
# The same on a lower-cased ASCII line, where a plain class is faster than a Unicode category.
_WORD_ASCII = compiled(r"[a-z]+(?:'[a-z]+)?")
# What a sentence ends with (closing quotes and brackets too): one set lookup on
# a line's last character.
_TERMINAL = frozenset(".!?…:;\"”’'»)]")


_CJK = compiled(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af]")


@dataclass(slots=True)
class Line:
    """One non-blank line of the input with the features cleaning looks at."""

    index: int
    text: str
    low: str  # the text lower-cased, for the cue patterns (see ``lowered``)
    words: int
    stop_ratio: float
    terminal: bool
    gap_before: bool
    chrome: str | None

    @property
    def sentence_like(self) -> bool:
        """Reads like running prose: long enough, function words, ends like a sentence."""
        return self.words >= 8 and self.terminal and self.stop_ratio >= 0.15


def normalise(line: str) -> str:
    """Collapse runs of spaces (non-breaking and zero-width ones too) and trim."""
    if "\u200b" in line:
        line = line.replace("\u200b", " ")
    return " ".join(line.split())


def read_lines(raw: str) -> tuple[str | None, list[Line]]:
    """The page's language (ISO code or None) and its non-blank lines.

    Each line is tokenised once: the same words tell the page's language (from
    the first ``SAMPLE`` of them) and each line's share of that language's
    function words. With no stop list (CJK, or an unknown language) prose is
    told by length and punctuation alone.
    """
    # splitlines breaks at Unicode line and paragraph separators too (press
    # releases pasted from Word use them).
    pieces = _unwrap(raw.splitlines())
    lows = [text.lower() for text, _ in pieces]
    words = [(_WORD_ASCII if low.isascii() else _WORD).findall(low) for low in lows]
    language = is_cjk(raw)
    if language is not None:
        stops: frozenset[str] = frozenset()
    else:
        language, stops = guess_words(islice(chain.from_iterable(words), SAMPLE))
    out: list[Line] = []
    hit = stops.__contains__
    for (text, gap), low, toks in zip(pieces, lows, words, strict=True):
        n = len(toks)
        cjk = 0 if text.isascii() else len(_CJK.findall(text))
        if cjk:
            # Scripts without spaces: about two characters make a word.
            n = n - sum(1 for w in toks if _CJK.search(w)) + cjk // 2
        # With no stop list every line gets a neutral share.
        stop_ratio = (sum(map(hit, toks)) / n if n else 0.0) if stops else 0.3
        out.append(
            Line(
                index=len(out),
                text=text,
                low=low,
                words=n,
                stop_ratio=stop_ratio,
                terminal=text[-1] in _TERMINAL,
                gap_before=gap,
                chrome=chrome_reason(text, low, toks),
            )
        )
    return language, out


_CONTINUES = compiled(r"^[a-z]")


def _open_end(text: str) -> bool:
    """Whether ``text`` ends in a word character or a comma (as ``[\\w,]$`` would match)."""
    last = text[-1]
    return last.isalnum() or last in ",_"


def _unwrap(pieces: list[str]) -> list[tuple[str, bool]]:
    """Normalised non-blank lines, each with whether a blank line came before it.

    Hard-wrapped prose (press releases, e-mail) is joined back: a line that starts
    in lower case continues an unfinished line of three words or more before it.
    """
    out: list[tuple[str, bool]] = []
    gap = True
    for piece in pieces:
        text = normalise(piece)
        if not text:
            gap = True
            continue
        if (
            not gap
            and out
            and _CONTINUES.match(text)
            and _open_end(out[-1][0])
            and out[-1][0].count(" ") >= 2
        ):
            out[-1] = (out[-1][0] + " " + text, out[-1][1])
        else:
            out.append((text, gap))
        gap = False
    return out
