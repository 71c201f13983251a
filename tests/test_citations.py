"""Rules and pages anyone can cite: citations, the rules page, stable addresses, redirects."""

from __future__ import annotations

import csv
import datetime
import io
import json
import re
import runpy
from html import escape, unescape
from pathlib import Path

import pytest
import yaml
from docutils import nodes

import orgkb
from orgkb import citation
from orgkb.rules import RULES
from orgkb.sphinxext.rules import rule_anchor
from orgkb.sphinxext.site.citations import CITE_ID
from orgkb.sphinxext.site.redirects import anchors_in, read_url_list
from tests.conftest import EDITIONS, BuiltSite
from tests.helpers import CONF, DOCS, ROOT, run_orgkb
from tests.sphinxproject import build

PUBLISHED = CONF / "published-urls.txt"
# {rule}`ID` cites a rule; that each rule is stated once, the build checks
# (tests/test_rule_statements.py).
CITED = re.compile(r"\{rule\}`([^`]+)`")
IDS = [known.id for known in RULES]


def test_rule_ids_are_unique_and_anchors_survive_docutils() -> None:
    assert len(set(IDS)) == len(IDS)
    anchors = [rule_anchor(rule_id) for rule_id in IDS]
    assert len(set(anchors)) == len(anchors)
    for rule_id, anchor in zip(IDS, anchors, strict=True):
        assert anchor == citation.rule_anchor(rule_id)
        assert nodes.make_id(anchor) == anchor


def test_every_rule_the_pages_cite_exists() -> None:
    unknown = []
    for page in sorted(DOCS.rglob("*.md")):
        # A role shown as code (``{rule}`ID` ``) is about the role, not a citation.
        text = re.sub(r"``.+?``", "", page.read_text(encoding="utf-8"))
        for rule_id in CITED.findall(text):
            target = rule_id.rpartition("<")[2].rstrip(">")  # {rule}`text <id>` cites id
            if target not in IDS:
                unknown.append(f"{page.relative_to(DOCS)}: {target}")
    assert unknown == []


def test_rules_command_lists_every_rule_by_code_id_and_title() -> None:
    status, out, err = run_orgkb("rules")
    assert (status, err) == (0, "")
    lines = out.splitlines()
    assert [line.split()[:2] for line in lines] == [[known.code, known.id] for known in RULES]
    for line, known in zip(lines, RULES, strict=True):
        assert line.endswith("  " + known.title)


def test_rules_command_gives_each_code_in_json_and_csv() -> None:
    expected = [
        {"code": known.code, "id": known.id, "title": known.title, "title_zh": known.zh.title}
        for known in RULES
    ]
    # What programs read is the same in either language.
    for language in ("en", "zh_CN"):
        status, out, err = run_orgkb("--lang", language, "rules", "--format", "json")
        assert (status, err) == (0, "")
        assert json.loads(out) == expected
        status, out, err = run_orgkb("--lang", language, "rules", "--format", "csv")
        assert (status, err) == (0, "")
        assert list(csv.DictReader(io.StringIO(out))) == expected


@pytest.mark.parametrize(
    "form",
    [(), ("--format", "bibtex"), ("--format", "gbt7714", "--cited-on", "2026-12-01")],
    ids=["text", "bibtex", "gbt7714"],
)
@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_cite_takes_a_rule_s_code_in_either_case_as_its_id(
    form: tuple[str, ...], language: str
) -> None:
    for known in RULES:
        by_id = run_orgkb("--lang", language, "cite", known.id, *form)
        assert by_id[0] == 0, by_id
        assert known.code in by_id[1]
        assert run_orgkb("--lang", language, "cite", known.code, *form) == by_id
        assert run_orgkb("--lang", language, "cite", known.code.lower(), *form) == by_id


