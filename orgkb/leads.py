"""Read inquiry leads (咨询线索), the branches' open workload and the follow-ups from CSV files.

A leads file is read as a stream, one row at a time, so that its size does not matter. A row
that cannot be a lead is not dropped: it comes out as a :class:`MalformedRow` carrying its line
number, and the dispatch reports it in its place. Only a file that cannot be read as leads at
all — missing, empty, binary, or with the wrong header — raises an
:class:`~orgkb.errors.InputError`. The files are read by :mod:`orgkb.reading`, as profiles are;
a leads file may name its columns in Chinese (:data:`LEAD_ALIASES`), as a Chinese CRM exports
them.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import datetime
from pathlib import Path
from typing import NamedTuple, TextIO

from orgkb.errors import InputError
from orgkb.model import Company
from orgkb.reading import Row, open_text, quoted, read_table, unknown, unreadable
from orgkb.text import Text
from orgkb.values import Limits, describe_value

LEAD_COLUMNS = ("id", "project", "city", "received")
"""The columns a leads file may have, in any order; ``received`` may be left out."""
REQUIRED_LEAD_COLUMNS = ("id", "project", "city")
"""The columns every leads file has."""
LEAD_ALIASES = {"编号": "id", "项目": "project", "城市": "city", "接收时间": "received"}
"""The Chinese names of the columns of a leads file, each with the column it is another name of."""
WORKLOAD_COLUMNS = ("branch", "open")
"""The columns of an open-workload file, in any order."""
WORKLOAD_ALIASES = {"分公司": "branch", "在跟进线索": "open"}
"""The Chinese names of the columns of an open-workload file, each with the column it is
another name of."""
FOLLOW_UP_COLUMNS = ("lead_id", "followed_up")
"""The columns of a follow-ups file, in any order."""
FOLLOW_UP_ALIASES = {"线索编号": "lead_id", "跟进时间": "followed_up"}
"""Other names a follow-ups file's header may give its columns."""
OPEN_LEADS = Limits(at_least=0, whole=True)
"""The leads a branch may have open, in an open-workload file."""
CSV_FILE = Text("a CSV file")
"""What a leads or open-workload file is, as a message names it."""
ISO_TIME = Text("an ISO 8601 date or date and time (2026-03-02 or 2026-03-02T08:15)")
"""What a time in a leads or follow-ups file must be, as a message says."""


class Lead(NamedTuple):
    """An inquiry lead: its id, the project it asks about and the city it comes from.

    *city* is ``None`` when the lead does not say. *line* is the line of the leads file the
    lead starts on, when it was read from one. *received* is when the lead came in, as the
    branches' clock shows it (see :func:`read_time`); daily caps, closed days and follow-up
    deadlines need it.
    """

    id: str
    project: str
    city: str | None = None
    line: int | None = None
    received: datetime | None = None


class MalformedRow(NamedTuple):
    """A row of a leads file that is not a lead, kept so that the dispatch can report it.

    *id* is the row's id when one could be read, else empty.
    """

    line: int
    problem: str
    id: str = ""


def read_time(text: str) -> datetime | None:
    """The time *text* gives in ISO 8601, as the clock shows it; None if it is not one.

    A date alone is its midnight. A UTC offset is allowed but not applied: every time is read
    as written, so the times of one company must all be on one clock (its branches' local
    time), with or without the offset.

    >>> read_time("2026-03-02"), read_time("2026-03-02 08:15+08:00")
    (datetime.datetime(2026, 3, 2, 0, 0), datetime.datetime(2026, 3, 2, 8, 15))
    >>> read_time("yesterday") is None
    True
    """
    try:
        time = datetime.fromisoformat(text)
    except ValueError:
        return None
    return time if time.tzinfo is None else time.replace(tzinfo=None)


