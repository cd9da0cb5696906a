"""OAuth2 client credentials end to end: a real authorization server (node-oidc-provider, started
here on 127.0.0.1) issues JWT access tokens by the client credentials grant, and the service
(uvicorn) accepts them for both roles; expired, foreign-audience, foreign-issuer, unknown-key and
tampered tokens are 401s, a missing scope a 403; the server's keys rotate while the service
runs."""

from __future__ import annotations

import base64
import json
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from tests.helpers import CREATE_REQUEST, assert_problem
from tests.oauth2 import AUDIENCE, Client, Provider, SigningKey, auth, provider
from tests.ports import free_port
from tests.servers import Server, running

BUYER = Client(
    "buyer-app", "listOrders createOrder getOrder", {"party": "Verizon", "role": "buyer"}
)
SELLER = Client("seller-app", "listOrders getOrder", {"party": "Lumen", "role": "seller"})
# Lifetimes count whole seconds from a truncated issue time, so one second may be nearly none.
SHORT_LIVED = Client("short-lived", "listOrders", {"party": "Verizon", "role": "buyer"}, ttl=3)
CLIENTS = [BUYER, SELLER, SHORT_LIVED]
OTHER_AUDIENCE = "urn:another-api"
# The service looks for a rotated key at most once per this many seconds.
REFETCH_SECONDS = 1.0


@pytest.fixture
def key() -> SigningKey:
    return SigningKey("as-key-1")


@pytest.fixture
def port() -> int:
    return free_port()


@pytest.fixture
def authorization_server(tmp_path: Path, key: SigningKey, port: int) -> Iterator[Provider]:
    with provider(tmp_path, [key], CLIENTS, port=port, audiences=[AUDIENCE, OTHER_AUDIENCE]) as p:
        yield p


@pytest.fixture
def service(tmp_path: Path, authorization_server: Provider) -> Iterator[Server]:
    env = {
        "ORDERS_OAUTH2_ISSUER": authorization_server.issuer,
        "ORDERS_OAUTH2_JWKS_URL": authorization_server.jwks_url,
        "ORDERS_OAUTH2_AUDIENCE": AUDIENCE,
        "ORDERS_OAUTH2_PARTY_CLAIM": "party",
        "ORDERS_OAUTH2_LEEWAY_SECONDS": "0",
        "ORDERS_OAUTH2_JWKS_REFETCH_SECONDS": str(REFETCH_SECONDS),
        "ORDERS_WORKER": "false",
    }
    with running(f"sqlite:///{tmp_path / 'orders.db'}", tmp_path / "service.log", env=env) as s:
        yield s


def test_client_credentials_grant_then_api_calls_of_both_roles(
    authorization_server: Provider, service: Server
) -> None:
    buyer = authorization_server.token(BUYER, BUYER.scope)
    created = httpx.post(f"{service.url}/orders", json=CREATE_REQUEST, headers=auth(buyer))
    assert created.status_code == 201, created.text
    order = created.json()
    assert order["buyerId"] == "Verizon"
    again = httpx.get(f"{service.url}/orders/{order['id']}", headers=auth(buyer))
    assert again.status_code == 200, again.text

    seller = authorization_server.token(SELLER, SELLER.scope)
    listed = httpx.get(f"{service.url}/orders", params={"buyerId": "Verizon"}, headers=auth(seller))
    assert listed.status_code == 200, listed.text
    assert [o["id"] for o in listed.json()["items"]] == [order["id"]]


def test_a_scope_the_token_lacks_is_a_403_naming_it(
    authorization_server: Provider, service: Server
) -> None:
    # The client asks for a scope it may not have: the server leaves it out of the token.
    token = authorization_server.token(BUYER, "listOrders cancelOrder")
    response = httpx.post(f"{service.url}/orders/ORD-1/cancel", json={}, headers=auth(token))
    assert_problem(response, 403)
    assert "cancelOrder" in response.json()["detail"]


def claims_of(token: str) -> dict[str, object]:
    payload = token.split(".")[1]
    claims: dict[str, object] = json.loads(
        base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4))
    )
    return claims


def refused(service: Server, token: str, reason: str) -> None:
    response = httpx.get(f"{service.url}/orders", headers=auth(token))
    assert_problem(response, 401)
    assert response.headers["www-authenticate"] == 'Bearer error="invalid_token"'
    assert reason in response.json()["detail"]


def test_expired_foreign_and_tampered_tokens_are_401s(
    tmp_path: Path, key: SigningKey, authorization_server: Provider, service: Server
) -> None:
    short = authorization_server.token(SHORT_LIVED, "listOrders")
    assert httpx.get(f"{service.url}/orders", headers=auth(short)).status_code == 200
    expires = claims_of(short)["exp"]
    assert isinstance(expires, int)
    time.sleep(max(0.0, expires - time.time()) + 1.1)  # the service allows no clock skew here
    refused(service, short, "expired")

    other_api = authorization_server.token(BUYER, "listOrders", resource=OTHER_AUDIENCE)
    refused(service, other_api, "not for this API")

    token = authorization_server.token(BUYER, "listOrders")
    header, _, signature = token.split(".")
    claims = claims_of(token)
    claims["party"] = "Acme"
    forged = base64.urlsafe_b64encode(json.dumps(claims).encode()).rstrip(b"=").decode()
    refused(service, f"{header}.{forged}.{signature}", "signature does not verify")

    # Another authorization server, even with the same key, is not the configured issuer.
    with provider(tmp_path, [key], CLIENTS) as other:
        refused(service, other.token(BUYER, "listOrders"), "not issued by")
    # One whose key the configured server does not publish.
    with provider(tmp_path, [SigningKey("unknown-key")], CLIENTS) as rogue:
        refused(service, rogue.token(BUYER, "listOrders"), "does not publish")


def test_keys_rotate_while_the_service_runs(
    tmp_path: Path, key: SigningKey, port: int, authorization_server: Provider, service: Server
) -> None:
    old = authorization_server.token(BUYER, "listOrders")
    assert httpx.get(f"{service.url}/orders", headers=auth(old)).status_code == 200
    # The authorization server restarts signing with a new key; it still publishes the old one.
    authorization_server.process.terminate()
    authorization_server.process.wait(timeout=20)
    new_key = SigningKey("as-key-2")
    with provider(tmp_path, [new_key, key], CLIENTS, port=port) as rotated:
        time.sleep(REFETCH_SECONDS)
        new = rotated.token(BUYER, "listOrders")
        assert new.split(".")[0] != old.split(".")[0]  # another kid
        assert httpx.get(f"{service.url}/orders", headers=auth(new)).status_code == 200
        assert httpx.get(f"{service.url}/orders", headers=auth(old)).status_code == 200
