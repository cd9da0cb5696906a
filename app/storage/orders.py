"""Orders and their revisions, in the session of a unit of work. Updates are optimistic: the
UPDATE only matches the revision that was read, so no update is lost. An order is stored once,
as its canonical JSON (the text the API sends); the reads that answer requests (``get_json``,
``page_json``) return it with statements compiled once and run on the driver, no ORM object and
no JSON parsed. Each revision keeps its document as the write that made it had it."""

from __future__ import annotations

import operator
from collections.abc import Callable, Mapping, Sequence
from datetime import datetime
from typing import Any

import orjson
from sqlalchemy import (
    BigInteger,
    Boolean,
    Connection,
    Integer,
    Select,
    bindparam,
    func,
    insert,
    text,
    update,
)
from sqlalchemy import select as core_select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.functions import FunctionElement
from sqlmodel import Session, col, select

from app.domain.ports import DuplicateOrder, RevisionMoved
from app.domain.records import JSONPage, OrderFilter, OrderJSON, Page, Revision, StoredOrder
from app.domain.time import now, utc_instant
from app.storage.driver import Driver, bound, driver_of, run, writer_of
from app.storage.tables import TO_PROCESS, OrderRevisionRow, OrderRow
from generated.models import Order
from specfirst.reply import canonical_json

ORDERS = OrderRow.__table__  # type: ignore[attr-defined]
REVISIONS = OrderRevisionRow.__table__  # type: ignore[attr-defined]
# Built once: SQLAlchemy finds its compiled form in its cache by the statement's structure.
GET_JSON = core_select(ORDERS.c.revision, ORDERS.c.buyer_id, ORDERS.c.canonical).where(
    ORDERS.c.id == bindparam("order_id")
)
# An order read to change it: what StoredOrder needs.
STORED = (ORDERS.c.seq, ORDERS.c.revision, ORDERS.c.canonical)
GET_ORDER = core_select(*STORED).where(ORDERS.c.id == bindparam("order_id"))
QUERIED = (
    "buyer_id", "pon", "buyer_order_version", "order_status", "order_type", "order_date",
    "project_id", "requested_completion_date",
)  # fmt: skip


# The writes, with every value a bind parameter, so one compiled form serves every request.
INSERT_ORDER = insert(ORDERS).values(
    bound(
        ORDERS,
        "id", "revision", "needs_processing", "created_at", "updated_at", "canonical", *QUERIED,
    )
)  # fmt: skip
UPDATE_ORDER = (
    update(ORDERS)
    .where(ORDERS.c.seq == bindparam("was_seq"), ORDERS.c.revision == bindparam("was_revision"))
    .values(
        # Queued again for the seller's processing when asked (reprocess), else as it was.
        needs_processing=ORDERS.c.needs_processing | bindparam("queue", type_=Boolean),
        **bound(ORDERS, "revision", "updated_at", "canonical", *QUERIED),
    )
)
RECORD = {
    "order_seq": bindparam("seq", type_=Integer),
    "revision": bindparam("revision", type_=Integer),
    "recorded_at": bindparam("at", type_=REVISIONS.c.recorded_at.type),
    "document": bindparam("document", type_=REVISIONS.c.document.type),
}
INSERT_REVISION = insert(REVISIONS).values(RECORD)


def _with_revision(written: Any) -> Any:
    """PostgreSQL: ``written`` (an order's INSERT or UPDATE) and the INSERT of its revision as
    one statement (a data-modifying CTE): one round trip. The order's seq, or no row when
    ``written`` matched none."""
    order = written.returning(ORDERS.c.seq).cte("written")
    recorded = [order.c.seq, RECORD["revision"], RECORD["recorded_at"], RECORD["document"]]
    return (
        insert(REVISIONS)
        .from_select(list(RECORD), core_select(*recorded))
        .returning(REVISIONS.c.order_seq)
    )


# The seller's worker takes an order off its queue, unless another worker has or it changed.
# On PostgreSQL a row another transaction holds (a worker processing it, a buyer's write) is
# passed by (SKIP LOCKED), not waited for: the worker goes on with the next order, and a
# changed order comes back to the queue. SQLite renders no FOR UPDATE: it has one writer.
_CLAIMABLE = ORDERS.alias("claimable")
CLAIM = (
    update(ORDERS)
    .where(
        ORDERS.c.seq
        == core_select(_CLAIMABLE.c.seq)
        .where(
            _CLAIMABLE.c.seq == bindparam("claimed_seq"),
            _CLAIMABLE.c.revision == bindparam("claimed_revision"),
            _CLAIMABLE.c.needs_processing,
        )
        .with_for_update(skip_locked=True)
        .scalar_subquery()
    )
    .values(needs_processing=False)
    .returning(ORDERS.c.seq)
)

