"""Handlers of the Order API (tag ``orders``): HTTP in, a call of the domain, HTTP out (models,
ETag and Location, links). The domain's refusals become problems in app/handlers/problems.py."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from app.domain.lifecycle import Action
from app.domain.orders import OrderQuery, Orders
from app.domain.records import StoredOrder
from app.domain.time import shown
from app.handlers.http import based_on, counts, etag, party, stored_list
from app.handlers.problems import refusals_as_problems
from generated import models
from specfirst.reply import Reply, StoredJSON, canonical_json, to_json
from specfirst.security import Caller


@refusals_as_problems
class OrderHandlers:
    def __init__(
        self, orders: Orders, public_url: str, *, reads_on_event_loop: bool = False
    ) -> None:
        self.orders = orders
        self.public_url = public_url.rstrip("/")
        # A read by key or a page of a local SQLite file takes tens of microseconds: called on
        # the event loop, it saves the threadpool's handoff, which costs more than the read.
        # Not on a network database, whose wait (or outage) would hold up every request.
        self.run_on_event_loop = (
            frozenset({"get_order", "list_orders"}) if reads_on_event_loop else frozenset()
        )

    def _href(self, order_id: str) -> str:
        return f"{self.public_url}/orders/{order_id}"

    def _reply(self, saved: StoredOrder, status: int | None = None) -> Reply[models.Order]:
        headers = {"ETag": etag(saved.revision)}
        if status in (200, 201) and saved.revision == 1:
            headers["Location"] = self._href(saved.document["id"])
        canonical = saved.canonical or canonical_json(models.Order, saved.document)
        return Reply(StoredJSON(models.Order, canonical), status=status, headers=headers)

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
        project_id: str | None,
        order_date_gt: str | None,
        order_date_lt: str | None,
        requested_completion_date_gt: str | None,
        requested_completion_date_lt: str | None,
        expected_completion_date_gt: str | None,
        expected_completion_date_lt: str | None,
        limit: int,
        offset: int,
    ) -> models.OrderList | models.Order | Reply[models.OrderList | models.Order]:
        who = party(caller)
        asked = OrderQuery(
            id=id_,
            pon=pon,
            buyer_id=buyer_id,
            order_status=order_status,
            order_type=order_type,
            order_date_from=order_date_from,
            order_date_to=order_date_to,
            project_id=project_id,
            order_date_gt=order_date_gt,
            order_date_lt=order_date_lt,
            requested_completion_date_gt=requested_completion_date_gt,
            requested_completion_date_lt=requested_completion_date_lt,
            expected_completion_date_gt=expected_completion_date_gt,
            expected_completion_date_lt=expected_completion_date_lt,
        )
        query = self.orders.scoped(who, asked)  # as the list's link shows it
        if query.one():
            return self._reply(self.orders.latest(who, query))
        page = self.orders.page_json(who, query, limit, offset)
        parameters = {**query.asked(), "limit": limit, "offset": offset}
        href = f"{self.public_url}/orders?{urlencode(parameters)}"
        return stored_list(models.OrderList, href, page)

    def create_order(
        self, *, caller: Caller, body: models.OrderCreateUpdate
    ) -> models.Order | Reply[models.Order]:
        created = self.orders.create(party(caller), to_json(body), self._href)
        return self._reply(created.order, 201 if created.new else 200)

    def get_order(self, *, caller: Caller, id_: str) -> models.Order | Reply[models.Order]:
        found = self.orders.get_json(party(caller), id_)
        headers = {"ETag": etag(found.revision)}
        return Reply(StoredJSON(models.Order, found.canonical), headers=headers)

    def update_order(
        self, *, caller: Caller, body: models.OrderCreateUpdate, id_: str, if_match: str | None
    ) -> models.Order | Reply[models.Order]:
        saved = self.orders.supplement(party(caller), id_, to_json(body), based_on(if_match))
        return self._reply(saved)

    def patch_order(
        self, *, caller: Caller, body: dict[str, Any], id_: str, if_match: str | None
    ) -> models.Order | Reply[models.Order]:
        return self._reply(self.orders.patch(party(caller), id_, body, based_on(if_match)))

    def list_order_revisions(
        self, *, caller: Caller, id_: str
    ) -> models.OrderRevisionList | Reply[models.OrderRevisionList]:
        revisions = self.orders.revisions(party(caller), id_)
        listed = models.OrderRevisionList(
            link=models.Link(href=f"{self._href(id_)}/revisions"),
            available=len(revisions),
            returned=len(revisions),
            items=[
                models.OrderRevision(
                    revision=r.revision,
                    recordedAt=shown(r.recorded_at),
                    order=models.Order.model_validate(r.document),
                )
                for r in revisions
            ],
        )
        return Reply(listed, headers=counts(len(revisions), len(revisions)))

    def _transition(
        self, caller: Caller, id_: str, if_match: str | None, action: Action
    ) -> Reply[models.Order]:
        return self._reply(self.orders.transition(party(caller), id_, action, based_on(if_match)))

    def cancel_order(
        self, *, caller: Caller, id_: str, if_match: str | None
    ) -> models.Order | Reply[models.Order]:
        return self._transition(caller, id_, if_match, Action.CANCEL)

    def hold_order(
        self, *, caller: Caller, id_: str, if_match: str | None
    ) -> models.Order | Reply[models.Order]:
        return self._transition(caller, id_, if_match, Action.HOLD)

    def release_order(
        self, *, caller: Caller, id_: str, if_match: str | None
    ) -> models.Order | Reply[models.Order]:
        return self._transition(caller, id_, if_match, Action.RELEASE)

    # ---- the seller's moves --------------------------------------------------------------
    def complete_order(
        self, *, caller: Caller, id_: str, if_match: str | None
    ) -> models.Order | Reply[models.Order]:
        saved = self.orders.complete(party(caller), id_, based_on(if_match))
        return self._reply(saved, 201)

    def fail_order(
        self, *, caller: Caller, body: models.Failure, id_: str, if_match: str | None
    ) -> models.Order | Reply[models.Order]:
        saved = self.orders.fail(party(caller), id_, body.reason, based_on(if_match))
        return self._reply(saved, 201)

    def report_order_jeopardy(
        self, *, caller: Caller, body: models.Jeopardy, id_: str, if_match: str | None
    ) -> models.Order | Reply[models.Order]:
        saved = self.orders.jeopardy(
            party(caller), id_, body.reason, body.expectedCompletionDate, based_on(if_match)
        )
        return self._reply(saved, 201)

    def complete_order_item(
        self, *, caller: Caller, id_: str, order_item_reference: str, if_match: str | None
    ) -> models.Order | Reply[models.Order]:
        saved = self.orders.complete_item(
            party(caller), id_, order_item_reference, based_on(if_match)
        )
        return self._reply(saved, 201)

    def fail_order_item(
        self,
        *,
        caller: Caller,
        body: models.Failure,
        id_: str,
        order_item_reference: str,
        if_match: str | None,
    ) -> models.Order | Reply[models.Order]:
        saved = self.orders.fail_item(
            party(caller), id_, order_item_reference, body.reason, based_on(if_match)
        )
        return self._reply(saved, 201)

    def add_order_item_milestone(
        self,
        *,
        caller: Caller,
        body: models.MilestoneCreate,
        id_: str,
        order_item_reference: str,
        if_match: str | None,
    ) -> models.Order | Reply[models.Order]:
        saved = self.orders.add_milestone(
            party(caller), id_, order_item_reference, to_json(body), based_on(if_match)
        )
        return self._reply(saved, 201)
