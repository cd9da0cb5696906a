from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

from ..models.l2_cp_address_set import L2CpAddressSet
from ..models.physical_layer import PhysicalLayer
from ..models.uni_product_order_object_type import UniProductOrderObjectType
from ..models.uni_resiliency import UniResiliency
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.contact import Contact
    from ..models.product_spec_ref import ProductSpecRef
    from ..models.service_site_information import ServiceSiteInformation


T = TypeVar("T", bound="UniProductOrder")


@_attrs_define
class UniProductOrder:
    """A UNI ordered at a service site.

    Attributes:
        object_type (UniProductOrderObjectType):
        seller_uni_id (str | Unset):
        buyer_uni_id (str | Unset):
        product_specification (ProductSpecRef | Unset):
        physical_layer (PhysicalLayer | Unset):
        synchronous_mode_enabled (bool | Unset):
        number_of_links (int | Unset):
        uni_resiliency (UniResiliency | Unset):
        max_service_frame_size (int | Unset):
        token_share_enabled (bool | Unset):
        service_multiplexing_enabled (bool | Unset):
        bundling_enabled (bool | Unset):
        all_to_one_bundling_enabled (bool | Unset):
        link_oam_enabled (bool | Unset):
        uni_meg_enabled (bool | Unset):
        elmi_enabled (bool | Unset):
        uni_l2_cp_address_set (L2CpAddressSet | Unset):
        service_site_information (ServiceSiteInformation | Unset):
        primary_site_contact (Contact | Unset):
        alternate_site_contact (Contact | Unset):
    """

    object_type: UniProductOrderObjectType
    seller_uni_id: str | Unset = UNSET
    buyer_uni_id: str | Unset = UNSET
    product_specification: ProductSpecRef | Unset = UNSET
    physical_layer: PhysicalLayer | Unset = UNSET
    synchronous_mode_enabled: bool | Unset = UNSET
    number_of_links: int | Unset = UNSET
    uni_resiliency: UniResiliency | Unset = UNSET
    max_service_frame_size: int | Unset = UNSET
    token_share_enabled: bool | Unset = UNSET
    service_multiplexing_enabled: bool | Unset = UNSET
    bundling_enabled: bool | Unset = UNSET
    all_to_one_bundling_enabled: bool | Unset = UNSET
    link_oam_enabled: bool | Unset = UNSET
    uni_meg_enabled: bool | Unset = UNSET
    elmi_enabled: bool | Unset = UNSET
    uni_l2_cp_address_set: L2CpAddressSet | Unset = UNSET
    service_site_information: ServiceSiteInformation | Unset = UNSET
    primary_site_contact: Contact | Unset = UNSET
    alternate_site_contact: Contact | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        object_type = self.object_type.value

        seller_uni_id = self.seller_uni_id

        buyer_uni_id = self.buyer_uni_id

        product_specification: dict[str, Any] | Unset = UNSET
        if not isinstance(self.product_specification, Unset):
            product_specification = self.product_specification.to_dict()

        physical_layer: str | Unset = UNSET
        if not isinstance(self.physical_layer, Unset):
            physical_layer = self.physical_layer.value

        synchronous_mode_enabled = self.synchronous_mode_enabled

        number_of_links = self.number_of_links

        uni_resiliency: str | Unset = UNSET
        if not isinstance(self.uni_resiliency, Unset):
            uni_resiliency = self.uni_resiliency.value

        max_service_frame_size = self.max_service_frame_size

        token_share_enabled = self.token_share_enabled

        service_multiplexing_enabled = self.service_multiplexing_enabled

        bundling_enabled = self.bundling_enabled

        all_to_one_bundling_enabled = self.all_to_one_bundling_enabled

        link_oam_enabled = self.link_oam_enabled

        uni_meg_enabled = self.uni_meg_enabled

        elmi_enabled = self.elmi_enabled

        uni_l2_cp_address_set: str | Unset = UNSET
        if not isinstance(self.uni_l2_cp_address_set, Unset):
            uni_l2_cp_address_set = self.uni_l2_cp_address_set.value

        service_site_information: dict[str, Any] | Unset = UNSET
        if not isinstance(self.service_site_information, Unset):
            service_site_information = self.service_site_information.to_dict()

        primary_site_contact: dict[str, Any] | Unset = UNSET
        if not isinstance(self.primary_site_contact, Unset):
            primary_site_contact = self.primary_site_contact.to_dict()

        alternate_site_contact: dict[str, Any] | Unset = UNSET
        if not isinstance(self.alternate_site_contact, Unset):
            alternate_site_contact = self.alternate_site_contact.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "objectType": object_type,
            }
        )
        if seller_uni_id is not UNSET:
            field_dict["sellerUniId"] = seller_uni_id
        if buyer_uni_id is not UNSET:
            field_dict["buyerUniId"] = buyer_uni_id
        if product_specification is not UNSET:
            field_dict["productSpecification"] = product_specification
        if physical_layer is not UNSET:
            field_dict["physicalLayer"] = physical_layer
        if synchronous_mode_enabled is not UNSET:
            field_dict["synchronousModeEnabled"] = synchronous_mode_enabled
        if number_of_links is not UNSET:
            field_dict["numberOfLinks"] = number_of_links
        if uni_resiliency is not UNSET:
            field_dict["uniResiliency"] = uni_resiliency
        if max_service_frame_size is not UNSET:
            field_dict["maxServiceFrameSize"] = max_service_frame_size
        if token_share_enabled is not UNSET:
            field_dict["tokenShareEnabled"] = token_share_enabled
        if service_multiplexing_enabled is not UNSET:
            field_dict["serviceMultiplexingEnabled"] = service_multiplexing_enabled
        if bundling_enabled is not UNSET:
            field_dict["bundlingEnabled"] = bundling_enabled
        if all_to_one_bundling_enabled is not UNSET:
            field_dict["allToOneBundlingEnabled"] = all_to_one_bundling_enabled
        if link_oam_enabled is not UNSET:
            field_dict["linkOamEnabled"] = link_oam_enabled
        if uni_meg_enabled is not UNSET:
            field_dict["uniMegEnabled"] = uni_meg_enabled
        if elmi_enabled is not UNSET:
            field_dict["elmiEnabled"] = elmi_enabled
        if uni_l2_cp_address_set is not UNSET:
            field_dict["uniL2cpAddressSet"] = uni_l2_cp_address_set
        if service_site_information is not UNSET:
            field_dict["serviceSiteInformation"] = service_site_information
        if primary_site_contact is not UNSET:
            field_dict["primarySiteContact"] = primary_site_contact
        if alternate_site_contact is not UNSET:
            field_dict["alternateSiteContact"] = alternate_site_contact

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.contact import Contact  # noqa: PLC0415
        from ..models.product_spec_ref import ProductSpecRef  # noqa: PLC0415
        from ..models.service_site_information import ServiceSiteInformation  # noqa: PLC0415

        d = dict(src_dict)
        object_type = UniProductOrderObjectType(d.pop("objectType"))

        seller_uni_id = d.pop("sellerUniId", UNSET)

        buyer_uni_id = d.pop("buyerUniId", UNSET)

        _product_specification = d.pop("productSpecification", UNSET)
        product_specification: ProductSpecRef | Unset
        if isinstance(_product_specification, Unset):
            product_specification = UNSET
        else:
            product_specification = ProductSpecRef.from_dict(_product_specification)

        _physical_layer = d.pop("physicalLayer", UNSET)
        physical_layer: PhysicalLayer | Unset
        if isinstance(_physical_layer, Unset):
            physical_layer = UNSET
        else:
            physical_layer = PhysicalLayer(_physical_layer)

        synchronous_mode_enabled = d.pop("synchronousModeEnabled", UNSET)

        number_of_links = d.pop("numberOfLinks", UNSET)

        _uni_resiliency = d.pop("uniResiliency", UNSET)
        uni_resiliency: UniResiliency | Unset
        if isinstance(_uni_resiliency, Unset):
            uni_resiliency = UNSET
        else:
            uni_resiliency = UniResiliency(_uni_resiliency)

        max_service_frame_size = d.pop("maxServiceFrameSize", UNSET)

        token_share_enabled = d.pop("tokenShareEnabled", UNSET)

        service_multiplexing_enabled = d.pop("serviceMultiplexingEnabled", UNSET)

        bundling_enabled = d.pop("bundlingEnabled", UNSET)

        all_to_one_bundling_enabled = d.pop("allToOneBundlingEnabled", UNSET)

        link_oam_enabled = d.pop("linkOamEnabled", UNSET)

        uni_meg_enabled = d.pop("uniMegEnabled", UNSET)

        elmi_enabled = d.pop("elmiEnabled", UNSET)

        _uni_l2_cp_address_set = d.pop("uniL2cpAddressSet", UNSET)
        uni_l2_cp_address_set: L2CpAddressSet | Unset
        if isinstance(_uni_l2_cp_address_set, Unset):
            uni_l2_cp_address_set = UNSET
        else:
            uni_l2_cp_address_set = L2CpAddressSet(_uni_l2_cp_address_set)

        _service_site_information = d.pop("serviceSiteInformation", UNSET)
        service_site_information: ServiceSiteInformation | Unset
        if isinstance(_service_site_information, Unset):
            service_site_information = UNSET
        else:
            service_site_information = ServiceSiteInformation.from_dict(_service_site_information)

        _primary_site_contact = d.pop("primarySiteContact", UNSET)
        primary_site_contact: Contact | Unset
        if isinstance(_primary_site_contact, Unset):
            primary_site_contact = UNSET
        else:
            primary_site_contact = Contact.from_dict(_primary_site_contact)

        _alternate_site_contact = d.pop("alternateSiteContact", UNSET)
        alternate_site_contact: Contact | Unset
        if isinstance(_alternate_site_contact, Unset):
            alternate_site_contact = UNSET
        else:
            alternate_site_contact = Contact.from_dict(_alternate_site_contact)

        uni_product_order = cls(
            object_type=object_type,
            seller_uni_id=seller_uni_id,
            buyer_uni_id=buyer_uni_id,
            product_specification=product_specification,
            physical_layer=physical_layer,
            synchronous_mode_enabled=synchronous_mode_enabled,
            number_of_links=number_of_links,
            uni_resiliency=uni_resiliency,
            max_service_frame_size=max_service_frame_size,
            token_share_enabled=token_share_enabled,
            service_multiplexing_enabled=service_multiplexing_enabled,
            bundling_enabled=bundling_enabled,
            all_to_one_bundling_enabled=all_to_one_bundling_enabled,
            link_oam_enabled=link_oam_enabled,
            uni_meg_enabled=uni_meg_enabled,
            elmi_enabled=elmi_enabled,
            uni_l2_cp_address_set=uni_l2_cp_address_set,
            service_site_information=service_site_information,
            primary_site_contact=primary_site_contact,
            alternate_site_contact=alternate_site_contact,
        )

        return uni_product_order
