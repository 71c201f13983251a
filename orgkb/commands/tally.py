"""``orgkb tally``: the score of competing groups from a dispatch and the deals it brought."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from orgkb.commands import Streams, add_profile_arguments
from orgkb.groups import (
    CONFIDENCE,
    NO_GROUP,
    GroupTally,
    Within,
    compare_within,
    load_groups,
    read_assignments,
    read_deals,
    tally,
    wilson,
)
from orgkb.leads import read_leads
from orgkb.profile import load_company
from orgkb.render import tally_lines, within_lines

if TYPE_CHECKING:
    from orgkb.commands import Subcommands


def register(commands: Subcommands, streams: Streams) -> None:
    parser = commands.add_parser(
        "tally",
        help="score competing groups: leads, deals and conversion, within each project",
        description=(
            "Tally the leads of a dispatch (the CSV orgkb allocate writes) per competing "
            "group: leads, assigned, deals and conversion with a confidence interval, then "
            "the groups compared within each project (or branch) they share, and each group's "
            "conversion adjusted to the same mix of leads."
        ),
        streams=streams,
    )
    add_profile_arguments(parser)
    parser.add_argument(
        "assignments",
        metavar="ASSIGNMENTS",
        help="CSV with lead_id and branch, as orgkb allocate writes it (and project)",
    )
    parser.add_argument(
        "--groups",
        metavar="FILE",
        required=True,
        help="YAML or JSON: groups, each with a name and its projects or branches",
    )
    parser.add_argument(
        "--deals", metavar="FILE", help="CSV with the header lead_id: the leads that became deals"
    )
    parser.add_argument(
        "--leads",
        metavar="FILE",
        help="the leads file that was dispatched, for the projects ASSIGNMENTS does not give",
    )
    parser.add_argument(
        "--confidence",
        metavar="LEVEL",
        help="confidence of the conversion's interval, above 0 and below 1 (0.95)",
    )
    parser.add_argument(
        "--format", choices=("text", "json", "csv"), default="text", help="output format (text)"
    )
    parser.set_defaults(run=run)


def run(arguments: argparse.Namespace, streams: Streams) -> int:
    confidence = 0.95
    if arguments.confidence is not None:
        confidence = CONFIDENCE.read(arguments.confidence, "--confidence")
    company = load_company(arguments.profile, company=arguments.company)
    groups = load_groups(arguments.groups, company)
    deals = read_deals(arguments.deals) if arguments.deals else set()
    leads = read_leads(arguments.leads) if arguments.leads else None
    assignments = read_assignments(arguments.assignments, company, leads)
    tallies = tally(groups, assignments, deals)
    within = compare_within(groups, tallies)
    if arguments.format == "json":
        streams.json(_document(tallies, within, confidence))
    elif arguments.format == "csv":
        _write_csv(tallies, within, confidence, streams)
    else:
        streams.show(
            "\n".join(
                [
                    *tally_lines(tallies, arguments.language, confidence=confidence),
                    "",
                    *within_lines(within, arguments.language),
                ]
            )
        )
    return 0


def _document(tallies: list[GroupTally], within: Within, confidence: float) -> dict[str, object]:
    def group(row: GroupTally) -> dict[str, object]:
        interval = row.interval(confidence)
        return {
            "group": row.group,
            "leads": row.leads,
            "assigned": row.assigned,
            "not_assigned": row.unassigned,
            "deals": row.deals,
            "conversion": row.conversion,
            "interval": None if interval is None else list(interval),
            "adjusted_conversion": within.adjusted.get(row.group),
        }

    return {
        "confidence": confidence,
        "groups": [group(row) for row in tallies],
        "within": {
            "by": within.by,
            "strata": [
                {
                    "name": name,
                    "groups": {
                        group_name: {
                            "assigned": assigned,
                            "deals": deals,
                            "conversion": deals / assigned,
                        }
                        for group_name, (assigned, deals) in by_group.items()
                    },
                }
                for name, by_group in within.strata.items()
            ],
            "common": list(within.common),
        },
    }


def _write_csv(
    tallies: list[GroupTally], within: Within, confidence: float, streams: Streams
) -> None:
    """One row per group, then one per group and project (or branch) it has leads in."""
    write_row = streams.csv(
        (
            "group",
            within.by,
            "leads",
            "assigned",
            "not_assigned",
            "deals",
            "conversion",
            "conversion_low",
            "conversion_high",
            "adjusted_conversion",
        )
    )
    for row in tallies:
        adjusted = within.adjusted.get(row.group) if row.group != NO_GROUP else None
        write_row(
            (
                row.group,
                "",
                str(row.leads),
                str(row.assigned),
                str(row.unassigned),
                str(row.deals),
                *_rate_cells(row.deals, row.assigned, confidence),
                _number(adjusted),
            )
        )
    for name, by_group in within.strata.items():
        for group_name, (assigned, deals) in by_group.items():
            write_row(
                (
                    group_name,
                    name,
                    "",
                    str(assigned),
                    "",
                    str(deals),
                    *_rate_cells(deals, assigned, confidence),
                    "",
                )
            )


def _rate_cells(deals: int, assigned: int, confidence: float) -> tuple[str, str, str]:
    if not assigned:
        return "", "", ""
    low, high = wilson(deals, assigned, confidence) or (0.0, 0.0)
    return _number(deals / assigned), _number(low), _number(high)


def _number(value: float | None) -> str:
    return "" if value is None else f"{value:.4f}"
