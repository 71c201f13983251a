"""The training kit (docs/training): answers folded, agendas that add up, codes that match the
rules, and a glossary handout that agrees with the glossary and reads its pinyin right."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

import pytest
from pypinyin import Style, pinyin

from orgkb.rules import RULES
from tests.conftest import BuiltSite
from tests.helpers import DOCS, EXAMPLES, GLOSSARY, glossary_headwords

TRAINING = DOCS / "training"
CASE_STUDIES = ["case-no-branches", "case-one-region", "case-multi-region"]
# The glossary's sections the handout leaves to the full glossary: the queueing terms of
# orgkb's models, which a session on the article does not teach.
NOT_ON_THE_HANDOUT = {"Staffing and comparison"}
CODES = {known.id: known.code for known in RULES}


@dataclass
class _Section:
    level: str
    title: str
    dropdowns: list[bool] = field(default_factory=list)
    """Whether each dropdown of the section is folded."""


class _Sections(HTMLParser):
    """Each h2 and h3 section of a page's article, with its dropdowns and its examples, and
    the examples outside any dropdown."""

    def __init__(self) -> None:
        super().__init__()
        self.sections: list[_Section] = []
        self.heading: str | None = None
        self.text = ""
        self.details: list[bool] = []  # the open dropdowns around the parser, folded or not
        self.unfolded_examples: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        classes = (dict(attrs).get("class") or "").split()
        if tag in ("h2", "h3"):
            self.heading, self.text = tag, ""
        elif tag == "details":
            folded = "open" not in dict(attrs)
            self.details.append(folded)
            if self.sections:
                self.sections[-1].dropdowns.append(folded)
        elif _is_example(tag, classes) and not (self.details and all(self.details)):
            self.unfolded_examples.append(" ".join(classes))

    def handle_endtag(self, tag: str) -> None:
        if tag == self.heading:
            self.sections.append(_Section(tag, self.text.strip()))
            self.heading = None
        elif tag == "details":
            self.details.pop()

    def handle_data(self, data: str) -> None:
        if self.heading:
            self.text += data


def _is_example(tag: str, classes: list[str]) -> bool:
    # An executed example (a console session or a Python doctest) or a chart the build drew.
    executed = any(name in ("highlight-console", "highlight-python") for name in classes)
    return executed or (tag == "figure" and "orgkb-chart" in classes)


@pytest.mark.parametrize("language", ["en", "zh_CN"])
@pytest.mark.parametrize("page", CASE_STUDIES)
def test_every_answer_of_a_case_study_is_folded_away(
    built_editions: dict[str, BuiltSite], language: str, page: str
) -> None:
    parsed = _Sections()
    parsed.feed((built_editions[language].html / "training" / f"{page}.html").read_text("utf-8"))
    assert parsed.unfolded_examples == [], "an example or chart outside a folded dropdown"
    # After the situation (the first h2), every question (h3) has its answer, folded.
    h2s = [index for index, section in enumerate(parsed.sections) if section.level == "h2"]
    questions = [section for section in parsed.sections[h2s[1] :] if section.level == "h3"]
    assert len(questions) >= 4
    for question in questions:
        assert question.dropdowns, f"{question.title}: no answer"
        assert all(question.dropdowns), f"{question.title}: an answer is unfolded"


def _agendas() -> list[tuple[str, int, list[tuple[str, int]]]]:
    """Each agenda of the session plans: its heading, its stated length and its blocks'
    (start, minutes)."""
    text = (TRAINING / "session-plans.md").read_text("utf-8")
    agendas = []
    for heading, minutes, body in re.findall(
        r"^## ([^\n]*\((\d+) minutes\))\n(.*?)(?=^## |\Z)", text, re.MULTILINE | re.DOTALL
    ):
        table = [line for line in body.splitlines() if line.startswith("|")]
        header = [cell.strip() for cell in table[0].strip("|").split("|")]
        start, length = header.index("Start"), header.index("Minutes")
        blocks = []
        for row in table[2:]:
            cells = [cell.strip() for cell in row.strip("|").split("|")]
            blocks.append((cells[start], int(cells[length])))
        agendas.append((heading, int(minutes), blocks))
    return agendas


def test_both_agendas_add_up_to_their_stated_length() -> None:
    agendas = _agendas()
    assert [length for _, length, _ in agendas] == [180, 90]
    for heading, length, blocks in agendas:
        assert sum(minutes for _, minutes in blocks) == length, heading
        elapsed = 0
        for start, minutes in blocks:
            hours, mins = divmod(elapsed, 60)
            assert start == f"{hours}:{mins:02d}", f"{heading}: block at {start}"
            elapsed += minutes


def test_the_rule_codes_a_page_gives_are_the_rules_own() -> None:
    # "R3 ({rule}`one-region.unify-promotion-and-service`)" in prose, "| R3 | {rule}`…` |" in
    # the session plan's table: a code beside an id must be that rule's code.
    pairs = re.compile(r"\b(R\d+)\W{1,4}\{rule\}`([^`]+)`")
    found = []
    for page in sorted(TRAINING.glob("*.md")):
        for code, rule_id in pairs.findall(page.read_text("utf-8")):
            found.append((page.name, rule_id, code))
            assert CODES[rule_id] == code, f"{page.name}: {code} beside {rule_id}"
    table = {rule_id for page, rule_id, _ in found if page == "session-plans.md"}
    assert table == set(CODES), "the session plan lists every rule with its code"


def _handout() -> list[tuple[str, str, str, str]]:
    """The handout's rows: English, the Chinese term and the glossary term it links to, pinyin."""
    text = (TRAINING / "glossary-handout.md").read_text("utf-8")
    cell = r"\s*([^|]*?)\s*"
    row = re.compile(rf"^\|{cell}\|\s*\{{term\}}`(\S+) <([^>]+)>`\s*\|{cell}\|.*\|$", re.MULTILINE)
    return row.findall(text)


