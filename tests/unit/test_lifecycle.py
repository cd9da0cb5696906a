"""The state machine, exhaustively: every action from every state."""

from __future__ import annotations

import pytest

from app.domain.lifecycle import (
    FINAL,
    INITIAL,
    ITEM_INITIAL,
    ITEM_OPEN,
    Action,
    TransitionError,
    ending,
    next_item_state,
    next_status,
)
from generated.models import OrderItemStatus as I
from generated.models import OrderStatus as S

ALLOWED = {
    (Action.HOLD, S.IN_PROGRESS): S.HELD,
    (Action.RELEASE, S.HELD): S.IN_PROGRESS,
    (Action.CANCEL, S.ACKNOWLEDGED): S.CANCELLED,
    (Action.CANCEL, S.IN_PROGRESS): S.CANCELLED,
    (Action.CANCEL, S.HELD): S.CANCELLED,
    (Action.ACCEPT, S.ACKNOWLEDGED): S.IN_PROGRESS,
    (Action.REJECT, S.ACKNOWLEDGED): S.REJECTED,
    (Action.COMPLETE, S.IN_PROGRESS): S.COMPLETED,
    (Action.FAIL, S.IN_PROGRESS): S.FAILED,
    (Action.COMPLETE_PARTIALLY, S.IN_PROGRESS): S.PARTIAL,
}
ITEM_ALLOWED = {
    (Action.HOLD, I.IN_PROGRESS): I.HELD,
    (Action.RELEASE, I.HELD): I.IN_PROGRESS,
    (Action.CANCEL, I.IN_PROGRESS): I.CANCELLED,
    (Action.CANCEL, I.HELD): I.CANCELLED,
    (Action.COMPLETE, I.IN_PROGRESS): I.COMPLETED,
    (Action.FAIL, I.IN_PROGRESS): I.FAILED,
}


@pytest.mark.parametrize("action", list(Action))
@pytest.mark.parametrize("state", list(S))
def test_every_action_from_every_state(action: Action, state: S) -> None:
    expected = ALLOWED.get((action, state))
    if expected is not None:
        assert next_status(action, state) is expected
        return
    with pytest.raises(TransitionError) as raised:
        next_status(action, state)
    assert f"that is {state}" in str(raised.value)


def test_final_states_have_no_way_out() -> None:
    assert {S.CANCELLED, S.REJECTED, S.COMPLETED, S.FAILED, S.PARTIAL} == FINAL
    assert all(source not in FINAL for (_, source) in ALLOWED)


def test_a_new_order_can_still_be_cancelled() -> None:
    assert INITIAL is S.IN_PROGRESS
    assert next_status(Action.CANCEL, INITIAL) is S.CANCELLED


@pytest.mark.parametrize("action", [a for a in Action if a in {a for a, _ in ITEM_ALLOWED}])
@pytest.mark.parametrize("state", list(I))
def test_every_item_move_from_every_item_state(action: Action, state: I) -> None:
    expected = ITEM_ALLOWED.get((action, state))
    if expected is not None:
        assert next_item_state(action, state) is expected
        return
    with pytest.raises(TransitionError) as raised:
        next_item_state(action, state)
    assert f"an item that is {state}" in str(raised.value)


def test_items_start_open_and_their_final_states_have_no_way_out() -> None:
    assert ITEM_INITIAL in ITEM_OPEN
    assert all(source in ITEM_OPEN for (_, source) in ITEM_ALLOWED)


@pytest.mark.parametrize(
    ("states", "end"),
    [
        ([I.COMPLETED, I.COMPLETED], Action.COMPLETE),
        ([I.FAILED], Action.FAIL),
        ([I.COMPLETED, I.FAILED], Action.COMPLETE_PARTIALLY),
        ([I.COMPLETED, I.IN_PROGRESS], None),
        ([I.FAILED, I.HELD], None),
    ],
)
def test_an_order_ends_by_what_its_items_became(states: list[I], end: Action | None) -> None:
    assert ending(states) is end
