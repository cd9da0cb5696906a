"""OAuth2 access tokens at the API: signed by a key of the configured JWKS (served on loopback by
the test), with the right issuer, audience, times, scopes and claims; everything else a 401
saying why, a missing scope a 403 naming it. The end-to-end run against a real authorization
server is tests/system/test_oauth2_server.py."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import time
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from cryptography.hazmat.primitives import serialization
from starlette.testclient import TestClient

from app.main import create_app
from app.settings import Settings
from tests.helpers import CREATE_REQUEST, assert_problem
from tests.oauth2 import AUDIENCE, JwksServer, SigningKey, auth
from tests.ports import free_port
from tests.servers import bearer

ISSUER = "http://127.0.0.1:1/authorization-server"  # only compared, never called
KEY = SigningKey("key-1")
ROGUE = SigningKey("rogue")  # a key the authorization server does not publish
BUYER_SCOPES = "listOrders createOrder getOrder"


@pytest.fixture
def jwks() -> Iterator[JwksServer]:
    with JwksServer([KEY]).serving() as server:
        yield server


def oauth2_settings(settings: Settings, jwks_url: str, **changes: Any) -> Settings:
    return Settings(
        **{
            **settings.model_dump(),
            "oauth2_issuer": ISSUER,
            "oauth2_jwks_url": jwks_url,
            "oauth2_audience": AUDIENCE,
            "oauth2_party_claim": "party",
            "oauth2_leeway_seconds": 30,
            **changes,
        }
    )


@pytest.fixture
def api(settings: Settings, jwks: JwksServer) -> Iterator[TestClient]:
    with create_app(oauth2_settings(settings, jwks.url)).test_client() as test_client:
        yield test_client


def claims(**changes: Any) -> dict[str, Any]:
    """A buyer's access token's claims, as an authorization server issues them."""
    now = int(time.time())
    found = {
        "iss": ISSUER,
        "aud": AUDIENCE,
        "sub": "buyer-app",
        "client_id": "buyer-app",
        "party": "Verizon",
        "role": "buyer",
        "scope": BUYER_SCOPES,
        "iat": now,
        "exp": now + 300,
        **changes,
    }
    return {name: value for name, value in found.items() if value is not None}


def test_a_buyer_and_a_seller_call_with_access_tokens(api: TestClient) -> None:
    created = api.post("/orders", json=CREATE_REQUEST, headers=auth(KEY.sign(claims())))
    assert created.status_code == 201, created.text
    order = created.json()
    assert order["buyerId"] == "Verizon"  # the party claim
    mine = api.get(f"/orders/{order['id']}", headers=auth(KEY.sign(claims())))
    assert mine.status_code == 200, mine.text
    seller = claims(party="Lumen", role="seller", scope="listOrders getOrder")
    listed = api.get("/orders", params={"buyerId": "Verizon"}, headers=auth(KEY.sign(seller)))
    assert listed.status_code == 200, listed.text
    assert [o["id"] for o in listed.json()["items"]] == [order["id"]]
    # another buyer's token sees none of Verizon's orders
    other = KEY.sign(claims(party="Acme"))
    assert api.get(f"/orders/{order['id']}", headers=auth(other)).status_code == 404


def test_api_tokens_keep_working_alongside(api: TestClient, settings: Settings) -> None:
    assert (
        api.get("/orders", headers=bearer(settings.database_url, "Verizon", "buyer")).status_code
        == 200
    )


def unsigned(payload: dict[str, Any]) -> str:
    header = {"alg": "none", "typ": "JWT", "kid": KEY.kid}
    return f"{b64(json.dumps(header).encode())}.{b64(json.dumps(payload).encode())}."


def hs256_with_the_public_key() -> str:
    """The algorithm-confusion attack: HS256 signed with the public key as the HMAC secret (by
    hand: PyJWT refuses to use a PEM as a secret)."""
    secret = KEY.private.public_key().public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
    )
    header = {"alg": "HS256", "typ": "JWT", "kid": KEY.kid}
    signing_input = f"{b64(json.dumps(header).encode())}.{b64(json.dumps(claims()).encode())}"
    signature = hmac.new(secret, signing_input.encode(), hashlib.sha256).digest()
    return f"{signing_input}.{b64(signature)}"


def b64(value: bytes) -> str:
    return base64.urlsafe_b64encode(value).rstrip(b"=").decode()


def tampered() -> str:
    """A real token whose payload was changed (the role raised to seller) after signing."""
    header, _, signature = KEY.sign(claims()).split(".")
    return f"{header}.{b64(json.dumps(claims(role='seller')).encode())}.{signature}"


BAD_TOKENS: dict[str, tuple[Callable[[], str], str]] = {
    "expired": (lambda: KEY.sign(claims(exp=int(time.time()) - 60)), "expired"),
    "not yet valid": (lambda: KEY.sign(claims(nbf=int(time.time()) + 120)), "not valid yet"),
    "wrong issuer": (lambda: KEY.sign(claims(iss="http://127.0.0.1:2/other")), "not issued by"),
    "wrong audience": (lambda: KEY.sign(claims(aud="urn:another-api")), "not for this API"),
    "no expiry": (lambda: KEY.sign(claims(exp=None)), "'exp'"),
    "unknown key": (lambda: ROGUE.sign(claims()), "does not publish ('rogue')"),
    "tampered": (tampered, "signature does not verify"),
    "alg none": (lambda: unsigned(claims()), "algorithm"),
    "HS256 with the public key": (hs256_with_the_public_key, "algorithm"),
    "no party": (lambda: KEY.sign(claims(party=None)), "names no party"),
    "unknown role": (lambda: KEY.sign(claims(role="admin")), "'role' claim"),
    "not a JWT": (lambda: "eyJ.not-a.jwt", "not a JWT"),
    "an API token": (lambda: "oat_made-up", "Provided token is not valid"),
}


@pytest.mark.parametrize("case", sorted(BAD_TOKENS))
def test_a_bad_token_is_a_401_saying_why(api: TestClient, case: str) -> None:
    make, reason = BAD_TOKENS[case]
    response = api.get("/orders", headers=auth(make()))
    assert_problem(response, 401)
    assert response.headers["www-authenticate"] == 'Bearer error="invalid_token"'
    assert reason in response.json()["detail"]


def test_clock_skew_within_the_leeway_is_accepted(api: TestClient) -> None:
    now = int(time.time())
    skewed = claims(exp=now - 10, nbf=now + 10)  # the leeway is 30 s
    assert api.get("/orders", headers=auth(KEY.sign(skewed))).status_code == 200


def test_a_missing_scope_is_a_403_naming_it(api: TestClient) -> None:
    token = KEY.sign(claims(scope="listOrders"))
    response = api.post("/orders", json=CREATE_REQUEST, headers=auth(token))
    assert_problem(response, 403)
    assert "createOrder" in response.json()["detail"]
    assert (
        response.headers["www-authenticate"]
        == 'Bearer error="insufficient_scope", scope="createOrder"'
    )


def test_a_role_the_operation_does_not_admit_is_a_403(api: TestClient) -> None:
    seller = KEY.sign(claims(role="seller", scope="createOrder"))
    response = api.post("/orders", json=CREATE_REQUEST, headers=auth(seller))
    assert_problem(response, 403)
    assert "buyer role" in response.json()["detail"]


ROLE_CLAIMS: dict[str, dict[str, Any]] = {
    # ORDERS_OAUTH2_ROLE_CLAIM: the claims that carry a buyer's role there.
    "roles": {"roles": ["orders-reader", "buyer"]},  # a list (Azure AD)
    "realm_access.roles": {"realm_access": {"roles": ["offline_access", "buyer"]}},  # Keycloak
    "https://orders.example/role": {"https://orders.example/role": "buyer"},  # namespaced
    "scope": {"scope": f"{BUYER_SCOPES} buyer"},  # a scope names the role
}


@pytest.mark.parametrize("role_claim", sorted(ROLE_CLAIMS))
def test_the_role_claim_may_be_a_list_a_nested_claim_or_the_scopes(
    settings: Settings, jwks: JwksServer, role_claim: str
) -> None:
    configured = oauth2_settings(settings, jwks.url, oauth2_role_claim=role_claim)
    with create_app(configured).test_client() as api:
        token = KEY.sign(claims(role=None, **ROLE_CLAIMS[role_claim]))
        assert api.post("/orders", json=CREATE_REQUEST, headers=auth(token)).status_code == 201
        both = KEY.sign(claims(roles=["buyer", "seller"]))
        if role_claim == "roles":
            response = api.get("/orders", headers=auth(both))
            assert_problem(response, 401, detail_contains="'roles' claim names several roles")
        none = KEY.sign(claims(role=None, roles=["orders-reader"], realm_access={}))
        response = api.get("/orders", headers=auth(none))
        assert_problem(response, 401, detail_contains=f"{role_claim!r} claim names none of")


def test_keys_rotate_without_a_restart_and_unknown_kids_cannot_flood_the_server(
    settings: Settings, jwks: JwksServer
) -> None:
    interval = 3.0
    # Every key and token made beforehand: the flood below must fit in the refetch interval.
    rotated = SigningKey("key-2")
    flood = [SigningKey(f"made-up-{n}").sign(claims()) for n in range(2)] + [
        ROGUE.sign(claims()) for _ in range(18)
    ]
    app = create_app(oauth2_settings(settings, jwks.url, oauth2_jwks_refetch_seconds=interval))
    with app.test_client() as api:
        assert api.get("/orders", headers=auth(KEY.sign(claims()))).status_code == 200
        first_fetch = time.monotonic()
        assert jwks.fetches == 1
        assert api.get("/orders", headers=auth(KEY.sign(claims()))).status_code == 200
        assert jwks.fetches == 1  # kept
        jwks.keys = [rotated, KEY]
        # Made-up key ids within the refetch interval: refused without asking the server.
        for token in flood:
            assert api.get("/orders", headers=auth(token)).status_code == 401
        assert time.monotonic() - first_fetch < interval, "the flood took the whole interval"
        assert jwks.fetches == 1
        time.sleep(interval - (time.monotonic() - first_fetch) + 0.1)
        # The interval has passed: the new key id fetches the JWKS again, once.
        assert api.get("/orders", headers=auth(rotated.sign(claims()))).status_code == 200
        assert jwks.fetches == 2
        assert api.get("/orders", headers=auth(KEY.sign(claims()))).status_code == 200
        assert api.get("/orders", headers=auth(ROGUE.sign(claims()))).status_code == 401
        assert jwks.fetches == 2


def test_an_unreachable_jwks_is_a_401_not_a_crash(settings: Settings) -> None:
    closed = f"http://127.0.0.1:{free_port()}/jwks"
    with create_app(oauth2_settings(settings, closed)).test_client() as api:
        response = api.get("/orders", headers=auth(KEY.sign(claims())))
    assert_problem(response, 401)
    assert "could not be fetched" in response.json()["detail"]


def test_without_oauth2_settings_access_tokens_are_refused(settings: Settings) -> None:
    with create_app(settings).test_client() as api:
        response = api.get("/orders", headers=auth(KEY.sign(claims())))
    assert_problem(response, 401)
    assert response.headers["www-authenticate"] == 'Bearer error="invalid_token"'
