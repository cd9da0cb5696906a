"""models.py, by datamodel-code-generator, from the working copy's ``components/schemas``.

Besides the source, it says which class each schema became (the generator may rename one, e.g.
``Field`` -> ``FieldModel``, or number it when a nested model took its name first): its
``--emit-model-metadata`` map is read, and each class's kind from the source.
"""

from __future__ import annotations

import ast
import json
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from codegen.pytypes import ClassKind
from specfirst.document import Spec

# Pinned with the generator's exact version in pyproject.toml; changing either changes generated/.
# Extra fields follow each schema's additionalProperties: forbidden where it is false, kept where
# it is true or a schema, ignored where it is absent.
DATAMODEL_CODEGEN_ARGS = [
    "--input-file-type=openapi",
    "--openapi-scopes=schemas",
    "--output-model-type=pydantic_v2.BaseModel",
    "--target-python-version=3.11",
    "--disable-timestamp",
    # An enum default is the enum's member, so the enum is defined before the models using it
    # (the generator's dependency order: --keep-model-order would put it after some of them).
    "--deserialize-default-values=enum",
    "--enum-field-as-literal=one",
    "--collapse-root-models",
    "--use-annotated",
    "--field-constraints",
    "--use-standard-collections",
    "--use-union-operator",
    "--use-double-quotes",
    "--use-schema-description",
    "--formatters=ruff-format",
]
ENUM_BASES = {"Enum", "StrEnum", "IntEnum", "FloatEnum"}


class ModelsError(Exception):
    """datamodel-code-generator failed; the message is what it said."""


@dataclass(frozen=True)
class Models:
    source: str
    classes: dict[str, tuple[str, ClassKind]]  # components/schemas key -> (class, kind)


def generate(spec: Spec, header: str, name: str = "openapi.yaml") -> Models:
    """``name``: the spec's file name, as the generator's messages will call it."""
    schemas = (spec.get("components") or {}).get("schemas") or {}
    if not schemas:  # the generator refuses a document without models
        return Models(f"# {header}\n", {})
    with tempfile.TemporaryDirectory() as tmp:
        source_path, out, metadata = (Path(tmp) / n for n in (name, "models.py", "map.json"))
        source_path.write_text(json.dumps(spec), encoding="utf-8")  # JSON is YAML too
        run = subprocess.run(
            [
                sys.executable,
                "-m",
                "datamodel_code_generator",
                f"--input={source_path}",
                f"--output={out}",
                f"--emit-model-metadata={metadata}",
                f"--custom-file-header=# {header}",
                *DATAMODEL_CODEGEN_ARGS,
            ],
            capture_output=True,
            text=True,
        )
        if run.returncode != 0:
            said = (run.stderr or run.stdout).strip().replace(str(source_path), name)
            raise ModelsError(f"datamodel-code-generator failed:\n{said}")
        source = out.read_text(encoding="utf-8")
        mapping = json.loads(metadata.read_text(encoding="utf-8"))
    kinds = class_kinds(source)
    classes: dict[str, tuple[str, ClassKind]] = {}
    for model in mapping["models"]:
        where = model.get("source_path") or []
        if len(where) == 3 and where[:2] == ["components", "schemas"]:
            kind = kinds.get(model["class_name"])
            if kind is not None:
                classes[where[2]] = (model["class_name"], kind)
    return Models(source, classes)


def class_kinds(source: str) -> dict[str, ClassKind]:
    """The model and enum classes of a models module (root models are left out: a handler gets
    the value itself, typed, not a wrapper)."""
    kinds: dict[str, ClassKind] = {}
    roots: set[str] = set()
    for node in ast.parse(source).body:
        if not isinstance(node, ast.ClassDef):
            continue
        bases = [_base_name(b) for b in node.bases]
        if any(b == "RootModel" or b in roots for b in bases):
            roots.add(node.name)
        elif any(b in ENUM_BASES for b in bases):
            kinds[node.name] = "enum"
        else:
            kinds[node.name] = "model"
    return kinds


def _base_name(base: ast.expr) -> str:
    if isinstance(base, ast.Subscript):
        base = base.value
    if isinstance(base, ast.Attribute):
        return base.attr
    return base.id if isinstance(base, ast.Name) else ""
