"""What the planner page ("Plan your organisation") asks of orgkb, in the reader's browser.

The page's script sends a profile's text, as pasted or opened, and the branches of its table
to Python in a web worker (the one the Run buttons start); this module answers with plain
values the script can show. It runs the command line itself (:func:`orgkb.cli.main`) on the
text saved to a file of its name in a folder of its own, so that the page shows what the
commands print — the plan of ``orgkb recommend --format json``, the charts of ``orgkb
chart``, the table of ``orgkb compare``, the dispatch of ``orgkb allocate`` — and a bad
profile ends as the command line's one-line message (:class:`RefusedError`).

    >>> profile = "company: Duo\\nbranches: [{name: A, city: Wuhan}, {name: B, city: Wuhan}]\\n"
    >>> [row["name"] for row in read_profile(profile, "duo.yaml")["branches"]]
    ['A', 'B']
    >>> plan = recommend(profile, "duo.yaml")
    >>> plan["scenario"], [rule["code"] for rule in plan["rules"]][:2]
    ('one region, several branches', ['R2', 'R3'])
    >>> recommend("company: Duo\\nbranches:\\n  - {name: A}\\n", "duo.yaml")
    Traceback (most recent call last):
      ...
    orgkb.planner.RefusedError: orgkb: duo.yaml:3: branches[0].city: missing
"""

from __future__ import annotations

import contextlib
import csv
import io
import json
import re
import tempfile
from collections.abc import Callable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

import yaml

from orgkb.chart import chart, chart_as_html, scenario_name
from orgkb.citation import rule_anchor
from orgkb.cli import EXIT_BAD_INPUT, main
from orgkb.errors import InputError, OrgkbError
from orgkb.profile import (
    BRANCH_ALIASES,
    COMPANY_ALIASES,
    PROFILE,
    PROJECT_SEPARATORS,
    csv_profile_rows,
    load_company_text,
    load_document,
    profile_format,
)
from orgkb.render import error_line
from orgkb.rules import rule, wording
from orgkb.text import ENGLISH, Text
from orgkb.values import read_number

TABLE_FIELDS = ("name", "city", "region", "projects", "capacity", "inquiries_per_month")
"""The columns of the planner's table of branches: a branch's fields a reader edits there."""
COMPARISON_COLUMNS = (
    "option",
    "as_is",
    "customer_service_teams",
    "agents",
    "rostered_agents",
    "customer_service_people",
    "promotion_teams",
    "promoters",
    "support_staff",
    "managers",
    "management_layers",
    "average_span_of_control",
    "headcount",
    "labour_cost",
    "same_city_friction",
)
"""The columns of the comparison as CSV: the figures of ``orgkb compare --format json``."""
NEW_COMPANY = Text("My company")
"""The name a profile made from the table alone starts with."""
_PASTED = "profile"
_COMMENT_LINES = re.compile(r"^[ \t]*#.*(?:\n|$)", re.MULTILINE)


class RefusedError(Exception):
    """The command line refused the input: the message is its one line (``orgkb: …``).

    *field* is what the page should show it beside: ``"profile"`` or ``"leads"``.
    """

    def __init__(self, line: str, field: str = "profile") -> None:
        super().__init__(line)
        self.line = line
        self.field = field


def file_name(name: str, text: str) -> str:
    """The name the text is saved under: an opened file's own, else one for its format.

    >>> file_name("", "# Solo, one office\\ncompany: Solo"), file_name("", "name,city\\nA,Wuhan")
    ('profile.yaml', 'profile.csv')
    >>> file_name("Downloads/acme.csv", "")
    'acme.csv'
    """
    given = Path(name).name
    # A YAML profile often opens with a comment, which may hold commas as a CSV header does.
    content = _COMMENT_LINES.sub("", text)
    return given or f"{_PASTED}.{profile_format(Path(_PASTED), content)}"


@contextlib.contextmanager
def _saved(files: Mapping[str, str]) -> Iterator[None]:
    # A folder of its own, as the working folder: messages name the files as the reader did.
    with tempfile.TemporaryDirectory() as folder, contextlib.chdir(folder):
        for name, text in files.items():
            Path(name).write_text(text, encoding="utf-8")
        yield


