"""The Chinese edition, opened in a real browser as a reader would open it.

As ``tests/test_browser.py`` does for the English one: Debian's chromium, driven by
Playwright, loads the site served on 127.0.0.1, both editions. The Chinese home and a
scenario page load with no console error, failed request or request to another host; the
language switcher leads to the same page in English and back, served and from a folder;
search finds 客服; the copy button speaks Chinese; axe-core finds no violation on any page of
the edition. Without chromium these tests skip.
"""

from __future__ import annotations

import functools
import shutil
import threading
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import quote, urlsplit

import pytest

from tests.conftest import BuiltSite

playwright_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
axe_module = pytest.importorskip("axe_playwright_python.sync_playwright")

# Chromium's own background traffic would be requests to other hosts; none of it is ours.
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 375, "height": 812}
EDITION = "zh_CN/"
SCENARIO = "explanation/one-region.html"


def _chromium() -> str:
    for name in ("chromium", "chromium-browser"):
        found = shutil.which(name)
        if found:
            return found
    pytest.skip("no chromium: run ./dev test as root to install Debian's chromium")


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


@pytest.fixture(scope="module")
def site_url(built_site: BuiltSite, built_zh_site: BuiltSite) -> Iterator[str]:
    """The address of the whole site, both editions, served from a thread on 127.0.0.1."""
    # A warning fails the build tests, not these: the pages were written all the same.
    assert (built_zh_site.html / "index.html").is_file(), built_zh_site.log
    handler = functools.partial(_Quiet, directory=str(built_site.html))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    executable = _chromium()
    with playwright_api.sync_playwright() as driver:
        launched = driver.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@pytest.fixture()
def tab(browser: Any) -> Iterator[Any]:
    context = browser.new_context(viewport=DESKTOP)
    yield context.new_page()
    context.close()


def _watch(page: Any, own_host: str) -> list[str]:
    """Collects, from now on, what goes wrong on *page*: console errors and warnings, script
    errors, failed requests, error responses, and requests to other hosts."""
    problems: list[str] = []
    page.on(
        "console",
        lambda message: (
            problems.append(f"console {message.type}: {message.text}")
            if message.type in {"error", "warning"}
            else None
        ),
    )
    page.on("pageerror", lambda error: problems.append(f"script error: {error}"))
    page.on("requestfailed", lambda request: problems.append(f"failed request: {request.url}"))
    page.on(
        "response",
        lambda response: (
            problems.append(f"HTTP {response.status}: {response.url}")
            if response.status >= 400
            else None
        ),
    )

    def foreign(request: Any) -> None:
        parts = urlsplit(request.url)
        if parts.scheme not in {"data", "blob", "about", "file"} and parts.netloc != own_host:
            problems.append(f"request to another host: {request.url}")

    page.on("request", foreign)
    return problems


@pytest.mark.parametrize("path", ["index.html", SCENARIO])
def test_chinese_pages_load_cleanly(tab: Any, site_url: str, path: str) -> None:
    problems = _watch(tab, urlsplit(site_url).netloc)
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
    browser: Any,
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
    context = browser.new_context(viewport=viewport, color_scheme=scheme)
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
