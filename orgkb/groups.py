"""Competing groups (分组PK): split one unified team and keep score per group.

When a unified promotion and customer-service team seems to lack drive, the article splits it
into groups that compete, or gives the groups different projects, and keeps it one team. A
group here owns either some projects (it answers the inquiries about them) or some branches (it
feeds them). The dispatch does not change — leads still go by project and workload — but every
lead is counted for exactly one group, or for none, so the groups can be compared.

A group's conversion comes with a confidence interval (:meth:`GroupTally.interval`), and the
groups are compared within the projects or branches they share (:func:`compare_within`), so
that a group does not win on the mix of leads it was given alone.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from statistics import NormalDist

from orgkb.dispatch import Assignment
from orgkb.errors import InputError
from orgkb.leads import CSV_FILE, Lead, MalformedRow
from orgkb.model import Company
from orgkb.profile import PROJECT_SEPARATORS, load_document
from orgkb.reading import open_text, quoted, read_table, unknown, unreadable
from orgkb.text import Text, shortened
from orgkb.values import Limits, describe_value

NO_GROUP = "(no group)"
"""The name of the tally for leads that belong to no group."""
CONFIDENCE = Limits(above=0, below=1)
"""The confidence a conversion's interval may be given at: above 0 and below 1."""
GROUP_FIELDS = ("name", "projects", "branches")
"""The keys a group may have in a groups file."""
GROUPS_ALIASES = {"分组": "groups"}
"""The Chinese name of the top-level key of a groups file."""
GROUP_ALIASES = {"名称": "name", "项目": "projects", "分公司": "branches"}
"""The Chinese names of a group's keys, each with the key it is another name of."""
GROUPS_FILE = Text("a YAML or JSON file of competing groups")
"""What a groups file is, as a message names it."""


@dataclass(frozen=True)
class CompetingGroup:
    """A group of the unified team: its name, and the projects or branches it owns."""

    name: str
    projects: tuple[str, ...] = ()
    branches: tuple[str, ...] = ()


@dataclass
class GroupTally:
    """What one group's leads came to.

    *leads* counts every lead of the group, *assigned* those that went to a branch (also by
    branch in *by_branch* and by project in *by_project*), *unassigned* the others, and
    *deals* the assigned leads that became deals (also by branch and by project).
    """

    group: str
    leads: int = 0
    assigned: int = 0
    unassigned: int = 0
    deals: int = 0
    by_branch: Counter[str] = field(default_factory=Counter)
    by_project: Counter[str] = field(default_factory=Counter)
    deals_by_branch: Counter[str] = field(default_factory=Counter)
    deals_by_project: Counter[str] = field(default_factory=Counter)

    @property
    def conversion(self) -> float | None:
        """Deals per assigned lead; ``None`` before any lead is assigned."""
        return self.deals / self.assigned if self.assigned else None

    def interval(self, confidence: float = 0.95) -> tuple[float, float] | None:
        """The Wilson score interval of the conversion at *confidence*; see :func:`wilson`."""
        return wilson(self.deals, self.assigned, confidence)


def wilson(successes: int, trials: int, confidence: float = 0.95) -> tuple[float, float] | None:
    """The Wilson score interval of the rate *successes* / *trials*; ``None`` for no trials.

    Unlike the normal approximation, it stays within 0 and 1 and is not empty at 0 or at all
    successes, which is what small groups and rare deals give (E. B. Wilson, "Probable
    inference", *Journal of the American Statistical Association* 22, 1927).

    >>> low, high = wilson(7, 17)
    >>> f"{low:.3f} {high:.3f}"
    '0.216 0.640'
    >>> wilson(0, 5)[0], wilson(0, 0)
    (0.0, None)
    """
    CONFIDENCE.check(confidence, "confidence")
    if trials == 0:
        return None
    # The lower tail's quantile, negated: 1 - (1 - confidence) / 2 rounds to 1 for a confidence
    # within a few parts in 10 ** 16 of 1, where the quantile is infinite.
    z = -NormalDist().inv_cdf((1 - confidence) / 2)
    rate = successes / trials
    spread = z * z / trials
    centre = (rate + spread / 2) / (1 + spread)
    half = z * math.sqrt(rate * (1 - rate) / trials + spread / (4 * trials)) / (1 + spread)
    # At no success or all, the bound is exactly 0 or 1; the arithmetic leaves a last digit.
    low = 0.0 if successes == 0 else max(0.0, centre - half)
    high = 1.0 if successes == trials else min(1.0, centre + half)
    return low, high


