"""The branches that need support: new ones, lagging ones by Fisher's exact test, and the unit."""

from __future__ import annotations

import calendar
import json
import math
import random
from datetime import date, timedelta
from fractions import Fraction
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from orgkb.compare import Assumptions, compare
from orgkb.errors import InputError
from orgkb.model import Branch, Company, Option
from orgkb.plan import city_id, region_id
from orgkb.profile import load_company
from orgkb.support import Criteria, Finding, assess, lag_finding, lag_p_value, months_between
from tests.helpers import EXAMPLES, run_orgkb, write_file

QUARTER = EXAMPLES / "support" / "huaxia-quarter.yaml"


def exact_p_value(deals: int, leads: int, rest_deals: int, rest_leads: int) -> Fraction:
    """The one-sided Fisher p-value in exact arithmetic, from its definition."""
    population, won = leads + rest_leads, deals + rest_deals
    total = math.comb(population, leads)
    return sum(
        (
            Fraction(math.comb(won, k) * math.comb(population - won, leads - k), total)
            for k in range(deals + 1)
        ),
        Fraction(0),
    )


@settings(max_examples=300)
@given(
    leads=st.integers(0, 120),
    rest_leads=st.integers(1, 400),
    deal_share=st.floats(0, 1),
    rest_share=st.floats(0, 1),
)
def test_the_p_value_is_fishers(
    leads: int, rest_leads: int, deal_share: float, rest_share: float
) -> None:
    deals, rest_deals = round(leads * deal_share), round(rest_leads * rest_share)
    expected = float(exact_p_value(deals, leads, rest_deals, rest_leads))
    assert lag_p_value(deals, leads, rest_deals, rest_leads) == pytest.approx(
        expected, rel=1e-9, abs=1e-300
    )


@settings(max_examples=400)
@given(
    leads=st.integers(0, 30),
    rest_leads=st.integers(1, 30),
    data=st.data(),
    confidence=st.sampled_from([0.5, 0.75, 0.8, 0.9, 0.95, 0.99]),
)
def test_the_finding_follows_from_the_exact_p_values(
    leads: int, rest_leads: int, data: st.DataObject, confidence: float
) -> None:
    # Small counts, where a p-value can equal one minus the confidence exactly: at most it
    # is lagging. A branch converting at least as well as the rest is never too few to tell.
    deals = data.draw(st.integers(0, leads))
    rest_deals = data.draw(st.integers(0, rest_leads))
    significance = 1 - Fraction(str(confidence))
    if deals * rest_leads > rest_deals * leads:
        expected = Finding.NOT_SHOWN
    elif exact_p_value(0, leads, rest_deals, rest_leads) > significance:
        expected = Finding.TOO_FEW
    elif exact_p_value(deals, leads, rest_deals, rest_leads) <= significance:
        expected = Finding.LAGGING
    else:
        expected = Finding.NOT_SHOWN
    assert lag_finding(deals, leads, rest_deals, rest_leads, confidence)[0] is expected


def test_a_p_value_equal_to_the_significance_is_lagging() -> None:
    # 0 deals of 3 leads against 3 of 3: p = C(3, 3) / C(6, 3) = 1/20; 0 of 1 against 1 of 1,
    # p = 1/2.
    assert exact_p_value(0, 3, 3, 3) == Fraction(1, 20)
    assert lag_finding(0, 3, 3, 3, 0.95)[0] is Finding.LAGGING
    assert lag_finding(0, 1, 1, 1, 0.5)[0] is Finding.LAGGING


def test_a_branch_above_a_small_pool_is_not_too_few_to_tell() -> None:
    # 30 deals of 200 leads against the rest's 1 of 40: not even 0 of 200 would be lagging
    # against so few, but the branch converts above them; its leads are not the few ones.
    assert lag_finding(30, 200, 1, 40, 0.95)[0] is Finding.NOT_SHOWN
    assert lag_finding(0, 3, 0, 1000, 0.95)[0] is Finding.TOO_FEW


