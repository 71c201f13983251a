"""The sub-commands of the ``orgkb`` command line, one module each.

Each module has ``register(commands, streams)``, which adds its parser and sets ``run`` to a
function that takes the parsed arguments and the :class:`Streams` and returns an exit status.
"""

from __future__ import annotations

import argparse
import json
from dataclasses import dataclass
from types import ModuleType
from typing import TYPE_CHECKING, TextIO

from orgkb.plan import Governance


@dataclass(frozen=True)
class Streams:
    """Where a command writes: its results to *out*, its remarks to *err*."""

    out: TextIO
    err: TextIO


class CommandError(Exception):
    """Input the command cannot use, other than a profile (which raises ProfileError)."""


if TYPE_CHECKING:
    Subcommands = argparse._SubParsersAction[argparse.ArgumentParser]


def add_profile_arguments(parser: argparse.ArgumentParser) -> None:
    """The arguments every command that reads a company profile takes."""
    parser.add_argument("profile", metavar="PROFILE", help="company profile: YAML, JSON or CSV")
    parser.add_argument(
        "--company", metavar="NAME", help="company name (CSV profiles default to the file name)"
    )


def add_governance_argument(parser: argparse.ArgumentParser) -> None:
    """``--governance``, for the commands that draw or recommend a plan."""
    parser.add_argument(
        "--governance",
        choices=[str(choice) for choice in Governance],
        help="for several regions: centralized (default) or decentralized",
    )


def write_json(streams: Streams, document: object) -> None:
    """Write *document* as the commands' JSON: indented, Chinese left readable."""
    streams.out.write(json.dumps(document, ensure_ascii=False, indent=2) + "\n")


def _load() -> tuple[ModuleType, ...]:
    # Imported here, not at the top, because each command module imports Streams from us.
    from orgkb.commands import allocate, chart, cite, compare, recommend, rules, staff

    return (recommend, chart, rules, cite, staff, compare, allocate)


COMMANDS = _load()
