"""The code is typed (mypy strict) and ruff-clean; a lapse fails the suite like any bug."""

from __future__ import annotations

import subprocess
import sys

from tests.helpers import ROOT

LINTED = ["orgkb", "tests", "conf", "conftest.py", "benchmarks"]


def run(*command: str) -> subprocess.CompletedProcess[str]:
    present = [
        part for part in command if not part.startswith(tuple(LINTED)) or (ROOT / part).exists()
    ]
    return subprocess.run(present, cwd=ROOT, capture_output=True, text=True, check=False)


def test_mypy_strict_on_orgkb() -> None:
    result = run(sys.executable, "-m", "mypy")
    assert result.returncode == 0, result.stdout + result.stderr


def test_ruff_check() -> None:
    result = run(sys.executable, "-m", "ruff", "check", *LINTED)
    assert result.returncode == 0, result.stdout + result.stderr


def test_ruff_format() -> None:
    result = run(sys.executable, "-m", "ruff", "format", "--check", *LINTED)
    assert result.returncode == 0, result.stdout + result.stderr
