"""How orgkb scales to a national chain: recommend, compare and chart at 1,000 and 10,000 branches.

    python benchmarks/scale.py

For each size the script builds a company in process — seven regions (华北, 东北, 华东…), a
city for about every twenty branches, branches named by city and street (``江宁中山路店``),
monthly inquiry volumes and salaries so that the comparison sizes every queue, one branch in
five listing one or two projects — and prints the CPU time of one call of each step (wall time
swings with whatever else the machine runs): as :mod:`timeit` does, a quick step is repeated
until a timing lasts :data:`LEAST`, and the best of :data:`RUNS` timings is kept, the two sizes
taking turns. The steps:

* ``recommend``: :func:`orgkb.plan.recommend`, the centralized plan;
* ``compare``: :func:`orgkb.compare.compare`, every option with its queues and friction;
* ``chart text`` and ``chart html``: :func:`orgkb.chart.chart` drawn by
  :func:`~orgkb.chart.chart_as_text` and :func:`~orgkb.chart.chart_as_html_page`;
* ``plain loop``: no orgkb at all — a line of HTML per branch, joined — for scale: what ten
  times the data costs this machine and interpreter when the work is exactly linear.

Then, per step, the ratio of the time at 10,000 branches to the time at 1,000: work that grows
with the branches gives about 10, the target is at most about 12. A chain grows into new cities
as it grows, so the larger company has ten times the cities, not ten times the branches per
city; with one city of thousands of branches the same-city friction pairs themselves, which the
comparison lists one by one, grow with the square of that city's branches.

Before the plan index (issue 9) ``compare`` took about 1 s at 100 branches, 31 s at 400 and
minutes at 1,000, and ``recommend`` and ``chart`` grew with the square of the branches.
"""

from __future__ import annotations

import gc
import random
import sys
import time
from collections.abc import Callable
from dataclasses import replace

from orgkb.chart import chart, chart_as_html_page, chart_as_text
from orgkb.compare import compare
from orgkb.model import Branch, Company, Salaries
from orgkb.plan import recommend

SIZES = (1_000, 10_000)
RUNS = 5
LEAST = 0.2
"""Seconds of CPU time a timing lasts at least, repeating a quick step as often as needed."""
TARGET_RATIO = 12
REGIONS = ("华北", "东北", "华东", "华中", "华南", "西南", "西北")
# Two of these make a plausible city name: 江宁, 安阳, 德州…; 900 cities at most.
CITY_SYLLABLES = tuple("江安德平阳宁山州华兴东西南北昌武长海福广成重天泰临吉永清新金云丰")
STREETS = (
    "中山路", "人民路", "解放路", "建设路", "和平路", "新华路", "文化路", "胜利路",
    "长江路", "黄河路", "青年路", "北京路", "上海路", "南京路", "光明路", "团结路",
    "友谊路", "幸福路", "花园路", "工业路", "学府路", "滨江路", "湖滨路", "车站路",
    "迎宾路", "红旗路", "朝阳路", "东风路", "健康路", "振兴路", "复兴路", "育才路",
    "锦绣路", "翠湖路", "金桥路", "世纪大道", "科技路", "创业路", "星光路", "阳光路",
)  # fmt: skip
PROJECTS = ("新房", "二手房", "别墅", "商铺", "装修")
PAY = Salaries(agent=6_000, promoter=9_000, support=8_000, manager=14_000)


def national_chain(branches: int, rng: random.Random) -> Company:
    """A company of *branches* branches in about ``branches / 20`` cities of seven regions."""
    made: list[Branch] = []
    city_number = 0
    while len(made) < branches:
        first, second = divmod(city_number, len(CITY_SYLLABLES))
        city = CITY_SYLLABLES[first] + CITY_SYLLABLES[second]
        region = REGIONS[city_number % len(REGIONS)]
        for street in STREETS[: min(rng.randint(5, 35), branches - len(made))]:
            projects: tuple[str, ...] = ()
            if rng.random() < 0.2:
                projects = tuple(rng.sample(PROJECTS, rng.randint(1, 2)))
            made.append(
                Branch(
                    f"{city}{street}店",
                    city,
                    region,
                    projects,
                    inquiries_per_month=rng.randint(1_000, 12_000),
                )
            )
        city_number += 1
    return Company("全国连锁", tuple(made), salaries=PAY)


def calls_to_time(step: Callable[[Company], object], company: Company) -> int:
    """How many calls of *step* on *company* take at least :data:`LEAST` seconds of CPU."""
    calls = 1
    while _cpu_time(step, company, calls) < LEAST:
        calls *= 2
    return calls


def _cpu_time(step: Callable[[Company], object], company: Company, calls: int) -> float:
    # Each call gets a fresh copy of the company, so that what a company works out once about
    # itself (its branches by region) is paid for in every call, as in a single command.
    copies = [replace(company) for _ in range(calls)]
    # As timeit does, the garbage collector is off while the calls run: how often it runs
    # depends on what else the process has made, not on the step.
    gc.disable()
    try:
        start = time.process_time()
        for copy in copies:
            step(copy)
        return time.process_time() - start
    finally:
        gc.enable()


def plain_loop(company: Company) -> str:
    """A line of markup per branch, joined: linear work to read the other figures against."""
    return "\n".join(
        f'<li class="branch"><span>{branch.name}</span> {branch.city}</li>'
        for branch in company.branches
    )


STEPS: tuple[tuple[str, Callable[[Company], object]], ...] = (
    ("recommend", recommend),
    ("compare", compare),
    ("chart text", lambda company: chart_as_text(chart(company))),
    ("chart html", lambda company: chart_as_html_page(chart(company))),
    ("plain loop", plain_loop),
)


def main() -> int:
    rng = random.Random(9)
    companies = {size: national_chain(size, rng) for size in SIZES}
    # The companies stay alive throughout; frozen, the garbage collector skips them, and each
    # step pays only for the objects it makes itself.
    gc.collect()
    gc.freeze()
    print(f"CPU milliseconds a call, best of {RUNS} timings of at least {LEAST} s each")
    header = f"{'branches':>8} {'cities':>6}" + "".join(f" {name:>11}" for name, _ in STEPS)
    print(header)
    calls = {
        (size, name): calls_to_time(step, company)
        for size, company in companies.items()
        for name, step in STEPS
    }
    best = dict.fromkeys(calls, float("inf"))
    # The sizes take turns, so that a busy moment on the machine weighs on both alike.
    for _ in range(RUNS):
        for size, company in companies.items():
            for name, step in STEPS:
                timing = _cpu_time(step, company, calls[size, name]) / calls[size, name]
                best[size, name] = min(best[size, name], timing)
    for size, company in companies.items():
        cities = len({branch.city for branch in company.branches})
        times = "".join(f" {best[size, name] * 1000:>11.2f}" for name, _ in STEPS)
        print(f"{size:>8,} {cities:>6,}{times}")
    small, large = SIZES
    ratios = [best[large, name] / best[small, name] for name, _ in STEPS]
    print(f"{'ratio':>8} {'':>6}" + "".join(f" {ratio:>10.1f}x" for ratio in ratios))
    worst = max(ratios[:-1])  # the last step is the plain loop
    verdict = "within" if worst <= TARGET_RATIO else "over"
    print(
        f"{large // small}x the branches: at most {worst:.1f}x the time for orgkb, "
        f"{verdict} the target of {TARGET_RATIO}x; the plain loop took {ratios[-1]:.1f}x"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