def read_leads(path: str | Path, *, received_for: str = "") -> Iterator[Lead | MalformedRow]:
    """The rows of the leads file at *path*, in file order, one at a time.

    The file is CSV in UTF-8 (with or without a byte-order mark), GB18030 or UTF-16 with a
    byte-order mark, with the header ``id,project,city`` and, optionally, ``received``, or
    their Chinese names ``编号,项目,城市`` and ``接收时间`` (see :mod:`orgkb.reading`). Blank lines
    are not rows and are skipped. Every other line that starts a row comes out, as a
    :class:`Lead` or as a :class:`MalformedRow` saying what is wrong with it — a row of
    separators only included, or a ``received`` that is not :data:`ISO_TIME`. The file itself
    is checked before the first row comes out: an
    :class:`~orgkb.errors.InputError` if it is missing, empty, binary, not text, or its header
    is not the one above. *received_for*, when given, says what needs the ``received`` column
    (``"the daily caps"``): then a header without it is refused too, in those words.
    """
    path = Path(path)
    text = open_text(path, CSV_FILE)
    try:
        table = read_table(
            path, text, LEAD_COLUMNS, REQUIRED_LEAD_COLUMNS, LEAD_ALIASES, row_a_line=True
        )
        if received_for and "received" not in table.columns:
            raise InputError(
                Text(
                    "the header has no 'received' column (接收时间), which {needs} need",
                    needs=received_for,
                ),
                path=str(path),
                line=table.line,
            )
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
    values = row.values
    lead_id = values.get("id", "")
    if row.problem:
        return MalformedRow(row.line, row.problem, lead_id)
    if row.empty:
        return MalformedRow(row.line, Text("the row has no values"))
    if not lead_id:
        return MalformedRow(row.line, Text("the id is missing"))
    if not values["project"]:
        return MalformedRow(row.line, Text("the project is missing"), lead_id)
    written = values.get("received")
    if not written:
        return Lead(lead_id, values["project"], values["city"] or None, row.line)
    received = read_time(written)
    if received is None:
        return MalformedRow(
            row.line,
            Text(
                "received: expected {time}, got {got}", time=ISO_TIME, got=describe_value(written)
            ),
            lead_id,
        )
    return Lead(lead_id, values["project"], values["city"] or None, row.line, received)


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
            for row in read_table(
                path, text, WORKLOAD_COLUMNS, WORKLOAD_COLUMNS, WORKLOAD_ALIASES, row_a_line=True
            ):
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


def read_follow_ups(path: str | Path) -> dict[str, datetime | None]:
    """When each lead was first followed up, from the CSV file at *path*: lead id to time.

    The file has the header ``lead_id,followed_up`` (``跟进时间`` for the second): a lead's id
    and the time it was first followed up, :data:`ISO_TIME` as the leads' ``received`` is
    read (see :func:`read_time`), or empty for a lead nobody followed up. A lead listed more
    than once, as an export of every follow-up lists it, counts from the earliest time. Blank
    rows and rows of separators only are skipped; every other problem, down to a single row,
    is an :class:`~orgkb.errors.InputError`, since a wrong time would move a lead.
    """
    path = Path(path)
    where = str(path)
    followed: dict[str, datetime | None] = {}
    with open_text(path, CSV_FILE) as text:
        try:
            for row in read_table(
                path, text, FOLLOW_UP_COLUMNS, FOLLOW_UP_COLUMNS, FOLLOW_UP_ALIASES, row_a_line=True
            ):
                if row.problem:
                    raise InputError(row.problem, path=where, line=row.line)
                if row.empty:
                    continue
                lead_id, written = row.values["lead_id"], row.values["followed_up"]
                if not lead_id:
                    raise InputError(Text("the lead id is missing"), path=where, line=row.line)
                when = read_time(written) if written else None
                if written and when is None:
                    raise InputError(
                        Text(
                            "expected {time}, got {got}", time=ISO_TIME, got=describe_value(written)
                        ),
                        path=where,
                        line=row.line,
                        field="followed_up",
                    )
                earlier = followed.get(lead_id)
                if lead_id not in followed or (
                    when is not None and (earlier is None or when < earlier)
                ):
                    followed[lead_id] = when
        except OSError as error:
            raise unreadable(path, CSV_FILE, error) from None
    return followed
