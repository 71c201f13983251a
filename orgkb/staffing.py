"""How many customer-service agents a queue of inquiries needs: the Erlang C model.

Inquiries arrive at random (a Poisson stream) at *arrivals per hour*; each takes an agent the
*average handle time* (AHT, 平均处理时长); an inquiry that finds every agent busy waits its turn.
The offered load in Erlangs (话务量) is arrivals per second times handle time: the number of
agents that would be busy all the time if the work could be spread perfectly. The model gives,
for *n* agents, the probability that an inquiry waits (the Erlang C formula), the service level
(服务水平: the share answered within a target time), the average speed of answer (ASA, 平均应答速度)
and the occupancy (占用率: the share of their time agents spend handling inquiries); and it
finds the fewest agents that meet a :class:`ServiceTarget`.

Every figure comes from the Erlang B recursion ``B(0) = 1``,
``B(n) = A·B(n-1) / (n + A·B(n-1))``, never from factorials or powers: each step is a ratio of
numbers between 0 and ``n + A``, so nothing overflows at thousands of agents, and the recursion
is numerically stable (an error in one step shrinks in the next). The search for the required
agents continues the one recursion from candidate to candidate instead of starting over.
Where a whole number of people is at stake — the first count above the load, the occupancy
cap, the roster after shrinkage — numbers are taken as the decimals they print as, so that 14
agents at 30 % shrinkage need 20 on the roster, although 14 / 0.7 is 20.000000000000004 in
binary floating point.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from fractions import Fraction
from types import MappingProxyType
from typing import ClassVar

from orgkb.errors import InputError
from orgkb.text import Text
from orgkb.values import Limits, exact

SECONDS_PER_HOUR = 3600
_Rounding = Callable[[float | Fraction], int]
MAX_ERLANGS = 1_000_000
"""The most agents :func:`staff` sizes a queue for: a million busy at once.

