"""Load a company profile from YAML, JSON or CSV, and say exactly what is wrong with a bad one.

Reading happens in three steps kept apart: decode the bytes to text (:mod:`orgkb.reading`),
parse the text into plain values, remembering the line each value came from where the format
tells us, and validate those values into a :class:`~orgkb.model.Company`. Every problem is an
:class:`~orgkb.errors.InputError` that names the file and, where known, the line and the field.

The keys and columns have exact Chinese aliases (:data:`COMPANY_ALIASES`,
:data:`BRANCH_ALIASES`), so that a profile written or exported in Chinese reads unchanged; an
error names a field as the file wrote it, and a field named both ways is an error.

Parsing is bounded, so that no file can exhaust the stack or the memory: YAML and JSON may nest
at most :data:`DEEPEST` levels, and YAML's aliases (``*name``) may repeat at most as many
values as the file itself holds, or :data:`ALIAS_ALLOWANCE` if that is more.
"""

from __future__ import annotations

import contextlib
import io
import json
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any, ClassVar, Protocol

import yaml
from yaml.events import (
    AliasEvent,
    CollectionEndEvent,
    CollectionStartEvent,
    DocumentStartEvent,
    Event,
    MappingStartEvent,
    NodeEvent,
    ScalarEvent,
)

from orgkb.errors import InputError
from orgkb.model import (
    BUSY_HOUR_FACTOR,
    CAPACITY,
    COUNT,
    DAILY_CAP,
    HEADCOUNT,
    INQUIRIES,
    OPEN_DAYS_PER_WEEK,
    OPEN_HOURS_PER_DAY,
    SALARY,
    SPAN_OF_CONTROL,
    WORK_HOURS_PER_WEEK,
    Branch,
    ClosedDay,
    Company,
    Function,
    Option,
    Salaries,
    Staffed,
    Weekday,
)
from orgkb.reading import Row, Table, line_at, quoted, read_table, read_text, unknown
from orgkb.staffing import ServiceTarget
from orgkb.text import Text, shortened
from orgkb.transition import known_units, unknown_unit
from orgkb.values import Limits, describe_value, read_number

COMPANY_FIELDS = (
    "company",
    "headquarters",
    "branches",
    "service_target",
    "salaries",
    "span_of_control",
    "busy_hour_factor",
    "as_is",
    "as_of",
    "today",
    "open_hours_per_day",
    "open_days_per_week",
    "work_hours_per_week",
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
    "opened",
    "leads",
    "deals",
    "visits",
    "daily_cap",
    "closed",
)
"""The keys a branch may have; in CSV, the column names."""
COMPANY_ALIASES = {
    "公司": "company",
    "总部": "headquarters",
    "分公司": "branches",
    "截至日期": "as_of",
}
"""The Chinese names of top-level keys, each with the key it is another name of."""
BRANCH_ALIASES = {
    "名称": "name",
    "城市": "city",
    "片区": "region",
    "项目": "projects",
    "工作量": "capacity",
    "月咨询量": "inquiries_per_month",
    "高峰小时咨询量": "inquiries_per_hour",
    # The fields orgkb support reads: a CRM's words for a branch's period, as the pages say them.
    "开业日期": "opened",
    "线索数": "leads",
    "成交数": "deals",
    "到访数": "visits",
    # The dispatch's limits, named as the messages of orgkb allocate name them (每日上限, 休息日).
    "每日上限": "daily_cap",
    "休息日": "closed",
}
"""The Chinese names of a branch's keys and CSV columns, each with the key it is another name of."""
DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
"""How a date is written in a profile: ISO 8601, ``2025-06-30``."""
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
"""What separates projects, or closed days, in one text value (the second is the full-width
semicolon)."""
WEEKDAY_NAMES: dict[str, Weekday] = {
    **{str(day): day for day in Weekday},
    **{str(day)[:3]: day for day in Weekday},
    **{
        f"{prefix}{numeral}": day
        for prefix in ("周", "星期", "礼拜")
        for numeral, day in zip("一二三四五六", Weekday, strict=False)
    },
    **{f"{prefix}{last}": Weekday.SUNDAY for prefix in ("周", "星期", "礼拜") for last in "日天"},
}
"""The names of the weekdays a branch's ``closed`` may give, any letter case: English (sunday,
sun) and Chinese (周日, 星期日, 礼拜天)."""
PROFILE = Text("a YAML, JSON or CSV company profile")
"""What a profile is, as a message names it."""
DEEPEST = 100
"""The most levels YAML or JSON may nest; a profile needs four."""
ALIAS_ALLOWANCE = 100_000
"""The values YAML's aliases may repeat in any profile, however small ("billion laughs")."""

FieldPath = tuple[str | int, ...]


@dataclass
class _Parsed:
    """Plain values parsed from a profile, with the line each came from where known."""

    value: object
    lines: dict[FieldPath, int] = field(default_factory=dict)
    tabular: bool = False
    spelled: dict[FieldPath, str] = field(default_factory=dict)
    """The keys the file writes by an alias, by their path in the keys' own names."""

    def written(self, path: FieldPath) -> FieldPath:
        """*path*, in keys' own names, as the file writes it: with its aliases."""
        if not self.spelled:
            return path
        return tuple(self.spelled.get(path[: depth + 1], part) for depth, part in enumerate(path))

    def line_of(self, path: FieldPath) -> int | None:
        # A value with no line of its own (a missing key, say) is reported at its container.
        path = self.written(path)
        while path not in self.lines and path:
            path = path[:-1]
        return self.lines.get(path)


