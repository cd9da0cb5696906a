"""``python -m codegen new SPEC DIR``: a new service, from an OpenAPI 3.0 document to a running
mock and a 501-answering service in one command.

DIR gets the spec (``spec/openapi.yaml``), the generated package (``generated/``), its API
reference (``docs/api.md``), an ``app/`` whose handler classes are empty, a pyproject.toml with
the ``[tool.specfirst]`` config and the mypy, ruff and pytest settings, a README and a smoke
test. The handler classes are named after what the generated operations expect, read from the
generated code itself, so the two always agree.
"""

from __future__ import annotations

import ast
import json
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jinja2

from codegen import docs
from codegen.generate import build, write
from specfirst.config import python_name
from specfirst.document import Spec, load_spec, resolve

TEMPLATES = Path(__file__).resolve().parent / "templates" / "new"
SPEC = Path("spec") / "openapi.yaml"
GENERATED = "generated"
REFERENCE = Path("docs") / "api.md"
# Template files whose name cannot be the rendered file's own (a dot file would be hidden).
RENAMED = {"gitignore": ".gitignore"}


class ScaffoldError(Exception):
    """The scaffold cannot be made; the message says why."""


@dataclass(frozen=True)
class HandlerClass:
    attr: str  # the keyword of the generated Operations that takes it
    name: str  # the Protocol's name in generated/protocols.py, and the scaffold class's
    functions: list[str]  # the Protocol's methods: one per operation of the tag

    @property
    def protocol_path(self) -> str:
        return f"{GENERATED}.protocols.{self.name}"


@dataclass(frozen=True)
class VerifierStub:
    scheme: str
    function: str
    parameters: str
    description: str


def handler_classes(operations_source: str, protocols_source: str) -> list[HandlerClass]:
    """What the generated ``Operations`` takes (keyword and Protocol), with each Protocol's
    methods, read from the generated modules."""
    protocols = {
        node.name: [f.name for f in node.body if isinstance(f, ast.FunctionDef)]
        for node in ast.parse(protocols_source).body
        if isinstance(node, ast.ClassDef)
    }
    found = []
    for node in ast.parse(operations_source).body:
        if isinstance(node, ast.ClassDef) and node.name == "Operations":
            init = next(
                f for f in node.body if isinstance(f, ast.FunctionDef) and f.name == "__init__"
            )
            for argument in init.args.kwonlyargs:
                protocol = ast.unparse(argument.annotation) if argument.annotation else ""
                found.append(HandlerClass(argument.arg, protocol, protocols.get(protocol, [])))
    if not found:
        raise ScaffoldError("the generated operations take no handlers: is the spec empty?")
    return found


def verifier_stubs(spec: Spec) -> list[VerifierStub]:
    """A refusing verifier per security scheme the spec uses."""
    # Imported here: it imports Connexion, which `python -m codegen` alone does not need.
    from specfirst.security import scheme_kind, schemes, used_schemes

    declared = schemes(spec)
    stubs = []
    for name in used_schemes(spec):
        scheme = resolve(spec, declared[name])
        kind = scheme_kind(name, scheme)
        parameters = "username: str, password: str" if kind == "basic" else "credential: str"
        where = f" ({scheme['in']} {scheme['name']})" if kind == "apiKey" else ""
        stubs.append(
            VerifierStub(
                scheme=name,
                function=f"verify_{python_name(name)}",
                parameters=parameters,
                description=f"The `{name}` scheme: {kind}{where}. Refuses every credential.",
            )
        )
    return stubs


def _toml_string(text: str) -> str:
    return json.dumps(text)  # a JSON string is a valid TOML basic string


def environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        keep_trailing_newline=True,
        undefined=jinja2.StrictUndefined,
    )
    env.filters.update(python_literal=repr, toml_string=_toml_string)
    return env


def regenerate_command(python: str) -> str:
    return (
        f"{python} -m codegen --spec {SPEC.as_posix()} --output {GENERATED}"
        f" --reference {REFERENCE.as_posix()}"
    )


def context(spec: Spec, generated: dict[str, str], python: str) -> dict[str, Any]:
    title = str(spec.get("info", {}).get("title", "API"))
    name = python_name(title)
    return {
        "title": title,
        "name": name,
        "env_prefix": f"{name.upper()}_",
        "python": python,
        "regenerate": regenerate_command(python),
        "handlers": handler_classes(generated["operations.py"], generated["protocols.py"]),
        "verifiers": verifier_stubs(spec),
    }


def rendered(values: dict[str, Any]) -> dict[Path, str]:
    """Every file of the scaffold outside spec/, generated/ and docs/, by path in DIR."""
    env = environment()
    files = {}
    for template in sorted(TEMPLATES.rglob("*.j2")):
        relative = template.relative_to(TEMPLATES).with_suffix("")
        relative = relative.with_name(RENAMED.get(relative.name, relative.name))
        files[relative] = env.get_template(template.relative_to(TEMPLATES).as_posix()).render(
            values
        )
    return files


def format_python(target: Path) -> None:
    """The scaffold's Python, sorted and formatted by ruff with the scaffold's own settings."""
    for command in (
        ["check", "--fix-only", "--select=I", "--quiet", "--no-cache"],
        ["format", "--quiet", "--no-cache"],
    ):
        subprocess.run(
            [sys.executable, "-m", "ruff", *command, "app", "tests"],
            cwd=target,
            check=True,
            capture_output=True,
            text=True,
        )


def scaffold(spec_path: Path, target: Path, python: str = sys.executable) -> list[Path]:
    """Makes the service of ``spec_path`` in ``target`` (new, or an empty folder); the files
    written, relative to ``target``. Raises codegen's errors for a spec it cannot serve."""
    if not spec_path.is_file():
        raise ScaffoldError(f"{spec_path}: no such file")
    if target.exists() and (not target.is_dir() or any(target.iterdir())):
        raise ScaffoldError(f"{target}: exists and is not an empty folder")
    created = not target.exists()
    try:
        return _write(spec_path, target, python)
    except Exception:
        # A spec codegen cannot serve leaves no half-made service behind.
        if created:
            shutil.rmtree(target, ignore_errors=True)
        else:
            for child in target.iterdir():
                if child.is_dir():
                    shutil.rmtree(child)
                else:
                    child.unlink()
        raise


def _write(spec_path: Path, target: Path, python: str) -> list[Path]:
    target.mkdir(parents=True, exist_ok=True)
    (target / SPEC).parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(spec_path, target / SPEC)
    spec = load_spec(target / SPEC)
    generated = build(target / SPEC)
    write(generated, target / GENERATED)
    (target / REFERENCE).parent.mkdir(parents=True, exist_ok=True)
    docs.write(docs.api_reference(spec, target / SPEC), target / REFERENCE)
    files = rendered(context(spec, generated, python))
    for relative, text in files.items():
        (target / relative).parent.mkdir(parents=True, exist_ok=True)
        (target / relative).write_text(text, encoding="utf-8")
    format_python(target)
    written = [SPEC, REFERENCE, *(Path(GENERATED) / name for name in generated), *files]
    return sorted(written)
