"""The promises every run of the command line keeps, whatever its input (issue 9).

:func:`problems` returns what a run broke, in words, so that a failing case says everything
at once; an empty list is a pass.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterable

from tests.hostile.bounded import Outcome

TERMINAL_CONTROLS = {"\x1b": "ESC", "\x07": "BEL", "\r": "CR"}
"""Characters a terminal acts on: written raw, a name could recolour, retitle or overwrite it."""
FORMULA_STARTS = ("=", "+", "-", "@")
"""How a spreadsheet formula starts; a cell so starting must be escaped with a leading ``'``."""
LONGEST_MESSAGE = 1000
"""The most characters an error line may spend besides the path: it quotes, it does not dump."""
OUTPUT_HEADER = ["lead_id", "branch", "reason"]
"""The header of ``orgkb allocate``'s output."""
BIBTEX_FIELDS = {"author", "title", "howpublished", "version", "year", "url", "note"}
"""The fields of the citation ``orgkb cite --format bibtex`` writes; an injected one is extra."""


def problems(
    outcome: Outcome,
    *,
    output: str,
    culprits: Iterable[str] = (),
    expect: int | None = None,
    rows: int | None = None,
    branches: int | None = None,
    present: Iterable[str] = (),
) -> list[str]:
    """What *outcome* broke of the promises; *output* names the format of its standard output.

    *culprits* are the names one of which an error line must contain: the hostile file's
    path, or the option given a hostile value. *expect* is the exit status the issue
    requires, if it requires one; *rows*, the rows the output of ``allocate`` must have (one
    per physical lead row); *branches*, the branches a plan in JSON must show; *present*, text
    the output must hold (a lead id after a stray quote, a name read in the right encoding).
    """
    if outcome.stopped:
        return [outcome.stopped]
    if outcome.error is not None:
        said = str(outcome.error).strip().split("\n", 1)[0]
        return [f"raised {type(outcome.error).__name__}: {_short(said)} at {outcome.where}"]
    found: list[str] = []
    if outcome.status not in (0, 2):
        found.append(f"exit status {outcome.status}, expected 0 or 2")
    if expect is not None and outcome.status != expect:
        said = outcome.err.splitlines()[:1]
        found.append(
            f"exit status {outcome.status}, expected {expect}"
            + (f" (stderr: {_short(said[0])})" if said else "")
        )
    if outcome.status == 2:
        found.extend(_error_line(outcome.err, tuple(culprits)))
    for stream, text in (("stdout", outcome.out), ("stderr", outcome.err)):
        for control, name in TERMINAL_CONTROLS.items():
            if control in text:
                found.append(f"{stream} holds a raw {name}")
    if outcome.status == 0:
        found.extend(OUTPUT_CHECKS[output](outcome.out, rows=rows, branches=branches))
        found.extend(f"the output lacks {text!r}" for text in present if text not in outcome.out)
    return found


def _error_line(err: str, culprits: tuple[str, ...]) -> list[str]:
    lines = err.split("\n")
    if len(lines) != 2 or lines[1] or not lines[0].startswith("orgkb: "):
        return [f"stderr is not one line starting 'orgkb: ': {_short(err)!r}"]
    line = lines[0]
    found = []
    if culprits and not any(culprit in line for culprit in culprits):
        found.append(f"the error does not name {' or '.join(culprits)}: {_short(line)!r}")
    named = max((len(culprit) for culprit in culprits if culprit in line), default=0)
    if len(line) - named > LONGEST_MESSAGE:
        found.append(f"the error line is {len(line)} characters long")
    return found


def strict_json(text: str) -> object:
    """*text* parsed as JSON as the standard has it: ``Infinity`` and ``NaN`` are not JSON."""

    def refuse(constant: str) -> object:
        raise ValueError(f"{constant} is not JSON")

    return json.loads(text, parse_constant=refuse)


def _json(out: str, *, rows: int | None, branches: int | None) -> list[str]:
    try:
        document = strict_json(out)
    except ValueError as error:
        return [f"stdout is not JSON: {_short(str(error))}"]
    found = []
    units = document.get("units") if isinstance(document, dict) else None
    if isinstance(units, list):
        ids = [unit.get("id") for unit in units if isinstance(unit, dict)]
        repeated = sorted({str(unit_id) for unit_id in ids if ids.count(unit_id) > 1})
        if repeated:
            found.append(f"unit ids appear twice: {_short(', '.join(repeated))}")
        shown = sum(1 for unit in units if isinstance(unit, dict) and unit.get("level") == "branch")
        if branches is not None and shown != branches:
            found.append(f"the plan shows {shown} branches, the profile has {branches}")
    return found


