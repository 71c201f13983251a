"""Fixtures shared by the tests: the site, both editions, built once per session."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
# Each edition of the site and its folder in the site, as ./dev site builds them.
EDITIONS = {"en": "", "zh_CN": "zh_CN"}


class BuiltSite:
    """One edition of the HTML site built from ``docs/`` with ``-W --keep-going -n``, and what
    its build said."""

    def __init__(self, html: Path, returncode: int, log: str) -> None:
        self.html = html
        self.returncode = returncode
        self.log = log

    def pages(self) -> list[Path]:
        """Every HTML page of this edition; not those of the editions in its folders."""
        nested = {folder for folder in EDITIONS.values() if folder}
        return sorted(
            page
            for page in self.html.rglob("*.html")
            if page.relative_to(self.html).parts[0] not in nested
        )


@pytest.fixture(scope="session")
def built_editions(tmp_path_factory: pytest.TempPathFactory) -> dict[str, BuiltSite]:
    """Every edition, by language, in one site: the English at its root, the others in their
    folders, each with doctrees of its own outside the site."""
    out = tmp_path_factory.mktemp("site")
    built = {}
    for language, folder in EDITIONS.items():
        html = out / "html" / folder
        command = [
            sys.executable, "-m", "sphinx", "-W", "--keep-going", "-n", "-q",
            "-c", str(ROOT / "conf"), "-b", "html", "-D", f"language={language}",
            "-d", str(out / "doctrees" / language), str(ROOT / "docs"), str(html),
        ]  # fmt: skip
        result = subprocess.run(command, capture_output=True, text=True, check=False, cwd=ROOT)
        built[language] = BuiltSite(html, result.returncode, result.stdout + result.stderr)
    return built


@pytest.fixture(scope="session")
def built_site(built_editions: dict[str, BuiltSite]) -> BuiltSite:
    """The English edition, at the site's root."""
    return built_editions["en"]


@pytest.fixture(scope="session")
def built_zh_site(built_editions: dict[str, BuiltSite]) -> BuiltSite:
    """The Chinese edition, in the site's ``zh_CN`` folder."""
    return built_editions["zh_CN"]
