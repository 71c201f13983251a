"""Small helpers the tests share."""

from __future__ import annotations

import io
import subprocess
import sys
from collections.abc import Mapping
from pathlib import Path

from orgkb.cli import main

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
# The site's Sphinx configuration; its builds run with ``-c conf``.
CONF = ROOT / "conf"


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


def run_sphinx(
    source: Path,
    out: Path,
    builder: str = "html",
    *,
    conf: Path | None = CONF,
    doctrees: Path | None = None,
    settings: Mapping[str, str] | None = None,
    strict: bool = True,
    fresh: bool = False,
) -> tuple[int, str]:
    """Build *source* into *out* as ``./dev site`` does; return the exit status and the log.

    *strict* fails on any warning (``-W --keep-going -n``); *conf* is the folder of
    ``conf.py`` (``None``: the one in *source*); *settings* override configuration values
    (``-D``); *fresh* rereads every page (``-E``).
    """
    command = [sys.executable, "-m", "sphinx", "-q", "-b", builder]
    if strict:
        command += ["-W", "--keep-going", "-n"]
    if fresh:
        command.append("-E")
    if conf is not None:
        command += ["-c", str(conf)]
    if doctrees is not None:
        command += ["-d", str(doctrees)]
    for name, value in (settings or {}).items():
        command += ["-D", f"{name}={value}"]
    command += [str(source), str(out)]
    result = subprocess.run(command, capture_output=True, text=True, check=False, cwd=ROOT)
    return result.returncode, result.stdout + result.stderr
