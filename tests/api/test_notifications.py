"""The seller's processing of orders into notifications, over HTTP, on SQLite and PostgreSQL.

The background worker is off in these tests; ``seller.run_once()`` does one round of its work,
so every test sees exactly the notifications it caused."""

from __future__ import annotations

import copy
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from starlette.testclient import TestClient

from app.domain.processing import Processing
from app.seller.processing import OrderProcessor
from app.settings import Settings
from app.storage.database import make_engine
from app.storage.unit_of_work import UnitOfWork
from tests.helpers import (
    assert_problem,
    create_order,
    docs_example,
    later,
    schema_errors,
    upcoming,
)


def with_epl(order: dict[str, Any], **detail: Any) -> dict[str, Any]:
    """``order`` with fields of its Access EPL item (the first) changed."""
    order = copy.deepcopy(order)
    order["orderItems"][0]["orderItemDetail"].update(detail)
    return order


def notifications(client: TestClient, order_id: str, **query: Any) -> list[dict[str, Any]]:
    response = client.get(f"/orders/{order_id}/notifications", params=query)
    assert response.status_code == 200, response.text
    assert schema_errors("orderNotificationList", response.json()) == []
    items: list[dict[str, Any]] = response.json()["items"]
    return items


def test_an_order_that_passes_the_checks_is_confirmed(
    client: TestClient, seller: OrderProcessor
) -> None:
    order = create_order(client, **upcoming())
    assert notifications(client, order["id"]) == []  # processing is not done in the request
    assert seller.run_once() == 1
    assert seller.run_once() == 0  # processed once
    [confirmation] = notifications(client, order["id"])
    assert schema_errors("orderNotification", confirmation) == []
    assert confirmation["notificationType"] == "CONFIRMATION"
    assert confirmation["notificationVersion"] == "01"
    assert confirmation["orderId"] == order["id"]
    assert confirmation["orderStatus"] == "IN_PROGRESS"
    assert confirmation["buyerPurchaseOrderNumber"] == "PO-12345"
    assert confirmation["requestedCompletionDate"] == order["requestedCompletionDate"]
    # Requested 60 days out, beyond the seller's lead time: expected as requested.
    assert confirmation["expectedCompletionDate"] == order["requestedCompletionDate"]
    assert confirmation["billingAccountNumber"] == "12345678"
    assert confirmation["sellerOvcId"] == {
        "objectType": "idAssignment",
        "sellerAssignedId": "OVC-123-abc",
        "buyerAssignedId": "OVC-123-xyz",
        "orderItemReference": "01",
    }
    [uni] = confirmation["sellerUniIds"]
    assert uni["buyerAssignedId"] == "UNI-343" and uni["orderItemReference"] == "02"
    assert uni["sellerAssignedId"].startswith("UNI-")
    assert confirmation["sellerEnniIds"] == [
        {
            "objectType": "idAssignment",
            "sellerAssignedId": "ENNI-123-abc",
            "orderItemReference": "01",
        }
    ]
    assert confirmation["enniSvlanIds"] == [
        {"objectType": "svlanIdAssignment", "sellerEnniId": "ENNI-123-abc", "svlanId": 1}
    ]
    latest = client.get(f"/orders/{order['id']}/notification")
    assert latest.status_code == 200 and latest.json() == confirmation


def test_a_completion_sooner_than_the_lead_time_is_expected_later(
    client: TestClient, seller: OrderProcessor
) -> None:
    order = create_order(client, **upcoming(requestedCompletionDate=later(2)))
    seller.run_once()
    [confirmation] = notifications(client, order["id"])
    expected = datetime.fromisoformat(confirmation["expectedCompletionDate"])
    assert expected - datetime.now(UTC) > timedelta(days=9)  # the default lead time is 10 days


def test_the_seed_order_is_refused_for_its_past_completion_date(
    client: TestClient, seller: OrderProcessor
) -> None:
    order = create_order(client)  # verbatim: requestedCompletionDate 2016-10-11T17:20+01:00
    seller.run_once()
    [error] = notifications(client, order["id"])
    assert schema_errors("orderNotification", error) == []
    assert error["notificationType"] == "ERROR_OR_INFORMATION"
    assert error["requestedCompletionDate"] == "2016-10-11T17:20+01:00"
    [message] = error["orderMessages"]
    assert message["code"] == "DAT001" and message["severity"] == "ERROR"
    assert "requestedCompletionDate 2016-10-11T17:20+01:00" in message["messageInformation"]
    assert error["correctionOrderExpected"] is True
    due = datetime.fromisoformat(error["correctionOrderDueDate"]).date()
    assert due > datetime.now(UTC).date()
    assert "enniSvlanIds" not in error
    # The order stays open for a correction (a supplemental order).
    assert client.get(f"/orders/{order['id']}").json()["orderStatus"] == "IN_PROGRESS"


