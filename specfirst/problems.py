"""RFC 9457 problem documents: the ONE body builder, the exceptions handlers raise, and the
error handlers that turn every error into ``application/problem+json``."""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Awaitable, Callable, Iterable
from dataclasses import dataclass
from http import HTTPStatus
from typing import Any

from connexion.exceptions import OAuthResponseProblem, OAuthScopeProblem, ProblemException
from connexion.lifecycle import ConnexionRequest, ConnexionResponse
from pydantic import ValidationError
from starlette.exceptions import HTTPException
from starlette.responses import Response

from specfirst.document import HTTP_METHODS, pointer

PROBLEM_JSON = "application/problem+json"
# Seconds a client should wait before retrying a 503 (the service's and its probes').
RETRY_AFTER = "5"
UNAVAILABLE_HEADERS = {"Retry-After": RETRY_AFTER, "Cache-Control": "no-store"}
ErrorHandler = Callable[[ConnexionRequest, Exception], Awaitable[ConnexionResponse]]
log = logging.getLogger(__name__)


def problem_body(
    status: int, title: str, detail: str | None = None, ext: dict[str, Any] | None = None
) -> dict[str, Any]:
    """The problem document; ``ext`` adds members (``errors``)."""
    body: dict[str, Any] = {"type": "about:blank", "title": title, "status": status}
    if detail:
        body["detail"] = detail
    if ext:
        body.update(ext)
    return body


def problem_response(
    status: int, title: str, detail: str | None = None, headers: dict[str, str] | None = None
) -> Response:
    """A problem answered outside Connexion's error handlers (guard rails, probes)."""
    body = json.dumps(problem_body(status, title, detail))
    return Response(body, status_code=status, media_type=PROBLEM_JSON, headers=headers)


def problem(
    status: int,
    title: str,
    detail: str,
    *,
    errors: list[dict[str, str]] | None = None,
    headers: dict[str, str] | None = None,
) -> ProblemException:
    """An RFC 9457 problem; ``errors`` lists each failure with its ``pointer`` or ``parameter``."""
    return ProblemException(
        status=status,
        title=title,
        detail=detail,
        headers=headers,
        ext={"errors": errors} if errors else None,
    )


def invalid(status: int, errors: list[dict[str, str]]) -> ProblemException:
    """A validation problem whose detail names the fields at fault."""
    shown = "; ".join(
        f"{e.get('pointer') or e.get('parameter')}: {e['detail']}" for e in errors[:5]
    )
    more = f" (and {len(errors) - 5} more)" if len(errors) > 5 else ""
    noun = "error" if len(errors) == 1 else "errors"
    title = "Bad Request" if status == 400 else "Unprocessable Content"
    return problem(status, title, f"{len(errors)} validation {noun}: {shown}{more}", errors=errors)


def from_validation_error(error: ValidationError, status: int) -> ProblemException:
    """A pydantic validation error as a problem listing each field at fault."""
    errors = [
        {"pointer": pointer(e["loc"]), "detail": e["msg"]}
        for e in error.errors(include_url=False)
        # A tagged union also reports the tag it chose; the field errors say more.
        if e["type"] != "union_tag_invalid" or not e["loc"]
    ]
    return invalid(status, errors)


def not_found(detail: str, errors: list[dict[str, str]] | None = None) -> ProblemException:
    return problem(404, "Not Found", detail, errors=errors)


def forbidden(detail: str) -> ProblemException:
    return problem(403, "Forbidden", detail)


def conflict(detail: str) -> ProblemException:
    return problem(409, "Conflict", detail)


def precondition_failed(detail: str) -> ProblemException:
    return problem(412, "Precondition Failed", detail)


def unprocessable(detail: str, errors: list[dict[str, str]] | None = None) -> ProblemException:
    return problem(422, "Unprocessable Content", detail, errors=errors)


def not_implemented(operation_id: str) -> ProblemException:
    return problem(501, "Not Implemented", f"Operation {operation_id} has no handler yet.")


# ---- error handlers ------------------------------------------------------------------------


def _response(
    status: int, body: dict[str, Any], headers: dict[str, str] | None = None
) -> ConnexionResponse:
    return ConnexionResponse(
        status_code=status,
        mimetype=PROBLEM_JSON,
        content_type=PROBLEM_JSON,
        body=json.dumps(body),
        headers=headers or {},
    )


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


@dataclass(frozen=True)
class Unavailable:
    """What the application says about errors that mean "cannot serve now, retry": ``reason``
    names the cause of one of ``errors`` (no hosts, users or SQL), or is None when that error
    is a bug after all (a 500)."""

    errors: tuple[type[BaseException], ...]
    reason: Callable[[BaseException], str | None]


