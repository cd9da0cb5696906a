"""The notifications the seller sends: their documents, from the order they are about."""

from __future__ import annotations

from collections.abc import Collection, Iterable
from datetime import datetime, timedelta
from typing import Any

from app.domain.records import SvlanAssigned, UniSvlanAssigned
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


def status_change(
    order: dict[str, Any], changes: list[dict[str, Any]] | None = None
) -> dict[str, Any]:
    """After the order or its items moved (the buyer's hold, release or cancel, the seller's
    complete or fail): the order's ``orderStatus`` and each item's state change."""
    document = base(order, "STATUS_CHANGE")
    if changes:
        document["orderItemStateChanges"] = changes
    return document


def error(order: dict[str, Any], messages: list[dict[str, Any]], due: datetime) -> dict[str, Any]:
    """The order fails the seller's checks: every reason, and when a correction is due."""
    document = base(order, "ERROR_OR_INFORMATION")
    document["requestedCompletionDate"] = order["requestedCompletionDate"]
    document["orderMessages"] = messages
    document["correctionOrderExpected"] = True
    document["correctionOrderDueDate"] = due.date().isoformat()
    return document


def seller_id(kind: str, order_id: str, reference: str) -> str:
    """A seller id for what an order item installs: stable when the order is processed again."""
    return f"{kind}-{order_id.removeprefix('ORD-')}-{reference}"


def _id_assignment(seller: str, buyer: str | None, reference: str) -> dict[str, Any]:
    assignment = {"objectType": "idAssignment", "sellerAssignedId": seller}
    if buyer:
        assignment["buyerAssignedId"] = buyer
    assignment["orderItemReference"] = reference
    return assignment


def seller_ids(order: dict[str, Any], references: Collection[str] | None = None) -> dict[str, Any]:
    """The seller's ids of the order's items (those of ``references``, or all), as the
    notifications name them; the order carries them in its items once processed."""
    ovcs, unis, ennis = [], [], []
    for item in order["orderItems"]:
        reference, detail = item["orderItemReference"], item["orderItemDetail"]
        if references is not None and reference not in references:
            continue
        if detail["objectType"] == "accessEplProductOrder":
            seller = detail.get("sellerOvcId") or seller_id("OVC", order["id"], reference)
            ovcs.append(_id_assignment(seller, detail.get("buyerOvcId"), reference))
            enni = detail.get("enniReference") or {}
            if enni.get("objectType") == "existingEnniReference":
                ennis.append(
                    _id_assignment(enni["sellerEnniId"], enni.get("buyerEnniId"), reference)
                )
        elif detail["objectType"] == "uniProductOrder":
            seller = detail.get("sellerUniId") or seller_id("UNI", order["id"], reference)
            unis.append(_id_assignment(seller, detail.get("buyerUniId"), reference))
    ids: dict[str, Any] = {}
    if ovcs:
        # The notification names one OVC: an Access EPL order installs one.
        ids["sellerOvcId"] = ovcs[0]
    if unis:
        ids["sellerUniIds"] = unis
    if ennis:
        ids["sellerEnniIds"] = ennis
    return ids


def svlan_ids(
    enni: Iterable[SvlanAssigned], uni: Iterable[UniSvlanAssigned] = ()
) -> dict[str, Any]:
    """The S-VLAN ids assigned on ENNIs and on UNIs, as the notifications name them."""
    ids: dict[str, Any] = {}
    on_ennis = [
        {"objectType": "svlanIdAssignment", "sellerEnniId": s.seller_enni_id, "svlanId": s.svlan_id}
        for s in enni
    ]
    if on_ennis:
        ids["enniSvlanIds"] = on_ennis
    on_unis = [
        {"objectType": "svlanIdAssignment", "sellerUniId": s.seller_uni_id, "svlanId": s.svlan_id}
        for s in uni
    ]
    if on_unis:
        ids["uniSvlanIds"] = on_unis
    return ids


def confirmation(
    order: dict[str, Any],
    svlans: Iterable[SvlanAssigned],
    at: datetime,
    lead_time: timedelta,
    uni_svlans: Iterable[UniSvlanAssigned] = (),
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
    document.update(seller_ids(order))
    document.update(svlan_ids(svlans, uni_svlans))
    return document


def completion(order: dict[str, Any]) -> dict[str, Any]:
    """The order ended with items delivered (COMPLETED or PARTIAL): when, and the seller's ids
    of the items completed, so that the buyer knows which circuits are live."""
    document = base(order, "COMPLETION")
    document["completionDate"] = order["completionDate"]
    done = {i["orderItemReference"] for i in order["orderItems"] if i.get("state") == "COMPLETED"}
    document.update(seller_ids(order, done))
    return document


def jeopardy(order: dict[str, Any], reason: str) -> dict[str, Any]:
    """The order will be late: why, and its new expected completion date."""
    document = base(order, "JEOPARDY")
    document["requestedCompletionDate"] = order["requestedCompletionDate"]
    document["expectedCompletionDate"] = order["expectedCompletionDate"]
    document["jeopardyReason"] = reason
    return document
