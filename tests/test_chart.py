"""Org charts: the views, and the formats that draw them, on companies of every shape."""

from __future__ import annotations

import html
import re
import shutil
import subprocess
import unicodedata
from dataclasses import replace
from html.parser import HTMLParser
from pathlib import Path
from xml.etree import ElementTree

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from orgkb.chart import (
    CHART_CSS,
    TREE_WIDTHS,
    Chart,
    View,
    chart,
    chart_as_dot,
    chart_as_html,
    chart_as_html_page,
    chart_as_mermaid,
    chart_as_svg,
    chart_as_text,
    option_chart,
    tree_width,
)
from orgkb.errors import InputError
from orgkb.model import Branch, Company, Function, Level, Option
from orgkb.plan import Governance, Plan, Unit, plan_for, recommend, structure
from orgkb.render import UNPRINTABLE, plan_as_text
from tests.helpers import Walked, run_orgkb

SOLO = Company("Solo", (Branch("Only", "Wuhan"),))
DUO = Company("Duo", (Branch("A", "Wuhan"), Branch("B", "Wuhan")))
GROUP = Company(
    "华南家居",
    (
        Branch("天河店", "广州", "华南"),
        Branch("越秀店", "广州", "华南"),
        Branch("福田店", "深圳", "华南"),
        Branch("Wuchang", "Wuhan", "Central"),
        Branch("Xi'an", "Xi'an"),
    ),
    headquarters="广州",
)
HOSTILE = Company(
    'A "quoted" <b>&amp;</b> #1; `tick` \\N back\\slash',
    (
        Branch('x"y', "c"),
        Branch("<script>alert(1)</script>", "c"),
        Branch("#35; & ;", "c"),
    ),
)
# Region "A/B" with city "C" and region "A" with city "B/C": one id once, "city:A/B/C".
SLASHES = Company(
    "Slashes",
    (
        Branch("1", "C", "A/B"),
        Branch("2", "C", "A/B"),
        Branch("3", "D", "A/B"),
        Branch("4", "B/C", "A"),
        Branch("5", "B/C", "A"),
        Branch("6", "D", "A"),
    ),
)
CONTROLS = Company(
    "Esc\x1b[2J%%{init: {'theme': 'dark'}}%% Co",
    (
        Branch("Bell\x07 tab\t line\nfeed\r", "Wuhan"),
        Branch("Nul\x00 del\x7f c1\x9b sep\u2028 lone\ud800", "Wuhan"),
        Branch("%%{init: {'securityLevel': 'loose'}}%%", "Wuhan"),
        Branch("Right\u202eto left\u2067 mark\u200f nonchar\ufffe", "Wuhan"),
    ),
)
COMPANIES = (SOLO, DUO, GROUP, HOSTILE, SLASHES, CONTROLS)


# The embeddings, overrides and isolates that turn the direction of text, by their class.
BIDI_CONTROLS = ("LRE", "RLE", "PDF", "LRO", "RLO", "LRI", "RLI", "FSI", "PDI")


def shown(name: str) -> str:
    """*name* as the HTML and diagrams show it: breaks and tabs as spaces, controls as codes."""
    characters = []
    for character in name:
        code = ord(character)
        if character in "\t\n\v\f\r\x1c\x1d\x1e\x1f\x85\u2028\u2029":
            characters.append(" ")
        elif (
            unicodedata.category(character) in ("Cc", "Cs")
            or character in "\ufffe\uffff\u200e\u200f"  # and the marks LRM and RLM
            or unicodedata.bidirectional(character) in BIDI_CONTROLS
        ):
            characters.append(f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}")
        else:
            characters.append(character)
    return "".join(characters)


def all_charts() -> list[Chart]:
    charts = []
    for company in COMPANIES:
        charts.append(chart(company, View.AS_IS))
        charts.append(chart(company))
        charts.append(chart(company, governance=Governance.DECENTRALIZED))
        if len(company.regions) == 1 and len(company.branches) > 1:
            charts.append(chart(company, View.SEPARATE))
    return charts


