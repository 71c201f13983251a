"""Put numbers on the options the article weighs: headcount, managers, cost and friction.

The article argues in words: separate promotion and customer service per branch mean "higher
labour cost", "higher management difficulty" and "same-city friction"; a centralized group does
the same work with "fewer, better people". :func:`compare` turns each claim into a figure for
one company, from the same plans :mod:`orgkb.plan` draws:

- **customer-service agents, seats and people** — every unit that runs customer service
  answers the pooled inquiries of the branches it serves, staffed by the Erlang C model
  (:mod:`orgkb.staffing`) in the busy hour: the agents answering, then the *seats* that keep
  them answering after shrinkage, then the *people* on the payroll who keep those seats filled
  for every hour the desk is open (:func:`payroll`); headcount counts people, not seats;
- **promotion staff** — every unit that runs promotion has a team of
  :attr:`Assumptions.promotion_overhead` people for the ad accounts and campaigns it runs
  once, however many branches it serves, and one more for each
  :attr:`Assumptions.leads_per_promoter` inquiries a month it brings in; at least
  :attr:`Assumptions.promotion_minimum`;
- **support and coordination** — the group's teams where the plan has them; the support unit
  is sized from the branches that need it (:mod:`orgkb.support`) when the branches give their
  figures, else it has :attr:`Assumptions.support_team` people;
- **managers and management layers** — every department gets team leaders and heads, one per
  :attr:`Assumptions.span_of_control` people below, layer on layer up to one head;
- **labour cost** — headcount by role times the profile's monthly salaries;
- **same-city friction** (同城内耗) — pairs of branches in one city that serve a common project
  while different units run their promotion, and so bid for the same traffic.

Sales is left out: the article keeps one sales department per branch in every option, so it
adds the same to each. What the model leaves out — the quality of management, talent, control
— stays judgement; the explanation pages say which is which.
"""

from __future__ import annotations

import math
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field, fields, replace
from itertools import combinations
from types import MappingProxyType
from typing import Any, ClassVar

from orgkb.errors import InputError
from orgkb.model import (
    BUSY_HOUR_FACTOR,
    OPEN_DAYS_PER_WEEK,
    OPEN_HOURS_PER_DAY,
    SPAN_OF_CONTROL,
    WORK_HOURS_PER_WEEK,
    Branch,
    Company,
    Function,
    Option,
    Salaries,
)
from orgkb.plan import (
    GROUP_ID,
    OPTIONS,
    Plan,
    Scenario,
    branch_id,
    classify,
    option_today,
    plan_for,
)
from orgkb.staffing import ServiceTarget, Staffing, staff
from orgkb.support import assess, has_figures
from orgkb.text import Text, shortened
from orgkb.values import LARGEST, Limits, exact


