"""``orgkb recommend``: the organisation the article recommends for a company."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from orgkb.commands import (
    Streams,
    add_as_of_argument,
    add_governance_argument,
    add_profile_arguments,
    read_as_of,
)
from orgkb.errors import InputError
from orgkb.model import Function, Level
from orgkb.plan import Governance, Scenario, recommend
from orgkb.profile import load_company
from orgkb.render import governance_not_used, plan_as_text, support_unit_line
from orgkb.support import assess, has_figures

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
    add_as_of_argument(parser)
    add_governance_argument(parser)
    parser.add_argument(
        "--format", choices=("text", "json"), default="text", help="output format (text)"
    )
    parser.set_defaults(run=run)


def run(arguments: argparse.Namespace, streams: Streams) -> int:
    company = load_company(
        arguments.profile, company=arguments.company, as_of=read_as_of(arguments)
    )
    governance = Governance(arguments.governance) if arguments.governance else None
    plan = recommend(company, governance)
    if governance is not None and plan.scenario is not Scenario.MULTI_REGION:
        streams.remark(governance_not_used(plan, arguments.language))
    support = None
    if has_figures(company) and Function.SUPPORT in plan.functions_at(Level.GROUP):
        # The branches' figures size the support unit the plan sets up (beyond the article).
        try:
            support = assess(company)
        except InputError as error:
            raise error.located(arguments.profile) from None
    if arguments.format == "json":
        document = plan.to_json()
        if support is not None:
            document["support_staff"] = support.support_staff
            document["support_needed"] = support.needing
        streams.json(document)
    else:
        text = plan_as_text(plan, arguments.language)
        streams.show(
            text
            if support is None
            else f"{text}\n\n{support_unit_line(support, arguments.language)}"
        )
    return 0
