"""The buyer's orders: create (and its replay), supplement (PUT), merge patch, hold, release,
cancel, and reading them, each in one unit of work. Documents are the API's JSON."""

from __future__ import annotations

import secrets
from collections.abc import Callable, Collection
from dataclasses import dataclass, replace
from typing import Any

import json_merge_patch
import orjson
from pydantic import ValidationError

from app.domain import notices
from app.domain.errors import Conflict, FieldError, Forbidden, Invalid, NotFound, StaleRevision
from app.domain.lifecycle import FINAL, INITIAL, Action, TransitionError, next_status
from app.domain.parties import Party, visible
from app.domain.ports import DuplicateOrder, RevisionMoved, Transaction, UnitOfWork
from app.domain.records import JSONPage, OrderFilter, OrderJSON, Page, Revision, StoredOrder
from app.domain.time import check_instants, parse_instant, unreal_instants
from generated.models import OrderCreateUpdate, OrderStatus

# The order's date-times; the spec's pattern checks their form, unreal_instants the calendar.
DATE_FIELDS = ("orderDate", "requestedCompletionDate", "requestedStartDate")
# Fields the seller sets; everything else in an order is the buyer's.
SELLER_FIELDS = ("objectType", "id", "link", "orderStatus")
# How often a write is retried when another writer got in between the read and the write.
WRITE_ATTEMPTS = 20

# The new document of an order, from the order as it is (in the write's transaction).
Change = Callable[[Transaction, StoredOrder], dict[str, Any]]
# Work done in the write's transaction after the order is written (a notification of it).
After = Callable[[Transaction, StoredOrder], None]


def buyer_content(document: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in document.items() if k not in SELLER_FIELDS}


def order_request(document: dict[str, Any]) -> dict[str, Any]:
    """``document`` checked as the buyer's order (the body of a create or a PUT), as JSON
    without the fields left unset."""
    try:
        checked = OrderCreateUpdate.model_validate(document)
    except ValidationError as error:
        raise Invalid(validation=error) from error
    return checked.model_dump(mode="json", by_alias=True, exclude_none=True)


# The query parameters of the API that search orders, by the field of OrderQuery they fill.
PARAMETERS = {
    "id": "id",
    "pon": "pon",
    "buyer_id": "buyerId",
    "order_status": "orderStatus",
    "order_type": "orderType",
    "order_date_from": "orderDateFrom",
    "order_date_to": "orderDateTo",
}


@dataclass(frozen=True)
class OrderQuery:
    """A search of orders by the API's query parameters (date-times as sent)."""

    id: str | None = None
    pon: str | None = None
    buyer_id: str | None = None
    order_status: str | None = None
    order_type: str | None = None
    order_date_from: str | None = None
    order_date_to: str | None = None

    def asked(self) -> dict[str, str]:
        """The parameters given, by their names in the API."""
        given = ((name, getattr(self, field)) for field, name in PARAMETERS.items())
        return {name: value for name, value in given if value is not None}

    def one(self) -> bool:
        """Whether it names one order (by id or purchase order number) rather than a list."""
        return self.id is not None or self.pon is not None

    def where(self) -> OrderFilter:
        """The filter of the orders it finds; Invalid naming a date-time that is no instant."""
        dates = {"orderDateFrom": self.order_date_from, "orderDateTo": self.order_date_to}
        unreal = unreal_instants(dates)
        if unreal:
            raise Invalid([FieldError(why, parameter=name) for name, why in unreal.items()])
        start, end = self.order_date_from, self.order_date_to
        return OrderFilter(
            order_id=self.id,
            buyer_id=self.buyer_id,
            pon=self.pon,
            order_status=self.order_status,
            order_type=self.order_type,
            order_date_from=None if start is None else parse_instant(start),
            order_date_to=None if end is None else parse_instant(end),
        )


@dataclass(frozen=True)
class Created:
    """The outcome of a create: the order, and whether this request made it (not a replay)."""

    order: StoredOrder
    new: bool