def _unknown_uni(order: dict[str, Any]) -> dict[str, Any]:
    return with_epl(
        order, uniReference={"objectType": "orderedUniReference", "orderItemReference": "09"}
    )


BROKEN_RULES: dict[str, Callable[[dict[str, Any]], dict[str, Any]]] = {
    "DAT002": lambda o: {**o, "orderDate": later(90)},
    "DAT003": lambda o: {**o, "requestedStartDate": later(61)},
    "REF001": _unknown_uni,
    "REF002": lambda o: with_epl(
        o, enniReference={"objectType": "orderedEnniReference", "orderItemReference": "02"}
    ),
    "VLN001": lambda o: with_epl(o, enniSvlanId=200, enniSvlanIdLast=199),
    # More ids than a confirmation's enniSvlanIds can list (the schema allows 1,000).
    "VLN005": lambda o: with_epl(o, enniSvlanId=1, enniSvlanIdLast=1001),
}


@pytest.mark.parametrize("code", sorted(BROKEN_RULES))
def test_each_broken_rule_is_an_error_notification_naming_it(
    client: TestClient, seller: OrderProcessor, code: str
) -> None:
    order = create_order(client, **BROKEN_RULES[code](upcoming()))
    seller.run_once()
    [error] = notifications(client, order["id"])
    assert error["notificationType"] == "ERROR_OR_INFORMATION"
    assert [m["code"] for m in error["orderMessages"]] == [code]
    assert error["orderMessages"][0]["correctionRequired"] is True


def test_more_problems_than_a_notification_lists_end_with_how_many_more(
    client: TestClient, seller: OrderProcessor
) -> None:
    # 999 Access EPL items with a reversed range (VLN001 each) and a date in the past (DAT001,
    # DAT002): 1,001 problems, and orderMessages holds 1,000. Such an order was once accepted,
    # then failed its processing on every try and stayed ACKNOWLEDGED.
    order = upcoming(requestedCompletionDate="2016-10-11T17:20+01:00")
    epl, uni = order["orderItems"]
    epl["orderItemDetail"].update(enniSvlanId=200, enniSvlanIdLast=199)
    order["orderItems"] = [{**epl, "orderItemReference": f"E{n}"} for n in range(999)] + [uni]
    created = create_order(client, **order)
    assert seller.run_once() == 1
    [error] = notifications(client, created["id"])
    messages = error["orderMessages"]
    assert len(messages) == 1000
    assert [m["code"] for m in messages[:3]] == ["DAT001", "DAT002", "VLN001"]
    assert messages[-1]["code"] == "MSG001"
    assert messages[-1]["messageInformation"].startswith("2 more problems are not listed")


def test_a_taken_svlan_range_is_refused_and_freed_by_cancel(
    client: TestClient, seller: OrderProcessor
) -> None:
    first = create_order(client, **with_epl(upcoming(), enniSvlanId=100, enniSvlanIdLast=104))
    seller.run_once()
    [confirmation] = notifications(client, first["id"])
    assert [s["svlanId"] for s in confirmation["enniSvlanIds"]] == [100, 101, 102, 103, 104]

    wanted = with_epl(
        upcoming(buyerPurchaseOrderNumber="PO-2"), enniSvlanId=104, enniSvlanIdLast=106
    )
    second = create_order(client, **wanted)
    seller.run_once()
    [error] = notifications(client, second["id"])
    [message] = error["orderMessages"]
    assert message["code"] == "VLN002"
    assert "S-VLAN ID 104 on ENNI ENNI-123-abc" in message["messageInformation"]

    assert client.post(f"/orders/{first['id']}/cancel").status_code == 201
    supplement = {**wanted, "buyerOrderVersion": "2"}
    assert client.put(f"/orders/{second['id']}", json=supplement).status_code == 200
    seller.run_once()
    latest = notifications(client, second["id"])[0]
    assert latest["notificationType"] == "CONFIRMATION"
    assert latest["notificationVersion"] == "02"
    assert latest["buyerOrderVersion"] == "2"
    assert [s["svlanId"] for s in latest["enniSvlanIds"]] == [104, 105, 106]


