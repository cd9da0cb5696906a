"""What the domain needs of storage, as protocols, and the outcomes storage reports as
exceptions. app/storage implements them; the domain's tests fake them in memory.

A unit of work is one transaction: ``with uow() as tx:`` gives repositories that all write in
it; leaving the block commits once, an exception rolls everything back. ``uow(read_only=True)``
is for reads: it ends without a commit.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from contextlib import AbstractContextManager
from typing import Any, Protocol

from app.domain.records import (
    Hub,
    JSONPage,
    OrderFilter,
    OrderJSON,
    Page,
    Revision,
    StoredOrder,
    SvlanAssigned,
    SvlanWant,
    UniSvlanAssigned,
    UniSvlanWant,
)


class DuplicateOrder(Exception):
    """Another order already has this buyerId and purchase order number."""


class RevisionMoved(Exception):
    """The order was written by someone else since it was read: nothing was written."""


class VersionConflict(Exception):
    """Another notification of the order already has this notificationVersion."""

    def __init__(self, stored: dict[str, Any]) -> None:
        super().__init__(stored.get("notificationVersion"))
        self.stored = stored


class SvlanTaken(Exception):
    def __init__(self, seller_enni_id: str, svlan_id: int, order_item_reference: str) -> None:
        super().__init__(seller_enni_id, svlan_id, order_item_reference)
        self.seller_enni_id = seller_enni_id
        self.svlan_id = svlan_id
        self.order_item_reference = order_item_reference


class SvlanExhausted(Exception):
    def __init__(self, seller_enni_id: str, order_item_reference: str) -> None:
        super().__init__(seller_enni_id, order_item_reference)
        self.seller_enni_id = seller_enni_id
        self.order_item_reference = order_item_reference


class UniSvlanExhausted(Exception):
    def __init__(self, seller_uni_id: str, order_item_reference: str) -> None:
        super().__init__(seller_uni_id, order_item_reference)
        self.seller_uni_id = seller_uni_id
        self.order_item_reference = order_item_reference


class OrderRepository(Protocol):
    def get(self, order_id: str) -> StoredOrder | None: ...

    def latest(self, where: OrderFilter) -> StoredOrder | None:
        """The most recently changed order matching ``where``."""
        ...

    def page(self, where: OrderFilter, limit: int, offset: int) -> Page: ...

    def get_json(self, order_id: str) -> OrderJSON | None:
        """The order's canonical JSON, for sending as it is (no document parsed)."""
        ...

    def page_json(self, where: OrderFilter, limit: int, offset: int) -> JSONPage:
        """``page``, as the orders' canonical JSON."""
        ...

    def insert(self, document: dict[str, Any]) -> StoredOrder:
        """The order's first revision; DuplicateOrder when its purchase order number is taken."""
        ...

    def replace(
        self, current: StoredOrder, document: dict[str, Any], *, reprocess: bool = False
    ) -> StoredOrder:
        """The next revision, only if the order is still at ``current``'s (RevisionMoved when
        not); ``reprocess`` queues it for the seller's processing again."""
        ...

    def revisions(self, order: StoredOrder) -> list[Revision]:
        """Every revision of the order, oldest first."""
        ...

    def to_process(self, limit: int, skip: Sequence[int] = ()) -> list[StoredOrder]:
        """Orders the buyer wrote since the seller last processed them, oldest first, but those
        in ``skip`` (by seq)."""
        ...

    def claim_processing(self, order: StoredOrder) -> bool:
        """Takes ``order`` off the processing queue; False when it changed since it was read,
        or another worker took it."""
        ...


class NotificationRepository(Protocol):
    def emit(self, document: dict[str, Any]) -> dict[str, Any]:
        """Adds a seller notification with the next notificationVersion of its order, and
        queues its delivery to the buyer; returns it as stored."""
        ...

    def receive(self, document: dict[str, Any]) -> tuple[bool, dict[str, Any]]:
        """Stores a notification received from a seller: (True, it) the first time, (False, the
        stored one) when it comes again; VersionConflict for its version with other content."""
        ...

    def page(self, order_id: str, limit: int, offset: int) -> Page: ...

    def page_json(self, order_id: str, limit: int, offset: int) -> JSONPage:
        """``page``, as the notifications' canonical JSON."""
        ...


class SvlanRepository(Protocol):
    def assign(self, order_id: str, wants: Iterable[SvlanWant]) -> list[SvlanAssigned]:
        """Gives the order exactly the ids it wants, keeping those it holds and releasing the
        rest; SvlanTaken or SvlanExhausted when it cannot."""
        ...

    def release(self, order_id: str) -> None:
        """Frees every id the order holds."""
        ...


class UniSvlanRepository(Protocol):
    def assign(self, order_id: str, wants: Iterable[UniSvlanWant]) -> list[UniSvlanAssigned]:
        """Gives each wanting item of the order one id on its UNI, keeping those it holds and
        releasing the rest; UniSvlanExhausted when a UNI has none free."""
        ...

    def release(self, order_id: str) -> None:
        """Frees every id the order holds."""
        ...


class HubRepository(Protocol):
    def add(
        self, buyer_id: str, callback: str, query: str | None, event_types: frozenset[str] | None
    ) -> Hub: ...

    def get(self, hub_id: str) -> Hub | None: ...

    def page(self, buyer_id: str, limit: int, offset: int) -> Page:
        """The buyer's hubs, newest first, as the API shows them."""
        ...

    def delete(self, hub_id: str) -> None:
        """Removes the hub; its pending deliveries become dead ("hub deleted")."""
        ...


class Transaction(Protocol):
    @property
    def orders(self) -> OrderRepository: ...

    @property
    def notifications(self) -> NotificationRepository: ...

    @property
    def svlans(self) -> SvlanRepository: ...

    @property
    def uni_svlans(self) -> UniSvlanRepository: ...

    @property
    def hubs(self) -> HubRepository: ...


class UnitOfWork(Protocol):
    def __call__(self, *, read_only: bool = False) -> AbstractContextManager[Transaction]:
        """A transaction; ``read_only`` ends it without a commit (what it read needs none)."""
        ...
