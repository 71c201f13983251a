"""The built site, opened in a real browser as a reader would open it.

Debian's chromium, driven by Playwright, loads every page of the site served on 127.0.0.1:
no console error, no failed request, nothing from another host; search finds English and
Chinese words; org charts fit a phone; the copy button copies; axe-core finds no violation,
its best-practice rules included, in light and in dark mode; the keyboard reaches the main
content first. The site also works opened from a folder, and its 404 page at any depth. ``./dev test`` installs chromium when it may; without one these tests skip.
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

from benchmarks.page_weight import page_resources
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
PHONE = {"width": 375, "height": 812}
DESKTOP = {"width": 1280, "height": 900}


def _chromium() -> str:
    for name in ("chromium", "chromium-browser"):
        found = shutil.which(name)
        if found:
            return found
    pytest.skip("no chromium: run ./dev test as root to install Debian's chromium")


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


@pytest.fixture(scope="session")
def site_url(built_site: BuiltSite) -> Iterator[str]:
    """The address of the built site, served from a thread on 127.0.0.1."""
    # A warning fails test_site, not these: the pages were written all the same.
    assert (built_site.html / "index.html").is_file(), built_site.log
    handler = functools.partial(_Quiet, directory=str(built_site.html))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    executable = _chromium()
    with playwright_api.sync_playwright() as driver:
        launched = driver.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@pytest.fixture(scope="session")
def page_paths(built_site: BuiltSite) -> list[str]:
    return [page.relative_to(built_site.html).as_posix() for page in built_site.pages()]


@pytest.fixture()
def tab(browser: Any) -> Iterator[Any]:
    context = browser.new_context(viewport=DESKTOP)
    yield context.new_page()
    context.close()


def test_every_page_loads_cleanly(browser: Any, site_url: str, page_paths: list[str]) -> None:
    own_host = urlsplit(site_url).netloc
    problems: list[str] = []
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    current = [""]
    page.on(
        "console",
        lambda message: (
            problems.append(f"{current[0]}: console {message.type}: {message.text}")
            if message.type in {"error", "warning"}
            else None
        ),
    )
    page.on("pageerror", lambda error: problems.append(f"{current[0]}: script error: {error}"))
    page.on(
        "requestfailed",
        lambda request: problems.append(f"{current[0]}: failed request: {request.url}"),
    )
    page.on(
        "response",
        lambda response: (
            problems.append(f"{current[0]}: HTTP {response.status}: {response.url}")
            if response.status >= 400
            else None
        ),
    )

    def foreign(request: Any) -> None:
        parts = urlsplit(request.url)
        if parts.scheme not in {"data", "blob", "about"} and parts.netloc != own_host:
            problems.append(f"{current[0]}: request to another host: {request.url}")

    page.on("request", foreign)
    for path in page_paths:
        current[0] = path
        page.goto(site_url + path, wait_until="networkidle")
        # A phone-readable page never scrolls sideways as a whole.
        width = page.evaluate("document.documentElement.scrollWidth")
        if width > PHONE["width"]:
            problems.append(f"{path}: {width} px wide on a {PHONE['width']} px phone")
    context.close()
    assert problems == []


def test_page_weight_counts_every_file_the_browser_loads(
    tab: Any, site_url: str, built_site: BuiltSite, page_paths: list[str]
) -> None:
    # The 40 KB budget (tests/test_page_weight.py) is honest only if nothing is left out.
    requested: list[str] = []
    tab.on("request", lambda request: requested.append(urlsplit(request.url).path))
    missed = []
    for path in ["index.html", *(p for p in page_paths if p.startswith("explanation/"))]:
        requested.clear()
        tab.goto(site_url + path, wait_until="networkidle")
        counted = {
            "/" + resource.path.relative_to(built_site.html.resolve()).as_posix()
            for resource in page_resources(built_site.html / path, built_site.html)
        }
        missed += [f"{path}: {url}" for url in requested if url not in counted]
    assert missed == []


def _problems(page: Any) -> list[str]:
    """Collects console errors, script errors and failed requests of *page* from now on."""
    found: list[str] = []
    page.on(
        "console",
        lambda message: (
            found.append(f"console: {message.text}") if message.type == "error" else None
        ),
    )
    page.on("pageerror", lambda error: found.append(f"script error: {error}"))
    page.on("requestfailed", lambda request: found.append(f"failed: {request.url}"))
    return found


def test_the_site_works_from_a_folder(tab: Any, built_site: BuiltSite) -> None:
    # Opened from a file share: pages, their files and search, with no server at all.
    problems = _problems(tab)
    folder = built_site.html.resolve()
    for path in ["index.html", "explanation/multi-region.html", "reference/glossary.html"]:
        tab.goto((folder / path).as_uri(), wait_until="networkidle")
    tab.goto(f"{(folder / 'search.html').as_uri()}?q={quote('客服')}")
    tab.wait_for_function(
        "!document.querySelector('#search-results .search-summary')?.textContent"
        ".includes('Preparing') && document.querySelectorAll('#search-results li').length > 0"
    )
    tab.wait_for_load_state("networkidle")
    assert problems == []


def test_the_404_page_works_at_any_depth(tab: Any, site_url: str, built_site: BuiltSite) -> None:
    # A web server answers a missing address, however deep, with 404.html as it is.
    missing = site_url + "how-to/no/such/page.html"
    tab.route(
        missing,
        lambda route: route.fulfill(status=404, path=str(built_site.html / "404.html")),
    )
    broken: list[str] = []
    tab.on("requestfailed", lambda request: broken.append(request.url))
    tab.on(
        "response",
        lambda response: (
            broken.append(response.url)
            if response.status >= 400 and response.url != missing
            else None
        ),
    )
    tab.goto(missing, wait_until="networkidle")
    assert broken == []
    assert tab.locator("article h1").inner_text()
    home = tab.locator(".sidebar-brand").first.get_attribute("href")
    assert home == "/index.html", home


def _search(tab: Any, site_url: str, words: str) -> list[str]:
    tab.goto(f"{site_url}search.html?q={quote(words)}")
    tab.wait_for_selector("#search-results .search-summary", state="attached")
    tab.wait_for_function(
        "!document.querySelector('#search-results .search-summary').textContent"
        ".includes('Preparing')"
    )
    links = tab.locator("#search-results ul.search li a")
    return [links.nth(index).get_attribute("href") or "" for index in range(links.count())]


def test_search_finds_english_words(tab: Any, site_url: str) -> None:
    found = _search(tab, site_url, "customer service")
    assert found, "no result for 'customer service'"


def test_search_finds_chinese_words_inside_longer_ones(tab: Any, site_url: str) -> None:
    # 客服 stands inside 客服部 and 客服中心 on the pages; only a word splitter finds it there.
    found = _search(tab, site_url, "客服")
    assert found, "no result for 客服"
    assert any("glossary" in href for href in found), found


CHART_FITS = """chart => {
    const box = chart.getBoundingClientRect();
    const outside = [...chart.querySelectorAll('*')].filter(element => {
        const part = element.getBoundingClientRect();
        return part.width > 0 && (part.left < box.left - 1 || part.right > box.right + 1);
    });
    return {
        visible: box.width > 0 && box.height > 0,
        left: box.left,
        right: box.right,
        outside: outside.map(element => element.textContent.trim().slice(0, 40)),
    };
}"""


def test_org_charts_fit_a_phone(
    browser: Any, site_url: str, built_site: BuiltSite, page_paths: list[str]
) -> None:
    with_charts = [
        path
        for path in page_paths
        if 'class="orgkb-chart' in (built_site.html / path).read_text(encoding="utf-8")
    ]
    if not with_charts:
        pytest.skip("no page shows an org chart yet")
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    problems = []
    for path in with_charts:
        page.goto(site_url + path)
        charts = page.locator(".orgkb-chart")
        assert charts.count() > 0, path
        for index in range(charts.count()):
            seen = charts.nth(index).evaluate(CHART_FITS)
            if not seen["visible"]:
                problems.append(f"{path}: chart {index + 1} is not visible")
            if seen["left"] < 0 or seen["right"] > PHONE["width"]:
                problems.append(f"{path}: chart {index + 1} spans {seen['left']}-{seen['right']}")
            if seen["outside"]:
                problems.append(f"{path}: chart {index + 1} cuts off {seen['outside'][:3]}")
    context.close()
    assert problems == []


def test_copy_button_copies_the_commands_without_prompts(
    browser: Any, site_url: str, built_site: BuiltSite, page_paths: list[str]
) -> None:
    path = next(
        path
        for path in page_paths
        if "highlight-console" in (built_site.html / path).read_text(encoding="utf-8")
    )
    context = browser.new_context(viewport=DESKTOP)
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=site_url.rstrip("/"))
    page = context.new_page()
    page.goto(site_url + path)
    block = page.locator("div.highlight-console").first
    shown = block.locator("pre").inner_text()
    commands = [line[2:] for line in shown.splitlines() if line.startswith("$ ")]
    block.locator("button.orgkb-copy").click()
    status = block.locator(".orgkb-copy-status").element_handle()
    page.wait_for_function("status => status.textContent !== ''", arg=status)
    assert status.text_content() == "Copied"
    copied = page.evaluate("navigator.clipboard.readText()")
    context.close()
    assert commands, shown
    assert copied == "\n".join(commands) + "\n"


def test_tab_first_reaches_a_link_to_the_main_content(tab: Any, site_url: str) -> None:
    tab.goto(site_url + "index.html")
    tab.keyboard.press("Tab")
    target = tab.evaluate("document.activeElement.getAttribute('href')")
    assert target and target.startswith("#"), target
    tab.keyboard.press("Enter")
    assert tab.evaluate(
        f"!!document.getElementById({target[1:]!r})?.closest('main, [role=main]')"
    ), target


# Colour contrast in both modes; the phone layout (menu button, header) in one.
@pytest.mark.parametrize(
    ("scheme", "viewport"),
    [("light", DESKTOP), ("dark", DESKTOP), ("light", PHONE)],
    ids=["light", "dark", "phone"],
)
def test_axe_finds_no_violations(
    browser: Any, site_url: str, page_paths: list[str], scheme: str, viewport: dict[str, int]
) -> None:
    axe = axe_module.Axe()
    context = browser.new_context(viewport=viewport, color_scheme=scheme)
    page = context.new_page()
    violations = []
    for path in page_paths:
        page.goto(site_url + path)
        # axe's default run includes the best-practice rules (landmarks, regions, headings).
        results = axe.run(page, options={"resultTypes": ["violations"]})
        for violation in results.response["violations"]:
            targets = [node["target"] for node in violation["nodes"][:3]]
            violations.append(f"{path}: {violation['id']}: {violation['help']} {targets}")
    context.close()
    assert violations == []
