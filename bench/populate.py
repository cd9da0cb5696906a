"""Fills a database with many orders quickly: a million in well under a minute on SQLite.

Rows go straight to the driver (SQLite's executemany in one transaction, PostgreSQL's COPY),
each order's JSON serialised once by orjson from a shallow copy of the canonical JSON of the
seed's create request (the nested parts are shared, never copied). Only the orders table is
filled: the bulk orders have no revision rows and are not queued for the seller's processing
(``needs_processing`` false), so the background worker does not spend the benchmark working
through a million of them.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

import orjson
import yaml
from sqlalchemy import Engine

from app.settings import project_config
from app.storage.orders import order_json

CREATE_REQUEST: dict[str, Any] = yaml.safe_load(project_config().spec.read_text())["components"][
    "examples"
]["createOrderRequest"]["value"]

STATUSES = ["IN_PROGRESS"] * 7 + ["HELD", "CANCELLED", "COMPLETED"]
TYPES = ["ACCESS_EPL", "ACCESS_EVPL", "UNI", "ENNI"]
COLUMNS = (
    "id",
    "buyer_id",
    "pon",
    "buyer_order_version",
    "order_status",
    "order_type",
    "order_date",
    "revision",
    "needs_processing",
    "created_at",
    "updated_at",
    "canonical",
)
# What differs between the bulk orders (all top-level strings).
VARYING = (
    "id",
    "link",
    "orderStatus",
    "buyerId",
    "buyerPurchaseOrderNumber",
    "orderType",
    "orderDate",
)
EPOCH = datetime(2016, 1, 1, tzinfo=UTC)


def order_id(n: int) -> str:
    return f"ORD-B{n:09d}"


def buyer_id(n: int, buyers: int) -> str:
    return f"buyer-{n % buyers}"


def order_document(n: int, buyers: int) -> dict[str, Any]:
    day = EPOCH + timedelta(minutes=n)
    return {
        **CREATE_REQUEST,
        "objectType": "order",
        "id": order_id(n),
        "link": {"href": f"http://orders/{order_id(n)}"},
        "orderStatus": STATUSES[n % len(STATUSES)],
        "buyerId": buyer_id(n, buyers),
        "buyerPurchaseOrderNumber": f"PO-{n}",
        "orderType": TYPES[n % len(TYPES)],
        "orderDate": day.strftime("%Y-%m-%dT%H:%MZ"),
    }


def canonical_template(buyers: int) -> dict[str, Any]:
    """Order 0 as the service stores its canonical JSON: the order of every key, nested ones
    included, as the spec's models write them. The bulk orders differ only in top-level strings,
    so each one's canonical JSON is this template with those replaced, without a model each."""
    return orjson.loads(order_json(order_document(0, buyers)))  # type: ignore[no-any-return]


def canonical(template: dict[str, Any], document: dict[str, Any]) -> str:
    return orjson.dumps({**template, **{key: document[key] for key in VARYING}}).decode()


def rows(start: int, stop: int, buyers: int, sqlite: bool) -> Iterator[tuple[Any, ...]]:
    template = canonical_template(buyers)
    for n in range(start, stop):
        document = order_document(n, buyers)
        day = EPOCH + timedelta(minutes=n)
        # SQLAlchemy keeps SQLite datetimes as text in this form (naive, UTC here).
        at: Any = day.strftime("%Y-%m-%d %H:%M:%S.000000") if sqlite else day
        yield (
            document["id"],
            document["buyerId"],
            document["buyerPurchaseOrderNumber"],
            "1",
            document["orderStatus"],
            document["orderType"],
            at,
            1,
            False,
            at,
            at,
            canonical(template, document),
        )


def populate(engine: Engine, count: int, buyers: int, start: int = 0) -> None:
    """Stores orders ``start`` .. ``count - 1`` (ids ``ORD-B000000000`` on)."""
    template = canonical_template(buyers)
    for n in (start, count - 1):  # the shortcut of rows() makes what the service would
        document = order_document(n, buyers)
        assert canonical(template, document) == order_json(document), n
    connection = engine.raw_connection()
    try:
        cursor = connection.cursor()
        if engine.dialect.name == "sqlite":
            # One transaction; nothing else uses the file while it is filled.
            cursor.execute("PRAGMA synchronous=OFF")
            sql = f"INSERT INTO orders ({', '.join(COLUMNS)}) VALUES ({', '.join('?' * len(COLUMNS))})"
            step = 20_000
            for first in range(start, count, step):
                cursor.executemany(sql, rows(first, min(first + step, count), buyers, True))
        else:
            with cursor.copy(f"COPY orders ({', '.join(COLUMNS)}) FROM STDIN") as copy:
                for row in rows(start, count, buyers, False):
                    copy.write_row(row)
        connection.commit()
        cursor.execute("ANALYZE orders")  # fresh statistics for the query planner
        connection.commit()
    finally:
        connection.close()
    engine.dispose()  # the pragma above must not outlive this connection
