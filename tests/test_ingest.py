"""Ingest: files, folders, JSONL and gzip to RawArticles, and every way an input is rejected."""

from __future__ import annotations

import gzip
import io
import json
import random
import shutil
import time
from pathlib import Path

import pytest

from sitrep.errors import (
    BadRecord,
    BinaryInput,
    EmptyInput,
    InputRejected,
    OversizedInput,
    UndecodableInput,
)
from sitrep.ingest import decode_bytes, read_jsonl_stream, read_paths
from sitrep.model import RawArticle

SEEDS = Path(__file__).resolve().parents[1].parent / "shared" / "seeds"
SEED_NAMES = ["000_a590446ecc86677d.txt", "003_148240228117d87a.txt"]
PNG_HEADER = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10\x00\x00\x00\x10\x08\x06"


def needs_seeds() -> Path:
    if not all((SEEDS / name).is_file() for name in SEED_NAMES):
        pytest.skip(f"seed articles not found in {SEEDS} (the shared folder next to the repo)")
    return SEEDS


def read(*paths: Path | str, max_bytes: int | None = None) -> list[RawArticle | InputRejected]:
    if max_bytes is None:
        return list(read_paths(paths))
    return list(read_paths(paths, max_bytes=max_bytes))


def articles(results: list[RawArticle | InputRejected]) -> list[RawArticle]:
    return [r for r in results if isinstance(r, RawArticle)]


def rejections(results: list[RawArticle | InputRejected]) -> list[InputRejected]:
    return [r for r in results if isinstance(r, InputRejected)]


def only_rejection(results: list[RawArticle | InputRejected]) -> InputRejected:
    assert len(results) == 1 and isinstance(results[0], InputRejected), results
    rejection = results[0]
    # Every message must name its input, so a user can find it among thousands.
    assert rejection.source and str(rejection).startswith(rejection.source)
    return rejection


def seed_text(name: str) -> str:
    return (SEEDS / name).read_bytes().decode("utf-8").replace("\r\n", "\n")


# --- plain files, gzip, folders -------------------------------------------------------


def test_seed_files_read_as_text_with_file_name_ids(tmp_path: Path) -> None:
    seeds = needs_seeds()
    for name in SEED_NAMES:
        shutil.copy(seeds / name, tmp_path / name)
    got = read(*(tmp_path / name for name in SEED_NAMES))
    assert [a.id for a in articles(got)] == SEED_NAMES
    for art, name in zip(articles(got), SEED_NAMES, strict=True):
        assert art.kind == "text" and art.html is None
        assert art.text == seed_text(name)
        assert art.source == str(tmp_path / name)
    assert "Herat" in (articles(got)[0].text or "")


def test_gzipped_seeds_keep_the_inner_name_and_text(tmp_path: Path) -> None:
    seeds = needs_seeds()
    first, second = SEED_NAMES
    (tmp_path / f"{first}.gz").write_bytes(gzip.compress((seeds / first).read_bytes()))
    # Gzip is found by its magic bytes too, whatever the name says.
    (tmp_path / second).write_bytes(gzip.compress((seeds / second).read_bytes()))
    got = articles(read(tmp_path / f"{first}.gz", tmp_path / second))
    assert [a.id for a in got] == SEED_NAMES
    assert [a.text for a in got] == [seed_text(first), seed_text(second)]


def test_folder_is_read_recursively_in_sorted_order(tmp_path: Path) -> None:
    root = tmp_path / "corpus"
    (root / "b" / "deeper").mkdir(parents=True)
    (root / "a").mkdir()
    (root / ".hidden").mkdir()
    (root / "z.txt").write_text("Zed article.")
    (root / "a" / "one.txt").write_text("First article.")
    (root / "b" / "two.html").write_text("<html><body><p>Second</p></body></html>")
    (root / "b" / "deeper" / "three.txt.gz").write_bytes(gzip.compress(b"Third article."))
    (root / "b" / "deeper" / "more.jsonl").write_text('{"id": "j1", "text": "From JSONL."}\n')
    (root / "a" / "notes.md").write_text("not an article")
    (root / "a" / "photo.png").write_bytes(PNG_HEADER)
    (root / ".hidden" / "secret.txt").write_text("hidden")
    (root / ".dotfile.txt").write_text("hidden too")

    got = read(root)
    assert rejections(got) == []
    assert [(a.id, a.kind) for a in articles(got)] == [
        ("one.txt", "text"),
        ("j1", "text"),
        ("three.txt", "text"),
        ("two.html", "html"),
        ("z.txt", "text"),
    ]
    assert articles(got)[1].source == f"{root / 'b' / 'deeper' / 'more.jsonl'}:1"
    assert articles(got)[2].text == "Third article."
    assert read(root) == got  # deterministic


