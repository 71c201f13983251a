"""Lead and open-workload files read as profiles are: the same encodings and header messages,
every row accounted for, and numbers read by orgkb.values."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from orgkb.errors import InputError
from orgkb.leads import Lead, MalformedRow, read_leads, read_open_workload
from orgkb.model import Branch, Company
from orgkb.reading import UNCLOSED_QUOTE
from tests.helpers import run_orgkb, write_file

COMPANY = Company("Co", (Branch("A", "Wuhan"), Branch("B", "Wuhan")))
PROFILE = "company: Co\nbranches:\n  - {name: A, city: Wuhan}\n  - {name: B, city: Wuhan}\n"


@pytest.fixture
def profile(tmp_path: Path) -> Path:
    return write_file(tmp_path, "co.yaml", PROFILE)


def test_a_utf16_lead_file_is_read(tmp_path: Path) -> None:
    # What Excel saves as "Unicode text": UTF-16 with a byte-order mark, tab-separated.
    path = write_file(tmp_path, "l.txt", "id\tproject\tcity\r\nL1\t别墅\t武汉\r\n".encode("utf-16"))
    assert list(read_leads(path)) == [Lead("L1", "别墅", "武汉", 2)]


def test_a_semicolon_header_says_so(tmp_path: Path) -> None:
    with pytest.raises(InputError) as caught:
        read_leads(write_file(tmp_path, "l.csv", "id;project;city\nL1;flats;Wuhan\n"))
    assert str(caught.value) == (
        f"{tmp_path / 'l.csv'}:1: the columns are separated by ';': "
        "save the table with commas or tabs"
    )


def test_the_encoding_is_decided_on_the_whole_lead_file(tmp_path: Path) -> None:
    rows = "".join(f"L{n},flats,Wuhan\n" for n in range(10_000))
    data = ("id,project,city\n" + rows + "L,别墅,武汉\n").encode("gb18030")
    assert len(data) > 1 << 16
    assert list(read_leads(write_file(tmp_path, "l.csv", data)))[-1] == Lead(
        "L", "别墅", "武汉", 10_002
    )


def test_a_nul_anywhere_makes_the_file_binary(tmp_path: Path) -> None:
    rows = "".join(f"L{n},flats,Wuhan\n" for n in range(10_000))
    path = write_file(tmp_path, "l.csv", ("id,project,city\n" + rows).encode() + b"L,\0,Wuhan\n")
    with pytest.raises(InputError, match=r"is a binary file, not a CSV file$"):
        read_leads(path)


def test_rows_of_separators_are_malformed_and_blank_lines_skipped(tmp_path: Path) -> None:
    path = write_file(
        tmp_path, "l.csv", "id,project,city\nL1,flats,Wuhan\n,,\n\n  \n,\nL2,flats,\n"
    )
    assert list(read_leads(path)) == [
        Lead("L1", "flats", "Wuhan", 2),
        MalformedRow(3, "the row has no values"),
        MalformedRow(6, "the row has no values"),
        Lead("L2", "flats", None, 7),
    ]


def test_a_stray_quote_loses_no_lead(profile: Path, tmp_path: Path) -> None:
    lines = ["id,project,city"] + [f"L{n},flats,Wuhan" for n in range(10_000)]
    lines[5] = 'L4,"flats,Wuhan'
    leads = write_file(tmp_path, "leads.csv", "\n".join(lines) + "\n")
    status, out, err = run_orgkb("allocate", str(profile), str(leads))
    assert status == 0
    table = list(csv.reader(io.StringIO(out)))[1:]
    assert [row[0] for row in table] == [f"L{n}" for n in range(10_000)]
    assert table[4] == ["L4", "", f"malformed: line 6: {UNCLOSED_QUOTE}"]
    assert sum(row[1] != "" for row in table) == 9_999
    assert err == f"orgkb: {leads}:6: {UNCLOSED_QUOTE}\n"


def test_every_line_of_a_leads_file_is_a_row_of_its_own(tmp_path: Path) -> None:
    # A quoted line break would join two lines into one lead; a stray quote far above would
    # then swallow every line up to the next one. Each line is a row: none is lost.
    path = write_file(
        tmp_path, "l.csv", 'id,project,city\nL1,"flats\nnear the lake",Wuhan\nL2,a,\n'
    )
    assert list(read_leads(path)) == [
        MalformedRow(2, "malformed CSV: a quoted value runs past the end of its line", "L1"),
        MalformedRow(3, "malformed CSV: a quote inside a value that is not quoted"),
        Lead("L2", "a", None, 4),
    ]


def test_a_doubled_quote_in_a_quoted_value_is_a_quote(tmp_path: Path) -> None:
    path = write_file(tmp_path, "l.csv", 'id,project,city\nL1,"the ""lake"" flats",Wuhan\n')
    assert list(read_leads(path)) == [Lead("L1", 'the "lake" flats', "Wuhan", 2)]


@pytest.mark.parametrize(
    ("count", "message"),
    [
        ("9" * 400, "open: expected a whole number of 0 or more, got text ('99999"),
        ("9" * 5_000, "open: expected a whole number of 0 or more, got text ('99999"),
        ("1e13", "open: expected a number of at most 1e+12, got text ('1e13')"),
        ("-Infinity", "open: expected a whole number of 0 or more, got text ('-Infinity')"),
        ("nan", "open: expected a whole number of 0 or more, got text ('nan')"),
        ("2.5", "open: expected a whole number of 0 or more, got text ('2.5')"),
        ("", "open: expected a whole number of 0 or more, got text ('')"),
    ],
)
def test_open_workload_counts_are_read_as_numbers(tmp_path: Path, count: str, message: str) -> None:
    path = write_file(tmp_path, "open.csv", f"branch,open\nA,{count}\n")
    with pytest.raises(InputError) as caught:
        read_open_workload(path, COMPANY)
    assert str(caught.value).startswith(f"{path}:2: {message}")
    # A 5,000-digit count is shown cut short: the line stays readable.
    assert len(caught.value.message) < 120


def test_open_workload_forgives_spreadsheet_habits(tmp_path: Path) -> None:
    text = "Branch\tOpen\r\nA\t 3 \r\n\t\r\nB\t2.0\r\n"
    path = write_file(tmp_path, "open.tsv", text.encode("utf-16"))
    assert read_open_workload(path, COMPANY) == {"A": 3, "B": 2}


def test_open_workload_names_a_bad_row(tmp_path: Path) -> None:
    path = write_file(tmp_path, "open.csv", 'branch,open\nA,1\n"B,2\n')
    with pytest.raises(InputError) as caught:
        read_open_workload(path, COMPANY)
    assert str(caught.value) == f"{path}:3: {UNCLOSED_QUOTE}"


def test_an_unknown_branch_lists_only_some_of_many(tmp_path: Path) -> None:
    chain = Company("Chain", tuple(Branch(f"B{n}", "Wuhan") for n in range(5_000)))
    path = write_file(tmp_path, "open.csv", "branch,open\nNowhere,1\n")
    with pytest.raises(InputError) as caught:
        read_open_workload(path, chain)
    assert str(caught.value) == (
        f"{path}:2: unknown branch 'Nowhere' "
        "(expected one of B0, B1, B2, B3, B4, B5, B6, B7 and 4,992 more)"
    )


def test_lead_file_problems_exit_2_with_one_line(profile: Path, tmp_path: Path) -> None:
    for content in (b"id;project;city\n", "x".encode("utf-32"), b"\0\0"):
        leads = write_file(tmp_path, "leads.csv", content)
        status, out, err = run_orgkb("allocate", str(profile), str(leads))
        assert (status, out) == (2, "")
        assert err.startswith(f"orgkb: {leads}")
        assert err.count("\n") == 1
