"""Fixtures shared by the tests: the site, built once per session."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


class BuiltSite:
    """The HTML site built from ``docs/`` with ``-W --keep-going -n``, and what the build said."""

    def __init__(self, html: Path, returncode: int, log: str) -> None:
        self.html = html
        self.returncode = returncode
        self.log = log

    def pages(self) -> list[Path]:
        """Every HTML page of the site."""
        return sorted(self.html.rglob("*.html"))


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    out = tmp_path_factory.mktemp("site")
    html = out / "html"
    command = [
        sys.executable, "-m", "sphinx", "-W", "--keep-going", "-n", "-q",
        "-c", str(ROOT / "conf"), "-b", "html", "-d", str(out / "doctrees"),
        str(ROOT / "docs"), str(html),
    ]  # fmt: skip
    result = subprocess.run(command, capture_output=True, text=True, check=False, cwd=ROOT)
    return BuiltSite(html, result.returncode, result.stdout + result.stderr)
