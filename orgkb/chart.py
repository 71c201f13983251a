"""Org charts (组织架构图) of a plan, or of a company as it is today.

A :class:`Chart` is a plan ready to draw together with the view it shows: the recommended
organisation; the company *as is* (the option its profile's ``as_is`` names, or, without one,
only the structure the profile describes, nobody's functions known); another option the
article weighs, such as separate teams in every branch; or, beyond the article, the move from
today's organisation to the recommended one (:mod:`orgkb.transition`), every unit of before
and after with each function marked where it arrives or leaves, and in which phase. The plans
come from :mod:`orgkb.plan`. A chart is drawn as text for a terminal, as HTML for a web page, as
a standalone SVG image, or as Mermaid or Graphviz DOT for a reader's own diagram tools.

The HTML is a nested list (``<ul>``/``<li>``), so it can be selected, searched and read by a
screen reader; the style sheet :data:`CHART_CSS` lays it out as a tree on a wide screen and as
an indented list on a phone and on paper. Level and function show as colour *and* as a label.

The HTML and the diagram formats escape names for themselves, and let no name reach their
syntax: the diagrams give their boxes generated ids (``u0``, ``u1``…), never names; a name
cannot spell Mermaid's directives (``%%{…}%%``) or entity codes; and a control character in
a name shows as its code (``\x1b``), a line break or tab as a space, so that no name breaks
a line of the output.

A chart is drawn in a language, English or Chinese (``zh_CN``, see :mod:`orgkb.text`): its
title and the labels of levels and functions — in English with their Chinese originals, in
Chinese alone (集团, 片区, 城市, 分公司; 推广, 客服, 销售 …).
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
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
    classify,
    plan_for,
    recommend,
    structure,
)
from orgkb.render import (
    UNPRINTABLE,
    functions_label,
    listed,
    plan_as_text,
    plan_tree,
    unit_line,
)
from orgkb.text import ENGLISH, Text, is_chinese
from orgkb.transition import Transition, transition

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
    Scenario.NO_BRANCHES: Text("no branches"),
    Scenario.ONE_REGION: Text("one region, several branches"),
    Scenario.MULTI_REGION: Text("several regions"),
}


def scenario_name(scenario: Scenario, language: str = ENGLISH) -> str:
    """The words for *scenario* in *language*, as a chart's title gives them.

    >>> scenario_name(Scenario.MULTI_REGION), scenario_name(Scenario.ONE_REGION, "zh_CN")
    ('several regions', '一个片区，多家分公司')
    """
    return _SCENARIO_NAMES[scenario].translated(language)


class View(StrEnum):
    """What a chart shows of a company."""

    RECOMMENDED = "recommended"
    """The organisation the article recommends (:func:`orgkb.plan.recommend`)."""
    AS_IS = "as-is"
    """The company today: the option its profile's ``as_is`` names, else only its structure."""
    SEPARATE = "separate"
    """Every branch with its own promotion, service and sales, under regions if there are
    several (:data:`Option.SEPARATE <orgkb.model.Option.SEPARATE>`)."""
    TRANSITION = "transition"
    """Before and after the move to the recommended organisation, or another
    (:func:`orgkb.transition.transition`): each function marked where it arrives or leaves."""


@dataclass(frozen=True)
class Chart:
    """A plan ready to draw, and which view of the company it is.

    *option* is the organisation an *as is* chart shows, from the profile's ``as_is``; without
    it the chart shows the structure alone, and *functions_known* is false. *language* is the
    language its words are drawn in. *move* is the move a transition chart shows; its plan holds
    every function any unit runs on the way.
    """

    plan: Plan
    view: View
    option: Option | None = None
    language: str = ENGLISH
    move: Transition | None = None

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
        >>> chart(duo, language="zh_CN").title
        'Duo：推荐方案（一个片区，多家分公司）'
        """
        company = self.plan.company
        scenario = _SCENARIO_NAMES[self.plan.scenario]
        if self.view is View.AS_IS and self.option is not None:
            title = Text(
                "{company}: as is ({scenario}; {option}, as the profile says)",
                company=company,
                scenario=scenario,
                option=self.option,
            )
        elif self.view is View.AS_IS:
            title = Text(
                "{company}: as is ({scenario}; functions not shown)",
                company=company,
                scenario=scenario,
            )
        elif self.view is View.SEPARATE:
            title = Text(
                "{company}: separate teams in every branch ({scenario})",
                company=company,
                scenario=scenario,
            )
        elif self.move is not None:
            title = Text(
                "{company}: the move from {today} to {target} ({scenario})",
                company=company,
                today=Text("today") if self.move.source is None else self.move.source,
                target=self.move.target,
                scenario=scenario,
            )
        elif self.plan.governance is not None:
            title = Text(
                "{company}: recommended ({scenario}, {governance})",
                company=company,
                scenario=scenario,
                governance=self.plan.governance,
            )
        else:
            title = Text("{company}: recommended ({scenario})", company=company, scenario=scenario)
        return title.translated(self.language)


def chart(
    company: Company,
    view: View = View.RECOMMENDED,
    governance: Governance | None = None,
    to: Option | None = None,
    *,
    language: str = ENGLISH,
) -> Chart:
    """The chart of *company* in *view*, drawn in *language*; *governance* applies to the
    recommended view.

    The transition view draws the move to the option *to*, else to the recommended
    organisation with *governance*.

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
            return Chart(structure(company), view, language=language)
        return Chart(plan_for(company, option), view, option, language)
    if view is View.SEPARATE:
        return option_chart(company, Option.SEPARATE, language=language)
    if view is View.TRANSITION:
        return transition_chart(company, to or _governed(company, governance), language=language)
    return Chart(recommend(company, governance), view, language=language)


