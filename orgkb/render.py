"""Every line of text orgkb shows a person, and the one place its wording lives.

The algorithms — :mod:`orgkb.plan`, :mod:`orgkb.dispatch`, :mod:`orgkb.groups`,
:mod:`orgkb.compare`, :mod:`orgkb.staffing` — return values; the functions here turn them into
text for a terminal, a page or a plain-text email: plan trees, tables, the dispatch summary,
the tally of competing groups, the comparison, the staffing, and the notes and errors the
command line writes. Each message is a whole sentence with its values named in it, never one
glued together from fragments, so that another language can replace it whole.

A value someone typed — a name, an id, a path — may hold characters that a terminal acts on
instead of showing (an escape sequence, a carriage return, a bell) or that no encoding can
write (a lone surrogate). The text shows them as escapes, with :func:`printable`: what the
input held is visible, and nothing else happens.
"""

from __future__ import annotations

import re
import textwrap
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence

from orgkb.compare import Comparison, Outcome
from orgkb.dispatch import Dispatcher, Unassigned
from orgkb.groups import GroupTally, Within
from orgkb.leads import MalformedRow
from orgkb.model import Level
from orgkb.plan import Plan, Unit
from orgkb.reading import quoted
from orgkb.rules import Rule
from orgkb.staffing import Staffing

UNPRINTABLE = re.compile(
    "[\x00-\x09\x0b-\x1f\x7f-\x9f"  # control characters, but the line break
    "\u200e\u200f\u202a-\u202e\u2066-\u2069"  # marks that turn the direction of text
    "\u2028\u2029"  # line and paragraph separators
    "\ud800-\udfff]"  # lone surrogates, which no encoding writes
)
"""The characters :func:`printable` writes as escapes; a line break is not one of them."""
_UNPRINTABLE_OR_BREAK = re.compile(f"\n|{UNPRINTABLE.pattern}")

_WIDTH = 88
"""Where the notes under the comparison wrap, to fit a terminal and a page's code block."""


def printable(text: str, *, one_line: bool = False) -> str:
    r"""*text* with each character a terminal would act on, rather than show, as an escape.

    The characters are those of :data:`UNPRINTABLE`, and line breaks too when *one_line*;
    each is written as Python writes it in a string, such as ``\x1b`` for ESC.

    >>> printable("Acme\x1b[2J\r\n")
    'Acme\\x1b[2J\\r\n'
    >>> printable("Acme\nHankou [branch]", one_line=True)
    'Acme\\nHankou [branch]'
    """
    pattern = _UNPRINTABLE_OR_BREAK if one_line else UNPRINTABLE
    return pattern.sub(_escape, text)


def _escape(match: re.Match[str]) -> str:
    return repr(match.group())[1:-1]


def _value(text: object) -> str:
    # What the user gave, shown on one line.
    return printable(str(text), one_line=True)


# Plans


def plan_as_text(plan: Plan) -> str:
    """The plan as an indented tree, then the rules it applied.

    >>> from orgkb.model import Branch, Company
    >>> from orgkb.plan import recommend
    >>> print(plan_as_text(recommend(Company("Duo", (Branch("A", "Wuhan"),)))))
    Duo: no-branches
    Duo [group] promotion 推广, customer service 客服, sales 销售
    <BLANKLINE>
    Rules applied:
    - no-branches.one-head-over-three-departments
    """
    company = _value(plan.company)
    if plan.governance is None:
        heading = f"{company}: {plan.scenario}"
    else:
        heading = f"{company}: {plan.scenario}, {plan.governance}"
    lines = [heading, *plan_tree(plan)]
    lines += ["", "Rules applied:", *(f"- {rule_id}" for rule_id in plan.rules)]
    return "\n".join(lines)


def plan_tree(plan: Plan, describe: Callable[[Unit], str] | None = None) -> list[str]:
    """The units of *plan* as an indented tree, one line each.

    *describe* gives a unit's line; by default its name, level and functions. Whatever it
    gives is shown on one line (see :func:`printable`), so a name cannot start a line of its
    own.
    """
    describe = describe or _describe
    lines = []
    for top in plan.children(None):
        lines.append(_value(describe(top)))
        lines.extend(_branches_of(plan, top, "", describe))
    return lines


