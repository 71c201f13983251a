"""The move from today's organisation: phases, steps, conservation, costs and the command."""

from __future__ import annotations

import csv
import io
import itertools
import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from orgkb.compare import Assumptions, compare
from orgkb.errors import InputError
from orgkb.model import Branch, Company, Function, Option, Salaries, Staffed
from orgkb.plan import GROUP_ID, OPTIONS, branch_id, city_id, classify, plan_for, region_id
from orgkb.profile import load_company
from orgkb.render import phase_reason, phase_title
from orgkb.transition import (
    MoveCosts,
    PhaseName,
    State,
    Transition,
    department_pay,
    known_units,
    transition,
)
from tests.helpers import EXAMPLES, run_orgkb, write_file

PAY = Salaries(agent=7000, promoter=11000, support=10000, manager=16000)
TODAY = EXAMPLES / "transition" / "huaxia-today.yaml"
FOUR = EXAMPLES / "staffing" / "four-branches.yaml"
TWO_REGIONS = EXAMPLES / "staffing" / "two-regions.yaml"
SERVED = (Function.PROMOTION, Function.CUSTOMER_SERVICE, Function.SALES)


def runner(state: State, branch: str, function: Function) -> str | None:
    """The unit that runs *function* for the branch: the branch's or one above it, if any."""
    plan = state.plan
    unit: str | None = (
        branch_id(branch) if branch_id(branch) in {u.id for u in plan.units} else GROUP_ID
    )
    while unit is not None:
        if function in plan.unit(unit).functions:
            return unit
        unit = plan.unit(unit).parent
    return None


def serves(state: State, branch: str, function: Function) -> bool:
    """Whether some unit runs *function* for the branch."""
    return runner(state, branch, function) is not None


def check_move(company: Company, move: Transition) -> None:
    """Every promise of a move, for any company and any target."""
    # Headcount is conserved through every phase, function by function.
    states = [move.before, *(phase.after for phase in move.phases)]
    for phase, before in zip(move.phases, states, strict=False):
        assert phase.before == before
        assert phase.before.total + phase.hired - phase.released == phase.after.total
        for function in Function:
            steps = [step for step in phase.steps if step.function is function]
            had = sum(n for (_, f), n in phase.before.headcount.items() if f is function)
            has = sum(n for (_, f), n in phase.after.headcount.items() if f is function)
            hired = sum(step.people for step in steps if step.source is None)
            released = sum(step.people for step in steps if step.target is None)
            assert had + hired - released == has
        for step in phase.steps:
            assert step.people > 0 and step.source != step.target
            assert step.source is not None or step.target is not None
        # People follow the work: no team is released while a unit that takes over its
        # branches hires for the same function.
        for function in Function:
            released = {s.source for s in phase.steps if s.function is function and not s.target}
            hired = {s.target for s in phase.steps if s.function is function and not s.source}
            for branch in company.branches:
                handed = (
                    runner(phase.before, branch.name, function),
                    runner(phase.after, branch.name, function),
                )
                assert not (handed[0] in released and handed[1] in hired), (branch.name, handed)
    assert move.before.total + move.hired - move.released == move.after.total
    assert states[-1] == move.after
    # Every step's units exist before the move or after it.
    if company.today:
        before_units = {entry.unit for entry in company.today}
        before_units |= {GROUP_ID, *(branch_id(b.name) for b in company.branches)}
    else:
        today = plan_for(company, move.source or OPTIONS[classify(company)][0])
        before_units = {unit.id for unit in today.units}
    after_units = {unit.id for unit in plan_for(company, move.target).units}
    for phase in move.phases:
        for step in phase.steps:
            for unit in (step.source, step.target):
                assert unit is None or unit in before_units | after_units
    # No phase leaves a function without an owner: what a branch was served with it still is,
    # and what the target keeps stays run somewhere.
    kept = {f for unit in plan_for(company, move.target).units for f in unit.functions}
    for earlier, later in itertools.pairwise(states):
        for branch in company.branches:
            for function in SERVED:
                if serves(earlier, branch.name, function):
                    assert serves(later, branch.name, function), (branch.name, function)
        for function in kept:
            if any(function in unit.functions for unit in earlier.plan.units):
                assert any(function in unit.functions for unit in later.plan.units)
    # The end is the comparison's target, to the person and to the yuan.
    comparison = compare(company)
    target = comparison.outcome(move.target)
    assert move.after.total == target.headcount
    if not company.today:
        assert move.before.total == comparison.outcome(comparison.as_is).headcount
        if target.labour_cost is not None:
            difference = comparison.difference(move.target)["labour_cost"]
            assert move.monthly_saving == pytest.approx(-(difference or 0))


