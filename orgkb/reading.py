"""Open the files a user gives orgkb, decode them as text, and read the tables in them.

Company profiles (:mod:`orgkb.profile`) and lead files (:mod:`orgkb.leads`) are read through
here, so that both accept the same encodings, refuse the same files, check a table's header
the same way and word every problem alike. Every problem is an
:class:`~orgkb.errors.InputError` naming the file.

**Encodings.** A file is text in UTF-8 (with or without a byte-order mark), in GB18030 (what
spreadsheets on Chinese Windows save) or in UTF-16 with a byte-order mark (what Windows editors
call "Unicode"). The encoding is decided on the whole file, in a first pass that reads it in
chunks and keeps none of it: UTF-16 by its mark; otherwise UTF-8 if every byte decodes, else
GB18030 if every byte does, else whichever of the two leaves fewer bytes undecoded. Those
bytes are read as characters no text holds, so that a reader can say where they are: a profile
is refused at the first of them, a lead file reports the rows that hold them. A NUL byte
anywhere makes the file binary (no text in these encodings holds one), and UTF-32 text is
refused by its byte-order mark.

**Tables.** A table is CSV with a header row; its columns are separated by commas, or by tabs
if the header has tabs and no comma. Every physical line starts a row, except blank ones (empty
or spaces only), which are skipped. A quoted value may run over several lines, but a quote that
opens a value which never closes properly — the file ends first, or its closing quote is not
followed by a separator or the end of the line — makes only its own line a bad row: reading goes
on with the next line, so one stray ``"`` cannot swallow the rows after it. A column may have
other names (aliases), such as the Chinese names a Chinese CRM exports: the reader gives the
column its own name, and remembers the one the file wrote, for messages to use.
"""

from __future__ import annotations

import codecs
import csv
import difflib
import io
import re
import shutil
import tempfile
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from itertools import takewhile
from pathlib import Path
from typing import IO, NamedTuple, TextIO

from orgkb.errors import InputError
from orgkb.text import Text, shortened

ENCODINGS = Text("UTF-8, GB18030 or UTF-16")
"""The encodings a file may be in, as messages name them."""
NOT_TEXT = Text("is not text in {encodings}", encodings=ENCODINGS)
"""What is wrong with a file whose bytes do not decode."""
NOT_TEXT_ROW = Text("the row holds bytes that are not text in the file's encoding")
"""What is wrong with a row of a table that holds bytes that do not decode."""
UNCLOSED_QUOTE = Text("malformed CSV: a quoted value starts on this line and never ends")
"""What is wrong with a row whose quoted value does not close."""
NO_ALIASES: Mapping[str, str] = {}
"""The aliases of a table whose columns have none."""
RUNS_PAST_ITS_LINE = Text("malformed CSV: a quoted value runs past the end of its line")
"""What is wrong with a row of a one-line-a-row table whose quoted value holds a line break."""
STRAY_QUOTE = Text("malformed CSV: a quote inside a value that is not quoted")
"""What is wrong with a row of a one-line-a-row table such as ``L1,near the lake",Wuhan``."""
LONGEST_ROW = 1 << 20
"""The most characters one row may have: a quoted value that runs on longer has not closed."""
_FIELD_LIMIT = csv.field_size_limit()

_SEPARATORS = " \t\r\n,;"
_CHUNK = 1 << 16
_SPOOL_IN_MEMORY = 1 << 24
_UNDECODABLE = "orgkb.undecodable"
# Each byte that does not decode is read as the lone surrogate U+DC00 + byte: no decoded text
# holds one, so they mark exactly where the bytes were (surrogateescape cannot mark bytes below
# 0x80, which a broken UTF-16 pair has).
_MARKED = re.compile("[\udc00-\udcff]")


def _mark_undecodable(error: UnicodeError) -> tuple[str, int]:
    if not isinstance(error, UnicodeDecodeError):
        raise error
    marks = "".join(chr(0xDC00 + byte) for byte in error.object[error.start : error.end])
    return marks, error.end


codecs.register_error(_UNDECODABLE, _mark_undecodable)