def _describe(unit: Unit) -> str:
    functions = ", ".join(function.label for function in unit.functions) or "(manages only)"
    return f"{unit.name} [{unit.level}] {functions}"


def _branches_of(
    plan: Plan, unit: Unit, indent: str, describe: Callable[[Unit], str]
) -> Iterator[str]:
    children = plan.children(unit.id)
    for position, child in enumerate(children, start=1):
        last = position == len(children)
        yield f"{indent}{'└── ' if last else '├── '}{_value(describe(child))}"
        yield from _branches_of(plan, child, indent + ("    " if last else "│   "), describe)


# Tables


def text_table(rows: Sequence[Sequence[str]]) -> list[str]:
    """*rows* as lines of left-aligned columns, two spaces apart, Chinese counted double wide.

    >>> print("\\n".join(text_table([("branch", "leads"), ("汉口", "12")])))
    branch  leads
    汉口    12
    """
    cells = [[_value(cell) for cell in row] for row in rows]
    widths = [max(_width(row[column]) for row in cells) for column in range(len(cells[0]))]
    return [
        "  ".join(
            cell + " " * (width - _width(cell)) for cell, width in zip(row, widths, strict=True)
        ).rstrip()
        for row in cells
    ]


def _width(text: str) -> int:
    # Chinese characters take two columns of a terminal.
    return sum(2 if unicodedata.east_asian_width(character) in "WF" else 1 for character in text)


def rules_as_text(rules: Iterable[Rule]) -> str:
    """The rules as lines of id and title, the titles aligned.

    >>> from orgkb.rules import RULES
    >>> print(rules_as_text(RULES[:2]))
    no-branches.one-head-over-three-departments  One head over promotion, customer service and sales
    one-region.sales-in-every-branch             Sales in every branch
    """
    listed = list(rules)
    width = max(len(known.id) for known in listed)
    return "\n".join(f"{known.id:<{width}}  {known.title}" for known in listed)


# Lead dispatch and competing groups


def dispatch_summary(dispatcher: Dispatcher, *, lost: Mapping[str, int] | None = None) -> list[str]:
    """What a dispatcher has done so far, as lines for a terminal.

    One line of totals, then a table with a row per branch: its region, capacity, open
    workload and leads assigned, then its share of its region's load (open and assigned) next
    to its share of the region's capacity, which fair dispatch brings together. When a branch
    has a daily cap or closed days, a column of the turns each branch passed (see
    :class:`~orgkb.dispatch.Dispatcher`); with *lost*, the leads a
    :class:`~orgkb.dispatch.LeadPool` took back from each branch, and their total. Last, the
    leads not assigned, by reason.

    >>> from orgkb.leads import Lead
    >>> from orgkb.model import Branch, Company
    >>> company = Company("Duo", (Branch("A", "Wuhan"), Branch("B", "Wuhan", capacity=3)))
    >>> dispatcher = Dispatcher(company)
    >>> for n in range(8):
    ...     _ = dispatcher.take(Lead(str(n), "flats", "Wuhan" if n else "Beijing"))
    >>> print("\\n".join(dispatch_summary(dispatcher)))
    8 leads: 7 assigned (7 in their city, 0 elsewhere in their region), 1 not assigned
    branch  region  capacity  open  assigned  load share  capacity share
    A       Wuhan   1         0     2         28.6%       25.0%
    B       Wuhan   3         0     5         71.4%       75.0%
    not assigned: unknown-city 1
    """
    company = dispatcher.company
    assigned = dispatcher.assigned
    open_workload = dispatcher.open_workload
    passed = dispatcher.passed if dispatcher.restricted else None
    in_city = dispatcher.by_level[Level.CITY]
    in_region = dispatcher.by_level[Level.REGION]
    assigned_total = in_city + in_region
    unassigned_total = sum(dispatcher.unassigned.values())
    leads = assigned_total + unassigned_total
    lines = [
        f"{leads} leads: {assigned_total} assigned ({in_city} in their city, {in_region} "
        f"elsewhere in their region), {unassigned_total} not assigned"
    ]
    load: Counter[str] = Counter()
    capacity: dict[str, float] = dict.fromkeys(company.regions, 0.0)
    for branch in company.branches:
        load[branch.region] += assigned[branch.name] + open_workload[branch.name]
        capacity[branch.region] += branch.capacity
    header = ["branch", "region", "capacity", "open", "assigned"]
    header += ["passed"] * (passed is not None) + ["lost"] * (lost is not None)
    rows = [(*header, "load share", "capacity share")]
    for branch in company.branches:
        branch_load = assigned[branch.name] + open_workload[branch.name]
        region_load = load[branch.region]
        counts = [str(open_workload[branch.name]), str(assigned[branch.name])]
        if passed is not None:
            counts.append(str(passed[branch.name]))
        if lost is not None:
            counts.append(str(lost.get(branch.name, 0)))
        rows.append(
            (
                branch.name,
                branch.region,
                f"{branch.capacity:g}",
                *counts,
                f"{branch_load / region_load:.1%}" if region_load else "-",
                f"{branch.capacity / capacity[branch.region]:.1%}",
            )
        )
    lines += text_table(rows)
    if lost is not None:
        taken_back = sum(lost.values())
        lines.append(
            f"taken back for want of a follow-up and given to another branch: {taken_back}"
        )
    if unassigned_total:
        counts_by_reason = ", ".join(
            f"{why} {dispatcher.unassigned[why]}"
            for why in Unassigned
            if why in dispatcher.unassigned
        )
        lines.append(f"not assigned: {counts_by_reason}")
    return lines


