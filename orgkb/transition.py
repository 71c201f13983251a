"""The move from the organisation a company has today to the one the article recommends.

The article says where to end up — promotion and customer service unified or centralized,
sales in every branch, a support unit for the front line — and not how to get there. This
module is our answer, beyond the article: it lists what changes, unit by unit and function by
function, puts the changes in an order that leaves a working organisation after every phase,
and prices the move. The phases, in order, each one skipped when it changes nothing:

1. **service pools** (:attr:`PhaseName.SERVICE_POOLS`) — customer service answers every
   branch from one queue per region, the group's where the target has one region, and the
   queues dispatch the leads to the branches by project and workload; where the group is to
   run service for several regions, the queues are the regions' first. Pooling is the largest
   saving and needs nothing else to change first.
2. **promotion** — one set of ad accounts and campaigns where the target runs one, and the
   group's coordination where the target has it; merged accounts need the dispatch of
   phase 1 to hand their leads to the branches.
3. **support** — the group's support unit; with the leads dispatched, a branch's conversion
   can be measured against its dispatch pool's (:mod:`orgkb.support`). Where the target has
   no support unit, this phase ends the one today has.
4. **service to the group** — the regions' queues merge into one at the group: a smaller
   saving, taken last, once dispatch, promotion and support run.
5. **coordination ends** — the group's coordination of regional teams, when the target has
   none left to coordinate.

The same phases, in the same order, take a company the other way — to separate teams, or
from the group's queue to the regions' — splitting teams instead of pooling them
(:attr:`Phase.spreads`).

Today is the profile's ``today`` (the units, their functions and, where given, their
headcount), else the option its ``as_is`` names (see :func:`orgkb.plan.as_is_option`), else
the first option of its scenario, as :func:`orgkb.compare.compare` takes it. Every
organisation on the way is sized as :mod:`orgkb.compare` sizes an option
(:func:`orgkb.compare.departments`), so the end of the move is the target's column of the
comparison, to the person; a headcount the profile gives for today is kept until its phase.

Within a phase, the people of a function follow its work: a unit's team moves to the units
that take over the branches it served, in proportion to their volume, as far as the new units
need them; the rest are released, and what the new units still need is hired. People stay
where their unit keeps the function. Sales is not counted, as in the comparison.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from fractions import Fraction
from functools import cached_property
from types import MappingProxyType
from typing import ClassVar

from orgkb import rules
from orgkb.compare import Assumptions, departments, inquiries_per_hour, management
from orgkb.errors import InputError
from orgkb.model import Company, Function, Level, Option, Salaries, Staffed
from orgkb.plan import (
    GROUP_ID,
    Plan,
    Scenario,
    Unit,
    branch_id,
    city_id,
    classify,
    option_today,
    plan_for,
    region_id,
)
from orgkb.reading import unknown
from orgkb.text import Text
from orgkb.values import Limits


class PhaseName(StrEnum):
    """The phases of a move, in the order they are taken."""

    SERVICE_POOLS = "service-pools"
    """One customer-service queue per region, leads dispatched to the branches."""
    PROMOTION = "promotion"
    """One set of ad accounts and campaigns where the target runs one."""
    SUPPORT = "support"
    """The group's support unit for new and lagging branches."""
    SERVICE_TO_GROUP = "service-to-group"
    """The regions' customer-service queues merge into the group's."""
    COORDINATION_ENDS = "coordination-ends"
    """The group's coordination of regional teams ends, with no regional team left."""


COUNTED: tuple[Function, ...] = tuple(
    function for function in Function if function is not Function.SALES
)
"""The functions whose people a move counts: all but sales, which the comparison leaves out."""
_COORDINATING = (
    Function.COORDINATION,
    Function.AUDIT,
    Function.BRAND_ZONE_ADS,
    Function.CHANNEL_TESTS,
)
# The role each function's people are paid as (sales is not counted).
_ROLES = {
    Function.PROMOTION: "promoter",
    Function.BRAND_ZONE_ADS: "promoter",
    Function.CHANNEL_TESTS: "promoter",
    Function.CUSTOMER_SERVICE: "agent",
    Function.SUPPORT: "support",
    Function.COORDINATION: "support",
    Function.AUDIT: "support",
}
_WEEKS_PER_MONTH = Fraction(52, 12)


