"""The site builds without a single warning, in each edition, and loads nothing from other
hosts."""

from __future__ import annotations

import hashlib
import re

import pytest

from tests.conftest import EDITIONS, BuiltSite

# Attributes through which a page makes the browser fetch something.
LOADING = re.compile(
    r"""<(?:script|link|img|iframe|source|video|audio|embed|object)\b[^>]*?"""
    r"""\b(?:src|href|data|srcset)\s*=\s*["']([^"']+)["']""",
    re.IGNORECASE,
)
CSS_URL = re.compile(r"""url\(\s*["']?([^"')]+)""")
EXTERNAL = re.compile(r"^(?:[a-z][a-z0-9+.-]*:)?//", re.IGNORECASE)
# Links a reader follows by choice; they load nothing by themselves.
NOT_LOADED = re.compile(r"""rel=["'](?:canonical|alternate|author|license)["']""")


@pytest.mark.parametrize("language", EDITIONS)
def test_site_builds_without_warnings(built_editions: dict[str, BuiltSite], language: str) -> None:
    edition = built_editions[language]
    assert edition.returncode == 0, edition.log
    assert "WARNING" not in edition.log, edition.log


def test_every_section_is_built(built_site: BuiltSite) -> None:
    built = {page.relative_to(built_site.html).as_posix() for page in built_site.pages()}
    for section in ("tutorials", "how-to", "explanation", "reference"):
        assert f"{section}/index.html" in built


def test_the_chart_style_sheet_is_published_once_under_its_content_hash(
    built_site: BuiltSite,
) -> None:
    (sheet,) = (built_site.html / "_static").glob("orgkb-chart*.css")
    digest = hashlib.sha256(sheet.read_bytes()).hexdigest()[:8]
    assert sheet.name == f"orgkb-chart.{digest}.css"
    linking = [
        page.name for page in built_site.pages() if sheet.name in page.read_text(encoding="utf-8")
    ]
    assert "one-region.html" in linking


def test_pages_load_nothing_from_other_hosts(built_site: BuiltSite) -> None:
    # The English edition's folder holds the Chinese one: every page of both.
    offenders = []
    for page in built_site.html.rglob("*.html"):
        for tag in re.finditer(r"<[^>]+>", page.read_text(encoding="utf-8")):
            if NOT_LOADED.search(tag.group()):
                continue
            for url in LOADING.findall(tag.group()):
                if EXTERNAL.match(url.strip()):
                    offenders.append(f"{page.name}: {url}")
    for stylesheet in built_site.html.rglob("*.css"):
        for url in CSS_URL.findall(stylesheet.read_text(encoding="utf-8")):
            if EXTERNAL.match(url.strip()):
                offenders.append(f"{stylesheet.name}: {url}")
    assert offenders == []
