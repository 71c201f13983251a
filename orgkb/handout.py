"""The one-page handout for a training room: the scenarios as a decision tree, the rules by
their short codes, and the core glossary, in one language, as an HTML page to print on A4.

Nothing on it is typed twice. The tree's outcomes are what :func:`orgkb.plan.classify` and
:func:`orgkb.plan.recommend` give for a company at each answer (:func:`decision_tree`); the
rules are :data:`orgkb.rules.RULES` in the language's words (:func:`orgkb.rules.wording`); the
glossary entries are the glossary page's own, the first sentence of each definition
(:mod:`orgkb.sphinxext.site.handout` takes them from the page as the edition's build read it).
The handout's own words — its headings, questions and answers — are :class:`~orgkb.text.Text`
templates, with their Chinese in :mod:`orgkb.zh` like every other sentence orgkb writes, and a
scenario is named as a chart's title names it (:func:`orgkb.chart.scenario_name`).
:func:`orgkb.downloads.build_downloads` prints the page to PDF with chromium.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from dataclasses import dataclass

from orgkb.chart import scenario_name
from orgkb.model import Branch, Company, Level
from orgkb.plan import Governance, Scenario, classify, recommend
from orgkb.render import listed
from orgkb.rules import RULES, Rule, rule, wording
from orgkb.text import ENGLISH, Text, is_chinese

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


_GOVERNANCES = {
    Governance.CENTRALIZED: Text("centralized (集权): the group"),
    Governance.DECENTRALIZED: Text("decentralized (分权): each region"),
}
"""Each answer to who runs promotion and customer service, as the tree gives it."""


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


def decision_tree(language: str = ENGLISH) -> Question:
    """The scenarios as a decision tree in *language*, each outcome computed by orgkb.

    >>> tree = decision_tree()
    >>> tree.answers[0].then.scenario, tree.answers[0].then.codes
    (<Scenario.NO_BRANCHES: 'no-branches'>, ('R1',))
    >>> regions = tree.answers[1].then.answers[1].then
    >>> [(answer.then.governance.value, answer.then.codes) for answer in regions.answers]
    [('centralized', ('R6', 'R8', 'R9')), ('decentralized', ('R7', 'R8', 'R9'))]
    """
    regions = Question(
        Text("Who runs promotion and customer service?").translated(language),
        tuple(
            Answer(
                _GOVERNANCES[governance].translated(language),
                _outcome(_REGIONS, language, governance),
            )
            for governance in Governance
        ),
    )
    # One English, "two or more", counts branches and regions; Chinese counts them with
    # different words (两家, 两个), so the regions' answer names its number apart.
    two_regions = Text("{count} or more", count=Text("two"))
    return Question(
        Text("How many branches does the company have?").translated(language),
        (
            Answer(Text("none or one").translated(language), _outcome(_SOLO, language)),
            Answer(
                Text("two or more").translated(language),
                Question(
                    Text("In how many regions (片区)?").translated(language),
                    (
                        Answer(Text("one").translated(language), _outcome(_ONE_REGION, language)),
                        Answer(two_regions.translated(language), regions),
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
    tag = "zh-CN" if is_chinese(language) else "en"
    title = _said(Text("Organising online marketing: the handout"), language)
    subtitle = _said(
        Text("orgkb — levels × division of labour, from the article to a plan"), language
    )
    tree = _said(Text("Which scenario, which organisation"), language)
    glossary_heading = _said(Text("Core glossary"), language)
    rules = "".join(_rule_row(code_rule, language) for code_rule in RULES)
    terms = "".join(
        f"<dt>{_e(entry.english)} <span lang='zh-CN'>{_e(entry.chinese)}</span></dt>"
        f"<dd>{_e(entry.definition)}</dd>"
        for entry in glossary
    )
    return f"""<!DOCTYPE html>
<html lang="{tag}">
<head>
<meta charset="utf-8">
<title>{title}</title>
<style>{_STYLE}</style>
</head>
<body>
<header><h1>{title}</h1><p>{subtitle}</p></header>
<section class="tree"><h2>{tree}</h2>
{_question(decision_tree(language), language)}
</section>
<section class="rules"><h2>{_said(Text("The rules"), language)}</h2><table>{rules}</table></section>
<section class="glossary"><h2>{glossary_heading}</h2><dl>{terms}</dl></section>
</body>
</html>
"""


def _said(text: Text, language: str) -> str:
    return _e(text.translated(language))


def _e(text: str) -> str:
    return html.escape(text, quote=True)


def _question(question: Question, language: str) -> str:
    answers = "".join(
        f"<li><span class='answer'>{_e(answer.answer)}</span> → "
        + (
            _question(answer.then, language)
            if isinstance(answer.then, Question)
            else _outcome_html(answer.then, language)
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
    # The scenario's name as a chart's title gives it, heading the answer's line.
    name = scenario_name(outcome.scenario, language)
    name = name[:1].upper() + name[1:]
    if outcome.governance is Governance.CENTRALIZED:
        return Text("{scenario} (orgkb's default, beyond the article)", scenario=name).translated(
            language
        )
    if outcome.scenario is Scenario.NO_BRANCHES:
        return Text(
            "{scenario} (a single branch counts as no branch: beyond the article)", scenario=name
        ).translated(language)
    return name


def _outcome_html(outcome: Outcome, language: str) -> str:
    name = outcome_name(outcome, language)
    levels = (
        Text("; ")
        .translated(language)
        .join(
            Text(
                "{level}: {functions}",
                level=level.label_in(language),
                functions=listed(functions, language),
            ).translated(language)
            for level, functions in outcome.levels
        )
    )
    codes = " ".join(f"<span class='code'>{code}</span>" for code in outcome.codes)
    return f"<span class='outcome'><b>{_e(name)}</b> {codes}<br>{_e(levels)}</span>"


def _rule_row(stated: Rule, language: str) -> str:
    stated_words = wording(stated, language)
    beyond = ""
    if stated.beyond_the_article:
        beyond = f"<em>{_said(Text(' (beyond the article)'), language)}</em>"
    colon = Text(": ").translated(language)
    return (
        f"<tr><th><span class='code'>{stated.code}</span></th>"
        f"<td><b>{_e(stated_words.title)}</b>{beyond}{colon}{_e(stated_words.statement)}</td></tr>"
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
