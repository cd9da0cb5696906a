"""The database goes away while the service runs: requests get 503 problem+json with
Retry-After (never a 500, never a trace), and when the database is back the same process
serves again, its background worker included, without a restart."""

from __future__ import annotations

import sqlite3
import time
from pathlib import Path
from typing import Any

import httpx

from tests import servers
from tests.helpers import CREATE_REQUEST, assert_problem
from tests.postgres import controllable_server

# Fast polling and a short wait for the database, so that the test is quick.
ENV = {"ORDERS_WORKER_POLL_SECONDS": "0.2", "ORDERS_DATABASE_TIMEOUT_SECONDS": "1"}


def new_order(pon: str) -> dict[str, Any]:
    return {**CREATE_REQUEST, "buyerPurchaseOrderNumber": pon}


def assert_unavailable(response: httpx.Response) -> None:
    assert_problem(response, 503)
    assert int(response.headers["retry-after"]) > 0
    body = response.json()
    assert body["status"] == 503 and body["title"] == "Service Unavailable"
    assert "database is unavailable" in body["detail"]
    assert "Traceback" not in response.text and "File " not in response.text


def confirmed(http: httpx.Client, order_id: str) -> bool:
    """Whether the seller's background worker has processed the order (its notification)."""
    notifications = http.get(f"/orders/{order_id}/notifications")
    return notifications.status_code == 200 and notifications.json()["available"] > 0


def test_postgresql_down_then_back(tmp_path: Path) -> None:
    with (
        controllable_server() as postgres,
        servers.running(postgres.url, tmp_path / "server.log", env=ENV) as server,
        servers.http_client(server.url) as http,
    ):
        before = http.post("/orders", json=new_order("PO-before"))
        assert before.status_code == 201, before.text
        order = before.json()
        servers.wait_for(lambda: confirmed(http, order["id"]), "the order confirmed")

        postgres.stop()
        path = f"/orders/{order['id']}"
        assert_unavailable(http.get(path))
        assert_unavailable(http.get("/orders", params={"buyerId": "Verizon"}))
        assert_unavailable(http.post("/orders", json=new_order("PO-during")))
        assert_unavailable(http.patch(path, json={"notes": "during"}))
        assert_unavailable(http.post(f"{path}/hold"))
        assert http.get("/readyz").status_code == 503
        assert http.get("/healthz").status_code == 200
        time.sleep(1)  # the worker meets the outage too

        postgres.start()
        servers.wait_for(lambda: http.get(path).status_code == 200, "the order readable")
        assert server.process.poll() is None  # the same process, not a restarted one
        assert http.get(path).json() == order
        after = http.post("/orders", json=new_order("PO-after"))
        assert after.status_code == 201, after.text
        # The worker is back at work.
        servers.wait_for(lambda: confirmed(http, after.json()["id"]), "the new order confirmed")
        assert http.get("/readyz").status_code == 200

    log = server.log.read_text()
    assert "background work paused" in log and "background work resumed" in log


def test_sqlite_locked_longer_than_the_timeout_then_free(tmp_path: Path) -> None:
    database = tmp_path / "orders.db"
    with (
        servers.running(f"sqlite:///{database}", tmp_path / "server.log", env=ENV) as server,
        servers.http_client(server.url) as http,
    ):
        order = http.post("/orders", json=new_order("PO-before")).json()
        servers.wait_for(lambda: confirmed(http, order["id"]), "the order confirmed")

        # Another process holds the write lock (a long migration, a backup) past the timeout.
        locker = sqlite3.connect(database, isolation_level=None)
        locker.execute("BEGIN IMMEDIATE")
        try:
            path = f"/orders/{order['id']}"
            assert_unavailable(http.post("/orders", json=new_order("PO-during")))
            assert_unavailable(http.patch(path, json={"notes": "during"}))
            assert_unavailable(http.post(f"{path}/cancel"))
            assert http.get(path).json() == order  # readers are not blocked (WAL)
        finally:
            locker.rollback()
            locker.close()

        after = http.post("/orders", json=new_order("PO-after"))
        assert after.status_code == 201, after.text
        servers.wait_for(lambda: confirmed(http, after.json()["id"]), "the new order confirmed")
        assert http.get("/orders", params={"buyerId": "Verizon"}).json()["available"] == 2
        assert http.get(f"/orders/{order['id']}/revisions").json()["available"] == 1
