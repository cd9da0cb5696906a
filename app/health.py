"""Liveness and readiness probes: operational routes outside the spec, like /openapi.json.

``/healthz`` answers as long as the process serves HTTP and touches nothing else; ``/readyz``
answers 200 only when the database answers and its schema is at the newest migration, and a
503 problem with Retry-After otherwise, so a load balancer sends traffic elsewhere meanwhile.
"""

from __future__ import annotations

import asyncio
import json
from functools import lru_cache

from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from connexion import AsyncApp
from sqlalchemy import Engine, text
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import Response

from app.problems import RETRY_AFTER
from app.storage.database import MIGRATIONS

PROBLEM_JSON = "application/problem+json"
READINESS_TIMEOUT = 5.0  # seconds: a database that takes longer is not ready


class NotReady(Exception):
    """Why the service cannot serve requests yet (safe to show: no credentials, no trace)."""


@lru_cache(maxsize=1)
def newest_migrations() -> frozenset[str]:
    return frozenset(ScriptDirectory(str(MIGRATIONS)).get_heads())


def check_database(engine: Engine) -> None:
    """Raises NotReady unless the database answers ``SELECT 1`` and has the newest schema."""
    try:
        with engine.connect() as connection:
            connection.execute(text("SELECT 1"))
            current = frozenset(MigrationContext.configure(connection).get_current_heads())
    except Exception as error:
        # The driver's message may name hosts or users; its class says enough.
        raise NotReady(f"the database does not answer ({type(error).__name__})") from error
    newest = newest_migrations()
    if current != newest:
        found = ", ".join(sorted(current)) or "no schema"
        raise NotReady(
            f"the database schema is at {found}, the service needs {', '.join(sorted(newest))}"
            " (run `orders-api db upgrade`)"
        )


def ok() -> Response:
    return Response('{"status":"ok"}', media_type="application/json")


def not_ready(detail: str) -> Response:
    body = {"type": "about:blank", "title": "Service Unavailable", "status": 503, "detail": detail}
    return Response(
        json.dumps(body),
        status_code=503,
        media_type=PROBLEM_JSON,
        headers={"Retry-After": RETRY_AFTER, "Cache-Control": "no-store"},
    )


def add_health_routes(app: AsyncApp, engine: Engine | None) -> None:
    """``/healthz`` and ``/readyz``; without an engine (mock mode) ready means alive."""

    async def healthz(_request: Request) -> Response:
        return ok()

    async def readyz(_request: Request) -> Response:
        if engine is None:
            return ok()
        try:
            await asyncio.wait_for(run_in_threadpool(check_database, engine), READINESS_TIMEOUT)
        except NotReady as error:
            return not_ready(str(error))
        except TimeoutError:
            return not_ready(f"the database did not answer within {READINESS_TIMEOUT:g} s")
        return ok()

    app.add_url_rule("/healthz", "healthz", healthz, methods=["GET"])
    app.add_url_rule("/readyz", "readyz", readyz, methods=["GET"])
