"""The planner page's form: a reader models their own company, and orgkb plans it in the browser.

The ``planner`` directive takes an example profile, relative to the source folder, which the
form starts with. In the HTML build with the runtime (:mod:`~orgkb.sphinxext.site.runner`)
it becomes the form: the table of branches and the profile's text area, both filled from the
example at build time (:func:`orgkb.planner.read_profile`), the Recommend button, and the
places for the results, the downloads and the leads. The page then loads the planner's
script (``planner.js``, deferred) and style sheet, and the charts' style sheet; the script
starts Python in a web worker (the one the Run buttons use, from ``_runtime/``) at the first
action that needs it, and calls :mod:`orgkb.planner` there. Every word of the form is in the
edition's language (:data:`LABELS`), and in Chinese the command line answers in Chinese.
Without the runtime, and in the EPUB and the PDF, the directive is a paragraph that says the
planner is in the web edition.
"""

from __future__ import annotations

import html
import json
from pathlib import Path
from typing import Any

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util.docutils import SphinxDirective

from orgkb.planner import TABLE_FIELDS, read_profile
from orgkb.sphinxext.orgchart import CSS_FILE
from orgkb.sphinxext.site.runner import (
    ASSETS,
    runs_examples,
    runtime_address,
    without_comment_lines,
)
from orgkb.text import CHINESE, ENGLISH, written_in

SCRIPT = "orgkb-planner.js"
STYLE_SHEET = "orgkb-planner.css"
# Where the directive leaves the example for the post-transform, and marks the page.
PLANNER_KEY = "orgkb_planner"
LABELS = {
    ENGLISH: {
        "branches": "Branches",
        "name": "Name",
        "city": "City",
        "region": "Region",
        "projects": "Projects",
        "capacity": "Capacity",
        "inquiries_per_month": "Monthly inquiries",
        "row": "branch {n}",
        "remove": "Remove",
        "add": "Add a branch",
        "table_help": "Projects are separated by semicolons; an empty region is the city's own.",
        "profile": "Company profile",
        "profile_help": "YAML, JSON or CSV, as the profile format describes; paste it, type "
        "it or open a file. The table and the profile edit each other.",
        "open": "Open a profile file",
        "recommend": "Recommend",
        "starting": "Starting Python in this page (the first time takes a few seconds)…",
        "working": "Working…",
        "done": "Done.",
        "failed": "Python could not start:",
        "scenario": "Scenario",
        "chart": "Recommended organisation",
        "rules": "Rules applied",
        "comparison": "Comparison of the options",
        "downloads": "Downloads",
        "download_profile": "Profile",
        "download_plan": "Plan (JSON)",
        "download_svg": "Chart (SVG)",
        "download_html": "Chart (HTML)",
        "download_comparison": "Comparison (CSV)",
        "leads": "Dispatch leads",
        "leads_open": "Open a lead CSV (columns id, project, city)",
        "leads_summary": "Leads per branch",
        "download_leads": "Dispatched leads (CSV)",
        "unavailable": "The planner runs in the web edition of this site, where Python runs in "
        "the page; this edition does not have it.",
    },
    CHINESE: {
        "branches": "分公司",
        "name": "名称",
        "city": "城市",
        "region": "片区",
        "projects": "项目",
        "capacity": "工作量",
        "inquiries_per_month": "月咨询量",
        "row": "第 {n} 家分公司",
        "remove": "删除",
        "add": "添加分公司",
        "table_help": "多个项目用分号隔开；片区留空即以所在城市为片区。",
        "profile": "公司档案",
        "profile_help": "YAML、JSON 或 CSV，格式见档案格式说明；可以粘贴、输入或打开文件。"
        "表格和档案会相互更新。",
        "open": "打开档案文件",
        "recommend": "推荐",
        "starting": "正在本页中启动 Python（第一次需要几秒钟）…",
        "working": "正在计算…",
        "done": "完成。",
        "failed": "Python 无法启动：",
        "scenario": "场景",
        "chart": "推荐的组织架构",
        "rules": "采用的规则",
        "comparison": "各方案比较",
        "downloads": "下载",
        "download_profile": "公司档案",
        "download_plan": "方案（JSON）",
        "download_svg": "组织架构图（SVG）",
        "download_html": "组织架构图（HTML）",
        "download_comparison": "比较（CSV）",
        "leads": "分配线索",
        "leads_open": "打开线索 CSV（列为 id、project、city）",
        "leads_summary": "各分公司的线索",
        "download_leads": "分配结果（CSV）",
        "unavailable": "规划工具在本站的网页版中运行，Python 直接在页面里运行；"
        "本版本没有这个工具。",
    },
}
"""The words of the form and of its script, by the edition's language."""


