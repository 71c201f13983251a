"""Reading input files (orgkb.reading): encodings decided on the whole file, one wording for a
file that cannot be used, the header checks, and CSV that resynchronises after a bad row."""

from __future__ import annotations

import io
import os
import threading
from pathlib import Path

import pytest

from orgkb.errors import InputError
from orgkb.reading import LONGEST_ROW, UNCLOSED_QUOTE, Row, open_text, read_table, read_text
from tests.helpers import write_file

WHAT = "a test file"
COLUMNS = ("id", "project", "city")


def error_of(path: Path) -> str:
    with pytest.raises(InputError) as caught:
        read_text(path, WHAT)
    message = str(caught.value)
    assert "\n" not in message
    return message


def rows_of(text: str, columns: tuple[str, ...] = COLUMNS) -> list[Row]:
    return list(read_table("t.csv", io.StringIO(text, newline=""), columns, columns))


def header_error(text: str) -> str:
    with pytest.raises(InputError) as caught:
        read_table("t.csv", io.StringIO(text, newline=""), COLUMNS, COLUMNS)
    return str(caught.value)


@pytest.mark.parametrize(
    "encoding", ["utf-8", "utf-8-sig", "gb18030", "utf-16", "utf-16-le", "utf-16-be"]
)
def test_the_encodings_read(tmp_path: Path, encoding: str) -> None:
    text = "id,project\nL1,别墅\n"
    data = text.encode(encoding)
    if encoding in ("utf-16-le", "utf-16-be"):
        # What Windows writes: the byte-order mark first.
        data = "\ufeff".encode(encoding) + data
    assert read_text(write_file(tmp_path, "t.csv", data), WHAT) == text


def test_the_encoding_is_decided_on_the_whole_file(tmp_path: Path) -> None:
    # 100 KiB of ASCII, which both encodings read alike, then GB18030 that UTF-8 cannot read.
    text = "id,project\n" + "L,flats\n" * 12_800 + "L,别墅\n"
    path = write_file(tmp_path, "t.csv", text.encode("gb18030"))
    assert path.stat().st_size > 100_000
    assert read_text(path, WHAT) == text


def test_bytes_in_neither_encoding_name_their_line(tmp_path: Path) -> None:
    data = b"id,project\n" + b"L,flats\n" * 9_000 + b"L,fl\xffts\n"
    assert error_of(write_file(tmp_path, "t.csv", data)).endswith(
        "t.csv:9002: is not text in UTF-8, GB18030 or UTF-16"
    )


def test_the_encoding_with_fewer_undecodable_bytes_wins(tmp_path: Path) -> None:
    # GB18030 text with one stray byte: as UTF-8 every Chinese character would be lost.
    data = b"id,project\n" + "L,别墅\n".encode("gb18030") * 50 + b"L,\xff\n"
    with open_text(write_file(tmp_path, "t.csv", data), WHAT) as text:
        rows = list(read_table("t.csv", text, COLUMNS[:2], COLUMNS[:2]))
    assert [row.values["project"] for row in rows[:50]] == ["别墅"] * 50
    assert rows[50] == Row(52, {}, "the row holds bytes that are not text in the file's encoding")


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR", "is a binary file, not a test file"),
        (b"id,project\n" + b"L,flats\n" * 20_000 + b"L,\0\n", "is a binary file, not a test file"),
        ("id,project\n".encode("utf-16-le"), "is a binary file, not a test file"),
        ("id,project\n".encode("utf-32"), "is UTF-32 text, not UTF-8, GB18030 or UTF-16"),
        ("id,project\n".encode("utf-32-be"), "is a binary file, not a test file"),
        (b"", "the file is empty"),
        (b" \r\n\t\n", "the file is empty"),
        (b"\xef\xbb\xbf\n", "the file is empty"),
        ("\n".encode("utf-16"), "the file is empty"),
        (b"\xff\xfe\x00\xd8", "is not text in UTF-8, GB18030 or UTF-16"),
    ],
)
def test_files_that_are_not_text(tmp_path: Path, content: bytes, message: str) -> None:
    path = write_file(tmp_path, "t.csv", content)
    assert error_of(path).endswith(message)


def test_files_that_cannot_be_opened_are_said_once(tmp_path: Path) -> None:
    assert error_of(tmp_path / "none.csv") == f"{tmp_path / 'none.csv'}: no such file"
    assert error_of(tmp_path) == f"{tmp_path}: is a directory, not a test file"
    under_a_file = write_file(tmp_path, "f", "x") / "t.csv"
    assert error_of(under_a_file) == f"{under_a_file}: cannot be read: Not a directory"


