"""Buyers' subscriptions (the hub), in the session of a unit of work."""

from __future__ import annotations

import secrets
from typing import Any

from sqlalchemy import bindparam, func, update
from sqlalchemy import select as core_select
from sqlmodel import Session, col, select

from app.domain.records import Hub, Page
from app.domain.time import now
from app.storage.driver import Driver, driver_of, run
from app.storage.tables import DeliveryRow, HubRow

HUB_DELETED = "hub deleted"


HUBS = HubRow.__table__  # type: ignore[attr-defined]
# Built once: every notification the seller emits looks up its buyer's hubs.
OF_BUYER = (
    core_select(HUBS.c.id, HUBS.c.buyer_id, HUBS.c.callback, HUBS.c.query, HUBS.c.event_types)
    .where(HUBS.c.buyer_id == bindparam("buyer_id"))
    .order_by(HUBS.c.seq)
)


def _hub(row: Any) -> Hub:
    return _hub_of(row.id, row.buyer_id, row.callback, row.query, row.event_types)


def _hub_of(
    hub_id: str, buyer_id: str, callback: str, query: str | None, event_types: str | None
) -> Hub:
    """The hub of a row's values (OF_BUYER's columns)."""
    types = None if event_types is None else frozenset(event_types.split(","))
    return Hub(hub_id, buyer_id, callback, query, types)


def hubs_of_buyer(driver: Driver, buyer_id: str) -> list[Hub]:
    """The buyer's hubs, oldest first: every notification the seller emits looks them up."""
    return [_hub_of(*row) for row in run(driver, OF_BUYER, {"buyer_id": buyer_id})]


class SqlHubs:
    """The domain's HubRepository (app/domain/ports.py) on the hubs table."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def add(
        self, buyer_id: str, callback: str, query: str | None, event_types: frozenset[str] | None
    ) -> Hub:
        row = HubRow(
            id=f"HUB-{secrets.token_hex(8).upper()}",
            buyer_id=buyer_id,
            callback=callback,
            query=query,
            event_types=None if event_types is None else ",".join(sorted(event_types)),
            created_at=now(),
        )
        self.session.add(row)
        self.session.flush()
        return _hub(row)

    def get(self, hub_id: str) -> Hub | None:
        row = self.session.exec(select(HubRow).where(HubRow.id == hub_id)).first()
        return None if row is None else _hub(row)

    def of_buyer(self, buyer_id: str) -> list[Hub]:
        return hubs_of_buyer(driver_of(self.session.connection()), buyer_id)

    def page(self, buyer_id: str, limit: int, offset: int) -> Page:
        where = HubRow.buyer_id == buyer_id
        available = self.session.exec(select(func.count()).select_from(HubRow).where(where)).one()
        rows = self.session.exec(
            select(HubRow).where(where).order_by(col(HubRow.seq).desc()).limit(limit).offset(offset)
        ).all()
        return Page(available, [_hub(row).document() for row in rows])

    def delete(self, hub_id: str) -> None:
        # Reported, not dropped: the operator sees what the buyer will not receive.
        self.session.exec(
            update(DeliveryRow)
            .where(col(DeliveryRow.hub_id) == hub_id, col(DeliveryRow.state) == "pending")
            .values(state="dead", last_error=HUB_DELETED, lease_until=None)
        )
        row = self.session.exec(select(HubRow).where(HubRow.id == hub_id)).one()
        self.session.delete(row)
