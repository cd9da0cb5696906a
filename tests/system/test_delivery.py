"""Delivery of notifications from the seller's outbox to the buyer, between two real services
on loopback, a seller and a buyer with their own databases: the buyer down for a while, the
seller killed mid-backlog, and no notification lost, none stored twice, each order's in order.
The delivery rules, with the buyer's answers scripted: tests/api/test_seller_delivery.py."""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest

from app.storage.database import make_engine
from app.storage.outbox import DELIVERED, PENDING, Outbox
from tests import servers
from tests.helpers import upcoming
from tests.ports import free_port
from tests.servers import BUYER_ENV, bearer, received_versions, wait_for


@pytest.fixture
def buyer_port() -> int:
    return free_port()


@pytest.fixture
def buyer_db(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'buyer.db'}"


@pytest.fixture
def at_buyer(buyer_db: str) -> dict[str, str]:
    """Verizon's own token at its endpoint, to read what it received."""
    return bearer(buyer_db, "Verizon", "buyer")


@pytest.fixture
def at_seller(database_url: str) -> dict[str, str]:
    """Verizon's token at the seller, to order."""
    return bearer(database_url, "Verizon", "buyer")


@pytest.fixture
def seller_env(buyer_port: int, buyer_db: str) -> dict[str, str]:
    """The seller delivers Verizon's notifications to its endpoint, with the token the buyer
    issued to the seller."""
    return servers.seller_env(buyer_port, buyer_db)


def test_an_order_at_the_seller_becomes_a_confirmation_at_the_buyer(
    database_url: str,
    buyer_db: str,
    buyer_port: int,
    seller_env: dict[str, str],
    at_buyer: dict[str, str],
    at_seller: dict[str, str],
    logs: Path,
) -> None:
    with (
        servers.running(buyer_db, logs / "buyer.log", port=buyer_port, env=BUYER_ENV),
        servers.running(database_url, logs / "seller.log", env=seller_env) as seller_server,
    ):
        created = httpx.post(f"{seller_server.url}/orders", json=upcoming(), headers=at_seller)
        assert created.status_code == 201
        order_id = created.json()["id"]
        buyer_url = f"http://127.0.0.1:{buyer_port}"
        wait_for(
            lambda: received_versions(buyer_url, order_id, at_buyer) == ["01"], "the confirmation"
        )
        received = httpx.get(f"{buyer_url}/orders/{order_id}/notification", headers=at_buyer)
        sent = httpx.get(f"{seller_server.url}/orders/{order_id}/notification", headers=at_seller)
        assert received.json() == sent.json()
        assert received.json()["notificationType"] == "CONFIRMATION"


def test_buyer_down_and_seller_killed_mid_backlog_lose_nothing(
    database_url: str,
    buyer_db: str,
    buyer_port: int,
    seller_env: dict[str, str],
    at_buyer: dict[str, str],
    at_seller: dict[str, str],
    logs: Path,
) -> None:
    buyer_url = f"http://127.0.0.1:{buyer_port}"
    outbox = Outbox(make_engine(database_url))
    seller_server = servers.start(database_url, logs / "seller.log", env=seller_env)
    try:
        orders = []
        for n in range(3):
            body = upcoming(buyerPurchaseOrderNumber=f"PO-{n}")
            created = httpx.post(f"{seller_server.url}/orders", json=body, headers=at_seller)
            order_id = created.json()["id"]
            for action in ("hold", "release"):
                url = f"{seller_server.url}/orders/{order_id}/{action}"
                response = httpx.post(url, headers=at_seller)
                assert response.status_code == 201
            orders.append(order_id)
        # The buyer is down: every order's notifications wait, the first ones being retried.
        wait_for(
            lambda: len(outbox.listed()) == 9 and sum(d.attempts > 0 for d in outbox.listed()) >= 3,
            "three notifications per order and failed tries",
        )
        assert all(d.state == PENDING for d in outbox.listed())
        seller_server.kill()
        seller_server = servers.start(database_url, logs / "seller.log", env=seller_env)
        with servers.running(buyer_db, logs / "buyer.log", port=buyer_port, env=BUYER_ENV):
            wait_for(
                lambda: all(len(received_versions(buyer_url, o, at_buyer)) == 3 for o in orders),
                "every order's three notifications",
            )
            for order_id in orders:
                # Once each, in order.
                assert received_versions(buyer_url, order_id, at_buyer) == ["01", "02", "03"]
            wait_for(
                lambda: all(d.state == DELIVERED for d in outbox.listed()), "every delivery done"
            )
    finally:
        servers.stop(seller_server)