def insufficient_scope(exc: OAuthScopeProblem) -> tuple[str, str]:
    """The 403 of a token without an operation's scope: its detail naming the missing scope,
    and its challenge (RFC 6750)."""
    granted = exc.token_scopes
    held = set(granted.split() if isinstance(granted, str) else granted)
    missing = " ".join(s for s in exc.required_scopes if s not in held)
    detail = (
        f"this operation needs the scope {missing}; "
        f"the token has {' '.join(sorted(held)) or 'no scope'}"
    )
    return detail, f'Bearer error="insufficient_scope", scope="{missing}"'


class ErrorHandlers:
    """Every error leaves as application/problem+json; crashes without their trace.

    ``challenge``: the WWW-Authenticate value of a 401 (from the spec's security schemes);
    ``refused_challenge``: its value when a credential was sent and refused;
    ``request_id``: the current request's id, named in a crash's detail so support finds the
    logged trace."""

    def __init__(
        self,
        methods: MethodIndex,
        *,
        challenge: str | None = None,
        refused_challenge: str | None = None,
        request_id: Callable[[], str | None] = lambda: None,
        unavailable: Unavailable | None = None,
    ) -> None:
        self.methods = methods
        self.challenge = challenge
        self.refused_challenge = refused_challenge
        self.request_id = request_id
        self.unavailable = unavailable

    def response(
        self, status: int, body: dict[str, Any], headers: dict[str, str] | None = None
    ) -> ConnexionResponse:
        headers = dict(headers or {})
        if status == 401 and self.challenge:
            headers.setdefault("WWW-Authenticate", self.challenge)  # RFC 9110: how to log in
        return _response(status, body, headers)

    async def problem(self, _request: ConnexionRequest, exc: Exception) -> ConnexionResponse:
        assert isinstance(exc, ProblemException)
        headers = dict(exc.headers or {})
        if isinstance(exc, OAuthResponseProblem) and self.refused_challenge:
            headers["WWW-Authenticate"] = self.refused_challenge  # a credential was refused
        return self.response(
            exc.status, problem_body(exc.status, exc.title or "Error", exc.detail, exc.ext), headers
        )

    async def http_exception(self, request: ConnexionRequest, exc: Exception) -> ConnexionResponse:
        assert isinstance(exc, HTTPException)
        headers = dict(exc.headers or {})
        allowed = self.methods.allowed(request.url.path) if exc.status_code == 405 else None
        if allowed:
            headers["Allow"] = allowed
        detail = exc.detail
        if isinstance(exc, OAuthScopeProblem):
            detail, headers["WWW-Authenticate"] = insufficient_scope(exc)
        title = HTTPStatus(exc.status_code).phrase
        return self.response(exc.status_code, problem_body(exc.status_code, title, detail), headers)

    async def crash(self, request: ConnexionRequest, exc: Exception) -> ConnexionResponse:
        log.exception("unhandled error on %s %s", request.method, request.url.path, exc_info=exc)
        detail = f"The server failed to handle the request; it was logged with request id {self.request_id()}."
        return self.response(500, problem_body(500, "Internal Server Error", detail))

    async def too_deep(self, _request: ConnexionRequest, _exc: Exception) -> ConnexionResponse:
        detail = "the JSON body is nested too deeply to be read"
        return self.response(400, problem_body(400, "Bad Request", detail))

    async def unavailable_error(
        self, request: ConnexionRequest, exc: Exception
    ) -> ConnexionResponse:
        """503 with Retry-After while the application says it is unavailable; else a crash."""
        reason = self.unavailable.reason(exc) if self.unavailable else None
        if reason is None:
            return await self.crash(request, exc)
        log.warning("unavailable on %s %s: %s", request.method, request.url.path, reason)
        detail = f"{reason}. Retry in {RETRY_AFTER} seconds."
        return self.response(
            503, problem_body(503, "Service Unavailable", detail), UNAVAILABLE_HEADERS
        )

    def handlers(self) -> Iterable[tuple[type[BaseException], ErrorHandler]]:
        """(error class, handler), to register as listed (the most specific first)."""
        yield ProblemException, self.problem
        yield HTTPException, self.http_exception
        # json.loads recurses once per nesting level: a body nested deeper than Python's stack
        # is the client's fault, not a crash.
        yield RecursionError, self.too_deep
        for error in self.unavailable.errors if self.unavailable else ():
            yield error, self.unavailable_error
        yield Exception, self.crash
