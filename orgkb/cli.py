"""The ``orgkb`` command line: one sub-command a module under :mod:`orgkb.commands`.

Every failure the user can cause — a bad profile, a bad option, an output that cannot take
the result — is an :class:`~orgkb.errors.OrgkbError`, and ends as one line on stderr and exit
status 2; a traceback means a bug in orgkb, never in the input.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from typing import Any, NoReturn, TextIO

from orgkb import __version__
from orgkb.commands import COMMANDS, Streams
from orgkb.errors import InputError, OrgkbError
from orgkb.render import error_line, invalid_choice

EXIT_BAD_INPUT = 2


class _Parser(argparse.ArgumentParser):
    """An argument parser that writes to the streams it is given and raises its errors.

    Help and version go to *streams*; a usage error is an :class:`~orgkb.errors.InputError`
    naming the option, so that it ends in one line like any other, not in the usage and an
    error on two.
    """

    def __init__(self, *args: Any, streams: Streams, **kwargs: Any) -> None:
        kwargs["exit_on_error"] = False
        super().__init__(*args, **kwargs)
        self.streams = streams

    def parse_known_args(self, *args: Any, **kwargs: Any) -> Any:
        try:
            return super().parse_known_args(*args, **kwargs)
        except argparse.ArgumentError as error:
            raise InputError(error.message, field=error.argument_name or "") from None

    def error(self, message: str) -> NoReturn:
        raise InputError(message)

    def _check_value(self, action: argparse.Action, value: Any) -> None:
        if action.choices is not None and value not in action.choices:
            raise argparse.ArgumentError(action, invalid_choice(value, action.choices))

    def _print_message(self, message: str, file: object = None) -> None:
        if message:
            self.streams.show(message.removesuffix("\n"))


def build_parser(streams: Streams) -> argparse.ArgumentParser:
    """The parser for every sub-command, writing help to *streams*."""
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
    """Run the command line with *argv*; return the exit status.

    *stdout* and *stderr* default to the process's, either of which may be closed.
    """
    streams = Streams(stdout or sys.stdout, stderr or sys.stderr)
    try:
        status = _run(argv, streams)
        streams.finish()
    except OrgkbError as error:
        streams.remark(error_line(error))
        return EXIT_BAD_INPUT
    return status


def _run(argv: Sequence[str] | None, streams: Streams) -> int:
    parser = build_parser(streams)
    try:
        arguments = parser.parse_args(argv)
    except SystemExit as leaving:  # after --help or --version
        return leaving.code if isinstance(leaving.code, int) else 0
    status: int = arguments.run(arguments, streams)
    return status


def run() -> None:
    """The console script's entry point."""
    try:
        status = main()
    except BrokenPipeError:
        # The reader went away (``orgkb ... | head``); that is not an error of ours.
        status = 0
    except KeyboardInterrupt:
        status = 130
    _drop_unwritten_output()
    sys.exit(status)


def _drop_unwritten_output() -> None:
    # What a closed pipe or a full disk did not take stays buffered, and Python's last flush
    # at exit would fail on it again, with a message of its own and status 120.
    if sys.stdout is None:
        return
    try:
        sys.stdout.flush()
    except OSError:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