def load_company(
    path: str | Path, *, company: str | None = None, as_of: date | None = None
) -> Company:
    """Read the company profile at *path*; :class:`~orgkb.errors.InputError` if it cannot be.

    The format follows the file's suffix (``.yaml``/``.yml``, ``.json``, ``.csv``/``.tsv``)
    and is guessed from the content otherwise. *company* names the company: a CSV file has no
    place for the name, so without it the file's name (its stem) is used; in YAML or JSON it
    replaces the name the file gives. *as_of*, the date the branches' figures are as of, has
    no place in a CSV file either, and replaces the ``as_of`` of YAML or JSON.
    """
    path = Path(path)
    return load_company_text(read_text(path, PROFILE), path, company=company, as_of=as_of)


def read_date(value: object) -> date:
    """*value* as a date: a date of YAML, or ISO 8601 text such as ``2025-06-30``.

    Anything else is an :class:`~orgkb.errors.InputError`, which the caller locates.

    >>> read_date("2025-06-30")
    datetime.date(2025, 6, 30)
    >>> read_date("2025-02-30")
    Traceback (most recent call last):
    orgkb.errors.InputError: expected a date such as 2025-06-30, got text ('2025-02-30')
    """
    if isinstance(value, date) and not isinstance(value, datetime):
        return value
    if isinstance(value, str) and DATE.fullmatch(value.strip()):
        try:
            return date.fromisoformat(value.strip())
        except ValueError:
            pass  # the 13th month, the 30th of February: said below
    raise InputError(
        Text("expected a date such as 2025-06-30, got {got}", got=describe_value(value))
    )


def load_company_text(
    text: str, path: str | Path, *, company: str | None = None, as_of: date | None = None
) -> Company:
    """Read a company profile from *text*, as :func:`load_company` reads the file *path*.

    *path* names the text in errors and tells its format; a page that holds a profile inline
    passes the page's path, and the format is then guessed from the content.

    >>> load_company_text("company: Solo", "inline.yaml").name
    'Solo'
    """
    path = Path(path)
    if not text.strip():
        raise InputError(Text("the file is empty"), path=str(path))
    kind = _format_of(path, text)
    if kind == "csv":
        parsed = _parse_csv(path, text)
        name = company or path.stem
        parsed.value = {"company": name, "branches": parsed.value}
    else:
        parsed = _parse_json(path, text) if kind == "json" else _parse_yaml(path, text)
        _own_names(parsed, path)
        if company is not None and isinstance(parsed.value, dict):
            parsed.value["company"] = company
            parsed.spelled.pop(("company",), None)
    if as_of is not None and isinstance(parsed.value, dict):
        parsed.value["as_of"] = as_of
        parsed.spelled.pop(("as_of",), None)
    return _Validator(path, parsed).company()


def _own_names(parsed: _Parsed, path: Path) -> None:
    """Give the keys of a YAML or JSON profile written by an alias their own names.

    The parsed values are not changed: a YAML alias may share them between places.
    """
    document = parsed.value
    if not isinstance(document, dict):
        return
    document = _renamed(parsed, path, (), document, COMPANY_ALIASES)
    listed = document.get("branches")
    if isinstance(listed, list):
        document["branches"] = [
            _renamed(parsed, path, ("branches", index), item, BRANCH_ALIASES)
            if isinstance(item, dict)
            else item
            for index, item in enumerate(listed)
        ]
    parsed.value = document


def _renamed(
    parsed: _Parsed,
    path: Path,
    at: FieldPath,
    mapping: dict[str, object],
    aliases: Mapping[str, str],
) -> dict[str, object]:
    renamed: dict[str, object] = {}
    for key, value in mapping.items():
        own = aliases.get(key, key)
        if own in renamed:
            first = parsed.spelled.get((*at, own), own)
            written = (*parsed.written(at), key)
            raise InputError(
                Text(
                    "the keys {first} and {second} are both the field {own!r}: keep one",
                    first=quoted(first),
                    second=quoted(key),
                    own=own,
                ),
                path=str(path),
                line=parsed.line_of(written),
                field=_field_name(written),
            )
        if own != key:
            parsed.spelled[(*at, own)] = key
        renamed[own] = value
    if any((*at, own) in parsed.spelled for own in aliases.values()):
        # A mapping written in Chinese: a field it leaves out is named in Chinese too.
        for alias, own in aliases.items():
            if own not in renamed:
                parsed.spelled[(*at, own)] = alias
    return renamed