def test_as_is_draws_regions_cities_and_branches_without_functions() -> None:
    plan = chart(GROUP, View.AS_IS).plan
    assert plan == structure(GROUP)
    assert [(unit.id, unit.parent) for unit in plan.units] == [
        ("group", None),
        ("region:华南", "group"),
        ("city:华南/广州", "region:华南"),
        ("branch:天河店", "city:华南/广州"),
        ("branch:越秀店", "city:华南/广州"),
        ("city:华南/深圳", "region:华南"),
        ("branch:福田店", "city:华南/深圳"),
        ("region:Central", "group"),
        ("city:Central/Wuhan", "region:Central"),
        ("branch:Wuchang", "city:Central/Wuhan"),
        ("city:Xi'an/Xi'an", "group"),
        ("branch:Xi'an", "city:Xi'an/Xi'an"),
    ]
    assert all(unit.functions == () for unit in plan.units)
    assert plan.rules == ()


def test_as_is_of_a_company_without_branches_is_its_head_alone() -> None:
    plan = chart(Company("Nobody"), View.AS_IS).plan
    assert [unit.level for unit in plan.units] == [Level.GROUP]


def test_every_view_draws_every_unit_once_under_its_parent() -> None:
    for drawn in all_charts():
        ids = [unit.id for unit in drawn.plan.units]
        assert len(ids) == len(set(ids))
        assert all(unit.parent is None or unit.parent in ids for unit in drawn.plan.units)
        assert len(drawn.plan.children(None)) == 1


def test_the_separate_view_gives_every_branch_its_own_teams() -> None:
    drawn = chart(DUO, View.SEPARATE)
    branches = [unit for unit in drawn.plan.units if unit.level is Level.BRANCH]
    assert [len(unit.functions) for unit in branches] == [3, 3]
    assert drawn.plan.unit("group").functions == ()


def test_the_separate_view_of_several_regions_keeps_the_regions() -> None:
    drawn = chart(GROUP, View.SEPARATE)
    for unit in drawn.plan.units:
        if unit.level is Level.BRANCH:
            assert unit.functions == (Function.PROMOTION, Function.CUSTOMER_SERVICE, Function.SALES)
            assert unit.parent is not None and drawn.plan.unit(unit.parent).level is Level.REGION
        else:
            assert unit.functions == ()


def test_the_separate_view_is_refused_without_branches() -> None:
    with pytest.raises(InputError) as raised:
        chart(SOLO, View.SEPARATE)
    assert str(raised.value) == (
        "'separate' is not an option for a company that is no-branches; expected one of one-head"
    )


def test_an_option_chart_draws_the_plan_of_the_option() -> None:
    for option, view in (
        (Option.SEPARATE, View.SEPARATE),
        (Option.DECENTRALIZED, View.RECOMMENDED),
        (Option.CENTRALIZED, View.RECOMMENDED),
    ):
        drawn = option_chart(GROUP, option)
        assert (drawn.plan, drawn.view) == (plan_for(GROUP, option), view)
    assert option_chart(GROUP, Option.SEPARATE) == chart(GROUP, View.SEPARATE)
    assert option_chart(GROUP, Option.DECENTRALIZED) == chart(
        GROUP, governance=Governance.DECENTRALIZED
    )
    with pytest.raises(InputError, match=r"'centralized' is not an option .* one-region"):
        option_chart(DUO, Option.CENTRALIZED)


def test_text_of_a_recommendation_is_the_plan_as_text() -> None:
    for company in COMPANIES:
        assert chart_as_text(chart(company)) == plan_as_text(recommend(company))


