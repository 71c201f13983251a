"""``orgkb allocate``: dispatch a file of inquiry leads to the branches of a company."""

from __future__ import annotations

import argparse
import csv
from typing import TYPE_CHECKING

from orgkb.commands import Streams, add_profile_arguments
from orgkb.dispatch import Dispatcher, summary_lines
from orgkb.leads import MalformedRow, read_leads, read_open_workload
from orgkb.profile import load_company

if TYPE_CHECKING:
    from orgkb.commands import Subcommands

OUTPUT_COLUMNS = ("lead_id", "branch", "reason")
"""The header of the command's CSV output."""


def register(commands: Subcommands, streams: Streams) -> None:
    parser = commands.add_parser(
        "allocate",
        help="dispatch inquiry leads to branches by project and workload",
        description=(
            "Dispatch the inquiry leads of a CSV file (header id,project,city) to the "
            "branches of a company, by project and workload. Writes CSV to standard output: "
            "lead_id,branch,reason, one row per input row, in input order."
        ),
        streams=streams,
    )
    add_profile_arguments(parser)
    parser.add_argument("leads", metavar="LEADS", help="leads: CSV with the header id,project,city")
    parser.add_argument(
        "--seed",
        metavar="N",
        type=int,
        help="break ties between branches in an order shuffled by N, not in profile order",
    )
    parser.add_argument(
        "--open-workload",
        metavar="FILE",
        help="CSV with the header branch,open: the leads each branch still has open",
    )
    parser.add_argument(
        "--summary",
        action="store_true",
        help="after the dispatch, print a table per branch to standard error",
    )
    parser.set_defaults(run=run)


def run(arguments: argparse.Namespace, streams: Streams) -> int:
    company = load_company(arguments.profile, company=arguments.company)
    open_workload = (
        read_open_workload(arguments.open_workload, company) if arguments.open_workload else None
    )
    leads = read_leads(arguments.leads)
    dispatcher = Dispatcher(company, open_workload=open_workload, seed=arguments.seed)
    writer = csv.writer(streams.out, lineterminator="\n")
    writer.writerow(OUTPUT_COLUMNS)
    for lead in leads:
        done = dispatcher.take(lead)
        writer.writerow((done.lead_id, done.branch or "", done.reason))
        if isinstance(lead, MalformedRow):
            streams.err.write(f"orgkb: {arguments.leads}:{lead.line}: {lead.problem}\n")
    if arguments.summary:
        streams.err.write("\n".join(summary_lines(dispatcher)) + "\n")
    return 0
