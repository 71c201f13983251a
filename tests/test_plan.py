"""Scenarios and the plans the article recommends for each."""

from __future__ import annotations

from dataclasses import replace

import pytest

from orgkb.errors import InputError
from orgkb.model import Branch, Company, Function, Level, Option
from orgkb.plan import (
    GROUP_ID,
    OPTIONS,
    Governance,
    Plan,
    Scenario,
    Unit,
    as_is_option,
    branch_id,
    city_id,
    classify,
    plan_for,
    recommend,
    region_id,
    structure,
)
from orgkb.rules import RULES, rule
from tests.helpers import Walked


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


# Which organisation: options, the company today, ids and the index.


def test_every_option_of_every_scenario_has_its_plan() -> None:
    companies = {
        Scenario.NO_BRANCHES: company(("A", "Wuhan", "")),
        Scenario.ONE_REGION: company(("A", "Wuhan", ""), ("B", "Wuhan", "")),
        Scenario.MULTI_REGION: TWO_REGIONS,
    }
    for scenario, options in OPTIONS.items():
        for option in options:
            plan = plan_for(companies[scenario], option)
            assert plan.scenario is scenario
            if option is not Option.SEPARATE:
                governance = Governance(option) if option in set(Governance) else None
                assert plan == recommend(companies[scenario], governance)


def test_separate_teams_give_every_branch_promotion_service_and_sales() -> None:
    plan = plan_for(TWO_REGIONS, Option.SEPARATE)
    assert shape(plan) == [
        ("group", "group", None, []),
        ("region:Hubei", "region", "group", []),
        ("branch:A", "branch", "region:Hubei", ["promotion", "customer_service", "sales"]),
        ("region:Hunan", "region", "group", []),
        ("branch:B", "branch", "region:Hunan", ["promotion", "customer_service", "sales"]),
        ("branch:C", "branch", "region:Hunan", ["promotion", "customer_service", "sales"]),
    ]
    assert plan.rules == ()


@pytest.mark.parametrize(
    ("branches", "option", "message"),
    [
        ((), Option.SEPARATE, "'separate' is not an option for a company that is no-branches; "
         "expected one of one-head"),
        ((("A", "Wuhan", ""), ("B", "Wuhan", "")), Option.CENTRALIZED,
         "'centralized' is not an option for a company that is one-region; "
         "expected one of separate, unified"),
        ((("A", "Wuhan", ""), ("B", "Hefei", "")), Option.UNIFIED,
         "'unified' is not an option for a company that is multi-region; "
         "expected one of separate, decentralized, centralized"),
    ],
)  # fmt: skip
def test_an_option_the_scenario_does_not_weigh_is_refused(
    branches: tuple[tuple[str, str, str], ...], option: Option, message: str
) -> None:
    with pytest.raises(InputError) as raised:
        plan_for(company(*branches), option)
    assert str(raised.value) == message
    with pytest.raises(InputError) as stated:
        as_is_option(replace(company(*branches), as_is=option))
    assert str(stated.value) == f"as_is: {message}"


def test_the_option_of_today_is_the_profiles() -> None:
    assert as_is_option(TWO_REGIONS) is None
    assert as_is_option(replace(TWO_REGIONS, as_is=Option.SEPARATE)) is Option.SEPARATE


def test_structure_is_every_region_city_and_branch_running_nothing() -> None:
    plan = structure(TWO_REGIONS)
    assert shape(plan) == [
        ("group", "group", None, []),
        ("region:Hubei", "region", "group", []),
        ("city:Hubei/Wuhan", "city", "region:Hubei", []),
        ("branch:A", "branch", "city:Hubei/Wuhan", []),
        ("region:Hunan", "region", "group", []),
        ("city:Hunan/Changsha", "city", "region:Hunan", []),
        ("branch:B", "branch", "city:Hunan/Changsha", []),
        ("branch:C", "branch", "city:Hunan/Changsha", []),
    ]
    assert (plan.scenario, plan.rules) == (Scenario.MULTI_REGION, ())
    # A region the profile does not name is its city, drawn straight under the group.
    unnamed = structure(company(("A", "Wuhan", ""), ("B", "Wuhan", "")))
    assert [unit.id for unit in unnamed.units] == [
        "group",
        "city:Wuhan/Wuhan",
        "branch:A",
        "branch:B",
    ]


