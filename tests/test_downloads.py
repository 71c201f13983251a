"""The EPUB and the PDF for training rooms build warning-free in each language, and every
page links those of its edition."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest

from orgkb.downloads import EPUB, PDF, build_downloads, find_chromium, formats
from tests.conftest import built_once
from tests.helpers import DOCS, run_sphinx
from tests.sphinxproject import build


@pytest.fixture(scope="session")
def downloads(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return built_once(
        tmp_path_factory, "downloads", lambda folder: build_downloads(folder, find_chromium())
    )


@pytest.fixture(scope="session")
def chinese_downloads(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return built_once(
        tmp_path_factory,
        "downloads-zh",
        lambda folder: build_downloads(folder, find_chromium(), "zh_CN"),
    )


def test_the_epub_holds_every_page(downloads: Path) -> None:
    with zipfile.ZipFile(downloads / EPUB) as book:
        names = book.namelist()
        # EPUB readers find the format by the first entry, stored uncompressed.
        assert names[0] == "mimetype"
        assert book.read("mimetype") == b"application/epub+zip"
        assert '<html lang="en" xml:lang="en"' in book.read("index.xhtml").decode("utf-8")
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


def test_the_chinese_epub_is_chinese(chinese_downloads: Path) -> None:
    epub, _ = formats("zh_CN")
    with zipfile.ZipFile(chinese_downloads / epub) as book:
        names = book.namelist()
        assert "<dc:language>zh-CN</dc:language>" in book.read("content.opf").decode("utf-8")
        home = book.read("index.xhtml").decode("utf-8")
    assert '<html lang="zh-CN" xml:lang="zh-CN"' in home
    assert "知识库" in home
    # The web pages' footer is the theme's, which a book does not have.
    assert "related-pages" not in home and "Furo" not in home
    assert {"index.xhtml", "explanation/one-region.xhtml", "reference/glossary.xhtml"} <= set(names)


def test_the_chinese_pdf_embeds_a_chinese_font(chinese_downloads: Path) -> None:
    if find_chromium() is None:
        pytest.skip("no chromium: run ./dev test as root to install Debian's chromium")
    _, pdf = formats("zh_CN")
    printed = (chinese_downloads / pdf).read_bytes()
    assert printed.startswith(b"%PDF-")
    assert len(re.findall(rb"/Type\s*/Page\b", printed)) > 20
    # The print style sheet names WenQuanYi Micro Hei; chromium embeds the glyphs it uses.
    fonts = set(re.findall(rb"/BaseFont\s*/[A-Z]{6}\+([\w-]+)", printed))
    assert b"WenQuanYiMicroHei" in fonts, fonts
    assert b"/FontFile2" in printed


def test_each_edition_links_its_own_downloads(tmp_path: Path) -> None:
    folder = tmp_path / "downloads"
    folder.mkdir()
    for language in ("en", "zh_CN"):
        for name in formats(language):
            (folder / name).write_bytes(b"x" * 2048)
    pages = {"index.md": "# 首页\n\n正文。\n"}
    conf = f'language = "zh_CN"\norgkb_downloads = {str(folder)!r}\n'
    built = build(tmp_path, pages, conf=conf)
    assert built.returncode == 0, built.log
    copied = sorted(path.name for path in (built.out / "downloads").iterdir())
    assert copied == sorted(formats("zh_CN"))
