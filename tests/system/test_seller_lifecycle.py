"""An order's whole life between two real services on loopback, on SQLite and PostgreSQL (the
seller's database; the buyer's is SQLite): the buyer orders, the seller confirms it, records
milestones, reports a jeopardy and completes the items one by one; a second order ends
PARTIAL. The seller is SIGKILLed in the middle. The buyer's service receives every
notification once, in order, exactly as the seller sent it."""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import Any, cast

import httpx

from app.storage.database import make_engine
from app.storage.outbox import PENDING, Outbox
from tests import servers
from tests.helpers import later, upcoming
from tests.ports import free_port
from tests.servers import bearer


def sent(seller_url: str, order_id: str, auth: dict[str, str]) -> list[dict[str, Any]]:
    """The order's notifications at the seller, oldest first."""
    response = httpx.get(f"{seller_url}/orders/{order_id}/notifications", headers=auth)
    assert response.status_code == 200, response.text
    return list(reversed(response.json()["items"]))


def has_received(buyer_url: str, order_id: str, auth: dict[str, str], count: int) -> bool:
    return len(servers.received(buyer_url, order_id, auth)) == count


def test_orders_run_to_completion_and_the_buyer_hears_each_step_across_a_crash(
    database_url: str, tmp_path: Path, logs: Path
) -> None:
    buyer_port = free_port()
    buyer_db = f"sqlite:///{tmp_path / 'buyer.db'}"
    buyer_url = f"http://127.0.0.1:{buyer_port}"
    at_buyer = bearer(buyer_db, "Verizon", "buyer")  # Verizon reads what it received
    buyer = bearer(database_url, "Verizon", "buyer")  # Verizon orders at the seller
    seller = bearer(database_url, "Cox Spectrum Business", "seller")
    env = servers.seller_env(buyer_port, buyer_db)
    seller_log = logs / "seller.log"

    outbox = Outbox(make_engine(database_url))
    buyer_log = logs / "buyer.log"
    buyer_service = servers.start(buyer_db, buyer_log, port=buyer_port, env=servers.BUYER_ENV)
    service = servers.start(database_url, seller_log, env=env)
    try:

        def move(order_id: str, path: str, body: Any = None) -> dict[str, Any]:
            url = f"{service.url}/orders/{order_id}/{path}"
            response = httpx.post(url, json=body, headers=seller)
            assert response.status_code == 201, response.text
            order: dict[str, Any] = response.json()
            return order

        def confirmed(pon: str) -> str:
            created = httpx.post(
                f"{service.url}/orders",
                json=upcoming(buyerPurchaseOrderNumber=pon),
                headers=buyer,
            )
            assert created.status_code == 201, created.text
            order_id: str = created.json()["id"]
            servers.wait_for(
                lambda: servers.received_versions(buyer_url, order_id, at_buyer) == ["01"],
                f"the confirmation of {pon}",
            )
            return order_id

        first, second = confirmed("PO-LIFE-1"), confirmed("PO-LIFE-2")
        move(first, "items/01/milestones", {"name": "site survey", "date": later(1)})
        move(first, "jeopardy", {"reason": "permit delayed", "expectedCompletionDate": later(90)})
        move(first, "items/01/complete")
        # The buyer is down while the seller goes on: its notifications wait in the outbox.
        servers.stop(buyer_service)
        move(second, "items/02/fail", {"reason": "no fibre to the site"})
        servers.wait_for(
            lambda: any(d.state == PENDING and d.attempts > 0 for d in outbox.listed()),
            "a delivery tried and failed",
        )
        # Killed with notifications still in its outbox (and perhaps one on its way).
        service.kill()
        service = servers.start(database_url, seller_log, env=env)
        buyer_service = servers.start(buyer_db, buyer_log, port=buyer_port, env=servers.BUYER_ENV)
        done = move(first, "items/02/complete")
        mixed = move(second, "items/01/complete")
        assert done["orderStatus"] == "COMPLETED"
        assert mixed["orderStatus"] == "PARTIAL"
        assert [m["name"] for m in done["orderItems"][0]["milestones"]] == ["site survey"]

        expected = {
            first: ["CONFIRMATION", "JEOPARDY", "STATUS_CHANGE", "STATUS_CHANGE", "COMPLETION"],
            second: ["CONFIRMATION", "STATUS_CHANGE", "STATUS_CHANGE", "COMPLETION"],
        }
        for order_id, types in expected.items():
            servers.wait_for(
                partial(has_received, buyer_url, order_id, at_buyer, len(types)),
                f"every notification of {order_id}",
            )
            got = servers.received(buyer_url, order_id, at_buyer)
            # Once each, in order, as the seller sent them.
            assert [n["notificationType"] for n in got] == types
            assert [n["notificationVersion"] for n in got] == [
                f"{n:02d}" for n in range(1, len(types) + 1)
            ]
            assert got == sent(service.url, order_id, seller)
        last = servers.received(buyer_url, first, at_buyer)
        assert last[1]["expectedCompletionDate"] == done["expectedCompletionDate"]
        assert last[3]["orderStatus"] == "COMPLETED"
        assert last[4]["completionDate"] == done["completionDate"]
        ended = servers.received(buyer_url, second, at_buyer)
        changes = cast(list[dict[str, Any]], ended[1]["orderItemStateChanges"])
        assert [c["changeReason"] for c in changes] == ["no fibre to the site"]
        assert ended[2]["orderStatus"] == "PARTIAL"
    finally:
        servers.stop(service)
        servers.stop(buyer_service)
