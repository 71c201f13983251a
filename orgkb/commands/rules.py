"""``orgkb rules``: every rule the guidance consists of, by code, id and title."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from orgkb.commands import Streams
from orgkb.render import rules_as_text
from orgkb.rules import RULES

if TYPE_CHECKING:
    from orgkb.commands import Subcommands

FIELDS = ("code", "id", "title", "title_zh")
"""The fields of a rule in the JSON and CSV output, in order; later versions only add to them.

What programs read is the same in every language: the English title and the Chinese one."""


def register(commands: Subcommands, streams: Streams) -> None:
    parser = commands.add_parser(
        "rules",
        help="list every rule: its code, id and title",
        description=(
            "List every rule, in the order the article reaches them: code, id, then title."
        ),
        streams=streams,
    )
    parser.add_argument(
        "--format", choices=("text", "json", "csv"), default="text", help="output format (text)"
    )
    parser.set_defaults(run=run)


def run(arguments: argparse.Namespace, streams: Streams) -> int:
    if arguments.format == "text":
        streams.show(rules_as_text(RULES, arguments.language))
        return 0
    rows = [(known.code, known.id, known.title, known.zh.title) for known in RULES]
    if arguments.format == "json":
        streams.json([dict(zip(FIELDS, row, strict=True)) for row in rows])
    else:
        write_row = streams.csv(FIELDS)
        for row in rows:
            write_row(row)
    return 0
