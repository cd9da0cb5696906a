"""Handlers of the Order Notification API (tag ``notifications``)."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from app.handlers.orders import visible
from app.storage.notifications import NotificationStore, VersionConflict
from app.storage.orders import OrderStore
from app.validation import check_instants
from generated import models
from specfirst.problems import conflict, not_found, unprocessable
from specfirst.reply import Reply, to_json
from specfirst.security import Caller


class NotificationHandlers:
    def __init__(
        self, orders: OrderStore, notifications: NotificationStore, public_url: str
    ) -> None:
        self.orders = orders
        self.notifications = notifications
        self.public_url = public_url.rstrip("/")

    def _latest_visible(self, caller: Caller, id_: str) -> dict[str, Any] | None:
        """The order's latest notification (None: none yet), after a 404 unless they are the
        caller's to read: its own order's for a buyer (the order held here, or, at a buyer's
        endpoint, the notifications received about it), every order's for the seller."""
        order = self.orders.get(id_)
        _, latest = self.notifications.page(id_, 1, 0)
        about = order.document if order is not None else (latest[0] if latest else None)
        if about is None or not visible(caller, about):
            raise not_found(f"no order has id {id_!r}, and no notification of it was received")
        return latest[0] if latest else None

    def list_order_notifications(
        self, *, caller: Caller, id_: str, limit: int, offset: int
    ) -> models.OrderNotificationList | Reply[models.OrderNotificationList]:
        self._latest_visible(caller, id_)
        available, documents = self.notifications.page(id_, limit, offset)
        query = urlencode({"limit": limit, "offset": offset})
        return models.OrderNotificationList(
            link=models.Link(href=f"{self.public_url}/orders/{id_}/notifications?{query}"),
            available=available,
            returned=len(documents),
            items=[models.OrderNotification.model_validate(d) for d in documents],
        )

    def get_latest_order_notification(
        self, *, caller: Caller, id_: str
    ) -> models.OrderNotification | Reply[models.OrderNotification]:
        latest = self._latest_visible(caller, id_)
        if latest is None:
            raise not_found(f"order {id_!r} has no notifications")
        return models.OrderNotification.model_validate(latest)

    def create_order_notification(
        self, *, caller: Caller, body: models.OrderNotification, id_: str
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
        try:
            created, stored = self.notifications.receive(document)
        except VersionConflict as error:
            raise conflict(
                f"notificationVersion {body.notificationVersion!r} of order {id_} was already "
                "received with other content"
            ) from error
        return Reply(
            models.OrderNotification.model_validate(stored), status=201 if created else 200
        )

    # The seed's singular spelling of the same operation (deprecated in the spec).
    create_order_notification_singular = create_order_notification
