"""Org charts (组织架构图) of a plan, or of a company as it is today.

A :class:`Chart` is a plan ready to draw together with the view it shows: the recommended
organisation; the company *as is* (the option its profile's ``as_is`` names, or, without one,
only the structure the profile describes, nobody's functions known); or the separate-teams
option the article weighs. It is drawn as text for a terminal, as HTML for a web page, or as
Mermaid or Graphviz DOT for a reader's own diagram tools.

The HTML is a nested list (``<ul>``/``<li>``), so it can be selected, searched and read by a
screen reader; the style sheet :data:`CHART_CSS` lays it out as a tree on a wide screen and as
an indented list on a phone and on paper. Level and function show as colour *and* as a label.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from enum import StrEnum
from importlib import resources

from orgkb.compare import option_plans
from orgkb.model import Company, Level, Option
from orgkb.plan import GROUP_ID, Governance, Plan, Scenario, Unit, classify, recommend
from orgkb.plan import separate_teams as separate_teams_plan
from orgkb.render import plan_as_text, plan_tree

TREE_WIDTHS = (20, 30, 40, 50, 60, 80, 100)
"""The widths, in rem, at which a chart may be drawn as a tree; a wider one stays a list."""
# The width, in rem, a branch's box takes beside its siblings, and the top box's widest.
_LEAF_WIDTH = 9
_TOP_WIDTH = 13


def _style_sheet() -> str:
    files = resources.files("orgkb")
    base = files.joinpath("chart.css").read_text(encoding="utf-8")
    tree = files.joinpath("chart-tree.css").read_text(encoding="utf-8")
    blocks = [
        f"@media screen {{\n@container (min-width: {width}rem) {{\n"
        f"{tree.replace('.orgkb-fit ', f'.orgkb-fits-{width} ')}}}\n}}\n"
        for width in TREE_WIDTHS
    ]
    return _minified(base + "\n".join(blocks)) + "\n"


def _minified(css: str) -> str:
    # Every page with a chart loads this; comments and spacing are a third of its weight. Its
    # strings hold no spaces and no selector has a space before a colon, so this is safe.
    css = re.sub(r"/\*.*?\*/", "", css, flags=re.DOTALL)
    css = re.sub(r"\s+", " ", css)
    return re.sub(r"\s*([{};:,>])\s*", r"\1", css).strip()


CHART_CSS = _style_sheet()
"""The style sheet for :func:`chart_as_html`: a list on phones and paper, a tree where it fits."""

_SCENARIO_NAMES = {
    Scenario.NO_BRANCHES: "no branches",
    Scenario.ONE_REGION: "one region, several branches",
    Scenario.MULTI_REGION: "several regions",
}


class View(StrEnum):
    """What a chart shows of a company."""

    RECOMMENDED = "recommended"
    """The organisation the article recommends (:func:`orgkb.plan.recommend`)."""
    AS_IS = "as-is"
    """The company today: the option its profile's ``as_is`` names, else only its structure."""
    SEPARATE = "separate"
    """Each branch with its own promotion, service and sales (:func:`orgkb.plan.separate_teams`)."""


@dataclass(frozen=True)
class Chart:
    """A plan ready to draw, and which view of the company it is.

    *option* is the organisation an *as is* chart shows, from the profile's ``as_is``; without
    it the chart shows the structure alone, and *functions_known* is false.
    """

    plan: Plan
    view: View
    option: Option | None = None

    @property
    def functions_known(self) -> bool:
        """Whether the chart says who runs which function."""
        return self.view is not View.AS_IS or self.option is not None

    @property
    def title(self) -> str:
        """A caption naming the company, the view and the scenario.

        >>> from orgkb.model import Branch
        >>> duo = Company("Duo", (Branch("A", "Wuhan"), Branch("B", "Wuhan")))
        >>> chart(duo).title
        'Duo: recommended (one region, several branches)'
        >>> chart(duo, View.AS_IS).title
        'Duo: as is (one region, several branches; functions not shown)'
        """
        scenario = _SCENARIO_NAMES[self.plan.scenario]
        if self.view is View.AS_IS and self.option is not None:
            return f"{self.plan.company}: as is ({scenario}; {self.option}, as the profile says)"
        if self.view is View.AS_IS:
            return f"{self.plan.company}: as is ({scenario}; functions not shown)"
        if self.view is View.SEPARATE:
            return f"{self.plan.company}: separate teams in every branch ({scenario})"
        if self.plan.governance is not None:
            scenario += f", {self.plan.governance}"
        return f"{self.plan.company}: recommended ({scenario})"