def test_four_branches_unify_in_two_phases() -> None:
    company = load_company(FOUR)
    move = transition(company)
    assert move.source is Option.SEPARATE and move.target is Option.UNIFIED
    assert [phase.name for phase in move.phases] == [PhaseName.SERVICE_POOLS, PhaseName.PROMOTION]
    assert (move.before.total, move.after.total, move.hired, move.released) == (112, 83, 0, 29)
    service = move.phases[0]
    assert {step.function for step in service.steps} == {Function.CUSTOMER_SERVICE}
    assert {step.target for step in service.steps} == {GROUP_ID, None}
    assert service.rules == (
        "one-region.unify-promotion-and-service",
        "one-region.dispatch-leads-by-project-and-workload",
    )
    check_move(company, move)


def test_a_group_that_is_to_answer_every_region_pools_each_region_first() -> None:
    company = Company(
        "Tri",
        tuple(
            Branch(f"{region}{n}", f"{region}-city{n % 2}", region, inquiries_per_month=2000)
            for region in "ABC"
            for n in range(4)
        ),
        salaries=PAY,
    )
    move = transition(company)
    names = [phase.name for phase in move.phases]
    assert names == [
        PhaseName.SERVICE_POOLS,
        PhaseName.PROMOTION,
        PhaseName.SUPPORT,
        PhaseName.SERVICE_TO_GROUP,
    ]
    pools = {step.target for step in move.phases[0].steps if step.target}
    assert pools == {region_id(region) for region in "ABC"}
    last = {step.target for step in move.phases[-1].steps if step.target}
    assert last == {GROUP_ID}
    assert move.phases[2].rules == ("multi-region.group-support-unit",)
    check_move(company, move)


def test_decentralized_to_centralized_ends_the_coordination() -> None:
    company = load_company(TWO_REGIONS)
    move = transition(company)
    assert move.source is Option.DECENTRALIZED
    assert [phase.name for phase in move.phases] == [
        PhaseName.PROMOTION,
        PhaseName.SERVICE_TO_GROUP,
        PhaseName.COORDINATION_ENDS,
    ]
    ended = move.phases[-1].steps
    assert [(s.function, s.source, s.target) for s in ended] == [
        (Function.COORDINATION, GROUP_ID, None)
    ]
    check_move(company, move)


def test_today_given_unit_by_unit() -> None:
    company = load_company(TODAY)
    move = transition(company)
    assert move.source is None
    given = sum(entry.headcount or 0 for entry in company.today)
    modelled_desks = move.before.total - given
    # East China's four branch desks are modelled; everything else is as the profile says.
    assert modelled_desks == sum(
        n
        for (unit, f), n in move.before.headcount.items()
        if unit.startswith("branch:") and f is Function.CUSTOMER_SERVICE
    )
    assert move.before.headcount[("region:South China", Function.CUSTOMER_SERVICE)] == 17
    # South China's queue is kept as it is on the way and sized by the model at the group.
    first = move.phases[0]
    assert first.after.headcount[("region:South China", Function.CUSTOMER_SERVICE)] == 17
    assert not any(
        step.target is None and step.source == "region:South China" for step in first.steps
    )
    assert move.after.total == compare(company).outcome(Option.CENTRALIZED).headcount == 65
    check_move(company, move)


