"""``orgkb tally`` and what it builds on: Wilson intervals, the mix-adjusted comparison."""

from __future__ import annotations

import csv
import io
import json
import math
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from orgkb.dispatch import Assignment
from orgkb.errors import InputError
from orgkb.groups import CompetingGroup, GroupTally, compare_within, load_groups, tally, wilson
from orgkb.model import Branch, Company
from tests.helpers import EXAMPLES, run_orgkb, write_file

PROFILE = EXAMPLES / "tutorial" / "jiayuan-2.yaml"
WEEK = EXAMPLES / "dispatch" / "jiayuan-week.csv"
ASSIGNED = EXAMPLES / "dispatch" / "jiayuan-week-assigned.csv"
DEALS = EXAMPLES / "dispatch" / "jiayuan-deals.csv"
GROUPS = EXAMPLES / "dispatch" / "jiayuan-groups.yaml"
SERVICE_GROUPS = EXAMPLES / "dispatch" / "jiayuan-service-groups.yaml"


def test_the_example_assignments_are_what_allocate_writes() -> None:
    status, out, _ = run_orgkb("allocate", str(PROFILE), str(WEEK))
    assert status == 0
    assert out == ASSIGNED.read_text(encoding="utf-8")


@settings(max_examples=300, deadline=None)
@given(st.integers(0, 400), st.integers(1, 400), st.sampled_from((0.8, 0.9, 0.95, 0.99)))
def test_wilson_holds_the_rate_and_solves_the_score_equation(
    successes: int, extra: int, confidence: float
) -> None:
    trials = successes + extra
    interval = wilson(successes, trials, confidence)
    assert interval is not None
    low, high = interval
    rate = successes / trials
    assert 0 <= low <= rate <= high <= 1
    # Each bound p solves |rate - p| = z * sqrt(p (1 - p) / n), the score test's boundary.
    z = {0.8: 1.2815515655446004, 0.9: 1.6448536269514722, 0.95: 1.959963984540054,
         0.99: 2.5758293035489004}[confidence]  # fmt: skip
    for bound in (low, high):
        if 0 < bound < 1:
            assert math.isclose(
                abs(rate - bound), z * math.sqrt(bound * (1 - bound) / trials), rel_tol=1e-9
            )


def test_wilson_known_values() -> None:
    low, high = wilson(7, 17) or (0, 0)
    assert (round(low, 4), round(high, 4)) == (0.2161, 0.6399)
    assert wilson(0, 10) == (0.0, pytest.approx(0.2775, abs=1e-4))
    assert wilson(10, 10) == (pytest.approx(0.7225, abs=1e-4), 1.0)
    assert wilson(3, 0) is None
    with pytest.raises(InputError, match="confidence: expected a number above 0 and below 1"):
        wilson(1, 2, 1)


@pytest.mark.parametrize("confidence", (0.9999999999999999, 1e-320))
def test_wilson_at_the_ends_of_its_confidence(confidence: float) -> None:
    # Just below 1, 1 - (1 - confidence) / 2 rounds to 1, whose quantile is infinite.
    low, high = wilson(3, 10, confidence) or (-1.0, -1.0)
    assert 0 <= low <= 0.3 <= high <= 1


strata_rates = st.lists(
    st.tuples(st.integers(1, 40), st.integers(1, 40), st.integers(0, 10)), min_size=1, max_size=5
)


@settings(max_examples=300, deadline=None)
@given(strata_rates)
def test_a_group_does_not_win_on_the_mix_alone(strata: list[tuple[int, int, int]]) -> None:
    # Two groups that convert equally well in every branch (deals / 10 of their leads) score
    # the same once adjusted, however differently their leads are spread over the branches.
    red, blue = GroupTally("Red"), GroupTally("Blue")
    for index, (red_leads, blue_leads, deals) in enumerate(strata):
        branch = f"B{index}"
        for row, leads in ((red, red_leads), (blue, blue_leads)):
            row.assigned += 10 * leads
            row.deals += deals * leads
            row.by_branch[branch] = 10 * leads
            row.deals_by_branch[branch] = deals * leads
    groups = [CompetingGroup("Red", projects=("flats",)), CompetingGroup("Blue", projects=("x",))]
    within = compare_within(groups, [red, blue])
    assert within.common == tuple(sorted(f"B{n}" for n in range(len(strata))))
    adjusted_red, adjusted_blue = within.adjusted["Red"], within.adjusted["Blue"]
    assert adjusted_red is not None and adjusted_blue is not None
    assert math.isclose(adjusted_red, adjusted_blue)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.tuples(st.integers(0, 30), st.integers(0, 30), st.integers(0, 30), st.integers(0, 30)),
        min_size=1,
        max_size=5,
    )
)
def test_the_adjusted_conversion_is_a_mean_of_the_groups_rates_in_the_common_strata(
    strata: list[tuple[int, int, int, int]],
) -> None:
    red, blue = GroupTally("Red"), GroupTally("Blue")
    for index, (red_leads, red_deals, blue_leads, blue_deals) in enumerate(strata):
        project = f"P{index}"
        for row, leads, deals in ((red, red_leads, red_deals), (blue, blue_leads, blue_deals)):
            if leads:
                row.by_project[project] = leads
                row.deals_by_project[project] = min(deals, leads)
    groups = [CompetingGroup("Red", branches=("A",)), CompetingGroup("Blue", branches=("B",))]
    within = compare_within(groups, [red, blue])
    assert within.by == "project"
    for project in within.common:
        assert set(within.strata[project]) == {"Red", "Blue"}
    for row in (red, blue):
        adjusted = within.adjusted[row.group]
        if not within.common:
            assert adjusted is None
            continue
        rates = [row.deals_by_project[p] / row.by_project[p] for p in within.common]
        assert adjusted is not None
        assert min(rates) - 1e-12 <= adjusted <= max(rates) + 1e-12


