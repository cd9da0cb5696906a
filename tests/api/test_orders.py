"""The Order API lifecycle over HTTP: create, get, list, supplement, patch, state changes."""

from __future__ import annotations

from typing import Any

import pytest
from starlette.testclient import TestClient

from app.domain.time import parse_instant
from app.settings import Settings
from tests.helpers import CREATE_REQUEST, UPDATE_REQUEST, assert_problem, create_order
from tests.servers import bearer

MERGE_PATCH = {"content-type": "application/merge-patch+json"}


# ---- create ----------------------------------------------------------------------------------
def test_create_assigns_distinct_ids_and_etag(client: TestClient) -> None:
    first = client.post("/orders", json=CREATE_REQUEST)
    second = client.post("/orders", json={**CREATE_REQUEST, "buyerPurchaseOrderNumber": "PO-2"})
    assert first.status_code == second.status_code == 201
    assert first.json()["id"] != second.json()["id"]
    assert first.headers["etag"] == '"1"'


def test_repeated_create_is_idempotent(client: TestClient) -> None:
    order = create_order(client)
    again = client.post("/orders", json=CREATE_REQUEST)
    assert again.status_code == 200
    assert again.json() == order
    listed = client.get("/orders", params={"buyerId": "Verizon"}).json()
    assert listed["available"] == 1


def test_create_reusing_pon_and_version_with_other_content_conflicts(client: TestClient) -> None:
    order = create_order(client)
    response = client.post("/orders", json={**CREATE_REQUEST, "notes": "changed"})
    assert_problem(response, 409, detail_contains=(order["id"], "different content"))


def test_create_reusing_pon_with_new_version_points_to_put(client: TestClient) -> None:
    order = create_order(client)
    response = client.post("/orders", json={**CREATE_REQUEST, "buyerOrderVersion": "2"})
    assert_problem(response, 409, detail_contains=f"PUT /orders/{order['id']}")


def test_same_pon_for_another_buyer_is_another_order(
    client: TestClient, settings: Settings
) -> None:
    create_order(client)
    client.headers.update(bearer(settings.database_url, "AT&T", "buyer"))
    create_order(client, buyerId="AT&T")
    assert client.get("/orders", params={"buyerId": "AT&T"}).json()["available"] == 1


def test_invalid_create_lists_every_error_with_its_pointer(client: TestClient) -> None:
    bad = {**CREATE_REQUEST, "orderDate": "yesterday", "priority": -1}
    del bad["buyerId"]
    bad["orderItems"] = [
        {**CREATE_REQUEST["orderItems"][0], "quantity": 0},
        {
            **CREATE_REQUEST["orderItems"][1],
            "orderItemDetail": {"objectType": "uniProductOrder", "numberOfLinks": "two"},
        },
    ]
    body = assert_problem(
        client.post("/orders", json=bad), 400, detail_contains="5 validation errors"
    )
    pointers = {e["pointer"] for e in body["errors"]}
    assert pointers == {
        "/buyerId",
        "/orderDate",
        "/priority",
        "/orderItems/0/quantity",
        "/orderItems/1/orderItemDetail/numberOfLinks",
    }


def test_unknown_item_detail_type_is_named(client: TestClient) -> None:
    item = {**CREATE_REQUEST["orderItems"][0], "orderItemDetail": {"objectType": "fooProductOrder"}}
    body = assert_problem(
        client.post("/orders", json={**CREATE_REQUEST, "orderItems": [item]}), 400
    )
    assert body["errors"][0]["pointer"] == "/orderItems/0/orderItemDetail"


def test_unknown_field_is_rejected_not_dropped(client: TestClient) -> None:
    body = assert_problem(client.post("/orders", json={**CREATE_REQUEST, "note": "typo"}), 400)
    assert body["errors"] == [
        {"pointer": "/note", "detail": "is not a field that can be sent here"}
    ]


def test_malformed_json_is_a_problem(client: TestClient) -> None:
    response = client.post(
        "/orders", content=b"{not json", headers={"content-type": "application/json"}
    )
    assert_problem(response, 400)


