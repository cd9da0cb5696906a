from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.formatted_address_object_type import FormattedAddressObjectType
from ..types import UNSET, Unset

T = TypeVar("T", bound="FormattedAddress")


@_attrs_define
class FormattedAddress:
    """
    Attributes:
        address_line_1 (str):
        city (str):
        object_type (FormattedAddressObjectType | Unset):
        address_line_2 (str | Unset):
        state_or_province (str | Unset):
        postcode (str | Unset):
        postcode_extension (str | Unset):
        country (str | Unset): ISO 3166-1 alpha-2 country code.
    """

    address_line_1: str
    city: str
    object_type: FormattedAddressObjectType | Unset = UNSET
    address_line_2: str | Unset = UNSET
    state_or_province: str | Unset = UNSET
    postcode: str | Unset = UNSET
    postcode_extension: str | Unset = UNSET
    country: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        address_line_1 = self.address_line_1

        city = self.city

        object_type: str | Unset = UNSET
        if not isinstance(self.object_type, Unset):
            object_type = self.object_type.value

        address_line_2 = self.address_line_2

        state_or_province = self.state_or_province

        postcode = self.postcode

        postcode_extension = self.postcode_extension

        country = self.country

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "addressLine1": address_line_1,
                "city": city,
            }
        )
        if object_type is not UNSET:
            field_dict["objectType"] = object_type
        if address_line_2 is not UNSET:
            field_dict["addressLine2"] = address_line_2
        if state_or_province is not UNSET:
            field_dict["stateOrProvince"] = state_or_province
        if postcode is not UNSET:
            field_dict["postcode"] = postcode
        if postcode_extension is not UNSET:
            field_dict["postcodeExtension"] = postcode_extension
        if country is not UNSET:
            field_dict["country"] = country

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        address_line_1 = d.pop("addressLine1")

        city = d.pop("city")

        _object_type = d.pop("objectType", UNSET)
        object_type: FormattedAddressObjectType | Unset
        if isinstance(_object_type, Unset):
            object_type = UNSET
        else:
            object_type = FormattedAddressObjectType(_object_type)

        address_line_2 = d.pop("addressLine2", UNSET)

        state_or_province = d.pop("stateOrProvince", UNSET)

        postcode = d.pop("postcode", UNSET)

        postcode_extension = d.pop("postcodeExtension", UNSET)

        country = d.pop("country", UNSET)

        formatted_address = cls(
            address_line_1=address_line_1,
            city=city,
            object_type=object_type,
            address_line_2=address_line_2,
            state_or_province=state_or_province,
            postcode=postcode,
            postcode_extension=postcode_extension,
            country=country,
        )

        return formatted_address
