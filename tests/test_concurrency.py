"""Concurrent writers against a real uvicorn with two worker processes: nothing acknowledged
is lost, on SQLite and on PostgreSQL."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import pytest

from tests.conftest import CREATE_REQUEST, bearer
from tests.servers import running


@pytest.fixture
def server(database_url: str, tmp_path: Path) -> Iterator[str]:
    with running(database_url, tmp_path / "server.log", workers=2) as started:
        yield started.url


@pytest.fixture
def auth(server: str, database_url: str) -> dict[str, str]:
    """The seed buyer's token (issued once the server has made the schema)."""
    return bearer(database_url, "Verizon", "buyer")


def test_concurrent_read_modify_write_loses_no_update(server: str, auth: dict[str, str]) -> None:
    """Each writer adds one to priority with GET + PATCH If-Match, retrying on 412."""
    order = httpx.post(
        f"{server}/orders", headers=auth, json={**CREATE_REQUEST, "priority": 0}
    ).json()
    path = f"{server}/orders/{order['id']}"
    writers, increments = 6, 5

    def add_one(client: httpx.Client) -> int:
        conflicts = 0
        while True:
            current = client.get(path)
            priority = current.json()["priority"] + 1
            response = client.patch(
                path, json={"priority": priority}, headers={"If-Match": current.headers["etag"]}
            )
            if response.status_code == 200:
                return conflicts
            assert response.status_code == 412, response.text
            conflicts += 1

    start = threading.Barrier(writers)

    def writer(_: int) -> int:
        with httpx.Client(timeout=30, headers=auth) as client:
            start.wait()  # all read the same first revision, so at most one of them wins
            return sum(add_one(client) for _ in range(increments))

    with ThreadPoolExecutor(writers) as pool:
        conflicts = sum(pool.map(writer, range(writers)))

    final = httpx.get(path, headers=auth)
    assert final.json()["priority"] == writers * increments
    assert final.headers["etag"] == f'"{1 + writers * increments}"'
    assert conflicts > 0  # the writers really did race


def test_concurrent_blind_writes_each_get_their_own_revision(
    server: str, auth: dict[str, str]
) -> None:
    """Writes without If-Match are serialised by the server: every 2xx is a revision."""
    order = httpx.post(f"{server}/orders", headers=auth, json=CREATE_REQUEST).json()
    path = f"{server}/orders/{order['id']}"

    def write(n: int) -> tuple[int, str]:
        with httpx.Client(timeout=30, headers=auth) as client:
            if n % 3 == 0:
                response = client.post(f"{path}/hold")
                return response.status_code, response.headers.get("etag", "")
            response = client.patch(path, json={"notes": f"note {n}"})
            return response.status_code, response.headers.get("etag", "")

    with ThreadPoolExecutor(8) as pool:
        results = list(pool.map(write, range(24)))

    acknowledged = [etag for status, etag in results if status in (200, 201)]
    assert len(acknowledged) == len(set(acknowledged))  # no two writes share a revision
    revisions = httpx.get(f"{path}/revisions", headers=auth).json()
    assert revisions["available"] == 1 + len(acknowledged)
    notes = {r["order"].get("notes") for r in revisions["items"]}
    for n, (status, _) in enumerate(results):
        if status == 200:
            assert f"note {n}" in notes
    holds = [status for n, (status, _) in enumerate(results) if n % 3 == 0]
    assert holds.count(201) == 1 and holds.count(409) == len(holds) - 1


def test_concurrent_creates_of_one_order_make_one_order(server: str, auth: dict[str, str]) -> None:
    def create(_: int) -> tuple[int, str]:
        response = httpx.post(f"{server}/orders", headers=auth, json=CREATE_REQUEST, timeout=30)
        return response.status_code, response.json()["id"]

    with ThreadPoolExecutor(8) as pool:
        results = list(pool.map(create, range(16)))

    statuses = sorted(status for status, _ in results)
    assert statuses.count(201) == 1 and statuses.count(200) == 15
    assert len({order_id for _, order_id in results}) == 1
    assert (
        httpx.get(f"{server}/orders", params={"buyerId": "Verizon"}, headers=auth).json()[
            "available"
        ]
        == 1
    )
