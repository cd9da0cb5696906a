"""The seller runs an order to its end, item by item, over HTTP, on SQLite and PostgreSQL:
complete and fail (the order or one item), jeopardy, milestones; what the order document and
the buyer's notifications show after each step; and every refusal the issue names.

The background worker is off; ``seller.run_once()`` processes the queued orders by hand."""

from __future__ import annotations

import copy
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pytest
from starlette.testclient import TestClient

from app.seller.processing import OrderProcessor
from tests.helpers import assert_problem, create_order, later, schema_errors, upcoming

REASON = {"reason": "no fibre to the site"}


@pytest.fixture
def confirmed(client: TestClient, seller: OrderProcessor) -> dict[str, Any]:
    """The seed's order (two items, 01 and 02), dated to pass the checks, and confirmed."""
    order = create_order(client, **upcoming())
    assert seller.run_once() == 1
    return order


def post(
    client: TestClient, auth: dict[str, str], path: str, body: Any = None, **headers: str
) -> Any:
    return client.post(path, json=body, headers={**auth, **headers})


def moved(response: Any) -> dict[str, Any]:
    """The order a seller's move answered (201, valid, with its new revision as ETag)."""
    assert response.status_code == 201, response.text
    order: dict[str, Any] = response.json()
    assert schema_errors("order", order) == []
    assert response.headers["etag"].strip('"').isdecimal()
    return order


def notices(client: TestClient, order_id: str) -> list[dict[str, Any]]:
    """The order's notifications, oldest first."""
    response = client.get(f"/orders/{order_id}/notifications")
    assert response.status_code == 200, response.text
    assert schema_errors("orderNotificationList", response.json()) == []
    return list(reversed(response.json()["items"]))


def item(order: dict[str, Any], reference: str) -> dict[str, Any]:
    found: list[dict[str, Any]] = [
        i for i in order["orderItems"] if i["orderItemReference"] == reference
    ]
    [one] = found
    return one


def unchanged(client: TestClient, before: dict[str, Any], etag: str, notified: int) -> None:
    """Nothing was stored: the order, its revision and its notifications are as they were."""
    now = client.get(f"/orders/{before['id']}")
    assert now.headers["etag"] == etag
    assert now.json() == before
    assert len(notices(client, before["id"])) == notified


# ---- the order document ------------------------------------------------------------------
def test_processing_writes_the_sellers_ids_into_the_order(
    client: TestClient, confirmed: dict[str, Any]
) -> None:
    order = client.get(f"/orders/{confirmed['id']}").json()
    [confirmation] = notices(client, order["id"])
    epl, uni = item(order, "01")["orderItemDetail"], item(order, "02")["orderItemDetail"]
    assert epl["sellerOvcId"] == confirmation["sellerOvcId"]["sellerAssignedId"]
    assert uni["sellerUniId"] == confirmation["sellerUniIds"][0]["sellerAssignedId"]
    assert (
        epl["enniReference"]["sellerEnniId"] == confirmation["sellerEnniIds"][0]["sellerAssignedId"]
    )
    assert epl["enniSvlanId"] == confirmation["enniSvlanIds"][0]["svlanId"]
    assert "uniSvlanId" not in epl  # an ACCESS_EPL order: its UNI is port-based
    assert order["expectedCompletionDate"] == confirmation["expectedCompletionDate"]
    history = client.get(f"/orders/{order['id']}/revisions").json()
    assert [r["revision"] for r in history["items"]] == [1, 2]  # the seller's write, recorded


