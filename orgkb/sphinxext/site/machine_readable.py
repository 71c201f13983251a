"""A machine-readable edition, written by every web build beside the pages.

- ``llms.txt``: the site in brief, after https://llmstxt.org: title, summary, licences, a
  link to every page, grouped by section of the site, every rule with its code and address,
  and the ``llms.txt`` of each other edition (``orgkb_editions``).
- ``llms-full.txt``: every page as plain text, in reading order, each with its URL.
- ``sections.jsonl``: one JSON object a line for every section of every page, with the keys
  ``id``, ``url``, ``title``, ``language`` (a BCP 47 tag: ``en``, ``zh-CN``), ``text``,
  ``rules`` (the ids of the rules the section states or cites) and ``rule_codes`` (their
  codes, in the same order).

Each edition writes its own, in its language, at its own base URL. The text comes from the
pages as read, before links are resolved: a chart is its nested list, a rule its statement;
the "Cite this page" block is left out.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from docutils import nodes
from sphinx import addnodes
from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment
from sphinx.util import docname_join

from orgkb import citation
from orgkb.rules import RULES, wording
from orgkb.sphinxext.rules import RULE_OBJECT_TYPE
from orgkb.sphinxext.shared import builds_web_pages, language_tag
from orgkb.sphinxext.site.citations import edition_base_url
from orgkb.sphinxext.site.editions import language_name
from orgkb.text import is_chinese

SUMMARY_FILE = "llms.txt"
FULL_TEXT_FILE = "llms-full.txt"
SECTIONS_FILE = "sections.jsonl"

_RULE_BY_ANCHOR = {citation.rule_anchor(known.id): known.id for known in RULES}
_CODE_BY_ID = {known.id: known.code for known in RULES}
# Generated navigation and markup that carries no prose of its own.
_SKIPPED = (
    addnodes.toctree,
    nodes.comment,
    nodes.raw,
    nodes.substitution_definition,
    nodes.system_message,
    nodes.target,
)


@dataclass(frozen=True)
class _Words:
    """What the files say around the pages' own text, in one language."""

    title: str
    licences: str
    summary: str
    full_text: str
    sections: str
    other_pages: str
    rules: str
    editions: str


_ENGLISH = _Words(
    title="{title}, version {version}",
    licences=(
        "Text and figures: {content} ({content_url}); code: {code}. "
        "Cite each page by its URL and this version."
    ),
    summary=(
        "Version {version}. Text and figures: {content}; code: {code}. Every page ends with a "
        "citation; every rule has a short code that never changes (R1…) and a stable address "
        "on the rules page."
    ),
    full_text="[Full text]({url}): every page as plain text",
    sections=(
        "[Sections]({url}): one JSON object per section "
        "(id, url, title, language, text, rules, rule_codes)"
    ),
    other_pages="Other pages",
    rules="Rules",
    editions="Other languages",
)
_CHINESE = _Words(
    title="{title}，版本 {version}",
    licences="文字和图：{content}（{content_url}）；代码：{code}。引用某一页时，请注明它的网址和本版本号。",
    summary=(
        "版本 {version}。文字和图：{content}；代码：{code}。每一页末尾都有引用格式；"
        "每条规则都有一个永不改变的代号（R1…），在规则页上也有固定的网址。"
    ),
    full_text="[全文]({url})：所有页面的纯文本",
    sections=(
        "[章节]({url})：每个章节一个 JSON 对象（id、url、title、language、text、rules、rule_codes）"
    ),
    other_pages="其他页面",
    rules="规则",
    editions="其他语言",
)


def _words(language: str) -> _Words:
    return _CHINESE if is_chinese(language) else _ENGLISH


@dataclass(frozen=True)
class Section:
    """One section of a page, as ``sections.jsonl`` writes it."""

    id: str
    url: str
    title: str
    language: str
    text: str
    rules: tuple[str, ...]
    depth: int

    def to_json(self) -> dict[str, object]:
        """The section as one line of ``sections.jsonl`` holds it."""
        return {
            "id": self.id,
            "url": self.url,
            "title": self.title,
            "language": self.language,
            "text": self.text,
            "rules": list(self.rules),
            "rule_codes": [_CODE_BY_ID[rule_id] for rule_id in self.rules],
        }


