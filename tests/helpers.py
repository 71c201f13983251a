"""Small helpers the tests share, and the project's folders."""

from __future__ import annotations

import io
import re
import subprocess
import sys
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import TypeVar

from orgkb.cli import main

T = TypeVar("T")

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
EXAMPLES = DOCS / "examples"
GLOSSARY = DOCS / "reference" / "glossary.md"
# The site's Sphinx configuration; its builds run with ``-c conf``.
CONF = ROOT / "conf"


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
    jobs: int = 1,
) -> tuple[int, str]:
    """Build *source* into *out* as ``./dev site`` does; return the exit status and the log.

    *strict* fails on any warning (``-W --keep-going -n``); *conf* is the folder of
    ``conf.py`` (``None``: the one in *source*); *settings* override configuration values
    (``-D``); *fresh* rereads every page (``-E``); *jobs* reads pages in parallel (``-j``).
    """
    # A CI runner may ask for colour (FORCE_COLOR); a log read by a test must be plain text.
    command = [sys.executable, "-m", "sphinx", "-q", "--no-color", "-b", builder]
    if strict:
        command += ["-W", "--keep-going", "-n"]
    if fresh:
        command.append("-E")
    if jobs != 1:
        command += ["-j", str(jobs)]
    if conf is not None:
        command += ["-c", str(conf)]
    if doctrees is not None:
        command += ["-d", str(doctrees)]
    for name, value in (settings or {}).items():
        command += ["-D", f"{name}={value}"]
    command += [str(source), str(out)]
    result = subprocess.run(command, capture_output=True, text=True, check=False, cwd=ROOT)
    return result.returncode, result.stdout + result.stderr


_CHINESE = re.compile(r"[\u4e00-\u9fff]")


def glossary_headwords() -> dict[str, str]:
    """Every term of the glossary (its English and Chinese lines, case-folded) and the Chinese
    headword of its entry: the first Chinese line."""
    headwords = {}
    text = GLOSSARY.read_text(encoding="utf-8")
    for block in re.findall(r"```\{glossary\}\n(.*?)```", text, re.DOTALL):
        entries: list[list[str]] = []
        in_definition = True
        for line in block.splitlines():
            if not line.strip():
                continue
            if line[0].isspace():
                in_definition = True
                continue
            if in_definition:
                entries.append([])
                in_definition = False
            entries[-1].append(line.strip())
        for terms in entries:
            chinese = [term for term in terms if _CHINESE.search(term)]
            for term in terms:
                if chinese:
                    headwords[term.casefold()] = chinese[0]
    return headwords
