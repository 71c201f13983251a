"""Org charts (组织架构图) of a plan, or of a company as it is today.

A :class:`Chart` is a plan ready to draw together with the view it shows: the recommended
organisation; the company *as is* (the option its profile's ``as_is`` names, or, without one,
only the structure the profile describes, nobody's functions known); or another option the
article weighs, such as separate teams in every branch. The plans come from
:mod:`orgkb.plan`. A chart is drawn as text for a terminal, as HTML for a web page, or as
Mermaid or Graphviz DOT for a reader's own diagram tools.

The HTML is a nested list (``<ul>``/``<li>``), so it can be selected, searched and read by a
screen reader; the style sheet :data:`CHART_CSS` lays it out as a tree on a wide screen and as
an indented list on a phone and on paper. Level and function show as colour *and* as a label.

The HTML and the diagram formats escape names for themselves, and let no name reach their
syntax: the diagrams give their boxes generated ids (``u0``, ``u1``…), never names; a name
cannot spell Mermaid's directives (``%%{…}%%``) or entity codes; and a control character in
a name shows as its code (``\x1b``), a line break or tab as a space, so that no name breaks
a line of the output.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from enum import StrEnum
from functools import cache
from importlib import resources

from orgkb.model import Company, Function, Level, Option
from orgkb.plan import (
    Governance,
    Plan,
    Scenario,
    Unit,
    as_is_option,
    plan_for,
    recommend,
    structure,
)
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
    """Every branch with its own promotion, service and sales, under regions if there are
    several (:data:`Option.SEPARATE <orgkb.model.Option.SEPARATE>`)."""


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

    The separate view is :func:`option_chart` of :data:`Option.SEPARATE
    <orgkb.model.Option.SEPARATE>`, refused for a company without branches; the *as is* view
    refuses a profile's ``as_is`` the article does not weigh for the company's scenario. Both
    refusals are :class:`~orgkb.errors.InputError`, from :func:`orgkb.plan.plan_for` and
    :func:`orgkb.plan.as_is_option`.

    >>> from orgkb.model import Branch
    >>> duo = Company("Duo", (Branch("A", "Wuhan"), Branch("B", "Wuhan")), as_is=Option.UNIFIED)
    >>> chart(duo, View.AS_IS).title
    'Duo: as is (one region, several branches; unified, as the profile says)'
    """
    if view is View.AS_IS:
        option = as_is_option(company)
        if option is None:
            return Chart(structure(company), view)
        return Chart(plan_for(company, option), view, option)
    if view is View.SEPARATE:
        return option_chart(company, Option.SEPARATE)
    return Chart(recommend(company, governance), view)


def option_chart(company: Company, option: Option) -> Chart:
    """The chart of one option the article weighs for *company* (:func:`orgkb.plan.plan_for`).

    Separate teams are the separate view; every other option is a plan the article
    recommends, and is drawn as the recommended view.

    >>> from orgkb.model import Branch
    >>> trio = Company("Trio", (Branch("A", "Wuhan"), Branch("B", "Changsha")))
    >>> option_chart(trio, Option.DECENTRALIZED).title
    'Trio: recommended (several regions, decentralized)'
    """
    view = View.SEPARATE if option is Option.SEPARATE else View.RECOMMENDED
    return Chart(plan_for(company, option), view)


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
    return "\n".join(_html_lines([charts] if isinstance(charts, Chart) else list(charts)))


def chart_as_html_page(charts: Chart | Sequence[Chart]) -> str:
    """A whole HTML page with the charts and their style sheet inline, loading nothing else."""
    group = [charts] if isinstance(charts, Chart) else list(charts)
    companies = " / ".join(dict.fromkeys(one.plan.company for one in group))
    heading = _html(f"Org chart: {companies}")
    head = (
        "<!DOCTYPE html>\n"
        '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{heading}</title>\n<style>\n{_PAGE_CSS}{CHART_CSS}</style>\n</head>\n"
        f"<body>\n<main>\n<h1>{heading}</h1>"
    )
    return "\n".join([head, *_html_lines(group), "</main>\n</body>\n</html>"])


def _html_lines(group: Sequence[Chart]) -> Iterator[str]:
    # The markup is joined once, at the end: a chart of a national chain is megabytes long,
    # and each copy of it into a larger string would cost as much as writing it.
    if len(group) > 1:
        yield '<div class="orgkb-charts">'
    for one in group:
        yield from _figure(one)
    if len(group) > 1:
        yield "</div>"


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


def _figure(chart: Chart) -> Iterator[str]:
    view = html.escape(str(chart.view))
    title = _html(chart.title)
    width = tree_width(chart)
    fits = "" if width is None else f" orgkb-fits-{width}"
    yield f'<figure class="orgkb-chart orgkb-view-{view}{fits}">'
    yield f"  <figcaption>{title}</figcaption>"
    yield f'  <div class="orgkb-chart-scroll" tabindex="0" role="group" aria-label="{title}">'
    yield '  <ul class="orgkb-tree">'
    yield from _html_units(chart, None, "    ")
    yield "  </ul>\n  </div>\n</figure>"


