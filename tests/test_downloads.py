"""The EPUB and the PDF for training rooms and the one-page handout build warning-free in each
language, and every page links those of its edition."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest
from pypdf import PdfReader

from orgkb.downloads import EPUB, PDF, build_downloads, find_chromium, formats, handout
from orgkb.rules import RULES
from orgkb.sphinxext.slides import DECKS
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
        if "examples" not in page.parts and DOCS / DECKS not in page.parents
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
    home = (site / "index.html").read_text("utf-8")
    assert f'href="downloads/{EPUB}" download' in home
    if find_chromium() is not None:
        assert f'href="downloads/{handout()}" download' in home
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


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_the_handout_is_two_sides_at_most_and_names_every_rule(
    downloads: Path, chinese_downloads: Path, language: str
) -> None:
    if find_chromium() is None:
        pytest.skip("no chromium: run ./dev test as root to install Debian's chromium")
    folder = downloads if language == "en" else chinese_downloads
    handout_pdf = PdfReader(folder / handout(language))
    assert 1 <= len(handout_pdf.pages) <= 2
    # A4 in points, portrait.
    box = handout_pdf.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (595, 842)
    text = "\n".join(page.extract_text() for page in handout_pdf.pages)
    codes = set(re.findall(r"\bR\d+\b", text))
    assert codes == {rule.code for rule in RULES}, codes
    # The decision tree's outcomes and the glossary, in the edition's language.
    if language == "en":
        assert "One region, several branches" in text and "same-city internal friction" in text
    else:
        assert "一个片区，多家分公司" in text and "同城内耗" in text
        assert b"WenQuanYiMicroHei" in (folder / handout(language)).read_bytes()
