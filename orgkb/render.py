"""The text orgkb shows a person: the one place its human-readable output is written.

The algorithms — :mod:`orgkb.plan`, :mod:`orgkb.dispatch`, :mod:`orgkb.groups`,
:mod:`orgkb.compare`, :mod:`orgkb.staffing` — return values; the functions here turn them into
text for a terminal, a page or a plain-text email: plan trees, tables, the dispatch summary,
the tally of competing groups, the comparison and its assumptions, the staffing and its service
target, and the notes and errors the command line writes. An error found deep in the library
is worded where it is found, a lead's reason for going unassigned by the dispatcher that
records it in the lead's row, and a drawing — a chart, the handout, a slide — by the module
that draws it, all in the same way: each message is a whole sentence with its values named in
it, never one glued together from fragments, so that another language can replace it whole;
every one is a :class:`~orgkb.text.Text`, and every function here takes the *language* to
write in, English by default or Chinese (``zh_CN``), whose words are in :mod:`orgkb.zh`. Ids,
names and the values of the formats for programs stay as they are in either language.

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

from orgkb.compare import Assumptions, Comparison, Outcome
from orgkb.dispatch import Dispatcher, Unassigned
from orgkb.errors import OrgkbError
from orgkb.groups import GroupTally, Within
from orgkb.leads import MalformedRow
from orgkb.model import Function, Level
from orgkb.plan import GROUP_ID, Plan, Unit
from orgkb.rules import Rule, rule, wording
from orgkb.staffing import ServiceTarget, Staffing
from orgkb.support import Finding, Support
from orgkb.text import ENGLISH, Text, in_language, is_chinese, shortened, translated
from orgkb.transition import Phase, PhaseName, Step, Transition

UNPRINTABLE = re.compile(
    "[\x00-\x09\x0b-\x1f\x7f-\x9f"  # control characters, but the line break
    "\u200e\u200f\u202a-\u202e\u2066-\u2069"  # marks that turn the direction of text
    "\u2028\u2029"  # line and paragraph separators
    "\ud800-\udfff"  # lone surrogates, which no encoding writes
    "\ufffe\uffff]"  # noncharacters, which no text holds
)
"""The characters :func:`printable` writes as escapes, and a chart draws as their codes
(:mod:`orgkb.chart`); a line break is not one of them."""
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


def listed(words: Iterable[str], language: str = ENGLISH) -> str:
    """*words* as a list in a sentence of *language*: commas in English, 、 in Chinese.

    >>> listed(["推广", "客服"], "zh_CN"), listed(["a", "b"])
    ('推广、客服', 'a, b')
    """
    return Text(", ").translated(language).join(words)


def functions_label(functions: Iterable[Function], language: str = ENGLISH) -> str:
    """The labels of *functions* in *language*, as a list; empty for none."""
    return listed((function.label_in(language) for function in functions), language)


# Plans


def plan_as_text(plan: Plan, language: str = ENGLISH) -> str:
    """The plan as an indented tree, then the rules it applied, in *language*.

    >>> from orgkb.model import Branch, Company
    >>> from orgkb.plan import recommend
    >>> print(plan_as_text(recommend(Company("Duo", (Branch("A", "Wuhan"),)))))
    Duo: no-branches
    Duo [group] promotion 推广, customer service 客服, sales 销售
    <BLANKLINE>
    Rules applied:
    - R1 no-branches.one-head-over-three-departments
    >>> print(plan_as_text(recommend(Company("Duo", (Branch("A", "Wuhan"),))), "zh_CN"))
    Duo：没有分公司
    Duo [集团] 推广、客服、销售
    <BLANKLINE>
    采用的规则：
    - R1 no-branches.one-head-over-three-departments
    """
    company = _value(plan.company)
    if plan.governance is None:
        heading = Text("{company}: {scenario}", company=company, scenario=plan.scenario)
    else:
        heading = Text(
            "{company}: {scenario}, {governance}",
            company=company,
            scenario=plan.scenario,
            governance=plan.governance,
        )
    lines = [heading.translated(language), *plan_tree(plan, language=language)]
    lines += ["", Text("Rules applied:").translated(language)]
    lines += [f"- {rule(rule_id).code} {rule_id}" for rule_id in plan.rules]
    return "\n".join(lines)


def plan_tree(
    plan: Plan, describe: Callable[[Unit], str] | None = None, *, language: str = ENGLISH
) -> list[str]:
    """The units of *plan* as an indented tree, one line each.

    *describe* gives a unit's line; by default its name, level and functions in *language*
    (:func:`unit_line`). Whatever it gives is shown on one line (see :func:`printable`), so a
    name cannot start a line of its own.
    """
    describe = describe or (lambda unit: unit_line(unit, language))
    lines = []
    for top in plan.children(None):
        lines.append(_value(describe(top)))
        lines.extend(_branches_of(plan, top, "", describe))
    return lines


def unit_line(unit: Unit, language: str = ENGLISH, *, functions_known: bool = True) -> str:
    """A unit's line of a tree: its name, its level in brackets and, if known, its functions.

    >>> from orgkb.plan import Unit
    >>> unit_line(Unit("group", "Acme", Level.GROUP, None, ()), "zh_CN")
    'Acme [集团] （只做管理）'
    """
    if not functions_known:
        return Text("{name} [{level}]", name=unit.name, level=unit.level).translated(language)
    functions = functions_label(unit.functions, language)
    return Text(
        "{name} [{level}] {functions}",
        name=unit.name,
        level=unit.level,
        functions=functions or Text("(manages only)"),
    ).translated(language)


def _branches_of(
    plan: Plan, unit: Unit, indent: str, describe: Callable[[Unit], str]
) -> Iterator[str]:
    children = plan.children(unit.id)
    for position, child in enumerate(children, start=1):
        last = position == len(children)
        yield f"{indent}{'└── ' if last else '├── '}{_value(describe(child))}"
        yield from _branches_of(plan, child, indent + ("    " if last else "│   "), describe)


# Tables


def text_table(rows: Sequence[Sequence[str]], *, numbers_from: int | None = None) -> list[str]:
    """*rows* as lines of left-aligned columns, two spaces apart, Chinese counted double wide.

    The columns from *numbers_from* on, when given, are aligned to the right, as figures are.

    >>> print("\\n".join(text_table([("branch", "leads"), ("汉口", "12")])))
    branch  leads
    汉口    12
    >>> print("\\n".join(text_table([("branch", "leads"), ("汉口", "12")], numbers_from=1)))
    branch  leads
    汉口       12
    """
    cells = [[_value(cell) for cell in row] for row in rows]
    widths = [max(_width(row[column]) for row in cells) for column in range(len(cells[0]))]
    right = len(widths) if numbers_from is None else numbers_from
    return [
        "  ".join(
            _padded(cell, width, right=column >= right)
            for column, (cell, width) in enumerate(zip(row, widths, strict=True))
        ).rstrip()
        for row in cells
    ]


def _width(text: str) -> int:
    # Chinese characters take two columns of a terminal.
    return sum(2 if unicodedata.east_asian_width(character) in "WF" else 1 for character in text)


def _padded(text: str, width: int, *, right: bool = False) -> str:
    # Aligned by the columns the text takes, Chinese counted double wide.
    padding = " " * max(0, width - _width(text))
    return padding + text if right else text + padding


def rules_as_text(rules: Iterable[Rule], language: str = ENGLISH) -> str:
    """The rules as lines of code, id and title in *language*, the columns aligned.

    >>> from orgkb.rules import RULES
    >>> print(rules_as_text(RULES[:2]))
    R1  no-branches.one-head-over-three-departments  One head over promotion, customer service and sales
    R2  one-region.sales-in-every-branch             Sales in every branch
    >>> print(rules_as_text(RULES[1:2], "zh_CN"))
    R2  one-region.sales-in-every-branch  每家分公司设销售部
    """  # noqa: E501
    rows = [(known.code, known.id, wording(known, language).title) for known in rules]
    return "\n".join(text_table(rows))


# Lead dispatch and competing groups


def dispatch_summary(
    dispatcher: Dispatcher, language: str = ENGLISH, *, lost: Mapping[str, int] | None = None
) -> list[str]:
    """What a dispatcher has done so far, as lines for a terminal, in *language*.

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
        Text(
            "{leads} leads: {assigned} assigned ({in_city} in their city, {in_region} elsewhere "
            "in their region), {unassigned} not assigned",
            leads=leads,
            assigned=assigned_total,
            in_city=in_city,
            in_region=in_region,
            unassigned=unassigned_total,
        ).translated(language)
    ]
    load: Counter[str] = Counter()
    capacity: dict[str, float] = dict.fromkeys(company.regions, 0.0)
    for branch in company.branches:
        load[branch.region] += assigned[branch.name] + open_workload[branch.name]
        capacity[branch.region] += branch.capacity
    header = [Text("branch"), Text("region"), Text("capacity"), Text("open"), Text("assigned")]
    header += [Text("passed")] * (passed is not None) + [Text("lost")] * (lost is not None)
    header += [Text("load share"), Text("capacity share")]
    rows = [tuple(cell.translated(language) for cell in header)]
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
            Text(
                "taken back for want of a follow-up and given to another branch: {count}",
                count=taken_back,
            ).translated(language)
        )
    if unassigned_total:
        by_reason = listed(
            (
                f"{why} {dispatcher.unassigned[why]}"
                for why in Unassigned
                if why in dispatcher.unassigned
            ),
            language,
        )
        lines.append(Text("not assigned: {counts}", counts=by_reason).translated(language))
    return lines


