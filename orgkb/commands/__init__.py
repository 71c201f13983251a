"""The sub-commands of the ``orgkb`` command line, one module each, and how they write.

Each module has ``register(commands, streams)``, which adds its parser and sets ``run`` to a
function that takes the parsed arguments and the :class:`Streams` and returns an exit status.
A command reads its input, calls the library, and hands the result to :mod:`orgkb.render` for
words, in ``arguments.language`` (which :mod:`orgkb.cli` sets), and to :class:`Streams` for
writing; the problems the user can cause it raises as :class:`~orgkb.errors.InputError`,
naming the option (``field="--aht"``) or the file.
"""

from __future__ import annotations

import argparse
import json
import re
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from datetime import date
from types import ModuleType
from typing import TYPE_CHECKING, Any, TextIO

from orgkb.errors import InputError, OrgkbError
from orgkb.plan import Governance
from orgkb.profile import half_character, read_date
from orgkb.render import (
    OUTPUT_CLOSED,
    UNPRINTABLE,
    output_failed,
    output_not_encodable,
    printable,
)
from orgkb.values import Limits

if TYPE_CHECKING:
    Subcommands = argparse._SubParsersAction[argparse.ArgumentParser]

_SURROGATE = re.compile("[\ud800-\udfff]")
# A spreadsheet runs a cell that starts with one of these as a formula (OWASP, "CSV
# Injection"); a cell that starts with the quote that disarms them gets one too, so that
# dropping one leading quote always gives the value back.
_FORMULA_START = ("=", "+", "-", "@", "'")
_CSV_QUOTED = re.compile('[,"\r\n]')
# What makes a cell need more than writing as it is: quoting, or an escape (see printable).
_CSV_CAREFUL = re.compile(f'[,"\n]|{UNPRINTABLE.pattern}')


class Streams:
    """Where a command writes: its results to *out*, its remarks to *err*.

    Commands write only through these methods, which keep each output what its format allows:
    text for a person shows every control character as an escape (see
    :func:`orgkb.render.printable`); JSON, CSV and the other formats for programs stay
    faithful, with lone surrogates, which no encoding writes, replaced by U+FFFD. A stream
    that is ``None`` is closed. When standard output cannot take the result — closed, full,
    or in an encoding without its characters — the write raises an
    :class:`~orgkb.errors.OrgkbError`; a reader that went away raises
    :class:`BrokenPipeError`, which is not the user's mistake.
    """

    def __init__(self, out: TextIO | None, err: TextIO | None) -> None:
        self._out = _Output(out)
        self._err = err

    def show(self, text: str) -> None:
        """Write *text*, for a person to read, and a line break."""
        self._out.write(printable(text) + "\n")

    def data(self, text: str) -> None:
        """Write *text*, in a format for programs (HTML, Mermaid, DOT, BibTeX), and a line break."""
        self._out.write(_valid(text) + "\n")

    def json(self, document: object) -> None:
        """Write *document* as the commands' JSON: indented, Chinese left readable.

        Characters a terminal would act on are written as ``\\u`` escapes, which read back
        the same. A number JSON cannot hold (infinity, NaN) is a bug: :class:`ValueError`.
        """
        text = json.dumps(document, ensure_ascii=False, indent=2, allow_nan=False)
        self._out.write(UNPRINTABLE.sub(_json_escape, text) + "\n")

    def csv(self, header: Sequence[str]) -> Callable[[Sequence[str]], None]:
        """Write the CSV *header*; return the function that writes each row after it.

        A value is quoted when it holds a comma, a quote or a line break, carriage return
        included. A cell that a spreadsheet would run as a formula gets a leading ``'``, as
        OWASP advises: ``=1+1`` is written ``'=1+1``, and a cell that starts with ``'`` gets
        another, so that dropping one leading ``'`` gives every value back.
        """

        def write_row(cells: Sequence[str]) -> None:
            # A row of one empty value is quoted, or it would read as a blank line.
            self._out.write((",".join(map(_csv_cell, cells)) or '""') + "\n")

        write_row(header)
        return write_row

    def remark(self, text: str) -> None:
        """Write *text*, for a person, and a line break to *err*, if it can take it.

        Standard error that is closed, full (``2> /dev/full``) or cannot encode the text loses
        the remark and every one after it: there is nowhere left to say so, and the command's
        result and exit status must not suffer for it.
        """
        if self._err is None:
            return
        try:
            self._err.write(printable(text) + "\n")
        except (OSError, UnicodeEncodeError):
            self._err = None

    def finish(self) -> None:
        """Write out what standard output still holds, so that a failure is reported."""
        self._out.flush()


class _Output:
    """Standard output, whose failures become one line for the user instead of a traceback."""

    def __init__(self, stream: TextIO | None) -> None:
        self.stream = stream

    def write(self, text: str) -> None:
        # Not through _reported: a context manager a row costs a dispatch of a million leads
        # about a second.
        stream = self.stream
        if stream is None:
            raise OrgkbError(OUTPUT_CLOSED)
        try:
            stream.write(text)
        except BrokenPipeError:
            raise
        except (UnicodeEncodeError, OSError) as error:
            raise _failure(stream, error) from None

    def flush(self) -> None:
        with self._reported() as stream:
            stream.flush()

    @contextmanager
    def _reported(self) -> Iterator[TextIO]:
        if self.stream is None:
            raise OrgkbError(OUTPUT_CLOSED)
        try:
            yield self.stream
        except BrokenPipeError:
            raise
        except (UnicodeEncodeError, OSError) as error:
            raise _failure(self.stream, error) from None


