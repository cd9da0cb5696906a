from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.id_assignment_object_type import IdAssignmentObjectType
from ..types import UNSET, Unset

T = TypeVar("T", bound="IdAssignment")


@_attrs_define
class IdAssignment:
    """
    Attributes:
        seller_assigned_id (str):
        object_type (IdAssignmentObjectType | Unset):
        buyer_assigned_id (str | Unset):
        order_item_reference (str | Unset):
    """

    seller_assigned_id: str
    object_type: IdAssignmentObjectType | Unset = UNSET
    buyer_assigned_id: str | Unset = UNSET
    order_item_reference: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        seller_assigned_id = self.seller_assigned_id

        object_type: str | Unset = UNSET
        if not isinstance(self.object_type, Unset):
            object_type = self.object_type.value

        buyer_assigned_id = self.buyer_assigned_id

        order_item_reference = self.order_item_reference

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "sellerAssignedId": seller_assigned_id,
            }
        )
        if object_type is not UNSET:
            field_dict["objectType"] = object_type
        if buyer_assigned_id is not UNSET:
            field_dict["buyerAssignedId"] = buyer_assigned_id
        if order_item_reference is not UNSET:
            field_dict["orderItemReference"] = order_item_reference

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        seller_assigned_id = d.pop("sellerAssignedId")

        _object_type = d.pop("objectType", UNSET)
        object_type: IdAssignmentObjectType | Unset
        if isinstance(_object_type, Unset):
            object_type = UNSET
        else:
            object_type = IdAssignmentObjectType(_object_type)

        buyer_assigned_id = d.pop("buyerAssignedId", UNSET)

        order_item_reference = d.pop("orderItemReference", UNSET)

        id_assignment = cls(
            seller_assigned_id=seller_assigned_id,
            object_type=object_type,
            buyer_assigned_id=buyer_assigned_id,
            order_item_reference=order_item_reference,
        )

        return id_assignment
