"""Orders and their revisions, in the session of a unit of work. Updates are optimistic: the
UPDATE only matches the revision that was read, so no update is lost. Every write stores the
order's canonical JSON beside its document; the reads that answer requests (``get_json``,
``page_json``) return it with SQLAlchemy Core statements, no ORM object and no JSON parsed."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import Boolean, Connection, Integer, Select, bindparam, func, insert, update
from sqlalchemy import select as core_select
from sqlalchemy.exc import DBAPIError, IntegrityError
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.functions import FunctionElement
from sqlmodel import Session, col, select
from sqlmodel.sql.expression import SelectOfScalar

from app.domain.ports import DuplicateOrder, RevisionMoved
from app.domain.records import JSONPage, OrderFilter, OrderJSON, Page, Revision, StoredOrder
from app.domain.time import now, utc_instant
from app.storage.tables import OrderRevisionRow, OrderRow
from generated.models import Order
from specfirst.reply import canonical_json

ORDERS = OrderRow.__table__  # type: ignore[attr-defined]
REVISIONS = OrderRevisionRow.__table__  # type: ignore[attr-defined]
# Built once: SQLAlchemy finds its compiled form in its cache by the statement's structure.
GET_JSON = core_select(ORDERS.c.revision, ORDERS.c.buyer_id, ORDERS.c.canonical).where(
    ORDERS.c.id == bindparam("order_id")
)
GET_ORDER = core_select(
    ORDERS.c.seq, ORDERS.c.revision, ORDERS.c.document, ORDERS.c.canonical
).where(ORDERS.c.id == bindparam("order_id"))
GET_DOCUMENT = core_select(ORDERS.c.document).where(ORDERS.c.id == bindparam("order_id"))
QUERIED = (
    "buyer_id", "pon", "buyer_order_version", "order_status", "order_type", "order_date",
    "project_id", "requested_completion_date",
)  # fmt: skip


def _bound(*names: str) -> dict[str, Any]:
    """Each column of ``names`` set from the bind parameter of the same name."""
    return {name: bindparam(name, type_=ORDERS.c[name].type) for name in names}


# The writes, with every value a bind parameter, so one compiled form serves every request.
INSERT_ORDER = insert(ORDERS).values(
    _bound(
        "id", "revision", "needs_processing", "created_at", "updated_at", "document",
        "canonical", *QUERIED,
    )
)  # fmt: skip
UPDATE_ORDER = (
    update(ORDERS)
    .where(ORDERS.c.seq == bindparam("was_seq"), ORDERS.c.revision == bindparam("was_revision"))
    .values(
        # Queued again for the seller's processing when asked (reprocess), else as it was.
        needs_processing=ORDERS.c.needs_processing | bindparam("queue", type_=Boolean),
        **_bound("revision", "updated_at", "document", "canonical", *QUERIED),
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


WRITES = {
    "insert": (INSERT_ORDER.returning(ORDERS.c.seq), _with_revision(INSERT_ORDER)),
    "update": (UPDATE_ORDER.returning(ORDERS.c.seq), _with_revision(UPDATE_ORDER)),
}


# GET_JSON as each dialect's driver takes it: (SQL text, whether parameters are positional).
_DRIVER_SQL: dict[tuple[str, int], tuple[str, bool]] = {}


def _driver_row(connection: Connection, statement: Any, name: str, value: str) -> Any:
    """The first row of ``statement`` (one string parameter, plain columns) run on the driver's
    cursor: compiled once per dialect, so a request pays neither SQLAlchemy's execution nor its
    result objects; the driver keeps the prepared statement (sqlite3's statement cache,
    psycopg's prepared statements). A driver error is raised as SQLAlchemy's DBAPIError, as
    SQLAlchemy would, so the service still answers 503 for a database that is down."""
    dialect = connection.dialect
    key = (dialect.name, id(statement))
    if key not in _DRIVER_SQL:
        compiled = statement.compile(dialect=dialect)
        _DRIVER_SQL[key] = (str(compiled), bool(compiled.positional))
    sql, positional = _DRIVER_SQL[key]
    parameters: Any = (value,) if positional else {name: value}
    dbapi = dialect.loaded_dbapi
    try:
        cursor = connection.connection.cursor()
        try:
            cursor.execute(sql, parameters)
            return cursor.fetchone()
        finally:
            cursor.close()
    except dbapi.Error as error:
        raise DBAPIError.instance(sql, parameters, error, dbapi.Error, dialect=dialect) from error


def order_json(document: dict[str, Any]) -> str:
    """The order as the API sends it: checked against the spec's Order and serialized, once,
    when it is written (a document that is no Order is a bug: ValueError, nothing written)."""
    return canonical_json(Order, document)


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


def listing(where: OrderFilter, limit: int, offset: int, *columns: Any) -> Select[Any]:
    """One page of the matching orders, newest first: their ``columns`` (their documents when
    none is named). The one statement of a list, whichever form it is read in."""
    key = _NewestFirst(ORDERS.c.seq) if has_range(where) else ORDERS.c.seq
    return (
        core_select(*(columns or (ORDERS.c.document,)))
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
    return StoredOrder(
        seq=row.seq, revision=row.revision, document=row.document, canonical=row.canonical
    )


class SqlOrders:
    """The domain's OrderRepository (app/domain/ports.py) on the orders tables."""

    def __init__(
        self, session: Callable[[], Session], connection: Callable[[], Connection]
    ) -> None:
        # Both opened when first used: a read of canonical JSON needs no ORM session.
        self._session = session
        self._connection = connection

    @property
    def session(self) -> Session:
        return self._session()

    def get(self, order_id: str) -> StoredOrder | None:
        found = self.session.connection().execute(GET_ORDER, {"order_id": order_id}).first()
        return None if found is None else StoredOrder(*found)

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
        documents = self.session.connection().execute(listing(where, limit, offset)).scalars()
        return Page(available, [dict(d) for d in documents])

    def get_json(self, order_id: str) -> OrderJSON | None:
        connection = self._connection()
        row = _driver_row(connection, GET_JSON, "order_id", order_id)
        if row is None:
            return None
        revision, buyer_id, canonical = row
        return OrderJSON(revision, buyer_id, self._canonical(canonical, order_id, connection))

    def page_json(self, where: OrderFilter, limit: int, offset: int) -> JSONPage:
        connection = self._connection()
        available = connection.execute(counting(where)).scalar_one()
        rows = connection.execute(
            listing(where, limit, offset, ORDERS.c.canonical, ORDERS.c.id)
        ).all()
        return JSONPage(available, [self._canonical(c, i, connection) for c, i in rows])

    @staticmethod
    def _canonical(canonical: str | None, order_id: str, connection: Connection) -> str:
        """The stored text; made from the document for an order stored without one (the
        document is only read, and parsed, then)."""
        if canonical is not None:
            return canonical
        return order_json(connection.execute(GET_DOCUMENT, {"order_id": order_id}).scalar_one())

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
        process, where two statements cost no trip."""
        connection = self.session.connection()
        alone, with_revision = WRITES[kind]
        values |= {"revision": revision, "updated_at": at, "document": document, "at": at}
        if connection.dialect.name == "postgresql":
            seq: int | None = connection.execute(with_revision, values).scalar()
            return seq
        seq = connection.execute(alone, values).scalar()
        if seq is not None:
            connection.execute(INSERT_REVISION, {**values, "seq": seq})
        return seq

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