# ---- get and list ------------------------------------------------------------------------------
def test_missing_order_is_404_everywhere(client: TestClient) -> None:
    """Each 404 names the parameter that found nothing."""
    missing = assert_problem(
        client.get("/orders/ORD-NOPE"), 404, parameter="id", detail_contains="ORD-NOPE"
    )
    assert [e["parameter"] for e in missing["errors"]] == ["id"]
    assert_problem(
        client.get("/orders", params={"id": "ORD-NOPE"}),
        404,
        parameter="id",
        detail_contains="ORD-NOPE",
    )
    by_pon = assert_problem(
        client.get("/orders", params={"pon": "PO-NOPE"}),
        404,
        parameter="pon",
        detail_contains="PO-NOPE",
    )
    assert [e["parameter"] for e in by_pon["errors"]] == ["pon"]  # not the caller's buyerId
    assert_problem(client.post("/orders/ORD-NOPE/cancel"), 404, parameter="id")
    assert_problem(client.put("/orders/ORD-NOPE", json=UPDATE_REQUEST), 404, parameter="id")
    assert_problem(client.get("/orders/ORD-NOPE/revisions"), 404, parameter="id")


def test_get_by_pon_returns_the_latest_version(client: TestClient) -> None:
    order = create_order(client)
    client.put(f"/orders/{order['id']}", json=UPDATE_REQUEST)
    by_pon = client.get("/orders", params={"pon": "PO-12345"}).json()
    assert by_pon["id"] == order["id"] and by_pon["buyerOrderVersion"] == "2"


def test_list_filters(client: TestClient, settings: Settings) -> None:
    a = create_order(client, buyerPurchaseOrderNumber="A", orderDate="2016-10-01T13:20+01:00")
    b = create_order(
        client, buyerPurchaseOrderNumber="B", orderDate="2016-11-01T00:00Z", orderType="UNI"
    )
    client.post(f"/orders/{b['id']}/hold")
    other = bearer(settings.database_url, "Other", "buyer")
    response = client.post(
        "/orders",
        json={**CREATE_REQUEST, "buyerPurchaseOrderNumber": "C", "buyerId": "Other"},
        headers=other,
    )
    assert response.status_code == 201

    def ids(**params: Any) -> list[str]:
        response = client.get("/orders", params={"buyerId": "Verizon", **params})
        assert response.status_code == 200, response.text
        return [o["id"] for o in response.json()["items"]]

    assert ids() == [b["id"], a["id"]]  # newest first
    assert ids(orderStatus="HELD") == [b["id"]]
    assert ids(orderStatus="IN_PROGRESS") == [a["id"]]
    assert ids(orderType="UNI") == [b["id"]]
    assert ids(orderDateFrom="2016-10-15T00:00Z") == [b["id"]]
    assert ids(orderDateTo="2016-10-01T12:20:00Z") == []  # 13:20+01:00 is 12:20Z, not before it
    assert ids(orderDateTo="2016-10-01T12:21Z") == [a["id"]]
    body = assert_problem(
        client.get("/orders", params={"orderStatus": "LOST", "buyerID": "x"}), 400
    )
    assert {e["parameter"] for e in body["errors"]} == {"orderStatus", "buyerID"}


def test_pagination_boundaries(client: TestClient) -> None:
    created = [create_order(client, buyerPurchaseOrderNumber=f"PO-{n}")["id"] for n in range(7)]
    newest_first = created[::-1]

    def page(limit: int, offset: int) -> dict[str, Any]:
        response = client.get(
            "/orders", params={"buyerId": "Verizon", "limit": limit, "offset": offset}
        )
        assert response.status_code == 200, response.text
        body: dict[str, Any] = response.json()
        return body

    pages = [page(3, offset) for offset in (0, 3, 6)]
    assert [o["id"] for p in pages for o in p["items"]] == newest_first
    assert [p["returned"] for p in pages] == [3, 3, 1]
    assert all(p["available"] == 7 for p in pages)
    assert page(3, 7)["items"] == [] and page(3, 7)["available"] == 7
    assert page(500, 0)["returned"] == 7
    assert client.get("/orders").json()["returned"] == 7  # default limit 50
    assert_problem(client.get("/orders", params={"limit": 501}), 400)
    assert_problem(client.get("/orders", params={"limit": 0}), 400)
    assert_problem(client.get("/orders", params={"offset": -1}), 400)


# ---- supplemental orders (PUT) -------------------------------------------------------------------
def test_put_keeps_every_version(client: TestClient) -> None:
    order = create_order(client)
    updated = client.put(f"/orders/{order['id']}", json=UPDATE_REQUEST)
    assert updated.status_code == 200 and updated.headers["etag"] == '"2"'
    assert updated.json()["id"] == order["id"] and updated.json()["orderStatus"] == "IN_PROGRESS"
    history = client.get(f"/orders/{order['id']}/revisions").json()
    assert history["available"] == 2
    assert [r["order"]["buyerOrderVersion"] for r in history["items"]] == ["1", "2"]
    assert history["items"][0]["order"] == order


