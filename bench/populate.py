"""Fills a database with many orders quickly (bulk INSERTs of the orders table only)."""

from __future__ import annotations

import copy
from datetime import UTC, datetime, timedelta
from typing import Any

import yaml
from sqlalchemy import Engine, insert

from app.main import SPEC
from app.storage.tables import OrderRow

CREATE_REQUEST: dict[str, Any] = yaml.safe_load(SPEC.read_text())["components"]["examples"][
    "createOrderRequest"
]["value"]

STATUSES = ["IN_PROGRESS"] * 7 + ["HELD", "CANCELLED", "COMPLETED"]
TYPES = ["ACCESS_EPL", "ACCESS_EVPL", "UNI", "ENNI"]


def order_row(n: int, buyers: int) -> dict[str, Any]:
    buyer, status = f"buyer-{n % buyers}", STATUSES[n % len(STATUSES)]
    day = datetime(2016, 1, 1, tzinfo=UTC) + timedelta(minutes=n)
    document = copy.deepcopy(CREATE_REQUEST)
    document.update(
        objectType="order",
        id=f"ORD-B{n:09d}",
        link={"href": f"http://orders/ORD-B{n:09d}"},
        orderStatus=status,
        buyerId=buyer,
        buyerPurchaseOrderNumber=f"PO-{n}",
        orderType=TYPES[n % len(TYPES)],
        orderDate=day.strftime("%Y-%m-%dT%H:%MZ"),
    )
    return {
        "id": document["id"],
        "buyer_id": buyer,
        "pon": document["buyerPurchaseOrderNumber"],
        "buyer_order_version": "1",
        "order_status": status,
        "order_type": document["orderType"],
        "order_date": day,
        "revision": 1,
        "created_at": day,
        "updated_at": day,
        "document": document,
    }


def populate(engine: Engine, count: int, buyers: int, batch: int = 5000) -> None:
    table = OrderRow.__table__  # type: ignore[attr-defined]
    with engine.begin() as connection:
        for start in range(0, count, batch):
            rows = [order_row(n, buyers) for n in range(start, min(start + batch, count))]
            connection.execute(insert(table), rows)
