"""The Erlang C model against the published example, exact arithmetic and a slow reference."""

from __future__ import annotations

import json
import math
from decimal import Decimal, localcontext
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from orgkb.errors import InputError
from orgkb.staffing import (
    MAX_ERLANGS,
    ServiceTarget,
    erlang_b,
    erlang_c,
    erlangs,
    service_level,
    staff,
)
from tests.helpers import run_orgkb


def reference_staffing(
    arrivals: float, aht: float, within: float, target: float
) -> tuple[int, Decimal, Decimal]:
    """Agents, service level and P(wait) in 40-digit decimals, one candidate at a time."""
    with localcontext() as context:
        context.prec = 40
        load = Decimal(repr(arrivals)) * Decimal(repr(aht)) / 3600
        agents = int(load) + 1
        while True:
            blocking = Decimal(1)
            for count in range(1, agents + 1):
                blocking = load * blocking / (count + load * blocking)
            waiting = agents * blocking / (agents - load * (1 - blocking))
            achieved = (
                1 - waiting * (-(agents - load) * Decimal(repr(within)) / Decimal(repr(aht))).exp()
            )
            if achieved >= Decimal(repr(target)):
                return agents, achieved, waiting
            agents += 1


def exact_erlang_b(agents: int, load: Fraction) -> Fraction:
    """Erlang B from its textbook definition, (A^n / n!) / sum(A^k / k!), in fractions."""
    terms = [load**k / math.factorial(k) for k in range(agents + 1)]
    return terms[-1] / sum(terms)


def exact_erlang_c(agents: int, load: Fraction) -> Fraction:
    """Erlang C from its textbook definition, in fractions."""
    queued = load**agents / math.factorial(agents) * agents / (agents - load)
    return queued / (sum(load**k / math.factorial(k) for k in range(agents)) + queued)


# The worked example published with the model (and pyworkforce's README): 100 calls in half
# an hour, 3 minutes each, 80 % to be answered within 20 seconds.


def test_published_example() -> None:
    result = staff(200, ServiceTarget(handle_time=180, answer_within=20, service_level=0.8))
    assert result.agents == 14
    assert result.erlangs == 10
    assert round(result.service_level, 3) == 0.888
    assert round(result.p_wait, 4) == 0.1741
    assert round(result.occupancy, 4) == 0.7143
    assert result.asa_seconds == pytest.approx(0.17413193 * 180 / 4)


def test_published_example_with_shrinkage_rosters_twenty() -> None:
    # 14 / 0.7 is 20.000000000000004 in floating point; the roster must still be 20.
    result = staff(200, ServiceTarget(shrinkage=0.3))
    assert (result.agents, result.rostered_agents) == (14, 20)


def test_four_branches_of_two_and_a_half_erlangs() -> None:
    one_branch = staff(50)
    pooled = staff(200)
    assert one_branch.erlangs == 2.5
    assert (4 * one_branch.agents, pooled.agents) == (20, 14)


@pytest.mark.parametrize(
    ("arrivals", "aht", "within", "target"),
    [
        (arrivals, aht, within, target)
        for arrivals in (10, 37, 250, 1000, 4321, 20000, 50000)
        for aht, within in ((45, 10), (180, 20), (420, 60), (900, 0))
        for target in (0.5, 0.8, 0.95)
    ],
)
def test_against_slow_high_precision_reference(
    arrivals: float, aht: float, within: float, target: float
) -> None:
    result = staff(arrivals, ServiceTarget(aht, within, target))
    agents, achieved, waiting = reference_staffing(arrivals, aht, within, target)
    assert result.agents == agents
    assert result.service_level == pytest.approx(float(achieved), rel=1e-11, abs=1e-13)
    assert result.p_wait == pytest.approx(float(waiting), rel=1e-10)


def test_largest_queues_stay_exact() -> None:
    result = staff(100_000, ServiceTarget(handle_time=600, answer_within=20, service_level=0.8))
    agents, achieved, _ = reference_staffing(100_000, 600, 20, 0.8)
    assert result.agents == agents
    assert result.service_level == pytest.approx(float(achieved), rel=1e-11)
    assert all(
        math.isfinite(value) for value in (result.p_wait, result.asa_seconds, result.occupancy)
    )


def test_fraction_of_an_erlang() -> None:
    result = staff(0.5, ServiceTarget(handle_time=30))
    assert result.erlangs == pytest.approx(0.5 * 30 / 3600)
    assert result.agents == 1
    assert result.service_level == pytest.approx(
        1 - result.erlangs * math.exp(-(1 - result.erlangs) * 20 / 30)
    )


def test_no_inquiries_need_no_agents() -> None:
    result = staff(0)
    assert (result.agents, result.rostered_agents, result.p_wait) == (0, 0, 0.0)


