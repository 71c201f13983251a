"""Lead dispatch (线索分配): hand each inquiry lead to a branch by project and workload.

A lead may go to the branches that serve its project: those in its city if any of them does,
else those in its city's region (片区), never outside it. The branches a lead may go to form
its *pool*; within a pool, each lead goes to the branch that is furthest behind its share of
the pool's workload, as the quota method of apportionment chooses (Balinski and Young, 1975):

* a branch is *due* when, after taking the lead, its load (open leads plus leads assigned)
  would still be at most its share of the pool's total load rounded up;
* among the due branches, the lead goes to the one whose load per unit of capacity would be
  lowest after taking it; a tie goes to the branch listed first in the profile, or, with a
  seed, first in an order of the branches shuffled by that seed.

For a stream of leads that share one pool, with no open workload, every branch's count then
stays within one lead of its exact share after every lead (see :class:`Dispatcher`).

A branch may be closed on some days and take at most a *daily cap* of leads a day (see
:class:`~orgkb.model.Branch`). Each choice of the quota method is a *turn*: when a turn falls
on a branch that is closed or at its cap that day, the branch *passes* it — the turn counts as
its load, as if it had taken a lead — and the method chooses again, until it falls on a branch
that can take the lead. So a branch is charged its share of the leads that come while it
cannot take them, and comes back level with the others, without a flood of leads to catch up;
and the bound above holds for the turns. :class:`LeadPool` adds the follow-up deadlines: a
lead its branch did not follow up in time goes to another branch of its pool.

Each pool keeps its branches in one heap, ordered by their load per unit of capacity after
one more lead, so a lead costs a logarithm of the pool's size, not a scan of the branches;
loads changed through another pool are caught up lazily. Capacities are scaled to whole
numbers once, and every test is made in whole numbers. The memory held grows with the
profile, and with the stream only by the ids seen so far, which a repeated id must be checked
against, and by the leads each capped branch took each day.
"""

from __future__ import annotations

import heapq
import math
import random
from collections import Counter, deque
from collections.abc import Collection, Iterable, Iterator, Mapping
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from enum import StrEnum
from typing import NamedTuple

from orgkb.errors import InputError
from orgkb.leads import OPEN_LEADS, Lead, MalformedRow
from orgkb.model import Company, Level, Weekday
from orgkb.reading import unknown
from orgkb.text import Text
from orgkb.values import Limits, exact


class Unassigned(StrEnum):
    """Why a lead was not assigned: the first word of its reason."""

    MALFORMED = "malformed"
    """The row is not a lead: no id, no project, too many values, no received time where one
    is needed, or not text."""
    DUPLICATE = "duplicate"
    """A row with the same id came earlier; a lead is never assigned twice."""
    NO_CITY = "no-city"
    """The lead names no city and the company has several regions: its region is unknown."""
    UNKNOWN_CITY = "unknown-city"
    """No branch is in the lead's city, so its region is unknown."""
    NO_BRANCH = "no-branch"
    """No branch in the lead's city or region serves its project."""
    CAP_REACHED = "cap-reached"
    """Every branch that could take the lead had reached its daily cap that day, or was
    closed."""
    CLOSED = "closed"
    """Every branch that could take the lead was closed that day."""


class Assignment(NamedTuple):
    """What became of one lead (or malformed row), in the order they came.

    *branch* is the name of the branch the lead went to, or ``None``; then *unassigned* says
    why, and *reason* says it in words, starting with the same word. *level* is
    :attr:`~orgkb.model.Level.CITY` when the lead went to a branch of its own city and
    :attr:`~orgkb.model.Level.REGION` when no branch there served its project.
    *reassigned_from* names, in order, the branches a :class:`LeadPool` took the lead back
    from; *branch* is then the one that has it at the end.
    """

    lead_id: str
    branch: str | None
    reason: str = ""
    unassigned: Unassigned | None = None
    level: Level | None = None
    project: str = ""
    city: str | None = None
    line: int | None = None
    reassigned_from: tuple[str, ...] = ()


_Route = tuple["_Pool", Level]
_NONE: AbstractSet[int] = frozenset()
_NO_ONE: frozenset[int] = frozenset()


