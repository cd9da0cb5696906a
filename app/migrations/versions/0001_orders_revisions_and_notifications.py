"""orders, revisions and notifications

Revision ID: 0001
Revises:
Create Date: 2026-11-24
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:

    op.create_table(
        "orders",
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("id", sa.String(length=64), nullable=False),
        sa.Column("buyer_id", sa.String(length=255), nullable=False),
        sa.Column("pon", sa.String(length=255), nullable=False),
        sa.Column("buyer_order_version", sa.String(length=255), nullable=False),
        sa.Column("order_status", sa.String(length=32), nullable=False),
        sa.Column("order_type", sa.String(length=32), nullable=False),
        sa.Column("order_date", sa.DateTime(timezone=True), nullable=False),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column(
            "document",
            sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql"),
            nullable=False,
        ),
        sa.PrimaryKeyConstraint("seq"),
        sa.UniqueConstraint("buyer_id", "pon", name="uq_orders_buyer_pon"),
        sa.UniqueConstraint("id"),
    )
    op.create_index("ix_orders_buyer_seq", "orders", ["buyer_id", "seq"], unique=False)
    op.create_index("ix_orders_date_seq", "orders", ["order_date", "seq"], unique=False)
    op.create_index("ix_orders_pon_seq", "orders", ["pon", "seq"], unique=False)
    op.create_index("ix_orders_status_seq", "orders", ["order_status", "seq"], unique=False)
    op.create_index("ix_orders_type_seq", "orders", ["order_type", "seq"], unique=False)
    op.create_table(
        "order_notifications",
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("order_seq", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column(
            "document",
            sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql"),
            nullable=False,
        ),
        sa.ForeignKeyConstraint(["order_seq"], ["orders.seq"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("seq"),
    )
    op.create_index(
        "ix_order_notifications_order_seq",
        "order_notifications",
        ["order_seq", "seq"],
        unique=False,
    )
    op.create_table(
        "order_revisions",
        sa.Column("order_seq", sa.Integer(), nullable=False),
        sa.Column("revision", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("recorded_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column(
            "document",
            sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql"),
            nullable=False,
        ),
        sa.ForeignKeyConstraint(["order_seq"], ["orders.seq"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("order_seq", "revision"),
    )


def downgrade() -> None:

    op.drop_table("order_revisions")
    op.drop_index("ix_order_notifications_order_seq", table_name="order_notifications")
    op.drop_table("order_notifications")
    op.drop_index("ix_orders_type_seq", table_name="orders")
    op.drop_index("ix_orders_status_seq", table_name="orders")
    op.drop_index("ix_orders_pon_seq", table_name="orders")
    op.drop_index("ix_orders_date_seq", table_name="orders")
    op.drop_index("ix_orders_buyer_seq", table_name="orders")
    op.drop_table("orders")