def _governed(company: Company, governance: Governance | None) -> Option | None:
    if governance is None or classify(company) is not Scenario.MULTI_REGION:
        return None
    return Option(str(governance))


def transition_chart(
    company: Company, to: Option | None = None, *, language: str = ENGLISH
) -> Chart:
    """The chart of the move of *company* to *to* (:func:`orgkb.transition.transition`), drawn
    in *language*.

    Every unit of the move is drawn with every function it runs before, after or on the way;
    each function that arrives or leaves says so, with its phase.

    >>> from orgkb.model import Branch
    >>> duo = Company("Duo", (Branch("A", "Wuhan"), Branch("B", "Wuhan")))
    >>> print(chart_as_text(transition_chart(duo)))
    Duo: the move from separate to unified (one region, several branches)
    Duo [group] promotion 推广 (from phase 2), customer service 客服 (from phase 1)
    ├── A [branch] promotion 推广 (until phase 2), customer service 客服 (until phase 1), sales 销售
    └── B [branch] promotion 推广 (until phase 2), customer service 客服 (until phase 1), sales 销售
    """
    move = transition(company, to)
    states = [move.before, *(phase.after for phase in move.phases)]
    units = tuple(
        replace(
            unit,
            functions=tuple(
                function
                for function in Function
                if any(state.runs(unit.id, function) for state in states)
            ),
        )
        for unit in move.after.plan.units
    )
    plan = move.after.plan
    return Chart(
        Plan(plan.company, plan.scenario, None, units, ()),
        View.TRANSITION,
        move.source,
        language=language,
        move=move,
    )


def move_labels(chart: Chart, unit: Unit) -> list[str]:
    """Each function of *unit* in a transition chart, with where and when it moves.

    A function that stays is its label; one that arrives says from which phase the unit runs
    it, one that leaves until which phase; one that a unit runs only on the way says between
    which phases.
    """
    move = chart.move
    assert move is not None, "only a transition chart has a move"
    labels = []
    for function in unit.functions:
        before = move.before.runs(unit.id, function)
        after = move.after.runs(unit.id, function)
        arrivals, departures = move.timeline.get((unit.id, function), ((), ()))
        label = function.label_in(chart.language)
        if before and not after:
            moved = Text("{function} (until phase {phase})", function=label, phase=departures[-1])
        elif after and not before:
            moved = Text("{function} (from phase {phase})", function=label, phase=arrivals[-1])
        elif not before:
            moved = Text(
                "{function} (phases {first} to {last} only)",
                function=label,
                first=arrivals[0],
                last=departures[-1],
            )
        else:
            moved = Text("{function}", function=label)
        labels.append(moved.translated(chart.language))
    return labels


def option_chart(company: Company, option: Option, *, language: str = ENGLISH) -> Chart:
    """The chart of one option the article weighs for *company* (:func:`orgkb.plan.plan_for`),
    drawn in *language*.

    Separate teams are the separate view; every other option is a plan the article
    recommends, and is drawn as the recommended view.

    >>> from orgkb.model import Branch
    >>> trio = Company("Trio", (Branch("A", "Wuhan"), Branch("B", "Changsha")))
    >>> option_chart(trio, Option.DECENTRALIZED).title
    'Trio: recommended (several regions, decentralized)'
    """
    view = View.SEPARATE if option is Option.SEPARATE else View.RECOMMENDED
    return Chart(plan_for(company, option), view, language=language)


