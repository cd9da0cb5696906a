"""Media types: what kind of body each one carries, and which one an operation's handler takes.

A media type is compared by its essence (``application/json;charset=utf-8`` is JSON), and a
structured ``+json`` suffix is JSON too (RFC 6838).
"""

from __future__ import annotations

from enum import StrEnum


class Kind(StrEnum):
    """How a body reaches the handler (and how a handler's result is written)."""

    JSON = "json"  # parsed, validated into the schema's model or type
    MERGE_PATCH = "merge_patch"  # RFC 7396 merge patch: the JSON object as it is
    FORM = "form"  # application/x-www-form-urlencoded
    MULTIPART = "multipart"  # multipart/form-data
    TEXT = "text"  # text/*: a str
    BINARY = "binary"  # anything else: bytes
    XML = "xml"  # not supported


# The kind an operation's handler takes when its body may come in several media types.
PREFERENCE = (Kind.MERGE_PATCH, Kind.JSON, Kind.FORM, Kind.MULTIPART, Kind.TEXT, Kind.BINARY)


def essence(media_type: str) -> str:
    """``Application/JSON; charset=utf-8`` -> ``application/json``."""
    return media_type.split(";", 1)[0].strip().lower()


def kind(media_type: str) -> Kind:
    main = essence(media_type)
    kind_type, _, subtype = main.partition("/")
    suffix = subtype.rsplit("+", 1)[-1]
    if subtype == "merge-patch+json":
        return Kind.MERGE_PATCH
    if subtype == "json" or suffix == "json" or main == "*/*json":
        return Kind.JSON
    if subtype == "xml" or suffix == "xml":
        return Kind.XML
    if main == "application/x-www-form-urlencoded":
        return Kind.FORM
    if main == "multipart/form-data":
        return Kind.MULTIPART
    if kind_type == "text":
        return Kind.TEXT
    return Kind.BINARY


def is_json(media_type: str) -> bool:
    return kind(media_type) in (Kind.JSON, Kind.MERGE_PATCH)


def preferred(media_types: list[str]) -> Kind | None:
    """The kind of body a handler takes among ``media_types`` (None: only unsupported ones)."""
    kinds = {kind(m) for m in media_types}
    return next((k for k in PREFERENCE if k in kinds), None)
