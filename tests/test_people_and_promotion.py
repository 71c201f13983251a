"""Headcount that means people: seats against payroll, and promotion's fixed part.

The support unit the comparison sizes from the branches' figures is tested with the rest of
the support unit, in tests/test_support.py.
"""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from orgkb.compare import Assumptions, compare, payroll, promotion_team
from orgkb.errors import InputError
from orgkb.model import Option
from orgkb.profile import load_company
from tests.helpers import EXAMPLES, run_orgkb, write_file

FOUR = EXAMPLES / "staffing" / "four-branches.yaml"


def test_seats_become_people_for_every_open_hour() -> None:
    # 12 hours a day, 7 days a week, filled by people working 40 hours: 2.1 people a seat.
    assert payroll(14, Assumptions()) == 30
    assert payroll(10, Assumptions()) == 21
    assert payroll(0, Assumptions()) == 0
    # An office week of 40 hours needs a person a seat, and never less.
    assert payroll(14, Assumptions(open_hours_per_day=8, open_days_per_week=5)) == 14
    assert payroll(14, Assumptions(open_hours_per_day=4, open_days_per_week=5)) == 14
    assert payroll(3, Assumptions(open_hours_per_day=24, open_days_per_week=7)) == math.ceil(
        3 * 4.2
    )


@settings(max_examples=200)
@given(
    seats=st.integers(0, 10_000),
    hours=st.floats(0.5, 24),
    days=st.floats(0.5, 7),
    week=st.floats(1, 168),
)
def test_people_cover_the_open_hours_and_no_more(
    seats: int, hours: float, days: float, week: float
) -> None:
    assumptions = Assumptions(
        open_hours_per_day=hours, open_days_per_week=days, work_hours_per_week=week
    )
    people = payroll(seats, assumptions)
    assert people >= seats
    needed = seats * hours * days / week
    assert people >= needed - 1e-6
    assert people == seats or people - 1 < needed + 1e-6


def test_the_four_branch_example_in_people() -> None:
    comparison = compare(load_company(FOUR))
    separate, unified = comparison.outcomes
    assert (separate.agents, separate.rostered_agents, separate.customer_service_people) == (
        20,
        20,
        44,
    )
    assert (unified.agents, unified.rostered_agents, unified.customer_service_people) == (
        14,
        14,
        30,
    )
    for outcome in comparison.outcomes:
        assert outcome.headcount == (
            (outcome.customer_service_people or 0)
            + outcome.promoters
            + outcome.support_staff
            + (outcome.managers or 0)
        )


def test_a_unified_promotion_team_runs_its_accounts_once() -> None:
    comparison = compare(load_company(FOUR))
    separate, unified = comparison.outcomes
    # Four teams of 15,000 inquiries a month: 4 × (1 + 10); one team of 60,000: 1 + 40.
    assert (separate.promoters, unified.promoters) == (44, 41)
    assert promotion_team(15_000, Assumptions()) == 11
    assert promotion_team(0, Assumptions()) == 2
    # With no fixed part, unifying saves no promoter: the model before this one.
    flat = Assumptions(promotion_overhead=0)
    assert [promotion_team(v, flat) for v in (15_000, 60_000)] == [10, 40]


@settings(max_examples=200)
@given(volumes=st.lists(st.floats(0, 1e6), min_size=2, max_size=8), overhead=st.integers(0, 5))
def test_one_team_never_needs_more_promoters_than_several(
    volumes: list[float], overhead: int
) -> None:
    assumptions = Assumptions(promotion_overhead=overhead)
    one = promotion_team(sum(volumes), assumptions)
    several = sum(promotion_team(volume, assumptions) for volume in volumes)
    assert one <= several
    assert (
        several - one
        >= overhead * (len(volumes) - 1) - len(volumes) * assumptions.promotion_minimum
    )


def test_hours_come_from_the_profile_and_the_options(tmp_path: Path) -> None:
    text = FOUR.read_text(encoding="utf-8").replace(
        "company: Four Seasons Home",
        "company: Four Seasons Home\nopen_hours_per_day: 8\nopen_days_per_week: 5",
    )
    path = write_file(tmp_path, "four.yaml", text)
    company = load_company(path)
    assert (company.open_hours_per_day, company.open_days_per_week) == (8, 5)
    unified = compare(company).outcome(Option.UNIFIED)
    assert unified.customer_service_people == unified.rostered_agents == 14
    status, out, err = run_orgkb(
        "compare", str(path), "--format", "json", "--work-hours-per-week", "20"
    )
    assert (status, err) == (0, "")
    document = json.loads(out)
    assert document["assumptions"]["work_hours_per_week"] == 20
    assert document["options"][1]["customer_service_people"] == 28
    assert document["options"][1]["queues"][0]["people"] == 28
    bad = write_file(tmp_path, "bad.yaml", "company: C\nopen_hours_per_day: 25\n")
    with pytest.raises(
        InputError,
        match=r"bad\.yaml:2: open_hours_per_day: expected a number above 0 and at most 24",
    ):
        load_company(bad)
    status, out, err = run_orgkb("compare", str(FOUR), "--open-days-per-week", "8")
    assert (status, out) == (2, "")
    assert (
        err
        == "orgkb: --open-days-per-week: expected a number above 0 and at most 7, got text ('8')\n"
    )


def test_the_table_labels_seats_and_people_apart() -> None:
    status, out, _ = run_orgkb("compare", str(FOUR))
    assert status == 0
    labels = [line[:34].rstrip() for line in out.splitlines()[3:7]]
    assert labels == [
        "busy-hour agents answering",
        "busy-hour seats (with shrinkage)",
        "customer-service people",
        "promotion teams",
    ]
    assert any(line.startswith("headcount (people)") for line in out.splitlines())
    _, out, _ = run_orgkb("compare", str(FOUR), "--format", "json")
    unified = json.loads(out)["options"][1]
    assert (unified["agents"], unified["rostered_agents"], unified["customer_service_people"]) == (
        14,
        14,
        30,
    )
    assert unified["difference"]["customer_service_people"] == -14
