"""``orgkb transition``: the move from today's organisation to the recommended one, in phases."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, cast

from orgkb.commands import (
    Streams,
    add_as_of_argument,
    add_number_options,
    add_profile_arguments,
    read_as_of,
    read_number_options,
)
from orgkb.compare import Assumptions
from orgkb.errors import InputError
from orgkb.model import Option
from orgkb.plan import weighed
from orgkb.profile import load_company
from orgkb.render import phase_reason, phase_title, transition_as_text
from orgkb.text import Text
from orgkb.transition import MoveCosts, sized, transition

if TYPE_CHECKING:
    from orgkb.commands import Subcommands

_COST_OPTIONS = (
    ("severance_months", "months of pay per year of service a released person gets (1)"),
    ("years_of_service", "years a released person has served (3)"),
    ("recruitment_months", "cost of one hire, in months of the role's pay (1)"),
    ("training_weeks", "weeks on full pay before a hire does the job fully (4)"),
    ("retraining_weeks", "weeks on full pay before a moved person does the new job fully (1)"),
    ("overlap_months", "months old and new run side by side in each phase (1)"),
)
CSV_HEADER = ("phase", "name", "function", "from", "to", "people")
"""The columns of ``orgkb transition --format csv``: one row per step."""


def register(commands: Subcommands, streams: Streams) -> None:
    parser = commands.add_parser(
        "transition",
        help="the move from today's organisation to the recommended one, in phases",
        description=(
            "What changes to reach the organisation the article recommends (or --to OPTION): "
            "which function leaves which unit for which, the people moved, hired and released, "
            "in phases that each leave a working organisation, with the rule each applies; "
            "then the one-time cost, the monthly saving from orgkb compare and the payback. "
            "Today is the profile's today, else its as_is. Beyond the article."
        ),
        streams=streams,
    )
    add_profile_arguments(parser)
    add_as_of_argument(parser)
    parser.add_argument(
        "--to",
        choices=[str(option) for option in Option],
        help="the option to move to (the recommended one)",
    )
    add_number_options(parser, _COST_OPTIONS)
    parser.add_argument(
        "--format", choices=("text", "json", "csv"), default="text", help="output format (text)"
    )
    parser.set_defaults(run=run)


def run(arguments: argparse.Namespace, streams: Streams) -> int:
    company = load_company(
        arguments.profile, company=arguments.company, as_of=read_as_of(arguments)
    )
    given = read_number_options(arguments, _COST_OPTIONS, MoveCosts.LIMITS)
    target = None if arguments.to is None else weighed(company, Option(arguments.to), "--to")
    if not sized(company):
        raise InputError(
            Text(
                "the move counts people: give every branch inquiries_per_hour or "
                "inquiries_per_month"
            ),
            path=arguments.profile,
            field="branches",
        )
    try:
        assumptions = Assumptions.for_company(company)
        move = transition(company, target, assumptions, MoveCosts(**given))
    except InputError as error:
        # The options are checked above: what is left is the profile's.
        raise error.located(arguments.profile) from None
    if arguments.format == "json":
        document = move.to_json()
        described_phases = cast(list[dict[str, object]], document["phases"])
        for phase, described in zip(move.phases, described_phases, strict=True):
            described["title"] = phase_title(phase)
            described["reason"] = phase_reason(move, phase)
        streams.json(document)
    elif arguments.format == "csv":
        write_row = streams.csv(CSV_HEADER)
        for number, phase in enumerate(move.phases, start=1):
            for step in phase.steps:
                write_row(
                    (
                        str(number),
                        str(phase.name),
                        str(step.function),
                        step.source or "",
                        step.target or "",
                        str(step.people),
                    )
                )
    else:
        streams.show(transition_as_text(move, assumptions, arguments.language))
    return 0