class Dispatcher:
    """The dispatch of a stream of leads for *company*, one :meth:`take` at a time.

    *open_workload* maps branch names to the leads each still has open; they count as load
    from the start. *seed* breaks ties by a shuffled order of the branches instead of the
    profile's order. The same profile, workload, seed and leads give the same assignments.
    When a branch has a daily cap or closed days, or *needs_received* is true, a lead without
    a received time is refused as malformed: its day is unknown.

    Three branches of one city with capacities 1, 2 and 3 share 600 leads exactly as 100,
    200 and 300, and after every lead each is within one lead of its share:

    >>> from orgkb.model import Branch, Company
    >>> company = Company("Wuhan Homes", (Branch("Hankou", "Wuhan", capacity=1),
    ...     Branch("Wuchang", "Wuhan", capacity=2), Branch("Hanyang", "Wuhan", capacity=3)))
    >>> dispatcher = Dispatcher(company)
    >>> [dispatcher.take(Lead(f"L{n}", "flats", "Wuhan")).branch for n in range(6)]
    ['Hanyang', 'Wuchang', 'Hanyang', 'Hankou', 'Wuchang', 'Hanyang']
    >>> for n in range(6, 600):
    ...     _ = dispatcher.take(Lead(f"L{n}", "flats", "Wuhan"))
    >>> dispatcher.assigned
    {'Hankou': 100, 'Wuchang': 200, 'Hanyang': 300}
    """

    def __init__(
        self,
        company: Company,
        *,
        open_workload: Mapping[str, int] | None = None,
        seed: int | None = None,
        needs_received: bool = False,
    ) -> None:
        self.company = company
        branches = company.branches
        index = {branch.name: position for position, branch in enumerate(branches)}
        self._open = [0] * len(branches)
        for name, count in (open_workload or {}).items():
            # As an open-workload file is read (orgkb.leads.read_open_workload).
            if name not in index:
                raise InputError(unknown(name, list(index), Text("branch")), field="open_workload")
            self._open[index[name]] = int(OPEN_LEADS.check(count, "open_workload"))
        # The load the quota method balances: open leads, leads given and turns passed.
        self._load = list(self._open)
        self._given = [0] * len(branches)
        self._passed = [0] * len(branches)
        self._names = [branch.name for branch in branches]
        self._rank = list(range(len(branches)))
        if seed is not None:
            order = list(range(len(branches)))
            random.Random(seed).shuffle(order)
            for rank, position in enumerate(order):
                self._rank[position] = rank
        self._units = capacity_units([branch.capacity for branch in branches])
        self._cap = [branch.daily_cap for branch in branches]
        # The branches closed on each weekday, and on each date some branch is closed.
        self._closed_on_weekday = [
            frozenset(
                position
                for position, branch in enumerate(branches)
                if Weekday(weekday) in branch.closed
            )
            for weekday in range(7)
        ]
        dated: dict[date, set[int]] = {}
        for position, branch in enumerate(branches):
            for day in branch.closed:
                if not isinstance(day, Weekday):
                    dated.setdefault(day, set()).add(position)
        self._closed_on_date = {day: frozenset(closed) for day, closed in dated.items()}
        self.restricted = any(branch.closed or branch.daily_cap is not None for branch in branches)
        """Whether any branch has a daily cap or closed days."""
        self.needs_received = needs_received or self.restricted
        """Whether every lead needs its received time: for daily caps, closed days or follow-ups."""
        self._taken: dict[tuple[int, date], int] = {}
        self._pools_of: list[list[_Pool]] = [[] for _ in branches]
        self._regions_of_city: dict[str, list[str]] = {}
        self._in_city: dict[str, list[int]] = {}
        self._in_region: dict[str, list[int]] = {}
        for position, branch in enumerate(branches):
            regions = self._regions_of_city.setdefault(branch.city, [])
            if branch.region not in regions:
                regions.append(branch.region)
            self._in_city.setdefault(branch.city, []).append(position)
            self._in_region.setdefault(branch.region, []).append(position)
        self._projects = {project for branch in branches for project in branch.projects}
        self._routes: dict[tuple[str | None, str | None], _Route | Unassigned] = {}
        self._pools: dict[tuple[int, ...], _Pool] = {}
        self._first_line: dict[str, int | None] = {}
        self.unassigned: Counter[Unassigned] = Counter()
        """How many leads were not assigned, by reason."""
        self.by_level: Counter[Level] = Counter()
        """How many leads went to a branch of their city, and how many elsewhere in the region."""

    @property
    def assigned(self) -> dict[str, int]:
        """How many leads each branch has been given so far, in profile order.

        A lead taken back from a branch (see :class:`LeadPool`) still counts for it: it was
        given the lead, and its share of the workload is charged for it.
        """
        return {
            branch.name: given
            for branch, given in zip(self.company.branches, self._given, strict=True)
        }

    @property
    def passed(self) -> dict[str, int]:
        """How many turns each branch passed because it was closed, at its cap or had already
        lost the lead; they count as its load, so that it does not catch up on them later."""
        return {
            branch.name: passed
            for branch, passed in zip(self.company.branches, self._passed, strict=True)
        }

    @property
    def seen(self) -> Collection[str]:
        """The ids of the leads taken so far, but for malformed rows."""
        return self._first_line.keys()

    @property
    def open_workload(self) -> dict[str, int]:
        """The open workload each branch started with, in profile order."""
        return {
            branch.name: open_
            for branch, open_ in zip(self.company.branches, self._open, strict=True)
        }

    def take(self, lead: Lead | MalformedRow) -> Assignment:
        """Dispatch *lead*, or account for a malformed row; what became of it."""
        if isinstance(lead, MalformedRow):
            return self._refuse(
                lead.id,
                Unassigned.MALFORMED,
                Text("line {line}: {problem}", line=lead.line, problem=lead.problem),
                line=lead.line,
            )
        if lead.id in self._first_line:
            first = self._first_line[lead.id]
            twice = (
                Text("the id {id!r} came first and is never assigned twice", id=lead.id)
                if first is None
                else Text(
                    "the id {id!r} came first on line {line} and is never assigned twice",
                    id=lead.id,
                    line=first,
                )
            )
            return self._refuse(lead.id, Unassigned.DUPLICATE, twice, lead)
        received = lead.received
        if received is None and self.needs_received:
            missing = (
                Text("the received time is missing")
                if lead.line is None
                else Text("line {line}: the received time is missing", line=lead.line)
            )
            return self._refuse(lead.id, Unassigned.MALFORMED, missing, lead)
        self._first_line[lead.id] = lead.line
        # Most leads name a city and a project of the profile: their route is at one look-up.
        route = self._routes.get((lead.city, lead.project)) or self._route(lead.city, lead.project)
        if isinstance(route, Unassigned):
            return self._refuse(lead.id, route, self._why(route, lead), lead)
        pool, level = route
        if pool.restricted and received is not None:
            day = received.date()
            position = self.give(pool, day)
            if isinstance(position, Unassigned):
                return self._refuse(lead.id, position, self._why_not_on(pool, day), lead)
        else:
            position = self._choose(pool, _NONE, _NO_ONE)
            self._load[position] += 1
            for sharing in self._pools_of[position]:
                sharing.total += 1
            self._given[position] += 1
        self.by_level[level] += 1
        return Assignment(
            lead.id, self._names[position], "", None, level, lead.project, lead.city, lead.line
        )

    def route(self, lead: Lead) -> _Route | Unassigned:
        """The pool of *lead* and its level, or why it has none.

        :meta private: for :class:`LeadPool`, which hands leads back to their pool.
        """
        return self._route(lead.city, lead.project)

    def give(
        self, pool: _Pool, day: date | None, excluded: frozenset[int] = frozenset()
    ) -> int | Unassigned:
        """Give a lead of *pool* on *day* to a branch, not one of *excluded*; its position.

        If every branch of the pool is closed or at its cap on *day*, or excluded, nothing is
        given: why, as :attr:`Unassigned.CLOSED` or :attr:`Unassigned.CAP_REACHED`.

        :meta private: for :class:`LeadPool`, which hands leads back to their pool.
        """
        blocked: AbstractSet[int] = _NONE
        if day is not None:
            if pool.day != day:
                self._open_on(pool, day)
            blocked = pool.unavailable
        if len(blocked | excluded if excluded else blocked) >= pool.size:
            if pool.closed == pool.size:
                return Unassigned.CLOSED
            return Unassigned.CAP_REACHED
        position = self._choose(pool, blocked, excluded)
        self._load[position] += 1
        for sharing in self._pools_of[position]:
            sharing.total += 1
        self._given[position] += 1
        cap = self._cap[position]
        if cap is not None and day is not None:
            key = (position, day)
            taken = self._taken[key] = self._taken.get(key, 0) + 1
            if taken >= cap:
                for sharing in self._pools_of[position]:
                    if sharing.day == day:
                        sharing.unavailable.add(position)
        return position

    def _choose(self, pool: _Pool, blocked: AbstractSet[int], skipped: frozenset[int]) -> int:
        """The branch of *pool* the next lead goes to, turn by turn.

        A turn that falls on one of *blocked* (closed or at its cap) is passed: it counts as
        that branch's load, and the method chooses again. The *skipped* branches (those a lead
        was taken back from) are passed over without a turn while another branch is due; only
        when none is does the turn fall, and pass, to the first of them. The chosen branch's
        entry in the pool's heap is replaced by the one it will have after taking the lead.
        """
        heap, load, weight = pool.heap, self._load, pool.weight
        held: list[_Entry] = []
        while True:
            if not heap:
                # Every due branch is skipped: the first of them passes the turn.
                threshold = pool.total + 1
                entry = next(entry for entry in held if entry[3] * weight < threshold * entry[4])
                held.remove(entry)
                _, rank, position, current, unit, per = entry
                following = current + 1
                heapq.heappush(heap, ((following + 1) * per, rank, position, following, unit, per))
            else:
                _, rank, position, current, unit, per = heap[0]
                if current != load[position]:
                    # Another pool gave this branch a lead, or a turn: its key is stale.
                    current = load[position]
                    heapq.heapreplace(
                        heap, ((current + 1) * per, rank, position, current, unit, per)
                    )
                    continue
                if current * weight >= (pool.total + 1) * unit or (
                    position in skipped and position not in blocked
                ):
                    # Not due (it would be above its share rounded up), or passed over.
                    held.append(heapq.heappop(heap))
                    continue
                following = current + 1
                heapq.heapreplace(
                    heap, ((following + 1) * per, rank, position, following, unit, per)
                )
                if position not in blocked:
                    for entry in held:
                        heapq.heappush(heap, entry)
                    return position
            # The turn falls on a branch that cannot take the lead: it passes, and the turn
            # counts as its load; the pool's total grows, so the held branches may be due.
            for entry in held:
                heapq.heappush(heap, entry)
            held = []
            load[position] = following
            self._passed[position] += 1
            for sharing in self._pools_of[position]:
                sharing.total += 1

    def _open_on(self, pool: _Pool, day: date) -> None:
        """Bring the pool's branches that cannot take a lead up to *day*."""
        pool.day = day
        unavailable = set(pool.closing & self._closed_on_weekday[day.weekday()])
        dated = self._closed_on_date.get(day)
        if dated:
            unavailable |= pool.closing & dated
        pool.closed = len(unavailable)
        for position in pool.capped:
            if position not in unavailable and self._taken.get((position, day), 0) >= (
                self._cap[position] or 0
            ):
                unavailable.add(position)
        pool.unavailable = unavailable

    def _refuse(
        self,
        lead_id: str,
        why: Unassigned,
        detail: str,
        lead: Lead | None = None,
        *,
        line: int | None = None,
    ) -> Assignment:
        self.unassigned[why] += 1
        return Assignment(
            lead_id,
            None,
            Text("{why}: {detail}", why=str(why), detail=detail),
            why,
            project=lead.project if lead else "",
            city=lead.city if lead else None,
            line=lead.line if lead else line,
        )

    def _route(self, city: str | None, project: str) -> _Route | Unassigned:
        """The pool of the leads for *project* from *city*, or why there is none."""
        if city is not None and city not in self._regions_of_city:
            # Not remembered: the cities a stream names are not bounded by the profile.
            return Unassigned.UNKNOWN_CITY
        # Projects no branch lists are served by the same branches: those that list none.
        key = (city, project if project in self._projects else None)
        route = self._routes.get(key)
        if route is None:
            route = self._routes[key] = self._find_route(city, project)
        return route

    def _find_route(self, city: str | None, project: str) -> _Route | Unassigned:
        branches = self.company.branches
        if city is None:
            if len(self._in_region) > 1:
                return Unassigned.NO_CITY
            everywhere = [n for n, branch in enumerate(branches) if branch.serves(project)]
            return (self._pool(everywhere), Level.REGION) if everywhere else Unassigned.NO_BRANCH
        in_city = [n for n in self._in_city[city] if branches[n].serves(project)]
        if in_city:
            return self._pool(in_city), Level.CITY
        in_region = sorted(
            n
            for region in self._regions_of_city[city]
            for n in self._in_region[region]
            if branches[n].serves(project)
        )
        return (self._pool(in_region), Level.REGION) if in_region else Unassigned.NO_BRANCH

    def _why(self, why: Unassigned, lead: Lead) -> str:
        company = self.company.name
        if why is Unassigned.NO_CITY:
            return Text(
                "the lead names no city and {company} has branches in {count} regions, "
                "so its region is unknown",
                company=company,
                count=len(self._in_region),
            )
        if why is Unassigned.UNKNOWN_CITY:
            return Text(
                "no branch of {company} is in {city!r}, so its region is unknown",
                company=company,
                city=lead.city,
            )
        if lead.city is None:
            return Text(
                "no branch of {company} serves {project!r}", company=company, project=lead.project
            )
        named = [repr(region) for region in self._regions_of_city[lead.city]]
        regions = named[0]
        for region in named[1:]:
            regions = Text("{either} or {other}", either=regions, other=region)
        return Text(
            "no branch in {city!r} or its region {regions} serves {project!r}",
            city=lead.city,
            regions=regions,
            project=lead.project,
        )

    @staticmethod
    def _why_not_on(pool: _Pool, day: date) -> str:
        if pool.closed == pool.size:
            return Text("every branch that could take the lead is closed on {day}", day=day)
        if pool.closed:
            return Text(
                "every branch that could take the lead is closed or at its daily cap on {day}",
                day=day,
            )
        return Text(
            "every branch that could take the lead has reached its daily cap on {day}", day=day
        )

    def _pool(self, members: list[int]) -> _Pool:
        # Leads of different cities or projects that may go to the same branches share a pool,
        # so that they are balanced together.
        key = tuple(members)
        pool = self._pools.get(key)
        if pool is None:
            pool = self._pools[key] = _Pool(members, self._load, self._units, self._rank)
            branches = self.company.branches
            pool.closing = frozenset(n for n in members if branches[n].closed)
            pool.capped = [n for n in members if branches[n].daily_cap is not None]
            pool.restricted = bool(pool.closing or pool.capped)
            for position in members:
                self._pools_of[position].append(pool)
        return pool


