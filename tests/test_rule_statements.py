"""Every rule is stated on exactly one page, so a reader always finds its reasoning."""

from __future__ import annotations

import re
from collections import Counter

from orgkb.rules import RULES
from tests.helpers import DOCS

STATEMENT = re.compile(r"^(?:```|:::)\{rule\}\s+(\S+)", re.MULTILINE)


def statements() -> Counter[str]:
    found: Counter[str] = Counter()
    for page in DOCS.rglob("*.md"):
        found.update(STATEMENT.findall(page.read_text(encoding="utf-8")))
    return found


def test_every_rule_is_stated_once() -> None:
    stated = statements()
    assert {known.id: stated[known.id] for known in RULES if stated[known.id] != 1} == {}
