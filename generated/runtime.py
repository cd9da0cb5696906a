"""Generated from spec/openapi.yaml by codegen (nox -s generate). Do not edit.

What the generated operations need at run time: the handler result type and JSON conversion.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

from connexion.exceptions import ProblemException
from pydantic import BaseModel
from starlette.responses import Response

# Covariant: a Reply[Order] is a valid result where Reply[OrderList | Order] is declared.
BodyT = TypeVar("BodyT", bound=BaseModel, covariant=True)


@dataclass(frozen=True)
class Reply(Generic[BodyT]):
    """A handler result that sets a status or headers; a bare model gets the documented status."""

    body: BodyT
    status: int | None = None
    headers: Mapping[str, str] = field(default_factory=dict)


def to_json(model: BaseModel) -> Any:
    """The JSON document of a model: fields that were never set are left out, not sent as null."""
    return model.model_dump(mode="json", by_alias=True, exclude_none=True)


def respond(result: BaseModel | Reply[Any] | None, status: int) -> Response:
    """The HTTP response for a handler result. pydantic writes the JSON itself (much faster than
    handing Connexion a dict), and the media type is named because operations also declare
    application/problem+json responses."""
    if result is None:
        return Response(status_code=status)
    headers: dict[str, str] = {}
    if isinstance(result, Reply):
        body: BaseModel = result.body
        status, headers = result.status or status, dict(result.headers)
    else:
        body = result
    return Response(
        body.model_dump_json(by_alias=True, exclude_none=True),
        status_code=status,
        headers=headers,
        media_type="application/json",
    )


def not_implemented(operation_id: str) -> ProblemException:
    return ProblemException(
        status=501,
        title="Not Implemented",
        detail=f"Operation {operation_id} has no handler yet.",
    )
