"""``orgkb allocate``: dispatch a file of inquiry leads to the branches of a company."""

from __future__ import annotations

import argparse
import gc
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from typing import TYPE_CHECKING

from orgkb.commands import Streams, add_profile_arguments
from orgkb.dispatch import MAX_REASSIGN, WITHIN, Assignment, Dispatcher, FollowUps, LeadPool
from orgkb.errors import InputError
from orgkb.leads import Lead, MalformedRow, read_follow_ups, read_leads, read_open_workload
from orgkb.profile import load_company
from orgkb.render import dispatch_summary, malformed_row_line, unused_follow_ups
from orgkb.text import Text, in_language
from orgkb.values import Limits

if TYPE_CHECKING:
    from orgkb.commands import Subcommands

OUTPUT_COLUMNS = ("lead_id", "branch", "reason")
"""The header of the command's CSV output."""
REASSIGNED_COLUMN = "reassigned_from"
"""The column the output gains with ``--follow-ups``: the branches a lead was taken from."""
_SEED = Limits(whole=True)


def register(commands: Subcommands, streams: Streams) -> None:
    parser = commands.add_parser(
        "allocate",
        help="dispatch inquiry leads to branches by project and workload",
        description=(
            "Dispatch the inquiry leads of a CSV file (header id,project,city, and received "
            "when branches have daily caps or closed days) to the branches of a company, by "
            "project and workload. Writes CSV to standard output: lead_id,branch,reason, one "
            "row per input row, in input order."
        ),
        streams=streams,
    )
    add_profile_arguments(parser)
    parser.add_argument(
        "leads", metavar="LEADS", help="leads: CSV with the header id,project,city[,received]"
    )
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
        "--follow-ups",
        metavar="FILE",
        help="CSV with the header lead_id,followed_up: when each lead was first followed up",
    )
    parser.add_argument(
        "--within",
        metavar="HOURS",
        help="with --follow-ups: a lead not followed up within HOURS goes to another branch",
    )
    parser.add_argument(
        "--max-reassign",
        metavar="N",
        help="with --follow-ups: take a lead back at most N times (1)",
    )
    parser.add_argument(
        "--summary",
        action="store_true",
        help="after the dispatch, print a table per branch to standard error",
    )
    parser.set_defaults(run=run)


def run(arguments: argparse.Namespace, streams: Streams) -> int:
    with _no_cycle_collection():
        return _allocate(arguments, streams)


@contextmanager
def _no_cycle_collection() -> Iterator[None]:
    # The dispatch makes no reference cycles, so the cyclic collector would only walk the
    # tables of ids and counts as they grow, again and again: a sixth of the time at two
    # million leads, and more the longer the file.
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _allocate(arguments: argparse.Namespace, streams: Streams) -> int:
    seed = None if arguments.seed is None else int(_SEED.read(arguments.seed, "--seed"))
    within, max_reassign = _follow_up_options(arguments)
    company = load_company(arguments.profile, company=arguments.company)
    open_workload = (
        read_open_workload(arguments.open_workload, company) if arguments.open_workload else None
    )
    follow_ups = None
    if arguments.follow_ups is not None and within is not None:
        follow_ups = FollowUps(read_follow_ups(arguments.follow_ups), within, max_reassign)
    restricted = any(branch.daily_cap is not None or branch.closed for branch in company.branches)
    received_for = ""
    if restricted:
        received_for = Text("the daily caps and closed days of the profile")
    elif follow_ups is not None:
        received_for = Text("the follow-up deadlines")
    leads = read_leads(arguments.leads, received_for=received_for)
    language = arguments.language
    if follow_ups is None:
        dispatcher = Dispatcher(company, open_workload=open_workload, seed=seed)
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
    pool = LeadPool(company, follow_ups, open_workload=open_workload, seed=seed)
    write_row = streams.csv((*OUTPUT_COLUMNS, REASSIGNED_COLUMN))
    for lead in _reported(leads, arguments, streams):
        _write(pool.take(lead), write_row, language)
    _write(pool.finish(), write_row, language)
    seen = pool.dispatcher.seen
    unused = sum(1 for lead_id in follow_ups.followed_up if lead_id not in seen)
    if unused:
        streams.remark(unused_follow_ups(unused, arguments.follow_ups, arguments.leads, language))
    if arguments.summary:
        streams.remark("\n".join(dispatch_summary(pool.dispatcher, language, lost=pool.lost)))
    return 0


def _follow_up_options(arguments: argparse.Namespace) -> tuple[float | None, int]:
    """``--within`` and ``--max-reassign``, which go with ``--follow-ups`` and only with it."""
    if arguments.follow_ups is None:
        given = (("--within", arguments.within), ("--max-reassign", arguments.max_reassign))
        for option, value in given:
            if value is not None:
                raise InputError(Text("needs --follow-ups FILE"), field=option)
        return None, 1
    if arguments.within is None:
        raise InputError(Text("needs --within HOURS"), field="--follow-ups")
    within = WITHIN.read(arguments.within, "--within")
    max_reassign = 1
    if arguments.max_reassign is not None:
        max_reassign = int(MAX_REASSIGN.read(arguments.max_reassign, "--max-reassign"))
    return within, max_reassign


def _reported(
    leads: Iterable[Lead | MalformedRow], arguments: argparse.Namespace, streams: Streams
) -> Iterable[Lead | MalformedRow]:
    """*leads*, with a remark on standard error for each malformed row as it is read.

    With follow-ups a row is written only once its lead can no longer move, so the remark
    comes before it, not after it as without them.
    """
    for lead in leads:
        if isinstance(lead, MalformedRow):
            streams.remark(malformed_row_line(arguments.leads, lead, arguments.language))
        yield lead


def _write(
    rows: Sequence[Assignment], write_row: Callable[[Sequence[str]], None], language: str
) -> None:
    for done in rows:
        reason = in_language(done.reason, language)
        write_row((done.lead_id, done.branch or "", reason, ";".join(done.reassigned_from)))
