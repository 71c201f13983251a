"""Read inquiry leads (咨询线索) and the branches' open workload from CSV files.

A leads file is read as a stream, one row at a time, so that its size does not matter. A row
that cannot be a lead is not dropped: it comes out as a :class:`MalformedRow` carrying its line
number, and the dispatch reports it in its place. Only a file that cannot be read as leads at
all — missing, empty, binary, or with the wrong header — raises a :class:`LeadFileError`.
"""

from __future__ import annotations

import codecs
import csv
import difflib
import io
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from orgkb.errors import OrgkbError
from orgkb.model import Company

if TYPE_CHECKING:
    from _csv import Reader

LEAD_COLUMNS = ("id", "project", "city")
"""The columns of a leads file, in any order."""
WORKLOAD_COLUMNS = ("branch", "open")
"""The columns of an open-workload file, in any order."""

_SNIFF_BYTES = 1 << 16
# NUL, and the lone surrogates that stand for bytes the file's encoding could not decode.
_NOT_TEXT = re.compile("[\0\udc80-\udcff]")


class LeadFileError(OrgkbError):
    """A leads or open-workload file that cannot be read; its text is one line.

    >>> str(LeadFileError("leads.csv", "the header has no 'project' column", line=1))
    "leads.csv:1: the header has no 'project' column"
    """

    def __init__(self, path: str | Path, message: str, *, line: int | None = None) -> None:
        self.path = str(path)
        self.message = message
        self.line = line
        super().__init__(str(self))

    def __str__(self) -> str:
        where = self.path if self.line is None else f"{self.path}:{self.line}"
        return f"{where}: {self.message}"


@dataclass(frozen=True)
class Lead:
    """An inquiry lead: its id, the project it asks about and the city it comes from.

    *city* is ``None`` when the lead does not say. *line* is the line of the leads file the
    lead starts on, when it was read from one.
    """

    id: str
    project: str
    city: str | None = None
    line: int | None = None


@dataclass(frozen=True)
class MalformedRow:
    """A row of a leads file that is not a lead, kept so that the dispatch can report it.

    *id* is the row's id when one could be read, else empty.
    """

    line: int
    problem: str
    id: str = ""


def read_leads(path: str | Path) -> Iterator[Lead | MalformedRow]:
    """The rows of the leads file at *path*, in file order, one at a time.

    The file is CSV in UTF-8 (with or without a byte-order mark) or GB18030, with the header
    ``id,project,city``. Blank lines are not rows and are skipped. Every other row comes out,
    as a :class:`Lead` or as a :class:`MalformedRow` saying what is wrong with it. The file
    itself is checked before the first row comes out: :class:`LeadFileError` if it is missing,
    empty, binary, not text, or its header is not the one above.
    """
    path = Path(path)
    text = _open(path)
    try:
        reader = csv.reader(text, strict=True)
        columns = _header(path, reader, LEAD_COLUMNS)
    except BaseException:
        text.close()
        raise
    return _leads(text, reader, columns)


def _leads(
    text: io.TextIOWrapper, reader: Reader, columns: dict[str, int]
) -> Iterator[Lead | MalformedRow]:
    with text:
        for line, row in _rows(reader):
            yield _lead(line, row, columns)


def _lead(line: int, row: list[str] | str, columns: dict[str, int]) -> Lead | MalformedRow:
    if isinstance(row, str):
        return MalformedRow(line, row)
    if _NOT_TEXT.search("".join(row)):
        return MalformedRow(line, "the row holds bytes that are not text in the file's encoding")
    cells = _cells(row, columns)
    lead_id = cells["id"]
    if len(row) > len(columns):
        return MalformedRow(line, f"{len(row)} values for {len(columns)} columns", lead_id)
    if not lead_id:
        return MalformedRow(line, "the id is missing")
    if not cells["project"]:
        return MalformedRow(line, "the project is missing", lead_id)
    return Lead(lead_id, cells["project"], cells["city"] or None, line)


