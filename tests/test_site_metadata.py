"""What link previews, search engines and screen readers read from every built page, in
each edition."""

from __future__ import annotations

import re
from html import unescape
from urllib.parse import urlsplit

import pytest

from orgkb.sphinxext.slides import DECKS
from tests.conftest import EDITIONS, BuiltSite
from tests.helpers import DOCS

META = re.compile(r'<meta (name|property)="([^"]+)" content="([^"]*)">')


def _meta(page: str) -> dict[str, str]:
    return {name: unescape(content) for _, name, content in META.findall(page)}


@pytest.mark.parametrize("language", EDITIONS)
def test_every_page_has_a_description_and_a_link_preview(
    built_editions: dict[str, BuiltSite], language: str
) -> None:
    built_site = built_editions[language]
    missing = []
    for page in built_site.pages():
        tags = _meta(page.read_text(encoding="utf-8"))
        for name in ("description", "og:title", "og:description", "og:site_name"):
            if not tags.get(name, "").strip():
                missing.append(f"{page.relative_to(built_site.html)}: {name}")
        if tags.get("og:locale") != language:
            missing.append(f"{page.relative_to(built_site.html)}: og:locale")
        if len(tags.get("description", "")) > 160:
            missing.append(f"{page.relative_to(built_site.html)}: description too long")
    assert missing == []


@pytest.mark.parametrize("language", EDITIONS)
def test_a_page_is_described_by_its_first_paragraph(
    built_editions: dict[str, BuiltSite], language: str
) -> None:
    built_site = built_editions[language]
    page = (built_site.html / "reference" / "glossary.html").read_text(encoding="utf-8")
    description = _meta(page)["description"]
    first = re.search(r'<article role="main"[^>]*>.*?<p>(.*?)</p>', page, re.DOTALL)
    assert first is not None
    text = " ".join(unescape(re.sub(r"<[^>]+>", "", first.group(1))).split())
    assert text.startswith(description.rstrip("…"))


@pytest.mark.parametrize("language", EDITIONS)
def test_every_page_names_the_favicon(built_editions: dict[str, BuiltSite], language: str) -> None:
    built_site = built_editions[language]
    unnamed = [
        page.name
        for page in built_site.pages()
        if "_static/favicon.svg" not in page.read_text(encoding="utf-8")
    ]
    assert unnamed == []
    assert (built_site.html / "_static" / "favicon.svg").is_file()


@pytest.mark.parametrize("language", EDITIONS)
def test_toctree_captions_are_headings_with_a_level(
    built_editions: dict[str, BuiltSite], language: str
) -> None:
    built_site = built_editions[language]
    levelless = [
        page.name
        for page in built_site.pages()
        for tag in re.findall(r'<[^>]*role="heading"[^>]*>', page.read_text(encoding="utf-8"))
        if "aria-level=" not in tag
    ]
    assert levelless == []


def test_the_sitemap_lists_the_content_pages_only(built_site: BuiltSite) -> None:
    sitemap = (built_site.html / "sitemap.xml").read_text(encoding="utf-8")
    listed = {urlsplit(loc).path.lstrip("/") for loc in re.findall(r"<loc>([^<]+)</loc>", sitemap)}
    # The slide decks are presentations, not pages a search engine should offer.
    sources = {
        page.relative_to(DOCS).with_suffix(".html").as_posix()
        for page in DOCS.rglob("*.md")
        if "examples" not in page.parts and DOCS / DECKS not in page.parents
    }
    assert sources - listed == set()
    assert not {"404.html", "search.html", "genindex.html"} & listed
