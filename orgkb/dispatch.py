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

Each pool keeps its branches in two heaps, so a lead costs a logarithm of the pool's size,
not a scan of the branches; loads changed through another pool are caught up lazily. The
memory held grows with the profile, and with the stream only by the ids seen so far, which a
repeated id must be checked against.
"""

from __future__ import annotations

import heapq
import math
import random
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from enum import StrEnum
from fractions import Fraction

from orgkb.leads import Lead, MalformedRow
from orgkb.model import Company, Level
from orgkb.text import Text


class Unassigned(StrEnum):
    """Why a lead was not assigned: the first word of its reason."""

    MALFORMED = "malformed"
    """The row is not a lead: no id, no project, too many values, or not text."""
    DUPLICATE = "duplicate"
    """A row with the same id came earlier; a lead is never assigned twice."""
    NO_CITY = "no-city"
    """The lead names no city and the company has several regions: its region is unknown."""
    UNKNOWN_CITY = "unknown-city"
    """No branch is in the lead's city, so its region is unknown."""
    NO_BRANCH = "no-branch"
    """No branch in the lead's city or region serves its project."""


_Route = tuple["_Pool", Level]


@dataclass(frozen=True)
class Assignment:
    """What became of one lead (or malformed row), in the order they came.

    *branch* is the name of the branch the lead went to, or ``None``; then *unassigned* says
    why, and *reason* says it in words, starting with the same word. *level* is
    :attr:`~orgkb.model.Level.CITY` when the lead went to a branch of its own city and
    :attr:`~orgkb.model.Level.REGION` when no branch there served its project.
    """

    lead_id: str
    branch: str | None
    reason: str = ""
    unassigned: Unassigned | None = None
    level: Level | None = None
    project: str = ""
    city: str | None = None
    line: int | None = None


