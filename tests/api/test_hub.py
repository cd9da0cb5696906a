"""The subscription hub over HTTP, on SQLite and PostgreSQL: a buyer's own subscriptions, the
callback rule (https, no private address), Sonata's event-type query, the deliveries each
notification gets, and deleting a hub. The delivery worker is off: deliveries are read from the
outbox, or made by a Deliverer whose transport records what it would send."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from sqlalchemy import text
from starlette.testclient import TestClient
from typer.testing import CliRunner

from app.cli import cli
from app.domain.callbacks import forbidden_address
from app.domain.processing import Processing
from app.main import create_app
from app.seller.delivery import Backoff, Deliverer
from app.seller.processing import OrderProcessor
from app.settings import Settings
from app.storage.database import make_engine
from app.storage.outbox import DEAD, PENDING, Outbox
from app.storage.unit_of_work import UnitOfWork
from tests.helpers import PUBLIC_CALLBACK, PUBLIC_URL, assert_problem, create_order, upcoming
from tests.servers import bearer

# Loopback callbacks, accepted where private callbacks are allowed; nothing listens there and
# nothing is sent (the worker is off).
RIG = "http://127.0.0.1:9"
FALLBACK = "http://127.0.0.1:7"


@pytest.fixture
def rig(settings: Settings) -> Iterator[TestClient]:
    """The app as a test rig runs it: private callbacks allowed, an operator's callback for the
    seed's buyer (its fallback); called by the seed's buyer, Verizon."""
    allowed = settings.model_copy(
        update={"hub_allow_private_callbacks": True, "buyer_callbacks": {"Verizon": FALLBACK}}
    )
    with create_app(allowed).test_client() as test_client:
        test_client.headers.update(bearer(settings.database_url, "Verizon", "buyer"))
        yield test_client


@pytest.fixture
def outbox(settings: Settings) -> Outbox:
    return Outbox(make_engine(settings.database_url))


@pytest.fixture
def seller(settings: Settings) -> OrderProcessor:
    """The seller's processing, with the rig's callback for the seed's buyer."""
    uow = UnitOfWork(make_engine(settings.database_url), {"Verizon": FALLBACK})
    return OrderProcessor(Processing(uow))


def subscribe(client: TestClient, callback: str, query: str | None = None) -> dict[str, Any]:
    body = {"callback": callback} if query is None else {"callback": callback, "query": query}
    response = client.post("/hub", json=body)
    assert response.status_code == 201, response.text
    hub: dict[str, Any] = response.json()
    assert response.headers["location"] == f"{PUBLIC_URL}/hub/{hub['id']}"
    return hub


def deliveries(outbox: Outbox, state: str | None = None) -> list[tuple[str, str, str]]:
    """(notification type, url, state) of every delivery in the outbox, oldest first."""
    return [(d.document["notificationType"], d.url, d.state) for d in outbox.listed(state)]


# ---- the resource ------------------------------------------------------------------------------


def test_a_buyer_subscribes_reads_lists_and_deletes_its_hub(client: TestClient) -> None:
    hub = subscribe(client, PUBLIC_CALLBACK, "eventType=COMPLETION,JEOPARDY")
    assert hub == {
        "id": hub["id"],
        "callback": PUBLIC_CALLBACK,
        "query": "eventType=COMPLETION,JEOPARDY",
    }
    assert client.get(f"/hub/{hub['id']}").json() == hub
    every = subscribe(client, PUBLIC_CALLBACK + "/")  # no query: every event
    assert every == {"id": every["id"], "callback": PUBLIC_CALLBACK}  # the base URL, no "/"
    listed = client.get("/hub", params={"limit": 1})
    assert listed.status_code == 200
    assert listed.json()["items"] == [every]  # newest first
    assert (listed.json()["available"], listed.json()["returned"]) == (2, 1)
    assert listed.headers["x-total-count"] == "2" and listed.headers["x-result-count"] == "1"
    deleted = client.delete(f"/hub/{hub['id']}")
    assert deleted.status_code == 204 and deleted.content == b""
    assert_problem(client.get(f"/hub/{hub['id']}"), 404, parameter="id", detail_contains=hub["id"])
    assert_problem(client.delete(f"/hub/{hub['id']}"), 404, parameter="id")
    assert client.get("/hub").json()["items"] == [every]


