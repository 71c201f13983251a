"""The Chinese edition, opened in a real browser as a reader would open it.

As ``tests/test_browser.py`` does for the English one: Debian's chromium, driven by
Playwright, loads the site served on 127.0.0.1, both editions. The Chinese home and a
scenario page load with no console error, failed request or request to another host; the
language switcher leads to the same page in English and back, served and from a folder;
search finds 客服; the copy button speaks Chinese; axe-core finds no violation on any page of
the edition. Without chromium these tests skip.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any
from urllib.parse import quote, urlsplit

import pytest

from tests.browser import (
    DESKTOP,
    PATIENCE,
    PHONE,
    served,
    watch,
)
from tests.conftest import BuiltSite

playwright_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
axe_module = pytest.importorskip("axe_playwright_python.sync_playwright")
playwright_api.expect.set_options(timeout=PATIENCE)

EDITION = "zh_CN/"
SCENARIO = "explanation/one-region.html"


@pytest.fixture(scope="module")
def site_url(built_site: BuiltSite, built_zh_site: BuiltSite) -> Iterator[str]:
    """The address of the whole site, both editions, served from a thread on 127.0.0.1."""
    # A warning fails the build tests, not these: the pages were written all the same.
    assert (built_zh_site.html / "index.html").is_file(), built_zh_site.log
    with served(built_site.html) as url:
        yield url


@pytest.mark.parametrize("path", ["index.html", SCENARIO])
def test_chinese_pages_load_cleanly(tab: Any, site_url: str, path: str) -> None:
    problems = watch(tab, urlsplit(site_url).netloc)
    tab.goto(site_url + EDITION + path)
    tab.wait_for_load_state("load")
    assert tab.evaluate("document.documentElement.lang") == "zh-CN"
    assert tab.locator("article h1").first.inner_text()
    assert problems == []


def _switch(tab: Any, language: str) -> None:
    """Follows the switcher's link to the edition in *language* and waits for its page."""
    link = tab.locator(f'.orgkb-editions a[hreflang="{language}"]')
    link.click()
    tab.wait_for_function("language => document.documentElement.lang === language", arg=language)


def test_the_switcher_leads_to_the_same_page_and_back(tab: Any, site_url: str) -> None:
    tab.goto(site_url + EDITION + SCENARIO)
    _switch(tab, "en")
    assert tab.url == site_url + SCENARIO
    _switch(tab, "zh-CN")
    assert tab.url == site_url + EDITION + SCENARIO


def test_the_switcher_works_from_a_folder(tab: Any, built_site: BuiltSite) -> None:
    folder = built_site.html.resolve()
    tab.goto((folder / "index.html").as_uri())
    _switch(tab, "zh-CN")
    assert tab.url == (folder / EDITION / "index.html").as_uri()
    _switch(tab, "en")
    assert tab.url == (folder / "index.html").as_uri()


def test_search_finds_a_chinese_word(tab: Any, site_url: str) -> None:
    tab.goto(f"{site_url}{EDITION}search.html?q={quote('客服')}")
    # The summary says it is preparing until the index is read, then how many pages it found.
    tab.wait_for_function("document.querySelectorAll('#search-results ul.search li a').length > 0")
    links = tab.locator("#search-results ul.search li a")
    found = [links.nth(index).get_attribute("href") or "" for index in range(links.count())]
    assert any("glossary" in href for href in found), found
    assert tab.locator("h1").first.inner_text() == "搜索"


def test_the_copy_button_speaks_chinese(tab: Any, site_url: str) -> None:
    tab.goto(f"{site_url}{EDITION}tutorials/first-plan.html")
    button = tab.locator("div.highlight button.orgkb-copy").first
    button.wait_for()
    assert button.inner_text() == "复制"
    assert button.get_attribute("aria-label") == "复制代码"


@pytest.mark.parametrize(
    ("scheme", "viewport"),
    [("light", DESKTOP), ("dark", DESKTOP), ("light", PHONE)],
    ids=["light", "dark", "phone"],
)
def test_axe_finds_no_violations_in_the_chinese_edition(
    chromium: Any,
    site_url: str,
    built_zh_site: BuiltSite,
    scheme: str,
    viewport: dict[str, int],
) -> None:
    # Every page in light mode; the home and a scenario page in the others.
    paths = [page.relative_to(built_zh_site.html).as_posix() for page in built_zh_site.pages()]
    if scheme != "light" or viewport != DESKTOP:
        paths = ["index.html", SCENARIO]
    axe = axe_module.Axe()
    context = chromium.new_context(viewport=viewport, color_scheme=scheme)
    page = context.new_page()
    violations = []
    for path in paths:
        page.goto(site_url + EDITION + path)
        # axe's default run includes the best-practice rules (landmarks, regions, headings).
        results = axe.run(page, options={"resultTypes": ["violations"]})
        for violation in results.response["violations"]:
            targets = [node["target"] for node in violation["nodes"][:3]]
            violations.append(f"{path}: {violation['id']}: {violation['help']} {targets}")
    context.close()
    assert violations == []
