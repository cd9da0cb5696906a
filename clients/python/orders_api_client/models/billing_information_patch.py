from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.billing_information_patch_object_type_type_0 import BillingInformationPatchObjectTypeType0
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.optional_contact_patch import OptionalContactPatch


T = TypeVar("T", bound="BillingInformationPatch")


@_attrs_define
class BillingInformationPatch:
    """A merge patch of billing information; `null` removes a field.

    Attributes:
        object_type (BillingInformationPatchObjectTypeType0 | None | Unset):
        existing_billing_account_number (None | str | Unset):
        billing_contact (None | OptionalContactPatch | Unset):
    """

    object_type: BillingInformationPatchObjectTypeType0 | None | Unset = UNSET
    existing_billing_account_number: None | str | Unset = UNSET
    billing_contact: None | OptionalContactPatch | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.optional_contact_patch import OptionalContactPatch  # noqa: PLC0415

        object_type: None | str | Unset
        if isinstance(self.object_type, Unset):
            object_type = UNSET
        elif isinstance(self.object_type, BillingInformationPatchObjectTypeType0):
            object_type = self.object_type.value
        else:
            object_type = self.object_type

        existing_billing_account_number: None | str | Unset
        if isinstance(self.existing_billing_account_number, Unset):
            existing_billing_account_number = UNSET
        else:
            existing_billing_account_number = self.existing_billing_account_number

        billing_contact: dict[str, Any] | None | Unset
        if isinstance(self.billing_contact, Unset):
            billing_contact = UNSET
        elif isinstance(self.billing_contact, OptionalContactPatch):
            billing_contact = self.billing_contact.to_dict()
        else:
            billing_contact = self.billing_contact

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if object_type is not UNSET:
            field_dict["objectType"] = object_type
        if existing_billing_account_number is not UNSET:
            field_dict["existingBillingAccountNumber"] = existing_billing_account_number
        if billing_contact is not UNSET:
            field_dict["billingContact"] = billing_contact

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.optional_contact_patch import OptionalContactPatch  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_object_type(data: object) -> BillingInformationPatchObjectTypeType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                object_type_type_0 = BillingInformationPatchObjectTypeType0(data)

                return object_type_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(BillingInformationPatchObjectTypeType0 | None | Unset, data)

        object_type = _parse_object_type(d.pop("objectType", UNSET))

        def _parse_existing_billing_account_number(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        existing_billing_account_number = _parse_existing_billing_account_number(
            d.pop("existingBillingAccountNumber", UNSET)
        )

        def _parse_billing_contact(data: object) -> None | OptionalContactPatch | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                billing_contact_type_0 = OptionalContactPatch.from_dict(data)

                return billing_contact_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | OptionalContactPatch | Unset, data)

        billing_contact = _parse_billing_contact(d.pop("billingContact", UNSET))

        billing_information_patch = cls(
            object_type=object_type,
            existing_billing_account_number=existing_billing_account_number,
            billing_contact=billing_contact,
        )

        return billing_information_patch
