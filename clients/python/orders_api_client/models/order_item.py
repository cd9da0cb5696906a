from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

from ..models.item_action import ItemAction
from ..models.order_item_object_type import OrderItemObjectType
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.access_epl_product_order import AccessEplProductOrder
    from ..models.uni_product_order import UniProductOrder


T = TypeVar("T", bound="OrderItem")


@_attrs_define
class OrderItem:
    """
    Attributes:
        order_item_reference (str): Unique within the order; other items refer to it.
        action (ItemAction):
        order_item_detail (AccessEplProductOrder | UniProductOrder): The product ordered by an item, discriminated by
            `objectType`.
        object_type (OrderItemObjectType | Unset):
        quantity (int | Unset):  Default: 1.
    """

    order_item_reference: str
    action: ItemAction
    order_item_detail: AccessEplProductOrder | UniProductOrder
    object_type: OrderItemObjectType | Unset = UNSET
    quantity: int | Unset = 1

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

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.access_epl_product_order import AccessEplProductOrder  # noqa: PLC0415
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
        object_type: OrderItemObjectType | Unset
        if isinstance(_object_type, Unset):
            object_type = UNSET
        else:
            object_type = OrderItemObjectType(_object_type)

        quantity = d.pop("quantity", UNSET)

        order_item = cls(
            order_item_reference=order_item_reference,
            action=action,
            order_item_detail=order_item_detail,
            object_type=object_type,
            quantity=quantity,
        )

        return order_item
