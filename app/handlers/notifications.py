"""Handlers of the Order Notification API (tag ``notifications``)."""

from __future__ import annotations

from app.problems import not_found, unprocessable
from app.storage.orders import NotificationStore, OrderStore
from app.validation import check_instants
from generated import models
from generated.runtime import Reply, to_json


class NotificationHandlers:
    def __init__(self, orders: OrderStore, notifications: NotificationStore) -> None:
        self.orders = orders
        self.notifications = notifications

    def _order_seq(self, order_id: str) -> int:
        found = self.orders.get(order_id)
        if found is None:
            raise not_found(f"no order has id {order_id!r}")
        return found.seq

    def get_order_notification(
        self, *, id_: str
    ) -> models.OrderNotification | Reply[models.OrderNotification]:
        latest = self.notifications.latest(self._order_seq(id_))
        if latest is None:
            raise not_found(f"order {id_} has no notifications yet")
        return models.OrderNotification.model_validate(latest)

    def create_order_notification(
        self, *, body: models.OrderNotification, id_: str
    ) -> models.OrderNotification | Reply[models.OrderNotification]:
        if body.orderId != id_:
            raise unprocessable(
                f"orderId {body.orderId!r} is not the order of the path, {id_!r}",
                errors=[
                    {"pointer": "/orderId", "detail": f"must be {id_!r}, the order of the path"}
                ],
            )
        document = to_json(body)
        check_instants(document, ("expectedCompletionDate",))
        self.notifications.add(self._order_seq(id_), document)
        return Reply(body, status=201)

    # The seed's singular spelling of the same two operations (deprecated in the spec).
    get_order_notification_singular = get_order_notification
    create_order_notification_singular = create_order_notification
