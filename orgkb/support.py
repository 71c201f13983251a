"""Which branches need the group's support unit: the new ones, and the ones that lag their pool.

The article asks a group with several regions for a support unit (支持部门) that gives "new or
weak" branches business-process support and training; it does not say how to tell which
branches those are, nor how large the unit should be. This module is our answer, beyond the
article:

- a branch is **new** when it opened less than :attr:`Criteria.new_months` full months before
  the profile's ``as_of``;
- a branch **lags** when its conversion — deals over leads, over the period its figures cover
  — is below that of the rest of its *dispatch pool* by more than chance explains: a
  one-sided Fisher exact test (:func:`lag_p_value`) gives a p-value of at most one minus
  :attr:`Criteria.confidence`. A branch's pool is the other branches of its city, in its
  region (the plan's city unit), which the dispatch gives the city's leads to
  (:mod:`orgkb.dispatch`); the only branch of its city is compared with the other branches
  of its region, as the dispatch falls back to the region. Projects do not narrow the pool:
  a branch's figures are not split by project, so the test compares whole branches; give
  branches of one city that sell different things regions of their own, as product lines;
- a branch has **too few leads to tell** when not even a period without a single deal would
  pass that test: 0 deals of 3 leads is no evidence against a pool that converts one lead in
  ten; a branch that converts at least as well as the rest of its pool is **not shown to
  lag**, however few the leads;
- the support unit has one person for every :attr:`Criteria.branches_per_person` branches
  that are new or lagging, rounded up.

Fisher's test compares the branch with the rest of its pool as they are, without taking the
pool's rate as known: given the deals of the whole pool, the branch's share of them follows
the hypergeometric distribution if the branch converts like the others. The test is exact, so
a branch that converts exactly like its pool is called lagging with probability at most one
minus the confidence, however small the branches (``tests/test_support.py`` checks it).
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from fractions import Fraction
from types import MappingProxyType
from typing import ClassVar

from orgkb.errors import InputError
from orgkb.model import COUNT, Branch, Company, Level
from orgkb.plan import city_id, region_id
from orgkb.text import Text, shortened
from orgkb.values import Limits, exact


@dataclass(frozen=True)
class Criteria:
    """What makes a branch new or lagging, and how many branches one support person takes.

    Each number keeps its :attr:`LIMITS`, else :class:`~orgkb.errors.InputError` names it.
    """

    LIMITS: ClassVar[Mapping[str, Limits]] = MappingProxyType(
        {
            "new_months": Limits(at_least=0, at_most=1200, whole=True),
            # Below one half, a branch that converts as well as its pool would be "lagging".
            "confidence": Limits(at_least=0.5, below=1),
            "branches_per_person": Limits(at_least=1),
        }
    )
    """The numbers each field allows, by field name: the one statement of them, which the
    command line reads its options with."""

    new_months: int = 12
    """A branch is new for this many full months after it opens: a year, by default, to see
    every season once."""
    confidence: float = 0.95
    """How sure the test must be that a branch converts below its pool before calling it
    lagging; one minus it is the chance of calling a branch that does not lag lagging."""
    branches_per_person: float = 3.0
    """Branches one person of the support unit can take at once: a placeholder for the visits,
    training and follow-up one branch needs; replace it with your own."""

    def __post_init__(self) -> None:
        for name, limits in self.LIMITS.items():
            limits.check(getattr(self, name), name)


class Finding(StrEnum):
    """What the test of a branch's conversion against its pool found."""

    LAGGING = "lagging"
    """Below its pool's conversion, by more than chance explains at the confidence asked."""
    NOT_SHOWN = "not shown to lag"
    """At or above its pool's conversion, or below it by no more than chance explains."""
    TOO_FEW = "too few leads to tell"
    """No better than its pool, on leads so few that not even a period without one deal would
    show it lagging."""
    NO_POOL = "no other branch in its pool"
    """No other branch of its pool gives leads and deals to compare with."""
    NO_FIGURES = "no figures"
    """The branch gives no leads and deals."""