def labels(language: str | None) -> dict[str, str]:
    """The planner's words for an edition in *language*: Chinese for a Chinese code, else
    English (:func:`orgkb.text.written_in`).

    >>> labels("zh_CN")["recommend"], labels("zh")["recommend"], labels(None)["recommend"]
    ('推荐', '推荐', 'Recommend')
    """
    return LABELS[written_in(language or ENGLISH)]


class PlannerDirective(SphinxDirective):
    """The planner's form, started with the example profile given as the one argument."""

    required_arguments = 1
    has_content = False

    def run(self) -> list[nodes.Node]:
        path = Path(self.env.srcdir, self.arguments[0])
        self.env.note_dependency(str(path))
        note = nodes.paragraph(text=labels(self.config.language)["unavailable"])
        slot = nodes.container("", note, classes=["orgkb-planner-slot"])
        slot["profile"] = path.read_text(encoding="utf-8")
        slot["name"] = path.name
        return [slot]


def planner_form(profile: str, name: str, words: dict[str, str]) -> str:
    """The form's markup, the table and text area filled with the example *profile*."""
    e = html.escape
    rows = read_profile(profile, name)["branches"]
    head = "".join(f'<th scope="col">{e(words[field])}</th>' for field in TABLE_FIELDS)
    body = "".join(_row(row, number, words) for number, row in enumerate(rows, 1))
    return f"""<div class="orgkb-planner" data-name="{e(name)}">
<fieldset class="orgkb-planner-branches"><legend>{e(words["branches"])}</legend>
<div class="orgkb-planner-scroll" role="region" tabindex="0" aria-label="{e(words["branches"])}">
<table><thead><tr>{head}<td></td></tr></thead>
<tbody data-part="rows">{body}</tbody></table>
</div>
<p class="orgkb-planner-help">{e(words["table_help"])}</p>
<button type="button" data-part="add">{e(words["add"])}</button>
</fieldset>
<div class="orgkb-planner-profile">
<label for="orgkb-profile">{e(words["profile"])}</label>
<textarea id="orgkb-profile" data-part="profile" rows="12" spellcheck="false" autocomplete="off"
 aria-describedby="orgkb-profile-error orgkb-profile-help">{e(profile)}</textarea>
<p class="orgkb-planner-error" id="orgkb-profile-error" data-part="profile-error"></p>
<p class="orgkb-planner-help" id="orgkb-profile-help">{e(words["profile_help"])}</p>
<label for="orgkb-open">{e(words["open"])}</label>
<input type="file" id="orgkb-open" data-part="open" accept=".yaml,.yml,.json,.csv,.tsv,.txt">
</div>
<p class="orgkb-planner-go">
<button type="button" data-part="recommend">{e(words["recommend"])}</button>
<span role="status" data-part="status"></span></p>
<div data-part="results" hidden>
<h3>{e(words["scenario"])}</h3><p data-part="scenario"></p>
<h3>{e(words["chart"])}</h3><div data-part="chart"></div>
<h3>{e(words["rules"])}</h3><ul data-part="rules"></ul>
<h3>{e(words["comparison"])}</h3>
<div class="orgkb-planner-scroll" role="region" tabindex="0" aria-label="{e(words["comparison"])}">
<pre data-part="comparison"></pre></div>
<h3>{e(words["downloads"])}</h3>
<p class="orgkb-planner-downloads" data-part="downloads"></p>
</div>
<fieldset class="orgkb-planner-leads"><legend>{e(words["leads"])}</legend>
<label for="orgkb-leads">{e(words["leads_open"])}</label>
<input type="file" id="orgkb-leads" data-part="leads" accept=".csv,.txt"
 aria-describedby="orgkb-leads-error">
<p class="orgkb-planner-error" id="orgkb-leads-error" data-part="leads-error"></p>
<div data-part="dispatch" hidden>
<p><strong>{e(words["leads_summary"])}</strong></p>
<div class="orgkb-planner-scroll" role="region" tabindex="0"
 aria-label="{e(words["leads_summary"])}"><pre data-part="summary"></pre></div>
<p class="orgkb-planner-downloads" data-part="dispatched"></p>
</div>
</fieldset>
</div>"""


