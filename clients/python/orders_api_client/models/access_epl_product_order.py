from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

from ..models.access_epl_product_order_object_type import AccessEplProductOrderObjectType
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.bandwidth_profile import BandwidthProfile
    from ..models.contact import Contact
    from ..models.existing_enni_reference import ExistingEnniReference
    from ..models.existing_uni_reference import ExistingUniReference
    from ..models.ordered_enni_reference import OrderedEnniReference
    from ..models.ordered_uni_reference import OrderedUniReference


T = TypeVar("T", bound="AccessEplProductOrder")


@_attrs_define
class AccessEplProductOrder:
    """An Access EPL (OVC) ordered between an ENNI and a UNI.

    Attributes:
        object_type (AccessEplProductOrderObjectType):
        seller_ovc_id (str | Unset):
        buyer_ovc_id (str | Unset):
        uni_svlan_id (int | Unset):
        product_specification (str | Unset): Code of the seller's product specification.
        enni_svlan_id (int | Unset):
        enni_svlan_id_last (int | Unset):
        mtu_size (int | Unset):
        color_forwarding_enabled (bool | Unset):
        class_of_service (str | Unset):
        enni_reference (ExistingEnniReference | OrderedEnniReference | Unset):
        enni_site_contact (Contact | Unset):
        enni_site_alternate_contact (Contact | Unset):
        enni_ingress_bandwidth_profile (BandwidthProfile | Unset):
        enni_egress_bandwidth_profile (BandwidthProfile | Unset):
        uni_reference (ExistingUniReference | OrderedUniReference | Unset):
        uni_site_contact (Contact | Unset):
        uni_site_alternate_contact (Contact | Unset):
        uni_ingress_bandwidth_profile (BandwidthProfile | Unset):
        uni_egress_bandwidth_profile (BandwidthProfile | Unset):
    """

    object_type: AccessEplProductOrderObjectType
    seller_ovc_id: str | Unset = UNSET
    buyer_ovc_id: str | Unset = UNSET
    uni_svlan_id: int | Unset = UNSET
    product_specification: str | Unset = UNSET
    enni_svlan_id: int | Unset = UNSET
    enni_svlan_id_last: int | Unset = UNSET
    mtu_size: int | Unset = UNSET
    color_forwarding_enabled: bool | Unset = UNSET
    class_of_service: str | Unset = UNSET
    enni_reference: ExistingEnniReference | OrderedEnniReference | Unset = UNSET
    enni_site_contact: Contact | Unset = UNSET
    enni_site_alternate_contact: Contact | Unset = UNSET
    enni_ingress_bandwidth_profile: BandwidthProfile | Unset = UNSET
    enni_egress_bandwidth_profile: BandwidthProfile | Unset = UNSET
    uni_reference: ExistingUniReference | OrderedUniReference | Unset = UNSET
    uni_site_contact: Contact | Unset = UNSET
    uni_site_alternate_contact: Contact | Unset = UNSET
    uni_ingress_bandwidth_profile: BandwidthProfile | Unset = UNSET
    uni_egress_bandwidth_profile: BandwidthProfile | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.existing_enni_reference import ExistingEnniReference  # noqa: PLC0415
        from ..models.existing_uni_reference import ExistingUniReference  # noqa: PLC0415

        object_type = self.object_type.value

        seller_ovc_id = self.seller_ovc_id

        buyer_ovc_id = self.buyer_ovc_id

        uni_svlan_id = self.uni_svlan_id

        product_specification = self.product_specification

        enni_svlan_id = self.enni_svlan_id

        enni_svlan_id_last = self.enni_svlan_id_last

        mtu_size = self.mtu_size

        color_forwarding_enabled = self.color_forwarding_enabled

        class_of_service = self.class_of_service

        enni_reference: dict[str, Any] | Unset
        if isinstance(self.enni_reference, Unset):
            enni_reference = UNSET
        elif isinstance(self.enni_reference, ExistingEnniReference):
            enni_reference = self.enni_reference.to_dict()
        else:
            enni_reference = self.enni_reference.to_dict()

        enni_site_contact: dict[str, Any] | Unset = UNSET
        if not isinstance(self.enni_site_contact, Unset):
            enni_site_contact = self.enni_site_contact.to_dict()

        enni_site_alternate_contact: dict[str, Any] | Unset = UNSET
        if not isinstance(self.enni_site_alternate_contact, Unset):
            enni_site_alternate_contact = self.enni_site_alternate_contact.to_dict()

        enni_ingress_bandwidth_profile: dict[str, Any] | Unset = UNSET
        if not isinstance(self.enni_ingress_bandwidth_profile, Unset):
            enni_ingress_bandwidth_profile = self.enni_ingress_bandwidth_profile.to_dict()

        enni_egress_bandwidth_profile: dict[str, Any] | Unset = UNSET
        if not isinstance(self.enni_egress_bandwidth_profile, Unset):
            enni_egress_bandwidth_profile = self.enni_egress_bandwidth_profile.to_dict()

        uni_reference: dict[str, Any] | Unset
        if isinstance(self.uni_reference, Unset):
            uni_reference = UNSET
        elif isinstance(self.uni_reference, ExistingUniReference):
            uni_reference = self.uni_reference.to_dict()
        else:
            uni_reference = self.uni_reference.to_dict()

        uni_site_contact: dict[str, Any] | Unset = UNSET
        if not isinstance(self.uni_site_contact, Unset):
            uni_site_contact = self.uni_site_contact.to_dict()

        uni_site_alternate_contact: dict[str, Any] | Unset = UNSET
        if not isinstance(self.uni_site_alternate_contact, Unset):
            uni_site_alternate_contact = self.uni_site_alternate_contact.to_dict()

        uni_ingress_bandwidth_profile: dict[str, Any] | Unset = UNSET
        if not isinstance(self.uni_ingress_bandwidth_profile, Unset):
            uni_ingress_bandwidth_profile = self.uni_ingress_bandwidth_profile.to_dict()

        uni_egress_bandwidth_profile: dict[str, Any] | Unset = UNSET
        if not isinstance(self.uni_egress_bandwidth_profile, Unset):
            uni_egress_bandwidth_profile = self.uni_egress_bandwidth_profile.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "objectType": object_type,
            }
        )
        if seller_ovc_id is not UNSET:
            field_dict["sellerOvcId"] = seller_ovc_id
        if buyer_ovc_id is not UNSET:
            field_dict["buyerOvcId"] = buyer_ovc_id
        if uni_svlan_id is not UNSET:
            field_dict["uniSvlanId"] = uni_svlan_id
        if product_specification is not UNSET:
            field_dict["productSpecification"] = product_specification
        if enni_svlan_id is not UNSET:
            field_dict["enniSvlanId"] = enni_svlan_id
        if enni_svlan_id_last is not UNSET:
            field_dict["enniSvlanIdLast"] = enni_svlan_id_last
        if mtu_size is not UNSET:
            field_dict["mtuSize"] = mtu_size
        if color_forwarding_enabled is not UNSET:
            field_dict["colorForwardingEnabled"] = color_forwarding_enabled
        if class_of_service is not UNSET:
            field_dict["classOfService"] = class_of_service
        if enni_reference is not UNSET:
            field_dict["enniReference"] = enni_reference
        if enni_site_contact is not UNSET:
            field_dict["enniSiteContact"] = enni_site_contact
        if enni_site_alternate_contact is not UNSET:
            field_dict["enniSiteAlternateContact"] = enni_site_alternate_contact
        if enni_ingress_bandwidth_profile is not UNSET:
            field_dict["enniIngressBandwidthProfile"] = enni_ingress_bandwidth_profile
        if enni_egress_bandwidth_profile is not UNSET:
            field_dict["enniEgressBandwidthProfile"] = enni_egress_bandwidth_profile
        if uni_reference is not UNSET:
            field_dict["uniReference"] = uni_reference
        if uni_site_contact is not UNSET:
            field_dict["uniSiteContact"] = uni_site_contact
        if uni_site_alternate_contact is not UNSET:
            field_dict["uniSiteAlternateContact"] = uni_site_alternate_contact
        if uni_ingress_bandwidth_profile is not UNSET:
            field_dict["uniIngressBandwidthProfile"] = uni_ingress_bandwidth_profile
        if uni_egress_bandwidth_profile is not UNSET:
            field_dict["uniEgressBandwidthProfile"] = uni_egress_bandwidth_profile

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.bandwidth_profile import BandwidthProfile  # noqa: PLC0415
        from ..models.contact import Contact  # noqa: PLC0415
        from ..models.existing_enni_reference import ExistingEnniReference  # noqa: PLC0415
        from ..models.existing_uni_reference import ExistingUniReference  # noqa: PLC0415
        from ..models.ordered_enni_reference import OrderedEnniReference  # noqa: PLC0415
        from ..models.ordered_uni_reference import OrderedUniReference  # noqa: PLC0415

        d = dict(src_dict)
        object_type = AccessEplProductOrderObjectType(d.pop("objectType"))

        seller_ovc_id = d.pop("sellerOvcId", UNSET)

        buyer_ovc_id = d.pop("buyerOvcId", UNSET)

        uni_svlan_id = d.pop("uniSvlanId", UNSET)

        product_specification = d.pop("productSpecification", UNSET)

        enni_svlan_id = d.pop("enniSvlanId", UNSET)

        enni_svlan_id_last = d.pop("enniSvlanIdLast", UNSET)

        mtu_size = d.pop("mtuSize", UNSET)

        color_forwarding_enabled = d.pop("colorForwardingEnabled", UNSET)

        class_of_service = d.pop("classOfService", UNSET)

        def _parse_enni_reference(data: object) -> ExistingEnniReference | OrderedEnniReference | Unset:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemasenni_reference_type_0 = ExistingEnniReference.from_dict(data)

                return componentsschemasenni_reference_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, dict):
                raise TypeError()
            componentsschemasenni_reference_type_1 = OrderedEnniReference.from_dict(data)

            return componentsschemasenni_reference_type_1

        enni_reference = _parse_enni_reference(d.pop("enniReference", UNSET))

        _enni_site_contact = d.pop("enniSiteContact", UNSET)
        enni_site_contact: Contact | Unset
        if isinstance(_enni_site_contact, Unset):
            enni_site_contact = UNSET
        else:
            enni_site_contact = Contact.from_dict(_enni_site_contact)

        _enni_site_alternate_contact = d.pop("enniSiteAlternateContact", UNSET)
        enni_site_alternate_contact: Contact | Unset
        if isinstance(_enni_site_alternate_contact, Unset):
            enni_site_alternate_contact = UNSET
        else:
            enni_site_alternate_contact = Contact.from_dict(_enni_site_alternate_contact)

        _enni_ingress_bandwidth_profile = d.pop("enniIngressBandwidthProfile", UNSET)
        enni_ingress_bandwidth_profile: BandwidthProfile | Unset
        if isinstance(_enni_ingress_bandwidth_profile, Unset):
            enni_ingress_bandwidth_profile = UNSET
        else:
            enni_ingress_bandwidth_profile = BandwidthProfile.from_dict(_enni_ingress_bandwidth_profile)

        _enni_egress_bandwidth_profile = d.pop("enniEgressBandwidthProfile", UNSET)
        enni_egress_bandwidth_profile: BandwidthProfile | Unset
        if isinstance(_enni_egress_bandwidth_profile, Unset):
            enni_egress_bandwidth_profile = UNSET
        else:
            enni_egress_bandwidth_profile = BandwidthProfile.from_dict(_enni_egress_bandwidth_profile)

        def _parse_uni_reference(data: object) -> ExistingUniReference | OrderedUniReference | Unset:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemasuni_reference_type_0 = ExistingUniReference.from_dict(data)

                return componentsschemasuni_reference_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, dict):
                raise TypeError()
            componentsschemasuni_reference_type_1 = OrderedUniReference.from_dict(data)

            return componentsschemasuni_reference_type_1

        uni_reference = _parse_uni_reference(d.pop("uniReference", UNSET))

        _uni_site_contact = d.pop("uniSiteContact", UNSET)
        uni_site_contact: Contact | Unset
        if isinstance(_uni_site_contact, Unset):
            uni_site_contact = UNSET
        else:
            uni_site_contact = Contact.from_dict(_uni_site_contact)

        _uni_site_alternate_contact = d.pop("uniSiteAlternateContact", UNSET)
        uni_site_alternate_contact: Contact | Unset
        if isinstance(_uni_site_alternate_contact, Unset):
            uni_site_alternate_contact = UNSET
        else:
            uni_site_alternate_contact = Contact.from_dict(_uni_site_alternate_contact)

        _uni_ingress_bandwidth_profile = d.pop("uniIngressBandwidthProfile", UNSET)
        uni_ingress_bandwidth_profile: BandwidthProfile | Unset
        if isinstance(_uni_ingress_bandwidth_profile, Unset):
            uni_ingress_bandwidth_profile = UNSET
        else:
            uni_ingress_bandwidth_profile = BandwidthProfile.from_dict(_uni_ingress_bandwidth_profile)

        _uni_egress_bandwidth_profile = d.pop("uniEgressBandwidthProfile", UNSET)
        uni_egress_bandwidth_profile: BandwidthProfile | Unset
        if isinstance(_uni_egress_bandwidth_profile, Unset):
            uni_egress_bandwidth_profile = UNSET
        else:
            uni_egress_bandwidth_profile = BandwidthProfile.from_dict(_uni_egress_bandwidth_profile)

        access_epl_product_order = cls(
            object_type=object_type,
            seller_ovc_id=seller_ovc_id,
            buyer_ovc_id=buyer_ovc_id,
            uni_svlan_id=uni_svlan_id,
            product_specification=product_specification,
            enni_svlan_id=enni_svlan_id,
            enni_svlan_id_last=enni_svlan_id_last,
            mtu_size=mtu_size,
            color_forwarding_enabled=color_forwarding_enabled,
            class_of_service=class_of_service,
            enni_reference=enni_reference,
            enni_site_contact=enni_site_contact,
            enni_site_alternate_contact=enni_site_alternate_contact,
            enni_ingress_bandwidth_profile=enni_ingress_bandwidth_profile,
            enni_egress_bandwidth_profile=enni_egress_bandwidth_profile,
            uni_reference=uni_reference,
            uni_site_contact=uni_site_contact,
            uni_site_alternate_contact=uni_site_alternate_contact,
            uni_ingress_bandwidth_profile=uni_ingress_bandwidth_profile,
            uni_egress_bandwidth_profile=uni_egress_bandwidth_profile,
        )

        return access_epl_product_order
