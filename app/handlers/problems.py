"""Domain errors as problems: the one place a refusal of the business rules gets its HTTP status
and problem+json body."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import ParamSpec, TypeVar, cast

from connexion.exceptions import ProblemException

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
from specfirst.problems import (
    conflict,
    forbidden,
    from_validation_error,
    invalid,
    not_found,
    precondition_failed,
    unprocessable,
)

HandlerT = TypeVar("HandlerT")
P = ParamSpec("P")
R = TypeVar("R")


def _entry(error: FieldError) -> dict[str, str]:
    if error.parameter is not None:
        return {"parameter": error.parameter, "detail": error.detail}
    return {"pointer": error.pointer or "/", "detail": error.detail}


def problem_of(error: DomainError, if_match: str | None = None) -> ProblemException | None:
    """The problem of a domain error (None: a kind it does not know, a bug); ``if_match`` is
    the request's, named by a 412."""
    if isinstance(error, NotFound):
        return not_found(error.detail, errors=[_entry(e) for e in error.errors])
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


def refusals_as_problems(cls: type[HandlerT]) -> type[HandlerT]:
    """Wraps each public method of a handler class, so that a DomainError it lets through
    leaves as its problem (the framework's error handlers answer it as any other)."""
    for name, member in list(vars(cls).items()):
        if callable(member) and not name.startswith("_"):
            setattr(cls, name, _translating(member))
    return cls


def _translating(method: Callable[P, R]) -> Callable[P, R]:
    @functools.wraps(method)
    def call(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return method(*args, **kwargs)
        except DomainError as error:
            problem = problem_of(error, cast(str | None, kwargs.get("if_match")))
            if problem is None:
                raise  # a crash: logged with its trace, answered 500
            raise problem from error

    return call
