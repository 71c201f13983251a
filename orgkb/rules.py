"""Every piece of guidance as a rule with a stable id and a short code.

A rule's id never changes once published: pages, plans and training material cite it. Nor
does its code (``R1``…), the short form said in a room and printed on slides and handouts;
:func:`rule` finds a rule by either. Its statement, what the article says and our reasoning
live here, once; the documentation states them from here through the ``rule`` directive, so
the page and the code cannot drift apart.
Each rule carries its Chinese wording beside the English, in the same definition, and
:func:`wording` gives either one by language.
"""

from __future__ import annotations

from dataclasses import dataclass

from orgkb.errors import InputError
from orgkb.reading import quoted
from orgkb.text import Text, is_chinese


@dataclass(frozen=True)
class Wording:
    """A rule's words in one language: the fields of :class:`Rule` that are prose.

    *source* names the part of the source article the rule comes from, or says that the rule
    goes beyond the article and why.
    """

    title: str
    statement: str
    article: str
    reasoning: str
    source: str


@dataclass(frozen=True)
class Rule:
    """One piece of guidance.

    *statement* is the rule as orgkb applies it. *article* says what the source article itself
    says on the point, and *source* names the part it says it in, or says "beyond the article"
    and why. *reasoning* is ours, not the article's: the pages show it as beyond the article.
    These are the English; *zh* is the same rule in Chinese, for the Chinese edition. The id is
    the same in every language. *code* is the short form of the id said in a room and printed
    on slides and handouts (``R1``…); like the id, it never changes once published.
    """

    id: str
    code: str
    title: str
    statement: str
    article: str
    reasoning: str
    source: str
    zh: Wording

    @property
    def beyond_the_article(self) -> bool:
        """Whether the rule is ours rather than the article's, as its *source* says.

        >>> rule("R1").beyond_the_article, rule("R9").beyond_the_article
        (False, True)
        """
        return self.source.startswith("Beyond the article")


class UnknownRuleError(InputError):
    """Raised by :func:`rule` for a name that is neither a rule's id nor its code."""


NO_BRANCHES_ONE_HEAD = Rule(
    id="no-branches.one-head-over-three-departments",
    code="R1",
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
    zh=Wording(
        title="一位总负责人统管推广部、客服部和销售部",
        statement="没有分公司的公司，设推广部、客服部和销售部三个部门，各司其职，由一位总负责人统管。",
        article=(
            "原文把这看作最简单的情形，一句话就交代完了：三个部门各做各的事，有一位总负责人就够了。"
            "原文没有说明理由。"
        ),
        reasoning=(
            "只有一个办公地点，就没有谁需要协调，也没有线索需要分配。一位负责人能看清从第一次点击到"
            "签约成交的整条链路，知道客户在哪个环节流失，也能在三个部门之间调配预算和人手。"
        ),
        source="原文第一部分（没有分公司）。",
    ),
)

ONE_REGION_SALES_PER_BRANCH = Rule(
    id="one-region.sales-in-every-branch",
    code="R2",
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
    zh=Wording(
        title="每家分公司设销售部",
        statement="一个区域有多家分公司时，每家分公司都设自己的销售部。",
        article=(
            "原文讲第二种情形时，把这一点当作出发点，并没有拿来权衡：销售部通常是每家分公司"
            "各设一个，需要决定的只有推广部和客服部。原文的总结又重申了这一点。"
        ),
        reasoning=(
            "销售要和客户当面谈，得在客户身边；所以每家分公司都要留着自己的人，去见自己的客户、"
            "签自己的单。"
        ),
        source="原文第二部分（一个区域，多家分公司）和第四部分（总结）。",
    ),
)

ONE_REGION_UNIFY = Rule(
    id="one-region.unify-promotion-and-service",
    code="R3",
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
    zh=Wording(
        title="统一设立推广部和客服部",
        statement=(
            "一个区域有多家分公司时，推广和客服由一个统一的团队负责整个区域，"
            "而不是每家分公司各设一套。"
        ),
        article=(
            "原文比较了两种方案。每家分公司各设推广和客服团队，有机会做到精细化管理，但总体来看，"
            "管理难度加大，人工成本上升，同城内耗也更严重。统一设一个团队，管理难度小，"
            "人工成本低，内耗也几乎没有了。所以原文建议统一设立，它的总结也是这个意思。"
        ),
        reasoning=(
            "至于同城内耗是怎么产生的，这是我们的理解：同城的几家分公司各做各的推广，"
            "就会竞价同样的搜索词、争抢同样的客户；合成一个团队，内耗的根源也就没了。原文没有给这些成本算数字；"
            "本站给出的估算（客服坐席合并排队、按管理幅度配管理人员）是我们自己做的。"
        ),
        source="原文第二部分（一个区域，多家分公司）和第四部分（总结）。",
    ),
)

