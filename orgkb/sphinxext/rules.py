"""The ``rule`` directive, which states a rule from :data:`orgkb.rules.RULES`; the ``rule``
role, which cites one by id from any page; and the ``rule-list`` directive, which lists every
rule with a link to the page that states it.

The directive takes only the id (or the rule's short code): statement, what the article says,
our reasoning and source come from :mod:`orgkb.rules`, so a page cannot state a rule
differently from the library that applies it. The box and the list show the rule's code
beside its id (``R3 · one-region.…``). The anchor of a rule is ``rule-`` followed by its id
with dots turned into hyphens, and never changes; the rules page gives each entry the same
anchor, which is where ``orgkb cite`` and the rule's short address
(:func:`orgkb.citation.short_address`) point. In a project whose ``language`` is Chinese (a
code starting with ``zh``), the boxes and the list are in Chinese: each rule's own Chinese
wording (:func:`orgkb.rules.wording`) and the Chinese of the labels (:func:`labels`), with the
same anchors.

Each rule is stated on one page. An unknown id is the warning ``orgkb.rule-unknown``, a
second statement of a rule ``orgkb.rule-restated``; and in a project with a rule list, a
rule that no page states is ``orgkb.rule-unstated``, once every page has been read.
"""

from __future__ import annotations

from collections.abc import Set
from dataclasses import dataclass
from typing import Any

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment
from sphinx.util.docutils import SphinxDirective

from orgkb import citation
from orgkb.rules import RULES, Rule, UnknownRuleError, rule, wording
from orgkb.sphinxext.shared import warn
from orgkb.text import Text

RULE_OBJECT_TYPE = "orgkb-rule"


@dataclass(frozen=True)
class RuleLabels:
    """The words a rule box and the rule list put around a rule's own, in one language."""

    title: str
    """Before the rule's title."""
    article: str
    source: str
    reasoning: str
    stated_in: str
    """Before the link to the page that states the rule, in the rule list."""
    unstated: str
    """In place of that link when no page states the rule."""


def labels(language: str) -> RuleLabels:
    """The labels for a project in *language*: English, or Chinese for a Chinese code, as the
    translated pages quote them (explanation/summary).

    >>> labels("zh_CN").title
    '规则：'
    """
    return RuleLabels(
        title=Text("Rule: ").translated(language),
        article=Text("What the article says: ").translated(language),
        source=Text("Source: ").translated(language),
        reasoning=Text("Our reasoning (beyond the article): ").translated(language),
        stated_in=Text("Stated and explained in: ").translated(language),
        unstated=Text("no page states this rule yet").translated(language),
    )


def rule_anchor(rule_id: str) -> str:
    """The HTML anchor of the rule *rule_id* (:func:`orgkb.citation.rule_anchor`).

    >>> rule_anchor("one-region.unify-promotion-and-service")
    'rule-one-region-unify-promotion-and-service'
    """
    return citation.rule_anchor(rule_id)


class RuleDirective(SphinxDirective):
    """States one rule: its title, code and id, statement, what the article says, source and
    our reasoning."""

    required_arguments = 1
    has_content = False

    def run(self) -> list[nodes.Node]:
        rule_id = self.arguments[0]
        try:
            stated = rule(rule_id)
        except UnknownRuleError as error:
            warn("rule-unknown", f"rule: {error}", self.get_location())
            return []
        # Given its code, the rule is still recorded, anchored and cross-referenced by its id.
        rule_id = stated.id
        _record(self.env, _STATEMENTS).setdefault(self.env.docname, []).append(
            (rule_id, self.lineno)
        )
        anchor = rule_anchor(rule_id)
        said = labels(self.config.language)
        words = wording(stated, self.config.language)
        box = nodes.admonition(classes=["orgkb-rule"], ids=[anchor])
        # The words come from the rule in each language, not from the page's catalogue.
        box += nodes.title("", said.title + words.title, translatable=False)
        box += _code_and_id(stated)
        box += nodes.paragraph("", "", nodes.strong("", words.statement))
        box += _labelled(said.article, words.article)
        box += _labelled(said.source, words.source)
        box += _labelled(said.reasoning, words.reasoning)
        self.set_source_info(box)
        domain = self.env.domains.standard_domain
        # A second statement is warned of once every page is read; the first keeps the target.
        if (RULE_OBJECT_TYPE, rule_id) not in domain.objects:
            domain.note_object(RULE_OBJECT_TYPE, rule_id, anchor, location=box)
        return [box]


def _code_and_id(known: Rule) -> nodes.paragraph:
    return nodes.paragraph(
        "", "", nodes.literal("", known.code), nodes.Text(" · "), nodes.literal("", known.id)
    )


def _labelled(label: str, text: str) -> nodes.paragraph:
    return nodes.paragraph("", "", nodes.emphasis("", label), nodes.Text(text))