@pytest.mark.parametrize("arrivals", [50, 52, 54])
def test_search_starts_at_the_first_whole_number_above_the_load(arrivals: float) -> None:
    # Loads of 2.5, 2.6 and 2.7 Erlangs: starting at round(load + 1) would first try 4 and
    # miss 3, which already meets a modest target.
    target = ServiceTarget(handle_time=180, answer_within=20, service_level=0.2)
    assert staff(arrivals, target).agents == 3


def test_a_whole_number_load_needs_more_agents_than_the_load() -> None:
    # 10 Erlangs exactly: 10 agents would mean a queue without end, whatever the target.
    result = staff(200, ServiceTarget(service_level=0.01))
    assert result.agents == 11


def test_occupancy_cap() -> None:
    capped = staff(200, ServiceTarget(max_occupancy=0.6))
    # 10 Erlangs at no more than 60 % occupancy: 10 / 0.6 = 16.67, so 17 agents.
    assert capped.agents == 17
    assert capped.occupancy <= 0.6
    # 21 Erlangs at 70 %: exactly 30 agents, though 21 / 0.7 is 30.000000000000004 in binary.
    assert staff(420, ServiceTarget(max_occupancy=0.7, service_level=0.01)).agents == 30


@pytest.mark.parametrize("agents", range(0, 25))
@pytest.mark.parametrize("load", [Fraction(1, 4), Fraction(5, 2), Fraction(10), Fraction(37, 3)])
def test_erlang_b_matches_its_definition(agents: int, load: Fraction) -> None:
    assert erlang_b(agents, float(load)) == pytest.approx(
        float(exact_erlang_b(agents, load)), rel=1e-13
    )


@pytest.mark.parametrize("load", [Fraction(1, 4), Fraction(5, 2), Fraction(10), Fraction(37, 3)])
def test_erlang_c_from_erlang_b_identity(load: Fraction) -> None:
    for agents in range(math.floor(load) + 1, 30):
        blocking = exact_erlang_b(agents, load)
        identity = agents * blocking / (agents - load * (1 - blocking))
        assert identity == exact_erlang_c(agents, load)
        got = erlang_c(agents, float(load))
        assert got == pytest.approx(float(identity), rel=1e-12)
        assert got > erlang_b(agents, float(load))


def test_erlang_c_refuses_too_few_agents() -> None:
    with pytest.raises(InputError, match="agents exceed the load"):
        erlang_c(10, 10.0)


def test_erlang_b_is_bounded_in_work() -> None:
    with pytest.raises(InputError, match="agents: agents must be 0 or more and at most 1,000,000"):
        erlang_b(10**12, 1.0)


@settings(max_examples=200, deadline=None)
@given(
    arrivals=st.floats(min_value=0.01, max_value=100_000),
    aht=st.floats(min_value=5, max_value=1800),
    within=st.floats(min_value=0, max_value=300),
    target=st.floats(min_value=0.05, max_value=0.99),
    occupancy=st.sampled_from([1.0, 0.95, 0.85, 0.7]),
    shrinkage=st.sampled_from([0.0, 0.1, 0.3, 0.35]),
)
def test_required_agents_are_the_fewest_that_meet_the_target(
    arrivals: float, aht: float, within: float, target: float, occupancy: float, shrinkage: float
) -> None:
    goal = ServiceTarget(aht, within, target, shrinkage, occupancy)
    result = staff(arrivals, goal)
    load = result.erlangs
    assert result.agents > load
    assert result.service_level >= target
    assert result.occupancy <= occupancy
    assert result.service_level == pytest.approx(service_level(result.agents, load, aht, within))
    assert result.asa_seconds == pytest.approx(result.p_wait * aht / (result.agents - load))
    fewer = result.agents - 1
    if fewer > load and load / fewer <= occupancy:
        assert service_level(fewer, load, aht, within) < target
    available = Fraction(1) - Fraction(repr(shrinkage))
    assert result.rostered_agents * available >= result.agents
    assert (result.rostered_agents - 1) * available < result.agents


@settings(max_examples=100, deadline=None)
@given(load=st.floats(min_value=0.001, max_value=300), extra=st.integers(min_value=1, max_value=40))
def test_service_level_rises_with_every_agent(load: float, extra: int) -> None:
    agents = math.floor(load) + extra
    assert service_level(agents + 1, load, 180, 20) >= service_level(agents, load, 180, 20)


@pytest.mark.parametrize(
    ("target", "message"),
    [
        ({"handle_time": 0}, "handle_time: expected a number above 0, got 0"),
        ({"answer_within": -1}, "answer_within: expected a number of 0 or more, got -1"),
        ({"service_level": 0}, "service_level: expected a number above 0 and below 1, got 0"),
        ({"service_level": 1}, "service_level: expected a number above 0 and below 1, got 1"),
        ({"shrinkage": 1}, "shrinkage: expected a number of 0 or more and below 1, got 1"),
        ({"max_occupancy": 0}, "max_occupancy: expected a number above 0 and at most 1, got 0"),
        ({"handle_time": math.inf}, "handle_time: expected a number above 0, got inf"),
        ({"handle_time": 1e300}, "handle_time: expected a number above 0, got 1e+300"),
        ({"answer_within": math.nan}, "answer_within: expected a number of 0 or more, got nan"),
    ],
)
def test_impossible_targets_are_refused(target: dict[str, float], message: str) -> None:
    with pytest.raises(InputError) as raised:
        ServiceTarget(**target)
    assert str(raised.value) == message
    assert raised.value.field == next(iter(target))


