"""The ``rule`` directive, which states a rule from :data:`orgkb.rules.RULES`, and the
``rule`` role, which cites one by id from any page.

The directive takes only the id: statement, reasoning and source come from the code, so a page
cannot state a rule differently from the library that applies it. The anchor of a rule is
``rule-`` followed by its id with dots turned into hyphens, and never changes.
"""

from __future__ import annotations

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.util.docutils import SphinxDirective

from orgkb.rules import UnknownRuleError, rule

RULE_OBJECT_TYPE = "orgkb-rule"


def rule_anchor(rule_id: str) -> str:
    """The HTML anchor of the rule *rule_id*.

    >>> rule_anchor("one-region.unify-promotion-and-service")
    'rule-one-region-unify-promotion-and-service'
    """
    anchor: str = nodes.make_id(f"rule-{rule_id}")
    return anchor


class RuleDirective(SphinxDirective):
    """States one rule: its id, title, statement, reasoning and source."""

    required_arguments = 1
    has_content = False

    def run(self) -> list[nodes.Node]:
        rule_id = self.arguments[0]
        try:
            stated = rule(rule_id)
        except UnknownRuleError as error:
            raise self.error(str(error)) from None
        anchor = rule_anchor(rule_id)
        box = nodes.admonition(classes=["orgkb-rule"], ids=[anchor])
        box += nodes.title("", f"Rule: {stated.title}")
        box += nodes.paragraph("", "", nodes.literal("", rule_id))
        box += nodes.paragraph("", "", nodes.strong("", stated.statement))
        box += nodes.paragraph("", "", nodes.emphasis("", "Why: "), nodes.Text(stated.reasoning))
        box += nodes.paragraph("", "", nodes.emphasis("", "Source: "), nodes.Text(stated.source))
        self.set_source_info(box)
        domain = self.env.domains.standard_domain
        domain.note_object(RULE_OBJECT_TYPE, rule_id, anchor, location=box)
        return [box]


def setup_rules(app: Sphinx) -> None:
    """Register the ``rule`` directive and role."""
    app.add_directive("rule", RuleDirective)
    # A cross-reference type gives the role, unresolved-reference warnings under -n, and
    # parallel-safe merging of the targets, all from Sphinx's standard domain.
    app.add_crossref_type(RULE_OBJECT_TYPE, "rule", objname="rule")