def load_document(
    path: str | Path, what: str
) -> tuple[object, Callable[[tuple[str | int, ...]], int | None]]:
    """The plain values of the YAML or JSON file at *path*, and where each came from.

    The file is read and parsed as a profile is, within the same bounds (see the module's
    docstring), so that other files users write, such as the competing groups of
    :func:`orgkb.groups.load_groups`, are as safe to read. *what* names the kind of file in
    messages. The function returned gives the line of the value at a path of keys and
    indexes, as far as it is known.
    """
    path = Path(path)
    text = read_text(path, what)
    if not text.strip():
        raise InputError(Text("the file is empty"), path=str(path))
    json_text = _format_of(path, text) == "json"
    parsed = _parse_json(path, text) if json_text else _parse_yaml(path, text)
    return parsed.value, parsed.line_of


def profile_format(path: Path, text: str) -> str:
    """The format a profile *text* at *path* is read in: ``yaml``, ``json`` or ``csv``, by
    the file's suffix, else guessed from the content.

    >>> profile_format(Path("p"), '{"company": "Solo"}'), profile_format(Path("p"), "name,city")
    ('json', 'csv')
    """
    return _format_of(path, text)


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
    header = re.split("[\r\n]", start, maxsplit=1)[0]
    if ":" not in header and ("," in header or "\t" in header):
        return "csv"
    return "yaml"


_JSON_STRING = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"')
_NOT_A_BRACKET = re.compile(r"[^\[\]{}]+")


def _parse_json(path: Path, text: str) -> _Parsed:
    def refuse_duplicates(pairs: list[tuple[str, object]]) -> dict[str, object]:
        mapping: dict[str, object] = {}
        for key, value in pairs:
            if key in mapping:
                raise InputError(
                    Text("the key {key} appears twice in one object", key=quoted(key)),
                    path=str(path),
                )
            mapping[key] = value
        return mapping

    _check_json_depth(path, text)
    try:
        value = json.loads(text, object_pairs_hook=refuse_duplicates, parse_int=_json_int)
    except json.JSONDecodeError as error:
        # Python 3.13 words a trailing comma its own way, on the comma's line, where earlier
        # versions expect another item on the next: orgkb says it one way on every version.
        comma = _trailing_comma(text, error.pos)
        if comma is not None:
            problem: Text | str = _TRAILING_COMMA
            line = line_at(text, comma)
        else:
            problem, line = _JSON_PROBLEMS.get(error.msg, error.msg), error.lineno
        raise InputError(
            Text("malformed JSON: {problem}", problem=problem), path=str(path), line=line
        ) from None
    return _Parsed(value)


_TRAILING_COMMA = Text("a comma after the last item")
_STRING_OR_TRAILING_COMMA = re.compile(_JSON_STRING.pattern + r"|,(?=\s*[\]}])")


def _trailing_comma(text: str, before: int) -> int | None:
    """Where the first comma of *text* that ends a list or object is, if at or *before* the
    parser stopped; outside strings.

    >>> _trailing_comma('{"a": [1, 2,\\n], "b,]": 3}', 14)
    11
    >>> _trailing_comma('{"a,}": 1 2}', 10) is None
    True
    """
    for token in _STRING_OR_TRAILING_COMMA.finditer(text):
        if token.start() > before:
            break
        if token.group() == ",":
            return token.start()
    return None


def _json_int(digits: str) -> int | str:
    try:
        return int(digits)
    except ValueError:
        # Past Python's limit on the digits of an int (4,300): no count or amount is that
        # long, and as text it is refused as too large wherever a number belongs.
        return digits


def _check_json_depth(path: Path, text: str) -> None:
    # json's parser recurses once a level, so the depth is measured before it runs: on the
    # brackets outside strings, in one pass at the speed of the regular-expression engine.
    if _too_deep(_NOT_A_BRACKET.sub("", _JSON_STRING.sub("", text))) is None:
        return
    # Only now find where, at the pace of Python rather than of the regular expressions.
    tokens = list(re.finditer(_JSON_STRING.pattern + r"|[\[\]{}]", text))
    deepest = _too_deep(token.group() for token in tokens)
    assert deepest is not None
    line = line_at(text, tokens[deepest].start())
    raise InputError(
        Text("the JSON nests deeper than {deepest} levels", deepest=DEEPEST),
        path=str(path),
        line=line,
    )


def _too_deep(tokens: Iterable[str]) -> int | None:
    """The index of the first of *tokens* that opens a level past :data:`DEEPEST`, if any."""
    depth = 0
    for index, token in enumerate(tokens):
        if token in ("[", "{"):
            depth += 1
            if depth > DEEPEST:
                return index
        elif token in ("]", "}"):
            depth -= 1
    return None


def _parse_yaml(path: Path, text: str) -> _Parsed:
    fast = getattr(yaml, "CSafeLoader", None)
    if fast is not None:
        try:
            return _YamlReader(path, fast(text)).read()
        except yaml.YAMLError:
            pass  # libyaml words its errors its own way: parse again, to say what PyYAML says
    try:
        return _YamlReader(path, yaml.SafeLoader(text)).read()
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = None if mark is None else mark.line + 1
        problem = error.problem or error.context or "cannot be parsed"
        raise InputError(
            Text("malformed YAML: {problem}", problem=_yaml_problem(problem)),
            path=str(path),
            line=line,
        ) from None
    except yaml.reader.ReaderError as error:
        # PyYAML gives the character as a number, having been given text.
        raise InputError(
            Text(
                "malformed YAML: the character U+{code:04X} is not allowed in YAML",
                code=error.character,
            ),
            path=str(path),
            line=line_at(text, error.position),
        ) from None
    except yaml.YAMLError as error:
        raise InputError(
            Text("malformed YAML: {problem}", problem=" ".join(str(error).split())),
            path=str(path),
        ) from None