def test_uni_svlans_are_allocated_unique_per_uni_for_evpl(
    client: TestClient, seller: OrderProcessor
) -> None:
    def evpl(pon: str) -> dict[str, Any]:
        request = upcoming(orderType="ACCESS_EVPL", buyerPurchaseOrderNumber=pon)
        request["orderItems"] = copy.deepcopy(request["orderItems"][:1])
        request["orderItems"][0]["orderItemDetail"]["uniReference"] = {
            "objectType": "existingUniReference",
            "sellerUniId": "UNI-SHARED",
        }
        return create_order(client, **request)

    first, second = evpl("PO-EVPL-1"), evpl("PO-EVPL-2")
    assert seller.run_once() == 2
    svlans = []
    for order in (first, second):
        [confirmation] = notices(client, order["id"])
        assert confirmation["notificationType"] == "CONFIRMATION", confirmation
        [assigned] = confirmation["uniSvlanIds"]
        assert assigned["sellerUniId"] == "UNI-SHARED"
        written = client.get(f"/orders/{order['id']}").json()
        assert item(written, "01")["orderItemDetail"]["uniSvlanId"] == assigned["svlanId"]
        svlans.append(assigned["svlanId"])
    assert svlans == [1, 2]
    # A cancelled order's UNI S-VLAN is free again: the next order on the UNI gets it.
    assert client.post(f"/orders/{first['id']}/cancel").status_code == 201
    third = evpl("PO-EVPL-3")
    seller.run_once()
    [confirmation] = notices(client, third["id"])
    assert confirmation["uniSvlanIds"][0]["svlanId"] == 1


def test_concurrent_evpl_orders_on_one_uni_get_distinct_svlans(
    client: TestClient, seller: OrderProcessor
) -> None:
    ids = []
    for n in range(20):
        request = upcoming(orderType="ACCESS_EVPL", buyerPurchaseOrderNumber=f"PO-{n}")
        request["orderItems"] = copy.deepcopy(request["orderItems"][:1])
        request["orderItems"][0]["orderItemDetail"]["uniReference"] = {
            "objectType": "existingUniReference",
            "sellerUniId": "UNI-SHARED",
        }
        ids.append(create_order(client, **request)["id"])
    queued = seller.queued(100)
    with ThreadPoolExecutor(max_workers=5) as pool:
        assert all(pool.map(seller.process, queued))
    svlans = []
    for order_id in ids:
        [confirmation] = notices(client, order_id)
        svlans += [s["svlanId"] for s in confirmation["uniSvlanIds"]]
    assert sorted(svlans) == list(range(1, 21))


# ---- items one by one ----------------------------------------------------------------------
def test_items_completed_one_by_one_complete_the_order(
    client: TestClient, seller_auth: dict[str, str], confirmed: dict[str, Any]
) -> None:
    order_id = confirmed["id"]
    first = moved(post(client, seller_auth, f"/orders/{order_id}/items/01/complete"))
    assert first["orderStatus"] == "IN_PROGRESS"
    assert item(first, "01")["state"] == "COMPLETED"
    assert item(first, "02")["state"] == "IN_PROGRESS"
    changes = item(first, "01")["stateChanges"]
    assert [(c.get("fromState"), c["toState"]) for c in changes] == [
        (None, "IN_PROGRESS"),
        ("IN_PROGRESS", "COMPLETED"),
    ]
    assert "completionDate" not in first

    last = moved(post(client, seller_auth, f"/orders/{order_id}/items/02/complete"))
    assert last["orderStatus"] == "COMPLETED"
    assert [i["state"] for i in last["orderItems"]] == ["COMPLETED", "COMPLETED"]
    assert last["completionDate"]

    confirmation, step, end, completion = notices(client, order_id)
    assert confirmation["notificationType"] == "CONFIRMATION"
    assert step["notificationType"] == end["notificationType"] == "STATUS_CHANGE"
    assert [c["orderItemReference"] for c in step["orderItemStateChanges"]] == ["01"]
    assert step["orderStatus"] == "IN_PROGRESS"
    assert end["orderStatus"] == "COMPLETED"
    assert end["orderItemStateChanges"][0]["toState"] == "COMPLETED"
    assert completion["notificationType"] == "COMPLETION"
    assert completion["completionDate"] == last["completionDate"]
    assert completion["sellerOvcId"] == confirmation["sellerOvcId"]
    assert completion["sellerUniIds"] == confirmation["sellerUniIds"]
    assert [n["notificationVersion"] for n in notices(client, order_id)] == ["01", "02", "03", "04"]
    history = client.get(f"/orders/{order_id}/revisions").json()
    assert [r["order"]["orderStatus"] for r in history["items"]][-2:] == [
        "IN_PROGRESS",
        "COMPLETED",
    ]


