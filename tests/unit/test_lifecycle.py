"""The state machine, exhaustively: every action from every state."""

from __future__ import annotations

import pytest

from app.domain.lifecycle import FINAL, INITIAL, Action, TransitionError, next_status
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
    assert {S.CANCELLED, S.REJECTED, S.COMPLETED, S.FAILED} == FINAL
    assert all(source not in FINAL for (_, source) in ALLOWED)


def test_a_new_order_can_still_be_cancelled() -> None:
    assert INITIAL is S.IN_PROGRESS
    assert next_status(Action.CANCEL, INITIAL) is S.CANCELLED
