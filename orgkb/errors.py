"""The one error family of orgkb: every problem a user can cause is an :class:`OrgkbError`.

Its text is one line, fit for a terminal: the command line prints it after ``orgkb:`` and
exits with status 2. Anything else that escapes a command is a bug in orgkb, never in the
input. :class:`InputError` is the error of a value the user gave — in a file, on the command
line or to a function of the library — and says where it came from as far as that is known:
the file, the line and the field. A check deep inside the library knows only the field; the
reader that called it adds the file and the line with :meth:`InputError.located`.

The message is a :class:`~orgkb.text.Text` wherever orgkb words it, so that the command line
can show it in the reader's language (:meth:`OrgkbError.translated`); ``str()`` is English.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from orgkb.text import in_language


class OrgkbError(Exception):
    """Something the user gave that orgkb cannot use; ``str()`` is one line."""

    def translated(self, language: str) -> str:
        """The line in *language* (see :mod:`orgkb.text`): its message, translated if it can be.

        >>> from orgkb.text import Text
        >>> OrgkbError(Text("the file is empty")).translated("zh_CN")
        '文件是空的'
        """
        message = self.args[0] if len(self.args) == 1 else None
        return in_language(message, language) if isinstance(message, str) else str(self)


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
        return self._said(str(self.message))

    def translated(self, language: str) -> str:
        """The line in *language*: the same file, line and field, the message translated.

        >>> from orgkb.text import Text
        >>> InputError(Text("missing"), path="a.yaml", line=3, field="公司").translated("zh_CN")
        'a.yaml:3: 公司: 缺少这一项'
        """
        return self._said(in_language(self.message, language))

    def _said(self, message: str) -> str:
        parts = []
        if self.path is not None:
            parts.append(self.path if self.line is None else f"{self.path}:{self.line}")
        if self.field:
            parts.append(self.field)
        parts.append(message)
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
