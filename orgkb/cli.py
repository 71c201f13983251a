"""The ``orgkb`` command line: one sub-command a module under :mod:`orgkb.commands`.

Every failure the user can cause — a bad profile, a bad option, an output that cannot take
the result — is an :class:`~orgkb.errors.OrgkbError`, and ends as one line on stderr and exit
status 2; a traceback means a bug in orgkb, never in the input.

Everything it writes for a person is in the reader's language (:mod:`orgkb.text`): the one
``--lang`` asks for, else the one of the environment, where ``LC_ALL``, ``LC_MESSAGES`` and
``LANG`` are looked at in that order and the first that is set decides; a value that starts
with ``zh`` is Chinese, any other English. The help stays English.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Mapping, Sequence
from typing import Any, NoReturn, TextIO

from orgkb import __version__
from orgkb.commands import COMMANDS, Streams
from orgkb.errors import InputError, OrgkbError
from orgkb.render import error_line, invalid_choice, unknown_language, usage_error
from orgkb.text import CHINESE, ENGLISH, is_chinese, written_in

EXIT_BAD_INPUT = 2
LOCALE_VARIABLES = ("LC_ALL", "LC_MESSAGES", "LANG")
"""The environment variables that choose the language without ``--lang``, the first set first."""
LANGUAGE_FLAG = "--lang"
"""The option that chooses the language, before the command or after it."""


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
            message = usage_error(error.message)
            raise InputError(message, field=error.argument_name or "") from None

    def error(self, message: str) -> NoReturn:
        raise InputError(usage_error(message))

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
    _add_language_argument(parser, default=None)
    commands = parser.add_subparsers(
        dest="command", required=True, metavar="COMMAND", parser_class=_Parser
    )
    for command in COMMANDS:
        command.register(commands, streams)
    for subcommand in commands.choices.values():
        # After the command too; left unset there, so as not to undo one given before it.
        _add_language_argument(subcommand, default=argparse.SUPPRESS)
    return parser


def _add_language_argument(parser: argparse.ArgumentParser, default: object) -> None:
    parser.add_argument(
        LANGUAGE_FLAG,
        dest="lang",
        metavar="LANG",
        default=default,
        help="the language of the output, en or zh_CN (default: the environment's, from "
        "LC_ALL, LC_MESSAGES or LANG); the help stays English",
    )


def main(
    argv: Sequence[str] | None = None, stdout: TextIO | None = None, stderr: TextIO | None = None
) -> int:
    """Run the command line with *argv*; return the exit status.

    *stdout* and *stderr* default to the process's, either of which may be closed. The
    language is the one ``--lang`` asks for, else the one of the process's environment.
    """
    streams = Streams(stdout or sys.stdout, stderr or sys.stderr)
    words = list(sys.argv[1:] if argv is None else argv)
    # Known before the arguments are parsed, so that an error in them is in that language too.
    language = language_of(_asked_language(words), os.environ)
    try:
        parsed = _parsed(words, streams)
        if isinstance(parsed, int):  # after --help or --version
            status = parsed
        else:
            language = parsed.language
            status = parsed.run(parsed, streams)
        streams.finish()
    except OrgkbError as error:
        streams.remark(error_line(error, language))
        return EXIT_BAD_INPUT
    return status


def _parsed(argv: Sequence[str], streams: Streams) -> argparse.Namespace | int:
    """The parsed arguments, their ``language`` set; or the exit status after help or version."""
    parser = build_parser(streams)
    try:
        arguments = parser.parse_args(argv)
    except SystemExit as leaving:
        return leaving.code if isinstance(leaving.code, int) else 0
    if arguments.lang is not None and spoken(arguments.lang) is None:
        raise InputError(unknown_language(arguments.lang), field=LANGUAGE_FLAG)
    arguments.language = language_of(arguments.lang, os.environ)
    return arguments


def spoken(code: str) -> str | None:
    """The language orgkb speaks for the language *code*, ``None`` if it speaks none such.

    >>> spoken("zh"), spoken("en_GB.UTF-8"), spoken("C"), spoken("fr")
    ('zh_CN', 'en', 'en', None)
    """
    if is_chinese(code):
        return CHINESE
    if code.lower().startswith("en") or code in ("C", "POSIX") or code.startswith("C."):
        return ENGLISH
    return None


def language_of(asked: str | None, environ: Mapping[str, str]) -> str:
    """The language to write in: *asked* (``--lang``), else the one *environ* names.

    Of :data:`LOCALE_VARIABLES`, the first that is set and not empty decides: Chinese if its
    value starts with ``zh``, English otherwise. An *asked* that orgkb does not speak falls back
    to the environment's, so that the error saying so can be read.

    >>> language_of(None, {"LANG": "zh_CN.UTF-8"}), language_of("en", {"LANG": "zh_CN.UTF-8"})
    ('zh_CN', 'en')
    >>> language_of(None, {"LC_ALL": "C", "LANG": "zh_CN.UTF-8"})
    'en'
    """
    chosen = None if asked is None else spoken(asked)
    if chosen is not None:
        return chosen
    for variable in LOCALE_VARIABLES:
        value = environ.get(variable)
        if value:
            return written_in(value)
    return ENGLISH


def _asked_language(words: Sequence[str]) -> str | None:
    """The code ``--lang`` gives in *words*, read as the parser will read it; None if none."""
    asked = None
    for index, word in enumerate(words):
        if word == "--":
            break
        if word == LANGUAGE_FLAG and index + 1 < len(words):
            asked = words[index + 1]
        elif word.startswith(LANGUAGE_FLAG + "="):
            asked = word.partition("=")[2]
    return asked


def run() -> None:
    """The console script's entry point."""
    try:
        status = main()
    except BrokenPipeError:
        # The reader went away (``orgkb ... | head``); that is not an error of ours.
        status = 0
    except KeyboardInterrupt:
        status = 130
    _drop_unwritten_output(sys.stdout)
    _drop_unwritten_output(sys.stderr)
    sys.exit(status)


def _drop_unwritten_output(stream: TextIO | None) -> None:
    # What a closed pipe or a full disk did not take stays buffered, and Python's last flush
    # at exit would fail on it again, with a message of its own and status 120.
    if stream is None:
        return
    try:
        stream.flush()
    except OSError:
        os.dup2(os.open(os.devnull, os.O_WRONLY), stream.fileno())