def test_text_of_other_views_is_titled_and_lists_every_unit() -> None:
    text = chart_as_text(chart(GROUP, View.AS_IS))
    lines = text.splitlines()
    assert lines[0] == "华南家居: as is (several regions; functions not shown)"
    assert lines[1] == "华南家居 [group]"
    assert "│   ├── 广州 [city]" in lines
    assert len(lines) == 1 + len(structure(GROUP).units)
    separate = chart_as_text(chart(DUO, View.SEPARATE)).splitlines()
    assert separate[0] == "Duo: separate teams in every branch (one region, several branches)"
    assert "└── B [branch] promotion 推广, customer service 客服, sales 销售" in separate


class _Tree(HTMLParser):
    """Reads the units back from chart markup: (name, level label, function labels, parent)."""

    def __init__(self) -> None:
        super().__init__()
        self.units: list[dict[str, object]] = []
        self.stack: list[int | None] = [None]
        self.open: list[str] = []
        self.field = ""
        self.external: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        classes = (dict(attrs).get("class") or "").split()
        for name, value in attrs:
            if name in ("src", "href") and value:
                self.external.append(value)
        self.open.append(tag)
        if tag == "li" and "orgkb-unit" in classes:
            self.units.append({"name": "", "level": "", "functions": [], "parent": self.stack[-1]})
            self.stack.append(len(self.units) - 1)
        elif tag == "li":
            raise AssertionError("a list item that is not a unit")
        for field in ("orgkb-name", "orgkb-level", "orgkb-function"):
            if field in classes:
                self.field = field

    def handle_endtag(self, tag: str) -> None:
        self.open.pop()
        if tag == "li":
            self.stack.pop()
        if tag == "span":
            self.field = ""

    def handle_data(self, data: str) -> None:
        if not self.field:
            return
        unit = self.units[self.stack[-1] or 0]
        if self.field == "orgkb-function":
            functions = unit["functions"]
            assert isinstance(functions, list)
            functions.append(data)
        else:
            unit[self.field.removeprefix("orgkb-")] = (
                str(unit[self.field.removeprefix("orgkb-")]) + data
            )


def _expected(drawn: Chart) -> list[dict[str, object]]:
    index = {unit.id: position for position, unit in enumerate(_tree_order(drawn.plan, None))}
    expected = []
    for unit in _tree_order(drawn.plan, None):
        functions: list[str] = []
        if drawn.functions_known:
            functions = [function.label for function in unit.functions] or ["manages only"]
        expected.append(
            {
                "name": shown(unit.name),
                "level": unit.level.label,
                "functions": functions,
                "parent": None if unit.parent is None else index[unit.parent],
            }
        )
    return expected


def _tree_order(plan: Plan, parent: str | None) -> list[Unit]:
    found: list[Unit] = []
    for unit in plan.children(parent):
        found.append(unit)
        found.extend(_tree_order(plan, unit.id))
    return found


def test_html_is_a_nested_list_of_every_unit_with_its_level_and_functions_as_text() -> None:
    for drawn in all_charts():
        reader = _Tree()
        reader.feed(chart_as_html(drawn))
        reader.close()
        assert reader.open == []
        assert reader.units == _expected(drawn), drawn.title


def test_html_escapes_names() -> None:
    markup = chart_as_html(chart(HOSTILE))
    assert "<script>" not in markup
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in markup
    assert "<b>" not in markup


def test_html_labels_every_colour() -> None:
    # Colour comes from a class; the same element always carries the label as text.
    markup = chart_as_html(chart(GROUP, governance=Governance.DECENTRALIZED))
    for match in re.finditer(r'<span class="orgkb-(level|function)[^"]*">([^<]*)</span>', markup):
        assert match.group(2).strip(), match.group()


def test_side_by_side_charts_share_one_grid_and_keep_their_captions() -> None:
    markup = chart_as_html([chart(DUO, View.SEPARATE), chart(DUO)])
    assert markup.startswith('<div class="orgkb-charts">')
    captions = re.findall(r"<figcaption>([^<]*)</figcaption>", markup)
    assert captions == [
        "Duo: separate teams in every branch (one region, several branches)",
        "Duo: recommended (one region, several branches)",
    ]


