"""The words of the article as types: levels (层级), functions (分工), branches and companies.

The article reduces an online-marketing organisation to two axes: *levels* — the structure,
from the group down to the branch — and *division of labour* — which unit runs promotion,
customer service and sales. Everything else in :mod:`orgkb` is built from these types.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import IntEnum, StrEnum
from functools import cached_property

from orgkb.errors import InputError
from orgkb.staffing import ServiceTarget
from orgkb.text import Text, is_chinese, translated
from orgkb.values import Limits


class Level(StrEnum):
    """A level of the organisation (层级), from the top down."""

    GROUP = "group"
    """The group or head office (集团)."""
    REGION = "region"
    """A region (片区); a product line (产品线) can play the same role."""
    CITY = "city"
    """A city (城市) that holds several branches."""
    BRANCH = "branch"
    """A branch (分公司): the office that meets customers and sells."""

    @property
    def label(self) -> str:
        """The English label with its Chinese original, for charts.

        >>> Level.REGION.label
        'region 片区'
        """
        return f"{_LEVEL_NAMES[self]} {translated(self, 'zh_CN')}"

    def label_in(self, language: str) -> str:
        """The label in *language*: in English with its Chinese original, in Chinese alone.

        >>> Level.REGION.label_in("zh_CN")
        '片区'
        """
        return str(translated(self, language)) if is_chinese(language) else self.label


class Function(StrEnum):
    """A function a unit runs: one part of the division of labour (分工)."""

    PROMOTION = "promotion"
    """Online ads and traffic (推广部 / 网络部)."""
    CUSTOMER_SERVICE = "customer_service"
    """Online consultation and inquiry handling (客服部)."""
    SALES = "sales"
    """Meeting the customer and closing the deal (销售部)."""
    SUPPORT = "support"
    """Business-process support and training for new or weak branches (支持部门)."""
    COORDINATION = "coordination"
    """Overall coordination and alignment of the regions (统筹协调)."""
    AUDIT = "audit"
    """Audit of the regions' promotion and service work (审核)."""
    BRAND_ZONE_ADS = "brand_zone_ads"
    """Brand-zone search ads and other whole-brand platforms (品牌专区)."""
    CHANNEL_TESTS = "channel_tests"
    """Tests of new promotion channels before the regions adopt them (新渠道测试)."""

    @property
    def label(self) -> str:
        """The English label with its Chinese original, for charts and terminals.

        >>> Function.CUSTOMER_SERVICE.label
        'customer service 客服'
        """
        return f"{_FUNCTION_NAMES[self]} {translated(self, 'zh_CN')}"

    def label_in(self, language: str) -> str:
        """The label in *language*: in English with its Chinese original, in Chinese alone.

        >>> Function.BRAND_ZONE_ADS.label_in("zh_CN")
        '品牌专区'
        """
        return str(translated(self, language)) if is_chinese(language) else self.label


# The English of each label; its Chinese is the word orgkb.zh gives the member.
_LEVEL_NAMES = {
    Level.GROUP: "group",
    Level.REGION: "region",
    Level.CITY: "city",
    Level.BRANCH: "branch",
}

_FUNCTION_NAMES = {
    Function.PROMOTION: "promotion",
    Function.CUSTOMER_SERVICE: "customer service",
    Function.SALES: "sales",
    Function.SUPPORT: "support",
    Function.COORDINATION: "coordination",
    Function.AUDIT: "audit",
    Function.BRAND_ZONE_ADS: "brand-zone ads",
    Function.CHANNEL_TESTS: "channel tests",
}


class Option(StrEnum):
    """Where promotion and customer service are run: the options the article weighs."""

    SEPARATE = "separate"
    """Every branch runs its own promotion and customer service (各分公司各自设立)."""
    UNIFIED = "unified"
    """One promotion and one customer-service team for the branches of one region (统一)."""
    DECENTRALIZED = "decentralized"
    """Each region runs its own; the group coordinates (分权)."""
    CENTRALIZED = "centralized"
    """The group runs them for every region; regions sell (集权)."""
    ONE_HEAD = "one-head"
    """A company without branches: one head over the three departments."""


SALARY = Limits(at_least=0)
"""The monthly pay :class:`Salaries` allow for each role."""


@dataclass(frozen=True)
class Salaries:
    """Monthly pay per person, in any one currency, by role; each keeps :data:`SALARY`."""

    agent: float
    """A customer-service agent."""
    promoter: float
    """A promotion specialist."""
    support: float
    """A member of the group's support or coordination team."""
    manager: float
    """A team leader or department head."""

    def __post_init__(self) -> None:
        for role in ("agent", "promoter", "support", "manager"):
            SALARY.check(getattr(self, role), role)


