"""What the framework's tests share: a small project written to a folder (a spec, and
optionally ``[tool.specfirst]``) and the real service the framework makes of it."""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable, Mapping
from pathlib import Path
from typing import Any

import yaml
from connexion import AsyncApp
from connexion.lifecycle import ConnexionRequest
from starlette.responses import Response

from specfirst.app import create_service
from specfirst.config import Config, load_config
from specfirst.connexion_overrides import SpecResolver
from specfirst.security import Verifier
from specfirst.settings import ServiceSettings

Function = Callable[[ConnexionRequest], Awaitable[Response]]


def project(folder: Path, spec: dict[str, Any], tool: Mapping[str, str] | None = None) -> Config:
    """A project in ``folder``: spec/openapi.yaml, and pyproject.toml with ``tool`` as its
    ``[tool.specfirst]``; its config."""
    (folder / "spec").mkdir(parents=True, exist_ok=True)
    (folder / "spec" / "openapi.yaml").write_text(yaml.safe_dump(spec, sort_keys=False))
    if tool is not None:
        lines = [
            "[tool.specfirst]",
            *(f"{key} = {json.dumps(value)}" for key, value in tool.items()),
        ]
        (folder / "pyproject.toml").write_text("\n".join(lines) + "\n")
    return load_config(folder)


def json_response(body: Any, status: int = 200) -> Response:
    return Response(json.dumps(body), status_code=status, media_type="application/json")


def by_operation_id(functions: Mapping[str, Function]) -> SpecResolver:
    return SpecResolver(lambda _method, _path, operation_id: functions[str(operation_id)])


def service(
    config: Config,
    functions: Mapping[str, Function],
    *,
    verifiers: Mapping[str, Verifier] | None = None,
    settings: ServiceSettings | None = None,
    **options: Any,
) -> AsyncApp:
    """The framework's service of ``config``'s spec, each operation answered by ``functions``."""
    return create_service(
        config,
        by_operation_id(functions),
        settings or ServiceSettings(validate_responses=True, log_format="plain"),
        verifiers=verifiers or {},
        **options,
    )


def operation(
    operation_id: str,
    *,
    security: list[dict[str, list[str]]] | None = None,
    roles: list[str] | None = None,
    parameters: list[dict[str, Any]] | None = None,
    body: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """An operation answering 200 with any JSON object (and 401/403 problems)."""
    found: dict[str, Any] = {
        "operationId": operation_id,
        "responses": {
            "200": {
                "description": "OK",
                "content": {"application/json": {"schema": {"type": "object"}}},
            },
            "default": {
                "description": "A problem",
                "content": {"application/problem+json": {"schema": {"type": "object"}}},
            },
        },
    }
    if security is not None:
        found["security"] = security
    if roles is not None:
        found["x-roles"] = roles
    if parameters:
        found["parameters"] = parameters
    if body is not None:
        found["requestBody"] = {"required": True, "content": {"application/json": {"schema": body}}}
    return found


def document(paths: dict[str, Any], **extra: Any) -> dict[str, Any]:
    return {
        "openapi": "3.0.3",
        "info": {"title": "Widget Shop API", "version": "1.0.0"},
        "paths": paths,
        **extra,
    }
