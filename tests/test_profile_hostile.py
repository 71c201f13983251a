"""Hostile profiles: each ends as one line naming the file, never a traceback, a hang or a
number too large to print, whether PyYAML has libyaml or not."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from orgkb.errors import InputError
from orgkb.profile import ALIAS_ALLOWANCE, DEEPEST, load_company
from tests.helpers import run_orgkb, write_file

BOMB = "".join(
    f"{name}: &{name} [{', '.join([f'*{last}'] * 9) if last else ', '.join(['lol'] * 9)}]\n"
    for last, name in zip(["", *"abcdefgh"], "abcdefghi", strict=True)
)

HOSTILE_YAML = {
    "esc": ("company: C\x1b\n", ":1: malformed YAML: the character U+001B is not allowed in YAML"),
    "vt": ("company: C\nheadquarters: \x0b\n", ":2: malformed YAML: the character U+000B is not allowed in YAML"),
    "bel": ("company: C\x07\n", ":1: malformed YAML: the character U+0007 is not allowed in YAML"),
    "del": ("company: C\x7f\n", ":1: malformed YAML: the character U+007F is not allowed in YAML"),
    "c1": ("company: C\x9b\n", ":1: malformed YAML: the character U+009B is not allowed in YAML"),
    "fffe": ("company: C\ufffe\n", ":1: malformed YAML: the character U+FFFE is not allowed in YAML"),
    "merge": (
        "company: C\nbase: &base {city: Wuhan}\nbranches:\n  - <<: *base\n    name: A\n",
        ":4: a merge key (<<) has no use in a profile: write the keys out in full",
    ),
    "deep flow": (
        "company: " + "[" * 600 + "]" * 600 + "\n",
        f":1: the YAML nests deeper than {DEEPEST} levels",
    ),
    "deep block": (
        "".join("  " * level + f"k{level}:\n" for level in range(600)),
        f":{DEEPEST + 1}: the YAML nests deeper than {DEEPEST} levels",
    ),
    "recursive alias": ("company: C\nbranches: &a [*a]\n", ":2: malformed YAML: the alias *a is inside the value it names"),
    "undefined alias": ("company: *c\n", ":1: malformed YAML: found undefined alias 'c'"),
    "duplicate anchor": ("company: &c C\nheadquarters: &c H\n", ":2: malformed YAML: found duplicate anchor 'c'"),
    "list as key": ("company: C\n? [a, b]\n: c\n", ":2: malformed YAML: a key must be text, not a list"),
    "set": ("company: C\nbranches: !!set {a, b}\n", ":2: malformed YAML: the tag tag:yaml.org,2002:set has no use in a profile"),
    "python": ("company: !!python/object/apply:os.system [ls]\n", ":1: malformed YAML: the tag tag:yaml.org,2002:python/object/apply:os.system has no use in a profile"),
    "two documents": ("company: C\n---\ncompany: D\n", ":2: malformed YAML: expected a single document, but found another document"),
    "int of 400 digits": (
        "company: C\nspan_of_control: " + "9" * 400 + "\n",
        ":2: span_of_control: expected a whole number of 2 or more, got a number of 100+ digits",
    ),
    "int of 5,000 digits": (
        "company: C\nbusy_hour_factor: " + "9" * 5_000 + "\n",
        ":2: busy_hour_factor: expected a number above 0 and at most 1, got text ('99999",
    ),
    "negative int of 5,000 digits": (
        "company: C\nsalaries: {agent: -" + "9" * 5_000 + ", promoter: 1, support: 1, manager: 1}\n",
        ":2: salaries.agent: expected a number of 0 or more, got text ('-9999",
    ),
    "capacity of 4,300 digits": (
        "company: C\nbranches: [{name: A, city: W, capacity: " + "9" * 4_300 + "}]\n",
        ":2: branches[0].capacity: expected a number of at most 1e+12, got a number of 100+ digits",
    ),
    "salary 1e308": (
        "company: C\nsalaries: {agent: 1.0e+308, promoter: 1, support: 1, manager: 1}\n",
        ":2: salaries.agent: expected a number of at most 1e+12, got a number (1e+308)",
    ),
    "infinite factor": (
        "company: C\nbusy_hour_factor: -.inf\n",
        ":2: busy_hour_factor: expected a number above 0 and at most 1, got an infinity (-inf)",
    ),
    "NaN span": (
        "company: C\nspan_of_control: .nan\n",
        ":2: span_of_control: expected a whole number of 2 or more, got not a number (nan)",
    ),
    "huge service target": (
        "company: C\nservice_target: {aht: 1.0e+300}\n",
        ":2: service_target.aht: expected a number of at most 1e+12, got a number (1e+300)",
    ),
    "bad service target": (
        "company: C\nservice_target: {service_level: 80}\n",
        ":2: service_target.service_level: expected a number above 0 and below 1, got 80",
    ),
    "lone surrogate": ('company: "\\ud800"\n', ":1: company: expected text, got half a character (U+D800)"),
}  # fmt: skip


@pytest.fixture(params=["libyaml", "pure Python"])
def parser(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """Both of PyYAML's parsers, which must give the same answers."""
    if request.param == "pure Python":
        monkeypatch.delattr(yaml, "CSafeLoader", raising=False)
    elif not getattr(yaml, "__with_libyaml__", False):
        pytest.skip("PyYAML was built without libyaml")
    return str(request.param)


