"""Orders and notifications keep their canonical JSON (the response body, made at write time)

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-01
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

BATCH = 1000


def _fill(connection: sa.Connection, name: str, canonical: Callable[[Any], str]) -> None:
    """The canonical JSON of the rows of table ``name`` written before, from their documents."""
    rows_of = sa.table(
        name,
        sa.column("seq", sa.Integer),
        sa.column("document", sa.JSON().with_variant(postgresql.JSONB(), "postgresql")),
        sa.column("canonical", sa.Text),
    )
    after = 0
    while True:
        rows = connection.execute(
            sa.select(rows_of.c.seq, rows_of.c.document)
            .where(rows_of.c.seq > after)
            .order_by(rows_of.c.seq)
            .limit(BATCH)
        ).all()
        if not rows:
            break
        for seq, document in rows:
            try:
                text = canonical(document)
            except ValueError:
                continue  # no valid document: left without, a read makes it (or fails) as before
            connection.execute(rows_of.update().where(rows_of.c.seq == seq).values(canonical=text))
        after = rows[-1][0]


def upgrade() -> None:
    # As the service writes them now (app/storage): checked against the spec, serialized once.
    from app.storage.notifications import notification_json
    from app.storage.orders import order_json

    for name, canonical in (("orders", order_json), ("notifications", notification_json)):
        op.add_column(name, sa.Column("canonical", sa.Text(), nullable=True))
        _fill(op.get_bind(), name, canonical)


def downgrade() -> None:
    op.drop_column("notifications", "canonical")
    op.drop_column("orders", "canonical")