def tally_lines(
    tallies: Sequence[GroupTally], language: str = ENGLISH, *, confidence: float | None = None
) -> list[str]:
    """The tallies of competing groups as a table for a terminal, a row per group, in *language*.

    With *confidence*, a last column gives the conversion's Wilson interval at it.

    >>> print("\\n".join(tally_lines([GroupTally("Red", 10, 8, 2, 2), GroupTally("Blue")])))
    group  leads  assigned  not assigned  deals  conversion
    Red    10     8         2             2      25.0%
    Blue   0      0         0             0      -
    >>> print("\\n".join(tally_lines([GroupTally("Red", 10, 8, 2, 2)], confidence=0.95)))
    group  leads  assigned  not assigned  deals  conversion  95% interval
    Red    10     8         2             2      25.0%       7.1%–59.1%
    """
    header = [
        Text("group"),
        Text("leads"),
        Text("assigned"),
        Text("not assigned"),
        Text("deals"),
        Text("conversion"),
    ]
    if confidence is not None:
        header.append(Text("{percent:g}% interval", percent=confidence * 100))
    rows = [tuple(cell.translated(language) for cell in header)]
    for row in tallies:
        cells = [
            row.group,
            str(row.leads),
            str(row.assigned),
            str(row.unassigned),
            str(row.deals),
            _percent(row.conversion),
        ]
        if confidence is not None:
            cells.append(_interval(row.interval(confidence)))
        rows.append(tuple(cells))
    return text_table(rows)