def _core_terms() -> list[str]:
    """The glossary's headwords in English, in order, outside the sections the handout leaves out."""
    text = GLOSSARY.read_text("utf-8")
    terms = []
    for title, block in re.findall(r"^## (.+?)\n.*?```\{glossary\}\n(.*?)```", text, re.M | re.S):
        if title in NOT_ON_THE_HANDOUT:
            continue
        lines = block.splitlines()
        # A headword: a line at the margin right after a definition (or the block's start).
        terms += [
            line
            for before, line in zip(["  ", *lines], lines, strict=False)
            if line and not line[0].isspace() and (not before or before[0].isspace())
        ]
    return terms


def test_the_handout_has_every_core_glossary_term_with_its_chinese_headword() -> None:
    rows = _handout()
    headwords = glossary_headwords()
    assert [english for english, *_ in rows] == _core_terms()
    for english, chinese, target, _ in rows:
        assert target == english
        assert chinese == headwords[english.casefold()], english


def _syllables(text: str) -> str:
    # Pinyin as written, word-joined (gōngsī), with an apostrophe (fāng'àn) or a hyphen (èr-sān).
    return re.sub(r"[\s'’-]", "", text).casefold()


def test_the_handout_pinyin_is_the_reading_of_each_term() -> None:
    for english, chinese, _, written in _handout():
        # pypinyin reads a word by its phrase dictionary, so 分公司 is fēn, not fèn; a Latin
        # part (PK) comes back as itself.
        read = "".join(syllable for (syllable,) in pinyin(chinese, style=Style.TONE))
        assert _syllables(written) == _syllables(read), f"{english} {chinese}: {written}"


def test_a_wrong_tone_or_syllable_is_caught() -> None:
    read = "".join(syllable for (syllable,) in pinyin("同城内耗", style=Style.TONE))
    assert _syllables("tóngchéng nèihào") == _syllables(read)
    assert _syllables("tóngchéng nèihāo") != _syllables(read)


def test_every_case_study_profile_is_used_by_a_page() -> None:
    named = "".join(page.read_text("utf-8") for page in TRAINING.glob("*.md"))
    profiles = sorted((EXAMPLES / "training").iterdir())
    assert profiles
    assert [p.name for p in profiles if f"examples/training/{p.name}" not in named] == []
