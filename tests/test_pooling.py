"""The ``pooling`` directive: an accessible SVG for HTML, a table for every builder."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from orgkb.sphinxext.pooling import pooling_points
from orgkb.staffing import ServiceTarget, staff
from tests import sphinxproject

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


def build(tmp_path: Path, builder: str, page: str = PAGE, conf: str = "") -> tuple[str, str]:
    """Build a one-page project with the directives; its page and what the build said."""
    built = sphinxproject.build(
        tmp_path,
        {"index.md": page},
        builder,
        conf=conf,
        strict=False,
        extensions=sphinxproject.DIRECTIVES,
    )
    assert built.returncode == 0, built.log
    return built.read("index.html" if builder == "html" else "index.txt"), built.log


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


def test_a_chinese_project_labels_the_chart_in_chinese(tmp_path: Path) -> None:
    html = build(tmp_path, "html", conf='language = "zh_CN"\n')[0]
    (svg,) = re.findall(r"<svg class=\"orgkb-pooling\".*?</svg>", html, re.S)
    texts = re.findall(r"<(title|desc|text)[^>]*>([^<]*)</", svg)
    words = [text for _, text in texts if not text.isdigit()]
    assert words == [
        "所需坐席数：各自排队与合并排队对比，每家分公司 2.5 爱尔兰",
        "两条线，分公司从 1 家到 4 家。各自排队时，坐席数沿直线升到 20 个；合并排队时升得慢些，"
        "只到 14 个。 1 家分公司：各自排队 5 个，合并排队 5 个。 2 家分公司：各自排队 10 个，"
        "合并排队 8 个。 3 家分公司：各自排队 15 个，合并排队 11 个。 4 家分公司：各自排队 20 个，"
        "合并排队 14 个。",
        "分公司数",
        "所需坐席数",
        "各自排队：20",
        "合并排队：14",
    ]
    figure = html[html.index("</svg>") :]
    text = " ".join(re.sub(r"<[^>]+>", " ", figure[: figure.index("</table>")]).split())
    assert text == (
        # The service target in the words orgkb staff --lang zh_CN gives it.
        "每家分公司每小时 50 条咨询（2.5 爱尔兰）时所需的坐席数；服务目标：80% 在 20 秒内接起，"
        "处理时长 180 秒，缩减率 0%，不限占用率。 "
        "分公司数 坐席数（各自排队） 坐席数（合并排队） 节省 "
        "1 5 5 0 2 10 8 2 3 15 11 4 4 20 14 6"
    )


def test_without_options_the_chart_shows_eight_branches(tmp_path: Path) -> None:
    html = build(tmp_path, "html", "# Pooling\n\n```{pooling}\n```\n")[0]
    assert "8 branches: 40 separate, 24 pooled." in html


@pytest.mark.parametrize(
    ("option", "bad", "message"),
    [
        (
            ":service-level: 0.8",
            ":service-level: 1.5",
            "service_level: expected a number above 0 and below 1",
        ),
        (":aht: 180", ":aht: three minutes", "aht: expected a number, got text ('three minutes')"),
        (":aht: 180", ":aht: 1e400", "aht: expected a number of at most 1e+12"),
        (":branches: 4", ":branches: 60", "branches: expected a whole number of 1 or more and at"),
        (":branches: 4", ":branches: 2.5", "branches: expected a whole number"),
    ],
)
def test_bad_option_is_a_typed_warning_at_the_directive(
    tmp_path: Path, option: str, bad: str, message: str
) -> None:
    html, warnings = build(tmp_path, "html", PAGE.replace(option, bad))
    (warning,) = warnings.splitlines()
    assert re.search(r"index\.md:3: WARNING: pooling: ", warning), warning
    assert message in warning
    assert warning.endswith(" [orgkb.pooling]")
    assert "<svg" not in html
