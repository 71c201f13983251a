"""What the components of orgkb's Sphinx extensions share: their warnings, and the web tests.

Every warning they log has the type :data:`WARNING_TYPE` and a subtype naming the problem,
so Sphinx shows it as ``[orgkb.<subtype>]`` and ``suppress_warnings`` can name it; the
subtypes are listed on the reference page of the extension.
"""

from __future__ import annotations

from docutils import nodes
from sphinx.builders import Builder
from sphinx.builders.dirhtml import DirectoryHTMLBuilder
from sphinx.builders.singlehtml import SingleFileHTMLBuilder
from sphinx.util import logging

WARNING_TYPE = "orgkb"
"""The type of every warning of orgkb's extensions."""

Location = str | tuple[str | None, int | None] | nodes.Node | None
"""Where a warning points: ``"path:line"``, ``(docname, line)`` or a node of a doctree."""

logger = logging.getLogger(__name__)


def warn(subtype: str, message: str, location: Location = None) -> None:
    """Log *message* as the warning ``orgkb.<subtype>``, at *location* when known."""
    logger.warning(message, type=WARNING_TYPE, subtype=subtype, location=location)


def builds_web_pages(builder: Builder) -> bool:
    """Whether *builder* writes pages for a web browser: HTML, and not an EPUB book.

    Web pages get the HTML charts and their style sheet; on this site, also the
    machine-readable edition, the links to the downloads and the trimmed style sheets. An
    EPUB book gets what every other builder gets: the charts as nested lists.
    """
    return builder.format == "html" and not builder.name.startswith("epub")


def builds_page_files(builder: Builder) -> bool:
    """Whether *builder* writes web pages (:func:`builds_web_pages`) each as a file of its
    page's name, ``how-to/cite.html``: the addresses a site is published at and cited by.

    A single-page build (``singlehtml``) writes one page for all, a directory-style one
    (``dirhtml``) a folder a page.
    """
    one_page_or_folders = (SingleFileHTMLBuilder, DirectoryHTMLBuilder)
    return builds_web_pages(builder) and not isinstance(builder, one_page_or_folders)


def language_tag(language: str) -> str:
    """The BCP 47 tag of a Sphinx language code, as ``<html lang>`` and ``hreflang`` write it.

    >>> language_tag("zh_CN"), language_tag("en")
    ('zh-CN', 'en')
    """
    return language.replace("_", "-")
