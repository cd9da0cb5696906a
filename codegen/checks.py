"""What is checked before anything is generated: the document is OpenAPI 3.0, its references
lead somewhere, and it is valid (every problem listed, each with its JSON pointer)."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from typing import Any

from openapi_spec_validator import OpenAPIV30SpecValidator
from openapi_spec_validator.schemas import schema_v30
from openapi_spec_validator.schemas.backend.jsonschema import create_validator

from codegen.spec import Unsupported
from specfirst.document import Spec, escape, pointer, target

OPENAPI_30 = re.compile(r"^3\.0\.\d+(-.+)?$")


def version_problems(spec: Spec) -> list[Unsupported]:
    if "swagger" in spec:
        return [
            Unsupported(
                "/swagger",
                f"Swagger {spec['swagger']} documents are not supported; convert it to OpenAPI 3.0",
            )
        ]
    version = str(spec.get("openapi", ""))
    if version.startswith("3.1"):
        return [
            Unsupported("/openapi", f"OpenAPI {version} is not supported; Connexion serves 3.0.x")
        ]
    return []


def _refs(node: Any, where: str = "") -> Iterator[tuple[str, str]]:
    """(pointer of the $ref, its value) of every $ref in ``node``."""
    if isinstance(node, dict):
        ref = node.get("$ref")
        if isinstance(ref, str):
            yield f"{where}/$ref", ref
        for key, value in node.items():
            yield from _refs(value, f"{where}/{escape(str(key))}")
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _refs(value, f"{where}/{index}")


def reference_problems(spec: Spec) -> tuple[list[Unsupported], list[str]]:
    """(references to other documents, which codegen does not follow; local references that
    point nowhere, which make the spec invalid)."""
    unsupported, invalid = [], []
    for where, ref in _refs(spec):
        if not ref.startswith("#"):
            unsupported.append(
                Unsupported(where, f"{ref} is in another document; only local $refs are supported")
            )
            continue
        try:
            target(spec, ref)
        except (KeyError, IndexError, TypeError, ValueError):
            invalid.append(f"spec: {where}: {ref} points nowhere in the document")
    return unsupported, invalid


class SpecValidator(OpenAPIV30SpecValidator):
    """openapi-spec-validator on the jsonschema backend, as Connexion validates the spec it
    serves: the jsonschema-rs backend (the default once installed) refuses ECMA 262 patterns
    that both accept, such as PayPal's e-mail pattern (tests/corpus)."""

    def __init__(self, spec: Spec) -> None:
        super().__init__(spec)
        self.schema_validator = python_schema_validator()


@functools.cache
def python_schema_validator() -> Any:
    """The OpenAPI 3.0 schema's validator on the jsonschema backend, made once, on first use."""
    return create_validator(schema_v30)


def spec_problems(spec: Spec) -> list[str]:
    problems = []
    try:
        for error in SpecValidator(spec).iter_errors():
            problems.append(f"spec: {pointer(list(error.absolute_path))}: {error.message}")
    except RecursionError:
        # openapi-spec-validator follows allOf/anyOf/oneOf/items without end through a schema
        # that contains itself that way. The document's structure has been checked by then;
        # datamodel-code-generator says what it makes of such a schema.
        pass
    return problems
