"""RFC 9457 problem responses: the exceptions handlers raise, and the app's error handlers."""

from __future__ import annotations

import json
import logging
from http import HTTPStatus
from typing import Any

from connexion.exceptions import ProblemException
from connexion.lifecycle import ConnexionRequest, ConnexionResponse
from pydantic import ValidationError
from starlette.exceptions import HTTPException

PROBLEM_JSON = "application/problem+json"
log = logging.getLogger(__name__)


def problem(
    status: int,
    title: str,
    detail: str,
    *,
    errors: list[dict[str, str]] | None = None,
    headers: dict[str, str] | None = None,
) -> ProblemException:
    return ProblemException(
        status=status,
        title=title,
        detail=detail,
        headers=headers,
        ext={"errors": errors} if errors else None,
    )


def not_found(detail: str) -> ProblemException:
    return problem(404, "Not Found", detail)


def conflict(detail: str) -> ProblemException:
    return problem(409, "Conflict", detail)


def precondition_failed(detail: str) -> ProblemException:
    return problem(412, "Precondition Failed", detail)


def unprocessable(detail: str, errors: list[dict[str, str]] | None = None) -> ProblemException:
    return problem(422, "Unprocessable Content", detail, errors=errors)


def pointer(path: Any) -> str:
    """RFC 6901 JSON pointer of a path of keys and indexes."""
    parts = (str(p).replace("~", "~0").replace("/", "~1") for p in path)
    return "".join(f"/{p}" for p in parts) or "/"


def summary(errors: list[dict[str, str]]) -> str:
    first = "; ".join(
        f"{e.get('pointer') or e.get('parameter')}: {e['detail']}" for e in errors[:5]
    )
    more = f" (and {len(errors) - 5} more)" if len(errors) > 5 else ""
    noun = "error" if len(errors) == 1 else "errors"
    return f"{len(errors)} validation {noun}: {first}{more}"


def from_pydantic(error: ValidationError, status: int = 422) -> ProblemException:
    errors = [
        {"pointer": pointer(e["loc"]), "detail": e["msg"]}
        for e in error.errors(include_url=False)
        # A tagged union also reports the tag it chose; the field errors say more.
        if e["type"] != "union_tag_invalid" or len(e["loc"]) == 0
    ]
    title = "Bad Request" if status == 400 else "Unprocessable Content"
    return problem(status, title, summary(errors), errors=errors)


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


def _body(
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
        _body(exc.status, exc.title or "Error", exc.detail, exc.ext),
        dict(exc.headers or {}),
    )


async def http_exception_handler(_request: ConnexionRequest, exc: Exception) -> ConnexionResponse:
    assert isinstance(exc, HTTPException)
    title = HTTPStatus(exc.status_code).phrase
    return _response(
        exc.status_code, _body(exc.status_code, title, exc.detail), dict(exc.headers or {})
    )


async def validation_error_handler(_request: ConnexionRequest, exc: Exception) -> ConnexionResponse:
    # A request model that passed the JSON schema but not pydantic: the client's input, not a crash.
    assert isinstance(exc, ValidationError)
    return await problem_handler(_request, from_pydantic(exc, status=400))


async def crash_handler(request: ConnexionRequest, exc: Exception) -> ConnexionResponse:
    log.exception("unhandled error on %s %s", request.method, request.url, exc_info=exc)
    return _response(
        500,
        _body(
            500, "Internal Server Error", "The server failed to handle the request; it was logged."
        ),
    )
