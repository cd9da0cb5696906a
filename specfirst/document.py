"""The OpenAPI document: loading it, following its local ``$ref``s, pointing into it."""

from __future__ import annotations

import functools
import hashlib
import pickle
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import yaml

Spec = dict[str, Any]
SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
HTTP_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")
# A $ref chain longer than this is taken for a loop.
MAX_REF_CHAIN = 32


class RefError(ValueError):
    """A ``$ref`` that points nowhere in the document, or a chain of them that loops."""


def load_spec(path: Path) -> Spec:
    """The OpenAPI document at ``path`` (YAML or JSON), a copy of its own for each caller."""
    stat = path.stat()
    spec: Spec = pickle.loads(_parsed(path.resolve(), stat.st_mtime_ns, stat.st_size))
    return spec


def copy_of(spec: Spec) -> Spec:
    """A deep copy of a parsed document: the same as ``copy.deepcopy`` for YAML's and JSON's
    types, several times faster (by pickle)."""
    copied: Spec = pickle.loads(_pickled(spec))
    return copied


def _pickled(node: Any) -> bytes:
    return pickle.dumps(node, protocol=pickle.HIGHEST_PROTOCOL)


@functools.lru_cache(maxsize=16)
def _parsed(path: Path, _mtime_ns: int, _size: int) -> bytes:
    # Parsed once per version of the file (every app created reads its spec; a test suite
    # creates hundreds), kept pickled: unpickling is a cheap deep copy that keeps YAML's types.
    with path.open(encoding="utf-8") as f:
        # libyaml's safe loader when PyYAML has it: the same document, about 7x faster to read.
        spec = yaml.load(f, Loader=SAFE_LOADER)
    if not isinstance(spec, dict):
        raise ValueError(f"{path}: not an OpenAPI document")
    return _pickled(spec)


def fingerprint(node: Any) -> bytes:
    """A digest of ``node``'s content: equal for two documents loaded from the same text."""
    return hashlib.sha256(_pickled(node)).digest()


def escape(key: str) -> str:
    """A key as one RFC 6901 reference token (``~`` is ``~0``, then ``/`` is ``~1``)."""
    return key.replace("~", "~0").replace("/", "~1")


def unescape(token: str) -> str:
    """One RFC 6901 reference token as the key it names (``~1`` is ``/``, then ``~0`` is ``~``)."""
    return token.replace("~1", "/").replace("~0", "~")


def target(spec: Spec, ref: str) -> Any:
    """What the local reference ``ref`` (``#/components/...``) points to in ``spec``."""
    if not ref.startswith("#"):
        raise RefError(f"{ref}: only references within the document are supported")
    node: Any = spec
    for token in ref.removeprefix("#").removeprefix("/").split("/") if ref != "#" else []:
        key: Any = unescape(token)
        if isinstance(node, list) and key.isdigit():
            key = int(key)
        try:
            node = node[key]
        except (KeyError, IndexError, TypeError):
            raise RefError(f"{ref}: no such place in the document") from None
    return node


def follow(spec: Spec, node: Any, where: str) -> tuple[Any, str]:
    """(what ``node``'s chain of local ``$ref``s ends at, the JSON pointer of that place);
    ``where`` is the pointer of ``node`` itself."""
    for _ in range(MAX_REF_CHAIN):
        if not (isinstance(node, dict) and "$ref" in node):
            return node, where
        where = str(node["$ref"]).removeprefix("#") or "/"
        node = target(spec, node["$ref"])
    raise RefError(f"$ref loop at {node.get('$ref') if isinstance(node, dict) else node}")


def resolve(spec: Spec, node: Any) -> Any:
    """``node``, or what its chain of local ``$ref``s ends at."""
    return follow(spec, node, "")[0]


def pointer(path: Iterable[Any]) -> str:
    """RFC 6901 JSON pointer of a path of keys and indexes (``/`` for the whole document)."""
    return "".join(f"/{escape(str(p))}" for p in path) or "/"


def operations_of(spec: Spec) -> Iterator[tuple[str, str, dict[str, Any]]]:
    """(method, path, operation) of every operation, as the document lists them."""
    for path, item in spec.get("paths", {}).items():
        item = resolve(spec, item)
        for method in HTTP_METHODS:
            if isinstance(item.get(method), dict):
                yield method, path, item[method]


def inlined(spec: Spec, node: Any, within: frozenset[str] = frozenset()) -> Any:
    """``node`` with every local ``$ref`` replaced by what it points to. A schema that contains
    itself has no such form: RefError (``within``: the places being inlined around ``node``)."""
    node, where = follow(spec, node, "")
    if where in within:
        raise RefError(f"#{where}: a schema that contains itself cannot be inlined")
    if where:
        within = within | {where}
    if isinstance(node, dict):
        return {key: inlined(spec, value, within) for key, value in node.items()}
    if isinstance(node, list):
        return [inlined(spec, value, within) for value in node]
    return node
