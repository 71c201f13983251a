"""The Chinese catalogues translate the English pages as they are now, message by message.

The message templates are made afresh from the sources, as ``./dev catalogues`` makes them,
and each catalogue of ``locales/zh_CN`` is compared with its template. This is the only check
that catches a stale translation: after an English sentence changes, ``sphinx-intl stat`` and
``msgfmt --statistics`` still count its catalogue as translated, and Sphinx silently shows
the sentence in English, even under ``-W``. A translation must also keep what its English
holds for machines and readers to follow: the roles and their targets, code spans and URLs.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog, Message
from babel.messages.pofile import read_po

from tests.helpers import CONF, DOCS, ROOT, glossary_headwords, run_sphinx

CATALOGUES = ROOT / "locales" / "zh_CN" / "LC_MESSAGES"
# The two reference pages the Chinese edition shows in English (their titles and a note say
# so in Chinese): their other messages may stay untranslated.
ENGLISH_ONLY = {"reference/api", "reference/sphinx-extension"}

# A role in MyST ({name}`text`) or in reST (:name:`text`), as docstrings write them.
ROLE = re.compile(
    r"(?:\{(?P<myst>[\w.:+-]+)\}|:(?P<rest>[\w.:+-]+):)(?P<ticks>`+)(?P<text>.*?)(?P=ticks)",
    re.DOTALL,
)
EXPLICIT_TARGET = re.compile(r"^(?P<text>.*?)\s*<(?P<target>[^<>]+)>$", re.DOTALL)
CODE_SPAN = re.compile(r"(`+)(.+?)\1", re.DOTALL)
LINK_TARGET = re.compile(r"\]\(([^()\s]+)\)")
URL = re.compile(r"https?://[^\s<>()\[\]`\"'，。；：）、]+")


@pytest.fixture(scope="module")
def templates(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Catalog]:
    """The message templates of the current sources, by page (and ``sphinx``, the templates';
    ``training/slides/decks``, every slide deck's)."""
    out = tmp_path_factory.mktemp("gettext")
    # The pages, then the slide decks with their own configuration, into one folder, as
    # ./dev catalogues makes them.
    for conf, source in ((CONF, DOCS), (CONF / "slides", DOCS / "training" / "slides")):
        doctrees = out / "doctrees" / conf.name
        returncode, log = run_sphinx(
            source, out / "pot", "gettext", conf=conf, doctrees=doctrees, strict=False
        )
        assert returncode == 0, log
    return {
        path.relative_to(out / "pot").with_suffix("").as_posix(): _read(path)
        for path in (out / "pot").rglob("*.pot")
    }


@pytest.fixture(scope="module")
def catalogues() -> dict[str, Catalog]:
    """The Chinese catalogues, by page."""
    return {
        path.relative_to(CATALOGUES).with_suffix("").as_posix(): _read(path)
        for path in CATALOGUES.rglob("*.po")
    }


def _read(path: Path) -> Catalog:
    with path.open("rb") as file:
        return read_po(file)


def _messages(catalog: Catalog) -> dict[str, Message]:
    # Without the header entry, whose id is empty; each id is a plain string here (no plurals).
    return {str(message.id): message for message in catalog if message.id}


def test_every_page_has_a_catalogue_and_every_catalogue_a_page(
    templates: dict[str, Catalog], catalogues: dict[str, Catalog]
) -> None:
    assert sorted(set(templates) - set(catalogues)) == [], "pages without a catalogue"
    assert sorted(set(catalogues) - set(templates)) == [], "catalogues of no page"


def test_no_message_is_missing_or_obsolete(
    templates: dict[str, Catalog], catalogues: dict[str, Catalog]
) -> None:
    problems = []
    for page, template in sorted(templates.items()):
        if page not in catalogues:
            continue
        wanted, held = set(_messages(template)), set(_messages(catalogues[page]))
        problems += [f"{page}: missing: {msgid!r}" for msgid in sorted(wanted - held)]
        problems += [f"{page}: obsolete: {msgid!r}" for msgid in sorted(held - wanted)]
        problems += [
            f"{page}: obsolete (#~): {msgid!r}"
            for msgid in sorted(map(str, catalogues[page].obsolete))
        ]
    assert problems == [], "run ./dev catalogues, then translate:\n" + "\n".join(problems)


def test_every_message_is_translated_and_none_is_fuzzy(catalogues: dict[str, Catalog]) -> None:
    problems = []
    for page, catalogue in sorted(catalogues.items()):
        for msgid, message in _messages(catalogue).items():
            if message.fuzzy:
                problems.append(f"{page}: fuzzy: {msgid!r}")
            elif not message.string and page not in ENGLISH_ONLY:
                problems.append(f"{page}: empty: {msgid!r}")
    assert problems == [], "\n".join(problems)


def _roles(text: str) -> Counter[tuple[str, str]]:
    """Each role of *text* and its target, as Sphinx resolves it."""
    found: Counter[tuple[str, str]] = Counter()
    for role in ROLE.finditer(text):
        name = role["myst"] or role["rest"]
        explicit = EXPLICIT_TARGET.match(role["text"])
        target = " ".join((explicit["target"] if explicit else role["text"]).split())
        # A term is found whatever its letter case.
        found[name, target.casefold() if name == "term" else target] += 1
    return found


def _code_spans(text: str) -> Counter[str]:
    return Counter(" ".join(span[1].split()) for span in CODE_SPAN.findall(ROLE.sub("", text)))


def _addresses(text: str) -> Counter[str]:
    """The targets of the Markdown links of *text*, and the other URLs it gives."""
    return Counter(LINK_TARGET.findall(text)) + Counter(URL.findall(LINK_TARGET.sub("", text)))


def markup_differences(msgid: str, msgstr: str) -> list[str]:
    """What the translation *msgstr* changed of the roles, code spans and URLs of *msgid*."""
    differences = []
    for kind, read in (("roles", _roles), ("code spans", _code_spans), ("URLs", _addresses)):
        english, chinese = read(msgid), read(msgstr)
        if english != chinese:
            missing = ", ".join(_shown(item) for item in sorted((english - chinese).elements()))
            added = ", ".join(_shown(item) for item in sorted((chinese - english).elements()))
            said = [f"missing {missing}" if missing else "", f"added {added}" if added else ""]
            differences.append(f"{kind}: " + ", ".join(part for part in said if part))
    return differences


@pytest.mark.parametrize(
    ("msgid", "msgstr", "differences"),
    [
        ("See {term}`levels` and `x`.", "见{term}`层级 <levels>`和 `x`。", []),
        ("The {term}`Branch`.", "{term}`分公司 <branch>`。", []),
        ("See {doc}`/how-to/cite`.", "见{doc}`引用 </how-to/cite>`。", []),
        ("See {term}`levels`.", "见层级。", ["roles: missing term:levels"]),
        ("A {rule}`a.b`.", "{rule}`a.c`。", ["roles: missing rule:a.b, added rule:a.c"]),
        (
            "Run `orgkb plan`.",
            "运行 `orgkb recommend`。",
            ["code spans: missing orgkb plan, added orgkb recommend"],
        ),
        (
            "[The site](https://e.org/x).",
            "[本站](https://e.org/y)。",
            ["URLs: missing https://e.org/x, added https://e.org/y"],
        ),
        ("See :class:`orgkb.model.Unit`.", "见 :class:`orgkb.model.Unit`。", []),
    ],
)
def test_markup_differences_are_found(msgid: str, msgstr: str, differences: list[str]) -> None:
    assert markup_differences(msgid, msgstr) == differences


def _shown(item: str | tuple[str, str]) -> str:
    return ":".join(item) if isinstance(item, tuple) else item


def test_translations_keep_roles_code_and_urls(catalogues: dict[str, Catalog]) -> None:
    problems = [
        f"{page}: {msgid!r}: {difference}"
        for page, catalogue in sorted(catalogues.items())
        for msgid, message in _messages(catalogue).items()
        if message.string
        for difference in markup_differences(msgid, str(message.string))
    ]
    assert problems == [], "\n".join(problems)


def test_the_glossary_gives_every_term_a_chinese_headword() -> None:
    headwords = glossary_headwords()
    assert headwords["inquiry lead"] == "咨询线索"
    assert headwords["promotion"] == headwords["推广部"] == "推广部"
    assert headwords["headquarters"] == headwords["总公司"] == "总部"


def test_terms_are_named_by_their_chinese_headwords(catalogues: dict[str, Catalog]) -> None:
    # The role text may be the headword, hold it (客服部负责人) or be its short form, as the
    # article writes it (推广 for 推广部, 线索 for 咨询线索).
    headwords = glossary_headwords()
    problems = []
    for page, catalogue in sorted(catalogues.items()):
        for msgid, message in _messages(catalogue).items():
            for role in ROLE.finditer(str(message.string or "")):
                if (role["myst"] or role["rest"]) != "term":
                    continue
                explicit = EXPLICIT_TARGET.match(role["text"])
                target = explicit["target"] if explicit else role["text"]
                shown = "".join((explicit["text"] if explicit else role["text"]).split())
                headword = headwords.get(" ".join(target.split()).casefold())
                if headword is None:
                    problems.append(f"{page}: {msgid!r}: {target!r} is no glossary term")
                elif headword not in shown and shown not in headword:
                    problems.append(f"{page}: {msgid!r}: {shown!r} for {target!r}, not {headword}")
    assert problems == [], "\n".join(problems)
