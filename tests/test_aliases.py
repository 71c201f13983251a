"""Chinese names of profile keys and CSV columns: exact aliases, never both for one field."""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

import pytest

from orgkb.cli import LOCALE_VARIABLES
from orgkb.errors import InputError
from orgkb.groups import (
    ASSIGNMENT_ALIASES,
    DEALS_ALIASES,
    GROUP_ALIASES,
    GROUPS_ALIASES,
)
from orgkb.leads import (
    FOLLOW_UP_ALIASES,
    LEAD_ALIASES,
    WORKLOAD_ALIASES,
    Lead,
    read_leads,
)
from orgkb.model import Branch, Company
from orgkb.profile import BRANCH_ALIASES, COMPANY_ALIASES, load_company
from tests.helpers import DOCS, EXAMPLES, run_orgkb, write_file

ENGLISH_CSV = (
    "name,city,region,projects,capacity,inquiries_per_month\n"
    "Hankou,Wuhan,Central,flats;villas,2,3000\n"
    "Yuelu,Changsha,Central,,1,1200\n"
)
CHINESE_CSV = (
    "名称,城市,片区,项目,工作量,月咨询量\n"
    "Hankou,Wuhan,Central,flats；villas,2,3000\n"
    "Yuelu,Changsha,Central,,1,1200\n"
)
CHINESE_YAML = """\
公司: 家园装饰
总部: 武汉
分公司:
  - {名称: 汉口, 城市: 武汉, 片区: 华中, 项目: [住宅, 别墅], 工作量: 2, 高峰小时咨询量: 20}
  - {名称: 岳麓, 城市: 长沙, 片区: 华中, 月咨询量: 1200}
"""
ENGLISH_YAML = """\
company: 家园装饰
headquarters: 武汉
branches:
  - {name: 汉口, city: 武汉, region: 华中, projects: [住宅, 别墅], capacity: 2,
     inquiries_per_hour: 20}
  - {name: 岳麓, city: 长沙, region: 华中, inquiries_per_month: 1200}
"""


@pytest.fixture(autouse=True)
def no_locale(monkeypatch: pytest.MonkeyPatch) -> None:
    for variable in LOCALE_VARIABLES:
        monkeypatch.delenv(variable, raising=False)


def _refused(path: Path) -> InputError:
    with pytest.raises(InputError) as raised:
        load_company(path)
    return raised.value


# Profiles


def test_a_csv_profile_with_chinese_headers_reads_as_the_english(tmp_path: Path) -> None:
    chinese = load_company(write_file(tmp_path, "a.csv", CHINESE_CSV), company="Acme")
    english = load_company(write_file(tmp_path, "b.csv", ENGLISH_CSV), company="Acme")
    assert chinese == english
    assert chinese.branches[0] == Branch(
        "Hankou", "Wuhan", "Central", ("flats", "villas"), 2.0, inquiries_per_month=3000.0
    )


def test_a_chinese_crm_export_in_gb18030_reads_unchanged(tmp_path: Path) -> None:
    export = write_file(
        tmp_path, "华中.csv", CHINESE_CSV.replace("Hankou", "汉口").encode("gb18030")
    )
    company = load_company(export)
    assert company.name == "华中"
    assert [branch.name for branch in company.branches] == ["汉口", "Yuelu"]


def test_a_yaml_profile_with_chinese_keys_reads_as_the_english(tmp_path: Path) -> None:
    chinese = load_company(write_file(tmp_path, "a.yaml", CHINESE_YAML))
    english = load_company(write_file(tmp_path, "b.yaml", ENGLISH_YAML))
    assert chinese == english
    assert chinese == Company(
        "家园装饰",
        (
            Branch("汉口", "武汉", "华中", ("住宅", "别墅"), 2.0, inquiries_per_hour=20.0),
            Branch("岳麓", "长沙", "华中", inquiries_per_month=1200.0),
        ),
        "武汉",
    )


def test_a_json_profile_with_chinese_keys(tmp_path: Path) -> None:
    document = {
        "公司": "家园",
        "分公司": [{"名称": "汉口", "城市": "武汉"}, {"name": "B", "city": "武汉"}],
    }
    path = write_file(tmp_path, "a.json", json.dumps(document, ensure_ascii=False))
    company = load_company(path)
    assert (company.name, [branch.city for branch in company.branches]) == ("家园", ["武汉"] * 2)


