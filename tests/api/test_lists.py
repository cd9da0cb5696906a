"""MEF LSO Sonata's list conventions over HTTP, on SQLite and PostgreSQL: X-Total-Count and
X-Result-Count on every list (the body's envelope unchanged), and the filters on orders:
projectId, and orderDate, requestedCompletionDate, expectedCompletionDate with .gt and .lt.
(Which index serves each filter: tests/api/test_storage.py.)"""

from __future__ import annotations

from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
from starlette.testclient import TestClient

from app.domain.processing import Processing
from app.seller.processing import OrderProcessor
from app.settings import Settings
from app.storage.database import make_engine
from app.storage.unit_of_work import UnitOfWork
from tests.helpers import assert_problem, create_order, later, upcoming


def counted(client: TestClient, path: str, **params: Any) -> dict[str, Any]:
    """The list at ``path``, its headers checked against its envelope."""
    response = client.get(path, params=params)
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    assert response.headers["x-total-count"] == str(body["available"])
    assert response.headers["x-result-count"] == str(body["returned"]) == str(len(body["items"]))
    return body


def test_every_list_counts_in_its_headers(client: TestClient) -> None:
    first = create_order(client, buyerPurchaseOrderNumber="PO-1")
    create_order(client, buyerPurchaseOrderNumber="PO-2")
    orders = counted(client, "/orders", limit=1)
    assert (orders["available"], orders["returned"]) == (2, 1)
    assert counted(client, "/orders", offset=5)["returned"] == 0
    for action in ("hold", "release"):
        client.post(f"/orders/{first['id']}/{action}")
    notifications = counted(client, f"/orders/{first['id']}/notifications", limit=1)
    assert (notifications["available"], notifications["returned"]) == (2, 1)
    revisions = counted(client, f"/orders/{first['id']}/revisions")
    assert (revisions["available"], revisions["returned"]) == (3, 3)
    # One order asked for by id is not a list: no counts.
    single = client.get("/orders", params={"id": first["id"]})
    assert "x-total-count" not in single.headers


def test_the_largest_offset_the_spec_allows_answers_an_empty_page(client: TestClient) -> None:
    # 2**53 - 1, past PostgreSQL's INTEGER: a 500 once the page's OFFSET was bound as one.
    create_order(client)
    for path in ("/orders", "/orders?buyerId=Verizon&orderStatus=ACKNOWLEDGED"):
        page = counted(client, path, offset=9007199254740991, limit=500)
        assert (page["available"], page["returned"]) == (1, 0), path


@pytest.fixture
def orders(client: TestClient, settings: Settings) -> dict[str, dict[str, Any]]:
    """Three orders of Verizon's: "a" and "b" of project P-1, "c" of P-2; ordered on different
    days, in different offsets; "a" confirmed by the seller (it has an expected completion)."""
    made = {
        "a": create_order(
            client,
            **upcoming(
                buyerPurchaseOrderNumber="PO-A",
                projectId="P-1",
                orderDate="2026-03-01T10:00+05:00",  # 05:00 UTC
                requestedCompletionDate=later(60),
            ),
        ),
        "b": create_order(
            client,
            buyerPurchaseOrderNumber="PO-B",
            projectId="P-1",
            orderDate="2026-03-01T06:00Z",
            requestedCompletionDate="2026-04-01T00:00Z",
        ),
        "c": create_order(
            client,
            buyerPurchaseOrderNumber="PO-C",
            projectId="P-2",
            orderDate="2026-03-02T00:00-02:00",  # 02:00 UTC
            requestedCompletionDate="2026-05-01T00:00Z",
        ),
    }
    seller = OrderProcessor(Processing(UnitOfWork(make_engine(settings.database_url))))
    seller.run_once()
    return made


def pons(client: TestClient, **params: Any) -> list[str]:
    body = counted(client, "/orders", **params)
    return [order["buyerPurchaseOrderNumber"][-1].lower() for order in body["items"]]


def test_the_filters_select_the_orders_they_name(
    client: TestClient, orders: dict[str, dict[str, Any]]
) -> None:
    a_expected = orders["a"]["requestedCompletionDate"]  # confirmed: expected as requested
    assert pons(client) == ["c", "b", "a"]  # newest first
    assert pons(client, projectId="P-1") == ["b", "a"]
    assert pons(client, projectId="P-3") == []
    # Instants, whatever their offsets: a is 05:00Z, b 06:00Z, c 02:00Z the next day.
    assert pons(client, **{"orderDate.gt": "2026-03-01T05:00Z"}) == ["c", "b"]  # strictly
    assert pons(client, **{"orderDate.lt": "2026-03-01T06:00Z"}) == ["a"]
    assert pons(
        client, **{"orderDate.gt": "2026-03-01T00:00Z", "orderDate.lt": "2026-03-02T01:00+00:00"}
    ) == ["b", "a"]
    assert pons(client, **{"requestedCompletionDate.gt": "2026-04-01T00:00Z"}) == ["c", "a"]
    assert pons(client, **{"requestedCompletionDate.lt": "2026-05-01T00:00Z"}) == ["b"]
    # Only "a" has an expected completion (the seller confirmed it; b and c fail its checks).
    assert pons(client, **{"expectedCompletionDate.gt": "2026-01-01T00:00Z"}) == ["a"]
    assert pons(client, **{"expectedCompletionDate.lt": a_expected}) == []
    assert pons(client, **{"expectedCompletionDate.lt": later(61)}) == ["a"]
    # With the older parameters, and paged.
    both = {"projectId": "P-1", "orderDateFrom": "2026-03-01T05:00Z", "limit": 1, "offset": 1}
    assert pons(client, **both) == ["a"]


def test_the_list_link_repeats_the_filters(
    client: TestClient, orders: dict[str, dict[str, Any]]
) -> None:
    params = {"projectId": "P-1", "orderDate.gt": "2026-03-01T00:00Z", "limit": 5}
    link = counted(client, "/orders", **params)["link"]["href"]
    assert parse_qs(urlsplit(link).query) == {
        "buyerId": ["Verizon"],
        "projectId": ["P-1"],
        "orderDate.gt": ["2026-03-01T00:00Z"],
        "limit": ["5"],
        "offset": ["0"],
    }


def test_the_seller_filters_every_buyers_orders(
    client: TestClient, orders: dict[str, dict[str, Any]], seller_auth: dict[str, str]
) -> None:
    response = client.get("/orders", params={"projectId": "P-1"}, headers=seller_auth)
    assert response.headers["x-total-count"] == "2"


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("orderDate.gt", "yesterday"),
        ("orderDate.lt", "2026-02-30T00:00Z"),  # no such day
        ("requestedCompletionDate.gt", "2026-03-01"),  # a date, no time
        ("requestedCompletionDate.lt", "2026-03-01T25:00Z"),
        ("expectedCompletionDate.gt", "2026-03-01T00:00"),  # no offset
        ("expectedCompletionDate.lt", ""),
        ("projectId", ""),
        ("projectId", "x" * 256),
    ],
)
def test_a_bad_filter_value_is_a_400_naming_it(client: TestClient, name: str, value: str) -> None:
    assert_problem(client.get("/orders", params={name: value}), 400, parameter=name)
