"""The planner: orgkb.planner, which the page calls in the browser, and the page's form.

tests/test_planner_browser.py drives the page itself in chromium; here the Python it calls
runs under pytest, and the ``planner`` directive is built into small projects.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from orgkb.planner import (
    COMPARISON_COLUMNS,
    RefusedError,
    allocate,
    call,
    read_profile,
    recommend,
    write_profile,
)
from orgkb.profile import load_company_text
from orgkb.sphinxext.site.planner import LABELS, SCRIPT, STYLE_SHEET
from tests.helpers import EXAMPLES, run_orgkb
from tests.sphinxproject import build, fake_runtime

TWO_REGIONS = (EXAMPLES / "explanation" / "anju-two-regions.yaml").read_text("utf-8")


def _rows(text: str, name: str = "") -> list[dict[str, str]]:
    branches: list[dict[str, str]] = read_profile(text, name)["branches"]
    return branches


@pytest.mark.parametrize(
    "example",
    ["tutorial/jiayuan-2.yaml", "jiayuan.json", "jiayuan.csv", "staffing/two-regions.yaml"],
)
def test_the_table_written_back_gives_the_same_company(example: str) -> None:
    path = EXAMPLES / example
    text = path.read_text("utf-8")
    rows = _rows(text, path.name)
    written = write_profile(text, path.name, rows)
    assert load_company_text(written, path.name) == load_company_text(text, path.name)
    assert _rows(written, path.name) == rows


@pytest.mark.parametrize(
    "text",
    [
        "name\tcity\tprojects\nA\tWuhan\tflats\nB\tWuhan\tvillas\n",
        "Name,City,Projects\nA,Wuhan,flats\n,,\nB,Wuhan,villas\n",
        "\nname,city,projects\n\nA,Wuhan,flats\n  \nB,Wuhan,villas\n",
    ],
    ids=["tabs", "letter-case-and-separators", "blank-lines"],
)
def test_a_csv_profile_s_table_is_its_branches_as_the_command_line_reads_them(text: str) -> None:
    # The table holds what orgkb recommend reads: tabs, any letter case, no empty rows.
    rows = _rows(text, "p.csv")
    read = load_company_text(text, "p.csv").branches
    assert [(row["name"], row["city"], row["projects"]) for row in rows] == [
        (branch.name, branch.city, "; ".join(branch.projects)) for branch in read
    ]
    rows[1]["city"] = "Hankou"
    written = load_company_text(write_profile(text, "p.csv", rows), "p.csv").branches
    assert [branch.city for branch in written] == ["Wuhan", "Hankou"]


def test_a_number_in_the_table_is_a_number_as_the_profile_reads_one() -> None:
    rows = [{"name": "A", "city": "Wuhan", "capacity": "1.5", "inquiries_per_month": "1e3"}]
    assert "capacity: 1.5, inquiries_per_month: 1000" in write_profile("", "", rows)
    rows[0]["capacity"] = "lots"
    with pytest.raises(
        RefusedError, match=r"capacity: expected a number above 0, got text \(.lots.\)"
    ):
        recommend(write_profile("", "", rows), "profile.yaml")


def test_an_edited_row_keeps_the_branch_s_other_fields_and_the_profile_s_keys() -> None:
    text = (EXAMPLES / "staffing" / "two-regions.yaml").read_text("utf-8")
    rows = _rows(text, "two.yaml")
    rows[0]["name"] = "Renamed"
    rows[0]["inquiries_per_month"] = "1200"
    company = load_company_text(write_profile(text, "two.yaml", rows), "two.yaml")
    before = load_company_text(text, "two.yaml")
    assert company.branches[0].name == "Renamed"
    assert company.branches[0].inquiries_per_month == 1200
    assert company.service_target == before.service_target
    assert company.branches[1:] == before.branches[1:]


def test_a_profile_in_chinese_keeps_its_chinese_keys() -> None:
    text = "公司: 嘉园\n分公司:\n  - {名称: 汉口, 城市: 武汉, 项目: [住宅]}\n"
    rows = _rows(text)
    rows.append({"name": "武昌", "city": "武汉", "capacity": "2"})
    written = write_profile(text, "", rows)
    assert "名称: 武昌" in written and "name" not in written
    assert [branch.name for branch in load_company_text(written, "p.yaml").branches] == [
        "汉口",
        "武昌",
    ]


def test_removed_rows_leave_the_profile_and_json_stays_json() -> None:
    text = (EXAMPLES / "jiayuan.json").read_text("utf-8")
    rows = _rows(text, "jiayuan.json")
    written = write_profile(text, "jiayuan.json", rows[:1])
    assert len(json.loads(written)["branches"]) == 1


def test_a_profile_that_cannot_be_read_is_refused_with_the_command_line_s_line() -> None:
    broken = EXAMPLES / "broken" / "indent.yaml"
    _, _, err = run_orgkb("recommend", str(broken))
    with pytest.raises(RefusedError) as refused:
        read_profile(broken.read_text("utf-8"), str(broken))
    assert refused.value.line + "\n" == err.replace(str(broken), "indent.yaml")
    with pytest.raises(RefusedError):
        write_profile(broken.read_text("utf-8"), "indent.yaml", [])


def test_the_recommendation_is_what_the_commands_print(tmp_path: Path) -> None:
    path = tmp_path / "anju.yaml"
    path.write_text(TWO_REGIONS, "utf-8")
    shown = recommend(TWO_REGIONS, "anju.yaml")
    assert shown["plan"] == run_orgkb("recommend", str(path), "--format", "json")[1]
    assert shown["svg"] == run_orgkb("chart", str(path), "--format", "svg")[1]
    assert shown["page"] == run_orgkb("chart", str(path), "--format", "html")[1]
    assert shown["comparison"] + "\n" == run_orgkb("compare", str(path))[1]
    assert shown["scenario_id"] == "multi-region"
    assert [applied["id"] for applied in shown["rules"]] == json.loads(shown["plan"])["rules"]
    assert all(
        applied["anchor"] == "rule-" + applied["id"].replace(".", "-") for applied in shown["rules"]
    )
    options = json.loads(run_orgkb("compare", str(path), "--format", "json")[1])["options"]
    lines = shown["comparison_csv"].splitlines()
    assert lines[0].split(",")[: len(COMPARISON_COLUMNS)] == list(COMPARISON_COLUMNS)
    assert [line.split(",")[0] for line in lines[1:]] == [option["option"] for option in options]


def test_in_chinese_everything_is_in_chinese() -> None:
    shown = recommend(TWO_REGIONS, "anju.yaml", "zh_CN")
    assert shown["scenario"] == "多个片区"
    assert "集团" in shown["chart"] and "集团" in shown["svg"]
    assert all(
        any("\u4e00" <= c <= "\u9fff" for c in applied["title"]) for applied in shown["rules"]
    )


def test_leads_are_dispatched_as_orgkb_allocate_dispatches_them() -> None:
    profile = EXAMPLES / "dispatch" / "wuhan-three.yaml"
    leads = EXAMPLES / "dispatch" / "wuhan-leads.csv"
    _, out, err = run_orgkb("allocate", str(profile), str(leads), "--summary")
    done = allocate(profile.read_text("utf-8"), "", leads.read_text("utf-8"), str(leads))
    assert done == {"csv": out, "summary": err.rstrip("\n")}
    with pytest.raises(RefusedError) as refused:
        allocate(profile.read_text("utf-8"), "", "id,project\n", "leads.csv")
    assert refused.value.field == "leads"


def test_a_call_answers_in_json() -> None:
    answer = json.loads(call("read_profile", json.dumps([TWO_REGIONS, "anju.yaml"])))
    assert [row["name"] for row in answer["result"]["branches"]] == ["Xuhui", "Xihu", "Jianghan"]


PAGES = {
    "index.md": "# Home\n\n```{toctree}\nplan\nplain\n```\n",
    "plan.md": "# Plan\n\n## The planner\n\n```{planner} duo.yaml\n```\n",
    "plain.md": "# Plain\n\nNo planner.\n",
    "duo.yaml": (EXAMPLES / "duo.yaml").read_text("utf-8"),
}


def test_the_form_starts_with_the_example_and_only_its_page_loads_the_planner(
    tmp_path: Path,
) -> None:
    runtime = fake_runtime(tmp_path / "runtime")
    built = build(tmp_path, PAGES, conf=f"orgkb_runtime = {str(runtime)!r}\n")
    assert built.returncode == 0, built.log
    page = built.read("plan.html")
    assert 'class="orgkb-planner"' in page
    assert 'value="A"' in page and 'value="B"' in page
    assert "company: Duo" in page
    assert f"_static/{SCRIPT}" in page and f"_static/{STYLE_SHEET}" in page
    assert 'data-runtime="_runtime/"' in page
    assert LABELS["en"]["unavailable"] not in page
    assert SCRIPT not in built.read("plain.html")
    assert (built.out / "_runtime" / "python.js").is_file()


@pytest.mark.parametrize("builder", ["html", "epub", "singlehtml"])
def test_without_the_runtime_in_the_epub_and_the_pdf_the_page_says_where_the_planner_is(
    tmp_path: Path, builder: str
) -> None:
    # The PDF is printed from the single-page build.
    runtime = fake_runtime(tmp_path / "runtime")
    conf = f"orgkb_runtime = {str(runtime)!r}\n" if builder != "html" else ""
    built = build(tmp_path, PAGES, builder, conf=conf, strict=builder == "html")
    assert built.returncode == 0, built.log
    page = built.read({"epub": "plan.xhtml", "singlehtml": "index.html"}.get(builder, "plan.html"))
    assert LABELS["en"]["unavailable"] in page
    assert 'class="orgkb-planner"' not in page and SCRIPT not in page


def test_the_chinese_form_is_labelled_in_chinese(tmp_path: Path) -> None:
    runtime = fake_runtime(tmp_path / "runtime")
    built = build(tmp_path, PAGES, conf=f"orgkb_runtime = {str(runtime)!r}\nlanguage = 'zh_CN'\n")
    assert built.returncode == 0, built.log
    page = built.read("plan.html")
    for word in ("公司档案", "推荐", "添加分公司", "第 2 家分公司"):
        assert word in page
    assert 'data-language="zh_CN"' in page
