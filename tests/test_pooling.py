"""The ``pooling`` directive: an accessible SVG for HTML, a table for every builder."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from sphinx.application import Sphinx

from orgkb.sphinxext.pooling import pooling_points
from orgkb.staffing import ServiceTarget, staff

PAGE = """\
# Pooling

```{pooling}
:arrivals-per-hour: 50
:branches: 4
:aht: 180
:answer-within: 20
:service-level: 0.8
```
"""


CONF = """\
from orgkb.sphinxext.pooling import setup_pooling

extensions = ["myst_parser"]


def setup(app):
    setup_pooling(app)
"""


def build(tmp_path: Path, builder: str, page: str = PAGE) -> tuple[str, str]:
    """Build a one-page site with only the pooling directive; its page and the warnings."""
    source = tmp_path / "source"
    source.mkdir(exist_ok=True)
    (source / "conf.py").write_text(CONF, encoding="utf-8")
    (source / "index.md").write_text(page, encoding="utf-8")
    out = tmp_path / builder
    warnings = io.StringIO()
    app = Sphinx(
        str(source),
        str(source),
        str(out),
        str(tmp_path / f"doctrees-{builder}"),
        builder,
        status=None,
        warning=warnings,
        freshenv=True,
    )
    app.build()
    name = "index.html" if builder == "html" else "index.txt"
    return (out / name).read_text(encoding="utf-8"), warnings.getvalue()


@pytest.fixture
def html(tmp_path: Path) -> str:
    return build(tmp_path, "html")[0]


def test_points_follow_the_model() -> None:
    target = ServiceTarget()
    points = pooling_points(50, 4, target)
    assert [point.separate for point in points] == [5, 10, 15, 20]
    assert [point.pooled for point in points] == [
        staff(50 * n, target).agents for n in (1, 2, 3, 4)
    ]


def test_html_has_an_accessible_static_svg(html: str) -> None:
    (svg,) = re.findall(r"<svg class=\"orgkb-pooling\".*?</svg>", html, re.S)
    assert 'role="img"' in svg
    title = re.search(r'<title id="([^"]+)">', svg)
    desc = re.search(r'<desc id="([^"]+)">([^<]*)</desc>', svg)
    assert title and desc
    assert f'aria-labelledby="{title.group(1)} {desc.group(1)}"' in svg
    assert "4 branches: 20 separate, 14 pooled." in desc.group(2)
    # No script, nothing fetched: the only address is the SVG namespace.
    assert "<script" not in svg
    assert re.findall(r"https?://[^\"']+", svg) == ["http://www.w3.org/2000/svg"]
    # The two lines differ in more than colour: one is dashed, and the markers differ.
    assert "stroke-dasharray" in svg and "<rect" in svg and "<circle" in svg


def test_html_and_text_have_the_table(tmp_path: Path, html: str) -> None:
    assert "Agents, one pooled queue" in html
    text = build(tmp_path, "text")[0]
    assert "<svg" not in text
    assert "Agents, one pooled queue" in text
    rows = [line.replace("|", " ").split() for line in text.splitlines()]
    assert ["4", "20", "14", "6"] in rows


def test_bad_option_is_a_build_error(tmp_path: Path) -> None:
    page = PAGE.replace(":service-level: 0.8", ":service-level: 1.5")
    _, warnings = build(tmp_path, "html", page)
    assert "pooling: service_level: expected a number above 0 and below 1, got 1.5" in warnings
