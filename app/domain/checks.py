"""The seller's business checks of an order: what the schema cannot say. Each failure is an
order message (code, description, messageInformation naming the field, severity)."""

from __future__ import annotations

from collections import Counter
from datetime import datetime
from typing import Any

from app.domain.time import parse_instant


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
    return problems


def problems(order: dict[str, Any], at: datetime) -> list[dict[str, Any]]:
    """Every business rule the order breaks (empty when it passes)."""
    return date_problems(order, at) + reference_problems(order) + svlan_problems(order)
