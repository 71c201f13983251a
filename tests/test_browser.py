"""The built site, opened in a real browser as a reader would open it.

Debian's chromium, driven by Playwright, loads every page of the site served on 127.0.0.1:
no console error, no failed request, nothing from another host; search finds English and
Chinese words; org charts fit a phone; the copy button copies; axe-core finds no violation,
its best-practice rules included, in light and in dark mode; the keyboard reaches the main
content first. The site also works opened from a folder, and its 404 page at any depth. ``./dev test`` installs chromium when it may; without one these tests skip.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any
from urllib.parse import quote, urlsplit

import pytest

from benchmarks.page_weight import page_resources
from tests.browser import (
    DESKTOP,
    PATIENCE,
    PHONE,
    patient_context,
    served,
    watch,
)
from tests.conftest import BuiltSite

playwright_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
axe_module = pytest.importorskip("axe_playwright_python.sync_playwright")

playwright_api.expect.set_options(timeout=PATIENCE)


@pytest.fixture(scope="session")
def site_url(built_site: BuiltSite) -> Iterator[str]:
    """The address of the built site, served from a thread on 127.0.0.1."""
    # A warning fails test_site, not these: the pages were written all the same.
    assert (built_site.html / "index.html").is_file(), built_site.log
    with served(built_site.html) as url:
        yield url


@pytest.fixture(scope="session")
def page_paths(built_site: BuiltSite) -> list[str]:
    return [page.relative_to(built_site.html).as_posix() for page in built_site.pages()]


def _open(context: Any, url: str, own_host: str) -> tuple[Any, list[str]]:
    """A new tab of *context* with *url* loaded, and what went wrong until it had loaded."""
    # The load event waits for every file the page names. Chromium asks for the page's icon
    # only afterwards, and on a busy machine the next address in the same tab would cancel
    # it: a failed request that is nobody's fault. So each page gets a tab of its own, and
    # what happens once it has loaded (its closing included) is not counted against it.
    page = context.new_page()
    found = watch(page, own_host)
    page.goto(url, wait_until="load")
    return page, list(found)


def test_every_page_loads_cleanly(chromium: Any, site_url: str, page_paths: list[str]) -> None:
    own_host = urlsplit(site_url).netloc
    problems: list[str] = []
    context = patient_context(chromium, viewport=PHONE)
    for path in page_paths:
        page, found = _open(context, site_url + path, own_host)
        problems += [f"{path}: {problem}" for problem in found]
        # A phone-readable page never scrolls sideways as a whole.
        width = page.evaluate("document.documentElement.scrollWidth")
        if width > PHONE["width"]:
            problems.append(f"{path}: {width} px wide on a {PHONE['width']} px phone")
        page.close()
    context.close()
    assert problems == []


def test_page_weight_counts_every_file_the_browser_loads(
    chromium: Any, site_url: str, built_site: BuiltSite, page_paths: list[str]
) -> None:
    # The 40 KB budget (tests/test_page_weight.py) is honest only if nothing is left out.
    context = patient_context(chromium, viewport=DESKTOP)
    missed = []
    for path in ["index.html", *(p for p in page_paths if p.startswith("explanation/"))]:
        page = context.new_page()
        requested: list[str] = []
        page.on("request", lambda request, seen=requested: seen.append(urlsplit(request.url).path))
        page.goto(site_url + path, wait_until="load")
        page.close()
        counted = {
            "/" + resource.path.relative_to(built_site.html.resolve()).as_posix()
            for resource in page_resources(built_site.html / path, built_site.html)
        }
        missed += [f"{path}: {url}" for url in requested if url not in counted]
    context.close()
    assert missed == []


def _search_results(page: Any) -> list[str]:
    """The links the search page on *page* lists, once it has listed them all."""
    # Results appear one at a time; the heading turns to "Search Results" after the last.
    playwright_api.expect(page.locator("#search-results h2")).to_have_text("Search Results")
    links = page.locator("#search-results ul.search li a")
    return [links.nth(index).get_attribute("href") or "" for index in range(links.count())]


def test_the_site_works_from_a_folder(chromium: Any, built_site: BuiltSite) -> None:
    # Opened from a file share: pages, their files and search, with no server at all.
    folder = built_site.html.resolve()
    context = patient_context(chromium, viewport=DESKTOP)
    problems: list[str] = []
    for path in ["index.html", "explanation/multi-region.html", "reference/glossary.html"]:
        page, found = _open(context, (folder / path).as_uri(), own_host="")
        problems += [f"{path}: {problem}" for problem in found]
        page.close()
    page = context.new_page()
    found = watch(page, own_host="")
    page.goto(f"{(folder / 'search.html').as_uri()}?q={quote('客服')}")
    results = _search_results(page)
    problems += [f"search.html: {problem}" for problem in found]
    context.close()
    assert results, "no result for 客服 from a folder"
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
    tab.goto(missing, wait_until="load")
    assert broken == []
    assert tab.locator("article h1").inner_text()
    home = tab.locator(".sidebar-brand").first.get_attribute("href")
    assert home == "/index.html", home


def _search(tab: Any, site_url: str, words: str) -> list[str]:
    tab.goto(f"{site_url}search.html?q={quote(words)}")
    return _search_results(tab)


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
    chromium: Any, site_url: str, built_site: BuiltSite, page_paths: list[str]
) -> None:
    with_charts = [
        path
        for path in page_paths
        if 'class="orgkb-chart' in (built_site.html / path).read_text(encoding="utf-8")
    ]
    if not with_charts:
        pytest.skip("no page shows an org chart yet")
    context = patient_context(chromium, viewport=PHONE)
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
    chromium: Any, site_url: str, built_site: BuiltSite, page_paths: list[str]
) -> None:
    path = next(
        path
        for path in page_paths
        if "highlight-console" in (built_site.html / path).read_text(encoding="utf-8")
    )
    context = patient_context(chromium, viewport=DESKTOP)
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=site_url.rstrip("/"))
    page = context.new_page()
    page.goto(site_url + path)
    block = page.locator("div.highlight-console").first
    shown = block.locator("pre").inner_text()
    commands = [line[2:] for line in shown.splitlines() if line.startswith("$ ")]
    status = block.locator(".orgkb-copy-status").element_handle()
    block.locator("button.orgkb-copy").click()
    # The status clears itself two seconds on, which a busy machine can miss between two
    # calls: it is read in the same check that sees it set.
    said = page.wait_for_function("status => status.textContent", arg=status).json_value()
    assert said == "Copied"
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
    chromium: Any, site_url: str, page_paths: list[str], scheme: str, viewport: dict[str, int]
) -> None:
    axe = axe_module.Axe()
    context = patient_context(chromium, viewport=viewport, color_scheme=scheme)
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
