"""Every piece of guidance as a rule with a stable id.

A rule's id never changes once published: pages, plans and training material cite it. Its
statement, what the article says and our reasoning live here, once; the documentation states
them from here through the ``rule`` directive, so the page and the code cannot drift apart.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Rule:
    """One piece of guidance.

    *statement* is the rule as orgkb applies it. *article* says what the source article itself
    says on the point, and *source* names the part it says it in, or says "beyond the article"
    and why. *reasoning* is ours, not the article's: the pages show it as beyond the article.
    """

    id: str
    title: str
    statement: str
    article: str
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
    article=(
        "The article calls this the simplest case and settles it in a sentence: the three "
        "departments each do their own job, and one overall head is enough. It gives no reason."
    ),
    reasoning=(
        "With a single office there is nobody to coordinate with and no lead to dispatch. One "
        "head who sees the whole funnel, from the first click to the signed contract, can tell "
        "where it leaks and move money or people between the departments."
    ),
    source="Article, part 1 (no branches).",
)

ONE_REGION_SALES_PER_BRANCH = Rule(
    id="one-region.sales-in-every-branch",
    title="Sales in every branch",
    statement="When one area has several branches, every branch has its own sales department.",
    article=(
        "The article starts its second case from this rather than weighing it: sales "
        "departments are, as a rule, set up branch by branch, and only promotion and customer "
        "service are left to decide. Its summary repeats it."
    ),
    reasoning=(
        "Selling happens face to face, where the customer is; each branch keeps the people "
        "who meet its customers and close its deals."
    ),
    source="Article, part 2 (one area, several branches) and part 4 (summary).",
)

ONE_REGION_UNIFY = Rule(
    id="one-region.unify-promotion-and-service",
    title="Unify promotion and customer service",
    statement=(
        "When one area has several branches, run promotion and customer service as one "
        "unified team for the whole area rather than one per branch."
    ),
    article=(
        "The article weighs the two options. Separate teams in every branch give a chance of "
        "finer management, but on the whole they make the company harder to manage, raise "
        "labour cost and worsen same-city internal friction (同城内耗). A unified team is "
        "easier to manage and costs less, and the infighting all but disappears. So it "
        "recommends the unified team, and its summary says the same."
    ),
    reasoning=(
        "How the friction arises is our reading: branches of one city that run their own "
        "promotion bid for the same search terms and chase the same customers, and one team "
        "removes the rivalry at its source. The article puts no figures on the costs; the "
        "estimates this site gives (pooled customer-service queues, managers by span of "
        "control) are ours."
    ),
    source="Article, part 2 (one area, several branches) and part 4 (summary).",
)

ONE_REGION_DISPATCH = Rule(
    id="one-region.dispatch-leads-by-project-and-workload",
    title="Dispatch leads by project and workload",
    statement=(
        "The unified customer-service team hands each inquiry lead (咨询线索) to a branch that "
        "serves the lead's project, balancing the branches' workloads."
    ),
    article=(
        "The article asks for this in one sentence, without a reason or a procedure: the "
        "inquiry leads are shared out among the branches by each branch's projects and "
        "workload."
    ),
    reasoning=(
        "Once promotion and service are shared, the leads are what every branch lives on; "
        "dispatching them by project and workload keeps the split fair and visible. Reading "
        "“by projects” as “only to a branch that serves the lead's project” and “by workload” "
        "as “in proportion to each branch's stated capacity” is ours, and so is the procedure "
        "that does it (Fair lead dispatch)."
    ),
    source="Article, part 2 (one area, several branches).",
)

ONE_REGION_COMPETING_GROUPS = Rule(
    id="one-region.competing-groups-when-competition-is-weak",
    title="Competing groups, not separate teams",
    statement=(
        "If the unified promotion and customer-service team seems to lack internal competition "
        "or fine management, split it into competing groups (分组PK) or give groups different "
        "projects, and keep it one team."
    ),
    article=(
        "The article raises the worry itself, too little internal competition or management "
        "that is not fine enough, and answers it inside the unified organisation: competing "
        "groups, or groups that take on different projects, while the whole stays under one "
        "management."
    ),
    reasoning=(
        "Competition between groups inside one team brings back the drive of separate teams "
        "without bringing back their cost or their friction. How to split, dispatch and score "
        "the groups is ours (Run competing groups in one team)."
    ),
    source="Article, part 2 (one area, several branches).",
)

MULTI_REGION_CENTRALIZE = Rule(
    id="multi-region.centralize-promotion-and-service",
    title="Centralize promotion and customer service in the group",
    statement=(
        "With several regions, the group runs the main promotion and customer-service work for "
        "all of them; the regions and their branches only sell. orgkb applies this when a "
        "company does not choose: the default is ours, as the article leaves the choice open."
    ),
    article=(
        "The article describes this as the centralized model (集权): the group takes on the "
        "main promotion and customer-service work and the areas only sell; because the group "
        "holds the inquiry leads, its control over the areas is strong. It says that which of "
        "the two models is better cannot be decided yet, but that what it sees is "
        "decentralized organisations moving to centralized ones, where fewer and more capable "
        "people do the same work better. It adds that a centralized group, usually based in a "
        "big city, avoids the difficulty of recruiting talent in tier-2 and tier-3 cities. Its "
        "summary leans to centralized."
    ),
    reasoning=(
        "Making centralized the default is ours: a program needs an answer when it is not told "
        "one, and both the trend the article reports and its summary point this way. The "
        "default does not say which model suits a given company; decentralized is one option "
        "away. A plan also puts all of promotion and customer service at the group where the "
        "article says the main part, because a plan records which unit runs a function, not "
        "shares of it."
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
    article=(
        "The article describes the decentralized model (分权) without arguing for or against "
        "it: the group mainly does overall coordination, audit and alignment, plus a little "
        "advertising of its own, such as brand-zone ads and other platforms that promote the "
        "whole brand, and tests of new channels; the areas run the rest of promotion, customer "
        "service and sales themselves."
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
    article=(
        "Whichever model a company chooses, the article suggests adding a group support unit "
        "that gives branches being set up, and branches doing badly, business-process support "
        "and training. Its summary asks to strengthen support for the front line (一线)."
    ),
    reasoning=(
        "Some branches are new and some lag under either model; a standing unit that teaches "
        "them the process spreads what works instead of leaving each branch to learn it alone. "
        "Drawing the unit only for companies with several regions is ours: the article raises "
        "it there, and in one area the unified team already sits close to the branches."
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
    article=(
        "The article names the city among its levels (group, region or product line, city, "
        "branch) but never says when a company needs a city unit."
    ),
    reasoning=(
        "Branches of one city share a market and compete for the same customers, the situation "
        "of part 2, so they get one point of management; a city with a single branch needs no "
        "extra layer."
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