def binomial(count: int, rate: float) -> list[float]:
    return [math.comb(count, k) * rate**k * (1 - rate) ** (count - k) for k in range(count + 1)]


@settings(max_examples=120)
@given(
    leads=st.integers(0, 40),
    rest_leads=st.integers(1, 90),
    rate=st.floats(0.005, 0.995),
    confidence=st.sampled_from([0.5, 0.8, 0.9, 0.95, 0.99]),
)
def test_a_branch_converting_like_its_pool_is_called_lagging_at_most_one_time_in_twenty(
    leads: int, rest_leads: int, rate: float, confidence: float
) -> None:
    # The chance of calling lagging a branch whose leads convert at its pool's rate, summed
    # exactly over every outcome of the branch and of the rest of its pool.
    branch, rest = binomial(leads, rate), binomial(rest_leads, rate)
    false_alarm = sum(
        branch[deals] * rest[rest_deals]
        for deals in range(leads + 1)
        for rest_deals in range(rest_leads + 1)
        if lag_finding(deals, leads, rest_deals, rest_leads, confidence)[0] is Finding.LAGGING
    )
    assert false_alarm <= 1 - confidence + 1e-12


def random_region(draw: random.Random, name: str) -> list[Branch]:
    """A region of one to four cities, of one to four branches each, drawn from their pools.

    In some regions every city has a rate of its own and two branches or more, so that each
    branch's pool, its city, converts at its rate; in the others the whole region converts at
    one rate, and a city's only branch is tested against the region.
    """
    by_city = draw.random() < 0.5
    rate = draw.uniform(0.02, 0.4)
    branches = []
    for city in range(draw.randint(1, 4)):
        city_rate = draw.uniform(0.02, 0.4) if by_city else rate
        for index in range(draw.randint(2 if by_city else 1, 4)):
            leads = draw.randint(0, 300)
            branches.append(
                Branch(
                    f"{name}-{city}-{index}",
                    f"{name}-city{city}",
                    name,
                    leads=leads,
                    deals=sum(draw.random() < city_rate for _ in range(leads)),
                )
            )
    return branches


def test_false_alarms_over_many_random_pools_stay_within_the_confidence() -> None:
    # Every branch drawn from its pool's rate, and tested against the rest of its pool, as
    # orgkb support tests it: its city's other branches, or, for a city's only branch, its
    # region's. Comparing a city's branches with a region whose cities convert at other
    # rates would call many of them lagging.
    draw = random.Random(20250630)
    tests = alarms = 0
    for company in range(400):
        branches = [
            branch for region in range(4) for branch in random_region(draw, f"R{company}.{region}")
        ]
        for assessed in assess(Company("Pools", tuple(branches))).branches:
            tests += assessed.test is not Finding.NO_POOL
            alarms += assessed.lagging
    assert tests > 10_000
    assert alarms / tests <= 0.05