class Weekday(IntEnum):
    """A day of the week on which a :class:`Branch` may be closed, numbered as
    ``datetime.date.weekday`` numbers them."""

    MONDAY = 0
    TUESDAY = 1
    WEDNESDAY = 2
    THURSDAY = 3
    FRIDAY = 4
    SATURDAY = 5
    SUNDAY = 6

    def __str__(self) -> str:
        return self.name.lower()


ClosedDay = Weekday | date
"""A day a :class:`Branch` is closed: every such weekday, or one calendar date."""

CAPACITY = Limits(above=0)
"""A branch's share of the workload, relative to the other branches."""
INQUIRIES = Limits(at_least=0)
"""A branch's inquiry volume, an hour or a month."""
COUNT = Limits(at_least=0, whole=True)
"""A branch's leads, deals or visits in the period its figures cover."""
DAILY_CAP = Limits(at_least=1, whole=True)
"""The most leads a branch takes in a calendar day."""


@dataclass(frozen=True, slots=True)
class Branch:
    """A branch (分公司) as a company profile describes it.

    *region* defaults to the city: a branch whose profile names no region (片区) forms a
    region of its own city. An empty *projects* tuple means the branch serves every project.
    *capacity* is the branch's share of the workload, relative to the other branches.
    The branch's inquiry volume (咨询线索量), if known, is *inquiries_per_hour* in its busiest
    hour or *inquiries_per_month*, never both; :mod:`orgkb.compare` sizes queues from it.
    *daily_cap* is the most leads the dispatch gives it in one calendar day (``None``: no
    limit), and *closed* the weekdays and dates on which it takes none. *capacity* keeps
    :data:`CAPACITY`, the volumes :data:`INQUIRIES` and *daily_cap* :data:`DAILY_CAP`, else
    :class:`~orgkb.errors.InputError` names the field.

    Beyond the article, for :mod:`orgkb.support`: the date the branch *opened*, and its
    *leads*, *deals* and, where known, *visits* over the period its company's figures cover
    (up to the company's ``as_of``). Each count keeps :data:`COUNT`; leads and deals come
    together, and neither deals nor visits exceed the leads.

    >>> Branch("East", "Hangzhou", leads=3, deals=4)
    Traceback (most recent call last):
    ...
    orgkb.errors.InputError: deals: 4 deals is more than the branch's 3 leads
    """

    name: str
    city: str
    region: str = ""
    projects: tuple[str, ...] = ()
    capacity: float = 1.0
    inquiries_per_hour: float | None = None
    inquiries_per_month: float | None = None
    opened: date | None = None
    leads: int | None = None
    deals: int | None = None
    visits: int | None = None
    daily_cap: int | None = None
    closed: tuple[ClosedDay, ...] = ()

    def __post_init__(self) -> None:
        if not self.region:
            object.__setattr__(self, "region", self.city)
        CAPACITY.check(self.capacity, "capacity")
        for volume in ("inquiries_per_hour", "inquiries_per_month"):
            if getattr(self, volume) is not None:
                INQUIRIES.check(getattr(self, volume), volume)
        if self.daily_cap is not None:
            DAILY_CAP.check(float(self.daily_cap), "daily_cap")
        self._check_figures()

    def _check_figures(self) -> None:
        for count in ("leads", "deals", "visits"):
            if getattr(self, count) is not None:
                COUNT.check(getattr(self, count), count)
        if (self.leads is None) != (self.deals is None):
            missing = "deals" if self.deals is None else "leads"
            raise InputError(Text("give leads and deals together"), field=missing)
        if self.visits is not None and self.leads is None:
            raise InputError(
                Text("visits need the leads they came from: give leads and deals"), field="leads"
            )
        for count in ("deals", "visits"):
            given = getattr(self, count)
            if given is not None and self.leads is not None and given > self.leads:
                raise InputError(
                    Text(
                        "{given:g} {count} is more than the branch's {leads:g} leads",
                        given=given,
                        count=count,
                        leads=self.leads,
                    ),
                    field=count,
                )

    @property
    def has_figures(self) -> bool:
        """Whether the branch gives its leads and deals (:mod:`orgkb.support` tests them)."""
        return self.leads is not None

    def closed_on(self, day: date) -> bool:
        """Whether the branch is closed on *day*, by its weekday or its date.

        >>> from datetime import date
        >>> branch = Branch("East", "Hangzhou", closed=(Weekday.SUNDAY, date(2026, 10, 1)))
        >>> [branch.closed_on(date(2026, 10, d)) for d in (1, 2, 4)]
        [True, False, True]
        """
        return Weekday(day.weekday()) in self.closed or day in self.closed

    def serves(self, project: str) -> bool:
        """Whether the branch takes leads for *project*.

        >>> Branch("East", "Hangzhou", projects=("villas",)).serves("flats")
        False
        >>> Branch("West", "Hangzhou").serves("flats")
        True
        """
        return not self.projects or project in self.projects


