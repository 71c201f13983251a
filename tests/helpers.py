"""Small helpers the tests share."""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path
from typing import TypeVar

from orgkb.cli import main

T = TypeVar("T")


def run_orgkb(*argv: str) -> tuple[int, str, str]:
    """Run the command line in-process; return its exit status, stdout and stderr.

    The streams encode as a terminal's do: standard output in strict UTF-8, so that text no
    encoding can write fails here as it would for a user; standard error with escapes.
    """
    out = io.TextIOWrapper(io.BytesIO(), encoding="utf-8", errors="strict", newline="")
    err = io.TextIOWrapper(io.BytesIO(), encoding="utf-8", errors="backslashreplace", newline="")
    status = main(list(argv), stdout=out, stderr=err)
    return status, _written(out), _written(err)


def _written(stream: io.TextIOWrapper) -> str:
    stream.flush()
    buffer = stream.buffer
    assert isinstance(buffer, io.BytesIO)
    return buffer.getvalue().decode("utf-8")


def write_file(folder: Path, name: str, content: str | bytes) -> Path:
    """Write *content* (text as UTF-8) to *name* in *folder*; return the path."""
    path = folder / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


class Walked(tuple[T, ...]):
    """A tuple that counts the walks through it, to show work that does not grow with size."""

    walks = 0

    def __iter__(self) -> Iterator[T]:
        self.walks += 1
        return super().__iter__()
