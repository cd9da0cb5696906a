"""The seller processes each order the buyer created or supplemented, away from the request:
business checks, S-VLAN allocation, then a CONFIRMATION or an ERROR_OR_INFORMATION
notification, all in one unit of work."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import timedelta
from typing import Any

from app.domain import checks, notices
from app.domain.lifecycle import FINAL
from app.domain.ports import SvlanExhausted, SvlanTaken, UnitOfWork
from app.domain.records import StoredOrder, SvlanAssigned, SvlanWant
from app.domain.time import now
from generated.models import OrderStatus


def svlan_wants(order: dict[str, Any]) -> list[SvlanWant]:
    """The S-VLAN ids each Access EPL item needs on the existing ENNI it names."""
    wants = []
    for item in order["orderItems"]:
        detail = item["orderItemDetail"]
        enni = detail.get("enniReference") or {}
        if enni.get("objectType") != "existingEnniReference":
            continue
        first, last = detail.get("enniSvlanId"), detail.get("enniSvlanIdLast")
        requested = () if first is None else tuple(range(first, (last or first) + 1))
        wants.append(SvlanWant(enni["sellerEnniId"], item["orderItemReference"], requested))
    return wants


def svlan_message(error: SvlanTaken | SvlanExhausted) -> dict[str, Any]:
    if isinstance(error, SvlanTaken):
        return checks.message(
            "VLN002",
            "S-VLAN ID not available",
            f"orderItems {error.order_item_reference!r}: S-VLAN ID {error.svlan_id} on ENNI "
            f"{error.seller_enni_id} is already assigned to another order",
        )
    return checks.message(
        "VLN003",
        "No S-VLAN ID available",
        f"orderItems {error.order_item_reference!r}: ENNI {error.seller_enni_id} has no free "
        "S-VLAN ID left",
    )


class Processing:
    def __init__(
        self,
        uow: UnitOfWork,
        *,
        lead_time: timedelta = timedelta(days=10),
        correction_time: timedelta = timedelta(days=5),
    ) -> None:
        self.uow = uow
        self.lead_time = lead_time
        self.correction_time = correction_time

    def queued(self, limit: int, skip: Sequence[int] = ()) -> list[StoredOrder]:
        """Orders waiting to be processed, oldest first, but those in ``skip`` (by seq)."""
        with self.uow(read_only=True) as tx:
            return tx.orders.to_process(limit, skip)

    def process(self, order: StoredOrder) -> bool:
        """False when the order changed since it was read, or another worker has it."""
        document = order.document
        at = now()
        with self.uow() as tx:
            if not tx.orders.claim_processing(order):
                return False
            if OrderStatus(document["orderStatus"]) in FINAL:
                return True
            messages = checks.problems(document, at)
            assigned: list[SvlanAssigned] = []
            if not messages:
                try:
                    assigned = tx.svlans.assign(document["id"], svlan_wants(document))
                except (SvlanTaken, SvlanExhausted) as error:
                    messages = [svlan_message(error)]
            if messages:
                tx.svlans.release(document["id"])
                notice = notices.error(document, messages, at + self.correction_time)
            else:
                notice = notices.confirmation(document, assigned, at, self.lead_time)
            tx.notifications.emit(notice)
            return True
