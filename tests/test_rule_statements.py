"""Every rule is stated on exactly one page, so a reader always finds its reasoning; and every
statement keeps what the article says apart from our reasoning, which goes beyond it.

That each rule is stated once, the build itself checks: the tests below build small projects
and read its warnings.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from orgkb.rules import RULES, Rule, rule, wording
from orgkb.sphinxext.rules import RuleLabels, labels, rule_anchor
from tests.sphinxproject import DIRECTIVES, Built, build

# A source names the parts of the article, or says that the rule goes beyond it.
SOURCE = re.compile(r"^(?:Article, part \d \(.+\)( and part \d \(.+\))?\.|Beyond the article: .+)$")
UNSTATED = RULES[-1].id
# The rules page of a project: the list, on line 3 of its page.
RULES_PAGE = "# Rules\n\n```{rule-list}\n```\n"


def _project(stated: list[str]) -> dict[str, str]:
    """A home page, the rules page and one page stating each rule of *stated*."""
    pages = {f"rule{number}.md": f"# Rule {number}\n\n```{{rule}} {rule_id}\n```\n"
             for number, rule_id in enumerate(stated)}  # fmt: skip
    toctree = "\n".join(["rules", *(name.removesuffix(".md") for name in pages)])
    return {
        "index.md": f"# Home\n\n```{{toctree}}\n{toctree}\n```\n",
        "rules.md": RULES_PAGE,
        **pages,
    }


def _warnings(built: Built, subtype: str) -> list[str]:
    return [line for line in built.log.splitlines() if line.endswith(f"[orgkb.{subtype}]")]


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_project_stating_every_rule_once_builds_without_warnings(
    tmp_path: Path, jobs: int
) -> None:
    built = build(tmp_path, _project([known.id for known in RULES]), extensions=DIRECTIVES,
                  jobs=jobs)  # fmt: skip
    assert built.returncode == 0, built.log
    assert "WARNING" not in built.log


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_rule_no_page_states_is_a_warning_at_the_rule_list(tmp_path: Path, jobs: int) -> None:
    stated = [known.id for known in RULES if known.id != UNSTATED]
    built = build(tmp_path, _project(stated), extensions=DIRECTIVES, jobs=jobs)
    assert built.returncode != 0
    (warning,) = _warnings(built, "rule-unstated")
    assert re.search(rf"rules\.md:3: WARNING: rule-list: no page states the rule {UNSTATED};",
                     warning), warning  # fmt: skip
    assert "WARNING" not in built.log.replace(warning, "")
    # The page stays readable: the list says so where the link would be.
    entry = built.read("rules.html").partition(f'id="rule-{UNSTATED.replace(".", "-")}"')[2]
    assert "Stated and explained in: </em>no page states this rule yet" in entry


def test_without_a_rule_list_a_project_may_state_some_rules(tmp_path: Path) -> None:
    pages = {"index.md": f"# Home\n\n```{{rule}} {RULES[0].id}\n```\n"}
    built = build(tmp_path, pages, extensions=DIRECTIVES)
    assert built.returncode == 0, built.log


def test_a_rule_stated_twice_is_a_warning_at_the_second_statement(tmp_path: Path) -> None:
    pages = _project([known.id for known in RULES])
    # Sphinx reads the pages in the order of their names: this one after rule0.md.
    pages["then.md"] = f"# Then\n\nText.\n\n```{{rule}} {RULES[0].id}\n```\n"
    pages["index.md"] = pages["index.md"].replace("rules\n", "rules\nthen\n")
    built = build(tmp_path, pages, extensions=DIRECTIVES)
    assert built.returncode != 0
    (warning,) = _warnings(built, "rule-restated")
    assert re.search(
        rf"then\.md:5: WARNING: rule: {RULES[0].id} is stated in rule0 already; cite it here "
        rf"with \{{rule\}}`{re.escape(RULES[0].id)}`",
        warning,
    ), warning
    assert "duplicate" not in built.log  # Sphinx's own, untyped, warning is not given too


def test_a_rule_stated_twice_on_one_page_is_a_warning_too(tmp_path: Path) -> None:
    pages = _project([known.id for known in RULES])
    pages["rule0.md"] += f"\n```{{rule}} {RULES[0].id}\n```\n"
    built = build(tmp_path, pages, extensions=DIRECTIVES)
    assert built.returncode != 0
    (warning,) = _warnings(built, "rule-restated")
    assert re.search(rf"rule0\.md:6: WARNING: rule: {RULES[0].id} is stated in rule0", warning)


def test_an_unknown_rule_is_a_warning_at_its_directive(tmp_path: Path) -> None:
    pages = {"index.md": "# Home\n\n```{rule} one-region.unify\n```\n"}
    built = build(tmp_path, pages, extensions=DIRECTIVES)
    assert built.returncode != 0
    (warning,) = _warnings(built, "rule-unknown")
    assert re.search(
        r"index\.md:3: WARNING: rule: no rule has the id or code 'one-region\.unify'; "
        r"`orgkb rules` lists them",
        warning,
    ), warning


def test_a_rule_stated_by_its_code_is_stated_by_its_id(tmp_path: Path) -> None:
    # Anchored, recorded and restated by its id: a second statement by the id is caught.
    pages = {"index.md": "# Home\n\n```{rule} r3\n```\n\n```{rule} " + RULES[2].id + "\n```\n"}
    built = build(tmp_path, pages, extensions=DIRECTIVES)
    (warning,) = _warnings(built, "rule-restated")
    assert f"rule: {RULES[2].id} is stated in index already" in warning
    assert f'id="{rule_anchor(RULES[2].id)}"' in built.read("index.html")


@pytest.mark.parametrize("known", RULES, ids=[known.id for known in RULES])
def test_every_rule_says_what_the_article_says_and_what_is_ours(known: Rule) -> None:
    assert known.statement and known.article and known.reasoning
    assert SOURCE.match(known.source), known.source
    # Our reasoning is not a copy of the article's part, nor the other way round.
    assert known.article not in known.reasoning and known.reasoning not in known.article


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_the_rule_box_labels_our_reasoning_as_beyond_the_article(
    tmp_path: Path, language: str
) -> None:
    stated = rule("multi-region.centralize-promotion-and-service")
    page = f"# Several regions\n\n```{{rule}} {stated.id}\n```\n"
    built = build(tmp_path, {"index.md": page}, conf=f'language = "{language}"\n')
    assert built.returncode == 0, built.log
    html = built.read("index.html")
    box = html[html.index('id="rule-multi-region-centralize-promotion-and-service"') :]
    text = " ".join(re.sub(r"<[^>]+>", "", box).split())
    words, said = wording(stated, language), labels(language)
    parts = [
        f"{said.title}{words.title}",
        f"{stated.code} · {stated.id}",
        words.statement,
        f"{said.article}{words.article}",
        f"{said.source}{words.source}",
        f"{said.reasoning}{words.reasoning}",
    ]
    found = [text.find(part) for part in parts]
    assert -1 not in found, [part for part, at in zip(parts, found, strict=True) if at == -1]
    assert found == sorted(found)


def test_the_chinese_edition_states_every_rule_in_chinese() -> None:
    # The labels the translated pages quote (explanation/summary: 原文的说法, 我们的理由（超出原文）).
    assert labels("zh_CN") == RuleLabels(
        title="规则：",
        article="原文的说法：",
        source="出处：",
        reasoning="我们的理由（超出原文）：",
        stated_in="陈述和阐释见：",
        unstated="还没有页面陈述这条规则",
    )
    assert labels("zh") == labels("zh_CN") and labels("de") == labels("en")


def test_a_chinese_rule_list_is_in_chinese_and_links_to_the_statements(tmp_path: Path) -> None:
    stated = [known.id for known in RULES if known.id != UNSTATED]
    built = build(tmp_path, _project(stated), extensions=DIRECTIVES, strict=False,
                  conf='language = "zh_CN"\n')  # fmt: skip
    assert built.returncode == 0, built.log
    html = built.read("rules.html")
    for known in RULES:
        entry = html.partition(f'id="{rule_anchor(known.id)}">')[2].partition("</div>")[0]
        text = " ".join(re.sub(r"<[^>]+>", "", entry).split())
        assert text.startswith(
            f"{known.zh.title} {known.code} · {known.id} {known.zh.statement} "
            f"出处：{known.zh.source} 陈述和阐释见："
        ), text
        if known.id == UNSTATED:
            assert text.endswith("陈述和阐释见：还没有页面陈述这条规则"), text
        else:
            number = stated.index(known.id)
            assert (
                f'<a class="reference internal" href="rule{number}.html#{rule_anchor(known.id)}"'
                in entry
            )