def open_text(path: str | Path, what: str) -> TextIO:
    """The file at *path* as text, to be read as a stream; *what* the file should be.

    The encoding is decided on the whole file first (see above). Bytes that do not decode in it
    come out as lone surrogates, which :func:`read_table` reports as bad rows. *what* names the
    kind of file in messages: ``is a directory, not {what}``.
    """
    path = Path(path)
    try:
        stream: IO[bytes] = open(path, "rb")  # noqa: SIM115 - closed by the text it becomes
    except OSError as error:
        raise unreadable(path, what, error) from None
    try:
        stream = _rewindable(stream)
        encoding = _encoding(stream, path, what)
        stream.seek(0)
    except OSError as error:
        stream.close()
        raise unreadable(path, what, error) from None
    except BaseException:
        stream.close()
        raise
    return io.TextIOWrapper(stream, encoding=encoding, errors=_UNDECODABLE, newline="")


def read_text(path: str | Path, what: str) -> str:
    """The whole text of the file at *path*, refused if any byte of it does not decode.

    The file is read into memory: a profile's parser needs all of it at once.
    """
    path = Path(path)
    with open_text(path, what) as stream:
        try:
            text = stream.read()
        except OSError as error:
            raise unreadable(path, what, error) from None
    undecodable = _MARKED.search(text)
    if undecodable:
        raise InputError(NOT_TEXT, path=str(path), line=line_at(text, undecodable.start()))
    return text


def unreadable(path: Path, what: str, error: OSError) -> InputError:
    """The error of a file that cannot be opened or read, in the words every reader uses."""
    if isinstance(error, FileNotFoundError):
        message = Text("no such file")
    elif isinstance(error, IsADirectoryError):
        message = Text("is a directory, not {what}", what=what)
    else:
        message = Text("cannot be read: {reason}", reason=error.strerror or str(error))
    return InputError(message, path=str(path))


def line_at(text: str, index: int) -> int:
    """The line of *text* that holds the character at *index*, counting from 1."""
    return text.count("\n", 0, index) + 1


def _rewindable(stream: IO[bytes]) -> IO[bytes]:
    # The encoding is decided in a first pass, so the file is read twice; a pipe, which can be
    # read only once, is first copied to a temporary file (in memory while it is small).
    if stream.seekable():
        return stream
    with stream:
        copy = tempfile.SpooledTemporaryFile(max_size=_SPOOL_IN_MEMORY)  # noqa: SIM115
        shutil.copyfileobj(stream, copy)
    copy.seek(0)
    return copy


def _encoding(stream: IO[bytes], path: Path, what: str) -> str:
    head = stream.read(4)
    if head.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
        raise InputError(
            Text("is UTF-32 text, not {encodings}", encodings=ENCODINGS), path=str(path)
        )
    utf16 = head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE))
    fewest: tuple[int, str] | None = None
    for encoding in ("utf-16",) if utf16 else ("utf-8-sig", "gb18030"):
        stream.seek(0)
        undecodable = _count_undecodable(stream, encoding, path, what, fewest)
        if undecodable == 0:
            return encoding
        if fewest is None or undecodable < fewest[0]:
            fewest = (undecodable, encoding)
    assert fewest is not None
    return fewest[1]


def _count_undecodable(
    stream: IO[bytes], encoding: str, path: Path, what: str, fewest: tuple[int, str] | None
) -> int:
    """The bytes of *stream* that do not decode in *encoding*; the first pass over the file.

    The first pass also finds a binary or an empty file. A later one stops as soon as it can
    no longer leave fewer bytes undecoded than *fewest*.
    """
    decoder = codecs.getincrementaldecoder(encoding)(errors=_UNDECODABLE)
    undecodable = 0
    blank = True
    while True:
        chunk = stream.read(_CHUNK)
        text = decoder.decode(chunk, final=not chunk)
        if "\0" in text:
            raise InputError(Text("is a binary file, not {what}", what=what), path=str(path))
        undecodable += len(_MARKED.findall(text))
        blank = blank and not text.strip()
        if not chunk or (fewest is not None and undecodable >= fewest[0]):
            break
    if blank:
        raise InputError(Text("the file is empty"), path=str(path))
    return undecodable


