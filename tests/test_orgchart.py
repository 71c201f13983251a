"""The ``orgchart`` directive: charts drawn at build time, as HTML or as readable lists."""

from __future__ import annotations

import hashlib
import re
import zipfile
from pathlib import Path

import pytest

from tests.conftest import BuiltSite
from tests.sphinxproject import DIRECTIVES, build

DUO = "company: Duo\nbranches:\n  - {name: A, city: Wuhan}\n  - {name: B, city: Wuhan}\n"
TRIO = (
    "company: 三城集团\nbranches:\n"
    "  - {name: 天河店, city: 广州, region: 华南}\n"
    "  - {name: Wuchang, city: Wuhan, region: Central}\n"
)
PAGES = {
    "index.md": (
        "# Charts\n\n```{toctree}\nplain\nscenarios/trio\n```\n\n"
        "```{orgchart} examples/duo.yaml\n:compare: separate\n:caption: Separate or *unified*\n```\n"
    ),
    "plain.md": "# Plain\n\nNo chart here.\n",
    "examples/duo.yaml": DUO,
    "scenarios/trio.md": (
        "# Trio\n\n```{orgchart}\n:governance: decentralized\n:compare: as-is\n\n" + TRIO + "```\n"
    ),
}
# The chart's style sheet, named after a hash of its content.
STYLE_SHEET = re.compile(r"orgkb-chart\.([0-9a-f]{8})\.css")


@pytest.fixture(scope="module")
def html_build(tmp_path_factory: pytest.TempPathFactory) -> Path:
    # The directives alone, as another project would use them.
    built = build(tmp_path_factory.mktemp("orgchart"), PAGES, extensions=DIRECTIVES)
    assert built.returncode == 0, built.log
    return built.out


def _style_sheets(out: Path) -> list[Path]:
    return sorted(path for path in (out / "_static").iterdir() if STYLE_SHEET.fullmatch(path.name))


def test_html_pages_get_the_chart_markup_and_its_style_sheet(html_build: Path) -> None:
    page = (html_build / "index.html").read_text(encoding="utf-8")
    assert page.count('<figure class="orgkb-chart') == 2
    assert '<div class="orgkb-charts">' in page
    assert "<figcaption>Duo: separate teams in every branch" in page
    assert '<p class="orgkb-orgchart-caption">Separate or <em>unified</em></p>' in page
    assert "orgkb-chart-list" not in page  # the plain lists gave way to the markup
    (sheet,) = _style_sheets(html_build)
    assert re.search(rf'<link[^>]+href="_static/{re.escape(sheet.name)}', page)
    css = sheet.read_text(encoding="utf-8")
    assert ".orgkb-tree" in css


def test_the_style_sheet_is_named_after_its_content(html_build: Path, tmp_path: Path) -> None:
    (sheet,) = _style_sheets(html_build)
    match = STYLE_SHEET.fullmatch(sheet.name)
    assert match is not None
    assert match.group(1) == hashlib.sha256(sheet.read_bytes()).hexdigest()[:8]
    # A sheet an earlier build left under another hash is not published with the new one.
    stale = tmp_path / "html" / "_static" / "orgkb-chart.00000000.css"
    stale.parent.mkdir(parents=True)
    stale.write_text(".orgkb-tree{}", encoding="utf-8")
    built = build(tmp_path, PAGES, extensions=DIRECTIVES)
    assert built.returncode == 0, built.log
    assert [path.name for path in _style_sheets(built.out)] == [sheet.name]


def test_a_page_without_a_chart_does_not_load_its_style_sheet(html_build: Path) -> None:
    page = (html_build / "plain.html").read_text(encoding="utf-8")
    assert not STYLE_SHEET.search(page)


def test_an_inline_profile_is_drawn_with_its_options(html_build: Path) -> None:
    page = (html_build / "scenarios" / "trio.html").read_text(encoding="utf-8")
    captions = re.findall(r"<figcaption>([^<]*)</figcaption>", page)
    assert captions == [
        "三城集团: as is (several regions; functions not shown)",
        "三城集团: recommended (several regions, decentralized)",
    ]
    assert "coordination 统筹" in page
    assert re.search(r'<link[^>]+href="\.\./_static/orgkb-chart\.[0-9a-f]{8}\.css', page)


def test_text_builder_gets_a_readable_nested_list(tmp_path: Path) -> None:
    built = build(tmp_path, PAGES, "text", extensions=DIRECTIVES)
    assert built.returncode == 0, built.log
    text = built.read("index.txt")
    assert "Separate or *unified*" in text
    assert "**Duo: recommended (one region, several branches)**" in text
    assert "* **Duo** — group 集团: promotion 推广, customer service 客服" in text
    assert "  * **A** — branch 分公司: sales 销售" in text
    assert "<" not in text
    trio = " ".join(built.read("scenarios/trio.txt").split())
    assert "* **华南** — region 片区 * **广州** — city 城市 * **天河店** — branch 分公司" in trio
    assert "* **华南** — region 片区: promotion 推广, customer service 客服, sales 销售" in trio


