"""Every rule has its Chinese wording beside the English, in the article's own terms, and
:func:`orgkb.rules.wording` gives the one a language asks for."""

from __future__ import annotations

import re
from dataclasses import fields

import pytest

from orgkb.rules import RULES, Rule, Wording, wording

IDS = [known.id for known in RULES]
PROSE = [field.name for field in fields(Wording)]

HAN = re.compile(r"[\u4e00-\u9fff]")
# Words of the machine-reworded copy of the article (see the glossary), never the article's
# own terms: 权力下放 for 分权, 规划区 for 片区, 营销部 for 销售部, 窝里斗 and 同城里耗 for
# 同城内耗, 分类PK for 分组PK, 适用单位 for 支持部门, 地域 for 区域 or 城市, 底部 for 一线 …
REWORDED = (
    "权力下放", "规划区", "营销部", "窝里斗", "同城里耗", "分类PK", "适用单位",
    "地域", "底部", "策划部", "精益化管理", "资询", "品专", "集团公司", "职责分工",
)  # fmt: skip
# Chinese prose takes full-width punctuation; ASCII is left only to names such as orgkb and PK.
ASCII_PUNCTUATION = re.compile(r"[,.;:!?()\"']")
# No space between two Chinese characters, nor around full-width punctuation.
STRAY_SPACE = re.compile(
    r"(?<=[\u4e00-\u9fff\u3000-\u303f\uff00-\uffef“”])\s|\s(?=[\u3000-\u303f\uff00-\uffef“”])"
)
ARTICLE_PART = re.compile(r"\bpart (\d)\b")
CHINESE_PART = re.compile(r"第([一二三四])部分")
NUMERALS = {"一": "1", "二": "2", "三": "3", "四": "4"}
# A source names the parts of the article, or says that the rule goes beyond it ("超出原文").
CHINESE_SOURCE = re.compile(
    r"^(?:原文第[一二三四]部分（[^（）]+）(?:和第[一二三四]部分（[^（）]+）)?。|超出原文：.+。)$"
)


def chinese(known: Rule) -> dict[str, str]:
    return {name: getattr(known.zh, name) for name in PROSE}


@pytest.mark.parametrize("known", RULES, ids=IDS)
def test_every_rule_has_complete_chinese_wording(known: Rule) -> None:
    assert isinstance(known.zh, Wording)
    empty = [name for name, text in chinese(known).items() if not text.strip()]
    ascii_only = [name for name, text in chinese(known).items() if not HAN.search(text)]
    assert (empty, ascii_only) == ([], [])


@pytest.mark.parametrize("known", RULES, ids=IDS)
def test_the_chinese_uses_none_of_the_reworded_copys_words(known: Rule) -> None:
    found = {
        name: [word for word in REWORDED if word in text] for name, text in chinese(known).items()
    }
    assert {name: words for name, words in found.items() if words} == {}


@pytest.mark.parametrize("known", RULES, ids=IDS)
def test_the_chinese_keeps_the_articles_terms_the_english_quotes(known: Rule) -> None:
    # The English gives the article's own term in brackets, e.g. "competing groups (分组PK)";
    # the Chinese says the same thing in the same term.
    english = " ".join(getattr(wording(known, "en"), name) for name in PROSE)
    quoted = set(re.findall(r"\(([^()]*[\u4e00-\u9fff][^()]*)\)", english))
    text = " ".join(chinese(known).values())
    assert sorted(term for term in quoted if term not in text) == []


@pytest.mark.parametrize("known", RULES, ids=IDS)
def test_the_chinese_is_punctuated_the_chinese_way(known: Rule) -> None:
    bad = {
        name: ASCII_PUNCTUATION.findall(text) + STRAY_SPACE.findall(text)
        for name, text in chinese(known).items()
    }
    assert {name: marks for name, marks in bad.items() if marks} == {}


@pytest.mark.parametrize("known", RULES, ids=IDS)
def test_the_chinese_source_names_the_same_parts_as_the_english(known: Rule) -> None:
    assert CHINESE_SOURCE.match(known.zh.source), known.zh.source
    assert known.zh.source.startswith("超出原文") == known.beyond_the_article
    english_parts = ARTICLE_PART.findall(known.source)
    chinese_parts = [NUMERALS[part] for part in CHINESE_PART.findall(known.zh.source)]
    assert chinese_parts == english_parts


def test_every_rule_has_a_chinese_title_of_its_own() -> None:
    titles = [known.zh.title for known in RULES]
    assert len(set(titles)) == len(titles)
    assert [title for title in titles if title in {known.title for known in RULES}] == []


@pytest.mark.parametrize("known", RULES, ids=IDS)
@pytest.mark.parametrize("language", ["zh_CN", "zh", "zh_TW", "ZH-cn"])
def test_a_chinese_language_gets_the_chinese_wording(known: Rule, language: str) -> None:
    assert wording(known, language) == known.zh


@pytest.mark.parametrize("known", RULES, ids=IDS)
@pytest.mark.parametrize("language", ["en", "en_GB", "fr"])
def test_any_other_language_gets_the_english_wording(known: Rule, language: str) -> None:
    assert wording(known, language) == Wording(
        title=known.title,
        statement=known.statement,
        article=known.article,
        reasoning=known.reasoning,
        source=known.source,
    )


def test_the_wording_is_frozen_like_the_rule() -> None:
    with pytest.raises(AttributeError):
        RULES[0].zh.title = "改"  # type: ignore[misc]
