"""The measures of each department: formulas, nought denominators and impossible figures."""

from __future__ import annotations

import pytest

from orgkb.errors import InputError
from orgkb.measures import Promotion, Sales, Service, months_to_reach, ratio
from orgkb.model import Branch
from orgkb.profile import load_company
from tests.helpers import EXAMPLES


def test_promotion() -> None:
    month = Promotion(spend=90_000, leads=600, valid_leads=420)
    assert (month.cost_per_lead, month.valid_share) == (150, 0.7)
    assert month.cost_per_valid_lead == pytest.approx(90_000 / 420)
    assert Promotion(spend=0, leads=0, valid_leads=0).cost_per_lead is None


def test_service() -> None:
    month = Service(
        conversations=800,
        answered_in_time=720,
        response_seconds=9_600,
        contacts=360,
        handed_over=340,
        accepted=306,
    )
    assert month.response_time == 12
    assert month.service_level == 0.9
    assert month.contact_rate == 0.45
    assert month.valid_lead_rate == 0.9


def test_sales_from_a_profile() -> None:
    company = load_company(EXAMPLES / "support" / "huaxia-quarter.yaml")
    xuhui = Sales.of(company.branches[0])
    assert xuhui is not None
    assert xuhui.visit_rate == pytest.approx(390 / 1260)
    assert xuhui.close_rate == pytest.approx(176 / 390)
    assert xuhui.conversion == pytest.approx(xuhui.visit_rate * xuhui.close_rate)  # type: ignore[operator]
    assert xuhui.time_to_first_follow_up is None
    assert Sales.of(Branch("A", "Wuhan", leads=10, deals=1)) is None
    assert Sales(leads=10, visits=0, deals=0).close_rate is None
    assert Sales(leads=10, visits=5, deals=1, follow_up_hours=30).time_to_first_follow_up == 3


def test_months_for_a_new_branch_to_reach_its_pool() -> None:
    assert months_to_reach([(30, 1), (50, 5), (60, 9)], 0.15) == 3
    assert months_to_reach([(0, 0), (10, 2)], 0.15) == 2
    assert months_to_reach([], 0.15) is None
    assert ratio(1, 0) is None


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (
            lambda: Promotion(spend=-1, leads=1, valid_leads=0),
            "spend: expected a number of 0 or more",
        ),
        (
            lambda: Promotion(spend=1, leads=1, valid_leads=2),
            "valid_leads cannot be more than leads",
        ),
        (lambda: Service(10, 11, 0, 0, 0, 0), "answered_in_time cannot be more than conversations"),
        (lambda: Service(10, 1, 0, 0, 1, 2), "accepted cannot be more than handed_over"),
        (lambda: Sales(leads=1.5, visits=0, deals=0), "leads: expected a whole number"),  # type: ignore[arg-type]
        (lambda: Sales(leads=1, visits=2, deals=0), "visits cannot be more than leads"),
    ],
)
def test_impossible_figures_are_refused(make: object, message: str) -> None:
    with pytest.raises(InputError, match=message):
        make()  # type: ignore[operator]
