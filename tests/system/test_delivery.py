"""Delivery of notifications from the seller's outbox to the buyer.

First the rules, with the buyer's answers scripted (httpx.MockTransport) and the outbox in a
real database; then two real services on loopback, a seller and a buyer with their own
databases: the buyer down for a while, the seller killed mid-backlog, and no notification lost,
none stored twice, each order's in order."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx
import pytest
from starlette.testclient import TestClient
from typer.testing import CliRunner

from app.cli import cli
from app.domain.processing import Processing
from app.seller.delivery import Backoff, Deliverer
from app.seller.processing import OrderProcessor
from app.settings import Settings
from app.storage.database import make_engine
from app.storage.outbox import DEAD, DELIVERED, PENDING, Outbox
from app.storage.unit_of_work import UnitOfWork
from tests import servers
from tests.helpers import create_order, upcoming
from tests.servers import BUYER_ENV, FAST_RETRIES, bearer, received_versions, wait_for

BUYER = "http://buyer.test"


@pytest.fixture
def settings(settings: Settings) -> Settings:
    """The conftest's settings, with a callback for the seed's buyer."""
    return settings.model_copy(update={"buyer_callbacks": {"Verizon": BUYER}})


@pytest.fixture
def outbox(settings: Settings) -> Outbox:
    return Outbox(make_engine(settings.database_url))


@pytest.fixture
def seller(settings: Settings) -> OrderProcessor:
    return OrderProcessor(
        Processing(UnitOfWork(make_engine(settings.database_url), settings.buyer_callbacks))
    )


def buyer(answers: list[int], received: list[dict[str, Any]]) -> httpx.MockTransport:
    """A buyer answering the given statuses in turn (then 201), keeping what it received."""

    def handle(request: httpx.Request) -> httpx.Response:
        auth = request.headers.get("authorization")
        received.append({"url": str(request.url), "auth": auth, **json.loads(request.content)})
        return httpx.Response(answers.pop(0) if answers else 201)

    return httpx.MockTransport(handle)


def deliverer(outbox: Outbox, transport: httpx.MockTransport, **backoff: Any) -> Deliverer:
    return Deliverer(
        outbox,
        Backoff(**{"base_seconds": 0.0, **backoff}),
        credentials={"Verizon": "seller-token-at-verizon"},
        transport=transport,
    )


def order_with_notifications(client: TestClient, seller: OrderProcessor) -> str:
    """An order whose seller has queued three notifications: confirmation, held, released."""
    order_id: str = create_order(client, **upcoming())["id"]
    seller.run_once()
    client.post(f"/orders/{order_id}/hold")
    client.post(f"/orders/{order_id}/release")
    return order_id


def test_backoff_grows_exponentially_with_jitter_up_to_a_cap() -> None:
    backoff = Backoff(base_seconds=2, max_seconds=60, max_attempts=8)
    at = datetime(2026, 1, 1, tzinfo=UTC)
    for attempts, full in [(1, 2), (2, 4), (3, 8), (5, 32), (6, 60), (7, 60)]:
        delays = set()
        for _ in range(50):
            retry_at = backoff.retry_at(attempts, at)
            assert retry_at is not None
            delay = (retry_at - at).total_seconds()
            assert full / 2 <= delay <= full
            delays.add(delay)
        assert len(delays) > 1  # jittered
    assert backoff.retry_at(8, at) is None  # tries used up: dead


def test_delivered_in_order_one_at_a_time_per_order(
    client: TestClient, seller: OrderProcessor, outbox: Outbox
) -> None:
    order_with_notifications(client, seller)
    # Only the oldest pending notification of an order is due: the next waits for it.
    assert [d.document["notificationVersion"] for d in outbox.claim_due(10, 30)] == ["01"]
    assert outbox.claim_due(10, 30) == []  # leased: no other worker takes it
    received: list[dict[str, Any]] = []
    sender = deliverer(outbox, buyer([], received))
    while sender.run_once():
        pass
    assert received == []  # "01" is leased by the claim above, until its lease runs out
    assert [d.state for d in outbox.listed()] == [PENDING] * 3


def test_every_notification_is_posted_to_the_buyer_in_order(
    client: TestClient, seller: OrderProcessor, outbox: Outbox
) -> None:
    order_id = order_with_notifications(client, seller)
    received: list[dict[str, Any]] = []
    sender = deliverer(outbox, buyer([], received))
    while sender.run_once():
        pass
    assert [r["notificationVersion"] for r in received] == ["01", "02", "03"]
    assert {r["url"] for r in received} == {f"{BUYER}/orders/{order_id}/notifications"}
    # The seller's credential at that buyer goes with every delivery.
    assert {r["auth"] for r in received} == {"Bearer seller-token-at-verizon"}
    assert [r["notificationType"] for r in received] == [
        "CONFIRMATION",
        "STATUS_CHANGE",
        "STATUS_CHANGE",
    ]
    assert [d.state for d in outbox.listed()] == [DELIVERED] * 3


def test_failures_are_retried_later_and_the_order_waits(
    client: TestClient, seller: OrderProcessor, outbox: Outbox
) -> None:
    order_with_notifications(client, seller)
    received: list[dict[str, Any]] = []
    sender = deliverer(outbox, buyer([503], received), base_seconds=60, max_seconds=60)
    assert sender.run_once() == 1
    assert sender.run_once() == 0  # "01" is not due for 30-60 s, and "02" waits behind it
    first = outbox.listed()[0]
    assert first.state == PENDING and first.attempts == 1
    assert first.last_error is not None and first.last_error.startswith("HTTP 503")
    assert first.next_attempt_at is not None
    wait = first.next_attempt_at.replace(tzinfo=UTC) - datetime.now(UTC)
    assert timedelta(seconds=25) < wait <= timedelta(seconds=60)


def test_a_delivery_is_dead_after_its_tries_and_can_be_revived(
    client: TestClient, seller: OrderProcessor, outbox: Outbox
) -> None:
    order_with_notifications(client, seller)
    received: list[dict[str, Any]] = []
    sender = deliverer(outbox, buyer([500, 500, 500], received), max_attempts=3)
    while sender.run_once():
        pass
    dead = outbox.listed(DEAD)
    assert [d.document["notificationVersion"] for d in dead] == ["01"]
    assert dead[0].attempts == 3
    # The order's later notifications were not held up for ever by the dead one.
    assert [r["notificationVersion"] for r in received] == ["01", "01", "01", "02", "03"]
    assert outbox.revive() == 1
    while sender.run_once():
        pass
    assert [d.state for d in outbox.listed()] == [DELIVERED] * 3


@pytest.mark.parametrize("status", [400, 409, 422])
def test_a_refusal_is_dead_at_once(
    client: TestClient, seller: OrderProcessor, outbox: Outbox, status: int
) -> None:
    order_with_notifications(client, seller)
    sender = deliverer(outbox, buyer([status], []))
    sender.run_once()
    [dead] = outbox.listed(DEAD)
    assert dead.attempts == 1 and dead.last_error is not None
    assert dead.last_error.startswith(f"HTTP {status}")


def test_an_unreachable_buyer_is_retried(
    client: TestClient, seller: OrderProcessor, outbox: Outbox
) -> None:
    order_with_notifications(client, seller)

    def refuse(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("connection refused", request=request)

    sender = deliverer(outbox, httpx.MockTransport(refuse), base_seconds=60)
    sender.run_once()
    first = outbox.listed()[0]
    assert first.state == PENDING and first.attempts == 1
    assert first.last_error is not None and "ConnectError" in first.last_error


# ---- two real services ---------------------------------------------------------------------


@pytest.fixture
def buyer_port() -> int:
    return servers.free_port()


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
    seller_at_buyer = bearer(buyer_db, "Cox Spectrum Business", "seller")
    return {
        **FAST_RETRIES,
        "ORDERS_BUYER_CALLBACKS": json.dumps({"Verizon": f"http://127.0.0.1:{buyer_port}"}),
        "ORDERS_BUYER_CALLBACK_TOKENS": json.dumps(
            {"Verizon": seller_at_buyer["Authorization"].removeprefix("Bearer ")}
        ),
    }


@pytest.fixture
def logs(tmp_path: Path) -> Iterator[Path]:
    yield tmp_path
    for log in tmp_path.glob("*.log"):  # shown by pytest when the test failed
        print(f"---- {log.name}\n{log.read_text(errors='replace')[-5000:]}")


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


def test_dead_deliveries_are_listed_and_retried_from_the_cli(
    client: TestClient, seller: OrderProcessor, outbox: Outbox, settings: Settings
) -> None:
    order_id = order_with_notifications(client, seller)
    deliverer(outbox, buyer([410], [])).run_once()
    runner = CliRunner(env={"ORDERS_DATABASE_URL": settings.database_url})
    listed = runner.invoke(cli, ["deliveries", "list", "--state", "dead"])
    assert listed.exit_code == 0, listed.output
    [line] = listed.output.splitlines()
    seq, order, version, state, attempts, url, error = line.split("\t")
    assert (order, version, state, attempts) == (order_id, "01", "dead", "1")
    assert url == f"{BUYER}/orders/{order_id}/notifications" and error.startswith("HTTP 410")
    retried = runner.invoke(cli, ["deliveries", "retry", seq])
    assert retried.exit_code == 0 and "1 deliveries queued again" in retried.output
    assert outbox.listed(DEAD) == []