def reading_order(env: BuildEnvironment, root: str) -> list[str]:
    """Every page, in the order the table of contents reaches them; the others after."""
    ordered: list[str] = []

    def visit(docname: str) -> None:
        if docname in ordered:
            return
        ordered.append(docname)
        for child in env.toctree_includes.get(docname, []):
            visit(child)

    visit(root)
    return ordered + sorted(set(env.found_docs) - set(ordered))


def page_sections(app: Sphinx, docname: str) -> list[Section]:
    """The sections of the page *docname*, outermost first, each with its own text only."""
    env = app.env
    doctree = env.get_doctree(docname)
    language = language_tag(str(env.metadata[docname].get("language") or _language(app)))
    found = []
    for section in doctree.findall(nodes.section):
        anchor = section["ids"][0]
        depth = sum(1 for parent in _parents(section) if isinstance(parent, nodes.section))
        own = [child for child in section.children if not isinstance(child, nodes.section)]
        title = own[0].astext() if own and isinstance(own[0], nodes.title) else docname
        body = own[1:] if own and isinstance(own[0], nodes.title) else own
        url = citation.page_url(docname, edition_base_url(app.config))
        found.append(
            Section(
                id=f"{docname}#{anchor}",
                url=url if depth == 0 else f"{url}#{anchor}",
                title=title,
                language=language,
                text="\n\n".join(block for child in body for block in _blocks(env, child, "")),
                rules=tuple(dict.fromkeys(rule for child in body for rule in _rules_in(child))),
                depth=depth,
            )
        )
    return found


def _parents(node: nodes.Node) -> Iterator[nodes.Node]:
    while node.parent is not None:
        node = node.parent
        yield node


def _rules_in(node: nodes.Node) -> Iterator[str]:
    if not isinstance(node, nodes.Element):
        return
    for element in node.findall(nodes.Element):
        if isinstance(element, addnodes.pending_xref):
            # A citation of an id no rule has is a broken link, which the build warns of.
            cited = str(element["reftarget"])
            if element.get("reftype") in ("rule", RULE_OBJECT_TYPE) and cited in _CODE_BY_ID:
                yield cited
        elif "orgkb-rule" in element.get("classes", []):
            for anchor in element["ids"]:
                if anchor in _RULE_BY_ANCHOR:
                    yield _RULE_BY_ANCHOR[anchor]


def _text(env: BuildEnvironment, node: nodes.Node) -> str:
    """The text of *node*, a link to a page without a text of its own reading as its title."""
    if not isinstance(node, nodes.Element) or not any(node.findall(addnodes.pending_xref)):
        return node.astext()
    copy = node.deepcopy()
    for reference in list(copy.findall(addnodes.pending_xref)):
        parent = reference.parent
        if "sd-hide-link-text" in reference.get("classes", []):
            # A card's whole-card link: its text is hidden from readers, so from this too.
            parent.remove(reference)
        elif reference.get("reftype") == "doc" and not reference.get("refexplicit"):
            target = docname_join(reference.get("refdoc", ""), reference["reftarget"])
            if target in env.titles:
                parent.replace(reference, nodes.Text(env.titles[target].astext()))
    return copy.astext()


def _blocks(env: BuildEnvironment, node: nodes.Node, indent: str) -> Iterator[str]:
    """The node as plain-text blocks: paragraphs, list items with dashes, code as is."""
    if isinstance(node, _SKIPPED):
        return
    if isinstance(node, nodes.literal_block):
        yield "\n".join(indent + line for line in node.astext().splitlines())
        return
    if isinstance(node, nodes.Text | nodes.TextElement):
        text = " ".join(_text(env, node).split())
        if text:
            yield indent + text
        return
    if isinstance(node, nodes.table):
        for row in node.findall(nodes.row):
            cells = (" ".join(_text(env, entry).split()) for entry in row.children)
            yield indent + " | ".join(cells)
        return
    if isinstance(node, nodes.bullet_list | nodes.enumerated_list):
        for number, item in enumerate(node.children, start=1):
            marker = "- " if isinstance(node, nodes.bullet_list) else f"{number}. "
            lines = [line for child in item.children for line in _blocks(env, child, "")]
            if not lines:
                continue
            first, *rest = "\n".join(lines).split("\n")
            text = "\n".join([indent + marker + first, *(indent + "  " + line for line in rest)])
            yield text
        return
    for child in node.children:
        yield from _blocks(env, child, indent)


