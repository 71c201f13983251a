"""Benchmark ``orgkb allocate``: 1,000,000 leads over 1,000 branches, end to end.

Run by hand: ``.venv/bin/python benchmarks/dispatch.py``. It writes a CSV profile and a CSV
leads file to a temporary folder, then runs the real command line (``python -m orgkb
allocate``) in a fresh process per case, output to /dev/null, and prints for each case the
process's CPU time (user and system; wall time swings with whatever else the machine runs),
leads per CPU second and the process's peak memory, then two scaling ratios of CPU time:

* 2x leads: the time for twice the leads over the time for the base case; linear cost is 2.0;
* 20x branches: the time with twenty times the branches over the base case; a dispatch that
  scanned every branch per lead would be near 20, one that keeps heaps stays near 1.

The branches sit in a fixed number of cities, so more branches means bigger pools: the 20x
case has twenty times as many branches to choose from per lead, not just more cities. About
a fifth of the branches list one or two projects; one lead in a hundred names a city with no
branch, one in a hundred names none, and one in two hundred repeats an earlier id.
"""

from __future__ import annotations

import argparse
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PROJECTS = ("flats", "villas", "offices", "shops", "renovation")
CITIES = 200
REGIONS = 10


def write_profile(path: Path, branches: int, rng: random.Random) -> list[str]:
    """A CSV profile of *branches* branches over the benchmark's cities; the cities."""
    cities = [f"City{n:03d}" for n in range(CITIES)]
    with path.open("w", encoding="utf-8") as out:
        out.write("name,city,region,projects,capacity\n")
        for number in range(branches):
            city = number % CITIES
            projects = ""
            if rng.random() < 0.2:
                projects = ";".join(rng.sample(PROJECTS, rng.randint(1, 2)))
            capacity = rng.choice((1, 2, 3, 5))
            out.write(f"B{number},{cities[city]},R{city % REGIONS},{projects},{capacity}\n")
    return cities


def write_leads(path: Path, count: int, cities: list[str], rng: random.Random) -> None:
    """*count* leads over *cities*, with a few unknown cities, missing cities and repeats."""
    with path.open("w", encoding="utf-8") as out:
        out.write("id,project,city\n")
        for number in range(count):
            draw = rng.random()
            lead_id = f"L{rng.randrange(number)}" if draw < 0.005 and number else f"L{number}"
            if draw > 0.99:
                city = "Nowhere"
            elif draw > 0.98:
                city = ""
            else:
                city = cities[rng.randrange(len(cities))]
            out.write(f"{lead_id},{PROJECTS[rng.randrange(len(PROJECTS))]},{city}\n")


def run_case(folder: Path, leads: int, branches: int) -> tuple[float, float, int]:
    """CPU seconds, wall seconds and peak memory (KiB) of ``orgkb allocate`` for one case."""
    rng = random.Random(f"{leads}/{branches}")
    profile = folder / f"profile-{branches}.csv"
    lead_file = folder / f"leads-{leads}.csv"
    cities = write_profile(profile, branches, rng)
    write_leads(lead_file, leads, cities, rng)
    command = [sys.executable, "-m", "orgkb", "allocate", str(profile), str(lead_file)]
    with open(os.devnull, "w") as sink:
        start = time.perf_counter()
        process = subprocess.Popen(command, stdout=sink)
        _, status, usage = os.wait4(process.pid, 0)
        wall = time.perf_counter() - start
    if status != 0:
        sys.exit(f"orgkb allocate failed with status {status}")
    lead_file.unlink()
    return usage.ru_utime + usage.ru_stime, wall, usage.ru_maxrss


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--leads", type=int, default=1_000_000)
    parser.add_argument("--branches", type=int, default=1_000)
    arguments = parser.parse_args()
    cases = {
        "base": (arguments.leads, arguments.branches),
        "2x leads": (2 * arguments.leads, arguments.branches),
        "20x branches": (arguments.leads, 20 * arguments.branches),
    }
    timings: dict[str, float] = {}
    with tempfile.TemporaryDirectory() as folder:
        for name, (leads, branches) in cases.items():
            seconds, wall, peak = run_case(Path(folder), leads, branches)
            timings[name] = seconds
            print(
                f"{name:13} {leads:>9,} leads {branches:>6,} branches: CPU {seconds:6.2f} s "
                f"(wall {wall:6.2f} s), {leads / seconds:>9,.0f} leads/s, "
                f"peak memory {peak / 1024:,.0f} MiB"
            )
    print(f"ratio 2x leads:     {timings['2x leads'] / timings['base']:.2f} (linear: 2.00)")
    print(f"ratio 20x branches: {timings['20x branches'] / timings['base']:.2f} (flat: 1.00)")


if __name__ == "__main__":
    main()