@dataclass(frozen=True)
class Assumptions:
    """Every number the comparison assumes, each with a default to replace with your own.

    A profile's ``service_target``, ``salaries``, ``span_of_control``, ``busy_hour_factor``
    and opening and working hours replace the defaults, and its branches' figures size the
    support unit (see :meth:`for_company`); the rest are parameters of the command line and
    of :func:`compare`. Each number keeps its :attr:`LIMITS`, else
    :class:`~orgkb.errors.InputError` names it.
    """

    LIMITS: ClassVar[Mapping[str, Limits]] = MappingProxyType(
        {
            "span_of_control": SPAN_OF_CONTROL,
            "busy_hour_factor": BUSY_HOUR_FACTOR,
            # A month has at most 31 days; fewer than one would multiply volumes without end.
            "days_per_month": Limits(at_least=1, at_most=31),
            # Below one inquiry a month per specialist, teams would grow without end.
            "leads_per_promoter": Limits(at_least=1),
            "promotion_minimum": Limits(at_least=1, whole=True),
            "promotion_overhead": Limits(at_least=0, whole=True),
            "support_team": Limits(at_least=0, whole=True),
            "coordination_team": Limits(at_least=0, whole=True),
            "open_hours_per_day": OPEN_HOURS_PER_DAY,
            "open_days_per_week": OPEN_DAYS_PER_WEEK,
            "work_hours_per_week": WORK_HOURS_PER_WEEK,
        }
    )
    """The numbers each number field allows, by field name: the one statement of them, which
    the command line reads its options with."""

    target: ServiceTarget = field(default_factory=ServiceTarget)
    """The customer-service target; by default 80 % answered within 20 s, 180 s handle time."""
    span_of_control: int = 8
    """People one manager leads (管理幅度). Eight is a common middle value for front-line teams;
    busy queues often run wider, specialist teams narrower."""
    busy_hour_factor: float = 0.1
    """The share of a day's inquiries that arrive in its busiest hour, to turn monthly volumes
    into the busy hour the queue is staffed for. A placeholder: read it from your own logs."""
    days_per_month: float = 30.0
    """Days a month on which inquiries arrive; online inquiries come every day."""
    leads_per_promoter: float = 1500.0
    """Inquiries a month one promotion specialist's campaigns bring in and keep tuned: the
    part of promotion that grows with volume. A placeholder: replace it with your own ratio."""
    promotion_overhead: int = 1
    """People every promotion team needs once, however many branches it serves: whoever runs
    its ad accounts and its campaign calendar. Merging teams runs these once instead of once a
    team — the saving of a unified promotion team in this model. Ours, beyond the article."""
    promotion_minimum: int = 2
    """The smallest promotion team that can run: someone to buy and tune the ads, someone for
    the pages and content they lead to."""
    support_team: int = 2
    """The group's support unit (支持部门) for new or weak branches, where the plan has one;
    :meth:`for_company` sizes it from the branches' figures when the profile gives them."""
    support_needed: int | None = None
    """The branches that need the support unit (new or lagging, :mod:`orgkb.support`) when
    :attr:`support_team` was sized from their figures; ``None`` when it is a set size."""
    coordination_team: int = 2
    """The group's coordination, audit, brand-zone ads and channel tests in the decentralized
    model."""
    salaries: Salaries | None = None
    """Monthly pay by role; without it there is no labour cost."""
    open_hours_per_day: float = 12.0
    """Hours a day customer service is open, to turn seats into people (:func:`payroll`)."""
    open_days_per_week: float = 7.0
    """Days a week customer service is open; online inquiries come every day."""
    work_hours_per_week: float = 40.0
    """Hours one person works a week: China's standard working week (labour law, art. 36,
    and the State Council's rule of 1995 on working hours)."""

    def __post_init__(self) -> None:
        for name, limits in self.LIMITS.items():
            limits.check(getattr(self, name), name)

    @classmethod
    def for_company(cls, company: Company, **overrides: Any) -> Assumptions:
        """The defaults, replaced by what *company*'s profile gives, then by *overrides*.

        When the branches give their figures (leads and deals, or the date they opened), the
        support unit has one person for every :attr:`~orgkb.support.Criteria.branches_per_person`
        branches that need it, by :func:`orgkb.support.assess` with its default criteria,
        unless *overrides* set ``support_team``.

        >>> from orgkb.model import Company
        >>> Assumptions.for_company(Company("Acme", span_of_control=12)).span_of_control
        12
        """
        given: dict[str, Any] = {
            "target": company.service_target,
            "salaries": company.salaries,
            "span_of_control": company.span_of_control,
            "busy_hour_factor": company.busy_hour_factor,
            "open_hours_per_day": company.open_hours_per_day,
            "open_days_per_week": company.open_days_per_week,
            "work_hours_per_week": company.work_hours_per_week,
        }
        if has_figures(company) and "support_team" not in overrides:
            support = assess(company)
            given["support_team"] = support.support_staff
            given["support_needed"] = support.needing
        given.update(overrides)
        known = {each.name for each in fields(cls)}
        for name in given:
            if name not in known:
                raise InputError(Text("not an assumption of the comparison"), field=name)
        return replace(cls(), **{name: value for name, value in given.items() if value is not None})


