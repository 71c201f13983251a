"""Show a plan as text: a tree for a terminal, a page or a plain-text email."""

from __future__ import annotations

from collections.abc import Iterator

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
    lines = [heading]
    for top in plan.children(None):
        lines.append(_describe(top))
        lines.extend(_branches_of(plan, top, ""))
    lines += ["", "Rules applied:", *(f"- {rule_id}" for rule_id in plan.rules)]
    return "\n".join(lines)


def _describe(unit: Unit) -> str:
    functions = ", ".join(function.label for function in unit.functions) or "(manages only)"
    return f"{unit.name} [{unit.level}] {functions}"


def _branches_of(plan: Plan, unit: Unit, indent: str) -> Iterator[str]:
    children = plan.children(unit.id)
    for position, child in enumerate(children, start=1):
        last = position == len(children)
        yield f"{indent}{'└── ' if last else '├── '}{_describe(child)}"
        yield from _branches_of(plan, child, indent + ("    " if last else "│   "))