def within_lines(within: Within, language: str = ENGLISH) -> list[str]:
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
    by_branch = within.by == "branch"
    groups = list(within.adjusted)
    by = Text("branch") if by_branch else Text("project")
    rows: list[tuple[str, ...]] = [(by.translated(language), *groups)]
    for name, by_group in within.strata.items():
        cells = []
        for group in groups:
            if group not in by_group:
                cells.append("-")
                continue
            assigned, deals = by_group[group]
            cells.append(f"{deals}/{assigned}  {_percent(deals / assigned)}")
        rows.append((name, *cells))
    adjusted = Text("mix-adjusted").translated(language)
    rows.append((adjusted, *(_percent(rate) for rate in within.adjusted.values())))
    lines = text_table(rows)
    if within.common:
        common = listed((_value(name) for name in within.common), language)
        over = (
            Text(
                "mix-adjusted: over the branches where every group has leads ({common}), "
                "weighted by their leads",
                common=common,
            )
            if by_branch
            else Text(
                "mix-adjusted: over the projects where every group has leads ({common}), "
                "weighted by their leads",
                common=common,
            )
        )
    elif by_branch:
        over = Text(
            "mix-adjusted: no branch has leads of every group, so the groups cannot be "
            "scored on the same mix"
        )
    else:
        over = Text(
            "mix-adjusted: no project has leads of every group, so the groups cannot be "
            "scored on the same mix"
        )
    lines.append(over.translated(language))
    return lines


def _interval(interval: tuple[float, float] | None) -> str:
    return "-" if interval is None else f"{interval[0]:.1%}–{interval[1]:.1%}"


# Comparison of options


def assumptions_text(assumptions: Assumptions) -> Text:
    """The *assumptions* of a comparison in one paragraph of words, which
    :meth:`~orgkb.text.Text.translated` gives in Chinese."""
    support: Text | int = assumptions.support_team
    if assumptions.support_needed is not None:
        support = Text(
            "{size} for the {count} branches that need it",
            size=assumptions.support_team,
            count=assumptions.support_needed,
        )
    return Text(
        "service target {target}; customer service open {hours:g} h a day, {days_open:g} "
        "days a week, {work:g} h a week a person; span of control {span}; busy hour "
        "{busy:g}% of a day's inquiries, {days:g} days a month; promotion {overhead} a team "
        "for its accounts and campaigns and one per {leads:,.0f} inquiries a month, at least "
        "{minimum} a team; support team {support}, coordination team {coordination}",
        target=service_target_text(assumptions.target),
        hours=assumptions.open_hours_per_day,
        days_open=assumptions.open_days_per_week,
        work=assumptions.work_hours_per_week,
        span=assumptions.span_of_control,
        busy=assumptions.busy_hour_factor * 100,
        days=assumptions.days_per_month,
        overhead=assumptions.promotion_overhead,
        leads=assumptions.leads_per_promoter,
        minimum=assumptions.promotion_minimum,
        support=support,
        coordination=assumptions.coordination_team,
    )


def comparison_as_text(comparison: Comparison, language: str = ENGLISH) -> str:
    """The comparison as a table, one column per option, then the assumptions, in *language*.

    >>> from orgkb.compare import compare
    >>> from orgkb.model import Branch, Company
    >>> duo = Company("Duo", (Branch("A", "Wuhan", inquiries_per_hour=50),
    ...                       Branch("B", "Wuhan", inquiries_per_hour=50)))
    >>> print(comparison_as_text(compare(duo)))
    Duo: one-region, 2 branches; as is: separate
                                      separate*  unified
    customer-service queues                   2        1
    busy-hour agents answering               10        8
    ...
    same-city friction pairs                  1        0
    * as is: the company today (set it with the profile's as_is field)
    ...
    """
    outcomes = comparison.outcomes
    company = _value(comparison.company)
    count = comparison.branches
    branches = Text("1 branch") if count == 1 else Text("{count} branches", count=count)
    heading = Text(
        "{company}: {scenario}, {branches}; as is: {as_is}",
        company=company,
        scenario=comparison.scenario,
        branches=branches,
        as_is=comparison.as_is,
    )
    headers = [
        Text("{option}*", option=outcome.option).translated(language)
        if outcome.option is comparison.as_is
        else str(translated(outcome.option, language))
        for outcome in outcomes
    ]
    rows = [
        (label.translated(language), [figure(comparison, outcome) for outcome in outcomes])
        for label, figure in _ROWS
    ]
    width = max(_width(label) for label, _ in rows)
    columns = [
        max(_width(header), *(len(row[1][i]) for row in rows)) for i, header in enumerate(headers)
    ]
    header_cells = "".join(
        f"  {_padded(header, column, right=True)}"
        for header, column in zip(headers, columns, strict=True)
    )
    lines = [heading.translated(language), " " * width + header_cells]
    for label, values in rows:
        cells = "".join(f"  {v:>{w}}" for v, w in zip(values, columns, strict=True))
        lines.append(f"{_padded(label, width)}{cells}")
    as_is = Text("* as is: the company today (set it with the profile's as_is field)")
    lines.append(as_is.translated(language))
    notes = []
    if not comparison.sized:
        notes.append(
            Text(
                "Inquiry volumes not given: queues, managers, headcount and cost are not sized. "
                "Give every branch inquiries_per_hour or inquiries_per_month."
            )
        )
    notes.append(
        Text("Assumptions: {assumptions}.", assumptions=assumptions_text(comparison.assumptions))
    )
    notes.append(
        Text(
            "Seats are the busy hour's agents over one minus shrinkage; customer-service people "
            "are those on the payroll who fill the seats every hour the desk is open, and "
            "headcount counts people. Sales (one department per branch in every option) is not "
            "counted."
        )
    )
    lines.extend(_wrapped(note.translated(language), language) for note in notes)
    return "\n".join(lines)


# Where a Chinese line may break: after a run of Latin letters, digits and their punctuation,
# or after any other character; never before the punctuation that closes a phrase.
_PIECES = re.compile(r"[!-~]+ ?| |.")
_NOT_AT_LINE_START = frozenset("，。；：、）”？！%")