_Entry = tuple[int, int, int, int, int, int]
"""A branch in a pool's heap: its key, rank and position, the load the key was made with,
and its capacity ``c`` and multiplier ``m`` (see ``_Pool``)."""


class _Pool:
    """The branches some leads may go to, in the heap that finds the next one quickly.

    A branch of load ``l`` and capacity ``c`` (in whole units, see :func:`capacity_units`) is
    *due* when ``l * W < (N + 1) * c``, ``N`` being the pool's total load and ``W`` its total
    capacity. The heap orders the branches by ``(l + 1) / c``, as the whole number
    ``(l + 1) * m`` with ``m = L / c`` for ``L`` the least common multiple of the pool's
    capacities, then by rank: the first due branch in that order takes the lead. An entry
    remembers the load it was made with; when another pool has since changed its branch's
    load, it is stale, and is put right when it reaches the top. Everything a lead needs of a
    branch is in its entry, so that a lead touches little memory besides the heap's top.

    *closing* are the members with closed days and *capped* those with a daily cap, and
    *restricted* whether there are any; *unavailable* are those that cannot take a lead on
    *day*, and *closed* how many of them are closed that day.
    """

    __slots__ = (
        "capped",
        "closed",
        "closing",
        "day",
        "heap",
        "restricted",
        "size",
        "total",
        "unavailable",
        "weight",
    )

    def __init__(
        self,
        members: list[int],
        load: list[int],
        units: list[int],
        rank: list[int],
    ) -> None:
        self.size = len(members)
        self.total = sum(load[position] for position in members)
        self.weight = sum(units[position] for position in members)
        common = math.lcm(*(units[position] for position in members))
        self.heap: list[_Entry] = []
        for position in members:
            unit, current = units[position], load[position]
            per = common // unit
            self.heap.append(((current + 1) * per, rank[position], position, current, unit, per))
        heapq.heapify(self.heap)
        self.closing: frozenset[int] = frozenset()
        self.capped: list[int] = []
        self.restricted = False
        self.day: date | None = None
        self.unavailable: set[int] = set()
        self.closed = 0