def _run(words: Sequence[str], language: str, leads: str = "") -> tuple[str, str]:
    """What ``orgkb WORDS --lang LANGUAGE`` prints, on standard output and on standard error."""
    out, err = io.StringIO(), io.StringIO()
    status = main([*words, "--lang", language], stdout=out, stderr=err)
    if status == EXIT_BAD_INPUT:
        line = err.getvalue().strip().splitlines()[-1]
        field = "leads" if leads and line.startswith(f"orgkb: {leads}") else "profile"
        raise RefusedError(line, field)
    return out.getvalue(), err.getvalue()


def _table_value(value: object) -> str:
    if isinstance(value, list):
        return "; ".join(map(str, value))
    if isinstance(value, float):
        return f"{value:g}"
    return "" if value is None else str(value)


def _own_key(key: object, aliases: Mapping[str, str]) -> object:
    return aliases.get(key, key) if isinstance(key, str) else key


def _document(text: str, name: str, language: str) -> Any:
    """The plain values of the profile *text*: a mapping, or for CSV the list of its rows.

    Read as the command line reads a profile: YAML and JSON within its bounds
    (:func:`orgkb.profile.load_document`), CSV as its table
    (:func:`orgkb.profile.csv_profile_rows`).
    """
    try:
        if profile_format(Path(name), text) == "csv":
            return csv_profile_rows(text, name)
        with _saved({name: text}):
            document, _ = load_document(name, PROFILE)
    except OrgkbError as error:
        raise RefusedError(error_line(error, language)) from None
    return document


def read_profile(text: str, name: str, language: str = ENGLISH) -> dict[str, Any]:
    """The profile *text* for the table: its company and each branch's :data:`TABLE_FIELDS`.

    The profile is read as the command line reads it, so a bad one is :class:`RefusedError` with
    its message; the table then shows the values as written (a branch without a region has
    an empty one).

    >>> read_profile("公司: 嘉园\\n分公司:\\n  - {名称: 汉口, 城市: 武汉, 项目: [住宅]}", "")
    {'company': '嘉园', 'format': 'yaml', 'branches': [{'name': '汉口', 'city': '武汉', \
'region': '', 'projects': '住宅', 'capacity': '', 'inquiries_per_month': ''}]}
    """
    saved = file_name(name, text)
    try:
        company = load_company_text(text, saved)
    except OrgkbError as error:
        raise RefusedError(error_line(error, language)) from None
    document = _document(text, saved, language)
    rows = document if isinstance(document, list) else _branches(document)
    branches = [
        {
            field: _table_value(
                next(
                    (v for k, v in row.items() if _own_key(k, BRANCH_ALIASES) == field),
                    None,
                )
            )
            for field in TABLE_FIELDS
        }
        for row in rows
        if isinstance(row, dict)
    ]
    kind = profile_format(Path(saved), text)
    return {"company": company.name, "format": kind, "branches": branches}


def _branches(document: Any) -> list[Any]:
    if not isinstance(document, dict):
        return []
    listed: object = next(
        (v for k, v in document.items() if _own_key(k, COMPANY_ALIASES) == "branches"), []
    )
    return listed if isinstance(listed, list) else []


def _cell(field: str, value: str, csv_text: bool) -> object:
    """A table cell as the profile writes it: in YAML and JSON, numbers as numbers and the
    projects as a list; in CSV, as typed."""
    value = value.strip()
    if csv_text or not value:
        return value
    if field == "projects":
        pattern = "|".join(map(re.escape, PROJECT_SEPARATORS))
        return [project.strip() for project in re.split(pattern, value) if project.strip()]
    if field in ("capacity", "inquiries_per_month"):
        # A number as the profile would read one; anything else stays text, for the profile
        # to refuse in its words.
        try:
            number = read_number(value)
        except InputError:
            return value
        return int(number) if number.is_integer() else number
    return value


