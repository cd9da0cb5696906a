"""The one way anything is written: a unit of work is one database transaction.

    uow = UnitOfWork(engine, buyer_callbacks)
    with uow() as tx:
        order = tx.orders.get(order_id)
        tx.orders.replace(order, document)
        tx.notifications.emit(notice)  # with its outbox row, in the same transaction

Leaving the block commits once; an exception rolls everything back (a lost optimistic race,
RevisionMoved, too). Reads use ``uow(read_only=True)``, which ends without a commit. The
repositories implement the domain's ports (app/domain/ports.py); ``session`` is for storage's
own modules only.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cached_property

from sqlalchemy import Connection, Engine
from sqlmodel import Session

from app.storage.driver import Driver, driver_of
from app.storage.hubs import SqlHubs
from app.storage.notifications import SqlNotifications
from app.storage.orders import SqlOrders
from app.storage.readers import ThreadReaders, keeps_readers
from app.storage.svlans import SqlSvlans, SqlUniSvlans


class Transaction:
    """The repositories of one transaction, made when first used. It runs on one connection,
    taken when first used; its ORM session, opened only for the repositories that use one,
    joins that connection's transaction. A read-only transaction that only reads on the driver
    (the reads that answer requests) runs them on its thread's kept connection, if any."""

    def __init__(
        self,
        engine: Engine,
        callbacks: Mapping[str, str],
        read_only: bool,
        readers: ThreadReaders | None = None,
    ) -> None:
        self._engine = engine
        self._callbacks = callbacks
        self._read_only = read_only
        self._readers = readers
        self._session: Session | None = None
        self._connection: Connection | None = None
        self._orders: SqlOrders | None = None

    def connection(self) -> Connection:
        """Where Core statements and the ORM session run: one transaction for everything."""
        if self._connection is None:
            self._connection = self._engine.connect()
            self._connection.begin()
        return self._connection

    @property
    def session(self) -> Session:
        if self._session is None:
            # The session joins the connection's transaction and never commits it: a flush
            # writes into it, and commit() below commits the connection.
            self._session = Session(bind=self.connection(), join_transaction_mode="rollback_only")
        return self._session

    def driver(self) -> Driver:
        """Where reads run on the driver: a read-only transaction that has no connection yet on
        its thread's kept connection (readers), else on ``connection()``."""
        if self._readers is not None and self._read_only and self._connection is None:
            return self._readers.driver()
        return driver_of(self.connection())

    def __enter__(self) -> Transaction:
        return self

    def __exit__(self, kind: type[BaseException] | None, *_: object) -> None:
        """Commits a write whose block ended without an exception, then closes what is open; a
        read has nothing to commit, and closing ends it. (A class rather than a generator
        context manager: it is entered for every request.)"""
        try:
            if kind is None and not self._read_only:
                self.commit()
        finally:
            self.close()

    def commit(self) -> None:
        if self._session is not None:
            self._session.flush()
        if self._connection is not None:
            self._connection.commit()

    def close(self) -> None:
        """Ends what is open (a transaction not committed rolls back)."""
        if self._session is not None:
            self._session.close()
        if self._connection is not None:
            self._connection.close()

    @property
    def orders(self) -> SqlOrders:
        # Kept by hand: every request reads orders, and Python 3.11's cached_property takes a
        # lock on each first access.
        if self._orders is None:
            self._orders = SqlOrders(self.connection, lambda: self.session, self.driver)
        return self._orders

    @cached_property
    def notifications(self) -> SqlNotifications:
        return SqlNotifications(self.connection, self._callbacks)

    @cached_property
    def svlans(self) -> SqlSvlans:
        return SqlSvlans(self.connection)

    @cached_property
    def uni_svlans(self) -> SqlUniSvlans:
        return SqlUniSvlans(self.connection)

    @cached_property
    def hubs(self) -> SqlHubs:
        return SqlHubs(self.session)


class UnitOfWork:
    """Opens transactions on ``engine``. ``callbacks``: buyerId -> the base URL of the buyer's
    Order Notification API, where the notifications emitted for its orders are delivered."""

    def __init__(self, engine: Engine, callbacks: Mapping[str, str] | None = None) -> None:
        self.engine = engine
        self.callbacks = {buyer: url.rstrip("/") for buyer, url in (callbacks or {}).items()}
        self._readers = ThreadReaders(engine) if keeps_readers(engine) else None

    def __call__(self, *, read_only: bool = False) -> Transaction:
        """A transaction, to use in a ``with`` block (Transaction.__exit__ commits or ends it)."""
        return Transaction(self.engine, self.callbacks, read_only, self._readers)
