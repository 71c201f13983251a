"""The EPUB and the PDF for training rooms build warning-free, and every page links them."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest

from orgkb.downloads import EPUB, PDF, build_downloads, find_chromium
from tests.conftest import built_once
from tests.helpers import DOCS, run_sphinx


@pytest.fixture(scope="session")
def downloads(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return built_once(
        tmp_path_factory, "downloads", lambda folder: build_downloads(folder, find_chromium())
    )


def test_the_epub_holds_every_page(downloads: Path) -> None:
    with zipfile.ZipFile(downloads / EPUB) as book:
        names = book.namelist()
        # EPUB readers find the format by the first entry, stored uncompressed.
        assert names[0] == "mimetype"
        assert book.read("mimetype") == b"application/epub+zip"
    sources = {
        page.relative_to(DOCS).with_suffix(".xhtml").as_posix()
        for page in DOCS.rglob("*.md")
        if "examples" not in page.parts
    }
    assert sources - set(names) == set()


def test_the_pdf_is_printed_when_chromium_is_there(downloads: Path) -> None:
    if find_chromium() is None:
        pytest.skip("no chromium: run ./dev test as root to install Debian's chromium")
    printed = (downloads / PDF).read_bytes()
    assert printed.startswith(b"%PDF-")
    pages = len(re.findall(rb"/Type\s*/Page\b", printed))
    assert pages > 20, pages


def test_every_page_links_the_downloads(downloads: Path, tmp_path: Path) -> None:
    site = tmp_path / "html"
    returncode, log = run_sphinx(
        DOCS,
        site,
        doctrees=tmp_path / "doctrees",
        settings={"orgkb_downloads": str(downloads)},
        strict=False,
    )
    assert returncode == 0, log
    built = sorted(path.name for path in downloads.iterdir())
    assert sorted(path.name for path in (site / "downloads").iterdir()) == built
    assert f'href="downloads/{EPUB}" download' in (site / "index.html").read_text("utf-8")
    cli = (site / "reference" / "cli.html").read_text("utf-8")
    assert f'href="../downloads/{EPUB}" download' in cli
