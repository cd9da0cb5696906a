"""Notifications of orders, in the transaction of a unit of work, with their outbox rows.

A seller emits a notification inside the transaction of what caused it (processing, hold,
release, cancel) together with its outbox row, so a notification is never made without its
delivery, nor delivered without being made. A buyer receives notifications of orders that live
at the seller: they are keyed by order id, not tied to a local order.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from sqlalchemy import Connection, Select, bindparam, func, insert, update
from sqlalchemy import select as core_select

from app.domain.ports import VersionConflict
from app.domain.records import JSONPage, Page
from app.domain.time import now, utc_instant
from app.storage.driver import Driver, bound, run, run_many, writer_of
from app.storage.hubs import hubs_of_buyer
from app.storage.inserts import InsertOrSkip
from app.storage.tables import DeliveryRow, NotificationRow, OrderRow
from generated.models import OrderNotification
from specfirst.reply import canonical_json

NOTIFICATIONS = NotificationRow.__table__  # type: ignore[attr-defined]
DELIVERIES = DeliveryRow.__table__  # type: ignore[attr-defined]
ORDERS = OrderRow.__table__  # type: ignore[attr-defined]
# Built once, run on the driver: the seller's worker emits a notification for every order it
# processes.
GET_DOCUMENT = core_select(NOTIFICATIONS.c.document).where(NOTIFICATIONS.c.seq == bindparam("seq"))
COUNT_OF_ORDER = (
    core_select(func.count())
    .select_from(NOTIFICATIONS)
    .where(NOTIFICATIONS.c.order_id == bindparam("order_id"))
)
# Skipped when the (order, version) is stored already: a version taken, or received twice.
INSERT_NOTIFICATION = InsertOrSkip(
    NOTIFICATIONS,
    ("order_id", "version", "created_at", "document", "canonical"),
    NOTIFICATIONS.c.seq,
)
INSERT_DELIVERY = insert(DELIVERIES).values(
    bound(
        DELIVERIES,
        "notification_seq", "order_id", "url", "hub_id", "state", "attempts", "next_attempt_at",
    )
)  # fmt: skip
GET_RECEIVED = core_select(NOTIFICATIONS.c.document).where(
    NOTIFICATIONS.c.order_id == bindparam("order_id"),
    NOTIFICATIONS.c.version == bindparam("version"),
)
SET_EXPECTED = (
    update(ORDERS)
    .where(ORDERS.c.id == bindparam("order_id"))
    .values(
        expected_completion_date=bindparam("expected", type_=ORDERS.c.expected_completion_date.type)
    )
)


class SqlNotifications:
    """The domain's NotificationRepository (app/domain/ports.py) on the notifications table and
    the outbox. ``callbacks``: buyerId -> base URL the buyer receives notifications at (its
    Order Notification API)."""

    def __init__(self, connection: Callable[[], Connection], callbacks: Mapping[str, str]) -> None:
        # The unit of work's connection, opened when first used.
        self._connection = connection
        self.callbacks = callbacks

    def emit(self, document: dict[str, Any]) -> dict[str, Any]:
        driver = writer_of(self._connection())
        order_id = document["orderId"]
        ((count,),) = run(driver, COUNT_OF_ORDER, {"order_id": order_id})
        # The order's row is locked by the write that emits, so versions are not raced for;
        # a version taken by a received notification is skipped.
        for number in range(count + 1, count + 100):
            emitted = {**document, "notificationVersion": f"{number:02d}"}
            inserted = INSERT_NOTIFICATION.on(driver, notification_values(emitted))
            if inserted is None:
                continue
            deliveries = [
                {
                    "notification_seq": inserted[0],
                    "order_id": order_id,
                    "url": f"{callback}/orders/{order_id}/notifications",
                    "hub_id": hub_id,
                    "state": "pending",
                    "attempts": 0,
                    "next_attempt_at": now(),
                }
                for hub_id, callback in self._destinations(driver, document)
            ]
            if deliveries:
                run_many(driver, INSERT_DELIVERY, deliveries)
            self._expect(driver, order_id, document.get("expectedCompletionDate"))
            return emitted
        raise RuntimeError(f"no free notificationVersion for order {order_id}")

    def _destinations(
        self, driver: Driver, document: dict[str, Any]
    ) -> list[tuple[str | None, str]]:
        """(hub id, base URL) of every delivery of a notification: each of the buyer's hubs
        that wants its type; a buyer without hubs, the operator's callback, if configured."""
        buyer = document.get("buyerId", "")
        hubs = hubs_of_buyer(driver, buyer)
        if hubs:
            kind = document.get("notificationType", "")
            return [(hub.id, hub.callback) for hub in hubs if hub.wants(kind)]
        callback = self.callbacks.get(buyer)
        return [] if callback is None else [(None, callback)]

    @staticmethod
    def _expect(driver: Driver, order_id: str, expected: str | None) -> None:
        """The order's expected completion date, for the lists' filters, when this notification
        names one."""
        if expected is not None:
            run(driver, SET_EXPECTED, {"order_id": order_id, "expected": utc_instant(expected)})

    def receive(self, document: dict[str, Any]) -> tuple[bool, dict[str, Any]]:
        connection = self._connection()
        values = notification_values(document)
        # A notification received before inserts nothing, and leaves the transaction usable.
        if INSERT_NOTIFICATION(connection, values) is not None:
            return True, document
        key = {"order_id": values["order_id"], "version": values["version"]}
        stored = connection.execute(GET_RECEIVED, key).scalar_one()
        if dict(stored) != document:
            raise VersionConflict(dict(stored))
        return False, dict(stored)

    def page(self, order_id: str, limit: int, offset: int) -> Page:
        connection = self._connection()
        available = connection.execute(counting(order_id)).scalar_one()
        documents = connection.execute(listing(order_id, limit, offset)).scalars()
        return Page(available, [dict(d) for d in documents])

    def page_json(self, order_id: str, limit: int, offset: int) -> JSONPage:
        connection = self._connection()
        available = connection.execute(counting(order_id)).scalar_one()
        rows = connection.execute(
            listing(order_id, limit, offset, (NOTIFICATIONS.c.canonical, NOTIFICATIONS.c.seq))
        ).all()
        return JSONPage(
            available,
            [
                text
                if text is not None
                # Only read, and parsed, for a notification stored without the text.
                else notification_json(connection.execute(GET_DOCUMENT, {"seq": seq}).scalar_one())
                for text, seq in rows
            ],
        )


