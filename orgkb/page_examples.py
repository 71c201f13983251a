"""The examples on the pages, run as the tests run them, for the Run buttons in the browser.

A page's Python blocks share one namespace, as under Sybil: a :class:`PageSession` runs them
in order, doctest blocks with :data:`DOCTEST_FLAGS` and hidden set-up blocks as plain code.
A ``console`` block is a session of ``$ orgkb ...`` commands, each run through
:func:`orgkb.cli.main` from the ``docs`` folder and compared with the lines the page prints
below it (:func:`run_console`); ``conftest.py`` checks the pages' sessions with the same
function. Every example gives an :class:`Outcome`: what it printed, what the page prints and
whether the two agree.

    >>> session = PageSession()
    >>> session.run("code", "total = 2")
    []
    >>> [outcome.got for outcome in session.run("doctest", ">>> total + 1\\n3\\n")]
    ['3\\n']
"""

from __future__ import annotations

import contextlib
import doctest
import io
import shlex
import subprocess
import sys
import traceback
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import Any, Literal

from orgkb.cli import main
from orgkb.errors import InputError

# The flags conftest.py gives Sybil for the pages' Python blocks.
DOCTEST_FLAGS = doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE
PROMPT = "$ "
# What a block is, to a session: doctest examples, plain code, or command-line examples.
Kind = Literal["doctest", "code", "console"]


@dataclass(frozen=True)
class Outcome:
    """One example run: its *source*, the output the page prints, the output it gave."""

    source: str
    expected: str
    got: str
    agrees: bool

    def report(self) -> str:
        """The difference, as a failing test states it.

        >>> print(Outcome("$ orgkb rules", "a", "b", agrees=False).report())
        $ orgkb rules
        expected:
        a
        got:
        b
        """
        return f"{self.source}\nexpected:\n{self.expected}\ngot:\n{self.got}"


class _Recorder(doctest.DocTestRunner):
    """A doctest runner that keeps each example's outcome instead of printing a report."""

    def __init__(self) -> None:
        super().__init__(verbose=False, optionflags=DOCTEST_FLAGS)
        self.outcomes: list[Outcome] = []

    def _record(self, example: doctest.Example, got: str, agrees: bool) -> None:
        self.outcomes.append(Outcome(example.source, example.want, got, agrees))

    def report_success(
        self, out: Any, test: doctest.DocTest, example: doctest.Example, got: str
    ) -> None:
        self._record(example, got, agrees=True)

    def report_failure(
        self, out: Any, test: doctest.DocTest, example: doctest.Example, got: str
    ) -> None:
        self._record(example, got, agrees=False)

    def report_unexpected_exception(
        self,
        out: Any,
        test: doctest.DocTest,
        example: doctest.Example,
        exc_info: tuple[type[BaseException], BaseException, TracebackType],
    ) -> None:
        # As a page would print an expected exception: the traceback's header and last line.
        self._record(example, _exception_text(exc_info[1]), agrees=False)


def _exception_text(error: BaseException) -> str:
    lines = traceback.format_exception_only(type(error), error)
    return "Traceback (most recent call last):\n  ...\n" + "".join(lines)


class PageSession:
    """The examples of one page, run in order in one namespace as Sybil runs them.

    >>> session = PageSession()
    >>> [outcome.agrees for outcome in session.run("doctest", ">>> 1 / 0\\n0\\n")]
    [False]
    >>> print(session.run("doctest", ">>> 1 / 0\\n0\\n")[0].got, end="")
    Traceback (most recent call last):
      ...
    ZeroDivisionError: division by zero
    """

    def __init__(self, docs: Path = Path()) -> None:
        self.docs = docs
        # Sybil names the module of a page's examples ``__test__``.
        self.namespace: dict[str, Any] = {"__name__": "__test__"}

    def run(self, kind: Kind, source: str) -> list[Outcome]:
        """Run the block *source* of *kind*; an outcome for each example in it.

        A plain code block gives no outcome unless it fails.
        """
        if kind == "console":
            return run_console(source, self.docs)
        if kind == "code":
            return self._run_code(source)
        recorder = _Recorder()
        examples = doctest.DocTestParser().get_examples(source)
        test = doctest.DocTest(examples, self.namespace, "page", None, 0, None)
        # DocTest copies the namespace it is given; the page's blocks share theirs.
        test.globs = self.namespace
        recorder.run(test, out=lambda text: None, clear_globs=False)
        return recorder.outcomes

    def _run_code(self, source: str) -> list[Outcome]:
        try:
            exec(compile(source, "page", "exec", dont_inherit=True), self.namespace)
        except Exception as error:
            return [Outcome(source, "", _exception_text(error), agrees=False)]
        finally:
            self.namespace.pop("__builtins__", None)
        return []


