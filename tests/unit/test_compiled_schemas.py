"""The compiled request body and parameter checks (specfirst.compiled), on the Order API's
bodies and parameters, only ever accept what jsonschema accepts, and do accept the seed's
bodies and usual parameter values (or they would save nothing)."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest
from connexion.json_schema import Draft4RequestValidator
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from jsonschema import Draft4Validator

from app.settings import project_config
from specfirst.compiled import CompiledBodies, accepted, parameter_check, request_schemas
from specfirst.document import inlined, load_spec, operations_of

ROOT = Path(__file__).resolve().parents[2]
SPEC_DOCUMENT = load_spec(project_config().spec)
COMPILED = CompiledBodies(SPEC_DOCUMENT)


def _as_connexion_hands_it(raw: dict[str, Any]) -> dict[str, Any]:
    """A request body schema as Connexion passes it to the validator: inlined, with the spec's
    components added."""
    return {**inlined(SPEC_DOCUMENT, raw), "components": SPEC_DOCUMENT["components"]}


def _body_examples() -> list[tuple[str, dict[str, Any], Any]]:
    """(name, schema, example) for every request body example of the spec."""
    found = []
    for path, item in SPEC_DOCUMENT["paths"].items():
        for method, operation in item.items():
            content = (
                operation.get("requestBody", {}).get("content", {})
                if isinstance(operation, dict)
                else {}
            )
            for media, definition in content.items():
                for name, example in definition.get("examples", {}).items():
                    value = inlined(SPEC_DOCUMENT, example)["value"]
                    label = f"{method.upper()} {path} {media} {name}"
                    found.append((label, _as_connexion_hands_it(definition["schema"]), value))
    return found


EXAMPLES = _body_examples()
SCHEMAS = [_as_connexion_hands_it(raw) for raw in request_schemas(SPEC_DOCUMENT)]


def _jsonschema_accepts(schema: dict[str, Any], body: Any) -> bool:
    validator = Draft4RequestValidator(schema, format_checker=Draft4Validator.FORMAT_CHECKER)
    return next(iter(validator.iter_errors(body)), None) is None


def test_every_request_body_schema_is_compiled() -> None:
    assert len(SCHEMAS) >= 4
    for schema in SCHEMAS:
        # Found by the form Connexion hands over, so the compiled check answers, not jsonschema.
        assert COMPILED.compiled(schema)
        # An empty object is invalid for every body: the compiled check must refuse it.
        assert COMPILED.accepts(schema, {}) is False


@pytest.mark.parametrize(("label", "schema", "example"), EXAMPLES, ids=[e[0] for e in EXAMPLES])
def test_the_seed_bodies_pass_the_compiled_check(
    label: str, schema: dict[str, Any], example: Any
) -> None:
    assert _jsonschema_accepts(schema, example), label
    assert COMPILED.accepts(schema, example), label


def test_the_docs_order_bodies_pass_the_compiled_check() -> None:
    schema = next(s for label, s, _ in EXAMPLES if label.startswith("POST /orders "))
    for name in ("order.json", "order-v2.json"):
        body = json.loads((ROOT / "docs" / "examples" / name).read_text())
        assert COMPILED.accepts(schema, body), name


# Values that trip validators up: integral floats where integers go, booleans where numbers go,
# trailing newlines against anchored patterns, empty and oversized strings, wrong containers.
AWKWARD = st.sampled_from(
    [None, True, False, 0, 1, -1, 1.0, 0.5, 4095, 4094.0, "", " ", "\n", "a\n", "x" * 300,
     "2030-01-01T00:00:00Z\n", "2030-02-30T00:00:00Z", "ENNI", "EPL", "order", [], {}, [1], {"a": 1}]
)  # fmt: skip
JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3)
    ),
    max_leaves=6,
)


def _paths(value: Any, at: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [at]
    if isinstance(value, dict):
        for key, item in value.items():
            found += _paths(item, (*at, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            found += _paths(item, (*at, index))
    return found


@st.composite
def mutated(draw: st.DrawFn) -> tuple[str, dict[str, Any], Any]:
    """A seed body with a few changes: a value replaced, a key removed or added."""
    label, schema, example = draw(st.sampled_from(EXAMPLES))
    body = copy.deepcopy(example)
    for _ in range(draw(st.integers(1, 3))):
        paths = _paths(body)
        at = draw(st.sampled_from(paths))
        if not at:
            continue
        parent = body
        for step in at[:-1]:
            parent = parent[step]
        change = draw(st.sampled_from(["replace", "remove", "add"]))
        if change == "replace":
            parent[at[-1]] = copy.deepcopy(draw(AWKWARD | JSON))
        elif change == "remove":
            if isinstance(parent, dict):
                del parent[at[-1]]
            else:
                parent.pop(at[-1])
        elif isinstance(parent, dict):
            parent[draw(st.sampled_from(["objectType", "extra", "id", "href"]))] = copy.deepcopy(
                draw(AWKWARD)
            )
    return label, schema, body


@settings(max_examples=600, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mutated())
def test_the_compiled_check_never_accepts_what_jsonschema_rejects(
    case: tuple[str, dict[str, Any], Any],
) -> None:
    label, schema, body = case
    if COMPILED.accepts(schema, body):
        assert _jsonschema_accepts(schema, body), (label, body)


@settings(max_examples=200, deadline=None)
@given(st.sampled_from(SCHEMAS), AWKWARD | JSON)
def test_nor_any_other_json(schema: dict[str, Any], body: Any) -> None:
    if COMPILED.accepts(schema, body):
        assert _jsonschema_accepts(schema, body), body


def test_an_unknown_schema_is_left_to_jsonschema() -> None:
    assert COMPILED.accepts({"type": "object"}, {}) is False


def test_a_schema_fastjsonschema_cannot_compile_is_left_to_jsonschema() -> None:
    # A `$` inside a character class, as in PayPal's e-mail pattern (tests/corpus): fastjsonschema
    # makes it `\Z`, which Python's re refuses there.
    odd = {"type": "object", "properties": {"name": {"type": "string", "pattern": "^[a-z$]+$"}}}
    plain = {"type": "object", "properties": {"name": {"type": "string"}}}
    document = {
        "openapi": "3.0.3",
        "info": {"title": "T", "version": "1"},
        "paths": {
            f"/{name}": {
                "post": {
                    "requestBody": {"content": {"application/json": {"schema": schema}}},
                    "responses": {"204": {"description": "done"}},
                }
            }
            for name, schema in (("odd", odd), ("plain", plain))
        },
    }
    compiled = CompiledBodies(document)
    assert not compiled.compiled(odd) and compiled.accepts(odd, {"name": "a$"}) is False
    assert compiled.compiled(plain) and compiled.accepts(plain, {"name": "a"}) is True


def test_a_schema_that_contains_itself_is_left_to_jsonschema() -> None:
    # As MEF's geographic address (tests/corpus): an address may carry an associated one.
    address = {
        "type": "object",
        "properties": {"associated": {"$ref": "#/components/schemas/address"}},
    }
    document = {
        "openapi": "3.0.3",
        "info": {"title": "T", "version": "1"},
        "paths": {
            "/a": {
                "post": {
                    "requestBody": {
                        "content": {
                            "application/json": {"schema": {"$ref": "#/components/schemas/address"}}
                        }
                    },
                    "responses": {"204": {"description": "done"}},
                }
            }
        },
        "components": {"schemas": {"address": address}},
    }
    compiled = CompiledBodies(document)
    # Connexion hands such a schema over as a structure that contains itself.
    handed: dict[str, Any] = {"type": "object", "properties": {}}
    handed["properties"]["associated"] = handed
    assert not compiled.compiled(handed) and compiled.accepts(handed, {}) is False


def _parameter_schemas() -> list[tuple[str, dict[str, Any]]]:
    """(name, schema as Connexion hands it over: inlined) of every parameter of the spec."""
    found = {}
    for _, _, operation in operations_of(SPEC_DOCUMENT):
        for parameter in operation.get("parameters", []):
            parameter = inlined(SPEC_DOCUMENT, parameter)
            found[json.dumps(parameter, sort_keys=True)] = (parameter["name"], parameter["schema"])
    return sorted(found.values(), key=lambda found: found[0])


PARAMETERS = _parameter_schemas()


def test_usual_parameter_values_pass_the_compiled_check() -> None:
    by_name = dict(PARAMETERS)
    usual = {"id": "ORD-0123456789ABCDEF0123", "buyerId": "Verizon", "limit": 50, "offset": 0}
    for name, value in usual.items():
        check = parameter_check(by_name[name])
        assert check is not None, name
        assert accepted(check, value), (name, value)
    assert accepted(parameter_check(by_name["limit"]), -1) is False


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(PARAMETERS), AWKWARD | JSON)
def test_the_compiled_parameter_check_never_accepts_what_jsonschema_rejects(
    parameter: tuple[str, dict[str, Any]], value: Any
) -> None:
    name, schema = parameter
    if accepted(parameter_check(schema), value):
        assert _jsonschema_accepts(schema, value), (name, value)
