"""specfirst.connexion_overrides.DirectRouting: a request reaches the operation Connexion's own
routing would reach, with the same path parameters, and answers what it would answer (security,
validation, 404, 405, response validation), whether or not the middlewares after routing are
skipped; a middleware an application adds between routing and the operation still sees every
request."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, ClassVar

import pytest
from connexion.context import context
from connexion.lifecycle import ConnexionRequest
from connexion.middleware import MiddlewarePosition
from connexion.middleware.routing import RoutingMiddleware
from connexion.middleware.security import SecurityMiddleware
from starlette.responses import Response
from starlette.testclient import TestClient
from starlette.types import ASGIApp, Receive, Scope, Send

from specfirst import app as specfirst_app
from specfirst import connexion_overrides
from specfirst.security import Info
from specfirst.settings import ServiceSettings
from tests.specfirst_support import document, json_response, operation, project, service

SCHEMES = {
    "bearerAuth": {"type": "http", "scheme": "bearer"},
    "key": {"type": "apiKey", "in": "header", "name": "X-Key"},
}


def _paths() -> dict[str, Any]:
    count = {"name": "n", "in": "path", "required": True, "schema": {"type": "integer"}}
    item = {"name": "id", "in": "path", "required": True, "schema": {"type": "string"}}
    size = {"name": "size", "in": "query", "schema": {"type": "integer", "maximum": 10}}
    secured: list[dict[str, list[str]]] = [{"bearerAuth": []}]
    return {
        # Declared first, so it takes /items/special too (Starlette's first match).
        "/items/{id}": {
            "get": operation("getItem", parameters=[item, size], security=secured),
            # Either credential: Connexion tries the bearer token first, then the key.
            "delete": operation(
                "deleteItem", parameters=[item], security=[{"bearerAuth": []}, {"key": []}]
            ),
        },
        "/items/special": {"get": operation("getSpecial")},
        "/counts/{n}": {"get": operation("getCount", parameters=[count])},
        "/things": {
            "post": operation(
                "createThing",
                body={"type": "object", "required": ["name"], "properties": {"name": {}}},
            )
        },
        "/bad": {"get": operation("answersBadly")},
    }


async def _echo(request: ConnexionRequest) -> Response:
    body = await request.body() if request.method == "POST" else b""
    return json_response(
        {
            "path": dict(request.path_params),
            "query": dict(request.query_params),
            "body": json.loads(body) if body else None,
            "user": context.get("user"),  # whose credential security accepted
        }
    )


async def _bad(_request: ConnexionRequest) -> Response:
    return Response("[1]", media_type="application/json")  # not the object the spec says


FUNCTIONS = {
    "getItem": _echo,
    "deleteItem": _echo,
    "getSpecial": _echo,
    "getCount": _echo,
    "createThing": _echo,
    "answersBadly": _bad,
}


async def _verify(token: str) -> Info | None:
    return {"sub": token} if token.startswith("ok-") else None


def _client(tmp_path: Path, *, validate_responses: bool, root_path: str = "") -> TestClient:
    config = project(tmp_path, document(_paths(), components={"securitySchemes": SCHEMES}))
    settings = ServiceSettings(validate_responses=validate_responses, log_format="plain")
    verifiers = {"bearerAuth": _verify, "key": _verify}
    app = service(config, FUNCTIONS, verifiers=verifiers, settings=settings)
    return TestClient(app, raise_server_exceptions=False, root_path=root_path)


def _connexion_routing() -> list[Any]:
    """The framework's middlewares with Connexion's own RoutingMiddleware in DirectRouting's place."""
    return [
        RoutingMiddleware if m is connexion_overrides.DirectRouting else m
        for m in connexion_overrides.middlewares()
    ]


AUTH = {"Authorization": "Bearer ok-ann"}
REQUESTS: list[tuple[str, str, dict[str, Any]]] = [
    ("GET", "/items/a1", {"headers": AUTH}),
    ("GET", "/items/a%2Fb", {"headers": AUTH}),
    ("GET", "/items/special", {"headers": AUTH}),
    ("GET", "/items/special", {}),
    ("GET", "/items/a1?size=3", {"headers": AUTH}),
    ("GET", "/items/a1?size=11&colour=red", {"headers": AUTH}),
    ("GET", "/items/a1", {}),
    ("GET", "/items/a1", {"headers": {"Authorization": "Bearer nope"}}),
    ("GET", "/items/a1", {"headers": {"Authorization": "bearer   ok-ann"}}),
    ("GET", "/items/a1", {"headers": {"Authorization": "Bearer"}}),
    ("GET", "/items/a1", {"headers": {"Authorization": ""}}),
    ("GET", "/items/a1", {"headers": {"Authorization": "Basic b2s6b2s="}}),
    (
        "GET",
        "/items/a1",
        {"headers": [("Authorization", "Basic x"), ("Authorization", "Bearer ok-a")]},
    ),
    (
        "GET",
        "/items/a1",
        {"headers": [("Authorization", "Bearer ok-b"), ("Authorization", "Basic x")]},
    ),
    ("DELETE", "/items/a1", {"headers": AUTH}),
    ("DELETE", "/items/a1", {"headers": {"X-Key": "ok-key"}}),
    ("DELETE", "/items/a1", {"headers": {"Authorization": "Bearer nope", "X-Key": "ok-key"}}),
    ("DELETE", "/items/a1", {"headers": {"Authorization": "Bearer ok-b", "X-Key": "ok-key"}}),
    ("DELETE", "/items/a1", {"headers": {"X-Key": "nope"}}),
    ("POST", "/items/a1", {"headers": AUTH}),
    ("GET", "/items/", {"headers": AUTH}),
    ("GET", "/items/a1/", {"headers": AUTH}),
    ("GET", "/counts/12", {}),
    ("GET", "/counts/x", {}),
    ("GET", "/counts/-1", {}),
    ("POST", "/things", {"json": {"name": "x"}}),
    ("POST", "/things", {"json": {"colour": "red"}}),
    ("POST", "/things", {"content": b"{", "headers": {"Content-Type": "application/json"}}),
    ("GET", "/things", {}),
    ("GET", "/bad", {}),
    ("GET", "/nowhere", {}),
]


