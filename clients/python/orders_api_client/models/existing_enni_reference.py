from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.existing_enni_reference_object_type import ExistingEnniReferenceObjectType
from ..types import UNSET, Unset

T = TypeVar("T", bound="ExistingEnniReference")


@_attrs_define
class ExistingEnniReference:
    """
    Attributes:
        object_type (ExistingEnniReferenceObjectType):
        seller_enni_id (str):
        buyer_enni_id (str | Unset):
    """

    object_type: ExistingEnniReferenceObjectType
    seller_enni_id: str
    buyer_enni_id: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        object_type = self.object_type.value

        seller_enni_id = self.seller_enni_id

        buyer_enni_id = self.buyer_enni_id

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "objectType": object_type,
                "sellerEnniId": seller_enni_id,
            }
        )
        if buyer_enni_id is not UNSET:
            field_dict["buyerEnniId"] = buyer_enni_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        object_type = ExistingEnniReferenceObjectType(d.pop("objectType"))

        seller_enni_id = d.pop("sellerEnniId")

        buyer_enni_id = d.pop("buyerEnniId", UNSET)

        existing_enni_reference = cls(
            object_type=object_type,
            seller_enni_id=seller_enni_id,
            buyer_enni_id=buyer_enni_id,
        )

        return existing_enni_reference