def tally(
    groups: Sequence[CompetingGroup],
    assignments: Iterable[Assignment],
    deals: Collection[str] = frozenset(),
) -> list[GroupTally]:
    """One tally per group, in order, and one for the leads of no group if there are any.

    A lead belongs to the group that owns its project, or, when the groups own branches, to
    the group that owns the branch it went to. *deals* holds the ids of the leads that became
    deals. :class:`~orgkb.errors.InputError` if the groups do not split the leads cleanly: a
    group owning both projects and branches, groups owning different kinds, or a project or
    branch owned twice.

    >>> from orgkb.dispatch import dispatch
    >>> from orgkb.leads import Lead
    >>> from orgkb.model import Branch, Company
    >>> company = Company("Duo", (Branch("A", "Wuhan"), Branch("B", "Wuhan")))
    >>> leads = [Lead(str(n), "flats" if n % 3 else "villas", "Wuhan") for n in range(9)]
    >>> groups = [CompetingGroup("Red", projects=("flats",)),
    ...           CompetingGroup("Blue", projects=("villas",))]
    >>> for row in tally(groups, dispatch(company, leads), deals={"1", "3", "6"}):
    ...     print(row.group, row.leads, row.deals, dict(row.by_branch))
    Red 6 1 {'B': 3, 'A': 3}
    Blue 3 2 {'A': 2, 'B': 1}
    """
    owner = _owners(groups)
    by_branch = bool(groups) and bool(groups[0].branches)
    tallies = {group.name: GroupTally(group.name) for group in groups}
    for done in assignments:
        key = done.branch if by_branch else done.project
        name = owner.get(key, NO_GROUP) if key else NO_GROUP
        if name not in tallies:
            tallies[name] = GroupTally(name)
        row = tallies[name]
        row.leads += 1
        if done.branch is None:
            row.unassigned += 1
            continue
        row.assigned += 1
        row.by_branch[done.branch] += 1
        row.by_project[done.project] += 1
        if done.lead_id in deals:
            row.deals += 1
            row.deals_by_branch[done.branch] += 1
            row.deals_by_project[done.project] += 1
    return list(tallies.values())


@dataclass(frozen=True)
class Within:
    """The competing groups compared within each project, or each branch, they share.

    *by* is what the groups are compared within: ``"project"`` when they own branches (each
    project's leads go to branches of several groups), ``"branch"`` when they own projects
    (each branch takes leads of several groups' projects). *strata* are those projects or
    branches, each with, for every group, its assigned leads and deals there; *common* are
    the strata where every group has assigned leads. *adjusted* is each group's conversion
    *directly standardised* over the common strata: its conversion in each, weighted by the
    share of all the groups' assigned leads there, so that every group is scored on the same
    mix of leads; ``None`` when the groups share no stratum.
    """

    by: str
    strata: dict[str, dict[str, tuple[int, int]]]
    common: tuple[str, ...]
    adjusted: dict[str, float | None]


