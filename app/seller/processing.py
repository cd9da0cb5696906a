"""The seller processes each order the buyer created or supplemented, away from the request:
business checks, S-VLAN allocation, then a CONFIRMATION or an ERROR_OR_INFORMATION
notification, all in one transaction."""

from __future__ import annotations

import logging
from datetime import timedelta
from typing import Any

from sqlmodel import Session

from app.lifecycle import FINAL
from app.problems import database_unavailable
from app.seller import checks, notices
from app.storage import svlans
from app.storage.notifications import NotificationStore
from app.storage.orders import OrderStore, StoredOrder, now
from app.storage.svlans import SvlanExhausted, SvlanTaken, SvlanWant
from app.storage.tables import SvlanRow
from generated.models import OrderStatus

log = logging.getLogger(__name__)


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


class OrderProcessor:
    def __init__(
        self,
        orders: OrderStore,
        notifications: NotificationStore,
        *,
        lead_time: timedelta = timedelta(days=10),
        correction_time: timedelta = timedelta(days=5),
    ) -> None:
        self.orders = orders
        self.notifications = notifications
        self.lead_time = lead_time
        self.correction_time = correction_time

    def run_once(self, limit: int = 20) -> int:
        """Processes the orders waiting; returns how many were processed here."""
        done = 0
        for order in self.orders.to_process(limit):
            try:
                done += self.process(order)
            except Exception as error:
                if database_unavailable(error):
                    raise  # not this order's fault: the worker pauses until the database is back
                # The order stays queued; the next round tries it again.
                log.exception("processing order %s failed", order.document.get("id"))
        return done

    def process(self, order: StoredOrder) -> bool:
        """False when the order changed since it was read, or another worker has it."""
        document = order.document
        at = now()
        with Session(self.orders.engine) as session:
            if not self.orders.claim_processing(session, order):
                return False
            if OrderStatus(document["orderStatus"]) in FINAL:
                session.commit()
                return True
            messages = checks.problems(document, at)
            assigned: list[SvlanRow] = []
            if not messages:
                try:
                    assigned = svlans.assign(session, document["id"], svlan_wants(document))
                except (SvlanTaken, SvlanExhausted) as error:
                    messages = [svlan_message(error)]
            if messages:
                svlans.release(session, document["id"])
                notice = notices.error(document, messages, at + self.correction_time)
            else:
                notice = notices.confirmation(document, assigned, at, self.lead_time)
            self.notifications.emit(session, notice)
            session.commit()
            return True
