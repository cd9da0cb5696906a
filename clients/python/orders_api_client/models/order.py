from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

from ..models.desired_responses import DesiredResponses
from ..models.order_activity import OrderActivity
from ..models.order_object_type import OrderObjectType
from ..models.order_status import OrderStatus
from ..models.order_type import OrderType
from ..models.pricing_method import PricingMethod
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.billing_information import BillingInformation
    from ..models.contact import Contact
    from ..models.held_order_item import HeldOrderItem
    from ..models.link import Link
    from ..models.resource_reference import ResourceReference


T = TypeVar("T", bound="Order")


@_attrs_define
class Order:
    """An order as the seller holds it.

    Attributes:
        buyer_id (str):
        seller_id (str):
        buyer_purchase_order_number (str):
        buyer_order_version (str):
        order_date (str): RFC 3339 date-time on a real calendar day of the years 0001 to 9999 (in 0001 and 9999 with the
            offset `Z` or `+00:00`); seconds may be omitted (`2016-10-01T13:20+01:00`); no leap second (`:60`). Example:
            2016-10-01T13:20+01:00.
        order_activity (OrderActivity):
        requested_completion_date (str): RFC 3339 date-time on a real calendar day of the years 0001 to 9999 (in 0001
            and 9999 with the offset `Z` or `+00:00`); seconds may be omitted (`2016-10-01T13:20+01:00`); no leap second
            (`:60`). Example: 2016-10-01T13:20+01:00.
        buyer_order_contact (Contact):
        order_type (OrderType):
        order_items (list[HeldOrderItem]):
        id (str): Seller-assigned order ID.
        order_status (OrderStatus): ACKNOWLEDGED: received, not yet accepted. IN_PROGRESS: accepted and being worked.
            HELD: held by the buyer. CANCELLED: cancelled by the buyer. REJECTED: refused by the seller.
            COMPLETED: every item delivered. FAILED: no item could be delivered. PARTIAL: the items
            ended differently (some completed, some failed).
        desired_responses (DesiredResponses | Unset):
        project_id (str | Unset):
        requested_start_date (str | Unset): RFC 3339 date-time on a real calendar day of the years 0001 to 9999 (in 0001
            and 9999 with the offset `Z` or `+00:00`); seconds may be omitted (`2016-10-01T13:20+01:00`); no leap second
            (`:60`). Example: 2016-10-01T13:20+01:00.
        priority (int | Unset):
        billing_info (BillingInformation | Unset):
        buyer_implementation_contact (Contact | Unset):
        buyer_technical_contact (Contact | Unset):
        pricing_method (PricingMethod | Unset):
        pricing_reference (str | Unset):
        pricing_term (int | Unset): Months.
        promotion_id (str | Unset):
        notes (str | Unset):
        serviceability_response (ResourceReference | Unset):
        object_type (OrderObjectType | Unset):
        link (Link | Unset):
        expected_completion_date (str | Unset): RFC 3339 date-time on a real calendar day of the years 0001 to 9999 (in
            0001 and 9999 with the offset `Z` or `+00:00`); seconds may be omitted (`2016-10-01T13:20+01:00`); no leap
            second (`:60`). Example: 2016-10-01T13:20+01:00.
        completion_date (str | Unset): RFC 3339 date-time on a real calendar day of the years 0001 to 9999 (in 0001 and
            9999 with the offset `Z` or `+00:00`); seconds may be omitted (`2016-10-01T13:20+01:00`); no leap second
            (`:60`). Example: 2016-10-01T13:20+01:00.
    """

    buyer_id: str
    seller_id: str
    buyer_purchase_order_number: str
    buyer_order_version: str
    order_date: str
    order_activity: OrderActivity
    requested_completion_date: str
    buyer_order_contact: Contact
    order_type: OrderType
    order_items: list[HeldOrderItem]
    id: str
    order_status: OrderStatus
    desired_responses: DesiredResponses | Unset = UNSET
    project_id: str | Unset = UNSET
    requested_start_date: str | Unset = UNSET
    priority: int | Unset = UNSET
    billing_info: BillingInformation | Unset = UNSET
    buyer_implementation_contact: Contact | Unset = UNSET
    buyer_technical_contact: Contact | Unset = UNSET
    pricing_method: PricingMethod | Unset = UNSET
    pricing_reference: str | Unset = UNSET
    pricing_term: int | Unset = UNSET
    promotion_id: str | Unset = UNSET
    notes: str | Unset = UNSET
    serviceability_response: ResourceReference | Unset = UNSET
    object_type: OrderObjectType | Unset = UNSET
    link: Link | Unset = UNSET
    expected_completion_date: str | Unset = UNSET
    completion_date: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        buyer_id = self.buyer_id

        seller_id = self.seller_id

        buyer_purchase_order_number = self.buyer_purchase_order_number

        buyer_order_version = self.buyer_order_version

        order_date = self.order_date

        order_activity = self.order_activity.value

        requested_completion_date = self.requested_completion_date

        buyer_order_contact = self.buyer_order_contact.to_dict()

        order_type = self.order_type.value

        order_items = []
        for order_items_item_data in self.order_items:
            order_items_item = order_items_item_data.to_dict()
            order_items.append(order_items_item)

        id = self.id

        order_status = self.order_status.value

        desired_responses: str | Unset = UNSET
        if not isinstance(self.desired_responses, Unset):
            desired_responses = self.desired_responses.value

        project_id = self.project_id

        requested_start_date = self.requested_start_date

        priority = self.priority

        billing_info: dict[str, Any] | Unset = UNSET
        if not isinstance(self.billing_info, Unset):
            billing_info = self.billing_info.to_dict()

        buyer_implementation_contact: dict[str, Any] | Unset = UNSET
        if not isinstance(self.buyer_implementation_contact, Unset):
            buyer_implementation_contact = self.buyer_implementation_contact.to_dict()

        buyer_technical_contact: dict[str, Any] | Unset = UNSET
        if not isinstance(self.buyer_technical_contact, Unset):
            buyer_technical_contact = self.buyer_technical_contact.to_dict()

        pricing_method: str | Unset = UNSET
        if not isinstance(self.pricing_method, Unset):
            pricing_method = self.pricing_method.value

        pricing_reference = self.pricing_reference

        pricing_term = self.pricing_term

        promotion_id = self.promotion_id

        notes = self.notes

        serviceability_response: dict[str, Any] | Unset = UNSET
        if not isinstance(self.serviceability_response, Unset):
            serviceability_response = self.serviceability_response.to_dict()

        object_type: str | Unset = UNSET
        if not isinstance(self.object_type, Unset):
            object_type = self.object_type.value

        link: dict[str, Any] | Unset = UNSET
        if not isinstance(self.link, Unset):
            link = self.link.to_dict()

        expected_completion_date = self.expected_completion_date

        completion_date = self.completion_date

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "buyerId": buyer_id,
                "sellerId": seller_id,
                "buyerPurchaseOrderNumber": buyer_purchase_order_number,
                "buyerOrderVersion": buyer_order_version,
                "orderDate": order_date,
                "orderActivity": order_activity,
                "requestedCompletionDate": requested_completion_date,
                "buyerOrderContact": buyer_order_contact,
                "orderType": order_type,
                "orderItems": order_items,
                "id": id,
                "orderStatus": order_status,
            }
        )
        if desired_responses is not UNSET:
            field_dict["desiredResponses"] = desired_responses
        if project_id is not UNSET:
            field_dict["projectId"] = project_id
        if requested_start_date is not UNSET:
            field_dict["requestedStartDate"] = requested_start_date
        if priority is not UNSET:
            field_dict["priority"] = priority
        if billing_info is not UNSET:
            field_dict["billingInfo"] = billing_info
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
        if notes is not UNSET:
            field_dict["notes"] = notes
        if serviceability_response is not UNSET:
            field_dict["serviceabilityResponse"] = serviceability_response
        if object_type is not UNSET:
            field_dict["objectType"] = object_type
        if link is not UNSET:
            field_dict["link"] = link
        if expected_completion_date is not UNSET:
            field_dict["expectedCompletionDate"] = expected_completion_date
        if completion_date is not UNSET:
            field_dict["completionDate"] = completion_date

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.billing_information import BillingInformation  # noqa: PLC0415
        from ..models.contact import Contact  # noqa: PLC0415
        from ..models.held_order_item import HeldOrderItem  # noqa: PLC0415
        from ..models.link import Link  # noqa: PLC0415
        from ..models.resource_reference import ResourceReference  # noqa: PLC0415

        d = dict(src_dict)
        buyer_id = d.pop("buyerId")

        seller_id = d.pop("sellerId")

        buyer_purchase_order_number = d.pop("buyerPurchaseOrderNumber")

        buyer_order_version = d.pop("buyerOrderVersion")

        order_date = d.pop("orderDate")

        order_activity = OrderActivity(d.pop("orderActivity"))

        requested_completion_date = d.pop("requestedCompletionDate")

        buyer_order_contact = Contact.from_dict(d.pop("buyerOrderContact"))

        order_type = OrderType(d.pop("orderType"))

        order_items = []
        _order_items = d.pop("orderItems")
        for order_items_item_data in _order_items:
            order_items_item = HeldOrderItem.from_dict(order_items_item_data)

            order_items.append(order_items_item)

        id = d.pop("id")

        order_status = OrderStatus(d.pop("orderStatus"))

        _desired_responses = d.pop("desiredResponses", UNSET)
        desired_responses: DesiredResponses | Unset
        if isinstance(_desired_responses, Unset):
            desired_responses = UNSET
        else:
            desired_responses = DesiredResponses(_desired_responses)

        project_id = d.pop("projectId", UNSET)

        requested_start_date = d.pop("requestedStartDate", UNSET)

        priority = d.pop("priority", UNSET)

        _billing_info = d.pop("billingInfo", UNSET)
        billing_info: BillingInformation | Unset
        if isinstance(_billing_info, Unset):
            billing_info = UNSET
        else:
            billing_info = BillingInformation.from_dict(_billing_info)

        _buyer_implementation_contact = d.pop("buyerImplementationContact", UNSET)
        buyer_implementation_contact: Contact | Unset
        if isinstance(_buyer_implementation_contact, Unset):
            buyer_implementation_contact = UNSET
        else:
            buyer_implementation_contact = Contact.from_dict(_buyer_implementation_contact)

        _buyer_technical_contact = d.pop("buyerTechnicalContact", UNSET)
        buyer_technical_contact: Contact | Unset
        if isinstance(_buyer_technical_contact, Unset):
            buyer_technical_contact = UNSET
        else:
            buyer_technical_contact = Contact.from_dict(_buyer_technical_contact)

        _pricing_method = d.pop("pricingMethod", UNSET)
        pricing_method: PricingMethod | Unset
        if isinstance(_pricing_method, Unset):
            pricing_method = UNSET
        else:
            pricing_method = PricingMethod(_pricing_method)

        pricing_reference = d.pop("pricingReference", UNSET)

        pricing_term = d.pop("pricingTerm", UNSET)

        promotion_id = d.pop("promotionId", UNSET)

        notes = d.pop("notes", UNSET)

        _serviceability_response = d.pop("serviceabilityResponse", UNSET)
        serviceability_response: ResourceReference | Unset
        if isinstance(_serviceability_response, Unset):
            serviceability_response = UNSET
        else:
            serviceability_response = ResourceReference.from_dict(_serviceability_response)

        _object_type = d.pop("objectType", UNSET)
        object_type: OrderObjectType | Unset
        if isinstance(_object_type, Unset):
            object_type = UNSET
        else:
            object_type = OrderObjectType(_object_type)

        _link = d.pop("link", UNSET)
        link: Link | Unset
        if isinstance(_link, Unset):
            link = UNSET
        else:
            link = Link.from_dict(_link)

        expected_completion_date = d.pop("expectedCompletionDate", UNSET)

        completion_date = d.pop("completionDate", UNSET)

        order = cls(
            buyer_id=buyer_id,
            seller_id=seller_id,
            buyer_purchase_order_number=buyer_purchase_order_number,
            buyer_order_version=buyer_order_version,
            order_date=order_date,
            order_activity=order_activity,
            requested_completion_date=requested_completion_date,
            buyer_order_contact=buyer_order_contact,
            order_type=order_type,
            order_items=order_items,
            id=id,
            order_status=order_status,
            desired_responses=desired_responses,
            project_id=project_id,
            requested_start_date=requested_start_date,
            priority=priority,
            billing_info=billing_info,
            buyer_implementation_contact=buyer_implementation_contact,
            buyer_technical_contact=buyer_technical_contact,
            pricing_method=pricing_method,
            pricing_reference=pricing_reference,
            pricing_term=pricing_term,
            promotion_id=promotion_id,
            notes=notes,
            serviceability_response=serviceability_response,
            object_type=object_type,
            link=link,
            expected_completion_date=expected_completion_date,
            completion_date=completion_date,
        )

        return order
