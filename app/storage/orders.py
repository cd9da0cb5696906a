"""Orders and their revisions, in the session of a unit of work. Updates are optimistic: the
UPDATE only matches the revision that was read, so no update is lost."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from sqlalchemy import Integer, func, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.functions import FunctionElement
from sqlmodel import Session, col, select
from sqlmodel.sql.expression import SelectOfScalar

from app.domain.ports import DuplicateOrder, RevisionMoved
from app.domain.records import OrderFilter, Page, Revision, StoredOrder
from app.domain.time import now, utc_instant
from app.storage.tables import OrderRevisionRow, OrderRow


def conditions(where: OrderFilter) -> list[Any]:
    """The WHERE clauses of a filter."""
    found: list[Any] = []
    if where.order_id is not None:
        found.append(col(OrderRow.id) == where.order_id)
    if where.buyer_id is not None:
        found.append(col(OrderRow.buyer_id) == where.buyer_id)
    if where.pon is not None:
        found.append(col(OrderRow.pon) == where.pon)
    if where.order_status is not None:
        found.append(col(OrderRow.order_status) == where.order_status)
    if where.order_type is not None:
        found.append(col(OrderRow.order_type) == where.order_type)
    if where.order_date_from is not None:
        found.append(col(OrderRow.order_date) >= where.order_date_from)
    if where.order_date_to is not None:
        found.append(col(OrderRow.order_date) < where.order_date_to)
    if where.project_id is not None:
        found.append(col(OrderRow.project_id) == where.project_id)
    ranges = (
        (OrderRow.order_date, where.order_date_after, where.order_date_before),
        (
            OrderRow.requested_completion_date,
            where.requested_completion_after,
            where.requested_completion_before,
        ),
        (
            OrderRow.expected_completion_date,
            where.expected_completion_after,
            where.expected_completion_before,
        ),
    )
    for column, after, before in ranges:
        if after is not None:
            found.append(col(column) > after)
        if before is not None:
            found.append(col(column) < before)
    return found


def counting(where: OrderFilter) -> SelectOfScalar[int]:
    """How many orders match (a list's ``available``)."""
    return select(func.count()).select_from(OrderRow).where(*conditions(where))


class _NewestFirst(FunctionElement[int]):
    """``seq`` as the sort key of a list filtered on a date range, which its range's index
    serves. SQLite, without statistics, prefers walking every order in ``seq`` order (no sort)
    to the range's index; as ``+seq`` the sort key is no longer the table's order, and it reads
    the orders in range from their index instead. Other databases weigh it themselves."""

    inherit_cache = True
    type = Integer()


@compiles(_NewestFirst)
def _plain(element: _NewestFirst, compiler: Any, **kw: Any) -> str:
    return str(compiler.process(element.clauses, **kw))


@compiles(_NewestFirst, "sqlite")
def _sqlite(element: _NewestFirst, compiler: Any, **kw: Any) -> str:
    return f"+{compiler.process(element.clauses, **kw)}"


def has_range(where: OrderFilter) -> bool:
    """Whether the filter has a date range and names no buyer (whose index serves it)."""
    bounds = (
        where.order_date_from,
        where.order_date_to,
        where.order_date_after,
        where.order_date_before,
        where.requested_completion_after,
        where.requested_completion_before,
        where.expected_completion_after,
        where.expected_completion_before,
    )
    return where.buyer_id is None and any(bound is not None for bound in bounds)


def listing(where: OrderFilter, limit: int, offset: int) -> SelectOfScalar[Mapping[Any, Any]]:
    """One page of the matching orders' documents, newest first."""
    key = _NewestFirst(col(OrderRow.seq)) if has_range(where) else col(OrderRow.seq)
    return (
        select(OrderRow.document)
        .where(*conditions(where))
        .order_by(key.desc())
        .limit(limit)
        .offset(offset)
    )


def _columns(document: dict[str, Any]) -> dict[str, Any]:
    """The queried fields of an order document, as columns."""
    return {
        "buyer_id": document["buyerId"],
        "pon": document["buyerPurchaseOrderNumber"],
        "buyer_order_version": document["buyerOrderVersion"],
        "order_status": document["orderStatus"],
        "order_type": document["orderType"],
        "order_date": utc_instant(document["orderDate"]),
        "project_id": document.get("projectId"),
        "requested_completion_date": utc_instant(document["requestedCompletionDate"]),
    }


def _stored(row: OrderRow) -> StoredOrder:
    assert row.seq is not None
    return StoredOrder(seq=row.seq, revision=row.revision, document=row.document)


class SqlOrders:
    """The domain's OrderRepository (app/domain/ports.py) on the orders tables."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def get(self, order_id: str) -> StoredOrder | None:
        row = self.session.exec(select(OrderRow).where(OrderRow.id == order_id)).first()
        return None if row is None else _stored(row)

    def latest(self, where: OrderFilter) -> StoredOrder | None:
        row = self.session.exec(
            select(OrderRow)
            .where(*conditions(where))
            .order_by(col(OrderRow.updated_at).desc(), col(OrderRow.seq).desc())
            .limit(1)
        ).first()
        return None if row is None else _stored(row)

    def page(self, where: OrderFilter, limit: int, offset: int) -> Page:
        available = self.session.exec(counting(where)).one()
        documents = self.session.exec(listing(where, limit, offset)).all()
        return Page(available, [dict(d) for d in documents])

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
        self.session.add(row)
        try:
            self.session.flush()
        except IntegrityError as error:
            raise DuplicateOrder(document["id"]) from error
        assert row.seq is not None
        self.session.add(
            OrderRevisionRow(order_seq=row.seq, revision=1, recorded_at=at, document=document)
        )
        return StoredOrder(seq=row.seq, revision=1, document=document)

    def replace(
        self, current: StoredOrder, document: dict[str, Any], *, reprocess: bool = False
    ) -> StoredOrder:
        at = now()
        revision = current.revision + 1
        queued = {"needs_processing": True} if reprocess else {}
        result = self.session.exec(
            update(OrderRow)
            .where(col(OrderRow.seq) == current.seq, col(OrderRow.revision) == current.revision)
            .values(
                revision=revision,
                updated_at=at,
                document=document,
                **queued,
                **_columns(document),
            )
            # The order read in this session stays as read: nothing uses it after the write.
            .execution_options(synchronize_session=False)
        )
        if result.rowcount != 1:
            raise RevisionMoved(document["id"])
        self.session.add(
            OrderRevisionRow(
                order_seq=current.seq, revision=revision, recorded_at=at, document=document
            )
        )
        return StoredOrder(seq=current.seq, revision=revision, document=document)

    def revisions(self, order: StoredOrder) -> list[Revision]:
        rows = self.session.exec(
            select(OrderRevisionRow)
            .where(OrderRevisionRow.order_seq == order.seq)
            .order_by(col(OrderRevisionRow.revision))
        ).all()
        return [Revision(r.revision, r.recorded_at, r.document) for r in rows]

    def to_process(self, limit: int, skip: Sequence[int] = ()) -> list[StoredOrder]:
        queued: list[Any] = [col(OrderRow.needs_processing)]
        if skip:
            queued.append(col(OrderRow.seq).not_in(skip))
        rows = self.session.exec(
            select(OrderRow).where(*queued).order_by(col(OrderRow.seq)).limit(limit)
        ).all()
        return [_stored(row) for row in rows]

    def claim_processing(self, order: StoredOrder) -> bool:
        # The row lock of the UPDATE makes a second worker wait, then find it taken.
        result = self.session.exec(
            update(OrderRow)
            .where(
                col(OrderRow.seq) == order.seq,
                col(OrderRow.revision) == order.revision,
                col(OrderRow.needs_processing),
            )
            .values(needs_processing=False)
            .execution_options(synchronize_session=False)
        )
        return bool(result.rowcount == 1)