@dataclass(frozen=True)
class MoveCosts:
    """What the one-time costs of a move are made of, each a parameter with a default.

    Pay is the monthly pay of the people concerned, from the profile's ``salaries``: a
    department's average, its managers included. Each number keeps its :attr:`LIMITS`, else
    :class:`~orgkb.errors.InputError` names it.
    """

    LIMITS: ClassVar[Mapping[str, Limits]] = MappingProxyType(
        {
            "severance_months": Limits(at_least=0, at_most=24),
            "years_of_service": Limits(at_least=0, at_most=60),
            "recruitment_months": Limits(at_least=0, at_most=24),
            "training_weeks": Limits(at_least=0, at_most=104),
            "retraining_weeks": Limits(at_least=0, at_most=104),
            "overlap_months": Limits(at_least=0, at_most=24),
        }
    )
    """The numbers each field allows, by field name: the one statement of them, which the
    command line reads its options with."""

    severance_months: float = 1.0
    """Months of pay per year of service a released person receives. China's Labour Contract
    Law (劳动合同法), art. 47: one month's pay per full year; six months or more count as a
    year, less than six months as half a month (see :meth:`severance`)."""
    years_of_service: float = 3.0
    """The years a released person has served: a placeholder for your own average."""
    recruitment_months: float = 1.0
    """The cost of finding one hire, in months of the role's pay: job boards, agency fees,
    interviews."""
    training_weeks: float = 4.0
    """Weeks on full pay before a hire does the job fully: the company's projects, branches,
    tools and rules."""
    retraining_weeks: float = 1.0
    """Weeks on full pay before a person moved to another unit does the job there fully:
    the branches and projects the new unit serves that the old one did not."""
    overlap_months: float = 1.0
    """Months old and new run side by side in each phase: the people released stay on that
    long while the new teams take over."""

    def __post_init__(self) -> None:
        for name, limits in self.LIMITS.items():
            limits.check(getattr(self, name), name)

    def severance(self) -> float:
        """Months of pay one released person receives, by art. 47 of the Labour Contract Law.

        >>> MoveCosts(years_of_service=2.3).severance(), MoveCosts(years_of_service=2.7).severance()
        (2.5, 3.0)
        >>> MoveCosts(years_of_service=0.25).severance()
        0.5
        """
        full = math.floor(self.years_of_service)
        part = self.years_of_service - full
        counted = full + (1 if part >= 0.5 else 0.5 if part > 0 else 0)
        return self.severance_months * counted


@dataclass(frozen=True)
class Step:
    """People of one function leaving one unit for another; *source* ``None`` is a hire,
    *target* ``None`` a release."""

    function: Function
    source: str | None
    target: str | None
    people: int

    def to_json(self) -> dict[str, object]:
        """The step as the ``orgkb transition --format json`` contract describes it."""
        return {
            "function": str(self.function),
            "from": self.source,
            "to": self.target,
            "people": self.people,
        }


@dataclass(frozen=True)
class State:
    """An organisation on the way: who runs what, and the people of each counted function.

    *plan* holds every unit of the move, before and after, each running its functions at this
    point; *headcount* gives the people of each counted function (:data:`COUNTED`) a unit
    runs, by unit id and function, managers included.
    """

    plan: Plan
    headcount: Mapping[tuple[str, Function], int]

    @property
    def total(self) -> int:
        """Everyone counted."""
        return sum(self.headcount.values())

    def runs(self, unit_id: str, function: Function) -> bool:
        """Whether the unit *unit_id* runs *function* at this point."""
        return function in self.plan.unit(unit_id).functions

    def teams(self, function: Function) -> int:
        """How many units run *function* at this point."""
        return sum(1 for unit in self.plan.units if function in unit.functions)


@dataclass(frozen=True)
class Phase:
    """One phase of a move: what it changes, the rules it applies, and the steps."""

    name: PhaseName
    rules: tuple[str, ...]
    steps: tuple[Step, ...]
    before: State
    after: State

    RESHAPED: ClassVar[Mapping[PhaseName, Function]] = MappingProxyType(
        {
            PhaseName.SERVICE_POOLS: Function.CUSTOMER_SERVICE,
            PhaseName.PROMOTION: Function.PROMOTION,
            PhaseName.SUPPORT: Function.SUPPORT,
            PhaseName.SERVICE_TO_GROUP: Function.CUSTOMER_SERVICE,
            PhaseName.COORDINATION_ENDS: Function.COORDINATION,
        }
    )
    """The function whose teams each phase reshapes."""

    @property
    def spreads(self) -> bool:
        """Whether the phase hands its function to more units than ran it: smaller teams.

        So it does on the way to separate teams, or from the group's queue to the regions'.
        """
        function = self.RESHAPED[self.name]
        return self.after.teams(function) > self.before.teams(function)

    @property
    def ends(self) -> bool:
        """Whether the phase leaves no unit running its function."""
        return self.after.teams(self.RESHAPED[self.name]) == 0

    @property
    def hired(self) -> int:
        """People hired in the phase."""
        return sum(step.people for step in self.steps if step.source is None)

    @property
    def released(self) -> int:
        """People released in the phase."""
        return sum(step.people for step in self.steps if step.target is None)

    @property
    def moved(self) -> int:
        """People who change units in the phase."""
        return sum(step.people for step in self.steps if step.source is not None and step.target)

    def changed(self) -> Iterator[tuple[str, Function, bool]]:
        """Each function that arrives at (true) or leaves (false) a unit in the phase."""
        for unit in self.after.plan.units:
            before = self.before.plan.unit(unit.id).functions
            for function in unit.functions:
                if function not in before:
                    yield unit.id, function, True
            for function in before:
                if function not in unit.functions:
                    yield unit.id, function, False