def test_company_option_replaces_the_chinese_name(tmp_path: Path) -> None:
    path = write_file(tmp_path, "a.yaml", CHINESE_YAML)
    assert load_company(path, company="Jiayuan").name == "Jiayuan"


def test_yaml_anchors_shared_by_chinese_and_english_branches(tmp_path: Path) -> None:
    profile = "公司: C\n分公司:\n  - &hankou {名称: 汉口, 城市: 武汉}\n  - {name: B, city: 武汉}\n"
    path = write_file(tmp_path, "a.yaml", profile + "  - {名称: C, 城市: 武汉}\n")
    assert [branch.name for branch in load_company(path).branches] == ["汉口", "B", "C"]


@pytest.mark.parametrize(
    ("profile", "error"),
    [
        ("公司: C\n分公司:\n  - {名称: A, 城市: 武汉, city: Wuhan}\n",
         "a.yaml:3: 分公司[0].city: the keys '城市' and 'city' are both the field 'city': "
         "keep one"),
        ("company: C\n公司: D\n",
         "a.yaml:2: 公司: the keys 'company' and '公司' are both the field 'company': keep one"),
        ("公司: C\nbranches: []\n分公司: []\n",
         "a.yaml:3: 分公司: the keys 'branches' and '分公司' are both the field 'branches': "
         "keep one"),
    ],
)  # fmt: skip
def test_a_field_named_both_ways_is_an_error_naming_both(
    tmp_path: Path, profile: str, error: str
) -> None:
    assert str(_refused(write_file(tmp_path, "a.yaml", profile))) == f"{tmp_path}/{error}"


def test_a_column_named_both_ways_is_an_error_naming_both(tmp_path: Path) -> None:
    path = write_file(tmp_path, "a.csv", "名称,城市,City\nA,Wuhan,Wuhan\n")
    assert str(_refused(path)) == (
        f"{path}:1: the columns '城市' and 'city' are both the column 'city': keep one"
    )


@pytest.mark.parametrize(
    ("name", "content", "error"),
    [
        ("a.csv", "名称,城市,工作量\nA,Wuhan,two\n",
         "a.csv:2: 工作量: expected a number above 0, got text ('two')"),
        ("a.csv", "名称,城市\nA,\n", "a.csv:2: 城市: missing"),
        ("a.csv", "名称,片区\nA,B\n", "a.csv:1: the header has no '城市' column (expected 名称,城市)"),
        ("a.yaml", "公司: C\n分公司:\n  - {名称: A, 城市: B}\n  - {名称: C, 城市: D, 工作量: 0}\n",
         "a.yaml:4: 分公司[1].工作量: expected a number above 0, got a number (0)"),
        ("a.yaml", "公司: C\n分公司:\n  - {名称: A}\n", "a.yaml:3: 分公司[0].城市: missing"),
        ("a.yaml", "分公司: []\n", "a.yaml:1: 公司: missing"),
        ("a.yaml", "公司: C\n分公司:\n  - {名称: A, 城市: B, 高峰小时咨询量: 1, 月咨询量: 2}\n",
         "a.yaml:3: 分公司[0].月咨询量: give 高峰小时咨询量 or 月咨询量, not both"),
        ("a.yaml", "公司: C\n分公司:\n  - {名称: A, 城市: B}\n  - {名称: A, 城市: D}\n",
         "a.yaml:4: 分公司[1].名称: 'A' is already the name of the branch on line 3"),
        ("a.yaml", "公司: C\n分公司:\n  - {名称: A, 城市: B, 月咨询数: 3}\n",
         "a.yaml:3: 分公司[0].月咨询数: unknown field '月咨询数' (did you mean '月咨询量'?)"),
        ("a.yaml", "公司: C\n分公司:\n  - {名稱: A, 城市: B}\n",
         "a.yaml:3: 分公司[0].名稱: unknown field '名稱' (expected one of name, city, region, "
         "projects, capacity, inquiries_per_hour, inquiries_per_month, opened and 5 more)"),
    ],
)  # fmt: skip
def test_errors_name_the_field_as_the_file_wrote_it(
    tmp_path: Path, name: str, content: str, error: str
) -> None:
    assert str(_refused(write_file(tmp_path, name, content))) == f"{tmp_path}/{error}"


