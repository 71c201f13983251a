"""The lead pool: leads not followed up in time go to another branch, within caps and days."""

from __future__ import annotations

import csv
import io
from collections import Counter
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from orgkb.dispatch import Assignment, FollowUps, LeadPool, dispatch
from orgkb.errors import InputError
from orgkb.leads import Lead, read_follow_ups
from orgkb.model import Branch, Company
from tests.dispatching import CAPACITIES, dated_leads, limited_companies, one_city
from tests.helpers import run_orgkb, write_file


@st.composite
def follow_ups(draw: st.DrawFn, leads: list[Lead]) -> FollowUps:
    within = draw(st.sampled_from((1.0, 4.0, 24.0)))
    followed: dict[str, datetime | None] = {}
    for lead in leads:
        assert lead.received is not None
        hours = draw(st.one_of(st.none(), st.floats(-2, 4 * within)))
        followed[lead.id] = None if hours is None else lead.received + timedelta(hours=hours)
    return FollowUps(followed, within, draw(st.integers(1, 3)))


def check_deadlines(rows: list[Assignment], leads: list[Lead], rule: FollowUps) -> None:
    """Each lead was taken back only from branches that had not followed it up in time."""
    first = {}
    for lead in leads:
        first.setdefault(lead.id, lead)
    for done in rows:
        if not done.reassigned_from:
            continue
        lead = first[done.lead_id]
        assert lead.received is not None
        followed = rule.followed_up.get(lead.id)
        for holder in range(len(done.reassigned_from)):
            deadline = lead.received + timedelta(hours=rule.within * (holder + 1))
            assert followed is None or followed > deadline


@settings(max_examples=250, deadline=None)
@given(limited_companies(), st.data())
def test_never_the_same_branch_never_over_a_cap_nothing_lost(
    company: Company, data: st.DataObject
) -> None:
    leads = data.draw(dated_leads(in_order=True))
    rule = data.draw(follow_ups(leads))
    pool = LeadPool(company, rule)
    rows = [row for lead in leads for row in pool.take(lead)] + pool.finish()
    # One row for each lead, in input order, whatever waited for its deadline.
    assert [row.lead_id for row in rows] == [lead.id for lead in leads]
    assigned = [row.lead_id for row in rows if row.branch is not None]
    assert len(assigned) == len(set(assigned))
    by_name = {branch.name: branch for branch in company.branches}
    taken: Counter[tuple[str, date]] = Counter()
    lost: Counter[str] = Counter()
    for lead, done in zip(leads, rows, strict=True):
        assert lead.received is not None
        if done.branch is None:
            assert not done.reassigned_from
            continue
        holders = [*done.reassigned_from, done.branch]
        # Never back to a branch it was taken from, and at most max_reassign times.
        assert len(set(holders)) == len(holders)
        assert len(done.reassigned_from) <= rule.max_reassign
        lost.update(done.reassigned_from)
        for moves, holder in enumerate(holders):
            # Each branch got the lead on the day it was given it: caps and closed days hold.
            day = (lead.received + timedelta(hours=rule.within * moves)).date()
            branch = by_name[holder]
            assert not branch.closed_on(day)
            taken[(holder, day)] += 1
            assert branch.daily_cap is None or taken[(holder, day)] <= branch.daily_cap
    check_deadlines(rows, leads, rule)
    assert +pool.lost == +lost
    assert sum(pool.dispatcher.assigned.values()) == sum(
        len(row.reassigned_from) + 1 for row in rows if row.branch
    )


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.sampled_from(CAPACITIES), min_size=1, max_size=5),
    st.data(),
)
def test_taken_back_exactly_while_late_and_another_branch_is_left(
    capacities: list[float], data: st.DataObject
) -> None:
    # Without caps or closed days, every lead of one pool moves on at each deadline its holder
    # missed, until it is followed up in time, has been taken back max_reassign times, or has
    # been with every branch.
    company = one_city(capacities)
    leads = [
        lead._replace(id=f"L{n}", city="Wuhan")
        for n, lead in enumerate(data.draw(dated_leads(in_order=True)))
    ]
    rule = data.draw(follow_ups(leads))
    rows = list(dispatch(company, leads, follow_ups=rule))
    for lead, done in zip(leads, rows, strict=True):
        assert lead.received is not None
        followed = rule.followed_up[lead.id]
        in_time = next(
            (
                holder
                for holder in range(len(capacities))
                if followed is not None
                and followed <= lead.received + timedelta(hours=rule.within * (holder + 1))
            ),
            len(capacities) - 1,
        )
        assert len(done.reassigned_from) == min(rule.max_reassign, in_time)