@dataclass(frozen=True)
class BranchSupport:
    """One branch, whether it is new, how its conversion compares with its pool's, and why.

    *pool_level* is the level of its pool: :attr:`~orgkb.model.Level.CITY` when another branch
    shares its city, else :attr:`~orgkb.model.Level.REGION`. *pool_leads* and *pool_deals*
    are those of the rest of its pool: its other branches that give figures. *p_value* is the
    test's (:func:`lag_p_value`), ``None`` where there was no test.
    """

    branch: Branch
    months_open: int | None
    new: bool
    pool_level: Level
    pool_leads: int
    pool_deals: int
    p_value: float | None
    test: Finding

    @property
    def lagging(self) -> bool:
        """Whether the test shows the branch converting below its pool."""
        return self.test is Finding.LAGGING

    @property
    def needs_support(self) -> bool:
        """Whether the support unit should take the branch: new, or lagging."""
        return self.new or self.lagging

    @property
    def conversion(self) -> float | None:
        """The branch's deals over its leads; ``None`` without leads."""
        return _rate(self.branch.deals, self.branch.leads)

    @property
    def pool_id(self) -> str:
        """The unit id of the branch's pool: its city's, or its region's."""
        return _pool_id(self.branch, self.pool_level)

    @property
    def pool_name(self) -> str:
        """The name of the branch's pool: its city, or its region."""
        return self.branch.city if self.pool_level is Level.CITY else self.branch.region

    @property
    def pool_conversion(self) -> float | None:
        """The rest of the pool's deals over its leads; ``None`` without leads."""
        return _rate(self.pool_deals, self.pool_leads)

    def to_json(self) -> dict[str, object]:
        """The branch as the ``orgkb support --format json`` contract describes it."""
        branch = self.branch
        return {
            "name": branch.name,
            "pool": self.pool_id,
            "new": self.new,
            "lagging": self.lagging,
            "needs_support": self.needs_support,
            "test": str(self.test),
            "opened": None if branch.opened is None else branch.opened.isoformat(),
            "months_open": self.months_open,
            "leads": branch.leads,
            "deals": branch.deals,
            "visits": branch.visits,
            "conversion": self.conversion,
            "pool_leads": self.pool_leads,
            "pool_deals": self.pool_deals,
            "pool_conversion": self.pool_conversion,
            "p_value": self.p_value,
        }


@dataclass(frozen=True)
class Support:
    """Every branch of a company assessed, and the support unit they need."""

    company: str
    as_of: date | None
    criteria: Criteria
    branches: tuple[BranchSupport, ...]

    @property
    def needing(self) -> int:
        """How many branches need support: new or lagging."""
        return sum(1 for branch in self.branches if branch.needs_support)

    @property
    def support_staff(self) -> int:
        """People in the support unit: the branches needing it over the branches per person.

        The division is of the decimals as they print, so that 11 branches at 1.1 a person
        need 10 people, not 11.
        """
        return math.ceil(self.needing / exact(self.criteria.branches_per_person))

    def to_json(self) -> dict[str, object]:
        """The assessment as the ``orgkb support --format json`` contract describes it."""
        return {
            "company": self.company,
            "as_of": None if self.as_of is None else self.as_of.isoformat(),
            "new_months": self.criteria.new_months,
            "confidence": self.criteria.confidence,
            "branches_per_person": self.criteria.branches_per_person,
            "test": "fisher-exact-one-sided",
            "branches": [branch.to_json() for branch in self.branches],
            "needing_support": self.needing,
            "support_staff": self.support_staff,
        }


def has_figures(company: Company) -> bool:
    """Whether any branch of *company* gives figures the support unit is sized from.

    >>> from orgkb.model import Branch
    >>> has_figures(Company("Duo", (Branch("A", "Wuhan", leads=10, deals=1),)))
    True
    """
    return any(branch.has_figures or branch.opened is not None for branch in company.branches)


def assess(company: Company, criteria: Criteria | None = None) -> Support:
    """Every branch of *company*: new or not, lagging its pool or not, and the unit's size.

    A branch that gives the date it opened needs the profile's ``as_of``, and did not open
    after it; otherwise :class:`~orgkb.errors.InputError` names the field.

    >>> from datetime import date
    >>> from orgkb.model import Branch
    >>> wuhan = Company("Wuhan Home", (
    ...     Branch("Hankou", "Wuhan", leads=400, deals=60),
    ...     Branch("Wuchang", "Wuhan", leads=380, deals=55),
    ...     Branch("Hanyang", "Wuhan", leads=200, deals=12),
    ...     Branch("Qiaokou", "Wuhan", leads=3, deals=0, opened=date(2025, 5, 1)),
    ... ), as_of=date(2025, 6, 30))
    >>> support = assess(wuhan)
    >>> [(b.branch.name, b.new, str(b.test)) for b in support.branches]
    [('Hankou', False, 'not shown to lag'), ('Wuchang', False, 'not shown to lag'), \
('Hanyang', False, 'lagging'), ('Qiaokou', True, 'too few leads to tell')]
    >>> support.needing, support.support_staff
    (2, 1)

    A branch is compared with the other branches of its city; the only branch of its city,
    with those of its region:

    >>> east = Company("East", (Branch("Xuhui", "Shanghai", "East China"),
    ...     Branch("Pudong", "Shanghai", "East China"), Branch("Xihu", "Hangzhou", "East China")))
    >>> [b.pool_id for b in assess(east).branches]
    ['city:East China/Shanghai', 'city:East China/Shanghai', 'region:East China']
    """
    criteria = criteria or Criteria()
    months = _months_open(company)
    in_city = Counter((branch.region, branch.city) for branch in company.branches)
    pools = [
        Level.CITY if in_city[branch.region, branch.city] > 1 else Level.REGION
        for branch in company.branches
    ]
    # Every branch counts in its city's pool and in its region's, where its city's only
    # branch is compared.
    totals: dict[str, tuple[int, int]] = {}
    for branch in company.branches:
        if branch.leads is not None and branch.deals is not None:
            for level in (Level.CITY, Level.REGION):
                leads, deals = totals.get(_pool_id(branch, level), (0, 0))
                totals[_pool_id(branch, level)] = (leads + branch.leads, deals + branch.deals)
    assessed = []
    for branch, pool, months_open in zip(company.branches, pools, months, strict=True):
        new = months_open is not None and months_open < criteria.new_months
        assessed.append(_assess_branch(branch, months_open, new, pool, totals, criteria))
    return Support(company.name, company.as_of, criteria, tuple(assessed))


