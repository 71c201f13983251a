"""Every page ends with "Cite this page", and every HTML page's footer states the licences.

The citation gives the page's title, its stable URL in the edition built — under
``orgkb_base_url`` for English, under its ``zh_CN/`` folder for Chinese — and the version
built, as plain text, as GB/T 7714-2015 and as BibTeX (:class:`orgkb.citation.Citation`), all
worded in the edition's language. GB/T 7714 gives the day the page last changed, where
``sphinx_last_updated_by_git`` knows it, and the day the site was built as the day cited
(``SOURCE_DATE_EPOCH`` when set, as for Sphinx's own dates). The footer's licence line reaches
the theme through the template ``page.html`` in the configuration's ``_templates`` folder, as
``orgkb_licences``.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Any

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.config import Config
from sphinx.util.i18n import format_date

from orgkb import citation

CITE_ID = "cite-this-page"
"""The anchor of the "Cite this page" block."""


@dataclass(frozen=True)
class CiteWords:
    """What the citation block and the licence line say in one edition.

    *licences* is a ``str.format`` pattern of the content licence's link and the code's
    licence.
    """

    heading: str
    gbt7714: str
    bibtex: str
    licences: str


WORDS = {
    citation.ENGLISH.language: CiteWords(
        heading="Cite this page",
        gbt7714="GB/T 7714-2015: ",
        bibtex="BibTeX:",
        licences="Text and figures: {content}; code: {code} licence.",
    ),
    citation.CHINESE.language: CiteWords(
        heading="引用本页",
        gbt7714="GB/T 7714-2015：",
        bibtex="BibTeX：",
        licences="文字和图表采用 {content} 许可；代码采用 {code} 许可证。",
    ),
}
"""The words of each edition, by its language."""


def edition_base_url(config: Config) -> str:
    """The address of the edition built: the one ``orgkb_editions`` gives its language, which
    is then ``orgkb_base_url`` itself; otherwise the edition's folder under ``orgkb_base_url``."""
    if config.language in config.orgkb_editions:
        return str(config.orgkb_base_url)
    return citation.edition_url(config.orgkb_base_url, citation.edition(config.language))


def page_citation(app: Sphinx, docname: str) -> citation.Citation:
    """The citation of the page *docname*, at its URL in the edition built."""
    cited_in = citation.edition(app.config.language)
    title = app.env.titles[docname].astext() if docname in app.env.titles else docname
    return citation.Citation(
        title=title,
        url=citation.page_url(docname, edition_base_url(app.config)),
        key=citation.citation_key(cited_in.folder + docname),
        version=app.config.version,
        edition=cited_in,
        updated=_last_updated(app, docname),
    )


def _last_updated(app: Sphinx, docname: str) -> datetime.date | None:
    # The date the page shows as "last updated", as sphinx_last_updated_by_git keeps it:
    # (timestamp or None, …) by page, or None where git could not tell.
    found = getattr(app.env, "git_last_updated", {}).get(docname)
    if not found or found[0] is None:
        return None
    moment = datetime.datetime.fromtimestamp(int(found[0]), datetime.UTC)
    zone = getattr(app.config, "git_last_updated_timezone", None)
    return moment.astimezone(zone).date()


def _build_day() -> datetime.date:
    # Sphinx's own "today": SOURCE_DATE_EPOCH when set, so that a build can be repeated.
    return datetime.date.fromisoformat(format_date("%Y-%m-%d", language="en"))


def _add_citation(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    cited = page_citation(app, docname)
    words = WORDS[cited.edition.language]
    block = nodes.container(classes=["orgkb-cite"], ids=[CITE_ID])
    block += nodes.rubric("", words.heading, **{"heading-level": 2})
    text = cited.as_text()
    block += nodes.paragraph("", "", *_linked(text.removesuffix(cited.url), cited.url))
    gbt7714 = cited.as_gbt7714(_build_day())
    block += nodes.paragraph(
        "",
        "",
        nodes.Text(words.gbt7714),
        *_linked(gbt7714.removesuffix(cited.url + "."), cited.url),
        nodes.Text("."),
    )
    block += nodes.paragraph("", words.bibtex)
    bibtex = cited.as_bibtex()
    # Plain, not highlighted: the entry is for copying, and highlighting would triple its markup.
    block += nodes.literal_block(bibtex, bibtex, language="text")
    doctree += block


def _linked(before: str, url: str) -> tuple[nodes.Node, ...]:
    return nodes.Text(before), nodes.reference(url, url, refuri=url)


def licences_html(language: str = citation.ENGLISH.language) -> str:
    """The footer's licence line, in the edition in *language*: content under CC BY 4.0,
    code under MIT.

    >>> print(licences_html("zh_CN"))
    <p class="orgkb-licences">文字和图表采用 <a rel="license" href="https://creativecommons.org/licenses/by/4.0/">CC BY 4.0</a> 许可；代码采用 MIT 许可证。</p>
    """  # noqa: E501
    content = (
        f'<a rel="license" href="{citation.CONTENT_LICENCE_URL}">{citation.CONTENT_LICENCE}</a>'
    )
    line = WORDS[citation.edition(language).language].licences.format(
        content=content, code=citation.CODE_LICENCE
    )
    return f'<p class="orgkb-licences">{line}</p>'


def _add_licences(
    app: Sphinx,
    pagename: str,
    templatename: str,
    context: dict[str, Any],
    doctree: nodes.document | None,
) -> None:
    context["orgkb_licences"] = licences_html(app.config.language)


def _default_base_url(app: Sphinx, config: Config) -> None:
    # Canonical links name the same address the citations give, unless told otherwise.
    if not config.html_baseurl:
        config.html_baseurl = edition_base_url(config)


def setup_citations(app: Sphinx) -> None:
    """Register ``orgkb_base_url``, the "Cite this page" block and the footer's licences.

    ``orgkb_base_url`` is where the site is published, the English edition at its root; the
    Chinese edition's addresses are under its ``zh_CN/`` folder.
    """
    app.add_config_value("orgkb_base_url", citation.PUBLISHED_URL, "env", types=frozenset({str}))
    app.connect("config-inited", _default_base_url)
    app.connect("doctree-resolved", _add_citation)
    app.connect("html-page-context", _add_licences)
