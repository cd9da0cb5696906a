"""What a generated operation exchanges with its handler: the request body in (parsed once,
by the validator), the handler's result out as JSON with the status the spec declares."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

from connexion.lifecycle import ConnexionRequest
from pydantic import BaseModel, ValidationError
from starlette.responses import Response
from starlette.types import Scope

from specfirst.problems import from_validation_error

# Covariant: a Reply[Item] is a valid result where Reply[ItemList | Item] is declared.
BodyT = TypeVar("BodyT", bound=BaseModel, covariant=True)
ModelT = TypeVar("ModelT", bound=BaseModel)


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


def parse(model: type[ModelT], body: Any) -> ModelT:
    """The request body as ``model``; Connexion has already checked it against the schema."""
    try:
        return model.model_validate(body)
    except ValidationError as error:
        raise from_validation_error(error, 400) from error


# Where the request body the validator parsed is kept in the ASGI scope's extensions, so the
# operation does not parse it a second time.
PARSED_BODY = "specfirst.parsed_body"


def keep_parsed_body(scope: Scope, body: Any) -> None:
    """Called by the body validator once the body is parsed (and before it is validated)."""
    scope.setdefault("extensions", {})[PARSED_BODY] = body


async def request_body(request: ConnexionRequest) -> Any:
    """The JSON body: the one the validator parsed, or parsed here when no validator ran."""
    extensions = request.scope.get("extensions") or {}
    if PARSED_BODY in extensions:
        return extensions[PARSED_BODY]
    return await request.json()
