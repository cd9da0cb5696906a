"""What the business rules refuse, as exceptions. The HTTP layer turns each into its problem
response in one place (app/handlers/problems.py); the domain names no status code."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from pydantic import ValidationError


class DomainError(Exception):
    def __init__(self, detail: str) -> None:
        super().__init__(detail)
        self.detail = detail


class NotFound(DomainError):
    """No such thing, or not the caller's to see (which must not be told apart). ``errors``
    names the parameter that found nothing, where the request names several things."""

    def __init__(self, detail: str, errors: Sequence[FieldError] = ()) -> None:
        super().__init__(detail)
        self.errors = tuple(errors)


class Forbidden(DomainError):
    """The caller may not act for whom it asked to."""


class Conflict(DomainError):
    """The request cannot apply to the thing as it is now (its state, a used version)."""


class StaleRevision(DomainError):
    """The writer's change was based on a revision the order has left."""

    def __init__(self, order_id: str, revision: int) -> None:
        super().__init__(f"order {order_id} is at revision {revision}")
        self.order_id = order_id
        self.revision = revision


@dataclass(frozen=True)
class FieldError:
    """One field at fault: a JSON pointer into a document, or the name of a query parameter."""

    detail: str
    pointer: str | None = None
    parameter: str | None = None


def not_found(detail: str, *parameters: str) -> NotFound:
    """NotFound naming the parameters that found nothing (each with ``detail``)."""
    return NotFound(detail, [FieldError(detail, parameter=name) for name in parameters])


class Invalid(DomainError):
    """Content the rules refuse: every field at fault, with why. ``detail`` sums them up when
    given; ``validation`` is the error of a document that is no longer a valid model."""

    def __init__(
        self,
        errors: Sequence[FieldError] = (),
        detail: str | None = None,
        *,
        validation: ValidationError | None = None,
    ) -> None:
        super().__init__(detail or "; ".join(e.detail for e in errors) or str(validation))
        self.errors = tuple(errors)
        self.summary = detail
        self.validation = validation