def _wrapped(note: str, language: str) -> str:
    """*note* wrapped to :data:`_WIDTH` columns, the lines after the first indented.

    Chinese has no spaces to break at: a line breaks between two characters, or around a
    run of Latin letters and digits, and by the columns the characters take.
    """
    if not is_chinese(language):
        return textwrap.fill(note, width=_WIDTH, subsequent_indent="  ")
    lines = [""]
    for piece in _PIECES.findall(note):
        full = _width(lines[-1]) + _width(piece.rstrip()) > _WIDTH
        if full and lines[-1].strip() and piece[0] not in _NOT_AT_LINE_START:
            lines[-1] = lines[-1].rstrip()
            lines.append("  ")
        lines[-1] += piece
    return "\n".join(line.rstrip() for line in lines)


def _figure(value: float | None, *, signed: bool = False, decimals: int = 0) -> str:
    if value is None:
        return "–"
    if signed and value:
        return f"{value:+,.{decimals}f}"
    return f"{value:,.{decimals}f}"


# How one row of the comparison shows an option's outcome.
_Figure = Callable[[Comparison, Outcome], str]

_ROWS: tuple[tuple[Text, _Figure], ...] = (
    (Text("customer-service queues"), lambda c, o: _figure(o.customer_service_teams)),
    (Text("busy-hour agents answering"), lambda c, o: _figure(o.agents)),
    (Text("busy-hour seats (with shrinkage)"), lambda c, o: _figure(o.rostered_agents)),
    (Text("customer-service people"), lambda c, o: _figure(o.customer_service_people)),
    (Text("promotion teams"), lambda c, o: _figure(o.promotion_teams)),
    (Text("promoters"), lambda c, o: _figure(o.promoters)),
    (Text("support and coordination"), lambda c, o: _figure(o.support_staff)),
    (Text("managers"), lambda c, o: _figure(o.managers)),
    (Text("management layers"), lambda c, o: _figure(o.management_layers)),
    (
        Text("average span of control"),
        lambda c, o: _figure(o.average_span_of_control, decimals=2),
    ),
    (Text("headcount (people)"), lambda c, o: _figure(o.headcount)),
    (
        Text("  change from as is"),
        lambda c, o: _figure(c.difference(o.option)["headcount"], signed=True),
    ),
    (Text("labour cost a month"), lambda c, o: _figure(o.labour_cost)),
    (
        Text("  change from as is"),
        lambda c, o: _figure(c.difference(o.option)["labour_cost"], signed=True),
    ),
    (Text("same-city friction pairs"), lambda c, o: _figure(len(o.friction_pairs))),
)


# Staffing


def service_target_text(target: ServiceTarget) -> Text:
    """The service *target* in words, which :meth:`~orgkb.text.Text.translated` gives in
    Chinese.

    >>> service_target_text(ServiceTarget(shrinkage=0.3))
    '80% answered within 20 s, handle time 180 s, shrinkage 30%, no occupancy cap'
    >>> service_target_text(ServiceTarget(max_occupancy=0.85)).translated("zh_CN")
    '80% 在 20 秒内接起，处理时长 180 秒，缩减率 0%，占用率不超过 85%'
    """
    cap = (
        Text("no occupancy cap")
        if target.max_occupancy == 1
        else Text("occupancy at most {cap}", cap=_share(target.max_occupancy))
    )
    return Text(
        "{level} answered within {within} s, handle time {handle} s, shrinkage {shrinkage}, {cap}",
        level=_share(target.service_level),
        within=f"{target.answer_within:g}",
        handle=f"{target.handle_time:g}",
        shrinkage=_share(target.shrinkage),
        cap=cap,
    )


def _share(share: float) -> str:
    # As the target was given: 0.8 is 80%, 0.855 is 85.5%.
    return f"{share * 100:g}%"