def test_one_item_failed_one_completed_is_partial(
    client: TestClient, seller_auth: dict[str, str], confirmed: dict[str, Any]
) -> None:
    order_id = confirmed["id"]
    failed = moved(post(client, seller_auth, f"/orders/{order_id}/items/02/fail", REASON))
    assert item(failed, "02")["state"] == "FAILED"
    assert item(failed, "02")["stateChanges"][-1]["changeReason"] == REASON["reason"]
    assert failed["orderStatus"] == "IN_PROGRESS"
    partial = moved(post(client, seller_auth, f"/orders/{order_id}/items/01/complete"))
    assert partial["orderStatus"] == "PARTIAL"
    *_, fail_notice, end, completion = notices(client, order_id)
    assert fail_notice["orderItemStateChanges"] == [
        {**item(failed, "02")["stateChanges"][-1], "orderItemReference": "02"}
    ]
    assert end["orderStatus"] == "PARTIAL"
    assert completion["notificationType"] == "COMPLETION"
    # Only the completed item's ids: the failed UNI is no circuit of the buyer's.
    assert completion["sellerOvcId"]["orderItemReference"] == "01"
    assert "sellerUniIds" not in completion
    # A PARTIAL order is final: nothing more can be done to it.
    assert_problem(
        post(client, seller_auth, f"/orders/{order_id}/complete"),
        409,
        detail_contains="PARTIAL",
    )
    patch = client.patch(f"/orders/{order_id}", json={"notes": "late"})
    assert_problem(patch, 409, detail_contains="PARTIAL")


# ---- the whole order at once ---------------------------------------------------------------
def test_completing_the_order_completes_every_open_item(
    client: TestClient, seller_auth: dict[str, str], confirmed: dict[str, Any]
) -> None:
    done = moved(post(client, seller_auth, f"/orders/{confirmed['id']}/complete"))
    assert done["orderStatus"] == "COMPLETED"
    assert {i["state"] for i in done["orderItems"]} == {"COMPLETED"}
    *_, end, completion = notices(client, confirmed["id"])
    assert sorted(c["orderItemReference"] for c in end["orderItemStateChanges"]) == ["01", "02"]
    assert completion["notificationType"] == "COMPLETION"


def test_failing_the_order_fails_every_open_item_and_frees_its_svlans(
    client: TestClient,
    seller_auth: dict[str, str],
    confirmed: dict[str, Any],
    seller: OrderProcessor,
) -> None:
    failed = moved(post(client, seller_auth, f"/orders/{confirmed['id']}/fail", REASON))
    assert failed["orderStatus"] == "FAILED"
    for each in failed["orderItems"]:
        assert each["state"] == "FAILED"
        assert each["stateChanges"][-1]["changeReason"] == REASON["reason"]
    *_, end = notices(client, confirmed["id"])  # no COMPLETION: nothing was delivered
    assert end["notificationType"] == "STATUS_CHANGE" and end["orderStatus"] == "FAILED"
    # Its ENNI S-VLAN is free again: the next order on the ENNI is given the same id.
    again = create_order(client, **upcoming(buyerPurchaseOrderNumber="PO-NEXT"))
    seller.run_once()
    [confirmation] = notices(client, again["id"])
    first_svlan = item(failed, "01")["orderItemDetail"]["enniSvlanId"]
    assert confirmation["enniSvlanIds"][0]["svlanId"] == first_svlan


# ---- jeopardy and milestones ---------------------------------------------------------------
def test_a_jeopardy_changes_the_expected_completion_date(
    client: TestClient, seller_auth: dict[str, str], confirmed: dict[str, Any]
) -> None:
    expected = later(90)
    body = {"reason": "permit delayed", "expectedCompletionDate": expected}
    late = moved(post(client, seller_auth, f"/orders/{confirmed['id']}/jeopardy", body))
    assert late["orderStatus"] == "IN_PROGRESS"
    assert late["expectedCompletionDate"] == expected
    *_, jeopardy = notices(client, confirmed["id"])
    assert jeopardy["notificationType"] == "JEOPARDY"
    assert jeopardy["jeopardyReason"] == "permit delayed"
    assert jeopardy["expectedCompletionDate"] == expected


