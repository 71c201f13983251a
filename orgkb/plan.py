"""Which organisation: the plan the article recommends, the options it weighs, the company today.

A :class:`Plan` is a tree of :class:`Unit` objects — each at a level, under a parent, running
some functions — together with the ids of the rules that shaped it. This module is the one
vocabulary for choosing an organisation:

- :func:`recommend` gives the plan the article recommends for a company's scenario;
- :func:`plan_for` gives the plan of any option the article weighs (:data:`OPTIONS`), and
  :func:`weighed` is the one place that refuses an option the scenario does not have;
- :func:`as_is_option` and :func:`structure` say how the company is organised today: the option
  its profile names, or else only the structure it describes; :func:`option_today` is the
  option to start from, the profile's or else the scenario's first;
- :func:`region_id`, :func:`city_id` and :func:`branch_id` build every unit id, and a plan
  looks its units up by id (:meth:`Plan.unit`, :meth:`Plan.children`) in constant time.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from enum import StrEnum

from orgkb import rules
from orgkb.errors import InputError
from orgkb.model import Branch, Company, Function, Level, Option
from orgkb.text import Text


class Scenario(StrEnum):
    """The three situations the article distinguishes."""

    NO_BRANCHES = "no-branches"
    """No branch, or a single one."""
    ONE_REGION = "one-region"
    """Two or more branches, all in one region (片区)."""
    MULTI_REGION = "multi-region"
    """Branches in two or more regions."""


class Governance(StrEnum):
    """How a company with several regions shares work between the group and the regions."""

    CENTRALIZED = "centralized"
    """集权: the group runs promotion and customer service; regions sell."""
    DECENTRALIZED = "decentralized"
    """分权: the group coordinates; each region runs its own promotion and service."""


def classify(company: Company) -> Scenario:
    """The scenario *company* is in.

    A branch's region is its ``region``, else its city.

    >>> from orgkb.model import Branch, Company
    >>> classify(Company("Solo"))
    <Scenario.NO_BRANCHES: 'no-branches'>
    >>> classify(Company("Duo", (Branch("A", "Wuhan"), Branch("B", "Wuhan"))))
    <Scenario.ONE_REGION: 'one-region'>
    >>> classify(Company("Trio", (Branch("A", "Wuhan"), Branch("B", "Changsha"))))
    <Scenario.MULTI_REGION: 'multi-region'>
    """
    if len(company.branches) <= 1:
        return Scenario.NO_BRANCHES
    if len(company.regions) == 1:
        return Scenario.ONE_REGION
    return Scenario.MULTI_REGION


GROUP_ID = "group"
"""The id of the group, the top unit of every plan."""


def region_id(region: str) -> str:
    """The id of the unit of *region*: ``region:<region>``.

    >>> region_id("East China")
    'region:East China'
    """
    return f"region:{_id_part(region)}"


def city_id(region: str, city: str) -> str:
    """The id of the unit of *city* in *region*: ``city:<region>/<city>``.

    The slash only ever separates the region from the city: within a name, ``%`` is written
    ``%25`` and ``/`` is written ``%2F``, so two different units never share an id.

    >>> city_id("East China", "Hangzhou")
    'city:East China/Hangzhou'
    >>> city_id("A/B", "C"), city_id("A", "B/C")
    ('city:A%2FB/C', 'city:A/B%2FC')
    """
    return f"city:{_id_part(region)}/{_id_part(city)}"


def branch_id(branch: str) -> str:
    """The id of the unit of the branch named *branch*: ``branch:<branch>``.

    >>> branch_id("Xihu")
    'branch:Xihu'
    """
    return f"branch:{_id_part(branch)}"


def _id_part(name: str) -> str:
    # Names that hold neither character keep the readable ids the pages and stored tools use.
    return name.replace("%", "%25").replace("/", "%2F")


@dataclass(frozen=True, slots=True)
class Unit:
    """One unit of the organisation: where it sits and what it runs.

    Ids are stable and readable: ``group``, ``region:<region>``, ``city:<region>/<city>``
    and ``branch:<branch name>`` (see :func:`city_id` for the escaping that keeps them unique).
    """

    id: str
    name: str
    level: Level
    parent: str | None
    functions: tuple[Function, ...]


@dataclass(frozen=True)
class Plan:
    """An organisation: its units, top-down, and the rules it applied.

    Each unit comes after its parent. The units are indexed by id and by parent when the plan
    is made, so that :meth:`unit` and :meth:`children` take constant time at any size. A unit
    before its parent, or two units with one id — which the id functions of this module never
    produce — are a :class:`ValueError`.
    """

    company: str
    scenario: Scenario
    governance: Governance | None
    units: tuple[Unit, ...]
    rules: tuple[str, ...]
    _by_id: dict[str, Unit] = field(init=False, repr=False, compare=False)
    _by_parent: dict[str | None, tuple[Unit, ...]] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        by_id: dict[str, Unit] = {}
        by_parent: dict[str | None, list[Unit]] = {}
        for unit in self.units:
            if unit.id in by_id:
                raise ValueError(f"two units of the plan have the id {unit.id!r}")
            if unit.parent is not None and unit.parent not in by_id:
                raise ValueError(f"the unit {unit.id!r} comes before its parent {unit.parent!r}")
            by_id[unit.id] = unit
            by_parent.setdefault(unit.parent, []).append(unit)
        object.__setattr__(self, "_by_id", by_id)
        object.__setattr__(
            self, "_by_parent", {parent: tuple(units) for parent, units in by_parent.items()}
        )

    def unit(self, unit_id: str) -> Unit:
        """The unit with id *unit_id*; :class:`KeyError` if the plan has none."""
        return self._by_id[unit_id]

    def children(self, unit_id: str | None) -> tuple[Unit, ...]:
        """The units directly under *unit_id* (``None``: the top units), in plan order."""
        return self._by_parent.get(unit_id, ())

    def functions_at(self, level: Level) -> tuple[Function, ...]:
        """Every function run by some unit of *level*, without repeats.

        >>> from orgkb.model import Branch, Company
        >>> plan = recommend(Company("Duo", (Branch("A", "Wuhan"), Branch("B", "Wuhan"))))
        >>> [str(function) for function in plan.functions_at(Level.BRANCH)]
        ['sales']
        """
        found = (f for unit in self.units if unit.level is level for f in unit.functions)
        return tuple(dict.fromkeys(found))

    def to_json(self) -> dict[str, object]:
        """The plan as the command line's JSON contract describes it."""
        return {
            "scenario": str(self.scenario),
            "governance": None if self.governance is None else str(self.governance),
            "units": [
                {
                    "id": unit.id,
                    "name": unit.name,
                    "level": str(unit.level),
                    "parent": unit.parent,
                    "functions": [str(function) for function in unit.functions],
                }
                for unit in self.units
            ],
            "rules": list(self.rules),
        }