ONE_REGION_DISPATCH = Rule(
    id="one-region.dispatch-leads-by-project-and-workload",
    code="R4",
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
    zh=Wording(
        title="按项目和工作量分配线索",
        statement="统一的客服团队把每条咨询线索交给承接该线索所属项目的分公司，同时平衡各分公司的工作量。",
        article=(
            "原文只用一句话提出这个要求，既没讲理由，也没给做法："
            "咨询线索要看各分公司承接哪些项目、手上工作量多大来分配。"
        ),
        reasoning=(
            "推广和客服一旦共用，线索就成了每家分公司的饭碗；按项目和工作量来分配，分得公平，"
            "大家也看得明白。把“按项目”理解为“只分给承接该线索所属项目的分公司”，"
            "把“按工作量”理解为“按各分公司申报的承接能力成比例分配”，是我们的解读；"
            "实现这套分配的流程（见“公平的线索分配”一页）也是我们设计的。"
        ),
        source="原文第二部分（一个区域，多家分公司）。",
    ),
)

ONE_REGION_COMPETING_GROUPS = Rule(
    id="one-region.competing-groups-when-competition-is-weak",
    code="R5",
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
    zh=Wording(
        title="分组PK，而不是拆分团队",
        statement=(
            "如果统一的推广和客服团队显得内部竞争不足、管理不够精细，就在团队内部分组PK，"
            "或者让各组分管不同的项目，但仍然是一个团队。"
        ),
        article=(
            "这层顾虑是原文自己提出来的：内部竞争不够，或者管理不够精细。它给的办法也没有跳出统一的"
            "组织：分组PK，或者各组分管不同的项目，整体上仍由一处统一管理。"
        ),
        reasoning=(
            "在一个团队里让小组之间比拼，能找回各设团队时的那股劲头，"
            "又不会把那种做法的成本和内耗一并带回来。具体怎么分组、怎么给各组分配线索、"
            "怎么考核各组，是我们的做法（见“在统一团队内开展分组PK”一页）。"
        ),
        source="原文第二部分（一个区域，多家分公司）。",
    ),
)

MULTI_REGION_CENTRALIZE = Rule(
    id="multi-region.centralize-promotion-and-service",
    code="R6",
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
    zh=Wording(
        title="推广和客服集中到集团",
        statement=(
            "有多个片区时，由集团为所有片区承担主要的推广和客服工作，各片区及其分公司只负责销售。"
            "公司没有做选择时，orgkb 就按这一条来规划：原文没有替公司拿主意，这个默认是我们定的。"
        ),
        article=(
            "原文把这称为集权模式：集团承担主要的推广和客服工作，各地只负责销售；"
            "咨询线索都掌握在集团手里，所以集团对各地的掌控力很强。原文说，两种模式哪种更好，"
            "眼下还下不了结论；但作者观察到，分权的组织正在一步步转向集权，用更少、更能干的人，"
            "把同样的活干得更好。它还提到，集权模式下集团一般设在大城市，"
            "这样就避开了二三线城市人才难招的问题。原文的总结倾向于集权。"
        ),
        reasoning=(
            "把集权定为默认，是我们的决定：程序在没有得到指示时总得给出一个答案，"
            "而原文看到的趋势和它的总结都指向这一边。这个默认并不说明哪种模式适合某一家公司；"
            "想用分权，换一个选项就行。另外，原文说集团承担的是“主要”的推广和客服工作，"
            "方案却把推广和客服全部放在集团，因为方案记录的是由哪个单位承担一项职能，"
            "而不是各单位各分担多少。"
        ),
        source="原文第三部分（多个区域）和第四部分（总结）。",
    ),
)