def counting(order_id: str) -> Select[Any]:
    """How many notifications the order has (a list's ``available``)."""
    return core_select(func.count()).select_from(NOTIFICATIONS).where(_of(order_id))


def listing(
    order_id: str, limit: int, offset: int, columns: Sequence[Any] = (NOTIFICATIONS.c.document,)
) -> Select[Any]:
    """One page of the order's notifications' ``columns`` (their documents), newest first: the
    one statement of a list, whichever form it is read in."""
    return (
        core_select(*columns)
        .where(_of(order_id))
        .order_by(NOTIFICATIONS.c.seq.desc())
        .limit(limit)
        .offset(offset)
    )


def _of(order_id: str) -> Any:
    return NOTIFICATIONS.c.order_id == order_id


def notification_values(document: dict[str, Any]) -> dict[str, Any]:
    """A notification's row: its document, and its canonical JSON beside it."""
    canonical = notification_json(document)
    return {
        "order_id": document["orderId"],
        "version": document.get("notificationVersion") or unversioned_key(canonical),
        "created_at": now(),
        "document": document,
        "canonical": canonical,
    }


def unversioned_key(canonical: str) -> str:
    """The version column of a received notification without ``notificationVersion``: its
    content, so the same one received again is found by the unique (order, version), as a
    versioned one is. A seller's versions are numbers; this one starts with ``~``."""
    return "~" + hashlib.sha256(canonical.encode()).hexdigest()[:31]


def notification_json(document: dict[str, Any]) -> str:
    """The notification as the API sends it, checked against the spec and serialized once."""
    return canonical_json(OrderNotification, document)