class Row(NamedTuple):
    """A row of a table: the line it starts on and its value in each column.

    *values* has every column of the header, its cell with surrounding spaces removed, or
    ``""`` where the row ends early. *problem* says why the row cannot be read as a row of the
    table (and *values* is then what could be read of it, if anything); *empty* is true of a
    row with separators and no value, as spreadsheets write below a table. (A named tuple, not
    a frozen dataclass, because it is made for every row of a file of any size: it is made
    several times faster.)
    """

    line: int
    values: dict[str, str]
    problem: str = ""
    empty: bool = False


@dataclass(frozen=True)
class Table:
    """A CSV table whose header has been checked; iterate over it for its :class:`Row` s."""

    line: int
    """The line of the header."""
    columns: dict[str, int]
    """Each column of the header, by its own name, and its position in a row."""
    rows: Iterator[Row]
    """The rows after the header, read as they are asked for."""
    written: dict[str, str]
    """Each column of the header, by its own name, and the name the header gives it: an alias,
    or the column's own name in lower case."""

    def __iter__(self) -> Iterator[Row]:
        return self.rows


def read_table(
    path: str | Path,
    lines: Iterable[str],
    columns: Sequence[str],
    required: Sequence[str],
    aliases: Mapping[str, str] = NO_ALIASES,
    *,
    row_a_line: bool = False,
) -> Table:
    """The table of *lines* (a text stream opened with ``newline=""``), its header checked.

    The header is the first line with a value; its names may be in any order and letter case.
    It may hold only *columns*, each once, and must hold every one of *required*; each
    problem raises an :class:`~orgkb.errors.InputError` naming the header's line. *aliases*
    gives other names of columns, each exactly as a header writes it, with the column it names:
    a column may be named either way, but not both.

    A quoted value may hold a line break; a stray quote spoils only its own line. With
    *row_a_line* every physical line is a row of its own, so that no quote, however placed, can
    join lines into one row: a quoted value that runs past its line makes that line a bad row,
    and the next line is read afresh.

    >>> table = read_table("t.csv", io.StringIO('ID,Project\\nL1,"a\\nb"\\nL2,"c\\nL3,d\\n'),
    ...                    ("id", "project"), ("id",))
    >>> [(row.line, row.values, row.problem) for row in table]  # doctest: +NORMALIZE_WHITESPACE
    [(2, {'id': 'L1', 'project': 'a\\nb'}, ''),
     (4, {'id': 'L2', 'project': ''}, 'malformed CSV: a quoted value starts on this line ...'),
     (5, {'id': 'L3', 'project': 'd'}, '')]
    >>> read_table("t.csv", io.StringIO("id;project\\n"), ("id", "project"), ())
    Traceback (most recent call last):
    ...
    orgkb.errors.InputError: t.csv:1: the columns are separated by ';': save the table ...
    >>> table = read_table("t.csv", io.StringIO("编号,Project\\nL1,a\\n"),
    ...                    ("id", "project"), ("id",), {"编号": "id"})
    >>> [row.values for row in table], table.written
    ([{'id': 'L1', 'project': 'a'}], {'id': '编号', 'project': 'project'})
    """
    where = str(path)
    source = _Lines(lines)
    first = source.first_with_text()
    if first is None:
        raise InputError(Text("the file has no header row"), path=where)
    delimiter = "\t" if "\t" in first and "," not in first else ","
    if ";" in first and "," not in first and "\t" not in first:
        # Some spreadsheets separate columns with ';', which separates a branch's projects.
        raise InputError(
            Text("the columns are separated by ';': save the table with commas or tabs"),
            path=where,
            line=source.line + 1,
        )
    records = _records(source, delimiter, row_a_line)
    for line, header, problem in records:
        if problem:
            raise InputError(problem, path=where, line=line)
        if any(_MARKED.search(cell) for cell in header):
            raise InputError(NOT_TEXT, path=where, line=line)
        if any(cell.strip() for cell in header):
            names = [cell.strip().lower() for cell in header]
            own = [aliases.get(name, name) for name in names]
            _check_header(names, own, columns, required, aliases, where, line)
            positions = {column: index for index, column in enumerate(own)}
            written = dict(zip(own, names, strict=True))
            return Table(line, positions, _rows(records, positions), written)
    raise InputError(Text("the file has no header row"), path=where)