def _write(app: Sphinx, exception: Exception | None) -> None:
    if exception is not None or not builds_web_pages(app.builder):
        return
    outdir = Path(app.builder.outdir)
    config = app.config
    order = reading_order(app.env, config.root_doc)
    pages = {docname: page_sections(app, docname) for docname in order}
    with (outdir / SECTIONS_FILE).open("w", encoding="utf-8") as lines:
        for docname in order:
            for section in pages[docname]:
                lines.write(json.dumps(section.to_json(), ensure_ascii=False) + "\n")
    (outdir / FULL_TEXT_FILE).write_text(_full_text(app, order, pages), encoding="utf-8")
    (outdir / SUMMARY_FILE).write_text(_summary(app, order), encoding="utf-8")


def _language(app: Sphinx) -> str:
    return str(app.config.language or "en")


def _title(app: Sphinx, docname: str) -> str:
    return app.env.titles[docname].astext() if docname in app.env.titles else docname


def _full_text(app: Sphinx, order: list[str], pages: dict[str, list[Section]]) -> str:
    config = app.config
    words = _words(_language(app))
    title = words.title.format(title=config.html_title or config.project, version=config.version)
    parts = [
        f"# {title}",
        words.licences.format(
            content=citation.CONTENT_LICENCE,
            content_url=citation.CONTENT_LICENCE_URL,
            code=citation.CODE_LICENCE,
        ),
    ]
    for docname in order:
        for section in pages[docname]:
            heading = "#" * min(section.depth + 2, 6)
            parts.append(f"{heading} {section.title}\nURL: {section.url}")
            if section.text:
                parts.append(section.text)
    return "\n\n".join(parts) + "\n"


def _summary(app: Sphinx, order: list[str]) -> str:
    config = app.config
    language = _language(app)
    words = _words(language)
    base = edition_base_url(config).rstrip("/")
    root = config.root_doc
    lines = [
        f"# {config.html_title or config.project}",
        "",
        f"> {_first_paragraph(app, root)}",
        "",
        words.summary.format(
            version=config.version, content=citation.CONTENT_LICENCE, code=citation.CODE_LICENCE
        ),
        "",
        "- " + words.full_text.format(url=f"{base}/{FULL_TEXT_FILE}"),
        "- " + words.sections.format(url=f"{base}/{SECTIONS_FILE}"),
    ]
    groups: dict[str, list[str]] = {}
    for docname in order:
        if docname != root:
            groups.setdefault(docname.partition("/")[0] if "/" in docname else "", []).append(
                docname
            )
    for folder, members in groups.items():
        index = f"{folder}/index"
        heading = _title(app, index) if folder and index in app.env.titles else words.other_pages
        lines += ["", f"## {heading}", ""]
        lines += [
            f"- [{_title(app, docname)}]({citation.page_url(docname, base)})" for docname in members
        ]
    lines += ["", f"## {words.rules}", ""]
    for known in RULES:
        statement = wording(known, language).statement
        url = citation.rule_url(known.id, base)
        lines.append(f"- {known.code} [{known.id}]({url}): {statement}")
    editions: dict[str, str] = config.orgkb_editions
    others = [(other, url) for other, url in editions.items() if other != language]
    if language in editions and others:
        lines += ["", f"## {words.editions}", ""]
        lines += [
            f"- [{language_name(other)}]({url.rstrip('/')}/{SUMMARY_FILE})" for other, url in others
        ]
    return "\n".join(lines) + "\n"


def _first_paragraph(app: Sphinx, docname: str) -> str:
    for paragraph in app.env.get_doctree(docname).findall(nodes.paragraph):
        text = " ".join(paragraph.astext().split())
        if text:
            return text
    return str(app.config.project)


def setup_machine_readable(app: Sphinx) -> None:
    """Write ``llms.txt``, ``llms-full.txt`` and ``sections.jsonl`` after each web build."""
    app.connect("build-finished", _write)
