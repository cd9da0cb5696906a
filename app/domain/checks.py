"""The seller's business checks of an order: what the schema cannot say. Each failure is an
order message (code, description, messageInformation naming the field, severity)."""

from __future__ import annotations

from collections import Counter
from datetime import datetime
from typing import Any

from app.domain.time import parse_instant

# A notification lists at most this many of anything (the spec's maxItems on its arrays): the
# S-VLAN ids a confirmation assigns, the messages an error reports.
LISTED_AT_MOST = 1000


def message(code: str, description: str, information: str) -> dict[str, Any]:
    return {
        "objectType": "orderMessage",
        "code": code,
        "description": description,
        "messageInformation": information,
        "severity": "ERROR",
        "correctionRequired": True,
    }


def _details(order: dict[str, Any]) -> list[tuple[str, dict[str, Any]]]:
    return [(i["orderItemReference"], i["orderItemDetail"]) for i in order["orderItems"]]


def date_problems(order: dict[str, Any], at: datetime) -> list[dict[str, Any]]:
    problems = []
    completion = parse_instant(order["requestedCompletionDate"])
    if completion < at:
        problems.append(
            message(
                "DAT001",
                "Requested Completion Date in the past",
                f"requestedCompletionDate {order['requestedCompletionDate']} is before the "
                f"order was processed ({at.isoformat(timespec='minutes')})",
            )
        )
    if completion < parse_instant(order["orderDate"]):
        problems.append(
            message(
                "DAT002",
                "Requested Completion Date before Order Date",
                f"requestedCompletionDate {order['requestedCompletionDate']} is before "
                f"orderDate {order['orderDate']}",
            )
        )
    start = order.get("requestedStartDate")
    if start is not None and parse_instant(start) > completion:
        problems.append(
            message(
                "DAT003",
                "Requested Start Date after Requested Completion Date",
                f"requestedStartDate {start} is after requestedCompletionDate "
                f"{order['requestedCompletionDate']}",
            )
        )
    return problems


def reference_problems(order: dict[str, Any]) -> list[dict[str, Any]]:
    problems = []
    details = _details(order)
    for reference, count in Counter(ref for ref, _ in details).items():
        if count > 1:
            problems.append(
                message(
                    "REF003",
                    "Order Item Reference not unique",
                    f"orderItemReference {reference!r} is used by {count} order items",
                )
            )
    kinds = {ref: detail["objectType"] for ref, detail in details}
    for reference, detail in details:
        for field, wanted, noun in (
            ("uniReference", "uniProductOrder", "a UNI"),
            ("enniReference", None, "an ENNI"),
        ):
            target = detail.get(field) or {}
            if not target.get("objectType", "").startswith("ordered"):
                continue
            pointed = target["orderItemReference"]
            if pointed not in kinds or kinds[pointed] != wanted:
                what = "no order item" if pointed not in kinds else f"a {kinds[pointed]}"
                problems.append(
                    message(
                        "REF001" if field == "uniReference" else "REF002",
                        f"Ordered {field[:-9].upper()} Reference invalid",
                        f"orderItems {reference!r}: {field}.orderItemReference {pointed!r} is "
                        f"{what}, not an order item that orders {noun}",
                    )
                )
    return problems


def svlan_problems(order: dict[str, Any]) -> list[dict[str, Any]]:
    problems = []
    for reference, detail in _details(order):
        first, last = detail.get("enniSvlanId"), detail.get("enniSvlanIdLast")
        if last is not None and (first is None or last < first):
            problems.append(
                message(
                    "VLN001",
                    "S-VLAN ID range invalid",
                    f"orderItems {reference!r}: enniSvlanIdLast {last} needs an enniSvlanId "
                    f"at or below it (enniSvlanId is {first})",
                )
            )
    wanted = svlans_wanted(order)
    if wanted > LISTED_AT_MOST:
        problems.append(
            message(
                "VLN005",
                "Too many S-VLAN IDs",
                f"orderItems: the order's enniSvlanId ranges and automatic ids come to {wanted} "
                f"S-VLAN IDs; an order is assigned at most {LISTED_AT_MOST}",
            )
        )
    return problems


def on_existing_enni(order: dict[str, Any]) -> list[tuple[str, str, range]]:
    """The items on an existing ENNI: their reference, the ENNI's seller id, and the S-VLAN ids
    asked for (``enniSvlanId``..``enniSvlanIdLast``; empty: the seller picks one)."""
    items = []
    for reference, detail in _details(order):
        enni = detail.get("enniReference") or {}
        if enni.get("objectType") != "existingEnniReference":
            continue
        first, last = detail.get("enniSvlanId"), detail.get("enniSvlanIdLast")
        asked = range(0) if first is None else range(first, (last or first) + 1)
        items.append((reference, enni["sellerEnniId"], asked))
    return items


def svlans_wanted(order: dict[str, Any]) -> int:
    """How many S-VLAN ids the order's items on existing ENNIs take: those asked for, or one."""
    return sum(len(asked) or 1 for _, _, asked in on_existing_enni(order))


def listed(messages: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The messages as one notification can carry them: past the limit, the last one listed
    says how many more there are."""
    if len(messages) <= LISTED_AT_MOST:
        return messages
    more = len(messages) - LISTED_AT_MOST + 1
    summary = message(
        "MSG001",
        "More problems than listed",
        f"{more} more problems are not listed here; they are reported once these are corrected",
    )
    return [*messages[: LISTED_AT_MOST - 1], summary]


def problems(order: dict[str, Any], at: datetime) -> list[dict[str, Any]]:
    """Every business rule the order breaks (empty when it passes), as many as a notification
    lists."""
    return listed(date_problems(order, at) + reference_problems(order) + svlan_problems(order))
