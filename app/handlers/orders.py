"""Handlers of the Order API (tag ``orders``)."""

from __future__ import annotations

import secrets
from collections.abc import Callable
from typing import Any
from urllib.parse import urlencode

import json_merge_patch
import orjson
from pydantic import ValidationError
from sqlmodel import Session

from app.lifecycle import FINAL, INITIAL, Action, TransitionError, next_status
from app.seller import notices
from app.storage import svlans
from app.storage.notifications import NotificationStore
from app.storage.orders import (
    AlsoInTransaction,
    DuplicateOrder,
    OrderFilter,
    OrderStore,
    StoredOrder,
    parse_instant,
)
from app.validation import check_instants, unreal_instants
from generated import models
from specfirst.problems import (
    conflict,
    forbidden,
    from_validation_error,
    invalid,
    not_found,
    precondition_failed,
    unprocessable,
)
from specfirst.reply import Reply, to_json
from specfirst.security import Caller

# The order's date-times; the spec's pattern checks their form, check_instants the calendar.
DATE_FIELDS = ("orderDate", "requestedCompletionDate", "requestedStartDate")
# Fields the seller sets; everything else in an order is the buyer's.
SELLER_FIELDS = ("objectType", "id", "link", "orderStatus")
# How often a write is retried when another writer got in between the read and the write.
WRITE_ATTEMPTS = 20


def buyer_content(document: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in document.items() if k not in SELLER_FIELDS}


def visible(caller: Caller, document: dict[str, Any]) -> bool:
    """A buyer sees its own orders (and their notifications) only; the seller sees them all."""
    return caller.role == "seller" or document.get("buyerId") == caller.subject


def etag(revision: int) -> str:
    return f'"{revision}"'


def matches(if_match: str | None, revision: int) -> bool:
    """RFC 9110 If-Match against the order's ETag (weak tags compared by value)."""
    if if_match is None or if_match.strip() == "*":
        return True
    tags = (tag.strip().removeprefix("W/").strip('"') for tag in if_match.split(","))
    return str(revision) in tags


