"""Hostile input through every sub-command, in process: issue 9's "no crash, no hang, nothing lost".

Each case of :mod:`tests.hostile.corpus` runs through every command that reads its kind of
input, in a watched thread (:mod:`tests.hostile.bounded`), and must keep the promises of
:mod:`tests.hostile.checks`: main returns, with 0 or 2; on 2, one line ``orgkb: ...`` naming
the file or the option; JSON that is JSON; one output row per lead row; no formula and no raw
terminal control in the output. Where the issue names the outcome (a known hang, an input
that must be read) the exit status is asserted too, so no result depends on a machine's speed.
"""

from __future__ import annotations

import errno
import io
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TextIO

import pytest

from tests.helpers import ROOT
from tests.hostile.bounded import DEADLINE_SECONDS, run_bounded
from tests.hostile.checks import problems
from tests.hostile.commands import (
    LEAD_COMMANDS,
    NEEDS_VOLUMES,
    PROFILE_COMMANDS,
    SIDE_FILE_COMMANDS,
    WORKLOAD_COMMANDS,
    argv_for,
    write_good_files,
)
from tests.hostile.corpus import (
    LEADS,
    RECEIVED_LEADS,
    Case,
    OptionCase,
    assignments_cases,
    deals_cases,
    follow_up_cases,
    groups_cases,
    lead_cases,
    option_cases,
    physical_rows,
    profile_cases,
    workload_cases,
)

PROFILES = profile_cases()
PROFILE_RUNS = [
    pytest.param(case, command, id=f"{case.name}-{command}")
    for case in PROFILES
    for command in case.commands or PROFILE_COMMANDS
]
LEAD_FILES = lead_cases()
WORKLOADS = workload_cases()
OPTIONS = option_cases()
SIDE_FILES = {"groups": groups_cases(), "assignments": assignments_cases(), "deals": deals_cases(),
              "follow_ups": follow_up_cases()}  # fmt: skip
SIDE_FILE_RUNS = [
    pytest.param(kind, case, command, id=f"{case.name}-{command}")
    for kind, cases in SIDE_FILES.items()
    for case in cases
    for command in SIDE_FILE_COMMANDS[kind]
]


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Where the good files lie, and each hostile file once written."""
    return tmp_path_factory.mktemp("hostile")


@pytest.fixture(scope="module")
def good(folder: Path) -> dict[str, str]:
    """The paths of the good files, by the names the command templates use."""
    return write_good_files(folder)


def place(case: Case, folder: Path) -> str:
    """The path of *case*'s file in *folder*, written (or made a directory) the first time."""
    path = folder / "cases" / f"{case.name}{case.suffix}"
    path.parent.mkdir(exist_ok=True)
    if case.directory:
        path.mkdir(exist_ok=True)
    elif case.data is not None and not path.exists():
        path.write_bytes(case.data)
    return str(path)


def assert_kept(found: list[str], argv: list[str]) -> None:
    shown = " ".join(word if len(word) <= 80 else word[:77] + "..." for word in argv)
    assert not found, f"orgkb {shown!r}:\n  " + "\n  ".join(found)


@pytest.mark.parametrize(("case", "command"), PROFILE_RUNS)
def test_hostile_profile(case: Case, command: str, folder: Path, good: dict[str, str]) -> None:
    template, output = PROFILE_COMMANDS[command]
    path = place(case, folder)
    argv = argv_for(template, {**good, "profile": path}) + list(case.args)
    outcome = run_bounded(argv)
    culprits = (path, "--company") if case.args else (path,)
    expect = case.expected(command)
    if expect == 0 and command in NEEDS_VOLUMES:
        # A profile that must be read may give no inquiry volumes, which the move needs: then
        # it is refused in one line naming the file, as any other.
        expect = None
    found = problems(
        outcome,
        output=output,
        culprits=culprits,
        expect=expect,
        rows=physical_rows(LEADS),
        branches=case.branches,
    )
    assert_kept(found, argv)


@pytest.mark.parametrize("command", LEAD_COMMANDS)
@pytest.mark.parametrize("case", LEAD_FILES, ids=lambda case: case.name)
def test_hostile_lead_file(case: Case, command: str, folder: Path, good: dict[str, str]) -> None:
    path = place(case, folder)
    argv = argv_for(LEAD_COMMANDS[command], {**good, "leads": path})
    found = problems(
        run_bounded(argv),
        output="csv",
        culprits=(path,),
        expect=case.expected(command),
        rows=case.rows,
        present=case.present,
    )
    assert_kept(found, argv)