def test_the_command_line_in_chinese_names_both_in_chinese(tmp_path: Path) -> None:
    path = write_file(
        tmp_path, "a.yaml", "公司: C\n分公司:\n  - {名称: A, 城市: 武汉, city: Wuhan}\n"
    )
    assert run_orgkb("--lang", "zh_CN", "recommend", str(path)) == (
        2,
        "",
        f"orgkb: {path}:3: 分公司[0].city: 键 '城市' 和 'city' 是同一个字段（'city'），只能保留一个\n",
    )


# Lead files


def test_a_leads_file_with_chinese_headers(tmp_path: Path) -> None:
    path = write_file(tmp_path, "leads.csv", "城市,编号,项目\n武汉,L1,住宅\n,L2,别墅\n")
    assert list(read_leads(path)) == [Lead("L1", "住宅", "武汉", 2), Lead("L2", "别墅", None, 3)]


def test_a_chinese_crm_export_dispatches_as_the_english(tmp_path: Path) -> None:
    profile = EXAMPLES / "dispatch" / "wuhan-three.yaml"
    english = (EXAMPLES / "dispatch" / "wuhan-leads.csv").read_text(encoding="utf-8")
    header, _, rows = english.partition("\n")
    chinese = ",".join({"id": "编号", "project": "项目", "city": "城市"}[column.strip().lower()]
                       for column in header.split(",")) + "\n" + rows  # fmt: skip
    exported = write_file(tmp_path, "线索.csv", chinese.encode("gb18030"))
    original = write_file(tmp_path, "leads.csv", english)
    dispatched = run_orgkb("allocate", str(profile), str(exported))
    assert dispatched[0] == 0
    assert dispatched == run_orgkb("allocate", str(profile), str(original))


@pytest.mark.parametrize(
    ("header", "error"),
    [
        ("编号,项目,city,城市", "the columns 'city' and '城市' are both the column 'city': keep one"),
        ("编号,id,项目,城市", "the columns '编号' and 'id' are both the column 'id': keep one"),
        ("编号,城市", "the header has no '项目' column (expected 编号,项目,城市)"),
        ("编号,项目,城巿", "unknown column '城巿' (expected one of id, project, city, received)"),
    ],
)  # fmt: skip
def test_a_bad_chinese_leads_header(tmp_path: Path, header: str, error: str) -> None:
    path = write_file(tmp_path, "leads.csv", f"{header}\nL1,a,b\n")
    with pytest.raises(InputError) as raised:
        read_leads(path)
    assert str(raised.value) == f"{path}:1: {error}"


# The reference


def _table(section: str) -> dict[str, str]:
    return dict(re.findall(r"^\| `([^`]+)` \| `([^`]+)` \|", section, re.MULTILINE))


def _rows(section: str) -> list[tuple[str, str, str]]:
    return re.findall(r"^\| `([^`]+)` \| `([^`]+)` \| ([^|]+) \|$", section, re.MULTILINE)


def test_the_profile_reference_lists_every_alias() -> None:
    page = (DOCS / "reference" / "profile-format.md").read_text(encoding="utf-8")
    section = page[page.index("## Chinese names") :]
    section = section[: section.index("\n## ")]
    profile, leads = section.split("### In a leads file")
    leads, others = leads.split("### In the other files")
    assert _table(profile) == {**COMPANY_ALIASES, **BRANCH_ALIASES}
    assert _table(leads) == LEAD_ALIASES
    files: dict[str, dict[str, str]] = {}
    for alias, own, where in _rows(others):
        for kind in where.split(":")[0].split(", "):
            key = f"{kind}: a group" if where.startswith("groups: a group") else kind
            files.setdefault(key, {})[alias] = own
    assert files == {
        "follow-ups": FOLLOW_UP_ALIASES,
        "open workload": WORKLOAD_ALIASES,
        "assignments": ASSIGNMENT_ALIASES,
        "deals": DEALS_ALIASES,
        "groups": GROUPS_ALIASES,
        "groups: a group": GROUP_ALIASES,
    }


# The fields added later: the branches' figures and limits, and the other files of allocate and
# tally


def _chinese(path: Path, *renames: tuple[str, str]) -> str:
    text = path.read_text(encoding="utf-8")
    for english, chinese in renames:
        text = text.replace(english, chinese)
    return text


