from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.information_rate_quantity_object_type import InformationRateQuantityObjectType
from ..models.units import Units
from ..types import UNSET, Unset

T = TypeVar("T", bound="InformationRateQuantity")


@_attrs_define
class InformationRateQuantity:
    """
    Attributes:
        amount (float):
        units (Units):
        object_type (InformationRateQuantityObjectType | Unset):
    """

    amount: float
    units: Units
    object_type: InformationRateQuantityObjectType | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        amount = self.amount

        units = self.units.value

        object_type: str | Unset = UNSET
        if not isinstance(self.object_type, Unset):
            object_type = self.object_type.value

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "amount": amount,
                "units": units,
            }
        )
        if object_type is not UNSET:
            field_dict["objectType"] = object_type

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        amount = d.pop("amount")

        units = Units(d.pop("units"))

        _object_type = d.pop("objectType", UNSET)
        object_type: InformationRateQuantityObjectType | Unset
        if isinstance(_object_type, Unset):
            object_type = UNSET
        else:
            object_type = InformationRateQuantityObjectType(_object_type)

        information_rate_quantity = cls(
            amount=amount,
            units=units,
            object_type=object_type,
        )

        return information_rate_quantity
