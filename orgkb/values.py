"""Numbers the user gives, read one way wherever they come from, and the limits they must keep.

A number arrives as a YAML or JSON number, as the text of a CSV cell or of a command-line
option. :func:`read_number` turns any of them into a float or refuses it with an
:class:`~orgkb.errors.InputError`; a :class:`Limits` says, once, which numbers a field allows,
and is the only place its words ("a whole number of 2 or more", in English or in Chinese) are
written. Every number is
also bounded by :data:`LARGEST`, so that no sum, product or loop downstream can overflow or
run away on a typing slip such as ``1e308``.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from orgkb.errors import InputError
from orgkb.text import Text, shortened

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
    >>> describe_value("ten").translated("zh_CN")
    "文本 'ten'"
    """
    if value is None:
        return Text("nothing")
    if isinstance(value, bool):
        return Text("true/false ({value})", value=value)
    if isinstance(value, int):
        digits = len(str(abs(value))) if abs(value) < 10**100 else 101
        if digits > 100:
            return Text("a number of {digits}+ digits", digits=digits - 1)
        return Text("a number ({value})", value=value)
    if isinstance(value, float) and math.isnan(value):
        return Text("not a number (nan)")
    if isinstance(value, float) and math.isinf(value):
        return Text("an infinity ({value})", value=value)
    if isinstance(value, float):
        return Text("a number ({value})", value=value)
    if isinstance(value, str):
        return Text("text ({shown!r})", shown=shortened(value))
    if isinstance(value, list):
        return Text("a list")
    if isinstance(value, dict):
        return Text("a mapping")
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
        raise InputError(
            Text("expected a number, got {got}", got=describe_value(value)), field=field
        )
    if not abs(number) <= LARGEST:
        raise InputError(
            Text(
                "expected a number of at most {largest:g}, got {got}",
                largest=LARGEST,
                got=describe_value(value),
            ),
            field=field,
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
    >>> Limits(above=0, at_most=1).describe().translated("zh_CN")
    '大于 0 且不大于 1 的数'
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

    def describe(self) -> Text:
        """The limits in words, as an error message says what was expected.

        The words are a :class:`~orgkb.text.Text`: English, and Chinese when translated.
        """
        bounds: list[Text] = []
        if self.at_least is not None:
            bounds.append(Text("{number:g} or more", number=self.at_least))
        if self.above is not None:
            bounds.append(Text("above {number:g}", number=self.above))
        if self.at_most is not None:
            bounds.append(Text("at most {number:g}", number=self.at_most))
        if self.below is not None:
            bounds.append(Text("below {number:g}", number=self.below))
        kind = Text("a whole number") if self.whole else Text("a number")
        if not bounds:
            return kind
        both = bounds[0]
        for bound in bounds[1:]:
            both = Text("{first} and {then}", first=both, then=bound)
        # "2 or more" reads after "of"; "above 0" and the rest read on their own.
        if self.at_least is not None:
            return Text("{kind} of {bounds}", kind=kind, bounds=both)
        return Text("{kind} {bounds}", kind=kind, bounds=both)

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
            raise InputError(
                Text("expected {limits}, got {got}", limits=self.describe(), got=shown),
                field=field,
            )
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
                Text(
                    "expected {limits}, got {got}",
                    limits=self.describe(),
                    got=describe_value(value),
                ),
                field=field,
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
