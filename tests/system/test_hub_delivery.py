"""The hub between two real services on loopback, a seller and a buyer with their own
databases: the buyer subscribes at the seller with a filter, receives only the notifications
it asked for, through a restart of the seller, and nothing once it has unsubscribed."""

from __future__ import annotations

import json
import time
from pathlib import Path

import httpx

from app.storage.database import make_engine
from app.storage.outbox import DELIVERED, Outbox
from tests import servers
from tests.helpers import upcoming
from tests.ports import free_port
from tests.servers import BUYER_ENV, FAST_RETRIES, bearer, received, wait_for


def types(buyer_url: str, order_id: str, auth: dict[str, str]) -> list[tuple[str, str]]:
    """(type, version) of what the buyer received of the order, in the order received."""
    return [
        (str(n["notificationType"]), str(n["notificationVersion"]))
        for n in received(buyer_url, order_id, auth)
    ]


def test_a_buyer_subscribes_receives_what_it_asked_for_and_unsubscribes(
    database_url: str, tmp_path: Path, logs: Path
) -> None:
    buyer_db = f"sqlite:///{tmp_path / 'buyer.db'}"
    at_buyer = bearer(buyer_db, "Verizon", "buyer")  # to read what the buyer received
    at_seller = bearer(database_url, "Verizon", "buyer")  # to order and subscribe
    seller_at_buyer = bearer(buyer_db, "Cox Spectrum Business", "seller")["Authorization"]
    seller_env = {
        **FAST_RETRIES,
        # The buyer's endpoint is on loopback: a test rig's setting.
        "ORDERS_HUB_ALLOW_PRIVATE_CALLBACKS": "true",
        "ORDERS_BUYER_CALLBACK_TOKENS": json.dumps(
            {"Verizon": seller_at_buyer.removeprefix("Bearer ")}
        ),
    }
    buyer_port = free_port()
    buyer_url = f"http://127.0.0.1:{buyer_port}"
    outbox = Outbox(make_engine(database_url))
    buyer = servers.start(buyer_db, logs / "buyer.log", port=buyer_port, env=BUYER_ENV)
    seller = servers.start(database_url, logs / "seller.log", env=seller_env)
    try:
        subscribed = httpx.post(
            f"{seller.url}/hub",
            json={"callback": buyer_url, "query": "eventType=STATUS_CHANGE"},
            headers=at_seller,
        )
        assert subscribed.status_code == 201, subscribed.text
        hub = subscribed.json()

        def at_the_seller(order_id: str) -> list[str]:
            url = f"{seller.url}/orders/{order_id}/notifications"
            items = httpx.get(url, headers=at_seller).json()["items"]
            return [n["notificationType"] for n in reversed(items)]

        created = httpx.post(f"{seller.url}/orders", json=upcoming(), headers=at_seller)
        order_id = created.json()["id"]
        wait_for(lambda: at_the_seller(order_id) == ["CONFIRMATION"], "the confirmation")
        held = httpx.post(f"{seller.url}/orders/{order_id}/hold", headers=at_seller)
        assert held.status_code == 201
        wait_for(lambda: len(types(buyer_url, order_id, at_buyer)) == 1, "the hold")

        # The buyer goes down; the release waits at the seller, which is killed and restarted.
        servers.stop(buyer)
        released = httpx.post(f"{seller.url}/orders/{order_id}/release", headers=at_seller)
        assert released.status_code == 201
        wait_for(lambda: any(d.attempts > 0 for d in outbox.listed()), "a failed try")
        seller.kill()
        seller = servers.start(database_url, logs / "seller.log", env=seller_env)
        buyer = servers.start(buyer_db, logs / "buyer.log", port=buyer_port, env=BUYER_ENV)
        wait_for(lambda: len(types(buyer_url, order_id, at_buyer)) == 2, "the release")
        # Only the status changes, each once, in order: the confirmation was not asked for.
        assert types(buyer_url, order_id, at_buyer) == [
            ("STATUS_CHANGE", "02"),
            ("STATUS_CHANGE", "03"),
        ]

        deleted = httpx.delete(f"{seller.url}/hub/{hub['id']}", headers=at_seller)
        assert deleted.status_code == 204
        cancelled = httpx.post(f"{seller.url}/orders/{order_id}/cancel", headers=at_seller)
        assert cancelled.status_code == 201
        assert at_the_seller(order_id)[-1] == "STATUS_CHANGE"  # made, and not queued for anyone
        wait_for(lambda: all(d.state == DELIVERED for d in outbox.listed()), "every delivery")
        assert len(outbox.listed()) == 2
        time.sleep(2)  # twenty polls of the seller's worker
        assert len(types(buyer_url, order_id, at_buyer)) == 2  # nothing more
    finally:
        servers.stop(seller)
        servers.stop(buyer)
