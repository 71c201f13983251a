"""Loading company profiles: the three formats, and one clear line for every kind of bad input."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from orgkb.errors import InputError
from orgkb.model import Branch, Company
from orgkb.profile import load_company
from tests.helpers import write_file

YAML_PROFILE = """\
company: ACME Realty
headquarters: Hangzhou
branches:
  - name: West Lake
    city: Hangzhou
    region: Zhejiang
    projects: [villas, flats]
    capacity: 2
  - name: Binjiang
    city: Hangzhou
    region: Zhejiang
  - name: Jiangbei
    city: Ningbo
"""

EXPECTED = Company(
    "ACME Realty",
    (
        Branch("West Lake", "Hangzhou", "Zhejiang", ("villas", "flats"), 2.0),
        Branch("Binjiang", "Hangzhou", "Zhejiang"),
        Branch("Jiangbei", "Ningbo", "Ningbo"),
    ),
    "Hangzhou",
)


def error_of(path: Path, **options: str) -> str:
    with pytest.raises(InputError) as caught:
        load_company(path, **options)
    message = str(caught.value)
    assert "\n" not in message
    assert message.startswith(str(path))
    return message


def test_yaml(tmp_path: Path) -> None:
    assert load_company(write_file(tmp_path, "acme.yaml", YAML_PROFILE)) == EXPECTED


def test_json(tmp_path: Path) -> None:
    document = {
        "company": "ACME Realty",
        "headquarters": "Hangzhou",
        "branches": [
            {"name": "West Lake", "city": "Hangzhou", "region": "Zhejiang",
             "projects": ["villas", "flats"], "capacity": 2},
            {"name": "Binjiang", "city": "Hangzhou", "region": "Zhejiang"},
            {"name": "Jiangbei", "city": "Ningbo"},
        ],
    }  # fmt: skip
    path = write_file(tmp_path, "acme.json", json.dumps(document, ensure_ascii=False))
    assert load_company(path) == EXPECTED


def test_csv_takes_the_company_name_from_the_option_or_the_file(tmp_path: Path) -> None:
    table = (
        "name,city,region,projects,capacity\n"
        "West Lake,Hangzhou,Zhejiang,villas;flats,2\n"
        "Binjiang,Hangzhou,Zhejiang,,\n"
        "Jiangbei,Ningbo,,,\n"
    )
    path = write_file(tmp_path, "ACME Realty.csv", table)
    loaded = load_company(path)
    assert loaded.name == "ACME Realty"
    assert loaded.branches == EXPECTED.branches
    assert load_company(path, company="Other").name == "Other"


def test_csv_forgives_excel_habits(tmp_path: Path) -> None:
    # A byte-order mark, capitalised headers, stray spaces, CRLF line ends, a blank last row.
    table = "\ufeffName , City,Projects\r\nEast , Wuhan , a；b\r\n,,\r\n"
    loaded = load_company(write_file(tmp_path, "east.csv", table))
    assert loaded.branches == (Branch("East", "Wuhan", projects=("a", "b")),)


def test_csv_in_gb18030_from_chinese_excel(tmp_path: Path) -> None:
    table = "name,city\n西湖店,杭州\n".encode("gb18030")
    assert load_company(write_file(tmp_path, "shop.csv", table)).branches == (
        Branch("西湖店", "杭州"),
    )


def test_tab_separated(tmp_path: Path) -> None:
    loaded = load_company(write_file(tmp_path, "t.tsv", "name\tcity\nA\tWuhan\n"))
    assert loaded.branches == (Branch("A", "Wuhan"),)


def test_format_is_guessed_without_a_suffix(tmp_path: Path) -> None:
    assert load_company(write_file(tmp_path, "p1", '{"company": "J"}')).name == "J"
    assert load_company(write_file(tmp_path, "p2", "company: Y\n")).name == "Y"
    assert load_company(write_file(tmp_path, "p3", "name,city\nA,B\n")).branches == (
        Branch("A", "B"),
    )


def test_no_branches_key_means_no_branches(tmp_path: Path) -> None:
    assert load_company(write_file(tmp_path, "solo.yaml", "company: Solo\n")).branches == ()
    assert load_company(
        write_file(tmp_path, "solo2.yaml", "company: Solo\nbranches: []\n")
    ) == Company("Solo")


def test_numbers_as_names_are_text(tmp_path: Path) -> None:
    loaded = load_company(
        write_file(tmp_path, "n.yaml", "company: 58\nbranches: [{name: 101, city: X}]")
    )
    assert loaded.name == "58"
    assert loaded.branches[0].name == "101"


def test_projects_as_one_string(tmp_path: Path) -> None:
    profile = "company: C\nbranches: [{name: A, city: X, projects: 'villas; flats'}]\n"
    assert load_company(write_file(tmp_path, "p.yaml", profile)).branches[0].projects == (
        "villas",
        "flats",
    )


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("company: C\nbrnaches: []\n", "p.yaml:2: brnaches: unknown field 'brnaches' (did you mean 'branches'?)"),
        ("company: C\nbranches:\n  - name: A\n    cty: X\n", "p.yaml:4: branches[0].cty: unknown field 'cty' (did you mean 'city'?)"),
        ("branches: []\n", "p.yaml:1: company: missing"),
        ("company: '  '\n", "p.yaml:1: company: is empty"),
        ("company: C\nbranches:\n  - name: A\n", "p.yaml:3: branches[0].city: missing"),
        ("company: C\nbranches:\n  - name: A\n    city:\n", "p.yaml:4: branches[0].city: missing"),
        ("company: C\nbranches:\n  - {name: A, city: X}\n  - {name: A, city: Y}\n",
         "p.yaml:4: branches[1].name: 'A' is already the name of the branch on line 3"),
        ("company: C\nbranches: Wuhan\n", "p.yaml:2: branches: expected a list of branches, got text ('Wuhan')"),
        ("company: C\nbranches: [Wuhan]\n", "p.yaml:2: branches[0]: expected a branch with a name and a city, got text ('Wuhan')"),
        ("company: C\nbranches:\n  - {name: A, city: X, capacity: lots}\n", "p.yaml:3: branches[0].capacity: expected a number above 0, got text ('lots')"),
        ("company: C\nbranches:\n  - {name: A, city: X, capacity: 0}\n", "p.yaml:3: branches[0].capacity: expected a number above 0, got a number (0)"),
        ("company: C\nbranches:\n  - {name: A, city: X, capacity: true}\n", "p.yaml:3: branches[0].capacity: expected a number above 0, got true/false (True)"),
        ("company: C\nbranches:\n  - {name: A, city: X, projects: 5}\n", "p.yaml:3: branches[0].projects: expected a list of projects, got a number (5)"),
        ("company: [C]\n", "p.yaml:1: company: expected text, got a list"),
        ("company: C\ncompany: D\n", "p.yaml:2: the key 'company' appears twice in one mapping"),
        ("- just\n- a list\n", "p.yaml:1: expected a mapping with 'company' and 'branches' at the top"),
        ("company: C\nbranches: [\n", "p.yaml:3: malformed YAML: expected the node content, but found '<stream end>'"),
    ],
)  # fmt: skip
def test_bad_yaml(tmp_path: Path, content: str, expected: str) -> None:
    path = write_file(tmp_path, "p.yaml", content)
    assert error_of(path) == f"{tmp_path}/{expected}"


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ('{"company": "C", "company": "D"}', "p.json: the key 'company' appears twice in one object"),
        ('{"company": "C", "branches": [{"name": "A"}]}', "p.json: branches[0].city: missing"),
        ('{"company": "C", "branches": [{"name": "A", "city": ""}]}', "p.json: branches[0].city: is empty"),
        ('{"company": "C", "branches": [{"name": "A", "city": "X", "capacity": -1}]}',
         "p.json: branches[0].capacity: expected a number above 0, got a number (-1)"),
        ('"company"', "p.json: expected a mapping with 'company' and 'branches' at the top"),
    ],
)  # fmt: skip
def test_bad_json(tmp_path: Path, content: str, expected: str) -> None:
    assert error_of(write_file(tmp_path, "p.json", content)) == f"{tmp_path}/{expected}"


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("nme,city\nA,X\n", "p.csv:1: unknown column 'nme' (did you mean 'name'?)"),
        ("name,region\nA,X\n", "p.csv:1: the header has no 'city' column (expected name,city)"),
        ("name,city,name\nA,X,B\n", "p.csv:1: the column 'name' appears twice"),
        ("name,city\nA,X\nB\n", "p.csv:3: city: missing"),
        ("name,city\nA,X,extra\n", "p.csv:2: 3 values for 2 columns"),
        ("name,city\nA,X\nA,Y\n", "p.csv:3: name: 'A' is already the name of the branch on line 2"),
        ("name,city,capacity\nA,X,many\n", "p.csv:2: capacity: expected a number above 0, got text ('many')"),
        ('name,city\n"A,X\n', "p.csv:2: malformed CSV: a quoted value starts on this line and never ends"),
    ],
)  # fmt: skip
def test_bad_csv(tmp_path: Path, content: str, expected: str) -> None:
    assert error_of(write_file(tmp_path, "p.csv", content)) == f"{tmp_path}/{expected}"


def test_malformed_json_names_the_line(tmp_path: Path) -> None:
    # The wording of the reason varies between Python versions; the place does not.
    path = write_file(tmp_path, "p.json", '{\n  "company": "C",\n  "branches": [}\n')
    assert error_of(path).startswith(f"{path}:3: malformed JSON: ")


@pytest.mark.parametrize(
    ("content", "line"),
    [
        ('{\n  "company": "C",\n  "branches": [\n    {"name": "A", "city": "W"},\n  ]\n}\n', 4),
        ('{"company": "C",\n "branches": [],\n}', 2),
    ],
)
def test_a_trailing_comma_is_named_alike_on_every_python(
    tmp_path: Path, content: str, line: int
) -> None:
    # Python 3.13 words it otherwise, and on another line, than earlier versions' json.
    path = write_file(tmp_path, "p.json", content)
    assert error_of(path) == f"{path}:{line}: malformed JSON: a comma after the last item"


def test_empty_file(tmp_path: Path) -> None:
    for name in ("e.yaml", "e.json", "e.csv"):
        assert error_of(write_file(tmp_path, name, " \n\n")).endswith(f"{name}: the file is empty")


def test_binary_file(tmp_path: Path) -> None:
    path = write_file(tmp_path, "logo.yaml", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR")
    assert error_of(path).endswith("is a binary file, not a YAML, JSON or CSV company profile")


def test_missing_file_and_directory(tmp_path: Path) -> None:
    assert error_of(tmp_path / "nowhere.yaml").endswith("nowhere.yaml: no such file")
    assert error_of(tmp_path).endswith("is a directory, not a YAML, JSON or CSV company profile")


def test_utf16_from_a_windows_editor(tmp_path: Path) -> None:
    path = write_file(
        tmp_path, "u.yaml", "company: 宏\nbranches: [{name: A, city: W}]\n".encode("utf-16")
    )
    assert load_company(path) == Company("宏", (Branch("A", "W"),))


def test_semicolon_separated_table(tmp_path: Path) -> None:
    path = write_file(tmp_path, "p.csv", "name;city\nA;W\n")
    assert (
        error_of(path)
        == f"{path}:1: the columns are separated by ';': save the table with commas or tabs"
    )
