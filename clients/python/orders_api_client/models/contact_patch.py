from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.contact_patch_object_type_type_0 import ContactPatchObjectTypeType0
from ..types import UNSET, Unset

T = TypeVar("T", bound="ContactPatch")


@_attrs_define
class ContactPatch:
    """A merge patch of the contact every order has; `null` removes an optional field.

    Attributes:
        object_type (ContactPatchObjectTypeType0 | None | Unset):
        name (str | Unset):
        telephone_number (str | Unset):
        telephone_number_ext (None | str | Unset):
        email (None | str | Unset): An e-mail address (something@somewhere).
    """

    object_type: ContactPatchObjectTypeType0 | None | Unset = UNSET
    name: str | Unset = UNSET
    telephone_number: str | Unset = UNSET
    telephone_number_ext: None | str | Unset = UNSET
    email: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        object_type: None | str | Unset
        if isinstance(self.object_type, Unset):
            object_type = UNSET
        elif isinstance(self.object_type, ContactPatchObjectTypeType0):
            object_type = self.object_type.value
        else:
            object_type = self.object_type

        name = self.name

        telephone_number = self.telephone_number

        telephone_number_ext: None | str | Unset
        if isinstance(self.telephone_number_ext, Unset):
            telephone_number_ext = UNSET
        else:
            telephone_number_ext = self.telephone_number_ext

        email: None | str | Unset
        if isinstance(self.email, Unset):
            email = UNSET
        else:
            email = self.email

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if object_type is not UNSET:
            field_dict["objectType"] = object_type
        if name is not UNSET:
            field_dict["name"] = name
        if telephone_number is not UNSET:
            field_dict["telephoneNumber"] = telephone_number
        if telephone_number_ext is not UNSET:
            field_dict["telephoneNumberExt"] = telephone_number_ext
        if email is not UNSET:
            field_dict["email"] = email

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_object_type(data: object) -> ContactPatchObjectTypeType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                object_type_type_0 = ContactPatchObjectTypeType0(data)

                return object_type_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ContactPatchObjectTypeType0 | None | Unset, data)

        object_type = _parse_object_type(d.pop("objectType", UNSET))

        name = d.pop("name", UNSET)

        telephone_number = d.pop("telephoneNumber", UNSET)

        def _parse_telephone_number_ext(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        telephone_number_ext = _parse_telephone_number_ext(d.pop("telephoneNumberExt", UNSET))

        def _parse_email(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        email = _parse_email(d.pop("email", UNSET))

        contact_patch = cls(
            object_type=object_type,
            name=name,
            telephone_number=telephone_number,
            telephone_number_ext=telephone_number_ext,
            email=email,
        )

        return contact_patch
