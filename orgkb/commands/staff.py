"""``orgkb staff``: how many customer-service agents a queue needs, by the Erlang C model."""

from __future__ import annotations

import argparse
from dataclasses import replace
from typing import TYPE_CHECKING

from orgkb.commands import Streams, write_json
from orgkb.errors import InputError
from orgkb.staffing import ARRIVALS_PER_HOUR, ServiceTarget, Staffing, staff
from orgkb.values import Limits, read_number

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
    # Numbers are read here rather than by argparse, whose errors span several lines, and
    # checked one at a time so that the error names the option.
    given: dict[str, float] = {}
    for option, name in _TARGET_OPTIONS:
        given[name] = _number(arguments, option, ServiceTarget.LIMITS[name])
    arrivals = _number(arguments, "--arrivals-per-hour", ARRIVALS_PER_HOUR)
    try:
        staffing = staff(arrivals, ServiceTarget(**given))
    except InputError as error:
        # The load is too large, or the occupancy cap asks for too many agents.
        raise replace(error, field="--" + error.field.replace("_", "-")) from None
    if arguments.format == "json":
        write_json(streams, staffing.to_json())
    else:
        streams.out.write(staffing_as_text(staffing) + "\n")
    return 0


def _attribute(option: str) -> str:
    """The attribute argparse gives *option*: ``--max-occupancy`` is ``max_occupancy``."""
    return option.removeprefix("--").replace("-", "_")


def staffing_as_text(staffing: Staffing) -> str:
    """The staffing as lines of ``label: value`` for a terminal.

    >>> from orgkb.staffing import staff
    >>> print(staffing_as_text(staff(200)))
    load: 10 Erlangs (200 arrivals an hour, 180 s each)
    target: 80% answered within 20 s, handle time 180 s, shrinkage 0%, no occupancy cap
    agents answering: 14
    agents rostered: 14
    service level: 88.84% answered within 20 s
    probability of waiting: 17.41%
    average speed of answer: 7.8 s
    occupancy: 71.43%
    """
    target = staffing.target
    return "\n".join(
        (
            f"load: {staffing.erlangs:.4g} Erlangs "
            f"({staffing.arrivals_per_hour:g} arrivals an hour, {target.handle_time:g} s each)",
            f"target: {target.describe()}",
            f"agents answering: {staffing.agents}",
            f"agents rostered: {staffing.rostered_agents}",
            f"service level: {staffing.service_level:.2%} answered within "
            f"{target.answer_within:g} s",
            f"probability of waiting: {staffing.p_wait:.2%}",
            f"average speed of answer: {staffing.asa_seconds:.1f} s",
            f"occupancy: {staffing.occupancy:.2%}",
        )
    )


def _number(arguments: argparse.Namespace, option: str, limits: Limits) -> float:
    """The number given for *option*, which must keep *limits*."""
    return limits.check(read_number(getattr(arguments, _attribute(option)), option), option)
