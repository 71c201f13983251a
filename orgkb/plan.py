"""Recommend an organisation for a company, as the article advises for its scenario.

A :class:`Plan` is a tree of :class:`Unit` objects — each at a level, under a parent, running
some functions — together with the ids of the rules that shaped it.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from enum import StrEnum

from orgkb import rules
from orgkb.errors import InputError
from orgkb.model import Branch, Company, Function, Level


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


@dataclass(frozen=True)
class Unit:
    """One unit of the organisation: where it sits and what it runs.

    Ids are stable and readable: ``group``, ``region:<region>``, ``city:<region>/<city>``
    and ``branch:<branch name>``.
    """

    id: str
    name: str
    level: Level
    parent: str | None
    functions: tuple[Function, ...]


@dataclass(frozen=True)
class Plan:
    """A recommended organisation: its units, top-down, and the rules it applied."""

    company: str
    scenario: Scenario
    governance: Governance | None
    units: tuple[Unit, ...]
    rules: tuple[str, ...]

    def unit(self, unit_id: str) -> Unit:
        """The unit with id *unit_id*; :class:`KeyError` if the plan has none."""
        for candidate in self.units:
            if candidate.id == unit_id:
                return candidate
        raise KeyError(unit_id)

    def children(self, unit_id: str | None) -> tuple[Unit, ...]:
        """The units directly under *unit_id* (``None``: the top units), in plan order."""
        return tuple(unit for unit in self.units if unit.parent == unit_id)

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


GROUP_ID = "group"

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


def separate_teams(company: Company) -> Plan:
    """The option the article weighs against unifying: each branch with its own teams.

    Every branch runs its own promotion, customer service and sales under a head who only
    manages; with several regions, the regions only group their branches — the company as it
    grew branch by branch, before the article's advice. :class:`~orgkb.errors.InputError`
    for a company without branches, which has nothing to separate.

    >>> from orgkb.model import Branch, Company
    >>> plan = separate_teams(Company("Duo", (Branch("A", "Wuhan"), Branch("B", "Wuhan"))))
    >>> [(unit.name, [str(f) for f in unit.functions]) for unit in plan.units][:2]
    [('Duo', []), ('A', ['promotion', 'customer_service', 'sales'])]
    """
    scenario = classify(company)
    if scenario is Scenario.NO_BRANCHES:
        raise InputError(
            f"separate teams are an option for a company with several branches; "
            f"{company.name} is {scenario}"
        )

    def own_teams(branch: Branch, parent: str) -> Unit:
        functions = (*_CENTRAL, *_SELLING)
        return Unit(f"branch:{branch.name}", branch.name, Level.BRANCH, parent, functions)

    units = [_group(company, ())]
    if scenario is Scenario.ONE_REGION:
        units.extend(own_teams(branch, GROUP_ID) for branch in company.branches)
        return Plan(
            company.name,
            scenario,
            None,
            tuple(units),
            (rules.ONE_REGION_SALES_PER_BRANCH.id,),
        )
    for region in company.regions:
        region_id = f"region:{region}"
        units.append(Unit(region_id, region, Level.REGION, GROUP_ID, ()))
        units.extend(own_teams(branch, region_id) for branch in company.branches_in(region))
    return Plan(company.name, scenario, None, tuple(units), ())


def _group(company: Company, functions: tuple[Function, ...]) -> Unit:
    return Unit(GROUP_ID, company.name, Level.GROUP, None, functions)


def _branch(branch: Branch, parent: str) -> Unit:
    return Unit(f"branch:{branch.name}", branch.name, Level.BRANCH, parent, _SELLING)


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
        region_id = f"region:{region}"
        units.append(Unit(region_id, region, Level.REGION, GROUP_ID, region_functions))
        city_units = list(_units_under_region(region_id, company.branches_in(region)))
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


def _units_under_region(region_id: str, branches: Sequence[Branch]) -> Iterator[Unit]:
    cities = tuple(dict.fromkeys(branch.city for branch in branches))
    for city in cities:
        in_city = [branch for branch in branches if branch.city == city]
        parent = region_id
        if len(cities) > 1 and len(in_city) > 1:
            parent = f"city:{region_id.removeprefix('region:')}/{city}"
            yield Unit(parent, city, Level.CITY, region_id, _SELLING)
        for branch in in_city:
            yield _branch(branch, parent)
