"""The state machines of orders and of their items (diagram in docs/lifecycle.md, drawn from
these tables by tests/unit/test_lifecycle_diagram.py).

The buyer holds, releases and cancels an order; those act on the order and on its items still
open. The seller completes or fails items (one, or every open one at once); when the last open
item ends, the order ends by what its items became: COMPLETED, FAILED or PARTIAL.
"""

from __future__ import annotations

from collections.abc import Iterable
from enum import StrEnum

from generated.models import OrderItemStatus as ItemState
from generated.models import OrderStatus as Status


class Action(StrEnum):
    HOLD = "hold"
    RELEASE = "release"
    CANCEL = "cancel"
    # Seller-side moves.
    ACCEPT = "accept"
    REJECT = "reject"
    COMPLETE = "complete"
    FAIL = "fail"
    # An order whose items ended differently (some completed, some failed).
    COMPLETE_PARTIALLY = "complete partially"


TRANSITIONS: dict[Action, dict[Status, Status]] = {
    Action.HOLD: {Status.IN_PROGRESS: Status.HELD},
    Action.RELEASE: {Status.HELD: Status.IN_PROGRESS},
    Action.CANCEL: {
        Status.ACKNOWLEDGED: Status.CANCELLED,
        Status.IN_PROGRESS: Status.CANCELLED,
        Status.HELD: Status.CANCELLED,
    },
    Action.ACCEPT: {Status.ACKNOWLEDGED: Status.IN_PROGRESS},
    Action.REJECT: {Status.ACKNOWLEDGED: Status.REJECTED},
    Action.COMPLETE: {Status.IN_PROGRESS: Status.COMPLETED},
    Action.FAIL: {Status.IN_PROGRESS: Status.FAILED},
    Action.COMPLETE_PARTIALLY: {Status.IN_PROGRESS: Status.PARTIAL},
}

ITEM_TRANSITIONS: dict[Action, dict[ItemState, ItemState]] = {
    Action.HOLD: {ItemState.IN_PROGRESS: ItemState.HELD},
    Action.RELEASE: {ItemState.HELD: ItemState.IN_PROGRESS},
    Action.CANCEL: {
        ItemState.IN_PROGRESS: ItemState.CANCELLED,
        ItemState.HELD: ItemState.CANCELLED,
    },
    Action.COMPLETE: {ItemState.IN_PROGRESS: ItemState.COMPLETED},
    Action.FAIL: {ItemState.IN_PROGRESS: ItemState.FAILED},
}

# Who takes each action, and how (for the diagram and the docs).
BY: dict[Action, str] = {
    Action.HOLD: "buyer",
    Action.RELEASE: "buyer",
    Action.CANCEL: "buyer",
    Action.ACCEPT: "seller",
    Action.REJECT: "seller",
    Action.COMPLETE: "seller",
    Action.FAIL: "seller",
    Action.COMPLETE_PARTIALLY: "seller",
}

# Orders the seller accepts on receipt start here (the seed's create response says IN_PROGRESS).
INITIAL = Status.IN_PROGRESS
ITEM_INITIAL = ItemState.IN_PROGRESS

FINAL = frozenset(
    {Status.CANCELLED, Status.REJECTED, Status.COMPLETED, Status.FAILED, Status.PARTIAL}
)
# Items in these states are still to be worked; the buyer's hold, release, cancel act on them.
ITEM_OPEN = frozenset({ItemState.IN_PROGRESS, ItemState.HELD})

# The state of an item recorded before items had states: its order's.
ITEM_STATE_OF_ORDER: dict[Status, ItemState] = {
    Status.ACKNOWLEDGED: ItemState.IN_PROGRESS,
    Status.IN_PROGRESS: ItemState.IN_PROGRESS,
    Status.HELD: ItemState.HELD,
    Status.CANCELLED: ItemState.CANCELLED,
    Status.REJECTED: ItemState.FAILED,
    Status.COMPLETED: ItemState.COMPLETED,
    Status.FAILED: ItemState.FAILED,
    Status.PARTIAL: ItemState.COMPLETED,
}


class TransitionError(Exception):
    def __init__(self, action: Action, current: str, allowed: Iterable[str], what: str) -> None:
        listed = ", ".join(sorted(allowed))
        super().__init__(
            f"cannot {action} {what} that is {current}; {action} is allowed from {listed}"
        )
        self.action = action
        self.current = current


def next_status(action: Action, current: Status) -> Status:
    try:
        return TRANSITIONS[action][current]
    except KeyError:
        raise TransitionError(action, current, TRANSITIONS[action], "an order") from None


def next_item_state(action: Action, current: ItemState) -> ItemState:
    try:
        return ITEM_TRANSITIONS[action][current]
    except KeyError:
        raise TransitionError(action, current, ITEM_TRANSITIONS[action], "an item") from None


def ending(states: Iterable[ItemState]) -> Action | None:
    """How an order in progress ends once its items are as ``states``: None while one is open."""
    states = set(states)
    if states & ITEM_OPEN:
        return None
    if states == {ItemState.COMPLETED}:
        return Action.COMPLETE
    if states == {ItemState.FAILED}:
        return Action.FAIL
    return Action.COMPLETE_PARTIALLY
