"""The sub-commands of the ``orgkb`` command line, one module each.

Each module has ``register(commands, streams)``, which adds its parser and sets ``run`` to a
function that takes the parsed arguments and the :class:`Streams` and returns an exit status.
"""

from __future__ import annotations

import argparse
from dataclasses import dataclass
from types import ModuleType
from typing import TYPE_CHECKING, TextIO


@dataclass(frozen=True)
class Streams:
    """Where a command writes: its results to *out*, its remarks to *err*."""

    out: TextIO
    err: TextIO


class CommandError(Exception):
    """Input the command cannot use, other than a profile (which raises ProfileError)."""


if TYPE_CHECKING:
    Subcommands = argparse._SubParsersAction[argparse.ArgumentParser]


def _load() -> tuple[ModuleType, ...]:
    # Imported here, not at the top, because each command module imports Streams from us.
    from orgkb.commands import allocate, chart, cite, compare, recommend, rules, staff

    return (recommend, chart, rules, cite, staff, compare, allocate)


COMMANDS = _load()
