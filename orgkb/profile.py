"""Load a company profile from YAML, JSON or CSV, and say exactly what is wrong with a bad one.

Reading happens in three steps kept apart: decode the bytes to text, parse the text into plain
values (remembering the line each value came from where the format tells us), and validate
those values into a :class:`~orgkb.model.Company`. Every problem is a :class:`ProfileError`
that names the file and, where known, the line and the field.
"""

from __future__ import annotations

import codecs
import csv
import difflib
import json
import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from orgkb.errors import InputError
from orgkb.model import Branch, Company, Option, Salaries
from orgkb.staffing import ServiceTarget

COMPANY_FIELDS = (
    "company",
    "headquarters",
    "branches",
    "service_target",
    "salaries",
    "span_of_control",
    "busy_hour_factor",
    "as_is",
)
"""The keys a YAML or JSON profile may have at its top level."""
BRANCH_FIELDS = (
    "name",
    "city",
    "region",
    "projects",
    "capacity",
    "inquiries_per_hour",
    "inquiries_per_month",
)
"""The keys a branch may have; in CSV, the column names."""
SERVICE_TARGET_FIELDS = (
    "aht",
    "answer_within",
    "service_level",
    "shrinkage",
    "max_occupancy",
)
"""The keys of ``service_target``, with :class:`~orgkb.staffing.ServiceTarget`'s defaults."""
SALARY_FIELDS = ("agent", "promoter", "support", "manager")
"""The keys of ``salaries``: every one is required when salaries are given."""
PROJECT_SEPARATORS = (";", "\uff1b")
"""What separates projects in one text value (the second is the full-width semicolon)."""


class ProfileError(Exception):
    """A company profile that cannot be read; its text is one line fit for a terminal.

    >>> str(ProfileError("acme.yaml", "missing", line=7, field="branches[2].city"))
    'acme.yaml:7: branches[2].city: missing'
    """

    def __init__(
        self, path: str | Path, message: str, *, line: int | None = None, field: str = ""
    ) -> None:
        self.path = str(path)
        self.message = message
        self.line = line
        self.field = field
        super().__init__(str(self))

    def __str__(self) -> str:
        where = self.path if self.line is None else f"{self.path}:{self.line}"
        what = f"{self.field}: {self.message}" if self.field else self.message
        return f"{where}: {what}"


FieldPath = tuple[str | int, ...]


@dataclass
class _Parsed:
    """Plain values parsed from a profile, with the line each came from where known."""

    value: object
    lines: dict[FieldPath, int] = field(default_factory=dict)
    tabular: bool = False

    def line_of(self, path: FieldPath) -> int | None:
        # A value with no line of its own (a missing key, say) is reported at its container.
        while path not in self.lines and path:
            path = path[:-1]
        return self.lines.get(path)


def load_company(path: str | Path, *, company: str | None = None) -> Company:
    """Read the company profile at *path*; :class:`ProfileError` if it cannot be read.

    The format follows the file's suffix (``.yaml``/``.yml``, ``.json``, ``.csv``/``.tsv``)
    and is guessed from the content otherwise. *company* names the company: a CSV file has no
    place for the name, so without it the file's name (its stem) is used; in YAML or JSON it
    replaces the name the file gives.
    """
    path = Path(path)
    return load_company_text(_read_text(path), path, company=company)


def load_company_text(text: str, path: str | Path, *, company: str | None = None) -> Company:
    """Read a company profile from *text*, as :func:`load_company` reads the file *path*.

    *path* names the text in errors and tells its format; a page that holds a profile inline
    passes the page's path, and the format is then guessed from the content.

    >>> load_company_text("company: Solo", "inline.yaml").name
    'Solo'
    """
    path = Path(path)
    if not text.strip():
        raise ProfileError(path, "the file is empty")
    kind = _format_of(path, text)
    if kind == "csv":
        parsed = _parse_csv(path, text)
        name = company or path.stem
        parsed.value = {"company": name, "branches": parsed.value}
    else:
        parsed = _parse_json(path, text) if kind == "json" else _parse_yaml(path, text)
        if company is not None and isinstance(parsed.value, dict):
            parsed.value["company"] = company
    return _Validator(path, parsed).company()


