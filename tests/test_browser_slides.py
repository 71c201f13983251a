"""The slide decks, opened in a real browser as a trainer would open them.

Debian's chromium, driven by Playwright, loads every deck of both editions from the site served
on 127.0.0.1: reveal.js starts and counts every slide of the deck, with no console error, failed
request or request to another host. Printed in reveal.js's print mode, a deck takes one page a
slide. Without chromium these tests skip.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from typing import Any
from urllib.parse import urlsplit

import pytest
from pypdf import PdfReader

from tests.browser import (
    served,
    watch,
)
from tests.conftest import DECK_SOURCES, EDITIONS, BuiltSite, slides

playwright_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")

DECKS = [(language, deck) for language in EDITIONS for deck in DECK_SOURCES]


@pytest.fixture(scope="module")
def site_url(built_site: BuiltSite, built_zh_site: BuiltSite) -> Iterator[str]:
    """The address of the whole site, both editions, served from a thread on 127.0.0.1."""
    assert built_zh_site.decks(), built_zh_site.log
    with served(built_site.html) as url:
        yield url


def _deck(editions: dict[str, BuiltSite], language: str, deck: str) -> tuple[str, int]:
    """The deck's address in the site, and how many slides its markup holds."""
    folder = EDITIONS[language]
    path = f"{folder}/training/slides/{deck}.html".lstrip("/")
    return path, len(slides(editions[language].html / "training" / "slides" / f"{deck}.html"))


@pytest.mark.parametrize(("language", "deck"), DECKS)
def test_every_deck_starts_reveal_js(
    tab: Any,
    site_url: str,
    built_editions: dict[str, BuiltSite],
    language: str,
    deck: str,
) -> None:
    path, count = _deck(built_editions, language, deck)
    problems = watch(tab, urlsplit(site_url).netloc)
    tab.goto(site_url + path)
    tab.wait_for_function("() => window.Reveal && Reveal.isReady()")
    assert tab.evaluate("Reveal.getTotalSlides()") == count
    # The arrow key moves on, as a trainer presses it.
    tab.keyboard.press("ArrowRight")
    tab.wait_for_function("() => Reveal.getIndices().h === 1")
    assert problems == []


@pytest.mark.parametrize("language", EDITIONS)
def test_a_deck_prints_one_slide_a_page(
    tab: Any, site_url: str, built_editions: dict[str, BuiltSite], language: str
) -> None:
    path, count = _deck(built_editions, language, "one-region")
    tab.goto(site_url + path + "?print-pdf")
    tab.wait_for_function("() => window.Reveal && Reveal.isReady()")
    tab.wait_for_function(
        "count => document.querySelectorAll('.pdf-page').length === count", arg=count
    )
    printed = PdfReader(io.BytesIO(tab.pdf(prefer_css_page_size=True, print_background=True)))
    assert len(printed.pages) == count