def compare_within(groups: Sequence[CompetingGroup], tallies: Sequence[GroupTally]) -> Within:
    """The groups' conversions within each project or branch, and mix-adjusted.

    Leads of no group are left out. With the Red group owning flats and the Blue group
    villas, both sending leads to branch A, where villas convert twice as well:

    >>> red = GroupTally("Red", 10, 10, by_branch=Counter(A=2, B=8),
    ...                  deals_by_branch=Counter(A=1, B=1))
    >>> blue = GroupTally("Blue", 10, 10, by_branch=Counter(A=8, B=2),
    ...                   deals_by_branch=Counter(A=2, B=1))
    >>> groups = [CompetingGroup("Red", projects=("flats",)),
    ...           CompetingGroup("Blue", projects=("villas",))]
    >>> within = compare_within(groups, [red, blue])
    >>> within.by, within.strata["A"], within.common
    ('branch', {'Red': (2, 1), 'Blue': (8, 2)}, ('A', 'B'))
    >>> {group: round(rate, 4) for group, rate in within.adjusted.items()}
    {'Red': 0.3125, 'Blue': 0.375}
    """
    by = "project" if groups and groups[0].branches else "branch"
    named = {group.name for group in groups}
    compared = [row for row in tallies if row.group in named]
    strata: dict[str, dict[str, tuple[int, int]]] = {}
    for row in compared:
        assigned, deals = (
            (row.by_project, row.deals_by_project)
            if by == "project"
            else (row.by_branch, row.deals_by_branch)
        )
        for name, count in assigned.items():
            strata.setdefault(name, {})[row.group] = (count, deals[name])
    strata = dict(sorted(strata.items()))
    names = [row.group for row in compared]
    common = tuple(
        name for name, by_group in strata.items() if names and all(g in by_group for g in names)
    )
    total = sum(count for name in common for count, _ in strata[name].values())
    adjusted: dict[str, float | None] = {}
    for group in names:
        if not total:
            adjusted[group] = None
            continue
        adjusted[group] = sum(
            sum(count for count, _ in strata[name].values())
            / total
            * strata[name][group][1]
            / strata[name][group][0]
            for name in common
        )
    return Within(by, strata, common, adjusted)


def load_groups(path: str | Path, company: Company) -> list[CompetingGroup]:
    """The competing groups of the YAML or JSON file at *path*, for *company*.

    The file holds ``groups:``, a list of groups, each with a ``name`` and either
    ``projects`` or ``branches`` (a list, or one text with ``;`` between the items), read as
    safely as a profile (:func:`orgkb.profile.load_document`). A branch must be one of
    *company*'s. Every problem is an :class:`~orgkb.errors.InputError` naming the file, the
    line and the field: the split that :func:`tally` would refuse too.
    """
    path = Path(path)
    document, line_of = load_document(path, GROUPS_FILE)

    def fail(at: tuple[str | int, ...], message: str) -> InputError:
        name = ""
        for part in at:
            name += f"[{part}]" if isinstance(part, int) else (f".{part}" if name else part)
        return InputError(message, path=str(path), line=line_of(at), field=name)

    if not isinstance(document, Mapping):
        raise fail((), Text("expected a mapping with 'groups', a list of groups, at the top"))
    top = _spelled(document, GROUPS_ALIASES, (), fail)
    if "groups" not in top:
        raise fail((), Text("expected a mapping with 'groups', a list of groups, at the top"))
    for key in document:
        if key not in GROUPS_ALIASES and key != "groups":
            raise fail(
                (str(key),),
                unknown(str(key), ("groups",), Text("key"), aliases=tuple(GROUPS_ALIASES)),
            )
    listed = document[top["groups"]]
    at_groups: tuple[str | int, ...] = (top["groups"],)
    if not isinstance(listed, list):
        raise fail(
            at_groups, Text("expected a list of groups, got {got}", got=describe_value(listed))
        )
    known = [branch.name for branch in company.branches]
    known_names = set(known)
    groups: list[CompetingGroup] = []
    names: set[str] = set()
    for index, item in enumerate(listed):
        at: tuple[str | int, ...] = (*at_groups, index)
        if not isinstance(item, Mapping):
            raise fail(
                at, Text("expected a group with a name, got {got}", got=describe_value(item))
            )
        for key in item:
            if key not in GROUP_FIELDS and key not in GROUP_ALIASES:
                message = unknown(
                    str(key), GROUP_FIELDS, Text("field"), aliases=tuple(GROUP_ALIASES)
                )
                raise fail((*at, str(key)), message)
        written = _spelled(item, GROUP_ALIASES, at, fail)
        name = item.get(written.get("name", "name"))
        if isinstance(name, int) and not isinstance(name, bool):
            name = str(name)
        at_name = (*at, written.get("name", "name"))
        if not isinstance(name, str) or not name.strip():
            raise fail(
                at_name, Text("expected the group's name, got {got}", got=describe_value(name))
            )
        if name.strip() in names:
            raise fail(at_name, Text("{name} is already a group's name", name=quoted(name.strip())))
        owned = {}
        for kind in ("projects", "branches"):
            key = written.get(kind, kind)
            owned[kind] = _items(item.get(key), (*at, key), fail)
        for branch in owned["branches"]:
            if branch not in known_names:
                at_branches = (*at, written.get("branches", "branches"))
                raise fail(at_branches, unknown(branch, known, Text("branch")))
        groups.append(CompetingGroup(name.strip(), owned["projects"], owned["branches"]))
        names.add(name.strip())
    try:
        _owners(groups)
    except InputError as error:
        raise error.located(path, line_of(at_groups)) from None
    return groups


