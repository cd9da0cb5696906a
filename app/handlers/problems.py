"""Domain errors as problem responses: the one place a refusal of the business rules gets its
HTTP status and problem+json body."""

from __future__ import annotations

from connexion.exceptions import ProblemException
from connexion.lifecycle import ConnexionRequest, ConnexionResponse

from app.domain.errors import (
    Conflict,
    DomainError,
    FieldError,
    Forbidden,
    Invalid,
    NotFound,
    StaleRevision,
)
from app.handlers.http import etag
from app.problems import (
    conflict,
    crash_handler,
    forbidden,
    not_found,
    precondition_failed,
    problem_handler,
    unprocessable,
)
from generated.runtime import from_validation_error, invalid


def _entry(error: FieldError) -> dict[str, str]:
    if error.parameter is not None:
        return {"parameter": error.parameter, "detail": error.detail}
    return {"pointer": error.pointer or "/", "detail": error.detail}


def problem_of(error: DomainError, if_match: str | None = None) -> ProblemException | None:
    """The problem of a domain error (None: a kind it does not know, a bug); ``if_match`` is
    the request's, named by a 412."""
    if isinstance(error, NotFound):
        return not_found(error.detail)
    if isinstance(error, Forbidden):
        return forbidden(error.detail)
    if isinstance(error, StaleRevision):
        return precondition_failed(
            f"If-Match {if_match} does not match the order's ETag {etag(error.revision)}"
        )
    if isinstance(error, Invalid):
        if error.validation is not None:
            return from_validation_error(error.validation, 422)
        entries = [_entry(e) for e in error.errors]
        if error.summary is not None:
            return unprocessable(error.summary, errors=entries)
        return invalid(422, entries)
    if isinstance(error, Conflict):
        return conflict(error.detail)
    return None


async def domain_error_handler(request: ConnexionRequest, exc: Exception) -> ConnexionResponse:
    """The app's error handler for every DomainError a handler lets through."""
    assert isinstance(exc, DomainError)
    problem = problem_of(exc, request.headers.get("if-match"))
    if problem is None:
        return await crash_handler(request, exc)
    return await problem_handler(request, problem)
