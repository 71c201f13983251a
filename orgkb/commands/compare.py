"""``orgkb compare``: the options the article weighs for a company, figure by figure."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from orgkb.commands import (
    Streams,
    add_as_of_argument,
    add_number_options,
    add_profile_arguments,
    read_as_of,
    read_number_options,
)
from orgkb.compare import Assumptions, compare
from orgkb.errors import InputError
from orgkb.profile import load_company
from orgkb.render import comparison_as_text

if TYPE_CHECKING:
    from orgkb.commands import Subcommands

_ASSUMPTION_OPTIONS = (
    ("days_per_month", "days a month on which inquiries arrive (30)"),
    ("leads_per_promoter", "inquiries a month per promotion specialist (1500)"),
    ("promotion_minimum", "smallest promotion team (2)"),
    ("promotion_overhead", "people every promotion team needs for its accounts and campaigns (1)"),
    ("open_hours_per_day", "hours a day customer service is open (12)"),
    ("open_days_per_week", "days a week customer service is open (7)"),
    ("work_hours_per_week", "hours one person works a week (40)"),
    ("support_team", "people in the group's support unit (2)"),
    ("coordination_team", "people in the group's coordination team, decentralized (2)"),
)


def register(commands: Subcommands, streams: Streams) -> None:
    parser = commands.add_parser(
        "compare",
        help="compare the options the article weighs for a company profile",
        description=(
            "For each option the article weighs — separate or unified promotion and customer "
            "service; decentralized or centralized with several regions — the customer-service "
            "agents and seats of the busy hour and the people on the payroll, promoters, "
            "managers, layers, span of control, headcount, labour cost, difference from the "
            "company as it is, and same-city friction."
        ),
        streams=streams,
    )
    add_profile_arguments(parser)
    add_as_of_argument(parser)
    add_number_options(parser, _ASSUMPTION_OPTIONS)
    parser.add_argument(
        "--format", choices=("text", "json"), default="text", help="output format (text)"
    )
    parser.set_defaults(run=run)


def run(arguments: argparse.Namespace, streams: Streams) -> int:
    company = load_company(
        arguments.profile, company=arguments.company, as_of=read_as_of(arguments)
    )
    overrides = read_number_options(arguments, _ASSUMPTION_OPTIONS, Assumptions.LIMITS)
    try:
        comparison = compare(company, Assumptions.for_company(company, **overrides))
    except InputError as error:
        # The options are checked above: what is left is the profile's.
        raise error.located(arguments.profile) from None
    if arguments.format == "json":
        streams.json(comparison.to_json())
    else:
        streams.show(comparison_as_text(comparison, arguments.language))
    return 0