def chart(
    company: Company, view: View = View.RECOMMENDED, governance: Governance | None = None
) -> Chart:
    """The chart of *company* in *view*; *governance* applies to the recommended view.

    :class:`ValueError` for the separate view of a company without branches (see
    :func:`orgkb.plan.separate_teams`), and for an *as is* view whose
    profile names an ``as_is`` the article does not weigh for the company's scenario.

    >>> from orgkb.model import Branch
    >>> duo = Company("Duo", (Branch("A", "Wuhan"), Branch("B", "Wuhan")), as_is=Option.UNIFIED)
    >>> chart(duo, View.AS_IS).title
    'Duo: as is (one region, several branches; unified, as the profile says)'
    """
    if view is View.AS_IS and company.as_is is not None:
        plans = option_plans(company)
        if company.as_is not in plans:
            expected = ", ".join(str(option) for option in plans)
            raise ValueError(
                f"as_is: {str(company.as_is)!r} is not an option for a company that is "
                f"{classify(company)}; expected one of {expected}"
            )
        return Chart(plans[company.as_is], view, company.as_is)
    if view is View.AS_IS:
        return Chart(as_is(company), view)
    if view is View.SEPARATE:
        return Chart(separate_teams_plan(company), view)
    return Chart(recommend(company, governance), view)


def as_is(company: Company) -> Plan:
    """The structure *company*'s profile describes, as a plan whose units run nothing known.

    Group, then each region, each city and each branch. A region the profile does not name
    (its branches' region is their city) is drawn as that city directly under the group.

    >>> from orgkb.model import Branch
    >>> plan = as_is(Company("Trio", (Branch("A", "Wuhan", "Centre"), Branch("B", "Xi'an"))))
    >>> [unit.id for unit in plan.units]
    ['group', 'region:Centre', 'city:Centre/Wuhan', 'branch:A', "city:Xi'an/Xi'an", 'branch:B']
    """
    units = [Unit(GROUP_ID, company.name, Level.GROUP, None, ())]
    for region in company.regions:
        branches = company.branches_in(region)
        cities = tuple(dict.fromkeys(branch.city for branch in branches))
        region_parent = GROUP_ID
        if cities != (region,):
            region_parent = f"region:{region}"
            units.append(Unit(region_parent, region, Level.REGION, GROUP_ID, ()))
        for city in cities:
            city_id = f"city:{region}/{city}"
            units.append(Unit(city_id, city, Level.CITY, region_parent, ()))
            units.extend(
                Unit(f"branch:{branch.name}", branch.name, Level.BRANCH, city_id, ())
                for branch in branches
                if branch.city == city
            )
    return Plan(company.name, classify(company), None, tuple(units), ())


def _functions(chart: Chart, unit: Unit) -> str:
    if not chart.functions_known:
        return ""
    return ", ".join(function.label for function in unit.functions) or "manages only"


def chart_as_text(chart: Chart) -> str:
    """The chart as a tree for a terminal; a plan's chart is :func:`orgkb.render.plan_as_text`.

    >>> from orgkb.model import Branch
    >>> print(chart_as_text(chart(Company("Solo", (Branch("A", "Wuhan"),)), View.AS_IS)))
    Solo: as is (no branches; functions not shown)
    Solo [group]
    └── Wuhan [city]
        └── A [branch]
    """
    if chart.view is View.RECOMMENDED:
        return plan_as_text(chart.plan)
    if chart.functions_known:
        return "\n".join([chart.title, *plan_tree(chart.plan)])
    lines = plan_tree(chart.plan, lambda unit: f"{unit.name} [{unit.level}]")
    return "\n".join([chart.title, *lines])


def chart_as_html(charts: Chart | Sequence[Chart]) -> str:
    """The charts as HTML markup, side by side where there is room; style it with CHART_CSS.

    Each chart is a ``<figure>`` whose caption is the chart's title, holding the units as a
    nested list; every unit shows its name, its level and its functions, as text.
    """
    group = [charts] if isinstance(charts, Chart) else list(charts)
    figures = "\n".join(_figure(one) for one in group)
    if len(group) == 1:
        return figures
    return f'<div class="orgkb-charts">\n{figures}\n</div>'


