"""Checks every example in the spec against the schema it illustrates.

A spec's examples show what real clients send and receive, so a request example the schema
rejects (or a response example that does not validate) is a bug in the spec.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from jsonschema import Draft4Validator

from codegen.spec import JSON_MEDIA
from specfirst.document import Spec, pointer, resolve


def _schema_validator(spec: Spec, schema: dict[str, Any]) -> Draft4Validator:
    # Refs in the schema point into the spec, so the spec's components ride along as the root.
    root = {"components": spec.get("components", {}), **schema}
    return Draft4Validator(root, format_checker=Draft4Validator.FORMAT_CHECKER)


def _media_examples(
    spec: Spec, where: str, content: dict[str, Any]
) -> Iterator[tuple[str, dict[str, Any], Any]]:
    for media, body in content.items():
        if not JSON_MEDIA.match(media) or "schema" not in body:
            continue
        if "example" in body:
            yield f"{where} {media} example", body["schema"], body["example"]
        for name, example in body.get("examples", {}).items():
            example = resolve(spec, example)
            if "value" in example:
                yield f"{where} {media} examples.{name}", body["schema"], example["value"]


def example_problems(spec: Spec) -> list[str]:
    """One line per failure: where the example is, the JSON pointer inside it, the message."""
    problems: list[str] = []
    for path, item in spec.get("paths", {}).items():
        for method, op in item.items():
            if not isinstance(op, dict) or "responses" not in op:
                continue
            where = f"{method.upper()} {path}"
            found: list[tuple[str, dict[str, Any], Any]] = []
            if "requestBody" in op:
                body = resolve(spec, op["requestBody"])
                found += _media_examples(spec, f"{where} request", body["content"])
            for status, response in op["responses"].items():
                response = resolve(spec, response)
                found += _media_examples(
                    spec, f"{where} {status} response", response.get("content", {})
                )
            for location, schema, value in found:
                validator = _schema_validator(spec, schema)
                for error in sorted(validator.iter_errors(value), key=lambda e: list(e.path)):
                    problems.append(f"{location}: {pointer(error.path)}: {error.message}")
    used = _referenced_examples(spec)
    for name in spec.get("components", {}).get("examples", {}):
        if f"#/components/examples/{name}" not in used:
            problems.append(f"components.examples.{name}: not used by any operation")
    return problems


def _referenced_examples(node: Any) -> set[str]:
    refs: set[str] = set()
    if isinstance(node, dict):
        ref = node.get("$ref")
        if isinstance(ref, str) and ref.startswith("#/components/examples/"):
            refs.add(ref)
        for value in node.values():
            refs |= _referenced_examples(value)
    elif isinstance(node, list):
        for value in node:
            refs |= _referenced_examples(value)
    return refs