def read_open_workload(path: str | Path, company: Company) -> dict[str, int]:
    """The open workload of *company*'s branches from the CSV file at *path*.

    The file has the header ``branch,open``: a branch's name and the number of leads it still
    has open, a whole number of zero or more. A branch the file leaves out has none. Every
    problem, down to a single row, is a :class:`LeadFileError`: a wrong workload would tilt
    every lead dispatched after it.
    """
    path = Path(path)
    names = {branch.name for branch in company.branches}
    workload: dict[str, int] = {}
    first_line: dict[str, int] = {}
    with _open(path) as text:
        reader = csv.reader(text, strict=True)
        columns = _header(path, reader, WORKLOAD_COLUMNS)
        for line, row in _rows(reader):
            if isinstance(row, str):
                raise LeadFileError(path, row, line=line)
            if len(row) > len(columns):
                raise LeadFileError(
                    path, f"{len(row)} values for {len(columns)} columns", line=line
                )
            cells = _cells(row, columns)
            name, count = cells["branch"], cells["open"]
            if name not in names:
                known = [branch.name for branch in company.branches]
                raise LeadFileError(path, _unknown(name, known, "branch"), line=line)
            if name in first_line:
                raise LeadFileError(
                    path, f"{name!r} is already on line {first_line[name]}", line=line
                )
            if not count.isdecimal():
                raise LeadFileError(
                    path, f"open: expected a whole number of 0 or more, got {count!r}", line=line
                )
            first_line[name] = line
            workload[name] = int(count)
    return workload


def _open(path: Path) -> io.TextIOWrapper:
    """The file at *path* as text, the encoding chosen from its start.

    Bytes further on that the encoding cannot decode become lone surrogates rather than an
    exception, so that only their row is reported, not the whole file.
    """
    try:
        stream = io.BufferedReader(io.FileIO(path), buffer_size=_SNIFF_BYTES)
    except FileNotFoundError:
        raise LeadFileError(path, "no such file") from None
    except IsADirectoryError:
        raise LeadFileError(path, "is a directory, not a CSV file") from None
    except OSError as error:
        raise LeadFileError(path, f"cannot be read: {error.strerror}") from None
    try:
        start = stream.peek(_SNIFF_BYTES)[:_SNIFF_BYTES]
        if not start.strip():
            raise LeadFileError(path, "the file is empty")
        if b"\0" in start:
            raise LeadFileError(path, "is a binary file, not CSV text")
        encoding = _encoding(path, start)
    except BaseException:
        stream.close()
        raise
    return io.TextIOWrapper(stream, encoding=encoding, errors="surrogateescape", newline="")


def _encoding(path: Path, start: bytes) -> str:
    # Spreadsheets saved on Chinese Windows write GB18030 (GBK); accept it beside UTF-8.
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            # Not final: the sample may end in the middle of a character.
            codecs.getincrementaldecoder(encoding)().decode(start, final=False)
        except UnicodeDecodeError:
            continue
        return encoding
    raise LeadFileError(path, "is not text in UTF-8 or GB18030")


def _header(path: Path, reader: Reader, expected: tuple[str, ...]) -> dict[str, int]:
    try:
        header = next(reader)
        while not any(cell.strip() for cell in header):
            header = next(reader)
    except csv.Error as error:
        raise LeadFileError(path, f"malformed CSV header: {error}", line=1) from None
    except StopIteration:
        raise LeadFileError(path, "the file is empty") from None
    line = reader.line_num
    names = [cell.strip().lower() for cell in header]
    for name in names:
        if names.count(name) > 1:
            raise LeadFileError(path, f"the column {name!r} appears twice", line=line)
        if name not in expected:
            raise LeadFileError(path, _unknown(name, list(expected), "column"), line=line)
    for name in expected:
        if name not in names:
            wanted = ",".join(expected)
            raise LeadFileError(
                path, f"the header has no {name!r} column (expected {wanted})", line=line
            )
    return {name: names.index(name) for name in expected}


def _rows(reader: Reader) -> Iterator[tuple[int, list[str] | str]]:
    """Each non-blank row with the line it starts on; a row the CSV parser refuses as text."""
    last_line = reader.line_num
    while True:
        try:
            row: list[str] | str = next(reader)
        except StopIteration:
            return
        except csv.Error as error:
            row = f"malformed CSV: {error}"
        line, last_line = last_line + 1, reader.line_num
        if isinstance(row, list) and not any(cell.strip() for cell in row):
            continue
        yield line, row


def _cells(row: list[str], columns: dict[str, int]) -> dict[str, str]:
    # A short row leaves its last cells empty, as a profile's does.
    return {name: row[index].strip() if index < len(row) else "" for name, index in columns.items()}


def _unknown(name: str, known: list[str], what: str) -> str:
    close = difflib.get_close_matches(name, known, n=1)
    hint = f"did you mean {close[0]!r}?" if close else "expected one of " + ", ".join(known)
    return f"unknown {what} {name!r} ({hint})"
