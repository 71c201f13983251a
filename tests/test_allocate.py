"""``orgkb allocate`` and the files it reads: CSV out, malformed rows, one-line errors, exit 2."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from orgkb.commands import Streams
from orgkb.errors import InputError
from orgkb.leads import Lead, MalformedRow, read_leads, read_open_workload
from orgkb.model import Branch, Company
from tests.helpers import run_orgkb, write_file

PROFILE = """\
company: Wuhan Homes
branches:
  - {name: Hankou, city: Wuhan, capacity: 1}
  - {name: Wuchang, city: Wuhan, capacity: 2}
  - {name: Hanyang, city: Wuhan, capacity: 3}
"""


@pytest.fixture
def profile(tmp_path: Path) -> Path:
    path = tmp_path / "homes.yaml"
    path.write_text(PROFILE, encoding="utf-8")
    return path


def test_600_leads_split_100_200_300(profile: Path, tmp_path: Path) -> None:
    rows = "".join(f"L{n},flats,Wuhan\n" for n in range(600))
    leads = write_file(tmp_path, "leads.csv", "id,project,city\n" + rows)
    status, out, err = run_orgkb("allocate", str(profile), str(leads))
    assert (status, err) == (0, "")
    table = list(csv.reader(io.StringIO(out)))
    assert table[0] == ["lead_id", "branch", "reason"]
    assert [row[0] for row in table[1:]] == [f"L{n}" for n in range(600)]
    counts = {
        name: sum(row[1] == name for row in table) for name in ("Hankou", "Wuchang", "Hanyang")
    }
    assert counts == {"Hankou": 100, "Wuchang": 200, "Hanyang": 300}


def test_one_row_per_input_row_in_order_with_reasons(profile: Path, tmp_path: Path) -> None:
    leads = write_file(
        tmp_path,
        "leads.csv",
        "id,project,city\n"
        "L1,flats,Wuhan\n"
        "L1,flats,Wuhan\n"
        "L2,flats,Wuhan,extra\n"
        ",flats,Wuhan\n"
        "\n"
        "L3\n"
        "L4,flats,Beijing\n"
        "L5,flats,\n",
    )
    status, out, err = run_orgkb("allocate", str(profile), str(leads))
    assert status == 0
    assert out.splitlines() == [
        "lead_id,branch,reason",
        "L1,Hanyang,",
        "L1,,duplicate: the id 'L1' came first on line 2 and is never assigned twice",
        "L2,,malformed: line 4: 4 values for 3 columns",
        ",,malformed: line 5: the id is missing",
        "L3,,malformed: line 7: the project is missing",
        "L4,,\"unknown-city: no branch of Wuhan Homes is in 'Beijing', so its region is unknown\"",
        "L5,Wuchang,",
    ]
    assert err.splitlines() == [
        f"orgkb: {leads}:4: 4 values for 3 columns",
        f"orgkb: {leads}:5: the id is missing",
        f"orgkb: {leads}:7: the project is missing",
    ]


def test_byte_for_byte_the_same_and_seed_changes_ties(profile: Path, tmp_path: Path) -> None:
    rows = "".join(f"L{n},flats,Wuhan\n" for n in range(50))
    leads = write_file(tmp_path, "leads.csv", "id,project,city\n" + rows)
    assert run_orgkb("allocate", str(profile), str(leads)) == run_orgkb(
        "allocate", str(profile), str(leads)
    )
    seeded = run_orgkb("allocate", str(profile), str(leads), "--seed", "7")
    assert seeded == run_orgkb("allocate", str(profile), str(leads), "--seed", "7")
    assert seeded[0] == 0


def test_summary_goes_to_stderr(profile: Path, tmp_path: Path) -> None:
    rows = "".join(f"L{n},flats,Wuhan\n" for n in range(6))
    leads = write_file(tmp_path, "leads.csv", "id,project,city\n" + rows + "L9,flats,Xian\n")
    open_workload = write_file(tmp_path, "open.csv", "branch,open\nHanyang,3\n")
    status, out, err = run_orgkb(
        "allocate", str(profile), str(leads), "--summary", "--open-workload", str(open_workload)
    )
    assert status == 0
    assert len(out.splitlines()) == 8
    assert err.splitlines() == [
        "7 leads: 6 assigned (6 in their city, 0 elsewhere in their region), 1 not assigned",
        "branch   region  capacity  open  assigned  load share  capacity share",
        "Hankou   Wuhan   1         0     1         11.1%       16.7%",
        "Wuchang  Wuhan   2         0     3         33.3%       33.3%",
        "Hanyang  Wuhan   3         3     2         55.6%       50.0%",
        "not assigned: unknown-city 1",
    ]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "the file is empty"),
        (b"\n\n  \n", "the file is empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00", "is a binary file, not a CSV file"),
        (b"\xff\xff\xfa\xfb", ":1: is not text in UTF-8, GB18030 or UTF-16"),
        (
            b"id,project\nL1,flats\n",
            ":1: the header has no 'city' column (expected id,project,city)",
        ),
        (b"id,projet,city\n", ":1: unknown column 'projet' (did you mean 'project'?)"),
        (b"id,id,city\n", ":1: the column 'id' appears twice"),
    ],
)
def test_bad_leads_files_exit_2_with_one_line(
    profile: Path, tmp_path: Path, content: bytes, message: str
) -> None:
    leads = write_file(tmp_path, "leads.csv", content)
    status, out, err = run_orgkb("allocate", str(profile), str(leads))
    assert (status, out) == (2, "")
    assert err == f"orgkb: {leads}{'' if message.startswith(':') else ': '}{message}\n"


def test_missing_leads_file_and_directory(profile: Path, tmp_path: Path) -> None:
    assert run_orgkb("allocate", str(profile), str(tmp_path / "none.csv")) == (
        2,
        "",
        f"orgkb: {tmp_path / 'none.csv'}: no such file\n",
    )
    status, _, err = run_orgkb("allocate", str(profile), str(tmp_path))
    assert (status, err) == (2, f"orgkb: {tmp_path}: is a directory, not a CSV file\n")


def test_bad_profile_exits_2(tmp_path: Path) -> None:
    leads = write_file(tmp_path, "leads.csv", "id,project,city\n")
    status, out, err = run_orgkb("allocate", str(tmp_path / "none.yaml"), str(leads))
    assert (status, out, err) == (2, "", f"orgkb: {tmp_path / 'none.yaml'}: no such file\n")


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("branch,open\nNowhere,1\n", ":2: unknown branch 'Nowhere' (expected one of"),
        ("branch,open\nHankou,1\nHankou,2\n", ":3: 'Hankou' is already on line 2"),
        (
            "branch,open\nHankou,-1\n",
            ":2: open: expected a whole number of 0 or more, got text ('-1')",
        ),
        ("branch,open\nHankou,1.5\n", ":2: open: expected a whole number of 0 or more"),
        ("branch,open\nHankou,1,2\n", ":2: 3 values for 2 columns"),
        ("branch\nHankou\n", ":1: the header has no 'open' column"),
    ],
)
def test_bad_open_workload_exits_2(
    profile: Path, tmp_path: Path, content: str, message: str
) -> None:
    leads = write_file(tmp_path, "leads.csv", "id,project,city\nL1,flats,Wuhan\n")
    workload = write_file(tmp_path, "open.csv", content)
    status, out, err = run_orgkb(
        "allocate", str(profile), str(leads), "--open-workload", str(workload)
    )
    assert (status, out) == (2, "")
    assert err.startswith(f"orgkb: {workload}{message}")
    assert err.count("\n") == 1


def test_bad_seed_is_one_line(profile: Path, tmp_path: Path) -> None:
    leads = write_file(tmp_path, "leads.csv", "id,project,city\n")
    status, out, err = run_orgkb("allocate", str(profile), str(leads), "--seed", "x")
    assert (status, out) == (2, "")
    assert err == "orgkb: --seed: expected a whole number, got text ('x')\n"


def test_cells_a_spreadsheet_would_run_get_a_leading_quote(tmp_path: Path) -> None:
    path = write_file(
        tmp_path, "formula.yaml", "company: F\nbranches:\n  - {name: '=1+1', city: Wuhan}\n"
    )
    ids = ['=HYPERLINK("http://x.test","go")', "+1", "-2", "@SUM(A1)", "'quoted", "plain"]
    rows = "".join(f'"{lead_id.replace(chr(34), chr(34) * 2)}",flats,Wuhan\n' for lead_id in ids)
    leads = write_file(tmp_path, "leads.csv", "id,project,city\n" + rows)
    status, out, err = run_orgkb("allocate", str(path), str(leads))
    assert (status, err) == (0, "")
    table = list(csv.reader(io.StringIO(out)))
    assert [row[0] for row in table[1:]] == [
        '\'=HYPERLINK("http://x.test","go")', "'+1", "'-2", "'@SUM(A1)", "''quoted", "plain",
    ]  # fmt: skip
    assert {row[1] for row in table[1:]} == {"'=1+1"}
    # Dropping one leading quote gives every value back.
    assert [row[0].removeprefix("'") for row in table[1:]] == ids


def test_csv_cells_with_controls_are_escaped_and_formulas_disarmed() -> None:
    # The leads reader strips spaces around values; a value from the library may keep them.
    out = io.StringIO()
    write_row = Streams(out, None).csv(("lead_id",))
    write_row(("\t=1+1",))
    write_row(("\r=1+1",))
    write_row(("a\rb\x1b[2J",))
    write_row(("=1+1",))
    write_row(("",))
    assert "\r" not in out.getvalue() and "\x1b" not in out.getvalue()
    assert list(csv.reader(io.StringIO(out.getvalue(), newline=""))) == [
        ["lead_id"], ["\\t=1+1"], ["\\r=1+1"], ["a\\rb\\x1b[2J"], ["'=1+1"], [""],
    ]  # fmt: skip


def test_reader_bom_gb18030_quotes_and_line_numbers(tmp_path: Path) -> None:
    text = 'id,project,city\r\n"L,1",flats,武汉\r\n\r\nL2,"multi\nline",\r\n'
    for encoding in ("utf-8-sig", "gb18030"):
        path = write_file(tmp_path, f"{encoding}.csv", text.encode(encoding))
        assert list(read_leads(path)) == [
            Lead("L,1", "flats", "武汉", 2),
            MalformedRow(4, "malformed CSV: a quoted value runs past the end of its line", "L2"),
            MalformedRow(5, "malformed CSV: a quote inside a value that is not quoted"),
        ]


def test_reader_columns_in_any_order_and_undecodable_rows(tmp_path: Path) -> None:
    # The encoding is chosen on the whole file; a byte that neither encoding reads spoils only
    # its row.
    good = b"".join(b"Wuhan,L%d,flats\n" % n for n in range(2, 8002))
    path = write_file(tmp_path, "l.csv", b"City,ID,Project\n" + good + b"Wuhan,L,fl\xffts\n")
    rows = list(read_leads(path))
    assert len(good) > 1 << 16
    assert rows[0] == Lead("L2", "flats", "Wuhan", 2)
    assert rows[-1] == MalformedRow(
        8002, "the row holds bytes that are not text in the file's encoding"
    )


def test_reader_refuses_a_bad_file_before_the_first_row(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="has no 'id' column"):
        read_leads(write_file(tmp_path, "l.csv", "project,city\n"))


def test_open_workload_reader(tmp_path: Path) -> None:
    company = Company("Co", (Branch("A", "Wuhan"), Branch("B", "Wuhan")))
    path = write_file(tmp_path, "open.csv", "open,branch\n4,B\n\n0,A\n")
    assert read_open_workload(path, company) == {"B": 4, "A": 0}


CAPPED = """\
company: Wuhan Homes
branches:
  - {name: Hankou, city: Wuhan, daily_cap: 1}
  - {name: Wuchang, city: Wuhan, closed: [周日, 2026-10-01]}
