"""models.py: datamodel-code-generator's classes, found by the map it writes; additionalProperties
honoured; a spec without schemas still gets its (empty) models module."""

from __future__ import annotations

import importlib.util
import inspect
import sys
from enum import Enum
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
import yaml
from pydantic import BaseModel, RootModel, ValidationError

from codegen.generate import build
from codegen.hoist import working_copy
from codegen.models import class_kinds, generate
from generated import models as orders_models

HEADER = "Generated for a test."


def _module(source: str, tmp_path: Path) -> ModuleType:
    path = tmp_path / "models_under_test.py"
    path.write_text(source)
    spec = importlib.util.spec_from_file_location("models_under_test", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # pydantic resolves the postponed annotations there
    try:
        spec.loader.exec_module(module)
    finally:
        del sys.modules[spec.name]
    return module


def _spec(schemas: dict[str, Any] | None = None, paths: dict[str, Any] | None = None) -> Any:
    spec: dict[str, Any] = {"openapi": "3.0.3", "info": {"title": "t", "version": "1"}}
    spec["paths"] = paths or {}
    if schemas is not None:
        spec["components"] = {"schemas": schemas}
    return spec


def test_additional_properties_are_honoured(tmp_path: Path) -> None:
    a = {"a": {"type": "string"}}
    found = generate(
        working_copy(
            _spec(
                {
                    "Open": {"type": "object", "properties": a},
                    "Allowed": {"type": "object", "properties": a, "additionalProperties": True},
                    "Typed": {
                        "type": "object",
                        "properties": a,
                        "additionalProperties": {"type": "integer"},
                    },
                    "Closed": {"type": "object", "properties": a, "additionalProperties": False},
                }
            )
        ),
        HEADER,
    )
    models = _module(found.source, tmp_path)
    extra = {"a": "x", "b": 1}
    assert models.Open.model_validate(extra).model_dump() == {"a": "x"}  # accepted
    assert models.Allowed.model_validate(extra).model_dump() == extra  # accepted and kept
    assert models.Typed.model_validate(extra).model_dump() == extra
    with pytest.raises(ValidationError):
        models.Typed.model_validate({"b": "not an integer"})
    with pytest.raises(ValidationError, match="Extra inputs are not permitted"):
        models.Closed.model_validate(extra)


def test_the_orders_models_stay_closed() -> None:
    """Every object schema of spec/openapi.yaml says additionalProperties: false but the problem
    (and its error entries), which RFC 9457 lets carry extension members. Root models (a named
    string schema such as dateTime) hold one value, no fields, so they are neither."""
    open_models = sorted(
        name
        for name, value in vars(orders_models).items()
        if inspect.isclass(value)
        and issubclass(value, BaseModel)
        and not issubclass(value, RootModel)
        and value.__module__ == orders_models.__name__
        and value.model_config.get("extra") != "forbid"
    )
    assert open_models == ["Error", "Problem"]


def test_the_class_map_is_the_generators_own(tmp_path: Path) -> None:
    spec = _spec(
        {
            "Pet": {
                "type": "object",
                # The generator names this inline object Owner, before the Owner schema...
                "properties": {
                    "owner": {"type": "object", "properties": {"n": {"type": "string"}}},
                    # ... and a description makes it import pydantic's Field.
                    "name": {"type": "string", "description": "The name."},
                },
            },
            "Owner": {"type": "object", "properties": {"name": {"type": "string"}}},
            "Field": {"type": "object", "properties": {"v": {"type": "string"}}},
            "Kind": {"type": "string", "enum": ["a", "b"]},
            "Alias": {"type": "string"},
            "Many": {"type": "object", "additionalProperties": {"type": "integer"}},
        }
    )
    found = generate(working_copy(spec), HEADER)
    assert found.classes == {
        "Pet": ("Pet", "model"),
        "Owner": ("Owner1", "model"),  # ... so the schema is Owner1
        "Field": ("FieldModel", "model"),  # pydantic's Field keeps the name
        "Kind": ("Kind", "enum"),
    }
    models = _module(found.source, tmp_path)
    assert issubclass(models.Owner1, BaseModel) and "name" in models.Owner1.model_fields
    assert issubclass(models.Kind, Enum)


def test_class_kinds_leave_root_models_out() -> None:
    source = (
        "class A(BaseModel): ...\n"
        "class B(RootModel[list[A]]): ...\n"
        "class C(B): ...\n"
        "class D(StrEnum): ...\n"
        "class E(A): ...\n"
    )
    assert class_kinds(source) == {"A": "model", "D": "enum", "E": "model"}


@pytest.mark.parametrize("components", [None, {}, {"schemas": {}}])
def test_a_spec_without_schemas_gets_an_empty_models_module(
    tmp_path: Path, components: dict[str, Any] | None
) -> None:
    spec = _spec(
        paths={
            "/ping": {
                "get": {
                    "operationId": "ping",
                    "responses": {
                        "200": {
                            "description": "d",
                            "content": {"text/plain": {"schema": {"type": "string"}}},
                        }
                    },
                }
            }
        }
    )
    if components is not None:
        spec["components"] = components
    path = tmp_path / "openapi.yaml"
    path.write_text(yaml.safe_dump(spec))
    files = build(path)
    assert files["models.py"].startswith("# Generated from openapi.yaml")
    assert "class " not in files["models.py"]
    assert "def ping(" in files["protocols.py"]


def test_a_spec_with_only_inline_schemas_gets_them_named(tmp_path: Path) -> None:
    inline = {"type": "object", "properties": {"pong": {"type": "boolean"}}}
    spec = _spec(
        paths={
            "/ping": {
                "get": {
                    "operationId": "ping",
                    "responses": {
                        "200": {
                            "description": "d",
                            "content": {"application/json": {"schema": inline}},
                        }
                    },
                }
            }
        }
    )
    path = tmp_path / "openapi.yaml"
    path.write_text(yaml.safe_dump(spec))
    files = build(path)
    assert "class PingResponse(BaseModel):" in files["models.py"]
    assert "-> models.PingResponse | Reply[models.PingResponse]:" in files["protocols.py"]


def test_a_spec_without_operations_gets_a_package_too(tmp_path: Path) -> None:
    path = tmp_path / "openapi.yaml"
    path.write_text(yaml.safe_dump(_spec()))
    files = build(path)
    assert "class Operations:" in files["operations.py"]
    assert "Protocol)" not in files["protocols.py"]


def test_a_discriminator_mapping_follows_its_renamed_schemas(tmp_path: Path) -> None:
    """The keys `dog` and `cat` become the classes Dog and Cat; the tags stay as mapped."""
    kind = {"type": "string"}
    spec = _spec(
        {
            "pet": {
                "oneOf": [
                    {"$ref": "#/components/schemas/dog"},
                    {"$ref": "#/components/schemas/cat"},
                ],
                "discriminator": {
                    "propertyName": "kind",
                    "mapping": {"woof": "#/components/schemas/dog", "meow": "cat"},
                },
            },
            "dog": {"type": "object", "required": ["kind"], "properties": {"kind": kind}},
            "cat": {"type": "object", "required": ["kind"], "properties": {"kind": kind}},
            "owner": {
                "type": "object",
                "properties": {"pet": {"$ref": "#/components/schemas/pet"}},
            },
        }
    )
    work = working_copy(spec)
    assert work["components"]["schemas"]["Pet"]["discriminator"]["mapping"] == {
        "woof": "#/components/schemas/Dog",
        "meow": "Cat",
    }
    models = _module(generate(work, HEADER).source, tmp_path)
    assert models.Owner.model_validate({"pet": {"kind": "woof"}}).pet == models.Dog(kind="woof")
    assert isinstance(models.Owner.model_validate({"pet": {"kind": "meow"}}).pet, models.Cat)
