"""The order state machine (diagram in docs/lifecycle.md).

Buyer actions (hold, release, cancel) are the operations of the Order API; the seller's own
moves (accept, reject, complete, fail) are listed so that every state has a way in and out.
"""

from __future__ import annotations

from enum import StrEnum

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
}

# Orders the seller accepts on receipt start here (the seed's create response says IN_PROGRESS).
INITIAL = Status.IN_PROGRESS

FINAL = frozenset({Status.CANCELLED, Status.REJECTED, Status.COMPLETED, Status.FAILED})


class TransitionError(Exception):
    def __init__(self, action: Action, current: Status) -> None:
        allowed = ", ".join(sorted(TRANSITIONS[action]))
        super().__init__(
            f"cannot {action} an order that is {current}; {action} is allowed from {allowed}"
        )
        self.action = action
        self.current = current


def next_status(action: Action, current: Status) -> Status:
    try:
        return TRANSITIONS[action][current]
    except KeyError:
        raise TransitionError(action, current) from None
