"""Sybil collects every example on the pages (``docs/**/*.md``) and in orgkb's docstrings.

Python examples are doctests (a block whose first line starts with ``>>>``) or plain code;
``console`` blocks are command-line sessions: each ``$ orgkb ...`` line is run from the
``docs`` folder and must print exactly the lines below it.
"""

from __future__ import annotations

from doctest import ELLIPSIS

from sybil import Example, Sybil
from sybil.parsers.myst import CodeBlockParser, PythonCodeBlockParser, SkipParser
from sybil.parsers.rest import DocTestParser

from orgkb.errors import InputError
from orgkb.page_examples import DOCTEST_FLAGS, run_console
from tests.helpers import DOCS, ROOT


def run_console_session(example: Example) -> str | None:
    """Run each ``$ orgkb`` command of a console block; report the first output that differs."""
    try:
        outcomes = run_console(str(example.parsed), DOCS)
    except InputError as error:
        return str(error)
    return next((outcome.report() for outcome in outcomes if not outcome.agrees), None)


pages = Sybil(
    parsers=[
        PythonCodeBlockParser(doctest_optionflags=DOCTEST_FLAGS),
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