def _csv(out: str, *, rows: int | None, branches: int | None) -> list[str]:
    # A cell may be longer than the csv module's default limit, which orgkb's reader keeps.
    limit = csv.field_size_limit(len(out) + 1)
    try:
        records = list(csv.reader(io.StringIO(out, newline="")))
    finally:
        csv.field_size_limit(limit)
    # With --follow-ups, a fourth column gives the branches a lead was taken from.
    if not records or records[0] not in (OUTPUT_HEADER, [*OUTPUT_HEADER, "reassigned_from"]):
        return [f"the output does not start with the header lead_id,branch,reason: {_short(out)!r}"]
    found = []
    if rows is not None and len(records) - 1 != rows:
        found.append(f"{len(records) - 1} output rows for {rows} lead rows: leads lost")
    formulas = [cell for record in records for cell in record if cell.startswith(FORMULA_STARTS)]
    if formulas:
        found.append(f"{len(formulas)} cells start a formula, e.g. {_short(formulas[0])!r}")
    return found


def _table(out: str, *, rows: int | None, branches: int | None) -> list[str]:
    """A CSV table of figures (``orgkb tally --format csv``): no cell starts a formula."""
    limit = csv.field_size_limit(len(out) + 1)
    try:
        records = list(csv.reader(io.StringIO(out, newline="")))
    finally:
        csv.field_size_limit(limit)
    formulas = [cell for record in records for cell in record if cell.startswith(FORMULA_STARTS)]
    return (
        [f"{len(formulas)} cells start a formula, e.g. {_short(formulas[0])!r}"] if formulas else []
    )


def _mermaid(out: str, *, rows: int | None, branches: int | None) -> list[str]:
    found = []
    lines = out.split("\n")
    if "%%" in out:
        found.append("'%%' reaches the diagram: a name can write Mermaid comments and directives")
    if (
        len(lines) < 4
        or lines[0] != "---"
        or not lines[1].startswith("title: ")
        or lines[2] != "---"
    ):
        found.append(f"the front matter is not three lines with one title: {_short(out)!r}")
    declared = [m.group(1) for m in re.finditer(r"^  (u\d+)\[", out, re.MULTILINE)]
    if len(set(declared)) != len(declared):
        found.append("a node is declared twice")
    for line in lines:
        label = re.fullmatch(r'  u\d+\["(.*)"\]', line)
        if (
            line.startswith("  u")
            and "[" in line.split(" -->")[0]
            and (label is None or '"' in label.group(1))
        ):
            found.append(f"a node line is not one quoted label: {_short(line)!r}")
            break
    return found


def _dot(out: str, *, rows: int | None, branches: int | None) -> list[str]:
    found = []
    for line in out.split("\n"):
        if len(re.findall(r'(?<!\\)(?:\\\\)*"', line)) % 2:
            found.append(f"a line's quotes do not pair: {_short(line)!r}")
            break
    declared = re.findall(r'^  ("(?:[^"\\]|\\.)*") \[label=', out, re.MULTILINE)
    if len(set(declared)) != len(declared):
        found.append("a node id is declared twice")
    if not out.rstrip().endswith("}"):
        found.append("the graph does not end with '}'")
    return found


def _html(out: str, *, rows: int | None, branches: int | None) -> list[str]:
    return ["a '<script' reaches the page"] if "<script" in out.lower() else []


def _bibtex(out: str, *, rows: int | None, branches: int | None) -> list[str]:
    body = out.strip()
    if not (body.startswith("@misc{") and body.endswith("}")):
        return [f"not one @misc entry: {_short(out)!r}"]
    fields, depth, start = [], 0, 0
    inner = body[len("@misc{") : -1]
    for index, character in enumerate(inner):
        if character == "{":
            depth += 1
        elif character == "}":
            depth -= 1
            if depth < 0:
                return ["a '}' closes the entry early"]
        elif character == "," and depth == 0:
            fields.append(inner[start:index])
            start = index + 1
    fields.append(inner[start:])
    if depth:
        return ["the braces do not pair"]
    names = [part.split("=", 1)[0].strip() for part in fields[1:] if part.strip()]
    if sorted(names) != sorted(BIBTEX_FIELDS):
        return [f"the fields are {names}, expected {sorted(BIBTEX_FIELDS)}"]
    return []


def _text(out: str, *, rows: int | None, branches: int | None) -> list[str]:
    return []


OUTPUT_CHECKS = {
    "text": _text,
    "json": _json,
    "csv": _csv,
    "table": _table,
    "mermaid": _mermaid,
    "dot": _dot,
    "html": _html,
    "bibtex": _bibtex,
}
"""What each format's standard output must be beyond the checks every output gets."""


def _short(text: str, limit: int = 160) -> str:
    return text if len(text) <= limit else text[: limit - 3] + "..."