def test_milestones_are_kept_in_the_item(
    client: TestClient, seller_auth: dict[str, str], confirmed: dict[str, Any]
) -> None:
    path = f"/orders/{confirmed['id']}/items/02/milestones"
    survey = {"name": "site survey", "date": later(1), "message": "access agreed"}
    moved(post(client, seller_auth, path, survey))
    order = moved(post(client, seller_auth, path, {"name": "fibre laid", "date": later(5)}))
    milestones = item(order, "02")["milestones"]
    assert [m["name"] for m in milestones] == ["site survey", "fibre laid"]
    assert {k: milestones[0][k] for k in survey} == survey and milestones[0]["recordedAt"]
    assert item(order, "01")["milestones"] == []
    assert len(notices(client, confirmed["id"])) == 1  # the buyer reads them in the order


# ---- the buyer's moves act on the items still open ---------------------------------------
def test_hold_release_and_cancel_move_the_open_items_only(
    client: TestClient, seller_auth: dict[str, str], confirmed: dict[str, Any]
) -> None:
    order_id = confirmed["id"]
    moved(post(client, seller_auth, f"/orders/{order_id}/items/01/complete"))
    held = client.post(f"/orders/{order_id}/hold").json()
    assert [i["state"] for i in held["orderItems"]] == ["COMPLETED", "HELD"]
    *_, notice = notices(client, order_id)
    assert [(c["orderItemReference"], c["toState"]) for c in notice["orderItemStateChanges"]] == [
        ("02", "HELD")
    ]
    released = client.post(f"/orders/{order_id}/release").json()
    assert [i["state"] for i in released["orderItems"]] == ["COMPLETED", "IN_PROGRESS"]
    cancelled = client.post(f"/orders/{order_id}/cancel").json()
    assert cancelled["orderStatus"] == "CANCELLED"
    assert [i["state"] for i in cancelled["orderItems"]] == ["COMPLETED", "CANCELLED"]


# ---- refusals -------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("path", "body"),
    [
        ("complete", None),
        ("fail", REASON),
        ("jeopardy", {"reason": "late", "expectedCompletionDate": "2099-01-01T00:00Z"}),
        ("items/01/complete", None),
        ("items/01/fail", REASON),
        ("items/01/milestones", {"name": "survey", "date": "2030-01-01T00:00Z"}),
    ],
)
def test_buyers_may_not_take_the_sellers_moves(
    client: TestClient, confirmed: dict[str, Any], path: str, body: Any
) -> None:
    before = client.get(f"/orders/{confirmed['id']}")
    response = client.post(f"/orders/{confirmed['id']}/{path}", json=body)
    assert_problem(response, 403, detail_contains="seller")
    unchanged(client, before.json(), before.headers["etag"], 1)


def test_an_unknown_item_is_404_naming_it(
    client: TestClient, seller_auth: dict[str, str], confirmed: dict[str, Any]
) -> None:
    before = client.get(f"/orders/{confirmed['id']}")
    for path, body in (
        ("complete", None),
        ("fail", REASON),
        ("milestones", {"name": "x", "date": later(1)}),
    ):
        response = post(client, seller_auth, f"/orders/{confirmed['id']}/items/99/{path}", body)
        assert_problem(
            response,
            404,
            parameter="orderItemReference",
            detail_contains=("orderItemReference", "'99'"),
        )
    unchanged(client, before.json(), before.headers["etag"], 1)
    missing = post(client, seller_auth, "/orders/ORD-NOPE/items/01/complete")
    assert_problem(missing, 404, detail_contains="ORD-NOPE")


