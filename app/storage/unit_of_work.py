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

from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from functools import cached_property

from sqlalchemy import Engine
from sqlmodel import Session

from app.storage.hubs import SqlHubs
from app.storage.notifications import SqlNotifications
from app.storage.orders import SqlOrders
from app.storage.svlans import SqlSvlans, SqlUniSvlans


class Transaction:
    """The repositories of one transaction, made when first used."""

    def __init__(self, session: Session, callbacks: Mapping[str, str]) -> None:
        self.session = session
        self._callbacks = callbacks

    @cached_property
    def orders(self) -> SqlOrders:
        return SqlOrders(self.session)

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

    @contextmanager
    def __call__(self, *, read_only: bool = False) -> Iterator[Transaction]:
        # What was read stays readable after the commit: the values returned are built from it.
        with Session(self.engine, expire_on_commit=False) as session:
            yield Transaction(session, self.callbacks)
            if not read_only:
                session.commit()
            # Else closing the session ends its transaction: a read has nothing to commit.
