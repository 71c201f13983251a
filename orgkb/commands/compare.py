"""``orgkb compare``: the options the article weighs for a company, figure by figure."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from orgkb.commands import Streams, add_profile_arguments
from orgkb.compare import Assumptions, CompareError, compare
from orgkb.errors import InputError
from orgkb.profile import load_company
from orgkb.render import comparison_as_text
from orgkb.staffing import StaffingError
from orgkb.values import Limits

if TYPE_CHECKING:
    from orgkb.commands import Subcommands

_NUMBER = Limits()
_WHOLE = Limits(whole=True)
_ASSUMPTION_OPTIONS = (
    ("days_per_month", _NUMBER, "days a month on which inquiries arrive (30)"),
    ("leads_per_promoter", _NUMBER, "inquiries a month per promotion specialist (1500)"),
    ("promotion_minimum", _WHOLE, "smallest promotion team (2)"),
    ("support_team", _WHOLE, "people in the group's support unit (2)"),
    ("coordination_team", _WHOLE, "people in the group's coordination team, decentralized (2)"),
)


def register(commands: Subcommands, streams: Streams) -> None:
    parser = commands.add_parser(
        "compare",
        help="compare the options the article weighs for a company profile",
        description=(
            "For each option the article weighs — separate or unified promotion and customer "
            "service; decentralized or centralized with several regions — the customer-service "
            "agents, managers, layers, span of control, headcount, labour cost, difference "
            "from the company as it is, and same-city friction."
        ),
        streams=streams,
    )
    add_profile_arguments(parser)
    for name, _, help_text in _ASSUMPTION_OPTIONS:
        parser.add_argument(_option(name), metavar="N", help=help_text)
    parser.add_argument(
        "--format", choices=("text", "json"), default="text", help="output format (text)"
    )
    parser.set_defaults(run=run)


def run(arguments: argparse.Namespace, streams: Streams) -> int:
    company = load_company(arguments.profile, company=arguments.company)
    overrides: dict[str, float | int] = {}
    for name, limits, _ in _ASSUMPTION_OPTIONS:
        given = getattr(arguments, name)
        if given is not None:
            number = limits.read(given, _option(name))
            overrides[name] = int(number) if limits.whole else number
    try:
        assumptions = Assumptions.for_company(company, **overrides)
    except CompareError as error:
        raise InputError(error.message, field=_option(error.field)) from None
    try:
        comparison = compare(company, assumptions)
    except (CompareError, StaffingError) as error:
        raise InputError(str(error), path=arguments.profile) from None
    if arguments.format == "json":
        streams.json(comparison.to_json())
    else:
        streams.show(comparison_as_text(comparison))
    return 0


def _option(name: str) -> str:
    """The option that sets the assumption *name*: ``days_per_month`` is ``--days-per-month``."""
    return "--" + name.replace("_", "-")