def test_another_buyers_hub_is_not_found(client: TestClient, settings: Settings) -> None:
    hub = subscribe(client, PUBLIC_CALLBACK)
    other = bearer(settings.database_url, "AT&T", "buyer")
    for method in ("GET", "DELETE"):
        response = client.request(method, f"/hub/{hub['id']}", headers=other)
        assert_problem(response, 404, detail_contains=hub["id"])
        assert "Verizon" not in response.text
    assert client.get("/hub", headers=other).json()["available"] == 0
    assert client.get(f"/hub/{hub['id']}").status_code == 200  # still Verizon's


def test_the_seller_has_no_hub(client: TestClient, seller_auth: dict[str, str]) -> None:
    for method, path in (("GET", "/hub"), ("GET", "/hub/HUB-1"), ("DELETE", "/hub/HUB-1")):
        assert_problem(client.request(method, path, headers=seller_auth), 403)
    response = client.post("/hub", json={"callback": PUBLIC_CALLBACK}, headers=seller_auth)
    assert_problem(response, 403)


# ---- the callback rule -------------------------------------------------------------------------

REFUSED = {
    "http://8.8.8.8/api": "is not https",  # external, but not https
    "https://127.0.0.1/api": "loopback",
    "https://127.8.9.10": "loopback",
    "https://localhost:8443/api": "loopback",  # a name, resolved on this machine
    "https://[::1]/api": "loopback",
    "https://[::ffff:127.0.0.1]/api": "loopback",  # IPv4-mapped
    "https://169.254.169.254/latest": "link-local",  # a cloud's metadata service
    "https://[fe80::1]/api": "link-local",
    "https://10.1.2.3/api": "private",
    "https://172.16.0.1/api": "private",
    "https://192.168.1.1/api": "private",
    "https://[fd00::1]/api": "private",
    "https://[::ffff:10.0.0.1]/api": "private",
    "https://100.64.0.1/api": "non-public",  # carrier-grade NAT's shared addresses
    "https://240.0.0.1/api": "reserved",
    "https://224.0.0.1/api": "multicast",
    "https://[ff02::1]/api": "multicast",
    "https://0.0.0.0/api": "unspecified",
    "https://[::]/api": "unspecified",
    # Deprecated kinds Python 3.11's ipaddress still calls global.
    "https://[fec0::1]/api": "site-local",
    "https://[2002:7f00:1::1]/api": "6to4",  # 127.0.0.1 inside
}


@pytest.mark.parametrize("callback", sorted(REFUSED))
def test_a_callback_to_a_private_address_or_not_https_is_refused(
    client: TestClient, callback: str
) -> None:
    response = client.post("/hub", json={"callback": callback, "query": "eventType=COMPLETION"})
    assert_problem(response, 422, pointer="/callback", detail_contains=REFUSED[callback])
    assert client.get("/hub").json()["available"] == 0


def test_the_address_kinds_are_judged_as_the_rule_says() -> None:
    assert forbidden_address("8.8.8.8") is None
    assert forbidden_address("2001:4860:4860::8888") is None
    assert forbidden_address("::ffff:8.8.8.8") is None  # mapped, public
    assert forbidden_address("fe80::1%eth0") == "link-local"  # with a zone


@pytest.mark.parametrize(
    "callback",
    [
        "",
        "buyer.example",
        "https://",
        "ftp://8.8.8.8/",
        "https://8.8.8.8/api?x=1",
        "https://8.8.8.8:99999",
    ],
)
def test_a_callback_that_is_no_base_url_is_refused_whatever_the_policy(
    rig: TestClient, callback: str
) -> None:
    response = rig.post("/hub", json={"callback": callback})
    status = 400 if callback == "" else 422  # "" breaks the spec's minLength
    assert_problem(response, status, pointer="/callback")


def test_private_callbacks_are_accepted_where_the_operator_allows_them(rig: TestClient) -> None:
    for callback in (RIG, "http://localhost:8080/buyer", "https://[::1]:8443"):
        assert subscribe(rig, callback)["callback"] == callback


# ---- the query ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("query", "fragment"),
    [
        ("eventType=SHIPPED", "'SHIPPED' is no event type"),
        ("eventType=COMPLETION,", "'' is no event type"),
        ("eventType=completion", "'completion' is no event type"),
        ("state=COMPLETION", "the only key is eventType"),
        ("eventType=COMPLETION&orderId=1", "the only key is eventType"),
        ("COMPLETION", "the only key is eventType"),
    ],
)
def test_a_query_sonata_would_not_send_is_refused(
    client: TestClient, query: str, fragment: str
) -> None:
    response = client.post("/hub", json={"callback": PUBLIC_CALLBACK, "query": query})
    assert_problem(response, 422, pointer="/query", detail_contains=fragment)


