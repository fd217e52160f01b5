"""Bytes to clean text: binary sniffing, charset choice and mojibake repair.

The order of trust is: a byte order mark, then (for HTML) the declared charset,
then strict UTF-8, then Windows-1252 for text that looks Western, then
charset_normalizer's guess. Whatever was chosen, ftfy then repairs mojibake that
was already in the bytes (text that was mis-decoded once before it reached us).
"""

from __future__ import annotations

import codecs
import re
from functools import lru_cache

import charset_normalizer
import ftfy

from sitrep.errors import BinaryInput, EmptyInput, UndecodableInput

# Enough to see signatures, a <meta charset> and a representative share of bytes.
SNIFF_BYTES = 8192

# (name, ((offset, bytes), ...)): every part must match.
_MAGIC: tuple[tuple[str, tuple[tuple[int, bytes], ...]], ...] = (
    ("PDF", ((0, b"%PDF-"),)),
    ("PNG", ((0, b"\x89PNG\r\n\x1a\n"),)),
    ("JPEG", ((0, b"\xff\xd8\xff"),)),
    ("GIF", ((0, b"GIF87a"),)),
    ("GIF", ((0, b"GIF89a"),)),
    ("ZIP", ((0, b"PK\x03\x04"),)),
    ("ZIP", ((0, b"PK\x05\x06"),)),
    ("ZIP", ((0, b"PK\x07\x08"),)),
    ("ELF", ((0, b"\x7fELF"),)),
    ("gzip", ((0, b"\x1f\x8b"),)),
    ("bzip2", ((0, b"BZh"), (4, b"1AY&SY"))),
    ("xz", ((0, b"\xfd7zXZ\x00"),)),
    ("7-Zip", ((0, b"7z\xbc\xaf\x27\x1c"),)),
    ("RAR", ((0, b"Rar!\x1a\x07"),)),
    ("Zstandard", ((0, b"\x28\xb5\x2f\xfd"),)),
    ("MS Office", ((0, b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"),)),
    ("SQLite", ((0, b"SQLite format 3\x00"),)),
    ("Ogg", ((0, b"OggS"),)),
    ("FLAC", ((0, b"fLaC"),)),
    ("MP3", ((0, b"ID3\x02"),)),
    ("MP3", ((0, b"ID3\x03"),)),
    ("MP3", ((0, b"ID3\x04"),)),
    ("MP4", ((4, b"ftyp"),)),
    ("WebP", ((0, b"RIFF"), (8, b"WEBP"))),
    ("WAV", ((0, b"RIFF"), (8, b"WAVE"))),
    ("AVI", ((0, b"RIFF"), (8, b"AVI "))),
    ("TIFF", ((0, b"II*\x00"),)),
    ("TIFF", ((0, b"MM\x00*"),)),
    ("Java class or Mach-O", ((0, b"\xca\xfe\xba\xbe"),)),
    ("Mach-O", ((0, b"\xcf\xfa\xed\xfe"),)),
    ("Mach-O", ((0, b"\xce\xfa\xed\xfe"),)),
    ("WebAssembly", ((0, b"\x00asm"),)),
    ("WOFF font", ((0, b"wOFF"),)),
    ("WOFF2 font", ((0, b"wOF2"),)),
)

# C0 controls that real text does not use. Tab, newlines, form feed, vertical
# tab and ESC (terminal colour codes, which ftfy removes) are left out.
_CONTROL_BYTES = bytes([*range(0x01, 0x09), *range(0x0E, 0x1B), *range(0x1C, 0x20)])
_NOT_CONTROL = bytes(b for b in range(256) if b not in _CONTROL_BYTES)
_MAX_CONTROL_SHARE = 0.05
# A short note with a stray bell or two is still text worth reading.
_MIN_CONTROLS = 8

# UTF-32 before UTF-16: the UTF-32-LE mark starts with the UTF-16-LE one.
_BOMS: tuple[tuple[bytes, str, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le", "UTF-32"),
    (codecs.BOM_UTF32_BE, "utf-32-be", "UTF-32"),
    (codecs.BOM_UTF8, "utf-8", "UTF-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le", "UTF-16"),
    (codecs.BOM_UTF16_BE, "utf-16-be", "UTF-16"),
)

_META_CHARSET = re.compile(rb"<meta\b[^>]*?charset\s*=\s*[\"']?\s*([A-Za-z0-9_.:-]+)", re.I)
_XML_ENCODING = re.compile(rb"^\s*<\?xml\b[^>]*?encoding\s*=\s*[\"']([A-Za-z0-9_.:-]+)", re.I)
# HTML5 reads these labels as Windows-1252 because that is what pages labelled so really are.
_CP1252_LABELS = frozenset(
    {"cp1252", "windows-1252", "x-cp1252", "iso-8859-1", "iso8859-1", "iso-ir-100"}
    | {"latin-1", "latin1", "l1", "us-ascii", "ascii", "ibm819", "cp819"}
)

# Windows-1252 leaves 0x81, 0x8D, 0x8F, 0x90 and 0x9D undefined; taking those as
# Latin-1 (as browsers do) means this decoding never fails.
_CP1252_TABLE = {
    b: bytes([b]).decode("cp1252")
    for b in range(0x80, 0xA0)
    if b not in (0x81, 0x8D, 0x8F, 0x90, 0x9D)
}

_HIGH_RUN = re.compile(rb"[\x80-\xff]+")

_FTFY_CONFIG = ftfy.TextFixerConfig(
    # Entities are the HTML parser's business, and in plain text "&amp;" may be meant.
    unescape_html=False,
    # Replacing a broken sequence with U+FFFD loses text and gains nothing downstream.
    replace_lossy_sequences=False,
    # Ligatures, full-width forms, curly quotes and decomposed accents are legitimate
    # text; changing them would also shift offsets into the text as given.
    fix_latin_ligatures=False,
    fix_character_width=False,
    uncurl_quotes=False,
    normalization=None,
    explain=False,
)

_STRAY_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
_LONE_SURROGATE = re.compile(r"[\ud800-\udfff]")


def decode_bytes(data: bytes, source: str, *, html: bool = False) -> str:
    """Decode one article's bytes to repaired text with "\\n" newlines.

    Raises EmptyInput, BinaryInput or UndecodableInput (with ``source`` set).
    With ``html`` the document's declared charset is honoured when it fits.
    """
    if not data:
        raise EmptyInput("is empty (0 bytes)", source=source)
    text = repair_text(_decode(data, source, html=html))
    if not text.strip():
        raise EmptyInput("holds only whitespace", source=source)
    return text


# Text whose only non-ASCII characters are typographic punctuation, currency signs and the
# signs of Latin-1 ("’", "“", "—", "…", "€", "£", a no-break space) holds no mojibake: every
# mis-decoded UTF-8 sequence starts with a letter-like lead character ("â€™", "Ã©", "‚Äô",
# "Р"), and none of ftfy's other fixes (line separators, C1 and Unicode controls, surrogates)
# touches these. Most English news is such text, and ftfy costs more than the rest of reading it.
_NO_MOJIBAKE = re.compile(r"[\x00-\x7f\u00a0-\u00bf\u2010-\u2027\u2030-\u205e\u20a0-\u20cf]*")
# Lines as ftfy.fix_text cuts them: each with its newline.
_LINES = re.compile(r"[^\n]*\n|[^\n]+")


def repair_text(text: str) -> str:
    """Repair mojibake, normalise newlines to "\\n" and drop stray control characters."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.isascii() and not _NO_MOJIBAKE.fullmatch(text):
        # ftfy mends line by line; a line of plain text it would leave as it is.
        text = "".join(
            line if _NO_MOJIBAKE.fullmatch(line) else ftfy.fix_text(line, _FTFY_CONFIG) for line in _LINES.findall(text)
        )
        text = _LONE_SURROGATE.sub("\ufffd", text)
    return _STRAY_CONTROLS.sub("", text)


def decode_cp1252(data: bytes) -> str:
    """Decode as Windows-1252, its five undefined bytes as Latin-1; never fails."""
    return data.decode("latin-1").translate(_CP1252_TABLE)


def binary_reason(data: bytes) -> str | None:
    """Why ``data`` looks like a binary file rather than text, or None."""
    head = data[:SNIFF_BYTES]
    for name, parts in _MAGIC:
        if all(head[off : off + len(magic)] == magic for off, magic in parts):
            return f"{name} signature"
    if b"\x00" in head:
        return "NUL bytes"
    controls = len(head.translate(None, _NOT_CONTROL))
    if controls >= _MIN_CONTROLS and controls > _MAX_CONTROL_SHARE * len(head):
        return f"{controls} control bytes in the first {len(head)}"
    return None


def looks_html(data: bytes) -> bool:
    """Whether the start of ``data`` looks like an HTML document."""
    head = _peek_text(data[:2048]).lstrip().lower()
    return (
        "<!doctype html" in head[:1024]
        or "<html" in head[:1024]
        or head.startswith(("<head", "<body", "<!--"))
    )


def _peek_text(head: bytes) -> str:
    for bom, codec, _ in _BOMS:
        if head.startswith(bom):
            return head[len(bom) :].decode(codec, "replace")
    return head.decode(_utf16_without_bom(head) or "latin-1", "replace")


def _decode(data: bytes, source: str, *, html: bool) -> str:
    for bom, codec, name in _BOMS:
        if data.startswith(bom):
            return _decode_unicode(data[len(bom) :], codec, name, source)
    utf16 = _utf16_without_bom(data[:SNIFF_BYTES])
    if utf16 is not None and len(data) % 2 == 0:
        try:
            return _check_text(data.decode(utf16), source)
        except UnicodeDecodeError:
            pass
    reason = binary_reason(data)
    if reason is not None:
        raise BinaryInput(f"looks binary ({reason})", source=source)
    utf8 = _try_utf8(data)
    if html:
        declared = _declared_decode(data, utf8)
        if declared is not None:
            return declared
    if utf8 is not None:
        return utf8
    if _looks_western(data):
        return decode_cp1252(data)
    guess = charset_normalizer.from_bytes(data).best()
    if guess is None:
        raise UndecodableInput(
            "is not UTF-8 or Windows-1252, and no other encoding fits its bytes", source=source
        )
    text = str(guess)
    bad = text.count("\ufffd") + len(_STRAY_CONTROLS.findall(text[:SNIFF_BYTES]))
    if bad > 0.05 * min(len(text), SNIFF_BYTES):
        raise UndecodableInput(
            f"decodes only to noise (best guess {guess.encoding})", source=source
        )
    return text


def _decode_unicode(data: bytes, codec: str, name: str, source: str) -> str:
    try:
        text = data.decode(codec)
    except UnicodeDecodeError as exc:
        raise UndecodableInput(
            f"has a {name} byte order mark but is not valid {name} "
            f"({exc.reason} at byte {exc.start})",
            source=source,
        ) from None
    return _check_text(text, source)


def _check_text(text: str, source: str) -> str:
    # Byte sniffing cannot see through UTF-16/32, so check the decoded characters.
    head = text[:SNIFF_BYTES]
    stray = len(_STRAY_CONTROLS.findall(head)) - head.count("\x1b")
    if stray >= _MIN_CONTROLS and stray > _MAX_CONTROL_SHARE * len(head):
        raise BinaryInput(
            f"looks binary ({stray} control characters after decoding)", source=source
        )
    return text


def _utf16_without_bom(head: bytes) -> str | None:
    """UTF-16 without a mark: mostly-ASCII text shows NULs in every other byte."""
    if len(head) < 4:
        return None
    even, odd = head[0::2], head[1::2]
    even_nul, odd_nul = even.count(0) / len(even), odd.count(0) / len(odd)
    if odd_nul > 0.4 and even_nul < 0.02:
        return "utf-16-le"
    if even_nul > 0.4 and odd_nul < 0.02:
        return "utf-16-be"
    return None


def _try_utf8(data: bytes) -> str | None:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return None


def _declared_decode(data: bytes, utf8: str | None) -> str | None:
    head = data[:SNIFF_BYTES]
    match = _XML_ENCODING.search(head) or _META_CHARSET.search(head)
    if match is None:
        return None
    label = match.group(1).decode("ascii").lower()
    if label in _CP1252_LABELS:
        # Valid non-ASCII UTF-8 is almost never Western single-byte text by
        # accident: a page labelled Latin-1 but sent as UTF-8 is a stale template.
        return utf8 if utf8 is not None else decode_cp1252(data)
    if label.startswith(("utf-16", "utf-32")):
        # A charset readable in ASCII cannot be UTF-16; HTML5 reads it as UTF-8.
        return utf8
    try:
        codec = codecs.lookup(label).name
    except LookupError:
        return None
    if utf8 is not None and _is_single_byte(codec):
        return utf8
    try:
        return data.decode(codec)
    except UnicodeDecodeError:
        return None


@lru_cache(maxsize=64)
def _is_single_byte(codec: str) -> bool:
    try:
        return len(bytes(range(0x80, 0x100)).decode(codec, "replace")) == 0x80
    except (LookupError, TypeError, ValueError):
        return False


def _looks_western(data: bytes) -> bool:
    """Western text has accents scattered among ASCII letters; Cyrillic, Greek
    or CJK in a legacy encoding come as whole words of high bytes."""
    runs = [len(m) for m in _HIGH_RUN.findall(data[: 1 << 20])]
    total = sum(runs)
    if total == 0:
        return True
    return sum(n for n in runs if n <= 2) >= 0.8 * total
