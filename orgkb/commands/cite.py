"""``orgkb cite``: a citation of one rule, with the URL of its entry on the rules page."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from orgkb.citation import PUBLISHED_URL, rule_citation
from orgkb.commands import Streams
from orgkb.errors import InputError
from orgkb.render import unknown_rule
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
    except UnknownRuleError:
        raise InputError(unknown_rule(arguments.rule_id)) from None
    citation = rule_citation(cited, arguments.base_url)
    if arguments.format == "bibtex":
        streams.data(citation.as_bibtex())
    else:
        streams.show(citation.as_text())
    return 0
