"""specfirst.samples: a request per operation, built from the spec, that the service routes."""

from __future__ import annotations

import base64
from typing import Any

import orjson

from specfirst.samples import base_path, sample, samples, with_credential


def document(**extra: Any) -> dict[str, Any]:
    return {"openapi": "3.0.3", "info": {"title": "T", "version": "1"}, "paths": {}, **extra}


def test_base_path_is_the_first_server_s_path_with_its_variables_at_their_defaults() -> None:
    assert base_path(document()) == ""
    assert base_path(document(servers=[{"url": "http://example.com/v1/"}])) == "/v1"
    servers = [{"url": "https://host/{base}", "variables": {"base": {"default": "api"}}}]
    assert base_path(document(servers=servers)) == "/api"


def test_path_parameters_and_required_query_header_and_cookie_parameters_are_filled() -> None:
    spec = document(
        servers=[{"url": "/api"}],
        paths={
            "/things/{thing-id}/{kind}": {
                "parameters": [
                    {
                        "name": "thing-id",
                        "in": "path",
                        "required": True,
                        "schema": {"type": "integer"},
                    }
                ],
                "get": {
                    "operationId": "getThing",
                    "parameters": [
                        {
                            "name": "kind",
                            "in": "path",
                            "required": True,
                            "schema": {"type": "string", "enum": ["a b", "c"]},
                        },
                        {
                            "name": "tags",
                            "in": "query",
                            "required": True,
                            "schema": {"type": "array", "items": {"type": "string"}},
                        },
                        {"name": "optional", "in": "query", "schema": {"type": "string"}},
                        {"name": "X-Trace", "in": "header", "required": True, "example": "t-1"},
                        {
                            "name": "session",
                            "in": "cookie",
                            "required": True,
                            "schema": {"type": "string", "format": "uuid"},
                        },
                    ],
                    "responses": {"200": {"description": "OK"}},
                },
            }
        },
    )
    [found] = samples(spec)
    assert found.label == "getThing"
    assert found.url == "/api/things/0/a%20b?tags=x"
    assert found.headers == {"X-Trace": "t-1"}
    assert found.cookies == {"session": "00000000-0000-4000-8000-000000000000"}
    assert found.valid and not found.secured


def test_a_body_is_the_media_type_s_example_or_the_smallest_valid_one() -> None:
    schema = {
        "type": "object",
        "required": ["name"],
        "properties": {"name": {"type": "string"}, "age": {"type": "integer"}},
    }
    operation: dict[str, Any] = {
        "requestBody": {"content": {"application/json; charset=utf-8": {"schema": schema}}},
        "responses": {"201": {"description": "Created"}},
    }
    spec = document(paths={"/p": {"post": operation}})
    found = sample(spec, "post", "/p", operation)
    assert found.headers["Content-Type"] == "application/json; charset=utf-8"
    assert orjson.loads(found.content or b"") == {"name": "x"}
    operation["requestBody"]["content"] = {
        "application/x-www-form-urlencoded": {"schema": schema, "example": {"name": "n", "age": 3}}
    }
    assert sample(spec, "post", "/p", operation).content == b"name=n&age=3"


def test_a_string_pattern_without_an_example_makes_the_sample_invalid() -> None:
    operation = {
        "parameters": [
            {
                "name": "code",
                "in": "query",
                "required": True,
                "schema": {"type": "string", "pattern": "^[A-Z]{3}$"},
            }
        ],
        "responses": {"200": {"description": "OK"}},
    }
    spec = document(paths={"/p": {"get": operation}})
    assert not sample(spec, "get", "/p", operation).valid


def test_credentials_go_where_each_scheme_says() -> None:
    schemes = {
        "key": {"type": "apiKey", "in": "query", "name": "api_key"},
        "cookie": {"type": "apiKey", "in": "cookie", "name": "sid"},
        "basic": {"type": "http", "scheme": "basic"},
        "token": {"type": "oauth2", "flows": {}},
    }
    operation: dict[str, Any] = {"responses": {"200": {"description": "OK"}}}
    spec = document(
        paths={"/p": {"get": operation}},
        components={"securitySchemes": schemes},
        security=[{"key": [], "cookie": []}, {"basic": []}],
    )
    found = sample(spec, "get", "/p", operation)
    assert found.secured and found.schemes == ("key", "cookie")
    given = with_credential(spec, found, "s3cret")
    assert given.url == "/p?api_key=s3cret" and given.cookies == {"sid": "s3cret"}
    operation["security"] = [{"basic": []}]
    basic = with_credential(spec, sample(spec, "get", "/p", operation), "u")
    assert basic.headers["Authorization"] == "Basic " + base64.b64encode(b"u:u").decode()
    operation["security"] = [{"token": ["read"]}]
    token = with_credential(spec, sample(spec, "get", "/p", operation), "t")
    assert token.headers["Authorization"] == "Bearer t"
    operation["security"] = [{}, {"token": []}]
    assert not sample(spec, "get", "/p", operation).secured