def tally_lines(tallies: Sequence[GroupTally], confidence: float | None = None) -> list[str]:
    """The tallies of competing groups as a table for a terminal, a row per group.

    With *confidence*, a last column gives the conversion's Wilson interval at it.

    >>> print("\\n".join(tally_lines([GroupTally("Red", 10, 8, 2, 2), GroupTally("Blue")])))
    group  leads  assigned  not assigned  deals  conversion
    Red    10     8         2             2      25.0%
    Blue   0      0         0             0      -
    >>> print("\\n".join(tally_lines([GroupTally("Red", 10, 8, 2, 2)], confidence=0.95)))
    group  leads  assigned  not assigned  deals  conversion  95% interval
    Red    10     8         2             2      25.0%       7.1%–59.1%
    """
    header = ["group", "leads", "assigned", "not assigned", "deals", "conversion"]
    if confidence is not None:
        header.append(f"{confidence * 100:g}% interval")
    rows = [tuple(header)]
    for row in tallies:
        cells = [
            row.group,
            str(row.leads),
            str(row.assigned),
            str(row.unassigned),
            str(row.deals),
            _rate(row.conversion),
        ]
        if confidence is not None:
            cells.append(_interval(row.interval(confidence)))
        rows.append(tuple(cells))
    return text_table(rows)


def within_lines(within: Within) -> list[str]:
    """The comparison of competing groups within each project or branch, and mix-adjusted.

    A row per project (or branch), a column per group with its deals, assigned leads and
    conversion there; then each group's directly standardised conversion.

    >>> from orgkb.groups import Within
    >>> within = Within("project", {"flats": {"Red": (8, 2), "Blue": (2, 1)},
    ...                             "villas": {"Red": (3, 0)}}, ("flats",),
    ...                 {"Red": 0.25, "Blue": 0.5})
    >>> print("\\n".join(within_lines(within)))
    project       Red         Blue
    flats         2/8  25.0%  1/2  50.0%
    villas        0/3  0.0%   -
    mix-adjusted  25.0%       50.0%
    mix-adjusted: over the projects where every group has leads (flats), weighted by their leads
    """
    groups = list(within.adjusted)
    rows: list[tuple[str, ...]] = [(within.by, *groups)]
    for name, by_group in within.strata.items():
        cells = []
        for group in groups:
            if group not in by_group:
                cells.append("-")
                continue
            assigned, deals = by_group[group]
            cells.append(f"{deals}/{assigned}  {_rate(deals / assigned)}")
        rows.append((name, *cells))
    rows.append(("mix-adjusted", *(_rate(rate) for rate in within.adjusted.values())))
    lines = text_table(rows)
    kind = "branches" if within.by == "branch" else "projects"
    if within.common:
        common = ", ".join(_value(name) for name in within.common)
        lines.append(
            f"mix-adjusted: over the {kind} where every group has leads ({common}), weighted "
            "by their leads"
        )
    else:
        lines.append(
            f"mix-adjusted: no {within.by} has leads of every group, so the groups cannot be "
            "scored on the same mix"
        )
    return lines


