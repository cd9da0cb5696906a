"""Order items as the seller holds them: each with its state, the history of its states and
its milestones, kept in the order document beside the buyer's fields of the item."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import Any

from app.domain.errors import FieldError, NotFound
from app.domain.lifecycle import ITEM_INITIAL, ITEM_STATE_OF_ORDER, Action, next_item_state
from app.domain.time import shown
from generated.models import OrderItemStatus as ItemState
from generated.models import OrderStatus

# The fields of an order item the seller keeps; the rest is the buyer's.
SELLER_ITEM_FIELDS = ("state", "stateChanges", "milestones")


def buyer_item(item: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in item.items() if k not in SELLER_ITEM_FIELDS}


def state_of(order: dict[str, Any], item: dict[str, Any]) -> ItemState:
    """The item's state; an item recorded before items had states is in its order's."""
    if "state" in item:
        return ItemState(item["state"])
    return ITEM_STATE_OF_ORDER[OrderStatus(order["orderStatus"])]


def started(item: dict[str, Any], state: ItemState, at: datetime) -> dict[str, Any]:
    """A new item of the order, in ``state``, with that as its first state change."""
    return {
        **buyer_item(item),
        "state": state.value,
        "stateChanges": [{"changeDate": shown(at), "toState": state.value}],
        "milestones": [],
    }


def carried(
    current: dict[str, Any], items: Iterable[dict[str, Any]], at: datetime
) -> list[dict[str, Any]]:
    """The buyer's new ``items`` of the order ``current``: an item it had before (by reference)
    keeps its state, history and milestones; a new one starts as the order's open items are."""
    before = {item["orderItemReference"]: item for item in current.get("orderItems", [])}
    status = OrderStatus(current["orderStatus"])
    opening = ItemState.HELD if status is OrderStatus.HELD else ITEM_INITIAL
    kept = []
    for item in items:
        old = before.get(item["orderItemReference"])
        if old is None:
            kept.append(started(item, opening, at))
        else:
            state = state_of(current, old)
            history = old.get("stateChanges") or [{"changeDate": shown(at), "toState": state.value}]
            kept.append(
                {
                    **buyer_item(item),
                    "state": state.value,
                    "stateChanges": history,
                    "milestones": old.get("milestones", []),
                }
            )
    return kept


def find(order: dict[str, Any], reference: str) -> int:
    """The index of the order's item ``reference``; NotFound naming it when there is none."""
    for index, item in enumerate(order["orderItems"]):
        if item["orderItemReference"] == reference:
            return index
    detail = (
        f"orderItemReference {reference!r}: order {order['id']} has no such item "
        f"(its items: {', '.join(repr(i['orderItemReference']) for i in order['orderItems'])})"
    )
    named = FieldError(
        f"order {order['id']} has no item {reference!r}", parameter="orderItemReference"
    )
    raise NotFound(detail, [named])


def moved(
    order: dict[str, Any],
    item: dict[str, Any],
    action: Action,
    at: datetime,
    reason: str | None = None,
) -> tuple[dict[str, Any], dict[str, Any]]:
    """The item after ``action`` (TransitionError when its state does not allow it), and the
    state change recorded, which the notification repeats with the item's reference."""
    before = state_of(order, item)
    after = next_item_state(action, before)
    change: dict[str, Any] = {
        "changeDate": shown(at),
        "fromState": before.value,
        "toState": after.value,
    }
    if reason is not None:
        change["changeReason"] = reason
    history = item.get("stateChanges") or [{"changeDate": shown(at), "toState": before.value}]
    updated = {**item, "state": after.value, "stateChanges": [*history, change]}
    updated.setdefault("milestones", [])
    return updated, {"orderItemReference": item["orderItemReference"], **change}


def with_milestone(item: dict[str, Any], milestone: dict[str, Any], at: datetime) -> dict[str, Any]:
    recorded = {**milestone, "recordedAt": shown(at)}
    return {**item, "milestones": [*item.get("milestones", []), recorded]}
