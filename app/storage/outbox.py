"""The outbox: deliveries of the seller's notifications to buyers, still to make or made.
Its rows are written with their notification (app/storage/notifications.py); here they are
claimed, marked and listed, each step in a unit of work of its own."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any

from sqlalchemy import Engine, Integer, bindparam, update
from sqlalchemy.orm import aliased
from sqlmodel import col, select

from app.domain.time import now
from app.storage.hubs import HUB_DELETED
from app.storage.tables import DeliveryRow, HubRow, NotificationRow
from app.storage.unit_of_work import UnitOfWork

PENDING, DELIVERED, DEAD = "pending", "delivered", "dead"


def _due() -> Any:
    """The deliveries due at the bind parameter ``at`` (at most ``limit``), each with its
    notification's document and its hub's seq (None for an operator's callback or a deleted
    hub): pending, their time come, not leased to a worker, and no earlier delivery of the
    same order to the same URL still pending."""
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
    return (
        select(DeliveryRow, NotificationRow.document, HubRow.seq)
        .join(NotificationRow, col(NotificationRow.seq) == col(DeliveryRow.notification_seq))
        .outerjoin(HubRow, col(HubRow.id) == col(DeliveryRow.hub_id))
        .where(
            DeliveryRow.state == PENDING,
            col(DeliveryRow.next_attempt_at) <= bindparam("at"),
            col(DeliveryRow.lease_until).is_(None)
            | (col(DeliveryRow.lease_until) < bindparam("at")),
            ~blocked,
        )
        .order_by(col(DeliveryRow.seq))
        .limit(bindparam("limit", type_=Integer))
    )


# Built once: the worker asks for it twice a second, idle or not, and building it cost more
# than running it on an empty outbox.
DUE = _due()


@dataclass(frozen=True)
class Delivery:
    seq: int
    order_id: str
    url: str
    document: dict[str, Any]
    attempts: int
    hub_id: str | None = None
    state: str = PENDING
    last_error: str | None = None
    next_attempt_at: datetime | None = None
    # The lease this worker holds on it, once claimed.
    lease_until: datetime | None = None


class Outbox:
    """The deliveries still to make. Several workers (processes) may share it: each claims a
    delivery with a lease, and a crashed worker's lease runs out."""

    def __init__(self, engine: Engine) -> None:
        self.uow = UnitOfWork(engine)

    def due(self, limit: int) -> list[Delivery]:
        """Up to ``limit`` deliveries due now, not yet claimed. Per order and buyer, only the
        oldest pending one is due, so a buyer receives an order's notifications in order."""
        with self.uow(read_only=True) as tx:
            candidates = tx.session.exec(DUE, params={"at": now(), "limit": limit}).all()
        due: list[Delivery] = []
        for row, document, hub_seq in candidates:
            assert row.seq is not None
            if row.hub_id is not None and hub_seq is None:
                # Queued while its hub was being deleted: dead like the hub's other deliveries.
                self._update_pending(row.seq, state=DEAD, last_error=HUB_DELETED)
                continue
            due.append(
                Delivery(row.seq, row.order_id, row.url, dict(document), row.attempts, row.hub_id)
            )
        return due

    def claim(self, delivery: Delivery, lease_seconds: float) -> Delivery | None:
        """Leases a due delivery to this worker for ``lease_seconds``; None when another worker
        has delivered it or holds it. Claimed one at a time, just before it is sent, so a lease
        never runs out while the delivery waits behind others."""
        at = now()
        lease = datetime.fromtimestamp(at.timestamp() + lease_seconds, at.tzinfo)
        # Each claim commits at once: another worker sees the lease and passes it by.
        unleased = col(DeliveryRow.lease_until).is_(None) | (col(DeliveryRow.lease_until) < at)
        taken = self._update_pending(delivery.seq, unleased, lease_until=lease)
        return replace(delivery, lease_until=lease) if taken else None

    def _update_pending(self, seq: int, *conditions: Any, **values: Any) -> bool:
        """Sets ``values`` on the delivery if it is still pending (and meets ``conditions``),
        in a unit of work of its own; whether it did."""
        with self.uow() as tx:
            result = tx.session.exec(
                update(DeliveryRow)
                .where(col(DeliveryRow.seq) == seq, col(DeliveryRow.state) == PENDING, *conditions)
                .values(**values)
            )
        return bool(result.rowcount == 1)

    def _set_if_leased(self, delivery: Delivery, **values: Any) -> None:
        """Records the outcome of a claimed delivery, unless its lease ran out and another
        worker claimed it since: that worker's outcome is the one that counts."""
        ours = col(DeliveryRow.lease_until) == delivery.lease_until
        self._update_pending(delivery.seq, ours, lease_until=None, **values)

    def delivered(self, delivery: Delivery) -> None:
        self._set_if_leased(delivery, state=DELIVERED, delivered_at=now(), last_error=None)

    def failed(self, delivery: Delivery, error: str, retry_at: datetime | None) -> None:
        """Records a failed attempt: retried at ``retry_at``, or dead when that is None."""
        self._set_if_leased(
            delivery,
            attempts=delivery.attempts + 1,
            last_error=error[:1000],
            **({"next_attempt_at": retry_at} if retry_at else {"state": DEAD}),
        )

    def listed(self, state: str | None = None, limit: int = 100) -> list[Delivery]:
        query = select(DeliveryRow, NotificationRow.document).join(
            NotificationRow, col(NotificationRow.seq) == col(DeliveryRow.notification_seq)
        )
        if state is not None:
            query = query.where(DeliveryRow.state == state)
        with self.uow(read_only=True) as tx:
            rows = tx.session.exec(query.order_by(col(DeliveryRow.seq)).limit(limit)).all()
        return [
            Delivery(
                row.seq or 0,
                row.order_id,
                row.url,
                dict(document),
                row.attempts,
                row.hub_id,
                row.state,
                row.last_error,
                row.next_attempt_at,
            )
            for row, document in rows
        ]

    def revive(self, seq: int | None = None) -> int:
        """Queues dead deliveries (one, or all) again; returns how many."""
        query = update(DeliveryRow).where(col(DeliveryRow.state) == DEAD)
        if seq is not None:
            query = query.where(col(DeliveryRow.seq) == seq)
        with self.uow() as tx:
            result = tx.session.exec(query.values(state=PENDING, attempts=0, next_attempt_at=now()))
        return int(result.rowcount)