class _StatedOn(nodes.Inline, nodes.TextElement):
    """Where a rule is stated; replaced by a link once every page has been read."""


class RuleListDirective(SphinxDirective):
    """Lists every rule: title, code and id, statement, source, and a link to the page stating
    it."""

    has_content = False

    def run(self) -> list[nodes.Node]:
        # Read again on every build: the pages that state the rules may have changed.
        self.env.note_reread()
        _record(self.env, _LISTS).setdefault(self.env.docname, self.lineno)
        listing = nodes.container(classes=["orgkb-rule-list"])
        self.set_source_info(listing)
        said = labels(self.config.language)
        for known in RULES:
            words = wording(known, self.config.language)
            entry = nodes.container(classes=["orgkb-rule-entry"], ids=[rule_anchor(known.id)])
            entry += nodes.paragraph("", "", nodes.strong("", words.title))
            entry += _code_and_id(known)
            entry += nodes.paragraph("", words.statement)
            entry += _labelled(said.source, words.source)
            entry += nodes.paragraph(
                "", "", nodes.emphasis("", said.stated_in), _StatedOn(known.id, known.id)
            )
            listing += entry
        return [listing]


def _link_rule_pages(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    objects = app.env.domains.standard_domain.objects
    for placeholder in list(doctree.findall(_StatedOn)):
        rule_id = placeholder.astext()
        found = objects.get((RULE_OBJECT_TYPE, rule_id))
        if found is None:
            # The build warned of it (orgkb.rule-unstated); the page stays readable.
            placeholder.replace_self(nodes.Text(labels(app.config.language).unstated))
            continue
        page, anchor = found
        title = app.env.titles[page].astext()
        uri = app.builder.get_relative_uri(docname, page) + "#" + anchor
        link = nodes.reference("", title, internal=True, refuri=uri)
        placeholder.replace_self(link)


# What the pages say about the rules, kept in the build environment by page, so that a page
# read again replaces its own entries and a parallel build merges those of each process.
_STATEMENTS = "orgkb_rule_statements"
"""Page -> the rules it states, in order, each with the line of its statement."""
_LISTS = "orgkb_rule_lists"
"""Page -> the line of its first rule list."""


def _record(env: BuildEnvironment, name: str) -> dict[str, Any]:
    if not hasattr(env, name):
        setattr(env, name, {})
    record: dict[str, Any] = getattr(env, name)
    return record


def _forget_page(app: Sphinx, env: BuildEnvironment, docname: str) -> None:
    for name in (_STATEMENTS, _LISTS):
        _record(env, name).pop(docname, None)


def _merge_pages(
    app: Sphinx, env: BuildEnvironment, docnames: Set[str], other: BuildEnvironment
) -> None:
    for name in (_STATEMENTS, _LISTS):
        theirs = _record(other, name)
        _record(env, name).update({page: theirs[page] for page in docnames & theirs.keys()})


def rule_list_page(env: BuildEnvironment) -> str | None:
    """The page that lists the rules (the first, if several do), or ``None`` if none does."""
    lists: dict[str, int] = _record(env, _LISTS)
    return min(lists) if lists else None


def _check_statements(app: Sphinx, env: BuildEnvironment) -> None:
    """Warn of each rule stated twice, and, if a page lists the rules, of each stated nowhere."""
    stated: dict[str, list[tuple[str, int]]] = {}
    for docname, statements in sorted(_record(env, _STATEMENTS).items()):
        for rule_id, line in statements:
            stated.setdefault(rule_id, []).append((docname, line))
    for rule_id, (first, *again) in stated.items():
        for location in again:
            warn(
                "rule-restated",
                f"rule: {rule_id} is stated in {first[0]} already; cite it here with "
                f"{{rule}}`{rule_id}`",
                location,
            )
    listing = rule_list_page(env)
    if listing is None:
        return
    lists: dict[str, int] = _record(env, _LISTS)
    for known in RULES:
        if known.id not in stated:
            warn(
                "rule-unstated",
                f"rule-list: no page states the rule {known.id}; state it with the rule "
                f"directive on the page that explains it",
                (listing, lists[listing]),
            )


def setup_rules(app: Sphinx) -> None:
    """Register the ``rule`` directive and role and the ``rule-list`` directive."""
    app.add_directive("rule", RuleDirective)
    # A cross-reference type gives the role, unresolved-reference warnings under -n, and
    # parallel-safe merging of the targets, all from Sphinx's standard domain.
    app.add_crossref_type(RULE_OBJECT_TYPE, "rule", objname="rule")
    app.add_directive("rule-list", RuleListDirective)
    app.connect("env-purge-doc", _forget_page)
    app.connect("env-merge-info", _merge_pages)
    app.connect("env-check-consistency", _check_statements)
    app.connect("doctree-resolved", _link_rule_pages)
