"""Every rule has a short code, said in a room and printed on slides: unique, found like the
id, and fixed forever."""

from __future__ import annotations

import pytest

from orgkb.errors import OrgkbError
from orgkb.render import rules_as_text
from orgkb.rules import RULES, Rule, UnknownRuleError, rule

# Published and printed on handouts: a code never changes and never moves to another rule.
# Add a line for a new rule; never change one.
PUBLISHED_CODES = {
    "R1": "no-branches.one-head-over-three-departments",
    "R2": "one-region.sales-in-every-branch",
    "R3": "one-region.unify-promotion-and-service",
    "R4": "one-region.dispatch-leads-by-project-and-workload",
    "R5": "one-region.competing-groups-when-competition-is-weak",
    "R6": "multi-region.centralize-promotion-and-service",
    "R7": "multi-region.decentralized-group-coordinates",
    "R8": "multi-region.group-support-unit",
    "R9": "multi-region.city-unit-for-shared-city",
}


def test_every_published_code_still_names_its_rule() -> None:
    assert {code: rule(code).id for code in PUBLISHED_CODES} == PUBLISHED_CODES
    assert {known.code: known.id for known in RULES if known.code in PUBLISHED_CODES} == (
        PUBLISHED_CODES
    )


def test_codes_are_unique_and_short_in_any_case() -> None:
    codes = [known.code.upper() for known in RULES]
    assert len(set(codes)) == len(codes)
    for known in RULES:
        assert known.code.isalnum() and known.code.isascii() and len(known.code) <= 4
        # No code can be read as an id, whose parts a dot separates.
        assert "." not in known.code and "." in known.id


@pytest.mark.parametrize("known", RULES, ids=[known.code for known in RULES])
def test_a_rule_is_found_by_its_id_or_its_code_in_either_case(known: Rule) -> None:
    assert rule(known.id) is known
    assert rule(known.code) is known
    assert rule(known.code.lower()) is known


@pytest.mark.parametrize(
    "name", ["R0", "R99", "R", "", "one-region", "ONE-REGION.SALES-IN-EVERY-BRANCH"]
)
def test_a_name_that_is_no_rule_s_is_refused_on_one_line(name: str) -> None:
    with pytest.raises(UnknownRuleError) as raised:
        rule(name)
    assert str(raised.value) == f"no rule has the id or code {name!r}; `orgkb rules` lists them"
    # One of the error family, so that the command line says it on one line.
    assert isinstance(raised.value, OrgkbError)


def test_the_list_of_rules_gives_each_code_beside_its_id() -> None:
    for line, known in zip(rules_as_text(RULES).splitlines(), RULES, strict=True):
        assert line.split()[:2] == [known.code, known.id]