def test_a_chart_is_drawn_as_a_tree_only_where_its_branches_fit() -> None:
    assert tree_width(chart(DUO)) == TREE_WIDTHS[0]
    wide = Company("Wide", tuple(Branch(f"B{n}", "Wuhan") for n in range(40)))
    assert tree_width(chart(wide)) is None
    assert "orgkb-fits-" not in chart_as_html(chart(wide))
    widths = [tree_width(chart(c)) or 1000 for c in (SOLO, DUO, GROUP, wide)]
    assert widths == sorted(widths)
    for width in TREE_WIDTHS:
        assert f"@container (min-width:{width}rem)" in CHART_CSS
        assert f".orgkb-fits-{width} .orgkb-tree" in CHART_CSS


def test_the_style_sheet_loads_nothing_and_prints_as_a_list() -> None:
    assert "url(" not in CHART_CSS
    assert "@import" not in CHART_CSS
    # The tree layout lives only inside screen media; paper always gets the indented list.
    for block in re.finditer(r"@container[^{]*\{", CHART_CSS):
        assert CHART_CSS.rfind("@media screen", 0, block.start()) > CHART_CSS.rfind(
            "@media print", 0, block.start()
        )
    assert "@media print" in CHART_CSS


def test_the_html_page_stands_alone() -> None:
    page = chart_as_html_page(chart(GROUP))
    reader = _Tree()
    reader.feed(page)
    assert reader.external == []
    assert "<style>" in page
    assert "<h1>Org chart: 华南家居</h1>" in page
    assert page.count("<figure") == 1


MERMAID_NODE = re.compile(r'^  (u\d+)\["(.*)"\]$')


def _mermaid_labels(text: str) -> dict[str, str]:
    labels = {}
    for line in text.splitlines():
        match = MERMAID_NODE.match(line)
        if match:
            labels[match.group(1)] = match.group(2)
    return labels


def _mermaid_unescape(label: str) -> str:
    return re.sub(r"#(\d+);", lambda match: chr(int(match.group(1))), label)


def test_mermaid_draws_every_unit_and_edge_with_safe_labels() -> None:
    for drawn in all_charts():
        text = chart_as_mermaid(drawn)
        labels = _mermaid_labels(text)
        assert len(labels) == len(drawn.plan.units)
        edges = re.findall(r"^  (u\d+) --> (u\d+)$", text, re.MULTILINE)
        assert len(edges) == len(drawn.plan.units) - 1
        for label in labels.values():
            # Nothing in a label may end it early or start a code the author did not mean.
            assert '"' not in label
            assert "`" not in label
            assert re.sub(r"#\d+;", "", label).count("#") == 0
            assert not set("<>&") & set(re.sub(r"<br/>", "", label))
        names = [_mermaid_unescape(label.split("<br/>")[0]) for label in labels.values()]
        assert names == [" ".join(shown(unit.name).split()) for unit in drawn.plan.units]


def test_no_name_spells_a_mermaid_directive() -> None:
    # Mermaid reads "%%{init: …}%%" anywhere in the text as configuration, and "%%" at the
    # start of a line as a comment; no name may write either.
    for drawn in all_charts():
        text = chart_as_mermaid(drawn)
        if drawn.plan.company == CONTROLS.name:
            assert "%" not in text
            assert "#37;#37;{init" in text
        assert "%%" not in text


