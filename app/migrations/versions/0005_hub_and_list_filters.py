"""Buyers' subscriptions (hubs), their deliveries, and the orders' columns of Sonata's list filters

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-01
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def _utc(value: Any) -> datetime | None:
    if not isinstance(value, str):
        return None
    try:
        return datetime.fromisoformat(value.upper()).astimezone(UTC)
    except (ValueError, OverflowError):
        return None


def upgrade() -> None:
    op.create_table(
        "hubs",
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("id", sa.String(length=32), nullable=False),
        sa.Column("buyer_id", sa.String(length=255), nullable=False),
        sa.Column("callback", sa.String(length=2048), nullable=False),
        sa.Column("query", sa.String(length=1024), nullable=True),
        sa.Column("event_types", sa.String(length=1024), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("seq"),
        sa.UniqueConstraint("id"),
    )
    op.create_index("ix_hubs_buyer_seq", "hubs", ["buyer_id", "seq"])
    # Nullable columns are added in place, on SQLite too (no table copy).
    op.add_column("notification_deliveries", sa.Column("hub_id", sa.String(32), nullable=True))
    op.create_index("ix_deliveries_hub_state", "notification_deliveries", ["hub_id", "state"])
    op.add_column("orders", sa.Column("project_id", sa.String(length=255), nullable=True))
    for name in ("requested_completion_date", "expected_completion_date"):
        op.add_column("orders", sa.Column(name, sa.DateTime(timezone=True), nullable=True))
    _fill_order_columns()
    op.create_index("ix_orders_project_seq", "orders", ["project_id", "seq"])
    op.create_index(
        "ix_orders_requested_completion_seq", "orders", ["requested_completion_date", "seq"]
    )
    op.create_index(
        "ix_orders_expected_completion_seq", "orders", ["expected_completion_date", "seq"]
    )


def _fill_order_columns() -> None:
    """The new columns of the orders there are, from their documents and the seller's
    notifications, as instants in UTC (as the tables' datetimes store them)."""
    connection = op.get_bind()
    orders = sa.table(
        "orders",
        sa.column("seq", sa.Integer),
        sa.column("id", sa.String),
        sa.column("document", sa.JSON),
        sa.column("project_id", sa.String),
        sa.column("requested_completion_date", sa.DateTime(timezone=True)),
        sa.column("expected_completion_date", sa.DateTime(timezone=True)),
    )
    notifications = sa.table(
        "notifications",
        sa.column("seq", sa.Integer),
        sa.column("order_id", sa.String),
        sa.column("document", sa.JSON),
    )
    expected: dict[str, datetime] = {}
    for order_id, document in connection.execute(
        sa.select(notifications.c.order_id, notifications.c.document).order_by(notifications.c.seq)
    ):
        instant = _utc(document.get("expectedCompletionDate"))
        if instant is not None:
            expected[order_id] = instant  # the latest one wins
    for seq, order_id, document in connection.execute(
        sa.select(orders.c.seq, orders.c.id, orders.c.document)
    ):
        values: dict[str, Any] = {
            "project_id": document.get("projectId"),
            "requested_completion_date": _utc(document.get("requestedCompletionDate")),
            "expected_completion_date": expected.get(order_id),
        }
        connection.execute(orders.update().where(orders.c.seq == seq).values(**values))


def downgrade() -> None:
    for index in (
        "ix_orders_project_seq",
        "ix_orders_requested_completion_seq",
        "ix_orders_expected_completion_seq",
    ):
        op.drop_index(index, table_name="orders")
    for name in ("project_id", "requested_completion_date", "expected_completion_date"):
        op.drop_column("orders", name)
    op.drop_index("ix_deliveries_hub_state", table_name="notification_deliveries")
    op.drop_column("notification_deliveries", "hub_id")
    op.drop_index("ix_hubs_buyer_seq", table_name="hubs")
    op.drop_table("hubs")
