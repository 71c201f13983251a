"""Toctree captions that assistive technology can place in the page outline.

Sphinx writes a toctree caption as ``<p class="caption" role="heading">``; ARIA requires a
``heading`` role to carry ``aria-level`` as well, and axe and Lighthouse report its absence on
every page. The fix sits in the HTML translator, so the body and the theme's navigation, both
written by it, get the level.
"""

from __future__ import annotations

from docutils import nodes
from sphinx import addnodes
from sphinx.application import Sphinx
from sphinx.writers.html5 import HTML5Translator

# A caption names a group of pages under the page's own title, as a section heading would.
CAPTION_LEVEL = "2"


class _CaptionLevel(HTML5Translator):
    """Adds ``aria-level`` to the caption paragraph that the base translator opens."""

    def visit_title(self, node: nodes.title) -> None:
        start = len(self.body)
        super().visit_title(node)
        if isinstance(node.parent, addnodes.compact_paragraph) and node.parent.get("toctree"):
            for index in range(start, len(self.body)):
                if self.body[index].startswith("<p") and 'role="heading"' in self.body[index]:
                    self.body[index] = self.body[index].replace(
                        'role="heading"', f'role="heading" aria-level="{CAPTION_LEVEL}"', 1
                    )


def _install_translator(app: Sphinx) -> None:
    if app.builder.format != "html":
        return
    # Derive from whatever translator this builder would use, so another extension's or
    # theme's translator keeps working.
    base = app.registry.get_translator_class(app.builder)
    translator = type(f"Captioned{base.__name__}", (_CaptionLevel, base), {})
    app.registry.add_translator(app.builder.name, translator, override=True)


def setup_captions(app: Sphinx) -> None:
    """Give toctree captions an ARIA heading level in every HTML builder."""
    app.connect("builder-inited", _install_translator)
