"""What the tests of lead dispatch share: the companies and leads they draw, and the rule
restated plainly — the pool a lead may go to, and the quota method over it with exact
fractions, scanning every branch — to compare the dispatcher, with its heaps and lazy updates,
against.

tests/test_dispatch.py checks projects, cities, regions and open workload; tests/test_caps.py
daily caps and closed days; tests/test_follow_ups.py the lead pool.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from datetime import date, datetime, timedelta
from fractions import Fraction
from typing import Any

from hypothesis import strategies as st

from orgkb.leads import Lead
from orgkb.model import Branch, Company, Level, Weekday
from orgkb.values import exact

CITIES = ("Wuhan", "Changsha", "Nanchang", "Hefei")
PROJECTS = ("flats", "villas", "offices")
CAPACITIES = (0.5, 1, 1.5, 2, 3, 7, 0.1, 1 / 3)
MONDAY = date(2026, 3, 2)
DAYS = [MONDAY + timedelta(days=n) for n in range(4)]
"""The days dated leads are received on, from a Monday."""


def one_city(capacities: Sequence[float], **fields: Sequence[Any]) -> Company:
    """A company whose branches B0, B1 … are all in Wuhan, so that every lead from there has
    one pool: with these *capacities* and, branch by branch, any other *fields* of a branch
    (``daily_cap=[None, 3]``)."""
    return Company(
        "Co",
        tuple(
            Branch(
                f"B{n}",
                "Wuhan",
                capacity=capacity,
                **{name: values[n] for name, values in fields.items()},
            )
            for n, capacity in enumerate(capacities)
        ),
    )


@st.composite
def companies(draw: st.DrawFn, *, max_branches: int = 7) -> Company:
    """Companies of branches in three cities, in one region or several, serving some of the
    projects or all."""
    branches = []
    for number in range(draw(st.integers(1, max_branches))):
        branches.append(
            Branch(
                f"B{number}",
                draw(st.sampled_from(CITIES[:3])),
                region=draw(st.sampled_from(("", "Central", "South"))),
                projects=tuple(draw(st.sets(st.sampled_from(PROJECTS), max_size=2))),
                capacity=draw(st.sampled_from(CAPACITIES)),
            )
        )
    return Company("Co", tuple(branches))


@st.composite
def limited_companies(draw: st.DrawFn, *, max_branches: int = 6) -> Company:
    """Companies whose branches may have a daily cap and be closed on some of :data:`DAYS`,
    in two cities, so that pools are large enough for caps and closures to matter."""
    branches = []
    for number in range(draw(st.integers(1, max_branches))):
        closed = draw(
            st.lists(
                st.one_of(
                    st.sampled_from([Weekday(day.weekday()) for day in DAYS]),
                    st.sampled_from(DAYS),
                ),
                max_size=2,
                unique=True,
            )
        )
        branches.append(
            Branch(
                f"B{number}",
                draw(st.sampled_from(CITIES[:2])),
                region=draw(st.sampled_from(("", "Central"))),
                projects=tuple(draw(st.sets(st.sampled_from(PROJECTS[:2]), max_size=1))),
                capacity=draw(st.sampled_from(CAPACITIES)),
                daily_cap=draw(st.one_of(st.none(), st.integers(1, 4))),
                closed=tuple(closed),
            )
        )
    return Company("Co", tuple(branches))


def received_times(*, in_order: bool) -> st.SearchStrategy[list[datetime]]:
    """Times over :data:`DAYS`, in the order they are received if *in_order*."""
    minutes = st.lists(st.integers(0, len(DAYS) * 24 * 60 - 1), max_size=60)
    if in_order:
        minutes = minutes.map(sorted)
    start = datetime.combine(MONDAY, datetime.min.time())
    return minutes.map(lambda given: [start + timedelta(minutes=m) for m in given])


@st.composite
def dated_leads(draw: st.DrawFn, *, in_order: bool = False) -> list[Lead]:
    """Leads with a received time, some ids repeated, some without a city."""
    times = draw(received_times(in_order=in_order))
    return [
        Lead(
            draw(st.integers(0, 50).map(str)),
            draw(st.sampled_from(PROJECTS[:3])),
            draw(st.sampled_from((*CITIES[:2], None))),
            received=time,
        )
        for time in times
    ]


def pool_of(company: Company, lead: Lead) -> tuple[list[int], Level | None]:
    """The branches the rule lets *lead* go to, and at which level, restated plainly."""
    serving = [n for n, b in enumerate(company.branches) if b.serves(lead.project)]
    if lead.city is None:
        return (serving, Level.REGION) if len(company.regions) == 1 else ([], None)
    in_city = [n for n in serving if company.branches[n].city == lead.city]
    if in_city:
        return in_city, Level.CITY
    regions = {b.region for b in company.branches if b.city == lead.city}
    return [n for n in serving if company.branches[n].region in regions], Level.REGION


def reference(
    company: Company, leads: Sequence[Lead], open_workload: Mapping[str, int] | None = None
) -> tuple[list[str | None], list[int]]:
    """Where each lead goes by the rule, and the turns each branch passed.

    The quota method, scanning every branch of the lead's pool with exact fractions, starting
    from the *open_workload*. A lead whose id came before, or that no branch may take, goes
    nowhere (``None``); one received on a day its whole pool is closed, or closed or at its
    daily caps, gets the word of why (``closed``, ``cap-reached``). A branch closed or at its
    cap when its turn comes passes it, and the turn counts to its load.
    """
    branches = company.branches
    weight = [exact(b.capacity) for b in branches]
    load = [(open_workload or {}).get(b.name, 0) for b in branches]
    passed = [0] * len(branches)
    taken: Counter[tuple[int, date]] = Counter()
    seen: set[str] = set()
    chosen: list[str | None] = []
    for lead in leads:
        members, _ = pool_of(company, lead)
        if lead.id in seen or not members:
            chosen.append(None)
            seen.add(lead.id)
            continue
        seen.add(lead.id)
        day = lead.received.date() if lead.received is not None else None
        closed = {n for n in members if day is not None and branches[n].closed_on(day)}
        capped = {
            n for n in members if day is not None and branches[n].daily_cap is not None
            and taken[(n, day)] >= (branches[n].daily_cap or 0)
        }  # fmt: skip
        if closed | capped >= set(members):
            chosen.append("closed" if closed == set(members) else "cap-reached")
            continue
        pool_weight = sum(weight[n] for n in members)
        while True:
            total = sum(load[n] for n in members)
            due = [n for n in members if Fraction(load[n]) / weight[n] < (total + 1) / pool_weight]
            best = min(due, key=lambda n: ((load[n] + 1) / weight[n], n))
            load[best] += 1
            if best not in closed | capped:
                break
            passed[best] += 1
        if day is not None:
            taken[(best, day)] += 1
        chosen.append(branches[best].name)
    return chosen, passed
