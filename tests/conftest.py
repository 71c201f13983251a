"""Fixtures shared by the tests: the site, both editions, built once per run however many
workers run."""

from __future__ import annotations

import json
import os
import re
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from filelock import FileLock
from hypothesis import HealthCheck, settings

from orgkb.browser_runtime import RuntimeBuildError, build_runtime
from orgkb.sphinxext.slides import DECKS
from tests.browser import CHROMIUM_ARGS, DESKTOP, PATIENCE, chromium_path, patient_context, served
from tests.helpers import DOCS, ROOT, run_sphinx

# A busy machine makes every example slow; only a wrong answer fails a property test.
settings.register_profile("orgkb", deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("orgkb")

# Each edition of the site and its folder in the site, as ./dev site builds them.
EDITIONS = {"en": "", "zh_CN": "zh_CN"}


# What builds a whole edition of the site or drives a browser: minutes, where the rest of the
# suite takes about two; `./dev test -m "not site"` leaves it out between commits.
SITE_FIXTURES = frozenset(
    {
        "built_editions",
        "built_site",
        "built_zh_site",
        "runtime_site",
        "runtime_url",
        "chromium",
        "tab",
        "downloads",
        "chinese_downloads",
        "docs_site",
    }
)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if SITE_FIXTURES.intersection(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.site)


@pytest.fixture(autouse=True)
def _english_unless_asked(monkeypatch: pytest.MonkeyPatch) -> None:
    # The command line speaks the language of LC_ALL, LC_MESSAGES or LANG; a test that wants
    # Chinese asks for it, whatever the machine that runs the suite is set to.
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(name, raising=False)


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
    """One edition of the HTML site built from ``docs/`` with ``-W --keep-going -n``, its slide
    decks built into it (``training/slides``), and what the builds said."""

    def __init__(self, html: Path, returncode: int, log: str) -> None:
        self.html = html
        self.returncode = returncode
        self.log = log

    def pages(self) -> list[Path]:
        """Every HTML page of this edition; not those of the editions in its folders, its slide
        decks (:meth:`decks`), which are presentations, not pages of the site, nor the small
        pages that only send the reader on (moved pages, the rules' short addresses)."""
        nested = {folder for folder in EDITIONS.values() if folder}
        return sorted(
            page
            for page in self.html.rglob("*.html")
            if page.relative_to(self.html).parts[0] not in nested
            and not page.is_relative_to(self.html / DECKS)
            and 'http-equiv="refresh"' not in page.read_text(encoding="utf-8")
        )

    def content_pages(self) -> list[Path]:
        """The pages of :meth:`pages` that hold content: not the index, search, module index or
        404 pages Sphinx makes, nor its files in folders starting ``_`` or ``.``."""
        generated = {"genindex.html", "search.html", "py-modindex.html", "404.html"}
        return [
            page
            for page in self.pages()
            if page.name not in generated
            and not page.relative_to(self.html).as_posix().startswith(("_", "."))
        ]

    def decks(self) -> list[Path]:
        """Every slide deck of this edition."""
        return sorted((self.html / DECKS).glob("*.html"))


DECK_SOURCES = sorted(path.stem for path in (DOCS / DECKS).glob("*.md"))
"""The names of the slide decks, from their sources."""
# A slide of a deck: a section holding no other section.
_SLIDE = re.compile(r"<section\b[^>]*>((?:(?!<section\b).)*?)</section>", re.DOTALL)


def slides(deck: Path) -> list[str]:
    """The markup of each slide of the built *deck*, in order."""
    return _SLIDE.findall(deck.read_text(encoding="utf-8"))


def _build_site(out: Path) -> None:
    # Every edition in one site: the English at its root, the others in their folders, each
    # with doctrees of its own outside the site; then each edition's slide decks, as ./dev
    # site builds them. An edition's build is what both said.
    said = {}
    for language, folder in EDITIONS.items():
        returncode, log = run_sphinx(
            DOCS,
            out / "html" / folder,
            doctrees=out / "doctrees" / language,
            settings={"language": language},
        )
        decks_returncode, decks_log = run_sphinx(
            DOCS / "training" / "slides",
            out / "html" / folder / DECKS,
            "revealjs",
            conf=ROOT / "conf" / "slides",
            doctrees=out / "doctrees" / f"slides-{language}",
            settings={"language": language},
        )
        said[language] = {"returncode": returncode or decks_returncode, "log": log + decks_log}
    (out / "build.json").write_text(json.dumps(said), "utf-8")


@pytest.fixture(scope="session")
def built_editions(tmp_path_factory: pytest.TempPathFactory) -> dict[str, BuiltSite]:
    """Every edition of the site, by language."""
    out = built_once(tmp_path_factory, "site", _build_site)
    said = json.loads((out / "build.json").read_text(encoding="utf-8"))
    return {
        language: BuiltSite(out / "html" / folder, **said[language])
        for language, folder in EDITIONS.items()
    }


@pytest.fixture(scope="session")
def built_site(built_editions: dict[str, BuiltSite]) -> BuiltSite:
    """The English edition, at the site's root."""
    return built_editions["en"]


@pytest.fixture(scope="session")
def built_zh_site(built_editions: dict[str, BuiltSite]) -> BuiltSite:
    """The Chinese edition, in the site's ``zh_CN`` folder."""
    return built_editions["zh_CN"]


def _build_runtime_site(out: Path) -> None:
    build_runtime(out / "runtime")
    for language, folder in EDITIONS.items():
        returncode, log = run_sphinx(
            DOCS,
            out / "html" / folder,
            doctrees=out / "doctrees" / language,
            settings={"language": language, "orgkb_runtime": str(out / "runtime")},
        )
        assert returncode == 0, log


@pytest.fixture(scope="session")
def runtime_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site built as ``./dev site`` builds it, with the runtime (the Run buttons and the
    planner): both editions. Skipped when the runtime cannot be built (no npm or PyPI)."""
    try:
        out = built_once(tmp_path_factory, "runner-site", _build_runtime_site)
    except RuntimeBuildError as error:
        pytest.skip(f"no runtime for the Run buttons: {error}")
    return out / "html"


@pytest.fixture(scope="session")
def runtime_url(runtime_site: Path) -> Iterator[str]:
    """The address of :func:`runtime_site`, served on 127.0.0.1."""
    with served(runtime_site) as url:
        yield url


@pytest.fixture(scope="session")
def chromium() -> Iterator[Any]:
    """Debian's chromium, driven by Playwright, for every browser test: one for the run, as
    Playwright's synchronous API drives one at a time in a process (a second, from another
    test file on the same worker, fails to start)."""
    playwright_api = pytest.importorskip("playwright.sync_api", reason="no playwright")
    executable = chromium_path()
    with playwright_api.sync_playwright() as driver:
        launched = driver.chromium.launch(
            executable_path=executable, args=CHROMIUM_ARGS, timeout=PATIENCE
        )
        yield launched
        launched.close()


@pytest.fixture()
def tab(chromium: Any) -> Iterator[Any]:
    """A desktop-sized page of :func:`chromium`, in a context of its own that waits patiently."""
    context = patient_context(chromium, viewport=DESKTOP)
    yield context.new_page()
    context.close()