def _spelled(
    mapping: Mapping[object, object],
    aliases: Mapping[str, str],
    at: tuple[str | int, ...],
    fail: Callable[[tuple[str | int, ...], str], InputError],
) -> dict[str, str]:
    """Each field of *mapping* and the key it is written with: its own, or its Chinese alias.

    A field written both ways is refused, naming both keys.
    """
    written: dict[str, str] = {}
    for key in mapping:
        own = aliases.get(str(key), str(key))
        if own in written:
            raise fail(
                (*at, str(key)),
                Text(
                    "the keys {first} and {second} are both the field {own!r}: keep one",
                    first=quoted(written[own]),
                    second=quoted(str(key)),
                    own=own,
                ),
            )
        written[own] = str(key)
    return written


def _items(
    value: object,
    at: tuple[str | int, ...],
    fail: Callable[[tuple[str | int, ...], str], InputError],
) -> tuple[str, ...]:
    """The projects or branches a group owns: a list, or one text with ``;`` between them."""
    if value is None:
        return ()
    if isinstance(value, str):
        for separator in PROJECT_SEPARATORS[1:]:
            value = value.replace(separator, PROJECT_SEPARATORS[0])
        value = value.split(PROJECT_SEPARATORS[0])
    if not isinstance(value, list):
        raise fail(at, Text("expected a list, got {got}", got=describe_value(value)))
    items = []
    for index, item in enumerate(value):
        if isinstance(item, int) and not isinstance(item, bool):
            item = str(item)
        if not isinstance(item, str):
            raise fail((*at, index), Text("expected text, got {got}", got=describe_value(item)))
        if item.strip():
            items.append(item.strip())
    return tuple(dict.fromkeys(items))


def _owners(groups: Sequence[CompetingGroup]) -> dict[str, str]:
    owner: dict[str, str] = {}
    kinds = set()
    for group in groups:
        if group.projects and group.branches:
            raise InputError(
                Text(
                    "group {name!r} owns both projects and branches; choose one",
                    name=shortened(group.name),
                )
            )
        kind = "branch" if group.branches else "project"
        kinds.add(kind)
        if len(kinds) > 1:
            raise InputError(
                Text("some groups own projects and others branches; choose one for all")
            )
        for item in group.branches or group.projects:
            if item in owner:
                said = {
                    "item": shortened(item),
                    "first": shortened(owner[item]),
                    "second": shortened(group.name),
                }
                if kind == "branch":
                    raise InputError(
                        Text("branch {item!r} belongs to both {first!r} and {second!r}", **said)
                    )
                raise InputError(
                    Text("project {item!r} belongs to both {first!r} and {second!r}", **said)
                )
            owner[item] = group.name
    return owner


ASSIGNMENT_COLUMNS = ("lead_id", "branch", "reason", "reassigned_from", "project", "city")
"""The columns an assignments file may have: those ``orgkb allocate`` writes, and more."""
ASSIGNMENT_ALIASES = {
    "线索编号": "lead_id",
    "分公司": "branch",
    "原因": "reason",
    "改派自": "reassigned_from",
    "项目": "project",
    "城市": "city",
}
"""The Chinese names of the columns of an assignments file, each with the column it is another
name of."""
DEALS_COLUMNS = ("lead_id",)
"""The column of a deals file: the id of each lead that became a deal."""
DEALS_ALIASES = {"线索编号": "lead_id"}
"""The Chinese name of the column of a deals file."""