_CENTRAL = (Function.PROMOTION, Function.CUSTOMER_SERVICE)
_SELLING = (Function.SALES,)
_COORDINATING = (
    Function.COORDINATION,
    Function.AUDIT,
    Function.BRAND_ZONE_ADS,
    Function.CHANNEL_TESTS,
)


def recommend(company: Company, governance: Governance | None = None) -> Plan:
    """The organisation the article recommends for *company*.

    *governance* matters only with several regions, where it defaults to
    :attr:`Governance.CENTRALIZED`, as the article's summary advises; for the other scenarios
    the plan's governance is ``None``.

    >>> from orgkb.model import Branch, Company
    >>> plan = recommend(Company("Duo", (Branch("A", "Wuhan"), Branch("B", "Wuhan"))))
    >>> [(unit.name, [str(f) for f in unit.functions]) for unit in plan.units]
    [('Duo', ['promotion', 'customer_service']), ('A', ['sales']), ('B', ['sales'])]
    """
    scenario = classify(company)
    if scenario is Scenario.NO_BRANCHES:
        return _plan_without_branches(company)
    if scenario is Scenario.ONE_REGION:
        return _plan_for_one_region(company)
    return _plan_for_regions(company, governance or Governance.CENTRALIZED)


def _group(company: Company, functions: tuple[Function, ...]) -> Unit:
    return Unit(GROUP_ID, company.name, Level.GROUP, None, functions)


def _branch(branch: Branch, parent: str) -> Unit:
    return Unit(branch_id(branch.name), branch.name, Level.BRANCH, parent, _SELLING)


