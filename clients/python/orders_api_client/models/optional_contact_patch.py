from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.optional_contact_patch_object_type_type_0 import OptionalContactPatchObjectTypeType0
from ..types import UNSET, Unset

T = TypeVar("T", bound="OptionalContactPatch")


@_attrs_define
class OptionalContactPatch:
    """A merge patch of a contact the order may not have yet, so with `name` and
    `telephoneNumber`; `null` removes an optional field.

        Attributes:
            name (str):
            telephone_number (str):
            object_type (None | OptionalContactPatchObjectTypeType0 | Unset):
            telephone_number_ext (None | str | Unset):
            email (None | str | Unset): An e-mail address (something@somewhere).
    """

    name: str
    telephone_number: str
    object_type: None | OptionalContactPatchObjectTypeType0 | Unset = UNSET
    telephone_number_ext: None | str | Unset = UNSET
    email: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        telephone_number = self.telephone_number

        object_type: None | str | Unset
        if isinstance(self.object_type, Unset):
            object_type = UNSET
        elif isinstance(self.object_type, OptionalContactPatchObjectTypeType0):
            object_type = self.object_type.value
        else:
            object_type = self.object_type

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

        def _parse_object_type(data: object) -> None | OptionalContactPatchObjectTypeType0 | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                object_type_type_0 = OptionalContactPatchObjectTypeType0(data)

                return object_type_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | OptionalContactPatchObjectTypeType0 | Unset, data)

        object_type = _parse_object_type(d.pop("objectType", UNSET))

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

        optional_contact_patch = cls(
            name=name,
            telephone_number=telephone_number,
            object_type=object_type,
            telephone_number_ext=telephone_number_ext,
            email=email,
        )

        return optional_contact_patch
