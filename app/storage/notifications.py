"""Notifications of orders, in the session of a unit of work, with their outbox rows.

A seller emits a notification inside the transaction of what caused it (processing, hold,
release, cancel) together with its outbox row, so a notification is never made without its
delivery, nor delivered without being made. A buyer receives notifications of orders that live
at the seller: they are keyed by order id, not tied to a local order.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from sqlalchemy import Select, bindparam, func, update
from sqlalchemy import select as core_select
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, col, select

from app.domain.ports import VersionConflict
from app.domain.records import JSONPage, Page
from app.domain.time import now, utc_instant
from app.storage.hubs import SqlHubs
from app.storage.tables import DeliveryRow, NotificationRow, OrderRow
from generated.models import OrderNotification
from specfirst.reply import canonical_json

NOTIFICATIONS = NotificationRow.__table__  # type: ignore[attr-defined]
GET_DOCUMENT = core_select(NOTIFICATIONS.c.document).where(NOTIFICATIONS.c.seq == bindparam("seq"))


class SqlNotifications:
    """The domain's NotificationRepository (app/domain/ports.py) on the notifications table and
    the outbox. ``callbacks``: buyerId -> base URL the buyer receives notifications at (its
    Order Notification API)."""

    def __init__(self, session: Session, callbacks: Mapping[str, str]) -> None:
        self.session = session
        self.callbacks = callbacks

    def emit(self, document: dict[str, Any]) -> dict[str, Any]:
        session = self.session
        order_id = document["orderId"]
        count = session.exec(
            select(func.count())
            .select_from(NotificationRow)
            .where(NotificationRow.order_id == order_id)
        ).one()
        # The order's row is locked by the write that emits, so versions are not raced for;
        # a version taken by a received notification is skipped.
        for number in range(count + 1, count + 100):
            emitted = {**document, "notificationVersion": f"{number:02d}"}
            row = notification_row(emitted)
            try:
                with session.begin_nested():
                    session.add(row)
            except IntegrityError:
                continue
            assert row.seq is not None
            for hub_id, callback in self._destinations(document):
                session.add(
                    DeliveryRow(
                        notification_seq=row.seq,
                        order_id=order_id,
                        url=f"{callback}/orders/{order_id}/notifications",
                        hub_id=hub_id,
                        next_attempt_at=now(),
                    )
                )
            self._expect(order_id, document.get("expectedCompletionDate"))
            return emitted
        raise RuntimeError(f"no free notificationVersion for order {order_id}")

    def _destinations(self, document: dict[str, Any]) -> list[tuple[str | None, str]]:
        """(hub id, base URL) of every delivery of a notification: each of the buyer's hubs
        that wants its type; a buyer without hubs, the operator's callback, if configured."""
        buyer = document.get("buyerId", "")
        hubs = SqlHubs(self.session).of_buyer(buyer)
        if hubs:
            kind = document.get("notificationType", "")
            return [(hub.id, hub.callback) for hub in hubs if hub.wants(kind)]
        callback = self.callbacks.get(buyer)
        return [] if callback is None else [(None, callback)]

    def _expect(self, order_id: str, expected: str | None) -> None:
        """The order's expected completion date, for the lists' filters, when this notification
        names one."""
        if expected is not None:
            self.session.exec(
                update(OrderRow)
                .where(col(OrderRow.id) == order_id)
                .values(expected_completion_date=utc_instant(expected))
                .execution_options(synchronize_session=False)
            )

    def receive(self, document: dict[str, Any]) -> tuple[bool, dict[str, Any]]:
        order_id, version = document["orderId"], document.get("notificationVersion")
        try:
            # A savepoint: a notification received before leaves the transaction usable.
            with self.session.begin_nested():
                self.session.add(notification_row(document))
            return True, document
        except IntegrityError:
            pass
        stored = self.session.exec(
            select(NotificationRow.document).where(
                NotificationRow.order_id == order_id, NotificationRow.version == version
            )
        ).one()
        if dict(stored) != document:
            raise VersionConflict(dict(stored))
        return False, dict(stored)

    def page(self, order_id: str, limit: int, offset: int) -> Page:
        connection = self.session.connection()
        available = connection.execute(counting(order_id)).scalar_one()
        documents = connection.execute(listing(order_id, limit, offset)).scalars()
        return Page(available, [dict(d) for d in documents])

    def page_json(self, order_id: str, limit: int, offset: int) -> JSONPage:
        connection = self.session.connection()
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


def notification_row(document: dict[str, Any]) -> NotificationRow:
    """A notification to store: its document, and its canonical JSON beside it."""
    return NotificationRow(
        order_id=document["orderId"],
        version=document.get("notificationVersion"),
        created_at=now(),
        document=document,
        canonical=notification_json(document),
    )


def notification_json(document: dict[str, Any]) -> str:
    """The notification as the API sends it, checked against the spec and serialized once."""
    return canonical_json(OrderNotification, document)