def _pool_id(branch: Branch, pool: Level) -> str:
    if pool is Level.CITY:
        return city_id(branch.region, branch.city)
    return region_id(branch.region)


def _months_open(company: Company) -> list[int | None]:
    months: list[int | None] = []
    for index, branch in enumerate(company.branches):
        if branch.opened is None:
            months.append(None)
            continue
        if company.as_of is None:
            raise InputError(
                Text(
                    "{name!r} gives the date it opened; give the date the figures are as of, "
                    "to tell whether it is new",
                    name=shortened(branch.name),
                ),
                field="as_of",
            )
        if branch.opened > company.as_of:
            raise InputError(
                Text(
                    "{name!r} opened on {opened}, after the figures' as_of, {as_of}",
                    name=shortened(branch.name),
                    opened=branch.opened.isoformat(),
                    as_of=company.as_of.isoformat(),
                ),
                field=f"branches[{index}].opened",
            )
        months.append(months_between(branch.opened, company.as_of))
    return months


def _assess_branch(
    branch: Branch,
    months_open: int | None,
    new: bool,
    pool: Level,
    totals: Mapping[str, tuple[int, int]],
    criteria: Criteria,
) -> BranchSupport:
    if branch.leads is None or branch.deals is None:
        return BranchSupport(branch, months_open, new, pool, 0, 0, None, Finding.NO_FIGURES)
    pool_leads, pool_deals = totals[_pool_id(branch, pool)]
    rest_leads, rest_deals = pool_leads - branch.leads, pool_deals - branch.deals
    if rest_leads == 0:
        return BranchSupport(branch, months_open, new, pool, 0, 0, None, Finding.NO_POOL)
    found, p_value = lag_finding(
        branch.deals, branch.leads, rest_deals, rest_leads, criteria.confidence
    )
    return BranchSupport(branch, months_open, new, pool, rest_leads, rest_deals, p_value, found)


def lag_finding(
    deals: int, leads: int, rest_deals: int, rest_leads: int, confidence: float
) -> tuple[Finding, float]:
    """What the test finds of a branch's *deals* of *leads* against the rest of its pool's.

    Lagging when the p-value (:func:`lag_p_value`) is at most one minus *confidence*; not
    shown to lag when the branch converts at least as well as the rest, however few the
    leads on either side; too few leads to tell when not even no deal at all would be
    lagging; the p-value with the finding. One minus *confidence* is taken in the decimals
    it prints in, and a p-value that equal to it is lagging.

    >>> lag_finding(0, 3, 115, 980, 0.95)
    (<Finding.TOO_FEW: 'too few leads to tell'>, 0.688...)
    >>> finding, p = lag_finding(12, 200, 115, 780, 0.95)
    >>> str(finding), round(p, 4)
    ('lagging', 0.0004)
    >>> str(lag_finding(30, 200, 1, 40, 0.95)[0])  # above a pool too small to test against
    'not shown to lag'
    >>> str(lag_finding(0, 3, 3, 3, 0.95)[0])  # p = 1/20 exactly
    'lagging'
    """
    significance = 1 - exact(confidence)
    p_value = lag_p_value(deals, leads, rest_deals, rest_leads)
    if deals * rest_leads > rest_deals * leads:
        return Finding.NOT_SHOWN, p_value
    if not _at_most(0, leads, rest_deals, rest_leads, significance):
        return Finding.TOO_FEW, p_value
    if _at_most(deals, leads, rest_deals, rest_leads, significance, p_value):
        return Finding.LAGGING, p_value
    return Finding.NOT_SHOWN, p_value


# A p-value this close to the significance, relatively, is recomputed in whole numbers, where
# the pool is small enough for that to be instant; the floating-point sum is good to about
# 1e-12 there, and an exact tie is possible only in small pools.
_NEAR = 1e-9
_EXACT_UP_TO_LEADS = 20_000