def test_folder_goes_on_past_a_bad_file(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Good one.")
    (tmp_path / "b.txt").write_bytes(PNG_HEADER)
    (tmp_path / "c.txt").write_text("Good two.")
    got = read(tmp_path)
    assert [a.id for a in articles(got)] == ["a.txt", "c.txt"]
    [bad] = rejections(got)
    assert isinstance(bad, BinaryInput) and bad.source == str(tmp_path / "b.txt")


def test_unknown_extension_is_sniffed(tmp_path: Path) -> None:
    page = tmp_path / "page.xyz"
    page.write_text("\n  <!DOCTYPE html><html><body><p>Hi</p></body></html>")
    note = tmp_path / "note.dat"
    note.write_text("Just a note about <b>things</b>.")
    got = articles(read(page, note))
    assert [(a.id, a.kind) for a in got] == [("page.xyz", "html"), ("note.dat", "text")]


# --- JSONL ----------------------------------------------------------------------------

GOOD_AND_BAD_LINES = [
    '{"id": "a", "text": "Plain text."}',  # 1
    "not json at all",  # 2
    "",  # 3: blank, skipped
    "[1, 2]",  # 4
    '{"text": "no id"}',  # 5
    '{"id": ["x"], "text": "bad id"}',  # 6
    '{"id": "b"}',  # 7
    '{"id": "c", "text": "", "html": "  "}',  # 8
    '{"id": "d", "text": 42}',  # 9
    '{"id": "e", "text": "ok", "published": "last Tuesday"}',  # 10
    '{"id": "f", "text": "ok", "url": 7}',  # 11
    '{"id": 7, "html": "<p>HTML</p>", "url": "https://x.org/a", "outlet": "X",'
    ' "published": "2021-08-12T10:00:00Z", "title": "Title"}',  # 12
    '{"id": "g", "text": "ok", "published": "2021-02-30"}',  # 13
    '{"id": true, "text": "bool id"}',  # 14
]

EXPECTED_BAD = {
    2: "not valid JSON",
    4: "not a JSON object (got array)",
    5: "has no 'id'",
    6: "'id' must be a string or integer, got array",
    7: "has neither 'text' nor 'html'",
    8: "is empty",
    9: "'text' must be a string, got number",
    10: "published is not an ISO 8601 date: 'last Tuesday'",
    11: "'url' must be a string, got number",
    13: "published is not an ISO 8601 date",
    14: "'id' must be a string or integer, got boolean",
}


def test_jsonl_reads_good_lines_and_names_each_broken_one(tmp_path: Path) -> None:
    path = tmp_path / "batch.jsonl"
    path.write_text("\n".join(GOOD_AND_BAD_LINES) + "\n")
    got = read(path)

    good = articles(got)
    assert [(a.id, a.kind, a.source) for a in good] == [
        ("a", "text", f"{path}:1"),
        ("7", "html", f"{path}:12"),
    ]
    assert good[1].html == "<p>HTML</p>"
    assert (good[1].url, good[1].outlet, good[1].title) == ("https://x.org/a", "X", "Title")
    assert good[1].published == "2021-08-12T10:00:00Z"

    bad = rejections(got)
    assert all(isinstance(r, BadRecord) for r in bad)
    assert {int((r.source or "").rsplit(":", 1)[1]): r.reason for r in bad}.keys() == (
        EXPECTED_BAD.keys()
    )
    for r in bad:
        line = int((r.source or "").rsplit(":", 1)[1])
        assert EXPECTED_BAD[line] in r.reason, (line, r.reason)
        assert str(r).startswith(f"{path}:{line}: ")


def test_jsonl_accepts_iso_dates_in_their_usual_shapes(tmp_path: Path) -> None:
    dates = ["2021", "2021-08", "2021-08-12", "2021-08-12 10:00", "2021-08-12T10:00:00.5+04:30"]
    dates += ["20210812", "20210812T1000Z"]
    stream = io.BytesIO(
        "\n".join(json.dumps({"id": d, "text": "x", "published": d}) for d in dates).encode()
    )
    got = list(read_jsonl_stream(stream, "-"))
    assert [a.published for a in articles(got)] == dates


def test_jsonl_gzipped_and_stdin(tmp_path: Path) -> None:
    body = b'{"id": "s1", "text": "One."}\n\n{"id": "s2", "html": "<p>Two</p>"}\n'
    path = tmp_path / "feed.jsonl.gz"
    path.write_bytes(gzip.compress(body))
    assert [(a.id, a.source) for a in articles(read(path))] == [
        ("s1", f"{path}:1"),
        ("s2", f"{path}:3"),
    ]
    got = list(read_jsonl_stream(io.BytesIO(b"\xef\xbb\xbf" + body), "<stdin>"))
    assert [(a.id, a.kind, a.source) for a in articles(got)] == [
        ("s1", "text", "<stdin>:1"),
        ("s2", "html", "<stdin>:3"),
    ]


def test_binary_or_empty_jsonl_file_is_rejected_once(tmp_path: Path) -> None:
    blob = tmp_path / "blob.jsonl"
    blob.write_bytes(PNG_HEADER + b"\n" * 50)
    rejection = only_rejection(read(blob))
    assert isinstance(rejection, BinaryInput) and "PNG signature" in rejection.reason
    empty = tmp_path / "empty.jsonl.gz"
    empty.write_bytes(gzip.compress(b"\n\n"))
    assert isinstance(only_rejection(read(empty)), EmptyInput)


def test_jsonl_oversized_line_is_rejected_and_the_rest_read() -> None:
    long_line = json.dumps({"id": "big", "text": "x" * 5000}).encode()
    stream = io.BytesIO(
        b'{"id": "a", "text": "small"}\n' + long_line + b'\n{"id": "b", "text": "s"}'
    )
    got = list(read_jsonl_stream(stream, "in.jsonl", max_bytes=1000))
    assert [a.id for a in articles(got)] == ["a", "b"]
    [bad] = rejections(got)
    assert isinstance(bad, OversizedInput) and bad.source == "in.jsonl:2"
    assert f"{len(long_line) + 1:,} bytes" in bad.reason and "1,000" in bad.reason


def test_jsonl_fields_get_mojibake_repair() -> None:
    record = {"id": "m", "text": "itâ€™s a cafÃ© in\r\nHerat\x00", "title": "Ã©tÃ©"}
    got = list(read_jsonl_stream(io.BytesIO(json.dumps(record).encode()), "-"))
    [art] = articles(got)
    assert art.text == "it’s a café in\nHerat"
    assert art.title == "été"


# --- encodings --------------------------------------------------------------------------


def test_cp1252_bytes_are_decoded(tmp_path: Path) -> None:
    path = tmp_path / "win.txt"
    path.write_bytes(b"it\x92s a caf\xe9 \x93quoted\x94\r\nnext line")
    [art] = articles(read(path))
    assert art.text == "it’s a café “quoted”\nnext line"


def test_utf16_with_bom_is_decoded(tmp_path: Path) -> None:
    path = tmp_path / "wide.txt"
    path.write_bytes("Kabul – Herat, août".encode("utf-16"))
    [art] = articles(read(path))
    assert art.text == "Kabul – Herat, août"


def test_latin1_html_honours_its_meta_charset(tmp_path: Path) -> None:
    path = tmp_path / "old.html"
    page = '<html><head><meta charset="iso-8859-1"></head><body><p>Caf\xe9 \xa9</p></body></html>'
    path.write_bytes(page.encode("latin-1"))
    [art] = articles(read(path))
    assert art.html == page


def test_declared_cyrillic_charset_is_used(tmp_path: Path) -> None:
    path = tmp_path / "ru.htm"
    page = (
        '<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1251">'
        "</head><body><p>Привет, мир</p></body></html>"
    )
    path.write_bytes(page.encode("cp1251"))
    [art] = articles(read(path))
    assert art.html == page


def test_mojibake_is_repaired_and_legitimate_text_kept(tmp_path: Path) -> None:
    path = tmp_path / "moji.txt"
    path.write_text("itâ€™s Ã©tÃ©", encoding="utf-8")
    assert articles(read(path))[0].text == "it’s été"
    legit = "“Curly” quotes, ﬁne ligature, e\u0301 decomposed, &amp; tab\there"
    assert decode_bytes(legit.encode(), "x") == legit


def test_text_of_only_punctuation_skips_ftfy_yet_mojibake_beside_it_is_repaired() -> None:
    from sitrep.encoding import repair_text

    # curly quotes, dashes, a pound sign and a no-break space: kept as they are
    plain = "Kabul \u2014 the Taliban\u2019s \u201cnew\u201d \u00a3300\u00a0m offensive\u2026"
    assert repair_text(plain) == plain
    # the same text with one mis-decoded word still goes through the repair
    assert repair_text(plain + " itâ€™s Ã©tÃ©") == plain + " it’s été"
    assert repair_text("a\u2028b\ufeffc") == "a\nbc"
    # line by line, as ftfy mends: a mis-decoded line among plain ones
    assert repair_text("ok \u2019 line\ncafÃ© line\r\nlast") == "ok \u2019 line\ncafé line\nlast"


def test_control_characters_are_stripped() -> None:
    assert decode_bytes(b"a\x01b\x07c\r\nd\x0be\tf\rg", "x") == "abc\nde\tf\ng"
    # A NUL early on means binary; one deep inside a long text is only a stray.
    long = b"word " * 2000
    assert decode_bytes(long + b"\x00end", "x") == (long + b"end").decode()


# --- rejections -------------------------------------------------------------------------


def test_binary_files_are_rejected(tmp_path: Path) -> None:
    png = tmp_path / "image.txt"
    png.write_bytes(PNG_HEADER + bytes(100))
    assert "looks binary (PNG signature)" in only_rejection(read(png)).reason
    pdf = tmp_path / "doc.txt"
    pdf.write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj")
    rejection = only_rejection(read(pdf))
    assert isinstance(rejection, BinaryInput) and "PDF signature" in rejection.reason
    noise = tmp_path / "noise.txt"
    noise.write_bytes(random.Random(7).randbytes(4096) + b"\x00\x00")
    rejection = only_rejection(read(noise))
    assert isinstance(rejection, BinaryInput) and rejection.source == str(noise)


def test_control_heavy_bytes_without_nul_are_binary() -> None:
    data = bytes(b for b in random.Random(3).randbytes(8000) if b != 0)
    with pytest.raises(BinaryInput, match="looks binary"):
        decode_bytes(data, "blob")


def test_empty_and_whitespace_files_are_rejected(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    blank = tmp_path / "blank.txt"
    blank.write_bytes(b" \n\t\r\n  ")
    for path in (empty, blank):
        rejection = only_rejection(read(path))
        assert isinstance(rejection, EmptyInput) and rejection.source == str(path)


def test_oversized_file_is_rejected(tmp_path: Path) -> None:
    path = tmp_path / "long.txt"
    path.write_text("word " * 100)
    rejection = only_rejection(read(path, max_bytes=100))
    assert isinstance(rejection, OversizedInput)
    assert "500 bytes" in rejection.reason and "100 bytes" in rejection.reason
    assert len(articles(read(path, max_bytes=500))) == 1


def test_gzip_bomb_is_rejected_quickly(tmp_path: Path) -> None:
    bomb = tmp_path / "bomb.txt.gz"
    bomb.write_bytes(gzip.compress(bytes(10 * 1024 * 1024), compresslevel=9))
    start = time.monotonic()
    rejection = only_rejection(read(bomb, max_bytes=1024 * 1024))
    assert time.monotonic() - start < 2
    assert isinstance(rejection, OversizedInput)
    assert "decompresses to more than 1,048,576 bytes" in rejection.reason


def test_corrupt_gzip_is_rejected(tmp_path: Path) -> None:
    path = tmp_path / "cut.txt.gz"
    path.write_bytes(gzip.compress(b"some text " * 1000)[:60])
    rejection = only_rejection(read(path))
    assert "gzip" in rejection.reason


def test_missing_path_is_rejected(tmp_path: Path) -> None:
    missing = tmp_path / "nope.txt"
    rejection = only_rejection(read(missing))
    assert type(rejection) is InputRejected and "does not exist" in rejection.reason
    assert rejection.source == str(missing)


def test_undecodable_utf16_with_bom_is_rejected() -> None:
    with pytest.raises(UndecodableInput, match="UTF-16") as info:
        decode_bytes(b"\xff\xfeH\x00i\x00\x00\xd8", "odd.txt")
    assert info.value.source == "odd.txt"
