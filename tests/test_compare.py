"""Comparing the options: pooled queues, managers, cost, friction, profiles and the command."""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from orgkb.compare import (
    Assumptions,
    compare,
    friction_pairs,
    inquiries_per_hour,
    inquiries_per_month,
    management,
)
from orgkb.errors import InputError
from orgkb.model import Branch, Company, Option, Salaries
from orgkb.plan import Scenario, plan_for, recommend
from orgkb.profile import load_company
from orgkb.staffing import ServiceTarget, staff
from tests.helpers import Walked, run_orgkb, write_file

PAY = Salaries(agent=6000, promoter=9000, support=8000, manager=14000)


def four_branches(**company: object) -> Company:
    branches = tuple(Branch(name, "Wuhan", inquiries_per_hour=50) for name in "ABCD")
    return Company("Four", branches, **company)  # type: ignore[arg-type]


def two_regions(**company: object) -> Company:
    branches = (
        Branch("A", "Wuhan", region="Central", inquiries_per_month=9000),
        Branch("B", "Wuhan", region="Central", inquiries_per_month=6000, projects=("villas",)),
        Branch("C", "Changsha", region="Central", inquiries_per_month=3000),
        Branch("D", "Guangzhou", region="South", inquiries_per_month=12000),
        Branch("E", "Shenzhen", region="South", inquiries_per_month=6000),
    )
    return Company("Metro", branches, **company)  # type: ignore[arg-type]


def test_four_branches_pool_twenty_agents_into_fourteen() -> None:
    comparison = compare(four_branches())
    separate = comparison.outcome(Option.SEPARATE)
    unified = comparison.outcome(Option.UNIFIED)
    assert comparison.scenario is Scenario.ONE_REGION
    assert comparison.as_is is Option.SEPARATE
    assert (separate.agents, unified.agents) == (20, 14)
    assert (separate.customer_service_teams, unified.customer_service_teams) == (4, 1)
    assert comparison.difference(Option.UNIFIED)["rostered_agents"] == -6
    assert comparison.difference(Option.SEPARATE)["headcount"] == 0


def test_separate_promotion_in_one_city_is_friction_unified_is_not() -> None:
    comparison = compare(four_branches())
    assert len(comparison.outcome(Option.SEPARATE).friction_pairs) == 6
    assert comparison.outcome(Option.UNIFIED).friction_pairs == ()


def test_friction_needs_a_common_project() -> None:
    trio = Company(
        "Trio",
        (
            Branch("A", "Wuhan", projects=("villas",)),
            Branch("B", "Wuhan", projects=("flats",)),
            Branch("C", "Changsha"),
        ),
    )
    # A and B share no project; C is in another city.
    assert compare(trio).outcome(Option.SEPARATE).friction_pairs == ()
    duo = Company("Duo", trio.branches[:2])
    assert friction_pairs(duo, plan_for(duo, Option.SEPARATE)) == ()


def test_friction_pairs_come_in_profile_order_across_cities() -> None:
    company = Company(
        "Mixed",
        tuple(Branch(name, city) for name, city in zip("ABCDE", "XYXYX", strict=True)),
    )
    assert friction_pairs(company, plan_for(company, Option.SEPARATE)) == (
        ("A", "C"),
        ("A", "E"),
        ("B", "D"),
        ("C", "E"),
    )


def test_headcount_adds_up_and_costs_follow_salaries() -> None:
    comparison = compare(two_regions(salaries=PAY))
    for outcome in comparison.outcomes:
        assert outcome.rostered_agents is not None and outcome.managers is not None
        parts = (outcome.rostered_agents, outcome.promoters, outcome.support_staff)
        assert outcome.headcount == sum(parts) + outcome.managers
        expected = (
            outcome.rostered_agents * PAY.agent
            + outcome.promoters * PAY.promoter
            + outcome.support_staff * PAY.support
            + outcome.managers * PAY.manager
        )
        assert outcome.labour_cost == expected