def test_cite_prints_the_rules_address_under_the_published_url() -> None:
    status, out, err = run_orgkb("cite", "one-region.unify-promotion-and-service")
    assert (status, err) == (0, "")
    assert out == (
        "The orgkb authors (2026). “Rule R3 (one-region.unify-promotion-and-service): Unify "
        "promotion and customer service”. In orgkb: organising online marketing, version "
        f"{orgkb.__version__}. {citation.PUBLISHED_URL}reference/rules.html"
        "#rule-one-region-unify-promotion-and-service\n"
    )


def test_cite_takes_another_base_url_and_prints_bibtex() -> None:
    status, out, _ = run_orgkb(
        "cite", "no-branches.one-head-over-three-departments", "--base-url", "http://kb.local/x",
        "--format", "bibtex",
    )  # fmt: skip
    assert status == 0
    assert out.startswith("@misc{orgkb:no-branches.one-head-over-three-departments,\n")
    assert (
        "  url = {http://kb.local/x/reference/rules.html"
        "#rule-no-branches-one-head-over-three-departments},\n" in out
    )
    assert f"  version = {{{orgkb.__version__}}},\n" in out


def test_a_base_url_cannot_close_a_bibtex_field() -> None:
    hostile = "https://kb.example.com/}, note = {owned} }\\x @misc{y,"
    status, out, _ = run_orgkb(
        "cite", "one-region.sales-in-every-branch", "--base-url", hostile, "--format", "bibtex"
    )
    assert status == 0
    lines = out.splitlines()
    assert [line.split(" = ")[0].strip() for line in lines[1:-1]] == [
        "author", "title", "howpublished", "version", "year", "url", "note",
    ]  # fmt: skip
    assert lines[6] == (
        "  url = {https://kb.example.com/%7D,%20note%20=%20%7Bowned%7D%20%7D%5Cx%20@misc%7By,"
        "/reference/rules.html#rule-one-region-sales-in-every-branch},"
    )
    assert out.count("{") == out.count("}")


def test_cite_refuses_an_unknown_rule_on_one_line() -> None:
    status, out, err = run_orgkb("cite", "one-region.unify")
    assert (status, out) == (2, "")
    assert err == (
        "orgkb: no rule has the id or code 'one-region.unify'; `orgkb rules` lists them\n"
    )
    assert run_orgkb("cite", "R10") == (
        2,
        "",
        "orgkb: no rule has the id or code 'R10'; `orgkb rules` lists them\n",
    )


def test_bibtex_escapes_what_latex_would_read() -> None:
    entry = citation.Citation("50% of A&B_C {x} #1 ~ ^ $ \\", "https://e.org/", "k").as_bibtex()
    title = next(line for line in entry.splitlines() if line.startswith("  title"))
    assert title == (
        r"  title = {50\% of A\&B\_C \{x\} \#1 \textasciitilde{} \textasciicircum{} \$ "
        r"\textbackslash{}},"
    )


def test_the_configuration_names_the_work_as_citations_do() -> None:
    conf = runpy.run_path(str(CONF / "conf.py"))
    assert conf["author"] == citation.AUTHORS
    assert conf["html_title"] == citation.SITE_TITLE
    assert str(citation.PUBLICATION_YEAR) in conf["copyright"]
    assert conf["orgkb_base_url"] == conf["html_baseurl"] == citation.PUBLISHED_URL


def test_citation_file_and_licences() -> None:
    cff = yaml.safe_load((ROOT / "CITATION.cff").read_text(encoding="utf-8"))
    for key in ("cff-version", "message", "title", "authors", "version", "url", "license"):
        assert cff[key], key
    assert cff["title"] == citation.SITE_TITLE
    assert cff["authors"] == [{"name": citation.AUTHORS}]
    assert cff["version"] == orgkb.__version__
    assert cff["url"] == citation.PUBLISHED_URL
    assert cff["license"] == ["MIT", "CC-BY-4.0"]
    assert "MIT License" in (ROOT / "LICENSE").read_text(encoding="utf-8")
    content = (ROOT / "LICENSE-content").read_text(encoding="utf-8")
    assert "CC BY 4.0" in content
    assert citation.CONTENT_LICENCE_URL in content


