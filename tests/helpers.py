"""Small helpers the tests share."""

from __future__ import annotations

import io
from pathlib import Path

from orgkb.cli import main


def run_orgkb(*argv: str) -> tuple[int, str, str]:
    """Run the command line in-process; return its exit status, stdout and stderr."""
    out, err = io.StringIO(), io.StringIO()
    status = main(list(argv), stdout=out, stderr=err)
    return status, out.getvalue(), err.getvalue()


def write_file(folder: Path, name: str, content: str | bytes) -> Path:
    """Write *content* (text as UTF-8) to *name* in *folder*; return the path."""
    path = folder / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path
