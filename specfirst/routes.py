"""The service's own routes, outside the spec: their paths, and the published spec."""

from __future__ import annotations

import functools
import json
from pathlib import Path

from connexion import AsyncApp
from starlette.requests import Request
from starlette.responses import Response

from specfirst.document import Spec

UI_PATH = "/ui"  # Swagger UI, and everything under it
HEALTHZ = "/healthz"
READYZ = "/readyz"
METRICS = "/metrics"
SPEC_YAML = "/openapi.yaml"
SPEC_JSON = "/openapi.json"


def add_spec_routes(app: AsyncApp, spec_path: Path, spec: Spec) -> None:
    """The published spec, as written: /openapi.yaml byte for byte, /openapi.json its JSON
    (Connexion would serve it with every $ref inlined)."""
    text = spec_path.read_text(encoding="utf-8")
    # Made at the first request for it, not with every app (a test suite creates hundreds).
    as_json = functools.cache(lambda: json.dumps(spec, indent=2))

    async def openapi_yaml(_request: Request) -> Response:
        return Response(text, media_type="application/yaml")

    async def openapi_json(_request: Request) -> Response:
        return Response(as_json(), media_type="application/json")

    app.add_url_rule(SPEC_YAML, "openapi_yaml", openapi_yaml, methods=["GET"])
    app.add_url_rule(SPEC_JSON, "openapi_json", openapi_json, methods=["GET"])