# The built site: what a reader and a citing author find there.


def test_every_chinese_page_cites_its_chinese_address(built_zh_site: BuiltSite) -> None:
    for page in built_zh_site.content_pages():
        relative = page.relative_to(built_zh_site.html).as_posix()
        text = page.read_text(encoding="utf-8")
        block = re.sub(r"<[^>]+>", "", text[text.index('id="cite-this-page"') :])
        url = f"{citation.PUBLISHED_URL}zh_CN/{relative}"
        assert "引用本页" in block, relative
        assert block.count(f"url = {{{url}}}") == 1, relative


def _forwarded_to(page: Path) -> tuple[str, str, str]:
    """Where the small static page *page* sends a reader: its refresh, its visible link and its
    canonical address."""
    text = unescape(page.read_text(encoding="utf-8"))
    refresh = re.search(r'<meta http-equiv="refresh" content="0; url=([^"]+)">', text)
    link = re.search(r'<body>\n<p>.*<a href="([^"]+)">', text)
    canonical = re.search(r'<link rel="canonical" href="([^"]+)">', text)
    assert refresh and link and canonical, text
    return refresh.group(1), link.group(1), canonical.group(1)


@pytest.mark.parametrize("language", EDITIONS)
def test_each_rule_s_short_address_leads_to_its_entry_on_the_rules_page(
    built_editions: dict[str, BuiltSite], language: str
) -> None:
    site = built_editions[language].html
    base = citation.edition_url(citation.PUBLISHED_URL, citation.edition(language))
    assert _short_addresses(built_editions[language]) == {
        citation.short_address(known.code) for known in RULES
    }
    for known in RULES:
        short = site / citation.short_address(known.code)
        refresh, link, canonical = _forwarded_to(short)
        # Relative, so that it works from a folder as from a web server.
        assert refresh == link == f"../{citation.RULES_PAGE}.html#{rule_anchor(known.id)}"
        target, _, anchor = refresh.partition("#")
        assert anchor in anchors_in((short.parent / target).resolve())
        assert canonical == citation.rule_url(known.id, base)
        text = short.read_text(encoding="utf-8")
        assert f'<html lang="{"zh-CN" if language == "zh_CN" else "en"}">' in text
        title = (
            f"规则 {known.code}：{known.zh.title}"
            if language == "zh_CN"
            else (f"Rule {known.code}: {known.title}")
        )
        assert f"<title>{escape(title)}</title>" in text


def test_every_page_ends_with_its_citation(built_site: BuiltSite) -> None:
    for page in built_site.content_pages():
        relative = page.relative_to(built_site.html).as_posix()
        text = page.read_text(encoding="utf-8")
        block = text[text.index('id="cite-this-page"') :]
        url = citation.PUBLISHED_URL + relative
        assert "Cite this page</h2>" in block, relative
        assert f"version {orgkb.__version__}" in block
        assert f'href="{url}"' in block
        assert "@misc" in block
        assert re.sub(r"<[^>]+>", "", block).count(f"url = {{{url}}}") == 1, relative
        assert "orgkb-footer-licences" in text
        assert 'rel="license" href="https://creativecommons.org/licenses/by/4.0/"' in text


def test_the_rules_page_lists_every_rule_and_links_to_its_statement(built_site: BuiltSite) -> None:
    page = built_site.html / "reference" / "rules.html"
    text = page.read_text(encoding="utf-8")
    for known in RULES:
        anchor = rule_anchor(known.id)
        start = text.index(f'id="{anchor}"')
        entry = text[start : text.index("</div>", start)]
        assert known.statement.replace("'", "’") in entry or known.statement in entry
        link = re.search(r'Stated and explained in: </em><a [^>]*href="([^"]+)"', entry)
        assert link, f"{known.id} links to no statement"
        target, _, fragment = link.group(1).partition("#")
        assert fragment == anchor
        assert anchor in anchors_in((page.parent / target).resolve())


