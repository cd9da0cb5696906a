"""Generated from spec/openapi.yaml by codegen (nox -s generate). Do not edit.

The functions Connexion calls, found by operationId. Once Connexion has routed, authenticated
and validated a request, each takes the arguments the spec declares straight from it (no
per-request reflection), then, in the threadpool (on the event loop for the handlers their
object names in ``run_on_event_loop``), turns them into models, calls the handler bound for its
tag, and turns the result into JSON with the status the spec declares. An operation whose
handler is missing answers 501 problem+json.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from connexion.lifecycle import ConnexionRequest
from connexion.resolver import Resolver
from starlette.responses import Response

from specfirst.dispatch import call, event_loop_functions
from specfirst.problems import not_implemented
from specfirst.reply import parse, request_body, respond
from specfirst.security import caller

from . import models
from .protocols import HubHandlers, NotificationsHandlers, OrdersHandlers

OPERATION_FUNCTIONS: dict[str, str] = {
    "listOrders": "list_orders",
    "createOrder": "create_order",
    "getOrder": "get_order",
    "updateOrder": "update_order",
    "patchOrder": "patch_order",
    "listOrderRevisions": "list_order_revisions",
    "cancelOrder": "cancel_order",
    "holdOrder": "hold_order",
    "releaseOrder": "release_order",
    "completeOrder": "complete_order",
    "failOrder": "fail_order",
    "reportOrderJeopardy": "report_order_jeopardy",
    "completeOrderItem": "complete_order_item",
    "failOrderItem": "fail_order_item",
    "addOrderItemMilestone": "add_order_item_milestone",
    "listOrderNotifications": "list_order_notifications",
    "createOrderNotification": "create_order_notification",
    "getLatestOrderNotification": "get_latest_order_notification",
    "createOrderNotificationSingular": "create_order_notification_singular",
    "listHubs": "list_hubs",
    "createHub": "create_hub",
    "getHub": "get_hub",
    "deleteHub": "delete_hub",
}


class Operations:
    def __init__(
        self,
        *,
        orders: OrdersHandlers,
        notifications: NotificationsHandlers,
        hub: HubHandlers,
    ) -> None:
        self._orders = orders
        self._notifications = notifications
        self._hub = hub
        self._on_event_loop = event_loop_functions(orders, notifications, hub)

    async def list_orders(self, request: ConnexionRequest) -> Response:
        """GET /orders"""
        query = request.query_params
        return await call(
            self._list_orders,
            "list_orders" in self._on_event_loop,
            buyer_id=query.get("buyerId", None),
            id_=query.get("id", None),
            pon=query.get("pon", None),
            order_status=query.get("orderStatus", None),
            order_type=query.get("orderType", None),
            order_date_from=query.get("orderDateFrom", None),
            order_date_to=query.get("orderDateTo", None),
            project_id=query.get("projectId", None),
            order_date_gt=query.get("orderDate.gt", None),
            order_date_lt=query.get("orderDate.lt", None),
            requested_completion_date_gt=query.get("requestedCompletionDate.gt", None),
            requested_completion_date_lt=query.get("requestedCompletionDate.lt", None),
            expected_completion_date_gt=query.get("expectedCompletionDate.gt", None),
            expected_completion_date_lt=query.get("expectedCompletionDate.lt", None),
            limit=query.get("limit", 50),
            offset=query.get("offset", 0),
        )

    def _list_orders(
        self,
        *,
        buyer_id: Any,
        id_: Any,
        pon: Any,
        order_status: Any,
        order_type: Any,
        order_date_from: Any,
        order_date_to: Any,
        project_id: Any,
        order_date_gt: Any,
        order_date_lt: Any,
        requested_completion_date_gt: Any,
        requested_completion_date_lt: Any,
        expected_completion_date_gt: Any,
        expected_completion_date_lt: Any,
        limit: Any,
        offset: Any,
    ) -> Response:
        who = caller("listOrders", ["buyer", "seller"])
        handler = getattr(self._orders, "list_orders", None)
        if handler is None:
            raise not_implemented("listOrders")
        result = handler(
            caller=who,
            buyer_id=buyer_id,
            id_=id_,
            pon=pon,
            order_status=None if order_status is None else models.OrderStatus(order_status),
            order_type=None if order_type is None else models.OrderType(order_type),
            order_date_from=order_date_from,
            order_date_to=order_date_to,
            project_id=project_id,
            order_date_gt=order_date_gt,
            order_date_lt=order_date_lt,
            requested_completion_date_gt=requested_completion_date_gt,
            requested_completion_date_lt=requested_completion_date_lt,
            expected_completion_date_gt=expected_completion_date_gt,
            expected_completion_date_lt=expected_completion_date_lt,
            limit=limit,
            offset=offset,
        )
        return respond(result, 200)

    async def create_order(self, request: ConnexionRequest) -> Response:
        """POST /orders"""
        return await call(
            self._create_order,
            "create_order" in self._on_event_loop,
            body=await request_body(request),
        )

    def _create_order(
        self,
        *,
        body: Any,
    ) -> Response:
        who = caller("createOrder", ["buyer"])
        handler = getattr(self._orders, "create_order", None)
        if handler is None:
            raise not_implemented("createOrder")
        result = handler(
            caller=who,
            body=parse(models.OrderCreateUpdate, body),
        )
        return respond(result, 201)

    async def get_order(self, request: ConnexionRequest) -> Response:
        """GET /orders/{id}"""
        path = request.path_params
        return await call(
            self._get_order,
            "get_order" in self._on_event_loop,
            id_=path["id"],
        )

    def _get_order(
        self,
        *,
        id_: Any,
    ) -> Response:
        who = caller("getOrder", ["buyer", "seller"])
        handler = getattr(self._orders, "get_order", None)
        if handler is None:
            raise not_implemented("getOrder")
        result = handler(
            caller=who,
            id_=id_,
        )
        return respond(result, 200)

    async def update_order(self, request: ConnexionRequest) -> Response:
        """PUT /orders/{id}"""
        path = request.path_params
        return await call(
            self._update_order,
            "update_order" in self._on_event_loop,
            body=await request_body(request),
            id_=path["id"],
            if_match=request.headers.get("If-Match"),
        )

    def _update_order(
        self,
        *,
        body: Any,
        id_: Any,
        if_match: Any,
    ) -> Response:
        who = caller("updateOrder", ["buyer"])
        handler = getattr(self._orders, "update_order", None)
        if handler is None:
            raise not_implemented("updateOrder")
        result = handler(
            caller=who,
            body=parse(models.OrderCreateUpdate, body),
            id_=id_,
            if_match=if_match,
        )
        return respond(result, 200)

    async def patch_order(self, request: ConnexionRequest) -> Response:
        """PATCH /orders/{id}"""
        path = request.path_params
        return await call(
            self._patch_order,
            "patch_order" in self._on_event_loop,
            body=await request_body(request),
            id_=path["id"],
            if_match=request.headers.get("If-Match"),
        )

    def _patch_order(
        self,
        *,
        body: Any,
        id_: Any,
        if_match: Any,
    ) -> Response:
        who = caller("patchOrder", ["buyer"])
        handler = getattr(self._orders, "patch_order", None)
        if handler is None:
            raise not_implemented("patchOrder")
        result = handler(
            caller=who,
            body=body,
            id_=id_,
            if_match=if_match,
        )
        return respond(result, 200)

    async def list_order_revisions(self, request: ConnexionRequest) -> Response:
        """GET /orders/{id}/revisions"""
        path = request.path_params
        return await call(
            self._list_order_revisions,
            "list_order_revisions" in self._on_event_loop,
            id_=path["id"],
        )

    def _list_order_revisions(
        self,
        *,
        id_: Any,
    ) -> Response:
        who = caller("listOrderRevisions", ["buyer", "seller"])
        handler = getattr(self._orders, "list_order_revisions", None)
        if handler is None:
            raise not_implemented("listOrderRevisions")
        result = handler(
            caller=who,
            id_=id_,
        )
        return respond(result, 200)

    async def cancel_order(self, request: ConnexionRequest) -> Response:
        """POST /orders/{id}/cancel"""
        path = request.path_params
        return await call(
            self._cancel_order,
            "cancel_order" in self._on_event_loop,
            id_=path["id"],
            if_match=request.headers.get("If-Match"),
        )

    def _cancel_order(
        self,
        *,
        id_: Any,
        if_match: Any,
    ) -> Response:
        who = caller("cancelOrder", ["buyer"])
        handler = getattr(self._orders, "cancel_order", None)
        if handler is None:
            raise not_implemented("cancelOrder")
        result = handler(
            caller=who,
            id_=id_,
            if_match=if_match,
        )
        return respond(result, 201)

    async def hold_order(self, request: ConnexionRequest) -> Response:
        """POST /orders/{id}/hold"""
        path = request.path_params
        return await call(
            self._hold_order,
            "hold_order" in self._on_event_loop,
            id_=path["id"],
            if_match=request.headers.get("If-Match"),
        )

    def _hold_order(
        self,
        *,
        id_: Any,
        if_match: Any,
    ) -> Response:
        who = caller("holdOrder", ["buyer"])
        handler = getattr(self._orders, "hold_order", None)
        if handler is None:
            raise not_implemented("holdOrder")
        result = handler(
            caller=who,
            id_=id_,
            if_match=if_match,
        )
        return respond(result, 201)

    async def release_order(self, request: ConnexionRequest) -> Response:
        """POST /orders/{id}/release"""
        path = request.path_params
        return await call(
            self._release_order,
            "release_order" in self._on_event_loop,
            id_=path["id"],
            if_match=request.headers.get("If-Match"),
        )

    def _release_order(
        self,
        *,
        id_: Any,
        if_match: Any,
    ) -> Response:
        who = caller("releaseOrder", ["buyer"])
        handler = getattr(self._orders, "release_order", None)
        if handler is None:
            raise not_implemented("releaseOrder")
        result = handler(
            caller=who,
            id_=id_,
            if_match=if_match,
        )
        return respond(result, 201)

    async def complete_order(self, request: ConnexionRequest) -> Response:
        """POST /orders/{id}/complete"""
        path = request.path_params
        return await call(
            self._complete_order,
            "complete_order" in self._on_event_loop,
            id_=path["id"],
            if_match=request.headers.get("If-Match"),
        )

    def _complete_order(
        self,
        *,
        id_: Any,
        if_match: Any,
    ) -> Response:
        who = caller("completeOrder", ["seller"])
        handler = getattr(self._orders, "complete_order", None)
        if handler is None:
            raise not_implemented("completeOrder")
        result = handler(
            caller=who,
            id_=id_,
            if_match=if_match,
        )
        return respond(result, 201)

    async def fail_order(self, request: ConnexionRequest) -> Response:
        """POST /orders/{id}/fail"""
        path = request.path_params
        return await call(
            self._fail_order,
            "fail_order" in self._on_event_loop,
            body=await request_body(request),
            id_=path["id"],
            if_match=request.headers.get("If-Match"),
        )

    def _fail_order(
        self,
        *,
        body: Any,
        id_: Any,
        if_match: Any,
    ) -> Response:
        who = caller("failOrder", ["seller"])
        handler = getattr(self._orders, "fail_order", None)
        if handler is None:
            raise not_implemented("failOrder")
        result = handler(
            caller=who,
            body=parse(models.Failure, body),
            id_=id_,
            if_match=if_match,
        )
        return respond(result, 201)

    async def report_order_jeopardy(self, request: ConnexionRequest) -> Response:
        """POST /orders/{id}/jeopardy"""
        path = request.path_params
        return await call(
            self._report_order_jeopardy,
            "report_order_jeopardy" in self._on_event_loop,
            body=await request_body(request),
            id_=path["id"],
            if_match=request.headers.get("If-Match"),
        )

    def _report_order_jeopardy(
        self,
        *,
        body: Any,
        id_: Any,
        if_match: Any,
    ) -> Response:
        who = caller("reportOrderJeopardy", ["seller"])
        handler = getattr(self._orders, "report_order_jeopardy", None)
        if handler is None:
            raise not_implemented("reportOrderJeopardy")
        result = handler(
            caller=who,
            body=parse(models.Jeopardy, body),
            id_=id_,
            if_match=if_match,
        )
        return respond(result, 201)

    async def complete_order_item(self, request: ConnexionRequest) -> Response:
        """POST /orders/{id}/items/{orderItemReference}/complete"""
        path = request.path_params
        return await call(
            self._complete_order_item,
            "complete_order_item" in self._on_event_loop,
            id_=path["id"],
            order_item_reference=path["orderItemReference"],
            if_match=request.headers.get("If-Match"),
        )

    def _complete_order_item(
        self,
        *,
        id_: Any,
        order_item_reference: Any,
        if_match: Any,
    ) -> Response:
        who = caller("completeOrderItem", ["seller"])
        handler = getattr(self._orders, "complete_order_item", None)
        if handler is None:
            raise not_implemented("completeOrderItem")
        result = handler(
            caller=who,
            id_=id_,
            order_item_reference=order_item_reference,
            if_match=if_match,
        )
        return respond(result, 201)

    async def fail_order_item(self, request: ConnexionRequest) -> Response:
        """POST /orders/{id}/items/{orderItemReference}/fail"""
        path = request.path_params
        return await call(
            self._fail_order_item,
            "fail_order_item" in self._on_event_loop,
            body=await request_body(request),
            id_=path["id"],
            order_item_reference=path["orderItemReference"],
            if_match=request.headers.get("If-Match"),
        )

    def _fail_order_item(
        self,
        *,
        body: Any,
        id_: Any,
        order_item_reference: Any,
        if_match: Any,
    ) -> Response:
        who = caller("failOrderItem", ["seller"])
        handler = getattr(self._orders, "fail_order_item", None)
        if handler is None:
            raise not_implemented("failOrderItem")
        result = handler(
            caller=who,
            body=parse(models.Failure, body),
            id_=id_,
            order_item_reference=order_item_reference,
            if_match=if_match,
        )
        return respond(result, 201)

    async def add_order_item_milestone(self, request: ConnexionRequest) -> Response:
        """POST /orders/{id}/items/{orderItemReference}/milestones"""
        path = request.path_params
        return await call(
            self._add_order_item_milestone,
            "add_order_item_milestone" in self._on_event_loop,
            body=await request_body(request),
            id_=path["id"],
            order_item_reference=path["orderItemReference"],
            if_match=request.headers.get("If-Match"),
        )

    def _add_order_item_milestone(
        self,
        *,
        body: Any,
        id_: Any,
        order_item_reference: Any,
        if_match: Any,
    ) -> Response:
        who = caller("addOrderItemMilestone", ["seller"])
        handler = getattr(self._orders, "add_order_item_milestone", None)
        if handler is None:
            raise not_implemented("addOrderItemMilestone")
        result = handler(
            caller=who,
            body=parse(models.MilestoneCreate, body),
            id_=id_,
            order_item_reference=order_item_reference,
            if_match=if_match,
        )
        return respond(result, 201)

    async def list_order_notifications(self, request: ConnexionRequest) -> Response:
        """GET /orders/{id}/notifications"""
        path = request.path_params
        query = request.query_params
        return await call(
            self._list_order_notifications,
            "list_order_notifications" in self._on_event_loop,
            id_=path["id"],
            limit=query.get("limit", 50),
            offset=query.get("offset", 0),
        )

    def _list_order_notifications(
        self,
        *,
        id_: Any,
        limit: Any,
        offset: Any,
    ) -> Response:
        who = caller("listOrderNotifications", ["buyer", "seller"])
        handler = getattr(self._notifications, "list_order_notifications", None)
        if handler is None:
            raise not_implemented("listOrderNotifications")
        result = handler(
            caller=who,
            id_=id_,
            limit=limit,
            offset=offset,
        )
        return respond(result, 200)

    async def create_order_notification(self, request: ConnexionRequest) -> Response:
        """POST /orders/{id}/notifications"""
        path = request.path_params
        return await call(
            self._create_order_notification,
            "create_order_notification" in self._on_event_loop,
            body=await request_body(request),
            id_=path["id"],
        )

    def _create_order_notification(
        self,
        *,
        body: Any,
        id_: Any,
    ) -> Response:
        who = caller("createOrderNotification", ["seller"])
        handler = getattr(self._notifications, "create_order_notification", None)
        if handler is None:
            raise not_implemented("createOrderNotification")
        result = handler(
            caller=who,
            body=parse(models.OrderNotification, body),
            id_=id_,
        )
        return respond(result, 201)

    async def get_latest_order_notification(self, request: ConnexionRequest) -> Response:
        """GET /orders/{id}/notification"""
        path = request.path_params
        return await call(
            self._get_latest_order_notification,
            "get_latest_order_notification" in self._on_event_loop,
            id_=path["id"],
        )

    def _get_latest_order_notification(
        self,
        *,
        id_: Any,
    ) -> Response:
        who = caller("getLatestOrderNotification", ["buyer", "seller"])
        handler = getattr(self._notifications, "get_latest_order_notification", None)
        if handler is None:
            raise not_implemented("getLatestOrderNotification")
        result = handler(
            caller=who,
            id_=id_,
        )
        return respond(result, 200)

    async def create_order_notification_singular(self, request: ConnexionRequest) -> Response:
        """POST /orders/{id}/notification"""
        path = request.path_params
        return await call(
            self._create_order_notification_singular,
            "create_order_notification_singular" in self._on_event_loop,
            body=await request_body(request),
            id_=path["id"],
        )

    def _create_order_notification_singular(
        self,
        *,
        body: Any,
        id_: Any,
    ) -> Response:
        who = caller("createOrderNotificationSingular", ["seller"])
        handler = getattr(self._notifications, "create_order_notification_singular", None)
        if handler is None:
            raise not_implemented("createOrderNotificationSingular")
        result = handler(
            caller=who,
            body=parse(models.OrderNotification, body),
            id_=id_,
        )
        return respond(result, 201)

    async def list_hubs(self, request: ConnexionRequest) -> Response:
        """GET /hub"""
        query = request.query_params
        return await call(
            self._list_hubs,
            "list_hubs" in self._on_event_loop,
            limit=query.get("limit", 50),
            offset=query.get("offset", 0),
        )

    def _list_hubs(
        self,
        *,
        limit: Any,
        offset: Any,
    ) -> Response:
        who = caller("listHubs", ["buyer"])
        handler = getattr(self._hub, "list_hubs", None)
        if handler is None:
            raise not_implemented("listHubs")
        result = handler(
            caller=who,
            limit=limit,
            offset=offset,
        )
        return respond(result, 200)

    async def create_hub(self, request: ConnexionRequest) -> Response:
        """POST /hub"""
        return await call(
            self._create_hub,
            "create_hub" in self._on_event_loop,
            body=await request_body(request),
        )

    def _create_hub(
        self,
        *,
        body: Any,
    ) -> Response:
        who = caller("createHub", ["buyer"])
        handler = getattr(self._hub, "create_hub", None)
        if handler is None:
            raise not_implemented("createHub")
        result = handler(
            caller=who,
            body=parse(models.EventSubscriptionInput, body),
        )
        return respond(result, 201)

    async def get_hub(self, request: ConnexionRequest) -> Response:
        """GET /hub/{id}"""
        path = request.path_params
        return await call(
            self._get_hub,
            "get_hub" in self._on_event_loop,
            id_=path["id"],
        )

    def _get_hub(
        self,
        *,
        id_: Any,
    ) -> Response:
        who = caller("getHub", ["buyer"])
        handler = getattr(self._hub, "get_hub", None)
        if handler is None:
            raise not_implemented("getHub")
        result = handler(
            caller=who,
            id_=id_,
        )
        return respond(result, 200)

    async def delete_hub(self, request: ConnexionRequest) -> Response:
        """DELETE /hub/{id}"""
        path = request.path_params
        return await call(
            self._delete_hub,
            "delete_hub" in self._on_event_loop,
            id_=path["id"],
        )

    def _delete_hub(
        self,
        *,
        id_: Any,
    ) -> Response:
        who = caller("deleteHub", ["buyer"])
        handler = getattr(self._hub, "delete_hub", None)
        if handler is None:
            raise not_implemented("deleteHub")
        result = handler(
            caller=who,
            id_=id_,
        )
        return respond(result, 204)


def make_resolver(operations: Operations) -> Resolver:
    """A Connexion resolver from the spec's operationIds to ``operations``' methods."""

    def function_for(operation_id: str) -> Callable[..., Any]:
        function: Callable[..., Any] = getattr(operations, OPERATION_FUNCTIONS[operation_id])
        return function

    return Resolver(function_resolver=function_for)
