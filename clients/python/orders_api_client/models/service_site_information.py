from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

from ..models.service_site_information_object_type import ServiceSiteInformationObjectType
from ..models.site_address_type import SiteAddressType
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.formatted_address import FormattedAddress


T = TypeVar("T", bound="ServiceSiteInformation")


@_attrs_define
class ServiceSiteInformation:
    """
    Attributes:
        object_type (ServiceSiteInformationObjectType | Unset):
        site_company_name (str | Unset):
        customer_name (str | Unset):
        site_address_type (SiteAddressType | Unset):
        site_address (FormattedAddress | Unset):
        additional_site_information (str | Unset):
    """

    object_type: ServiceSiteInformationObjectType | Unset = UNSET
    site_company_name: str | Unset = UNSET
    customer_name: str | Unset = UNSET
    site_address_type: SiteAddressType | Unset = UNSET
    site_address: FormattedAddress | Unset = UNSET
    additional_site_information: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        object_type: str | Unset = UNSET
        if not isinstance(self.object_type, Unset):
            object_type = self.object_type.value

        site_company_name = self.site_company_name

        customer_name = self.customer_name

        site_address_type: str | Unset = UNSET
        if not isinstance(self.site_address_type, Unset):
            site_address_type = self.site_address_type.value

        site_address: dict[str, Any] | Unset = UNSET
        if not isinstance(self.site_address, Unset):
            site_address = self.site_address.to_dict()

        additional_site_information = self.additional_site_information

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if object_type is not UNSET:
            field_dict["objectType"] = object_type
        if site_company_name is not UNSET:
            field_dict["siteCompanyName"] = site_company_name
        if customer_name is not UNSET:
            field_dict["customerName"] = customer_name
        if site_address_type is not UNSET:
            field_dict["siteAddressType"] = site_address_type
        if site_address is not UNSET:
            field_dict["siteAddress"] = site_address
        if additional_site_information is not UNSET:
            field_dict["additionalSiteInformation"] = additional_site_information

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.formatted_address import FormattedAddress  # noqa: PLC0415

        d = dict(src_dict)
        _object_type = d.pop("objectType", UNSET)
        object_type: ServiceSiteInformationObjectType | Unset
        if isinstance(_object_type, Unset):
            object_type = UNSET
        else:
            object_type = ServiceSiteInformationObjectType(_object_type)

        site_company_name = d.pop("siteCompanyName", UNSET)

        customer_name = d.pop("customerName", UNSET)

        _site_address_type = d.pop("siteAddressType", UNSET)
        site_address_type: SiteAddressType | Unset
        if isinstance(_site_address_type, Unset):
            site_address_type = UNSET
        else:
            site_address_type = SiteAddressType(_site_address_type)

        _site_address = d.pop("siteAddress", UNSET)
        site_address: FormattedAddress | Unset
        if isinstance(_site_address, Unset):
            site_address = UNSET
        else:
            site_address = FormattedAddress.from_dict(_site_address)

        additional_site_information = d.pop("additionalSiteInformation", UNSET)

        service_site_information = cls(
            object_type=object_type,
            site_company_name=site_company_name,
            customer_name=customer_name,
            site_address_type=site_address_type,
            site_address=site_address,
            additional_site_information=additional_site_information,
        )

        return service_site_information
