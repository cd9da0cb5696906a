"""specfirst.security: every OpenAPI security scheme type, verified by the application's
verifier for that scheme's name, on a small spec served by the framework (a real app through
Connexion's test client); the caller handed to the operation; x-roles optional."""

from __future__ import annotations

import asyncio
import base64
from collections.abc import Awaitable, Callable, Iterator, Mapping
from pathlib import Path
from typing import Any

import pytest
from connexion.lifecycle import ConnexionRequest
from starlette.responses import Response
from starlette.testclient import TestClient

from specfirst import security
from specfirst.security import (
    CALLER,
    Caller,
    Info,
    InvalidCredential,
    SecuritySetupError,
    Verifier,
    bind_verifiers,
    caller,
    challenge,
    scopes_of,
)
from tests.helpers import assert_problem
from tests.specfirst_support import Function, document, json_response, operation, project, service

SCHEMES = {
    "keyHeader": {"type": "apiKey", "in": "header", "name": "X-API-Key"},
    "keyQuery": {"type": "apiKey", "in": "query", "name": "api_key"},
    "keyCookie": {"type": "apiKey", "in": "cookie", "name": "session"},
    "basicAuth": {"type": "http", "scheme": "basic"},
    "bearerAuth": {"type": "http", "scheme": "bearer"},
    "oauth": {
        "type": "oauth2",
        "flows": {
            "clientCredentials": {
                "tokenUrl": "https://auth.example.test/token",
                "scopes": {"read": "Read widgets", "write": "Change widgets"},
            }
        },
    },
    "oidc": {
        "type": "openIdConnect",
        "openIdConnectUrl": "https://auth.example.test/.well-known/openid-configuration",
    },
}
# operationId -> (path, security requirements, x-roles or None)
OPERATIONS: dict[str, tuple[str, list[dict[str, list[str]]], list[str] | None]] = {
    "byHeaderKey": ("/header-key", [{"keyHeader": []}], None),
    "byQueryKey": ("/query-key", [{"keyQuery": []}], None),
    "byCookieKey": ("/cookie-key", [{"keyCookie": []}], None),
    "byBasic": ("/basic", [{"basicAuth": []}], None),
    "byBearer": ("/bearer", [{"bearerAuth": []}], None),
    "byOAuth": ("/oauth", [{"oauth": ["read"]}], None),
    "byOpenIdConnect": ("/oidc", [{"oidc": ["profile"]}], None),
    "forAdmins": ("/admins", [{"bearerAuth": []}], ["admin"]),
    "keyAndBearer": ("/both", [{"keyHeader": [], "bearerAuth": []}], None),
    "keyOrBearer": ("/either", [{"keyHeader": []}, {"bearerAuth": []}], None),
}
SPEC = document(
    {
        path: {"get": operation(operation_id, security=security, roles=roles)}
        for operation_id, (path, security, roles) in OPERATIONS.items()
    },
    components={"securitySchemes": SCHEMES},
)


def table(known: Mapping[str, Info]) -> Verifier:
    async def verify(credential: str) -> Info | None:
        return known.get(credential)

    return verify


async def check_password(username: str, password: str) -> Info | None:
    return {"sub": username, "role": "user"} if password == "open sesame" else None


KEYS = {"k-alice": {"sub": "alice", "plan": "gold"}}
TOKENS = {
    "t-root": {"sub": "root", "role": "admin"},
    "t-bob": {"sub": "bob", "role": "user"},
    "t-norole": {"sub": "nobody"},
}


async def check_bearer(token: str) -> Info | None:
    if token == "t-expired":
        raise InvalidCredential("the token has expired")
    return TOKENS.get(token)


VERIFIERS: dict[str, Verifier] = {
    "keyHeader": table(KEYS),
    "keyQuery": table(KEYS),
    "keyCookie": table(KEYS),
    "basicAuth": check_password,
    "bearerAuth": check_bearer,
    "oauth": table({"o-read": {"sub": "svc", "scope": "read write"}, "o-none": {"sub": "svc"}}),
    "oidc": table({"id-carol": {"sub": "carol", "scopes": ["profile", "email"]}}),
}


def described(who: Caller) -> dict[str, Any]:
    return {
        "scheme": who.scheme,
        "subject": who.subject,
        "role": who.role,
        "scopes": sorted(who.scopes),
        "info": dict(who.info),
    }


def echo(operation_id: str, roles: list[str] | None) -> Function:
    async def answer(_request: ConnexionRequest) -> Response:
        return json_response(described(caller(operation_id, roles or [])))

    return answer


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    config = project(tmp_path_factory.mktemp("secured"), SPEC)
    functions = {op: echo(op, roles) for op, (_, _, roles) in OPERATIONS.items()}
    with TestClient(service(config, functions, verifiers=VERIFIERS)) as test_client:
        yield test_client


