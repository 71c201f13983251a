"""Benchmark ``orgkb allocate``: 1,000,000 leads over 1,000 branches, end to end.

Run by hand: ``.venv/bin/python benchmarks/dispatch.py``. It writes a CSV profile and a CSV
leads file to a temporary folder, then runs the real command line (``python -m orgkb
allocate``) in a fresh process per case, output to /dev/null, and prints for each case the
process's CPU time (user and system; wall time swings with whatever else the machine runs),
leads per CPU second and the process's peak memory, then two scaling ratios of CPU time:

* 2x leads: the time for twice the leads over the time for the base case; linear cost is 2.0;
* 20x branches: the time with twenty times the branches over the base case; a dispatch that
  scanned every branch per lead would be near 20, one that keeps heaps stays near 1. It is
  measured twice: with twenty times the cities, so that the pools (the branches a lead may go
  to) keep their size, and with the same cities, so that every pool is twenty times larger and
  each branch shares more pools with others.

The base case has 1,000 branches in 200 cities of 10 regions. About
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
BRANCHES_PER_CITY = 5


def write_profile(path: Path, branches: int, cities: int, rng: random.Random) -> list[str]:
    """A CSV profile of *branches* branches spread over *cities* cities; the cities' names."""
    names = [f"City{n:05d}" for n in range(cities)]
    with path.open("w", encoding="utf-8") as out:
        out.write("name,city,region,projects,capacity\n")
        for number in range(branches):
            city = number % cities
            projects = ""
            if rng.random() < 0.2:
                projects = ";".join(rng.sample(PROJECTS, rng.randint(1, 2)))
            capacity = rng.choice((1, 2, 3, 5))
            out.write(f"B{number},{names[city]},R{city % REGIONS},{projects},{capacity}\n")
    return names


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


def run_case(folder: Path, leads: int, branches: int, cities: int) -> tuple[float, float, int]:
    """CPU seconds, wall seconds and peak memory (KiB) of ``orgkb allocate`` for one case."""
    rng = random.Random(f"{leads}/{branches}/{cities}")
    profile = folder / "profile.csv"
    lead_file = folder / "leads.csv"
    cities_named = write_profile(profile, branches, cities, rng)
    write_leads(lead_file, leads, cities_named, rng)
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
    leads, branches = arguments.leads, arguments.branches
    cities = max(1, branches // BRANCHES_PER_CITY)
    cases = {
        "base": (leads, branches, cities),
        "2x leads": (2 * leads, branches, cities),
        "20x branches, 20x cities": (leads, 20 * branches, 20 * cities),
        "20x branches, same cities": (leads, 20 * branches, cities),
    }
    timings: dict[str, float] = {}
    with tempfile.TemporaryDirectory() as folder:
        for name, (count, size, spread) in cases.items():
            seconds, wall, peak = run_case(Path(folder), count, size, spread)
            timings[name] = seconds
            print(
                f"{name:25} {count:>9,} leads {size:>6,} branches {spread:>5,} cities: "
                f"CPU {seconds:6.2f} s "
                f"(wall {wall:6.2f} s), {count / seconds:>7,.0f} leads/s, "
                f"peak memory {peak / 1024:,.0f} MiB"
            )
    base = timings["base"]
    print(f"ratio 2x leads:                  {timings['2x leads'] / base:.2f} (linear: 2.00)")
    for name in ("20x branches, 20x cities", "20x branches, same cities"):
        print(f"ratio {name + ':':26} {timings[name] / base:.2f} (flat: 1.00, scan: 20)")


if __name__ == "__main__":
    main()