def test_no_control_character_reaches_the_html_or_a_diagram() -> None:
    # What the text output escapes, bidirectional marks and noncharacters included.
    raw = UNPRINTABLE
    for drawn in (chart(CONTROLS), chart(CONTROLS, View.AS_IS), chart(CONTROLS, View.SEPARATE)):
        for draw in (
            chart_as_html, chart_as_html_page, chart_as_mermaid, chart_as_dot, chart_as_svg
        ):  # fmt: skip
            text = draw(drawn)
            assert not raw.search(text), (draw.__name__, raw.findall(text))
            text.encode("utf-8")
        assert "Esc\\x1b[2J" in chart_as_html(drawn)
        dot = chart_as_dot(drawn)
        assert len(re.findall(r"^  u\d+ \[label=", dot, re.MULTILINE)) == len(drawn.plan.units)
        assert 'label="Bell\\\\x07 tab  line feed \\nbranch' in dot


def test_names_with_slashes_get_one_id_each_in_every_output() -> None:
    ids = [unit.id for unit in structure(SLASHES).units]
    assert "city:A%2FB/C" in ids and "city:A/B%2FC" in ids
    recommended = recommend(SLASHES)
    cities = [unit.id for unit in recommended.units if unit.level is Level.CITY]
    assert cities == ["city:A%2FB/C", "city:A/B%2FC"]
    for drawn in (chart(SLASHES), chart(SLASHES, View.AS_IS)):
        document = drawn.plan.to_json()["units"]
        assert isinstance(document, list)
        assert len({unit["id"] for unit in document}) == len(drawn.plan.units)
        assert len(_mermaid_labels(chart_as_mermaid(drawn))) == len(drawn.plan.units)
        reader = _Tree()
        reader.feed(chart_as_html(drawn))
        assert len(reader.units) == len(drawn.plan.units)


def test_drawing_visits_the_units_a_fixed_number_of_times() -> None:
    # Every format finds a unit's children in the plan's index, never by scanning the units,
    # so a chart ten times larger visits its units no more often.
    def visits(regions: int, per_region: int) -> int:
        company = Company(
            "Chain",
            tuple(
                Branch(f"B{region}-{number}", f"City {number % 3}", f"Region {region}")
                for region in range(regions)
                for number in range(per_region)
            ),
        )
        plan = recommend(company)
        units = Walked(plan.units)
        drawn = Chart(
            Plan(plan.company, plan.scenario, plan.governance, units, ()), View.RECOMMENDED
        )
        for draw in (chart_as_text, chart_as_html, chart_as_mermaid, chart_as_dot):
            draw(drawn)
        return units.walks

    assert visits(2, 6) == visits(20, 60)


def test_mermaid_keeps_chinese_as_is_and_names_the_chart_for_screen_readers() -> None:
    text = chart_as_mermaid(chart(GROUP))
    assert 'u1["华南<br/>region 片区<br/>sales 销售"]' in text
    assert "  accTitle: 华南家居: recommended (several regions, centralized)" in text
    assert text.splitlines()[3] == "flowchart TD"


needs_dot = pytest.mark.skipif(shutil.which("dot") is None, reason="Graphviz is not installed")


def _dot_texts(source: str) -> list[str]:
    svg = subprocess.run(
        ["dot", "-Tsvg"], input=source, capture_output=True, text=True, check=True
    ).stdout
    return [html.unescape(text) for text in re.findall(r"<text[^>]*>([^<]*)</text>", svg)]


@needs_dot
def test_graphviz_reads_every_chart_and_shows_every_name() -> None:
    for drawn in all_charts():
        # Graphviz writes runs of spaces in SVG as no-break spaces; compare the words.
        texts = [" ".join(text.split()) for text in _dot_texts(chart_as_dot(drawn))]
        for unit in drawn.plan.units:
            assert " ".join(shown(unit.name).split()) in texts, (unit.name, texts)
        assert " ".join(shown(drawn.title).split()) in texts


@needs_dot
@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.text(
        alphabet=st.characters(
            categories=("L", "N", "P", "S", "Zs"), exclude_characters="\r\n\x85\u2028\u2029"
        ),
        min_size=1,
        max_size=20,
    ).filter(lambda name: name.strip() == name and name)
)
def test_graphviz_shows_any_name_as_written(name: str) -> None:
    drawn = chart(Company(name, (Branch(name + "1", "Wuhan"), Branch("B", "Wuhan"))))
    texts = _dot_texts(chart_as_dot(drawn))
    assert name in texts
    assert name + "1" in texts


