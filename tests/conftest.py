"""Fixtures shared by the tests: the site, built once per run however many workers run."""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from filelock import FileLock
from hypothesis import HealthCheck, settings

from tests.helpers import DOCS, run_sphinx

# A busy machine makes every example slow; only a wrong answer fails a property test.
settings.register_profile("orgkb", deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("orgkb")


def built_once(
    tmp_path_factory: pytest.TempPathFactory, name: str, build: Callable[[Path], object]
) -> Path:
    """The folder *name* of this run, filled by *build* once however many workers run.

    Under pytest-xdist each worker has a session of its own; they share the run's folder, and
    the first to need *name* builds it there while the others wait at its lock (the pattern
    pytest-xdist documents). If *build* raises, the next worker to need it tries again.
    """
    if "PYTEST_XDIST_WORKER" not in os.environ:
        folder = tmp_path_factory.mktemp(name)
        build(folder)
        return folder
    folder = tmp_path_factory.getbasetemp().parent / name
    built = folder.with_name(f"{name}.built")
    with FileLock(folder.with_name(f"{name}.lock")):
        if not built.is_file():
            # What a failed attempt left behind.
            shutil.rmtree(folder, ignore_errors=True)
            folder.mkdir()
            build(folder)
            built.touch()
    return folder


class BuiltSite:
    """The HTML site built from ``docs/`` with ``-W --keep-going -n``, and what the build said."""

    def __init__(self, html: Path, returncode: int, log: str) -> None:
        self.html = html
        self.returncode = returncode
        self.log = log

    def pages(self) -> list[Path]:
        """Every HTML page of the site."""
        return sorted(self.html.rglob("*.html"))


def _build_site(out: Path) -> None:
    returncode, log = run_sphinx(DOCS, out / "html", doctrees=out / "doctrees")
    (out / "build.json").write_text(json.dumps({"returncode": returncode, "log": log}), "utf-8")


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    out = built_once(tmp_path_factory, "site", _build_site)
    said = json.loads((out / "build.json").read_text(encoding="utf-8"))
    return BuiltSite(out / "html", said["returncode"], said["log"])