def test_the_costs_follow_the_steps() -> None:
    company = load_company(FOUR)
    costs = MoveCosts(
        severance_months=1,
        years_of_service=2.5,
        recruitment_months=2,
        training_weeks=0,
        retraining_weeks=0,
        overlap_months=0,
    )
    move = transition(company, costs=costs)
    assert move.one_time is not None
    assert (move.one_time.recruitment, move.one_time.training, move.one_time.side_by_side) == (
        0,
        0,
        0,
    )
    # Every released person gets 3 months' pay (2.5 years count as 3).
    pays = [
        department_pay(
            step.function, phase.before.headcount[step.source, step.function], company.salaries, 8
        )
        / phase.before.headcount[step.source, step.function]  # type: ignore[arg-type, index]
        for phase in move.phases
        for step in phase.steps
        if step.target is None
    ]
    released = [step.people for phase in move.phases for step in phase.steps if step.target is None]
    assert move.one_time.severance == pytest.approx(
        3 * sum(p * n for p, n in zip(pays, released, strict=True))
    )
    assert move.payback_months == pytest.approx(move.one_time.total / (move.monthly_saving or 1))


def test_severance_counts_years_as_the_labour_contract_law_does() -> None:
    assert [MoveCosts(years_of_service=y).severance() for y in (0, 0.2, 0.5, 1, 1.4, 1.5, 10)] == [
        0,
        0.5,
        1,
        1,
        1.5,
        2,
        10,
    ]
    assert MoveCosts(severance_months=2, years_of_service=3).severance() == 6
    with pytest.raises(InputError, match="years_of_service: expected a number of 0 or more"):
        MoveCosts(years_of_service=-1)


def test_a_department_costs_what_the_comparison_says() -> None:
    company = load_company(FOUR)
    comparison = compare(company)
    for outcome in comparison.outcomes:
        total = sum(
            department_pay(d.function, d.headcount, company.salaries, 8)  # type: ignore[arg-type]
            for d in outcome.departments
        )
        assert total == outcome.labour_cost


def test_the_head_office_takes_over_the_single_branchs_teams() -> None:
    # A company without branches whose one branch runs promotion and service today: the head
    # office takes them over, and their people with them.
    company = Company(
        "Solo",
        (Branch("Main", "Chengdu", inquiries_per_month=6000),),
        salaries=PAY,
        today=(
            Staffed("branch:Main", Function.PROMOTION, 5),
            Staffed("branch:Main", Function.CUSTOMER_SERVICE, 20),
        ),
    )
    move = transition(company)
    steps = [(s.function, s.source, s.target, s.people) for p in move.phases for s in p.steps]
    assert steps == [
        (Function.CUSTOMER_SERVICE, "branch:Main", GROUP_ID, 8),
        (Function.CUSTOMER_SERVICE, "branch:Main", None, 12),
        (Function.PROMOTION, "branch:Main", GROUP_ID, 5),
        (Function.PROMOTION, None, GROUP_ID, 1),
    ]
    check_move(company, move)


def test_no_move_when_today_is_the_target() -> None:
    company = load_company(FOUR)
    move = transition(company, Option.SEPARATE)
    assert move.phases == ()
    assert move.before == move.after
    assert move.payback_months is None


def test_a_target_the_scenario_does_not_weigh_is_refused() -> None:
    with pytest.raises(InputError, match="'centralized' is not an option"):
        transition(load_company(FOUR), Option.CENTRALIZED)