def _at_most(
    deals: int,
    leads: int,
    rest_deals: int,
    rest_leads: int,
    significance: Fraction,
    p_value: float | None = None,
) -> bool:
    """Whether the p-value of *deals* of *leads* against the rest's is at most *significance*."""
    if p_value is None:
        p_value = lag_p_value(deals, leads, rest_deals, rest_leads)
    population = leads + rest_leads
    if abs(p_value - significance) > _NEAR * significance or population > _EXACT_UP_TO_LEADS:
        return p_value <= significance
    won = deals + rest_deals
    tail = sum(math.comb(won, k) * math.comb(population - won, leads - k) for k in range(deals + 1))
    return Fraction(tail, math.comb(population, leads)) <= significance


def months_between(start: date, end: date) -> int:
    """The full months from *start* to *end*, counted by the day of the month.

    >>> months_between(date(2024, 7, 1), date(2025, 6, 30))
    11
    >>> months_between(date(2024, 7, 1), date(2025, 7, 1))
    12
    """
    months = (end.year - start.year) * 12 + end.month - start.month
    return months - (1 if end.day < start.day else 0)


def lag_p_value(deals: int, leads: int, rest_deals: int, rest_leads: int) -> float:
    """How likely a branch converting like the rest of its pool is to close as few *deals*.

    The one-sided Fisher exact test: the branch's *deals* of its *leads* against the rest
    of the pool's *rest_deals* of *rest_leads*. Given all the pool's deals, the branch's
    share of them follows the hypergeometric distribution if every lead of the pool is as
    likely to close; the p-value is the chance of that share being *deals* or fewer.

    >>> round(lag_p_value(12, 200, 115, 780), 4)
    0.0004
    >>> round(lag_p_value(0, 3, 115, 980), 2)
    0.69
    """
    for name, count in (
        ("deals", deals),
        ("leads", leads),
        ("rest_deals", rest_deals),
        ("rest_leads", rest_leads),
    ):
        COUNT.check(count, name)
    if deals > leads or rest_deals > rest_leads:
        raise InputError(Text("deals cannot outnumber the leads they came from"), field="deals")
    return _lower_tail(deals, leads + rest_leads, deals + rest_deals, leads)


# Up to this variance the tail is summed term by term (at most about 10 ** 5 terms); beyond
# it the branches hold millions of leads, where the normal approximation is off by less than
# one part in ten thousand.
_EXACT_UP_TO_VARIANCE = 1e8
# A bound on the terms summed, which the variance bound keeps the sum far below.
_MOST_TERMS = 10**6


def _lower_tail(drawn_won: int, population: int, won: int, drawn: int) -> float:
    """P(X <= *drawn_won*), X hypergeometric: *drawn* of *population*, of which *won* won."""
    lowest = max(0, drawn - (population - won))
    highest = min(drawn, won)
    if drawn_won >= highest:
        return 1.0
    mean = drawn * won / population
    variance = mean * (population - won) / population * (population - drawn) / (population - 1)
    if variance > _EXACT_UP_TO_VARIANCE:
        z = (drawn_won + 0.5 - mean) / math.sqrt(variance)
        return 0.5 * math.erfc(-z / math.sqrt(2))
    if drawn_won < mean:
        return min(1.0, _tail(drawn_won, lowest, population, won, drawn, downward=True))
    return max(0.0, 1.0 - _tail(drawn_won + 1, highest, population, won, drawn, downward=False))


def _tail(start: int, end: int, population: int, won: int, drawn: int, *, downward: bool) -> float:
    """The hypergeometric probabilities from *start* to *end*, summed from *start*.

    The terms after the mode only shrink, and their ratio with them, so the sum stops once a
    term no longer changes it.
    """
    lost = population - won
    log_term = (
        _log_choose(won, start) + _log_choose(lost, drawn - start) - _log_choose(population, drawn)
    )
    if log_term < -745:  # below the smallest float: so is the tail, past the mode
        return 0.0
    term = math.exp(log_term)
    total = term
    k = start
    for _ in range(_MOST_TERMS):
        if k == end:
            break
        if downward:
            term *= k * (lost - drawn + k) / ((won - k + 1) * (drawn - k + 1))
            k -= 1
        else:
            term *= (won - k) * (drawn - k) / ((k + 1) * (lost - drawn + k + 1))
            k += 1
        total += term
        if term <= total * 1e-17:
            break
    return total


def _log_choose(n: int, k: int) -> float:
    return math.lgamma(n + 1) - math.lgamma(k + 1) - math.lgamma(n - k + 1)


def _rate(part: int | None, whole: int | None) -> float | None:
    if part is None or not whole:
        return None
    return part / whole
