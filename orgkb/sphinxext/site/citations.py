"""Every page ends with "Cite this page", and every HTML page's footer states the licences.

The citation gives the page's title, its stable URL under ``orgkb_base_url`` and the version
built, as plain text and as BibTeX (:class:`orgkb.citation.Citation`). The footer's licence
line reaches the theme through the template ``page.html`` in the configuration's
``_templates`` folder, as ``orgkb_licences``.
"""

from __future__ import annotations

from typing import Any

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.config import Config

from orgkb import citation

CITE_ID = "cite-this-page"
"""The anchor of the "Cite this page" block."""


def page_citation(app: Sphinx, docname: str) -> citation.Citation:
    """The citation of the page *docname*, at its URL under ``orgkb_base_url``."""
    title = app.env.titles[docname].astext() if docname in app.env.titles else docname
    return citation.Citation(
        title=title,
        url=citation.page_url(docname, app.config.orgkb_base_url),
        key=citation.citation_key(docname),
        version=app.config.version,
    )


def _add_citation(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    cited = page_citation(app, docname)
    block = nodes.container(classes=["orgkb-cite"], ids=[CITE_ID])
    block += nodes.rubric("", "Cite this page", **{"heading-level": 2})
    text = cited.as_text()
    before = text.removesuffix(cited.url)
    block += nodes.paragraph(
        "", "", nodes.Text(before), nodes.reference(cited.url, cited.url, refuri=cited.url)
    )
    block += nodes.paragraph("", "BibTeX:")
    bibtex = cited.as_bibtex()
    # Plain, not highlighted: the entry is for copying, and highlighting would triple its markup.
    block += nodes.literal_block(bibtex, bibtex, language="text")
    doctree += block


def licences_html() -> str:
    """The footer's licence line: content under CC BY 4.0, code under MIT."""
    return (
        '<p class="orgkb-licences">Text and figures: '
        f'<a rel="license" href="{citation.CONTENT_LICENCE_URL}">'
        f"{citation.CONTENT_LICENCE}</a>; code: {citation.CODE_LICENCE} licence.</p>"
    )


def _add_licences(
    app: Sphinx,
    pagename: str,
    templatename: str,
    context: dict[str, Any],
    doctree: nodes.document | None,
) -> None:
    context["orgkb_licences"] = licences_html()


def _default_base_url(app: Sphinx, config: Config) -> None:
    # Canonical links name the same address the citations give, unless told otherwise.
    if not config.html_baseurl:
        config.html_baseurl = config.orgkb_base_url


def setup_citations(app: Sphinx) -> None:
    """Register ``orgkb_base_url``, the "Cite this page" block and the footer's licences."""
    app.add_config_value("orgkb_base_url", citation.PUBLISHED_URL, "env", types=frozenset({str}))
    app.connect("config-inited", _default_base_url)
    app.connect("doctree-resolved", _add_citation)
    app.connect("html-page-context", _add_licences)
