"""The command line: output, exit codes, and one-line errors on stderr."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers import run_orgkb

PROFILE = "company: ACME\nbranches:\n  - {name: A, city: Wuhan}\n  - {name: B, city: Changsha}\n"


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
    "argv",
    [(), ("recommend",), ("frobnicate",), ("recommend", "x.yaml", "--format", "xml")],
)
def test_usage_errors_exit_2(argv: tuple[str, ...]) -> None:
    status, out, err = run_orgkb(*argv)
    assert status == 2
    assert out == ""
    assert "error:" in err


def test_help_exits_0() -> None:
    status, out, _ = run_orgkb("recommend", "--help")
    assert status == 0
    assert "--governance" in out


def test_console_script_and_python_m(profile: Path) -> None:
    # The installed entry points, end to end, with no traceback on bad input.
    for command in ([sys.executable, "-m", "orgkb"], [str(Path(sys.executable).parent / "orgkb")]):
        good = subprocess.run([*command, "recommend", str(profile)], capture_output=True, text=True)
        assert good.returncode == 0
        assert good.stdout.startswith("ACME: multi-region")
        bad = subprocess.run(
            [*command, "recommend", "/nonexistent.yaml"], capture_output=True, text=True
        )
        assert bad.returncode == 2
        assert bad.stderr == "orgkb: /nonexistent.yaml: no such file\n"
