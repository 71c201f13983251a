"""``orgkb support``: the branches that need the group's support unit, and its size."""

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
from orgkb.errors import InputError
from orgkb.profile import load_company
from orgkb.render import support_as_text
from orgkb.support import Criteria, assess

if TYPE_CHECKING:
    from orgkb.commands import Subcommands

_CRITERIA_OPTIONS = (
    ("new_months", "a branch is new for this many full months after it opens (12)"),
    ("confidence", "how sure the test must be that a branch lags its pool (0.95)"),
    ("branches_per_person", "branches one support person takes (3)"),
)


def register(commands: Subcommands, streams: Streams) -> None:
    parser = commands.add_parser(
        "support",
        help="the branches that need the support unit: new, or lagging their pool",
        description=(
            "Each branch's status with the figures behind it: new (opened less than "
            "--new-months before the profile's as_of), lagging (converting leads below the rest "
            "of its dispatch pool by a one-sided Fisher exact test at --confidence) or too few "
            "leads to tell; then the support unit's size, one person for every "
            "--branches-per-person branches that need it. Beyond the article."
        ),
        streams=streams,
    )
    add_profile_arguments(parser)
    add_as_of_argument(parser)
    add_number_options(parser, _CRITERIA_OPTIONS)
    parser.add_argument(
        "--format", choices=("text", "json"), default="text", help="output format (text)"
    )
    parser.set_defaults(run=run)


def run(arguments: argparse.Namespace, streams: Streams) -> int:
    company = load_company(
        arguments.profile, company=arguments.company, as_of=read_as_of(arguments)
    )
    given = read_number_options(arguments, _CRITERIA_OPTIONS, Criteria.LIMITS)
    try:
        support = assess(company, Criteria(**given))
    except InputError as error:
        raise error.located(arguments.profile) from None
    if arguments.format == "json":
        streams.json(support.to_json())
    else:
        streams.show(support_as_text(support, arguments.language))
    return 0
