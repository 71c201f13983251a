"""Daily caps and closed days: never over a cap, never to a closed branch, the turns bound.

The property-based tests compare the dispatcher with a plain restatement of the rule — the
quota method turn by turn over every branch of the pool, with exact fractions, a turn that
falls on a branch that is closed or at its cap being passed (tests/dispatching.py) — and check
the guarantees the fairness page states on random profiles and lead files over a few days.
"""

from __future__ import annotations

from collections import Counter
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from orgkb.dispatch import Dispatcher, Unassigned, dispatch
from orgkb.errors import InputError
from orgkb.leads import Lead
from orgkb.model import Branch, Company, Weekday
from orgkb.profile import load_company
from orgkb.values import exact
from tests.dispatching import (
    CAPACITIES,
    DAYS,
    dated_leads,
    limited_companies,
    one_city,
    pool_of,
    received_times,
    reference,
)
from tests.helpers import write_file


def outcome(results: list[object]) -> list[str | None]:
    shown: list[str | None] = []
    for done in results:
        assert hasattr(done, "branch")
        if done.branch is None and done.unassigned in (Unassigned.CLOSED, Unassigned.CAP_REACHED):
            shown.append(str(done.unassigned))
        else:
            shown.append(done.branch)
    return shown


@settings(max_examples=300, deadline=None)
@given(limited_companies(), dated_leads())
def test_matches_the_plain_statement_of_the_rule(company: Company, leads: list[Lead]) -> None:
    dispatcher = Dispatcher(company)
    results = [dispatcher.take(lead) for lead in leads]
    expected, passed = reference(company, leads)
    assert outcome(results) == expected
    assert list(dispatcher.passed.values()) == passed


@settings(max_examples=300, deadline=None)
@given(limited_companies(), dated_leads())
def test_never_over_a_cap_never_closed_nothing_lost(company: Company, leads: list[Lead]) -> None:
    results = list(dispatch(company, leads))
    assert [done.lead_id for done in results] == [lead.id for lead in leads]
    # Nothing twice: an id that comes again is never assigned a second time.
    assigned = [done.lead_id for done in results if done.branch is not None]
    assert len(assigned) == len(set(assigned))
    by_name = {branch.name: branch for branch in company.branches}
    taken: Counter[tuple[str, date]] = Counter()
    for lead, done in zip(leads, results, strict=True):
        assert lead.received is not None
        day = lead.received.date()
        if done.branch is None:
            assert done.reason.startswith(f"{done.unassigned}: ")
            if done.unassigned in (Unassigned.CLOSED, Unassigned.CAP_REACHED):
                assert f"on {day}" in done.reason
                # Refused only when no branch of the pool could take it that day.
                members, _ = pool_of(company, lead)
                for n in members:
                    branch = company.branches[n]
                    cap = branch.daily_cap
                    assert branch.closed_on(day) or (
                        cap is not None and taken[(branch.name, day)] >= cap
                    )
            continue
        branch = by_name[done.branch]
        assert not branch.closed_on(day)
        taken[(branch.name, day)] += 1
        assert branch.daily_cap is None or taken[(branch.name, day)] <= branch.daily_cap


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.sampled_from(CAPACITIES),
            st.one_of(st.none(), st.integers(1, 6)),
            st.lists(st.sampled_from(DAYS), max_size=2, unique=True),
        ),
        min_size=1,
        max_size=8,
    ),
    received_times(in_order=True),
)
def test_turns_taken_and_passed_stay_within_one_of_the_exact_share(
    branches: list[tuple[float, int | None, list[date]]], times: list[datetime]
) -> None:
    # One pool, no open workload: the quota method's bound holds for the turns, after every
    # lead, whatever the caps and closed days.
    company = one_city(
        [c for c, _, _ in branches],
        daily_cap=[cap for _, cap, _ in branches],
        closed=[tuple(closed) for _, _, closed in branches],
    )
    weight = [exact(c) for c, _, _ in branches]
    pool_weight = sum(weight)
    dispatcher = Dispatcher(company)
    for number, time in enumerate(times):
        dispatcher.take(Lead(str(number), "flats", "Wuhan", received=time))
        turns = [
            taken + passed
            for taken, passed in zip(
                dispatcher.assigned.values(), dispatcher.passed.values(), strict=True
            )
        ]
        total = sum(turns)
        for count, share in zip(turns, weight, strict=True):
            assert abs(count - total * share / pool_weight) < 1


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.sampled_from(CAPACITIES), min_size=2, max_size=7),
    st.integers(1, 40),
    st.integers(1, 40),
    st.integers(1, 60),
)
def test_a_branch_back_from_a_closed_day_takes_its_share_not_a_burst(
    capacities: list[float], before: int, during: int, after: int
) -> None:
    # The last branch is closed on the middle day. On the day after, over any first stretch
    # of leads, it takes its share of them within two leads (one for where it stood when it
    # closed, one for where it stands now), however many leads it missed.
    closed_day = DAYS[1]
    last = len(capacities) - 1
    company = one_city(
        capacities, closed=[(closed_day,) if n == last else () for n in range(len(capacities))]
    )
    weight = [exact(c) for c in capacities]
    share = weight[-1] / sum(weight)
    dispatcher = Dispatcher(company)
    name = company.branches[-1].name
    for number in range(before + during):
        day = DAYS[0] if number < before else closed_day
        dispatcher.take(
            Lead(str(number), "flats", "Wuhan", received=datetime.combine(day, datetime.min.time()))
        )
    back = dispatcher.assigned[name]
    for number in range(1, after + 1):
        dispatcher.take(Lead(f"a{number}", "flats", "Wuhan", received=datetime(2026, 3, 4, 9)))
        assert dispatcher.assigned[name] - back < number * share + 2


