"""The transition chart: before and after in one tree, each function marked where it moves."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

import pytest

from orgkb.chart import (
    View,
    chart,
    chart_as_dot,
    chart_as_html,
    chart_as_mermaid,
    chart_as_text,
    move_labels,
    transition_chart,
)
from orgkb.model import Branch, Company, Function, Option
from orgkb.plan import Governance
from orgkb.profile import load_company
from tests.helpers import EXAMPLES, run_orgkb
from tests.sphinxproject import DIRECTIVES, build

TODAY = EXAMPLES / "transition" / "huaxia-today.yaml"
DUO = Company("Duo", (Branch("A", "Wuhan"), Branch("B", "Wuhan")))


def test_every_unit_of_before_and_after_is_drawn_once_with_every_function() -> None:
    company = load_company(TODAY)
    drawn = transition_chart(company)
    move = drawn.move
    assert move is not None and drawn.view is View.TRANSITION
    ids = [unit.id for unit in drawn.plan.units]
    assert len(ids) == len(set(ids))
    for unit in drawn.plan.units:
        for function in (
            *move.before.plan.unit(unit.id).functions,
            *move.after.plan.unit(unit.id).functions,
        ):
            assert function in unit.functions


def test_moved_functions_are_marked_with_their_phase() -> None:
    drawn = transition_chart(load_company(TODAY))
    labels = {unit.id: move_labels(drawn, unit) for unit in drawn.plan.units}
    assert "customer service 客服 (from phase 4)" in labels["group"]
    assert "promotion 推广 (from phase 2)" in labels["group"]
    assert "coordination 统筹 (until phase 5)" in labels["group"]
    assert "customer service 客服 (until phase 1)" in labels["branch:Xuhui"]
    # East China's queue exists only on the way.
    assert "customer service 客服 (phases 1 to 4 only)" in labels["region:East China"]
    assert "customer service 客服 (until phase 4)" in labels["region:South China"]
    assert "sales 销售" in labels["branch:Xuhui"]


def test_every_format_draws_the_move() -> None:
    drawn = transition_chart(load_company(TODAY))
    text = chart_as_text(drawn)
    assert (
        text.splitlines()[0] == "Huaxia Home: the move from today to centralized (several regions)"
    )
    assert "Xuhui [branch] customer service 客服 (until phase 1), sales 销售" in text
    assert "customer service 客服 (from phase 4)" in chart_as_mermaid(drawn)
    assert "customer service 客服 (from phase 4)" in chart_as_dot(drawn)

    class Spans(HTMLParser):
        def __init__(self) -> None:
            super().__init__()
            self.moves: list[str] = []
            self.inside = False

        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            self.inside = "orgkb-moves" in (dict(attrs).get("class") or "")

        def handle_data(self, data: str) -> None:
            if self.inside:
                self.moves.append(data)
                self.inside = False

    spans = Spans()
    spans.feed(chart_as_html(drawn))
    assert "customer service 客服 (from phase 4)" in spans.moves
    assert "sales 销售" not in spans.moves


def test_the_view_follows_governance_or_the_target() -> None:
    company = load_company(TODAY)
    assert chart(company, View.TRANSITION).move.target is Option.CENTRALIZED  # type: ignore[union-attr]
    decentral = chart(company, View.TRANSITION, Governance.DECENTRALIZED)
    assert decentral.move is not None and decentral.move.target is Option.DECENTRALIZED
    assert chart(company, View.TRANSITION, to=Option.SEPARATE).move.target is Option.SEPARATE  # type: ignore[union-attr]
    # A profile without volumes still has its move drawn: the chart counts no one.
    assert "promotion 推广 (from phase 2)" in chart_as_text(transition_chart(DUO))


def test_the_chart_command_draws_the_transition_and_keeps_as_is() -> None:
    status, out, err = run_orgkb("chart", str(TODAY), "--view", "transition")
    assert (status, err) == (0, "")
    assert out == chart_as_text(transition_chart(load_company(TODAY))) + "\n"
    status, out, _ = run_orgkb(
        "chart", str(TODAY), "--view", "transition", "--to", "decentralized", "--format", "mermaid"
    )
    assert status == 0 and "decentralized" in out.splitlines()[1]
    as_is = run_orgkb("chart", str(TODAY), "--as-is")
    assert as_is == run_orgkb("chart", str(TODAY), "--view", "as-is")
    assert as_is[0] == 0


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (
            ("--as-is", "--view", "transition"),
            "orgkb: --as-is: --as-is draws the as-is view, not transition\n",
        ),
        (("--to", "unified"), "orgkb: --to: --to applies to --view transition\n"),
        (
            ("--view", "transition", "--to", "unified"),
            "orgkb: --to: 'unified' is not an option for a company that is multi-region; expected one of separate, decentralized, centralized\n",
        ),
    ],
)
def test_the_chart_command_refuses_what_it_cannot_draw(
    extra: tuple[str, ...], message: str
) -> None:
    assert run_orgkb("chart", str(TODAY), *extra) == (2, "", message)


def test_the_directive_draws_the_transition_as_a_list(tmp_path: Path) -> None:
    pages = {
        "index.md": "# Move\n\n```{orgchart} today.yaml\n:view: transition\n:to: centralized\n```\n",
        "today.yaml": TODAY.read_text(encoding="utf-8"),
    }
    built = build(tmp_path, pages, "text", extensions=DIRECTIVES)
    assert built.returncode == 0, built.log
    text = " ".join(built.read("index.txt").split())
    assert "**Huaxia Home: the move from today to centralized (several regions)**" in text
    assert "* **Xuhui** — branch 分公司: customer service 客服 (until phase 1), sales 销售" in text


def test_existing_views_do_not_change() -> None:
    # The transition view adds its own code path: the others draw what they drew.
    for view in (View.RECOMMENDED, View.AS_IS, View.SEPARATE):
        drawn = chart(DUO, view)
        assert drawn.move is None
        assert "phase" not in chart_as_text(drawn) + chart_as_html(drawn)
    assert Function.SALES.label in chart_as_text(chart(DUO))