def test_the_lead_pool_in_time_order() -> None:
    company = Company("Duo", (Branch("A", "Wuhan"), Branch("B", "Wuhan")))
    eight = datetime(2026, 3, 2, 8)
    followed: dict[str, datetime | None] = {"1": eight + timedelta(hours=3), "3": None}
    pool = LeadPool(company, FollowUps(followed, within=2))
    first = pool.take(Lead("1", "flats", "Wuhan", 2, eight))
    assert first == []  # not followed up within two hours: it may still move
    second = pool.take(Lead("2", "flats", "Wuhan", 3, eight + timedelta(hours=1)))
    assert second == []
    # Lead 1's deadline (10:00) passes before lead 3 comes: it goes to B, and lead 2 (due
    # back at 11:00) is still waiting.
    third = pool.take(Lead("3", "flats", "Wuhan", 4, eight + timedelta(hours=2, minutes=30)))
    assert [(row.lead_id, row.branch, row.reassigned_from) for row in third] == [("1", "B", ("A",))]
    rest = pool.finish()
    assert [(row.lead_id, row.branch, row.reassigned_from) for row in rest] == [
        ("2", "A", ("B",)),
        ("3", "B", ("A",)),
    ]
    assert pool.lost == Counter({"A": 2, "B": 1})


def test_a_lead_no_other_branch_can_take_stays() -> None:
    company = Company(
        "Co", (Branch("A", "Wuhan"), Branch("B", "Wuhan", closed=(date(2026, 3, 3),)))
    )
    monday = datetime(2026, 3, 2, 9)
    rows = list(
        dispatch(
            company,
            [Lead("1", "x", "Wuhan", received=monday), Lead("2", "x", "Wuhan", received=monday)],
            follow_ups=FollowUps({}, within=24),
        )
    )
    # Lead 1 (A) is due back on Tuesday, when B is closed: it stays. Lead 2 (B) goes to A.
    assert [(row.branch, row.reassigned_from) for row in rows] == [("A", ()), ("A", ("B",))]


def test_follow_up_limits() -> None:
    with pytest.raises(InputError, match="within: expected a number above 0"):
        FollowUps({}, within=0)
    with pytest.raises(InputError, match="max_reassign: expected a whole number of 1 or more"):
        FollowUps({}, within=1, max_reassign=0)


PROFILE = """\
company: Duo
branches:
  - {name: A, city: Wuhan, capacity: 2}
  - {name: B, city: Wuhan}
"""


@pytest.fixture
def files(tmp_path: Path) -> tuple[Path, Path]:
    profile = write_file(tmp_path, "duo.yaml", PROFILE)
    leads = write_file(
        tmp_path,
        "leads.csv",
        "id,project,city,接收时间\n"
        "L1,flats,Wuhan,2026-03-02 09:00\n"
        "L2,flats,Wuhan,2026-03-02 10:00\n"
        "L3,flats,Wuhan,2026-03-02T11:00:00+08:00\n"
        "L4,flats,Wuhan,\n"
        "L5,flats,Wuhan,2026-03-03\n",
    )
    return profile, leads


def test_allocate_with_follow_ups(files: tuple[Path, Path], tmp_path: Path) -> None:
    profile, leads = files
    followed = write_file(
        tmp_path,
        "followed.csv",
        "lead_id,followed_up\nL1,2026-03-02 09:30\nL2,\nL3,2026-03-03 12:00\nL3,2026-03-02 12:00\n"
        "L9,2026-03-02 12:00\n",
    )
    status, out, err = run_orgkb(
        "allocate", str(profile), str(leads), "--follow-ups", str(followed), "--within", "24",
        "--summary",
    )  # fmt: skip
    assert status == 0
    assert list(csv.reader(io.StringIO(out))) == [
        ["lead_id", "branch", "reason", "reassigned_from"],
        ["L1", "A", "", ""],
        ["L2", "B", "", "A"],
        ["L3", "B", "", ""],
        ["L4", "", "malformed: line 5: the received time is missing", ""],
        ["L5", "B", "", "A"],
    ]
    lines = err.splitlines()
    assert lines[0] == (
        f"orgkb: note: 1 row of {followed} name leads that are not in {leads}, and were not used"
    )
    assert lines[1:5] == [
        "5 leads: 4 assigned (4 in their city, 0 elsewhere in their region), 1 not assigned",
        "branch  region  capacity  open  assigned  lost  load share  capacity share",
        "A       Wuhan   2         0     3         2     50.0%       66.7%",
        "B       Wuhan   1         0     3         0     50.0%       33.3%",
    ]
    assert lines[5:] == [
        "taken back for want of a follow-up and given to another branch: 2",
        "not assigned: malformed 1",
    ]


