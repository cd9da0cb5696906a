"""The baseline: a raw Starlette endpoint answering a stored order's JSON, no framework work."""

from __future__ import annotations

import json

import yaml
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from app.main import SPEC

# The seed's create response: the same document the API answers for one order.
ORDER = json.dumps(
    yaml.safe_load(SPEC.read_text())["components"]["examples"]["createOrderResponse"]["value"]
).encode()


async def order(_request: Request) -> Response:
    return Response(ORDER, media_type="application/json")


app = Starlette(routes=[Route("/orders/{id}", order), Route("/orders", order)])