class Dispatcher:
    """The dispatch of a stream of leads for *company*, one :meth:`take` at a time.

    *open_workload* maps branch names to the leads each still has open; they count as load
    from the start. *seed* breaks ties by a shuffled order of the branches instead of the
    profile's order. The same profile, workload, seed and leads give the same assignments.

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
    ) -> None:
        self.company = company
        branches = company.branches
        index = {branch.name: position for position, branch in enumerate(branches)}
        self._open = [0] * len(branches)
        for name, count in (open_workload or {}).items():
            if name not in index:
                raise ValueError(f"open workload for {name!r}, which is not a branch")
            if count < 0:
                raise ValueError(f"open workload for {name!r} is negative ({count})")
            self._open[index[name]] = count
        self._load = list(self._open)
        self._rank = list(range(len(branches)))
        if seed is not None:
            order = list(range(len(branches)))
            random.Random(seed).shuffle(order)
            for rank, position in enumerate(order):
                self._rank[position] = rank
        self._weight = [_capacity_fraction(branch.capacity) for branch in branches]
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
        """How many leads each branch has been given so far, in profile order."""
        return {
            branch.name: load - open_
            for branch, load, open_ in zip(
                self.company.branches, self._load, self._open, strict=True
            )
        }

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
        self._first_line[lead.id] = lead.line
        route = self._route(lead.city, lead.project)
        if isinstance(route, Unassigned):
            return self._refuse(lead.id, route, self._why(route, lead), lead)
        pool, level = route
        position = pool.choose()
        self._load[position] += 1
        for sharing in self._pools_of[position]:
            sharing.total += 1
        pool.place(position)
        self.by_level[level] += 1
        return Assignment(
            lead.id,
            self.company.branches[position].name,
            level=level,
            project=lead.project,
            city=lead.city,
            line=lead.line,
        )

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

    def _pool(self, members: list[int]) -> _Pool:
        # Leads of different cities or projects that may go to the same branches share a pool,
        # so that they are balanced together.
        key = tuple(members)
        pool = self._pools.get(key)
        if pool is None:
            pool = self._pools[key] = _Pool(members, self._load, self._weight, self._rank)
            for position in members:
                self._pools_of[position].append(pool)
        return pool


class _Pool:
    """The branches some leads may go to, with the heaps that find the next one quickly.

    A branch is *due* when its load ``l`` and weight ``w`` satisfy ``l / w < (N + 1) / W``,
    ``N`` being the pool's total load and ``W`` its total weight: once due, it stays due until
    it takes a lead, because ``N`` only grows. Due branches wait in ``due`` ordered by
    ``(l + 1) / w``; the others in ``later`` ordered by ``l / w``, the order in which they fall
    due. An entry remembers the load it was made with; when another pool has since given its
    branch a lead, it is stale, and is put right when it reaches the top.
    """

    def __init__(
        self,
        members: list[int],
        load: list[int],
        weight: list[Fraction],
        rank: list[int],
    ) -> None:
        self.load = load
        self.total = sum(load[position] for position in members)
        # Summed over a common denominator: adding Fractions one by one is slow for big pools.
        denominator = math.lcm(*(weight[position].denominator for position in members))
        pool_weight = Fraction(
            sum(
                weight[position].numerator * (denominator // weight[position].denominator)
                for position in members
            ),
            denominator,
        )
        # Both tests in whole numbers, so that no rounding ever decides a lead. The due test
        # l / w < (N + 1) / W is l * a < (N + 1) * b. The order by l / w is the order by
        # l * m, with m = L / w for L the least common multiple of the numerators of the
        # capacities (as fractions p / q): m = q * (L / p) is a whole number.
        common = math.lcm(*(weight[position].numerator for position in members))
        self.terms = {
            position: (
                pool_weight.numerator * weight[position].denominator,
                weight[position].numerator * pool_weight.denominator,
                weight[position].denominator * (common // weight[position].numerator),
                rank[position],
            )
            for position in members
        }
        self.due: list[tuple[int, int, int, int]] = []
        self.later: list[tuple[int, int, int, int]] = []
        for position in members:
            self.place(position)

    def place(self, position: int) -> None:
        """Put a fresh entry for the branch at *position* in the heap it belongs to."""
        load = self.load[position]
        times, by, per_capacity, rank = self.terms[position]
        if load * times < (self.total + 1) * by:
            heapq.heappush(self.due, ((load + 1) * per_capacity, rank, position, load))
        else:
            heapq.heappush(self.later, (load * per_capacity, rank, position, load))

    def choose(self) -> int:
        """The branch the next lead goes to; its entry is taken off the heaps."""
        later, due, load, terms = self.later, self.due, self.load, self.terms
        threshold = self.total + 1
        while later:
            _, _, position, made_with = later[0]
            if made_with == load[position]:
                times, by = terms[position][:2]
                if made_with * times >= threshold * by:
                    break
            heapq.heappop(later)
            self.place(position)
        while True:
            _, _, position, made_with = heapq.heappop(due)
            if made_with == load[position]:
                return position
            self.place(position)


def _capacity_fraction(capacity: float) -> Fraction:
    """*capacity* as the exact fraction its shortest decimal form says.

    A capacity is written in decimal; the binary float it becomes is not quite that number,
    so the dispatch works with the decimal: 0.1 is one tenth, and three branches of 0.1 are
    exactly level with one another.

    >>> _capacity_fraction(0.1), _capacity_fraction(1.5), _capacity_fraction(2.0)
    (Fraction(1, 10), Fraction(3, 2), Fraction(2, 1))
    """
    return Fraction(repr(float(capacity)))


def dispatch(
    company: Company,
    leads: Iterable[Lead | MalformedRow],
    *,
    open_workload: Mapping[str, int] | None = None,
    seed: int | None = None,
) -> Iterator[Assignment]:
    """What becomes of each of *leads*, in order; see :class:`Dispatcher`.

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
    dispatcher = Dispatcher(company, open_workload=open_workload, seed=seed)
    for lead in leads:
        yield dispatcher.take(lead)