def test_put_requires_the_same_pon_and_a_new_version(client: TestClient) -> None:
    order = create_order(client)
    path = f"/orders/{order['id']}"
    other_pon = {**UPDATE_REQUEST, "buyerPurchaseOrderNumber": "PO-9"}
    body = assert_problem(
        client.put(path, json=other_pon), 422, detail_contains="buyerPurchaseOrderNumber"
    )
    assert body["errors"][0]["pointer"] == "/buyerPurchaseOrderNumber"
    assert_problem(
        client.put(path, json={**UPDATE_REQUEST, "buyerId": "AT&T"}), 422, detail_contains="buyerId"
    )
    assert_problem(
        client.put(path, json={**UPDATE_REQUEST, "buyerOrderVersion": "1"}),
        409,
        detail_contains="'1'",
    )
    assert client.put(path, json=UPDATE_REQUEST).status_code == 200
    assert_problem(client.put(path, json=CREATE_REQUEST), 409, detail_contains="already used")


def test_final_orders_cannot_be_supplemented(client: TestClient) -> None:
    order = create_order(client)
    client.post(f"/orders/{order['id']}/cancel")
    assert_problem(
        client.put(f"/orders/{order['id']}", json=UPDATE_REQUEST), 409, detail_contains="CANCELLED"
    )
    assert_problem(
        client.patch(f"/orders/{order['id']}", json={"notes": "x"}),
        409,
        detail_contains="CANCELLED",
    )


# ---- merge patch -------------------------------------------------------------------------------
def test_merge_patch_sets_replaces_and_removes(client: TestClient) -> None:
    order = create_order(client, notes="old", projectId="P-1")
    patch = {
        "notes": "new",
        "projectId": None,
        "billingInfo": {"existingBillingAccountNumber": None},
    }
    response = client.patch(f"/orders/{order['id']}", json=patch, headers=MERGE_PATCH)
    assert response.status_code == 200, response.text
    patched = response.json()
    assert patched["notes"] == "new"
    assert "projectId" not in patched
    assert patched["billingInfo"] == {"objectType": "billingInformation"}
    assert patched["orderItems"] == order["orderItems"]
    assert patched["id"] == order["id"] and patched["orderStatus"] == order["orderStatus"]


def test_merge_patch_also_accepted_as_plain_json(client: TestClient) -> None:
    order = create_order(client)
    response = client.patch(f"/orders/{order['id']}", json={"priority": 3})
    assert response.status_code == 200 and response.json()["priority"] == 3


@pytest.mark.parametrize(
    "field", ["id", "orderStatus", "link", "buyerId", "buyerPurchaseOrderNumber"]
)
def test_merge_patch_cannot_touch_seller_or_identity_fields(client: TestClient, field: str) -> None:
    order = create_order(client)
    response = client.patch(f"/orders/{order['id']}", json={field: "X"}, headers=MERGE_PATCH)
    body = assert_problem(response, 400)
    assert body["errors"] == [
        {"pointer": f"/{field}", "detail": "is not a field that can be sent here"}
    ]


def test_a_patch_that_would_break_the_order_is_refused_by_its_schema(client: TestClient) -> None:
    """The patch's schema says what merges into a valid order: a field every order has cannot be
    removed, an item is replaced whole. A patch it refuses is a 400 naming the field, before
    anything is merged or written."""
    order = create_order(client)
    path = f"/orders/{order['id']}"
    body = assert_problem(client.patch(path, json={"orderDate": None}, headers=MERGE_PATCH), 400)
    assert [e["pointer"] for e in body["errors"]] == ["/orderDate"]
    body = assert_problem(
        client.patch(path, json={"orderItems": [{"quantity": 1}]}, headers=MERGE_PATCH), 400
    )
    assert {e["pointer"] for e in body["errors"]} >= {"/orderItems/0/orderItemReference"}
    assert_problem(client.patch(path, json={}, headers=MERGE_PATCH), 400)
    assert client.get(path).json() == order  # nothing was written


