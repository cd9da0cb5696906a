"""Request bodies as a generated operation hands them to its handler, and values turned into the
types a handler is annotated with.

The generated code says which kind of body its handler takes (codegen.media): JSON (parsed once,
by the validator), a form (Connexion's fields, each converted as the schema's property says), a
multipart form (the same, each file as its bytes), text (a ``str``, decoded by the request's
charset) or anything else (the ``bytes`` sent).
"""

from __future__ import annotations

import functools
from collections.abc import Collection
from fnmatch import fnmatch
from typing import Any

from connexion.lifecycle import ConnexionRequest
from pydantic import TypeAdapter, ValidationError
from starlette.datastructures import UploadFile

from specfirst.problems import from_validation_error, invalid, problem
from specfirst.reply import charset, request_body

JSON, MERGE_PATCH, FORM, MULTIPART, TEXT = "json", "merge_patch", "form", "multipart", "text"


def _essence(media_type: str) -> str:
    return media_type.split(";", 1)[0].strip().lower()


def refuse_other_media_types(request: ConnexionRequest, accepted: Collection[str]) -> None:
    """415 for a body in a media type the spec lists but the handler does not take (an XML
    alternative to JSON, say: Connexion lets through every media type the spec lists)."""
    sent = _essence(request.headers.get("content-type", "application/octet-stream"))
    if not any(fnmatch(sent, _essence(media_type)) for media_type in accepted):
        detail = f"the body is {sent}; this operation takes {', '.join(accepted)}"
        raise problem(415, "Unsupported Media Type", detail)


async def read_body(
    request: ConnexionRequest,
    kind: str,
    accepted: Collection[str] = (),
    file_lists: Collection[str] | None = None,
) -> Any:
    """The request body as a handler of ``kind`` takes it; None when there is none.
    ``accepted``: when given, the media types the handler takes (others are refused).
    ``file_lists``: the multipart fields whose schema is an array (of files); None for a form
    without a schema, whose every field is the list of its values."""
    if accepted:
        refuse_other_media_types(request, accepted)
    if kind in (JSON, MERGE_PATCH):
        return await request_body(request)
    if kind == FORM:
        return dict(await request.form()) or None
    if kind == MULTIPART:
        return await _multipart(request, file_lists)
    raw: bytes = await request.body()
    if not raw:
        return None
    return _text(raw, request.headers.get("content-type", "")) if kind == TEXT else raw


def _text(raw: bytes, media_type: str) -> str:
    encoding = charset(media_type) or "utf-8"
    try:
        return raw.decode(encoding)
    except (UnicodeDecodeError, LookupError) as error:
        detail = f"the body is not {encoding} text"
        raise invalid(400, [{"pointer": "/", "detail": detail}]) from error


async def _multipart(
    request: ConnexionRequest, file_lists: Collection[str] | None
) -> dict[str, Any] | None:
    """Connexion's form fields, then each file field as its bytes (a list of them where
    ``file_lists`` names the field, or is None)."""
    fields: dict[str, Any] = dict(await request.form())
    for name, uploads in (await request.files()).items():
        contents = [await upload.read() for upload in uploads if isinstance(upload, UploadFile)]
        if file_lists is None:
            fields[name] = [*fields.get(name, []), *contents]
        else:
            fields[name] = contents if name in file_lists else contents[0]
    return fields or None


@functools.cache
def _adapter(annotation: Any) -> TypeAdapter[Any]:
    return TypeAdapter(annotation)


def convert(annotation: Any, value: Any) -> Any:
    """``value`` as ``annotation`` (a list of models, a union of them, a map...), the way
    ``parse`` makes a model: 400 problem+json naming each field at fault."""
    try:
        return _adapter(annotation).validate_python(value)
    except ValidationError as error:
        raise from_validation_error(error, 400) from error
