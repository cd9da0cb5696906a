from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

from ..models.held_order_item_object_type import HeldOrderItemObjectType
from ..models.item_action import ItemAction
from ..models.order_item_status import OrderItemStatus
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.access_epl_product_order import AccessEplProductOrder
    from ..models.milestone import Milestone
    from ..models.order_item_state_change import OrderItemStateChange
    from ..models.uni_product_order import UniProductOrder


T = TypeVar("T", bound="HeldOrderItem")


@_attrs_define
class HeldOrderItem:
    """An order item as the seller holds it: the buyer's item, the ids the seller assigned
    written into its `orderItemDetail`, and its state, state changes and milestones.
    `state` is missing only in revisions recorded before items had states.

        Attributes:
            order_item_reference (str): Unique within the order; other items refer to it.
            action (ItemAction):
            order_item_detail (AccessEplProductOrder | UniProductOrder): The product ordered by an item, discriminated by
                `objectType`.
            object_type (HeldOrderItemObjectType | Unset):
            quantity (int | Unset):  Default: 1.
            state (OrderItemStatus | Unset): The state of one order item. IN_PROGRESS: being worked. HELD: its order is
                held.
                CANCELLED: its order was cancelled while it was open. COMPLETED: delivered (the circuit
                is live). FAILED: could not be delivered.
            state_changes (list[OrderItemStateChange] | Unset): Every state the item entered, oldest first (the first has no
                `fromState`).
            milestones (list[Milestone] | Unset): The milestones the seller recorded, in the order recorded.
    """

    order_item_reference: str
    action: ItemAction
    order_item_detail: AccessEplProductOrder | UniProductOrder
    object_type: HeldOrderItemObjectType | Unset = UNSET
    quantity: int | Unset = 1
    state: OrderItemStatus | Unset = UNSET
    state_changes: list[OrderItemStateChange] | Unset = UNSET
    milestones: list[Milestone] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.access_epl_product_order import AccessEplProductOrder  # noqa: PLC0415

        order_item_reference = self.order_item_reference

        action = self.action.value

        order_item_detail: dict[str, Any]
        if isinstance(self.order_item_detail, AccessEplProductOrder):
            order_item_detail = self.order_item_detail.to_dict()
        else:
            order_item_detail = self.order_item_detail.to_dict()

        object_type: str | Unset = UNSET
        if not isinstance(self.object_type, Unset):
            object_type = self.object_type.value

        quantity = self.quantity

        state: str | Unset = UNSET
        if not isinstance(self.state, Unset):
            state = self.state.value

        state_changes: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.state_changes, Unset):
            state_changes = []
            for state_changes_item_data in self.state_changes:
                state_changes_item = state_changes_item_data.to_dict()
                state_changes.append(state_changes_item)

        milestones: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.milestones, Unset):
            milestones = []
            for milestones_item_data in self.milestones:
                milestones_item = milestones_item_data.to_dict()
                milestones.append(milestones_item)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "orderItemReference": order_item_reference,
                "action": action,
                "orderItemDetail": order_item_detail,
            }
        )
        if object_type is not UNSET:
            field_dict["objectType"] = object_type
        if quantity is not UNSET:
            field_dict["quantity"] = quantity
        if state is not UNSET:
            field_dict["state"] = state
        if state_changes is not UNSET:
            field_dict["stateChanges"] = state_changes
        if milestones is not UNSET:
            field_dict["milestones"] = milestones

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.access_epl_product_order import AccessEplProductOrder  # noqa: PLC0415
        from ..models.milestone import Milestone  # noqa: PLC0415
        from ..models.order_item_state_change import OrderItemStateChange  # noqa: PLC0415
        from ..models.uni_product_order import UniProductOrder  # noqa: PLC0415

        d = dict(src_dict)
        order_item_reference = d.pop("orderItemReference")

        action = ItemAction(d.pop("action"))

        def _parse_order_item_detail(data: object) -> AccessEplProductOrder | UniProductOrder:
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemasorder_item_detail_type_0 = AccessEplProductOrder.from_dict(data)

                return componentsschemasorder_item_detail_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, dict):
                raise TypeError()
            componentsschemasorder_item_detail_type_1 = UniProductOrder.from_dict(data)

            return componentsschemasorder_item_detail_type_1

        order_item_detail = _parse_order_item_detail(d.pop("orderItemDetail"))

        _object_type = d.pop("objectType", UNSET)
        object_type: HeldOrderItemObjectType | Unset
        if isinstance(_object_type, Unset):
            object_type = UNSET
        else:
            object_type = HeldOrderItemObjectType(_object_type)

        quantity = d.pop("quantity", UNSET)

        _state = d.pop("state", UNSET)
        state: OrderItemStatus | Unset
        if isinstance(_state, Unset):
            state = UNSET
        else:
            state = OrderItemStatus(_state)

        _state_changes = d.pop("stateChanges", UNSET)
        state_changes: list[OrderItemStateChange] | Unset = UNSET
        if _state_changes is not UNSET:
            state_changes = []
            for state_changes_item_data in _state_changes:
                state_changes_item = OrderItemStateChange.from_dict(state_changes_item_data)

                state_changes.append(state_changes_item)

        _milestones = d.pop("milestones", UNSET)
        milestones: list[Milestone] | Unset = UNSET
        if _milestones is not UNSET:
            milestones = []
            for milestones_item_data in _milestones:
                milestones_item = Milestone.from_dict(milestones_item_data)

                milestones.append(milestones_item)

        held_order_item = cls(
            order_item_reference=order_item_reference,
            action=action,
            order_item_detail=order_item_detail,
            object_type=object_type,
            quantity=quantity,
            state=state,
            state_changes=state_changes,
            milestones=milestones,
        )

        return held_order_item
