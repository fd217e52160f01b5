"""Safe forms of the short strings sitrep stores and shows: names of files, ids, titles, outlets.

Article text is kept as written (a right-to-left mark belongs in Arabic prose), but the
metadata fields are shown alone in lists and headers, where a control character breaks
a terminal or a CSV and a bidi override ("evil\u202egpj.exe" shown as "evilexe.jpg")
spoofs what the reader sees.
"""

from __future__ import annotations

import os

from sitrep.rxfactor import compiled

# C0 and C1 controls except tab, newline and carriage return (those become spaces below);
# DEL; and the bidi embeddings, overrides and isolates (U+202A-U+202E, U+2066-U+2069).
_CONTROLS = compiled("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_BREAKS = compiled(r"[\t\r\n]+")


def clean_field(value: str | None) -> str | None:
    """A metadata field without control characters and bidi controls (line breaks become spaces)."""
    if value is None:
        return None
    return _BREAKS.sub(" ", _CONTROLS.sub("", value)).strip()


def shown(path: str | os.PathLike[str]) -> str:
    """A path as text that can be stored and printed: bytes that are not UTF-8 in the
    file's name become ``\\xNN`` escapes (``os.fsdecode`` keeps them as lone surrogates,
    which no UTF-8 encoder accepts)."""
    raw = os.fsencode(path)
    return clean_field(raw.decode("utf-8", "backslashreplace")) or repr(raw)