@dataclass(frozen=True)
class Department:
    """One department of an option: a unit running one function, with its staff and managers.

    *unit* is the unit's name and *unit_id* its id in the plan. *staff* counts people: for
    customer service, the people on the payroll (:func:`payroll`) who fill *queue*'s seats.
    *queue* is the customer-service queue it answers, ``None`` for other departments.
    """

    unit: str
    function: Function
    staff: int
    managers: int
    layers: int
    queue: Staffing | None = None
    unit_id: str = field(kw_only=True)

    @property
    def headcount(self) -> int:
        """The department's people, its managers included."""
        return self.staff + self.managers


@dataclass(frozen=True)
class Outcome:
    """The figures for one option. ``None`` marks a figure the profile gives no data for."""

    option: Option
    plan: Plan
    departments: tuple[Department, ...]
    agents: int | None
    """Agents answering in the busy hour, summed over the customer-service queues."""
    rostered_agents: int | None
    """Seats in the busy hour: the agents answering over one minus shrinkage."""
    customer_service_people: int | None
    """People on the payroll who fill the seats whenever customer service is open."""
    promoters: int
    support_staff: int
    managers: int | None
    management_layers: int | None
    average_span_of_control: float | None
    headcount: int | None
    """People: customer-service people, promoters, support staff and managers; sales is not
    counted."""
    labour_cost: float | None
    friction_pairs: tuple[tuple[str, str], ...]
    """Pairs of branches in one city that serve a common project with separate promotion."""

    @property
    def customer_service_teams(self) -> int:
        """How many separate customer-service queues the option runs."""
        return sum(1 for unit in self.plan.units if Function.CUSTOMER_SERVICE in unit.functions)

    @property
    def promotion_teams(self) -> int:
        """How many separate promotion teams the option runs."""
        return sum(1 for unit in self.plan.units if Function.PROMOTION in unit.functions)


@dataclass(frozen=True)
class Comparison:
    """Every option the article weighs for one company, and which one is the company today."""

    company: str
    scenario: Scenario
    assumptions: Assumptions
    as_is: Option
    outcomes: tuple[Outcome, ...]
    branches: int
    sized: bool
    """Whether the branches give inquiry volumes, so that queues could be sized."""

    def outcome(self, option: Option) -> Outcome:
        """The outcome of *option*; :class:`KeyError` if it is not one of the options."""
        for candidate in self.outcomes:
            if candidate.option is option:
                return candidate
        raise KeyError(option)

    def difference(self, option: Option) -> dict[str, float | None]:
        """*option* minus the company as it is, figure by figure (``None`` where unknown).

        >>> from orgkb.model import Branch, Company
        >>> duo = Company("Duo", (Branch("A", "Wuhan", inquiries_per_hour=50),
        ...                       Branch("B", "Wuhan", inquiries_per_hour=50)))
        >>> compare(duo).difference(Option.UNIFIED)["rostered_agents"]
        -2
        """
        now = self.outcome(self.as_is)
        then = self.outcome(option)
        return {
            name: _minus(getattr(then, name), getattr(now, name))
            for name in (
                "agents",
                "rostered_agents",
                "customer_service_people",
                "promoters",
                "managers",
                "headcount",
                "labour_cost",
            )
        }

    def to_json(self) -> dict[str, object]:
        """The comparison as the ``orgkb compare --format json`` contract describes it."""
        target = self.assumptions.target
        salaries = self.assumptions.salaries
        return {
            "company": self.company,
            "scenario": str(self.scenario),
            "as_is": str(self.as_is),
            "branches": self.branches,
            "sized": self.sized,
            "assumptions": {
                "aht_seconds": target.handle_time,
                "answer_within_seconds": target.answer_within,
                "service_level": target.service_level,
                "shrinkage": target.shrinkage,
                "max_occupancy": target.max_occupancy,
                "span_of_control": self.assumptions.span_of_control,
                "busy_hour_factor": self.assumptions.busy_hour_factor,
                "days_per_month": self.assumptions.days_per_month,
                "leads_per_promoter": self.assumptions.leads_per_promoter,
                "promotion_minimum": self.assumptions.promotion_minimum,
                "support_team": self.assumptions.support_team,
                "coordination_team": self.assumptions.coordination_team,
                "salaries": None if salaries is None else vars(salaries),
                "promotion_overhead": self.assumptions.promotion_overhead,
                "support_needed": self.assumptions.support_needed,
                "open_hours_per_day": self.assumptions.open_hours_per_day,
                "open_days_per_week": self.assumptions.open_days_per_week,
                "work_hours_per_week": self.assumptions.work_hours_per_week,
            },
            "options": [
                {
                    "option": str(outcome.option),
                    "as_is": outcome.option is self.as_is,
                    "customer_service_teams": outcome.customer_service_teams,
                    "agents": outcome.agents,
                    "rostered_agents": outcome.rostered_agents,
                    "customer_service_people": outcome.customer_service_people,
                    "promotion_teams": outcome.promotion_teams,
                    "promoters": outcome.promoters,
                    "support_staff": outcome.support_staff,
                    "managers": outcome.managers,
                    "management_layers": outcome.management_layers,
                    "average_span_of_control": outcome.average_span_of_control,
                    "headcount": outcome.headcount,
                    "labour_cost": outcome.labour_cost,
                    "difference": self.difference(outcome.option),
                    "same_city_friction": len(outcome.friction_pairs),
                    "friction_pairs": [list(pair) for pair in outcome.friction_pairs],
                    "queues": [
                        {
                            "unit": department.unit,
                            **department.queue.to_json(),
                            "people": department.staff,
                        }
                        for department in outcome.departments
                        if department.queue is not None
                    ],
                }
                for outcome in self.outcomes
            ],
        }


