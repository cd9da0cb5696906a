from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

from ..models.notification_type import NotificationType
from ..models.order_notification_object_type import OrderNotificationObjectType
from ..models.order_status import OrderStatus
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.contact import Contact
    from ..models.id_assignment import IdAssignment
    from ..models.order_item_state_notice import OrderItemStateNotice
    from ..models.order_message import OrderMessage
    from ..models.svlan_id_assignment import SvlanIdAssignment


T = TypeVar("T", bound="OrderNotification")


@_attrs_define
class OrderNotification:
    """
    Attributes:
        order_id (str):
        notification_type (NotificationType): CONFIRMATION: the seller accepted the order (or its supplement) and
            assigned ids and SVLANs.
            ERROR_OR_INFORMATION: the order fails the seller's checks; `orderMessages` say why.
            STATUS_CHANGE: the order's status or its items' states changed (hold, release, cancel,
            an item completed or failed): see `orderStatus` and `orderItemStateChanges`.
            JEOPARDY: the order will be late: `jeopardyReason` and the new `expectedCompletionDate`.
            COMPLETION: the order ended with items delivered (COMPLETED or PARTIAL):
            `completionDate` and the seller's ids of the items completed.
            ACKNOWLEDGEMENT: a step of a seller's ordering flow this service does not send.
        object_type (OrderNotificationObjectType | Unset):
        buyer_id (str | Unset):
        seller_id (str | Unset):
        buyer_purchase_order_number (str | Unset):
        buyer_order_version (str | Unset):
        notification_version (str | Unset):
        project_id (str | Unset):
        requested_completion_date (str | Unset): The completion date as the buyer requested it, echoed even when invalid
            (an error notification reports it).
        expected_completion_date (str | Unset): RFC 3339 date-time on a real calendar day of the years 0001 to 9999 (in
            0001 and 9999 with the offset `Z` or `+00:00`); seconds may be omitted (`2016-10-01T13:20+01:00`); no leap
            second (`:60`). Example: 2016-10-01T13:20+01:00.
        order_status (OrderStatus | Unset): ACKNOWLEDGED: received, not yet accepted. IN_PROGRESS: accepted and being
            worked.
            HELD: held by the buyer. CANCELLED: cancelled by the buyer. REJECTED: refused by the seller.
            COMPLETED: every item delivered. FAILED: no item could be delivered. PARTIAL: the items
            ended differently (some completed, some failed).
        seller_order_contact (Contact | Unset):
        billing_account_number (str | Unset):
        seller_ovc_id (IdAssignment | Unset):
        seller_uni_ids (list[IdAssignment] | Unset):
        seller_enni_ids (list[IdAssignment] | Unset):
        enni_svlan_ids (list[SvlanIdAssignment] | Unset):
        uni_svlan_ids (list[SvlanIdAssignment] | Unset):
        order_messages (list[OrderMessage] | Unset):
        correction_order_expected (bool | Unset):
        correction_order_due_date (datetime.date | Unset):
        completion_date (str | Unset): RFC 3339 date-time on a real calendar day of the years 0001 to 9999 (in 0001 and
            9999 with the offset `Z` or `+00:00`); seconds may be omitted (`2016-10-01T13:20+01:00`); no leap second
            (`:60`). Example: 2016-10-01T13:20+01:00.
        jeopardy_reason (str | Unset):
        order_item_state_changes (list[OrderItemStateNotice] | Unset): The items that changed state in this step
            (STATUS_CHANGE).
    """

    order_id: str
    notification_type: NotificationType
    object_type: OrderNotificationObjectType | Unset = UNSET
    buyer_id: str | Unset = UNSET
    seller_id: str | Unset = UNSET
    buyer_purchase_order_number: str | Unset = UNSET
    buyer_order_version: str | Unset = UNSET
    notification_version: str | Unset = UNSET
    project_id: str | Unset = UNSET
    requested_completion_date: str | Unset = UNSET
    expected_completion_date: str | Unset = UNSET
    order_status: OrderStatus | Unset = UNSET
    seller_order_contact: Contact | Unset = UNSET
    billing_account_number: str | Unset = UNSET
    seller_ovc_id: IdAssignment | Unset = UNSET
    seller_uni_ids: list[IdAssignment] | Unset = UNSET
    seller_enni_ids: list[IdAssignment] | Unset = UNSET
    enni_svlan_ids: list[SvlanIdAssignment] | Unset = UNSET
    uni_svlan_ids: list[SvlanIdAssignment] | Unset = UNSET
    order_messages: list[OrderMessage] | Unset = UNSET
    correction_order_expected: bool | Unset = UNSET
    correction_order_due_date: datetime.date | Unset = UNSET
    completion_date: str | Unset = UNSET
    jeopardy_reason: str | Unset = UNSET
    order_item_state_changes: list[OrderItemStateNotice] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        order_id = self.order_id

        notification_type = self.notification_type.value

        object_type: str | Unset = UNSET
        if not isinstance(self.object_type, Unset):
            object_type = self.object_type.value

        buyer_id = self.buyer_id

        seller_id = self.seller_id

        buyer_purchase_order_number = self.buyer_purchase_order_number

        buyer_order_version = self.buyer_order_version

        notification_version = self.notification_version

        project_id = self.project_id

        requested_completion_date = self.requested_completion_date

        expected_completion_date = self.expected_completion_date

        order_status: str | Unset = UNSET
        if not isinstance(self.order_status, Unset):
            order_status = self.order_status.value

        seller_order_contact: dict[str, Any] | Unset = UNSET
        if not isinstance(self.seller_order_contact, Unset):
            seller_order_contact = self.seller_order_contact.to_dict()

        billing_account_number = self.billing_account_number

        seller_ovc_id: dict[str, Any] | Unset = UNSET
        if not isinstance(self.seller_ovc_id, Unset):
            seller_ovc_id = self.seller_ovc_id.to_dict()

        seller_uni_ids: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.seller_uni_ids, Unset):
            seller_uni_ids = []
            for seller_uni_ids_item_data in self.seller_uni_ids:
                seller_uni_ids_item = seller_uni_ids_item_data.to_dict()
                seller_uni_ids.append(seller_uni_ids_item)

        seller_enni_ids: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.seller_enni_ids, Unset):
            seller_enni_ids = []
            for seller_enni_ids_item_data in self.seller_enni_ids:
                seller_enni_ids_item = seller_enni_ids_item_data.to_dict()
                seller_enni_ids.append(seller_enni_ids_item)

        enni_svlan_ids: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.enni_svlan_ids, Unset):
            enni_svlan_ids = []
            for enni_svlan_ids_item_data in self.enni_svlan_ids:
                enni_svlan_ids_item = enni_svlan_ids_item_data.to_dict()
                enni_svlan_ids.append(enni_svlan_ids_item)

        uni_svlan_ids: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.uni_svlan_ids, Unset):
            uni_svlan_ids = []
            for uni_svlan_ids_item_data in self.uni_svlan_ids:
                uni_svlan_ids_item = uni_svlan_ids_item_data.to_dict()
                uni_svlan_ids.append(uni_svlan_ids_item)

        order_messages: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.order_messages, Unset):
            order_messages = []
            for order_messages_item_data in self.order_messages:
                order_messages_item = order_messages_item_data.to_dict()
                order_messages.append(order_messages_item)

        correction_order_expected = self.correction_order_expected

        correction_order_due_date: str | Unset = UNSET
        if not isinstance(self.correction_order_due_date, Unset):
            correction_order_due_date = self.correction_order_due_date.isoformat()

        completion_date = self.completion_date

        jeopardy_reason = self.jeopardy_reason

        order_item_state_changes: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.order_item_state_changes, Unset):
            order_item_state_changes = []
            for order_item_state_changes_item_data in self.order_item_state_changes:
                order_item_state_changes_item = order_item_state_changes_item_data.to_dict()
                order_item_state_changes.append(order_item_state_changes_item)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "orderId": order_id,
                "notificationType": notification_type,
            }
        )
        if object_type is not UNSET:
            field_dict["objectType"] = object_type
        if buyer_id is not UNSET:
            field_dict["buyerId"] = buyer_id
        if seller_id is not UNSET:
            field_dict["sellerId"] = seller_id
        if buyer_purchase_order_number is not UNSET:
            field_dict["buyerPurchaseOrderNumber"] = buyer_purchase_order_number
        if buyer_order_version is not UNSET:
            field_dict["buyerOrderVersion"] = buyer_order_version
        if notification_version is not UNSET:
            field_dict["notificationVersion"] = notification_version
        if project_id is not UNSET:
            field_dict["projectId"] = project_id
        if requested_completion_date is not UNSET:
            field_dict["requestedCompletionDate"] = requested_completion_date
        if expected_completion_date is not UNSET:
            field_dict["expectedCompletionDate"] = expected_completion_date
        if order_status is not UNSET:
            field_dict["orderStatus"] = order_status
        if seller_order_contact is not UNSET:
            field_dict["sellerOrderContact"] = seller_order_contact
        if billing_account_number is not UNSET:
            field_dict["billingAccountNumber"] = billing_account_number
        if seller_ovc_id is not UNSET:
            field_dict["sellerOvcId"] = seller_ovc_id
        if seller_uni_ids is not UNSET:
            field_dict["sellerUniIds"] = seller_uni_ids
        if seller_enni_ids is not UNSET:
            field_dict["sellerEnniIds"] = seller_enni_ids
        if enni_svlan_ids is not UNSET:
            field_dict["enniSvlanIds"] = enni_svlan_ids
        if uni_svlan_ids is not UNSET:
            field_dict["uniSvlanIds"] = uni_svlan_ids
        if order_messages is not UNSET:
            field_dict["orderMessages"] = order_messages
        if correction_order_expected is not UNSET:
            field_dict["correctionOrderExpected"] = correction_order_expected
        if correction_order_due_date is not UNSET:
            field_dict["correctionOrderDueDate"] = correction_order_due_date
        if completion_date is not UNSET:
            field_dict["completionDate"] = completion_date
        if jeopardy_reason is not UNSET:
            field_dict["jeopardyReason"] = jeopardy_reason
        if order_item_state_changes is not UNSET:
            field_dict["orderItemStateChanges"] = order_item_state_changes

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.contact import Contact  # noqa: PLC0415
        from ..models.id_assignment import IdAssignment  # noqa: PLC0415
        from ..models.order_item_state_notice import OrderItemStateNotice  # noqa: PLC0415
        from ..models.order_message import OrderMessage  # noqa: PLC0415
        from ..models.svlan_id_assignment import SvlanIdAssignment  # noqa: PLC0415

        d = dict(src_dict)
        order_id = d.pop("orderId")

        notification_type = NotificationType(d.pop("notificationType"))

        _object_type = d.pop("objectType", UNSET)
        object_type: OrderNotificationObjectType | Unset
        if isinstance(_object_type, Unset):
            object_type = UNSET
        else:
            object_type = OrderNotificationObjectType(_object_type)

        buyer_id = d.pop("buyerId", UNSET)

        seller_id = d.pop("sellerId", UNSET)

        buyer_purchase_order_number = d.pop("buyerPurchaseOrderNumber", UNSET)

        buyer_order_version = d.pop("buyerOrderVersion", UNSET)

        notification_version = d.pop("notificationVersion", UNSET)

        project_id = d.pop("projectId", UNSET)

        requested_completion_date = d.pop("requestedCompletionDate", UNSET)

        expected_completion_date = d.pop("expectedCompletionDate", UNSET)

        _order_status = d.pop("orderStatus", UNSET)
        order_status: OrderStatus | Unset
        if isinstance(_order_status, Unset):
            order_status = UNSET
        else:
            order_status = OrderStatus(_order_status)

        _seller_order_contact = d.pop("sellerOrderContact", UNSET)
        seller_order_contact: Contact | Unset
        if isinstance(_seller_order_contact, Unset):
            seller_order_contact = UNSET
        else:
            seller_order_contact = Contact.from_dict(_seller_order_contact)

        billing_account_number = d.pop("billingAccountNumber", UNSET)

        _seller_ovc_id = d.pop("sellerOvcId", UNSET)
        seller_ovc_id: IdAssignment | Unset
        if isinstance(_seller_ovc_id, Unset):
            seller_ovc_id = UNSET
        else:
            seller_ovc_id = IdAssignment.from_dict(_seller_ovc_id)

        _seller_uni_ids = d.pop("sellerUniIds", UNSET)
        seller_uni_ids: list[IdAssignment] | Unset = UNSET
        if _seller_uni_ids is not UNSET:
            seller_uni_ids = []
            for seller_uni_ids_item_data in _seller_uni_ids:
                seller_uni_ids_item = IdAssignment.from_dict(seller_uni_ids_item_data)

                seller_uni_ids.append(seller_uni_ids_item)

        _seller_enni_ids = d.pop("sellerEnniIds", UNSET)
        seller_enni_ids: list[IdAssignment] | Unset = UNSET
        if _seller_enni_ids is not UNSET:
            seller_enni_ids = []
            for seller_enni_ids_item_data in _seller_enni_ids:
                seller_enni_ids_item = IdAssignment.from_dict(seller_enni_ids_item_data)

                seller_enni_ids.append(seller_enni_ids_item)

        _enni_svlan_ids = d.pop("enniSvlanIds", UNSET)
        enni_svlan_ids: list[SvlanIdAssignment] | Unset = UNSET
        if _enni_svlan_ids is not UNSET:
            enni_svlan_ids = []
            for enni_svlan_ids_item_data in _enni_svlan_ids:
                enni_svlan_ids_item = SvlanIdAssignment.from_dict(enni_svlan_ids_item_data)

                enni_svlan_ids.append(enni_svlan_ids_item)

        _uni_svlan_ids = d.pop("uniSvlanIds", UNSET)
        uni_svlan_ids: list[SvlanIdAssignment] | Unset = UNSET
        if _uni_svlan_ids is not UNSET:
            uni_svlan_ids = []
            for uni_svlan_ids_item_data in _uni_svlan_ids:
                uni_svlan_ids_item = SvlanIdAssignment.from_dict(uni_svlan_ids_item_data)

                uni_svlan_ids.append(uni_svlan_ids_item)

        _order_messages = d.pop("orderMessages", UNSET)
        order_messages: list[OrderMessage] | Unset = UNSET
        if _order_messages is not UNSET:
            order_messages = []
            for order_messages_item_data in _order_messages:
                order_messages_item = OrderMessage.from_dict(order_messages_item_data)

                order_messages.append(order_messages_item)

        correction_order_expected = d.pop("correctionOrderExpected", UNSET)

        _correction_order_due_date = d.pop("correctionOrderDueDate", UNSET)
        correction_order_due_date: datetime.date | Unset
        if isinstance(_correction_order_due_date, Unset):
            correction_order_due_date = UNSET
        else:
            correction_order_due_date = datetime.date.fromisoformat(_correction_order_due_date)

        completion_date = d.pop("completionDate", UNSET)

        jeopardy_reason = d.pop("jeopardyReason", UNSET)

        _order_item_state_changes = d.pop("orderItemStateChanges", UNSET)
        order_item_state_changes: list[OrderItemStateNotice] | Unset = UNSET
        if _order_item_state_changes is not UNSET:
            order_item_state_changes = []
            for order_item_state_changes_item_data in _order_item_state_changes:
                order_item_state_changes_item = OrderItemStateNotice.from_dict(order_item_state_changes_item_data)

                order_item_state_changes.append(order_item_state_changes_item)

        order_notification = cls(
            order_id=order_id,
            notification_type=notification_type,
            object_type=object_type,
            buyer_id=buyer_id,
            seller_id=seller_id,
            buyer_purchase_order_number=buyer_purchase_order_number,
            buyer_order_version=buyer_order_version,
            notification_version=notification_version,
            project_id=project_id,
            requested_completion_date=requested_completion_date,
            expected_completion_date=expected_completion_date,
            order_status=order_status,
            seller_order_contact=seller_order_contact,
            billing_account_number=billing_account_number,
            seller_ovc_id=seller_ovc_id,
            seller_uni_ids=seller_uni_ids,
            seller_enni_ids=seller_enni_ids,
            enni_svlan_ids=enni_svlan_ids,
            uni_svlan_ids=uni_svlan_ids,
            order_messages=order_messages,
            correction_order_expected=correction_order_expected,
            correction_order_due_date=correction_order_due_date,
            completion_date=completion_date,
            jeopardy_reason=jeopardy_reason,
            order_item_state_changes=order_item_state_changes,
        )

        return order_notification
