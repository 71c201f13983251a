"""The Chinese edition, as built: in Chinese, and the same site as the English one.

Its pages sit at the same paths, with the same anchors, in the site's ``zh_CN`` folder; each
page says it is Chinese, has its own address and names the English page, which names it
back; search finds Chinese words. No block of English prose is left on its pages outside
code, identifiers and the two reference pages that stay English: this catches the text the
catalogues cannot reach, which the theme and the extensions write.
"""

from __future__ import annotations

import itertools
import json
import posixpath
import re
from html import unescape
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from orgkb import citation
from orgkb.rules import RULES
from orgkb.sphinxext.site.redirects import anchors_in
from tests.conftest import BuiltSite

ZH_URL = f"{citation.PUBLISHED_URL}zh_CN/"
# The reference pages that stay English in the Chinese edition; and the index of terms,
# which lists each glossary entry under its English words as well as its Chinese ones.
ENGLISH_PAGES = {"reference/api.html", "reference/sphinx-extension.html", "genindex.html"}
# Elements whose text is code or an identifier, not prose.
CODE_ELEMENTS = {"pre", "code", "kbd", "samp", "var", "script", "style"}
CODE_CLASSES = {"highlight"}
# Four English words in a row make prose. Words are two letters or more, so that the
# initials of a cited author (S. Halfin and W. Whitt) do not make one.
ENGLISH_RUN = 4
WORD = re.compile(r"[A-Za-z][A-Za-z'’]*[A-Za-z]")
NOT_PROSE = re.compile(
    r"https?://\S+"
    # A file's path, such as the caption of an example profile, is an identifier.
    r"|\S+/\S+"
    # The title of a cited English work: Chinese prose quotes with “”, a reference with "".
    r'|"[^"“”]*"'
)
# English the Chinese edition keeps on purpose, and nothing longer: the journals of the
# works a page cites, and the example companies, whose names the charts show.
ALLOWED = (
    "Bell System Technical Journal",
    "Operations Research",
    "Discrete Mathematics",
    "Bright Path Education",
    "Four Seasons Home",
    "Jiayuan Home",
    "Lotus Dental",
    "Anju Home",
    "Huaxia Home",
)
# The glossary handout gives each term in English and in pinyin beside the Chinese, on
# purpose: those two columns are headwords, as a glossary entry's are; its definitions are
# prose and are checked.
HEADWORD_COLUMNS = {"training/glossary-handout.html": (0, 2)}
CELL = re.compile(r"<td>.*?</td>", re.DOTALL)
ROW = re.compile(r"<tr[^>]*>.*?</tr>", re.DOTALL)
CHINESE_LINE = re.compile(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]")


# Elements inside a sentence; every other element starts or ends a block of text.
INLINE_ELEMENTS = {"a", "abbr", "b", "cite", "dfn", "em", "i", "mark", "q", "small", "span"}
INLINE_ELEMENTS |= {"strong", "sub", "sup", "time", "u"}
EMPTY_ELEMENTS = {"br", "hr", "img", "input", "link", "meta", "source", "use", "wbr"}


