"""The one-page handout for a training room: the scenarios as a decision tree, the rules by
their short codes, and the core glossary, in one language, as an HTML page to print on A4.

Nothing on it is typed twice. The tree's outcomes are what :func:`orgkb.plan.classify` and
:func:`orgkb.plan.recommend` give for a company at each answer (:func:`decision_tree`); the
rules are :data:`orgkb.rules.RULES` in the language's words (:func:`orgkb.rules.wording`); the
glossary entries are the glossary page's own, the first sentence of each definition
(:mod:`orgkb.sphinxext.site.handout` takes them from the page as the edition's build read it).
:func:`orgkb.downloads.build_downloads` prints the page to PDF with chromium.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from dataclasses import dataclass

from orgkb.model import Branch, Company, Level
from orgkb.plan import Governance, Scenario, classify, recommend
from orgkb.rules import RULES, Rule, rule, wording

HANDOUT_PAGE = "handout.html"
"""The handout's page in the output of the site's ``singlehtml`` build, which is printed."""
CORE_TERMS = (
    "levels",
    "division of labour",
    "group",
    "region",
    "city",
    "branch",
    "promotion",
    "customer service",
    "sales",
    "support unit",
    "inquiry lead",
    "fine-grained management",
    "same-city internal friction",
    "competing groups",
    "centralized",
    "decentralized",
    "brand-zone ads",
    "front line",
)
"""The glossary's headwords the handout defines, by their English headword, in this order."""


@dataclass(frozen=True)
class HandoutWords:
    """The handout's own words in one language; everything else on it comes from orgkb."""

    title: str
    subtitle: str
    tree: str
    branches: str
    none_or_one: str
    two_or_more: str
    regions: str
    one: str
    several: str
    governance: str
    default_note: str
    """After the outcome that is orgkb's default, not the article's verdict."""
    rules: str
    glossary: str
    beyond: str
    """After a rule that is ours, not the article's, as the pages' boxes say it."""
    colon: str
    comma: str
    semicolon: str
    one_branch_note: str
    """After the outcome of no branches, which orgkb also gives a company of one branch."""
    scenarios: dict[Scenario, str]
    governances: dict[Governance, str]


WORDS = {
    "en": HandoutWords(
        title="Organising online marketing: the handout",
        subtitle="orgkb — levels × division of labour, from the article to a plan",
        tree="Which scenario, which organisation",
        branches="How many branches does the company have?",
        none_or_one="none or one",
        two_or_more="two or more",
        regions="In how many regions (片区)?",
        one="one",
        several="two or more",
        governance="Who runs promotion and customer service?",
        default_note=" (orgkb's default, beyond the article)",
        rules="The rules",
        glossary="Core glossary",
        beyond=" (beyond the article)",
        colon=": ",
        comma=", ",
        semicolon="; ",
        one_branch_note=" (a single branch counts as no branch: beyond the article)",
        scenarios={
            Scenario.NO_BRANCHES: "No branches",
            Scenario.ONE_REGION: "One region, several branches",
            Scenario.MULTI_REGION: "Several regions",
        },
        governances={
            Governance.CENTRALIZED: "centralized (集权): the group",
            Governance.DECENTRALIZED: "decentralized (分权): each region",
        },
    ),
    "zh": HandoutWords(
        title="网络营销体系的组织架构：培训讲义",
        subtitle="orgkb：层级 × 分工，从原文到组织方案",
        tree="属于哪种情形，该怎样组织",
        branches="公司有几家分公司？",
        none_or_one="没有或只有一家",
        two_or_more="两家或更多",
        regions="分布在几个片区？",
        one="一个",
        several="两个或更多",
        governance="推广和客服由谁负责？",
        default_note="（orgkb 的默认，超出原文）",
        rules="规则",
        glossary="核心术语",
        beyond="（超出原文）",
        colon="：",
        comma="、",
        semicolon="；",
        one_branch_note="（只有一家分公司，按没有分公司处理：超出原文）",
        scenarios={
            Scenario.NO_BRANCHES: "没有分公司",
            Scenario.ONE_REGION: "一个片区，多家分公司",
            Scenario.MULTI_REGION: "多个片区",
        },
        governances={
            Governance.CENTRALIZED: "集权：集团负责",
            Governance.DECENTRALIZED: "分权：各片区自己负责",
        },
    ),
}
"""The handout's words by language: ``en`` and ``zh`` (:func:`words`)."""


