"""S-VLAN assignments on VLAN-based UNIs

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "uni_svlan_assignments",
        sa.Column("seller_uni_id", sa.String(length=255), nullable=False),
        sa.Column("svlan_id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("order_id", sa.String(length=64), nullable=False),
        sa.Column("order_item_reference", sa.String(length=255), nullable=False),
        sa.PrimaryKeyConstraint("seller_uni_id", "svlan_id"),
    )
    op.create_index("ix_uni_svlan_assignments_order", "uni_svlan_assignments", ["order_id"])


def downgrade() -> None:
    op.drop_index("ix_uni_svlan_assignments_order", table_name="uni_svlan_assignments")
    op.drop_table("uni_svlan_assignments")