class Orders:
    def __init__(self, uow: UnitOfWork) -> None:
        self.uow = uow

    # ---- reading -------------------------------------------------------------------------
    def get(self, who: Party, order_id: str) -> StoredOrder:
        with self.uow(read_only=True) as tx:
            return self._visible(tx, who, order_id)

    def get_json(self, who: Party, order_id: str) -> OrderJSON:
        """``get``, as the order's canonical JSON (what a GET sends)."""
        with self.uow(read_only=True) as tx:
            found = tx.orders.get_json(order_id)
        if found is None or not visible(who, {"buyerId": found.buyer_id}):
            raise NotFound(f"no order has id {order_id!r}")
        return found

    def revisions(self, who: Party, order_id: str) -> list[Revision]:
        with self.uow(read_only=True) as tx:
            return tx.orders.revisions(self._visible(tx, who, order_id))

    def scoped(self, who: Party, query: OrderQuery) -> OrderQuery:
        """The query as it applies to ``who``: but the seller's, narrowed to its own orders."""
        if who.is_seller:
            return query
        if query.buyer_id not in (None, who.id):
            raise Forbidden(f"a buyer lists its own orders only: buyerId must be {who.id!r}")
        return replace(query, buyer_id=who.id)

    def latest(self, who: Party, query: OrderQuery) -> StoredOrder:
        """The most recently changed of ``who``'s orders that match."""
        query = self.scoped(who, query)
        where = query.where()
        with self.uow(read_only=True) as tx:
            found = tx.orders.latest(where)
        if found is None:
            described = ", ".join(f"{name}={value}" for name, value in query.asked().items())
            raise NotFound(f"no order matches {described}")
        return found

    def page(self, who: Party, query: OrderQuery, limit: int, offset: int) -> Page:
        """One page of ``who``'s orders that match (``scoped`` says which those are)."""
        where = self.scoped(who, query).where()
        with self.uow(read_only=True) as tx:
            return tx.orders.page(where, limit, offset)

    def page_json(self, who: Party, query: OrderQuery, limit: int, offset: int) -> JSONPage:
        """``page``, as the orders' canonical JSON (what a list sends)."""
        where = self.scoped(who, query).where()
        with self.uow(read_only=True) as tx:
            return tx.orders.page_json(where, limit, offset)

    # ---- create --------------------------------------------------------------------------
    def create(self, who: Party, request: dict[str, Any], href: Callable[[str], str]) -> Created:
        """A new order from the buyer's request, or the order this purchase order number made
        before when the request repeats it unchanged. ``href`` is the URL of an order id."""
        if request["buyerId"] != who.id:
            raise Forbidden(f"a buyer orders for itself only: buyerId must be {who.id!r}")
        request = buyer_content(request)
        check_instants(request, DATE_FIELDS)
        pon = OrderFilter(buyer_id=request["buyerId"], pon=request["buyerPurchaseOrderNumber"])
        # A first try writes at once (a new purchase order number is the usual case); once the
        # number turned out to be taken, each try looks up the order it made first.
        known = False
        for _ in range(WRITE_ATTEMPTS):
            try:
                with self.uow() as tx:
                    existing = tx.orders.latest(pon) if known else None
                    if existing is not None:
                        return Created(self._replay(tx, existing, request), new=False)
                    order_id = f"ORD-{secrets.token_hex(10).upper()}"
                    document = {
                        "objectType": "order",
                        "id": order_id,
                        "link": {"href": href(order_id)},
                        "orderStatus": INITIAL.value,
                        **request,
                    }
                    return Created(tx.orders.insert(document), new=True)
            except DuplicateOrder:
                known = True  # made before, or by a concurrent create: answer as a replay
                continue
        raise Conflict("the order could not be created; retry")

    def _replay(
        self, tx: Transaction, existing: StoredOrder, request: dict[str, Any]
    ) -> StoredOrder:
        """The order a repeated create made, if the request is the same as the first one."""
        first = buyer_content(tx.orders.revisions(existing)[0].document)
        if first == request:
            return existing
        order_id = existing.document["id"]
        pon, version = request["buyerPurchaseOrderNumber"], request["buyerOrderVersion"]
        if first["buyerOrderVersion"] == version:
            raise Conflict(
                f"order {order_id} was created from buyerPurchaseOrderNumber {pon!r} version "
                f"{version!r} with different content; a create is only repeated unchanged"
            )
        raise Conflict(
            f"buyerPurchaseOrderNumber {pon!r} is already order {order_id}; "
            f"send a new version with PUT /orders/{order_id}"
        )

    # ---- amend ---------------------------------------------------------------------------
    def supplement(
        self,
        who: Party,
        order_id: str,
        request: dict[str, Any],
        based_on: Collection[int] | None = None,
    ) -> StoredOrder:
        """A supplemental order: the buyer's fields replaced by ``request``, under a version of
        the order not used before. ``based_on``: the revisions the writer read (None: any)."""

        def change(tx: Transaction, current: StoredOrder) -> dict[str, Any]:
            used = {r.document["buyerOrderVersion"] for r in tx.orders.revisions(current)}
            version = request["buyerOrderVersion"]
            if version in used:
                raise Conflict(
                    f"buyerOrderVersion {version!r} was already used by order {order_id} "
                    f"(current version {current.document['buyerOrderVersion']!r}); "
                    "a supplemental order needs a new version"
                )
            return amended(current, request)

        return self._write(who, order_id, based_on, change, reprocess=True)

    def patch(
        self,
        who: Party,
        order_id: str,
        patch: dict[str, Any],
        based_on: Collection[int] | None = None,
    ) -> StoredOrder:
        """A JSON merge patch (RFC 7396) of the buyer's fields."""

        def change(_tx: Transaction, current: StoredOrder) -> dict[str, Any]:
            # merge() changes nested objects in place: it works on a copy (a JSON round trip is
            # much cheaper than copy.deepcopy for an order).
            own = orjson.loads(orjson.dumps(buyer_content(current.document)))
            return amended(current, order_request(json_merge_patch.merge(own, patch)))

        return self._write(who, order_id, based_on, change, reprocess=True)

    # ---- lifecycle -----------------------------------------------------------------------
    def transition(
        self, who: Party, order_id: str, action: Action, based_on: Collection[int] | None = None
    ) -> StoredOrder:
        """Hold, release or cancel: the order's next status, and a STATUS_CHANGE notification
        of it in the same transaction."""

        def change(_tx: Transaction, current: StoredOrder) -> dict[str, Any]:
            status = OrderStatus(current.document["orderStatus"])
            try:
                return {**current.document, "orderStatus": next_status(action, status).value}
            except TransitionError as error:
                raise Conflict(f"order {order_id} is {status}: {error}") from error

        def notify(tx: Transaction, saved: StoredOrder) -> None:
            if action is Action.CANCEL:
                tx.svlans.release(order_id)  # a cancelled order's S-VLAN ids are free again
            tx.notifications.emit(notices.status_change(saved.document))

        return self._write(who, order_id, based_on, change, after=notify)

    # ---- the write loop ------------------------------------------------------------------
    def _visible(self, tx: Transaction, who: Party, order_id: str) -> StoredOrder:
        found = tx.orders.get(order_id)
        # Another buyer's order is "not found", not "forbidden": its id does not leak.
        if found is None or not visible(who, found.document):
            raise NotFound(f"no order has id {order_id!r}")
        return found

    def _write(
        self,
        who: Party,
        order_id: str,
        based_on: Collection[int] | None,
        change: Change,
        *,
        reprocess: bool = False,
        after: After | None = None,
    ) -> StoredOrder:
        """Applies ``change`` to the current order in one transaction with ``after``; reads and
        applies it again when another writer committed in between, so every acknowledged update
        survives. ``reprocess`` queues the order for the seller's processing again."""
        for _ in range(WRITE_ATTEMPTS):
            try:
                with self.uow() as tx:
                    current = self._visible(tx, who, order_id)
                    if based_on is not None and current.revision not in based_on:
                        raise StaleRevision(order_id, current.revision)
                    saved = tx.orders.replace(current, change(tx, current), reprocess=reprocess)
                    if after is not None:
                        after(tx, saved)
                    return saved
            except RevisionMoved:
                continue
        raise Conflict(f"order {order_id} is being changed by other requests; retry")


def amended(current: StoredOrder, request: dict[str, Any]) -> dict[str, Any]:
    """The order after a supplement or patch: seller fields kept, buyer fields replaced."""
    document = current.document
    status = OrderStatus(document["orderStatus"])
    if status in FINAL:
        raise Conflict(f"order {document['id']} is {status} and can no longer be changed")
    for field in ("buyerId", "buyerPurchaseOrderNumber"):
        if request[field] != document[field]:
            raise Invalid(
                [FieldError("differs from the original order", pointer=f"/{field}")],
                f"{field} must stay {document[field]!r}, the original order's",
            )
    check_instants(request, DATE_FIELDS)
    seller = {k: document[k] for k in SELLER_FIELDS if k in document}
    return {**seller, **buyer_content(request), "objectType": "order"}
