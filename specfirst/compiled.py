"""Request bodies and parameters checked first by validators compiled once (fastjsonschema).

jsonschema walks the schema anew for every request (about 0.5 ms for a large body), the largest
cost Connexion adds. fastjsonschema turns each request body schema into Python once, at app
creation. The compiled check only ever *accepts*: when it passes a body, the request goes on;
when it does not, jsonschema checks the body again and lists every failure. So the verdict and
the error list stay jsonschema's, and a difference between the two libraries can only cost
time, never let a bad body in.

- Draft 4, as Connexion's validator; every ``format`` the spec uses is checked by the very
  function jsonschema uses (or not at all, as jsonschema does not know it).
- Schemas are compiled with their ``$ref``s kept (one small function per component; inlining
  them makes fastjsonschema's code much larger and slower) and found again by their inlined
  form, which is what Connexion hands the validator; a schema not found, or one fastjsonschema
  cannot compile, is left to jsonschema.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator
from typing import Any

import fastjsonschema
from jsonschema import Draft4Validator

from specfirst.document import RefError, Spec, fingerprint, inlined, operations_of, resolve

DRAFT_4 = "http://json-schema.org/draft-04/schema#"
Check = Callable[[Any], Any]


def _formats(node: Any) -> Iterator[str]:
    if isinstance(node, dict):
        if isinstance(node.get("format"), str):
            yield node["format"]
        for value in node.values():
            yield from _formats(value)
    elif isinstance(node, list):
        for value in node:
            yield from _formats(value)


def _format_checks(document: Spec) -> dict[str, Check]:
    """jsonschema's own check for each format of the spec; formats it ignores pass."""
    checker = Draft4Validator.FORMAT_CHECKER

    def check(name: str) -> Check:
        if name not in checker.checkers:
            return lambda value: True
        return lambda value: checker.conforms(value, name)

    return {name: check(name) for name in set(_formats(document))}


def shape(schema: dict[str, Any]) -> str | None:
    """The key a schema is found by. Connexion adds the spec's components to the schema it
    hands the validator (for its own $ref resolver): they are left out. None for a schema that
    contains itself (Connexion hands it over as a structure that contains itself)."""
    try:
        return json.dumps({k: v for k, v in schema.items() if k != "components"}, sort_keys=True)
    except ValueError:  # "Circular reference detected"
        return None


def request_schemas(document: Spec) -> Iterator[dict[str, Any]]:
    """The schema of every JSON request body of the spec."""
    for _, _, operation in operations_of(document):
        if "requestBody" not in operation:
            continue
        body = resolve(document, operation["requestBody"])
        for media, definition in body.get("content", {}).items():
            if "json" in media and "schema" in definition:
                yield definition["schema"]


def compile_check(definition: dict[str, Any], formats: dict[str, Any]) -> Check | None:
    """The compiled check of ``definition``, or None where fastjsonschema cannot compile it
    (it turns ``$`` into ``\\Z`` even inside a character class, so PayPal's e-mail pattern
    fails): such a body is left to jsonschema."""
    try:
        # use_default=False: the check must never change the body it looks at.
        check: Check = fastjsonschema.compile(
            definition, formats=formats, use_default=False, detailed_exceptions=False
        )
    except (re.error, fastjsonschema.JsonSchemaDefinitionException):
        return None
    return check


class CompiledBodies:
    """The compiled check of every request body schema of ``document``."""

    def __init__(self, document: Spec) -> None:
        self._by_shape = checks_by_shape(document)
        # Connexion hands over the same schema object with every request: found once by its
        # form, then by identity (the schema is kept, so its id is not reused).
        self._by_id: dict[int, tuple[Any, Check | None]] = {}

    def compiled(self, schema: dict[str, Any]) -> bool:
        """Whether ``schema`` (as Connexion hands it over) has a compiled check."""
        key = shape(schema)
        return key is not None and key in self._by_shape

    def accepts(self, schema: Any, body: Any) -> bool:
        """True when the compiled check passes ``body``; False: ask jsonschema."""
        known = self._by_id.get(id(schema))
        if known is None or known[0] is not schema:
            key = shape(schema)
            known = (schema, None if key is None else self._by_shape.get(key))
            self._by_id[id(schema)] = known
        return accepted(known[1], body)


# The checks of each document, by its fingerprint: compiling them is most of what creating an
# app costs, and a process (a test suite, a reloading server) creates many apps of one spec.
_CHECKS: dict[bytes, dict[str, Check]] = {}
_DOCUMENTS_KEPT = 8


def checks_by_shape(document: Spec) -> dict[str, Check]:
    """The compiled check of each request body schema of ``document``, by the schema's
    ``shape``; compiled once per process for each document content."""
    key = fingerprint(document)
    checks = _CHECKS.get(key)
    if checks is None:
        checks = compile_bodies(document)
        if len(_CHECKS) >= _DOCUMENTS_KEPT:
            _CHECKS.pop(next(iter(_CHECKS)))
        _CHECKS[key] = checks
    return checks


def compile_bodies(document: Spec) -> dict[str, Check]:
    formats = _format_checks(document)
    checks: dict[str, Check] = {}
    for schema in request_schemas(document):
        try:
            key = shape(inlined(document, schema))
        except RefError:
            continue  # a schema that contains itself: left to jsonschema
        if key is not None and key not in checks:
            definition = {
                "$schema": DRAFT_4,
                "components": document.get("components", {}),
                **schema,
            }
            compiled = compile_check(definition, formats)
            if compiled is not None:
                checks[key] = compiled
    return checks


# Each parameter schema's compiled check, by the schema's shape (None: left to jsonschema).
_PARAMETER_CHECKS: dict[str, Check | None] = {}


def parameter_check(schema: dict[str, Any]) -> Check | None:
    """The compiled check of a parameter's schema (as Connexion hands it over, every ``$ref``
    inlined), compiled once per process for each distinct schema; it only ever accepts, as a
    body's does."""
    key = shape(schema)
    if key is None:
        return None
    if key not in _PARAMETER_CHECKS:
        definition = {"$schema": DRAFT_4, **schema}
        _PARAMETER_CHECKS[key] = compile_check(definition, _format_checks(schema))
    return _PARAMETER_CHECKS[key]


def accepted(check: Check | None, value: Any) -> bool:
    """True when ``check`` passes ``value``; False (ask jsonschema) when it fails or is None."""
    if check is None:
        return False
    try:
        check(value)
    except fastjsonschema.JsonSchemaException:
        return False
    return True
