"""Run ``orgkb.cli.main`` in process, so that a hang or a runaway allocation fails one case.

The command runs in a worker thread while the calling thread watches it. Two limits stop it,
and neither measures speed: a deadline far above any honest run (a backstop: the known hangs
are also expected to end with exit status 2, which a fast machine cannot fake), and a memory
budget, which an alias bomb exceeds within seconds on any machine. A stopped command is told
so by an exception raised inside its thread; it derives from :class:`BaseException` so that no
``except Exception`` in orgkb can swallow it.
"""

from __future__ import annotations

import ctypes
import gc
import io
import os
import sys
import threading
import time
import traceback
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from orgkb.cli import main
from tests.helpers import ROOT

DEADLINE_SECONDS = float(os.environ.get("ORGKB_HOSTILE_SECONDS", "60"))
"""How long one command may run before it counts as hung; set ORGKB_HOSTILE_SECONDS to change."""
MEMORY_BUDGET = 3_000_000
"""How many more memory blocks than at its start one command may hold (some 150 MB of small
objects); the most an honest input here takes is a third of it (a megabyte-long unknown key).
Blocks, not the resident size: freed blocks are counted off at once, freed pages often never."""
_ORGKB = str(ROOT / "orgkb")


class Stopped(BaseException):
    """Raised inside a command the watch stopped."""


class Hung(Stopped):
    """The command was still running at the deadline."""


class Bloated(Stopped):
    """The command held more memory than the budget allows."""


@dataclass(frozen=True)
class Outcome:
    """What one run did: its exit status or the exception that escaped, and what it wrote."""

    argv: tuple[str, ...]
    status: int | None
    out: str
    err: str
    error: BaseException | None = None
    where: str = ""
    stopped: str = ""

    def cause(self) -> str:
        """The failure in one phrase, for grouping: the exception and the orgkb line raising it."""
        if self.stopped:
            return self.stopped
        if self.error is not None:
            return f"{type(self.error).__name__} at {self.where}"
        return ""


def capture() -> tuple[TextIO, io.BytesIO]:
    """A text stream encoding UTF-8 strictly, as a terminal's standard output does, and its bytes."""
    raw = io.BytesIO()
    return io.TextIOWrapper(
        raw, encoding="utf-8", errors="strict", newline="", write_through=True
    ), raw


def run_bounded(
    argv: Sequence[str], *, stdout: TextIO | None = None, stderr: TextIO | None = None
) -> Outcome:
    """Run ``main(argv)`` in a watched thread; the streams default to UTF-8 captures.

    Standard error escapes what it cannot encode, as Python's own ``sys.stderr`` does.
    """
    out, out_bytes = capture()
    err_bytes = io.BytesIO()
    err = io.TextIOWrapper(
        err_bytes, encoding="utf-8", errors="backslashreplace", newline="", write_through=True
    )
    result: dict[str, object] = {}

    def command() -> None:
        try:
            result["status"] = main(list(argv), stdout=stdout or out, stderr=stderr or err)
        except BaseException as error:  # everything that escapes is the finding
            result["error"] = error

    worker = threading.Thread(target=command, name="orgkb " + " ".join(argv[:1]), daemon=True)
    memory_at_start = sys.getallocatedblocks()
    started = time.monotonic()
    worker.start()
    stopped = ""
    while worker.is_alive():
        worker.join(0.1)
        if not worker.is_alive():
            break
        elapsed = time.monotonic() - started
        if not stopped and sys.getallocatedblocks() - memory_at_start > MEMORY_BUDGET:
            stopped = f"memory: held over {MEMORY_BUDGET:,} more memory blocks than at its start"
            _raise_in(worker, Bloated)
        elif not stopped and elapsed > DEADLINE_SECONDS:
            stopped = f"hang: still running after {DEADLINE_SECONDS:g} s"
            _raise_in(worker, Hung)
        elif stopped and elapsed > 2 * DEADLINE_SECONDS + 60:
            stopped += ", and would not stop"
            break
    error = result.pop("error", None)
    where = _where(error) if isinstance(error, BaseException) else ""
    if isinstance(error, Stopped):
        error = None
    if stopped or error is not None:
        # The exception's frames and the command's own form a cycle that holds what the
        # command built; collect it now, not when the collector next gets round to it.
        gc.collect()
    status = result.get("status")
    return Outcome(
        tuple(argv),
        status if isinstance(status, int) else None,
        out_bytes.getvalue().decode("utf-8"),
        err_bytes.getvalue().decode("utf-8"),
        error if isinstance(error, BaseException) else None,
        where,
        stopped,
    )


def _raise_in(worker: threading.Thread, kind: type[Stopped]) -> None:
    # Delivered when the thread next runs Python code: every loop in orgkb does.
    assert worker.ident is not None
    ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(worker.ident), ctypes.py_object(kind))


def _where(error: BaseException) -> str:
    """The innermost line of orgkb the exception passed through, as ``module.py:line (function)``."""
    frames = traceback.extract_tb(error.__traceback__)
    ours = [frame for frame in frames if frame.filename.startswith(_ORGKB)] or frames[-1:]
    if not ours:
        return "?"
    frame = ours[-1]
    name = (
        Path(frame.filename).relative_to(Path(_ORGKB).parent)
        if frame.filename.startswith(_ORGKB)
        else Path(frame.filename).name
    )
    return f"{name}:{frame.lineno} ({frame.name})"