def test_sunday_closure_and_a_cap_on_the_wuhan_week() -> None:
    company = Company(
        "Jiayuan",
        (
            Branch("Hankou", "Wuhan", capacity=3),
            Branch("Wuchang", "Wuhan", capacity=2, daily_cap=3),
            Branch("Hanyang", "Wuhan", capacity=1, closed=(Weekday.SUNDAY,)),
        ),
    )
    sunday = datetime(2026, 3, 8, 9)
    dispatcher = Dispatcher(company)
    names = [
        dispatcher.take(Lead(str(n), "flats", "Wuhan", received=sunday)).branch for n in range(8)
    ]
    assert names == [
        "Hankou",
        "Wuchang",
        "Hankou",
        "Wuchang",
        "Hankou",
        "Hankou",
        "Wuchang",
        "Hankou",
    ]
    assert dispatcher.passed == {"Hankou": 0, "Wuchang": 0, "Hanyang": 1}
    # Wuchang is at its cap, Hanyang closed: Hankou takes the rest of the day, Wuchang's turns
    # passed on the way.
    more = [
        dispatcher.take(Lead(f"m{n}", "flats", "Wuhan", received=sunday)).branch for n in range(4)
    ]
    assert more == ["Hankou"] * 4
    assert dispatcher.passed == {"Hankou": 0, "Wuchang": 3, "Hanyang": 2}


def test_every_branch_closed_or_capped_gives_the_reason() -> None:
    company = Company(
        "Co",
        (
            Branch("A", "Wuhan", daily_cap=1),
            Branch("B", "Wuhan", closed=(date(2026, 10, 1), Weekday.SATURDAY)),
        ),
    )
    holiday = datetime(2026, 10, 1, 10)
    results = list(
        dispatch(
            company,
            [
                Lead("1", "flats", "Wuhan", 2, holiday),
                Lead("2", "flats", "Wuhan", 3, holiday),
                Lead("3", "flats", "Wuhan", 4, datetime(2026, 10, 2)),
                Lead("4", "flats", "Wuhan", 5, datetime(2026, 10, 2)),
                Lead("5", "flats", "Wuhan", 6, datetime(2026, 10, 2)),
            ],
        )
    )
    assert [(r.branch, r.reason) for r in results] == [
        ("A", ""),
        (
            None,
            "cap-reached: every branch that could take the lead is closed or at its daily cap on 2026-10-01",
        ),
        ("B", ""),
        ("A", ""),
        ("B", ""),
    ]
    lone = Company("Co", (Branch("A", "Wuhan", daily_cap=1), Branch("B", "Wuhan", daily_cap=1)))
    rows = list(dispatch(lone, [Lead(str(n), "x", "Wuhan", received=holiday) for n in range(3)]))
    assert rows[2].reason == (
        "cap-reached: every branch that could take the lead has reached its daily cap on 2026-10-01"
    )
    shut = Company("Co", (Branch("A", "Wuhan", closed=(Weekday.THURSDAY,)),))
    (row,) = dispatch(shut, [Lead("1", "x", "Wuhan", received=holiday)])
    assert (row.unassigned, row.reason) == (
        Unassigned.CLOSED,
        "closed: every branch that could take the lead is closed on 2026-10-01",
    )


def test_a_lead_without_a_received_time_is_malformed_when_days_matter() -> None:
    company = Company("Co", (Branch("A", "Wuhan", daily_cap=5),))
    results = list(
        dispatch(
            company, [Lead("1", "flats", "Wuhan", 2), Lead("1", "flats", "Wuhan", 3, MONDAY_9)]
        )
    )
    assert [(r.branch, r.reason) for r in results] == [
        (None, "malformed: line 2: the received time is missing"),
        ("A", ""),
    ]
    # Without caps or closed days the time is not needed.
    free = Company("Co", (Branch("A", "Wuhan"),))
    assert next(dispatch(free, [Lead("1", "flats", "Wuhan")])).branch == "A"