def test_tally_keeps_deals_by_project_and_branch() -> None:
    rows = [
        Assignment("1", "A", project="flats"),
        Assignment("2", "B", project="flats"),
        Assignment("3", None, "no-branch: x", project="flats"),
    ]
    (red,) = tally([CompetingGroup("Red", projects=("flats",))], rows, {"1", "3"})
    assert (red.by_project, red.deals_by_project, red.deals_by_branch) == (
        Counter(flats=2),
        Counter(flats=1),
        Counter(A=1),
    )


def tally_args(groups: Path, *more: str) -> list[str]:
    return [
        "tally", str(PROFILE), str(ASSIGNED), "--leads", str(WEEK), "--groups", str(groups),
        "--deals", str(DEALS), *more,
    ]  # fmt: skip


def test_tally_text_for_promotion_groups() -> None:
    status, out, err = run_orgkb(*tally_args(GROUPS))
    assert (status, err) == (0, "")
    assert out.splitlines() == [
        "group  leads  assigned  not assigned  deals  conversion  95% interval",
        "Red    17     17        0             7      41.2%       21.6%–64.0%",
        "Blue   13     13        0             2      15.4%       4.3%–42.2%",
        "",
        "branch        Red         Blue",
        "Hankou        2/7  28.6%  0/7  0.0%",
        "Hanyang       2/3  66.7%  2/6  33.3%",
        "Wuchang       3/7  42.9%  -",
        "mix-adjusted  43.5%       13.0%",
        "mix-adjusted: over the branches where every group has leads (Hankou, Hanyang), "
        "weighted by their leads",
    ]


def test_tally_json_and_csv() -> None:
    status, out, _ = run_orgkb(
        *tally_args(SERVICE_GROUPS, "--format", "json", "--confidence", "0.9")
    )
    assert status == 0
    document = json.loads(out)
    assert document["confidence"] == 0.9
    assert [(g["group"], g["assigned"], g["deals"]) for g in document["groups"]] == [
        ("Red", 14, 2),
        ("Blue", 16, 7),
    ]
    assert document["groups"][1]["interval"] == list(wilson(7, 16, 0.9) or ())
    assert document["within"]["by"] == "project"
    assert document["within"]["common"] == ["flats"]
    assert document["groups"][0]["adjusted_conversion"] == pytest.approx(2 / 7)
    status, out, _ = run_orgkb(*tally_args(SERVICE_GROUPS, "--format", "csv"))
    table = list(csv.DictReader(io.StringIO(out)))
    assert [(row["group"], row["project"], row["assigned"], row["deals"]) for row in table] == [
        ("Red", "", "14", "2"),
        ("Blue", "", "16", "7"),
        ("Red", "flats", "7", "2"),
        ("Blue", "flats", "10", "5"),
        ("Blue", "offices", "6", "2"),
        ("Red", "villas", "7", "0"),
    ]
    assert table[1]["adjusted_conversion"] == "0.5000"


def test_assignments_with_a_project_column_need_no_leads(tmp_path: Path) -> None:
    assigned = write_file(
        tmp_path,
        "a.csv",
        "lead_id,project,branch\nJ1,flats,Hankou\nJ2,villas,Hankou\nJ3,flats,\n",
    )
    deals = write_file(tmp_path, "d.csv", "lead_id\nJ1\n")
    status, out, _ = run_orgkb(
        "tally", str(PROFILE), str(assigned), "--groups", str(GROUPS), "--deals", str(deals)
    )
    assert status == 0
    assert out.splitlines()[1:3] == [
        "Red    2      1         1             1      100.0%      20.7%–100.0%",
        "Blue   1      1         0             0      0.0%        0.0%–79.3%",
    ]


