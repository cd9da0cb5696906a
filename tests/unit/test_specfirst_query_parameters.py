"""Query parameters: the validator parses a request's query once and the operation is handed
what it checked (typed as the spec says); a required parameter left out is named, an optional
one may be; and specfirst's URI parser resolves a query as Connexion's own does."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from connexion.lifecycle import ConnexionRequest
from connexion.uri_parsing import OpenAPIURIParser
from starlette.responses import Response
from starlette.testclient import TestClient

from specfirst.connexion_overrides import SpecURIParser
from tests.specfirst_support import document, json_response, operation, project, service

PARAMETERS: list[dict[str, Any]] = [
    {"name": "since", "in": "query", "required": True, "schema": {"type": "string"}},
    {"name": "limit", "in": "query", "schema": {"type": "integer", "maximum": 10}},
    {
        "name": "tags",
        "in": "query",
        "style": "form",
        "explode": False,
        "schema": {"type": "array", "items": {"type": "string"}},
    },
    {
        "name": "color",
        "in": "query",
        "explode": True,
        "schema": {"type": "array", "items": {"type": "string"}},
    },
    {"name": "exact", "in": "query", "schema": {"type": "boolean"}},
    {"name": "note", "in": "query", "schema": {"type": "string", "nullable": True}},
]


async def _echo(request: ConnexionRequest) -> Response:
    return json_response(dict(request.query_params))


def _client(tmp_path: Path) -> TestClient:
    spec = document({"/widgets": {"get": operation("listWidgets", parameters=PARAMETERS)}})
    app = service(project(tmp_path, spec), {"listWidgets": _echo})
    return TestClient(app, raise_server_exceptions=False)


def test_the_query_is_parsed_once_and_the_operation_gets_the_checked_values(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    parsed: list[dict[str, Any]] = []
    resolve = SpecURIParser.resolve_query

    def counted(self: SpecURIParser, query: dict[str, Any]) -> Any:
        parsed.append(dict(query))
        return resolve(self, query)

    monkeypatch.setattr(SpecURIParser, "resolve_query", counted)
    with _client(tmp_path) as client:
        answer = client.get("/widgets?since=2024&limit=5&tags=a,b&color=red&color=blue&exact=true")
    assert answer.status_code == 200, answer.text
    assert answer.json() == {
        "since": "2024",
        "limit": 5,
        "tags": ["a", "b"],
        "color": ["red", "blue"],
        "exact": True,
    }
    assert len(parsed) == 1, parsed


def test_a_required_parameter_left_out_is_named_optional_ones_may_be(tmp_path: Path) -> None:
    with _client(tmp_path) as client:
        missing = client.get("/widgets?limit=5")
        only_required = client.get("/widgets?since=2024")
        wrong = client.get("/widgets?since=2024&limit=11&exact=maybe")
    assert missing.status_code == 400
    assert missing.headers["content-type"] == "application/problem+json"
    assert missing.json()["errors"] == [
        {"parameter": "since", "detail": "Missing query parameter 'since'"}
    ]
    assert only_required.status_code == 200, only_required.text
    assert only_required.json() == {"since": "2024"}
    assert wrong.status_code == 400
    assert [e["parameter"] for e in wrong.json()["errors"]] == ["limit", "exact"]


@pytest.mark.parametrize(
    "query",
    [
        {"since": ["2024"], "limit": ["5"], "tags": ["a,b"], "color": ["red", "blue"]},
        {"tags": ["a"], "tags ": ["b"], "exact": ["false"], "note": [""]},
        {"limit": ["not a number"], "unknown": ["x", "y"]},
        {},
    ],
)
def test_specfirsts_parser_resolves_a_query_as_connexions(query: dict[str, list[str]]) -> None:
    ours = SpecURIParser(PARAMETERS, {}).resolve_query(dict(query))
    connexions = OpenAPIURIParser(PARAMETERS, {}).resolve_query(dict(query))
    assert ours == connexions