WRITES = {
    "insert": (INSERT_ORDER.returning(ORDERS.c.seq), _with_revision(INSERT_ORDER)),
    "update": (UPDATE_ORDER.returning(ORDERS.c.seq), _with_revision(UPDATE_ORDER)),
}


def queued(limit: int, skip: Sequence[int] = ()) -> Select[Any]:
    """The seller's work queue: orders to process, oldest first, but those in ``skip`` (seqs).
    The condition is the partial index's own text: SQLAlchemy writes a boolean column as
    ``needs_processing = 1`` on SQLite, which SQLite does not match to the index, and without
    the index each poll of the worker would scan the whole table."""
    waiting: list[Any] = [text(TO_PROCESS)]
    if skip:
        waiting.append(ORDERS.c.seq.not_in(skip))
    return core_select(*STORED).where(*waiting).order_by(ORDERS.c.seq).limit(limit)


def order_json(document: dict[str, Any]) -> str:
    """The order as the API sends it: checked against the spec's Order and serialized, once,
    when it is written (a document that is no Order is a bug: ValueError, nothing written)."""
    return canonical_json(Order, document)


# Each field of OrderFilter: the column it compares and how.
_FILTERS: dict[str, tuple[str, Callable[[Any, Any], Any]]] = {
    "order_id": ("id", operator.eq),
    "buyer_id": ("buyer_id", operator.eq),
    "pon": ("pon", operator.eq),
    "order_status": ("order_status", operator.eq),
    "order_type": ("order_type", operator.eq),
    "order_date_from": ("order_date", operator.ge),
    "order_date_to": ("order_date", operator.lt),
    "project_id": ("project_id", operator.eq),
    "order_date_after": ("order_date", operator.gt),
    "order_date_before": ("order_date", operator.lt),
    "requested_completion_after": ("requested_completion_date", operator.gt),
    "requested_completion_before": ("requested_completion_date", operator.lt),
    "expected_completion_after": ("expected_completion_date", operator.gt),
    "expected_completion_before": ("expected_completion_date", operator.lt),
}


def filter_values(where: OrderFilter) -> dict[str, Any]:
    """The fields ``where`` sets, by name: its shape (the keys) and the values to bind."""
    return {name: value for name in _FILTERS if (value := getattr(where, name)) is not None}


def conditions(where: OrderFilter) -> list[Any]:
    """The WHERE clauses of a filter, each value a bind parameter named after its field: the
    statement's SQL depends only on which fields are set."""
    found: list[Any] = []
    for name, value in filter_values(where).items():
        column_name, compare = _FILTERS[name]
        column = ORDERS.c[column_name]
        found.append(compare(column, bindparam(name, value, type_=column.type)))
    return found


def counting(where: OrderFilter) -> Select[Any]:
    """How many orders match (a list's ``available``)."""
    return core_select(func.count()).select_from(ORDERS).where(*conditions(where))


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
    return where.buyer_id is None and any(value is not None for value in bounds)


def listing(where: OrderFilter, limit: int, offset: int) -> Select[Any]:
    """One page of the matching orders' JSON, newest first."""
    key = _NewestFirst(ORDERS.c.seq) if has_range(where) else ORDERS.c.seq
    return (
        core_select(ORDERS.c.canonical)
        .where(*conditions(where))
        .order_by(key.desc())
        # BIGINT: the spec allows offsets past PostgreSQL's INTEGER (up to 2**53 - 1).
        .limit(bindparam("limit", limit, type_=BigInteger))
        .offset(bindparam("offset", offset, type_=BigInteger))
    )


# A list's statements by the shape of its filter (the fields it sets), built at the shape's
# first request: (how many match, the page's stored JSON).
_LISTS: dict[tuple[str, ...], tuple[Select[Any], Select[Any]]] = {}


def _list_statements(
    where: OrderFilter, values: Mapping[str, Any]
) -> tuple[Select[Any], Select[Any]]:
    """``values``: ``filter_values(where)``, whose keys are the shape."""
    shape = tuple(values)
    found = _LISTS.get(shape)
    if found is None:
        found = _LISTS[shape] = (counting(where), listing(where, 0, 0))
    return found


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


def _stored(seq: int, revision: int, canonical: str) -> StoredOrder:
    """An order read to change it (the columns of STORED): its document parsed from its JSON, a
    copy of its own that the domain may change."""
    return StoredOrder(seq, revision, orjson.loads(canonical), canonical)


