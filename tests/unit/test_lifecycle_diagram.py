"""docs/lifecycle.md shows the state machines of orders and of order items as
app/domain/lifecycle.py has them: the diagrams and tables between its markers are drawn here
from TRANSITIONS and ITEM_TRANSITIONS, so they cannot drift from the code.

After a change of the tables: ORDERS_DRAW_LIFECYCLE=1 .venv/bin/python -m pytest
tests/unit/test_lifecycle_diagram.py redraws them (then review the diff)."""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from enum import StrEnum
from typing import TypeVar

from app.domain.lifecycle import (
    BY,
    FINAL,
    INITIAL,
    ITEM_INITIAL,
    ITEM_OPEN,
    ITEM_TRANSITIONS,
    TRANSITIONS,
    Action,
)
from generated.models import OrderItemStatus, OrderStatus
from tests.helpers import ROOT

PAGE = ROOT / "docs" / "lifecycle.md"
State = TypeVar("State", bound=StrEnum)
BEGIN = "<!-- drawn from app/domain/lifecycle.py by tests/unit/test_lifecycle_diagram.py -->"
END = "<!-- end of the drawing -->"


def diagram(
    title: str,
    table: Mapping[Action, Mapping[State, State]],
    start: State,
    created: str,
    final: Iterable[State],
) -> list[str]:
    lines = [f"### {title}", "", "```mermaid", "stateDiagram-v2", f"    [*] --> {start}: {created}"]
    for action, moves in table.items():
        for source, target in moves.items():
            lines.append(f"    {source} --> {target}: {action} ({BY[action]})")
    lines += [f"    {state} --> [*]" for state in final]
    lines += ["```", "", "| action | by | from | to |", "|---|---|---|---|"]
    for action, moves in table.items():
        targets = sorted({str(t) for t in moves.values()})
        sources = ", ".join(str(s) for s in moves)
        lines.append(f"| {action} | {BY[action]} | {sources} | {', '.join(targets)} |")
    return lines


def drawing() -> str:
    order_final = [s for s in OrderStatus if s in FINAL]
    item_final = [s for s in OrderItemStatus if s not in ITEM_OPEN]
    lines = [
        BEGIN,
        *diagram("Orders", TRANSITIONS, INITIAL, "create (buyer)", order_final),
        "",
        *diagram("Order items", ITEM_TRANSITIONS, ITEM_INITIAL, "create (buyer)", item_final),
        END,
    ]
    return "\n".join(lines)


def test_the_page_shows_the_state_machines_of_the_code() -> None:
    text = PAGE.read_text()
    assert text.count(BEGIN) == 1 and text.count(END) == 1, f"{PAGE} lost its markers"
    before, rest = text.split(BEGIN)
    drawn, after = rest.split(END)
    expected = drawing()
    if os.environ.get("ORDERS_DRAW_LIFECYCLE") == "1":
        PAGE.write_text(before + expected + after)
        return
    assert BEGIN + drawn + END == expected, (
        f"{PAGE} differs from app/domain/lifecycle.py; redraw it: "
        "ORDERS_DRAW_LIFECYCLE=1 .venv/bin/python -m pytest tests/unit/test_lifecycle_diagram.py"
    )


def test_every_state_and_action_is_drawn() -> None:
    drawn = drawing()
    for state in [*OrderStatus, *OrderItemStatus]:
        assert f" {state} " in drawn or f" {state}\n" in drawn, state
    for action in Action:
        assert f": {action} (" in drawn, action
