"""``orgkb recommend``: the organisation the article recommends for a company."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from orgkb.commands import Streams, add_governance_argument, add_profile_arguments
from orgkb.plan import Governance, Scenario, recommend
from orgkb.profile import load_company
from orgkb.render import governance_not_used, plan_as_text

if TYPE_CHECKING:
    from orgkb.commands import Subcommands


def register(commands: Subcommands, streams: Streams) -> None:
    parser = commands.add_parser(
        "recommend",
        help="recommend an organisation for a company profile",
        description="Recommend an organisation for the company a profile describes.",
        streams=streams,
    )
    add_profile_arguments(parser)
    add_governance_argument(parser)
    parser.add_argument(
        "--format", choices=("text", "json"), default="text", help="output format (text)"
    )
    parser.set_defaults(run=run)


def run(arguments: argparse.Namespace, streams: Streams) -> int:
    company = load_company(arguments.profile, company=arguments.company)
    governance = Governance(arguments.governance) if arguments.governance else None
    plan = recommend(company, governance)
    if governance is not None and plan.scenario is not Scenario.MULTI_REGION:
        streams.remark(governance_not_used(plan, arguments.language))
    if arguments.format == "json":
        streams.json(plan.to_json())
    else:
        streams.show(plan_as_text(plan, arguments.language))
    return 0