def test_each_rules_citation_resolves_to_its_entry(built_site: BuiltSite) -> None:
    for known in RULES:
        _, out, _ = run_orgkb("cite", known.id, "--base-url", "https://site.test/")
        url = out.split()[-1]
        path, _, anchor = url.removeprefix("https://site.test/").partition("#")
        assert anchor in anchors_in(built_site.html / path), url


def _short_addresses(site: BuiltSite) -> set[str]:
    folder = site.html / citation.SHORT_ADDRESS_FOLDER
    return {page.relative_to(site.html).as_posix() for page in folder.glob("*.html")}


def _published(site: BuiltSite) -> set[str]:
    addresses = _short_addresses(site)
    for page in site.content_pages():
        relative = page.relative_to(site.html).as_posix()
        addresses.add(relative)
        addresses.update(
            f"{relative}#{anchor}" for anchor in anchors_in(page) if anchor.startswith("rule-")
        )
    return addresses


def test_every_published_address_still_resolves(built_site: BuiltSite) -> None:
    conf = runpy.run_path(str(CONF / "conf.py"))
    redirects: dict[str, str] = conf["orgkb_redirects"]
    gone = []
    for address in read_url_list(PUBLISHED):
        page, _, anchor = address.partition("#")
        if address in redirects or page in redirects:
            continue
        if not (built_site.html / page).is_file() or (
            anchor and anchor not in anchors_in(built_site.html / page)
        ):
            gone.append(address)
    assert gone == [], "published addresses gone without a redirect in conf.py"


def test_every_page_and_rule_address_is_pinned(built_site: BuiltSite) -> None:
    unpinned = sorted(_published(built_site) - set(read_url_list(PUBLISHED)))
    assert unpinned == [], (
        "new published addresses: add these lines to conf/published-urls.txt\n"
        + "\n".join(unpinned)
    )


REDIRECT_CONF = """
orgkb_published_urls = "published.txt"
orgkb_redirects = {
    "old.html": "new.html",
    "new.html#rule-one-region-sales-in-every-branch": "rules.html#rule-one-region-sales-in-every-branch",
}
"""
REDIRECT_PAGES = {
    "index.md": "# Home\n\n```{toctree}\nnew\nrules\n```\n",
    "new.md": "# New\n\nThe page formerly known as old.\n",
    "rules.md": "# Rules\n\n```{rule} one-region.sales-in-every-branch\n```\n",
    "published.txt": "# pinned\nindex.html\nold.html\nnew.html#rule-one-region-sales-in-every-branch\n",
}


def test_redirects_keep_old_pages_and_anchors_working(tmp_path: Path) -> None:
    built = build(tmp_path, REDIRECT_PAGES, conf=REDIRECT_CONF)
    assert built.returncode == 0, built.log
    old = built.read("old.html")
    assert '<meta http-equiv="refresh" content="0; url=new.html">' in old
    assert '<link rel="canonical" href="https://orgkb.example.org/new.html">' in old
    moved = built.read("new.html")
    assert 'id="rule-one-region-sales-in-every-branch"' in moved
    assert 'href="rules.html#rule-one-region-sales-in-every-branch"' in moved


def test_a_published_address_gone_without_redirect_fails_the_build(tmp_path: Path) -> None:
    pages = dict(REDIRECT_PAGES)
    pages["published.txt"] += "vanished.html\nrules.html#rule-gone\n"
    built = build(tmp_path, pages, conf=REDIRECT_CONF)
    assert built.returncode != 0
    assert "vanished.html was published and is gone" in built.log
    assert "rules.html#rule-gone was published and is gone" in built.log