def test_no_salaries_no_cost() -> None:
    comparison = compare(two_regions())
    assert all(outcome.labour_cost is None for outcome in comparison.outcomes)
    assert comparison.difference(Option.CENTRALIZED)["labour_cost"] is None


def test_several_regions_weigh_three_options() -> None:
    comparison = compare(two_regions())
    assert [outcome.option for outcome in comparison.outcomes] == [
        Option.SEPARATE,
        Option.DECENTRALIZED,
        Option.CENTRALIZED,
    ]
    separate, decentralized, centralized = comparison.outcomes
    assert [o.customer_service_teams for o in comparison.outcomes] == [5, 2, 1]
    assert [o.promotion_teams for o in comparison.outcomes] == [5, 2, 1]
    # Both recommended models add the support unit; the decentralized group also coordinates.
    assert [o.support_staff for o in comparison.outcomes] == [0, 4, 2]
    assert len(separate.friction_pairs) == 1
    assert decentralized.friction_pairs == centralized.friction_pairs == ()
    assert centralized.agents is not None and decentralized.agents is not None
    assert separate.agents is not None
    assert centralized.agents <= decentralized.agents <= separate.agents


def test_centralized_queue_pools_every_branch() -> None:
    assumptions = Assumptions()
    company = two_regions()
    (queue,) = [
        d.queue
        for d in compare(company).outcome(Option.CENTRALIZED).departments
        if d.queue is not None
    ]
    total = sum(inquiries_per_hour(branch, assumptions) for branch in company.branches)
    assert queue.arrivals_per_hour == pytest.approx(total)
    assert queue.agents == staff(total).agents


def test_same_city_across_regions_is_friction_when_decentralized() -> None:
    company = Company(
        "Border",
        (
            Branch("A", "Wuhan", region="North", inquiries_per_hour=5),
            Branch("B", "Wuhan", region="South", inquiries_per_hour=5),
        ),
    )
    comparison = compare(company)
    assert comparison.outcome(Option.DECENTRALIZED).friction_pairs == (("A", "B"),)
    assert comparison.outcome(Option.CENTRALIZED).friction_pairs == ()


def test_as_is_from_the_profile() -> None:
    comparison = compare(two_regions(as_is=Option.DECENTRALIZED))
    assert comparison.as_is is Option.DECENTRALIZED
    assert comparison.difference(Option.DECENTRALIZED)["headcount"] == 0
    separate = comparison.difference(Option.SEPARATE)["headcount"]
    assert separate is not None and separate > 0


def test_as_is_must_be_an_option_of_the_scenario() -> None:
    with pytest.raises(InputError, match="as_is: 'unified' is not an option") as raised:
        compare(two_regions(as_is=Option.UNIFIED))
    assert raised.value.field == "as_is"


def test_a_company_without_branches_has_one_option() -> None:
    solo = Company("Solo", (Branch("A", "Wuhan", inquiries_per_hour=20),))
    comparison = compare(solo)
    (outcome,) = comparison.outcomes
    assert outcome.option is Option.ONE_HEAD
    assert outcome.agents == staff(20).agents
    assert outcome.friction_pairs == ()


def test_without_volumes_queues_are_not_sized() -> None:
    comparison = compare(Company("Duo", (Branch("A", "Wuhan"), Branch("B", "Wuhan"))))
    assert not comparison.sized
    for outcome in comparison.outcomes:
        assert (outcome.agents, outcome.managers, outcome.headcount) == (None, None, None)
    assert len(comparison.outcome(Option.SEPARATE).friction_pairs) == 1


def test_volumes_for_some_branches_only_are_refused() -> None:
    company = Company("Duo", (Branch("A", "Wuhan", inquiries_per_hour=5), Branch("B", "Wuhan")))
    with pytest.raises(InputError, match=r"branches\[1\]: 'B' gives no inquiry volume"):
        compare(company)


