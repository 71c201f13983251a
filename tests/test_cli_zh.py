"""The command line in Chinese: --lang, the environment's language, and the one catalogue."""

from __future__ import annotations

import ast
import copy
import html.parser
import itertools
import json
import os
import re
import string
import subprocess
import sys
import unicodedata
from collections.abc import Iterator
from enum import Enum
from pathlib import Path

import pytest

from orgkb.cli import LOCALE_VARIABLES, build_parser
from orgkb.commands import Streams
from orgkb.dispatch import Unassigned
from orgkb.groups import (
    ASSIGNMENT_ALIASES,
    ASSIGNMENT_COLUMNS,
    DEALS_ALIASES,
    DEALS_COLUMNS,
    GROUP_ALIASES,
    GROUP_FIELDS,
    GROUPS_ALIASES,
)
from orgkb.leads import (
    FOLLOW_UP_ALIASES,
    FOLLOW_UP_COLUMNS,
    LEAD_ALIASES,
    LEAD_COLUMNS,
    WORKLOAD_ALIASES,
    WORKLOAD_COLUMNS,
)
from orgkb.model import Function, Level, Option
from orgkb.plan import Governance, Scenario
from orgkb.profile import (
    BRANCH_ALIASES,
    BRANCH_FIELDS,
    COMPANY_ALIASES,
    COMPANY_FIELDS,
    SALARY_FIELDS,
    SERVICE_TARGET_FIELDS,
)
from orgkb.rules import RULES
from orgkb.text import Text
from orgkb.zh import CATALOGUE, WORDS
from tests.helpers import DOCS, EXAMPLES, ROOT, run_orgkb, write_file

DUO = "company: Duo\nbranches:\n  - {name: A, city: Wuhan}\n  - {name: B, city: Wuhan}\n"
STAFF = ("staff", "--arrivals-per-hour", "200", "--aht", "180", "--answer-within", "20")


@pytest.fixture(autouse=True)
def no_locale(monkeypatch: pytest.MonkeyPatch) -> None:
    """Each test starts from an environment that names no language."""
    for variable in LOCALE_VARIABLES:
        monkeypatch.delenv(variable, raising=False)


@pytest.fixture
def duo(tmp_path: Path) -> Path:
    return write_file(tmp_path, "duo.yaml", DUO)


# Choosing the language


def test_lang_zh_cn_gives_the_plan_in_chinese(duo: Path) -> None:
    status, out, err = run_orgkb("--lang", "zh_CN", "recommend", str(duo))
    assert (status, err) == (0, "")
    assert out.splitlines()[:4] == [
        "Duo：一个片区",
        "Duo [集团] 推广、客服",
        "├── A [分公司] 销售",
        "└── B [分公司] 销售",
    ]
    assert out.splitlines()[-5:-3] == ["采用的规则：", "- R2 one-region.sales-in-every-branch"]


def test_lang_may_follow_the_command(duo: Path) -> None:
    assert run_orgkb("--lang", "zh_CN", "recommend", str(duo)) == run_orgkb(
        "recommend", str(duo), "--lang=zh_CN"
    )


