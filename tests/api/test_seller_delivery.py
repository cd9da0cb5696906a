"""Delivery of notifications from the seller's outbox to the buyer, by its rules: the buyer's
answers scripted (httpx.MockTransport), the outbox in a real database, no process started
(two real services: tests/system/test_delivery.py)."""

from __future__ import annotations

import json
import time
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import pytest
from sqlalchemy import text
from starlette.testclient import TestClient
from typer.testing import CliRunner

from app.cli import cli
from app.seller.delivery import Backoff, Deliverer
from app.seller.processing import OrderProcessor
from app.settings import Settings
from app.storage.database import make_engine
from app.storage.outbox import DEAD, DELIVERED, PENDING, Outbox
from tests.helpers import create_order, upcoming

BUYER = "http://buyer.test"


@pytest.fixture
def settings(settings: Settings) -> Settings:
    """The conftest's settings, with a callback for the seed's buyer."""
    return settings.model_copy(update={"buyer_callbacks": {"Verizon": BUYER}})


@pytest.fixture
def outbox(settings: Settings) -> Outbox:
    return Outbox(make_engine(settings.database_url))


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


def order_with_notifications(
    client: TestClient, seller: OrderProcessor, purchase_order: str = "PO-1"
) -> str:
    """An order whose seller has queued three notifications: confirmation, held, released."""
    order_id: str = create_order(client, **upcoming(buyerPurchaseOrderNumber=purchase_order))["id"]
    seller.run_once()
    client.post(f"/orders/{order_id}/hold")
    client.post(f"/orders/{order_id}/release")
    return order_id


def test_delivered_in_order_one_at_a_time_per_order(
    client: TestClient, seller: OrderProcessor, outbox: Outbox
) -> None:
    order_with_notifications(client, seller)
    # Only the oldest pending notification of an order is due: the next waits for it.
    [due] = outbox.due(10)
    assert due.document["notificationVersion"] == "01"
    assert outbox.claim(due, 30) is not None
    assert outbox.claim(due, 30) is None  # leased: no other worker takes it
    assert outbox.due(10) == []
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


def test_a_callback_httpx_cannot_parse_is_dead_not_a_crash_of_the_batch(
    client: TestClient, seller: OrderProcessor, settings: Settings
) -> None:
    # An operator's callback is not checked like a hub's; httpx raises InvalidURL, no
    # HTTPError, which once stopped the batch with every delivery in it leased.
    engine = make_engine(settings.database_url)
    outbox = Outbox(engine)
    order_with_notifications(client, seller)
    with engine.begin() as connection:
        connection.execute(
            text("UPDATE notification_deliveries SET url = :url"), {"url": "http://b.test/\x1b"}
        )
    sender = Deliverer(outbox, Backoff(base_seconds=0.0), transport=buyer([], []))
    sender.run_once()
    [dead] = outbox.listed(DEAD)
    assert dead.last_error is not None and dead.last_error.startswith("InvalidURL")


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


def test_a_worker_whose_lease_ran_out_neither_repeats_nor_undoes_anothers_deliveries(
    client: TestClient, seller: OrderProcessor, outbox: Outbox
) -> None:
    # Two workers share the outbox. The first is stuck in its first POST past its lease: the
    # second takes the due deliveries and delivers them. The first must then not send the
    # rest of what it found due again, nor mark the one it was stuck on dead over "delivered".
    first_order = order_with_notifications(client, seller)
    second_order = order_with_notifications(client, seller, "PO-2")
    received: list[tuple[str, str]] = []
    other = deliverer(outbox, buyer([], []))

    def stuck_then_refused(request: httpx.Request) -> httpx.Response:
        received.append(("stuck", json.loads(request.content)["orderId"]))
        if len(received) == 1:
            time.sleep(0.3)  # past the 0.15 s lease of a 0.05 s timeout
            other.run_once()
            return httpx.Response(400)
        return httpx.Response(201)

    stuck = Deliverer(
        outbox,
        Backoff(base_seconds=0.0),
        timeout=0.05,
        transport=httpx.MockTransport(stuck_then_refused),
    )
    assert stuck.run_once() == 1
    assert received == [("stuck", first_order)]
    by_order = {(d.order_id, d.document["notificationVersion"]): d for d in outbox.listed()}
    assert by_order[first_order, "01"].state == DELIVERED
    assert by_order[first_order, "01"].attempts == 0
    assert by_order[second_order, "01"].state == DELIVERED


def test_a_buyers_answer_is_listed_escaped_on_one_line(
    client: TestClient, seller: OrderProcessor, outbox: Outbox, settings: Settings
) -> None:
    order_with_notifications(client, seller)
    answer = "\x1b]0;owned\x07\tforged\nline"

    def refuse(request: httpx.Request) -> httpx.Response:
        return httpx.Response(410, text=answer)

    deliverer(outbox, httpx.MockTransport(refuse)).run_once()
    assert outbox.listed(DEAD)[0].last_error == f"HTTP 410: {answer}"  # kept as it came
    runner = CliRunner(env={"ORDERS_DATABASE_URL": settings.database_url})
    listed = runner.invoke(cli, ["deliveries", "list", "--state", "dead"])
    [line] = listed.output.splitlines()
    error = line.split("\t")[6]
    assert error == "HTTP 410: \\x1b]0;owned\\x07\\tforged\\nline"