def test_every_target_field_has_its_limits() -> None:
    assert set(ServiceTarget.LIMITS) == set(vars(ServiceTarget()))


def test_impossible_queues_are_refused() -> None:
    with pytest.raises(InputError, match="arrivals_per_hour: expected a number of 0 or more"):
        staff(-1)
    with pytest.raises(InputError, match="arrivals_per_hour: the load must be at most 1,000,000"):
        staff(MAX_ERLANGS * 3600 / 180 * 1.01)


@pytest.mark.parametrize("cap", [1e-8, 1e-300, 5e-324])
def test_an_occupancy_cap_that_asks_for_too_many_agents_is_refused(cap: float) -> None:
    # Load over occupancy: 10 Erlangs at a cap of 1e-8 would ask for a billion agents, one
    # step of the recursion each; at 1e-300 the search would never end.
    with pytest.raises(InputError) as raised:
        staff(200, ServiceTarget(max_occupancy=cap))
    assert raised.value.field == "max_occupancy"
    assert str(raised.value) == (
        f"max_occupancy: an occupancy of at most {cap:g} needs more than 1,000,000 agents "
        "for 10 Erlangs, the most that can be sized"
    )


def test_the_largest_queues_are_still_sized() -> None:
    # At the bound, with the cap and shrinkage as extreme as their limits allow.
    assert staff(MAX_ERLANGS * 3600 / 180).agents > MAX_ERLANGS
    capped = staff(200, ServiceTarget(max_occupancy=10 / MAX_ERLANGS))
    assert capped.agents == MAX_ERLANGS
    rostered = staff(200, ServiceTarget(shrinkage=math.nextafter(1, 0))).rostered_agents
    # The shrinkage is taken as the decimal it prints as, 0.9999999999999999.
    assert rostered == 14 * 10**16


def test_tiny_values_give_finite_figures() -> None:
    result = staff(200, ServiceTarget(handle_time=1e-310))
    figures = [value for value in result.to_json().values() if isinstance(value, float)]
    assert all(math.isfinite(value) for value in figures)
    assert result.agents <= 1


def test_erlangs() -> None:
    assert erlangs(100_000, 36) == 1000


EXAMPLE = ("--arrivals-per-hour", "200", "--aht", "180", "--answer-within", "20")


def test_command_text() -> None:
    status, out, err = run_orgkb("staff", *EXAMPLE, "--service-level", "0.8")
    assert (status, err) == (0, "")
    assert "agents answering: 14\n" in out
    assert "service level: 88.84% answered within 20 s\n" in out


def test_command_json() -> None:
    status, out, _ = run_orgkb(
        "staff", *EXAMPLE, "--service-level", "0.8", "--shrinkage", "0.3", "--format", "json"
    )
    document = json.loads(out)
    assert status == 0
    assert {"agents", "erlangs", "service_level", "p_wait", "asa_seconds", "occupancy"} <= set(
        document
    )
    assert (document["agents"], document["rostered_agents"], document["erlangs"]) == (14, 20, 10)
    assert round(document["service_level"], 3) == 0.888


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (("--service-level", "0.8", "--shrinkage", "abc"), "--shrinkage: expected a number"),
        (
            ("--service-level", "80"),
            "--service-level: expected a number above 0 and below 1, got text ('80')",
        ),
        (
            ("--service-level", "0.8", "--max-occupancy", "1.5"),
            "--max-occupancy: expected a number above 0 and at most 1, got text ('1.5')",
        ),
        (
            ("--service-level", "inf"),
            "--service-level: expected a number above 0 and below 1, got text ('inf')",
        ),
        (
            ("--service-level", "0.8", "--max-occupancy", "1e-8"),
            "--max-occupancy: an occupancy of at most 1e-08 needs more than 1,000,000 agents",
        ),
        (("--service-level", "0.8", "--max-occupancy", "1e-300"), "--max-occupancy: an occupancy"),
        (
            ("--service-level", "0.8", "--arrivals-per-hour", "1e11"),
            "--arrivals-per-hour: the load must be at most 1,000,000 Erlangs",
        ),
        (("--service-level", "0.8", "--arrivals-per-hour", "-1"), "--arrivals-per-hour: expected"),
    ],
)
def test_command_refuses_bad_values_in_one_line(extra: tuple[str, ...], message: str) -> None:
    status, out, err = run_orgkb("staff", *EXAMPLE, *extra)
    assert status == 2
    assert out == ""
    assert err.count("\n") == 1
    assert err.startswith("orgkb: ")
    assert message in err
