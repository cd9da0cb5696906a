"""Storage: migrations match the models, and order lists are served from indexes."""

from __future__ import annotations

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import text
from sqlmodel import SQLModel

from app.storage.database import make_engine, migrate


def test_migrations_create_exactly_the_models(database_url: str) -> None:
    engine = make_engine(database_url)
    migrate(engine)
    migrate(engine)  # a second run is a no-op
    with engine.connect() as connection:
        differences = compare_metadata(MigrationContext.configure(connection), SQLModel.metadata)
    assert differences == []


LIST_QUERY = (
    "SELECT document FROM orders WHERE buyer_id = 'Verizon' ORDER BY seq DESC LIMIT 50 OFFSET 0"
)
COUNT_QUERY = "SELECT count(*) FROM orders WHERE buyer_id = 'Verizon' AND order_status = 'HELD'"


@pytest.mark.parametrize("query", [LIST_QUERY, COUNT_QUERY])
def test_order_lists_are_served_from_an_index(database_url: str, query: str) -> None:
    engine = make_engine(database_url)
    migrate(engine)
    with engine.connect() as connection:
        if connection.dialect.name == "sqlite":
            plan = " ".join(
                str(row[-1]) for row in connection.execute(text(f"EXPLAIN QUERY PLAN {query}"))
            )
        else:
            # The test table is empty; forbid sequential scans to see which index would serve.
            connection.execute(text("SET enable_seqscan = off"))
            plan = " ".join(row[0] for row in connection.execute(text(f"EXPLAIN {query}")))
    assert "ix_orders_" in plan, plan
    assert "SCAN orders" not in plan  # SQLite's words for a full-table scan
    assert "Seq Scan" not in plan  # PostgreSQL's
    assert "TEMP B-TREE" not in plan and " Sort " not in plan  # rows come in index order