def test_automatic_svlans_are_the_lowest_free_and_kept_by_a_supplement(
    client: TestClient, seller: OrderProcessor
) -> None:
    taken = create_order(client, **with_epl(upcoming(buyerPurchaseOrderNumber="A"), enniSvlanId=1))
    order = create_order(client, **upcoming())
    seller.run_once()
    [confirmation] = notifications(client, order["id"])
    assert confirmation["enniSvlanIds"][0]["svlanId"] == 2  # 1 went to the other order
    assert notifications(client, taken["id"])[0]["enniSvlanIds"][0]["svlanId"] == 1
    patched = client.patch(f"/orders/{order['id']}", json={"notes": "call ahead"})
    assert patched.status_code == 200
    seller.run_once()
    again = notifications(client, order["id"])[0]
    assert again["notificationVersion"] == "02"
    assert again["enniSvlanIds"][0]["svlanId"] == 2


def test_hold_release_cancel_notify_in_version_order(
    client: TestClient, seller: OrderProcessor
) -> None:
    order = create_order(client, **upcoming())
    seller.run_once()
    for action in ("hold", "release", "cancel"):
        assert client.post(f"/orders/{order['id']}/{action}").status_code == 201
    assert client.post(f"/orders/{order['id']}/hold").status_code == 409  # nothing to notify
    items = notifications(client, order["id"])
    assert [n["notificationVersion"] for n in items] == ["04", "03", "02", "01"]
    assert [n["notificationType"] for n in items] == ["STATUS_CHANGE"] * 3 + ["CONFIRMATION"]
    assert [n["orderStatus"] for n in items[:3]] == ["CANCELLED", "IN_PROGRESS", "HELD"]
    page = client.get(f"/orders/{order['id']}/notifications", params={"limit": 2, "offset": 1})
    assert page.json()["available"] == 4 and page.json()["returned"] == 2
    assert [n["notificationVersion"] for n in page.json()["items"]] == ["03", "02"]
    assert client.get(f"/orders/{order['id']}/notification").json()["notificationVersion"] == "04"


def test_an_order_changed_while_queued_is_processed_as_changed(
    client: TestClient, seller: OrderProcessor
) -> None:
    order = create_order(client, **upcoming())
    [queued] = seller.queued(10)
    supplement = {**upcoming(), "buyerOrderVersion": "2"}
    assert client.put(f"/orders/{order['id']}", json=supplement).status_code == 200
    assert seller.process(queued) is False  # read before the PUT: not processed
    assert seller.run_once() == 1
    [confirmation] = notifications(client, order["id"])
    assert confirmation["buyerOrderVersion"] == "2"


def test_a_cancelled_order_is_not_processed(client: TestClient, seller: OrderProcessor) -> None:
    order = create_order(client, **upcoming())
    client.post(f"/orders/{order['id']}/cancel")
    seller.run_once()
    assert [n["notificationType"] for n in notifications(client, order["id"])] == ["STATUS_CHANGE"]
    assert seller.queued(10) == []


def test_fifty_concurrent_orders_on_one_enni_get_distinct_svlans(
    client: TestClient, seller: OrderProcessor
) -> None:
    ids = [
        create_order(client, **upcoming(buyerPurchaseOrderNumber=f"PO-{n}"))["id"]
        for n in range(50)
    ]
    queued = seller.queued(100)
    assert len(queued) == 50
    with ThreadPoolExecutor(max_workers=10) as pool:
        assert all(pool.map(seller.process, queued))
    svlans = []
    for order_id in ids:
        [confirmation] = notifications(client, order_id)
        assert confirmation["notificationType"] == "CONFIRMATION", confirmation
        svlans += [s["svlanId"] for s in confirmation["enniSvlanIds"]]
    assert sorted(svlans) == list(range(1, 51))


