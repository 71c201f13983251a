"""Competing groups: every lead counted for exactly one group or none, and clean splits only."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from orgkb.dispatch import dispatch
from orgkb.errors import InputError
from orgkb.groups import NO_GROUP, CompetingGroup, tally
from orgkb.leads import Lead, MalformedRow
from orgkb.model import Branch, Company
from orgkb.render import tally_lines

COMPANY = Company(
    "Co",
    (
        Branch("A", "Wuhan", projects=("flats", "villas")),
        Branch("B", "Wuhan", projects=("flats",)),
        Branch("C", "Wuhan", projects=("offices",)),
    ),
)
PROJECTS = ("flats", "villas", "offices", "shops")

leads_lists = st.lists(
    st.builds(
        Lead,
        id=st.integers(0, 30).map(str),
        project=st.sampled_from(PROJECTS),
        city=st.sampled_from(("Wuhan", "Xian")),
    ),
    max_size=60,
)


@settings(max_examples=150, deadline=None)
@given(leads_lists, st.sets(st.integers(0, 30).map(str)), st.booleans())
def test_every_lead_counted_once(leads: list[Lead], deals: set[str], by_branch: bool) -> None:
    groups = (
        [CompetingGroup("Red", branches=("A",)), CompetingGroup("Blue", branches=("B",))]
        if by_branch
        else [
            CompetingGroup("Red", projects=("flats",)),
            CompetingGroup("Blue", projects=("villas",)),
        ]
    )
    results = list(dispatch(COMPANY, leads))
    score = tally(groups, results, deals)
    assert [row.group for row in score][:2] == ["Red", "Blue"]
    assert sum(row.leads for row in score) == len(leads)
    assert sum(row.assigned for row in score) == sum(r.branch is not None for r in results)
    for row in score:
        assert row.leads == row.assigned + row.unassigned
        assert row.assigned == sum(row.by_branch.values())
        assert row.deals <= row.assigned
    assert sum(row.deals for row in score) == sum(
        r.branch is not None and r.lead_id in deals for r in results
    )


def test_branch_groups_leave_unassigned_leads_to_no_group() -> None:
    groups = [CompetingGroup("Red", branches=("A", "B")), CompetingGroup("Blue", branches=("C",))]
    leads = [
        Lead("1", "flats", "Wuhan"),
        Lead("2", "shops", "Wuhan"),
        Lead("3", "offices", "Wuhan"),
    ]
    score = tally(groups, dispatch(COMPANY, leads), {"1", "2"})
    assert [(row.group, row.leads, row.assigned, row.unassigned, row.deals) for row in score] == [
        ("Red", 1, 1, 0, 1),
        ("Blue", 1, 1, 0, 0),
        (NO_GROUP, 1, 0, 1, 0),
    ]


def test_project_groups_count_their_unassigned_leads_and_malformed_rows_apart() -> None:
    groups = [CompetingGroup("Red", projects=("flats", "shops"))]
    rows = [Lead("1", "shops", "Wuhan"), MalformedRow(3, "the id is missing")]
    score = tally(groups, dispatch(COMPANY, rows))
    assert [(row.group, row.leads, row.unassigned) for row in score] == [
        ("Red", 1, 1),
        (NO_GROUP, 1, 1),
    ]
    assert score[0].conversion is None
    assert tally_lines(score)[1] == "Red         1      0         1             0      -"


@pytest.mark.parametrize(
    ("groups", "message"),
    [
        (
            [CompetingGroup("Red", projects=("flats",), branches=("A",))],
            "group 'Red' owns both projects and branches; choose one",
        ),
        (
            [CompetingGroup("Red", branches=("A",)), CompetingGroup("Blue", branches=("A",))],
            "branch 'A' belongs to both 'Red' and 'Blue'",
        ),
        (
            [CompetingGroup("Red", branches=("A",)), CompetingGroup("Blue", projects=("x",))],
            "some groups own projects and others branches; choose one for all",
        ),
    ],
)
def test_unclean_splits_are_refused(groups: list[CompetingGroup], message: str) -> None:
    with pytest.raises(InputError) as raised:
        tally(groups, [])
    assert str(raised.value) == message