class OrderHandlers:
    def __init__(
        self, store: OrderStore, notifications: NotificationStore, public_url: str
    ) -> None:
        self.store = store
        self.notifications = notifications
        self.public_url = public_url.rstrip("/")

    # ---- helpers -------------------------------------------------------------------------
    def _href(self, order_id: str) -> str:
        return f"{self.public_url}/orders/{order_id}"

    def _reply(self, saved: StoredOrder, status: int | None = None) -> Reply[models.Order]:
        headers = {"ETag": etag(saved.revision)}
        if status in (200, 201) and saved.revision == 1:
            headers["Location"] = self._href(saved.document["id"])
        return Reply(models.Order.model_validate(saved.document), status=status, headers=headers)

    def _get(self, order_id: str, caller: Caller) -> StoredOrder:
        found = self.store.get(order_id)
        # Another buyer's order is "not found", not "forbidden": its id does not leak.
        if found is None or not visible(caller, found.document):
            raise not_found(f"no order has id {order_id!r}")
        return found

    def _write(
        self,
        order_id: str,
        caller: Caller,
        if_match: str | None,
        change: Callable[[StoredOrder], dict[str, Any]],
        *,
        reprocess: bool = False,
        then: AlsoInTransaction | None = None,
    ) -> StoredOrder:
        """Applies ``change`` to the current order; re-reads and re-applies it when another
        writer committed first, so every acknowledged update survives. ``reprocess`` and
        ``then`` as in OrderStore.replace."""
        for _ in range(WRITE_ATTEMPTS):
            current = self._get(order_id, caller)
            if not matches(if_match, current.revision):
                raise precondition_failed(
                    f"If-Match {if_match} does not match the order's ETag {etag(current.revision)}"
                )
            saved = self.store.replace(current, change(current), reprocess=reprocess, then=then)
            if saved is not None:
                return saved
        raise conflict(f"order {order_id} is being changed by other requests; retry")

    def _amend(self, current: StoredOrder, request: dict[str, Any]) -> dict[str, Any]:
        """The order after a supplement: seller fields kept, buyer fields replaced."""
        status = models.OrderStatus(current.document["orderStatus"])
        if status in FINAL:
            raise conflict(
                f"order {current.document['id']} is {status} and can no longer be changed"
            )
        for field in ("buyerId", "buyerPurchaseOrderNumber"):
            if request[field] != current.document[field]:
                raise unprocessable(
                    f"{field} must stay {current.document[field]!r}, the original order's",
                    errors=[{"pointer": f"/{field}", "detail": "differs from the original order"}],
                )
        check_instants(request, DATE_FIELDS)
        seller = {k: current.document[k] for k in SELLER_FIELDS if k in current.document}
        return {**seller, **buyer_content(request), "objectType": "order"}

    # ---- operations ----------------------------------------------------------------------
    def list_orders(
        self,
        *,
        caller: Caller,
        buyer_id: str | None,
        id_: str | None,
        pon: str | None,
        order_status: models.OrderStatus | None,
        order_type: models.OrderType | None,
        order_date_from: str | None,
        order_date_to: str | None,
        limit: int,
        offset: int,
    ) -> models.OrderList | models.Order | Reply[models.OrderList | models.Order]:
        if caller.role == "buyer":
            if buyer_id not in (None, caller.subject):
                raise forbidden(
                    f"a buyer lists its own orders only: buyerId must be {caller.subject!r}"
                )
            buyer_id = caller.subject
        unreal = unreal_instants({"orderDateFrom": order_date_from, "orderDateTo": order_date_to})
        if unreal:
            raise invalid(422, [{"parameter": name, "detail": why} for name, why in unreal.items()])
        where = OrderFilter(
            order_id=id_,
            buyer_id=buyer_id,
            pon=pon,
            order_status=order_status,
            order_type=order_type,
            order_date_from=None if order_date_from is None else parse_instant(order_date_from),
            order_date_to=None if order_date_to is None else parse_instant(order_date_to),
        )
        query = {
            "id": id_,
            "pon": pon,
            "buyerId": buyer_id,
            "orderStatus": order_status,
            "orderType": order_type,
            "orderDateFrom": order_date_from,
            "orderDateTo": order_date_to,
        }
        asked = {name: value for name, value in query.items() if value is not None}
        if id_ is not None or pon is not None:
            found = self.store.latest(where)
            if found is None:
                described = ", ".join(f"{name}={value}" for name, value in asked.items())
                raise not_found(f"no order matches {described}")
            return self._reply(found)
        available, documents = self.store.page(where, limit, offset)
        href = f"{self.public_url}/orders?" + urlencode({**asked, "limit": limit, "offset": offset})
        return models.OrderList(
            link=models.Link(href=href),
            available=available,
            returned=len(documents),
            items=[models.Order.model_validate(d) for d in documents],
        )

    def create_order(
        self, *, caller: Caller, body: models.OrderCreateUpdate
    ) -> models.Order | Reply[models.Order]:
        if body.buyerId != caller.subject:
            raise forbidden(f"a buyer orders for itself only: buyerId must be {caller.subject!r}")
        request = buyer_content(to_json(body))
        check_instants(request, DATE_FIELDS)
        for _ in range(WRITE_ATTEMPTS):
            existing = self.store.latest(
                OrderFilter(buyer_id=body.buyerId, pon=body.buyerPurchaseOrderNumber)
            )
            if existing is not None:
                return self._replay(existing, request)
            order_id = f"ORD-{secrets.token_hex(10).upper()}"
            document = {
                "objectType": "order",
                "id": order_id,
                "link": {"href": self._href(order_id)},
                "orderStatus": INITIAL.value,
                **request,
            }
            try:
                return self._reply(self.store.insert(document), 201)
            except DuplicateOrder:
                continue  # a concurrent create of the same PON won: answer as a replay
        raise conflict("the order could not be created; retry")

    def _replay(self, existing: StoredOrder, request: dict[str, Any]) -> Reply[models.Order]:
        first = buyer_content(self.store.revisions(existing.seq)[0].document)
        order_id = existing.document["id"]
        if first == request:
            return self._reply(existing, 200)
        pon, version = request["buyerPurchaseOrderNumber"], request["buyerOrderVersion"]
        if first["buyerOrderVersion"] == version:
            raise conflict(
                f"order {order_id} was created from buyerPurchaseOrderNumber {pon!r} version "
                f"{version!r} with different content; a create is only repeated unchanged"
            )
        raise conflict(
            f"buyerPurchaseOrderNumber {pon!r} is already order {order_id}; "
            f"send a new version with PUT /orders/{order_id}"
        )

    def get_order(self, *, caller: Caller, id_: str) -> models.Order | Reply[models.Order]:
        return self._reply(self._get(id_, caller))

    def update_order(
        self, *, caller: Caller, body: models.OrderCreateUpdate, id_: str, if_match: str | None
    ) -> models.Order | Reply[models.Order]:
        request = to_json(body)

        def change(current: StoredOrder) -> dict[str, Any]:
            used = {r.document["buyerOrderVersion"] for r in self.store.revisions(current.seq)}
            if body.buyerOrderVersion in used:
                raise conflict(
                    f"buyerOrderVersion {body.buyerOrderVersion!r} was already used by order {id_} "
                    f"(current version {current.document['buyerOrderVersion']!r}); "
                    "a supplemental order needs a new version"
                )
            return self._amend(current, request)

        return self._reply(self._write(id_, caller, if_match, change, reprocess=True))

    def patch_order(
        self, *, caller: Caller, body: dict[str, Any], id_: str, if_match: str | None
    ) -> models.Order | Reply[models.Order]:
        def change(current: StoredOrder) -> dict[str, Any]:
            # merge() changes nested objects in place: it works on a copy (a JSON round trip is
            # ~7x cheaper than copy.deepcopy for an order).
            own = orjson.loads(orjson.dumps(buyer_content(current.document)))
            merged = json_merge_patch.merge(own, body)
            try:
                checked = models.OrderCreateUpdate.model_validate(merged)
            except ValidationError as error:
                raise from_validation_error(error, 422) from error
            return self._amend(current, to_json(checked))

        return self._reply(self._write(id_, caller, if_match, change, reprocess=True))

    def list_order_revisions(
        self, *, caller: Caller, id_: str
    ) -> models.OrderRevisionList | Reply[models.OrderRevisionList]:
        revisions = self.store.revisions(self._get(id_, caller).seq)
        return models.OrderRevisionList(
            link=models.Link(href=f"{self._href(id_)}/revisions"),
            available=len(revisions),
            returned=len(revisions),
            items=[
                models.OrderRevision(
                    revision=r.revision,
                    recordedAt=r.recorded_at.isoformat(timespec="milliseconds").replace(
                        "+00:00", "Z"
                    ),
                    order=models.Order.model_validate(r.document),
                )
                for r in revisions
            ],
        )

    def _transition(
        self, id_: str, caller: Caller, if_match: str | None, action: Action
    ) -> Reply[models.Order]:
        def change(current: StoredOrder) -> dict[str, Any]:
            status = models.OrderStatus(current.document["orderStatus"])
            try:
                return {**current.document, "orderStatus": next_status(action, status).value}
            except TransitionError as error:
                raise conflict(f"order {id_} is {status}: {error}") from error

        def notify(session: Session, document: dict[str, Any]) -> None:
            if action is Action.CANCEL:
                svlans.release(session, id_)  # a cancelled order's S-VLAN ids are free again
            self.notifications.emit(session, notices.status_change(document))

        return self._reply(self._write(id_, caller, if_match, change, then=notify))

    def cancel_order(
        self, *, caller: Caller, id_: str, if_match: str | None
    ) -> models.Order | Reply[models.Order]:
        return self._transition(id_, caller, if_match, Action.CANCEL)

    def hold_order(
        self, *, caller: Caller, id_: str, if_match: str | None
    ) -> models.Order | Reply[models.Order]:
        return self._transition(id_, caller, if_match, Action.HOLD)

    def release_order(
        self, *, caller: Caller, id_: str, if_match: str | None
    ) -> models.Order | Reply[models.Order]:
        return self._transition(id_, caller, if_match, Action.RELEASE)
