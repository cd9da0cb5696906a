"""Mock mode: every operation of the spec answers its documented success status with a body its
schema accepts (its first named example when it has one), and requests are still validated."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest
from jsonschema import Draft4Validator
from starlette.testclient import TestClient

from app.mock import create_mock_app
from app.settings import Settings, project_config
from specfirst.document import HTTP_METHODS, load_spec, resolve
from specfirst.mock import MockError, minimal, mock_response
from tests.helpers import assert_problem

SPEC = load_spec(project_config().spec)
OPERATIONS = [
    (method, path, item[method])
    for path, item in SPEC["paths"].items()
    for method in HTTP_METHODS
    if method in item
]


@pytest.fixture(scope="module")
def mock() -> Iterator[TestClient]:
    # validate_responses: Connexion checks every answer against the spec as well.
    with create_mock_app(Settings(validate_responses=True)).test_client() as client:
        client.headers["Authorization"] = "Bearer any-token-will-do"
        yield client


def test_a_token_is_still_required(mock: TestClient) -> None:
    response = mock.get("/orders/ORD-MOCK-1", headers={"Authorization": ""})
    assert_problem(response, 401)
    assert response.headers["www-authenticate"] == "Bearer"


def schema_validator(schema: dict[str, Any]) -> Draft4Validator:
    return Draft4Validator({"components": SPEC["components"], **schema})


def request_body(operation: dict[str, Any]) -> Any:
    """The operation's request example, or the smallest body its schema accepts."""
    content = resolve(SPEC, operation["requestBody"])["content"]
    media = next(iter(content.values()))
    if media.get("examples"):
        return resolve(SPEC, next(iter(media["examples"].values())))["value"]
    return minimal(SPEC, media["schema"], "request")


@pytest.mark.parametrize(
    ("method", "path", "operation"), OPERATIONS, ids=[op["operationId"] for *_, op in OPERATIONS]
)
def test_every_operation_answers_its_success_status_and_a_valid_body(
    mock: TestClient, method: str, path: str, operation: dict[str, Any]
) -> None:
    url = re.sub(r"\{[^}]+\}", "ORD-MOCK-1", path)
    kwargs: dict[str, Any] = {}
    if "requestBody" in operation:
        kwargs["json"] = request_body(operation)
    response = mock.request(method.upper(), url, **kwargs)
    success = next(code for code in operation["responses"] if code.startswith("2"))
    assert response.status_code == int(success), response.text
    content = resolve(SPEC, operation["responses"][success]).get("content", {})
    if not content:  # 204: no body
        assert response.content == b""
        return
    declared = content["application/json"]
    assert response.headers["content-type"] == "application/json"
    body = response.json()
    errors = [e.message for e in schema_validator(declared["schema"]).iter_errors(body)]
    assert errors == []
    if declared.get("examples"):
        first = next(iter(declared["examples"].values()))
        assert body == resolve(SPEC, first)["value"]


@pytest.mark.parametrize(
    ("method", "url", "json", "at_fault"),
    [
        ("POST", "/orders", {}, "/buyerId"),
        ("POST", "/orders", {"unexpected": 1}, "/unexpected"),
        ("GET", "/orders?limit=0", None, "limit"),
        ("GET", "/orders?colour=blue", None, "colour"),
        ("PATCH", "/orders/ORD-1", {}, "/"),
        ("POST", "/orders/ORD-1/notifications", {"orderId": "ORD-1"}, "/notificationType"),
    ],
)
def test_requests_are_still_validated(
    mock: TestClient, method: str, url: str, json: Any, at_fault: str
) -> None:
    response = mock.request(method, url, json=json)
    assert_problem(response, 400)
    errors = response.json()["errors"]
    assert any(at_fault in (e.get("pointer"), e.get("parameter")) for e in errors), errors


def test_the_mock_has_probes_metrics_and_request_ids_but_no_database(mock: TestClient) -> None:
    assert mock.get("/readyz").json() == {"status": "ok"}
    response = mock.get("/orders/ORD-1", headers={"X-Request-ID": "mock-1"})
    assert response.headers["x-request-id"] == "mock-1"
    assert 'operation_id="getOrder"' in mock.get("/metrics").text


def test_an_unanswerable_operation_is_refused_with_its_place() -> None:
    spec = {
        "paths": {
            "/codes": {
                "get": {
                    "operationId": "getCode",
                    "responses": {
                        "200": {
                            "description": "OK",
                            "content": {
                                "application/json": {
                                    "schema": {
                                        "type": "object",
                                        "required": ["code"],
                                        "properties": {
                                            "code": {"type": "string", "pattern": "^[A-Z]{3}$"}
                                        },
                                    }
                                }
                            },
                        }
                    },
                }
            }
        }
    }
    with pytest.raises(MockError, match=r"GET /codes 200 .*properties/code: a string with a"):
        mock_response(spec, "get", "/codes")
