"""notifications of any order, their delivery outbox, S-VLAN assignments, the processing queue

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-25
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

DOCUMENT = sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql")


def upgrade() -> None:
    op.create_table(
        "notifications",
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("order_id", sa.String(length=64), nullable=False),
        sa.Column("version", sa.String(length=32), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("document", DOCUMENT, nullable=False),
        sa.PrimaryKeyConstraint("seq"),
        sa.UniqueConstraint("order_id", "version", name="uq_notifications_order_version"),
    )
    op.create_index("ix_notifications_order_seq", "notifications", ["order_id", "seq"])
    # Notifications stored before now keep their order; a repeated version is kept once.
    old = sa.table(
        "order_notifications",
        sa.column("seq", sa.Integer()),
        sa.column("order_seq", sa.Integer()),
        sa.column("created_at", sa.DateTime(timezone=True)),
        sa.column("document", DOCUMENT),
    )
    orders = sa.table("orders", sa.column("seq", sa.Integer()), sa.column("id", sa.String()))
    new = sa.table(
        "notifications",
        sa.column("order_id", sa.String()),
        sa.column("version", sa.String()),
        sa.column("created_at", sa.DateTime(timezone=True)),
        sa.column("document", DOCUMENT),
    )
    bind = op.get_bind()
    seen: set[tuple[str, str | None]] = set()
    rows = bind.execute(
        sa.select(orders.c.id, old.c.created_at, old.c.document)
        .join(orders, orders.c.seq == old.c.order_seq)
        .order_by(old.c.seq)
    )
    for order_id, created_at, document in rows:
        version = document.get("notificationVersion")
        if version is not None and (order_id, version) in seen:
            continue
        seen.add((order_id, version))
        bind.execute(
            new.insert().values(
                order_id=order_id, version=version, created_at=created_at, document=document
            )
        )
    op.drop_index("ix_order_notifications_order_seq", table_name="order_notifications")
    op.drop_table("order_notifications")

    op.create_table(
        "notification_deliveries",
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("notification_seq", sa.Integer(), nullable=False),
        sa.Column("order_id", sa.String(length=64), nullable=False),
        sa.Column("url", sa.String(length=2048), nullable=False),
        sa.Column("state", sa.String(length=16), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("next_attempt_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("lease_until", sa.DateTime(timezone=True), nullable=True),
        sa.Column("last_error", sa.String(length=1000), nullable=True),
        sa.Column("delivered_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(["notification_seq"], ["notifications.seq"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("seq"),
    )
    op.create_index("ix_deliveries_due", "notification_deliveries", ["state", "next_attempt_at"])
    op.create_index("ix_deliveries_order_seq", "notification_deliveries", ["order_id", "seq"])

    op.create_table(
        "svlan_assignments",
        sa.Column("seller_enni_id", sa.String(length=255), nullable=False),
        sa.Column("svlan_id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("order_id", sa.String(length=64), nullable=False),
        sa.Column("order_item_reference", sa.String(length=255), nullable=False),
        sa.PrimaryKeyConstraint("seller_enni_id", "svlan_id"),
    )
    op.create_index("ix_svlan_assignments_order", "svlan_assignments", ["order_id"])

    # Orders taken before the seller processed orders are not processed after the fact.
    op.add_column(
        "orders",
        sa.Column("needs_processing", sa.Boolean(), nullable=False, server_default=sa.false()),
    )
    op.create_index(
        "ix_orders_to_process",
        "orders",
        ["seq"],
        postgresql_where=sa.text("needs_processing"),
        sqlite_where=sa.text("needs_processing"),
    )


def downgrade() -> None:
    op.drop_index("ix_orders_to_process", table_name="orders")
    with op.batch_alter_table("orders") as batch:
        batch.drop_column("needs_processing")
    op.drop_index("ix_svlan_assignments_order", table_name="svlan_assignments")
    op.drop_table("svlan_assignments")
    op.drop_index("ix_deliveries_order_seq", table_name="notification_deliveries")
    op.drop_index("ix_deliveries_due", table_name="notification_deliveries")
    op.drop_table("notification_deliveries")
    op.create_table(
        "order_notifications",
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("order_seq", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("document", DOCUMENT, nullable=False),
        sa.ForeignKeyConstraint(["order_seq"], ["orders.seq"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("seq"),
    )
    op.create_index("ix_order_notifications_order_seq", "order_notifications", ["order_seq", "seq"])
    op.drop_index("ix_notifications_order_seq", table_name="notifications")
    op.drop_table("notifications")