def _rate(rate: float | None) -> str:
    return "-" if rate is None else f"{rate:.1%}"


def _interval(interval: tuple[float, float] | None) -> str:
    return "-" if interval is None else f"{interval[0]:.1%}–{interval[1]:.1%}"


# Comparison of options


def comparison_as_text(comparison: Comparison) -> str:
    """The comparison as a table, one column per option, then the assumptions.

    >>> from orgkb.compare import compare
    >>> from orgkb.model import Branch, Company
    >>> duo = Company("Duo", (Branch("A", "Wuhan", inquiries_per_hour=50),
    ...                       Branch("B", "Wuhan", inquiries_per_hour=50)))
    >>> print(comparison_as_text(compare(duo)))
    Duo: one-region, 2 branches; as is: separate
                              separate*  unified
    customer-service queues           2        1
    agents answering                 10        8
    ...
    same-city friction pairs          1        0
    * as is: the company today (set it with the profile's as_is field)
    ...
    """
    outcomes = comparison.outcomes
    company = _value(comparison.company)
    count = comparison.branches
    branches = "1 branch" if count == 1 else f"{count} branches"
    heading = f"{company}: {comparison.scenario}, {branches}; as is: {comparison.as_is}"
    headers = [
        f"{outcome.option}*" if outcome.option is comparison.as_is else str(outcome.option)
        for outcome in outcomes
    ]
    rows = [
        (label, [figure(comparison, outcome) for outcome in outcomes]) for label, figure in _ROWS
    ]
    width = max(len(label) for label, _ in rows)
    columns = [
        max(len(header), *(len(row[1][i]) for row in rows)) for i, header in enumerate(headers)
    ]
    lines = [
        heading,
        " " * width + "".join(f"  {h:>{w}}" for h, w in zip(headers, columns, strict=True)),
    ]
    for label, values in rows:
        cells = "".join(f"  {v:>{w}}" for v, w in zip(values, columns, strict=True))
        lines.append(f"{label:<{width}}{cells}")
    lines.append("* as is: the company today (set it with the profile's as_is field)")
    notes = []
    if not comparison.sized:
        notes.append(
            "Inquiry volumes not given: queues, managers, headcount and cost are not sized. "
            "Give every branch inquiries_per_hour or inquiries_per_month."
        )
    notes.append(f"Assumptions: {comparison.assumptions.describe()}.")
    notes.append("Sales (one department per branch in every option) is not counted.")
    lines.extend(textwrap.fill(note, width=_WIDTH, subsequent_indent="  ") for note in notes)
    return "\n".join(lines)


def _figure(value: float | None, *, signed: bool = False, decimals: int = 0) -> str:
    if value is None:
        return "–"
    if signed and value:
        return f"{value:+,.{decimals}f}"
    return f"{value:,.{decimals}f}"


# How one row of the comparison shows an option's outcome.
_Figure = Callable[[Comparison, Outcome], str]

_ROWS: tuple[tuple[str, _Figure], ...] = (
    ("customer-service queues", lambda c, o: _figure(o.customer_service_teams)),
    ("agents answering", lambda c, o: _figure(o.agents)),
    ("agents rostered", lambda c, o: _figure(o.rostered_agents)),
    ("promotion teams", lambda c, o: _figure(o.promotion_teams)),
    ("promoters", lambda c, o: _figure(o.promoters)),
    ("support and coordination", lambda c, o: _figure(o.support_staff)),
    ("managers", lambda c, o: _figure(o.managers)),
    ("management layers", lambda c, o: _figure(o.management_layers)),
    ("average span of control", lambda c, o: _figure(o.average_span_of_control, decimals=2)),
    ("headcount", lambda c, o: _figure(o.headcount)),
    (
        "  change from as is",
        lambda c, o: _figure(c.difference(o.option)["headcount"], signed=True),
    ),
    ("labour cost a month", lambda c, o: _figure(o.labour_cost)),
    (
        "  change from as is",
        lambda c, o: _figure(c.difference(o.option)["labour_cost"], signed=True),
    ),
    ("same-city friction pairs", lambda c, o: _figure(len(o.friction_pairs))),
)


# Staffing