def chart_as_html_page(charts: Chart | Sequence[Chart]) -> str:
    """A whole HTML page with the charts and their style sheet inline, loading nothing else."""
    group = [charts] if isinstance(charts, Chart) else list(charts)
    companies = " / ".join(dict.fromkeys(one.plan.company for one in group))
    heading = html.escape(f"Org chart: {companies}")
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{heading}</title>\n<style>\n{_PAGE_CSS}{CHART_CSS}</style>\n</head>\n"
        f"<body>\n<main>\n<h1>{heading}</h1>\n{chart_as_html(group)}\n</main>\n</body>\n</html>"
    )


def tree_width(chart: Chart) -> int | None:
    """The least of :data:`TREE_WIDTHS` at which *chart* fits as a tree; ``None`` if none.

    >>> from orgkb.model import Branch
    >>> tree_width(chart(Company("Duo", (Branch("A", "Wuhan"), Branch("B", "Wuhan")))))
    20
    """
    leaves = sum(1 for unit in chart.plan.units if not chart.plan.children(unit.id))
    needed = max(_TOP_WIDTH, _LEAF_WIDTH * leaves) + 1
    return next((width for width in TREE_WIDTHS if width >= needed), None)


# A page of its own follows the reader's light or dark preference, as the charts do.
_PAGE_CSS = (
    ":root { color-scheme: light dark; }\n"
    "body { margin: 1rem; font-family: system-ui, sans-serif; line-height: 1.4; }\n"
)


def _figure(chart: Chart) -> str:
    view = html.escape(str(chart.view))
    title = html.escape(chart.title)
    body = "\n".join(_html_units(chart, None, "    "))
    width = tree_width(chart)
    fits = "" if width is None else f" orgkb-fits-{width}"
    return (
        f'<figure class="orgkb-chart orgkb-view-{view}{fits}">\n'
        f"  <figcaption>{title}</figcaption>\n"
        f'  <div class="orgkb-chart-scroll" tabindex="0" role="group" aria-label="{title}">\n'
        f'  <ul class="orgkb-tree">\n{body}\n  </ul>\n'
        "  </div>\n</figure>"
    )


def _html_units(chart: Chart, parent: str | None, indent: str) -> Iterator[str]:
    for unit in chart.plan.children(parent):
        level = html.escape(str(unit.level))
        yield f'{indent}<li class="orgkb-unit orgkb-level-{level}">'
        yield f'{indent}  <div class="orgkb-box">'
        yield f'{indent}    <span class="orgkb-name">{html.escape(unit.name)}</span>'
        yield f'{indent}    <span class="orgkb-level">{html.escape(unit.level.label)}</span>'
        if chart.functions_known:
            yield f'{indent}    <span class="orgkb-functions">'
            for function in unit.functions:
                css = f"orgkb-function orgkb-function-{html.escape(str(function))}"
                yield f'{indent}      <span class="{css}">{html.escape(function.label)}</span>'
            if not unit.functions:
                css = "orgkb-function orgkb-manages"
                yield f'{indent}      <span class="{css}">manages only</span>'
            yield f"{indent}    </span>"
        yield f"{indent}  </div>"
        if chart.plan.children(unit.id):
            yield f"{indent}  <ul>"
            yield from _html_units(chart, unit.id, indent + "    ")
            yield f"{indent}  </ul>"
        yield f"{indent}</li>"


# Fill and outline per level, for the diagram formats; the text labels carry the meaning.
_LEVEL_COLOURS = {
    Level.GROUP: ("#eceff1", "#37474f"),
    Level.REGION: ("#e0f2f1", "#00695c"),
    Level.CITY: ("#efebe9", "#6d4c41"),
    Level.BRANCH: ("#e3f2fd", "#1565c0"),
}


def _label_lines(chart: Chart, unit: Unit) -> list[str]:
    lines = [unit.name, unit.level.label]
    functions = _functions(chart, unit)
    if functions:
        lines.append(functions)
    return lines