class SqlOrders:
    """The domain's OrderRepository (app/domain/ports.py) on the orders tables."""

    def __init__(
        self,
        connection: Callable[[], Connection],
        session: Callable[[], Session],
        driver: Callable[[], Driver],
    ) -> None:
        # Each opened when first used: only the revisions need the ORM session, and a read of
        # canonical JSON needs no pooled connection where its thread keeps one.
        self._connection = connection
        self._session = session
        self._driver = driver

    @property
    def session(self) -> Session:
        return self._session()

    def get(self, order_id: str) -> StoredOrder | None:
        # On the unit of work's own connection: the order is read to be changed in it.
        found = run(driver_of(self._connection()), GET_ORDER, {"order_id": order_id}, one=True)
        return None if found is None else _stored(*found)

    def latest(self, where: OrderFilter) -> StoredOrder | None:
        found = (
            self._connection()
            .execute(
                core_select(*STORED)
                .where(*conditions(where))
                .order_by(ORDERS.c.updated_at.desc(), ORDERS.c.seq.desc())
                .limit(1)
            )
            .first()
        )
        return None if found is None else _stored(*found)

    def page(self, where: OrderFilter, limit: int, offset: int) -> Page:
        connection = self._connection()
        available = connection.execute(counting(where)).scalar_one()
        texts = connection.execute(listing(where, limit, offset)).scalars().all()
        return Page(available, [orjson.loads(t) for t in texts])

    def get_json(self, order_id: str) -> OrderJSON | None:
        row = run(self._driver(), GET_JSON, {"order_id": order_id}, one=True)
        return None if row is None else OrderJSON(*row)

    def page_json(self, where: OrderFilter, limit: int, offset: int) -> JSONPage:
        values = filter_values(where)
        count, page = _list_statements(where, values)
        driver = self._driver()
        ((available,),) = run(driver, count, values)
        rows = run(driver, page, {**values, "limit": limit, "offset": offset})
        return JSONPage(available, [canonical for (canonical,) in rows])

    def insert(self, document: dict[str, Any]) -> StoredOrder:
        at = now()
        canonical = order_json(document)
        values = {
            "id": document["id"],
            "needs_processing": True,
            "created_at": at,
            "canonical": canonical,
            **_columns(document),
        }
        try:
            seq = self._write("insert", values, 1, at, document)
        except IntegrityError as error:
            raise DuplicateOrder(document["id"]) from error
        assert seq is not None
        return StoredOrder(seq=seq, revision=1, document=document, canonical=canonical)

    def replace(
        self, current: StoredOrder, document: dict[str, Any], *, reprocess: bool = False
    ) -> StoredOrder:
        at = now()
        revision = current.revision + 1
        canonical = order_json(document)
        values = {
            "was_seq": current.seq,
            "was_revision": current.revision,
            "queue": reprocess,
            "canonical": canonical,
            **_columns(document),
        }
        if self._write("update", values, revision, at, document) is None:
            raise RevisionMoved(document["id"])
        return StoredOrder(
            seq=current.seq, revision=revision, document=document, canonical=canonical
        )

    def _write(
        self,
        kind: str,
        values: dict[str, Any],
        revision: int,
        at: datetime,
        document: dict[str, Any],
    ) -> int | None:
        """An order's INSERT or UPDATE (``kind``) and the record of its ``revision``, in the unit
        of work's transaction: the order's seq, or None when the UPDATE matched no row (the
        order moved on). One statement on PostgreSQL, so one round trip; SQLite runs in the
        process, where two statements cost no trip. Run on the driver, as the hot reads are:
        every create and patch, and each step of the seller's processing, writes here."""
        driver = writer_of(self._connection())
        alone, with_revision = WRITES[kind]
        values |= {"revision": revision, "updated_at": at, "document": document, "at": at}
        if driver.dialect.name == "postgresql":
            row = run(driver, with_revision, values, one=True)
            return None if row is None else int(row[0])
        row = run(driver, alone, values, one=True)
        if row is None:
            return None
        run(driver, INSERT_REVISION, {**values, "seq": row[0]}, one=True)
        return int(row[0])

    def revisions(self, order: StoredOrder) -> list[Revision]:
        rows = self.session.exec(
            select(OrderRevisionRow)
            .where(OrderRevisionRow.order_seq == order.seq)
            .order_by(col(OrderRevisionRow.revision))
        ).all()
        return [Revision(r.revision, r.recorded_at, r.document) for r in rows]

    def to_process(self, limit: int, skip: Sequence[int] = ()) -> list[StoredOrder]:
        rows = self._connection().execute(queued(limit, skip)).all()
        return [_stored(*row) for row in rows]

    def claim_processing(self, order: StoredOrder) -> bool:
        values = {"claimed_seq": order.seq, "claimed_revision": order.revision}
        return run(writer_of(self._connection()), CLAIM, values, one=True) is not None