@pytest.mark.parametrize("buyer_move", ["hold", "cancel"])
def test_completing_an_item_of_a_held_or_cancelled_order_is_409(
    client: TestClient, seller_auth: dict[str, str], confirmed: dict[str, Any], buyer_move: str
) -> None:
    order_id = confirmed["id"]
    assert client.post(f"/orders/{order_id}/{buyer_move}").status_code == 201
    before = client.get(f"/orders/{order_id}")
    status = before.json()["orderStatus"]
    for path, body in (("items/01/complete", None), ("items/01/fail", REASON), ("complete", None)):
        response = post(client, seller_auth, f"/orders/{order_id}/{path}", body)
        assert_problem(response, 409, detail_contains=(order_id, f"is {status}"))
    unchanged(client, before.json(), before.headers["etag"], 2)


def test_an_item_that_ended_cannot_move_again(
    client: TestClient, seller_auth: dict[str, str], confirmed: dict[str, Any]
) -> None:
    order_id = confirmed["id"]
    moved(post(client, seller_auth, f"/orders/{order_id}/items/01/complete"))
    before = client.get(f"/orders/{order_id}")
    for path, body in (
        ("complete", None),
        ("fail", REASON),
        ("milestones", {"name": "x", "date": later(1)}),
    ):
        response = post(client, seller_auth, f"/orders/{order_id}/items/01/{path}", body)
        assert_problem(response, 409, detail_contains=("'01'", "COMPLETED"))
    unchanged(client, before.json(), before.headers["etag"], 2)


def test_a_jeopardy_date_in_the_past_is_422_naming_it(
    client: TestClient, seller_auth: dict[str, str], confirmed: dict[str, Any]
) -> None:
    before = client.get(f"/orders/{confirmed['id']}")
    body = {"reason": "late", "expectedCompletionDate": "2020-01-01T00:00Z"}
    response = post(client, seller_auth, f"/orders/{confirmed['id']}/jeopardy", body)
    assert_problem(response, 422, pointer="/expectedCompletionDate", detail_contains="past")
    unchanged(client, before.json(), before.headers["etag"], 1)


@pytest.mark.parametrize(
    ("path", "body", "pointer"),
    [
        ("fail", {}, "/reason"),
        ("fail", {"reason": ""}, "/reason"),
        ("items/01/fail", {"why": "x"}, "/reason"),
        ("jeopardy", {"reason": "late"}, "/expectedCompletionDate"),
        (
            "jeopardy",
            {"reason": "late", "expectedCompletionDate": "soon"},
            "/expectedCompletionDate",
        ),
        ("items/01/milestones", {"date": "2030-01-01T00:00Z"}, "/name"),
        ("items/01/milestones", {"name": "x", "date": "2030-02-30T00:00Z"}, "/date"),
    ],
)
def test_a_bad_body_is_refused_naming_the_field(
    client: TestClient,
    seller_auth: dict[str, str],
    confirmed: dict[str, Any],
    path: str,
    body: Any,
    pointer: str,
) -> None:
    before = client.get(f"/orders/{confirmed['id']}")
    response = post(client, seller_auth, f"/orders/{confirmed['id']}/{path}", body)
    assert response.status_code in (400, 422), response.text
    assert_problem(response, response.status_code, pointer=pointer)
    unchanged(client, before.json(), before.headers["etag"], 1)


def test_if_match_is_honoured(
    client: TestClient, seller_auth: dict[str, str], confirmed: dict[str, Any]
) -> None:
    order_id = confirmed["id"]
    before = client.get(f"/orders/{order_id}")
    stale = post(
        client, seller_auth, f"/orders/{order_id}/items/01/complete", None, **{"If-Match": '"1"'}
    )
    assert_problem(stale, 412, detail_contains=before.headers["etag"])
    unchanged(client, before.json(), before.headers["etag"], 1)
    fresh = post(
        client,
        seller_auth,
        f"/orders/{order_id}/items/01/complete",
        None,
        **{"If-Match": before.headers["etag"]},
    )
    assert moved(fresh)["orderStatus"] == "IN_PROGRESS"