def test_dot_escapes_quotes_and_backslashes() -> None:
    text = chart_as_dot(chart(HOSTILE))
    assert (
        'label="A \\"quoted\\" <b>&amp;amp;</b> #1; `tick` \\\\N back\\\\slash\\ngroup 集团' in text
    )


@pytest.fixture
def group_profile(tmp_path: Path) -> Path:
    path = tmp_path / "group.yaml"
    path.write_text(
        "company: 华南家居\nbranches:\n"
        "  - {name: 天河店, city: 广州, region: 华南}\n"
        "  - {name: 越秀店, city: 广州, region: 华南}\n"
        "  - {name: Wuchang, city: Wuhan, region: Central}\n",
        encoding="utf-8",
    )
    return path


def test_chart_command_prints_each_format(group_profile: Path) -> None:
    company = Company(
        "华南家居",
        (
            Branch("天河店", "广州", "华南"),
            Branch("越秀店", "广州", "华南"),
            Branch("Wuchang", "Wuhan", "Central"),
        ),
    )
    for form, draw in (
        ("text", chart_as_text),
        ("html", chart_as_html_page),
        ("mermaid", chart_as_mermaid),
        ("dot", chart_as_dot),
        ("svg", chart_as_svg),
    ):
        status, out, err = run_orgkb("chart", str(group_profile), "--format", form)
        assert (status, err) == (0, "")
        assert out == draw(chart(company)) + "\n"
        status, out, err = run_orgkb(
            "chart", str(group_profile), "--format", form, "--governance", "decentralized"
        )
        assert out == draw(chart(company, governance=Governance.DECENTRALIZED)) + "\n"
        status, out, err = run_orgkb("chart", str(group_profile), "--format", form, "--as-is")
        assert out == draw(chart(company, View.AS_IS)) + "\n"


def test_chart_command_says_when_governance_does_not_apply(tmp_path: Path) -> None:
    path = tmp_path / "duo.yaml"
    path.write_text("company: Duo\nbranches: [{name: A, city: X}, {name: B, city: X}]\n")
    status, out, err = run_orgkb("chart", str(path), "--governance", "decentralized")
    assert status == 0
    assert out.startswith("Duo: one-region\n")
    assert err == (
        "orgkb: note: --governance applies to the recommendation for several regions; "
        "Duo is one-region, so it was not used\n"
    )


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("company: X\nbrnaches: []\n", "bad.yaml:2: brnaches: unknown field 'brnaches'"),
        ("", "bad.yaml: the file is empty"),
    ],
)
def test_chart_command_reports_a_bad_profile_on_one_line(
    tmp_path: Path, content: str, message: str
) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text(content)
    status, out, err = run_orgkb("chart", str(path), "--format", "html")
    assert (status, out) == (2, "")
    assert err.startswith(f"orgkb: {path.parent}/{message}")
    assert err.count("\n") == 1


def test_chart_command_refuses_an_unknown_format(group_profile: Path) -> None:
    status, _, err = run_orgkb("chart", str(group_profile), "--format", "png")
    assert status == 2
    assert "invalid choice: 'png'" in err


def test_as_is_shows_the_option_the_profile_names() -> None:
    for option, functions in (
        (Option.SEPARATE, ["promotion", "customer_service", "sales"]),
        (Option.UNIFIED, ["sales"]),
    ):
        duo = replace(DUO, as_is=option)
        drawn = chart(duo, View.AS_IS)
        assert drawn.functions_known
        assert drawn.plan == plan_for(duo, option)
        branch = drawn.plan.unit("branch:A")
        assert [str(function) for function in branch.functions] == functions
        assert drawn.title == (
            f"Duo: as is (one region, several branches; {option}, as the profile says)"
        )
        assert "promotion 推广" in chart_as_html(drawn)