@pytest.mark.parametrize("command", WORKLOAD_COMMANDS)
@pytest.mark.parametrize("case", WORKLOADS, ids=lambda case: case.name)
def test_hostile_open_workload(
    case: Case, command: str, folder: Path, good: dict[str, str]
) -> None:
    path = place(case, folder)
    argv = argv_for(WORKLOAD_COMMANDS[command], {**good, "workload": path})
    found = problems(
        run_bounded(argv),
        output="csv",
        culprits=(path,),
        expect=case.expected(command),
        rows=physical_rows(LEADS),
    )
    assert_kept(found, argv)


@pytest.mark.parametrize(("kind", "case", "command"), SIDE_FILE_RUNS)
def test_hostile_side_file(
    kind: str, case: Case, command: str, folder: Path, good: dict[str, str]
) -> None:
    """The groups, assignments, deals and follow-ups files, beside good files of every other kind."""
    template, output = SIDE_FILE_COMMANDS[kind][command]
    path = place(case, folder)
    argv = argv_for(template, {**good, kind: path})
    found = problems(
        run_bounded(argv),
        output=output,
        culprits=(path,),
        expect=case.expected(command),
        rows=physical_rows(RECEIVED_LEADS),
    )
    assert_kept(found, argv)


@pytest.mark.parametrize("case", OPTIONS, ids=lambda case: case.name)
def test_hostile_option(case: OptionCase, good: dict[str, str]) -> None:
    argv = argv_for(case.argv, good)
    culprits = (case.option,) if case.option else ()
    found = problems(
        run_bounded(argv), output=case.output, culprits=culprits, expect=case.expect, rows=case.rows
    )
    assert_kept(found, argv)


@pytest.mark.parametrize(
    "command", ("recommend", "chart-mermaid", "compare-json", "allocate", "tally")
)
def test_company_that_is_not_text_is_blamed_on_the_option(
    command: str, good: dict[str, str]
) -> None:
    """``--company`` from an argument that is not UTF-8 holds a lone surrogate: an error of the
    option, not of the profile it would replace the name of."""
    template, _ = PROFILE_COMMANDS[command]
    argv = [*argv_for(template, good), "--company=Anju\udcff"]
    outcome = run_bounded(argv)
    assert (outcome.status, outcome.err) == (
        2,
        "orgkb: --company: expected text, got half a character (U+DCFF)\n",
    )


def test_case_names_are_unique() -> None:
    """A failure's id names one case: no two cases share a name."""
    sides = [case for cases in SIDE_FILES.values() for case in cases]
    names = [case.name for case in (*PROFILES, *LEAD_FILES, *WORKLOADS, *OPTIONS, *sides)]
    assert sorted(name for name in set(names) if names.count(name) > 1) == []


# Streams that refuse what is written ----------------------------------------------------------

STREAM_COMMANDS = {
    "recommend": ("recommend", "{profile}"),
    "recommend-json": ("recommend", "{profile}", "--format", "json"),
    "chart": ("chart", "{profile}"),
    "chart-html": ("chart", "{profile}", "--format", "html"),
    "compare": ("compare", "{profile}"),
    "staff": (
        "staff",
        "--arrivals-per-hour",
        "200",
        "--aht",
        "180",
        "--answer-within",
        "20",
        "--service-level",
        "0.8",
    ),
    "allocate": ("allocate", "{profile}", "{leads}", "--summary"),
    "rules": ("rules",),
    "cite": ("cite", "one-region.unify-promotion-and-service"),
}
"""A command of each kind, for the streams a shell can hand it."""


class RefusingStream(io.TextIOBase):
    """Standard output on a full disk (``> /dev/full``) or a closed descriptor: every write fails."""

    def __init__(self, code: int) -> None:
        self.code = code

    def write(self, text: str) -> int:
        raise OSError(self.code, os.strerror(self.code))

    def flush(self) -> None:
        raise OSError(self.code, os.strerror(self.code))


def _ascii() -> TextIO:
    return io.TextIOWrapper(
        io.BytesIO(), encoding="ascii", errors="strict", newline="", write_through=True
    )