def write_profile(
    text: str, name: str, rows: Sequence[Mapping[str, str]], language: str = ENGLISH
) -> str:
    """The profile *text* with the branches of the table *rows*, in the profile's format.

    Each row's :data:`TABLE_FIELDS` replace the same branch's (by position), under the names
    the profile spells them with, Chinese ones included; its other fields, and the profile's
    other keys, stay. An empty cell leaves its field out. An empty profile starts a new one,
    in YAML; one that cannot be read is :class:`RefusedError`. YAML comments are not kept.

    >>> print(write_profile("", "", [{"name": "A", "city": "Wuhan", "projects": "flats; villas"}]))
    company: My company
    branches:
    - name: A
      city: Wuhan
      projects: [flats, villas]
    <BLANKLINE>
    >>> csv_profile = "name,city,opened\\nA,Wuhan,2024-01-01\\n"
    >>> print(write_profile(csv_profile, "", [{"name": "B", "city": "Xi'an"}]))
    name,city,opened
    B,Xi'an,2024-01-01
    <BLANKLINE>
    """
    saved = file_name(name, text) if text.strip() else "profile.yaml"
    kind = profile_format(Path(saved), text)
    document: Any = (
        _document(text, saved, language)
        if text.strip()
        else {"company": NEW_COMPANY.translated(language), "branches": []}
    )
    csv_text = kind == "csv"
    old = document if csv_text else _branches(document)
    # A profile whose branches are written in Chinese gets new fields in Chinese too.
    chinese = any(key in BRANCH_ALIASES for item in old if isinstance(item, dict) for key in item)
    spelled = {own: alias for alias, own in BRANCH_ALIASES.items()} if chinese else {}
    branches = []
    for index, row in enumerate(rows):
        branch = dict(old[index]) if index < len(old) and isinstance(old[index], dict) else {}
        for field in TABLE_FIELDS:
            key = next(
                (k for k in branch if _own_key(k, BRANCH_ALIASES) == field),
                spelled.get(field, field),
            )
            value = _cell(field, row.get(field, ""), csv_text)
            if value not in ("", []) or (csv_text and key in branch):
                branch[key] = value
            else:
                branch.pop(key, None)
        branches.append(branch)
    if csv_text:
        return _csv(branches)
    if not isinstance(document, dict):
        document = {"company": NEW_COMPANY.translated(language)}
    key = next((k for k in document if _own_key(k, COMPANY_ALIASES) == "branches"), "branches")
    document[key] = branches
    if kind == "json":
        return json.dumps(document, ensure_ascii=False, indent=2) + "\n"
    dumped: str = yaml.safe_dump(
        document, allow_unicode=True, sort_keys=False, default_flow_style=None
    )
    return dumped


