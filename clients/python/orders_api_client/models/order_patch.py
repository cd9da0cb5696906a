from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.desired_responses import DesiredResponses
from ..models.order_activity import OrderActivity
from ..models.order_type import OrderType
from ..models.pricing_method import PricingMethod
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.billing_information_patch import BillingInformationPatch
    from ..models.contact_patch import ContactPatch
    from ..models.optional_contact_patch import OptionalContactPatch
    from ..models.order_item import OrderItem
    from ..models.resource_reference_patch import ResourceReferencePatch


T = TypeVar("T", bound="OrderPatch")


@_attrs_define
class OrderPatch:
    """A JSON merge patch (RFC 7396) of an order: the fields to change with their new values,
    `null` to remove an optional one. The fields every order has (`sellerId`,
    `buyerOrderVersion`, `orderDate`, `orderActivity`, `requestedCompletionDate`,
    `buyerOrderContact`, `orderType`, `orderItems`) can be changed but not removed.
    `buyerOrderContact` may be patched in part; the other objects, which the order may not
    have yet, carry their required fields; `orderItems` replaces the order's items.

        Attributes:
            seller_id (str | Unset):
            buyer_order_version (str | Unset):
            order_date (str | Unset): RFC 3339 date-time on a real calendar day of the years 0001 to 9999 (in 0001 and 9999
                with the offset `Z` or `+00:00`); seconds may be omitted (`2016-10-01T13:20+01:00`); no leap second (`:60`).
                Example: 2016-10-01T13:20+01:00.
            order_activity (OrderActivity | Unset):
            desired_responses (DesiredResponses | None | Unset):
            project_id (None | str | Unset):
            requested_completion_date (str | Unset): RFC 3339 date-time on a real calendar day of the years 0001 to 9999 (in
                0001 and 9999 with the offset `Z` or `+00:00`); seconds may be omitted (`2016-10-01T13:20+01:00`); no leap
                second (`:60`). Example: 2016-10-01T13:20+01:00.
            requested_start_date (None | str | Unset):
            priority (int | None | Unset):
            billing_info (BillingInformationPatch | None | Unset):
            buyer_order_contact (ContactPatch | Unset): A merge patch of the contact every order has; `null` removes an
                optional field.
            buyer_implementation_contact (None | OptionalContactPatch | Unset):
            buyer_technical_contact (None | OptionalContactPatch | Unset):
            pricing_method (None | PricingMethod | Unset):
            pricing_reference (None | str | Unset):
            pricing_term (int | None | Unset): Months.
            promotion_id (None | str | Unset):
            order_type (OrderType | Unset):
            notes (None | str | Unset):
            serviceability_response (None | ResourceReferencePatch | Unset):
            order_items (list[OrderItem] | Unset):
    """

    seller_id: str | Unset = UNSET
    buyer_order_version: str | Unset = UNSET
    order_date: str | Unset = UNSET
    order_activity: OrderActivity | Unset = UNSET
    desired_responses: DesiredResponses | None | Unset = UNSET
    project_id: None | str | Unset = UNSET
    requested_completion_date: str | Unset = UNSET
    requested_start_date: None | str | Unset = UNSET
    priority: int | None | Unset = UNSET
    billing_info: BillingInformationPatch | None | Unset = UNSET
    buyer_order_contact: ContactPatch | Unset = UNSET
    buyer_implementation_contact: None | OptionalContactPatch | Unset = UNSET
    buyer_technical_contact: None | OptionalContactPatch | Unset = UNSET
    pricing_method: None | PricingMethod | Unset = UNSET
    pricing_reference: None | str | Unset = UNSET
    pricing_term: int | None | Unset = UNSET
    promotion_id: None | str | Unset = UNSET
    order_type: OrderType | Unset = UNSET
    notes: None | str | Unset = UNSET
    serviceability_response: None | ResourceReferencePatch | Unset = UNSET
    order_items: list[OrderItem] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.billing_information_patch import BillingInformationPatch  # noqa: PLC0415
        from ..models.optional_contact_patch import OptionalContactPatch  # noqa: PLC0415
        from ..models.resource_reference_patch import ResourceReferencePatch  # noqa: PLC0415

        seller_id = self.seller_id

        buyer_order_version = self.buyer_order_version

        order_date = self.order_date

        order_activity: str | Unset = UNSET
        if not isinstance(self.order_activity, Unset):
            order_activity = self.order_activity.value

        desired_responses: None | str | Unset
        if isinstance(self.desired_responses, Unset):
            desired_responses = UNSET
        elif isinstance(self.desired_responses, DesiredResponses):
            desired_responses = self.desired_responses.value
        else:
            desired_responses = self.desired_responses

        project_id: None | str | Unset
        if isinstance(self.project_id, Unset):
            project_id = UNSET
        else:
            project_id = self.project_id

        requested_completion_date = self.requested_completion_date

        requested_start_date: None | str | Unset
        if isinstance(self.requested_start_date, Unset):
            requested_start_date = UNSET
        else:
            requested_start_date = self.requested_start_date

        priority: int | None | Unset
        if isinstance(self.priority, Unset):
            priority = UNSET
        else:
            priority = self.priority

        billing_info: dict[str, Any] | None | Unset
        if isinstance(self.billing_info, Unset):
            billing_info = UNSET
        elif isinstance(self.billing_info, BillingInformationPatch):
            billing_info = self.billing_info.to_dict()
        else:
            billing_info = self.billing_info

        buyer_order_contact: dict[str, Any] | Unset = UNSET
        if not isinstance(self.buyer_order_contact, Unset):
            buyer_order_contact = self.buyer_order_contact.to_dict()

        buyer_implementation_contact: dict[str, Any] | None | Unset
        if isinstance(self.buyer_implementation_contact, Unset):
            buyer_implementation_contact = UNSET
        elif isinstance(self.buyer_implementation_contact, OptionalContactPatch):
            buyer_implementation_contact = self.buyer_implementation_contact.to_dict()
        else:
            buyer_implementation_contact = self.buyer_implementation_contact

        buyer_technical_contact: dict[str, Any] | None | Unset
        if isinstance(self.buyer_technical_contact, Unset):
            buyer_technical_contact = UNSET
        elif isinstance(self.buyer_technical_contact, OptionalContactPatch):
            buyer_technical_contact = self.buyer_technical_contact.to_dict()
        else:
            buyer_technical_contact = self.buyer_technical_contact

        pricing_method: None | str | Unset
        if isinstance(self.pricing_method, Unset):
            pricing_method = UNSET
        elif isinstance(self.pricing_method, PricingMethod):
            pricing_method = self.pricing_method.value
        else:
            pricing_method = self.pricing_method

        pricing_reference: None | str | Unset
        if isinstance(self.pricing_reference, Unset):
            pricing_reference = UNSET
        else:
            pricing_reference = self.pricing_reference

        pricing_term: int | None | Unset
        if isinstance(self.pricing_term, Unset):
            pricing_term = UNSET
        else:
            pricing_term = self.pricing_term

        promotion_id: None | str | Unset
        if isinstance(self.promotion_id, Unset):
            promotion_id = UNSET
        else:
            promotion_id = self.promotion_id

        order_type: str | Unset = UNSET
        if not isinstance(self.order_type, Unset):
            order_type = self.order_type.value

        notes: None | str | Unset
        if isinstance(self.notes, Unset):
            notes = UNSET
        else:
            notes = self.notes

        serviceability_response: dict[str, Any] | None | Unset
        if isinstance(self.serviceability_response, Unset):
            serviceability_response = UNSET
        elif isinstance(self.serviceability_response, ResourceReferencePatch):
            serviceability_response = self.serviceability_response.to_dict()
        else:
            serviceability_response = self.serviceability_response

        order_items: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.order_items, Unset):
            order_items = []
            for order_items_item_data in self.order_items:
                order_items_item = order_items_item_data.to_dict()
                order_items.append(order_items_item)

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if seller_id is not UNSET:
            field_dict["sellerId"] = seller_id
        if buyer_order_version is not UNSET:
            field_dict["buyerOrderVersion"] = buyer_order_version
        if order_date is not UNSET:
            field_dict["orderDate"] = order_date
        if order_activity is not UNSET:
            field_dict["orderActivity"] = order_activity
        if desired_responses is not UNSET:
            field_dict["desiredResponses"] = desired_responses
        if project_id is not UNSET:
            field_dict["projectId"] = project_id
        if requested_completion_date is not UNSET:
            field_dict["requestedCompletionDate"] = requested_completion_date
        if requested_start_date is not UNSET:
            field_dict["requestedStartDate"] = requested_start_date
        if priority is not UNSET:
            field_dict["priority"] = priority
        if billing_info is not UNSET:
            field_dict["billingInfo"] = billing_info
        if buyer_order_contact is not UNSET:
            field_dict["buyerOrderContact"] = buyer_order_contact
        if buyer_implementation_contact is not UNSET:
            field_dict["buyerImplementationContact"] = buyer_implementation_contact
        if buyer_technical_contact is not UNSET:
            field_dict["buyerTechnicalContact"] = buyer_technical_contact
        if pricing_method is not UNSET:
            field_dict["pricingMethod"] = pricing_method
        if pricing_reference is not UNSET:
            field_dict["pricingReference"] = pricing_reference
        if pricing_term is not UNSET:
            field_dict["pricingTerm"] = pricing_term
        if promotion_id is not UNSET:
            field_dict["promotionId"] = promotion_id
        if order_type is not UNSET:
            field_dict["orderType"] = order_type
        if notes is not UNSET:
            field_dict["notes"] = notes
        if serviceability_response is not UNSET:
            field_dict["serviceabilityResponse"] = serviceability_response
        if order_items is not UNSET:
            field_dict["orderItems"] = order_items

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.billing_information_patch import BillingInformationPatch  # noqa: PLC0415
        from ..models.contact_patch import ContactPatch  # noqa: PLC0415
        from ..models.optional_contact_patch import OptionalContactPatch  # noqa: PLC0415
        from ..models.order_item import OrderItem  # noqa: PLC0415
        from ..models.resource_reference_patch import ResourceReferencePatch  # noqa: PLC0415

        d = dict(src_dict)
        seller_id = d.pop("sellerId", UNSET)

        buyer_order_version = d.pop("buyerOrderVersion", UNSET)

        order_date = d.pop("orderDate", UNSET)

        _order_activity = d.pop("orderActivity", UNSET)
        order_activity: OrderActivity | Unset
        if isinstance(_order_activity, Unset):
            order_activity = UNSET
        else:
            order_activity = OrderActivity(_order_activity)

        def _parse_desired_responses(data: object) -> DesiredResponses | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                desired_responses_type_0 = DesiredResponses(data)

                return desired_responses_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(DesiredResponses | None | Unset, data)

        desired_responses = _parse_desired_responses(d.pop("desiredResponses", UNSET))

        def _parse_project_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        project_id = _parse_project_id(d.pop("projectId", UNSET))

        requested_completion_date = d.pop("requestedCompletionDate", UNSET)

        def _parse_requested_start_date(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        requested_start_date = _parse_requested_start_date(d.pop("requestedStartDate", UNSET))

        def _parse_priority(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        priority = _parse_priority(d.pop("priority", UNSET))

        def _parse_billing_info(data: object) -> BillingInformationPatch | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                billing_info_type_0 = BillingInformationPatch.from_dict(data)

                return billing_info_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(BillingInformationPatch | None | Unset, data)

        billing_info = _parse_billing_info(d.pop("billingInfo", UNSET))

        _buyer_order_contact = d.pop("buyerOrderContact", UNSET)
        buyer_order_contact: ContactPatch | Unset
        if isinstance(_buyer_order_contact, Unset):
            buyer_order_contact = UNSET
        else:
            buyer_order_contact = ContactPatch.from_dict(_buyer_order_contact)

        def _parse_buyer_implementation_contact(data: object) -> None | OptionalContactPatch | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                buyer_implementation_contact_type_0 = OptionalContactPatch.from_dict(data)

                return buyer_implementation_contact_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | OptionalContactPatch | Unset, data)

        buyer_implementation_contact = _parse_buyer_implementation_contact(d.pop("buyerImplementationContact", UNSET))

        def _parse_buyer_technical_contact(data: object) -> None | OptionalContactPatch | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                buyer_technical_contact_type_0 = OptionalContactPatch.from_dict(data)

                return buyer_technical_contact_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | OptionalContactPatch | Unset, data)

        buyer_technical_contact = _parse_buyer_technical_contact(d.pop("buyerTechnicalContact", UNSET))

        def _parse_pricing_method(data: object) -> None | PricingMethod | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                pricing_method_type_0 = PricingMethod(data)

                return pricing_method_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | PricingMethod | Unset, data)

        pricing_method = _parse_pricing_method(d.pop("pricingMethod", UNSET))

        def _parse_pricing_reference(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        pricing_reference = _parse_pricing_reference(d.pop("pricingReference", UNSET))

        def _parse_pricing_term(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        pricing_term = _parse_pricing_term(d.pop("pricingTerm", UNSET))

        def _parse_promotion_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        promotion_id = _parse_promotion_id(d.pop("promotionId", UNSET))

        _order_type = d.pop("orderType", UNSET)
        order_type: OrderType | Unset
        if isinstance(_order_type, Unset):
            order_type = UNSET
        else:
            order_type = OrderType(_order_type)

        def _parse_notes(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        notes = _parse_notes(d.pop("notes", UNSET))

        def _parse_serviceability_response(data: object) -> None | ResourceReferencePatch | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                serviceability_response_type_0 = ResourceReferencePatch.from_dict(data)

                return serviceability_response_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | ResourceReferencePatch | Unset, data)

        serviceability_response = _parse_serviceability_response(d.pop("serviceabilityResponse", UNSET))

        _order_items = d.pop("orderItems", UNSET)
        order_items: list[OrderItem] | Unset = UNSET
        if _order_items is not UNSET:
            order_items = []
            for order_items_item_data in _order_items:
                order_items_item = OrderItem.from_dict(order_items_item_data)

                order_items.append(order_items_item)

        order_patch = cls(
            seller_id=seller_id,
            buyer_order_version=buyer_order_version,
            order_date=order_date,
            order_activity=order_activity,
            desired_responses=desired_responses,
            project_id=project_id,
            requested_completion_date=requested_completion_date,
            requested_start_date=requested_start_date,
            priority=priority,
            billing_info=billing_info,
            buyer_order_contact=buyer_order_contact,
            buyer_implementation_contact=buyer_implementation_contact,
            buyer_technical_contact=buyer_technical_contact,
            pricing_method=pricing_method,
            pricing_reference=pricing_reference,
            pricing_term=pricing_term,
            promotion_id=promotion_id,
            order_type=order_type,
            notes=notes,
            serviceability_response=serviceability_response,
            order_items=order_items,
        )

        return order_patch