@dataclass(frozen=True)
class Change:
    """One function of one unit over the whole move: its people before and after, and how."""

    unit: str
    function: Function
    before: int
    after: int
    moved_in: int
    moved_out: int
    hired: int
    released: int


@dataclass(frozen=True)
class OneTimeCost:
    """The one-time cost of a move, by kind, in the currency of the profile's salaries."""

    severance: float
    recruitment: float
    training: float
    side_by_side: float

    @property
    def total(self) -> float:
        """All four."""
        return self.severance + self.recruitment + self.training + self.side_by_side


@dataclass(frozen=True)
class Transition:
    """The move of one company from today's organisation to a target option.

    *source* is the option today is, ``None`` when the profile describes today unit by unit.
    *sized* says the branches give their inquiry volumes, without which customer service is
    not sized and its people are not counted, as in the comparison. *one_time* and the
    monthly costs are ``None`` without the profile's salaries.
    """

    company: str
    scenario: Scenario
    branches: int
    sized: bool
    source: Option | None
    target: Option
    costs: MoveCosts
    phases: tuple[Phase, ...]
    before: State
    after: State
    one_time: OneTimeCost | None
    monthly_cost_before: float | None
    monthly_cost_after: float | None

    @property
    def hired(self) -> int:
        """People hired over the whole move."""
        return sum(phase.hired for phase in self.phases)

    @property
    def released(self) -> int:
        """People released over the whole move."""
        return sum(phase.released for phase in self.phases)

    @property
    def moved(self) -> int:
        """People moved from one unit to another, counted at every move."""
        return sum(phase.moved for phase in self.phases)

    @property
    def monthly_saving(self) -> float | None:
        """Labour cost a month today minus in the target; ``None`` without salaries."""
        if self.monthly_cost_before is None or self.monthly_cost_after is None:
            return None
        return self.monthly_cost_before - self.monthly_cost_after

    @property
    def payback_months(self) -> float | None:
        """Months of the saving that pay the one-time cost; ``None`` if it never does."""
        saving = self.monthly_saving
        if self.one_time is None or saving is None or saving <= 0:
            return None
        return self.one_time.total / saving

    def changes(self) -> tuple[Change, ...]:
        """Every function of every unit that the move changes, in the order of the units."""
        moves: dict[tuple[str, Function], list[int]] = {}
        for phase in self.phases:
            for step in phase.steps:
                if step.source is not None:
                    at = moves.setdefault((step.source, step.function), [0, 0, 0, 0])
                    at[1 if step.target is not None else 3] += step.people
                if step.target is not None:
                    at = moves.setdefault((step.target, step.function), [0, 0, 0, 0])
                    at[0 if step.source is not None else 2] += step.people
        found = []
        for unit in self.after.plan.units:
            for function in COUNTED:
                before = self.before.headcount.get((unit.id, function), 0)
                after = self.after.headcount.get((unit.id, function), 0)
                moved_in, moved_out, hired, released = moves.get((unit.id, function), [0] * 4)
                if before != after or moved_in or moved_out or hired or released:
                    found.append(
                        Change(
                            unit.id, function, before, after, moved_in, moved_out, hired, released
                        )
                    )
        return tuple(found)

    @cached_property
    def timeline(self) -> Mapping[tuple[str, Function], tuple[tuple[int, ...], tuple[int, ...]]]:
        """For each unit and function that moves, the phases it arrives in and leaves in.

        Phases are numbered from 1, as the text and the chart number them.
        """
        found: dict[tuple[str, Function], tuple[list[int], list[int]]] = {}
        for number, phase in enumerate(self.phases, start=1):
            for unit, function, arrives in phase.changed():
                arrivals, departures = found.setdefault((unit, function), ([], []))
                (arrivals if arrives else departures).append(number)
        return MappingProxyType(
            {at: (tuple(arrived), tuple(left)) for at, (arrived, left) in found.items()}
        )

    def to_json(self) -> dict[str, object]:
        """The move as the ``orgkb transition --format json`` contract describes it, without
        the words (:mod:`orgkb.render` adds each phase's title and reason)."""
        one_time = self.one_time
        return {
            "company": self.company,
            "scenario": str(self.scenario),
            "from": None if self.source is None else str(self.source),
            "to": str(self.target),
            "sized": self.sized,
            "before": self.before.total,
            "after": self.after.total,
            "hired": self.hired,
            "released": self.released,
            "moved": self.moved,
            "phases": [
                {
                    "number": number,
                    "name": str(phase.name),
                    "rules": list(phase.rules),
                    "before": phase.before.total,
                    "after": phase.after.total,
                    "steps": [step.to_json() for step in phase.steps],
                }
                for number, phase in enumerate(self.phases, start=1)
            ],
            "changes": [
                vars(change) | {"function": str(change.function)} for change in self.changes()
            ],
            "costs": {
                "severance_months_per_year": self.costs.severance_months,
                "years_of_service": self.costs.years_of_service,
                "recruitment_months": self.costs.recruitment_months,
                "training_weeks": self.costs.training_weeks,
                "retraining_weeks": self.costs.retraining_weeks,
                "overlap_months": self.costs.overlap_months,
                "severance": None if one_time is None else one_time.severance,
                "recruitment": None if one_time is None else one_time.recruitment,
                "training": None if one_time is None else one_time.training,
                "side_by_side": None if one_time is None else one_time.side_by_side,
                "total": None if one_time is None else one_time.total,
            },
            "labour_cost_before": self.monthly_cost_before,
            "labour_cost_after": self.monthly_cost_after,
            "monthly_saving": self.monthly_saving,
            "payback_months": self.payback_months,
        }


