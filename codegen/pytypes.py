"""The Python type a handler sees for a schema: a generated class, or a typed annotation.

A ``$ref`` to a schema datamodel-code-generator made a class of (a model or an enum) is that
class, ``models.Pet``; everything else is spelled out: ``list[models.Pet]``, ``dict[str, int]``,
``str``, ``Literal["asc", "desc"]``, ``models.Cat | models.Dog``, ``... | None`` when nullable.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any, Literal

from specfirst.document import target, unescape

ClassKind = Literal["model", "enum"]

SCHEMAS = "#/components/schemas/"
SCALARS = {"string": "str", "integer": "int", "number": "float", "boolean": "bool"}


def _literal(value: Any) -> str:
    return json.dumps(value) if isinstance(value, str) else repr(value)


class Types:
    def __init__(self, spec: dict[str, Any], classes: Mapping[str, tuple[str, ClassKind]]) -> None:
        self._spec = spec
        self._classes = classes

    def _target(self, ref: str) -> tuple[str | None, Any]:
        """(the components/schemas key a ref names, or None; what it points to)."""
        key = unescape(ref.removeprefix(SCHEMAS)) if ref.startswith(SCHEMAS) else None
        if key is not None and "/" in ref.removeprefix(SCHEMAS):
            key = None  # a ref into a schema, not to one
        return key, target(self._spec, ref)

    def _class(self, schema: Any, kind: ClassKind) -> str | None:
        if not (isinstance(schema, dict) and isinstance(schema.get("$ref"), str)):
            return None
        key, _ = self._target(schema["$ref"])
        found = self._classes.get(key) if key is not None else None
        return f"models.{found[0]}" if found and found[1] == kind else None

    def model(self, schema: Any) -> str | None:
        """``models.X`` when ``schema`` is a ref to a generated model class."""
        return self._class(schema, "model")

    def enum(self, schema: Any) -> str | None:
        """``models.X`` when ``schema`` is a ref to a generated enum class."""
        return self._class(schema, "enum")

    def json_type(self, schema: Any, seen: frozenset[str] = frozenset()) -> str | None:
        """The JSON type a schema describes, refs followed (None: any, or a union)."""
        if not isinstance(schema, dict):
            return None
        if isinstance(schema.get("$ref"), str):
            ref = schema["$ref"]
            return None if ref in seen else self.json_type(self._target(ref)[1], seen | {ref})
        if "type" in schema:
            return str(schema["type"])
        if "properties" in schema or "additionalProperties" in schema:
            return "object"
        if "items" in schema:
            return "array"
        if isinstance(schema.get("allOf"), list):
            kinds = {self.json_type(s, seen) for s in schema["allOf"]} - {None}
            return kinds.pop() if len(kinds) == 1 else None
        return None

    def of(self, schema: Any, seen: frozenset[str] = frozenset()) -> str:
        """The annotation for ``schema``."""
        if not isinstance(schema, dict):
            return "Any"
        if isinstance(schema.get("$ref"), str):
            ref = schema["$ref"]
            named = self.model(schema) or self.enum(schema)
            if named:
                return named
            if ref in seen:  # a recursive schema datamodel-code-generator kept no class of
                return "Any"
            return self.of(self._target(ref)[1], seen | {ref})
        annotation = self._unnullable(schema, seen)
        if schema.get("nullable") and annotation not in ("Any", "None"):
            return f"{annotation} | None"
        return annotation

    def _unnullable(self, schema: dict[str, Any], seen: frozenset[str]) -> str:
        values = [v for v in schema.get("enum") or [] if v is not None]
        if values and all(isinstance(v, str | int | bool) for v in values):
            return f"Literal[{', '.join(_literal(v) for v in values)}]"
        for keyword in ("oneOf", "anyOf"):
            if isinstance(schema.get(keyword), list) and schema[keyword]:
                options = list(dict.fromkeys(self.of(s, seen) for s in schema[keyword]))
                return "Any" if "Any" in options else " | ".join(options)
        if isinstance(schema.get("allOf"), list) and len(schema["allOf"]) == 1:
            return self.of(schema["allOf"][0], seen)
        kind = self.json_type(schema, seen)
        if kind in SCALARS:
            return SCALARS[kind]
        if kind == "array":
            return f"list[{self.of(schema.get('items', {}), seen)}]"
        if kind == "object":
            extra = schema.get("additionalProperties")
            value = self.of(extra, seen) if isinstance(extra, dict) else "Any"
            return f"dict[str, {value}]"
        return "Any"
