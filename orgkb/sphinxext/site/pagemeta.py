"""A description of every page for search results and link previews.

Each HTML page gets ``<meta name="description">`` and Open Graph tags (title, description,
site name, the edition's language and, when ``html_baseurl`` is set, the page's address).
The description is the page's front-matter ``description`` when it has one, otherwise its
first paragraph of prose, shortened at a word boundary (in Chinese, between any two
characters). Pages without a source (search, index) describe themselves with the home
page's description. No preview image is named: it would have to be fetched.
"""

from __future__ import annotations

import html
import re
import unicodedata
from typing import Any

from docutils import nodes
from sphinx import addnodes
from sphinx.application import Sphinx

# Search engines show about this many characters of a description.
DESCRIPTION_LENGTH = 160

# Paragraphs inside these are asides or generated navigation, not the page's opening prose.
_NOT_OPENING = (nodes.Admonition, nodes.topic, nodes.sidebar, addnodes.toctree, nodes.table)


def shorten(text: str, limit: int = DESCRIPTION_LENGTH) -> str:
    """*text* on one line, cut before *limit* characters if it is longer: at a space, or
    after a Chinese character, since Chinese runs on without spaces.

    >>> shorten("Promotion,  customer service\\nand sales.")
    'Promotion, customer service and sales.'
    >>> shorten("one two three four", limit=12)
    'one two…'
    >>> shorten("客服部负责售前咨询和售后服务", limit=8)
    '客服部负责售前…'
    >>> shorten("orgkb 是一个知识库，讲的是 online marketing", limit=24)
    'orgkb 是一个知识库，讲的是…'
    """
    flat = " ".join(text.split())
    if len(flat) <= limit:
        return flat
    cut = flat[: limit - 1]
    for end in range(len(cut), 0, -1):
        if cut[end - 1] == " " or _is_wide(cut[end - 1]) or (end < len(cut) and _is_wide(cut[end])):
            cut = cut[:end]
            break
    return cut.rstrip(" ,;:，、；：") + "…"


def _is_wide(character: str) -> bool:
    # Chinese characters and full-width punctuation: a line may break before or after each.
    return unicodedata.east_asian_width(character) in ("W", "F")


def _is_opening(node: nodes.Node) -> bool:
    if not isinstance(node, nodes.paragraph):
        return False
    parent = node.parent
    while parent is not None:
        if isinstance(parent, _NOT_OPENING):
            return False
        parent = parent.parent
    return bool(node.astext().strip())


def page_description(metadata: dict[str, Any], doctree: nodes.document | None) -> str:
    """The description of a page: front-matter ``description``, else its first paragraph."""
    stated = metadata.get("description")
    if isinstance(stated, str) and stated.strip():
        return shorten(stated)
    if doctree is None:
        return ""
    opening = next(doctree.findall(_is_opening), None)
    return shorten(opening.astext()) if opening is not None else ""


def _has_stated_description(doctree: nodes.document | None) -> bool:
    # A page may set its own tag through MyST's ``html_meta``; two would contradict.
    if doctree is None:
        return False
    return any(node.get("name") == "description" for node in doctree.findall(nodes.meta))


def _tag(attribute: str, name: str, content: str) -> str:
    return f'<meta {attribute}="{name}" content="{html.escape(content, quote=True)}">\n'


def _add_meta_tags(
    app: Sphinx,
    pagename: str,
    templatename: str,
    context: dict[str, Any],
    doctree: nodes.document | None,
) -> None:
    env = app.env
    description = page_description(env.metadata.get(pagename, {}), doctree)
    if not description:
        root = app.config.root_doc
        description = page_description(env.metadata.get(root, {}), env.get_doctree(root))
    # Generated pages (index, search) may have no title of their own: name the site.
    title = re.sub(r"<[^>]+>", "", html.unescape(str(context.get("title") or "")))
    title = title or str(context.get("docstitle") or app.config.project)
    tags = []
    if not _has_stated_description(doctree):
        tags.append(_tag("name", "description", description))
    tags += [
        _tag("property", "og:title", title),
        _tag("property", "og:description", description),
        _tag("property", "og:type", "website"),
        _tag("property", "og:site_name", app.config.project),
        # Open Graph writes a locale as Sphinx does: zh_CN.
        _tag("property", "og:locale", app.config.language or "en"),
    ]
    if context.get("pageurl"):
        tags.append(_tag("property", "og:url", context["pageurl"]))
    context["metatags"] = context.get("metatags", "") + "".join(tags)


def setup_pagemeta(app: Sphinx) -> None:
    """Add a description and Open Graph tags to every HTML page."""
    app.connect("html-page-context", _add_meta_tags)
