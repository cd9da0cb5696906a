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

from app.storage.hubs import SqlHubs
from app.storage.notifications import SqlNotifications
from app.storage.orders import SqlOrders
from app.storage.readers import Driver, ThreadReaders, keeps_readers
from app.storage.svlans import SqlSvlans, SqlUniSvlans


class Transaction:
    """The repositories of one transaction, made when first used. Its ORM session opens when
    first used too: a read-only transaction that only runs Core statements (the reads that
    answer requests) runs them on a pooled connection of its own, without an ORM session."""

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

    @property
    def session(self) -> Session:
        if self._session is None:
            # What was read stays readable after the commit: the values returned are built
            # from it.
            self._session = Session(self._engine, expire_on_commit=False)
        return self._session

    def connection(self) -> Connection:
        """Where Core statements run: a write's session (one transaction for everything), or,
        for a read-only transaction without a session, a connection of its own."""
        if not self._read_only or self._session is not None:
            return self.session.connection()
        if self._connection is None:
            self._connection = self._engine.connect()
        return self._connection

    def driver(self) -> Driver:
        """Where statements run on the driver: a read-only transaction without a session on
        its thread's kept connection (readers), else on ``connection()``."""
        if self._readers is not None and self._read_only and self._session is None:
            return self._readers.driver()
        connection = self.connection()
        return Driver(connection.dialect, connection.connection.dbapi_connection)

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
            self._session.commit()

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
            self._orders = SqlOrders(lambda: self.session, self.driver)
        return self._orders

    @cached_property
    def notifications(self) -> SqlNotifications:
        return SqlNotifications(self.session, self._callbacks)

    @cached_property
    def svlans(self) -> SqlSvlans:
        return SqlSvlans(self.session)

    @cached_property
    def uni_svlans(self) -> SqlUniSvlans:
        return SqlUniSvlans(self.session)

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