@pytest.mark.parametrize(
    ("redirects", "message"),
    [
        ('{"new.html": "index.html"}', "new.html is still a page; remove its redirect"),
        ('{"old.html": "nowhere.html"}', "old.html points to nowhere.html, which does not exist"),
    ],
)
def test_a_wrong_redirect_fails_the_build(tmp_path: Path, redirects: str, message: str) -> None:
    built = build(tmp_path, REDIRECT_PAGES, conf=f"orgkb_redirects = {redirects}\n")
    assert built.returncode != 0
    assert message in built.log


def test_cite_prints_gbt7714_on_the_day_cited() -> None:
    status, out, err = run_orgkb(
        "cite", "multi-region.group-support-unit", "--format", "gbt7714",
        "--cited-on", "2026-12-01",
    )  # fmt: skip
    assert (status, err) == (0, "")
    assert out == (
        "The orgkb authors. Rule R8 (multi-region.group-support-unit): A group support unit for "
        "new and weak branches[EB/OL]. [2026-12-01]. https://orgkb.example.org/reference/rules.html"
        "#rule-multi-region-group-support-unit.\n"
    )


def test_gbt7714_is_cited_today_unless_told() -> None:
    before = datetime.date.today()
    _, out, _ = run_orgkb("cite", "multi-region.group-support-unit", "--format", "gbt7714")
    after = datetime.date.today()
    assert any(f"[EB/OL]. [{day.isoformat()}]. https://" in out for day in (before, after)), out


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (("--format", "gbt7714", "--cited-on", "1.12.2026"),
         "--cited-on: expected a date such as 2025-06-30, got text ('1.12.2026')"),
        (("--format", "gbt7714", "--cited-on", "2026-02-30"),
         "--cited-on: expected a date such as 2025-06-30, got text ('2026-02-30')"),
        (("--format", "gbt7714", "--cited-on", ""),
         "--cited-on: expected a date such as 2025-06-30, got text ('')"),
        (("--cited-on", ""), "--cited-on: only --format gbt7714 gives the day cited"),
        (("--cited-on", "2026-12-01"), "--cited-on: only --format gbt7714 gives the day cited"),
    ],
)  # fmt: skip
def test_cite_refuses_a_day_cited_it_cannot_give(arguments: tuple[str, ...], message: str) -> None:
    status, out, err = run_orgkb("cite", "multi-region.group-support-unit", *arguments)
    assert (status, out, err) == (2, "", f"orgkb: {message}\n")


# Both editions of a small project: the Chinese one is cited in Chinese, at its own addresses.

EDITION_PAGES = {
    "index.md": "# Home\n\n```{toctree}\nrules\nstated\n```\n",
    "rules.md": "# Rules\n\n```{rule-list}\n```\n",
    "stated.md": "# Stated\n\n"
    + "".join(f"```{{rule}} {known.id}\n```\n\n" for known in RULES)
    + "```{pooling}\n:branches: 3\n```\n",
}
# The day the build says it was built, and therefore the day its citations are cited.
BUILT_ON = "2026-12-01"


