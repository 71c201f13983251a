"""HTML that assistive technology and the keyboard can use, fixed where Sphinx writes it.

Defects that axe and Lighthouse report on every Sphinx site are fixed in the HTML
translator, so the page body and the theme's navigation, both written by it, get the fix:

* a toctree caption is written as ``<p class="caption" role="heading">``, and ARIA requires
  a ``heading`` role to carry ``aria-level`` as well;
* a code block wider than the page scrolls sideways, and a reader without a mouse can scroll
  it only if it takes the keyboard focus: its ``<pre>`` gets ``tabindex="0"``;
* the empty corner cell of a two-way table is written as a header cell that names nothing;
  it becomes an ordinary ``<td>``.

And the pages of an EPUB book say their language, as web pages do: Sphinx writes their
``<html>`` tag without one, so a reader's device cannot tell Chinese text from Japanese (its
fonts differ) and a screen reader reads it in the wrong voice.
"""

from __future__ import annotations

import html
from typing import Any

from docutils import nodes
from sphinx import addnodes
from sphinx.application import Sphinx
from sphinx.writers.html5 import HTML5Translator

from orgkb.sphinxext.shared import language_tag

# A caption names a group of pages under the page's own title, as a section heading would.
CAPTION_LEVEL = "2"


class _AccessibleMarkup(HTML5Translator):
    """Adds ``aria-level`` to toctree captions and ``tabindex`` to code blocks; empty header
    cells become data cells."""

    def visit_title(self, node: nodes.title) -> None:
        start = len(self.body)
        super().visit_title(node)
        if isinstance(node.parent, addnodes.compact_paragraph) and node.parent.get("toctree"):
            self._edit_first(
                start, 'role="heading"', f'role="heading" aria-level="{CAPTION_LEVEL}"'
            )

    def visit_literal_block(self, node: nodes.literal_block) -> None:
        start = len(self.body)
        try:
            super().visit_literal_block(node)
        finally:
            # The base writes a highlighted block whole and then skips the node's children.
            self._edit_first(start, "<pre>", '<pre tabindex="0">')

    def visit_entry(self, node: nodes.entry) -> None:
        start = len(self.body)
        super().visit_entry(node)
        if not node.astext().strip() and self.context[-1] == "</th>\n":
            self._edit_first(start, "<th", "<td")
            self.context[-1] = "</td>\n"

    def _edit_first(self, start: int, old: str, new: str) -> None:
        """Replace *old* by *new* in the first piece of output written since *start*."""
        for index in range(start, len(self.body)):
            if old in self.body[index]:
                self.body[index] = self.body[index].replace(old, new, 1)
                return


def _install_translator(app: Sphinx) -> None:
    # Derive from whatever translator this builder would use, so another extension's or
    # theme's translator keeps working; any builder that writes HTML, EPUB books included.
    # Some builders (gettext, which writes message templates) write with no translator.
    if getattr(app.builder, "default_translator_class", None) is None:
        return
    base = app.registry.get_translator_class(app.builder)
    if not issubclass(base, HTML5Translator):
        return
    translator = type(f"Accessible{base.__name__}", (_AccessibleMarkup, base), {})
    app.registry.add_translator(app.builder.name, translator, override=True)


def _say_the_book_s_language(
    app: Sphinx,
    pagename: str,
    templatename: str,
    context: dict[str, Any],
    doctree: nodes.document | None,
) -> None:
    tag = context.get("html_tag")
    language = app.config.epub_language or app.config.language
    if app.builder.name.startswith("epub") and tag and language and " lang=" not in tag:
        language = html.escape(language_tag(language), quote=True)
        context["html_tag"] = tag.replace(
            "<html", f'<html lang="{language}" xml:lang="{language}"', 1
        )


def setup_accessible(app: Sphinx) -> None:
    """Use the accessible markup in every HTML builder, and give EPUB pages a language."""
    app.connect("builder-inited", _install_translator)
    app.connect("html-page-context", _say_the_book_s_language)
