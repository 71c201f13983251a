"""Fixtures shared by the tests: the site, built once per session."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.helpers import DOCS, run_sphinx


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
    returncode, log = run_sphinx(DOCS, html, doctrees=out / "doctrees")
    return BuiltSite(html, returncode, log)
