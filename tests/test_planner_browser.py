"""The planner page in a real browser: a reader's own company, planned by orgkb in the page.

Debian's chromium, driven by Playwright, opens the site built with the runtime (the
``runtime_site`` fixture of tests/conftest.py; without npm or PyPI these tests skip), over
HTTP and from a folder. A profile is pasted into the text area and a branch edited in the
table; Recommend shows the chart, the scenario and the rules; the downloads hold what the
command line gives for the same profile; a lead CSV is dispatched as ``orgkb allocate``
dispatches it; nothing loads before the first action, and nothing from another host.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

from orgkb.plan import recommend
from orgkb.profile import load_company
from orgkb.rules import rule, wording
from orgkb.sphinxext.site.planner import LABELS, SCRIPT
from tests.browser import DESKTOP, PHONE, patient_context, watch
from tests.helpers import EXAMPLES, run_orgkb

playwright_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
axe_module = pytest.importorskip("axe_playwright_python.sync_playwright")

PAGE = "planner.html"
# A profile the page does not start with: two regions, Chinese keys for one branch.
PROFILE = (EXAMPLES / "explanation" / "anju-two-regions.yaml").read_text("utf-8")
PROFILE_BRANCHES = ["Xuhui", "Xihu", "Jianghan"]
# The rules of the example the page starts with.
ONE_REGION_RULES = recommend(load_company(EXAMPLES / "tutorial" / "jiayuan-2.yaml")).rules
EN = LABELS["en"]
ZH = LABELS["zh_CN"]


class Planner:
    """The planner page in a fresh context, with what went wrong on it."""

    def __init__(self, browser: Any, address: str, own_host: str, **options: Any) -> None:
        self.context = patient_context(browser, viewport=options.pop("viewport", DESKTOP))
        self.page = self.context.new_page()
        self.requests: list[str] = []
        self.page.on("request", lambda request: self.requests.append(request.url))
        self.problems = watch(self.page, own_host)
        self.page.goto(address, wait_until="networkidle")
        self.words = ZH if "/zh_CN/" in address else EN

    def part(self, name: str) -> Any:
        return self.page.locator(f'[data-part="{name}"]')

    def profile(self) -> Any:
        return self.page.get_by_label(self.words["profile"], exact=True)

    def recommend(self) -> None:
        self.page.get_by_role("button", name=self.words["recommend"], exact=True).click()
        self.page.wait_for_function(
            "([results, error]) => !results.hidden || error.textContent !== ''",
            arg=[
                self.part("results").element_handle(),
                self.part("profile-error").element_handle(),
            ],
        )

    def download(self, label: str) -> tuple[str, str]:
        with self.page.expect_download() as started:
            self.page.get_by_role("button", name=label, exact=True).click()
        saved = started.value
        return saved.suggested_filename, Path(saved.path()).read_text("utf-8")

    def close(self) -> None:
        self.context.close()


def _address(runtime_url: str, runtime_site: Path, served: str, path: str) -> tuple[str, str]:
    if served == "http":
        return runtime_url + path, urlsplit(runtime_url).netloc
    return (runtime_site / path).resolve().as_uri(), ""


def test_nothing_heavy_loads_before_the_first_action(chromium: Any, runtime_url: str) -> None:
    planner = Planner(chromium, runtime_url + PAGE, urlsplit(runtime_url).netloc)
    loaded = [urlsplit(url).path for url in planner.requests]
    assert [path for path in loaded if path.endswith(SCRIPT)] == [f"/_static/{SCRIPT}"]
    assert [path for path in loaded if "_runtime" in path] == []
    # The table and the profile start filled with the example, drawn at build time.
    assert planner.part("rows").locator("tr").count() == 3
    assert "Jiayuan Home" in planner.profile().input_value()
    assert planner.problems == []
    planner.close()


@pytest.mark.parametrize("served", ["http", "file"])
def test_a_pasted_and_edited_profile_is_recommended_as_the_command_line_does(
    chromium: Any, runtime_url: str, runtime_site: Path, served: str, tmp_path: Path
) -> None:
    address, own = _address(runtime_url, runtime_site, served, PAGE)
    planner = Planner(chromium, address, own)
    profile = planner.profile()
    profile.fill(PROFILE)
    # Leaving the text area redraws the table from it.
    profile.press("Tab")
    names = planner.part("rows").locator('input[name="name"]')
    planner.page.wait_for_function(
        "rows => rows.querySelectorAll('tr').length === 3"
        " && rows.querySelector('input').value === 'Xuhui'",
        arg=planner.part("rows").element_handle(),
    )
    assert [names.nth(n).input_value() for n in range(3)] == PROFILE_BRANCHES
    # An edit of the table rewrites the profile.
    cell = planner.page.get_by_label(f"{EN['name']}, {EN['row'].format(n=3)}", exact=True)
    cell.fill("Wuchang")
    cell.press("Tab")
    planner.page.wait_for_function(
        "area => area.value.includes('Wuchang')", arg=profile.element_handle()
    )
    assert "Jianghan" not in profile.input_value()
    planner.recommend()
    chart = planner.part("chart")
    for name in ["Xuhui", "Xihu", "Wuchang", "East China", "Central China"]:
        assert name in chart.inner_text()
    assert planner.part("scenario").inner_text() == "several regions"
    assert planner.part("scenario").locator("a").get_attribute("href") == (
        "explanation/multi-region.html"
    )
    saved = tmp_path / "company.yaml"
    saved.write_text(profile.input_value(), "utf-8")
    plan = json.loads(run_orgkb("recommend", str(saved), "--format", "json")[1])
    links = planner.part("rules").locator("a")
    assert [links.nth(n).inner_text() for n in range(links.count())] == plan["rules"]
    for n in range(links.count()):
        href = links.nth(n).get_attribute("href") or ""
        assert href.startswith("reference/rules.html#rule-")
        assert links.nth(n).inner_text().replace(".", "-") == href.split("#rule-")[1]
    # The downloads hold what the command line gives for the profile as it now stands.
    name, text = planner.download(EN["download_profile"])
    assert text == profile.input_value()
    name, text = planner.download(EN["download_plan"])
    assert name.endswith("-plan.json")
    assert json.loads(text) == plan
    _, svg = planner.download(EN["download_svg"])
    assert svg == run_orgkb("chart", str(saved), "--format", "svg")[1]
    _, page = planner.download(EN["download_html"])
    assert page == run_orgkb("chart", str(saved), "--format", "html")[1]
    _, comparison = planner.download(EN["download_comparison"])
    options = [line.split(",")[0] for line in comparison.splitlines()[1:]]
    assert options == [
        option["option"]
        for option in json.loads(run_orgkb("compare", str(saved), "--format", "json")[1])["options"]
    ]
    assert planner.problems == []
    planner.close()


def test_a_bad_profile_gets_the_command_line_s_message_beside_it(
    chromium: Any, runtime_url: str
) -> None:
    planner = Planner(chromium, runtime_url + PAGE, urlsplit(runtime_url).netloc)
    broken = (EXAMPLES / "broken" / "comma.json").read_text("utf-8")
    planner.profile().fill(broken)
    planner.recommend()
    error = planner.part("profile-error")
    assert (
        error.inner_text() == "orgkb: profile.json:5: malformed JSON: a comma after the last item"
    )
    assert planner.profile().get_attribute("aria-invalid") == "true"
    assert "orgkb-profile-error" in (planner.profile().get_attribute("aria-describedby") or "")
    assert planner.part("results").is_hidden()
    planner.close()


def test_a_lead_csv_is_dispatched_with_its_summary(chromium: Any, runtime_url: str) -> None:
    planner = Planner(chromium, runtime_url + PAGE, urlsplit(runtime_url).netloc)
    profile = EXAMPLES / "dispatch" / "wuhan-three.yaml"
    leads = EXAMPLES / "dispatch" / "wuhan-leads.csv"
    planner.profile().fill(profile.read_text("utf-8"))
    planner.page.get_by_label(EN["leads_open"]).set_input_files(str(leads))
    planner.part("dispatch").wait_for()
    status, out, err = run_orgkb("allocate", str(profile), str(leads), "--summary")
    assert status == 0
    assert planner.part("summary").inner_text() == err.rstrip("\n")
    name, text = planner.download(EN["download_leads"])
    assert (name, text) == ("wuhan-leads-dispatched.csv", out)
    assert planner.problems == []
    planner.close()


def test_the_planner_works_by_keyboard_on_a_phone_and_is_accessible(
    chromium: Any, runtime_url: str
) -> None:
    planner = Planner(chromium, runtime_url + PAGE, urlsplit(runtime_url).netloc, viewport=PHONE)
    page = planner.page
    # From the last cell of the table: Tab reaches Remove, Add, the profile, and on to Recommend.
    page.get_by_label(f"{EN['inquiries_per_month']}, {EN['row'].format(n=3)}").focus()
    focused = []
    for _ in range(12):
        page.keyboard.press("Tab")
        focused.append(
            page.evaluate("document.activeElement.id || document.activeElement.textContent")
        )
        if focused[-1] == EN["recommend"]:
            break
    assert focused[-1] == EN["recommend"], focused
    assert EN["add"] in focused and "orgkb-profile" in focused
    page.keyboard.press("Enter")
    planner.part("results").wait_for()
    # Add, by keyboard, puts the focus in the new row's first cell.
    page.get_by_role("button", name=EN["add"]).focus()
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.getAttribute('aria-label')") == (
        f"{EN['name']}, {EN['row'].format(n=4)}"
    )
    # Nothing is wider than the phone but the table and the chart, each in its own scroller.
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0
    # The theme's "back to top" button, shown once the page has scrolled, sits outside every
    # landmark (axe's "region"); it is the theme's, on every page, and hidden at the top.
    page.evaluate("window.scrollTo(0, 0)")
    page.wait_for_function(
        "!document.documentElement.classList.contains('show-back-to-top')"
        " && !document.body.classList.contains('show-back-to-top')"
    )
    results = axe_module.Axe().run(page, options={"resultTypes": ["violations"]})
    violations = [
        f"{violation['id']}: {[node['target'] for node in violation['nodes'][:3]]}"
        for violation in results.response["violations"]
    ]
    assert violations == []
    assert planner.problems == []
    planner.close()


def test_the_chinese_edition_speaks_chinese_and_draws_its_chart_in_chinese(
    chromium: Any, runtime_url: str
) -> None:
    planner = Planner(chromium, runtime_url + "zh_CN/" + PAGE, urlsplit(runtime_url).netloc)
    page = planner.page
    assert page.get_by_label(ZH["profile"], exact=True).count() == 1
    assert page.get_by_role("button", name=ZH["add"]).count() == 1
    planner.recommend()
    assert planner.part("scenario").inner_text() == "一个片区，多家分公司"
    chart = planner.part("chart").inner_text()
    assert "集团" in chart and "分公司" in chart and "销售" in chart
    # Each rule with its Chinese title.
    titles = [wording(rule(rule_id), "zh_CN").title for rule_id in ONE_REGION_RULES]
    assert planner.part("rules").inner_text().count(" — ") == len(titles)
    assert all(title in planner.part("rules").inner_text() for title in titles)
    # The one runtime, at the site's root.
    runtime = {
        urlsplit(url).path.rsplit("/", 1)[0] for url in planner.requests if "_runtime" in url
    }
    assert runtime == {"/_runtime"}
    planner.profile().fill("公司: 嘉园\n分公司:\n  - {名称: 汉口}\n")
    planner.recommend()
    assert planner.part("profile-error").inner_text() == (
        "orgkb: profile.yaml:3: 分公司[0].城市: 缺少这一项"
    )
    assert planner.problems == []
    planner.close()
