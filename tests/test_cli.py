"""The command line: output, exit codes, one-line errors, and output no input can break."""

from __future__ import annotations

import json
import math
import os
import subprocess
import sys
from pathlib import Path

import pytest

from orgkb.commands import Streams
from orgkb.model import Branch, Company
from orgkb.plan import recommend
from orgkb.render import plan_as_text
from tests.helpers import run_orgkb, write_file

PROFILE = "company: ACME\nbranches:\n  - {name: A, city: Wuhan}\n  - {name: B, city: Changsha}\n"
ORGKB = [sys.executable, "-m", "orgkb"]
RAW_CONTROLS = ("\x1b", "\r", "\x07", "\x9b", "\u202e")


@pytest.fixture
def profile(tmp_path: Path) -> Path:
    path = tmp_path / "acme.yaml"
    path.write_text(PROFILE, encoding="utf-8")
    return path


def test_recommend_text(profile: Path) -> None:
    status, out, err = run_orgkb("recommend", str(profile))
    assert (status, err) == (0, "")
    assert out.splitlines()[:3] == [
        "ACME: multi-region, centralized",
        "ACME [group] promotion 推广, customer service 客服, support 支持",
        "├── Wuhan [region] sales 销售",
    ]


def test_recommend_json(profile: Path) -> None:
    status, out, _ = run_orgkb(
        "recommend", str(profile), "--format", "json", "--governance", "decentralized"
    )
    assert status == 0
    document = json.loads(out)
    assert document["governance"] == "decentralized"
    assert [unit["id"] for unit in document["units"]] == [
        "group", "region:Wuhan", "branch:A", "region:Changsha", "branch:B",
    ]  # fmt: skip


def test_governance_outside_several_regions_is_noted(tmp_path: Path) -> None:
    path = tmp_path / "solo.yaml"
    path.write_text("company: Solo\n", encoding="utf-8")
    status, _, err = run_orgkb("recommend", str(path), "--governance", "decentralized")
    assert status == 0
    assert err == (
        "orgkb: note: --governance applies to several regions; "
        "Solo is no-branches, so it was not used\n"
    )


def test_bad_profile_is_one_line_and_status_2(tmp_path: Path) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text("company: C\nbrnaches: []\n", encoding="utf-8")
    status, out, err = run_orgkb("recommend", str(path))
    assert (status, out) == (2, "")
    assert (
        err == f"orgkb: {path}:2: brnaches: unknown field 'brnaches' (did you mean 'branches'?)\n"
    )


def test_missing_file(tmp_path: Path) -> None:
    status, _, err = run_orgkb("recommend", str(tmp_path / "none.yaml"))
    assert status == 2
    assert err == f"orgkb: {tmp_path}/none.yaml: no such file\n"


@pytest.mark.parametrize(
    ("argv", "line"),
    [
        ((), "the following arguments are required: COMMAND"),
        (("recommend",), "the following arguments are required: PROFILE"),
        (
            ("frobnicate",),
            "COMMAND: invalid choice: 'frobnicate' "
            "(choose from recommend, chart, rules, cite, staff, compare, allocate, tally, "
            "transition, support)",
        ),
        (
            ("recommend", "x.yaml", "--format", "xml"),
            "--format: invalid choice: 'xml' (choose from text, json)",
        ),
        (("recommend", "x.yaml", "--format"), "--format: expected one argument"),
        (("recommend", "x.yaml", "--frob"), "unrecognized arguments: --frob"),
    ],
)
def test_usage_errors_are_one_line_and_status_2(argv: tuple[str, ...], line: str) -> None:
    assert run_orgkb(*argv) == (2, "", f"orgkb: {line}\n")


def test_help_exits_0_with_the_usage() -> None:
    status, out, err = run_orgkb("recommend", "--help")
    assert (status, err) == (0, "")
    assert out.startswith("usage: orgkb recommend [-h]")
    assert "--governance" in out


