"""``orgkb chart``: the org chart of a company, for a terminal, a web page or diagram tools."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from orgkb.chart import (
    View,
    chart,
    chart_as_dot,
    chart_as_html_page,
    chart_as_mermaid,
    chart_as_svg,
    chart_as_text,
)
from orgkb.commands import Streams, add_governance_argument, add_profile_arguments
from orgkb.errors import InputError
from orgkb.model import Option
from orgkb.plan import Governance, Scenario, weighed
from orgkb.profile import load_company
from orgkb.render import governance_not_used_in_chart
from orgkb.text import Text

if TYPE_CHECKING:
    from orgkb.commands import Subcommands

FORMATS = {
    "text": chart_as_text,
    "html": chart_as_html_page,
    "mermaid": chart_as_mermaid,
    "dot": chart_as_dot,
    "svg": chart_as_svg,
}
"""How the chart is drawn in each format; all but ``text`` are for programs."""


def register(commands: Subcommands, streams: Streams) -> None:
    parser = commands.add_parser(
        "chart",
        help="draw the org chart of a company profile",
        description=(
            "Draw the org chart the article recommends for a company, or with --as-is the "
            "company as it is today (the option its profile's as_is names, else only the "
            "structure the profile describes), or with --view transition the move from today "
            "to the recommendation (or --to OPTION), each function marked where it arrives or "
            "leaves: as text, as an HTML page with its style sheet inline, as an SVG image that "
            "loads nothing, or as Mermaid or Graphviz DOT for your own diagram tools."
        ),
        streams=streams,
    )
    add_profile_arguments(parser)
    add_governance_argument(parser)
    parser.add_argument(
        "--as-is",
        action="store_true",
        help="draw the company as it is today, not the recommendation (--view as-is)",
    )
    parser.add_argument(
        "--view",
        choices=[str(view) for view in View],
        help="what to draw: recommended (the default), as-is, separate or transition",
    )
    parser.add_argument(
        "--to",
        choices=[str(option) for option in Option],
        help="with --view transition: the option to move to (the recommended one)",
    )
    parser.add_argument(
        "--format", choices=tuple(FORMATS), default="text", help="output format (text)"
    )
    parser.set_defaults(run=run)


def run(arguments: argparse.Namespace, streams: Streams) -> int:
    company = load_company(arguments.profile, company=arguments.company)
    governance = Governance(arguments.governance) if arguments.governance else None
    if arguments.as_is and arguments.view not in (None, View.AS_IS):
        raise InputError(
            Text("--as-is draws the as-is view, not {view}", view=arguments.view), field="--as-is"
        )
    view = View.AS_IS if arguments.as_is else View(arguments.view or View.RECOMMENDED)
    if arguments.to and view is not View.TRANSITION:
        raise InputError(Text("--to applies to --view transition"), field="--to")
    to = weighed(company, Option(arguments.to), "--to") if arguments.to else None
    try:
        drawn = chart(company, view, governance, to, language=arguments.language)
    except InputError as error:
        raise error.located(arguments.profile) from None
    if governance is not None and (
        view is View.AS_IS or drawn.plan.scenario is not Scenario.MULTI_REGION
    ):
        note = governance_not_used_in_chart(
            drawn.plan, as_is=view is View.AS_IS, language=arguments.language
        )
        streams.remark(note)
    drawing = FORMATS[arguments.format](drawn)
    if arguments.format == "text":
        streams.show(drawing)
    else:
        streams.data(drawing)
    return 0
