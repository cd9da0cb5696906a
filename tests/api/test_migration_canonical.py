"""Migration 0007 on SQLite and PostgreSQL: orders and notifications stored before it get their
canonical JSON, the same text a write of the service makes now, and the service reads it."""

from __future__ import annotations

import orjson
from alembic import command
from sqlalchemy import text

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


def test_orders_stored_before_0007_get_their_canonical_json(database_url: str) -> None:
    engine = make_engine(database_url)
    config = alembic_config(engine.url.render_as_string(hide_password=False))
    command.upgrade(config, "0006")
    with engine.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO orders (id, buyer_id, pon, buyer_order_version, order_status,"
                " order_type, order_date, revision, needs_processing, created_at, updated_at,"
                " document) VALUES ('ORD-OLD', :buyer, 'PO-OLD', '1', 'IN_PROGRESS', 'UNI',"
                " :at, 1, false, :at, :at, :document)"
            ),
            {
                "buyer": ORDER["buyerId"],
                "at": "2030-01-01 00:00:00",
                "document": orjson.dumps(ORDER).decode(),
            },
        )
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