HEADCOUNT = Limits(at_least=0, whole=True)
"""The people a unit has in one function today."""
OPEN_HOURS_PER_DAY = Limits(above=0, at_most=24)
"""The hours a day customer service is open."""
OPEN_DAYS_PER_WEEK = Limits(above=0, at_most=7)
"""The days a week customer service is open."""
WORK_HOURS_PER_WEEK = Limits(at_least=1, at_most=168)
"""The hours one person works a week."""


@dataclass(frozen=True, slots=True)
class Staffed:
    """One function a unit runs today, and its headcount where the profile gives it.

    *unit* is the id a plan gives the unit (``group``, ``region:<region>``,
    ``city:<region>/<city>``, ``branch:<name>``; see :func:`orgkb.plan.branch_id`). The
    headcount counts everyone in the function at that unit, its managers included, and keeps
    :data:`HEADCOUNT`; ``None`` leaves it to the model of :mod:`orgkb.compare`.
    """

    unit: str
    function: Function
    headcount: int | None = None

    def __post_init__(self) -> None:
        if self.headcount is not None:
            HEADCOUNT.check(self.headcount, "headcount")


SPAN_OF_CONTROL = Limits(at_least=2, whole=True)
"""The *span_of_control* a :class:`Company` may give: a manager leads two people or more."""
BUSY_HOUR_FACTOR = Limits(above=0, at_most=1)
"""The *busy_hour_factor* a :class:`Company` may give: a share of a day, above 0, at most 1."""


@dataclass(frozen=True)
class Company:
    """A company profile: its name, where its head office is, and its branches.

    The other fields are optional inputs to :mod:`orgkb.compare`, which documents the default
    it uses for each one left ``None``: *service_target* for customer service, monthly
    *salaries*, the *span_of_control* of a manager, the *busy_hour_factor* (the share of a
    day's inquiries that arrive in its busiest hour) and how the company is organised today,
    *as_is*; and, turning customer-service seats into people on the payroll, the hours a day
    and days a week customer service is open (*open_hours_per_day*, *open_days_per_week*)
    and the hours one person works a week (*work_hours_per_week*).

    Beyond the article: *today* is the organisation as it is, unit by unit — the functions
    each unit runs and, where known, its headcount in each — for :mod:`orgkb.transition`;
    empty, today is the option *as_is* names. *as_of* is the date the branches' figures
    (opened, leads, deals, visits) are as of, for :mod:`orgkb.support`.

    Branch names are unique: a plan knows each branch's unit by its name
    (:func:`orgkb.plan.branch_id`), so a repeated name is an :class:`~orgkb.errors.InputError`.
    """

    name: str
    branches: tuple[Branch, ...] = ()
    headquarters: str | None = None
    service_target: ServiceTarget | None = None
    salaries: Salaries | None = None
    span_of_control: int | None = None
    busy_hour_factor: float | None = None
    as_is: Option | None = None
    as_of: date | None = None
    today: tuple[Staffed, ...] = ()
    open_hours_per_day: float | None = None
    open_days_per_week: float | None = None
    work_hours_per_week: float | None = None

    def __post_init__(self) -> None:
        first: dict[str, int] = {}
        for index, branch in enumerate(self.branches):
            if first.setdefault(branch.name, index) != index:
                raise InputError(
                    Text(
                        "{name!r} is already the name of branches[{index}]",
                        name=branch.name,
                        index=first[branch.name],
                    ),
                    field=f"branches[{index}].name",
                )
        staffed: set[tuple[str, Function]] = set()
        for entry in self.today:
            if (entry.unit, entry.function) in staffed:
                raise InputError(
                    Text("{function} is given twice for this unit", function=str(entry.function)),
                    field=f"today.{entry.unit}.{entry.function}",
                )
            staffed.add((entry.unit, entry.function))

    @property
    def regions(self) -> tuple[str, ...]:
        """The regions (片区) the branches lie in, in the order they first appear."""
        return tuple(self._by_region)

    def branches_in(self, region: str) -> tuple[Branch, ...]:
        """The branches of *region*, in profile order."""
        return self._by_region.get(region, ())

    @cached_property
    def _by_region(self) -> dict[str, tuple[Branch, ...]]:
        # Built once, so that plans of thousands of branches visit each branch once.
        regions: dict[str, list[Branch]] = {}
        for branch in self.branches:
            regions.setdefault(branch.region, []).append(branch)
        return {region: tuple(branches) for region, branches in regions.items()}