def test_a_patch_changes_the_contact_every_order_has_in_part(client: TestClient) -> None:
    """buyerOrderContact is in every order, so a patch may carry any of its fields; a contact
    the order may not have yet comes with its name and telephone number; `null` removes an
    optional contact or an optional field of one, never a required one."""
    order = create_order(client)
    path = f"/orders/{order['id']}"
    patch = {"buyerOrderContact": {"email": "ops@verizon.example"}, "buyerTechnicalContact": None}
    response = client.patch(path, json=patch, headers=MERGE_PATCH)
    assert response.status_code == 200, response.text
    patched = response.json()
    assert patched["buyerOrderContact"] == {
        **order["buyerOrderContact"],
        "email": "ops@verizon.example",
    }
    assert "buyerTechnicalContact" not in patched

    partial = {"buyerTechnicalContact": {"email": "tech@verizon.example"}}
    body = assert_problem(client.patch(path, json=partial, headers=MERGE_PATCH), 400)
    assert body["errors"] == [
        {"pointer": "/buyerTechnicalContact/name", "detail": "is required"},
        {"pointer": "/buyerTechnicalContact/telephoneNumber", "detail": "is required"},
    ]
    nulled = {"buyerOrderContact": {"name": None}}
    body = assert_problem(client.patch(path, json=nulled, headers=MERGE_PATCH), 400)
    assert [e["pointer"] for e in body["errors"]] == ["/buyerOrderContact/name"]
    assert client.get(path).json() == patched

    contact = {"name": "Mark Smith", "telephoneNumber": "+1303-354-5645"}
    whole = {"buyerTechnicalContact": {**contact, "email": None}}
    response = client.patch(path, json=whole, headers=MERGE_PATCH)
    assert response.status_code == 200, response.text
    assert response.json()["buyerTechnicalContact"] == contact


# ---- state machine -----------------------------------------------------------------------------
def test_hold_release_cancel(client: TestClient) -> None:
    order = create_order(client)
    path = f"/orders/{order['id']}"
    for action, status in [
        ("hold", "HELD"),
        ("release", "IN_PROGRESS"),
        ("hold", "HELD"),
        ("cancel", "CANCELLED"),
    ]:
        response = client.post(f"{path}/{action}")
        assert response.status_code == 201, response.text
        assert response.json()["orderStatus"] == status
    assert client.get(path).json()["orderStatus"] == "CANCELLED"


@pytest.mark.parametrize(
    ("steps", "action", "state"),
    [
        ([], "release", "IN_PROGRESS"),
        (["hold"], "hold", "HELD"),
        (["cancel"], "cancel", "CANCELLED"),
        (["cancel"], "hold", "CANCELLED"),
        (["cancel"], "release", "CANCELLED"),
    ],
)
def test_rejected_transitions_name_the_current_state(
    client: TestClient, steps: list[str], action: str, state: str
) -> None:
    order = create_order(client)
    for step in steps:
        assert client.post(f"/orders/{order['id']}/{step}").status_code == 201
    assert_problem(
        client.post(f"/orders/{order['id']}/{action}"), 409, detail_contains=f"is {state}"
    )


# ---- ETag / If-Match ---------------------------------------------------------------------------
def test_if_match(client: TestClient) -> None:
    order = create_order(client)
    path = f"/orders/{order['id']}"
    assert client.get(path).headers["etag"] == '"1"'
    held = client.post(f"{path}/hold", headers={"If-Match": '"1"'})
    assert held.status_code == 201 and held.headers["etag"] == '"2"'
    stale = client.post(f"{path}/release", headers={"If-Match": '"1"'})
    assert_problem(stale, 412, detail_contains='"2"')
    assert_problem(client.patch(path, json={"notes": "x"}, headers={"If-Match": '"1"'}), 412)
    assert_problem(client.put(path, json=UPDATE_REQUEST, headers={"If-Match": '"7"'}), 412)
    assert client.get(path).json()["orderStatus"] == "HELD"
    assert client.post(f"{path}/release", headers={"If-Match": 'W/"2"'}).status_code == 201
    assert client.post(f"{path}/hold", headers={"If-Match": "*"}).status_code == 201


# ---- errors ------------------------------------------------------------------------------------
def test_unknown_route_and_method_are_problems(client: TestClient) -> None:
    assert_problem(client.get("/nowhere"), 404)
    assert_problem(client.delete("/orders/x"), 405)


# ---- inputs schemathesis found (tests/system/test_fuzz.py) --------------------------------------------
def test_405_lists_every_method_the_spec_declares(client: TestClient) -> None:
    response = client.delete("/orders/ORD-1")
    assert_problem(response, 405)
    assert response.headers["allow"] == "GET, PATCH, PUT"
    assert client.delete("/orders/ORD-1/notification").headers["allow"] == "GET, POST"


def test_body_that_is_not_utf8_is_a_400(client: TestClient) -> None:
    response = client.post(
        "/orders", content=b'{"buyerId": "\xa8"}', headers={"content-type": "application/json"}
    )
    body = assert_problem(response, 400, detail_contains="utf-8")
    assert body["errors"][0]["pointer"] == "/"


