"""What the components of orgkb's Sphinx extensions share: the test of a web build."""

from __future__ import annotations

from sphinx.builders import Builder


def builds_web_pages(builder: Builder) -> bool:
    """Whether *builder* writes pages for a web browser: HTML, and not an EPUB book.

    Web pages get the HTML charts and their style sheet; on this site, also the
    machine-readable edition, the links to the downloads and the trimmed style sheets. An
    EPUB book gets what every other builder gets: the charts as nested lists.
    """
    return builder.format == "html" and not builder.name.startswith("epub")