def compare(company: Company, assumptions: Assumptions | None = None) -> Comparison:
    """Every option the article weighs for *company* (:data:`orgkb.plan.OPTIONS`), with figures.

    "As is" is the profile's ``as_is`` or else the first option of the scenario: a company
    with branches is taken to have grown branch by branch, each with its own promotion and
    customer service — the situation the article starts from. Inputs the comparison cannot
    use are an :class:`~orgkb.errors.InputError` naming the field.

    >>> from orgkb.model import Branch, Company
    >>> four = Company("Four", tuple(
    ...     Branch(name, "Wuhan", inquiries_per_hour=50) for name in "ABCD"))
    >>> comparison = compare(four)
    >>> [(str(o.option), o.agents, o.customer_service_people) for o in comparison.outcomes]
    [('separate', 20, 44), ('unified', 14, 30)]
    """
    assumptions = assumptions or Assumptions.for_company(company)
    scenario = classify(company)
    as_is = option_today(company)
    sized = _sized(company)
    volumes = _volumes(company, assumptions)
    outcomes = tuple(
        _outcome(company, option, plan_for(company, option), assumptions, sized, volumes)
        for option in OPTIONS[scenario]
    )
    return Comparison(
        company=company.name,
        scenario=scenario,
        assumptions=assumptions,
        as_is=as_is,
        outcomes=outcomes,
        branches=len(company.branches),
        sized=sized,
    )


def departments(company: Company, plan: Plan, assumptions: Assumptions) -> tuple[Department, ...]:
    """The departments of any *plan* of *company*, sized as :func:`compare` sizes an option's.

    The plan may be one of the options or another organisation of the same company, such as
    a step on the way from one to another (:mod:`orgkb.transition`); each unit that runs a
    function serves the branches below it that no nearer unit serves. Customer service is
    sized only when the branches give their inquiry volumes.

    >>> from orgkb.plan import recommend
    >>> duo = Company("Duo", (Branch("A", "Wuhan", inquiries_per_hour=50),
    ...                       Branch("B", "Wuhan", inquiries_per_hour=50)))
    >>> [(d.unit_id, str(d.function), d.headcount) for d in departments(
    ...     duo, recommend(duo), Assumptions())]
    [('group', 'customer_service', 21), ('group', 'promotion', 25)]
    """
    service = _serving(company, plan, Function.CUSTOMER_SERVICE)
    promotion = _serving(company, plan, Function.PROMOTION)
    volumes = _volumes(company, assumptions)
    return tuple(_departments(plan, assumptions, _sized(company), volumes, service, promotion))


