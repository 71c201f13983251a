"""The cases ``benchmarks/dispatch.py`` times are the ones issue 13 names (nothing is timed here).

The benchmark is run by hand; this checks, on a small scale, that its files have the daily caps
and closed days on, and that the base case and twice the leads share one profile, so that
their ratio measures the leads alone.
"""

from __future__ import annotations

import csv
from pathlib import Path

from benchmarks.dispatch import write_case
from orgkb.leads import Lead, read_leads
from orgkb.profile import load_company


def test_twice_the_leads_go_to_the_same_branches_caps_and_closed_days(tmp_path: Path) -> None:
    base_profile, base_leads = write_case(tmp_path / "base", 2_000, 100, 20, limits=True)
    twice_profile, twice_leads = write_case(tmp_path / "twice", 4_000, 100, 20, limits=True)
    assert base_profile.read_bytes() == twice_profile.read_bytes()
    branches = load_company(base_profile).branches
    assert len(branches) == 100
    assert any(branch.daily_cap is not None for branch in branches)
    assert any(branch.closed for branch in branches)
    for lead_file, count in ((base_leads, 2_000), (twice_leads, 4_000)):
        with lead_file.open(encoding="utf-8") as rows:
            assert sum(1 for _ in csv.reader(rows)) == count + 1
        times = [row.received for row in read_leads(lead_file) if isinstance(row, Lead)]
        assert len(times) == count
        known = [time for time in times if time is not None]
        assert known == times
        assert known == sorted(known)


def test_without_limits_no_caps_closed_days_or_times(tmp_path: Path) -> None:
    profile, lead_file = write_case(tmp_path / "free", 500, 50, 10, limits=False)
    assert not any(
        branch.daily_cap is not None or branch.closed for branch in load_company(profile).branches
    )
    assert lead_file.read_text(encoding="utf-8").splitlines()[0] == "id,project,city"
