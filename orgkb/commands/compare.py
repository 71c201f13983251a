"""``orgkb compare``: the options the article weighs for a company, figure by figure."""

from __future__ import annotations

import argparse
import textwrap
from collections.abc import Callable
from typing import TYPE_CHECKING

from orgkb.commands import Streams, add_profile_arguments, write_json
from orgkb.compare import Assumptions, Comparison, Outcome, compare
from orgkb.errors import InputError
from orgkb.profile import load_company
from orgkb.values import read_number

if TYPE_CHECKING:
    from orgkb.commands import Subcommands

_WIDTH = 88
"""Where the notes under the table wrap, to fit a terminal and a page's code block."""
_ASSUMPTION_OPTIONS = (
    ("days_per_month", "days a month on which inquiries arrive (30)"),
    ("leads_per_promoter", "inquiries a month per promotion specialist (1500)"),
    ("promotion_minimum", "smallest promotion team (2)"),
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
            "agents, managers, layers, span of control, headcount, labour cost, difference "
            "from the company as it is, and same-city friction."
        ),
        streams=streams,
    )
    add_profile_arguments(parser)
    for name, help_text in _ASSUMPTION_OPTIONS:
        parser.add_argument("--" + name.replace("_", "-"), metavar="N", help=help_text)
    parser.add_argument(
        "--format", choices=("text", "json"), default="text", help="output format (text)"
    )
    parser.set_defaults(run=run)


def run(arguments: argparse.Namespace, streams: Streams) -> int:
    company = load_company(arguments.profile, company=arguments.company)
    overrides: dict[str, float | int] = {}
    for name, _ in _ASSUMPTION_OPTIONS:
        given = getattr(arguments, name)
        if given is not None:
            option = "--" + name.replace("_", "-")
            limits = Assumptions.LIMITS[name]
            number = limits.check(read_number(given, option), option)
            overrides[name] = int(number) if limits.whole else number
    try:
        comparison = compare(company, Assumptions.for_company(company, **overrides))
    except InputError as error:
        # The options are checked above: what is left is the profile's.
        raise error.located(arguments.profile) from None
    if arguments.format == "json":
        write_json(streams, comparison.to_json())
    else:
        streams.out.write(comparison_as_text(comparison) + "\n")
    return 0


def comparison_as_text(comparison: Comparison) -> str:
    """The comparison as a table, one column per option, then the assumptions.

    >>> from orgkb.compare import compare
    >>> from orgkb.model import Branch, Company
    >>> duo = Company("Duo", (Branch("A", "Wuhan", inquiries_per_hour=50),
    ...                       Branch("B", "Wuhan", inquiries_per_hour=50)))
    >>> print(comparison_as_text(compare(duo)))
    Duo: one-region, 2 branches; as is: separate
                              separate*  unified
    customer-service queues           2        1
    agents answering                 10        8
    ...
    same-city friction pairs          1        0
    * as is: the company today (set it with the profile's as_is field)
    ...
    """
    outcomes = comparison.outcomes
    count = comparison.branches
    heading = (
        f"{comparison.company}: {comparison.scenario}, {count} branch{'es' * (count != 1)}; "
        f"as is: {comparison.as_is}"
    )
    headers = [str(o.option) + ("*" if o.option is comparison.as_is else "") for o in outcomes]
    rows: list[tuple[str, list[str]]] = []
    for label, figure in _ROWS:
        rows.append((label, [figure(comparison, outcome) for outcome in outcomes]))
    width = max(len(label) for label, _ in rows)
    columns = [
        max(len(header), *(len(row[1][i]) for row in rows)) for i, header in enumerate(headers)
    ]
    lines = [
        heading,
        " " * width + "".join(f"  {h:>{w}}" for h, w in zip(headers, columns, strict=True)),
    ]
    for label, values in rows:
        cells = "".join(f"  {v:>{w}}" for v, w in zip(values, columns, strict=True))
        lines.append(f"{label:<{width}}{cells}")
    lines.append("* as is: the company today (set it with the profile's as_is field)")
    notes = []
    if not comparison.sized:
        notes.append(
            "Inquiry volumes not given: queues, managers, headcount and cost are not sized. "
            "Give every branch inquiries_per_hour or inquiries_per_month."
        )
    notes.append(f"Assumptions: {comparison.assumptions.describe()}.")
    notes.append("Sales (one department per branch in every option) is not counted.")
    lines.extend(textwrap.fill(note, width=_WIDTH, subsequent_indent="  ") for note in notes)
    return "\n".join(lines)


def _show(value: float | None, *, signed: bool = False, decimals: int = 0) -> str:
    if value is None:
        return "–"
    if signed and value:
        return f"{value:+,.{decimals}f}"
    return f"{value:,.{decimals}f}"


Figure = Callable[[Comparison, Outcome], str]

_ROWS: tuple[tuple[str, Figure], ...] = (
    ("customer-service queues", lambda c, o: _show(o.customer_service_teams)),
    ("agents answering", lambda c, o: _show(o.agents)),
    ("agents rostered", lambda c, o: _show(o.rostered_agents)),
    ("promotion teams", lambda c, o: _show(o.promotion_teams)),
    ("promoters", lambda c, o: _show(o.promoters)),
    ("support and coordination", lambda c, o: _show(o.support_staff)),
    ("managers", lambda c, o: _show(o.managers)),
    ("management layers", lambda c, o: _show(o.management_layers)),
    ("average span of control", lambda c, o: _show(o.average_span_of_control, decimals=2)),
    ("headcount", lambda c, o: _show(o.headcount)),
    ("  change from as is", lambda c, o: _show(c.difference(o.option)["headcount"], signed=True)),
    ("labour cost a month", lambda c, o: _show(o.labour_cost)),
    (
        "  change from as is",
        lambda c, o: _show(c.difference(o.option)["labour_cost"], signed=True),
    ),
    ("same-city friction pairs", lambda c, o: _show(len(o.friction_pairs))),
)
