"""``orgkb recommend``: the organisation the article recommends for a company."""

from __future__ import annotations

import argparse
import json
from typing import TYPE_CHECKING

from orgkb.commands import Streams
from orgkb.plan import Governance, Scenario, recommend
from orgkb.profile import load_company
from orgkb.render import plan_as_text

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
    parser.add_argument(
        "--format", choices=("text", "json"), default="text", help="output format (text)"
    )
    parser.set_defaults(run=run)


def add_profile_arguments(parser: argparse.ArgumentParser) -> None:
    """The arguments every command that reads a profile takes."""
    parser.add_argument("profile", metavar="PROFILE", help="company profile: YAML, JSON or CSV")
    parser.add_argument(
        "--company", metavar="NAME", help="company name (CSV profiles default to the file name)"
    )
    parser.add_argument(
        "--governance",
        choices=[str(choice) for choice in Governance],
        help="for several regions: centralized (default) or decentralized",
    )


def run(arguments: argparse.Namespace, streams: Streams) -> int:
    company = load_company(arguments.profile, company=arguments.company)
    governance = Governance(arguments.governance) if arguments.governance else None
    plan = recommend(company, governance)
    if governance is not None and plan.scenario is not Scenario.MULTI_REGION:
        streams.err.write(
            f"orgkb: note: --governance applies to several regions; "
            f"{plan.company} is {plan.scenario}, so it was not used\n"
        )
    if arguments.format == "json":
        streams.out.write(json.dumps(plan.to_json(), ensure_ascii=False, indent=2) + "\n")
    else:
        streams.out.write(plan_as_text(plan) + "\n")
    return 0