def _csv(rows: Sequence[Mapping[str, object]]) -> str:
    columns = list(dict.fromkeys(key for row in rows for key in row))
    out = io.StringIO()
    writer = csv.DictWriter(out, columns, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue()


def recommend(text: str, name: str, language: str = ENGLISH) -> dict[str, Any]:
    """Everything the planner shows for the profile *text*: the recommendation and its charts,
    the rules it applied, and the comparison of the options.

    ``plan`` is what ``orgkb recommend --format json`` prints, ``svg`` and ``page`` what
    ``orgkb chart`` prints as SVG and HTML, ``comparison`` what ``orgkb compare`` prints;
    ``chart`` is the chart's markup for the page, ``comparison_csv`` the comparison's
    figures (:data:`COMPARISON_COLUMNS`), and each rule comes with its code, title and
    anchor on the rules page.
    """
    saved = file_name(name, text)
    with _saved({saved: text}):
        plan_json, _ = _run(["recommend", saved, "--format", "json"], language)
        svg, _ = _run(["chart", saved, "--format", "svg"], language)
        page, _ = _run(["chart", saved, "--format", "html"], language)
        comparison_text, _ = _run(["compare", saved], language)
        comparison_json, _ = _run(["compare", saved, "--format", "json"], language)
        company = load_company_text(text, saved)
    drawn = chart(company, language=language)
    rules = []
    for rule_id in drawn.plan.rules:
        applied = rule(rule_id)
        rules.append(
            {
                "id": rule_id,
                "code": applied.code,
                "title": wording(applied, language).title,
                "anchor": rule_anchor(rule_id),
            }
        )
    return {
        "company": company.name,
        "scenario": scenario_name(drawn.plan.scenario, language),
        "scenario_id": str(drawn.plan.scenario),
        "title": drawn.title,
        "chart": chart_as_html(drawn),
        "svg": svg,
        "page": page,
        "plan": plan_json,
        "rules": rules,
        "comparison": comparison_text.rstrip("\n"),
        "comparison_csv": comparison_csv(json.loads(comparison_json)),
    }


def comparison_csv(document: Mapping[str, Any]) -> str:
    """The options of ``orgkb compare --format json``'s *document* as CSV, one row an option:
    :data:`COMPARISON_COLUMNS`, then each change from the company as it is (``change_…``).

    An unknown figure (volumes not given) is an empty cell.

    >>> from orgkb.compare import compare
    >>> from orgkb.model import Branch, Company
    >>> duo = Company("Duo", (Branch("A", "Wuhan"), Branch("B", "Wuhan")))
    >>> print(comparison_csv(compare(duo).to_json()).splitlines()[1][:40])
    separate,true,2,,,,2,4,0,,,,,,1,,,,0,,,
    """
    options = document["options"]
    changes = list(dict.fromkeys(key for option in options for key in option["difference"]))
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow([*COMPARISON_COLUMNS, *(f"change_{key}" for key in changes)])
    for option in options:
        values = [option.get(column) for column in COMPARISON_COLUMNS]
        values += [option["difference"].get(key) for key in changes]
        writer.writerow([_csv_value(value) for value in values])
    return out.getvalue()


def _csv_value(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return _table_value(value)


def allocate(
    text: str, name: str, leads: str, leads_name: str, language: str = ENGLISH
) -> dict[str, str]:
    """The leads of the CSV *leads* dispatched to the branches of the profile *text*, as
    ``orgkb allocate --summary`` does: ``csv``, its output, and ``summary``, the per-branch
    table (and any remark on the leads) it prints on standard error.

    >>> profile = "company: Duo\\nbranches: [{name: A, city: Wuhan}, {name: B, city: Wuhan}]\\n"
    >>> done = allocate(profile, "duo.yaml", "id,project,city\\n1,flats,Wuhan\\n", "leads.csv")
    >>> print(done["csv"], end="")
    lead_id,branch,reason
    1,A,
    >>> allocate(profile, "duo.yaml", "id,project\\n1,flats\\n", "leads.csv")
    Traceback (most recent call last):
      ...
    orgkb.planner.RefusedError: orgkb: leads.csv:1: the header has no 'city' column ...
    """
    saved = file_name(name, text)
    leads_saved = Path(leads_name).name or "leads.csv"
    if leads_saved == saved:
        leads_saved = f"leads-{leads_saved}"
    with _saved({saved: text, leads_saved: leads}):
        out, err = _run(["allocate", saved, leads_saved, "--summary"], language, leads_saved)
    return {"csv": out, "summary": err.rstrip("\n")}


CALLS: dict[str, Callable[..., object]] = {
    "read_profile": read_profile,
    "write_profile": write_profile,
    "recommend": recommend,
    "allocate": allocate,
}
"""What the page may call, by name (the worker's ``call`` messages)."""


def call(name: str, arguments: str) -> str:
    """Call the function *name* of :data:`CALLS` with the JSON list *arguments*; its answer as
    JSON: ``{"result": …}``, or ``{"error": line, "field": …}`` when it is :class:`RefusedError`.

    >>> answer = json.loads(call("read_profile", '["company: Solo\\\\nbranches: 3", "solo.yaml"]'))
    >>> answer["field"], answer["error"]
    ('profile', 'orgkb: solo.yaml:2: branches: expected a list of branches, got a number (3)')
    """
    try:
        result = CALLS[name](*json.loads(arguments))
    except RefusedError as refused:
        return json.dumps({"error": refused.line, "field": refused.field}, ensure_ascii=False)
    return json.dumps({"result": result}, ensure_ascii=False)
