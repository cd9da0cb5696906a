"""StoredJSON: a handler returns JSON made at write time, sent byte for byte; the service's
response validation (on in the tests) still checks it against the spec's schema."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from connexion.lifecycle import ConnexionRequest
from pydantic import BaseModel, Field
from starlette.responses import Response
from starlette.testclient import TestClient

from specfirst.reply import Reply, StoredJSON, canonical_json, joined_json, respond
from specfirst.settings import ServiceSettings
from tests.helpers import assert_problem
from tests.specfirst_support import document, project, service


class Widget(BaseModel):
    name: str = Field(max_length=5)
    colour: str | None = None
    size_mm: int = Field(alias="sizeMm", default=1)


class WidgetList(BaseModel):
    available: int
    items: list[Widget]


WIDGET = {
    "type": "object",
    "additionalProperties": False,
    "required": ["name"],
    "properties": {
        "name": {"type": "string", "maxLength": 5},
        "colour": {"type": "string"},
        "sizeMm": {"type": "integer"},
    },
}
WIDGET_LIST = {
    "type": "object",
    "required": ["available", "items"],
    "properties": {
        "available": {"type": "integer"},
        "items": {"type": "array", "items": {"$ref": "#/components/schemas/Widget"}},
    },
}


def get(operation_id: str, schema: str) -> dict[str, object]:
    ref = {"$ref": f"#/components/schemas/{schema}"}
    return {
        "operationId": operation_id,
        "responses": {
            "200": {"description": "OK", "content": {"application/json": {"schema": ref}}}
        },
    }


SPEC = {
    **document(
        {
            "/stored": {"get": get("stored", "Widget")},
            "/forged": {"get": get("forged", "Widget")},
            "/listed": {"get": get("listed", "WidgetList")},
        }
    ),
}
SPEC.setdefault("components", {}).setdefault("schemas", {}).update(
    {"Widget": WIDGET, "WidgetList": WIDGET_LIST}
)
# As a store would keep them: made once, when written.
STORED = [canonical_json(Widget, {"name": "cog"}), canonical_json(Widget, {"name": "gear"})]


async def stored(_request: ConnexionRequest) -> Response:
    return respond(Reply(StoredJSON(Widget, STORED[0]), headers={"ETag": '"1"'}), 200)


async def forged(_request: ConnexionRequest) -> Response:
    # Text that says it is a Widget but is not one: the response validation must catch it.
    return respond(Reply(StoredJSON(Widget, '{"name": "far too long"}')), 200)


async def listed(_request: ConnexionRequest) -> Response:
    page = joined_json({"available": 7}, "items", STORED)
    return respond(Reply(StoredJSON(WidgetList, page)), 200)


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    folder: Path = tmp_path_factory.mktemp("stored")
    app = service(project(folder, SPEC), {"stored": stored, "forged": forged, "listed": listed})
    with TestClient(app, raise_server_exceptions=False) as test_client:
        yield test_client


def test_canonical_json_is_the_validated_document_as_a_response_carries_it() -> None:
    assert json.loads(STORED[0]) == {"name": "cog", "sizeMm": 1}
    assert canonical_json(Widget, {"name": "cog", "colour": None}) == STORED[0]
    with pytest.raises(ValueError, match="not a valid Widget"):
        canonical_json(Widget, {"name": "a name too long"})


def test_joined_json_puts_the_items_as_they_are_into_the_envelope() -> None:
    joined = joined_json({"available": 2, "link": {"href": "/x"}}, "items", [b"[1]", "{}"])
    assert joined == b'{"available":2,"link":{"href":"/x"},"items":[[1],{}]}'
    assert json.loads(joined_json({}, "items", [])) == {"items": []}


def test_stored_json_is_sent_byte_for_byte_with_the_replys_headers(client: TestClient) -> None:
    response = client.get("/stored")
    assert response.status_code == 200
    assert response.content == STORED[0].encode()
    assert response.headers["etag"] == '"1"'
    assert response.headers["content-type"] == "application/json"
    listed = client.get("/listed")
    assert listed.status_code == 200
    assert listed.json() == {
        "available": 7,
        "items": [{"name": "cog", "sizeMm": 1}, {"name": "gear", "sizeMm": 1}],
    }


def test_stored_json_that_breaks_its_schema_fails_the_response_validation(
    client: TestClient,
) -> None:
    assert_problem(client.get("/forged"), 500)


def test_without_response_validation_stored_json_is_not_parsed(tmp_path: Path) -> None:
    # What the 500 above comes from: the same service, not validating responses, sends it.
    app = service(
        project(tmp_path, SPEC),
        {"stored": stored, "forged": forged, "listed": listed},
        settings=ServiceSettings(validate_responses=False, log_format="plain"),
    )
    with TestClient(app, raise_server_exceptions=False) as unchecked:
        assert unchecked.get("/forged").json() == {"name": "far too long"}
