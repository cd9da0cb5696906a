"""Acknowledged means stored: a service killed with SIGKILL in the middle of a load of creates
loses no order it answered 201 for and shows nothing half-written after a restart, on SQLite (a
file in WAL mode) and on PostgreSQL. A buyer whose request was cut off can send it again."""

from __future__ import annotations

import sqlite3
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import httpx
from sqlalchemy.engine import make_url

from tests import servers
from tests.helpers import CREATE_REQUEST

CLIENTS = 6
ACKNOWLEDGED_BEFORE_KILL = 60


def all_orders(http: httpx.Client, buyer_id: str) -> tuple[int, list[dict[str, Any]]]:
    """(available, every order of the buyer), paging through the list."""
    orders: list[dict[str, Any]] = []
    while True:
        page = http.get(
            "/orders", params={"buyerId": buyer_id, "limit": 500, "offset": len(orders)}
        )
        assert page.status_code == 200, page.text
        orders += page.json()["items"]
        if len(orders) >= page.json()["available"] or not page.json()["items"]:
            return page.json()["available"], orders


def test_a_crash_mid_load_loses_no_acknowledged_order(database_url: str, tmp_path: Path) -> None:
    buyer = "Verizon"  # the party of the token tests.servers gives each service
    server = servers.start(database_url, tmp_path / "server.log")
    acknowledged: dict[str, tuple[dict[str, Any], dict[str, str]]] = {}
    cut_off: list[dict[str, Any]] = []  # requests in flight when the server died
    lock = threading.Lock()
    stop = threading.Event()

    def create_until_stopped(client: int) -> None:
        with servers.http_client(server.url, timeout=10) as http:
            for n in range(10_000):
                request = {
                    **CREATE_REQUEST,
                    "buyerId": buyer,
                    "buyerPurchaseOrderNumber": f"PO-{client}-{n}",
                }
                try:
                    response = http.post("/orders", json=request)
                except httpx.TransportError:
                    with lock:
                        cut_off.append(request)
                    return
                assert response.status_code == 201, response.text
                with lock:
                    acknowledged[response.json()["id"]] = (response.json(), dict(response.headers))
                if stop.is_set():
                    return

    with ThreadPoolExecutor(CLIENTS) as pool:
        clients = [pool.submit(create_until_stopped, n) for n in range(CLIENTS)]
        deadline = time.monotonic() + 60
        while len(acknowledged) < ACKNOWLEDGED_BEFORE_KILL and time.monotonic() < deadline:
            time.sleep(0.005)
        server.kill()  # no shutdown: the clients are in the middle of their requests
        stop.set()
        for finished in clients:
            finished.result()
    assert len(acknowledged) >= ACKNOWLEDGED_BEFORE_KILL
    assert cut_off, "the server was killed between requests, not under load"

    if make_url(database_url).get_backend_name() == "sqlite":
        database = make_url(database_url).database
        assert database
        with sqlite3.connect(database) as connection:  # the file as the crash left it
            assert connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)

    with (
        servers.running(database_url, tmp_path / "restarted.log") as restarted,
        servers.http_client(restarted.url) as http,
    ):
        # Every acknowledged order is there, exactly as the 201 returned it.
        for order_id, (body, headers) in acknowledged.items():
            found = http.get(f"/orders/{order_id}")
            assert found.status_code == 200, found.text
            assert found.json() == body
            assert found.headers["etag"] == headers["etag"] == '"1"'
            assert headers["location"].endswith(f"/orders/{order_id}")

        # Nothing half-written: each order there (acknowledged, or committed just before the
        # kill) is whole, with its first revision; the count agrees with the list.
        available, orders = all_orders(http, buyer)
        ids = {order["id"] for order in orders}
        assert available == len(orders) == len(ids)
        assert set(acknowledged) <= ids
        assert len(ids - set(acknowledged)) <= len(cut_off)
        for order in orders:
            revisions = http.get(f"/orders/{order['id']}/revisions").json()
            assert revisions["available"] == 1
            assert revisions["items"][0]["revision"] == 1
            assert revisions["items"][0]["order"] == order

        # A buyer who got no answer sends the request again: the order is created now, or
        # was before the crash (the same order again, 200); never a conflict or an error.
        for request in cut_off:
            again = http.post("/orders", json=request)
            assert again.status_code in (200, 201), again.text
            assert again.json()["buyerPurchaseOrderNumber"] == request["buyerPurchaseOrderNumber"]
        available, orders = all_orders(http, buyer)
        assert available == len(acknowledged) + len(cut_off)
