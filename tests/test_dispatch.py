"""Lead dispatch: where each lead may go, the fairness bound, duplicates, determinism.

The property-based tests compare the dispatcher, with its heaps and lazy updates, against a
plain restatement of the rule that scans every branch with exact fractions
(tests/dispatching.py).
"""

from __future__ import annotations

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from orgkb.dispatch import Assignment, Dispatcher, Unassigned, dispatch
from orgkb.errors import InputError
from orgkb.leads import Lead, MalformedRow
from orgkb.model import Branch, Company, Level
from orgkb.values import exact
from tests.dispatching import (
    CAPACITIES,
    CITIES,
    PROJECTS,
    companies,
    one_city,
    pool_of,
    reference,
)

leads_lists = st.lists(
    st.builds(
        Lead,
        id=st.integers(0, 40).map(str),
        project=st.sampled_from((*PROJECTS, "shops")),
        city=st.sampled_from((*CITIES, None)),
    ),
    max_size=80,
)


@settings(max_examples=300, deadline=None)
@given(companies(), leads_lists)
def test_matches_the_plain_statement_of_the_rule(company: Company, leads: list[Lead]) -> None:
    got = [done.branch for done in dispatch(company, leads)]
    assert got == reference(company, leads)[0]


@settings(max_examples=200, deadline=None)
@given(companies(), leads_lists, st.data())
def test_matches_the_rule_with_open_workload(
    company: Company, leads: list[Lead], data: st.DataObject
) -> None:
    open_workload = {
        b.name: data.draw(st.integers(0, 12), label=f"open {b.name}") for b in company.branches
    }
    got = [done.branch for done in dispatch(company, leads, open_workload=open_workload)]
    assert got == reference(company, leads, open_workload)[0]


@settings(max_examples=300, deadline=None)
@given(companies(), leads_lists)
def test_nothing_lost_never_outside_the_region_only_eligible_branches(
    company: Company, leads: list[Lead]
) -> None:
    results = list(dispatch(company, leads))
    assert [done.lead_id for done in results] == [lead.id for lead in leads]
    by_name = {b.name: b for b in company.branches}
    for lead, done in zip(leads, results, strict=True):
        assert (done.branch is None) == bool(done.reason) == (done.unassigned is not None)
        members, level = pool_of(company, lead)
        if done.branch is None:
            assert done.reason.startswith(f"{done.unassigned}: ")
            continue
        branch = by_name[done.branch]
        assert branch.serves(lead.project)
        if lead.city is None:
            assert len(company.regions) == 1
        else:
            assert branch.region in {b.region for b in company.branches if b.city == lead.city}
        assert company.branches.index(branch) in members
        assert done.level is level


@settings(max_examples=200, deadline=None)
@given(companies(), leads_lists)
def test_a_repeated_id_is_never_assigned_twice(company: Company, leads: list[Lead]) -> None:
    first: dict[str, int] = {}
    for index, done in enumerate(dispatch(company, leads)):
        if done.lead_id in first:
            assert done.branch is None
            assert done.unassigned is Unassigned.DUPLICATE
        else:
            first[done.lead_id] = index
            assert done.unassigned is not Unassigned.DUPLICATE


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.sampled_from(CAPACITIES), min_size=1, max_size=9),
    st.integers(1, 400),
)
def test_within_one_lead_of_the_exact_share_after_every_lead(
    capacities: list[float], count: int
) -> None:
    company = one_city(capacities)
    weight = [exact(c) for c in capacities]
    total = sum(weight)
    dispatcher = Dispatcher(company)
    for n in range(1, count + 1):
        dispatcher.take(Lead(str(n), "flats", "Wuhan"))
        for assigned, share in zip(dispatcher.assigned.values(), weight, strict=True):
            assert abs(assigned - n * share / total) < 1


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.tuples(st.sampled_from(CAPACITIES), st.integers(0, 30)), min_size=1, max_size=7),
    st.integers(1, 300),
)
def test_open_workload_is_caught_up_then_held_within_one_lead(
    branches: list[tuple[float, int]], count: int
) -> None:
    company = one_city([c for c, _ in branches])
    weight = [exact(c) for c, _ in branches]
    open_ = [o for _, o in branches]
    total_weight = sum(weight)
    # The total load from which every branch's share covers what it already has open.
    caught_up = max(o * total_weight / w for o, w in zip(open_, weight, strict=True))
    dispatcher = Dispatcher(company, open_workload={f"B{n}": o for n, o in enumerate(open_)})
    for n in range(1, count + 1):
        done = dispatcher.take(Lead(str(n), "flats", "Wuhan"))
        loads = [a + o for a, o in zip(dispatcher.assigned.values(), open_, strict=True)]
        total = sum(loads)
        taker = int(done.branch[1:]) if done.branch else -1
        # The branch that took the lead is not above its share of the load, rounded up.
        assert loads[taker] <= math.ceil(total * weight[taker] / total_weight)
        if total >= caught_up:
            for load, share in zip(loads, weight, strict=True):
                assert abs(load - total * share / total_weight) < 1


