"""``orgkb cite``: a citation of one rule, with the URL of its entry on the rules page."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from orgkb.citation import PUBLISHED_URL, rule_citation
from orgkb.commands import CommandError, Streams
from orgkb.rules import UnknownRuleError, rule

if TYPE_CHECKING:
    from orgkb.commands import Subcommands


def register(commands: Subcommands, streams: Streams) -> None:
    parser = commands.add_parser(
        "cite",
        help="print a citation of a rule, with its URL",
        description="Print a citation of a rule, with the URL of its entry on the rules page.",
        streams=streams,
    )
    parser.add_argument("rule_id", metavar="RULE_ID", help="a rule id, as `orgkb rules` lists")
    parser.add_argument(
        "--base-url",
        metavar="URL",
        default=PUBLISHED_URL,
        help=f"where the site is published ({PUBLISHED_URL})",
    )
    parser.add_argument(
        "--format", choices=("text", "bibtex"), default="text", help="output format (text)"
    )
    parser.set_defaults(run=run)


def run(arguments: argparse.Namespace, streams: Streams) -> int:
    try:
        cited = rule(arguments.rule_id)
    except UnknownRuleError as error:
        raise CommandError(f"{error}; `orgkb rules` lists them") from None
    citation = rule_citation(cited, arguments.base_url)
    text = citation.as_bibtex() if arguments.format == "bibtex" else citation.as_text()
    streams.out.write(text + "\n")
    return 0