def test_monthly_volume_becomes_a_busy_hour() -> None:
    branch = Branch("A", "Wuhan", inquiries_per_month=6000)
    assert inquiries_per_hour(branch, Assumptions()) == pytest.approx(6000 / 30 * 0.1)
    assert inquiries_per_hour(branch, Assumptions(busy_hour_factor=0.2)) == pytest.approx(40)


def test_profile_values_replace_defaults_and_overrides_replace_both() -> None:
    target = ServiceTarget(handle_time=300, service_level=0.9)
    company = four_branches(service_target=target, span_of_control=12, busy_hour_factor=0.15)
    assumptions = Assumptions.for_company(company, span_of_control=5)
    assert (assumptions.target, assumptions.span_of_control) == (target, 5)
    assert assumptions.busy_hour_factor == 0.15
    with pytest.raises(InputError, match="not an assumption"):
        Assumptions.for_company(company, spam=1)


@pytest.mark.parametrize(
    ("bad", "expected"),
    [
        ({"span_of_control": 1}, "a whole number of 2 or more"),
        ({"span_of_control": 7.5}, "a whole number of 2 or more"),
        ({"busy_hour_factor": 0}, "a number above 0 and at most 1"),
        ({"busy_hour_factor": 1.5}, "a number above 0 and at most 1"),
        ({"days_per_month": 0}, "a number of 1 or more and at most 31"),
        ({"days_per_month": 1e308}, "a number of 1 or more and at most 31"),
        ({"leads_per_promoter": math.nan}, "a number of 1 or more"),
        ({"leads_per_promoter": 1e-310}, "a number of 1 or more"),
        ({"promotion_minimum": 0}, "a whole number of 1 or more"),
        ({"support_team": -1}, "a whole number of 0 or more"),
        ({"support_team": math.inf}, "a whole number of 0 or more"),
        ({"coordination_team": 10**400}, "a whole number of 0 or more"),
    ],
)
def test_impossible_assumptions_are_refused(bad: dict[str, float], expected: str) -> None:
    with pytest.raises(InputError, match=f"expected {expected}") as raised:
        Assumptions(**bad)  # type: ignore[arg-type]
    assert raised.value.field == next(iter(bad))


def test_every_number_assumption_has_its_limits() -> None:
    numbers = {
        name for name, value in vars(Assumptions()).items() if isinstance(value, int | float)
    }
    assert set(Assumptions.LIMITS) == numbers


def test_a_tiny_busy_hour_is_refused_before_it_overflows() -> None:
    # 1e-310 is a number above 0, as the busy-hour factor must be; a month of such busy hours
    # would be infinite, and the promotion team with it.
    company = four_branches(busy_hour_factor=1e-310)
    with pytest.raises(InputError) as raised:
        compare(company)
    assert str(raised.value) == (
        "branches[0]: 'A' gives 50 inquiries an hour, which with a busy hour of 1e-310 of the "
        "day's make more than 1e+12 a month"
    )
    with pytest.raises(InputError):
        inquiries_per_month(company.branches[0], Assumptions(busy_hour_factor=1e-310))
    # A small factor that keeps the volumes finite is sized as any other.
    small = compare(four_branches(busy_hour_factor=1e-6))
    assert small.outcome(Option.UNIFIED).promoters == math.ceil(4 * 50 / 1e-6 * 30 / 1500)


def test_branch_volumes_and_salaries_keep_their_limits() -> None:
    with pytest.raises(InputError, match="capacity: expected a number above 0"):
        Branch("A", "Wuhan", capacity=0)
    with pytest.raises(InputError, match="inquiries_per_hour: expected a number of 0 or more"):
        Branch("A", "Wuhan", inquiries_per_hour=1e300)
    with pytest.raises(InputError, match="agent: expected a number of 0 or more"):
        Salaries(agent=1e308, promoter=1, support=1, manager=1)