def test_latex_builder_gets_itemize_lists(tmp_path: Path) -> None:
    built = build(tmp_path, PAGES, "latex", extensions=DIRECTIVES)
    assert built.returncode == 0, built.log
    tex = next(built.out.glob("*.tex")).read_text(encoding="utf-8")
    assert r"\begin{itemize}" in tex
    assert r"\sphinxstylestrong{Duo}" in tex
    assert "orgkb-tree" not in tex


def test_epub_gets_the_plain_lists_not_the_web_markup(tmp_path: Path) -> None:
    built = build(tmp_path, PAGES, "epub", strict=False, extensions=DIRECTIVES)
    assert built.returncode == 0, built.log
    book = next(built.out.glob("*.epub"))
    with zipfile.ZipFile(book) as archive:
        page = archive.read("index.xhtml").decode("utf-8")
        assert not any(STYLE_SHEET.search(name) for name in archive.namelist())
    assert "orgkb-tree" not in page
    assert "<strong>A</strong> — branch 分公司: sales 销售" in page


@pytest.mark.parametrize(
    ("directive", "message"),
    [
        (
            "```{orgchart} duo.yaml\n\n" + DUO + "```\n",
            "orgchart: give a profile file or a YAML body, not both",
        ),
        ("```{orgchart}\n```\n", "orgchart: give a profile file or a YAML body"),
        ("```{orgchart} missing.yaml\n```\n", "missing.yaml: no such file"),
        (
            "```{orgchart}\ncompany: X\nbranches:\n  - {name: A}\n```\n",
            "index.md:8: WARNING: orgchart: branches[0].city: missing",
        ),
        (
            "```{orgchart}\n:governance: centralized\n:view: as-is\n\ncompany: X\nbrnaches: []\n```\n",
            "index.md:10: WARNING: orgchart: brnaches: unknown field 'brnaches' "
            "(did you mean 'branches'?)",
        ),
        (
            "```{orgchart}\n:compare: separate\n\ncompany: 独店\nbranches: [{name: A, city: W}]\n```\n",
            "orgchart: 'separate' is not an option for a company that is no-branches; "
            "expected one of one-head",
        ),
        (
            "```{orgchart} duo.yaml\n:compare: sideways\n```\n",
            "Invalid option value for 'compare': sideways",
        ),
    ],
    ids=[
        "file-and-body",
        "neither",
        "missing-file",
        "bad-body",
        "bad-body-after-options",
        "separate",
        "bad-option",
    ],
)
def test_a_bad_chart_fails_the_build_with_one_clear_message(
    tmp_path: Path, directive: str, message: str
) -> None:
    pages = {"index.md": "# Page\n\nText.\n\n" + directive, "duo.yaml": DUO}
    built = build(tmp_path, pages, extensions=DIRECTIVES)
    assert built.returncode != 0
    assert message in built.log, built.log
    assert "Traceback" not in built.log
    # The option parser's own error aside, each is the typed warning, at the directive's line
    # or, for a profile in the body, at the line of the profile.
    if not message.startswith("Invalid option value"):
        (line,) = [line for line in built.log.splitlines() if "WARNING: orgchart:" in line]
        assert line.endswith(" [orgkb.orgchart]"), line
        assert re.search(r"index\.md:\d+: WARNING", line), line


def _captions(site: BuiltSite, page: str) -> list[str]:
    text = (site.html / page).read_text(encoding="utf-8")
    return re.findall(r"<figcaption>([^<]*)</figcaption>", text)


def test_each_scenario_page_shows_its_charts(built_site: BuiltSite) -> None:
    assert _captions(built_site, "explanation/no-branches.html") == [
        "Lotus Dental: recommended (no branches)"
    ]
    assert _captions(built_site, "explanation/one-region.html") == [
        "Bright Path Education: separate teams in every branch (one region, several branches)",
        "Bright Path Education: recommended (one region, several branches)",
    ]
    multi = _captions(built_site, "explanation/multi-region.html")
    assert "Anju Home: recommended (several regions, decentralized)" in multi
    assert "Anju Home: recommended (several regions, centralized)" in multi
    summary = _captions(built_site, "explanation/summary.html")
    assert "Jiayuan Home: recommended (several regions, centralized)" in summary


def test_side_by_side_charts_on_the_site_sit_in_one_grid(built_site: BuiltSite) -> None:
    text = (built_site.html / "explanation" / "one-region.html").read_text(encoding="utf-8")
    grid = text[text.index('<div class="orgkb-charts">') :]
    assert grid.index("separate teams in every branch") < grid.index("recommended (one region")
