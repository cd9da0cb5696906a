from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="OrderPatch")


@_attrs_define
class OrderPatch:
    """A JSON merge patch (RFC 7396) of an order: any of these fields, `null` to remove one.
    Its values are checked after merging, against `order-create-update`.

        Attributes:
            seller_id (Any | Unset):
            buyer_order_version (Any | Unset):
            order_date (Any | Unset):
            order_activity (Any | Unset):
            desired_responses (Any | Unset):
            project_id (Any | Unset):
            requested_completion_date (Any | Unset):
            requested_start_date (Any | Unset):
            priority (Any | Unset):
            billing_info (Any | Unset):
            buyer_order_contact (Any | Unset):
            buyer_implementation_contact (Any | Unset):
            buyer_technical_contact (Any | Unset):
            pricing_method (Any | Unset):
            pricing_reference (Any | Unset):
            pricing_term (Any | Unset):
            promotion_id (Any | Unset):
            order_type (Any | Unset):
            notes (Any | Unset):
            serviceability_response (Any | Unset):
            order_items (Any | Unset):
    """

    seller_id: Any | Unset = UNSET
    buyer_order_version: Any | Unset = UNSET
    order_date: Any | Unset = UNSET
    order_activity: Any | Unset = UNSET
    desired_responses: Any | Unset = UNSET
    project_id: Any | Unset = UNSET
    requested_completion_date: Any | Unset = UNSET
    requested_start_date: Any | Unset = UNSET
    priority: Any | Unset = UNSET
    billing_info: Any | Unset = UNSET
    buyer_order_contact: Any | Unset = UNSET
    buyer_implementation_contact: Any | Unset = UNSET
    buyer_technical_contact: Any | Unset = UNSET
    pricing_method: Any | Unset = UNSET
    pricing_reference: Any | Unset = UNSET
    pricing_term: Any | Unset = UNSET
    promotion_id: Any | Unset = UNSET
    order_type: Any | Unset = UNSET
    notes: Any | Unset = UNSET
    serviceability_response: Any | Unset = UNSET
    order_items: Any | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        seller_id = self.seller_id

        buyer_order_version = self.buyer_order_version

        order_date = self.order_date

        order_activity = self.order_activity

        desired_responses = self.desired_responses

        project_id = self.project_id

        requested_completion_date = self.requested_completion_date

        requested_start_date = self.requested_start_date

        priority = self.priority

        billing_info = self.billing_info

        buyer_order_contact = self.buyer_order_contact

        buyer_implementation_contact = self.buyer_implementation_contact

        buyer_technical_contact = self.buyer_technical_contact

        pricing_method = self.pricing_method

        pricing_reference = self.pricing_reference

        pricing_term = self.pricing_term

        promotion_id = self.promotion_id

        order_type = self.order_type

        notes = self.notes

        serviceability_response = self.serviceability_response

        order_items = self.order_items

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
        d = dict(src_dict)
        seller_id = d.pop("sellerId", UNSET)

        buyer_order_version = d.pop("buyerOrderVersion", UNSET)

        order_date = d.pop("orderDate", UNSET)

        order_activity = d.pop("orderActivity", UNSET)

        desired_responses = d.pop("desiredResponses", UNSET)

        project_id = d.pop("projectId", UNSET)

        requested_completion_date = d.pop("requestedCompletionDate", UNSET)

        requested_start_date = d.pop("requestedStartDate", UNSET)

        priority = d.pop("priority", UNSET)

        billing_info = d.pop("billingInfo", UNSET)

        buyer_order_contact = d.pop("buyerOrderContact", UNSET)

        buyer_implementation_contact = d.pop("buyerImplementationContact", UNSET)

        buyer_technical_contact = d.pop("buyerTechnicalContact", UNSET)

        pricing_method = d.pop("pricingMethod", UNSET)

        pricing_reference = d.pop("pricingReference", UNSET)

        pricing_term = d.pop("pricingTerm", UNSET)

        promotion_id = d.pop("promotionId", UNSET)

        order_type = d.pop("orderType", UNSET)

        notes = d.pop("notes", UNSET)

        serviceability_response = d.pop("serviceabilityResponse", UNSET)

        order_items = d.pop("orderItems", UNSET)

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