def test_branch_names_are_unique() -> None:
    with pytest.raises(InputError) as raised:
        Company("Twice", (Branch("A", "Wuhan"), Branch("B", "Wuhan"), Branch("A", "Hefei")))
    assert str(raised.value) == "branches[2].name: 'A' is already the name of branches[0]"


@settings(max_examples=200, deadline=None)
@given(staff_count=st.integers(min_value=0, max_value=100_000), span=st.integers(2, 20))
def test_management_hierarchy(staff_count: int, span: int) -> None:
    managers, layers = management(staff_count, span)
    if staff_count == 0:
        assert (managers, layers) == (0, 0)
        return
    # Each layer leads at most span people of the layer below, and the top is one head.
    below = staff_count
    for _ in range(layers):
        below = math.ceil(below / span)
    assert below == 1
    assert managers >= math.ceil(staff_count / span)
    assert layers == 1 or math.ceil(staff_count / span ** (layers - 1)) > 1


@settings(max_examples=150, deadline=None)
@given(
    loads=st.lists(st.floats(min_value=0.5, max_value=400), min_size=2, max_size=8),
    level=st.sampled_from([0.5, 0.8, 0.9, 0.95]),
)
def test_pooling_never_needs_more_agents(loads: list[float], level: float) -> None:
    target = ServiceTarget(service_level=level)
    separate = sum(staff(load, target).agents for load in loads)
    assert staff(sum(loads), target).agents <= separate


branch_strategy = st.builds(
    lambda city, region, projects, volume: (city, region, projects, volume),
    st.sampled_from(["Wuhan", "Changsha", "Hefei"]),
    st.sampled_from(["", "North", "South"]),
    st.lists(st.sampled_from(["flats", "villas", "offices"]), max_size=2, unique=True),
    st.floats(min_value=0, max_value=400),
)


@settings(max_examples=150, deadline=None)
@given(
    branches=st.lists(branch_strategy, min_size=1, max_size=9),
    span=st.integers(min_value=2, max_value=15),
)
def test_any_company_compares(branches: list[tuple[str, str, list[str], float]], span: int) -> None:
    company = Company(
        "Any",
        tuple(
            Branch(f"B{index}", city, region, tuple(projects), inquiries_per_hour=volume)
            for index, (city, region, projects, volume) in enumerate(branches)
        ),
        span_of_control=span,
        salaries=PAY,
    )
    comparison = compare(company)
    assert comparison.outcomes[0].option is comparison.as_is
    agents = []
    for outcome in comparison.outcomes:
        assert outcome.headcount is not None and outcome.managers is not None
        assert outcome.rostered_agents is not None and outcome.agents is not None
        parts = outcome.rostered_agents + outcome.promoters + outcome.support_staff
        assert outcome.headcount == parts + outcome.managers
        assert outcome.labour_cost is not None and outcome.labour_cost >= 0
        agents.append(outcome.agents)
    # Each option pools the queues of the one before it: agents never rise.
    assert agents == sorted(agents, reverse=True)
    assert comparison.outcomes[-1].friction_pairs == ()


def test_a_load_too_large_is_one_line(tmp_path: Path) -> None:
    path = write_file(
        tmp_path,
        "huge.yaml",
        "company: Huge\nbranches:\n  - {name: A, city: Wuhan, inquiries_per_hour: 1e9}\n",
    )
    status, _, err = run_orgkb("compare", str(path))
    assert status == 2
    assert err.count("\n") == 1 and "at most 1,000,000 Erlangs" in err


def test_an_occupancy_cap_too_low_to_staff_is_one_line(tmp_path: Path) -> None:
    # Load over occupancy: 1e-300 would ask for 1e300 agents, one recursion step each.
    for cap in ("1e-8", "1e-300", "1e-310"):
        path = write_file(
            tmp_path,
            "capped.yaml",
            PROFILE.replace("shrinkage: 0.3}", f"shrinkage: 0.3, max_occupancy: {cap}}}"),
        )
        status, out, err = run_orgkb("compare", str(path))
        assert (status, out) == (2, "")
        assert err.startswith(f"orgkb: {path}: service_target.max_occupancy: customer service of ")
        assert err.count("\n") == 1 and "needs more than 1,000,000 agents" in err


