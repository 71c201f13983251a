"""``orgkb cite``: a citation of one rule, named by its id or its code, with the URL of its
entry on the rules page."""

from __future__ import annotations

import argparse
import datetime
from typing import TYPE_CHECKING

from orgkb.citation import PUBLISHED_URL, rule_citation
from orgkb.commands import Streams
from orgkb.errors import InputError
from orgkb.reading import quoted
from orgkb.render import unknown_rule
from orgkb.rules import UnknownRuleError, rule
from orgkb.text import Text

if TYPE_CHECKING:
    from orgkb.commands import Subcommands


def register(commands: Subcommands, streams: Streams) -> None:
    parser = commands.add_parser(
        "cite",
        help="print a citation of a rule, with its URL",
        description=(
            "Print a citation of a rule, with the URL of its entry on the rules page, of the "
            "edition in the language of the output (--lang): English, or the Chinese edition."
        ),
        streams=streams,
    )
    parser.add_argument(
        "rule_name",
        metavar="RULE",
        help="a rule's id or code, as `orgkb rules` lists them; a code in either case (R3, r3)",
    )
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
        cited = rule(arguments.rule_name)
    except UnknownRuleError:
        raise InputError(unknown_rule(arguments.rule_name)) from None
    citation = rule_citation(cited, arguments.base_url, language=arguments.language)
    if arguments.format == "gbt7714":
        cited_on = _day(arguments.cited_on) if arguments.cited_on else datetime.date.today()
        streams.show(citation.as_gbt7714(cited_on))
    elif arguments.cited_on:
        # Only GB/T 7714 gives the day of citing; a date the output leaves out is refused.
        raise InputError(Text("only --format gbt7714 gives the day cited"), field="--cited-on")
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
            Text("expected a date as YYYY-MM-DD, got {text}", text=quoted(text)), field="--cited-on"
        ) from None
