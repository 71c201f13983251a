"""``orgkb cite``: a citation of one rule, with the URL of its entry on the rules page."""

from __future__ import annotations

import argparse
import datetime
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
        "--format",
        choices=("text", "bibtex", "gbt7714"),
        default="text",
        help="output format: plain text, BibTeX, or GB/T 7714-2015 (text)",
    )
    parser.add_argument(
        "--cited-on",
        metavar="DATE",
        help="the day you cite the rule on, as YYYY-MM-DD, which GB/T 7714 gives (today)",
    )
    parser.set_defaults(run=run)


def run(arguments: argparse.Namespace, streams: Streams) -> int:
    try:
        cited = rule(arguments.rule_id)
    except UnknownRuleError:
        raise InputError(unknown_rule(arguments.rule_id)) from None
    citation = rule_citation(cited, arguments.base_url)
    if arguments.format == "gbt7714":
        cited_on = _day(arguments.cited_on) if arguments.cited_on else datetime.date.today()
        streams.show(citation.as_gbt7714(cited_on))
    elif arguments.cited_on:
        # Only GB/T 7714 gives the day of citing; a date the output leaves out is refused.
        raise InputError("only --format gbt7714 gives the day cited", field="--cited-on")
    elif arguments.format == "bibtex":
        streams.data(citation.as_bibtex())
    else:
        streams.show(citation.as_text())
    return 0


def _day(text: str) -> datetime.date:
    try:
        return datetime.date.fromisoformat(text)
    except ValueError:
        raise InputError(
            f"expected a date as YYYY-MM-DD, got {text!r}", field="--cited-on"
        ) from None