# The json module's words for what is wrong, and the same words to translate.
_JSON_PROBLEMS = {
    "Expecting value": Text("Expecting value"),
    "Expecting property name enclosed in double quotes": Text(
        "Expecting property name enclosed in double quotes"
    ),
    "Expecting ':' delimiter": Text("Expecting ':' delimiter"),
    "Expecting ',' delimiter": Text("Expecting ',' delimiter"),
    "Unterminated string starting at": Text("Unterminated string starting at"),
    "Invalid control character at": Text("Invalid control character at"),
    "Invalid \\escape": Text("Invalid \\escape"),
    "Invalid \\uXXXX escape": Text("Invalid \\uXXXX escape"),
    "Extra data": Text("Extra data"),
}
# PyYAML's words for the problems a hand-written profile most often has; others stay as
# PyYAML words them.
_YAML_PROBLEMS = {
    "mapping values are not allowed here": Text("mapping values are not allowed here"),
    "could not find expected ':'": Text("could not find expected ':'"),
    "found unexpected end of stream": Text("found unexpected end of stream"),
    "found unexpected ':'": Text("found unexpected ':'"),
    "found unknown escape character": Text("found unknown escape character"),
    "expected a comment or a line break": Text("expected a comment or a line break"),
    "cannot be parsed": Text("cannot be parsed"),
}
_YAML_FOUND = re.compile(r"expected (?P<expected>.+), but found (?P<found>.+)")
_YAML_CHARACTER = re.compile(r"found character (?P<character>.+) that cannot start any token")


def _yaml_problem(problem: str) -> str:
    """PyYAML's *problem*, translatable where it is one of the usual ones."""
    if problem in _YAML_PROBLEMS:
        return _YAML_PROBLEMS[problem]
    found = _YAML_FOUND.fullmatch(problem)
    if found:
        return Text("expected {expected}, but found {found}", **found.groupdict())
    character = _YAML_CHARACTER.fullmatch(problem)
    if character:
        return Text(
            "found character {character} that cannot start any token", **character.groupdict()
        )
    return problem


_MAP = "tag:yaml.org,2002:map"
_SEQ = "tag:yaml.org,2002:seq"
_MERGE = "tag:yaml.org,2002:merge"
_STR = "tag:yaml.org,2002:str"
_SCALAR_TAGS = frozenset(
    f"tag:yaml.org,2002:{name}" for name in ("null", "bool", "int", "float", "str", "timestamp")
)


class _Loader(Protocol):
    """What is used of a PyYAML loader, pure Python or libyaml's: its events and scalars."""

    yaml_constructors: ClassVar[dict[Any, Any]]

    def check_event(self) -> bool: ...
    def get_event(self) -> Event: ...
    def resolve(self, kind: type[yaml.Node], value: str, implicit: tuple[bool, bool]) -> str: ...
    def dispose(self) -> None: ...


@dataclass
class _Open:
    """A YAML mapping or list whose end has not come yet."""

    at: FieldPath
    value: dict[str, object] | list[object]
    anchor: str | None
    line: int
    size: int = 1
    key: str | None = None
    key_line: int = 0


