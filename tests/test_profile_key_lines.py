"""A YAML error about a key names the key's line, even when its value starts on the next one."""

from __future__ import annotations

from pathlib import Path

import pytest

from orgkb.errors import InputError
from orgkb.profile import load_company


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "company: C\nbrnaches:\n  - name: A\n    city: X\n",
            "p.yaml:2: brnaches: unknown field 'brnaches' (did you mean 'branches'?)",
        ),
        (
            "company: C\nbranches:\n  name: A\n  city: X\n",
            "p.yaml:2: branches: expected a list of branches, got a mapping",
        ),
        (
            "company: C\nbranches:\n  - name: A\n    city: X\n  - name: B\n",
            "p.yaml:5: branches[1].city: missing",
        ),
    ],
)
def test_yaml_errors_name_the_line_of_the_key(tmp_path: Path, text: str, message: str) -> None:
    profile = tmp_path / "p.yaml"
    profile.write_text(text, encoding="utf-8")
    with pytest.raises(InputError) as raised:
        load_company(profile)
    assert str(raised.value) == str(tmp_path / message)
