"""The Run buttons in a real browser: Python starts in a web worker, from the site alone.

Debian's chromium, driven by Playwright as in tests/test_browser.py, opens a site built with
the runtime (``orgkb.browser_runtime``, which needs npm and PyPI once; without them these
tests skip), served on 127.0.0.1 and from a folder. Nothing of the runtime loads before the
first click; a click shows each example's output, the same as the page prints; an edited
block shows its new output, marked where it differs, and Reset puts it back; no request
goes to another host.
"""

from __future__ import annotations

import doctest
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

from benchmarks.page_weight import compressed_size
from orgkb.page_examples import DOCTEST_FLAGS, PROMPT
from orgkb.sphinxext.site.runner import BUTTONS, EXAMPLES_GLOBAL, LABELS
from tests.browser import DESKTOP
from tests.conftest import BuiltSite

playwright_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
axe_module = pytest.importorskip("axe_playwright_python.sync_playwright")

# A cold start takes 5-7 s here, and much longer when the machine is busy.
STARTS_WITHIN = 120_000
# A hidden set-up block, doctests, a console session and the example files.
PAGE = "explanation/one-region.html"
FINISHED = "bar => bar.dataset.state === 'done' || bar.dataset.state === 'failed'"


class Tab:
    """A page in a fresh browser context, with every request and problem it had."""

    def __init__(self, page: Any) -> None:
        self.page = page
        self.requests: list[str] = []
        self.problems: list[str] = []
        page.on("request", lambda request: self.requests.append(request.url))
        page.on("pageerror", lambda error: self.problems.append(f"script error: {error}"))
        page.on("requestfailed", lambda request: self.problems.append(f"failed: {request.url}"))
        page.on(
            "console",
            lambda message: (
                self.problems.append(f"console: {message.text}")
                if message.type == "error"
                else None
            ),
        )

    def bars(self) -> Any:
        return self.page.locator(".orgkb-runbar")

    def run(self, index: int, language: str = "en") -> Any:
        """Click the Run button of block *index* and wait until its run ends."""
        bar = self.bars().nth(index)
        # A block in a closed drop-down (a training case's answer) is run as a reader does,
        # once it is opened.
        bar.evaluate(
            "bar => { for (let d = bar.closest('details'); d; d = d.parentElement.closest('details'))"
            " d.open = true; }"
        )
        bar.get_by_role("button", name=LABELS[language]["run"]).click()
        self.page.wait_for_function(FINISHED, arg=bar.element_handle(), timeout=STARTS_WITHIN)
        return bar

    def foreign(self, own: str) -> list[str]:
        """The requests to anywhere but *own* (a host, or "" for files)."""
        return [
            url
            for url in self.requests
            if urlsplit(url).scheme not in {"data", "blob"} and urlsplit(url).netloc != own
        ]


@pytest.fixture()
def tab(chromium: Any) -> Iterator[Tab]:
    context = chromium.new_context(viewport=DESKTOP)
    yield Tab(context.new_page())
    context.close()


def _printed(block: dict[str, Any]) -> list[str]:
    """The outputs the page prints for a block, as the runner shows them: none when empty."""
    if block["kind"] == "doctest":
        wants = [example.want for example in doctest.DocTestParser().get_examples(block["source"])]
    else:
        wants, current = [], None
        for line in block["source"].splitlines():
            if line.startswith(PROMPT):
                current = len(wants)
                wants.append("")
            elif current is not None:
                wants[current] += line.rstrip() + "\n"
        wants = [want.strip() for want in wants]
    return [want for want in wants if want]


def _shown_as_printed(tab: Tab) -> dict[int, str]:
    """How each block's shown output differs from what the page prints, by block number."""
    blocks = [
        block for block in tab.page.evaluate(f"window.{EXAMPLES_GLOBAL}.blocks") if block["button"]
    ]
    checker = doctest.OutputChecker()
    problems = {}
    for index, block in enumerate(blocks):
        bar = tab.bars().nth(index)
        # By its text, not as the reader sees it: a block in a tab not chosen is hidden.
        status = bar.locator("[role=status]").text_content()
        output = tab.page.locator(".orgkb-output").nth(index).locator("pre")
        shown = [output.nth(n).text_content() or "" for n in range(output.count())]
        printed = _printed(block)
        if block["kind"] == "doctest":
            same = len(shown) == len(printed) and all(
                checker.check_output(want, got, DOCTEST_FLAGS)
                for want, got in zip(printed, shown, strict=True)
            )
        else:
            same = [got.strip() for got in shown] == printed
        if status != LABELS["en"]["same"] or not same:
            problems[index + 1] = f"{status}: shows {shown!r}, the page prints {printed!r}"
    return problems


def test_nothing_of_the_runtime_loads_before_the_first_click(
    tab: Tab, runtime_url: str, runtime_site: Path
) -> None:
    tab.page.goto(runtime_url + PAGE, wait_until="networkidle")
    assert tab.bars().count() > 1
    loaded = [urlsplit(url).path for url in tab.requests]
    assert [path for path in loaded if path.endswith(BUTTONS)] == [f"/_static/{BUTTONS}"]
    assert [path for path in loaded if "_runtime" in path or "orgkb-examples" in path] == []
    assert compressed_size(runtime_site / "_static" / BUTTONS) <= 2 * 1024
    # A page without examples loads nothing new at all.
    tab.requests.clear()
    tab.page.goto(runtime_url + "reference/glossary.html", wait_until="networkidle")
    assert [url for url in tab.requests if BUTTONS in url] == []
    assert tab.bars().count() == 0
    assert tab.problems == []


