"""bench/sqlmodel_app.py, the bench's FastAPI + SQLModel peer: it serves the four measured
operations and writes the ceiling's rows (the order and one revision per write), and
concurrent patches of one order each get a revision of their own."""

from __future__ import annotations

from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import text

from app.storage.database import make_engine, migrate
from bench.sqlmodel_app import create_app
from tests.helpers import CREATE_REQUEST, PUBLIC_URL


@pytest.fixture
def peer(database_url: str, monkeypatch: pytest.MonkeyPatch) -> Iterator[TestClient]:
    migrate(make_engine(database_url))
    monkeypatch.setenv("ORDERS_DATABASE_URL", database_url)
    monkeypatch.setenv("ORDERS_PUBLIC_URL", PUBLIC_URL)
    monkeypatch.setenv("ORDERS_WORKER", "false")
    with TestClient(create_app()) as client:
        yield client


def stored(database_url: str, order_id: str) -> tuple[int, list[int]]:
    """The order's revision and the revisions of its history."""
    with make_engine(database_url).connect() as connection:
        seq, revision = connection.execute(
            text("SELECT seq, revision FROM orders WHERE id = :id"), {"id": order_id}
        ).one()
        history = connection.execute(
            text("SELECT revision FROM order_revisions WHERE order_seq = :seq ORDER BY revision"),
            {"seq": seq},
        ).scalars()
        return revision, list(history)


def test_the_peer_creates_reads_lists_and_patches_an_order(
    peer: TestClient, database_url: str
) -> None:
    created = peer.post("/orders", json=CREATE_REQUEST)
    assert created.status_code == 201, created.text
    order = created.json()
    assert order["orderStatus"] == "IN_PROGRESS"
    assert created.headers["location"] == f"{PUBLIC_URL}/orders/{order['id']}"
    assert created.headers["etag"] == '"1"'
    assert stored(database_url, order["id"]) == (1, [1])

    assert peer.get(f"/orders/{order['id']}").json() == order
    listed = peer.get("/orders", params={"buyerId": CREATE_REQUEST["buyerId"]}).json()
    assert (listed["available"], listed["returned"], listed["items"]) == (1, 1, [order])

    patched = peer.patch(
        f"/orders/{order['id']}",
        content=b'{"notes": "patched"}',
        headers={"Content-Type": "application/merge-patch+json"},
    )
    assert patched.status_code == 200, patched.text
    assert (patched.headers["etag"], patched.json()["notes"]) == ('"2"', "patched")
    assert peer.get(f"/orders/{order['id']}").json()["notes"] == "patched"
    assert stored(database_url, order["id"]) == (2, [1, 2])

    again = peer.post("/orders", json=CREATE_REQUEST)
    assert again.status_code == 409, again.text


def test_concurrent_patches_of_one_order_each_make_a_revision(
    peer: TestClient, database_url: str
) -> None:
    order_id = peer.post("/orders", json=CREATE_REQUEST).json()["id"]

    def patch(n: int) -> tuple[int, str]:
        response = peer.patch(
            f"/orders/{order_id}",
            content=f'{{"notes": "patch {n}"}}'.encode(),
            headers={"Content-Type": "application/merge-patch+json"},
        )
        return response.status_code, response.headers.get("etag", "")

    with ThreadPoolExecutor(8) as pool:
        answers = list(pool.map(patch, range(8)))

    assert sorted(answers) == sorted((200, f'"{r}"') for r in range(2, 10)), answers
    assert stored(database_url, order_id) == (9, list(range(1, 10)))
