"""Every rule is stated on exactly one page, so a reader always finds its reasoning; and every
statement keeps what the article says apart from our reasoning, which goes beyond it."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest

from orgkb.rules import RULES, Rule, rule
from tests.sphinxproject import build

DOCS = Path(__file__).resolve().parent.parent / "docs"
STATEMENT = re.compile(r"^(?:```|:::)\{rule\}\s+(\S+)", re.MULTILINE)
# A source names the parts of the article, or says that the rule goes beyond it.
SOURCE = re.compile(r"^(?:Article, part \d \(.+\)( and part \d \(.+\))?\.|Beyond the article: .+)$")


def statements() -> Counter[str]:
    found: Counter[str] = Counter()
    for page in DOCS.rglob("*.md"):
        found.update(STATEMENT.findall(page.read_text(encoding="utf-8")))
    return found


def test_every_rule_is_stated_once() -> None:
    stated = statements()
    assert {known.id: stated[known.id] for known in RULES if stated[known.id] != 1} == {}


@pytest.mark.parametrize("known", RULES, ids=[known.id for known in RULES])
def test_every_rule_says_what_the_article_says_and_what_is_ours(known: Rule) -> None:
    assert known.statement and known.article and known.reasoning
    assert SOURCE.match(known.source), known.source
    # Our reasoning is not a copy of the article's part, nor the other way round.
    assert known.article not in known.reasoning and known.reasoning not in known.article


def test_the_rule_box_labels_our_reasoning_as_beyond_the_article(tmp_path: Path) -> None:
    stated = rule("multi-region.centralize-promotion-and-service")
    page = f"# Several regions\n\n```{{rule}} {stated.id}\n```\n"
    built = build(tmp_path, {"index.md": page})
    assert built.returncode == 0, built.log
    html = built.read("index.html")
    box = html[html.index('id="rule-multi-region-centralize-promotion-and-service"') :]
    text = " ".join(re.sub(r"<[^>]+>", "", box).split())
    parts = [
        stated.statement,
        f"What the article says: {stated.article}",
        f"Source: {stated.source}",
        f"Our reasoning (beyond the article): {stated.reasoning}",
    ]
    found = [text.find(part) for part in parts]
    assert -1 not in found, [part for part, at in zip(parts, found, strict=True) if at == -1]
    assert found == sorted(found)