def test_as_is_refuses_an_option_the_scenario_does_not_have() -> None:
    with pytest.raises(InputError, match=r"as_is: 'centralized' is not an option .* one-region"):
        chart(replace(DUO, as_is=Option.CENTRALIZED), View.AS_IS)


def test_chart_command_reports_an_impossible_as_is_on_one_line(tmp_path: Path) -> None:
    path = tmp_path / "duo.yaml"
    path.write_text(
        "company: Duo\nas_is: centralized\nbranches: [{name: A, city: X}, {name: B, city: X}]\n"
    )
    status, out, err = run_orgkb("chart", str(path), "--as-is")
    assert (status, out) == (2, "")
    assert err == (
        f"orgkb: {path}: as_is: 'centralized' is not an option for a company that is "
        "one-region; expected one of separate, unified\n"
    )


SVG = "{http://www.w3.org/2000/svg}"


def _svg_boxes(drawn: Chart) -> tuple[ElementTree.Element, list[tuple[list[str], list[float]]]]:
    """The SVG of *drawn*, parsed, and each box's lines of text with its rectangle."""
    root = ElementTree.fromstring(chart_as_svg(drawn))
    layer = root.find(f"{SVG}g")
    assert layer is not None
    rects = layer.findall(f"{SVG}rect")[1:]
    texts = layer.findall(f"{SVG}text")[1:]
    boxes = [
        (
            [span.text or "" for span in text.findall(f"{SVG}tspan")],
            [float(rect.get(key, "")) for key in ("x", "y", "width", "height")],
        )
        for rect, text in zip(rects, texts, strict=True)
    ]
    return root, boxes


@pytest.mark.parametrize("view", list(View))
def test_svg_draws_every_unit_in_a_box_of_its_own_under_its_parent(view: View) -> None:
    for company in (SOLO, DUO, GROUP, SLASHES, CONTROLS):
        if view is View.SEPARATE and company is SOLO:
            continue
        drawn = chart(company, view)
        root, boxes = _svg_boxes(drawn)
        assert len(boxes) == len(drawn.plan.units)
        if company is not CONTROLS:  # whose names show their control characters as codes
            assert root.findtext(f"{SVG}title") == drawn.title
            assert [lines[0] for lines, _ in boxes] == [unit.name for unit in drawn.plan.units]
        # No two boxes overlap, and every box lies below its parent's.
        for index, (_, (x, y, width, height)) in enumerate(boxes):
            for _, (x2, y2, width2, height2) in boxes[index + 1 :]:
                assert x + width <= x2 or x2 + width2 <= x or y + height <= y2 or y2 + height2 <= y
        rows = {unit.id: box for unit, (_, box) in zip(drawn.plan.units, boxes, strict=True)}
        for unit in drawn.plan.units:
            if unit.parent is not None:
                assert rows[unit.id][1] > rows[unit.parent][1] + rows[unit.parent][3]
        width, height = float(root.get("width", "")), float(root.get("height", ""))
        assert all(x >= 0 and x + w <= width and y + h <= height for _, (x, y, w, h) in boxes)


def test_svg_loads_nothing_and_draws_chinese_with_the_system_s_fonts() -> None:
    drawn = chart(GROUP, language="zh_CN")
    svg = chart_as_svg(drawn)
    assert re.findall(r"https?://[^\s\"]*", svg) == ["http://www.w3.org/2000/svg"]
    assert not re.search(r"href|url\(|@import|@font-face|<image|<script|<style", svg)
    root, boxes = _svg_boxes(drawn)
    layer = root.find(f"{SVG}g")
    assert layer is not None
    assert "Noto Sans CJK SC" in layer.get("font-family", "")
    assert "集团" in boxes[0][0] and any("分公司" in lines for lines, _ in boxes)
    assert root.findtext(f"{SVG}desc", "").startswith("组织架构图")