class _Prose(HTMLParser):
    """Collects the runs of a page's text outside code: a run ends where a block or a piece
    of code starts or ends, and goes on through links and emphasis."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.open: list[tuple[str, bool]] = []
        self.runs: list[str] = []
        self._run: list[str] = []

    def _end_run(self) -> None:
        if "".join(self._run).strip():
            self.runs.append("".join(self._run))
        self._run = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        classes = set((attributes.get("class") or "").split())
        code = tag in CODE_ELEMENTS or bool(classes & CODE_CLASSES)
        # A glossary entry's words, English and Chinese: the headwords, not prose.
        code = code or (tag == "dt" and (attributes.get("id") or "").startswith("term-"))
        if code or tag not in INLINE_ELEMENTS:
            self._end_run()
        if tag not in EMPTY_ELEMENTS:
            self.open.append((tag, code))

    def handle_endtag(self, tag: str) -> None:
        for index in range(len(self.open) - 1, -1, -1):
            if self.open[index][0] == tag:
                if self.open[index][1] or tag not in INLINE_ELEMENTS:
                    self._end_run()
                del self.open[index:]
                return

    def handle_data(self, data: str) -> None:
        if not any(code for _, code in self.open):
            self._run.append(data)

    def close(self) -> None:
        super().close()
        self._end_run()


def english_prose(page: str) -> list[str]:
    """The runs of *page*'s text, outside code, with four English words or more in a row.

    A run ends at a block, at code, and at every Chinese character or full-width mark.
    """
    parser = _Prose()
    parser.feed(page)
    parser.close()
    found = []
    for run in parser.runs:
        for allowed in ALLOWED:
            run = run.replace(allowed, " ")
        for part in CHINESE_LINE.split(NOT_PROSE.sub(" ", run)):
            if len(WORD.findall(part)) >= ENGLISH_RUN:
                found.append(" ".join(part.split()).lstrip(",.:;) "))
    return found


@pytest.mark.parametrize(
    ("page", "found"),
    [
        ("<p>分公司的<code>capacity</code>决定它的工作量。</p>", []),
        (
            "<p>Every branch has its own sales department.</p>",
            ["Every branch has its own sales department."],
        ),
        ("<p>见 R. Tijdeman, &quot;The chairman assignment problem&quot;, 1980。</p>", []),
        ('<div class="highlight"><pre>orgkb recommend profile.yaml --format text</pre></div>', []),
        ("<p>用 <a>orgkb recommend</a> 得出方案</p>", []),
        (
            "<p>Text and figures: <a>CC BY 4.0</a>; code: MIT licence.</p>",
            ["Text and figures: CC BY 4.0; code: MIT licence."],
        ),
        ("<li>the <code>capacity</code> of each branch decides</li>", ["of each branch decides"]),
        ("<td>Anju Home</td><td>Wuhan branch</td>", []),
        ('<dt id="term-span-of-control">span of control and more</dt><dd>管理幅度</dd>', []),
        (
            "<p>Anju Home: recommended (one region, several branches)</p>",
            ["recommended (one region, several branches)"],
        ),
    ],
    ids=[
        "code",
        "prose",
        "reference",
        "highlight",
        "command",
        "inline",
        "around code",
        "cells",
        "glossary",
        "company",
    ],
)
def test_english_prose_is_found(page: str, found: list[str]) -> None:
    assert english_prose(page) == found


def _relative(site: BuiltSite, page: Path) -> str:
    return page.relative_to(site.html).as_posix()


def _without_columns(page: str, columns: tuple[int, ...]) -> str:
    """*page* with the table cells of *columns* (counted from 0) taken out of every row."""

    def row(found: re.Match[str]) -> str:
        cells = itertools.count()
        return CELL.sub(lambda cell: "" if next(cells) in columns else cell.group(), found.group())

    return ROW.sub(row, page)


def test_a_headword_column_is_not_prose() -> None:
    table = "<tr><td>same-city internal friction</td><td>同城内耗</td><td>tóngchéng nèihào</td>"
    table += "<td>one line of English prose here</td></tr>"
    assert english_prose(_without_columns(table, (0, 2))) == ["one line of English prose here"]


def test_no_english_prose_outside_code(built_zh_site: BuiltSite) -> None:
    problems = [
        f"{path}: {run}"
        for page in built_zh_site.pages()
        if (path := _relative(built_zh_site, page)) not in ENGLISH_PAGES
        for run in dict.fromkeys(
            english_prose(
                _without_columns(page.read_text(encoding="utf-8"), HEADWORD_COLUMNS.get(path, ()))
            )
        )
    ]
    assert problems == [], "\n".join(problems)


def test_the_editions_have_the_same_pages_and_anchors(
    built_site: BuiltSite, built_zh_site: BuiltSite
) -> None:
    # A rule cited as …#rule-X, or any section's address, resolves in either edition.
    english = {_relative(built_site, page) for page in built_site.pages()}
    chinese = {_relative(built_zh_site, page) for page in built_zh_site.pages()}
    assert english == chinese
    lost = {
        path: sorted(anchors_in(built_site.html / path) - anchors_in(built_zh_site.html / path))
        for path in english
    }
    assert {path: ids for path, ids in lost.items() if ids} == {}
    rules = anchors_in(built_zh_site.html / f"{citation.RULES_PAGE}.html")
    assert {citation.rule_anchor(known.id) for known in RULES} <= rules


def _html_lang(page: Path) -> str:
    found = re.search(r'<html[^>]*\slang="([^"]+)"', page.read_text(encoding="utf-8"))
    return found.group(1) if found else ""


def test_every_page_says_its_language(built_site: BuiltSite, built_zh_site: BuiltSite) -> None:
    assert {_html_lang(page) for page in built_site.pages()} == {"en"}
    assert {_html_lang(page) for page in built_zh_site.pages()} == {"zh-CN"}


def _links(page: Path, rel: str) -> dict[str, str]:
    """The ``<link rel=…>`` of *page*: hreflang (or ``""``) to address."""
    found = {}
    for tag in re.findall(r"<link [^>]*>", page.read_text(encoding="utf-8")):
        if f'rel="{rel}"' in tag:
            language = re.search(r'hreflang="([^"]+)"', tag)
            address = re.search(r'href="([^"]+)"', tag)
            assert address, tag
            found[language.group(1) if language else ""] = unescape(address.group(1))
    return found


def test_each_edition_has_its_own_canonical_address_and_names_the_other(
    built_site: BuiltSite, built_zh_site: BuiltSite
) -> None:
    for page in built_site.pages():
        path = _relative(built_site, page)
        if 'http-equiv="refresh"' in page.read_text(encoding="utf-8"):
            continue
        english, chinese = citation.PUBLISHED_URL + path, ZH_URL + path
        assert _links(page, "canonical") == {"": english}, path
        assert _links(built_zh_site.html / path, "canonical") == {"": chinese}, path
        alternates = {"en": english, "zh-CN": chinese, "x-default": english}
        assert _links(page, "alternate") == alternates, path
        assert _links(built_zh_site.html / path, "alternate") == alternates, path


def _switcher(page: Path) -> list[tuple[str, str, str]]:
    """The language switcher's links on *page*: (hreflang, href, text)."""
    text = page.read_text(encoding="utf-8")
    switcher = re.search(r'<p class="orgkb-editions">(.*?)</p>', text, re.DOTALL)
    assert switcher, page
    return [
        (language, unescape(href), name)
        for href, language, name in re.findall(
            r'<a href="([^"]+)" hreflang="([^"]+)" lang="[^"]+">([^<]+)</a>', switcher.group(1)
        )
    ]


