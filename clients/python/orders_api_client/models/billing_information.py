from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

from ..models.billing_information_object_type import BillingInformationObjectType
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.contact import Contact


T = TypeVar("T", bound="BillingInformation")


@_attrs_define
class BillingInformation:
    """
    Attributes:
        object_type (BillingInformationObjectType | Unset):
        existing_billing_account_number (str | Unset):
        billing_contact (Contact | Unset):
    """

    object_type: BillingInformationObjectType | Unset = UNSET
    existing_billing_account_number: str | Unset = UNSET
    billing_contact: Contact | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        object_type: str | Unset = UNSET
        if not isinstance(self.object_type, Unset):
            object_type = self.object_type.value

        existing_billing_account_number = self.existing_billing_account_number

        billing_contact: dict[str, Any] | Unset = UNSET
        if not isinstance(self.billing_contact, Unset):
            billing_contact = self.billing_contact.to_dict()

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
        from ..models.contact import Contact  # noqa: PLC0415

        d = dict(src_dict)
        _object_type = d.pop("objectType", UNSET)
        object_type: BillingInformationObjectType | Unset
        if isinstance(_object_type, Unset):
            object_type = UNSET
        else:
            object_type = BillingInformationObjectType(_object_type)

        existing_billing_account_number = d.pop("existingBillingAccountNumber", UNSET)

        _billing_contact = d.pop("billingContact", UNSET)
        billing_contact: Contact | Unset
        if isinstance(_billing_contact, Unset):
            billing_contact = UNSET
        else:
            billing_contact = Contact.from_dict(_billing_contact)

        billing_information = cls(
            object_type=object_type,
            existing_billing_account_number=existing_billing_account_number,
            billing_contact=billing_contact,
        )

        return billing_information