class _YamlReader:
    """Builds plain values from a YAML parser's events, with the line of each.

    It builds them from events, not from PyYAML's nodes, so as to bound the nesting and count
    what aliases repeat as it goes, and to use libyaml's fast parser where it is installed.
    An alias gives the very value its anchor named, so nothing is copied; *size* counts the
    values as if it were.
    """

    def __init__(self, path: Path, loader: _Loader) -> None:
        self.path = path
        self.loader = loader
        self.parsed = _Parsed(None)
        self.open: list[_Open] = []
        self.anchors: dict[str, tuple[object, int]] = {}
        self.written = 0  # values as the file writes them out
        self.size = 0  # values with every alias repeated

    def read(self) -> _Parsed:
        try:
            documents = 0
            while self.loader.check_event():
                event = self.loader.get_event()
                if isinstance(event, NodeEvent):
                    self.node(event)
                elif isinstance(event, CollectionEndEvent):
                    self.close()
                elif isinstance(event, DocumentStartEvent):
                    documents += 1
                    if documents > 1:
                        raise self.malformed(
                            event, Text("expected a single document, but found another document")
                        )
        finally:
            self.loader.dispose()
        repeated = self.size - self.written
        if repeated > max(self.written, ALIAS_ALLOWANCE):
            raise InputError(
                Text(
                    "the aliases (*name) would repeat {repeated:,} values; a profile of this "
                    "size may repeat {allowed:,}",
                    repeated=repeated,
                    allowed=max(self.written, ALIAS_ALLOWANCE),
                ),
                path=str(self.path),
            )
        return self.parsed

    def node(self, event: NodeEvent) -> None:
        top = self.open[-1] if self.open else None
        if top is not None and top.key is None and isinstance(top.value, dict):
            self.key(top, event)
        elif isinstance(event, ScalarEvent):
            self.written += 1
            value = self.scalar(event, key=False)
            self.place(event, value, 1)
            if event.anchor is not None:
                self.anchor(event.anchor, _line(event), value, 1)
        elif isinstance(event, AliasEvent):
            value, size = self.alias(event)
            self.place(event, value, size)
        elif isinstance(event, CollectionStartEvent):
            self.written += 1
            self.start(event)

    def key(self, top: _Open, event: NodeEvent) -> None:
        self.written += not isinstance(event, AliasEvent)
        self.size += 1
        top.size += 1
        if isinstance(event, CollectionStartEvent):
            if isinstance(event, MappingStartEvent):
                raise self.malformed(event, Text("a key must be text, not a mapping"))
            raise self.malformed(event, Text("a key must be text, not a list"))
        if isinstance(event, AliasEvent):
            value, _ = self.alias(event)
            if isinstance(value, (dict, list)):
                raise self.malformed(
                    event, Text("a key must be text, not an alias of a mapping or list")
                )
        else:
            assert isinstance(event, ScalarEvent)
            value = self.scalar(event, key=True)
            if event.anchor is not None:
                self.anchor(event.anchor, _line(event), value, 1)
        key = str(value)
        assert isinstance(top.value, dict)
        if key in top.value:
            raise InputError(
                Text("the key {key} appears twice in one mapping", key=quoted(key)),
                path=str(self.path),
                line=_line(event),
            )
        top.key, top.key_line = key, _line(event)

    def place(self, event: Event, value: object, size: int) -> FieldPath:
        """Put *value* where the events have got to; return its path in the profile."""
        self.size += size
        if not self.open:
            self.parsed.value = value
            self.parsed.lines[()] = _line(event)
            return ()
        top = self.open[-1]
        top.size += size
        if isinstance(top.value, dict):
            assert top.key is not None
            at: FieldPath = (*top.at, top.key)
            top.value[top.key] = value
            # A block list or mapping opens on the line after its key; point at the key.
            self.parsed.lines[at] = top.key_line
            top.key = None
        else:
            at = (*top.at, len(top.value))
            top.value.append(value)
            self.parsed.lines[at] = _line(event)
        return at

    def start(self, event: CollectionStartEvent) -> None:
        if len(self.open) >= DEEPEST:
            raise InputError(
                Text("the YAML nests deeper than {deepest} levels", deepest=DEEPEST),
                path=str(self.path),
                line=_line(event),
            )
        mapping = isinstance(event, MappingStartEvent)
        if event.tag not in (None, "!", _MAP if mapping else _SEQ):
            raise self.malformed(
                event, Text("the tag {tag} has no use in a profile", tag=event.tag)
            )
        value: dict[str, object] | list[object] = {} if mapping else []
        # Counted once it is complete: placed now, so that its path and line are known.
        at = self.place(event, value, 0)
        self.open.append(_Open(at, value, event.anchor, _line(event)))

    def close(self) -> None:
        done = self.open.pop()
        self.size += 1
        if self.open:
            self.open[-1].size += done.size
        if done.anchor is not None:
            self.anchor(done.anchor, done.line, done.value, done.size)

    def alias(self, event: AliasEvent) -> tuple[object, int]:
        name = event.anchor
        shown = shortened(name or "")  # an alias always names an anchor
        if any(each.anchor == name for each in self.open):
            raise self.malformed(
                event, Text("the alias *{name} is inside the value it names", name=shown)
            )
        if name not in self.anchors:
            raise self.malformed(event, Text("found undefined alias {name!r}", name=shown))
        return self.anchors[name]

    def anchor(self, name: str, line: int, value: object, size: int) -> None:
        if name in self.anchors:
            raise InputError(
                Text("malformed YAML: found duplicate anchor {name!r}", name=shortened(name)),
                path=str(self.path),
                line=line,
            )
        self.anchors[name] = (value, size)

    def scalar(self, event: ScalarEvent, *, key: bool) -> object:
        tag = event.tag
        if tag is None or tag == "!":
            if not event.implicit[0]:
                return event.value  # quoted, or tagged '!': text, whatever it looks like
            tag = self.loader.resolve(yaml.ScalarNode, event.value, event.implicit)
        if tag == _STR:
            return event.value
        if tag == _MERGE and key:
            raise InputError(
                Text("a merge key (<<) has no use in a profile: write the keys out in full"),
                path=str(self.path),
                line=_line(event),
            )
        if tag not in _SCALAR_TAGS:
            if event.tag in (None, "!"):
                return event.value  # a plain '<<' or '=' as a value is text
            raise self.malformed(event, Text("the tag {tag} has no use in a profile", tag=tag))
        node = yaml.ScalarNode(tag, event.value, style=event.style)
        try:
            return self.loader.yaml_constructors[tag](self.loader, node)
        except ValueError:
            # PyYAML makes an int or date of a literal Python cannot hold: more than 4,300
            # digits, or the 13th month. As text it is still refused wherever it does not fit.
            return event.value

    def malformed(self, event: Event, problem: str) -> InputError:
        return InputError(
            Text("malformed YAML: {problem}", problem=problem),
            path=str(self.path),
            line=_line(event),
        )


