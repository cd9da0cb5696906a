"""The seller processes each order the buyer created or supplemented, away from the request:
business checks, S-VLAN allocation, then a CONFIRMATION or an ERROR_OR_INFORMATION
notification, all in one transaction."""

from __future__ import annotations

import logging
import time
from datetime import timedelta
from typing import Any

from sqlmodel import Session

from app.lifecycle import FINAL
from app.seller import checks, notices
from app.storage import svlans
from app.storage.database import database_unavailable
from app.storage.notifications import NotificationStore
from app.storage.orders import OrderStore, StoredOrder, now
from app.storage.svlans import SvlanExhausted, SvlanTaken, SvlanWant
from app.storage.tables import SvlanRow
from generated.models import OrderStatus

log = logging.getLogger(__name__)
# At most this many failing orders are passed over in one query (the rest wait their turn).
MAX_SKIPPED = 500


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
        retry_base_seconds: float = 5.0,
        retry_max_seconds: float = 600.0,
    ) -> None:
        self.orders = orders
        self.notifications = notifications
        self.lead_time = lead_time
        self.correction_time = correction_time
        self.retry_base_seconds = retry_base_seconds
        self.retry_max_seconds = retry_max_seconds
        # Orders whose processing failed (a bug, not bad input): seq -> (failures, next try).
        # They wait, doubling each time, so they cannot hold up the orders queued behind them.
        self._failing: dict[int, tuple[int, float]] = {}

    def run_once(self, limit: int = 20) -> int:
        """Processes the orders waiting; returns how many were processed here."""
        done = 0
        at = time.monotonic()
        waiting = [seq for seq, (_, retry_at) in self._failing.items() if retry_at > at]
        for order in self.orders.to_process(limit, skip=waiting[:MAX_SKIPPED]):
            try:
                done += self.process(order)
            except Exception as error:
                if database_unavailable(error):
                    raise  # not this order's fault: the worker pauses until the database is back
                # The order stays queued, and is tried again after a while.
                failures = self._failing.get(order.seq, (0, 0.0))[0] + 1
                delay = min(self.retry_max_seconds, self.retry_base_seconds * 2 ** (failures - 1))
                self._failing[order.seq] = (failures, at + delay)
                log.exception(
                    "processing order %s failed (%d times); next try in %.0f s",
                    order.document.get("id"),
                    failures,
                    delay,
                )
            else:
                self._failing.pop(order.seq, None)
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
