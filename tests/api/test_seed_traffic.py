"""The seeds' JSON examples are real buyer traffic: requests are accepted verbatim, and the
responses the service gives for them, like the seeds' own responses, validate."""

from __future__ import annotations

from starlette.testclient import TestClient

from codegen.examples import example_problems
from tests.helpers import (
    CREATE_REQUEST,
    NOTIFICATION_SEED,
    ORDER_SEED,
    PUBLIC_URL,
    UPDATE_REQUEST,
    buyer_items,
    order_spec,
    schema_errors,
)


def test_every_seed_example_is_a_named_example_of_the_spec() -> None:
    spec_examples = [e["value"] for e in order_spec()["components"]["examples"].values()]
    for example in ORDER_SEED + NOTIFICATION_SEED:
        assert example in spec_examples
    assert len(ORDER_SEED) + len(NOTIFICATION_SEED) == 11
    # The one example of our own: the seed has no list of notifications.
    ours = [
        n
        for n, e in order_spec()["components"]["examples"].items()
        if e["value"] not in ORDER_SEED + NOTIFICATION_SEED
    ]
    assert ours == ["listOrderNotificationsResponse"]


def test_every_example_validates_against_its_schema() -> None:
    assert example_problems(order_spec()) == []


def test_seed_responses_validate_against_the_response_schemas() -> None:
    assert schema_errors("orderList", ORDER_SEED[0]) == []
    # get, create, update, cancel, hold and release responses
    for index in (1, 3, 5, 6, 7, 8):
        assert schema_errors("order", ORDER_SEED[index]) == [], index
    assert schema_errors("orderNotification", NOTIFICATION_SEED[0]) == []


def test_create_request_accepted_verbatim_and_echoed(client: TestClient) -> None:
    response = client.post("/orders", json=CREATE_REQUEST)
    assert response.status_code == 201, response.text
    order = response.json()
    assert schema_errors("order", order) == []
    assert order["orderStatus"] == "IN_PROGRESS"
    assert order["objectType"] == "order"
    assert order["link"]["href"] == f"{PUBLIC_URL}/orders/{order['id']}"
    assert response.headers["location"] == order["link"]["href"]
    assert response.headers["content-type"] == "application/json"
    # Everything the buyer sent comes back unchanged; each item, besides, is in progress.
    for key, value in CREATE_REQUEST.items():
        if key not in ("objectType", "orderItems"):
            assert order[key] == value, key
    assert buyer_items(order) == CREATE_REQUEST["orderItems"]
    for item in order["orderItems"]:
        assert item["state"] == "IN_PROGRESS"
        assert [c["toState"] for c in item["stateChanges"]] == ["IN_PROGRESS"]
        assert item["milestones"] == []

    fetched = client.get(f"/orders/{order['id']}")
    assert fetched.status_code == 200
    assert fetched.json() == order


def test_update_request_accepted_verbatim(client: TestClient) -> None:
    order = client.post("/orders", json=CREATE_REQUEST).json()
    response = client.put(f"/orders/{order['id']}", json=UPDATE_REQUEST)
    assert response.status_code == 200, response.text
    updated = response.json()
    assert schema_errors("order", updated) == []
    assert updated["buyerOrderVersion"] == "2"
    assert buyer_items(updated) == UPDATE_REQUEST["orderItems"]
    # The item the supplement keeps (by its reference) keeps its state and history.
    before = {i["orderItemReference"]: i["stateChanges"] for i in order["orderItems"]}
    for item in updated["orderItems"]:
        assert item["stateChanges"] == before[item["orderItemReference"]]


def test_get_by_id_and_pon_return_a_single_order_like_the_seed(client: TestClient) -> None:
    order = client.post("/orders", json=CREATE_REQUEST).json()
    by_id = client.get("/orders", params={"id": order["id"]})
    by_pon = client.get("/orders", params={"pon": "PO-12345"})
    assert by_id.status_code == by_pon.status_code == 200
    assert by_id.json() == by_pon.json() == order


def test_list_by_buyer_returns_the_seed_envelope(client: TestClient) -> None:
    order = client.post("/orders", json=CREATE_REQUEST).json()
    listed = client.get("/orders", params={"buyerId": "Verizon"})
    assert listed.status_code == 200
    envelope = listed.json()
    assert schema_errors("orderList", envelope) == []
    assert envelope["available"] == envelope["returned"] == 1
    assert envelope["items"] == [order]
    assert envelope["link"]["href"].startswith(f"{PUBLIC_URL}/orders?buyerId=Verizon")


def test_notification_requests_accepted_verbatim(
    client: TestClient, seller_auth: dict[str, str]
) -> None:
    # A buyer endpoint receives the seed's ERROR notification about an order held at the seller.
    client.headers.update(seller_auth)
    request = NOTIFICATION_SEED[1]
    response = client.post("/orders/ORD-CC-0293479283/notifications", json=request)
    assert response.status_code == 201, response.text
    assert response.json() == request
    # Received again (on the seed's singular spelling too): stored once, answered 200.
    for path in (
        "/orders/ORD-CC-0293479283/notifications",
        "/orders/ORD-CC-0293479283/notification",
    ):
        again = client.post(path, json=request)
        assert again.status_code == 200, again.text
        assert again.json() == request
    listed = client.get("/orders/ORD-CC-0293479283/notifications").json()
    assert listed["available"] == listed["returned"] == 1
    assert listed["items"] == [request]
    assert client.get("/orders/ORD-CC-0293479283/notification").json() == request


def test_seed_notification_response_round_trips(
    client: TestClient, seller_auth: dict[str, str]
) -> None:
    # The singular path answers the latest notification exactly shaped like the seed's GET.
    client.headers.update(seller_auth)
    notification = NOTIFICATION_SEED[0]
    order_id = notification["orderId"]
    assert client.post(f"/orders/{order_id}/notifications", json=notification).status_code == 201
    latest = client.get(f"/orders/{order_id}/notification")
    assert latest.status_code == 200
    assert latest.json() == notification
    assert schema_errors("orderNotification", latest.json()) == []
    listed = client.get(f"/orders/{order_id}/notifications")
    assert schema_errors("orderNotificationList", listed.json()) == []
    assert listed.json()["items"] == [notification]
