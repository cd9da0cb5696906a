"""An order is stored once: its canonical JSON; the orders table's document column goes

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-03
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

import orjson
import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

BATCH = 1000
# How many orders the refusal names (the rest are counted).
NAMED = 20
# As migration 0001 made the column: JSONB on PostgreSQL, JSON text elsewhere.
DOCUMENT = sa.JSON().with_variant(postgresql.JSONB(), "postgresql")
ORDERS = sa.table(
    "orders",
    sa.column("seq", sa.Integer),
    sa.column("id", sa.String),
    sa.column("document", DOCUMENT),
    sa.column("canonical", sa.Text),
)


def _in_batches(connection: sa.Connection, columns: Sequence[Any], *where: Any) -> Iterator[Any]:
    """The orders' seq and ``columns`` where ``where`` holds, in order, read a batch at a time
    (a batch is read whole before its rows are updated)."""
    after = 0
    while True:
        rows = connection.execute(
            sa.select(ORDERS.c.seq, *columns)
            .where(ORDERS.c.seq > after, *where)
            .order_by(ORDERS.c.seq)
            .limit(BATCH)
        ).all()
        if not rows:
            return
        yield from rows
        after = rows[-1][0]


def _fill_missing(connection: sa.Connection) -> None:
    """The canonical JSON of the orders that migration 0007 left without (their documents were
    no valid Order then). An order whose document is still none stops the migration, before
    anything is dropped: its document would be lost with the column."""
    # As the service writes them now: checked against the spec, serialized once.
    from app.storage.orders import order_json

    invalid: list[str] = []
    missing = ORDERS.c.canonical.is_(None)
    for seq, order_id, document in _in_batches(
        connection, (ORDERS.c.id, ORDERS.c.document), missing
    ):
        try:
            text = order_json(document)
        except ValueError:
            invalid.append(order_id)
            continue
        connection.execute(ORDERS.update().where(ORDERS.c.seq == seq).values(canonical=text))
    if invalid:
        named = ", ".join(invalid[:NAMED]) + (
            f" and {len(invalid) - NAMED} more" if len(invalid) > NAMED else ""
        )
        raise RuntimeError(
            f"{len(invalid)} stored orders are not valid Orders of the spec, so migration 0008 "
            f"cannot keep them as their JSON: {named}. Correct or delete them (the document "
            "column of table orders), then migrate again; nothing was changed."
        )


def upgrade() -> None:
    _fill_missing(op.get_bind())
    # SQLite drops the column in place (3.35+). Its NOT NULL cannot be added to canonical there
    # without rebuilding the table, whose drop would cascade to the order revisions: the column
    # stays nullable on every database, and every write sets it.
    op.drop_column("orders", "document")


def downgrade() -> None:
    op.add_column("orders", sa.Column("document", DOCUMENT, nullable=True))
    connection = op.get_bind()
    for seq, canonical in _in_batches(connection, (ORDERS.c.canonical,)):
        document = orjson.loads(canonical)
        connection.execute(ORDERS.update().where(ORDERS.c.seq == seq).values(document=document))