def known_units(company: Company) -> dict[str, Level]:
    """Every unit id a profile's ``today`` may name for *company*, with its level.

    The group, every region, every city of a region and every branch, with the ids a plan
    gives them (:func:`orgkb.plan.region_id`, :func:`~orgkb.plan.city_id`,
    :func:`~orgkb.plan.branch_id`).

    >>> from orgkb.model import Branch
    >>> list(known_units(Company("Duo", (Branch("A", "Wuhan"), Branch("B", "Wuhan")))))
    ['group', 'region:Wuhan', 'city:Wuhan/Wuhan', 'branch:A', 'branch:B']
    """
    return {unit_id: level for unit_id, _, level, _ in _full_tree(company)}


def unknown_unit(unit_id: str, known: Iterable[str]) -> str:
    """The message for a unit id of ``today`` that no unit of the company has."""
    return unknown(unit_id, tuple(known), Text("unit id"))


def check_today(company: Company) -> None:
    """Refuse a ``today`` that names a unit the company does not have.

    The :class:`~orgkb.errors.InputError` names the field ``today.<unit id>``.
    """
    known = known_units(company)
    for entry in company.today:
        if entry.unit not in known:
            raise InputError(unknown_unit(entry.unit, known), field=f"today.{entry.unit}")


def recommended_option(company: Company) -> Option:
    """The option the article recommends for *company*: the default target of a move.

    >>> from orgkb.model import Branch
    >>> str(recommended_option(Company("Duo", (Branch("A", "Wuhan"), Branch("B", "Wuhan")))))
    'unified'
    """
    scenario = classify(company)
    if scenario is Scenario.NO_BRANCHES:
        return Option.ONE_HEAD
    if scenario is Scenario.ONE_REGION:
        return Option.UNIFIED
    return Option.CENTRALIZED


