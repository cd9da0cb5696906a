"""Notifications of orders, and the outbox of their deliveries to buyers.

A seller emits a notification inside the transaction of what caused it (processing, hold,
release, cancel) together with its outbox row, so a notification is never made without its
delivery, nor delivered without being made. A buyer receives notifications of orders that live
at the seller: they are keyed by order id, not tied to a local order.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Engine, func, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import aliased
from sqlmodel import Session, col, select

from app.storage.orders import now
from app.storage.tables import DeliveryRow, NotificationRow

PENDING, DELIVERED, DEAD = "pending", "delivered", "dead"


class VersionConflict(Exception):
    """Another notification of the order already has this notificationVersion."""

    def __init__(self, stored: dict[str, Any]) -> None:
        super().__init__(stored.get("notificationVersion"))
        self.stored = stored


class NotificationStore:
    def __init__(self, engine: Engine, callbacks: Mapping[str, str] | None = None) -> None:
        self.engine = engine
        # buyerId -> base URL the buyer receives notifications at (its Order Notification API).
        self.callbacks = {buyer: url.rstrip("/") for buyer, url in (callbacks or {}).items()}

    def emit(self, session: Session, document: dict[str, Any]) -> dict[str, Any]:
        """Adds a seller notification in ``session``'s transaction with the next
        ``notificationVersion`` of its order, and queues its delivery to the buyer."""
        order_id = document["orderId"]
        count = session.exec(
            select(func.count())
            .select_from(NotificationRow)
            .where(NotificationRow.order_id == order_id)
        ).one()
        # The order's row is locked by the write that emits, so versions are not raced for;
        # a version taken by a received notification is skipped.
        for number in range(count + 1, count + 100):
            version = f"{number:02d}"
            emitted = {**document, "notificationVersion": version}
            row = NotificationRow(
                order_id=order_id, version=version, created_at=now(), document=emitted
            )
            try:
                with session.begin_nested():
                    session.add(row)
            except IntegrityError:
                continue
            callback = self.callbacks.get(document.get("buyerId", ""))
            if callback is not None:
                assert row.seq is not None
                session.add(
                    DeliveryRow(
                        notification_seq=row.seq,
                        order_id=order_id,
                        url=f"{callback}/orders/{order_id}/notifications",
                        next_attempt_at=now(),
                    )
                )
            return emitted
        raise RuntimeError(f"no free notificationVersion for order {order_id}")

    def receive(self, document: dict[str, Any]) -> tuple[bool, dict[str, Any]]:
        """Stores a notification received from a seller: (True, it) the first time, (False, the
        stored one) when the same notification comes again; VersionConflict when its version
        was received with other content."""
        order_id, version = document["orderId"], document.get("notificationVersion")
        with Session(self.engine) as session:
            session.add(
                NotificationRow(
                    order_id=order_id, version=version, created_at=now(), document=document
                )
            )
            try:
                session.commit()
                return True, document
            except IntegrityError:
                session.rollback()
            stored = session.exec(
                select(NotificationRow.document).where(
                    NotificationRow.order_id == order_id, NotificationRow.version == version
                )
            ).one()
            if dict(stored) != document:
                raise VersionConflict(dict(stored))
            return False, dict(stored)

    def page(self, order_id: str, limit: int, offset: int) -> tuple[int, list[dict[str, Any]]]:
        """(number of notifications of the order, one page of them newest first)."""
        where = NotificationRow.order_id == order_id
        with Session(self.engine) as session:
            available = session.exec(
                select(func.count()).select_from(NotificationRow).where(where)
            ).one()
            documents = session.exec(
                select(NotificationRow.document)
                .where(where)
                .order_by(col(NotificationRow.seq).desc())
                .limit(limit)
                .offset(offset)
            ).all()
            return available, [dict(d) for d in documents]


@dataclass(frozen=True)
class Delivery:
    seq: int
    order_id: str
    url: str
    document: dict[str, Any]
    attempts: int
    state: str = PENDING
    last_error: str | None = None
    next_attempt_at: datetime | None = None


class Outbox:
    """The deliveries still to make. Several workers (processes) may share it: each claims a
    delivery with a lease, and a crashed worker's lease runs out."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def claim_due(self, limit: int, lease_seconds: float) -> list[Delivery]:
        """Claims up to ``limit`` due deliveries. Per order and buyer, only the oldest pending
        one is due, so a buyer receives an order's notifications in order."""
        at = now()
        earlier = aliased(DeliveryRow)
        blocked = (
            select(earlier.seq)
            .where(
                earlier.order_id == DeliveryRow.order_id,
                earlier.url == DeliveryRow.url,
                earlier.state == PENDING,
                col(earlier.seq) < DeliveryRow.seq,
            )
            .exists()
        )
        with Session(self.engine) as session:
            candidates = session.exec(
                select(DeliveryRow, NotificationRow.document)
                .join(
                    NotificationRow, col(NotificationRow.seq) == col(DeliveryRow.notification_seq)
                )
                .where(
                    DeliveryRow.state == PENDING,
                    col(DeliveryRow.next_attempt_at) <= at,
                    ~blocked,
                )
                .order_by(col(DeliveryRow.seq))
                .limit(limit)
            ).all()
            claimed: list[Delivery] = []
            lease = datetime.fromtimestamp(at.timestamp() + lease_seconds, at.tzinfo)
            for row, document in candidates:
                taken = session.exec(
                    update(DeliveryRow)
                    .where(
                        col(DeliveryRow.seq) == row.seq,
                        col(DeliveryRow.state) == PENDING,
                        (col(DeliveryRow.lease_until).is_(None))
                        | (col(DeliveryRow.lease_until) < at),
                    )
                    .values(lease_until=lease)
                )
                session.commit()
                if taken.rowcount == 1:
                    assert row.seq is not None
                    claimed.append(
                        Delivery(row.seq, row.order_id, row.url, dict(document), row.attempts)
                    )
            return claimed

    def _set(self, seq: int, **values: Any) -> None:
        with Session(self.engine) as session:
            session.exec(update(DeliveryRow).where(col(DeliveryRow.seq) == seq).values(**values))
            session.commit()

    def delivered(self, seq: int) -> None:
        self._set(seq, state=DELIVERED, delivered_at=now(), lease_until=None, last_error=None)

    def failed(self, delivery: Delivery, error: str, retry_at: datetime | None) -> None:
        """Records a failed attempt: retried at ``retry_at``, or dead when that is None."""
        self._set(
            delivery.seq,
            attempts=delivery.attempts + 1,
            last_error=error[:1000],
            lease_until=None,
            **({"next_attempt_at": retry_at} if retry_at else {"state": DEAD}),
        )

    def listed(self, state: str | None = None, limit: int = 100) -> list[Delivery]:
        with Session(self.engine) as session:
            query = select(DeliveryRow, NotificationRow.document).join(
                NotificationRow, col(NotificationRow.seq) == col(DeliveryRow.notification_seq)
            )
            if state is not None:
                query = query.where(DeliveryRow.state == state)
            rows = session.exec(query.order_by(col(DeliveryRow.seq)).limit(limit)).all()
            return [
                Delivery(
                    row.seq or 0,
                    row.order_id,
                    row.url,
                    dict(document),
                    row.attempts,
                    row.state,
                    row.last_error,
                    row.next_attempt_at,
                )
                for row, document in rows
            ]

    def revive(self, seq: int | None = None) -> int:
        """Queues dead deliveries (one, or all) again; returns how many."""
        with Session(self.engine) as session:
            query = update(DeliveryRow).where(col(DeliveryRow.state) == DEAD)
            if seq is not None:
                query = query.where(col(DeliveryRow.seq) == seq)
            result = session.exec(query.values(state=PENDING, attempts=0, next_attempt_at=now()))
            session.commit()
            return int(result.rowcount)