def test_600_leads_over_capacities_1_2_3() -> None:
    company = Company(
        "Co", tuple(Branch(name, "Wuhan", capacity=c) for name, c in (("A", 1), ("B", 2), ("C", 3)))
    )
    dispatcher = Dispatcher(company)
    for n in range(600):
        dispatcher.take(Lead(str(n), "flats", "Wuhan"))
        if n % 6 == 5:
            k = (n + 1) // 6
            assert dispatcher.assigned == {"A": k, "B": 2 * k, "C": 3 * k}


def test_open_workload_goes_to_the_branch_with_less_open() -> None:
    company = Company("Co", (Branch("A", "Wuhan"), Branch("B", "Wuhan")))
    dispatcher = Dispatcher(company, open_workload={"A": 10})
    names = [dispatcher.take(Lead(str(n), "flats", "Wuhan")).branch for n in range(30)]
    assert names[:10] == ["B"] * 10
    assert dispatcher.assigned == {"A": 10, "B": 20}


def test_city_first_then_region_never_another_region() -> None:
    company = Company(
        "Co",
        (
            Branch("Hankou", "Wuhan", "Central", ("flats",)),
            Branch("Yuelu", "Changsha", "Central", ("villas",)),
            Branch("Jinjiang", "Chengdu", "West"),
        ),
    )
    results = list(
        dispatch(
            company,
            [
                Lead("1", "flats", "Wuhan"),
                Lead("2", "villas", "Wuhan"),
                Lead("3", "offices", "Wuhan"),
                Lead("4", "offices", "Chengdu"),
                Lead("5", "offices", None),
                Lead("6", "offices", "Xian"),
            ],
        )
    )
    assert [(r.branch, r.level, r.unassigned) for r in results] == [
        ("Hankou", Level.CITY, None),
        ("Yuelu", Level.REGION, None),
        (None, None, Unassigned.NO_BRANCH),
        ("Jinjiang", Level.CITY, None),
        (None, None, Unassigned.NO_CITY),
        (None, None, Unassigned.UNKNOWN_CITY),
    ]
    assert results[2].reason == (
        "no-branch: no branch in 'Wuhan' or its region 'Central' serves 'offices'"
    )
    assert results[4].reason == (
        "no-city: the lead names no city and Co has branches in 2 regions, so its region is unknown"
    )


def test_without_a_city_in_one_region_the_whole_region_is_the_pool() -> None:
    company = Company("Co", (Branch("A", "Wuhan"), Branch("B", "Wuhan", projects=("villas",))))
    results = list(dispatch(company, [Lead("1", "villas"), Lead("2", "villas"), Lead("3", "x")]))
    assert [(r.branch, r.level) for r in results] == [
        ("A", Level.REGION),
        ("B", Level.REGION),
        ("A", Level.REGION),
    ]
    lonely = Company("Co", (Branch("B", "Wuhan", projects=("villas",)),))
    (result,) = dispatch(lonely, [Lead("1", "flats")])
    assert result.reason == "no-branch: no branch of Co serves 'flats'"


def test_malformed_rows_are_accounted_for_not_registered() -> None:
    company = Company("Co", (Branch("A", "Wuhan"),))
    results = list(
        dispatch(
            company,
            [MalformedRow(2, "the project is missing", "L1"), Lead("L1", "flats", "Wuhan", 3)],
        )
    )
    assert results == [
        Assignment(
            "L1", None, "malformed: line 2: the project is missing", Unassigned.MALFORMED, line=2
        ),
        Assignment("L1", "A", level=Level.CITY, project="flats", city="Wuhan", line=3),
    ]