def unit_functions(chart: Chart, unit: Unit) -> str:
    """What *unit* runs, in the chart's words: its functions, where a move takes them, or that
    it only manages; empty where the chart does not know."""
    if not chart.functions_known:
        return ""
    if chart.move is not None:
        moved = listed(move_labels(chart, unit), chart.language)
        return moved or _MANAGES_ONLY.translated(chart.language)
    return functions_label(unit.functions, chart.language) or _MANAGES_ONLY.translated(
        chart.language
    )


_MANAGES_ONLY = Text("manages only")


def chart_as_text(chart: Chart) -> str:
    """The chart as a tree for a terminal; a plan's chart is :func:`orgkb.render.plan_as_text`.

    >>> from orgkb.model import Branch
    >>> print(chart_as_text(chart(Company("Solo", (Branch("A", "Wuhan"),)), View.AS_IS)))
    Solo: as is (no branches; functions not shown)
    Solo [group]
    └── Wuhan [city]
        └── A [branch]
    """
    language = chart.language
    if chart.view is View.RECOMMENDED:
        return plan_as_text(chart.plan, language)
    if chart.move is not None:
        lines = plan_tree(
            chart.plan,
            lambda unit: Text(
                "{name} [{level}] {functions}",
                name=unit.name,
                level=unit.level,
                functions=unit_functions(chart, unit),
            ).translated(chart.language),
        )
        return "\n".join([chart.title, *lines])
    if chart.functions_known:
        return "\n".join([chart.title, *plan_tree(chart.plan, language=language)])
    lines = plan_tree(chart.plan, lambda unit: unit_line(unit, language, functions_known=False))
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
    language = group[0].language if group else ENGLISH
    heading = _html(Text("Org chart: {companies}", companies=companies).translated(language))
    head = (
        "<!DOCTYPE html>\n"
        f'<html lang="{"zh-CN" if is_chinese(language) else "en"}">\n<head>\n'
        '<meta charset="utf-8">\n'
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
        if chart.move is not None:
            details = _html_move_details(chart, unit, indent)
        else:
            details = _html_details(
                unit.level, unit.functions, chart.functions_known, indent, chart.language
            )
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
def _html_details(
    level: Level, functions: tuple[Function, ...], known: bool, indent: str, language: str
) -> str:
    # The level and functions of a unit, the same for every branch of a chart: made once.
    label = html.escape(level.label_in(language))
    lines = [f'{indent}    <span class="orgkb-level">{label}</span>']
    if known:
        lines.append(f'{indent}    <span class="orgkb-functions">')
        for function in functions:
            css = f"orgkb-function orgkb-function-{html.escape(str(function))}"
            label = html.escape(function.label_in(language))
            lines.append(f'{indent}      <span class="{css}">{label}</span>')
        if not functions:
            css = "orgkb-function orgkb-manages"
            label = html.escape(_MANAGES_ONLY.translated(language))
            lines.append(f'{indent}      <span class="{css}">{label}</span>')
        lines.append(f"{indent}    </span>")
    lines.append(f"{indent}  </div>")
    return "\n".join(lines)


def _html_move_details(chart: Chart, unit: Unit, indent: str) -> str:
    # As _html_details, each function's words saying where and when it moves; a class names
    # the move for a style sheet of one's own, the words carry it.
    level = unit.level.label_in(chart.language)
    lines = [f'{indent}    <span class="orgkb-level">{html.escape(level)}</span>']
    lines.append(f'{indent}    <span class="orgkb-functions">')
    for function, label in zip(unit.functions, move_labels(chart, unit), strict=True):
        moves = " orgkb-moves" if label != function.label_in(chart.language) else ""
        css = f"orgkb-function orgkb-function-{html.escape(str(function))}{moves}"
        lines.append(f'{indent}      <span class="{css}">{html.escape(label)}</span>')
    if not unit.functions:
        lines.append(
            f'{indent}      <span class="orgkb-function orgkb-manages">'
            f"{html.escape(_MANAGES_ONLY.translated(chart.language))}</span>"
        )
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
    lines = [unit.name, unit.level.label_in(chart.language)]
    functions = unit_functions(chart, unit)
    if functions:
        lines.append(functions)
    return lines


# Line breaks and tabs read as spaces; every other character the text output escapes
# (orgkb.render.UNPRINTABLE) shows as its code, so that nothing a name holds reaches a parser
# or a screen raw.
_UNSHOWABLE = re.compile(f"\n|{UNPRINTABLE.pattern}")
_SPACES = frozenset("\t\n\v\f\r\x1c\x1d\x1e\x1f\x85\u2028\u2029")


def _shown(text: str) -> str:
    r"""*text* with every character that is not shown as itself replaced, as a name is drawn.

    >>> _shown("A\tB\x1b[31m\ud800\u202e")
    'A B\\x1b[31m\\ud800\\u202e'
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
    what = Text("name, level and functions") if chart.functions_known else Text("name and level")
    description = (
        Text("Org chart of 1 unit; each box gives the unit's {what}.", what=what)
        if count == 1
        else Text(
            "Org chart of {count} units; each box gives the unit's {what}.", count=count, what=what
        )
    )
    lines = [
        "---",
        f"title: {_mermaid_title(chart.title)}",
        "---",
        "flowchart TD",
        f"  accTitle: {_mermaid_text(chart.title)}",
        f"  accDescr: {_mermaid_text(description.translated(chart.language))}",
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


# The SVG's measures, in pixels. Its text is measured by estimate, as nothing renders it here:
# a wide (CJK) character takes about a font size, any other about three fifths of one.
_SVG_FONT = 13
_SVG_LINE = 18
_SVG_PAD = 8
_SVG_BOX_MIN = 110
_SVG_TEXT_MAX = 220
_SVG_GAP = 16
_SVG_ROW_GAP = 36
_SVG_MARGIN = 16
_SVG_TITLE = 40
# The system's fonts, CJK ones included, so that Chinese renders wherever the file is opened;
# the file names no font file, and loads nothing.
_SVG_FONTS = (
    "system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', 'Noto Sans CJK SC', "
    "'Source Han Sans SC', 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', "
    "'WenQuanYi Micro Hei', sans-serif"
)
_WIDE = re.compile(
    "[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]"
)


def text_width(text: str, size: float = _SVG_FONT) -> float:
    """The estimated width of *text* in pixels at font *size*: wide characters count double.

    >>> text_width("sales"), text_width("销售")
    (39.0, 26.0)
    """
    wide = len(_WIDE.findall(text))
    return round((wide + 0.6 * (len(text) - wide)) * size, 1)


def _wrapped(line: str, language: str) -> list[str]:
    # A list of functions breaks after its separators; a line without one stays whole.
    separator = Text(", ").translated(language)
    words = line.split(separator)
    lines: list[str] = []
    for index, word in enumerate(words):
        piece = word + (separator.rstrip() if index < len(words) - 1 else "")
        if lines and text_width(f"{lines[-1]} {piece}".strip()) <= _SVG_TEXT_MAX:
            lines[-1] = f"{lines[-1]}{' ' if separator.endswith(' ') else ''}{piece}"
        else:
            lines.append(piece)
    return lines


def _line_width(numbered: tuple[int, str]) -> float:
    # The first line, the name, is bold: a tenth wider.
    number, line = numbered
    return text_width(line) * (1.1 if number == 0 else 1)


def _svg(text: str) -> str:
    return html.escape(_shown(text))


def chart_as_svg(chart: Chart) -> str:
    """The chart as a standalone SVG image, top down, one box per unit.

    It loads nothing: no fonts, no images, no style sheets; its fonts are the system's,
    Chinese ones included. Its ``<title>`` and ``<desc>`` name it for screen readers, and every
    box gives the unit's name, level and functions as text.

    >>> from orgkb.model import Branch
    >>> svg = chart_as_svg(chart(Company("Duo", (Branch("A", "武汉"), Branch("B", "武汉")))))
    >>> svg[: svg.index(" viewBox")]
    '<svg xmlns="http://www.w3.org/2000/svg" width="455" height="266"'
    >>> print(svg[svg.index("<title>") : svg.index("<g ")], end="")
    <title>Duo: recommended (one region, several branches)</title>
    <desc>Org chart of 3 units; each box gives the unit&#x27;s name, level and functions.</desc>
    """
    units = chart.plan.units
    lines = {unit.id: _svg_lines(chart, unit) for unit in units}
    sizes = {
        unit.id: (
            max(_SVG_BOX_MIN, max(map(_line_width, enumerate(lines[unit.id]))) + 2 * _SVG_PAD),
            len(lines[unit.id]) * _SVG_LINE + 2 * _SVG_PAD,
        )
        for unit in units
    }
    depth: dict[str, int] = {}
    for unit in units:
        depth[unit.id] = 0 if unit.parent is None else depth[unit.parent] + 1
    rows = [0.0] * (max(depth.values(), default=0) + 1)
    for unit in units:
        rows[depth[unit.id]] = max(rows[depth[unit.id]], sizes[unit.id][1])
    tops = [
        _SVG_TITLE + _SVG_MARGIN + sum(rows[:row]) + row * _SVG_ROW_GAP for row in range(len(rows))
    ]
    # Each subtree's width, children first (each unit comes after its parent), then each
    # box's centre, parents first: a parent is centred over its children.
    span: dict[str | None, float] = {}
    for unit in reversed(units):
        children = chart.plan.children(unit.id)
        below = sum(span[child.id] for child in children) + _SVG_GAP * max(len(children) - 1, 0)
        span[unit.id] = max(sizes[unit.id][0], below)
    top_units = chart.plan.children(None)
    whole = sum(span[unit.id] for unit in top_units) + _SVG_GAP * max(len(top_units) - 1, 0)
    title_width = text_width(chart.title, _SVG_FONT + 2)
    width = round(max(whole, title_width) + 2 * _SVG_MARGIN)
    height = round(tops[-1] + rows[-1] + _SVG_MARGIN)
    centre: dict[str, float] = {}

    def place(row: Sequence[Unit], left: float, room: float) -> None:
        taken = sum(span[unit.id] for unit in row) + _SVG_GAP * max(len(row) - 1, 0)
        left += (room - taken) / 2
        for unit in row:
            centre[unit.id] = left + span[unit.id] / 2
            pending.append((unit, left))
            left += span[unit.id] + _SVG_GAP

    pending: list[tuple[Unit, float]] = []
    place(top_units, _SVG_MARGIN, width - 2 * _SVG_MARGIN)
    while pending:
        unit, left = pending.pop()
        place(chart.plan.children(unit.id), left, span[unit.id])
    what = Text("name, level and functions") if chart.functions_known else Text("name and level")
    description = (
        Text("Org chart of 1 unit; each box gives the unit's {what}.", what=what)
        if len(units) == 1
        else Text(
            "Org chart of {count} units; each box gives the unit's {what}.",
            count=len(units),
            what=what,
        )
    )
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" role="img">',
        f"<title>{_svg(chart.title)}</title>",
        f"<desc>{_svg(description.translated(chart.language))}</desc>",
        f'<g font-family="{_SVG_FONTS}" font-size="{_SVG_FONT}" fill="#1a1a1a">',
        f'<rect width="{width}" height="{height}" fill="#ffffff"/>',
        f'<text x="{width / 2:g}" y="{_SVG_MARGIN + _SVG_FONT + 2}" text-anchor="middle" '
        f'font-size="{_SVG_FONT + 2}" font-weight="bold">{_svg(chart.title)}</text>',
        '<g fill="none" stroke="#78909c" stroke-width="1.5">',
    ]
    for unit in units:
        if unit.parent is None:
            continue
        row = depth[unit.id]
        parent_bottom = tops[row - 1] + sizes[unit.parent][1]
        middle = tops[row] - _SVG_ROW_GAP / 2
        out.append(
            f'<path d="M{centre[unit.parent]:g} {parent_bottom:g}V{middle:g}'
            f'H{centre[unit.id]:g}V{tops[row]:g}"/>'
        )
    out.append("</g>")
    for unit in units:
        box_width, box_height = sizes[unit.id]
        x, y = centre[unit.id] - box_width / 2, tops[depth[unit.id]]
        fill, stroke = _LEVEL_COLOURS[unit.level]
        out.append(
            f'<rect x="{x:g}" y="{y:g}" width="{box_width:g}" height="{box_height:g}" rx="6" '
            f'fill="{fill}" stroke="{stroke}"/>'
        )
        text = [f'<text x="{centre[unit.id]:g}" y="{y + _SVG_PAD:g}" text-anchor="middle">']
        for number, line in enumerate(lines[unit.id]):
            # The name in bold, the level and functions in the ordinary weight.
            weight = ' font-weight="bold"' if number == 0 else ""
            text.append(
                f'<tspan x="{centre[unit.id]:g}" dy="{_SVG_LINE if number else _SVG_LINE - 4}"'
                f"{weight}>{_svg(line)}</tspan>"
            )
        out.append("".join(text) + "</text>")
    out.append("</g>\n</svg>")
    return "\n".join(out)


def _svg_lines(chart: Chart, unit: Unit) -> list[str]:
    name, level, *functions = _label_lines(chart, unit)
    return [name, level, *(line for text in functions for line in _wrapped(text, chart.language))]