@pytest.mark.parametrize(
    ("assignments", "message"),
    [
        (
            "lead_id,branch\nJ001,Hankou\n",
            ":1: the header has no 'project' column: give the leads file",
        ),
        ("lead_id,branch,project\nJ001,Nowhere,flats\n", ":2: unknown branch 'Nowhere'"),
        ("lead_id,branch,project\nJ001,Hankou,flats,x\n", ":2: 4 values for 3 columns"),
        ("lead,branch\n", ":1: unknown column 'lead' (did you mean 'lead_id'?)"),
    ],
)
def test_bad_assignments_exit_2(tmp_path: Path, assignments: str, message: str) -> None:
    path = write_file(tmp_path, "a.csv", assignments)
    status, out, err = run_orgkb("tally", str(PROFILE), str(path), "--groups", str(GROUPS))
    assert (status, out) == (2, "")
    assert err.startswith(f"orgkb: {path}{message}")
    assert err.count("\n") == 1


def test_assignments_out_of_step_with_the_leads_file(tmp_path: Path) -> None:
    path = write_file(tmp_path, "a.csv", "lead_id,branch\nJ002,Wuchang\n")
    status, _, err = run_orgkb(
        "tally", str(PROFILE), str(path), "--leads", str(WEEK), "--groups", str(GROUPS)
    )
    assert status == 2
    assert err == (
        f"orgkb: {path}:2: the lead 'J002' is not the next row of the leads file ('J001'): give "
        "the assignments allocate wrote for that file, in its order\n"
    )


def test_assignments_that_stop_before_the_leads_file_ends(tmp_path: Path) -> None:
    # A dispatch cut short would score the groups on part of the week: refused, not tallied.
    rows = ASSIGNED.read_text(encoding="utf-8").splitlines()[:5]
    path = write_file(tmp_path, "a.csv", "\n".join(rows) + "\n")
    status, out, err = run_orgkb(
        "tally", str(PROFILE), str(path), "--leads", str(WEEK), "--groups", str(GROUPS)
    )
    assert (status, out) == (2, "")
    assert err == (
        f"orgkb: {path}: the leads file has more rows than the assignments, from 'J005' on: "
        "give the assignments allocate wrote for that file, every row\n"
    )


COMPANY = Company("Co", (Branch("Hankou", "Wuhan"), Branch("Wuchang", "Wuhan")))


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("- {name: Red}\n", ":1: expected a mapping with 'groups', a list of groups, at the top"),
        ("groups: {name: Red}\n", ":1: groups: expected a list of groups, got a mapping"),
        (
            "groups:\n  - {name: Red, project: [x]}\n",
            ":2: groups[0].project: unknown field 'project' (did you mean 'projects'?)",
        ),
        (
            "groups:\n  - {projects: [x]}\n",
            ":2: groups[0].name: expected the group's name, got nothing",
        ),
        (
            "groups:\n  - {name: Red, branches: [Hankuo]}\n",
            ":2: groups[0].branches: unknown branch 'Hankuo' (did you mean 'Hankou'?)",
        ),
        (
            "groups:\n  - {name: Red}\n  - {name: Red}\n",
            ":3: groups[1].name: 'Red' is already a group's name",
        ),
        (
            "groups:\n  - {name: Red, projects: x}\n  - {name: Blue, projects: 'x；y'}\n",
            ":1: project 'x' belongs to both 'Red' and 'Blue'",
        ),
        (
            "groups:\n  - {name: Red, projects: [[x]]}\n",
            ":2: groups[0].projects[0]: expected text, got a list",
        ),
        (
            '{"groups": [{"name": "Red", "branches": "Hankou"}, {"name": "Blue", "projects": ["x"]}]}',
            ": some groups own projects and others branches",
        ),
        ("groups: [\n", ":2: malformed YAML"),
        ("", ": the file is empty"),
    ],
)
def test_bad_groups_files(tmp_path: Path, content: str, message: str) -> None:
    path = write_file(
        tmp_path, "groups.json" if content.startswith("{") else "groups.yaml", content
    )
    with pytest.raises(InputError) as raised:
        load_groups(path, COMPANY)
    assert str(raised.value).startswith(f"{path}{message}")


def test_groups_file_reads_lists_and_text(tmp_path: Path) -> None:
    path = write_file(
        tmp_path,
        "g.yaml",
        "groups:\n  - {name: 1, branches: 'Hankou; Hankou'}\n  - {name: Blue, branches: [Wuchang]}\n",
    )
    assert load_groups(path, COMPANY) == [
        CompetingGroup("1", branches=("Hankou",)),
        CompetingGroup("Blue", branches=("Wuchang",)),
    ]


def test_bad_confidence_is_one_line() -> None:
    status, out, err = run_orgkb(*tally_args(GROUPS, "--confidence", "95"))
    assert (status, out) == (2, "")
    assert err == "orgkb: --confidence: expected a number above 0 and below 1, got text ('95')\n"