def error_of(path: Path) -> str:
    with pytest.raises(InputError) as caught:
        load_company(path)
    message = str(caught.value)
    assert "\n" not in message
    assert message.startswith(str(path))
    return message[len(str(path)) :]


@pytest.mark.parametrize(("text", "message"), HOSTILE_YAML.values(), ids=HOSTILE_YAML)
def test_hostile_yaml(tmp_path: Path, parser: str, text: str, message: str) -> None:
    assert error_of(write_file(tmp_path, "p.yaml", text)).startswith(message)


def test_a_billion_laughs_is_refused_before_it_is_built(tmp_path: Path, parser: str) -> None:
    assert len(BOMB) < 700
    message = error_of(write_file(tmp_path, "p.yaml", BOMB))
    # Nine lists, each of nine aliases of the list before it: the last stands for 9⁹ laughs.
    assert message == (
        ": the aliases (*name) would repeat 490,329,036 values; "
        f"a profile of this size may repeat {ALIAS_ALLOWANCE:,}"
    )


def test_aliases_may_share_values(tmp_path: Path, parser: str) -> None:
    text = (
        "company: C\nbranches:\n"
        "  - {name: A, city: Wuhan, projects: &projects [villas, flats]}\n"
        + "".join(f"  - {{name: B{n}, city: Wuhan, projects: *projects}}\n" for n in range(2_000))
    )
    company = load_company(write_file(tmp_path, "p.yaml", text))
    assert {branch.projects for branch in company.branches} == {("villas", "flats")}


def test_yaml_values_that_python_cannot_construct_stay_text(tmp_path: Path, parser: str) -> None:
    text = (
        "company: 2024-13-45\nheadquarters: <<\nbranches: [{name: " + "1" * 5_000 + ", city: =}]\n"
    )
    company = load_company(write_file(tmp_path, "p.yaml", text))
    assert (company.name, company.headquarters) == ("2024-13-45", "<<")
    assert (company.branches[0].name, company.branches[0].city) == ("1" * 5_000, "=")


def test_utf32_text(tmp_path: Path) -> None:
    for encoding, message in (
        ("utf-32", ": is UTF-32 text, not UTF-8, GB18030 or UTF-16"),
        ("utf-32-le", ": is a binary file, not a YAML, JSON or CSV company profile"),
    ):
        path = write_file(tmp_path, f"{encoding}.yaml", "company: C\n".encode(encoding))
        assert error_of(path) == message


