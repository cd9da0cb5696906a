"""Orders: the buyer's create (and its replay), supplement (PUT), merge patch, hold, release
and cancel; the seller's completion, failure, jeopardy and milestones, of the order or of one
item; and reading them, each in one unit of work. Documents are the API's JSON."""

from __future__ import annotations

import secrets
from collections.abc import Callable, Collection
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any

import json_merge_patch
import orjson
from pydantic import ValidationError

from app.domain import items, notices
from app.domain.errors import (
    Conflict,
    FieldError,
    Forbidden,
    Invalid,
    StaleRevision,
    not_found,
)
from app.domain.lifecycle import (
    FINAL,
    INITIAL,
    ITEM_INITIAL,
    ITEM_OPEN,
    ITEM_TRANSITIONS,
    Action,
    TransitionError,
    ending,
    next_status,
)
from app.domain.parties import Party, visible
from app.domain.ports import DuplicateOrder, RevisionMoved, Transaction, UnitOfWork
from app.domain.processing import release_svlans
from app.domain.records import JSONPage, OrderFilter, OrderJSON, Page, Revision, StoredOrder
from app.domain.time import (
    check_instants,
    now,
    parse_instant,
    shown,
    unreal_instants,
    utc_instant,
)
from generated.models import OrderCreateUpdate, OrderStatus

# The order's date-times; the spec's pattern checks their form, unreal_instants the calendar.
DATE_FIELDS = ("orderDate", "requestedCompletionDate", "requestedStartDate")
# Fields the seller sets; everything else in an order is the buyer's.
SELLER_FIELDS = (
    "objectType",
    "id",
    "link",
    "orderStatus",
    "expectedCompletionDate",
    "completionDate",
)
# How often a write is retried when another writer got in between the read and the write.
WRITE_ATTEMPTS = 20

# The new document of an order, from the order as it is (in the write's transaction).
Change = Callable[[Transaction, StoredOrder], dict[str, Any]]
# Work done in the write's transaction after the order is written (a notification of it).
After = Callable[[Transaction, StoredOrder], None]


