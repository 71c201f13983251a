"""Show a plan as text: a tree for a terminal, a page or a plain-text email."""

from __future__ import annotations

from collections.abc import Callable, Iterator

from orgkb.plan import Plan, Unit


def plan_as_text(plan: Plan) -> str:
    """The plan as an indented tree, then the rules it applied.

    >>> from orgkb.model import Branch, Company
    >>> from orgkb.plan import recommend
    >>> print(plan_as_text(recommend(Company("Duo", (Branch("A", "Wuhan"),)))))
    Duo: no-branches
    Duo [group] promotion 推广, customer service 客服, sales 销售
    <BLANKLINE>
    Rules applied:
    - no-branches.one-head-over-three-departments
    """
    heading = f"{plan.company}: {plan.scenario}"
    if plan.governance is not None:
        heading += f", {plan.governance}"
    lines = [heading, *plan_tree(plan)]
    lines += ["", "Rules applied:", *(f"- {rule_id}" for rule_id in plan.rules)]
    return "\n".join(lines)


def plan_tree(plan: Plan, describe: Callable[[Unit], str] | None = None) -> list[str]:
    """The units of *plan* as an indented tree, one line each.

    *describe* gives a unit's line; by default its name, level and functions.
    """
    describe = describe or _describe
    lines = []
    for top in plan.children(None):
        lines.append(describe(top))
        lines.extend(_branches_of(plan, top, "", describe))
    return lines


def _describe(unit: Unit) -> str:
    functions = ", ".join(function.label for function in unit.functions) or "(manages only)"
    return f"{unit.name} [{unit.level}] {functions}"


def _branches_of(
    plan: Plan, unit: Unit, indent: str, describe: Callable[[Unit], str]
) -> Iterator[str]:
    children = plan.children(unit.id)
    for position, child in enumerate(children, start=1):
        last = position == len(children)
        yield f"{indent}{'└── ' if last else '├── '}{describe(child)}"
        yield from _branches_of(plan, child, indent + ("    " if last else "│   "), describe)