def transition(
    company: Company,
    to: Option | None = None,
    assumptions: Assumptions | None = None,
    costs: MoveCosts | None = None,
) -> Transition:
    """The move of *company* from today's organisation to the option *to*, phase by phase.

    *to* defaults to the option the article recommends (:func:`recommended_option`);
    *assumptions* to the comparison's for the company, so that the move ends at the
    comparison's figures. Without the branches' inquiry volumes customer service is not
    sized, as in the comparison: the phases and who runs what are right, but its people are
    not counted (``orgkb transition`` refuses such a profile). A *to* the scenario does not
    weigh, or a ``today`` naming a unit the company does not have, is an
    :class:`~orgkb.errors.InputError`.

    >>> from orgkb.model import Branch
    >>> four = Company("Four", tuple(
    ...     Branch(name, "Wuhan", inquiries_per_hour=50) for name in "ABCD"))
    >>> move = transition(four)
    >>> move.before.total, move.after.total, move.hired, move.released
    (112, 83, 0, 29)
    >>> [str(phase.name) for phase in move.phases]
    ['service-pools', 'promotion']
    """
    assumptions = assumptions or Assumptions.for_company(company)
    costs = costs or MoveCosts()
    check_today(company)
    target = to or recommended_option(company)
    target_plan = plan_for(company, target)
    source: Option | None = None
    if company.today:
        today = _placement_of(company.today)
        # A branch today does not name sells, as it does in every option the article weighs.
        for branch in company.branches:
            today.setdefault(branch_id(branch.name), frozenset({Function.SALES}))
        given = {
            (entry.unit, entry.function): entry.headcount
            for entry in company.today
            if entry.headcount is not None and entry.function in COUNTED
        }
    else:
        source = option_today(company)
        today = _placement_of_plan(plan_for(company, source))
        given = {}
    goal = _placement_of_plan(target_plan)
    mover = _Mover(company, assumptions, set(today) | set(goal))
    phases = tuple(mover.phases(today, given, goal, target))
    before = phases[0].before if phases else mover.state(today, given)
    after = phases[-1].after if phases else before
    pay = assumptions.salaries
    one_time = None if pay is None else _one_time(phases, costs, pay, assumptions)
    return Transition(
        company=company.name,
        scenario=classify(company),
        branches=len(company.branches),
        sized=sized(company),
        source=source,
        target=target,
        costs=costs,
        phases=phases,
        before=before,
        after=after,
        one_time=one_time,
        monthly_cost_before=None if pay is None else _labour_cost(before, pay, assumptions),
        monthly_cost_after=None if pay is None else _labour_cost(after, pay, assumptions),
    )


_Placement = dict[str, frozenset[Function]]


def _placement_of(entries: Iterable[Staffed]) -> _Placement:
    placement: dict[str, set[Function]] = {}
    for entry in entries:
        placement.setdefault(entry.unit, set()).add(entry.function)
    return {unit: frozenset(functions) for unit, functions in placement.items()}


def _placement_of_plan(plan: Plan) -> _Placement:
    return {unit.id: frozenset(unit.functions) for unit in plan.units if unit.functions}


def sized(company: Company) -> bool:
    """Whether every branch of *company* gives an inquiry volume, so that people are counted."""
    return bool(company.branches) and all(
        branch.inquiries_per_hour is not None or branch.inquiries_per_month is not None
        for branch in company.branches
    )


def _full_tree(company: Company) -> Iterator[tuple[str, str, Level, str | None]]:
    """Every unit a move may name — id, name, level, parent id — each after its parent."""
    yield GROUP_ID, company.name, Level.GROUP, None
    for region in company.regions:
        region_unit = region_id(region)
        yield region_unit, region, Level.REGION, GROUP_ID
        cities: dict[str, list[str]] = {}
        for branch in company.branches_in(region):
            cities.setdefault(branch.city, []).append(branch.name)
        for city, names in cities.items():
            city_unit = city_id(region, city)
            yield city_unit, city, Level.CITY, region_unit
            for name in names:
                yield branch_id(name), name, Level.BRANCH, city_unit