def _mermaid_text(text: str) -> str:
    # Mermaid reads "#…;" as an entity code and its labels as HTML, so those characters and the
    # quote that would end the label are written as numeric entity codes.
    escaped = " ".join(text.split())
    for character in '#"&<>`':
        escaped = escaped.replace(character, f"#{ord(character)};")
    return escaped


def chart_as_mermaid(chart: Chart) -> str:
    r"""The chart as a Mermaid flowchart, top down, one box per unit.

    >>> from orgkb.model import Branch
    >>> print(chart_as_mermaid(chart(Company('A "&" B', (Branch("总店", "武汉"),)))))
    ---
    title: "A \"&\" B: recommended (no branches)"
    ---
    flowchart TD
      accTitle: A #34;#38;#34; B: recommended (no branches)
      accDescr: Org chart of 1 unit; each box gives the unit's name, level and functions.
      u0["A #34;#38;#34; B<br/>group 集团<br/>promotion 推广, customer service 客服, sales 销售"]
      class u0 level_group
      classDef level_group fill:#eceff1,stroke:#37474f,color:#1a1a1a
    """
    ids = {unit.id: f"u{index}" for index, unit in enumerate(chart.plan.units)}
    count = len(chart.plan.units)
    what = "name and level" if not chart.functions_known else "name, level and functions"
    lines = [
        "---",
        f"title: {json.dumps(chart.title, ensure_ascii=False)}",
        "---",
        "flowchart TD",
        f"  accTitle: {_mermaid_text(chart.title)}",
        f"  accDescr: Org chart of {count} unit{'s' if count != 1 else ''}; "
        f"each box gives the unit's {what}.",
    ]
    for unit in chart.plan.units:
        label = "<br/>".join(_mermaid_text(line) for line in _label_lines(chart, unit))
        lines.append(f'  {ids[unit.id]}["{label}"]')
    for unit in chart.plan.units:
        if unit.parent is not None:
            lines.append(f"  {ids[unit.parent]} --> {ids[unit.id]}")
    for unit in chart.plan.units:
        lines.append(f"  class {ids[unit.id]} level_{unit.level}")
    for level in dict.fromkeys(unit.level for unit in chart.plan.units):
        fill, stroke = _LEVEL_COLOURS[level]
        lines.append(f"  classDef level_{level} fill:{fill},stroke:{stroke},color:#1a1a1a")
    return "\n".join(lines)


def _dot_string(text: str) -> str:
    # In a quoted DOT string a backslash starts an escape (\n, \N, \l…), a quote ends it, and
    # Graphviz reads "&…;" as an HTML entity, so an ampersand is written as one.
    escaped = text.replace("&", "&amp;").replace("\\", "\\\\").replace('"', '\\"')
    return '"' + escaped.replace("\n", "\\n") + '"'


def chart_as_dot(chart: Chart) -> str:
    r"""The chart as a Graphviz DOT digraph, top down, one box per unit.

    >>> from orgkb.model import Branch
    >>> print(chart_as_dot(chart(Company('Back\\slash "Co"', (Branch("A", "武汉"),)))))
    digraph orgchart {
      charset="UTF-8";
      label="Back\\slash \"Co\": recommended (no branches)";
      labelloc=t;
      rankdir=TB;
      node [shape=box, style="rounded,filled", fontname="sans-serif", fontcolor="#1a1a1a"];
      "group" [label="Back\\slash \"Co\"\ngroup 集团\npromotion 推广, ...", ...];
    }
    """
    lines = [
        "digraph orgchart {",
        '  charset="UTF-8";',
        f"  label={_dot_string(chart.title)};",
        "  labelloc=t;",
        "  rankdir=TB;",
        '  node [shape=box, style="rounded,filled", fontname="sans-serif", fontcolor="#1a1a1a"];',
    ]
    for unit in chart.plan.units:
        fill, stroke = _LEVEL_COLOURS[unit.level]
        label = _dot_string("\n".join(_label_lines(chart, unit)))
        lines.append(
            f'  {_dot_string(unit.id)} [label={label}, fillcolor="{fill}", color="{stroke}"];'
        )
    for unit in chart.plan.units:
        if unit.parent is not None:
            lines.append(f"  {_dot_string(unit.parent)} -> {_dot_string(unit.id)};")
    lines.append("}")
    return "\n".join(lines)