def test_the_switcher_leads_to_the_same_page_in_the_other_edition(
    built_site: BuiltSite, built_zh_site: BuiltSite
) -> None:
    site = built_site.html
    for page in built_site.pages():
        path = _relative(built_site, page)
        if path == "404.html":
            continue
        for here, there, language, name in (
            (path, f"zh_CN/{path}", "zh-CN", "中文"),
            (f"zh_CN/{path}", path, "en", "English"),
        ):
            [(hreflang, href, shown)] = _switcher(site / here)
            assert (hreflang, shown) == (language, name), here
            # Relative, so that it works from a folder as from a server.
            assert not urlsplit(href).scheme and not href.startswith("/"), href
            assert posixpath.normpath(posixpath.join(posixpath.dirname(here), href)) == there


def test_the_404_page_links_from_the_edition_s_folder(
    built_site: BuiltSite, built_zh_site: BuiltSite
) -> None:
    # Shown at any depth, the 404 page gives addresses from the server's root.
    english = (built_site.html / "404.html").read_text(encoding="utf-8")
    chinese = (built_zh_site.html / "404.html").read_text(encoding="utf-8")
    assert [href for _, href, _ in _switcher(built_site.html / "404.html")] == ["/zh_CN/404.html"]
    assert [href for _, href, _ in _switcher(built_zh_site.html / "404.html")] == ["/404.html"]
    assert 'href="/zh_CN/index.html"' in chinese
    assert 'href="/index.html"' in english
    assert "<h1>找不到页面</h1>" in chinese
    assert "<title>找不到页面 - " in chinese


