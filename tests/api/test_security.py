"""Security: who may call what (tokens, roles, buyer isolation), and hostile input."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest
from sqlalchemy import text
from starlette.testclient import TestClient
from typer.testing import CliRunner

from app.cli import cli
from app.main import create_app
from app.settings import Settings, project_config
from app.storage.database import make_engine
from specfirst.document import HTTP_METHODS, load_spec
from tests.helpers import (
    CREATE_REQUEST,
    NOTIFICATION_SEED,
    PUBLIC_CALLBACK,
    assert_problem,
    create_order,
)
from tests.servers import bearer

SPEC_DOCUMENT = load_spec(project_config().spec)

OPERATIONS = {
    op["operationId"]: (method.upper(), path, op)
    for path, item in SPEC_DOCUMENT["paths"].items()
    for method, op in item.items()
    if method in HTTP_METHODS
}


@pytest.fixture
def settings(settings: Settings) -> Settings:
    """No remembered tokens: a revoked token fails at once."""
    return settings.model_copy(update={"token_cache_seconds": 0.0})


@pytest.fixture
def anonymous(settings: Settings) -> Iterator[TestClient]:
    with create_app(settings).test_client() as test_client:
        yield test_client


# The bodies of the seller's moves, by the last segment of their path.
SELLER_BODIES: dict[str, dict[str, str]] = {
    "fail": {"reason": "no fibre to the site"},
    "jeopardy": {"reason": "permit delayed", "expectedCompletionDate": "2099-01-01T00:00Z"},
    "milestones": {"name": "site survey", "date": "2030-01-01T00:00Z"},
}


def request_for(operation_id: str, order_id: str) -> tuple[str, str, dict[str, Any]]:
    """A valid request of the operation about ``order_id`` (the seed's bodies)."""
    method, path, op = OPERATIONS[operation_id]
    kwargs: dict[str, Any] = {}
    if "requestBody" in op:
        if path == "/hub":
            kwargs["json"] = {"callback": PUBLIC_CALLBACK}
        elif "notification" in path:
            kwargs["json"] = {**NOTIFICATION_SEED[0], "orderId": order_id}
        elif path.endswith(("/fail", "/jeopardy", "/milestones")):
            kwargs["json"] = SELLER_BODIES[path.rsplit("/", 1)[1]]
        elif method == "PATCH":
            kwargs["json"] = {"notes": "patched"}
        else:
            kwargs["json"] = {**CREATE_REQUEST, "buyerOrderVersion": "2"}
            if method == "POST":
                kwargs["json"] = {**CREATE_REQUEST, "buyerPurchaseOrderNumber": "PO-NEW"}
    reference = CREATE_REQUEST["orderItems"][0]["orderItemReference"]
    return method, path.replace("{id}", order_id).replace("{orderItemReference}", reference), kwargs


def roles(operation_id: str) -> list[str]:
    found: list[str] = OPERATIONS[operation_id][2]["x-roles"]
    return found


def test_every_operation_is_secured_and_declares_its_roles() -> None:
    assert SPEC_DOCUMENT["security"] == [{"bearerAuth": []}]
    for operation_id, (_, _, op) in OPERATIONS.items():
        assert set(roles(operation_id)) <= {"buyer", "seller"} and roles(operation_id)
        assert "401" in op["responses"], operation_id


def test_every_operation_takes_an_api_token_or_an_oauth2_token_with_its_one_scope() -> None:
    """As MEF LSO Sonata: one scope per operation, named as the operation; an operation added
    without its scope (or opting out of security) fails here."""
    scheme = SPEC_DOCUMENT["components"]["securitySchemes"]["oauth2"]
    declared = scheme["flows"]["clientCredentials"]["scopes"]
    for operation_id, (_, _, op) in OPERATIONS.items():
        assert op.get("security") == [{"bearerAuth": []}, {"oauth2": [operation_id]}], operation_id
        assert operation_id in declared, operation_id
    assert set(declared) == set(OPERATIONS)  # no scope that no operation needs


@pytest.mark.parametrize("operation_id", sorted(OPERATIONS))
@pytest.mark.parametrize(
    "authorization",
    [None, "", "Bearer", "Basic dXNlcjpwdw==", "Bearer not-a-token", "bearer oat_made-up"],
)
def test_no_valid_token_is_a_401_problem(
    anonymous: TestClient, operation_id: str, authorization: str | None
) -> None:
    method, path, kwargs = request_for(operation_id, "ORD-1")
    headers = {} if authorization is None else {"Authorization": authorization}
    response = anonymous.request(method, path, headers=headers, **kwargs)
    assert_problem(response, 401)
    # RFC 6750: a token that was sent and refused is named invalid; no token, just the scheme.
    sent = authorization is not None and authorization.lower().startswith("bearer ")
    assert response.headers["www-authenticate"] == (
        'Bearer error="invalid_token"' if sent else "Bearer"
    )
    assert response.json()["title"] == "Unauthorized"


def test_public_routes_need_no_token(anonymous: TestClient) -> None:
    for path in ("/healthz", "/openapi.json", "/openapi.yaml", "/ui/"):
        assert anonymous.get(path).status_code == 200, path


def test_a_revoked_token_stops_working(anonymous: TestClient, settings: Settings) -> None:
    runner = CliRunner(env={"ORDERS_DATABASE_URL": settings.database_url})
    issued = runner.invoke(cli, ["token", "issue", "--party", "Verizon", "--role", "buyer"])
    assert issued.exit_code == 0, issued.output
    token = issued.stdout.strip().splitlines()[-1]
    assert token.startswith("oat_")
    auth = {"Authorization": f"Bearer {token}"}
    assert anonymous.get("/orders", headers=auth).status_code == 200
    listed = runner.invoke(cli, ["token", "list"])
    [line] = listed.stdout.splitlines()
    token_id, party, role, _, state = line.split("\t")
    assert (party, role, state) == ("Verizon", "buyer", "live")
    assert token not in listed.output
    assert runner.invoke(cli, ["token", "revoke", token_id]).exit_code == 0
    assert anonymous.get("/orders", headers=auth).status_code == 401
    assert runner.invoke(cli, ["token", "revoke", token_id]).exit_code == 1  # already revoked
    assert runner.invoke(cli, ["token", "issue", "--party", "X", "--role", "admin"]).exit_code != 0


def test_only_the_hash_of_a_token_is_stored(settings: Settings, anonymous: TestClient) -> None:
    auth = bearer(settings.database_url, "Verizon", "buyer")
    token = auth["Authorization"].removeprefix("Bearer ")
    with make_engine(settings.database_url).connect() as connection:
        rows = [tuple(map(str, r)) for r in connection.execute(text("SELECT * FROM api_tokens"))]
    assert rows and not any(token in value for row in rows for value in row)


@pytest.mark.parametrize("operation_id", sorted(OPERATIONS))
def test_each_role_may_call_only_its_operations(
    client: TestClient, seller_auth: dict[str, str], operation_id: str
) -> None:
    order = create_order(client)
    method, path, kwargs = request_for(operation_id, order["id"])
    as_seller = client.request(method, path, headers=seller_auth, **kwargs)
    as_buyer = client.request(method, path, **kwargs)  # Verizon, the order's buyer
    for role, response in (("seller", as_seller), ("buyer", as_buyer)):
        if role in roles(operation_id):
            assert response.status_code < 400 or response.status_code in (404, 409), response.text
        else:
            assert response.status_code == 403, response.text
            assert f"for the {' or '.join(roles(operation_id))} role" in response.json()["detail"]


# Every operation on Verizon's order, called by another buyer: as if the order did not exist.
# (Another buyer's hub: tests/api/test_hub.py.)
FOREIGN = sorted(
    op
    for op in OPERATIONS
    if "buyer" in roles(op) and op != "createOrder" and "/hub" not in OPERATIONS[op][1]
)


@pytest.mark.parametrize("operation_id", FOREIGN)
def test_another_buyers_order_is_not_found(
    client: TestClient, settings: Settings, operation_id: str
) -> None:
    order = create_order(client)
    client.post(f"/orders/{order['id']}/hold")  # a notification exists too
    other = bearer(settings.database_url, "AT&T", "buyer")
    method, path, kwargs = request_for(operation_id, order["id"])
    if operation_id == "listOrders":
        path = f"/orders?id={order['id']}"
    response = client.request(method, path, headers=other, **kwargs)
    assert response.status_code == 404, response.text
    assert order["id"] in response.json()["detail"]  # says what was asked, nothing more
    assert "Verizon" not in response.text
    revisions = client.get(f"/orders/{order['id']}/revisions").json()
    assert revisions["available"] == 2  # created, held: nothing the other buyer sent


def test_a_buyer_lists_and_orders_for_itself_only(client: TestClient, settings: Settings) -> None:
    create_order(client)
    other = bearer(settings.database_url, "AT&T", "buyer")
    mine = client.get("/orders").json()  # no buyerId: the caller's own
    assert mine["available"] == 1
    assert client.get("/orders", headers=other).json()["available"] == 0
    assert client.get("/orders", params={"pon": "PO-12345"}, headers=other).status_code == 404
    foreign = client.get("/orders", params={"buyerId": "Verizon"}, headers=other)
    assert foreign.status_code == 403
    assert "buyerId must be 'AT&T'" in foreign.json()["detail"]
    created = client.post("/orders", json=CREATE_REQUEST, headers=other)
    assert created.status_code == 403
    assert client.get("/orders").json()["available"] == 1  # nothing was stored


def test_the_seller_sees_every_buyers_orders(
    client: TestClient, settings: Settings, seller_auth: dict[str, str]
) -> None:
    order = create_order(client)
    other = bearer(settings.database_url, "AT&T", "buyer")
    assert (
        client.post(
            "/orders", json={**CREATE_REQUEST, "buyerId": "AT&T"}, headers=other
        ).status_code
        == 201
    )
    assert client.get("/orders", headers=seller_auth).json()["available"] == 2
    assert client.get(f"/orders/{order['id']}", headers=seller_auth).status_code == 200
    verizon = client.get("/orders", params={"buyerId": "Verizon"}, headers=seller_auth).json()
    assert [o["id"] for o in verizon["items"]] == [order["id"]]


# ---- hostile input ----------------------------------------------------------------------


def orders_stored(client: TestClient) -> int:
    count: int = client.get("/orders").json()["available"]
    return count


def test_a_body_over_the_limit_is_413_and_stores_nothing(settings: Settings) -> None:
    small = settings.model_copy(update={"max_body_bytes": 4096})
    with create_app(small).test_client() as client:
        client.headers.update(bearer(settings.database_url, "Verizon", "buyer"))
        big = {**CREATE_REQUEST, "notes": "x" * 3000}
        response = client.post("/orders", json=big)
        assert_problem(response, 413)
        assert "4096 bytes" in response.json()["detail"]

        def chunks() -> Iterator[bytes]:  # no Content-Length
            yield b'{"notes": "'
            for _ in range(10):
                yield b"y" * 1000
            yield b'"}'

        chunked = client.post(
            "/orders", content=chunks(), headers={"content-type": "application/json"}
        )
        assert_problem(chunked, 411)  # Connexion needs a Content-Length
        assert response.headers["x-request-id"]  # logged like any answer
        assert orders_stored(client) == 0


def test_wrong_content_type_is_415(client: TestClient) -> None:
    response = client.post(
        "/orders", content=b"buyerId=Verizon", headers={"content-type": "text/plain"}
    )
    assert_problem(response, 415)
    assert orders_stored(client) == 0


@pytest.mark.parametrize(
    "body",
    [b'{"buyerId": ', b"\xff\xfe", b'{"a":' * 100_000 + b"1" + b"}" * 100_000, b"[" * 50_000],
    ids=["truncated", "not-utf8", "nested-100000-deep", "unclosed-arrays"],
)
def test_malformed_or_deeply_nested_json_is_400(client: TestClient, body: bytes) -> None:
    response = client.post("/orders", content=body, headers={"content-type": "application/json"})
    assert_problem(response, 400)
    assert orders_stored(client) == 0


@pytest.mark.parametrize(
    ("body", "content_type"),
    [
        (b'{"buyerId": "Verizon"}', "application/json;charset=nope"),
        (b'{"buyerId": "Verizon"}', "application/json;charset="),
        (b'{"notes": ' + b"1" * 4301 + b"}", "application/json"),
    ],
    ids=["unknown-charset", "empty-charset", "integer-of-4301-digits"],
)
def test_a_body_python_cannot_decode_is_400_not_500(
    client: TestClient, body: bytes, content_type: str
) -> None:
    # An unknown codec raises LookupError, and json.loads refuses a very long integer with a
    # plain ValueError: neither is a UnicodeDecodeError or a JSONDecodeError.
    response = client.post("/orders", content=body, headers={"content-type": content_type})
    assert_problem(response, 400)
    assert orders_stored(client) == 0


def test_strings_and_arrays_are_bounded_by_the_spec(client: TestClient) -> None:
    huge = client.post(
        "/orders", json={**CREATE_REQUEST, "notes": "n" * 5000, "projectId": "p" * 300}
    )
    assert huge.status_code == 400
    pointers = {e["pointer"] for e in huge.json()["errors"]}
    assert {"/notes", "/projectId"} <= pointers
    item = CREATE_REQUEST["orderItems"][1]
    many = client.post("/orders", json={**CREATE_REQUEST, "orderItems": [item] * 1001})
    assert many.status_code == 400
    assert "/orderItems" in {e["pointer"] for e in many.json()["errors"]}
    long_id = client.get("/orders/" + "O" * 65)
    assert long_id.status_code == 400
    assert orders_stored(client) == 0


@pytest.mark.parametrize(
    "value", ["' OR '1'='1", "Verizon'; DROP TABLE orders; --", '" OR ""="', "%' --", "\\x00"]
)
def test_injection_shaped_values_are_just_values(client: TestClient, value: str) -> None:
    order = create_order(client)
    for params in ({"pon": value}, {"id": value}):
        response = client.get("/orders", params=params)
        assert_problem(response, 400 if response.status_code == 400 else 404)
    assert client.get(f"/orders/{value}").status_code in (400, 404)
    assert client.get(f"/orders/{order['id']}").status_code == 200  # the table is intact
    assert orders_stored(client) == 1


def test_unknown_query_parameters_and_odd_headers_are_refused_cleanly(client: TestClient) -> None:
    order = create_order(client)
    unknown = client.get("/orders", params={"buyerID": "Verizon", "sort": "id;DROP"})
    assert unknown.status_code == 400
    assert {e["parameter"] for e in unknown.json()["errors"]} == {"buyerID", "sort"}
    odd = client.post(
        f"/orders/{order['id']}/hold",
        headers={"If-Match": '"1", W/"\\u0000", *garbage', "X-Request-ID": "a b\tc"},
    )
    assert odd.status_code in (201, 412)
    assert re.fullmatch(r"[0-9a-f-]{36}", odd.headers["x-request-id"])  # not echoed


def test_security_headers_on_every_answer(client: TestClient) -> None:
    for response in (client.get("/orders"), client.get("/orders/ORD-NONE"), client.get("/ui/")):
        assert response.headers["x-content-type-options"] == "nosniff"
        assert response.headers["x-frame-options"] == "DENY"
        assert response.headers["referrer-policy"] == "no-referrer"
        assert response.headers["cache-control"] == "no-store"
        assert "frame-ancestors 'none'" in response.headers["content-security-policy"]
    assert client.get("/orders").headers["content-security-policy"].startswith("default-src 'none'")
