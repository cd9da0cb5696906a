"""index for buyer and status

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-25
"""

from __future__ import annotations

from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index(
        "ix_orders_buyer_status_seq", "orders", ["buyer_id", "order_status", "seq"], unique=False
    )


def downgrade() -> None:
    op.drop_index("ix_orders_buyer_status_seq", table_name="orders")
