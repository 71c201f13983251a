"""Scenarios and the plans the article recommends for each."""

from __future__ import annotations

import pytest

from orgkb.model import Branch, Company, Function, Level
from orgkb.plan import Governance, Plan, Scenario, classify, recommend
from orgkb.rules import RULES, rule


def company(*branches: tuple[str, str, str]) -> Company:
    return Company("ACME", tuple(Branch(name, city, region) for name, city, region in branches))


def shape(plan: Plan) -> list[tuple[str, str, str | None, list[str]]]:
    return [
        (unit.id, str(unit.level), unit.parent, [str(f) for f in unit.functions])
        for unit in plan.units
    ]


@pytest.mark.parametrize(
    ("branches", "scenario"),
    [
        ((), Scenario.NO_BRANCHES),
        ((("A", "Wuhan", ""),), Scenario.NO_BRANCHES),
        ((("A", "Wuhan", ""), ("B", "Wuhan", "")), Scenario.ONE_REGION),
        ((("A", "Wuhan", "Hubei"), ("B", "Yichang", "Hubei")), Scenario.ONE_REGION),
        ((("A", "Wuhan", ""), ("B", "Yichang", "")), Scenario.MULTI_REGION),
        ((("A", "Wuhan", "Hubei"), ("B", "Wuhan", "")), Scenario.MULTI_REGION),
    ],
)
def test_classify(branches: tuple[tuple[str, str, str], ...], scenario: Scenario) -> None:
    assert classify(company(*branches)) is scenario


def test_no_branches_is_one_head_over_three_functions() -> None:
    for plan in (recommend(company()), recommend(company(("A", "Wuhan", "")))):
        assert shape(plan) == [("group", "group", None, ["promotion", "customer_service", "sales"])]
        assert plan.rules == ("no-branches.one-head-over-three-departments",)
        assert plan.governance is None


def test_one_region_unifies_promotion_and_service_and_sells_in_every_branch() -> None:
    plan = recommend(company(("A", "Wuhan", ""), ("B", "Wuhan", ""), ("C", "Wuhan", "")))
    assert shape(plan) == [
        ("group", "group", None, ["promotion", "customer_service"]),
        ("branch:A", "branch", "group", ["sales"]),
        ("branch:B", "branch", "group", ["sales"]),
        ("branch:C", "branch", "group", ["sales"]),
    ]
    assert plan.rules == (
        "one-region.sales-in-every-branch",
        "one-region.unify-promotion-and-service",
        "one-region.dispatch-leads-by-project-and-workload",
        "one-region.competing-groups-when-competition-is-weak",
    )


def test_governance_is_ignored_outside_several_regions() -> None:
    plan = recommend(company(("A", "Wuhan", ""), ("B", "Wuhan", "")), Governance.DECENTRALIZED)
    assert plan.governance is None
    assert plan.scenario is Scenario.ONE_REGION


TWO_REGIONS = company(
    ("A", "Wuhan", "Hubei"), ("B", "Changsha", "Hunan"), ("C", "Changsha", "Hunan")
)


def test_multi_region_is_centralized_by_default() -> None:
    plan = recommend(TWO_REGIONS)
    assert plan.governance is Governance.CENTRALIZED
    assert shape(plan) == [
        ("group", "group", None, ["promotion", "customer_service", "support"]),
        ("region:Hubei", "region", "group", ["sales"]),
        ("branch:A", "branch", "region:Hubei", ["sales"]),
        ("region:Hunan", "region", "group", ["sales"]),
        ("branch:B", "branch", "region:Hunan", ["sales"]),
        ("branch:C", "branch", "region:Hunan", ["sales"]),
    ]
    assert plan.rules == (
        "multi-region.centralize-promotion-and-service",
        "multi-region.group-support-unit",
    )


def test_multi_region_decentralized() -> None:
    plan = recommend(TWO_REGIONS, Governance.DECENTRALIZED)
    assert shape(plan)[:2] == [
        ("group", "group", None, ["coordination", "audit", "brand_zone_ads", "channel_tests", "support"]),
        ("region:Hubei", "region", "group", ["promotion", "customer_service", "sales"]),
    ]  # fmt: skip
    assert plan.functions_at(Level.BRANCH) == (Function.SALES,)
    assert plan.rules == (
        "multi-region.decentralized-group-coordinates",
        "multi-region.group-support-unit",
    )


def test_city_unit_only_for_a_shared_city_in_a_region_of_several_cities() -> None:
    plan = recommend(
        company(
            ("A", "Wuhan", "Central"),
            ("B", "Wuhan", "Central"),
            ("C", "Yichang", "Central"),
            ("D", "Shanghai", ""),
            ("E", "Shanghai", ""),
        )
    )
    assert plan.unit("city:Central/Wuhan").parent == "region:Central"
    assert [u.id for u in plan.children("city:Central/Wuhan")] == ["branch:A", "branch:B"]
    assert plan.unit("branch:C").parent == "region:Central"
    # Shanghai is a region of one city: a city unit would only repeat the region.
    assert plan.unit("branch:D").parent == "region:Shanghai"
    assert "multi-region.city-unit-for-shared-city" in plan.rules
    with pytest.raises(KeyError):
        plan.unit("city:Shanghai/Shanghai")


def test_every_unit_has_a_known_parent_and_every_branch_appears_once() -> None:
    plan = recommend(TWO_REGIONS)
    ids = [unit.id for unit in plan.units]
    assert len(ids) == len(set(ids))
    assert all(unit.parent is None or unit.parent in ids for unit in plan.units)
    assert sorted(u.name for u in plan.units if u.level is Level.BRANCH) == ["A", "B", "C"]


def test_every_applied_rule_exists() -> None:
    plans = [
        recommend(company()),
        recommend(TWO_REGIONS),
        recommend(TWO_REGIONS, Governance.DECENTRALIZED),
    ]
    for plan in plans:
        for rule_id in plan.rules:
            assert rule(rule_id).id == rule_id
    assert len({r.id for r in RULES}) == len(RULES)


def test_json_contract() -> None:
    document = recommend(TWO_REGIONS).to_json()
    assert list(document) == ["scenario", "governance", "units", "rules"]
    assert document["scenario"] == "multi-region"
    assert document["governance"] == "centralized"
    units = document["units"]
    assert isinstance(units, list)
    for unit in units:
        assert list(unit) == ["id", "name", "level", "parent", "functions"]
        assert unit["level"] in {"group", "region", "city", "branch"}
    assert units[2] == {
        "id": "branch:A",
        "name": "A",
        "level": "branch",
        "parent": "region:Hubei",
        "functions": ["sales"],
    }
    assert recommend(company()).to_json()["governance"] is None