def _line(event: Event) -> int:
    mark = event.start_mark
    assert mark is not None, "both of PyYAML's parsers mark where each event starts"
    return int(mark.line) + 1


def _csv_branches(path: Path, text: str) -> tuple[Table, list[Row]]:
    """The header of the CSV profile *text* and the rows that are branches: every row but the
    blank ones and those of separators only. A row that cannot be read is refused."""
    table = read_table(
        path, io.StringIO(text, newline=""), BRANCH_FIELDS, ("name", "city"), BRANCH_ALIASES
    )
    rows = []
    for row in table:
        if row.problem:
            raise InputError(row.problem, path=str(path), line=row.line)
        if not row.empty:
            rows.append(row)
    return table, rows


def csv_profile_rows(text: str, path: str | Path) -> list[dict[str, str]]:
    """The branches of the CSV profile *text*, read as :func:`load_company_text` reads them:
    each row as a mapping from the header's names, as it writes them, to the row's values.

    A name is the header's own in lower case, or the alias it gives (:data:`BRANCH_ALIASES`).

    >>> csv_profile_rows("Name\\t城市\\nA\\tWuhan\\n\\t\\n", "p.tsv")
    [{'name': 'A', '城市': 'Wuhan'}]
    """
    table, rows = _csv_branches(Path(path), text)
    return [{table.written[column]: value for column, value in row.values.items()} for row in rows]


def _parse_csv(path: Path, text: str) -> _Parsed:
    table, rows = _csv_branches(path, text)
    parsed = _Parsed([], tabular=True)
    aliased = {column: name for column, name in table.written.items() if name != column}
    branches: list[dict[str, object]] = []
    for row in rows:
        parsed.lines[("branches", len(branches))] = row.line
        for column, name in aliased.items():
            parsed.spelled[("branches", len(branches), column)] = name
        branches.append({column: value for column, value in row.values.items() if value})
    parsed.value = branches
    return parsed


_SURROGATE = re.compile("[\ud800-\udfff]")


def half_character(value: str) -> Text | None:
    """Why *value* is not text, if it holds half a character (a lone surrogate); else ``None``.

    >>> str(half_character("Hankou\\udcff")), half_character("Hankou")
    ('expected text, got half a character (U+DCFF)', None)
    """
    surrogate = _SURROGATE.search(value)
    if surrogate is None:
        return None
    return Text("expected text, got half a character (U+{code:04X})", code=ord(surrogate.group()))