MULTI_REGION_DECENTRALIZE = Rule(
    id="multi-region.decentralized-group-coordinates",
    code="R7",
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
    zh=Wording(
        title="分权：集团统筹，片区自行负责推广和客服",
        statement=(
            "公司选择分权模式时，集团负责对各片区统筹、审核和协调，投放品牌专区广告，做新渠道测试；"
            "各片区自行负责本片区的推广、客服和销售。"
        ),
        article=(
            "原文介绍分权模式时，既不赞成也不反对：集团主要负责综合统筹、审核和协调，"
            "自己只做少量广告，比如品牌专区这类推广整个品牌的平台，以及新渠道测试；其余的推广、"
            "客服和销售都由各区域自己负责。"
        ),
        reasoning=(
            "自己做推广的片区更了解本地市场，也要对自己的业绩负责；集团只留下那些对整个品牌做一次就"
            "够的事（品牌专区广告、新渠道测试），以及确保各片区照章办事的审核。"
        ),
        source="原文第三部分（多个区域）。",
    ),
)

MULTI_REGION_SUPPORT_UNIT = Rule(
    id="multi-region.group-support-unit",
    code="R8",
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
    zh=Wording(
        title="集团设支持部门，扶持新开和薄弱的分公司",
        statement=(
            "无论集权还是分权，集团都设一个支持部门，"
            "为新开或业绩不佳的分公司提供业务流程支持和培训。"
        ),
        article=(
            "原文建议，不管公司选哪种模式，都在集团增设一个支持部门，"
            "为正在筹建和经营不善的分公司提供业务流程方面的支持和培训。"
            "它的总结也要求加强对一线的支持。"
        ),
        reasoning=(
            "不论哪种模式，总有分公司是新开的，也总有分公司落在后面；有一个常设部门把流程教给它们，"
            "行之有效的做法就能推广开，不必让每家分公司各自摸索。"
            "方案只为有多个片区的公司设这个部门，这是我们的决定：原文是在讲这种情形时提出它的；"
            "而只有一个区域时，统一的团队本来就离各分公司很近。"
        ),
        source="原文第三部分（多个区域）和第四部分（总结）。",
    ),
)

MULTI_REGION_CITY_UNIT = Rule(
    id="multi-region.city-unit-for-shared-city",
    code="R9",
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
    zh=Wording(
        title="一个城市有多家分公司时设城市单位",
        statement=(
            "在跨多个城市的片区里，有两家或更多分公司的城市，"
            "要在片区和这几家分公司之间设一个城市单位。"
        ),
        article=(
            "原文在层级中列出了城市（集团、片区或产品线、城市、分公司），"
            "但从没说过公司什么时候需要设城市单位。"
        ),
        reasoning=(
            "同一城市的分公司共享一个市场，争抢同样的客户，正是原文第二部分讲的情形，"
            "所以由一个单位统一管理它们；只有一家分公司的城市，不必多加这一层。"
        ),
        source="超出原文：原文列出了城市这一层级，却没有说它该放在哪里；据原文第二部分推理而来。",
    ),
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
# Codes are said aloud and written by hand, so they are read in either case: r3 is R3.
_BY_CODE = {known.code.upper(): known for known in RULES}


def rule(name: str) -> Rule:
    """The rule whose id or code is *name*; a code may be given in either case.

    >>> rule("one-region.unify-promotion-and-service").title
    'Unify promotion and customer service'
    >>> rule("R3").id, rule("r3").id
    ('one-region.unify-promotion-and-service', 'one-region.unify-promotion-and-service')
    >>> rule("one-region.unify")
    Traceback (most recent call last):
    ...
    orgkb.rules.UnknownRuleError: no rule has the id or code 'one-region.unify'; `orgkb rules` \
lists them
    """
    found = _BY_ID.get(name) or _BY_CODE.get(name.upper())
    if found is None:
        raise UnknownRuleError(
            Text("no rule has the id or code {name}; `orgkb rules` lists them", name=quoted(name))
        )
    return found


def wording(rule: Rule, language: str) -> Wording:
    """The words of *rule* in *language*, a language code such as ``"en"`` or ``"zh_CN"``.

    Any code that starts with ``zh`` gives the Chinese; every other code gives the English,
    the language the rules are written in.

    >>> unify = rule("one-region.unify-promotion-and-service")
    >>> wording(unify, "zh_CN").title
    '统一设立推广部和客服部'
    >>> wording(unify, "en").title
    'Unify promotion and customer service'
    """
    if is_chinese(language):
        return rule.zh
    return Wording(
        title=rule.title,
        statement=rule.statement,
        article=rule.article,
        reasoning=rule.reasoning,
        source=rule.source,
    )