def test_ids_keep_ordinary_names_readable() -> None:
    assert (GROUP_ID, region_id("East China"), branch_id("Xihu 西湖")) == (
        "group",
        "region:East China",
        "branch:Xihu 西湖",
    )
    assert city_id("East China", "Hangzhou") == "city:East China/Hangzhou"


@pytest.mark.parametrize(
    ("first", "second"),
    [
        (("A/B", "C"), ("A", "B/C")),
        (("A%2FB", "C"), ("A/B", "C")),
        (("A%", "2F/C"), ("A%2F", "C")),
        (("", "A/B"), ("A", "B")),
    ],
)
def test_city_ids_never_collide(first: tuple[str, str], second: tuple[str, str]) -> None:
    assert city_id(*first) != city_id(*second)


def test_regions_and_cities_whose_names_share_a_slash_get_their_own_units() -> None:
    # Region "A/B" with city "C" and region "A" with city "B/C" once gave "city:A/B/C" twice.
    slashes = company(
        ("1", "C", "A/B"), ("2", "C", "A/B"), ("3", "D", "A/B"),
        ("4", "B/C", "A"), ("5", "B/C", "A"), ("6", "D", "A"),
    )  # fmt: skip
    for plan in (recommend(slashes), structure(slashes), plan_for(slashes, Option.SEPARATE)):
        ids = [unit.id for unit in plan.units]
        assert len(ids) == len(set(ids))
        assert all(unit.parent is None or unit.parent in ids for unit in plan.units)
    plan = recommend(slashes)
    cities = plan.children(region_id("A/B")) + plan.children(region_id("A"))
    assert [(unit.id, unit.name) for unit in cities if unit.level is Level.CITY] == [
        ("city:A%2FB/C", "C"),
        ("city:A/B%2FC", "B/C"),
    ]
    assert region_id("A/B") == "region:A%2FB"
    assert [unit.name for unit in plan.children("city:A/B%2FC")] == ["4", "5"]


def test_a_plan_refuses_two_units_with_one_id_or_a_unit_before_its_parent() -> None:
    group = Unit("group", "ACME", Level.GROUP, None, ())
    with pytest.raises(ValueError, match="two units of the plan have the id 'group'"):
        Plan("ACME", Scenario.NO_BRANCHES, None, (group, group), ())
    branch = Unit("branch:A", "A", Level.BRANCH, "group", (Function.SALES,))
    with pytest.raises(ValueError, match="'branch:A' comes before its parent 'group'"):
        Plan("ACME", Scenario.ONE_REGION, None, (branch, group), ())


def test_a_plan_indexes_its_units_once() -> None:
    # Looking a unit or its children up never walks the units again.
    plan = recommend(TWO_REGIONS)
    units = Walked(plan.units)
    indexed = Plan(plan.company, plan.scenario, plan.governance, units, plan.rules)
    assert units.walks == 1
    for unit in plan.units * 100:
        assert indexed.unit(unit.id) == unit
        assert indexed.children(unit.id) == plan.children(unit.id)
    assert indexed.children(None) == (plan.unit("group"),)
    assert indexed.children("branch:A") == ()
    assert units.walks == 1
    with pytest.raises(KeyError):
        indexed.unit("branch:Nobody")


def test_plans_visit_each_branch_a_fixed_number_of_times() -> None:
    def visits(regions: int, cities: int, per_city: int) -> int:
        branches = Walked(
            Branch(f"R{region}C{city}B{number}", f"City {city}", f"Region {region}")
            for region in range(regions)
            for city in range(cities)
            for number in range(per_city)
        )
        chain = Company("Chain", branches)
        for governance in Governance:
            recommend(chain, governance)
        plan_for(chain, Option.SEPARATE)
        structure(chain)
        return branches.walks

    assert visits(2, 2, 2) == visits(30, 6, 12)
