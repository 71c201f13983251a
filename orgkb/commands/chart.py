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
    chart_as_text,
)
from orgkb.commands import Streams, add_governance_argument, add_profile_arguments
from orgkb.errors import InputError
from orgkb.plan import Governance, Scenario
from orgkb.profile import load_company
from orgkb.render import governance_not_used_in_chart

if TYPE_CHECKING:
    from orgkb.commands import Subcommands

FORMATS = {
    "text": chart_as_text,
    "html": chart_as_html_page,
    "mermaid": chart_as_mermaid,
    "dot": chart_as_dot,
}
"""How the chart is drawn in each format; all but ``text`` are for programs."""


def register(commands: Subcommands, streams: Streams) -> None:
    parser = commands.add_parser(
        "chart",
        help="draw the org chart of a company profile",
        description=(
            "Draw the org chart the article recommends for a company, or with --as-is the "
            "company as it is today (the option its profile's as_is names, else only the "
            "structure the profile describes): as text, as an HTML page with its style sheet "
            "inline, or as Mermaid or Graphviz DOT for your own diagram tools."
        ),
        streams=streams,
    )
    add_profile_arguments(parser)
    add_governance_argument(parser)
    parser.add_argument(
        "--as-is",
        action="store_true",
        help="draw the company as it is today, not the recommendation",
    )
    parser.add_argument(
        "--format", choices=tuple(FORMATS), default="text", help="output format (text)"
    )
    parser.set_defaults(run=run)


def run(arguments: argparse.Namespace, streams: Streams) -> int:
    company = load_company(arguments.profile, company=arguments.company)
    governance = Governance(arguments.governance) if arguments.governance else None
    view = View.AS_IS if arguments.as_is else View.RECOMMENDED
    try:
        drawn = chart(company, view, governance)
    except InputError as error:
        raise error.located(arguments.profile) from None
    if governance is not None and (
        view is View.AS_IS or drawn.plan.scenario is not Scenario.MULTI_REGION
    ):
        streams.remark(governance_not_used_in_chart(drawn.plan, as_is=view is View.AS_IS))
    drawing = FORMATS[arguments.format](drawn)
    if arguments.format == "text":
        streams.show(drawing)
    else:
        streams.data(drawing)
    return 0
