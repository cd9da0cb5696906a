"""Generated from spec/openapi.yaml by codegen (nox -s generate). Do not edit.

One Protocol per tag: the functions a handler module must define, with the spec's types.
mypy checks the modules the app binds against these, so a spec change that breaks a handler
fails the type check.
"""

from __future__ import annotations

from typing import Any, Protocol

from specfirst.reply import Reply
from specfirst.security import Caller

from . import models


class OrdersHandlers(Protocol):
    """Handlers of the `orders` operations."""

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
        """GET /orders: List orders, or get one order by ID or Buyer Purchase Order Number."""
        ...

    def create_order(
        self,
        *,
        caller: Caller,
        body: models.OrderCreateUpdate,
    ) -> models.Order | Reply[models.Order]:
        """POST /orders: Create an order."""
        ...

    def get_order(
        self,
        *,
        caller: Caller,
        id_: str,
    ) -> models.Order | Reply[models.Order]:
        """GET /orders/{id}: Get an order by ID."""
        ...

    def update_order(
        self,
        *,
        caller: Caller,
        body: models.OrderCreateUpdate,
        id_: str,
        if_match: str | None,
    ) -> models.Order | Reply[models.Order]:
        """PUT /orders/{id}: Update an order (supplemental order)."""
        ...

    def patch_order(
        self,
        *,
        caller: Caller,
        body: dict[str, Any],
        id_: str,
        if_match: str | None,
    ) -> models.Order | Reply[models.Order]:
        """PATCH /orders/{id}: Update an order with partial attributes."""
        ...

    def list_order_revisions(
        self,
        *,
        caller: Caller,
        id_: str,
    ) -> models.OrderRevisionList | Reply[models.OrderRevisionList]:
        """GET /orders/{id}/revisions: The history of an order."""
        ...

    def cancel_order(
        self,
        *,
        caller: Caller,
        id_: str,
        if_match: str | None,
    ) -> models.Order | Reply[models.Order]:
        """POST /orders/{id}/cancel: Cancel an order."""
        ...

    def hold_order(
        self,
        *,
        caller: Caller,
        id_: str,
        if_match: str | None,
    ) -> models.Order | Reply[models.Order]:
        """POST /orders/{id}/hold: Hold an order."""
        ...

    def release_order(
        self,
        *,
        caller: Caller,
        id_: str,
        if_match: str | None,
    ) -> models.Order | Reply[models.Order]:
        """POST /orders/{id}/release: Release a held order."""
        ...

    def complete_order(
        self,
        *,
        caller: Caller,
        id_: str,
        if_match: str | None,
    ) -> models.Order | Reply[models.Order]:
        """POST /orders/{id}/complete: Complete an order (seller)."""
        ...

    def fail_order(
        self,
        *,
        caller: Caller,
        body: models.Failure,
        id_: str,
        if_match: str | None,
    ) -> models.Order | Reply[models.Order]:
        """POST /orders/{id}/fail: Fail an order (seller)."""
        ...

    def report_order_jeopardy(
        self,
        *,
        caller: Caller,
        body: models.Jeopardy,
        id_: str,
        if_match: str | None,
    ) -> models.Order | Reply[models.Order]:
        """POST /orders/{id}/jeopardy: Report that an order will be late (seller)."""
        ...

    def complete_order_item(
        self,
        *,
        caller: Caller,
        id_: str,
        order_item_reference: str,
        if_match: str | None,
    ) -> models.Order | Reply[models.Order]:
        """POST /orders/{id}/items/{orderItemReference}/complete: Complete one item of an order (seller)."""
        ...

    def fail_order_item(
        self,
        *,
        caller: Caller,
        body: models.Failure,
        id_: str,
        order_item_reference: str,
        if_match: str | None,
    ) -> models.Order | Reply[models.Order]:
        """POST /orders/{id}/items/{orderItemReference}/fail: Fail one item of an order (seller)."""
        ...

    def add_order_item_milestone(
        self,
        *,
        caller: Caller,
        body: models.MilestoneCreate,
        id_: str,
        order_item_reference: str,
        if_match: str | None,
    ) -> models.Order | Reply[models.Order]:
        """POST /orders/{id}/items/{orderItemReference}/milestones: Record a milestone of an order item (seller)."""
        ...


class NotificationsHandlers(Protocol):
    """Handlers of the `notifications` operations."""

    def list_order_notifications(
        self,
        *,
        caller: Caller,
        id_: str,
        limit: int,
        offset: int,
    ) -> models.OrderNotificationList | Reply[models.OrderNotificationList]:
        """GET /orders/{id}/notifications: List the notifications of an order."""
        ...

    def create_order_notification(
        self,
        *,
        caller: Caller,
        body: models.OrderNotification,
        id_: str,
    ) -> models.OrderNotification | Reply[models.OrderNotification]:
        """POST /orders/{id}/notifications: Create a notification for an order."""
        ...

    def get_latest_order_notification(
        self,
        *,
        caller: Caller,
        id_: str,
    ) -> models.OrderNotification | Reply[models.OrderNotification]:
        """GET /orders/{id}/notification: Get the latest notification of an order."""
        ...

    def create_order_notification_singular(
        self,
        *,
        caller: Caller,
        body: models.OrderNotification,
        id_: str,
    ) -> models.OrderNotification | Reply[models.OrderNotification]:
        """POST /orders/{id}/notification: Create a notification for an order (deprecated spelling)."""
        ...


class HubHandlers(Protocol):
    """Handlers of the `hub` operations."""

    def list_hubs(
        self,
        *,
        caller: Caller,
        limit: int,
        offset: int,
    ) -> models.EventSubscriptionList | Reply[models.EventSubscriptionList]:
        """GET /hub: List the buyer's subscriptions."""
        ...

    def create_hub(
        self,
        *,
        caller: Caller,
        body: models.EventSubscriptionInput,
    ) -> models.EventSubscription | Reply[models.EventSubscription]:
        """POST /hub: Subscribe to the buyer's notifications."""
        ...

    def get_hub(
        self,
        *,
        caller: Caller,
        id_: str,
    ) -> models.EventSubscription | Reply[models.EventSubscription]:
        """GET /hub/{id}: Get a subscription."""
        ...

    def delete_hub(
        self,
        *,
        caller: Caller,
        id_: str,
    ) -> None:
        """DELETE /hub/{id}: Unsubscribe."""
        ...