def _check_header(
    names: list[str],
    own: list[str],
    columns: Sequence[str],
    required: Sequence[str],
    aliases: Mapping[str, str],
    path: str,
    line: int,
) -> None:
    # *own* is each of the header's *names* as its column's own name.
    counts = Counter(own)
    for name, column in zip(names, own, strict=True):
        if counts[column] > 1:
            spellings = list(
                dict.fromkeys(n for n, c in zip(names, own, strict=True) if c == column)
            )
            if len(spellings) == 1:
                message = Text("the column {name} appears twice", name=quoted(name))
            else:
                message = Text(
                    "the columns {first} and {second} are both the column {column!r}: keep one",
                    first=quoted(spellings[0]),
                    second=quoted(spellings[1]),
                    column=column,
                )
            raise InputError(message, path=path, line=line)
        if column not in columns:
            message = unknown(name, columns, Text("column"), aliases=tuple(aliases))
            raise InputError(message, path=path, line=line)
    # A header written with aliases is told of a missing column by its alias.
    written = {column: alias for alias, column in aliases.items()} if names != own else {}
    for name in required:
        if name not in counts:
            raise InputError(
                Text(
                    "the header has no {name!r} column (expected {expected})",
                    name=written.get(name, name),
                    expected=",".join(written.get(column, column) for column in required),
                ),
                path=path,
                line=line,
            )


class _Record(NamedTuple):
    """A row as the csv module reads it: its cells, or the problem with it."""

    line: int
    cells: list[str]
    """The cells; of a row with a problem, those that come before it on its first line."""
    problem: str = ""


class _RowTooLongError(Exception):
    """A row has run on past :data:`LONGEST_ROW` characters."""


class _Lines:
    """The physical lines of a text, handed to the csv module one at a time.

    It keeps the lines of the row being read, so that after a bad row all of them but the
    first can be read again: that is how the reader resynchronises.
    """

    def __init__(self, lines: Iterable[str]) -> None:
        self._source = iter(lines)
        self._again: list[str] = []  # lines to read again, the next one last
        self.row: list[str] = []
        self._row_size = 0
        self.ended = False
        self.line = 0
        """The number of the last line handed out."""

    def __iter__(self) -> _Lines:
        return self

    def __next__(self) -> str:
        if self._row_size > LONGEST_ROW:
            raise _RowTooLongError
        if self._again:
            text = self._again.pop()
        else:
            try:
                text = next(self._source)
            except StopIteration:
                self.ended = True
                raise
        self.row.append(text)
        self._row_size += len(text)
        self.line += 1
        return text

    def start_row(self) -> None:
        self.row = []
        self._row_size = 0
        self.ended = False

    def take(self) -> str | None:
        """The next line, or None at the end, outside any row the csv module reads."""
        text = self._again.pop() if self._again else next(self._source, None)
        if text is not None:
            self.line += 1
        return text

    def untake(self, text: str) -> None:
        """Hand *text*, the line last taken, out again: to the csv module, say."""
        self._again.append(text)
        self.line -= 1

    def again_after_first(self) -> None:
        rest = self.row[1:]
        self._again.extend(reversed(rest))
        self.line -= len(rest)
        self.row = self.row[:1]

    def first_with_text(self) -> str | None:
        """The first line with a value, left to be read again; None if there is none."""
        for text in self:
            if text.strip(_SEPARATORS):
                self._again.append(text)
                self.line -= 1
                return text
        return None