def test_branch_visits_do_not_grow_with_the_company() -> None:
    # A comparison visits every branch a fixed number of times, whatever the company's size:
    # no branch is looked for among the others, nor a unit among the units.
    def visits(regions: int, cities: int, per_city: int) -> int:
        branches = Walked(
            Branch(
                f"R{region}C{city}B{number}",
                f"City {region}-{city}",
                f"Region {region}",
                inquiries_per_hour=5,
            )
            for region in range(regions)
            for city in range(cities)
            for number in range(per_city)
        )
        compare(Company("Chain", branches))
        return branches.walks

    assert visits(2, 2, 2) == visits(20, 5, 10)


def test_unified_plan_is_the_recommendation() -> None:
    company = four_branches()
    assert compare(company).outcome(Option.UNIFIED).plan == recommend(company)


# Profiles and the command line.


PROFILE = """\
company: Metro
service_target: {aht: 240, answer_within: 30, service_level: 0.85, shrinkage: 0.3}
salaries: {agent: 6000, promoter: 9000, support: 8000, manager: 14000}
span_of_control: 10
busy_hour_factor: 0.12
as_is: decentralized
branches:
  - {name: A, city: Wuhan, region: Central, inquiries_per_month: 9000}
  - {name: B, city: Changsha, region: Central, inquiries_per_hour: 20}
  - {name: C, city: Guangzhou, region: South, inquiries_per_month: 12000}
"""


def test_profile_fields_are_read(tmp_path: Path) -> None:
    company = load_company(write_file(tmp_path, "metro.yaml", PROFILE))
    assert company.service_target == ServiceTarget(240, 30, 0.85, 0.3)
    assert company.salaries == PAY
    assert (company.span_of_control, company.busy_hour_factor) == (10, 0.12)
    assert company.as_is is Option.DECENTRALIZED
    assert company.branches[0].inquiries_per_month == 9000
    assert company.branches[1].inquiries_per_hour == 20


def test_csv_profile_gives_volumes(tmp_path: Path) -> None:
    path = write_file(
        tmp_path, "duo.csv", "name,city,inquiries_per_hour\nA,Wuhan,12.5\nB,Wuhan,7\n"
    )
    company = load_company(path)
    assert [branch.inquiries_per_hour for branch in company.branches] == [12.5, 7]


@pytest.mark.parametrize(
    ("line", "replacement", "message"),
    [
        (2, "service_target: {aht: 240, service_level: 80}", ":2: service_target.service_level:"),
        (2, "service_target: {aht: 240, wait: 30}", ":2: service_target.wait: unknown field"),
        (3, "salaries: {agent: 6000, promoter: 9000, manager: 14000}", ":3: salaries.support:"),
        (4, "span_of_control: 1", ":4: span_of_control: expected a whole number of 2 or more"),
        (4, "span_of_control: 7.5", ":4: span_of_control: expected a whole number"),
        (5, "busy_hour_factor: 2", ":5: busy_hour_factor: expected a number above 0 and at most 1"),
        (6, "as_is: sideways", ":6: as_is: expected one of separate, unified"),
        (
            8,
            "  - {name: A, city: Wuhan, inquiries_per_hour: 3, inquiries_per_month: 9}",
            ":8: branches[0].inquiries_per_month: give inquiries_per_hour or",
        ),
        (9, "  - {name: B, city: Changsha, inquiries_per_hour: lots}", "inquiries_per_hour:"),
        (
            9,
            "  - {name: B, city: Changsha, inquiries_per_hour: -4}",
            "expected a number of 0 or more",
        ),
    ],
)
def test_bad_profile_fields_name_line_and_field(
    tmp_path: Path, line: int, replacement: str, message: str
) -> None:
    lines = PROFILE.splitlines()
    lines[line - 1] = replacement
    path = write_file(tmp_path, "metro.yaml", "\n".join(lines) + "\n")
    with pytest.raises(InputError) as raised:
        load_company(path)
    assert message in str(raised.value)
    assert "\n" not in str(raised.value)