# ---- deliveries --------------------------------------------------------------------------------


def test_each_notification_goes_to_every_hub_that_wants_its_type(
    rig: TestClient, seller: OrderProcessor, outbox: Outbox
) -> None:
    changes = subscribe(rig, "http://127.0.0.1:9/changes", "eventType=STATUS_CHANGE")
    everything = subscribe(rig, "http://127.0.0.1:9/all")
    subscribe(rig, "http://127.0.0.1:9/done", "eventType=COMPLETION,JEOPARDY")
    order_id = create_order(rig, **upcoming())["id"]
    seller.run_once()  # CONFIRMATION
    rig.post(f"/orders/{order_id}/hold")  # STATUS_CHANGE
    path = f"/orders/{order_id}/notifications"
    assert deliveries(outbox) == [
        ("CONFIRMATION", f"{everything['callback']}{path}", PENDING),
        ("STATUS_CHANGE", f"{changes['callback']}{path}", PENDING),
        ("STATUS_CHANGE", f"{everything['callback']}{path}", PENDING),
    ]  # none to the operator's callback: the buyer chose its own


def test_a_buyer_without_hubs_gets_the_operators_callback(
    rig: TestClient, seller: OrderProcessor, outbox: Outbox
) -> None:
    order_id = create_order(rig, **upcoming())["id"]
    seller.run_once()
    hub = subscribe(rig, RIG)
    rig.post(f"/orders/{order_id}/hold")
    rig.delete(f"/hub/{hub['id']}")
    rig.post(f"/orders/{order_id}/release")
    path = f"/orders/{order_id}/notifications"
    assert [(kind, url) for kind, url, _ in deliveries(outbox)] == [
        ("CONFIRMATION", f"{FALLBACK}{path}"),
        ("STATUS_CHANGE", f"{RIG}{path}"),
        ("STATUS_CHANGE", f"{FALLBACK}{path}"),
    ]


def test_deleting_a_hub_reports_what_it_had_pending_as_dead(
    rig: TestClient, seller: OrderProcessor, outbox: Outbox, settings: Settings
) -> None:
    kept = subscribe(rig, "http://127.0.0.1:9/kept")
    gone = subscribe(rig, "http://127.0.0.1:9/gone")
    order_id = create_order(rig, **upcoming())["id"]
    seller.run_once()
    rig.post(f"/orders/{order_id}/hold")
    assert rig.delete(f"/hub/{gone['id']}").status_code == 204
    rig.post(f"/orders/{order_id}/release")  # after the delete: nothing for the gone hub
    path = f"/orders/{order_id}/notifications"
    assert deliveries(outbox, DEAD) == [
        ("CONFIRMATION", f"{gone['callback']}{path}", DEAD),
        ("STATUS_CHANGE", f"{gone['callback']}{path}", DEAD),
    ]
    assert {d.last_error for d in outbox.listed(DEAD)} == {"hub deleted"}
    assert [url for _, url, _ in deliveries(outbox, PENDING)] == [f"{kept['callback']}{path}"] * 3
    runner = CliRunner(env={"ORDERS_DATABASE_URL": settings.database_url})
    listed = runner.invoke(cli, ["deliveries", "list", "--state", "dead"])
    assert listed.exit_code == 0, listed.output
    assert [line.split("\t")[-1] for line in listed.output.splitlines()] == ["hub deleted"] * 2


def test_a_delivery_queued_as_its_hub_is_deleted_is_dead_not_sent(
    rig: TestClient, seller: OrderProcessor, outbox: Outbox, settings: Settings
) -> None:
    """The race the delete cannot see: a notification that read the hub before it was deleted,
    and committed its delivery after. The worker finds the hub gone."""
    hub = subscribe(rig, RIG)
    create_order(rig, **upcoming())
    seller.run_once()
    with make_engine(settings.database_url).begin() as connection:
        connection.execute(text("DELETE FROM hubs WHERE id = :id"), {"id": hub["id"]})
    assert outbox.due(10) == []
    [dead] = outbox.listed(DEAD)
    assert dead.last_error == "hub deleted" and dead.hub_id == hub["id"]


