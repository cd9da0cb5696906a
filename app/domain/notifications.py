"""Notifications of orders: reading those of an order, and receiving a seller's (at a buyer's
endpoint). Those the seller emits are made by the writes that cause them (orders, processing)."""

from __future__ import annotations

from typing import Any

from app.domain.errors import Conflict, FieldError, Invalid, not_found
from app.domain.parties import Party, visible
from app.domain.ports import Transaction, UnitOfWork, VersionConflict
from app.domain.records import JSONPage, Page
from app.domain.time import check_instants


class Notifications:
    def __init__(self, uow: UnitOfWork) -> None:
        self.uow = uow

    def page(self, who: Party, order_id: str, limit: int, offset: int) -> Page:
        with self.uow(read_only=True) as tx:
            self._latest_visible(tx, who, order_id)
            return tx.notifications.page(order_id, limit, offset)

    def page_json(self, who: Party, order_id: str, limit: int, offset: int) -> JSONPage:
        """``page``, as the notifications' canonical JSON (what a list sends)."""
        with self.uow(read_only=True) as tx:
            self._latest_visible(tx, who, order_id)
            return tx.notifications.page_json(order_id, limit, offset)

    def latest(self, who: Party, order_id: str) -> dict[str, Any]:
        with self.uow(read_only=True) as tx:
            latest = self._latest_visible(tx, who, order_id)
        if latest is None:
            raise not_found(f"order {order_id!r} has no notifications", "id")
        return latest

    def receive(self, order_id: str, document: dict[str, Any]) -> tuple[bool, dict[str, Any]]:
        """A notification a seller sent about ``order_id``: (True, it) stored the first time,
        (False, the stored one) when the same comes again."""
        if document["orderId"] != order_id:
            raise Invalid(
                [FieldError(f"must be {order_id!r}, the order of the path", pointer="/orderId")],
                f"orderId {document['orderId']!r} is not the order of the path, {order_id!r}",
            )
        check_instants(document, ("expectedCompletionDate",))
        try:
            with self.uow() as tx:
                return tx.notifications.receive(document)
        except VersionConflict as error:
            raise Conflict(
                f"notificationVersion {document.get('notificationVersion')!r} of order "
                f"{order_id} was already received with other content"
            ) from error

    def _latest_visible(self, tx: Transaction, who: Party, order_id: str) -> dict[str, Any] | None:
        """The order's latest notification (None: none yet), after NotFound unless they are
        ``who``'s to read: its own order's for a buyer (the order held here, or, at a buyer's
        endpoint, the notifications received about it), every order's for the seller."""
        order = tx.orders.get(order_id)
        latest = tx.notifications.page(order_id, 1, 0).documents
        about = order.document if order is not None else (latest[0] if latest else None)
        if about is None or not visible(who, about):
            raise not_found(
                f"no order has id {order_id!r}, and no notification of it was received", "id"
            )
        return latest[0] if latest else None
