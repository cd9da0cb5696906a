from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.order_item_status import OrderItemStatus
from ..types import UNSET, Unset

T = TypeVar("T", bound="OrderItemStateNotice")


@_attrs_define
class OrderItemStateNotice:
    """
    Attributes:
        change_date (str): RFC 3339 date-time on a real calendar day of the years 0001 to 9999 (in 0001 and 9999 with
            the offset `Z` or `+00:00`); seconds may be omitted (`2016-10-01T13:20+01:00`); no leap second (`:60`). Example:
            2016-10-01T13:20+01:00.
        to_state (OrderItemStatus): The state of one order item. IN_PROGRESS: being worked. HELD: its order is held.
            CANCELLED: its order was cancelled while it was open. COMPLETED: delivered (the circuit
            is live). FAILED: could not be delivered.
        order_item_reference (str):
        from_state (OrderItemStatus | Unset): The state of one order item. IN_PROGRESS: being worked. HELD: its order is
            held.
            CANCELLED: its order was cancelled while it was open. COMPLETED: delivered (the circuit
            is live). FAILED: could not be delivered.
        change_reason (str | Unset):
    """

    change_date: str
    to_state: OrderItemStatus
    order_item_reference: str
    from_state: OrderItemStatus | Unset = UNSET
    change_reason: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        change_date = self.change_date

        to_state = self.to_state.value

        order_item_reference = self.order_item_reference

        from_state: str | Unset = UNSET
        if not isinstance(self.from_state, Unset):
            from_state = self.from_state.value

        change_reason = self.change_reason

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "changeDate": change_date,
                "toState": to_state,
                "orderItemReference": order_item_reference,
            }
        )
        if from_state is not UNSET:
            field_dict["fromState"] = from_state
        if change_reason is not UNSET:
            field_dict["changeReason"] = change_reason

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        change_date = d.pop("changeDate")

        to_state = OrderItemStatus(d.pop("toState"))

        order_item_reference = d.pop("orderItemReference")

        _from_state = d.pop("fromState", UNSET)
        from_state: OrderItemStatus | Unset
        if isinstance(_from_state, Unset):
            from_state = UNSET
        else:
            from_state = OrderItemStatus(_from_state)

        change_reason = d.pop("changeReason", UNSET)

        order_item_state_notice = cls(
            change_date=change_date,
            to_state=to_state,
            order_item_reference=order_item_reference,
            from_state=from_state,
            change_reason=change_reason,
        )

        return order_item_state_notice
