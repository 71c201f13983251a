"""The training slide decks: the directives and roles they use, and the decks as the site's build
makes them, in each edition.

A slide that states a rule shows the rule's short code beside its own words; a deck's links to
the site lead to pages the site has; the site's page of decks links decks that exist; and the
decks publish only the part of reveal.js they load.
"""

from __future__ import annotations

import re
from html import unescape
from pathlib import Path

import pytest

from orgkb.rules import RULES, rule, wording
from orgkb.sphinxext.slides import DECKS, RULE_CODE, SITE_LINK
from tests.conftest import DECK_SOURCES, EDITIONS, BuiltSite, slides
from tests.sphinxproject import DIRECTIVES, build

TAG = re.compile(r"<[^>]+>")


def _text(markup: str) -> str:
    # Docutils curls a statement's apostrophes on the slide, as on the pages.
    text = unescape(TAG.sub(" ", markup)).replace("\u2019", "'")
    return " ".join(text.split())


def test_a_rule_slide_shows_the_code_beside_the_rule_s_own_words(tmp_path: Path) -> None:
    pages = {"index.md": "# Deck\n\n```{slide-rule} one-region.unify-promotion-and-service\n```\n"}
    built = build(tmp_path, pages, extensions=DIRECTIVES)
    assert built.returncode == 0, built.log
    page = built.read("index.html")
    unify = rule("one-region.unify-promotion-and-service")
    assert f'<span class="{RULE_CODE}">R3</span>' in page
    assert unify.title in page and unify.statement in page
    # Our own rules say so; this one is the article's.
    assert "Beyond the article" not in page


def test_a_rule_of_ours_is_marked_beyond_the_article_in_each_language(tmp_path: Path) -> None:
    pages = {
        "index.md": "# 幻灯片\n\n```{slide-rule} multi-region.city-unit-for-shared-city\n```\n"
    }
    built = build(tmp_path, pages, conf='language = "zh_CN"\n', extensions=DIRECTIVES)
    assert built.returncode == 0, built.log
    page = built.read("index.html")
    city = rule("multi-region.city-unit-for-shared-city")
    assert wording(city, "zh_CN").statement in page
    assert ">R9<" in page and "超出原文" in page


def test_an_unknown_rule_on_a_slide_is_a_warning(tmp_path: Path) -> None:
    pages = {"index.md": "# Deck\n\n```{slide-rule} one-region.unify\n```\n"}
    built = build(tmp_path, pages, extensions=DIRECTIVES)
    assert built.returncode != 0
    assert "index.md:3: WARNING: slide-rule: no rule has the id" in built.log
    # In the words of the rule directive's warning and of orgkb cite.
    assert "'one-region.unify'; `orgkb rules` lists them [orgkb.rule-unknown]" in built.log


def test_a_link_to_a_deck_that_does_not_exist_is_a_warning(tmp_path: Path) -> None:
    pages = {
        "index.md": "# Decks\n\n- {deck}`Overview <overview>`\n- {deck}`Gone <gone>`\n",
        f"{DECKS}/overview.md": "# Overview\n",
    }
    conf = f'exclude_patterns = ["{DECKS}/**"]\n'
    built = build(tmp_path, pages, conf=conf, strict=False, extensions=DIRECTIVES)
    assert "deck: no deck 'gone'" in built.log
    assert "overview" not in built.log
    assert f'href="{DECKS}/overview.html"' in built.read("index.html")


@pytest.mark.parametrize("language", EDITIONS)
def test_every_deck_is_built_in_every_edition(
    built_editions: dict[str, BuiltSite], language: str
) -> None:
    edition = built_editions[language]
    assert [deck.stem for deck in edition.decks()] == DECK_SOURCES
    assert {"overview", "no-branches", "one-region", "multi-region"} <= set(DECK_SOURCES)
    for deck in edition.decks():
        page = deck.read_text(encoding="utf-8")
        assert f'<html lang="{language.replace("_", "-")}">' in page
        assert len(slides(deck)) >= 4, deck.name


@pytest.mark.parametrize("language", EDITIONS)
def test_each_slide_that_states_a_rule_shows_its_code(
    built_editions: dict[str, BuiltSite], language: str
) -> None:
    stated = set()
    for deck in built_editions[language].decks():
        for slide in slides(deck):
            text = _text(slide)
            for known in RULES:
                if wording(known, language).statement in text:
                    stated.add(known.code)
                    assert re.search(rf"\b{known.code}\b", text), (deck.name, text)
    # Every rule is on some slide, in the edition's own words.
    assert stated == {known.code for known in RULES}


@pytest.mark.parametrize("language", EDITIONS)
def test_each_deck_ends_with_the_case_studies_and_the_planner(
    built_editions: dict[str, BuiltSite], language: str
) -> None:
    edition = built_editions[language]
    for deck in edition.decks():
        last = slides(deck)[-1]
        links = re.findall(rf'class="[^"]*{SITE_LINK}[^"]*" href="([^"]+)"', last)
        links += re.findall(rf'href="([^"]+)" class="[^"]*{SITE_LINK}', last)
        # The planner, and the deck's case study (the overview: the Training section's list).
        stems = sorted(Path(link).stem for link in links)
        assert len(stems) == 2 and stems[1] == "planner", (deck.name, stems)
        assert stems[0] == (f"case-{deck.stem}" if deck.stem != "overview" else "index")
        for link in links:
            assert (deck.parent / link).resolve().is_file(), (deck.name, link)


@pytest.mark.parametrize("language", EDITIONS)
def test_the_slide_decks_page_links_every_deck(
    built_editions: dict[str, BuiltSite], language: str
) -> None:
    edition = built_editions[language]
    page = edition.html / "training" / "slides.html"
    linked = re.findall(r'href="(slides/[^"#]+\.html)"', page.read_text(encoding="utf-8"))
    assert sorted(Path(link).stem for link in linked) == DECK_SOURCES
    for link in linked:
        assert (page.parent / link).is_file(), link


def test_the_decks_publish_only_the_reveal_js_they_load(built_site: BuiltSite) -> None:
    static = built_site.html / DECKS / "_static"
    themes = sorted(path.name for path in (static / "revealjs/dist/theme").glob("*.css"))
    assert themes == ["white.css"]
    assert not list(static.rglob("*.map"))
    loaded = set()
    for deck in built_site.decks():
        page = deck.read_text(encoding="utf-8")
        loaded |= {ref.split("?")[0] for ref in re.findall(r'(?:href|src)="(_static/[^"]+)"', page)}
    for name in loaded:
        assert (deck.parent / name).is_file(), name
    assert not (built_site.html / DECKS / "objects.inv").exists()
