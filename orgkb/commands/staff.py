"""``orgkb staff``: how many customer-service agents a queue needs, by the Erlang C model."""

from __future__ import annotations

import argparse
from dataclasses import replace
from typing import TYPE_CHECKING

from orgkb.commands import Streams, option_name
from orgkb.errors import InputError
from orgkb.render import staffing_as_text
from orgkb.staffing import ARRIVALS_PER_HOUR, ServiceTarget, staff
from orgkb.values import Limits

if TYPE_CHECKING:
    from orgkb.commands import Subcommands


def register(commands: Subcommands, streams: Streams) -> None:
    parser = commands.add_parser(
        "staff",
        help="size a customer-service queue (Erlang C)",
        description=(
            "The fewest agents that answer a queue of inquiries to a service target, and how "
            "the queue then performs. With --shrinkage, the roster adds the agents away from "
            "the queue: rostered = ceil(agents / (1 - shrinkage))."
        ),
        streams=streams,
    )
    parser.add_argument(
        "--arrivals-per-hour",
        required=True,
        metavar="X",
        help="inquiries arriving in the hour being staffed (the busy hour)",
    )
    parser.add_argument("--aht", required=True, metavar="SECONDS", help="average handle time")
    parser.add_argument(
        "--answer-within",
        required=True,
        metavar="SECONDS",
        help="target answer time",
    )
    parser.add_argument(
        "--service-level",
        required=True,
        metavar="FRACTION",
        help="share of inquiries to answer within the target time, e.g. 0.8",
    )
    parser.add_argument(
        "--shrinkage",
        default="0",
        metavar="F",
        help="share of paid time agents are away from the queue (0)",
    )
    parser.add_argument(
        "--max-occupancy",
        default="1",
        metavar="F",
        help="highest share of their time agents may spend handling inquiries (1: no cap)",
    )
    parser.add_argument(
        "--format", choices=("text", "json"), default="text", help="output format (text)"
    )
    parser.set_defaults(run=run)


_TARGET_OPTIONS = (
    ("--aht", "handle_time"),
    ("--answer-within", "answer_within"),
    ("--service-level", "service_level"),
    ("--shrinkage", "shrinkage"),
    ("--max-occupancy", "max_occupancy"),
)


def run(arguments: argparse.Namespace, streams: Streams) -> int:
    # Each number is checked against the target on its own, so that an error names its option.
    given: dict[str, float] = {}
    for option, name in _TARGET_OPTIONS:
        given[name] = _number(arguments, option, ServiceTarget.LIMITS[name])
    arrivals = _number(arguments, "--arrivals-per-hour", ARRIVALS_PER_HOUR)
    try:
        staffing = staff(arrivals, ServiceTarget(**given))
    except InputError as error:
        # The load is too large, or the occupancy cap asks for too many agents.
        raise replace(error, field=option_name(error.field)) from None
    if arguments.format == "json":
        streams.json(staffing.to_json())
    else:
        streams.show(staffing_as_text(staffing, arguments.language))
    return 0


def _attribute(option: str) -> str:
    """The attribute argparse gives *option*: ``--max-occupancy`` is ``max_occupancy``."""
    return option.removeprefix("--").replace("-", "_")


def _number(arguments: argparse.Namespace, option: str, limits: Limits) -> float:
    """The number given for *option*, which must keep *limits*."""
    return limits.read(getattr(arguments, _attribute(option)), option)