def staffing_as_text(staffing: Staffing, language: str = ENGLISH) -> str:
    """The staffing as lines of ``label: value`` for a terminal, in *language*.

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
    lines = (
        Text(
            "load: {erlangs:.4g} Erlangs ({arrivals:g} arrivals an hour, {handle:g} s each)",
            erlangs=staffing.erlangs,
            arrivals=staffing.arrivals_per_hour,
            handle=target.handle_time,
        ),
        Text("target: {target}", target=service_target_text(target)),
        Text("agents answering: {agents}", agents=staffing.agents),
        Text("agents rostered: {agents}", agents=staffing.rostered_agents),
        Text(
            "service level: {level:.2%} answered within {within:g} s",
            level=staffing.service_level,
            within=target.answer_within,
        ),
        Text("probability of waiting: {share:.2%}", share=staffing.p_wait),
        Text("average speed of answer: {seconds:.1f} s", seconds=staffing.asa_seconds),
        Text("occupancy: {share:.2%}", share=staffing.occupancy),
    )
    return "\n".join(line.translated(language) for line in lines)


# The move from today's organisation (beyond the article)

_PHASE_TITLES = {
    PhaseName.SERVICE_POOLS: Text("Service pools: one customer-service queue per region"),
    PhaseName.PROMOTION: Text(
        "Promotion: promotion's accounts and campaigns where the target runs them"
    ),
    PhaseName.SUPPORT: Text("Support: the group's support unit for new and lagging branches"),
    PhaseName.SERVICE_TO_GROUP: Text(
        "Service to group: the regions' customer-service queues become the group's"
    ),
    PhaseName.COORDINATION_ENDS: Text(
        "Coordination ends: the group's coordination of regional teams ends"
    ),
}

# What a phase that splits its function's teams does: on the way to separate teams, or from the
# group's queue to the regions'.
_SPREADING_TITLES = {
    PhaseName.SERVICE_POOLS: Text("Service splits: customer service moves to the target's queues"),
}

_PHASE_REASONS = {
    PhaseName.SERVICE_POOLS: Text(
        "Pooled queues need fewer people for the same service level — the largest saving of "
        "the move — and nothing else has to change first. Each queue dispatches the leads to "
        "its branches by project and workload, so every branch still gets its customers and "
        "the organisation works at the end of the phase."
    ),
    PhaseName.PROMOTION: Text(
        "One set of ad accounts and campaigns stops branches bidding against each other for "
        "the same searches and runs the accounts once. It needs the service pools in place, "
        "from the first phase or from today, because the leads merged campaigns bring need "
        "the queues' dispatch to reach the branches."
    ),
    PhaseName.SUPPORT: Text(
        "With the leads dispatched, each branch's conversion can be measured against its "
        "dispatch pool's, and the support unit trains the new and lagging branches (orgkb "
        "support lists them) in the new way of working."
    ),
    PhaseName.SERVICE_TO_GROUP: Text(
        "One queue for the whole company saves less than the first pooling did, and takes "
        "each region's knowledge of its branches to the group: it comes last, once dispatch, "
        "promotion and support run."
    ),
    PhaseName.COORDINATION_ENDS: Text(
        "With no regional team left to coordinate and audit, the coordination team is not "
        "needed, and the brand-zone ads and channel tests are now the work of the group's "
        "promotion team. Their people are counted as released, though a company may offer "
        "them places in the group's teams."
    ),
}


def phase_title(phase: Phase, language: str = ENGLISH) -> str:
    """What *phase* does, in a few words.

    >>> from orgkb.model import Branch, Company
    >>> from orgkb.transition import transition
    >>> duo = Company("Duo", (Branch("A", "Wuhan", inquiries_per_hour=50),
    ...                       Branch("B", "Wuhan", inquiries_per_hour=50)))
    >>> phase_title(transition(duo).phases[0])
    'Service pools: one customer-service queue per region'
    """
    if phase.name in _SPREADING_TITLES and phase.spreads:
        return _SPREADING_TITLES[phase.name].translated(language)
    return _PHASE_TITLES[phase.name].translated(language)


# Why a phase that splits its function's teams comes where it does: on the way to separate
# teams, or from the group's queue to the regions'.
_SPREADING_REASONS = {
    PhaseName.SERVICE_POOLS: Text(
        "Smaller queues need more people for the same service level: the price of the target, "
        "which orgkb compare shows. Service moves first, so that the leads the promotion teams "
        "bring find a queue that answers them, and every branch keeps a queue: the "
        "organisation works at the end of the phase."
    ),
    PhaseName.PROMOTION: Text(
        "Each unit that now answers its branches' inquiries runs its own ad accounts and "
        "campaigns for them. It comes after the customer-service queues, from the first phase "
        "or from today, so that the leads its campaigns bring have a queue that answers them."
    ),
}
_SUPPORT_ENDS = Text(
    "The target has no support unit: its people are released once the new teams run, though "
    "a company may offer them places in those teams."
)
_COORDINATION_ENDS_WITHOUT_GROUP_PROMOTION = Text(
    "With no regional team left to coordinate and audit, the coordination team is not needed, "
    "and the brand-zone ads and channel tests are now the work of the units that run "
    "promotion. Their people are counted as released, though a company may offer them places "
    "in those teams."
)


def phase_reason(transition: Transition, phase: Phase, language: str = ENGLISH) -> str:
    """Why *phase* of *transition* comes where it does, in a paragraph.

    A phase that splits teams or ends one has a reason of its own:

    >>> from orgkb.model import Branch, Company, Option
    >>> from orgkb.transition import transition
    >>> duo = Company("Duo", (Branch("A", "Wuhan", inquiries_per_hour=50),
    ...                       Branch("B", "Wuhan", inquiries_per_hour=50)))
    >>> move = transition(duo)
    >>> phase_reason(move, move.phases[0])[:40]
    'Pooled queues need fewer people for the '
    >>> back = transition(Company(duo.name, duo.branches, as_is=Option.UNIFIED), Option.SEPARATE)
    >>> phase_reason(back, back.phases[0])[:40]
    'Smaller queues need more people for the '
    """
    if phase.name is PhaseName.SUPPORT and phase.ends:
        reason = _SUPPORT_ENDS
    elif phase.name in _SPREADING_REASONS and phase.spreads:
        reason = _SPREADING_REASONS[phase.name]
    elif phase.name is PhaseName.COORDINATION_ENDS and not phase.after.runs(
        GROUP_ID, Function.PROMOTION
    ):
        reason = _COORDINATION_ENDS_WITHOUT_GROUP_PROMOTION
    else:
        reason = _PHASE_REASONS[phase.name]
    # Queues that the regions take now and hand to the group later are the first step of two.
    passing = any(
        arrives
        and function is Function.CUSTOMER_SERVICE
        and not transition.after.runs(unit, function)
        for unit, function, arrives in phase.changed()
    )
    if passing:
        reason = Text(
            "{reason} The group is to answer every region, but the queues are the regions' "
            "first, so that each queue still knows its region's branches while the rest of the "
            "move is under way.",
            reason=reason,
        )
    return reason.translated(language)


def unit_label(transition: Transition, unit_id: str | None, language: str = ENGLISH) -> str:
    """A unit of the move as its name and level, ``Xuhui [branch]``."""
    if unit_id is None:
        return ""
    unit = transition.after.plan.unit(unit_id)
    return unit_line(unit, language, functions_known=False)


def step_line(transition: Transition, step: Step, language: str = ENGLISH) -> str:
    """One step of a phase, in words.

    >>> from orgkb.model import Branch, Company
    >>> from orgkb.transition import transition
    >>> duo = Company("Duo", (Branch("A", "Wuhan", inquiries_per_hour=50),
    ...                       Branch("B", "Wuhan", inquiries_per_hour=50)))
    >>> move = transition(duo)
    >>> [step_line(move, step) for step in move.phases[0].steps]
    ['customer service 客服: 11 from A [branch] to Duo [group]', \
'customer service 客服: 10 from B [branch] to Duo [group]', \
'customer service 客服: 3 released from A [branch]', \
'customer service 客服: 4 released from B [branch]']
    """
    what = step.function.label_in(language)
    if step.source is None:
        line = Text(
            "{function}: {people:,} hired for {unit}",
            function=what,
            people=step.people,
            unit=unit_label(transition, step.target, language),
        )
    elif step.target is None:
        line = Text(
            "{function}: {people:,} released from {unit}",
            function=what,
            people=step.people,
            unit=unit_label(transition, step.source, language),
        )
    else:
        line = Text(
            "{function}: {people:,} from {source} to {target}",
            function=what,
            people=step.people,
            source=unit_label(transition, step.source, language),
            target=unit_label(transition, step.target, language),
        )
    return line.translated(language)


def transition_as_text(
    transition: Transition, assumptions: Assumptions, language: str = ENGLISH
) -> str:
    """The move as text: the totals, what changes unit by unit, the phases, the costs.

    *assumptions* are the comparison's, which the figures rest on.
    """
    count = transition.branches
    heading = Text(
        "{company}: from {today} to {target} ({scenario}, {branches})",
        company=_value(transition.company),
        today=Text("today (as the profile gives it)")
        if transition.source is None
        else transition.source,
        target=transition.target,
        scenario=transition.scenario,
        branches=Text("1 branch") if count == 1 else Text("{count} branches", count=count),
    )
    totals = Text(
        "people: {before:,} before, {after:,} after (compare's {target}); {moved:,} moved, "
        "{hired:,} hired, {released:,} released",
        before=transition.before.total,
        after=transition.after.total,
        target=transition.target,
        moved=transition.moved,
        hired=transition.hired,
        released=transition.released,
    )
    lines = [heading.translated(language), totals.translated(language)]
    if not transition.phases:
        lines.append(Text("Nothing changes: today is already the target.").translated(language))
    changes = transition.changes()
    if changes:
        lines += ["", Text("What changes, unit by unit").translated(language)]
        header = (
            Text("unit"),
            Text("function"),
            Text("before"),
            Text("after"),
            Text("moved in"),
            Text("moved out"),
            Text("hired"),
            Text("released"),
        )
        rows: list[tuple[str, ...]] = [tuple(cell.translated(language) for cell in header)]
        for change in changes:
            rows.append(
                (
                    unit_label(transition, change.unit, language),
                    change.function.label_in(language),
                    *(
                        f"{number:,}"
                        for number in (
                            change.before,
                            change.after,
                            change.moved_in,
                            change.moved_out,
                            change.hired,
                            change.released,
                        )
                    ),
                )
            )
        lines += text_table(rows, numbers_from=2)
    for number, phase in enumerate(transition.phases, start=1):
        title = Text("Phase {number}. {title}", number=number, title=phase_title(phase, language))
        lines += ["", title.translated(language)]
        why = Text("Why: {reason}", reason=phase_reason(transition, phase, language))
        lines.append(_wrapped("  " + why.translated(language), language))
        rules = (
            listed((f"{rule(rule_id).code} {rule_id}" for rule_id in phase.rules), language)
            if phase.rules
            else Text("none: the article recommends no such move")
        )
        lines.append(Text("  Rules: {rules}", rules=rules).translated(language))
        lines += [f"  {step_line(transition, step, language)}" for step in phase.steps]
        if not phase.steps:
            lines.append(
                Text(
                    "  No one moves: the functions change units without people of their own."
                ).translated(language)
            )
        people = Text(
            "  people: {before:,} → {after:,}", before=phase.before.total, after=phase.after.total
        )
        lines.append(people.translated(language))
    lines += ["", *_costs_lines(transition, language)]
    notes = [
        Text("Assumptions: {assumptions}.", assumptions=assumptions_text(assumptions)),
        Text(
            "Beyond the article: the article says where to end up, not how to get there; the "
            "phases, their order and the costs are ours. Sales is not counted, as in orgkb "
            "compare."
        ),
    ]
    lines.extend(_wrapped(note.translated(language), language) for note in notes)
    return "\n".join(lines)


def _costs_lines(transition: Transition, language: str) -> list[str]:
    one_time = transition.one_time
    saving = transition.monthly_saving
    if one_time is None or saving is None:
        return [
            Text("Costs: the profile gives no salaries, so the move is not priced.").translated(
                language
            )
        ]
    costs = transition.costs
    rows = (
        (
            Text("severance"),
            one_time.severance,
            Text(
                "{released:,} released × {pay} ({months} a year of service, {years:g} years)",
                released=transition.released,
                pay=_pay(costs.severance()),
                months=_months(costs.severance_months),
                years=costs.years_of_service,
            ),
        ),
        (
            Text("recruitment"),
            one_time.recruitment,
            Text(
                "{hired:,} hired × {pay}",
                hired=transition.hired,
                pay=_pay(costs.recruitment_months),
            ),
        ),
        (
            Text("training"),
            one_time.training,
            Text(
                "{hired:,} hired × {hire_weeks}, {moved:,} moved × {move_weeks}, on full pay",
                hired=transition.hired,
                hire_weeks=_weeks(costs.training_weeks),
                moved=transition.moved,
                move_weeks=_weeks(costs.retraining_weeks),
            ),
        ),
        (
            Text("side by side"),
            one_time.side_by_side,
            Text(
                "{released:,} released stay {months} while the new teams start",
                released=transition.released,
                months=_months(costs.overlap_months),
            ),
        ),
        (Text("total"), one_time.total, None),
    )
    table = [
        (
            name.translated(language),
            f"{amount:,.0f}",
            "" if how is None else how.translated(language),
        )
        for name, amount, how in rows
    ]
    lines = [Text("One-time cost").translated(language), *_cost_table(table)]
    labour = Text(
        "Labour cost a month: {before:,.0f} before, {after:,.0f} after; saving {saving:,.0f} a "
        "month",
        before=transition.monthly_cost_before or 0.0,
        after=transition.monthly_cost_after or 0.0,
        saving=saving,
    )
    payback = transition.payback_months
    if payback is None:
        paid_back = Text("Payback: never — the target costs no less a month than today.")
    else:
        paid_back = Text("Payback: {months:.1f} months", months=payback)
    lines += [labour.translated(language), paid_back.translated(language)]
    return lines


# The branches that need support (beyond the article)

_FINDINGS = {
    Finding.LAGGING: Text("lagging"),
    Finding.NOT_SHOWN: Text("not shown to lag"),
    Finding.TOO_FEW: Text("too few leads to tell"),
    Finding.NO_POOL: Text("no other branch in its pool"),
    Finding.NO_FIGURES: Text("no figures"),
}
"""What the test of a branch found, in words: the finding's own value, which JSON gives."""


