"""The one error family of orgkb: every problem a user can cause is an :class:`OrgkbError`.

Its text is one line, fit for a terminal: the command line prints it after ``orgkb:`` and
exits with status 2. Anything else that escapes a command is a bug in orgkb, never in the
input. :class:`InputError` is the error of a value the user gave — in a file, on the command
line or to a function of the library — and says where it came from as far as that is known:
the file, the line and the field. A check deep inside the library knows only the field; the
reader that called it adds the file and the line with :meth:`InputError.located`.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path


class OrgkbError(Exception):
    """Something the user gave that orgkb cannot use; ``str()`` is one line."""


# Not frozen: Python itself sets attributes on an exception in flight (contextlib sets its
# __traceback__, add_note its __notes__), which a frozen dataclass would refuse.
@dataclass(eq=False)
class InputError(OrgkbError):
    """A value that cannot be used, with where it came from as far as that is known.

    *field* names the value: a profile field (``branches[2].city``), a CSV column, a
    command-line option (``--aht``) or a function's argument.

    >>> str(InputError("missing", path="acme.yaml", line=7, field="branches[2].city"))
    'acme.yaml:7: branches[2].city: missing'
    >>> str(InputError("expected a number", field="--aht"))
    '--aht: expected a number'
    """

    message: str
    path: str | None = None
    line: int | None = None
    field: str = ""

    def __post_init__(self) -> None:
        Exception.__init__(self, str(self))

    def __str__(self) -> str:
        parts = []
        if self.path is not None:
            parts.append(self.path if self.line is None else f"{self.path}:{self.line}")
        if self.field:
            parts.append(self.field)
        parts.append(self.message)
        return ": ".join(parts)

    def located(
        self, path: str | Path, line: int | None = None, field: str | None = None
    ) -> InputError:
        """The same error, said of the file *path* (at *line*, of *field* when given).

        >>> str(InputError("expected 2 or more", field="span_of_control").located("a.yaml", 3))
        'a.yaml:3: span_of_control: expected 2 or more'
        """
        return replace(
            self,
            path=str(path),
            line=self.line if line is None else line,
            field=self.field if field is None else field,
        )
