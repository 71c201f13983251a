"""``orgkb allocate``: dispatch a file of inquiry leads to the branches of a company."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from orgkb.commands import Streams, add_profile_arguments
from orgkb.dispatch import Dispatcher
from orgkb.leads import MalformedRow, read_leads, read_open_workload
from orgkb.profile import load_company
from orgkb.render import dispatch_summary, malformed_row_line
from orgkb.text import in_language
from orgkb.values import Limits

if TYPE_CHECKING:
    from orgkb.commands import Subcommands

OUTPUT_COLUMNS = ("lead_id", "branch", "reason")
"""The header of the command's CSV output."""
_SEED = Limits(whole=True)


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
    seed = None if arguments.seed is None else int(_SEED.read(arguments.seed, "--seed"))
    company = load_company(arguments.profile, company=arguments.company)
    open_workload = (
        read_open_workload(arguments.open_workload, company) if arguments.open_workload else None
    )
    leads = read_leads(arguments.leads)
    dispatcher = Dispatcher(company, open_workload=open_workload, seed=seed)
    language = arguments.language
    write_row = streams.csv(OUTPUT_COLUMNS)
    for lead in leads:
        done = dispatcher.take(lead)
        # The reason's first word is for programs, and stays; the rest is for a person.
        write_row((done.lead_id, done.branch or "", in_language(done.reason, language)))
        if isinstance(lead, MalformedRow):
            streams.remark(malformed_row_line(arguments.leads, lead, language))
    if arguments.summary:
        streams.remark("\n".join(dispatch_summary(dispatcher, language)))
    return 0
