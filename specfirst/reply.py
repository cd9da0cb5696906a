"""What a generated operation exchanges with its handler: the request body in (parsed once,
by the validator), the handler's result out with the status and media type the spec declares."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

from connexion.lifecycle import ConnexionRequest
from pydantic import BaseModel, ValidationError
from pydantic_core import to_json as json_bytes
from starlette.responses import Response
from starlette.types import Scope

from specfirst.problems import from_validation_error

# Covariant: a Reply[Item] is a valid result where Reply[ItemList | Item] is declared. A body is
# a model, or any value its response's schema describes (a list, a str, bytes, None...).
BodyT = TypeVar("BodyT", covariant=True)
ModelT = TypeVar("ModelT", bound=BaseModel)


@dataclass(frozen=True)
class StoredJSON(Generic[BodyT]):
    """JSON made before the request, sent as it is: typically an application's canonical
    document, validated against ``schema`` and serialized once when it was written
    (``canonical_json``), then stored and read back as text. ``schema`` declares what the text
    is, for the type checker and the reader; nothing is parsed on the way out. Connexion's
    response validation (``validate_responses``, on in tests) still checks it against the spec.
    """

    schema: type[BodyT]
    json: bytes | str


@dataclass(frozen=True)
class Reply(Generic[BodyT]):
    """A handler result that sets a status or headers; a bare model gets the documented status.
    The body may be a StoredJSON of what the operation declares."""

    body: BodyT | StoredJSON[BodyT]
    status: int | None = None
    headers: Mapping[str, str] = field(default_factory=dict)


def canonical_json(schema: type[BaseModel], document: Any) -> str:
    """``document`` validated as ``schema`` and serialized as a response carries it (aliases,
    unset fields left out): the text to store, once, at write time, and send as StoredJSON."""
    try:
        checked = schema.model_validate(document)
    except ValidationError as error:
        raise ValueError(f"not a valid {schema.__name__}: {error}") from error
    return checked.model_dump_json(by_alias=True, exclude_none=True)


def joined_json(envelope: Mapping[str, Any], key: str, items: Sequence[bytes | str]) -> bytes:
    """The JSON object ``envelope`` with ``key`` last, set to the array of ``items`` (JSON texts,
    e.g. stored documents), joined as they are instead of being parsed and serialized again."""
    head = json_bytes(envelope, by_alias=True)
    texts = [item.encode() if isinstance(item, str) else item for item in items]
    opening = b"{" if head == b"{}" else head[:-1] + b","
    return b"".join([opening, json_bytes(key), b":[", b",".join(texts), b"]}"])


def to_json(model: BaseModel) -> Any:
    """The JSON document of a model: fields that were never set are left out, not sent as null."""
    return model.model_dump(mode="json", by_alias=True, exclude_none=True)


def respond(
    result: Any,
    status: int,
    media_types: Mapping[str, str] | None = None,
    empty: int | None = None,
) -> Response:
    """The HTTP response for a handler result: a body (or a Reply of one) with the documented
    status, or the status the Reply names. ``media_types`` gives each status's media type
    (``"200"``, ``"2XX"``, ``"default"``; JSON for a status it does not name); ``empty`` is the
    status of a bare None (the spec's first response without a body). pydantic writes the JSON
    itself (much faster than handing Connexion a dict)."""
    headers: dict[str, str] = {}
    body = result
    if isinstance(result, Reply):
        body, headers = result.body, dict(result.headers)
        status = result.status or (empty if body is None and empty else status)
    elif result is None and empty is not None:
        status = empty
    if body is None:
        return Response(status_code=status, headers=headers)
    media_type = _media_type(media_types, status) if media_types else JSON
    return Response(
        _content(body, media_type), status_code=status, headers=headers, media_type=media_type
    )


JSON = "application/json"


def _media_type(media_types: Mapping[str, str], status: int) -> str:
    code = str(status)
    return (
        media_types.get(code)
        or media_types.get(f"{code[0]}XX")
        or media_types.get("default")
        or JSON
    )


def is_json(media_type: str) -> bool:
    """``application/json``, a structured ``+json`` type, with or without parameters."""
    essence = media_type.split(";", 1)[0].strip().lower()
    return essence.endswith("/json") or essence.endswith("+json")


def _content(body: Any, media_type: str) -> bytes | str:
    """JSON for a JSON media type; else the str (in the media type's charset) or the bytes."""
    if isinstance(body, StoredJSON):
        return body.json
    if is_json(media_type):
        if isinstance(body, BaseModel):
            return body.model_dump_json(by_alias=True, exclude_none=True)
        return json_bytes(body, by_alias=True, exclude_none=True)
    if isinstance(body, str):
        return body.encode(charset(media_type) or "utf-8")
    if isinstance(body, bytes):
        return body
    raise TypeError(f"a {media_type} body must be str or bytes, not {type(body).__name__}")


def charset(media_type: str) -> str | None:
    """The ``charset`` parameter of a media type, if it has one."""
    for parameter in media_type.split(";")[1:]:
        name, _, value = parameter.partition("=")
        if name.strip().lower() == "charset" and value.strip():
            return value.strip().strip('"')
    return None


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
