"""The ``orgkb`` command line: one sub-command a module under :mod:`orgkb.commands`.

Every failure the user can cause — a bad profile, a bad option — ends as one line on stderr
and exit status 2; a traceback means a bug in orgkb, never in the input.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from typing import TextIO

from orgkb import __version__
from orgkb.commands import COMMANDS, CommandError, Streams
from orgkb.errors import OrgkbError
from orgkb.profile import ProfileError

EXIT_BAD_INPUT = 2


class _Parser(argparse.ArgumentParser):
    """An argument parser that reports to the streams it is given, not to the process's."""

    def __init__(self, *args: object, streams: Streams, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.streams = streams

    def _print_message(self, message: str, file: object = None) -> None:
        if message:
            target = self.streams.err if file is sys.stderr else self.streams.out
            target.write(message)


def build_parser(streams: Streams) -> argparse.ArgumentParser:
    """The parser for every sub-command, writing help and errors to *streams*."""
    parser = _Parser(
        prog="orgkb",
        description="Organise an online-marketing system: promotion, customer service, sales.",
        streams=streams,
    )
    parser.add_argument("--version", action="version", version=f"orgkb {__version__}")
    commands = parser.add_subparsers(
        dest="command", required=True, metavar="COMMAND", parser_class=_Parser
    )
    for command in COMMANDS:
        command.register(commands, streams)
    return parser


def main(
    argv: Sequence[str] | None = None, stdout: TextIO | None = None, stderr: TextIO | None = None
) -> int:
    """Run the command line with *argv*; return the exit status."""
    streams = Streams(stdout or sys.stdout, stderr or sys.stderr)
    parser = build_parser(streams)
    try:
        arguments = parser.parse_args(argv)
        status: int = arguments.run(arguments, streams)
    except SystemExit as leaving:
        return leaving.code if isinstance(leaving.code, int) else EXIT_BAD_INPUT
    except (OrgkbError, ProfileError, CommandError) as error:
        streams.err.write(f"orgkb: {error}\n")
        return EXIT_BAD_INPUT
    return status


def run() -> None:
    """The console script's entry point."""
    try:
        sys.exit(main())
    except BrokenPipeError:
        # The reader went away (``orgkb ... | head``); that is not an error of ours.
        sys.stderr.close()
        sys.exit(0)
    except KeyboardInterrupt:
        sys.exit(130)
