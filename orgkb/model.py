"""The words of the article as types: levels (层级), functions (分工), branches and companies.

The article reduces an online-marketing organisation to two axes: *levels* — the structure,
from the group down to the branch — and *division of labour* — which unit runs promotion,
customer service and sales. Everything else in :mod:`orgkb` is built from these types.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum


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
        return _LEVEL_LABELS[self]


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
        return _FUNCTION_LABELS[self]


_LEVEL_LABELS = {
    Level.GROUP: "group 集团",
    Level.REGION: "region 片区",
    Level.CITY: "city 城市",
    Level.BRANCH: "branch 分公司",
}

_FUNCTION_LABELS = {
    Function.PROMOTION: "promotion 推广",
    Function.CUSTOMER_SERVICE: "customer service 客服",
    Function.SALES: "sales 销售",
    Function.SUPPORT: "support 支持",
    Function.COORDINATION: "coordination 统筹",
    Function.AUDIT: "audit 审核",
    Function.BRAND_ZONE_ADS: "brand-zone ads 品专",
    Function.CHANNEL_TESTS: "channel tests 新渠道测试",
}


@dataclass(frozen=True)
class Branch:
    """A branch (分公司) as a company profile describes it.

    *region* defaults to the city: a branch whose profile names no region (片区) forms a
    region of its own city. An empty *projects* tuple means the branch serves every project.
    *capacity* is the branch's share of the workload, relative to the other branches.
    """

    name: str
    city: str
    region: str = ""
    projects: tuple[str, ...] = ()
    capacity: float = 1.0

    def __post_init__(self) -> None:
        if not self.region:
            object.__setattr__(self, "region", self.city)

    def serves(self, project: str) -> bool:
        """Whether the branch takes leads for *project*.

        >>> Branch("East", "Hangzhou", projects=("villas",)).serves("flats")
        False
        >>> Branch("West", "Hangzhou").serves("flats")
        True
        """
        return not self.projects or project in self.projects


@dataclass(frozen=True)
class Company:
    """A company profile: its name, where its head office is, and its branches."""

    name: str
    branches: tuple[Branch, ...] = ()
    headquarters: str | None = None

    @property
    def regions(self) -> tuple[str, ...]:
        """The regions (片区) the branches lie in, in the order they first appear."""
        return _unique(branch.region for branch in self.branches)

    def branches_in(self, region: str) -> tuple[Branch, ...]:
        """The branches of *region*, in profile order."""
        return tuple(branch for branch in self.branches if branch.region == region)


def _unique(values: Iterable[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(values))