def restore_blank_lines(text: str) -> str:
    """The doctest block *text* as a page shows it, with its ``<BLANKLINE>`` markers back.

    Sphinx shows a marker as the empty line of output it stands for, and that is what a
    reader edits. In a block of examples every line after an example is its output, up to
    the next prompt: an empty line with more output after it is such a line.

    >>> restore_blank_lines(">>> print('a', 'b', sep='\\\\n\\\\n')\\na\\n\\nb\\n\\n>>> 1\\n1\\n")
    ">>> print('a', 'b', sep='\\\\n\\\\n')\\na\\n<BLANKLINE>\\nb\\n\\n>>> 1\\n1\\n"
    """
    lines = text.split("\n")
    restored = []
    indent = None
    for number, line in enumerate(lines):
        stripped = line.lstrip()
        if stripped.startswith((">>>", "...")):
            indent = line[: len(line) - len(stripped)]
        elif not stripped and indent is not None:
            following = next((later for later in lines[number + 1 :] if later.strip()), "")
            if following and not following.lstrip().startswith(">>>"):
                line = indent + "<BLANKLINE>"
        restored.append(line)
    return "\n".join(restored)


def _session(text: str) -> list[tuple[str, list[str]]]:
    """The commands of a console block, each with the lines the page prints below it."""
    session: list[tuple[str, list[str]]] = []
    for line in text.splitlines():
        if line.startswith(PROMPT):
            session.append((line[len(PROMPT) :], []))
        elif session:
            session[-1][1].append(line)
        elif line.strip():
            raise InputError(f"output before any command: {line!r}")
    return session


def _trimmed(lines: Sequence[str]) -> str:
    return "\n".join(line.rstrip() for line in lines).strip()


def run_console(text: str, docs: Path) -> list[Outcome]:
    """Run each ``$ orgkb`` command of the console block *text* from the folder *docs*.

    Output agrees when it is the page's, trailing spaces and blank lines at either end
    aside. A block that is not such a session is an :class:`~orgkb.errors.InputError`.

    >>> [outcome] = run_console("$ orgkb cite nope\\nnothing", Path())
    >>> outcome.agrees, outcome.got
    (False, "orgkb: no rule has the id or code 'nope'; `orgkb rules` lists them")
    >>> run_console("$ ls", Path())
    Traceback (most recent call last):
      ...
    orgkb.errors.InputError: only orgkb commands run on a page, not 'ls'
    """
    outcomes = []
    for command, expected_lines in _session(text):
        try:
            words = shlex.split(command)
        except ValueError as error:
            raise InputError(f"{command!r}: {error}") from None
        if words[:1] != ["orgkb"]:
            raise InputError(f"only orgkb commands run on a page, not {command!r}")
        output = io.StringIO()
        with contextlib.chdir(docs):
            main(words[1:], stdout=output, stderr=output)
        got = _trimmed(output.getvalue().splitlines())
        expected = _trimmed(expected_lines)
        outcomes.append(Outcome(PROMPT + command, expected, got, got == expected))
    return outcomes


def run_in_process(
    args: Sequence[str],
    *,
    capture_output: bool = False,
    text: bool = False,
    check: bool = False,
    cwd: str | Path | None = None,
) -> subprocess.CompletedProcess[Any]:
    """:func:`subprocess.run` for ``python -m orgkb ...`` alone, run in this process.

    The browser starts no processes, and a page runs orgkb as one to show that the command
    line serves programs too; this stands in for :func:`subprocess.run` there.

    >>> done = run_in_process(
    ...     [sys.executable, "-m", "orgkb", "cite", "nope"], capture_output=True, text=True
    ... )
    >>> done.returncode, done.stdout, done.stderr
    (2, '', "orgkb: no rule has the id or code 'nope'; `orgkb rules` lists them\\n")
    """
    if list(args[:3]) != [sys.executable, "-m", "orgkb"]:
        raise OSError(f"only python -m orgkb runs in the browser, not {list(args)!r}")
    out, err = (io.StringIO(), io.StringIO()) if capture_output else (None, None)
    with contextlib.chdir(cwd or "."):
        status = main(list(args[3:]), stdout=out, stderr=err)
    done: subprocess.CompletedProcess[Any] = subprocess.CompletedProcess(list(args), status)
    if out is not None and err is not None:
        done.stdout, done.stderr = out.getvalue(), err.getvalue()
        if not text:
            done.stdout, done.stderr = done.stdout.encode(), done.stderr.encode()
    if check:
        done.check_returncode()
    return done