def test_today_must_name_units_the_company_has(tmp_path: Path) -> None:
    company = Company(
        "Duo",
        (Branch("A", "Wuhan"), Branch("B", "Wuhan")),
        today=(Staffed("region:Hubei", Function.PROMOTION),),
    )
    with pytest.raises(InputError, match="unknown unit id 'region:Hubei'") as raised:
        transition(company)
    assert raised.value.field == "today.region:Hubei"
    assert list(known_units(company)) == [
        "group",
        "region:Wuhan",
        "city:Wuhan/Wuhan",
        "branch:A",
        "branch:B",
    ]
    profile = (
        "company: C\ntoday:\n  region:Wuhn: [promotion]\nbranches:\n  - {name: A, city: Wuhan}\n"
    )
    path = write_file(tmp_path, "p.yaml", profile)
    with pytest.raises(InputError) as raised:
        load_company(path)
    assert str(raised.value) == (
        f"{path}:3: today.region:Wuhn: unknown unit id 'region:Wuhn' (did you mean 'region:Wuhan'?)"
    )


@pytest.mark.parametrize(
    ("today", "message"),
    [
        (
            "  group: [promotoin]",
            "3: today.group[0]: unknown function 'promotoin' (did you mean 'promotion'?)",
        ),
        (
            "  group: {promotion: -2}",
            "3: today.group.promotion: expected a whole number of 0 or more",
        ),
        (
            "  group: {promotion: 2.5}",
            "3: today.group.promotion: expected a whole number of 0 or more",
        ),
        ("  group: [promotion, promotion]", "3: today.group[1]: promotion is listed twice"),
        ("  group: promotion", "3: today.group: expected a list of functions or a mapping"),
        ("  - group", "2: today: expected a mapping of unit ids to their functions"),
    ],
)
def test_bad_today_names_its_line_and_field(tmp_path: Path, today: str, message: str) -> None:
    path = write_file(
        tmp_path, "p.yaml", f"company: C\ntoday:\n{today}\nbranches:\n  - {{name: A, city: W}}\n"
    )
    with pytest.raises(InputError) as raised:
        load_company(path)
    assert str(raised.value).startswith(f"{path}:{message}")


BRANCHES = st.lists(
    st.tuples(
        st.sampled_from(["Wuhan", "Changsha", "Hangzhou", "Suzhou"]),
        st.sampled_from(["", "Central", "East"]),
        st.floats(min_value=0, max_value=300),
    ),
    min_size=1,
    max_size=8,
)


def company_of(branches: list[tuple[str, str, float]], **fields: object) -> Company:
    return Company(
        "Any",
        tuple(
            Branch(f"B{index}", city, region, inquiries_per_hour=volume)
            for index, (city, region, volume) in enumerate(branches)
        ),
        salaries=PAY,
        **fields,  # type: ignore[arg-type]
    )


@settings(max_examples=120)
@given(branches=BRANCHES, data=st.data())
def test_any_move_between_options_keeps_its_promises(
    branches: list[tuple[str, str, float]], data: st.DataObject
) -> None:
    plain = company_of(branches)
    options = OPTIONS[classify(plain)]
    company = company_of(branches, as_is=data.draw(st.sampled_from(options)))
    move = transition(company, data.draw(st.sampled_from(options)))
    check_move(company, move)


@settings(max_examples=150)
@given(branches=BRANCHES, data=st.data())
def test_any_move_from_any_today_keeps_its_promises(
    branches: list[tuple[str, str, float]], data: st.DataObject
) -> None:
    plain = company_of(branches)
    known = list(known_units(plain))
    today: list[Staffed] = []
    headcount = st.one_of(st.none(), st.integers(0, 40))
    for branch in plain.branches:
        # Each branch served by its own unit or one above it, or by none.
        chain = [
            branch_id(branch.name),
            city_id(branch.region, branch.city),
            region_id(branch.region),
            GROUP_ID,
        ]
        for function in (Function.PROMOTION, Function.CUSTOMER_SERVICE):
            unit = data.draw(st.sampled_from([*chain, None]))
            if unit is not None and all((e.unit, e.function) != (unit, function) for e in today):
                today.append(Staffed(unit, function, data.draw(headcount)))
    for function in (Function.SUPPORT, Function.COORDINATION, Function.BRAND_ZONE_ADS):
        if data.draw(st.booleans()):
            today.append(Staffed(data.draw(st.sampled_from(known)), function, data.draw(headcount)))
    company = company_of(branches, today=tuple(today))
    target = data.draw(st.sampled_from(OPTIONS[classify(company)]))
    check_move(company, transition(company, target))


