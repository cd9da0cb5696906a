"""Storage: migrations match the models, and order lists are served from indexes."""

from __future__ import annotations

import contextlib
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace
from datetime import UTC, datetime
from typing import Any

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import JSON, column, select, table, text
from sqlalchemy import insert as sa_insert
from sqlmodel import SQLModel

from app.domain.records import OrderFilter
from app.storage.database import alembic_config, check_database, make_engine, migrate
from app.storage.orders import ORDERS, counting, listing, queued
from app.storage.tables import NotificationRow


def test_migrations_create_exactly_the_models(database_url: str) -> None:
    engine = make_engine(database_url)
    migrate(engine)
    migrate(engine)  # a second run is a no-op
    with engine.connect() as connection:
        differences = compare_metadata(MigrationContext.configure(connection), SQLModel.metadata)
    assert differences == []


LIST_QUERY = (
    "SELECT canonical FROM orders WHERE buyer_id = 'Verizon' ORDER BY seq DESC LIMIT 50 OFFSET 0"
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


# Sonata's list filters, each as the seller lists with it (no buyerId) and the index that
# must serve it. A buyer's list adds its buyerId, which ix_orders_buyer_seq serves.
INSTANT = datetime(2026, 1, 1, tzinfo=UTC)
FILTERS = {
    "projectId": (OrderFilter(project_id="PRJ-1"), "ix_orders_project_seq"),
    "orderDate.gt": (OrderFilter(order_date_after=INSTANT), "ix_orders_date_seq"),
    "orderDate.lt": (OrderFilter(order_date_before=INSTANT), "ix_orders_date_seq"),
    "requestedCompletionDate.gt": (
        OrderFilter(requested_completion_after=INSTANT),
        "ix_orders_requested_completion_seq",
    ),
    "requestedCompletionDate.lt": (
        OrderFilter(requested_completion_before=INSTANT),
        "ix_orders_requested_completion_seq",
    ),
    "expectedCompletionDate.gt": (
        OrderFilter(expected_completion_after=INSTANT),
        "ix_orders_expected_completion_seq",
    ),
    "expectedCompletionDate.lt": (
        OrderFilter(expected_completion_before=INSTANT),
        "ix_orders_expected_completion_seq",
    ),
}


def query_plan(database_url: str, statement: Any) -> str:
    """The database's plan of ``statement``: SQLite's EXPLAIN QUERY PLAN; PostgreSQL's EXPLAIN
    with sequential scans off (the test table is nearly empty: with them on, a scan is cheapest
    and the plan would not show which index serves the query)."""
    engine = make_engine(database_url)
    migrate(engine)
    sql = str(statement.compile(engine, compile_kwargs={"literal_binds": True}))
    with engine.connect() as connection:
        if connection.dialect.name == "sqlite":
            rows = connection.execute(text(f"EXPLAIN QUERY PLAN {sql}"))
            return " ".join(str(row[-1]) for row in rows)
        connection.execute(text("SET enable_seqscan = off"))
        return " ".join(row[0] for row in connection.execute(text(f"EXPLAIN {sql}")))


@pytest.mark.parametrize("skip", [(), (3, 5)])
def test_the_work_queue_is_read_from_its_partial_index(database_url: str, skip: Any) -> None:
    # The worker polls the queue twice a second: a scan of the table cost CPU in proportion
    # to the orders stored.
    plan = query_plan(database_url, queued(20, skip))
    # SQLite: "SCAN orders USING INDEX ix_orders_to_process" (the index's entries only), where
    # a full scan reads "SCAN orders".
    assert "ix_orders_to_process" in plan, plan
    assert "Seq Scan" not in plan, plan


@pytest.mark.parametrize("name", sorted(FILTERS))
def test_each_list_filter_is_served_from_its_index(database_url: str, name: str) -> None:
    where, index = FILTERS[name]
    # The canonical JSON a list sends (Orders.page and Orders.page_json), and the count.
    for statement in (listing(where, 50, 0), counting(where)):
        plan = query_plan(database_url, statement)
        assert index in plan, plan
        assert "SCAN orders" not in plan and "Seq Scan" not in plan, plan
    # A buyer's list (its buyerId always set) with the filter: from an index too.
    mine = replace(where, buyer_id="Verizon")
    for statement in (listing(mine, 50, 0), counting(mine)):
        plan = query_plan(database_url, statement)
        assert "ix_orders_" in plan, plan
        assert "SCAN orders" not in plan and "Seq Scan" not in plan, plan


def test_the_filter_columns_of_existing_orders_are_filled_by_the_migration(
    database_url: str,
) -> None:
    """Orders stored before migration 0005 get their projectId and completion dates from their
    documents, the expected one from their latest notification that has one."""
    engine = make_engine(database_url)
    config = alembic_config(database_url)
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "0004")
    # The orders table as it was then: the model's columns, and the document (0008 drops it).
    orders = table(
        "orders",
        *(column(c.name, c.type) for c in ORDERS.c if c.name != "canonical"),
        column("document", JSON),
    )
    document = {
        "projectId": "P-1",
        "orderDate": "2026-03-01T10:00+05:00",
        "requestedCompletionDate": "2026-04-01T00:00Z",
    }
    at = datetime(2026, 3, 1, tzinfo=UTC)
    with engine.begin() as connection:
        connection.execute(
            sa_insert(orders).values(
                id="ORD-1",
                buyer_id="Verizon",
                pon="PO-1",
                buyer_order_version="1",
                order_status="IN_PROGRESS",
                order_type="NEW",
                order_date=datetime(2026, 3, 1, 5, 0, tzinfo=UTC),
                revision=1,
                needs_processing=False,
                created_at=at,
                updated_at=at,
                document=document,
            )
        )
        for version, expected in (
            ("01", "2026-04-02T00:00Z"),
            ("02", None),
            ("03", "2026-04-03T12:00+02:00"),
        ):
            notification = {"orderId": "ORD-1", "notificationType": "CONFIRMATION"}
            if expected is not None:
                notification["expectedCompletionDate"] = expected
            connection.execute(
                sa_insert(NotificationRow.__table__).values(  # type: ignore[attr-defined]
                    order_id="ORD-1", version=version, created_at=at, document=notification
                )
            )
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "0005")
    with engine.connect() as connection:
        row = connection.execute(select(orders).where(orders.c.id == "ORD-1")).one()
    assert row.project_id == "P-1"
    dates = {
        name: getattr(row, name)
        for name in ("requested_completion_date", "expected_completion_date")
    }
    assert dates == {
        "requested_completion_date": datetime(2026, 4, 1, tzinfo=UTC),
        "expected_completion_date": datetime(2026, 4, 3, 10, 0, tzinfo=UTC),  # the latest
    }


def test_threads_migrating_databases_at_once_each_reach_the_newest_schema(tmp_path: Any) -> None:
    # Alembic's op/context proxies are process-wide: unguarded, one thread's migration clears
    # another's mid-way (KeyError 'script', or 'NoneType' has no attribute 'create_index').
    engines = [make_engine(f"sqlite:///{tmp_path / f'db{i}.sqlite'}") for i in range(4)]
    with ThreadPoolExecutor(len(engines)) as pool:
        list(pool.map(migrate, engines))
    for engine in engines:
        check_database(engine)  # raises NotReady unless at the newest migration


def test_the_pool_has_a_connection_for_each_request_thread_and_the_seller(
    database_url: str,
) -> None:
    """With ``threads`` requests each holding a connection, the seller's worker and the probes
    still get theirs without waiting for one to come back."""
    engine = make_engine(database_url, timeout=2, threads=3)
    with contextlib.ExitStack() as held:
        connections = [held.enter_context(engine.connect()) for _ in range(3 + 4)]
        assert [c.execute(text("SELECT 1")).scalar() for c in connections] == [1] * 7