def _read_text(path: Path) -> str:
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise ProfileError(path, "no such file") from None
    except IsADirectoryError:
        raise ProfileError(path, "is a directory, not a company profile") from None
    except OSError as error:
        raise ProfileError(path, f"cannot be read: {error.strerror}") from None
    # Windows editors save "Unicode" text as UTF-16 with a byte-order mark: text, not binary.
    utf16 = data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE))
    if b"\0" in data and not utf16:
        raise ProfileError(path, "is a binary file, not a YAML, JSON or CSV company profile")
    # Spreadsheets saved on Chinese Windows write GB18030 (GBK); accept it beside UTF-8.
    for encoding in ("utf-16",) if utf16 else ("utf-8-sig", "gb18030"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if not text.strip():
            raise ProfileError(path, "the file is empty")
        return text
    raise ProfileError(path, "is not text in UTF-8, GB18030 or UTF-16")


def _format_of(path: Path, text: str) -> str:
    suffix = path.suffix.lower()
    if suffix in (".yaml", ".yml"):
        return "yaml"
    if suffix == ".json":
        return "json"
    if suffix in (".csv", ".tsv"):
        return "csv"
    start = text.lstrip()
    if start.startswith(("{", "[")):
        return "json"
    header = start.splitlines()[0]
    if ":" not in header and ("," in header or "\t" in header):
        return "csv"
    return "yaml"


def _parse_json(path: Path, text: str) -> _Parsed:
    def refuse_duplicates(pairs: list[tuple[str, object]]) -> dict[str, object]:
        keys = [key for key, _ in pairs]
        for key in keys:
            if keys.count(key) > 1:
                raise ProfileError(path, f"the key {key!r} appears twice in one object")
        return dict(pairs)

    try:
        return _Parsed(json.loads(text, object_pairs_hook=refuse_duplicates))
    except json.JSONDecodeError as error:
        raise ProfileError(path, f"malformed JSON: {error.msg}", line=error.lineno) from None


def _parse_yaml(path: Path, text: str) -> _Parsed:
    loader = yaml.SafeLoader(text)
    try:
        node = loader.get_single_node()
        parsed = _Parsed(None)
        parsed.value = _yaml_value(path, loader, node, (), parsed.lines)
        return parsed
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = None if mark is None else mark.line + 1
        problem = error.problem or error.context or "cannot be parsed"
        raise ProfileError(path, f"malformed YAML: {problem}", line=line) from None
    except yaml.YAMLError as error:
        raise ProfileError(path, f"malformed YAML: {error}") from None
    finally:
        loader.dispose()


def _yaml_value(
    path: Path,
    loader: yaml.SafeLoader,
    node: yaml.Node | None,
    at: FieldPath,
    lines: dict[FieldPath, int],
) -> object:
    if node is None:
        return None
    lines[at] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        mapping: dict[str, object] = {}
        for key_node, value_node in node.value:
            key = str(loader.construct_object(key_node))
            if key in mapping:
                raise ProfileError(
                    path,
                    f"the key {key!r} appears twice in one mapping",
                    line=key_node.start_mark.line + 1,
                )
            mapping[key] = _yaml_value(path, loader, value_node, (*at, key), lines)
            # A block list or mapping opens on the line after its key; point at the key.
            lines[(*at, key)] = key_node.start_mark.line + 1
        return mapping
    if isinstance(node, yaml.SequenceNode):
        return [
            _yaml_value(path, loader, item, (*at, index), lines)
            for index, item in enumerate(node.value)
        ]
    return loader.construct_object(node)


def _parse_csv(path: Path, text: str) -> _Parsed:
    rows = text.splitlines()
    delimiter = "\t" if "\t" in rows[0] and "," not in rows[0] else ","
    if delimiter == "," and ";" in rows[0] and "," not in rows[0]:
        # Some spreadsheets separate columns with ';', which here separates projects.
        raise ProfileError(
            path, "the columns are separated by ';': save the table with commas or tabs", line=1
        )
    reader = csv.reader(rows, delimiter=delimiter, strict=True)
    parsed = _Parsed([], tabular=True)
    branches: list[dict[str, object]] = []
    try:
        header = [column.strip().lower() for column in next(reader)]
        _check_columns(path, header)
        for row in reader:
            if not any(cell.strip() for cell in row):
                continue
            if len(row) > len(header):
                raise ProfileError(
                    path,
                    f"{len(row)} values for {len(header)} columns",
                    line=reader.line_num,
                )
            index = len(branches)
            parsed.lines[("branches", index)] = reader.line_num
            branches.append(
                {column: cell for column, cell in zip(header, row, strict=False) if cell.strip()}
            )
    except csv.Error as error:
        raise ProfileError(path, f"malformed CSV: {error}", line=reader.line_num) from None
    parsed.value = branches
    return parsed


def _check_columns(path: Path, header: list[str]) -> None:
    for column in header:
        if header.count(column) > 1:
            raise ProfileError(path, f"the column {column!r} appears twice", line=1)
        if column not in BRANCH_FIELDS:
            raise ProfileError(path, _unknown(column, BRANCH_FIELDS, "column"), line=1)
    for column in ("name", "city"):
        if column not in header:
            raise ProfileError(path, f"the header has no {column!r} column", line=1)


def _unknown(key: str, known: tuple[str, ...], what: str) -> str:
    close = difflib.get_close_matches(key, known, n=1)
    hint = f"did you mean {close[0]!r}?" if close else "expected one of " + ", ".join(known)
    return f"unknown {what} {key!r} ({hint})"


class _Validator:
    """Turns parsed values into a company, naming the field of the first problem it meets."""

    def __init__(self, path: Path, parsed: _Parsed) -> None:
        self.path = path
        self.parsed = parsed

    def fail(self, at: FieldPath, message: str) -> ProfileError:
        line = self.parsed.line_of(at)
        # In a table the line already says which branch; the column is the rest of the path.
        shown = at[2:] if self.parsed.tabular and at[:1] == ("branches",) else at
        return ProfileError(self.path, message, line=line, field=_field_name(shown))

    def company(self) -> Company:
        document = self.parsed.value
        if not isinstance(document, Mapping):
            raise self.fail((), "expected a mapping with 'company' and 'branches' at the top")
        self.known_keys((), document, COMPANY_FIELDS)
        name = self.text(("company",), document.get("company"), required=True)
        headquarters = self.text(("headquarters",), document.get("headquarters"))
        listed = document.get("branches")
        if listed is None:
            listed = []
        if not isinstance(listed, list):
            raise self.fail(("branches",), f"expected a list of branches, got {_kind(listed)}")
        branches = tuple(
            self.branch(("branches", index), item) for index, item in enumerate(listed)
        )
        self.unique_names(branches)
        return Company(
            name or "",
            branches,
            headquarters or None,
            service_target=self.service_target(document.get("service_target")),
            salaries=self.salaries(document.get("salaries")),
            span_of_control=self.span_of_control(document.get("span_of_control")),
            busy_hour_factor=self.busy_hour_factor(document.get("busy_hour_factor")),
            as_is=self.as_is(document.get("as_is")),
        )

    def branch(self, at: FieldPath, item: object) -> Branch:
        if not isinstance(item, Mapping):
            raise self.fail(at, f"expected a branch with a name and a city, got {_kind(item)}")
        self.known_keys(at, item, BRANCH_FIELDS)
        return Branch(
            name=self.text((*at, "name"), item.get("name"), required=True) or "",
            city=self.text((*at, "city"), item.get("city"), required=True) or "",
            region=self.text((*at, "region"), item.get("region")) or "",
            projects=self.projects((*at, "projects"), item.get("projects")),
            capacity=self.capacity((*at, "capacity"), item.get("capacity")),
            **self.inquiries(at, item),
        )

    def inquiries(self, at: FieldPath, item: Mapping[object, object]) -> dict[str, float]:
        given = {}
        for key in ("inquiries_per_hour", "inquiries_per_month"):
            value = item.get(key)
            if value is not None:
                number = self.number((*at, key), value)
                if number < 0:
                    raise self.fail((*at, key), f"expected 0 or more, got {value!r}")
                given[key] = number
        if len(given) > 1:
            raise self.fail(
                (*at, "inquiries_per_month"),
                "give inquiries_per_hour or inquiries_per_month, not both",
            )
        return given

    def section(
        self, at: FieldPath, value: object, known: tuple[str, ...]
    ) -> Mapping[object, object] | None:
        """An optional mapping of the profile with only *known* keys, or None if absent."""
        if value is None:
            return None
        if not isinstance(value, Mapping):
            raise self.fail(at, f"expected a mapping, got {_kind(value)}")
        self.known_keys(at, value, known)
        return value

    def service_target(self, given_value: object) -> ServiceTarget | None:
        at: FieldPath = ("service_target",)
        value = self.section(at, given_value, SERVICE_TARGET_FIELDS)
        if value is None:
            return None
        given: dict[str, float] = {}
        for key in SERVICE_TARGET_FIELDS:
            if value.get(key) is None:
                continue
            number = self.number((*at, key), value[key])
            name = "handle_time" if key == "aht" else key
            try:
                ServiceTarget(**{name: number})
            except InputError as error:
                raise self.fail((*at, key), error.message) from None
            given[name] = number
        return ServiceTarget(**given)

    def salaries(self, given_value: object) -> Salaries | None:
        at: FieldPath = ("salaries",)
        value = self.section(at, given_value, SALARY_FIELDS)
        if value is None:
            return None
        pay: dict[str, float] = {}
        for key in SALARY_FIELDS:
            if value.get(key) is None:
                raise self.fail(
                    (*at, key), "missing: salaries need agent, promoter, support and manager"
                )
            pay[key] = self.number((*at, key), value[key])
            if pay[key] < 0:
                raise self.fail((*at, key), f"expected 0 or more, got {value[key]!r}")
        return Salaries(**pay)

    def span_of_control(self, value: object) -> int | None:
        at: FieldPath = ("span_of_control",)
        if value is None:
            return None
        number = self.number(at, value)
        if not number.is_integer() or number < 2:
            raise self.fail(at, f"expected a whole number of 2 or more, got {value!r}")
        return int(number)

    def busy_hour_factor(self, value: object) -> float | None:
        at: FieldPath = ("busy_hour_factor",)
        if value is None:
            return None
        number = self.number(at, value)
        if not 0 < number <= 1:
            raise self.fail(at, f"expected a share above 0 and at most 1, got {value!r}")
        return number

    def as_is(self, value: object) -> Option | None:
        at: FieldPath = ("as_is",)
        if value is None:
            return None
        text = self.text(at, value)
        try:
            return Option(text or "")
        except ValueError:
            options = ", ".join(str(option) for option in Option)
            raise self.fail(at, f"expected one of {options}, got {value!r}") from None

    def number(self, at: FieldPath, value: object) -> float:
        number: float | None = None
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            number = float(value)
        elif isinstance(value, str):
            try:
                number = float(value.strip())
            except ValueError:
                number = None
        if number is None or not math.isfinite(number):
            raise self.fail(at, f"expected a number, got {_kind(value)}")
        return number

    def known_keys(
        self, at: FieldPath, mapping: Mapping[object, object], known: tuple[str, ...]
    ) -> None:
        for key in mapping:
            if key not in known:
                raise self.fail((*at, str(key)), _unknown(str(key), known, "field"))

    def text(self, at: FieldPath, value: object, *, required: bool = False) -> str | None:
        if value is None:
            if required:
                raise self.fail(at, "missing")
            return None
        # A bare number such as a branch called 101 is text the YAML parser read as a number.
        if isinstance(value, int) and not isinstance(value, bool):
            value = str(value)
        if not isinstance(value, str):
            raise self.fail(at, f"expected text, got {_kind(value)}")
        value = value.strip()
        if not value and required:
            raise self.fail(at, "is empty")
        return value

    def projects(self, at: FieldPath, value: object) -> tuple[str, ...]:
        if value is None:
            return ()
        if isinstance(value, str):
            for separator in PROJECT_SEPARATORS[1:]:
                value = value.replace(separator, PROJECT_SEPARATORS[0])
            items: list[object] = list(value.split(PROJECT_SEPARATORS[0]))
        elif isinstance(value, list):
            items = value
        else:
            raise self.fail(at, f"expected a list of projects, got {_kind(value)}")
        names = [self.text((*at, index), item) for index, item in enumerate(items)]
        return tuple(dict.fromkeys(name for name in names if name))

    def capacity(self, at: FieldPath, value: object) -> float:
        if value is None:
            return 1.0
        number: float | None = None
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            number = float(value)
        elif isinstance(value, str):
            try:
                number = float(value.strip())
            except ValueError:
                number = None
        if number is None or not math.isfinite(number) or number <= 0:
            raise self.fail(at, f"expected a positive number, got {value!r}")
        return number

    def unique_names(self, branches: tuple[Branch, ...]) -> None:
        first: dict[str, int] = {}
        for index, branch in enumerate(branches):
            if branch.name in first:
                earlier_at: FieldPath = ("branches", first[branch.name])
                earlier_line = self.parsed.line_of(earlier_at)
                earlier = _field_name(earlier_at)
                if earlier_line is not None:
                    earlier = f"the branch on line {earlier_line}"
                raise self.fail(
                    ("branches", index, "name"),
                    f"{branch.name!r} is already the name of {earlier}",
                )
            first[branch.name] = index


def _field_name(at: FieldPath) -> str:
    name = ""
    for part in at:
        name += f"[{part}]" if isinstance(part, int) else (f".{part}" if name else part)
    return name


def _kind(value: object) -> str:
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return f"true/false ({value})"
    if isinstance(value, (int, float)):
        return f"a number ({value})"
    if isinstance(value, str):
        return f"text ({value!r})"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, Mapping):
        return "a mapping"
    return type(value).__name__