def test_a_received_notification_is_stored_once(
    client: TestClient, seller_auth: dict[str, str]
) -> None:
    client.headers.update(seller_auth)  # at a buyer's endpoint, the seller posts
    sent = {
        "objectType": "orderNotification",
        "orderId": "ORD-AT-SELLER",
        "notificationType": "CONFIRMATION",
        "notificationVersion": "01",
    }
    path = "/orders/ORD-AT-SELLER/notifications"
    assert client.post(path, json=sent).status_code == 201
    assert client.post(path, json=sent).status_code == 200
    other = client.post(path, json={**sent, "notificationType": "JEOPARDY"})
    assert_problem(other, 409)
    assert "notificationVersion '01'" in other.json()["detail"]
    assert notifications(client, "ORD-AT-SELLER") == [sent]
    mismatch = client.post(path, json={**sent, "orderId": "ORD-OTHER"})
    assert mismatch.status_code == 422
    assert mismatch.json()["errors"][0]["pointer"] == "/orderId"


def test_a_received_notification_without_a_version_is_stored_once_too(
    client: TestClient, seller_auth: dict[str, str]
) -> None:
    # notificationVersion is optional: without it the content is the key, so a seller's
    # retry of the same notification is not stored again, and another one still is.
    client.headers.update(seller_auth)
    sent = {"orderId": "ORD-AT-SELLER", "notificationType": "JEOPARDY", "jeopardyReason": "a"}
    path = "/orders/ORD-AT-SELLER/notifications"
    assert client.post(path, json=sent).status_code == 201
    again = client.post(path, json=dict(reversed(sent.items())))  # the same, keys reordered
    assert again.status_code == 200 and again.json() == sent
    later = {**sent, "jeopardyReason": "b"}
    assert client.post(path, json=later).status_code == 201
    assert notifications(client, "ORD-AT-SELLER") == [later, sent]


def test_notifications_of_an_unknown_order_are_404(client: TestClient) -> None:
    for path in ("/orders/ORD-NONE/notifications", "/orders/ORD-NONE/notification"):
        response = client.get(path)
        assert_problem(response, 404, parameter="id")
    # A known order with no notification yet: an empty list, and no latest one.
    order = create_order(client, **upcoming())
    assert notifications(client, order["id"]) == []
    assert_problem(client.get(f"/orders/{order['id']}/notification"), 404, parameter="id")


def test_the_readme_example_orders_are_confirmed(
    client: TestClient, seller: OrderProcessor
) -> None:
    created = client.post("/orders", json=docs_example("order.json"))
    assert created.status_code == 201, created.text
    order_id = created.json()["id"]
    supplement = docs_example("order-v2.json")
    updated = client.put(f"/orders/{order_id}", json=supplement, headers={"If-Match": '"1"'})
    assert updated.status_code == 200, updated.text
    seller.run_once()
    [confirmation] = notifications(client, order_id)
    assert confirmation["notificationType"] == "CONFIRMATION"
    assert confirmation["buyerOrderVersion"] == "2"


class FailingFor(OrderProcessor):
    """A seller whose processing crashes (a bug, not bad input) for some purchase orders."""

    def __init__(self, settings: Settings, broken: set[str]) -> None:
        super().__init__(
            Processing(UnitOfWork(make_engine(settings.database_url))), retry_base_seconds=0.2
        )
        self.broken = broken

    def process(self, order: Any) -> bool:
        if order.document["buyerPurchaseOrderNumber"] in self.broken:
            raise RuntimeError("a bug in processing")
        return super().process(order)


def test_orders_that_keep_failing_do_not_starve_the_queue(
    client: TestClient, settings: Settings
) -> None:
    broken = {f"PO-BROKEN-{n}" for n in range(3)}
    for pon in sorted(broken):
        create_order(client, **upcoming(buyerPurchaseOrderNumber=pon))
    fine = create_order(client, **upcoming(buyerPurchaseOrderNumber="PO-FINE"))
    seller = FailingFor(settings, broken)
    # A round takes the 3 oldest: all fail. Without the wait they would be taken again forever.
    assert seller.run_once(limit=3) == 0
    assert notifications(client, fine["id"]) == []
    assert seller.run_once(limit=3) == 1  # the failing ones wait: the next order's turn
    assert [n["notificationType"] for n in notifications(client, fine["id"])] == ["CONFIRMATION"]
    # After their wait they are tried again (still queued, nothing lost), and once fixed, done.
    seller.broken = set()
    deadline = datetime.now(UTC) + timedelta(seconds=30)  # exits as soon as they are done
    done = 0
    while done < 3 and datetime.now(UTC) < deadline:
        time.sleep(0.05)
        done += seller.run_once(limit=3)
    assert done == 3