def support_as_text(support: Support, language: str = ENGLISH) -> str:
    """The branches with the figures behind each finding, then the support unit.

    >>> from datetime import date
    >>> from orgkb.model import Branch, Company
    >>> from orgkb.support import assess
    >>> duo = Company("Duo", (Branch("A", "Wuhan", leads=400, deals=60),
    ...                       Branch("B", "Wuhan", leads=3, deals=0, opened=date(2025, 5, 1))),
    ...               as_of=date(2025, 6, 30))
    >>> print(support_as_text(assess(duo)))
    Duo: 2 branches, figures as of 2025-06-30
    branch  pool   months  leads  deals  rate   pool's  p      finding                support
    A       Wuhan  -       400    60     15.0%  0.0%    1.000  not shown to lag       -
    B       Wuhan  1       3      0      0.0%   15.0%   0.616  too few leads to tell  new
    1 of 2 branches need support (1 new, 0 lagging): a support unit of 1 person, 3 branches
      a person.
    ...
    """
    count = len(support.branches)
    branches = Text("1 branch") if count == 1 else Text("{count} branches", count=count)
    company = _value(support.company)
    if support.as_of is None:
        heading = Text("{company}: {branches}", company=company, branches=branches)
    else:
        heading = Text(
            "{company}: {branches}, figures as of {as_of}",
            company=company,
            branches=branches,
            as_of=support.as_of.isoformat(),
        )
    lines = [heading.translated(language)]
    header = (
        Text("branch"),
        Text("pool"),
        Text("months"),
        Text("leads"),
        Text("deals"),
        Text("rate"),
        Text("pool's"),
        Text("p"),
        Text("finding"),
        Text("support"),
    )
    rows = [tuple(cell.translated(language) for cell in header)]
    for assessed in support.branches:
        branch = assessed.branch
        needs = [
            word.translated(language)
            for word, why in ((Text("new"), assessed.new), (Text("lagging"), assessed.lagging))
            if why
        ]
        rows.append(
            (
                branch.name,
                assessed.pool_name,
                "-" if assessed.months_open is None else str(assessed.months_open),
                "-" if branch.leads is None else f"{branch.leads:,}",
                "-" if branch.deals is None else f"{branch.deals:,}",
                _percent(assessed.conversion),
                _percent(assessed.pool_conversion),
                _p_value(assessed.p_value),
                _FINDINGS[assessed.test].translated(language),
                listed(needs, language) or "-",
            )
        )
    lines += text_table(rows)
    staff = support.support_staff
    criteria = support.criteria
    notes = [
        Text(
            "{needing} of {count} branches need support ({new} new, {lagging} lagging): a "
            "support unit of {staff} {people}, {per:g} branches a person.",
            needing=support.needing,
            count=count,
            new=sum(1 for assessed in support.branches if assessed.new),
            lagging=sum(1 for assessed in support.branches if assessed.lagging),
            staff=staff,
            people=Text("person") if staff == 1 else Text("people"),
            per=criteria.branches_per_person,
        ),
        Text(
            "Pool: the branches that share its dispatch, the other branches of its city or, "
            "for its city's only branch, those of its region. Months: full months open. Rate: "
            "deals over leads; pool's: the rate of the rest of its pool. New: open less than "
            "{new_months} months. Lagging: a rate below the pool's by a one-sided Fisher exact "
            "test, p at most {significance:.2g} ({confidence:.0%} confidence); too few leads to "
            "tell: not even a period without a deal would show it.",
            new_months=criteria.new_months,
            significance=1 - criteria.confidence,
            confidence=criteria.confidence,
        ),
        Text(
            "Beyond the article: it asks for a support unit for new and weak branches and says "
            "no more; these tests and the unit's size are ours."
        ),
    ]
    lines.extend(_wrapped(note.translated(language), language) for note in notes)
    return "\n".join(lines)