def read_assignments(
    path: str | Path, company: Company, leads: Iterable[Lead | MalformedRow] | None = None
) -> list[Assignment]:
    """What became of each lead, from the CSV file at *path*, as ``orgkb allocate`` wrote it.

    The file has the columns ``lead_id`` and ``branch`` (empty for a lead not assigned, else
    one of *company*'s branches), and may have ``reason``, ``reassigned_from``, ``project``
    and ``city``. Without ``project``, *leads* gives each row's project: the rows of the leads
    file that was dispatched, one for each row of *path*, in the same order, as ``orgkb
    allocate`` writes them. Every problem is an :class:`~orgkb.errors.InputError` naming the
    line: a tally of a file that is not what it claims would score the groups wrongly.
    """
    path = Path(path)
    where = str(path)
    known = {branch.name for branch in company.branches}
    source = iter(leads) if leads is not None else None
    assignments: list[Assignment] = []
    with open_text(path, CSV_FILE) as text:
        try:
            table = read_table(
                path, text, ASSIGNMENT_COLUMNS, ("lead_id", "branch"), ASSIGNMENT_ALIASES
            )
            if "project" not in table.columns and source is None:
                raise InputError(
                    Text(
                        "the header has no 'project' column: give the leads file that was "
                        "dispatched (--leads), for each lead's project"
                    ),
                    path=where,
                    line=table.line,
                )
            for row in table:
                if row.problem:
                    raise InputError(row.problem, path=where, line=row.line)
                if row.empty:
                    continue
                values = row.values
                branch = values["branch"]
                if branch and branch not in known:
                    raise InputError(
                        unknown(branch, [b.name for b in company.branches], Text("branch")),
                        path=where,
                        line=row.line,
                    )
                project = values.get("project", "")
                city = values.get("city") or None
                if source is not None:
                    lead = next(source, None)
                    if lead is None or lead.id != values["lead_id"]:
                        raise InputError(
                            _not_the_next_lead(values["lead_id"], lead), path=where, line=row.line
                        )
                    if isinstance(lead, Lead):
                        project, city = lead.project, lead.city
                assignments.append(
                    Assignment(
                        values["lead_id"],
                        branch or None,
                        values.get("reason", ""),
                        project=project,
                        city=city,
                        line=row.line,
                    )
                )
            left = next(source, None) if source is not None else None
            if left is not None:
                raise InputError(
                    Text(
                        "the leads file has more rows than the assignments, from {next} on: "
                        "give the assignments allocate wrote for that file, every row",
                        next=quoted(left.id),
                    ),
                    path=where,
                )
        except OSError as error:
            raise unreadable(path, CSV_FILE, error) from None
    return assignments


def _not_the_next_lead(lead_id: str, lead: Lead | MalformedRow | None) -> Text:
    """The message for an assignment whose lead is not the next row of the leads file."""
    if lead is None:
        return Text(
            "the lead {lead} is not the next row of the leads file (no more leads): give the "
            "assignments allocate wrote for that file, in its order",
            lead=quoted(lead_id),
        )
    return Text(
        "the lead {lead} is not the next row of the leads file ({next}): give the assignments "
        "allocate wrote for that file, in its order",
        lead=quoted(lead_id),
        next=quoted(lead.id),
    )


def read_deals(path: str | Path) -> set[str]:
    """The ids of the leads that became deals, from the CSV file at *path* (``lead_id``)."""
    path = Path(path)
    where = str(path)
    deals: set[str] = set()
    with open_text(path, CSV_FILE) as text:
        try:
            for row in read_table(path, text, DEALS_COLUMNS, DEALS_COLUMNS, DEALS_ALIASES):
                if row.problem:
                    raise InputError(row.problem, path=where, line=row.line)
                if not row.empty:
                    deals.add(row.values["lead_id"])
        except OSError as error:
            raise unreadable(path, CSV_FILE, error) from None
    return deals
