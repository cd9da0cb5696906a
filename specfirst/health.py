"""Liveness and readiness probes: operational routes outside the spec, like /openapi.json.

``/healthz`` answers as long as the process serves HTTP and touches nothing else; ``/readyz``
answers 200 only when the application's readiness check passes (say, its database answers with
the newest schema), and a 503 problem with Retry-After otherwise, so a load balancer sends
traffic elsewhere meanwhile. Without a readiness check, ready means alive.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable

from connexion import AsyncApp
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import Response

from specfirst.problems import UNAVAILABLE_HEADERS, problem_response
from specfirst.routes import HEALTHZ, READYZ

READINESS_TIMEOUT = 5.0  # seconds: a check that takes longer is not ready
# Raises NotReady (saying why) when the service cannot serve yet; runs in the threadpool.
Readiness = Callable[[], None]


class NotReady(Exception):
    """Why the service cannot serve requests yet (safe to show: no credentials, no trace)."""


def ok() -> Response:
    return Response('{"status":"ok"}', media_type="application/json")


def not_ready(detail: str) -> Response:
    return problem_response(503, "Service Unavailable", detail, headers=dict(UNAVAILABLE_HEADERS))


async def readiness_answer(
    readiness: Readiness | None, timeout: float = READINESS_TIMEOUT
) -> Response:
    if readiness is None:
        return ok()
    try:
        await asyncio.wait_for(run_in_threadpool(readiness), timeout)
    except NotReady as error:
        return not_ready(str(error))
    except TimeoutError:
        return not_ready(f"the readiness check did not answer within {timeout:g} s")
    return ok()


def add_health_routes(app: AsyncApp, readiness: Readiness | None) -> None:
    """``/healthz`` and ``/readyz``."""

    async def healthz(_request: Request) -> Response:
        return ok()

    async def readyz(_request: Request) -> Response:
        return await readiness_answer(readiness)

    app.add_url_rule(HEALTHZ, "healthz", healthz, methods=["GET"])
    app.add_url_rule(READYZ, "readyz", readyz, methods=["GET"])