The exact recursion takes one step per agent, about a second at this size; no single queue
comes near it, so a larger load is almost certainly a mistyped unit. The same bound holds
for the agents an occupancy cap asks for (the load over the cap), which is what keeps a cap
such as ``1e-8`` from running for hours: every call of :func:`staff` ends within about a
million steps of the recursion.
"""
ARRIVALS_PER_HOUR = Limits(at_least=0)
"""The inquiries a queue gets in the hour it is staffed for."""


@dataclass(frozen=True)
class ServiceTarget:
    """What a customer-service queue promises, and what it allows its agents.

    *handle_time* is the average handle time in seconds (talk or chat plus the wrap-up after);
    *service_level* of the inquiries are to be answered within *answer_within* seconds.
    *shrinkage* (缩减率) is the share of paid time an agent is not available to answer —
    breaks, training, meetings, leave — so ``agents / (1 - shrinkage)`` must be on the roster.
    *max_occupancy* caps the share of their available time agents spend handling inquiries;
    ``1`` sets no cap beyond the model's own (occupancy is always below 1); a cap so low that
    the load over it exceeds :data:`MAX_ERLANGS` agents is refused by :func:`staff`, which
    alone knows the load. Each field keeps its :attr:`LIMITS`, else
    :class:`~orgkb.errors.InputError` names it.

    The defaults are the industry's usual "80/20" target (80 % within 20 seconds) with a
    three-minute handle time, no shrinkage and no occupancy cap.

    >>> ServiceTarget(service_level=1.0)
    Traceback (most recent call last):
    ...
    orgkb.errors.InputError: service_level: expected a number above 0 and below 1, got 1
    """

    LIMITS: ClassVar[Mapping[str, Limits]] = MappingProxyType(
        {
            "handle_time": Limits(above=0),
            "answer_within": Limits(at_least=0),
            "service_level": Limits(above=0, below=1),
            "shrinkage": Limits(at_least=0, below=1),
            "max_occupancy": Limits(above=0, at_most=1),
        }
    )
    """The numbers each field allows, by field name: the one statement of them, which the
    profile reader and the command line read their values with."""

    handle_time: float = 180.0
    answer_within: float = 20.0
    service_level: float = 0.8
    shrinkage: float = 0.0
    max_occupancy: float = 1.0

    def __post_init__(self) -> None:
        for name, limits in self.LIMITS.items():
            limits.check(getattr(self, name), name)


@dataclass(frozen=True)
class Staffing:
    """A queue staffed to a target: how many agents, and how the queue then performs.

    *agents* answer inquiries at any moment (the Erlang C figure, to which *service_level*,
    *p_wait*, *asa_seconds* and *occupancy* refer); *rostered_agents* are the hour's seats, the
    agents at work in it to keep that many available after shrinkage: not the people on the
    payroll, who fill the seats every hour the queue is open (:func:`orgkb.compare.payroll`).
    """

    arrivals_per_hour: float
    target: ServiceTarget
    agents: int
    rostered_agents: int
    erlangs: float
    service_level: float
    p_wait: float
    asa_seconds: float
    occupancy: float

    def to_json(self) -> dict[str, object]:
        """The staffing as the ``orgkb staff --format json`` contract describes it."""
        return {
            "agents": self.agents,
            "rostered_agents": self.rostered_agents,
            "erlangs": self.erlangs,
            "service_level": self.service_level,
            "p_wait": self.p_wait,
            "asa_seconds": self.asa_seconds,
            "occupancy": self.occupancy,
            "arrivals_per_hour": self.arrivals_per_hour,
            "aht_seconds": self.target.handle_time,
            "answer_within_seconds": self.target.answer_within,
            "target_service_level": self.target.service_level,
            "shrinkage": self.target.shrinkage,
            "max_occupancy": self.target.max_occupancy,
        }


def erlangs(arrivals_per_hour: float, handle_time: float) -> float:
    """The offered load: arrivals per second times the average handle time in seconds.

    >>> erlangs(200, 180)
    10.0
    """
    ARRIVALS_PER_HOUR.check(arrivals_per_hour, "arrivals_per_hour")
    ServiceTarget.LIMITS["handle_time"].check(handle_time, "handle_time")
    return float(_load(arrivals_per_hour, handle_time))


def erlang_b(agents: int, load: float) -> float:
    """The probability that an inquiry finds all *agents* busy when none may wait (Erlang B).

    >>> round(erlang_b(2, 1.0), 6)
    0.2
    """
    # One step of the recursion per agent: staff's bound keeps this one bounded too.
    _check(
        0 <= agents <= MAX_ERLANGS,
        Text("agents must be 0 or more and at most {most:,}", most=MAX_ERLANGS),
        agents,
        "agents",
    )
    _check(math.isfinite(load) and load >= 0, Text("load must be 0 or more"), load, "load")
    blocking = 1.0
    for count in range(1, agents + 1):
        carried = load * blocking
        blocking = carried / (count + carried)
    return blocking


def erlang_c(agents: int, load: float) -> float:
    """The probability that an inquiry has to wait, with *agents* answering a *load* (Erlang C).

    Defined only for more agents than the load: with fewer, the queue grows without end.

    >>> round(erlang_c(14, 10.0), 4)
    0.1741
    """
    _check(
        agents > load,
        Text("the queue grows without end unless agents exceed the load"),
        agents,
        "agents",
    )
    return _waiting(agents, load, agents - load, erlang_b(agents, load))


def service_level(agents: int, load: float, handle_time: float, answer_within: float) -> float:
    """The share of inquiries answered within *answer_within* seconds.

    >>> round(service_level(14, 10.0, 180, 20), 4)
    0.8884
    """
    headroom = agents - load
    return 1 - erlang_c(agents, load) * math.exp(-headroom * answer_within / handle_time)


def staff(arrivals_per_hour: float, target: ServiceTarget | None = None) -> Staffing:
    """The fewest agents that answer *arrivals_per_hour* to *target*, and how they perform.

    The candidates start at the first whole number above the load — for 2.5 Erlangs that is
    3, where rounding 2.5 + 1 to the nearest whole number would start at 4 and skip a candidate
    that may meet a modest target — and the Erlang B recursion runs on from one
    candidate to the next. The answer also respects the occupancy cap, and the roster adds
    shrinkage, rounded up. A load of more than :data:`MAX_ERLANGS`, or an occupancy cap that
    asks for more agents than that, is an :class:`~orgkb.errors.InputError` naming
    ``arrivals_per_hour`` or ``max_occupancy``; so the work of every call is bounded.

    >>> result = staff(200, ServiceTarget(handle_time=180, answer_within=20, service_level=0.8))
    >>> result.agents, result.erlangs, round(result.service_level, 3)
    (14, 10.0, 0.888)
    >>> staff(200, ServiceTarget(shrinkage=0.3)).rostered_agents
    20
    """
    target = target or ServiceTarget()
    ARRIVALS_PER_HOUR.check(arrivals_per_hour, "arrivals_per_hour")
    load = arrivals_per_hour * target.handle_time / SECONDS_PER_HOUR
    _check(
        load <= MAX_ERLANGS,
        Text("the load must be at most {most:,} Erlangs", most=MAX_ERLANGS),
        load,
        "arrivals_per_hour",
    )
    # The cap asks for at least load / cap agents; a tiny cap would ask for astronomically
    # many, one recursion step each. (With 1e-310 the quotient is infinite: refused too.)
    if not load / target.max_occupancy <= MAX_ERLANGS:
        raise InputError(
            Text(
                "an occupancy of at most {cap:g} needs more than {most:,} agents for {load:g} "
                "Erlangs, the most that can be sized",
                cap=target.max_occupancy,
                most=MAX_ERLANGS,
                load=load,
            ),
            field="max_occupancy",
        )
    if load == 0:
        return Staffing(arrivals_per_hour, target, 0, 0, 0.0, 1.0, 0.0, 0.0, 0.0)

    def exact_load() -> Fraction:
        return _load(arrivals_per_hour, target.handle_time)

    fewest = _whole(load, exact_load, math.floor) + 1
    if target.max_occupancy < 1:
        fewest = max(
            fewest,
            _whole(
                load / target.max_occupancy,
                lambda: exact_load() / exact(target.max_occupancy),
                math.ceil,
            ),
        )
    blocking = 1.0
    for agents in range(1, fewest):
        carried = load * blocking
        blocking = carried / (agents + carried)
    decay = target.answer_within / target.handle_time
    agents = fewest - 1
    while True:
        agents += 1
        carried = load * blocking
        blocking = carried / (agents + carried)
        headroom = agents - load
        waiting = _waiting(agents, load, headroom, blocking)
        achieved = 1 - waiting * math.exp(-headroom * decay)
        if achieved >= target.service_level:
            break
    available = 1 - target.shrinkage
    rostered = _whole(
        agents / available,
        lambda: agents / (1 - exact(target.shrinkage)),
        math.ceil,
    )
    return Staffing(
        arrivals_per_hour=arrivals_per_hour,
        target=target,
        agents=agents,
        rostered_agents=rostered,
        erlangs=load,
        service_level=achieved,
        p_wait=waiting,
        asa_seconds=waiting * target.handle_time / headroom,
        occupancy=load / agents,
    )


def _whole(approximate: float, exactly: Callable[[], Fraction], rounding: _Rounding) -> int:
    # Binary floating point can land a hair to either side of a whole number — 14 / 0.7 is
    # 20.000000000000004 — and only there does rounding need the exact decimal arithmetic.
    if abs(approximate - round(approximate)) > 1e-9 * max(1.0, approximate):
        return rounding(approximate)
    return rounding(exactly())


def _waiting(agents: int, load: float, headroom: float, blocking: float) -> float:
    # C = n·B / (n − A·(1 − B)), rearranged as n·B / ((n − A) + A·B): with n − A as a term of
    # its own, a load just below a whole number of agents loses no digits to cancellation.
    return agents * blocking / (headroom + load * blocking)


def _load(arrivals_per_hour: float, handle_time: float) -> Fraction:
    return exact(arrivals_per_hour) * exact(handle_time) / SECONDS_PER_HOUR


def _check(condition: bool, message: Text, value: object, field: str) -> None:
    if not condition:
        raise InputError(Text("{problem}, got {value}", problem=message, value=value), field=field)