def staffing_as_text(staffing: Staffing) -> str:
    """The staffing as lines of ``label: value`` for a terminal.

    >>> from orgkb.staffing import staff
    >>> print(staffing_as_text(staff(200)))
    load: 10 Erlangs (200 arrivals an hour, 180 s each)
    target: 80% answered within 20 s, handle time 180 s, shrinkage 0%, no occupancy cap
    agents answering: 14
    agents rostered: 14
    service level: 88.84% answered within 20 s
    probability of waiting: 17.41%
    average speed of answer: 7.8 s
    occupancy: 71.43%
    """
    target = staffing.target
    return "\n".join(
        (
            f"load: {staffing.erlangs:.4g} Erlangs "
            f"({staffing.arrivals_per_hour:g} arrivals an hour, {target.handle_time:g} s each)",
            f"target: {target.describe()}",
            f"agents answering: {staffing.agents}",
            f"agents rostered: {staffing.rostered_agents}",
            f"service level: {staffing.service_level:.2%} answered within "
            f"{target.answer_within:g} s",
            f"probability of waiting: {staffing.p_wait:.2%}",
            f"average speed of answer: {staffing.asa_seconds:.1f} s",
            f"occupancy: {staffing.occupancy:.2%}",
        )
    )


# What the command line says on standard error, each line starting with the program's name


def error_line(error: Exception) -> str:
    """The line the command line ends with when *error* stops it.

    >>> from orgkb.errors import InputError
    >>> error_line(InputError("missing", path="a\\x1b.yaml", line=3, field="company"))
    'orgkb: a\\\\x1b.yaml:3: company: missing'
    """
    return f"orgkb: {_value(error)}"


def malformed_row_line(path: str, row: MalformedRow) -> str:
    """The remark on a row of a leads file that is not a lead; the dispatch goes on."""
    return f"orgkb: {_value(path)}:{row.line}: {_value(row.problem)}"


def unused_follow_ups(count: int, follow_ups: str, leads: str) -> str:
    """The note that *count* rows of the follow-ups file name leads the leads file lacks."""
    rows = "1 row" if count == 1 else f"{count:,} rows"
    return (
        f"orgkb: note: {rows} of {_value(follow_ups)} name leads that are not in "
        f"{_value(leads)}, and were not used"
    )


def governance_not_used(plan: Plan) -> str:
    """The note that ``--governance`` was given for a plan with no choice of governance."""
    company = _value(plan.company)
    return (
        f"orgkb: note: --governance applies to several regions; "
        f"{company} is {plan.scenario}, so it was not used"
    )


def governance_not_used_in_chart(plan: Plan, *, as_is: bool) -> str:
    """The note that ``--governance`` was given for a chart it does not change.

    *as_is* says the chart shows the company as it is, which shows no functions.
    """
    if as_is:
        return (
            "orgkb: note: --governance applies to the recommendation for several regions; "
            "an as-is chart shows no functions, so it was not used"
        )
    company = _value(plan.company)
    return (
        "orgkb: note: --governance applies to the recommendation for several regions; "
        f"{company} is {plan.scenario}, so it was not used"
    )


# Messages of the errors the command line raises itself


def unknown_rule(rule_id: str) -> str:
    """The message for a rule id that no rule has."""
    return f"no rule has the id {quoted(rule_id)}; `orgkb rules` lists them"


def invalid_choice(value: object, choices: Iterable[object]) -> str:
    """The message for an option or command given a value outside its *choices*.

    >>> invalid_choice("xml", ("text", "json"))
    "invalid choice: 'xml' (choose from text, json)"
    """
    listed = ", ".join(str(choice) for choice in choices)
    return f"invalid choice: {value!r} (choose from {listed})"


OUTPUT_CLOSED = "standard output is closed, so there is nowhere to write the result"
"""The message when the command has no standard output to write to."""


def output_not_encodable(encoding: str | None) -> str:
    """The message when standard output's *encoding* cannot hold the result's characters."""
    return (
        f"standard output is in the encoding {encoding}, which cannot hold the result; "
        "use UTF-8, for example with PYTHONIOENCODING=utf-8"
    )


def output_failed(reason: str) -> str:
    """The message when writing to standard output fails, for *reason* (the system's words)."""
    return f"cannot write to standard output: {reason}"