@pytest.fixture(scope="module")
def editions(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The English and the Chinese edition of the project, by language: their HTML folders."""
    built = {}
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SOURCE_DATE_EPOCH", str(int(datetime.datetime.fromisoformat(
            BUILT_ON + "T12:00:00+00:00").timestamp())))  # fmt: skip
        for language in ("en", "zh_CN"):
            project = build(
                tmp_path_factory.mktemp(language),
                EDITION_PAGES,
                conf=f'language = "{language}"\n',
            )
            assert project.returncode == 0, project.log
            built[language] = project.out
    return built


def _cite_block(page: Path) -> str:
    text = page.read_text(encoding="utf-8")
    block = text.partition(f'id="{CITE_ID}">')[2]
    return " ".join(re.sub(r"<[^>]+>", "", block).split())


def test_the_chinese_edition_cites_its_pages_in_chinese(editions: dict[str, Path]) -> None:
    url = f"{citation.PUBLISHED_URL}zh_CN/stated.html"
    block = _cite_block(editions["zh_CN"] / "stated.html")
    assert block.startswith(
        f"引用本页 orgkb 作者（2026）。“Stated”。载于《orgkb：网络营销体系的组织架构》，版本 9.9。{url} "
        f"GB/T 7714-2015：orgkb 作者. Stated[EB/OL]. [{BUILT_ON}]. {url}. "
        "BibTeX： @misc{orgkb:zh_CN/stated, author = {{orgkb 作者}}, title = {Stated}, "
        "howpublished = {orgkb：网络营销体系的组织架构}, version = {9.9}, year = {2026}, "
        f"url = {{{url}}}, note = {{版本 9.9}} }}"
    ), block


def test_the_english_edition_gives_gbt7714_with_the_english_title(
    editions: dict[str, Path],
) -> None:
    url = f"{citation.PUBLISHED_URL}stated.html"
    block = _cite_block(editions["en"] / "stated.html")
    assert block.startswith(
        "Cite this page The orgkb authors (2026). “Stated”. In orgkb: organising online "
        f"marketing, version 9.9. {url} "
        f"GB/T 7714-2015: The orgkb authors. Stated[EB/OL]. [{BUILT_ON}]. {url}. "
        "BibTeX: @misc{orgkb:stated,"
    ), block


def test_both_editions_have_the_same_anchors(editions: dict[str, Path]) -> None:
    for name in EDITION_PAGES:
        page = name.replace(".md", ".html")
        english, chinese = (anchors_in(editions[language] / page) for language in editions)
        assert english == chinese, page
        assert CITE_ID in chinese
    rules = anchors_in(editions["zh_CN"] / "rules.html")
    assert {rule_anchor(known.id) for known in RULES} <= rules


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_a_project_with_a_rule_list_gives_each_rule_a_short_address(
    editions: dict[str, Path], language: str
) -> None:
    for known in RULES:
        short = editions[language] / citation.short_address(known.code)
        refresh, link, _ = _forwarded_to(short)
        assert refresh == link == f"../rules.html#{rule_anchor(known.id)}"
        assert refresh.partition("#")[2] in anchors_in(editions[language] / "rules.html")
    said = (editions[language] / "r" / "R3.html").read_text(encoding="utf-8")
    assert ("规则 R3（one-region.unify-promotion-and-service）见规则页：" in said) == (
        language == "zh_CN"
    )


def test_a_project_without_a_rule_list_has_no_short_addresses(tmp_path: Path) -> None:
    built = build(tmp_path, REDIRECT_PAGES, conf=REDIRECT_CONF)
    assert built.returncode == 0, built.log
    assert not (built.out / citation.SHORT_ADDRESS_FOLDER).exists()


def test_a_page_at_a_short_address_is_kept_and_warned_of(tmp_path: Path) -> None:
    pages = {**EDITION_PAGES, "r/R3.md": "# Mine\n"}
    pages["index.md"] += "\n```{toctree}\nr/R3\n```\n"
    built = build(tmp_path, pages)
    assert built.returncode != 0
    assert "r/R3.html is a page; a rule's short address cannot be written there" in built.log
    assert "<h1>Mine" in built.read("r/R3.html")


def test_a_rules_chinese_citation_is_in_chinese_at_the_chinese_edition() -> None:
    cited = citation.rule_citation(RULES[2], "https://site.test/", "zh_CN")
    assert cited.as_gbt7714(datetime.date(2026, 12, 1)) == (
        "orgkb 作者. 规则 R3（one-region.unify-promotion-and-service）：统一设立推广部和客服部[EB/OL]. "
        "[2026-12-01]. https://site.test/zh_CN/reference/rules.html"
        "#rule-one-region-unify-promotion-and-service."
    )