def support_unit_line(support: Support, language: str = ENGLISH) -> str:
    """The line under a recommendation that sizes its support unit from the branches' figures,
    in *language*."""
    return Text(
        "Support unit: {staff} {people} for the branches that need support: {count} "
        "(new or lagging; orgkb support shows why)",
        staff=support.support_staff,
        people=Text("person") if support.support_staff == 1 else Text("people"),
        count=support.needing,
    ).translated(language)


def _cost_table(rows: Sequence[tuple[str, str, str]]) -> list[str]:
    # Text after a right-aligned figure: text_table would align it too.
    label = max(_width(row[0]) for row in rows)
    figure = max(len(row[1]) for row in rows)
    return [
        f"{_padded(name, label)}  {amount:>{figure}}  {how}".rstrip() for name, amount, how in rows
    ]


def _pay(months: float) -> Text:
    if months == 1:
        return Text("{months:g} month's pay", months=months)
    return Text("{months:g} months' pay", months=months)


def _months(count: float) -> Text:
    if count == 1:
        return Text("{count:g} month", count=count)
    return Text("{count:g} months", count=count)


def _weeks(count: float) -> Text:
    if count == 1:
        return Text("{count:g} week", count=count)
    return Text("{count:g} weeks", count=count)


def _percent(value: float | None) -> str:
    return "-" if value is None else f"{value:.1%}"


