"""Generated from spec/openapi.yaml by codegen (nox -s generate). Do not edit.

The functions Connexion calls, found by operationId. Each turns the validated request into
models, calls the handler bound for its tag, and turns the result into JSON with the status
the spec declares. An operation whose handler is missing answers 501 problem+json.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from connexion import request
from connexion.resolver import Resolver
from starlette.responses import Response

from generated import models
from generated.protocols import NotificationsHandlers, OrdersHandlers
from generated.runtime import caller, not_implemented, parse, respond

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
    "listOrderNotifications": "list_order_notifications",
    "createOrderNotification": "create_order_notification",
    "getLatestOrderNotification": "get_latest_order_notification",
    "createOrderNotificationSingular": "create_order_notification_singular",
}


class Operations:
    def __init__(
        self,
        *,
        orders: OrdersHandlers,
        notifications: NotificationsHandlers,
    ) -> None:
        self._orders = orders
        self._notifications = notifications

    def list_orders(
        self,
        buyer_id: Any = None,
        id_: Any = None,
        pon: Any = None,
        order_status: Any = None,
        order_type: Any = None,
        order_date_from: Any = None,
        order_date_to: Any = None,
        limit: Any = 50,
        offset: Any = 0,
    ) -> Response:
        """GET /orders"""
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
            limit=limit,
            offset=offset,
        )
        return respond(result, 200)

    def create_order(
        self,
        body: Any = None,
    ) -> Response:
        """POST /orders"""
        who = caller("createOrder", ["buyer"])
        handler = getattr(self._orders, "create_order", None)
        if handler is None:
            raise not_implemented("createOrder")
        result = handler(
            caller=who,
            body=parse(models.OrderCreateUpdate, body),
        )
        return respond(result, 201)

    def get_order(
        self,
        id_: Any = None,
    ) -> Response:
        """GET /orders/{id}"""
        who = caller("getOrder", ["buyer", "seller"])
        handler = getattr(self._orders, "get_order", None)
        if handler is None:
            raise not_implemented("getOrder")
        result = handler(
            caller=who,
            id_=id_,
        )
        return respond(result, 200)

    def update_order(
        self,
        body: Any = None,
        id_: Any = None,
    ) -> Response:
        """PUT /orders/{id}"""
        who = caller("updateOrder", ["buyer"])
        handler = getattr(self._orders, "update_order", None)
        if handler is None:
            raise not_implemented("updateOrder")
        result = handler(
            caller=who,
            body=parse(models.OrderCreateUpdate, body),
            id_=id_,
            if_match=request.headers.get("If-Match"),
        )
        return respond(result, 200)

    def patch_order(
        self,
        body: Any = None,
        id_: Any = None,
    ) -> Response:
        """PATCH /orders/{id}"""
        who = caller("patchOrder", ["buyer"])
        handler = getattr(self._orders, "patch_order", None)
        if handler is None:
            raise not_implemented("patchOrder")
        result = handler(
            caller=who,
            body=body,
            id_=id_,
            if_match=request.headers.get("If-Match"),
        )
        return respond(result, 200)

    def list_order_revisions(
        self,
        id_: Any = None,
    ) -> Response:
        """GET /orders/{id}/revisions"""
        who = caller("listOrderRevisions", ["buyer", "seller"])
        handler = getattr(self._orders, "list_order_revisions", None)
        if handler is None:
            raise not_implemented("listOrderRevisions")
        result = handler(
            caller=who,
            id_=id_,
        )
        return respond(result, 200)

    def cancel_order(
        self,
        id_: Any = None,
    ) -> Response:
        """POST /orders/{id}/cancel"""
        who = caller("cancelOrder", ["buyer"])
        handler = getattr(self._orders, "cancel_order", None)
        if handler is None:
            raise not_implemented("cancelOrder")
        result = handler(
            caller=who,
            id_=id_,
            if_match=request.headers.get("If-Match"),
        )
        return respond(result, 201)

    def hold_order(
        self,
        id_: Any = None,
    ) -> Response:
        """POST /orders/{id}/hold"""
        who = caller("holdOrder", ["buyer"])
        handler = getattr(self._orders, "hold_order", None)
        if handler is None:
            raise not_implemented("holdOrder")
        result = handler(
            caller=who,
            id_=id_,
            if_match=request.headers.get("If-Match"),
        )
        return respond(result, 201)

    def release_order(
        self,
        id_: Any = None,
    ) -> Response:
        """POST /orders/{id}/release"""
        who = caller("releaseOrder", ["buyer"])
        handler = getattr(self._orders, "release_order", None)
        if handler is None:
            raise not_implemented("releaseOrder")
        result = handler(
            caller=who,
            id_=id_,
            if_match=request.headers.get("If-Match"),
        )
        return respond(result, 201)

    def list_order_notifications(
        self,
        id_: Any = None,
        limit: Any = 50,
        offset: Any = 0,
    ) -> Response:
        """GET /orders/{id}/notifications"""
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

    def create_order_notification(
        self,
        body: Any = None,
        id_: Any = None,
    ) -> Response:
        """POST /orders/{id}/notifications"""
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

    def get_latest_order_notification(
        self,
        id_: Any = None,
    ) -> Response:
        """GET /orders/{id}/notification"""
        who = caller("getLatestOrderNotification", ["buyer", "seller"])
        handler = getattr(self._notifications, "get_latest_order_notification", None)
        if handler is None:
            raise not_implemented("getLatestOrderNotification")
        result = handler(
            caller=who,
            id_=id_,
        )
        return respond(result, 200)

    def create_order_notification_singular(
        self,
        body: Any = None,
        id_: Any = None,
    ) -> Response:
        """POST /orders/{id}/notification"""
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


def make_resolver(operations: Operations) -> Resolver:
    """A Connexion resolver from the spec's operationIds to ``operations``' methods."""

    def function_for(operation_id: str) -> Callable[..., Any]:
        function: Callable[..., Any] = getattr(operations, OPERATION_FUNCTIONS[operation_id])
        return function

    return Resolver(function_resolver=function_for)