def _answers(client: TestClient) -> list[tuple[int, Any, dict[str, str]]]:
    found = []
    with client:
        for method, url, options in REQUESTS:
            response = client.request(method, url, **options)
            headers = {k: v for k, v in response.headers.items() if k != "x-request-id"}
            found.append((response.status_code, response.content, headers))
    return found


@pytest.fixture(params=[True, False], ids=["responses-validated", "responses-unchecked"])
def validate_responses(request: pytest.FixtureRequest) -> bool:
    return bool(request.param)


@pytest.mark.parametrize("root_path", ["", "/shop"], ids=["no-root-path", "root-path"])
def test_each_request_is_answered_as_connexions_routing_answers_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, validate_responses: bool, root_path: str
) -> None:
    options: dict[str, Any] = {"validate_responses": validate_responses, "root_path": root_path}
    ours = _answers(_client(tmp_path / "ours", **options))
    with monkeypatch.context() as patched:
        patched.setattr(specfirst_app, "middlewares", _connexion_routing)
        theirs = _answers(_client(tmp_path / "theirs", **options))
    for (method, url, options), mine, connexions in zip(REQUESTS, ours, theirs, strict=True):
        assert mine == connexions, f"{method} {url} {sorted(options)}"


def test_path_parameters_reach_the_operation_converted_and_in_starlettes_route_order(
    tmp_path: Path,
) -> None:
    with _client(tmp_path, validate_responses=True) as client:
        special = client.get("/items/special", headers=AUTH)
        count = client.get("/counts/12")
        not_a_count = client.get("/counts/x")
        sized = client.get("/items/a1?size=3", headers=AUTH)
    assert special.json()["path"] == {"id": "special"}  # /items/{id} is declared first
    assert count.json()["path"] == {"n": 12}
    assert not_a_count.status_code == 404  # no route: the integer convertor refuses it
    assert sized.json()["query"] == {"size": 3}


def test_security_and_validation_still_answer_when_their_middlewares_are_skipped(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[str] = []
    original = SecurityMiddleware.__call__

    async def counted(self: Any, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            calls.append(scope["path"])
        await original(self, scope, receive, send)

    monkeypatch.setattr(SecurityMiddleware, "__call__", counted)
    with _client(tmp_path, validate_responses=False) as client:
        anonymous = client.get("/items/a1")
        too_big = client.get("/items/a1?size=11", headers=AUTH)
        fine = client.get("/items/a1", headers=AUTH)
        unrouted = client.get("/nowhere")
    assert anonymous.status_code == 401
    assert too_big.status_code == 400
    assert too_big.json()["errors"] == [
        {"parameter": "size", "detail": "11 is greater than the maximum of 10"}
    ]
    assert fine.status_code == 200
    assert unrouted.status_code == 404
    # Routed requests went straight to their operation's steps; the unrouted one through
    # Connexion's middlewares.
    assert calls == ["/nowhere"]


class _Seen:
    """A middleware that notes each path it sees."""

    paths: ClassVar[list[str]] = []

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            _Seen.paths.append(scope["path"])
        await self.app(scope, receive, send)


@pytest.mark.parametrize(
    "position",
    [
        MiddlewarePosition.BEFORE_SWAGGER,
        MiddlewarePosition.BEFORE_ROUTING,
        MiddlewarePosition.BEFORE_SECURITY,
        MiddlewarePosition.BEFORE_VALIDATION,
        MiddlewarePosition.BEFORE_CONTEXT,
    ],
    ids=lambda p: p.name,
)
def test_a_middleware_added_at_any_position_sees_every_request(
    tmp_path: Path, position: MiddlewarePosition
) -> None:
    _Seen.paths = []
    client = _client(tmp_path, validate_responses=False)
    client.app.add_middleware(_Seen, position=position)  # type: ignore[attr-defined]
    with client:
        assert client.get("/items/a1", headers=AUTH).status_code == 200
        assert client.get("/counts/3").json()["path"] == {"n": 3}
    assert _Seen.paths == ["/items/a1", "/counts/3"]