MONDAY_9 = datetime(2026, 3, 2, 9)


def test_caps_count_per_calendar_day_in_any_order() -> None:
    company = Company("Co", (Branch("A", "Wuhan", daily_cap=2), Branch("B", "Wuhan", capacity=0.1)))
    days = [MONDAY_9, MONDAY_9 + timedelta(days=1)] * 3
    results = list(
        dispatch(company, [Lead(str(n), "x", "Wuhan", received=t) for n, t in enumerate(days)])
    )
    per_day = Counter((r.branch, t.date()) for r, t in zip(results, days, strict=True))
    assert per_day[("A", MONDAY_9.date())] == 2
    assert per_day[("A", (MONDAY_9 + timedelta(days=1)).date())] == 2


@pytest.mark.parametrize("cap", [0, -1, 1.5])
def test_a_branch_refuses_a_cap_below_one_or_not_whole(cap: float) -> None:
    with pytest.raises(Exception, match="daily_cap: expected a whole number of 1 or more"):
        Branch("A", "Wuhan", daily_cap=cap)  # type: ignore[arg-type]


def test_profiles_give_caps_and_closed_days_in_yaml_json_and_csv(tmp_path: Path) -> None:
    yaml_profile = write_file(
        tmp_path,
        "p.yaml",
        "company: Co\nbranches:\n"
        "  - {name: A, city: Wuhan, daily_cap: 5, closed: [Sunday, 2026-10-01, 礼拜六, sun]}\n"
        "  - {name: B, city: Wuhan, closed: 2026-10-02}\n",
    )
    json_profile = write_file(
        tmp_path,
        "p.json",
        '{"company": "Co", "branches": [{"name": "A", "city": "Wuhan", "daily_cap": "5",'
        ' "closed": "sunday；2026-10-01;星期六"}, {"name": "B", "city": "Wuhan",'
        ' "closed": ["2026-10-02"]}]}',
    )
    csv_profile = write_file(
        tmp_path,
        "Co.csv",
        "name,city,daily_cap,closed\nA,Wuhan,5,周日;2026-10-01;sat\nB,Wuhan,,2026-10-02\n",
    )
    expected = (
        Branch(
            "A",
            "Wuhan",
            daily_cap=5,
            closed=(Weekday.SUNDAY, date(2026, 10, 1), Weekday.SATURDAY),
        ),
        Branch("B", "Wuhan", closed=(date(2026, 10, 2),)),
    )
    for path in (yaml_profile, json_profile, csv_profile):
        assert load_company(path).branches == expected


@pytest.mark.parametrize(
    ("branch", "message"),
    [
        (
            "daily_cap: 0",
            "branches[0].daily_cap: expected a whole number of 1 or more, got a number (0)",
        ),
        ("daily_cap: 2.5", "branches[0].daily_cap: expected a whole number of 1 or more"),
        (
            "daily_cap: 'many'",
            "branches[0].daily_cap: expected a whole number of 1 or more, got text ('many')",
        ),
        (
            "closed: [someday]",
            "branches[0].closed[0]: expected a weekday (sunday, 周日) or a date (2026-10-01), got text ('someday')",
        ),
        (
            "closed: [2026-02-30]",
            "branches[0].closed[0]: expected a weekday (sunday, 周日) or a date",
        ),
        # A date in the one form a profile's dates take, as opened and as_of are read.
        (
            "closed: [20261001, 2026-W40-4]",
            "branches[0].closed[0]: expected a weekday (sunday, 周日) or a date (2026-10-01), got a number (20261001)",
        ),
        (
            "closed: ['2026-W40-4']",
            "branches[0].closed[0]: expected a weekday (sunday, 周日) or a date (2026-10-01), got text ('2026-W40-4')",
        ),
        (
            "closed: {sunday: true}",
            "branches[0].closed: expected a list of weekdays and dates, got a mapping",
        ),
        ("closed: [[sunday]]", "branches[0].closed[0]: expected text, got a list"),
    ],
)
def test_bad_caps_and_closed_days_name_the_field(tmp_path: Path, branch: str, message: str) -> None:
    path = write_file(
        tmp_path, "p.yaml", f"company: Co\nbranches:\n  - {{name: A, city: W, {branch}}}\n"
    )
    with pytest.raises(InputError) as raised:
        load_company(path)
    assert str(raised.value).startswith(f"{path}:3: {message}")