def test_lang_environment_default(duo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LANG", "zh_CN.UTF-8")
    assert run_orgkb("recommend", str(duo))[1].startswith("Duo：一个片区\n")


@pytest.mark.parametrize(
    ("environment", "heading"),
    [
        ({"LC_ALL": "C", "LANG": "zh_CN.UTF-8"}, "Duo: one-region"),
        ({"LC_ALL": "zh_TW.UTF-8", "LC_MESSAGES": "en_US.UTF-8"}, "Duo：一个片区"),
        ({"LC_MESSAGES": "zh_CN.UTF-8", "LANG": "en_GB.UTF-8"}, "Duo：一个片区"),
        ({"LC_ALL": "", "LANG": "zh_CN.UTF-8"}, "Duo：一个片区"),
        ({"LANG": "fr_FR.UTF-8"}, "Duo: one-region"),
    ],
)
def test_lc_all_then_lc_messages_then_lang(
    duo: Path, monkeypatch: pytest.MonkeyPatch, environment: dict[str, str], heading: str
) -> None:
    for variable, value in environment.items():
        monkeypatch.setenv(variable, value)
    assert run_orgkb("recommend", str(duo))[1].splitlines()[0] == heading


def test_lang_en_overrides_the_environment(duo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LC_ALL", "zh_CN.UTF-8")
    english = run_orgkb("--lang", "en", "recommend", str(duo))
    monkeypatch.delenv("LC_ALL")
    assert english == run_orgkb("recommend", str(duo))
    assert english[1].startswith("Duo: one-region\n")


def test_an_unknown_language_is_refused_in_the_environments(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert run_orgkb("--lang", "fr", "rules") == (
        2,
        "",
        "orgkb: --lang: unknown language 'fr' (choose from en, zh_CN)\n",
    )
    monkeypatch.setenv("LANG", "zh_CN.UTF-8")
    assert run_orgkb("--lang", "fr", "rules") == (
        2,
        "",
        "orgkb: --lang: 不支持的语言 'fr'（可选：en、zh_CN）\n",
    )


def test_json_is_the_same_in_every_language(tmp_path: Path) -> None:
    profile = EXAMPLES / "staffing" / "two-regions.yaml"
    for command in (("recommend", str(profile)), ("compare", str(profile)), STAFF):
        arguments = (*command, "--format", "json")
        if command is STAFF:
            arguments = (*STAFF, "--service-level", "0.8", "--format", "json")
        english = run_orgkb(*arguments)
        assert english[0] == 0
        assert run_orgkb("--lang", "zh_CN", *arguments) == english
        json.loads(english[1])


def test_csv_header_and_reason_words_stay(tmp_path: Path) -> None:
    leads = write_file(tmp_path, "leads.csv", "id,project,city\nL1,flats,Beijing\nL2,flats,\n")
    profile = EXAMPLES / "dispatch" / "anju-group.yaml"
    status, out, _ = run_orgkb("--lang", "zh_CN", "allocate", str(profile), str(leads))
    assert status == 0
    assert out.splitlines() == [
        "lead_id,branch,reason",
        "L1,,unknown-city: Anju Home 在 'Beijing' 没有分公司，无法确定线索属于哪个片区",
        "L2,,no-city: 线索没有写明城市，而 Anju Home 的分公司分布在 2 个片区，无法确定它属于哪个片区",
    ]


# What the commands write, in Chinese


def test_staff_in_chinese() -> None:
    status, out, _ = run_orgkb(
        "--lang", "zh_CN", *STAFF, "--service-level", "0.8", "--shrinkage", "0.3"
    )
    assert status == 0
    assert out == (
        "话务量：10 爱尔兰（每小时 200 条咨询，每条 180 秒）\n"
        "目标：80% 在 20 秒内接起，处理时长 180 秒，缩减率 30%，不限占用率\n"
        "在线坐席：14\n"
        "排班坐席：20\n"
        "服务水平：88.84% 在 20 秒内接起\n"
        "需要等待的概率：17.41%\n"
        "平均应答速度：7.8 秒\n"
        "占用率：71.43%\n"
    )


def test_compare_in_chinese() -> None:
    profile = EXAMPLES / "staffing" / "four-branches.yaml"
    status, out, _ = run_orgkb("--lang", "zh_CN", "compare", str(profile))
    assert status == 0
    lines = out.splitlines()
    assert lines[:4] == [
        "Four Seasons Home：一个片区，4 家分公司；现状：各自设立",
        "                        各自设立*  统一设立",
        "客服队列                        4         1",
        "高峰小时在线坐席               20        14",
    ]
    assert "  与现状相比                    0       -29" in lines
    assert lines[-6:] == [
        "假设：服务目标为 80% 在 20 秒内接起，处理时长 180 秒，缩减率 0%，不限占用率；客服部每天",
        "  开放 12 小时、每周 7 天，每人每周工作 40 小时；管理幅度 8；高峰小时的咨询量占全天的",
        "  10%，每月 30 天；推广部每个团队为广告账户和推广活动配 1 人，另按每月每 1,500 条咨询配",
        "  一名推广专员，每个团队至少 2 人；支持部门 2 人，统筹团队 2 人。",
        "坐席数是高峰小时的在线坐席除以（1 − 缩减率）；客服人员是在客服部开放的每个小时都把坐席坐",
        "  满所需的在编人数，人数按人计算。销售部（每个方案里每家分公司都有一个）不计在内。",
    ]


def test_chart_labels_are_chinese_only(duo: Path) -> None:
    status, out, _ = run_orgkb("--lang", "zh_CN", "chart", str(duo), "--format", "mermaid")
    assert status == 0
    assert out.splitlines()[1] == 'title: "Duo：推荐方案（一个片区，多家分公司）"'
    assert '  u0["Duo<br/>集团<br/>推广、客服"]' in out.splitlines()
    assert '  u1["A<br/>分公司<br/>销售"]' in out.splitlines()
    page = run_orgkb("--lang", "zh_CN", "chart", str(duo), "--format", "html")[1]
    assert '<html lang="zh-CN">' in page
    assert "<title>组织架构图：Duo</title>" in page
    assert '<span class="orgkb-level">集团</span>' in page
    assert "customer service" not in page and "客服</span>" in page


def test_as_is_chart_in_chinese() -> None:
    profile = EXAMPLES / "explanation" / "brightpath-guangzhou.yaml"
    status, out, _ = run_orgkb("--lang", "zh_CN", "chart", str(profile), "--as-is")
    assert status == 0
    assert out.splitlines()[:3] == [
        "Bright Path Education：现状（一个片区，多家分公司；未标出职能）",
        "Bright Path Education [集团]",
        "└── Guangzhou [城市]",
    ]


def test_rules_and_cite_in_chinese() -> None:
    status, out, _ = run_orgkb("--lang", "zh_CN", "rules")
    assert status == 0
    assert out.splitlines()[1] == (
        "R2  one-region.sales-in-every-branch                      每家分公司设销售部"
    )
    status, out, _ = run_orgkb("--lang", "zh_CN", "cite", "one-region.sales-in-every-branch")
    assert status == 0
    assert run_orgkb("--lang", "zh_CN", "cite", "R2") == (status, out, "")
    assert out == (
        "orgkb 作者（2026）。“规则 R2（one-region.sales-in-every-branch）：每家分公司设销售部”。"
        "载于《orgkb：网络营销体系的组织架构》，版本 0.1.0。https://orgkb.example.org/zh_CN/"
        "reference/rules.html#rule-one-region-sales-in-every-branch\n"
    )


def test_notes_in_chinese(tmp_path: Path) -> None:
    solo = write_file(tmp_path, "solo.yaml", "company: Solo\n")
    status, _, err = run_orgkb(
        "--lang", "zh_CN", "recommend", str(solo), "--governance", "decentralized"
    )
    assert status == 0
    assert err == (
        "orgkb: 提示：--governance 只适用于多个片区；Solo 属于没有分公司的情形，因此没有使用\n"
    )


TALLY = (
    "tally", "examples/tutorial/jiayuan-2.yaml", "examples/dispatch/jiayuan-week-assigned.csv",
    "--leads", "examples/dispatch/jiayuan-week.csv", "--deals", "examples/dispatch/jiayuan-deals.csv",
)  # fmt: skip


def test_transition_in_chinese(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(DOCS)
    status, out, err = run_orgkb(
        "--lang", "zh_CN", "transition", "examples/transition/huaxia-today.yaml"
    )
    assert (status, err) == (0, "")
    lines = out.splitlines()
    assert lines[:5] == [
        "Huaxia Home：从现状（按公司档案）转型为集权（多个片区，12 家分公司）",
        "人数：转型前 109 人，转型后 65 人（即 orgkb compare 的集权一栏）；"
        "调动 83 人，新招 3 人，裁减 47 人",
        "",
        "逐个单位的变化",
        "单位                  职能      转型前  转型后  调入  调出  新招  裁减",
    ]
    assert "Xuhui [分公司]        客服          12       0     0     7     0     5" in lines
    assert "第 1 阶段\u3000客服合池：每个片区一个客服队列" in lines
    assert "  规则：R8 multi-region.group-support-unit" in lines
    assert "  客服：7 人从 Xuhui [分公司] 调到 East China [片区]" in lines
    assert "  客服：Xuhui [分公司] 裁减 5 人" in lines
    assert "  支持：为 Huaxia Home [集团] 新招 3 人" in lines
    assert "  人数：109 → 90" in lines
    assert lines[lines.index("一次性成本") + 1 :][:7] == [
        "经济补偿  1,346,219  裁减 47 人 × 3 个月工资（每工作一年补偿 1 个月工资，工作年限 3 年）",
        "招聘         36,000  新招 3 人 × 1 个月工资",
        "培训        213,692  新招 3 人 × 4 周，调动 83 人 × 1 周，培训期间全额发薪",
        "新老并行    448,740  裁减的 47 人在新团队接手期间留任 1 个月",
        "合计      2,044,651",
        "每月人工成本：转型前 1,071,000，转型后 635,000；每月节省 436,000",
        "回本：4.7 个月",
    ]
    assert lines[-2:] == [
        "超出原文：原文只说了组织最终应是什么样，没有说怎样转型过去；这些阶段、它们的先后顺序和成",
        "  本测算都是我们补充的。与 orgkb compare 一样，销售部不计在内。",
    ]


def test_transition_json_stays_english(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(DOCS)
    arguments = ("transition", "examples/transition/huaxia-today.yaml", "--format", "json")
    english = run_orgkb(*arguments)
    assert english[0] == 0
    assert run_orgkb("--lang", "zh_CN", *arguments) == english
    assert json.loads(english[1])["phases"][0]["title"].startswith("Service pools: ")


def test_support_in_chinese(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(DOCS)
    status, out, err = run_orgkb(
        "--lang", "zh_CN", "support", "examples/support/huaxia-quarter.yaml"
    )
    assert (status, err) == (0, "")
    lines = out.splitlines()
    assert lines[:2] == [
        "Huaxia Home：12 家分公司，数据截至 2025-06-30",
        "分公司     候选池         开业月数  线索   成交  转化率  池内其余  p 值    检验结论"
        "            扶持原因",
    ]
    assert lines[2].startswith("Xuhui      Shanghai ")  # its city's other branch
    assert lines[5].startswith("Gusu       East China ")  # its city's only branch
    assert lines[5].endswith("<0.001  落后                新开、落后")
    assert lines[13].endswith("0.644   线索太少，无法判断  新开")
    assert lines[14] == (
        "12 家分公司中有 4 家需要扶持（新开 3 家，落后 2 家）：支持部门 2 人，每人负责 3 家分公司。"
    )
    assert "p 值不超过 0.05（置信度 95%）" in out
    assert "即同城的其他分公司；城市里只有它一家时，为同片区的其他分公司" in out.replace("\n  ", "")
    assert lines[-2].startswith("超出原文：")


def test_tally_in_chinese(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(DOCS)
    groups = ("--groups", "examples/dispatch/jiayuan-service-groups.yaml")
    status, out, err = run_orgkb("--lang", "zh_CN", *TALLY, *groups)
    assert (status, err) == (0, "")
    assert out.splitlines()[4:] == [
        "项目        Red         Blue",
        "flats       2/7  28.6%  5/10  50.0%",
        "offices     -           2/6  33.3%",
        "villas      0/7  0.0%   -",
        "结构调整后  28.6%       50.0%",
        "结构调整后：只计每个组都有线索的项目（flats），按各项目的线索数加权",
    ]


@pytest.mark.parametrize(
    ("groups", "line"),
    [
        ("groups:\n  - {name: Red, projects: [flats]}\n  - {name: Blue, projects: [flats]}\n",
         "groups.yaml:1: 项目 'flats' 同时属于 'Red' 和 'Blue'"),
        ("groups:\n  - {name: Red, projects: [flats], branches: [Hankou]}\n",
         "groups.yaml:1: 组 'Red' 同时分了项目和分公司，只能选其一"),
        ("groups:\n  - {name: Red, branches: [Hankou]}\n  - {name: Blue, projects: [villas]}\n",
         "groups.yaml:1: 有的组按项目分，有的组按分公司分；所有组只能用同一种分法"),
        ("groups:\n  - {name: Red}\n  - {name: Red}\n",
         "groups.yaml:3: groups[1].name: 已有一个组名为 'Red'"),
        ("groups: Red\n", "groups.yaml:1: groups: 应为组的列表，实际为文本 'Red'"),
        ("groups: []\nteams: []\n", "groups.yaml:2: teams: 未知的键 'teams'（应为以下之一：groups）"),
        ("company: Duo\n", "groups.yaml:1: 顶层应是包含 'groups'（各组的列表）的映射"),
    ],
)  # fmt: skip
def test_tally_errors_in_chinese(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, groups: str, line: str
) -> None:
    monkeypatch.chdir(DOCS)
    write_file(tmp_path, "groups.yaml", groups)
    status, out, err = run_orgkb(
        "--lang", "zh_CN", *TALLY, "--groups", str(tmp_path / "groups.yaml")
    )
    assert (status, out) == (2, "")
    assert err == f"orgkb: {tmp_path}/{line}\n"


def test_support_and_transition_errors_in_chinese(tmp_path: Path) -> None:
    opened = write_file(
        tmp_path,
        "opened.yaml",
        "company: Duo\nbranches:\n  - {name: A, city: Wuhan, opened: 2025-01-01}\n",
    )
    assert run_orgkb("--lang", "zh_CN", "support", str(opened))[2] == (
        f"orgkb: {opened}: as_of: 'A' 给出了开业日期；请同时给出数据截至的日期（as_of），"
        "才能判断它是否新开\n"
    )
    duo = write_file(tmp_path, "duo.yaml", DUO)
    assert run_orgkb("--lang", "zh_CN", "transition", str(duo))[2] == (
        f"orgkb: {duo}: branches: 转型按人数测算：请为每家分公司给出 inquiries_per_hour 或 "
        "inquiries_per_month\n"
    )


@pytest.mark.parametrize(
    ("profile", "line"),
    [
        ("as_of: 2025-02-30\nbranches: [{name: A, city: W}]",
         "2: as_of: 应为 2025-06-30 这样的日期，实际为文本 '2025-02-30'"),
        ("today: [group]\nbranches: [{name: A, city: W}]",
         "2: today: 应为单位编号到其职能的映射，实际为列表"),
        ("today: {group: [promotion, promotion]}\nbranches: [{name: A, city: W}]",
         "2: today.group[1]: promotion 列出了两次"),
        ("today: {group: 3}\nbranches: [{name: A, city: W}]",
         "2: today.group: 应为职能列表，或职能到人数的映射，实际为数字 3"),
        ("today: {group: [marketing]}\nbranches: [{name: A, city: W}]",
         "2: today.group[0]: 未知的职能 'marketing'"),
        ("branches: [{name: A, city: W, leads: 3}]",
         "2: branches[0].deals: leads 和 deals 须同时给出"),
        ("branches: [{name: A, city: W, visits: 3}]",
         "2: branches[0].leads: visits 须有对应的线索：请给出 leads 和 deals"),
        ("branches: [{name: A, city: W, leads: 3, deals: 4}]",
         "2: branches[0].deals: deals 为 4，多于该分公司的线索数 3"),
    ],
)  # fmt: skip
def test_errors_of_today_and_the_branches_figures_in_chinese(
    tmp_path: Path, profile: str, line: str
) -> None:
    path = write_file(tmp_path, "p.yaml", f"company: C\n{profile}\n")
    status, out, err = run_orgkb("--lang", "zh_CN", "support", str(path))
    assert (status, out) == (2, "")
    assert err.startswith(f"orgkb: {path}:{line}")


# Errors, in Chinese


@pytest.mark.parametrize(
    ("arguments", "line"),
    [
        (("recommend", "examples/broken/typo.yaml"),
         "examples/broken/typo.yaml:2: brnaches: 未知的字段 'brnaches'（是不是 'branches'？）"),
        (("recommend", "examples/broken/capacity.yaml"),
         "examples/broken/capacity.yaml:5: branches[0].capacity: 应为大于 0 的数，实际为文本 'two'"),
        (("recommend", "examples/broken/no-city.yaml"),
         "examples/broken/no-city.yaml:5: branches[1].city: 缺少这一项"),
        (("recommend", "examples/broken/comma.json"),
         "examples/broken/comma.json:5: JSON 格式有误：最后一项之后多了一个逗号"),
        (("recommend", "examples/broken/same-name.yaml"),
         "examples/broken/same-name.yaml:7: branches[2].name: 'Hankou' 与第 3 行的分公司重名"),
        (("recommend", "examples/none.yaml"), "examples/none.yaml: 文件不存在"),
        (("recommend", "examples/duo.yaml", "--governance", "federal"),
         "--governance: 无效的选择：'federal'（可选：centralized, decentralized）"),
        ((), "缺少必需的参数：COMMAND"),
        (("rules", "--colour"), "无法识别的参数：--colour"),
        ((*STAFF, "--service-level", "80"),
         "--service-level: 应为大于 0 且小于 1 的数，实际为文本 '80'"),
        (("compare", "examples/duo.yaml", "--days-per-month", "0"),
         "--days-per-month: 应为不小于 1 且不大于 31 的数，实际为文本 '0'"),
        (("cite", "no.such-rule"),
         "没有编号或代号为 'no.such-rule' 的规则；`orgkb rules` 会列出全部规则"),
        (("cite", "one-region.sales-in-every-branch", "--cited-on", "2026-01-01"),
         "--cited-on: 只有 --format gbt7714 才写出引用日期"),
        (("cite", "R8", "--format", "gbt7714", "--cited-on", "1.12.2026"),
         "--cited-on: 应为 2025-06-30 这样的日期，实际为文本 '1.12.2026'"),
    ],
)  # fmt: skip
def test_errors_in_chinese(
    monkeypatch: pytest.MonkeyPatch, arguments: tuple[str, ...], line: str
) -> None:
    monkeypatch.chdir(DOCS)
    assert run_orgkb("--lang", "zh_CN", *arguments) == (2, "", f"orgkb: {line}\n")


def test_malformed_rows_are_remarked_in_chinese() -> None:
    status, _, err = run_orgkb(
        "--lang",
        "zh_CN",
        "allocate",
        str(EXAMPLES / "dispatch" / "anju-group.yaml"),
        str(EXAMPLES / "dispatch" / "anju-problems.csv"),
    )
    assert status == 0
    assert [line.split(": ", 2)[2] for line in err.splitlines()] == [
        "有 4 个值，但只有 3 列",
        "缺少编号",
        "缺少项目",
    ]


def test_the_environment_of_a_real_process(duo: Path) -> None:
    # The process's own environment, as a shell gives it, with standard output closed.
    done = subprocess.run(
        [sys.executable, "-m", "orgkb", "recommend", str(duo)],
        stderr=subprocess.PIPE,
        env={**os.environ, "LANG": "zh_CN.UTF-8", "PYTHONIOENCODING": "utf-8"},
        preexec_fn=lambda: os.close(1),
    )
    assert done.returncode == 2
    assert done.stderr.decode("utf-8") == "orgkb: 标准输出已关闭，结果无处可写\n"


# No English prose in what the commands write in Chinese


def _profiles() -> list[Path]:
    found = [*EXAMPLES.rglob("*.yaml"), *EXAMPLES.rglob("*.json")]
    found += [EXAMPLES / "jiayuan.csv", *(EXAMPLES / "broken").glob("*.csv")]
    # Competing groups (orgkb tally) are YAML too, but not profiles.
    return sorted(path for path in found if not path.name.endswith("-groups.yaml"))


def _commands() -> Iterator[tuple[str, ...]]:
    for profile in _profiles():
        where = str(profile.relative_to(DOCS))
        yield ("recommend", where)
        yield ("recommend", where, "--governance", "decentralized")
        yield ("compare", where)
        yield ("chart", where, "--as-is")
        for shape in ("text", "html", "mermaid", "dot"):
            yield ("chart", where, "--format", shape)
    dispatch = EXAMPLES / "dispatch"
    for company in ("anju-group.yaml", "wuhan-three.yaml"):
        for leads in sorted(dispatch.glob("*.csv")):
            yield ("allocate", f"examples/dispatch/{company}", str(leads.relative_to(DOCS)),
                   "--summary")  # fmt: skip
    yield ("allocate", "examples/dispatch/wuhan-three.yaml", "examples/dispatch/wuhan-leads.csv",
           "--open-workload", "examples/dispatch/wuhan-open.csv", "--summary")  # fmt: skip
    yield (*STAFF, "--service-level", "0.8", "--shrinkage", "0.3", "--max-occupancy", "0.85")
    yield (*STAFF, "--service-level", "0.8", "--max-occupancy", "1e-9")
    for profile in _profiles():
        where = str(profile.relative_to(DOCS))
        yield ("transition", where)
        yield ("support", where)
    for option in Option:
        yield ("transition", "examples/transition/huaxia-today.yaml", "--to", str(option))
        yield ("transition", "examples/staffing/four-branches.yaml", "--to", str(option))
    yield ("support", "examples/support/huaxia-quarter.yaml", "--confidence", "0.85")
    for groups in ("jiayuan-groups.yaml", "jiayuan-service-groups.yaml"):
        yield (*TALLY, "--groups", f"examples/dispatch/{groups}")
        yield (*TALLY[:3], "--groups", f"examples/dispatch/{groups}")  # no project column
    yield ("rules",)
    for known in RULES:
        yield ("cite", known.code)
        yield ("cite", known.id)
        yield ("cite", known.id, "--format", "gbt7714", "--cited-on", "2026-12-01")


class _Vocabulary:
    """What a Chinese output may hold in Latin letters: the identifiers — ids and rule codes,
    field and option names, paths and addresses — and the words of the names the input files
    give."""

    def __init__(self) -> None:
        identifiers = [name for known in RULES for name in (known.id, known.code)]
        for enum in (Scenario, Governance, Option, Level, Function, Unassigned):
            identifiers += [str(member) for member in enum]
        fields = (*COMPANY_FIELDS, *BRANCH_FIELDS, *SERVICE_TARGET_FIELDS, *SALARY_FIELDS)
        identifiers += [*fields, *LEAD_COLUMNS, *WORKLOAD_COLUMNS, "lead_id", "reason"]
        parser = build_parser(Streams(None, None))
        for action in parser._actions:
            for name, command in (getattr(action, "choices", None) or {}).items():
                identifiers.append(name)
                identifiers += [flag for each in command._actions for flag in each.option_strings]
        # The file types and the encoding messages name, and the article's own 分组PK.
        self.words = {"orgkb", "CSV", "JSON", "YAML", "UTF", "GB", "COMMAND", "PK", "EB", "OL"}
        # The test that finds a lagging branch bears its author's name, and its p-value its
        # letter, in Chinese too.
        self.words |= {"Fisher", "p"}
        for path in EXAMPLES.rglob("*"):
            # A CSV profile's company is named after the file.
            identifiers += [str(path.relative_to(DOCS)), path.stem]
            if path.is_file():
                text = _COMMENT.sub("", path.read_text(encoding="utf-8", errors="replace"))
                for token in _TOKEN.findall(text):
                    if _IDENTIFIER.search(token):
                        identifiers.append(token)
                    else:
                        self.words |= set(_WORD.findall(token))
        self.words |= {each for each in identifiers if each.isalpha()}
        longest_first = sorted(set(identifiers), key=len, reverse=True)
        self._identifiers = re.compile("|".join(map(re.escape, longest_first)))

    def english(self, line: str) -> list[str]:
        """The words of *line* that are none of these: English prose."""
        line = self._identifiers.sub(" ", _URL.sub(" ", line))
        return [word for word in _WORD.findall(_EXPONENT.sub(" ", line)) if word not in self.words]


_WORD = re.compile(r"[A-Za-z]+")
_TOKEN = re.compile(r"[^\s,:;{}\[\]\"'=]+")
_IDENTIFIER = re.compile(r"[A-Za-z0-9][_./-][A-Za-z0-9]")  # one-region, lead_id, a.yaml
_COMMENT = re.compile(r"(?:^|\s)#.*$", re.MULTILINE)  # a YAML comment holds no name
_URL = re.compile(r"https?://\S+")
_EXPONENT = re.compile(r"\d[\d.]*e[-+]?\d+")  # 1e-09, whose e is no word


class _Prose(html.parser.HTMLParser):
    """The text of an HTML page a person reads: its elements' text and accessible labels."""

    def __init__(self) -> None:
        super().__init__()
        self.text: list[str] = []
        self._in_style = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._in_style = tag == "style"
        self.text += [value or "" for name, value in attrs if name == "aria-label"]

    def handle_endtag(self, tag: str) -> None:
        self._in_style = False

    def handle_data(self, data: str) -> None:
        if not self._in_style:
            self.text.append(data)


def _prose(arguments: tuple[str, ...], out: str, err: str) -> str:
    """What of a command's output is for a person to read."""
    if "html" in arguments:
        page = _Prose()
        page.feed(out)
        return "\n".join([*page.text, err])
    if "mermaid" in arguments:
        said = re.findall(r'^(?:title|  accTitle|  accDescr): (.*)$|\["(.*)"\]', out, re.M)
        return "\n".join([*(" ".join(pair) for pair in said), err]).replace("<br/>", " ")
    if "dot" in arguments:
        labels = re.findall(r'label="((?:[^"\\]|\\.)*)"', out)
        return "\n".join([*(label.replace("\\n", "\n") for label in labels), err])
    if arguments[0] == "allocate":
        reasons = [row.partition(": ")[2] for row in out.splitlines()[1:]]
        return "\n".join([*reasons, err])
    return out + err


def test_no_english_prose_in_chinese_output(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(DOCS)
    vocabulary = _Vocabulary()
    english: list[str] = []
    for arguments in _commands():
        _, out, err = run_orgkb("--lang", "zh_CN", *arguments)
        for line in _prose(arguments, out, err).splitlines():
            unknown = vocabulary.english(line)
            if unknown:
                english.append(f"$ orgkb {' '.join(arguments)}: {line!r} ({unknown})")
    assert english == []


# The one catalogue


def _templates() -> Iterator[tuple[Path, ast.Call]]:
    """Every call of Text in orgkb, with the module it is made in."""
    for path in sorted((ROOT / "orgkb").rglob("*.py")):
        source = path.read_text(encoding="utf-8")
        if "from orgkb.text import" not in source:
            continue
        for node in ast.walk(ast.parse(source)):
            if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "Text":
                yield path, node


def _fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name is not None}


def test_every_template_is_a_literal_with_its_values() -> None:
    made = list(_templates())
    assert len(made) > 150
    for path, call in made:
        where = f"{path.relative_to(ROOT)}:{call.lineno}"
        template = call.args[0] if call.args else None
        assert isinstance(template, ast.Constant), f"{where}: the template is not a literal"
        assert isinstance(template.value, str), where
        named = {keyword.arg for keyword in call.keywords}
        if None not in named:  # no **values
            assert _fields(template.value) == named, where


# What takes a message for a person, and which of its arguments is the message.
_MESSAGE_ARGUMENT = {"InputError": 0, "OrgkbError": 0, "UnknownRuleError": 0, "fail": 1}


def _words(node: ast.expr) -> bool:
    # Words written out in the call: a string, an f-string, or strings joined with +.
    if isinstance(node, ast.BinOp):
        return _words(node.left) or _words(node.right)
    return isinstance(node, ast.JoinedStr) or (
        isinstance(node, ast.Constant) and isinstance(node.value, str)
    )


def test_every_message_of_an_error_is_a_template() -> None:
    # A message written as a plain string reaches a Chinese reader in English. The extensions'
    # warnings are for the authors of pages, in Sphinx's log, and page_examples' for the tests.
    plain = []
    for path in sorted((ROOT / "orgkb").rglob("*.py")):
        if "sphinxext" in path.parts or path.name == "page_examples.py":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            name = getattr(node.func, "id", None) or getattr(node.func, "attr", None)
            at = _MESSAGE_ARGUMENT.get(name or "")
            if at is not None and len(node.args) > at and _words(node.args[at]):
                plain.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert plain == []


def test_the_catalogue_translates_every_template_and_only_those() -> None:
    used = {call.args[0].value for _, call in _templates()}  # type: ignore[attr-defined]
    assert sorted(used - set(CATALOGUE)) == [], "templates without Chinese"
    assert sorted(set(CATALOGUE) - used) == [], "Chinese no code uses"


def test_each_chinese_template_names_the_values_of_its_english() -> None:
    for english, chinese in CATALOGUE.items():
        assert _fields(chinese) == _fields(english), english


def test_every_member_of_the_enumerations_text_names_has_a_chinese_word() -> None:
    members: set[Enum] = set()
    for enum in (Scenario, Governance, Option, Level, Function):
        members |= set(enum)
    assert set(WORDS) == members


def _wide(character: str) -> bool:
    return (
        unicodedata.east_asian_width(character) == "W" and unicodedata.category(character) == "Lo"
    )


def test_chinese_punctuation_is_full_width() -> None:
    for chinese in [*CATALOGUE.values(), *WORDS.values()]:
        for before, after in itertools.pairwise(chinese):
            assert not (_wide(before) and after in ",;:?!()"), chinese
            assert not (before in ",;?!()" and _wide(after)), chinese


def test_the_articles_terms_not_the_reworded_copys() -> None:
    # The reworded copy's words, which the article's own terms replace (ZH brief, glossary).
    reworded = ("权力下放", "规划区", "营销部", "窝里斗", "同城里耗", "分类PK", "适用单位", "底部", "品专")  # fmt: skip
    labels = [member.label for member in [*Level, *Function]]  # English, with the Chinese
    for chinese in [*CATALOGUE.values(), *WORDS.values(), *labels]:
        assert not any(word in chinese for word in reworded), chinese


def test_a_text_is_its_english_and_survives_a_copy() -> None:
    text = Text("expected {limits}, got {got}", limits=Text("a number"), got=3)
    assert text == "expected a number, got 3"
    assert type(text.translated("en")) is str
    copied = copy.deepcopy(text)
    assert (copied.template, copied.translated("zh_CN")) == (text.template, "应为数，实际为 3")


def test_aliases_are_chinese_names_of_known_fields() -> None:
    assert set(COMPANY_ALIASES.values()) <= set(COMPANY_FIELDS)
    assert set(BRANCH_ALIASES.values()) <= set(BRANCH_FIELDS)
    assert set(LEAD_ALIASES.values()) <= set(LEAD_COLUMNS)
    assert set(FOLLOW_UP_ALIASES.values()) <= set(FOLLOW_UP_COLUMNS)
    assert set(WORKLOAD_ALIASES.values()) <= set(WORKLOAD_COLUMNS)
    assert set(ASSIGNMENT_ALIASES.values()) <= set(ASSIGNMENT_COLUMNS)
    assert set(DEALS_ALIASES.values()) <= set(DEALS_COLUMNS)
    assert set(GROUPS_ALIASES.values()) == {"groups"}
    assert set(GROUP_ALIASES.values()) <= set(GROUP_FIELDS)