def test_a_profile_with_the_figures_and_limits_in_chinese(tmp_path: Path) -> None:
    english = (
        "as_of: 2025-06-30\ncompany: Duo\nbranches:\n"
        "  - {name: A, city: Wuhan, opened: 2024-01-01, leads: 40, deals: 5, visits: 9,"
        " daily_cap: 3, closed: [周日]}\n"
        "  - {name: B, city: Wuhan, leads: 30, deals: 4}\n"
    )
    chinese = (
        "截至日期: 2025-06-30\n公司: Duo\n分公司:\n"
        "  - {名称: A, 城市: Wuhan, 开业日期: 2024-01-01, 线索数: 40, 成交数: 5, 到访数: 9,"
        " 每日上限: 3, 休息日: [周日]}\n"
        "  - {name: B, city: Wuhan, leads: 30, deals: 4}\n"
    )
    assert load_company(write_file(tmp_path, "zh.yaml", chinese)) == load_company(
        write_file(tmp_path, "en.yaml", english)
    )
    csv = "名称,城市,开业日期,线索数,成交数,每日上限,休息日\nA,Wuhan,2024-01-01,40,5,3,周日；周六\n"
    branch = load_company(write_file(tmp_path, "zh.csv", csv)).branches[0]
    assert (branch.opened, branch.leads, branch.deals, branch.daily_cap) == (
        date(2024, 1, 1),
        40,
        5,
        3,
    )
    assert len(branch.closed) == 2


def test_support_reads_a_chinese_profile_unchanged(tmp_path: Path) -> None:
    profile = EXAMPLES / "support" / "huaxia-quarter.yaml"
    renames = (("as_of:", "截至日期:"), ("opened:", "开业日期:"), ("leads:", "线索数:"),
               ("deals:", "成交数:"))  # fmt: skip
    chinese = write_file(tmp_path, "huaxia-quarter.yaml", _chinese(profile, *renames))
    assert "线索数:" in chinese.read_text(encoding="utf-8")
    english = run_orgkb("support", str(profile), "--format", "json")
    assert english[0] == 0
    assert run_orgkb("support", str(chinese), "--format", "json") == english


DISPATCH = EXAMPLES / "dispatch"


def test_allocate_reads_chinese_follow_ups_open_workload_and_caps(tmp_path: Path) -> None:
    caps = write_file(
        tmp_path,
        "caps.yaml",
        _chinese(DISPATCH / "wuhan-caps.yaml", ("daily_cap:", "每日上限:"), ("closed:", "休息日:")),
    )
    follow_ups = write_file(
        tmp_path,
        "follow-ups.csv",
        _chinese(DISPATCH / "wuhan-follow-ups.csv", ("lead_id,followed_up", "线索编号,跟进时间")),
    )
    open_workload = write_file(
        tmp_path,
        "open.csv",
        _chinese(DISPATCH / "wuhan-open.csv", ("branch,open", "分公司,在跟进线索")),
    )
    leads = str(DISPATCH / "wuhan-days.csv")
    for option, chinese, english, more in (
        ("--follow-ups", follow_ups, "wuhan-follow-ups.csv", ("--within", "24")),
        ("--open-workload", open_workload, "wuhan-open.csv", ()),
    ):
        given = run_orgkb(
            "allocate", str(DISPATCH / "wuhan-caps.yaml"), leads, option, str(DISPATCH / english),
            *more, "--summary",
        )  # fmt: skip
        assert given[0] == 0, given
        assert run_orgkb(
            "allocate", str(caps), leads, option, str(chinese), *more, "--summary"
        ) == (given)


def test_tally_reads_chinese_assignments_deals_and_groups(tmp_path: Path) -> None:
    assignments = write_file(
        tmp_path,
        "assigned.csv",
        _chinese(
            DISPATCH / "jiayuan-week-assigned.csv",
            ("lead_id,branch,reason", "线索编号,分公司,原因"),
        ),
    )
    deals = write_file(
        tmp_path, "deals.csv", _chinese(DISPATCH / "jiayuan-deals.csv", ("lead_id", "线索编号"))
    )
    renames = (("groups:", "分组:"), ("name:", "名称:"), ("projects:", "项目:"))
    groups = write_file(
        tmp_path, "groups.yaml", _chinese(DISPATCH / "jiayuan-groups.yaml", *renames)
    )
    profile = str(EXAMPLES / "tutorial" / "jiayuan-2.yaml")
    leads = ("--leads", str(DISPATCH / "jiayuan-week.csv"))
    english = run_orgkb(
        "tally", profile, str(DISPATCH / "jiayuan-week-assigned.csv"), *leads,
        "--groups", str(DISPATCH / "jiayuan-groups.yaml"),
        "--deals", str(DISPATCH / "jiayuan-deals.csv"),
    )  # fmt: skip
    assert english[0] == 0
    chinese = run_orgkb(
        "tally", profile, str(assignments), *leads, "--groups", str(groups), "--deals", str(deals)
    )
    assert chinese == english
    by_branch = write_file(
        tmp_path,
        "branches.yaml",
        "分组:\n  - {名称: Red, 分公司: [Hankou]}\n  - {名称: Blue, 分公司: Wuchang；Hanyang}\n",
    )
    status, out, _ = run_orgkb(
        "tally", profile, str(assignments), *leads, "--groups", str(by_branch)
    )
    assert status == 0
    assert out.splitlines()[1].startswith("Red ")


