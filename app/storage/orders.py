"""Order and notification storage. Every write is one transaction; order updates are
optimistic (the UPDATE only matches the revision that was read), so no update is lost."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Engine, func, update
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, col, select

from app.storage.tables import OrderRevisionRow, OrderRow

# Work done in the transaction of an order write, after the write: (session, new document).
AlsoInTransaction = Callable[[Session, dict[str, Any]], None]


def now() -> datetime:
    return datetime.now(UTC)


def parse_instant(value: str) -> datetime:
    """An RFC 3339 date-time (seconds optional) as an aware datetime; ValueError when it is
    none, or when it is not one of the years 1 to 9999 in UTC either (0001-01-01T00:00+01:00),
    as the databases store it in UTC."""
    instant = datetime.fromisoformat(value.upper())
    try:
        instant.astimezone(UTC)
    except OverflowError as error:
        raise ValueError("in UTC, it falls outside the years 1 to 9999") from error
    return instant


@dataclass(frozen=True)
class StoredOrder:
    seq: int
    revision: int
    document: dict[str, Any]


@dataclass(frozen=True)
class OrderFilter:
    order_id: str | None = None
    buyer_id: str | None = None
    pon: str | None = None
    order_status: str | None = None
    order_type: str | None = None
    order_date_from: datetime | None = None
    order_date_to: datetime | None = None

    def conditions(self) -> list[Any]:
        conditions: list[Any] = []
        if self.order_id is not None:
            conditions.append(col(OrderRow.id) == self.order_id)
        if self.buyer_id is not None:
            conditions.append(col(OrderRow.buyer_id) == self.buyer_id)
        if self.pon is not None:
            conditions.append(col(OrderRow.pon) == self.pon)
        if self.order_status is not None:
            conditions.append(col(OrderRow.order_status) == self.order_status)
        if self.order_type is not None:
            conditions.append(col(OrderRow.order_type) == self.order_type)
        if self.order_date_from is not None:
            conditions.append(col(OrderRow.order_date) >= self.order_date_from)
        if self.order_date_to is not None:
            conditions.append(col(OrderRow.order_date) < self.order_date_to)
        return conditions


class DuplicateOrder(Exception):
    """Another order already has this buyerId and purchase order number."""


def _columns(document: dict[str, Any]) -> dict[str, Any]:
    """The queried fields of an order document, as columns."""
    return {
        "buyer_id": document["buyerId"],
        "pon": document["buyerPurchaseOrderNumber"],
        "buyer_order_version": document["buyerOrderVersion"],
        "order_status": document["orderStatus"],
        "order_type": document["orderType"],
        "order_date": parse_instant(document["orderDate"]),
    }


def _stored(row: OrderRow) -> StoredOrder:
    assert row.seq is not None
    return StoredOrder(seq=row.seq, revision=row.revision, document=row.document)


class OrderStore:
    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def get(self, order_id: str) -> StoredOrder | None:
        with Session(self.engine) as session:
            row = session.exec(select(OrderRow).where(OrderRow.id == order_id)).first()
            return None if row is None else _stored(row)

    def latest(self, where: OrderFilter) -> StoredOrder | None:
        """The most recently changed order matching ``where``."""
        with Session(self.engine) as session:
            row = session.exec(
                select(OrderRow)
                .where(*where.conditions())
                .order_by(col(OrderRow.updated_at).desc(), col(OrderRow.seq).desc())
                .limit(1)
            ).first()
            return None if row is None else _stored(row)

    def page(self, where: OrderFilter, limit: int, offset: int) -> tuple[int, list[dict[str, Any]]]:
        """(number of matches, documents of one page), newest first."""
        conditions = where.conditions()
        with Session(self.engine) as session:
            available = session.exec(
                select(func.count()).select_from(OrderRow).where(*conditions)
            ).one()
            documents = session.exec(
                select(OrderRow.document)
                .where(*conditions)
                .order_by(col(OrderRow.seq).desc())
                .limit(limit)
                .offset(offset)
            ).all()
            return available, [dict(d) for d in documents]

    def insert(self, document: dict[str, Any]) -> StoredOrder:
        at = now()
        row = OrderRow(
            id=document["id"],
            revision=1,
            created_at=at,
            updated_at=at,
            document=document,
            **_columns(document),
        )
        with Session(self.engine, expire_on_commit=False) as session:
            session.add(row)
            try:
                session.flush()
            except IntegrityError as error:
                session.rollback()
                raise DuplicateOrder(document["id"]) from error
            assert row.seq is not None
            session.add(
                OrderRevisionRow(order_seq=row.seq, revision=1, recorded_at=at, document=document)
            )
            session.commit()
            return _stored(row)

    def replace(
        self,
        current: StoredOrder,
        document: dict[str, Any],
        *,
        reprocess: bool = False,
        then: AlsoInTransaction | None = None,
    ) -> StoredOrder | None:
        """Writes the next revision; None when the order changed since ``current`` was read.
        ``reprocess`` queues the order for the seller's processing again; ``then`` runs in the
        same transaction (a notification of the change is written with it, or not at all)."""
        at = now()
        revision = current.revision + 1
        queued = {"needs_processing": True} if reprocess else {}
        with Session(self.engine) as session:
            result = session.exec(
                update(OrderRow)
                .where(col(OrderRow.seq) == current.seq, col(OrderRow.revision) == current.revision)
                .values(
                    revision=revision,
                    updated_at=at,
                    document=document,
                    **queued,
                    **_columns(document),
                )
            )
            if result.rowcount != 1:
                session.rollback()
                return None
            if then is not None:
                then(session, document)
            session.add(
                OrderRevisionRow(
                    order_seq=current.seq, revision=revision, recorded_at=at, document=document
                )
            )
            session.commit()
        return StoredOrder(seq=current.seq, revision=revision, document=document)

    def revisions(self, order_seq: int) -> list[OrderRevisionRow]:
        with Session(self.engine) as session:
            return list(
                session.exec(
                    select(OrderRevisionRow)
                    .where(OrderRevisionRow.order_seq == order_seq)
                    .order_by(col(OrderRevisionRow.revision))
                ).all()
            )

    def to_process(self, limit: int, skip: Sequence[int] = ()) -> list[StoredOrder]:
        """Orders written by the buyer since the seller last processed them, oldest first,
        but those in ``skip`` (by seq)."""
        conditions: list[Any] = [col(OrderRow.needs_processing)]
        if skip:
            conditions.append(col(OrderRow.seq).not_in(skip))
        with Session(self.engine) as session:
            rows = session.exec(
                select(OrderRow).where(*conditions).order_by(col(OrderRow.seq)).limit(limit)
            ).all()
            return [_stored(row) for row in rows]

    @staticmethod
    def claim_processing(session: Session, order: StoredOrder) -> bool:
        """Takes ``order`` off the processing queue in ``session``'s transaction; False when it
        changed since it was read, or another worker took it (the row lock makes them wait)."""
        result = session.exec(
            update(OrderRow)
            .where(
                col(OrderRow.seq) == order.seq,
                col(OrderRow.revision) == order.revision,
                col(OrderRow.needs_processing),
            )
            .values(needs_processing=False)
        )
        return bool(result.rowcount == 1)
