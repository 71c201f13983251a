"""A page with an org chart, and everything it loads, stays under 40 KB compressed, in each
edition: Chinese takes three bytes a character, and compresses differently.

Readers open the pages on phones in meetings with poor networks. The weight is counted from
the built files (``benchmarks/page_weight.py``): the page, its style sheets, scripts and
favicon, each gzipped; a page's weight does not depend on the machine, so the budget is a
test. How fast the pages load is measured by hand with ``benchmarks/lighthouse.py``.
"""

from __future__ import annotations

import re

import pytest

from benchmarks.page_weight import BUDGET, page_resources, page_weight
from tests.conftest import EDITIONS, BuiltSite

# The chart's style sheet, named after a hash of its content (orgkb.sphinxext.orgchart).
CHART_STYLE_SHEET = re.compile(r"_static/orgkb-chart\.[0-9a-f]{8}\.css")


@pytest.mark.parametrize("language", EDITIONS)
def test_pages_with_a_chart_are_under_the_budget(
    built_editions: dict[str, BuiltSite], language: str
) -> None:
    built_site = built_editions[language]
    charted = [
        page
        for page in built_site.pages()
        if 'class="orgkb-chart' in page.read_text(encoding="utf-8")
    ]
    assert charted, "no page shows an org chart"
    for page in charted:
        loaded = [resource.path.as_posix() for resource in page_resources(page, built_site.html)]
        assert any(CHART_STYLE_SHEET.search(path) for path in loaded), page.name
    heavy = {
        page.relative_to(built_site.html).as_posix(): weight
        for page in charted
        if (weight := page_weight(page, built_site.html)) > BUDGET
    }
    assert heavy == {}


def test_the_weight_counts_every_file_a_page_loads(built_site: BuiltSite) -> None:
    page = built_site.html / "index.html"
    loaded = {
        resource.path.relative_to(built_site.html.resolve()).as_posix()
        for resource in page_resources(page, built_site.html)
    }
    assert "index.html" in loaded
    assert "_static/styles/furo.css" in loaded
    assert "_static/favicon.svg" in loaded
    assert "_static/scripts/furo.js" in loaded


def test_the_style_sheets_keep_only_the_rules_the_pages_use(built_site: BuiltSite) -> None:
    # Both sheets are cut down after the build (orgkb.sphinxext.site.assets): a rule a page
    # needs must survive the cut, and the bulk of the unused ones must not.
    static = built_site.html / "_static"
    code = (static / "pygments.css").read_text(encoding="utf-8")
    assert ".highlight .gp{" in code  # the console prompt, on every page with a command
    assert 'body[data-theme="dark"] .highlight .gp{' in code  # and in the dark theme
    assert ".highlight .vm{" not in code  # Name.Variable.Magic: no example shows one
    assert "/*" not in code
    design = (static / "sphinx-design.min.css").read_text(encoding="utf-8")
    assert ".sd-card{" in design
    assert ".sd-carousel" not in design
