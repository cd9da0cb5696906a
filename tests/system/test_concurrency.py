"""Concurrent writers against a real uvicorn with two worker processes: nothing acknowledged
is lost and nothing answers 5xx, on SQLite and on PostgreSQL."""

from __future__ import annotations

import threading
from collections import Counter
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import pytest

from tests.helpers import CREATE_REQUEST
from tests.servers import http_client, running


@pytest.fixture
def server(database_url: str, tmp_path: Path) -> Iterator[str]:
    with running(database_url, tmp_path / "server.log", workers=2) as started:
        yield started.url


def test_many_clients_updating_the_same_orders_with_if_match_lose_nothing(server: str) -> None:
    """Clients spread over two worker processes each add one to the priority of the same few
    orders, many times, with GET + PATCH If-Match, retrying on 412. Counted: lost updates (an
    acknowledged increment missing from the result) and 5xx answers; both must be 0."""
    orders, clients, increments = 3, 8, 6
    with http_client(server) as http:
        paths = [
            f"/orders/{http.post('/orders', json={**CREATE_REQUEST, 'buyerPurchaseOrderNumber': f'PO-{n}', 'priority': 0}).json()['id']}"
            for n in range(orders)
        ]
    statuses: Counter[int] = Counter()
    acknowledged: Counter[str] = Counter()
    lock = threading.Lock()
    start = threading.Barrier(clients)

    def add_one(http: httpx.Client, path: str) -> None:
        while True:
            current = http.get(path)
            priority = current.json()["priority"] + 1
            response = http.patch(
                path, json={"priority": priority}, headers={"If-Match": current.headers["etag"]}
            )
            with lock:
                statuses[current.status_code] += 1
                statuses[response.status_code] += 1
                if response.status_code == 200:
                    acknowledged[path] += 1
            if response.status_code != 412:
                return

    def client(n: int) -> None:
        with http_client(server) as http:
            start.wait()  # all read the same first revisions, so at most one of them wins each
            for i in range(increments * orders):
                add_one(http, paths[(n + i) % orders])

    with ThreadPoolExecutor(clients) as pool:
        list(pool.map(client, range(clients)))

    server_errors = sum(n for status, n in statuses.items() if status >= 500)
    assert server_errors == 0, statuses
    assert set(statuses) <= {200, 412}, statuses
    assert statuses[412] > 0  # the clients really did race
    with http_client(server) as http:
        lost = 0
        for path in paths:
            final = http.get(path)
            assert acknowledged[path] == clients * increments
            lost += acknowledged[path] - final.json()["priority"]
            assert final.headers["etag"] == f'"{1 + acknowledged[path]}"'
            # The history holds each acknowledged increment once: 0, 1, 2, ... in order.
            history = [
                r["order"]["priority"] for r in http.get(f"{path}/revisions").json()["items"]
            ]
            assert history == list(range(1 + acknowledged[path]))
        assert lost == 0


def test_concurrent_blind_writes_each_get_their_own_revision(server: str) -> None:
    """Writes without If-Match are serialised by the server: every 2xx is a revision."""
    with http_client(server) as http:
        order = http.post("/orders", json=CREATE_REQUEST).json()
    path = f"/orders/{order['id']}"

    def write(n: int) -> tuple[int, str]:
        with http_client(server) as client:
            if n % 3 == 0:
                response = client.post(f"{path}/hold")
                return response.status_code, response.headers.get("etag", "")
            response = client.patch(path, json={"notes": f"note {n}"})
            return response.status_code, response.headers.get("etag", "")

    with ThreadPoolExecutor(8) as pool:
        results = list(pool.map(write, range(24)))

    acknowledged = [etag for status, etag in results if status in (200, 201)]
    assert len(acknowledged) == len(set(acknowledged))  # no two writes share a revision
    with http_client(server) as http:
        revisions = http.get(f"{path}/revisions").json()
    assert revisions["available"] == 1 + len(acknowledged)
    notes = {r["order"].get("notes") for r in revisions["items"]}
    for n, (status, _) in enumerate(results):
        if status == 200:
            assert f"note {n}" in notes
    holds = [status for n, (status, _) in enumerate(results) if n % 3 == 0]
    assert holds.count(201) == 1 and holds.count(409) == len(holds) - 1


def test_concurrent_creates_of_one_order_make_one_order(server: str) -> None:
    def create(_: int) -> tuple[int, str]:
        with http_client(server) as http:
            response = http.post("/orders", json=CREATE_REQUEST)
        return response.status_code, response.json()["id"]

    with ThreadPoolExecutor(8) as pool:
        results = list(pool.map(create, range(16)))

    statuses = sorted(status for status, _ in results)
    assert statuses.count(201) == 1 and statuses.count(200) == 15
    assert len({order_id for _, order_id in results}) == 1
    with http_client(server) as http:
        assert http.get("/orders", params={"buyerId": "Verizon"}).json()["available"] == 1