def _plan_without_branches(company: Company) -> Plan:
    # A single branch is the company's only office: it is the one head, not a unit below it.
    group = _group(company, (*_CENTRAL, Function.SALES))
    return Plan(
        company.name,
        Scenario.NO_BRANCHES,
        None,
        (group,),
        (rules.NO_BRANCHES_ONE_HEAD.id,),
    )


def _plan_for_one_region(company: Company) -> Plan:
    group = _group(company, _CENTRAL)
    branches = tuple(_branch(branch, GROUP_ID) for branch in company.branches)
    applied = (
        rules.ONE_REGION_SALES_PER_BRANCH,
        rules.ONE_REGION_UNIFY,
        rules.ONE_REGION_DISPATCH,
        rules.ONE_REGION_COMPETING_GROUPS,
    )
    return Plan(
        company.name,
        Scenario.ONE_REGION,
        None,
        (group, *branches),
        tuple(applied_rule.id for applied_rule in applied),
    )


def _plan_for_regions(company: Company, governance: Governance) -> Plan:
    region_functions: tuple[Function, ...]
    if governance is Governance.CENTRALIZED:
        group = _group(company, (*_CENTRAL, Function.SUPPORT))
        region_functions = _SELLING
        applied = [rules.MULTI_REGION_CENTRALIZE]
    else:
        group = _group(company, (*_COORDINATING, Function.SUPPORT))
        region_functions = (*_CENTRAL, Function.SALES)
        applied = [rules.MULTI_REGION_DECENTRALIZE]
    applied.append(rules.MULTI_REGION_SUPPORT_UNIT)
    units = [group]
    for region in company.regions:
        parent = region_id(region)
        units.append(Unit(parent, region, Level.REGION, GROUP_ID, region_functions))
        city_units = list(_units_under_region(region, company.branches_in(region)))
        has_city = any(unit.level is Level.CITY for unit in city_units)
        if has_city and rules.MULTI_REGION_CITY_UNIT not in applied:
            applied.append(rules.MULTI_REGION_CITY_UNIT)
        units.extend(city_units)
    return Plan(
        company.name,
        Scenario.MULTI_REGION,
        governance,
        tuple(units),
        tuple(applied_rule.id for applied_rule in applied),
    )


def _units_under_region(region: str, branches: Sequence[Branch]) -> Iterator[Unit]:
    cities = _by_city(branches)
    for city, in_city in cities.items():
        parent = region_id(region)
        if len(cities) > 1 and len(in_city) > 1:
            parent = city_id(region, city)
            yield Unit(parent, city, Level.CITY, region_id(region), _SELLING)
        for branch in in_city:
            yield _branch(branch, parent)


def _separate_teams(company: Company) -> Plan:
    # Every branch runs its own promotion, customer service and sales under a head who only
    # manages; with several regions, the regions only group their branches.
    def own_teams(branch: Branch, parent: str) -> Unit:
        functions = (*_CENTRAL, *_SELLING)
        return Unit(branch_id(branch.name), branch.name, Level.BRANCH, parent, functions)

    units = [_group(company, ())]
    if classify(company) is Scenario.ONE_REGION:
        units.extend(own_teams(branch, GROUP_ID) for branch in company.branches)
        return Plan(
            company.name,
            Scenario.ONE_REGION,
            None,
            tuple(units),
            (rules.ONE_REGION_SALES_PER_BRANCH.id,),
        )
    for region in company.regions:
        parent = region_id(region)
        units.append(Unit(parent, region, Level.REGION, GROUP_ID, ()))
        units.extend(own_teams(branch, parent) for branch in company.branches_in(region))
    return Plan(company.name, Scenario.MULTI_REGION, None, tuple(units), ())


def _by_city(branches: Iterable[Branch]) -> dict[str, list[Branch]]:
    """The branches grouped by city, cities in the order they first appear."""
    cities: dict[str, list[Branch]] = {}
    for branch in branches:
        cities.setdefault(branch.city, []).append(branch)
    return cities


OPTIONS = {
    Scenario.NO_BRANCHES: (Option.ONE_HEAD,),
    Scenario.ONE_REGION: (Option.SEPARATE, Option.UNIFIED),
    Scenario.MULTI_REGION: (Option.SEPARATE, Option.DECENTRALIZED, Option.CENTRALIZED),
}
"""The options the article weighs in each scenario; the first is the default "as is"."""

