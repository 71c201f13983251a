"""Each page loads only the scripts and styles it uses.

sphinx-design, the code highlighting and the site's copy button add their files to every
page; most pages have no design components, and several have no code. Leaving the files off
those pages keeps a content page under its weight budget (see ``benchmarks/page_weight.py``)
without losing anything a reader sees.
"""

from __future__ import annotations

import posixpath
from collections.abc import Callable
from typing import Any

from docutils import nodes
from sphinx.application import Sphinx


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
    return any(True for _ in doctree.findall(nodes.literal_block))


# Files, by name without their folder, and the test a page's doctree passes when it needs them.
_NEEDED_BY: dict[str, Callable[[nodes.document], bool]] = {
    "pygments.css": _has_code,
    "sphinx-design.min.css": _uses_design,
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


def setup_assets(app: Sphinx) -> None:
    """Leave sphinx-design's and sphinx-copybutton's files off pages that do not use them."""
    app.connect("html-page-context", _drop_unused)