def words(language: str) -> HandoutWords:
    """The handout's words in *language*: Chinese for any code starting with ``zh``."""
    return WORDS["zh"] if language.lower().startswith("zh") else WORDS["en"]


@dataclass(frozen=True)
class Outcome:
    """Where an answer leads: the scenario, and the plan orgkb recommends there."""

    scenario: Scenario
    governance: Governance | None
    levels: tuple[tuple[Level, tuple[str, ...]], ...]
    """Each level of the plan and the functions its units run, as labels in the language."""
    codes: tuple[str, ...]
    """The short codes of the rules the plan applies."""


@dataclass(frozen=True)
class Answer:
    """One answer to a question, and the question or the outcome it leads to."""

    answer: str
    then: Question | Outcome


@dataclass(frozen=True)
class Question:
    """A question of the decision tree and its answers."""

    ask: str
    answers: tuple[Answer, ...]


# A company for each answer: what orgkb says of it is the outcome the tree shows. The regions'
# company has a city of two branches in a region of two cities, so its plan shows the city unit.
_SOLO = Company("Solo", (Branch("A", "Wuhan"),))
_ONE_REGION = Company("Duo", (Branch("A", "Wuhan"), Branch("B", "Wuhan")))
_REGIONS = Company(
    "Group",
    (
        Branch("A", "Wuhan", "Centre"),
        Branch("B", "Wuhan", "Centre"),
        Branch("C", "Changsha", "Centre"),
        Branch("D", "Shanghai", "East"),
    ),
)


def _outcome(company: Company, language: str, governance: Governance | None = None) -> Outcome:
    plan = recommend(company, governance)
    levels = tuple(
        (level, tuple(function.label_in(language) for function in plan.functions_at(level)))
        for level in Level
        if any(unit.level is level for unit in plan.units)
    )
    return Outcome(
        classify(company),
        plan.governance,
        levels,
        tuple(rule(rule_id).code for rule_id in plan.rules),
    )


def decision_tree(language: str = "en") -> Question:
    """The scenarios as a decision tree in *language*, each outcome computed by orgkb.

    >>> tree = decision_tree()
    >>> tree.answers[0].then.scenario, tree.answers[0].then.codes
    (<Scenario.NO_BRANCHES: 'no-branches'>, ('R1',))
    >>> regions = tree.answers[1].then.answers[1].then
    >>> [(answer.then.governance.value, answer.then.codes) for answer in regions.answers]
    [('centralized', ('R6', 'R8', 'R9')), ('decentralized', ('R7', 'R8', 'R9'))]
    """
    said = words(language)
    regions = Question(
        said.governance,
        tuple(
            Answer(said.governances[governance], _outcome(_REGIONS, language, governance))
            for governance in Governance
        ),
    )
    return Question(
        said.branches,
        (
            Answer(said.none_or_one, _outcome(_SOLO, language)),
            Answer(
                said.two_or_more,
                Question(
                    said.regions,
                    (
                        Answer(said.one, _outcome(_ONE_REGION, language)),
                        Answer(said.several, regions),
                    ),
                ),
            ),
        ),
    )


@dataclass(frozen=True)
class GlossaryEntry:
    """A headword of the glossary in English and Chinese, with its definition's first sentence."""

    english: str
    chinese: str
    definition: str


def first_sentence(text: str) -> str:
    """The first sentence of *text*, English or Chinese.

    >>> first_sentence("The top. The head office.")
    'The top.'
    >>> first_sentence("组织的顶层。总部。")
    '组织的顶层。'
    """
    text = " ".join(text.split())
    ends = [found + 1 for found in (text.find(". "), text.find("。")) if found >= 0]
    return text[: min(ends)].strip() if ends else text