def _p_value(value: float | None) -> str:
    if value is None:
        return "-"
    return "<0.001" if value < 0.001 else f"{value:.3f}"


# What the command line says on standard error, each line starting with the program's name


def error_line(error: Exception, language: str = ENGLISH) -> str:
    """The line the command line ends with when *error* stops it, in *language*.

    >>> from orgkb.errors import InputError
    >>> error_line(InputError("missing", path="a\\x1b.yaml", line=3, field="company"))
    'orgkb: a\\\\x1b.yaml:3: company: missing'
    >>> error_line(InputError(Text("missing"), path="a.yaml", line=3, field="公司"), "zh_CN")
    'orgkb: a.yaml:3: 公司: 缺少这一项'
    """
    said = error.translated(language) if isinstance(error, OrgkbError) else str(error)
    return f"orgkb: {_value(said)}"


def malformed_row_line(path: str, row: MalformedRow, language: str = ENGLISH) -> str:
    """The remark on a row of a leads file that is not a lead; the dispatch goes on."""
    problem = in_language(row.problem, language)
    return f"orgkb: {_value(path)}:{row.line}: {_value(problem)}"


def unused_follow_ups(count: int, follow_ups: str, leads: str, language: str = ENGLISH) -> str:
    """The note that *count* rows of the follow-ups file name leads the leads file lacks."""
    values = {"follow_ups": _value(follow_ups), "leads": _value(leads)}
    if count == 1:
        note = Text(
            "orgkb: note: 1 row of {follow_ups} name leads that are not in {leads}, "
            "and were not used",
            **values,
        )
    else:
        note = Text(
            "orgkb: note: {count:,} rows of {follow_ups} name leads that are not in {leads}, "
            "and were not used",
            count=count,
            **values,
        )
    return note.translated(language)


def governance_not_used(plan: Plan, language: str = ENGLISH) -> str:
    """The note that ``--governance`` was given for a plan with no choice of governance."""
    return Text(
        "orgkb: note: --governance applies to several regions; "
        "{company} is {scenario}, so it was not used",
        company=_value(plan.company),
        scenario=plan.scenario,
    ).translated(language)


def governance_not_used_in_chart(plan: Plan, *, as_is: bool, language: str = ENGLISH) -> str:
    """The note that ``--governance`` was given for a chart it does not change.

    *as_is* says the chart shows the company as it is, which shows no functions.
    """
    if as_is:
        return Text(
            "orgkb: note: --governance applies to the recommendation for several regions; "
            "an as-is chart shows no functions, so it was not used"
        ).translated(language)
    return Text(
        "orgkb: note: --governance applies to the recommendation for several regions; "
        "{company} is {scenario}, so it was not used",
        company=_value(plan.company),
        scenario=plan.scenario,
    ).translated(language)


# Messages of the errors the command line raises itself


def invalid_choice(value: object, choices: Iterable[object]) -> Text:
    """The message for an option or command given a value outside its *choices*.

    >>> invalid_choice("xml", ("text", "json"))
    "invalid choice: 'xml' (choose from text, json)"
    """
    names = ", ".join(str(choice) for choice in choices)
    shown = shortened(value) if isinstance(value, str) else value
    return Text("invalid choice: {value!r} (choose from {choices})", value=shown, choices=names)


def unknown_language(code: str) -> Text:
    """The message for a ``--lang`` that orgkb does not speak."""
    return Text("unknown language {code!r} (choose from en, zh_CN)", code=shortened(code))


# argparse words its errors itself, in English: these are the ones a user can cause, as a Text
# with the same words. What they hold (option names, values) is argparse's.
_USAGE_ERRORS: tuple[tuple[re.Pattern[str], Callable[..., Text]], ...] = (
    (
        re.compile("the following arguments are required: (?P<names>.+)"),
        lambda **said: Text("the following arguments are required: {names}", **said),
    ),
    (
        re.compile("unrecognized arguments: (?P<words>.*)"),
        lambda **said: Text("unrecognized arguments: {words}", **said),
    ),
    (re.compile("expected one argument"), lambda: Text("expected one argument")),
    (re.compile("expected at most one argument"), lambda: Text("expected at most one argument")),
    (re.compile("expected at least one argument"), lambda: Text("expected at least one argument")),
    (
        re.compile("ignored explicit argument (?P<value>.+)"),
        lambda **said: Text("ignored explicit argument {value}", **said),
    ),
    (
        re.compile("ambiguous option: (?P<option>.+?) could match (?P<matches>.+)"),
        lambda **said: Text("ambiguous option: {option} could match {matches}", **said),
    ),
    (
        re.compile("not allowed with argument (?P<option>.+)"),
        lambda **said: Text("not allowed with argument {option}", **said),
    ),
)


def usage_error(message: str) -> str:
    """argparse's *message* as a :class:`~orgkb.text.Text`, if it is one a user can cause.

    >>> usage_error("unrecognized arguments: --colour").translated("zh_CN")
    '无法识别的参数：--colour'
    """
    for pattern, text in _USAGE_ERRORS:
        said = pattern.fullmatch(message)
        if said:
            return text(**said.groupdict())
    return message


OUTPUT_CLOSED = Text("standard output is closed, so there is nowhere to write the result")
"""The message when the command has no standard output to write to."""


def output_not_encodable(encoding: str | None) -> Text:
    """The message when standard output's *encoding* cannot hold the result's characters."""
    return Text(
        "standard output is in the encoding {encoding}, which cannot hold the result; "
        "use UTF-8, for example with PYTHONIOENCODING=utf-8",
        encoding=encoding,
    )


def output_failed(reason: str) -> Text:
    """The message when writing to standard output fails, for *reason* (the system's words)."""
    return Text("cannot write to standard output: {reason}", reason=reason)
