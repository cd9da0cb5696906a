"""Mock mode (``serve --mock``): every operation of the spec answers its documented success
status with the first named example of that response, before any handler exists.

Requests are routed, authenticated and validated exactly as by the real service (the same app
factory); only the operations differ: each is a responder built from the spec, and every
credential is accepted. A success response without an example gets the smallest body its
schema accepts (the required fields only); the mock refuses to start when it cannot build one
that validates.
"""

from __future__ import annotations

import re
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

import orjson
from connexion import AsyncApp
from connexion.lifecycle import ConnexionRequest
from jsonschema import Draft4Validator
from starlette.responses import Response

from specfirst.app import create_service
from specfirst.config import Config, load_config
from specfirst.connexion_overrides import SpecResolver
from specfirst.document import Spec, load_spec, operations_of, resolve
from specfirst.security import Info, Verifier, requirements, scheme_kind, schemes, used_schemes
from specfirst.settings import ServiceSettings

JSON_MEDIA = ("application/json", "application/problem+json")
Responder = Callable[[ConnexionRequest], Awaitable[Response]]


class MockError(Exception):
    """The spec gives no way to answer an operation (the message says where and why)."""


def minimal(spec: Spec, schema: Any, where: str) -> Any:
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


def validator(spec: Spec, schema: dict[str, Any]) -> Draft4Validator:
    # Refs in the schema point into the spec, so the spec's components ride along as the root.
    return Draft4Validator({"components": spec.get("components", {}), **schema})


def mock_response(spec: Spec, method: str, path: str) -> tuple[int, Any, str | None]:
    """(status, body, media type) the mock answers for an operation; body None: no content."""
    operation = spec["paths"][path][method]
    responses = operation["responses"]
    success = [code for code in responses if str(code).startswith("2")]
    if not success:
        raise MockError(f"{method.upper()} {path}: no 2xx response")
    status = str(success[0])
    code = int(status) if status.isdigit() else 200  # "2XX": any success will do
    response = resolve(spec, responses[success[0]])
    content = response.get("content", {})
    media = next((m for m in content if is_json(m)), None)
    if media is None:
        return code, None, None
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
    return code, value, media


def is_json(media: str) -> bool:
    """JSON, with or without parameters (``application/json; charset=utf-8``, ``+json``)."""
    base = media.split(";", 1)[0].strip().lower()
    return base in JSON_MEDIA or base.endswith("+json")


def responders(spec: Spec) -> dict[tuple[str, str], Responder]:
    """One function per operation, by (method, path), answering its success status and example."""
    return {
        (method, path): responder(*mock_response(spec, method, path))
        for method, path, _ in operations_of(spec)
    }


def responder(status: int, body: Any, media: str | None) -> Responder:
    payload = None if body is None else orjson.dumps(body)

    async def respond(_request: ConnexionRequest) -> Response:
        # Connexion has routed, authenticated and validated the request; the mock answers.
        if payload is None:
            return Response(status_code=status)
        return Response(payload, status_code=status, headers={"Content-Type": str(media)})

    return respond


def mock_resolver(spec: Spec) -> SpecResolver:
    answers = responders(spec)
    return SpecResolver(lambda method, path, _operation_id: answers[(method, path)])


def any_credential(spec: Spec) -> dict[str, Verifier]:
    """A verifier per security scheme the spec uses that accepts any credential, granting every
    scope the spec asks of that scheme."""
    required: dict[str, set[str]] = {}
    for requirement in requirements(spec):
        for name, scopes in requirement.items():
            required.setdefault(name, set()).update(scopes)
    declared = schemes(spec)
    found: dict[str, Verifier] = {}
    for name in used_schemes(spec):
        info: Info = {"sub": "mock", "scope": sorted(required.get(name, ()))}
        found[name] = (
            _any_basic(info) if scheme_kind(name, declared[name]) == "basic" else _any_token(info)
        )
    return found


def _any_token(info: Info) -> Verifier:
    async def verify(_credential: str) -> Info:
        return info

    return verify


def _any_basic(info: Info) -> Verifier:
    async def verify(_username: str, _password: str) -> Info:
        return info

    return verify


def create_mock_service(
    config: Config, settings: ServiceSettings, *, refuse_nul: bool = False
) -> AsyncApp:
    """The spec's API with example responders in place of the handlers; no application."""
    spec = load_spec(config.spec)
    return create_service(
        config,
        mock_resolver(spec),
        settings,
        verifiers=any_credential(spec),
        refuse_nul=refuse_nul,
        import_name=__name__,
    )


def create_mock_app() -> AsyncApp:
    """The mock of the project in the current folder (its ``[tool.specfirst]``), for
    ``python -m specfirst serve --mock``."""
    return create_mock_service(load_config(Path.cwd()), ServiceSettings())