def test_a_move_of_a_company_without_volumes_has_its_phases() -> None:
    company = Company("Duo", (Branch("A", "Wuhan"), Branch("B", "Wuhan")))
    move = transition(company)
    assert not move.sized
    assert [phase.name for phase in move.phases] == [PhaseName.SERVICE_POOLS, PhaseName.PROMOTION]


def test_a_move_that_splits_teams_says_so() -> None:
    # From the group's queue and campaigns to each region's: the phases split, and their
    # reasons say what splitting costs, not what pooling saves.
    company = load_company(TWO_REGIONS)
    company = Company(company.name, company.branches, as_is=Option.CENTRALIZED)
    move = transition(company, Option.DECENTRALIZED)
    assert [(p.name, p.spreads) for p in move.phases] == [
        (PhaseName.SERVICE_POOLS, True),
        (PhaseName.PROMOTION, True),
    ]
    reasons = [phase_reason(move, phase) for phase in move.phases]
    assert reasons[0].startswith("Smaller queues need more people for the same service level")
    assert reasons[1].startswith("Each unit that now answers its branches' inquiries")
    assert phase_title(move.phases[0]) == (
        "Service splits: customer service moves to the target's queues"
    )
    assert not transition(company).phases  # already centralized
    # Back to separate teams: no rule, and coordination ends without a group promotion team.
    back = transition(company, Option.SEPARATE)
    assert all(phase.rules == () for phase in back.phases)
    assert all(phase.spreads for phase in back.phases if phase.name is not PhaseName.SUPPORT)


def test_a_support_unit_the_target_has_no_place_for_ends_under_its_rule() -> None:
    # One region with a group support unit and coordination today: unified has neither.
    company = Company(
        "Lake",
        tuple(Branch(name, "Wuhan", inquiries_per_month=3000) for name in ("A", "B", "C")),
        salaries=PAY,
        today=(
            Staffed(GROUP_ID, Function.PROMOTION, None),
            Staffed(GROUP_ID, Function.CUSTOMER_SERVICE, None),
            Staffed(GROUP_ID, Function.SUPPORT, 3),
            Staffed(GROUP_ID, Function.COORDINATION, 2),
        ),
    )
    move = transition(company)
    support = next(phase for phase in move.phases if phase.name is PhaseName.SUPPORT)
    assert support.ends and support.rules == ("one-region.unify-promotion-and-service",)
    assert phase_reason(move, support).startswith("The target has no support unit")
    ended = next(phase for phase in move.phases if phase.name is PhaseName.COORDINATION_ENDS)
    assert "the group's promotion team" in phase_reason(move, ended)
    # A company without branches ends its support unit under its one head's rule.
    solo = Company(
        "Solo",
        (Branch("Main", "Chengdu", inquiries_per_month=6000),),
        today=(Staffed(GROUP_ID, Function.SUPPORT, 1),),
    )
    phases = transition(solo).phases
    assert phases[-1].rules == ("no-branches.one-head-over-three-departments",)
    check_move(company, move)


def test_coordination_ends_without_a_group_promotion_team() -> None:
    company = load_company(TWO_REGIONS)
    company = Company(company.name, company.branches, as_is=Option.DECENTRALIZED)
    move = transition(company, Option.SEPARATE)
    ended = move.phases[-1]
    assert ended.name is PhaseName.COORDINATION_ENDS and ended.ends
    assert "now the work of the units that run promotion" in phase_reason(move, ended)


def test_command_text() -> None:
    status, out, err = run_orgkb("transition", str(FOUR))
    assert (status, err) == (0, "")
    lines = out.splitlines()
    assert lines[0] == "Four Seasons Home: from separate to unified (one-region, 4 branches)"
    assert (
        lines[1]
        == "people: 112 before, 83 after (compare's unified); 83 moved, 0 hired, 29 released"
    )
    assert "Phase 1. Service pools: one customer-service queue per region" in lines
    assert any(line.startswith("Payback: ") for line in lines)