def test_a_pipe_is_read_though_it_can_be_read_only_once(tmp_path: Path) -> None:
    fifo = tmp_path / "leads.fifo"
    os.mkfifo(fifo)
    text = "id,project\n" + "L,别墅\n" * 10_000
    writer = threading.Thread(target=lambda: fifo.write_bytes(text.encode("gb18030")))
    writer.start()
    try:
        assert read_text(fifo, WHAT) == text
    finally:
        writer.join()


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("id,projet,city\n", "t.csv:1: unknown column 'projet' (did you mean 'project'?)"),
        ("id,project,city,zone\n", "t.csv:1: unknown column 'zone' (expected one of id, project, city)"),
        ("id,ID,city\n", "t.csv:1: the column 'id' appears twice"),
        ("id,project\n", "t.csv:1: the header has no 'city' column (expected id,project,city)"),
        ("id;project;city\n", "t.csv:1: the columns are separated by ';': save the table with commas or tabs"),
        ("\n,,\n\nid;project;city\n", "t.csv:4: the columns are separated by ';': save the table with commas or tabs"),
        ('"id,project,city\n', f"t.csv:1: {UNCLOSED_QUOTE}"),
        (",,\n , \n", "t.csv: the file has no header row"),
        ("\n \n", "t.csv: the file has no header row"),
    ],
)  # fmt: skip
def test_the_header_is_checked(text: str, message: str) -> None:
    assert header_error(text) == message


def test_the_header_in_any_order_and_case_after_blank_lines_and_tabs() -> None:
    table = read_table(
        "t.tsv", io.StringIO("\n\t\t\nCity\t ID \tProject\nWuhan\tL1\tflats\n"), COLUMNS, ()
    )
    assert table.line == 3
    assert table.columns == {"city": 0, "id": 1, "project": 2}
    assert list(table) == [Row(4, {"city": "Wuhan", "id": "L1", "project": "flats"})]


def test_every_physical_row_gets_a_row_and_a_stray_quote_spoils_only_its_own() -> None:
    lines = ["id,project,city"] + [f"L{n},flats,Wuhan" for n in range(10_000)]
    lines[5] = 'L4,"flats,Wuhan'
    rows = rows_of("\n".join(lines) + "\n")
    assert len(rows) == 10_000
    assert [row.line for row in rows] == list(range(2, 10_002))
    assert rows[4] == Row(6, {"id": "L4", "project": "", "city": ""}, UNCLOSED_QUOTE)
    assert all(not row.problem for row in rows if row.line != 6)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A quoted line break is kept, and the row counts as the line it starts on.
        ('L1,"two\nlines",Wuhan\nL2,flats,Wuhan\n',
         [(2, "two\nlines", ""), (4, "flats", "")]),
        # A closing quote followed by more text: csv's own words, and the next line reads.
        ('L1,"flats"x,Wuhan\nL2,flats,Wuhan\n',
         [(2, "", "malformed CSV: ',' expected after '\"'"), (3, "flats", "")]),
        # A stray quote whose value "closes" at a quote that opens the next row's value.
        ('L1,"flats,Wuhan\nL2,"villas",Wuhan\n',
         [(2, "", UNCLOSED_QUOTE), (3, "villas", "")]),
        # Two stray quotes in a row, then good rows.
        ('L1,"a\nL2,"b\nL3,c,Wuhan\n',
         [(2, "", UNCLOSED_QUOTE), (3, "", UNCLOSED_QUOTE), (4, "c", "")]),
        # A stray quote on the last line, with no line end.
        ('L1,flats,Wuhan\nL2,"flats', [(2, "flats", ""), (3, "", UNCLOSED_QUOTE)]),
        # A line separator that is not a CSV line end stays in its cell.
        ("L1,villas\u2028flats,Wuhan\n", [(2, "villas\u2028flats", "")]),
        # Lone CR and CRLF end lines like LF.
        ("L1,a,Wuhan\rL2,b,Wuhan\r\nL3,c,Wuhan", [(2, "a", ""), (3, "b", ""), (4, "c", "")]),
    ],
)  # fmt: skip
def test_rows_and_their_lines(text: str, expected: list[tuple[int, str, str]]) -> None:
    rows = rows_of("id,project,city\n" + text)
    assert [(row.line, row.values["project"], row.problem) for row in rows] == expected


def test_blank_lines_are_skipped_and_rows_of_separators_are_empty() -> None:
    rows = rows_of("id,project,city\n\n   \n,,\n , ,\nL1,flats,Wuhan\n,,,x\n")
    assert rows == [
        Row(4, {"id": "", "project": "", "city": ""}, empty=True),
        Row(5, {"id": "", "project": "", "city": ""}, empty=True),
        Row(6, {"id": "L1", "project": "flats", "city": "Wuhan"}),
        Row(7, {"id": "", "project": "", "city": ""}, "4 values for 3 columns"),
    ]


def test_a_row_that_runs_on_without_end_is_bounded() -> None:
    # A quote opens a value, and the next million characters hold no quote to close it.
    filler = "x" * 1000 + "\n"
    text = 'id,project,city\nL1,"flats\n' + filler * (LONGEST_ROW // len(filler) + 10)
    rows = rows_of(text)
    assert rows[0] == Row(2, {"id": "L1", "project": "", "city": ""}, UNCLOSED_QUOTE)
    assert len(rows) == 1 + LONGEST_ROW // len(filler) + 10
