"""Sybil collects every example on the pages (``docs/**/*.md``) and in orgkb's docstrings.

Python examples are doctests (a block whose first line starts with ``>>>``) or plain code;
``console`` blocks are command-line sessions: each ``$ orgkb ...`` line is run from the
``docs`` folder and must print exactly the lines below it.
"""

from __future__ import annotations

import contextlib
import io
import shlex
from doctest import ELLIPSIS, NORMALIZE_WHITESPACE
from pathlib import Path

from sybil import Example, Sybil
from sybil.parsers.myst import CodeBlockParser, PythonCodeBlockParser, SkipParser
from sybil.parsers.rest import DocTestParser

from orgkb.cli import main

ROOT = Path(__file__).resolve().parent
DOCS = ROOT / "docs"
PROMPT = "$ "


def run_console_session(example: Example) -> str | None:
    """Run each ``$ orgkb`` command of a console block; report the first output that differs."""
    session: list[tuple[str, list[str]]] = []
    for line in str(example.parsed).splitlines():
        if line.startswith(PROMPT):
            session.append((line[len(PROMPT) :], []))
        elif session:
            session[-1][1].append(line)
        elif line.strip():
            return f"output before any command: {line!r}"
    for command, expected_lines in session:
        words = shlex.split(command)
        if words[:1] != ["orgkb"]:
            return f"only orgkb commands run on a page, not {command!r}"
        output = io.StringIO()
        with contextlib.chdir(DOCS):
            main(words[1:], stdout=output, stderr=output)
        got = "\n".join(line.rstrip() for line in output.getvalue().splitlines()).strip()
        expected = "\n".join(line.rstrip() for line in expected_lines).strip()
        if got != expected:
            return f"$ {command}\nexpected:\n{expected}\ngot:\n{got}"
    return None


pages = Sybil(
    parsers=[
        PythonCodeBlockParser(doctest_optionflags=ELLIPSIS | NORMALIZE_WHITESPACE),
        CodeBlockParser(language="console", evaluator=run_console_session),
        SkipParser(),
    ],
    path=str(DOCS),
    patterns=["*.md"],
)
docstrings = Sybil(
    parsers=[DocTestParser(optionflags=ELLIPSIS)],
    path=str(ROOT / "orgkb"),
    patterns=["*.py"],
)

pytest_collect_file = (pages + docstrings).pytest()
