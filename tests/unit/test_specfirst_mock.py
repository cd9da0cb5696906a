"""specfirst.mock on a spec that is not the Order API: every operation answers its success
status and example (or the smallest valid body), whatever its security scheme, with or without
an operationId; requests are still validated."""

from __future__ import annotations

import base64
from collections.abc import Iterator
from typing import Any

import pytest
from starlette.testclient import TestClient

from specfirst.mock import any_credential, create_mock_service, minimal
from specfirst.settings import ServiceSettings
from tests.specfirst_support import document, project

PET = {
    "type": "object",
    "required": ["id", "name"],
    "properties": {"id": {"type": "integer", "minimum": 1}, "name": {"type": "string"}},
}
SPEC = document(
    {
        "/pets": {
            "get": {
                "operationId": "listPets",
                "security": [{"petKey": []}],
                "responses": {
                    "200": {
                        "description": "Pets",
                        "content": {
                            "application/json; charset=utf-8": {
                                "schema": {"type": "array", "items": PET},
                                "example": [{"id": 1, "name": "Rex"}],
                            }
                        },
                    }
                },
            },
            # No operationId: found by its method and path.
            "post": {
                "security": [{"owner": []}],
                "requestBody": {
                    "required": True,
                    "content": {"application/json": {"schema": PET}},
                },
                "responses": {
                    "2XX": {
                        "description": "Stored",
                        "content": {"application/vnd.pets+json": {"schema": PET}},
                    }
                },
            },
        },
        "/pets/{id}": {
            "parameters": [
                {"name": "id", "in": "path", "required": True, "schema": {"type": "integer"}}
            ],
            "delete": {
                "operationId": "deletePet",
                "security": [{"oauth": ["pets:write"]}],
                "responses": {"204": {"description": "Gone"}},
            },
        },
    },
    components={
        "securitySchemes": {
            "petKey": {"type": "apiKey", "in": "query", "name": "key"},
            "owner": {"type": "http", "scheme": "basic"},
            "oauth": {
                "type": "oauth2",
                "flows": {
                    "implicit": {
                        "authorizationUrl": "https://auth.example.test/authorize",
                        "scopes": {"pets:write": "Change pets"},
                    }
                },
            },
        }
    },
)


@pytest.fixture(scope="module")
def mock(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    config = project(tmp_path_factory.mktemp("pets"), SPEC)
    app = create_mock_service(config, ServiceSettings(validate_responses=True, log_format="plain"))
    with TestClient(app) as client:
        yield client


def basic() -> dict[str, str]:
    return {"Authorization": "Basic " + base64.b64encode(b"anyone:anything").decode()}


def test_the_example_is_answered(mock: TestClient) -> None:
    response = mock.get("/pets", params={"key": "whatever"})
    assert response.status_code == 200, response.text
    assert response.json() == [{"id": 1, "name": "Rex"}]


def test_an_operation_without_an_operation_id_answers_its_smallest_valid_body(
    mock: TestClient,
) -> None:
    response = mock.post("/pets", json={"id": 2, "name": "Tom"}, headers=basic())
    assert response.status_code == 200, response.text
    assert response.json() == {"id": 1, "name": "x"}


def test_a_204_has_no_body_and_oauth_scopes_are_granted(mock: TestClient) -> None:
    response = mock.delete("/pets/3", headers={"Authorization": "Bearer any"})
    assert response.status_code == 204 and response.content == b""


def test_credentials_are_still_required_and_requests_validated(mock: TestClient) -> None:
    assert mock.get("/pets").status_code == 401
    assert mock.post("/pets", json={"id": 2, "name": "Tom"}).status_code == 401
    refused = mock.post("/pets", json={"id": 0}, headers=basic())
    assert refused.status_code == 400
    assert {e["pointer"] for e in refused.json()["errors"]} == {"/id", "/name"}


def test_any_credential_covers_every_scheme_in_use() -> None:
    assert sorted(any_credential(SPEC)) == ["oauth", "owner", "petKey"]


def test_minimal_takes_required_fields_and_lower_bounds() -> None:
    schema: dict[str, Any] = {
        "type": "object",
        "required": ["n", "tags"],
        "properties": {
            "n": {"type": "number", "minimum": 3},
            "tags": {"type": "array", "minItems": 2, "items": {"type": "string", "minLength": 2}},
            "optional": {"type": "string"},
        },
    }
    assert minimal(SPEC, schema, "here") == {"n": 3, "tags": ["xx", "xx"]}