def payroll(seats: int, assumptions: Assumptions) -> int:
    """The people on the payroll who keep *seats* filled whenever customer service is open.

    A seat is filled for :attr:`~Assumptions.open_hours_per_day` hours a day and
    :attr:`~Assumptions.open_days_per_week` days a week, and one person works
    :attr:`~Assumptions.work_hours_per_week` hours of it; a seat needs one person at least.
    Every open hour is staffed as the busy hour: an upper bound, since a roster that follows
    the day's curve needs fewer. The arithmetic is in exact decimals, as the roster's is.

    >>> payroll(14, Assumptions())
    30
    >>> payroll(14, Assumptions(open_hours_per_day=8, open_days_per_week=5))
    14
    """
    open_hours = exact(assumptions.open_hours_per_day) * exact(assumptions.open_days_per_week)
    return max(seats, math.ceil(seats * open_hours / exact(assumptions.work_hours_per_week)))


def inquiries_per_hour(branch: Branch, assumptions: Assumptions) -> float:
    """The branch's inquiries in its busiest hour, from whichever volume it gives.

    >>> inquiries_per_hour(Branch("A", "Wuhan", inquiries_per_month=3000), Assumptions())
    10.0
    """
    if branch.inquiries_per_hour is not None:
        return branch.inquiries_per_hour
    monthly = branch.inquiries_per_month or 0.0
    return monthly / assumptions.days_per_month * assumptions.busy_hour_factor


def inquiries_per_month(branch: Branch, assumptions: Assumptions) -> float:
    """The branch's inquiries in a month, from whichever volume it gives.

    A month of more than :data:`~orgkb.values.LARGEST` inquiries — a busy hour so small a share
    of the day, or so busy an hour, that the figures built on it would overflow — is an
    :class:`~orgkb.errors.InputError`.

    >>> inquiries_per_month(Branch("A", "Wuhan", inquiries_per_hour=10), Assumptions())
    3000.0
    """
    if branch.inquiries_per_month is not None:
        return branch.inquiries_per_month
    hourly = branch.inquiries_per_hour or 0.0
    monthly = hourly / assumptions.busy_hour_factor * assumptions.days_per_month
    if not monthly <= LARGEST:
        raise InputError(
            Text(
                "{name!r} gives {hourly:g} inquiries an hour, which with a busy hour of {busy:g} "
                "of the day's make more than {largest:g} a month",
                name=shortened(branch.name),
                hourly=hourly,
                busy=assumptions.busy_hour_factor,
                largest=LARGEST,
            )
        )
    return monthly


def management(staff: int, span: int) -> tuple[int, int]:
    """Managers and layers of management for a department of *staff* people.

    One team leader per *span* people, one manager per *span* team leaders, and so on up to a
    single head; a department small enough for one manager has just its head.

    >>> management(14, 8)
    (3, 2)
    >>> management(5, 8)
    (1, 1)
    >>> management(0, 8)
    (0, 0)
    """
    managers = layers = 0
    level = staff
    while level > 0 and (layers == 0 or level > 1):
        level = math.ceil(level / span)
        managers += level
        layers += 1
    return managers, layers


def friction_pairs(company: Company, plan: Plan) -> tuple[tuple[str, str], ...]:
    """Pairs of branches in one city, serving a common project, whose promotion differs.

    Pairs come in profile order. Only branches of one city are paired, so the work grows with
    the branches of the largest city, not with the company.

    >>> from orgkb.model import Company
    >>> from orgkb.plan import recommend
    >>> trio = Company("Trio", (Branch("A", "Wuhan", projects=("villas",)),
    ...                         Branch("B", "Wuhan"), Branch("C", "Wuhan", projects=("flats",))))
    >>> friction_pairs(trio, plan_for(trio, Option.SEPARATE))
    (('A', 'B'), ('B', 'C'))
    >>> friction_pairs(trio, recommend(trio))
    ()
    """
    return _friction_pairs(company, _serving(company, plan, Function.PROMOTION))


