"""The ``orgchart`` directive: an org chart drawn at build time from a company profile.

The profile is a file named by the directive's argument (relative to the page, or to the
source folder when it starts with ``/``) or YAML in the directive's body::

    ```{orgchart} ../examples/duo.yaml
    :compare: separate
    ```

Options: ``:governance:`` (centralized or decentralized, for several regions), ``:view:``
(what the main chart shows: recommended, as-is or separate), ``:compare:`` (a second chart
drawn beside the main one: as-is, or separate, centralized or decentralized where the
article weighs that option for the company's scenario), ``:company:`` (the
company's name, which a CSV profile does not hold) and ``:caption:``.

Every builder gets the charts as nested bullet lists, readable in text, EPUB or LaTeX; web
builds get the markup of :func:`orgkb.chart.chart_as_html` instead, styled by a style sheet
that only the pages with a chart load. A profile or an option the chart cannot use is the
warning ``orgkb.orgchart``, at the page's line (the profile's, for a profile in the body).
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from pathlib import Path
from typing import Any, ClassVar

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.application import Sphinx
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util.docutils import SphinxDirective

from orgkb.chart import CHART_CSS, Chart, View, chart, chart_as_html, option_chart
from orgkb.errors import InputError, OrgkbError
from orgkb.model import Company, Option
from orgkb.plan import Governance
from orgkb.profile import load_company, load_company_text
from orgkb.sphinxext.shared import builds_web_pages, warn

CSS_FILE = f"orgkb-chart.{hashlib.sha256(CHART_CSS.encode()).hexdigest()[:8]}.css"
"""The style sheet's name in the built site's ``_static`` folder.

The name holds a hash of the content, so a browser that kept the sheet of an earlier build
fetches the new one as soon as it changes.
"""
HTML_ATTRIBUTE = "orgkb_chart_html"
"""The attribute of a chart container that holds its HTML markup."""

# What ``:compare:`` may draw: the company as it is, or one of these options.
_COMPARED = ("as-is", Option.SEPARATE, Option.CENTRALIZED, Option.DECENTRALIZED)


def _choice(values: Sequence[str]) -> Any:
    def check(argument: str | None) -> str:
        return str(directives.choice(argument or "", tuple(values)))

    return check


class OrgChartDirective(SphinxDirective):
    """Draws the org chart of a company profile, with an optional second chart beside it."""

    optional_arguments = 1
    final_argument_whitespace = True
    has_content = True
    option_spec: ClassVar[dict[str, Any]] = {
        "governance": _choice([str(choice) for choice in Governance]),
        "view": _choice([str(choice) for choice in View]),
        "compare": _choice([str(choice) for choice in _COMPARED]),
        "caption": directives.unchanged_required,
        "company": directives.unchanged_required,
    }

    def run(self) -> list[nodes.Node]:
        try:
            company = self._company()
            governance = self.options.get("governance")
            main = View(self.options.get("view", View.RECOMMENDED))
            charts = [chart(company, main, Governance(governance) if governance else None)]
            compared = self.options.get("compare")
            if compared == "as-is":
                charts.insert(0, chart(company, View.AS_IS))
            elif compared is not None:
                charts.insert(0, option_chart(company, Option(compared)))
        except OrgkbError as error:
            self._warn(error)
            return []
        box = nodes.container(classes=["orgkb-orgchart"])
        self.set_source_info(box)
        if "caption" in self.options:
            caption, _ = self.parse_inline(self.options["caption"], lineno=self.lineno)
            box += nodes.paragraph("", "", *caption, classes=["orgkb-orgchart-caption"])
        lists = nodes.container(classes=["orgkb-orgchart-lists"])
        lists[HTML_ATTRIBUTE] = chart_as_html(charts)
        lists += [_chart_as_list(one) for one in charts]
        box += lists
        return [box]

    def _company(self) -> Company:
        if self.arguments and self.content:
            raise InputError("give a profile file or a YAML body, not both")
        if self.arguments:
            relative, absolute = self.env.relfn2path(self.arguments[0], self.env.docname)
            self.env.note_dependency(relative)
            return load_company(absolute, company=self.options.get("company"))
        if not self.content:
            raise InputError("give a profile file or a YAML body")
        page = self.env.doc2path(self.env.docname)
        return load_company_text("\n".join(self.content), page, company=self.options.get("company"))

    def _warn(self, error: OrgkbError) -> None:
        """Warn of *error* at the directive, or at the line of the body it names."""
        if not self.arguments and isinstance(error, InputError) and error.line is not None:
            # The error names the page and the line in the body; MyST counts the body's
            # offset from the directive's first line.
            line = self.lineno + self.content_offset + error.line
            what = f"{error.field}: {error.message}" if error.field else error.message
            warn("orgchart", f"orgchart: {what}", (self.env.docname, line))
        else:
            warn("orgchart", f"orgchart: {error}", self.get_location())


def _chart_as_list(drawn: Chart) -> nodes.Element:
    figure = nodes.container(classes=["orgkb-chart-list"])
    figure += nodes.paragraph("", "", nodes.strong("", drawn.title))
    figure += _units_as_list(drawn, None)
    return figure


def _units_as_list(drawn: Chart, parent: str | None) -> nodes.bullet_list:
    listing = nodes.bullet_list()
    for unit in drawn.plan.children(parent):
        line = nodes.paragraph(
            "", "", nodes.strong("", unit.name), nodes.Text(f" — {unit.level.label}")
        )
        if drawn.functions_known:
            functions = ", ".join(function.label for function in unit.functions)
            line += nodes.Text(f": {functions or 'manages only'}")
        item = nodes.list_item("", line)
        if drawn.plan.children(unit.id):
            item += _units_as_list(drawn, unit.id)
        listing += item
    return listing


class _HtmlCharts(SphinxPostTransform):
    """Swaps each chart's nested lists for its HTML markup, in web builds only."""

    default_priority = 200

    def is_supported(self) -> bool:
        return builds_web_pages(self.app.builder)

    def run(self, **kwargs: Any) -> None:
        for lists in list(self.document.findall(nodes.container)):
            markup = lists.get(HTML_ATTRIBUTE)
            if markup:
                lists.replace_self(nodes.raw("", markup, format="html"))


def _add_style_sheet(
    app: Sphinx,
    pagename: str,
    templatename: str,
    context: dict[str, Any],
    doctree: nodes.document | None,
) -> None:
    # Only the pages that show a chart load its style sheet; Sphinx keeps a file added while
    # a page is written to that page.
    if doctree is not None and builds_web_pages(app.builder):
        for raw in doctree.findall(nodes.raw):
            if 'class="orgkb-chart' in raw.astext():
                app.add_css_file(CSS_FILE)
                return


def _write_style_sheet(app: Sphinx) -> None:
    if not builds_web_pages(app.builder):
        return
    folder = Path(app.builder.outdir) / "_static"
    folder.mkdir(parents=True, exist_ok=True)
    # An earlier build's sheet, under its own hash, would only be published unused.
    for stale in folder.glob("orgkb-chart.*.css"):
        if stale.name != CSS_FILE:
            stale.unlink()
    (folder / CSS_FILE).write_text(CHART_CSS, encoding="utf-8")


def setup_orgchart(app: Sphinx) -> None:
    """Register the ``orgchart`` directive, its HTML output and its style sheet."""
    app.add_directive("orgchart", OrgChartDirective)
    app.add_post_transform(_HtmlCharts)
    app.connect("builder-inited", _write_style_sheet)
    # Before other handlers of the event, which may copy the page's list of style sheets.
    app.connect("html-page-context", _add_style_sheet, priority=400)
