from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.existing_uni_reference_object_type import ExistingUniReferenceObjectType
from ..types import UNSET, Unset

T = TypeVar("T", bound="ExistingUniReference")


@_attrs_define
class ExistingUniReference:
    """
    Attributes:
        object_type (ExistingUniReferenceObjectType):
        seller_uni_id (str):
        buyer_uni_id (str | Unset):
    """

    object_type: ExistingUniReferenceObjectType
    seller_uni_id: str
    buyer_uni_id: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        object_type = self.object_type.value

        seller_uni_id = self.seller_uni_id

        buyer_uni_id = self.buyer_uni_id

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "objectType": object_type,
                "sellerUniId": seller_uni_id,
            }
        )
        if buyer_uni_id is not UNSET:
            field_dict["buyerUniId"] = buyer_uni_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        object_type = ExistingUniReferenceObjectType(d.pop("objectType"))

        seller_uni_id = d.pop("sellerUniId")

        buyer_uni_id = d.pop("buyerUniId", UNSET)

        existing_uni_reference = cls(
            object_type=object_type,
            seller_uni_id=seller_uni_id,
            buyer_uni_id=buyer_uni_id,
        )

        return existing_uni_reference