class _Mover:
    """Builds the organisations on the way and the steps between them, for one company."""

    def __init__(self, company: Company, assumptions: Assumptions, named: set[str]) -> None:
        self.company = company
        self.assumptions = assumptions
        self.scenario = classify(company)
        self.units = self._tree(named)
        self.levels = {unit_id: level for unit_id, _, level, _ in self.units}
        self.parents = {unit_id: parent for unit_id, _, _, parent in self.units}
        self.weights = self._weights()

    def _tree(self, named: set[str]) -> list[tuple[str, str, Level, str | None]]:
        # The units of today and of the target, each under its nearest ancestor among them;
        # every branch has its unit, but the single branch of a company without branches,
        # which its head office is.
        keep = set(named) | {GROUP_ID}
        if self.scenario is not Scenario.NO_BRANCHES:
            keep.update(branch_id(branch.name) for branch in self.company.branches)
        parents: dict[str, str | None] = {}
        units = []
        for unit_id, name, level, parent in _full_tree(self.company):
            while parent is not None and parent not in keep:
                parent = parents[parent]
            parents[unit_id] = parent
            if unit_id in keep:
                units.append((unit_id, name, level, parent))
        return units

    def _weights(self) -> dict[Function, list[float]]:
        # What each branch gives each function's people to do, to share them out when a
        # unit's branches go to several units: its volume, or the same for every branch.
        hourly = [inquiries_per_hour(branch, self.assumptions) for branch in self.company.branches]
        even = [1.0] * len(self.company.branches)
        return {
            Function.CUSTOMER_SERVICE: hourly,
            Function.PROMOTION: hourly,
            **{function: even for function in COUNTED if function not in _SIZED_BY_VOLUME},
        }

    def plan(self, placement: _Placement) -> Plan:
        units = tuple(
            Unit(
                unit_id,
                name,
                level,
                parent,
                tuple(f for f in Function if f in placement.get(unit_id, ())),
            )
            for unit_id, name, level, parent in self.units
        )
        return Plan(self.company.name, self.scenario, None, units, ())

    def state(self, placement: _Placement, given: Mapping[tuple[str, Function], int]) -> State:
        plan = self.plan(placement)
        modelled = {
            (department.unit_id, department.function): department.headcount
            for department in departments(self.company, plan, self.assumptions)
        }
        headcount = {}
        for unit in plan.units:
            for function in unit.functions:
                if function in COUNTED:
                    at = (unit.id, function)
                    headcount[at] = given.get(at, modelled.get(at, 0))
        return State(plan, MappingProxyType(headcount))

    def phases(
        self,
        today: _Placement,
        given: Mapping[tuple[str, Function], int],
        goal: _Placement,
        target: Option,
    ) -> Iterator[Phase]:
        placement = dict(today)
        remaining = dict(given)
        current = self.state(placement, remaining)
        for name, moves, applied in self._plan_of_phases(today, goal, target):
            for function, units in moves.items():
                placement = _placed(placement, function, units)
                # On the way, a unit that keeps a function keeps its people; the target's
                # units have the model's.
                final = units == _where(function, goal)
                remaining = {
                    (unit, f): people
                    for (unit, f), people in remaining.items()
                    if f is not function or (not final and unit in units)
                }
            after = self.state(placement, remaining)
            if after != current:
                steps = tuple(
                    step
                    for function in COUNTED
                    if function in moves
                    for step in self._steps(current, after, function)
                )
                yield Phase(name, applied, steps, current, after)
            current = after

    def _plan_of_phases(
        self, today: _Placement, goal: _Placement, target: Option
    ) -> Iterator[tuple[PhaseName, dict[Function, frozenset[str]], tuple[str, ...]]]:
        where = _where
        service = Function.CUSTOMER_SERVICE
        to_group = (
            self.scenario is Scenario.MULTI_REGION
            and where(service, goal) == {GROUP_ID}
            and where(service, today) != {GROUP_ID}
        )
        first = {Function.SALES: where(Function.SALES, goal)}
        if not to_group:
            first[service] = where(service, goal)
        elif any(
            self._answered_below_region(today, branch.name) for branch in self.company.branches
        ):
            # The regions' queues first, where some branch is answered below its region.
            first[service] = frozenset(region_id(region) for region in self.company.regions)
        sales_moves = (
            any(
                Function.SALES not in today.get(branch_id(branch.name), ())
                for branch in self.company.branches
            )
            and self.scenario is not Scenario.NO_BRANCHES
        )
        name = PhaseName.SERVICE_POOLS
        yield name, first, _rules(name, target, to_group, sales_moves=sales_moves)
        coordinated = any(where(function, goal) for function in _COORDINATING)
        second = {Function.PROMOTION: where(Function.PROMOTION, goal)}
        if coordinated:
            second.update({function: where(function, goal) for function in _COORDINATING})
        yield PhaseName.PROMOTION, second, _rules(PhaseName.PROMOTION, target, to_group)
        support = {Function.SUPPORT: where(Function.SUPPORT, goal)}
        yield PhaseName.SUPPORT, support, _rules(PhaseName.SUPPORT, target, to_group)
        if to_group:
            last = {service: where(service, goal)}
            yield PhaseName.SERVICE_TO_GROUP, last, _rules(PhaseName.SERVICE_TO_GROUP, target, True)
        if not coordinated:
            ended = {function: frozenset[str]() for function in _COORDINATING}
            name = PhaseName.COORDINATION_ENDS
            yield name, ended, _rules(name, target, to_group)

    def _answered_below_region(self, placement: _Placement, branch: str) -> bool:
        unit = self._runner(placement, Function.CUSTOMER_SERVICE, branch)
        return unit is None or self.levels[unit] in (Level.CITY, Level.BRANCH)

    def _runner(self, placement: _Placement, function: Function, branch: str) -> str | None:
        unit: str | None = branch_id(branch) if branch_id(branch) in self.parents else GROUP_ID
        while unit is not None and function not in placement.get(unit, ()):
            unit = self.parents[unit]
        return unit

    def _steps(self, before: State, after: State, function: Function) -> Iterator[Step]:
        supply = _people(before, function)
        demand = _people(after, function)
        for unit in set(supply) & set(demand):
            kept = min(supply[unit], demand[unit])
            supply[unit] -= kept
            demand[unit] -= kept
        affinity = self._affinity(before, after, function)
        moved: dict[tuple[str, str], int] = {}

        def move(source: str, target: str, people: int) -> None:
            if people > 0:
                moved[source, target] = moved.get((source, target), 0) + people
                supply[source] -= people
                demand[target] -= people

        # Each team offers its people to the new units in proportion to the work each takes
        # over; a new unit offered more than it needs takes from each team in proportion to
        # its offer. What is left of a team then goes to any of its new units still short.
        offers: dict[str, list[tuple[str, int]]] = {}
        for source in supply:
            targets = [(t, weight) for t, weight in affinity.get(source, {}).items() if t in demand]
            for target, share in _shares(supply[source], targets):
                offers.setdefault(target, []).append((source, share))
        for target, offered in offers.items():
            wanted = min(demand[target], sum(share for _, share in offered))
            weighted = [(source, float(share)) for source, share in offered]
            for source, people in _shares(wanted, weighted):
                move(source, target, people)
        for source in supply:
            ranked = sorted(affinity.get(source, {}).items(), key=lambda item: -item[1])
            for target, _ in ranked:
                if target in demand:
                    move(source, target, min(supply[source], demand[target]))
        order = {unit.id: index for index, unit in enumerate(after.plan.units)}
        for (source, target), people in sorted(
            moved.items(), key=lambda item: (order[item[0][0]], order[item[0][1]])
        ):
            yield Step(function, source, target, people)
        for target in sorted(demand, key=order.__getitem__):
            if demand[target]:
                yield Step(function, None, target, demand[target])
        for source in sorted(supply, key=order.__getitem__):
            if supply[source]:
                yield Step(function, source, None, supply[source])

    def _affinity(
        self, before: State, after: State, function: Function
    ) -> dict[str, dict[str, float]]:
        # For each unit that runs the function before, the work of its branches that each
        # unit running it after takes over; by count where the volumes are all nought.
        old = _runners(before.plan, function, self.company)
        new = _runners(after.plan, function, self.company)
        weights = self.weights[function]
        by_volume: dict[str, dict[str, float]] = {}
        by_count: dict[str, dict[str, float]] = {}
        for source, target, weight in zip(old, new, weights, strict=True):
            if source is None or target is None:
                continue
            volume = by_volume.setdefault(source, {})
            volume[target] = volume.get(target, 0.0) + weight
            count = by_count.setdefault(source, {})
            count[target] = count.get(target, 0.0) + 1
        return {
            source: by_volume[source] if sum(by_volume[source].values()) > 0 else counted
            for source, counted in by_count.items()
        }


