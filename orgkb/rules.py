"""Every piece of guidance as a rule with a stable id.

A rule's id never changes once published: pages, plans and training material cite it. Its
statement and reasoning live here, once; the documentation states them from here through the
``rule`` directive, so the page and the code cannot drift apart.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Rule:
    """One piece of guidance.

    *source* names the part of the article the rule comes from, or says "beyond the article"
    and why.
    """

    id: str
    title: str
    statement: str
    reasoning: str
    source: str


class UnknownRuleError(KeyError):
    """Raised by :func:`rule` for an id no rule has."""

    def __str__(self) -> str:
        return f"no rule has the id {self.args[0]!r}"


NO_BRANCHES_ONE_HEAD = Rule(
    id="no-branches.one-head-over-three-departments",
    title="One head over promotion, customer service and sales",
    statement=(
        "A company without branches runs promotion, customer service and sales as three "
        "departments, each doing its own job, under one overall head."
    ),
    reasoning=(
        "With a single office there is nobody to coordinate with and no lead to dispatch: "
        "one head who sees the whole funnel, from the first click to the signed contract, is "
        "all the structure the company needs."
    ),
    source="Article, part 1 (no branches).",
)

ONE_REGION_SALES_PER_BRANCH = Rule(
    id="one-region.sales-in-every-branch",
    title="Sales in every branch",
    statement="When one area has several branches, every branch has its own sales department.",
    reasoning=(
        "Selling happens face to face, where the customer is; each branch keeps the people "
        "who meet its customers and close its deals."
    ),
    source="Article, part 2 (one area, several branches).",
)

ONE_REGION_UNIFY = Rule(
    id="one-region.unify-promotion-and-service",
    title="Unify promotion and customer service",
    statement=(
        "When one area has several branches, run promotion and customer service as one "
        "unified team for the whole area rather than one per branch."
    ),
    reasoning=(
        "Separate teams promise finer management, but they raise the difficulty of managing "
        "the whole, raise labour cost, and make branches of the same city bid against each "
        "other for the same traffic (same-city internal friction, 同城内耗). A unified team is "
        "easier to manage, costs less, and the infighting all but disappears."
    ),
    source="Article, part 2 (one area, several branches).",
)

ONE_REGION_DISPATCH = Rule(
    id="one-region.dispatch-leads-by-project-and-workload",
    title="Dispatch leads by project and workload",
    statement=(
        "The unified customer-service team hands each inquiry lead (咨询线索) to a branch that "
        "serves the lead's project, balancing the branches' workloads."
    ),
    reasoning=(
        "Once promotion and service are shared, the leads are the branches' livelihood; "
        "dispatching them by project and workload keeps the split fair and visible."
    ),
    source="Article, part 2 (one area, several branches).",
)

ONE_REGION_COMPETING_GROUPS = Rule(
    id="one-region.competing-groups-when-competition-is-weak",
    title="Competing groups, not separate teams",
    statement=(
        "If the unified team seems to lack internal competition or fine management, split it "
        "into competing groups (分组PK) or give groups different projects, and keep it one team."
    ),
    reasoning=(
        "Competition between groups inside one team brings back the drive of separate teams "
        "without bringing back their cost or their friction."
    ),
    source="Article, part 2 (one area, several branches).",
)

MULTI_REGION_CENTRALIZE = Rule(
    id="multi-region.centralize-promotion-and-service",
    title="Centralize promotion and customer service in the group",
    statement=(
        "With several regions, the group runs promotion and customer service for all of them; "
        "the regions and their branches only sell. This is the default recommendation."
    ),
    reasoning=(
        "The group holds every inquiry lead, which gives it strong control over the regions; "
        "fewer, better people do the same work better; and the group usually sits in a large "
        "city, where the talent that is hard to recruit in tier-2 and tier-3 cities is easier "
        "to find. The article sees organisations moving this way and its summary leans to it."
    ),
    source="Article, part 3 (several areas) and part 4 (summary).",
)

MULTI_REGION_DECENTRALIZE = Rule(
    id="multi-region.decentralized-group-coordinates",
    title="Decentralized: the group coordinates, the regions run promotion and service",
    statement=(
        "Where a company chooses decentralized governance (分权), the group coordinates, audits "
        "and aligns the regions, runs brand-zone ads and tests new channels; each region runs "
        "its own promotion, customer service and sales."
    ),
    reasoning=(
        "Regions that run their own promotion know their market and answer for their own "
        "results; the group keeps what only makes sense once for the whole brand (brand-zone "
        "ads, channel tests) and the audit that keeps the regions honest."
    ),
    source="Article, part 3 (several areas).",
)

MULTI_REGION_SUPPORT_UNIT = Rule(
    id="multi-region.group-support-unit",
    title="A group support unit for new and weak branches",
    statement=(
        "Centralized or decentralized, the group runs a support unit (支持部门) that gives new "
        "or under-performing branches business-process support and training."
    ),
    reasoning=(
        "Whatever the governance, some branches are new and some lag; a standing unit that "
        "teaches them the process lifts the front line instead of leaving each branch to learn "
        "alone. The summary asks to strengthen this support."
    ),
    source="Article, part 3 (several areas) and part 4 (summary).",
)

MULTI_REGION_CITY_UNIT = Rule(
    id="multi-region.city-unit-for-shared-city",
    title="A city unit where a city holds several branches",
    statement=(
        "In a region that spans several cities, a city with two or more branches gets a city "
        "unit between the region and those branches."
    ),
    reasoning=(
        "Beyond the article: the article lists the city among the levels but does not say when "
        "to use it. Branches of one city share a market and compete for the same customers, the "
        "situation of part 2, so they get one point of management; a city with a single branch "
        "needs no extra layer."
    ),
    source="Beyond the article: it names the city level without placing it; reasoned from part 2.",
)

RULES: tuple[Rule, ...] = (
    NO_BRANCHES_ONE_HEAD,
    ONE_REGION_SALES_PER_BRANCH,
    ONE_REGION_UNIFY,
    ONE_REGION_DISPATCH,
    ONE_REGION_COMPETING_GROUPS,
    MULTI_REGION_CENTRALIZE,
    MULTI_REGION_DECENTRALIZE,
    MULTI_REGION_SUPPORT_UNIT,
    MULTI_REGION_CITY_UNIT,
)
"""Every rule, in the order the article reaches them."""

_BY_ID = {known.id: known for known in RULES}


def rule(rule_id: str) -> Rule:
    """The rule with id *rule_id*.

    >>> rule("one-region.unify-promotion-and-service").title
    'Unify promotion and customer service'
    >>> rule("one-region.unify")
    Traceback (most recent call last):
    ...
    orgkb.rules.UnknownRuleError: no rule has the id 'one-region.unify'
    """
    try:
        return _BY_ID[rule_id]
    except KeyError:
        raise UnknownRuleError(rule_id) from None
