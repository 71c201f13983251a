"""The machine-readable edition: llms.txt, llms-full.txt and sections.jsonl, from the build."""

from __future__ import annotations

import json
import posixpath
import re

import pytest

import orgkb
from orgkb import citation
from orgkb.rules import RULES, rule
from orgkb.sphinxext.site.redirects import anchors_in
from tests.conftest import BuiltSite


@pytest.fixture(scope="module")
def sections(built_site: BuiltSite) -> list[dict[str, object]]:
    lines = (built_site.html / "sections.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines]


def test_every_section_has_the_promised_keys(sections: list[dict[str, object]]) -> None:
    assert sections
    for section in sections:
        assert list(section) == ["id", "url", "title", "language", "text", "rules", "rule_codes"]
        assert section["rule_codes"] == [rule(str(rule_id)).code for rule_id in _rules(section)]
        assert isinstance(section["text"], str)
        assert section["language"] == "en"
        assert section["title"]
    ids = [section["id"] for section in sections]
    assert len(ids) == len(set(ids))


def test_every_section_url_leads_to_its_section(
    built_site: BuiltSite, sections: list[dict[str, object]]
) -> None:
    for section in sections:
        url = str(section["url"])
        assert url.startswith(citation.PUBLISHED_URL)
        path, _, anchor = url.removeprefix(citation.PUBLISHED_URL).partition("#")
        assert (built_site.html / path).is_file(), url
        if anchor:
            assert anchor in anchors_in(built_site.html / path), url


def test_every_content_page_is_in_the_edition(
    built_site: BuiltSite, sections: list[dict[str, object]]
) -> None:
    pages = {str(section["id"]).partition("#")[0] + ".html" for section in sections}
    built = {page.relative_to(built_site.html).as_posix() for page in built_site.content_pages()}
    assert built <= pages


def _rules(section: dict[str, object]) -> list[str]:
    rules = section["rules"]
    assert isinstance(rules, list)
    return [str(rule) for rule in rules]


def _stating_pages(site: BuiltSite) -> dict[str, str]:
    """Each rule's id and the page that states it, as the rules page links them."""
    rules_page = posixpath.dirname(citation.RULES_PAGE)
    text = (site.html / f"{citation.RULES_PAGE}.html").read_text(encoding="utf-8")
    stated_in = {}
    for known in RULES:
        entry = text.partition(f'id="{citation.rule_anchor(known.id)}"')[2]
        link = re.search(r'Stated and explained in: </em><a [^>]*href="([^"#]+)', entry)
        assert link, known.id
        page = posixpath.normpath(posixpath.join(rules_page, link.group(1)))
        stated_in[known.id] = page.removesuffix(".html")
    return stated_in


def test_sections_name_the_rules_they_state(
    built_site: BuiltSite, sections: list[dict[str, object]]
) -> None:
    for rule_id, docname in _stating_pages(built_site).items():
        holders = [
            section
            for section in sections
            if str(section["id"]).startswith(docname + "#") and rule_id in _rules(section)
        ]
        assert holders, f"no section of {docname} names {rule_id}"
        known = next(known for known in RULES if known.id == rule_id)
        # The build's smart quotes turn the statement's apostrophes into typographic ones.
        statement = known.statement.replace("'", "’")
        assert any(statement in str(section["text"]) for section in holders), rule_id
    every = {rule for section in sections for rule in _rules(section)}
    assert every <= {known.id for known in RULES}


def test_charts_read_as_lists_and_citations_stay_out(sections: list[dict[str, object]]) -> None:
    text = "\n".join(str(section["text"]) for section in sections)
    titles: dict[str, str] = {}
    for section in sections:
        titles.setdefault(str(section["id"]).partition("#")[0], str(section["title"]))
    for section in sections:
        title = titles[str(section["id"]).partition("#")[0]]
        assert f"“{title}”. In {citation.SITE_TITLE}" not in str(section["text"])
    assert '<figure class="orgkb-chart' not in text and '<ul class="orgkb-tree"' not in text
    charts = [line for line in text.splitlines() if re.match(r"\s*- .+ — branch 分公司", line)]
    assert charts, "no chart of a branch in the text edition"


def test_llms_txt_links_every_page_with_its_stable_url(built_site: BuiltSite) -> None:
    summary = (built_site.html / "llms.txt").read_text(encoding="utf-8")
    assert summary.startswith(f"# {citation.SITE_TITLE}\n\n> ")
    assert f"Version {orgkb.__version__}." in summary
    assert f"({citation.PUBLISHED_URL}llms-full.txt)" in summary
    assert f"({citation.PUBLISHED_URL}sections.jsonl)" in summary
    links = re.findall(r"^- \[[^\]]+\]\(([^)]+)\)", summary, re.MULTILINE)
    for known in RULES:
        url = citation.rule_url(known.id, citation.PUBLISHED_URL)
        assert f"\n- {known.code} [{known.id}]({url}): {known.statement}\n" in summary
    for page in built_site.content_pages():
        relative = page.relative_to(built_site.html).as_posix()
        if relative != "index.html":
            assert citation.PUBLISHED_URL + relative in links, relative


def test_the_full_text_holds_every_section_in_order(
    built_site: BuiltSite, sections: list[dict[str, object]]
) -> None:
    full = (built_site.html / "llms-full.txt").read_text(encoding="utf-8")
    assert full.startswith(f"# {citation.SITE_TITLE}, version {orgkb.__version__}\n")
    position = 0
    for section in sections:
        found = full.find(f"URL: {section['url']}\n", position)
        assert found > position, section["id"]
        position = found


def test_the_chinese_edition_states_each_rule_in_chinese(built_zh_site: BuiltSite) -> None:
    # Its rule boxes are Chinese (orgkb.rules: Rule.zh), and so is its text edition of them.
    lines = (built_zh_site.html / "sections.jsonl").read_text(encoding="utf-8").splitlines()
    sections = [json.loads(line) for line in lines]
    missing = []
    for known in RULES:
        holders = [
            section
            for section in sections
            if known.id in _rules(section)
            and not str(section["id"]).startswith(f"{citation.RULES_PAGE}#")
        ]
        statement = known.zh.statement.replace("'", "’")
        if not any(statement in str(section["text"]) for section in holders):
            missing.append(known.id)
    assert missing == []
