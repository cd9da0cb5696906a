"""Handlers of the Order Notification API (tag ``notifications``)."""

from __future__ import annotations

from urllib.parse import urlencode

from app.domain.notifications import Notifications
from app.handlers.http import party, stored_list
from app.handlers.problems import refusals_as_problems
from generated import models
from specfirst.reply import Reply, to_json
from specfirst.security import Caller


@refusals_as_problems
class NotificationHandlers:
    def __init__(self, notifications: Notifications, public_url: str) -> None:
        self.notifications = notifications
        self.public_url = public_url.rstrip("/")

    def list_order_notifications(
        self, *, caller: Caller, id_: str, limit: int, offset: int
    ) -> models.OrderNotificationList | Reply[models.OrderNotificationList]:
        page = self.notifications.page_json(party(caller), id_, limit, offset)
        query = urlencode({"limit": limit, "offset": offset})
        href = f"{self.public_url}/orders/{id_}/notifications?{query}"
        return stored_list(models.OrderNotificationList, href, page)

    def get_latest_order_notification(
        self, *, caller: Caller, id_: str
    ) -> models.OrderNotification | Reply[models.OrderNotification]:
        latest = self.notifications.latest(party(caller), id_)
        return models.OrderNotification.model_validate(latest)

    def create_order_notification(
        self, *, caller: Caller, body: models.OrderNotification, id_: str
    ) -> models.OrderNotification | Reply[models.OrderNotification]:
        created, stored = self.notifications.receive(id_, to_json(body))
        return Reply(
            models.OrderNotification.model_validate(stored), status=201 if created else 200
        )

    # The seed's singular spelling of the same operation (deprecated in the spec).
    create_order_notification_singular = create_order_notification