class _Validator:
    """Turns parsed values into a company, naming the field of the first problem it meets."""

    def __init__(self, path: Path, parsed: _Parsed) -> None:
        self.path = path
        self.parsed = parsed

    def fail(self, at: FieldPath, message: str) -> InputError:
        return InputError(message).located(self.path, self.parsed.line_of(at), self.name(at))

    def name(self, at: FieldPath) -> str:
        """The field at *at* as the file writes it, for a message."""
        written = self.parsed.written(at)
        # In a table the line already says which branch; the column is the rest of the path.
        shown = written[2:] if self.parsed.tabular and at[:1] == ("branches",) else written
        return _field_name(shown)

    def key(self, at: FieldPath) -> str:
        """The key of the field at *at* as the file writes it."""
        return str(self.parsed.written(at)[-1])

    def company(self) -> Company:
        document = self.parsed.value
        if not isinstance(document, Mapping):
            raise self.fail((), Text("expected a mapping with 'company' and 'branches' at the top"))
        self.known_keys((), document, COMPANY_FIELDS)
        name = self.text(("company",), document.get("company"), required=True)
        headquarters = self.text(("headquarters",), document.get("headquarters"))
        listed = document.get("branches")
        if listed is None:
            listed = []
        if not isinstance(listed, list):
            raise self.fail(
                ("branches",),
                Text("expected a list of branches, got {got}", got=describe_value(listed)),
            )
        branches = tuple(
            self.branch(("branches", index), item) for index, item in enumerate(listed)
        )
        self.unique_names(branches)
        hours = {
            key: self.optional((key,), document.get(key), limits)
            for key, limits in (
                ("open_hours_per_day", OPEN_HOURS_PER_DAY),
                ("open_days_per_week", OPEN_DAYS_PER_WEEK),
                ("work_hours_per_week", WORK_HOURS_PER_WEEK),
            )
        }
        company = Company(
            name or "",
            branches,
            headquarters or None,
            service_target=self.service_target(document.get("service_target")),
            salaries=self.salaries(document.get("salaries")),
            span_of_control=self.span_of_control(document.get("span_of_control")),
            busy_hour_factor=self.optional(
                ("busy_hour_factor",), document.get("busy_hour_factor"), BUSY_HOUR_FACTOR
            ),
            as_is=self.as_is(document.get("as_is")),
            as_of=self.date(("as_of",), document.get("as_of")),
            today=self.today(document.get("today")),
            **hours,
        )
        known = known_units(company)
        for entry in company.today:
            if entry.unit not in known:
                raise self.fail(("today", entry.unit), unknown_unit(entry.unit, known))
        return company

    def branch(self, at: FieldPath, item: object) -> Branch:
        if not isinstance(item, Mapping):
            raise self.fail(
                at,
                Text(
                    "expected a branch with a name and a city, got {got}", got=describe_value(item)
                ),
            )
        self.known_keys(at, item, BRANCH_FIELDS)
        try:
            return Branch(
                name=self.text((*at, "name"), item.get("name"), required=True) or "",
                city=self.text((*at, "city"), item.get("city"), required=True) or "",
                region=self.text((*at, "region"), item.get("region")) or "",
                projects=self.projects((*at, "projects"), item.get("projects")),
                capacity=self.optional((*at, "capacity"), item.get("capacity"), CAPACITY) or 1.0,
                **self.inquiries(at, item),
                opened=self.date((*at, "opened"), item.get("opened")),
                leads=self.count((*at, "leads"), item.get("leads")),
                deals=self.count((*at, "deals"), item.get("deals")),
                visits=self.count((*at, "visits"), item.get("visits")),
                daily_cap=self.daily_cap((*at, "daily_cap"), item.get("daily_cap")),
                closed=self.closed((*at, "closed"), item.get("closed")),
            )
        except InputError as error:
            # What one field cannot show: deals without leads, more deals than leads.
            if error.path is not None:
                raise
            raise self.fail((*at, error.field), error.message) from None

    def count(self, at: FieldPath, value: object) -> int | None:
        number = self.optional(at, value, COUNT)
        return None if number is None else int(number)

    def date(self, at: FieldPath, value: object) -> date | None:
        if value is None:
            return None
        try:
            return read_date(value)
        except InputError as error:
            raise self.fail(at, error.message) from None

    def today(self, value: object) -> tuple[Staffed, ...]:
        """The organisation as it is: unit ids, each with its functions and their headcount."""
        at: FieldPath = ("today",)
        if value is None:
            return ()
        if not isinstance(value, Mapping):
            raise self.fail(
                at,
                Text(
                    "expected a mapping of unit ids to their functions, got {got}",
                    got=describe_value(value),
                ),
            )
        entries: list[Staffed] = []
        for unit, functions in value.items():
            unit_at = (*at, str(unit))
            if isinstance(functions, list):
                named = [
                    self.function((*unit_at, index), item) for index, item in enumerate(functions)
                ]
                for index, function in enumerate(named):
                    if function in named[:index]:
                        raise self.fail(
                            (*unit_at, index),
                            Text("{function} is listed twice", function=str(function)),
                        )
                entries.extend(Staffed(str(unit), function) for function in named)
            elif isinstance(functions, Mapping):
                for key, count in functions.items():
                    function = self.function((*unit_at, str(key)), key)
                    number = self.optional((*unit_at, str(key)), count, HEADCOUNT)
                    headcount = None if number is None else int(number)
                    entries.append(Staffed(str(unit), function, headcount))
            else:
                raise self.fail(
                    unit_at,
                    Text(
                        "expected a list of functions or a mapping of functions to headcounts, "
                        "got {got}",
                        got=describe_value(functions),
                    ),
                )
        return tuple(entries)

    def function(self, at: FieldPath, value: object) -> Function:
        text = self.text(at, value, required=True) or ""
        try:
            return Function(text)
        except ValueError:
            names = tuple(str(function) for function in Function)
            raise self.fail(at, unknown(text, names, Text("function"))) from None

    def daily_cap(self, at: FieldPath, value: object) -> int | None:
        number = self.optional(at, value, DAILY_CAP)
        return None if number is None else int(number)

    def closed(self, at: FieldPath, value: object) -> tuple[ClosedDay, ...]:
        if isinstance(value, date):
            value = [value]
        items = self.items(at, value, Text("weekdays and dates"))
        days: list[ClosedDay] = []
        for index, item in enumerate(items):
            day = self.closed_day((*at, index), item)
            if day is not None and day not in days:
                days.append(day)
        return tuple(days)

    def closed_day(self, at: FieldPath, value: object) -> ClosedDay | None:
        # YAML reads 2026-10-01 as a date, and 2026-10-01 08:00 as a date and time.
        if isinstance(value, date) and not isinstance(value, datetime):
            return value
        text = None if isinstance(value, datetime) else self.text(at, value)
        if text == "":
            return None
        if text is not None:
            weekday = WEEKDAY_NAMES.get(text.lower())
            if weekday is not None:
                return weekday
            # A date as opened and as_of are read (read_date), not in Python's other forms.
            with contextlib.suppress(InputError):
                return read_date(text)
        raise self.fail(
            at,
            Text(
                "expected a weekday (sunday, 周日) or a date (2026-10-01), got {got}",
                got=describe_value(value),
            ),
        )

    def inquiries(self, at: FieldPath, item: Mapping[object, object]) -> dict[str, float]:
        given = {}
        for key in ("inquiries_per_hour", "inquiries_per_month"):
            number = self.optional((*at, key), item.get(key), INQUIRIES)
            if number is not None:
                given[key] = number
        if len(given) > 1:
            raise self.fail(
                (*at, "inquiries_per_month"),
                Text(
                    "give {hourly} or {monthly}, not both",
                    hourly=self.key((*at, "inquiries_per_hour")),
                    monthly=self.key((*at, "inquiries_per_month")),
                ),
            )
        return given

    def section(
        self, at: FieldPath, value: object, known: tuple[str, ...]
    ) -> Mapping[object, object] | None:
        """An optional mapping of the profile with only *known* keys, or None if absent."""
        if value is None:
            return None
        if not isinstance(value, Mapping):
            raise self.fail(at, Text("expected a mapping, got {got}", got=describe_value(value)))
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
            # ServiceTarget states its own limits; tried one field at a time, its error is
            # said of the field that broke them.
            given[name] = number
            self.target((*at, key), {name: number})
        return self.target(at, given)

    def target(self, at: FieldPath, given: dict[str, float]) -> ServiceTarget:
        try:
            return ServiceTarget(**given)
        except InputError as error:
            raise error.located(self.path, self.parsed.line_of(at), self.name(at)) from None

    def salaries(self, given_value: object) -> Salaries | None:
        at: FieldPath = ("salaries",)
        value = self.section(at, given_value, SALARY_FIELDS)
        if value is None:
            return None
        pay: dict[str, float] = {}
        for key in SALARY_FIELDS:
            if value.get(key) is None:
                raise self.fail(
                    (*at, key), Text("missing: salaries need agent, promoter, support and manager")
                )
            pay[key] = self.number((*at, key), value[key], SALARY)
        return Salaries(**pay)

    def span_of_control(self, value: object) -> int | None:
        number = self.optional(("span_of_control",), value, SPAN_OF_CONTROL)
        return None if number is None else int(number)

    def as_is(self, value: object) -> Option | None:
        at: FieldPath = ("as_is",)
        if value is None:
            return None
        text = self.text(at, value)
        try:
            return Option(text or "")
        except ValueError:
            options = ", ".join(str(option) for option in Option)
            raise self.fail(
                at,
                Text(
                    "expected one of {options}, got {got}",
                    options=options,
                    got=describe_value(value),
                ),
            ) from None

    def number(self, at: FieldPath, value: object, limits: Limits | None = None) -> float:
        try:
            return read_number(value) if limits is None else limits.read(value)
        except InputError as error:
            raise self.fail(at, error.message) from None

    def optional(self, at: FieldPath, value: object, limits: Limits) -> float | None:
        return None if value is None else self.number(at, value, limits)

    def known_keys(
        self, at: FieldPath, mapping: Mapping[object, object], known: tuple[str, ...]
    ) -> None:
        for key in mapping:
            if key not in known:
                aliases = [alias for alias, own in _ALIASES.items() if own in known]
                message = unknown(str(key), known, Text("field"), aliases=aliases)
                raise self.fail((*at, str(key)), message)

    def text(self, at: FieldPath, value: object, *, required: bool = False) -> str | None:
        if value is None:
            if required:
                raise self.fail(at, Text("missing"))
            return None
        # A bare number such as a branch called 101 is text the YAML parser read as a number.
        if isinstance(value, int) and not isinstance(value, bool):
            value = str(value)
        if not isinstance(value, str):
            raise self.fail(at, Text("expected text, got {got}", got=describe_value(value)))
        half = half_character(value)
        if half:
            # Only an escape (JSON's "\\ud800") writes one: half of a character, not text.
            raise self.fail(at, half)
        value = value.strip()
        if not value and required:
            raise self.fail(at, Text("is empty"))
        return value

    def projects(self, at: FieldPath, value: object) -> tuple[str, ...]:
        items = self.items(at, value, Text("projects"))
        names = [self.text((*at, index), item) for index, item in enumerate(items)]
        return tuple(dict.fromkeys(name for name in names if name))

    def items(self, at: FieldPath, value: object, what: Text) -> list[object]:
        """The items of a list, or of one text that separates them with semicolons."""
        if value is None:
            return []
        if isinstance(value, str):
            for separator in PROJECT_SEPARATORS[1:]:
                value = value.replace(separator, PROJECT_SEPARATORS[0])
            return list(value.split(PROJECT_SEPARATORS[0]))
        if isinstance(value, list):
            return value
        raise self.fail(
            at, Text("expected a list of {what}, got {got}", what=what, got=describe_value(value))
        )

    def unique_names(self, branches: tuple[Branch, ...]) -> None:
        first: dict[str, int] = {}
        for index, branch in enumerate(branches):
            if branch.name in first:
                earlier_at: FieldPath = ("branches", first[branch.name])
                earlier_line = self.parsed.line_of(earlier_at)
                earlier: str = _field_name(self.parsed.written(earlier_at))
                if earlier_line is not None:
                    earlier = Text("the branch on line {line}", line=earlier_line)
                raise self.fail(
                    ("branches", index, "name"),
                    Text(
                        "{name} is already the name of {earlier}",
                        name=quoted(branch.name),
                        earlier=earlier,
                    ),
                )
            first[branch.name] = index


_ALIASES = {**COMPANY_ALIASES, **BRANCH_ALIASES}


def _field_name(at: FieldPath) -> str:
    name = ""
    for part in at:
        if isinstance(part, str):
            part = shortened(part)
        name += f"[{part}]" if isinstance(part, int) else (f".{part}" if name else part)
    return name
