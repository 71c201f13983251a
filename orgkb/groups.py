"""Competing groups (分组PK): split one unified team and keep score per group.

When a unified promotion and customer-service team seems to lack drive, the article splits it
into groups that compete, or gives the groups different projects, and keeps it one team. A
group here owns either some projects (it answers the inquiries about them) or some branches (it
feeds them). The dispatch does not change — leads still go by project and workload — but every
lead is counted for exactly one group, or for none, so the groups can be compared.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass, field

from orgkb.dispatch import Assignment

NO_GROUP = "(no group)"
"""The name of the tally for leads that belong to no group."""


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
    branch in *by_branch*), *unassigned* the others, and *deals* the assigned leads that
    became deals.
    """

    group: str
    leads: int = 0
    assigned: int = 0
    unassigned: int = 0
    deals: int = 0
    by_branch: Counter[str] = field(default_factory=Counter)

    @property
    def conversion(self) -> float | None:
        """Deals per assigned lead; ``None`` before any lead is assigned."""
        return self.deals / self.assigned if self.assigned else None


def tally(
    groups: Sequence[CompetingGroup],
    assignments: Iterable[Assignment],
    deals: Collection[str] = frozenset(),
) -> list[GroupTally]:
    """One tally per group, in order, and one for the leads of no group if there are any.

    A lead belongs to the group that owns its project, or, when the groups own branches, to
    the group that owns the branch it went to. *deals* holds the ids of the leads that became
    deals. :class:`ValueError` if the groups do not split the leads cleanly: a group owning
    both projects and branches, groups owning different kinds, or a project or branch owned
    twice.

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
        if done.lead_id in deals:
            row.deals += 1
    return list(tallies.values())


def _owners(groups: Sequence[CompetingGroup]) -> dict[str, str]:
    owner: dict[str, str] = {}
    kinds = set()
    for group in groups:
        if group.projects and group.branches:
            raise ValueError(f"group {group.name!r} owns both projects and branches; choose one")
        kind = "branch" if group.branches else "project"
        kinds.add(kind)
        if len(kinds) > 1:
            raise ValueError("some groups own projects and others branches; choose one for all")
        for item in group.branches or group.projects:
            if item in owner:
                raise ValueError(
                    f"{kind} {item!r} belongs to both {owner[item]!r} and {group.name!r}"
                )
            owner[item] = group.name
    return owner
