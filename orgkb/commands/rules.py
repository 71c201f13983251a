"""``orgkb rules``: every rule the guidance consists of, by id and title."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from orgkb.commands import Streams
from orgkb.render import rules_as_text
from orgkb.rules import RULES

if TYPE_CHECKING:
    from orgkb.commands import Subcommands


def register(commands: Subcommands, streams: Streams) -> None:
    parser = commands.add_parser(
        "rules",
        help="list every rule: its id and title",
        description="List every rule, in the order the article reaches them: id, then title.",
        streams=streams,
    )
    parser.set_defaults(run=run)


def run(arguments: argparse.Namespace, streams: Streams) -> int:
    streams.show(rules_as_text(RULES, arguments.language))
    return 0