def _records(lines: _Lines, delimiter: str, row_a_line: bool) -> Iterator[_Record]:
    """Each row of *lines*, with the line it starts on; with *row_a_line*, a line each."""
    reader = csv.reader(lines, delimiter=delimiter, strict=True)
    while True:
        text = lines.take()
        if text is None:
            return
        if '"' not in text and len(text) <= _FIELD_LIMIT:
            # A line without a quote is a whole row, and its cells are as they look: split it
            # here, which is several times faster than the csv module, and reads the same.
            if text.strip():
                yield _Record(lines.line, text.rstrip("\r\n").split(delimiter))
            continue
        lines.untake(text)
        lines.start_row()
        start = lines.line + 1
        try:
            cells = next(reader)
        except StopIteration:
            return
        except (csv.Error, _RowTooLongError) as error:
            never_closed = len(lines.row) > 1 or lines.ended or isinstance(error, _RowTooLongError)
            problem = (
                UNCLOSED_QUOTE if never_closed else Text("malformed CSV: {error}", error=str(error))
            )
            yield _Record(start, _before_the_quote(lines, delimiter), problem)
            continue
        if row_a_line and len(lines.row) > 1:
            yield _Record(start, _before_the_quote(lines, delimiter), RUNS_PAST_ITS_LINE)
            continue
        if row_a_line and _stray_quote(lines.row[0], cells):
            # The rest of a quoted value that ran past its line, or a typing slip: either way
            # not a row as it was meant.
            yield _Record(start, _before_the_quote(lines, delimiter), STRAY_QUOTE)
            continue
        if len(lines.row) == 1 and not lines.row[0].strip():
            continue
        yield _Record(start, cells)


def _stray_quote(line: str, cells: list[str]) -> bool:
    # The csv module takes a quote inside an unquoted value as a character of the value; only
    # a doubled quote ("") is how a value that is quoted holds one.
    return '""' not in line and any('"' in cell for cell in cells)


def _before_the_quote(lines: _Lines, delimiter: str) -> list[str]:
    """The cells of a bad row's first line before its first quote; its other lines go back."""
    lines.again_after_first()
    # The cells before the first quote are as they look: keep them (a lead's id, say).
    before = lines.row[0].rstrip("\r\n").split(delimiter)
    return list(takewhile(lambda cell: '"' not in cell, before))


def _rows(records: Iterator[_Record], columns: dict[str, int]) -> Iterator[Row]:
    width = len(columns)
    names = tuple(columns)
    # Most rows hold every column, in the header's order: their values are zipped, not looked up.
    in_order = list(columns.values()) == list(range(width))
    for line, cells, problem in records:
        whole = "".join(cells)
        if _MARKED.search(whole):
            yield Row(line, {}, NOT_TEXT_ROW)
            continue
        if in_order and len(cells) == width:
            values = dict(zip(names, map(str.strip, cells), strict=True))
        else:
            values = {
                name: cells[index].strip() if index < len(cells) else ""
                for name, index in columns.items()
            }
        if problem:
            yield Row(line, values, problem)
        elif not whole.strip():
            yield Row(line, values, empty=True)
        elif len(cells) > width:
            problem = Text(
                "{values} values for {columns} columns", values=len(cells), columns=width
            )
            yield Row(line, values, problem)
        else:
            yield Row(line, values)


def quoted(text: str) -> str:
    """*text* quoted for a message, shortened if it is long.

    >>> quoted("Hankou")
    "'Hankou'"
    >>> len(quoted("x" * 1000))
    62
    """
    return repr(shortened(text))


def unknown(name: str, known: Sequence[str], what: str, *, aliases: Sequence[str] = ()) -> Text:
    """The message for an unknown *name* of a *what*, suggesting the closest of *known*.

    The suggestion may also be one of *aliases*, the other names of the *known*; the list of
    what is expected, when nothing is close, gives the *known* alone.

    >>> unknown("projet", ("id", "project", "city"), Text("column"))
    "unknown column 'projet' (did you mean 'project'?)"
    >>> unknown("x", ("id", "project", "city"), Text("column"))
    "unknown column 'x' (expected one of id, project, city)"
    >>> unknown("月咨询数", ("inquiries_per_month",), Text("field"), aliases=("月咨询量",))
    "unknown field '月咨询数' (did you mean '月咨询量'?)"
    """
    candidates = [*known, *aliases]
    close = difflib.get_close_matches(name, candidates, n=1) if len(name) <= 100 else []
    hint: Text
    if close:
        hint = Text("did you mean {name!r}?", name=close[0])
    elif len(known) <= 10:
        hint = Text("expected one of {names}", names=", ".join(map(shortened, known)))
    else:
        hint = Text(
            "expected one of {names} and {more:,} more",
            names=", ".join(map(shortened, known[:8])),
            more=len(known) - 8,
        )
    return Text("unknown {what} {name} ({hint})", what=what, name=quoted(name), hint=hint)