def recording(sent: list[str]) -> httpx.MockTransport:
    def handle(request: httpx.Request) -> httpx.Response:
        sent.append(str(request.url))
        return httpx.Response(201)

    return httpx.MockTransport(handle)


@pytest.mark.parametrize(
    ("callback", "reason"),
    [
        ("http://127.0.0.1:9", "is not https"),
        ("https://127.0.0.1:9", "127.0.0.1, a loopback address"),
        ("https://localhost:9", "'localhost' resolves to"),
    ],
)
def test_a_hub_callback_is_checked_again_at_delivery(
    rig: TestClient,
    seller: OrderProcessor,
    outbox: Outbox,
    callback: str,
    reason: str,
) -> None:
    """A hub accepted while private callbacks were allowed, delivered by a seller that no longer
    allows them (as a name that resolved to a public address at registration and to a private
    one now): refused at once, dead with the reason, nothing sent."""
    subscribe(rig, callback)
    create_order(rig, **upcoming())
    seller.run_once()
    sent: list[str] = []
    strict = Deliverer(outbox, Backoff(base_seconds=0), transport=recording(sent))
    assert strict.run_once() == 1
    assert sent == []
    [dead] = outbox.listed(DEAD)
    assert dead.last_error is not None
    assert dead.last_error.startswith("refused callback:") and reason in dead.last_error


def test_a_delivery_connects_to_the_address_checked_not_to_the_name_again(
    rig: TestClient, seller: OrderProcessor, outbox: Outbox
) -> None:
    """DNS rebinding: a name that resolves to a public address for the check and to loopback
    after it. The POST goes to the address checked, as the named host (Host header, TLS server
    name), on a connection closed after it; the name is resolved once. Nothing leaves the
    process (a mock transport)."""
    subscribe(rig, "https://rebinding.test:8443/api")
    create_order(rig, **upcoming())
    seller.run_once()
    asked: list[str] = []

    def dns(host: str) -> list[str]:
        asked.append(host)
        return ["8.8.4.4"] if len(asked) == 1 else ["127.0.0.1"]

    sent: list[httpx.Request] = []

    def buyer(request: httpx.Request) -> httpx.Response:
        sent.append(request)
        return httpx.Response(201)

    strict = Deliverer(
        outbox, Backoff(base_seconds=0), transport=httpx.MockTransport(buyer), resolver=dns
    )
    assert strict.run_once() == 1
    [request] = sent
    assert (request.url.host, request.url.port) == ("8.8.4.4", 8443)
    assert request.url.path.startswith("/api/")
    assert request.headers["host"] == "rebinding.test:8443"
    assert request.headers["connection"] == "close"
    assert request.extensions["sni_hostname"] == "rebinding.test"
    assert asked == ["rebinding.test"]
    assert outbox.listed(PENDING) == [] and outbox.listed(DEAD) == []


def test_a_delivery_tries_the_next_address_checked_when_one_refuses_the_connection(
    rig: TestClient, seller: OrderProcessor, outbox: Outbox
) -> None:
    subscribe(rig, "https://two.test/api")
    create_order(rig, **upcoming())
    seller.run_once()
    tried: list[str] = []

    def buyer(request: httpx.Request) -> httpx.Response:
        tried.append(request.url.host)
        if request.url.host == "8.8.4.4":
            raise httpx.ConnectError("connection refused", request=request)
        return httpx.Response(201)

    strict = Deliverer(
        outbox,
        Backoff(base_seconds=0),
        transport=httpx.MockTransport(buyer),
        resolver=lambda _host: ["8.8.4.4", "8.8.8.8"],
    )
    assert strict.run_once() == 1
    assert tried == ["8.8.4.4", "8.8.8.8"]
    assert outbox.listed(PENDING) == [] and outbox.listed(DEAD) == []


def test_the_operators_callback_is_not_held_to_the_hub_rule(
    rig: TestClient, seller: OrderProcessor, outbox: Outbox
) -> None:
    create_order(rig, **upcoming())
    seller.run_once()
    sent: list[str] = []
    strict = Deliverer(outbox, Backoff(base_seconds=0), transport=recording(sent))
    assert strict.run_once() == 1
    assert [url.split("/orders/")[0] for url in sent] == [FALLBACK]