def basic(username: str, password: str) -> dict[str, str]:
    encoded = base64.b64encode(f"{username}:{password}".encode()).decode()
    return {"Authorization": f"Basic {encoded}"}


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


@pytest.mark.parametrize(
    ("path", "request_options", "scheme", "subject"),
    [
        ("/header-key", {"headers": {"X-API-Key": "k-alice"}}, "keyHeader", "alice"),
        ("/query-key", {"params": {"api_key": "k-alice"}}, "keyQuery", "alice"),
        ("/cookie-key", {"headers": {"Cookie": "session=k-alice"}}, "keyCookie", "alice"),
        ("/basic", {"headers": basic("dave", "open sesame")}, "basicAuth", "dave"),
        ("/bearer", {"headers": bearer("t-bob")}, "bearerAuth", "bob"),
        ("/oauth", {"headers": bearer("o-read")}, "oauth", "svc"),
        ("/oidc", {"headers": bearer("id-carol")}, "oidc", "carol"),
    ],
)
def test_each_scheme_type_hands_the_operation_its_verified_caller(
    client: TestClient, path: str, request_options: dict[str, Any], scheme: str, subject: str
) -> None:
    response = client.get(path, **request_options)
    assert response.status_code == 200, response.text
    who = response.json()
    assert (who["scheme"], who["subject"]) == (scheme, subject)


@pytest.mark.parametrize(
    ("path", "request_options"),
    [
        ("/header-key", {"headers": {"X-API-Key": "k-mallory"}}),
        ("/header-key", {}),
        ("/query-key", {"params": {"api_key": "wrong"}}),
        ("/cookie-key", {"headers": {"Cookie": "session=wrong"}}),
        ("/cookie-key", {"headers": {"X-API-Key": "k-alice"}}),  # the right key, wrong place
        ("/basic", {"headers": basic("dave", "guess")}),
        ("/basic", {"headers": {"Authorization": "Basic !!not-base64"}}),
        ("/bearer", {"headers": bearer("t-unknown")}),
        ("/bearer", {"headers": basic("dave", "open sesame")}),
        ("/oauth", {"headers": bearer("nope")}),
        ("/oidc", {}),
    ],
)
def test_a_missing_or_refused_credential_is_a_401_problem(
    client: TestClient, path: str, request_options: dict[str, Any]
) -> None:
    body = assert_problem(client.get(path, **request_options), 401)
    assert body["title"] == "Unauthorized"


def test_a_401_says_which_schemes_a_client_can_answer_with(client: TestClient) -> None:
    response = client.get("/bearer")
    assert response.headers["www-authenticate"] == 'Basic realm="Widget Shop API", Bearer'


def test_a_refused_token_is_named_invalid_in_the_challenge(client: TestClient) -> None:
    response = client.get("/bearer", headers=bearer("t-unknown"))
    assert_problem(response, 401)
    assert response.headers["www-authenticate"] == (
        'Basic realm="Widget Shop API", Bearer error="invalid_token"'
    )


def test_a_verifier_says_why_it_refuses_with_invalid_credential(client: TestClient) -> None:
    response = client.get("/bearer", headers=bearer("t-expired"))
    body = assert_problem(response, 401)
    assert body["detail"] == "the token has expired"
    assert 'Bearer error="invalid_token"' in response.headers["www-authenticate"]


def test_the_callers_info_role_and_scopes_are_the_verifiers(client: TestClient) -> None:
    key = client.get("/header-key", headers={"X-API-Key": "k-alice"}).json()
    assert key["info"] == {"sub": "alice", "plan": "gold"} and key["role"] is None
    oauth = client.get("/oauth", headers=bearer("o-read")).json()
    assert oauth["scopes"] == ["read", "write"]
    oidc = client.get("/oidc", headers=bearer("id-carol")).json()
    assert oidc["scopes"] == ["email", "profile"]
    user = client.get("/basic", headers=basic("dave", "open sesame")).json()
    assert user["role"] == "user"


def test_a_token_without_the_required_scope_is_a_403_problem(client: TestClient) -> None:
    response = client.get("/oauth", headers=bearer("o-none"))
    body = assert_problem(response, 403)
    assert body["detail"] == "this operation needs the scope read; the token has no scope"
    assert response.headers["www-authenticate"] == 'Bearer error="insufficient_scope", scope="read"'


def test_x_roles_admits_only_its_roles(client: TestClient) -> None:
    assert client.get("/admins", headers=bearer("t-root")).json()["role"] == "admin"
    refused = assert_problem(client.get("/admins", headers=bearer("t-bob")), 403)
    assert "forAdmins is for the admin role; this credential is a user's" in refused["detail"]
    roleless = assert_problem(client.get("/admins", headers=bearer("t-norole")), 403)
    assert "this credential has no role" in roleless["detail"]


def test_without_x_roles_any_authenticated_caller_is_admitted(client: TestClient) -> None:
    for token in TOKENS:
        assert client.get("/bearer", headers=bearer(token)).status_code == 200