@pytest.mark.parametrize("served", ["http", "file"])
def test_run_shows_each_example_s_output_as_the_page_prints_it(
    tab: Tab, runtime_url: str, runtime_site: Path, served: str
) -> None:
    if served == "http":
        address, own = runtime_url + PAGE, urlsplit(runtime_url).netloc
    else:
        address, own = (runtime_site / PAGE).resolve().as_uri(), ""
    tab.page.goto(address, wait_until="networkidle")
    last = tab.bars().count() - 1
    # The last block: the page's blocks before it all run first, in one namespace.
    bar = tab.run(last)
    assert bar.get_attribute("data-state") == "done", bar.inner_text()
    assert _shown_as_printed(tab) == {}
    assert tab.page.locator(".orgkb-differs").count() == 0
    assert tab.foreign(own) == []
    assert tab.problems == []


def test_the_chinese_edition_runs_its_examples_with_the_one_runtime(
    tab: Tab, runtime_url: str, runtime_site: Path
) -> None:
    tab.page.goto(runtime_url + "zh_CN/" + PAGE)
    bar = tab.run(tab.bars().count() - 1, "zh_CN")
    assert bar.get_by_role("status").inner_text() == LABELS["zh_CN"]["same"]
    runtime = {urlsplit(url).path.rsplit("/", 1)[0] for url in tab.requests if "_runtime" in url}
    assert runtime == {"/_runtime"}
    assert not (runtime_site / "zh_CN" / "_runtime").exists()
    assert tab.problems == []


def test_an_edited_block_shows_its_new_output_and_reset_puts_it_back(
    tab: Tab, runtime_url: str
) -> None:
    tab.page.goto(runtime_url + PAGE)
    blocks = tab.page.locator(".orgkb-run")
    # The block that loads the school's profile, after the hidden block that finds the files.
    index = next(
        n for n in range(blocks.count()) if "load_company" in (blocks.nth(n).text_content() or "")
    )
    tab.run(index)
    code = blocks.nth(index).locator("pre")
    original = code.inner_text()
    edited = original.split(">>> [(branch.name")[0] + ">>> len(school.branches)\n3\n"
    code.fill(edited)
    bar = tab.run(index)
    assert bar.get_by_role("status").inner_text() == LABELS["en"]["differ"]
    output = tab.page.locator(".orgkb-output").nth(index)
    assert output.locator(".orgkb-differs pre").text_content() == "4\n"
    assert output.locator(".orgkb-differs p").inner_text() == LABELS["en"]["differs"]
    code.fill(original.split(">>> [(branch.name")[0] + ">>> len(school.branches)\n4\n")
    bar = tab.run(index)
    assert bar.get_by_role("status").inner_text() == LABELS["en"]["same"]
    assert output.locator("pre").text_content() == "4\n"
    bar.get_by_role("button", name=LABELS["en"]["reset"]).click()
    assert code.inner_text() == original
    assert output.locator("pre").count() == 0
    assert tab.problems == []


def test_stop_ends_an_example_that_never_ends_and_the_next_run_starts_python_again(
    tab: Tab, runtime_url: str
) -> None:
    tab.page.goto(runtime_url + PAGE)
    blocks = tab.page.locator(".orgkb-run")
    index = next(
        n for n in range(blocks.count()) if "load_company" in (blocks.nth(n).text_content() or "")
    )
    # The first run makes the blocks editable.
    bar = tab.run(index)
    code = blocks.nth(index).locator("pre")
    original = code.inner_text()
    code.fill(">>> while True:\n...     pass\n")
    bar.get_by_role("button", name=LABELS["en"]["run"]).click()
    stop = bar.get_by_role("button", name=LABELS["en"]["stop"])
    # Python has started and runs the blocks, the last of which never ends.
    status = bar.get_by_role("status")
    tab.page.wait_for_function(
        "([status, running]) => status.textContent === running",
        arg=[status.element_handle(), LABELS["en"]["running"]],
        timeout=STARTS_WITHIN,
    )
    stop.click()
    assert bar.get_attribute("data-state") == "stopped"
    assert bar.get_by_role("status").inner_text() == LABELS["en"]["stopped"]
    assert stop.is_hidden()
    code.fill(original)
    bar = tab.run(index)
    assert bar.get_by_role("status").inner_text() == LABELS["en"]["same"]
    assert tab.problems == []


def test_the_buttons_and_outputs_are_accessible(tab: Tab, runtime_url: str) -> None:
    tab.page.goto(runtime_url + PAGE)
    tab.run(tab.bars().count() - 1)
    results = axe_module.Axe().run(tab.page, options={"resultTypes": ["violations"]})
    violations = [
        f"{violation['id']}: {violation['help']} {[node['target'] for node in violation['nodes'][:3]]}"
        for violation in results.response["violations"]
    ]
    assert violations == []


def test_every_page_s_examples_run_as_printed(
    chromium: Any, runtime_url: str, runtime_site: Path
) -> None:
    # What a reader of the published site does: click the last Run button of a page. The
    # Chinese edition's pages run the same blocks.
    pages = sorted(
        page.relative_to(runtime_site).as_posix()
        for page in BuiltSite(runtime_site, 0, "").pages()
        if BUTTONS in page.read_text(encoding="utf-8")
    )
    assert len(pages) > 10
    differ = {}
    problems = []
    for path in pages:
        context = chromium.new_context(viewport=DESKTOP)
        tab = Tab(context.new_page())
        tab.page.goto(runtime_url + path)
        tab.run(tab.bars().count() - 1)
        differ |= {(path, block): said for block, said in _shown_as_printed(tab).items()}
        problems += [f"{path}: {problem}" for problem in tab.problems]
        context.close()
    assert problems == []
    # Pyodide runs another Python (3.13) than the tests may; the pages say the same on both.
    assert differ == {}