_PLANNERS: dict[Option, Callable[[Company], Plan]] = {
    Option.ONE_HEAD: recommend,
    Option.SEPARATE: _separate_teams,
    Option.UNIFIED: recommend,
    Option.DECENTRALIZED: lambda company: recommend(company, Governance.DECENTRALIZED),
    Option.CENTRALIZED: lambda company: recommend(company, Governance.CENTRALIZED),
}


def plan_for(company: Company, option: Option) -> Plan:
    """The plan of *option* for *company*.

    :data:`Option.SEPARATE <orgkb.model.Option.SEPARATE>` is the option the article weighs
    against unifying: every branch runs its own promotion, customer service and sales under a
    head who only manages; with several regions, the regions only group their branches — the
    company as it grew branch by branch, before the article's advice. The other options are
    what :func:`recommend` gives. An option the article does not weigh for the company's
    scenario (see :data:`OPTIONS`) is an :class:`~orgkb.errors.InputError`.

    >>> from orgkb.model import Branch, Company
    >>> duo = Company("Duo", (Branch("A", "Wuhan"), Branch("B", "Wuhan")))
    >>> plan = plan_for(duo, Option.SEPARATE)
    >>> [(unit.name, [str(f) for f in unit.functions]) for unit in plan.units][:2]
    [('Duo', []), ('A', ['promotion', 'customer_service', 'sales'])]
    >>> plan_for(duo, Option.CENTRALIZED)
    Traceback (most recent call last):
    ...
    orgkb.errors.InputError: 'centralized' is not an option for a company that is one-region; \
expected one of separate, unified
    """
    return _PLANNERS[weighed(company, option)](company)


def as_is_option(company: Company) -> Option | None:
    """The option *company*'s profile says it runs today (its ``as_is``), ``None`` if unsaid.

    An ``as_is`` the article does not weigh for the company's scenario is an
    :class:`~orgkb.errors.InputError` naming the field ``as_is``.
    """
    if company.as_is is None:
        return None
    return weighed(company, company.as_is, "as_is")


def option_today(company: Company) -> Option:
    """The option *company* runs today: the one its profile's ``as_is`` names
    (:func:`as_is_option`), else the one the article starts its scenario from, the first of
    :data:`OPTIONS` — separate teams, or one head without branches.

    >>> from orgkb.model import Branch
    >>> option_today(Company("Duo", (Branch("A", "Wuhan"), Branch("B", "Wuhan"))))
    <Option.SEPARATE: 'separate'>
    """
    return as_is_option(company) or OPTIONS[classify(company)][0]


def structure(company: Company) -> Plan:
    """The structure *company*'s profile describes, as a plan whose units run nothing known.

    Group, then each region, each city and each branch. A region the profile does not name
    (its branches' region is their city) is drawn as that city directly under the group.

    >>> from orgkb.model import Branch
    >>> plan = structure(Company("Trio", (Branch("A", "Wuhan", "Centre"), Branch("B", "Xi'an"))))
    >>> [unit.id for unit in plan.units]
    ['group', 'region:Centre', 'city:Centre/Wuhan', 'branch:A', "city:Xi'an/Xi'an", 'branch:B']
    """
    units = [_group(company, ())]
    for region in company.regions:
        cities = _by_city(company.branches_in(region))
        region_parent = GROUP_ID
        if list(cities) != [region]:
            region_parent = region_id(region)
            units.append(Unit(region_parent, region, Level.REGION, GROUP_ID, ()))
        for city, in_city in cities.items():
            parent = city_id(region, city)
            units.append(Unit(parent, city, Level.CITY, region_parent, ()))
            units.extend(
                Unit(branch_id(branch.name), branch.name, Level.BRANCH, parent, ())
                for branch in in_city
            )
    return Plan(company.name, classify(company), None, tuple(units), ())


def weighed(company: Company, option: Option, field: str = "") -> Option:
    """*option*, if the article weighs it for *company*'s scenario (:data:`OPTIONS`); else an
    :class:`~orgkb.errors.InputError` naming *field*, the option or field that gave it."""
    scenario = classify(company)
    if option not in OPTIONS[scenario]:
        choices = ", ".join(str(weighed) for weighed in OPTIONS[scenario])
        raise InputError(
            Text(
                "{option!r} is not an option for a company that is {scenario}; "
                "expected one of {choices}",
                option=str(option),
                scenario=scenario,
                choices=choices,
            ),
            field=field,
        )
    return option
