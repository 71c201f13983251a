"""Fixtures shared by the tests: the site, built once per run however many workers run."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from filelock import FileLock
from hypothesis import HealthCheck, settings

from tests.helpers import DOCS, run_sphinx

# A busy machine makes every example slow; only a wrong answer fails a property test.
settings.register_profile("orgkb", deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("orgkb")


class BuiltSite:
    """The HTML site built from ``docs/`` with ``-W --keep-going -n``, and what the build said."""

    def __init__(self, html: Path, returncode: int, log: str) -> None:
        self.html = html
        self.returncode = returncode
        self.log = log

    def pages(self) -> list[Path]:
        """Every HTML page of the site."""
        return sorted(self.html.rglob("*.html"))


def _build_site(out: Path) -> BuiltSite:
    """Build the site into *out* unless an earlier worker of this run did; say what it said."""
    html, said = out / "html", out / "build.json"
    if not said.is_file():
        returncode, log = run_sphinx(DOCS, html, doctrees=out / "doctrees")
        said.write_text(json.dumps({"returncode": returncode, "log": log}), encoding="utf-8")
    build = json.loads(said.read_text(encoding="utf-8"))
    return BuiltSite(html, build["returncode"], build["log"])


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    # Under pytest-xdist each worker has a session of its own; they share the run's folder,
    # and the first to need the site builds it there while the others wait at the lock.
    if "PYTEST_XDIST_WORKER" not in os.environ:
        return _build_site(tmp_path_factory.mktemp("site"))
    out = tmp_path_factory.getbasetemp().parent / "site"
    with FileLock(f"{out}.lock"):
        out.mkdir(exist_ok=True)
        return _build_site(out)
