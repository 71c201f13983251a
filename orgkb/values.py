"""Numbers the user gives, read one way wherever they come from, and the limits they must keep.

A number arrives as a YAML or JSON number, as the text of a CSV cell or of a command-line
option. :func:`read_number` turns any of them into a float or refuses it with an
:class:`~orgkb.errors.InputError`; a :class:`Limits` says, once, which numbers a field allows,
and is the only place its words ("a whole number of 2 or more") are written. Every number is
also bounded by :data:`LARGEST`, so that no sum, product or loop downstream can overflow or
run away on a typing slip such as ``1e308``.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from orgkb.errors import InputError

LARGEST = 1e12
"""The largest magnitude any number may have: a trillion of anything is a typing slip."""


def describe_value(value: object) -> str:
    """What *value* is, in words, for an error message.

    >>> describe_value("ten")
    "text ('ten')"
    >>> describe_value(True)
    'true/false (True)'
    >>> describe_value(float("-inf"))
    'an infinity (-inf)'
    """
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return f"true/false ({value})"
    if isinstance(value, int):
        digits = len(str(abs(value))) if abs(value) < 10**100 else 101
        return f"a number ({value})" if digits <= 100 else f"a number of {digits - 1}+ digits"
    if isinstance(value, float) and math.isnan(value):
        return "not a number (nan)"
    if isinstance(value, float) and math.isinf(value):
        return f"an infinity ({value})"
    if isinstance(value, float):
        return f"a number ({value})"
    if isinstance(value, str):
        shown = value if len(value) <= 60 else value[:57] + "..."
        return f"text ({shown!r})"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return type(value).__name__


def read_number(value: object, field: str = "") -> float:
    """*value* as a finite float of at most :data:`LARGEST` in magnitude.

    Numbers and the text of numbers are accepted; true/false, infinities, NaN and numbers too
    large to be meant are not.

    >>> read_number(" 12.5 ")
    12.5
    >>> read_number("1e400", "capacity")
    Traceback (most recent call last):
    ...
    orgkb.errors.InputError: capacity: expected a number of at most 1e+12, got text ('1e400')
    """
    number = _as_float(value)
    if number is None:
        raise InputError(f"expected a number, got {describe_value(value)}", field=field)
    if not abs(number) <= LARGEST:
        raise InputError(
            f"expected a number of at most {LARGEST:g}, got {describe_value(value)}", field=field
        )
    return number


def _as_float(value: object) -> float | None:
    """*value* as a float, infinite when too large for one; None if it is not a number."""
    number: float | None = None
    if isinstance(value, int) and not isinstance(value, bool):
        # A huge int cannot become a float; it is refused as too large, keeping its sign.
        number = float(value) if abs(value) <= LARGEST else math.inf if value > 0 else -math.inf
    elif isinstance(value, float):
        number = value
    elif isinstance(value, str) and len(value) <= 100:
        try:
            number = float(value.strip())
        except ValueError:
            number = None
    elif isinstance(value, str) and value.strip().lstrip("+-").isdigit():
        number = -math.inf if value.strip().startswith("-") else math.inf
    return None if number is None or math.isnan(number) else number


@dataclass(frozen=True)
class Limits:
    """The numbers a field allows: bounds, each inclusive or not, and whether whole.

    >>> Limits(at_least=2, whole=True).describe()
    'a whole number of 2 or more'
    >>> Limits(above=0, at_most=1).describe()
    'a number above 0 and at most 1'
    >>> Limits(above=0, at_most=1).check(1.5, "busy_hour_factor")
    Traceback (most recent call last):
    ...
    orgkb.errors.InputError: busy_hour_factor: expected a number above 0 and at most 1, got 1.5
    """

    at_least: float | None = None
    above: float | None = None
    at_most: float | None = None
    below: float | None = None
    whole: bool = False

    def describe(self) -> str:
        """The limits in words, as an error message says what was expected."""
        bounds = []
        if self.at_least is not None:
            bounds.append(f"{self.at_least:g} or more")
        if self.above is not None:
            bounds.append(f"above {self.above:g}")
        if self.at_most is not None:
            bounds.append(f"at most {self.at_most:g}")
        if self.below is not None:
            bounds.append(f"below {self.below:g}")
        kind = "a whole number" if self.whole else "a number"
        if not bounds:
            return kind
        # "2 or more" reads after "of"; "above 0" and the rest read on their own.
        joiner = " of " if self.at_least is not None else " "
        return kind + joiner + " and ".join(bounds)

    def allows(self, number: float) -> bool:
        """Whether *number* keeps these limits."""
        # The magnitude first: false for NaN and the infinities, and safe for an int of any size.
        return abs(number) <= LARGEST and self._within(number)

    def check(self, number: float, field: str = "") -> float:
        """*number* if it keeps these limits, else an :class:`~orgkb.errors.InputError`."""
        if not self.allows(number):
            # An int too large for a float cannot be formatted as one.
            huge = isinstance(number, int) and abs(number) > LARGEST
            shown = describe_value(number) if huge else f"{number:g}"
            raise InputError(f"expected {self.describe()}, got {shown}", field=field)
        return number

    def read(self, value: object, field: str = "") -> float:
        """*value* read as a number (:func:`read_number`) that keeps these limits.

        A value that is no number, or one outside the bounds, is refused in the words of
        :meth:`describe`; only a number within them but beyond :data:`LARGEST` is refused as
        too large.

        >>> Limits(at_least=0).read("-Infinity", "agent")
        Traceback (most recent call last):
        ...
        orgkb.errors.InputError: agent: expected a number of 0 or more, got text ('-Infinity')
        """
        number = _as_float(value)
        if number is None or not self._within(number):
            raise InputError(
                f"expected {self.describe()}, got {describe_value(value)}", field=field
            )
        return read_number(value, field)

    def _within(self, number: float) -> bool:
        # The field's own bounds, without the one every number keeps (LARGEST); int has
        # is_integer from 3.12 only, and *number* is at most LARGEST whenever this is asked.
        return (
            (not self.whole or float(number).is_integer())
            and (self.at_least is None or number >= self.at_least)
            and (self.above is None or number > self.above)
            and (self.at_most is None or number <= self.at_most)
            and (self.below is None or number < self.below)
        )