# Each sub-command, with a bad value of an option and, where it reads one, a bad file.
BAD_INPUTS = [
    (("recommend", "{profile}", "--governance", "federal"), "--governance: invalid choice"),
    (("recommend", "{broken}"), "{broken}:2: brnaches: unknown field"),
    (("chart", "{profile}", "--format", "png"), "--format: invalid choice: 'png'"),
    (("chart", "{broken}", "--as-is"), "{broken}:2: brnaches: unknown field"),
    (("rules", "--format", "yaml"), "--format: invalid choice: 'yaml'"),
    (("rules", "--colour"), "unrecognized arguments: --colour"),
    (("cite", "no.such-rule"),
     "no rule has the id or code 'no.such-rule'; `orgkb rules` lists them"),
    (("cite", "one-region.sales-in-every-branch", "--format", "ris"), "--format: invalid choice"),
    (
        ("staff", "--arrivals-per-hour", "ten", "--aht", "180", "--answer-within", "20",
         "--service-level", "0.8"),
        "--arrivals-per-hour: expected a number of 0 or more, got text ('ten')",
    ),
    (
        ("staff", "--arrivals-per-hour", "10", "--aht", "180", "--answer-within", "20",
         "--service-level", "0.8", "--max-occupancy", "1e400"),
        "--max-occupancy: expected a number above 0 and at most 1, got text ('1e400')",
    ),
    (
        ("compare", "{profile}", "--days-per-month", "1e308"),
        "--days-per-month: expected a number of 1 or more and at most 31, got text ('1e308')",
    ),
    (
        ("compare", "{profile}", "--support-team", "1.5"),
        "--support-team: expected a whole number of 0 or more, got text ('1.5')",
    ),
    (("compare", "{broken}"), "{broken}:2: brnaches: unknown field"),
    (
        ("allocate", "{profile}", "{leads}", "--seed", "x"),
        "--seed: expected a whole number, got text ('x')",
    ),
    (
        ("allocate", "{profile}", "{typo}"),
        "{typo}:1: unknown column 'projet' (did you mean 'project'?)",
    ),
    (("allocate", "{broken}", "{leads}"), "{broken}:2: brnaches: unknown field"),
]  # fmt: skip


@pytest.mark.parametrize(("argv", "message"), BAD_INPUTS)
def test_every_command_ends_bad_input_in_one_line(
    tmp_path: Path, profile: Path, argv: tuple[str, ...], message: str
) -> None:
    paths = {
        "profile": str(profile),
        "broken": str(write_file(tmp_path, "broken.yaml", "company: C\nbrnaches: []\n")),
        "leads": str(write_file(tmp_path, "leads.csv", "id,project,city\nL1,flats,Wuhan\n")),
        "typo": str(write_file(tmp_path, "typo.csv", "id,projet,city\nL1,flats,Wuhan\n")),
    }
    status, out, err = run_orgkb(*(word.format(**paths) for word in argv))
    assert (status, out) == (2, "")
    assert err.startswith("orgkb: " + message.format(**paths))
    assert err.count("\n") == 1


HOSTILE_PROFILE = r"""{
  "company": "Acme\u001b[2J\r\u0007\u009b\u202e",
  "branches": [
    {"name": "A\u001b]0;owned\u0007", "city": "Wuhan", "inquiries_per_hour": 10},
    {"name": "B\nC [branch]", "city": "Wuhan", "inquiries_per_hour": 10}
  ]
}
"""


def test_control_characters_are_escaped_in_text_and_faithful_in_json(tmp_path: Path) -> None:
    path = write_file(tmp_path, "hostile.json", HOSTILE_PROFILE)
    texts = [
        run_orgkb("recommend", str(path)),
        run_orgkb("chart", str(path), "--as-is"),
        run_orgkb("compare", str(path)),
    ]
    for status, out, err in texts:
        assert (status, err) == (0, "")
        assert not any(character in out for character in RAW_CONTROLS)
        assert out.startswith("Acme\\x1b[2J\\r\\x07\\x9b\\u202e: ")
    recommended = texts[0][1].splitlines()
    assert recommended[2:4] == [
        "├── A\\x1b]0;owned\\x07 [branch] sales 销售",
        "└── B\\nC [branch] [branch] sales 销售",
    ]
    status, out, _ = run_orgkb("recommend", str(path), "--format", "json")
    assert status == 0
    assert not any(character in out for character in RAW_CONTROLS)
    assert json.loads(out)["units"][1]["name"] == "A\x1b]0;owned\x07"


def test_control_characters_in_errors_and_remarks_are_escaped(tmp_path: Path) -> None:
    path = write_file(tmp_path, "hostile.json", HOSTILE_PROFILE)
    leads = write_file(tmp_path, "leads.csv", "id,project,city\nL1,flats,\x1b[31m\n,flats,\n")
    status, _, err = run_orgkb("allocate", str(path), str(leads), "--summary")
    assert status == 0
    assert "\x1b" not in err and "\r" not in err
    assert err.splitlines()[3:5] == [
        "A\\x1b]0;owned\\x07  Wuhan   1         0     0         -           50.0%",
        "B\\nC [branch]      Wuhan   1         0     0         -           50.0%",
    ]
    status, _, err = run_orgkb("recommend", str(tmp_path / "\x1b[2Jnone.yaml"))
    assert (status, err) == (2, f"orgkb: {tmp_path}/\\x1b[2Jnone.yaml: no such file\n")


SURROGATE_PROFILE = r"""{
  "company": "Acme \udcff",
  "branches": [
    {"name": "A\udcff", "city": "Wuhan", "inquiries_per_hour": 10},
    {"name": "B", "city": "Wuhan\ud800", "inquiries_per_hour": 10}
  ]
}
"""