def test_the_search_page_is_chinese(built_zh_site: BuiltSite) -> None:
    page = (built_zh_site.html / "search.html").read_text(encoding="utf-8")
    assert "<h1>搜索</h1>" in page
    assert "请启用 JavaScript" in page
    assert 'placeholder="搜索"' in page


# Furo's labels that are no text of a page: what a screen reader says for a button.
FURO_LABELS = (
    "Toggle site navigation sidebar",
    "Toggle table of contents sidebar",
    "Toggle Light / Dark / Auto color theme",
    "Site navigation",
    "On this page",
)


def test_the_theme_s_labels_are_chinese(built_zh_site: BuiltSite) -> None:
    english = {
        f"{_relative(built_zh_site, page)}: {label}"
        for page in built_zh_site.pages()
        for label in FURO_LABELS
        if f'"{label}"' in page.read_text(encoding="utf-8")
    }
    assert english == set()
    home = (built_zh_site.html / "index.html").read_text(encoding="utf-8")
    for label in ("跳到正文", "回到顶部", "切换浅色、深色或自动配色", "网站导航", "版权所有"):
        assert label in home, label


def test_the_chinese_sitemap_lists_the_chinese_pages(
    built_site: BuiltSite, built_zh_site: BuiltSite
) -> None:
    def listed(site: BuiltSite) -> set[str]:
        sitemap = (site.html / "sitemap.xml").read_text(encoding="utf-8")
        return set(re.findall(r"<loc>([^<]+)</loc>", sitemap))

    english, chinese = listed(built_site), listed(built_zh_site)
    assert english and all(url.startswith(citation.PUBLISHED_URL) for url in english)
    assert not any(url.startswith(ZH_URL) for url in english)
    assert chinese == {url.replace(citation.PUBLISHED_URL, ZH_URL, 1) for url in english}


def test_the_machine_readable_edition_is_chinese(built_zh_site: BuiltSite) -> None:
    lines = (built_zh_site.html / "sections.jsonl").read_text(encoding="utf-8").splitlines()
    sections = [json.loads(line) for line in lines]
    assert sections
    assert {section["language"] for section in sections} == {"zh-CN"}
    assert all(str(section["url"]).startswith(ZH_URL) for section in sections)
    glossary = next(
        section for section in sections if section["id"].startswith("reference/glossary#")
    )
    assert glossary["title"] == "术语表"
    summary = (built_zh_site.html / "llms.txt").read_text(encoding="utf-8")
    assert summary.startswith("# orgkb：")
    assert f"({ZH_URL}llms-full.txt)" in summary
    assert f"[English]({citation.PUBLISHED_URL}llms.txt)" in summary
    unify = next(known for known in RULES if known.id == "one-region.unify-promotion-and-service")
    assert f"{citation.rule_url(unify.id, ZH_URL)}): {unify.zh.statement}" in summary
    full = (built_zh_site.html / "llms-full.txt").read_text(encoding="utf-8")
    assert full.startswith("# orgkb：")
    assert f"URL: {ZH_URL}explanation/one-region.html\n" in full


# Each word a Chinese reader searches for, and pages that explain it.
SEARCHES = {
    "客服": {"reference/glossary", "explanation/why-unified-service-costs-less"},
    "集权": {"reference/glossary", "explanation/multi-region"},
    "分公司": {"reference/glossary", "explanation/one-region", "explanation/no-branches"},
    "线索": {"reference/glossary", "how-to/dispatch-leads", "explanation/fair-dispatch"},
}


@pytest.mark.parametrize("word", SEARCHES)
def test_search_finds_the_pages_that_explain_a_chinese_word(
    built_zh_site: BuiltSite, word: str
) -> None:
    script = (built_zh_site.html / "searchindex.js").read_text(encoding="utf-8")
    index = json.loads(script[script.index("(") + 1 : script.rindex(")")])

    def pages(found: int | list[int] | None) -> set[str]:
        numbers = [found] if isinstance(found, int) else found or []
        return {index["docnames"][number] for number in numbers}

    in_text, in_titles = pages(index["terms"].get(word)), pages(index["titleterms"].get(word))
    assert SEARCHES[word] <= in_text | in_titles
    # At least one page is about the word: it is in that page's title or a heading.
    assert in_titles & SEARCHES[word], sorted(in_titles)