HOSTILE_JSON = {
    "deep": ('{"company": ' + "[" * 1_200 + "]" * 1_200 + "}", f":1: the JSON nests deeper than {DEEPEST} levels"),
    "deep on line 3": ('{\n"company": "C",\n"x": ' + "{\"a\": " * 200 + "1" + "}" * 201, f":3: the JSON nests deeper than {DEEPEST} levels"),
    "int of 5,000 digits": ('{"company": "C", "span_of_control": ' + "9" * 5_000 + "}", ": span_of_control: expected a whole number of 2 or more, got text ('9999"),
    "int of 400 digits": ('{"company": "C", "span_of_control": ' + "9" * 400 + "}", ": span_of_control: expected a whole number of 2 or more, got a number of 100+ digits"),
    "salary 1e308": ('{"company": "C", "salaries": {"agent": 1e308, "promoter": 1, "support": 1, "manager": 1}}', ": salaries.agent: expected a number of at most 1e+12, got a number (1e+308)"),
    "-Infinity": ('{"company": "C", "salaries": {"agent": -Infinity, "promoter": 1, "support": 1, "manager": 1}}', ": salaries.agent: expected a number of 0 or more, got an infinity (-inf)"),
    "NaN": ('{"company": "C", "busy_hour_factor": NaN}', ": busy_hour_factor: expected a number above 0 and at most 1, got not a number (nan)"),
    "lone surrogate": ('{"company": "C", "branches": [{"name": "\\udc80", "city": "W"}]}', ": branches[0].name: expected text, got half a character (U+DC80)"),
    "a key twice among many": ("{" + ", ".join(f'"k{n}": 1' for n in range(50_000)) + ', "k7": 2}', ": the key 'k7' appears twice in one object"),
}  # fmt: skip


@pytest.mark.parametrize(("text", "message"), HOSTILE_JSON.values(), ids=HOSTILE_JSON)
def test_hostile_json(tmp_path: Path, text: str, message: str) -> None:
    assert error_of(write_file(tmp_path, "p.json", text)).startswith(message)


def test_json_nesting_up_to_the_limit_is_read(tmp_path: Path) -> None:
    # A string with brackets in it is not nesting.
    text = (
        '{"company": "[[[['
        + "[" * 200
        + '", "x": '
        + "[" * (DEEPEST - 1)
        + "]" * (DEEPEST - 1)
        + "}"
    )
    assert error_of(write_file(tmp_path, "p.json", text)).startswith(": x: unknown field 'x'")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("name,city,capacity\nA,W," + "9" * 5_000 + "\n", ":2: capacity: expected a number of at most 1e+12, got text ('9999"),
        ("name,city,capacity\nA,W,-Infinity\n", ":2: capacity: expected a number above 0, got text ('-Infinity')"),
        ("name,city,inquiries_per_month\nA,W,1e400\n", ":2: inquiries_per_month: expected a number of at most 1e+12, got text ('1e400')"),
        ('name,city\nA,"W\nB,X\n', ":2: malformed CSV: a quoted value starts on this line and never ends"),
    ],
)  # fmt: skip
def test_hostile_csv(tmp_path: Path, text: str, message: str) -> None:
    assert error_of(write_file(tmp_path, "p.csv", text)).startswith(message)


def test_csv_profiles_keep_quoted_line_breaks_and_line_separators(tmp_path: Path) -> None:
    text = 'name,city\n"West\nLake",Hangzhou\nEast\u2028Side,Hangzhou\nNorth,Ningbo\n'
    company = load_company(write_file(tmp_path, "p.csv", text))
    assert [branch.name for branch in company.branches] == ["West\nLake", "East\u2028Side", "North"]


def test_no_json_output_holds_an_infinity(tmp_path: Path) -> None:
    # The largest salary a profile may give, multiplied out over every team of a big company.
    profile = {
        "company": "C",
        "salaries": {"agent": 1e12, "promoter": 1e12, "support": 1e12, "manager": 1e12},
        "branches": [
            {"name": f"B{n}", "city": f"C{n % 7}", "region": f"R{n % 3}", "inquiries_per_hour": 1e4}
            for n in range(30)
        ],
    }
    path = write_file(tmp_path, "p.json", json.dumps(profile))
    status, out, err = run_orgkb("compare", str(path), "--format", "json")
    assert (status, err) == (0, "")
    assert "Infinity" not in out and "NaN" not in out
    json.loads(out, parse_constant=lambda name: pytest.fail(f"{name} in the output"))


@pytest.mark.parametrize("name", ["esc", "merge", "deep flow", "int of 5,000 digits"])
def test_every_command_exits_2_with_one_line(tmp_path: Path, name: str) -> None:
    path = write_file(tmp_path, "p.yaml", HOSTILE_YAML[name][0])
    leads = write_file(tmp_path, "leads.csv", "id,project,city\n")
    for command in (["recommend"], ["chart"], ["compare"], ["allocate"]):
        argv = [*command, str(path)] + ([str(leads)] if command == ["allocate"] else [])
        status, out, err = run_orgkb(*argv)
        assert (status, out) == (2, "")
        assert err.startswith(f"orgkb: {path}") and err.count("\n") == 1