def buyer_content(document: dict[str, Any]) -> dict[str, Any]:
    """The buyer's fields of an order, its items without their states and milestones."""
    content = {k: v for k, v in document.items() if k not in SELLER_FIELDS}
    if "orderItems" in content:
        content["orderItems"] = [items.buyer_item(item) for item in content["orderItems"]]
    return content


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
    "project_id": "projectId",
    "order_date_gt": "orderDate.gt",
    "order_date_lt": "orderDate.lt",
    "requested_completion_date_gt": "requestedCompletionDate.gt",
    "requested_completion_date_lt": "requestedCompletionDate.lt",
    "expected_completion_date_gt": "expectedCompletionDate.gt",
    "expected_completion_date_lt": "expectedCompletionDate.lt",
}
# The date-time parameters, by their names in the API.
DATE_PARAMETERS = tuple(name for field, name in PARAMETERS.items() if "date" in field)


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
    project_id: str | None = None
    order_date_gt: str | None = None
    order_date_lt: str | None = None
    requested_completion_date_gt: str | None = None
    requested_completion_date_lt: str | None = None
    expected_completion_date_gt: str | None = None
    expected_completion_date_lt: str | None = None

    def asked(self) -> dict[str, str]:
        """The parameters given, by their names in the API."""
        given = ((name, getattr(self, field)) for field, name in PARAMETERS.items())
        return {name: value for name, value in given if value is not None}

    def one(self) -> bool:
        """Whether it names one order (by id or purchase order number) rather than a list."""
        return self.id is not None or self.pon is not None

    def where(self) -> OrderFilter:
        """The filter of the orders it finds; Invalid naming a date-time that is no instant."""
        asked = self.asked()
        unreal = unreal_instants({name: asked.get(name) for name in DATE_PARAMETERS})
        if unreal:
            raise Invalid([FieldError(why, parameter=name) for name, why in unreal.items()])

        def instant(value: str | None) -> datetime | None:
            return None if value is None else utc_instant(value)

        return OrderFilter(
            order_id=self.id,
            buyer_id=self.buyer_id,
            pon=self.pon,
            order_status=self.order_status,
            order_type=self.order_type,
            order_date_from=instant(self.order_date_from),
            order_date_to=instant(self.order_date_to),
            project_id=self.project_id,
            order_date_after=instant(self.order_date_gt),
            order_date_before=instant(self.order_date_lt),
            requested_completion_after=instant(self.requested_completion_date_gt),
            requested_completion_before=instant(self.requested_completion_date_lt),
            expected_completion_after=instant(self.expected_completion_date_gt),
            expected_completion_before=instant(self.expected_completion_date_lt),
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
            raise not_found(f"no order has id {order_id!r}", "id")
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
            asked = query.asked()
            described = ", ".join(f"{name}={value}" for name, value in asked.items())
            # Named: what made it a search for one order, not the caller's scope.
            raise not_found(
                f"no order matches {described}", *(n for n in ("id", "pon") if n in asked)
            )
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
                    at = now()
                    document = {
                        "objectType": "order",
                        "id": order_id,
                        "link": {"href": href(order_id)},
                        "orderStatus": INITIAL.value,
                        **request,
                        "orderItems": [
                            items.started(item, ITEM_INITIAL, at) for item in request["orderItems"]
                        ],
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
        """Hold, release or cancel: the order's next status, its items still open moved with
        it, and a STATUS_CHANGE notification of it in the same transaction."""
        moves: list[dict[str, Any]] = []

        def change(_tx: Transaction, current: StoredOrder) -> dict[str, Any]:
            document = current.document
            status = OrderStatus(document["orderStatus"])
            try:
                after = next_status(action, status)
            except TransitionError as error:
                raise Conflict(f"order {order_id} is {status}: {error}") from error
            moves.clear()
            at = now()
            moved = []
            for item in document["orderItems"]:
                if items.state_of(document, item) in ITEM_TRANSITIONS[action]:
                    item, move = items.moved(document, item, action, at)
                    moves.append(move)
                moved.append(item)
            return {**document, "orderStatus": after.value, "orderItems": moved}

        def notify(tx: Transaction, saved: StoredOrder) -> None:
            if action is Action.CANCEL:
                release_svlans(tx, order_id)  # a cancelled order's S-VLAN ids are free again
            tx.notifications.emit(notices.status_change(saved.document, moves))

        return self._write(who, order_id, based_on, change, after=notify)

    # ---- the seller's moves --------------------------------------------------------------
    def complete(
        self, who: Party, order_id: str, based_on: Collection[int] | None = None
    ) -> StoredOrder:
        """Every item still in progress completed; the order ends COMPLETED (or PARTIAL)."""
        return self._end_items(who, order_id, None, Action.COMPLETE, None, based_on)

    def fail(
        self, who: Party, order_id: str, reason: str, based_on: Collection[int] | None = None
    ) -> StoredOrder:
        """Every item still in progress failed for ``reason``; the order ends FAILED (or
        PARTIAL)."""
        return self._end_items(who, order_id, None, Action.FAIL, reason, based_on)

    def complete_item(
        self, who: Party, order_id: str, reference: str, based_on: Collection[int] | None = None
    ) -> StoredOrder:
        return self._end_items(who, order_id, reference, Action.COMPLETE, None, based_on)

    def fail_item(
        self,
        who: Party,
        order_id: str,
        reference: str,
        reason: str,
        based_on: Collection[int] | None = None,
    ) -> StoredOrder:
        return self._end_items(who, order_id, reference, Action.FAIL, reason, based_on)

    def _end_items(
        self,
        who: Party,
        order_id: str,
        reference: str | None,
        action: Action,
        reason: str | None,
        based_on: Collection[int] | None,
    ) -> StoredOrder:
        """Completes or fails one item (``reference``) or every open one; when none is left
        open, the order ends by what its items became. Notifies a STATUS_CHANGE of the moves,
        then, when the order ended with items delivered, a COMPLETION."""
        moves: list[dict[str, Any]] = []

        def change(_tx: Transaction, current: StoredOrder) -> dict[str, Any]:
            document = current.document
            in_progress(document, f"{action} {'an item of ' if reference else ''}an order")
            targets = (
                {items.find(document, reference)}
                if reference is not None
                else {
                    index
                    for index, item in enumerate(document["orderItems"])
                    if items.state_of(document, item) in ITEM_OPEN
                }
            )
            moves.clear()
            at = now()
            updated = []
            for index, item in enumerate(document["orderItems"]):
                if index in targets:
                    try:
                        item, move = items.moved(document, item, action, at, reason)
                    except TransitionError as error:
                        raise Conflict(
                            f"orderItemReference {item['orderItemReference']!r} of order "
                            f"{order_id}: {error}"
                        ) from error
                    moves.append(move)
                updated.append(item)
            result = {**document, "orderItems": updated}
            end = ending(items.state_of(result, item) for item in updated)
            if end is not None:
                status = OrderStatus(document["orderStatus"])
                result["orderStatus"] = next_status(end, status).value
                if end is not Action.FAIL:
                    result["completionDate"] = shown(at)
            return result

        def notify(tx: Transaction, saved: StoredOrder) -> None:
            document = saved.document
            tx.notifications.emit(notices.status_change(document, moves))
            status = OrderStatus(document["orderStatus"])
            if status is OrderStatus.FAILED:
                release_svlans(tx, order_id)  # nothing was delivered: its S-VLAN ids are free
            elif status in (OrderStatus.COMPLETED, OrderStatus.PARTIAL):
                tx.notifications.emit(notices.completion(document))

        return self._write(who, order_id, based_on, change, after=notify)

    def jeopardy(
        self,
        who: Party,
        order_id: str,
        reason: str,
        expected: str,
        based_on: Collection[int] | None = None,
    ) -> StoredOrder:
        """The order will be late: it stays in progress with a new expected completion date
        (not in the past), and the buyer gets a JEOPARDY notification."""
        check_instants({"expectedCompletionDate": expected}, ["expectedCompletionDate"])
        at = now()
        if parse_instant(expected) < at:
            raise Invalid(
                [
                    FieldError(
                        f"{expected} is in the past (now is {shown(at)})",
                        pointer="/expectedCompletionDate",
                    )
                ]
            )

        def change(_tx: Transaction, current: StoredOrder) -> dict[str, Any]:
            in_progress(current.document, "report a jeopardy of an order")
            return {**current.document, "expectedCompletionDate": expected}

        def notify(tx: Transaction, saved: StoredOrder) -> None:
            tx.notifications.emit(notices.jeopardy(saved.document, reason))

        return self._write(who, order_id, based_on, change, after=notify)

    def add_milestone(
        self,
        who: Party,
        order_id: str,
        reference: str,
        milestone: dict[str, Any],
        based_on: Collection[int] | None = None,
    ) -> StoredOrder:
        """A milestone of an open item (in progress or held), kept in the order's item."""
        check_instants(milestone, ["date"])

        def change(_tx: Transaction, current: StoredOrder) -> dict[str, Any]:
            document = current.document
            index = items.find(document, reference)
            item = document["orderItems"][index]
            state = items.state_of(document, item)
            if state not in ITEM_OPEN:
                raise Conflict(
                    f"orderItemReference {reference!r} of order {order_id} is {state}: "
                    f"milestones are recorded for items that are {' or '.join(sorted(ITEM_OPEN))}"
                )
            updated = list(document["orderItems"])
            updated[index] = items.with_milestone(item, milestone, now())
            return {**document, "orderItems": updated}

        return self._write(who, order_id, based_on, change)

    # ---- the write loop ------------------------------------------------------------------
    def _visible(self, tx: Transaction, who: Party, order_id: str) -> StoredOrder:
        found = tx.orders.get(order_id)
        # Another buyer's order is "not found", not "forbidden": its id does not leak.
        if found is None or not visible(who, found.document):
            raise not_found(f"no order has id {order_id!r}", "id")
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
    content = buyer_content(request)
    content["orderItems"] = items.carried(document, content["orderItems"], now())
    return {**seller, **content, "objectType": "order"}


def in_progress(document: dict[str, Any], what: str) -> None:
    """Conflict naming the order's status unless it is IN_PROGRESS."""
    status = OrderStatus(document["orderStatus"])
    if status is not OrderStatus.IN_PROGRESS:
        raise Conflict(
            f"order {document['id']} is {status}: cannot {what} that is {status}; "
            f"only while it is {OrderStatus.IN_PROGRESS}"
        )