_SIZED_BY_VOLUME = (Function.CUSTOMER_SERVICE, Function.PROMOTION)


def _where(function: Function, placement: _Placement) -> frozenset[str]:
    """The units that run *function* in *placement*."""
    return frozenset(unit for unit, functions in placement.items() if function in functions)


def _placed(placement: _Placement, function: Function, units: frozenset[str]) -> _Placement:
    changed = {unit: functions - {function} for unit, functions in placement.items()}
    for unit in units:
        changed[unit] = changed.get(unit, frozenset()) | {function}
    return {unit: functions for unit, functions in changed.items() if functions}


def _people(state: State, function: Function) -> dict[str, int]:
    return {unit: people for (unit, f), people in state.headcount.items() if f is function}


def _runners(plan: Plan, function: Function, company: Company) -> list[str | None]:
    """For every branch, the unit that runs *function* for it in *plan*, if any.

    The single branch of a company without branches has a unit only where ``today`` names
    it; else its head office, the group, serves it.
    """
    runner: dict[str | None, str | None] = {None: None}
    for unit in plan.units:
        runner[unit.id] = unit.id if function in unit.functions else runner[unit.parent]
    return [runner.get(branch_id(branch.name), runner[GROUP_ID]) for branch in company.branches]


def _shares(people: int, targets: Sequence[tuple[str, float]]) -> list[tuple[str, int]]:
    """*people* shared out over *targets* in proportion to their weights, by largest remainder."""
    total = sum(weight for _, weight in targets)
    if people <= 0 or total <= 0:
        return []
    exact = [
        (target, Fraction(people) * Fraction(weight) / Fraction(total))
        for target, weight in targets
    ]
    shares = {target: math.floor(share) for target, share in exact}
    left = people - sum(shares.values())
    by_remainder = sorted(range(len(exact)), key=lambda i: -(exact[i][1] - shares[exact[i][0]]))
    for index in by_remainder[:left]:
        shares[exact[index][0]] += 1
    return [(target, shares[target]) for target, _ in targets]