def test_duplicate_names_the_first_line() -> None:
    company = Company("Co", (Branch("A", "Wuhan"),))
    results = list(dispatch(company, [Lead("L1", "flats", "Wuhan", 2), Lead("L1", "x", None, 9)]))
    assert results[1].reason == (
        "duplicate: the id 'L1' came first on line 2 and is never assigned twice"
    )


@settings(max_examples=100, deadline=None)
@given(companies(), leads_lists, st.integers(0, 2**32))
def test_deterministic_and_seeded(company: Company, leads: list[Lead], seed: int) -> None:
    def run(seed: int | None) -> list[Assignment]:
        return list(dispatch(company, leads, seed=seed))

    assert run(None) == run(None)
    assert run(seed) == run(seed)
    # A seed only breaks ties: where a lead may go, and whether it goes, do not change.
    assert [r.unassigned for r in run(seed)] == [r.unassigned for r in run(None)]


def test_a_seed_changes_who_wins_ties() -> None:
    company = Company("Co", tuple(Branch(f"B{n}", "Wuhan") for n in range(10)))
    firsts = {
        next(dispatch(company, [Lead("1", "flats", "Wuhan")], seed=seed)).branch
        for seed in range(20)
    }
    assert len(firsts) > 1
    assert next(dispatch(company, [Lead("1", "flats", "Wuhan")])).branch == "B0"


def test_bad_open_workload_is_refused() -> None:
    company = Company("Co", (Branch("A", "Wuhan"),))
    # In the words an open-workload file's rows are refused in.
    with pytest.raises(InputError) as unknown:
        Dispatcher(company, open_workload={"Z": 1})
    assert str(unknown.value) == "open_workload: unknown branch 'Z' (expected one of A)"
    with pytest.raises(InputError) as negative:
        Dispatcher(company, open_workload={"A": -1})
    assert str(negative.value) == "open_workload: expected a whole number of 0 or more, got -1"


def test_overlapping_pools_share_the_load() -> None:
    # A takes flats and villas, B only flats: villas leads count against A's flats share.
    company = Company("Co", (Branch("A", "Wuhan"), Branch("B", "Wuhan", projects=("flats",))))
    dispatcher = Dispatcher(company)
    for n in range(10):
        dispatcher.take(Lead(f"v{n}", "villas", "Wuhan"))
    names = [dispatcher.take(Lead(f"f{n}", "flats", "Wuhan")).branch for n in range(14)]
    assert names[:10] == ["B"] * 10
    assert dispatcher.assigned == {"A": 12, "B": 12}


def test_capacities_are_the_decimals_written() -> None:
    # Three tenths are exactly level: the ties go in profile order, round and round.
    company = Company("Co", tuple(Branch(name, "Wuhan", capacity=0.1) for name in "ABC"))
    dispatcher = Dispatcher(company)
    names = [dispatcher.take(Lead(str(n), "flats", "Wuhan")).branch for n in range(6)]
    assert names == ["A", "B", "C", "A", "B", "C"]


def test_a_company_without_branches_takes_no_lead() -> None:
    results = list(dispatch(Company("Solo"), [Lead("1", "flats"), Lead("2", "flats", "Wuhan")]))
    assert [r.reason for r in results] == [
        "no-branch: no branch of Solo serves 'flats'",
        "unknown-city: no branch of Solo is in 'Wuhan', so its region is unknown",
    ]


def test_a_city_in_two_regions_may_send_its_leads_to_either() -> None:
    # Product lines play the part of regions: one city can hold branches of both.
    company = Company(
        "Co",
        (
            Branch("Homes", "Wuhan", "Homes line", ("flats",)),
            Branch("Offices", "Wuhan", "Offices line", ("offices",)),
            Branch("Villas", "Changsha", "Homes line", ("villas",)),
            Branch("Shops", "Nanchang", "Shops line", ("shops",)),
        ),
    )
    results = list(dispatch(company, [Lead("1", "villas", "Wuhan"), Lead("2", "shops", "Wuhan")]))
    assert [(r.branch, r.unassigned) for r in results] == [
        ("Villas", None),
        (None, Unassigned.NO_BRANCH),
    ]
    assert results[1].reason == (
        "no-branch: no branch in 'Wuhan' or its region 'Homes line' or 'Offices line' "
        "serves 'shops'"
    )
