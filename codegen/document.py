"""The OpenAPI document: loading it, following its local ``$ref``s, pointing into it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import yaml

Spec = dict[str, Any]
HTTP_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")
# A $ref chain longer than this is taken for a loop.
MAX_REF_CHAIN = 32


def load_spec(path: Path) -> Spec:
    with path.open(encoding="utf-8") as f:
        spec = yaml.safe_load(f)
    if not isinstance(spec, dict):
        raise ValueError(f"{path}: not an OpenAPI document")
    return spec


def escape(key: str) -> str:
    """One RFC 6901 reference token for ``key`` (``~`` is ``~0``, then ``/`` is ``~1``)."""
    return key.replace("~", "~0").replace("/", "~1")


def unescape(token: str) -> str:
    return token.replace("~1", "/").replace("~0", "~")


def pointer(path: list[Any] | tuple[Any, ...]) -> str:
    """RFC 6901 JSON pointer of a path of keys and indexes (``/`` for the whole document)."""
    return "".join(f"/{escape(str(p))}" for p in path) or "/"


def target(spec: Spec, ref: str) -> Any:
    """What the local reference ``ref`` (``#/components/...``) points to; KeyError if nothing."""
    node: Any = spec
    for token in ref.removeprefix("#").removeprefix("/").split("/") if ref != "#" else []:
        key = unescape(token)
        node = node[int(key)] if isinstance(node, list) else node[key]
    return node


def follow(spec: Spec, node: Any, where: str) -> tuple[Any, str]:
    """(what ``node`` resolves to, the JSON pointer of that place in the document)."""
    for _ in range(MAX_REF_CHAIN):
        if not (isinstance(node, dict) and isinstance(node.get("$ref"), str)):
            return node, where
        where = node["$ref"].removeprefix("#") or "/"
        node = target(spec, node["$ref"])
    raise ValueError(f"$ref loop at {where}")


def resolve(spec: Spec, node: Any) -> Any:
    """``node``, or what its chain of local ``$ref``s ends at."""
    return follow(spec, node, "")[0]


def operations_of(spec: Spec) -> Iterator[tuple[str, str, dict[str, Any], dict[str, Any]]]:
    """(method, path, operation, path item) of every operation, in the document's order."""
    for path, item in (spec.get("paths") or {}).items():
        item = resolve(spec, item)
        for method in HTTP_METHODS:
            if isinstance(item.get(method), dict):
                yield method, path, item[method], item
