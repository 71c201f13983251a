"""The ``pooling`` directive: the agents a customer-service queue needs, separate and pooled.

Drawn at build time from :mod:`orgkb.staffing`, so the picture cannot disagree with the model::

    ```{pooling}
    :arrivals-per-hour: 50
    :branches: 8
    :aht: 180
    :answer-within: 20
    :service-level: 0.8
    ```

For 1 to ``:branches:`` branches, each with ``:arrivals-per-hour:`` inquiries in the busy hour,
it plots the agents when every branch staffs its own queue beside the agents when one team
answers them all. HTML builders get an inline SVG — no script, nothing from another host — with
a title and a description for screen readers, the two lines told apart by dash pattern, marker
shape and a label at their ends as well as by colour. Every builder, HTML included, gets the
same figures as a plain table. In a project whose ``language`` is Chinese (a code starting
with ``zh``), the chart, its caption and its table are labelled in Chinese: their words are
:class:`~orgkb.text.Text` templates, with their Chinese in :mod:`orgkb.zh`. An option the model
cannot use is the warning ``orgkb.pooling``, and no chart is drawn.
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from typing import Any, ClassVar

from docutils import nodes
from docutils.parsers.rst import directives
from docutils.utils import column_width
from sphinx.application import Sphinx
from sphinx.util.docutils import SphinxDirective

from orgkb.errors import OrgkbError
from orgkb.render import service_target_text
from orgkb.sphinxext.shared import warn
from orgkb.staffing import ServiceTarget, staff
from orgkb.text import ENGLISH, Text
from orgkb.values import Limits, read_number

WIDTH, HEIGHT = 640, 340
LEFT, RIGHT, TOP, BOTTOM = 56, 150, 20, 48
SEPARATE_COLOUR = "#b4451f"
POOLED_COLOUR = "#1f5fa8"
BRANCHES = Limits(at_least=1, at_most=50, whole=True)
"""How many branches a chart shows: no more than fit on its axis."""


_HEADINGS = (
    Text("Branches"),
    Text("Agents, separate queues"),
    Text("Agents, one pooled queue"),
    Text("Saved"),
)


@dataclass(frozen=True)
class PoolingPoint:
    """Agents needed for *branches* branches: each with its own queue, and all in one."""

    branches: int
    separate: int
    pooled: int


def pooling_points(
    arrivals_per_hour: float, branches: int, target: ServiceTarget
) -> tuple[PoolingPoint, ...]:
    """The agents needed for 1 to *branches* branches of *arrivals_per_hour* each.

    >>> [(p.separate, p.pooled) for p in pooling_points(50, 4, ServiceTarget())]
    [(5, 5), (10, 8), (15, 11), (20, 14)]
    """
    one = staff(arrivals_per_hour, target).agents
    return tuple(
        PoolingPoint(count, count * one, staff(count * arrivals_per_hour, target).agents)
        for count in range(1, branches + 1)
    )


def pooling_svg(
    points: tuple[PoolingPoint, ...], erlangs: float, chart_id: str, language: str = ENGLISH
) -> str:
    """The chart as a self-contained SVG element, with a title and a description, in
    *language*."""
    most = max(point.separate for point in points)
    top = _round_up(most)
    last = points[-1].branches

    def x(branches: int) -> float:
        span = max(last - 1, 1)
        return LEFT + (branches - 1) * (WIDTH - LEFT - RIGHT) / span

    def y(agents: float) -> float:
        return HEIGHT - BOTTOM - agents * (HEIGHT - TOP - BOTTOM) / top

    title = Text(
        "Agents needed: separate queues against one pooled queue, {erlangs} Erlangs a branch",
        erlangs=f"{erlangs:g}",
    ).translated(language)
    end = points[-1]
    summary = Text(
        "Two lines over 1 to {last} branches. Separate queues rise in a straight line to "
        "{separate} agents; one pooled queue rises more slowly, to {pooled} agents.",
        last=last,
        separate=end.separate,
        pooled=end.pooled,
    )
    description = " ".join(
        [summary.translated(language), *(_point(point).translated(language) for point in points)]
    )
    parts = [
        f'<svg class="orgkb-pooling" role="img" viewBox="0 0 {WIDTH} {HEIGHT}" '
        f'width="100%" style="max-width:{WIDTH}px" '
        f'aria-labelledby="{chart_id}-title {chart_id}-desc" '
        f'xmlns="http://www.w3.org/2000/svg" font-family="inherit" font-size="13">',
        f'<title id="{chart_id}-title">{html.escape(title)}</title>',
        f'<desc id="{chart_id}-desc">{html.escape(description)}</desc>',
    ]
    for tick in _ticks(top):
        parts.append(
            f'<line x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{y(tick):.1f}" y2="{y(tick):.1f}" '
            f'stroke="currentColor" stroke-opacity="{0.6 if tick == 0 else 0.15}"/>'
            f'<text x="{LEFT - 8}" y="{y(tick) + 4:.1f}" text-anchor="end" '
            f'fill="currentColor">{tick}</text>'
        )
    for point in points:
        parts.append(
            f'<text x="{x(point.branches):.1f}" y="{HEIGHT - BOTTOM + 18}" text-anchor="middle" '
            f'fill="currentColor">{point.branches}</text>'
        )
    axis_x = html.escape(Text("branches").translated(language))
    axis_y = html.escape(Text("agents needed").translated(language))
    parts.append(
        f'<text x="{(LEFT + WIDTH - RIGHT) / 2:.1f}" y="{HEIGHT - 8}" text-anchor="middle" '
        f'fill="currentColor">{axis_x}</text>'
        f'<text x="14" y="{(TOP + HEIGHT - BOTTOM) / 2:.1f}" text-anchor="middle" '
        f'fill="currentColor" transform="rotate(-90 14 {(TOP + HEIGHT - BOTTOM) / 2:.1f})">'
        f"{axis_y}</text>"
    )
    series = (
        ("separate", SEPARATE_COLOUR, "", [(p.branches, p.separate) for p in points]),
        (
            "pooled",
            POOLED_COLOUR,
            ' stroke-dasharray="8 5"',
            [(p.branches, p.pooled) for p in points],
        ),
    )
    label_ys: list[float] = []
    for name, colour, dash, values in series:
        path = " ".join(f"{x(b):.1f},{y(a):.1f}" for b, a in values)
        parts.append(
            f'<polyline points="{path}" fill="none" stroke="{colour}" stroke-width="2.5"{dash}/>'
        )
        for branches, agents in values:
            cx, cy = x(branches), y(agents)
            if name == "separate":
                parts.append(
                    f'<rect x="{cx - 4:.1f}" y="{cy - 4:.1f}" width="8" height="8" '
                    f'fill="{colour}"/>'
                )
            else:
                parts.append(f'<circle cx="{cx:.1f}" cy="{cy:.1f}" r="4.5" fill="{colour}"/>')
        final_x, final_y = x(values[-1][0]), y(values[-1][1])
        # Where both lines end close together (one branch: the same point) keep labels apart.
        for taken in label_ys:
            if abs(final_y - taken) < 16:
                final_y = taken + 16
        label_ys.append(final_y)
        line = Text("separate queues") if name == "separate" else Text("one pooled queue")
        label = Text("{line}: {agents}", line=line, agents=values[-1][1]).translated(language)
        parts.append(
            f'<text x="{final_x + 10:.1f}" y="{final_y + 4:.1f}" fill="currentColor">'
            f"{html.escape(label)}</text>"
        )
    parts.append("</svg>")
    return "".join(parts)


def _point(point: PoolingPoint) -> Text:
    if point.branches == 1:
        return Text(
            "{branches} branch: {separate} separate, {pooled} pooled.",
            branches=point.branches,
            separate=point.separate,
            pooled=point.pooled,
        )
    return Text(
        "{branches} branches: {separate} separate, {pooled} pooled.",
        branches=point.branches,
        separate=point.separate,
        pooled=point.pooled,
    )


def pooling_table(points: tuple[PoolingPoint, ...], language: str = ENGLISH) -> nodes.table:
    """The figures as a docutils table every builder can write, headed in *language*."""
    table = nodes.table(classes=["orgkb-pooling-table"])
    group = nodes.tgroup(cols=4)
    table += group
    headings = tuple(heading.translated(language) for heading in _HEADINGS)
    for heading in headings:
        # Text and LaTeX writers size columns by colwidth: make each as wide as its heading,
        # a Chinese character counting two.
        group += nodes.colspec(colwidth=column_width(heading))
    head = nodes.thead()
    group += head
    head += _row(headings)
    body = nodes.tbody()
    group += body
    for point in points:
        body += _row(
            (
                str(point.branches),
                str(point.separate),
                str(point.pooled),
                str(point.separate - point.pooled),
            )
        )
    return table


class PoolingDirective(SphinxDirective):
    """Draws agents needed against branches pooled, from the Erlang C model."""

    has_content = False
    option_spec: ClassVar[dict[str, Any]] = {
        "arrivals-per-hour": directives.unchanged_required,
        "branches": directives.unchanged_required,
        "aht": directives.unchanged_required,
        "answer-within": directives.unchanged_required,
        "service-level": directives.unchanged_required,
    }

    def run(self) -> list[nodes.Node]:
        defaults = ServiceTarget()
        try:
            arrivals = self._number("arrivals-per-hour", 50.0)
            target = ServiceTarget(
                handle_time=self._number("aht", defaults.handle_time),
                answer_within=self._number("answer-within", defaults.answer_within),
                service_level=self._number("service-level", defaults.service_level),
            )
            branches = int(BRANCHES.check(self._number("branches", 8.0), "branches"))
            points = pooling_points(arrivals, branches, target)
        except OrgkbError as error:
            warn("pooling", f"pooling: {error}", self.get_location())
            return []
        erlangs = arrivals * target.handle_time / 3600
        language = self.config.language or ENGLISH
        chart_id = f"orgkb-pooling-{self.env.new_serialno('orgkb-pooling')}"
        figure = nodes.container(classes=["orgkb-pooling-figure"])
        figure += nodes.raw("", pooling_svg(points, erlangs, chart_id, language), format="html")
        caption = Text(
            "Agents needed for {target}, with {arrivals} inquiries an hour ({erlangs} Erlangs) "
            "at each branch.",
            target=service_target_text(target),
            arrivals=f"{arrivals:g}",
            erlangs=f"{erlangs:g}",
        )
        figure += nodes.paragraph("", caption.translated(language))
        figure += pooling_table(points, language)
        self.set_source_info(figure)
        return [figure]

    def _number(self, option: str, default: float) -> float:
        text = self.options.get(option)
        return default if text is None else read_number(text, option)


def setup_pooling(app: Sphinx) -> None:
    """Register the ``pooling`` directive."""
    app.add_directive("pooling", PoolingDirective)


def _row(cells: tuple[str, ...]) -> nodes.row:
    row = nodes.row()
    for text in cells:
        entry = nodes.entry()
        entry += nodes.paragraph("", text)
        row += entry
    return row


def _round_up(value: int) -> int:
    step = 5 if value <= 50 else 10 if value <= 100 else 50
    return max(step, -(-value // step) * step)


def _ticks(top: int) -> range:
    step = top // 5 if top % 5 == 0 else top
    return range(0, top + 1, max(step, 1))
