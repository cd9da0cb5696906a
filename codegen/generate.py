"""Writes generated/ from the spec, or checks that it is up to date."""

from __future__ import annotations

import difflib
import subprocess
import sys
import tempfile
from collections import defaultdict
from pathlib import Path
from typing import Any

import jinja2
from openapi_spec_validator import OpenAPIV30SpecValidator

from codegen.examples import example_problems
from codegen.project import ROOT, header
from codegen.spec import Operation, operations, pythonic
from specfirst.document import Spec, load_spec

SPEC = ROOT / "spec" / "openapi.yaml"
OUTPUT = ROOT / "generated"
TEMPLATES = Path(__file__).resolve().parent / "templates"

# Pinned with the generator's exact version in pyproject.toml; changing either changes generated/.
DATAMODEL_CODEGEN_ARGS = [
    "--input-file-type=openapi",
    "--openapi-scopes=schemas",
    "--output-model-type=pydantic_v2.BaseModel",
    "--target-python-version=3.11",
    "--disable-timestamp",
    "--keep-model-order",
    "--enum-field-as-literal=one",
    "--collapse-root-models",
    "--use-annotated",
    "--field-constraints",
    "--use-standard-collections",
    "--use-union-operator",
    "--use-double-quotes",
    "--use-schema-description",
    "--extra-fields=forbid",
    "--formatters=ruff-format",
]


class SpecError(Exception):
    """The spec is invalid; the message lists every problem found."""


def spec_problems(spec: Spec) -> list[str]:
    problems = []
    for error in OpenAPIV30SpecValidator(spec).iter_errors():
        where = "/".join(str(p) for p in error.absolute_path) or "/"
        problems.append(f"spec: /{where.lstrip('/')}: {error.message}")
    return problems


def models_source(spec_path: Path, header: str) -> str:
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "models.py"
        subprocess.run(
            [
                sys.executable,
                "-m",
                "datamodel_code_generator",
                f"--input={spec_path}",
                f"--output={out}",
                *DATAMODEL_CODEGEN_ARGS,
                f"--custom-file-header=# {header}",
            ],
            check=True,
            capture_output=True,
            text=True,
        )
        return out.read_text(encoding="utf-8")


def _python_literal(value: Any) -> str:
    return repr(value)


def _classname(tag: str) -> str:
    return "".join(part.capitalize() for part in pythonic(tag).split("_"))


def _result_annotation(op: Operation) -> str:
    if op.result_type is None:
        return "None"
    return f"{op.result_type} | Reply[{op.result_type}]"


def render(ops: list[Operation], header: str) -> dict[str, str]:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        keep_trailing_newline=True,
        undefined=jinja2.StrictUndefined,
    )
    env.filters.update(
        pythonic=pythonic,
        classname=_classname,
        python_literal=_python_literal,
        result_annotation=_result_annotation,
    )
    tags: dict[str, list[Operation]] = defaultdict(list)
    for op in ops:
        tags[op.tag].append(op)
    context = {"header": header, "operations": ops, "tags": dict(tags)}
    return {
        name: env.get_template(f"{name}.j2").render(context)
        for name in ("protocols.py", "operations.py")
    }


def format_python(files: dict[str, str]) -> dict[str, str]:
    """Formats with the project's pinned ruff and settings, so output never depends on the editor."""
    formatted = {}
    for name, source in files.items():
        for command in (["check", "--fix-only", "--select=I,F401"], ["format"]):
            source = subprocess.run(
                [sys.executable, "-m", "ruff", *command, f"--stdin-filename=generated/{name}", "-"],
                input=source,
                check=True,
                capture_output=True,
                text=True,
                cwd=ROOT,
            ).stdout
        formatted[name] = source
    return formatted


def build(spec_path: Path = SPEC) -> dict[str, str]:
    """Every file of generated/, by name; raises SpecError listing every problem in the spec."""
    spec = load_spec(spec_path)
    problems = spec_problems(spec)
    if not problems:
        problems = example_problems(spec)
    if problems:
        raise SpecError("\n".join(problems))
    text = header(spec_path)
    files = {"__init__.py": f'"""{text}"""\n', "models.py": models_source(spec_path, text)}
    files.update(render(operations(spec), text))
    return format_python(files)


def stale(files: dict[str, str], output: Path = OUTPUT) -> str:
    """A unified diff from what is in ``output`` to ``files``; empty when up to date."""
    diff: list[str] = []
    on_disk = {p.name for p in output.glob("*.py")} if output.is_dir() else set()
    for name in sorted(on_disk | set(files)):
        path = output / name
        old = path.read_text(encoding="utf-8") if path.exists() else ""
        new = files.get(name, "")
        diff += difflib.unified_diff(
            old.splitlines(keepends=True),
            new.splitlines(keepends=True),
            f"generated/{name}",
            f"generated/{name} (from spec)",
        )
    return "".join(diff)


def write(files: dict[str, str], output: Path = OUTPUT) -> None:
    output.mkdir(exist_ok=True)
    for path in output.glob("*.py"):
        if path.name not in files:
            path.unlink()
    for name, source in files.items():
        path = output / name
        if not path.exists() or path.read_text(encoding="utf-8") != source:
            path.write_text(source, encoding="utf-8")
