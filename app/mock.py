"""Mock mode (``orders-api serve --mock``): every operation of the spec answers its documented
success status with the first named example of that response, before any handler exists.

Requests are routed and validated exactly as by the real service (same Connexion options, same
error handlers); only the resolver differs: it binds each operationId to a responder built from
the spec. A success response without an example gets the smallest body its schema accepts (the
required fields only); the mock refuses to start when it cannot build one that validates.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import orjson
from connexion import AsyncApp
from connexion.resolver import Resolver
from jsonschema import Draft4Validator
from starlette.responses import Response

from app.health import add_health_routes
from app.main import SPEC, SPEC_DOCUMENT, add_spec_routes, api_options, install_error_handlers
from app.observability import configure_logging, instrument
from app.security import security_map
from app.settings import Settings

HTTP_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")
JSON_MEDIA = ("application/json", "application/problem+json")


class MockError(Exception):
    """The spec gives no way to answer an operation (the message says where and why)."""


def resolve(spec: dict[str, Any], node: Any) -> Any:
    """Follows local ``$ref`` chains."""
    for _ in range(32):
        if not (isinstance(node, dict) and "$ref" in node):
            return node
        target: Any = spec
        for part in node["$ref"].removeprefix("#/").split("/"):
            target = target[part.replace("~1", "/").replace("~0", "~")]
        node = target
    raise MockError(f"$ref loop at {node}")


def minimal(spec: dict[str, Any], schema: Any, where: str) -> Any:
    """The smallest instance of ``schema``: its example, default or first enum value when it
    has one; required properties only; the first branch of a oneOf."""
    schema = resolve(spec, schema)
    if not isinstance(schema, dict):
        raise MockError(f"{where}: not a schema")
    for key in ("example", "default"):
        if key in schema:
            return schema[key]
    if "enum" in schema:
        return schema["enum"][0]
    for key in ("oneOf", "anyOf"):
        if key in schema:
            return minimal(spec, schema[key][0], f"{where}/{key}/0")
    if "allOf" in schema:
        merged: dict[str, Any] = {}
        for i, part in enumerate(schema["allOf"]):
            value = minimal(spec, part, f"{where}/allOf/{i}")
            if not isinstance(value, dict):
                return value
            merged.update(value)
        return merged
    kind = schema.get("type") or ("object" if "properties" in schema else None)
    if kind == "object":
        properties = schema.get("properties", {})
        names = list(schema.get("required", []))
        # minProperties: the first optional properties too, as many as it takes.
        names += [n for n in properties if n not in names][: schema.get("minProperties", 0)]
        names = names[: max(len(schema.get("required", [])), schema.get("minProperties", 0))]
        return {
            name: minimal(spec, properties.get(name, {}), f"{where}/properties/{name}")
            for name in names
        }
    if kind == "array":
        count = schema.get("minItems", 0)
        return [minimal(spec, schema.get("items", {}), f"{where}/items") for _ in range(count)]
    if kind == "string":
        text = {"date": "2016-10-01", "date-time": "2016-10-01T13:20:00Z"}.get(
            schema.get("format", ""), "x" * max(1, schema.get("minLength", 0))
        )
        # A pattern that only rules characters out (no NUL, say) admits the plain value.
        if "pattern" in schema and not re.search(schema["pattern"], text):
            raise MockError(f"{where}: a string with a pattern needs an example in the spec")
        return text
    if kind in ("integer", "number"):
        return schema.get("minimum", 0)
    if kind == "boolean":
        return False
    if kind is None:
        return {}
    raise MockError(f"{where}: no minimal value for type {kind!r}")


def validator(spec: dict[str, Any], schema: dict[str, Any]) -> Draft4Validator:
    # Refs in the schema point into the spec, so the spec's components ride along as the root.
    return Draft4Validator({"components": spec.get("components", {}), **schema})


def mock_response(spec: dict[str, Any], method: str, path: str) -> tuple[int, Any]:
    """(status, body) the mock answers for an operation; body None: no content."""
    operation = spec["paths"][path][method]
    responses = operation["responses"]
    success = [code for code in responses if str(code).startswith("2")]
    if not success:
        raise MockError(f"{method.upper()} {path}: no 2xx response")
    status = str(success[0])
    response = resolve(spec, responses[success[0]])
    content = response.get("content", {})
    media = next((m for m in content if m in JSON_MEDIA or m.endswith("+json")), None)
    if media is None:
        return int(status), None
    where = f"{method.upper()} {path} {status} {media}"
    body = content[media]
    if body.get("examples"):
        value = resolve(spec, next(iter(body["examples"].values()))).get("value")
    elif "example" in body:
        value = body["example"]
    else:
        value = minimal(spec, body.get("schema", {}), f"{where} schema")
    errors = sorted(
        validator(spec, body.get("schema", {})).iter_errors(value), key=lambda e: list(e.path)
    )
    if errors:
        raise MockError(f"{where}: the mock body does not validate: {errors[0].message}")
    return int(status), value


def responders(spec: dict[str, Any]) -> dict[str, Callable[..., Response]]:
    """One function per operationId, answering its success status and example."""
    found: dict[str, Callable[..., Response]] = {}
    for path, item in spec["paths"].items():
        for method in HTTP_METHODS:
            if method in item:
                status, body = mock_response(spec, method, path)
                found[item[method]["operationId"]] = responder(status, body)
    return found


def responder(status: int, body: Any) -> Callable[..., Response]:
    payload = None if body is None else orjson.dumps(body)

    def respond(**_arguments: Any) -> Response:
        # Connexion has validated the request and passes its parameters; the mock ignores them.
        if payload is None:
            return Response(status_code=status)
        return Response(payload, status_code=status, media_type="application/json")

    return respond


async def any_token(token: str) -> dict[str, str]:
    """Mock mode has no parties: a request still needs a bearer token, and any will do."""
    return {"party": "mock", "role": "seller", "sub": "mock"}


def create_mock_app(settings: Settings | None = None) -> AsyncApp:
    """The service's API with example responders in place of the handlers; no database."""
    settings = settings or Settings()
    configure_logging(settings)
    answers = responders(SPEC_DOCUMENT)
    app = AsyncApp(__name__, specification_dir=SPEC.parent, security_map=security_map(any_token))
    app.add_api(
        SPEC.name,
        resolver=Resolver(function_resolver=answers.__getitem__),
        **api_options(settings),
    )
    add_spec_routes(app)
    install_error_handlers(app)
    instrument(app)
    add_health_routes(app, None)
    return app