def test_the_date_time_pattern_is_the_calendar(client: TestClient) -> None:
    """Days a month has not, year 0, a leap second and February 29 of a common year do not match
    the spec's pattern: a 400 naming the field or parameter. February 29 of a leap year does."""
    response = client.post(
        "/orders",
        json={
            **CREATE_REQUEST,
            "orderDate": "2016-02-30T10:00Z",
            "requestedCompletionDate": "2016-10-11T17:20:60+01:00",
            "requestedStartDate": "0000-01-01T00:00Z",
        },
    )
    body = assert_problem(response, 400)
    assert {e["pointer"] for e in body["errors"]} == {
        "/orderDate",
        "/requestedCompletionDate",
        "/requestedStartDate",
    }
    for unreal in ("2016-04-31T00:00Z", "2015-02-29T00:00Z", "1900-02-29T00:00Z"):
        listed = client.get("/orders", params={"orderDateFrom": unreal})
        assert assert_problem(listed, 400)["errors"][0]["parameter"] == "orderDateFrom"
    assert client.get("/orders", params={"buyerId": "Verizon"}).json()["available"] == 0
    leap = {"orderDate": "2000-02-29T10:00Z", "requestedStartDate": "2016-02-29T23:59:59.5Z"}
    assert create_order(client, **leap)["orderDate"] == "2000-02-29T10:00Z"


def test_date_times_stay_within_the_years_1_to_9999_in_utc(client: TestClient) -> None:
    """Instants are stored in UTC, so in the years 0001 and 9999 the pattern admits the UTC
    offset only (an offset could take the instant out of them: that was a 500). The bounds
    themselves are stored and found."""
    response = client.post(
        "/orders",
        json={
            **CREATE_REQUEST,
            "orderDate": "0001-01-01T00:30+01:00",
            "requestedCompletionDate": "9999-12-31T23:59-00:01",
        },
    )
    body = assert_problem(response, 400)
    assert {e["pointer"] for e in body["errors"]} == {"/orderDate", "/requestedCompletionDate"}
    listed = client.get("/orders", params={"orderDateTo": "0001-01-01T00:00+00:01"})
    assert assert_problem(listed, 400)["errors"][0]["parameter"] == "orderDateTo"

    first = create_order(
        client, orderDate="0001-01-01T00:00Z", requestedCompletionDate="9999-12-31T23:59:59-00:00"
    )
    found = client.get("/orders", params={"orderDateTo": "0001-01-01T00:01+00:00"}).json()
    assert [o["id"] for o in found["items"]] == [first["id"]]
    assert client.get(f"/orders/{first['id']}").json() == first


def test_an_instant_outside_the_years_1_to_9999_in_utc_is_not_parsed() -> None:
    """Behind the pattern, the handlers' own check of date-times (a 422 naming the field) also
    refuses an instant the databases cannot store in UTC, rather than failing on it (a 500)."""
    assert parse_instant("0001-01-01T01:00+01:00").year == 1
    for value in ("0001-01-01T00:30+01:00", "9999-12-31T23:59-00:01"):
        with pytest.raises(ValueError, match="outside the years 1 to 9999"):
            parse_instant(value)


# ---- found by fuzzing (tests/system/test_fuzz.py, nox -s fuzz) -------------------------------------
def test_text_with_a_nul_character_is_a_422_on_both_databases(client: TestClient) -> None:
    """PostgreSQL stores no U+0000 in text or JSON (it answered 500); SQLite would: both refuse
    it alike, naming every field, before anything is stored."""
    contact = {**CREATE_REQUEST["buyerOrderContact"], "email": "a\u0000@b"}
    response = client.post(
        "/orders", json={**CREATE_REQUEST, "notes": "x\u0000y", "buyerOrderContact": contact}
    )
    body = assert_problem(response, 422, detail_contains=("U+0000", "/notes"))
    assert [e["pointer"] for e in body["errors"]] == ["/buyerOrderContact/email", "/notes"]
    assert client.get("/orders", params={"buyerId": "Verizon"}).json()["available"] == 0

    order = create_order(client)
    patched = client.patch(f"/orders/{order['id']}", json={"notes": "\u0000"}, headers=MERGE_PATCH)
    assert assert_problem(patched, 422)["errors"] == [
        {"pointer": "/notes", "detail": "must not contain the NUL character (U+0000)"}
    ]
    assert client.get(f"/orders/{order['id']}").headers["etag"] == '"1"'

    for path, params in (
        ("/orders", {"buyerId": "Veri\u0000zon"}),
        ("/orders", {"pon": "\u0000"}),
        ("/orders/ORD-%00", {}),
        ("/orders/ORD-%00/notifications", {}),
    ):
        body = assert_problem(client.get(path, params=params), 422, detail_contains="U+0000")
        assert body["errors"][0]["parameter"] in {"buyerId", "pon", "id"}
