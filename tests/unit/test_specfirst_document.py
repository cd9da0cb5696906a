"""specfirst.document: the one $ref resolver (RFC 6901 unescaping) and JSON-pointer builder."""

from __future__ import annotations

import datetime
from pathlib import Path
from typing import Any

import pytest

from specfirst.document import (
    RefError,
    copy_of,
    inlined,
    load_spec,
    operations_of,
    pointer,
    resolve,
    target,
)

SPEC = {
    "paths": {
        "/a/{id}": {"get": {"operationId": "getA"}, "parameters": [], "put": {}},
        "/b": {"$ref": "#/components/x-paths/~1b"},
    },
    "components": {
        "x-paths": {"/b": {"post": {"operationId": "postB"}}},
        "schemas": {
            "a~b": {"type": "string"},
            "alias": {"$ref": "#/components/schemas/a~0b"},
            "loop": {"$ref": "#/components/schemas/loop"},
            "list": {"type": "array", "items": {"$ref": "#/components/schemas/alias"}},
            "tuple": [{"x": 1}],
        },
    },
}


def test_references_unescape_slash_and_tilde() -> None:
    assert resolve(SPEC, {"$ref": "#/components/schemas/alias"}) == {"type": "string"}
    assert target(SPEC, "#/components/x-paths/~1b") == {"post": {"operationId": "postB"}}
    assert target(SPEC, "#/components/schemas/tuple/0") == {"x": 1}


def test_a_broken_or_looping_reference_says_where() -> None:
    with pytest.raises(RefError, match="#/components/schemas/nope: no such place"):
        resolve(SPEC, {"$ref": "#/components/schemas/nope"})
    with pytest.raises(RefError, match="loop"):
        resolve(SPEC, {"$ref": "#/components/schemas/loop"})
    with pytest.raises(RefError, match="only references within the document"):
        resolve(SPEC, {"$ref": "other.yaml#/x"})


def test_pointers_escape_slash_and_tilde() -> None:
    assert pointer(["paths", "/a/{id}", "get"]) == "/paths/~1a~1{id}/get"
    assert pointer(["a~b", 0]) == "/a~0b/0"
    assert pointer([]) == "/"


def test_operations_are_listed_in_the_documents_sequence() -> None:
    listed = [(method, path) for method, path, _ in operations_of(SPEC)]
    assert listed == [("get", "/a/{id}"), ("put", "/a/{id}"), ("post", "/b")]


def test_inlined_replaces_every_reference() -> None:
    assert inlined(SPEC, {"$ref": "#/components/schemas/list"}) == {
        "type": "array",
        "items": {"type": "string"},
    }


def test_a_document_that_is_not_a_mapping_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "spec.yaml"
    path.write_text("- just a list\n")
    with pytest.raises(ValueError, match="not an OpenAPI document"):
        load_spec(path)


def test_a_schema_that_contains_itself_cannot_be_inlined() -> None:
    spec = {
        "components": {
            "schemas": {
                "address": {"properties": {"associated": {"$ref": "#/components/schemas/fielded"}}},
                "fielded": {"allOf": [{"$ref": "#/components/schemas/address"}]},
                "pair": {
                    "properties": {
                        "a": {"$ref": "#/components/schemas/fielded"},
                        "b": {"$ref": "#/components/schemas/fielded"},
                    }
                },
            }
        }
    }
    with pytest.raises(RefError, match="#/components/schemas/address: a schema that contains"):
        inlined(spec, {"$ref": "#/components/schemas/address"})
    # The same schema twice side by side is not a loop.
    spec["components"]["schemas"]["fielded"] = {"type": "string"}
    assert inlined(spec, {"$ref": "#/components/schemas/pair"}) == {
        "properties": {"a": {"type": "string"}, "b": {"type": "string"}}
    }


def test_each_load_is_a_copy_of_its_own_and_a_changed_file_is_read_again(tmp_path: Path) -> None:
    path = tmp_path / "spec.yaml"
    path.write_text("openapi: 3.0.3\npaths: {}\nx-when: 2026-12-01\n")
    first = load_spec(path)
    first["paths"]["/mutated"] = {}
    second = load_spec(path)
    assert second["paths"] == {}
    assert second["x-when"] == datetime.date(2026, 12, 1)  # YAML's types kept
    path.write_text("openapi: 3.0.3\npaths: {/new: {}}\n")
    assert load_spec(path)["paths"] == {"/new": {}}


def test_a_copy_shares_nothing_with_its_original_and_keeps_yamls_types() -> None:
    original: dict[str, Any] = {
        "paths": {"/a": {"get": {"tags": ["x"]}}},
        "x-when": datetime.date(2026, 12, 1),
    }
    copied = copy_of(original)
    assert copied == original
    copied["paths"]["/a"]["get"]["tags"].append("y")
    assert original["paths"]["/a"]["get"]["tags"] == ["x"]
    assert type(copied["x-when"]) is datetime.date
