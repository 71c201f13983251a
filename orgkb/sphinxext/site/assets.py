"""Each page loads only the scripts and styles it uses.

sphinx-design, the code highlighting and the site's copy button add their files to every
page; most pages have no design components, and several have no code. Leaving the files off
those pages keeps a content page under its weight budget (see ``benchmarks/page_weight.py``)
without losing anything a reader sees.

sphinx-design's style sheet styles every component it offers; the site uses a few. After
the build, the sheet keeps only the rules whose ``sd-`` classes appear in a written page,
which takes it from about 8 KB compressed to about 2 KB. Pygments' sheet, likewise, colours
every token of every language in two themes; the site's code blocks use a few dozen tokens,
and keeping only theirs takes it from about 2.2 KB compressed to under 1 KB.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from docutils import nodes
from sphinx.application import Sphinx

from orgkb.sphinxext.shared import builds_web_pages

DESIGN_STYLE_SHEET = "sphinx-design.min.css"
CODE_STYLE_SHEET = "pygments.css"


def _uses_design(doctree: nodes.document) -> bool:
    return any(
        name.startswith("sd-")
        for node in doctree.findall(nodes.Element)
        for name in node["classes"]
    )


def _syncs_tabs(doctree: nodes.document) -> bool:
    # Tabs switch by CSS alone; the script only keeps tabs with the same ``sync`` key in step.
    return any("sync_id" in node.attributes for node in doctree.findall(nodes.Element))


def _has_code(doctree: nodes.document) -> bool:
    return next(doctree.findall(nodes.literal_block), None) is not None


# Files, by name without their folder, and the test a page's doctree passes when it needs them.
_NEEDED_BY: dict[str, Callable[[nodes.document], bool]] = {
    CODE_STYLE_SHEET: _has_code,
    DESIGN_STYLE_SHEET: _uses_design,
    "design-tabs.js": _syncs_tabs,
    "copybutton.js": _has_code,
}


def _needed(filename: str | None, doctree: nodes.document | None) -> bool:
    test = _NEEDED_BY.get(posixpath.basename(filename or ""))
    if test is None:
        return True
    return doctree is not None and test(doctree)


def _drop_unused(
    app: Sphinx,
    pagename: str,
    templatename: str,
    context: dict[str, Any],
    doctree: nodes.document | None,
) -> None:
    # New lists, not edits in place: the builder reuses its own lists for the next page.
    for key in ("css_files", "script_files"):
        if key in context:
            assets = context[key]
            context[key] = [
                asset for asset in assets if _needed(getattr(asset, "filename", None), doctree)
            ]


_CLASS_ATTRIBUTE = re.compile(r"""class=["']([^"']*)["']""")
_DESIGN_CLASS = re.compile(r"\.(sd-[\w-]+)")
# A token's class follows ``.highlight `` directly (``.highlight .nt``); the sheet's other
# rules (``.highlight pre``, line numbers) are kept whatever the pages use.
_TOKEN_CLASS = re.compile(r"\.highlight \.([\w-]+)")
_COMMENT = re.compile(r"/\*.*?\*/", re.DOTALL)


def _blocks(css: str) -> Iterator[str]:
    """The top-level rules and at-rules of *css*, each with its braces."""
    depth = start = 0
    for index, character in enumerate(css):
        if character == "{":
            depth += 1
        elif character == "}":
            depth -= 1
            if depth == 0:
                yield css[start : index + 1].strip()
                start = index + 1


def _kept_rule(rule: str, used: set[str], classes: re.Pattern[str]) -> str:
    selectors, body = rule.split("{", 1)
    kept = [
        selector.strip()
        for selector in selectors.split(",")
        if all(name in used for name in classes.findall(selector))
    ]
    return ",".join(kept) + "{" + body if kept else ""


def purge_css(css: str, used: set[str], classes: re.Pattern[str] = _DESIGN_CLASS) -> str:
    """*css* without the rules that need a class, as *classes* finds them, not in *used*.

    A rule with several selectors keeps those whose classes are all used; a media query
    keeps its surviving rules; rules without such classes (variables) stay. Comments go.

    >>> purge_css(
    ...     ":root{--sd-x:1}.sd-card{a:1}.sd-tab,.sd-card-body{b:2}"
    ...     "@media (min-width:576px){.sd-col{c:3}.sd-card{d:4}}",
    ...     {"sd-card", "sd-card-body"},
    ... )
    ':root{--sd-x:1}.sd-card{a:1}.sd-card-body{b:2}@media (min-width:576px){.sd-card{d:4}}'
    """
    kept = []
    for block in _blocks(_COMMENT.sub("", css)):
        if block.startswith(("@media", "@supports")):
            head, inner = block.split("{", 1)
            rules = "".join(_kept_rule(rule, used, classes) for rule in _blocks(inner[:-1]))
            if rules:
                kept.append(f"{head.strip()}{{{rules}}}")
        elif block.startswith("@"):
            kept.append(block)
        else:
            kept.append(_kept_rule(block, used, classes))
    return "".join(kept)


def _purge_written_css(app: Sphinx, exception: Exception | None) -> None:
    if exception is not None or not builds_web_pages(app.builder):
        return
    static = Path(app.builder.outdir) / "_static"
    used = {
        name
        for page in Path(app.builder.outdir).rglob("*.html")
        for names in _CLASS_ATTRIBUTE.findall(page.read_text(encoding="utf-8"))
        for name in names.split()
    }
    for name, classes in ((DESIGN_STYLE_SHEET, _DESIGN_CLASS), (CODE_STYLE_SHEET, _TOKEN_CLASS)):
        if (sheet := static / name).is_file():
            css = sheet.read_text(encoding="utf-8")
            sheet.write_text(purge_css(css, used, classes), encoding="utf-8")


def setup_assets(app: Sphinx) -> None:
    """Leave unused files off each page, and unused rules out of sphinx-design's and
    Pygments' sheets."""
    app.connect("html-page-context", _drop_unused)
    # Furo writes its own Pygments sheet, with the dark theme's colours, when the build
    # finishes: cut it after that.
    app.connect("build-finished", _purge_written_css, priority=900)
