"""The input error behaves as an exception wherever Python handles one."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator

import pytest

from orgkb.errors import InputError


@contextlib.contextmanager
def passing_through() -> Iterator[None]:
    yield


def test_an_input_error_passes_through_a_context_manager_and_takes_notes() -> None:
    with pytest.raises(InputError) as caught, passing_through():
        raise InputError("missing", path="a.yaml", line=3, field="company")
    caught.value.add_note("a note")
    assert str(caught.value) == "a.yaml:3: company: missing"
    assert caught.value.__notes__ == ["a note"]