@pytest.mark.parametrize(
    ("name", "text", "error"),
    [
        ("p.yaml", "company: Duo\nbranches:\n  - {name: A, city: Wuhan, daily_cap: 3, 每日上限: 4}\n",
         "p.yaml:3: branches[0].每日上限: the keys 'daily_cap' and '每日上限' are both the field "
         "'daily_cap': keep one"),
        ("p.csv", "name,city,closed,休息日\nA,Wuhan,周日,周六\n",
         "p.csv:1: the columns 'closed' and '休息日' are both the column 'closed': keep one"),
        ("p.yaml", "as_of: 2025-06-30\n截至日期: 2025-06-30\ncompany: Duo\n",
         "p.yaml:2: 截至日期: the keys 'as_of' and '截至日期' are both the field 'as_of': keep one"),
    ],
)  # fmt: skip
def test_a_profile_naming_a_later_field_both_ways_is_refused(
    tmp_path: Path, name: str, text: str, error: str
) -> None:
    path = write_file(tmp_path, name, text)
    assert str(_refused(path)) == f"{tmp_path}/{error}"


@pytest.mark.parametrize(
    ("command", "name", "text", "error"),
    [
        ("follow-ups", "f.csv", "lead_id,线索编号,跟进时间\nD001,D001,2026-03-07 10:04\n",
         "f.csv:1: the columns 'lead_id' and '线索编号' are both the column 'lead_id': keep one"),
        ("open", "o.csv", "分公司,branch,open\nHankou,Hankou,6\n",
         "o.csv:1: the columns '分公司' and 'branch' are both the column 'branch': keep one"),
        ("assignments", "a.csv", "线索编号,分公司,branch\nJ001,Hankou,Hankou\n",
         "a.csv:1: the columns '分公司' and 'branch' are both the column 'branch': keep one"),
        ("deals", "d.csv", "lead_id,线索编号\nJ002,J002\n",
         "d.csv:1: the columns 'lead_id' and '线索编号' are both the column 'lead_id': keep one"),
        ("groups", "g.yaml", "groups: []\n分组: []\n",
         "g.yaml:2: 分组: the keys 'groups' and '分组' are both the field 'groups': keep one"),
        ("groups", "g.yaml", "分组:\n  - {名称: Red, name: Blue}\n",
         "g.yaml:2: 分组[0].name: the keys '名称' and 'name' are both the field 'name': keep one"),
    ],
)  # fmt: skip
def test_another_file_naming_a_column_both_ways_is_refused(
    tmp_path: Path, command: str, name: str, text: str, error: str
) -> None:
    path = str(write_file(tmp_path, name, text))
    profile = str(EXAMPLES / "tutorial" / "jiayuan-2.yaml")
    assigned = str(DISPATCH / "jiayuan-week-assigned.csv")
    groups = str(DISPATCH / "jiayuan-groups.yaml")
    leads = ("--leads", str(DISPATCH / "jiayuan-week.csv"))
    arguments = {
        "follow-ups": ("allocate", str(DISPATCH / "wuhan-caps.yaml"), str(DISPATCH / "wuhan-days.csv"),
                       "--follow-ups", path, "--within", "24"),
        "open": ("allocate", profile, str(DISPATCH / "wuhan-leads.csv"), "--open-workload", path),
        "assignments": ("tally", profile, path, *leads, "--groups", groups),
        "deals": ("tally", profile, assigned, *leads, "--groups", groups, "--deals", path),
        "groups": ("tally", profile, assigned, *leads, "--groups", path),
    }[command]  # fmt: skip
    assert run_orgkb(*arguments) == (2, "", f"orgkb: {tmp_path}/{error}\n")