def _row(row: dict[str, str], number: int, words: dict[str, str]) -> str:
    # The script draws the same row for each branch it adds (planner.js, row()).
    e = html.escape
    which = words["row"].format(n=number)
    cells = "".join(
        f'<td><input type="text" name="{field}" value="{e(row[field])}" '
        f'aria-label="{e(words[field])}, {e(which)}"{_NUMERIC.get(field, "")}></td>'
        for field in TABLE_FIELDS
    )
    remove = e(words["remove"])
    return (
        f'<tr>{cells}<td><button type="button" data-part="remove" '
        f'aria-label="{remove}: {e(which)}">{remove}</button></td></tr>'
    )


# A phone shows its keyboard of digits for the numbers.
_NUMERIC = dict.fromkeys(("capacity", "inquiries_per_month"), ' inputmode="decimal"')


class PlannerForm(SphinxPostTransform):
    """Puts the form in the planner's place, in the HTML build with the runtime."""

    builders = ("html",)
    default_priority = 200

    def run(self, **kwargs: Any) -> None:
        if not self.config.orgkb_runtime_files:
            return
        words = labels(self.config.language)
        for slot in list(self.document.findall(nodes.container)):
            if "orgkb-planner-slot" not in slot["classes"]:
                continue
            markup = planner_form(slot["profile"], slot["name"], words)
            slot.replace_self(nodes.raw("", markup, format="html"))
            self.document[PLANNER_KEY] = True


def _add_files(
    app: Sphinx,
    pagename: str,
    templatename: str,
    context: dict[str, Any],
    doctree: nodes.document | None,
) -> None:
    if doctree is None or not doctree.get(PLANNER_KEY):
        return
    pathto = context["pathto"]
    runtime = runtime_address(app, pathto)
    words = labels(app.config.language)
    app.add_css_file(CSS_FILE)
    app.add_css_file(STYLE_SHEET)
    app.add_js_file(
        SCRIPT,
        defer="defer",
        **{
            "data-runtime": runtime,
            "data-root": pathto("_static/", 1).removesuffix("_static/"),
            "data-files": json.dumps(app.config.orgkb_runtime_files),
            "data-language": app.config.language or "en",
            # The words the script shows; the note is for pages without it.
            "data-labels": json.dumps(
                {key: word for key, word in words.items() if key != "unavailable"},
                ensure_ascii=False,
            ),
        },
    )


def _copy_files(app: Sphinx) -> None:
    # Before the pages are written, so that Sphinx gives the files' addresses a version.
    if not runs_examples(app):
        return
    static = Path(app.builder.outdir, "_static")
    static.mkdir(parents=True, exist_ok=True)
    script = (ASSETS / "planner.js").read_text(encoding="utf-8")
    (static / SCRIPT).write_text(without_comment_lines(script), encoding="utf-8")
    style = (ASSETS / "planner.css").read_text(encoding="utf-8")
    (static / STYLE_SHEET).write_text(style, encoding="utf-8")


def setup_planner(app: Sphinx) -> None:
    """The ``planner`` directive, its form in the HTML build, and the planner's files."""
    app.add_directive("planner", PlannerDirective)
    app.add_post_transform(PlannerForm)
    app.connect("builder-inited", _copy_files)
    # Before the assets component replaces the page's list of scripts with its own.
    app.connect("html-page-context", _add_files, priority=400)
