from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.svlan_id_assignment_object_type import SvlanIdAssignmentObjectType
from ..types import UNSET, Unset

T = TypeVar("T", bound="SvlanIdAssignment")


@_attrs_define
class SvlanIdAssignment:
    """
    Attributes:
        svlan_id (int):
        object_type (SvlanIdAssignmentObjectType | Unset):
        seller_enni_id (str | Unset):
        seller_uni_id (str | Unset):
    """

    svlan_id: int
    object_type: SvlanIdAssignmentObjectType | Unset = UNSET
    seller_enni_id: str | Unset = UNSET
    seller_uni_id: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        svlan_id = self.svlan_id

        object_type: str | Unset = UNSET
        if not isinstance(self.object_type, Unset):
            object_type = self.object_type.value

        seller_enni_id = self.seller_enni_id

        seller_uni_id = self.seller_uni_id

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "svlanId": svlan_id,
            }
        )
        if object_type is not UNSET:
            field_dict["objectType"] = object_type
        if seller_enni_id is not UNSET:
            field_dict["sellerEnniId"] = seller_enni_id
        if seller_uni_id is not UNSET:
            field_dict["sellerUniId"] = seller_uni_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        svlan_id = d.pop("svlanId")

        _object_type = d.pop("objectType", UNSET)
        object_type: SvlanIdAssignmentObjectType | Unset
        if isinstance(_object_type, Unset):
            object_type = UNSET
        else:
            object_type = SvlanIdAssignmentObjectType(_object_type)

        seller_enni_id = d.pop("sellerEnniId", UNSET)

        seller_uni_id = d.pop("sellerUniId", UNSET)

        svlan_id_assignment = cls(
            svlan_id=svlan_id,
            object_type=object_type,
            seller_enni_id=seller_enni_id,
            seller_uni_id=seller_uni_id,
        )

        return svlan_id_assignment