def _friction_pairs(
    company: Company, promotion: Sequence[str | None]
) -> tuple[tuple[str, str], ...]:
    # *promotion* is the unit that runs each branch's promotion, in profile order.
    cities: dict[str, list[int]] = {}
    for index, branch in enumerate(company.branches):
        cities.setdefault(branch.city, []).append(index)
    projects = [frozenset(branch.projects) for branch in company.branches]
    pairs = []
    for in_city in cities.values():
        if len({promotion[index] for index in in_city}) < 2:
            continue
        for first, second in combinations(in_city, 2):
            if promotion[first] != promotion[second] and _share_a_project(
                projects[first], projects[second]
            ):
                pairs.append((first, second))
    pairs.sort()
    names = [branch.name for branch in company.branches]
    return tuple((names[first], names[second]) for first, second in pairs)


def _sized(company: Company) -> bool:
    given = [
        branch.inquiries_per_hour is not None or branch.inquiries_per_month is not None
        for branch in company.branches
    ]
    if any(given) and not all(given):
        index = given.index(False)
        raise InputError(
            Text(
                "{name!r} gives no inquiry volume; give inquiries_per_hour or "
                "inquiries_per_month for every branch or for none",
                name=shortened(company.branches[index].name),
            ),
            field=f"branches[{index}]",
        )
    return any(given)


def _volumes(company: Company, assumptions: Assumptions) -> list[tuple[float, float]]:
    """Every branch's inquiries in the busy hour and in a month, in profile order."""
    volumes = []
    for index, branch in enumerate(company.branches):
        try:
            monthly = inquiries_per_month(branch, assumptions)
        except InputError as error:
            raise replace(error, field=f"branches[{index}]") from None
        volumes.append((inquiries_per_hour(branch, assumptions), monthly))
    return volumes


def _outcome(
    company: Company,
    option: Option,
    plan: Plan,
    assumptions: Assumptions,
    sized: bool,
    volumes: Sequence[tuple[float, float]],
) -> Outcome:
    service = _serving(company, plan, Function.CUSTOMER_SERVICE)
    promotion = _serving(company, plan, Function.PROMOTION)
    departments = tuple(_departments(plan, assumptions, sized, volumes, service, promotion))
    by_function: dict[Function, list[Department]] = {}
    for department in departments:
        by_function.setdefault(department.function, []).append(department)
    answering = by_function.get(Function.CUSTOMER_SERVICE, [])
    queues = [d.queue for d in answering if d.queue]
    promoters = sum(d.staff for d in by_function.get(Function.PROMOTION, []))
    support = sum(d.staff for d in departments if d.function in _SUPPORT_FUNCTIONS)
    agents = rostered = people = managers = layers = headcount = None
    span: float | None = None
    cost: float | None = None
    if sized:
        agents = sum(queue.agents for queue in queues)
        rostered = sum(queue.rostered_agents for queue in queues)
        people = sum(d.staff for d in answering)
        managers = sum(d.managers for d in departments)
        layers = max((d.layers for d in departments), default=0)
        staffed = sum(1 for d in departments if d.staff)
        span = (people + promoters + support + managers - staffed) / managers if managers else 0.0
        headcount = people + promoters + support + managers
        if assumptions.salaries is not None:
            pay = assumptions.salaries
            cost = (
                people * pay.agent
                + promoters * pay.promoter
                + support * pay.support
                + managers * pay.manager
            )
    return Outcome(
        option=option,
        plan=plan,
        departments=departments,
        agents=agents,
        rostered_agents=rostered,
        customer_service_people=people,
        promoters=promoters,
        support_staff=support,
        managers=managers,
        management_layers=layers,
        average_span_of_control=span,
        headcount=headcount,
        labour_cost=cost,
        friction_pairs=_friction_pairs(company, promotion),
    )


_SUPPORT_FUNCTIONS = (Function.SUPPORT, Function.COORDINATION)


