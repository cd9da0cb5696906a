"""The notifications the seller sends: their documents, from the order they are about."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, timedelta
from typing import Any

from app.domain.records import SvlanAssigned
from app.domain.time import parse_instant

# Fields every notification repeats from its order.
ORDER_FIELDS = (
    "buyerId",
    "sellerId",
    "buyerPurchaseOrderNumber",
    "buyerOrderVersion",
    "projectId",
    "orderStatus",
)


def base(order: dict[str, Any], notification_type: str) -> dict[str, Any]:
    return {
        "objectType": "orderNotification",
        "orderId": order["id"],
        **{field: order[field] for field in ORDER_FIELDS if field in order},
        "notificationType": notification_type,
    }


def status_change(order: dict[str, Any]) -> dict[str, Any]:
    """After the buyer's hold, release or cancel: the order's new ``orderStatus``."""
    return base(order, "STATUS_CHANGE")


def error(order: dict[str, Any], messages: list[dict[str, Any]], due: datetime) -> dict[str, Any]:
    """The order fails the seller's checks: every reason, and when a correction is due."""
    document = base(order, "ERROR_OR_INFORMATION")
    document["requestedCompletionDate"] = order["requestedCompletionDate"]
    document["orderMessages"] = messages
    document["correctionOrderExpected"] = True
    document["correctionOrderDueDate"] = due.date().isoformat()
    return document


def _assigned(kind: str, order_id: str, reference: str) -> str:
    """A seller id for what an order item installs: stable when the order is processed again."""
    return f"{kind}-{order_id.removeprefix('ORD-')}-{reference}"


def _id_assignment(seller: str, buyer: str | None, reference: str) -> dict[str, Any]:
    assignment = {"objectType": "idAssignment", "sellerAssignedId": seller}
    if buyer:
        assignment["buyerAssignedId"] = buyer
    assignment["orderItemReference"] = reference
    return assignment


def confirmation(
    order: dict[str, Any], svlans: Iterable[SvlanAssigned], at: datetime, lead_time: timedelta
) -> dict[str, Any]:
    """The order is accepted: expected completion, seller ids and S-VLAN ids."""
    document = base(order, "CONFIRMATION")
    requested = order["requestedCompletionDate"]
    document["requestedCompletionDate"] = requested
    earliest = at + lead_time
    document["expectedCompletionDate"] = (
        requested
        if parse_instant(requested) >= earliest
        else earliest.isoformat(timespec="minutes")
    )
    billing = order.get("billingInfo", {}).get("existingBillingAccountNumber")
    if billing:
        document["billingAccountNumber"] = billing
    ovcs, unis, ennis = [], [], []
    for item in order["orderItems"]:
        reference, detail = item["orderItemReference"], item["orderItemDetail"]
        if detail["objectType"] == "accessEplProductOrder":
            seller = detail.get("sellerOvcId") or _assigned("OVC", order["id"], reference)
            ovcs.append(_id_assignment(seller, detail.get("buyerOvcId"), reference))
            enni = detail.get("enniReference") or {}
            if enni.get("objectType") == "existingEnniReference":
                ennis.append(
                    _id_assignment(enni["sellerEnniId"], enni.get("buyerEnniId"), reference)
                )
        elif detail["objectType"] == "uniProductOrder":
            seller = detail.get("sellerUniId") or _assigned("UNI", order["id"], reference)
            unis.append(_id_assignment(seller, detail.get("buyerUniId"), reference))
    if ovcs:
        # The notification names one OVC: an Access EPL order installs one.
        document["sellerOvcId"] = ovcs[0]
    if unis:
        document["sellerUniIds"] = unis
    if ennis:
        document["sellerEnniIds"] = ennis
    enni_svlans = [
        {"objectType": "svlanIdAssignment", "sellerEnniId": s.seller_enni_id, "svlanId": s.svlan_id}
        for s in svlans
    ]
    if enni_svlans:
        document["enniSvlanIds"] = enni_svlans
    return document