def handout_html(language: str, glossary: Sequence[GlossaryEntry]) -> str:
    """The handout in *language* as a standalone HTML page, with *glossary* as its glossary."""
    said = words(language)
    tag = "zh-CN" if language.lower().startswith("zh") else "en"
    rules = "".join(_rule_row(code_rule, language, said) for code_rule in RULES)
    terms = "".join(
        f"<dt>{_e(entry.english)} <span lang='zh-CN'>{_e(entry.chinese)}</span></dt>"
        f"<dd>{_e(entry.definition)}</dd>"
        for entry in glossary
    )
    return f"""<!DOCTYPE html>
<html lang="{tag}">
<head>
<meta charset="utf-8">
<title>{_e(said.title)}</title>
<style>{_STYLE}</style>
</head>
<body>
<header><h1>{_e(said.title)}</h1><p>{_e(said.subtitle)}</p></header>
<section class="tree"><h2>{_e(said.tree)}</h2>
{_question(decision_tree(language), language, said)}
</section>
<section class="rules"><h2>{_e(said.rules)}</h2><table>{rules}</table></section>
<section class="glossary"><h2>{_e(said.glossary)}</h2><dl>{terms}</dl></section>
</body>
</html>
"""


def _e(text: str) -> str:
    return html.escape(text, quote=True)


def _question(question: Question, language: str, said: HandoutWords) -> str:
    answers = "".join(
        f"<li><span class='answer'>{_e(answer.answer)}</span> → "
        + (
            _question(answer.then, language, said)
            if isinstance(answer.then, Question)
            else _outcome_html(answer.then, language, said)
        )
        + "</li>"
        for answer in question.answers
    )
    return f"<div class='question'><strong>{_e(question.ask)}</strong><ul>{answers}</ul></div>"


def outcome_name(outcome: Outcome, language: str) -> str:
    """The scenario *outcome* reaches, named in *language*, with what orgkb decides there that
    the article leaves open marked as beyond the article.

    >>> outcome_name(decision_tree().answers[0].then, "en")
    'No branches (a single branch counts as no branch: beyond the article)'
    """
    said = words(language)
    name = said.scenarios[outcome.scenario]
    if outcome.governance is Governance.CENTRALIZED:
        return name + said.default_note
    if outcome.scenario is Scenario.NO_BRANCHES:
        return name + said.one_branch_note
    return name


def _outcome_html(outcome: Outcome, language: str, said: HandoutWords) -> str:
    name = outcome_name(outcome, language)
    levels = said.semicolon.join(
        f"{level.label_in(language)}{said.colon}{said.comma.join(functions)}"
        for level, functions in outcome.levels
    )
    codes = " ".join(f"<span class='code'>{code}</span>" for code in outcome.codes)
    return f"<span class='outcome'><b>{_e(name)}</b> {codes}<br>{_e(levels)}</span>"


def _rule_row(stated: Rule, language: str, said: HandoutWords) -> str:
    stated_words = wording(stated, language)
    beyond = ""
    # The rules that go beyond the article say so in their source, in every language.
    if stated.source.startswith("Beyond the article"):
        beyond = f"<em>{_e(said.beyond)}</em>"
    return (
        f"<tr><th><span class='code'>{stated.code}</span></th>"
        f"<td><b>{_e(stated_words.title)}</b>{beyond}{said.colon}{_e(stated_words.statement)}</td></tr>"
    )


_STYLE = """
@page { size: A4; margin: 11mm 12mm; }
* { box-sizing: border-box; }
html { font-family: "Source Sans Pro", "DejaVu Sans", "WenQuanYi Micro Hei", sans-serif;
  font-size: 8.6pt; line-height: 1.32; color: #1a1a1a; }
:lang(zh-CN) { font-family: "WenQuanYi Micro Hei", sans-serif; }
body { margin: 0; }
header h1 { font-size: 15pt; margin: 0; }
header p { margin: 0 0 2mm; color: #444; }
h2 { font-size: 10.5pt; margin: 3mm 0 1.5mm; border-bottom: 0.4mm solid #1565c0; }
ul { margin: 0.5mm 0 0.5mm 4mm; padding: 0; list-style: none; }
li { margin: 0.8mm 0; }
.question > strong { color: #37474f; }
.answer { font-weight: bold; color: #1565c0; }
.outcome { display: inline; }
.code { display: inline-block; background: #1565c0; color: #fff; border-radius: 1mm;
  padding: 0 1mm; font-weight: bold; font-size: 0.9em; }
table { border-collapse: collapse; width: 100%; }
th { vertical-align: top; text-align: left; padding: 0.6mm 2mm 0.6mm 0; width: 9mm; }
td { padding: 0.6mm 0; }
dl { columns: 2; column-gap: 6mm; margin: 0; }
dt { font-weight: bold; break-after: avoid; }
dd { margin: 0 0 1.2mm 0; break-before: avoid; }
"""
