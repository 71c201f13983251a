"""How fast orgkb sizes large customer-service queues, against pyworkforce's Erlang C.

    python benchmarks/staffing.py

pyworkforce is optional and used only here: ``pip install pyworkforce`` into the same
environment (it is not a dependency of orgkb or of its tests). Without it the script says so
and times orgkb alone.

For each queue both libraries find the agents needed for 80 % of inquiries answered within
20 seconds; the script prints the best of several runs of each, the ratio, and whether the
two agree on the agents. pyworkforce computes the Erlang B recursion afresh for every
candidate, from ``round(load + 1)`` up; orgkb runs the recursion once, from 0 through the
answer, so the gap widens with the queue.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable

from orgkb.staffing import ServiceTarget, staff

try:
    from pyworkforce.queuing import ErlangC
except ImportError:
    ErlangC = None

QUEUES = (
    # (arrivals per hour, average handle time in seconds)
    (1_000, 180),
    (3_000, 300),
    (10_000, 180),
    (10_000, 600),
    (50_000, 300),
    (100_000, 180),
    (100_000, 600),
)
ANSWER_WITHIN = 20
SERVICE_LEVEL = 0.8
RUNS = 5
LARGE = 1_000
"""The load, in Erlangs, from which a queue counts as large for the summary ratio."""


def best_time(work: Callable[[], object], runs: int = RUNS) -> float:
    """The fastest of *runs* calls of *work*, in seconds."""
    fastest = float("inf")
    for _ in range(runs):
        start = time.perf_counter()
        work()
        fastest = min(fastest, time.perf_counter() - start)
    return fastest


def orgkb_agents(arrivals: float, aht: float, service_level: float = SERVICE_LEVEL) -> int:
    target = ServiceTarget(
        handle_time=aht, answer_within=ANSWER_WITHIN, service_level=service_level
    )
    return staff(arrivals, target).agents


def pyworkforce_agents(arrivals: float, aht: float, service_level: float = SERVICE_LEVEL) -> int:
    # pyworkforce counts in minutes over an interval; its "asa" is the target answer time.
    queue = ErlangC(transactions=arrivals, aht=aht / 60, asa=ANSWER_WITHIN / 60, interval=60)
    return int(queue.required_positions(service_level=service_level)["raw_positions"])


def main() -> int:
    if ErlangC is None:
        print(
            "pyworkforce is not installed: timing orgkb alone. "
            "Install it with `pip install pyworkforce` to compare."
        )
    print(f"target: {SERVICE_LEVEL:.0%} answered within {ANSWER_WITHIN} s; best of {RUNS} runs")
    header = f"{'arrivals/h':>10} {'AHT s':>6} {'Erlangs':>8} {'agents':>7} {'orgkb ms':>9}"
    if ErlangC is not None:
        header += f" {'pyworkforce ms':>15} {'agents':>7} {'ratio':>7}"
    print(header)
    ratios = []
    for arrivals, aht in QUEUES:
        ours = orgkb_agents(arrivals, aht)
        our_time = best_time(lambda a=arrivals, h=aht: orgkb_agents(a, h))
        line = (
            f"{arrivals:>10,} {aht:>6} {arrivals * aht / 3600:>8,.0f} {ours:>7,} "
            f"{our_time * 1000:>9.3f}"
        )
        if ErlangC is not None:
            theirs = pyworkforce_agents(arrivals, aht)
            their_time = best_time(lambda a=arrivals, h=aht: pyworkforce_agents(a, h), runs=2)
            ratio = their_time / our_time
            if arrivals * aht / 3600 >= LARGE:
                ratios.append(ratio)
            agree = "" if theirs == ours else "  (differs)"
            line += f" {their_time * 1000:>15.3f} {theirs:>7,} {ratio:>6.1f}x{agree}"
        print(line)
    if ratios:
        print(
            f"on queues of {LARGE:,} Erlangs or more, orgkb is "
            f"{min(ratios):.0f}x to {max(ratios):.0f}x faster"
        )
        # The off-by-one: with 2.5 Erlangs pyworkforce starts its search at round(3.5) = 4.
        low = 0.3
        print(
            f"2.5 Erlangs (50 arrivals/h, 180 s) at {low:.0%} within {ANSWER_WITHIN} s: "
            f"orgkb {orgkb_agents(50, 180, low)} agents, "
            f"pyworkforce {pyworkforce_agents(50, 180, low)}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