def _rules(
    name: PhaseName, target: Option, to_group: bool, *, sales_moves: bool = False
) -> tuple[str, ...]:
    """The ids of the rules a phase applies on the way to *target*.

    *to_group* says the group is to answer several regions, which the first phase prepares;
    *sales_moves*, that the first phase sets sales up in the branches.
    """
    main = _TARGET_RULES.get(target)
    applied: list[rules.Rule] = []
    if name is PhaseName.SERVICE_POOLS and main is not None:
        if sales_moves and target is not Option.ONE_HEAD:
            applied.append(rules.ONE_REGION_SALES_PER_BRANCH)
        # A group that will answer several regions answers each region's branches first, as
        # the article's advice for one region asks of each.
        applied.append(rules.ONE_REGION_UNIFY if to_group else main)
        if target is not Option.ONE_HEAD:
            applied.append(rules.ONE_REGION_DISPATCH)
    elif name is PhaseName.SUPPORT and target in (Option.CENTRALIZED, Option.DECENTRALIZED):
        applied.append(rules.MULTI_REGION_SUPPORT_UNIT)
    elif main is not None:
        # Every other phase applies the rule the target's organisation rests on: so does the
        # end of a support unit that a target without one has no place for.
        applied.append(main)
    return tuple(applied_rule.id for applied_rule in applied)


# The rule each target's organisation rests on; separate teams rest on none.
_TARGET_RULES = {
    Option.ONE_HEAD: rules.NO_BRANCHES_ONE_HEAD,
    Option.UNIFIED: rules.ONE_REGION_UNIFY,
    Option.CENTRALIZED: rules.MULTI_REGION_CENTRALIZE,
    Option.DECENTRALIZED: rules.MULTI_REGION_DECENTRALIZE,
}


def department_pay(
    function: Function, headcount: int, salaries: Salaries, span_of_control: int
) -> float:
    """The monthly pay of a department of *headcount* people, its managers included.

    The managers are as many as :func:`orgkb.compare.management` gives a department of that
    size, so that a department the comparison sized costs what the comparison says.

    >>> from orgkb.model import Salaries
    >>> pay = Salaries(agent=6000, promoter=9000, support=8000, manager=14000)
    >>> department_pay(Function.CUSTOMER_SERVICE, 14, pay, 8)  # 11 agents, 3 managers
    108000
    """
    low, high = 0, headcount
    while low < high:  # the most staff whose managers still fit in the headcount
        middle = (low + high + 1) // 2
        if middle + management(middle, span_of_control)[0] <= headcount:
            low = middle
        else:
            high = middle - 1
    role: float = getattr(salaries, _ROLES[function])
    return low * role + (headcount - low) * salaries.manager


def _average_pay(state: State, unit: str, function: Function, pay: Salaries, span: int) -> float:
    headcount = state.headcount.get((unit, function), 0)
    if headcount == 0:
        # A unit with none of the function yet: what one person of it would cost.
        return float(getattr(pay, _ROLES[function]))
    return department_pay(function, headcount, pay, span) / headcount


def _labour_cost(state: State, pay: Salaries, assumptions: Assumptions) -> float:
    return float(
        sum(
            department_pay(function, people, pay, assumptions.span_of_control)
            for (_, function), people in state.headcount.items()
        )
    )


def _one_time(
    phases: Sequence[Phase], costs: MoveCosts, pay: Salaries, assumptions: Assumptions
) -> OneTimeCost:
    span = assumptions.span_of_control
    severance = recruitment = training = side_by_side = 0.0
    for phase in phases:
        for step in phase.steps:
            if step.target is None:
                assert step.source is not None
                monthly = _average_pay(phase.before, step.source, step.function, pay, span)
                severance += step.people * monthly * costs.severance()
                side_by_side += step.people * monthly * costs.overlap_months
                continue
            monthly = _average_pay(phase.after, step.target, step.function, pay, span)
            if step.source is None:
                recruitment += step.people * monthly * costs.recruitment_months
                weeks = costs.training_weeks
            else:
                weeks = costs.retraining_weeks
            training += step.people * monthly * weeks / float(_WEEKS_PER_MONTH)
    return OneTimeCost(severance, recruitment, training, side_by_side)