@settings(max_examples=200)
@given(
    st.lists(
        st.tuples(st.sampled_from("ABC"), st.sampled_from("xyz"), st.integers(0, 50)),
        max_size=12,
    )
)
def test_a_branch_is_compared_with_its_city_or_else_its_region(
    places: list[tuple[str, str, int]],
) -> None:
    # The same city name in two regions is two cities, as the plan's city units are.
    branches = tuple(
        Branch(f"B{n}", city, region, leads=leads, deals=leads // 3)
        for n, (region, city, leads) in enumerate(places)
    )
    for assessed in assess(Company("Co", branches)).branches:
        branch = assessed.branch
        city = [b for b in branches if (b.region, b.city) == (branch.region, branch.city)]
        if len(city) > 1:
            rest, pool = city, city_id(branch.region, branch.city)
        else:
            rest, pool = (
                [b for b in branches if b.region == branch.region],
                region_id(branch.region),
            )
        rest = [b for b in rest if b is not branch]
        assert assessed.pool_id == pool
        figures = (sum(b.leads or 0 for b in rest), sum(b.deals or 0 for b in rest))
        if assessed.test is Finding.NO_POOL:
            assert figures[0] == 0
        else:
            assert (assessed.pool_leads, assessed.pool_deals) == figures


def test_a_branch_sharing_its_city_is_not_compared_with_the_rest_of_its_region() -> None:
    # Two Shanghai branches that convert alike are not lagging for a region whose other city
    # converts better; Hangzhou's only branch is compared with all of East China.
    company = Company(
        "East",
        (
            Branch("Xuhui", "Shanghai", "East China", leads=400, deals=40),
            Branch("Pudong", "Shanghai", "East China", leads=400, deals=40),
            Branch("Xihu", "Hangzhou", "East China", leads=400, deals=80),
        ),
    )
    xuhui, _, xihu = assess(company).branches
    assert (xuhui.pool_id, xuhui.pool_leads, xuhui.pool_deals) == (
        "city:East China/Shanghai",
        400,
        40,
    )
    assert xuhui.test is Finding.NOT_SHOWN
    assert (xihu.pool_id, xihu.pool_leads, xihu.pool_deals) == ("region:East China", 800, 80)


def test_small_branches_are_too_few_to_tell() -> None:
    # 0 deals of 3 leads against a pool that converts one lead in ten is no evidence.
    finding, p_value = lag_finding(0, 3, 100, 1000, 0.95)
    assert finding is Finding.TOO_FEW
    assert p_value > 0.05
    # The same share of a hundred times the leads is.
    assert lag_finding(0, 300, 100, 1000, 0.95)[0] is Finding.LAGGING
    # A branch with no leads, or a pool with no deals, can never be shown to lag.
    assert lag_finding(0, 0, 100, 1000, 0.95)[0] is Finding.TOO_FEW
    assert lag_finding(0, 50, 0, 1000, 0.95)[0] is Finding.TOO_FEW


def test_a_branch_above_its_pool_is_not_lagging() -> None:
    finding, p_value = lag_finding(30, 100, 100, 1000, 0.95)
    assert finding is Finding.NOT_SHOWN
    assert p_value > 0.99


def test_huge_counts_are_answered_at_once() -> None:
    # Millions of leads: the normal approximation, near the exact answer, without a long sum.
    assert lag_p_value(10**11, 4 * 10**11, 10**11, 4 * 10**11) == pytest.approx(0.5, abs=1e-3)
    assert lag_p_value(49_000_000, 10**8, 5 * 10**7, 10**8) < 1e-100
    assert lag_p_value(10**6, 10**12, 10**9, 10**12) == pytest.approx(0.0, abs=1e-12)


def test_the_example_quarter_has_known_answers() -> None:
    support = assess(load_company(QUARTER))
    by_name = {assessed.branch.name: assessed for assessed in support.branches}
    assert {name for name, b in by_name.items() if b.new} == {"Gusu", "Honggutan", "Siming"}
    assert {name for name, b in by_name.items() if b.lagging} == {"Gusu", "Yuelu"}
    assert by_name["Siming"].test is Finding.TOO_FEW
    assert by_name["Haizhu"].test is Finding.NOT_SHOWN
    # Yuelu against the rest of Central China: its deals of its leads, theirs of theirs.
    yuelu = by_name["Yuelu"]
    assert (yuelu.pool_leads, yuelu.pool_deals) == (810 + 630 + 270, 122 + 88 + 33)
    assert yuelu.p_value == pytest.approx(float(exact_p_value(31, 450, 243, 1710)))
    # Haizhu against the other branch of Guangzhou, not the rest of South China.
    haizhu = by_name["Haizhu"]
    assert (haizhu.pool_id, haizhu.pool_leads, haizhu.pool_deals) == (
        "city:South China/Guangzhou",
        1170,
        164,
    )
    assert (support.needing, support.support_staff) == (4, 2)


def test_a_branch_is_new_for_full_months() -> None:
    assert months_between(date(2024, 7, 1), date(2025, 6, 30)) == 11
    assert months_between(date(2024, 6, 30), date(2025, 6, 30)) == 12
    assert months_between(date(2025, 1, 31), date(2025, 2, 28)) == 0
    company = Company(
        "Duo",
        (
            Branch("A", "Wuhan", opened=date(2024, 7, 1)),
            Branch("B", "Wuhan", opened=date(2024, 6, 30)),
        ),
        as_of=date(2025, 6, 30),
    )
    assert [b.new for b in assess(company).branches] == [True, False]
    assert [b.new for b in assess(company, Criteria(new_months=11)).branches] == [False, False]


def months_before(day: date, months: int) -> date:
    """The date *months* before *day*: the same day of the month, or that month's last."""
    year, month = divmod(day.year * 12 + day.month - 1 - months, 12)
    return date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


@settings(max_examples=300)
@given(
    opened=st.dates(date(2020, 1, 1), date(2026, 12, 31)),
    days=st.integers(0, 800),
    new_months=st.sampled_from([1, 6, 12, 18]),
)
def test_new_means_opened_after_the_date_that_many_months_before(
    opened: date, days: int, new_months: int
) -> None:
    as_of = opened + timedelta(days=days)
    company = Company("Solo", (Branch("A", "Wuhan", opened=opened),), as_of=as_of)
    assessed = assess(company, Criteria(new_months=new_months)).branches[0]
    assert assessed.new == (opened > months_before(as_of, new_months))


def test_month_ends() -> None:
    as_of = date(2025, 2, 28)
    for opened, new in ((date(2024, 2, 29), True), (date(2024, 2, 28), False)):
        company = Company("Solo", (Branch("A", "Wuhan", opened=opened),), as_of=as_of)
        assert assess(company).branches[0].new is new
    assert months_between(date(2025, 1, 31), date(2025, 3, 1)) == 1


def test_branches_without_figures_or_a_pool() -> None:
    company = Company(
        "Trio",
        (
            Branch("A", "Wuhan", leads=100, deals=10),
            Branch("B", "Wuhan"),
            Branch("C", "Changsha", leads=100, deals=1),
        ),
    )
    findings = [assessed.test for assessed in assess(company).branches]
    assert findings == [Finding.NO_POOL, Finding.NO_FIGURES, Finding.NO_POOL]
    assert assess(company).support_staff == 0


def test_the_unit_is_sized_in_exact_decimals() -> None:
    branches = tuple(Branch(f"B{n}", "Wuhan", opened=date(2025, 6, 1)) for n in range(11))
    company = Company("New", branches, as_of=date(2025, 6, 30))
    assert assess(company, Criteria(branches_per_person=1.1)).support_staff == 10
    assert assess(company, Criteria(branches_per_person=3)).support_staff == 4


@pytest.mark.parametrize(
    ("criteria", "message"),
    [
        ({"confidence": 1}, "confidence: expected a number of 0.5 or more and below 1"),
        ({"confidence": 0.4}, "confidence: expected a number of 0.5 or more and below 1"),
        ({"new_months": 1.5}, "new_months: expected a whole number"),
        ({"branches_per_person": 0}, "branches_per_person: expected a number of 1 or more"),
    ],
)
def test_criteria_keep_their_limits(criteria: dict[str, float], message: str) -> None:
    with pytest.raises(InputError, match=message):
        Criteria(**criteria)  # type: ignore[arg-type]


def test_branch_figures_keep_their_limits() -> None:
    with pytest.raises(InputError, match="deals: 4 deals is more than the branch's 3 leads"):
        Branch("A", "Wuhan", leads=3, deals=4)
    with pytest.raises(InputError, match="give leads and deals together"):
        Branch("A", "Wuhan", leads=3)
    with pytest.raises(InputError, match="leads: expected a whole number of 0 or more"):
        Branch("A", "Wuhan", leads=-1, deals=0)
    with pytest.raises(InputError, match="visits: 9 visits is more"):
        Branch("A", "Wuhan", leads=3, deals=1, visits=9)


def test_dates_need_their_as_of() -> None:
    company = Company("Duo", (Branch("A", "Wuhan", opened=date(2025, 1, 1)),))
    with pytest.raises(InputError) as raised:
        assess(company)
    assert raised.value.field == "as_of"
    late = Company("Duo", company.branches, as_of=date(2024, 12, 31))
    with pytest.raises(InputError, match="after the figures' as_of") as raised:
        assess(late)
    assert raised.value.field == "branches[0].opened"


def test_profile_fields_are_read_with_their_lines(tmp_path: Path) -> None:
    company = load_company(QUARTER)
    assert company.as_of == date(2025, 6, 30)
    xuhui = company.branches[0]
    assert (xuhui.opened, xuhui.leads, xuhui.visits, xuhui.deals) == (
        date(2016, 4, 1),
        1260,
        390,
        176,
    )
    csv = write_file(
        tmp_path, "p.csv", "name,city,opened,leads,deals\nA,Wuhan,2025-01-02,10,1\nB,Wuhan,,,\n"
    )
    loaded = load_company(csv)
    assert loaded.branches[0].opened == date(2025, 1, 2)
    assert loaded.branches[1].leads is None
    cases = {
        "  - {name: A, city: Wuhan, opened: 2025-13-01}": "p.yaml:4: branches[0].opened: "
        "expected a date such as 2025-06-30, got text ('2025-13-01')",
        "  - {name: A, city: Wuhan, opened: '1 May'}": "p.yaml:4: branches[0].opened: "
        "expected a date such as 2025-06-30, got text ('1 May')",
        "  - {name: A, city: Wuhan, leads: 3}": "p.yaml:4: branches[0].deals: "
        "give leads and deals together",
        "  - {name: A, city: Wuhan, leads: 3, deals: 5}": "p.yaml:4: branches[0].deals: "
        "5 deals is more than the branch's 3 leads",
        "  - {name: A, city: Wuhan, leads: 3.5, deals: 1}": "p.yaml:4: branches[0].leads: "
        "expected a whole number of 0 or more, got a number (3.5)",
    }
    for line, message in cases.items():
        path = write_file(tmp_path, "p.yaml", f"company: C\nas_of: 2025-06-30\nbranches:\n{line}\n")
        with pytest.raises(InputError) as raised:
            load_company(path)
        assert str(raised.value) == f"{path.parent}/{message}"
    path = write_file(tmp_path, "p.yaml", "company: C\nas_of: 2025-06-30 10:00:00\n")
    with pytest.raises(InputError, match=r"p\.yaml:2: as_of: expected a date"):
        load_company(path)


def test_command_text_and_json() -> None:
    status, out, err = run_orgkb("support", str(QUARTER))
    assert (status, err) == (0, "")
    assert out.splitlines()[0] == "Huaxia Home: 12 branches, figures as of 2025-06-30"
    assert "Siming" in out and "too few leads to tell" in out
    status, out, err = run_orgkb("support", str(QUARTER), "--format", "json")
    assert (status, err) == (0, "")
    document = json.loads(out)
    assert document["support_staff"] == 2
    yuelu = next(branch for branch in document["branches"] if branch["name"] == "Yuelu")
    assert (yuelu["new"], yuelu["lagging"], yuelu["leads"], yuelu["deals"]) == (
        False,
        True,
        450,
        31,
    )
    assert yuelu["pool"] == "region:Central China"
    xuhui = document["branches"][0]
    assert (xuhui["name"], xuhui["pool"]) == ("Xuhui", "city:East China/Shanghai")
    assert {"name", "new", "lagging", "conversion", "pool_conversion", "p_value"} <= set(yuelu)


def test_command_options(tmp_path: Path) -> None:
    _, out, _ = run_orgkb(
        "support",
        str(QUARTER),
        "--format",
        "json",
        "--confidence",
        "0.999",
        "--new-months",
        "6",
        "--branches-per-person",
        "1",
    )
    document = json.loads(out)
    new = {branch["name"] for branch in document["branches"] if branch["new"]}
    assert new == {"Gusu", "Siming"}
    assert document["support_staff"] == document["needing_support"]
    status, out, err = run_orgkb("support", str(QUARTER), "--confidence", "95")
    assert (status, out) == (2, "")
    assert (
        err
        == "orgkb: --confidence: expected a number of 0.5 or more and below 1, got text ('95')\n"
    )
    path = write_file(
        tmp_path, "p.yaml", "company: C\nbranches:\n  - {name: A, city: W, opened: 2025-01-01}\n"
    )
    status, out, err = run_orgkb("support", str(path))
    assert (status, out) == (2, "")
    assert err.startswith(f"orgkb: {path}: as_of: 'A' gives the date it opened")


def test_as_of_on_the_command_line(tmp_path: Path) -> None:
    # A CSV profile has no place for as_of: --as-of gives it, and replaces a YAML profile's.
    csv_profile = write_file(
        tmp_path,
        "quarter.csv",
        "name,city,opened,leads,deals\nA,Xian,2024-03-01,100,10\nB,Xian,2020-01-01,200,30\n",
    )
    status, out, err = run_orgkb("support", str(csv_profile), "--format", "json")
    assert status == 2 and "as_of: 'A' gives the date it opened" in err
    status, out, err = run_orgkb(
        "support", str(csv_profile), "--as-of", "2025-02-28", "--format", "json"
    )
    assert (status, err) == (0, "")
    document = json.loads(out)
    assert document["as_of"] == "2025-02-28"
    assert [(b["months_open"], b["new"]) for b in document["branches"]] == [(11, True), (61, False)]
    for command in ("compare", "recommend", "transition"):
        assert "--as-of DATE" in run_orgkb(command, "--help")[1]
    _, out, _ = run_orgkb("support", str(QUARTER), "--as-of", "2026-06-30", "--format", "json")
    later = json.loads(out)
    assert not any(branch["new"] for branch in later["branches"])
    status, out, err = run_orgkb("support", str(QUARTER), "--as-of", "30/06/2025")
    assert (status, out) == (2, "")
    assert err == "orgkb: --as-of: expected a date such as 2025-06-30, got text ('30/06/2025')\n"


def quarter_with_volumes() -> Company:
    """The example quarter's branches with inquiries a month too, a third of their leads:
    figures for the support unit and volumes for the comparison."""
    company = load_company(QUARTER)
    volumes = tuple(
        Branch(
            b.name,
            b.city,
            b.region,
            opened=b.opened,
            leads=b.leads,
            deals=b.deals,
            visits=b.visits,
            inquiries_per_month=b.leads / 3 if b.leads else 1,
        )
        for b in company.branches
    )
    return Company(company.name, volumes, as_of=company.as_of)


def test_compare_and_recommend_size_the_support_unit_from_the_figures() -> None:
    sized = compare(quarter_with_volumes())
    assert sized.assumptions.support_team == 2
    assert sized.assumptions.support_needed == 4
    assert sized.outcome(Option.CENTRALIZED).support_staff == 2
    status, out, _ = run_orgkb("recommend", str(QUARTER))
    assert status == 0
    assert out.splitlines()[-1] == (
        "Support unit: 2 people for the branches that need support: 4 "
        "(new or lagging; orgkb support shows why)"
    )
    _, out, _ = run_orgkb("recommend", str(QUARTER), "--format", "json")
    assert (json.loads(out)["support_staff"], json.loads(out)["support_needed"]) == (2, 4)
    # Without figures, recommend says nothing of the unit's size.
    _, out, _ = run_orgkb(
        "recommend", str(EXAMPLES / "staffing" / "two-regions.yaml"), "--format", "json"
    )
    assert "support_staff" not in json.loads(out)


def test_a_support_unit_set_on_the_command_line_wins_over_the_figures() -> None:
    company = quarter_with_volumes()
    assert Assumptions.for_company(company).support_needed == 4
    assert Assumptions.for_company(company, support_team=5).support_team == 5
    assert Assumptions.for_company(company, support_team=5).support_needed is None
