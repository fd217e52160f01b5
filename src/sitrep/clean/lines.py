"""Lines of a text-dumped page and the cheap features cleaning decides on."""

from __future__ import annotations

import re
from dataclasses import dataclass

from sitrep.clean.chrome import chrome_reason

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
_TERMINAL = re.compile(r"[.!?…:;\"”’'»)\]]$")
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200b\u202f\u205f\u3000]+")


# Unicode line and paragraph separators break lines too (press releases pasted from Word use them).
_NEWLINE = re.compile(r"\r\n|[\n\r\u2028\u2029\x85]")

_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af]")


@dataclass(slots=True)
class Line:
    """One non-blank line of the input with the features cleaning looks at."""

    index: int
    text: str
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
    """Collapse runs of spaces (non-breaking ones too) and trim."""
    return _SPACES.sub(" ", line).strip()


def split_lines(raw: str, stops: frozenset[str]) -> list[Line]:
    """Split ``raw`` into non-blank lines, remembering which follow a blank line.

    ``stops`` are the function words of the page's language; with none (CJK, or
    an unknown language) prose is told by length and punctuation alone.
    """
    out: list[Line] = []
    gap = True
    sw = stops
    for text, gap in _unwrap(_NEWLINE.split(raw)):
        words = _WORD.findall(text.lower())
        n = len(words)
        cjk = 0 if text.isascii() else len(_CJK.findall(text))
        if cjk:
            # Scripts without spaces: about two characters make a word.
            n = n - sum(1 for w in words if _CJK.search(w)) + cjk // 2
        hits = sum(1 for w in words if w in sw) if sw else 0
        out.append(
            Line(
                index=len(out),
                text=text,
                words=n,
                stop_ratio=(hits / n if n else 0.0) if sw else 0.3,
                terminal=bool(_TERMINAL.search(text)),
                gap_before=gap,
                chrome=chrome_reason(text),
            )
        )
    return out


_CONTINUES = re.compile(r"^[a-z]")
_OPEN_END = re.compile(r"[\w,]$")


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
            and _OPEN_END.search(out[-1][0])
            and out[-1][0].count(" ") >= 2
        ):
            out[-1] = (out[-1][0] + " " + text, out[-1][1])
        else:
            out.append((text, gap))
        gap = False
    return out