def test_command_json_keeps_the_contract() -> None:
    status, out, err = run_orgkb("transition", str(TODAY), "--format", "json")
    assert (status, err) == (0, "")
    document = json.loads(out)
    company = load_company(TODAY)
    assert document["to"] == "centralized" and document["from"] is None
    assert document["after"] == compare(company).outcome(Option.CENTRALIZED).headcount
    steps = [step for phase in document["phases"] for step in phase["steps"]]
    hired = sum(step["people"] for step in steps if step["from"] is None)
    released = sum(step["people"] for step in steps if step["to"] is None)
    assert document["before"] + hired - released == document["after"]
    assert all(set(step) == {"function", "from", "to", "people"} for step in steps)
    assert all({"title", "reason", "rules", "steps"} <= set(phase) for phase in document["phases"])
    assert document["payback_months"] == pytest.approx(
        document["costs"]["total"] / document["monthly_saving"]
    )
    _, out, _ = run_orgkb("transition", str(FOUR), "--format", "json")
    document = json.loads(out)
    assert document["before"] == compare(load_company(FOUR)).outcome(Option.SEPARATE).headcount


def test_command_csv_has_a_row_per_step() -> None:
    status, out, err = run_orgkb(
        "transition", str(TWO_REGIONS), "--format", "csv", "--to", "centralized"
    )
    assert (status, err) == (0, "")
    rows = list(csv.reader(io.StringIO(out)))
    assert rows[0] == ["phase", "name", "function", "from", "to", "people"]
    move = transition(load_company(TWO_REGIONS))
    assert len(rows) - 1 == sum(len(phase.steps) for phase in move.phases)
    assert rows[-1] == ["3", "coordination-ends", "coordination", "group", "", "3"]


def test_command_cost_options() -> None:
    _, out, _ = run_orgkb(
        "transition",
        str(FOUR),
        "--format",
        "json",
        "--severance-months",
        "2",
        "--years-of-service",
        "0.3",
    )
    costs = json.loads(out)["costs"]
    assert (costs["severance_months_per_year"], costs["years_of_service"]) == (2, 0.3)
    move = transition(load_company(FOUR), costs=MoveCosts(severance_months=2, years_of_service=0.3))
    assert move.one_time is not None
    assert costs["severance"] == pytest.approx(move.one_time.severance)


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (
            ("--to", "centralized"),
            "orgkb: --to: 'centralized' is not an option for a company that is one-region; expected one of separate, unified",
        ),
        (
            ("--severance-months", "lots"),
            "orgkb: --severance-months: expected a number of 0 or more and at most 24, got text ('lots')",
        ),
        (("--to", "federal"), "orgkb: --to: invalid choice: 'federal'"),
    ],
)
def test_command_errors_are_one_line(extra: tuple[str, ...], message: str) -> None:
    status, out, err = run_orgkb("transition", str(FOUR), *extra)
    assert (status, out) == (2, "")
    assert err.startswith(message) and err.count("\n") == 1


def test_command_refuses_a_profile_without_volumes(tmp_path: Path) -> None:
    path = write_file(
        tmp_path,
        "p.yaml",
        "company: C\nbranches:\n  - {name: A, city: W}\n  - {name: B, city: W}\n",
    )
    status, out, err = run_orgkb("transition", str(path))
    assert (status, out) == (2, "")
    assert (
        err
        == f"orgkb: {path}: branches: the move counts people: give every branch inquiries_per_hour or inquiries_per_month\n"
    )


def test_assumptions_reach_the_move() -> None:
    company = load_company(FOUR)
    wide = transition(company, assumptions=Assumptions.for_company(company, span_of_control=20))
    assert (
        wide.after.total
        == compare(company, Assumptions.for_company(company, span_of_control=20))
        .outcome(Option.UNIFIED)
        .headcount
    )
