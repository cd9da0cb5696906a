"""Migrations 0007 and 0008 on SQLite and PostgreSQL: orders and notifications stored before
them get their canonical JSON, the same text a write of the service makes now, and the service
reads it; 0008 then drops the orders' documents, and stops before it would lose one."""

from __future__ import annotations

import orjson
import pytest
from alembic import command
from alembic.config import Config
from sqlalchemy import JSON, Engine, column, select, table, text

from app.storage.database import alembic_config, make_engine
from app.storage.notifications import notification_json
from app.storage.orders import order_json
from app.storage.unit_of_work import UnitOfWork
from tests.helpers import docs_example

ORDER = {
    **docs_example("order.json"),
    "objectType": "order",
    "id": "ORD-OLD",
    "orderStatus": "IN_PROGRESS",
    "link": {"href": "http://orders/ORD-OLD"},
}
NOTICE = {
    "orderId": "ORD-OLD",
    "notificationType": "STATUS_CHANGE",
    "notificationVersion": "01",
    "orderStatus": "HELD",
}


def _at(engine: Engine, migration: str) -> Config:
    config = alembic_config(engine.url.render_as_string(hide_password=False))
    command.upgrade(config, migration)
    return config


def _store_before_0008(engine: Engine, order_id: str, document: object) -> None:
    """An order as a service before 0008 stored it: its document, without canonical JSON."""
    with engine.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO orders (id, buyer_id, pon, buyer_order_version, order_status,"
                " order_type, order_date, revision, needs_processing, created_at, updated_at,"
                " document) VALUES (:id, :buyer, :id, '1', 'IN_PROGRESS', 'UNI',"
                " :at, 1, false, :at, :at, :document)"
            ),
            {
                "id": order_id,
                "buyer": ORDER["buyerId"],
                "at": "2030-01-01 00:00:00",
                "document": orjson.dumps(document).decode(),
            },
        )


def _documents(engine: Engine) -> dict[str, object]:
    orders = table("orders", column("seq"), column("id"), column("document", JSON))
    with engine.connect() as connection:
        rows = connection.execute(select(orders.c.id, orders.c.document).order_by("seq")).all()
    return dict(rows)


def test_orders_stored_before_0007_get_their_canonical_json(database_url: str) -> None:
    engine = make_engine(database_url)
    config = _at(engine, "0006")
    _store_before_0008(engine, "ORD-OLD", ORDER)
    with engine.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO notifications (order_id, version, created_at, document)"
                " VALUES ('ORD-OLD', '01', :at, :document)"
            ),
            {"at": "2030-01-01 00:00:00", "document": orjson.dumps(NOTICE).decode()},
        )
    command.upgrade(config, "head")
    with UnitOfWork(engine)(read_only=True) as tx:
        found = tx.orders.get_json("ORD-OLD")
        notices = tx.notifications.page_json("ORD-OLD", 10, 0)
    assert found is not None
    assert found.canonical == order_json(ORDER)
    assert notices.items == [notification_json(NOTICE)]
    command.downgrade(config, "0006")  # and back: the column goes, the orders stay
    with engine.connect() as connection:
        assert connection.execute(text("SELECT count(*) FROM orders")).scalar_one() == 1


def test_0008_fills_the_json_0007_left_out_and_the_downgrade_brings_documents_back(
    database_url: str,
) -> None:
    engine = make_engine(database_url)
    config = _at(engine, "0007")
    # Stored by a service at 0007 that had no canonical JSON for it (0007 made none).
    _store_before_0008(engine, "ORD-OLD", ORDER)
    command.upgrade(config, "0008")
    with UnitOfWork(engine)(read_only=True) as tx:
        found = tx.orders.get_json("ORD-OLD")
        stored = tx.orders.get("ORD-OLD")
    assert found is not None and found.canonical == order_json(ORDER)
    assert stored is not None and stored.document == orjson.loads(order_json(ORDER))
    command.downgrade(config, "0007")
    assert _documents(engine) == {"ORD-OLD": orjson.loads(order_json(ORDER))}


def test_0008_stops_before_dropping_a_document_that_is_no_order(database_url: str) -> None:
    engine = make_engine(database_url)
    config = _at(engine, "0007")
    _store_before_0008(engine, "ORD-GOOD", ORDER)
    broken = {**ORDER, "id": "ORD-BAD"}
    del broken["orderItems"]
    _store_before_0008(engine, "ORD-BAD", broken)
    with pytest.raises(RuntimeError) as stopped:
        command.upgrade(config, "0008")
    assert str(stopped.value) == (
        "1 stored orders are not valid Orders of the spec, so migration 0008 cannot keep them "
        "as their JSON: ORD-BAD. Correct or delete them (the document column of table orders), "
        "then migrate again; nothing was changed."
    )
    # Nothing changed: still at 0007, both documents there.
    assert _documents(engine) == {"ORD-GOOD": ORDER, "ORD-BAD": broken}
    with engine.connect() as connection:
        version = connection.execute(text("SELECT version_num FROM alembic_version")).scalar()
        canonical = connection.execute(text("SELECT canonical FROM orders")).scalars().all()
    assert version == "0007" and canonical == [None, None]
