from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.contact_object_type import ContactObjectType
from ..types import UNSET, Unset

T = TypeVar("T", bound="Contact")


@_attrs_define
class Contact:
    """
    Attributes:
        name (str):
        telephone_number (str):
        object_type (ContactObjectType | Unset):
        telephone_number_ext (str | Unset):
        email (str | Unset): An e-mail address (something@somewhere).
    """

    name: str
    telephone_number: str
    object_type: ContactObjectType | Unset = UNSET
    telephone_number_ext: str | Unset = UNSET
    email: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        telephone_number = self.telephone_number

        object_type: str | Unset = UNSET
        if not isinstance(self.object_type, Unset):
            object_type = self.object_type.value

        telephone_number_ext = self.telephone_number_ext

        email = self.email

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "name": name,
                "telephoneNumber": telephone_number,
            }
        )
        if object_type is not UNSET:
            field_dict["objectType"] = object_type
        if telephone_number_ext is not UNSET:
            field_dict["telephoneNumberExt"] = telephone_number_ext
        if email is not UNSET:
            field_dict["email"] = email

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        name = d.pop("name")

        telephone_number = d.pop("telephoneNumber")

        _object_type = d.pop("objectType", UNSET)
        object_type: ContactObjectType | Unset
        if isinstance(_object_type, Unset):
            object_type = UNSET
        else:
            object_type = ContactObjectType(_object_type)

        telephone_number_ext = d.pop("telephoneNumberExt", UNSET)

        email = d.pop("email", UNSET)

        contact = cls(
            name=name,
            telephone_number=telephone_number,
            object_type=object_type,
            telephone_number_ext=telephone_number_ext,
            email=email,
        )

        return contact