STREAMS: dict[str, tuple[Callable[[], TextIO], int | None]] = {
    "ascii": (_ascii, None),
    "full": (lambda: RefusingStream(errno.ENOSPC), 2),
    "closed": (lambda: RefusingStream(errno.EBADF), 2),
}
"""Standard outputs as ``PYTHONIOENCODING=ascii``, ``> /dev/full`` and ``>&-`` leave them, with
the exit status each requires: output that cannot be written is an error, never a silent loss."""


@pytest.mark.parametrize("command", STREAM_COMMANDS)
@pytest.mark.parametrize("stream", STREAMS)
def test_unwritable_stdout(stream: str, command: str, good: dict[str, str]) -> None:
    make, expect = STREAMS[stream]
    argv = argv_for(STREAM_COMMANDS[command], good)
    found = problems(run_bounded(argv, stdout=make()), output="text", expect=expect)
    assert_kept(found, argv)


STDERR_COMMANDS = {
    "missing-profile": (("recommend", "no-such-profile.yaml"), 2),
    "allocate-summary": (("allocate", "{profile}", "{leads}", "--summary"), 0),
}
"""Commands that write to standard error, on an error or beside their result, with the exit
status each must keep whether or not standard error can take what they write."""


@pytest.mark.parametrize("command", STDERR_COMMANDS)
@pytest.mark.parametrize("stream", ("full", "closed"))
def test_unwritable_stderr(stream: str, command: str, good: dict[str, str]) -> None:
    """Standard error that refuses every write loses the remarks, not the exit status."""
    make, _ = STREAMS[stream]
    template, expect = STDERR_COMMANDS[command]
    argv = argv_for(template, good)
    outcome = run_bounded(argv, stderr=make())
    assert (outcome.cause(), outcome.status) == ("", expect)
    if expect == 0:
        assert_kept(problems(outcome, output="csv", rows=physical_rows(LEADS)), argv)


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full and a POSIX shell")
@pytest.mark.parametrize("command", STDERR_COMMANDS)
@pytest.mark.parametrize("redirect", ("2> /dev/full", "2> /dev/full > /dev/full"))
def test_full_stderr_of_a_process(redirect: str, command: str, good: dict[str, str]) -> None:
    template, expect = STDERR_COMMANDS[command]
    if ">" in redirect.removeprefix("2>"):
        expect = 2  # nor can standard output take the result
    argv = argv_for(template, good)
    result = subprocess.run(
        ["sh", "-c", f'exec "$@" {redirect}', "sh", sys.executable, "-m", "orgkb", *argv],
        capture_output=True,
        cwd=ROOT,
        timeout=DEADLINE_SECONDS,
        check=False,
    )
    assert result.returncode == expect


SHELL_STDOUT = {
    "ascii": ({"PYTHONIOENCODING": "ascii"}, "", None),
    "full": ({}, "> /dev/full", 2),
    "closed": ({}, ">&-", 2),
}
"""The same three streams, made by a shell for a real process."""


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full and a POSIX shell")
@pytest.mark.parametrize("command", ("recommend", "chart", "allocate"))
@pytest.mark.parametrize("stream", SHELL_STDOUT)
def test_unwritable_stdout_of_a_process(stream: str, command: str, good: dict[str, str]) -> None:
    environment, redirect, expect = SHELL_STDOUT[stream]
    argv = argv_for(STREAM_COMMANDS[command], good)
    script = f'exec "$@" {redirect}'
    try:
        result = subprocess.run(
            ["sh", "-c", script, "sh", sys.executable, "-m", "orgkb", *argv],
            env={**os.environ, **environment},
            capture_output=True,
            text=True,
            cwd=ROOT,
            timeout=DEADLINE_SECONDS,
            check=False,
        )
    except subprocess.TimeoutExpired:
        pytest.fail(f"hang: still running after {DEADLINE_SECONDS:g} s")
    found = []
    if "Traceback" in result.stderr:
        found.append(f"a traceback: {result.stderr.strip().splitlines()[-1]}")
    elif result.returncode not in (0, 2) or (expect is not None and result.returncode != expect):
        found.append(
            f"exit status {result.returncode}, expected {expect or '0 or 2'}: {result.stderr.strip()[:160]!r}"
        )
    elif result.returncode == 2 and (
        result.stderr.count("\n") != 1 or not result.stderr.startswith("orgkb: ")
    ):
        found.append(f"stderr is not one line starting 'orgkb: ': {result.stderr[:160]!r}")
    assert_kept(found, argv)