def _departments(
    plan: Plan,
    assumptions: Assumptions,
    sized: bool,
    volumes: Sequence[tuple[float, float]],
    service: Sequence[str | None],
    promotion: Sequence[str | None],
) -> Iterator[Department]:
    # *service* and *promotion* are the units that run each branch's customer service and
    # promotion; each unit's volumes are summed over its branches in profile order, in one pass.
    span = assumptions.span_of_control
    hourly: dict[str | None, float] = {}
    monthly: dict[str | None, float] = {}
    for answering, promoting, (per_hour, per_month) in zip(
        service, promotion, volumes, strict=True
    ):
        hourly[answering] = hourly.get(answering, 0) + per_hour
        monthly[promoting] = monthly.get(promoting, 0) + per_month
    for unit in plan.units:
        if Function.CUSTOMER_SERVICE in unit.functions and sized:
            queue = _queue(unit.name, hourly.get(unit.id, 0), assumptions.target)
            people = payroll(queue.rostered_agents, assumptions)
            yield Department(
                unit.name,
                Function.CUSTOMER_SERVICE,
                people,
                *management(people, span),
                queue=queue,
                unit_id=unit.id,
            )
        if Function.PROMOTION in unit.functions:
            promoters = promotion_team(monthly.get(unit.id, 0), assumptions)
            yield Department(
                unit.name,
                Function.PROMOTION,
                promoters,
                *management(promoters, span),
                unit_id=unit.id,
            )
        for function, size in (
            (Function.SUPPORT, assumptions.support_team),
            (Function.COORDINATION, assumptions.coordination_team),
        ):
            if function in unit.functions and size:
                yield Department(
                    unit.name, function, size, *management(size, span), unit_id=unit.id
                )


def promotion_team(monthly_inquiries: float, assumptions: Assumptions) -> int:
    """The promoters of one team whose campaigns bring in *monthly_inquiries* a month.

    The fixed part, :attr:`~Assumptions.promotion_overhead`, runs the team's ad accounts and
    campaigns once, whatever its volume; the rest grows with it, one specialist per
    :attr:`~Assumptions.leads_per_promoter` inquiries; and the team has at least
    :attr:`~Assumptions.promotion_minimum`. Four teams of 15,000 inquiries a month need
    4 × 11 people, one team of all 60,000 needs 41: the accounts and campaigns run once.

    >>> promotion_team(15_000, Assumptions()), promotion_team(60_000, Assumptions())
    (11, 41)
    >>> promotion_team(0, Assumptions())
    2
    """
    volume = math.ceil(monthly_inquiries / assumptions.leads_per_promoter)
    return max(assumptions.promotion_minimum, assumptions.promotion_overhead + volume)


def _queue(unit: str, arrivals: float, target: ServiceTarget) -> Staffing:
    try:
        return staff(arrivals, target)
    except InputError as error:
        # The load comes from the branches' volumes; only the occupancy cap is the target's.
        at = "service_target.max_occupancy" if error.field == "max_occupancy" else "branches"
        raise InputError(
            Text("customer service of {unit!r}: {problem}", unit=unit, problem=error.message),
            field=at,
        ) from None


def _serving(company: Company, plan: Plan, function: Function) -> list[str | None]:
    """For every branch, in profile order, the id of the unit that runs *function* for it.

    That is the branch's own unit, or the nearest above it that runs the function.
    """
    runner: dict[str | None, str | None] = {None: None}
    for unit in plan.units:  # each after its parent
        runner[unit.id] = unit.id if function in unit.functions else runner[unit.parent]
    if plan.scenario is Scenario.NO_BRANCHES:
        # A company with a single branch has no branch unit: its head office is the branch.
        return [runner[GROUP_ID]] * len(company.branches)
    return [runner[branch_id(branch.name)] for branch in company.branches]


def _share_a_project(first: frozenset[str], second: frozenset[str]) -> bool:
    # A branch that lists no project serves every project.
    return not first or not second or not first.isdisjoint(second)


def _minus(then: float | None, now: float | None) -> float | None:
    if then is None or now is None:
        return None
    return then - now