@pytest.mark.parametrize(
    "argv",
    [
        ("recommend",),
        ("recommend", "--format", "json"),
        ("chart",),
        ("chart", "--as-is"),
        ("chart", "--format", "html"),
        ("chart", "--format", "mermaid"),
        ("chart", "--format", "dot"),
        ("compare",),
        ("compare", "--format", "json"),
    ],
)
def test_a_lone_surrogate_in_a_profile_is_refused_by_every_output(
    tmp_path: Path, argv: tuple[str, ...]
) -> None:
    # A lone surrogate is half a character: the profile is refused before any output is made.
    path = write_file(tmp_path, "surrogate.json", SURROGATE_PROFILE)
    status, out, err = run_orgkb(argv[0], str(path), *argv[1:])
    assert (status, out) == (2, "")
    assert err.startswith(f"orgkb: {path}: company: expected text, got half a character")
    assert err.count("\n") == 1


def test_a_lone_surrogate_in_a_profile_is_refused_by_allocate(tmp_path: Path) -> None:
    path = write_file(tmp_path, "surrogate.json", SURROGATE_PROFILE)
    leads = write_file(tmp_path, "leads.csv", "id,project,city\nL1,flats,Wuhan\n")
    status, out, err = run_orgkb("allocate", str(path), str(leads), "--summary")
    assert (status, out) == (2, "")
    assert "half a character (U+DCFF)" in err and err.count("\n") == 1


def test_text_of_a_python_made_company_with_a_surrogate_is_writable() -> None:
    company = Company("Acme\udcff", (Branch("A", "Wuhan"), Branch("B", "Wuhan")))
    assert plan_as_text(recommend(company)).startswith("Acme\\udcff: one-region")


def test_json_never_holds_infinity_or_nan() -> None:
    streams = Streams(sys.stdout, sys.stderr)
    for number in (math.inf, -math.inf, math.nan):
        with pytest.raises(ValueError, match="not JSON compliant"):
            streams.json({"labour_cost": number})


def test_console_script_and_python_m(profile: Path) -> None:
    # The installed entry points, end to end, with no traceback on bad input.
    for command in (ORGKB, [str(Path(sys.executable).parent / "orgkb")]):
        good = subprocess.run([*command, "recommend", str(profile)], capture_output=True, text=True)
        assert good.returncode == 0
        assert good.stdout.startswith("ACME: multi-region")
        bad = subprocess.run(
            [*command, "recommend", "/nonexistent.yaml"], capture_output=True, text=True
        )
        assert bad.returncode == 2
        assert bad.stderr == "orgkb: /nonexistent.yaml: no such file\n"


def _environment(**variables: str) -> dict[str, str]:
    return {**os.environ, **variables}


def test_an_encoding_without_the_characters_is_one_line(profile: Path) -> None:
    done = subprocess.run(
        [*ORGKB, "recommend", str(profile)],
        capture_output=True,
        text=True,
        env=_environment(PYTHONIOENCODING="ascii"),
    )
    assert done.returncode == 2
    assert done.stderr == (
        "orgkb: standard output is in the encoding ascii, which cannot hold the result; "
        "use UTF-8, for example with PYTHONIOENCODING=utf-8\n"
    )


def test_a_surrogate_from_the_command_line_is_one_line(profile: Path) -> None:
    # Arguments that are not UTF-8 arrive as lone surrogates (PEP 383): half a character.
    done = subprocess.run(
        [*ORGKB, "recommend", str(profile), "--company", os.fsdecode(b"Acme\xff")],
        capture_output=True,
        env=_environment(PYTHONIOENCODING="utf-8:strict"),
    )
    assert (done.returncode, done.stdout) == (2, b"")
    assert done.stderr.endswith(b"company: expected text, got half a character (U+DCFF)\n")
    assert done.stderr.count(b"\n") == 1


def test_a_closed_standard_output_is_one_line(profile: Path) -> None:
    done = subprocess.run(
        [*ORGKB, "recommend", str(profile)],
        stderr=subprocess.PIPE,
        text=True,
        preexec_fn=lambda: os.close(1),
    )
    assert done.returncode == 2
    assert done.stderr == (
        "orgkb: standard output is closed, so there is nowhere to write the result\n"
    )


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full on this system")
def test_a_full_device_is_one_line(profile: Path) -> None:
    with open("/dev/full", "w") as full:
        done = subprocess.run(
            [*ORGKB, "recommend", str(profile)], stdout=full, stderr=subprocess.PIPE, text=True
        )
    assert done.returncode == 2
    assert done.stderr == "orgkb: cannot write to standard output: No space left on device\n"


def test_a_reader_that_went_away_ends_the_command_quietly(tmp_path: Path, profile: Path) -> None:
    rows = "".join(f"L{n},flats,Wuhan\n" for n in range(20_000))
    leads = write_file(tmp_path, "leads.csv", "id,project,city\n" + rows)
    read_end, write_end = os.pipe()
    os.close(read_end)  # closed before orgkb writes a byte, so every write finds it gone
    try:
        done = subprocess.run(
            [*ORGKB, "allocate", str(profile), str(leads)],
            stdout=write_end,
            stderr=subprocess.PIPE,
            text=True,
        )
    finally:
        os.close(write_end)
    assert (done.returncode, done.stderr) == (0, "")