"""


def test_caps_and_closed_days_need_the_received_column(tmp_path: Path) -> None:
    profile = write_file(tmp_path, "capped.yaml", CAPPED)
    leads = write_file(tmp_path, "leads.csv", "id,project,city\nL1,flats,Wuhan\n")
    assert run_orgkb("allocate", str(profile), str(leads)) == (
        2,
        "",
        f"orgkb: {leads}:1: the header has no 'received' column (接收时间), which the daily "
        "caps and closed days of the profile need\n",
    )


def test_caps_closed_days_and_bad_times_row_by_row(tmp_path: Path) -> None:
    profile = write_file(tmp_path, "capped.yaml", CAPPED)
    leads = write_file(
        tmp_path,
        "leads.csv",
        "id,project,city,received\n"
        "L1,flats,Wuhan,2026-03-08 09:00\n"  # a Sunday: Wuchang is closed
        "L2,flats,Wuhan,2026-03-08 10:00\n"
        "L3,flats,Wuhan,yesterday\n"
        "L4,flats,Wuhan,\n"
        "L5,flats,Wuhan,2026-03-09\n",
    )
    status, out, err = run_orgkb("allocate", str(profile), str(leads), "--summary")
    assert status == 0
    assert out.splitlines() == [
        "lead_id,branch,reason",
        "L1,Hankou,",
        "L2,,cap-reached: every branch that could take the lead is closed or at its daily cap "
        "on 2026-03-08",
        'L3,,"malformed: line 4: received: expected an ISO 8601 date or date and time '
        "(2026-03-02 or 2026-03-02T08:15), got text ('yesterday')\"",
        "L4,,malformed: line 5: the received time is missing",
        "L5,Wuchang,",
    ]
    assert err.splitlines()[0] == (
        f"orgkb: {leads}:4: received: expected an ISO 8601 date or date and time "
        "(2026-03-02 or 2026-03-02T08:15), got text ('yesterday')"
    )
    assert err.splitlines()[2:6] == [
        "branch   region  capacity  open  assigned  passed  load share  capacity share",
        "Hankou   Wuhan   1         0     1         0       50.0%       50.0%",
        "Wuchang  Wuhan   1         0     1         0       50.0%       50.0%",
        "not assigned: malformed 2, cap-reached 1",
    ]