def _html_units(chart: Chart, parent: str | None, indent: str) -> Iterator[str]:
    # One string of lines a unit, not one a line: a national chain has tens of thousands.
    for unit in chart.plan.children(parent):
        name = f'{indent}    <span class="orgkb-name">{_html(unit.name)}</span>\n'
        details = _html_details(unit.level, unit.functions, chart.functions_known, indent)
        children = chart.plan.children(unit.id)
        if not children:
            yield f"{_html_opening(unit.level, indent)}{name}{details}\n{indent}</li>"
            continue
        yield f"{_html_opening(unit.level, indent)}{name}{details}\n{indent}  <ul>"
        yield from _html_units(chart, unit.id, indent + "    ")
        yield f"{indent}  </ul>\n{indent}</li>"


@cache
def _html_opening(level: Level, indent: str) -> str:
    return (
        f'{indent}<li class="orgkb-unit orgkb-level-{html.escape(str(level))}">\n'
        f'{indent}  <div class="orgkb-box">\n'
    )


@cache
def _html_details(level: Level, functions: tuple[Function, ...], known: bool, indent: str) -> str:
    # The level and functions of a unit, the same for every branch of a chart: made once.
    lines = [f'{indent}    <span class="orgkb-level">{html.escape(level.label)}</span>']
    if known:
        lines.append(f'{indent}    <span class="orgkb-functions">')
        for function in functions:
            css = f"orgkb-function orgkb-function-{html.escape(str(function))}"
            lines.append(f'{indent}      <span class="{css}">{html.escape(function.label)}</span>')
        if not functions:
            css = "orgkb-function orgkb-manages"
            lines.append(f'{indent}      <span class="{css}">manages only</span>')
        lines.append(f"{indent}    </span>")
    lines.append(f"{indent}  </div>")
    return "\n".join(lines)


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


# Line breaks and tabs read as spaces; any other control character, a lone surrogate or a
# noncharacter shows as its code, so that nothing a name holds reaches a parser or a screen raw.
_UNSHOWABLE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff\ufffe\uffff]")
_SPACES = frozenset("\t\n\v\f\r\x1c\x1d\x1e\x1f\x85\u2028\u2029")


def _shown(text: str) -> str:
    r"""*text* with every character that is not shown as itself replaced, as a name is drawn.

    >>> _shown("A\tB\x1b[31m\ud800")
    'A B\\x1b[31m\\ud800'
    """
    return _UNSHOWABLE.sub(_shown_character, text)


def _shown_character(match: re.Match[str]) -> str:
    character = match.group()
    if character in _SPACES:
        return " "
    code = ord(character)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def _html(text: str) -> str:
    return html.escape(_shown(text))


def _mermaid_text(text: str) -> str:
    # Mermaid reads "#…;" as an entity code and its labels as HTML, so those characters and the
    # quote that would end the label are written as numeric entity codes; so is "%", which
    # would let a name spell a directive ("%%{init: …}%%") that reconfigures the diagram.
    escaped = " ".join(_shown(text).split())
    for character in '#"&<>`%':
        escaped = escaped.replace(character, f"#{ord(character)};")
    return escaped


def _mermaid_title(text: str) -> str:
    # The title is a YAML string in the front matter: JSON's quoting is YAML's, and "%" is
    # written as a Unicode escape, so that no reader of the whole text sees a directive.
    return json.dumps(_shown(text), ensure_ascii=False).replace("%", "\\u0025")


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
        f"title: {_mermaid_title(chart.title)}",
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


def _dot_string(lines: Sequence[str]) -> str:
    # In a quoted DOT string a quote ends it, a backslash starts an escape (\n, \N, \l…) and,
    # before a line break, continues the line; Graphviz reads "&…;" as an HTML entity. So the
    # ampersand is written as an entity, backslash and quote are escaped, and only the breaks
    # between *lines* are written as line breaks (\n); a name's own are spaces (_shown).
    escaped = (
        _shown(line).replace("&", "&amp;").replace("\\", "\\\\").replace('"', '\\"')
        for line in lines
    )
    return '"' + "\\n".join(escaped) + '"'


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
      u0 [label="Back\\slash \"Co\"\ngroup 集团\npromotion 推广, ...", ...];
    }
    """
    ids = {unit.id: f"u{index}" for index, unit in enumerate(chart.plan.units)}
    lines = [
        "digraph orgchart {",
        '  charset="UTF-8";',
        f"  label={_dot_string([chart.title])};",
        "  labelloc=t;",
        "  rankdir=TB;",
        '  node [shape=box, style="rounded,filled", fontname="sans-serif", fontcolor="#1a1a1a"];',
    ]
    for unit in chart.plan.units:
        fill, stroke = _LEVEL_COLOURS[unit.level]
        label = _dot_string(_label_lines(chart, unit))
        lines.append(f'  {ids[unit.id]} [label={label}, fillcolor="{fill}", color="{stroke}"];')
    for unit in chart.plan.units:
        if unit.parent is not None:
            lines.append(f"  {ids[unit.parent]} -> {ids[unit.id]};")
    lines.append("}")
    return "\n".join(lines)
