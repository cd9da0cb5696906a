"""specfirst.validation: jsonschema's errors as problem entries, each with the pointer of the
field at fault; a failed oneOf reported by the branch its tag selects; NUL characters found."""

from __future__ import annotations

from typing import Any

from jsonschema import Draft4Validator

from specfirst.validation import body_errors, nul_pointers

ROD = {
    "type": "object",
    "required": ["kind", "length"],
    "properties": {"kind": {"enum": ["rod"]}, "length": {"type": "number"}},
}
GEAR = {
    "type": "object",
    "required": ["kind", "teeth"],
    "properties": {"kind": {"enum": ["gear"]}, "teeth": {"type": "integer"}},
}


def errors(schema: dict[str, Any], body: Any) -> list[dict[str, str]]:
    return body_errors(Draft4Validator(schema).iter_errors(body))


def test_missing_and_unexpected_fields_are_named_by_their_own_pointer() -> None:
    schema = {
        "type": "object",
        "additionalProperties": False,
        "required": ["a"],
        "properties": {"a": {"type": "string"}, "b~/": {"type": "string"}},
    }
    assert errors(schema, {"x": 1, "b~/": 2}) == [
        {"pointer": "/a", "detail": "is required"},
        {"pointer": "/b~0~1", "detail": "2 is not of type 'string'"},
        {"pointer": "/x", "detail": "is not a field that can be sent here"},
    ]


def test_a_pattern_failure_says_what_the_description_says() -> None:
    schema = {"type": "string", "pattern": "^[A-Z]{3}$", "description": "three capitals"}
    assert errors(schema, "abc") == [
        {"pointer": "/", "detail": "'abc' is not valid: three capitals"}
    ]


def test_a_oneof_is_reported_by_the_branch_its_tag_selects() -> None:
    tagged = {"oneOf": [ROD, GEAR]}
    assert errors(tagged, {"kind": "gear", "teeth": "many"}) == [
        {"pointer": "/teeth", "detail": "'many' is not of type 'integer'"}
    ]
    discriminated = {"oneOf": [ROD, GEAR], "discriminator": {"propertyName": "kind"}}
    assert [e["pointer"] for e in errors(discriminated, {"kind": "rod"})] == ["/length"]
    # No branch selected: the oneOf itself is the error.
    assert errors(tagged, {"kind": "spring"}) == [
        {"pointer": "/", "detail": "{'kind': 'spring'} is not valid under any of the given schemas"}
    ]


def test_untagged_oneof_branches_are_not_guessed() -> None:
    untagged = {"oneOf": [{"type": "string"}, {"type": "integer"}]}
    assert [e["pointer"] for e in errors(untagged, 1.5)] == ["/"]


def test_nul_characters_are_found_in_values_and_keys() -> None:
    body = {"a": ["ok", "x\x00"], "b\x00": "fine", "c": {"d": "\x00"}}
    assert sorted(nul_pointers(body)) == ["/a/1", "/b\x00", "/c/d"]
    assert list(nul_pointers({"a": "clean", "n": 1})) == []
