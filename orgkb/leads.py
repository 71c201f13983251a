"""Read inquiry leads (咨询线索) and the branches' open workload from CSV files.

A leads file is read as a stream, one row at a time, so that its size does not matter. A row
that cannot be a lead is not dropped: it comes out as a :class:`MalformedRow` carrying its line
number, and the dispatch reports it in its place. Only a file that cannot be read as leads at
all — missing, empty, binary, or with the wrong header — raises an
:class:`~orgkb.errors.InputError`. Both files are read by :mod:`orgkb.reading`, as profiles are;
a leads file may name its columns in Chinese (:data:`LEAD_ALIASES`), as a Chinese CRM exports
them.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from orgkb.errors import InputError
from orgkb.model import Company
from orgkb.reading import Row, open_text, quoted, read_table, unknown, unreadable
from orgkb.text import Text
from orgkb.values import Limits

LEAD_COLUMNS = ("id", "project", "city")
"""The columns of a leads file, in any order."""
LEAD_ALIASES = {"编号": "id", "项目": "project", "城市": "city"}
"""The Chinese names of the columns of a leads file, each with the column it is another name of."""
WORKLOAD_COLUMNS = ("branch", "open")
"""The columns of an open-workload file, in any order."""
OPEN_LEADS = Limits(at_least=0, whole=True)
"""The leads a branch may have open, in an open-workload file."""
CSV_FILE = Text("a CSV file")
"""What a leads or open-workload file is, as a message names it."""


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

    The file is CSV in UTF-8 (with or without a byte-order mark), GB18030 or UTF-16 with a
    byte-order mark, with the header ``id,project,city`` or its Chinese names
    ``编号,项目,城市`` (see :mod:`orgkb.reading`). Blank
    lines are not rows and are skipped. Every other line that starts a row comes out, as a
    :class:`Lead` or as a :class:`MalformedRow` saying what is wrong with it — a row of
    separators only included. The file itself is checked before the first row comes out: an
    :class:`~orgkb.errors.InputError` if it is missing, empty, binary, not text, or its header
    is not the one above.
    """
    path = Path(path)
    text = open_text(path, CSV_FILE)
    try:
        table = read_table(path, text, LEAD_COLUMNS, LEAD_COLUMNS, LEAD_ALIASES, row_a_line=True)
    except BaseException:
        text.close()
        raise
    return _leads(path, text, table)


def _leads(path: Path, text: TextIO, rows: Iterable[Row]) -> Iterator[Lead | MalformedRow]:
    with text:
        try:
            for row in rows:
                yield _lead(row)
        except OSError as error:
            raise unreadable(path, CSV_FILE, error) from None


def _lead(row: Row) -> Lead | MalformedRow:
    lead_id = row.values.get("id", "")
    if row.problem:
        return MalformedRow(row.line, row.problem, lead_id)
    if row.empty:
        return MalformedRow(row.line, Text("the row has no values"))
    if not lead_id:
        return MalformedRow(row.line, Text("the id is missing"))
    if not row.values["project"]:
        return MalformedRow(row.line, Text("the project is missing"), lead_id)
    return Lead(lead_id, row.values["project"], row.values["city"] or None, row.line)


def read_open_workload(path: str | Path, company: Company) -> dict[str, int]:
    """The open workload of *company*'s branches from the CSV file at *path*.

    The file has the header ``branch,open``: a branch's name and the number of leads it still
    has open, a whole number of zero or more. A branch the file leaves out has none; blank
    rows and rows of separators only are skipped. Every other problem, down to a single row, is
    an :class:`~orgkb.errors.InputError`: a wrong workload would tilt every lead dispatched
    after it.
    """
    path = Path(path)
    where = str(path)
    known = [branch.name for branch in company.branches]
    names = set(known)
    workload: dict[str, int] = {}
    first_line: dict[str, int] = {}
    with open_text(path, CSV_FILE) as text:
        try:
            for row in read_table(path, text, WORKLOAD_COLUMNS, WORKLOAD_COLUMNS, row_a_line=True):
                if row.problem:
                    raise InputError(row.problem, path=where, line=row.line)
                if row.empty:
                    continue
                name = row.values["branch"]
                if name not in names:
                    message = unknown(name, known, Text("branch"))
                    raise InputError(message, path=where, line=row.line)
                if name in first_line:
                    raise InputError(
                        Text(
                            "{name} is already on line {line}",
                            name=quoted(name),
                            line=first_line[name],
                        ),
                        path=where,
                        line=row.line,
                    )
                try:
                    count = OPEN_LEADS.read(row.values["open"], "open")
                except InputError as error:
                    raise error.located(path, row.line) from None
                first_line[name] = row.line
                workload[name] = int(count)
        except OSError as error:
            raise unreadable(path, CSV_FILE, error) from None
    return workload
