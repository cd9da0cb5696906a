"""The working copy of the spec that codegen reads: every model a handler sees is a named schema.

datamodel-code-generator names the schemas under ``components/schemas`` only. Before it runs,
a copy of the spec (the user's file is never changed) gets:

- each ``components/schemas`` key renamed to its class name (``order-create-update`` ->
  ``OrderCreateUpdate``; a ``.`` in a key would otherwise make the generator split modules), with
  every ``$ref`` and discriminator mapping to it rewritten;
- each inline object schema of a request body, response or parameter moved under
  ``components/schemas`` with a stable name, the operation referring to it by ``$ref``:
  ``<OperationId>Request``, ``<OperationId>Response`` (the first 2xx response),
  ``<OperationId>Response<Status>`` (the others, ``Default`` for ``default``),
  ``<OperationId><Name>Parameter`` (``<Path><Name>Parameter`` for a path-level one, ``/pets/{petId}``
  -> ``PetsPetId``); a component's own inline schema is named after the component
  (``components/responses/NotFound`` -> ``NotFound``). An array's inline items take ``Item``, a
  map's values ``Value``, the alternatives of a ``oneOf``/``anyOf`` ``Option1``, ``Option2``...

A hoisted name already taken gets the next free number (``names.Namer``).
"""

from __future__ import annotations

import copy
from typing import Any

from codegen.names import Namer, class_name
from codegen.spec import operation_ids
from specfirst.document import HTTP_METHODS, Spec, escape, resolve, unescape

SCHEMAS = "#/components/schemas/"


def is_model(schema: dict[str, Any]) -> bool:
    """An inline schema that becomes a class: an object with properties, or an allOf."""
    if "$ref" in schema:
        return False
    if "allOf" in schema:
        return True
    return bool(schema.get("properties")) and schema.get("type", "object") == "object"


def working_copy(spec: Spec) -> Spec:
    work = copy.deepcopy(spec)
    components = work.setdefault("components", {})
    schemas = components.get("schemas") or {}
    namer = Namer(class_name, separator="")
    renamed = {key: namer(key) for key in schemas}
    components["schemas"] = {renamed[key]: schema for key, schema in schemas.items()}
    _rewrite_refs(work, renamed)
    hoister = _Hoister(components["schemas"], namer)
    for section in ("requestBodies", "responses", "parameters"):
        for key, node in (components.get(section) or {}).items():
            hoister.component(section, node, class_name(key))
    ids = operation_ids(work)
    for path, item in (work.get("paths") or {}).items():
        item = resolve(work, item)
        hoister.parameters(item.get("parameters") or [], class_name(path))
        for method in HTTP_METHODS:
            op = item.get(method)
            if isinstance(op, dict):
                hoister.operation(op, class_name(ids[(method, path)]))
    return work


def _rewrite_refs(node: Any, renamed: dict[str, str]) -> None:
    """Every ``$ref`` to a renamed schema, and every discriminator mapping naming one (by
    reference or by its bare name), made to name it by its new key."""
    if isinstance(node, dict):
        if isinstance(node.get("$ref"), str):
            node["$ref"] = _renamed_ref(node["$ref"], renamed)
        mapping = node.get("mapping") if isinstance(node.get("propertyName"), str) else None
        if isinstance(mapping, dict):
            for value, target in mapping.items():
                if isinstance(target, str):
                    bare = target in renamed and not target.startswith("#")
                    mapping[value] = renamed[target] if bare else _renamed_ref(target, renamed)
        for value in node.values():
            _rewrite_refs(value, renamed)
    elif isinstance(node, list):
        for value in node:
            _rewrite_refs(value, renamed)


def _renamed_ref(ref: str, renamed: dict[str, str]) -> str:
    if not ref.startswith(SCHEMAS):
        return ref
    key, slash, rest = ref.removeprefix(SCHEMAS).partition("/")
    old = unescape(key)
    return f"{SCHEMAS}{escape(renamed[old])}{slash}{rest}" if old in renamed else ref


class _Hoister:
    def __init__(self, schemas: dict[str, Any], namer: Namer) -> None:
        self._schemas = schemas
        self._namer = namer

    def schema(self, schema: Any, name: str) -> Any:
        """``schema``, its inline models moved to ``components/schemas`` as ``name``..."""
        if not isinstance(schema, dict) or "$ref" in schema:
            return schema
        if is_model(schema):
            unique = self._namer(name)
            self._schemas[unique] = schema
            return {"$ref": f"{SCHEMAS}{escape(unique)}"}
        hoisted = dict(schema)
        if isinstance(schema.get("items"), dict):
            hoisted["items"] = self.schema(schema["items"], f"{name}Item")
        if isinstance(schema.get("additionalProperties"), dict):
            hoisted["additionalProperties"] = self.schema(
                schema["additionalProperties"], f"{name}Value"
            )
        for keyword in ("oneOf", "anyOf"):
            if isinstance(schema.get(keyword), list):
                hoisted[keyword] = [
                    self.schema(option, f"{name}Option{number}")
                    for number, option in enumerate(schema[keyword], 1)
                ]
        return hoisted

    def content(self, holder: dict[str, Any], name: str) -> None:
        """Every media type of a request body or response; the later ones get numbers."""
        for media in (holder.get("content") or {}).values():
            if isinstance(media, dict) and "schema" in media:
                media["schema"] = self.schema(media["schema"], name)

    def parameter(self, parameter: dict[str, Any], name: str) -> None:
        if "schema" in parameter:
            parameter["schema"] = self.schema(parameter["schema"], name)

    def component(self, section: str, node: Any, name: str) -> None:
        if not isinstance(node, dict) or "$ref" in node:
            return
        if section == "parameters":
            self.parameter(node, name)
        else:
            self.content(node, name)

    def parameters(self, parameters: list[Any], name: str) -> None:
        for raw in parameters:
            if isinstance(raw, dict) and "$ref" not in raw:
                self.parameter(raw, f"{name}{class_name(str(raw.get('name')))}Parameter")

    def operation(self, op: dict[str, Any], name: str) -> None:
        self.parameters(op.get("parameters") or [], name)
        body = op.get("requestBody")
        if isinstance(body, dict) and "$ref" not in body:
            self.content(body, f"{name}Request")
        responses = op.get("responses") or {}
        first = next((str(s) for s in responses if str(s).startswith("2")), None)
        for status, response in responses.items():
            if isinstance(response, dict) and "$ref" not in response:
                role = "" if str(status) == first else _status_name(str(status))
                self.content(response, f"{name}Response{role}")


def _status_name(status: str) -> str:
    return "Default" if status == "default" else status.upper()