def _failure(stream: TextIO, error: UnicodeEncodeError | OSError) -> OrgkbError:
    """The error a failed write to standard output becomes."""
    if isinstance(error, UnicodeEncodeError):
        return OrgkbError(output_not_encodable(stream.encoding))
    return OrgkbError(output_failed(error.strerror or str(error)))


def _valid(text: str) -> str:
    return _SURROGATE.sub("\ufffd", text)


def _json_escape(match: re.Match[str]) -> str:
    # Only inside JSON strings can these characters occur, where \u escapes are exact.
    character = match.group()
    return "\ufffd" if _SURROGATE.match(character) else f"\\u{ord(character):04x}"


def _csv_cell(value: str) -> str:
    # Not the csv module's writer: with "\n" ending its rows, it leaves a lone "\r" unquoted.
    if not value.startswith(_FORMULA_START) and not _CSV_CAREFUL.search(value):
        return value  # nothing to escape, disarm or quote: most cells, tested at once
    # A cell is shown in a terminal as often as it is opened in a spreadsheet: a control
    # character or a line break is written as its escape (\x1b), so none reaches either raw.
    value = printable(value, one_line=True)
    if value.startswith(_FORMULA_START):
        value = "'" + value
    if _CSV_QUOTED.search(value):
        return '"' + value.replace('"', '""') + '"'
    return value


def option_name(name: str) -> str:
    """The option that sets the parameter *name*: ``days_per_month`` is ``--days-per-month``."""
    return "--" + name.replace("_", "-")


def add_number_options(parser: argparse.ArgumentParser, options: Sequence[tuple[str, str]]) -> None:
    """An option ``--name N`` for each *name* and its help of *options*: a named parameter."""
    for name, help_text in options:
        parser.add_argument(option_name(name), metavar="N", help=help_text)


def read_number_options(
    arguments: argparse.Namespace,
    options: Sequence[tuple[str, str]],
    limits: Mapping[str, Limits],
) -> dict[str, Any]:
    """The numbers given for *options*, each within the *limits* of its name, a whole number
    as an ``int``; the options left out are not in it."""
    # Any: a float, or an int where the limits are whole, as the constructor's fields are.
    given: dict[str, Any] = {}
    for name, _ in options:
        value = getattr(arguments, name)
        if value is not None:
            number = limits[name].read(value, option_name(name))
            given[name] = int(number) if limits[name].whole else number
    return given


def add_profile_arguments(parser: argparse.ArgumentParser) -> None:
    """The arguments every command that reads a company profile takes."""
    parser.add_argument("profile", metavar="PROFILE", help="company profile: YAML, JSON or CSV")
    parser.add_argument(
        "--company",
        metavar="NAME",
        type=_company_name,
        help="company name (CSV profiles default to the file name)",
    )


def add_as_of_argument(parser: argparse.ArgumentParser) -> None:
    """``--as-of``, for the commands that tell the new branches from the branches' figures."""
    parser.add_argument(
        "--as-of",
        metavar="DATE",
        help=(
            "the date the branches' figures are as of, such as 2025-06-30: for a CSV profile, "
            "which has no place for it; replaces the profile's as_of"
        ),
    )


def read_as_of(arguments: argparse.Namespace) -> date | None:
    """The date ``--as-of`` gives, if any; :class:`~orgkb.errors.InputError` naming it."""
    return read_date_option(arguments.as_of, "--as-of")


def read_date_option(text: str | None, option: str) -> date | None:
    """The date the command-line *option* gives as *text*, if any, read as a profile's dates
    are (:func:`orgkb.profile.read_date`); :class:`~orgkb.errors.InputError` naming *option*.
    """
    if text is None:
        return None
    try:
        return read_date(text)
    except InputError as error:
        raise InputError(error.message, field=option) from None


def _company_name(name: str) -> str:
    """``--company``'s *name*, which, like every name of a profile, must be text.

    An argument that is not UTF-8 comes with half a character (a lone surrogate) for each
    byte that does not decode; refused here, it is refused naming the option, not the profile.
    """
    half = half_character(name)
    if half:
        raise InputError(half, field="--company")
    return name


def add_governance_argument(parser: argparse.ArgumentParser) -> None:
    """``--governance``, for the commands that draw or recommend a plan."""
    parser.add_argument(
        "--governance",
        choices=[str(choice) for choice in Governance],
        help="for several regions: centralized (default) or decentralized",
    )


def _load() -> tuple[ModuleType, ...]:
    # Imported here, not at the top, because each command module imports Streams from us.
    from orgkb.commands import (
        allocate,
        chart,
        cite,
        compare,
        recommend,
        rules,
        staff,
        support,
        tally,
        transition,
    )

    return (recommend, chart, rules, cite, staff, compare, allocate, tally, transition, support)


COMMANDS = _load()
