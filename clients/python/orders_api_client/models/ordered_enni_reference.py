from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.ordered_enni_reference_object_type import OrderedEnniReferenceObjectType

T = TypeVar("T", bound="OrderedEnniReference")


@_attrs_define
class OrderedEnniReference:
    """
    Attributes:
        object_type (OrderedEnniReferenceObjectType):
        order_item_reference (str): The order item of this order that installs the ENNI.
    """

    object_type: OrderedEnniReferenceObjectType
    order_item_reference: str

    def to_dict(self) -> dict[str, Any]:
        object_type = self.object_type.value

        order_item_reference = self.order_item_reference

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "objectType": object_type,
                "orderItemReference": order_item_reference,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        object_type = OrderedEnniReferenceObjectType(d.pop("objectType"))

        order_item_reference = d.pop("orderItemReference")

        ordered_enni_reference = cls(
            object_type=object_type,
            order_item_reference=order_item_reference,
        )

        return ordered_enni_reference