def test_without_follow_ups_the_output_keeps_three_columns(files: tuple[Path, Path]) -> None:
    profile, leads = files
    status, out, _ = run_orgkb("allocate", str(profile), str(leads))
    assert status == 0
    assert out.splitlines()[0] == "lead_id,branch,reason"
    # Without caps, closed days or follow-ups no time is needed.
    assert out.splitlines()[4] == "L4,A,"


@pytest.mark.parametrize(
    ("options", "message"),
    [
        (["--within", "24"], "--within: needs --follow-ups FILE"),
        (["--max-reassign", "2"], "--max-reassign: needs --follow-ups FILE"),
        (["--follow-ups", "{followed}"], "--follow-ups: needs --within HOURS"),
        (
            ["--follow-ups", "{followed}", "--within", "0"],
            "--within: expected a number above 0 and at most 876000, got text ('0')",
        ),
        (
            ["--follow-ups", "{followed}", "--within", "1", "--max-reassign", "1.5"],
            "--max-reassign: expected a whole number of 1 or more, got text ('1.5')",
        ),
    ],
)
def test_follow_up_options_are_one_line_errors(
    files: tuple[Path, Path], tmp_path: Path, options: list[str], message: str
) -> None:
    profile, leads = files
    followed = write_file(tmp_path, "followed.csv", "lead_id,followed_up\n")
    given = [option.format(followed=followed) for option in options]
    assert run_orgkb("allocate", str(profile), str(leads), *given) == (2, "", f"orgkb: {message}\n")


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (
            "lead_id,followed_up\nL1,soon\n",
            ":2: followed_up: expected an ISO 8601 date or date and time",
        ),
        ("lead_id,followed_up\n,2026-03-02\n", ":2: the lead id is missing"),
        ("lead_id\nL1\n", ":1: the header has no 'followed_up' column"),
        ("lead_id,跟进时间,x\n", ":1: unknown column 'x'"),
    ],
)
def test_bad_follow_ups_files_exit_2(
    files: tuple[Path, Path], tmp_path: Path, content: str, message: str
) -> None:
    profile, leads = files
    followed = write_file(tmp_path, "followed.csv", content)
    status, out, err = run_orgkb(
        "allocate", str(profile), str(leads), "--follow-ups", str(followed), "--within", "2"
    )
    assert (status, out) == (2, "")
    assert err.startswith(f"orgkb: {followed}{message}")
    assert err.count("\n") == 1


def test_follow_ups_reader_takes_the_earliest_time(tmp_path: Path) -> None:
    path = write_file(
        tmp_path,
        "f.csv",
        "跟进时间,lead_id\n2026-03-02 12:00,L1\n,L1\n2026-03-02 10:00,L1\n,L2\n\n",
    )
    assert read_follow_ups(path) == {"L1": datetime(2026, 3, 2, 10), "L2": None}


def test_follow_ups_need_the_received_column(tmp_path: Path) -> None:
    profile = write_file(tmp_path, "duo.yaml", PROFILE)
    leads = write_file(tmp_path, "leads.csv", "id,project,city\nL1,flats,Wuhan\n")
    followed = write_file(tmp_path, "followed.csv", "lead_id,followed_up\n")
    status, out, err = run_orgkb(
        "allocate", str(profile), str(leads), "--follow-ups", str(followed), "--within", "2"
    )
    assert (status, out) == (2, "")
    assert err == (
        f"orgkb: {leads}:1: the header has no 'received' column (接收时间), "
        "which the follow-up deadlines need\n"
    )
