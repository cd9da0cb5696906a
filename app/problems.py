"""RFC 9457 problem responses: the exceptions handlers raise, and the app's error handlers."""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Awaitable, Callable
from http import HTTPStatus
from typing import Any

from connexion.exceptions import ProblemException
from connexion.lifecycle import ConnexionRequest, ConnexionResponse
from starlette.exceptions import HTTPException

from app.observability import request_id
from app.storage.database import database_unavailable, unavailable_reason
from generated.runtime import problem

PROBLEM_JSON = "application/problem+json"
# Seconds a client should wait before retrying a 503 (the service's and its probes').
RETRY_AFTER = "5"
ErrorHandler = Callable[[ConnexionRequest, Exception], Awaitable[ConnexionResponse]]
log = logging.getLogger(__name__)


def not_found(detail: str) -> ProblemException:
    return problem(404, "Not Found", detail)


def forbidden(detail: str) -> ProblemException:
    return problem(403, "Forbidden", detail)


def conflict(detail: str) -> ProblemException:
    return problem(409, "Conflict", detail)


def precondition_failed(detail: str) -> ProblemException:
    return problem(412, "Precondition Failed", detail)


def unprocessable(detail: str, errors: list[dict[str, str]] | None = None) -> ProblemException:
    return problem(422, "Unprocessable Content", detail, errors=errors)


def _response(
    status: int, body: dict[str, Any], headers: dict[str, str] | None = None
) -> ConnexionResponse:
    headers = dict(headers or {})
    if status == 401:
        headers.setdefault("WWW-Authenticate", "Bearer")  # RFC 6750: which scheme to use
    return ConnexionResponse(
        status_code=status,
        mimetype=PROBLEM_JSON,
        content_type=PROBLEM_JSON,
        body=json.dumps(body),
        headers=headers,
    )


def problem_body(
    status: int, title: str, detail: str | None, ext: dict[str, Any] | None = None
) -> dict[str, Any]:
    body: dict[str, Any] = {"type": "about:blank", "title": title, "status": status}
    if detail:
        body["detail"] = detail
    if ext:
        body.update(ext)
    return body


async def problem_handler(_request: ConnexionRequest, exc: Exception) -> ConnexionResponse:
    assert isinstance(exc, ProblemException)
    return _response(
        exc.status,
        problem_body(exc.status, exc.title or "Error", exc.detail, exc.ext),
        dict(exc.headers or {}),
    )


HTTP_METHODS = {"get", "put", "post", "delete", "options", "head", "patch", "trace"}


class MethodIndex:
    """The methods the spec declares for each path, for the Allow header of a 405: routing
    alone would list only the methods of the route that happened to match."""

    def __init__(self, paths: dict[str, Any]) -> None:
        self.routes = [
            (
                re.compile("^" + re.sub(r"\\\{[^/]+?\\\}", "[^/]+", re.escape(template)) + "$"),
                ", ".join(sorted(m.upper() for m in item if m in HTTP_METHODS)),
            )
            for template, item in paths.items()
        ]

    def allowed(self, path: str) -> str | None:
        return next((methods for regex, methods in self.routes if regex.match(path)), None)


def http_exception_handler(methods: MethodIndex) -> ErrorHandler:
    async def handle(request: ConnexionRequest, exc: Exception) -> ConnexionResponse:
        assert isinstance(exc, HTTPException)
        headers = dict(exc.headers or {})
        allowed = methods.allowed(request.url.path) if exc.status_code == 405 else None
        if allowed:
            headers["Allow"] = allowed
        title = HTTPStatus(exc.status_code).phrase
        return _response(exc.status_code, problem_body(exc.status_code, title, exc.detail), headers)

    return handle


async def crash_handler(request: ConnexionRequest, exc: Exception) -> ConnexionResponse:
    log.exception("unhandled error on %s %s", request.method, request.url.path, exc_info=exc)
    # The id lets support find the logged trace; the X-Request-ID header carries it too.
    detail = f"The server failed to handle the request; it was logged with request id {request_id.get()}."
    return _response(500, problem_body(500, "Internal Server Error", detail))


async def too_deep_handler(_request: ConnexionRequest, _exc: Exception) -> ConnexionResponse:
    detail = "the JSON body is nested too deeply to be read"
    return _response(400, problem_body(400, "Bad Request", detail))


async def database_error_handler(request: ConnexionRequest, exc: Exception) -> ConnexionResponse:
    """503 with Retry-After while the database is unavailable; any other error is a crash."""
    if not database_unavailable(exc):
        return await crash_handler(request, exc)
    reason = unavailable_reason(exc)
    log.warning("database unavailable on %s %s (%s)", request.method, request.url.path, reason)
    detail = f"The database is unavailable ({reason}). Retry in {RETRY_AFTER} seconds."
    return _response(
        503,
        problem_body(503, "Service Unavailable", detail),
        {"Retry-After": RETRY_AFTER, "Cache-Control": "no-store"},
    )
