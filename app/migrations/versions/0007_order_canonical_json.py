"""Orders keep their canonical JSON (the response body, made once at write time)

Revision ID: 0007
Revises: 0004
Create Date: 2026-12-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0004"
branch_labels = None
depends_on = None

BATCH = 1000


def upgrade() -> None:
    op.add_column("orders", sa.Column("canonical", sa.Text(), nullable=True))
    # Orders written before: their canonical JSON from their document, as a write makes it now.
    from app.storage.orders import order_json

    connection = op.get_bind()
    orders = sa.table(
        "orders",
        sa.column("seq", sa.Integer),
        sa.column("document", sa.JSON().with_variant(sa.dialects.postgresql.JSONB(), "postgresql")),
        sa.column("canonical", sa.Text),
    )
    after = 0
    while True:
        rows = connection.execute(
            sa.select(orders.c.seq, orders.c.document)
            .where(orders.c.seq > after)
            .order_by(orders.c.seq)
            .limit(BATCH)
        ).all()
        if not rows:
            break
        for seq, document in rows:
            connection.execute(
                orders.update().where(orders.c.seq == seq).values(canonical=order_json(document))
            )
        after = rows[-1][0]


def downgrade() -> None:
    op.drop_column("orders", "canonical")