def capacity_units(capacities: list[float]) -> list[int]:
    """The *capacities* scaled to whole numbers in the same proportions, as written.

    A capacity is written in decimal; the binary float it becomes is not quite that number,
    so the dispatch works with the decimal: 0.1 is one tenth, and three branches of 0.1 are
    exactly level with one another. Every capacity is multiplied by the least common
    multiple of their denominators, once, so that each test of the dispatch is in whole
    numbers.

    >>> capacity_units([0.1, 1.5, 2.0])
    [1, 15, 20]
    """
    ratios = [exact(capacity).as_integer_ratio() for capacity in capacities]
    scale = math.lcm(*(denominator for _, denominator in ratios)) if ratios else 1
    return [numerator * (scale // denominator) for numerator, denominator in ratios]


WITHIN = Limits(above=0, at_most=876_000)
"""The hours a branch may be given to follow a lead up: above 0, at most a hundred years."""
MAX_REASSIGN = Limits(at_least=1, whole=True)
"""How many times a lead may be taken back: once or more."""


@dataclass(frozen=True)
class FollowUps:
    """The follow-up deadline a :class:`LeadPool` holds the branches to.

    *followed_up* maps a lead's id to when it was first followed up (``None``, or no entry:
    never); *within* is the hours a branch has to follow up a lead; a lead is taken back at
    most *max_reassign* times.
    """

    followed_up: Mapping[str, datetime | None]
    within: float
    max_reassign: int = 1

    def __post_init__(self) -> None:
        WITHIN.check(self.within, "within")
        MAX_REASSIGN.check(float(self.max_reassign), "max_reassign")


class _Held:
    """A lead a :class:`LeadPool` has dispatched, while it may still be taken back."""

    __slots__ = ("done", "holders", "pool", "waiting")

    def __init__(self, done: Assignment, pool: _Pool | None, holders: list[int]) -> None:
        self.done = done
        self.pool = pool
        self.holders = holders
        self.waiting = False


class LeadPool:
    """Dispatch with follow-up deadlines: the lead pool (公海) of Chinese CRMs.

    Every lead is dispatched as a :class:`Dispatcher` would. A lead that its branch did not
    follow up within ``within`` hours (:class:`FollowUps`) of its received time goes back to the
    pool at that moment, and to another branch of its pool, as the quota method chooses among
    the branches that can take a lead then (open, under their cap that day, and not one it was
    taken from before; a turn that falls on one of those is passed). Its new branch has as
    many hours from then; the lead is taken back at most ``max_reassign`` (:class:`FollowUps`)
    times. When no other branch can take it at that moment, it stays where it is.

    Time goes in the order of the leads file: before each lead is dispatched, the leads due
    back by its received time are taken back, in the order of their deadlines. So a file in
    the order the leads came (as CRMs export it) is dispatched as the day went. The leads come
    out in the order they went in, each once it can no longer move (:meth:`take`,
    :meth:`finish`).

    >>> from datetime import datetime
    >>> from orgkb.model import Branch, Company
    >>> company = Company("Duo", (Branch("A", "Wuhan"), Branch("B", "Wuhan")))
    >>> pool = LeadPool(company, FollowUps({"1": datetime(2026, 3, 2, 9)}, within=2))
    >>> rows = [*pool.take(Lead("1", "flats", "Wuhan", received=datetime(2026, 3, 2, 8))),
    ...         *pool.take(Lead("2", "flats", "Wuhan", received=datetime(2026, 3, 2, 8))),
    ...         *pool.finish()]
    >>> [(row.lead_id, row.branch, row.reassigned_from) for row in rows]
    [('1', 'A', ()), ('2', 'A', ('B',))]
    >>> pool.lost
    Counter({'B': 1})
    """

    def __init__(
        self,
        company: Company,
        follow_ups: FollowUps,
        *,
        open_workload: Mapping[str, int] | None = None,
        seed: int | None = None,
    ) -> None:
        self.dispatcher = Dispatcher(
            company, open_workload=open_workload, seed=seed, needs_received=True
        )
        """The dispatcher, whose counts include the leads given again."""
        self.follow_ups = follow_ups
        self._within = timedelta(hours=follow_ups.within)
        self._position = {branch.name: n for n, branch in enumerate(company.branches)}
        self._held: deque[_Held] = deque()
        self._due: list[tuple[datetime, int, _Held]] = []
        self._order = 0
        self.lost: Counter[str] = Counter()
        """How many leads each branch lost for not following them up in time."""

    def take(self, lead: Lead | MalformedRow) -> list[Assignment]:
        """Dispatch *lead*; the leads, in input order, that can no longer move."""
        if isinstance(lead, Lead) and lead.received is not None:
            self._take_back_until(lead.received)
        done = self.dispatcher.take(lead)
        held = _Held(done, None, [])
        self._held.append(held)
        if done.branch is not None and isinstance(lead, Lead) and lead.received is not None:
            route = self.dispatcher.route(lead)
            assert not isinstance(route, Unassigned)
            held.pool = route[0]
            held.holders.append(self._position[done.branch])
            self._wait(held, lead.received)
        return self._settled()

    def finish(self) -> list[Assignment]:
        """Take back every lead still due back; the leads not yet given out, in input order."""
        self._take_back_until(None)
        return self._settled()

    def _wait(self, held: _Held, since: datetime) -> None:
        """Wait for the follow-up of *held* by its branch, given it at *since*."""
        try:
            deadline = since + self._within
        except OverflowError:
            return  # past the year 9999: never due
        followed = self.follow_ups.followed_up.get(held.done.lead_id)
        if followed is not None and followed <= deadline:
            return
        held.waiting = True
        self._order += 1
        heapq.heappush(self._due, (deadline, self._order, held))

    def _take_back_until(self, now: datetime | None) -> None:
        due = self._due
        while due and (now is None or due[0][0] <= now):
            deadline, _, held = heapq.heappop(due)
            held.waiting = False
            self._take_back(held, deadline)

    def _take_back(self, held: _Held, when: datetime) -> None:
        dispatcher = self.dispatcher
        pool = held.pool
        assert pool is not None
        day = when.date() if pool.restricted else None
        position = dispatcher.give(pool, day, frozenset(held.holders))
        if isinstance(position, Unassigned):
            return
        branches = dispatcher.company.branches
        lost = branches[held.holders[-1]].name
        self.lost[lost] += 1
        held.holders.append(position)
        held.done = held.done._replace(
            branch=branches[position].name,
            reassigned_from=(*held.done.reassigned_from, lost),
        )
        if len(held.holders) <= self.follow_ups.max_reassign:
            self._wait(held, when)

    def _settled(self) -> list[Assignment]:
        settled = []
        while self._held and not self._held[0].waiting:
            settled.append(self._held.popleft().done)
        return settled


def dispatch(
    company: Company,
    leads: Iterable[Lead | MalformedRow],
    *,
    open_workload: Mapping[str, int] | None = None,
    seed: int | None = None,
    follow_ups: FollowUps | None = None,
) -> Iterator[Assignment]:
    """What becomes of each of *leads*, in order; see :class:`Dispatcher` and, with
    *follow_ups*, :class:`LeadPool`.

    >>> from orgkb.model import Branch, Company
    >>> company = Company("Duo", (Branch("A", "Wuhan", projects=("flats",)), Branch("B", "Wuhan")))
    >>> leads = [Lead("1", "villas", "Wuhan"), Lead("2", "flats", "Wuhan"),
    ...          Lead("3", "flats", "Beijing"), Lead("2", "flats", "Wuhan")]
    >>> for done in dispatch(company, leads):
    ...     print(done.lead_id, done.branch or done.reason)
    1 B
    2 A
    3 unknown-city: no branch of Duo is in 'Beijing', so its region is unknown
    2 duplicate: the id '2' came first and is never assigned twice
    """
    if follow_ups is not None:
        pool = LeadPool(company, follow_ups, open_workload=open_workload, seed=seed)
        for lead in leads:
            yield from pool.take(lead)
        yield from pool.finish()
        return
    dispatcher = Dispatcher(company, open_workload=open_workload, seed=seed)
    for lead in leads:
        yield dispatcher.take(lead)