def test_schemes_required_together_need_every_credential(client: TestClient) -> None:
    both = {"X-API-Key": "k-alice", **bearer("t-bob")}
    response = client.get("/both", headers=both)
    assert response.status_code == 200, response.text
    assert response.json()["scheme"] in ("keyHeader", "bearerAuth")
    assert_problem(client.get("/both", headers={"X-API-Key": "k-alice"}), 401)
    assert_problem(client.get("/both", headers=bearer("t-bob")), 401)


def test_alternative_schemes_take_whichever_is_sent(client: TestClient) -> None:
    by_key = client.get("/either", headers={"X-API-Key": "k-alice"}).json()
    by_token = client.get("/either", headers=bearer("t-bob")).json()
    assert (by_key["scheme"], by_token["scheme"]) == ("keyHeader", "bearerAuth")


# ---- setting up ----------------------------------------------------------------------------


def test_a_scheme_the_spec_uses_without_a_verifier_fails_app_creation(tmp_path: Path) -> None:
    config = project(tmp_path, SPEC)
    partial = {name: v for name, v in VERIFIERS.items() if name != "oidc"}
    with pytest.raises(SecuritySetupError, match=r"no verifier for the security scheme oidc"):
        service(config, {}, verifiers=partial)


def test_a_verifier_for_no_scheme_of_the_spec_is_refused() -> None:
    with pytest.raises(SecuritySetupError, match=r"verifiers for bearer: the spec declares no"):
        bind_verifiers(SPEC, {**VERIFIERS, "bearer": table({})})


def test_an_unsupported_scheme_is_refused_with_its_name() -> None:
    spec = document(
        {"/x": {"get": operation("x", security=[{"digestAuth": []}])}},
        components={"securitySchemes": {"digestAuth": {"type": "http", "scheme": "digest"}}},
    )
    with pytest.raises(SecuritySetupError, match=r"'digestAuth': type 'http' scheme 'digest'"):
        bind_verifiers(spec, {"digestAuth": table({})})


def answered(bound: Callable[..., Awaitable[Info | None]], credential: str) -> Info | None:
    async def verify() -> Info | None:
        return await bound(credential)

    return asyncio.run(verify())


def test_a_credential_whose_info_is_unchanged_gets_the_caller_made_before() -> None:
    answers: dict[str, Info] = {"t-1": {"sub": "bob", "role": "user"}}
    bound = bind_verifiers(SPEC, {**VERIFIERS, "bearerAuth": table(answers)})["bearerAuth"]

    def who(token: str) -> Caller:
        info = answered(bound, token)
        assert info is not None
        found = info[CALLER]
        assert isinstance(found, Caller)
        return found

    first = who("t-1")
    assert who("t-1") is first  # the verifier answered the same info
    answers["t-1"] = {"sub": "bob", "role": "admin"}  # a new answer: a new caller
    assert (who("t-1").role, first.role) == ("admin", "user")
    assert answered(bound, "t-unknown") is None


def test_the_info_shared_by_the_requests_of_one_credential_is_read_only() -> None:
    """The verifier's answer for a credential serves every request that sends it: a handler
    changing it while serving one request would change it for the next."""
    bound = bind_verifiers(
        SPEC, {**VERIFIERS, "bearerAuth": table({"t-1": {"sub": "bob", "role": "user"}})}
    )["bearerAuth"]
    info = answered(bound, "t-1")
    assert info is not None
    caller = info[CALLER]
    assert isinstance(caller, Caller)
    with pytest.raises(TypeError):
        info["role"] = "admin"  # type: ignore[index]
    with pytest.raises(TypeError):
        caller.info["role"] = "admin"  # type: ignore[index]
    assert answered(bound, "t-1") == {"sub": "bob", "role": "user", CALLER: caller}


def test_the_remembered_credentials_are_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(security, "REMEMBERED_CREDENTIALS", 3)
    answers = {f"t-{n}": {"sub": f"user-{n}"} for n in range(5)}
    bound = bind_verifiers(SPEC, {**VERIFIERS, "bearerAuth": table(answers)})["bearerAuth"]
    made = [answered(bound, f"t-{n}") for n in range(5)]
    # Three remembered, then all forgotten for the fourth: t-3 and t-4 are the ones kept.
    assert answered(bound, "t-4") is made[4]
    assert answered(bound, "t-3") is made[3]
    again = answered(bound, "t-0")
    assert again is not made[0] and again == made[0]


def test_a_spec_without_security_needs_no_verifier_and_sends_no_challenge() -> None:
    spec = document({"/x": {"get": operation("x")}})
    assert bind_verifiers(spec, {}) == {}
    assert challenge(spec) is None


def test_scopes_are_read_as_a_string_or_a_list() -> None:
    assert scopes_of({"scope": "a b"}) == {"a", "b"}
    assert scopes_of({"scopes": ["a", "c"]}) == {"a", "c"}
    assert scopes_of({}) == frozenset()