def test_command_json(tmp_path: Path) -> None:
    path = write_file(tmp_path, "metro.yaml", PROFILE)
    status, out, err = run_orgkb("compare", str(path), "--format", "json")
    assert (status, err) == (0, "")
    document = json.loads(out)
    assert document["as_is"] == "decentralized"
    assert document["assumptions"]["span_of_control"] == 10
    options = {option["option"]: option for option in document["options"]}
    assert set(options) == {"separate", "decentralized", "centralized"}
    assert options["decentralized"]["difference"]["headcount"] == 0
    keys = {
        "customer_service_teams",
        "agents",
        "rostered_agents",
        "managers",
        "management_layers",
        "average_span_of_control",
        "headcount",
        "labour_cost",
        "difference",
        "same_city_friction",
        "friction_pairs",
    }
    assert keys <= set(options["centralized"])
    comparison = compare(load_company(path))
    assert options["centralized"]["headcount"] == comparison.outcome(Option.CENTRALIZED).headcount


def test_command_text(tmp_path: Path) -> None:
    path = write_file(tmp_path, "metro.yaml", PROFILE)
    status, out, _ = run_orgkb("compare", str(path))
    assert status == 0
    assert out.splitlines()[0] == "Metro: multi-region, 3 branches; as is: decentralized"
    assert "decentralized*" in out.splitlines()[1]


def test_command_assumption_options(tmp_path: Path) -> None:
    path = write_file(tmp_path, "metro.yaml", PROFILE)
    _, out, _ = run_orgkb("compare", str(path), "--format", "json", "--support-team", "5")
    document = json.loads(out)
    assert document["assumptions"]["support_team"] == 5
    assert document["options"][2]["support_staff"] == 5


@pytest.mark.parametrize(
    ("profile", "extra", "message"),
    [
        (
            PROFILE,
            ("--support-team", "two"),
            "orgkb: --support-team: expected a whole number of 0 or more, got text ('two')",
        ),
        (PROFILE, ("--support-team", "2.5"), "orgkb: --support-team: expected a whole number"),
        (
            PROFILE,
            ("--days-per-month", "0"),
            "orgkb: --days-per-month: expected a number of 1 or more and at most 31, got text ('0')",
        ),
        (
            PROFILE,
            ("--days-per-month", "1e308"),
            "orgkb: --days-per-month: expected a number of 1 or more and at most 31, got text ('1e308')",
        ),
        (
            PROFILE,
            ("--leads-per-promoter", "1e-310"),
            "orgkb: --leads-per-promoter: expected a number of 1 or more, got text ('1e-310')",
        ),
        (
            PROFILE,
            ("--support-team", "1e400"),
            "orgkb: --support-team: expected a whole number of 0 or more, got text ('1e400')",
        ),
        (
            PROFILE.replace("as_is: decentralized", "as_is: unified"),
            (),
            "metro.yaml: as_is: 'unified' is not an option",
        ),
        (
            PROFILE.replace(", inquiries_per_hour: 20", ""),
            (),
            "metro.yaml: branches[1]: 'B' gives no inquiry volume",
        ),
    ],
)
def test_command_errors_are_one_line(
    tmp_path: Path, profile: str, extra: tuple[str, ...], message: str
) -> None:
    path = write_file(tmp_path, "metro.yaml", profile)
    status, out, err = run_orgkb("compare", str(path), *extra)
    assert (status, out) == (2, "")
    assert err.count("\n") == 1
    assert message in err
